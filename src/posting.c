/* SPDX-License-Identifier: MIT */
/* posting: one posting's values in words (salary, location, organization,
 * experience, kept values) and its searchable text; drawn as lines by
 * posting_render.c. */
#include "posting.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const struct when *
posting_deadline(const struct posting *p)
{
	if (p->deadline.ymd || p->deadline.text)
		return &p->deadline;
	return &p->apply.deadline;
}

bool
posting_salary_yearly(const struct posting *p, double *lo, double *hi)
{
	if (!p->salary.present)
		return false;
	double k = period_per_year(p->salary.period);
	*lo = p->salary.open_below ? 0 : p->salary.min * k;
	*hi = p->salary.open_above ? HUGE_VAL : p->salary.max * k;
	return true;
}

/* The sign written before an amount of this currency, or NULL. */
static const char *
currency_sign(const char *cur)
{
	static const struct {
		const char *code, *sign;
	} signs[] = {
		{"USD", "$"}, {"EUR", "€"}, {"GBP", "£"}, {"JPY", "¥"},
		{"CAD", "CA$"}, {"AUD", "A$"}, {"INR", "₹"}, {"NZD", "NZ$"},
		{"MXN", "MX$"}, {"CNY", "CN¥"}, {"KRW", "₩"}, {"BRL", "R$"},
	};
	for (size_t i = 0; i < sizeof(signs) / sizeof(signs[0]); i++)
		if (strcmp(cur, signs[i].code) == 0)
			return signs[i].sign;
	return NULL;
}

/* Appends the currency's sign, or its code and a space. */
static void
add_sign(struct buf *out, const char *cur)
{
	const char *sign = currency_sign(cur[0] ? cur : "USD");
	if (sign) {
		buf_adds(out, sign);
	} else {
		buf_adds(out, cur);
		buf_addc(out, ' ');
	}
}

/* Appends a non-negative number with thousands separators; cents only when
 * the amount has them. */
static void
add_grouped(struct buf *out, double amount)
{
	long long c = llround(amount * 100);
	char digits[32];
	snprintf(digits, sizeof(digits), "%lld", c / 100);
	size_t len = strlen(digits);
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf_addc(out, ',');
		buf_addc(out, digits[i]);
	}
	if (c % 100)
		buf_printf(out, ".%02lld", c % 100);
}

void
money_format(struct buf *out, double amount, const char *currency)
{
	if (amount < 0) {
		buf_addc(out, '-');
		amount = -amount;
	}
	add_sign(out, currency);
	add_grouped(out, amount);
}

/* Appends an amount compactly: 62.4k, 67k, 1.2M, 31.50, 26. */
static void
add_compact(struct buf *out, double v)
{
	char tmp[64];
	if (v >= 1e6) {
		snprintf(tmp, sizeof(tmp), "%.2f", v / 1e6);
	} else if (v >= 1000) {
		snprintf(tmp, sizeof(tmp), "%.1f", v / 1000);
	} else if (v != floor(v)) {
		snprintf(tmp, sizeof(tmp), "%.2f", v);
		buf_adds(out, tmp);
		return;
	} else {
		snprintf(tmp, sizeof(tmp), "%.0f", v);
		buf_adds(out, tmp);
		return;
	}
	/* drop trailing zeros of the fraction */
	char *dot = strchr(tmp, '.');
	if (dot) {
		char *end = tmp + strlen(tmp) - 1;
		while (end > dot && *end == '0')
			*end-- = '\0';
		if (end == dot)
			*end = '\0';
	}
	buf_adds(out, tmp);
	buf_adds(out, v >= 1e6 ? "M" : "k");
}

void
salary_compact(struct buf *out, const struct salary *s)
{
	if (!s->present)
		return;
	if (s->open_below)
		buf_adds(out, "≤");
	add_sign(out, s->currency);
	add_compact(out, s->open_below ? s->max : s->min);
	if (s->open_above) {
		buf_addc(out, '+');
	} else if (!s->open_below && s->max != s->min) {
		buf_adds(out, "–");
		add_compact(out, s->max);
	}
	buf_adds(out, period_suffix(s->period));
}

void
salary_full(struct buf *out, const struct salary *s)
{
	if (!s->present)
		return;
	if (s->open_below)
		buf_adds(out, "up to ");
	else if (s->open_above)
		buf_adds(out, "from ");
	money_format(out, s->open_below ? s->max : s->min, s->currency);
	if (!s->open_below && !s->open_above && s->max != s->min) {
		buf_adds(out, "–");
		money_format(out, s->max, s->currency);
	}
	buf_addc(out, ' ');
	buf_adds(out, period_phrase(s->period));
	if (s->note) {
		buf_adds(out, " (");
		buf_adds(out, s->note);
		buf_addc(out, ')');
	}
}

