/* SPDX-License-Identifier: MIT */
/* state_track: an application's history (each change of its status, with
 * its date, oldest first) and its follow-up date: reading them from the
 * state file, changing them, merging another process's, in words. */
#include "state_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "day.h"

/* Points e's public view at its history. */
static void
hist_publish(struct entry *e)
{
	e->pub.history = e->nhist ? e->hist : NULL;
	e->pub.nhistory = e->nhist;
}

static void
op_push(struct entry *e, bool add, struct state_change c)
{
	/* taking out what this run added and has not saved: both go */
	if (!add) {
		for (size_t i = e->nops; i-- > 0;) {
			struct hist_op *o = &e->ops[i];
			if (o->add && o->c.status == c.status &&
			    o->c.date == c.date) {
				memmove(o, o + 1, (e->nops - i - 1) * sizeof(*o));
				e->nops--;
				return;
			}
		}
	}
	if (e->nops == e->opcap) {
		e->opcap = e->opcap ? e->opcap * 2 : 4;
		e->ops = xrealloc(e->ops, e->opcap * sizeof(*e->ops));
	}
	e->ops[e->nops++] = (struct hist_op){.add = add, .c = c};
}

void
state_hist_add(struct entry *e, struct state_change c, bool record)
{
	if (e->nhist == e->hcap) {
		e->hcap = e->hcap ? e->hcap * 2 : 4;
		e->hist = xrealloc(e->hist, e->hcap * sizeof(*e->hist));
	}
	/* after every change of its day or before, and those undated */
	size_t at = e->nhist;
	while (at > 0 && c.date && e->hist[at - 1].date > c.date)
		at--;
	memmove(e->hist + at + 1, e->hist + at,
	        (e->nhist - at) * sizeof(*e->hist));
	e->hist[at] = c;
	e->nhist++;
	if (record)
		op_push(e, true, c);
	hist_publish(e);
}

bool
state_hist_del(struct entry *e, struct state_change c, bool record)
{
	for (size_t i = e->nhist; i-- > 0;) {
		if (e->hist[i].status == c.status && e->hist[i].date == c.date) {
			memmove(e->hist + i, e->hist + i + 1,
			        (e->nhist - i - 1) * sizeof(*e->hist));
			e->nhist--;
			if (record)
				op_push(e, false, c);
			hist_publish(e);
			return true;
		}
	}
	return false;
}

bool
state_hist_is(const struct entry *e, const struct state_change *v, size_t n)
{
	if (e->nhist != n)
		return false;
	for (size_t i = 0; i < n; i++)
		if (e->hist[i].status != v[i].status ||
		    e->hist[i].date != v[i].date)
			return false;
	return true;
}

/* How many changes equal to c v[0..n) has. */
static size_t
count_of(const struct state_change *v, size_t n, struct state_change c)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++)
		k += v[i].status == c.status && v[i].date == c.date;
	return k;
}

void
state_hist_set(struct entry *e, const struct state_change *v, size_t n)
{
	/* out what v has fewer of, in what it has more of */
	for (size_t i = e->nhist; i-- > 0;) {
		struct state_change c = e->hist[i];
		if (count_of(e->hist, e->nhist, c) > count_of(v, n, c))
			state_hist_del(e, c, true);
	}
	for (size_t i = 0; i < n; i++)
		if (count_of(e->hist, e->nhist, v[i]) < count_of(v, n, v[i]))
			state_hist_add(e, v[i], true);
}

void
state_hist_free(struct entry *e)
{
	free(e->hist);
	free(e->ops);
	e->hist = NULL;
	e->ops = NULL;
	e->nhist = e->hcap = e->nops = e->opcap = 0;
	hist_publish(e);
}

