/* SPDX-License-Identifier: MIT */
/* compare_print: a table's rows wrapped to a column width, and the table
 * printed as text or JSON; pure, no curses. See compare.h. */
#include "compare_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- wrapping ------------------------------------------------------- */

/* Appends a line, s cut to width; sp[0..nsp) are byte ranges of s to keep
 * with it (those past a cut are cut too). */
static void
lines_add(struct cmp_cell_lines *l, const char *s, size_t len, int width,
          const struct cmp_span *sp, size_t nsp)
{
	struct buf b = {0};
	text_fit(&b, s, len, width, false);
	l->v = xrealloc(l->v, (l->n + 1) * sizeof *l->v);
	l->span = xrealloc(l->span, (l->n + 1) * sizeof *l->span);
	l->nspan = xrealloc(l->nspan, (l->n + 1) * sizeof *l->nspan);
	/* the bytes of s the cut kept, ending at a character boundary */
	size_t kept = 0;
	while (kept < len && kept < b.len && b.s[kept] == s[kept])
		kept++;
	while (kept > 0 && kept < len && ((unsigned char)s[kept] & 0xC0) == 0x80)
		kept--;
	struct cmp_span *v = NULL;
	size_t n = 0;
	for (size_t k = 0; k < nsp; k++) {
		size_t from = sp[k].off, to = sp[k].off + sp[k].len;
		if (to > kept)
			to = kept;
		if (from >= to)
			continue;
		v = xrealloc(v, (n + 1) * sizeof *v);
		v[n++] = (struct cmp_span){from, to - from};
	}
	l->span[l->n] = v;
	l->nspan[l->n] = n;
	l->v[l->n++] = buf_steal(&b);
}

/* Wraps s into l at width columns, the first line after first, the rest
 * after rest (both of display width indent); sp[0..nsp) are byte ranges
 * of s, carried into the lines. */
static void
wrap_into(struct cmp_cell_lines *l, const char *s, int width,
          const char *first, const char *rest, int indent,
          const struct cmp_span *sp, size_t nsp)
{
	if (width - indent < 2) { /* no room for a wide character */
		first = rest = "";
		indent = 0;
	}
	struct wrap_line *wl = NULL;
	size_t nl = 0, cap = 0;
	text_wrap(s, strlen(s), width - indent, &wl, &nl, &cap);
	struct buf b = {0};
	struct cmp_span *ls = nsp ? xcalloc(nsp, sizeof *ls) : NULL;
	for (size_t k = 0; k < nl; k++) {
		buf_clear(&b);
		buf_adds(&b, k ? rest : first);
		size_t at = b.len, from = wl[k].off, to = wl[k].off + wl[k].len;
		buf_add(&b, s + from, wl[k].len);
		size_t n = 0;
		for (size_t q = 0; q < nsp; q++) {
			size_t x = sp[q].off > from ? sp[q].off : from;
			size_t y = sp[q].off + sp[q].len < to ? sp[q].off + sp[q].len
			                                      : to;
			if (x < y)
				ls[n++] = (struct cmp_span){at + x - from, y - x};
		}
		lines_add(l, b.s, b.len, width, ls, n);
	}
	free(ls);
	buf_free(&b);
	free(wl);
}

void
compare_row_lines(const struct cmp_row *r, size_t n, int width,
                  struct cmp_row_lines *out)
{
	*out = (struct cmp_row_lines){0};
	if (width < 1)
		width = 1;
	if (n > CMP_MAX)
		n = CMP_MAX;
	out->height = 1;
	for (size_t i = 0; i < n; i++) {
		struct cmp_cell_lines *l = &out->cell[i];
		if (r->cell[i]) {
			if (r->kind == CMP_ITEM && !r->para[i])
				wrap_into(l, r->cell[i], width, "\xe2\x80\xa2 ", "  ", 2,
				          r->span[i], r->nspan[i]);
			else
				wrap_into(l, r->cell[i], width, "", "", 0, r->span[i],
				          r->nspan[i]);
		}
		if (r->note[i])
			wrap_into(l, r->note[i], width, "", "", 0, NULL, 0);
		if (l->n > out->height)
			out->height = l->n;
	}
}

void
compare_row_lines_free(struct cmp_row_lines *out)
{
	for (size_t i = 0; i < CMP_MAX; i++) {
		struct cmp_cell_lines *l = &out->cell[i];
		for (size_t k = 0; k < l->n; k++) {
			free(l->v[k]);
			free(l->span[k]);
		}
		free(l->v);
		free(l->span);
		free(l->nspan);
	}
	*out = (struct cmp_row_lines){0};
}

/* A malloc'd copy of s with CMP_DIFF_OPEN and CMP_DIFF_CLOSE around the
 * byte ranges sp[0..n), for text without attributes. */
static char *
marked_text(const char *s, const struct cmp_span *sp, size_t n)
{
	struct buf b = {0};
	size_t at = 0;
	for (size_t k = 0; k < n; k++) {
		buf_add(&b, s + at, sp[k].off - at);
		buf_adds(&b, CMP_DIFF_OPEN);
		buf_add(&b, s + sp[k].off, sp[k].len);
		buf_adds(&b, CMP_DIFF_CLOSE);
		at = sp[k].off + sp[k].len;
	}
	buf_adds(&b, s + at);
	return buf_steal(&b);
}

