/* SPDX-License-Identifier: MIT */
/* text: UTF-8 decoding, display width, sanitising (text.c), wrapping
 * (text_wrap.c), case folding (text_fold.c), growable strings and memory
 * (text_buf.c). */
#ifndef BILLET_TEXT_H
#define BILLET_TEXT_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* A growable byte string, always NUL-terminated once anything was added.
 * Owned by whoever declared it; release with buf_free. */
struct buf {
	char *s;    /* the bytes, or NULL while empty */
	size_t len; /* bytes used, not counting the NUL */
	size_t cap; /* bytes allocated */
};

/* Makes room for extra more bytes and the terminating NUL; aborts
 * through die_nomem on exhaustion. */
void buf_reserve(struct buf *b, size_t extra);
/* Appends len bytes; aborts through die_nomem on exhaustion. */
void buf_add(struct buf *b, const char *s, size_t len);
/* Appends a NUL-terminated string. */
void buf_adds(struct buf *b, const char *s);
/* Appends one byte. */
void buf_addc(struct buf *b, char c);
/* Appends printf-formatted text. */
void buf_printf(struct buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* The same with a va_list (ap is used up). */
void buf_vprintf(struct buf *b, const char *fmt, va_list ap)
	__attribute__((format(printf, 2, 0)));
/* Empties the buffer, keeping its memory. */
void buf_clear(struct buf *b);
/* Releases the memory. */
void buf_free(struct buf *b);
/* Gives up the string to the caller (malloc'd; "" when empty). */
char *buf_steal(struct buf *b);

/* Decodes one code point at s (len > 0 bytes available) into *cp and returns
 * the bytes it used (1-4). A bad, overlong, surrogate or truncated sequence
 * yields U+FFFD and consumes exactly one byte. */
size_t text_decode(const char *s, size_t len, uint32_t *cp);
/* Encodes cp as UTF-8 into out (4 bytes room); returns the byte count. */
size_t text_encode(uint32_t cp, char *out);
/* True if s[0..len) is valid UTF-8 (no overlongs, surrogates, > U+10FFFF). */
bool text_valid(const char *s, size_t len);

/* Display columns of one code point: 0 for combining marks and zero-width
 * characters, 2 for wide and fullwidth (CJK, most emoji), else 1. Controls
 * count as the width of their visible form (see text_sanitize). */
int text_cp_width(uint32_t cp);
/* Display columns of already-sanitised UTF-8 text (no newlines expected). */
size_t text_width(const char *s, size_t len);

/* Flags for text_sanitize. */
enum {
	SAN_KEEP_NL = 1,  /* keep '\n' (otherwise shown as a space) */
	SAN_KEEP_TAB = 2, /* keep '\t' (otherwise shown as a space) */
	SAN_CARET_NL = 4, /* show '\n' and '\t' as ^J and ^I, like the other
	                     C0 controls (a file name, a one-line message),
	                     unless kept */
};
/* Appends s[0..len) to out with everything a terminal would obey made
 * visible: C0 controls as ^X (ESC as ^[, DEL as ^?), C1 controls as \u0085
 * style, bidirectional embeddings/overrides/isolates (U+202A-U+202E,
 * U+2066-U+2069) and U+200E/U+200F as \u202E style, '\r' as ^M and '\b'
 * as ^H, bad UTF-8 bytes as U+FFFD. Newline and tab follow flags. */
void text_sanitize(struct buf *out, const char *s, size_t len, int flags);
/* True if text_sanitize would change nothing (fast path for plain text). */
bool text_is_clean(const char *s, size_t len, int flags);

/* One line produced by text_wrap: a slice of the input. */
struct wrap_line {
	size_t off;  /* byte offset in the wrapped text */
	size_t len;  /* bytes, without the break's spaces */
	int width;   /* display columns */
};

/* Breaks sanitised text into lines of at most width columns (width >= 1):
 * at spaces where it can, inside a word (never inside a UTF-8 sequence or
 * before a combining mark) where a word is longer than the line. '\n'
 * forces a break; a blank line yields an empty line. Appends to *lines
 * (realloc'd, count in *n, capacity in *cap); returns the lines added. */
size_t text_wrap(const char *s, size_t len, int width,
                 struct wrap_line **lines, size_t *n, size_t *cap);

/* Appends s cut to at most width columns, ending in "…" when cut, padded
 * with spaces to exactly width columns when pad is set. s is sanitised. */
void text_fit(struct buf *out, const char *s, size_t len, int width, bool pad);

/* Appends the case-folded form of UTF-8 text: simple lowercase mapping of
 * every code point (towlower under a UTF-8 locale, with a built-in table
 * for Latin-1, Latin Extended-A, Greek and Cyrillic so the result does not
 * depend on the locale), bad bytes as U+FFFD. */
void text_fold(struct buf *out, const char *s, size_t len);
/* Folds one code point as text_fold does. */
uint32_t text_fold_cp(uint32_t cp);

/* The first occurrence of n[0..nl) in h[0..hl) (nl > 0), or NULL: memchr
 * for the first byte, then memcmp (memmem is a GNU extension). */
const char *text_find(const char *h, size_t hl, const char *n, size_t nl);

/* malloc, calloc, realloc and strdup that call die_nomem on failure (a
 * zero size asks for one byte). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
char *xstrdup(const char *s);
/* A copy of len bytes of s with a NUL after them. */
char *xstrndup(const char *s, size_t len);
/* Prints a message to stderr, prefixed "billet: ", with a line break. */
void say(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Reports that memory ran out and exits (restores the terminal first when
 * a hook is set). */
_Noreturn void die_nomem(void);
/* A function run by die_nomem and die before exiting (the UI sets it). */
extern void (*die_hook)(void);

#endif
