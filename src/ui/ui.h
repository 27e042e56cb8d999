/* SPDX-License-Identifier: MIT */
/* ui: the interactive interface, as main.c sees it (no curses here). */
#ifndef BILLET_UI_UI_H
#define BILLET_UI_UI_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "load.h"

/* What the interface starts from. Owned by the caller; must outlive
 * ui_run. */
struct ui_config {
	const char *filter;   /* starting filter (--filter), or NULL */
	const char *sort;     /* starting sort (--sort, as sort_parse reads), or NULL */
	bool no_color;        /* --no-color given (NO_COLOR is read here too) */
	const char *source;   /* where the postings came from for the status
	                       * line ("the sample postings"), or NULL for paths */
	char *const *paths;   /* the paths given, loaded again on reload */
	size_t npaths;        /* how many paths */
	const char *path_list;/* colon-separated paths reloaded when npaths is 0 */
	const struct load_limits *limits; /* limits for reloading */
	const char *state;    /* --state file, or NULL (for the state module) */
	bool load;            /* c is empty: load the paths in the background,
	                       * the interface usable meanwhile */
};

/* Runs the interface on the catalog c until the user quits; r (and
 * cfg->load) load into c. Returns the exit status: 0 after q, 1 when
 * changes to the state were not saved (said on stderr), 2 when there is no
 * usable terminal (said on stderr), 128 + the signal after SIGINT, SIGTERM
 * or SIGHUP. The terminal is restored in every case. */
int ui_run(struct catalog *c, const struct ui_config *cfg);

#endif
