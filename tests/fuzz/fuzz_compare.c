/* SPDX-License-Identifier: MIT */
/* fuzz_compare: the aligner. The input is split into two to four postings
 * at lines "%%"; each line of a posting sets a field by its first byte:
 *   T title  O organization  L location  W workplace  E employment type
 *   S salary "MIN MAX" (numbers)  D deadline  X kept key "key=value"
 *   R responsibility  Q qualification  P preferred  B benefit  C condition
 *   G tag  H a further section's heading  I an item of that section
 * and any other line is one more responsibility, so that plain text is
 * aligned too. compare_build runs on the postings, the table is printed as
 * text at widths 20..160 and as JSON, each row is wrapped at a few widths.
 * Checked: the output is harmless; text lines are no wider than the width
 * (a wide character in a one-column cell may stick out one column); every
 * row has a cell; compare_similarity is in [0, 1], symmetric, and 1 for a
 * text with itself. */
#include <math.h>
#include <stdint.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "compare.h"
#include "fuzz_common.h"

/* A list being filled; items in the arena. */
struct list {
	const char **v;
	size_t n, cap;
};

/* One posting being built, with its lists. */
struct build {
	struct posting p;
	struct list resp, qual, pref, ben, cond, tags, items;
	struct section sec[4];
	struct xvalue extra[8];
	struct place place;
};

/* Everything allocated for one input. */
static struct arena arena;

/* A NUL-terminated copy of s[0..len) in the arena. */
static const char *
dup(const char *s, size_t len)
{
	char *t = arena_strndup(&arena, s, len);
	if (!t)
		abort();
	return t;
}

/* Appends an item. */
static void
push(struct list *l, const char *s)
{
	if (l->n == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 8;
		const char **v = arena_alloc(&arena, cap * sizeof(*v));
		if (!v)
			abort();
		if (l->n)
			memcpy(v, l->v, l->n * sizeof(*v));
		l->v = v;
		l->cap = cap;
	}
	l->v[l->n++] = s;
}

/* Turns a list into the posting's form. */
static struct strlist
strlist(const struct list *l)
{
	return (struct strlist){.v = l->v, .n = l->n};
}

/* Closes the section being filled, if any. */
static void
end_section(struct build *b)
{
	if (b->p.nsections && b->items.n) {
		b->sec[b->p.nsections - 1].items = strlist(&b->items);
		b->items = (struct list){0};
	}
}

/* Reads one posting's lines. */
static void
build(struct build *b, const char *s, size_t len, unsigned seq)
{
	memset(b, 0, sizeof(*b));
	struct posting *p = &b->p;
	p->experience.min_years = p->experience.max_years = -1;
	p->seq = seq;
	p->sections = b->sec;
	p->extra = b->extra;
	for (size_t i = 0; i < len;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len;
		if (end > i) {
			const char *v = dup(s + i + 1, end - i - 1);
			switch (s[i]) {
			case 'T': p->title = v; break;
			case 'O': p->org.name = v; break;
			case 'L':
				b->place.name = v;
				p->places = &b->place;
				p->nplaces = 1;
				break;
			case 'W':
				p->workplace = (enum workplace)(strlen(v) % 4);
				p->workplace_note = v;
				break;
			case 'E': p->employment.type = v; break;
			case 'S': {
				char *e;
				double lo = strtod(v, &e), hi = strtod(e, NULL);
				if (!(lo >= 0 && lo <= 1e12))
					lo = 0;
				if (!(hi >= lo && hi <= 1e12))
					hi = lo;
				p->salary = (struct salary){
					.present = true, .min = lo, .max = hi,
					.currency = "USD",
					.period = (enum period)(strlen(v) % 5)};
				break;
			}
			case 'D': p->deadline.text = v; break;
			case 'X':
				if (p->nextra < 8) {
					const char *eq = strchr(v, '=');
					p->extra[p->nextra++] = (struct xvalue){
						.kind = X_SCALAR,
						.key = eq ? dup(v, (size_t)(eq - v))
						          : v,
						.s = eq ? eq + 1 : ""};
				}
				break;
			case 'Q': push(&b->qual, v); break;
			case 'P': push(&b->pref, v); break;
			case 'B': push(&b->ben, v); break;
			case 'C': push(&b->cond, v); break;
			case 'G': push(&b->tags, v); break;
			case 'H':
				end_section(b);
				if (p->nsections < 4)
					b->sec[p->nsections++] =
						(struct section){.heading = v};
				break;
			case 'I':
				if (p->nsections)
					push(&b->items, v);
				else
					push(&b->resp, v);
				break;
			case 'R':
				push(&b->resp, v);
				break;
			default:
				push(&b->resp, dup(s + i, end - i));
				break;
			}
		}
		i = end + 1;
	}
	end_section(b);
	if (!p->title)
		p->title = "untitled";
	p->id = dup("p", 1);
	p->responsibilities = strlist(&b->resp);
	p->qualifications = strlist(&b->qual);
	p->preferred = strlist(&b->pref);
	p->benefits = strlist(&b->ben);
	p->conditions = strlist(&b->cond);
	p->tags = strlist(&b->tags);
}

