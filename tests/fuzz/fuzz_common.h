/* SPDX-License-Identifier: MIT */
/* fuzz_common: what every fuzz target shares: the harmless-output check,
 * a way to capture a FILE's output, and the walk over loaded postings. */
#ifndef BILLET_FUZZ_COMMON_H
#define BILLET_FUZZ_COMMON_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "export.h"
#include "posting.h"
#include "text.h"

/* The libFuzzer entry point each target defines; the replay driver
 * (replay.c) calls it too. */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Stops with a message; libFuzzer and the replay driver both see the
 * abort and keep the input. */
static inline void
fuzz_fail(const char *what, const char *s, size_t len, size_t at)
{
	fprintf(stderr, "fuzz invariant broken: %s at byte %zu of %zu:\n",
	        what, at, len);
	size_t from = at > 40 ? at - 40 : 0;
	for (size_t i = from; i < len && i < at + 40; i++)
		fprintf(stderr, (unsigned char)s[i] >= 0x20 &&
		        (unsigned char)s[i] < 0x7f ? "%c" : "\\x%02x",
		        (unsigned char)s[i]);
	fputc('\n', stderr);
	abort();
}

/* Checks that s[0..len) holds nothing a terminal would obey: valid UTF-8,
 * no C0 control but the allowed ones ('\n', '\t' and '\r' before '\n' when
 * nl_tab), no DEL,
 * no C1 control (U+0080-U+009F), no bidirectional control. */
static inline void
fuzz_assert_harmless(const char *s, size_t len, bool nl_tab)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7f) {
			i++;
			continue;
		}
		if (c < 0x80) {
			if (nl_tab && (c == '\n' || c == '\t' ||
			               (c == '\r' && i + 1 < len &&
			                s[i + 1] == '\n'))) {
				i++; /* "\r\n" ends CSV lines (RFC 4180) */
				continue;
			}
			fuzz_fail("raw C0 control or DEL", s, len, i);
		}
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		if (cp == 0xFFFD && !(n == 3 && !memcmp(s + i, "\xEF\xBF\xBD", 3)))
			fuzz_fail("invalid UTF-8", s, len, i);
		if (cp < 0xA0)
			fuzz_fail("raw C1 control", s, len, i);
		if (cp == 0x061C || cp == 0x200E || cp == 0x200F ||
		    (cp >= 0x202A && cp <= 0x202E) ||
		    (cp >= 0x2066 && cp <= 0x2069))
			fuzz_fail("raw bidirectional control", s, len, i);
		i += n;
	}
}

/* A FILE that writes into memory, and what was written. */
struct fuzz_capture {
	FILE *f;
	char *s;
	size_t len;
};

/* Opens a capture; aborts when it cannot. */
static inline void
fuzz_capture_open(struct fuzz_capture *c)
{
	c->s = NULL;
	c->len = 0;
	c->f = open_memstream(&c->s, &c->len);
	if (!c->f)
		abort();
}

/* Closes the capture, checks that its bytes are harmless, frees them. */
static inline void
fuzz_capture_check(struct fuzz_capture *c)
{
	if (fclose(c->f) != 0)
		abort();
	fuzz_assert_harmless(c->s, c->len, true);
	free(c->s);
}

/* The text, in bytes, of the postings that a target renders and writes
 * in full for one input: more than the biggest real posting. Aliases can
 * expand a file of a few kilobytes into postings of megabytes: everything
 * is linear, but each pass over 256 KiB under the sanitizers took most of
 * a second, and an input must take well under the fuzzers' -timeout
 * (10 s, tests/fuzz/fuzz.sh) on a loaded machine. */
#define FUZZ_TEXT_BUDGET ((size_t)64 << 10)

/* posting_each_text callback: every searchable text must be a string. */
static inline bool
fuzz_each_text(void *ctx, const char *field, const char *s)
{
	size_t *total = ctx;
	*total += strlen(field) + strlen(s);
	return false;
}

/* The bytes of p's searchable text. */
static inline size_t
fuzz_text_bytes(const struct posting *p)
{
	size_t total = 0;
	posting_each_text(p, fuzz_each_text, &total);
	return total;
}

/* The postings of c, in order, whose text fits FUZZ_TEXT_BUDGET
 * together (a posting bigger than what is left is passed over): their
 * positions in c->v go to a new array *at, their count is returned. */
