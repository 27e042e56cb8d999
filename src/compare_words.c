/* SPDX-License-Identifier: MIT */
/* compare_words: the words compare sees in a text (folded, stop words
 * dropped, stemmed), the similarity of two texts built on them, and
 * normalised equality; pure, no curses. See compare.h. */
#include "compare_int.h"

#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- small helpers ------------------------------------------------- */

bool
compare_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* Normalised text for equality: folded, white space collapsed, trimmed,
 * a final period dropped. */
static void
norm_text(struct buf *out, const char *s)
{
	struct buf f = {0};
	text_fold(&f, s, strlen(s));
	bool space = false;
	for (size_t i = 0; i < f.len; i++) {
		if (compare_is_space(f.s[i])) {
			space = out->len > 0;
			continue;
		}
		if (space)
			buf_addc(out, ' ');
		space = false;
		buf_addc(out, f.s[i]);
	}
	if (out->len && out->s[out->len - 1] == '.')
		out->s[--out->len] = '\0';
	if (!out->s)
		buf_add(out, "", 0);
	buf_free(&f);
}

bool
compare_norm_equal(const char *a, const char *b)
{
	struct buf x = {0}, y = {0};
	norm_text(&x, a);
	norm_text(&y, b);
	bool eq = strcmp(x.s, y.s) == 0;
	buf_free(&x);
	buf_free(&y);
	return eq;
}

/* ---- words: folding, stop words, stemming --------------------------- */

static const char *const stop_words[] = {
	"a", "about", "above", "across", "after", "again", "against", "all",
	"also", "am", "among", "an", "and", "another", "any", "are", "as",
	"at", "be", "because", "been", "before", "being", "below", "between",
	"both", "but", "by", "can", "could", "did", "do", "does", "doing",
	"down", "during", "each", "either", "etc", "every", "few", "for",
	"from", "further", "had", "has", "have", "having", "he", "her",
	"here", "hers", "him", "his", "how", "i", "if", "in", "including",
	"into", "is", "it", "its", "itself", "just", "may", "me", "might",
	"more", "most", "much", "must", "my", "no", "nor", "not", "of", "off",
	"on", "once", "one", "only", "or", "other", "others", "our", "ours",
	"out", "over", "own", "per", "same", "shall", "she", "should", "so",
	"some", "such", "than", "that", "the", "their", "theirs", "them",
	"then", "there", "these", "they", "this", "those", "through", "thus",
	"to", "too", "under", "until", "up", "upon", "us", "very", "via",
	"was", "we", "well", "were", "what", "when", "where", "whether",
	"which", "while", "who", "whom", "whose", "why", "will", "with",
	"within", "without", "would", "yet", "you", "your", "yours",
};

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

static bool
is_stop_word(const char *w)
{
	/* the table is sorted; keep it so */
	return bsearch(&w, stop_words, sizeof stop_words / sizeof *stop_words,
	               sizeof *stop_words, cmp_str) != NULL;
}

/* Whether a (folded) code point belongs to a word. */
static bool
is_word_cp(uint32_t c)
{
	if (c < 0x80)
		return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		       (c >= '0' && c <= '9');
	if (c < 0xC0 || c == 0xD7 || c == 0xF7 || c == 0xFFFD)
		return false;
	if (c >= 0x2000 && c <= 0x2BFF) /* punctuation, symbols, arrows */
		return false;
	if (c >= 0x3000 && c <= 0x303F) /* CJK punctuation */
		return false;
	if (c >= 0xFE30 && c <= 0xFE4F) /* CJK compatibility forms */
		return false;
	if (c >= 0xFF00 && c <= 0xFF0F)
		return false;
	if (c >= 0x1F000) /* emoji and such */
		return false;
	return true;
}

static bool
ends(const char *w, size_t n, const char *suf)
{
	size_t k = strlen(suf);
	return n >= k && memcmp(w + n - k, suf, k) == 0;
}

static bool
has_vowel(const char *w, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strchr("aeiouy", w[i]) || (unsigned char)w[i] >= 0x80)
			return true;
	return false;
}

/* Derivational suffixes, longest first. Final 'e' is gone by the time
 * they are tried, so "ence" appears as "enc", "ive" as "iv", ... */
static const char *const suffixes[] = {
	"ational", "ional", "ation", "ition", "ness", "ment", "ency", "ancy",
	"ence", "ance", "able", "ible", "ity", "ive", "ion", "ent", "ant",
	"enc", "anc", "abl", "ibl", "ful", "ous", "ism", "ist", "iv", "al",
	"er", "ic", "y",
};

