/* SPDX-License-Identifier: MIT */
/* load/yaml: libyaml events -> the node tree of each posting, with its
 * anchors, aliases (and their budget), merge keys and duplicate keys;
 * each posting finished is handed to its vocabulary's mapping. */
#include "load/reader.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Anchors of the current document. */
struct anchor {
	const char *name;
	struct ynode *node;
	size_t slot;           /* its name's slot in the reader's index */
};

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

/* Adds to a saturating node count. */
static size_t
sat_add(size_t a, size_t b, size_t max)
{
	return a > max || b > max - a ? max + 1 : a + b;
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

/* Compares two key nodes by text, for duplicate detection. */
static int
keynode_cmp(const void *a, const void *b)
{
	const struct ynode *ka = *(struct ynode *const *)a;
	const struct ynode *kb = *(struct ynode *const *)b;
	int c = strcmp(ka->kind == Y_SCALAR ? ka->s : "",
	               kb->kind == Y_SCALAR ? kb->s : "");
	if (c)
		return c;
	return ka->line != kb->line ? (ka->line < kb->line ? -1 : 1)
	                            : (ka->col < kb->col ? -1 : ka->col > kb->col);
}

/* Drops the entries of a mapping whose key was made Y_NULL. */
static void
drop_nulled_keys(struct ynode *m)
{
	size_t k = 0;
	for (size_t i = 0; i < m->n; i++) {
		if (m->kids[2 * i]->kind == Y_NULL)
			continue;
		m->kids[2 * k] = m->kids[2 * i];
		m->kids[2 * k + 1] = m->kids[2 * i + 1];
		k++;
	}
	m->n = k;
}

/* Reports duplicate keys of a mapping and drops the later entries. */
static void
check_duplicates(struct reader *r, struct ynode *m)
{
	if (m->n < 2)
		return;
	if (m->n <= 24) {
		/* a posting's mappings are small: each key against those
		 * before it, without sorting */
		bool any = false;
		for (size_t i = 1; i < m->n; i++) {
			struct ynode *k = m->kids[2 * i];
			if (k->kind != Y_SCALAR)
				continue;
			for (size_t j = 0; j < i; j++) {
				const struct ynode *f = m->kids[2 * j];
				if (f->kind != Y_SCALAR || f->s[0] != k->s[0] ||
				    strcmp(f->s, k->s))
					continue;
				lerr(&r->x, k, "duplicate key '%s' (first at "
				     "line %u, column %u); this value is "
				     "ignored", k->s, f->line, f->col);
				k->kind = Y_NULL; /* to be removed */
				any = true;
				break;
			}
		}
		if (any)
			drop_nulled_keys(m);
		return;
	}
	struct ynode **keys = malloc(m->n * sizeof(*keys));
	if (!keys)
		die_nomem();
	size_t nk = 0;
	for (size_t i = 0; i < m->n; i++)
		if (m->kids[2 * i]->kind == Y_SCALAR)
			keys[nk++] = m->kids[2 * i];
	qsort(keys, nk, sizeof(*keys), keynode_cmp);
	bool any = false;
	size_t first = 0; /* the first of the run of equal keys at i */
	for (size_t i = 1; i < nk; i++) {
		if (strcmp(keys[i]->s, keys[i - 1]->s) != 0) {
			first = i;
			continue;
		}
		lerr(&r->x, keys[i], "duplicate key '%s' (first at line %u, "
		     "column %u); this value is ignored", keys[i]->s,
		     keys[first]->line, keys[first]->col);
		keys[i]->kind = Y_NULL; /* marks the entry for removal */
		any = true;
	}
	free(keys);
	if (any)
		drop_nulled_keys(m);
}

/* The keys a merge may give a mapping at most: each is looked for among
 * the others, so that a hostile merge cannot cost their square. */
#define MERGE_MAX_KEYS 1024

/* Applies a YAML 1.1 merge key ("<<: *base", or a list of such) of
 * mapping m: the pairs of the mappings merged that m does not give
 * itself are added (of a list, the earlier mapping's first), and the
 * "<<" pair goes. */
static void
merge_keys(struct reader *r, struct ynode *m)
{
	size_t at = m->n;
	for (size_t i = 0; i < m->n && at == m->n; i++) {
		const struct ynode *k = m->kids[2 * i];
		if (k->kind == Y_SCALAR && k->plain && !strcmp(k->s, "<<"))
			at = i;
	}
	if (at == m->n)
		return;
	struct ynode *v = m->kids[2 * at + 1];
	struct ynode *const *src = v->kind == Y_SEQ ? v->kids : &v;
	size_t nsrc = v->kind == Y_SEQ ? v->n : 1, add = 0;
	for (size_t i = 0; i < nsrc; i++) {
		if (src[i]->kind != Y_MAP) {
			lerr(&r->x, src[i], "<<: a merge takes a mapping or a "
			     "list of mappings, found %s; kept as a key",
			     ykind_name(src[i]));
			return;
		}
		add += src[i]->n;
	}
	if (m->n + add > MERGE_MAX_KEYS) {
		lerr(&r->x, m->kids[2 * at], "<<: a merge of more than %d "
		     "keys; kept as a key", MERGE_MAX_KEYS);
		return;
	}
	struct ynode **kids = arena_alloc(&r->scratch,
	                                  (m->n + add) * 2 * sizeof(*kids));
	if (!kids)
		die_nomem();
	size_t k = 0;
	for (size_t i = 0; i < m->n; i++) {
		if (i == at)
			continue;
		kids[2 * k] = m->kids[2 * i];
		kids[2 * k + 1] = m->kids[2 * i + 1];
		k++;
	}
	for (size_t i = 0; i < nsrc; i++) {
		for (size_t j = 0; j < src[i]->n; j++) {
			struct ynode *key = src[i]->kids[2 * j];
			bool have = false;
			for (size_t h = 0; h < k && !have; h++)
				have = key->kind == Y_SCALAR &&
				       kids[2 * h]->kind == Y_SCALAR &&
				       !strcmp(kids[2 * h]->s, key->s);
			if (have)
				continue;
			kids[2 * k] = key;
			kids[2 * k + 1] = src[i]->kids[2 * j + 1];
			k++;
		}
	}
	m->kids = kids;
	m->n = k;
}

/* The index slot of an anchor name: where the name is, or the empty slot
 * where it goes. Anchors are looked up by hash, not by a scan, so that a
 * file of many anchors and many aliases does not cost their product. */
static size_t
anchor_slot(const struct reader *r, const char *name)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (const char *p = name; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	size_t mask = r->aindexcap - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		size_t k = r->aindex[i];
		if (!k || strcmp(r->anchors[k - 1].name, name) == 0)
			return i;
	}
}