/* ---- printers ------------------------------------------------------- */

#define SEP " \xe2\x94\x82 "    /* " │ " */
#define SEP_WIDTH 3
#define RULE "\xe2\x94\x80"     /* "─" */
#define CROSS "\xe2\x94\xbc"    /* "┼" */

/* Appends line with its trailing spaces dropped, and a newline. */
static void
emit_line(struct buf *out, struct buf *line)
{
	size_t len = line->len;
	while (len && line->s[len - 1] == ' ')
		len--;
	if (len)
		buf_add(out, line->s, len);
	buf_addc(out, '\n');
	buf_clear(line);
}

static void
spaces(struct buf *b, int n)
{
	for (int k = 0; k < n; k++)
		buf_addc(b, ' ');
}

/* Appends the rows' lines side by side; label (may be NULL) goes into the
 * label column of the first line. */
static void
emit_cells(struct buf *out, const struct cmp_row_lines *rl, size_t n,
           const char *label, int lw, int cw)
{
	struct buf line = {0};
	for (size_t k = 0; k < rl->height; k++) {
		if (k == 0 && label)
			text_fit(&line, label, strlen(label), lw, true);
		else
			spaces(&line, lw);
		for (size_t i = 0; i < n; i++) {
			buf_adds(&line, SEP);
			const struct cmp_cell_lines *c = &rl->cell[i];
			const char *s = k < c->n ? c->v[k] : "";
			text_fit(&line, s, strlen(s), cw, true);
		}
		emit_line(out, &line);
	}
	buf_free(&line);
}

void
compare_print_text(struct buf *out, const struct cmp_table *t, int width)
{
	size_t n = t->n;
	if (n < 1 || n > CMP_MAX)
		return;
	if (width < 1)
		width = 1;
	/* the label column: a marker, a space and the longest field label,
	 * at most a fifth of the width */
	int lw = 0;
	for (size_t r = 0; r < t->nrows; r++)
		if (t->rows[r].kind == CMP_FIELD) {
			int w = (int)text_width(t->rows[r].label,
			                        strlen(t->rows[r].label));
			if (w > lw)
				lw = w;
		}
	lw += 2;
	if (lw > width / 5)
		lw = width / 5;
	if (lw < 3)
		lw = 3;
	int avail = width - lw - (int)n * SEP_WIDTH;
	while (avail < (int)n && lw > 1) {
		lw--;
		avail++;
	}
	int cw = avail / (int)n;
	if (cw < 1)
		cw = 1;
	else
		lw += avail - cw * (int)n; /* the rest to the label column */

	/* header: titles and ids, then a rule */
	struct cmp_row head = {.kind = CMP_FIELD};
	for (size_t i = 0; i < n; i++) {
		struct buf b = {0};
		buf_adds(&b, t->title[i] ? t->title[i] : "");
		buf_addc(&b, '\n');
		buf_adds(&b, t->id[i] ? t->id[i] : "");
		head.cell[i] = buf_steal(&b);
	}
	struct cmp_row_lines rl;
	compare_row_lines(&head, n, cw, &rl);
	emit_cells(out, &rl, n, NULL, lw, cw);
	compare_row_lines_free(&rl);
	for (size_t i = 0; i < n; i++)
		free(head.cell[i]);
	struct buf line = {0};
	for (int k = 0; k < lw + 1; k++)
		buf_adds(&line, RULE);
	for (size_t i = 0; i < n; i++) {
		buf_adds(&line, CROSS);
		int w = cw + (i + 1 < n ? 2 : 1);
		for (int k = 0; k < w; k++)
			buf_adds(&line, RULE);
	}
	emit_line(out, &line);

	for (size_t r = 0; r < t->nrows; r++) {
		const struct cmp_row *row = &t->rows[r];
		if (row->kind == CMP_HEADING) {
			buf_clear(&line);
			if (row->group) {
				buf_adds(&line, "  ");
				buf_adds(&line, row->group);
			} else {
				buf_addc(out, '\n');
				buf_adds(&line, RULE RULE " ");
				buf_adds(&line, row->label);
				buf_addc(&line, ' ');
				int w = (int)text_width(line.s, line.len);
				for (; w < width; w++)
					buf_adds(&line, RULE);
			}
			struct buf fit = {0};
			text_fit(&fit, line.s, line.len, width, false);
			emit_line(out, &fit);
			buf_free(&fit);
			buf_clear(&line);
			continue;
		}
		struct buf label = {0};
		buf_addc(&label, compare_marker(row));
		buf_addc(&label, ' ');
		if (row->kind == CMP_FIELD)
			buf_adds(&label, row->label);
		/* the differing words between marks, wrapped with them */
		struct cmp_row mk = *row;
		for (size_t i = 0; i < n; i++) {
			mk.nspan[i] = 0;
			mk.span[i] = NULL;
			if (row->cell[i] && row->nspan[i])
				mk.cell[i] = marked_text(row->cell[i], row->span[i],
				                         row->nspan[i]);
		}
		compare_row_lines(&mk, n, cw, &rl);
		emit_cells(out, &rl, n, label.s, lw, cw);
		compare_row_lines_free(&rl);
		for (size_t i = 0; i < n; i++)
			if (mk.cell[i] != row->cell[i])
				free(mk.cell[i]);
		buf_free(&label);
	}
	buf_free(&line);
	if (t->partial) {
		struct cmp_row_lines note = {0};
		buf_addc(out, '\n');
		wrap_into(&note.cell[0], CMP_PARTIAL_NOTE, width, "", "", 0, NULL, 0);
		for (size_t k = 0; k < note.cell[0].n; k++) {
			buf_adds(out, note.cell[0].v[k]);
			buf_addc(out, '\n');
		}
		compare_row_lines_free(&note);
	}
}

