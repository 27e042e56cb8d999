/* SPDX-License-Identifier: MIT */
/* load/plaintext_draft: what the parts of a draft posting share
 * (plaintext_map.c maps the text's parts to nodes; plaintext_who.c says
 * whose job it is and what it is called): the nodes it is made of, the
 * notes for the user, the draft being made. Internal to the loader. */
#ifndef BILLET_LOAD_PLAINTEXT_DRAFT_H
#define BILLET_LOAD_PLAINTEXT_DRAFT_H

#include "load/internal.h"
#include "load/plaintext.h"
#include "load/reader.h"

/* Where the draft's nodes are made. */
struct nb {
	struct arena *a;
	struct buf *check;   /* the notes, or NULL */
};

/* What the draft is being made of. */
struct draft {
	struct nb b;
	const struct pt_doc *d;
	struct ynode *root;
	struct buf q;               /* scratch for quotes in notes */
	const char *org, *org_short;/* found so far */
	bool salary, experience, email, url;
	const struct pt_elem *hire; /* "X seeks a Y" near the top, or NULL */
	size_t xoff, xlen, yoff, ylen; /* where X and Y are in hire->text */
};

/* A new node of that kind in b's arena (line 0: line 1). */
struct ynode *draft_new(struct nb *b, enum ykind kind, unsigned line);
/* A new scalar node holding a copy of s. */
struct ynode *draft_str(struct nb *b, const char *s, unsigned line);
/* Appends kid to a list, or key and kid to a mapping. */
void draft_add(struct nb *b, struct ynode *n, const char *key,
               struct ynode *kid);
/* Appends a line to the notes (none when b->check is NULL). */
void draft_note(struct nb *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* At most 60 bytes of s[0..len) for a note, cut at a character, "…"
 * after; kept in out. */
const char *draft_quote(struct buf *out, const char *s, size_t len);
/* Appends the elements of section k to out as prose. */
void draft_prose(struct buf *out, const struct pt_sect *k);
/* The first label of field f, or NULL; *count (if set) gets how many. */
const struct pt_label *draft_label(const struct pt_doc *d, enum pt_field f,
                                   size_t *count);

/* Finds "X seeks a Y" near the top (dr->hire and where X and Y are). */
void draft_find_hiring(struct draft *dr);
/* Adds the title: --title, else a "Title:" label, else the first line,
 * else the job "X seeks a Y" names, else the name of the file. */
void draft_title(struct draft *dr, const struct text_import *opt,
                 struct buf *summary);
/* Adds the organization, with its about section. */
void draft_org(struct draft *dr);
/* Appends a slug of s to out (lowercase ASCII words joined by dashes). */
void draft_slug(struct buf *out, const char *s);

#endif
