/* SPDX-License-Identifier: MIT */
/* load/yaml: libyaml events -> the node tree of each posting (its text
 * kept where it was read when it can be), and each document's postings
 * made and handed to their vocabulary's mapping. Anchors, aliases and
 * the budgets of nodes are in yaml_anchors.c, duplicate and merge keys
 * in yaml_keys.c. */
#include "load/reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One open collection while building. */
struct frame {
	struct ynode *node;     /* the collection */
	struct ynode **items;   /* children so far (malloc'd, reused) */
	size_t n, cap;
	const char *anchor;     /* its anchor, registered when it ends */
	bool postings;          /* a list under a key such as jobs: each
	                         * item has the node budget of a posting */
};

/* A node in scratch memory. */
static struct ynode *
node_new(struct reader *r, enum ykind kind, const yaml_mark_t *mark)
{
	struct ynode *n = arena_alloc(&r->scratch, sizeof(*n));
	if (!n)
		die_nomem();
	*n = (struct ynode){.kind = kind,
	                    .line = (unsigned)mark->line + 1 + r->line_base,
	                    .col = (unsigned)mark->column + 1, .weight = 1};
	return n;
}

/* Builds a fresh posting for node m and maps it (by map, when given and
 * m is no JobPosting). */
static void
make_posting(struct reader *r, const struct ynode *m, reader_map_fn *map)
{
	struct lctx *x = &r->x;
	x->truncated = r->budget_reported;
	if (m->kind != Y_MAP) {
		if (m->kind == Y_NULL && !r->stream_items)
			return; /* an empty document */
		lerr(x, m, "expected a posting (a mapping of keys such as "
		     "title), found %s", ykind_name(m));
		r->p0 = x->c->nproblems;
		return;
	}
	struct posting *p = arena_alloc(&x->c->arena, sizeof(*p));
	if (!p)
		die_nomem();
	*p = (struct posting){.file = x->file, .line = m->line, .col = m->col,
	                      .doc = r->item,
	                      .experience = {-1, -1, NULL}};
	x->p = p;
	bool ld = jsonld_is(m), org_said = false;
	if (ld) {
		p->jsonld = true;
		jsonld_map(x, m);
	} else if (map) {
		map(r, m); /* a front matter's own mapping */
	} else {
		org_said = shapes_map(x, m);
	}
	if (!p->title) {
		lerr(x, m, "posting has no title; it is not loaded");
		x->p = NULL;
		r->p0 = x->c->nproblems;
		return;
	}
	if (!p->org.name && !p->org.short_name && !org_said)
		lwarn(x, m, "posting '%s' gives no organization", p->title);
	/* errors met while its nodes were read (a duplicate key, a NUL,
	 * an alias over the limit) are its problems too */
	for (size_t i = r->p0; i < x->c->nproblems && !p->problems; i++)
		p->problems = x->c->problems[i].error;
	r->p0 = x->c->nproblems;
	if (r->nfile == r->filecap) {
		size_t cap = r->filecap ? r->filecap * 2 : 16;
		struct posting **v = realloc(r->file_postings, cap * sizeof(*v));
		if (!v)
			die_nomem();
		r->file_postings = v;
		r->filecap = cap;
	}
	r->file_postings[r->nfile++] = p;
	x->p = NULL;
}

/* Handles a finished node: attaches it to its parent or maps it. */
static void
node_done(struct reader *r, struct ynode *n)
{
	if (r->depth == 0) {
		r->root = n;
		return;
	}
	struct frame *f = &r->stack[r->depth - 1];
	if (r->depth == 1 && r->stream_items) {
		/* a page's node that is not a posting is none, and has
		 * no number */
		if (!jsonld_skip(&r->x, n)) {
			r->item++;
			make_posting(r, n, NULL);
		}
		r->budget = 0;
		r->budget_reported = false;
		if (r->nanchors == 0)
			arena_reset(&r->scratch);
		return;
	}
	if (f->postings && n->kind == Y_MAP) {
		/* a wrapper's posting: the next has a budget of its own */
		r->budget = 0;
		r->budget_reported = false;
	}
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 16;
		struct ynode **v = realloc(f->items, cap * sizeof(*v));
		if (!v)
			die_nomem();
		f->items = v;
		f->cap = cap;
	}
	f->items[f->n++] = n;
}

