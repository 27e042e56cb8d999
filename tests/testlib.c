/* SPDX-License-Identifier: MIT */
/* testlib: what the Criterion suites share (testlib.h). */
#include "testlib.h"

#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "text.h"

char *
slurp(const char *p)
{
	FILE *f = fopen(p, "rb");
	if (!f)
		return NULL;
	struct buf b = {0};
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return buf_steal(&b);
}

void
spew(const char *p, const char *s)
{
	FILE *f = fopen(p, "wb");
	cr_assert_not_null(f);
	fputs(s, f);
	cr_assert_eq(fclose(f), 0);
}

bool
has_problem(const struct catalog *c, unsigned line, unsigned col,
            bool error, const char *part)
{
	for (size_t i = 0; i < c->nproblems; i++) {
		const struct problem *p = &c->problems[i];
		if (p->line == line && p->col == col && p->error == error &&
		    strstr(p->msg, part))
			return true;
	}
	return false;
}

void
dump_problems(const struct catalog *c)
{
	for (size_t i = 0; i < c->nproblems; i++)
		fprintf(stderr, "  %s:%u:%u %s %s\n", c->problems[i].file,
		        c->problems[i].line, c->problems[i].col,
		        c->problems[i].error ? "E" : "W", c->problems[i].msg);
}

const struct xvalue *
kept(const struct posting *p, const char *key)
{
	for (size_t i = 0; i < p->nextra; i++)
		if (!strcmp(p->extra[i].key, key))
			return &p->extra[i];
	return NULL;
}

const char *
kept_text(const struct posting *p, const char *key)
{
	const struct xvalue *x = kept(p, key);
	return !x ? NULL : x->kind == X_SCALAR ? x->s : "";
}

const struct section *
section_of(const struct posting *p, const char *heading)
{
	for (size_t i = 0; i < p->nsections; i++)
		if (!strcmp(p->sections[i].heading, heading))
			return &p->sections[i];
	return NULL;
}
