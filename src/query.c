/* SPDX-License-Identifier: MIT */
/* query: a recursive-descent parser makes a small tree of nodes (one array,
 * children linked by index); evaluation walks it with short-circuits, cheap
 * terms first. Text is folded with text_fold_cp, whitespace runs collapsed
 * to one space, into scratch buffers owned by the query; a posting's pieces
 * of text are gathered once per match and folded only when a term needs
 * them. */
#include "query.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "deadline.h"
#include "index.h"
#include "value.h"

#define MAX_DEPTH 64   /* nesting of parentheses and negations */
#define EXCERPT_MAX 40 /* bytes of user text quoted in a message */

enum nkind {
	N_TRUE,   /* the empty query */
	N_AND,    /* every child */
	N_OR,     /* some child */
	N_NOT,    /* not the only child */
	N_TEXT,   /* needle in a field, or anywhere */
	N_ENUM,   /* an enumerated field's value: workplace, employment type */
	N_SALARY, /* yearly salary range against num */
	N_EXPER,  /* years of experience against num */
	N_DATE,   /* posted or deadline against [lo, hi] */
	N_FLAG,   /* an is: or has: term */
	N_RATING, /* rating against num */
	N_STATUS, /* status equals num */
};

enum op { OP_LT, OP_LE, OP_EQ, OP_GE, OP_GT };

/* Fields of posting_each_text; F_ANY in a node means every field, and
 * F_UNKNOWN marks text under a name this module does not know. */
enum field {
	F_ANY, F_TITLE, F_ORG, F_LOC, F_DEPT, F_TAG, F_TYPE, F_WORKPLACE,
	F_LANG, F_ID, F_TEXT, F_OTHER, F_WPNOTE, F_UNION, F_DEADLINE, F_START,
	F_UNKNOWN
};

static const char *const field_names[] = {
	[F_TITLE] = "title", [F_ORG] = "org", [F_LOC] = "loc",
	[F_DEPT] = "dept", [F_TAG] = "tag", [F_TYPE] = "type",
	[F_WORKPLACE] = "workplace", [F_LANG] = "lang", [F_ID] = "id",
	[F_TEXT] = "text", [F_OTHER] = "other",
	[F_WPNOTE] = "workplace.note", [F_UNION] = "union",
	[F_DEADLINE] = "deadline", [F_START] = "start",
};

static const struct {
	const char *name;
	enum field f;
} field_aliases[] = {
	{ "organization", F_ORG }, { "company", F_ORG },
	{ "location", F_LOC }, { "department", F_DEPT }, { "tags", F_TAG },
	{ "language", F_LANG }, { "employment", F_TYPE },
};

enum flag {
	FL_MARKED, FL_HIDDEN, FL_NEW, FL_OPEN, FL_READ, FL_CLOSED, FL_CLOSING,
	FL_DUE, FL_CHANGED, FL_DUPLICATE,
	FL_SALARY, FL_DEADLINE, FL_NOTE, FL_RATING, FL_N
};

static const char *const flag_terms[FL_N] = {
	"is:marked", "is:hidden", "is:new", "is:open", "is:read", "is:closed",
	"is:closing", "is:due", "is:changed",
	"is:duplicate",
	"has:salary", "has:deadline", "has:note", "has:rating",
};

enum datefield { D_POSTED, D_DEADLINE, D_START, D_FOLLOWUP };

/* The workplace values workplace: takes, by enum workplace. */
static const char *const workplace_values[] = {
	[WP_ONSITE] = "onsite", [WP_HYBRID] = "hybrid", [WP_REMOTE] = "remote",
};

/* N_SALARY's currency: the user's, written with '$' (the user's when it
 * is a dollar, else USD), or a code packed by currency_pack (never 0
 * or 1). */
enum { CUR_USER = 0, CUR_DOLLAR = 1 };

static const char *const status_names[QSTATUS_N] = {
	"none", "interested", "applied", "interviewing", "offer", "rejected",
	"withdrawn",
};

#define KNOWN_FIELDS "title, org, loc, dept, tag, type, workplace, " \
	"workplace.note, union, lang, id, text, other, is, has, status, " \
	"salary, experience, posted, deadline, start, followup, rating"

/* One node of the tree. */
struct node {
	uint8_t kind;         /* enum nkind */
	uint8_t op;           /* enum op, for comparisons */
	uint8_t what;         /* enum field, flag or datefield */
	bool today;           /* N_DATE: the date is "today" */
	bool text;            /* the subtree looks at text (costly) */
	int32_t first, next;  /* first child, next sibling; -1 for none */
	double num;           /* amount, years, rating or status */
	int32_t lo, hi;       /* N_DATE: yyyymmdd range the value names;
	                       * N_ENUM type: the needle's longest run of
	                       * letters (offset in it, length) */
	uint32_t cur;         /* N_SALARY: CUR_USER, CUR_DOLLAR or a code */
	size_t off, len;      /* N_TEXT, N_ENUM type: folded needle in strs */
};

/* A piece of a posting's text being matched. */
struct piece {
	const char *raw; /* as the posting holds it */
	uint8_t field;   /* enum field */
	bool folded;     /* off/len are set */
	size_t off, len; /* folded text in hay */
};

/* A growable byte array. */
struct bytes {
	char *s;
	size_t len, cap;
};

/* A growable array of offsets. */
struct offsets {
	size_t *v;
	size_t cap;
};

struct query {
	char *source;           /* the text parsed, malloc'd */
	struct node *nodes;     /* the tree; root at index root */
	size_t nnodes, ncap;
	int32_t root;
	struct bytes strs;      /* folded needles */
	int32_t *pos;           /* positive text nodes, for query_spans */
	size_t npos;
	/* scratch, reused by every match */
	const struct posting *cur;
	const struct query_env *env;
	bool gathered;          /* pieces hold cur's text */
	struct piece *pieces;
	size_t npieces, pcap;
	struct bytes hay;       /* folded pieces */
	struct bytes shay;      /* folded text for query_spans */
	struct bytes val;       /* an enumerated value being compared */
	struct offsets map;     /* shay byte -> original offset */
	int32_t soon_from;      /* the today soon_to was worked out for */
	int soon_days;          /* and the closing-soon days */
	int32_t soon_to;        /* the last day is:closing takes (yyyymmdd) */
};

/* ---- small helpers ----------------------------------------------------- */

static void
bytes_reserve(struct bytes *b, size_t more)
{
	if (b->cap - b->len >= more)
		return;
	size_t cap = b->cap ? b->cap : 256;
	while (cap - b->len < more)
		cap *= 2;
	b->s = xrealloc(b->s, cap);
	b->cap = cap;
}

static void
offsets_reserve(struct offsets *m, size_t n)
{
	if (m->cap >= n)
		return;
	size_t cap = m->cap ? m->cap : 256;
	while (cap < n)
		cap *= 2;
	m->v = xrealloc(m->v, cap * sizeof(*m->v));
	m->cap = cap;
}

static bool
is_space(unsigned char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static bool
is_uspace(uint32_t cp)
{
	return cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) ||
	       cp == 0x2028 || cp == 0x2029 || cp == 0x202F || cp == 0x205F ||
	       cp == 0x3000;
}

static bool
is_alpha(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* True if s[0..len) equals the lowercase word w, ignoring ASCII case. */
static bool
word_is(const char *s, size_t len, const char *w)
{
	size_t i;
	for (i = 0; i < len && w[i]; i++)
		if (lower(s[i]) != w[i])
			return false;
	return i == len && !w[i];
}

/* Folds 8 bytes of s into o when they are printable ASCII or single
 * spaces (no space first when after white space): the common case, done a
 * word at a time. False, writing nothing, otherwise. */
static bool
fold8(const char *s, char *o, bool inspace)
{
	const uint64_t ones = 0x0101010101010101u, hi = 0x8080808080808080u;
	uint64_t x;
	memcpy(&x, s, 8);
	uint64_t h7 = x & ~hi;
	/* every byte ASCII and at least ' ' */
	if ((x | ~(h7 + 0x60 * ones)) & hi)
		return false;
	/* spaces: never two together, nor one after white space */
	uint64_t y = x ^ (0x20 * ones);
	uint64_t sp = ~(((y & ~hi) + ~hi) | y) & hi;
	if ((sp & (sp << 8)) || (inspace && s[0] == ' '))
		return false;
	/* 'A'..'Z' get 0x20 */
	uint64_t upper = (h7 + (0x80 - 'A') * ones) & ~(h7 + (0x7F - 'Z') * ones) &
	                 hi;
	x |= upper >> 2;
	memcpy(o, &x, 8);
	return true;
}

/* Appends the folded form of s[0..len) to b: every code point through
 * text_fold_cp, each run of white space as one ' ', bad bytes as U+FFFD.
 * With map, map->v[k - b->len] receives, for each byte k added, the offset
 * in s of the character it came from, and one more entry receives len. */
static void
fold_text(struct bytes *b, struct offsets *map, const char *s, size_t len)
{
	bytes_reserve(b, 3 * len + 1);
	if (map)
		offsets_reserve(map, 3 * len + 2);
	char *o = b->s + b->len, *o0 = o;
	size_t *m = map ? map->v : NULL;
	bool inspace = false;
	size_t i = 0;
	while (i < len) {
		if (!m && len - i >= 8 && fold8(s + i, o, inspace)) {
			inspace = s[i + 7] == ' ';
			o += 8;
			i += 8;
			continue;
		}
		unsigned char c = (unsigned char)s[i];
		size_t k = 1;
		uint32_t cp = c;
		if (c >= 0x80)
			k = text_decode(s + i, len - i, &cp);
		if (c < 0x80 ? is_space(c) : is_uspace(cp)) {
			if (!inspace) {
				if (m)
					m[o - o0] = i;
				*o++ = ' ';
				inspace = true;
			}
		} else if (c < 0x80) {
			inspace = false;
			if (m)
				m[o - o0] = i;
			*o++ = lower((char)c);
		} else {
			inspace = false;
			char tmp[4];
			size_t n = text_encode(text_fold_cp(cp), tmp);
			for (size_t j = 0; j < n; j++) {
				if (m)
					m[o - o0] = i;
				*o++ = tmp[j];
			}
		}
		i += k;
	}
	if (m)
		m[o - o0] = len;
	b->len += (size_t)(o - o0);
	b->s[b->len] = '\0';
}

void
query_fold(struct buf *out, const char *s, size_t len)
{
	struct bytes b = { out->s, out->len, out->cap };
	fold_text(&b, NULL, s, len);
	out->s = b.s;
	out->len = b.len;
	out->cap = b.cap;
}

/* Turns the folded text s[0..len) into an enumerated value in place: each
 * run of blanks, '_' and '-' as one '-', none at either end ("Non
 * Exempt", "non_exempt" and "non-exempt" are one value); returns the new
 * length. */
static size_t
value_norm(char *s, size_t len)
{
	size_t w = 0;
	bool sep = false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c == ' ' || c == '_' || c == '-') {
			sep = true;
			continue;
		}
		if (sep && w)
			s[w++] = '-';
		sep = false;
		s[w++] = c;
	}
	return w;
}

