/* SPDX-License-Identifier: MIT */
/* load/headings: what a heading in a posting's text names (the canonical
 * lists, the overview, the organization, the conditions, how to apply),
 * one table for every reader of headed text: HTML descriptions, Markdown
 * bodies and pasted plain text. */
#ifndef BILLET_LOAD_HEADINGS_H
#define BILLET_LOAD_HEADINGS_H

#include <stdbool.h>

/* What a heading names. */
enum heading_kind {
	HEADING_NONE,       /* a section of its own */
	HEADING_SUMMARY,    /* the overview: part of the summary */
	HEADING_ABOUT,      /* the organization: its about */
	HEADING_RESP,       /* responsibilities */
	HEADING_QUAL,       /* qualifications */
	HEADING_PREF,       /* preferred qualifications */
	HEADING_BENEFITS,   /* benefits */
	HEADING_CONDITIONS, /* conditions of employment */
	HEADING_APPLY,      /* how to apply: the apply note */
};

/* How headings_name matches, as flags. */
enum heading_how {
	HEADING_PART = 0,      /* a list's words may be part of the heading
	                        * ("Minimum qualifications") */
	HEADING_WHOLE = 1,     /* they must be all of it (a paragraph taken
	                        * for a heading) */
	HEADING_ANY_ABOUT = 2, /* "About X", "Sobre X" (six words at most) is
	                        * the organization's whatever X is, unless X
	                        * is the job (where the organization's name
	                        * is not known yet: plain text) */
};

/* The longest heading (bytes) anything is recognised by. */
#define HEADING_MAX_LEN 60

/* What heading s names, in English, Spanish, French or German, matched
 * as how says (enum heading_how flags); org is the organization's name
 * ("About ACME" is its about), or NULL. */
enum heading_kind headings_name(const char *s, unsigned how, const char *org);

#endif
