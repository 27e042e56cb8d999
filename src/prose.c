/* SPDX-License-Identifier: MIT */
/* prose: the light form of a posting's text (paragraphs, list items)
 * read into blocks and written back. */
#include "prose.h"

#include <stdlib.h>
#include <string.h>

/* Bullets a list item may start with (each followed by a space). */
static const char *const bullets[] = {
	"-", "*", "\xE2\x80\xA2" /* • */, "\xC2\xB7" /* · */,
	"\xE2\x97\x8F" /* ● */, "\xE2\x96\xAA" /* ▪ */, "\xE2\x97\xA6" /* ◦ */,
	"\xE2\x96\xA0" /* ■ */, "\xE2\x80\x93" /* – */,
};

size_t
prose_marker(const char *s, size_t len, unsigned *number)
{
	*number = 0;
	for (size_t i = 0; i < sizeof(bullets) / sizeof(*bullets); i++) {
		size_t bl = strlen(bullets[i]);
		if (len > bl && !memcmp(s, bullets[i], bl) &&
		    (s[bl] == ' ' || s[bl] == '\t'))
			return bl + 1;
	}
	size_t d = 0;
	unsigned n = 0;
	while (d < len && d < 4 && s[d] >= '0' && s[d] <= '9')
		n = n * 10 + (unsigned)(s[d++] - '0');
	if (d == 0 || d == 4 || d + 1 >= len || (s[d] != '.' && s[d] != ')') ||
	    (s[d + 1] != ' ' && s[d + 1] != '\t'))
		return 0;
	*number = n ? n : 1;
	return d + 2;
}

/* True for the white space trimmed around blocks. */
static bool
blank_char(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

void
prose_add(struct prose *p, enum prose_kind kind, unsigned depth,
          unsigned number, const char *s, size_t len)
{
	len = strnlen(s, len); /* (a NUL would end the text anyway) */
	while (len && blank_char(*s)) {
		s++;
		len--;
	}
	while (len && blank_char(s[len - 1]))
		len--;
	if (!len)
		return;
	if (p->n == p->cap) {
		p->cap = p->cap ? p->cap * 2 : 16;
		p->v = xrealloc(p->v, p->cap * sizeof(*p->v));
	}
	p->v[p->n++] = (struct prose_block){
		.kind = kind,
		.depth = depth > PROSE_MAX_DEPTH ? PROSE_MAX_DEPTH : depth,
		.number = kind == PROSE_ITEM ? number : 0,
		.text = xstrndup(s, len)};
}

/* The block being read by prose_read. */
struct reading {
	struct buf text;
	enum prose_kind kind;
	bool open;
	unsigned depth, number;
	size_t indent;          /* an item's marker column */
	size_t stack[PROSE_MAX_DEPTH + 1]; /* the markers' columns of the
	                                    * items it is nested in */
	size_t nstack;
};

/* Ends the block being read. */
static void
reading_end(struct reading *r, struct prose *out)
{
	if (r->open)
		prose_add(out, r->kind, r->depth, r->number,
		          r->text.s ? r->text.s : "", r->text.len);
	buf_clear(&r->text);
	r->open = false;
}

void
prose_read(const char *s, size_t len, struct prose *out)
{
	struct reading r = {0};
	size_t i = 0;
	while (i < len) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t end = nl ? (size_t)(nl - s) : len;
		size_t k = i, indent = 0;
		while (k < end && (s[k] == ' ' || s[k] == '\t')) {
			indent += s[k] == '\t' ? 2 : 1;
			k++;
		}
		size_t e = end;
		while (e > k && blank_char(s[e - 1]))
			e--;
		unsigned number;
		size_t m = k < e ? prose_marker(s + k, e - k, &number) : 0;
		if (k == e) {
			reading_end(&r, out); /* a blank line */
		} else if (m) {
			reading_end(&r, out);
			while (r.nstack && r.stack[r.nstack - 1] >= indent)
				r.nstack--;
			r.depth = (unsigned)r.nstack;
			if (r.nstack <= PROSE_MAX_DEPTH)
				r.stack[r.nstack++] = indent;
			r.kind = PROSE_ITEM;
			r.number = number;
			r.indent = indent;
			r.open = true;
			buf_add(&r.text, s + k + m, e - k - m);
		} else if (r.open && r.kind == PROSE_ITEM && indent > r.indent) {
			buf_addc(&r.text, '\n'); /* a line of the item */
			buf_add(&r.text, s + k, e - k);
		} else if (r.open && r.kind == PROSE_PARA) {
			buf_addc(&r.text, ' ');
			buf_add(&r.text, s + k, e - k);
		} else {
			reading_end(&r, out);
			r.nstack = 0; /* the list ends */
			r.kind = PROSE_PARA;
			r.depth = r.number = 0;
			r.open = true;
			buf_add(&r.text, s + k, e - k);
		}
		i = end + 1;
	}
	reading_end(&r, out);
	buf_free(&r.text);
}

/* Appends n spaces. */
static void
spaces(struct buf *out, size_t n)
{
	while (n--)
		buf_addc(out, ' ');
}

void
prose_write(struct buf *out, const struct prose *p, size_t from, size_t to)
{
	for (size_t i = from; i < to && i < p->n; i++) {
		const struct prose_block *b = &p->v[i];
		if (i > from)
			buf_adds(out, b->kind == PROSE_ITEM &&
			              p->v[i - 1].kind == PROSE_ITEM ? "\n"
			                                             : "\n\n");
		if (b->kind != PROSE_ITEM) {
			buf_adds(out, b->text);
			continue;
		}
		spaces(out, 2 * b->depth);
		if (b->number)
			buf_printf(out, "%u. ", b->number);
		else
			buf_adds(out, "- ");
		for (const char *q = b->text; *q; q++) {
			buf_addc(out, *q);
			if (*q == '\n')
				spaces(out, 2 * b->depth + 2);
		}
	}
	if (!out->s)
		buf_adds(out, "");
}

void
prose_flatten(struct prose *p)
{
	size_t k = 0;
	unsigned top = 0;    /* the depth the last item kept was at */
	bool joined = false; /* items were joined to it */
	for (size_t i = 0; i < p->n; i++) {
		struct prose_block *b = &p->v[i];
		for (char *q = b->text; *q; q++)
			if (*q == '\n')
				*q = ' ';
		struct prose_block *up = k ? &p->v[k - 1] : NULL;
		if (b->kind != PROSE_ITEM || !up || up->kind != PROSE_ITEM ||
		    b->depth <= top) {
			top = b->depth;
			joined = false;
			b->depth = 0;
			p->v[k++] = *b;
			continue;
		}
		/* nested in the item above: joined to it */
		struct buf t = {0};
		buf_adds(&t, up->text);
		size_t ul = strlen(up->text);
		char last = ul ? up->text[ul - 1] : ' ';
		if (joined)
			buf_adds(&t, "; ");
		else
			buf_adds(&t, strchr(":.!?", last) ? " " : ": ");
		buf_adds(&t, b->text);
		free(up->text);
		free(b->text);
		up->text = buf_steal(&t);
		joined = true;
	}
	p->n = k;
}

void
prose_free(struct prose *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i].text);
	free(p->v);
	*p = (struct prose){0};
}
