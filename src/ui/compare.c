/* SPDX-License-Identifier: MIT */
/* compare: two to four postings side by side, as compare.c aligns them.
 *
 * The view scrolls by screen lines: each row of the table is wrapped to
 * the column width (compare_row_lines) and takes as many lines as its
 * tallest cell, so the rows scroll together. The wrapped rows and the map
 * from screen lines to rows are made again when the width, the columns
 * shown (h, l) or the rows shown (d) change; the row at the top stays at
 * the top. The table owns its text, so it outlives a reload; once the
 * reload is done the table is built again from the same ids. */
#include "view.h"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "compare.h"

/* Columns a posting asks for before another one is shown beside it. */
#define CV_COL_WANT 24
/* Narrowest columns that still show two postings side by side. */
#define CV_COL_MIN 10
/* Columns of the label column on a terminal wide enough (a marker, a
 * space, "Organization" and a space). */
#define CV_LABEL_W 15
/* Columns of the separator before each posting: " │ ". */
#define CV_SEP_W 3

/* What a screen line shows. */
enum cline_kind {
	CL_ROW,     /* line k of an aligned row */
	CL_HEADING, /* a section's heading (or a sub group's) */
	CL_BLANK,   /* the empty line before a section */
	CL_EMPTY,   /* the placeholder when no row is shown */
};

/* One screen line of the comparison. */
struct cline {
	enum cline_kind kind; /* what it shows */
	size_t row;           /* the table row it belongs to */
	size_t k;             /* CL_ROW: which line of that row */
};

/* The compare view's own data. */
struct compare {
	char *ids[CMP_MAX];       /* the ids compared (malloc'd), to build the
	                           * table again after a reload */
	size_t n;                 /* how many */
	unsigned generation;      /* ui->generation the table was built in */
	bool gone;                /* the postings are no longer loaded */
	struct cmp_table t;       /* the aligned rows; owns its text */
	bool diff_only;           /* d: only the rows that differ */
	size_t first;             /* first posting shown (h, l) */
	size_t cur;               /* row of the current difference (n, N),
	                           * or SIZE_MAX */
	size_t keep;              /* row to put at the top when the layout
	                           * is made again, or SIZE_MAX: the row at
	                           * the top now */

	/* the layout, made again when stale */
	bool stale;               /* rows or columns changed */
	int width;                /* the width laid out for */
	int lw, cw;               /* label column and posting column widths */
	size_t ncols;             /* postings shown side by side */
	struct cmp_row_lines *rl; /* each table row wrapped to cw, for the
	                           * postings shown (t.nrows of them) */
	struct cline *lines;      /* the screen lines */
	size_t nlines, cap;       /* how many, allocated */
	size_t *row_line;         /* each row's first screen line, or
	                           * SIZE_MAX when not shown */
};

/* True when row r is a difference: n and N stop there, d keeps it. */
static bool
row_differs(const struct cmp_row *r)
{
	return r->kind != CMP_HEADING && (r->differs || r->unique);
}

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
 * column width for a pane of width columns. */
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
	if (d->first + d->ncols > d->t.n)
		d->first = d->t.n - d->ncols;
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
		if (row_differs(row))
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
		if (d->diff_only && !row_differs(row))
			continue;
		/* the postings shown, as a row of their own */
		struct cmp_row part = *row;
		for (size_t i = 0; i < CMP_MAX; i++) {
			size_t src = d->first + i;
			bool on = i < d->ncols && src < t->n;
			part.cell[i] = on ? row->cell[src] : NULL;
			part.note[i] = on ? row->note[src] : NULL;
		}
		compare_row_lines(&part, d->ncols, d->cw, &d->rl[r]);
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

/* Lays out again for v->width if anything changed, keeping the row at the
 * top at the top. */
static void
relayout(struct view *v)
{
	struct compare *d = v->priv;
	if (!d->stale && d->width == v->width && d->lines)
		return;
	size_t top_row = d->keep != (size_t)-1 ? d->keep
	                 : d->lines ? row_at(d, v->top) : 0;
	bool at_start = v->top == 0;
	d->keep = (size_t)-1;
	columns_for(d, v->width > 0 ? v->width : 1);
	d->width = v->width;
	layout_make(d);
	d->stale = false;
	v->top = at_start ? 0 : line_of(d, top_row);
	v->nrows = d->nlines;
	v->ui->dirty = true;
}

/* Builds the table from the ids after a reload; false when fewer than two
 * of the postings are still loaded (the ids left are kept). */
static bool
rebuild(struct compare *d, struct ui *ui)
{
	const struct posting *p[CMP_MAX];
	size_t k = 0;
	for (size_t i = 0; i < d->n; i++) {
		const struct posting *q = catalog_find(ui->cat, d->ids[i]);
		if (q)
			p[k++] = q;
	}
	if (k < 2) {
		ui_message(ui, true, "the postings compared are gone after the "
		           "reload: any key goes back");
		return false;
	}
	struct cmp_table t;
	if (compare_build(p, k, &t) != 0)
		return false;
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
	return true;
}

