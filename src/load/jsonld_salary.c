/* SPDX-License-Identifier: MIT */
/* load/jsonld_salary: schema.org baseSalary (a MonetaryAmount, its
 * QuantitativeValue, or text) and salaryCurrency -> the salary. */
#include "load/internal.h"
#include "currency.h"
#include "value.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Reads an amount as value_amount does, or a number as JSON writes it
 * (5.5E4, 1e+5). */
static bool
json_amount(const char *s, size_t len, double *out)
{
	if (value_amount(s, len, out))
		return true;
	size_t i = 0;
	while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
		i++;
	if (i == 0 || i + 1 >= len || (s[i] != 'e' && s[i] != 'E'))
		return false;
	double v;
	if (!value_amount(s, i, &v))
		return false;
	size_t k = i + 1;
	bool neg = s[k] == '-';
	if (s[k] == '-' || s[k] == '+')
		k++;
	if (k == len || len - k > 3)
		return false;
	int e = 0;
	for (; k < len; k++) {
		if (s[k] < '0' || s[k] > '9')
			return false;
		e = e * 10 + (s[k] - '0');
	}
	for (; e > 0 && v <= 1e12; e--)
		v = neg ? v / 10 : v * 10;
	if (!(v <= 1e12))
		return false;
	*out = v;
	return true;
}

/* How an amount of a salary was given. */
enum amount { AMOUNT_NONE, AMOUNT_OK, AMOUNT_BAD };

/* Reads the amount f (NULL when not given) into *out. */
static enum amount
salary_amount(const struct ynode *f, double *out)
{
	if (!f || f->kind == Y_NULL)
		return AMOUNT_NONE;
	if (f->kind == Y_SCALAR && json_amount(f->s, f->len, out))
		return AMOUNT_OK;
	return AMOUNT_BAD;
}

/* The period of unitCode (UN/CEFACT: HUR, DAY, WEE, MON, ANN). */
static bool
unit_code(const char *s, enum period *out)
{
	static const struct {
		const char *code;
		enum period p;
	} codes[] = {
		{"HUR", PERIOD_HOUR}, {"DAY", PERIOD_DAY}, {"WEE", PERIOD_WEEK},
		{"MON", PERIOD_MONTH}, {"ANN", PERIOD_YEAR},
	};
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		if (strcasecmp(s, codes[i].code) == 0) {
			*out = codes[i].p;
			return true;
		}
	}
	return false;
}

/* Appends the keys of mapping m (as prefix.key), for messages. */
static void
key_names(struct buf *b, const struct ynode *m, const char *prefix)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i];
		if (k->kind != Y_SCALAR || k->s[0] == '@')
			continue;
		buf_printf(b, "%s%s%s", b->len ? ", " : "", prefix, k->s);
	}
}

/* The period of a MonetaryAmount from the unitText or unitCode of m; a
 * year when neither is given or read. */
static enum period
salary_period(struct lctx *x, const struct ynode *m)
{
	const struct ynode *text = ymap_get(m, "unitText");
	const struct ynode *code = ymap_get(m, "unitCode");
	enum period pd = PERIOD_YEAR;
	if (text && text->kind == Y_SCALAR && period_parse(text->s, &pd))
		return pd;
	if (code && code->kind == Y_SCALAR && unit_code(code->s, &pd))
		return pd;
	if (text && text->kind != Y_NULL)
		lwarn(x, text, "baseSalary: unitText %s%s%s is not YEAR, MONTH, "
		      "WEEK, DAY or HOUR; read as a year",
		      text->kind == Y_SCALAR ? "'" : "",
		      text->kind == Y_SCALAR ? text->s : ykind_name(text),
		      text->kind == Y_SCALAR ? "'" : "");
	else if (code && code->kind != Y_NULL)
		lwarn(x, code, "baseSalary: unitCode %s%s%s is not ANN, MON, "
		      "WEE, DAY or HUR; read as a year",
		      code->kind == Y_SCALAR ? "'" : "",
		      code->kind == Y_SCALAR ? code->s : ykind_name(code),
		      code->kind == Y_SCALAR ? "'" : "");
	return PERIOD_YEAR;
}

/* Reads the amounts of MonetaryAmount n into the posting's salary, in
 * the currency code; false, having said why and kept n under Other, when
 * it gives none. What it does not read is kept under Other too. */
