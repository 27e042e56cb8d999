/* SPDX-License-Identifier: MIT */
/* bench: what bench.c shares with the state's measures (state.c) and
 * the job pages' (pages.c). */
#ifndef BILLET_BENCH_H
#define BILLET_BENCH_H

#include <stdbool.h>
#include <stddef.h>

#include "load.h"

/* Milliseconds on a monotonic clock. */
double now_ms(void);
/* The median of v[0..n) (sorts v). */
double median(double *v, size_t n);
/* Prints a machine line "BENCH\tkey\tv". */
void fig(const char *key, double v);
/* Prints "BENCH\tkey\tn/a". */
void fig_na(const char *key);
/* Prints "BENCH-INFO\tkey\ttext". */
void info(const char *key, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A time: key_ms and a row of the table for people. */
void fig_time(const char *key, const char *what, double ms);
/* A load's time: key_ms, key_x (x, the median of the rounds' ratios to
 * the baseline) and a row. */
void fig_time_x(const char *key, const char *what, double ms, double x);
/* A row of the table for people: what, then value and ratio to fill. */
struct row {
	char what[80];
	char value[32];
	char ratio[32];
};
struct row *row_add(const char *what);
/* Says on stderr what is being measured (unless -q). */
void progress(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The limits of the loads (max_file raised to the corpus's largest). */
extern struct load_limits limits;
/* Makes the next loads use one worker, or the default. */
void loader_threads(bool one);
/* Notes the user's BILLET_THREADS. */
void threads_init(void);
/* The files the loader reads, in its order. */
struct files {
	char **v;                   /* their paths (malloc'd) */
	size_t n, cap;              /* how many, and room for them */
	unsigned long long bytes;   /* their bytes on disk */
	unsigned long long largest; /* bytes of the largest file */
};
/* Lists the files of path as load_path would read them (exits when path
 * is not there). */
void files_find(const char *path, struct files *out);
/* Frees the list. */
void files_free(struct files *f);
/* Maps a file read-only as the baselines read it (a private mapping),
 * or NULL with *len 0 for an empty one; false if it cannot be. */
bool map_file(const char *path, void **map, size_t *len);
/* Parses len bytes into libyaml events and deletes them; returns the
 * events, and sets *failed when libyaml stopped at an error. */
unsigned long long parse_bytes(const void *buf, size_t len, bool *failed);
/* True for a file name load_path reads as a job page. */
bool pages_is_page(const char *name);
/* The job pages among the files of f. */
size_t pages_count(const struct files *f);
/* bench on a corpus of job pages at path (f its files): the load on one
 * worker and on threads against the pages' baseline on as many. */
int pages_bench(const char *path, const struct files *f, int runs,
                int threads);
/* The largest posting file under path, in bytes. */
unsigned long long largest_file(const char *path);
/* What first_paint found. */
struct paint {
	double ms;        /* exec to the painted screen reported by billet */
	double output_ms; /* exec to the first byte on the terminal, or -1 */
	long loaded;      /* postings billet says it had loaded, or -1 */
	char note[160];   /* why there is no figure, or empty */
};
/* Runs billet on path in a new pseudo-terminal of 120x40 until its first
 * paint (state_home: XDG_STATE_HOME, else a fresh empty directory). */
struct paint first_paint(const char *billet, const char *path,
                         double timeout, bool reports,
                         const char *state_home);
/* True if the binary reports its first paint. */
bool knows_first_paint(const char *billet);
/* bench --state: the state's costs on the corpus at path. */
int state_bench(const char *path, int runs, const char *billet,
                double timeout);

#endif
