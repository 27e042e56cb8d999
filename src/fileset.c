/* SPDX-License-Identifier: MIT */
/* fileset: the posting files of a list of paths, looked at with stat the
 * way the loader finds them (walk_posting_file), compared between two
 * looks; a look may run in a thread of its own. */
#include "fileset.h"

#include "config.h"

#include <dirent.h>
#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "load.h"
#include "load/walk.h"

/* The directories above the one being read, to stop at a loop. */
struct dirstack {
	dev_t dev;
	ino_t ino;
	const struct dirstack *up;
};

/* A look under way. */
struct look {
	struct fileset *fs;
	size_t max;
	atomic_bool *cancel;   /* set: stop (may be NULL) */
};

/* True when the look is to stop: cancelled, or full. */
static bool
stop(struct look *lk)
{
	if (lk->cancel && atomic_load_explicit(lk->cancel, memory_order_relaxed))
		return true;
	if (lk->max && lk->fs->n >= lk->max) {
		lk->fs->cut = true;
		return true;
	}
	return false;
}

/* Adds an entry for path (copied) as stat st says, or missing when st
 * is NULL. */
static void
add(struct fileset *fs, const char *path, const struct stat *st, bool named)
{
	if (fs->n == fs->cap) {
		fs->cap = fs->cap ? 2 * fs->cap : 64;
		fs->v = xrealloc(fs->v, fs->cap * sizeof(*fs->v));
	}
	struct fileset_entry *e = &fs->v[fs->n++];
	*e = (struct fileset_entry){.path = xstrdup(path), .named = named};
	if (!st)
		return;
	e->exists = true;
	e->dir = S_ISDIR(st->st_mode);
	e->dev = st->st_dev;
	e->ino = st->st_ino;
	e->mode = st->st_mode;
	e->size = st->st_size;
	e->mtime = st->st_mtim;
}

/* Adds directory path's posting files and directories, recursively. */
static void
walk(struct look *lk, const char *path, const struct stat *st,
     const struct dirstack *up)
{
	for (const struct dirstack *d = up; d; d = d->up)
		if (d->dev == st->st_dev && d->ino == st->st_ino)
			return; /* a loop: the loader does not follow it */
	DIR *dir = opendir(path);
	if (!dir)
		return;
	struct dirstack here = {st->st_dev, st->st_ino, up};
	struct buf full = {0};
	struct dirent *de;
	while (!stop(lk) && (de = readdir(dir))) {
		if (de->d_name[0] == '.')
			continue;
		buf_clear(&full);
		buf_adds(&full, path);
		if (full.len == 0 || full.s[full.len - 1] != '/')
			buf_addc(&full, '/');
		buf_adds(&full, de->d_name);
		struct stat fst;
		if (stat(full.s, &fst) != 0)
			continue; /* gone meanwhile, or a dangling link */
		if (S_ISDIR(fst.st_mode)) {
			add(lk->fs, full.s, &fst, false);
			walk(lk, full.s, &fst, &here);
		} else if (walk_posting_file(full.s)) {
			add(lk->fs, full.s, &fst, false);
		}
	}
	buf_free(&full);
	closedir(dir);
}

/* Orders entries by path. */
static int
entry_cmp(const void *a, const void *b)
{
	const struct fileset_entry *x = a, *y = b;
	return strcmp(x->path, y->path);
}

/* fileset_scan, stopping when *cancel is set. */
static void
scan(struct fileset *fs, char *const *paths, size_t npaths, size_t max,
     atomic_bool *cancel)
{
	fileset_free(fs);
	struct look lk = {fs, max, cancel};
	for (size_t i = 0; i < npaths && !stop(&lk); i++) {
		struct stat st;
		if (stat(paths[i], &st) != 0) {
			add(fs, paths[i], NULL, true);
			continue;
		}
		add(fs, paths[i], &st, true);
		if (S_ISDIR(st.st_mode))
			walk(&lk, paths[i], &st, NULL);
	}
	if (fs->n > 1)
		qsort(fs->v, fs->n, sizeof(*fs->v), entry_cmp);
	/* a path named twice, or inside a directory named too: once */
	size_t k = 0;
	for (size_t i = 0; i < fs->n; i++) {
		if (k && !strcmp(fs->v[k - 1].path, fs->v[i].path)) {
			fs->v[k - 1].named |= fs->v[i].named;
			free(fs->v[i].path);
			continue;
		}
		fs->v[k++] = fs->v[i];
	}
	fs->n = k;
}

void
fileset_scan(struct fileset *fs, char *const *paths, size_t npaths,
             size_t max)
{
	scan(fs, paths, npaths, max, NULL);
}

void
fileset_free(struct fileset *fs)
{
	for (size_t i = 0; i < fs->n; i++)
		free(fs->v[i].path);
	free(fs->v);
	*fs = (struct fileset){0};
}

void
fileset_move(struct fileset *dst, struct fileset *src)
{
	fileset_free(dst);
	*dst = *src;
	*src = (struct fileset){0};
}

/* True when e is a file that is there. */
static bool
is_file(const struct fileset_entry *e)
{
	return e->exists && !e->dir;
}

