/* SPDX-License-Identifier: MIT */
/* text_buf: growable strings (struct buf), memory that dies on
 * exhaustion (xmalloc..., die_nomem) and say(), the one-line message on
 * stderr; declared in text.h. */
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void (*die_hook)(void) = NULL;

/* Runs the hook, reports exhausted memory and exits with status 2. */
_Noreturn void
die_nomem(void)
{
	void (*hook)(void) = die_hook;
	die_hook = NULL; /* a hook that runs out of memory must not loop */
	if (hook)
		hook();
	fputs("billet: out of memory\n", stderr);
	exit(2);
}

/* ---- growable strings ---- */

/* Makes room for extra more bytes and the terminating NUL. */
void
buf_reserve(struct buf *b, size_t extra)
{
	if (extra >= SIZE_MAX - b->len)
		die_nomem();
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 32;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *s = realloc(b->s, cap);
	if (!s)
		die_nomem();
	b->s = s;
	b->cap = cap;
}

/* Appends len bytes of s. */
void
buf_add(struct buf *b, const char *s, size_t len)
{
	buf_reserve(b, len);
	if (len)
		memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = '\0';
}

/* Appends a NUL-terminated string. */
void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* Appends one byte. */
void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	buf_reserve(b, 0);
	size_t room = b->cap - b->len;
	int n = vsnprintf(b->s + b->len, room, fmt, ap);
	if (n < 0) {
		b->s[b->len] = '\0';
		va_end(again);
		return;
	}
	if ((size_t)n >= room) {
		buf_reserve(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	b->len += (size_t)n;
}

/* Appends printf-formatted text. */
void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* Empties the buffer, keeping its memory. */
void
buf_clear(struct buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

/* Releases the memory. */
void
buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/* Hands the string to the caller and leaves the buffer empty. */
char *
buf_steal(struct buf *b)
{
	if (!b->s)
		buf_reserve(b, 0);
	char *s = b->s;
	s[b->len] = '\0';
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

/* ---- memory ---- */

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_nomem();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die_nomem();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die_nomem();
	return p;
}

char *
xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void
say(const char *fmt, ...)
{
	va_list ap;
	struct buf raw = {0}, out = {0};
	va_start(ap, fmt);
	buf_vprintf(&raw, fmt, ap);
	va_end(ap);
	/* names of files and text from them may be in it: nothing raw */
	text_sanitize(&out, raw.s, raw.len, SAN_CARET_NL);
	fprintf(stderr, "billet: %s\n", out.s ? out.s : "");
	buf_free(&raw);
	buf_free(&out);
}
