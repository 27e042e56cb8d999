/* SPDX-License-Identifier: MIT */
/* What billet records by itself: the compact store of seen postings
 * (seen.h) and the postings as they were read (snapshot.h): a round
 * trip, the merge of two processes' writes, a damaged file said and
 * rebuilt, fingerprints, and what is new to a run. */
#include <criterion/criterion.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"
#include "load.h"
#include "seen.h"
#include "snapshot.h"

static char dir[64];
static char path[128];

static void
setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/billet-seen-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/state.seen.db", dir);
}

static void
teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(seen, .init = setup, .fini = teardown);

/* A store on path, loaded; msg empty. */
static struct seen *
open_loaded(void)
{
	struct seen *s = seen_new(path);
	char msg[512];
	cr_assert(seen_load(s, msg, sizeof(msg)), "%s", msg);
	cr_assert_eq(msg[0], '\0', "%s", msg);
	return s;
}

static void
save(struct seen *s)
{
	char msg[512];
	cr_assert_eq(seen_save(s, msg, sizeof(msg)), ATOMIC_DONE, "%s", msg);
	cr_assert_eq(msg[0], '\0', "%s", msg);
	cr_assert_not(seen_pending(s));
}

/* The file's bytes. */
static unsigned char *
slurp(size_t *len)
{
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f);
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	rewind(f);
	unsigned char *d = malloc(*len + 1);
	cr_assert_eq(fread(d, 1, *len, f), *len);
	fclose(f);
	return d;
}

static void
spill(const unsigned char *d, size_t len)
{
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(d, 1, len, f), len);
	fclose(f);
}

Test(seen, keys_are_hashes_with_room_for_flags)
{
	uint64_t k = seen_key("nyic-upstate-director-advocacy");
	cr_assert_eq(k & 0xFF, 0);
	cr_assert_eq(k, seen_key("nyic-upstate-director-advocacy"));
	cr_assert_neq(k, seen_key("aclu-socal-kern-policy-advocate"));
}

Test(seen, a_missing_file_is_empty_and_not_written_for_nothing)
{
	struct seen *s = open_loaded();
	cr_assert_eq(seen_count(s), 0);
	cr_assert_eq(seen_get(s, seen_key("a")), 0);
	save(s);
	cr_assert_eq(access(path, F_OK), -1, "nothing to save: no file");
	seen_free(s);
}

Test(seen, round_trip)
{
	struct seen *s = open_loaded();
	seen_set(s, seen_key("a"), SEEN_SEEN, 0);
	seen_set(s, seen_key("b"), SEEN_SEEN | SEEN_READ, 0);
	seen_set_fingerprint(s, seen_key("b"), 0x1234567890ABCDEFULL);
	cr_assert(seen_pending(s));
	cr_assert_eq(seen_get(s, seen_key("b")), SEEN_SEEN | SEEN_READ);
	save(s);
	seen_free(s);
	struct stat sb;
	cr_assert_eq(stat(path, &sb), 0);
	cr_assert_eq(sb.st_mode & 0777, 0600);
	cr_assert_eq(sb.st_size, 48 + 2 * 8 + 16, "header, 2 records, 1 pair");

	s = open_loaded();
	cr_assert_eq(seen_count(s), 2);
	cr_assert_eq(seen_get(s, seen_key("a")) & SEEN_KEPT, SEEN_SEEN);
	cr_assert_eq(seen_get(s, seen_key("b")) & SEEN_KEPT,
	             SEEN_SEEN | SEEN_READ);
	cr_assert_eq(seen_get(s, seen_key("c")), 0);
	uint64_t fp = 0;
	cr_assert(seen_fingerprint(s, seen_key("b"), &fp));
	cr_assert_eq(fp, 0x1234567890ABCDEFULL);
	cr_assert_not(seen_fingerprint(s, seen_key("a"), &fp));
	/* clearing a flag, dropping a fingerprint */
	seen_set(s, seen_key("b"), 0, SEEN_READ);
	seen_drop_fingerprint(s, seen_key("b"));
	save(s);
	seen_free(s);
	s = open_loaded();
	cr_assert_eq(seen_get(s, seen_key("b")) & SEEN_KEPT, SEEN_SEEN);
	cr_assert_not(seen_fingerprint(s, seen_key("b"), &fp));
	seen_free(s);
}

