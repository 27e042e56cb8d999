/* SPDX-License-Identifier: MIT */
/* index_store: the index's storage: the vocabulary of tokens (a hash
 * table, and the tokens holding each pair and triple of bytes) and the
 * posting lists (delta varints while sparse, bitmaps once dense). */
#include "index_int.h"

#include <stdlib.h>
#include <string.h>

/* The names of the fields, by index. */
static const char *const field_names[] = {
	"title", "org", "loc", "dept", "tag", "type", "workplace", "lang",
	"id", "text", "other", "workplace.note", "union", "deadline", "start",
};
_Static_assert(sizeof(field_names) / sizeof(field_names[0]) == NFIELDS,
               "NFIELDS names every field");

/* v (elements of size bytes, *cap of them) grown to hold need. */
void *
index_grow(void *v, size_t *cap, size_t need, size_t size)
{
	if (*cap >= need)
		return v;
	size_t c = *cap ? *cap : 16;
	while (c < need)
		c *= 2;
	*cap = c;
	return xrealloc(v, c * size);
}

int
index_field_id(const char *name)
{
	if (!name)
		return FIELD_ANY;
	for (size_t f = 0; f < NFIELDS; f++)
		if (name[0] == field_names[f][0] && !strcmp(name, field_names[f]))
			return (int)f;
	return FIELD_UNKNOWN;
}

/* A word whose first n bytes in memory (n <= 8) are 0xFF, the rest 0. */
static uint64_t
head_mask(size_t n)
{
	static const unsigned char ones[16] = {
		0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
	};
	uint64_t m;
	memcpy(&m, ones + 8 - n, 8);
	return m;
}

/* The offset of the byte first in memory flagged (high bit) in m, m
 * being has-zero-byte flags ((y - ones) & ~y & hi). Those are exact up to
 * the least significant zero byte and may be false above it: so this is
 * the first zero byte on little-endian, and on big-endian perhaps a false
 * flag before it, the zero byte coming later in the same word. */
static size_t
first_flag(uint64_t m)
{
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
	return (size_t)__builtin_clzll(m) / 8;
#else
	return (size_t)__builtin_ctzll(m) / 8;
#endif
}

/* A hash of s[0..n); s[n..n+8) must be readable too (it is not used). */
static uint32_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15u ^ n, x;
	for (; n >= 8; s += 8, n -= 8) {
		memcpy(&x, s, 8);
		h = (h ^ x) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 32;
	}
	memcpy(&x, s, 8);
	x &= head_mask(n);
	h = (h ^ x) * 0xC4CEB9FE1A85EC53u;
	h ^= h >> 29;
	return (uint32_t)h;
}

/* ---- vocabulary -------------------------------------------------------- */

static void
vocab_rehash(struct query_index *ix, size_t nslots)
{
	struct slot *s = xcalloc(nslots, sizeof(*s));
	for (size_t i = 0; i < ix->nslots; i++) {
		if (!ix->slots[i].tok)
			continue;
		size_t j = ix->slots[i].hash & (nslots - 1);
		while (s[j].tok)
			j = (j + 1) & (nslots - 1);
		s[j] = ix->slots[i];
	}
	free(ix->slots);
	ix->slots = s;
	ix->nslots = nslots;
}

/* True if a[0..len) equals b[0..len); a[0..8) and b[0..8) readable. */
static bool
same_bytes(const char *a, const char *b, size_t len)
{
	if (len > 8)
		return !memcmp(a, b, len);
	uint64_t x, y;
	memcpy(&x, a, 8);
	memcpy(&y, b, 8);
	return !((x ^ y) & head_mask(len));
}

/* The first ' ' in p[0..e - p), or e; p[0..e - p + 8) readable. */
const char *
index_next_space(const char *p, const char *e)
{
	const uint64_t ones = 0x0101010101010101u, hi = 0x8080808080808080u;
	for (; p < e; p += 8) {
		uint64_t y;
		memcpy(&y, p, 8);
		y ^= 0x20 * ones;
		uint64_t m = (y - ones) & ~y & hi;
		if (m) {
			for (p += first_flag(m); p < e && *p != ' '; p++)
				;
			return p < e ? p : e;
		}
	}
	return e;
}