static enum field
field_index(const char *name)
{
	if (!name)
		return F_UNKNOWN;
	for (int f = F_TITLE; f < F_UNKNOWN; f++)
		if (name[0] == field_names[f][0] && !strcmp(name, field_names[f]))
			return (enum field)f;
	return F_UNKNOWN;
}

/* ---- parsing ----------------------------------------------------------- */

struct parser {
	const char *s;  /* the query text */
	size_t n, i;    /* its length, the read position */
	struct query *q;
	struct query_error *err;
	int depth;      /* current nesting */
	bool failed;    /* an error was recorded */
	struct buf tmp; /* a phrase without its escapes */
};

static unsigned
column_of(const char *s, size_t off)
{
	unsigned col = 1;
	size_t i = 0;
	while (i < off) {
		uint32_t cp;
		i += text_decode(s + i, off - i, &cp);
		col++;
	}
	return col;
}

/* Writes s[0..len), cut to EXCERPT_MAX bytes at a character boundary and
 * made safe for a terminal, into out. */
static void
excerpt(char *out, size_t outsz, const char *s, size_t len)
{
	bool cut = false;
	if (len > EXCERPT_MAX) {
		len = EXCERPT_MAX;
		while (len > 0 && ((unsigned char)s[len] & 0xC0) == 0x80)
			len--;
		cut = true;
	}
	struct buf b = { 0 };
	text_sanitize(&b, s, len, 0);
	snprintf(out, outsz, "%s%s", b.s ? b.s : "", cut ? "…" : "");
	buf_free(&b);
}

/* Records the first error: fmt's text, " at column N" for offset at, and
 * then suffix when given. Returns -1 for the callers to pass on. */
__attribute__((format(printf, 4, 5)))
static int32_t
fail(struct parser *ps, size_t at, const char *suffix, const char *fmt, ...)
{
	if (ps->failed)
		return -1;
	ps->failed = true;
	if (!ps->err)
		return -1;
	unsigned col = column_of(ps->s, at < ps->n ? at : ps->n);
	char what[200];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	ps->err->col = col;
	snprintf(ps->err->msg, sizeof(ps->err->msg), "%s at column %u%s%s",
	         what, col, suffix ? " " : "", suffix ? suffix : "");
	return -1;
}

static int32_t
new_node(struct parser *ps, enum nkind kind)
{
	struct query *q = ps->q;
	if (q->nnodes == q->ncap) {
		q->ncap = q->ncap ? 2 * q->ncap : 16;
		q->nodes = xrealloc(q->nodes, q->ncap * sizeof(*q->nodes));
	}
	struct node *n = &q->nodes[q->nnodes];
	memset(n, 0, sizeof(*n));
	n->kind = (uint8_t)kind;
	n->first = n->next = -1;
	return (int32_t)q->nnodes++;
}

/* Makes an AND or OR node of the children linked from head, reordered so
 * the terms that need no text come first (evaluation short-circuits). */
static int32_t
make_list(struct parser *ps, enum nkind kind, int32_t head)
{
	int32_t id = new_node(ps, kind);
	struct node *v = ps->q->nodes;
	int32_t cheap = -1, cheap_tail = -1, dear = -1, dear_tail = -1;
	bool text = false;
	for (int32_t c = head, next; c >= 0; c = next) {
		next = v[c].next;
		v[c].next = -1;
		if (v[c].text) {
			text = true;
			if (dear_tail >= 0)
				v[dear_tail].next = c;
			else
				dear = c;
			dear_tail = c;
		} else {
			if (cheap_tail >= 0)
				v[cheap_tail].next = c;
			else
				cheap = c;
			cheap_tail = c;
		}
	}
	if (cheap_tail >= 0)
		v[cheap_tail].next = dear;
	v[id].first = cheap >= 0 ? cheap : dear;
	v[id].text = text;
	return id;
}

static int32_t
make_not(struct parser *ps, int32_t child)
{
	int32_t id = new_node(ps, N_NOT);
	ps->q->nodes[id].first = child;
	ps->q->nodes[id].text = ps->q->nodes[child].text;
	return id;
}

/* A text node for the folded form of s[0..len) in field f. */
static int32_t
make_text(struct parser *ps, enum field f, const char *s, size_t len)
{
	struct query *q = ps->q;
	size_t off = q->strs.len;
	fold_text(&q->strs, NULL, s, len);
	bytes_reserve(&q->strs, 1);
	q->strs.s[q->strs.len++] = '\0';
	int32_t id = new_node(ps, N_TEXT);
	struct node *n = &q->nodes[id];
	n->what = (uint8_t)f;
	n->off = off;
	n->len = q->strs.len - 1 - off;
	n->text = true;
	return id;
}

static void
skip_ws(struct parser *ps)
{
	while (ps->i < ps->n && is_space((unsigned char)ps->s[ps->i]))
		ps->i++;
}

static bool
is_sep(unsigned char c)
{
	return is_space(c) || c == '(' || c == ')' || c == '|' || c == '"';
}

static size_t
word_end(const struct parser *ps, size_t i)
{
	while (i < ps->n && !is_sep((unsigned char)ps->s[i]))
		i++;
	return i;
}

/* True if the word at i is the keyword kw (any case). */
static bool
at_keyword(const struct parser *ps, size_t i, const char *kw)
{
	size_t e = word_end(ps, i);
	return e > i && word_is(ps->s + i, e - i, kw);
}

/* True if a term can start at the read position. */
static bool
starts_term(const struct parser *ps)
{
	size_t i = ps->i;
	if (i >= ps->n)
		return false;
	char c = ps->s[i];
	return c != ')' && c != '|' && !at_keyword(ps, i, "or") &&
	       !at_keyword(ps, i, "and");
}

/* Reads a quoted phrase at the read position ('"' there) into ps->tmp,
 * undoing \" and \\. */
static bool
read_phrase(struct parser *ps)
{
	size_t open = ps->i++;
	buf_clear(&ps->tmp);
	buf_adds(&ps->tmp, "");
	while (ps->i < ps->n) {
		char c = ps->s[ps->i];
		if (c == '"') {
			ps->i++;
			return true;
		}
		if (c == '\\' && ps->i + 1 < ps->n &&
		    (ps->s[ps->i + 1] == '"' || ps->s[ps->i + 1] == '\\')) {
			ps->i++;
			c = ps->s[ps->i];
		}
		buf_addc(&ps->tmp, c);
		ps->i++;
	}
	fail(ps, open, NULL, "unclosed '\"'");
	return false;
}

static bool
parse_years(const char *s, size_t len, double *out)
{
	size_t i = 0;
	double mant;
	int dec;
	if (!value_decimal(s, len, &i, false, &mant, &dec))
		return false;
	if (i < len && !word_is(s + i, len - i, "y") &&
	    !word_is(s + i, len - i, "yr") && !word_is(s + i, len - i, "yrs") &&
	    !word_is(s + i, len - i, "year") &&
	    !word_is(s + i, len - i, "years"))
		return false;
	*out = value_scaled(mant, dec, 1);
	return true;
}

enum keykind { K_NONE, K_FIELD, K_IS, K_HAS, K_STATUS, K_SALARY, K_EXPER,
               K_POSTED, K_DEADLINE, K_START, K_RATING, K_FOLLOWUP };

/* The names of the terms that are not text fields. */
static const struct {
	const char *name;
	enum keykind k;
} key_names[] = {
	{ "is", K_IS }, { "has", K_HAS }, { "status", K_STATUS },
	{ "salary", K_SALARY }, { "pay", K_SALARY },
	{ "experience", K_EXPER }, { "exp", K_EXPER },
	{ "posted", K_POSTED }, { "deadline", K_DEADLINE },
	{ "start", K_START }, { "rating", K_RATING },
	{ "followup", K_FOLLOWUP },
};