static void
compare_update(struct view *v)
{
	struct compare *d = v->priv;
	struct ui *ui = v->ui;
	/* a reload frees the postings: build again once it is done */
	if (d->generation != ui->generation && !ui->loader && !d->gone) {
		d->generation = ui->generation;
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

/* The x of posting column i (shown), after its separator. */
static int
col_x(const struct compare *d, size_t i)
{
	return d->lw + (int)i * (d->cw + CV_SEP_W) + CV_SEP_W;
}

/* Draws the separators before each posting column on line y. */
static void
draw_seps(struct view *v, int y, attr_t a)
{
	struct compare *d = v->priv;
	const char *bar = v->ui->utf8 ? " \xe2\x94\x82 " : " | ";
	for (size_t i = 0; i < d->ncols; i++)
		ui_text(v->win, y, col_x(d, i) - CV_SEP_W, bar, strlen(bar),
		        CV_SEP_W, a, false);
}

static void
compare_draw_header(struct view *v)
{
	struct compare *d = v->priv;
	struct ui *ui = v->ui;
	attr_t a = ui->attr[UL_HEADER];
	mvwhline(v->win, 0, 0, ' ' | a, v->width);
	if (d->gone)
		return;
	struct buf b = {0};
	if (d->ncols < d->t.n) {
		const char *dash = ui->utf8 ? "\xe2\x80\x93" : "-";
		buf_printf(&b, "%zu%s%zu of %zu", d->first + 1, dash,
		           d->first + d->ncols, d->t.n);
	} else {
		buf_printf(&b, "%zu postings", d->t.n);
	}
	ui_text(v->win, 0, 0, b.s, b.len, d->lw - 1, a, false);
	draw_seps(v, 0, a);
	const char *left = ui->utf8 ? "\xe2\x80\xb9 " : "< ";
	const char *right = ui->utf8 ? " \xe2\x80\xba" : " >";
	for (size_t i = 0; i < d->ncols; i++) {
		size_t p = d->first + i;
		buf_clear(&b);
		if (i == 0 && d->first > 0)
			buf_adds(&b, left);
		buf_adds(&b, d->t.title[p] ? d->t.title[p] : "");
		int w = d->cw;
		bool more = i + 1 == d->ncols && p + 1 < d->t.n;
		if (more)
			w -= (int)text_width(right, strlen(right));
		int used = ui_text(v->win, 0, col_x(d, i), b.s, b.len, w, a,
		                   false);
		if (more)
			ui_text(v->win, 0, col_x(d, i) + (used < w ? used : w),
			        right, strlen(right), d->cw - w, a, false);
	}
	buf_free(&b);
}

/* Draws a section heading across the pane. */
static void
draw_heading(struct view *v, const struct cmp_row *row, int y)
{
	struct ui *ui = v->ui;
	struct buf b = {0};
	if (row->group) {
		buf_adds(&b, "  ");
		buf_adds(&b, row->group);
		ui_text(v->win, y, 0, b.s, b.len, v->width, ui->attr[UL_LABEL],
		        false);
	} else {
		const char *rule = ui->utf8 ? "\xe2\x94\x80" : "-";
		buf_adds(&b, rule);
		buf_adds(&b, rule);
		buf_addc(&b, ' ');
		buf_adds(&b, row->label ? row->label : "");
		buf_addc(&b, ' ');
		for (int w = (int)text_width(b.s, b.len); w < v->width; w++)
			buf_adds(&b, rule);
		ui_text(v->win, y, 0, b.s, b.len, v->width, ui->attr[UL_HEADING],
		        false);
	}
	buf_free(&b);
}

static void
compare_draw_row(struct view *v, size_t line, int y, bool current)
{
	struct compare *d = v->priv;
	struct ui *ui = v->ui;
	(void)current;
	if (d->gone) {
		const char *m = "The postings compared are gone after the "
		                "reload.";
		ui_text(v->win, y, 0, m, strlen(m), v->width, A_NORMAL, false);
		return;
	}
	const struct cline *l = &d->lines[line];
	if (l->kind == CL_EMPTY) {
		const char *m = d->diff_only ? "no row differs (d shows them all)"
		                             : "nothing to compare";
		ui_text(v->win, y, 0, m, strlen(m), v->width, A_NORMAL, false);
		return;
	}
	if (l->kind == CL_BLANK)
		return;
	const struct cmp_row *row = &d->t.rows[l->row];
	if (l->kind == CL_HEADING) {
		draw_heading(v, row, y);
		return;
	}
	if (l->k == 0) {
		/* marker and label; the marker stays without colours */
		char mark[3] = {compare_marker(row), ' ', '\0'};
		struct buf b = {0};
		buf_adds(&b, mark);
		if (row->kind == CMP_FIELD && row->label)
			buf_adds(&b, row->label);
		attr_t a = ui->attr[UL_LABEL];
		if (l->row == d->cur)
			a = ui->attr[UL_CURRENT];
		else if (row_differs(row))
			a = ui->color ? ui->attr[UL_MATCH] : ui->attr[UL_MARK];
		bool bar = l->row == d->cur || (row_differs(row) && ui->color);
		ui_text(v->win, y, 0, b.s, b.len, d->lw - 1, a, bar);
		buf_free(&b);
	}
	draw_seps(v, y, ui->attr[UL_BORDER]);
	const struct cmp_row_lines *rl = &d->rl[l->row];
	for (size_t i = 0; i < d->ncols; i++) {
		const struct cmp_cell_lines *c = &rl->cell[i];
		if (l->k >= c->n)
			continue;
		const char *s = c->v[l->k];
		ui_text(v->win, y, col_x(d, i), s, strlen(s), d->cw, A_NORMAL,
		        false);
	}
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
	size_t body = (size_t)view_body(v);
	size_t cl = d->cur < d->t.nrows ? d->row_line[d->cur] : (size_t)-1;
	bool seen = cl != (size_t)-1 && cl >= v->top && cl < v->top + body;
	size_t found = (size_t)-1;
	if (dir > 0) {
		size_t from = seen ? cl + 1 : v->top;
		for (size_t i = from; i < d->nlines; i++) {
			const struct cline *l = &d->lines[i];
			if (l->kind == CL_ROW && l->k == 0 &&
			    row_differs(&d->t.rows[l->row])) {
				found = i;
				break;
			}
		}
	} else {
		size_t to = seen ? cl : v->top;
		for (size_t i = to; i-- > 0;) {
			const struct cline *l = &d->lines[i];
			if (l->kind == CL_ROW && l->k == 0 &&
			    row_differs(&d->t.rows[l->row])) {
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
		if (d->row_line[r] == (size_t)-1 || !row_differs(&d->t.rows[r]))
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

/* h, l: the columns one posting left (dir -1) or right (dir 1). */
static void
scroll_columns(struct view *v, int dir)
{
	struct compare *d = v->priv;
	struct ui *ui = v->ui;
	compare_update(v);
	if (d->ncols >= d->t.n) {
		ui_message(ui, false, "all %zu postings are shown", d->t.n);
		return;
	}
	if (dir < 0 ? d->first == 0 : d->first + d->ncols >= d->t.n) {
		ui_message(ui, false, "no more postings to the %s",
		           dir < 0 ? "left" : "right");
		return;
	}
	d->first = dir < 0 ? d->first - 1 : d->first + 1;
	d->stale = true;
	compare_update(v);
	ui->dirty = true;
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
		scroll_columns(v, -1);
		return ACT_NONE;
	case ACT_SCROLL_RIGHT:
		scroll_columns(v, 1);
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
	.free = compare_free_view,
};

/* Makes the compare view of p[0..n) (2 <= n <= CMP_MAX), or NULL. */
static struct view *
compare_view_new(struct ui *ui, const struct posting *const *p, size_t n)
{
	struct compare *d = calloc(1, sizeof(*d));
	if (!d)
		die_nomem();
	if (compare_build(p, n, &d->t) != 0) {
		free(d);
		return NULL;
	}
	for (size_t i = 0; i < n; i++) {
		d->ids[i] = strdup(p[i]->id ? p[i]->id : "");
		if (!d->ids[i])
			die_nomem();
	}
	d->n = n;
	d->generation = ui->generation;
	d->cur = (size_t)-1;
	d->keep = (size_t)-1;
	d->width = -1;
	d->stale = true;
	return view_new(ui, &compare_ops, d);
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
	bool more = false;
	if (marked >= 2) {
		n = marked < CMP_MAX ? marked : CMP_MAX;
		more = marked > CMP_MAX;
	} else {
		const struct posting *cur = ui_current(ui);
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
	struct view *v = compare_view_new(ui, p, n);
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
	struct buf m = {0};
	if (more)
		buf_printf(&m, "%zu postings are marked: comparing the first %d",
		           marked, CMP_MAX);
	else
		buf_printf(&m, "comparing %zu postings", n);
	if (unshown)
		buf_printf(&m, " (%zu not in the list)", unshown);
	if (d->ncols < n)
		buf_printf(&m, ", %zu at a time: h l scroll, n N differences, "
		           "q back", d->ncols);
	else if (!more)
		buf_adds(&m, ": n N differences, d only those, q back");
	ui_message(ui, false, "%s", m.s);
	buf_free(&m);
}
