/* SPDX-License-Identifier: MIT */
#include "catalog.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void
catalog_init(struct catalog *c)
{
	*c = (struct catalog){0};
}

void
catalog_free(struct catalog *c)
{
	arena_free(&c->arena);
	free(c->v);
	free(c->problems);
	free(c->ids);
	*c = (struct catalog){0};
}

/* FNV-1a hash of a string. */
static uint32_t
hash_str(const char *s)
{
	uint32_t h = 2166136261u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 16777619u;
	return h;
}

/* Puts posting index i into the id table (which has room). */
static void
ids_put(uint32_t *ids, size_t cap, const char *id, uint32_t i)
{
	size_t mask = cap - 1;
	for (size_t k = hash_str(id) & mask;; k = (k + 1) & mask) {
		if (!ids[k]) {
			ids[k] = i + 1;
			return;
		}
	}
}

/* Doubles the id table when it is more than half full. */
static void
ids_grow(struct catalog *c)
{
	if (c->idcap && (c->n + 1) * 2 <= c->idcap)
		return;
	size_t cap = c->idcap ? c->idcap * 2 : 256;
	uint32_t *ids = calloc(cap, sizeof(*ids));
	if (!ids)
		die_nomem();
	for (size_t i = 0; i < c->n; i++)
		ids_put(ids, cap, c->v[i]->id, (uint32_t)i);
	free(c->ids);
	c->ids = ids;
	c->idcap = cap;
}

struct posting *
catalog_find(const struct catalog *c, const char *id)
{
	if (!c->idcap)
		return NULL;
	size_t mask = c->idcap - 1;
	for (size_t k = hash_str(id) & mask; c->ids[k]; k = (k + 1) & mask) {
		struct posting *p = c->v[c->ids[k] - 1];
		if (strcmp(p->id, id) == 0)
			return p;
	}
	return NULL;
}

void
catalog_add(struct catalog *c, struct posting *p)
{
	struct posting *first = catalog_find(c, p->id);
	if (first) {
		/* the next free ~N: counted on the first posting of that id, so
		 * thousands of postings with one id cost no more than others */
		size_t len = strlen(p->id);
		char *cand = malloc(len + 16);
		if (!cand)
			die_nomem();
		memcpy(cand, p->id, len);
		unsigned k = first->dup_next > 2 ? first->dup_next : 2;
		for (;; k++) {
			snprintf(cand + len, 16, "~%u", k);
			if (!catalog_find(c, cand))
				break;
		}
		first->dup_next = k + 1;
		if (!first->twin_of)
			first->twin_of = first->id;
		p->twin_of = first->twin_of;
		char *id = arena_strdup(&c->arena, cand);
		free(cand);
		if (!id)
			die_nomem();
		catalog_problem(c, p->file, p->line, p->col, false,
		                "duplicate id '%s' (first at %s:%u:%u); "
		                "this posting is '%s'", p->id, first->file,
		                first->line, first->col, id);
		p->id = id;
	}
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 64;
		struct posting **v = realloc(c->v, cap * sizeof(*v));
		if (!v)
			die_nomem();
		c->v = v;
		c->cap = cap;
	}
	ids_grow(c);
	p->seq = (uint32_t)c->n;
	c->v[c->n] = p;
	ids_put(c->ids, c->idcap, p->id, (uint32_t)c->n);
	c->n++;
}

void
catalog_reindex(struct catalog *c)
{
	if (c->idcap)
		memset(c->ids, 0, c->idcap * sizeof(*c->ids));
	for (size_t i = 0; i < c->n; i++)
		ids_put(c->ids, c->idcap, c->v[i]->id, (uint32_t)i);
}

void
catalog_problem(struct catalog *c, const char *file, unsigned line,
                unsigned col, bool error, const char *fmt, ...)
{
	char msg[512];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	struct problem pr = {.file = file, .line = line, .col = col,
	                     .error = error,
	                     .msg = arena_strdup(&c->arena, msg)};
	if (!pr.msg)
		die_nomem();
	catalog_push_problem(c, &pr);
}

void
problem_format(struct buf *out, const struct problem *p)
{
	/* one line: a newline in a file's name (or in a message naming one)
	 * is shown as ^J, not as a space that would hide it */
	text_sanitize(out, p->file, strlen(p->file), SAN_CARET_NL);
	/* a problem of the file as a whole (it cannot be read, it is
	 * empty) is put at its start: every line reads FILE:LINE:COL */
	buf_printf(out, ":%u:%u", p->line ? p->line : 1,
	           p->line ? (p->col ? p->col : 1) : 1);
	buf_printf(out, ": %s: ", p->error ? "error"
	                          : p->note ? "note" : "warning");
	text_sanitize(out, p->msg, strlen(p->msg), SAN_CARET_NL);
}

void
catalog_push_problem(struct catalog *c, const struct problem *pr)
{
	if (c->nproblems == c->pcap) {
		size_t cap = c->pcap ? c->pcap * 2 : 16;
		struct problem *v = realloc(c->problems, cap * sizeof(*v));
		if (!v)
			die_nomem();
		c->problems = v;
		c->pcap = cap;
	}
	c->problems[c->nproblems++] = *pr;
	if (pr->error)
		c->nerrors++;
	else if (pr->note)
		c->nnotes++;
}

void
catalog_merge(struct catalog *dst, struct catalog *src)
{
	arena_take(&dst->arena, &src->arena);
	for (size_t i = 0; i < src->nproblems; i++)
		catalog_push_problem(dst, &src->problems[i]);
	for (size_t i = 0; i < src->n; i++)
		catalog_add(dst, src->v[i]);
	dst->nfiles += src->nfiles;
	catalog_free(src);
}
