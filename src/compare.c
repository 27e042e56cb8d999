/* SPDX-License-Identifier: MIT */
/* compare: aligns two to four postings into rows (the field rows here,
 * the list sections in compare_lists.c); pure, no curses. */
#include "compare_int.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deadline.h"

/* ---- small helpers ------------------------------------------------- */

/* Rounds to a multiple of unit, half away from zero. */
static double
round_to(double x, double unit)
{
	return (double)llround(x / unit) * unit;
}

/* s without leading and trailing white space: start in *s, length back. */
size_t
compare_trim(const char **s)
{
	const char *p = *s;
	while (compare_is_space(*p))
		p++;
	size_t len = strlen(p);
	while (len && compare_is_space(p[len - 1]))
		len--;
	*s = p;
	return len;
}

/* A malloc'd sanitised copy of s[0..len), or NULL when it is empty. */
static char *
sanitised(const char *s, size_t len, int flags)
{
	if (!s || !len)
		return NULL;
	struct buf b = {0};
	text_sanitize(&b, s, len, flags);
	if (!b.len) {
		buf_free(&b);
		return NULL;
	}
	return buf_steal(&b);
}

/* ---- the table ------------------------------------------------------ */

struct cmp_row *
compare_add_row(struct cmp_table *t, enum cmp_kind kind,
                const char *label, const char *group)
{
	if (t->nrows == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 32;
		t->rows = xrealloc(t->rows, t->cap * sizeof *t->rows);
	}
	struct cmp_row *r = &t->rows[t->nrows++];
	*r = (struct cmp_row){.kind = kind};
	r->label = sanitised(label, label ? strlen(label) : 0, 0);
	if (!r->label)
		r->label = sanitised("?", 1, 0);
	r->group = group ? sanitised(group, strlen(group), 0) : NULL;
	return r;
}

/* Adds a field row from raw values (empty buffers: the posting has none)
 * unless no posting has the field; frees the buffers. */
static struct cmp_row *
add_field(struct cmp_table *t, const char *label, struct buf *vals)
{
	bool any = false;
	for (size_t i = 0; i < t->n; i++)
		any |= vals[i].len > 0;
	struct cmp_row *r = NULL;
	if (any) {
		r = compare_add_row(t, CMP_FIELD, label, NULL);
		for (size_t i = 0; i < t->n; i++) {
			const char *s = vals[i].s ? vals[i].s : "";
			size_t len = compare_trim(&s);
			r->cell[i] = sanitised(s, len, 0);
		}
		for (size_t i = 1; i < t->n && !r->differs; i++) {
			const char *a = r->cell[0], *b = r->cell[i];
			r->differs = !a || !b ? a != b : !compare_norm_equal(a, b);
		}
	}
	for (size_t i = 0; i < t->n; i++)
		buf_free(&vals[i]);
	return r;
}

/* A field given as one string per posting. */
static void
field_str(struct cmp_table *t, const struct posting *const *p,
          const char *label, size_t offset)
{
	struct buf v[CMP_MAX] = {{0}};
	for (size_t i = 0; i < t->n; i++) {
		const char *s = *(const char *const *)((const char *)p[i] + offset);
		if (s)
			buf_adds(&v[i], s);
	}
	add_field(t, label, v);
}

static void
when_text(struct buf *out, const struct when *w)
{
	if (w->text)
		buf_adds(out, w->text);
	else if (w->ymd)
		buf_printf(out, "%04d-%02d-%02d", (int)(w->ymd / 10000),
		           (int)(w->ymd / 100 % 100), (int)(w->ymd % 100));
}

static void
field_when(struct cmp_table *t, const struct posting *const *p,
           const char *label, size_t offset)
{
	struct buf v[CMP_MAX] = {{0}};
	for (size_t i = 0; i < t->n; i++)
		when_text(&v[i], (const struct when *)((const char *)p[i] +
		                                        offset));
	add_field(t, label, v);
}

/* The Deadline row: the deadline that counts for each posting
 * (posting_deadline), with how it stands today when it is closed or
 * closing soon, and which it is in the row's deadline[]. */
