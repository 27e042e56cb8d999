/* SPDX-License-Identifier: MIT */
/* The state file: every change round-trips, unknown entries and keys are
 * kept, a corrupt file is never touched (a syntax error said as one), an
 * entry that cannot be read is kept as written while the others save,
 * saving survives injected failures and kills, two processes lose
 * nothing; the query and export hooks; CSV escaping; export_file. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "atomic.h"
#include "catalog.h"
#include "day.h"
#include "export.h"
#include "posting.h"
#include "query.h"
#include "state.h"
#include "text.h"

/* ---- helpers ---- */

static char dir[64];
static char path[128];
static struct state_io real_io;
static struct atomic_io real_aio;

static int
rm_one(const char *p, const struct stat *sb, int flag, struct FTW *ftw)
{
	(void)sb; (void)flag; (void)ftw;
	chmod(p, 0700);
	return remove(p);
}

static void
setup(void)
{
	real_io = state_io;
	real_aio = atomic_io;
	strcpy(dir, "/tmp/billet-state-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/state.yaml", dir);
}

static void
teardown(void)
{
	state_io = real_io;
	atomic_io = real_aio;
	chmod(dir, 0700);
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
}

TestSuite(state, .init = setup, .fini = teardown, .timeout = 60);

/* The whole of a file (caller frees); NULL when missing. */
static char *
slurp(const char *p, size_t *len)
{
	FILE *f = fopen(p, "rb");
	if (!f)
		return NULL;
	struct buf b = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	if (len)
		*len = b.len;
	return buf_steal(&b);
}

static void
spew(const char *p, const char *s)
{
	FILE *f = fopen(p, "wb");
	cr_assert_not_null(f);
	fputs(s, f);
	cr_assert_eq(fclose(f), 0);
}

/* How many files are in the test directory. */
static int
nfiles(void)
{
	DIR *d = opendir(dir);
	int n = 0;
	struct dirent *de;
	while ((de = readdir(d)) != NULL)
		if (strcmp(de->d_name, ".") && strcmp(de->d_name, ".."))
			n++;
	closedir(d);
	return n;
}

/* True if a temporary file of a save is lying in the directory. */
static bool
temp_left(void)
{
	DIR *d = opendir(dir);
	bool found = false;
	struct dirent *de;
	while ((de = readdir(d)) != NULL)
		if (strstr(de->d_name, ".tmp."))
			found = true;
	closedir(d);
	return found;
}

static struct state *
open_ok(void)
{
	struct state_error err;
	struct state *st = state_open(path, &err);
	cr_assert(state_writable(st), "%s", err.msg);
	cr_assert_str_empty(err.msg);
	return st;
}

/* Saves one mark so the file exists with known content. */
static void
seed(void)
{
	struct state *st = open_ok();
	struct state_error err;
	cr_assert(state_set_mark(st, "seed", true, &err), "%s", err.msg);
	cr_assert(state_set_note(st, "seed", "first\nsecond", &err), "%s",
	          err.msg);
	state_close(st);
}

/* A posting with only an id and a title, for hooks. */
static struct posting
posting(const char *id)
{
	struct posting p = {0};
	p.id = id;
	p.title = id;
	p.experience.min_years = p.experience.max_years = -1;
	return p;
}

/* ---- every change round-trips ---- */

Test(state, missing_file_is_empty_and_writable)
{
	struct state *st = open_ok();
	cr_assert_eq(state_count(st), 0);
	cr_assert_null(state_get(st, "x"));
	cr_assert_null(slurp(path, NULL), "opening writes nothing");
	state_close(st);
}

Test(state, every_field_round_trips)
{
	struct state *st = open_ok();
	struct state_error err;
	cr_assert(state_set_mark(st, "a", true, &err), "%s", err.msg);
	cr_assert(state_set_hidden(st, "b", true, &err), "%s", err.msg);
	cr_assert(state_set_read(st, "c", true, &err), "%s", err.msg);
	cr_assert(state_set_rating(st, "d", 4, &err), "%s", err.msg);
	cr_assert(state_set_status(st, "e", QSTATUS_INTERVIEWING, &err), "%s",
	          err.msg);
	cr_assert(state_set_note(st, "f", "call back\non Monday", &err), "%s",
	          err.msg);
	cr_assert_not(state_unsaved(st));
	state_close(st);

	char *file = slurp(path, NULL);
	cr_assert(strstr(file, "a:\n  marked: true\n"), "%s", file);
	cr_assert(strstr(file, "rating: 4"), "%s", file);
	cr_assert(strstr(file, "status: interviewing"), "%s", file);
	cr_assert(strstr(file, "note: |-\n    call back\n    on Monday\n"),
	          "a note of several lines reads as a block:\n%s", file);
	cr_assert_null(strstr(file, "read"), "%s", file);
	cr_assert_null(strstr(file, "\nc:"), "%s", file);
	free(file);

	st = open_ok();
	cr_assert(state_get(st, "a")->marked);
	cr_assert(state_get(st, "b")->hidden);
	cr_assert_not(state_get(st, "b")->marked);
	cr_assert(state_is_read(st, "c"), "read: in the store");
	cr_assert_null(state_get(st, "c"), "not an entry of the user's");
	cr_assert_eq(state_get(st, "d")->rating, 4);
	cr_assert_eq(state_get(st, "e")->status, QSTATUS_INTERVIEWING);
	cr_assert_str_eq(state_get(st, "f")->note, "call back\non Monday");
	cr_assert_eq(state_count(st), 5);

	/* and back off again */
	cr_assert(state_set_mark(st, "a", false, &err), "%s", err.msg);
	cr_assert(state_set_rating(st, "d", 0, &err), "%s", err.msg);
	cr_assert(state_set_status(st, "e", QSTATUS_NONE, &err), "%s",
	          err.msg);
	cr_assert(state_set_note(st, "f", "", &err), "%s", err.msg);
	state_close(st);
	st = open_ok();
	cr_assert_null(state_get(st, "a"), "an empty entry is not written");
	cr_assert_null(state_get(st, "d"));
	cr_assert_null(state_get(st, "f"));
	cr_assert(state_get(st, "b")->hidden);
	state_close(st);
}

Test(state, bad_values_are_refused)
{
	struct state *st = open_ok();
	struct state_error err;
	cr_assert_not(state_set_rating(st, "a", 6, &err));
	cr_assert(err.refused);
	cr_assert_not(state_set_rating(st, "a", -1, &err));
	cr_assert(err.refused);
	cr_assert_not(state_set_status(st, "a", QSTATUS_N, &err));
	cr_assert(err.refused);
	cr_assert_not(state_set_note(st, "a", "bad \xff byte", &err));
	cr_assert(err.refused);
	cr_assert_not(state_set_mark(st, "", true, &err));
	cr_assert(err.refused);
	cr_assert_null(state_get(st, "a"));
	state_close(st);
}

/* Notes that stress every scalar style of the emitter. */
static const char *const hard_notes[] = {
	"plain",
	"with \"double\" and 'single' quotes",
	"line one\nline two\n",
	"ends with two newlines\n\n",
	"\n\nstarts with newlines",
	"  leading spaces\nand more",
	"trailing spaces  \n  both  ",
	"tab\there\tand\ttabs\n\tindented",
	"carriage\r\nreturn\rlone",
	"control \x01\x02\x1b[31m red \x7f del",
	"unicode: café, 日本語, emoji 🎉, rtl \u202e override",
	"line\u2028separator\u2029paragraph\xc2\x85nel",
	"bom \ufeff inside",
	"# not a comment",
	"- not a list",
	"key: value",
	"{flow} [seq] & * ! | > % @ `",
	"true",
	"null",
	"~",
	"123",
	"0x1F",
	"-",
	"?",
	" ",
	"\n",
	"\\ backslash \\n not a newline",
	"a very long line " "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	"xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"
	" with spaces to fold at if the emitter wanted to",
	"...\n---\nlooks like document markers",
};

Test(state, notes_round_trip_exactly)
{
	size_t n = sizeof(hard_notes) / sizeof(hard_notes[0]);
	struct state *st = open_ok();
	struct state_error err;
	char id[32];
	state_begin(st);
	for (size_t i = 0; i < n; i++) {
		snprintf(id, sizeof(id), "n%zu", i);
		cr_assert(state_set_note(st, id, hard_notes[i], &err), "%s",
		          err.msg);
	}
	cr_assert(state_commit(st, &err), "%s", err.msg);
	state_close(st);
	st = open_ok();
	for (size_t i = 0; i < n; i++) {
		snprintf(id, sizeof(id), "n%zu", i);
		const struct state_entry *e = state_get(st, id);
		cr_assert_not_null(e, "note %zu", i);
		cr_assert_str_eq(e->note, hard_notes[i], "note %zu", i);
	}
	state_close(st);
}

