/* SPDX-License-Identifier: MIT */
/* load/page: a job page read with libxml2's HTML parser, bounded: every
 * JobPosting of its JSON-LD blocks (<script type="application/ld+json">,
 * one inside a comment too) read through the JSON-LD mapping with its
 * problems placed in the page, else its microdata (microdata.c). */
#include "load/page.h"
#include "load/frontmatter.h"
#include "load/html.h"

#include <libxml/parserInternals.h>
#include <libxml/SAX2.h>
#include <limits.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* What a file is ----------------------------------------------------------- */

/* True when s (len bytes) starts with word, ASCII case ignored. */
static bool
starts_with(const char *s, size_t len, const char *word)
{
	size_t wl = strlen(word);
	return len >= wl && !strncasecmp(s, word, wl);
}

/* The offset of the first byte at or after i that is not white space. */
static size_t
skip_space(const char *buf, size_t len, size_t i)
{
	while (i < len && (buf[i] == ' ' || buf[i] == '\t' || buf[i] == '\n' ||
	                   buf[i] == '\r'))
		i++;
	return i;
}

/* True when buf + i opens an HTML document. */
static bool
opens_html(const char *buf, size_t len, size_t i)
{
	return starts_with(buf + i, len - i, "<!doctype html") ||
	       (starts_with(buf + i, len - i, "<html") && len - i > 5 &&
	        (buf[i + 5] == '>' || buf[i + 5] == ' ' || buf[i + 5] == '\n' ||
	         buf[i + 5] == '\r' || buf[i + 5] == '\t'));
}

/* The offset after the XML declaration, comments and processing
 * instructions that open buf at i (len when one is not closed). */
static size_t
skip_prolog(const char *buf, size_t len, size_t i)
{
	for (;;) {
		i = skip_space(buf, len, i);
		const char *end = NULL;
		size_t el = 0;
		if (starts_with(buf + i, len - i, "<?")) {
			end = text_find(buf + i, len - i, "?>", 2);
			el = 2;
		} else if (starts_with(buf + i, len - i, "<!--")) {
			end = text_find(buf + i, len - i, "-->", 3);
			el = 3;
		} else {
			return i;
		}
		if (!end)
			return len;
		i = (size_t)(end - buf) + el;
	}
}

enum page_kind
page_kind(const char *name, const char *buf, size_t len)
{
	enum load_kind k = load_kind_of(name);
	if (k == LOAD_MARKDOWN)
		return PAGE_FRONT_MATTER;
	if (k == LOAD_PAGE)
		return buf && frontmatter_opens(buf, len) ? PAGE_FRONT_MATTER
		                                          : PAGE_HTML;
	if (k == LOAD_XML)
		return PAGE_XML;
	if (k != LOAD_OTHER)
		return PAGE_NONE;
	if (!buf)
		return PAGE_NONE;
	size_t i = len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3) ? 3 : 0;
	i = skip_space(buf, len, i);
	if (opens_html(buf, len, i))
		return PAGE_HTML;
	if (starts_with(buf + i, len - i, "<workzag-jobs"))
		return PAGE_XML;
	if (!starts_with(buf + i, len - i, "<?xml"))
		return PAGE_NONE;
	/* XHTML is a page */
	return opens_html(buf, len, skip_prolog(buf, len, i)) ? PAGE_HTML
	                                                      : PAGE_XML;
}

/* libxml2's messages that come without a parser (an encoding it cannot
 * convert): not for the terminal, where the interface draws. */
static void
silent(void *ctx, const char *msg, ...)
{
	(void)ctx;
	(void)msg;
}

void
page_init(void)
{
	xmlInitParser();
	xmlSetGenericErrorFunc(NULL, silent);
	xmlThrDefSetGenericErrorFunc(NULL, silent);
}

/* Positions ------------------------------------------------------------------ */

/* The lines libxml2 counts (it stops at this one). */
#define LINE_MAX_XML 65535u

size_t
page_line_start(struct page_src *s, unsigned line)
{
	if (line < 1)
		line = 1;
	if (line > LINE_MAX_XML)
		line = LINE_MAX_XML;
	if (!s->lines) {
		s->lines = xmalloc(64 * sizeof(*s->lines));
		s->lines[0] = 0;
		s->nlines = 1;
	}
	while (s->nlines < line) {
		size_t from = s->lines[s->nlines - 1];
		const char *nl = from < s->len
			? memchr(s->buf + from, '\n', s->len - from) : NULL;
		if (!nl)
			return s->len;
		if ((s->nlines & (s->nlines - 1)) == 0 && s->nlines >= 64)
			s->lines = xrealloc(s->lines,
			                    2 * s->nlines * sizeof(*s->lines));
		s->lines[s->nlines++] = (size_t)(nl - s->buf) + 1;
	}
	return s->lines[line - 1];
}

