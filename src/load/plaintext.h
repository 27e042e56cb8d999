/* SPDX-License-Identifier: MIT */
/* load/plaintext: a posting pasted as plain text, read into its parts (the
 * title, label lines, headed sections of paragraphs and list items) by
 * plaintext.c, then mapped onto the canonical keys by plaintext_map.c. */
#ifndef BILLET_LOAD_PLAINTEXT_H
#define BILLET_LOAD_PLAINTEXT_H

#include <stdbool.h>
#include <stddef.h>

#include "posting.h"
#include "text.h"

/* What a headed section is, by its heading. */
enum pt_canon {
	PT_OTHER,        /* any other heading: a section of its own */
	PT_SUMMARY,      /* Overview, Position Overview, Job Summary... */
	PT_ABOUT,        /* About the Organization, About Us... */
	PT_RESP,         /* Responsibilities, Duties... */
	PT_QUAL,         /* Qualifications, Requirements... */
	PT_PREF,         /* Preferred Qualifications, Nice to Have... */
	PT_BENEFITS,     /* Benefits, Compensation and Benefits... */
	PT_CONDITIONS,   /* Conditions of Employment... */
	PT_APPLY,        /* To Apply, How to Apply... */
};

/* What a label line gives. */
enum pt_field {
	PF_TITLE, PF_ORG, PF_DEPT, PF_LOCATION, PF_WORKPLACE, PF_EMPLOYMENT,
	PF_SALARY, PF_POSTED, PF_DEADLINE, PF_START, PF_REPORTS_TO,
	PF_SUPERVISES, PF_TRAVEL, PF_EXPERIENCE, PF_EMAIL, PF_URL,
	PF_N
};

/* A paragraph or a list item of a section. */
struct pt_elem {
	bool item;        /* a list item (a bullet or a number), else prose */
	char *text;       /* its text, blanks squeezed (malloc'd) */
	char *mark;       /* an item's bullet or number as written ("•",
	                   * "1."), malloc'd; NULL for prose */
	unsigned line;    /* 1-based line where it starts */
};

/* A headed section, or the text before any heading (heading NULL). */
struct pt_sect {
	char *heading;    /* as written, without a trailing ':' (malloc'd) */
	unsigned line;
	enum pt_canon canon;
	int parent;       /* the section it is a group of, or -1 */
	bool label;       /* made from one "Label: value" line */
	struct pt_elem *v;/* its paragraphs and items in order (malloc'd) */
	size_t n, cap;
};

/* A label line: "Location: Bakersfield", or "Location" then its value. */
struct pt_label {
	enum pt_field field;
	char *label;      /* as written (malloc'd) */
	char *value;      /* (malloc'd) */
	unsigned line;    /* of the value */
};

/* A plain-text posting read into parts. Free with pt_doc_free. */
struct pt_doc {
	char *title;      /* the first line, when it reads as one, or NULL */
	unsigned title_line;
	struct pt_label *labels;
	size_t nlabels;
	struct pt_sect *s;/* s[0] is the text before any heading */
	size_t ns;
	size_t longest;   /* bytes of the longest paragraph or item */
	size_t elems;     /* paragraphs, items and labels */
};

/* Reads text (UTF-8 with "\n" line breaks; blanks and bullets as people
 * paste them) into doc. */
void pt_read(struct pt_doc *doc, const char *s, size_t len);
/* Frees what doc holds. */
void pt_doc_free(struct pt_doc *doc);
/* Appends s[0..len) with each run of blanks (space, tab, no-break space)
 * made one space, without the blanks at either end. */
void pt_squeeze(struct buf *out, const char *s, size_t len);
/* The name of a canonical section, for messages ("responsibilities"). */
const char *pt_canon_name(enum pt_canon c);

/* plaintext_find.c: what is read from inside a sentence. Offsets and
 * lengths are in bytes of s. */

/* True when the byte c may be part of a word (a letter, a digit, or a
 * byte of a UTF-8 sequence). */
bool pt_wordc(char c);
/* The first http(s) URL in s, without the punctuation after it. */
bool pt_find_url(const char *s, size_t *off, size_t *len);
/* The first e-mail address in s. */
bool pt_find_email(const char *s, size_t *off, size_t *len);
/* True when the folded s holds one of the folded words (NULL-ended);
 * tmp is scratch. */
bool pt_mentions(struct buf *tmp, const char *s, const char *const *words);
/* The first amount or range with a currency sign in s, read as the
 * loader reads a salary (salary_text), into *out, with the pay period
 * named right after it when there is one (*period then true). */
bool pt_find_salary(const char *s, struct salary *out, size_t *off,
                    size_t *len, bool *period);
/* Reads "March 15, 2025", "15 March 2025", "15 de marzo de 2025",
 * "Friday, March 15, 2025" into YYYY-MM-DD (out, 11 bytes); false when
 * s is not just such a date. */
bool pt_word_date(const char *s, char *out);
/* "The New York Immigration Coalition (NYIC) is...": the name and the
 * short name in brackets at the start of s. */
bool pt_find_org(const char *s, size_t *noff, size_t *nlen, size_t *soff,
                 size_t *slen);
/* "X seeks a Y", "X is seeking a Y", "X is hiring a Y", "X is looking
 * for a Y": X from the start of its sentence, Y the job up to a word or
 * a mark that ends it ("to", "who", ","...). */
bool pt_find_hiring(const char *s, size_t *xoff, size_t *xlen, size_t *yoff,
                    size_t *ylen);
/* s[0..len) read as an organization's name ("The Riverside Tenants
 * Union", not "We"): the name without its article at *off, *nlen long. */
bool pt_find_name(const char *s, size_t len, size_t *off, size_t *nlen);
/* Where in s the words y[0..n) are written in capitals as a title is
 * ("The Policy Advocate and Organizer will..."), case aside. */
bool pt_find_cased(const char *s, const char *y, size_t n, size_t *off);
/* Writes each word of s with an ASCII capital but the small joining
 * words after the first ("policy advocate and organizer"). */
void pt_title_case(char *s);
/* The years of experience a sentence about experience asks for: "at
 * least 2 years", "5-10 years", "3+ years", "dos años"; *hi -1 when
 * there is no upper end. */
bool pt_find_years(const char *s, double *lo, double *hi);
/* The languages a sentence about languages names (at most max, into
 * names), and the level it says (required, preferred, strongly
 * preferred) or NULL; returns how many. */
size_t pt_find_languages(const char *s, const char **names, size_t max,
                         const char **level);
/* The quoted words of a sentence about an e-mail's subject. */
bool pt_find_subject(const char *s, size_t *off, size_t *len);

#endif
