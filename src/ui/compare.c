/* SPDX-License-Identifier: MIT */
/* compare: two to four postings side by side, as compare.c aligns them.
 *
 * The view scrolls by screen lines: each row of the table is wrapped to
 * the column width (compare_row_lines) and takes as many lines as its
 * tallest cell, so the rows scroll together. The wrapped rows and the map
 * from screen lines to rows are made again when the width, the columns
 * shown (h, l, Tab) or the rows shown (d) change; the row at the top stays
 * at the top. The table owns its text, so it outlives a reload; once the
 * reload is done the table is built again from the same ids.
 *
 * One column has the focus (its title reversed): h, l and Tab move it, and
 * the actions on "the current posting" (m, the ratings, p, x, a) act on
 * its posting, through the view's .current. When not every posting fits,
 * the first one, the base the salary differences are worked out against,
 * stays on the left, frozen as a spreadsheet freezes a column, and the
 * others scroll beside it as the focus moves past the edge. Under the
 * titles a line shows each posting's mark, rating and status, when the
 * pane is tall enough (CV_STATE_MIN_BODY). */
#include "compare_view.h"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "deadline.h"

/* Frees the wrapped rows and the line map. */
static void
layout_free(struct compare *d)
{
	if (d->rl) {
		for (size_t r = 0; r < d->t.nrows; r++)
			compare_row_lines_free(&d->rl[r]);
		free(d->rl);
		d->rl = NULL;
	}
	free(d->lines);
	d->lines = NULL;
	d->nlines = d->cap = 0;
	free(d->row_line);
	d->row_line = NULL;
}

/* Chooses the label column, how many postings are shown and their
 * column width for a pane of width columns, and which postings: all when
 * they fit; else, with room for two or more, the base (the first posting)
 * and the others from d->first, the focus among them; else the posting in
 * focus alone. */
static void
columns_for(struct compare *d, int width)
{
	int lw = width >= 5 * CV_LABEL_W ? CV_LABEL_W : width / 5;
	if (lw < 2)
		lw = 2;
	int avail = width - lw;
	int fit = avail / (CV_COL_WANT + CV_SEP_W);
	if (fit < 2 && avail >= 2 * (CV_COL_MIN + CV_SEP_W))
		fit = 2;
	if (fit < 1)
		fit = 1;
	if ((size_t)fit > d->t.n)
		fit = (int)d->t.n;
	int cw = (avail - fit * CV_SEP_W) / fit;
	if (cw < 1)
		cw = 1;
	else
		lw += avail - fit * (cw + CV_SEP_W); /* the rest: labels */
	d->lw = lw;
	d->cw = cw;
	d->ncols = (size_t)fit;
	size_t n = d->t.n;
	if (d->focus >= n)
		d->focus = n - 1;
	d->frozen = d->ncols >= 2 && d->ncols < n;
	if (d->ncols >= n) {
		d->first = 0;
		for (size_t i = 0; i < n; i++)
			d->col[i] = i;
	} else if (!d->frozen) {
		d->first = d->focus;
		d->col[0] = d->focus;
	} else {
		size_t k = d->ncols - 1; /* columns that scroll */
		if (d->first < 1)
			d->first = 1;
		if (d->first + k > n)
			d->first = n - k;
		if (d->focus >= 1 && d->focus < d->first)
			d->first = d->focus;
		if (d->focus >= d->first + k)
			d->first = d->focus + 1 - k;
		d->col[0] = 0;
		for (size_t i = 0; i < k; i++)
			d->col[1 + i] = d->first + i;
	}
}

/* True when posting i is in a column shown. */
static bool
shown(const struct compare *d, size_t i)
{
	for (size_t c = 0; c < d->ncols; c++)
		if (d->col[c] == i)
			return true;
	return false;
}

/* Appends a screen line. */
static void
add_line(struct compare *d, enum cline_kind kind, size_t row, size_t k)
{
	if (d->nlines == d->cap) {
		d->cap = d->cap ? d->cap * 2 : 64;
		d->lines = realloc(d->lines, d->cap * sizeof(*d->lines));
		if (!d->lines)
			die_nomem();
	}
	d->lines[d->nlines++] = (struct cline){kind, row, k};
}

/* True when heading row h has a row shown under it: with d, a section
 * whose rows all agree is left out with its heading. */
