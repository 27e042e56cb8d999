/* SPDX-License-Identifier: MIT */
/* figures: how bench says what it measured: medians on a monotonic
 * clock, the machine lines ("BENCH\tkey\tvalue", "BENCH-INFO"), the
 * rows of the table for people with their ratios to the baseline, and
 * progress on stderr. */
#include "config.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

#include "bench.h"

/* Time ------------------------------------------------------------------ */

double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The median of v[0..n) (sorts v). */
double
median(double *v, size_t n)
{
	if (!n)
		return 0;
	qsort(v, n, sizeof(*v), dbl_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Figures --------------------------------------------------------------- */

bool quiet;          /* -q: machine lines only */
double baseline_ms;  /* median baseline parse, for the ratios */

/* One row of the table for people. */
static struct row rows[128];
static size_t nrows;

void
fig(const char *key, double v)
{
	printf("BENCH\t%s\t%.6g\n", key, v);
	fflush(stdout);
}

void
fig_na(const char *key)
{
	printf("BENCH\t%s\tn/a\n", key);
	fflush(stdout);
}

void
info(const char *key, const char *fmt, ...)
{
	va_list ap;
	printf("BENCH-INFO\t%s\t", key);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

struct row *
row_add(const char *what)
{
	if (nrows == N(rows))
		nrows--;
	struct row *r = &rows[nrows++];
	snprintf(r->what, sizeof(r->what), "%s", what);
	r->value[0] = r->ratio[0] = '\0';
	return r;
}

/* Adds a row of bytes in MB and, when corpus is known, their ratio to it
 * (with digits decimals). */
void
row_mb(const char *what, double bytes, double corpus, int digits)
{
	struct row *r = row_add(what);
	snprintf(r->value, sizeof(r->value), "%.1f MB", bytes / 1e6);
	if (corpus > 0)
		snprintf(r->ratio, sizeof(r->ratio), "%.*f x corpus", digits,
		         bytes / corpus);
}

/* Prints the table for people: the title line, then the rows. */
void
rows_print(const char *label, const char *what, size_t nfiles,
           double corpus, int runs)
{
	printf("\n%s: %s in %zu file%s, %.1f MB; medians of %d runs\n",
	       label, what, nfiles, nfiles == 1 ? "" : "s", corpus / 1e6,
	       runs);
	printf("%-58s %14s  %s\n", "", "", "x baseline");
	for (size_t i = 0; i < nrows; i++)
		printf("%-58s %14s  %s\n", rows[i].what, rows[i].value,
		       rows[i].ratio);
}

/* Prints key_ms and key_x (the ratio to the baseline) and adds a row. */
void
fig_time(const char *key, const char *what, double ms)
{
	char k[96];
	snprintf(k, sizeof(k), "%s_ms", key);
	fig(k, ms);
	struct row *r = row_add(what);
	snprintf(r->value, sizeof(r->value), "%.3f ms", ms);
	if (baseline_ms > 0) {
		snprintf(k, sizeof(k), "%s_x", key);
		fig(k, ms / baseline_ms);
		snprintf(r->ratio, sizeof(r->ratio), "%.4f", ms / baseline_ms);
	}
}

/* The same for a load: key_x is x, the median of the rounds' ratios;
 * key.x_of_medians is the ratio of the medians, for comparison. */
void
fig_time_x(const char *key, const char *what, double ms, double x)
{
	char k[96];
	snprintf(k, sizeof(k), "%s_ms", key);
	fig(k, ms);
	snprintf(k, sizeof(k), "%s_x", key);
	fig(k, x);
	struct row *r = row_add(what);
	snprintf(r->value, sizeof(r->value), "%.3f ms", ms);
	snprintf(r->ratio, sizeof(r->ratio), "%.4f", x);
	if (baseline_ms > 0) {
		snprintf(k, sizeof(k), "%s.x_of_medians", key);
		fig(k, ms / baseline_ms);
	}
}

void
progress(const char *fmt, ...)
{
	if (quiet)
		return;
	va_list ap;
	va_start(ap, fmt);
	fputs("bench: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}
