/* SPDX-License-Identifier: MIT */
/* history: what billet keeps between runs in the state directory,
 * beside (never in) the user's state file: the lines typed at the `:`
 * prompt and at the filter prompt `/`, and the filter and sort of the
 * last run. */
#ifndef BILLET_HISTORY_H
#define BILLET_HISTORY_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"

/* Lines typed at a prompt, the oldest first, kept in a file. Filled by
 * history_open, freed by history_close; owns its strings. */
struct history {
	char **v;    /* the lines */
	size_t n, cap;
	size_t max;  /* lines kept at most */
	bool unique; /* a line added again leaves its place further back
	              * (history_open_unique) */
	char *path;  /* the file, or NULL: kept for this run only */
};

/* The state directory: $XDG_STATE_HOME/billet (an absolute
 * XDG_STATE_HOME), else ~/.local/state/billet; malloc'd, NULL when
 * there is no home. */
char *history_dir(void);
/* Reads the history kept in path (NULL: none kept) into h, its last max
 * lines. */
void history_open(struct history *h, const char *path, size_t max);
/* The same for a history where each line is kept once, at the place it
 * was last added, as a shell's erasedups does (the file may repeat a
 * line: the last one counts, and the file is written again once it
 * repeats too much). */
void history_open_unique(struct history *h, const char *path, size_t max);
/* Adds a line (not a blank one, nor the last one again) and appends it
 * to the file, made with its directory when missing; a line that
 * cannot be kept is kept for this run. */
void history_add(struct history *h, const char *line);
/* Frees h. */
void history_close(struct history *h);

/* Reads the filter and the sort of the last run from path into *filter
 * and *sort (malloc'd, NULL when it says none); false when there is no
 * such file. */
bool history_last_load(const char *path, char **filter, char **sort);
/* Writes the filter and sort (either may be NULL or empty) to path,
 * whole; false with why in *err. */
bool history_last_save(const char *path, const char *filter,
                       const char *sort, struct buf *err);

#endif