/* What the file held when a run first read it is not new to that run;
 * what the run saw itself is. */
Test(seen, before_is_what_the_run_found)
{
	struct seen *s = open_loaded();
	seen_set(s, seen_key("old"), SEEN_SEEN, 0);
	save(s);
	seen_free(s);
	s = open_loaded();
	cr_assert(seen_get(s, seen_key("old")) & SEEN_BEFORE);
	seen_set(s, seen_key("fresh"), SEEN_SEEN, 0);
	cr_assert_not(seen_get(s, seen_key("fresh")) & SEEN_BEFORE);
	save(s);
	cr_assert(seen_get(s, seen_key("old")) & SEEN_BEFORE);
	cr_assert_not(seen_get(s, seen_key("fresh")) & SEEN_BEFORE,
	              "still new to this run after a save");
	seen_free(s);
	/* the flag is the run's, never the file's */
	size_t len;
	unsigned char *d = slurp(&len);
	for (size_t i = 48; i < len; i += 8)
		cr_assert_eq(d[i] & SEEN_BEFORE, 0);
	free(d);
}

/* Changes made before the file is read (an old state file's seen
 * postings) are applied over what it holds. */
Test(seen, changes_before_the_load_are_kept)
{
	struct seen *s = open_loaded();
	seen_set(s, seen_key("x"), SEEN_SEEN, 0);
	save(s);
	seen_free(s);
	s = seen_new(path);
	seen_set(s, seen_key("y"), SEEN_SEEN | SEEN_BEFORE, 0);
	seen_set(s, seen_key("x"), SEEN_READ, 0);
	cr_assert(seen_load(s, NULL, 0));
	cr_assert_eq(seen_get(s, seen_key("x")),
	             SEEN_SEEN | SEEN_READ | SEEN_BEFORE);
	cr_assert_eq(seen_get(s, seen_key("y")), SEEN_SEEN | SEEN_BEFORE);
	seen_free(s);
	/* and when the save is the first to read it */
	s = seen_new(path);
	seen_set(s, seen_key("z"), SEEN_SEEN, 0);
	save(s);
	cr_assert(seen_get(s, seen_key("x")) & SEEN_BEFORE,
	          "the file had x when this run first read it");
	cr_assert_not(seen_get(s, seen_key("z")) & SEEN_BEFORE);
	cr_assert_not(seen_get(s, seen_key("y")) & SEEN_SEEN,
	              "y was never saved");
	seen_free(s);
	s = open_loaded();
	cr_assert(seen_get(s, seen_key("z")) & SEEN_SEEN);
	seen_free(s);
}

/* Two processes: each saves what it changed over what the other wrote;
 * neither loses the other's. */