static bool
heading_kept(const struct compare *d, size_t h)
{
	const struct cmp_table *t = &d->t;
	if (!d->diff_only)
		return true;
	bool top = t->rows[h].group == NULL;
	for (size_t r = h + 1; r < t->nrows; r++) {
		const struct cmp_row *row = &t->rows[r];
		if (row->kind == CMP_HEADING) {
			if (!top || row->group == NULL)
				break;
			continue;
		}
		if (compare_row_differs(row))
			return true;
	}
	return false;
}

/* Wraps every row to the columns shown and maps the screen lines. */
static void
layout_make(struct compare *d)
{
	const struct cmp_table *t = &d->t;
	layout_free(d);
	d->rl = calloc(t->nrows ? t->nrows : 1, sizeof(*d->rl));
	d->row_line = malloc((t->nrows ? t->nrows : 1) * sizeof(*d->row_line));
	if (!d->rl || !d->row_line)
		die_nomem();
	for (size_t r = 0; r < t->nrows; r++) {
		const struct cmp_row *row = &t->rows[r];
		d->row_line[r] = (size_t)-1;
		if (row->kind == CMP_HEADING) {
			if (!heading_kept(d, r))
				continue;
			if (!row->group && d->nlines)
				add_line(d, CL_BLANK, r, 0);
			d->row_line[r] = d->nlines;
			add_line(d, CL_HEADING, r, 0);
			continue;
		}
		if (d->diff_only && !compare_row_differs(row))
			continue;
		/* the postings shown, as a row of their own; a difference
		 * says what it is against when that is not plain: more than
		 * two postings, or the base not shown */
		struct cmp_row part = *row;
		bool vs = t->n > 2 || !shown(d, 0);
		char *note[CMP_MAX] = {NULL};
		for (size_t i = 0; i < CMP_MAX; i++) {
			bool on = i < d->ncols;
			size_t src = on ? d->col[i] : 0;
			part.cell[i] = on ? row->cell[src] : NULL;
			part.span[i] = on ? row->span[src] : NULL;
			part.nspan[i] = on ? row->nspan[src] : 0;
			part.para[i] = on && row->para[src];
			part.note[i] = on ? row->note[src] : NULL;
			if (part.note[i] && vs &&
			    strcmp(part.note[i], CMP_OTHER_CURRENCY) != 0) {
				struct buf b = {0};
				buf_printf(&b, "%s vs %s", part.note[i],
				           t->title[0] ? t->title[0] : "the first");
				note[i] = part.note[i] = buf_steal(&b);
			}
		}
		compare_row_lines(&part, d->ncols, d->cw, &d->rl[r]);
		for (size_t i = 0; i < CMP_MAX; i++)
			free(note[i]);
		d->row_line[r] = d->nlines;
		for (size_t k = 0; k < d->rl[r].height; k++)
			add_line(d, CL_ROW, r, k);
	}
	if (d->nlines == 0)
		add_line(d, CL_EMPTY, 0, 0);
}

/* The row at screen line `line`, or the first row when none. */
static size_t
row_at(const struct compare *d, size_t line)
{
	if (!d->lines || d->nlines == 0)
		return 0;
	if (line >= d->nlines)
		line = d->nlines - 1;
	return d->lines[line].row;
}

/* The first screen line of row r, or of the first row shown after it. */
static size_t
line_of(const struct compare *d, size_t r)
{
	for (; r < d->t.nrows; r++)
		if (d->row_line[r] != (size_t)-1)
			return d->row_line[r];
	return d->nlines ? d->nlines - 1 : 0;
}

/* The message that opening the comparison gives, for the columns shown
 * now: how many postings, how many at a time, the keys. */
static void
layout_message(const struct compare *d, struct buf *m)
{
	size_t n = d->t.n;
	bool more = d->marked > CMP_MAX;
	if (more)
		buf_printf(m, "%zu postings are marked: comparing the first %d",
		           d->marked, CMP_MAX);
	else
		buf_printf(m, "comparing %zu postings", n);
	if (d->unshown)
		buf_printf(m, " (%zu not in the list)", d->unshown);
	if (d->ncols < n)
		buf_printf(m, ", %zu at a time: h l scroll, n N differences, "
		           "q back", d->ncols);
	else if (!more)
		buf_adds(m, ": n N differences, d only those, q back");
}

/* Says the opening message again when the columns shown changed (the
 * screen was resized) and it is still on the message line. */
