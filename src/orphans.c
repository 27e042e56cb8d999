/* SPDX-License-Identifier: MIT */
/* orphans: `billet --list --orphans`, the state entries that match no
 * loaded posting, with their last known title and organization and what
 * they record, so that nothing the user wrote is lost silently. */
#include "orphans.h"

#include <string.h>

#include "day.h"
#include "text.h"

/* The TSV and CSV columns. */
static const char *const columns[] = {
	"id", "title", "organization", "marked", "hidden", "rating", "status",
	"note",
};
#define NCOL (sizeof(columns) / sizeof(columns[0]))

/* Appends what e records: "marked, rated 4, status applied, note". */
static void
what(struct buf *b, const struct state_entry *e)
{
	size_t at = b->len;
	const char *sep = "";
	if (e->marked) {
		buf_adds(b, "marked");
		sep = ", ";
	}
	if (e->hidden) {
		buf_printf(b, "%shidden", sep);
		sep = ", ";
	}
	if (e->rating) {
		buf_printf(b, "%srated %d", sep, e->rating);
		sep = ", ";
	}
	if (e->status) {
		buf_printf(b, "%sstatus %s", sep, query_status_name(e->status));
		sep = ", ";
	}
	if (e->nhistory) {
		/* "status applied (interested 2026-11-01, applied ...)" */
		buf_adds(b, e->status ? " (" : *sep ? ", history: " : "history: ");
		state_history_text(e, b);
		if (e->status)
			buf_addc(b, ')');
		sep = ", ";
	}
	if (e->followup) {
		char d[11];
		day_format(e->followup, d);
		buf_printf(b, "%sfollow up %s", sep, d);
		sep = ", ";
	}
	if (e->note) {
		buf_printf(b, "%snote", sep);
		sep = ", ";
	}
	if (e->problem)
		buf_printf(b, "%scannot be read: %s", sep, e->problem);
	else if (b->len == at)
		buf_adds(b, "keys of your own");
}

/* The cells of one entry, as TSV or CSV write them. */
static void
cells(const struct state_entry *e, char cell[NCOL][16], const char **v)
{
	v[0] = e->id;
	v[1] = e->title ? e->title : "";
	v[2] = e->org ? e->org : "";
	snprintf(cell[3], 16, "%d", e->marked);
	snprintf(cell[4], 16, "%d", e->hidden);
	snprintf(cell[5], 16, "%d", e->rating);
	v[3] = cell[3];
	v[4] = cell[4];
	v[5] = e->rating ? cell[5] : "";
	v[6] = e->status ? query_status_name(e->status) : "";
	v[7] = e->note ? e->note : "";
}

/* Appends a TSV cell: sanitised (a tab or line break as ^I, ^J), with '
 * before what a spreadsheet would run as a formula. */
static void
tsv(struct buf *b, const char *s)
{
	if (s[0] == '=' || s[0] == '+' || s[0] == '-' || s[0] == '@')
		buf_addc(b, '\'');
	text_sanitize(b, s, strlen(s), SAN_CARET_NL);
}

/* The fields of billet_state that e has: name and value (a string's
 * JSON text, else plain), in order. */
struct field {
	const char *name;
	struct buf v;
};

static size_t
fields(const struct state_entry *e, struct field *f)
{
	size_t n = 0;
	if (e->marked) {
		f[n].name = "marked";
		buf_adds(&f[n++].v, "true");
	}
	if (e->hidden) {
		f[n].name = "hidden";
		buf_adds(&f[n++].v, "true");
	}
	if (e->rating) {
		f[n].name = "rating";
		buf_printf(&f[n++].v, "%d", e->rating);
	}
	if (e->status) {
		f[n].name = "status";
		json_string(&f[n++].v, query_status_name(e->status));
	}
	if (e->nhistory) {
		/* as --report and --with-state write it */
		f[n].name = "history";
		struct buf *b = &f[n++].v;
		buf_addc(b, '[');
		for (size_t k = 0; k < e->nhistory; k++) {
			buf_adds(b, k ? ", {\"status\": " : "{\"status\": ");
			json_string(b, query_status_name(e->history[k].status));
			buf_adds(b, ", \"date\": ");
			char d[11];
			day_format(e->history[k].date, d);
			if (e->history[k].date)
				json_string(b, d);
			else
				buf_adds(b, "null");
			buf_addc(b, '}');
		}
		buf_addc(b, ']');
	}
	if (e->followup) {
		char d[11];
		day_format(e->followup, d);
		f[n].name = "follow_up";
		json_string(&f[n++].v, d);
	}
	if (e->note) {
		f[n].name = "note";
		json_string(&f[n++].v, e->note);
	}
	if (e->problem) {
		f[n].name = "problem";
		json_string(&f[n++].v, e->problem);
	}
	return n;
}

