/* SPDX-License-Identifier: MIT */
/* load/html: HTML read with libxml2's HTML parser, and the structure of
 * an HTML text (a schema.org description, a page's microdata property)
 * in the light form: paragraphs, list items, headings; links kept as
 * "text (URL)", scripts and styles left out. */
#include "load/html.h"

#include <libxml/parserInternals.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Costly tags ----------------------------------------------------------- */

/* What the attributes of a text's tags may cost libxml2 at most, in
 * comparisons of one attribute with another: about a tenth of a second.
 * A tag of 2,900 attributes reaches it; real pages have tens. */
#define ATTR_COST_MAX ((size_t)1 << 22)

/* True for the white space between attributes. */
static bool
tag_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

size_t
html_costly_tag(const char *s, size_t len)
{
	size_t cost = 0;
	for (size_t i = 0; i + 1 < len; i++) {
		if (s[i] != '<' || !((s[i + 1] | 0x20) >= 'a' &&
		                     (s[i + 1] | 0x20) <= 'z'))
			continue;
		size_t start = i, k = i + 1, attrs = 0;
		while (k < len && !tag_space(s[k]) && s[k] != '>')
			k++;
		/* the attributes as the parser reads them: a name, then
		 * perhaps '=' and a value, quoted or not */
		for (;;) {
			while (k < len && tag_space(s[k]))
				k++;
			if (k >= len || s[k] == '>')
				break;
			size_t name = k;
			while (k < len && !tag_space(s[k]) && s[k] != '=' &&
			       s[k] != '>')
				k++;
			attrs += k > name;
			while (k < len && tag_space(s[k]))
				k++;
			if (k < len && s[k] == '=') {
				k++;
				while (k < len && tag_space(s[k]))
					k++;
				if (k < len && (s[k] == '"' || s[k] == '\'')) {
					const char *q = memchr(s + k + 1, s[k],
					                       len - k - 1);
					k = q ? (size_t)(q - s) + 1 : len;
				} else {
					while (k < len && !tag_space(s[k]) &&
					       s[k] != '>')
						k++;
				}
			} else if (k == name) {
				k++; /* a stray '=' */
			}
		}
		if (attrs > 1) {
			cost += attrs * (attrs - 1) / 2;
			if (cost > ATTR_COST_MAX)
				return start;
		}
		i = k > i ? k - 1 : i;
	}
	return len;
}

/* Parsing ------------------------------------------------------------- */

htmlDocPtr
html_parse_fragment(const char *s, size_t len, struct buf *why)
{
	/* after a <body>: libxml2 drops the '<'s that start a document
	 * when no element follows them */
	static const char body[] = "<body>";
	size_t bl = sizeof(body) - 1;
	if (len > INT_MAX - bl || html_costly_tag(s, len) < len)
		return NULL;
	char *t = xmalloc(len + bl);
	memcpy(t, body, bl);
	memcpy(t + bl, s, len);
	xmlInitParser();
	htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(t, (int)(len + bl));
	if (!ctxt)
		die_nomem();
	htmlCtxtUseOptions(ctxt, HTML_OPTIONS);
	xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler("UTF-8");
	if (h)
		xmlSwitchToEncoding(ctxt, h);
	htmlParseDocument(ctxt);
	htmlDocPtr d = ctxt->myDoc;
	ctxt->myDoc = NULL;
	if (why && ctxt->disableSAX) {
		/* libxml2 stopped by itself: nesting over 256 levels, a text
		 * over 10 MB */
		const char *m = ctxt->lastError.message
			? ctxt->lastError.message : "an error";
		buf_add(why, m, strcspn(m, "\n"));
	}
	if (d && ctxt->dictNames && d->dict == ctxt->dict)
		ctxt->dict = NULL; /* the document's now (as htmlDoRead) */
	htmlFreeParserCtxt(ctxt);
	free(t);
	return d;
}

bool
html_is(const xmlNode *n, const char *name)
{
	return n && n->type == XML_ELEMENT_NODE && n->name &&
	       !strcasecmp((const char *)n->name, name);
}

char *
html_attr(const xmlNode *n, const char *name)
{
	if (!n || n->type != XML_ELEMENT_NODE)
		return NULL;
	for (const xmlAttr *a = n->properties; a; a = a->next) {
		if (!a->name || strcasecmp((const char *)a->name, name))
			continue;
		xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);
		const char *s = v ? (const char *)v : "";
		size_t len = strlen(s);
		while (len && tag_space(*s)) {
			s++;
			len--;
		}
		while (len && tag_space(s[len - 1]))
			len--;
		char *out = xstrndup(s, len);
		xmlFree(v);
		return out;
	}
	return NULL;
}

