/* SPDX-License-Identifier: MIT */
/* value: amounts, dates and pay periods read from text, as postings and
 * queries write them; shared by every reader, the query language and
 * export (currency codes: currency.h). */
#ifndef BILLET_VALUE_H
#define BILLET_VALUE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* Amounts ---------------------------------------------------------------- */

/* Reads an amount as a posting writes it: 62400, 62,400, $62,400, 62.4k,
 * 1.2M, with a sign before it ($, US$, CA$, A$, €, £, ¥, ₹) and blanks
 * around it; false for anything else, or above 1e12. */
bool value_amount(const char *s, size_t len, double *out);
/* Reads an amount as a query compares it with a yearly salary: 60000,
 * 60,000, 60_000, $60k, €62.5k, 1.2m, or per a period (30/h, 5200/mo,
 * 400/wk, 250/day, 70000/yr) made yearly; exact whenever the result is
 * a whole number. False for anything else. */
bool value_yearly_amount(const char *s, size_t len, double *out);
/* Reads digits from s[*i..len) (with ',' or '_' between two of them when
 * seps is set), then an optional '.' and up to 15 decimals, into a
 * mantissa and a count of decimals (62.5 is 625 and 1), moving *i past
 * them; false when there is no digit. */
bool value_decimal(const char *s, size_t len, size_t *i, bool seps,
                   double *mant, int *decimals);
/* mant / 10^decimals * mult, exact whenever the result is a whole
 * number. */
double value_scaled(double mant, int decimals, double mult);
/* Splits "a-b", "a – b", "a — b", "a to b" into its two ends (the first
 * of them at s, alen bytes); false when there is no dash or "to". */
bool value_split_range(const char *s, size_t len, size_t *alen,
                       const char **b, size_t *blen);

/* Dates ------------------------------------------------------------------ */

/* Days in month m (1-12) of year y. */
int value_month_days(int y, int m);
/* Reads a NUL-terminated YYYY-MM-DD (a time after 'T', 't' or ' ' may
 * follow) into yyyymmdd; false when it is not a real date. */
bool value_date(const char *s, int32_t *ymd);
/* Reads exactly YYYY, YYYY-MM or YYYY-MM-DD into the first and last day
 * it names (yyyymmdd); 1 when read, 0 when s is not a date's shape, -1
 * when it is but names no such date. */
int value_date_range(const char *s, size_t len, int32_t *lo, int32_t *hi);

/* Pay periods ------------------------------------------------------------ */

/* The pay period of a salary. */
enum period {
	PERIOD_YEAR = 0, PERIOD_MONTH, PERIOD_WEEK, PERIOD_DAY, PERIOD_HOUR,
};

/* Multiplier from a period to a year: hour 2080, day 260, week 52, month 12. */
double period_per_year(enum period p);
/* The name of a period: "year", "month", "week", "day", "hour". */
const char *period_name(enum period p);
/* The compact suffix after an amount: "", "/mo", "/wk", "/d", "/h". */
const char *period_suffix(enum period p);
/* The words after an amount: "a year", "a month", ..., "an hour". */
const char *period_phrase(enum period p);
/* Reads "year", "yearly", "annual", "hour", "HOUR", ...; false if unknown. */
bool period_parse(const char *s, enum period *out);

#endif
