/* SPDX-License-Identifier: MIT */
/* bench --state: what the state costs (issue 16, "State that scales").
 * A state that has seen every posting of the corpus (and marks a few) is
 * made first, as a run of the interface leaves it; then, in rounds, a
 * load without state, and a load followed by what the interface does
 * when its load ends (the state opened, matched to the postings, every
 * posting recorded as seen); the ratio is that load with the state's work
 * over the same load, the median of the rounds' (two loads on a shared
 * machine differ by more than the state costs). Then the
 * interface's first paint with that state, and with the older state file
 * that recorded seen in YAML, one entry a posting. Nothing is asserted. */
#include "config.h"

#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "bench.h"
#include "catalog.h"
#include "state.h"
#include "text.h"

/* Removes one entry of a temporary directory (for nftw). */
static int
rm_one(const char *p, const struct stat *sb, int flag, struct FTW *f)
{
	(void)sb;
	(void)flag;
	(void)f;
	return remove(p);
}

/* Loads the corpus into a fresh c; its time in ms. */
static double
timed_load(struct catalog *c, const char *path)
{
	catalog_init(c);
	double t0 = now_ms();
	load_path(c, path, &limits);
	return now_ms() - t0;
}

/* What the interface does with its state when a load ends: open,
 * match, record every posting seen; its time in ms (*seen_ms the last
 * step's). */
static double
timed_state(struct catalog *c, const char *file, double *seen_ms)
{
	double t0 = now_ms();
	struct state_error err;
	struct state *st = state_open(file, &err);
	state_attach(st, c, true, NULL, &err);
	double t1 = now_ms();
	if (!state_seen_all(st, c, &err))
		fprintf(stderr, "bench: %s\n", err.msg);
	double t2 = now_ms();
	state_close(st);
	*seen_ms = t2 - t1;
	return t2 - t0;
}

/* The size of a file in bytes, or 0. */
static double
size_of(const char *p)
{
	struct stat sb;
	return stat(p, &sb) == 0 ? (double)sb.st_size : 0;
}

/* Writes the older state file: "ID:\n  seen: true\n" for every posting,
 * as billet before the store wrote it after one run. */
static bool
write_old(const struct catalog *c, const char *file)
{
	FILE *f = fopen(file, "w");
	if (!f)
		return false;
	for (size_t i = 0; i < c->n; i++)
		fprintf(f, "'%s':\n  seen: true\n", c->v[i]->id);
	return fclose(f) == 0;
}

/* The median first paint of runs (at most 5) with XDG_STATE_HOME home;
 * before each, when old, the older file copied into it afresh (the run
 * may have begun to carry it over). -1 when there is none. */
static double
paint(const char *billet, const char *path, double timeout, int runs,
      const char *home, const char *old)
{
	double pm[5];
	int np = 0;
	bool reports = knows_first_paint(billet);
	for (int r = 0; r < runs && r < 5; r++) {
		if (old) {
			char cmd[8400];
			snprintf(cmd, sizeof(cmd), "rm -f '%s/billet/'state.* && "
			         "cp '%s' '%s/billet/state.yaml'", home, old, home);
			if (system(cmd) != 0)
				return -1;
		}
		struct paint p = first_paint(billet, path, timeout, reports,
		                             home);
		if (p.ms < 0) {
			info("state.paint_note", "%s", p.note);
			break;
		}
		pm[np++] = p.ms;
	}
	return np ? median(pm, (size_t)np) : -1;
}

