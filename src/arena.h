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
	size_t used;              /* bytes handed out (a hold: held) */
	char *mem;                /* the memory: data, or a mapping */
	bool mapped;              /* mem is mmap'd (huge pages) */
	void (*release)(void *);  /* a hold (size 0): called with held when
	                           * the arena lets go, or NULL */
	void *held;
	max_align_t data[];       /* the memory of a block from the heap */
};

struct arena_pool;

/* An arena owns every block on its chain; arena_free releases them. */
struct arena {
	struct arena_block *head; /* block being filled, or NULL */
	size_t total;             /* bytes of all blocks, for measurement */
	size_t held;              /* bytes of the memory held (arena_hold) */
	size_t first;             /* size of the first block; 0: the default */
	struct arena_pool *pool;  /* where its biggest blocks come from when
	                           * it has some ready (not owned), or NULL */
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
/* Makes the arena hold size bytes of memory it did not allocate (text
 * kept where it was read): release(what) is called when the arena is
 * freed. Returns false, having held nothing, when memory is exhausted. */
bool arena_hold(struct arena *a, void (*release)(void *), void *what,
                size_t size);

/* Anonymous memory for len bytes, rounded up to whole huge pages (their
 * number in *mapped), at an address aligned for them and asked to use
 * them: the kernel faults in 2 MiB at once, far fewer faults than small
 * pages, and zeroes them faster. Not from malloc, whose header in front
 * would take a huge page of its own. NULL when there is none. */
void *arena_map_huge(size_t len, size_t *mapped);

/* A pool of the biggest blocks made ready ahead, their memory already
 * faulted in, by a thread that has time while others fill arenas: the
 * kernel's zeroing of fresh memory is then done beside the filling, not
 * in it. Thread-safe. */
struct arena_pool *arena_pool_new(void);
/* Makes blocks ready up to as many as the arenas took so far, at most
 * max; nothing until they have taken four (a small load needs none). */
void arena_pool_fill(struct arena_pool *p, size_t max);
/* Releases the blocks ready and makes no more: once the work is nearly
 * done, they would only add to the peak of memory. */
void arena_pool_drain(struct arena_pool *p);
/* Releases the blocks still ready, and the pool (NULL is fine). */
void arena_pool_free(struct arena_pool *p);

#endif