void
page_position(struct page_src *s, size_t off, unsigned *line, unsigned *col)
{
	if (off > s->len)
		off = s->len;
	if (!s->memo_line || off < s->memo_off) {
		/* back to a line start known before off */
		unsigned l = 1;
		if (s->lines) {
			size_t lo = 0, hi = s->nlines;
			while (hi - lo > 1) {
				size_t mid = lo + (hi - lo) / 2;
				if (s->lines[mid] <= off)
					lo = mid;
				else
					hi = mid;
			}
			l = (unsigned)lo + 1;
		}
		s->memo_line = l;
		s->memo_off = s->memo_bol = s->lines ? s->lines[l - 1] : 0;
	}
	/* forward from the last position: positions mostly come in order */
	unsigned l = s->memo_line;
	size_t bol = s->memo_bol;
	for (size_t i = s->memo_off; i < off; i++) {
		if (s->buf[i] == '\n') {
			l++;
			bol = i + 1;
		}
	}
	unsigned c = 1;
	for (size_t i = bol; i < off; i++)
		c += ((unsigned char)s->buf[i] & 0xC0) != 0x80;
	s->memo_line = l;
	s->memo_bol = bol;
	s->memo_off = off;
	*line = l;
	*col = c;
}

/* A page being read --------------------------------------------------------- */

/* The state of reading one page. */
struct page {
	struct reader *r;
	struct page_src src;
	const atomic_bool *cancel;
	size_t cursor;      /* where the last text found ends */
	size_t budget;      /* bytes the search for texts may still look
	                     * at: linear in the page, however many blocks */
	unsigned blocks;    /* JSON-LD blocks read */
	unsigned broken;    /* of them, those not read */
};

/* Moves the lines of the problems from the first on by lines (problems
 * of a block said at lines of its own). */
static void
shift_problems(struct catalog *c, size_t first, unsigned lines)
{
	for (size_t i = first; i < c->nproblems; i++)
		if (c->problems[i].line)
			c->problems[i].line += lines;
}

/* Where libxml2's text t (tl bytes: a script's or a comment's content)
 * is in the page, between lower and upper, just after the bytes of
 * after; SIZE_MAX when it is not there byte for byte (a page in another
 * encoding, a character the parser left out) or the search has looked
 * at as much as it may. */
static size_t
locate(struct page *pg, size_t lower, size_t upper, const char *after,
       const char *t, size_t tl)
{
	size_t al = strlen(after);
	const char *buf = pg->src.buf;
	size_t p = lower;
	while (p < upper && pg->budget) {
		const char *q = memchr(buf + p, after[al - 1], upper - p);
		size_t at = q ? (size_t)(q - buf) + 1 : upper;
		size_t cost = at - p;
		pg->budget = cost < pg->budget ? pg->budget - cost : 0;
		p = at;
		if (!q || at < al || at - al < lower ||
		    memcmp(buf + at - al, after, al) || tl > upper - at)
			continue;
		size_t k = 0;
		while (k < tl && buf[at + k] == t[k])
			k++;
		pg->budget = k < pg->budget ? pg->budget - k : 0;
		if (k == tl)
			return at;
	}
	return SIZE_MAX;
}

/* Blanks len bytes at s (ASCII markers: the columns stay). */
static void
blank(char *s, size_t len)
{
	memset(s, ' ', len);
}

/* Makes a block's JSON what libyaml reads as JSON: tabs outside strings
 * made spaces (YAML takes no tab where a line starts), and the wrappers
 * old pages put around a script's content (<![CDATA[ ]]>, <!-- -->, and
 * the // or / * * / before them) blanked. */