void
state_hist_merge(struct entry *e, struct entry *d, bool mine)
{
	if (mine && !d)
		return;
	struct hist_op *ops = e->ops;
	size_t nops = e->nops;
	e->ops = NULL;
	e->nops = e->opcap = 0;
	free(e->hist);
	e->hist = d ? d->hist : NULL;
	e->nhist = d ? d->nhist : 0;
	e->hcap = d ? d->hcap : 0;
	if (d) {
		d->hist = NULL;
		d->nhist = d->hcap = 0;
		hist_publish(d);
	}
	hist_publish(e);
	/* this run's changes again, on what the file has now: both
	 * processes' changes are kept, none twice */
	for (size_t i = 0; mine && i < nops; i++) {
		struct state_change c = ops[i].c;
		if (ops[i].add && !count_of(e->hist, e->nhist, c))
			state_hist_add(e, c, true);
		else if (!ops[i].add)
			state_hist_del(e, c, true);
	}
	free(ops);
}

void
state_hist_saved(struct entry *e)
{
	e->nops = 0;
}

/* ---- the setters ---- */

bool
state_set_status(struct state *st, const char *id, int status,
                 struct state_error *err)
{
	return state_set_status_on(st, id, status, 0, err);
}

bool
state_set_status_on(struct state *st, const char *id, int status, int32_t date,
                    struct state_error *err)
{
	if (status < 0 || status >= QSTATUS_N) {
		state_refuse(err, "no such application status");
		return false;
	}
	int32_t today = day_today();
	if (date && !day_valid(date)) {
		state_refuse(err, "no such date");
		return false;
	}
	if (date && today && date > today) {
		char d[11];
		day_format(date, d);
		state_refuse(err, "status not changed: %s is after today, and a "
		       "change is dated the day it happened", d);
		return false;
	}
	struct entry *e = state_entry_for(st, id, err);
	if (!e)
		return false;
	struct state_change *before = NULL;
	size_t nbefore = e->nhist;
	if (nbefore) {
		before = xmalloc(nbefore * sizeof(*before));
		memcpy(before, e->hist, nbefore * sizeof(*before));
	}
	struct state_change c = {status, date ? date : today};
	int was = e->pub.status;
	bool nothing = date ? status == QSTATUS_NONE && was == QSTATUS_NONE &&
	                      !e->nhist
	                    : status == was;
	if (!nothing) {
		/* a status from before the history was kept joins it */
		if (!e->nhist && was != QSTATUS_NONE)
			state_hist_add(e, (struct state_change){was, 0}, true);
		/* dated: the latest change to this status, if any, takes
		 * the date (one whose date was not known, or one mistyped) */
		size_t i = e->nhist;
		while (date && i > 0 && e->hist[i - 1].status != status)
			i--;
		if (date && i) {
			if (e->hist[i - 1].date != date) {
				state_hist_del(e, e->hist[i - 1], true);
				state_hist_add(e, c, true);
			}
		} else {
			state_hist_add(e, c, true);
		}
		/* the status is that of the latest change */
		status = e->hist[e->nhist - 1].status;
	}
	bool diff = was != status || !state_hist_is(e, before, nbefore);
	if (diff)
		state_undo_record_status(st, id, was, status, before, nbefore,
		                         e->hist, e->nhist);
	free(before);
	e->pub.status = status;
	return state_changed(st, e, F_STATUS, diff, err);
}

bool
state_restore_status(struct state *st, const char *id, int status,
                     const struct state_change *v, size_t n)
{
	struct entry *e = state_entry_for(st, id, NULL);
	if (!e)
		return false;
	bool diff = e->pub.status != status || !state_hist_is(e, v, n);
	state_hist_set(e, v, n);
	e->pub.status = status;
	return state_changed(st, e, F_STATUS, diff, NULL);
}

bool
state_set_followup(struct state *st, const char *id, int32_t date,
                   struct state_error *err)
{
	if (date && !day_valid(date)) {
		state_refuse(err, "no such date");
		return false;
	}
	struct entry *e = state_entry_for(st, id, err);
	if (!e)
		return false;
	bool diff = e->pub.followup != date;
	if (diff)
		state_undo_record(st, id, F_FOLLOWUP, e->pub.followup, date, NULL,
		                  NULL);
	e->pub.followup = date;
	return state_changed(st, e, F_FOLLOWUP, diff, err);
}

/* ---- the file's form ---- */

void
state_change_text(const struct state_change *c, char out[32])
{
	char d[11];
	day_format(c->date, d);
	snprintf(out, 32, "%s%s%s", query_status_name(c->status),
	         c->date ? " " : "", d);
}

