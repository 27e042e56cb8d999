/* SPDX-License-Identifier: MIT */
/* fuzz_query: the filter language. The input up to its first NUL byte is
 * one query, the rest (if any) a second. Each is parsed; one that parses
 * is matched against a few fixed postings (loaded once from the YAML
 * below), with and without state hooks, and asked for its spans over every
 * searchable text of those postings. Checked: a parse error has a column
 * and a message; spans lie inside the text, start and end on character
 * boundaries, come in order and do not overlap or touch; query_narrows is
 * never wrongly true (when newer narrows older, every posting newer
 * matches, older matches too); matching twice gives the same answer. */
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "load.h"
#include "query.h"
#include "fuzz_common.h"

/* The postings queries run against: plain, schema.org, odd. */
static const char postings_yaml[] =
	"---\n"
	"id: acme-1\n"
	"title: Senior Software Engineer\n"
	"organization: {name: Acme Corp, short: Acme}\n"
	"department: Platform\n"
	"location: [{city: Zürich, country: Switzerland}, Remote]\n"
	"workplace: {type: hybrid, note: two days in the office}\n"
	"employment: full-time\n"
	"salary: {min: 120000, max: 150000, currency: CHF}\n"
	"experience: 5-10\n"
	"languages: [{name: German, level: required}, English]\n"
	"posted: 2026-01-15\n"
	"deadline: 2026-03-01\n"
	"tags: [backend, payments]\n"
	"summary: Build the ledger. Ünïcödé ΣΊΣΥΦΟΣ straße.\n"
	"responsibilities: [Own the backend, Mentor juniors]\n"
	"qualifications: {required: [Go or C], preferred: [Spanish]}\n"
	"workHours: 40 per week\n"
	"---\n"
	"\"@type\": JobPosting\n"
	"title: Policy Advocate\n"
	"hiringOrganization: {name: ACLU}\n"
	"baseSalary: {currency: USD, value: {minValue: 26, maxValue: 31.5,"
	" unitText: HOUR}}\n"
	"datePosted: 2025-12-01\n"
	"validThrough: open until filled\n"
	"jobLocationType: TELECOMMUTE\n"
	"employmentType: PART_TIME\n"
	"description: <p>Organize &amp; advocate</p><ul><li>Spanish</li></ul>\n"
	"---\n"
	"id: \"odd\\e[31m\"\n"
	"title: \"Tab\\there \\u202E and 漢字\"\n"
	"deadline: rolling\n"
	"salary: \"$3,200/month\"\n";

static struct catalog cat;

/* Frees the fixed postings at exit, so leak checkers stay quiet. */
static void
free_catalog(void)
{
	catalog_free(&cat);
}

/* State hooks that answer from the posting's load order. */
static bool
h_marked(void *ctx, const struct posting *p)
{
	(void)ctx;
	return p->seq % 2 == 0;
}

static bool
h_hidden(void *ctx, const struct posting *p)
{
	(void)ctx;
	return p->seq == 1;
}

static bool
h_new(void *ctx, const struct posting *p)
{
	(void)ctx;
	return p->seq != 0;
}

static int
h_rating(void *ctx, const struct posting *p)
{
	(void)ctx;
	return (int)(p->seq % 6);
}

static int
h_status(void *ctx, const struct posting *p)
{
	(void)ctx;
	return (int)((p->seq * 3) % QSTATUS_N);
}

static const struct query_env env = {
	.today = 20260201,
	.marked = h_marked, .hidden = h_hidden, .is_new = h_new,
	.read = h_marked, .has_note = h_new, .rating = h_rating,
	.status = h_status,
};

/* What the span check needs about the query and the text. */
struct spanctx {
	struct query *q;
	struct query_span *v;
	size_t n, cap;
};