/* True when the same file looks written between a and b. */
static bool
differs(const struct fileset_entry *a, const struct fileset_entry *b)
{
	return a->dev != b->dev || a->ino != b->ino || a->mode != b->mode ||
	       a->size != b->size || a->mtime.tv_sec != b->mtime.tv_sec ||
	       a->mtime.tv_nsec != b->mtime.tv_nsec;
}

/* True when path is among touched[0..n). */
static bool
touched_has(char *const *touched, size_t n, const char *path)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(touched[i], path))
			return true;
	return false;
}

/* Records path as the first file of its kind when none better is:
 * rank 0 changed, 1 added, 2 removed. */
static void
note_first(struct fileset_diff *d, int *rank, int r, const char *path)
{
	if (d->first && *rank <= r)
		return;
	free(d->first);
	d->first = xstrdup(path);
	*rank = r;
}

void
fileset_diff(const struct fileset *before, const struct fileset *now,
             char *const *touched, size_t ntouched, struct fileset_diff *d)
{
	*d = (struct fileset_diff){0};
	int rank = 3;
	size_t i = 0, j = 0;
	while (i < before->n || j < now->n) {
		const struct fileset_entry *a = i < before->n ? &before->v[i] : NULL;
		const struct fileset_entry *b = j < now->n ? &now->v[j] : NULL;
		int c = !a ? 1 : !b ? -1 : strcmp(a->path, b->path);
		if (c < 0) {          /* only before */
			if (is_file(a)) {
				d->removed++;
				note_first(d, &rank, 2, a->path);
			}
			d->dirs |= a->dir;
			i++;
			continue;
		}
		if (c > 0) {          /* only now */
			if (is_file(b)) {
				d->added++;
				note_first(d, &rank, 1, b->path);
			}
			d->dirs |= b->dir;
			j++;
			continue;
		}
		if (is_file(a) && is_file(b)) {
			if (differs(a, b) ||
			    touched_has(touched, ntouched, b->path)) {
				d->changed++;
				note_first(d, &rank, 0, b->path);
			}
		} else if (is_file(a)) {  /* a file no more */
			d->removed++;
			note_first(d, &rank, 2, a->path);
		} else if (is_file(b)) {  /* a file now */
			d->added++;
			note_first(d, &rank, 1, b->path);
		}
		d->dirs |= a->dir != b->dir || (a->dir && differs(a, b));
		i++;
		j++;
	}
}

bool
fileset_diff_any(const struct fileset_diff *d)
{
	return d->changed || d->added || d->removed;
}

void
fileset_diff_describe(const struct fileset_diff *d, struct buf *out)
{
	const struct {
		size_t n;
		const char *what;
	} parts[] = {
		{d->changed, "changed"}, {d->added, "added"},
		{d->removed, "removed"},
	};
	bool any = false;
	for (size_t i = 0; i < 3; i++) {
		if (!parts[i].n)
			continue;
		buf_printf(out, "%s%zu %s", any ? ", " : "", parts[i].n,
		           parts[i].what);
		any = true;
	}
	if (!any)
		buf_adds(out, "nothing changed");
	if (d->first) {
		const char *base = strrchr(d->first, '/');
		base = base && base[1] ? base + 1 : d->first;
		buf_printf(out, " (%s%s)", base,
		           d->changed + d->added + d->removed > 1 ? "…" : "");
	}
}

void
fileset_diff_free(struct fileset_diff *d)
{
	free(d->first);
	*d = (struct fileset_diff){0};
}

/* A look in a thread. */
struct fileset_job {
	pthread_t thread;
	char **paths;
	size_t npaths, max;
	struct fileset fs;
	atomic_bool cancel;
	atomic_bool done;
};

/* The thread. */
static void *
job_main(void *arg)
{
	struct fileset_job *j = arg;
	scan(&j->fs, j->paths, j->npaths, j->max, &j->cancel);
	atomic_store(&j->done, true);
	return NULL;
}

struct fileset_job *
fileset_job_start(char *const *paths, size_t npaths, size_t max)
{
	struct fileset_job *j = xcalloc(1, sizeof(*j));
	j->paths = xcalloc(npaths + 1, sizeof(*j->paths));
	for (size_t i = 0; i < npaths; i++)
		j->paths[i] = xstrdup(paths[i]);
	j->npaths = npaths;
	j->max = max;
	atomic_init(&j->cancel, false);
	atomic_init(&j->done, false);
	/* the thread leaves the signals to the caller's */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	int r = pthread_create(&j->thread, NULL, job_main, j);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	if (r != 0) {
		for (size_t i = 0; i < npaths; i++)
			free(j->paths[i]);
		free(j->paths);
		free(j);
		return NULL;
	}
	return j;
}

bool
fileset_job_done(struct fileset_job *j)
{
	return atomic_load(&j->done);
}

void
fileset_job_finish(struct fileset_job *j, struct fileset *out)
{
	if (!out)
		atomic_store(&j->cancel, true);
	pthread_join(j->thread, NULL);
	if (out)
		fileset_move(out, &j->fs);
	fileset_free(&j->fs);
	for (size_t i = 0; i < j->npaths; i++)
		free(j->paths[i]);
	free(j->paths);
	free(j);
}