/* Writes d at p as a varint (7 bits a byte, low first); returns the
 * bytes written, at most 5. */
static size_t
varint_put(uint8_t *p, uint32_t d)
{
	size_t k = 0;
	while (d >= 0x80) {
		p[k++] = (uint8_t)(d | 0x80);
		d >>= 7;
	}
	p[k++] = (uint8_t)d;
	return k;
}

/* Reads the varint at *p and moves *p past it. */
static inline uint32_t
varint_get(const uint8_t **p)
{
	uint32_t d = *(*p)++;
	if (d & 0x80) {
		d &= 0x7F;
		for (int sh = 7;; sh += 7) {
			d |= (uint32_t)(**p & 0x7F) << sh;
			if (!(*(*p)++ & 0x80))
				break;
		}
	}
	return d;
}

/* Adds token t to the list, unless it is the last already (a pair or
 * triple twice in one token). */
static void
toklist_add(struct query_index *ix, struct toklist *tl, uint32_t t)
{
	if (tl->n && tl->last == t)
		return;
	if (tl->len + 5 > tl->cap) {
		uint32_t cap = tl->cap ? tl->cap * 2 : 8;
		if (cap < tl->len + 5) /* a trimmed list grows again */
			cap = tl->len + 5;
		tl->d = xrealloc(tl->d, cap);
		ix->gram_bytes += cap - tl->cap;
		tl->cap = cap;
	}
	tl->len += (uint32_t)varint_put(tl->d + tl->len,
	                                tl->n ? t - tl->last : t);
	tl->n++;
	tl->last = t;
}

/* The tokens of tl, into ix->gramtoks. */
const uint32_t *
index_toklist_tokens(struct query_index *ix, const struct toklist *tl)
{
	ix->gramtoks = index_grow(ix->gramtoks, &ix->gramtokcap, tl->n ? tl->n : 1,
	                          sizeof(*ix->gramtoks));
	const uint8_t *p = tl->d, *e = p + tl->len;
	uint32_t t = 0, k = 0;
	while (p < e) {
		t += varint_get(&p);
		ix->gramtoks[k++] = t;
	}
	return ix->gramtoks;
}

/* Gives back the unused end of tl's storage. */
void
index_toklist_trim(struct query_index *ix, struct toklist *tl)
{
	if (tl->cap == tl->len)
		return;
	ix->gram_bytes -= tl->cap - tl->len;
	if (!tl->len) {
		free(tl->d);
		tl->d = NULL;
	} else {
		tl->d = xrealloc(tl->d, tl->len);
	}
	tl->cap = tl->len;
}

/* The table's key of the n (2 or 3) bytes at s. */
uint32_t
index_gram_key(const char *s, size_t n)
{
	uint32_t k = (uint32_t)(unsigned char)s[0] << 8 | (unsigned char)s[1];
	return n == 2 ? 1u << 25 | k : 1u << 24 | k << 8 | (unsigned char)s[2];
}

/* The tokens holding the bytes of key: made when missing if add, else
 * NULL. */
struct toklist *
index_gram_list(struct query_index *ix, uint32_t key, bool add)
{
	size_t mask = ix->gramslots - 1, j = (key * 0x9E3779B1u) >> 8 & mask;
	for (; ix->grams[j].key; j = (j + 1) & mask)
		if (ix->grams[j].key == key)
			return &ix->grams[j].list;
	if (!add)
		return NULL;
	if (2 * (ix->ngrams + 1) > ix->gramslots) {
		size_t n = ix->gramslots * 2;
		struct gram *t = xcalloc(n, sizeof(*t));
		for (size_t i = 0; i < ix->gramslots; i++) {
			if (!ix->grams[i].key)
				continue;
			size_t k = (ix->grams[i].key * 0x9E3779B1u) >> 8 &
			           (n - 1);
			while (t[k].key)
				k = (k + 1) & (n - 1);
			t[k] = ix->grams[i];
		}
		free(ix->grams);
		ix->grams = t;
		ix->gramslots = n;
		return index_gram_list(ix, key, true);
	}
	ix->ngrams++;
	ix->grams[j].key = key;
	return &ix->grams[j].list;
}