/* Stems a folded word in place (a light Porter step 1 and a few
 * derivational endings); returns its new length. Words of three bytes or
 * fewer are kept; no stem gets shorter than three bytes. */
static size_t
stem(char *w, size_t n)
{
	if (n <= 3)
		return n;
	/* plurals */
	if (ends(w, n, "sses"))
		n -= 2;
	else if (ends(w, n, "ies") && n > 4) {
		n -= 3;
		w[n++] = 'y';
	} else if (ends(w, n, "ss") || ends(w, n, "us") || ends(w, n, "is"))
		;
	else if (w[n - 1] == 's')
		n--;
	/* adverbs */
	if (ends(w, n, "ly") && n - 2 >= 4)
		n -= 2;
	/* verb endings, or a final e */
	bool undouble = false;
	if (ends(w, n, "ing") && n - 3 >= 3 && has_vowel(w, n - 3)) {
		n -= 3;
		undouble = true;
	} else if (ends(w, n, "ed") && n - 2 >= 3 && has_vowel(w, n - 2)) {
		n -= 2;
		undouble = true;
	} else if (w[n - 1] == 'e' && n - 1 >= 3)
		n--;
	if (undouble && n >= 4 && w[n - 1] == w[n - 2] &&
	    !strchr("aeiouylsz", w[n - 1]))
		n--;
	/* one derivational ending */
	for (size_t i = 0; i < sizeof suffixes / sizeof *suffixes; i++) {
		size_t k = strlen(suffixes[i]);
		if (ends(w, n, suffixes[i]) && n - k >= 3) {
			n -= k;
			if (w[n - 1] == 'e' && n - 1 >= 3)
				n--;
			break;
		}
	}
	w[n] = '\0';
	return n;
}

/* Whether a code point is written in runs without spaces between
 * words (or with particles joined to them): Han, kana and Hangul. */
static bool
is_run_cp(uint32_t c)
{
	return (c >= 0x1100 && c <= 0x11FF) ||  /* Hangul jamo */
	       (c >= 0x3040 && c <= 0x30FF) ||  /* hiragana, katakana */
	       (c >= 0x3130 && c <= 0x318F) ||  /* Hangul compatibility jamo */
	       (c >= 0x3400 && c <= 0x4DBF) ||  /* Han, extension A */
	       (c >= 0x4E00 && c <= 0x9FFF) ||  /* Han */
	       (c >= 0xAC00 && c <= 0xD7AF) ||  /* Hangul syllables */
	       (c >= 0xF900 && c <= 0xFAFF) ||  /* Han compatibility */
	       (c >= 0xFF66 && c <= 0xFF9F) ||  /* halfwidth katakana */
	       (c >= 0x20000 && c <= 0x3FFFF);  /* Han, further planes */
}

/* Calls fn with each stem of s (duplicates kept, order kept). A run of
 * Han, kana or Hangul gives each pair of neighbouring characters as a
 * word (a run of one character, that character): such text has no
 * spaces to find its words by, and pairs of characters are what makes
 * two similar sentences of it share words. */
static void
each_word(const char *s, void (*fn)(void *ctx, const char *w), void *ctx)
{
	struct buf f = {0}, w = {0}, pair = {0};
	text_fold(&f, s, strlen(s));
	size_t ncp = 0;
	size_t prev = 0, prevlen = 0, run = 0; /* the run's last character */
	for (size_t i = 0; i <= f.len;) {
		uint32_t c = 0;
		size_t k = 1;
		if (i < f.len)
			k = text_decode(f.s + i, f.len - i, &c);
		bool cjk = i < f.len && is_run_cp(c);
		if (i < f.len && is_word_cp(c) && !cjk) {
			buf_add(&w, f.s + i, k);
			ncp++;
		} else if (w.len) {
			if (ncp > 1 && !is_stop_word(w.s)) {
				w.len = stem(w.s, w.len);
				fn(ctx, w.s);
			}
			buf_clear(&w);
			ncp = 0;
		}
		if (cjk) {
			if (run) {
				buf_clear(&pair);
				buf_add(&pair, f.s + prev, prevlen);
				buf_add(&pair, f.s + i, k);
				fn(ctx, pair.s);
			}
			prev = i;
			prevlen = k;
			run++;
		} else {
			if (run == 1) {
				buf_clear(&pair);
				buf_add(&pair, f.s + prev, prevlen);
				fn(ctx, pair.s);
			}
			run = 0;
		}
		i += k;
	}
	buf_free(&f);
	buf_free(&w);
	buf_free(&pair);
}

struct word_list {
	char **v;
	size_t n, cap;
};

