/* SPDX-License-Identifier: MIT */
/* catalog: every loaded posting, their ids, problems and sort orders. */
#ifndef BILLET_CATALOG_H
#define BILLET_CATALOG_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "posting.h"

/* A problem found while loading: where, how bad, what. */
struct problem {
	const char *file;   /* path as given, in the arena */
	unsigned line, col; /* 1-based; 0 when the whole file is meant */
	bool error;         /* error, else warning (or note) */
	bool note;          /* a note: what the file was read as; neither
	                     * an error nor a warning */
	const char *msg;    /* the message, in the arena */
};

/* All postings of a run. The catalog owns its arena, which holds every
 * posting and string; the arrays are malloc'd and owned too. */
struct catalog {
	struct arena arena;        /* postings, strings, problems' text */
	struct posting **v;        /* postings in load order */
	size_t n, cap;
	struct problem *problems;  /* in the order found */
	size_t nproblems, pcap;
	size_t nerrors;            /* how many problems are errors */
	size_t nnotes;             /* how many are notes */
	uint32_t *ids;             /* open-addressing id hash: index+1, 0 empty */
	size_t idcap;              /* slots in ids, a power of two */
	size_t nfiles;             /* files read */
	size_t nalso;              /* postings listed in the place of
	                            * another (the same job, dups.h) */
};

/* Initialises an empty catalog. */
void catalog_init(struct catalog *c);
/* Frees everything the catalog owns. */
void catalog_free(struct catalog *c);
/* Adds a posting (allocated in c->arena) after making its id unique: a
 * duplicate gets "~2", "~3"... and a warning, and both twin_of the id
 * they share. */
void catalog_add(struct catalog *c, struct posting *p);
/* Makes the id table anew after postings' ids were changed among
 * themselves (still unique). */
void catalog_reindex(struct catalog *c);
/* The posting with this id, or NULL. */
struct posting *catalog_find(const struct catalog *c, const char *id);
/* Records a problem (message printf-style). */
void catalog_problem(struct catalog *c, const char *file, unsigned line,
                     unsigned col, bool error, const char *fmt, ...)
	__attribute__((format(printf, 6, 7)));
/* Appends "FILE:LINE:COL: error: message" (or warning, note), sanitised, to
 * out:
 * one line, a newline or tab in the name or message shown as ^J or ^I. */
void problem_format(struct buf *out, const struct problem *p);
/* Appends a problem whose strings already live in c's arena. */
void catalog_push_problem(struct catalog *c, const struct problem *pr);
/* Moves every posting and problem of src into dst (ids made unique in
 * dst); src is left empty but initialised. */
void catalog_merge(struct catalog *dst, struct catalog *src);

/* Sort keys. */
enum sort_key {
	SORT_TITLE, SORT_ORG, SORT_LOCATION, SORT_SALARY, SORT_POSTED,
	SORT_DEADLINE, SORT_ID, SORT_NKEYS
};
/* A sort order: up to four keys, each possibly reversed. */
struct sort_spec {
	enum sort_key key[SORT_NKEYS]; /* each at most once */
	bool reverse[SORT_NKEYS];
	size_t n; /* 0: load order */
};
/* The name of a key as the command line spells it. */
const char *sort_key_name(enum sort_key k);
/* Parses "title", "-salary,title", ...; a key given again adds nothing
 * (the first says its direction). On error returns false and points *bad
 * at the offending key. */
bool sort_parse(const char *s, struct sort_spec *out, const char **bad);
/* Sorts an array of postings: by each key in turn (postings lacking the
 * key last in either direction), then by id, so the order is stable.
 * Salaries sort within their currency: currency (the user's, NULL or ""
 * for CURRENCY_DEFAULT) first, then the others by code, in either
 * direction. */
void sort_postings(struct posting **v, size_t n, const struct sort_spec *s,
                   const char *currency);

#endif
