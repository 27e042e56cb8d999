/* SPDX-License-Identifier: MIT */
/* load/markdown: a Markdown body read by md4c's callbacks into blocks of
 * plain text (paragraphs, list items with their depth and number,
 * headings), each with its line in the file, within the load limits. */
#include "load/markdown.h"
#include "load/html.h"

#include <md4c.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

/* A list being read. */
struct mdlist {
	bool ordered;
	unsigned next;   /* the number of its next item */
	bool begun;      /* an item of it was read */
};

/* The lists deeper than this are counted, not kept. */
#define MAX_LISTS 64

/* The state of one read. */
struct mdread {
	struct lctx *x;
	const char *src;         /* the body */
	size_t len;
	const struct md_source *from; /* where it comes from */
	size_t at;               /* an offset of from->orig whose line is
	                          * known */
	unsigned at_line;
	const atomic_bool *cancel;
	unsigned ticks;          /* callbacks, to look at cancel now and then */
	struct body *out;

	struct buf cur;          /* the text of the block being read */
	bool open;               /* a block is being read */
	enum body_kind kind;     /* and what it is */
	unsigned level, depth, number, line;
	bool starts;             /* an item that starts a top-level list */
	bool all_bold;           /* no text of it outside bold or italics */
	size_t item_par;         /* paragraphs read into the open item */
	bool item;               /* the innermost list item is open */

	struct mdlist lists[MAX_LISTS];
	unsigned nlists;         /* lists open (only MAX_LISTS kept) */
	unsigned quotes;         /* block quotes open */
	unsigned emph;           /* bold and italic spans open */
	unsigned images;         /* images open: their text is left out */
	bool code_block;         /* in a code block */
	bool html_block;         /* in an HTML block: raw text gathered */
	unsigned html_depth;     /* the depth of the item it is in */
	unsigned cells;          /* cells of the table row so far */
	struct {
		size_t from;     /* where the link's text starts in cur */
		char *href;      /* malloc'd, or NULL */
	} links[8];
	unsigned nlinks;         /* links open (only 8 kept) */

	bool said_depth;
	bool depth_pending;      /* too deep: said at the next text */
	bool stop;               /* over max_nodes: the rest is left */
};

/* The file's line of byte off of the body, counted from the last offset
 * asked for (md4c's text comes in order: each line is counted once). */
static unsigned
line_of(struct mdread *m, size_t off)
{
	const char *o = m->from->orig;
	if (m->from->map)
		off = liquid_src(m->from->map, off);
	if (off > m->from->olen)
		off = m->from->olen;
	if (off >= m->at) {
		for (size_t i = m->at; i < off; i++)
			m->at_line += o[i] == '\n';
	} else {
		for (size_t i = off; i < m->at; i++)
			m->at_line -= o[i] == '\n';
	}
	m->at = off;
	return m->from->line0 + m->at_line;
}

/* Reports a problem of the body at line (column 1). */
static void
body_problem(struct mdread *m, unsigned line, bool error, const char *fmt,
             ...) __attribute__((format(printf, 4, 5)));

static void
body_problem(struct mdread *m, unsigned line, bool error, const char *fmt,
             ...)
{
	struct buf b = {0};
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(&b, fmt, ap);
	va_end(ap);
	catalog_problem(m->x->c, m->x->file, line, 1, error, "%s", b.s);
	buf_free(&b);
	if (error)
		m->out->errors = true;
}

/* Starts a block of kind k unless one is open. */
static void
block_start(struct mdread *m, enum body_kind k, unsigned level)
{
	if (m->open)
		return;
	m->open = true;
	m->kind = k;
	m->level = level;
	m->depth = m->number = m->line = 0;
	m->starts = false;
	m->all_bold = true;
	buf_clear(&m->cur);
}

/* Ends the open block: kept, trimmed, when it has text and the limits
 * allow. */
static void
block_end(struct mdread *m)
{
	if (!m->open)
		return;
	m->open = false;
	struct buf *c = &m->cur;
	size_t a = 0, e = c->len;
	while (a < e && (c->s[a] == ' ' || c->s[a] == '\n' || c->s[a] == '\t'))
		a++;
	while (e > a && (c->s[e - 1] == ' ' || c->s[e - 1] == '\n' ||
	                 c->s[e - 1] == '\t'))
		e--;
	unsigned line = m->line ? m->line : m->from->line0 + m->at_line;
	if (a == e || m->stop)
		return;
	if (e - a > m->x->lim->max_scalar) {
		body_problem(m, line, true, "a %s of %zu bytes exceeds the "
		             "limit of %zu (see --max-scalar); it is dropped",
		             m->kind == BODY_ITEM ? "list item"
		             : m->kind == BODY_HEADING ? "heading" : "paragraph",
		             e - a, m->x->lim->max_scalar);
		return;
	}
	struct body *b = m->out;
	if (b->n >= m->x->lim->max_nodes) {
		body_problem(m, line, true, "more than %zu blocks in the body; "
		             "the rest of it is dropped (see --max-nodes)",
		             m->x->lim->max_nodes);
		m->stop = true;
		return;
	}
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 32;
		b->v = xrealloc(b->v, b->cap * sizeof(*b->v));
	}
	b->v[b->n++] = (struct body_block){
		.kind = m->kind, .level = m->level, .depth = m->depth,
		.number = m->number, .line = line, .off = b->text.len,
		.bold = m->kind == BODY_PARA && m->all_bold,
		.starts = m->kind == BODY_ITEM && m->starts};
	buf_add(&b->text, c->s + a, e - a);
	buf_addc(&b->text, '\0');
}

