/* SPDX-License-Identifier: MIT */
/* detail: the current posting in full, as posting_render lays it out, with
 * the filter's words highlighted and n/N between them. */
#include "view.h"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "deadline.h"

/* The detail's own data. */
struct detail {
	const struct posting *p; /* the posting rendered, or NULL */
	unsigned generation;     /* ui->generation it was rendered in */
	unsigned state_version;  /* ui->state_version it was rendered in */
	int width;               /* the width it was rendered for */
	int32_t today;           /* deadline_today() it was rendered on */
	int days;                /* and deadline_closing_days() */
	struct rlines lines;     /* the rendered lines */
	size_t match;            /* row of the current match, or SIZE_MAX */
	bool hold;               /* keep showing p (detail_hold) */
	char *id;                /* p's id (malloc'd), to know it again
	                          * after a reload, or NULL */
	bool gone;               /* p went in a reload while read here: its
	                          * lines stay until the user leaves it */
	char *gone_next;         /* the id of the posting shown in its place
	                          * when it went (malloc'd), or NULL */
	struct query_span *spans;/* scratch for query_spans */
	size_t nspans, cap;
};

/* Left margin when side by side, so the text does not touch the line. */
static int
margin(const struct view *v)
{
	return v->ui->npanes == 2 ? 1 : 0;
}

/* Renders p: its title, then what the user recorded about it (mark,
 * rating, status, note), then the rest of the posting. */
static void
render(struct ui *ui, const struct posting *p, int width, struct rlines *out)
{
	struct posting_mine m;
	ui_state_mine(ui, p, &m);
	posting_render_mine(p, &m, width, out);
}

/* True when p is the posting whose id is id (either may be NULL). */
static bool
same_id(const struct posting *p, const char *id)
{
	return p ? id && !strcmp(p->id, id) : !id;
}

/* True while the detail keeps the lines of a posting that went in a
 * reload (see struct detail): it has the focus and the list's current
 * posting is still the one that took its place. */
static bool
still_gone(struct view *v, const struct posting *cur)
{
	struct detail *d = v->priv;
	struct ui *ui = v->ui;
	if (!d->gone && d->id && d->generation != ui->generation &&
	    view_top(ui) == v && !catalog_find(ui->cat, d->id)) {
		/* it went in the reload just done: as mutt's pager keeps
		 * a message that was expunged until one moves on */
		d->gone = true;
		d->gone_next = cur ? xstrdup(cur->id) : NULL;
		d->p = NULL;
	}
	if (d->gone && (view_top(ui) != v || !same_id(cur, d->gone_next))) {
		d->gone = false;
		free(d->gone_next);
		d->gone_next = NULL;
		if (!catalog_find(ui->cat, d->id)) { /* else back (r) */
			free(d->id);
			d->id = NULL;
		}
	}
	return d->gone;
}

static void
detail_update(struct view *v)
{
	struct detail *d = v->priv;
	struct ui *ui = v->ui;
	if (!v->win)
		return; /* not on screen: nothing to lay out for */
	const struct posting *p = d->hold && d->p &&
	                          d->generation == ui->generation
	                          ? d->p : ui_current(ui);
	if (still_gone(v, p)) {
		v->nrows = d->lines.n ? d->lines.n : 1;
		return;
	}
	int width = v->width - margin(v);
	if (width < 1)
		width = 1;
	bool other = p != d->p || d->generation != ui->generation;
	/* read again (a reload), it stays where it was read */
	bool again = other && d->generation != ui->generation &&
	             same_id(p, d->id);
	if (other || width != d->width ||
	    d->state_version != ui->state_version ||
	    d->today != deadline_today() ||
	    d->days != deadline_closing_days()) {
		rlines_free(&d->lines);
		if (p)
			render(ui, p, width, &d->lines);
		d->p = p;
		free(d->id);
		d->id = p ? xstrdup(p->id) : NULL;
		d->generation = ui->generation;
		d->state_version = ui->state_version;
		d->width = width;
		d->today = deadline_today();
		d->days = deadline_closing_days();
		if (other && !again) {
			v->top = 0;
			d->match = (size_t)-1;
		}
	}
	v->nrows = p ? d->lines.n : 1;
}

