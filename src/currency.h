/* SPDX-License-Identifier: MIT */
/* currency: ISO 4217 codes, the user's currency (the one a bare salary
 * figure is in) and the rates the user gives to compare salaries paid in
 * other currencies. No network: a rate is only what the user wrote. */
#ifndef BILLET_CURRENCY_H
#define BILLET_CURRENCY_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "posting.h"

struct catalog; /* catalog.h */

/* The currency a salary is in when neither the posting nor the user
 * says (FORMAT.md's default). */
#define CURRENCY_DEFAULT "USD"

/* What one unit of a currency is worth in the user's currency. */
struct currency_rate {
	char code[4]; /* ISO 4217, upper case */
	double value; /* > 0 */
};

/* A table of rates; v is malloc'd and owned (currency_rates_free). */
struct currency_rates {
	struct currency_rate *v; /* the rates, each code once */
	size_t n;                /* how many */
};

/* Why a rates string did not parse. */
struct currency_error {
	unsigned col;  /* 1-based column, in characters, where it stopped */
	char msg[200]; /* e.g. "unknown currency 'EUX' at column 1" */
};

/* True if s[0..len) is an ISO 4217 code, in any case; its upper-case
 * form goes to out (when not NULL). */
bool currency_valid(const char *s, size_t len, char out[4]);
/* A code as a number, for arrays and comparisons: its three bytes (a
 * code shorter than three is CURRENCY_DEFAULT). */
uint32_t currency_pack(const char *code);
/* The code currency_pack packed, NUL-terminated, into out. */
void currency_unpack(uint32_t k, char out[4]);
/* The currency of a salary: its code, CURRENCY_DEFAULT when it has none. */
const char *currency_of(const struct salary *s);
/* True if amounts in this currency are written with '$' (dollars, and
 * the pesos and reais that write it too). */
bool currency_is_dollar(const char *code);

/* Writes to out the currency most of c's salaries are in (a tie goes to
 * the code first in alphabetical order; CURRENCY_DEFAULT when none has
 * a salary): the user's currency unless they set one. */
void currency_common(const struct catalog *c, char out[4]);

/* Parses rates such as "EUR=1.08 GBP=1.27" (blanks or commas between
 * them; codes in any case): what one unit of each currency is worth in
 * the user's currency. Replaces *out's contents (free it with
 * currency_rates_free); on error returns false, leaves *out empty and
 * fills *err (err may be NULL). A blank string is an empty table. */
bool currency_rates_parse(const char *s, struct currency_rates *out,
                          struct currency_error *err);
/* Frees the table and empties it. */
void currency_rates_free(struct currency_rates *r);
/* What one unit of code is worth in the user's currency: 1 for user
 * itself, else the rate given; false when there is none. */
bool currency_value(const struct currency_rates *r, const char *user,
                    const char *code, double *out);
/* The factor that turns an amount in from into one in to: 1 when they
 * are the same, else by the rates (r may be NULL); false when the rates
 * do not say. */
bool currency_factor(const struct currency_rates *r, const char *user,
                     const char *from, const char *to, double *k);

#endif