static void
json_tidy(char *s, size_t len)
{
	static const char *const open[] = {"/*<![CDATA[*/", "//<![CDATA[",
	                                   "<![CDATA[", "<!--"};
	static const char *const close[] = {"/*]]>*/", "//]]>", "]]>",
	                                    "-->"};
	size_t i = 0;
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n'))
		i++;
	for (size_t k = 0; k < sizeof(open) / sizeof(*open); k++) {
		size_t ol = strlen(open[k]);
		if (len - i >= ol && !memcmp(s + i, open[k], ol)) {
			blank(s + i, ol);
			break;
		}
	}
	size_t e = len;
	while (e > 0 && (s[e - 1] == ' ' || s[e - 1] == '\t' ||
	                 s[e - 1] == '\n'))
		e--;
	for (size_t k = 0; k < sizeof(close) / sizeof(*close); k++) {
		size_t cl = strlen(close[k]);
		if (e >= cl && !memcmp(s + e - cl, close[k], cl)) {
			blank(s + e - cl, cl);
			break;
		}
	}
	bool str = false;
	for (i = 0; i < len; i++) {
		if (str && s[i] == '\\' && i + 1 < len)
			i++;
		else if (s[i] == '"')
			str = !str;
		else if (s[i] == '\n')
			str = false; /* a string does not go over lines */
		else if (!str && s[i] == '\t')
			s[i] = ' ';
	}
}

/* Reads one JSON-LD block: t (tl bytes) at offset at of the page, or,
 * when at is SIZE_MAX (not found in the page's bytes), at line of the
 * page as far as can be said. Its problems are placed in the page. */
static void
block_read(struct page *pg, const char *t, size_t tl, size_t at,
           unsigned line)
{
	struct reader *r = pg->r;
	struct catalog *c = r->x.c;
	unsigned col = 1;
	if (at != SIZE_MAX)
		page_position(&pg->src, at, &line, &col);
	if (!line)
		line = 1;
	pg->blocks++;
	/* the block where it is: its first line after col - 1 spaces, and
	 * the lines before it counted by the reader */
	struct buf b = {0};
	for (unsigned i = 1; i < col; i++)
		buf_addc(&b, ' ');
	size_t pad = b.len;
	buf_add(&b, t, tl);
	json_tidy(b.s + pad, tl);
	bool posting = text_find(t, tl, "JobPosting", 10) != NULL;
	size_t p0 = c->nproblems, len = b.len, flen;
	char *in = b.s;
	char *fixed = bytes_unsurrogate(&r->x, b.s, b.len, &flen);
	shift_problems(c, p0, line - 1);
	if (fixed) {
		in = fixed;
		len = flen;
	}
	char *repaired = NULL;
	for (int attempt = 0;; attempt++) {
		size_t np = c->nproblems, ne = c->nerrors, nfile = r->nfile;
		unsigned item = r->item;
		reader_restart(r);
		r->line_base = line - 1;
		struct run_error err;
		enum run_end end = reader_run(r, in, len, pg->cancel, &err);
		if (end == RUN_SYNTAX && err.bad_bytes && attempt == 0) {
			/* bytes libyaml will not read: the first said, all
			 * read as U+FFFD, the block read again */
			c->nproblems = np;
			c->nerrors = ne;
			r->nfile = nfile;
			r->item = item;
			size_t p1 = c->nproblems, flen2;
			repaired = bytes_repair(&r->x, in, len, &flen2,
			                        at != SIZE_MAX ? at - pad : 0);
			shift_problems(c, p1, line - 1);
			if (repaired) {
				in = repaired;
				len = flen2;
				continue;
			}
		}
		if (end == RUN_SYNTAX) {
			pg->broken++;
			catalog_problem(c, r->x.file, err.line + 1 + line - 1,
			                err.col + 1, posting,
			                "JSON-LD block: not JSON as libyaml reads "
			                "it: %s%s%s%s; the block is not read%s",
			                err.problem ? err.problem : "error",
			                err.context ? " " : "",
			                err.context ? err.context : "",
			                err.at_start ? " that starts here" : "",
			                posting ? "" : " (it names no JobPosting)");
		} else if (end == RUN_TOO_DEEP) {
			pg->broken++;
			catalog_problem(c, r->x.file, r->resync_line + line,
			                r->resync_col + 1, true,
			                "JSON-LD block: nesting deeper than %zu "
			                "levels (see --max-depth); the block is not "
			                "read", r->x.lim->max_depth);
		}
		break;
	}
	free(repaired);
	free(fixed);
	buf_free(&b);
}

/* True for a script's type that is JSON-LD: "application/ld+json", in
 * any case, with white space or parameters ("; charset=utf-8"). */
