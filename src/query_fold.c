/* SPDX-License-Identifier: MIT */
/* query_fold: text as queries match it, folded with text_fold_cp and white
 * space runs collapsed to one space; and finding a folded needle in text
 * not folded first. */
#include "query_int.h"

#include <string.h>

/* ---- small helpers ----------------------------------------------------- */

void
query_bytes_reserve(struct bytes *b, size_t more)
{
	if (b->cap - b->len >= more)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len < more)
		cap *= 2;
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

static void
offsets_reserve(struct offsets *m, size_t n)
{
	if (m->cap >= n)
		return;
	size_t cap = m->cap ? m->cap : 256;
	while (cap < n)
		cap *= 2;
	m->v = xrealloc(m->v, cap * sizeof(*m->v));
	m->cap = cap;
}

static bool
is_uspace(uint32_t cp)
{
	return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
	       cp == 0x3000;
}

/* Folds 8 bytes of s into o when they are printable ASCII or single
 * spaces (no space first when after white space): the common case, done a
 * word at a time. False, writing nothing, otherwise. */
static bool
fold8(const char *s, char *o, bool inspace)
{
	const uint64_t ones = 0x0101010101010101u, hi = 0x8080808080808080u;
	uint64_t x;
	memcpy(&x, s, 8);
	uint64_t h7 = x & ~hi;
	/* every byte ASCII and at least ' ' */
	if ((x | ~(h7 + 0x60 * ones)) & hi)
		return false;
	/* spaces: never two together, nor one after white space */
	uint64_t y = x ^ (0x20 * ones);
	uint64_t sp = ~(((y & ~hi) + ~hi) | y) & hi;
	if ((sp & (sp << 8)) || (inspace && s[0] == ' '))
		return false;
	/* 'A'..'Z' get 0x20 */
	uint64_t upper = (h7 + (0x80 - 'A') * ones) & ~(h7 + (0x7F - 'Z') * ones) &
	                 hi;
	x |= upper >> 2;
	memcpy(o, &x, 8);
	return true;
}

/* Appends the folded form of s[0..len) to b: every code point through
 * text_fold_cp, each run of white space as one ' ', bad bytes as U+FFFD.
 * With map, map->v[k - b->len] receives, for each byte k added, the offset
 * in s of the character it came from, and one more entry receives len. */
void
query_fold_text(struct bytes *b, struct offsets *map, const char *s, size_t len)
{
	query_bytes_reserve(b, 3 * len + 1);
	if (map)
		offsets_reserve(map, 3 * len + 2);
	char *o = b->s + b->len, *o0 = o;
	size_t *m = map ? map->v : NULL;
	bool inspace = false;
	size_t i = 0;
	while (i < len) {
		if (!m && len - i >= 8 && fold8(s + i, o, inspace)) {
			inspace = s[i + 7] == ' ';
			o += 8;
			i += 8;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		size_t k = 1;
		uint32_t cp = c;
		if (c >= 0x80)
			k = text_decode(s + i, len - i, &cp);
		if (c < 0x80 ? is_space(c) : is_uspace(cp)) {
			if (!inspace) {
				if (m)
					m[o - o0] = i;
				*o++ = ' ';
				inspace = true;
			}
		} else if (c < 0x80) {
			inspace = false;
			if (m)
				m[o - o0] = i;
			*o++ = lower((char)c);
		} else {
			inspace = false;
			char tmp[4];
			size_t n = text_encode(text_fold_cp(cp), tmp);
			for (size_t j = 0; j < n; j++) {
				if (m)
					m[o - o0] = i;
				*o++ = tmp[j];
			}
		}
		i += k;
	}
	if (m)
		m[o - o0] = len;
	b->len += (size_t)(o - o0);
	b->s[b->len] = '\0';
}

void
query_fold(struct buf *out, const char *s, size_t len)
{
	struct bytes b = { out->s, out->len, out->cap };
	query_fold_text(&b, NULL, s, len);
	out->s = b.s;
	out->len = b.len;
	out->cap = b.cap;
}

/* Turns the folded text s[0..len) into an enumerated value in place: each
 * run of blanks, '_' and '-' as one '-', none at either end ("Non
 * Exempt", "non_exempt" and "non-exempt" are one value); returns the new
 * length. */
size_t
query_value_norm(char *s, size_t len)
{
	size_t w = 0;
	bool sep = false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == ' ' || c == '_' || c == '-') {
			sep = true;
			continue;
		}
		if (sep && w)
			s[w++] = '-';
		sep = false;
		s[w++] = c;
	}
	return w;
}

/* True if white space starts at s[i] (a character boundary); *k gets its
 * length in bytes. */
