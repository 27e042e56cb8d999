/* SPDX-License-Identifier: MIT */
/* load/body: the blocks of a posting's Markdown body -> its summary, its
 * canonical lists, the organization's about and further sections. */
#ifndef BILLET_LOAD_BODY_H
#define BILLET_LOAD_BODY_H

#include "load/internal.h"
#include "load/markdown.h"

/* Reads blocks from to b->n of body b into the posting being built
 * (x->p), whose front matter is read already and wins: the text before
 * the first heading (and under an overview heading) is the summary; a
 * heading that names a canonical list the posting does not give makes
 * its items (and paragraphs) that list, "About us" the organization's
 * about, "How to apply" the apply note; every other heading a further
 * section, its subheadings groups of it, after the sections the front
 * matter gives. What the front matter gives already is not replaced:
 * the body's summary then is a section "Description", its list a
 * section under its heading. A first heading that says the posting's
 * title again is left out. */
void body_apply(struct lctx *x, const struct body *b, size_t from);

#endif