static bool
ld_type(const char *type)
{
	if (!type)
		return false;
	size_t len = strcspn(type, ";");
	while (len && (type[len - 1] == ' ' || type[len - 1] == '\t' ||
	               type[len - 1] == '\n' || type[len - 1] == '\r'))
		len--;
	return len == 19 && !strncasecmp(type, "application/ld+json", 19);
}

/* True when s holds "<script", case ignored. */
static bool
has_script(const char *s)
{
	for (const char *p = s; (p = strchr(p, '<')); p++)
		if (!strncasecmp(p + 1, "script", 6))
			return true;
	return false;
}

/* The next node after n in document order under root, into n's children
 * when descend. */
static const xmlNode *
next_node(const xmlNode *n, const xmlNode *root, bool descend)
{
	if (descend && n->children && (n->type == XML_ELEMENT_NODE ||
	                               n->type == XML_DOCUMENT_NODE ||
	                               n->type == XML_HTML_DOCUMENT_NODE))
		return n->children;
	while (n && n != root) {
		if (n->next)
			return n->next;
		n = n->parent;
	}
	return NULL;
}

/* Reads the JSON-LD blocks under root. Inside a comment (inner) the
 * scripts are looked for in the comment's text, at region..region_end
 * of the page (region SIZE_MAX when it was not found there, line the
 * line the parser gave it). */
static void
blocks_read(struct page *pg, const xmlNode *root, bool inner, size_t region,
            size_t region_end, unsigned line)
{
	size_t cursor = region;
	unsigned k = 0;
	for (const xmlNode *n = root->children; n;) {
		if ((++k & 1023) == 0 &&
		    atomic_load_explicit(pg->cancel, memory_order_relaxed))
			return;
		bool descend = true;
		if (html_is(n, "script")) {
			descend = false;
			char *type = html_attr(n, "type");
			xmlChar *t = ld_type(type)
				? xmlNodeGetContent((const xmlNode *)n) : NULL;
			const char *s = (const char *)t;
			size_t tl = s ? strlen(s) : 0;
			if (tl && strspn(s, " \t\n") < tl) {
				size_t at = SIZE_MAX;
				unsigned l = inner ? line
				                   : (unsigned)xmlGetLineNo(n);
				if (!inner) {
					size_t lower = page_line_start(&pg->src,
					                               l);
					if (lower < pg->cursor)
						lower = pg->cursor;
					at = locate(pg, lower, pg->src.len, ">",
					            s, tl);
					if (at != SIZE_MAX)
						pg->cursor = at + tl;
				} else if (region != SIZE_MAX) {
					at = locate(pg, cursor, region_end, ">",
					            s, tl);
					if (at != SIZE_MAX)
						cursor = at + tl;
				}
				block_read(pg, s, tl, at, l);
			}
			xmlFree(t);
			free(type);
		} else if (n->type == XML_COMMENT_NODE && n->content && !inner &&
		           has_script((const char *)n->content)) {
			/* a block inside a comment: its scripts parsed from the
			 * comment's text */
			const char *s = (const char *)n->content;
			size_t tl = strlen(s);
			size_t at = locate(pg, pg->cursor, pg->src.len, "<!--",
			                   s, tl);
			if (at != SIZE_MAX)
				pg->cursor = at + tl;
			htmlDocPtr d = html_parse_fragment(s, tl, NULL);
			if (d)
				blocks_read(pg, (const xmlNode *)d, true, at,
				            at == SIZE_MAX ? 0 : at + tl,
				            (unsigned)xmlGetLineNo(n));
			xmlFreeDoc(d);
		}
		n = next_node(n, root, descend);
	}
}

/* The reader's document hook: reads the postings of a JSON-LD block,
 * every JobPosting in it, wherever it is; what is not one is passed
 * over. */
static void
page_document(struct reader *r, struct ynode *root)
{
	struct lctx *x = &r->x;
	const struct ynode *graph = ymap_get(root, "@graph");
	jsonld_list_begin(x, graph && graph->kind == Y_SEQ ? graph : NULL);
	/* every JobPosting, wherever it is: a list's item, a @graph's
	 * node, a WebPage's mainEntity, an ItemList's item (the reader
	 * keeps the nesting within max_depth) */
	size_t cap = x->lim->max_depth + 2;
	const struct ynode **stack = xmalloc(cap * sizeof(*stack));
	size_t *idx = xmalloc(cap * sizeof(*idx)), depth = 0;
	const struct ynode *n = root;
	while (n) {
		if (n->kind == Y_MAP && jsonld_is(n)) {
			r->item++;
			reader_posting(r, n, NULL);
		} else if ((n->kind == Y_MAP || n->kind == Y_SEQ) && n->n &&
		           depth < cap) {
			stack[depth] = n;
			idx[depth++] = 0;
		}
		n = NULL;
		while (depth && !n) {
			const struct ynode *t = stack[depth - 1];
			size_t i = idx[depth - 1]++;
			if (i < t->n)
				n = t->kind == Y_MAP ? t->kids[2 * i + 1]
				                     : t->kids[i];
			else
				depth--;
		}
	}
	free(stack);
	free(idx);
	jsonld_list_end(x);
}

