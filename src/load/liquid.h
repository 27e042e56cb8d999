/* SPDX-License-Identifier: MIT */
/* load/liquid: the template tags of a Jekyll page's body (Liquid) and of
 * a Hugo page's (shortcodes), read as the site would render them as far
 * as the front matter tells: {{ page.key }} is its value, {% if %}
 * chooses its branch, the other tags go. */
#ifndef BILLET_LOAD_LIQUID_H
#define BILLET_LOAD_LIQUID_H

#include <stdbool.h>
#include <stddef.h>

#include "load/internal.h"
#include "text.h"

/* Where a piece of the rendered text comes from. */
struct liquid_seg {
	size_t out;    /* its first byte in the rendered text */
	size_t src;    /* the byte of the source it comes from */
	bool copied;   /* copied from there (else made by a tag there) */
};

/* A body rendered; free with liquid_free. */
struct liquid_out {
	struct buf text;          /* the rendered text */
	struct liquid_seg *seg;   /* malloc'd, in order of out */
	size_t nseg, cap;
};

/* True when s[0..len) holds a tag ("{{" or "{%"). */
bool liquid_has(const char *s, size_t len);
/* Renders s[0..len) into out, page being the front matter (a mapping):
 * {{ page.key }} (and a filter after it) is the key's text, other
 * variables nothing; if, elsif, else and unless choose by page's values;
 * comment and capture leave their content out, raw keeps it as it is;
 * every other tag (include, for, assign...) and Hugo's shortcodes
 * ({{< name >}}, {{% name %}}) go, their content kept. */
void liquid_render(const char *s, size_t len, const struct ynode *page,
                   struct liquid_out *out);
/* The offset in the source of byte off of the rendered text. */
size_t liquid_src(const struct liquid_out *o, size_t off);
/* Frees what o holds. */
void liquid_free(struct liquid_out *o);

#endif
