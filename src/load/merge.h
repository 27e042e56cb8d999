/* SPDX-License-Identifier: MIT */
/* load/merge: the units of a file, parsed, merged into the catalog in
 * order (by the loader in the background, and by load_buffer and
 * load_bytes at once). */
#ifndef BILLET_LOAD_MERGE_H
#define BILLET_LOAD_MERGE_H

#include <stdbool.h>

#include "load.h"
#include "load/reader.h"

/* A file being merged into the catalog a run of units at a time. */
struct fmerge {
	const char *file;
	unsigned line_off;   /* lines of the units merged so far */
	unsigned item_off;   /* documents they held */
	size_t problems;     /* they had */
	size_t kept;         /* postings kept (--max-postings) */
	size_t first_problem; /* the index of its first problem in the
	                       * catalog: where its notes go */
	struct shapes_state *shapes; /* what its units were read as */
};

/* Starts merging the file whose first unit is u. */
void merge_begin(struct catalog *c, struct fmerge *m, const struct unit *u);
/* Merges the next unit of m's file into c: line numbers made
 * file-relative, document numbers counted across units, default ids given
 * (identity.h), whether the file holds one document recorded (several
 * says it does not: the id billet gave before depends on it), the
 * per-file limit on postings applied; after the file's last unit, what
 * the file was read as and why it has no postings, if so. */
void merge_unit(struct catalog *c, struct fmerge *m, struct unit *u,
                bool several, const struct load_limits *lim);

#endif
