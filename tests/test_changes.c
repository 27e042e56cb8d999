/* SPDX-License-Identifier: MIT */
/* Postings that changed since they were read: what counts as a change
 * (a salary raised, a deadline moved, a bullet added or removed) and
 * what does not (a text wrapped anew, keys in another order, another
 * bullet marker), the state's answer (state_is_changed, is:changed, the
 * count), reading again clearing it, and the posting as read kept and
 * read back. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "canonical.h"
#include "catalog.h"
#include "load.h"
#include "query.h"
#include "snapshot.h"
#include "state.h"

static char dir[64];
static char path[128];

static void
setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/billet-changes-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/state.yaml", dir);
}

static void
teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(changes, .init = setup, .fini = teardown);

/* A posting loaded from text, in c. */
static struct posting *
posting_of(struct catalog *c, const char *text)
{
	size_t before = c->n;
	load_buffer(c, "p.yaml", text, strlen(text), NULL);
	cr_assert_eq(c->nerrors, 0, "%s", text);
	cr_assert_eq(c->n, before + 1, "%s", text);
	return c->v[before];
}

/* The fingerprint of the posting text says. */
static uint64_t
fp_of(const char *text)
{
	struct catalog c;
	catalog_init(&c);
	uint64_t fp = snapshot_fingerprint(posting_of(&c, text));
	catalog_free(&c);
	return fp;
}

static const char base[] =
	"id: organizer\n"
	"title: Tenant Organizer\n"
	"organization: Eastside Tenants Union\n"
	"salary: {min: 50000, max: 55000}\n"
	"deadline: 2026-03-01\n"
	"summary: |\n"
	"  We organize tenants across the east side, building by\n"
	"  building, and win repairs.\n"
	"\n"
	"  You will knock on doors.\n"
	"responsibilities:\n"
	"  - Door knocking\n"
	"  - Running meetings\n"
	"languages: [Spanish]\n"
	"board_extra:\n"
	"  source: union hall\n"
	"  posted_by: Ana\n"
	"team: field\n";

/* What a person reads as another posting: each changes the fingerprint. */
Test(changes, what_a_posting_says_anew_changes_its_fingerprint)
{
	uint64_t was = fp_of(base);
	static const struct {
		const char *from, *to, *what;
	} edits[] = {
		{"max: 55000", "max: 58000", "salary raised"},
		{"deadline: 2026-03-01", "deadline: 2026-03-15",
		 "deadline moved"},
		{"  - Running meetings\n",
		 "  - Running meetings\n  - Training leaders\n",
		 "bullet added"},
		{"  - Door knocking\n", "", "bullet removed"},
		{"win repairs.", "win rent cuts.", "a word of the summary"},
		{"posted_by: Ana", "posted_by: Bo", "a kept key's value"},
	};
	for (size_t i = 0; i < sizeof(edits) / sizeof(*edits); i++) {
		char text[1024];
		const char *at = strstr(base, edits[i].from);
		cr_assert_not_null(at, "%s", edits[i].what);
		snprintf(text, sizeof(text), "%.*s%s%s", (int)(at - base),
		         base, edits[i].to, at + strlen(edits[i].from));
		cr_assert_neq(fp_of(text), was, "%s", edits[i].what);
	}
}

/* What only the file's way of writing it changes: the same fingerprint. */
Test(changes, a_file_written_anew_saying_the_same_keeps_it)
{
	uint64_t was = fp_of(base);
	static const char rewrapped[] =
		"team: field\n"
		"board_extra: {posted_by: Ana, source: union hall}\n"
		"languages:\n  - Spanish\n"
		"responsibilities:\n"
		"  - \"Door knocking   \"\n"
		"  - \"Running   meetings\"\n"
		"summary: >-\n"
		"  We organize tenants across the east side,\n"
		"  building by building, and win repairs.\n"
		"\n\n"
		"  You will knock\n"
		"  on doors.\n"
		"deadline: 2026-03-01\n"
		"salary:\n  max: 55000\n  min: 50000\n"
		"organization: Eastside Tenants Union\n"
		"title: \"Tenant  Organizer\"\n"
		"id: organizer\n";
	cr_assert_eq(fp_of(rewrapped), was,
	             "wrapped anew, keys in another order");
	/* the same, as the summary's paragraphs written on long lines */
	char text[1024];
	const char *at = strstr(base, "summary: |\n");
	const char *end = strstr(base, "responsibilities:");
	snprintf(text, sizeof(text), "%.*ssummary: \"We organize tenants "
	         "across the east side, building by building, and win "
	         "repairs.\\n\\nYou will knock on doors.\"\n%s",
	         (int)(at - base), base, end);
	cr_assert_eq(fp_of(text), was, "one line a paragraph");
	/* but paragraphs run together are not the same text */
	snprintf(text, sizeof(text), "%.*ssummary: \"We organize tenants "
	         "across the east side, building by building, and win "
	         "repairs. You will knock on doors.\"\n%s",
	         (int)(at - base), base, end);
	cr_assert_neq(fp_of(text), was, "two paragraphs made one");
}