/* Copies an anchor's name into scratch memory. */
static const char *
scratch_str(struct reader *r, const unsigned char *s)
{
	if (!s)
		return NULL;
	char *t = arena_strdup(&r->scratch, (const char *)s);
	if (!t)
		die_nomem();
	return t;
}

/* True for the plain scalars YAML reads as null. */
static bool
is_null(const yaml_event_t *e)
{
	if (e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	const char *s = (const char *)e->data.scalar.value;
	switch (e->data.scalar.length) {
	case 0:
		return true;
	case 1:
		return *s == '~';
	case 4:
		return !strcmp(s, "null") || !strcmp(s, "Null") ||
		       !strcmp(s, "NULL");
	default:
		return false;
	}
}

/* A malloc'd copy of v[0..*len) with each NUL as U+FFFD; *len becomes
 * its length. */
static char *
nul_replaced(const char *v, size_t *len)
{
	size_t n = *len, nuls = 0;
	for (size_t i = 0; i < n; i++)
		nuls += v[i] == '\0';
	char *out = malloc(n + 2 * nuls + 1);
	if (!out)
		die_nomem();
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i]) {
			out[k++] = v[i];
		} else {
			memcpy(out + k, "\xEF\xBF\xBD", 3);
			k += 3;
		}
	}
	out[k] = '\0';
	*len = k;
	return out;
}

/* Moves the floor up to the start of the line the parser has reached,
 * when that is further on. */
static void
raise_floor(struct reader *r)
{
	const yaml_parser_t *p = r->parser;
	/* where the parser is in its input: the bytes it has decoded, less
	 * those it has not scanned yet (and the NUL it adds at the end) */
	size_t at = p->offset - (size_t)(p->buffer.last - p->buffer.pointer) +
	            (p->eof ? 1 : 0);
	const char *q = r->run + at;
	if (p->mark.line <= r->floor_line || q <= r->floor)
		return;
	while (q > r->floor && q[-1] != '\n')
		q--; /* back to the line's start: lines are short */
	if (q == r->floor)
		return;
	r->floor = q;
	r->floor_line = (unsigned)p->mark.line;
}

/* A copy of the len bytes of s and a NUL in the unit's bytes already
 * parsed, or NULL when they are not to be written or have no room. */
static char *
keep_in_place(struct reader *r, const char *s, size_t len)
{
	if (!r->inw)
		return NULL;
	if ((size_t)(r->floor - r->inw) <= len) {
		raise_floor(r);
		if ((size_t)(r->floor - r->inw) <= len)
			return NULL;
	}
	char *t = r->inw;
	memcpy(t, s, len);
	t[len] = '\0';
	r->inw += len + 1;
	return t;
}

