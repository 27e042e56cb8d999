/* SPDX-License-Identifier: MIT */
/* deadline: what day it is, and how near a posting's deadline is (closed,
 * closing soon, open), in words. No curses here. */
#ifndef BILLET_DEADLINE_H
#define BILLET_DEADLINE_H

#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include "posting.h"
#include "text.h"

/* The list's flag of a deadline closing soon, and of one closed (UTF-8,
 * then ASCII). */
#define DEADLINE_FLAG_CLOSING "!"
#define DEADLINE_FLAG_CLOSED "\xc3\x97"
#define DEADLINE_FLAG_CLOSED_ASCII "X"
/* The closing-soon days unless set: a deadline within this many days of
 * today (today included) is closing. */
#define DEADLINE_CLOSING_DAYS 7
/* The most closing-soon days deadline_set_closing_days takes. */
#define DEADLINE_CLOSING_MAX 365
/* Closed for at most this many days, a deadline is said as "closed 3 days
 * ago"; longer ago, as "closed on 2026-11-30". */
#define DEADLINE_RECENT_DAYS 30

/* How a deadline stands on a given day. */
enum deadline_state {
	DL_NONE,    /* no deadline, or one given as text (rolling, open
	             * until filled): never closed */
	DL_OPEN,    /* a date further off than the closing-soon days */
	DL_CLOSING, /* a date from today to today + the closing-soon days */
	DL_CLOSED,  /* a date before today */
};

/* Fixes the date taken as today (yyyymmdd) for everything that asks
 * deadline_today(); 0: the local date again. */
void deadline_set_today(int32_t ymd);
/* Today as yyyymmdd: the date fixed by deadline_set_today, else the local
 * date, read again once a minute so a long session rolls over at
 * midnight (a call costs a time() otherwise). */
int32_t deadline_today(void);
/* The local date (yyyymmdd) at the time t; 0 when it cannot be told. */
int32_t deadline_date_at(time_t t);
/* Reads a date as --today and BILLET_TODAY take it: exactly YYYY-MM-DD, a
 * real date. 1 when read, 0 when not a date's shape, -1 when it is but
 * names no such day. */
int deadline_parse(const char *s, int32_t *ymd);

/* Sets the closing-soon days (0 to DEADLINE_CLOSING_MAX); false, and
 * nothing changed, when out of range. */
bool deadline_set_closing_days(int days);
/* The closing-soon days in force (DEADLINE_CLOSING_DAYS unless set). */
int deadline_closing_days(void);

/* Days from a to b (both yyyymmdd, real dates): b - a. */
long deadline_days_between(int32_t a, int32_t b);
/* The day (yyyymmdd) days after ymd (a real date); before it when days
 * is negative. */
int32_t deadline_add_days(int32_t ymd, long days);
/* How the deadline w stands on today (yyyymmdd) with the closing-soon days
 * in force; *days (may be NULL) gets the days left, negative when it
 * closed that many days ago, 0 for DL_NONE. */
enum deadline_state deadline_when(const struct when *w, int32_t today,
                                  long *days);
/* The same for the deadline that counts for p (posting_deadline). */
enum deadline_state deadline_of(const struct posting *p, int32_t today,
                                long *days);
/* Appends how the deadline w stands on today in words, nothing for
 * DL_NONE and DL_OPEN: "closes today", "closes tomorrow", "closes in 3
 * days", "closed yesterday", "closed 3 days ago", "closed on 2026-11-30"
 * (past DEADLINE_RECENT_DAYS). */
void deadline_words(struct buf *out, const struct when *w, int32_t today);
/* Appends the deadline w as the detail and compare show it: its text as
 * written, then " — " and deadline_words when it is closed or closing;
 * for one closed long ago whose text is the date itself, the words alone
 * ("closed on 2026-11-30"). */
void deadline_describe(struct buf *out, const struct when *w, int32_t today);
/* The flag of a deadline in a list, one column: "!" closing soon, "×"
 * closed ("X" when utf8 is false), " " otherwise. */
const char *deadline_flag(enum deadline_state st, bool utf8);
/* Appends when the closing-soon days in force end, for a count of what
 * closes then: "this week" (7), "today" (0), "by tomorrow" (1), else
 * "within N days". */
void deadline_span_words(struct buf *out);

#endif