/* Walking a tree into blocks ---------------------------------------------- */

/* Elements whose content is not text a reader sees. */
static const char *const dropped[] = {
	"script", "style", "noscript", "template", "svg", "math", "head",
	"title", "iframe", "object", "embed", "canvas", "audio", "video",
	"select", "textarea", "button", "input", "map",
};

/* Elements that start and end a block of text. */
static const char *const blocks[] = {
	"p", "div", "section", "article", "header", "footer", "main", "aside",
	"nav", "blockquote", "figure", "figcaption", "address", "center",
	"form", "fieldset", "legend", "details", "summary", "dl", "dt", "dd",
	"table", "caption", "thead", "tbody", "tfoot", "tr", "pre", "hr",
	"body", "html", "menu", "dir", "hgroup", "ul", "ol", "li",
	"h1", "h2", "h3", "h4", "h5", "h6",
};

/* True if n's name is one of the n words. */
static bool
named(const xmlNode *n, const char *const *words, size_t count)
{
	for (size_t i = 0; i < count; i++)
		if (html_is(n, words[i]))
			return true;
	return false;
}

/* A line of the block being gathered. */
struct line {
	struct buf text;
	size_t bold, plain; /* its visible characters in bold, and not */
};

/* The state of a walk. */
struct walk {
	struct prose *out;
	struct line *lines;   /* the block being gathered, line by line */
	size_t nlines, cap;   /* lines used (the last one is open) */
	unsigned bold;        /* <b> and <strong> open */
	bool pre;             /* inside <pre> */
	unsigned heading;     /* inside <h1>-<h6>: its level, else 0 */
	int item;             /* the depth of the <li> being gathered, or -1 */
	unsigned item_number; /* its number, or 0 */
	unsigned lists;       /* lists open */
	unsigned next[PROSE_MAX_DEPTH + 1]; /* their next numbers, 0 for a
	                                     * list of bullets */
	unsigned cells;       /* cells of the table row so far */
	size_t blocks;        /* blocks ended so far (flush) */
};

/* The open line. */
static struct line *
cur_line(struct walk *w)
{
	if (!w->nlines) {
		if (!w->cap) {
			w->cap = 4;
			w->lines = xcalloc(w->cap, sizeof(*w->lines));
		}
		w->lines[0] = (struct line){0};
		w->nlines = 1;
	}
	return &w->lines[w->nlines - 1];
}

/* Starts a new line in the block (a <br>). */
static void
new_line(struct walk *w)
{
	cur_line(w);
	if (w->nlines == w->cap) {
		w->cap *= 2;
		w->lines = xrealloc(w->lines, w->cap * sizeof(*w->lines));
	}
	w->lines[w->nlines++] = (struct line){0};
}

/* Appends text to the open line, its white space (and no-break spaces)
 * collapsed to single spaces, none at the line's start. */
static void
add_text(struct walk *w, const char *s, size_t len)
{
	struct line *l = cur_line(w);
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		bool nbsp = c == 0xC2 && i + 1 < len &&
		            (unsigned char)s[i + 1] == 0xA0;
		if (c == '\n' && w->pre) {
			new_line(w);
			l = cur_line(w);
		} else if (tag_space((char)c) || nbsp) {
			i += nbsp;
			if (l->text.len && l->text.s[l->text.len - 1] != ' ')
				buf_addc(&l->text, ' ');
		} else {
			buf_addc(&l->text, (char)c);
			/* letters and digits: a ':' after a bold heading
			 * leaves it one */
			bool word = (c | 0x20) >= 'a' && (c | 0x20) <= 'z';
			word = word || (c >= '0' && c <= '9') || c >= 0xC0;
			if (word && w->bold)
				l->bold++;
			else if (word)
				l->plain++;
		}
	}
}

/* The text of a line without the spaces around it, in *s. */
static size_t
line_trimmed(const struct line *l, const char **s)
{
	const char *t = l->text.s ? l->text.s : "";
	size_t len = l->text.len;
	while (len && *t == ' ') {
		t++;
		len--;
	}
	while (len && t[len - 1] == ' ')
		len--;
	*s = t;
	return len;
}

/* True when a line all in bold reads as a heading: it ends with ':', or
 * it is short, has a letter, is not a sentence and not "label: value". */
