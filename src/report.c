/* SPDX-License-Identifier: MIT */
/* report: the applications made, with their history, for a caseworker. */
#include "report.h"

#include <stdlib.h>
#include <string.h>

#include "day.h"
#include "query.h"
#include "text.h"

/* One application, as the report writes it. */
struct app {
	const struct state_entry *e; /* its entry */
	const struct posting *p;     /* its posting, NULL when not loaded */
	int32_t applied;             /* the day, 0: not known */
};

/* The earliest first, those whose day is not known before them; then by
 * title. */
static int
app_cmp(const void *a, const void *b)
{
	const struct app *x = a, *y = b;
	if (x->applied != y->applied)
		return x->applied < y->applied ? -1 : 1;
	const char *tx = x->p && x->p->title ? x->p->title
	                 : x->e->title ? x->e->title : x->e->id;
	const char *ty = y->p && y->p->title ? y->p->title
	                 : y->e->title ? y->e->title : y->e->id;
	int c = strcmp(tx, ty);
	return c ? c : strcmp(x->e->id, y->e->id);
}

/* The organization, the title and how the application was made. */
static const char *
app_org(const struct app *a)
{
	const char *o = a->p ? posting_org(a->p, true) : NULL;
	return o ? o : a->e->org ? a->e->org : "";
}

static const char *
app_title(const struct app *a)
{
	const char *t = a->p ? a->p->title : NULL;
	return t ? t : a->e->title ? a->e->title : a->e->id;
}

/* How to apply, as the posting says: its URL, else its e-mail address,
 * else where the posting came from. */
static void
app_how(const struct app *a, struct buf *out)
{
	const struct posting *p = a->p;
	if (!p)
		return;
	if (p->apply.url)
		buf_adds(out, p->apply.url);
	else if (p->apply.email)
		buf_printf(out, "e-mail to %s", p->apply.email);
	else if (p->source)
		buf_adds(out, p->source);
}

/* The outcome: the status now, with the day it changed to it. */
static void
app_outcome(const struct app *a, struct buf *out)
{
	const struct state_entry *e = a->e;
	buf_adds(out, query_status_name(e->status));
	if (e->nhistory && e->history[e->nhistory - 1].status == e->status &&
	    e->history[e->nhistory - 1].date) {
		char d[11];
		day_format(e->history[e->nhistory - 1].date, d);
		buf_printf(out, " %s", d);
	}
}

/* Appends a field made safe for a terminal, lines kept. */
static void
clean(struct buf *out, const char *s)
{
	text_sanitize(out, s, strlen(s), SAN_KEEP_NL);
}

static void
write_markdown(struct buf *o, const struct app *v, size_t n,
               const struct report_span *span)
{
	char a[11], b[11];
	day_format(span->since, a);
	day_format(span->until, b);
	buf_adds(o, "# Applications");
	if (span->since && span->until)
		buf_printf(o, " from %s to %s", a, b);
	else if (span->since)
		buf_printf(o, " since %s", a);
	else if (span->until)
		buf_printf(o, " until %s", b);
	buf_printf(o, "\n\n%zu application%s.\n\n", n, n == 1 ? "" : "s");
	if (!n)
		return;
	buf_adds(o, "| Date applied | Organization | Title | How | Outcome | "
	            "History |\n|---|---|---|---|---|---|\n|");
	struct buf t = {0};
	for (size_t i = 0; i < n; i++) {
		if (i)
			buf_addc(o, '|');
		char d[11];
		day_format(v[i].applied, d);
		export_md_cell(o, v[i].applied ? d : "date unknown");
		export_md_cell(o, app_org(&v[i]));
		export_md_cell(o, app_title(&v[i]));
		buf_clear(&t);
		app_how(&v[i], &t);
		export_md_cell(o, t.s ? t.s : "");
		buf_clear(&t);
		app_outcome(&v[i], &t);
		export_md_cell(o, t.s);
		buf_clear(&t);
		state_history_text(v[i].e, &t);
		export_md_cell(o, t.s ? t.s : "");
		buf_addc(o, '\n');
	}
	buf_free(&t);
}

