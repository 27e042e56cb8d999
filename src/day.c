/* SPDX-License-Identifier: MIT */
/* day: dates as yyyymmdd integers, today, and the forms a user types. */
#include "day.h"
#include "deadline.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The date fixed as today, or 0. */
static int32_t fixed_today;

void
day_set_today(int32_t ymd)
{
	fixed_today = ymd;
}

int32_t
day_today(void)
{
	if (fixed_today)
		return fixed_today;
	return deadline_today(); /* --today, $BILLET_TODAY, else the clock */
}

/* Days in month m (1-12) of year y. */
static int
month_days(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

bool
day_valid(int32_t ymd)
{
	int y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
	return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 &&
	       d <= month_days(y, m);
}

/* Days since 1970-01-01 of a real date (Howard Hinnant's days_from_civil). */
static long
to_days(int32_t ymd)
{
	long y = ymd / 10000, m = ymd / 100 % 100, d = ymd % 100;
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* The date of days since 1970-01-01 (civil_from_days). */
static int32_t
from_days(long z)
{
	z += 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long y = yoe + era * 400;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp + (mp < 10 ? 3 : -9);
	y += m <= 2;
	return (int32_t)(y * 10000 + m * 100 + d);
}

int32_t
day_add(int32_t ymd, long days)
{
	return from_days(to_days(ymd) + days);
}

int
day_parse(const char *s, int32_t today, int32_t *ymd)
{
	if (!strcmp(s, "today")) {
		*ymd = today;
		return 1;
	}
	if ((s[0] == '+' || s[0] == '-') && s[1] >= '0' && s[1] <= '9') {
		char *end;
		long n = strtol(s + 1, &end, 10);
		if (*end || end - (s + 1) > 6)
			return 0;
		if (n > 36500 || !day_valid(today))
			return -1;
		*ymd = day_add(today, s[0] == '+' ? n : -n);
		return day_valid(*ymd) ? 1 : -1;
	}
	for (int i = 0; i < 10; i++) {
		bool dash = i == 4 || i == 7;
		if (!s[i] || (dash ? s[i] != '-' : s[i] < '0' || s[i] > '9'))
			return 0;
	}
	if (s[10])
		return 0;
	int32_t v = (int32_t)(atoi(s) * 10000 + atoi(s + 5) * 100 +
	                      atoi(s + 8));
	if (!day_valid(v))
		return -1;
	*ymd = v;
	return 1;
}

void
day_format(int32_t ymd, char out[11])
{
	if (!ymd) {
		out[0] = '\0';
		return;
	}
	unsigned y = (unsigned)(ymd / 10000) % 10000u,
	         m = (unsigned)(ymd / 100) % 100u, d = (unsigned)ymd % 100u;
	out[0] = (char)('0' + y / 1000);
	out[1] = (char)('0' + y / 100 % 10);
	out[2] = (char)('0' + y / 10 % 10);
	out[3] = (char)('0' + y % 10);
	out[4] = '-';
	out[5] = (char)('0' + m / 10);
	out[6] = (char)('0' + m % 10);
	out[7] = '-';
	out[8] = (char)('0' + d / 10);
	out[9] = (char)('0' + d % 10);
	out[10] = '\0';
}