static bool
bold_heading(const struct line *l, const char *s, size_t len)
{
	if (!l->bold || l->plain || len > 120)
		return false;
	if (s[len - 1] == ':')
		return true;
	if (len > 60 || strchr(".!?;,", s[len - 1]))
		return false;
	size_t words = 1, letters = 0;
	for (size_t i = 0; i < len; i++) {
		words += s[i] == ' ';
		letters += ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z') ||
		           (unsigned char)s[i] >= 0xC0;
		if (s[i] == ':' && i + 1 < len)
			return false;
	}
	return letters && words <= 8;
}

/* Ends the block being gathered: a list item's lines are one item; else
 * each line is a paragraph, an item (it starts with a bullet or a
 * number) or a heading. */
static void
flush(struct walk *w)
{
	if (w->item >= 0) {
		struct buf b = {0};
		for (size_t i = 0; i < w->nlines; i++) {
			const char *t;
			size_t tl = line_trimmed(&w->lines[i], &t);
			if (!tl)
				continue;
			if (b.len)
				buf_addc(&b, '\n');
			buf_add(&b, t, tl);
		}
		if (b.len)
			prose_add(w->out, PROSE_ITEM, (unsigned)w->item,
			          w->item_number, b.s, b.len);
		buf_free(&b);
	} else {
		struct buf all = {0};
		for (size_t i = 0; i < w->nlines; i++) {
			const struct line *l = &w->lines[i];
			const char *s;
			size_t len = line_trimmed(l, &s);
			if (!len)
				continue;
			unsigned number;
			size_t m = prose_marker(s, len, &number);
			if (w->heading) {
				if (all.len)
					buf_addc(&all, ' ');
				buf_add(&all, s, len);
			} else if (m) {
				prose_add(w->out, PROSE_ITEM, w->lists, number,
				          s + m, len - m);
			} else {
				bool bold = bold_heading(l, s, len);
				prose_add(w->out, bold ? PROSE_HEADING
				                       : PROSE_PARA,
				          bold ? PROSE_BOLD_HEADING : 0, 0, s,
				          len);
			}
		}
		if (all.len)
			prose_add(w->out, PROSE_HEADING, w->heading, 0, all.s,
			          all.len);
		buf_free(&all);
	}
	for (size_t i = 0; i < w->nlines; i++)
		buf_free(&w->lines[i].text);
	w->nlines = 0;
	w->blocks++;
}

static void walk_children(struct walk *w, const xmlNode *n);

/* Appends a link's target after its text, unless the text says it; the
 * text started at byte from of line, when no block ended since blocks. */
static void
link_target(struct walk *w, const xmlNode *n, size_t line, size_t from,
            size_t blocks)
{
	char *href = html_attr(n, "href");
	if (!href || !href[0] || href[0] == '#' ||
	    !strncasecmp(href, "javascript:", 11)) {
		free(href);
		return;
	}
	const char *shown = href;
	if (!strncasecmp(href, "mailto:", 7) || !strncasecmp(href, "tel:", 4)) {
		shown = strchr(href, ':') + 1;
		char *q = strchr(shown, '?');
		if (q)
			*q = '\0';
	}
	/* the link's text: what was added since it started, on its line */
	const char *text = "";
	size_t tl = 0;
	if (w->blocks == blocks && w->nlines == line && line &&
	    w->lines[line - 1].text.len >= from) {
		struct buf *b = &w->lines[line - 1].text;
		text = b->s ? b->s + from : "";
		tl = b->len - from;
	}
	while (tl && *text == ' ') {
		text++;
		tl--;
	}
	while (tl && text[tl - 1] == ' ')
		tl--;
	const char *bare = shown;
	if (!strncasecmp(bare, "https://", 8))
		bare += 8;
	else if (!strncasecmp(bare, "http://", 7))
		bare += 7;
	size_t bl = strlen(bare);
	if (bl && bare[bl - 1] == '/' && (tl < bl || text[bl - 1] != '/'))
		bl--;
	bool same = (tl == strlen(shown) && !strncmp(text, shown, tl)) ||
	            (tl == bl && !strncasecmp(text, bare, tl));
	if (!same) {
		unsigned bold = w->bold;
		w->bold = 0; /* the target is not part of a bold heading */
		add_text(w, tl ? " (" : " ", tl ? 2 : 1);
		add_text(w, shown, strlen(shown));
		if (tl)
			add_text(w, ")", 1);
		w->bold = bold;
	}
	free(href);
}

/* Reads an element's number attribute (<ol start>, <li value>). */
static unsigned
number_attr(const xmlNode *n, const char *name, unsigned dflt)
{
	char *v = html_attr(n, name);
	if (!v)
		return dflt;
	char *end;
	long k = strtol(v, &end, 10);
	free(v);
	return end != v && k >= 0 && k < 100000 ? (unsigned)k : dflt;
}

