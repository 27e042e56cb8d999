/* SPDX-License-Identifier: MIT */
/* bench on a corpus of job pages (gen --pages): the load against what the
 * libraries billet reads a page with cost by themselves on the same bytes
 * (issue 15). libxml2's HTML parser makes the page's tree (htmlReadMemory
 * with billet's options), which is freed, and libyaml makes the events of
 * each JSON-LD block (the same event parse as the YAML baseline), which
 * are deleted. Where the blocks are is found once, before anything is
 * timed, so that the baseline's own search costs it nothing. The ratios
 * are the median of each round's, a load over the baseline run just
 * before it, as for YAML. Nothing is asserted. */
#include "config.h"

#include "bench.h"
#include "catalog.h"

#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>

#include "load/html.h"

/* A JSON-LD block of a page: its bytes in the file. */
struct block {
	size_t off, len; /* where it starts, its bytes */
};

/* A corpus of job pages, and where their JSON-LD blocks are. */
struct pages {
	const struct files *f; /* the pages */
	struct block *blocks;  /* every page's, in order */
	size_t *first;         /* page i's are first[i]..first[i + 1] */
	size_t nblocks, cap;   /* blocks, and room for them */
	unsigned long long bytes; /* the blocks' bytes */
	struct files walked;    /* the files as the baseline's walk found
	                        * them (the same as f) */
	atomic_size_t next;    /* the next page to parse */
	atomic_size_t failed;  /* pages that did not parse */
};

/* The offset of needle (case ignored) in s[from..len), or len. */
static size_t
find_ci(const char *s, size_t len, size_t from, const char *needle)
{
	size_t nl = strlen(needle);
	for (size_t i = from; i + nl <= len; i++) {
		const char *p = memchr(s + i, '<', len - i);
		if (!p)
			return len;
		i = (size_t)(p - s);
		if (i + nl <= len && !strncasecmp(s + i, needle, nl))
			return i;
	}
	return len;
}

/* Adds the blocks of one page: the contents of the script elements whose
 * start tag says application/ld+json. */
static void
find_blocks(struct pages *p, const char *s, size_t len)
{
	for (size_t i = 0; (i = find_ci(s, len, i, "<script")) < len;) {
		const char *gt = memchr(s + i, '>', len - i);
		if (!gt)
			break;
		size_t body = (size_t)(gt - s) + 1;
		size_t end = find_ci(s, len, body, "</script");
		bool ld = false;
		for (size_t k = i; k + 19 <= body && !ld; k++)
			ld = !strncasecmp(s + k, "application/ld+json", 19);
		if (ld) {
			if (p->nblocks == p->cap) {
				p->cap = p->cap ? 2 * p->cap : 1024;
				p->blocks = realloc(p->blocks, p->cap *
				                    sizeof(*p->blocks));
				if (!p->blocks) {
					fputs("bench: out of memory\n", stderr);
					exit(1);
				}
			}
			p->blocks[p->nblocks++] = (struct block){body, end - body};
			p->bytes += end - body;
		}
		i = end;
	}
}

/* Finds the JSON-LD blocks of the pages f lists (f is kept, not owned),
 * reading each page once; done before anything is timed. */
static struct pages *
pages_open(const struct files *f)
{
	struct pages *p = calloc(1, sizeof(*p));
	if (!p || !(p->first = calloc(f->n + 1, sizeof(*p->first)))) {
		fputs("bench: out of memory\n", stderr);
		exit(1);
	}
	p->f = f;
	for (size_t i = 0; i < f->n; i++) {
		p->first[i] = p->nblocks;
		void *map;
		size_t len;
		if (map_file(f->v[i], &map, &len) && map) {
			find_blocks(p, map, len);
			munmap(map, len);
		}
	}
	p->first[f->n] = p->nblocks;
	return p;
}

/* The JSON-LD blocks found, and their bytes. */
static size_t
pages_blocks(const struct pages *p, unsigned long long *bytes)
{
	*bytes = p->bytes;
	return p->nblocks;
}

/* Parses page i: its tree, then its blocks' events. */
static bool
parse_page(struct pages *p, size_t i)
{
	void *map;
	size_t len;
	if (!map_file(p->walked.v[i], &map, &len))
		return false;
	bool ok = true;
	/* billet reads a page of valid UTF-8 as UTF-8, whatever it says */
	htmlDocPtr doc = map ? htmlReadMemory(map, (int)len, NULL, "UTF-8",
	                                      HTML_OPTIONS) : NULL;
	ok = doc != NULL;
	xmlFreeDoc(doc);
	for (size_t b = p->first[i]; b < p->first[i + 1]; b++) {
		bool failed;
		parse_bytes((const char *)map + p->blocks[b].off,
		                  p->blocks[b].len, &failed);
		ok = ok && !failed;
	}
	if (map)
		munmap(map, len);
	return ok;
}

/* A thread of the baseline: pages one at a time until none is left. */
static void *
baseline_main(void *arg)
{
	struct pages *p = arg;
	size_t failed = 0;
	for (size_t i; (i = atomic_fetch_add(&p->next, 1)) < p->walked.n;)
		failed += !parse_page(p, i);
	atomic_fetch_add(&p->failed, failed);
	return NULL;
}

/* The pages' baseline on threads threads: the walk of path, then for
 * each page (shared out one at a time), open and map it, libxml2's
 * htmlReadMemory with billet's options, the tree freed, then libyaml's
 * event parse of each of its JSON-LD blocks. Returns the pages libxml2
 * made no document of or whose blocks libyaml stopped in. */
