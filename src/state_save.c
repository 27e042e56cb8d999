/* SPDX-License-Identifier: MIT */
/* state_save: writing the state file. Every save takes a lock, merges
 * what another process wrote since, writes the text state_emit makes
 * (state_emit.c) and puts it in place atomically (atomic.c). */
#include "state_int.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

#include "atomic.h"
#include "day.h"
#include "snapshot.h"
#include "text.h"

/* Copies the fields in mask from d to e (moving the note). */
static void
take_fields(struct entry *e, struct entry *d, unsigned mask)
{
	if (mask & F_MARK)
		e->pub.marked = d ? d->pub.marked : false;
	if (mask & F_HIDDEN)
		e->pub.hidden = d ? d->pub.hidden : false;
	if (mask & F_WHO) {
		if (!d)
			state_entry_who(e, NULL, NULL);
		else if (d->title || d->org || !e->title)
			/* one the file has not yet keeps what this run
			 * learnt, till it is saved */
			state_entry_who(e, d->title, d->org);
	}
	if (mask & F_RATING)
		e->pub.rating = d ? d->pub.rating : 0;
	if (mask & F_STATUS)
		e->pub.status = d ? d->pub.status : QSTATUS_NONE;
	/* the history: the file's, with this run's changes to it again */
	state_hist_merge(e, d, !(mask & F_STATUS));
	if (mask & F_FOLLOWUP)
		e->pub.followup = d ? d->pub.followup : 0;
	if (mask & F_NOTE) {
		bool same = d && d->note && e->note && !strcmp(d->note, e->note);
		if (!same) {
			free(e->note);
			e->note = d ? d->note : NULL;
			if (d)
				d->note = NULL;
			e->pub.note = e->note;
		}
	}
}

/* Moves what the file says an entry cannot be read (and its text) from
 * d to e, or clears it from e when d is NULL or could be read. */
static void
take_problem(struct entry *e, struct entry *d)
{
	free(e->problem);
	free(e->raw);
	e->problem = d ? d->problem : NULL;
	e->raw = d ? d->raw : NULL;
	e->pub.problem = e->problem;
	if (d) {
		d->problem = NULL;
		d->raw = NULL;
		d->pub.problem = NULL;
	}
}

/* Merges what is on disk into st: every field this process has not
 * changed since its last save takes the disk's value; entries only on
 * disk join (new to this run, unless initial: the file's first read);
 * unknown keys, and entries that cannot be read, are the disk's. The
 * order becomes the file's, entries not in it last. d's entries are
 * moved or freed. */
static void
merge(struct state *st, struct table *d, bool initial)
{
	/* an older file: its ids carried over, its seen and read to the
	 * store, before it is matched to this run's entries by id */
	if (d->old_format && st->cat)
		state_migrate(st, d, initial);
	else if (d->old_format)
		st->old_ids = true;
	state_take_legacy(st, d, initial);
	unsigned gen = ++st->gen;
	struct table t = {0};
	size_t fresh = 0, unhashed = 0; /* entries newly bad; ours unhashed */
	const char *first = NULL;
	for (size_t i = 0; i < st->t.n; i++)
		unhashed += st->t.v[i]->unhashed;
	for (size_t i = 0; i < d->n; i++) {
		struct entry *x = d->v[i];
		struct entry *e = x->unhashed ? NULL
		                  : state_table_find(&st->t, x->id);
		bool newly = false;
		if (x->problem && x->unhashed) {
			if (unhashed)
				unhashed--; /* one of ours, read again */
			else
				newly = true;
		} else if (x->problem) {
			newly = !e || !e->problem;
		}
		if (newly) {
			first = first ? first : x->problem;
			fresh++;
		}
		if (!e) {
			x->gen = gen;
			state_table_add(&t, x);
			d->v[i] = NULL;
			continue;
		}
		e->gen = gen;
		take_fields(e, x, ~e->pub.unsaved);
		e->legacy = x->legacy;
		take_problem(e, x);
		e->twin = x->twin;
		state_kept_free(&e->extra);
		e->extra = x->extra;
		memset(&x->extra, 0, sizeof(x->extra));
		state_table_add(&t, e);
	}
	for (size_t i = 0; i < st->t.n; i++) {
		struct entry *e = st->t.v[i];
		if (e->gen == gen)
			continue;
		if (e->unhashed) { /* the file's own now stand for it */
			state_entry_free(e);
			continue;
		}
		take_fields(e, NULL, ~e->pub.unsaved);
		e->legacy = 0;
		take_problem(e, NULL);
		e->twin = false;
		state_kept_free(&e->extra);
		e->extra.kind = K_MAP;
		state_table_add(&t, e);
	}
	free(st->t.v);
	free(st->t.slot);
	st->t = t;
	if (fresh == 1)
		snprintf(st->news, sizeof(st->news), "%s (the state file was "
		         "changed: this entry is kept as written and not "
		         "changed)", first);
	else if (fresh)
		snprintf(st->news, sizeof(st->news), "%s, and %zu more entries "
		         "that cannot be read (the state file was changed: "
		         "each is kept as written and not changed)", first,
		         fresh - 1);
	state_table_free(d);
}

