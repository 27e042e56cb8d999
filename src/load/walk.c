/* SPDX-License-Identifier: MIT */
/* load/walk: the posting files under a directory, in byte order of their
 * paths: dot-files and dot-directories skipped, loops not followed, what
 * cannot be read said in the order met. */
#include "load/walk.h"
#include "load/frontmatter.h"
#include "load/internal.h"

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* A directory on the current path, to notice loops. */
struct dirstack {
	dev_t dev;
	ino_t ino;
	const struct dirstack *up;
};

/* The state of one walk. */
struct walking {
	const atomic_bool *cancel;
	walk_problem_fn *problem;
	void *ctx;
	struct walk_files *out;
};

/* Compares two files by their paths, in byte order. */
static int
path_cmp(const void *a, const void *b)
{
	return strcmp(((const struct walk_file *)a)->path,
	              ((const struct walk_file *)b)->path);
}

bool
walk_posting_file(const char *path)
{
	enum load_kind k = load_kind_of(path);
	return k == LOAD_YAML || k == LOAD_JSON ||
	       (k != LOAD_OTHER && frontmatter_walk(path));
}

/* Adds path (malloc'd, now out's) to the files found; regular when its
 * directory entry says it is a regular file. */
static void
found(struct walk_files *out, char *path, bool regular)
{
	if (out->n == out->cap) {
		out->cap = out->cap ? out->cap * 2 : 32;
		struct walk_file *v = realloc(out->v, out->cap * sizeof(*v));
		if (!v)
			die_nomem();
		out->v = v;
	}
	out->v[out->n++] = (struct walk_file){path, regular};
}

/* Collects the posting files below directory path (dot-files skipped,
 * loops not followed). */
static void
collect(struct walking *w, const char *path, const struct stat *st,
        const struct dirstack *up)
{
	char msg[300];
	for (const struct dirstack *d = up; d; d = d->up) {
		if (d->dev == st->st_dev && d->ino == st->st_ino) {
			w->problem(w->ctx, path, false, "directory loop (a link "
			           "back to a directory above); not followed");
			return;
		}
	}
	DIR *dir = opendir(path);
	if (!dir) {
		snprintf(msg, sizeof(msg), "cannot open directory: %s",
		         strerror(errno));
		w->problem(w->ctx, path, true, msg);
		return;
	}
	struct dirstack here = {st->st_dev, st->st_ino, up};
	struct dirent *de;
	while ((de = readdir(dir)) &&
	       !atomic_load_explicit(w->cancel, memory_order_relaxed)) {
		if (de->d_name[0] == '.')
			continue;
		size_t pl = strlen(path), nl = strlen(de->d_name);
		char *full = malloc(pl + nl + 2);
		if (!full)
			die_nomem();
		memcpy(full, path, pl);
		size_t k = pl;
		if (k == 0 || full[k - 1] != '/')
			full[k++] = '/';
		memcpy(full + k, de->d_name, nl + 1);
		struct stat fst;
		if (de->d_type == DT_REG) {
			/* the caller opens it, and says what went wrong */
			if (walk_posting_file(full))
				found(w->out, full, true);
			else
				free(full);
		} else if (stat(full, &fst) != 0) {
			w->problem(w->ctx, full, true, strerror(errno));
			free(full);
		} else if (S_ISDIR(fst.st_mode)) {
			collect(w, full, &fst, &here);
			free(full);
		} else if (walk_posting_file(full)) {
			/* not only regular files: a FIFO or a device of that
			 * name is said in its place by the caller */
			found(w->out, full, false);
		} else {
			free(full);
		}
	}
	closedir(dir);
}

void
walk_dir(const char *path, const struct stat *st, const atomic_bool *cancel,
         walk_problem_fn *problem, void *ctx, struct walk_files *out)
{
	struct walking w = {.cancel = cancel, .problem = problem, .ctx = ctx,
	                    .out = out};
	collect(&w, path, st, NULL);
	if (out->n)
		qsort(out->v, out->n, sizeof(*out->v), path_cmp);
}

void
walk_free(struct walk_files *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i].path);
	free(f->v);
	*f = (struct walk_files){0};
}
