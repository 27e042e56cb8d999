/* SPDX-License-Identifier: MIT */
/* bench: what bench.c shares with the state's measures (state.c). */
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
