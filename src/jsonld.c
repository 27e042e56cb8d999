/* SPDX-License-Identifier: MIT */
#include "jsonld.h"
#include "load_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* HTML ------------------------------------------------------------------ */

/* Named entities worth knowing in job postings. */
static const struct {
	const char *name;
	const char *text;
} entities[] = {
	{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""},
	{"apos", "'"}, {"nbsp", " "}, {"ndash", "–"}, {"mdash", "—"},
	{"rsquo", "’"}, {"lsquo", "‘"}, {"rdquo", "”"}, {"ldquo", "“"},
	{"hellip", "…"}, {"bull", "•"}, {"middot", "·"}, {"copy", "©"},
	{"reg", "®"}, {"trade", "™"}, {"euro", "€"}, {"pound", "£"},
	{"eacute", "é"}, {"egrave", "è"}, {"aacute", "á"}, {"oacute", "ó"},
	{"iacute", "í"}, {"uacute", "ú"}, {"ntilde", "ñ"}, {"uuml", "ü"},
	{"ouml", "ö"}, {"auml", "ä"}, {"ccedil", "ç"}, {"szlig", "ß"},
};

/* Decodes an entity at s (after '&'); returns bytes used or 0. */
static size_t
entity(struct buf *out, const char *s, size_t len)
{
	size_t semi = 0;
	while (semi < len && semi < 12 && s[semi] != ';')
		semi++;
	if (semi >= len || s[semi] != ';' || semi == 0)
		return 0;
	if (s[0] == '#') {
		char *end;
		char num[16];
		if (semi - 1 >= sizeof(num) || semi < 2)
			return 0;
		memcpy(num, s + 1, semi - 1);
		num[semi - 1] = '\0';
		unsigned long cp = num[0] == 'x' || num[0] == 'X'
			? strtoul(num + 1, &end, 16) : strtoul(num, &end, 10);
		if (*end || cp == 0 || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
		char enc[4];
		buf_add(out, enc, text_encode((uint32_t)cp, enc));
		return semi + 1;
	}
	for (size_t i = 0; i < sizeof(entities) / sizeof(entities[0]); i++) {
		if (strlen(entities[i].name) == semi &&
		    !memcmp(s, entities[i].name, semi)) {
			buf_adds(out, entities[i].text);
			return semi + 1;
		}
	}
	return 0;
}

/* True if the tag name at s (after '<' or "</") is one of the words. */
static bool
tag_is(const char *s, size_t len, const char *const *words)
{
	for (; *words; words++) {
		size_t wl = strlen(*words);
		if (len >= wl && !strncasecmp(s, *words, wl) &&
		    (len == wl || s[wl] == '>' || s[wl] == ' ' || s[wl] == '/' ||
		     s[wl] == '\t' || s[wl] == '\n'))
			return true;
	}
	return false;
}

void
html_to_text(struct buf *out, const char *s, size_t len)
{
	static const char *const blocks[] = {"p", "div", "br", "ul", "ol",
	                                     "h1", "h2", "h3", "h4", "h5",
	                                     "h6", "tr", "table", NULL};
	static const char *const items[] = {"li", NULL};
	size_t start = out->len;
	/* a '<' after the last '>' starts no tag: known without a scan to
	 * the end for each one, which made "<<<<..." quadratic */
	size_t last_gt = len;
	while (last_gt > 0 && s[last_gt - 1] != '>')
		last_gt--;
	for (size_t i = 0; i < len;) {
		char c = s[i];
		if (c == '<' && i + 1 >= last_gt) {
			buf_addc(out, c);
			i++;
		} else if (c == '<') {
			size_t end = i + 1;
			while (end < len && s[end] != '>')
				end++;
			if (end >= len) { /* not a tag after all */
				buf_addc(out, c);
				i++;
				continue;
			}
			const char *name = s + i + 1;
			size_t nl = end - i - 1;
			if (nl && name[0] == '/') {
				name++;
				nl--;
			}
			if (tag_is(name, nl, items)) {
				if (s[i + 1] != '/')
					buf_adds(out, "\n");
			} else if (tag_is(name, nl, blocks)) {
				buf_adds(out, "\n");
			}
			i = end + 1;
		} else if (c == '&') {
			size_t used = entity(out, s + i + 1, len - i - 1);
			if (!used)
				buf_addc(out, '&');
			i += used + 1;
		} else {
			buf_addc(out, c);
			i++;
		}
	}
	/* at most one blank line in a row, no spaces at line ends */
	size_t k = start;
	int newlines = 0;
	for (size_t i = start; i < out->len; i++) {
		char c = out->s[i];
		if (c == '\n') {
			while (k > start && out->s[k - 1] == ' ')
				k--;
			if (++newlines > 2)
				continue;
		} else if (c == ' ' && newlines) {
			continue;
		} else {
			newlines = 0;
		}
		out->s[k++] = c;
	}
	out->len = k;
	if (out->s)
		out->s[k] = '\0';
	else
		buf_adds(out, "");
}

/* JSON escapes ---------------------------------------------------------- */

/* The value of four hex digits at s, or -1. */
static long
hex4(const char *s)
{
	long v = 0;
	for (int i = 0; i < 4; i++) {
		char c = s[i];
		int d = c >= '0' && c <= '9' ? c - '0'
		      : c >= 'a' && c <= 'f' ? c - 'a' + 10
		      : c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
		if (d < 0)
			return -1;
		v = v * 16 + d;
	}
	return v;
}

/* The UTF-16 unit of a \uXXXX escape at buf[i] when it is a surrogate
 * (D800-DFFF), else -1. */
static long
surrogate_at(const char *buf, size_t len, size_t i)
{
	if (len - i < 6 || buf[i] != '\\' || buf[i + 1] != 'u')
		return -1;
	long u = hex4(buf + i + 2);
	return u >= 0xD800 && u <= 0xDFFF ? u : -1;
}

/* The offset of the next surrogate escape from buf[from] on (from not
 * inside an escape), or len. */
static size_t
next_surrogate(const char *buf, size_t len, size_t from)
{
	const char *p = buf + from, *e = buf + len;
	while (p < e && (p = memchr(p, '\\', (size_t)(e - p)))) {
		if (surrogate_at(buf, len, (size_t)(p - buf)) >= 0)
			return (size_t)(p - buf);
		p += 2; /* past the escaped character: "\\u" is no escape */
	}
	return len;
}

char *
jsonld_unsurrogate(struct lctx *x, const char *buf, size_t len,
                   size_t *out_len)
{
	size_t nl = strlen(x->file);
	if (nl < 5 || strcmp(x->file + nl - 5, ".json") != 0)
		return NULL;
	size_t i = next_surrogate(buf, len, 0);
	if (i == len)
		return NULL;
	struct buf out = {0};
	size_t done = 0;        /* bytes of buf copied to out */
	unsigned pad = 0;       /* bytes the open string has lost */
	unsigned line = 1;      /* the line of buf[at], counted on demand */
	size_t at = 0, bol = 0; /* and the offset of its start */
	while (i < len) {
		long hi = surrogate_at(buf, len, i), lo = -1;
		if (hi >= 0) {
			buf_add(&out, buf + done, i - done);
			if (hi <= 0xDBFF)
				lo = surrogate_at(buf, len, i + 6);
			if (lo >= 0xDC00) {
				uint32_t cp = 0x10000 + (uint32_t)((hi - 0xD800)
				              << 10) + (uint32_t)(lo - 0xDC00);
				buf_printf(&out, "\\U%08X", (unsigned)cp);
				pad += 2;
				i += 12;
			} else {
				for (; at < i; at++)
					if (buf[at] == '\n') {
						line++;
						bol = at + 1;
					}
				unsigned col = 1;
				for (size_t k = bol; k < i; k++)
					col += ((unsigned char)buf[k] & 0xC0) != 0x80;
				catalog_problem(x->c, x->file, line, col, false,
				                "\\u%04lX is half of a UTF-16 "
				                "surrogate pair, alone; read as "
				                "U+FFFD", (unsigned long)hi);
				buf_adds(&out, "\\uFFFD");
				i += 6;
			}
			done = i;
		} else if (buf[i] == '\\') {
			i += len - i > 1 ? 2 : 1;
		} else if (buf[i] == '"') {
			/* the string ends: the bytes it lost come back as
			 * spaces after it, so that what follows keeps its
			 * column and offset (only what follows an escape
			 * inside the string is moved) */
			buf_add(&out, buf + done, i + 1 - done);
			for (; pad; pad--)
				buf_addc(&out, ' ');
			done = ++i;
		} else {
			if (buf[i] == '\n')
				pad = 0; /* a string over lines, as JSON has
				          * none: the rest of the line moves */
			i++;
		}
		if (!pad)
			i = next_surrogate(buf, len, i);
	}
	buf_add(&out, buf + done, len - done);
	*out_len = out.len;
	return buf_steal(&out);
}

/* Helpers --------------------------------------------------------------- */

/* True if the node is text equal to s. */
static bool
is_text(const struct ynode *n, const char *s)
{
	return n && n->kind == Y_SCALAR && strcmp(n->s, s) == 0;
}

bool
jsonld_is(const struct ynode *m)
{
	const struct ynode *t = ymap_get(m, "@type");
	if (!t)
		return false;
	if (is_text(t, "JobPosting") || is_text(t, "schema:JobPosting") ||
	    is_text(t, "http://schema.org/JobPosting") ||
	    is_text(t, "https://schema.org/JobPosting"))
		return true;
	if (t->kind == Y_SEQ)
		for (size_t i = 0; i < t->n; i++)
			if (is_text(t->kids[i], "JobPosting"))
				return true;
	return false;
}

/* Appends a readable form of a node: text as is (HTML stripped), an
 * object by its name, else its values. */
static void
node_text(struct buf *out, const struct ynode *n)
{
	switch (n->kind) {
	case Y_NULL:
		return;
	case Y_SCALAR:
		html_to_text(out, n->s, n->len);
		return;
	case Y_SEQ:
		for (size_t i = 0; i < n->n; i++) {
			if (i)
				buf_adds(out, "; ");
			node_text(out, n->kids[i]);
		}
		return;
	case Y_MAP: {
		const struct ynode *name = ymap_get(n, "name");
		if (name && name->kind == Y_SCALAR) {
			node_text(out, name);
			const struct ynode *d = ymap_get(n, "description");
			if (d && d->kind == Y_SCALAR) {
				buf_adds(out, ": ");
				node_text(out, d);
			}
			return;
		}
		size_t k = 0;
		for (size_t i = 0; i < n->n; i++) {
			const struct ynode *key = n->kids[2 * i];
			const struct ynode *v = n->kids[2 * i + 1];
			if (key->kind != Y_SCALAR || key->s[0] == '@' ||
			    v->kind == Y_NULL)
				continue;
			if (k++)
				buf_adds(out, ", ");
			buf_adds(out, key->s);
			buf_adds(out, ": ");
			node_text(out, v);
		}
		return;
	}
	}
}

/* Keeps a buffer's text trimmed in the arena; NULL when blank. */
static const char *
keep_buf(struct lctx *x, struct buf *b)
{
	const char *s = b->s ? b->s : "", *e = s + b->len;
	while (s < e && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\t' ||
	                 e[-1] == '\r'))
		e--;
	return e > s ? lkeep(x, s, (size_t)(e - s)) : NULL;
}

