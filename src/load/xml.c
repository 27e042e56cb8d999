/* SPDX-License-Identifier: MIT */
/* load/xml: XML read with libxml2's SAX2 parser, one element at a time,
 * with no tree of libxml2's own: Personio's job feed (a <workzag-jobs>
 * root, each <position> in it a posting) made, position by position,
 * the nodes every vocabulary maps (load/internal.h) and mapped as a
 * Personio posting (shapes_personio.c). An element of text is a scalar;
 * one of elements a mapping of their names, a name that repeats a list
 * of its values; attributes are keys "@name", text beside elements the
 * key "#text". Bounded as YAML is (--max-depth, --max-nodes a position,
 * --max-scalar a value) and as libxml2 bounds itself; no network, no
 * DTD read, no entity but XML's own five. XML of another root is said
 * not to be read. */
#include "load/xml.h"
#include "load/page.h"
#include "load/shapes.h"

#include <libxml/parser.h>
#include <libxml/parserInternals.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

/* The most attribute comparisons the tags of a file may cost the parser
 * (the sum over its tags of n(n-1)/2 for n attributes): a few seconds. */
#define XML_ATTR_COST_MAX ((size_t)1 << 22)

size_t
xml_costly_tag(const char *s, size_t len)
{
	size_t cost = 0;
	for (size_t i = 0; i + 1 < len; i++) {
		if (s[i] != '<' || s[i + 1] == '/' || s[i + 1] == '!' ||
		    s[i + 1] == '?')
			continue;
		/* XML's attribute values are quoted: each '=' outside them
		 * is an attribute's */
		size_t start = i, k = i + 1, attrs = 0;
		while (k < len && s[k] != '>' && s[k] != '<') {
			if (s[k] == '"' || s[k] == '\'') {
				const char *q = memchr(s + k + 1, s[k],
				                       len - k - 1);
				k = q ? (size_t)(q - s) + 1 : len;
				continue;
			}
			attrs += s[k] == '=';
			k++;
		}
		if (attrs > 1) {
			cost += attrs * (attrs - 1) / 2;
			if (cost > XML_ATTR_COST_MAX)
				return start;
		}
		i = k > i ? k - 1 : i;
	}
	return len;
}

/* A child of an element being built: its name and value. */
struct xkid {
	struct ynode *key, *val;
	size_t ord;            /* its place among its element's children */
};

/* An open element. */
struct xel {
	unsigned line, col;    /* where its start tag is */
	struct buf text;       /* its text so far (malloc'd, reused) */
	struct xkid *kids;     /* its children built so far (malloc'd,
	                        * reused) */
	size_t n, cap;
	bool build;            /* its node is built: it is in a position */
	bool text_over;        /* its text went over --max-scalar (said) */
};

/* The state of reading a file (the parser's _private). */
struct xread {
	struct reader *r;
	const atomic_bool *cancel;
	struct xel *stack;     /* the open elements, the root first */
	size_t depth, cap;
	size_t budget;         /* nodes of the position being read */
	bool budget_said;      /* it went over --max-nodes (said) */
	bool stopped;          /* billet stopped the parser (said) */
	size_t elements;       /* started, for the look at cancel */
	struct buf error;      /* libxml2's first error: its message's
	                        * first line (malloc'd), or empty */
	unsigned error_line, error_col;
};

/* The reader of ctx, a parser's context. */
static struct xread *
xr_of(void *ctx)
{
	return ((xmlParserCtxtPtr)ctx)->_private;
}

/* Stops the parser, having said why (or cancelled). */
static void
stop(void *ctx)
{
	xr_of(ctx)->stopped = true;
	xmlStopParser(ctx);
}

/* Characters (not continuation bytes) in s[0..len). */
static unsigned
chars(const xmlChar *s, size_t len)
{
	unsigned n = 0;
	for (size_t i = 0; i < len; i++)
		n += (s[i] & 0xC0) != 0x80;
	return n;
}

/* How far back the start of a line is looked for. */
#define XML_LOOK_BACK 4096

/* Where the start tag the parser has just read begins: its '<' is the
 * last before the parser's cursor (XML allows none in an attribute). */
