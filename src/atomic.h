/* SPDX-License-Identifier: MIT */
/* atomic: writing a whole file so that a reader finds the old one or the
 * new one, never a part of either: a temporary file beside it, synced,
 * put in place by rename (or link), then the directory synced. */
#ifndef BILLET_ATOMIC_H
#define BILLET_ATOMIC_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* The system calls writing goes through; tests replace them to inject
 * failures (ENOSPC, EIO...). Every member is always set. */
struct atomic_io {
	ssize_t (*write)(int fd, const void *buf, size_t n); /* write(2) */
	int (*fsync)(int fd);                        /* files and directories */
	int (*rename)(const char *from, const char *to);     /* rename(2) */
};
/* The calls in use; the defaults are the real ones. */
extern struct atomic_io atomic_io;

/* What atomic_write did. */
enum atomic_result {
	ATOMIC_DONE,     /* the file is in place and its directory synced */
	ATOMIC_EXISTS,   /* path exists and overwrite was false: nothing done */
	ATOMIC_FAILED,   /* path is as it was, no temporary file is left */
	ATOMIC_UNSYNCED, /* the file is in place, but its directory could not
	                  * be synced: it may not outlast a crash */
};

/* Writes len bytes of data to path with mode: a temporary file in path's
 * directory (path.tmp.XXXXXX), synced, then renamed over path when
 * overwrite, else linked to it (an existing path is then left alone), and
 * the directory synced. On ATOMIC_FAILED or ATOMIC_UNSYNCED, msg (size
 * bytes) gets what failed, naming the file or directory that did:
 * "cannot write a temporary file in DIR: No space left on device". */
enum atomic_result atomic_write(const char *path, const char *data,
                                size_t len, mode_t mode, bool overwrite,
                                char *msg, size_t size);
/* The directory part of path ("." when none); malloc'd. */
char *atomic_dir(const char *path);
/* Removes the temporary files an atomic_write killed half way left beside
 * path; call it only where no other process can be writing one. */
void atomic_tidy(const char *path);

#endif
