/* SPDX-License-Identifier: MIT */
/* load/description: a schema.org description -> summary, lists, sections. */
#ifndef BILLET_LOAD_DESCRIPTION_H
#define BILLET_LOAD_DESCRIPTION_H

#include "load/internal.h"
#include "prose.h"

/* Reads a description (HTML or text) into the posting being built: the
 * text before its first heading (and under an overview heading) is the
 * summary; a heading that names a canonical list the posting does not
 * give otherwise makes its paragraphs and items that list (the
 * paragraphs after the list's last item close the summary), "About us"
 * the organization's about; every other heading is a further section,
 * before those the posting had. */
void description_map(struct lctx *x, const char *s, size_t len);
/* The same for a description read into blocks already (a Personio
 * position's blocks, each under its heading); blocks stays the caller's,
 * the headings that only group others left out of it. */
void description_map_blocks(struct lctx *x, struct prose *blocks);

#endif