static void
tag_start(xmlParserCtxtPtr ctxt, unsigned *line, unsigned *col)
{
	xmlParserInputPtr in = ctxt->input;
	*line = in->line > 0 ? (unsigned)in->line : 1;
	*col = in->col > 0 ? (unsigned)in->col : 1;
	const xmlChar *cur = in->cur, *p = cur;
	while (p > in->base && *p != '<')
		p--;
	if (*p != '<')
		return;
	unsigned nl = 0;
	for (const xmlChar *q = p; q < cur; q++)
		nl += *q == '\n';
	if (!nl) {
		unsigned back = chars(p, (size_t)(cur - p));
		*col = *col > back ? *col - back : 1;
		return;
	}
	*line = *line > nl ? *line - nl : 1;
	const xmlChar *b = p;
	while (b > in->base && b[-1] != '\n' && p - b < XML_LOOK_BACK)
		b--;
	*col = b == in->base || b[-1] == '\n' ? 1 + chars(b, (size_t)(p - b))
	                                      : 1;
}

/* A node in the reader's scratch memory. */
static struct ynode *
node_new(struct xread *xr, enum ykind kind, unsigned line, unsigned col)
{
	struct ynode *n = arena_alloc(&xr->r->scratch, sizeof(*n));
	if (!n)
		die_nomem();
	*n = (struct ynode){.kind = kind, .line = line, .col = col,
	                    .weight = 1};
	return n;
}

/* A scalar of text s (len bytes), copied into scratch memory. */
static struct ynode *
scalar_new(struct xread *xr, const char *s, size_t len, unsigned line,
           unsigned col)
{
	struct ynode *n = node_new(xr, Y_SCALAR, line, col);
	char *t = arena_strndup(&xr->r->scratch, s, len);
	if (!t)
		die_nomem();
	n->s = t;
	n->len = n->bytes = len;
	return n;
}

/* Spends the position's budget on n nodes; false (said once) over it. */
static bool
spend(struct xread *xr, size_t n, unsigned line, unsigned col)
{
	size_t max = xr->r->x.lim->max_nodes;
	if (xr->budget <= max && n <= max - xr->budget) {
		xr->budget += n;
		return true;
	}
	if (!xr->budget_said) {
		struct lctx *x = &xr->r->x;
		catalog_problem(x->c, x->file, line, col, true, "more than %zu "
		                "nodes in one position; the rest of it is "
		                "dropped (see --max-nodes)", max);
		xr->budget_said = true;
	}
	return false;
}

/* Adds a child to element el. */
static void
kid_add(struct xel *el, struct ynode *key, struct ynode *val)
{
	if (el->n == el->cap) {
		el->cap = el->cap ? el->cap * 2 : 16;
		el->kids = xrealloc(el->kids, el->cap * sizeof(*el->kids));
	}
	el->kids[el->n] = (struct xkid){.key = key, .val = val, .ord = el->n};
	el->n++;
}

/* Orders children by name, then by place. */
static int
kid_cmp(const void *a, const void *b)
{
	const struct xkid *x = a, *y = b;
	int c = strcmp(x->key->s, y->key->s);
	return c ? c : (x->ord > y->ord) - (x->ord < y->ord);
}

/* Orders children by place. */
static int
ord_cmp(const void *a, const void *b)
{
	const struct xkid *x = a, *y = b;
	return (x->ord > y->ord) - (x->ord < y->ord);
}

/* True when s[0..len) is nothing but white space. */
static bool
blank(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\n' && s[i] != '\r')
			return false;
	return true;
}

/* The node of element el: its text, or a mapping of its children (a
 * name given more than once: a list of their values, where the first
 * was); always a mapping for a position (as_map). */