Test(seen, two_processes_merge)
{
	struct seen *a = open_loaded(), *b = open_loaded();
	seen_set(a, seen_key("by-a"), SEEN_SEEN, 0);
	seen_set(a, seen_key("both"), SEEN_SEEN, 0);
	seen_set_fingerprint(a, seen_key("by-a"), 7);
	save(a);
	seen_set(b, seen_key("by-b"), SEEN_SEEN | SEEN_READ, 0);
	seen_set(b, seen_key("both"), SEEN_READ, 0);
	seen_set_fingerprint(b, seen_key("by-b"), 8);
	save(b);
	/* b now knows a's, a does not know b's until its next save */
	cr_assert(seen_get(b, seen_key("by-a")) & SEEN_SEEN);
	cr_assert_eq(seen_get(b, seen_key("both")) & SEEN_KEPT,
	             SEEN_SEEN | SEEN_READ);
	cr_assert_eq(seen_get(b, seen_key("by-a")) & SEEN_BEFORE, 0,
	             "another run's, not before this one");
	seen_set(a, seen_key("later"), SEEN_SEEN, 0);
	save(a);
	cr_assert(seen_get(a, seen_key("by-b")) & SEEN_READ);
	seen_free(a);
	seen_free(b);
	struct seen *c = open_loaded();
	const char *ids[] = {"by-a", "by-b", "both", "later"};
	for (size_t i = 0; i < 4; i++)
		cr_assert(seen_get(c, seen_key(ids[i])) & SEEN_SEEN, "%s",
		          ids[i]);
	uint64_t fp;
	cr_assert(seen_fingerprint(c, seen_key("by-a"), &fp) && fp == 7);
	cr_assert(seen_fingerprint(c, seen_key("by-b"), &fp) && fp == 8);
	seen_free(c);
}

/* Many at once: one merge; the join answers for each in one pass. */
static unsigned joined[1000];

static void
join_fn(void *ctx, uint32_t i, unsigned flags)
{
	(void)ctx;
	joined[i] = flags;
}

Test(seen, many_at_once)
{
	struct seen *s = open_loaded();
	seen_set(s, seen_key("id-7"), SEEN_READ, 0);
	uint64_t keys[1000];
	uint32_t idx[1000];
	char id[32];
	for (uint32_t i = 0; i < 1000; i++) {
		snprintf(id, sizeof(id), "id-%u", i % 600);
		keys[i] = seen_key(id);
	}
	seen_set_many(s, keys, 1000, SEEN_SEEN);
	cr_assert_eq(seen_count(s), 600);
	save(s);
	seen_free(s);
	s = open_loaded();
	cr_assert_eq(seen_count(s), 600);
	cr_assert_eq(seen_get(s, seen_key("id-7")) & SEEN_KEPT,
	             SEEN_SEEN | SEEN_READ);
	/* the join: keys sorted, with their positions */
	for (uint32_t i = 0; i < 1000; i++) {
		snprintf(id, sizeof(id), "id-%u", i);
		keys[i] = seen_key(id);
		idx[i] = i;
	}
	for (uint32_t i = 1; i < 1000; i++)
		for (uint32_t j = i; j > 0 && keys[j - 1] > keys[j]; j--) {
			uint64_t t = keys[j];
			keys[j] = keys[j - 1];
			keys[j - 1] = t;
			uint32_t u = idx[j];
			idx[j] = idx[j - 1];
			idx[j - 1] = u;
		}
	seen_join(s, keys, idx, 1000, join_fn, NULL);
	for (uint32_t i = 0; i < 1000; i++)
		cr_assert_eq(joined[i] & SEEN_SEEN, i < 600 ? SEEN_SEEN : 0,
		             "id-%u", i);
	seen_free(s);
}

/* Every kind of damage is found, said, and the file rebuilt at the next
 * save with what this run knows. */