static void
say_again(struct view *v)
{
	struct compare *d = v->priv;
	struct ui *ui = v->ui;
	if (!d->msg || d->ncols == d->said_ncols)
		return;
	if (!ui->msg.s || strcmp(ui->msg.s, d->msg) != 0) {
		free(d->msg); /* something else was said since */
		d->msg = NULL;
		return;
	}
	struct buf m = {0};
	layout_message(d, &m);
	ui_message(ui, false, "%s", m.s);
	free(d->msg);
	d->msg = buf_steal(&m);
	d->said_ncols = d->ncols;
}

/* Lays out again for v->width if anything changed, keeping the row at the
 * top at the top. */
static void
relayout(struct view *v)
{
	struct compare *d = v->priv;
	/* D: both columns are the one posting; no state line */
	size_t so = view_body(v) >= CV_STATE_MIN_BODY && !d->was ? 1 : 0;
	if (!d->stale && d->width == v->width && d->lines && d->so == so)
		return;
	size_t top_row = d->keep != (size_t)-1 ? d->keep
	                 : d->lines ? row_at(d, v->top) : 0;
	bool at_start = v->top == 0;
	d->keep = (size_t)-1;
	columns_for(d, v->width > 0 ? v->width : 1);
	d->width = v->width;
	d->so = so;
	layout_make(d);
	d->stale = false;
	v->top = at_start ? 0 : line_of(d, top_row);
	v->nrows = d->nlines + d->so;
	v->ui->dirty = true;
	say_again(v);
}

/* Builds the table from the ids after a reload; false when fewer than two
 * of the postings are still loaded (the ids left are kept). */
static bool
rebuild(struct compare *d, struct ui *ui)
{
	const struct posting *p[CMP_MAX];
	size_t k = 0;
	for (size_t i = 0; i < d->n; i++) {
		const struct posting *q = i == 0 && d->was
		                          ? d->was : catalog_find(ui->cat, d->ids[i]);
		if (q)
			p[k++] = q;
	}
	if (k < 2) {
		ui_message(ui, true, "the postings compared are gone after the "
		           "reload: any key goes back");
		return false;
	}
	struct cmp_table t;
	if (compare_build_at(p, k, conf_real(ui->conf, CO_COMPARE_THRESHOLD),
	                     &t) != 0)
		return false;
	if (k < d->n && d->was) {
		ui_message(ui, true, "the posting is gone after the reload: any "
		           "key goes back");
		compare_free(&t);
		return false;
	}
	if (k < d->n) {
		ui_message(ui, false, "%zu of the %zu postings compared %s gone "
		           "after the reload", d->n - k, d->n,
		           d->n - k == 1 ? "is" : "are");
		size_t j = 0;
		for (size_t i = 0; i < d->n; i++) {
			if (catalog_find(ui->cat, d->ids[i]))
				d->ids[j++] = d->ids[i];
			else
				free(d->ids[i]);
		}
		d->n = j;
	}
	layout_free(d);
	compare_free(&d->t);
	d->t = t;
	d->cur = (size_t)-1;
	if (d->first + 1 > d->t.n)
		d->first = 0;
	if (d->focus >= d->t.n)
		d->focus = d->t.n - 1;
	return true;
}

static void
compare_update(struct view *v)
{
	struct compare *d = v->priv;
	struct ui *ui = v->ui;
	/* a reload frees the postings: build again once it is done; and
	 * again when the day changes, for the deadlines' words */
	if ((d->generation != ui->generation ||
	     d->today != deadline_today() ||
	     d->days != deadline_closing_days()) && !ui->loader && !d->gone) {
		d->generation = ui->generation;
		d->today = deadline_today();
		d->days = deadline_closing_days();
		d->keep = d->lines ? row_at(d, v->top) : 0;
		if (rebuild(d, ui))
			d->stale = true;
		else
			d->gone = true;
	}
	if (d->gone) {
		v->nrows = 1;
		return;
	}
	relayout(v);
}

/* Moves to the next (dir 1) or previous (dir -1) row that differs and
 * scrolls it to the top. */
