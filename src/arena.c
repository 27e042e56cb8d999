/* SPDX-License-Identifier: MIT */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

#define ARENA_BLOCK_MIN ((size_t)64 * 1024)

void *
arena_alloc(struct arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	n = (n + align - 1) / align * align;
	if (n == 0)
		n = align;
	struct arena_block *b = a->head;
	if (!b || b->size - b->used < n) {
		size_t size = n > ARENA_BLOCK_MIN / 4 ? n : ARENA_BLOCK_MIN;
		b = malloc(sizeof(*b) + size);
		if (!b)
			return NULL;
		b->size = size;
		b->used = 0;
		if (a->head && n > ARENA_BLOCK_MIN / 4 &&
		    a->head->size - a->head->used > ARENA_BLOCK_MIN / 8) {
			/* a big one-off: keep filling the current block */
			b->next = a->head->next;
			a->head->next = b;
		} else {
			b->next = a->head;
			a->head = b;
		}
		a->total += size;
	}
	void *p = (char *)b->data + b->used;
	b->used += n;
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t len)
{
	char *p = arena_alloc(a, len + 1);
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
		free(old);
		old = next;
	}
	b->next = NULL;
	b->used = 0;
}

void
arena_free(struct arena *a)
{
	struct arena_block *b = a->head;
	while (b) {
		struct arena_block *next = b->next;
		free(b);
		b = next;
	}
	a->head = NULL;
	a->total = 0;
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
	src->head = NULL;
	src->total = 0;
}