/* The canonical copy leaves the posting itself as it was. */
Test(changes, the_canonical_copy_leaves_the_posting_alone)
{
	struct catalog c;
	catalog_init(&c);
	struct posting *p = posting_of(&c, base);
	char *summary = strdup(p->summary);
	const char *first = p->extra[0].key;
	struct arena a = {0};
	struct posting q;
	canonical_posting(p, &a, &q);
	cr_assert_str_eq(p->summary, summary);
	cr_assert_str_eq(p->extra[0].key, first);
	cr_assert_str_eq(q.extra[0].key, "board_extra");
	cr_assert_str_eq(q.summary, "We organize tenants across the east "
	                 "side, building by building, and win repairs.\n"
	                 "You will knock on doors.");
	cr_assert_str_eq(q.responsibilities.v[1], "Running meetings");
	arena_free(&a);
	free(summary);
	catalog_free(&c);
}

/* Writes text to dir/jobs.yaml. */
static void
put(const char *text)
{
	char p[160];
	snprintf(p, sizeof(p), "%s/jobs.yaml", dir);
	FILE *f = fopen(p, "w");
	cr_assert_not_null(f);
	fputs(text, f);
	fclose(f);
}

/* Loads dir/jobs.yaml into c (anew) and opens the state attached to it. */
static struct state *
open_on(struct catalog *c)
{
	catalog_free(c);
	catalog_init(c);
	char p[160];
	snprintf(p, sizeof(p), "%s/jobs.yaml", dir);
	load_path(c, p, NULL);
	cr_assert_eq(c->nerrors, 0);
	struct state_error err;
	struct state *st = state_open(path, &err);
	cr_assert(state_writable(st), "%s", err.msg);
	cr_assert(state_attach(st, c, true, NULL, &err), "%s", err.msg);
	return st;
}

/* How many postings of c the query matches, with st's hooks. */
static size_t
matching(struct state *st, const struct catalog *c, const char *text)
{
	struct query_env env = {0};
	state_query_env(st, &env);
	struct query *q = query_parse(text, NULL);
	cr_assert_not_null(q, "%s", text);
	size_t n = 0;
	for (size_t i = 0; i < c->n; i++)
		n += query_match(q, c->v[i], &env);
	query_free(q);
	return n;
}

static const char other[] =
	"---\nid: driver\ntitle: Van Driver\norganization: Food Bank\n"
	"salary: 40000\n";

/* Read in one run; in the next the file says another salary: changed,
 * found by is:changed and counted, the posting as read kept; reading it
 * again clears it, in this run and the next. */