static void
field_deadline(struct cmp_table *t, const struct posting *const *p)
{
	struct buf v[CMP_MAX] = {{0}};
	uint8_t st[CMP_MAX] = {0};
	int32_t today = deadline_today();
	for (size_t i = 0; i < t->n; i++) {
		const struct when *w = posting_deadline(p[i]);
		enum deadline_state s = deadline_when(w, today, NULL);
		if (s == DL_CLOSING || s == DL_CLOSED)
			st[i] = (uint8_t)s;
		if (st[i])
			deadline_describe(&v[i], w, today);
		else
			when_text(&v[i], w);
	}
	struct cmp_row *r = add_field(t, "Deadline", v);
	if (r)
		memcpy(r->deadline, st, sizeof(st));
}

static void
sep_add(struct buf *b, const char *sep, const char *s)
{
	if (!s || !*s)
		return;
	if (b->len)
		buf_adds(b, sep);
	buf_adds(b, s);
}

static void
strlist_join(struct buf *b, const struct strlist *l, const char *sep)
{
	for (size_t k = 0; k < l->n; k++)
		sep_add(b, sep, l->v[k]);
}

/* Money rounded as the period suggests: whole units a year or a month,
 * cents for shorter periods. */
static double
money_round(double x, enum period p)
{
	return round_to(x, p == PERIOD_YEAR || p == PERIOD_MONTH ? 1.0 : 0.01);
}

/* True for a salary with both ends, which has a midpoint. */
static bool
salary_closed(const struct salary *s)
{
	return s->present && !s->open_below && !s->open_above;
}

/* The salary row: see compare.h. A range open at one end ("up to
 * $90,000", "from $50,000") is converted to the first posting's period
 * like any other, but has no midpoint: when it or the first posting's
 * range is open, no difference is given (as for another currency). */
static void
field_salary(struct cmp_table *t, const struct posting *const *p)
{
	struct buf v[CMP_MAX] = {{0}};
	char *notes[CMP_MAX] = {0};
	const struct salary *s0 = &p[0]->salary;
	double mid0 = 0;
	if (s0->present)
		mid0 = (s0->min + s0->max) / 2.0;
	for (size_t i = 0; i < t->n; i++) {
		const struct salary *s = &p[i]->salary;
		if (!s->present)
			continue;
		bool convert = i > 0 && s0->present &&
		               !strcmp(s->currency, s0->currency);
		if (!convert) {
			salary_full(&v[i], s);
			if (i > 0 && s0->present) /* no arithmetic across currencies */
				notes[i] = sanitised(CMP_OTHER_CURRENCY,
				                     strlen(CMP_OTHER_CURRENCY), 0);
			continue;
		}
		struct salary c = *s;
		double f = period_per_year(s->period) /
		           period_per_year(s0->period);
		c.period = s0->period;
		if (s->period != s0->period)
			c.note = NULL; /* the original in parentheses carries it */
		c.min = money_round(s->min * f, c.period);
		c.max = money_round(s->max * f, c.period);
		salary_full(&v[i], &c);
		if (s->period != s0->period) {
			buf_adds(&v[i], " (");
			salary_full(&v[i], s);
			buf_adds(&v[i], ")");
		}
		if (!salary_closed(s) || !salary_closed(s0))
			continue;
		double d = money_round((s->min + s->max) / 2.0 * f - mid0,
		                       c.period);
		struct buf nb = {0};
		buf_adds(&nb, d > 0 ? "+" : d < 0 ? "-" : "\xc2\xb1");
		money_format(&nb, d < 0 ? -d : d, s0->currency);
		if (mid0 > 0) {
			long long pct = (long long)round_to(d / mid0 * 100.0, 1.0);
			if (pct)
				buf_printf(&nb, " (%+lld%%)", pct);
			else
				buf_adds(&nb, " (0%)");
		}
		notes[i] = sanitised(nb.s, nb.len, 0);
		buf_free(&nb);
	}
	struct cmp_row *r = add_field(t, "Salary", v);
	for (size_t i = 0; i < t->n; i++) {
		if (r)
			r->note[i] = notes[i];
		else
			free(notes[i]);
	}
}

