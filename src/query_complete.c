/* SPDX-License-Identifier: MIT */
/* query_complete: what Tab completes a word of the filter to: the names
 * of fields and terms, and after is:, has:, status: and workplace: their
 * values, all from the parser's own tables (query_words). */
#include "query.h"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Most words of one kind (the parser has about 30 names). */
#define WORDS_MAX 64

/* The names found so far. */
struct found {
	char **v;
	size_t n, cap;
};

/* Adds head followed by tail (tail may be NULL) unless it is in. */
static void
add(struct found *f, const char *head, size_t hlen, const char *tail)
{
	struct buf b = {0};
	buf_add(&b, head, hlen);
	buf_adds(&b, tail ? tail : "");
	for (size_t i = 0; i < f->n; i++) {
		if (!strcmp(f->v[i], b.s)) {
			buf_free(&b);
			return;
		}
	}
	if (f->n == f->cap) {
		f->cap = f->cap ? 2 * f->cap : 16;
		f->v = xrealloc(f->v, f->cap * sizeof(*f->v));
	}
	f->v[f->n++] = buf_steal(&b);
}

/* Offers each word of kind that starts with prefix[0..plen) (any case),
 * as head + the word + tail. */
static void
offer(struct found *f, enum query_words kind, const char *prefix,
      size_t plen, const char *head, size_t hlen, const char *tail)
{
	const char *w[WORDS_MAX];
	size_t n = query_words(kind, w, WORDS_MAX);
	if (n > WORDS_MAX)
		n = WORDS_MAX;
	for (size_t i = 0; i < n; i++) {
		if (strlen(w[i]) < plen || strncasecmp(w[i], prefix, plen))
			continue;
		struct buf b = {0};
		buf_add(&b, head, hlen);
		buf_adds(&b, w[i]);
		add(f, b.s, b.len, tail);
		buf_free(&b);
	}
}

/* True when pos is inside a quoted phrase of text. */
static bool
in_phrase(const char *text, size_t pos)
{
	bool in = false;
	for (size_t i = 0; i < pos; i++) {
		if (in && text[i] == '\\' && i + 1 < pos &&
		    (text[i + 1] == '"' || text[i + 1] == '\\'))
			i++;
		else if (text[i] == '"')
			in = !in;
	}
	return in;
}

/* The kind of value key[0..len) takes, when Tab can complete it. */
static bool
value_kind(const char *key, size_t len, char sep, enum query_words *kind)
{
	static const struct {
		const char *key;
		enum query_words kind;
	} keys[] = {
		{"is", QW_IS}, {"has", QW_HAS}, {"status", QW_STATUS},
		{"workplace", QW_WORKPLACE},
	};
	for (size_t i = 0; i < sizeof(keys) / sizeof(*keys); i++) {
		if (strlen(keys[i].key) != len ||
		    strncasecmp(key, keys[i].key, len))
			continue;
		/* status=applied is a term too; is=marked is not */
		if (sep == '=' && keys[i].kind != QW_STATUS)
			return false;
		*kind = keys[i].kind;
		return true;
	}
	return false;
}

size_t
query_complete(const char *text, size_t pos, size_t *start, char ***names,
               bool *whole)
{
	*names = NULL;
	*whole = false;
	size_t len = strlen(text);
	if (pos > len)
		pos = len;
	*start = pos;
	if (in_phrase(text, pos))
		return 0;
	size_t a = pos;
	while (a > 0 && !strchr(" \t()|\"", text[a - 1]))
		a--;
	while (a < pos && text[a] == '-') /* a negation */
		a++;
	*start = a;
	const char *w = text + a;
	size_t wlen = pos - a;
	struct found f = {0};
	size_t sep = strcspn(w, ":=<>");
	if (sep >= wlen) {
		/* a name: the fields (and is, has, status) take ':', the
		 * others an operator */
		offer(&f, QW_FIELD, w, wlen, "", 0, ":");
		offer(&f, QW_COMPARE, w, wlen, "", 0, NULL);
	} else {
		enum query_words kind;
		if ((w[sep] == ':' || w[sep] == '=') &&
		    value_kind(w, sep, w[sep], &kind)) {
			offer(&f, kind, w + sep + 1, wlen - sep - 1, w, sep + 1,
			      NULL);
			*whole = true;
		}
	}
	*names = f.v;
	return f.n;
}

void
query_complete_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