/* The spans of the filter's words in s[0..len); returns how many. */
static size_t
spans_of(struct view *v, const char *s, size_t len)
{
	struct detail *d = v->priv;
	d->nspans = 0;
	if (query_is_empty(v->ui->query))
		return 0;
	return query_spans(v->ui->query, NULL, s, len, &d->spans, &d->nspans,
	                   &d->cap);
}

static void
detail_draw_row(struct view *v, size_t row, int y, bool current)
{
	struct detail *d = v->priv;
	struct ui *ui = v->ui;
	int x = margin(v), w = v->width - x;
	(void)current;
	if (!d->p && !d->gone) {
		const char *m = "no posting to show";
		ui_text(v->win, y, x, m, strlen(m), w, A_NORMAL, false);
		return;
	}
	const struct rline *l = &d->lines.v[row];
	const char *s = l->text ? l->text : "";
	size_t len = strlen(s);
	attr_t a = A_NORMAL;
	if (l->kind == RL_TITLE)
		a = ui->attr[UL_TITLE];
	else if (l->kind == RL_HEADING)
		a = ui->attr[UL_HEADING];
	/* the deadline's words say it closed or closes soon; the look too */
	if (l->deadline == DL_CLOSED)
		a = ui->attr[UL_CLOSED];
	else if (l->deadline == DL_CLOSING)
		a = ui->attr[UL_CLOSING];
	attr_t hl = row == d->match ? ui->attr[UL_MATCH_CURRENT]
	                            : ui->attr[UL_MATCH];
	if (l->kind == RL_FIELD && l->label_len <= len) {
		int lw = ui_text(v->win, y, x, s, l->label_len, w,
		                 ui->attr[UL_LABEL], false);
		s += l->label_len;
		len -= l->label_len;
		x += lw;
		w -= lw;
	}
	size_t n = spans_of(v, s, len);
	ui_text_spans(v->win, y, x, s, len, w, a, hl, d->spans, n);
}

/* True if row holds a match of the filter's words. */
static bool
row_matches(struct view *v, size_t row)
{
	struct detail *d = v->priv;
	const struct rline *l = &d->lines.v[row];
	const char *s = l->text ? l->text : "";
	size_t len = strlen(s);
	if (l->kind == RL_FIELD && l->label_len <= len) {
		s += l->label_len;
		len -= l->label_len;
	}
	return spans_of(v, s, len) > 0;
}

/* Moves to the count-th next (dir 1) or previous (dir -1) row with a
 * match: from the current match when it is in sight, else from the top
 * of the pane. */
static void
find_match(struct view *v, int dir, unsigned long count)
{
	struct detail *d = v->priv;
	struct ui *ui = v->ui;
	if (v->ops->update)
		v->ops->update(v);
	if ((!d->p && !d->gone) || d->lines.n == 0)
		return;
	if (query_is_empty(ui->query)) {
		ui_message(ui, false, "no words to find: / sets the filter");
		return;
	}
	size_t n = d->lines.n, body = (size_t)view_body(v);
	size_t *rows = malloc(n * sizeof(*rows)), total = 0;
	if (!rows)
		die_nomem();
	for (size_t r = 0; r < n; r++)
		if (row_matches(v, r))
			rows[total++] = r;
	if (total == 0) {
		free(rows);
		ui_message(ui, false, "the filter's words are not in this "
		           "posting");
		return;
	}
	bool seen = d->match < n && d->match >= v->top &&
	            d->match < v->top + body;
	/* at: the index in rows of the first match after (dir 1) or
	 * before (dir -1) where the search starts */
	size_t at = 0;
	bool wrapped = false;
	if (dir > 0) {
		size_t from = seen ? d->match + 1 : v->top;
		while (at < total && rows[at] < from)
			at++;
		if (at == total) {
			at = 0;
			wrapped = true;
		}
	} else {
		size_t from = seen ? d->match : v->top;
		while (at < total && rows[at] < from)
			at++;
		if (at == 0) {
			at = total - 1;
			wrapped = true;
		} else {
			at--;
		}
	}
	/* then count - 1 more, round the posting */
	size_t more = (size_t)((count ? count - 1 : 0) % total);
	if (dir > 0) {
		wrapped = wrapped || at + more >= total;
		at = (at + more) % total;
	} else {
		wrapped = wrapped || more > at;
		at = (at + total - more) % total;
	}
	if (count > total)
		wrapped = true;
	size_t found = rows[at];
	free(rows);
	d->match = found;
	view_show_row(v, found, body > 4 ? 2 : 0);
	ui_message(ui, false, "match %zu of %zu%s", at + 1, total,
	           wrapped ? " (wrapped)" : "");
}

