/* SPDX-License-Identifier: MIT */
/* fuzz_html: job pages and HTML text. The input is read as a job page
 * (load_buffer of "fuzz.html": libxml2's parse with billet's bounds, the
 * JSON-LD blocks found in the bytes and read with their problems placed in
 * the page, or the microdata), and every posting is touched as in
 * fuzz_load; then as an HTML text (a description): its blocks and its
 * light form, which must be text of blocks that are never empty nor start
 * or end with white space, read back by prose_read without a crash. */
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#include "catalog.h"
#include "load/html.h"
#include "load.h"
#include "prose.h"
#include "fuzz_common.h"

/* Checks what prose promises of its blocks. */
static void
check_blocks(const struct prose *p)
{
	for (size_t i = 0; i < p->n; i++) {
		const char *t = p->v[i].text;
		size_t len = strlen(t);
		if (!len)
			fuzz_fail("empty block", t, len, 0);
		if (t[0] == ' ' || t[0] == '\n' || t[len - 1] == ' ' ||
		    t[len - 1] == '\n')
			fuzz_fail("block not trimmed", t, len, 0);
		if (p->v[i].depth > PROSE_MAX_DEPTH)
			fuzz_fail("block nested too deep", t, len, 0);
	}
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	struct catalog c;
	catalog_init(&c);
	/* a small element budget: a page of many elements is said, and
	 * the fuzzer moves on */
	struct load_limits lim = load_default_limits;
	lim.max_nodes = 20000;
	load_buffer(&c, "fuzz.html", s, size, &lim);
	for (size_t i = 0; i < c.nproblems; i++)
		if (c.problems[i].line > 1 + size)
			fuzz_fail("problem past the page's last line",
			          c.problems[i].msg, strlen(c.problems[i].msg), 0);
	fuzz_touch_catalog(&c);
	catalog_free(&c);

	struct prose p = {0};
	html_blocks(s, size, &p);
	check_blocks(&p);
	struct buf t = {0};
	prose_write(&t, &p, 0, p.n);
	if (!t.s || t.s[t.len] != '\0')
		abort();
	struct prose q = {0};
	prose_read(t.s, t.len, &q);
	check_blocks(&q);
	prose_flatten(&q);
	check_blocks(&q);
	prose_free(&q);
	prose_free(&p);
	buf_free(&t);

	struct buf h = {0};
	html_to_text(&h, s, size);
	if (!h.s || h.s[h.len] != '\0')
		abort(); /* the result is a string even for empty input */
	buf_free(&h);
	return 0;
}
