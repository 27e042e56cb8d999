/* SPDX-License-Identifier: MIT */
#include "value.h"

#include <criterion/criterion.h>
#include <string.h>

/* ---- helpers ---- */

/* value_amount of a C string: the amount, or -1 when it is refused. */
static double
amount(const char *s)
{
	double v = -2;
	if (!value_amount(s, strlen(s), &v))
		return -1;
	return v;
}

/* value_yearly_amount of a C string, or -1 when refused. */
static double
yearly(const char *s)
{
	double v = -2;
	if (!value_yearly_amount(s, strlen(s), &v))
		return -1;
	return v;
}

/* value_date of s, or -1 when refused. */
static int32_t
date(const char *s)
{
	int32_t ymd = -2;
	return value_date(s, &ymd) ? ymd : -1;
}

/* ---- amounts as postings write them ---- */

Test(value, amount_forms)
{
	cr_assert_eq(amount("62400"), 62400);
	cr_assert_eq(amount("62,400"), 62400);
	cr_assert_eq(amount("$62,400"), 62400);
	cr_assert_eq(amount("US$62,400"), 62400);
	cr_assert_eq(amount("CA$50000"), 50000);
	cr_assert_eq(amount("A$1"), 1);
	cr_assert_eq(amount("€40.000"), 40);   /* the dot is a decimal point */
	cr_assert_eq(amount("£31.50"), 31.5);
	cr_assert_eq(amount("¥6000000"), 6000000);
	cr_assert_eq(amount("₹900000"), 900000);
	cr_assert_eq(amount("62.4k"), 62400);
	cr_assert_eq(amount("62K"), 62000);
	cr_assert_eq(amount("1.2M"), 1200000);
	cr_assert_eq(amount("  \t62400 \t"), 62400);
	cr_assert_eq(amount(".5"), 0.5);
	cr_assert_eq(amount("1e12"), -1);
	cr_assert_eq(amount("1000000000000"), 1e12);
	cr_assert_eq(amount("1000000000001"), -1);
}

Test(value, amount_refused)
{
	cr_assert_eq(amount(""), -1);
	cr_assert_eq(amount("$"), -1);
	cr_assert_eq(amount("k"), -1);
	cr_assert_eq(amount("-5"), -1);
	cr_assert_eq(amount("62 400"), -1);
	cr_assert_eq(amount("1.2.3"), -1);
	cr_assert_eq(amount("62400/h"), -1);   /* periods are the reader's */
	cr_assert_eq(amount("60_000"), -1);
	cr_assert_eq(amount("62kk"), -1);
	cr_assert_eq(amount("EUR 5"), -1);
	/* 64 digits do not fit */
	char big[80];
	memset(big, '1', 70);
	big[70] = '\0';
	cr_assert_eq(amount(big), -1);
	/* the length given is what is read */
	double v = 0;
	cr_assert(value_amount("12345", 2, &v));
	cr_assert_eq(v, 12);
}

/* ---- amounts as queries write them ---- */

Test(value, yearly_amount_forms)
{
	cr_assert_eq(yearly("60000"), 60000);
	cr_assert_eq(yearly("60,000"), 60000);
	cr_assert_eq(yearly("60_000"), 60000);
	cr_assert_eq(yearly("$60k"), 60000);
	cr_assert_eq(yearly("€62.5K"), 62500);
	cr_assert_eq(yearly("£1m"), 1e6);
	cr_assert_eq(yearly("¥5"), 5);
	cr_assert_eq(yearly("30/h"), 30 * 2080);
	cr_assert_eq(yearly("31/HOUR"), 31 * 2080);
	cr_assert_eq(yearly("250/day"), 250 * 260);
	cr_assert_eq(yearly("400/wk"), 400 * 52);
	cr_assert_eq(yearly("5200/mo"), 5200 * 12);
	cr_assert_eq(yearly("70000/yr"), 70000);
	cr_assert_eq(yearly("70000/annual"), 70000);
	/* exact where the result is whole: 62.4k is 62400, not 62399.99 */
	cr_assert_eq(yearly("62.4k"), 62400);
	cr_assert_eq(yearly("0.1k"), 100);
	cr_assert_eq(yearly("31.50/h"), 65520);
}

