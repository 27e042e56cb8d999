/* SPDX-License-Identifier: MIT */
/* fileset: the posting files a list of paths names, found as the loader
 * finds them (a file named is read whatever its name; a directory's
 * posting files as load/walk says, recursively, dot-files skipped, loops
 * not followed), with what stat says of each, so that two looks can say
 * which files changed, came or went. No curses here. */
#ifndef BILLET_FILESET_H
#define BILLET_FILESET_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "text.h"

/* One file or directory found. */
struct fileset_entry {
	char *path;            /* as the loader names it (malloc'd) */
	bool dir;              /* a directory read (its files are entries
	                        * too); else a file */
	bool named;            /* given as a path, not found in a directory */
	bool exists;           /* false: named, but not there */
	dev_t dev;             /* what stat said */
	ino_t ino;
	mode_t mode;
	off_t size;
	struct timespec mtime;
};

/* The files of a list of paths, sorted by path, each once. Owns its
 * entries; free with fileset_free. */
struct fileset {
	struct fileset_entry *v;
	size_t n, cap;
	bool cut;              /* stopped at max entries (fileset_scan) */
};

/* Looks at the paths and fills fs (emptied first) with what is there,
 * at most max entries (0: no limit). */
void fileset_scan(struct fileset *fs, char *const *paths, size_t npaths,
                  size_t max);
/* Frees what fs holds and empties it. */
void fileset_free(struct fileset *fs);
/* Moves src into dst (whose entries are freed); src is left empty. */
void fileset_move(struct fileset *dst, struct fileset *src);

/* What changed between two looks at the same paths. */
struct fileset_diff {
	size_t changed, added, removed; /* files (not directories) */
	char *first;           /* a file that did (a changed one, else an
	                        * added one, else a removed one), malloc'd,
	                        * or NULL */
	bool dirs;             /* the directories read are not the same */
};
/* Compares two looks; touched[0..ntouched) are paths said to have been
 * written (a file notifier's events), counted as changed when stat sees
 * no difference. d is filled (free it with fileset_diff_free). */
void fileset_diff(const struct fileset *before, const struct fileset *now,
                  char *const *touched, size_t ntouched,
                  struct fileset_diff *d);
/* True when some file changed, came or went. */
bool fileset_diff_any(const struct fileset_diff *d);
/* Appends what changed: "1 changed, 2 added, 1 removed (jobs.yaml…)",
 * the base name of d->first, "…" when more files than it changed. */
void fileset_diff_describe(const struct fileset_diff *d, struct buf *out);
/* Frees what d holds. */
void fileset_diff_free(struct fileset_diff *d);

/* A fileset_scan running in a thread of its own, so that a big tree is
 * looked at without holding up keys. */
struct fileset_job;
/* Starts looking at the paths (copied). NULL when no thread can be
 * made: the caller scans in place. */
struct fileset_job *fileset_job_start(char *const *paths, size_t npaths,
                                      size_t max);
/* True once the look is done (never waits). */
bool fileset_job_done(struct fileset_job *j);
/* Waits for the look, moves its result into out (NULL: drops it) and
 * frees j. */
void fileset_job_finish(struct fileset_job *j, struct fileset *out);

#endif
