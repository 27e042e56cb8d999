/* SPDX-License-Identifier: MIT */
/* gen: what the generator's files share (gen.c: the command line, the
 * output buffer; gen_words.c: the seeded random numbers, the words and
 * sentences; gen_names.c: places, organisations, titles; gen_posting.c:
 * a posting; gen_page.c: a job page). */
#ifndef BILLET_BENCH_GEN_H
#define BILLET_BENCH_GEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))
/* One item of array a, at random. */
#define PICK(a) ((a)[gen_rnd() % N(a)])

/* Random numbers: xoshiro256**, the same on every platform (gen_words.c). */

/* Seeds the random numbers and readies the words' ranks: first. */
void gen_seed(uint64_t seed);

/* The next 64 random bits. */
uint64_t gen_rnd(void);
/* A double in [0, 1). */
double gen_unit(void);
/* An integer in [lo, hi]. */
long gen_range(long lo, long hi);
/* True with probability p. */
bool gen_chance(double p);
/* An integer in [lo, hi], more often near the middle. */
long gen_tri(long lo, long hi);
/* A word of the samples, drawn by its rank (Zipf). */
const char *gen_word(void);

/* The output: one file's text, written out whole by main (gen.c). */

/* Appends len bytes. */
void gen_put(const char *s, size_t len);
/* Appends a string. */
void gen_puts(const char *s);
/* Appends formatted text. */
void gen_putf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* The bytes written so far for the current file. */
size_t gen_len(void);
/* Makes the line ends from byte from on "\r\n". */
void gen_crlf(size_t from);
/* Writes a date (days since 2023-01-01) as YYYY-MM-DD. */
void gen_put_date(long day);

/* Text (gen_words.c). */

/* A scratch string for one piece of text. */
struct str {
	char s[16384]; /* the text, NUL-terminated (cut at the end) */
	size_t len;    /* its bytes */
};

/* Appends s to t. */
void gen_sadd(struct str *t, const char *s);
/* Appends a word with its first letter in upper case (ASCII words). */
void gen_sadd_cap(struct str *t, const char *w);
/* Appends a sentence of about lo..hi words. */
void gen_sentence(struct str *t, int lo, int hi);
/* Appends a paragraph of lo..hi sentences. */
void gen_paragraph(struct str *t, int lo, int hi);
/* A field of work, as departments and titles name them ("Policy",
 * "Data", "Legal"...). */
const char *gen_department(void);
/* A part of a region, as names of places and organisations begin
 * ("Western", "Upstate"...). */
const char *gen_area(void);
/* Writes a job title into t. */
void gen_title(struct str *t);
/* Appends the lower-case ASCII letters and digits of s, dashes between
 * words, at most max bytes. */
void gen_slug(struct str *t, const char *s, size_t max);

/* Names (gen_names.c). */

/* A place. */
struct city {
	const char *city;     /* its name */
	const char *region;   /* its region, or NULL */
	const char *country;  /* ISO country code */
	const char *currency; /* ISO currency code */
};

/* A city, three in four in the US. */
const struct city *gen_city(void);
/* Names an organisation based in home into org, its initials into sh
 * (empty for a name in another script). */
void gen_org(struct str *org, struct str *sh, const struct city *home);

/* gen_posting.c: a posting. */

/* Writes posting i (0-based) of the seed in the canonical format; only
 * the list's fields and a line of summary when brief (--short). */
void gen_posting(long i, uint64_t seed, bool brief);

/* gen_page.c: a job page. */

/* Writes posting i (0-based) of the seed as a job page of about target
 * bytes: head, scripts, styles, navigation, a JSON-LD JobPosting block
 * with an HTML description, footer. */
void gen_page(long i, uint64_t seed, size_t target);
/* A page's size in bytes, between 30 and 300 KB as real boards' pages
 * are, more of them small than big. */
size_t gen_page_size(void);

#endif
