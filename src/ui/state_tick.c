/* SPDX-License-Identifier: MIT */
/* state_tick: the state between keys, for the interface: opening it
 * (said at once when it cannot be saved), then after every load the
 * entries matched to the postings, what was read recorded as seen,
 * another billet's changes read in, and at the start what is worth
 * saying (entries that match no posting, an older file upgraded, the
 * follow-ups due, the postings changed since read); the current posting
 * recorded as read once opened or rested on. */
#include "view.h"

#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "index.h"
#include "state.h"


/* How long the cursor rests on a posting, side by side, before it counts
 * as read. */
#define REST_MS 1500

/* What the state tick keeps between calls (there is one interface). */
static struct {
	unsigned seen_generation;   /* 1 + the generation whose load was
	                             * recorded as seen; 0 before the first */
	const struct posting *rest; /* side by side: the posting the cursor
	                             * rests on, or NULL */
	unsigned rest_generation;   /* the generation rest belongs to */
	long long rest_ms;          /* since when it rests there */
	char start_msg[1100];       /* the state's problem, said again once
	                             * the first load is done */
	unsigned ticks;             /* ui_state_tick calls: the first comes
	                             * before the first screen is drawn */
	size_t orphans;             /* entries that matched no posting after
	                             * the load before: a reload says the
	                             * count again only when it grows */
} act;

/* Milliseconds on a monotonic clock. */
static long long
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* The directory part of path ("." when none); malloc'd. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	char *d = slash ? strndup(path, slash == path ? 1 : (size_t)(slash - path))
	                : strdup(".");
	if (!d)
		die_nomem();
	return d;
}

void
ui_state_open(struct ui *ui)
{
	struct state_error err = {0};
	ui->state = state_open(ui->cfg->state, &err);
	/* what was seen and read is read after the first screen */
	state_defer_seen(ui->state);
	state_query_env(ui->state, &ui->env);
	memset(&act, 0, sizeof(act));
	if (!state_writable(ui->state) || err.msg[0]) {
		/* read-only, or entries that cannot be read: said once */
		snprintf(act.start_msg, sizeof(act.start_msg), "%s", err.msg);
	} else {
		/* say at once what every save would say later */
		char *dir = dir_of(state_path(ui->state));
		if (access(dir, W_OK) != 0 && (errno == EACCES || errno == EROFS)) {
			struct buf d = {0};
			text_sanitize(&d, dir, strlen(dir), 0);
			snprintf(act.start_msg, sizeof(act.start_msg),
			         "the state's directory %s is read-only: marks, "
			         "notes and ratings will not be saved",
			         d.s ? d.s : "");
			buf_free(&d);
		}
		free(dir);
	}
	if (act.start_msg[0])
		ui_message(ui, true, "%s", act.start_msg);
}


/* Says why saving failed: err, or, when the state has just become
 * read-only (another program wrote a file that does not parse), that. */
static void
say_failure(struct ui *ui, bool was_writable, const struct state_error *err)
{
	if (state_writable(ui->state))
		ui_message(ui, true, "%s", err->msg);
	else if (was_writable)
		ui_message(ui, true, "%s (the state file is left as it is: "
		           "changes are kept for this run only)",
		           state_problem(ui->state));
}