/* Handles one parser event; returns false at the end of the stream. */
static bool
reader_event(struct reader *r, yaml_event_t *e)
{
	struct lctx *x = &r->x;
	switch (e->type) {
	case YAML_STREAM_END_EVENT:
		return false;
	case YAML_DOCUMENT_START_EVENT:
		r->p0 = x->c->nproblems;
		r->root = NULL;
		r->stream_items = false;
		reader_anchors_clear(r);
		r->budget = 0;
		r->budget_reported = false;
		arena_reset(&r->scratch);
		return true;
	case YAML_DOCUMENT_END_EVENT:
		if (r->document && r->root) {
			r->document(r, r->root);
		} else if (r->root && !r->stream_items) {
			const struct ynode *graph = ymap_get(r->root, "@graph");
			const struct ynode *const *items;
			size_t nitems;
			if (graph && graph->kind == Y_SEQ) {
				jsonld_list_begin(x, graph);
				for (size_t i = 0; i < graph->n; i++) {
					if (jsonld_skip(x, graph->kids[i]))
						continue;
					r->item++;
					make_posting(r, graph->kids[i], NULL);
				}
				jsonld_list_end(x);
			} else if (!graph && !jsonld_is(r->root) &&
			           (items = shapes_wrapper(x, r->root,
			                                   &nitems))) {
				/* {jobs: [...]}: its postings, one by one */
				for (size_t i = 0; i < nitems; i++) {
					r->item++;
					make_posting(r, items[i], NULL);
				}
				shapes_wrapper_end(x);
			} else if (r->root->kind == Y_SCALAR) {
				r->item++;
				lerr(x, r->root, "a document must be a posting "
				     "(a mapping) or a list of postings, found "
				     "text");
			} else if (r->root->kind != Y_NULL) {
				r->item++; /* (an empty document is none) */
				make_posting(r, r->root, NULL);
			}
		}
		arena_reset(&r->scratch);
		reader_anchors_clear(r);
		return true;
	case YAML_SCALAR_EVENT: {
		struct ynode *n;
		size_t len = e->data.scalar.length;
		bool over = !reader_spend(r, 1, &e->start_mark);
		if (len > x->lim->max_scalar) {
			n = node_new(r, Y_NULL, &e->start_mark);
			catalog_problem(x->c, x->file, n->line, n->col, true,
			                "a scalar of %zu bytes exceeds the limit "
			                "of %zu (see --max-scalar); it is dropped",
			                len, x->lim->max_scalar);
		} else if (over || is_null(e)) {
			n = node_new(r, Y_NULL, &e->start_mark);
		} else {
			n = node_new(r, Y_SCALAR, &e->start_mark);
			/* keys live with the posting's nodes; values go where
			 * the catalog keeps text, so they are copied once */
			bool key = r->depth &&
			           !(r->depth == 1 && r->stream_items) &&
			           r->stack[r->depth - 1].node->kind == Y_MAP &&
			           r->stack[r->depth - 1].n % 2 == 0;
			/* (the root list's node is not read: it may be gone
			 * with the scratch memory of the items before) */
			n->kept = !key;
			const char *v = (const char *)e->data.scalar.value;
			/* an escaped NUL (\0, \u0000) would end the text
			 * there: said, and read as U+FFFD like a NUL byte
			 * (only a double-quoted scalar has escapes; NUL
			 * bytes are repaired before libyaml reads them) */
			char *fixed = NULL;
			if (e->data.scalar.style ==
			            YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
			    memchr(v, '\0', len)) {
				lerr(x, n, "a NUL character (an escape such as "
				     "\\0) in a value; read as U+FFFD");
				fixed = nul_replaced(v, &len);
				v = fixed;
			}
			char *s = key ? NULL : keep_in_place(r, v, len);
			if (!s)
				s = arena_strndup(key ? &r->scratch
				                      : &x->c->arena, v, len);
			if (!s)
				die_nomem();
			free(fixed);
			n->s = s;
			n->len = n->bytes = len;
			n->plain = e->data.scalar.style ==
			           YAML_PLAIN_SCALAR_STYLE;
		}
		if (e->data.scalar.anchor)
			reader_anchor_add(r,
			                  scratch_str(r, e->data.scalar.anchor),
			                  n);
		node_done(r, n);
		return true;
	}
	case YAML_ALIAS_EVENT: {
		const char *name = (const char *)e->data.alias.anchor;
		struct ynode *t = reader_anchor_find(r, name);
		struct ynode *n;
		if (!t) {
			n = node_new(r, Y_NULL, &e->start_mark);
			catalog_problem(x->c, x->file, n->line, n->col, true,
			                "alias '*%s' refers to no anchor (or to "
			                "the collection that contains it)", name);
		} else if (!reader_spend(r, t->weight, &e->start_mark) ||
		           !reader_spend_alias(r, t, &e->start_mark)) {
			n = node_new(r, Y_NULL, &e->start_mark);
		} else {
			n = t;
		}
		node_done(r, n);
		return true;
	}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		if (r->depth >= x->lim->max_depth) {
			r->resync_line = (unsigned)e->start_mark.line;
			r->resync_col = (unsigned)e->start_mark.column;
			r->resync = true;
			return false;
		}
		bool seq = e->type == YAML_SEQUENCE_START_EVENT;
		if (r->depth == 0 && seq && !r->document) {
			r->stream_items = true;
			jsonld_list_begin(x, NULL);
		}
		reader_spend(r, 1, &e->start_mark);
		if (r->depth == r->stackcap) {
			size_t cap = r->stackcap ? r->stackcap * 2 : 16;
			struct frame *v = realloc(r->stack, cap * sizeof(*v));
			if (!v)
				die_nomem();
			memset(v + r->stackcap, 0,
			       (cap - r->stackcap) * sizeof(*v));
			r->stack = v;
			r->stackcap = cap;
		}
		/* a list of postings under a key such as jobs, in the
		 * document's mapping or one below (a wrapper); never in a
		 * root list, whose node is not read: it went with the
		 * scratch memory of the items before */
		bool postings = false;
		if (seq && (r->depth == 1 || r->depth == 2) &&
		    !r->stream_items && r->stack[0].node->kind == Y_MAP &&
		    r->stack[r->depth - 1].node->kind == Y_MAP &&
		    r->stack[r->depth - 1].n % 2 == 1) {
			const struct ynode *k = r->stack[r->depth - 1]
				.items[r->stack[r->depth - 1].n - 1];
			postings = k->kind == Y_SCALAR && shapes_list_key(k->s);
		}
		struct frame *f = &r->stack[r->depth++];
		f->node = node_new(r, seq ? Y_SEQ : Y_MAP, &e->start_mark);
		f->n = 0;
		f->postings = postings;
		f->anchor = scratch_str(r, seq ? e->data.sequence_start.anchor
		                               : e->data.mapping_start.anchor);
		return true;
	}
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT: {
		struct frame *f = &r->stack[--r->depth];
		if (r->depth == 0 && r->stream_items) {
			jsonld_list_end(x);
			return true; /* the root list: its items are mapped, and
			              * its node went with their scratch memory */
		}
		struct ynode *n = f->node;
		n->kids = arena_alloc(&r->scratch,
		                      (f->n ? f->n : 1) * sizeof(*n->kids));
		if (!n->kids)
			die_nomem();
		if (f->n)
			memcpy(n->kids, f->items, f->n * sizeof(*n->kids));
		n->n = n->kind == Y_MAP ? f->n / 2 : f->n;
		size_t w = 1, max = x->lim->max_nodes, b = 0;
		for (size_t i = 0; i < f->n; i++) {
			w = sat_add(w, f->items[i]->weight, max);
			b = sat_add(b, f->items[i]->bytes, SIZE_MAX - 1);
		}
		n->weight = w;
		n->bytes = b;
		if (n->kind == Y_MAP) {
			reader_check_duplicates(r, n);
			reader_merge_keys(r, n);
		}
		if (f->anchor)
			reader_anchor_add(r, f->anchor, n);
		node_done(r, n);
		return true;
	}
	default:
		return true;
	}
}

