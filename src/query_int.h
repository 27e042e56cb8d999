/* SPDX-License-Identifier: MIT */
/* query_int: what the query_*.c files share (the tree of nodes, the query's
 * scratch space, the tables of names); no other module includes it. */
#ifndef BILLET_QUERY_INT_H
#define BILLET_QUERY_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include "query.h"

#define MAX_DEPTH 64   /* nesting of parentheses and negations */
#define EXCERPT_MAX 40 /* bytes of user text quoted in a message */

enum nkind {
	N_TRUE,   /* the empty query */
	N_AND,    /* every child */
	N_OR,     /* some child */
	N_NOT,    /* not the only child */
	N_TEXT,   /* needle in a field, or anywhere */
	N_ENUM,   /* an enumerated field's value: workplace, employment type */
	N_SALARY, /* yearly salary range against num */
	N_EXPER,  /* years of experience against num */
	N_DATE,   /* posted or deadline against [lo, hi] */
	N_FLAG,   /* an is: or has: term */
	N_RATING, /* rating against num */
	N_STATUS, /* status equals num */
};

enum op { OP_LT, OP_LE, OP_EQ, OP_GE, OP_GT };

/* Fields of posting_each_text, and F_NOTE the user's note (env->notes);
 * F_ANY in a node means every field and the note, and F_UNKNOWN marks
 * text under a name this module does not know. */
enum field {
	F_ANY, F_TITLE, F_ORG, F_LOC, F_DEPT, F_TAG, F_TYPE, F_WORKPLACE,
	F_LANG, F_ID, F_TEXT, F_OTHER, F_WPNOTE, F_UNION, F_DEADLINE, F_START,
	F_NOTE, F_UNKNOWN
};

enum flag {
	FL_MARKED, FL_HIDDEN, FL_NEW, FL_OPEN, FL_READ, FL_CLOSED, FL_CLOSING,
	FL_DUE, FL_CHANGED, FL_DUPLICATE,
	FL_SALARY, FL_DEADLINE, FL_NOTE, FL_RATING, FL_N
};

enum datefield { D_POSTED, D_DEADLINE, D_START, D_FOLLOWUP };

/* N_SALARY's currency: the user's, written with '$' (the user's when it
 * is a dollar, else USD), or a code packed by currency_pack (never 0
 * or 1). */
enum { CUR_USER = 0, CUR_DOLLAR = 1 };

/* One node of the tree. */
struct node {
	uint8_t kind;         /* enum nkind */
	uint8_t op;           /* enum op, for comparisons */
	uint8_t what;         /* enum field, flag or datefield */
	bool today;           /* N_DATE: the date is "today" */
	bool text;            /* the subtree looks at text (costly) */
	int32_t first, next;  /* first child, next sibling; -1 for none */
	double num;           /* amount, years, rating or status */
	int32_t lo, hi;       /* N_DATE: yyyymmdd range the value names;
	                       * N_ENUM type: the needle's longest run of
	                       * letters (offset in it, length) */
	uint32_t cur;         /* N_SALARY: CUR_USER, CUR_DOLLAR or a code */
	size_t off, len;      /* N_TEXT, N_ENUM type: folded needle in strs */
};

/* A piece of a posting's text being matched. */
struct piece {
	const char *raw; /* as the posting holds it */
	uint8_t field;   /* enum field */
	bool folded;     /* off/len are set */
	size_t off, len; /* folded text in hay */
};

/* A growable byte array. */
struct bytes {
	char *s;
	size_t len, cap;
};

/* A growable array of offsets. */
struct offsets {
	size_t *v;
	size_t cap;
};

struct query {
	char *source;           /* the text parsed, malloc'd */
	struct node *nodes;     /* the tree; root at index root */
	size_t nnodes, ncap;
	int32_t root;
	struct bytes strs;      /* folded needles */
	int32_t *pos;           /* positive text nodes, for query_spans */
	size_t npos;
	/* scratch, reused by every match */
	const struct posting *cur;
	const struct query_env *env;
	bool gathered;          /* pieces hold cur's text */
	struct piece *pieces;
	size_t npieces, pcap;
	struct bytes hay;       /* folded pieces */
	struct bytes shay;      /* folded text for query_spans */
	struct bytes val;       /* an enumerated value being compared */
	struct offsets map;     /* shay byte -> original offset */
	int32_t soon_from;      /* the today soon_to was worked out for */
	int soon_days;          /* and the closing-soon days */
	int32_t soon_to;        /* the last day is:closing takes (yyyymmdd) */
};

/* ---- parsing ----------------------------------------------------------- */

struct parser {
	const char *s;  /* the query text */
	size_t n, i;    /* its length, the read position */
	struct query *q;
	struct query_error *err;
	int depth;      /* current nesting */
	bool failed;    /* an error was recorded */
	struct buf tmp; /* a phrase without its escapes */
};

enum keykind { K_NONE, K_FIELD, K_IS, K_HAS, K_STATUS, K_SALARY, K_EXPER,
               K_POSTED, K_DEADLINE, K_START, K_RATING, K_FOLLOWUP };

/* One posting's note, folded, in a struct query_notes. */
struct query_note {
	const struct posting *p; /* the posting (compared, never read) */
	uint32_t seq;            /* its seq */
	size_t off, len;         /* the folded note in the notes' text */
};

struct query_notes {
	struct query_note *v; /* by seq, then posting address */
	size_t n, cap;
	struct bytes text;    /* the folded notes */
};

/* ---- query_notes.c: the user's notes ----------------------------------- */

