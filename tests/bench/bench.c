/* SPDX-License-Identifier: MIT */
/* bench: measures billet on one corpus against libyaml's own cost of
 * parsing the same files, in one run: the baseline parse, the full load,
 * peak memory, filter latency per keystroke, sort time per key, building
 * compare rows, and the interface's first paint. Every time is a median
 * of several runs read with clock_gettime(CLOCK_MONOTONIC) and is printed
 * with its ratio to the baseline of the same run; nothing is asserted.
 * This file is the command line and the run on a corpus, in order; the
 * measures it takes are in baseline.c (the corpus, libyaml's parse),
 * memory.c (peak memory), filter.c (typing a query), paint.c (the first
 * paint), state.c (--state) and pages.c (job pages).
 *
 * Output (figures.c): machine-readable lines "BENCH\t<key>\t<number or
 * n/a>" and "BENCH-INFO\t<key>\t<text>" as the figures come, then a
 * table for people. "bench --table FILE..." reads the lines of several
 * runs back and prints one Markdown table of the headline figures
 * (table.c). */
#include "config.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <unistd.h>

#include "catalog.h"
#include "compare.h"
#include "index.h"
#include "load.h"
#include "posting.h"
#include "query.h"
#include "bench.h"

/* The loader's limits: the defaults, with max_file raised to the largest
 * file of the corpus (100,000 postings in one file are over 256 MiB), as
 * --max-file would. */
struct load_limits limits;

/* The processor time of the process, all its threads, in ms. */
static double
cpu_ms(void)
{
	struct rusage ru;
	getrusage(RUSAGE_SELF, &ru);
	return (double)(ru.ru_utime.tv_sec + ru.ru_stime.tv_sec) * 1e3 +
	       (double)(ru.ru_utime.tv_usec + ru.ru_stime.tv_usec) / 1e3;
}

/* Threads of the loader --------------------------------------------------- */

static char *threads_env;  /* BILLET_THREADS as the user set it, or NULL */
static int default_threads; /* the loader's workers when not forced to 1 */

/* Notes the user's BILLET_THREADS and how many workers it means, as
 * src/load/loader.c counts them (BILLET_THREADS, else the processors, at
 * most 8). */
void
threads_init(void)
{
	const char *env = getenv("BILLET_THREADS");
	threads_env = env ? strdup(env) : NULL;
	if (env && atoi(env) > 0) {
		default_threads = atoi(env) > 64 ? 64 : atoi(env);
	} else {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		default_threads = n < 1 ? 1 : n > 8 ? 8 : (int)n;
	}
}

/* Makes the next loads use one worker, or the default. */
void
loader_threads(bool one)
{
	if (one)
		setenv("BILLET_THREADS", "1", 1);
	else if (threads_env)
		setenv("BILLET_THREADS", threads_env, 1);
	else
		unsetenv("BILLET_THREADS");
}

/* Filtering ------------------------------------------------------------- */

/* A query as typed (filter.c), one character at a time, then backspaced
 * out. */
struct typed {
	const char *name;  /* key part: free, field, salary */
	const char *what;  /* for the table */
	const char *text;
};

static const struct typed queries[] = {
	{"free", "free text", "community organizing spanish"},
	{"field", "field terms", "title:director loc:york"},
	{"salary", "salary comparison", "salary>=60000"},
};

/* Compare --------------------------------------------------------------- */

static bool
add_len(void *ctx, const char *field, const char *s)
{
	(void)field;
	*(size_t *)ctx += strlen(s);
	return false;
}

/* Size of a posting's searchable text, to find the longest. */
static size_t
posting_len(const struct posting *p)
{
	size_t n = 0;
	posting_each_text(p, add_len, &n);
	return n;
}

/* Main ------------------------------------------------------------------ */

/* When a load in a child process failed (billet dies on some errors, out
 * of memory for one): the baseline alone, the failure said, status 1, so
 * that make bench goes on with the other corpora. */
