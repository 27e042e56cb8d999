/* SPDX-License-Identifier: MIT */
/* load/yaml_keys: the keys of a mapping once it is read (yaml.c): the
 * later of two equal keys reported and dropped, and YAML 1.1 merge keys
 * ("<<: *base") applied. */
#include "load/reader.h"

#include <stdlib.h>
#include <string.h>

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
void
reader_check_duplicates(struct reader *r, struct ynode *m)
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
void
reader_merge_keys(struct reader *r, struct ynode *m)
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