int
state_bench(const char *path, int runs, const char *billet, double timeout)
{
	limits = load_default_limits;
	unsigned long long largest = largest_file(path);
	if (largest > limits.max_file)
		limits.max_file = (size_t)largest;
	loader_threads(false);
	const char *tmp = getenv("TMPDIR");
	char dir[4096];
	snprintf(dir, sizeof(dir), "%s/billet-bench-state.XXXXXX",
	         tmp && *tmp ? tmp : "/tmp");
	if (!mkdtemp(dir)) {
		fprintf(stderr, "bench: cannot make a directory: %s\n",
		        strerror(errno));
		return 1;
	}
	char home[4200], file[4300], store[4300], old[4300];
	snprintf(home, sizeof(home), "%s/new", dir);
	snprintf(file, sizeof(file), "%s/billet/state.yaml", home);
	snprintf(store, sizeof(store), "%s/billet/state.seen.db", home);
	snprintf(old, sizeof(old), "%s/old-state.yaml", dir);

	/* the state as a run leaves it: every posting seen, a few marked */
	progress("a state that has seen every posting");
	struct catalog c;
	double warm = timed_load(&c, path);
	(void)warm;
	struct state_error err;
	struct state *st = state_open(file, &err);
	state_attach(st, &c, true, NULL, &err);
	state_begin(st);
	for (size_t i = 0; i < c.n; i += c.n / 10 + 1)
		state_set_mark(st, c.v[i]->id, true, &err);
	if (!state_commit(st, &err) || !state_seen_all(st, &c, &err)) {
		fprintf(stderr, "bench: the state cannot be made: %s\n",
		        err.msg);
		state_close(st);
		nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
		return 1;
	}
	state_close(st);
	fig("state.postings", (double)c.n);
	fig("state.store_bytes", size_of(store));
	fig("state.yaml_bytes", size_of(file));
	bool have_old = write_old(&c, old);
	if (have_old)
		fig("state.old_bytes", size_of(old));
	/* the older file read, as billet did before the first paint */
	if (have_old) {
		char o2[4400];
		snprintf(o2, sizeof(o2), "%s/open/state.yaml", dir);
		char cmd[14000];
		snprintf(cmd, sizeof(cmd), "mkdir -p '%s/open' && cp '%s' '%s'",
		         dir, old, o2);
		if (system(cmd) == 0) {
			double t0 = now_ms();
			struct state *o = state_open(o2, &err);
			fig_time("state.old_open", "state_open of the older file",
			         now_ms() - t0);
			state_close(o);
		}
	}
	catalog_free(&c);

	/* rounds: the load without state, then with it */
	progress("loads without and with the state, %d runs", runs);
	double *plain = xmalloc((size_t)runs * sizeof(*plain));
	double *with = xmalloc((size_t)runs * sizeof(*with));
	double *seen = xmalloc((size_t)runs * sizeof(*seen));
	double *work = xmalloc((size_t)runs * sizeof(*work));
	double *x = xmalloc((size_t)runs * sizeof(*x));
	for (int r = 0; r < runs; r++) {
		plain[r] = timed_load(&c, path);
		catalog_free(&c);
		double lt = timed_load(&c, path);
		work[r] = timed_state(&c, file, &seen[r]);
		with[r] = lt + work[r];
		catalog_free(&c);
		/* over that same load: what the state adds, not how two
		 * loads differ on a busy machine */
		x[r] = with[r] / lt;
	}
	fig_time("state.load_plain", "load without state", median(plain,
	         (size_t)runs));
	fig_time("state.load", "load, then the state matched and seen",
	         median(with, (size_t)runs));
	fig_time("state.work", "  of which the state (open, match, seen)",
	         median(work, (size_t)runs));
	fig_time("state.seen_all", "  of which every posting recorded seen",
	         median(seen, (size_t)runs));
	double lx = median(x, (size_t)runs);
	fig("state.load_x", lx);
	struct row *row = row_add("load with the state / without");
	snprintf(row->value, sizeof(row->value), "%.2fx", lx);
	free(plain);
	free(with);
	free(seen);
	free(work);
	free(x);

	/* the first paint: no state, this state, the older file */
	if (billet) {
		progress("first paint without state, with it, with the older "
		         "file");
		double p0 = paint(billet, path, timeout, runs, NULL, NULL);
		double p1 = paint(billet, path, timeout, runs, home, NULL);
		char ohome[4200];
		snprintf(ohome, sizeof(ohome), "%s/oldhome", dir);
		char cmd[4400];
		snprintf(cmd, sizeof(cmd), "mkdir -p '%s/billet'", ohome);
		double p2 = have_old && system(cmd) == 0
		            ? paint(billet, path, timeout, runs, ohome, old)
		            : -1;
		if (p0 >= 0)
			fig_time("first_paint", "first paint without state", p0);
		else
			fig_na("first_paint_ms");
		if (p1 >= 0)
			fig_time("state.first_paint", "first paint with the state",
			         p1);
		else
			fig_na("state.first_paint_ms");
		if (p2 >= 0)
			fig_time("state.old_first_paint", "first paint with the "
			         "older file", p2);
		else
			fig_na("state.old_first_paint_ms");
	} else {
		fig_na("state.first_paint_ms");
	}
	nftw(dir, rm_one, 16, FTW_DEPTH | FTW_PHYS);
	return 0;
}