static int
load_failed(const char *path, int runs)
{
	char why[200];
	snprintf(why, sizeof(why), "load_path in a child process %s",
	         child_failure);
	fprintf(stderr, "bench: %s: %s\n", path, why);
	double *bms = xmalloc((size_t)runs * sizeof(*bms));
	size_t perr;
	baseline_parse(path, &perr);
	for (int r = 0; r < runs; r++) {
		double t0 = now_ms();
		baseline_parse(path, &perr);
		bms[r] = now_ms() - t0;
	}
	baseline_ms = median(bms, (size_t)runs);
	free(bms);
	fig("baseline.errors", (double)perr);
	fig("baseline_ms", baseline_ms);
	fig_na("load_ms");
	fig_na("load_x");
	info("load.failure", "%s", why);
	if (!quiet)
		printf("\n%s: libyaml event parse (baseline) %.1f ms; "
		       "billet: %s\n", path, baseline_ms, why);
	return 1;
}
/* --only: runs one kind of work runs times on path and prints each time,
 * for a profiler (perf record, valgrind --tool=callgrind) to look at. */
static int
only(const char *what, const char *path, int runs)
{
	threads_init();
	struct files f;
	files_find(path, &f);
	limits = load_default_limits;
	if (f.largest > limits.max_file)
		limits.max_file = (size_t)f.largest;
	files_free(&f);
	for (int r = 0; r < (runs ? runs : 1); r++) {
		double t0 = now_ms();
		if (!strcmp(what, "baseline")) {
			size_t errors;
			baseline_parse(path, &errors);
		} else if (!strcmp(what, "baseline_par")) {
			size_t errors;
			baseline_parallel(path, default_threads, &errors);
		} else if (!strcmp(what, "load") || !strcmp(what, "load1")) {
			loader_threads(!strcmp(what, "load1"));
			struct catalog c;
			catalog_init(&c);
			load_path(&c, path, &limits);
			catalog_free(&c);
		} else if (!strcmp(what, "memory")) {
			double fresh, again;
			memory_cost(256, &fresh, &again);
			printf("BENCH\tonly.fresh_ms_per_mb\t%.6g\n"
			       "BENCH\tonly.again_ms_per_mb\t%.6g\n",
			       fresh, again);
		} else if (!strcmp(what, "index")) {
			/* the load is not timed: only index_build of it */
			struct catalog c;
			catalog_init(&c);
			load_path(&c, path, &limits);
			t0 = now_ms();
			index_free(index_build(c.v, c.n));
			double t = now_ms() - t0;
			catalog_free(&c);
			t0 = now_ms() - t;
		} else {
			fprintf(stderr, "bench: --only baseline, baseline_par, "
			        "load, load1, index or memory, not '%s'\n", what);
			return 2;
		}
		printf("BENCH\tonly.%s_ms\t%.6g\n", what, now_ms() - t0);
	}
	return 0;
}

static int
usage(FILE *f, int status)
{
	fputs("Usage: bench [-r RUNS] [-l LABEL] [-b BILLET | -B] [-t SECONDS] "
	      "[-q] [--loads] PATH\n"
	      "       bench --table FILE...\n"
	      "       bench --only baseline|baseline_par|load|load1|index|memory "
	      "[-r RUNS] PATH\n"
	      "       bench --state [-r RUNS] [-l LABEL] [-b BILLET | -B] PATH\n"
	      "Measures billet on the corpus at PATH (a file or a directory)\n"
	      "against libyaml's parse of the same files. -r: runs per median\n"
	      "(default 7, 5 for a corpus over 100 MB); -l: a label for the\n"
	      "run; -b: the billet binary for the first paint (default the\n"
	      "build's); -B: no first paint; -t: first-paint timeout (30 s);\n"
	      "-q: machine lines only; --loads: the baseline and the loads\n"
	      "alone (no memory, filter, sort or first paint). --table: one\n"
	      "Markdown table of the headline figures of runs saved in\n"
	      "FILEs. --only: just the baseline parse, or a load (load1:\n"
	      "one worker), RUNS times, for a profiler; memory: what 256 MB\n"
	      "of fresh memory costs, a MB.\n"
	      "--state: the state's cost: a load with a state that has seen\n"
	      "every posting over one without, and the first paint with it\n"
	      "(and with the older state file that recorded seen in YAML).\n"
	      "A corpus of job pages (gen --pages) is measured against\n"
	      "libxml2's parse of the pages and libyaml's of their JSON-LD\n"
	      "blocks, for the load's cost only.\n",
	      f);
	return status;
}