Test(state, random_notes_and_ids_round_trip)
{
	static const char *const bits[] = {
		"a", "Z", " ", "  ", "\n", "\t", "\r", "\"", "'", "\\", ":",
		"#", "-", "?", ",", "[", "}", "|", ">", "&", "*", "!", "%",
		"@", "`", "~", "0", ".", "é", "€", "日", "🎉", "\u2028",
		"\xc2\x85", "\ufeff", "\u202e", "\x01", "\x1b", "\x7f", "\xc2\xa0",
	};
	size_t nb = sizeof(bits) / sizeof(bits[0]);
	enum { N = 3000 };
	static char notes[N][64];
	static char ids[N][40];
	srand(12345);
	struct state *st = open_ok();
	struct state_error err;
	state_begin(st);
	for (int i = 0; i < N; i++) {
		int len = rand() % 12 + 1;
		notes[i][0] = '\0';
		for (int k = 0; k < len; k++)
			strcat(notes[i], bits[rand() % nb]);
		/* ids are messy too, but unique */
		snprintf(ids[i], sizeof(ids[i]), "%s%d",
		         bits[rand() % nb], i);
		cr_assert(state_set_note(st, ids[i], notes[i], &err), "%s",
		          err.msg);
	}
	cr_assert(state_commit(st, &err), "%s", err.msg);
	state_close(st);
	st = open_ok();
	cr_assert_eq(state_count(st), N);
	for (int i = 0; i < N; i++) {
		const struct state_entry *e = state_get(st, ids[i]);
		cr_assert_not_null(e, "id %d", i);
		cr_assert_str_eq(e->note, notes[i], "note %d", i);
	}
	state_close(st);
}

/* ---- what other runs and other versions wrote is kept ---- */

static const char kept_file[] =
	"# written by hand\n"
	"gone-posting:\n"
	"  marked: true\n"
	"  rating: 2\n"
	"  applied_on: 2024-05-01\n"
	"  zip: \"01234\"\n"
	"  contacts:\n"
	"  - name: Ana\n"
	"    phone: '555'\n"
	"  - Bo\n"
	"  flow: {a: 1, b: [x, y]}\n"
	"  typed: !!str 12\n"
	"other: ~\n";

Test(state, unknown_ids_and_keys_are_kept)
{
	spew(path, kept_file);
	struct state *st = open_ok();
	const struct state_entry *g = state_get(st, "gone-posting");
	cr_assert_not_null(g);
	cr_assert(g->marked);
	cr_assert_eq(g->rating, 2);
	struct state_error err;
	cr_assert(state_set_mark(st, "here", true, &err), "%s", err.msg);
	state_close(st);

	char *file = slurp(path, NULL);
	cr_assert(strstr(file, "gone-posting:\n  marked: true\n  rating: 2\n"
	                       "  applied_on: 2024-05-01\n  zip: \"01234\"\n"),
	          "%s", file);
	cr_assert(strstr(file, "name: Ana"), "%s", file);
	cr_assert(strstr(file, "phone: '555'"), "%s", file);
	cr_assert(strstr(file, "- Bo"), "%s", file);
	cr_assert(strstr(file, "flow: {a: 1, b: [x, y]}"), "%s", file);
	cr_assert(strstr(file, "typed: !!str 12"), "%s", file);
	cr_assert(strstr(file, "here:\n  marked: true\n"), "%s", file);

	/* and it reads back to the same again: a second save is a fixpoint */
	st = open_ok();
	cr_assert(state_set_mark(st, "here", false, &err), "%s", err.msg);
	cr_assert(state_set_mark(st, "here", true, &err), "%s", err.msg);
	state_close(st);
	char *again = slurp(path, NULL);
	cr_assert_str_eq(again, file);
	free(again);
	free(file);
}

/* ---- a file that does not parse is never written ---- */

/* Opens a bad file: read-only, the message names the place, every change
 * fails, and the file stays byte-identical. */
static void
check_corrupt(const char *content, const char *where, const char *what)
{
	spew(path, content);
	struct state_error err;
	struct state *st = state_open(path, &err);
	cr_assert_not(state_writable(st), "%s", content);
	char want[256];
	snprintf(want, sizeof(want), "%s:%s", path, where);
	cr_assert(strstr(err.msg, want), "want '%s' in '%s'", want, err.msg);
	cr_assert(strstr(err.msg, what), "want '%s' in '%s'", what, err.msg);
	cr_assert_not_null(state_problem(st));
	cr_assert_not(state_set_mark(st, "x", true, &err));
	cr_assert(strstr(err.msg, "not saved"), "%s", err.msg);
	cr_assert(state_get(st, "x")->marked, "kept in memory for the run");
	cr_assert_not(state_set_note(st, "x", "n", &err));
	cr_assert_not(state_save(st, &err));
	state_close(st);
	char *now = slurp(path, NULL);
	cr_assert_str_eq(now, content, "the file was changed");
	free(now);
	cr_assert_eq(nfiles(), 1, "nothing written beside it");
}

Test(state, corrupt_file_is_left_alone)
{
	check_corrupt("a:\n  marked: true\n b: [\n", "3:2",
	              "syntax error: did not find expected key");
	check_corrupt("a: {marked: true\n", "2:1", "syntax error: ");
	check_corrupt("- just\n- a list\n", "1:1", "expected a mapping");
	check_corrupt("a: &x {marked: true}\nb: *x\n", "2:4", "aliases");
	check_corrupt("a: {}\n---\nb: {}\n", "2:1", "second document");
	check_corrupt("a: {note: \"bad \xff\"}\n", "1:", "UTF-8");
	/* an entry that cannot be read can be kept as written only among
	 * keys that start their lines */
	check_corrupt("{a: {rating: 9}, b: {}}\n", "1:14", "rating");
	check_corrupt("  a:\n    rating: 9\n", "2:13", "rating");
}

/* A syntax error is said as one, where libyaml finds it, even when the
 * events before it would make another complaint first (a scalar where
 * the fields should be). */
Test(state, syntax_errors_are_said_with_their_place)
{
	check_corrupt("x: a: b\n", "1:5", "syntax error: mapping values are "
	              "not allowed in this context");
	check_corrupt("x: foo\n  bar: 1\n", "2:6", "syntax error: mapping "
	              "values are not allowed");
	check_corrupt("x: [a\n", "2:1", "syntax error: did not find "
	              "expected ',' or ']' (while parsing a flow sequence at "
	              "line 1)");
	check_corrupt("x:\n  marked: true\n  note: \"abc\n", "4:1",
	              "syntax error: found unexpected end of stream");
	check_corrupt("- x\ny: [\n", "2:1", "syntax error: ");
}

/* The text of a bad entry: first's and last's are read, a's is not. */
static const char bad_around[] =
	"first:\n"
	"  marked: true\n"
	"a:\n"
	"  rating:   99   # by hand\n"
	"  marked: true\n"
	"  note: \"kept\"\n"
	"\n"
	"# a comment, then the last entry\n"
	"last:\n"
	"  note: end\n";
static const char bad_entry[] =
	"a:\n"
	"  rating:   99   # by hand\n"
	"  marked: true\n"
	"  note: \"kept\"\n"
	"\n"
	"# a comment, then the last entry\n";

/* One entry that cannot be read is said once, where it is, and kept as
 * written, in its place, through saves by this process and another; it
 * is not changed; every other entry is read, changed and saved. */