Test(seen, damage_is_found_and_rebuilt)
{
	struct seen *s = open_loaded();
	for (int i = 0; i < 50; i++) {
		char id[16];
		snprintf(id, sizeof(id), "p%d", i);
		seen_set(s, seen_key(id), SEEN_SEEN, 0);
	}
	save(s);
	seen_free(s);
	size_t len;
	unsigned char *good = slurp(&len);
	struct {
		const char *what;
		size_t at;      /* byte to flip, or */
		size_t cut;     /* length to cut the file to (0: none) */
		const char *said;
	} cases[] = {
		{"a record", 48 + 8 * 20 + 3, 0, "its checksum does not match"},
		{"the magic", 1, 0, "not a file of seen postings"},
		{"the version", 8, 0, "a version this billet does not know"},
		{"the count", 16, 0, "its header's checksum does not match"},
		{"the checksum", 33, 0, "checksum does not match"},
		{"cut short", 0, 48 + 8 * 10, "its size does not match"},
		{"cut in the header", 0, 20, "not a file of seen postings"},
		{"empty", 0, 1, "not a file of seen postings"},
	};
	for (size_t c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		unsigned char *d = malloc(len);
		memcpy(d, good, len);
		size_t n = len;
		if (cases[c].cut)
			n = cases[c].cut == 1 ? 0 : cases[c].cut;
		else
			d[cases[c].at] ^= 0x40;
		spill(d, n);
		free(d);
		s = seen_new(path);
		char msg[512];
		cr_assert_not(seen_load(s, msg, sizeof(msg)), "%s",
		              cases[c].what);
		cr_assert(strstr(msg, cases[c].said), "%s: %s", cases[c].what,
		          msg);
		cr_assert(strstr(msg, "is damaged"), "%s", msg);
		cr_assert(strstr(msg, "it is rebuilt"), "%s", msg);
		cr_assert_eq(seen_count(s), 0, "nothing of it is believed");
		seen_set(s, seen_key("p1"), SEEN_READ, 0);
		save(s);
		seen_free(s);
		s = open_loaded();
		cr_assert_eq(seen_count(s), 1, "%s: rebuilt", cases[c].what);
		cr_assert(seen_get(s, seen_key("p1")) & SEEN_READ);
		seen_free(s);
		spill(good, len);
	}
	free(good);
}

/* Damage found by a save's read (another program broke it meanwhile):
 * the file is rebuilt, and the save says so. */
Test(seen, damage_found_when_saving)
{
	struct seen *s = open_loaded();
	seen_set(s, seen_key("a"), SEEN_SEEN, 0);
	save(s);
	static const char garbage[] = "garbage that is long enough to be "
	                              "read as a header of forty-eight bytes";
	spill((const unsigned char *)garbage, strlen(garbage));
	seen_set(s, seen_key("b"), SEEN_SEEN, 0);
	char msg[512];
	cr_assert_eq(seen_save(s, msg, sizeof(msg)), ATOMIC_DONE);
	cr_assert(strstr(msg, "is damaged"), "%s", msg);
	seen_free(s);
	s = open_loaded();
	cr_assert(seen_get(s, seen_key("b")) & SEEN_SEEN);
	seen_free(s);
}

/* A failed write keeps the changes pending and the old file whole. */
static ssize_t
failing_write(int fd, const void *buf, size_t n)
{
	(void)fd;
	(void)buf;
	(void)n;
	errno = ENOSPC;
	return -1;
}

Test(seen, a_failed_write_keeps_everything)
{
	struct seen *s = open_loaded();
	seen_set(s, seen_key("a"), SEEN_SEEN, 0);
	save(s);
	size_t len;
	unsigned char *old = slurp(&len);
	seen_set(s, seen_key("b"), SEEN_SEEN, 0);
	struct atomic_io keep = atomic_io;
	atomic_io.write = failing_write;
	char msg[512];
	enum atomic_result r = seen_save(s, msg, sizeof(msg));
	atomic_io = keep;
	cr_assert_eq(r, ATOMIC_FAILED);
	cr_assert(strstr(msg, "No space left on device"), "%s", msg);
	cr_assert(seen_pending(s));
	size_t len2;
	unsigned char *now = slurp(&len2);
	cr_assert_eq(len2, len);
	cr_assert_eq(memcmp(now, old, len), 0);
	free(now);
	free(old);
	save(s);
	seen_free(s);
	s = open_loaded();
	cr_assert(seen_get(s, seen_key("b")) & SEEN_SEEN);
	seen_free(s);
}