int
main(int argc, char **argv)
{
	int runs = 0;
	const char *label = NULL, *path = NULL;
#ifdef BILLET_BUILDDIR
	const char *billet = BILLET_BUILDDIR "/src/billet";
#else
	const char *billet = "src/billet";
#endif
	double timeout = 30;
	if (argc > 1 && !strcmp(argv[1], "--table"))
		return argc > 2 ? table_print(argc - 2, argv + 2)
		                : usage(stderr, 2);
	const char *only_what = NULL;
	bool state_only = false;
	bool loads_only = false; /* --loads: the rounds of loads alone */
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help"))
			return usage(stdout, 0);
		else if (!strcmp(a, "-q"))
			quiet = true;
		else if (!strcmp(a, "-B"))
			billet = NULL;
		else if (i + 1 < argc && !strcmp(a, "-r"))
			runs = atoi(argv[++i]);
		else if (i + 1 < argc && !strcmp(a, "-l"))
			label = argv[++i];
		else if (i + 1 < argc && !strcmp(a, "-b"))
			billet = argv[++i];
		else if (i + 1 < argc && !strcmp(a, "-t"))
			timeout = atof(argv[++i]);
		else if (i + 1 < argc && !strcmp(a, "--only"))
			only_what = argv[++i];
		else if (!strcmp(a, "--state"))
			state_only = true;
		else if (!strcmp(a, "--loads"))
			loads_only = true;
		else if (a[0] != '-' && !path)
			path = a;
		else
			return usage(stderr, 2);
	}
	if (!path || runs < 0 || runs > 1000)
		return usage(stderr, 2);
	if (only_what)
		return only(only_what, path, runs);
	if (state_only) {
		threads_init();
		info("label", "%s", label ? label : path);
		return state_bench(path, runs ? runs : 5, billet, timeout);
	}

	/* The corpus. */
	threads_init();
	struct files f;
	files_find(path, &f);
	if (!runs)
		runs = f.bytes > 100000000ull ? 5 : 7;
	info("label", "%s", label ? label : path);
	info("path", "%s", path);
	size_t nfiles = f.n;
	double corpus = (double)f.bytes;
	limits = load_default_limits;
	if (f.largest > limits.max_file)
		limits.max_file = (size_t)f.largest;
	fig("load.max_file", (double)limits.max_file);
	size_t npages = pages_count(&f);
	if (npages && npages != f.n) {
		fprintf(stderr, "bench: %s holds job pages and other files: "
		        "measure them apart\n", path);
		files_free(&f);
		return 1;
	}
	if (npages) {
		int rc = pages_bench(path, &f, runs, default_threads);
		files_free(&f);
		free(threads_env);
		if (!quiet)
			rows_print(label ? label : path, "job pages", nfiles, corpus,
			           runs);
		return rc;
	}
	fig("corpus.files", (double)nfiles);
	fig("corpus.bytes", corpus);
	fig("runs", runs);
	files_free(&f);

	/* (3) Memory first, while this process is small. */
	long idle_kb = -1, base_kb = -1, load_kb = -1, index_kb = -1;
	if (!loads_only) {
		progress("peak memory (child processes)");
		idle_kb = child_peak_kb(path, CHILD_NOTHING);
		base_kb = child_peak_kb(path, CHILD_BASELINE);
		load_kb = child_peak_kb(path, CHILD_LOAD);
		if (load_kb < 0)
			return load_failed(path, runs);
		index_kb = child_peak_kb(path, CHILD_INDEX);
	}

	/* (1) and (2): the baseline and the load, in turns, after a
	 * warm-up of each so that the files come from the page cache. */
	progress("baseline and load, %d runs each", runs);
	double *bms = xmalloc((size_t)runs * sizeof(*bms));
	double *l1ms = xmalloc((size_t)runs * sizeof(*l1ms));
	double *lms = xmalloc((size_t)runs * sizeof(*lms));
	double *fms = xmalloc((size_t)runs * sizeof(*fms));
	double *bpms = xmalloc((size_t)runs * sizeof(*bpms));
	double *fresh = xmalloc((size_t)runs * sizeof(*fresh));
	double *again = xmalloc((size_t)runs * sizeof(*again));
	double *bcpu = xmalloc((size_t)runs * sizeof(*bcpu));
	double *l1cpu = xmalloc((size_t)runs * sizeof(*l1cpu));
	size_t perr;
	unsigned long long events = baseline_parse(path, &perr);
	struct catalog c;
	catalog_init(&c);
	for (int warm = 0; warm < 2; warm++) {
		loader_threads(warm == 0);
		load_path(&c, path, &limits);
		catalog_free(&c);
	}
	for (int r = 0; r < runs; r++) {
		double c0 = cpu_ms();
		double t0 = now_ms();
		baseline_parse(path, &perr);
		bms[r] = now_ms() - t0;
		bcpu[r] = cpu_ms() - c0;
		/* the baseline on the default workers' threads */
		t0 = now_ms();
		baseline_parallel(path, default_threads, &perr);
		bpms[r] = now_ms() - t0;
		/* what fresh memory costs just now (64 MB of it: the
		 * load after it finds that much already touched) */
		memory_cost(64, &fresh[r], &again[r]);
		/* one worker thread */
		loader_threads(true);
		catalog_init(&c);
		c0 = cpu_ms();
		t0 = now_ms();
		load_path(&c, path, &limits);
		l1ms[r] = now_ms() - t0;
		l1cpu[r] = cpu_ms() - c0;
		catalog_free(&c);
		/* as many as billet takes by default; the last one is kept */
		loader_threads(false);
		catalog_init(&c);
		t0 = now_ms();
		load_path(&c, path, &limits);
		lms[r] = now_ms() - t0;
		if (r + 1 < runs) {
			t0 = now_ms();
			catalog_free(&c);
			fms[r] = now_ms() - t0;
		}
	}
	/* the ratios: the median of each round's, the loads over the
	 * baseline run just before them, so that the machine's slower and
	 * faster spells (a shared VM's) weigh on both sides alike */
	double *x1 = xmalloc((size_t)runs * sizeof(*x1));
	double *x = xmalloc((size_t)runs * sizeof(*x));
	double *xp = xmalloc((size_t)runs * sizeof(*xp));
	double *xlp = xmalloc((size_t)runs * sizeof(*xlp));
	double *xf = xmalloc((size_t)runs * sizeof(*xf));
	double *xc = xmalloc((size_t)runs * sizeof(*xc));
	for (int r = 0; r < runs; r++) {
		x1[r] = l1ms[r] / bms[r];
		x[r] = lms[r] / bms[r];
		xp[r] = bpms[r] / bms[r];
		xlp[r] = lms[r] / bpms[r];
		/* what a file costs the load beyond libyaml's parse of it,
		 * in the same round */
		xf[r] = (l1ms[r] - bms[r]) * 1e3 / (double)(nfiles ? nfiles : 1);
		/* processor time, every thread of the load counted: what
		 * a busy machine's waits for a processor leave out */
		xc[r] = bcpu[r] > 0 ? l1cpu[r] / bcpu[r] : 0;
	}
	double load1_x = median(x1, (size_t)runs);
	double load_x = median(x, (size_t)runs);
	double par_x = median(xp, (size_t)runs);
	double load_par_x = median(xlp, (size_t)runs);
	double extra_us = median(xf, (size_t)runs);
	double cpu_x = median(xc, (size_t)runs);
	double bcpu_ms = median(bcpu, (size_t)runs);
	double l1cpu_ms = median(l1cpu, (size_t)runs);
	free(xf);
	free(xc);
	free(bcpu);
	free(l1cpu);
	double par_ms = median(bpms, (size_t)runs);
	free(x1);
	free(x);
	free(xp);
	free(xlp);
	free(bpms);
	baseline_ms = median(bms, (size_t)runs);
	double load1_ms = median(l1ms, (size_t)runs);
	double load_ms = median(lms, (size_t)runs);
	fig("corpus.postings", (double)c.n);
	fig("corpus.problems", (double)c.nproblems);
	fig("corpus.errors", (double)c.nerrors);
	size_t nerrors = c.nerrors;
	if (nerrors) {
		for (size_t i = 0; i < c.nproblems; i++) {
			if (c.problems[i].error) {
				info("corpus.first_error", "%s:%u:%u: %s",
				     c.problems[i].file, c.problems[i].line,
				     c.problems[i].col, c.problems[i].msg);
				break;
			}
		}
		fprintf(stderr, "bench: billet reported %zu error%s loading "
		        "%s: the figures do not measure the whole corpus\n",
		        nerrors, nerrors == 1 ? "" : "s", path);
	}
	fig("baseline.events", (double)events);
	fig("baseline.errors", (double)perr);
	fig("baseline_ms", baseline_ms);
	fig("baseline.min_ms", bms[0]);
	{
		struct row *r = row_add("libyaml event parse (baseline)");
		snprintf(r->value, sizeof(r->value), "%.1f ms", baseline_ms);
		snprintf(r->ratio, sizeof(r->ratio), "1");
	}
	fig_time_x("load1", "billet load_path, BILLET_THREADS=1", load1_ms,
	           load1_x);
	fig("load1.min_ms", l1ms[0]);
	/* the cost a file: what many small files weigh */
	double per = 1e3 / (double)(nfiles ? nfiles : 1);
	fig("baseline.us_per_file", baseline_ms * per);
	fig("load1.us_per_file", load1_ms * per);
	fig("load1.extra_us_per_file", extra_us);
	fig("baseline.cpu_us_per_file", bcpu_ms * per);
	fig("load1.cpu_us_per_file", l1cpu_ms * per);
	fig("load1.cpu_x", cpu_x);
	{
		struct row *r = row_add("  a file: libyaml, the load (1 worker), "
		                        "its own");
		snprintf(r->value, sizeof(r->value), "%.1f/%.1f/%.1f µs",
		         baseline_ms * per, load1_ms * per, extra_us);
		r = row_add("  processor time of the load, all its threads");
		snprintf(r->value, sizeof(r->value), "%.1f µs a file",
		         l1cpu_ms * per);
		snprintf(r->ratio, sizeof(r->ratio), "%.4f", cpu_x);
	}
	char what[80];
	snprintf(what, sizeof(what), "billet load_path, %d worker%s",
	         default_threads, default_threads == 1 ? "" : "s");
	fig("load.threads", default_threads);
	fig_time_x("load", what, load_ms, load_x);
	fig("load.min_ms", lms[0]);
	/* what libyaml alone does on as many threads: the limit of a load
	 * with that many workers on this machine, whose cores may share
	 * more than they seem to */
	snprintf(what, sizeof(what), "libyaml alone on %d thread%s",
	         default_threads, default_threads == 1 ? "" : "s");
	fig_time_x("baseline_par", what, par_ms, par_x);
	fig("load.x_of_par", load_par_x);
	if (runs > 1)
		fig_time("load.free", "  catalog_free after it",
		         median(fms, (size_t)runs - 1));
	{
		double f = median(fresh, (size_t)runs);
		double g = median(again, (size_t)runs);
		fig("mem.fresh_ms_per_mb", f);
		fig("mem.again_ms_per_mb", g);
		struct row *r = row_add("  fresh memory written (64 MB), a MB");
		snprintf(r->value, sizeof(r->value), "%.3f ms", f);
		r = row_add("  the same freed and written again, a MB");
		snprintf(r->value, sizeof(r->value), "%.3f ms", g);
	}
	free(fresh);
	free(again);
	fig("load.arena_bytes", (double)c.arena.total);
	fig("load.held_bytes", (double)c.arena.held);
	fig("baseline.mb_per_s", corpus / 1e6 / (baseline_ms / 1e3));
	fig("load1.mb_per_s", corpus / 1e6 / (load1_ms / 1e3));
	fig("load.mb_per_s", corpus / 1e6 / (load_ms / 1e3));
	if (loads_only) {
		size_t n = c.n;
		catalog_free(&c);
		free(bms);
		free(l1ms);
		free(lms);
		free(fms);
		free(threads_env);
		if (!quiet) {
			char w[64];
			snprintf(w, sizeof(w), "%zu postings", n);
			rows_print(label ? label : path, w, nfiles, corpus, runs);
		}
		return 0;
	}

	/* Memory figures. */
	if (load_kb > 0 && corpus > 0) {
		fig("mem.peak_kb", (double)load_kb);
		fig("mem.peak_x", (double)load_kb * 1024 / corpus);
		row_mb("peak RSS of a load", (double)load_kb * 1024, corpus,
		       2);
	} else {
		fig_na("mem.peak_kb");
		fig_na("mem.peak_x");
	}
	if (index_kb > 0 && corpus > 0) {
		fig("mem.peak_index_kb", (double)index_kb);
		fig("mem.peak_index_x", (double)index_kb * 1024 / corpus);
		row_mb("peak RSS of a load and its index",
		       (double)index_kb * 1024, corpus, 2);
	}
	if (idle_kb > 0) {
		fig("mem.process_kb", (double)idle_kb);
		if (load_kb > 0 && corpus > 0)
			fig("mem.net_x", (double)(load_kb - idle_kb) * 1024 /
			                 corpus);
	}
	if (base_kb > 0 && corpus > 0) {
		fig("mem.baseline_peak_kb", (double)base_kb);
		fig("mem.baseline_peak_x", (double)base_kb * 1024 / corpus);
		row_mb("  peak RSS of the baseline parse",
		       (double)base_kb * 1024, corpus, 2);
	}
	row_mb("  corpus on disk", corpus, 0, 2);
	row_mb("  catalog arena", (double)c.arena.total, corpus, 2);
	row_mb("  file bytes holding text (big files)", (double)c.arena.held,
	       corpus, 2);

	/* (4) Filter latency per keystroke: query_match on every posting,
	 * on the previous matches when the query narrows, and query_select
	 * with the index (built here, timed; its caches emptied before each
	 * query, so the first pass is cold). */
	progress("index");
	double it0 = now_ms();
	struct query_index *ix = index_build(c.v, c.n);
	fig_time("index.build", "index_build", now_ms() - it0);
	fig("mem.index_bytes", (double)index_memory(ix));
	if (corpus > 0) {
		fig("mem.index_x", (double)index_memory(ix) / corpus);
		row_mb("  index memory", (double)index_memory(ix), corpus, 3);
	}
	static const char *const mode_key[] = { "", ".narrow", ".index" };
	static const char *const mode_what[] = { "", " (narrowing)",
	                                         " (index)" };
	for (size_t k = 0; k < N(queries); k++) {
		for (int mode = FM_MATCH; mode <= FM_INDEX; mode++) {
			progress("filter: typing \"%s\"%s", queries[k].text,
			         mode_what[mode]);
			index_extend(ix, c.v, c.n); /* empties its caches */
			struct keystats st = type_query(&c, queries[k].text,
			                                (enum filter_mode)mode, ix,
			                                runs, 10000);
			char key[96], what[96];
			const char *nk = mode_key[mode];
			snprintf(key, sizeof(key), "filter.%s%s.median",
			         queries[k].name, nk);
			snprintf(what, sizeof(what), "filter %s%s: median key",
			         queries[k].what, mode_what[mode]);
			fig_time(key, what, st.median);
			snprintf(key, sizeof(key), "filter.%s%s.worst",
			         queries[k].name, nk);
			snprintf(what, sizeof(what), "  worst key (at \"%.*s\"%s)",
			         (int)st.worst_len, queries[k].text,
			         st.worst_back ? ", erasing" : "");
			fig_time(key, what, st.worst);
			snprintf(key, sizeof(key), "filter.%s%s.keystrokes",
			         queries[k].name, nk);
			fig(key, (double)st.keys);
			snprintf(key, sizeof(key), "filter.%s%s.skipped",
			         queries[k].name, nk);
			fig(key, (double)st.skipped);
			snprintf(key, sizeof(key), "filter.%s%s.matches",
			         queries[k].name, nk);
			fig(key, (double)st.matches);
			snprintf(key, sizeof(key), "filter.%s%s.passes",
			         queries[k].name, nk);
			fig(key, st.passes);
			if (st.term_keys) {
				snprintf(key, sizeof(key),
				         "filter.%s%s.term_median", queries[k].name,
				         nk);
				snprintf(what, sizeof(what),
				         "  median key once a term is typed");
				fig_time(key, what, st.term_median);
				snprintf(key, sizeof(key), "filter.%s%s.term_worst",
				         queries[k].name, nk);
				snprintf(what, sizeof(what),
				         "  worst key once a term is typed");
				fig_time(key, what, st.term_worst);
				snprintf(key, sizeof(key), "filter.%s%s.term_keys",
				         queries[k].name, nk);
				fig(key, (double)st.term_keys);
			}
			snprintf(key, sizeof(key), "filter.%s%s.worst_key",
			         queries[k].name, nk);
			info(key, "\"%.*s\" %s", (int)st.worst_len,
			     queries[k].text, st.worst_back ? "(backspacing)"
			                                    : "(typing)");
			if (mode == FM_INDEX) {
				snprintf(key, sizeof(key), "filter.%s%s.first_worst",
				         queries[k].name, nk);
				fig_time(key, "  worst key of the first pass (cold)",
				         st.first_worst);
				if (st.term_keys) {
					snprintf(key, sizeof(key),
					         "filter.%s%s.first_term_worst",
					         queries[k].name, nk);
					fig_time(key, "  the same once a term is "
					         "typed", st.first_term_worst);
				}
			}
		}
	}
	index_free(ix);

	/* (5) Sort time per key, from load order each time. */
	progress("sort");
	struct posting **v = xmalloc((c.n ? c.n : 1) * sizeof(*v));
	double worst_sort = 0;
	for (int k = 0; k < SORT_NKEYS; k++) {
		struct sort_spec spec = {.key = {(enum sort_key)k}, .n = 1};
		for (int r = 0; r < runs; r++) {
			memcpy(v, c.v, c.n * sizeof(*v));
			double t0 = now_ms();
			sort_postings(v, c.n, &spec, NULL);
			bms[r] = now_ms() - t0;
		}
		double ms = median(bms, (size_t)runs);
		if (ms > worst_sort)
			worst_sort = ms;
		char key[64], what[64];
		snprintf(key, sizeof(key), "sort.%s", sort_key_name(k));
		snprintf(what, sizeof(what), "sort by %s", sort_key_name(k));
		fig_time(key, what, ms);
	}
	fig("sort.worst_ms", worst_sort);
	free(v);

	/* (6) Compare rows of the four longest postings. */
	progress("compare");
	if (c.n >= 4) {
		const struct posting *top[4] = {0};
		size_t toplen[4] = {0};
		for (size_t i = 0; i < c.n; i++) {
			size_t len = posting_len(c.v[i]);
			for (int k = 0; k < 4; k++) {
				if (!top[k] || len > toplen[k]) {
					for (int m = 3; m > k; m--) {
						top[m] = top[m - 1];
						toplen[m] = toplen[m - 1];
					}
					top[k] = c.v[i];
					toplen[k] = len;
					break;
				}
			}
		}
		size_t nrows_cmp = 0;
		for (int r = 0; r < runs; r++) {
			struct cmp_table t;
			double t0 = now_ms();
			int rc = compare_build(top, 4, &t);
			bms[r] = now_ms() - t0;
			nrows_cmp = rc == 0 ? t.nrows : 0;
			if (rc == 0)
				compare_free(&t);
		}
		fig_time("compare", "compare rows of the 4 longest",
		         median(bms, (size_t)runs));
		fig("compare.rows", (double)nrows_cmp);
		fig("compare.text_bytes",
		    (double)(toplen[0] + toplen[1] + toplen[2] + toplen[3]));
	} else {
		fig_na("compare_ms");
	}

	/* (7) First paint. */
	const char *paint_note = NULL;
	char note[200];
	if (billet) {
		progress("first paint (%s)", billet);
		double pm[5];
		int np = 0;
		struct paint p = {0};
		bool reports = knows_first_paint(billet);
		for (int r = 0; r < runs && r < 5; r++) {
			p = first_paint(billet, path, timeout, reports, NULL);
			if (p.ms < 0)
				break;
			pm[np++] = p.ms;
			if (p.ms > 5000)
				break;
		}
		if (np) {
			fig_time("first_paint", "first paint", median(pm, (size_t)np));
			fig("first_paint.runs", np);
			if (p.loaded >= 0)
				fig("first_paint.loaded", (double)p.loaded);
		} else {
			snprintf(note, sizeof(note), "%s", p.note);
			paint_note = note;
		}
		if (p.output_ms >= 0) {
			fig("first_paint.output_ms", p.output_ms);
			struct row *r = row_add("  first byte on the terminal");
			snprintf(r->value, sizeof(r->value), "%.1f ms", p.output_ms);
		}
	} else {
		paint_note = "not measured (-B)";
	}
	if (paint_note) {
		fig_na("first_paint_ms");
		info("first_paint.note", "%s", paint_note);
		struct row *r = row_add("first paint");
		snprintf(r->value, sizeof(r->value), "n/a");
	}
	size_t npostings = c.n;
	catalog_free(&c);
	free(bms);
	free(l1ms);
	free(lms);
	free(fms);
	free(threads_env);

	if (!quiet) {
		char what[64];
		snprintf(what, sizeof(what), "%zu postings", npostings);
		rows_print(label ? label : path, what, nfiles, corpus, runs);
		if (paint_note)
			printf("first paint: n/a (%s)\n", paint_note);
		if (nerrors)
			printf("WARNING: billet reported %zu load error%s: these "
			       "figures do not measure the whole corpus\n",
			       nerrors, nerrors == 1 ? "" : "s");
	}
	return 0;
}

