/* SPDX-License-Identifier: MIT */
/* load/shapes: which vocabulary a posting that is not schema.org is in
 * (the canonical keys, the table of common names, an applicant-tracking
 * board), wrappers whose values are lists of postings, and the note that
 * says once per file what was recognised and which keys were not placed. */
#include "load/shapes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The state ------------------------------------------------------------ */

struct shapes_state *
shapes_state(struct lctx *x)
{
	if (!x->sh) {
		x->sh = calloc(1, sizeof(*x->sh));
		if (!x->sh)
			die_nomem();
	}
	return x->sh;
}

void
strset_add(struct strset *set, const char *s)
{
	for (size_t i = 0; i < set->n; i++)
		if (!strcmp(set->v[i], s))
			return;
	if (set->n == SHAPES_SET_MAX) {
		set->more++;
		return;
	}
	if (set->n == set->cap) {
		set->cap = set->cap ? set->cap * 2 : 8;
		char **v = realloc(set->v, set->cap * sizeof(*v));
		if (!v)
			die_nomem();
		set->v = v;
	}
	set->v[set->n] = strdup(s);
	if (!set->v[set->n])
		die_nomem();
	set->n++;
}

/* Frees a set's strings. */
static void
strset_free(struct strset *set)
{
	for (size_t i = 0; i < set->n; i++)
		free(set->v[i]);
	free(set->v);
	*set = (struct strset){0};
}

/* Adds every string of src to dst. */
static void
strset_merge(struct strset *dst, const struct strset *src)
{
	for (size_t i = 0; i < src->n; i++)
		strset_add(dst, src->v[i]);
	dst->more += src->more;
}

bool
shapes_empty(const struct ynode *v)
{
	return v->kind == Y_NULL || (v->kind == Y_SCALAR && v->len == 0) ||
	       (v->kind != Y_SCALAR && v->n == 0);
}

void
shapes_unplaced(struct lctx *x, const char *key, const struct ynode *v)
{
	static const char *const state_keys[] = {"marked", "rating", "status",
	                                         "note"};
	struct shapes_state *s = shapes_state(x);
	strset_add(&s->unplaced, key);
	/* a board's key named like a field (Workable's id, experience) is
	 * kept as board:KEY, so that no output takes it for the field */
	bool clash = posting_field_key(key);
	for (size_t i = 0; i < sizeof(state_keys) / sizeof(*state_keys); i++)
		clash = clash || !strcmp(key, state_keys[i]);
	if (!clash || !s->vocab) {
		ykeep_extra(x, key, v);
		return;
	}
	struct buf b = {0};
	buf_printf(&b, "%s:%s", s->vocab, key);
	ykeep_extra(x, b.s, v);
	buf_free(&b);
}

void
shapes_alias(struct lctx *x, const char *key, const char *field)
{
	char s[200];
	snprintf(s, sizeof(s), "%s -> %s", key, field);
	strset_add(&shapes_state(x)->aliases, s);
}

void
shapes_state_free(struct shapes_state *s)
{
	if (!s)
		return;
	strset_free(&s->aliases);
	strset_free(&s->unplaced);
	strset_free(&s->lists);
	strset_free(&s->ignored);
	strset_free(&s->org_from);
	free(s->items);
	free(s);
}

void
shapes_state_merge(struct shapes_state **dst, struct shapes_state *src)
{
	if (!src)
		return;
	if (!*dst) {
		*dst = src;
		return;
	}
	struct shapes_state *d = *dst;
	if (!d->board)
		d->board = src->board;
	for (int k = 0; k < SHAPE_NKINDS; k++) {
		d->count[k] += src->count[k];
		d->no_org[k] += src->no_org[k];
	}
	strset_merge(&d->aliases, &src->aliases);
	strset_merge(&d->unplaced, &src->unplaced);
	strset_merge(&d->lists, &src->lists);
	strset_merge(&d->ignored, &src->ignored);
	strset_merge(&d->org_from, &src->org_from);
	shapes_state_free(src);
}

/* A posting ------------------------------------------------------------- */

