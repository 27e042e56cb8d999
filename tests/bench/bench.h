/* SPDX-License-Identifier: MIT */
/* bench: what the benchmark's files share: bench.c (the command line,
 * the run on a corpus), figures.c (saying the figures), baseline.c (the
 * corpus's files, libyaml's parse), memory.c (peak memory), filter.c
 * (typing a query), paint.c (the first paint), table.c (--table),
 * state.c (--state) and pages.c (job pages). */
#ifndef BILLET_BENCH_H
#define BILLET_BENCH_H

#include <stdbool.h>
#include <stddef.h>

#include "load.h"

struct catalog;
struct query_index;

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* -q: machine lines only (figures.c). */
extern bool quiet;
/* The median baseline parse of the run, in ms: what fig_time's ratios
 * are to (0 while not known). */
extern double baseline_ms;

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
/* Adds a row of bytes in MB and, when corpus is known, their ratio to it
 * (with digits decimals). */
void row_mb(const char *what, double bytes, double corpus, int digits);
/* Prints the table for people: the title line, then the rows. */
void rows_print(const char *label, const char *what, size_t nfiles,
                double corpus, int runs);
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
/* Parses every file of path into libyaml events as the loader reads
 * them (the walk of a directory included); the events, and in *errors
 * the files that did not parse. */
unsigned long long baseline_parse(const char *path, size_t *errors);
/* The same on n threads: a directory's files shared out, one file cut
 * into n pieces at document markers. */
unsigned long long baseline_parallel(const char *path, int n,
                                     size_t *errors);
/* What the child of child_peak_kb does. */
enum child_work { CHILD_NOTHING, CHILD_BASELINE, CHILD_LOAD, CHILD_INDEX };
/* How the last child of child_peak_kb ended, when it failed. */
extern char child_failure[128];
/* Peak resident set in KiB of a child that does only work on path, or -1
 * with child_failure set. */
long child_peak_kb(const char *path, enum child_work work);
/* The cost of fresh memory, in ms a MB: mb MB written once (*fresh),
 * then freed and written again (*again); -1 when it cannot be mapped. */
void memory_cost(size_t mb, double *fresh, double *again);
/* Keystroke figures of one query. */
struct keystats {
	double median, worst; /* ms over keystrokes whose text parsed */
	size_t keys;          /* keystrokes whose text parsed, per pass */
	size_t skipped;       /* keystrokes whose text did not parse */
	size_t matches;       /* matches of the whole query */
	int passes;           /* times the query was typed and erased */
	size_t worst_len;     /* bytes of the text at the worst keystroke */
	bool worst_back;      /* ... when backspacing */
	/* the same over the keystrokes whose text has a field or numeric
	 * term (a ':', '<', '>' or '='): "title:d", not "titl" */
	double term_median, term_worst;
	size_t term_keys;
	double first_worst;   /* worst key of the first pass alone */
	double first_term_worst; /* the same over its keys with a term */
};

/* How type_pass filters. */
enum filter_mode {
	FM_MATCH,  /* query_match on every posting */
	FM_NARROW, /* ... on the previous matches when the query narrows */
	FM_INDEX,  /* query_select with the index (its caches kept) */
};

/* Types text one character at a time and backspaces it out, up to
 * max_passes times within budget ms, filtering c as mode says at each
 * keystroke (ix: the index, for FM_INDEX). */
struct keystats type_query(struct catalog *c, const char *text,
                           enum filter_mode mode, struct query_index *ix,
                           int max_passes, double budget);
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
/* bench --table: the headline figures of the runs saved in files[0..n)
 * as one Markdown table; the exit status. */
int table_print(int nfiles, char **files);
/* bench --state: the state's costs on the corpus at path. */
int state_bench(const char *path, int runs, const char *billet,
                double timeout);

#endif