/* Notes the line of the open block from text at p, when p is the
 * body's. */
static void
block_line(struct mdread *m, const char *p)
{
	if (!(p >= m->src && p < m->src + m->len))
		return;
	if (m->open && !m->line)
		m->line = line_of(m, (size_t)(p - m->src));
	if (m->depth_pending) {
		m->depth_pending = false;
		body_problem(m, line_of(m, (size_t)(p - m->src)), false,
		             "lists and quotes nested deeper than %zu levels "
		             "(see --max-depth); read at %d levels",
		             m->x->lim->max_depth, BODY_MAX_DEPTH);
	}
}

/* Appends text to the open block (a paragraph is opened for text that
 * has none, such as a table cell's). */
static void
add_text(struct mdread *m, const char *s, size_t len)
{
	if (!m->open)
		block_start(m, BODY_PARA, 0);
	block_line(m, s);
	if (!m->emph) {
		for (size_t i = 0; i < len && m->all_bold; i++)
			if (s[i] != ' ' && s[i] != '\n' && s[i] != ':')
				m->all_bold = false;
	}
	buf_add(&m->cur, s, len);
}

/* Appends the character of an entity. */
static void
add_entity(struct mdread *m, const char *s, size_t len)
{
	struct buf t = {0};
	html_entity(&t, s, len);
	add_text(m, t.s, t.len);
	buf_free(&t);
}

/* Appends what an inline tag stands for: <br> a line break; any other
 * tag (and a comment) nothing, the text it wraps coming as text. */
static void
add_tag(struct mdread *m, const char *s, size_t len)
{
	if (len >= 4 && s[0] == '<' && (s[1] | 0x20) == 'b' &&
	    (s[2] | 0x20) == 'r' && s[3] && strchr("/> \t\r\n", s[3]))
		add_text(m, "\n", 1);
}

/* Ends an HTML block: its blocks as libxml2's HTML parser gives them to
 * descriptions (html_blocks): paragraphs, list items with their depth
 * and number, headings with their level. In a list item its paragraphs
 * are items of the same list, its lists nested in them. */
static void
html_block_end(struct mdread *m)
{
	m->html_block = false;
	struct buf raw = m->cur, why = {0};
	struct prose p = {0};
	unsigned line = m->line;
	bool in_item = m->item;
	unsigned base = m->html_depth;
	m->cur = (struct buf){0};
	m->open = false;
	html_blocks_why(raw.s ? raw.s : "", raw.len, &p, &why);
	buf_free(&raw);
	if (why.len)
		body_problem(m, line, true, "libxml2 stopped reading this HTML: "
		             "%s; the rest of it is dropped", why.s);
	bool item_before = false;
	for (size_t k = 0; k < p.n; k++) {
		const struct prose_block *b = &p.v[k];
		bool item = b->kind == PROSE_ITEM;
		enum body_kind kind = item || in_item ? BODY_ITEM
		                      : b->kind == PROSE_HEADING ? BODY_HEADING
		                      : BODY_PARA;
		unsigned depth = item ? base + in_item + b->depth : base;
		block_start(m, kind, kind != BODY_HEADING ? 0
		                     : b->depth ? b->depth : PROSE_BOLD_HEADING);
		m->depth = depth < BODY_MAX_DEPTH ? depth : BODY_MAX_DEPTH - 1;
		m->number = item ? b->number : 0;
		m->starts = item && !in_item && !depth && !item_before;
		m->line = line;
		buf_adds(&m->cur, b->text);
		m->all_bold = false;
		block_end(m);
		item_before = item;
	}
	buf_free(&why);
	prose_free(&p);
}