/* A CSV cell made safe and guarded (csv_cell), then sep. */
static void
csv_field(struct buf *o, const char *s, char sep)
{
	struct buf t = {0};
	clean(&t, s);
	csv_cell(o, t.s ? t.s : "");
	buf_free(&t);
	buf_addc(o, sep);
}

static void
write_csv(struct buf *o, const struct app *v, size_t n)
{
	buf_adds(o, "date_applied,organization,title,how,outcome,history,id\r\n");
	struct buf t = {0};
	for (size_t i = 0; i < n; i++) {
		char d[11];
		day_format(v[i].applied, d);
		csv_field(o, d, ',');
		csv_field(o, app_org(&v[i]), ',');
		csv_field(o, app_title(&v[i]), ',');
		buf_clear(&t);
		app_how(&v[i], &t);
		csv_field(o, t.s ? t.s : "", ',');
		buf_clear(&t);
		app_outcome(&v[i], &t);
		csv_field(o, t.s, ',');
		buf_clear(&t);
		state_history_text(v[i].e, &t);
		csv_field(o, t.s ? t.s : "", ',');
		csv_field(o, v[i].e->id, '\r');
		buf_addc(o, '\n');
	}
	buf_free(&t);
}

static void
write_json(struct buf *o, const struct app *v, size_t n)
{
	buf_adds(o, "[");
	struct buf t = {0};
	for (size_t i = 0; i < n; i++) {
		const struct state_entry *e = v[i].e;
		char d[11];
		day_format(v[i].applied, d);
		buf_adds(o, i ? ",\n  {" : "\n  {");
		buf_adds(o, "\"id\": ");
		json_string(o, e->id);
		buf_adds(o, ", \"organization\": ");
		json_string(o, app_org(&v[i]));
		buf_adds(o, ", \"title\": ");
		json_string(o, app_title(&v[i]));
		buf_adds(o, ", \"applied\": ");
		if (v[i].applied)
			json_string(o, d);
		else
			buf_adds(o, "null");
		buf_clear(&t);
		app_how(&v[i], &t);
		buf_adds(o, ", \"how\": ");
		if (t.len)
			json_string(o, t.s);
		else
			buf_adds(o, "null");
		buf_adds(o, ", \"status\": ");
		json_string(o, query_status_name(e->status));
		buf_adds(o, ", \"history\": [");
		for (size_t k = 0; k < e->nhistory; k++) {
			day_format(e->history[k].date, d);
			buf_adds(o, k ? ", {\"status\": " : "{\"status\": ");
			json_string(o, query_status_name(e->history[k].status));
			buf_adds(o, ", \"date\": ");
			if (e->history[k].date)
				json_string(o, d);
			else
				buf_adds(o, "null");
			buf_adds(o, "}");
		}
		buf_adds(o, "]}");
	}
	buf_adds(o, n ? "\n]\n" : "]\n");
	buf_free(&t);
}

size_t
report_write(FILE *f, struct state *st, const struct catalog *c,
             const struct report_span *span, enum format fmt,
             size_t *undated)
{
	size_t n = 0, left = 0, total = state_count(st);
	struct app *v = xmalloc((total ? total : 1) * sizeof(*v));
	bool spanned = span->since || span->until;
	for (size_t i = 0; i < total; i++) {
		const struct state_entry *e = state_at(st, i);
		bool made = false;
		if (e->problem)
			continue;
		int32_t d = state_applied_on(e, &made);
		if (!made)
			continue;
		if (!d && spanned) {
			left++;
			continue;
		}
		if (d && ((span->since && d < span->since) ||
		          (span->until && d > span->until)))
			continue;
		v[n++] = (struct app){e, catalog_find(c, e->id), d};
	}
	qsort(v, n, sizeof(*v), app_cmp);
	struct buf o = {0};
	if (fmt == FMT_CSV)
		write_csv(&o, v, n);
	else if (fmt == FMT_JSON)
		write_json(&o, v, n);
	else
		write_markdown(&o, v, n, span);
	fwrite(o.s, 1, o.len, f);
	buf_free(&o);
	free(v);
	if (undated)
		*undated = left;
	return n;
}