/* The readable text of a node, kept in the arena. */
static const char *
keep_text(struct lctx *x, const struct ynode *n)
{
	struct buf b = {0};
	node_text(&b, n);
	const char *s = keep_buf(x, &b);
	buf_free(&b);
	return s;
}

/* Items gathered for a list. */
struct items {
	const char **v;
	size_t n, cap;
};

/* Adds an item (kept in the arena) unless blank. */
static void
items_add(struct lctx *x, struct items *it, const char *s, size_t len)
{
	for (;;) {
		if (len && (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')) {
			s++;
			len--;
		} else if (len >= 3 && !memcmp(s, "•", 3)) {
			s += 3;
			len -= 3;
		} else {
			break;
		}
	}
	while (len && (s[len - 1] == ' ' || s[len - 1] == '\t' ||
	               s[len - 1] == '\r'))
		len--;
	if (!len)
		return;
	if (it->n == it->cap) {
		it->cap = it->cap ? it->cap * 2 : 8;
		const char **v = realloc(it->v, it->cap * sizeof(*v));
		if (!v)
			die_nomem();
		it->v = v;
	}
	it->v[it->n++] = lkeep(x, s, len);
}

/* Splits a node into items: a string on newlines and <li>, a list item
 * by item, an object by its name or values. */
static void
split_items(struct lctx *x, const struct ynode *n, struct items *it)
{
	if (n->kind == Y_SEQ) {
		for (size_t i = 0; i < n->n; i++)
			split_items(x, n->kids[i], it);
		return;
	}
	struct buf b = {0};
	node_text(&b, n);
	if (n->kind == Y_SCALAR && b.s) {
		const char *s = b.s;
		for (;;) {
			const char *nl = strchr(s, '\n');
			items_add(x, it, s, nl ? (size_t)(nl - s) : strlen(s));
			if (!nl)
				break;
			s = nl + 1;
		}
	} else if (b.s) {
		items_add(x, it, b.s, b.len);
	}
	buf_free(&b);
}

/* Reads a node as a list into out (appending to what is there). */
static void
to_list(struct lctx *x, const struct ynode *n, struct strlist *out)
{
	struct items it = {0};
	for (size_t i = 0; i < out->n; i++)
		items_add(x, &it, out->v[i], strlen(out->v[i]));
	split_items(x, n, &it);
	if (it.n)
		lstrlist(x, it.v, it.n, out);
	free(it.v);
}

/* Adds a section of items under heading. */
static void
to_section(struct lctx *x, const struct ynode *n, const char *heading)
{
	struct posting *p = x->p;
	struct strlist l = {0};
	to_list(x, n, &l);
	if (!l.n)
		return;
	struct section *v = arena_alloc(&x->c->arena,
	                                (p->nsections + 1) * sizeof(*v));
	if (!v)
		die_nomem();
	if (p->nsections)
		memcpy(v, p->sections, p->nsections * sizeof(*v));
	v[p->nsections] = (struct section){.heading = heading, .items = l};
	p->sections = v;
	p->nsections++;
}

/* The first element of a list, or the node itself. */
static const struct ynode *
first(const struct ynode *n)
{
	if (n && n->kind == Y_SEQ)
		return n->n ? n->kids[0] : NULL;
	return n;
}

/* Lists and @graph ------------------------------------------------------ */

/* A node of a @graph with an @id. */
struct ldid {
	const char *id;
	size_t ord;                /* its place in the @graph's order */
	const struct ynode *n;
};

/* The first text of a node's @type, or NULL. */
static const char *
type_name(const struct ynode *m)
{
	const struct ynode *t = first(ymap_get(m, "@type"));
	return t && t->kind == Y_SCALAR ? t->s : NULL;
}

void
jsonld_list_begin(struct lctx *x, const struct ynode *graph)
{
	free(x->ld.ids);
	x->ld = (struct ldlist){.graph = graph};
	if (graph)
		for (size_t i = 0; i < graph->n && !x->ld.graph_postings; i++)
			x->ld.graph_postings = jsonld_is(graph->kids[i]);
}

bool
jsonld_skip(struct lctx *x, const struct ynode *m)
{
	if (m->kind != Y_MAP || jsonld_is(m))
		return false;
	/* a list of canonical postings has no @type: each item is one */
	const char *type = type_name(m);
	if (!type && !x->ld.graph_postings)
		return false;
	if (!x->ld.skipped++) {
		x->ld.skip_line = m->line;
		x->ld.skip_col = m->col;
		x->ld.skip_type = type;
	}
	return true;
}

void
jsonld_list_end(struct lctx *x)
{
	struct ldlist *l = &x->ld;
	if (l->skipped && !l->postings)
		catalog_problem(x->c, x->file, l->skip_line, l->skip_col, true,
		                "not a posting: @type is %s, not JobPosting "
		                "(%zu such node%s in this %s, which holds no "
		                "JobPosting)", l->skip_type ? l->skip_type : "?",
		                l->skipped, l->skipped == 1 ? "" : "s",
		                l->graph ? "@graph" : "list");
	free(l->ids);
	*l = (struct ldlist){0};
}

/* True when m is only a reference: a mapping of @id (and @type). */
static bool
is_ref(const struct ynode *m)
{
	const struct ynode *id = ymap_get(m, "@id");
	if (!id || id->kind != Y_SCALAR)
		return false;
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i];
		if (k->kind != Y_SCALAR ||
		    (strcmp(k->s, "@id") && strcmp(k->s, "@type")))
			return false;
	}
	return true;
}