static void
find_diff(struct view *v, int dir)
{
	struct compare *d = v->priv;
	struct ui *ui = v->ui;
	compare_update(v);
	if (d->gone)
		return;
	size_t body = (size_t)view_body(v) - d->so;
	size_t cl = d->cur < d->t.nrows ? d->row_line[d->cur] : (size_t)-1;
	bool seen = cl != (size_t)-1 && cl >= v->top && cl < v->top + body;
	size_t found = (size_t)-1;
	if (dir > 0) {
		size_t from = seen ? cl + 1 : v->top;
		for (size_t i = from; i < d->nlines; i++) {
			const struct cline *l = &d->lines[i];
			if (l->kind == CL_ROW && l->k == 0 &&
			    compare_row_differs(&d->t.rows[l->row])) {
				found = i;
				break;
			}
		}
	} else {
		size_t to = seen ? cl : v->top;
		for (size_t i = to; i-- > 0;) {
			const struct cline *l = &d->lines[i];
			if (l->kind == CL_ROW && l->k == 0 &&
			    compare_row_differs(&d->t.rows[l->row])) {
				found = i;
				break;
			}
		}
	}
	if (found == (size_t)-1) {
		ui_message(ui, false, "no more differences %s",
		           dir > 0 ? "below" : "above");
		return;
	}
	size_t index = 0, total = 0;
	for (size_t r = 0; r < d->t.nrows; r++) {
		if (d->row_line[r] == (size_t)-1 || !compare_row_differs(&d->t.rows[r]))
			continue;
		total++;
		if (d->row_line[r] <= found)
			index++;
	}
	d->cur = d->lines[found].row;
	view_goto(v, found);
	ui_message(ui, false, "difference %zu of %zu", index, total);
}

/* d: only the rows that differ, and back. */
static void
toggle_diff_only(struct view *v)
{
	struct compare *d = v->priv;
	d->diff_only = !d->diff_only;
	d->stale = true;
	compare_update(v);
	view_goto(v, v->top);
	ui_message(v->ui, false, "%s", d->diff_only ? "differences only"
	                                             : "all rows");
}

/* h, l (wrap false) and Tab (wrap true): the focus one posting left
 * (dir -1) or right (dir 1), the columns scrolling when it passes the
 * edge of those shown. */
static void
move_focus(struct view *v, int dir, bool wrap)
{
	struct compare *d = v->priv;
	struct ui *ui = v->ui;
	compare_update(v);
	size_t n = d->t.n;
	size_t to;
	if (dir < 0 ? d->focus == 0 : d->focus + 1 >= n) {
		if (!wrap) {
			ui_message(ui, false, "no more postings to the %s",
			           dir < 0 ? "left" : "right");
			return;
		}
		to = dir < 0 ? n - 1 : 0;
	} else {
		to = dir < 0 ? d->focus - 1 : d->focus + 1;
	}
	d->focus = to;
	d->stale = true;
	compare_update(v);
	ui->dirty = true;
	ui_message(ui, false, "column %zu of %zu: %s (m, R, p, x act on it)",
	           to + 1, n, d->t.title[to] ? d->t.title[to] : "");
}

/* The posting of the column in focus: what m, the ratings, p, x and a
 * act on while the comparison is on top (view_ops .current). */
static struct posting *
compare_current(struct view *v)
{
	struct compare *d = v->priv;
	if (d->gone || d->focus >= d->n)
		return NULL;
	return catalog_find(v->ui->cat, d->ids[d->focus]);
}

static enum action
compare_key(struct view *v, enum action a, int key)
{
	struct compare *d = v->priv;
	(void)key;
	if (d->gone) {
		if (a == ACT_QUIT)
			return a;
		view_pop(v->ui); /* frees v */
		return ACT_NONE;
	}
	switch (a) {
	case ACT_NEXT_MATCH:
		find_diff(v, 1);
		return ACT_NONE;
	case ACT_PREV_MATCH:
		find_diff(v, -1);
		return ACT_NONE;
	case ACT_DIFF_ONLY:
		toggle_diff_only(v);
		return ACT_NONE;
	case ACT_SCROLL_LEFT:
		move_focus(v, -1, false);
		return ACT_NONE;
	case ACT_SCROLL_RIGHT:
		move_focus(v, 1, false);
		return ACT_NONE;
	case ACT_FOCUS:
		move_focus(v, 1, true);
		return ACT_NONE;
	case ACT_ENTER:
		return ACT_NONE;
	case ACT_COMPARE:
		ui_message(v->ui, false, "already comparing: q goes back to the "
		           "list");
		return ACT_NONE;
	default:
		return a;
	}
}

static void
compare_free_view(struct view *v)
{
	struct compare *d = v->priv;
	layout_free(d);
	compare_free(&d->t);
	for (size_t i = 0; i < d->n; i++)
		free(d->ids[i]);
	free(d->msg);
	free(d);
}

