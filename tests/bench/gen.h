/* SPDX-License-Identifier: MIT */
/* gen: what the generator's writers share (gen.c: the seeded random
 * numbers, the words, the output buffer, names; gen_page.c: job pages). */
#ifndef BILLET_BENCH_GEN_H
#define BILLET_BENCH_GEN_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#define N(a) (sizeof(a) / sizeof((a)[0]))
/* One item of array a, at random. */
#define PICK(a) ((a)[gen_rnd() % N(a)])

/* Random numbers: xoshiro256**, the same on every platform. */

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

/* The output: one file's text, written out whole by main. */

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

/* Text. */

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
/* Writes a job title into t. */
void gen_title(struct str *t);
/* Appends the lower-case ASCII letters and digits of s, dashes between
 * words, at most max bytes. */
void gen_slug(struct str *t, const char *s, size_t max);

/* Names. */

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

/* gen_page.c: a job page. */

/* Writes posting i (0-based) of the seed as a job page of about target
 * bytes: head, scripts, styles, navigation, a JSON-LD JobPosting block
 * with an HTML description, footer. */
void gen_page(long i, uint64_t seed, size_t target);
/* A page's size in bytes, between 30 and 300 KB as real boards' pages
 * are, more of them small than big. */
size_t gen_page_size(void);

#endif