Test(state, one_bad_entry_is_kept_as_written)
{
	spew(path, bad_around);
	struct state_error err;
	struct state *st = state_open(path, &err);
	cr_assert(state_writable(st), "%s", err.msg);
	char want[256];
	snprintf(want, sizeof(want), "%s:4:13: rating: expected a number "
	         "from 0 to 5 (this entry is kept as written", path);
	cr_assert(!strncmp(err.msg, want, strlen(want)), "'%s'", err.msg);
	const struct state_entry *a = state_get(st, "a");
	cr_assert_not_null(a);
	cr_assert_not_null(a->problem);
	cr_assert(!strncmp(a->problem, want, strstr(want, " (") - want),
	          "%s", a->problem);
	cr_assert(a->marked, "its other fields as read");
	cr_assert_str_eq(a->note, "kept");
	cr_assert_null(state_get(st, "first")->problem);

	/* a is not changed, in memory or in the file */
	cr_assert_not(state_set_mark(st, "a", false, &err));
	cr_assert(err.refused);
	cr_assert(strstr(err.msg, "not changed"), "%s", err.msg);
	cr_assert(strstr(err.msg, ":4:13: rating"), "%s", err.msg);
	cr_assert(state_get(st, "a")->marked);
	cr_assert_not(state_set_rating(st, "a", 2, &err));
	cr_assert_not(state_set_note(st, "a", "mine", &err));
	cr_assert_not(state_unsaved(st));
	cr_assert(state_set_read(st, "a", true, &err), "read: let be");

	/* the others change and save; a stays as written, in its place */
	cr_assert(state_set_rating(st, "last", 4, &err), "%s", err.msg);
	cr_assert(state_set_mark(st, "x", true, &err), "%s", err.msg);
	cr_assert_not(state_unsaved(st));
	char *now = slurp(path, NULL);
	cr_assert_str_eq(now, "first:\n  marked: true\n"
	                      "a:\n  rating:   99   # by hand\n"
	                      "  marked: true\n  note: \"kept\"\n\n"
	                      "# a comment, then the last entry\n"
	                      "last:\n  rating: 4\n  note: end\n"
	                      "x:\n  marked: true\n");
	free(now);

	/* another process saves: a is still as written */
	struct state_error e2;
	struct state *other = state_open(path, &e2);
	cr_assert(state_writable(other), "%s", e2.msg);
	cr_assert(strstr(e2.msg, ":4:13: rating"), "said again to a new run");
	cr_assert(state_set_hidden(other, "first", true, &e2), "%s", e2.msg);
	state_close(other);
	cr_assert(state_set_mark(st, "z", true, &err), "%s", err.msg);
	now = slurp(path, NULL);
	cr_assert(strstr(now, bad_entry), "%s", now);
	cr_assert(strstr(now, "first:\n  marked: true\n  hidden: true\na:\n"),
	          "%s", now);
	cr_assert(strstr(now, "x:\n  marked: true\nz:\n  marked: true\n"),
	          "%s", now);
	free(now);
	cr_assert(state_get(st, "first")->hidden, "merged");
	cr_assert_not_null(state_get(st, "a")->problem);
	state_close(st);

	/* mended by hand, it reads and changes again */
	now = slurp(path, NULL);
	char *at = strstr(now, "99");
	at[0] = ' ';
	at[1] = '2';
	spew(path, now);
	free(now);
	st = open_ok();
	cr_assert_null(state_get(st, "a")->problem);
	cr_assert_eq(state_get(st, "a")->rating, 2);
	cr_assert(state_set_rating(st, "a", 3, &err), "%s", err.msg);
	state_close(st);
}

/* Another process leaves an entry that cannot be read: the next read
 * here says so once (state_news), keeps it as written, and a change this
 * process had made to it stays pending, said, and is not written. */
Test(state, an_entry_broken_by_another_process_is_news_once)
{
	seed();
	struct state *st = open_ok();
	struct state_error err, news;
	cr_assert_not(state_news(st, &news));
	state_begin(st);
	cr_assert(state_set_rating(st, "seed", 2, &err), "%s", err.msg);
	spew(path, "seed:\n  rating: 77\nother:\n  marked: true\n");
	cr_assert_not(state_commit(st, &err), "the change to seed is kept");
	cr_assert(strstr(err.msg, "the state file's entry for seed cannot be "
	                 "read now"), "%s", err.msg);
	cr_assert(state_unsaved(st));
	cr_assert(state_news(st, &news));
	char want[256];
	snprintf(want, sizeof(want), "%s:2:11: rating: expected a number "
	         "from 0 to 5 (the state file was changed", path);
	cr_assert(!strncmp(news.msg, want, strlen(want)), "%s", news.msg);
	cr_assert_not(state_news(st, &news), "said once");
	cr_assert(state_get(st, "other")->marked, "the rest merged");
	cr_assert(state_set_mark(st, "x", true, &err) || err.why,
	          "%s", err.msg);
	cr_assert_not(state_news(st, &news), "not said again");
	char *now = slurp(path, NULL);
	cr_assert(!strncmp(now, "seed:\n  rating: 77\n", 19), "%s", now);
	free(now);
	state_close(st);
}

/* Every kind of entry that cannot be read is kept as written, said at its
 * place, and does not stop the others from being saved. */
static void
check_bad_entry(const char *entry, const char *where, const char *what)
{
	struct buf b = {0};
	buf_printf(&b, "before:\n  rating: 1\n%safter:\n  rating: 2\n",
	           entry);
	spew(path, b.s);
	struct state_error err;
	struct state *st = state_open(path, &err);
	cr_assert(state_writable(st), "%s: %s", entry, err.msg);
	char want[256];
	snprintf(want, sizeof(want), "%s:%s: %s", path, where, what);
	cr_assert(!strncmp(err.msg, want, strlen(want)), "want '%s' in '%s'",
	          want, err.msg);
	cr_assert(strstr(err.msg, "kept as written"), "%s", err.msg);
	cr_assert_eq(state_get(st, "before")->rating, 1);
	cr_assert_eq(state_get(st, "after")->rating, 2);
	cr_assert(state_set_rating(st, "after", 5, &err), "%s", err.msg);
	state_close(st);
	char *now = slurp(path, NULL);
	cr_assert(strstr(now, entry), "%s kept in: %s", entry, now);
	cr_assert(strstr(now, "after:\n  rating: 5\n"), "%s", now);
	free(now);
	st = state_open(path, &err);
	cr_assert(state_writable(st), "%s", err.msg);
	cr_assert(!strncmp(err.msg, want, strlen(want)), "read back: '%s'",
	          err.msg);
	state_close(st);
	buf_free(&b);
}

Test(state, each_kind_of_bad_entry_is_kept_as_written)
{
	check_bad_entry("a:\n  rating: 9\n", "4:11", "rating");
	check_bad_entry("a:\n  status: hired\n", "4:11", "status");
	check_bad_entry("a:\n  marked: maybe\n", "4:11", "marked");
	check_bad_entry("a:\n  note: x\n  note: y\n", "5:3",
	                "note: given twice");
	check_bad_entry("a: 5\n", "3:4", "'a': expected a mapping of fields");
	check_bad_entry("a: [1, 2]\n", "3:4", "'a': expected a mapping");
	check_bad_entry("a: {note: [x]}\n", "3:11", "note: expected text");
	check_bad_entry("a: {note: \"nul \\0 inside\"}\n", "3:11", "note: "
	                "contains a NUL");
	check_bad_entry("a: {[x]: 1}\n", "3:5", "expected a field name");
	check_bad_entry("before: {}\n", "3:1", "'before' appears twice "
	                "(first at line 1)");
	check_bad_entry("\"\": {marked: true}\n", "3:1", "empty posting id");
	check_bad_entry("[x]: {marked: true}\n", "3:1",
	                "expected a posting id");
}

Test(state, corrupt_file_is_left_alone_after_another_process_breaks_it)
{
	seed();
	struct state *st = open_ok();
	const char *bad = "seed: [unclosed\n";
	spew(path, bad);
	struct state_error err;
	cr_assert_not(state_set_mark(st, "x", true, &err));
	cr_assert(strstr(err.msg, "not saved"), "%s", err.msg);
	cr_assert_not(state_writable(st));
	state_close(st);
	char *now = slurp(path, NULL);
	cr_assert_str_eq(now, bad);
	free(now);
}

Test(state, unreadable_file_is_read_only)
{
	if (geteuid() == 0)
		cr_skip_test("root reads a mode-000 file");
	seed();
	chmod(path, 0);
	struct state_error err;
	struct state *st = state_open(path, &err);
	cr_assert_not(state_writable(st));
	cr_assert(strstr(err.msg, "cannot read"), "%s", err.msg);
	state_close(st);
}

/* ---- atomic saving under failures ---- */

static int fail_errno;
static int calls;
static int fail_at; /* fail the nth call (1-based); 0 never, -1 every */

static ssize_t
bad_write(int fd, const void *b, size_t n)
{
	if (++calls == fail_at || fail_at < 0) {
		errno = fail_errno;
		return -1;
	}
	/* short writes and interruptions on the way */
	if (calls % 3 == 0) {
		errno = EINTR;
		return -1;
	}
	return write(fd, b, n > 7 ? 7 : n);
}