static const struct view_ops compare_ops = {
	.name = "compare",
	.cursor = false,
	.header = true,
	.update = compare_update,
	.draw_header = compare_draw_header,
	.draw_row = compare_draw_row,
	.key = compare_key,
	.current = compare_current,
	.free = compare_free_view,
};

/* Makes the compare view of p[0..n) (2 <= n <= CMP_MAX), or NULL. */
static struct view *
compare_view_new(struct ui *ui, const struct posting *const *p, size_t n,
                 const struct posting *was)
{
	struct compare *d = calloc(1, sizeof(*d));
	if (!d)
		die_nomem();
	if (compare_build_at(p, n, conf_real(ui->conf, CO_COMPARE_THRESHOLD),
	                     &d->t) != 0) {
		free(d);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		d->ids[i] = strdup(p[i]->id ? p[i]->id : "");
		if (!d->ids[i])
			die_nomem();
	}
	d->n = n;
	d->was = was;
	d->generation = ui->generation;
	d->today = deadline_today();
	d->days = deadline_closing_days();
	d->cur = (size_t)-1;
	d->keep = (size_t)-1;
	d->width = -1;
	d->stale = true;
	return view_new(ui, &compare_ops, d);
}

struct view *
compare_view_was(struct ui *ui, const struct posting *was,
                 const struct posting *now)
{
	const struct posting *p[2] = {was, now};
	return compare_view_new(ui, p, 2, was);
}

/* Puts into p[0..CMP_MAX) the first marked postings: those the list
 * shows, in its order, then those it does not (left out by the filter,
 * or hidden), in the sort order of every posting; only the postings
 * loaded count (during a reload, those loaded so far). Returns how many
 * are marked; *unshown: how many of those put into p the list does not
 * show. */
static size_t
marked_postings(struct ui *ui, const struct posting **p, size_t *unshown)
{
	const struct query_env *e = &ui->env;
	size_t marked = 0;
	*unshown = 0;
	if (!e->marked)
		return 0;
	/* which postings the list shows, by seq (seq < nsorted: the
	 * sorted postings are the catalog's first nsorted) */
	uint8_t *shown = calloc(ui->nsorted ? ui->nsorted : 1, 1);
	if (!shown)
		die_nomem();
	for (size_t i = 0; i < ui->nshown; i++) {
		const struct posting *q = ui->shown[i];
		if (q->seq < ui->nsorted)
			shown[q->seq] = 1;
		if (!e->marked(e->ctx, q))
			continue;
		if (marked < CMP_MAX)
			p[marked] = q;
		marked++;
	}
	for (size_t i = 0; i < ui->nsorted; i++) {
		const struct posting *q = ui->sorted[i];
		if (shown[q->seq] || !e->marked(e->ctx, q))
			continue;
		if (marked < CMP_MAX) {
			p[marked] = q;
			(*unshown)++;
		}
		marked++;
	}
	free(shown);
	return marked;
}

void
compare_open(struct ui *ui)
{
	const struct posting *p[CMP_MAX];
	size_t n = 0, unshown = 0;
	size_t marked = marked_postings(ui, p, &unshown);
	if (marked >= 2) {
		n = marked < CMP_MAX ? marked : CMP_MAX;
	} else {
		const struct posting *cur = list_current(ui);
		if (!cur) {
			ui_message(ui, false, "no posting to compare");
			return;
		}
		size_t c = ui->list->cursor;
		if (c + 1 >= ui->nshown) {
			ui_message(ui, false, "no next posting to compare with: "
			           "mark two to four with m, then c");
			return;
		}
		p[0] = cur;
		p[1] = ui->shown[c + 1];
		n = 2;
		unshown = 0;
	}
	struct view *v = compare_view_new(ui, p, n, NULL);
	if (!v) {
		ui_message(ui, true, "cannot compare these postings");
		return;
	}
	view_push(ui, v);
	if (view_top(ui) != v)
		return; /* too many views: view_push said so */
	compare_update(v);
	struct compare *d = v->priv;
	if (d->t.partial) {
		ui_message(ui, false, "lists too long to compare every pair of "
		           "items: see man billet");
		return;
	}
	d->marked = marked >= 2 ? marked : n;
	d->unshown = unshown;
	struct buf m = {0};
	layout_message(d, &m);
	ui_message(ui, false, "%s", m.s);
	d->msg = buf_steal(&m);
	d->said_ncols = d->ncols;
}
