/* SPDX-License-Identifier: MIT */
/* arena: bump allocation in chained blocks, freed all at once. */
#ifndef BILLET_ARENA_H
#define BILLET_ARENA_H

#include <stdbool.h>
#include <stddef.h>

/* One block of an arena; blocks are chained newest first. */
struct arena_block {
	struct arena_block *next; /* older block */
	size_t size;              /* usable bytes in data */
	size_t used;              /* bytes handed out */
	bool mapped;              /* mmap'd (huge pages), else malloc'd */
	max_align_t data[];       /* the memory */
};

/* An arena owns every block on its chain; arena_free releases them. */
struct arena {
	struct arena_block *head; /* block being filled, or NULL */
	size_t total;             /* bytes of all blocks, for measurement */
	size_t first;             /* size of the first block; 0: the default */
};

/* Returns n bytes aligned for any type, or NULL when memory is exhausted. */
void *arena_alloc(struct arena *a, size_t n);
/* Copies len bytes of s and a NUL terminator into the arena. */
char *arena_strndup(struct arena *a, const char *s, size_t len);
/* Copies a NUL-terminated string into the arena. */
char *arena_strdup(struct arena *a, const char *s);
/* Forgets every allocation but keeps the newest block for reuse. */
void arena_reset(struct arena *a);
/* Releases every block. */
void arena_free(struct arena *a);
/* Moves every block of src onto dst; src is left empty. */
void arena_take(struct arena *dst, struct arena *src);

#endif
