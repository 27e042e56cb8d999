/* SPDX-License-Identifier: MIT */
/* load/internal: the posting's node tree and the helpers that read it,
 * shared by every vocabulary (fields.c, jsonld.c) and the YAML reader. */
#ifndef BILLET_LOAD_INTERNAL_H
#define BILLET_LOAD_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "load.h"

/* Kinds of nodes. */
enum ykind { Y_NULL, Y_SCALAR, Y_SEQ, Y_MAP };

/* One YAML node of the posting being read; lives in the scratch arena and
 * is forgotten once the posting is built. */
struct ynode {
	enum ykind kind;
	unsigned line, col;    /* 1-based position of the node */
	const char *s;         /* scalar text (NUL-terminated), Y_SCALAR */
	size_t len;            /* bytes of s */
	bool plain;            /* an unquoted scalar */
	bool kept;             /* s is the catalog's already (in its arena,
	                        * or in file bytes its arena holds) */
	struct ynode **kids;   /* items; for Y_MAP key, value, key, value... */
	size_t n;              /* items, or pairs for Y_MAP */
	size_t weight;         /* nodes below and including this one */
	size_t bytes;          /* bytes of the scalars below and in it */
};

/* A node of a @graph with an @id, for references to it. */
struct ldid;

/* A top-level list or @graph being read (jsonld_list_begin): its nodes
 * of other schema.org types are passed over, and references to the
 * @graph's nodes are resolved. */
struct ldlist {
	const struct ynode *graph;    /* the @graph, or NULL for a list */
	bool graph_postings;          /* the @graph holds a JobPosting */
	size_t postings;              /* JobPostings mapped since its start */
	size_t skipped;               /* items passed over */
	unsigned skip_line, skip_col; /* the first of them */
	const char *skip_type;        /* its @type */
	struct ldid *ids;             /* the @graph's nodes by @id, made at
	                               * the first reference (malloc'd) */
	size_t nids;
	bool indexed;                 /* ids is made */
};

/* What other vocabularies a reading saw (load/shapes.h). */
struct shapes_state;

/* What a mapping function needs: where problems go, where text is kept. */
struct lctx {
	struct catalog *c;           /* destination (arena, problems) */
	const char *file;            /* the file's name, in c's arena */
	const struct load_limits *lim;
	struct posting *p;           /* the posting being built */
	bool truncated;              /* nodes were dropped over the budget */
	struct ldlist ld;            /* the top-level list being read */
	struct shapes_state *sh;     /* what other vocabularies were read
	                              * (shapes.c; malloc'd), or NULL */
};

/* nodes.c ---------------------------------------------------------------- */

