/* SPDX-License-Identifier: MIT */
/* Tests of deadline.h: today, the closing-soon days, days between dates
 * and the words the detail and compare say. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>

#include "deadline.h"

static void
reset(void)
{
	deadline_set_today(0);
	deadline_set_closing_days(DEADLINE_CLOSING_DAYS);
}

TestSuite(deadline, .init = reset, .fini = reset);

Test(deadline, days_between_and_after)
{
	cr_assert_eq(deadline_days_between(20261207, 20261207), 0);
	cr_assert_eq(deadline_days_between(20261207, 20261214), 7);
	cr_assert_eq(deadline_days_between(20261214, 20261207), -7);
	cr_assert_eq(deadline_days_between(20261228, 20270104), 7);
	cr_assert_eq(deadline_days_between(20240228, 20240301), 2); /* leap */
	cr_assert_eq(deadline_days_between(20250228, 20250301), 1);
	cr_assert_eq(deadline_days_between(20000101, 20010101), 366);
	cr_assert_eq(deadline_days_between(21000101, 21010101), 365);
	cr_assert_eq(deadline_add_days(20261228, 7), 20270104);
	cr_assert_eq(deadline_add_days(20240225, 7), 20240303);
	cr_assert_eq(deadline_add_days(20240301, -1), 20240229);
	cr_assert_eq(deadline_add_days(20261207, 0), 20261207);
	cr_assert_eq(deadline_add_days(20261207, 365), 20271207);
	for (int32_t d = 19991220, i = 0; i < 900; i++) {
		int32_t next = deadline_add_days(d, 1);
		cr_assert_eq(deadline_days_between(d, next), 1, "%d", d);
		cr_assert_eq(deadline_add_days(next, -1), d, "%d", d);
		d = next;
	}
}

/* The words and the description of a deadline on today. */
static char *
words(int32_t ymd, const char *text, int32_t today, bool describe)
{
	static char out[128];
	struct when w = { ymd, text };
	struct buf b = {0};
	if (describe)
		deadline_describe(&b, &w, today);
	else
		deadline_words(&b, &w, today);
	snprintf(out, sizeof(out), "%s", b.s ? b.s : "");
	buf_free(&b);
	return out;
}

Test(deadline, states_at_the_edges)
{
	long days;
	struct when w = { 20261207, "2026-12-07" };
	cr_assert_eq(deadline_when(&w, 20261207, &days), DL_CLOSING);
	cr_assert_eq(days, 0);
	cr_assert_eq(deadline_when(&w, 20261208, &days), DL_CLOSED);
	cr_assert_eq(days, -1);
	cr_assert_eq(deadline_when(&w, 20261130, &days), DL_CLOSING);
	cr_assert_eq(days, 7);
	cr_assert_eq(deadline_when(&w, 20261129, &days), DL_OPEN);
	cr_assert_eq(days, 8);
	struct when text = { 0, "rolling" }, none = { 0, NULL };
	cr_assert_eq(deadline_when(&text, 20261207, &days), DL_NONE);
	cr_assert_eq(days, 0);
	cr_assert_eq(deadline_when(&none, 20261207, NULL), DL_NONE);
	/* the apply deadline counts when the posting gives none */
	struct posting p = { .id = "p", .title = "p",
	                     .apply = { .deadline = { 20261206, NULL } } };
	cr_assert_eq(deadline_of(&p, 20261207, &days), DL_CLOSED);
	cr_assert_eq(days, -1);
	p.deadline = (struct when){ 0, "open until filled" };
	cr_assert_eq(deadline_of(&p, 20261207, NULL), DL_NONE);
	cr_assert(deadline_set_closing_days(1));
	cr_assert_eq(deadline_when(&w, 20261205, NULL), DL_OPEN);
	cr_assert_eq(deadline_when(&w, 20261206, NULL), DL_CLOSING);
}

