/* SPDX-License-Identifier: MIT */
/* snapshot: what a posting said when it was read, kept so that a later
 * run can show what changed since. A file beside the state file: a JSON
 * list of postings as `billet --show --format json` writes them, one a
 * line (billet reads it back as postings: `billet --show ID FILE`). Read
 * whole when first asked; changes kept until snapshot_save, which merges
 * another process's writes and writes the file atomically (atomic.h),
 * under the state's lock. A content fingerprint of a posting
 * (snapshot_fingerprint) goes in the store of seen postings (seen.h),
 * which is read at start; the snapshots only when one is shown. */
#ifndef BILLET_SNAPSHOT_H
#define BILLET_SNAPSHOT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "atomic.h"
#include "catalog.h"
#include "posting.h"

/* The snapshots of one state file. Opaque; snapshot_new, snapshot_free. */
struct snapshots;

/* The snapshots kept in the file at path; nothing is read yet. */
struct snapshots *snapshot_new(const char *path);
/* Frees them (NULL is fine); changes not saved are lost. */
void snapshot_free(struct snapshots *s);
/* The file. */
const char *snapshot_path(const struct snapshots *s);

/* A fingerprint of what p says, as billet models it: a hash of the JSON
 * the export writes of its canonical copy (canonical.h: every field, its
 * texts' white space and its kept keys' order made canonical), so that
 * any change to what it says changes it, and a text wrapped anew, keys
 * written in another order, the file it came from and its place in it
 * do not. */
uint64_t snapshot_fingerprint(const struct posting *p);
/* Keeps what p says now under its id (replacing what was kept), until
 * snapshot_save. */
void snapshot_put(struct snapshots *s, const struct posting *p);
/* Forgets the snapshot of id, until snapshot_save. */
void snapshot_drop(struct snapshots *s, const char *id);
/* The posting as its snapshot says, loaded into c (a catalog of the
 * caller's, which then owns it); NULL when there is none. Reads the file
 * first, when it was not; a damaged one is said in msg (size bytes, may
 * be NULL) and read as empty. */
const struct posting *snapshot_get(struct snapshots *s, const char *id,
                                   struct catalog *c, char *msg,
                                   size_t size);
/* How many snapshots there are (the file read when it was not). */
size_t snapshot_count(struct snapshots *s);
/* True while a change is not saved. */
bool snapshot_pending(const struct snapshots *s);
/* Saves the changes: reads the file again when another process wrote it
 * since (or when it was never read), applies this run's changes over it,
 * in order, and writes it whole. The caller holds the state's lock. On
 * ATOMIC_FAILED and ATOMIC_UNSYNCED msg says why and the changes stay
 * pending; a damaged file is replaced, said in msg with ATOMIC_DONE. */
enum atomic_result snapshot_save(struct snapshots *s, char *msg,
                                 size_t size);

#endif
