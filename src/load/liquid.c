/* SPDX-License-Identifier: MIT */
/* load/liquid: Liquid tags and Hugo shortcodes in a page's body, read as
 * the site renders them as far as the page's front matter tells (TTS's
 * Join pages, built with Jekyll, choose their text with {% if page.state
 * == 'open' %} and fill it with {{ page.gs_level }}). Every search ahead
 * that fails is remembered, so that a body of many unclosed tags costs no
 * more than one pass. */
#include "load/liquid.h"

#include <stdlib.h>
#include <string.h>

/* The branches open at most; deeper ones are taken as true. */
#define MAX_IFS 64

/* The words searched for ahead. */
enum { F_PCT, F_BRACES, F_SHORT_ANGLE, F_SHORT_PCT, F_ENDCOMMENT,
       F_ENDCAPTURE, F_ENDRAW, F_COUNT };
static const char *const fwords[F_COUNT] = {
	"%}", "}}", ">}}", "%}}", "endcomment", "endcapture", "endraw",
};

/* A value of a condition. */
struct lval {
	const char *s;            /* text, or NULL for nil */
	size_t len;
	const struct ynode *list; /* a list of the page, for contains */
};

/* An if or unless being read. */
struct branch {
	bool outer;   /* the text around it is kept */
	bool taken;   /* a branch of it was chosen */
	bool on;      /* the current branch is chosen */
};

/* The state of a rendering. */
struct lrender {
	const char *s;
	size_t len;
	const struct ynode *page;
	struct liquid_out *out;
	struct branch ifs[MAX_IFS];
	size_t nifs, deeper;     /* open, and open beyond MAX_IFS */
	size_t fail[F_COUNT];    /* for each word searched for: an offset
	                          * from which it is known not to be */
};

bool
liquid_has(const char *s, size_t len)
{
	for (const char *q = s; (q = memchr(q, '{', (size_t)(s + len - q)));
	     q++)
		if (q + 1 < s + len && (q[1] == '{' || q[1] == '%'))
			return true;
	return false;
}

/* True when the text at hand is kept (every branch around it chosen). */
static bool
keeping(const struct lrender *l)
{
	return !l->nifs || l->ifs[l->nifs - 1].on;
}

/* Appends n bytes that come from source byte src. */
static void
emit(struct lrender *l, const char *t, size_t n, size_t src, bool copied)
{
	if (!n || !keeping(l))
		return;
	struct liquid_out *o = l->out;
	if (o->nseg == o->cap) {
		o->cap = o->cap ? o->cap * 2 : 16;
		o->seg = xrealloc(o->seg, o->cap * sizeof(*o->seg));
	}
	o->seg[o->nseg++] = (struct liquid_seg){o->text.len, src, copied};
	buf_add(&o->text, t, n);
}

/* The offset of word f at or after from, or len; where it is not is
 * remembered. */
static size_t
find(struct lrender *l, size_t from, int f)
{
	if (from >= l->fail[f])
		return l->len;
	const char *q = text_find(l->s + from, l->len - from, fwords[f],
	                          strlen(fwords[f]));
	if (!q) {
		l->fail[f] = from;
		return l->len;
	}
	return (size_t)(q - l->s);
}

/* The value of the front matter's key path ("page.a.b" without "page."),
 * a[0..n). */
static struct lval
page_value(const struct lrender *l, const char *a, size_t n)
{
	const struct ynode *v = l->page;
	while (n && v && v->kind == Y_MAP) {
		size_t k = 0;
		while (k < n && a[k] != '.')
			k++;
		const struct ynode *next = NULL;
		for (size_t i = 0; i < v->n && !next; i++) {
			const struct ynode *key = v->kids[2 * i];
			if (key->kind == Y_SCALAR && key->len == k &&
			    !memcmp(key->s, a, k))
				next = v->kids[2 * i + 1];
		}
		v = next;
		a += k < n ? k + 1 : k;
		n -= k < n ? k + 1 : k;
	}
	if (!v || n)
		return (struct lval){0};
	if (v->kind == Y_SCALAR)
		return (struct lval){.s = v->s, .len = v->len};
	if (v->kind == Y_SEQ)
		return (struct lval){.s = "", .list = v};
	return (struct lval){.s = ""};
}

/* True when word w[0..n) is s. */
static bool
word_is(const char *w, size_t n, const char *s)
{
	return strlen(s) == n && !memcmp(w, s, n);
}