/* Appends s as a JSON string (NULL as null). */
static void
json_str(struct buf *out, const char *s)
{
	if (!s) {
		buf_adds(out, "null");
		return;
	}
	buf_addc(out, '"');
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"': buf_adds(out, "\\\""); break;
		case '\\': buf_adds(out, "\\\\"); break;
		case '\n': buf_adds(out, "\\n"); break;
		case '\t': buf_adds(out, "\\t"); break;
		case '\r': buf_adds(out, "\\r"); break;
		case '\b': buf_adds(out, "\\b"); break;
		case '\f': buf_adds(out, "\\f"); break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				buf_printf(out, "\\u%04x", *p);
			else if (p[0] == 0xe2 && p[1] == 0x80 &&
			         (p[2] == 0xa8 || p[2] == 0xa9)) {
				/* U+2028, U+2029: valid JSON, not valid JavaScript */
				buf_printf(out, "\\u%04x", p[2] == 0xa8 ? 0x2028 : 0x2029);
				p += 2;
			} else
				buf_addc(out, (char)*p);
		}
	}
	buf_addc(out, '"');
}

static const char *
kind_name(enum cmp_kind k)
{
	return k == CMP_FIELD ? "field" : k == CMP_HEADING ? "heading" : "item";
}

void
compare_print_json(struct buf *out, const struct cmp_table *t)
{
	buf_adds(out, "{\"postings\": [");
	for (size_t i = 0; i < t->n; i++) {
		buf_adds(out, i ? ", {\"id\": " : "{\"id\": ");
		json_str(out, t->id[i] ? t->id[i] : "");
		buf_adds(out, ", \"title\": ");
		json_str(out, t->title[i] ? t->title[i] : "");
		buf_addc(out, '}');
	}
	buf_adds(out, "],\n \"rows\": [");
	for (size_t r = 0; r < t->nrows; r++) {
		const struct cmp_row *row = &t->rows[r];
		buf_adds(out, r ? ",\n  " : "\n  ");
		buf_adds(out, "{\"kind\": \"");
		buf_adds(out, kind_name(row->kind));
		buf_adds(out, "\", \"field\": ");
		json_str(out, row->label);
		if (row->group) {
			buf_adds(out, ", \"group\": ");
			json_str(out, row->group);
		}
		buf_adds(out, ", \"values\": [");
		bool notes = false;
		for (size_t i = 0; i < t->n; i++) {
			if (i)
				buf_adds(out, ", ");
			json_str(out, row->cell[i]);
			notes |= row->note[i] != NULL;
		}
		buf_addc(out, ']');
		if (notes) {
			buf_adds(out, ", \"notes\": [");
			for (size_t i = 0; i < t->n; i++) {
				if (i)
					buf_adds(out, ", ");
				json_str(out, row->note[i]);
			}
			buf_addc(out, ']');
		}
		bool spans = false;
		for (size_t i = 0; i < t->n; i++)
			spans |= row->nspan[i] > 0;
		if (spans) {
			buf_adds(out, ", \"words\": [");
			for (size_t i = 0; i < t->n; i++) {
				if (i)
					buf_adds(out, ", ");
				if (!row->cell[i]) {
					buf_adds(out, "null");
					continue;
				}
				buf_addc(out, '[');
				for (size_t k = 0; k < row->nspan[i]; k++) {
					if (k)
						buf_adds(out, ", ");
					char *w = xstrndup(row->cell[i] + row->span[i][k].off,
					                   row->span[i][k].len);
					json_str(out, w);
					free(w);
				}
				buf_addc(out, ']');
			}
			buf_addc(out, ']');
		}
		buf_adds(out, ", \"differs\": ");
		buf_adds(out, row->differs ? "true" : "false");
		buf_adds(out, ", \"unique\": ");
		buf_adds(out, row->unique ? "true" : "false");
		buf_addc(out, '}');
	}
	buf_adds(out, t->nrows ? "\n ]" : "]");
	if (t->partial)
		buf_adds(out, ",\n \"partial\": true");
	buf_adds(out, "}\n");
}