static void
word_list_add(void *ctx, const char *w)
{
	struct word_list *l = ctx;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = xrealloc(l->v, l->cap * sizeof *l->v);
	}
	size_t len = strlen(w);
	l->v[l->n] = xrealloc(NULL, len + 1);
	memcpy(l->v[l->n++], w, len + 1);
}

static void
word_list_free(struct word_list *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	*l = (struct word_list){0};
}

static void
words_append(void *ctx, const char *w)
{
	struct buf *b = ctx;
	if (b->len)
		buf_addc(b, ' ');
	buf_adds(b, w);
}

void
compare_words(struct buf *out, const char *s)
{
	struct buf b = {0};
	each_word(s, words_append, &b);
	if (b.len) {
		if (out->len)
			buf_addc(out, ' ');
		buf_add(out, b.s, b.len);
	}
	if (!out->s)
		buf_add(out, "", 0);
	buf_free(&b);
}

/* ---- bags of words and the similarity measure ----------------------- */

static int
cmp_size(const void *a, const void *b)
{
	size_t x = *(const size_t *)a, y = *(const size_t *)b;
	return x < y ? -1 : x > y;
}

/* Index of w in the sorted vocabulary, or nvocab. */
static size_t
vocab_find(const struct corpus *c, const char *w)
{
	char **hit = bsearch(&w, c->vocab, c->nvocab, sizeof *c->vocab,
	                     cmp_str);
	return hit ? (size_t)(hit - c->vocab) : c->nvocab;
}

/* Sums each bag's weights (struct bag's w). */
static void
bag_sums(struct corpus *c)
{
	for (size_t i = 0; i < c->n; i++) {
		struct bag *b = &c->bags[i];
		b->w = 0;
		for (size_t k = 0; k < b->n; k++)
			b->w += c->weight[b->id[k]];
	}
}

void
compare_corpus_build(struct corpus *c, const char *const *texts, size_t n,
             bool uniform)
{
	*c = (struct corpus){0};
	c->n = n;
	c->bags = xcalloc(n, sizeof *c->bags);
	struct word_list *lists = xcalloc(n, sizeof *lists);
	struct word_list all = {0};
	for (size_t i = 0; i < n; i++) {
		each_word(texts[i], word_list_add, &lists[i]);
		for (size_t k = 0; k < lists[i].n; k++)
			word_list_add(&all, lists[i].v[k]);
	}
	if (all.n)
		qsort(all.v, all.n, sizeof *all.v, cmp_str);
	c->vocab = xcalloc(all.n, sizeof *c->vocab);
	for (size_t k = 0; k < all.n; k++) {
		if (c->nvocab && !strcmp(c->vocab[c->nvocab - 1], all.v[k])) {
			free(all.v[k]);
			continue;
		}
		c->vocab[c->nvocab++] = all.v[k];
	}
	free(all.v);
	size_t *df = xcalloc(c->nvocab, sizeof *df);
	for (size_t i = 0; i < n; i++) {
		struct bag *b = &c->bags[i];
		b->id = xcalloc(lists[i].n, sizeof *b->id);
		for (size_t k = 0; k < lists[i].n; k++)
			b->id[k] = vocab_find(c, lists[i].v[k]);
		qsort(b->id, lists[i].n, sizeof *b->id, cmp_size);
		for (size_t k = 0; k < lists[i].n; k++)
			if (!b->n || b->id[b->n - 1] != b->id[k])
				b->id[b->n++] = b->id[k];
		for (size_t k = 0; k < b->n; k++)
			df[b->id[k]]++;
		struct buf nb = {0};
		norm_text(&nb, texts[i]);
		b->norm = buf_steal(&nb);
		word_list_free(&lists[i]);
	}
	free(lists);
	c->weight = xcalloc(c->nvocab, sizeof *c->weight);
	for (size_t k = 0; k < c->nvocab; k++)
		c->weight[k] = uniform ? 1.0 : log(1.0 + (double)n / (double)df[k]);
	free(df);
	bag_sums(c);
}

void
compare_corpus_free(struct corpus *c)
{
	for (size_t i = 0; i < c->n; i++) {
		free(c->bags[i].id);
		free(c->bags[i].norm);
	}
	for (size_t k = 0; k < c->nvocab; k++)
		free(c->vocab[k]);
	free(c->bags);
	free(c->vocab);
	free(c->weight);
	*c = (struct corpus){0};
}

