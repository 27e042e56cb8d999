/* SPDX-License-Identifier: MIT */
/* index: an inverted index of the postings' folded words, with the values
 * the numeric terms test, so query_select answers a filter a set at a
 * time instead of reading every posting's text. */
#ifndef BILLET_INDEX_H
#define BILLET_INDEX_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "posting.h"

/* An index over postings v[0..n) of some array, by position. Made by
 * index_build, grown by index_extend, freed by index_free; it owns all its
 * memory and keeps no pointer to the postings. It also holds the caches
 * and scratch space of query_select, so it is used by one thread at a
 * time: index_build and index_extend only read the postings they are
 * given, and may run in any thread while nothing else uses that index.
 *
 * Use: index the catalog's own array (c->v, where v[i]->seq == i), which
 * only grows; extend it as postings arrive (query_select answers the ones
 * not indexed yet one by one); filter with query_select(q, ix, c->v, c->n,
 * env, out) and put the positions it gives in display order; build a new
 * index when the catalog is replaced (a reload). */
struct query_index;

/* Indexes postings v[0..n); v is read during the call only. */
struct query_index *index_build(struct posting *const *v, size_t n);
/* Adds v[index_count(ix)..n) to the index: v[0..index_count(ix)) must be
 * the postings indexed before, in the same order (a catalog that only
 * grows, or a snapshot of one). Forgets the query caches, also when
 * there is nothing to add. */
void index_extend(struct query_index *ix, struct posting *const *v, size_t n);
/* How many postings the index covers. */
size_t index_count(const struct query_index *ix);
/* Bytes the index has allocated, caches included. */
size_t index_memory(const struct query_index *ix);
/* Frees the index (NULL is fine). */
void index_free(struct query_index *ix);

/* ---- for query_select ------------------------------------------------- */

/* Bits of struct index_values.flags. */
enum {
	IXF_SALARY = 1,   /* the posting gives a salary (yearly range set) */
	IXF_DEADLINE = 2, /* it gives a deadline, as a date or as text */
	IXF_EXPER = 4,    /* it gives years of experience (range set) */
};

/* What the numeric and presence terms test, one entry per posting, as
 * query_match computes it; arrays owned by the index, index_count long,
 * valid until the index is extended or freed. */
struct index_values {
	const double *salary_lo, *salary_hi; /* yearly range (IXF_SALARY) */
	const uint32_t *currency;            /* its currency, currency_pack'd */
	const double *exper_lo, *exper_hi;   /* years asked for (IXF_EXPER) */
	const int32_t *posted;               /* yyyymmdd; 0 when not a date */
	const int32_t *deadline;             /* yyyymmdd; 0 when not a date */
	const int32_t *start;                /* yyyymmdd; 0 when not a date */
	const uint8_t *flags;                /* IXF_ bits */
	const uint8_t *workplace;            /* enum workplace */
};

/* The per-posting values. */
struct index_values index_values(const struct query_index *ix);

/* The answer to one text term, as bitsets of index_count bits (bit i of
 * word i / 64 for posting i). Owned by the index's cache and valid until
 * the next index_term or index_extend on it. */
struct index_term {
	const uint64_t *cand; /* postings that may match (all that do) */
	bool exact;           /* cand is exactly the postings that match */
	uint64_t *known;      /* inexact only: postings already verified */
	uint64_t *yes;        /* inexact only: of those, the ones matching */
};

/* Answers "needle[0..len) occurs in the folded text of field (a name as in
 * posting_each_text, NULL for any field)", needle folded as query needles
 * are (query_fold) and len > 0. A needle without ' ' is answered exactly;
 * one with ' ' gets candidates for the caller to verify, recording what it
 * found in known and yes for the next call with the same needle. Repeated
 * and extended needles (typing) reuse earlier work. */
void index_term(struct query_index *ix, const char *field, const char *needle,
                size_t len, struct index_term *out);

/* Scratch bitset k (0, 1, 2, ...) of index_count bits, contents undefined;
 * owned by the index and valid until it is extended or freed. */
uint64_t *index_scratch(struct query_index *ix, size_t k);

#endif
