/* SPDX-License-Identifier: MIT */
/* load/yaml_anchors: the anchors of the current document (&name), found
 * by hash for its aliases (*name), and what nodes cost: a posting's
 * budget of nodes, aliases expanded (--max-nodes), and the file's budget
 * of what all its aliases expand to (--max-nodes, --max-scalar). The
 * events are read in yaml.c. */
#include "load/reader.h"

#include <stdlib.h>
#include <string.h>

/* Anchors of the current document. */
struct anchor {
	const char *name;
	struct ynode *node;
	size_t slot;           /* its name's slot in the reader's index */
};

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
void
reader_anchor_add(struct reader *r, const char *name, struct ynode *n)
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
struct ynode *
reader_anchor_find(struct reader *r, const char *name)
{
	if (!r->nanchors)
		return NULL;
	size_t k = r->aindex[anchor_slot(r, name)];
	return k ? r->anchors[k - 1].node : NULL;
}

/* Forgets every anchor (a new document), in time of their number. */
void
reader_anchors_clear(struct reader *r)
{
	for (size_t i = 0; i < r->nanchors; i++)
		r->aindex[r->anchors[i].slot] = 0;
	r->nanchors = 0;
	r->aindexused = 0;
}

/* Spends budget for n nodes; reports once when the posting overspends. */
bool
reader_spend(struct reader *r, size_t n, const yaml_mark_t *mark)
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
bool
reader_spend_alias(struct reader *r, const struct ynode *t,
                   const yaml_mark_t *mark)
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