static int
bad_fsync(int fd)
{
	if (++calls == fail_at || fail_at < 0) {
		errno = fail_errno;
		return -1;
	}
	return fsync(fd);
}

static int
bad_rename(const char *a, const char *b)
{
	if (++calls == fail_at || fail_at < 0) {
		errno = fail_errno;
		return -1;
	}
	return rename(a, b);
}

/* With one call failing, a change is refused, the old file stays as it
 * was, no temporary is left, and the next save writes everything. The
 * message names what failed: the temporary file's directory while it is
 * written and synced (the state file is untouched then), the state file
 * only when it is the one being replaced; said is what it must say. */
static void
check_failure(int which, int err_no, int at, const char *said)
{
	seed();
	size_t oldlen;
	char *old = slurp(path, &oldlen);
	struct state *st = open_ok();
	calls = 0;
	fail_at = at;
	fail_errno = err_no;
	if (which == 0)
		atomic_io.write = bad_write;
	else if (which == 1)
		atomic_io.fsync = bad_fsync;
	else
		atomic_io.rename = bad_rename;
	struct state_error err;
	cr_assert_not(state_set_mark(st, "new", true, &err));
	cr_assert(strstr(err.msg, strerror(err_no)), "%s", err.msg);
	cr_assert(strstr(err.msg, "not saved"), "%s", err.msg);
	/* the cause alone, for a run that ends now (--mark) */
	cr_assert(err.why > 0 && !strncmp(err.msg + err.why, "cannot ", 7),
	          "why %zu in '%s'", err.why, err.msg);
	char want[512];
	snprintf(want, sizeof(want), "cannot %s: %s", said, strerror(err_no));
	char *real = realpath(dir, NULL);
	char *at_dir = strstr(want, "DIR");
	if (at_dir) {
		char rest[256];
		snprintf(rest, sizeof(rest), "%s", at_dir + 3);
		snprintf(at_dir, sizeof(want) - (size_t)(at_dir - want), "%s%s",
		         real, rest);
	}
	free(real);
	cr_assert_str_eq(err.msg + err.why, want);
	cr_assert_not(err.replaced);
	cr_assert(state_unsaved(st));
	cr_assert(state_get(st, "new")->marked, "kept in memory");
	size_t nowlen;
	char *now = slurp(path, &nowlen);
	cr_assert_eq(nowlen, oldlen);
	cr_assert_eq(memcmp(now, old, oldlen), 0, "the old file changed");
	free(now);
	cr_assert_not(temp_left(), "a temporary file was left");

	/* the next change retries, and saves the earlier one too */
	atomic_io = real_aio;
	cr_assert(state_set_rating(st, "new", 3, &err), "%s", err.msg);
	cr_assert_not(state_unsaved(st));
	state_close(st);
	st = open_ok();
	cr_assert(state_get(st, "new")->marked);
	cr_assert_eq(state_get(st, "new")->rating, 3);
	cr_assert(state_get(st, "seed")->marked);
	state_close(st);
	free(old);
}

Test(state, write_enospc_leaves_old_file)
{
	check_failure(0, ENOSPC, 1, "write a temporary file in DIR");
}

Test(state, write_enospc_midway_leaves_old_file)
{
	check_failure(0, ENOSPC, 5, "write a temporary file in DIR");
}

Test(state, write_eio_leaves_old_file)
{
	check_failure(0, EIO, 2, "write a temporary file in DIR");
}

Test(state, fsync_eio_leaves_old_file)
{
	check_failure(1, EIO, 1, "sync a temporary file in DIR");
}

Test(state, fsync_enospc_leaves_old_file)
{
	check_failure(1, ENOSPC, 1, "sync a temporary file in DIR");
}

Test(state, rename_erofs_leaves_old_file)
{
	check_failure(2, EROFS, 1, "put the new file in place of DIR/state.yaml");
}

Test(state, rename_eio_leaves_old_file)
{
	check_failure(2, EIO, 1, "put the new file in place of DIR/state.yaml");
}

/* The directory's sync fails after the rename: the change is in the file
 * but may not outlast a crash. The error says so, and the change stays
 * pending, so the next save syncs again. */
Test(state, directory_sync_failure_is_said_replaced)
{
	seed();
	struct state *st = open_ok();
	calls = 0;
	fail_at = 2; /* the new file's fsync, then the directory's */
	fail_errno = EIO;
	atomic_io.fsync = bad_fsync;
	struct state_error err;
	cr_assert_not(state_set_mark(st, "new", true, &err));
	cr_assert(err.replaced, "%s", err.msg);
	char want[256];
	snprintf(want, sizeof(want), "cannot sync the directory %s: %s", dir,
	         strerror(EIO));
	cr_assert_str_eq(err.msg + err.why, want);
	atomic_io = real_aio;
	cr_assert(state_unsaved(st));
	struct state *other = open_ok();
	cr_assert(state_get(other, "new")->marked, "the file has the change");
	state_close(other);
	cr_assert(state_save(st, &err), "%s", err.msg);
	cr_assert_not(state_unsaved(st));
	state_close(st);
	cr_assert_not(temp_left(), "a temporary file was left");
}

Test(state, short_writes_and_eintr_still_save)
{
	struct state *st = open_ok();
	atomic_io.write = bad_write;
	calls = 0;
	fail_at = 0;
	struct state_error err;
	cr_assert(state_set_note(st, "a", "a note long enough to need many "
	                                  "short writes", &err), "%s", err.msg);
	atomic_io = real_aio;
	state_close(st);
	st = open_ok();
	cr_assert_str_eq(state_get(st, "a")->note,
	                 "a note long enough to need many short writes");
	state_close(st);
}

Test(state, read_only_directory_leaves_old_file)
{
	if (geteuid() == 0)
		cr_skip_test("root writes in a mode-0500 directory (the "
		             "injected failures cover this)");
	seed();
	char *old = slurp(path, NULL);
	struct state *st = open_ok();
	chmod(dir, 0500);
	struct state_error err;
	cr_assert_not(state_set_mark(st, "new", true, &err));
	cr_assert(state_unsaved(st));
	chmod(dir, 0700);
	char *now = slurp(path, NULL);
	cr_assert_str_eq(now, old);
	cr_assert(state_save(st, &err), "%s", err.msg);
	state_close(st);
	free(now);
	free(old);
}

static ssize_t
write_then_die(int fd, const void *b, size_t n)
{
	/* half of the file, then the process is killed */
	ssize_t w = write(fd, b, n / 2 ? n / 2 : 1);
	(void)w;
	raise(SIGKILL);
	return -1;
}

Test(state, kill_during_save_leaves_old_file)
{
	seed();
	size_t oldlen;
	char *old = slurp(path, &oldlen);
	pid_t pid = fork();
	cr_assert_neq(pid, -1);
	if (pid == 0) {
		struct state *st = state_open(path, NULL);
		atomic_io.write = write_then_die;
		state_set_note(st, "seed", "a much longer note that is being "
		               "written when the process dies", NULL);
		_exit(0);
	}
	int ws;
	waitpid(pid, &ws, 0);
	cr_assert(WIFSIGNALED(ws) && WTERMSIG(ws) == SIGKILL);
	size_t nowlen;
	char *now = slurp(path, &nowlen);
	cr_assert_eq(nowlen, oldlen);
	cr_assert_eq(memcmp(now, old, oldlen), 0);
	free(now);
	cr_assert(temp_left(), "the killed save left its temporary file");

	/* the lock it held is gone with it; the next save tidies up */
	struct state *st = open_ok();
	cr_assert_str_eq(state_get(st, "seed")->note, "first\nsecond");
	struct state_error err;
	cr_assert(state_set_mark(st, "b", true, &err), "%s", err.msg);
	cr_assert_not(temp_left());
	state_close(st);
	free(old);
}

/* ---- two processes ---- */

Test(state, lock_of_a_killed_process_does_not_block)
{
	seed();
	char lock[160];
	snprintf(lock, sizeof(lock), "%s.lock", path);
	pid_t pid = fork();
	if (pid == 0) {
		int fd = open(lock, O_RDWR | O_CREAT, 0600);
		flock(fd, LOCK_EX);
		raise(SIGKILL);
		_exit(1);
	}
	int ws;
	waitpid(pid, &ws, 0);
	cr_assert(WIFSIGNALED(ws));
	struct state *st = open_ok();
	state_io.lock_wait_ms = 200;
	struct state_error err;
	cr_assert(state_set_mark(st, "x", true, &err), "%s", err.msg);
	state_close(st);
}

