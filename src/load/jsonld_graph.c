/* SPDX-License-Identifier: MIT */
/* load/jsonld_graph: which schema.org nodes are postings (@type), lists
 * and @graph of them, and references between their nodes by @id. */
#include "load/internal.h"

#include <stdlib.h>
#include <string.h>

/* Postings -------------------------------------------------------------- */

bool
jsonld_is(const struct ynode *m)
{
	const struct ynode *t = ymap_get(m, "@type");
	if (!t)
		return false;
	if (yis_text(t, "JobPosting") || yis_text(t, "schema:JobPosting") ||
	    yis_text(t, "http://schema.org/JobPosting") ||
	    yis_text(t, "https://schema.org/JobPosting"))
		return true;
	if (t->kind == Y_SEQ)
		for (size_t i = 0; i < t->n; i++)
			if (yis_text(t->kids[i], "JobPosting"))
				return true;
	return false;
}

/* Lists and @graph ------------------------------------------------------ */

/* A node of a @graph with an @id. */
struct ldid {
	const char *id;
	size_t ord;                /* its place in the @graph's order */
	const struct ynode *n;
};

/* The first text of a node's @type, or NULL. */
static const char *
type_name(const struct ynode *m)
{
	const struct ynode *t = yfirst(ymap_get(m, "@type"));
	return t && t->kind == Y_SCALAR ? t->s : NULL;
}

void
jsonld_list_begin(struct lctx *x, const struct ynode *graph)
{
	free(x->ld.ids);
	x->ld = (struct ldlist){.graph = graph};
	if (graph)
		for (size_t i = 0; i < graph->n && !x->ld.graph_postings; i++)
			x->ld.graph_postings = jsonld_is(graph->kids[i]);
}

bool
jsonld_skip(struct lctx *x, const struct ynode *m)
{
	if (m->kind != Y_MAP || jsonld_is(m))
		return false;
	/* a list of canonical postings has no @type: each item is one */
	const char *type = type_name(m);
	if (!type && !x->ld.graph_postings)
		return false;
	if (!x->ld.skipped++) {
		x->ld.skip_line = m->line;
		x->ld.skip_col = m->col;
		x->ld.skip_type = type;
	}
	return true;
}

void
jsonld_list_end(struct lctx *x)
{
	struct ldlist *l = &x->ld;
	if (l->skipped && !l->postings)
		catalog_problem(x->c, x->file, l->skip_line, l->skip_col, true,
		                "not a posting: @type is %s, not JobPosting "
		                "(%zu such node%s in this %s, which holds no "
		                "JobPosting)", l->skip_type ? l->skip_type : "?",
		                l->skipped, l->skipped == 1 ? "" : "s",
		                l->graph ? "@graph" : "list");
	free(l->ids);
	*l = (struct ldlist){0};
}

/* True when m is only a reference: a mapping of @id (and @type). */
static bool
is_ref(const struct ynode *m)
{
	const struct ynode *id = ymap_get(m, "@id");
	if (!id || id->kind != Y_SCALAR)
		return false;
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i];
		if (k->kind != Y_SCALAR ||
		    (strcmp(k->s, "@id") && strcmp(k->s, "@type")))
			return false;
	}
	return true;
}

/* Orders nodes by @id, then by their place in the @graph. */
static int
ldid_cmp(const void *a, const void *b)
{
	const struct ldid *p = a, *q = b;
	int c = strcmp(p->id, q->id);
	return c ? c : (p->ord > q->ord) - (p->ord < q->ord);
}

/* Adds the nodes with an @id (other than references) at and below n. */
static void
index_ids(struct ldlist *l, const struct ynode *n, size_t *cap)
{
	if (n->kind == Y_SEQ) {
		for (size_t i = 0; i < n->n; i++)
			index_ids(l, n->kids[i], cap);
		return;
	}
	if (n->kind != Y_MAP)
		return;
	const struct ynode *id = ymap_get(n, "@id");
	if (id && id->kind == Y_SCALAR && !is_ref(n)) {
		if (l->nids == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			struct ldid *v = realloc(l->ids, *cap * sizeof(*v));
			if (!v)
				die_nomem();
			l->ids = v;
		}
		l->ids[l->nids] = (struct ldid){id->s, l->nids, n};
		l->nids++;
	}
	for (size_t i = 0; i < n->n; i++)
		index_ids(l, n->kids[2 * i + 1], cap);
}

const struct ynode *
jsonld_deref(struct lctx *x, const struct ynode *m, const char *what)
{
	if (!m || !is_ref(m))
		return m;
	struct ldlist *l = &x->ld;
	const char *id = ymap_get(m, "@id")->s;
	if (l->graph && !l->indexed) {
		/* sorted once: a @graph of many postings costs no scan of
		 * it for each of their references */
		size_t cap = 0;
		index_ids(l, l->graph, &cap);
		if (l->nids)
			qsort(l->ids, l->nids, sizeof(*l->ids), ldid_cmp);
		l->indexed = true;
	}
	size_t lo = 0, hi = l->nids;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(l->ids[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < l->nids && !strcmp(l->ids[lo].id, id))
		return l->ids[lo].n; /* the first of that @id */
	if (l->graph)
		lwarn(x, m, "%s: no node of this @graph has the @id '%s'",
		      what, id);
	else
		lwarn(x, m, "%s: only a reference to the @id '%s' (references "
		      "are followed within a @graph)", what, id);
	return m;
}
