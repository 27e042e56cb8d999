/* SPDX-License-Identifier: MIT */
#include "value.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* True for an ASCII digit. */
static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* True if s[0..len) equals the lowercase word w, ignoring ASCII case. */
static bool
word_is(const char *s, size_t len, const char *w)
{
	size_t i;
	for (i = 0; i < len && w[i]; i++) {
		char c = s[i] >= 'A' && s[i] <= 'Z' ? (char)(s[i] - 'A' + 'a')
		                                    : s[i];
		if (c != w[i])
			return false;
	}
	return i == len && !w[i];
}

/* Amounts ---------------------------------------------------------------- */

bool
value_amount(const char *s, size_t len, double *out)
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

bool
value_decimal(const char *s, size_t len, size_t *i, bool seps, double *mant,
              int *decimals)
{
	double v = 0;
	size_t digits = 0;
	int dec = 0;
	while (*i < len) {
		char c = s[*i];
		if (is_digit(c)) {
			v = v * 10 + (c - '0');
			digits++;
		} else if (!(seps && (c == ',' || c == '_') && digits &&
		             *i + 1 < len && is_digit(s[*i + 1]))) {
			break;
		}
		(*i)++;
	}
	if (*i < len && s[*i] == '.') {
		for ((*i)++; *i < len && is_digit(s[*i]) && dec < 15; (*i)++) {
			v = v * 10 + (s[*i] - '0');
			dec++;
			digits++;
		}
	}
	*mant = v;
	*decimals = dec;
	return digits > 0;
}

double
value_scaled(double mant, int decimals, double mult)
{
	double p = 1;
	while (decimals-- > 0)
		p *= 10;
	return mant * mult / p;
}

bool
value_yearly_amount(const char *s, size_t len, double *out)
{
	size_t i = 0;
	if (i < len && s[i] == '$')
		i++;
	else if (len - i >= 3 && !memcmp(s + i, "\xE2\x82\xAC", 3)) /* € */
		i += 3;
	else if (len - i >= 2 && (!memcmp(s + i, "\xC2\xA3", 2) ||   /* £ */
	                          !memcmp(s + i, "\xC2\xA5", 2)))    /* ¥ */
		i += 2;
	double mant, mult = 1;
	int dec;
	if (!value_decimal(s, len, &i, true, &mant, &dec))
		return false;
	if (i < len && (s[i] == 'k' || s[i] == 'K')) {
		mult = 1e3;
		i++;
	} else if (i < len && (s[i] == 'm' || s[i] == 'M')) {
		mult = 1e6;
		i++;
	}
	if (i < len && s[i] == '/') {
		/* the words a query may write after '/' (period_parse reads
		 * a posting's) */
		static const struct {
			const char *name;
			enum period p;
		} per[] = {
			{ "h", PERIOD_HOUR }, { "hr", PERIOD_HOUR },
			{ "hour", PERIOD_HOUR }, { "hourly", PERIOD_HOUR },
			{ "d", PERIOD_DAY }, { "day", PERIOD_DAY },
			{ "daily", PERIOD_DAY }, { "w", PERIOD_WEEK },
			{ "wk", PERIOD_WEEK }, { "week", PERIOD_WEEK },
			{ "weekly", PERIOD_WEEK }, { "mo", PERIOD_MONTH },
			{ "month", PERIOD_MONTH }, { "monthly", PERIOD_MONTH },
			{ "y", PERIOD_YEAR }, { "yr", PERIOD_YEAR },
			{ "year", PERIOD_YEAR }, { "yearly", PERIOD_YEAR },
			{ "annual", PERIOD_YEAR },
		};
		i++;
		size_t k;
		for (k = 0; k < sizeof(per) / sizeof(per[0]); k++)
			if (word_is(s + i, len - i, per[k].name))
				break;
		if (k == sizeof(per) / sizeof(per[0]))
			return false;
		mult *= period_per_year(per[k].p);
		i = len;
	}
	if (i != len)
		return false;
	*out = value_scaled(mant, dec, mult);
	return true;
}

bool
value_split_range(const char *s, size_t len, size_t *alen, const char **b,
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

/* Dates ------------------------------------------------------------------ */

int
value_month_days(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

bool
value_date(const char *s, int32_t *ymd)
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
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > value_month_days(y, m))
		return false;
	*ymd = y * 10000 + m * 100 + d;
	return true;
}

/* Reads n digits at s into *out; false when one is not a digit. */
static bool
digits_at(const char *s, size_t n, int *out)
{
	int v = 0;
	for (size_t i = 0; i < n; i++) {
		if (!is_digit(s[i]))
			return false;
		v = v * 10 + (s[i] - '0');
	}
	*out = v;
	return true;
}

int
value_date_range(const char *s, size_t len, int32_t *lo, int32_t *hi)
{
	int y, m = 0, d = 0;
	if ((len != 4 && len != 7 && len != 10) || !digits_at(s, 4, &y))
		return 0;
	if (len >= 7 && (s[4] != '-' || !digits_at(s + 5, 2, &m)))
		return 0;
	if (len == 10 && (s[7] != '-' || !digits_at(s + 8, 2, &d)))
		return 0;
	if (len == 4) {
		*lo = y * 10000 + 101;
		*hi = y * 10000 + 1231;
		return y ? 1 : -1;
	}
	if (y == 0 || m < 1 || m > 12)
		return -1;
	if (len == 7) {
		*lo = y * 10000 + m * 100 + 1;
		*hi = y * 10000 + m * 100 + value_month_days(y, m);
		return 1;
	}
	if (d < 1 || d > value_month_days(y, m))
		return -1;
	*lo = *hi = y * 10000 + m * 100 + d;
	return 1;
}

/* Pay periods ------------------------------------------------------------ */

/* Period tables: names, multipliers to a year, compact and long suffixes. */
static const struct {
	const char *name;
	double per_year;
	const char *compact;
	const char *phrase;
} periods[] = {
	[PERIOD_YEAR] = {"year", 1, "", "a year"},
	[PERIOD_MONTH] = {"month", 12, "/mo", "a month"},
	[PERIOD_WEEK] = {"week", 52, "/wk", "a week"},
	[PERIOD_DAY] = {"day", 260, "/d", "a day"},
	[PERIOD_HOUR] = {"hour", 2080, "/h", "an hour"},
};

double
period_per_year(enum period p)
{
	return periods[p].per_year;
}

const char *
period_name(enum period p)
{
	return periods[p].name;
}

const char *
period_suffix(enum period p)
{
	return periods[p].compact;
}

const char *
period_phrase(enum period p)
{
	return periods[p].phrase;
}

bool
period_parse(const char *s, enum period *out)
{
	static const struct {
		const char *word;
		enum period p;
	} words[] = {
		{"year", PERIOD_YEAR}, {"yearly", PERIOD_YEAR},
		{"annual", PERIOD_YEAR}, {"annually", PERIOD_YEAR},
		{"yr", PERIOD_YEAR}, {"month", PERIOD_MONTH},
		{"monthly", PERIOD_MONTH}, {"mo", PERIOD_MONTH},
		{"week", PERIOD_WEEK}, {"weekly", PERIOD_WEEK},
		{"wk", PERIOD_WEEK}, {"day", PERIOD_DAY}, {"daily", PERIOD_DAY},
		{"hour", PERIOD_HOUR}, {"hourly", PERIOD_HOUR},
		{"hr", PERIOD_HOUR}, {"h", PERIOD_HOUR},
	};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (strcasecmp(s, words[i].word) == 0) {
			*out = words[i].p;
			return true;
		}
	}
	return false;
}
