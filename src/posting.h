/* SPDX-License-Identifier: MIT */
/* posting: one job posting, its fields and how it reads as text. */
#ifndef BILLET_POSTING_H
#define BILLET_POSTING_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "text.h"
#include "value.h"

/* A list of strings. Array and strings live in the catalog's arena. */
struct strlist {
	const char **v; /* the items, each non-NULL */
	size_t n;       /* how many */
};

/* A salary range; min == max for a single figure. A range open at one
 * end ("up to $90,000": only max given; "from $50,000": only min) holds
 * its one figure in both min and max and says which end is open. */
struct salary {
	bool present;      /* false: the posting gives none */
	double min, max;   /* amounts per period, min <= max */
	char currency[4];  /* ISO 4217 code, "USD" unless given */
	enum period period;
	const char *note;  /* text that came with it, or NULL */
	bool open_below;   /* no bottom given: "up to max" */
	bool open_above;   /* no top given: "from min" (never both open) */
};

/* A date, or free text where the posting gives no date. */
struct when {
	int32_t ymd;      /* yyyymmdd, or 0 when not a date */
	const char *text; /* as written, or NULL when absent */
};

/* One place of work. Any member may be NULL. */
struct place {
	const char *name, *city, *region, *country;
};

/* Where the work is done. */
enum workplace { WP_NONE = 0, WP_ONSITE, WP_HYBRID, WP_REMOTE };

/* A language and how much it matters (level may be NULL). */
struct language {
	const char *name, *level;
};

/* A further headed section: prose, items, headed groups of its own. */
struct section {
	const char *heading;  /* as written */
	const char *text;     /* prose, or NULL */
	struct strlist items;
	struct section *sub;  /* headed groups (one level), nsub of them */
	size_t nsub;
};

/* Kinds of kept values. */
enum xkind { X_SCALAR, X_SEQ, X_MAP };

/* A value kept as written (unknown keys, schema.org extras): a scalar, a
 * list, or a mapping whose children carry keys. Lives in the arena. */
struct xvalue {
	enum xkind kind;
	const char *key;      /* the key, for a mapping entry; else NULL */
	const char *s;        /* the scalar's text (X_SCALAR) */
	struct xvalue *kids;  /* items or entries (X_SEQ, X_MAP) */
	size_t n;             /* how many kids */
	bool plain;           /* X_SCALAR: written unquoted (3, true, a
	                       * date...; null when s is ""), so exports
	                       * keep its type */
};

/* How to apply. */
struct apply {
	const char *url, *email, *phone, *subject, *note;
	struct strlist documents;
	struct when deadline;
};

/* One posting. Every pointer is into the owning catalog's arena; a NULL
 * string or an empty list means the posting does not give it. */
struct posting {
	const char *id;           /* unique in the catalog */
	const char *title;        /* never NULL once loaded */
	struct {
		const char *name, *short_name, *url, *about;
	} org;
	const char *department;
	struct place *places;     /* locations, nplaces of them */
	size_t nplaces;
	enum workplace workplace;
	const char *workplace_note;
	struct {
		const char *type;           /* full-time, part-time, ... */
		const char *classification; /* e.g. exempt */
		const char *union_name;     /* the union, if any */
	} employment;
	struct salary salary;
	struct when posted, deadline, start;
	const char *reports_to, *supervises, *travel;
	struct {
		double min_years, max_years; /* -1 when not given */
		const char *note;
	} experience;
	struct language *languages;
	size_t nlanguages;
	const char *summary;          /* paragraphs separated by blank lines */
	struct strlist responsibilities;
	struct strlist qualifications; /* required, or all when not split */
	struct strlist preferred;      /* preferred qualifications */
	struct strlist benefits;
	bool benefits_prose;           /* benefits were given as one text */
	struct strlist conditions;
	struct apply apply;
	struct strlist tags;
	const char *source;            /* URL */
	struct section *sections;
	size_t nsections;
	struct xvalue *extra;          /* unknown keys in order, with key set */
	size_t nextra;

	const char *file;   /* the file it came from */
	unsigned line, col; /* where its document or item starts, 1-based */
	unsigned doc;       /* 1-based document/item number in the file */
	bool problems;      /* some field could not be read */
	bool jsonld;        /* read through the schema.org mapping */
	uint32_t seq;       /* load order, 0-based */
	uint32_t dup_next;  /* the next ~N suffix to try for this id's twins */
	const char *identifier; /* the schema.org identifier's value, or NULL */
	const char *twin_of; /* the id several postings came with (this one's,
	                      * or the one before its "~N"), or NULL when the
	                      * id was unique */
	bool id_made;       /* the id is a default (identity.h), not given */
	bool lone;          /* the only document of its file */
	struct posting *dup_of; /* the posting this one is the same job as,
	                      * loaded from another source (dups.h): shown
	                      * in its place, its state is that one's; NULL
	                      * when it is shown itself */
	struct posting *also; /* the next posting of the same job from
	                      * another source (a list from the one shown,
	                      * in load order), or NULL */
};