static enum keykind
key_lookup(const char *name, enum field *f)
{
	for (size_t i = 0; i < sizeof(key_names) / sizeof(key_names[0]); i++)
		if (!strcmp(name, key_names[i].name))
			return key_names[i].k;
	for (int i = F_TITLE; i < F_UNKNOWN; i++)
		if (!strcmp(name, field_names[i])) {
			*f = (enum field)i;
			return K_FIELD;
		}
	for (size_t i = 0; i < sizeof(field_aliases) / sizeof(field_aliases[0]);
	     i++)
		if (!strcmp(name, field_aliases[i].name)) {
			*f = field_aliases[i].f;
			return K_FIELD;
		}
	return K_NONE;
}

static bool
is_compare_key(enum keykind k)
{
	return k == K_SALARY || k == K_EXPER || k == K_POSTED ||
	       k == K_DEADLINE || k == K_START || k == K_RATING ||
	       k == K_FOLLOWUP;
}

/* Reads an operator at i: returns its length (0 if none) and sets *op. */
static size_t
read_op(const char *s, size_t i, size_t n, enum op *op)
{
	if (i >= n)
		return 0;
	bool eq = i + 1 < n && s[i + 1] == '=';
	switch (s[i]) {
	case ':':
	case '=':
		*op = OP_EQ;
		return 1;
	case '<':
		*op = eq ? OP_LE : OP_LT;
		return eq ? 2 : 1;
	case '>':
		*op = eq ? OP_GE : OP_GT;
		return eq ? 2 : 1;
	}
	return 0;
}

/* A workplace: term: onsite, hybrid or remote, or a beginning of one
 * ("on-site" and "On Site" as onsite). */
static int32_t
parse_workplace(struct parser *ps, size_t va, const char *v, size_t vlen,
                const char *ex)
{
	struct bytes b = { 0 };
	fold_text(&b, NULL, v, vlen);
	size_t n = 0;
	for (size_t i = 0; i < b.len; i++)
		if (b.s[i] != ' ' && b.s[i] != '-' && b.s[i] != '_')
			b.s[n++] = b.s[i];
	int found = -1, nfound = 0;
	for (int w = WP_ONSITE; w <= WP_REMOTE && n; w++)
		if (n <= strlen(workplace_values[w]) &&
		    !memcmp(b.s, workplace_values[w], n)) {
			found = w;
			nfound++;
		}
	free(b.s);
	if (nfound != 1)
		return fail(ps, va, "(known: onsite, hybrid, remote)",
		            "%s workplace '%s'", nfound ? "ambiguous" : "unknown",
		            ex);
	int32_t id = new_node(ps, N_ENUM);
	ps->q->nodes[id].what = F_WORKPLACE;
	ps->q->nodes[id].num = found;
	return id;
}

/* A type: term: a whole employment type or classification, as value_norm
 * writes it; the longest run of it without '-' is kept for the index. */
static int32_t
parse_type(struct parser *ps, size_t va, const char *name, const char *v,
           size_t vlen, const char *ex)
{
	struct query *q = ps->q;
	size_t off = q->strs.len;
	fold_text(&q->strs, NULL, v, vlen);
	size_t len = value_norm(q->strs.s + off, q->strs.len - off);
	if (!len) {
		q->strs.len = off;
		return fail(ps, va, NULL, "expected an employment type such as "
		            "full-time or exempt after '%s:', not '%s'", name, ex);
	}
	q->strs.len = off + len;
	bytes_reserve(&q->strs, 1);
	q->strs.s[q->strs.len++] = '\0';
	const char *t = q->strs.s + off;
	size_t best = 0, bestlen = 0;
	for (size_t a = 0; a < len;) {
		size_t e = a;
		while (e < len && t[e] != '-')
			e++;
		if (e - a > bestlen) {
			best = a;
			bestlen = e - a;
		}
		a = e + 1;
	}
	int32_t id = new_node(ps, N_ENUM);
	struct node *n = &q->nodes[id];
	n->what = F_TYPE;
	n->off = off;
	n->len = len;
	n->lo = (int32_t)best;
	n->hi = (int32_t)bestlen;
	return id;
}

/* Reads a salary bound: an amount (value_yearly_amount), perhaps after a sign
 * that names its currency (€, £, ¥; $ as CUR_DOLLAR) or before an ISO
 * 4217 code ("50000EUR", "60kgbp"). 1 when read, 0 when not an amount,
 * -1 for an unknown code or a sign and a code that disagree (said). */
static int
parse_bound(struct parser *ps, size_t va, const char *v, size_t vlen,
            double *num, uint32_t *cur)
{
	static const struct {
		const char *sign, *code;
	} signs[] = {
		{ "$", NULL }, { "\xE2\x82\xAC", "EUR" }, { "\xC2\xA3", "GBP" },
		{ "\xC2\xA5", "JPY" },
	};
	const char *sign = NULL;
	*cur = CUR_USER;
	for (size_t k = 0; k < sizeof(signs) / sizeof(signs[0]); k++) {
		size_t n = strlen(signs[k].sign);
		if (vlen > n && !memcmp(v, signs[k].sign, n)) {
			sign = signs[k].sign;
			*cur = signs[k].code ? currency_pack(signs[k].code) : CUR_DOLLAR;
		}
	}
	if (vlen > 3 && is_alpha((unsigned char)v[vlen - 1]) &&
	    is_alpha((unsigned char)v[vlen - 2]) &&
	    is_alpha((unsigned char)v[vlen - 3]) &&
	    (is_digit((unsigned char)v[vlen - 4]) ||
	     (v[vlen - 4] && strchr("kKmM", v[vlen - 4])))) {
		char code[4];
		if (!currency_valid(v + vlen - 3, 3, code)) {
			char ex[8];
			excerpt(ex, sizeof(ex), v + vlen - 3, 3);
			fail(ps, va + vlen - 3, "(ISO 4217 codes such as USD, EUR, "
			     "GBP)", "unknown currency '%s'", ex);
			return -1;
		}
		uint32_t named = currency_pack(code);
		if ((*cur == CUR_DOLLAR && !currency_is_dollar(code)) ||
		    (*cur > CUR_DOLLAR && *cur != named)) {
			fail(ps, va, NULL, "'%s' and '%s' name different currencies",
			     sign, code);
			return -1;
		}
		*cur = named;
		vlen -= 3;
	}
	return value_yearly_amount(v, vlen, num) ? 1 : 0;
}

