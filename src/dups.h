/* SPDX-License-Identifier: MIT */
/* dups: the same job loaded from two sources (two files, a file and a
 * page) recognised, to be shown once with one state. Conservative: two
 * postings are one job only when they come from different files, say
 * the same title, and share the source URL, or the identifier and the
 * organization, or the organization and the location; an organization
 * or a location that differs keeps them apart. */
#ifndef BILLET_DUPS_H
#define BILLET_DUPS_H

#include <stddef.h>

#include "catalog.h"

/* Finds the postings of c that are one job (posting.dup_of, .also), in
 * time linear in the postings (their keys are radix-sorted); what an
 * earlier call found is forgotten first. Returns how many postings are
 * shown in the place of others. */
size_t dups_find(struct catalog *c);
/* The posting shown for p: p itself, or the one it duplicates. */
const struct posting *dups_shown(const struct posting *p);
/* How many sources p's job was loaded from (1 when p has no
 * duplicate). */
size_t dups_count(const struct posting *p);

#endif