/* Orders nodes by @id, then by their place in the @graph. */
static int
ldid_cmp(const void *a, const void *b)
{
	const struct ldid *p = a, *q = b;
	int c = strcmp(p->id, q->id);
	return c ? c : (p->ord > q->ord) - (p->ord < q->ord);
}

/* Adds the nodes with an @id (other than references) at and below n. */
static void
index_ids(struct ldlist *l, const struct ynode *n, size_t *cap)
{
	if (n->kind == Y_SEQ) {
		for (size_t i = 0; i < n->n; i++)
			index_ids(l, n->kids[i], cap);
		return;
	}
	if (n->kind != Y_MAP)
		return;
	const struct ynode *id = ymap_get(n, "@id");
	if (id && id->kind == Y_SCALAR && !is_ref(n)) {
		if (l->nids == *cap) {
			*cap = *cap ? *cap * 2 : 16;
			struct ldid *v = realloc(l->ids, *cap * sizeof(*v));
			if (!v)
				die_nomem();
			l->ids = v;
		}
		l->ids[l->nids] = (struct ldid){id->s, l->nids, n};
		l->nids++;
	}
	for (size_t i = 0; i < n->n; i++)
		index_ids(l, n->kids[2 * i + 1], cap);
}

/* The node of the @graph that m refers to when m is a reference
 * ({"@id": ...}), else m. A reference to nothing is said under the
 * property's name, what. */