double
compare_bag_score(const struct corpus *c, const struct bag *a, const struct bag *b)
{
	if (!strcmp(a->norm, b->norm))
		return 1.0;
	double wa = 0, wb = 0, wi = 0;
	size_t i = 0, j = 0;
	while (i < a->n || j < b->n) {
		if (j >= b->n || (i < a->n && a->id[i] < b->id[j]))
			wa += c->weight[a->id[i++]];
		else if (i >= a->n || b->id[j] < a->id[i])
			wb += c->weight[b->id[j++]];
		else {
			double w = c->weight[a->id[i]];
			wa += w;
			wb += w;
			wi += w;
			i++;
			j++;
		}
	}
	if (wa <= 0 || wb <= 0 || wi <= 0)
		return 0.0;
	return wi / sqrt(wa * wb);
}

double
compare_similarity(const char *a, const char *b)
{
	const char *texts[2] = {a, b};
	struct corpus c;
	compare_corpus_build(&c, texts, 2, true);
	double s = compare_bag_score(&c, &c.bags[0], &c.bags[1]);
	compare_corpus_free(&c);
	return s;
}

double
compare_similarity_in(const char *a, const char *b,
                      const char *const *corpus, size_t n)
{
	/* the corpus gives the weights; a and b are appended as texts of their
	 * own, but do not count toward the document frequencies */
	const char **texts = xcalloc(n + 2, sizeof *texts);
	for (size_t i = 0; i < n; i++)
		texts[i] = corpus[i];
	texts[n] = a;
	texts[n + 1] = b;
	struct corpus c;
	compare_corpus_build(&c, texts, n + 2, false);
	/* recompute the weights from the corpus alone */
	size_t *df = xcalloc(c.nvocab, sizeof *df);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < c.bags[i].n; k++)
			df[c.bags[i].id[k]]++;
	size_t nn = n ? n : 1;
	for (size_t k = 0; k < c.nvocab; k++)
		c.weight[k] = log(1.0 + (double)nn / (double)(df[k] ? df[k] : 1));
	free(df);
	bag_sums(&c);
	double s = compare_bag_score(&c, &c.bags[n], &c.bags[n + 1]);
	free(texts);
	compare_corpus_free(&c);
	return s;
}

/* ---- the word diff -------------------------------------------------- */

/* Whether a code point is a word of its own for the diff: Han and kana
 * are written without spaces, so each character is one. */
static bool
is_char_word(uint32_t c)
{
	return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
	       (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF);
}

/* One word of a cell for the diff. */
struct dword {
	size_t off, len;   /* its bytes in the cell */
	size_t fold, flen; /* its folded form in struct dtext's folds */
};

/* A cell split into words. */
struct dtext {
	struct dword *v;   /* the words, in order */
	size_t n, cap;     /* how many, allocated */
	struct buf folds;  /* the folded words, one after the other */
};

static void
dtext_add(struct dtext *d, const char *s, size_t off, size_t len)
{
	if (d->n == d->cap) {
		d->cap = d->cap ? 2 * d->cap : 16;
		d->v = xrealloc(d->v, d->cap * sizeof *d->v);
	}
	size_t at = d->folds.len;
	text_fold(&d->folds, s + off, len);
	d->v[d->n++] = (struct dword){off, len, at, d->folds.len - at};
}

/* Splits s into its words: runs of letters and digits, each Han or kana
 * character on its own. */
static void
dtext_split(struct dtext *d, const char *s)
{
	*d = (struct dtext){0};
	size_t len = strlen(s), start = 0;
	bool in = false;
	for (size_t i = 0; i <= len;) {
		uint32_t c = 0;
		size_t k = 1;
		if (i < len)
			k = text_decode(s + i, len - i, &c);
		bool word = i < len && is_word_cp(c);
		bool single = word && is_char_word(c);
		if (in && (!word || single)) {
			dtext_add(d, s, start, i - start);
			in = false;
		}
		if (single)
			dtext_add(d, s, i, k);
		else if (word && !in) {
			start = i;
			in = true;
		}
		i += k;
	}
}

static void
dtext_free(struct dtext *d)
{
	free(d->v);
	buf_free(&d->folds);
	*d = (struct dtext){0};
}

static bool
dword_eq(const struct dtext *a, size_t i, const struct dtext *b, size_t j)
{
	const struct dword *x = &a->v[i], *y = &b->v[j];
	return x->flen == y->flen &&
	       !memcmp(a->folds.s + x->fold, b->folds.s + y->fold, x->flen);
}

/* Marks in ina and inb the words of a and b in a longest common
 * subsequence of their words and returns its length. The common
 * beginning and end are set aside first; a middle of more than
 * CMP_DIFF_CELLS pairs of words, or more than *left allows, is taken to
 * have nothing in common. */
