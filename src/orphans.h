/* SPDX-License-Identifier: MIT */
/* orphans: the state entries that match no loaded posting, listed. */
#ifndef BILLET_ORPHANS_H
#define BILLET_ORPHANS_H

#include <stdbool.h>
#include <stdio.h>

#include "export.h"
#include "state.h"

/* Writes the entries of st that match no posting of the catalog last
 * attached (state_is_orphan), in file order, in fmt: text (one a line:
 * id, title — organization, what it records), tsv and csv (columns id,
 * title, organization, marked, hidden, rating, status, note; a first
 * line naming them with header), json (a list of objects) or yaml (a
 * list), each with what it records under billet_state. Everything
 * sanitised. True if there was one. */
bool orphans_print(FILE *f, struct state *st, enum format fmt, bool header);

#endif