/* A million postings: eight bytes each. */
Test(seen, compact)
{
	struct seen *s = open_loaded();
	size_t n = 1000000;
	uint64_t *keys = malloc(n * sizeof(*keys));
	char id[32];
	for (size_t i = 0; i < n; i++) {
		snprintf(id, sizeof(id), "posting-%zu", i);
		keys[i] = seen_key(id);
	}
	seen_set_many(s, keys, n, SEEN_SEEN);
	free(keys);
	save(s);
	seen_free(s);
	struct stat sb;
	cr_assert_eq(stat(path, &sb), 0);
	cr_assert_eq((size_t)sb.st_size, 48 + 8 * n);
	s = open_loaded();
	cr_assert_eq(seen_count(s), n);
	cr_assert(seen_get(s, seen_key("posting-999999")) & SEEN_BEFORE);
	seen_free(s);
}

/* ---- postings as they were read (snapshot.h) ---- */

/* A posting loaded from text (in c). */
static struct posting *
posting_of(struct catalog *c, const char *text)
{
	size_t before = c->n;
	load_buffer(c, "p.yaml", text, strlen(text), NULL);
	cr_assert_eq(c->n, before + 1, "%s", text);
	return c->v[before];
}

static const char organizer[] =
	"id: organizer\ntitle: Tenant Organizer\norganization: Eastside\n"
	"salary: {min: 50000, max: 55000}\n"
	"responsibilities: [Door knocking, \"Say \\\"hi\\\" — \\u00e9\"]\n"
	"odd_key: kept\n";

Test(seen, snapshots_round_trip_and_read_back_as_postings)
{
	char spath[160];
	snprintf(spath, sizeof(spath), "%s/state.snapshots.json", dir);
	struct catalog c;
	catalog_init(&c);
	struct posting *p = posting_of(&c, organizer);
	struct posting *q = posting_of(&c, "id: \"dr\\u00e9am \\\"x\\\"\"\n"
	                               "title: Driver\norganization: O\n");
	struct snapshots *s = snapshot_new(spath);
	snapshot_put(s, p);
	snapshot_put(s, q);
	cr_assert(snapshot_pending(s));
	char msg[512];
	cr_assert_eq(snapshot_save(s, msg, sizeof(msg)), ATOMIC_DONE, "%s",
	             msg);
	cr_assert_not(snapshot_pending(s));
	snapshot_free(s);

	/* one compact line a posting, in a JSON list */
	FILE *f = fopen(spath, "r");
	char line[4096];
	int lines = 0;
	while (fgets(line, sizeof(line), f))
		lines++;
	fclose(f);
	cr_assert_eq(lines, 4, "[, two postings, ]");

	s = snapshot_new(spath);
	cr_assert_eq(snapshot_count(s), 2);
	struct catalog back;
	catalog_init(&back);
	const struct posting *b = snapshot_get(s, "organizer", &back, msg,
	                                       sizeof(msg));
	cr_assert_not_null(b, "%s", msg);
	cr_assert_str_eq(b->title, "Tenant Organizer");
	cr_assert_eq(b->salary.max, 55000);
	cr_assert_str_eq(b->responsibilities.v[1], "Say \"hi\" — é");
	cr_assert_str_eq(b->extra[0].key, "odd_key");
	cr_assert_eq(snapshot_fingerprint(b), snapshot_fingerprint(p),
	             "read back, the same posting");
	b = snapshot_get(s, "dréam \"x\"", &back, msg, sizeof(msg));
	cr_assert_not_null(b, "an id of any text: %s", msg);
	cr_assert_str_eq(b->title, "Driver");
	cr_assert_null(snapshot_get(s, "none", &back, NULL, 0));
	/* dropped */
	snapshot_drop(s, "organizer");
	cr_assert_eq(snapshot_save(s, msg, sizeof(msg)), ATOMIC_DONE);
	snapshot_free(s);
	s = snapshot_new(spath);
	cr_assert_eq(snapshot_count(s), 1);
	snapshot_free(s);
	/* and billet reads the file as postings */
	struct catalog all;
	catalog_init(&all);
	load_path(&all, spath, NULL);
	cr_assert_eq(all.n, 1);
	cr_assert_eq(all.nerrors, 0);
	cr_assert_str_eq(all.v[0]->title, "Driver");
	catalog_free(&all);
	catalog_free(&back);
	catalog_free(&c);
}