/* A URL from an md4c attribute, its entities decoded (malloc'd). */
static char *
attr_text(const MD_ATTRIBUTE *a)
{
	struct buf b = {0};
	for (unsigned i = 0; a->substr_offsets && a->size &&
	                     a->substr_offsets[i] < a->size; i++) {
		const char *s = a->text + a->substr_offsets[i];
		size_t n = a->substr_offsets[i + 1] - a->substr_offsets[i];
		if (a->substr_types[i] == MD_TEXT_ENTITY)
			html_entity(&b, s, n);
		else if (a->substr_types[i] == MD_TEXT_NULLCHAR)
			buf_adds(&b, "\xef\xbf\xbd");
		else
			buf_add(&b, s, n);
	}
	buf_adds(&b, "");
	return buf_steal(&b);
}

/* Ends a link: its URL after its text, unless the text says it already
 * or it points within the page. */
static void
link_end(struct mdread *m)
{
	if (!m->nlinks--)
		return;
	if (m->nlinks >= 8)
		return;
	char *href = m->links[m->nlinks].href;
	size_t from = m->links[m->nlinks].from;
	if (href && *href && *href != '#' && m->open && from <= m->cur.len) {
		const char *t = m->cur.s ? m->cur.s + from : "";
		size_t tl = m->cur.len - from;
		const char *h = href;
		if (!strncmp(h, "mailto:", 7))
			h += 7;
		bool same = strlen(h) == tl && !memcmp(h, t, tl);
		if (!same && tl) {
			bool bold = m->all_bold;
			buf_adds(&m->cur, " (");
			buf_adds(&m->cur, href);
			buf_adds(&m->cur, ")");
			m->all_bold = bold;
		} else if (!tl) {
			buf_adds(&m->cur, href);
		}
	}
	free(href);
}

/* Starts a list item. */
static void
item_start(struct mdread *m)
{
	block_end(m);
	block_start(m, BODY_ITEM, 0);
	unsigned d = m->nlists ? m->nlists - 1 : 0;
	m->depth = d < BODY_MAX_DEPTH ? d : BODY_MAX_DEPTH - 1;
	if (m->nlists && m->nlists <= MAX_LISTS) {
		struct mdlist *l = &m->lists[m->nlists - 1];
		if (l->ordered)
			m->number = l->next++;
		m->starts = m->nlists == 1 && !l->begun;
		l->begun = true;
	}
	m->item = true;
	m->item_par = 0;
}

/* Notes once that the nesting is deeper than the limit: said where the
 * next text is. */
static void
check_depth(struct mdread *m)
{
	if (m->said_depth || m->nlists + m->quotes <= m->x->lim->max_depth)
		return;
	m->said_depth = m->depth_pending = true;
}

/* md4c: a block starts. */
static int
enter_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	struct mdread *m = ud;
	switch (type) {
	case MD_BLOCK_QUOTE:
		block_end(m);
		m->item = false;
		m->quotes++;
		check_depth(m);
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		block_end(m);
		m->item = false;
		if (m->nlists < MAX_LISTS)
			m->lists[m->nlists] = (struct mdlist){
				.ordered = type == MD_BLOCK_OL,
				.next = type == MD_BLOCK_OL
				        ? ((MD_BLOCK_OL_DETAIL *)detail)->start
				        : 0};
		m->nlists++;
		check_depth(m);
		break;
	case MD_BLOCK_LI:
		item_start(m);
		break;
	case MD_BLOCK_H:
		block_end(m);
		m->item = false;
		block_start(m, BODY_HEADING,
		            ((MD_BLOCK_H_DETAIL *)detail)->level);
		break;
	case MD_BLOCK_P:
	case MD_BLOCK_CODE:
		m->code_block = type == MD_BLOCK_CODE;
		if (m->item && m->open) {
			/* a further paragraph of the item: a line of it */
			if (m->item_par++ && m->cur.len)
				buf_addc(&m->cur, '\n');
		} else {
			block_end(m);
			m->item = false;
			block_start(m, BODY_PARA, 0);
		}
		break;
	case MD_BLOCK_HTML:
		/* in an item, its lines are items of the same list */
		m->html_depth = m->item ? m->depth : 0;
		block_end(m);
		m->html_block = true;
		block_start(m, BODY_PARA, 0);
		break;
	case MD_BLOCK_TR:
		block_end(m);
		m->item = false;
		block_start(m, BODY_PARA, 0);
		m->cells = 0;
		break;
	case MD_BLOCK_TH:
	case MD_BLOCK_TD:
		if (m->cells++)
			buf_adds(&m->cur, " | ");
		break;
	case MD_BLOCK_HR:
	case MD_BLOCK_TABLE:
		block_end(m);
		m->item = false;
		break;
	default:
		break;
	}
	return m->stop;
}