/* Registers an anchor for node n; it hides earlier ones of its name. */
static void
anchor_add(struct reader *r, const char *name, struct ynode *n)
{
	if (r->nanchors == r->anchorcap) {
		size_t cap = r->anchorcap ? r->anchorcap * 2 : 8;
		struct anchor *v = realloc(r->anchors, cap * sizeof(*v));
		if (!v)
			die_nomem();
		r->anchors = v;
		r->anchorcap = cap;
	}
	if (2 * (r->aindexused + 1) > r->aindexcap) {
		/* at most half full: index the anchors again, twice as wide */
		size_t cap = r->aindexcap ? r->aindexcap * 2 : 16;
		free(r->aindex);
		r->aindex = calloc(cap, sizeof(*r->aindex));
		if (!r->aindex)
			die_nomem();
		r->aindexcap = cap;
		r->aindexused = 0;
		for (size_t i = 0; i < r->nanchors; i++) {
			size_t slot = anchor_slot(r, r->anchors[i].name);
			r->aindexused += !r->aindex[slot];
			r->aindex[slot] = i + 1;
			r->anchors[i].slot = slot;
		}
	}
	size_t slot = anchor_slot(r, name);
	r->aindexused += !r->aindex[slot];
	r->aindex[slot] = r->nanchors + 1;
	r->anchors[r->nanchors++] = (struct anchor){name, n, slot};
}