/* The id of token s[0..len), or NONE when it is not in the vocabulary
 * and add is false; s[len..len+8) must be readable. */
uint32_t
index_vocab_get(struct query_index *ix, const char *s, size_t len, bool add)
{
	uint32_t h = hash_bytes(s, len);
	size_t mask = ix->nslots - 1, j = h & mask;
	for (; ix->slots[j].tok; j = (j + 1) & mask) {
		if (ix->slots[j].hash != h)
			continue;
		uint32_t t = ix->slots[j].tok - 1;
		if (tok_len(ix, t) == len && same_bytes(tok_str(ix, t), s, len))
			return t;
	}
	if (!add)
		return NONE;
	uint32_t t = (uint32_t)ix->ntok;
	if (ix->ntok + 2 > ix->tokcap) {
		ix->tokoff = index_grow(ix->tokoff, &ix->tokcap, ix->ntok + 2,
		                        sizeof(*ix->tokoff));
		ix->tok = xrealloc(ix->tok, ix->tokcap * sizeof(*ix->tok));
	}
	/* 8 spare bytes after the last token, for same_bytes */
	ix->voc = index_grow(ix->voc, &ix->voccap, ix->voclen + len + 1 + 8, 1);
	memcpy(ix->voc + ix->voclen, s, len);
	for (size_t k = 0; k < len; k++)
		ix->bytefreq[(unsigned char)s[k]]++;
	ix->voclen += len;
	ix->voc[ix->voclen++] = ' ';
	for (size_t k = 0; k + 1 < len; k++) {
		toklist_add(ix, index_gram_list(ix, index_gram_key(s + k, 2), true), t);
		if (k + 2 < len)
			toklist_add(ix, index_gram_list(ix, index_gram_key(s + k, 3), true),
			            t);
	}
	ix->tok[t] = (struct tokinfo){ NONE, 0, 0 };
	ix->ntok++;
	ix->tokoff[ix->ntok] = (uint32_t)ix->voclen;
	ix->slots[j] = (struct slot){ t + 1, h };
	if (2 * ix->ntok > ix->nslots)
		vocab_rehash(ix, 2 * ix->nslots);
	return t;
}

/* ---- posting lists ----------------------------------------------------- */

static uint8_t *
list_bytes(struct plist *pl)
{
	return pl->cap ? pl->d.p : pl->d.in;
}

static const uint8_t *
list_cbytes(const struct plist *pl)
{
	return pl->cap ? pl->d.p : pl->d.in;
}

/* Makes room for more bytes at the end of the list's storage. */
static void
list_reserve(struct plist *pl, size_t more)
{
	size_t need = pl->len + more;
	if (pl->cap == 0) {
		if (need <= INLINE_BYTES)
			return;
		size_t cap = 16;
		while (cap < need)
			cap *= 2;
		uint8_t *p = xrealloc(NULL, cap);
		memcpy(p, pl->d.in, pl->len);
		pl->d.p = p;
		pl->cap = (uint32_t)cap;
	} else if (need > pl->cap) {
		size_t cap = pl->cap;
		while (cap < need)
			cap *= 2;
		pl->d.p = xrealloc(pl->d.p, cap);
		pl->cap = (uint32_t)cap;
	}
}

/* Turns a varint list into a bitmap covering its last posting. */
static void
list_to_bitmap(struct plist *pl)
{
	size_t words = pl->last / 64 + 1, cap = words * 8;
	uint64_t *bm = xcalloc(words, 8);
	const uint8_t *p = list_cbytes(pl), *e = p + pl->len;
	uint32_t x = 0;
	while (p < e) {
		x += varint_get(&p);
		bm[x / 64] |= (uint64_t)1 << (x % 64);
	}
	if (pl->cap)
		free(pl->d.p);
	pl->d.p = (uint8_t *)bm;
	pl->cap = (uint32_t)cap;
	pl->len = (uint32_t)cap;
	pl->kind = PL_BITMAP;
}

/* Adds posting i (not below any posting in the list) to the list; a
 * bitmap that must grow is given room bytes at once. */
