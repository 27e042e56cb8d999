/* SPDX-License-Identifier: MIT */
/* canonical: a posting as billet models what it says, with what is only
 * the way a file writes it taken out, so that two versions of a posting
 * compare equal when they say the same: every text's white space made
 * canonical (a paragraph's lines joined, a list item's lines joined,
 * runs of blanks one space, a bullet's marker one kind), and the kept
 * keys (unknown keys, and the keys of their mappings) in key order. What
 * a posting's fingerprint is made from (snapshot_fingerprint). */
#ifndef BILLET_CANONICAL_H
#define BILLET_CANONICAL_H

#include "arena.h"
#include "posting.h"

/* Writes into *out a copy of p whose texts and kept keys are canonical
 * (see above); every string and array it makes lives in a (the caller
 * frees it), the others are p's. */
void canonical_posting(const struct posting *p, struct arena *a,
                       struct posting *out);

#endif