/* Walks one element. */
static void
walk_element(struct walk *w, const xmlNode *n)
{
	if (named(n, dropped, sizeof(dropped) / sizeof(*dropped)))
		return;
	if (html_is(n, "br")) {
		new_line(w);
		return;
	}
	if (html_is(n, "b") || html_is(n, "strong")) {
		w->bold++;
		walk_children(w, n);
		w->bold--;
		return;
	}
	if (html_is(n, "a")) {
		struct line *l = cur_line(w);
		size_t line = w->nlines, from = l->text.len, blocks = w->blocks;
		walk_children(w, n);
		link_target(w, n, line, from, blocks);
		return;
	}
	if (html_is(n, "td") || html_is(n, "th")) {
		if (w->cells++)
			add_text(w, " | ", 3);
		walk_children(w, n);
		return;
	}
	if (!named(n, blocks, sizeof(blocks) / sizeof(*blocks))) {
		walk_children(w, n); /* inline, or unknown */
		return;
	}
	bool list = html_is(n, "ul") || html_is(n, "ol") ||
	            html_is(n, "menu") || html_is(n, "dir");
	if (w->item >= 0 && !list && !html_is(n, "li")) {
		/* a <p> or <div> inside an item: a line of it */
		new_line(w);
		walk_children(w, n);
		new_line(w);
		return;
	}
	flush(w);
	if (list) {
		int item = w->item;
		unsigned number = w->item_number;
		if (w->lists <= PROSE_MAX_DEPTH)
			w->next[w->lists] = html_is(n, "ol")
				? number_attr(n, "start", 1) : 0;
		w->lists++;
		w->item = -1;
		walk_children(w, n);
		flush(w);
		w->lists--;
		w->item = item;
		/* the rest of an item after its own list: another item */
		w->item_number = item >= 0 ? 0 : number;
		return;
	}
	if (html_is(n, "li")) {
		unsigned d = w->lists ? w->lists - 1 : 0;
		if (d > PROSE_MAX_DEPTH)
			d = PROSE_MAX_DEPTH;
		int outer = w->item;
		unsigned outer_number = w->item_number;
		w->item = (int)d;
		w->item_number = 0;
		if (w->lists && w->next[d]) {
			w->next[d] = number_attr(n, "value", w->next[d]);
			w->item_number = w->next[d]++;
		}
		walk_children(w, n);
		flush(w);
		w->item = outer;
		w->item_number = outer_number;
		return;
	}
	bool heading = n->name[0] == 'h' && n->name[1] >= '1' &&
	               n->name[1] <= '6' && !n->name[2] && !w->heading;
	bool pre = html_is(n, "pre");
	if (html_is(n, "tr"))
		w->cells = 0;
	if (heading)
		w->heading = (unsigned)(n->name[1] - '0');
	w->pre |= pre;
	walk_children(w, n);
	flush(w);
	if (heading)
		w->heading = 0;
	if (pre)
		w->pre = false;
}

/* Walks the children of a node. */
static void
walk_children(struct walk *w, const xmlNode *n)
{
	for (const xmlNode *c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			if (c->content)
				add_text(w, (const char *)c->content,
				         strlen((const char *)c->content));
		} else if (c->type == XML_ELEMENT_NODE) {
			walk_element(w, c);
		} else if (c->type == XML_ENTITY_REF_NODE) {
			walk_children(w, c);
		}
	}
}

void
html_node_blocks(const xmlNode *n, struct prose *out)
{
	struct walk w = {.out = out, .item = -1};
	walk_children(&w, n);
	flush(&w);
	free(w.lines);
}

/* Texts --------------------------------------------------------------------- */

void
html_entity(struct buf *out, const char *s, size_t len)
{
	if (len < 3 || s[0] != '&' || s[len - 1] != ';' || len > 64) {
		buf_add(out, s, len);
		return;
	}
	char name[64];
	memcpy(name, s + 1, len - 2);
	name[len - 2] = '\0';
	if (name[0] == '#') {
		bool hex = name[1] == 'x' || name[1] == 'X';
		const char *digits = name + 1 + hex;
		char *end;
		unsigned long cp = strtoul(digits, &end, hex ? 16 : 10);
		bool digit = (*digits >= '0' && *digits <= '9') ||
		             (hex && ((*digits | 0x20) >= 'a' &&
		                      (*digits | 0x20) <= 'f'));
		if (!digit || *end) {
			buf_add(out, s, len);
			return;
		}
		if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
		char enc[4];
		buf_add(out, enc, text_encode((uint32_t)cp, enc));
		return;
	}
	const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
	if (!e) {
		buf_add(out, s, len);
		return;
	}
	char enc[4];
	buf_add(out, enc, text_encode(e->value, enc));
}

