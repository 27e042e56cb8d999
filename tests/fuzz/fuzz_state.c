/* SPDX-License-Identifier: MIT */
/* fuzz_state: the state-file reader and writer. The input is written as a
 * state file in a private temporary directory and opened with state_open.
 * Checked:
 * - a file that does not parse leaves the state read-only with a reason,
 *   a change to it fails, and the file's bytes stay exactly as they were;
 * - a file that parses is saved again after one change (a mark on a new
 *   id), and reading the saved file back gives every entry as it was (id,
 *   marked, hidden, rating, status, note; read and seen, kept in the store
 *   beside it) plus the change:
 *   nothing saved is lost or altered (an entry that records nothing, such
 *   as "id: ~", may be dropped);
 * - the saved file is then stable: a second change and save, read back,
 *   still keeps everything;
 * - an entry that cannot be read is kept as written: as many entries
 *   cannot be read after each save, and none of them is changed. */
#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "state.h"
#include "fuzz_common.h"

/* The directory the state file lives in, made once per process. */
static char dir[256];
static char path[300];

/* Removes the files the state may leave beside its file. */
static void
clean_dir(void)
{
	DIR *d = opendir(dir);
	if (!d)
		return;
	struct dirent *de;
	char p[600];
	while ((de = readdir(d))) {
		if (!strcmp(de->d_name, ".") || !strcmp(de->d_name, ".."))
			continue;
		snprintf(p, sizeof(p), "%s/%s", dir, de->d_name);
		unlink(p);
	}
	closedir(d);
}

/* Removes the directory at exit. */
static void
remove_dir(void)
{
	clean_dir();
	rmdir(dir);
}

/* Writes the bytes as the state file. */
static void
write_file(const uint8_t *data, size_t size)
{
	FILE *f = fopen(path, "wb");
	if (!f || (size && fwrite(data, 1, size, f) != size) || fclose(f))
		abort();
}

/* Reads the state file back (malloc'd; *len its size). */
static char *
read_file(size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		abort();
	struct buf b = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	*len = b.len;
	return buf_steal(&b);
}

/* True if two notes are the same (NULL and "" both mean none). */
static bool
same_note(const char *a, const char *b)
{
	if (!a || !*a || !b || !*b)
		return (!a || !*a) && (!b || !*b);
	return strcmp(a, b) == 0;
}

/* Checks that every entry of old is in now with the same values, but for
 * the one whose id is changed (which must be marked in now). */
static void
check_kept(struct state *old, struct state *now, const char *changed)
{
	size_t bad_old = 0, bad_now = 0;
	for (size_t i = 0; i < state_count(now); i++)
		bad_now += state_at(now, i)->problem != NULL;
	for (size_t i = 0; i < state_count(old); i++) {
		const struct state_entry *a = state_at(old, i);
		if (a->problem) {
			/* kept as written: it reads back as it did */
			bad_old++;
			continue;
		}
		const struct state_entry *b = state_get(now, a->id);
		bool empty = !a->marked && !a->hidden && !a->rating &&
		             !a->status && (!a->note || !*a->note);
		if (!b && empty)
			continue; /* "id: ~" records nothing; it may go */
		if (!b)
			fuzz_fail("an entry was lost on saving", a->id,
			          strlen(a->id), 0);
		bool is_changed = !strcmp(a->id, changed);
		if (a->marked != b->marked && !is_changed)
			fuzz_fail("marked changed on saving", a->id,
			          strlen(a->id), 0);
		/* seen and read are kept in the store beside the file */
		if (a->hidden != b->hidden ||
		    state_is_read(old, a->id) != state_is_read(now, a->id) ||
		    state_is_new(old, a->id) != state_is_new(now, a->id) ||
		    a->rating != b->rating ||
		    a->status != b->status || !same_note(a->note, b->note))
			fuzz_fail("an entry changed on saving", a->id,
			          strlen(a->id), 0);
	}
	if (bad_old != bad_now)
		fuzz_fail("an entry that cannot be read was not kept as it was",
		          changed, strlen(changed), 0);
	const struct state_entry *c = state_get(now, changed);
	if (!c || !c->marked)
		fuzz_fail("the change was not saved", changed, strlen(changed),
		          0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (!dir[0]) {
		const char *tmp = access("/dev/shm", W_OK) == 0 ? "/dev/shm"
		                  : getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
		snprintf(dir, sizeof(dir), "%s/billet-fuzz-state.XXXXXX", tmp);
		if (!mkdtemp(dir))
			abort();
		snprintf(path, sizeof(path), "%s/state.yaml", dir);
		atexit(remove_dir);
		state_io.lock_wait_ms = 100;
	}
	clean_dir();
	write_file(data, size);

	struct state_error err;
	struct state *st = state_open(path, &err);
	if (!memchr(err.msg, '\0', sizeof(err.msg)))
		abort();
	if (!state_writable(st)) {
		/* never overwritten: a change fails, the bytes stay */
		if (!err.msg[0] || !state_problem(st))
			fuzz_fail("read-only without a reason", (const char *)data,
			          size, 0);
		if (state_set_mark(st, "fuzz~new", true, &err))
			fuzz_fail("a change to a read-only state was saved",
			          (const char *)data, size, 0);
		size_t len;
		char *now = read_file(&len);
		if (len != size || (size && memcmp(now, data, size)))
			fuzz_fail("a state file that does not parse was "
			          "changed", (const char *)data, size, 0);
		free(now);
		state_close(st);
		return 0;
	}
	for (size_t i = 0; i < state_count(st); i++) {
		const struct state_entry *e = state_at(st, i);
		if (!e->id || (!e->problem && state_get(st, e->id) != e))
			fuzz_fail("state_get does not find an entry", e->id,
			          e->id ? strlen(e->id) : 0, 0);
		if (e->rating < 0 || e->rating > 5 || e->status < 0 ||
		    e->status >= QSTATUS_N)
			fuzz_fail("a value out of range", e->id, strlen(e->id),
			          0);
	}
	/* one change, saved, read back; an entry that cannot be read is
	 * not changed */
	const struct state_entry *bad = state_get(st, "fuzz~new");
	if (bad && bad->problem) {
		if (state_set_mark(st, "fuzz~new", !bad->marked, &err))
			fuzz_fail("an entry that cannot be read was changed",
			          bad->problem, strlen(bad->problem), 0);
		state_close(st);
		return 0;
	}
	if (!state_set_mark(st, "fuzz~new", true, &err))
		fuzz_fail("saving a writable state failed", err.msg,
		          strlen(err.msg), 0);
	struct state *again = state_open(path, &err);
	if (!state_writable(again))
		fuzz_fail("the saved state does not read back", err.msg,
		          strlen(err.msg), 0);
	check_kept(st, again, "fuzz~new");
	/* and once more, from what was saved */
	if (!state_set_mark(again, "fuzz~second", true, &err))
		fuzz_fail("saving the saved state failed", err.msg,
		          strlen(err.msg), 0);
	struct state *third = state_open(path, &err);
	if (!state_writable(third))
		fuzz_fail("the state saved twice does not read back", err.msg,
		          strlen(err.msg), 0);
	check_kept(again, third, "fuzz~second");
	state_close(third);
	state_close(again);
	state_close(st);
	return 0;
}