/* Parses a keyed term: the name is s[a..k), its operator starts at o. */
static int32_t
parse_keyed(struct parser *ps, size_t a, size_t k, size_t o)
{
	const char *s = ps->s;
	char name[24];
	size_t nlen = k - a;
	if (nlen >= sizeof(name))
		nlen = sizeof(name) - 1;
	for (size_t j = 0; j < nlen; j++)
		name[j] = lower(s[a + j]);
	name[nlen] = '\0';
	enum op op = OP_EQ;
	size_t oplen = read_op(s, o, ps->n, &op);
	char opstr[3] = { 0 };
	memcpy(opstr, s + o, oplen);
	enum field f = F_ANY;
	enum keykind kind = key_lookup(name, &f);
	if (kind == K_NONE)
		return fail(ps, a, "(known: " KNOWN_FIELDS ")",
		            "unknown field '%s%s'", name,
		            s[o] == ':' ? ":" : "");
	if (!is_compare_key(kind) && s[o] != ':' &&
	    !(kind == K_STATUS && oplen == 1 && s[o] == '='))
		return fail(ps, o, NULL, "expected ':' after '%s'", name);

	/* the value: attached, quoted, or after white space */
	ps->i = o + oplen;
	size_t va, ve;
	bool quoted = false;
	if (ps->i < ps->n && !is_space((unsigned char)s[ps->i]) &&
	    s[ps->i] != '"') {
		va = ps->i;
		ve = word_end(ps, va);
	} else {
		skip_ws(ps);
		va = ps->i;
		if (va < ps->n && s[va] == '"') {
			quoted = true;
			ve = va;
		} else {
			ve = word_end(ps, va);
		}
	}
	if (!quoted && ve == va)
		return fail(ps, o + oplen - 1, NULL,
		            "expected a value after '%s%s'", name, opstr);
	const char *v = s + va;
	size_t vlen = ve - va;
	if (quoted) {
		if (!read_phrase(ps))
			return -1;
		v = ps->tmp.s;
		vlen = ps->tmp.len;
	} else {
		ps->i = ve;
	}
	char ex[EXCERPT_MAX * 4 + 8];
	excerpt(ex, sizeof(ex), v, vlen);

	int32_t id;
	struct node *nd;
	switch (kind) {
	case K_FIELD:
		/* enumerated fields match their value, not their notes */
		if (f == F_WORKPLACE)
			return parse_workplace(ps, va, v, vlen, ex);
		if (f == F_TYPE)
			return parse_type(ps, va, name, v, vlen, ex);
		return make_text(ps, f, v, vlen);
	case K_IS:
	case K_HAS: {
		int lo = kind == K_IS ? FL_MARKED : FL_SALARY;
		int hi = kind == K_IS ? FL_DUPLICATE : FL_RATING;
		int fl;
		for (fl = lo; fl <= hi; fl++)
			if (word_is(v, vlen, strchr(flag_terms[fl], ':') + 1))
				break;
		if (fl > hi)
			return fail(ps, va, kind == K_IS ?
			            "(known: marked, hidden, new, open, read, closed, "
			            "closing, due, changed, duplicate)" :
			            "(known: salary, deadline, note, rating)",
			            "unknown '%s:' value '%s'", name, ex);
		id = new_node(ps, N_FLAG);
		ps->q->nodes[id].what = (uint8_t)fl;
		return id;
	}
	case K_STATUS: {
		int found = -1, nfound = 0;
		for (int st = 0; st < QSTATUS_N; st++) {
			const char *sn = status_names[st];
			size_t j;
			for (j = 0; j < vlen && sn[j] && lower(v[j]) == sn[j]; j++)
				;
			if (j == vlen && !sn[j]) {
				found = st;
				nfound = 1;
				break;
			}
			if (j == vlen) {
				found = st;
				nfound++;
			}
		}
		if (nfound != 1)
			return fail(ps, va, "(known: none, interested, applied, "
			            "interviewing, offer, rejected, withdrawn)",
			            "%s status '%s'",
			            nfound ? "ambiguous" : "unknown", ex);
		id = new_node(ps, N_STATUS);
		ps->q->nodes[id].num = found;
		return id;
	}
	case K_SALARY:
	case K_EXPER:
	case K_RATING: {
		double num;
		bool ok;
		const char *want;
		uint32_t cur = CUR_USER;
		if (kind == K_SALARY) {
			int r = parse_bound(ps, va, v, vlen, &num, &cur);
			if (r < 0)
				return -1;
			ok = r > 0;
			want = "an amount such as 60000, 60k or 50000EUR";
		} else if (kind == K_EXPER) {
			ok = parse_years(v, vlen, &num);
			want = "a number of years";
		} else {
			ok = vlen == 1 && v[0] >= '0' && v[0] <= '5';
			num = ok ? v[0] - '0' : 0;
			want = "a rating from 0 to 5";
		}
		if (!ok)
			return fail(ps, va, NULL, "expected %s after '%s%s', not '%s'",
			            want, name, opstr, ex);
		id = new_node(ps, kind == K_SALARY ? N_SALARY :
		              kind == K_EXPER ? N_EXPER : N_RATING);
		nd = &ps->q->nodes[id];
		nd->op = (uint8_t)op;
		nd->num = num;
		nd->cur = cur;
		return id;
	}
	case K_POSTED:
	case K_DEADLINE:
	case K_START:
	case K_FOLLOWUP: {
		int32_t lo = 0, hi = 0;
		bool today = word_is(v, vlen, "today");
		int r = today ? 1 : value_date_range(v, vlen, &lo, &hi);
		/* deadline:rolling, start:"as soon as possible": the text of a
		 * deadline or start not given as a date (but 2026-1-5 is a
		 * date mistyped) */
		bool isoish = vlen >= 5 && is_digit((unsigned char)v[0]) &&
		              is_digit((unsigned char)v[1]) &&
		              is_digit((unsigned char)v[2]) &&
		              is_digit((unsigned char)v[3]) && v[4] == '-';
		if (r == 0 && (kind == K_DEADLINE || kind == K_START) &&
		    s[o] == ':' && !isoish)
			return make_text(ps, kind == K_DEADLINE ? F_DEADLINE :
			                 F_START, v, vlen);
		if (r == 0)
			return fail(ps, va, NULL,
			            "expected a date YYYY-MM-DD after '%s%s', not '%s'",
			            name, opstr, ex);
		if (r < 0)
			return fail(ps, va, NULL, "no such date '%s'", ex);
		id = new_node(ps, N_DATE);
		nd = &ps->q->nodes[id];
		nd->op = (uint8_t)op;
		nd->what = kind == K_POSTED ? D_POSTED :
		           kind == K_DEADLINE ? D_DEADLINE :
		           kind == K_FOLLOWUP ? D_FOLLOWUP : D_START;
		nd->today = today;
		nd->lo = lo;
		nd->hi = hi;
		return id;
	}
	case K_NONE:
		break;
	}
	return -1;
}

/* A word, a keyed term or a phrase at the read position. */
static int32_t
parse_term(struct parser *ps)
{
	const char *s = ps->s;
	size_t a = ps->i;
	if (s[a] == '"') {
		if (!read_phrase(ps))
			return -1;
		return make_text(ps, F_ANY, ps->tmp.s, ps->tmp.len);
	}
	size_t e = word_end(ps, a), k = a;
	while (k < e && is_alpha((unsigned char)s[k]))
		k++;
	if (k > a && k + 1 < e && s[k] == '.' &&
	    is_alpha((unsigned char)s[k + 1])) {
		/* a dotted field name (workplace.note:), when it is one */
		size_t k2 = k + 1;
		while (k2 < e && is_alpha((unsigned char)s[k2]))
			k2++;
		char name[24];
		enum field f;
		if (k2 < e && s[k2] == ':' && k2 - a < sizeof(name)) {
			for (size_t j = a; j < k2; j++)
				name[j - a] = lower(s[j]);
			name[k2 - a] = '\0';
			if (key_lookup(name, &f) != K_NONE)
				k = k2;
		}
	}
	if (k > a && k < e && (s[k] == '<' || s[k] == '>' || s[k] == '=' ||
	                       (s[k] == ':' && !(k + 2 < e && s[k + 1] == '/' &&
	                                          s[k + 2] == '/'))))
		return parse_keyed(ps, a, k, k);
	if (k == e && k > a && k - a < 16) {
		/* "salary >= 60k": a comparison key, blanks, an operator */
		char name[16];
		for (size_t j = a; j < k; j++)
			name[j - a] = lower(s[j]);
		name[k - a] = '\0';
		enum field f;
		size_t o = k;
		while (o < ps->n && is_space((unsigned char)s[o]))
			o++;
		if (o > k && o < ps->n && (s[o] == '<' || s[o] == '>' ||
		                           s[o] == '=') &&
		    is_compare_key(key_lookup(name, &f)))
			return parse_keyed(ps, a, k, o);
	}
	ps->i = e;
	return make_text(ps, F_ANY, s + a, e - a);
}

static int32_t parse_or(struct parser *ps);

static int32_t
parse_primary(struct parser *ps)
{
	const char *s = ps->s;
	size_t at = ps->i;
	if (at >= ps->n)
		return fail(ps, ps->n ? ps->n - 1 : 0, NULL, "expected a term");
	if (s[at] == '(') {
		ps->i++;
		skip_ws(ps);
		if (ps->i >= ps->n || s[ps->i] == ')')
			return fail(ps, at, NULL, "expected a term after '('");
		int32_t e = parse_or(ps);
		if (e < 0)
			return -1;
		skip_ws(ps);
		if (ps->i >= ps->n || s[ps->i] != ')')
			return fail(ps, at, NULL, "unclosed '('");
		ps->i++;
		return e;
	}
	if (s[at] == ')')
		return fail(ps, at, NULL, "unmatched ')'");
	if (s[at] == '|')
		return fail(ps, at, NULL, "expected a term before '|'");
	if (at_keyword(ps, at, "or") || at_keyword(ps, at, "and")) {
		size_t e = word_end(ps, at);
		return fail(ps, at, NULL, "expected a term before '%.*s'",
		            (int)(e - at), s + at);
	}
	return parse_term(ps);
}

static int32_t
parse_unary(struct parser *ps)
{
	const char *s = ps->s;
	skip_ws(ps);
	size_t at = ps->i;
	if (++ps->depth > MAX_DEPTH)
		return fail(ps, at, NULL, "too deeply nested");
	int32_t r;
	if (at < ps->n && s[at] == '-') {
		ps->i++;
		if (ps->i >= ps->n || is_space((unsigned char)s[ps->i]) ||
		    s[ps->i] == ')' || s[ps->i] == '|')
			return fail(ps, at, NULL, "expected a term after '-'");
		r = parse_unary(ps);
		if (r >= 0)
			r = make_not(ps, r);
	} else if (at_keyword(ps, at, "not")) {
		ps->i += 3;
		skip_ws(ps);
		if (!starts_term(ps))
			return fail(ps, at + 2, NULL, "expected a term after '%.3s'",
			            s + at);
		r = parse_unary(ps);
		if (r >= 0)
			r = make_not(ps, r);
	} else {
		r = parse_primary(ps);
	}
	ps->depth--;
	return r;
}

static int32_t
parse_and(struct parser *ps)
{
	const char *s = ps->s;
	int32_t head = parse_unary(ps), tail = head;
	if (head < 0)
		return -1;
	size_t count = 1;
	for (;;) {
		skip_ws(ps);
		size_t at = ps->i;
		if (at >= ps->n || s[at] == ')' || s[at] == '|' ||
		    at_keyword(ps, at, "or"))
			break;
		if (at_keyword(ps, at, "and")) {
			ps->i += 3;
			skip_ws(ps);
			if (!starts_term(ps))
				return fail(ps, at + 2, NULL,
				            "expected a term after '%.3s'", s + at);
		}
		int32_t r = parse_unary(ps);
		if (r < 0)
			return -1;
		ps->q->nodes[tail].next = r;
		tail = r;
		count++;
	}
	return count == 1 ? head : make_list(ps, N_AND, head);
}