static struct ynode *
el_node(struct xread *xr, struct xel *el, bool as_map)
{
	const char *t = el->text.s ? el->text.s : "";
	if (!el->n && !as_map)
		return scalar_new(xr, t, el->text.len, el->line, el->col);
	if (el->text.len && !blank(t, el->text.len) &&
	    spend(xr, 2, el->line, el->col))
		kid_add(el, scalar_new(xr, "#text", 5, el->line, el->col),
		        scalar_new(xr, t, el->text.len, el->line, el->col));
	struct ynode *m = node_new(xr, Y_MAP, el->line, el->col);
	/* the children grouped by name, each group where its first is */
	if (el->n)
		qsort(el->kids, el->n, sizeof(*el->kids), kid_cmp);
	size_t groups = 0;
	for (size_t i = 0; i < el->n;) {
		size_t j = i + 1;
		while (j < el->n && !strcmp(el->kids[j].key->s,
		                            el->kids[i].key->s))
			j++;
		struct xkid g = el->kids[i];
		if (j - i > 1) {
			struct ynode *seq = node_new(xr, Y_SEQ, g.val->line,
			                             g.val->col);
			seq->kids = arena_alloc(&xr->r->scratch,
			                        (j - i) * sizeof(*seq->kids));
			if (!seq->kids)
				die_nomem();
			for (size_t k = i; k < j; k++) {
				seq->kids[k - i] = el->kids[k].val;
				seq->weight += el->kids[k].val->weight;
				seq->bytes += el->kids[k].val->bytes;
			}
			seq->n = j - i;
			g.val = seq;
		}
		el->kids[groups++] = g;
		i = j;
	}
	if (groups)
		qsort(el->kids, groups, sizeof(*el->kids), ord_cmp);
	m->kids = arena_alloc(&xr->r->scratch,
	                      (groups ? 2 * groups : 1) * sizeof(*m->kids));
	if (!m->kids)
		die_nomem();
	for (size_t i = 0; i < groups; i++) {
		m->kids[2 * i] = el->kids[i].key;
		m->kids[2 * i + 1] = el->kids[i].val;
		m->weight += 1 + el->kids[i].val->weight;
		m->bytes += el->kids[i].key->len + el->kids[i].val->bytes;
	}
	m->n = groups;
	return m;
}

/* The bytes of name s a message quotes: at most 60, ending where a
 * character does. */
static int
quoted_len(const char *s)
{
	size_t n = strlen(s);
	if (n <= 60)
		return (int)n;
	n = 60;
	while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return (int)n;
}

/* The name of an element or attribute: "prefix:local", or local. */
static void
qname(struct buf *b, const xmlChar *prefix, const xmlChar *local)
{
	buf_clear(b);
	if (prefix)
		buf_printf(b, "%s:", (const char *)prefix);
	buf_adds(b, (const char *)local);
}

static void
on_start(void *ctx, const xmlChar *local, const xmlChar *prefix,
         const xmlChar *uri, int nns, const xmlChar **ns, int nattrs,
         int ndefaulted, const xmlChar **attrs)
{
	(void)uri;
	(void)nns;
	(void)ns;
	(void)ndefaulted;
	struct xread *xr = xr_of(ctx);
	struct lctx *x = &xr->r->x;
	if ((++xr->elements & 1023) == 0 &&
	    atomic_load_explicit(xr->cancel, memory_order_relaxed)) {
		stop(ctx);
		return;
	}
	unsigned line, col;
	tag_start(ctx, &line, &col);
	struct buf name = {0};
	qname(&name, prefix, local);
	if (xr->depth == 0 && strcmp(name.s, XML_PERSONIO_ROOT)) {
		int ql = quoted_len(name.s);
		catalog_problem(x->c, x->file, line, col, true, "billet does not "
		                "read this XML: its root element is <%.*s%s>; of "
		                "XML it reads Personio's job feed, whose root is "
		                "<" XML_PERSONIO_ROOT ">", ql, name.s,
		                name.s[ql] ? "\xE2\x80\xA6" : "");
		buf_free(&name);
		stop(ctx);
		return;
	}
	if (xr->depth == 0)
		shapes_state(x)->board = SHAPE_PERSONIO;
	if (xr->depth >= x->lim->max_depth) {
		catalog_problem(x->c, x->file, line, col, true, "elements nested "
		                "deeper than %zu levels (see --max-depth); the "
		                "rest of the file is not read", x->lim->max_depth);
		buf_free(&name);
		stop(ctx);
		return;
	}
	if (xr->depth == xr->cap) {
		xr->cap = xr->cap ? xr->cap * 2 : 8;
		xr->stack = xrealloc(xr->stack, xr->cap * sizeof(*xr->stack));
		memset(xr->stack + xr->depth, 0,
		       (xr->cap - xr->depth) * sizeof(*xr->stack));
	}
	struct xel *el = &xr->stack[xr->depth];
	const struct xel *up = xr->depth ? el - 1 : NULL;
	el->line = line;
	el->col = col;
	el->text_over = false;
	el->build = (up && up->build) ||
	            (xr->depth == 1 && !strcmp(name.s, "position"));
	if (xr->depth == 1 && !el->build)
		strset_add(&shapes_state(x)->ignored, name.s);
	xr->depth++;
	/* an element in a position is a key and a value (the position
	 * itself is the posting); attributes are keys "@name" */
	if (el->build && xr->depth > 2)
		el->build = spend(xr, 2, line, col);
	for (int i = 0; i < nattrs && (el->build || xr->depth == 1); i++) {
		const xmlChar **a = attrs + 5 * i;
		qname(&name, a[1], a[0]);
		struct buf k = {0};
		buf_printf(&k, "@%s", name.s);
		if (xr->depth == 1)
			strset_add(&shapes_state(x)->ignored, k.s);
		else if ((el->build = spend(xr, 2, line, col)))
			kid_add(el, scalar_new(xr, k.s, k.len, line, col),
			        scalar_new(xr, (const char *)a[3],
			                   (size_t)(a[4] - a[3]), line, col));
		buf_free(&k);
	}
	buf_free(&name);
}