/* ---- files ---- */

/* Creates dir and its missing parents, 0700. */
static bool
make_dirs(const char *dir)
{
	struct stat sb;
	if (stat(dir, &sb) == 0)
		return S_ISDIR(sb.st_mode) || (errno = ENOTDIR, false);
	char *p = xstrdup(dir);
	for (char *q = p + 1;; q++) {
		if (*q != '/' && *q != '\0')
			continue;
		char c = *q;
		*q = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			int e = errno;
			free(p);
			errno = e;
			return false;
		}
		*q = c;
		if (!c)
			break;
	}
	free(p);
	return true;
}

/* Says why the lock could not be taken; returns -1. */
static int
lock_fail(const struct state *st, struct state_error *err, const char *what,
          int e)
{
	char *p = state_shown(st->lockpath, strlen(st->lockpath));
	if (e == EWOULDBLOCK)
		state_err_cause(err, NOT_SAVED, "another billet holds the "
		                "lock %s", p);
	else
		state_err_cause(err, NOT_SAVED, "cannot %s %s: %s", what, p,
		                strerror(e));
	free(p);
	return -1;
}

/* Opens and locks the lock file; -1 on failure (err filled). The file
 * lives only while a save holds it (lock_give removes it): a save that
 * waited on a file so removed finds that the name is not its file any
 * more, and takes the lock again on what the name is now. */
