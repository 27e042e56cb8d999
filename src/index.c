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
 * typed one more character scans only the tokens that matched it before.
 *
 * This file: building the index, its memory and its arrays of values;
 * index_store.c keeps the vocabulary and the lists, index_term.c answers
 * a needle; index_int.h is what they share. */
#include "index.h"

#include <stdlib.h>
#include <string.h>

#include "currency.h"
#include "index_int.h"
#include "query.h"

/* ---- building ---------------------------------------------------------- */

static bool
index_piece(void *ctx, const char *field, const char *s)
{
	struct query_index *ix = ctx;
	if (!s || !*s)
		return false;
	int fi = index_field_id(field);
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
		const char *sp = index_next_space(p, e);
		if (sp > p) {
			uint32_t t = index_vocab_get(ix, p, (size_t)(sp - p), true);
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
				index_list_add(index_list_of(ix, t, f), (uint32_t)ix->cur, room);
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
			index_list_add(index_byte_list(ix, (unsigned char)c), (uint32_t)i, room);
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
			index_list_trim(&ix->lists[l]);
		for (size_t i = 0; i < ix->gramslots; i++)
			index_toklist_trim(ix, &ix->grams[i].list);
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