static const struct ynode *
deref(struct lctx *x, const struct ynode *m, const char *what)
{
	if (!m || !is_ref(m))
		return m;
	struct ldlist *l = &x->ld;
	const char *id = ymap_get(m, "@id")->s;
	if (l->graph && !l->indexed) {
		/* sorted once: a @graph of many postings costs no scan of
		 * it for each of their references */
		size_t cap = 0;
		index_ids(l, l->graph, &cap);
		if (l->nids)
			qsort(l->ids, l->nids, sizeof(*l->ids), ldid_cmp);
		l->indexed = true;
	}
	size_t lo = 0, hi = l->nids;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(l->ids[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < l->nids && !strcmp(l->ids[lo].id, id))
		return l->ids[lo].n; /* the first of that @id */
	if (l->graph)
		lwarn(x, m, "%s: no node of this @graph has the @id '%s'",
		      what, id);
	else
		lwarn(x, m, "%s: only a reference to the @id '%s' (references "
		      "are followed within a @graph)", what, id);
	return m;
}

/* The properties ------------------------------------------------------ */

/* hiringOrganization: a name or an Organization. */
static void
p_org(struct lctx *x, const struct ynode *n)
{
	struct posting *p = x->p;
	n = deref(x, first(n), "hiringOrganization");
	if (!n)
		return;
	if (n->kind == Y_SCALAR) {
		p->org.name = keep_text(x, n);
		return;
	}
	if (n->kind != Y_MAP)
		return;
	const struct ynode *v;
	if ((v = ymap_get(n, "name")))
		p->org.name = keep_text(x, v);
	if ((v = ymap_get(n, "alternateName")) && v->kind == Y_SCALAR)
		p->org.short_name = keep_text(x, v);
	if ((v = ymap_get(n, "url")) || (v = first(ymap_get(n, "sameAs"))))
		p->org.url = keep_text(x, v);
	if ((v = ymap_get(n, "description")) && !p->org.about)
		p->org.about = keep_text(x, v);
}

/* jobLocation: Places with PostalAddresses, or text. */
static void
p_location(struct lctx *x, const struct ynode *n)
{
	struct posting *p = x->p;
	size_t cnt = n->kind == Y_SEQ ? n->n : 1;
	struct place *v = arena_alloc(&x->c->arena,
	                              (p->nplaces + cnt) * sizeof(*v) + 1);
	if (!v)
		die_nomem();
	if (p->nplaces)
		memcpy(v, p->places, p->nplaces * sizeof(*v));
	p->places = v;
	for (size_t i = 0; i < cnt; i++) {
		const struct ynode *it = deref(x, n->kind == Y_SEQ ? n->kids[i]
		                                   : n, "jobLocation");
		struct place pl = {0};
		if (it->kind == Y_SCALAR) {
			pl.name = keep_text(x, it);
		} else if (it->kind == Y_MAP) {
			const struct ynode *a = deref(x, ymap_get(it, "address"),
			                              "jobLocation address");
			const struct ynode *nm = ymap_get(it, "name");
			if (nm)
				pl.name = keep_text(x, nm);
			if (a && a->kind == Y_SCALAR && !pl.name) {
				pl.name = keep_text(x, a);
			} else if (a && a->kind == Y_MAP) {
				const struct ynode *f;
				if ((f = ymap_get(a, "addressLocality")))
					pl.city = keep_text(x, f);
				if ((f = ymap_get(a, "addressRegion")))
					pl.region = keep_text(x, f);
				if ((f = ymap_get(a, "addressCountry")))
					pl.country = keep_text(x, f);
				if (!pl.name && (f = ymap_get(a, "streetAddress")))
					pl.name = keep_text(x, f);
			}
		}
		if (pl.name || pl.city || pl.region || pl.country)
			p->places[p->nplaces++] = pl;
	}
}

/* employmentType: FULL_TIME, ... or a list of them. */
static void
p_employment(struct lctx *x, const struct ynode *n)
{
	static const struct {
		const char *in, *out;
	} types[] = {
		{"FULL_TIME", "full-time"}, {"PART_TIME", "part-time"},
		{"CONTRACTOR", "contract"}, {"TEMPORARY", "temporary"},
		{"INTERN", "internship"}, {"VOLUNTEER", "volunteer"},
		{"PER_DIEM", "per diem"}, {"OTHER", "other"},
		{"Full-time", "full-time"}, {"Full time", "full-time"},
		{"Part-time", "part-time"}, {"Part time", "part-time"},
	};
	struct buf b = {0};
	size_t cnt = n->kind == Y_SEQ ? n->n : 1;
	for (size_t i = 0; i < cnt; i++) {
		const struct ynode *it = n->kind == Y_SEQ ? n->kids[i] : n;
		if (it->kind != Y_SCALAR)
			continue;
		const char *t = it->s;
		for (size_t k = 0; k < sizeof(types) / sizeof(types[0]); k++)
			if (!strcasecmp(t, types[k].in))
				t = types[k].out;
		if (b.len)
			buf_adds(&b, ", ");
		buf_adds(&b, t);
	}
	x->p->employment.type = keep_buf(x, &b);
	buf_free(&b);
}

/* What a node is, for messages. */
static const char *
kind_text(const struct ynode *n)
{
	return n->kind == Y_NULL ? "nothing" : n->kind == Y_SCALAR ? "text"
	     : n->kind == Y_SEQ ? "a list" : "a mapping";
}

/* Reads an amount as parse_amount does, or a number as JSON writes it
 * (5.5E4, 1e+5). */
static bool
json_amount(const char *s, size_t len, double *out)
{
	if (parse_amount(s, len, out))
		return true;
	size_t i = 0;
	while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
		i++;
	if (i == 0 || i + 1 >= len || (s[i] != 'e' && s[i] != 'E'))
		return false;
	double v;
	if (!parse_amount(s, i, &v))
		return false;
	size_t k = i + 1;
	bool neg = s[k] == '-';
	if (s[k] == '-' || s[k] == '+')
		k++;
	if (k == len || len - k > 3)
		return false;
	int e = 0;
	for (; k < len; k++) {
		if (s[k] < '0' || s[k] > '9')
			return false;
		e = e * 10 + (s[k] - '0');
	}
	for (; e > 0 && v <= 1e12; e--)
		v = neg ? v / 10 : v * 10;
	if (!(v <= 1e12))
		return false;
	*out = v;
	return true;
}

/* How an amount of a salary was given. */
enum amount { AMOUNT_NONE, AMOUNT_OK, AMOUNT_BAD };

/* Reads the amount f (NULL when not given) into *out. */
static enum amount
salary_amount(const struct ynode *f, double *out)
{
	if (!f || f->kind == Y_NULL)
		return AMOUNT_NONE;
	if (f->kind == Y_SCALAR && json_amount(f->s, f->len, out))
		return AMOUNT_OK;
	return AMOUNT_BAD;
}

/* The period of unitCode (UN/CEFACT: HUR, DAY, WEE, MON, ANN). */
static bool
unit_code(const char *s, enum period *out)
{
	static const struct {
		const char *code;
		enum period p;
	} codes[] = {
		{"HUR", PERIOD_HOUR}, {"DAY", PERIOD_DAY}, {"WEE", PERIOD_WEEK},
		{"MON", PERIOD_MONTH}, {"ANN", PERIOD_YEAR},
	};
	for (size_t i = 0; i < sizeof(codes) / sizeof(codes[0]); i++) {
		if (strcasecmp(s, codes[i].code) == 0) {
			*out = codes[i].p;
			return true;
		}
	}
	return false;
}

/* Appends the keys of mapping m (as prefix.key), for messages. */
static void
key_names(struct buf *b, const struct ynode *m, const char *prefix)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i];
		if (k->kind != Y_SCALAR || k->s[0] == '@')
			continue;
		buf_printf(b, "%s%s%s", b->len ? ", " : "", prefix, k->s);
	}
}