Test(state, a_held_lock_is_waited_for_then_reported)
{
	seed();
	char lock[160];
	snprintf(lock, sizeof(lock), "%s.lock", path);
	int held[2], done[2]; /* child to parent, parent to child */
	cr_assert_eq(pipe(held), 0);
	cr_assert_eq(pipe(done), 0);
	pid_t pid = fork();
	if (pid == 0) {
		int fd = open(lock, O_RDWR | O_CREAT, 0600);
		flock(fd, LOCK_EX);
		char c = 'l';
		if (write(held[1], &c, 1) != 1)
			_exit(1);
		/* hold it until the parent says */
		if (read(done[0], &c, 1) != 1)
			_exit(1);
		_exit(0);
	}
	char c;
	cr_assert_eq(read(held[0], &c, 1), 1);
	struct state *st = open_ok();
	state_io.lock_wait_ms = 100;
	struct state_error err;
	cr_assert_not(state_set_mark(st, "x", true, &err));
	cr_assert(strstr(err.msg, "another billet"), "%s", err.msg);
	cr_assert(state_unsaved(st));
	cr_assert_eq(write(done[1], "g", 1), 1);
	int ws;
	waitpid(pid, &ws, 0);
	cr_assert(state_save(st, &err), "%s", err.msg);
	state_close(st);
	st = open_ok();
	cr_assert(state_get(st, "x")->marked);
	state_close(st);
}

/* The lock lives only while a save holds it: nothing is left beside the
 * state file after a save. */
Test(state, no_lock_file_is_left_after_a_save)
{
	struct state *st = open_ok();
	struct state_error err;
	cr_assert(state_set_mark(st, "x", true, &err), "%s", err.msg);
	char lock[160];
	snprintf(lock, sizeof(lock), "%s.lock", path);
	cr_assert_neq(access(lock, F_OK), 0, "%s is left", lock);
	cr_assert_eq(nfiles(), 1);
	state_close(st);
}

/* A save that waited on a lock file another save removed and replaced
 * (the lock lives only while held) does not take the old one for the
 * lock: it waits for the lock holder of the new file too. */
Test(state, a_lock_file_replaced_while_waiting_is_locked_again)
{
	seed();
	char lock[160];
	snprintf(lock, sizeof(lock), "%s.lock", path);
	int held[2];
	cr_assert_eq(pipe(held), 0);
	pid_t pid = fork();
	if (pid == 0) {
		int old = open(lock, O_RDWR | O_CREAT, 0600);
		flock(old, LOCK_EX);
		if (write(held[1], "l", 1) != 1)
			_exit(1);
		struct timespec ts = {0, 300 * 1000 * 1000};
		nanosleep(&ts, NULL); /* the parent waits on old */
		/* a second billet: takes a new lock file, then the first
		 * one goes as a save does, unlinking its file */
		unlink(lock);
		int now = open(lock, O_RDWR | O_CREAT, 0600);
		flock(now, LOCK_EX);
		close(old);
		struct stat before, after;
		stat(path, &before);
		nanosleep(&ts, NULL);
		stat(path, &after);
		/* the parent must not have saved while now is held */
		if (before.st_ino != after.st_ino ||
		    before.st_mtim.tv_nsec != after.st_mtim.tv_nsec)
			_exit(2);
		unlink(lock);
		close(now);
		_exit(0);
	}
	char c;
	cr_assert_eq(read(held[0], &c, 1), 1);
	struct state *st = open_ok();
	struct state_error err;
	cr_assert(state_set_mark(st, "x", true, &err), "%s", err.msg);
	int ws;
	waitpid(pid, &ws, 0);
	cr_assert(WIFEXITED(ws) && WEXITSTATUS(ws) == 0,
	          "saved while another held the lock (%d)", ws);
	state_close(st);
	st = open_ok();
	cr_assert(state_get(st, "x")->marked);
	cr_assert(state_get(st, "seed")->marked);
	state_close(st);
	cr_assert_neq(access(lock, F_OK), 0, "%s is left", lock);
}

/* A child: opens the state and marks 100 postings with prefix, one save
 * each, with a note on every tenth. */
static void
marker(const char *prefix)
{
	struct state_error err;
	struct state *st = state_open(path, &err);
	if (!state_writable(st))
		_exit(2);
	char id[32];
	for (int i = 0; i < 100; i++) {
		snprintf(id, sizeof(id), "%s-%03d", prefix, i);
		if (!state_set_mark(st, id, true, &err)) {
			fprintf(stderr, "%s\n", err.msg);
			_exit(3);
		}
		if (i % 10 == 0 && !state_set_note(st, id, prefix, &err))
			_exit(4);
	}
	state_close(st);
	_exit(0);
}

Test(state, two_processes_marking_at_once_lose_nothing)
{
	seed();
	pid_t a = fork();
	if (a == 0)
		marker("one");
	pid_t b = fork();
	if (b == 0)
		marker("two");
	int wa, wb;
	waitpid(a, &wa, 0);
	waitpid(b, &wb, 0);
	cr_assert(WIFEXITED(wa) && WEXITSTATUS(wa) == 0, "%d", wa);
	cr_assert(WIFEXITED(wb) && WEXITSTATUS(wb) == 0, "%d", wb);
	struct state *st = open_ok();
	int marked = 0;
	for (size_t i = 0; i < state_count(st); i++)
		marked += state_at(st, i)->marked;
	cr_assert_eq(marked, 201, "all 200 marks and the seed");
	cr_assert_str_eq(state_get(st, "one-050")->note, "one");
	cr_assert_str_eq(state_get(st, "two-090")->note, "two");
	cr_assert_str_eq(state_get(st, "seed")->note, "first\nsecond");
	cr_assert_not(temp_left());
	cr_assert_eq(nfiles(), 1, "the lock is gone with the saves");
	state_close(st);
}

/* Four at once, each lock file made and removed by the saves around it:
 * still nothing is lost. */
Test(state, four_processes_marking_at_once_lose_nothing)
{
	const char *who[] = {"one", "two", "three", "four"};
	pid_t pid[4];
	for (int i = 0; i < 4; i++) {
		pid[i] = fork();
		if (pid[i] == 0)
			marker(who[i]);
	}
	for (int i = 0; i < 4; i++) {
		int ws;
		waitpid(pid[i], &ws, 0);
		cr_assert(WIFEXITED(ws) && WEXITSTATUS(ws) == 0, "%d", ws);
	}
	struct state *st = open_ok();
	int marked = 0;
	for (size_t i = 0; i < state_count(st); i++)
		marked += state_at(st, i)->marked;
	cr_assert_eq(marked, 400);
	cr_assert_str_eq(state_get(st, "three-030")->note, "three");
	cr_assert_eq(nfiles(), 1, "only the state file is left");
	state_close(st);
}

Test(state, merge_keeps_both_sides_per_field)
{
	seed();
	struct state *a = open_ok();
	struct state *b = open_ok();
	struct state_error err;
	cr_assert(state_set_note(a, "seed", "from a", &err), "%s", err.msg);
	/* b has not seen a's note; its rating must not undo it */
	cr_assert(state_set_rating(b, "seed", 5, &err), "%s", err.msg);
	cr_assert_str_eq(state_get(b, "seed")->note, "from a",
	                 "b merged a's note");
	cr_assert(state_set_mark(b, "only-b", true, &err), "%s", err.msg);
	/* a unmarks the seed: b's view then catches up on refresh */
	cr_assert(state_set_mark(a, "seed", false, &err), "%s", err.msg);
	cr_assert(state_get(a, "only-b")->marked);
	cr_assert_eq(state_get(a, "seed")->rating, 5);
	cr_assert(state_refresh(b, &err), "%s", err.msg);
	cr_assert_not(state_get(b, "seed")->marked);
	state_close(a);
	state_close(b);
	struct state *c = open_ok();
	const struct state_entry *e = state_get(c, "seed");
	cr_assert_not(e->marked);
	cr_assert_eq(e->rating, 5);
	cr_assert_str_eq(e->note, "from a");
	cr_assert(state_get(c, "only-b")->marked);
	state_close(c);
}

