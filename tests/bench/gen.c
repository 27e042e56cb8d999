/* SPDX-License-Identifier: MIT */
/* gen: writes a seeded corpus of job postings in the FORMAT.md canonical
 * format for the benchmark, as one file of YAML documents or one file per
 * posting. The same seed and count always give the same bytes.
 *
 * The text is drawn from the words of the sample postings (the .yaml
 * files of data/), ranked by how often they occur there, with word
 * frequencies following a Zipf law (the word of rank r is picked with
 * probability proportional to 1/r); lengths and field mixes follow the
 * samples (see README.md).
 *
 * This file is the command line, the output and the files; the words
 * and random numbers are in gen_words.c, the names (places,
 * organisations, titles) in gen_names.c, a posting's fields in
 * gen_posting.c, a job page in gen_page.c. */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "gen.h"

/* Output ---------------------------------------------------------------- */

/* One posting's text, written out whole. */
static struct {
	char *s;
	size_t len, cap;
} out;

static void
grow(size_t n)
{
	if (out.len + n + 1 <= out.cap)
		return;
	size_t cap = out.cap ? out.cap : 1 << 16;
	while (cap < out.len + n + 1)
		cap *= 2;
	char *s = realloc(out.s, cap);
	if (!s) {
		fputs("gen: out of memory\n", stderr);
		exit(1);
	}
	out.s = s;
	out.cap = cap;
}

void
gen_put(const char *s, size_t len)
{
	grow(len);
	memcpy(out.s + out.len, s, len);
	out.len += len;
	out.s[out.len] = '\0';
}

void
gen_puts(const char *s)
{
	gen_put(s, strlen(s));
}

void
gen_putf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	grow((size_t)n);
	va_start(ap, fmt);
	vsnprintf(out.s + out.len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	out.len += (size_t)n;
}

size_t
gen_len(void)
{
	return out.len;
}

void
gen_crlf(size_t from)
{
	size_t lf = 0;
	for (size_t i = from; i < out.len; i++)
		lf += out.s[i] == '\n';
	grow(lf);
	size_t w = out.len + lf;
	out.s[w] = '\0';
	for (size_t i = out.len; i-- > from;) {
		out.s[--w] = out.s[i];
		if (out.s[i] == '\n')
			out.s[--w] = '\r';
	}
	out.len += lf;
}

/* A date in 2023..2025 as days since 2023-01-01 and back. */
void
gen_put_date(long day)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	                            31};
	int y = 2023;
	for (;;) {
		int yl = (y % 4 == 0) ? 366 : 365;
		if (day < yl)
			break;
		day -= yl;
		y++;
	}
	int m = 0;
	for (;; m++) {
		int md = mdays[m] + (m == 1 && y % 4 == 0);
		if (day < md)
			break;
		day -= md;
	}
	gen_putf("%04d-%02d-%02ld", y, m + 1, day + 1);
}


/* Files ----------------------------------------------------------------- */

/* --short: postings of a few fields only. */
static bool short_postings;

static int
usage(FILE *f, int status)
{
	fputs("Usage: gen [-n N] [-s SEED] [-o PATH] [--split | --pages]\n"
	      "           [--short] [-q]\n"
	      "Writes N postings (default 1000) generated from SEED (default 1)\n"
	      "to PATH (default standard output) as YAML documents, or with\n"
	      "--split as one file per posting under the directory PATH, in\n"
	      "subdirectories of 1000 files; with --pages as one job page\n"
	      "(.html, 30-300 KB) per posting, the same way. --short: postings\n"
	      "of the list's fields and a line of summary (some 300 bytes: a\n"
	      "million fit a machine's memory). -q: no summary on stderr.\n", f);
	return status;
}

/* Makes a directory unless it exists. */
static void
make_dir(const char *path)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen: cannot create %s: %s\n", path,
		        strerror(errno));
		exit(1);
	}
}

/* Writes out's bytes to f; exits on error. */
static void
flush_to(FILE *f, const char *path)
{
	if (fwrite(out.s, 1, out.len, f) != out.len) {
		fprintf(stderr, "gen: cannot write %s: %s\n", path,
		        strerror(errno));
		exit(1);
	}
	out.len = 0;
}

int
main(int argc, char **argv)
{
	long n = 1000;
	unsigned long long seed = 1;
	const char *path = NULL;
	bool split = false, pages = false, quiet = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		char *end;
		if (!strcmp(a, "--split")) {
			split = true;
		} else if (!strcmp(a, "--pages")) {
			pages = split = true;
		} else if (!strcmp(a, "--short")) {
			short_postings = true;
		} else if (!strcmp(a, "-q")) {
			quiet = true;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			return usage(stdout, 0);
		} else if (i + 1 < argc && !strcmp(a, "-n")) {
			errno = 0;
			n = strtol(argv[++i], &end, 10);
			if (errno || *end || n < 0)
				return usage(stderr, 2);
		} else if (i + 1 < argc && !strcmp(a, "-s")) {
			errno = 0;
			seed = strtoull(argv[++i], &end, 10);
			if (errno || *end)
				return usage(stderr, 2);
		} else if (i + 1 < argc && !strcmp(a, "-o")) {
			path = argv[++i];
		} else {
			return usage(stderr, 2);
		}
	}
	if (split && !path) {
		fputs(pages ? "gen: --pages needs -o DIRECTORY\n"
		            : "gen: --split needs -o DIRECTORY\n", stderr);
		return 2;
	}
	gen_seed(seed);

	unsigned long long bytes = 0;
	if (!split) {
		FILE *f = path && strcmp(path, "-") ? fopen(path, "w") : stdout;
		if (!f) {
			fprintf(stderr, "gen: cannot create %s: %s\n", path,
			        strerror(errno));
			return 1;
		}
		for (long i = 0; i < n; i++) {
			gen_puts("---\n");
			gen_posting(i, seed, short_postings);
			bytes += out.len;
			flush_to(f, path ? path : "standard output");
		}
		if ((f != stdout ? fclose(f) : fflush(f)) != 0) {
			fprintf(stderr, "gen: cannot write %s: %s\n",
			        path ? path : "standard output", strerror(errno));
			return 1;
		}
	} else {
		make_dir(path);
		size_t pl = strlen(path);
		char *file = malloc(pl + 64);
		if (!file) {
			fputs("gen: out of memory\n", stderr);
			return 1;
		}
		for (long i = 0; i < n; i++) {
			if (i % 1000 == 0) {
				snprintf(file, pl + 64, "%s/%04ld", path, i / 1000);
				make_dir(file);
			}
			snprintf(file, pl + 64, "%s/%04ld/%s-%07ld.%s", path,
			         i / 1000, pages ? "page" : "posting", i + 1,
			         pages ? "html" : "yaml");
			if (pages)
				gen_page(i, seed, gen_page_size());
			else
				gen_posting(i, seed, short_postings);
			bytes += out.len;
			FILE *f = fopen(file, "w");
			if (!f) {
				fprintf(stderr, "gen: cannot create %s: %s\n", file,
				        strerror(errno));
				return 1;
			}
			flush_to(f, file);
			if (fclose(f) != 0) {
				fprintf(stderr, "gen: cannot write %s: %s\n", file,
				        strerror(errno));
				return 1;
			}
		}
		free(file);
	}
	free(out.s);
	if (!quiet)
		fprintf(stderr, "gen: %ld %s, %llu bytes%s%s (seed %llu)\n",
		        n, pages ? "pages" : "postings", bytes, path ? " to " : "",
		        path ? path : "", seed);
	return 0;
}