static int32_t
parse_or(struct parser *ps)
{
	const char *s = ps->s;
	int32_t head = parse_and(ps), tail = head;
	if (head < 0)
		return -1;
	size_t count = 1;
	for (;;) {
		skip_ws(ps);
		size_t at = ps->i, oplen;
		if (at < ps->n && s[at] == '|')
			oplen = 1;
		else if (at_keyword(ps, at, "or"))
			oplen = 2;
		else
			break;
		ps->i += oplen;
		skip_ws(ps);
		if (!starts_term(ps))
			return fail(ps, at + oplen - 1, NULL,
			            "expected a term after '%.*s'", (int)oplen,
			            s + at);
		int32_t r = parse_and(ps);
		if (r < 0)
			return -1;
		ps->q->nodes[tail].next = r;
		tail = r;
		count++;
	}
	return count == 1 ? head : make_list(ps, N_OR, head);
}

/* Lists the text nodes not under a negation. */
static void
find_positive(struct query *q, int32_t id, bool neg)
{
	const struct node *n = &q->nodes[id];
	if (n->kind == N_TEXT && !neg) {
		q->pos = xrealloc(q->pos, (q->npos + 1) * sizeof(*q->pos));
		q->pos[q->npos++] = id;
	}
	bool cneg = n->kind == N_NOT ? !neg : neg;
	for (int32_t c = n->first; c >= 0; c = q->nodes[c].next)
		find_positive(q, c, cneg);
}

struct query *
query_parse(const char *s, struct query_error *err)
{
	if (err) {
		err->col = 0;
		err->msg[0] = '\0';
	}
	struct query *q = calloc(1, sizeof(*q));
	if (!q)
		die_nomem();
	q->source = strdup(s ? s : "");
	if (!q->source)
		die_nomem();
	struct parser ps = {
		.s = q->source, .n = strlen(q->source), .q = q, .err = err,
	};
	skip_ws(&ps);
	if (ps.i >= ps.n) {
		q->root = new_node(&ps, N_TRUE);
	} else {
		q->root = parse_or(&ps);
		skip_ws(&ps);
		if (q->root >= 0 && ps.i < ps.n)
			q->root = fail(&ps, ps.i, NULL, "unmatched ')'");
	}
	buf_free(&ps.tmp);
	if (q->root < 0) {
		if (err && !err->msg[0])
			snprintf(err->msg, sizeof(err->msg), "cannot parse");
		query_free(q);
		return NULL;
	}
	find_positive(q, q->root, false);
	return q;
}

void
query_free(struct query *q)
{
	if (!q)
		return;
	free(q->source);
	free(q->nodes);
	free(q->strs.s);
	free(q->pos);
	free(q->pieces);
	free(q->hay.s);
	free(q->shay.s);
	free(q->val.s);
	free(q->map.v);
	free(q);
}

void
query_error_describe(const struct query_error *err, struct buf *out)
{
	buf_adds(out, "filter: ");
	buf_adds(out, err->msg);
}

const char *
query_source(const struct query *q)
{
	return q->source;
}

bool
query_is_empty(const struct query *q)
{
	return q->nodes[q->root].kind == N_TRUE;
}

const char *
query_status_name(int status)
{
	return status >= 0 && status < QSTATUS_N ? status_names[status] : "?";
}

/* Adds w to out[0..max) as the *n-th word, counting it even past max. */
static void
word_put(const char **out, size_t max, size_t *n, const char *w)
{
	if (*n < max)
		out[*n] = w;
	(*n)++;
}

size_t
query_words(enum query_words kind, const char **out, size_t max)
{
	size_t n = 0;
	enum field f;
	switch (kind) {
	case QW_FIELD:
		/* the text fields a key of its own does not shadow
		 * (deadline: compares dates), then their other names */
		for (int i = F_TITLE; i < F_UNKNOWN; i++)
			if (field_names[i] &&
			    key_lookup(field_names[i], &f) == K_FIELD)
				word_put(out, max, &n, field_names[i]);
		for (size_t i = 0;
		     i < sizeof(field_aliases) / sizeof(field_aliases[0]); i++)
			word_put(out, max, &n, field_aliases[i].name);
		for (size_t i = 0; i < sizeof(key_names) / sizeof(key_names[0]);
		     i++)
			if (!is_compare_key(key_names[i].k))
				word_put(out, max, &n, key_names[i].name);
		break;
	case QW_COMPARE:
		for (size_t i = 0; i < sizeof(key_names) / sizeof(key_names[0]);
		     i++)
			if (is_compare_key(key_names[i].k))
				word_put(out, max, &n, key_names[i].name);
		break;
	case QW_IS:
	case QW_HAS: {
		const char *pre = kind == QW_IS ? "is:" : "has:";
		size_t plen = strlen(pre);
		for (int i = 0; i < FL_N; i++)
			if (!strncmp(flag_terms[i], pre, plen))
				word_put(out, max, &n, flag_terms[i] + plen);
		break;
	}
	case QW_STATUS:
		for (int i = 0; i < QSTATUS_N; i++)
			word_put(out, max, &n, status_names[i]);
		break;
	case QW_WORKPLACE:
		for (size_t i = 0; i < sizeof(workplace_values) /
		                       sizeof(workplace_values[0]); i++)
			if (workplace_values[i])
				word_put(out, max, &n, workplace_values[i]);
		break;
	}
	return n;
}

/* ---- evaluation -------------------------------------------------------- */

static bool
gather_cb(void *ctx, const char *field, const char *s)
{
	struct query *q = ctx;
	if (!s || !*s)
		return false;
	if (q->npieces == q->pcap) {
		q->pcap = q->pcap ? 2 * q->pcap : 64;
		q->pieces = xrealloc(q->pieces, q->pcap * sizeof(*q->pieces));
	}
	struct piece *pc = &q->pieces[q->npieces++];
	pc->raw = s;
	pc->field = (uint8_t)field_index(field);
	pc->folded = false;
	return false;
}

static bool
find_text(struct query *q, const struct node *n)
{
	if (n->len == 0)
		return true;
	if (!q->gathered) {
		q->npieces = 0;
		q->hay.len = 0;
		posting_each_text(q->cur, gather_cb, q);
		q->gathered = true;
	}
	const char *needle = q->strs.s + n->off;
	for (size_t i = 0; i < q->npieces; i++) {
		struct piece *pc = &q->pieces[i];
		if (n->what != F_ANY && pc->field != n->what)
			continue;
		if (!pc->folded) {
			pc->off = q->hay.len;
			fold_text(&q->hay, NULL, pc->raw, strlen(pc->raw));
			pc->len = q->hay.len - pc->off;
			pc->folded = true;
		}
		if (pc->len >= n->len &&
		    text_find(q->hay.s + pc->off, pc->len, needle, n->len))
			return true;
	}
	return false;
}

/* A range [lo, hi] against the number v. */
static bool
range_cmp(enum op op, double lo, double hi, double v)
{
	switch (op) {
	case OP_LT: return lo < v;
	case OP_LE: return lo <= v;
	case OP_EQ: return lo <= v && v <= hi;
	case OP_GE: return hi >= v;
	case OP_GT: return hi > v;
	}
	return false;
}

/* A day v against the range of days [lo, hi] a query names. */
static bool
date_cmp(enum op op, int32_t v, int32_t lo, int32_t hi)
{
	switch (op) {
	case OP_LT: return v < lo;
	case OP_LE: return v <= hi;
	case OP_EQ: return lo <= v && v <= hi;
	case OP_GE: return v >= lo;
	case OP_GT: return v > hi;
	}
	return false;
}

static int32_t
today_of(struct query *q)
{
	if (q->env && q->env->today)
		return q->env->today;
	return deadline_today();
}

/* The last day a deadline closing soon may fall on, today being today:
 * today plus the closing-soon days (worked out again when either
 * changes). */
static int32_t
soon_of(struct query *q, int32_t today)
{
	int days = deadline_closing_days();
	if (q->soon_from != today || q->soon_days != days) {
		q->soon_to = deadline_add_days(today, days);
		q->soon_from = today;
		q->soon_days = days;
	}
	return q->soon_to;
}

/* True if the deadline ymd (0: none, or text) is closed, or closing soon,
 * on today, is:closing taking days up to soon. */
static bool
deadline_is(enum flag fl, int32_t ymd, int32_t today, int32_t soon)
{
	if (!ymd)
		return fl == FL_OPEN;
	switch (fl) {
	case FL_OPEN: return ymd >= today;
	case FL_CLOSED: return ymd < today;
	case FL_CLOSING: return ymd >= today && ymd <= soon;
	default: return false;
	}
}

static bool
eval_flag(struct query *q, enum flag fl, const struct posting *p)
{
	const struct query_env *env = q->env;
	void *ctx = env ? env->ctx : NULL;
	switch (fl) {
	case FL_MARKED: return env && env->marked && env->marked(ctx, p);
	case FL_HIDDEN: return env && env->hidden && env->hidden(ctx, p);
	case FL_NEW: return env && env->is_new && env->is_new(ctx, p);
	case FL_READ: return env && env->read && env->read(ctx, p);
	case FL_CHANGED: return env && env->changed && env->changed(ctx, p);
	case FL_NOTE: return env && env->has_note && env->has_note(ctx, p);
	case FL_DUE: {
		int32_t f = env && env->followup ? env->followup(ctx, p) : 0;
		return f && f <= today_of(q);
	}
	case FL_RATING:
		return env && env->rating && env->rating(ctx, p) > 0;
	case FL_DUPLICATE: return p->dup_of || p->also;
	case FL_SALARY: return p->salary.present;
	case FL_DEADLINE: {
		const struct when *d = posting_deadline(p);
		return d->ymd != 0 || d->text != NULL;
	}
	case FL_OPEN:
	case FL_CLOSED:
	case FL_CLOSING: {
		int32_t today = today_of(q);
		return deadline_is(fl, posting_deadline(p)->ymd, today,
		                   fl == FL_CLOSING ? soon_of(q, today) : 0);
	}
	case FL_N:
		break;
	}
	return false;
}

