/* SPDX-License-Identifier: MIT */
/* export: the list and show commands' writers: text, TSV, CSV, and the
 * dispatch to JSON, YAML (export_tree.c) and Markdown (export_md.c). */
#include "export_int.h"

#include <math.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "atomic.h"
#include "columns.h"
#include "deadline.h"
#include "dups.h"

static const char *const format_names[] = {
	[FMT_TEXT] = "text", [FMT_TSV] = "tsv", [FMT_CSV] = "csv",
	[FMT_JSON] = "json", [FMT_YAML] = "yaml", [FMT_MARKDOWN] = "markdown",
};

bool
format_parse(const char *s, enum format *out)
{
	for (size_t i = 0; i < sizeof(format_names) / sizeof(*format_names); i++) {
		if (strcmp(s, format_names[i]) == 0) {
			*out = (enum format)i;
			return true;
		}
	}
	if (strcmp(s, "md") == 0) {
		*out = FMT_MARKDOWN;
		return true;
	}
	return false;
}

const char *
format_name(enum format f)
{
	return format_names[f];
}

void
export_flush(FILE *f, struct buf *b)
{
	if (b->len)
		fwrite(b->s, 1, b->len, f);
	buf_clear(b);
}

/* Text, TSV, CSV ---------------------------------------------------------- */

void
export_line(struct buf *out, const char *s)
{
	if (s)
		text_sanitize(out, s, strlen(s), 0);
}

/* Column names of --list tsv/csv, then of the shortlist's state. */
static const char *const columns[] = {
	"id", "title", "organization", "location", "workplace", "salary",
	"deadline", "marked", "rating", "status", "note", "changed",
};

void
export_row_fill(struct row *r, const struct posting *p,
                const struct export_hooks *h, bool keep_nl)
{
	struct buf tmp = {0};
	for (int i = 0; i < ROW_ALL_CELLS; i++)
		buf_clear(&r->cell[i]);
	export_line(&r->cell[0], p->id);
	export_line(&r->cell[1], p->title);
	export_line(&r->cell[2], posting_org(p, true));
	if (!p->org.name && !p->org.short_name)
		buf_adds(&r->cell[2], "");
	posting_location(&tmp, p);
	export_line(&r->cell[3], tmp.s);
	export_line(&r->cell[4], workplace_name(p->workplace));
	buf_clear(&tmp);
	salary_compact(&tmp, &p->salary);
	export_line(&r->cell[5], tmp.s);
	export_line(&r->cell[6], p->deadline.text);
	buf_adds(&r->cell[7], h && h->marked && h->marked(h->ctx, p) ? "1"
	                                                             : "0");
	int rating = h && h->rating ? h->rating(h->ctx, p) : 0;
	if (rating)
		buf_printf(&r->cell[8], "%d", rating);
	export_line(&r->cell[9], h && h->status ? h->status(h->ctx, p) : NULL);
	/* a note keeps its lines in CSV (a quoted cell may hold them) */
	const char *note = h && h->note ? h->note(h->ctx, p) : NULL;
	if (note)
		text_sanitize(&r->cell[10], note, strlen(note),
		              keep_nl ? SAN_KEEP_NL : 0);
	buf_adds(&r->cell[ROW_CHANGED], h && h->changed &&
	         h->changed(h->ctx, p) ? "1" : "0");
	for (int i = 0; i < ROW_ALL_CELLS; i++)
		if (!r->cell[i].s)
			buf_adds(&r->cell[i], "");
	buf_free(&tmp);
}

void
export_row_free(struct row *r)
{
	for (int i = 0; i < ROW_ALL_CELLS; i++)
		buf_free(&r->cell[i]);
}

/* True when a spreadsheet would run s as a formula: it starts with =,
 * +, - or @. */
static bool
formula_start(const char *s)
{
	return s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@';
}

/* Appends a TSV cell (sanitised: no tab or line break), prefixed with '
 * when a spreadsheet would run it as a formula. */
static void
tsv_cell(struct buf *out, const char *s, size_t len)
{
	if (formula_start(s))
		buf_addc(out, '\'');
	buf_add(out, s, len);
}

void
csv_cell(struct buf *out, const char *s)
{
	bool guard = formula_start(s);
	bool quote = guard || strpbrk(s, ",\"\r\n") != NULL;
	if (quote)
		buf_addc(out, '"');
	if (guard)
		buf_addc(out, '\'');
	for (const char *q = s; *q; q++) {
		if (*q == '"')
			buf_addc(out, '"');
		buf_addc(out, *q);
	}
	if (quote)
		buf_addc(out, '"');
}

/* Writes the text list: mark, the deadline's flag (deadline_flag: closed,
 * closing soon), ~ when changed since read or else = when the same job
 * was loaded from several sources, title, organization, location, salary,
 * deadline, id; columns sized to their content and the width (at least
 * LIST_MIN_WIDTH), and left out when the line is too narrow for them in
 * the interface's order (columns_fit: location first, then salary,
 * organization, deadline); the id, cut to a fifth of the width, goes
 * below 16 columns. */
