/* SPDX-License-Identifier: MIT */
/* load/salary: amounts, dates and salaries read from a posting's nodes. */
#include "load/internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Numbers, dates ------------------------------------------------------- */

bool
parse_amount(const char *s, size_t len, double *out)
{
	const char *e = s + len;
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	/* a currency sign or code before the digits */
	static const char *const signs[] = {"US$", "CA$", "A$", "$", "€", "£",
	                                    "¥", "₹"};
	for (size_t i = 0; i < sizeof(signs) / sizeof(signs[0]); i++) {
		size_t sl = strlen(signs[i]);
		if ((size_t)(e - s) > sl && memcmp(s, signs[i], sl) == 0) {
			s += sl;
			break;
		}
	}
	char digits[64];
	size_t k = 0;
	bool dot = false, any = false;
	double mult = 1;
	for (const char *q = s; q < e; q++) {
		if (*q >= '0' && *q <= '9') {
			any = true;
		} else if (*q == ',' && any && !dot) {
			continue;
		} else if (*q == '.' && !dot) {
			dot = true;
		} else if ((*q == 'k' || *q == 'K') && q + 1 == e && any) {
			mult = 1000;
			break;
		} else if ((*q == 'm' || *q == 'M') && q + 1 == e && any) {
			mult = 1e6;
			break;
		} else {
			return false;
		}
		if (k + 1 >= sizeof(digits))
			return false;
		digits[k++] = *q;
	}
	if (!any)
		return false;
	digits[k] = '\0';
	double v = strtod(digits, NULL) * mult;
	if (!(v >= 0 && v <= 1e12))
		return false;
	*out = v;
	return true;
}

/* Days in a month of a year. */
static int
month_days(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

bool
parse_date(const char *s, int32_t *ymd)
{
	int y = 0, m = 0, d = 0;
	for (int i = 0; i < 10; i++) {
		char c = s[i];
		if (i == 4 || i == 7) {
			if (c != '-')
				return false;
		} else if (c < '0' || c > '9') {
			return false;
		}
	}
	if (s[10] != '\0' && s[10] != 'T' && s[10] != 't' && s[10] != ' ')
		return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return false;
	*ymd = y * 10000 + m * 100 + d;
	return true;
}

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
	if (parse_date(s, &ymd)) {
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

bool
split_range(const char *s, size_t len, size_t *alen, const char **b,
            size_t *blen)
{
	static const char *const seps[] = {"–", "—", " to ", "-"};
	for (size_t i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
		size_t sl = strlen(seps[i]);
		for (size_t k = 1; k + sl < len; k++) {
			if (memcmp(s + k, seps[i], sl) == 0) {
				*alen = k;
				*b = s + k + sl;
				*blen = len - k - sl;
				return true;
			}
		}
	}
	return false;
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

/* Reads "62400", "$62,400", "62400-67000", "$26–31.50/h" into the
 * salary; false when it is none of these. */
static bool
salary_text(const char *s, struct salary *out)
{
	size_t len = strlen(s);
	enum period per = out->period;
	len = strip_period(s, len, &per);
	size_t alen, blen;
	const char *b;
	double lo, hi;
	if (parse_amount(s, len, &lo)) {
		hi = lo;
	} else if (split_range(s, len, &alen, &b, &blen) &&
	           parse_amount(s, alen, &lo) && parse_amount(b, blen, &hi)) {
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

/* Reads a currency code into out; false when it is not three letters. */
static bool
currency_code(const char *s, char out[4])
{
	if (!s || strlen(s) != 3)
		return false;
	for (int i = 0; i < 3; i++) {
		char c = s[i];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c < 'A' || c > 'Z')
			return false;
		out[i] = c;
	}
	out[3] = '\0';
	return true;
}

/* Reads a salary amount node (number or amount text) into *v. */
static bool
yamount(struct lctx *x, const struct ynode *n, const char *name, double *v)
{
	if (n->kind != Y_SCALAR || !parse_amount(n->s, n->len, v)) {
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
				    !currency_code(v->s, s.currency)) {
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