/* Parsing the page ---------------------------------------------------------- */

/* What the parser's callbacks count (the context's _private). */
struct counter {
	size_t nodes, max;     /* elements, comments and instructions */
	bool stopped;          /* over max: the parser was stopped */
	unsigned line;         /* where */
	const atomic_bool *cancel;
	startElementSAXFunc start;
	commentSAXFunc comment;
	processingInstructionSAXFunc pi;
};

/* Counts a node; stops the parser over the limit or when cancelled. */
static bool
count(void *ctx)
{
	htmlParserCtxtPtr c = ctx;
	struct counter *k = c->_private;
	if (k->stopped)
		return false;
	if (++k->nodes > k->max ||
	    ((k->nodes & 1023) == 0 &&
	     atomic_load_explicit(k->cancel, memory_order_relaxed))) {
		k->stopped = true;
		k->line = c->input ? (unsigned)c->input->line : 0;
		xmlStopParser(c);
		return false;
	}
	return true;
}

static void
count_start(void *ctx, const xmlChar *name, const xmlChar **atts)
{
	struct counter *k = ((htmlParserCtxtPtr)ctx)->_private;
	if (count(ctx))
		k->start(ctx, name, atts);
}

static void
count_comment(void *ctx, const xmlChar *value)
{
	struct counter *k = ((htmlParserCtxtPtr)ctx)->_private;
	if (count(ctx))
		k->comment(ctx, value);
}

static void
count_pi(void *ctx, const xmlChar *target, const xmlChar *data)
{
	struct counter *k = ((htmlParserCtxtPtr)ctx)->_private;
	if (count(ctx))
		k->pi(ctx, target, data);
}

/* Parses the page with the parser's own limits and billet's: at most
 * max_nodes elements. Reports why it stopped early, if it did. */
static htmlDocPtr
page_parse(struct page *pg, const char *encoding)
{
	struct reader *r = pg->r;
	struct catalog *c = r->x.c;
	htmlParserCtxtPtr ctxt = htmlCreateMemoryParserCtxt(pg->src.buf,
	                                                    (int)pg->src.len);
	if (!ctxt)
		die_nomem();
	struct counter k = {.max = r->x.lim->max_nodes, .cancel = pg->cancel,
	                    .start = ctxt->sax->startElement,
	                    .comment = ctxt->sax->comment,
	                    .pi = ctxt->sax->processingInstruction};
	ctxt->_private = &k;
	ctxt->sax->startElement = count_start;
	ctxt->sax->comment = count_comment;
	ctxt->sax->processingInstruction = count_pi;
	htmlCtxtUseOptions(ctxt, HTML_OPTIONS);
	if (encoding) {
		xmlCharEncodingHandlerPtr h = xmlFindCharEncodingHandler(encoding);
		if (h)
			xmlSwitchToEncoding(ctxt, h);
	}
	htmlParseDocument(ctxt);
	htmlDocPtr doc = ctxt->myDoc;
	ctxt->myDoc = NULL;
	if (k.stopped && !atomic_load_explicit(pg->cancel,
	                                       memory_order_relaxed)) {
		catalog_problem(c, r->x.file, k.line, 1, true,
		                "more than %zu elements in this page (see "
		                "--max-nodes); the rest of it is not read",
		                k.max);
	} else if (!k.stopped && ctxt->disableSAX) {
		/* libxml2 stopped by itself: nesting over 256 levels, a text
		 * over 10 MB */
		struct buf m = {0};
		const char *msg = ctxt->lastError.message
			? ctxt->lastError.message : "an error";
		buf_add(&m, msg, strcspn(msg, "\n"));
		catalog_problem(c, r->x.file, (unsigned)ctxt->lastError.line,
		                1, true, "libxml2 stopped reading this page: "
		                "%s; the rest of it is not read", m.s);
		buf_free(&m);
	}
	if (doc && ctxt->dictNames && doc->dict == ctxt->dict)
		ctxt->dict = NULL; /* the document's now (as htmlDoRead) */
	htmlFreeParserCtxt(ctxt);
	return doc;
}