/* p's note in qn (NULL is fine), or NULL. */
const struct query_note *query_note_of(const struct query_notes *qn,
                                       const struct posting *p);
/* True if note e of qn holds the folded needle[0..len). */
bool query_note_has(const struct query_notes *qn, const struct query_note *e,
                    const char *needle, size_t len);

/* ---- character classes ------------------------------------------------- */

/* True for ASCII white space. */
static inline bool
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* True for an ASCII letter. */
static inline bool
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

/* True for an ASCII digit. */
static inline bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* c in lower case, when an ASCII capital. */
static inline char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* ---- query_fields.c: the names ----------------------------------------- */

/* The names of the text fields, by enum field (NULL for F_ANY). */
extern const char *const query_field_names[F_UNKNOWN];
/* The terms of the flags, by enum flag: "is:marked", "has:note", ... */
extern const char *const query_flag_terms[FL_N];
/* The values workplace: takes, by enum workplace. */
extern const char *const query_workplace_values[WP_REMOTE + 1];
/* The statuses' names, by enum query_status. */
extern const char *const query_status_names[QSTATUS_N];
/* The message's list of every key: "(known: title, org, ...)". */
extern const char query_known_keys[];
/* The field named name (as posting_each_text names it), or F_UNKNOWN. */
enum field query_field_index(const char *name);
/* What the key name (lower case) is; *f gets the field of K_FIELD. */
enum keykind query_key_lookup(const char *name, enum field *f);
/* True for a key compared with <, <=, =, >=, >. */
bool query_is_compare_key(enum keykind k);
/* The flag whose word after prefix ("is:" or "has:") is v[0..len), any
 * case; FL_N if none. */
enum flag query_flag_lookup(const char *prefix, const char *v, size_t len);
/* Writes "(known: a, b, ...)", the words after prefix, to out. */
void query_flag_known(const char *prefix, char *out, size_t outsz);

/* ---- query_fold.c: folded text ----------------------------------------- */

/* Makes room for more bytes after b->len. */
void query_bytes_reserve(struct bytes *b, size_t more);
/* Appends the folded form of s[0..len) to b: every code point through
 * text_fold_cp, each run of white space as one ' ', bad bytes as U+FFFD.
 * With map, map->v[k - b->len] receives, for each byte k added, the offset
 * in s of the character it came from, and one more entry receives len. */
void query_fold_text(struct bytes *b, struct offsets *map, const char *s,
                     size_t len);
/* Turns folded text into an enumerated value in place; the new length. */
size_t query_value_norm(char *s, size_t len);
/* text_find(fold(s[0..len)), nd, nl) without folding s. */
bool query_fold_find(const char *s, size_t len, const char *nd, size_t nl);

/* ---- query_lex.c: reading the text ------------------------------------- */

/* True if s[0..len) equals the lowercase word w, ignoring ASCII case. */
bool query_word_is(const char *s, size_t len, const char *w);
/* Writes s[0..len), cut and made safe for a terminal, into out. */
void query_excerpt(char *out, size_t outsz, const char *s, size_t len);
/* Records the first error (fmt, its column, suffix); returns -1. */
__attribute__((format(printf, 4, 5)))
int32_t query_fail(struct parser *ps, size_t at, const char *suffix,
                   const char *fmt, ...);
/* Moves the read position past white space. */
void query_skip_ws(struct parser *ps);
/* The end of the word starting at i. */
size_t query_word_end(const struct parser *ps, size_t i);
/* True if the word at i is the keyword kw (any case). */
bool query_at_keyword(const struct parser *ps, size_t i, const char *kw);
/* True if a term can start at the read position. */
bool query_starts_term(const struct parser *ps);
/* Reads a quoted phrase at the read position into ps->tmp. */
bool query_read_phrase(struct parser *ps);

/* ---- query.c and query_term.c: the tree -------------------------------- */

/* A new node of kind, with no children; its id. */
int32_t query_new_node(struct parser *ps, enum nkind kind);
/* A text node for the folded form of s[0..len) in field f. */
int32_t query_make_text(struct parser *ps, enum field f, const char *s,
                        size_t len);
/* Parses a keyed term: the name is ps->s[a..k), its operator starts at o. */
int32_t query_parse_keyed(struct parser *ps, size_t a, size_t k, size_t o);

/* ---- query_eval.c: one posting ----------------------------------------- */

/* True if node id matches p (q->env, q->cur set). */
bool query_eval_node(struct query *q, int32_t id, const struct posting *p);
/* The is: or has: term fl against p. */
bool query_eval_flag(struct query *q, enum flag fl, const struct posting *p);
/* Today as yyyymmdd: the env's, else the local date. */
int32_t query_today(struct query *q);
/* The last day a deadline closing soon may fall on, today being today. */
int32_t query_soon(struct query *q, int32_t today);
/* True if the deadline ymd (0: none, or text) is open, closed, or
 * closing soon (fl), on today, is:closing taking days up to soon. */
bool query_deadline_is(enum flag fl, int32_t ymd, int32_t today,
                       int32_t soon);
/* A range [lo, hi] against the number v. */
bool query_range_cmp(enum op op, double lo, double hi, double v);
/* A day v against the range of days [lo, hi] a query names. */
bool query_date_cmp(enum op op, int32_t v, int32_t lo, int32_t hi);
/* The user's currency under env. */
const char *query_user_currency(const struct query_env *env);
/* Writes the currency of salary node n's bound under env to out. */
void query_bound_currency(const struct node *n, const struct query_env *env,
                          char out[4]);

#endif