static bool
salary_map(struct lctx *x, const struct ynode *n, const char *code)
{
	const struct ynode *vn = ymap_get(n, "value");
	const struct ynode *v = jsonld_deref(x, vn, "baseSalary value");
	/* the QuantitativeValue, or the MonetaryAmount itself */
	const struct ynode *q = v && v->kind == Y_MAP ? v : n;
	const struct ynode *f[3] = {ymap_get(q, "minValue"),
	                            ymap_get(q, "maxValue"),
	                            q == v ? ymap_get(v, "value") : v};
	static const char *const names[3] = {"minValue", "maxValue",
	                                     "value"};
	bool from_n = q == n;
	if (q == v && !f[0] && !f[1] && !f[2]) {
		f[0] = ymap_get(n, "minValue");
		f[1] = ymap_get(n, "maxValue");
		from_n = true;
	}
	double a[3] = {-1, -1, -1};
	enum amount got[3];
	int bad = -1;
	for (int i = 0; i < 3; i++) {
		got[i] = salary_amount(f[i], &a[i]);
		if (got[i] == AMOUNT_BAD && bad < 0)
			bad = i;
	}
	double lo = a[0], hi = a[1];
	bool by_value = lo < 0 && hi < 0;
	if (by_value)
		lo = hi = a[2];
	else if (got[2] == AMOUNT_BAD && bad == 2)
		bad = -1; /* a value beside minValue or maxValue: kept */
	if (bad >= 0) {
		const struct ynode *b = f[bad];
		const char *what = lo < 0 && hi < 0
			? "the salary is kept under Other"
			: "it is kept under Other";
		if (b->kind == Y_SCALAR)
			lerr(x, b, "baseSalary: %s '%s' is not an amount; %s",
			     names[bad], b->s, what);
		else
			lerr(x, b, "baseSalary: %s: expected an amount%s, found "
			     "%s; %s", names[bad], bad == 2 && q == n
			     ? " or a QuantitativeValue" : "", ykind_name(b),
			     what);
	}
	if (lo < 0 && hi < 0) {
		if (bad < 0) {
			struct buf keys = {0};
			key_names(&keys, n, "");
			if (q == v)
				key_names(&keys, v, "value.");
			lerr(x, n, "baseSalary: no amount found: no value, "
			     "minValue or maxValue (found %s); kept under Other",
			     keys.len ? keys.s : "no properties");
			buf_free(&keys);
		}
		ykeep_extra(x, "baseSalary", n);
		return false;
	}
	/* only minValue, or only maxValue: a range open at the other end,
	 * as the canonical salary's */
	bool open_below = lo < 0, open_above = hi < 0;
	if (lo < 0)
		lo = hi;
	if (hi < 0)
		hi = lo;
	/* the unit beside the amounts, else the MonetaryAmount's */
	const struct ynode *um = ymap_get(q, "unitText") ||
	                         ymap_get(q, "unitCode") ? q : n;
	x->p->salary = (struct salary){.present = true,
	                               .min = lo < hi ? lo : hi,
	                               .max = lo < hi ? hi : lo,
	                               .currency = "USD",
	                               .period = salary_period(x, um),
	                               .open_below = open_below,
	                               .open_above = open_above};
	memcpy(x->p->salary.currency, code, 4);
	/* what was not read: the properties of n and of its
	 * QuantitativeValue other than those the amounts came from */
	const struct ynode *used[8];
	size_t k = 0;
	used[k++] = ymap_get(n, "currency");
	if (q == v || by_value)
		used[k++] = vn; /* the QuantitativeValue, or the amount */
	for (int i = 0; i < 2 && from_n; i++)
		if (got[i] == AMOUNT_OK)
			used[k++] = f[i];
	if (um == n) {
		used[k++] = ymap_get(n, "unitText");
		used[k++] = ymap_get(n, "unitCode");
	}
	jsonld_keep_rest(x, "baseSalary", n, used, k);
	if (q == v) {
		k = 0;
		for (int i = 0; i < 2 && !from_n; i++)
			if (got[i] == AMOUNT_OK)
				used[k++] = f[i];
		if (by_value)
			used[k++] = f[2];
		if (um == v) {
			used[k++] = ymap_get(v, "unitText");
			used[k++] = ymap_get(v, "unitCode");
		}
		jsonld_keep_rest(x, "baseSalary.value", v, used, k);
	}
	return true;
}

bool
jsonld_salary(struct lctx *x, const struct ynode *n,
              const struct ynode *currency)
{
	n = jsonld_deref(x, jsonld_first(x, n, "baseSalary"), "baseSalary");
	if (!n || n->kind == Y_NULL)
		return false;
	if (n->kind != Y_SCALAR && n->kind != Y_MAP) {
		lerr(x, n, "baseSalary: expected an amount or a MonetaryAmount, "
		     "found %s; kept under Other", ykind_name(n));
		ykeep_extra(x, "baseSalary", n);
		return false;
	}
	/* the MonetaryAmount's currency, else salaryCurrency */
	const struct ynode *cur = ymap_get(n, "currency");
	const struct ynode *use = cur && cur->kind != Y_NULL ? cur : currency;
	char code[4] = "USD";
	if (use && (use->kind != Y_SCALAR ||
	            !currency_valid(use->s, use->len, code))) {
		lerr(x, use, "%s: expected a three-letter ISO 4217 code such "
		     "as USD, found %s%s%s; the salary is kept under Other",
		     use == cur ? "baseSalary: currency" : "salaryCurrency",
		     use->kind == Y_SCALAR ? "'" : "",
		     use->kind == Y_SCALAR ? use->s : ykind_name(use),
		     use->kind == Y_SCALAR ? "'" : "");
		ykeep_extra(x, "baseSalary", n);
		return false;
	}
	if (n->kind == Y_SCALAR) {
		ysalary(x, n);
		/* a sign in the text says the currency, unless one is given */
		if (use)
			memcpy(x->p->salary.currency, code, 4);
	} else if (!salary_map(x, n, code)) {
		return false;
	}
	/* salaryCurrency was read, or says what the MonetaryAmount does */
	return currency && x->p->salary.present &&
	       (use == currency || (currency->kind == Y_SCALAR &&
	                            !strcasecmp(currency->s, code)));
}