/* Reads "STATUS DATE" or "STATUS" from s[0..len). */
static bool
change_read(const char *s, size_t len, struct state_change *c)
{
	char w[40];
	if (len >= sizeof(w) || memchr(s, '\0', len))
		return false;
	memcpy(w, s, len);
	w[len] = '\0';
	char *sp = strchr(w, ' ');
	if (sp)
		*sp = '\0';
	c->status = state_status_parse(w);
	if (c->status < 0)
		return false;
	c->date = 0;
	if (!sp)
		return true;
	const char *d = sp + 1;
	while (*d == ' ')
		d++;
	int32_t ymd;
	/* a date as written, not "today" or "+7": those move */
	if (d[0] < '0' || d[0] > '9' || day_parse(d, 0, &ymd) != 1)
		return false;
	c->date = ymd;
	return true;
}

bool
state_hist_read(struct entry *e, const struct kept *k, char *why, size_t size,
                unsigned *line, unsigned *col)
{
	*line = k->line;
	*col = k->col;
	if (k->kind == K_SCALAR && !k->tag && (k->len == 0 ||
	    !strcmp(k->s, "~") || !strcasecmp(k->s, "null")))
		return true; /* none */
	if (k->kind != K_SEQ) {
		snprintf(why, size, "history: expected a list of status "
		         "changes, such as '- applied 2026-11-03'");
		return false;
	}
	for (size_t i = 0; i < k->n; i++) {
		const struct kept *it = &k->kids[i];
		struct state_change c;
		if (it->kind != K_SCALAR || !change_read(it->s, it->len, &c)) {
			*line = it->line;
			*col = it->col;
			snprintf(why, size, "history: expected a status and its "
			         "date, such as 'applied 2026-11-03' (or the "
			         "status alone when its date is not known)");
			return false;
		}
		/* as written, in its order */
		if (e->nhist == e->hcap) {
			e->hcap = e->hcap ? e->hcap * 2 : 4;
			e->hist = xrealloc(e->hist, e->hcap * sizeof(*e->hist));
		}
		e->hist[e->nhist++] = c;
	}
	hist_publish(e);
	return true;
}

bool
state_followup_read(const char *s, size_t len, bool null, int32_t *out)
{
	if (null) {
		*out = 0;
		return true;
	}
	return strlen(s) == len && s[0] >= '0' && s[0] <= '9' &&
	       day_parse(s, 0, out) == 1;
}

/* ---- in words ---- */

int32_t
state_applied_on(const struct state_entry *e, bool *made)
{
	for (size_t i = 0; i < e->nhistory; i++) {
		if (e->history[i].status >= QSTATUS_APPLIED) {
			if (made)
				*made = true;
			return e->history[i].date;
		}
	}
	if (made)
		*made = e->status >= QSTATUS_APPLIED;
	return 0;
}

void
state_history_text(const struct state_entry *e, struct buf *out)
{
	for (size_t i = 0; i < e->nhistory; i++) {
		char t[32];
		state_change_text(&e->history[i], t);
		buf_printf(out, "%s%s%s", i ? ", " : "", t,
		           e->history[i].date ? "" : " (date unknown)");
	}
	if (!e->nhistory && e->status)
		buf_printf(out, "%s (date unknown)",
		           query_status_name(e->status));
}

void
state_followup_text(int32_t date, int32_t today, struct buf *out)
{
	char d[11];
	day_format(date, d);
	buf_adds(out, d);
	if (!today || !day_valid(date) || !day_valid(today))
		return;
	long ago = 0;
	/* few days apart: counted; further, the date says enough */
	for (int32_t x = date; x < today && ago <= 60; x = day_add(x, 1))
		ago++;
	if (date == today)
		buf_adds(out, " (due today)");
	else if (date < today && ago == 1)
		buf_adds(out, " (due yesterday)");
	else if (date < today && ago <= 60)
		buf_printf(out, " (due %ld days ago)", ago);
	else if (date < today)
		buf_adds(out, " (due)");
	else if (day_add(today, 1) == date)
		buf_adds(out, " (tomorrow)");
}