static size_t
dtext_lcs(const struct dtext *a, const struct dtext *b, bool *ina, bool *inb,
          uint64_t *left)
{
	size_t na = a->n, nb = b->n, pre = 0, suf = 0;
	while (pre < na && pre < nb && dword_eq(a, pre, b, pre)) {
		ina[pre] = inb[pre] = true;
		pre++;
	}
	while (suf < na - pre && suf < nb - pre &&
	       dword_eq(a, na - 1 - suf, b, nb - 1 - suf)) {
		ina[na - 1 - suf] = inb[nb - 1 - suf] = true;
		suf++;
	}
	size_t n = na - pre - suf, m = nb - pre - suf, common = pre + suf;
	if (!n || !m)
		return common;
	uint64_t cells = (uint64_t)(n + 1) * (uint64_t)(m + 1);
	if (cells > CMP_DIFF_CELLS || cells > *left)
		return common;
	*left -= cells;
	/* L[i][j]: the longest common subsequence of the middles from i, j */
	uint32_t *L = xcalloc((size_t)cells, sizeof *L);
	size_t w = m + 1;
	for (size_t i = n; i-- > 0;)
		for (size_t j = m; j-- > 0;) {
			if (dword_eq(a, pre + i, b, pre + j))
				L[i * w + j] = L[(i + 1) * w + j + 1] + 1;
			else {
				uint32_t down = L[(i + 1) * w + j], right = L[i * w + j + 1];
				L[i * w + j] = down >= right ? down : right;
			}
		}
	for (size_t i = 0, j = 0; i < n && j < m;) {
		if (dword_eq(a, pre + i, b, pre + j)) {
			ina[pre + i++] = inb[pre + j++] = true;
			common++;
		} else if (L[(i + 1) * w + j] >= L[i * w + j + 1])
			i++;
		else
			j++;
	}
	free(L);
	return common;
}

/* The spans of the words of d flagged in differs: consecutive ones make
 * one span with what lies between them. */
static void
dtext_spans(const struct dtext *d, const bool *differs, struct cmp_span **out,
            size_t *nout)
{
	*out = NULL;
	*nout = 0;
	size_t cap = 0;
	for (size_t k = 0; k < d->n; k++) {
		if (!differs[k])
			continue;
		size_t end = d->v[k].off + d->v[k].len;
		if (k && differs[k - 1] && *nout) {
			struct cmp_span *s = &(*out)[*nout - 1];
			s->len = end - s->off;
			continue;
		}
		if (*nout == cap) {
			cap = cap ? 2 * cap : 4;
			*out = xrealloc(*out, cap * sizeof **out);
		}
		(*out)[(*nout)++] = (struct cmp_span){d->v[k].off, d->v[k].len};
	}
}

bool
compare_diff_row(struct cmp_row *r, size_t n, bool spans, uint64_t *left)
{
	size_t base = SIZE_MAX, have = 0;
	for (size_t i = 0; i < n && i < CMP_MAX; i++)
		if (r->cell[i]) {
			if (base == SIZE_MAX)
				base = i;
			have++;
		}
	if (have < 2)
		return false;
	struct dtext d[CMP_MAX] = {{0}};
	for (size_t i = base; i < n && i < CMP_MAX; i++)
		if (r->cell[i])
			dtext_split(&d[i], r->cell[i]);
	bool differ = false;
	bool *bdiff = xcalloc(d[base].n + 1, sizeof *bdiff);
	for (size_t j = base + 1; j < n && j < CMP_MAX; j++) {
		if (!r->cell[j])
			continue;
		if (!d[base].n && !d[j].n) { /* no words: the text decides */
			differ |= !compare_norm_equal(r->cell[base], r->cell[j]);
			continue;
		}
		bool *ina = xcalloc(d[base].n + 1, sizeof *ina);
		bool *inb = xcalloc(d[j].n + 1, sizeof *inb);
		size_t common = dtext_lcs(&d[base], &d[j], ina, inb, left);
		bool same = common == d[base].n && common == d[j].n;
		differ |= !same;
		if (spans && !same && common) {
			for (size_t k = 0; k < d[j].n; k++)
				inb[k] = !inb[k];
			dtext_spans(&d[j], inb, &r->span[j], &r->nspan[j]);
			for (size_t k = 0; k < d[base].n; k++)
				bdiff[k] |= !ina[k];
		}
		free(ina);
		free(inb);
	}
	if (spans)
		dtext_spans(&d[base], bdiff, &r->span[base], &r->nspan[base]);
	free(bdiff);
	for (size_t i = 0; i < CMP_MAX; i++)
		dtext_free(&d[i]);
	return differ;
}