void
index_list_add(struct plist *pl, uint32_t i, size_t room)
{
	if (pl->count && pl->last == i)
		return;
	if (pl->kind == PL_BITMAP) {
		size_t need = ((size_t)i / 64 + 1) * 8;
		if (need > pl->len) {
			if (need > pl->cap) {
				size_t cap = room > need ? room : need;
				pl->d.p = xrealloc(pl->d.p, cap);
				pl->cap = (uint32_t)cap;
			}
			memset(pl->d.p + pl->len, 0, need - pl->len);
			pl->len = (uint32_t)need;
		}
		uint64_t *bm = (uint64_t *)(void *)pl->d.p;
		bm[i / 64] |= (uint64_t)1 << (i % 64);
	} else {
		list_reserve(pl, 5);
		pl->len += (uint32_t)varint_put(list_bytes(pl) + pl->len,
		                                pl->count ? i - pl->last : i);
	}
	pl->count++;
	pl->last = i;
	if (pl->kind == PL_VARINT && pl->len > 32 &&
	    pl->len > ((size_t)pl->last / 64 + 1) * 8)
		list_to_bitmap(pl);
}

/* ORs the list into the bitset dst. */
void
index_list_or(const struct plist *pl, uint64_t *dst)
{
	if (pl->kind == PL_BITMAP) {
		const uint64_t *bm = (const uint64_t *)(const void *)pl->d.p;
		size_t words = pl->len / 8;
		for (size_t w = 0; w < words; w++)
			dst[w] |= bm[w];
		return;
	}
	const uint8_t *p = list_cbytes(pl), *e = p + pl->len;
	uint32_t x = 0;
	while (p < e) {
		x += varint_get(&p);
		dst[x / 64] |= (uint64_t)1 << (x % 64);
	}
}

/* Gives back the unused end of the list's heap storage. */
void
index_list_trim(struct plist *pl)
{
	if (!pl->cap || pl->cap == pl->len)
		return;
	if (pl->kind == PL_VARINT && pl->len <= INLINE_BYTES) {
		uint8_t *p = pl->d.p;
		memcpy(pl->d.in, p, pl->len);
		free(p);
		pl->cap = 0;
		return;
	}
	pl->d.p = xrealloc(pl->d.p, pl->len);
	pl->cap = pl->len;
}

/* The list of token t in field f, made when missing; moved to the front
 * of the token's chain, where the next look finds it first. */
struct plist *
index_list_of(struct query_index *ix, uint32_t t, uint8_t f)
{
	struct tokinfo *ti = &ix->tok[t];
	uint32_t l = ti->head, prev = NONE;
	while (l != NONE && ix->lists[l].field != f) {
		prev = l;
		l = ix->lists[l].next;
	}
	if (l != NONE) {
		if (prev != NONE) {
			ix->lists[prev].next = ix->lists[l].next;
			ix->lists[l].next = ti->head;
			ti->head = l;
		}
		return &ix->lists[l];
	}
	ix->lists = index_grow(ix->lists, &ix->lcap, ix->nlists + 1,
	                       sizeof(*ix->lists));
	l = (uint32_t)ix->nlists++;
	struct plist *pl = &ix->lists[l];
	memset(pl, 0, sizeof(*pl));
	pl->field = f;
	pl->kind = PL_VARINT;
	pl->next = ti->head;
	ti->head = l;
	ix->ftoks[f] = index_grow(ix->ftoks[f], &ix->ftokcap[f], ix->nftoks[f] + 1,
	                          sizeof(*ix->ftoks[f]));
	ix->ftoks[f][ix->nftoks[f]++] = t;
	ix->fbytes[f] += tok_len(ix, t);
	return pl;
}

/* The list of the postings having byte b in a token. */
struct plist *
index_byte_list(struct query_index *ix, unsigned char b)
{
	uint32_t l = ix->bytelist[b];
	if (l == NONE) {
		ix->lists = index_grow(ix->lists, &ix->lcap, ix->nlists + 1,
		                       sizeof(*ix->lists));
		l = (uint32_t)ix->nlists++;
		memset(&ix->lists[l], 0, sizeof(ix->lists[l]));
		ix->lists[l].field = (uint8_t)FIELD_UNKNOWN;
		ix->lists[l].kind = PL_VARINT;
		ix->lists[l].next = NONE;
		ix->bytelist[b] = l;
	}
	return &ix->lists[l];
}