/* The value of operand a[0..n): a quoted text, a number or a word
 * (true, false, empty, blank), or a variable (page.key; any other is
 * nil). */
static struct lval
operand(const struct lrender *l, const char *a, size_t n)
{
	if (n >= 2 && (a[0] == '\'' || a[0] == '"') && a[n - 1] == a[0])
		return (struct lval){.s = a + 1, .len = n - 2};
	if (n > 5 && !memcmp(a, "page.", 5))
		return page_value(l, a + 5, n - 5);
	if (word_is(a, n, "true") || word_is(a, n, "false") ||
	    word_is(a, n, "empty") || word_is(a, n, "blank"))
		return (struct lval){.s = a, .len = n};
	bool number = n > 0;
	for (size_t i = 0; i < n; i++)
		number = number && ((a[i] >= '0' && a[i] <= '9') ||
		                    a[i] == '.' || a[i] == '-');
	return number ? (struct lval){.s = a, .len = n} : (struct lval){0};
}

/* True for a value Liquid takes as true: not nil, not false. */
static bool
truthy(struct lval v)
{
	return v.s && !(v.len == 5 && !memcmp(v.s, "false", 5));
}

/* True when a and b are the same text (nil only equals nil; empty
 * equals ""). */
static bool
same(struct lval a, struct lval b)
{
	if (!a.s || !b.s)
		return !a.s && !b.s;
	if (b.len == 5 && !memcmp(b.s, "empty", 5))
		return a.len == 0 || (a.list && a.list->n == 0);
	return a.len == b.len && !memcmp(a.s, b.s, a.len);
}

/* Compares a and b, as numbers when both are; op is one of < > <= >=. */
static bool
order(struct lval a, struct lval b, const char *op)
{
	if (!a.s || !b.s)
		return false;
	char x[64], y[64], *ex, *ey;
	int c;
	if (a.len < sizeof(x) && b.len < sizeof(y)) {
		memcpy(x, a.s, a.len);
		x[a.len] = '\0';
		memcpy(y, b.s, b.len);
		y[b.len] = '\0';
		double dx = strtod(x, &ex), dy = strtod(y, &ey);
		if (ex != x && !*ex && ey != y && !*ey)
			c = dx < dy ? -1 : dx > dy;
		else
			c = strcmp(x, y);
	} else {
		size_t m = a.len < b.len ? a.len : b.len;
		c = memcmp(a.s, b.s, m);
		if (!c)
			c = a.len < b.len ? -1 : a.len > b.len;
	}
	if (op[1] == '=')
		return op[0] == '<' ? c <= 0 : c >= 0;
	return op[0] == '<' ? c < 0 : c > 0;
}

/* True when a contains b: a substring, or an item of a list. */
static bool
contains(struct lval a, struct lval b)
{
	if (!a.s || !b.s)
		return false;
	if (a.list) {
		for (size_t i = 0; i < a.list->n; i++) {
			const struct ynode *it = a.list->kids[i];
			if (it->kind == Y_SCALAR && it->len == b.len &&
			    !memcmp(it->s, b.s, b.len))
				return true;
		}
		return false;
	}
	return !b.len || text_find(a.s, a.len, b.s, b.len) != NULL;
}

/* The words of a condition: quoted texts are one word. At most max. */
static size_t
words(const char *s, size_t len, const char **w, size_t *wl, size_t max)
{
	size_t n = 0, i = 0;
	while (i < len && n < max) {
		while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\n' ||
		                   s[i] == '\r'))
			i++;
		if (i == len)
			break;
		size_t a = i;
		if (s[i] == '\'' || s[i] == '"') {
			char q = s[i++];
			while (i < len && s[i] != q)
				i++;
			i += i < len;
		} else {
			while (i < len && s[i] != ' ' && s[i] != '\t' &&
			       s[i] != '\n' && s[i] != '\r')
				i++;
		}
		w[n] = s + a;
		wl[n++] = i - a;
	}
	return n;
}

/* Evaluates a condition: comparisons joined by and / or, from the
 * right, as Liquid does. */
