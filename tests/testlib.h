/* SPDX-License-Identifier: MIT */
/* testlib: what the Criterion suites share: a whole file read or
 * written, a load's problems looked for and shown, what a posting kept
 * and its sections. Compiled into the
 * suites that use it (Makefile.am). */
#ifndef BILLET_TESTLIB_H
#define BILLET_TESTLIB_H

#include <stdbool.h>

#include "catalog.h"
#include "posting.h"

/* The whole of file p (malloc'd, NUL-terminated; "" when empty), or NULL
 * when it cannot be opened. */
char *slurp(const char *p);
/* Writes s as the whole of file p; fails the test when it cannot. */
void spew(const char *p, const char *s);
/* True if c has a problem at line and column, of this severity (error
 * or warning), whose message contains part. */
bool has_problem(const struct catalog *c, unsigned line, unsigned col,
                 bool error, const char *part);
/* Prints c's problems on stderr, to explain a failure. */
void dump_problems(const struct catalog *c);
/* The value p keeps under key (what no field took), or NULL. */
const struct xvalue *kept(const struct posting *p, const char *key);
/* Its text: a scalar's, "" for a collection; NULL when p keeps none. */
const char *kept_text(const struct posting *p, const char *key);
/* The section of p under heading, or NULL. */
const struct section *section_of(const struct posting *p,
                                 const char *heading);

#endif