/* The period of a MonetaryAmount from unitText or unitCode, looked for
 * in q, then in n; a year when neither is given or read. */
static enum period
salary_period(struct lctx *x, const struct ynode *q, const struct ynode *n)
{
	const struct ynode *text = ymap_get(q, "unitText");
	const struct ynode *code = ymap_get(q, "unitCode");
	if (!text && !code) {
		text = ymap_get(n, "unitText");
		code = ymap_get(n, "unitCode");
	}
	enum period pd = PERIOD_YEAR;
	if (text && text->kind == Y_SCALAR && period_parse(text->s, &pd))
		return pd;
	if (code && code->kind == Y_SCALAR && unit_code(code->s, &pd))
		return pd;
	if (text && text->kind != Y_NULL)
		lwarn(x, text, "baseSalary: unitText %s%s%s is not YEAR, MONTH, "
		      "WEEK, DAY or HOUR; read as a year",
		      text->kind == Y_SCALAR ? "'" : "",
		      text->kind == Y_SCALAR ? text->s : kind_text(text),
		      text->kind == Y_SCALAR ? "'" : "");
	else if (code && code->kind != Y_NULL)
		lwarn(x, code, "baseSalary: unitCode %s%s%s is not ANN, MON, "
		      "WEE, DAY or HUR; read as a year",
		      code->kind == Y_SCALAR ? "'" : "",
		      code->kind == Y_SCALAR ? code->s : kind_text(code),
		      code->kind == Y_SCALAR ? "'" : "");
	return PERIOD_YEAR;
}

