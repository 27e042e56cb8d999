/* SPDX-License-Identifier: MIT */
/* table: "bench --table FILE...": the machine lines of several runs read
 * back, and their headline figures printed as one Markdown table. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text.h"
#include "bench.h"

/* One run's lines: keys and values. */
struct run {
	char **key, **val;
	size_t n;
};

static const char *
run_get(const struct run *r, const char *key)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->key[i], key))
			return r->val[i];
	return NULL;
}

static void
run_read(const char *file, struct run *r)
{
	FILE *f = fopen(file, "r");
	*r = (struct run){0};
	if (!f) {
		fprintf(stderr, "bench: %s: %s\n", file, strerror(errno));
		exit(1);
	}
	char line[1024];
	size_t cap = 0;
	while (fgets(line, sizeof(line), f)) {
		char *k, *v;
		if (strncmp(line, "BENCH\t", 6) == 0)
			k = line + 6;
		else if (strncmp(line, "BENCH-INFO\t", 11) == 0)
			k = line + 11;
		else
			continue;
		v = strchr(k, '\t');
		if (!v)
			continue;
		*v++ = '\0';
		v[strcspn(v, "\n")] = '\0';
		if (r->n == cap) {
			cap = cap ? cap * 2 : 64;
			r->key = realloc(r->key, cap * sizeof(*r->key));
			r->val = realloc(r->val, cap * sizeof(*r->val));
			if (!r->key || !r->val) {
				fputs("bench: out of memory\n", stderr);
				exit(1);
			}
		}
		r->key[r->n] = strdup(k);
		r->val[r->n++] = strdup(v);
	}
	fclose(f);
}

