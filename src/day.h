/* SPDX-License-Identifier: MIT */
/* day: the dates an application's tracking uses (yyyymmdd integers):
 * today, a date as the user gives it (2026-11-03, today, +7, -3), and
 * the days between. No curses here. */
#ifndef BILLET_DAY_H
#define BILLET_DAY_H

#include <stdbool.h>
#include <stdint.h>

/* Today as yyyymmdd: the date fixed by day_set_today, else
 * deadline_today() (--today, $BILLET_TODAY, else the local date). */
int32_t day_today(void);
/* Fixes the date taken as today (yyyymmdd); 0: the local date again. */
void day_set_today(int32_t ymd);
/* True if ymd (yyyymmdd) names a real day. */
bool day_valid(int32_t ymd);
/* The day (yyyymmdd) days after ymd (a real date); before it when days
 * is negative. */
int32_t day_add(int32_t ymd, long days);
/* Reads a date as the user gives it: YYYY-MM-DD, "today", "+N" (N days
 * after today), "-N" (N days before; N up to 36500). 1 when read into
 * *ymd, 0 when it is not a date's shape, -1 when it is but names no such
 * day. */
int day_parse(const char *s, int32_t today, int32_t *ymd);
/* Writes ymd as YYYY-MM-DD into out (11 bytes); "date unknown" does not
 * fit: 0 writes "". */
void day_format(int32_t ymd, char out[11]);

#endif