/* baseSalary: a number, text, or a MonetaryAmount: a value that is an
 * amount or a QuantitativeValue (minValue, maxValue, value, unitText,
 * unitCode), or those beside the currency. */
static void
p_salary(struct lctx *x, const struct ynode *n, const struct ynode *currency)
{
	n = deref(x, first(n), "baseSalary");
	if (!n || n->kind == Y_NULL)
		return;
	struct posting *p = x->p;
	if (n->kind == Y_SCALAR) {
		ysalary(x, n);
	} else if (n->kind == Y_MAP) {
		const struct ynode *cur = ymap_get(n, "currency");
		const struct ynode *v = deref(x, ymap_get(n, "value"),
		                              "baseSalary value");
		/* the QuantitativeValue, or the MonetaryAmount itself */
		const struct ynode *q = v && v->kind == Y_MAP ? v : n;
		const struct ynode *f[3] = {ymap_get(q, "minValue"),
		                            ymap_get(q, "maxValue"),
		                            q == v ? ymap_get(v, "value") : v};
		static const char *const names[3] = {"minValue", "maxValue",
		                                     "value"};
		if (q == v && !f[0] && !f[1] && !f[2]) {
			f[0] = ymap_get(n, "minValue");
			f[1] = ymap_get(n, "maxValue");
		}
		double a[3] = {-1, -1, -1};
		enum amount got[3];
		int bad = -1;
		for (int i = 0; i < 3; i++) {
			got[i] = salary_amount(f[i], &a[i]);
			if (got[i] == AMOUNT_BAD && bad < 0)
				bad = i;
		}
		double lo = a[0], hi = a[1];
		if (lo < 0 && hi < 0)
			lo = hi = a[2];
		else if (got[2] == AMOUNT_BAD && bad == 2)
			bad = -1; /* a value beside minValue or maxValue */
		if (bad >= 0) {
			const struct ynode *b = f[bad];
			const char *what = lo < 0 && hi < 0
				? "the salary is kept under Other"
				: "it is left out";
			if (b->kind == Y_SCALAR)
				lerr(x, b, "baseSalary: %s '%s' is not an amount; "
				     "%s", names[bad], b->s, what);
			else
				lerr(x, b, "baseSalary: %s: expected an amount%s, "
				     "found %s; %s", names[bad], bad == 2 && q == n
				     ? " or a QuantitativeValue" : "",
				     kind_text(b), what);
		}
		if (lo < 0 && hi < 0) {
			if (bad < 0) {
				struct buf keys = {0};
				key_names(&keys, n, "");
				if (q == v)
					key_names(&keys, v, "value.");
				lerr(x, n, "baseSalary: no amount found: no value, "
				     "minValue or maxValue (found %s); kept "
				     "under Other", keys.len ? keys.s
				                             : "no properties");
				buf_free(&keys);
			}
			ykeep_extra(x, "baseSalary", n);
			return;
		}
		/* only minValue, or only maxValue: a range open at the
		 * other end, as the canonical salary's */
		bool open_below = lo < 0, open_above = hi < 0;
		if (lo < 0)
			lo = hi;
		if (hi < 0)
			hi = lo;
		struct salary s = {.present = true, .min = lo < hi ? lo : hi,
		                   .max = lo < hi ? hi : lo, .currency = "USD",
		                   .period = salary_period(x, q, n),
		                   .open_below = open_below,
		                   .open_above = open_above};
		if (cur)
			currency = cur;
		p->salary = s;
	} else {
		lerr(x, n, "baseSalary: expected an amount or a MonetaryAmount, "
		     "found %s; kept under Other", kind_text(n));
		ykeep_extra(x, "baseSalary", n);
		return;
	}
	if (p->salary.present && currency && currency->kind == Y_SCALAR &&
	    currency->len == 3) {
		for (int i = 0; i < 3; i++) {
			char c = currency->s[i];
			p->salary.currency[i] =
				c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
		}
		p->salary.currency[3] = '\0';
	}
}

