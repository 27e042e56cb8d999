/* SPDX-License-Identifier: MIT */
/* text_wrap: sanitised text broken into lines of a width (text_wrap), and
 * cut or padded to a width with an ellipsis (text_fit), by columns and
 * between clusters, never inside one; declared in text.h. */
#include "text.h"

#include <stdlib.h>
#include <string.h>

#define ELLIPSIS_UTF8 "\xE2\x80\xA6"

/* Bytes of the cluster at s[i] (one code point and the zero-width ones
 * after it) and, in *width, its columns. */
static size_t
cluster(const char *s, size_t len, size_t i, int *width)
{
	uint32_t cp;
	size_t j = i + text_decode(s + i, len - i, &cp);
	*width = text_cp_width(cp);
	while (j < len && (unsigned char)s[j] >= 0x80) {
		size_t n = text_decode(s + j, len - j, &cp);
		if (text_cp_width(cp) != 0)
			break;
		j += n;
	}
	return j - i;
}

/* True if s[i] is a space a line may break at (one not carrying a
 * combining mark). */
static bool
break_space(const char *s, size_t len, size_t i)
{
	if (s[i] != ' ')
		return false;
	if (i + 1 >= len || (unsigned char)s[i + 1] < 0x80)
		return true;
	uint32_t cp;
	text_decode(s + i + 1, len - i - 1, &cp);
	return text_cp_width(cp) != 0;
}

/* Appends one line to the caller's array. */
static void
push_line(struct wrap_line **lines, size_t *n, size_t *cap, size_t off,
          size_t len, int width)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap : 16;
		if (c > SIZE_MAX / 2 / sizeof(**lines))
			die_nomem();
		c *= 2;
		struct wrap_line *l = realloc(*lines, c * sizeof(*l));
		if (!l)
			die_nomem();
		*lines = l;
		*cap = c;
	}
	(*lines)[(*n)++] = (struct wrap_line){ .off = off, .len = len,
	                                       .width = width };
}

/* Wraps one paragraph s[p..q) (no newline inside; an empty or all-space
 * one gives one empty line); returns the lines added. */
static size_t
wrap_paragraph(const char *s, size_t p, size_t q, int width,
               struct wrap_line **lines, size_t *n, size_t *cap)
{
	size_t added = 0, pos = p;
	for (bool first = true;; first = false) {
		/* The spaces at a break are dropped; a first line keeps its
		 * indentation, which counts as part of its first word. */
		if (!first) {
			while (pos < q && break_space(s, q, pos))
				pos++;
			if (pos >= q)
				break;
		}
		size_t start = pos, end = pos;
		int w = 0;
		for (;;) {
			size_t i = pos;
			int sw = 0, ww = 0; /* columns of the spaces, of the word */
			for (; i < q && break_space(s, q, i); i++)
				if (sw <= width) /* enough to know; no overflow */
					sw++;
			if (i >= q) { /* trailing spaces */
				pos = q;
				break;
			}
			/* Measure the word, but only as far as the line. */
			while (i < q && !break_space(s, q, i) &&
			       w + sw + ww <= width) {
				int cw;
				i += cluster(s, q, i, &cw);
				ww += cw;
			}
			if (w + sw + ww <= width) {
				w += sw + ww;
				end = pos = i;
				continue;
			}
			if (end > start) { /* the word goes to the next line */
				pos = end;
				break;
			}
			/* A word longer than a line: cut it between clusters,
			 * keeping at least one so that the text moves on. */
			size_t cut = start;
			while (cut < i) {
				int cw;
				size_t k = cluster(s, q, cut, &cw);
				if (cut > start && w + cw > width)
					break;
				w += cw;
				cut += k;
			}
			end = pos = cut;
			break;
		}
		push_line(lines, n, cap, start, end - start, w);
		added++;
		if (pos >= q)
			break;
	}
	return added;
}

/* Breaks text into lines of at most width columns. An empty text gives no
 * line, a final '\n' ends the last line without starting another, and a
 * single character wider than the line (a wide one at width 1) gets a line
 * of its own, the one case where a line is wider than width. */
size_t
text_wrap(const char *s, size_t len, int width, struct wrap_line **lines,
          size_t *n, size_t *cap)
{
	if (width < 1)
		width = 1;
	size_t added = 0, p = 0;
	while (p < len) {
		const char *nl = memchr(s + p, '\n', len - p);
		size_t q = nl ? (size_t)(nl - s) : len;
		added += wrap_paragraph(s, p, q, width, lines, n, cap);
		if (!nl)
			break;
		p = q + 1;
	}
	return added;
}

/* Appends n spaces. */
static void
add_spaces(struct buf *out, size_t n)
{
	static const char spaces[] = "                                ";
	while (n > 0) {
		size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;
		buf_add(out, spaces, k);
		n -= k;
	}
}

/* Appends s cut or padded to width columns. */
void
text_fit(struct buf *out, const char *s, size_t len, int width, bool pad)
{
	if (width <= 0)
		return;
	size_t total = text_width(s, len);
	if (total <= (size_t)width) {
		buf_add(out, s, len);
		if (pad)
			add_spaces(out, (size_t)width - total);
		return;
	}
	size_t i = 0;
	int w = 0;
	while (i < len) {
		int cw;
		size_t k = cluster(s, len, i, &cw);
		if (w + cw > width - 1) /* keep a column for the ellipsis */
			break;
		w += cw;
		i += k;
	}
	buf_add(out, s, i);
	buf_add(out, ELLIPSIS_UTF8, 3);
	if (pad)
		add_spaces(out, (size_t)(width - w - 1));
}
