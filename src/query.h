/* SPDX-License-Identifier: MIT */
/* query: the filter language, parsed once and evaluated against many postings. */
#ifndef BILLET_QUERY_H
#define BILLET_QUERY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "currency.h"
#include "posting.h"
#include "text.h"

/* A parsed query with its scratch space; made by query_parse, freed by
 * query_free. Evaluation writes only to the scratch space, so one query
 * object must not be used by two threads at once. */
struct query;

/* Why a query did not parse. */
struct query_error {
	unsigned col;  /* 1-based column, in characters, where parsing stopped */
	char msg[320]; /* e.g. "expected a value after 'salary>=' at column 8" */
};

/* Application statuses, in the order the interface offers them. */
enum query_status {
	QSTATUS_NONE, QSTATUS_INTERESTED, QSTATUS_APPLIED, QSTATUS_INTERVIEWING,
	QSTATUS_OFFER, QSTATUS_REJECTED, QSTATUS_WITHDRAWN, QSTATUS_N
};

struct query_notes; /* below */

/* What the state-backed terms ask, and the user's currency. Every hook
 * gets ctx and may be NULL, in which case its terms are false for every
 * posting. */
struct query_env {
	int32_t today; /* yyyymmdd for is:open, is:closed, is:closing and
	                * "today"; 0: deadline_today() (deadline.h) */
	char currency[4]; /* the user's currency (ISO 4217), the one a bare
	                   * salary figure is in; "" for CURRENCY_DEFAULT */
	const struct currency_rates *rates; /* what other currencies are
	                   * worth in it (the caller's), or NULL: a salary in
	                   * another currency than a bound's never matches it */
	void *ctx;     /* passed to every hook */
	bool (*marked)(void *ctx, const struct posting *p);   /* is:marked */
	bool (*hidden)(void *ctx, const struct posting *p);   /* is:hidden */
	bool (*is_new)(void *ctx, const struct posting *p);   /* is:new */
	bool (*read)(void *ctx, const struct posting *p);     /* is:read */
	bool (*changed)(void *ctx, const struct posting *p);  /* is:changed */
	bool (*has_note)(void *ctx, const struct posting *p); /* has:note */
	int (*rating)(void *ctx, const struct posting *p);    /* 1-5, 0 unrated */
	int (*status)(void *ctx, const struct posting *p);    /* enum query_status */
	int32_t (*followup)(void *ctx, const struct posting *p); /* the
	                   * follow-up date (yyyymmdd), 0: none */
	const char *(*note)(void *ctx, const struct posting *p); /* the
	                   * user's note or NULL: read by query_notes_fill
	                   * only, never while matching */
	const struct query_notes *notes; /* the user's notes, folded, that
	                   * free text and note: search (query_notes_fill);
	                   * NULL: they find no note */
};

/* The user's notes, folded once, for matching: made by query_notes_new
 * and filled from env->note whenever notes may have changed (a load, an
 * edit, the state read again), so that matching never asks the state. */
struct query_notes;

/* An empty set of notes; free with query_notes_free. */
struct query_notes *query_notes_new(void);
/* Frees a set of notes (NULL is fine). */
void query_notes_free(struct query_notes *qn);
/* Takes in the notes (env->note) of v[from..to): with from 0 it forgets
 * every note first, else it adds to them (postings loaded since). */
void query_notes_fill(struct query_notes *qn, const struct query_env *env,
                      struct posting *const *v, size_t from, size_t to);
/* How many postings have a note in qn. */
size_t query_notes_count(const struct query_notes *qn);

/* Parses s; NULL with *err filled (err may be NULL) when it does not parse.
 * An empty or blank s gives a query that matches every posting. */
struct query *query_parse(const char *s, struct query_error *err);
/* Frees a query (NULL is fine). */
void query_free(struct query *q);
/* Appends the message the interface shows: "filter: " and err->msg. */
void query_error_describe(const struct query_error *err, struct buf *out);
/* The text the query was parsed from. */
const char *query_source(const struct query *q);
/* True if the query matches every posting (empty or blank text). */
bool query_is_empty(const struct query *q);

