/* SPDX-License-Identifier: MIT */
/* seen: what billet records by itself about postings, kept apart from
 * what the user wrote (state.h): which postings some run has seen, which
 * were opened (read), and for a read posting a fingerprint of its content
 * as it was read. A compact binary file beside the state file: a sorted
 * array of 64-bit records (the hash of a posting id, 56 bits, and 8 bits
 * of flags), then the fingerprints, after a header with a magic number, a
 * version and checksums (man 5 billet, STATE FILES). It is read whole when
 * first needed, never before; changes are kept in memory until
 * seen_save, which merges another process's writes and writes the file
 * atomically (atomic.h). A damaged file is said once and rebuilt; what it
 * held is only billet's own record, never the user's. */
#ifndef BILLET_SEEN_H
#define BILLET_SEEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "atomic.h"

/* Flags of a record. The first six are kept in the file. */
enum seen_flag {
	SEEN_SEEN = 1,    /* some run loaded the posting */
	SEEN_READ = 2,    /* it was opened in the detail view */
	SEEN_KEPT = 0x3F, /* the flags the file keeps */
	SEEN_BEFORE = 0x80, /* (memory only) seen when this run first read
	                     * the file: not new to this run */
};

/* The store of one state file. Opaque; seen_new, seen_free. */
struct seen;

/* A store for the file at path; nothing is read yet. */
struct seen *seen_new(const char *path);
/* Frees the store (NULL is fine); changes not saved are lost. */
void seen_free(struct seen *s);
/* The file. */
const char *seen_path(const struct seen *s);

/* The key of a posting id: its hash (identity_hash) in the top 56 bits,
 * the low 8 bits clear for the flags. */
uint64_t seen_key(const char *id);

/* Reads the file, once: the first call reads, later ones do nothing. A
 * missing file is an empty store. A damaged one (not this format, cut
 * short, a checksum that does not match) or one that cannot be read is
 * an empty store too, and msg (size bytes, may be NULL) says so: false
 * then. The changes made before are kept, applied over what it read. */
bool seen_load(struct seen *s, char *msg, size_t size);
/* True once seen_load has been called. */
bool seen_loaded(const struct seen *s);

/* The flags of key (enum seen_flag); 0 when none, or before seen_load. */
unsigned seen_get(const struct seen *s, uint64_t key);
/* Sets the flags set, then clears the flags clear, of key (a record is
 * made when missing); kept until seen_save. */
void seen_set(struct seen *s, uint64_t key, unsigned set, unsigned clear);
/* Sets the flags set of n keys (any order, repeats allowed) at once: one
 * merge, not n insertions. keys is sorted in place. */
void seen_set_many(struct seen *s, uint64_t *keys, size_t n, unsigned set);
/* Calls fn(ctx, i, flags) for each keys[i] (sorted ascending, as
 * seen_set_many leaves them, with their indices in idx) with its flags:
 * one pass over the store. */
void seen_join(const struct seen *s, const uint64_t *keys,
               const uint32_t *idx, size_t n,
               void (*fn)(void *ctx, uint32_t i, unsigned flags), void *ctx);

/* The fingerprint recorded for key (the content of the posting as it was
 * read, as a later version defines it); false when none. */
bool seen_fingerprint(const struct seen *s, uint64_t key, uint64_t *fp);
/* Records key's fingerprint; kept until seen_save. */
void seen_set_fingerprint(struct seen *s, uint64_t key, uint64_t fp);
/* Forgets key's fingerprint; kept until seen_save. */
void seen_drop_fingerprint(struct seen *s, uint64_t key);

/* How many records, and fingerprints, the store holds. */
size_t seen_count(const struct seen *s);
size_t seen_nfingerprints(const struct seen *s);
/* True while a change is not saved. */
bool seen_pending(const struct seen *s);
/* Saves the changes: reads the file again when another process wrote it
 * since (or when it was never read), applies this run's changes over it
 * in the order they were made, and writes the whole file atomically. The
 * caller holds the state's lock. On ATOMIC_FAILED and ATOMIC_UNSYNCED,
 * msg (size bytes) says why, and the changes stay pending; a damaged file
 * is replaced, and msg says so with ATOMIC_DONE. */
enum atomic_result seen_save(struct seen *s, char *msg, size_t size);

#endif
