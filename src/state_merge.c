/* SPDX-License-Identifier: MIT */
/* state_merge: one job loaded from several sources (dups.h) has one
 * state. Entries its other sources' ids have move into the entry of the
 * posting shown, nothing dropped: both notes (each headed by where it
 * came from), every status change (by date), a mark or hiding either
 * had, the higher rating, the earlier follow-up. Saved like any change
 * of the run; an undo step never holds it. */
#include "state_int.h"

#include <stdlib.h>
#include <string.h>

#include "dups.h"

/* True if e records a field the user set (the kept keys of their own
 * stay where they are). */
static bool
has_fields(const struct entry *e)
{
	const struct state_entry *p = &e->pub;
	return p->marked || p->hidden || p->rating || p->status || e->note ||
	       e->nhist || p->followup;
}

/* Sets a field's pending bit on e (a batch is open: nothing is saved). */
static void
touch(struct state *st, struct entry *e, unsigned bit)
{
	state_changed(st, e, bit, true, NULL);
}

/* Appends e's history as a merge reads it: a status without a history
 * as a change whose date is not known. */
static void
take_hist(struct state_change **v, size_t *n, const struct entry *e)
{
	size_t k = e->nhist ? e->nhist : e->pub.status ? 1 : 0;
	*v = xrealloc(*v, (*n + k + 1) * sizeof(**v));
	if (e->nhist)
		memcpy(*v + *n, e->hist, e->nhist * sizeof(**v));
	else if (k)
		(*v)[*n] = (struct state_change){e->pub.status, 0};
	*n += k;
}

/* Oldest first: a change whose date is not known before every dated
 * one, and among those, by how far the application got. */
static int
cmp_change(const void *a, const void *b)
{
	const struct state_change *x = a, *y = b;
	if (x->date != y->date)
		return x->date < y->date ? -1 : 1;
	return x->date ? 0 : (x->status > y->status) - (x->status < y->status);
}

/* Appends "--- from FILE (id ID) ---" for p, shown safe. */
static void
add_header(struct buf *b, const struct posting *p)
{
	char *f = state_shown(p->file, strlen(p->file));
	char *id = state_shown(p->id, strlen(p->id));
	buf_printf(b, "--- from %s (id %s) ---\n", f, id);
	free(f);
	free(id);
}

#define HEAD "--- from "

/* Moves what s (the entry of q, another source of p's job) records into
 * d (p's entry), and clears s. */
static void
merge_into(struct state *st, struct entry *d, const struct posting *p,
           struct entry *s, const struct posting *q)
{
	struct state_entry *dp = &d->pub, *sp = &s->pub;
	if (sp->marked && !dp->marked) {
		dp->marked = true;
		touch(st, d, F_MARK);
	}
	if (sp->hidden && !dp->hidden) {
		dp->hidden = true;
		touch(st, d, F_HIDDEN);
	}
	if (sp->rating > dp->rating) {
		dp->rating = sp->rating;
		touch(st, d, F_RATING);
	}
	if (sp->followup && (!dp->followup || sp->followup < dp->followup)) {
		dp->followup = sp->followup;
		touch(st, d, F_FOLLOWUP);
	}
	if (s->note && (!d->note || !strstr(d->note, s->note))) {
		struct buf b = {0};
		if (d->note) {
			if (strncmp(d->note, HEAD, strlen(HEAD)) != 0)
				add_header(&b, p);
			buf_adds(&b, d->note);
			if (b.s[b.len - 1] != '\n')
				buf_addc(&b, '\n');
			add_header(&b, q);
		}
		buf_adds(&b, s->note);
		free(d->note);
		d->note = buf_steal(&b);
		dp->note = d->note;
		touch(st, d, F_NOTE);
	}
	if (s->nhist || sp->status) {
		/* both histories, a change both have once, oldest first */
		struct state_change *v = NULL;
		size_t n = 0;
		take_hist(&v, &n, d);
		size_t mine = n;
		take_hist(&v, &n, s);
		size_t k = mine;
		for (size_t i = mine; i < n; i++) {
			bool had = false;
			for (size_t j = 0; j < mine && !had; j++)
				had = v[j].status == v[i].status &&
				      v[j].date == v[i].date;
			if (!had)
				v[k++] = v[i];
		}
		n = k;
		qsort(v, n, sizeof(*v), cmp_change);
		if (!state_hist_is(d, v, n) || dp->status != v[n - 1].status) {
			state_hist_set(d, NULL, 0);
			for (size_t i = 0; i < n; i++)
				state_hist_add(d, v[i], true);
			dp->status = v[n - 1].status;
			touch(st, d, F_STATUS);
		}
		free(v);
	}
	/* the other entry records nothing now (its kept keys stay) */
	unsigned bits = (sp->marked ? F_MARK : 0) | (sp->hidden ? F_HIDDEN : 0) |
	                (sp->rating ? F_RATING : 0) |
	                (sp->followup ? F_FOLLOWUP : 0) |
	                (s->note ? F_NOTE : 0) |
	                (sp->status || s->nhist ? F_STATUS : 0);
	sp->marked = sp->hidden = false;
	sp->rating = 0;
	sp->followup = 0;
	free(s->note);
	s->note = NULL;
	sp->note = NULL;
	if (s->nhist)
		state_hist_set(s, NULL, 0);
	sp->status = 0;
	for (unsigned bit = 1; bit <= F_FOLLOWUP; bit <<= 1)
		if (bits & bit)
			touch(st, s, bit);
}

size_t
state_merge_dups(struct state *st, struct catalog *c)
{
	size_t merged = 0;
	st->batch++;
	for (size_t i = 0; i < c->n; i++) {
		const struct posting *p = c->v[i];
		if (p->dup_of || !p->also)
			continue;
		struct entry *d = state_table_find(&st->t, p->id);
		if (d && (d->problem || d->unhashed))
			continue; /* kept as written: never changed */
		for (const struct posting *q = p->also; q; q = q->also) {
			struct entry *s = state_table_find(&st->t, q->id);
			if (!s || s == d || s->problem || s->unhashed ||
			    !has_fields(s))
				continue;
			if (!d && !(d = state_entry_for(st, p->id, NULL)))
				break;
			merge_into(st, d, p, s, q);
			merged++;
		}
	}
	st->batch--;
	return merged;
}
