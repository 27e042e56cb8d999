/* SPDX-License-Identifier: MIT */
/* index_term: the postings whose text may hold a needle (exactly, or
 * candidates to verify), from the vocabulary's tokens and their lists,
 * with the recent answers and matched tokens cached. */
#include "index_int.h"

#include <stdlib.h>
#include <string.h>

#include "query.h"

/* The mask of the valid bits of word w of a bitset of n bits. */
static uint64_t
word_mask(size_t n, size_t w)
{
	size_t rest = n - w * 64;
	return rest >= 64 ? ~(uint64_t)0 : ((uint64_t)1 << rest) - 1;
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
	ix->tokbuf = index_grow(ix->tokbuf, &ix->tokbufcap, ix->ntokbuf + 1,
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
			index_gram_list(ix, index_gram_key(s + k, k + 2 < len ? 3 : 2), false);
		if (!g)
			g = &none;
		if (!pair || g->n < pair->n)
			pair = g;
	}
	ix->ntokbuf = 0;
	if (pair && (len <= 3 || (size_t)pair->n * 24 < cost)) {
		const uint32_t *gt = index_toklist_tokens(ix, pair);
		if (len <= 3) { /* they are the answer */
			ix->tokbuf = index_grow(ix->tokbuf, &ix->tokbufcap,
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
		ix->pairs = index_grow(ix->pairs, &ix->pairscap, *npairs + 1,
		                       sizeof(*ix->pairs));
		ix->pairs[(*npairs)++] = (uint64_t)pl->count << 32 | l;
	} else {
		ix->vlists = index_grow(ix->vlists, &ix->vlistscap, *nv + 1,
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
		index_list_or(&ix->lists[(uint32_t)ix->pairs[k]], dst);
		while (hole < words && dst[hole] == word_mask(ix->n, hole))
			hole++;
		if (hole == words)
			return;
	}
	for (size_t k = 0; k < nv; k++) {
		index_list_or(&ix->lists[ix->vlists[k]], dst);
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
				one = index_vocab_get(ix, ix->fold.s, b - a, false);
				found = &one;
				nf = one != NONE;
			} else {
				nf = tokens_containing(ix, f, s + a, b - a, &found);
			}
			/* filter a copy in tokbuf: found may be a cache entry */
			if (found != ix->tokbuf) {
				ix->tokbuf = index_grow(ix->tokbuf, &ix->tokbufcap, nf,
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
	int f = index_field_id(field);
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