Test(state, pending_changes_survive_a_failed_save_and_merge)
{
	seed();
	struct state *a = open_ok();
	struct state *b = open_ok();
	struct state_error err;
	atomic_io.rename = bad_rename;
	calls = 0;
	fail_at = 1;
	fail_errno = EIO;
	cr_assert_not(state_set_mark(a, "from-a", true, &err));
	atomic_io = real_aio;
	cr_assert(state_set_mark(b, "from-b", true, &err), "%s", err.msg);
	cr_assert(state_save(a, &err), "%s", err.msg);
	state_close(a);
	state_close(b);
	struct state *c = open_ok();
	cr_assert(state_get(c, "from-a")->marked);
	cr_assert(state_get(c, "from-b")->marked);
	state_close(c);
}

/* ---- what is not saved, and where else it can go ---- */

/* After failed saves each entry says which fields are not in the file;
 * state_write_to puts everything this run knows in another file, whole,
 * never over an existing one unless asked. */
Test(state, unsaved_changes_are_listed_and_written_elsewhere)
{
	seed();
	struct state *st = open_ok();
	struct state_error err;
	atomic_io.fsync = bad_fsync;
	calls = 0;
	fail_at = -1; /* every call */
	fail_errno = ENOSPC;
	cr_assert_not(state_set_mark(st, "a", true, &err));
	cr_assert_not(state_set_rating(st, "a", 3, &err));
	cr_assert_not(state_set_note(st, "b", "kept", &err));
	cr_assert_not(state_set_read(st, "c", true, &err));
	cr_assert_eq(state_get(st, "a")->unsaved, STATE_MARKED | STATE_RATING);
	cr_assert_eq(state_get(st, "b")->unsaved, STATE_NOTE);
	cr_assert_null(state_get(st, "c"), "read: not an entry");
	cr_assert(state_unsaved(st), "read is not saved either");
	cr_assert_eq(state_get(st, "seed")->unsaved, 0);

	char other[160];
	snprintf(other, sizeof(other), "%s/elsewhere.yaml", dir);
	atomic_io = real_aio;
	spew(other, "mine\n");
	cr_assert_eq(state_write_to(st, other, false, &err), ATOMIC_EXISTS);
	char *now = slurp(other, NULL);
	cr_assert_str_eq(now, "mine\n");
	free(now);
	cr_assert_eq(state_write_to(st, other, true, &err), ATOMIC_DONE, "%s",
	             err.msg);
	struct stat sb;
	cr_assert_eq(stat(other, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600);
	struct state *back = state_open(other, &err);
	cr_assert(state_writable(back), "%s", err.msg);
	cr_assert(state_get(back, "a")->marked);
	cr_assert_eq(state_get(back, "a")->rating, 3);
	cr_assert_str_eq(state_get(back, "b")->note, "kept");
	cr_assert_str_eq(state_get(back, "seed")->note, "first\nsecond");
	state_close(back);
	cr_assert(state_unsaved(st), "the state file still lacks them");

	/* a write that fails says why, naming what failed */
	snprintf(other, sizeof(other), "%s/no/such/dir.yaml", dir);
	cr_assert_eq(state_write_to(st, other, false, &err), ATOMIC_FAILED);
	cr_assert(!strncmp(err.msg, "not written: cannot create a temporary "
	                   "file in ", 40), "%s", err.msg);
	cr_assert(state_save(st, &err), "%s", err.msg);
	cr_assert_eq(state_get(st, "a")->unsaved, 0);
	state_close(st);
}

/* A file that does not parse, mended by hand while billet runs: the next
 * save reads it again and merges this run's changes into it. */
Test(state, a_read_only_state_saves_once_the_file_is_mended)
{
	spew(path, "a:\n  marked: true\n  note: [oops\n");
	struct state_error err;
	struct state *st = state_open(path, &err);
	cr_assert_not(state_writable(st));
	cr_assert_not(state_set_rating(st, "b", 4, &err));
	cr_assert_eq(state_get(st, "b")->unsaved, STATE_RATING);
	cr_assert_not(state_save(st, &err), "still broken");
	char *now = slurp(path, NULL);
	cr_assert_str_eq(now, "a:\n  marked: true\n  note: [oops\n");
	free(now);
	spew(path, "a:\n  marked: true\n  note: mended\n");
	cr_assert(state_save(st, &err), "%s", err.msg);
	cr_assert(state_writable(st));
	cr_assert_null(state_problem(st));
	cr_assert(state_get(st, "a")->marked);
	state_close(st);
	st = open_ok();
	cr_assert_str_eq(state_get(st, "a")->note, "mended");
	cr_assert_eq(state_get(st, "b")->rating, 4);
	state_close(st);
}

/* ---- undo ---- */

/* u, step by step: each change back, the last first, saved each time,
 * said with the posting's title and what the field was and is. */
Test(state, undo_takes_back_each_change_the_last_first)
{
	struct catalog c;
	catalog_init(&c);
	struct posting *p = arena_alloc(&c.arena, sizeof(*p));
	*p = posting("p");
	p->title = "Policy Advocate";
	catalog_add(&c, p);
	struct state *st = open_ok();
	struct state_error err;
	char said[256];
	cr_assert(state_set_rating(st, "p", 2, &err), "%s", err.msg);
	cr_assert(state_set_mark(st, "p", true, &err), "%s", err.msg);
	cr_assert(state_set_rating(st, "p", 3, &err), "%s", err.msg);
	cr_assert(state_set_status(st, "p", QSTATUS_APPLIED, &err), "%s",
	          err.msg);
	cr_assert(state_set_hidden(st, "p", true, &err), "%s", err.msg);
	cr_assert(state_set_note(st, "p", "call Ana on Monday about the "
	                         "rampart\nthen write", &err), "%s", err.msg);
	cr_assert(state_set_read(st, "p", true, &err), "not a change to undo");
	cr_assert(state_seen_all(st, &c, &err), "nor this");
	static const char *const want[] = {
		"undid: note of Policy Advocate (was \"call Ana on Monday "
		"about…\", now none)",
		"undid: hiding of Policy Advocate (was hidden, now shown)",
		"undid: status of Policy Advocate (was applied, now none)",
		"undid: rating of Policy Advocate (was 3, now 2)",
		"undid: mark of Policy Advocate (was marked, now not marked)",
		"undid: rating of Policy Advocate (was 2, now unrated)",
	};
	for (size_t i = 0; i < 6; i++) {
		cr_assert_eq(state_undo(st, &c, said, sizeof(said), &err),
		             STATE_UNDO_DONE, "%zu: %s", i, err.msg);
		cr_assert_str_eq(said, want[i]);
		cr_assert_not(state_unsaved(st));
		/* saved: another run reads it */
		struct state *other = open_ok();
		const struct state_entry *e = state_get(other, "p");
		if (i == 5) {
			cr_assert_null(e, "records nothing now: not written");
		} else {
			cr_assert_eq(e->note != NULL, false);
			cr_assert_eq(e->hidden, i < 1);
			cr_assert_eq(e->status, i < 2 ? QSTATUS_APPLIED
			                              : QSTATUS_NONE);
			cr_assert_eq(e->rating, i < 3 ? 3 : 2, "%zu", i);
			cr_assert_eq(e->marked, i < 4);
		}
		cr_assert(state_is_read(other, "p") &&
		          !state_is_new(other, "p"), "left as they were");
		state_close(other);
	}
	cr_assert_eq(state_undo(st, &c, said, sizeof(said), &err),
	             STATE_UNDO_NONE);
	cr_assert_str_eq(said, "nothing to undo");
	state_close(st);
	catalog_free(&c);
}

/* A batch (what ; does) is one step: one undo takes all of it back. */
Test(state, undo_of_a_batch_is_one_step)
{
	struct state *st = open_ok();
	struct state_error err;
	char said[256];
	cr_assert(state_set_rating(st, "b", 1, &err), "%s", err.msg);
	state_begin(st);
	cr_assert(state_set_rating(st, "a", 4, &err));
	cr_assert(state_set_rating(st, "b", 4, &err));
	cr_assert(state_set_rating(st, "c", 4, &err));
	cr_assert(state_commit(st, &err), "%s", err.msg);
	cr_assert_eq(state_undo(st, NULL, said, sizeof(said), &err),
	             STATE_UNDO_DONE, "%s", err.msg);
	cr_assert_str_eq(said, "undid: rating of 3 postings");
	cr_assert_eq(state_get(st, "a")->rating, 0);
	cr_assert_eq(state_get(st, "b")->rating, 1);
	cr_assert_eq(state_get(st, "c")->rating, 0);
	state_close(st);
	st = open_ok();
	cr_assert_null(state_get(st, "a"), "nothing left to write");
	cr_assert_eq(state_get(st, "b")->rating, 1);
	state_close(st);
}

/* Undo restores only the field this process changed, on that posting:
 * what another process changed meanwhile, there or elsewhere, stays; a
 * field it changed after this one is left as it is, and said. */
Test(state, undo_merges_with_another_process)
{
	seed();
	struct state *st = open_ok();
	struct state_error err;
	char said[256];
	cr_assert(state_set_rating(st, "seed", 3, &err), "%s", err.msg);
	cr_assert(state_set_rating(st, "x", 5, &err), "%s", err.msg);
	struct state *other = open_ok();
	cr_assert(state_set_note(other, "seed", "from the other", &err));
	cr_assert(state_set_mark(other, "y", true, &err));
	cr_assert(state_set_rating(other, "x", 1, &err));
	state_close(other);
	/* x's rating was changed since: left as it is */
	cr_assert_eq(state_undo(st, NULL, said, sizeof(said), &err),
	             STATE_UNDO_LEFT);
	cr_assert_str_eq(said, "not undone: the rating of x was changed "
	                       "since by another billet (now 1)");
	/* seed's rating goes back; its new note and y's mark stay */
	cr_assert_eq(state_undo(st, NULL, said, sizeof(said), &err),
	             STATE_UNDO_DONE, "%s", err.msg);
	cr_assert_str_eq(said, "undid: rating of seed (was 3, now unrated)");
	state_close(st);
	st = open_ok();
	cr_assert_eq(state_get(st, "seed")->rating, 0);
	cr_assert_str_eq(state_get(st, "seed")->note, "from the other");
	cr_assert(state_get(st, "seed")->marked);
	cr_assert(state_get(st, "y")->marked);
	cr_assert_eq(state_get(st, "x")->rating, 1);
	state_close(st);
}

/* A hundred steps are kept, the oldest forgotten beyond. */
Test(state, undo_keeps_a_hundred_steps)
{
	struct state *st = open_ok();
	struct state_error err;
	char said[256];
	for (int i = 0; i < 150; i++)
		cr_assert(state_set_rating(st, "a", i % 5 + 1, &err), "%s",
		          err.msg);
	for (int i = 0; i < STATE_UNDO_MAX; i++)
		cr_assert_eq(state_undo(st, NULL, said, sizeof(said), &err),
		             STATE_UNDO_DONE, "%d: %s", i, err.msg);
	cr_assert_eq(state_get(st, "a")->rating, 49 % 5 + 1);
	cr_assert_eq(state_undo(st, NULL, said, sizeof(said), &err),
	             STATE_UNDO_NONE);
	state_close(st);
}

/* An undo whose save fails is kept in memory, like any change, and
 * saved with the next one. */
Test(state, undo_whose_save_fails_is_kept)
{
	struct state *st = open_ok();
	struct state_error err;
	char said[256];
	cr_assert(state_set_mark(st, "a", true, &err), "%s", err.msg);
	atomic_io.fsync = bad_fsync;
	calls = 0;
	fail_at = 1;
	fail_errno = EIO;
	cr_assert_eq(state_undo(st, NULL, said, sizeof(said), &err),
	             STATE_UNDO_FAILED);
	cr_assert(strstr(err.msg, "not saved"), "%s", err.msg);
	cr_assert_not(state_get(st, "a")->marked);
	cr_assert(state_unsaved(st));
	atomic_io = real_aio;
	cr_assert(state_save(st, &err), "%s", err.msg);
	state_close(st);
	st = open_ok();
	cr_assert_null(state_get(st, "a"));
	state_close(st);
}

/* ---- new, seen, queries, exports ---- */

Test(state, new_means_not_seen_in_an_earlier_run)
{
	struct catalog c;
	catalog_init(&c);
	const char *ids[] = {"p1", "p2", "p3"};
	for (int i = 0; i < 2; i++) {
		struct posting *p = arena_alloc(&c.arena, sizeof(*p));
		*p = posting(ids[i]);
		catalog_add(&c, p);
	}
	struct state *st = open_ok();
	struct query_env env = {0};
	state_query_env(st, &env);
	struct query_error qe;
	struct query *q = query_parse("is:new", &qe);
	cr_assert_not_null(q);
	cr_assert(query_match(q, c.v[0], &env), "first run: all new");
	struct state_error err;
	cr_assert(state_seen_all(st, &c, &err), "%s", err.msg);
	cr_assert(query_match(q, c.v[0], &env), "new for the whole run");
	state_close(st);

	struct posting *p = arena_alloc(&c.arena, sizeof(*p));
	*p = posting(ids[2]);
	catalog_add(&c, p);
	st = open_ok();
	state_query_env(st, &env);
	cr_assert_not(query_match(q, c.v[0], &env), "seen last run");
	cr_assert_not(query_match(q, c.v[1], &env));
	cr_assert(query_match(q, c.v[2], &env), "a posting added since");
	state_close(st);
	query_free(q);
	catalog_free(&c);
}

Test(state, query_env_answers_state_terms)
{
	struct posting p = posting("p"), o = posting("o");
	struct state *st = open_ok();
	struct state_error err;
	state_begin(st);
	state_set_mark(st, "p", true, &err);
	state_set_hidden(st, "o", true, &err);
	state_set_read(st, "p", true, &err);
	state_set_note(st, "p", "n", &err);
	state_set_rating(st, "p", 4, &err);
	state_set_status(st, "p", QSTATUS_APPLIED, &err);
	cr_assert(state_commit(st, &err), "%s", err.msg);
	struct query_env env = {0};
	state_query_env(st, &env);
	static const char *const yes_p[] = {
		"is:marked", "-is:hidden", "is:read", "has:note", "rating>=4",
		"status:applied",
	};
	for (size_t i = 0; i < sizeof(yes_p) / sizeof(yes_p[0]); i++) {
		struct query_error qe;
		struct query *q = query_parse(yes_p[i], &qe);
		cr_assert_not_null(q, "%s: %s", yes_p[i], qe.msg);
		cr_assert(query_match(q, &p, &env), "%s", yes_p[i]);
		cr_assert_not(query_match(q, &o, &env), "%s", yes_p[i]);
		query_free(q);
	}
	state_close(st);
}

/* export_list into a string (caller frees). */
static char *
exported_flags(struct posting *const *v, size_t n, enum format fmt,
               unsigned flags, const struct export_hooks *h)
{
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);
	export_list(f, v, n, fmt, 80, flags, h);
	fclose(f);
	return s;
}