/* The user's currency under env. */
static const char *
user_currency(const struct query_env *env)
{
	return env && env->currency[0] ? env->currency : CURRENCY_DEFAULT;
}

/* Writes the currency of salary node n's bound under env to out. */
static void
bound_currency(const struct node *n, const struct query_env *env,
               char out[4])
{
	const char *user = user_currency(env);
	if (n->cur == CUR_USER ||
	    (n->cur == CUR_DOLLAR && currency_is_dollar(user)))
		memcpy(out, user, 4);
	else if (n->cur == CUR_DOLLAR)
		memcpy(out, "USD", 4);
	else
		currency_unpack(n->cur, out);
}

/* True if an employment value list s ("full-time, part-time") holds
 * N_ENUM n's value, each item read by value_norm. */
static bool
value_in(struct query *q, const char *s, const struct node *n)
{
	if (!s)
		return false;
	const char *needle = q->strs.s + n->off;
	for (;;) {
		size_t k = strcspn(s, ",;/");
		q->val.len = 0;
		fold_text(&q->val, NULL, s, k);
		if (value_norm(q->val.s, q->val.len) == n->len &&
		    !memcmp(q->val.s, needle, n->len))
			return true;
		if (!s[k])
			return false;
		s += k + 1;
	}
}

static bool
eval(struct query *q, int32_t id, const struct posting *p)
{
	const struct node *n = &q->nodes[id];
	switch ((enum nkind)n->kind) {
	case N_TRUE:
		return true;
	case N_AND:
		for (int32_t c = n->first; c >= 0; c = q->nodes[c].next)
			if (!eval(q, c, p))
				return false;
		return true;
	case N_OR:
		for (int32_t c = n->first; c >= 0; c = q->nodes[c].next)
			if (eval(q, c, p))
				return true;
		return false;
	case N_NOT:
		return !eval(q, n->first, p);
	case N_TEXT:
		return find_text(q, n);
	case N_ENUM:
		if (n->what == F_WORKPLACE)
			return p->workplace == (enum workplace)n->num;
		return value_in(q, p->employment.type, n) ||
		       value_in(q, p->employment.classification, n);
	case N_SALARY: {
		/* in the bound's currency, or converted by the user's rates */
		double lo, hi, k;
		char cur[4];
		if (!posting_salary_yearly(p, &lo, &hi))
			return false;
		bound_currency(n, q->env, cur);
		if (!currency_factor(q->env ? q->env->rates : NULL,
		                     user_currency(q->env),
		                     currency_of(&p->salary), cur, &k))
			return false;
		return range_cmp(n->op, lo * k, hi * k, n->num);
	}
	case N_EXPER: {
		double mn = p->experience.min_years, mx = p->experience.max_years;
		if (mn < 0 && mx < 0)
			return false;
		return range_cmp(n->op, mn >= 0 ? mn : mx, mx >= 0 ? mx : mn,
		                 n->num);
	}
	case N_DATE: {
		int32_t v = n->what == D_POSTED ? p->posted.ymd :
		            n->what == D_START ? p->start.ymd :
		            n->what == D_FOLLOWUP ? (q->env && q->env->followup ?
		                q->env->followup(q->env->ctx, p) : 0) :
		            posting_deadline(p)->ymd;
		if (!v)
			return false;
		int32_t lo = n->lo, hi = n->hi;
		if (n->today)
			lo = hi = today_of(q);
		return date_cmp(n->op, v, lo, hi);
	}
	case N_FLAG:
		return eval_flag(q, n->what, p);
	case N_RATING: {
		const struct query_env *env = q->env;
		if (!env || !env->rating)
			return false;
		int r = env->rating(env->ctx, p);
		if (n->num == 0 && n->op == OP_EQ)
			return r == 0;
		return r > 0 && range_cmp(n->op, r, r, n->num);
	}
	case N_STATUS: {
		const struct query_env *env = q->env;
		return env && env->status &&
		       env->status(env->ctx, p) == (int)n->num;
	}
	}
	return false;
}

bool
query_match(struct query *q, const struct posting *p,
            const struct query_env *env)
{
	q->cur = p;
	q->env = env;
	q->gathered = false;
	bool r = eval(q, q->root, p);
	q->cur = NULL;
	return r;
}

/* ---- set-at-a-time evaluation ------------------------------------------ */

/* What a subtree costs, cheapest first: values in the index's flat
 * arrays, text the index answers, state hooks called per posting, text
 * verified per posting. An AND applies its children in this order, so
 * the dear ones see only the postings the cheap ones left. */
enum { COST_ARRAY, COST_INDEX, COST_HOOK, COST_VERIFY, COST_N };

static int
node_cost(const struct query *q, int32_t id)
{
	const struct node *n = &q->nodes[id];
	switch ((enum nkind)n->kind) {
	case N_TRUE:
	case N_SALARY:
	case N_EXPER:
		return COST_ARRAY;
	case N_DATE:
		return n->what == D_FOLLOWUP ? COST_HOOK : COST_ARRAY;
	case N_FLAG:
		return n->what == FL_SALARY || n->what == FL_DEADLINE ||
		       n->what == FL_OPEN || n->what == FL_CLOSED ||
		       n->what == FL_CLOSING ? COST_ARRAY : COST_HOOK;
	case N_RATING:
	case N_STATUS:
		return COST_HOOK;
	case N_TEXT:
		if (!n->len)
			return COST_ARRAY;
		return memchr(q->strs.s + n->off, ' ', n->len) ? COST_VERIFY :
		       COST_INDEX;
	case N_ENUM:
		return n->what == F_WORKPLACE ? COST_ARRAY : COST_INDEX;
	case N_AND:
	case N_OR:
	case N_NOT: {
		int c = COST_ARRAY;
		for (int32_t k = n->first; k >= 0; k = q->nodes[k].next) {
			int x = node_cost(q, k);
			if (x > c)
				c = x;
		}
		return c;
	}
	}
	return COST_VERIFY;
}

/* One query_select over the postings an index covers. */
struct sel {
	struct query *q;
	struct query_index *ix;
	struct posting *const *v;
	struct index_values iv;  /* the index's arrays */
	size_t words;            /* 64-bit words of the sets */
	int32_t today;           /* for the node being applied */
	int32_t soon;            /* the last day is:closing takes */
	struct index_term term;  /* the text node being verified */
	/* the salary node being applied */
	char cur[4];             /* its bound's currency */
	uint32_t curpack;        /* the same, packed */
	uint32_t lastcur;        /* the last other currency seen, packed */
	bool lastok;             /* whether the rates convert it */
	double lastk;            /* and by what factor */
};

static bool
set_empty(const uint64_t *set, size_t words)
{
	for (size_t w = 0; w < words; w++)
		if (set[w])
			return false;
	return true;
}

/* Clears from set every posting i for which pred(s, n, i) is false. */
static void
keep_if(struct sel *s, uint64_t *set,
        bool (*pred)(struct sel *, const struct node *, size_t),
        const struct node *n)
{
	for (size_t w = 0; w < s->words; w++) {
		uint64_t x = set[w], keep = x;
		while (x) {
			int b = __builtin_ctzll(x);
			if (!pred(s, n, w * 64 + (size_t)b))
				keep &= ~((uint64_t)1 << b);
			x &= x - 1;
		}
		set[w] = keep;
	}
}

static bool
pred_salary(struct sel *s, const struct node *n, size_t i)
{
	if (!(s->iv.flags[i] & IXF_SALARY))
		return false;
	double k = 1;
	uint32_t c = s->iv.currency[i];
	if (c != s->curpack) {
		if (c != s->lastcur) {
			const struct query_env *env = s->q->env;
			char pc[4];
			currency_unpack(c, pc);
			s->lastok = currency_factor(env ? env->rates : NULL,
			                            user_currency(env), pc, s->cur,
			                            &s->lastk);
			s->lastcur = c;
		}
		if (!s->lastok)
			return false;
		k = s->lastk;
	}
	return range_cmp(n->op, s->iv.salary_lo[i] * k,
	                 s->iv.salary_hi[i] * k, n->num);
}

static bool
pred_workplace(struct sel *s, const struct node *n, size_t i)
{
	return s->iv.workplace[i] == (uint8_t)n->num;
}

static bool
pred_exper(struct sel *s, const struct node *n, size_t i)
{
	return (s->iv.flags[i] & IXF_EXPER) &&
	       range_cmp(n->op, s->iv.exper_lo[i], s->iv.exper_hi[i], n->num);
}

static bool
pred_date(struct sel *s, const struct node *n, size_t i)
{
	int32_t v = n->what == D_POSTED ? s->iv.posted[i] :
	            n->what == D_START ? s->iv.start[i] : s->iv.deadline[i];
	if (!v)
		return false;
	if (n->today)
		return date_cmp(n->op, v, s->today, s->today);
	return date_cmp(n->op, v, n->lo, n->hi);
}

static bool
pred_flag(struct sel *s, const struct node *n, size_t i)
{
	switch (n->what) {
	case FL_SALARY:
		return s->iv.flags[i] & IXF_SALARY;
	case FL_DEADLINE:
		return s->iv.flags[i] & IXF_DEADLINE;
	case FL_OPEN:
	case FL_CLOSED:
	case FL_CLOSING:
		return deadline_is(n->what, s->iv.deadline[i], s->today,
		                   s->soon);
	}
	return eval_flag(s->q, n->what, s->v[i]);
}