static bool
space_at(const char *s, size_t len, size_t i, size_t *k)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80) {
		*k = 1;
		return is_space(c);
	}
	uint32_t cp;
	*k = text_decode(s + i, len - i, &cp);
	return is_uspace(cp);
}

/* True if the folded form of s[i..len) starts with nd[0..nl), s[i] being
 * a character boundary and, when white space, the first of its run: the
 * bytes query_fold_text would write from there, made one character at a
 * time. */
static bool
fold_starts(const char *s, size_t len, size_t i, const char *nd, size_t nl)
{
	size_t k = 0;
	while (k < nl) {
		if (i >= len)
			return false;
		unsigned char c = (unsigned char)s[i];
		size_t n;
		if (space_at(s, len, i, &n)) {
			if (nd[k++] != ' ')
				return false;
			for (i += n; i < len && space_at(s, len, i, &n); i += n)
				;
			continue;
		}
		if (c < 0x80) {
			if (lower((char)c) != nd[k++])
				return false;
			i++;
			continue;
		}
		uint32_t cp;
		i += text_decode(s + i, len - i, &cp);
		char tmp[4];
		size_t m = text_encode(text_fold_cp(cp), tmp);
		for (size_t j = 0; j < m && k < nl; j++)
			if (tmp[j] != nd[k++])
				return false;
	}
	return true;
}

/* True if x has a byte equal to the low byte of b (b repeated 8 times). */
static uint64_t
has_byte(uint64_t x, uint64_t b)
{
	const uint64_t ones = 0x0101010101010101u, hi = 0x8080808080808080u;
	uint64_t y = x ^ b;
	return (y - ones) & ~y & hi;
}

/* text_find(fold(s[0..len)), nd, nl) without folding s: the places
 * where the needle can start (its first byte in either case, any
 * non-ASCII character; white space after other text when the needle
 * starts with a space) are found eight bytes at a time, and the needle
 * is compared from each with fold_starts. */
bool
query_fold_find(const char *s, size_t len, const char *nd, size_t nl)
{
	const uint64_t ones = 0x0101010101010101u, hi = 0x8080808080808080u;
	unsigned char n0 = (unsigned char)nd[0];
	size_t i = 0, k;
	if (n0 == ' ') {
		bool prev = false;
		while (i < len) {
			bool sp = space_at(s, len, i, &k);
			if (sp && !prev && fold_starts(s, len, i, nd, nl))
				return true;
			prev = sp;
			i += k;
		}
		return false;
	}
	unsigned char up = n0 >= 'a' && n0 <= 'z' ? (unsigned char)(n0 - 32) :
	                   n0;
	uint64_t b0 = n0 < 0x80 ? n0 * ones : 0, b1 = n0 < 0x80 ? up * ones : 0;
	/* the second byte too, when it is plain ASCII: a start needs it (or
	 * a non-ASCII character) right after */
	unsigned char n1 = nl > 1 ? (unsigned char)nd[1] : 0;
	bool two = b0 && n1 > ' ' && n1 < 0x80;
	unsigned char up1 = n1 >= 'a' && n1 <= 'z' ? (unsigned char)(n1 - 32) :
	                    n1;
	uint64_t c0 = n1 * ones, c1 = up1 * ones;
	while (i < len) {
		/* skip ASCII bytes that cannot start it; the flag of the
		 * byte first in memory marks the first that may (has_byte is
		 * exact up to its first hit, never misses one, and flags
		 * falsely only bytes after a hit: more significant ones, so
		 * later in memory on little-endian, earlier on big-endian,
		 * where stopping early is harmless) */
		while (len - i >= 9) {
			uint64_t x;
			memcpy(&x, s + i, 8);
			uint64_t m = x & hi;
			if (b0) {
				uint64_t f = has_byte(x, b0) | has_byte(x, b1);
				if (two && f) {
					uint64_t y;
					memcpy(&y, s + i + 1, 8);
					f &= (y & hi) | has_byte(y, c0) | has_byte(y, c1);
				}
				m |= f;
			}
			if (m) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
				i += (size_t)__builtin_clzll(m) / 8;
#else
				i += (size_t)__builtin_ctzll(m) / 8;
#endif
				break;
			}
			i += 8;
		}
		if (i >= len)
			break;
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if ((c == n0 || c == up) && fold_starts(s, len, i, nd, nl))
				return true;
			i++;
			continue;
		}
		uint32_t cp;
		k = text_decode(s + i, len - i, &cp);
		if (fold_starts(s, len, i, nd, nl))
			return true;
		i += k;
	}
	return false;
}