void
ui_state_tick(struct ui *ui)
{
	struct state *st = ui->state;
	if (!st)
		return;
	bool was_writable = state_writable(st);
	if (act.ticks++ && !state_seen_ready(st)) {
		/* the first screen is drawn: the flags of seen and read
		 * postings fill in */
		struct state_error err = {0};
		if (!state_load_seen(st, &err))
			ui_message(ui, true, "%s", err.msg);
		ui_state_changed(ui, ui_state_shown(ui));
	}
	bool loaded = !ui->loader && act.seen_generation != ui->generation + 1;
	if (loaded) {
		/* a load is done: the entries are matched to what it read
		 * (an older state file upgraded), what it read is seen
		 * (is:new still holds for this run); after r, another
		 * billet's changes come in */
		act.seen_generation = ui->generation + 1;
		struct state_error err = {0};
		struct state_attach_report rep = {0};
		bool ok = true;
		if (ui->generation > 0)
			ok = state_refresh(st, &err);
		if (ok)
			ok = state_attach(st, ui->cat, true, &rep, &err);
		if (rep.renamed) { /* ids exchanged: the index anew */
			index_free(ui->ix);
			ui->ix = NULL;
			ui->nsorted = 0;
			list_load(ui);
		}
		if (ok && state_writable(st))
			ok = state_seen_all(st, ui->cat, &err);
		struct state_error news = {0};
		bool said = ok && state_news(st, &news);
		if (act.start_msg[0]) { /* the cause of any failure here */
			ui_message(ui, true, "%s", act.start_msg);
			act.start_msg[0] = '\0';
		} else if (!ok) {
			say_failure(ui, was_writable, &err);
		} else if (ui->generation > 0 && !said &&
		           rep.orphans > act.orphans) {
			/* files read again left more entries that match
			 * nothing: said after what the reload says */
			ui_message(ui, true, "%s%s%zu state entr%s match%s no "
			           "posting: billet --list --orphans",
			           ui->msg.len ? ui->msg.s : "",
			           ui->msg.len ? "; " : "", rep.orphans,
			           rep.orphans == 1 ? "y" : "ies",
			           rep.orphans == 1 ? "es" : "");
		} else if ((ui->generation == 0 && rep.orphans) || said) {
			/* first, so that they fit: how many entries match
			 * nothing (at the start), an older file carried over
			 * (said once), then what the load says */
			struct buf m = {0};
			if (rep.orphans && !said) /* else the news says it */
				buf_printf(&m, "%zu state entr%s match%s no "
				           "posting: billet --list --orphans; ",
				           rep.orphans,
				           rep.orphans == 1 ? "y" : "ies",
				           rep.orphans == 1 ? "es" : "");
			if (said)
				buf_printf(&m, "%s; ", news.msg);
			if (ui->msg.len)
				buf_add(&m, ui->msg.s, ui->msg.len);
			else
				m.len -= 2; /* the last "; " */
			ui_message(ui, ui->msg_error || said, "%.*s",
			           (int)m.len, m.s);
			buf_free(&m);
		}
		if (ok)
			act.orphans = rep.orphans;
		/* at start: the follow-ups due, first */
		size_t due = ok && ui->generation == 0 ? ui_follow_ups_due(ui)
		                                       : 0;
		if (due)
			ui_message(ui, ui->msg_error, "%zu follow-up%s due "
			           "(/is:due lists %s)%s%s", due,
			           due == 1 ? "" : "s", due == 1 ? "it" : "them",
			           ui->msg.len ? "; " : "",
			           ui->msg.s ? ui->msg.s : "");
		/* and the postings changed since read, before those */
		size_t nch = ok && ui->generation == 0
		             ? state_changed_count(st) : 0;
		if (nch)
			ui_message(ui, ui->msg_error, "%zu changed since read "
			           "(/is:changed lists %s)%s%s", nch,
			           nch == 1 ? "it" : "them",
			           ui->msg.len ? "; " : "",
			           ui->msg.s ? ui->msg.s : "");
		/* the list anew when what it shows may have moved: another
		 * billet's changes, entries carried over or ids exchanged */
		ui_state_changed(ui, ui->generation > 0 || rep.moved ||
		                 rep.renamed || rep.dups);
	}
	/* another process left entries that cannot be read, or an older
	 * state file was upgraded: said once, after what the load said */
	struct state_error news;
	if (state_news(st, &news)) {
		if (loaded && ui->msg.len)
			ui_message(ui, true, "%s; %s", ui->msg.s, news.msg);
		else
			ui_message(ui, true, "%s", news.msg);
	}
	/* read: opened in the detail, or side by side rested on */
	struct posting *p = ui_current(ui);
	bool focused = !ui->too_small && view_top(ui) == ui->detail;
	bool beside = !ui->too_small && ui->npanes == 2 &&
	              ui->pane[1] == ui->detail;
	if (!p || (!focused && !beside)) {
		act.rest = NULL;
		return;
	}
	if (!focused) {
		long long t = now_ms();
		if (p != act.rest || act.rest_generation != ui->generation) {
			act.rest = p;
			act.rest_generation = ui->generation;
			act.rest_ms = t;
			return;
		}
		if (t - act.rest_ms < REST_MS)
			return;
	}
	/* read: kept as read, anew when it changed since (changes.c) */
	if (changes_read(ui, p))
		ui_state_changed(ui, false);
}