/* Prints the headline figures of several runs as one Markdown table. */
int
table_print(int nfiles, char **files)
{
	static const struct {
		const char *key, *title, *fmt;
	} lines[] = {
		{"corpus.postings", "postings", "%.0f"},
		{"corpus.files", "files", "%.0f"},
		{"corpus.bytes", "corpus MB", "M"},
		{"corpus.errors", "load errors (0, or the run is void)", "%.0f"},
		{"load.failure", "load failure", "%s"},
		{"baseline_ms", "libyaml parse, ms (baseline)", "%.1f"},
		{"load1_ms", "billet load, 1 worker, ms", "%.1f"},
		{"load1_x", "**load, 1 worker / baseline**", "%.2fx"},
		{"baseline.us_per_file", "libyaml parse, µs a file", "%.1f"},
		{"load1.us_per_file", "billet load, 1 worker, µs a file",
		 "%.1f"},
		{"load1.extra_us_per_file", "  the load's own, over libyaml's, "
		 "µs a file", "%.1f"},
		{"load1.cpu_x", "  processor time, 1 worker (all threads) / "
		 "baseline's", "%.2fx"},
		{"load.threads", "workers by default", "%.0f"},
		{"load_ms", "billet load, default workers, ms", "%.1f"},
		{"load_x", "**load, default workers / baseline**", "%.2fx"},
		{"baseline_par_x", "libyaml alone, as many threads / baseline",
		 "%.2fx"},
		{"load.x_of_par", "load, default workers / libyaml alone on as "
		 "many", "%.2fx"},
		{"mem.fresh_ms_per_mb", "fresh memory, ms a MB (written once)",
		 "%.2f"},
		{"mem.again_ms_per_mb", "  same memory freed and written again",
		 "%.2f"},
		{"mem.peak_kb", "peak RSS of a load, MB", "K"},
		{"mem.peak_x", "**peak RSS / corpus**", "%.2fx"},
		{"mem.baseline_peak_x", "peak RSS of baseline / corpus", "%.2fx"},
		{"mem.peak_index_x", "**peak RSS of load + index / corpus**",
		 "%.2fx"},
		{"mem.index_x", "index memory / corpus", "%.3fx"},
		{"index.build_ms", "index build, ms", "%.1f"},
		{"filter.free.median_ms", "filter free text: median key, ms",
		 "%.2f"},
		{"filter.free.worst_ms", "**filter free text: worst key, ms**",
		 "%.2f"},
		{"filter.free.narrow.worst_ms",
		 "  same, narrowing: worst key, ms", "%.2f"},
		{"filter.field.median_ms", "filter field terms: median key, ms",
		 "%.2f"},
		{"filter.field.worst_ms", "filter field terms: worst key, ms",
		 "%.2f"},
		{"filter.field.term_worst_ms",
		 "**filter field terms: worst key once a term is typed, ms**",
		 "%.2f"},
		{"filter.salary.median_ms", "filter salary: median key, ms",
		 "%.2f"},
		{"filter.salary.worst_ms", "filter salary: worst key, ms",
		 "%.2f"},
		{"filter.salary.term_worst_ms",
		 "**filter salary: worst key once a term is typed, ms**", "%.2f"},
		{"filter.free.index.median_ms",
		 "filter free text, index: median key, ms", "%.3f"},
		{"filter.free.index.worst_ms",
		 "**filter free text, index: worst key, ms**", "%.3f"},
		{"filter.free.index.first_worst_ms",
		 "  same, first pass (cold caches), ms", "%.2f"},
		{"filter.field.index.worst_ms",
		 "filter field terms, index: worst key, ms", "%.3f"},
		{"filter.field.index.term_worst_ms",
		 "**filter field terms, index: worst key once a term is typed, "
		 "ms**", "%.3f"},
		{"filter.field.index.first_worst_ms",
		 "  same query, first pass (cold caches): worst key, ms", "%.2f"},
		{"filter.field.index.first_term_worst_ms",
		 "  same, first pass: worst key once a term is typed, ms",
		 "%.2f"},
		{"filter.salary.index.term_worst_ms",
		 "**filter salary, index: worst key once a term is typed, ms**",
		 "%.3f"},
		{"filter.salary.index.first_worst_ms",
		 "  same query, first pass (cold caches): worst key, ms", "%.2f"},
		{"filter.salary.index.first_term_worst_ms",
		 "  same, first pass: worst key once a term is typed, ms",
		 "%.2f"},
		{"sort.worst_ms", "sort, slowest key, ms", "%.2f"},
		{"compare_ms", "compare rows of 4 longest, ms", "%.2f"},
		{"first_paint_ms", "**first paint, ms**", "%.1f"},
		{"pages.files", "pages: files", "%.0f"},
		{"pages.bytes", "pages: corpus MB", "M"},
		{"pages.errors", "pages: load errors (0, or the run is void)",
		 "%.0f"},
		{"pages.baseline_ms", "pages: libxml2 + libyaml, ms (baseline)",
		 "%.1f"},
		{"pages.load1_x", "**pages: load, 1 worker / baseline**", "%.2fx"},
		{"pages.load_x", "pages: load, default workers / baseline on as "
		 "many", "%.2fx"},
		{"state.postings", "state: postings, all seen", "%.0f"},
		{"state.load_x", "**state: load with it / without**", "%.2fx"},
		{"state.seen_all_ms", "  state: matched and seen at the load's "
		 "end, ms", "%.1f"},
		{"state.store_bytes", "  state: its store of seen postings, MB",
		 "M"},
		{"state.first_paint_ms", "**state: first paint with it, ms**",
		 "%.1f"},
		{"state.old_first_paint_ms", "  same with the older state file "
		 "(seen: true each), ms", "%.1f"},
		{"state.old_bytes", "  that older file, MB", "M"},
	};
	struct run *runs = xmalloc((size_t)nfiles * sizeof(*runs));
	for (int i = 0; i < nfiles; i++)
		run_read(files[i], &runs[i]);
	printf("| figure |");
	for (int i = 0; i < nfiles; i++) {
		const char *l = run_get(&runs[i], "label");
		printf(" %s |", l ? l : files[i]);
	}
	printf("\n| --- |");
	for (int i = 0; i < nfiles; i++)
		printf(" ---: |");
	putchar('\n');
	for (size_t k = 0; k < N(lines); k++) {
		printf("| %s |", lines[k].title);
		for (int i = 0; i < nfiles; i++) {
			const char *v = run_get(&runs[i], lines[k].key);
			char *end;
			double d = v ? strtod(v, &end) : 0;
			if (!v || end == v || *end) {
				printf(" %s |", v ? v : "");
			} else if (!strcmp(lines[k].fmt, "M")) {
				printf(" %.1f |", d / 1e6);
			} else if (!strcmp(lines[k].fmt, "K")) {
				printf(" %.1f |", d * 1024 / 1e6);
			} else {
				char cell[64];
				snprintf(cell, sizeof(cell), lines[k].fmt, d);
				printf(" %s |", cell);
			}
		}
		putchar('\n');
	}
	for (int i = 0; i < nfiles; i++) {
		for (size_t k = 0; k < runs[i].n; k++) {
			free(runs[i].key[k]);
			free(runs[i].val[k]);
		}
		free(runs[i].key);
		free(runs[i].val);
	}
	free(runs);
	return 0;
}
