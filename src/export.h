/* SPDX-License-Identifier: MIT */
/* export: text, TSV, CSV, JSON, YAML and Markdown writers. */
#ifndef BILLET_EXPORT_H
#define BILLET_EXPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "posting.h"

/* Output formats. */
enum format { FMT_TEXT, FMT_TSV, FMT_CSV, FMT_JSON, FMT_YAML, FMT_MARKDOWN };
/* How many formats there are (each below it has a name). */
#define FMT_COUNT (FMT_MARKDOWN + 1)

/* Reads a format name; false when unknown. */
bool format_parse(const char *s, enum format *out);
/* The name of a format. */
const char *format_name(enum format f);

/* What the state module adds to a posting's output; any hook may be NULL. */
struct export_hooks {
	void *ctx;
	bool (*marked)(void *ctx, const struct posting *p);
	bool (*hidden)(void *ctx, const struct posting *p);
	/* changed since the user read it (state_is_changed) */
	bool (*changed)(void *ctx, const struct posting *p);
	const char *(*note)(void *ctx, const struct posting *p);
	int (*rating)(void *ctx, const struct posting *p);        /* 0: none */
	const char *(*status)(void *ctx, const struct posting *p); /* or NULL */
	/* appends the status's history in words (nothing when none) */
	void (*history)(void *ctx, const struct posting *p, struct buf *out);
	/* appends the follow-up date in words (nothing when none) */
	void (*followup)(void *ctx, const struct posting *p, struct buf *out);
	/* the i-th change of the status, oldest first: false past the last;
	 * *status its name, *date its day (yyyymmdd, 0: not known) */
	bool (*change)(void *ctx, const struct posting *p, size_t i,
	               const char **status, int32_t *date);
	/* the follow-up day (yyyymmdd), 0 when none */
	int32_t (*followup_day)(void *ctx, const struct posting *p);
};

/* What export_list adds: a first line naming the TSV and CSV columns;
 * the user's state (the shortlist's export, --with-state): TSV and CSV
 * each posting's rating, status and note after the list's columns, JSON
 * and YAML a billet_state mapping in each posting, Markdown the mark,
 * rating, status and note. Without EXPORT_STATE only the postings go
 * out (and TSV and CSV's marked column). */
enum { EXPORT_HEADER = 1, EXPORT_STATE = 2 };
/* The narrowest text list: a narrower width is taken as this. */
enum { LIST_MIN_WIDTH = 8 };
/* Writes postings one a line in fmt (text, tsv, csv, json, yaml,
 * markdown); width is for text; flags are EXPORT_*. */
void export_list(FILE *f, struct posting *const *v, size_t n,
                 enum format fmt, int width, unsigned flags,
                 const struct export_hooks *h);
/* Writes one posting in full: text as the detail view (what the hooks
 * record under the title), json or yaml (what the hooks record under
 * billet_state: pass NULL for the posting alone). */
void export_show(FILE *f, const struct posting *p, enum format fmt,
                 int width, const struct export_hooks *h);
/* What export_file did. */
enum export_result {
	EXPORT_DONE,   /* the file is written */
	EXPORT_EXISTS, /* path exists and overwrite was false: nothing done */
	EXPORT_FAILED, /* nothing written; the message says why */
};
/* Writes the postings to path in fmt (width for text) with the hooks'
 * state (TSV and CSV with a header and the state's columns), atomically
 * (atomic.h): an existing path is replaced only when overwrite. On
 * EXPORT_FAILED msg (size bytes) says why: "not exported: cannot ...". */
enum export_result export_file(const char *path, bool overwrite,
                               struct posting *const *v, size_t n,
                               enum format fmt, int width,
                               const struct export_hooks *h, char *msg,
                               size_t size);
/* Appends a CSV cell: quoted per RFC 4180 when needed, and prefixed with
 * ' when it starts with =, +, - or @ so spreadsheets do not run it (TSV
 * cells are guarded the same way). */
void csv_cell(struct buf *out, const char *s);
/* Appends " s |", a Markdown table cell: s on one line (its lines joined
 * by " / "), Markdown's characters escaped, sanitised. */
void export_md_cell(struct buf *out, const char *s);
/* Appends s as a JSON string literal; control, C1 and bidi characters
 * escaped as \uXXXX so the output is safe on a terminal. */
void json_string(struct buf *out, const char *s);

#endif
