/* SPDX-License-Identifier: MIT */
/* deadline: the day taken as today (fixed by --today, else the local
 * date, read again once a minute), the closing-soon days, and how a
 * deadline stands on a day, in words. */
#include "deadline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "value.h"

static int32_t fixed_today;    /* deadline_set_today's date, or 0 */
static int32_t local_today;    /* the local date last read */
static time_t local_minute = -1; /* the minute it was read in */
static int closing_days = DEADLINE_CLOSING_DAYS;

void
deadline_set_today(int32_t ymd)
{
	fixed_today = ymd;
}

int32_t
deadline_date_at(time_t t)
{
	struct tm tm;
	if (!localtime_r(&t, &tm))
		return 0;
	return (tm.tm_year + 1900) * 10000 + (tm.tm_mon + 1) * 100 +
	       tm.tm_mday;
}

int32_t
deadline_today(void)
{
	if (fixed_today)
		return fixed_today;
	time_t now = time(NULL);
	if (now / 60 != local_minute) {
		local_today = deadline_date_at(now);
		local_minute = now / 60;
	}
	return local_today;
}

int
deadline_parse(const char *s, int32_t *ymd)
{
	size_t len = strlen(s);
	int32_t lo, hi;
	/* a year or a month alone is not a day */
	if (len != 10)
		return 0;
	int r = value_date_range(s, len, &lo, &hi);
	if (r == 1)
		*ymd = lo;
	return r;
}

bool
deadline_set_closing_days(int days)
{
	if (days < 0 || days > DEADLINE_CLOSING_MAX)
		return false;
	closing_days = days;
	return true;
}

int
deadline_closing_days(void)
{
	return closing_days;
}

/* Days from 1970-01-01 to y-m-d in the proleptic Gregorian calendar
 * (Howard Hinnant's days_from_civil). */
static long
days_from_civil(long y, long m, long d)
{
	y -= m <= 2;
	long era = (y >= 0 ? y : y - 399) / 400;
	long yoe = y - era * 400;
	long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* days_from_civil of a yyyymmdd. */
static long
day_number(int32_t ymd)
{
	return days_from_civil(ymd / 10000, ymd / 100 % 100, ymd % 100);
}

long
deadline_days_between(int32_t a, int32_t b)
{
	return day_number(b) - day_number(a);
}

int32_t
deadline_add_days(int32_t ymd, long days)
{
	/* civil_from_days, after Howard Hinnant's algorithm */
	long z = day_number(ymd) + days + 719468;
	long era = (z >= 0 ? z : z - 146096) / 146097;
	long doe = z - era * 146097;
	long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long mp = (5 * doy + 2) / 153;
	long d = doy - (153 * mp + 2) / 5 + 1;
	long m = mp < 10 ? mp + 3 : mp - 9;
	long y = yoe + era * 400 + (m <= 2);
	return (int32_t)(y * 10000 + m * 100 + d);
}

enum deadline_state
deadline_when(const struct when *w, int32_t today, long *days)
{
	if (days)
		*days = 0;
	if (!w->ymd || !today)
		return DL_NONE;
	long left = deadline_days_between(today, w->ymd);
	if (days)
		*days = left;
	if (left < 0)
		return DL_CLOSED;
	return left <= closing_days ? DL_CLOSING : DL_OPEN;
}

enum deadline_state
deadline_of(const struct posting *p, int32_t today, long *days)
{
	return deadline_when(posting_deadline(p), today, days);
}

void
deadline_words(struct buf *out, const struct when *w, int32_t today)
{
	long days;
	switch (deadline_when(w, today, &days)) {
	case DL_NONE:
	case DL_OPEN:
		return;
	case DL_CLOSING:
		if (days == 0)
			buf_adds(out, "closes today");
		else if (days == 1)
			buf_adds(out, "closes tomorrow");
		else
			buf_printf(out, "closes in %ld days", days);
		return;
	case DL_CLOSED:
		if (days == -1) {
			buf_adds(out, "closed yesterday");
		} else if (-days <= DEADLINE_RECENT_DAYS) {
			buf_printf(out, "closed %ld days ago", -days);
		} else {
			buf_printf(out, "closed on %04d-%02d-%02d",
			           (int)(w->ymd / 10000), (int)(w->ymd / 100 % 100),
			           (int)(w->ymd % 100));
		}
		return;
	}
}

void
deadline_describe(struct buf *out, const struct when *w, int32_t today)
{
	struct buf words = {0};
	deadline_words(&words, w, today);
	if (!words.len) {
		if (w->text)
			buf_adds(out, w->text);
		return;
	}
	char date[16];
	snprintf(date, sizeof(date), "%04d-%02d-%02d", (int)(w->ymd / 10000),
	         (int)(w->ymd / 100 % 100), (int)(w->ymd % 100));
	/* "closed on 2026-11-30" says the date already */
	bool dated = strstr(words.s, date) != NULL;
	if (!(dated && w->text && !strcmp(w->text, date))) {
		buf_adds(out, w->text ? w->text : date);
		buf_adds(out, " — ");
	}
	buf_add(out, words.s, words.len);
	buf_free(&words);
}

const char *
deadline_flag(enum deadline_state st, bool utf8)
{
	if (st == DL_CLOSING)
		return DEADLINE_FLAG_CLOSING;
	if (st == DL_CLOSED)
		return utf8 ? DEADLINE_FLAG_CLOSED : DEADLINE_FLAG_CLOSED_ASCII;
	return " ";
}

void
deadline_span_words(struct buf *out)
{
	int n = closing_days;
	if (n == 7)
		buf_adds(out, "this week");
	else if (n == 0)
		buf_adds(out, "today");
	else if (n == 1)
		buf_adds(out, "by tomorrow");
	else
		buf_printf(out, "within %d days", n);
}