bool
html_has_markup(const char *s, size_t len)
{
	for (const char *p = s, *e = s + len; p + 1 < e; p++) {
		if (*p != '<' && *p != '&')
			continue;
		char c = (char)(p[1] | 0x20);
		if ((c >= 'a' && c <= 'z') || p[1] == '#' ||
		    (*p == '<' && (p[1] == '/' || p[1] == '!' || p[1] == '?')))
			return true;
	}
	return false;
}

/* True when s has a tag (or a comment), not only entities. */
static bool
has_tag(const char *s, size_t len)
{
	for (const char *p = s, *e = s + len; p + 1 < e; p++) {
		if (*p != '<')
			continue;
		char c = (char)(p[1] | 0x20);
		if ((c >= 'a' && c <= 'z') || p[1] == '/' || p[1] == '!' ||
		    p[1] == '?')
			return true;
	}
	return false;
}

/* Appends text without tags with its entities decoded by the parser, its
 * line breaks and all; as it is when the parser makes nothing of it. */
static void
decoded(struct buf *out, const char *s, size_t len)
{
	htmlDocPtr d = html_parse_fragment(s, len, NULL);
	xmlChar *t = d ? xmlNodeGetContent((const xmlNode *)d) : NULL;
	if (t)
		buf_adds(out, (const char *)t);
	else
		buf_add(out, s, len);
	if (!out->s)
		buf_adds(out, "");
	xmlFree(t);
	xmlFreeDoc(d);
}

void
html_blocks(const char *s, size_t len, struct prose *out)
{
	html_blocks_why(s, len, out, NULL);
}

void
html_blocks_why(const char *s, size_t len, struct prose *out,
                struct buf *why)
{
	if (!html_has_markup(s, len)) {
		prose_read(s, len, out);
		return;
	}
	if (!has_tag(s, len)) {
		/* entities in text; or HTML escaped once more, as WordPress
		 * writes its JSON-LD ("&lt;p&gt;"): read as the HTML it is */
		struct buf t = {0};
		decoded(&t, s, len);
		if (has_tag(t.s, t.len))
			html_blocks_why(t.s, t.len, out, why);
		else
			prose_read(t.s, t.len, out);
		buf_free(&t);
		return;
	}
	htmlDocPtr d = html_parse_fragment(s, len, why);
	if (!d) {
		prose_read(s, len, out); /* as it is */
		return;
	}
	html_node_blocks((const xmlNode *)d, out);
	xmlFreeDoc(d);
}

void
html_items(const char *s, size_t len, struct prose *out)
{
	if (has_tag(s, len)) {
		struct prose p = {0};
		html_blocks(s, len, &p);
		prose_flatten(&p);
		for (size_t i = 0; i < p.n; i++)
			prose_add(out, PROSE_ITEM, 0, 0, p.v[i].text,
			          strlen(p.v[i].text));
		prose_free(&p);
		return;
	}
	struct buf t = {0};
	if (html_has_markup(s, len))
		decoded(&t, s, len);
	else
		buf_add(&t, s, len);
	if (has_tag(t.s, t.len)) { /* escaped HTML */
		html_items(t.s, t.len, out);
		buf_free(&t);
		return;
	}
	for (size_t i = 0; i < t.len;) {
		const char *nl = memchr(t.s + i, '\n', t.len - i);
		size_t end = nl ? (size_t)(nl - t.s) : t.len;
		size_t k = i;
		while (k < end && (t.s[k] == ' ' || t.s[k] == '\t'))
			k++;
		unsigned number;
		k += prose_marker(t.s + k, end - k, &number);
		prose_add(out, PROSE_ITEM, 0, 0, t.s + k, end - k);
		i = end + 1;
	}
	buf_free(&t);
}

void
html_to_text(struct buf *out, const char *s, size_t len)
{
	if (!html_has_markup(s, len)) {
		buf_add(out, s, len);
		if (!out->s)
			buf_adds(out, "");
	} else if (!has_tag(s, len)) {
		struct buf t = {0};
		decoded(&t, s, len);
		if (has_tag(t.s, t.len))
			html_to_text(out, t.s, t.len); /* escaped HTML */
		else
			buf_add(out, t.s, t.len);
		if (!out->s)
			buf_adds(out, "");
		buf_free(&t);
	} else {
		struct prose p = {0};
		html_blocks(s, len, &p);
		prose_write(out, &p, 0, p.n);
		prose_free(&p);
	}
}