/* experienceRequirements: text, or monthsOfExperience. */
static void
p_experience(struct lctx *x, const struct ynode *n)
{
	const struct ynode *m = first(n);
	const struct ynode *months = m ? ymap_get(m, "monthsOfExperience")
	                               : NULL;
	double v;
	if (months && months->kind == Y_SCALAR &&
	    parse_amount(months->s, months->len, &v) && v <= 1200) {
		x->p->experience.min_years = v / 12;
		const struct ynode *d = ymap_get(m, "description");
		if (d)
			x->p->experience.note = keep_text(x, d);
		return;
	}
	to_section(x, n, "Experience requirements");
}

/* applicationContact and directApply. */
static void
p_apply(struct lctx *x, const struct ynode *n)
{
	struct apply *a = &x->p->apply;
	n = deref(x, first(n), "applicationContact");
	if (!n)
		return;
	if (n->kind == Y_SCALAR) {
		a->note = keep_text(x, n);
		return;
	}
	const struct ynode *f;
	if ((f = ymap_get(n, "email")))
		a->email = keep_text(x, f);
	if ((f = ymap_get(n, "url")))
		a->url = keep_text(x, f);
	if ((f = ymap_get(n, "telephone")))
		a->phone = keep_text(x, f);
	if ((f = ymap_get(n, "name")) || (f = ymap_get(n, "description")))
		a->note = keep_text(x, f);
}

/* Appends to the posting's conditions. */
static void
p_condition(struct lctx *x, const struct ynode *n)
{
	to_list(x, n, &x->p->conditions);
}

/* Keeps property key of JobPosting m as a further field: under the name
 * schema:KEY when KEY is a name a posting is written out with (a
 * canonical key, or one the shortlist adds: marked, rating, status,
 * note), so that no output has it twice or takes it for that key;
 * schema:KEY~2, ~3... when m has a property of that name too. */