Test(seen, a_fingerprint_follows_every_change)
{
	struct catalog c;
	catalog_init(&c);
	struct posting *p = posting_of(&c, organizer);
	struct catalog k2;
	catalog_init(&k2);
	struct posting *same = posting_of(&k2, organizer);
	same->file = "elsewhere/moved.yaml";
	same->line = 40;
	cr_assert_eq(snapshot_fingerprint(p), snapshot_fingerprint(same),
	             "where it was read does not count");
	catalog_free(&k2);
	static const char *const changed[] = {
		"salary: {min: 50000, max: 56000}\n",
		"deadline: 2026-03-01\n",
		"responsibilities: [Door knocking]\n",
	};
	for (size_t i = 0; i < 3; i++) {
		char text[512];
		snprintf(text, sizeof(text), "id: organizer\ntitle: Tenant "
		         "Organizer\norganization: Eastside\n%s", changed[i]);
		struct catalog k;
		catalog_init(&k);
		struct posting *q = posting_of(&k, text);
		cr_assert_neq(snapshot_fingerprint(q), snapshot_fingerprint(p),
		              "%s", changed[i]);
		catalog_free(&k);
	}
	catalog_free(&c);
}

/* Two processes keep snapshots: each saves over the other's. */
Test(seen, snapshots_of_two_processes_merge)
{
	char spath[160];
	snprintf(spath, sizeof(spath), "%s/state.snapshots.json", dir);
	struct catalog c;
	catalog_init(&c);
	struct posting *p = posting_of(&c, organizer);
	struct posting *q = posting_of(&c, "id: other\ntitle: Other\n"
	                               "organization: O\n");
	struct snapshots *a = snapshot_new(spath), *b = snapshot_new(spath);
	cr_assert_eq(snapshot_count(a), 0);
	cr_assert_eq(snapshot_count(b), 0);
	snapshot_put(a, p);
	cr_assert_eq(snapshot_save(a, NULL, 0), ATOMIC_DONE);
	snapshot_put(b, q);
	cr_assert_eq(snapshot_save(b, NULL, 0), ATOMIC_DONE);
	cr_assert_eq(snapshot_count(b), 2);
	snapshot_drop(a, "nothing");
	cr_assert_eq(snapshot_save(a, NULL, 0), ATOMIC_DONE);
	cr_assert_eq(snapshot_count(a), 2);
	snapshot_free(a);
	snapshot_free(b);
	catalog_free(&c);
}

Test(seen, a_damaged_snapshot_file_is_rebuilt)
{
	char spath[160];
	snprintf(spath, sizeof(spath), "%s/state.snapshots.json", dir);
	FILE *f = fopen(spath, "w");
	fputs("[\n{\"id\":\"x\",\"title\":\"cut sh", f);
	fclose(f);
	struct catalog c;
	catalog_init(&c);
	struct posting *p = posting_of(&c, organizer);
	struct snapshots *s = snapshot_new(spath);
	char msg[512];
	cr_assert_null(snapshot_get(s, "x", &c, msg, sizeof(msg)));
	cr_assert(strstr(msg, "state.snapshots.json is damaged: it is "
	                 "rebuilt"), "%s", msg);
	snapshot_put(s, p);
	cr_assert_eq(snapshot_save(s, msg, sizeof(msg)), ATOMIC_DONE, "%s",
	             msg);
	snapshot_free(s);
	s = snapshot_new(spath);
	cr_assert_eq(snapshot_count(s), 1);
	snapshot_free(s);
	catalog_free(&c);
}