static void
apply_text(struct buf *b, const struct apply *a)
{
	sep_add(b, "; ", a->url);
	sep_add(b, "; ", a->email);
	sep_add(b, "; ", a->phone);
	if (a->subject && *a->subject) {
		if (b->len)
			buf_adds(b, "; ");
		buf_printf(b, "subject: %s", a->subject);
	}
	if (a->documents.n) {
		if (b->len)
			buf_adds(b, "; ");
		buf_adds(b, "documents: ");
		struct buf d = {0};
		strlist_join(&d, &a->documents, ", ");
		if (d.len)
			buf_add(b, d.s, d.len);
		buf_free(&d);
	}
	if (a->deadline.text || a->deadline.ymd) {
		if (b->len)
			buf_adds(b, "; ");
		buf_adds(b, "by ");
		when_text(b, &a->deadline);
	}
	sep_add(b, "; ", a->note);
}

/* Orders names, NULL first. */
static int
name_cmp(const char *a, const char *b)
{
	if (a == b)
		return 0;
	if (!a || !b)
		return a ? 1 : -1;
	return strcmp(a, b);
}

/* By name, then in order of appearance. */
static int
cmp_kref(const void *a, const void *b)
{
	const struct kref *x = a, *y = b;
	int c = name_cmp(x->name, y->name);
	if (c)
		return c;
	if (x->i != y->i)
		return x->i < y->i ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

static int
cmp_krun(const void *a, const void *b)
{
	const struct krun *x = a, *y = b;
	if (x->i != y->i)
		return x->i < y->i ? -1 : 1;
	return x->k < y->k ? -1 : x->k > y->k;
}

/* Sorting keeps postings with thousands of keys or sections from a
 * quadratic search. */
struct krun *
compare_kref_runs(struct kref *v, size_t n, size_t *nrun)
{
	qsort(v, n, sizeof *v, cmp_kref);
	struct krun *r = xcalloc(n ? n : 1, sizeof *r);
	size_t nr = 0;
	for (size_t q = 0; q < n; q++) {
		if (q && !name_cmp(v[q - 1].name, v[q].name)) {
			r[nr - 1].len++;
			continue;
		}
		r[nr++] = (struct krun){q, 1, v[q].i, v[q].k};
	}
	qsort(r, nr, sizeof *r, cmp_krun);
	*nrun = nr;
	return r;
}

/* The kept unknown keys, one row a key name, in order of first
 * appearance, each posting's first value of that name. */
static void
build_extra(struct cmp_table *t, const struct posting *const *p)
{
	size_t n = t->n, total = 0;
	for (size_t i = 0; i < n; i++)
		total += p[i]->nextra;
	if (!total)
		return;
	struct kref *v = xcalloc(total, sizeof *v);
	size_t nv = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < p[i]->nextra; k++)
			v[nv++] = (struct kref){p[i]->extra[k].key, i, k};
	size_t nr;
	struct krun *r = compare_kref_runs(v, nv, &nr);
	struct buf vals[CMP_MAX] = {{0}};
	for (size_t q = 0; q < nr; q++) {
		bool have[CMP_MAX] = {false};
		for (size_t e = r[q].start; e < r[q].start + r[q].len; e++) {
			size_t i = v[e].i;
			if (have[i])
				continue;
			have[i] = true;
			xvalue_text(&vals[i], &p[i]->extra[v[e].k]);
		}
		const char *key = v[r[q].start].name;
		add_field(t, key ? key : "other", vals);
	}
	free(r);
	free(v);
}

