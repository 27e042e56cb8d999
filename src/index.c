/* SPDX-License-Identifier: MIT */
/* index: each piece of a posting's text is folded as queries fold it
 * (query_fold) and cut at its spaces into tokens. A needle without a space
 * occurs in a piece exactly when it occurs inside one of the piece's
 * tokens, so its postings are the union of the lists of the vocabulary
 * tokens that contain it: a scan of the distinct tokens (kept in one
 * string, " tok tok ... "), not of the text. Lists are kept per token and
 * field, as delta varints while sparse and as bitmaps once dense, and grow
 * at the end as postings are added. One-byte needles are answered from a
 * list per byte; the tokens holding each pair and each triple of bytes
 * are listed too, so a needle of two or three bytes finds its tokens
 * without a scan, and a longer one scans only the tokens of its rarest
 * triple; field terms scan only that field's tokens when they are
 * few. Needles with spaces get candidates from their pieces
 * (suffix, whole tokens, prefix), which the caller verifies. Recent
 * answers and the tokens matched by recent needles are cached, so a needle
 * typed one more character scans only the tokens that matched it before. */
#include "index.h"

#include <stdlib.h>
#include <string.h>

#include "currency.h"
#include "query.h"

#define NONE UINT32_MAX
#define INLINE_BYTES 8   /* a list this small lives in its struct */
#define NTOKCACHE 16     /* needles whose matching tokens are kept */
#define NSETCACHE 64     /* (field, needle) answers kept */
#define TOKCACHE_MAX (1u << 18) /* tokens above which a match is not kept */

/* Fields of posting_each_text, by name; FIELD_UNKNOWN for any other. */
static const char *const field_names[] = {
	"title", "org", "loc", "dept", "tag", "type", "workplace", "lang",
	"id", "text", "other", "workplace.note", "union", "deadline", "start",
};
#define NFIELDS (sizeof(field_names) / sizeof(field_names[0]))
#define FIELD_UNKNOWN ((int)NFIELDS)
#define FIELD_ANY (-1)

enum { PL_VARINT, PL_BITMAP };

/* The postings one token occurs in, in one field. */
struct plist {
	uint32_t next;  /* the token's next list, or NONE */
	uint32_t count; /* postings in the list */
	uint32_t last;  /* the last posting added, when count > 0 */
	uint32_t len;   /* bytes used: varint deltas, or bitmap words * 8 */
	uint32_t cap;   /* bytes malloc'd at d.p; 0 while held in d.in */
	uint8_t field;  /* index into field_names, or FIELD_UNKNOWN */
	uint8_t kind;   /* PL_VARINT or PL_BITMAP */
	union {
		uint8_t *p;               /* owned: deltas or uint64_t words */
		uint8_t in[INLINE_BYTES]; /* deltas of a short list */
	} d;
};

/* The tokens in which two or three bytes occur in a row, in ascending
 * order. */
struct toklist {
	uint8_t *d;     /* malloc'd: deltas of the token ids, as varints */
	uint32_t len;   /* bytes used */
	uint32_t cap;   /* bytes malloc'd */
	uint32_t n;     /* tokens */
	uint32_t last;  /* the last token added, when n > 0 */
};

/* A slot of the table of pairs and triples of bytes. */
struct gram {
	uint32_t key;        /* gram_key(); 0 for an empty slot */
	struct toklist list;
};

/* What the index keeps per token besides its text. */
struct tokinfo {
	uint32_t head;   /* its first list, or NONE */
	uint32_t seen;   /* while building: the last posting with it, + 1 */
	uint32_t fields; /* while building: its fields in that posting */
};

/* A hash slot of the vocabulary. */
struct slot {
	uint32_t tok;  /* token + 1; 0 for an empty slot */
	uint32_t hash; /* the token's hash */
};

/* Tokens containing a needle, kept for narrowing: every token of the
 * scope that contains it, and only tokens that contain it. */
struct tokent {
	char *needle;   /* malloc'd; NULL for an unused entry */
	size_t len;
	int scope;      /* FIELD_ANY: the vocabulary; else a field's tokens */
	uint32_t *toks; /* malloc'd token ids */
	size_t ntoks;
	size_t bytes;   /* their total length */
	uint64_t stamp; /* last use, for eviction */
};

/* One cached answer of index_term. */
struct setent {
	char *needle;   /* malloc'd; NULL for an unused entry */
	size_t len;
	int field;      /* FIELD_ANY or a field index */
	bool exact;
	uint64_t *cand, *known, *yes; /* malloc'd bitsets of words words */
	uint64_t stamp;
};