/* Gives the posting what the wrapper gives each of its postings. */
static void
wrapper_defaults(struct lctx *x)
{
	struct shapes_state *s = x->sh;
	struct posting *p = x->p;
	if (!s || !s->in_wrapper || p->org.name || p->org.short_name)
		return;
	if (s->org)
		p->org.name = shapes_plain(x, s->org);
	if (p->org.name && s->about && !p->org.about)
		p->org.about = shapes_text(x, s->about);
	if (p->org.name && s->org_url && !p->org.url)
		p->org.url = shapes_plain(x, s->org_url);
}

bool
shapes_map(struct lctx *x, const struct ynode *m)
{
	bool wrapped = x->sh && x->sh->in_wrapper;
	enum shape_kind board = x->sh ? x->sh->board : SHAPE_CANONICAL;
	if (!board && !names_is(m)) {
		canonical_map(x, m);
		if (wrapped) {
			x->sh->count[SHAPE_CANONICAL]++;
			wrapper_defaults(x);
		}
		return false;
	}
	enum shape_kind kind = board ? board : boards_which(m);
	if (kind == SHAPE_NAMES)
		names_map(x, m);
	else
		boards_map(x, m, kind);
	struct shapes_state *s = shapes_state(x);
	s->count[kind]++;
	wrapper_defaults(x);
	struct posting *p = x->p;
	if (p->title && !p->org.name && !p->org.short_name &&
	    kind != SHAPE_NAMES) {
		/* a board's own JSON often names no organization: said once
		 * for the file, not for each of its postings */
		s->no_org[kind]++;
		return true;
	}
	return false;
}

/* Wrappers -------------------------------------------------------------- */

/* Keys that usually hold a wrapper's postings, in byte order. */
static const char *const list_keys[] = {
	"content", "data", "items", "job_postings", "jobPostings", "jobs",
	"listings", "offers", "openings", "positions", "postings", "results",
	"roles", "vacancies",
};

/* Compares a key with a string of an array. */
static int
str_cmp(const void *key, const void *s)
{
	return strcmp(key, *(const char *const *)s);
}

bool
shapes_list_key(const char *key)
{
	return bsearch(key, list_keys, sizeof(list_keys) / sizeof(*list_keys),
	               sizeof(*list_keys), str_cmp) != NULL;
}

/* A wrapper's keys that are bookkeeping (counts, pages, versions): not
 * read, and not worth a word. In byte order. */
static const char *const bookkeeping[] = {
	"@context", "apiVersion", "count", "cursor", "limit", "links", "meta",
	"next", "nextPage", "nextPageToken", "offset", "ok", "page",
	"page_size", "pages", "paging", "pagination", "per_page", "prev",
	"previous", "status", "success", "total", "totalFound", "total_count",
	"updated_at", "version",
};

/* A wrapper's keys that name the organization of each of its postings. */
static const char *const org_keys[] = {
	"company", "company_name", "employer", "name", "organization",
};

/* True when m has a key title with text, or (loose) a title alias. */
static bool
has_title(const struct ynode *m, bool loose)
{
	if (m->kind != Y_MAP)
		return false;
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (k->kind != Y_SCALAR || v->kind != Y_SCALAR)
			continue;
		if (!strcmp(k->s, "title") || !strcmp(k->s, "@type") ||
		    (loose && (!strcmp(k->s, "name") || !strcmp(k->s, "role") ||
		               !strcmp(k->s, "position") ||
		               !strcmp(k->s, "job_title") ||
		               !strcmp(k->s, "text"))))
			return true;
	}
	return false;
}

/* The deepest a wrapper's postings are looked for: {data: {jobs: [...]}},
 * and groups of postings such as a board's departments with their jobs. */
#define WRAP_DEPTH 3

static bool collect(struct shapes_state *s, const struct ynode *m,
                    int depth, bool top);

/* True when list v under key holds postings: mappings with a title (a
 * title alias will do under a known key, or when the wrapper itself has
 * none); they, or the postings of the groups they are, are collected. */