/* J and K: the count-th next (dir 1) or previous (dir -1) posting of
 * the list, as mutt's pager goes on through the index; it is read as
 * Enter reads it (ui_state_tick, while the detail has the focus). */
static void
step_posting(struct view *v, int dir, unsigned long count)
{
	struct ui *ui = v->ui;
	struct view *l = ui->list;
	size_t n = ui->nshown, cur = l->cursor;
	if (n == 0) {
		ui_message(ui, false, "no posting to show");
		return;
	}
	if (cur >= n)
		cur = n - 1;
	size_t by = count ? (size_t)count : 1;
	size_t to;
	if (dir > 0) {
		if (cur + 1 >= n) {
			ui_message(ui, false, "last posting");
			return;
		}
		to = by >= n - 1 - cur ? n - 1 : cur + by;
	} else {
		if (cur == 0) {
			ui_message(ui, false, "first posting");
			return;
		}
		to = by >= cur ? 0 : cur - by;
	}
	if (ui->want_id) { /* moved during a reload: stay where it goes */
		free(ui->want_id);
		ui->want_id = NULL;
	}
	view_goto(l, to);
}

static enum action
detail_key(struct view *v, enum action a, int key)
{
	(void)key;
	switch (a) {
	case ACT_NEXT_POSTING:
		step_posting(v, 1, v->ui->count);
		return ACT_NONE;
	case ACT_PREV_POSTING:
		step_posting(v, -1, v->ui->count);
		return ACT_NONE;
	case ACT_NEXT_MATCH:
		find_match(v, 1, v->ui->count);
		return ACT_NONE;
	case ACT_PREV_MATCH:
		find_match(v, -1, v->ui->count);
		return ACT_NONE;
	case ACT_ENTER:
		return ACT_NONE;
	default:
		return a;
	}
}

static void
detail_free(struct view *v)
{
	struct detail *d = v->priv;
	rlines_free(&d->lines);
	free(d->spans);
	free(d->id);
	free(d->gone_next);
	free(d);
}

static const struct view_ops detail_ops = {
	.name = "detail",
	.cursor = false,
	.counts = true,
	.update = detail_update,
	.draw_row = detail_draw_row,
	.key = detail_key,
	.free = detail_free,
};

struct view *
detail_view_new(struct ui *ui)
{
	struct detail *d = calloc(1, sizeof(*d));
	if (!d)
		die_nomem();
	d->match = (size_t)-1;
	d->width = -1;
	return view_new(ui, &detail_ops, d);
}

void
detail_place_get(struct view *v, struct detail_place *pl)
{
	struct detail *d = v->priv;
	*pl = (struct detail_place){.p = d->p, .generation = d->generation,
	                            .top = v->top, .match = d->match};
}

void
detail_place_set(struct view *v, const struct detail_place *pl)
{
	struct detail *d = v->priv;
	if (!v->win)
		return; /* not shown: it shows what it showed when it is */
	detail_update(v);
	if (!pl->p || d->p != pl->p || d->generation != pl->generation)
		return;
	d->match = pl->match;
	view_goto(v, pl->top);
}

void
detail_ruler(struct view *v, struct buf *out, bool narrow)
{
	struct detail *d = v->priv;
	struct ui *ui = v->ui;
	if (!d->p || !v->win)
		return;
	if (list_current(ui) == d->p)
		buf_printf(out, narrow ? "%zu/%zu " : "row %zu of %zu  ",
		           ui->list->cursor + 1, ui->nshown);
	size_t body = (size_t)view_body(v);
	if (v->top + body >= v->nrows)
		buf_adds(out, "end");
	else if (v->top == 0)
		buf_adds(out, "top");
	else
		buf_printf(out, "%zu%%", (v->top + body) * 100 / v->nrows);
}

void
detail_left(struct view *v)
{
	struct detail *d = v->priv;
	if (!d->gone)
		return;
	d->gone = false;
	free(d->gone_next);
	d->gone_next = NULL;
	free(d->id); /* it went: nothing to keep the place of */
	d->id = NULL;
	rlines_free(&d->lines);
}

void
detail_hold(struct view *v, bool hold)
{
	struct detail *d = v->priv;
	d->hold = hold;
	v->ui->dirty = true;
}