int
posting_join(struct buf *out, const char *const *parts, size_t n)
{
	int k = 0;
	for (size_t i = 0; i < n; i++) {
		if (!parts[i] || !parts[i][0])
			continue;
		if (k++)
			buf_adds(out, ", ");
		buf_adds(out, parts[i]);
	}
	return k;
}

void
posting_location(struct buf *out, const struct posting *p)
{
	for (size_t i = 0; i < p->nplaces; i++) {
		const struct place *pl = &p->places[i];
		const char *parts[] = {pl->city, pl->region, pl->country};
		if (i)
			buf_adds(out, "; ");
		if (pl->name) {
			buf_adds(out, pl->name);
			struct buf rest = {0};
			if (posting_join(&rest, parts, 3) &&
			    !strstr(pl->name, rest.s)) {
				buf_adds(out, " (");
				buf_add(out, rest.s, rest.len);
				buf_addc(out, ')');
			}
			buf_free(&rest);
		} else {
			posting_join(out, parts, 3);
		}
	}
}

const char *
posting_org(const struct posting *p, bool wide)
{
	if (!wide && p->org.short_name)
		return p->org.short_name;
	return p->org.name ? p->org.name : p->org.short_name;
}

const char *
workplace_name(enum workplace w)
{
	switch (w) {
	case WP_ONSITE: return "onsite";
	case WP_HYBRID: return "hybrid";
	case WP_REMOTE: return "remote";
	default: return NULL;
	}
}

/* A length of experience as people say it: under a year in months, else
 * in years; at most one decimal, and none when it is .0. */
struct span {
	double n;      /* months or years, rounded to a tenth */
	bool months;   /* n counts months */
};

static struct span
span_of(double years)
{
	double m = round(years * 120) / 10; /* months, to a tenth */
	if (m > 0 && m < 12)
		return (struct span){ m, true };
	return (struct span){ round(years * 10) / 10, false };
}

/* Appends s's number: "1", "1.5". */
static void
add_span_number(struct buf *out, struct span s)
{
	if (s.n == floor(s.n))
		buf_printf(out, "%.0f", s.n);
	else
		buf_printf(out, "%.1f", s.n);
}

/* Appends s's unit, " month" or " years"; plural unless s is one or
 * many is false and s is exactly 1. */
static void
add_span_unit(struct buf *out, struct span s, bool many)
{
	buf_adds(out, s.months ? " month" : " year");
	if (many || s.n != 1)
		buf_addc(out, 's');
}

void
posting_experience(struct buf *out, const struct posting *p)
{
	double lo = p->experience.min_years, hi = p->experience.max_years;
	size_t start = out->len;
	struct span a = span_of(lo), b = span_of(hi);
	if (lo >= 0 && hi >= 0 && (a.n != b.n || a.months != b.months)) {
		/* "6–9 months", "2–5 years", "6 months–2 years" */
		add_span_number(out, a);
		if (a.months != b.months)
			add_span_unit(out, a, false);
		buf_adds(out, "–");
		add_span_number(out, b);
		add_span_unit(out, b, true);
	} else if (lo >= 0) {
		/* "1 month", "2 years"; "1+ months": one or more */
		add_span_number(out, a);
		if (hi < 0)
			buf_addc(out, '+');
		add_span_unit(out, a, hi < 0);
	} else if (hi >= 0) {
		buf_adds(out, "up to ");
		add_span_number(out, b);
		add_span_unit(out, b, false);
	}
	if (p->experience.note) {
		if (out->len > start)
			buf_adds(out, " — ");
		buf_adds(out, p->experience.note);
	}
}

/* The child of a mapping with this key, or NULL. */
static const struct xvalue *
xvalue_get(const struct xvalue *v, const char *key)
{
	if (v->kind != X_MAP)
		return NULL;
	for (size_t i = 0; i < v->n; i++)
		if (v->kids[i].key && strcmp(v->kids[i].key, key) == 0)
			return &v->kids[i];
	return NULL;
}

