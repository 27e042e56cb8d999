/* SPDX-License-Identifier: MIT */
/* fuzz_frontmatter: whole Markdown files with front matter through the
 * loader (load_buffer as "fuzz.md", and as "fuzz.html" whose body is
 * HTML when it opens with "---"), then every posting through the renderer and every export as in
 * fuzz_load; everything written must be harmless on a terminal, every
 * problem must be at a line of the file, and load_bytes must give what
 * load_buffer gives. */
#include <stdint.h>
#include <stddef.h>

#include "catalog.h"
#include "load.h"
#include "fuzz_common.h"

/* Every posting of c as JSON, then every problem, into a capture. */
static void
dump(const struct catalog *c, struct fuzz_capture *out)
{
	fuzz_capture_open(out);
	for (size_t i = 0; i < c->n; i++)
		export_show(out->f, c->v[i], FMT_JSON, 80, NULL);
	for (size_t i = 0; i < c->nproblems; i++) {
		const struct problem *p = &c->problems[i];
		fprintf(out->f, "%s:%u:%u: %d %s\n", p->file, p->line, p->col,
		        p->error, p->msg);
	}
	if (fclose(out->f) != 0)
		abort();
}

/* Loads the input as a file called name, both ways, and checks it. */
static void
one(const char *name, const uint8_t *data, size_t size)
{
	struct catalog c, k;
	catalog_init(&c);
	load_buffer(&c, name, (const char *)data, size, NULL);
	char *copy = malloc(size ? size : 1);
	if (!copy)
		abort();
	memcpy(copy, data, size);
	catalog_init(&k);
	load_bytes(&k, name, copy, size, NULL);
	struct fuzz_capture a, b;
	dump(&c, &a);
	dump(&k, &b);
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
	/* a problem is at a line of the file: at most one a line break,
	 * counted as libyaml counts them too (a lone CR, NEL, LS, PS) */
	unsigned lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += data[i] == '\n' || data[i] == '\r' ||
		         (i + 1 < size && data[i] == 0xC2 && data[i + 1] == 0x85) ||
		         (i + 2 < size && data[i] == 0xE2 && data[i + 1] == 0x80 &&
		          (data[i + 2] == 0xA8 || data[i + 2] == 0xA9));
	for (size_t i = 0; i < c.nproblems; i++)
		if (c.problems[i].line > lines)
			fuzz_fail("a problem after the file's last line",
			          c.problems[i].msg, strlen(c.problems[i].msg),
			          0);
	fuzz_touch_catalog(&c);
	catalog_free(&c);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	one("fuzz.md", data, size);
	/* an .html file is read for its front matter when it opens with
	 * one (else it is the YAML reader's, which fuzz_load covers) */
	const uint8_t *d = data;
	size_t n = size;
	if (n >= 3 && !memcmp(d, "\xEF\xBB\xBF", 3)) {
		d += 3;
		n -= 3;
	}
	size_t i = 3;
	while (i < n && (d[i] == ' ' || d[i] == '\t' || d[i] == '\r'))
		i++;
	if (n >= 3 && !memcmp(d, "---", 3) && (i == n || d[i] == '\n'))
		one("fuzz.html", data, size);
	return 0;
}