/* The deadline that counts: the posting's, else the one under apply. */
const struct when *posting_deadline(const struct posting *p);
/* The salary's range per year in *lo and *hi, an open end as no bound (0
 * below, HUGE_VAL above), as queries compare it; false when there is
 * none. */
bool posting_salary_yearly(const struct posting *p, double *lo, double *hi);
/* Appends a compact salary such as "$62.4k–67k", "$26–31.50/h",
 * "€3.2k/mo", "≤$90k" (open below), "$26+/h" (open above); nothing when
 * there is none. */
void salary_compact(struct buf *out, const struct salary *s);
/* Appends a full salary such as "$62,400–$67,000 a year", "up to
 * $90,000 a year", "from $26 an hour". */
void salary_full(struct buf *out, const struct salary *s);
/* Appends an amount with thousands separators and the currency's sign:
 * "$62,400", "$31.50", "CHF 90,000". */
void money_format(struct buf *out, double amount, const char *currency);

/* Appends the non-empty parts (NULL ones left out) joined by ", ";
 * returns how many. */
int posting_join(struct buf *out, const char *const *parts, size_t n);
/* Appends the locations joined by "; " (each "name (city, region, country)"
 * or "city, region, country"). */
void posting_location(struct buf *out, const struct posting *p);
/* The organization's display name: short name when wide is false and one is
 * given, else name; NULL when not given. */
const char *posting_org(const struct posting *p, bool wide);
/* The name of a workplace value: "onsite", "hybrid", "remote", or NULL. */
const char *workplace_name(enum workplace w);
/* Appends the experience asked for: "5–10 years", "6 months", "1+ months"
 * (one or more), "up to 2 years", "6 months–2 years", then " — " and the
 * note. Under a year in months, else in years; at most one decimal. */
void posting_experience(struct buf *out, const struct posting *p);
/* Appends an xvalue as readable text: scalars as is, lists joined by "; ",
 * mappings as "key: value" pairs, objects with a name by their name. */
void xvalue_text(struct buf *out, const struct xvalue *v);

/* One line of a rendered posting. */
enum rline_kind {
	RL_TITLE,   /* the title */
	RL_HEADING, /* a section heading */
	RL_FIELD,   /* "Label: value" (label_len bytes of label and ": ") */
	RL_TEXT,    /* a line of prose */
	RL_BULLET,  /* a list item's first line, starting with "• " */
	RL_CONT,    /* a continuation line of a field or bullet */
	RL_BLANK,   /* an empty line */
};

/* A rendered line: sanitised, wrapped text that fits the width. */
struct rline {
	enum rline_kind kind;
	char *text;        /* malloc'd, owned by the rlines */
	size_t label_len;  /* RL_FIELD: bytes of "Label: " at the start */
	uint8_t deadline;  /* on the lines of the deadline that counts
	                    * (posting_deadline): DL_CLOSING or DL_CLOSED
	                    * (deadline.h) when it is closing soon or closed
	                    * on deadline_today(), else 0 */
};

/* The lines of a rendered posting; free with rlines_free. */
struct rlines {
	struct rline *v;
	size_t n, cap;
};

/* Renders every field and section of p, headed and wrapped to width
 * display columns, as the detail view and --show show it; the deadline
 * that counts says how it stands on deadline_today() when it is closed or
 * closing soon ("2026-12-04 — closed 3 days ago"). Appends to out. */
void posting_render(const struct posting *p, int width, struct rlines *out);
/* True when key is one of the format's canonical keys (FORMAT.md), as
 * the loader's table of keys has them. */
bool posting_field_key(const char *key);

/* What the user recorded about a posting (the state file's). */
struct posting_mine {
	bool marked;
	const char *hidden;  /* how to say it is hidden, or NULL */
	int rating;          /* 1 to 5, 0 for none */
	const char *status;  /* or NULL */
	const char *history; /* the status's changes in words, or NULL */
	const char *followup; /* the follow-up date in words, or NULL */
	const char *changed; /* how the posting changed since it was read,
	                      * in words, or NULL */
	const char *note;    /* or NULL */
	bool stars;          /* the rating drawn in stars too */
};
/* posting_render with what mine records, if anything, under the title:
 * the detail view and --show. */
void posting_render_mine(const struct posting *p,
                         const struct posting_mine *mine, int width,
                         struct rlines *out);
/* Frees the lines and empties out. */
void rlines_free(struct rlines *out);

/* Calls fn on each piece of searchable text in p with the name of its field
 * for queries ("title", "org", "loc", "dept", "tag", "type" for the
 * employment type and classification, "union", "workplace" for its type,
 * "workplace.note", "lang", "id", "deadline" and "start" for their text,
 * "text" for summary, lists and sections, "other" for kept values); stops
 * early and returns true when fn returns true. */
bool posting_each_text(const struct posting *p,
                       bool (*fn)(void *ctx, const char *field, const char *s),
                       void *ctx);

#endif