void
xvalue_text(struct buf *out, const struct xvalue *v)
{
	switch (v->kind) {
	case X_SCALAR:
		buf_adds(out, v->s ? v->s : "");
		return;
	case X_SEQ:
		for (size_t i = 0; i < v->n; i++) {
			if (i)
				buf_adds(out, "; ");
			xvalue_text(out, &v->kids[i]);
		}
		return;
	case X_MAP: {
		const struct xvalue *name = xvalue_get(v, "name");
		if (name && name->kind == X_SCALAR) {
			buf_adds(out, name->s);
			return;
		}
		size_t k = 0;
		for (size_t i = 0; i < v->n; i++) {
			const struct xvalue *c = &v->kids[i];
			if (c->key && c->key[0] == '@')
				continue;
			if (k++)
				buf_adds(out, ", ");
			buf_adds(out, c->key ? c->key : "");
			buf_adds(out, ": ");
			xvalue_text(out, c);
		}
		return;
	}
	}
}

/* Searchable text ------------------------------------------------------ */

/* Calls fn on every scalar of a kept value. */
static bool
each_x(const struct xvalue *v,
       bool (*fn)(void *ctx, const char *field, const char *s), void *ctx)
{
	if (v->key && fn(ctx, "other", v->key))
		return true;
	if (v->kind == X_SCALAR)
		return v->s && fn(ctx, "other", v->s);
	for (size_t i = 0; i < v->n; i++)
		if (each_x(&v->kids[i], fn, ctx))
			return true;
	return false;
}

/* Calls fn on every item of a list. */
static bool
each_list(const struct strlist *l, const char *field,
          bool (*fn)(void *ctx, const char *field, const char *s), void *ctx)
{
	for (size_t i = 0; i < l->n; i++)
		if (fn(ctx, field, l->v[i]))
			return true;
	return false;
}

/* Calls fn on a section's text, items and groups. */
static bool
each_section(const struct section *s,
             bool (*fn)(void *ctx, const char *field, const char *s),
             void *ctx)
{
	if (s->heading && fn(ctx, "text", s->heading))
		return true;
	if (s->text && fn(ctx, "text", s->text))
		return true;
	if (each_list(&s->items, "text", fn, ctx))
		return true;
	for (size_t i = 0; i < s->nsub; i++)
		if (each_section(&s->sub[i], fn, ctx))
			return true;
	return false;
}

bool
posting_each_text(const struct posting *p,
                  bool (*fn)(void *ctx, const char *field, const char *s),
                  void *ctx)
{
#define T(field, s) \
	do { \
		if ((s) && fn(ctx, field, s)) \
			return true; \
	} while (0)
	T("id", p->id);
	T("title", p->title);
	T("org", p->org.name);
	T("org", p->org.short_name);
	T("org", p->org.url);
	T("dept", p->department);
	for (size_t i = 0; i < p->nplaces; i++) {
		T("loc", p->places[i].name);
		T("loc", p->places[i].city);
		T("loc", p->places[i].region);
		T("loc", p->places[i].country);
	}
	T("workplace", workplace_name(p->workplace));
	T("workplace.note", p->workplace_note);
	T("type", p->employment.type);
	T("type", p->employment.classification);
	T("union", p->employment.union_name);
	for (size_t i = 0; i < p->nlanguages; i++) {
		T("lang", p->languages[i].name);
		T("lang", p->languages[i].level);
	}
	if (each_list(&p->tags, "tag", fn, ctx))
		return true;
	T("text", p->salary.note);
	T("text", p->posted.text);
	T("deadline", p->deadline.text);
	T("start", p->start.text);
	T("text", p->reports_to);
	T("text", p->supervises);
	T("text", p->travel);
	T("text", p->experience.note);
	T("text", p->summary);
	T("text", p->org.about);
	if (each_list(&p->responsibilities, "text", fn, ctx) ||
	    each_list(&p->qualifications, "text", fn, ctx) ||
	    each_list(&p->preferred, "text", fn, ctx) ||
	    each_list(&p->benefits, "text", fn, ctx) ||
	    each_list(&p->conditions, "text", fn, ctx) ||
	    each_list(&p->apply.documents, "text", fn, ctx))
		return true;
	T("text", p->apply.url);
	T("text", p->apply.email);
	T("text", p->apply.phone);
	T("text", p->apply.subject);
	T("text", p->apply.note);
	T("deadline", p->apply.deadline.text);
	T("text", p->source);
	for (size_t i = 0; i < p->nsections; i++)
		if (each_section(&p->sections[i], fn, ctx))
			return true;
	for (size_t i = 0; i < p->nextra; i++)
		if (each_x(&p->extra[i], fn, ctx))
			return true;
#undef T
	return false;
}