/* True if p matches; env may be NULL (no state: state terms are false).
 * Allocates nothing once the scratch space has grown to fit. */
bool query_match(struct query *q, const struct posting *p,
                 const struct query_env *env);

struct query_index; /* index.h */

/* Writes to out[0..) the positions i, ascending, of the postings v[i] of
 * v[0..n) that query_match would match, and returns how many (out has
 * room for n). The query is evaluated a set of postings at a time: with
 * ix (made by index_build over the same postings in the same order), the
 * postings it covers are answered from the index and its cached answers,
 * and the rest, v[index_count(ix)..n), one by one; with ix NULL, every
 * posting one by one. ix's caches are updated, so ix, like q, is used by
 * one thread at a time. Allocates nothing per posting. */
size_t query_select(struct query *q, struct query_index *ix,
                    struct posting *const *v, size_t n,
                    const struct query_env *env, uint32_t *out);

/* Appends the folded form of s[0..len) as queries match it: every code
 * point through text_fold_cp, each run of white space as one ' ', bad
 * bytes as U+FFFD (the index folds the postings with it). */
void query_fold(struct buf *out, const char *s, size_t len);

/* True if the query contains the term, positive or negated: "is:hidden",
 * "has:note" (any is:/has: term by that spelling), or a key such as
 * "status", "rating", "salary", "experience", "posted", "deadline", or a
 * text field followed by ':' ("title:"). */
bool query_mentions(const struct query *q, const char *term);

/* True if, for the same postings and the same env, every posting newer
 * matches also matches older, so newer may be run on older's results only.
 * False when that cannot be shown (never wrongly true). */
bool query_narrows(const struct query *older, const struct query *newer);

/* Where a term matched: a byte range of the text given to query_spans. */
struct query_span {
	size_t off; /* first byte, at a character boundary */
	size_t len; /* bytes, ending at a character boundary */
};

/* Finds where the query's positive text terms (words, phrases, field:text
 * not under a negation) occur in s[0..len), for highlighting. field names
 * the field s comes from ("title", "org", ... as in posting_each_text), or
 * NULL to use every such term whatever its field. Appends the spans, in
 * order and merged where they overlap or touch, to *v (realloc'd; count in
 * *n, capacity in *cap); returns how many were added. */
size_t query_spans(struct query *q, const char *field, const char *s,
                   size_t len, struct query_span **v, size_t *n, size_t *cap);

/* The name of a status ("none", "interested", ...); "?" when out of range. */
const char *query_status_name(int status);

/* The words of the language, by kind, for completion: the list comes
 * from the parser's own tables, so it cannot drift from them. */
enum query_words {
	QW_FIELD,     /* names before ':' (title, org, ... their other
	               * names, is, has, status) */
	QW_COMPARE,   /* names before an operator (salary, deadline, ...) */
	QW_IS,        /* what is: takes (marked, hidden, ...) */
	QW_HAS,       /* what has: takes (salary, note, ...) */
	QW_STATUS,    /* what status: takes (none, interested, ...) */
	QW_WORKPLACE, /* what workplace: takes (onsite, hybrid, remote) */
};
/* Writes the words of a kind to out[0..max) (static strings), in the
 * parser's order, and returns how many there are (more than max when
 * out is too small). */
size_t query_words(enum query_words kind, const char **out, size_t max);

/* query_complete.c: the names Tab may complete the word before pos of
 * a filter to (the word starts at *start; a leading - is not part of
 * it): field names with their ':' and the names that take an operator,
 * or after is:, has:, status: and workplace: those terms whole, which
 * *whole says (a blank may follow them). Writes them to *names
 * (malloc'd) and returns how many; 0 inside a quoted phrase or after a
 * field whose values are free text. */
size_t query_complete(const char *text, size_t pos, size_t *start,
                      char ***names, bool *whole);
/* Frees what query_complete made. */
void query_complete_free(char **names, size_t n);

#endif
