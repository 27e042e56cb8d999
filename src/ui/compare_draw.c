/* SPDX-License-Identifier: MIT */
/* compare_draw: draws the compare view (ui/compare.c): the titles, the
 * line of marks under them, the rows with their differing words. */
#include "compare_view.h"

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "deadline.h"

/* The x of posting column i (shown), after its separator. */
static int
col_x(const struct compare *d, size_t i)
{
	return d->lw + (int)i * (d->cw + CV_SEP_W) + CV_SEP_W;
}

/* Draws the separators before each posting column on line y; the one
 * after a frozen base is doubled. */
static void
draw_seps(struct view *v, int y, attr_t a)
{
	struct compare *d = v->priv;
	const char *bar = v->ui->utf8 ? " \xe2\x94\x82 " : " | ";
	const char *freeze = v->ui->utf8 ? " \xe2\x95\x91 " : " | ";
	for (size_t i = 0; i < d->ncols; i++) {
		const char *s = d->frozen && i == 1 ? freeze : bar;
		ui_text(v->win, y, col_x(d, i) - CV_SEP_W, s, strlen(s),
		        CV_SEP_W, a, false);
	}
}

/* Draws s (a line of compare_row_lines, within width) at y, x with the
 * byte ranges sp[0..n) in attribute hl, piece by piece so that the
 * ranges survive an ASCII terminal's look-alikes. */
static void
draw_spans(WINDOW *w, int y, int x, const char *s, int width, attr_t a,
           attr_t hl, const struct cmp_span *sp, size_t n)
{
	size_t len = strlen(s), at = 0;
	for (size_t k = 0; k <= n && width > 0; k++) {
		size_t b = k < n ? sp[k].off : len;
		size_t e = k < n ? sp[k].off + sp[k].len : len;
		if (b > len)
			b = len;
		if (e > len)
			e = len;
		if (b > at) {
			int used = ui_text(w, y, x, s + at, b - at, width, a, false);
			x += used;
			width -= used;
		}
		if (e > b && width > 0) {
			int used = ui_text(w, y, x, s + b, e - b, width, hl, false);
			x += used;
			width -= used;
		}
		if (e > at)
			at = e;
	}
}

/* The attribute of the differing words (the element words: underlined
 * and bold by default, so that it reads without colour). */
static attr_t
diff_attr(const struct ui *ui)
{
	return ui->attr[UL_WORDS];
}

void
compare_draw_header(struct view *v)
{
	struct compare *d = v->priv;
	struct ui *ui = v->ui;
	attr_t a = ui->attr[UL_HEADER];
	mvwhline(v->win, 0, 0, ' ' | a, v->width);
	if (d->gone)
		return;
	struct buf b = {0};
	const char *dash = ui->utf8 ? "\xe2\x80\x93" : "-";
	if (d->was)
		buf_adds(&b, "changes");
	else if (d->ncols >= d->t.n)
		buf_printf(&b, "%zu postings", d->t.n);
	else if (!d->frozen)
		buf_printf(&b, "%zu of %zu", d->col[0] + 1, d->t.n);
	else if (d->ncols == 2)
		buf_printf(&b, "1,%zu of %zu", d->first + 1, d->t.n);
	else
		buf_printf(&b, "1,%zu%s%zu of %zu", d->first + 1, dash,
		           d->first + d->ncols - 1, d->t.n);
	ui_text(v->win, 0, 0, b.s, b.len, d->lw - 1, a, false);
	draw_seps(v, 0, a);
	const char *left = ui->utf8 ? "\xe2\x80\xb9 " : "< ";
	const char *right = ui->utf8 ? " \xe2\x80\xba" : " >";
	size_t scroll0 = d->frozen ? 1 : 0; /* the first column that scrolls */
	for (size_t i = 0; i < d->ncols; i++) {
		size_t p = d->col[i];
		attr_t ta = p == d->focus ? ui->attr[UL_FOCUS] : a;
		buf_clear(&b);
		if (i == scroll0 && d->ncols < d->t.n && p > scroll0)
			buf_adds(&b, left);
		if (d->was) /* D: which is which */
			buf_adds(&b, p == 0 ? "as read: " : "now: ");
		buf_adds(&b, d->t.title[p] ? d->t.title[p] : "");
		int w = d->cw;
		bool more = i + 1 == d->ncols && p + 1 < d->t.n;
		if (more)
			w -= (int)text_width(right, strlen(right));
		ui_text(v->win, 0, col_x(d, i), b.s, b.len, w, ta, true);
		if (more)
			ui_text(v->win, 0, col_x(d, i) + w, right, strlen(right),
			        d->cw - w, a, false);
	}
	buf_free(&b);
}

/* Draws at y the line under the titles: each posting's mark, rating and
 * status as the state has them. */
static void
draw_state_line(struct view *v, int y)
{
	struct compare *d = v->priv;
	struct ui *ui = v->ui;
	ui_text(v->win, y, 0, "  Shortlist", 11, d->lw - 1, ui->attr[UL_LABEL],
	        false);
	draw_seps(v, y, ui->attr[UL_BORDER]);
	struct buf b = {0};
	for (size_t i = 0; i < d->ncols; i++) {
		size_t p = d->col[i];
		const struct posting *q = p < d->n ? catalog_find(ui->cat, d->ids[p])
		                                   : NULL;
		if (!q)
			continue;
		struct posting_mine m;
		ui_state_mine(ui, q, &m);
		buf_clear(&b);
		buf_adds(&b, m.marked ? "* marked" : "not marked");
		if (m.hidden)
			buf_adds(&b, ", hidden");
		if (m.rating >= 1 && m.rating <= 5)
			buf_printf(&b, ", %d/5", m.rating);
		if (m.status)
			buf_printf(&b, ", %s", m.status);
		ui_text(v->win, y, col_x(d, i), b.s, b.len, d->cw,
		        m.marked ? ui->attr[UL_MARK] : A_NORMAL, false);
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

void
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
	if (d->so && y == 1) {
		draw_state_line(v, y);
		return;
	}
	line -= d->so; /* the state line takes the first */
	if (line >= d->nlines)
		return;
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
		else if (compare_row_differs(row))
			a = ui->attr[UL_DIFFERS];
		bool bar = l->row == d->cur || (compare_row_differs(row) && ui->color);
		ui_text(v->win, y, 0, b.s, b.len, d->lw - 1, a, bar);
		buf_free(&b);
	}
	draw_seps(v, y, ui->attr[UL_BORDER]);
	const struct cmp_row_lines *rl = &d->rl[l->row];
	for (size_t i = 0; i < d->ncols; i++) {
		const struct cmp_cell_lines *c = &rl->cell[i];
		if (l->k >= c->n)
			continue;
		/* a deadline closed is dimmed, one closing soon stands out;
		 * its words say which without colour */
		uint8_t dl = row->deadline[d->col[i]];
		attr_t a = dl == DL_CLOSED ? ui->attr[UL_CLOSED] :
		           dl == DL_CLOSING ? ui->attr[UL_CLOSING] : A_NORMAL;
		draw_spans(v->win, y, col_x(d, i), c->v[l->k], d->cw, a,
		           diff_attr(ui) | a, c->span[l->k], c->nspan[l->k]);
	}
}
