/* SPDX-License-Identifier: MIT */
/* An application's history and its follow-up in the state: each status
 * change dated and kept oldest first, a date given for a change made
 * earlier, an older file's status kept with its date unknown, both
 * processes' changes kept by a merge, a failed save losing nothing, undo
 * taking a change out of the history; dates as the user types them; the
 * query's is:due and followup<=DATE. */
#include <criterion/criterion.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "day.h"
#include "posting.h"
#include "query.h"
#include "state.h"
#include "text.h"
#include "testlib.h"

static char dir[64];
static char path[128];
static struct atomic_io real_aio;

static int
rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	return remove(p);
}

static void
setup(void)
{
	real_aio = atomic_io;
	strcpy(dir, "/tmp/billet-track-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/state.yaml", dir);
	day_set_today(20261121);
}

static void
teardown(void)
{
	atomic_io = real_aio;
	day_set_today(0);
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

TestSuite(track, .init = setup, .fini = teardown, .timeout = 60);

static struct state *
open_ok(void)
{
	struct state_error err;
	struct state *st = state_open(path, &err);
	cr_assert(state_writable(st), "%s", err.msg);
	cr_assert_str_empty(err.msg);
	return st;
}

/* The history of id in st in words. */
static char *
history(struct state *st, const char *id)
{
	const struct state_entry *e = state_get(st, id);
	cr_assert_not_null(e, "no entry for %s", id);
	struct buf b = {0};
	state_history_text(e, &b);
	return b.s ? buf_steal(&b) : strdup("");
}

static void
history_is(struct state *st, const char *id, const char *want)
{
	char *h = history(st, id);
	cr_assert_str_eq(h, want);
	free(h);
}

/* ---- dates ---- */

Test(track, dates_as_the_user_types_them)
{
	int32_t d;
	cr_assert_eq(day_parse("2026-11-03", 20261121, &d), 1);
	cr_assert_eq(d, 20261103);
	cr_assert_eq(day_parse("+7", 20261128, &d), 1);
	cr_assert_eq(d, 20261205, "a week on crosses the month");
	cr_assert_eq(day_parse("+1", 20281231, &d), 1);
	cr_assert_eq(d, 20290101);
	cr_assert_eq(day_parse("-1", 20280301, &d), 1);
	cr_assert_eq(d, 20280229, "a leap year");
	cr_assert_eq(day_parse("today", 20261121, &d), 1);
	cr_assert_eq(d, 20261121);
	cr_assert_eq(day_parse("2026-02-30", 20261121, &d), -1);
	cr_assert_eq(day_parse("2026-13-01", 20261121, &d), -1);
	cr_assert_eq(day_parse("2026-1-5", 20261121, &d), 0);
	cr_assert_eq(day_parse("next week", 20261121, &d), 0);
	cr_assert_eq(day_parse("+", 20261121, &d), 0);
	cr_assert_eq(day_parse("+7d", 20261121, &d), 0);
	char s[11];
	day_format(20260105, s);
	cr_assert_str_eq(s, "2026-01-05");
	day_format(0, s);
	cr_assert_str_eq(s, "");
}

/* ---- the history ---- */

Test(track, each_change_is_dated_and_kept_oldest_first)
{
	struct state *st = open_ok();
	struct state_error err;
	day_set_today(20261103);
	cr_assert(state_set_status(st, "a", QSTATUS_APPLIED, &err), "%s",
	          err.msg);
	day_set_today(20261120);
	cr_assert(state_set_status(st, "a", QSTATUS_INTERVIEWING, &err), "%s",
	          err.msg);
	history_is(st, "a", "applied 2026-11-03, interviewing 2026-11-20");
	/* the same status again is no change */
	cr_assert(state_set_status(st, "a", QSTATUS_INTERVIEWING, &err));
	cr_assert_eq(state_get(st, "a")->nhistory, 2);
	state_close(st);

	char *text = slurp(path);
	cr_assert(strstr(text, "  status: interviewing\n"
	                       "  history:\n"
	                       "  - applied 2026-11-03\n"
	                       "  - interviewing 2026-11-20\n"), "%s", text);
	free(text);
	st = open_ok();
	history_is(st, "a", "applied 2026-11-03, interviewing 2026-11-20");
	cr_assert_eq(state_get(st, "a")->status, QSTATUS_INTERVIEWING);
	cr_assert_eq(state_applied_on(state_get(st, "a"), NULL), 20261103);
	state_close(st);
}

Test(track, a_change_made_earlier_takes_its_date)
{
	struct state *st = open_ok();
	struct state_error err;
	cr_assert(state_set_status(st, "a", QSTATUS_INTERVIEWING, &err));
	/* applied before the interview, said after it */
	cr_assert(state_set_status_on(st, "a", QSTATUS_APPLIED, 20261103,
	                              &err), "%s", err.msg);
	history_is(st, "a", "applied 2026-11-03, interviewing 2026-11-21");
	cr_assert_eq(state_get(st, "a")->status, QSTATUS_INTERVIEWING,
	             "the status is the latest change's");
	/* the same status with a date dates its change */
	cr_assert(state_set_status_on(st, "a", QSTATUS_APPLIED, 20261101,
	                              &err), "%s", err.msg);
	history_is(st, "a", "applied 2026-11-01, interviewing 2026-11-21");
	/* never after today */
	cr_assert_not(state_set_status_on(st, "a", QSTATUS_OFFER, 20261122,
	                                  &err));
	cr_assert(err.refused);
	cr_assert(strstr(err.msg, "2026-11-22 is after today"), "%s", err.msg);
	cr_assert_not(state_set_status_on(st, "a", QSTATUS_OFFER, 20261131,
	                                  &err));
	cr_assert(err.refused);
	cr_assert_eq(state_get(st, "a")->status, QSTATUS_INTERVIEWING);
	/* a later change dated today makes the status */
	cr_assert(state_set_status(st, "a", QSTATUS_OFFER, &err));
	history_is(st, "a", "applied 2026-11-01, interviewing 2026-11-21, "
	           "offer 2026-11-21");
	cr_assert_eq(state_get(st, "a")->status, QSTATUS_OFFER);
	state_close(st);
}

/* A file from before the history: it loads as it is, and its status is
 * not given a date it never had. */
Test(track, an_older_status_keeps_its_date_unknown)
{
	const char *old = "old-a:\n  status: applied\n  note: called them\n"
	                  "old-b:\n  marked: true\n";
	spew(path, old);
	struct state *st = open_ok();
	const struct state_entry *e = state_get(st, "old-a");
	cr_assert_eq(e->status, QSTATUS_APPLIED);
	cr_assert_eq(e->nhistory, 0);
	history_is(st, "old-a", "applied (date unknown)");
	bool made = false;
	cr_assert_eq(state_applied_on(e, &made), 0);
	cr_assert(made);
	/* nothing changed: the file is as it was */
	struct state_error err;
	cr_assert(state_save(st, &err), "%s", err.msg);
	char *text = slurp(path);
	cr_assert_str_eq(text, old);
	free(text);
	/* a change keeps the older status, its date still unknown */
	cr_assert(state_set_status(st, "old-a", QSTATUS_REJECTED, &err), "%s",
	          err.msg);
	history_is(st, "old-a",
	           "applied (date unknown), rejected 2026-11-21");
	state_close(st);
	st = open_ok();
	history_is(st, "old-a",
	           "applied (date unknown), rejected 2026-11-21");
	cr_assert_str_eq(state_get(st, "old-a")->note, "called them");
	cr_assert(state_get(st, "old-b")->marked);
	/* and its date can be given later */
	cr_assert(state_set_status_on(st, "old-a", QSTATUS_APPLIED, 20261002,
	                              &err), "%s", err.msg);
	history_is(st, "old-a", "applied 2026-10-02, rejected 2026-11-21");
	cr_assert_eq(state_get(st, "old-a")->status, QSTATUS_REJECTED);
	state_close(st);
}

Test(track, a_history_that_cannot_be_read_is_kept_as_written)
{
	const char *bad = "a:\n  status: applied\n  history:\n"
	                  "  - applied 2026-11-03\n  - sent it 2026-11-04\n"
	                  "b:\n  rating: 2\n";
	spew(path, bad);
	struct state_error err;
	struct state *st = state_open(path, &err);
	cr_assert(state_writable(st));
	cr_assert(strstr(err.msg, "state.yaml:5:5: history: expected a "
	                 "status and its date"), "%s", err.msg);
	cr_assert_not(state_set_status(st, "a", QSTATUS_OFFER, &err));
	cr_assert(err.refused);
	cr_assert(state_set_rating(st, "b", 4, &err), "%s", err.msg);
	state_close(st);
	char *text = slurp(path);
	cr_assert(strstr(text, "  - sent it 2026-11-04\n"), "%s", text);
	free(text);
	/* a follow-up that is no date, the same */
	spew(path, "a:\n  follow-up: soon\n");
	st = state_open(path, &err);
	cr_assert(strstr(err.msg, "state.yaml:2:14: follow-up: expected a "
	                 "date YYYY-MM-DD"), "%s", err.msg);
	state_close(st);
}

/* ---- the follow-up ---- */

Test(track, follow_up_round_trips_and_clears)
{
	struct state *st = open_ok();
	struct state_error err;
	cr_assert(state_set_followup(st, "a", 20261128, &err), "%s", err.msg);
	cr_assert_not(state_set_followup(st, "a", 20261199, &err));
	cr_assert(err.refused);
	state_close(st);
	char *text = slurp(path);
	cr_assert(strstr(text, "a:\n  follow-up: 2026-11-28\n"), "%s", text);
	free(text);
	st = open_ok();
	cr_assert_eq(state_get(st, "a")->followup, 20261128);
	cr_assert(state_set_followup(st, "a", 0, &err), "%s", err.msg);
	state_close(st);
	st = open_ok();
	cr_assert_null(state_get(st, "a"), "nothing left to record");
	state_close(st);
}

/* ---- two processes, failed saves, undo ---- */

Test(track, a_merge_keeps_both_processes_status_changes)
{
	struct state *a = open_ok();
	struct state *b = open_ok();
	struct state_error err;
	day_set_today(20261103);
	cr_assert(state_set_status(a, "x", QSTATUS_APPLIED, &err), "%s",
	          err.msg);
	/* b has not read a's change; its own must not drop it */
	day_set_today(20261110);
	cr_assert(state_set_status(b, "x", QSTATUS_INTERVIEWING, &err), "%s",
	          err.msg);
	cr_assert(state_set_followup(a, "x", 20261201, &err), "%s", err.msg);
	cr_assert(state_refresh(b, &err), "%s", err.msg);
	history_is(b, "x", "applied 2026-11-03, interviewing 2026-11-10");
	cr_assert_eq(state_get(b, "x")->followup, 20261201);
	state_close(a);
	state_close(b);
	struct state *c = open_ok();
	history_is(c, "x", "applied 2026-11-03, interviewing 2026-11-10");
	cr_assert_eq(state_get(c, "x")->status, QSTATUS_INTERVIEWING);
	cr_assert_eq(state_get(c, "x")->followup, 20261201);
	state_close(c);
}

static int calls, fail_at;

static int
bad_rename(const char *from, const char *to)
{
	if (++calls >= fail_at) {
		errno = EIO;
		return -1;
	}
	return rename(from, to);
}

Test(track, a_failed_save_keeps_the_change_and_its_date)
{
	struct state *st = open_ok();
	struct state_error err;
	cr_assert(state_set_status(st, "x", QSTATUS_APPLIED, &err));
	char *before = slurp(path);
	calls = 0;
	fail_at = 1;
	atomic_io.rename = bad_rename;
	day_set_today(20261125);
	cr_assert_not(state_set_status(st, "x", QSTATUS_OFFER, &err));
	cr_assert_not(state_set_followup(st, "x", 20261130, &err));
	char *now = slurp(path);
	cr_assert_str_eq(now, before, "the old file is left");
	free(now);
	/* meanwhile another process changes the posting */
	atomic_io = real_aio;
	struct state *o = open_ok();
	cr_assert(state_set_status_on(o, "x", QSTATUS_INTERVIEWING, 20261122,
	                              &err), "%s", err.msg);
	state_close(o);
	cr_assert(state_save(st, &err), "%s", err.msg);
	state_close(st);
	st = open_ok();
	history_is(st, "x", "applied 2026-11-21, interviewing 2026-11-22, "
	           "offer 2026-11-25");
	cr_assert_eq(state_get(st, "x")->status, QSTATUS_OFFER);
	cr_assert_eq(state_get(st, "x")->followup, 20261130);
	state_close(st);
	free(before);
}

Test(track, undo_takes_the_change_out_of_the_history)
{
	struct state *st = open_ok();
	struct state_error err;
	day_set_today(20261103);
	cr_assert(state_set_status(st, "x", QSTATUS_APPLIED, &err));
	day_set_today(20261120);
	cr_assert(state_set_status(st, "x", QSTATUS_REJECTED, &err));
	cr_assert(state_set_followup(st, "x", 20261127, &err));
	char said[256];
	cr_assert_eq(state_undo(st, NULL, said, sizeof(said), &err),
	             STATE_UNDO_DONE, "%s", said);
	cr_assert(strstr(said, "follow-up of x (was 2026-11-27, now none)"),
	          "%s", said);
	cr_assert_eq(state_undo(st, NULL, said, sizeof(said), &err),
	             STATE_UNDO_DONE, "%s", said);
	cr_assert(strstr(said, "status of x (was rejected, now applied)"),
	          "%s", said);
	history_is(st, "x", "applied 2026-11-03");
	state_close(st);
	st = open_ok();
	history_is(st, "x", "applied 2026-11-03");
	cr_assert_eq(state_get(st, "x")->status, QSTATUS_APPLIED);
	cr_assert_eq(state_get(st, "x")->followup, 0);
	/* a dated change undone gives the old date back */
	cr_assert(state_set_status_on(st, "x", QSTATUS_APPLIED, 20261101,
	                              &err));
	history_is(st, "x", "applied 2026-11-01");
	cr_assert_eq(state_undo(st, NULL, said, sizeof(said), &err),
	             STATE_UNDO_DONE, "%s", said);
	history_is(st, "x", "applied 2026-11-03");
	state_close(st);
}

/* ---- queries ---- */

static bool
matches(const char *q, struct state *st, const char *id, int32_t today)
{
	struct query_error qe;
	struct query *qq = query_parse(q, &qe);
	cr_assert_not_null(qq, "%s: %s", q, qe.msg);
	struct query_env env = {.today = today};
	state_query_env(st, &env);
	struct posting p = {0};
	p.id = id;
	p.title = id;
	p.experience.min_years = p.experience.max_years = -1;
	bool r = query_match(qq, &p, &env);
	query_free(qq);
	return r;
}

Test(track, is_due_and_followup_dates_in_queries)
{
	struct state *st = open_ok();
	struct state_error err;
	cr_assert(state_set_followup(st, "past", 20261115, &err));
	cr_assert(state_set_followup(st, "today", 20261121, &err));
	cr_assert(state_set_followup(st, "later", 20261201, &err));
	cr_assert(state_set_mark(st, "none", true, &err));
	cr_assert(matches("is:due", st, "past", 20261121));
	cr_assert(matches("is:due", st, "today", 20261121));
	cr_assert_not(matches("is:due", st, "later", 20261121));
	cr_assert_not(matches("is:due", st, "none", 20261121));
	cr_assert(matches("-is:due", st, "none", 20261121));
	cr_assert(matches("is:due", st, "later", 20261201), "today moves");
	cr_assert(matches("followup<=2026-11-21", st, "today", 0));
	cr_assert_not(matches("followup<2026-11-21", st, "today", 0));
	cr_assert(matches("followup>2026-11-21", st, "later", 0));
	cr_assert(matches("followup:2026-11", st, "past", 0), "a month");
	cr_assert_not(matches("followup>=2026-01-01", st, "none", 0));
	cr_assert(matches("followup<=today", st, "past", 20261121));
	struct query_error qe;
	cr_assert_null(query_parse("followup<=soon", &qe));
	cr_assert(strstr(qe.msg, "expected a date YYYY-MM-DD after "
	                 "'followup<='"), "%s", qe.msg);
	state_close(st);
}