void
reader_posting(struct reader *r, const struct ynode *m, reader_map_fn *map)
{
	make_posting(r, m, map);
}

void
reader_free(struct reader *r)
{
	for (size_t i = 0; i < r->stackcap; i++)
		free(r->stack[i].items);
	free(r->stack);
	free(r->anchors);
	free(r->aindex);
	free(r->file_postings);
	arena_free(&r->scratch);
}

void
reader_restart(struct reader *r)
{
	r->depth = 0;
	r->root = NULL;
	r->stream_items = false;
	reader_anchors_clear(r);
	r->budget = 0;
	r->budget_reported = false;
	r->resync = false;
	arena_reset(&r->scratch);
}

enum run_end
reader_run(struct reader *r, const char *run, size_t len,
           const atomic_bool *cancel, struct run_error *err)
{
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser))
		die_nomem();
	yaml_parser_set_input_string(&parser, (const unsigned char *)run, len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	r->run = r->floor = run;
	r->floor_line = 0;
	r->parser = &parser;
	enum run_end end = RUN_DONE;
	for (unsigned k = 0;; k++) {
		yaml_event_t e;
		if ((k & 1023) == 1023 &&
		    atomic_load_explicit(cancel, memory_order_relaxed)) {
			end = RUN_CANCELLED;
			break;
		}
		if (!yaml_parser_parse(&parser, &e)) {
			if (parser.error == YAML_MEMORY_ERROR)
				die_nomem();
			const yaml_mark_t *m =
				parser.problem_mark.line ||
				parser.problem_mark.column
				? &parser.problem_mark : &parser.context_mark;
			/* a quote or a bracket left open is found at the end
			 * of the input: said where it opens */
			bool at_start = parser.context &&
				parser.problem_mark.index >= len &&
				parser.context_mark.index <
				parser.problem_mark.index;
			if (at_start)
				m = &parser.context_mark;
			*err = (struct run_error){
				.line = (unsigned)m->line,
				.col = (unsigned)m->column,
				.problem = parser.problem,
				.context = parser.context,
				.at_start = at_start,
				.bad_bytes = parser.error == YAML_READER_ERROR};
			end = RUN_SYNTAX;
			break;
		}
		bool more = reader_event(r, &e);
		yaml_event_delete(&e);
		if (r->resync) {
			end = RUN_TOO_DEEP;
			break;
		}
		if (!more)
			break;
	}
	yaml_parser_delete(&parser);
	r->parser = NULL;
	return end;
}