Test(value, yearly_amount_refused)
{
	cr_assert_eq(yearly(""), -1);
	cr_assert_eq(yearly("$"), -1);
	cr_assert_eq(yearly(" 60000"), -1);
	cr_assert_eq(yearly("60000 "), -1);
	cr_assert_eq(yearly("60,"), -1);
	cr_assert_eq(yearly(",600"), -1);
	cr_assert_eq(yearly("60/fortnight"), -1);
	cr_assert_eq(yearly("60/"), -1);
	cr_assert_eq(yearly("US$60"), -1);
	cr_assert_eq(yearly("60kk"), -1);
	cr_assert_eq(yearly("1.2.3"), -1);
}

Test(value, decimal_and_scaled)
{
	size_t i = 0;
	double mant;
	int dec;
	cr_assert(value_decimal("62.5 left", 9, &i, false, &mant, &dec));
	cr_assert_eq(mant, 625);
	cr_assert_eq(dec, 1);
	cr_assert_eq(i, 4);
	i = 0;
	cr_assert(value_decimal("1,000", 5, &i, false, &mant, &dec));
	cr_assert_eq(mant, 1);
	cr_assert_eq(i, 1);
	i = 0;
	cr_assert(value_decimal("1,000", 5, &i, true, &mant, &dec));
	cr_assert_eq(mant, 1000);
	cr_assert_eq(i, 5);
	i = 0;
	cr_assert_not(value_decimal("abc", 3, &i, true, &mant, &dec));
	/* at most 15 decimals are read */
	i = 0;
	cr_assert(value_decimal("0.12345678901234567", 19, &i, false, &mant,
	                        &dec));
	cr_assert_eq(dec, 15);
	cr_assert_eq(i, 17);
	cr_assert_eq(value_scaled(625, 1, 1), 62.5);
	cr_assert_eq(value_scaled(624, 1, 1000), 62400);
	cr_assert_eq(value_scaled(3150, 2, 2080), 65520);
}

Test(value, split_range)
{
	size_t alen, blen;
	const char *b;
	const char *s = "62400-67000";
	cr_assert(value_split_range(s, strlen(s), &alen, &b, &blen));
	cr_assert_eq(alen, 5);
	cr_assert_eq(strncmp(b, "67000", blen), 0);
	cr_assert_eq(blen, 5);
	s = "$26 – $31.50";
	cr_assert(value_split_range(s, strlen(s), &alen, &b, &blen));
	cr_assert_eq(strncmp(s, "$26 ", alen), 0);
	cr_assert_eq(strncmp(b, " $31.50", blen), 0);
	s = "5 to 10";
	cr_assert(value_split_range(s, strlen(s), &alen, &b, &blen));
	cr_assert_eq(alen, 1);
	cr_assert_eq(strncmp(b, "10", blen), 0);
	s = "5—10";
	cr_assert(value_split_range(s, strlen(s), &alen, &b, &blen));
	cr_assert_eq(alen, 1);
	/* a dash first or last is no range */
	cr_assert_not(value_split_range("-5", 2, &alen, &b, &blen));
	cr_assert_not(value_split_range("5-", 2, &alen, &b, &blen));
	cr_assert_not(value_split_range("62400", 5, &alen, &b, &blen));
}

/* ---- dates ---- */

Test(value, month_days)
{
	cr_assert_eq(value_month_days(2023, 1), 31);
	cr_assert_eq(value_month_days(2023, 2), 28);
	cr_assert_eq(value_month_days(2024, 2), 29);
	cr_assert_eq(value_month_days(1900, 2), 28);
	cr_assert_eq(value_month_days(2000, 2), 29);
	cr_assert_eq(value_month_days(2023, 4), 30);
	cr_assert_eq(value_month_days(2023, 12), 31);
}