static void
keep_other(struct lctx *x, const struct ynode *m, const char *key,
           const struct ynode *v)
{
	static const char *const state_keys[] = {"marked", "rating",
	                                         "status", "note"};
	bool clash = posting_field_key(key);
	for (size_t i = 0; i < sizeof(state_keys) / sizeof(*state_keys); i++)
		clash = clash || !strcmp(key, state_keys[i]);
	if (!clash) {
		ykeep_extra(x, key, v);
		return;
	}
	struct buf b = {0};
	buf_printf(&b, "schema:%s", key);
	size_t len = b.len;
	for (unsigned n = 2; ymap_get(m, b.s); n++) {
		b.len = len;
		buf_printf(&b, "~%u", n);
	}
	ykeep_extra(x, b.s, v);
	buf_free(&b);
}

void
jsonld_map(struct lctx *x, const struct ynode *m)
{
	struct posting *p = x->p;
	const struct ynode *name = NULL, *salary = NULL, *currency = NULL;
	x->ld.postings++;
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (k->kind != Y_SCALAR)
			continue;
		const char *key = k->s;
		if (v->kind == Y_NULL || !strcmp(key, "@context") ||
		    !strcmp(key, "@type") || !strcmp(key, "@id"))
			continue;
		if (!strcmp(key, "title")) {
			if (v->kind == Y_SCALAR)
				p->title = keep_text(x, v);
			else
				lerr(x, v, "title: expected text, found %s",
				     v->kind == Y_SEQ ? "a list" : "a mapping");
		} else if (!strcmp(key, "name")) {
			name = v;
			ykeep_extra(x, key, v);
		} else if (!strcmp(key, "hiringOrganization")) {
			p_org(x, v);
		} else if (!strcmp(key, "jobLocation")) {
			p_location(x, v);
		} else if (!strcmp(key, "jobLocationType")) {
			if (is_text(first(v), "TELECOMMUTE"))
				p->workplace = WP_REMOTE;
			else
				ykeep_extra(x, key, v);
		} else if (!strcmp(key, "employmentType")) {
			p_employment(x, v);
		} else if (!strcmp(key, "baseSalary")) {
			salary = v;
		} else if (!strcmp(key, "salaryCurrency")) {
			currency = v;
		} else if (!strcmp(key, "datePosted")) {
			ywhen(x, v, "datePosted", true, &p->posted);
		} else if (!strcmp(key, "validThrough")) {
			ywhen(x, v, "validThrough", false, &p->deadline);
		} else if (!strcmp(key, "jobStartDate")) {
			ywhen(x, v, "jobStartDate", false, &p->start);
		} else if (!strcmp(key, "description")) {
			p->summary = keep_text(x, v);
		} else if (!strcmp(key, "responsibilities")) {
			to_list(x, v, &p->responsibilities);
		} else if (!strcmp(key, "qualifications")) {
			to_list(x, v, &p->qualifications);
		} else if (!strcmp(key, "skills")) {
			to_section(x, v, "Skills");
		} else if (!strcmp(key, "educationRequirements")) {
			to_section(x, v, "Education requirements");
		} else if (!strcmp(key, "experienceRequirements")) {
			p_experience(x, v);
		} else if (!strcmp(key, "jobBenefits")) {
			to_list(x, v, &p->benefits);
		} else if (!strcmp(key, "identifier")) {
			const struct ynode *f = first(v);
			if (f && f->kind == Y_MAP && ymap_get(f, "value"))
				f = ymap_get(f, "value");
			if (f && f->kind == Y_SCALAR)
				p->id = keep_text(x, f);
			else
				ykeep_extra(x, key, v);
		} else if (!strcmp(key, "url")) {
			p->source = keep_text(x, v);
		} else if (!strcmp(key, "employerOverview")) {
			p->org.about = keep_text(x, v);
		} else if (!strcmp(key, "employmentUnit")) {
			p->department = keep_text(x, v);
		} else if (!strcmp(key, "applicationContact")) {
			p_apply(x, v);
		} else if (!strcmp(key, "directApply")) {
			if (is_text(v, "true"))
				p->apply.note = p->apply.note ? p->apply.note
					: "Apply directly on the employer's site";
		} else if (!strcmp(key, "physicalRequirement") ||
		           !strcmp(key, "sensoryRequirement") ||
		           !strcmp(key, "securityClearanceRequirement") ||
		           !strcmp(key, "eligibilityToWorkRequirement")) {
			p_condition(x, v);
		} else {
			keep_other(x, m, key, v);
		}
	}
	if (salary)
		p_salary(x, salary, currency);
	else if (currency)
		ykeep_extra(x, "salaryCurrency", currency);
	if (!p->title && name && name->kind == Y_SCALAR) {
		p->title = keep_text(x, name);
		/* the name served as the title: do not show it twice */
		for (size_t i = 0; i < p->nextra; i++) {
			if (!strcmp(p->extra[i].key, "name")) {
				memmove(&p->extra[i], &p->extra[i + 1],
				        (p->nextra - i - 1) * sizeof(*p->extra));
				p->nextra--;
				break;
			}
		}
	}
}