/* Reads a page's bytes into postings. */
static void
page_read(struct reader *r, const char *buf, size_t len,
          const atomic_bool *cancel)
{
	struct catalog *c = r->x.c;
	size_t errors = c->nerrors;
	char *norm = NULL;
	/* (UTF-16, with its BOM, is libxml2's to read as it is) */
	bool utf16 = len >= 2 && (((unsigned char)buf[0] == 0xFF &&
	                           (unsigned char)buf[1] == 0xFE) ||
	                          ((unsigned char)buf[0] == 0xFE &&
	                           (unsigned char)buf[1] == 0xFF));
	const char *nul = utf16 ? NULL : memchr(buf, '\0', len);
	if (!utf16 && (nul || memchr(buf, '\r', len))) {
		/* line breaks as the parser counts them: "\r\n" and "\r"
		 * made "\n", so that the page's bytes are the parser's; a
		 * NUL, where libxml2 would stop as at the end, made U+FFFD
		 * (the columns stay) */
		struct buf b = {0};
		for (size_t i = 0; i < len; i++) {
			if (buf[i] == '\r' && i + 1 < len && buf[i + 1] == '\n')
				continue;
			if (!buf[i])
				buf_adds(&b, "\xEF\xBF\xBD");
			else
				buf_addc(&b, buf[i] == '\r' ? '\n' : buf[i]);
		}
		if (nul) {
			struct page_src at = {.buf = buf, .len = len};
			unsigned line, col;
			page_position(&at, (size_t)(nul - buf), &line, &col);
			catalog_problem(c, r->x.file, line, col, true, "NUL byte "
			                "at offset %zu; read as U+FFFD",
			                (size_t)(nul - buf));
		}
		len = b.len;
		buf = norm = buf_steal(&b);
	}
	struct page pg = {.r = r, .src = {.buf = buf, .len = len},
	                  .cancel = cancel, .budget = 16 * len + 65536};
	size_t costly = html_costly_tag(buf, len);
	if (costly < len) {
		unsigned line, col;
		page_position(&pg.src, costly, &line, &col);
		catalog_problem(c, r->x.file, line, col, true, "tags with "
		                "thousands of attributes, the first here: "
		                "libxml2's parser would take minutes over "
		                "them; the page is not read");
	} else if (len > INT_MAX) {
		catalog_problem(c, r->x.file, 0, 0, true, "a page of more than "
		                "%d bytes is not read", INT_MAX);
	} else {
		/* valid UTF-8 is read as such whatever the page declares;
		 * other bytes by the page's charset (its BOM, its <meta>) */
		bool utf8 = text_valid(buf, len);
		htmlDocPtr doc = page_parse(&pg, utf8 ? "UTF-8" : NULL);
		if (!utf8 && doc && !doc->encoding) {
			size_t i = 0;
			while (i < len) {
				uint32_t cp;
				size_t n = text_decode(buf + i, len - i, &cp);
				if (cp == 0xFFFD && !(n == 3 && !memcmp(buf + i,
				                      "\xEF\xBF\xBD", 3)))
					break;
				i += n;
			}
			unsigned line, col;
			page_position(&pg.src, i, &line, &col);
			catalog_problem(c, r->x.file, line, col, false,
			                "not UTF-8, and no charset declared: read "
			                "as libxml2 reads it (ISO-8859-1 from this "
			                "byte on)");
		}
		if (doc) {
			blocks_read(&pg, (const xmlNode *)doc, false, 0, 0, 0);
			if (!r->nfile &&
			    !atomic_load_explicit(cancel, memory_order_relaxed))
				microdata_read(r, &pg.src, (const xmlNode *)doc);
		}
		xmlFreeDoc(doc);
	}
	if (!r->nfile && c->nerrors == errors)
		catalog_problem(c, r->x.file, 1, 1, true, "no schema.org "
		                "JobPosting in this page (no JSON-LD block or "
		                "microdata item of that type)");
	free(pg.src.lines);
	free(norm);
}

void
page_parse_unit(struct unit *u, struct arena *keep,
                const struct load_limits *lim, const atomic_bool *cancel)
{
	parse_unit_whole(u, keep, lim, cancel, page_read, page_document);
}
