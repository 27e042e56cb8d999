/* SPDX-License-Identifier: MIT */
/* load/headings: what a heading in a posting's text names (the canonical
 * lists, the overview, the organization), one table for every reader of
 * headed text (Markdown bodies, HTML descriptions). */
#ifndef BILLET_LOAD_HEADINGS_H
#define BILLET_LOAD_HEADINGS_H

#include <stdbool.h>

/* What a heading names. */
enum heading_kind {
	HEADING_NONE,     /* a section of its own */
	HEADING_SUMMARY,  /* the overview: part of the summary */
	HEADING_ABOUT,    /* the organization: its about */
	HEADING_RESP,     /* responsibilities */
	HEADING_QUAL,     /* qualifications */
	HEADING_PREF,     /* preferred qualifications */
	HEADING_BENEFITS, /* benefits */
	HEADING_APPLY,    /* how to apply: the apply note */
};

/* The longest heading (bytes) a canonical list is recognised by. */
#define HEADING_MAX_LEN 60

/* What heading s names, in English, Spanish, French or German: whole
 * tells whether a list's words must be all of it (a paragraph taken for
 * a heading) or may be part of it ("Minimum qualifications"); org is the
 * organization's name ("About ACME" is its about), or NULL. */
enum heading_kind headings_name(const char *s, bool whole, const char *org);

#endif