Test(deadline, words)
{
	cr_assert_str_eq(words(20261207, NULL, 20261207, false), "closes today");
	cr_assert_str_eq(words(20261208, NULL, 20261207, false),
	                 "closes tomorrow");
	cr_assert_str_eq(words(20261210, NULL, 20261207, false),
	                 "closes in 3 days");
	cr_assert_str_eq(words(20261214, NULL, 20261207, false),
	                 "closes in 7 days");
	cr_assert_str_eq(words(20261215, NULL, 20261207, false), "");
	cr_assert_str_eq(words(20261206, NULL, 20261207, false),
	                 "closed yesterday");
	cr_assert_str_eq(words(20261204, NULL, 20261207, false),
	                 "closed 3 days ago");
	cr_assert_str_eq(words(20261107, NULL, 20261207, false),
	                 "closed 30 days ago");
	cr_assert_str_eq(words(20261106, NULL, 20261207, false),
	                 "closed on 2026-11-06");
	cr_assert_str_eq(words(0, "rolling", 20261207, false), "");
}

Test(deadline, describe)
{
	cr_assert_str_eq(words(20261204, "2026-12-04", 20261207, true),
	                 "2026-12-04 — closed 3 days ago");
	cr_assert_str_eq(words(20261210, "2026-12-10T23:59", 20261207, true),
	                 "2026-12-10T23:59 — closes in 3 days");
	/* the date said once */
	cr_assert_str_eq(words(20261130, "2026-11-30", 20261231, true),
	                 "closed on 2026-11-30");
	cr_assert_str_eq(words(20261130, "2026-11-30T12:00", 20261231, true),
	                 "2026-11-30T12:00 — closed on 2026-11-30");
	cr_assert_str_eq(words(20261220, "2026-12-20", 20261207, true),
	                 "2026-12-20");
	cr_assert_str_eq(words(0, "Open until filled", 20261207, true),
	                 "Open until filled");
	cr_assert_str_eq(words(0, NULL, 20261207, true), "");
}

Test(deadline, today_fixed_or_local)
{
	int32_t local = deadline_date_at(time(NULL));
	cr_assert_gt(local, 19700101);
	int32_t t = deadline_today();
	/* the local date (unless midnight passed between the two) */
	cr_assert(t == local || t == deadline_add_days(local, 1));
	deadline_set_today(20261207);
	cr_assert_eq(deadline_today(), 20261207);
	deadline_set_today(0);
	cr_assert_geq(deadline_today(), local);
	/* the date of a moment, in the local time zone */
	setenv("TZ", "UTC0", 1);
	tzset();
	cr_assert_eq(deadline_date_at(1796601600), 20261207); /* 00:00 UTC */
	cr_assert_eq(deadline_date_at(1796601599), 20261206);
	setenv("TZ", "XYZ-14", 1); /* 14 hours ahead of UTC */
	tzset();
	cr_assert_eq(deadline_date_at(1796601599), 20261207);
	unsetenv("TZ");
	tzset();
}

Test(deadline, parse)
{
	int32_t d = 0;
	cr_assert_eq(deadline_parse("2026-12-07", &d), 1);
	cr_assert_eq(d, 20261207);
	cr_assert_eq(deadline_parse("2024-02-29", &d), 1);
	cr_assert_eq(deadline_parse("2026-02-29", &d), -1);
	cr_assert_eq(deadline_parse("2026-13-01", &d), -1);
	cr_assert_eq(deadline_parse("2026-12", &d), 0);
	cr_assert_eq(deadline_parse("2026", &d), 0);
	cr_assert_eq(deadline_parse("tomorrow", &d), 0);
	cr_assert_eq(deadline_parse("", &d), 0);
	cr_assert_eq(deadline_parse("2026-12-07x", &d), 0);
	cr_assert_eq(deadline_parse("2026/12/07", &d), 0);
}

Test(deadline, span_words)
{
	struct buf b = {0};
	deadline_span_words(&b);
	cr_assert_str_eq(b.s, "this week");
	buf_clear(&b);
	deadline_set_closing_days(0);
	deadline_span_words(&b);
	cr_assert_str_eq(b.s, "today");
	buf_clear(&b);
	deadline_set_closing_days(1);
	deadline_span_words(&b);
	cr_assert_str_eq(b.s, "by tomorrow");
	buf_clear(&b);
	deadline_set_closing_days(14);
	deadline_span_words(&b);
	cr_assert_str_eq(b.s, "within 14 days");
	buf_free(&b);
}
