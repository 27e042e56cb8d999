/* SPDX-License-Identifier: MIT */
/* complete: the words the shell completion scripts ask billet for
 * (billet --complete WHAT), taken from the tables the program itself
 * reads, so that the scripts cannot drift from it. */
#ifndef BILLET_COMPLETE_H
#define BILLET_COMPLETE_H

#include <getopt.h>
#include <stdio.h>

#include "catalog.h"
#include "load.h"

/* Loads the postings of paths (none: $BILLET_PATH or the samples) into
 * c, as the command line's other modes do; returns where they came from. */
typedef const char *complete_load_fn(struct catalog *c, char **paths,
                                     size_t npaths,
                                     const struct load_limits *lim);

/* Prints the words of the list WHAT to out, one a line:
 * options: each long option of longopts as "--name", or "--name=" when
 *   it takes a value, then " -x" when the short option x means the same
 *   (an alias, an option after another of the same meaning, and
 *   --complete itself are left out);
 * sort-keys, formats, statuses: every name the options take;
 * ids: the id of each posting that load reads from paths and that can be
 *   typed back as it is printed (none with a control character or bad
 *   UTF-8).
 * Returns the exit status: 2, said on stderr, when WHAT is no list. */
int complete_run(const char *what, const struct option *longopts,
                 char **paths, size_t npaths,
                 const struct load_limits *lim,
                 complete_load_fn *load);

#endif