/* A term asked of the posting itself (state hooks). */
static bool
pred_eval(struct sel *s, const struct node *n, size_t i)
{
	return eval(s->q, (int32_t)(n - s->q->nodes), s->v[i]);
}

/* True if white space starts at s[i] (a character boundary); *k gets its
 * length in bytes. */
static bool
space_at(const char *s, size_t len, size_t i, size_t *k)
{
	unsigned char c = (unsigned char)s[i];
	if (c < 0x80) {
		*k = 1;
		return is_space(c);
	}
	uint32_t cp;
	*k = text_decode(s + i, len - i, &cp);
	return is_uspace(cp);
}

/* True if the folded form of s[i..len) starts with nd[0..nl), s[i] being
 * a character boundary and, when white space, the first of its run: the
 * bytes fold_text would write from there, made one character at a time. */
static bool
fold_starts(const char *s, size_t len, size_t i, const char *nd, size_t nl)
{
	size_t k = 0;
	while (k < nl) {
		if (i >= len)
			return false;
		unsigned char c = (unsigned char)s[i];
		size_t n;
		if (space_at(s, len, i, &n)) {
			if (nd[k++] != ' ')
				return false;
			for (i += n; i < len && space_at(s, len, i, &n); i += n)
				;
			continue;
		}
		if (c < 0x80) {
			if (lower((char)c) != nd[k++])
				return false;
			i++;
			continue;
		}
		uint32_t cp;
		i += text_decode(s + i, len - i, &cp);
		char tmp[4];
		size_t m = text_encode(text_fold_cp(cp), tmp);
		for (size_t j = 0; j < m && k < nl; j++)
			if (tmp[j] != nd[k++])
				return false;
	}
	return true;
}

/* True if x has a byte equal to the low byte of b (b repeated 8 times). */
static uint64_t
has_byte(uint64_t x, uint64_t b)
{
	const uint64_t ones = 0x0101010101010101u, hi = 0x8080808080808080u;
	uint64_t y = x ^ b;
	return (y - ones) & ~y & hi;
}

/* text_find(fold(s[0..len)), nd, nl) without folding s: the places
 * where the needle can start (its first byte in either case, any
 * non-ASCII character; white space after other text when the needle
 * starts with a space) are found eight bytes at a time, and the needle
 * is compared from each with fold_starts. */
static bool
fold_find(const char *s, size_t len, const char *nd, size_t nl)
{
	const uint64_t ones = 0x0101010101010101u, hi = 0x8080808080808080u;
	unsigned char n0 = (unsigned char)nd[0];
	size_t i = 0, k;
	if (n0 == ' ') {
		bool prev = false;
		while (i < len) {
			bool sp = space_at(s, len, i, &k);
			if (sp && !prev && fold_starts(s, len, i, nd, nl))
				return true;
			prev = sp;
			i += k;
		}
		return false;
	}
	unsigned char up = n0 >= 'a' && n0 <= 'z' ? (unsigned char)(n0 - 32) :
	                   n0;
	uint64_t b0 = n0 < 0x80 ? n0 * ones : 0, b1 = n0 < 0x80 ? up * ones : 0;
	/* the second byte too, when it is plain ASCII: a start needs it (or
	 * a non-ASCII character) right after */
	unsigned char n1 = nl > 1 ? (unsigned char)nd[1] : 0;
	bool two = b0 && n1 > ' ' && n1 < 0x80;
	unsigned char up1 = n1 >= 'a' && n1 <= 'z' ? (unsigned char)(n1 - 32) :
	                    n1;
	uint64_t c0 = n1 * ones, c1 = up1 * ones;
	while (i < len) {
		/* skip ASCII bytes that cannot start it; the flag of the
		 * byte first in memory marks the first that may (has_byte is
		 * exact up to its first hit, never misses one, and flags
		 * falsely only bytes after a hit: more significant ones, so
		 * later in memory on little-endian, earlier on big-endian,
		 * where stopping early is harmless) */
		while (len - i >= 9) {
			uint64_t x;
			memcpy(&x, s + i, 8);
			uint64_t m = x & hi;
			if (b0) {
				uint64_t f = has_byte(x, b0) | has_byte(x, b1);
				if (two && f) {
					uint64_t y;
					memcpy(&y, s + i + 1, 8);
					f &= (y & hi) | has_byte(y, c0) | has_byte(y, c1);
				}
				m |= f;
			}
			if (m) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
				i += (size_t)__builtin_clzll(m) / 8;
#else
				i += (size_t)__builtin_ctzll(m) / 8;
#endif
				break;
			}
			i += 8;
		}
		if (i >= len)
			break;
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			if ((c == n0 || c == up) && fold_starts(s, len, i, nd, nl))
				return true;
			i++;
			continue;
		}
		uint32_t cp;
		k = text_decode(s + i, len - i, &cp);
		if (fold_starts(s, len, i, nd, nl))
			return true;
		i += k;
	}
	return false;
}

/* What fold_find is to look for in a posting's text. */
struct verify {
	const char *needle;
	size_t len;
	uint8_t field; /* enum field; F_ANY for every piece */
};

static bool
verify_cb(void *ctx, const char *field, const char *s)
{
	const struct verify *vf = ctx;
	if (!s || !*s)
		return false;
	if (vf->field != F_ANY && field_index(field) != vf->field)
		return false;
	return fold_find(s, strlen(s), vf->needle, vf->len);
}

/* A text node the index could only narrow: the verdicts already found
 * are kept in s->term, the rest found in the posting's text. */
static bool
pred_verify(struct sel *s, const struct node *n, size_t i)
{
	uint64_t bit = (uint64_t)1 << (i % 64);
	if (s->term.known[i / 64] & bit)
		return s->term.yes[i / 64] & bit;
	struct verify vf = { s->q->strs.s + n->off, n->len, n->what };
	bool r = posting_each_text(s->v[i], verify_cb, &vf);
	s->term.known[i / 64] |= bit;
	if (r)
		s->term.yes[i / 64] |= bit;
	return r;
}

/* Keeps in set (of postings the index covers) the postings node id
 * matches; sp is the first scratch set free for the subtree. */
static void
sel_eval(struct sel *s, int32_t id, uint64_t *set, size_t sp)
{
	struct query *q = s->q;
	const struct node *n = &q->nodes[id];
	size_t words = s->words, bytes = words * 8;
	if (set_empty(set, words))
		return;
	switch ((enum nkind)n->kind) {
	case N_TRUE:
		return;
	case N_AND:
		for (int c = 0; c < COST_N; c++)
			for (int32_t k = n->first; k >= 0; k = q->nodes[k].next)
				if (node_cost(q, k) == c)
					sel_eval(s, k, set, sp);
		return;
	case N_OR: {
		uint64_t *rem = index_scratch(s->ix, sp);
		uint64_t *acc = index_scratch(s->ix, sp + 1);
		uint64_t *t = index_scratch(s->ix, sp + 2);
		memcpy(rem, set, bytes);
		memset(acc, 0, bytes);
		bool left = true;
		for (int c = 0; c < COST_N && left; c++)
			for (int32_t k = n->first; k >= 0 && left;
			     k = q->nodes[k].next) {
				if (node_cost(q, k) != c)
					continue;
				memcpy(t, rem, bytes);
				sel_eval(s, k, t, sp + 3);
				left = false;
				for (size_t w = 0; w < words; w++) {
					acc[w] |= t[w];
					rem[w] &= ~t[w];
					left |= rem[w] != 0;
				}
			}
		memcpy(set, acc, bytes);
		return;
	}
	case N_NOT: {
		uint64_t *t = index_scratch(s->ix, sp);
		memcpy(t, set, bytes);
		sel_eval(s, n->first, t, sp + 1);
		for (size_t w = 0; w < words; w++)
			set[w] &= ~t[w];
		return;
	}
	case N_TEXT:
		if (!n->len)
			return;
		index_term(s->ix, field_names[n->what], q->strs.s + n->off,
		           n->len, &s->term);
		for (size_t w = 0; w < words; w++)
			set[w] &= s->term.cand[w];
		if (!s->term.exact)
			keep_if(s, set, pred_verify, n);
		return;
	case N_ENUM:
		if (n->what == F_WORKPLACE) {
			keep_if(s, set, pred_workplace, n);
			return;
		}
		/* the postings whose type has the value's longest run of
		 * letters, then the value itself */
		if (n->hi > 0) {
			index_term(s->ix, field_names[F_TYPE],
			           q->strs.s + n->off + n->lo, (size_t)n->hi,
			           &s->term);
			for (size_t w = 0; w < words; w++)
				set[w] &= s->term.cand[w];
		}
		keep_if(s, set, pred_eval, n);
		return;
	case N_SALARY:
		bound_currency(n, q->env, s->cur);
		s->curpack = currency_pack(s->cur);
		s->lastcur = 0;
		keep_if(s, set, pred_salary, n);
		return;
	case N_EXPER:
		keep_if(s, set, pred_exper, n);
		return;
	case N_DATE:
		s->today = n->today ? today_of(q) : 0;
		keep_if(s, set, n->what == D_FOLLOWUP ? pred_eval : pred_date, n);
		return;
	case N_FLAG:
		s->today = n->what == FL_OPEN || n->what == FL_CLOSED ||
		           n->what == FL_CLOSING ? today_of(q) : 0;
		s->soon = n->what == FL_CLOSING ? soon_of(q, s->today) : 0;
		keep_if(s, set, pred_flag, n);
		return;
	case N_RATING:
	case N_STATUS:
		keep_if(s, set, pred_eval, n);
		return;
	}
}