static size_t
pages_baseline(struct pages *p, const char *path, int threads)
{
	/* the walk is part of the work, as it is for load_path */
	files_find(path, &p->walked);
	if (p->walked.n != p->f->n) {
		fprintf(stderr, "bench: %s changed while it was measured\n",
		        path);
		exit(1);
	}
	if (threads < 1)
		threads = 1;
	if (threads > 64)
		threads = 64;
	xmlInitParser();
	atomic_store(&p->next, 0);
	atomic_store(&p->failed, 0);
	pthread_t t[64];
	for (int i = 1; i < threads; i++)
		if (pthread_create(&t[i], NULL, baseline_main, p) != 0) {
			fputs("bench: cannot start a thread\n", stderr);
			exit(1);
		}
	baseline_main(p);
	for (int i = 1; i < threads; i++)
		pthread_join(t[i], NULL);
	files_free(&p->walked);
	return atomic_load(&p->failed);
}

/* Frees what pages_open made. */
static void
pages_free(struct pages *p)
{
	if (!p)
		return;
	free(p->blocks);
	free(p->first);
	free(p);
}

bool
pages_is_page(const char *name)
{
	const char *dot = strrchr(name, '.');
	return dot && (!strcmp(dot, ".html") || !strcmp(dot, ".htm"));
}

size_t
pages_count(const struct files *f)
{
	size_t n = 0;
	for (size_t i = 0; i < f->n; i++)
		n += pages_is_page(f->v[i]);
	return n;
}

/* Loads path into a fresh catalog on one worker or the default ones;
 * its time in ms (the catalog is kept in c). */
static double
timed_load(struct catalog *c, const char *path, bool one)
{
	loader_threads(one);
	catalog_init(c);
	double t0 = now_ms();
	load_path(c, path, &limits);
	return now_ms() - t0;
}

int
pages_bench(const char *path, const struct files *f, int runs,
            int threads)
{
	progress("pages: finding the JSON-LD blocks");
	struct pages *p = pages_open(f);
	unsigned long long bbytes;
	fig("pages.files", (double)f->n);
	fig("pages.bytes", (double)f->bytes);
	fig("pages.blocks", (double)pages_blocks(p, &bbytes));
	fig("pages.block_bytes", (double)bbytes);
	fig("runs", runs);

	/* a warm-up of each, so that the files come from the page cache */
	progress("pages: baseline and load, 1 and %d threads, %d runs each",
	         threads, runs);
	size_t perr = pages_baseline(p, path, 1);
	struct catalog c;
	for (int one = 0; one < 2; one++) {
		timed_load(&c, path, one);
		catalog_free(&c);
	}
	double *b1 = xmalloc((size_t)runs * sizeof(*b1));
	double *bn = xmalloc((size_t)runs * sizeof(*bn));
	double *l1 = xmalloc((size_t)runs * sizeof(*l1));
	double *ln = xmalloc((size_t)runs * sizeof(*ln));
	double *x1 = xmalloc((size_t)runs * sizeof(*x1));
	double *xn = xmalloc((size_t)runs * sizeof(*xn));
	for (int r = 0; r < runs; r++) {
		double t0 = now_ms();
		pages_baseline(p, path, 1);
		b1[r] = now_ms() - t0;
		l1[r] = timed_load(&c, path, true);
		catalog_free(&c);
		t0 = now_ms();
		pages_baseline(p, path, threads);
		bn[r] = now_ms() - t0;
		ln[r] = timed_load(&c, path, false);
		if (r + 1 < runs)
			catalog_free(&c);
		x1[r] = l1[r] / b1[r];
		xn[r] = ln[r] / bn[r];
	}
	fig("pages.postings", (double)c.n);
	fig("pages.errors", (double)c.nerrors);
	fig("pages.baseline.errors", (double)perr);
	size_t nerrors = c.nerrors;
	catalog_free(&c);

	double base = median(b1, (size_t)runs);
	double corpus = (double)f->bytes;
	fig("pages.baseline_ms", base);
	fig("pages.baseline.min_ms", b1[0]);
	struct row *row = row_add("libxml2 + libyaml on the pages (baseline)");
	snprintf(row->value, sizeof(row->value), "%.1f ms", base);
	snprintf(row->ratio, sizeof(row->ratio), "1");
	double load1 = median(l1, (size_t)runs);
	fig_time_x("pages.load1", "billet load_path, 1 worker", load1,
	           median(x1, (size_t)runs));
	char what[80];
	snprintf(what, sizeof(what), "  the baseline on %d thread%s", threads,
	         threads == 1 ? "" : "s");
	fig_time("pages.baseline_par", what, median(bn, (size_t)runs));
	snprintf(what, sizeof(what), "billet load_path, %d worker%s (x that)",
	         threads, threads == 1 ? "" : "s");
	fig("pages.threads", threads);
	fig_time_x("pages.load", what, median(ln, (size_t)runs),
	           median(xn, (size_t)runs));
	fig("pages.baseline.mb_per_s", corpus / 1e6 / (base / 1e3));
	fig("pages.load1.mb_per_s", corpus / 1e6 / (load1 / 1e3));
	if (nerrors || perr)
		fprintf(stderr, "bench: %zu load error%s, %zu page%s the "
		        "baseline could not parse, in %s: the figures do not "
		        "measure the whole corpus\n", nerrors,
		        nerrors == 1 ? "" : "s", perr, perr == 1 ? "" : "s",
		        path);
	free(b1);
	free(bn);
	free(l1);
	free(ln);
	free(x1);
	free(xn);
	pages_free(p);
	return 0;
}
