/* SPDX-License-Identifier: MIT */
/* Tests of the currencies (currency.h): ISO 4217 codes, the currency most
 * postings use, the user's rates and their parser. */
#include <criterion/criterion.h>
#include <string.h>

#include "catalog.h"
#include "currency.h"
#include "load.h"

Test(currency, common_is_the_most_used)
{
	static const char yaml[] =
		"title: a\nsalary: {min: 1, currency: EUR}\n---\n"
		"title: b\nsalary: {min: 1, currency: eur}\n---\n"
		"title: c\nsalary: 50000\n---\n"
		"title: d\n---\ntitle: e\n---\ntitle: f\n";
	struct catalog c;
	char cur[4];
	catalog_init(&c);
	currency_common(&c, cur);
	cr_assert_str_eq(cur, "USD"); /* nothing loaded */
	cr_assert_eq(load_buffer(&c, "t.yaml", yaml, strlen(yaml), NULL), 6);
	currency_common(&c, cur);
	cr_assert_str_eq(cur, "EUR");
	/* a tie goes to the first code in alphabetical order */
	c.v[1]->salary.present = false;
	currency_common(&c, cur);
	cr_assert_str_eq(cur, "EUR");
	strcpy(c.v[0]->salary.currency, "USD");
	c.v[1]->salary.present = true;
	strcpy(c.v[1]->salary.currency, "GBP");
	currency_common(&c, cur);
	cr_assert_str_eq(cur, "USD"); /* two in dollars */
	catalog_free(&c);
}

/* Parses s expecting an error at col with exactly msg. */
static void
rates_error(const char *s, unsigned col, const char *msg)
{
	struct currency_rates r = { 0 };
	struct currency_error err;
	cr_assert_not(currency_rates_parse(s, &r, &err), "'%s' parsed", s);
	cr_assert_null(r.v);
	cr_assert_eq(r.n, 0);
	cr_assert_eq(err.col, col, "'%s': column %u, want %u (%s)", s, err.col,
	             col, err.msg);
	cr_assert_str_eq(err.msg, msg, "'%s'", s);
}

Test(currency, rates_parse)
{
	struct currency_rates r = { 0 };
	struct currency_error err;
	cr_assert(currency_rates_parse("EUR=1.08 GBP=1.27", &r, &err));
	cr_assert_eq(r.n, 2);
	cr_assert_str_eq(r.v[0].code, "EUR");
	cr_assert_float_eq(r.v[0].value, 1.08, 1e-12);
	cr_assert_str_eq(r.v[1].code, "GBP");
	cr_assert_float_eq(r.v[1].value, 1.27, 1e-12);
	/* any case, blanks around '=', commas or semicolons between */
	cr_assert(currency_rates_parse(" eur = 1.08,gbp=1.27 ; jpy=.0067 ",
	                               &r, &err), "%s", err.msg);
	cr_assert_eq(r.n, 3);
	cr_assert_str_eq(r.v[2].code, "JPY");
	cr_assert_float_eq(r.v[2].value, 0.0067, 1e-12);
	/* nothing is an empty table, and replaces what was there */
	cr_assert(currency_rates_parse("", &r, &err));
	cr_assert_eq(r.n, 0);
	cr_assert(currency_rates_parse("  ", &r, NULL));
	cr_assert_eq(r.n, 0);
	cr_assert(currency_rates_parse("CHF=1.1", &r, &err));
	/* what they give */
	double k;
	cr_assert(currency_value(&r, "USD", "USD", &k));
	cr_assert_float_eq(k, 1, 0);
	cr_assert(currency_value(&r, "USD", "CHF", &k));
	cr_assert_float_eq(k, 1.1, 1e-12);
	cr_assert_not(currency_value(&r, "USD", "EUR", &k));
	cr_assert(currency_factor(&r, "USD", "CHF", "USD", &k));
	cr_assert_float_eq(k, 1.1, 1e-12);
	cr_assert(currency_factor(&r, "USD", "USD", "CHF", &k));
	cr_assert_float_eq(k, 1 / 1.1, 1e-12);
	cr_assert(currency_factor(NULL, "USD", "EUR", "EUR", &k));
	cr_assert_float_eq(k, 1, 0);
	cr_assert_not(currency_factor(NULL, "USD", "EUR", "USD", &k));
	cr_assert_not(currency_factor(&r, "USD", "CHF", "EUR", &k));
	currency_rates_free(&r);
	cr_assert_eq(r.n, 0);

	rates_error("EUR", 4, "expected '=' after 'EUR' at column 4");
	rates_error("EUR 1.08", 5, "expected '=' after 'EUR' at column 5");
	rates_error("EUR=", 5, "expected a number after 'EUR=', such as 1.08 "
	            "at column 5");
	rates_error("EUR=1.0x", 5, "expected a number after 'EUR=', such as "
	            "1.08 at column 5");
	rates_error("EUR=.", 5, "expected a number after 'EUR=', such as 1.08 "
	            "at column 5");
	rates_error("EUR=0", 5, "a rate must be more than 0 at column 5");
	rates_error("EUR=1 GBP=0.00", 11, "a rate must be more than 0 at "
	            "column 11");
	rates_error("EUX=1", 1, "unknown currency 'EUX' (ISO 4217 codes such as "
	            "EUR, GBP, JPY) at column 1");
	rates_error("EUR=1 eur=2", 7, "EUR is given twice at column 7");
	rates_error("1.08", 1, "expected a currency code such as EUR, not "
	            "'1.08' at column 1");
	rates_error("EURO=1", 1, "expected a currency code such as EUR, not "
	            "'EURO' at column 1");
	rates_error("1 EUR = 1.08 USD", 1, "expected a currency code such as "
	            "EUR, not '1' at column 1");
	/* columns count characters */
	rates_error("EUR=1 é=2", 7, "expected a currency code such as EUR, not "
	            "'é' at column 7");
	rates_error("EUR=1 € GBP=2", 7, "expected a currency code such as EUR, "
	            "not '€' at column 7");
	rates_error("EUR=1 \x1b[2J", 7, "expected a currency code such as EUR, "
	            "not '?[2J' at column 7");
	/* a NULL err is allowed */
	cr_assert_not(currency_rates_parse("x", &r, NULL));
	cr_assert(currency_valid("eur", 3, NULL));
	cr_assert_not(currency_valid("EU", 2, NULL));
	cr_assert_not(currency_valid("ABC", 3, NULL));
}
