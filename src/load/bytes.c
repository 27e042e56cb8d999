/* SPDX-License-Identifier: MIT */
/* load/bytes: the byte scan before parsing: UTF-8 and the characters
 * libyaml refuses, UTF-16, JSON's surrogate escapes, line counts and
 * positions. */
#include "load/reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Bytes and positions ---------------------------------------------------- */

/* Line and column (characters) of byte offset off in buf. */
void
bytes_position(const char *buf, size_t off, unsigned *line, unsigned *col)
{
	unsigned l = 1, c = 1;
	for (size_t i = 0; i < off; i++) {
		if (buf[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

/* True for the code points YAML allows in a stream. */
static bool
yaml_printable(uint32_t cp)
{
	return cp == 0x09 || cp == 0x0A || cp == 0x0D ||
	       (cp >= 0x20 && cp <= 0x7E) || cp == 0x85 ||
	       (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
	       (cp >= 0x10000 && cp <= 0x10FFFF);
}

/* True if the character at buf[i] (n bytes, code point cp, as
 * text_decode read it) is one libyaml refuses. */
static bool
bad_char(const char *buf, size_t n, uint32_t cp)
{
	bool bad_utf8 = cp == 0xFFFD &&
	                !(n == 3 && !memcmp(buf, "\xEF\xBF\xBD", 3));
	return bad_utf8 || !yaml_printable(cp);
}

/* Looks at buf a character at a time from from (a character's start)
 * up to to at least: returns the offset where it stopped, or the offset
 * of the first byte libyaml refuses (invalid UTF-8, NUL and other control
 * characters) and, with breaks, of the first line break other than "\n"
 * and "\r\n" (a lone CR, NEL, LS or PS: libyaml counts lines otherwise
 * than billet there), with *odd set. */
static size_t
scan_chars(const char *buf, size_t len, size_t from, size_t to,
           bool breaks, bool *odd)
{
	const unsigned char *p = (const unsigned char *)buf;
	size_t i = from;
	while (i < to) {
		unsigned char c = p[i];
		if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t') {
			i++;
			continue;
		}
		if (c == '\r') {
			if (breaks && (i + 1 == len || p[i + 1] != '\n')) {
				*odd = true;
				return i;
			}
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = text_decode(buf + i, len - i, &cp);
		if (bad_char(buf + i, n, cp) ||
		    (breaks && (cp == 0x85 || cp == 0x2028 || cp == 0x2029))) {
			*odd = true;
			return i;
		}
		i += n;
	}
	return i;
}

/* The offset of the first byte libyaml refuses, or len. */
static size_t
first_bad_byte(const char *buf, size_t len)
{
	bool odd = false;
	size_t i = scan_chars(buf, len, 0, len, false, &odd);
	return odd ? i : len;
}

/* Counts the line breaks in buf. */
unsigned
bytes_lines(const char *buf, size_t len)
{
	/* counted in blocks of at most 255 x 16 bytes into 16 byte-sized
	 * counters, a loop the compiler turns into vector instructions:
	 * several times faster than a memchr a line */
	unsigned n = 0;
	const unsigned char *p = (const unsigned char *)buf;
	while (len > 0) {
		size_t m = len < 255 * 16 ? len : 255 * 16, j = 0;
		unsigned char acc[16] = {0};
		for (; j + 16 <= m; j += 16)
			for (int k = 0; k < 16; k++)
				acc[k] += p[j + k] == '\n';
		for (int k = 0; k < 16; k++)
			n += acc[k];
		for (; j < m; j++)
			n += p[j] == '\n';
		p += m;
		len -= m;
	}
	return n;
}

/* Counts the line feeds of buf, and sets *plain when buf has no byte
 * libyaml refuses and no line break but "\n" and "\r\n" (scan_chars). */
unsigned
bytes_scan(const char *buf, size_t len, bool *plain)
{
	const unsigned char *p = (const unsigned char *)buf;
	unsigned n = 0;
	size_t i = 0, checked = 0; /* the bytes before checked are plain */
	bool odd = false;
#if defined(__GNUC__)
	/* 16 bytes at a time in vector registers: line feeds counted in
	 * 16 byte-sized counters, at most 255 blocks in a row; a block of
	 * anything but printable ASCII and line feeds is looked at again
	 * a character at a time */
	typedef unsigned char v16 __attribute__((vector_size(16)));
	typedef signed char s16 __attribute__((vector_size(16)));
	typedef unsigned long long v2 __attribute__((vector_size(16)));
	const v16 bias = (v16){0} + 0x60;
	const s16 top = (s16){0} - 0x22;
	while (i + 16 <= len) {
		size_t m = (len - i) / 16 < 255 ? (len - i) / 16 : 255;
		v16 acc = {0};
		for (size_t b = 0; b < m; b++, i += 16) {
			v16 v;
			memcpy(&v, p + i, 16);
			s16 nl = v == '\n'; /* -1 where a line feed is */
			acc -= (v16)nl;
			/* c + 0x60 > -0x22 as signed bytes: c below 0x20 or
			 * above 0x7E */
			v2 w = (v2)(((s16)(v + bias) > top) & ~nl);
			if ((w[0] | w[1]) && !odd && i + 16 > checked)
				checked = scan_chars(buf, len,
				                     i > checked ? i : checked,
				                     i + 16, true, &odd);
		}
		for (int k = 0; k < 16; k++)
			n += acc[k];
	}
#endif
	n += bytes_lines(buf + i, len - i);
	if (!odd && len > checked)
		scan_chars(buf, len, i > checked ? i : checked, len, true,
		           &odd);
	*plain = !odd;
	return n;
}

/* Checks the bytes libyaml will refuse: invalid UTF-8, NUL and other
 * control characters. Reports the first, and returns a repaired copy
 * (each bad byte or character as U+FFFD) in *fixed, or NULL when the
 * bytes are clean. */
char *
bytes_repair(struct lctx *x, const char *buf, size_t len, size_t *fixed_len,
             size_t off0)
{
	size_t i = first_bad_byte(buf, len);
	if (i == len)
		return NULL;
	/* found a bad byte at i: report it, then repair everything */
	unsigned line, col;
	bytes_position(buf, i, &line, &col);
	uint32_t cp;
	size_t n = text_decode(buf + i, len - i, &cp);
	if (cp == 0xFFFD && !(n == 3 && !memcmp(buf + i, "\xEF\xBF\xBD", 3)))
		catalog_problem(x->c, x->file, line, col, true,
		                "invalid UTF-8: byte 0x%02X at offset %zu; bad "
		                "bytes are read as U+FFFD",
		                (unsigned char)buf[i], off0 + i);
	else if (cp == 0)
		catalog_problem(x->c, x->file, line, col, true,
		                "NUL byte at offset %zu; read as U+FFFD",
		                off0 + i);
	else
		catalog_problem(x->c, x->file, line, col, true,
		                "control character U+%04X at offset %zu is not "
		                "allowed in YAML; read as U+FFFD", cp, off0 + i);
	struct buf out = {0};
	buf_add(&out, buf, i);
	while (i < len) {
		n = text_decode(buf + i, len - i, &cp);
		if (bad_char(buf + i, n, cp)) {
			buf_adds(&out, "\xEF\xBF\xBD");
		} else {
			buf_add(&out, buf + i, n);
		}
		i += n;
	}
	*fixed_len = out.len;
	return buf_steal(&out);
}

/* Converts UTF-16 (with its BOM) to UTF-8; returns a malloc'd copy. */
char *
bytes_from_utf16(const unsigned char *b, size_t len, bool le,
                 size_t *out_len)
{
	struct buf out = {0};
	buf_adds(&out, "");
	for (size_t i = 2; i + 1 < len; i += 2) {
		uint32_t u = le ? (uint32_t)(b[i] | b[i + 1] << 8)
		                : (uint32_t)(b[i] << 8 | b[i + 1]);
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
			uint32_t lo = le ? (uint32_t)(b[i + 2] | b[i + 3] << 8)
			                 : (uint32_t)(b[i + 2] << 8 | b[i + 3]);
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				i += 2;
			} else {
				u = 0xFFFD;
			}
		} else if (u >= 0xD800 && u <= 0xDFFF) {
			u = 0xFFFD;
		}
		char enc[4];
		buf_add(&out, enc, text_encode(u, enc));
	}
	*out_len = out.len;
	return buf_steal(&out);
}

/* True if some line of buf starts with '%' (a directive). */
bool
bytes_has_directive(const char *buf, size_t len, bool line_start)
{
	/* '%' is rare: look for it, not for every line's start */
	for (const char *p = buf, *e = buf + len;
	     (p = memchr(p, '%', (size_t)(e - p))); p++)
		if (p == buf ? line_start : p[-1] == '\n')
			return true;
	return false;
}

/* JSON escapes ---------------------------------------------------------- */

/* The value of four hex digits at s, or -1. */
static long
hex4(const char *s)
{
	long v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0'
		      : c >= 'a' && c <= 'f' ? c - 'a' + 10
		      : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* The UTF-16 unit of a \uXXXX escape at buf[i] when it is a surrogate
 * (D800-DFFF), else -1. */
static long
surrogate_at(const char *buf, size_t len, size_t i)
{
	if (len - i < 6 || buf[i] != '\\' || buf[i + 1] != 'u')
		return -1;
	long u = hex4(buf + i + 2);
	return u >= 0xD800 && u <= 0xDFFF ? u : -1;
}

/* The offset of the next surrogate escape from buf[from] on (from not
 * inside an escape), or len. */
static size_t
next_surrogate(const char *buf, size_t len, size_t from)
{
	const char *p = buf + from, *e = buf + len;
	while (p < e && (p = memchr(p, '\\', (size_t)(e - p)))) {
		if (surrogate_at(buf, len, (size_t)(p - buf)) >= 0)
			return (size_t)(p - buf);
		p += 2; /* past the escaped character: "\\u" is no escape */
	}
	return len;
}

char *
jsonld_unsurrogate(struct lctx *x, const char *buf, size_t len,
                   size_t *out_len)
{
	size_t nl = strlen(x->file);
	if (nl < 5 || strcmp(x->file + nl - 5, ".json") != 0)
		return NULL;
	return bytes_unsurrogate(x, buf, len, out_len);
}

char *
bytes_unsurrogate(struct lctx *x, const char *buf, size_t len,
                  size_t *out_len)
{
	size_t i = next_surrogate(buf, len, 0);
	if (i == len)
		return NULL;
	struct buf out = {0};
	size_t done = 0;        /* bytes of buf copied to out */
	unsigned pad = 0;       /* bytes the open string has lost */
	unsigned line = 1;      /* the line of buf[at], counted on demand */
	size_t at = 0, bol = 0; /* and the offset of its start */
	while (i < len) {
		long hi = surrogate_at(buf, len, i), lo = -1;
		if (hi >= 0) {
			buf_add(&out, buf + done, i - done);
			if (hi <= 0xDBFF)
				lo = surrogate_at(buf, len, i + 6);
			if (lo >= 0xDC00) {
				uint32_t cp = 0x10000 + (uint32_t)((hi - 0xD800)
				              << 10) + (uint32_t)(lo - 0xDC00);
				buf_printf(&out, "\\U%08X", (unsigned)cp);
				pad += 2;
				i += 12;
			} else {
				for (; at < i; at++)
					if (buf[at] == '\n') {
						line++;
						bol = at + 1;
					}
				unsigned col = 1;
				for (size_t k = bol; k < i; k++)
					col += ((unsigned char)buf[k] & 0xC0) != 0x80;
				catalog_problem(x->c, x->file, line, col, false,
				                "\\u%04lX is half of a UTF-16 "
				                "surrogate pair, alone; read as "
				                "U+FFFD", (unsigned long)hi);
				buf_adds(&out, "\\uFFFD");
				i += 6;
			}
			done = i;
		} else if (buf[i] == '\\') {
			i += len - i > 1 ? 2 : 1;
		} else if (buf[i] == '"') {
			/* the string ends: the bytes it lost come back as
			 * spaces after it, so that what follows keeps its
			 * column and offset (only what follows an escape
			 * inside the string is moved) */
			buf_add(&out, buf + done, i + 1 - done);
			for (; pad; pad--)
				buf_addc(&out, ' ');
			done = ++i;
		} else {
			if (buf[i] == '\n')
				pad = 0; /* a string over lines, as JSON has
				          * none: the rest of the line moves */
			i++;
		}
		if (!pad)
			i = next_surrogate(buf, len, i);
	}
	buf_add(&out, buf + done, len - done);
	*out_len = out.len;
	return buf_steal(&out);
}