/* Text and CDATA: the open element's, up to --max-scalar. */
static void
on_text(void *ctx, const xmlChar *s, int len)
{
	struct xread *xr = xr_of(ctx);
	if (!xr->depth || len <= 0)
		return;
	struct xel *el = &xr->stack[xr->depth - 1];
	if (!el->build || el->text_over)
		return;
	struct lctx *x = &xr->r->x;
	if ((size_t)len > x->lim->max_scalar - el->text.len) {
		catalog_problem(x->c, x->file, el->line, el->col, true, "a value "
		                "of more than %zu bytes (see --max-scalar); it is "
		                "dropped", x->lim->max_scalar);
		el->text_over = true;
		buf_clear(&el->text);
		return;
	}
	buf_add(&el->text, (const char *)s, (size_t)len);
}

static void
on_end(void *ctx, const xmlChar *local, const xmlChar *prefix,
       const xmlChar *uri)
{
	(void)uri;
	struct xread *xr = xr_of(ctx);
	if (!xr->depth)
		return;
	struct xel *el = &xr->stack[--xr->depth];
	struct reader *r = xr->r;
	if (el->build && xr->depth == 1) {
		/* a position: mapped, and its nodes forgotten */
		struct ynode *m = el_node(xr, el, true);
		r->item++;
		r->budget_reported = xr->budget_said;
		reader_posting(r, m, NULL);
		arena_reset(&r->scratch);
		xr->budget = 0;
		xr->budget_said = false;
	} else if (el->build) {
		struct buf name = {0};
		qname(&name, prefix, local);
		struct ynode *v = el_node(xr, el, false);
		kid_add(&xr->stack[xr->depth - 1],
		        scalar_new(xr, name.s, name.len, el->line, el->col), v);
		buf_free(&name);
	}
	buf_clear(&el->text);
	el->n = 0;
}

/* A DTD's entity declaration: the file is not read (billet expands none
 * but XML's own). */
static void
on_entity(void *ctx, const xmlChar *name, int type, const xmlChar *public_id,
          const xmlChar *system_id, xmlChar *content)
{
	(void)type;
	(void)public_id;
	(void)system_id;
	(void)content;
	xmlParserCtxtPtr ctxt = ctx;
	struct lctx *x = &xr_of(ctx)->r->x;
	const char *n = name ? (const char *)name : "";
	int ql = quoted_len(n);
	catalog_problem(x->c, x->file, (unsigned)ctxt->input->line,
	                (unsigned)ctxt->input->col, true, "the DTD declares "
	                "an entity (%.*s%s): billet expands none but XML's own "
	                "(&amp; &lt; &gt; &quot; &apos;); the file is not read",
	                ql, n, n[ql] ? "\xE2\x80\xA6" : "");
	stop(ctx);
}