Test(changes, a_posting_read_then_changed_is_flagged_until_read_again)
{
	char text[2048];
	snprintf(text, sizeof(text), "%s%s", base, other);
	put(text);
	struct catalog c;
	catalog_init(&c);
	struct state *st = open_on(&c);
	struct state_error err;
	const struct posting *org = catalog_find(&c, "organizer");
	cr_assert(state_keep_read(st, org, &err), "%s", err.msg);
	cr_assert(state_is_read(st, "organizer"), "kept as read is read");
	cr_assert_not(state_is_changed(st, org));
	/* read the old way only: no fingerprint, never changed */
	cr_assert(state_set_read(st, "driver", true, &err), "%s", err.msg);
	state_close(st);

	/* the files change: a salary raised, the driver's too */
	snprintf(text, sizeof(text), "%s%s", base, other);
	char *m = strstr(text, "max: 55000");
	memcpy(m, "max: 61000", 10);
	m = strstr(text, "salary: 40000");
	memcpy(m, "salary: 45000", 13);
	put(text);
	st = open_on(&c);
	org = catalog_find(&c, "organizer");
	cr_assert(state_is_changed(st, org));
	cr_assert_not(state_is_changed(st, catalog_find(&c, "driver")),
	              "read before fingerprints were kept");
	cr_assert_eq(state_changed_count(st), 1);
	cr_assert_eq(matching(st, &c, "is:changed"), 1);
	cr_assert_eq(matching(st, &c, "-is:changed"), 1);
	/* the posting as it was read */
	struct catalog then;
	catalog_init(&then);
	const struct posting *was = state_as_read(st, "organizer", &then);
	cr_assert_not_null(was);
	cr_assert_eq(was->salary.max, 55000);
	cr_assert_eq(org->salary.max, 61000);
	cr_assert_str_eq(was->summary, org->summary);
	catalog_free(&then);
	/* read again: the new reading is the one kept */
	cr_assert(state_keep_read(st, org, &err), "%s", err.msg);
	cr_assert_not(state_is_changed(st, org));
	cr_assert_eq(state_changed_count(st), 0);
	cr_assert_eq(matching(st, &c, "is:changed"), 0);
	state_close(st);

	st = open_on(&c);
	cr_assert_not(state_is_changed(st, catalog_find(&c, "organizer")));
	catalog_init(&then);
	was = state_as_read(st, "organizer", &then);
	cr_assert_not_null(was);
	cr_assert_eq(was->salary.max, 61000);
	catalog_free(&then);
	state_close(st);
	catalog_free(&c);
}

/* A file written anew that says the same: not changed. */
Test(changes, a_posting_reformatted_is_not_flagged)
{
	put(base);
	struct catalog c;
	catalog_init(&c);
	struct state *st = open_on(&c);
	struct state_error err;
	cr_assert(state_keep_read(st, c.v[0], &err), "%s", err.msg);
	state_close(st);
	put("team: field\n"
	    "board_extra: {posted_by: Ana, source: union hall}\n"
	    "responsibilities: [Door knocking, Running meetings]\n"
	    "languages: [Spanish]\n"
	    "summary: >\n" /* two blank lines: one kept */
	    "  We organize tenants across the east side, building by building,\n"
	    "  and win repairs.\n\n\n  You will knock on doors.\n"
	    "deadline: 2026-03-01\nsalary: {max: 55000, min: 50000}\n"
	    "organization: Eastside Tenants Union\ntitle: Tenant Organizer\n"
	    "id: organizer\n");
	st = open_on(&c);
	cr_assert(state_is_read(st, "organizer"));
	cr_assert_not(state_is_changed(st, c.v[0]));
	cr_assert_eq(state_changed_count(st), 0);
	state_close(st);
	catalog_free(&c);
}

/* The snapshot read back is the posting as it was: every field, so its
 * fingerprint is the one kept. */
Test(changes, the_posting_as_read_round_trips)
{
	put(base);
	struct catalog c;
	catalog_init(&c);
	struct state *st = open_on(&c);
	struct state_error err;
	cr_assert(state_keep_read(st, c.v[0], &err), "%s", err.msg);
	state_close(st);
	st = open_on(&c);
	uint64_t fp;
	cr_assert(state_fingerprint(st, "organizer", &fp));
	struct catalog then;
	catalog_init(&then);
	const struct posting *was = state_as_read(st, "organizer", &then);
	cr_assert_not_null(was);
	cr_assert_eq(snapshot_fingerprint(was), fp);
	cr_assert_eq(snapshot_fingerprint(c.v[0]), fp);
	cr_assert_str_eq(was->title, "Tenant Organizer");
	cr_assert_eq(was->responsibilities.n, 2);
	cr_assert_eq(was->deadline.ymd, 20260301);
	cr_assert_eq(was->nextra, 2);
	catalog_free(&then);
	state_close(st);
	catalog_free(&c);
}
