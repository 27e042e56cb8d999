/* SPDX-License-Identifier: MIT */
/* fuzz_xml: XML files. The input is loaded as "fuzz.xml" (libxml2's SAX
 * parse with billet's bounds; Personio's job feed made postings, its
 * positions' nodes mapped, their descriptions' HTML read; other XML,
 * broken XML, a DTD said), every problem and posting at a line of the
 * file, every posting touched as in fuzz_load; then under a name of no
 * extension, as standard input and a URL are (what the bytes are is
 * judged from them: XML, a page or YAML). Last, its first line as a
 * feed's URL and its second as an id: the page import_personio_page
 * makes of them is that URL's scheme and host, "/job/" and the id's
 * number, or none. */
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#include "catalog.h"
#include "import.h"
#include "load.h"
#include "fuzz_common.h"

/* Checks that every problem and posting of c is at a line of a file of
 * lines lines. */
static void
check_lines(const struct catalog *c, unsigned lines)
{
	for (size_t i = 0; i < c->nproblems; i++) {
		const struct problem *p = &c->problems[i];
		if (p->line > lines || (p->line && !p->col))
			fuzz_fail("problem past the file's last line", p->msg,
			          strlen(p->msg), 0);
	}
	for (size_t i = 0; i < c->n; i++)
		if (c->v[i]->line < 1 || c->v[i]->line > lines ||
		    c->v[i]->col < 1)
			fuzz_fail("posting not at a line of the file",
			          c->v[i]->title, strlen(c->v[i]->title), 0);
}

/* The page of a position, from the input's first two lines. */
static void
check_page(const char *s, size_t size)
{
	const char *nl = memchr(s, '\n', size);
	if (!nl)
		return;
	size_t ul = (size_t)(nl - s), rest = size - ul - 1;
	const char *nl2 = memchr(nl + 1, '\n', rest);
	size_t il = nl2 ? (size_t)(nl2 - nl - 1) : rest;
	char *url = malloc(ul + 1), *id = malloc(il + 1);
	if (!url || !id)
		abort();
	memcpy(url, s, ul);
	url[ul] = '\0';
	memcpy(id, nl + 1, il);
	id[il] = '\0';
	char *page = import_personio_page(url, id);
	if (page) {
		size_t pl = strlen(page), nl_ = strlen(id + 9);
		const char *job = pl >= nl_ + 5 ? page + pl - nl_ - 5 : NULL;
		if (strncmp(id, "personio-", 9) || !job ||
		    strncmp(job, "/job/", 5) || strcmp(job + 5, id + 9) ||
		    strncmp(page, url, (size_t)(job - page)) ||
		    (strncmp(page, "https://", 8) && strncmp(page, "http://", 7)))
			fuzz_fail("a position's page not made of the feed's URL "
			          "and the id", page, pl, 0);
		free(page);
	}
	free(url);
	free(id);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	unsigned lines = 1;
	for (size_t i = 0; i < size; i++)
		lines += s[i] == '\n';
	/* a small node budget: a position of many elements is said, and
	 * the fuzzer moves on */
	struct load_limits lim = load_default_limits;
	lim.max_nodes = 20000;
	struct catalog c;
	catalog_init(&c);
	load_buffer(&c, "fuzz.xml", s, size, &lim);
	check_lines(&c, lines);
	fuzz_touch_catalog(&c);
	catalog_free(&c);

	catalog_init(&c);
	load_buffer(&c, "stdin", s, size, &lim);
	fuzz_touch_catalog(&c);
	catalog_free(&c);

	check_page(s, size);
	return 0;
}