Test(value, date)
{
	cr_assert_eq(date("2025-03-31"), 20250331);
	cr_assert_eq(date("2024-02-29"), 20240229);
	cr_assert_eq(date("2025-03-31T17:00:00Z"), 20250331);
	cr_assert_eq(date("2025-03-31t17:00"), 20250331);
	cr_assert_eq(date("2025-03-31 17:00"), 20250331);
	cr_assert_eq(date("2023-02-29"), -1);
	cr_assert_eq(date("2025-04-31"), -1);
	cr_assert_eq(date("2025-13-01"), -1);
	cr_assert_eq(date("2025-00-10"), -1);
	cr_assert_eq(date("0000-01-01"), -1);
	cr_assert_eq(date("2025-3-31"), -1);
	cr_assert_eq(date("2025/03/31"), -1);
	cr_assert_eq(date("2025-03-31x"), -1);
	cr_assert_eq(date("2025-03"), -1);
	cr_assert_eq(date("rolling"), -1);
	cr_assert_eq(date(""), -1);
}

Test(value, date_range)
{
	int32_t lo = 0, hi = 0;
	cr_assert_eq(value_date_range("2025", 4, &lo, &hi), 1);
	cr_assert_eq(lo, 20250101);
	cr_assert_eq(hi, 20251231);
	cr_assert_eq(value_date_range("2024-02", 7, &lo, &hi), 1);
	cr_assert_eq(lo, 20240201);
	cr_assert_eq(hi, 20240229);
	cr_assert_eq(value_date_range("2025-03-31", 10, &lo, &hi), 1);
	cr_assert_eq(lo, 20250331);
	cr_assert_eq(hi, 20250331);
	/* the shape of a date that names none */
	cr_assert_eq(value_date_range("0000", 4, &lo, &hi), -1);
	cr_assert_eq(value_date_range("2025-13", 7, &lo, &hi), -1);
	cr_assert_eq(value_date_range("2025-02-30", 10, &lo, &hi), -1);
	/* not a date's shape */
	cr_assert_eq(value_date_range("2025-3", 6, &lo, &hi), 0);
	cr_assert_eq(value_date_range("2025/03", 7, &lo, &hi), 0);
	cr_assert_eq(value_date_range("2025-03-31T10", 13, &lo, &hi), 0);
	cr_assert_eq(value_date_range("today", 5, &lo, &hi), 0);
	cr_assert_eq(value_date_range("", 0, &lo, &hi), 0);
}

/* ---- periods ---- */

Test(value, periods)
{
	static const struct {
		enum period p;
		double per_year;
		const char *name, *suffix, *phrase;
	} t[] = {
		{PERIOD_YEAR, 1, "year", "", "a year"},
		{PERIOD_MONTH, 12, "month", "/mo", "a month"},
		{PERIOD_WEEK, 52, "week", "/wk", "a week"},
		{PERIOD_DAY, 260, "day", "/d", "a day"},
		{PERIOD_HOUR, 2080, "hour", "/h", "an hour"},
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		cr_assert_eq(period_per_year(t[i].p), t[i].per_year);
		cr_assert_str_eq(period_name(t[i].p), t[i].name);
		cr_assert_str_eq(period_suffix(t[i].p), t[i].suffix);
		cr_assert_str_eq(period_phrase(t[i].p), t[i].phrase);
		enum period back = PERIOD_YEAR;
		cr_assert(period_parse(t[i].name, &back));
		cr_assert_eq(back, t[i].p);
	}
	enum period p = PERIOD_YEAR;
	cr_assert(period_parse("HOUR", &p));
	cr_assert_eq(p, PERIOD_HOUR);
	cr_assert(period_parse("annually", &p));
	cr_assert_eq(p, PERIOD_YEAR);
	cr_assert(period_parse("Monthly", &p));
	cr_assert_eq(p, PERIOD_MONTH);
	cr_assert(period_parse("h", &p));
	cr_assert_eq(p, PERIOD_HOUR);
	cr_assert_not(period_parse("fortnight", &p));
	cr_assert_not(period_parse("", &p));
	cr_assert_not(period_parse("years", &p));
}