/* libxml2's messages: the first error is kept, said by xml_read (it
 * reads on after one, and what it says next follows from the first). */
static void
on_error(void *ctx, xmlErrorPtr e)
{
	struct xread *xr = xr_of(ctx);
	if (xr->error.len || !e || e->level < XML_ERR_ERROR)
		return;
	const char *msg = e->message && *e->message ? e->message : "an error";
	size_t len = strcspn(msg, "\n");
	if (len > 200) { /* names it quotes may be long */
		len = 200;
		while (len && ((unsigned char)msg[len] & 0xC0) == 0x80)
			len--;
		buf_add(&xr->error, msg, len);
		buf_adds(&xr->error, "\xE2\x80\xA6");
	} else {
		buf_add(&xr->error, msg, len);
	}
	xr->error_line = e->line > 0 ? (unsigned)e->line : 1;
	xr->error_col = e->int2 > 0 ? (unsigned)e->int2 : 1;
}

/* Parses an XML file's bytes into postings. */
static void
xml_read(struct reader *r, const char *buf, size_t len,
         const atomic_bool *cancel)
{
	struct lctx *x = &r->x;
	size_t costly = xml_costly_tag(buf, len);
	if (costly < len) {
		struct page_src at = {.buf = buf, .len = len};
		unsigned line, col;
		page_position(&at, costly, &line, &col);
		catalog_problem(x->c, x->file, line, col, true, "tags with "
		                "thousands of attributes, the first here: "
		                "libxml2's parser would take minutes over them; "
		                "the file is not read");
		return;
	}
	if (len > INT_MAX) {
		catalog_problem(x->c, x->file, 0, 0, true, "an XML file of more "
		                "than %d bytes is not read", INT_MAX);
		return;
	}
	xmlParserCtxtPtr ctxt = xmlCreateMemoryParserCtxt(buf, (int)len);
	if (!ctxt)
		die_nomem();
	/* no network, no DTD loaded, no entity substituted, libxml2's own
	 * limits kept (no XML_PARSE_HUGE); no tree: these callbacks only */
	xmlCtxtUseOptions(ctxt, XML_PARSE_NONET | XML_PARSE_NOERROR |
	                        XML_PARSE_NOWARNING);
	xmlSAXHandler *sax = ctxt->sax;
	memset(sax, 0, sizeof(*sax));
	sax->initialized = XML_SAX2_MAGIC;
	sax->startElementNs = on_start;
	sax->endElementNs = on_end;
	sax->characters = on_text;
	sax->cdataBlock = on_text;
	sax->entityDecl = on_entity;
	sax->serror = on_error;
	struct xread xr = {.r = r, .cancel = cancel};
	ctxt->_private = &xr;
	xmlParseDocument(ctxt);
	if (!xr.stopped && !ctxt->wellFormed)
		catalog_problem(x->c, x->file, xr.error.len ? xr.error_line : 1,
		                xr.error.len ? xr.error_col : 1, true,
		                "not well-formed XML: %s; the rest of the file is "
		                "not read", xr.error.len ? xr.error.s : "an error");
	buf_free(&xr.error);
	/* an entity declaration makes libxml2 start a document of its own
	 * (for expat's SAX); freed as xmlSAXUserParseMemory frees it */
	if (ctxt->myDoc) {
		xmlFreeDoc(ctxt->myDoc);
		ctxt->myDoc = NULL;
	}
	for (size_t i = 0; i < xr.cap; i++) {
		buf_free(&xr.stack[i].text);
		free(xr.stack[i].kids);
	}
	free(xr.stack);
	xmlFreeParserCtxt(ctxt);
}

void
xml_parse_unit(struct unit *u, struct arena *keep,
               const struct load_limits *lim, const atomic_bool *cancel)
{
	parse_unit_whole(u, keep, lim, cancel, xml_read, NULL);
}