static bool
collect_list(struct shapes_state *s, const char *key, const struct ynode *v,
             bool loose, int depth)
{
	if (v->kind != Y_SEQ)
		return false;
	if (v->n == 0) /* a board with no postings today */
		return shapes_list_key(key);
	bool titled = true, groups = false;
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *it = v->kids[i];
		if (it->kind != Y_MAP)
			return false;
		if (!has_title(it, loose || shapes_list_key(key))) {
			titled = false;
			break;
		}
	}
	if (!titled) {
		/* groups: mappings that are wrappers themselves */
		size_t before = s->nitems;
		for (size_t i = 0; i < v->n; i++)
			if (v->kids[i]->kind != Y_MAP ||
			    !collect(s, v->kids[i], depth + 1, false))
				break;
		groups = s->nitems > before;
		if (!groups)
			return false;
		return true;
	}
	for (size_t i = 0; i < v->n; i++) {
		if (s->nitems == s->cap) {
			s->cap = s->cap ? s->cap * 2 : 64;
			const struct ynode **w = realloc(s->items,
			                                 s->cap * sizeof(*w));
			if (!w)
				die_nomem();
			s->items = w;
		}
		s->items[s->nitems++] = v->kids[i];
	}
	return true;
}

/* Collects the postings of wrapper m (the document when top): false when
 * it holds none. */
static bool
collect(struct shapes_state *s, const struct ynode *m, int depth, bool top)
{
	if (depth > WRAP_DEPTH || has_title(m, false))
		return false;
	/* a wrapper named like a posting (Workable's {name, jobs}) holds
	 * postings with titles, or under a key such as jobs */
	bool loose = !has_title(m, true);
	bool any = false;
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (k->kind != Y_SCALAR || posting_field_key(k->s) ||
		    (names_alias_key(k->s) && !shapes_list_key(k->s)))
			continue;
		if (collect_list(s, k->s, v, loose, depth)) {
			if (top)
				strset_add(&s->lists, k->s);
			any = true;
		} else if (v->kind == Y_MAP && depth < WRAP_DEPTH &&
		           collect(s, v, depth + 1, false)) {
			if (top)
				strset_add(&s->lists, k->s);
			any = true;
		}
	}
	return any;
}

const struct ynode *const *
shapes_wrapper(struct lctx *x, const struct ynode *root, size_t *n)
{
	if (root->kind != Y_MAP || has_title(root, false))
		return NULL;
	struct shapes_state *s = shapes_state(x);
	size_t lists0 = s->lists.n;
	s->nitems = 0;
	if (!collect(s, root, 1, true)) {
		s->nitems = 0;
		return NULL;
	}
	/* the wrapper's own keys: the organization of each posting, or
	 * bookkeeping, or said as not read */
	s->org = s->about = s->org_url = NULL;
	for (size_t i = 0; i < root->n; i++) {
		const struct ynode *k = root->kids[2 * i];
		const struct ynode *v = root->kids[2 * i + 1];
		if (k->kind != Y_SCALAR)
			continue;
		bool list = false;
		for (size_t j = lists0; j < s->lists.n && !list; j++)
			list = !strcmp(s->lists.v[j], k->s);
		if (list || v->kind == Y_NULL ||
		    bsearch(k->s, bookkeeping,
		            sizeof(bookkeeping) / sizeof(*bookkeeping),
		            sizeof(*bookkeeping), str_cmp))
			continue;
		bool org = false;
		for (size_t j = 0; j < sizeof(org_keys) / sizeof(*org_keys); j++)
			org = org || !strcmp(k->s, org_keys[j]);
		if (org && v->kind == Y_SCALAR && !s->org) {
			s->org = v;
			strset_add(&s->org_from, k->s);
		} else if (org && v->kind == Y_MAP && !s->org &&
		           ymap_get(v, "name")) {
			s->org = ymap_get(v, "name");
			strset_add(&s->org_from, k->s);
		} else if ((!strcmp(k->s, "description") ||
		            !strcmp(k->s, "about")) && v->kind == Y_SCALAR) {
			s->about = v;
		} else if ((!strcmp(k->s, "url") || !strcmp(k->s, "website")) &&
		           v->kind == Y_SCALAR) {
			s->org_url = v;
		} else {
			strset_add(&s->ignored, k->s);
		}
	}
	if (!s->org) /* an about or a url of no organization named */
		s->about = s->org_url = NULL;
	s->in_wrapper = true;
	*n = s->nitems;
	static const struct ynode *const none[1];
	return s->nitems ? s->items : none; /* {jobs: []}: no postings today */
}