size_t
query_select(struct query *q, struct query_index *ix,
             struct posting *const *v, size_t n, const struct query_env *env,
             uint32_t *out)
{
	size_t m = ix ? index_count(ix) : 0, k = 0;
	if (m > n)
		m = n;
	if (query_is_empty(q)) {
		for (size_t i = 0; i < n; i++)
			out[i] = (uint32_t)i;
		return n;
	}
	if (m) {
		q->env = env;
		struct sel s = {
			.q = q, .ix = ix, .v = v, .iv = index_values(ix),
			.words = (m + 63) / 64,
		};
		uint64_t *set = index_scratch(ix, 0);
		for (size_t w = 0; w < s.words; w++)
			set[w] = m - w * 64 >= 64 ? ~(uint64_t)0 :
			         ((uint64_t)1 << (m - w * 64)) - 1;
		sel_eval(&s, q->root, set, 1);
		q->cur = NULL;
		for (size_t w = 0; w < s.words; w++)
			for (uint64_t x = set[w]; x; x &= x - 1)
				out[k++] = (uint32_t)(w * 64 +
				                      (size_t)__builtin_ctzll(x));
	}
	for (size_t i = m; i < n; i++)
		if (query_match(q, v[i], env))
			out[k++] = (uint32_t)i;
	return k;
}

/* ---- questions about the query itself ---------------------------------- */

bool
query_mentions(const struct query *q, const char *term)
{
	size_t tl = strlen(term);
	for (size_t i = 0; i < q->nnodes; i++) {
		const struct node *n = &q->nodes[i];
		const char *name = NULL;
		switch ((enum nkind)n->kind) {
		case N_FLAG: name = flag_terms[n->what]; break;
		case N_STATUS: name = "status"; break;
		case N_RATING: name = "rating"; break;
		case N_SALARY: name = "salary"; break;
		case N_EXPER: name = "experience"; break;
		case N_DATE:
			name = n->what == D_POSTED ? "posted" :
			       n->what == D_START ? "start" :
			       n->what == D_FOLLOWUP ? "followup" : "deadline";
			break;
		case N_ENUM:
		case N_TEXT:
			if (n->what != F_ANY && tl > 1 && term[tl - 1] == ':' &&
			    strlen(field_names[n->what]) == tl - 1 &&
			    !strncmp(term, field_names[n->what], tl - 1))
				return true;
			break;
		default:
			break;
		}
		if (name && !strcmp(name, term))
			return true;
	}
	return false;
}

static bool
same_tree(const struct query *qa, int32_t a, const struct query *qb,
          int32_t b)
{
	const struct node *x = &qa->nodes[a], *y = &qb->nodes[b];
	if (x->kind != y->kind || x->op != y->op || x->what != y->what ||
	    x->today != y->today || x->num != y->num || x->lo != y->lo ||
	    x->hi != y->hi || x->len != y->len || x->cur != y->cur)
		return false;
	if ((x->kind == N_TEXT || x->kind == N_ENUM) && x->len &&
	    memcmp(qa->strs.s + x->off, qb->strs.s + y->off, x->len))
		return false;
	int32_t c = x->first, d = y->first;
	for (; c >= 0 && d >= 0; c = qa->nodes[c].next, d = qb->nodes[d].next)
		if (!same_tree(qa, c, qb, d))
			return false;
	return c < 0 && d < 0;
}

/* One side of a comparison: the value is above (lower bound) or below
 * (upper bound) x, strictly or not. */
struct bound {
	bool set, strict;
	double x;
};

/* The lower and upper bounds a comparison node puts on the value it tests
 * (the top of a range for lower bounds, the bottom for upper ones). */
static void
bounds_of(const struct node *n, struct bound *lo, struct bound *hi)
{
	double a = n->num, b = n->num;
	if (n->kind == N_DATE) {
		a = n->lo;
		b = n->hi;
	}
	lo->set = hi->set = false;
	lo->strict = hi->strict = false;
	switch ((enum op)n->op) {
	case OP_GE: *lo = (struct bound){ true, false, a }; break;
	case OP_GT: *lo = (struct bound){ true, true, b }; break;
	case OP_LE: *hi = (struct bound){ true, false, b }; break;
	case OP_LT: *hi = (struct bound){ true, true, a }; break;
	case OP_EQ:
		*lo = (struct bound){ true, false, a };
		*hi = (struct bound){ true, false, b };
		break;
	}
}

/* True if the bound nb implies ob (both lower when up, both upper else). */
static bool
bound_implies(const struct bound *nb, const struct bound *ob, bool up)
{
	if (!ob->set)
		return true;
	if (!nb->set)
		return false;
	double nx = up ? nb->x : -nb->x, ox = up ? ob->x : -ob->x;
	if (ob->strict && !nb->strict)
		return nx > ox;
	return nx >= ox;
}

/* True if node a of qa implies node b of qb for every posting. */
static bool
implies(const struct query *qa, int32_t a, const struct query *qb, int32_t b)
{
	const struct node *x = &qa->nodes[a], *y = &qb->nodes[b];
	if (y->kind == N_TRUE)
		return true;
	if (y->kind == N_AND) {
		for (int32_t d = y->first; d >= 0; d = qb->nodes[d].next)
			if (!implies(qa, a, qb, d))
				return false;
		return true;
	}
	if (x->kind == N_OR) {
		for (int32_t c = x->first; c >= 0; c = qa->nodes[c].next)
			if (!implies(qa, c, qb, b))
				return false;
		return true;
	}
	if (same_tree(qa, a, qb, b))
		return true;
	if (y->kind == N_OR)
		for (int32_t d = y->first; d >= 0; d = qb->nodes[d].next)
			if (implies(qa, a, qb, d))
				return true;
	if (x->kind == N_AND)
		for (int32_t c = x->first; c >= 0; c = qa->nodes[c].next)
			if (implies(qa, c, qb, b))
				return true;
	if (x->kind == N_NOT && y->kind == N_NOT)
		return implies(qb, y->first, qa, x->first);
	if (x->kind != y->kind)
		return false;
	switch ((enum nkind)x->kind) {
	case N_TEXT:
		/* a longer needle found in a field contains the shorter */
		if (y->what != F_ANY && y->what != x->what)
			return false;
		if (y->len == 0)
			return true;
		return x->len >= y->len &&
		       text_find(qa->strs.s + x->off, x->len, qb->strs.s + y->off,
		              y->len) != NULL;
	case N_RATING:
		if ((x->op == OP_EQ && x->num == 0) ||
		    (y->op == OP_EQ && y->num == 0))
			return false;
		/* fall through */
	case N_SALARY:
	case N_EXPER:
	case N_DATE: {
		if (x->kind == N_DATE && (x->what != y->what || x->today ||
		                          y->today))
			return false;
		if (x->kind == N_SALARY && x->cur != y->cur)
			return false;
		struct bound xl, xh, yl, yh;
		bounds_of(x, &xl, &xh);
		bounds_of(y, &yl, &yh);
		return bound_implies(&xl, &yl, true) &&
		       bound_implies(&xh, &yh, false);
	}
	default:
		return false;
	}
}

bool
query_narrows(const struct query *older, const struct query *newer)
{
	return implies(newer, newer->root, older, older->root);
}

/* ---- match positions --------------------------------------------------- */

static int
span_cmp(const void *a, const void *b)
{
	const struct query_span *x = a, *y = b;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return x->len < y->len ? -1 : x->len > y->len;
}

size_t
query_spans(struct query *q, const char *field, const char *s, size_t len,
            struct query_span **v, size_t *n, size_t *cap)
{
	if (!q->npos || !len)
		return 0;
	enum field fid = field ? field_index(field) : F_ANY;
	q->shay.len = 0;
	fold_text(&q->shay, &q->map, s, len);
	const char *h = q->shay.s;
	size_t hlen = q->shay.len, n0 = *n;
	for (size_t t = 0; t < q->npos; t++) {
		const struct node *nd = &q->nodes[q->pos[t]];
		if (!nd->len || (field && nd->what != F_ANY && nd->what != fid))
			continue;
		const char *needle = q->strs.s + nd->off;
		size_t at = 0;
		while (at + nd->len <= hlen) {
			const char *m = text_find(h + at, hlen - at, needle, nd->len);
			if (!m)
				break;
			size_t a = (size_t)(m - h), b = a + nd->len;
			if (*n == *cap) {
				*cap = *cap ? 2 * *cap : 16;
				*v = xrealloc(*v, *cap * sizeof(**v));
			}
			(*v)[(*n)++] = (struct query_span){
				q->map.v[a], q->map.v[b] - q->map.v[a]
			};
			at = b;
		}
	}
	if (*n - n0 > 1)
		qsort(*v + n0, *n - n0, sizeof(**v), span_cmp);
	size_t w = n0;
	for (size_t r = n0; r < *n; r++) {
		struct query_span sp = (*v)[r];
		if (w > n0 && sp.off <= (*v)[w - 1].off + (*v)[w - 1].len) {
			size_t end = sp.off + sp.len;
			struct query_span *last = &(*v)[w - 1];
			if (end > last->off + last->len)
				last->len = end - last->off;
		} else {
			(*v)[w++] = sp;
		}
	}
	*n = w;
	return w - n0;
}