struct query_index {
	size_t n;                /* postings indexed */
	size_t words;            /* 64-bit words of a bitset of n bits */
	/* vocabulary, all malloc'd and owned */
	char *voc;               /* " tok tok ... tok " */
	size_t voclen, voccap;
	uint32_t *tokoff;        /* start of token t in voc; [ntok] = voclen */
	struct tokinfo *tok;     /* per token */
	size_t ntok, tokcap;
	struct slot *slots;      /* open addressing, a power of two */
	size_t nslots;
	struct plist *lists;     /* every list; owns their heap bytes */
	size_t nlists, lcap;
	uint64_t bytefreq[256];  /* how often each byte occurs in voc */
	struct gram *grams;      /* the tokens holding each pair and each
	                          * triple of bytes, to look at only those
	                          * for a needle holding it: open
	                          * addressing, a power of two */
	size_t ngrams, gramslots;
	size_t gram_bytes;       /* what their arrays hold, for memory */
	uint32_t *gramtoks;      /* scratch: a toklist's tokens */
	size_t gramtokcap;
	/* per field (and FIELD_UNKNOWN) */
	uint32_t *ftoks[NFIELDS + 1];  /* tokens with a list in it, malloc'd */
	size_t nftoks[NFIELDS + 1], ftokcap[NFIELDS + 1];
	size_t fbytes[NFIELDS + 1];    /* their total length */
	uint32_t bytelist[256];  /* postings with byte b in a token: a list,
	                          * or NONE */
	uint64_t bytes[4];       /* building: the bytes of the posting's tokens */
	/* per-posting values, malloc'd, vcap entries allocated */
	double *sal_lo, *sal_hi, *exp_lo, *exp_hi;
	int32_t *posted, *deadline, *start;
	uint32_t *currency;      /* currency_pack of the salary's currency */
	uint8_t *flags, *workplace;
	size_t vcap;
	/* scratch */
	struct buf fold;         /* a folded piece while building */
	size_t cur;              /* posting being indexed */
	uint32_t *tokbuf;        /* tokens being matched */
	size_t ntokbuf, tokbufcap;
	uint64_t *pairs;         /* (count << 32 | list) to order unions */
	size_t pairscap;
	uint32_t *vlists;        /* varint lists of a union */
	size_t vlistscap;
	uint64_t *tmp;           /* a bitset of words words, or NULL */
	uint64_t **scratch;      /* index_scratch's bitsets, each owned */
	size_t nscratch;
	/* caches */
	struct tokent tc[NTOKCACHE];
	struct setent sc[NSETCACHE];
	uint64_t clock;          /* stamps cache uses */
};

/* ---- helpers ----------------------------------------------------------- */

/* v (elements of size bytes, *cap of them) grown to hold need. */
static void *
grow(void *v, size_t *cap, size_t need, size_t size)
{
	if (*cap >= need)
		return v;
	size_t c = *cap ? *cap : 16;
	while (c < need)
		c *= 2;
	*cap = c;
	return xrealloc(v, c * size);
}

static int
field_id(const char *name)
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

static size_t
tok_len(const struct query_index *ix, uint32_t t)
{
	return ix->tokoff[t + 1] - ix->tokoff[t] - 1;
}

static const char *
tok_str(const struct query_index *ix, uint32_t t)
{
	return ix->voc + ix->tokoff[t];
}

/* The mask of the valid bits of word w of a bitset of n bits. */
static uint64_t
word_mask(size_t n, size_t w)
{
	size_t rest = n - w * 64;
	return rest >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << rest) - 1;
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
static const char *
next_space(const char *p, const char *e)
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
static const uint32_t *
toklist_tokens(struct query_index *ix, const struct toklist *tl)
{
	ix->gramtoks = grow(ix->gramtoks, &ix->gramtokcap, tl->n ? tl->n : 1,
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
static void
toklist_trim(struct query_index *ix, struct toklist *tl)
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
static uint32_t
gram_key(const char *s, size_t n)
{
	uint32_t k = (uint32_t)(unsigned char)s[0] << 8 | (unsigned char)s[1];
	return n == 2 ? 1u << 25 | k : 1u << 24 | k << 8 | (unsigned char)s[2];
}

/* The tokens holding the bytes of key: made when missing if add, else
 * NULL. */
static struct toklist *
gram_list(struct query_index *ix, uint32_t key, bool add)
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
		return gram_list(ix, key, true);
	}
	ix->ngrams++;
	ix->grams[j].key = key;
	return &ix->grams[j].list;
}

