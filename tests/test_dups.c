/* SPDX-License-Identifier: MIT */
/* The same job loaded from two sources: recognised by its URL, its
 * identifier and organization, or its title, organization and location;
 * look-alikes (another location, another organization, another title,
 * two postings of one file) kept apart; its state made one (both notes,
 * both histories, a mark either had, the higher rating, the earlier
 * follow-up), under failed writes too, and undo left alone. */
#include <criterion/criterion.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "catalog.h"
#include "day.h"
#include "dups.h"
#include "load.h"
#include "query.h"
#include "state.h"
#include "testlib.h"

static char dir[64];
static char path[128];
static struct atomic_io real_aio;
static struct catalog c;

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
	strcpy(dir, "/tmp/billet-dups-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/state.yaml", dir);
	day_set_today(20260301);
	catalog_init(&c);
}

static void
teardown(void)
{
	atomic_io = real_aio;
	day_set_today(0);
	catalog_free(&c);
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

TestSuite(dups, .init = setup, .fini = teardown, .timeout = 60);

static void
load(const char *name, const char *yaml)
{
	cr_assert_gt(load_buffer(&c, name, yaml, strlen(yaml), NULL), 0);
}

/* The posting of file name whose title is title. */
static struct posting *
find(const char *name, const char *title)
{
	for (size_t i = 0; i < c.n; i++)
		if (!strcmp(c.v[i]->file, name) &&
		    !strcmp(c.v[i]->title, title))
			return c.v[i];
	cr_assert_fail("no %s in %s", title, name);
	return NULL;
}

/* ---- recognition ---- */

Test(dups, the_same_url_from_two_files)
{
	load("a/jobs.yml", "title: Data Engineer\norganization: Acme\n"
	     "location: Berlin\nsource: https://acme.example/jobs/42\n");
	load("b/board.yml", "title: Data  engineer\n"
	     "source: HTTPS://ACME.example/jobs/42/\n");
	cr_assert_eq(dups_find(&c), 1);
	struct posting *a = find("a/jobs.yml", "Data Engineer");
	struct posting *b = find("b/board.yml", "Data  engineer");
	cr_assert_eq(b->dup_of, a, "the later source is shown as the first");
	cr_assert_eq(a->also, b);
	cr_assert_null(a->dup_of);
	cr_assert_eq(dups_count(a), 2);
	cr_assert_eq(dups_count(b), 2);
	cr_assert_eq(dups_shown(b), a);
}

Test(dups, the_same_identifier_and_organization)
{
	/* schema.org postings, from two boards with their own URLs */
	load("a.json", "{\"@context\": \"https://schema.org\", \"@type\": "
	     "\"JobPosting\", \"title\": \"Nurse\", \"identifier\": "
	     "\"R-77\", \"hiringOrganization\": {\"name\": \"St Mary\"}, "
	     "\"url\": \"https://one.example/77\"}");
	load("b.json", "{\"@context\": \"https://schema.org\", \"@type\": "
	     "\"JobPosting\", \"title\": \"Nurse\", \"identifier\": "
	     "\"R-77\", \"hiringOrganization\": {\"name\": \"ST MARY\"}, "
	     "\"url\": \"https://two.example/jobs?id=77\"}");
	cr_assert_not_null(find("a.json", "Nurse")->identifier);
	cr_assert_eq(dups_find(&c), 1);
	cr_assert_eq(find("b.json", "Nurse")->dup_of, find("a.json", "Nurse"));
}

Test(dups, the_same_title_organization_and_location)
{
	load("one.yml", "title: Cook\norganization: Diner\nlocation: Porto\n");
	load("two.yml", "title: cook\norganization: diner\nlocation: porto\n"
	     "salary: 1200\n");
	load("three.yml", "title: Cook\norganization: Diner\n"
	     "location: Porto\n");
	cr_assert_eq(dups_find(&c), 2, "three sources, shown once");
	struct posting *one = find("one.yml", "Cook");
	cr_assert_eq(find("two.yml", "cook")->dup_of, one);
	cr_assert_eq(find("three.yml", "Cook")->dup_of, one);
	cr_assert_eq(dups_count(one), 3);
	/* found again from nothing: the same answer */
	cr_assert_eq(dups_find(&c), 2);
	cr_assert_eq(dups_count(one), 3);
}

Test(dups, look_alikes_stay_apart)
{
	/* another location, another organization, another title: with
	 * the same URL even (a careers page given for several jobs) */
	load("a.yml", "title: Designer\norganization: Acme\nlocation: Berlin\n"
	     "source: https://acme.example/careers\n---\n"
	     "title: Clerk\norganization: Acme\nlocation: Berlin\n"
	     "source: https://acme.example/careers\n---\n"
	     "title: Driver\norganization: Acme\nidentifier: 9\n");
	load("b.yml", "title: Designer\norganization: Acme\nlocation: Munich\n"
	     "source: https://acme.example/careers\n---\n"
	     "title: Clerk\norganization: Acme Holding\nlocation: Berlin\n"
	     "source: https://acme.example/careers\n---\n"
	     "title: Driver\norganization: Zenith\nidentifier: 9\n");
	cr_assert_eq(dups_find(&c), 0);
	for (size_t i = 0; i < c.n; i++) {
		cr_assert_null(c.v[i]->dup_of, "%s", c.v[i]->title);
		cr_assert_null(c.v[i]->also, "%s", c.v[i]->title);
	}
}

Test(dups, twins_of_one_file_stay_two)
{
	/* two openings of one file say the same: two postings (twins),
	 * and a third from another file cannot say which it is */
	load("a.yml", "title: Cashier\norganization: Shop\nlocation: Lyon\n---\n"
	     "title: Cashier\norganization: Shop\nlocation: Lyon\n");
	load("b.yml", "title: Cashier\norganization: Shop\nlocation: Lyon\n");
	cr_assert_eq(dups_find(&c), 0);
	cr_assert_eq(c.n, 3);
}

Test(dups, no_organization_no_content_match)
{
	/* a title alone says too little */
	load("a.yml", "title: Engineer\nlocation: Oslo\n");
	load("b.yml", "title: Engineer\nlocation: Oslo\n");
	cr_assert_eq(dups_find(&c), 0);
}

Test(dups, is_duplicate_in_queries)
{
	load("a.yml", "title: Cook\norganization: Diner\nlocation: Porto\n"
	     "---\ntitle: Baker\norganization: Diner\nlocation: Porto\n");
	load("b.yml", "title: Cook\norganization: Diner\nlocation: Porto\n");
	dups_find(&c);
	struct query_error qe;
	struct query *q = query_parse("is:duplicate", &qe);
	cr_assert_not_null(q);
	cr_assert(query_match(q, find("a.yml", "Cook"), NULL));
	cr_assert_not(query_match(q, find("a.yml", "Baker"), NULL));
	query_free(q);
}

/* ---- the state made one ---- */

static const char two_entries[] =
	"# billet state 2\n"
	"ID1:\n"
	"  marked: true\n"
	"  rating: 2\n"
	"  note: first note\n"
	"  status: applied\n"
	"  history: [interested 2026-01-02, applied 2026-01-10]\n"
	"  follow-up: 2026-02-01\n"
	"ID2:\n"
	"  hidden: true\n"
	"  rating: 4\n"
	"  note: |-\n    second note\n    two lines\n"
	"  status: interviewing\n"
	"  history: [applied 2026-01-10, interviewing 2026-01-20]\n"
	"  follow-up: 2026-01-25\n";

/* Loads a job from two files and writes a state file whose two
 * entries are for its two postings' ids (as an earlier run kept them:
 * they were two). Returns the state open and attached (saved when
 * save). */
static struct state *
two_states(bool save, struct state_attach_report *rep,
           struct state_error *err)
{
	load("a/jobs.yml", "title: Cook\norganization: Diner\n"
	     "location: Porto\n");
	load("b/jobs.yml", "title: Cook\norganization: Diner\n"
	     "location: Porto\n");
	struct posting *a = find("a/jobs.yml", "Cook");
	struct posting *b = find("b/jobs.yml", "Cook");
	struct buf s = {0};
	buf_adds(&s, two_entries);
	char *t = strstr(s.s, "ID1");
	char *u = strstr(s.s, "ID2");
	struct buf out = {0};
	buf_add(&out, s.s, (size_t)(t - s.s));
	buf_adds(&out, a->id);
	buf_add(&out, t + 3, (size_t)(u - t - 3));
	buf_adds(&out, b->id);
	buf_adds(&out, u + 3);
	spew(path, out.s);
	buf_free(&s);
	buf_free(&out);
	struct state *st = state_open(path, err);
	cr_assert(state_writable(st), "%s", err->msg);
	state_attach(st, &c, save, rep, err);
	return st;
}

static void
merged_is(struct state *st)
{
	struct posting *a = find("a/jobs.yml", "Cook");
	struct posting *b = find("b/jobs.yml", "Cook");
	const struct state_entry *e = state_get(st, a->id);
	cr_assert_not_null(e);
	cr_assert(e->marked, "a mark either had");
	cr_assert(e->hidden, "hidden by either");
	cr_assert_eq(e->rating, 4, "the higher rating");
	cr_assert_eq(e->followup, 20260125, "the earlier follow-up");
	cr_assert_eq(e->status, QSTATUS_INTERVIEWING, "the latest change's");
	struct buf h = {0};
	state_history_text(e, &h);
	cr_assert_str_eq(h.s, "interested 2026-01-02, applied 2026-01-10, "
	                 "interviewing 2026-01-20",
	                 "both histories by date, a change both had once");
	buf_free(&h);
	struct buf want = {0};
	buf_printf(&want, "--- from a/jobs.yml (id %s) ---\nfirst note\n"
	           "--- from b/jobs.yml (id %s) ---\nsecond note\ntwo lines",
	           a->id, b->id);
	cr_assert_str_eq(e->note, want.s);
	buf_free(&want);
	const struct state_entry *o = state_get(st, b->id);
	cr_assert(!o || (!o->marked && !o->hidden && !o->rating &&
	                 !o->status && !o->note && !o->nhistory &&
	                 !o->followup), "the other entry records nothing");
}

Test(dups, two_entries_merge_losing_nothing)
{
	struct state_error err;
	struct state_attach_report rep = {0};
	struct state *st = two_states(true, &rep, &err);
	cr_assert_str_empty(err.msg);
	cr_assert_eq(rep.dups, 1);
	cr_assert_eq(rep.merged, 1);
	merged_is(st);
	cr_assert_not(state_unsaved(st));
	state_close(st);
	/* in the file: one entry; read again, the same */
	char *f = slurp(path);
	cr_assert_not_null(strstr(f, "first note"));
	cr_assert_not_null(strstr(f, "second note"));
	cr_assert_null(strstr(f, "~2:"), "%s", f);
	free(f);
	st = state_open(path, &err);
	state_attach(st, &c, true, &rep, &err);
	cr_assert_eq(rep.merged, 0, "merged once");
	merged_is(st);
	state_close(st);
}

Test(dups, a_note_merged_again_is_not_doubled)
{
	struct state_error err;
	struct state *st = two_states(false, NULL, &err);
	merged_is(st);
	/* merged again (a reload): nothing joins twice */
	state_attach(st, &c, false, NULL, &err);
	merged_is(st);
	state_close(st);
}

static ssize_t
no_space(int fd, const void *buf, size_t n)
{
	(void)fd; (void)buf; (void)n;
	errno = ENOSPC;
	return -1;
}

Test(dups, a_failed_write_keeps_both)
{
	atomic_io.write = no_space;
	struct state_error err;
	struct state *st = two_states(true, NULL, &err);
	cr_assert_str_neq(err.msg, "", "the save failed and says so");
	merged_is(st);
	cr_assert(state_unsaved(st));
	/* the file is as it was: both entries */
	char *f = slurp(path);
	cr_assert_not_null(strstr(f, "first note"));
	cr_assert_not_null(strstr(f, "second note"));
	cr_assert_not_null(strstr(f, "~2:"));
	free(f);
	/* the next save writes the merge */
	atomic_io = real_aio;
	cr_assert(state_save(st, &err), "%s", err.msg);
	state_close(st);
	st = state_open(path, &err);
	state_attach(st, &c, false, NULL, &err);
	merged_is(st);
	state_close(st);
}

Test(dups, undo_does_not_split_them)
{
	struct state_error err;
	struct state *st = two_states(true, NULL, &err);
	struct posting *a = find("a/jobs.yml", "Cook");
	cr_assert(state_set_rating(st, a->id, 5, &err), "%s", err.msg);
	char what[256];
	cr_assert_eq(state_undo(st, &c, what, sizeof(what), &err),
	             STATE_UNDO_DONE, "%s", err.msg);
	cr_assert_eq(state_undo(st, &c, what, sizeof(what), &err),
	             STATE_UNDO_NONE, "the merge itself is no step to undo");
	merged_is(st);
	state_close(st);
}