static char *
exported(struct posting *const *v, size_t n, enum format fmt,
         const struct export_hooks *h)
{
	return exported_flags(v, n, fmt, 0, h);
}

Test(state, export_hooks_carry_mark_note_rating_status)
{
	struct posting p = posting("p");
	struct posting *v[] = {&p};
	struct state *st = open_ok();
	struct state_error err;
	state_set_mark(st, "p", true, &err);
	state_set_note(st, "p", "=call \"Ana\", then\nwrite", &err);
	state_set_rating(st, "p", 3, &err);
	state_set_status(st, "p", QSTATUS_OFFER, &err);
	struct export_hooks h = {0};
	state_export_hooks(st, &h);
	char *tsv = exported(v, 1, FMT_TSV, &h);
	cr_assert(strstr(tsv, "\t1\n"), "%s", tsv); /* marked, last */
	free(tsv);
	/* JSON carries the state under billet_state, only when asked */
	char *json = exported(v, 1, FMT_JSON, &h);
	cr_assert(!strstr(json, "\"rating\"") && !strstr(json, "offer") &&
	          !strstr(json, "billet_state") && !strstr(json, "Ana"),
	          "%s", json);
	free(json);
	json = exported_flags(v, 1, FMT_JSON, EXPORT_STATE, &h);
	char today[11], want[400];
	day_format(day_today(), today);
	snprintf(want, sizeof(want),
	         "\"billet_state\": {\n    \"marked\": true,\n"
	         "    \"rating\": 3,\n    \"status\": \"offer\",\n"
	         "    \"history\": [\n      {\n        \"status\": \"offer\",\n"
	         "        \"date\": \"%s\"\n      }\n    ],\n"
	         "    \"note\": \"=call \\\"Ana\\\", then\\nwrite\"\n"
	         "  }\n}", today);
	cr_assert(strstr(json, want), "%s", json);
	free(json);
	char *md = exported_flags(v, 1, FMT_MARKDOWN, EXPORT_STATE, &h);
	cr_assert(strstr(md, "3/5"), "%s", md);
	cr_assert(strstr(md, "offer"), "%s", md);
	free(md);
	/* the shortlist's CSV and TSV: rating, status and note after the
	 * list's columns; the note's lines kept in a quoted CSV cell */
	char *csv = exported_flags(v, 1, FMT_CSV,
	                           EXPORT_HEADER | EXPORT_STATE, &h);
	cr_assert(strstr(csv, "deadline,marked,rating,status,note,changed\r\n"),
	          "%s", csv);
	cr_assert(strstr(csv, ",1,3,offer,\"'=call \"\"Ana\"\", then\nwrite\",0\r\n"),
	          "%s", csv);
	free(csv);
	tsv = exported_flags(v, 1, FMT_TSV, EXPORT_STATE, &h);
	cr_assert(strstr(tsv, "\t1\t3\toffer\t'=call \"Ana\", then"), "%s",
	          tsv);
	cr_assert_eq(strchr(tsv, '\n'), tsv + strlen(tsv) - 1, "%s", tsv);
	free(tsv);
	/* without a state: empty cells */
	csv = exported_flags(v, 1, FMT_CSV, EXPORT_STATE, NULL);
	cr_assert(strstr(csv, ",0,,,,0\r\n"), "%s", csv);
	free(csv);
	state_close(st);
}

