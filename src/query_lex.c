/* SPDX-License-Identifier: MIT */
/* query_lex: reading the query text: words, separators, keywords, quoted
 * phrases, and the error message with its column. */
#include "query_int.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>


/* True if s[0..len) equals the lowercase word w, ignoring ASCII case. */
bool
query_word_is(const char *s, size_t len, const char *w)
{
	size_t i;
	for (i = 0; i < len && w[i]; i++)
		if (lower(s[i]) != w[i])
			return false;
	return i == len && !w[i];
}

static unsigned
column_of(const char *s, size_t off)
{
	unsigned col = 1;
	size_t i = 0;
	while (i < off) {
		uint32_t cp;
		i += text_decode(s + i, off - i, &cp);
		col++;
	}
	return col;
}

/* Writes s[0..len), cut to EXCERPT_MAX bytes at a character boundary and
 * made safe for a terminal, into out. */
void
query_excerpt(char *out, size_t outsz, const char *s, size_t len)
{
	bool cut = false;
	if (len > EXCERPT_MAX) {
		len = EXCERPT_MAX;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
		cut = true;
	}
	struct buf b = { 0 };
	text_sanitize(&b, s, len, 0);
	snprintf(out, outsz, "%s%s", b.s ? b.s : "", cut ? "…" : "");
	buf_free(&b);
}

/* Records the first error: fmt's text, " at column N" for offset at, and
 * then suffix when given. Returns -1 for the callers to pass on. */
__attribute__((format(printf, 4, 5)))
int32_t
query_fail(struct parser *ps, size_t at, const char *suffix, const char *fmt,
           ...)
{
	if (ps->failed)
		return -1;
	ps->failed = true;
	if (!ps->err)
		return -1;
	unsigned col = column_of(ps->s, at < ps->n ? at : ps->n);
	char what[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	ps->err->col = col;
	snprintf(ps->err->msg, sizeof(ps->err->msg), "%s at column %u%s%s",
	         what, col, suffix ? " " : "", suffix ? suffix : "");
	return -1;
}

void
query_skip_ws(struct parser *ps)
{
	while (ps->i < ps->n && is_space((unsigned char)ps->s[ps->i]))
		ps->i++;
}

static bool
is_sep(unsigned char c)
{
	return is_space(c) || c == '(' || c == ')' || c == '|' || c == '"';
}

size_t
query_word_end(const struct parser *ps, size_t i)
{
	while (i < ps->n && !is_sep((unsigned char)ps->s[i]))
		i++;
	return i;
}

/* True if the word at i is the keyword kw (any case). */
bool
query_at_keyword(const struct parser *ps, size_t i, const char *kw)
{
	size_t e = query_word_end(ps, i);
	return e > i && query_word_is(ps->s + i, e - i, kw);
}

/* True if a term can start at the read position. */
bool
query_starts_term(const struct parser *ps)
{
	size_t i = ps->i;
	if (i >= ps->n)
		return false;
	char c = ps->s[i];
	return c != ')' && c != '|' && !query_at_keyword(ps, i, "or") &&
	       !query_at_keyword(ps, i, "and");
}

/* Reads a quoted phrase at the read position ('"' there) into ps->tmp,
 * undoing \" and \\. */
bool
query_read_phrase(struct parser *ps)
{
	size_t open = ps->i++;
	buf_clear(&ps->tmp);
	buf_adds(&ps->tmp, "");
	while (ps->i < ps->n) {
		char c = ps->s[ps->i];
		if (c == '"') {
			ps->i++;
			return true;
		}
		if (c == '\\' && ps->i + 1 < ps->n &&
		    (ps->s[ps->i + 1] == '"' || ps->s[ps->i + 1] == '\\')) {
			ps->i++;
			c = ps->s[ps->i];
		}
		buf_addc(&ps->tmp, c);
		ps->i++;
	}
	query_fail(ps, open, NULL, "unclosed '\"'");
	return false;
}
