/* SPDX-License-Identifier: MIT */
/* export_int: what the export writers (export.c, export_tree.c,
 * export_md.c) share. */
#ifndef BILLET_EXPORT_INT_H
#define BILLET_EXPORT_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "export.h"
#include "posting.h"
#include "text.h"

/* Writes a buffer to f and empties it. */
void export_flush(FILE *f, struct buf *b);
/* Appends s (may be NULL) sanitised onto one line. */
void export_line(struct buf *out, const char *s);

/* The cells of a posting's row, as the list shows them (ROW_CELLS:
 * id, title, organization, location, workplace, salary, deadline,
 * marked), then its rating, status and note (ROW_STATE_CELLS), then
 * whether it changed since read (ROW_CHANGED, the last column of TSV and
 * CSV with the state; without it the columns are INTERFACE.md's). */
enum { ROW_CELLS = 8, ROW_STATE_CELLS = 11, ROW_CHANGED = 11,
       ROW_ALL_CELLS = 12 };
struct row {
	struct buf cell[ROW_ALL_CELLS]; /* sanitised, each set ("" empty) */
};
/* Fills a row's cells; the note keeps its line breaks when keep_nl. */
void export_row_fill(struct row *r, const struct posting *p,
                     const struct export_hooks *h, bool keep_nl);
/* Frees a row's cells. */
void export_row_free(struct row *r);

/* Appends p as a JSON object or a block YAML mapping, with what the
 * hooks record under billet_state when h is set. */
void export_tree(struct buf *out, const struct posting *p, bool yaml,
                 const struct export_hooks *h);
/* Writes the Markdown list: a table, then each posting in full; with
 * what the hooks record (the mark, rating, status, note) when h is set. */
void export_markdown(FILE *f, struct posting *const *v, size_t n,
                     const struct export_hooks *h);

#endif