void
shapes_wrapper_end(struct lctx *x)
{
	if (!x->sh)
		return;
	x->sh->in_wrapper = false;
	x->sh->nitems = 0;
	x->sh->org = x->sh->about = x->sh->org_url = NULL;
}

/* The note ---------------------------------------------------------------- */

/* Appends the strings of a set joined by ", ", with how many more. */
static void
set_join(struct buf *b, const struct strset *set)
{
	for (size_t i = 0; i < set->n; i++)
		buf_printf(b, "%s%s", i ? ", " : "", set->v[i]);
	if (set->more)
		buf_printf(b, " and %zu more", set->more);
}

/* Pushes a note whose text is b's at index at of c's problems. */
static void
push_note(struct catalog *c, const char *file, struct buf *b, size_t at)
{
	const char *msg = arena_strndup(&c->arena, b->s ? b->s : "", b->len);
	if (!msg)
		die_nomem();
	struct problem pr = {.file = file, .note = true, .msg = msg};
	catalog_push_problem(c, &pr);
	if (at < c->nproblems - 1) {
		memmove(&c->problems[at + 1], &c->problems[at],
		        (c->nproblems - 1 - at) * sizeof(*c->problems));
		c->problems[at] = pr;
	}
}

size_t
shapes_notes(struct catalog *c, const char *file, const struct shapes_state *s,
             size_t at)
{
	if (!s)
		return 0;
	size_t total = 0, shaped = 0;
	for (int k = 0; k < SHAPE_NKINDS; k++) {
		total += s->count[k];
		shaped += k == SHAPE_CANONICAL ? 0 : s->count[k];
	}
	if (!shaped && !s->lists.n && !s->board)
		return 0; /* canonical postings, read as ever */
	struct buf b = {0};
	buf_adds(&b, "read as ");
	size_t parts = 0;
	for (int k = SHAPE_GREENHOUSE; k < SHAPE_NKINDS; k++) {
		if (!s->count[k] && k != (int)s->board)
			continue; /* (a feed with no postings today is said) */
		buf_printf(&b, "%s%s", parts++ ? " and " : "",
		           boards_name((enum shape_kind)k));
	}
	if (s->count[SHAPE_NAMES] || s->count[SHAPE_CANONICAL] || !parts) {
		if (parts++)
			buf_adds(&b, " and ");
		if (s->lists.n) {
			buf_printf(&b, "%s of postings under ",
			           s->lists.n > 1 ? "lists" : "a list");
			set_join(&b, &s->lists);
		} else {
			buf_adds(&b, total == 1 ? "a posting"
			                        : "a list of postings");
		}
		if (s->count[SHAPE_NAMES] && s->aliases.n) {
			buf_adds(&b, s->lists.n ? ", " : " ");
			buf_adds(&b, "with other key names: ");
			set_join(&b, &s->aliases);
		}
	}
	buf_printf(&b, "; %zu posting%s", total, total == 1 ? "" : "s");
	if (s->org_from.n) {
		buf_adds(&b, "; the organization of each from the key ");
		set_join(&b, &s->org_from);
	}
	size_t no_org = 0;
	for (int k = SHAPE_GREENHOUSE; k < SHAPE_NKINDS; k++)
		no_org += s->no_org[k];
	if (no_org)
		buf_printf(&b, "; %s no organization (%zu posting%s)",
		           no_org == total ? "it names" : "some name",
		           no_org, no_org == 1 ? "" : "s");
	if (s->ignored.n) {
		buf_adds(&b, "; not read: ");
		set_join(&b, &s->ignored);
	}
	push_note(c, file, &b, at);
	size_t notes = 1;
	if (s->unplaced.n) {
		buf_clear(&b);
		buf_adds(&b, "keys not placed, kept under Other: ");
		set_join(&b, &s->unplaced);
		push_note(c, file, &b, at + 1);
		notes++;
	}
	buf_free(&b);
	return notes;
}
