/* SPDX-License-Identifier: MIT */
/* changes: a posting that changed since it was read. Reading it (the
 * detail, or D) keeps it anew as read (state_keep_read); D shows what it
 * said when it was last read beside what it says now, in the compare
 * view's aligned rows. The postings as they were read that a reading in
 * this run replaced are kept here till the run ends, so that the detail
 * still says the posting changed and D still shows how, after the
 * reading that cleared the flag. */
#include "view.h"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "compare_view.h"
#include "state.h"

/* The postings as read before this run's readings replaced them. */
struct ui_changes {
	struct catalog was;   /* owns them (append-only: pointers stay) */
	char **id;            /* each one's posting id (malloc'd) */
	const struct posting **p; /* and the posting as it was read */
	size_t n, cap;
};

void
changes_free(struct ui *ui)
{
	struct ui_changes *c = ui->changes;
	if (!c)
		return;
	for (size_t i = 0; i < c->n; i++)
		free(c->id[i]);
	free(c->id);
	free(c->p);
	catalog_free(&c->was);
	free(c);
	ui->changes = NULL;
}

const struct posting *
changes_was(const struct ui *ui, const char *id)
{
	const struct ui_changes *c = ui->changes;
	for (size_t i = c ? c->n : 0; i-- > 0;)
		if (!strcmp(c->id[i], id))
			return c->p[i];
	return NULL;
}

const char *
changes_text(struct ui *ui, const struct posting *p)
{
	if (!ui->state)
		return NULL;
	if (state_is_changed(ui->state, p))
		return "since you last read it (D shows what)";
	if (changes_was(ui, p->id))
		return "since you read it before now (D shows what)";
	return NULL;
}

/* Keeps the posting as the state says it was read, before a reading
 * replaces it; the kept one, or NULL when the state has none. */
static const struct posting *
remember(struct ui *ui, const struct posting *p)
{
	if (!ui->changes) {
		ui->changes = xcalloc(1, sizeof(*ui->changes));
		catalog_init(&ui->changes->was);
	}
	struct ui_changes *c = ui->changes;
	const struct posting *was = state_as_read(ui->state, p->id, &c->was);
	if (!was)
		return NULL;
	if (c->n == c->cap) {
		c->cap = c->cap ? 2 * c->cap : 8;
		c->id = xrealloc(c->id, c->cap * sizeof(*c->id));
		c->p = xrealloc(c->p, c->cap * sizeof(*c->p));
	}
	c->id[c->n] = xstrdup(p->id);
	c->p[c->n++] = was;
	return was;
}

/* Keeps p as read; says why when the save failed. */
static bool
keep(struct ui *ui, const struct posting *p)
{
	struct state_error err = {0};
	bool was_writable = state_writable(ui->state);
	bool ok = state_keep_read(ui->state, p, &err);
	/* as the other changes say it: a state that has just become
	 * read-only once, then only its save's failures */
	if (!ok && state_writable(ui->state))
		ui_message(ui, true, "%s", err.msg);
	else if (!ok && was_writable)
		ui_message(ui, true, "%s (the state file is left as it is: "
		           "changes are kept for this run only)",
		           state_problem(ui->state));
	ui->state_version++;
	return ok;
}

bool
changes_read(struct ui *ui, const struct posting *p)
{
	struct state *st = ui->state;
	if (!st || !state_seen_ready(st) || !p->id || !*p->id)
		return false;
	uint64_t fp;
	bool changed = state_is_changed(st, p);
	if (!changed && state_is_read(st, p->id) &&
	    state_fingerprint(st, p->id, &fp))
		return false; /* read as it is */
	if (changed && remember(ui, p))
		ui_message(ui, false, "changed since you last read it: D shows "
		           "what");
	keep(ui, p);
	return true;
}

void
changes_open(struct ui *ui)
{
	struct posting *p = ui_current(ui);
	if (!p) {
		ui_message(ui, false, "no posting to show the changes of");
		return;
	}
	struct state *st = ui->state;
	if (!st || !state_seen_ready(st)) {
		ui_message(ui, false, "what postings said when read is not "
		           "known yet");
		return;
	}
	uint64_t fp;
	bool changed = state_is_changed(st, p);
	bool read = state_is_read(st, p->id);
	bool kept = read && state_fingerprint(st, p->id, &fp);
	const struct posting *was = changed ? remember(ui, p)
	                                    : changes_was(ui, p->id);
	if (changed || !kept)
		keep(ui, p);
	if (!was) {
		ui_message(ui, false, "%s", changed
		           ? "changed since you read it, but what it said then "
		             "is lost: kept as it is now"
		           : !read ? "not read before: nothing to compare it "
		                     "with (kept as read now)"
		           : !kept ? "read before billet kept what postings "
		                     "said: kept now, for the next change"
		           : "nothing changed since you last read it");
		return;
	}
	struct view *v = compare_view_was(ui, was, p);
	if (!v) {
		ui_message(ui, true, "cannot compare the posting with what it "
		           "said");
		return;
	}
	view_push(ui, v);
	if (view_top(ui) != v)
		return;
	struct compare *d = v->priv;
	size_t n = 0;
	for (size_t r = 0; r < d->t.nrows; r++)
		n += compare_row_differs(&d->t.rows[r]);
	ui_message(ui, false, "%zu row%s changed since you read it (left: as "
	           "read, right: now; d: only those)", n, n == 1 ? "" : "s");
}