/* The id of token s[0..len), or NONE when it is not in the vocabulary
 * and add is false; s[len..len+8) must be readable. */
static uint32_t
vocab_get(struct query_index *ix, const char *s, size_t len, bool add)
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
		ix->tokoff = grow(ix->tokoff, &ix->tokcap, ix->ntok + 2,
		                  sizeof(*ix->tokoff));
		ix->tok = xrealloc(ix->tok, ix->tokcap * sizeof(*ix->tok));
	}
	/* 8 spare bytes after the last token, for same_bytes */
	ix->voc = grow(ix->voc, &ix->voccap, ix->voclen + len + 1 + 8, 1);
	memcpy(ix->voc + ix->voclen, s, len);
	for (size_t k = 0; k < len; k++)
		ix->bytefreq[(unsigned char)s[k]]++;
	ix->voclen += len;
	ix->voc[ix->voclen++] = ' ';
	for (size_t k = 0; k + 1 < len; k++) {
		toklist_add(ix, gram_list(ix, gram_key(s + k, 2), true), t);
		if (k + 2 < len)
			toklist_add(ix, gram_list(ix, gram_key(s + k, 3), true),
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
static void
list_add(struct plist *pl, uint32_t i, size_t room)
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
static void
list_or(const struct plist *pl, uint64_t *dst)
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
static void
list_trim(struct plist *pl)
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
static struct plist *
list_of(struct query_index *ix, uint32_t t, uint8_t f)
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
	ix->lists = grow(ix->lists, &ix->lcap, ix->nlists + 1,
	                 sizeof(*ix->lists));
	l = (uint32_t)ix->nlists++;
	struct plist *pl = &ix->lists[l];
	memset(pl, 0, sizeof(*pl));
	pl->field = f;
	pl->kind = PL_VARINT;
	pl->next = ti->head;
	ti->head = l;
	ix->ftoks[f] = grow(ix->ftoks[f], &ix->ftokcap[f], ix->nftoks[f] + 1,
	                    sizeof(*ix->ftoks[f]));
	ix->ftoks[f][ix->nftoks[f]++] = t;
	ix->fbytes[f] += tok_len(ix, t);
	return pl;
}

/* The list of the postings having byte b in a token. */
static struct plist *
byte_list(struct query_index *ix, unsigned char b)
{
	uint32_t l = ix->bytelist[b];
	if (l == NONE) {
		ix->lists = grow(ix->lists, &ix->lcap, ix->nlists + 1,
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

/* ---- building ---------------------------------------------------------- */

static bool
index_piece(void *ctx, const char *field, const char *s)
{
	struct query_index *ix = ctx;
	if (!s || !*s)
		return false;
	int fi = field_id(field);
	uint8_t f = (uint8_t)(fi < 0 ? FIELD_UNKNOWN : fi);
	buf_clear(&ix->fold);
	query_fold(&ix->fold, s, strlen(s));
	buf_add(&ix->fold, "\0\0\0\0\0\0\0\0", 8); /* for hash_bytes */
	ix->fold.len -= 8;
	const char *p = ix->fold.s, *e = p + ix->fold.len;
	uint32_t seen = (uint32_t)ix->cur + 1;
	uint32_t bit = 1u << f;
	size_t room = (ix->vcap + 63) / 64 * 8;
	while (p < e) {
		const char *sp = next_space(p, e);
		if (sp > p) {
			uint32_t t = vocab_get(ix, p, (size_t)(sp - p), true);
			/* most words come back within a posting: skip them */
			struct tokinfo *ti = &ix->tok[t];
			if (ti->seen != seen) {
				/* new in this posting: its bytes are in it */
				ti->seen = seen;
				ti->fields = 0;
				uint64_t by[4];
				memcpy(by, ix->bytes, sizeof(by));
				for (const char *b = p; b < sp; b++) {
					unsigned char c = (unsigned char)*b;
					by[c / 64] |= (uint64_t)1 << (c % 64);
				}
				memcpy(ix->bytes, by, sizeof(by));
			}
			if (!(ti->fields & bit)) {
				ti->fields |= bit;
				list_add(list_of(ix, t, f), (uint32_t)ix->cur, room);
			}
		}
		p = sp + 1;
	}
	return false;
}

static void
index_posting(struct query_index *ix, const struct posting *p, size_t i)
{
	uint8_t fl = 0;
	double lo = 0, hi = 0;
	if (posting_salary_yearly(p, &lo, &hi))
		fl |= IXF_SALARY;
	ix->sal_lo[i] = lo;
	ix->sal_hi[i] = hi;
	ix->currency[i] = currency_pack(currency_of(&p->salary));
	ix->workplace[i] = (uint8_t)p->workplace;
	ix->start[i] = p->start.ymd;
	double mn = p->experience.min_years, mx = p->experience.max_years;
	ix->exp_lo[i] = ix->exp_hi[i] = 0;
	if (!(mn < 0 && mx < 0)) {
		fl |= IXF_EXPER;
		ix->exp_lo[i] = mn >= 0 ? mn : mx;
		ix->exp_hi[i] = mx >= 0 ? mx : mn;
	}
	const struct when *d = posting_deadline(p);
	if (d->ymd || d->text)
		fl |= IXF_DEADLINE;
	ix->posted[i] = p->posted.ymd;
	ix->deadline[i] = d->ymd;
	ix->flags[i] = fl;
	ix->cur = i;
	memset(ix->bytes, 0, sizeof(ix->bytes));
	posting_each_text(p, index_piece, ix);
	size_t room = (ix->vcap + 63) / 64 * 8;
	for (unsigned w = 0; w < 4; w++)
		for (uint64_t x = ix->bytes[w]; x; x &= x - 1) {
			unsigned c = w * 64 + (unsigned)__builtin_ctzll(x);
			list_add(byte_list(ix, (unsigned char)c), (uint32_t)i, room);
		}
}

/* Forgets every cached answer and scratch bitset. */
static void
cache_clear(struct query_index *ix)
{
	for (size_t i = 0; i < NTOKCACHE; i++) {
		free(ix->tc[i].needle);
		free(ix->tc[i].toks);
		memset(&ix->tc[i], 0, sizeof(ix->tc[i]));
	}
	for (size_t i = 0; i < NSETCACHE; i++) {
		struct setent *e = &ix->sc[i];
		free(e->needle);
		free(e->cand);
		free(e->known);
		free(e->yes);
		memset(e, 0, sizeof(*e));
	}
	for (size_t i = 0; i < ix->nscratch; i++)
		free(ix->scratch[i]);
	free(ix->scratch);
	ix->scratch = NULL;
	ix->nscratch = 0;
	free(ix->tmp);
	ix->tmp = NULL;
}

struct query_index *
index_build(struct posting *const *v, size_t n)
{
	struct query_index *ix = xcalloc(1, sizeof(*ix));
	ix->voc = xrealloc(NULL, 256);
	ix->voccap = 256;
	ix->voc[0] = ' ';
	ix->voclen = 1;
	ix->tokcap = 256;
	ix->tokoff = xrealloc(NULL, ix->tokcap * sizeof(*ix->tokoff));
	ix->tok = xrealloc(NULL, ix->tokcap * sizeof(*ix->tok));
	ix->tokoff[0] = 1;
	ix->nslots = 1024;
	ix->slots = xcalloc(ix->nslots, sizeof(*ix->slots));
	ix->gramslots = 1024;
	ix->grams = xcalloc(ix->gramslots, sizeof(*ix->grams));
	for (size_t b = 0; b < 256; b++)
		ix->bytelist[b] = NONE;
	index_extend(ix, v, n);
	return ix;
}

void
index_extend(struct query_index *ix, struct posting *const *v, size_t n)
{
	cache_clear(ix);
	if (n > UINT32_MAX - 1)
		n = UINT32_MAX - 1;
	if (n <= ix->n)
		return;
	if (n > ix->vcap) {
		size_t cap = ix->vcap ? ix->vcap : 1024;
		while (cap < n)
			cap *= 2;
		ix->sal_lo = xrealloc(ix->sal_lo, cap * sizeof(double));
		ix->sal_hi = xrealloc(ix->sal_hi, cap * sizeof(double));
		ix->exp_lo = xrealloc(ix->exp_lo, cap * sizeof(double));
		ix->exp_hi = xrealloc(ix->exp_hi, cap * sizeof(double));
		ix->posted = xrealloc(ix->posted, cap * sizeof(int32_t));
		ix->deadline = xrealloc(ix->deadline, cap * sizeof(int32_t));
		ix->start = xrealloc(ix->start, cap * sizeof(int32_t));
		ix->currency = xrealloc(ix->currency, cap * sizeof(uint32_t));
		ix->flags = xrealloc(ix->flags, cap);
		ix->workplace = xrealloc(ix->workplace, cap);
		ix->vcap = cap;
	}
	size_t old = ix->n;
	for (size_t i = old; i < n; i++)
		index_posting(ix, v[i], i);
	ix->n = n;
	ix->words = (n + 63) / 64;
	/* give back the lists' slack when it is worth the copying: small
	 * extensions would only grow them again */
	if (n >= 2 * old) {
		for (size_t l = 0; l < ix->nlists; l++)
			list_trim(&ix->lists[l]);
		for (size_t i = 0; i < ix->gramslots; i++)
			toklist_trim(ix, &ix->grams[i].list);
	}
	buf_free(&ix->fold);
}

size_t
index_count(const struct query_index *ix)
{
	return ix->n;
}

size_t
index_memory(const struct query_index *ix)
{
	size_t m = sizeof(*ix) + ix->voccap + ix->tokcap * (4 + sizeof(struct tokinfo)) +
	           ix->nslots * sizeof(struct slot) +
	           ix->lcap * sizeof(struct plist) + ix->vcap * (4 * 8 + 4 * 4 + 2) +
	           ix->fold.cap + ix->tokbufcap * 4 + ix->pairscap * 8 +
	           ix->vlistscap * 4;
	for (size_t f = 0; f <= NFIELDS; f++)
		m += ix->ftokcap[f] * 4;
	m += ix->gramslots * sizeof(*ix->grams) + ix->gram_bytes +
	     ix->gramtokcap * 4;
	for (size_t l = 0; l < ix->nlists; l++)
		m += ix->lists[l].cap;
	size_t bs = ix->words * 8;
	m += (ix->nscratch + (ix->tmp != NULL)) * bs;
	for (size_t i = 0; i < NTOKCACHE; i++)
		m += ix->tc[i].ntoks * 4 + ix->tc[i].len;
	for (size_t i = 0; i < NSETCACHE; i++)
		if (ix->sc[i].needle)
			m += ix->sc[i].len + (ix->sc[i].exact ? 1 : 3) * bs;
	return m;
}

void
index_free(struct query_index *ix)
{
	if (!ix)
		return;
	cache_clear(ix);
	for (size_t l = 0; l < ix->nlists; l++)
		if (ix->lists[l].cap)
			free(ix->lists[l].d.p);
	free(ix->lists);
	free(ix->voc);
	free(ix->tokoff);
	free(ix->tok);
	free(ix->slots);
	free(ix->sal_lo);
	free(ix->sal_hi);
	free(ix->exp_lo);
	free(ix->exp_hi);
	free(ix->posted);
	free(ix->deadline);
	free(ix->start);
	free(ix->currency);
	free(ix->flags);
	free(ix->workplace);
	buf_free(&ix->fold);
	free(ix->tokbuf);
	free(ix->pairs);
	free(ix->vlists);
	for (size_t f = 0; f <= NFIELDS; f++)
		free(ix->ftoks[f]);
	for (size_t i = 0; i < ix->gramslots; i++)
		free(ix->grams[i].list.d);
	free(ix->grams);
	free(ix->gramtoks);
	free(ix);
}

struct index_values
index_values(const struct query_index *ix)
{
	return (struct index_values){
		.salary_lo = ix->sal_lo, .salary_hi = ix->sal_hi,
		.exper_lo = ix->exp_lo, .exper_hi = ix->exp_hi,
		.posted = ix->posted, .deadline = ix->deadline,
		.start = ix->start, .currency = ix->currency,
		.flags = ix->flags, .workplace = ix->workplace,
	};
}

uint64_t *
index_scratch(struct query_index *ix, size_t k)
{
	while (ix->nscratch <= k) {
		ix->scratch = xrealloc(ix->scratch,
		                       (ix->nscratch + 1) * sizeof(*ix->scratch));
		ix->scratch[ix->nscratch++] = xrealloc(NULL, ix->words * 8);
	}
	return ix->scratch[k];
}

/* ---- answering --------------------------------------------------------- */

/* The token whose text holds voc offset off, searching from token t
 * (at or before it) by galloping: the hits of a scan come in order. */
static uint32_t
token_from(const struct query_index *ix, uint32_t t, size_t off)
{
	size_t lo = t, step = 1, hi;
	while (lo + step < ix->ntok && ix->tokoff[lo + step] <= off) {
		lo += step;
		step *= 2;
	}
	hi = lo + step < ix->ntok ? lo + step : ix->ntok;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (ix->tokoff[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	return (uint32_t)lo;
}

static void
tokbuf_push(struct query_index *ix, uint32_t t)
{
	ix->tokbuf = grow(ix->tokbuf, &ix->tokbufcap, ix->ntokbuf + 1,
	                  sizeof(*ix->tokbuf));
	ix->tokbuf[ix->ntokbuf++] = t;
}

/* Pushes the tokens of the whole vocabulary containing s[0..len): memchr
 * for the needle's rarest byte, then a compare around each hit. */
static void
scan_vocab(struct query_index *ix, const char *s, size_t len)
{
	size_t j = 0;
	for (size_t k = 1; k < len; k++)
		if (ix->bytefreq[(unsigned char)s[k]] <
		    ix->bytefreq[(unsigned char)s[j]])
			j = k;
	const char *voc = ix->voc, *end = voc + ix->voclen, *p = voc + j;
	uint32_t t = 0;
	while (p < end) {
		const char *h = memchr(p, s[j], (size_t)(end - p));
		if (!h)
			break;
		const char *st = h - j;
		if ((size_t)(end - st) >= len && !memcmp(st, s, len)) {
			t = token_from(ix, t, (size_t)(st - voc));
			tokbuf_push(ix, t);
			p = voc + ix->tokoff[t + 1] + j;
		} else {
			p = h + 1;
		}
	}
}

/* Pushes the tokens of toks[0..n) containing s[0..len). */
static void
scan_tokens(struct query_index *ix, const uint32_t *toks, size_t n,
            const char *s, size_t len)
{
	for (size_t k = 0; k < n; k++) {
		uint32_t t = toks[k];
		size_t tl = tok_len(ix, t);
		if (tl >= len && text_find(tok_str(ix, t), tl, s, len))
			tokbuf_push(ix, t);
	}
}

/* The tokens containing s[0..len) (no ' ' in it, len > 0): all such
 * tokens of the vocabulary, or at least those of field f when f is not
 * FIELD_ANY (and perhaps more, all containing s). Written to *toks,
 * owned by the index and valid until the next call. */
static size_t
tokens_containing(struct query_index *ix, int f, const char *s, size_t len,
                  const uint32_t **toks)
{
	/* the scope to scan: a field's own tokens when they are few */
	int scope = FIELD_ANY;
	if (f >= 0 && f <= FIELD_UNKNOWN && ix->nftoks[f] * 8 < ix->ntok)
		scope = f;
	size_t cost = scope == FIELD_ANY ? ix->voclen / 4 :
	              ix->nftoks[scope] * 16 + ix->fbytes[scope];
	struct tokent *from = NULL, *victim = NULL;
	for (size_t i = 0; i < NTOKCACHE; i++) {
		struct tokent *e = &ix->tc[i];
		if (!e->needle || (e->scope != FIELD_ANY && e->scope != scope))
			continue;
		if (e->len == len && !memcmp(e->needle, s, len)) {
			e->stamp = ++ix->clock;
			*toks = e->toks;
			return e->ntoks;
		}
		/* every token containing s contains e's needle */
		if (e->len < len && text_find(s, len, e->needle, e->len) &&
		    e->ntoks * 16 + e->bytes < cost) {
			from = e;
			cost = e->ntoks * 16 + e->bytes;
		}
	}
	for (size_t i = 0; i < NTOKCACHE; i++) {
		struct tokent *e = &ix->tc[i];
		if (e == from)
			continue;
		if (!victim || !e->needle ||
		    (victim->needle && e->stamp < victim->stamp))
			victim = e;
		if (!e->needle)
			break;
	}
	/* or the tokens holding the needle's rarest two or three bytes in
	 * a row (none holding some three: no token holds the needle) */
	static const struct toklist none;
	const struct toklist *pair = NULL;
	for (size_t k = 0; k + 1 < len; k++) {
		const struct toklist *g =
			gram_list(ix, gram_key(s + k, k + 2 < len ? 3 : 2), false);
		if (!g)
			g = &none;
		if (!pair || g->n < pair->n)
			pair = g;
	}
	ix->ntokbuf = 0;
	if (pair && (len <= 3 || (size_t)pair->n * 24 < cost)) {
		const uint32_t *gt = toklist_tokens(ix, pair);
		if (len <= 3) { /* they are the answer */
			ix->tokbuf = grow(ix->tokbuf, &ix->tokbufcap,
			                  pair->n ? pair->n : 1,
			                  sizeof(*ix->tokbuf));
			memcpy(ix->tokbuf, gt, pair->n * sizeof(*ix->tokbuf));
			ix->ntokbuf = pair->n;
		} else {
			scan_tokens(ix, gt, pair->n, s, len);
		}
		scope = FIELD_ANY;
	} else if (from) {
		from->stamp = ++ix->clock;
		scan_tokens(ix, from->toks, from->ntoks, s, len);
		scope = from->scope;
	} else if (scope == FIELD_ANY) {
		scan_vocab(ix, s, len);
	} else {
		scan_tokens(ix, ix->ftoks[scope], ix->nftoks[scope], s, len);
	}
	*toks = ix->tokbuf;
	if (ix->ntokbuf > TOKCACHE_MAX)
		return ix->ntokbuf;
	free(victim->needle);
	free(victim->toks);
	victim->needle = xrealloc(NULL, len);
	memcpy(victim->needle, s, len);
	victim->len = len;
	victim->scope = scope;
	victim->toks = xrealloc(NULL, ix->ntokbuf * sizeof(*victim->toks));
	if (ix->ntokbuf)
		memcpy(victim->toks, ix->tokbuf,
		       ix->ntokbuf * sizeof(*victim->toks));
	victim->ntoks = ix->ntokbuf;
	victim->bytes = 0;
	for (size_t k = 0; k < ix->ntokbuf; k++)
		victim->bytes += tok_len(ix, ix->tokbuf[k]);
	victim->stamp = ++ix->clock;
	*toks = victim->toks;
	return victim->ntoks;
}

static int
pair_cmp(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? 1 : x > y ? -1 : 0;
}

/* Sorts the list l of a union into the bitmaps (with their counts, to
 * OR the densest first) and the varint lists. */
static void
union_push(struct query_index *ix, uint32_t l, size_t *npairs, size_t *nv)
{
	const struct plist *pl = &ix->lists[l];
	if (pl->kind == PL_BITMAP) {
		ix->pairs = grow(ix->pairs, &ix->pairscap, *npairs + 1,
		                 sizeof(*ix->pairs));
		ix->pairs[(*npairs)++] = (uint64_t)pl->count << 32 | l;
	} else {
		ix->vlists = grow(ix->vlists, &ix->vlistscap, *nv + 1,
		                  sizeof(*ix->vlists));
		ix->vlists[(*nv)++] = l;
	}
}

/* dst |= the union of the lists gathered by union_push: bitmaps first,
 * densest first, then the others, stopping as soon as every posting is
 * in. */
static void
union_run(struct query_index *ix, size_t npairs, size_t nv, uint64_t *dst)
{
	size_t words = ix->words, hole = 0;
	if (npairs > 1)
		qsort(ix->pairs, npairs, sizeof(*ix->pairs), pair_cmp);
	for (size_t k = 0; k < npairs; k++) {
		list_or(&ix->lists[(uint32_t)ix->pairs[k]], dst);
		while (hole < words && dst[hole] == word_mask(ix->n, hole))
			hole++;
		if (hole == words)
			return;
	}
	for (size_t k = 0; k < nv; k++) {
		list_or(&ix->lists[ix->vlists[k]], dst);
		while (hole < words && dst[hole] == word_mask(ix->n, hole))
			hole++;
		if (hole == words)
			return;
	}
}

/* dst = the postings having one of toks[0..ntoks) in field f. */
static void
union_lists(struct query_index *ix, const uint32_t *toks, size_t ntoks,
            int f, uint64_t *dst)
{
	size_t npairs = 0, nv = 0;
	memset(dst, 0, ix->words * 8);
	for (size_t k = 0; k < ntoks; k++)
		for (uint32_t l = ix->tok[toks[k]].head; l != NONE;
		     l = ix->lists[l].next) {
			const struct plist *pl = &ix->lists[l];
			if (f != FIELD_ANY && pl->field != f)
				continue;
			if (pl->count == 1) /* a word of one posting (an id) */
				dst[pl->last / 64] |= (uint64_t)1 << (pl->last % 64);
			else
				union_push(ix, l, &npairs, &nv);
		}
	union_run(ix, npairs, nv, dst);
}

/* dst = the postings having byte b in a token of any field. */
static void
union_byte(struct query_index *ix, unsigned char b, uint64_t *dst)
{
	size_t npairs = 0, nv = 0;
	memset(dst, 0, ix->words * 8);
	if (ix->bytelist[b] != NONE)
		union_push(ix, ix->bytelist[b], &npairs, &nv);
	union_run(ix, npairs, nv, dst);
}

/* Keeps in toks[0..n) the tokens t with s == t (whole), s a prefix of t
 * (start), or a suffix (end); returns how many are left. */
static size_t
filter_tokens(const struct query_index *ix, uint32_t *toks, size_t n,
              const char *s, size_t len, bool start, bool end)
{
	size_t w = 0;
	for (size_t k = 0; k < n; k++) {
		uint32_t t = toks[k];
		size_t tl = tok_len(ix, t);
		const char *ts = tok_str(ix, t);
		if (tl < len)
			continue;
		if (start && end && tl != len)
			continue;
		if (start && memcmp(ts, s, len))
			continue;
		if (end && memcmp(ts + tl - len, s, len))
			continue;
		toks[w++] = t;
	}
	return w;
}

/* Candidates for a needle with spaces: every posting where, in field f,
 * each space-free piece occurs as the needle's layout requires. */
static void
phrase_candidates(struct query_index *ix, const char *s, size_t len, int f,
                  uint64_t *dst)
{
	size_t words = ix->words;
	bool first = true;
	for (size_t a = 0; a < len;) {
		const char *sp = memchr(s + a, ' ', len - a);
		size_t b = sp ? (size_t)(sp - s) : len;
		if (b > a) {
			bool start = a > 0, end = b < len;
			const uint32_t *found;
			size_t nf;
			uint32_t one;
			if (start && end) {
				buf_clear(&ix->fold);
				buf_add(&ix->fold, s + a, b - a);
				buf_add(&ix->fold, "\0\0\0\0\0\0\0\0", 8);
				one = vocab_get(ix, ix->fold.s, b - a, false);
				found = &one;
				nf = one != NONE;
			} else {
				nf = tokens_containing(ix, f, s + a, b - a, &found);
			}
			/* filter a copy in tokbuf: found may be a cache entry */
			if (found != ix->tokbuf) {
				ix->tokbuf = grow(ix->tokbuf, &ix->tokbufcap, nf,
				                  sizeof(*ix->tokbuf));
				memcpy(ix->tokbuf, found, nf * sizeof(*found));
			}
			nf = filter_tokens(ix, ix->tokbuf, nf, s + a, b - a, start,
			                   end);
			uint64_t *into = first ? dst : ix->tmp;
			union_lists(ix, ix->tokbuf, nf, f, into);
			if (!first)
				for (size_t w = 0; w < words; w++)
					dst[w] &= ix->tmp[w];
			first = false;
		}
		a = b + 1;
	}
	if (first) /* only spaces: any posting may match */
		for (size_t w = 0; w < words; w++)
			dst[w] = word_mask(ix->n, w);
}

/* Computes the answer for (f, needle) into the cache entry e. */
static void
term_compute(struct query_index *ix, struct setent *e, int f,
             const char *needle, size_t len)
{
	size_t bytes = ix->words * 8;
	free(e->needle);
	e->needle = xrealloc(NULL, len);
	memcpy(e->needle, needle, len);
	e->len = len;
	e->field = f;
	if (!e->cand)
		e->cand = xrealloc(NULL, bytes);
	if (!ix->tmp)
		ix->tmp = xrealloc(NULL, bytes);
	e->exact = !memchr(needle, ' ', len);
	if (e->exact) {
		if (f > FIELD_UNKNOWN) {
			memset(e->cand, 0, bytes); /* no such field */
		} else if (len == 1 && f == FIELD_ANY) {
			union_byte(ix, (unsigned char)needle[0], e->cand);
		} else {
			const uint32_t *toks;
			size_t nt = tokens_containing(ix, f, needle, len, &toks);
			union_lists(ix, toks, nt, f, e->cand);
		}
		free(e->known);
		free(e->yes);
		e->known = e->yes = NULL;
		return;
	}
	phrase_candidates(ix, needle, len, f, e->cand);
	if (!e->known)
		e->known = xrealloc(NULL, bytes);
	if (!e->yes)
		e->yes = xrealloc(NULL, bytes);
	memset(e->known, 0, bytes);
	memset(e->yes, 0, bytes);
}

void
index_term(struct query_index *ix, const char *field, const char *needle,
           size_t len, struct index_term *out)
{
	int f = field_id(field);
	if (field && f == FIELD_UNKNOWN)
		f = FIELD_UNKNOWN + 1; /* a name no piece has */
	struct setent *e = NULL;
	for (size_t i = 0; i < NSETCACHE && !e; i++) {
		struct setent *x = &ix->sc[i];
		if (x->needle && x->field == f && x->len == len &&
		    !memcmp(x->needle, needle, len))
			e = x;
	}
	if (!e) {
		for (size_t i = 0; i < NSETCACHE; i++) {
			struct setent *x = &ix->sc[i];
			if (!e || !x->needle || x->stamp < e->stamp)
				e = x;
			if (!x->needle)
				break;
		}
		term_compute(ix, e, f, needle, len);
	}
	e->stamp = ++ix->clock;
	out->cand = e->cand;
	out->exact = e->exact;
	out->known = e->known;
	out->yes = e->yes;
}
