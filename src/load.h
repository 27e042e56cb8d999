/* SPDX-License-Identifier: MIT */
/* load: libyaml events -> postings, with file:line:col problems. */
#ifndef BILLET_LOAD_H
#define BILLET_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"

/* Limits that keep hostile files from costing too much. */
struct load_limits {
	size_t max_file;    /* bytes of one file */
	size_t max_scalar;  /* bytes of one scalar */
	size_t max_depth;   /* nesting of collections */
	size_t max_nodes;   /* nodes of one posting, aliases expanded */
	size_t max_postings;/* postings of one file */
};

/* The documented defaults: 256 MiB, 1 MiB, 64, 100000, 1000000. */
extern const struct load_limits load_default_limits;

/* Loads a file or, recursively, a directory into c. Problems go to c.
 * Returns the number of postings added. */
size_t load_path(struct catalog *c, const char *path,
                 const struct load_limits *lim);
/* Loads postings from memory as if from a file called name. */
size_t load_buffer(struct catalog *c, const char *name, const char *buf,
                   size_t len, const struct load_limits *lim);

#endif
