/* SPDX-License-Identifier: MIT */
/* load/microdata: a job page's schema.org microdata (itemscope,
 * itemtype, itemprop) -> the nodes the JSON-LD mapping reads: every item
 * of type JobPosting is a posting, its nested items (hiringOrganization,
 * jobLocation, baseSalary...) mappings of their own. */
#include "load/page.h"
#include "load/html.h"

#include <libxml/HTMLtree.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The state of reading a page's microdata. */
struct md {
	struct reader *r;
	struct page_src *src;
};

/* A property of an item: its name, its value, its place in the page. */
struct prop {
	const char *name;     /* in the reader's scratch memory */
	struct ynode *value;
	size_t ord;           /* its order among the item's properties */
};

/* The properties of an item being gathered. */
struct props {
	struct prop *v;
	size_t n, cap;
};

/* How far into a line the column of a property is looked for. */
#define COL_LOOK 4096

/* The column of property name on line of the page: where its name is
 * in an itemprop attribute, or 1. */
static unsigned
prop_col(struct md *m, unsigned line, const char *name)
{
	struct page_src *s = m->src;
	size_t bol = page_line_start(s, line);
	size_t end = bol + COL_LOOK < s->len ? bol + COL_LOOK : s->len;
	const char *nl = bol < end ? memchr(s->buf + bol, '\n', end - bol)
	                           : NULL;
	if (nl)
		end = (size_t)(nl - s->buf);
	size_t nlen = strlen(name);
	for (size_t i = bol; nlen && i + nlen <= end; i++) {
		const char *at = text_find(s->buf + i, end - i, name, nlen);
		if (!at)
			break;
		i = (size_t)(at - s->buf);
		/* "itemprop" before it in the same tag */
		size_t k = i;
		while (k > bol && i - k < 100 && s->buf[k - 1] != '>' &&
		       s->buf[k - 1] != '<')
			k--;
		const char *ip = text_find(s->buf + k, i - k, "itemprop", 8);
		if (!ip)
			ip = text_find(s->buf + k, i - k, "itemtype", 8);
		if (ip) {
			unsigned c = 1;
			for (size_t j = bol; j < i; j++)
				c += ((unsigned char)s->buf[j] & 0xC0) != 0x80;
			return c;
		}
	}
	return 1;
}

/* A node for element el (the property name, for its column). */
static struct ynode *
node_new(struct md *m, enum ykind kind, const xmlNode *el, const char *name)
{
	struct ynode *n = arena_alloc(&m->r->scratch, sizeof(*n));
	if (!n)
		die_nomem();
	long line = xmlGetLineNo(el);
	*n = (struct ynode){.kind = kind, .line = line > 0 ? (unsigned)line : 1,
	                    .weight = 1};
	n->col = prop_col(m, n->line, name);
	return n;
}

/* A scalar node of text s (len bytes), copied where the catalog keeps
 * text; nothing (reported) when it is over the limit. */
static struct ynode *
scalar(struct md *m, const xmlNode *el, const char *name, const char *s,
       size_t len)
{
	struct lctx *x = &m->r->x;
	if (len > x->lim->max_scalar) {
		struct ynode *n = node_new(m, Y_NULL, el, name);
		catalog_problem(x->c, x->file, n->line, n->col, true,
		                "microdata: %s: a value of %zu bytes exceeds "
		                "the limit of %zu (see --max-scalar); it is "
		                "dropped", name, len, x->lim->max_scalar);
		return n;
	}
	struct ynode *n = node_new(m, Y_SCALAR, el, name);
	char *t = arena_strndup(&x->c->arena, s, len);
	if (!t)
		die_nomem();
	n->s = t;
	n->len = n->bytes = len;
	n->kept = true;
	return n;
}

/* A key node (the reader's scratch memory). */
static struct ynode *
key_new(struct md *m, const xmlNode *el, const char *name)
{
	struct ynode *n = node_new(m, Y_SCALAR, el, name);
	char *t = arena_strdup(&m->r->scratch, name);
	if (!t)
		die_nomem();
	n->s = t;
	n->len = strlen(t);
	return n;
}

/* The last part of a URL ("https://schema.org/Place" -> "Place"). */
static const char *
last_part(const char *s)
{
	const char *p = s + strlen(s);
	while (p > s && p[-1] != '/' && p[-1] != '#')
		p--;
	return *p ? p : s;
}

