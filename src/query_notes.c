/* SPDX-License-Identifier: MIT */
/* query_notes: the user's notes, folded once as queries fold text and
 * kept by posting, so that free text and note: find them without asking
 * the state while a filter is typed. */
#include "query_int.h"

#include <stdlib.h>
#include <string.h>

struct query_notes *
query_notes_new(void)
{
	struct query_notes *qn = calloc(1, sizeof(*qn));
	if (!qn)
		die_nomem();
	return qn;
}

void
query_notes_free(struct query_notes *qn)
{
	if (!qn)
		return;
	free(qn->v);
	free(qn->text.s);
	free(qn);
}

size_t
query_notes_count(const struct query_notes *qn)
{
	return qn ? qn->n : 0;
}

/* Orders notes by the seq of their posting, then its address. */
static int
note_cmp(const void *a, const void *b)
{
	const struct query_note *x = a, *y = b;
	if (x->seq != y->seq)
		return x->seq < y->seq ? -1 : 1;
	return x->p < y->p ? -1 : x->p > y->p;
}

void
query_notes_fill(struct query_notes *qn, const struct query_env *env,
                 struct posting *const *v, size_t from, size_t to)
{
	if (from == 0) {
		qn->n = 0;
		qn->text.len = 0;
	}
	if (!env || !env->note)
		return;
	bool sorted = true;
	for (size_t i = from; i < to; i++) {
		const char *s = env->note(env->ctx, v[i]);
		if (!s || !*s)
			continue;
		if (qn->n == qn->cap) {
			qn->cap = qn->cap ? 2 * qn->cap : 16;
			qn->v = xrealloc(qn->v, qn->cap * sizeof(*qn->v));
		}
		struct query_note *e = &qn->v[qn->n++];
		e->p = v[i];
		e->seq = v[i]->seq;
		e->off = qn->text.len;
		query_fold_text(&qn->text, NULL, s, strlen(s));
		e->len = qn->text.len - e->off;
		if (qn->n > 1 && note_cmp(e - 1, e) > 0)
			sorted = false;
	}
	if (!sorted)
		qsort(qn->v, qn->n, sizeof(*qn->v), note_cmp);
}

const struct query_note *
query_note_of(const struct query_notes *qn, const struct posting *p)
{
	if (!qn || !qn->n)
		return NULL;
	size_t lo = 0, hi = qn->n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (qn->v[mid].seq < p->seq)
			lo = mid + 1;
		else
			hi = mid;
	}
	for (; lo < qn->n && qn->v[lo].seq == p->seq; lo++)
		if (qn->v[lo].p == p)
			return &qn->v[lo];
	return NULL;
}

bool
query_note_has(const struct query_notes *qn, const struct query_note *e,
               const char *needle, size_t len)
{
	return e->len >= len &&
	       text_find(qn->text.s + e->off, e->len, needle, len) != NULL;
}
