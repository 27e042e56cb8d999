/* SPDX-License-Identifier: MIT */
#include "arena.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

/* The first block's size; each later one is as big as the arena so far,
 * up to ARENA_BLOCK_MAX, so a small arena stays small and a big one is
 * made of few blocks. */
#define ARENA_BLOCK_MIN ((size_t)16 * 1024)
#define ARENA_BLOCK_MAX ((size_t)4 << 20)
/* Blocks this big are aligned for huge pages and asked to use them: far
 * fewer page faults when a big corpus is loaded. */
#define ARENA_HUGE ((size_t)2 << 20)

void *
arena_map_huge(size_t len, size_t *mapped)
{
	size_t total = (len + ARENA_HUGE - 1) / ARENA_HUGE * ARENA_HUGE;
	size_t span = total + ARENA_HUGE;
	char *p = mmap(NULL, span, PROT_READ | PROT_WRITE,
	               MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (p == MAP_FAILED)
		return NULL;
	char *a = (char *)(((uintptr_t)p + ARENA_HUGE - 1) &
	                   ~(uintptr_t)(ARENA_HUGE - 1));
	if (a > p)
		munmap(p, (size_t)(a - p));
	if (p + span > a + total)
		munmap(a + total, (size_t)(p + span - (a + total)));
	madvise(a, total, MADV_HUGEPAGE);
	*mapped = total;
	return a;
}

/* A block of size bytes mapped for huge pages, its header in the heap
 * (where a leak checker sees the chain of blocks), or NULL. */
static struct arena_block *
huge_block(size_t size)
{
	struct arena_block *b = malloc(sizeof(*b));
	if (!b)
		return NULL;
	size_t mapped;
	b->mem = arena_map_huge(size, &mapped); /* size: whole huge pages */
	if (!b->mem) {
		free(b);
		return NULL;
	}
	b->mapped = true;
	b->release = NULL;
	b->size = size;
	return b;
}

static void block_free(struct arena_block *b);

struct arena_pool {
	pthread_mutex_t lock;
	struct arena_block *ready; /* blocks of ARENA_BLOCK_MAX, faulted in */
	size_t nready;
	size_t taken;              /* biggest blocks the arenas asked for */
	bool closed;               /* drained: makes none any more */
};

struct arena_pool *
arena_pool_new(void)
{
	struct arena_pool *p = calloc(1, sizeof(*p));
	if (p)
		pthread_mutex_init(&p->lock, NULL);
	return p;
}

void
arena_pool_fill(struct arena_pool *p, size_t max)
{
	if (!p)
		return;
	for (;;) {
		pthread_mutex_lock(&p->lock);
		size_t want = p->closed || p->taken < 4 ? 0
		            : p->taken < max ? p->taken : max;
		bool more = p->nready < want;
		pthread_mutex_unlock(&p->lock);
		if (!more)
			return;
		struct arena_block *nb = huge_block(ARENA_BLOCK_MAX);
		if (!nb)
			return;
		/* a byte a huge page: the kernel faults in (and zeroes) the
		 * whole page here, not in the thread that fills it */
		for (size_t off = 0; off < nb->size; off += ARENA_HUGE)
			nb->mem[off] = 0;
		pthread_mutex_lock(&p->lock);
		nb->next = p->ready;
		p->ready = nb;
		p->nready++;
		pthread_mutex_unlock(&p->lock);
	}
}

/* One of the pool's ready blocks, or NULL; counts the demand. */
static struct arena_block *
pool_take(struct arena_pool *p)
{
	pthread_mutex_lock(&p->lock);
	p->taken++;
	struct arena_block *b = p->ready;
	if (b) {
		p->ready = b->next;
		p->nready--;
	}
	pthread_mutex_unlock(&p->lock);
	return b;
}

void
arena_pool_drain(struct arena_pool *p)
{
	if (!p)
		return;
	pthread_mutex_lock(&p->lock);
	struct arena_block *b = p->ready;
	p->ready = NULL;
	p->nready = 0;
	p->closed = true;
	pthread_mutex_unlock(&p->lock);
	while (b) {
		struct arena_block *next = b->next;
		block_free(b);
		b = next;
	}
}

void
arena_pool_free(struct arena_pool *p)
{
	if (!p)
		return;
	arena_pool_drain(p);
	pthread_mutex_destroy(&p->lock);
	free(p);
}

/* Releases a block of either kind. */
static void
block_free(struct arena_block *b)
{
	if (b->release)
		b->release(b->held);
	if (b->mapped)
		munmap(b->mem, b->size);
	free(b);
}

/* A new block of at least n usable bytes. */
static struct arena_block *
block_new(struct arena *a, size_t n)
{
	size_t size = a->total < ARENA_BLOCK_MIN ? ARENA_BLOCK_MIN
	            : a->total > ARENA_BLOCK_MAX ? ARENA_BLOCK_MAX : a->total;
	if (a->first)
		size = a->total ? a->first / 2 : a->first; /* a small arena */
	if (size < n)
		size = n;
	struct arena_block *b;
	if (size >= ARENA_HUGE) {
		size = (size + ARENA_HUGE - 1) / ARENA_HUGE * ARENA_HUGE;
		b = NULL;
		if (a->pool && size == ARENA_BLOCK_MAX)
			b = pool_take(a->pool);
		if (!b)
			b = huge_block(size);
	} else {
		b = malloc(sizeof(*b) + size);
		if (b) {
			b->mem = (char *)b->data;
			b->mapped = false;
			b->release = NULL;
			b->size = size;
		}
	}
	if (!b)
		return NULL;
	b->used = 0;
	return b;
}

/* Returns n bytes at an offset that is a multiple of align. */
static void *
alloc_aligned(struct arena *a, size_t n, size_t align)
{
	struct arena_block *b = a->head;
	size_t at = b ? (b->used + align - 1) / align * align : 0;
	if (!b || at > b->size || b->size - at < n) {
		struct arena_block *nb = block_new(a, n);
		if (!nb)
			return NULL;
		if (b && at <= b->size && b->size - at > nb->size - n) {
			/* the current block has more room left: keep filling
			 * it, and put the new one behind it */
			nb->next = b->next;
			b->next = nb;
		} else {
			nb->next = b;
			a->head = nb;
		}
		a->total += nb->size;
		b = nb;
		at = 0;
	}
	void *p = b->mem + at;
	b->used = at + n;
	return p;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	return alloc_aligned(a, n ? n : 1, sizeof(max_align_t));
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = alloc_aligned(a, len + 1, 1); /* text needs no alignment */
	if (!p)
		return NULL;
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	return arena_strndup(a, s, strlen(s));
}

void
arena_reset(struct arena *a)
{
	struct arena_block *b = a->head;
	if (!b)
		return;
	struct arena_block *old = b->next;
	while (old) {
		struct arena_block *next = old->next;
		a->total -= old->size;
		if (old->release)
			a->held -= old->used;
		block_free(old);
		old = next;
	}
	b->next = NULL;
	if (!b->release)
		b->used = 0;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		block_free(b);
		b = next;
	}
	a->head = NULL;
	a->total = 0;
	a->held = 0;
}

void
arena_take(struct arena *dst, struct arena *src)
{
	if (!src->head)
		return;
	struct arena_block *tail = src->head;
	while (tail->next)
		tail = tail->next;
	/* keep dst's current block first so it goes on being filled */
	if (dst->head) {
		tail->next = dst->head->next;
		dst->head->next = src->head;
	} else {
		dst->head = src->head;
	}
	dst->total += src->total;
	dst->held += src->held;
	src->head = NULL;
	src->total = 0;
	src->held = 0;
}

bool
arena_hold(struct arena *a, void (*release)(void *), void *what,
           size_t size)
{
	struct arena_block *b = malloc(sizeof(*b));
	if (!b)
		return false;
	/* no room (size 0); used keeps the bytes held */
	*b = (struct arena_block){.release = release, .held = what,
	                          .used = size};
	/* behind the block being filled, which goes on being filled */
	if (a->head) {
		b->next = a->head->next;
		a->head->next = b;
	} else {
		a->head = b;
	}
	a->held += size;
	return true;
}