/* Appends one entry: a JSON object, or a YAML list item (JSON's string
 * escapes read the same in YAML's double quotes). */
static void
tree(struct buf *b, const struct state_entry *e, bool yaml)
{
	const char *k[3] = {"id", "title", "organization"};
	const char *val[3] = {e->id, e->title, e->org};
	for (int i = 0; i < 3; i++) {
		if (!val[i])
			continue;
		if (yaml)
			buf_printf(b, "%s%s: ", i ? "  " : "- ", k[i]);
		else
			buf_printf(b, "%s\"%s\": ", i ? ",\n   " : "  {", k[i]);
		json_string(b, val[i]);
		if (yaml)
			buf_addc(b, '\n');
	}
	struct field f[8] = {{0}};
	size_t n = fields(e, f);
	buf_adds(b, yaml ? "  billet_state:" : ",\n   \"billet_state\": {");
	if (yaml && !n)
		buf_adds(b, " {}");
	for (size_t i = 0; i < n; i++) {
		if (yaml)
			buf_printf(b, "\n    %s: %s", f[i].name, f[i].v.s);
		else
			buf_printf(b, "%s\"%s\": %s", i ? ", " : "", f[i].name,
			           f[i].v.s);
		buf_free(&f[i].v);
	}
	buf_adds(b, yaml ? "\n" : "}}");
}

bool
orphans_print(FILE *f, struct state *st, enum format fmt, bool header)
{
	struct buf b = {0};
	size_t n = 0;
	if (header && (fmt == FMT_TSV || fmt == FMT_CSV))
		for (size_t c = 0; c < NCOL; c++)
			buf_printf(&b, "%s%s", c ? fmt == FMT_TSV ? "\t" : "," : "",
			           columns[c]);
	if (b.len)
		buf_addc(&b, '\n');
	if (fmt == FMT_JSON)
		buf_adds(&b, "[");
	for (size_t i = 0; i < state_count(st); i++) {
		const struct state_entry *e = state_at(st, i);
		if (!state_is_orphan(st, e))
			continue;
		char cell[NCOL][16];
		const char *v[NCOL];
		switch (fmt) {
		case FMT_TSV:
		case FMT_CSV:
			cells(e, cell, v);
			for (size_t c = 0; c < NCOL; c++) {
				if (c)
					buf_addc(&b, fmt == FMT_TSV ? '\t' : ',');
				if (fmt == FMT_TSV)
					tsv(&b, v[c]);
				else {
					struct buf clean = {0};
					text_sanitize(&clean, v[c], strlen(v[c]),
					              SAN_KEEP_NL | SAN_KEEP_TAB);
					csv_cell(&b, clean.s ? clean.s : "");
					buf_free(&clean);
				}
			}
			buf_addc(&b, '\n');
			break;
		case FMT_JSON:
			buf_adds(&b, n ? ",\n" : "\n");
			tree(&b, e, false);
			break;
		case FMT_YAML:
			tree(&b, e, true);
			break;
		default: {
			struct buf line = {0};
			buf_adds(&line, e->id);
			if (e->title || e->org) {
				buf_adds(&line, "  ");
				buf_adds(&line, e->title ? e->title : "");
				if (e->title && e->org)
					buf_adds(&line, " — ");
				buf_adds(&line, e->org ? e->org : "");
			}
			buf_adds(&line, ": ");
			what(&line, e);
			text_sanitize(&b, line.s, line.len, SAN_CARET_NL);
			buf_addc(&b, '\n');
			buf_free(&line);
			break;
		}
		}
		n++;
	}
	if (fmt == FMT_JSON)
		buf_adds(&b, n ? "\n]\n" : "]\n");
	else if (fmt == FMT_YAML && !n)
		buf_adds(&b, "[]\n");
	if (b.len)
		fwrite(b.s, 1, b.len, f);
	buf_free(&b);
	return n > 0;
}