static bool
condition(const struct lrender *l, const char *s, size_t len)
{
	const char *w[48];
	size_t wl[48];
	size_t n = words(s, len, w, wl, 48);
	bool result = false;
	/* from the right: each comparison, then the word joining it */
	size_t end = n;
	bool first = true;
	while (end > 0) {
		size_t start = end;
		while (start > 0 && !word_is(w[start - 1], wl[start - 1], "and") &&
		       !word_is(w[start - 1], wl[start - 1], "or"))
			start--;
		bool v;
		struct lval a = start < end ? operand(l, w[start], wl[start])
		                            : (struct lval){0};
		if (end - start >= 3) {
			struct lval b = operand(l, w[start + 2], wl[start + 2]);
			const char *op = w[start + 1];
			size_t ol = wl[start + 1];
			if (word_is(op, ol, "=="))
				v = same(a, b);
			else if (word_is(op, ol, "!=") || word_is(op, ol, "<>"))
				v = !same(a, b);
			else if (word_is(op, ol, "contains"))
				v = contains(a, b);
			else if (word_is(op, ol, "<") || word_is(op, ol, ">") ||
			         word_is(op, ol, "<=") || word_is(op, ol, ">="))
				v = order(a, b, ol == 1 ? (op[0] == '<' ? "<" : ">")
				                        : (op[0] == '<' ? "<=" : ">="));
			else
				v = false;
		} else {
			v = truthy(a);
		}
		if (first)
			result = v;
		else if (word_is(w[end], wl[end], "and"))
			result = v && result;
		else
			result = v || result;
		first = false;
		end = start ? start - 1 : 0;
	}
	return result;
}

/* Skips the content of a block tag up to its end tag (f, such as
 * "endcomment"), from offset at, keeping it when keep is set; returns the
 * offset after the end tag, or at when it has none (the tag alone
 * goes). */
static size_t
skip_block(struct lrender *l, size_t at, int f, bool keep)
{
	size_t e = find(l, at, f);
	size_t close = e < l->len ? find(l, e, F_PCT) : l->len;
	if (close == l->len)
		return at;
	/* the content is up to the "{%" before the end word */
	size_t c = e;
	while (c > at + 1 && !(l->s[c - 1] == '%' && l->s[c - 2] == '{'))
		c--;
	if (keep && c > at + 1)
		emit(l, l->s + at, c - 2 - at, at, true);
	return close + 2;
}

/* Reads the tag "{% ... %}" whose inside is s[a..b); returns where the
 * text goes on. */
static size_t
tag(struct lrender *l, size_t a, size_t b, size_t after)
{
	const char *s = l->s;
	while (a < b && (s[a] == '-' || s[a] == ' ' || s[a] == '\t' ||
	                 s[a] == '\n' || s[a] == '\r'))
		a++;
	while (b > a && (s[b - 1] == '-' || s[b - 1] == ' ' || s[b - 1] == '\t' ||
	                 s[b - 1] == '\n' || s[b - 1] == '\r'))
		b--;
	size_t k = a;
	while (k < b && s[k] != ' ' && s[k] != '\t' && s[k] != '\n')
		k++;
	const char *name = s + a;
	size_t nl = k - a;
	if (word_is(name, nl, "if") || word_is(name, nl, "unless")) {
		if (l->nifs == MAX_IFS) {
			l->deeper++;
			return after;
		}
		bool outer = keeping(l);
		bool c = condition(l, s + k, b - k);
		if (word_is(name, nl, "unless"))
			c = !c;
		l->ifs[l->nifs++] = (struct branch){outer, c, outer && c};
	} else if (word_is(name, nl, "elsif") || word_is(name, nl, "else")) {
		if (l->deeper || !l->nifs)
			return after;
		struct branch *br = &l->ifs[l->nifs - 1];
		bool c = !br->taken && (nl == 4 || condition(l, s + k, b - k));
		br->on = br->outer && c;
		br->taken = br->taken || c;
	} else if (word_is(name, nl, "endif") || word_is(name, nl, "endunless")) {
		if (l->deeper)
			l->deeper--;
		else if (l->nifs)
			l->nifs--;
	} else if (word_is(name, nl, "comment")) {
		return skip_block(l, after, F_ENDCOMMENT, false);
	} else if (word_is(name, nl, "capture")) {
		return skip_block(l, after, F_ENDCAPTURE, false);
	} else if (word_is(name, nl, "raw")) {
		return skip_block(l, after, F_ENDRAW, true);
	}
	/* include, for, assign, case...: the tag goes */
	return after;
}