/* The node of the latest anchor of this name, or NULL. */
static struct ynode *
anchor_find(struct reader *r, const char *name)
{
	if (!r->nanchors)
		return NULL;
	size_t k = r->aindex[anchor_slot(r, name)];
	return k ? r->anchors[k - 1].node : NULL;
}

/* Forgets every anchor (a new document), in time of their number. */
static void
anchors_clear(struct reader *r)
{
	for (size_t i = 0; i < r->nanchors; i++)
		r->aindex[r->anchors[i].slot] = 0;
	r->nanchors = 0;
	r->aindexused = 0;
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

/* Spends budget for n nodes; reports once when the posting overspends. */
static bool
spend(struct reader *r, size_t n, const yaml_mark_t *mark)
{
	size_t max = r->x.lim->max_nodes;
	r->budget = sat_add(r->budget, n, max);
	if (r->budget <= max)
		return true;
	if (!r->budget_reported) {
		catalog_problem(r->x.c, r->x.file,
		                (unsigned)mark->line + 1 + r->line_base,
		                (unsigned)mark->column + 1, true,
		                "more than %zu nodes in one posting (aliases "
		                "expanded); the rest of it is dropped "
		                "(see --max-nodes)", max);
		r->budget_reported = true;
	}
	return false;
}

/* The bytes of text all the aliases of a file may expand to, in scalars
 * of the biggest size: what a display, a search or an export of the
 * postings would copy. */
#define ALIAS_BYTES_PER_SCALAR 16

static size_t
alias_bytes_max(const struct load_limits *lim)
{
	return lim->max_scalar > (SIZE_MAX - 1) / ALIAS_BYTES_PER_SCALAR
	       ? SIZE_MAX - 1 : lim->max_scalar * ALIAS_BYTES_PER_SCALAR;
}

/* Spends the file's alias budget: all the aliases of a file expand to at
 * most max_nodes nodes and alias_bytes_max bytes of text together, so
 * that a small file cannot make many postings that each copy a big
 * anchor, nor one posting that repeats a long text many times. Reports
 * once. */
static bool
spend_alias(struct reader *r, const struct ynode *t, const yaml_mark_t *mark)
{
	size_t max = r->x.lim->max_nodes, bmax = alias_bytes_max(r->x.lim);
	r->aliased = sat_add(r->aliased, t->weight, max);
	r->aliased_bytes = sat_add(r->aliased_bytes, t->bytes, bmax);
	if (r->aliased <= max && r->aliased_bytes <= bmax)
		return true;
	if (!r->aliased_reported) {
		catalog_problem(r->x.c, r->x.file,
		                (unsigned)mark->line + 1 + r->line_base,
		                (unsigned)mark->column + 1, true,
		                "the aliases of this file expand to more than "
		                "%zu nodes or %zu bytes of text in all; this one "
		                "and the rest read as nothing (see --max-nodes "
		                "and --max-scalar)", max, bmax);
		r->aliased_reported = true;
	}
	return false;
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
		anchors_clear(r);
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
		anchors_clear(r);
		return true;
	case YAML_SCALAR_EVENT: {
		struct ynode *n;
		size_t len = e->data.scalar.length;
		bool over = !spend(r, 1, &e->start_mark);
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
			anchor_add(r, scratch_str(r, e->data.scalar.anchor), n);
		node_done(r, n);
		return true;
	}
	case YAML_ALIAS_EVENT: {
		const char *name = (const char *)e->data.alias.anchor;
		struct ynode *t = anchor_find(r, name);
		struct ynode *n;
		if (!t) {
			n = node_new(r, Y_NULL, &e->start_mark);
			catalog_problem(x->c, x->file, n->line, n->col, true,
			                "alias '*%s' refers to no anchor (or to "
			                "the collection that contains it)", name);
		} else if (!spend(r, t->weight, &e->start_mark) ||
		           !spend_alias(r, t, &e->start_mark)) {
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
		spend(r, 1, &e->start_mark);
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
			check_duplicates(r, n);
			merge_keys(r, n);
		}
		if (f->anchor)
			anchor_add(r, f->anchor, n);
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
	anchors_clear(r);
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