/* Reports an error at node n of the current posting and marks it. */
void lerr(struct lctx *x, const struct ynode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Reports a warning at node n. */
void lwarn(struct lctx *x, const struct ynode *n, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* The value of key in mapping m, or NULL. */
const struct ynode *ymap_get(const struct ynode *m, const char *key);
/* The first element of a list, or the node itself. */
const struct ynode *yfirst(const struct ynode *n);
/* True if the node is text equal to s. */
bool yis_text(const struct ynode *n, const char *s);
/* What a node is, for messages: "nothing", "text", "a list"... */
const char *ykind_name(const struct ynode *n);
/* A copy of a scalar's text in the catalog arena, trimmed of surrounding
 * blank lines and trailing space; NULL for null or empty. */
const char *ykeep(struct lctx *x, const struct ynode *n);
/* Copies text into the catalog arena. */
const char *lkeep(struct lctx *x, const char *s, size_t len);
/* Reads a scalar as text for field name; reports a type error otherwise. */
bool ytext(struct lctx *x, const struct ynode *n, const char *name,
           const char **out);
/* Keeps a value of the wrong type for the field called name under Other
 * ("organization: name" as "organization.name"). */
void ykeep_wrong(struct lctx *x, const char *name, const struct ynode *n);
/* Reads a list of text: a sequence of scalars, or one scalar. */
void ylist(struct lctx *x, const struct ynode *n, const char *name,
           struct strlist *out);
/* Converts a node into a kept value (key may be NULL) in the arena. */
void yxvalue(struct lctx *x, const struct ynode *n, const char *key,
             struct xvalue *out);
/* Appends an unknown key and its value to the posting's kept values. */
void ykeep_extra(struct lctx *x, const char *key, const struct ynode *v);
/* Keeps key k of the known mapping called parent under Other as
 * "parent.key", with a warning that lists the known keys. */
void ykeep_unknown(struct lctx *x, const char *parent, const struct ynode *k,
                   const struct ynode *v, const char *known);
/* Builds a list from an array of C strings (copied into the arena). */
void lstrlist(struct lctx *x, const char *const *v, size_t n,
              struct strlist *out);

/* salary.c --------------------------------------------------------------- */

/* Reads "62400", "$62,400", "62400-67000", "$26–31.50/h" into the
 * salary; false (nothing said) when it is none of these. */
bool salary_text(const char *s, struct salary *out);
/* Reads a salary from any of its forms into the posting. */
void ysalary(struct lctx *x, const struct ynode *n);
/* Reads a date-or-text field; text allowed unless date_only. */
void ywhen(struct lctx *x, const struct ynode *n, const char *name,
           bool date_only, struct when *out);

/* fields.c --------------------------------------------------------------- */

/* Maps a canonical posting mapping onto x->p. */
void canonical_map(struct lctx *x, const struct ynode *m);
/* Reads v as the canonical key key when it is one; false when not. */
bool canonical_key(struct lctx *x, const char *key, const struct ynode *v);

/* shapes.c: other sites' vocabularies ------------------------------------ */

/* Maps a posting mapping that is not schema.org: in another site's
 * vocabulary when it is one, else by the canonical keys. True when the
 * posting's giving no organization is said once for its file (the note),
 * not for it. */
bool shapes_map(struct lctx *x, const struct ynode *m);
/* The postings of root when it is a wrapper (a mapping whose values are
 * lists of postings), in order (*n of them), or NULL; shapes_wrapper_end
 * after they are mapped. */
const struct ynode *const *shapes_wrapper(struct lctx *x,
                                          const struct ynode *root,
                                          size_t *n);
/* Ends the wrapper shapes_wrapper began. */
void shapes_wrapper_end(struct lctx *x);
/* True for a key that usually holds a wrapper's postings (jobs, postings,
 * offers...): each of its items is given the node budget of a posting. */
bool shapes_list_key(const char *key);
/* Adds what src saw to *dst (taken when *dst is NULL); src is freed. */
void shapes_state_merge(struct shapes_state **dst, struct shapes_state *src);
/* Frees a state (NULL is fine). */
void shapes_state_free(struct shapes_state *s);
/* Adds the notes of what a file was read as (and the keys not placed) to
 * c at the problem index at; returns how many. */
size_t shapes_notes(struct catalog *c, const char *file,
                    const struct shapes_state *s, size_t at);

/* jsonld.c, jsonld_salary.c, jsonld_graph.c ------------------------------ */

/* Maps a schema.org JobPosting mapping onto the posting. */
void jsonld_map(struct lctx *x, const struct ynode *m);
/* Keeps the properties of schema.org object m that the mapping did not
 * read (those whose values are in used[0..nused) it did; keys starting
 * with '@' aside) under Other, as prop.KEY. */
void jsonld_keep_rest(struct lctx *x, const char *prop, const struct ynode *m,
                      const struct ynode *const *used, size_t nused);
/* The first item of property prop, n (n itself when it is no list); the
 * items after it are kept under Other as prop.2, prop.3... */
const struct ynode *jsonld_first(struct lctx *x, const struct ynode *n,
                                 const char *prop);
/* Maps baseSalary n, with salaryCurrency currency (NULL when not given),
 * onto the salary; what it does not read is kept under Other. True when
 * currency was read (or says what the salary's own currency does). */
bool jsonld_salary(struct lctx *x, const struct ynode *n,
                   const struct ynode *currency);
/* True when mapping m is a schema.org JobPosting (by @type). */
bool jsonld_is(const struct ynode *m);
/* Starts a top-level list of postings, or the @graph list when graph is
 * given. */
void jsonld_list_begin(struct lctx *x, const struct ynode *graph);
/* True when item m of the list is not a posting: a schema.org node of
 * another type than JobPosting (any such node of a @graph that holds a
 * JobPosting). */
bool jsonld_skip(struct lctx *x, const struct ynode *m);
/* Ends the list: its items passed over are an error when it held no
 * JobPosting. */
void jsonld_list_end(struct lctx *x);
/* The node of the @graph that m refers to when m is a reference
 * ({"@id": ...}), else m; a reference to nothing is said under the
 * property's name, what. */
const struct ynode *jsonld_deref(struct lctx *x, const struct ynode *m,
                                 const char *what);

/* bytes.c: for a file named *.json, a copy of its len bytes with the UTF-16
 * surrogate escapes libyaml refuses rewritten (a pair as one \UXXXXXXXX
 * escape, one alone as \uFFFD, with a warning), or NULL when there are
 * none. */
char *jsonld_unsurrogate(struct lctx *x, const char *buf, size_t len,
                         size_t *out_len);
/* The same for any JSON (a job page's JSON-LD block), whatever the file's
 * name; the problems' lines count from buf's first. */
char *bytes_unsurrogate(struct lctx *x, const char *buf, size_t len,
                        size_t *out_len);

#endif
