/* SPDX-License-Identifier: MIT */
/* load/markdown: a Markdown body (CommonMark with GitHub's tables,
 * autolinks and strikethrough, read by md4c) -> blocks of plain text:
 * paragraphs, list items and headings, with their lines in the file. */
#ifndef BILLET_LOAD_MARKDOWN_H
#define BILLET_LOAD_MARKDOWN_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "load/internal.h"
#include "load/liquid.h"
#include "text.h"

/* Kinds of blocks. */
enum body_kind {
	BODY_PARA,    /* a paragraph (a table row, a code block, a line of an
	               * HTML block) */
	BODY_ITEM,    /* a list item */
	BODY_HEADING, /* a heading */
};

/* The deepest nesting of list items kept; deeper ones are read at it. */
#define BODY_MAX_DEPTH 8

/* One block of a body. */
struct body_block {
	enum body_kind kind;
	unsigned level;   /* BODY_HEADING: 1-6, or 7 for a short paragraph
	                   * all in bold that heads the list after it */
	unsigned depth;   /* BODY_ITEM: 0 for an item of a top-level list */
	unsigned number;  /* BODY_ITEM: its number in an ordered list, or 0 */
	unsigned line;    /* 1-based line of the file where it starts */
	bool bold;        /* BODY_PARA: all of it is in bold (or italics) */
	bool starts;      /* BODY_ITEM: the first of a top-level list */
	size_t off;       /* its text in the body's text: NUL-terminated,
	                   * never empty; an item's lines (its further
	                   * paragraphs) split by '\n' */
};

/* The blocks of a body, in order; free with body_free. */
struct body {
	struct body_block *v; /* malloc'd */
	size_t n, cap;
	struct buf text;      /* the blocks' texts, each after the last */
	bool errors;          /* a limit was met: an error was said */
};

/* The text of block i of b. */
#define BODY_TEXT(b, i) ((b)->text.s + (b)->v[i].off)

/* A body to read. */
struct md_source {
	const char *s;        /* the Markdown (or HTML) */
	size_t len;
	const char *orig;     /* the file's bytes it comes from (s itself
	                       * unless map is given) */
	size_t olen;
	const struct liquid_out *map; /* s rendered from orig, or NULL */
	unsigned line0;       /* the file's line of orig[0] (1-based) */
	bool html;            /* HTML, not Markdown: an HTML file's body */
};

/* Reads a body into out: links as "text (URL)", emphasis and code as
 * plain text, entities decoded, images and comments left out, HTML
 * blocks through the HTML conversion (all of it for html). Bounded by
 * x's limits (a text over max_scalar is dropped, blocks over max_nodes
 * and nesting over max_depth are said once); problems go to x's catalog
 * under x's file, at the lines of orig. */
void markdown_read(struct lctx *x, const struct md_source *src,
                   const atomic_bool *cancel, struct body *out);
/* Frees what b holds and empties it. */
void body_free(struct body *b);

#endif
