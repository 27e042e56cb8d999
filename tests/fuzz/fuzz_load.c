/* SPDX-License-Identifier: MIT */
/* fuzz_load: whole files through the loader (load_buffer, the default
 * limits), then every posting through the detail renderer at a few widths,
 * --show in text, JSON and YAML, and every --list format; everything
 * written must be harmless on a terminal (see fuzz_common.h). The same
 * bytes through load_bytes, which keeps the text in them as a big file's
 * is kept, must give the same postings and problems. What is rendered and
 * written in full is bounded (fuzz_select), so that an input that aliases
 * expand to megabytes still takes well under a second. */
#include <stdint.h>
#include <stddef.h>

#include "catalog.h"
#include "load.h"
#include "fuzz_common.h"

/* The postings at[0..n) of c as JSON, then every problem, into a
 * capture. */
static void
dump(const struct catalog *c, const size_t *at, size_t n,
     struct fuzz_capture *out)
{
	fuzz_capture_open(out);
	fprintf(out->f, "%zu postings\n", c->n);
	for (size_t i = 0; i < n && at[i] < c->n; i++)
		export_show(out->f, c->v[at[i]], FMT_JSON, 80, NULL);
	for (size_t i = 0; i < c->nproblems; i++) {
		const struct problem *p = &c->problems[i];
		fprintf(out->f, "%s:%u:%u: %d %s\n", p->file, p->line, p->col,
		        p->error, p->msg);
	}
	if (fclose(out->f) != 0)
		abort();
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct catalog c, k;
	catalog_init(&c);
	load_buffer(&c, "fuzz.yaml", (const char *)data, size, NULL);
	char *copy = malloc(size ? size : 1);
	if (!copy)
		abort();
	memcpy(copy, data, size);
	catalog_init(&k);
	load_bytes(&k, "fuzz.yaml", copy, size, NULL);
	/* the same postings of both in full (fuzz_select), and as many */
	size_t *at;
	size_t n = fuzz_select(&c, &at);
	struct fuzz_capture a, b;
	dump(&c, at, n, &a);
	dump(&k, at, n, &b);
	free(at);
	if (a.len != b.len || memcmp(a.s, b.s, a.len)) {
		size_t at = 0;
		while (at < a.len && at < b.len && a.s[at] == b.s[at])
			at++;
		fuzz_fail("load_bytes differs from load_buffer", b.s, b.len,
		          at);
	}
	free(a.s);
	free(b.s);
	catalog_free(&k);
	fuzz_touch_catalog(&c);
	catalog_free(&c);
	return 0;
}