/* True when s holds a character two columns wide. */
static bool
has_wide(const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += text_decode(s + i, len - i, &cp);
		if (cp >= 0x1100 && text_cp_width(cp) == 2)
			return true;
	}
	return false;
}

/* Checks every line of printed text against the width. */
static void
check_lines(const struct buf *out, int width, size_t slack)
{
	const char *s = out->s ? out->s : "";
	fuzz_assert_harmless(s, out->len, true);
	for (size_t i = 0; i < out->len;) {
		const char *nl = memchr(s + i, '\n', out->len - i);
		size_t end = nl ? (size_t)(nl - s) : out->len;
		if (memchr(s + i, '\t', end - i))
			fuzz_fail("a tab in compare text", s, out->len, i);
		if (text_width(s + i, end - i) > (size_t)width + slack)
			fuzz_fail("compare line wider than the width", s,
			          out->len, i);
		i = end + 1;
	}
}

/* Checks the similarity measure on two texts. */
static void
check_similarity(const char *a, const char *b)
{
	double ab = compare_similarity(a, b), ba = compare_similarity(b, a);
	if (!(ab >= 0 && ab <= 1) || fabs(ab - ba) > 1e-9)
		fuzz_fail("similarity out of range or not symmetric", a,
		          strlen(a), 0);
	if (compare_similarity(a, a) != 1.0)
		fuzz_fail("similarity of a text with itself", a, strlen(a), 0);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const char *s = (const char *)data;
	static struct build b[CMP_MAX];
	const struct posting *pp[CMP_MAX];
	size_t n = 0, i = 0;
	memset(b, 0, sizeof(b));
	while (n < CMP_MAX && i <= size) {
		const char *sep = NULL;
		for (size_t k = i; k + 2 <= size; k++)
			if (s[k] == '%' && s[k + 1] == '%' &&
			    (k == 0 || s[k - 1] == '\n') &&
			    (k + 2 == size || s[k + 2] == '\n')) {
				sep = s + k;
				break;
			}
		size_t end = sep ? (size_t)(sep - s) : size;
		build(&b[n], s + i, end - i, (unsigned)n);
		pp[n] = &b[n].p;
		n++;
		if (!sep)
			break;
		i = end + 3;
	}
	if (n < 2) {
		pp[1] = pp[0]; /* a posting compared with itself */
		n = 2;
	}
	bool wide = has_wide(s, size);

	struct cmp_table t;
	if (compare_build(pp, n, &t) != 0)
		abort();
	if (t.n != n)
		abort();
	for (size_t r = 0; r < t.nrows; r++) {
		const struct cmp_row *row = &t.rows[r];
		if (!row->label)
			abort();
		fuzz_assert_harmless(row->label, strlen(row->label), false);
		for (size_t k = 0; k < n; k++)
			if (row->cell[k])
				fuzz_assert_harmless(row->cell[k],
				                     strlen(row->cell[k]), true);
		char m = compare_marker(row);
		if (m != ' ' && m != CMP_MARK_DIFFERS && m != CMP_MARK_UNIQUE)
			abort();
		static const int rw[] = {1, 2, 13, 40};
		for (size_t w = 0; w < 4; w++) {
			struct cmp_row_lines rl;
			compare_row_lines(row, n, rw[w], &rl);
			for (size_t k = 0; k < n; k++)
				for (size_t j = 0; j < rl.cell[k].n; j++) {
					const char *l = rl.cell[k].v[j];
					size_t len = strlen(l);
					fuzz_assert_harmless(l, len, false);
					if (text_width(l, len) > (size_t)rw[w] &&
					    !(rw[w] <= 2 || wide))
						fuzz_fail("cell line wider than "
						          "its column", l, len, 0);
				}
			compare_row_lines_free(&rl);
		}
	}
	struct buf out = {0};
	static const int widths[] = {20, 21, 33, 47, 80, 119, 120, 160};
	for (size_t w = 0; w < sizeof(widths) / sizeof(widths[0]); w++) {
		buf_clear(&out);
		compare_print_text(&out, &t, widths[w]);
		check_lines(&out, widths[w], wide ? n : 0);
	}
	buf_clear(&out);
	compare_print_json(&out, &t);
	fuzz_assert_harmless(out.s ? out.s : "", out.len, true);
	buf_free(&out);
	compare_free(&t);

	if (b[0].resp.n && b[1].resp.n)
		check_similarity(b[0].resp.v[0], b[1].resp.v[0]);
	if (b[0].resp.n)
		check_similarity(b[0].resp.v[0], b[0].p.title);
	arena_free(&arena);
	return 0;
}