static void
list_text(FILE *f, struct posting *const *v, size_t n, int width,
          const struct export_hooks *h)
{
	if (width < LIST_MIN_WIDTH)
		width = LIST_MIN_WIDTH;
	struct row r = {0};
	struct buf line = {0};
	int32_t today = deadline_today();
	/* widest id, salary, deadline, within bounds */
	int idw = 2, sal = 0, dl = 0;
	for (size_t i = 0; i < n; i++) {
		export_row_fill(&r, v[i], h, false);
		int w = (int)text_width(r.cell[0].s, r.cell[0].len);
		idw = w > idw ? w : idw;
		w = (int)text_width(r.cell[5].s, r.cell[5].len);
		sal = w > sal ? w : sal;
		w = (int)text_width(r.cell[6].s, r.cell[6].len);
		dl = w > dl ? w : dl;
	}
	idw = idw > width / 5 ? width / 5 : idw;
	sal = sal > 14 ? 14 : sal;
	dl = dl > (width >= 100 ? 18 : 12) ? (width >= 100 ? 18 : 12) : dl;
	/* text: the columns' room after the flags (the mark, the deadline's
	 * flag, ~ when changed since read, else a blank) and the id; each column but the last is followed by
	 * two spaces */
	bool show_id = idw >= 2 && width >= 16;
	int text = width - 3 - (show_id ? idw : -2);
	/* what each column needs to be kept: a readable title, organization
	 * and location; salary and deadline whole */
	bool kept[COL_N] = {[COL_TITLE] = true, [COL_ORG] = true,
	                    [COL_LOC] = true, [COL_SALARY] = sal > 0,
	                    [COL_DEADLINE] = dl > 0};
	int need[COL_N] = {[COL_TITLE] = 24, [COL_ORG] = 12, [COL_LOC] = 18,
	                   [COL_SALARY] = sal, [COL_DEADLINE] = dl};
	columns_fit(kept, need, text - 2, 2);
	bool show_loc = kept[COL_LOC], show_org = kept[COL_ORG];
	bool show_sal = kept[COL_SALARY], show_dl = kept[COL_DEADLINE];
	text -= (show_sal ? sal + 2 : 0) + (show_dl ? dl + 2 : 0);
	int cols = show_loc ? 3 : show_org ? 2 : 1;
	text -= 2 * cols;
	if (text < 1)
		text = 1;
	int title = show_loc ? text * 44 / 100 : show_org ? text * 60 / 100
	                                                  : text;
	int org = show_loc ? text * 28 / 100 : show_org ? text - title : 0;
	int loc = show_loc ? text - title - org : 0;
	for (size_t i = 0; i < n; i++) {
		export_row_fill(&r, v[i], h, false);
		buf_clear(&line);
		/* marked, the deadline's flag, then changed since read (~),
		 * else loaded from another source too (=) */
		buf_adds(&line, r.cell[7].s[0] == '1' ? "*" : " ");
		buf_adds(&line, deadline_flag(deadline_of(v[i], today, NULL),
		                              true));
		buf_addc(&line, r.cell[ROW_CHANGED].s[0] == '1' ? '~'
		                : dups_count(v[i]) > 1 ? '=' : ' ');
		text_fit(&line, r.cell[1].s, r.cell[1].len, title, true);
		buf_adds(&line, "  ");
		if (show_org) {
			/* the short name where the posting gives one */
			const char *on = posting_org(v[i], false);
			struct buf ob = {0};
			export_line(&ob, on ? on : "");
			text_fit(&line, ob.s ? ob.s : "", ob.len, org, true);
			buf_free(&ob);
			buf_adds(&line, "  ");
		}
		if (show_loc) {
			text_fit(&line, r.cell[3].s, r.cell[3].len, loc, true);
			buf_adds(&line, "  ");
		}
		if (show_sal) {
			text_fit(&line, r.cell[5].s, r.cell[5].len, sal, true);
			buf_adds(&line, "  ");
		}
		if (show_dl) {
			text_fit(&line, r.cell[6].s, r.cell[6].len, dl, true);
			buf_adds(&line, "  ");
		}
		if (show_id)
			text_fit(&line, r.cell[0].s, r.cell[0].len, idw,
			         false);
		while (line.len && line.s[line.len - 1] == ' ')
			line.len--;
		buf_addc(&line, '\n');
		export_flush(f, &line);
	}
	export_row_free(&r);
	buf_free(&line);
}

/* Writes TSV or CSV rows; with state, the rating, status and note
 * after the list's columns. */
