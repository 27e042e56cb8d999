/* SPDX-License-Identifier: MIT */
/* load/walk: the posting files under a directory, in byte order of their
 * paths (dot-files and dot-directories skipped, loops not followed). */
#ifndef BILLET_LOAD_WALK_H
#define BILLET_LOAD_WALK_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <sys/stat.h>

/* A path found under a directory. */
struct walk_file {
	char *path;    /* malloc'd */
	bool regular;  /* its directory entry said a regular file (d_type):
	                * not stat'd by the walk, opened as one */
};

/* Paths found under a directory. Owns v and each path (walk_free). */
struct walk_files {
	struct walk_file *v; /* in byte order of their paths once walk_dir
	                      * returns */
	size_t n, cap;       /* used, allocated */
};

/* Told of a path under the directory that cannot be read (error) or is
 * passed over with a warning: msg says why. */
typedef void walk_problem_fn(void *ctx, const char *path, bool error,
                             const char *msg);

/* True for the files read inside directories: by their extension (YAML
 * and JSON, pages), and Markdown files that open with a front matter. */
bool walk_posting_file(const char *path);

/* Appends the posting files below directory path (st its stat) to out,
 * sorted in byte order of their paths; every problem met on the way is
 * given to problem, in the order met. Stops early when cancel is set.
 * An entry the directory says is a regular file is not stat'd (one
 * system call a file less); directories, links and the entries of file
 * systems that do not say are. */
void walk_dir(const char *path, const struct stat *st,
              const atomic_bool *cancel, walk_problem_fn *problem,
              void *ctx, struct walk_files *out);

/* Frees the paths of f and its list. */
void walk_free(struct walk_files *f);

#endif