static int
lock_take(const struct state *st, struct state_error *err)
{
	long waited = 0;
	for (;;) {
		int fd = open(st->lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
		int why = errno;
		if (fd < 0 && (errno == EACCES || errno == EROFS))
			fd = open(st->lockpath, O_RDONLY | O_CLOEXEC);
		/* the first open's reason: a read-only directory, not the
		 * missing lock file the second open then finds */
		if (fd < 0)
			return lock_fail(st, err, "open the lock", why);
		for (;;) {
			if (flock(fd, LOCK_EX | LOCK_NB) == 0)
				break;
			if (errno == EINTR)
				continue;
			if (errno != EWOULDBLOCK ||
			    waited >= state_io.lock_wait_ms) {
				int e = errno;
				close(fd);
				return lock_fail(st, err, "lock", e);
			}
			struct timespec ts = {0, 5 * 1000 * 1000};
			nanosleep(&ts, NULL);
			waited += 5;
		}
		struct stat held, named;
		if (fstat(fd, &held) == 0 && stat(st->lockpath, &named) == 0 &&
		    held.st_dev == named.st_dev && held.st_ino == named.st_ino)
			return fd;
		close(fd); /* removed by the save that held it: again */
	}
}

/* Releases the lock, removing its file first (so that no other save
 * can take it in between). */
static void
lock_give(const struct state *st, int fd)
{
	unlink(st->lockpath);
	close(fd);
}

void
state_go_readonly(struct state *st, const char *msg, bool file)
{
	st->readonly = true;
	st->file_bad = file;
	snprintf(st->problem, sizeof(st->problem), "%s", msg);
}

/* A state read-only because of its file tries the file again: once it
 * reads (mended by hand, say), this run's changes are merged into it and
 * the state is writable; true then. */
static bool
recover(struct state *st)
{
	if (!st->file_bad)
		return false;
	struct table d = {0};
	struct stat sb;
	struct state_error e = {0};
	switch (state_load(st, &d, &sb, false, &e)) {
	case LOAD_OK:
		merge(st, &d, true);
		st->disk = sb;
		st->have_disk = true;
		break;
	case LOAD_MISSING:
		st->have_disk = false;
		break;
	case LOAD_SAME:
		return false;
	case LOAD_UNREADABLE:
	case LOAD_BAD:
		snprintf(st->problem, sizeof(st->problem), "%s", e.msg);
		return false;
	}
	st->readonly = false;
	st->file_bad = false;
	st->problem[0] = '\0';
	return true;
}

void
state_readonly_error(const struct state *st, struct state_error *err)
{
	state_err_cause(err, "state not saved (kept for this run only): ", "%s",
	                st->problem);
}

bool
state_reread(struct state *st, struct state_error *err)
{
	struct table d = {0};
	struct stat sb;
	struct state_error e = {0};
	switch (state_load(st, &d, &sb, true, &e)) {
	case LOAD_OK:
		merge(st, &d, false);
		st->disk = sb;
		st->have_disk = true;
		return true;
	case LOAD_MISSING:
		/* gone: what this process knows is all there is */
		st->have_disk = false;
		return true;
	case LOAD_SAME:
		return true;
	case LOAD_UNREADABLE:
		state_err_cause(err, NOT_SAVED, "%s", e.msg);
		return false;
	case LOAD_BAD:
		state_go_readonly(st, e.msg, true);
		state_readonly_error(st, err);
		return false;
	}
	return false;
}

/* Drops entries that record nothing, saved (nothing is lost). */
static void
prune(struct state *st)
{
	bool any = false;
	for (size_t i = 0; i < st->t.n; i++) {
		struct entry *e = st->t.v[i];
		if (!state_entry_worth(e) && !e->pub.unsaved && !e->raw &&
		    !e->unhashed) {
			state_entry_free(e);
			st->t.v[i] = NULL;
			any = true;
		}
	}
	if (any)
		state_table_rehash(&st->t);
}

bool
state_save_now(struct state *st, struct state_error *err)
{
	if (st->readonly && !recover(st)) {
		state_readonly_error(st, err);
		return false;
	}
	if (!make_dirs(st->dir)) {
		char *d = state_shown(st->dir, strlen(st->dir));
		state_err_cause(err, NOT_SAVED,
		                "cannot create the directory %s: %s", d,
		                strerror(errno));
		free(d);
		return false;
	}
	int lfd = lock_take(st, err);
	if (lfd < 0)
		return false;
	struct buf y = {0};
	bool ok = false;
	char why[768];
	char *kept_as = NULL;
	if (!state_reread(st, err))
		goto out;
	/* under the lock: no save is writing one */
	atomic_tidy(st->path);
	atomic_tidy(seen_path(st->seen));
	atomic_tidy(snapshot_path(st->snaps));
	struct buf bak = {0};
	buf_printf(&bak, "%s.bak", st->path);
	atomic_tidy(bak.s);
	buf_free(&bak);
	/* billet's own records first: what an older file recorded moves
	 * there before the file is written without it */
	const char *store_failed = NULL;
	bool legacy_in_file = false;
	for (size_t i = 0; i < st->t.n && !legacy_in_file; i++)
		legacy_in_file = st->t.v[i]->legacy != 0;
	if (seen_pending(st->seen)) {
		char msg[sizeof(st->seen_problem)];
		enum atomic_result r = seen_save(st->seen, msg, sizeof(msg));
		if (r == ATOMIC_DONE && msg[0])
			snprintf(st->seen_problem, sizeof(st->seen_problem), "%s",
			         msg);
		if (r != ATOMIC_DONE) {
			snprintf(why, sizeof(why), "%s", msg);
			store_failed = why;
		}
		state_cache_drop(st);
	}
	if (snapshot_pending(st->snaps)) {
		char msg[sizeof(st->seen_problem)];
		enum atomic_result r = snapshot_save(st->snaps, msg,
		                                     sizeof(msg));
		if (r == ATOMIC_DONE && msg[0])
			snprintf(st->seen_problem, sizeof(st->seen_problem), "%s",
			         msg);
		if (r != ATOMIC_DONE && !store_failed) {
			snprintf(why, sizeof(why), "%s", msg);
			store_failed = why;
		}
	}
	/* what an older file recorded goes from it once the store has it,
	 * and once its ids are carried over: until then its entries stay
	 * as they were, old ids and all */
	if (!seen_pending(st->seen) && !st->old_ids)
		for (size_t i = 0; i < st->t.n; i++)
			st->t.v[i]->legacy = 0;
	if (!st->unsaved && !st->upgrade) {
		ok = !store_failed;
		if (store_failed) {
			state_err_cause(err, NOT_SAVED, "%s", store_failed);
			if (err)
				err->store_only = true;
		}
		goto out;
	}
	/* an older file is kept beside it before what it recorded is
	 * moved: its seen and read to the store, entries to new ids */
	bool moving = st->upgrade && !st->old_ids &&
	              (st->moved || legacy_in_file);
	if (moving && !st->backed_up && !state_keep_old(st, &kept_as, err))
		goto out;
	if (!state_emit(st, &y, err))
		goto out;
	mode_t mode = st->have_disk ? (st->disk.st_mode & 07777) : 0600;
	char wwhy[768];
	enum atomic_result r = atomic_write(st->path, y.s ? y.s : "", y.len,
	                                    mode, true, wwhy, sizeof(wwhy));
	if (r == ATOMIC_DONE || r == ATOMIC_UNSYNCED) {
		struct stat sb;
		st->have_disk = stat(st->path, &sb) == 0;
		if (st->have_disk)
			st->disk = sb;
	}
	if (r != ATOMIC_DONE) {
		/* unsynced: the change is in the file, perhaps not for good,
		 * so it stays pending and the next save syncs again */
		state_err_cause(err, NOT_SAVED, "%s", wwhy);
		if (err && r == ATOMIC_UNSYNCED)
			err->replaced = true;
		goto out;
	}
	bool upgraded = st->upgrade;
	if (kept_as) {
		st->backed_up = true;
		state_say_upgraded(st, kept_as);
	}
	/* upgraded, unless the store still lacks what the file recorded,
	 * or its ids are not carried over yet */
	st->upgrade = (seen_pending(st->seen) && st->upgrade) || st->old_ids;
	/* a change to an entry the file now has in a form that cannot be
	 * read stays pending: the entry was written back as it is */
	const struct entry *kept = NULL;
	for (size_t i = 0; i < st->t.n; i++) {
		struct entry *e = st->t.v[i];
		if (e->problem && e->pub.unsaved) {
			kept = kept ? kept : e;
		} else {
			e->pub.unsaved = 0;
			state_hist_saved(e);
		}
	}
	st->unsaved = kept != NULL;
	ok = !kept && !store_failed;
	if (kept) {
		char *id = state_shown(kept->id, strlen(kept->id));
		state_err_cause(err, NOT_SAVED, "the state file's entry for %s "
		                "cannot be read now (%s), so it is kept as "
		                "written", id, kept->problem);
		free(id);
	} else if (store_failed) {
		state_err_cause(err, NOT_SAVED, "%s", store_failed);
		if (err)
			err->store_only = true;
	} else if (upgraded && !st->old_ids) {
		/* an older file's entries that recorded only what the store
		 * now keeps (a million seen postings) leave memory too */
		prune(st);
	}
out:
	lock_give(st, lfd);
	buf_free(&y);
	free(kept_as);
	return ok;
}

enum atomic_result
state_write_to(struct state *st, const char *path, bool overwrite,
               struct state_error *err)
{
	if (err)
		err->msg[0] = '\0';
	/* what another process saved meanwhile goes too */
	if (!st->readonly)
		state_reread(st, NULL);
	struct buf y = {0};
	if (!state_emit(st, &y, err))
		return ATOMIC_FAILED;
	char why[768];
	enum atomic_result r = atomic_write(path, y.s ? y.s : "", y.len, 0600,
	                                    overwrite, why, sizeof(why));
	if (r == ATOMIC_FAILED || r == ATOMIC_UNSYNCED)
		state_err_cause(err, "not written: ", "%s", why);
	if (err && r == ATOMIC_UNSYNCED)
		err->replaced = true;
	buf_free(&y);
	return r;
}
