/* SPDX-License-Identifier: MIT */
/* identity: how a posting is named when its file gives no id. An id must
 * stay the same when the file is moved, renamed or reordered, and differ
 * between different postings, so it is made from what the posting says
 * (its identifier, its URL, its organization, title and location), never
 * from where it was read. */
#ifndef BILLET_IDENTITY_H
#define BILLET_IDENTITY_H

#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "posting.h"
#include "text.h"

/* Longest slug made from a title or an organization, in bytes. */
#define IDENTITY_SLUG_MAX 40
/* Characters of the short hash after a slug (base 32: 50 bits). */
#define IDENTITY_HASH_LEN 10

/* How a default id was made, for the man page's rules and the tests. */
enum identity_kind {
	IDENTITY_GIVEN,      /* the file's `id` */
	IDENTITY_IDENTIFIER, /* schema.org identifier: ORG-SLUG-IDENTIFIER */
	IDENTITY_URL,        /* source URL: TITLE-SLUG-HASH(url) */
	IDENTITY_CONTENT,    /* TITLE-SLUG-HASH(organization, title, place;
	                      * everything it says when it gives neither an
	                      * organization nor a place) */
};

/* Appends the slug of s: ASCII letters and digits in lowercase (accented
 * Latin letters by their base letter), every other run of characters as
 * one '-', none at either end, cut at a '-' to at most max bytes.
 * Appends nothing when s has no letter or digit it can spell. */
void identity_slug(struct buf *out, const char *s, size_t max);
/* A 64-bit hash of len bytes of s (FNV-1a, then mixed): the same on every
 * machine. */
uint64_t identity_hash(const char *s, size_t len);
/* Appends the IDENTITY_HASH_LEN characters (0-9, a-z but i, l, o, u) of
 * a hash. */
void identity_hash_text(struct buf *out, uint64_t h);
/* Appends a URL as an id reads it: without white space around it, its
 * fragment or a trailing '/', its scheme and host in lowercase. */
void identity_add_url(struct buf *b, const char *u);
/* The default id of a posting whose file gives none, made from what it
 * says (see enum identity_kind), in arena a; *kind (may be NULL) says
 * which rule made it. NULL when memory is exhausted. */
const char *identity_default(struct arena *a, const struct posting *p,
                             enum identity_kind *kind);
/* Appends the id billet gave p before stable ids (issue 15): the file's
 * `id`, else the schema.org identifier, else the file's stem, followed by
 * "#N" (N the document's number) when the file holds several. Without the
 * "~2" a duplicate got. Used only to carry an old state file over. */
void identity_legacy(struct buf *out, const struct posting *p);

#endif