static void
build_fields(struct cmp_table *t, const struct posting *const *p)
{
	size_t n = t->n;
	struct buf v[CMP_MAX] = {{0}};

	field_str(t, p, "Title", offsetof(struct posting, title));
	for (size_t i = 0; i < n; i++) {
		const char *o = posting_org(p[i], true);
		if (o)
			buf_adds(&v[i], o);
	}
	add_field(t, "Organization", v);
	field_str(t, p, "Department", offsetof(struct posting, department));
	for (size_t i = 0; i < n; i++)
		posting_location(&v[i], p[i]);
	add_field(t, "Location", v);
	for (size_t i = 0; i < n; i++) {
		sep_add(&v[i], "", workplace_name(p[i]->workplace));
		if (p[i]->workplace_note && *p[i]->workplace_note) {
			if (v[i].len)
				buf_printf(&v[i], " (%s)", p[i]->workplace_note);
			else
				buf_adds(&v[i], p[i]->workplace_note);
		}
	}
	add_field(t, "Workplace", v);
	for (size_t i = 0; i < n; i++) {
		sep_add(&v[i], ", ", p[i]->employment.type);
		sep_add(&v[i], ", ", p[i]->employment.classification);
		if (p[i]->employment.union_name && *p[i]->employment.union_name) {
			if (v[i].len)
				buf_adds(&v[i], ", ");
			buf_printf(&v[i], "union: %s", p[i]->employment.union_name);
		}
	}
	add_field(t, "Employment", v);
	field_salary(t, p);
	for (size_t i = 0; i < n; i++)
		posting_experience(&v[i], p[i]);
	add_field(t, "Experience", v);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < p[i]->nlanguages; k++) {
			const struct language *l = &p[i]->languages[k];
			if (!l->name || !*l->name)
				continue;
			sep_add(&v[i], ", ", l->name);
			if (l->level && *l->level)
				buf_printf(&v[i], " (%s)", l->level);
		}
	add_field(t, "Languages", v);
	field_str(t, p, "Travel", offsetof(struct posting, travel));
	field_str(t, p, "Reports to", offsetof(struct posting, reports_to));
	field_str(t, p, "Supervises", offsetof(struct posting, supervises));
	field_when(t, p, "Posted", offsetof(struct posting, posted));
	field_deadline(t, p);
	field_when(t, p, "Start", offsetof(struct posting, start));
	for (size_t i = 0; i < n; i++)
		apply_text(&v[i], &p[i]->apply);
	add_field(t, "Apply", v);
	for (size_t i = 0; i < n; i++)
		strlist_join(&v[i], &p[i]->tags, ", ");
	add_field(t, "Tags", v);
	field_str(t, p, "Source", offsetof(struct posting, source));

	build_extra(t, p);
}

/* The word diff of every field and item row (see compare.h): an item
 * row whose items differ in their words differs. */
static void
diff_rows(struct cmp_table *t)
{
	uint64_t left = CMP_DIFF_TOTAL;
	for (size_t r = 0; r < t->nrows; r++) {
		struct cmp_row *row = &t->rows[r];
		if (row->kind == CMP_ITEM)
			row->differs |= compare_diff_row(row, t->n, true, &left);
		else if (row->kind == CMP_FIELD && row->differs)
			compare_diff_row(row, t->n, true, &left);
	}
}

int
compare_build(const struct posting *const *p, size_t n, struct cmp_table *out)
{
	return compare_build_at(p, n, CMP_THRESHOLD, out);
}

int
compare_build_at(const struct posting *const *p, size_t n, double threshold,
                 struct cmp_table *out)
{
	*out = (struct cmp_table){.threshold = threshold};
	if (!p || n < 2 || n > CMP_MAX)
		return -1;
	for (size_t i = 0; i < n; i++)
		if (!p[i])
			return -1;
	out->n = n;
	for (size_t i = 0; i < n; i++) {
		const char *s = p[i]->title ? p[i]->title : "";
		size_t len = compare_trim(&s);
		out->title[i] = sanitised(s, len, 0);
		s = p[i]->id ? p[i]->id : "";
		len = compare_trim(&s);
		out->id[i] = sanitised(s, len, 0);
	}
	build_fields(out, p);
	compare_build_lists(out, p);
	diff_rows(out);
	return 0;
}

void
compare_free(struct cmp_table *t)
{
	for (size_t r = 0; r < t->nrows; r++) {
		struct cmp_row *row = &t->rows[r];
		free(row->label);
		free(row->group);
		for (size_t i = 0; i < CMP_MAX; i++) {
			free(row->cell[i]);
			free(row->note[i]);
			free(row->span[i]);
		}
	}
	for (size_t i = 0; i < CMP_MAX; i++) {
		free(t->title[i]);
		free(t->id[i]);
	}
	free(t->rows);
	*t = (struct cmp_table){0};
}

char
compare_marker(const struct cmp_row *r)
{
	if (r->unique)
		return CMP_MARK_UNIQUE;
	if (r->differs)
		return CMP_MARK_DIFFERS;
	return ' ';
}