static void
list_separated(FILE *f, struct posting *const *v, size_t n, bool csv,
               bool header, bool state, const struct export_hooks *h)
{
	struct buf line = {0};
	struct row r = {0};
	int ncells = state ? ROW_STATE_CELLS : ROW_CELLS;
	if (header) {
		for (int i = 0; i < ncells; i++) {
			if (i)
				buf_addc(&line, csv ? ',' : '\t');
			buf_adds(&line, columns[i]);
		}
		if (state) { /* INTERFACE.md fixes the columns without state */
			buf_addc(&line, csv ? ',' : '\t');
			buf_adds(&line, columns[ROW_CHANGED]);
		}
		buf_adds(&line, csv ? "\r\n" : "\n");
	}
	for (size_t i = 0; i < n; i++) {
		export_row_fill(&r, v[i], h, csv);
		for (int k = 0; k < ncells; k++) {
			if (k)
				buf_addc(&line, csv ? ',' : '\t');
			if (csv)
				csv_cell(&line, r.cell[k].s);
			else
				tsv_cell(&line, r.cell[k].s, r.cell[k].len);
		}
		if (state) {
			buf_addc(&line, csv ? ',' : '\t');
			buf_adds(&line, r.cell[ROW_CHANGED].s);
		}
		buf_adds(&line, csv ? "\r\n" : "\n");
		export_flush(f, &line);
	}
	export_flush(f, &line);
	export_row_free(&r);
	buf_free(&line);
}


void
export_list(FILE *f, struct posting *const *v, size_t n, enum format fmt,
            int width, unsigned flags, const struct export_hooks *h)
{
	bool header = flags & EXPORT_HEADER, state = flags & EXPORT_STATE;
	struct buf o = {0};
	switch (fmt) {
	case FMT_TEXT:
		list_text(f, v, n, width, h);
		return;
	case FMT_TSV:
	case FMT_CSV:
		list_separated(f, v, n, fmt == FMT_CSV, header, state, h);
		return;
	case FMT_MARKDOWN:
		export_markdown(f, v, n, state ? h : NULL);
		return;
	case FMT_JSON:
		buf_addc(&o, '[');
		for (size_t i = 0; i < n; i++) {
			buf_adds(&o, i ? ",\n" : "\n");
			export_tree(&o, v[i], false, state ? h : NULL);
			if (o.len && o.s[o.len - 1] == '\n')
				o.len--;
			export_flush(f, &o);
		}
		buf_adds(&o, n ? "\n]\n" : "]\n");
		break;
	case FMT_YAML:
		for (size_t i = 0; i < n; i++) {
			buf_adds(&o, "---\n");
			export_tree(&o, v[i], true, state ? h : NULL);
			export_flush(f, &o);
		}
		break;
	}
	export_flush(f, &o);
	buf_free(&o);
}

void
export_show(FILE *f, const struct posting *p, enum format fmt, int width,
            const struct export_hooks *h)
{
	struct buf o = {0};
	if (fmt == FMT_TEXT) {
		struct buf hist = {0}, fol = {0};
		if (h && h->history)
			h->history(h->ctx, p, &hist);
		if (h && h->followup)
			h->followup(h->ctx, p, &fol);
		struct posting_mine m = {
			.marked = h && h->marked && h->marked(h->ctx, p),
			.hidden = h && h->hidden && h->hidden(h->ctx, p)
			                  ? "yes" : NULL,
			.rating = h && h->rating ? h->rating(h->ctx, p) : 0,
			.status = h && h->status ? h->status(h->ctx, p) : NULL,
			.note = h && h->note ? h->note(h->ctx, p) : NULL,
			.history = hist.s,
			.followup = fol.s,
			.changed = h && h->changed && h->changed(h->ctx, p)
			           ? "since you last read it (D in billet shows "
			             "what)" : NULL,
			.stars = true, /* the output is UTF-8 */
		};
		struct rlines rl = {0};
		posting_render_mine(p, &m, width, &rl);
		for (size_t i = 0; i < rl.n; i++) {
			buf_adds(&o, rl.v[i].text);
			buf_addc(&o, '\n');
		}
		rlines_free(&rl);
		buf_free(&hist);
		buf_free(&fol);
	} else {
		export_tree(&o, p, fmt == FMT_YAML, h);
	}
	export_flush(f, &o);
	buf_free(&o);
}

/* ---- export to a file ---- */

enum export_result
export_file(const char *path, bool overwrite, struct posting *const *v,
            size_t n, enum format fmt, int width,
            const struct export_hooks *h, char *msg, size_t size)
{
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);
	if (!f)
		die_nomem();
	/* the shortlist's export: TSV and CSV name their columns and
	 * carry each posting's rating, status and note */
	export_list(f, v, n, fmt, width, EXPORT_HEADER | EXPORT_STATE, h);
	if (fclose(f) != 0)
		die_nomem();
	mode_t um = umask(0);
	umask(um);
	char why[768];
	enum export_result res = EXPORT_FAILED;
	switch (atomic_write(path, data, len, 0666 & ~um, overwrite, why,
	                     sizeof(why))) {
	case ATOMIC_DONE:
		res = EXPORT_DONE;
		break;
	case ATOMIC_EXISTS:
		res = EXPORT_EXISTS;
		break;
	case ATOMIC_FAILED:
	case ATOMIC_UNSYNCED:
		if (msg && size)
			snprintf(msg, size, "not exported: %s", why);
		break;
	}
	free(data);
	return res;
}