/* True when itemtype (space-separated URLs) names a JobPosting. */
static bool
job_type(const char *itemtype)
{
	if (!itemtype)
		return false;
	for (const char *p = itemtype; *p;) {
		size_t n = strcspn(p, " \t\n\r");
		if (n >= 10 && !strncasecmp(p + n - 10, "JobPosting", 10) &&
		    (n == 10 || p[n - 11] == '/' || p[n - 11] == '#' ||
		     p[n - 11] == ':'))
			return true;
		p += n;
		p += strspn(p, " \t\n\r");
	}
	return false;
}

/* True when element el has attribute name. */
static bool
has_attr(const xmlNode *el, const char *name)
{
	for (const xmlAttr *a = el->properties; a; a = a->next)
		if (a->name && !strcasecmp((const char *)a->name, name))
			return true;
	return false;
}

/* True when el has an element among its children. */
static bool
has_elements(const xmlNode *el)
{
	for (const xmlNode *c = el->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return true;
	return false;
}

static struct ynode *item_node(struct md *m, const xmlNode *el,
                               const char *name, size_t depth);

/* The value of property element el, as the microdata rules say: an item,
 * an attribute (content, href, src, datetime...), or its content: HTML
 * when it holds elements (a description), else its text. */
static struct ynode *
prop_value(struct md *m, const xmlNode *el, const char *name, size_t depth)
{
	if (has_attr(el, "itemscope"))
		return item_node(m, el, name, depth + 1);
	static const struct {
		const char *tag, *attr;
	} attrs[] = {
		{"meta", "content"}, {"a", "href"}, {"area", "href"},
		{"link", "href"}, {"img", "src"}, {"audio", "src"},
		{"video", "src"}, {"source", "src"}, {"embed", "src"},
		{"iframe", "src"}, {"track", "src"}, {"object", "data"},
		{"data", "value"}, {"meter", "value"}, {"time", "datetime"},
	};
	for (size_t i = 0; i < sizeof(attrs) / sizeof(*attrs); i++) {
		if (!html_is(el, attrs[i].tag))
			continue;
		char *v = html_attr(el, attrs[i].attr);
		if (!v)
			break; /* <time> without datetime: its text */
		struct ynode *n = scalar(m, el, name, v, strlen(v));
		free(v);
		return n;
	}
	struct ynode *n;
	if (has_elements(el)) {
		xmlBufferPtr b = xmlBufferCreate();
		if (!b)
			die_nomem();
		for (xmlNode *c = el->children; c; c = c->next)
			htmlNodeDump(b, el->doc, c);
		n = scalar(m, el, name, (const char *)xmlBufferContent(b),
		           (size_t)xmlBufferLength(b));
		xmlBufferFree(b);
	} else {
		xmlChar *t = xmlNodeGetContent(el);
		struct buf s = {0};
		for (const char *p = t ? (const char *)t : ""; *p; p++) {
			bool sp = *p == ' ' || *p == '\t' || *p == '\n' ||
			          *p == '\r';
			if (!sp)
				buf_addc(&s, *p);
			else if (s.len && s.s[s.len - 1] != ' ')
				buf_addc(&s, ' ');
		}
		while (s.len && s.s[s.len - 1] == ' ')
			s.s[--s.len] = '\0';
		n = scalar(m, el, name, s.s ? s.s : "", s.len);
		buf_free(&s);
		xmlFree(t);
	}
	return n;
}

/* Adds a property. */
static void
props_add(struct props *ps, const char *name, struct ynode *value)
{
	if (ps->n == ps->cap) {
		ps->cap = ps->cap ? ps->cap * 2 : 16;
		ps->v = xrealloc(ps->v, ps->cap * sizeof(*ps->v));
	}
	ps->v[ps->n] = (struct prop){name, value, ps->n};
	ps->n++;
}

/* Gathers the properties under el: its descendants with itemprop, not
 * those of the items nested in it. */
static void
collect(struct md *m, const xmlNode *el, struct props *ps, size_t depth)
{
	for (const xmlNode *c = el->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		char *names = html_attr(c, "itemprop");
		if (names) {
			struct ynode *v = NULL;
			for (char *p = names; *p;) {
				size_t n = strcspn(p, " \t\n\r");
				char save = p[n];
				p[n] = '\0';
				const char *name = arena_strdup(&m->r->scratch,
				                                last_part(p));
				if (!name)
					die_nomem();
				if (!v)
					v = prop_value(m, c, name, depth);
				props_add(ps, name, v);
				p[n] = save;
				p += n;
				p += strspn(p, " \t\n\r");
			}
			free(names);
		}
		if (!has_attr(c, "itemscope"))
			collect(m, c, ps, depth);
	}
}

/* Orders properties by name, then by their order. */
static int
prop_cmp(const void *a, const void *b)
{
	const struct prop *p = a, *q = b;
	int c = strcmp(p->name, q->name);
	return c ? c : (p->ord > q->ord) - (p->ord < q->ord);
}

/* Orders properties by their order. */
static int
ord_cmp(const void *a, const void *b)
{
	const struct prop *p = a, *q = b;
	return (p->ord > q->ord) - (p->ord < q->ord);
}

/* The mapping of item el: "@type" from its itemtype, then its properties
 * in the order they first appear, those given more than once as lists. */
static struct ynode *
item_node(struct md *m, const xmlNode *el, const char *name, size_t depth)
{
	struct lctx *x = &m->r->x;
	if (depth > x->lim->max_depth) {
		struct ynode *n = node_new(m, Y_NULL, el, name);
		catalog_problem(x->c, x->file, n->line, n->col, true,
		                "microdata: items nested deeper than %zu (see "
		                "--max-depth); this one is left out",
		                x->lim->max_depth);
		return n;
	}
	struct props ps = {0};
	collect(m, el, &ps, depth);
	/* one entry a name, at the place of its first value */
	if (ps.n)
		qsort(ps.v, ps.n, sizeof(*ps.v), prop_cmp);
	size_t groups = 0;
	for (size_t i = 0; i < ps.n;) {
		size_t j = i + 1;
		while (j < ps.n && !strcmp(ps.v[j].name, ps.v[i].name))
			j++;
		struct prop g = ps.v[i];
		if (j - i > 1) {
			struct ynode *seq = node_new(m, Y_SEQ, el, g.name);
			seq->kids = arena_alloc(&m->r->scratch,
			                        (j - i) * sizeof(*seq->kids));
			if (!seq->kids)
				die_nomem();
			for (size_t k = i; k < j; k++)
				seq->kids[k - i] = ps.v[k].value;
			seq->n = j - i;
			seq->line = g.value->line;
			seq->col = g.value->col;
			g.value = seq;
		}
		ps.v[groups++] = g;
		i = j;
	}
	if (groups)
		qsort(ps.v, groups, sizeof(*ps.v), ord_cmp);
	char *type = html_attr(el, "itemtype");
	size_t pairs = groups + (type ? 1 : 0);
	struct ynode *map = node_new(m, Y_MAP, el, name);
	map->kids = arena_alloc(&m->r->scratch,
	                        (2 * pairs + 1) * sizeof(*map->kids));
	if (!map->kids)
		die_nomem();
	size_t k = 0;
	if (type) {
		map->kids[k++] = key_new(m, el, "@type");
		size_t tl = strcspn(type, " \t\n\r");
		type[tl] = '\0';
		const char *t = last_part(type);
		map->kids[k++] = scalar(m, el, name, t, strlen(t));
		free(type);
	}
	for (size_t i = 0; i < groups; i++) {
		struct ynode *key = key_new(m, el, ps.v[i].name);
		key->line = ps.v[i].value->line;
		key->col = ps.v[i].value->col;
		map->kids[k++] = key;
		map->kids[k++] = ps.v[i].value;
	}
	map->n = k / 2;
	free(ps.v);
	return map;
}

size_t
microdata_read(struct reader *r, struct page_src *src, const xmlNode *root)
{
	struct md m = {.r = r, .src = src};
	size_t found = 0;
	const xmlNode *n = root->children;
	while (n) {
		bool descend = true;
		if (n->type == XML_ELEMENT_NODE && has_attr(n, "itemscope")) {
			char *type = html_attr(n, "itemtype");
			if (job_type(type)) {
				descend = false;
				arena_reset(&r->scratch);
				r->p0 = r->x.c->nproblems;
				struct ynode *item = item_node(&m, n, "JobPosting",
				                               1);
				r->item++;
				reader_posting(r, item, NULL);
				found++;
			}
			free(type);
		}
		if (descend && n->children && n->type == XML_ELEMENT_NODE) {
			n = n->children;
			continue;
		}
		while (n && n != root && !n->next)
			n = n->parent;
		n = n && n != root ? n->next : NULL;
	}
	arena_reset(&r->scratch);
	return found;
}