/* md4c: a block ends. */
static int
leave_block(MD_BLOCKTYPE type, void *detail, void *ud)
{
	struct mdread *m = ud;
	(void)detail;
	switch (type) {
	case MD_BLOCK_QUOTE:
		block_end(m);
		m->quotes--;
		break;
	case MD_BLOCK_UL:
	case MD_BLOCK_OL:
		block_end(m);
		m->item = false;
		m->nlists--;
		break;
	case MD_BLOCK_LI:
		block_end(m);
		m->item = false;
		break;
	case MD_BLOCK_P:
	case MD_BLOCK_CODE:
		m->code_block = false;
		if (!m->item)
			block_end(m);
		break;
	case MD_BLOCK_HTML:
		html_block_end(m);
		break;
	case MD_BLOCK_H:
	case MD_BLOCK_TR:
		block_end(m);
		break;
	default:
		break;
	}
	return m->stop;
}

/* md4c: a span starts. */
static int
enter_span(MD_SPANTYPE type, void *detail, void *ud)
{
	struct mdread *m = ud;
	switch (type) {
	case MD_SPAN_EM:
	case MD_SPAN_STRONG:
		m->emph++;
		break;
	case MD_SPAN_IMG:
		m->images++;
		break;
	case MD_SPAN_A:
		if (m->nlinks < 8) {
			m->links[m->nlinks].from = m->cur.len;
			m->links[m->nlinks].href =
				attr_text(&((MD_SPAN_A_DETAIL *)detail)->href);
		}
		m->nlinks++;
		break;
	default:
		break;
	}
	return m->stop;
}

/* md4c: a span ends. */
static int
leave_span(MD_SPANTYPE type, void *detail, void *ud)
{
	struct mdread *m = ud;
	(void)detail;
	switch (type) {
	case MD_SPAN_EM:
	case MD_SPAN_STRONG:
		m->emph--;
		break;
	case MD_SPAN_IMG:
		m->images--;
		break;
	case MD_SPAN_A:
		if (!m->images)
			link_end(m);
		else if (m->nlinks-- <= 8)
			free(m->links[m->nlinks].href);
		break;
	default:
		break;
	}
	return m->stop;
}

/* md4c: text. */
static int
text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE size, void *ud)
{
	struct mdread *m = ud;
	if ((++m->ticks & 1023) == 0 &&
	    atomic_load_explicit(m->cancel, memory_order_relaxed))
		return 1;
	if (m->images)
		return 0;
	if (m->html_block) {
		block_line(m, s);
		buf_add(&m->cur, s, size);
		return 0;
	}
	switch (type) {
	case MD_TEXT_NULLCHAR:
		add_text(m, "\xef\xbf\xbd", 3);
		break;
	case MD_TEXT_BR:
		add_text(m, "\n", 1);
		break;
	case MD_TEXT_SOFTBR:
		add_text(m, " ", 1);
		break;
	case MD_TEXT_ENTITY:
		block_line(m, s);
		add_entity(m, s, size);
		break;
	case MD_TEXT_HTML:
		block_line(m, s);
		add_tag(m, s, size);
		break;
	case MD_TEXT_CODE:
		if (m->code_block && size == 1 && *s == '\n')
			add_text(m, " ", 1);
		else
			add_text(m, s, size);
		break;
	default:
		add_text(m, s, size);
		break;
	}
	return 0;
}

void
markdown_read(struct lctx *x, const struct md_source *src,
              const atomic_bool *cancel, struct body *out)
{
	struct mdread m = {.x = x, .src = src->s, .len = src->len,
	                   .from = src, .cancel = cancel, .out = out};
	if (src->html) {
		/* an HTML file's body: one HTML block */
		m.html_block = true;
		block_start(&m, BODY_PARA, 0);
		m.line = src->line0;
		buf_add(&m.cur, src->s, src->len);
		html_block_end(&m);
		buf_free(&m.cur);
		return;
	}
	MD_PARSER p = {
		.abi_version = 0,
		.flags = MD_DIALECT_GITHUB,
		.enter_block = enter_block,
		.leave_block = leave_block,
		.enter_span = enter_span,
		.leave_span = leave_span,
		.text = text,
	};
	/* md4c reads at most 4 GiB (MD_SIZE); files are smaller (max_file) */
	int rc = md_parse(src->s, (MD_SIZE)src->len, &p, &m);
	if (rc < 0)
		die_nomem();
	block_end(&m);
	if (m.depth_pending) /* and no text after it */
		body_problem(&m, src->line0 + m.at_line, false, "lists and "
		             "quotes nested deeper than %zu levels (see "
		             "--max-depth); read at %d levels",
		             x->lim->max_depth, BODY_MAX_DEPTH);
	while (m.nlinks) {
		if (--m.nlinks < 8)
			free(m.links[m.nlinks].href);
	}
	buf_free(&m.cur);
}

void
body_free(struct body *b)
{
	free(b->v);
	buf_free(&b->text);
	*b = (struct body){0};
}