/* Checks the spans of one searchable text. */
static bool
check_spans(void *vctx, const char *field, const char *s)
{
	struct spanctx *x = vctx;
	size_t len = strlen(s);
	for (int pass = 0; pass < 2; pass++) {
		x->n = 0;
		size_t added = query_spans(x->q, pass ? NULL : field, s, len,
		                           &x->v, &x->n, &x->cap);
		if (added != x->n)
			fuzz_fail("query_spans miscounts", s, len, 0);
		size_t end = 0;
		for (size_t i = 0; i < x->n; i++) {
			const struct query_span *sp = &x->v[i];
			if (sp->off > len || sp->len > len - sp->off)
				fuzz_fail("span outside the text", s, len,
				          sp->off);
			if (i > 0 && sp->off <= end)
				fuzz_fail("spans overlap, touch or go back", s,
				          len, sp->off);
			if ((sp->off < len &&
			     ((unsigned char)s[sp->off] & 0xC0) == 0x80) ||
			    (sp->off + sp->len < len &&
			     ((unsigned char)s[sp->off + sp->len] & 0xC0) == 0x80))
				fuzz_fail("span splits a character", s, len,
				          sp->off);
			end = sp->off + sp->len;
		}
	}
	return false;
}

/* Parses s; on failure checks the error and returns NULL. */
static struct query *
parse(const char *s)
{
	struct query_error err;
	memset(&err, 0x55, sizeof(err));
	struct query *q = query_parse(s, &err);
	if (q) {
		if (strcmp(query_source(q), s) != 0)
			fuzz_fail("query_source is not the text", s, strlen(s),
			          0);
		return q;
	}
	if (!memchr(err.msg, '\0', sizeof(err.msg)) || !err.msg[0] ||
	    err.col < 1)
		fuzz_fail("parse error without column or message", s,
		          strlen(s), 0);
	struct buf b = {0};
	query_error_describe(&err, &b);
	if (!b.s)
		abort();
	buf_free(&b);
	return NULL;
}

/* Runs one parsed query over the postings. */
static void
exercise(struct query *q)
{
	static const char *const terms[] = {
		"is:hidden", "is:marked", "has:note", "status", "rating",
		"salary", "experience", "posted", "deadline", "title:", "org:",
	};
	for (size_t i = 0; i < sizeof(terms) / sizeof(terms[0]); i++)
		query_mentions(q, terms[i]);
	query_is_empty(q);
	struct spanctx sx = {.q = q};
	for (size_t i = 0; i < cat.n; i++) {
		const struct posting *p = cat.v[i];
		bool a = query_match(q, p, NULL);
		bool b = query_match(q, p, &env);
		if (query_match(q, p, NULL) != a || query_match(q, p, &env) != b)
			fuzz_fail("matching twice disagrees", query_source(q),
			          strlen(query_source(q)), 0);
		posting_each_text(p, check_spans, &sx);
	}
	free(sx.v);
}

/* Checks that when newer narrows older, newer's matches are older's. */
static void
check_narrows(struct query *older, struct query *newer)
{
	if (!query_narrows(older, newer))
		return;
	for (size_t i = 0; i < cat.n; i++) {
		const struct query_env *e[] = {NULL, &env};
		for (int k = 0; k < 2; k++)
			if (query_match(newer, cat.v[i], e[k]) &&
			    !query_match(older, cat.v[i], e[k]))
				fuzz_fail("query_narrows wrongly true",
				          query_source(newer),
				          strlen(query_source(newer)), 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool init;
	if (!init) {
		catalog_init(&cat);
		load_buffer(&cat, "fixed.yaml", postings_yaml,
		            sizeof(postings_yaml) - 1, NULL);
		if (cat.n != 3)
			abort();
		atexit(free_catalog);
		init = true;
	}
	char *s = malloc(size + 1);
	if (!s)
		abort();
	memcpy(s, data, size);
	s[size] = '\0';
	size_t alen = strlen(s);
	const char *b = alen < size ? s + alen + 1 : NULL;
	struct query *qa = parse(s);
	struct query *qb = b ? parse(b) : NULL;
	if (qa)
		exercise(qa);
	if (qb)
		exercise(qb);
	if (qa) {
		check_narrows(qa, qa);
		if (qb) {
			check_narrows(qa, qb);
			check_narrows(qb, qa);
		}
		struct query *all = query_parse("", NULL);
		if (all) {
			check_narrows(all, qa);
			check_narrows(qa, all);
			query_free(all);
		}
	}
	query_free(qa);
	query_free(qb);
	free(s);
	return 0;
}
