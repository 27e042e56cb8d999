/* SPDX-License-Identifier: MIT */
/* compare_int: what compare.c, compare_lists.c, compare_words.c and
 * compare_print.c share; no other module includes it. */
#ifndef BILLET_COMPARE_INT_H
#define BILLET_COMPARE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "compare.h"

/* A text as a sorted set of word ids into its corpus. */
struct bag {
	size_t *id;  /* the ids of its distinct stems, ascending */
	size_t n;    /* how many */
	char *norm;  /* normalised text, for exact equality */
	double w;    /* the weights of its stems summed in id order, as
	              * compare_bag_score sums them */
};

/* The words of a group of texts, their document frequency and weight. */
struct corpus {
	struct bag *bags; /* one per text */
	size_t n;         /* texts */
	char **vocab;     /* sorted distinct stems */
	size_t nvocab;    /* how many */
	double *weight;   /* per stem */
};

/* True for an ASCII white space byte. */
bool compare_is_space(char c);
/* True when a and b are equal normalised (folded, white space collapsed,
 * a final period dropped). */
bool compare_norm_equal(const char *a, const char *b);
/* Builds the corpus of texts[0..n); uniform: every word weighs 1, else
 * the weights of compare.h. Free with compare_corpus_free. */
void compare_corpus_build(struct corpus *c, const char *const *texts,
                          size_t n, bool uniform);
/* Frees what compare_corpus_build made and empties c. */
void compare_corpus_free(struct corpus *c);
/* Compares the cells of row r (of a table of n postings) word by word as
 * compare.h says; with spans, fills r->span and r->nspan. Returns whether
 * the cells it has differ in their words (their text, when none has a
 * word). left: the diff work the table may still take (see
 * CMP_DIFF_TOTAL). */
bool compare_diff_row(struct cmp_row *r, size_t n, bool spans,
                      uint64_t *left);
/* The measure of compare.h between two bags of one corpus. */
double compare_bag_score(const struct corpus *c, const struct bag *a,
                         const struct bag *b);

/* A kept unknown key of posting i (its k-th), or a section of it. */
struct kref {
	const char *name; /* the key (NULL for none), or the folded heading */
	size_t i, k;      /* the posting, and which of its keys or sections */
};

/* A run of krefs of one name: v[start..start+len) of the sorted refs,
 * the first being its first appearance. */
struct krun {
	size_t start, len; /* where in the sorted refs, and how many */
	size_t i, k;       /* where it first appears */
};

/* s without leading and trailing white space: start in *s, length back. */
size_t compare_trim(const char **s);
/* Appends a row of kind to t, label and group sanitised (no label: "?"). */
struct cmp_row *compare_add_row(struct cmp_table *t, enum cmp_kind kind,
                                const char *label, const char *group);
/* Sorts v[0..n) by name and appearance and returns its runs of one name
 * in order of first appearance (malloc'd, *nrun of them). */
struct krun *compare_kref_runs(struct kref *v, size_t n, size_t *nrun);
/* Adds the list sections of p[0..t->n) to t: each a heading row and its
 * items aligned into rows (compare_lists.c). */
void compare_build_lists(struct cmp_table *t, const struct posting *const *p);

#endif