static inline size_t
fuzz_select(const struct catalog *c, size_t **at)
{
	*at = malloc((c->n ? c->n : 1) * sizeof(**at));
	if (!*at)
		abort();
	size_t budget = FUZZ_TEXT_BUDGET, n = 0;
	for (size_t i = 0; i < c->n; i++) {
		size_t total = fuzz_text_bytes(c->v[i]);
		if (total > budget)
			continue;
		budget -= total;
		(*at)[n++] = i;
	}
	return n;
}

/* Renders p at a few widths: 1 and 2 (narrower than any label; 2 holds
 * one wide character), 7 (from there on every line must fit), 40 (the
 * detail pane beside the list) and 213 (a wide terminal). */
static inline void
fuzz_render(const struct posting *p)
{
	static const int widths[] = {1, 2, 7, 40, 213};
	for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
		struct rlines rl = {0};
		posting_render(p, widths[w], &rl);
		for (size_t i = 0; i < rl.n; i++) {
			const char *t = rl.v[i].text;
			size_t len = strlen(t);
			fuzz_assert_harmless(t, len, false);
			if (widths[w] >= 7 &&
			    text_width(t, len) > (size_t)widths[w])
				fuzz_fail("rendered line wider than the width",
				          t, len, 0);
			if (rl.v[i].kind == RL_FIELD && rl.v[i].label_len > len)
				fuzz_fail("label longer than its line", t, len,
				          0);
		}
		rlines_free(&rl);
	}
}

/* Touches every posting of c the way the batch commands and the detail
 * view do, checking that everything written is harmless: every posting
 * is checked and sorted, and those that fuzz_select picks are rendered
 * at each width of fuzz_render, shown in three formats and listed in
 * every format. */
static inline void
fuzz_touch_catalog(struct catalog *c)
{
	for (size_t i = 0; i < c->n; i++) {
		const struct posting *p = c->v[i];
		if (!p->id || !p->title)
			abort();
		if (catalog_find(c, p->id) != p)
			fuzz_fail("id does not find its posting", p->id,
			          strlen(p->id), 0);
		double lo, hi;
		if (posting_salary_yearly(p, &lo, &hi) && !(lo <= hi))
			fuzz_fail("salary range upside down", p->id,
			          strlen(p->id), 0);
	}
	size_t *at;
	size_t n = fuzz_select(c, &at);
	struct posting **v = malloc((n ? n : 1) * sizeof(*v));
	if (!v)
		abort();
	for (size_t i = 0; i < n; i++) {
		const struct posting *p = c->v[at[i]];
		v[i] = c->v[at[i]];
		fuzz_render(p);
		static const enum format show[] = {FMT_TEXT, FMT_JSON, FMT_YAML};
		for (size_t k = 0; k < 3; k++) {
			struct fuzz_capture cap;
			fuzz_capture_open(&cap);
			export_show(cap.f, p, show[k], 72, NULL);
			fuzz_capture_check(&cap);
		}
	}
	static const enum format list[] = {FMT_TEXT, FMT_TSV, FMT_CSV,
	                                   FMT_JSON, FMT_YAML, FMT_MARKDOWN};
	for (size_t k = 0; k < 6; k++) {
		struct fuzz_capture cap;
		fuzz_capture_open(&cap);
		export_list(cap.f, v, n, list[k], 100,
		            EXPORT_HEADER | EXPORT_STATE, NULL);
		fuzz_capture_check(&cap);
	}
	free(v);
	free(at);
	struct sort_spec spec;
	const char *bad;
	if (c->n && sort_parse("-salary,deadline,title", &spec, &bad)) {
		/* a copy: the catalog's id index refers to positions in c->v */
		struct posting **all = malloc(c->n * sizeof(*all));
		if (!all)
			abort();
		memcpy(all, c->v, c->n * sizeof(*all));
		sort_postings(all, c->n, &spec, "USD");
		free(all);
	}
	struct buf b = {0};
	for (size_t i = 0; i < c->nproblems; i++) {
		const struct problem *pr = &c->problems[i];
		buf_clear(&b);
		text_sanitize(&b, pr->msg, strlen(pr->msg), 0);
		if (b.s)
			fuzz_assert_harmless(b.s, b.len, false);
	}
	buf_free(&b);
}

#endif
