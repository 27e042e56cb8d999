/* SPDX-License-Identifier: MIT */
/* load/shapes: postings in other sites' vocabularies. What shapes.c (the
 * recognition, the wrappers, the file's note), shapes_names.c (the table
 * of common key names), shapes_boards.c (the applicant-tracking boards'
 * JSON), shapes_personio.c (Personio's XML feed) and shapes_values.c
 * (their values) share. */
#ifndef BILLET_LOAD_SHAPES_H
#define BILLET_LOAD_SHAPES_H

#include "load/internal.h"

/* How a posting was read. */
enum shape_kind {
	SHAPE_CANONICAL,       /* canonical keys, in a wrapper's list */
	SHAPE_NAMES,           /* the table of common names */
	SHAPE_GREENHOUSE,      /* the boards, in shapes_boards.c's order */
	SHAPE_LEVER,
	SHAPE_ASHBY,
	SHAPE_WORKABLE,
	SHAPE_SMARTRECRUITERS,
	SHAPE_RECRUITEE,
	SHAPE_PERSONIO,
	SHAPE_NKINDS
};

/* Distinct strings in the order first met, at most SHAPES_SET_MAX. */
struct strset {
	char **v;      /* malloc'd copies */
	size_t n, cap;
	size_t more;   /* further strings not kept (some may repeat) */
};

/* The most strings a set keeps: the note names no more. */
#define SHAPES_SET_MAX 60

/* What a unit's reading saw of other vocabularies (malloc'd, owned by the
 * lctx, then by the unit, then by the file's merge). */
struct shapes_state {
	size_t count[SHAPE_NKINDS]; /* postings read each way */
	size_t no_org[SHAPE_NKINDS]; /* of them, postings with no
	                              * organization (said once) */
	struct strset aliases;      /* "name -> title" */
	struct strset unplaced;     /* keys kept under Other */
	struct strset lists;        /* the wrappers' keys of postings */
	struct strset ignored;      /* the wrappers' keys not read */
	struct strset org_from;     /* wrapper keys that gave the
	                             * organization of each posting */
	/* The wrapper being read (one document): its postings and the
	 * values it gives each (nodes of the document, in scratch). */
	const struct ynode **items;
	size_t nitems, cap;
	const struct ynode *org, *about, *org_url;
	bool in_wrapper;
	const char *vocab;          /* the board being mapped ("lever"), for
	                             * the names of keys kept (static) */
	enum shape_kind board;      /* the board every posting of the file
	                             * is from whatever its keys (a Personio
	                             * feed, xml.c), or SHAPE_CANONICAL when
	                             * each posting is judged by its keys */
};

/* shapes.c ----------------------------------------------------------- */

/* The reading's state, made at the first use. */
struct shapes_state *shapes_state(struct lctx *x);
/* Adds s (copied) to a set unless it is there. */
void strset_add(struct strset *set, const char *s);
/* Keeps key k (text) of the posting under Other and lists it as not
 * placed. */
void shapes_unplaced(struct lctx *x, const char *key, const struct ynode *v);
/* True for a value with nothing in it: null, "", {} or []. */
bool shapes_empty(const struct ynode *v);
/* Records "key -> field" for the note. */
void shapes_alias(struct lctx *x, const char *key, const char *field);

/* shapes_names.c ------------------------------------------------------ */

/* True when mapping m is a posting in other key names: it has one of them
 * (a title among them when it has no title), and not the canonical keys
 * of the fields they name. */
bool names_is(const struct ynode *m);
/* Maps m by the table of common names; canonical keys win. */
void names_map(struct lctx *x, const struct ynode *m);
/* True for a key of the table (an alias, not a canonical key). */
bool names_alias_key(const char *key);

/* shapes_boards.c ----------------------------------------------------- */

/* The board whose postings look like m, or SHAPE_NAMES. */
enum shape_kind boards_which(const struct ynode *m);
/* Maps m, a posting of the board kind. */
void boards_map(struct lctx *x, const struct ynode *m, enum shape_kind kind);
/* How the note names a board: "a Greenhouse job board". */
const char *boards_name(enum shape_kind kind);
/* A key of a board's posting: true when placed (else it is kept under
 * Other). */
typedef bool boards_key_fn(struct lctx *x, const struct ynode *m,
                           const char *k, const struct ynode *v);
/* Maps each key of m with fn; a null or empty value is nothing to place. */
void boards_loop(struct lctx *x, const struct ynode *m, boards_key_fn *fn);
/* Sets the id: the board's name, a dash, its own id v. */
bool boards_id(struct lctx *x, const char *board, const struct ynode *v);
/* Sets the department from a name, a {name}/{label}, or a list of them,
 * joined to the department there is. */
bool boards_department(struct lctx *x, const struct ynode *v);

/* shapes_personio.c --------------------------------------------------- */

/* Maps m, a position of Personio's XML feed (xml.c made its nodes). */
void personio_map(struct lctx *x, const struct ynode *m);

/* shapes_values.c ----------------------------------------------------- */

/* A scalar's text trimmed, or NULL (not text, or blank). */
const char *shapes_plain(struct lctx *x, const struct ynode *n);
/* A scalar's text with HTML (also HTML escaped once more, as some boards
 * send it) made plain text, or NULL. */
const char *shapes_text(struct lctx *x, const struct ynode *n);
/* Reads a date: YYYY-MM-DD (a time and zone after it: the date as
 * written), or a number of seconds or milliseconds since 1970 (a UTC
 * date); other text too unless date_only. False when not read. */
bool shapes_when(struct lctx *x, const struct ynode *n, bool date_only,
                 struct when *out);
/* Reads a workplace: remote/hybrid/onsite words, or a boolean for remote
 * (false says nothing, and is read). False when not read. */
bool shapes_workplace(const struct ynode *n, enum workplace *out);
/* An employment type: a word (FullTime, full_time, fulltime_permanent,
 * Full-time...) normalised, or a list of them joined. */
const char *shapes_employment(struct lctx *x, const struct ynode *n);
/* Appends a place unless it is empty. */
void shapes_place_add(struct lctx *x, const struct place *pl);
/* Reads a place: a name, or a mapping of name/city/region/state/country
 * (and their other spellings); false when nothing was read. */
bool shapes_place(struct lctx *x, const struct ynode *n, struct place *pl);
/* Sets the salary from amounts (negative: not given), a currency (NULL:
 * USD) and a period. */
void shapes_salary_set(struct lctx *x, double lo, double hi,
                       const char *currency, enum period period);
/* Reads a salary: text such as "$50,000 - $60,000 a year", a number, or a
 * mapping of min/max (and their other spellings), currency, period or
 * interval. False when not read (nothing is said). */
bool shapes_salary(struct lctx *x, const struct ynode *n);
/* Reads a period word: year, YEAR, "1 YEAR", per-year-salary, yearly... */
bool shapes_period(const char *s, enum period *out);
/* Reads an amount: a number, or text parse_amount reads. */
bool shapes_amount(const struct ynode *n, double *out);
/* Appends items to a list: a list's items, or text (HTML) split on its
 * lines and list items. */
void shapes_items(struct lctx *x, const struct ynode *n, struct strlist *out);
/* Places a headed block (Lever's lists, SmartRecruiters' sections,
 * Personio's descriptions): Responsibilities, Qualifications, Benefits
 * and their usual headings to those lists, other headings to sections. */
void shapes_headed(struct lctx *x, const char *heading, const struct ynode *v);
/* Appends a section of text (HTML) under heading. */
void shapes_section_text(struct lctx *x, const char *heading,
                         const struct ynode *v);

#endif