/* Filters that leave the value as true as it was written: a date
 * formatted otherwise, text escaped or trimmed. */
static const char *const plain_filters[] = {
	"date", "date_to_string", "date_to_long_string", "strip", "lstrip",
	"rstrip", "escape", "escape_once", "xml_escape", "markdownify",
	"smartify", "strip_html", "strip_newlines", "normalize_whitespace",
};

/* Reads the output "{{ ... }}" whose inside is s[a..b), the whole tag
 * being s[at..end): a variable's text, or with a filter that would
 * change it (minus: 1, append...) the tag as it is written, so that
 * nothing false is said. */
static void
output(struct lrender *l, size_t at, size_t a, size_t b, size_t end)
{
	const char *s = l->s;
	while (a < b && (s[a] == '-' || s[a] == ' ' || s[a] == '\t'))
		a++;
	size_t e = a;
	while (e < b && s[e] != '|' && s[e] != ' ' && s[e] != '\t')
		e++;
	struct lval v = operand(l, s + a, e - a);
	bool as_written = false;
	for (size_t f = e; f < b && !as_written;) {
		while (f < b && s[f] != '|')
			f++;
		if (f == b)
			break;
		f++;
		while (f < b && (s[f] == ' ' || s[f] == '\t'))
			f++;
		size_t n = f;
		while (n < b && s[n] != ':' && s[n] != ' ' && s[n] != '|' &&
		       s[n] != '-')
			n++;
		bool plain = false;
		for (size_t k = 0; k < sizeof(plain_filters) /
		                       sizeof(*plain_filters) && !plain; k++)
			plain = word_is(s + f, n - f, plain_filters[k]);
		if (word_is(s + f, n - f, "default")) {
			const char *w[1];
			size_t wl[1];
			size_t q = n;
			while (q < b && (s[q] == ':' || s[q] == ' '))
				q++;
			if ((!v.s || !v.len) && words(s + q, b - q, w, wl, 1))
				v = operand(l, w[0], wl[0]);
			plain = true;
		}
		as_written = !plain;
		f = n;
	}
	if (as_written)
		emit(l, s + at, end - at, at, true);
	else if (v.s && !v.list)
		emit(l, v.s, v.len, at, false);
}

void
liquid_render(const char *s, size_t len, const struct ynode *page,
              struct liquid_out *out)
{
	struct lrender l = {.s = s, .len = len, .page = page, .out = out};
	for (int f = 0; f < F_COUNT; f++)
		l.fail[f] = len + 1;
	size_t i = 0;
	while (i < len) {
		const char *q = memchr(s + i, '{', len - i);
		size_t at = q ? (size_t)(q - s) : len;
		if (at + 1 >= len || (s[at + 1] != '{' && s[at + 1] != '%')) {
			size_t e = at < len ? at + 1 : len;
			emit(&l, s + i, e - i, i, true);
			i = e;
			continue;
		}
		emit(&l, s + i, at - i, i, true);
		/* {% tag %}, {{ output }}, and Hugo's shortcodes {{< name >}}
		 * and {{% name %}} */
		int f = s[at + 1] == '%' ? F_PCT
		        : at + 2 < len && s[at + 2] == '<' ? F_SHORT_ANGLE
		        : at + 2 < len && s[at + 2] == '%' ? F_SHORT_PCT
		        : F_BRACES;
		size_t c = find(&l, at + 2, f);
		if (c == len) { /* not a tag after all */
			emit(&l, s + at, 2, at, true);
			i = at + 2;
			continue;
		}
		size_t after = c + strlen(fwords[f]);
		if (f == F_PCT) {
			i = tag(&l, at + 2, c, after);
		} else {
			if (f == F_BRACES)
				output(&l, at, at + 2, c, after);
			i = after; /* a shortcode goes, its content stays */
		}
	}
}

size_t
liquid_src(const struct liquid_out *o, size_t off)
{
	size_t lo = 0, hi = o->nseg;
	if (!hi)
		return 0;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;
		if (o->seg[mid].out <= off)
			lo = mid;
		else
			hi = mid;
	}
	const struct liquid_seg *g = &o->seg[lo];
	return g->copied && off >= g->out ? g->src + (off - g->out) : g->src;
}

void
liquid_free(struct liquid_out *o)
{
	buf_free(&o->text);
	free(o->seg);
	*o = (struct liquid_out){0};
}
