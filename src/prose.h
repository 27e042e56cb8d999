/* SPDX-License-Identifier: MIT */
/* prose: a posting's text in its light form, as the model keeps it:
 * paragraphs separated by blank lines; a line starting with "- ", "* ",
 * "• " or a number ("1. ", "2) ") is a list item (consecutive items are
 * one list, an item indented under another is nested in it), and a line
 * indented under an item continues it. Read into blocks for the
 * renderer, written from blocks by the readers of HTML. */
#ifndef BILLET_PROSE_H
#define BILLET_PROSE_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"

/* Kinds of blocks. */
enum prose_kind {
	PROSE_PARA,    /* a paragraph */
	PROSE_ITEM,    /* a list item */
	PROSE_HEADING, /* a heading (only HTML has them; written as a
	                * paragraph) */
};

/* The level of a heading that is a paragraph all in bold. */
#define PROSE_BOLD_HEADING 7

/* The deepest nesting of items kept; deeper ones are shown at it. */
#define PROSE_MAX_DEPTH 8

/* One block of a text. */
struct prose_block {
	enum prose_kind kind;
	unsigned depth;   /* PROSE_ITEM: 0 for an item of a top-level list;
	                   * PROSE_HEADING: its level, 1-6 for <h1>-<h6>,
	                   * PROSE_BOLD_HEADING for a paragraph in bold, 0
	                   * when not known */
	unsigned number;  /* PROSE_ITEM: its number in a numbered list, or 0
	                   * for a bullet */
	char *text;       /* malloc'd, never empty; a paragraph on one line,
	                   * an item's lines (a line break in it) split by
	                   * '\n' */
};

/* The blocks of a text, in order; owned, freed by prose_free. */
struct prose {
	struct prose_block *v;
	size_t n, cap;
};

/* The bytes of a list item's marker at s ("- ", "• ", "12. "...), 0 when
 * s does not start with one; *number gets the item's number, or 0. */
size_t prose_marker(const char *s, size_t len, unsigned *number);
/* Reads text in the light form into blocks (appended to out): a
 * paragraph's lines joined by spaces, an item's continuation lines kept
 * as its lines. */
void prose_read(const char *s, size_t len, struct prose *out);
/* Appends a block (its text copied; trimmed; nothing when blank). */
void prose_add(struct prose *p, enum prose_kind kind, unsigned depth,
               unsigned number, const char *s, size_t len);
/* Appends blocks from to to-1 of p in the light form. */
void prose_write(struct buf *out, const struct prose *p, size_t from,
                 size_t to);
/* Makes p a flat list: an item's lines joined by spaces, and each item
 * nested in another joined to it ("Parent: first; second"). */
void prose_flatten(struct prose *p);
/* Frees the blocks and empties p. */
void prose_free(struct prose *p);

#endif
