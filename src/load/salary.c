/* SPDX-License-Identifier: MIT */
/* load/salary: dates and salaries read from a posting's nodes (their
 * amounts, dates and periods as value.c reads them). */
#include "load/internal.h"
#include "currency.h"
#include "value.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* True if s starts like a date (four digits and a dash). */
static bool
date_like(const char *s)
{
	for (int i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return s[4] == '-';
}

void
ywhen(struct lctx *x, const struct ynode *n, const char *name,
      bool date_only, struct when *out)
{
	const char *s = NULL;
	if (!ytext(x, n, name, &s) || !s)
		return;
	int32_t ymd;
	if (value_date(s, &ymd)) {
		out->ymd = ymd;
		/* keep the date part only */
		out->text = strlen(s) > 10 ? lkeep(x, s, 10) : s;
		return;
	}
	if (date_only || date_like(s)) {
		lerr(x, n, "%s: '%s' is not a valid date (expected YYYY-MM-DD)",
		     name, s);
		ykeep_wrong(x, name, n);
		return;
	}
	out->text = s;
}

/* Strips a trailing period such as "/hour", " per hour", " an hour",
 * " a year" from s; sets *p when found. Returns the remaining length. */
static size_t
strip_period(const char *s, size_t len, enum period *p)
{
	const char *e = s + len;
	while (e > s && e[-1] == ' ')
		e--;
	const char *w = e;
	while (w > s && ((w[-1] >= 'a' && w[-1] <= 'z') ||
	                 (w[-1] >= 'A' && w[-1] <= 'Z')))
		w--;
	if (w == e || w == s)
		return len;
	char word[16];
	size_t wl = (size_t)(e - w);
	if (wl >= sizeof(word))
		return len;
	memcpy(word, w, wl);
	word[wl] = '\0';
	if (strcasecmp(word, "k") == 0 || strcasecmp(word, "m") == 0)
		return len;
	enum period per;
	if (!period_parse(word, &per))
		return len;
	const char *q = w;
	if (q > s && q[-1] == '/') {
		q--;
	} else {
		while (q > s && q[-1] == ' ')
			q--;
		const char *pre = q;
		while (pre > s && pre[-1] != ' ')
			pre--;
		size_t pl = (size_t)(q - pre);
		if ((pl == 3 && strncasecmp(pre, "per", 3) == 0) ||
		    (pl == 2 && strncasecmp(pre, "an", 2) == 0) ||
		    (pl == 1 && strncasecmp(pre, "a", 1) == 0))
			q = pre;
	}
	*p = per;
	return (size_t)(q - s);
}

bool
salary_text(const char *s, struct salary *out)
{
	size_t len = strlen(s);
	enum period per = out->period;
	len = strip_period(s, len, &per);
	size_t alen, blen;
	const char *b;
	double lo, hi;
	if (value_amount(s, len, &lo)) {
		hi = lo;
	} else if (value_split_range(s, len, &alen, &b, &blen) &&
	           value_amount(s, alen, &lo) && value_amount(b, blen, &hi)) {
		;
	} else {
		return false;
	}
	out->min = lo;
	out->max = hi;
	out->period = per;
	out->present = true;
	/* a currency written as a sign */
	if (strstr(s, "€"))
		memcpy(out->currency, "EUR", 4);
	else if (strstr(s, "£"))
		memcpy(out->currency, "GBP", 4);
	return true;
}

/* Reads a salary amount node (number or amount text) into *v. */
static bool
yamount(struct lctx *x, const struct ynode *n, const char *name, double *v)
{
	if (n->kind != Y_SCALAR || !value_amount(n->s, n->len, v)) {
		lerr(x, n, "salary: %s: expected an amount such as 62400 or "
		     "$62,400, found %s%s%s", name,
		     n->kind == Y_SCALAR ? "'" : "",
		     n->kind == Y_SCALAR ? n->s : ykind_name(n),
		     n->kind == Y_SCALAR ? "'" : "");
		return false;
	}
	return true;
}

void
ysalary(struct lctx *x, const struct ynode *n)
{
	struct salary s = {.currency = "USD", .period = PERIOD_YEAR};
	bool ok = true;
	if (n->kind == Y_NULL)
		return;
	if (n->kind == Y_SCALAR) {
		if (!salary_text(n->s, &s)) {
			lerr(x, n, "salary: expected a number, a range such as "
			     "62400-67000, or a mapping with min and max; "
			     "found '%s'", n->s);
			ok = false;
		}
	} else if (n->kind == Y_MAP) {
		const struct ynode *v;
		bool have_min = false, have_max = false;
		for (size_t i = 0; i < n->n; i++) {
			const struct ynode *k = n->kids[2 * i];
			v = n->kids[2 * i + 1];
			const char *key = k->kind == Y_SCALAR ? k->s : "";
			if (v->kind == Y_NULL)
				continue;
			if (!strcmp(key, "min")) {
				ok &= have_min = yamount(x, v, "min", &s.min);
			} else if (!strcmp(key, "max")) {
				ok &= have_max = yamount(x, v, "max", &s.max);
			} else if (!strcmp(key, "currency")) {
				if (v->kind != Y_SCALAR ||
				    !currency_valid(v->s, v->len, s.currency)) {
					lerr(x, v, "salary: currency: expected a "
					     "three-letter ISO 4217 code such as "
					     "USD");
					ok = false;
				}
			} else if (!strcmp(key, "period")) {
				if (v->kind != Y_SCALAR ||
				    !period_parse(v->s, &s.period)) {
					lerr(x, v, "salary: period: expected year, "
					     "month, week, day or hour");
					ok = false;
				}
			} else if (!strcmp(key, "note")) {
				ytext(x, v, "salary: note", &s.note);
			} else {
				lwarn(x, k, "salary: unknown key '%s' ignored "
				      "(known: min, max, currency, period, note)",
				      key);
			}
		}
		if (ok && !have_min && !have_max) {
			lerr(x, n, "salary: a mapping needs min or max");
			ok = false;
		}
		/* one end given: a range open at the other */
		s.open_below = !have_min;
		s.open_above = !have_max;
		if (!have_min)
			s.min = s.max;
		if (!have_max)
			s.max = s.min;
		s.present = ok;
	} else {
		lerr(x, n, "salary: expected a number, a range or a mapping, "
		     "found a list");
		ok = false;
	}
	if (!ok) {
		ykeep_extra(x, "salary", n);
		return;
	}
	if (s.min > s.max) {
		lwarn(x, n, "salary: min is above max; read as %g-%g", s.max,
		      s.min);
		double t = s.min;
		s.min = s.max;
		s.max = t;
	}
	x->p->salary = s;
}