static char *
cell(const char *s)
{
	struct buf b = {0};
	csv_cell(&b, s);
	return buf_steal(&b);
}

Test(state, csv_escaping_and_formula_guard)
{
	static const char *const cases[][2] = {
		{"plain", "plain"},
		{"", ""},
		{"a,b", "\"a,b\""},
		{"say \"hi\"", "\"say \"\"hi\"\"\""},
		{"two\nlines", "\"two\nlines\""},
		{"cr\rhere", "\"cr\rhere\""},
		{"=SUM(A1:A9)", "\"'=SUM(A1:A9)\""},
		{"+1 555", "\"'+1 555\""},
		{"-2", "\"'-2\""},
		{"@cmd", "\"'@cmd\""},
		{"=\"x\",y", "\"'=\"\"x\"\",y\""},
		{"a=b", "a=b"},
		{"café", "café"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = cell(cases[i][0]);
		cr_assert_str_eq(got, cases[i][1], "csv_cell(%s)", cases[i][0]);
		free(got);
	}
}

Test(state, export_file_never_overwrites_unless_asked)
{
	struct posting p = posting("p");
	struct posting *v[] = {&p};
	char out[160];
	snprintf(out, sizeof(out), "%s/shortlist.csv", dir);
	char err[1024];
	cr_assert_eq(export_file(out, false, v, 1, FMT_CSV, 80, NULL, err,
	                         sizeof(err)), EXPORT_DONE, "%s", err);
	char *first = slurp(out, NULL);
	cr_assert(strstr(first, "id,title"), "a header line: %s", first);
	cr_assert(strstr(first, "p,p"), "%s", first);
	spew(out, "mine\n");
	cr_assert_eq(export_file(out, false, v, 1, FMT_CSV, 80, NULL, err,
	                         sizeof(err)), EXPORT_EXISTS);
	char *now = slurp(out, NULL);
	cr_assert_str_eq(now, "mine\n");
	free(now);
	cr_assert_eq(export_file(out, true, v, 1, FMT_MARKDOWN, 80, NULL,
	                         err, sizeof(err)), EXPORT_DONE, "%s", err);
	now = slurp(out, NULL);
	cr_assert(strstr(now, "## p"), "%s", now);
	free(now);
	free(first);
	cr_assert_not(temp_left());
	char bad[160];
	snprintf(bad, sizeof(bad), "%s/no/such/dir/x.md", dir);
	cr_assert_eq(export_file(bad, false, v, 1, FMT_MARKDOWN, 80, NULL,
	                         err, sizeof(err)), EXPORT_FAILED);
	cr_assert(strstr(err, "not exported: cannot create a temporary file "
	                      "in "), "%s", err);
}

Test(state, export_file_failure_leaves_existing_file)
{
	struct posting p = posting("p");
	struct posting *v[] = {&p};
	char out[160];
	snprintf(out, sizeof(out), "%s/x.json", dir);
	spew(out, "old\n");
	atomic_io.fsync = bad_fsync;
	calls = 0;
	fail_at = 1;
	fail_errno = ENOSPC;
	char err[1024];
	cr_assert_eq(export_file(out, true, v, 1, FMT_JSON, 80, NULL, err,
	                         sizeof(err)), EXPORT_FAILED);
	char want[256];
	snprintf(want, sizeof(want), "not exported: cannot sync a temporary "
	         "file in %s: %s", dir, strerror(ENOSPC));
	cr_assert_str_eq(err, want);
	char *now = slurp(out, NULL);
	cr_assert_str_eq(now, "old\n");
	free(now);
	cr_assert_not(temp_left());
}

/* ---- where the file lives ---- */

Test(state, default_path_follows_xdg)
{
	setenv("XDG_STATE_HOME", "/x/state", 1);
	char *p = state_default_path();
	cr_assert_str_eq(p, "/x/state/billet/state.yaml");
	free(p);
	setenv("XDG_STATE_HOME", "relative", 1);
	setenv("HOME", "/home/u", 1);
	p = state_default_path();
	cr_assert_str_eq(p, "/home/u/.local/state/billet/state.yaml");
	free(p);
	unsetenv("XDG_STATE_HOME");
	p = state_default_path();
	cr_assert_str_eq(p, "/home/u/.local/state/billet/state.yaml");
	free(p);
}

Test(state, directories_are_made_0700_when_saving)
{
	char deep[200];
	snprintf(deep, sizeof(deep), "%s/home/.local/state/billet/state.yaml",
	         dir);
	setenv("HOME", deep, 1); /* unused: the path is given */
	struct state_error err;
	struct state *st = state_open(deep, &err);
	cr_assert(state_writable(st), "%s", err.msg);
	cr_assert(state_set_mark(st, "a", true, &err), "%s", err.msg);
	state_close(st);
	char d[200];
	snprintf(d, sizeof(d), "%s/home/.local/state/billet", dir);
	struct stat sb;
	cr_assert_eq(stat(d, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0700);
	cr_assert_eq(stat(deep, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600);
}

Test(state, a_symlinked_file_is_saved_through_the_link)
{
	char real[160], link_[160];
	snprintf(real, sizeof(real), "%s/real.yaml", dir);
	snprintf(link_, sizeof(link_), "%s/link.yaml", dir);
	spew(real, "a: {marked: true}\n");
	cr_assert_eq(symlink("real.yaml", link_), 0);
	struct state_error err;
	struct state *st = state_open(link_, &err);
	cr_assert(state_get(st, "a")->marked);
	cr_assert(state_set_mark(st, "b", true, &err), "%s", err.msg);
	state_close(st);
	struct stat sb;
	cr_assert_eq(lstat(link_, &sb), 0);
	cr_assert(S_ISLNK(sb.st_mode), "the link is still a link");
	char *now = slurp(real, NULL);
	cr_assert(strstr(now, "b:\n  marked: true"), "%s", now);
	free(now);
}

Test(state, many_entries_are_fast, .timeout = 30)
{
	enum { N = 100000 };
	struct state *st = open_ok();
	struct state_error err;
	char id[32];
	state_begin(st);
	for (int i = 0; i < N; i++) {
		snprintf(id, sizeof(id), "posting-%06d", i);
		state_set_rating(st, id, 1 + i % 5, &err);
		state_set_read(st, id, true, &err);
	}
	cr_assert(state_commit(st, &err), "%s", err.msg);
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	cr_assert(state_set_mark(st, "posting-050000", true, &err), "%s",
	          err.msg);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double save = (double)(t1.tv_sec - t0.tv_sec) +
	              (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	cr_assert_lt(save, 2.0, "one save of 100,000 entries took %.2fs",
	             save);
	state_close(st);
	st = open_ok();
	cr_assert_eq(state_count(st), N);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int i = 0; i < N; i++) {
		snprintf(id, sizeof(id), "posting-%06d", i);
		cr_assert_eq(state_get(st, id)->rating, 1 + i % 5);
		cr_assert(state_is_read(st, id));
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	double look = (double)(t1.tv_sec - t0.tv_sec) +
	              (double)(t1.tv_nsec - t0.tv_nsec) / 1e9;
	cr_assert_lt(look, 1.0, "100,000 lookups took %.2fs", look);
	cr_assert(state_get(st, "posting-050000")->marked);
	state_close(st);
}
