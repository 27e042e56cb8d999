/* SPDX-License-Identifier: MIT */
#include "load.h"
#include "load_int.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>
#include <pthread.h>
#include <stdatomic.h>

const struct load_limits load_default_limits = {
	.max_file = (size_t)256 << 20,
	.max_scalar = (size_t)1 << 20,
	.max_depth = 64,
	.max_nodes = 100000,
	.max_postings = 1000000,
};

/* Problems ------------------------------------------------------------- */

/* Records a problem at node n (or the posting's start when n is NULL). */
static void
vproblem(struct lctx *x, const struct ynode *n, bool error, const char *fmt,
         va_list ap)
{
	char msg[400];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	unsigned line = n ? n->line : x->p ? x->p->line : 0;
	unsigned col = n ? n->col : x->p ? x->p->col : 0;
	catalog_problem(x->c, x->file, line, col, error, "%s", msg);
	if (error && x->p)
		x->p->problems = true;
}

void
lerr(struct lctx *x, const struct ynode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vproblem(x, n, true, fmt, ap);
	va_end(ap);
}

void
lwarn(struct lctx *x, const struct ynode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vproblem(x, n, false, fmt, ap);
	va_end(ap);
}

/* Node helpers ----------------------------------------------------------- */

const struct ynode *
ymap_get(const struct ynode *m, const char *key)
{
	if (!m || m->kind != Y_MAP)
		return NULL;
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i];
		if (k->kind == Y_SCALAR && strcmp(k->s, key) == 0)
			return m->kids[2 * i + 1];
	}
	return NULL;
}

/* What a node is, for messages. */
static const char *
kind_name(const struct ynode *n)
{
	switch (n->kind) {
	case Y_NULL: return "nothing";
	case Y_SCALAR: return "text";
	case Y_SEQ: return "a list";
	default: return "a mapping";
	}
}

const char *
lkeep(struct lctx *x, const char *s, size_t len)
{
	char *t = arena_strndup(&x->c->arena, s, len);
	if (!t)
		die_nomem();
	return t;
}

const char *
ykeep(struct lctx *x, const struct ynode *n)
{
	if (!n || n->kind != Y_SCALAR)
		return NULL;
	const char *s = n->s, *e = n->s + n->len;
	/* drop leading blank lines and trailing white space */
	for (const char *q = s; q < e; q++) {
		if (*q == '\n')
			s = q + 1;
		else if (*q != ' ' && *q != '\t' && *q != '\r')
			break;
	}
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	                 e[-1] == '\r'))
		e--;
	if (e == s)
		return NULL;
	if (n->kept) {
		/* the text is the catalog's already: trim it in place */
		if (*e)
			*(char *)e = '\0';
		return s;
	}
	return lkeep(x, s, (size_t)(e - s));
}

/* Keeps a value of the wrong type for the field called name ("summary",
 * "organization: name") under Other, as "summary", "organization.name":
 * reported, not guessed around, and not lost. */
static void
ykeep_wrong(struct lctx *x, const char *name, const struct ynode *n)
{
	struct buf key = {0};
	for (const char *q = name; *q; q++) {
		if (q[0] == ':' && q[1] == ' ') {
			buf_addc(&key, '.');
			q++;
		} else {
			buf_addc(&key, *q);
		}
	}
	ykeep_extra(x, key.s ? key.s : "", n);
	buf_free(&key);
}

bool
ytext(struct lctx *x, const struct ynode *n, const char *name,
      const char **out)
{
	if (n->kind == Y_NULL)
		return true;
	if (n->kind != Y_SCALAR) {
		lerr(x, n, "%s: expected text, found %s; kept under Other",
		     name, kind_name(n));
		ykeep_wrong(x, name, n);
		return false;
	}
	*out = ykeep(x, n);
	return true;
}

void
yxvalue(struct lctx *x, const struct ynode *n, const char *key,
        struct xvalue *out)
{
	*out = (struct xvalue){.key = key};
	switch (n->kind) {
	case Y_NULL:
		out->kind = X_SCALAR;
		out->s = "";
		return;
	case Y_SCALAR:
		out->kind = X_SCALAR;
		out->s = n->kept ? n->s : lkeep(x, n->s, n->len);
		return;
	case Y_SEQ:
	case Y_MAP:
		out->kind = n->kind == Y_SEQ ? X_SEQ : X_MAP;
		out->n = n->n;
		out->kids = arena_alloc(&x->c->arena,
		                        (n->n ? n->n : 1) * sizeof(*out->kids));
		if (!out->kids)
			die_nomem();
		for (size_t i = 0; i < n->n; i++) {
			if (n->kind == Y_SEQ) {
				yxvalue(x, n->kids[i], NULL, &out->kids[i]);
			} else {
				const struct ynode *k = n->kids[2 * i];
				const char *ks = k->kind == Y_SCALAR
					? lkeep(x, k->s, k->len) : "?";
				yxvalue(x, n->kids[2 * i + 1], ks,
				        &out->kids[i]);
			}
		}
		return;
	}
}

void
ykeep_extra(struct lctx *x, const char *key, const struct ynode *v)
{
	struct posting *p = x->p;
	/* extras grow by doubling inside the arena: old arrays are left */
	size_t n = p->nextra;
	if ((n & (n - 1)) == 0) {
		size_t cap = n ? n * 2 : 4;
		struct xvalue *nv = arena_alloc(&x->c->arena, cap * sizeof(*nv));
		if (!nv)
			die_nomem();
		if (n)
			memcpy(nv, p->extra, n * sizeof(*nv));
		p->extra = nv;
	}
	yxvalue(x, v, lkeep(x, key, strlen(key)), &p->extra[p->nextra++]);
}

/* Keeps an unknown key k of the known mapping called parent, with its
 * value v, under Other as "parent.key" (never as a key of its own,
 * which could pose as a canonical one), and says so; known lists the
 * mapping's keys. */
static void
ykeep_unknown(struct lctx *x, const char *parent, const struct ynode *k,
              const struct ynode *v, const char *known)
{
	const char *key = k->kind == Y_SCALAR ? k->s : "?";
	struct buf name = {0};
	buf_printf(&name, "%s.%s", parent, key);
	lwarn(x, k, "%s: unknown key '%s' (known: %s); kept under Other as "
	      "'%s'", parent, key, known, name.s);
	ykeep_extra(x, name.s, v);
	buf_free(&name);
}

void
lstrlist(struct lctx *x, const char *const *v, size_t n, struct strlist *out)
{
	const char **items = arena_alloc(&x->c->arena, (n ? n : 1) * sizeof(*items));
	if (!items)
		die_nomem();
	for (size_t i = 0; i < n; i++)
		items[i] = lkeep(x, v[i], strlen(v[i]));
	out->v = items;
	out->n = n;
}

/* Reads a list of text: a sequence of scalars, or one scalar. Items that
 * are not text are reported and left out. */
static void
ylist(struct lctx *x, const struct ynode *n, const char *name,
      struct strlist *out)
{
	if (n->kind == Y_NULL)
		return;
	if (n->kind == Y_MAP) {
		lerr(x, n, "%s: expected a list of text, found a mapping; kept "
		     "under Other", name);
		ykeep_wrong(x, name, n);
		return;
	}
	size_t cnt = n->kind == Y_SEQ ? n->n : 1;
	const char **items = arena_alloc(&x->c->arena,
	                                 (cnt ? cnt : 1) * sizeof(*items));
	if (!items)
		die_nomem();
	size_t k = 0;
	for (size_t i = 0; i < cnt; i++) {
		const struct ynode *it = n->kind == Y_SEQ ? n->kids[i] : n;
		if (it->kind == Y_SCALAR) {
			const char *s = ykeep(x, it);
			if (s)
				items[k++] = s;
		} else if (it->kind != Y_NULL) {
			lerr(x, it, "%s: item %zu: expected text, found %s; "
			     "kept under Other", name, i + 1, kind_name(it));
			char item[300];
			snprintf(item, sizeof(item), "%s: %zu", name, i + 1);
			ykeep_wrong(x, item, it);
		}
	}
	out->v = items;
	out->n = k;
}

/* Numbers, dates ------------------------------------------------------- */

bool
parse_amount(const char *s, size_t len, double *out)
{
	const char *e = s + len;
	while (s < e && (*s == ' ' || *s == '\t'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\t'))
		e--;
	/* a currency sign or code before the digits */
	static const char *const signs[] = {"US$", "CA$", "A$", "$", "€", "£",
	                                    "¥", "₹"};
	for (size_t i = 0; i < sizeof(signs) / sizeof(signs[0]); i++) {
		size_t sl = strlen(signs[i]);
		if ((size_t)(e - s) > sl && memcmp(s, signs[i], sl) == 0) {
			s += sl;
			break;
		}
	}
	char digits[64];
	size_t k = 0;
	bool dot = false, any = false;
	double mult = 1;
	for (const char *q = s; q < e; q++) {
		if (*q >= '0' && *q <= '9') {
			any = true;
		} else if (*q == ',' && any && !dot) {
			continue;
		} else if (*q == '.' && !dot) {
			dot = true;
		} else if ((*q == 'k' || *q == 'K') && q + 1 == e && any) {
			mult = 1000;
			break;
		} else if ((*q == 'm' || *q == 'M') && q + 1 == e && any) {
			mult = 1e6;
			break;
		} else {
			return false;
		}
		if (k + 1 >= sizeof(digits))
			return false;
		digits[k++] = *q;
	}
	if (!any)
		return false;
	digits[k] = '\0';
	double v = strtod(digits, NULL) * mult;
	if (!(v >= 0 && v <= 1e12))
		return false;
	*out = v;
	return true;
}

/* Days in a month of a year. */
static int
month_days(int y, int m)
{
	static const int d[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		return 29;
	return d[m - 1];
}

bool
parse_date(const char *s, int32_t *ymd)
{
	int y = 0, m = 0, d = 0;
	for (int i = 0; i < 10; i++) {
		char c = s[i];
		if (i == 4 || i == 7) {
			if (c != '-')
				return false;
		} else if (c < '0' || c > '9') {
			return false;
		}
	}
	if (s[10] != '\0' && s[10] != 'T' && s[10] != 't' && s[10] != ' ')
		return false;
	y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 +
	    (s[3] - '0');
	m = (s[5] - '0') * 10 + (s[6] - '0');
	d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < 1 || m < 1 || m > 12 || d < 1 || d > month_days(y, m))
		return false;
	*ymd = y * 10000 + m * 100 + d;
	return true;
}

/* True if s starts like a date (four digits and a dash). */
static bool
date_like(const char *s)
{
	for (int i = 0; i < 4; i++)
		if (s[i] < '0' || s[i] > '9')
			return false;
	return s[4] == '-';
}

void
ywhen(struct lctx *x, const struct ynode *n, const char *name,
      bool date_only, struct when *out)
{
	const char *s = NULL;
	if (!ytext(x, n, name, &s) || !s)
		return;
	int32_t ymd;
	if (parse_date(s, &ymd)) {
		out->ymd = ymd;
		/* keep the date part only */
		out->text = strlen(s) > 10 ? lkeep(x, s, 10) : s;
		return;
	}
	if (date_only || date_like(s)) {
		lerr(x, n, "%s: '%s' is not a valid date (expected YYYY-MM-DD)",
		     name, s);
		ykeep_wrong(x, name, n);
		return;
	}
	out->text = s;
}

/* Splits "a-b", "a – b", "a to b" into two slices; false when no dash. */
static bool
split_range(const char *s, size_t len, size_t *alen, const char **b,
            size_t *blen)
{
	static const char *const seps[] = {"–", "—", " to ", "-"};
	for (size_t i = 0; i < sizeof(seps) / sizeof(seps[0]); i++) {
		size_t sl = strlen(seps[i]);
		for (size_t k = 1; k + sl < len; k++) {
			if (memcmp(s + k, seps[i], sl) == 0) {
				*alen = k;
				*b = s + k + sl;
				*blen = len - k - sl;
				return true;
			}
		}
	}
	return false;
}

/* Strips a trailing period such as "/hour", " per hour", " an hour",
 * " a year" from s; sets *p when found. Returns the remaining length. */
static size_t
strip_period(const char *s, size_t len, enum period *p)
{
	const char *e = s + len;
	while (e > s && e[-1] == ' ')
		e--;
	const char *w = e;
	while (w > s && ((w[-1] >= 'a' && w[-1] <= 'z') ||
	                 (w[-1] >= 'A' && w[-1] <= 'Z')))
		w--;
	if (w == e || w == s)
		return len;
	char word[16];
	size_t wl = (size_t)(e - w);
	if (wl >= sizeof(word))
		return len;
	memcpy(word, w, wl);
	word[wl] = '\0';
	if (strcasecmp(word, "k") == 0 || strcasecmp(word, "m") == 0)
		return len;
	enum period per;
	if (!period_parse(word, &per))
		return len;
	const char *q = w;
	if (q > s && q[-1] == '/') {
		q--;
	} else {
		while (q > s && q[-1] == ' ')
			q--;
		const char *pre = q;
		while (pre > s && pre[-1] != ' ')
			pre--;
		size_t pl = (size_t)(q - pre);
		if ((pl == 3 && strncasecmp(pre, "per", 3) == 0) ||
		    (pl == 2 && strncasecmp(pre, "an", 2) == 0) ||
		    (pl == 1 && strncasecmp(pre, "a", 1) == 0))
			q = pre;
	}
	*p = per;
	return (size_t)(q - s);
}

/* Reads "62400", "$62,400", "62400-67000", "$26–31.50/h" into the
 * salary; false when it is none of these. */
static bool
salary_text(const char *s, struct salary *out)
{
	size_t len = strlen(s);
	enum period per = out->period;
	len = strip_period(s, len, &per);
	size_t alen, blen;
	const char *b;
	double lo, hi;
	if (parse_amount(s, len, &lo)) {
		hi = lo;
	} else if (split_range(s, len, &alen, &b, &blen) &&
	           parse_amount(s, alen, &lo) && parse_amount(b, blen, &hi)) {
		;
	} else {
		return false;
	}
	out->min = lo;
	out->max = hi;
	out->period = per;
	out->present = true;
	/* a currency written as a sign */
	if (strstr(s, "€"))
		memcpy(out->currency, "EUR", 4);
	else if (strstr(s, "£"))
		memcpy(out->currency, "GBP", 4);
	return true;
}

/* Reads a currency code into out; false when it is not three letters. */
static bool
currency_code(const char *s, char out[4])
{
	if (!s || strlen(s) != 3)
		return false;
	for (int i = 0; i < 3; i++) {
		char c = s[i];
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (c < 'A' || c > 'Z')
			return false;
		out[i] = c;
	}
	out[3] = '\0';
	return true;
}

/* Reads a salary amount node (number or amount text) into *v. */
static bool
yamount(struct lctx *x, const struct ynode *n, const char *name, double *v)
{
	if (n->kind != Y_SCALAR || !parse_amount(n->s, n->len, v)) {
		lerr(x, n, "salary: %s: expected an amount such as 62400 or "
		     "$62,400, found %s%s%s", name,
		     n->kind == Y_SCALAR ? "'" : "",
		     n->kind == Y_SCALAR ? n->s : kind_name(n),
		     n->kind == Y_SCALAR ? "'" : "");
		return false;
	}
	return true;
}

void
ysalary(struct lctx *x, const struct ynode *n)
{
	struct salary s = {.currency = "USD", .period = PERIOD_YEAR};
	bool ok = true;
	if (n->kind == Y_NULL)
		return;
	if (n->kind == Y_SCALAR) {
		if (!salary_text(n->s, &s)) {
			lerr(x, n, "salary: expected a number, a range such as "
			     "62400-67000, or a mapping with min and max; "
			     "found '%s'", n->s);
			ok = false;
		}
	} else if (n->kind == Y_MAP) {
		const struct ynode *v;
		bool have_min = false, have_max = false;
		for (size_t i = 0; i < n->n; i++) {
			const struct ynode *k = n->kids[2 * i];
			v = n->kids[2 * i + 1];
			const char *key = k->kind == Y_SCALAR ? k->s : "";
			if (v->kind == Y_NULL)
				continue;
			if (!strcmp(key, "min")) {
				ok &= have_min = yamount(x, v, "min", &s.min);
			} else if (!strcmp(key, "max")) {
				ok &= have_max = yamount(x, v, "max", &s.max);
			} else if (!strcmp(key, "currency")) {
				if (v->kind != Y_SCALAR ||
				    !currency_code(v->s, s.currency)) {
					lerr(x, v, "salary: currency: expected a "
					     "three-letter ISO 4217 code such as "
					     "USD");
					ok = false;
				}
			} else if (!strcmp(key, "period")) {
				if (v->kind != Y_SCALAR ||
				    !period_parse(v->s, &s.period)) {
					lerr(x, v, "salary: period: expected year, "
					     "month, week, day or hour");
					ok = false;
				}
			} else if (!strcmp(key, "note")) {
				ytext(x, v, "salary: note", &s.note);
			} else {
				lwarn(x, k, "salary: unknown key '%s' ignored "
				      "(known: min, max, currency, period, note)",
				      key);
			}
		}
		if (ok && !have_min && !have_max) {
			lerr(x, n, "salary: a mapping needs min or max");
			ok = false;
		}
		/* one end given: a range open at the other */
		s.open_below = !have_min;
		s.open_above = !have_max;
		if (!have_min)
			s.min = s.max;
		if (!have_max)
			s.max = s.min;
		s.present = ok;
	} else {
		lerr(x, n, "salary: expected a number, a range or a mapping, "
		     "found a list");
		ok = false;
	}
	if (!ok) {
		ykeep_extra(x, "salary", n);
		return;
	}
	if (s.min > s.max) {
		lwarn(x, n, "salary: min is above max; read as %g-%g", s.max,
		      s.min);
		double t = s.min;
		s.min = s.max;
		s.max = t;
	}
	x->p->salary = s;
}

/* The canonical keys -------------------------------------------------- */

/* Reads the organization: a name, or a mapping. */
static void
k_organization(struct lctx *x, const struct ynode *n)
{
	struct posting *p = x->p;
	if (n->kind == Y_SCALAR || n->kind == Y_NULL) {
		ytext(x, n, "organization", &p->org.name);
		return;
	}
	if (n->kind != Y_MAP) {
		lerr(x, n, "organization: expected a name or a mapping, found "
		     "a list");
		ykeep_extra(x, "organization", n);
		return;
	}
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		const char *key = k->kind == Y_SCALAR ? k->s : "";
		if (!strcmp(key, "name"))
			ytext(x, v, "organization: name", &p->org.name);
		else if (!strcmp(key, "short"))
			ytext(x, v, "organization: short", &p->org.short_name);
		else if (!strcmp(key, "url"))
			ytext(x, v, "organization: url", &p->org.url);
		else if (!strcmp(key, "about"))
			ytext(x, v, "organization: about", &p->org.about);
		else
			ykeep_unknown(x, "organization", k, v,
			              "name, short, url, about");
	}
}

/* Reads one place: a name or a mapping. */
static bool
yplace(struct lctx *x, const struct ynode *n, struct place *pl)
{
	*pl = (struct place){0};
	if (n->kind == Y_SCALAR) {
		pl->name = ykeep(x, n);
		return pl->name != NULL;
	}
	if (n->kind != Y_MAP) {
		lerr(x, n, "location: expected a name or a mapping, found %s",
		     kind_name(n));
		return false;
	}
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		const char *key = k->kind == Y_SCALAR ? k->s : "";
		if (!strcmp(key, "name"))
			ytext(x, v, "location: name", &pl->name);
		else if (!strcmp(key, "city"))
			ytext(x, v, "location: city", &pl->city);
		else if (!strcmp(key, "region"))
			ytext(x, v, "location: region", &pl->region);
		else if (!strcmp(key, "country"))
			ytext(x, v, "location: country", &pl->country);
		else
			ykeep_unknown(x, "location", k, v,
			              "name, city, region, country");
	}
	return pl->name || pl->city || pl->region || pl->country;
}

/* Reads the location: one place or a list of them. */
static void
k_location(struct lctx *x, const struct ynode *n)
{
	struct posting *p = x->p;
	size_t cnt = n->kind == Y_SEQ ? n->n : 1;
	if (n->kind == Y_NULL)
		return;
	p->places = arena_alloc(&x->c->arena, cnt * sizeof(*p->places) + 1);
	if (!p->places)
		die_nomem();
	for (size_t i = 0; i < cnt; i++) {
		const struct ynode *it = n->kind == Y_SEQ ? n->kids[i] : n;
		if (yplace(x, it, &p->places[p->nplaces]))
			p->nplaces++;
	}
}

/* Maps a workplace word; false when unknown. */
static bool
workplace_word(const char *s, enum workplace *w)
{
	static const struct {
		const char *word;
		enum workplace w;
	} words[] = {
		{"onsite", WP_ONSITE}, {"on-site", WP_ONSITE},
		{"on site", WP_ONSITE}, {"office", WP_ONSITE},
		{"in-office", WP_ONSITE}, {"in office", WP_ONSITE},
		{"hybrid", WP_HYBRID}, {"remote", WP_REMOTE},
		{"telecommute", WP_REMOTE},
	};
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		if (strcasecmp(s, words[i].word) == 0) {
			*w = words[i].w;
			return true;
		}
	}
	return false;
}

/* Reads the workplace: a word, or a mapping of type and note. */
static void
k_workplace(struct lctx *x, const struct ynode *n)
{
	struct posting *p = x->p;
	const struct ynode *type = n, *note = NULL;
	if (n->kind == Y_MAP) {
		type = ymap_get(n, "type");
		note = ymap_get(n, "note");
		for (size_t i = 0; i < n->n; i++) {
			const struct ynode *k = n->kids[2 * i];
			if (k->kind != Y_SCALAR || (strcmp(k->s, "type") &&
			                            strcmp(k->s, "note")))
				ykeep_unknown(x, "workplace", k,
				              n->kids[2 * i + 1], "type, note");
		}
	} else if (n->kind == Y_SEQ) {
		lerr(x, n, "workplace: expected onsite, hybrid, remote or a "
		     "mapping, found a list");
		ykeep_extra(x, "workplace", n);
		return;
	}
	if (note)
		ytext(x, note, "workplace: note", &p->workplace_note);
	const char *t = NULL;
	if (!type || !ytext(x, type, "workplace: type", &t) || !t)
		return;
	if (!workplace_word(t, &p->workplace)) {
		lwarn(x, type, "workplace: '%s' is not onsite, hybrid or "
		      "remote; kept as a note", t);
		if (!p->workplace_note)
			p->workplace_note = t;
	}
}

/* Normalises an employment type: FULL_TIME, Full time -> full-time. */
static const char *
employment_type(struct lctx *x, const char *s)
{
	static const struct {
		const char *in, *out;
	} types[] = {
		{"full-time", "full-time"}, {"full time", "full-time"},
		{"full_time", "full-time"}, {"fulltime", "full-time"},
		{"part-time", "part-time"}, {"part time", "part-time"},
		{"part_time", "part-time"}, {"contract", "contract"},
		{"contractor", "contract"}, {"temporary", "temporary"},
		{"temp", "temporary"}, {"internship", "internship"},
		{"intern", "internship"}, {"volunteer", "volunteer"},
		{"per_diem", "per diem"},
	};
	for (size_t i = 0; i < sizeof(types) / sizeof(types[0]); i++)
		if (strcasecmp(s, types[i].in) == 0)
			return types[i].out;
	(void)x;
	return s;
}

/* Reads employment: a type, or a mapping. */
static void
k_employment(struct lctx *x, const struct ynode *n)
{
	struct posting *p = x->p;
	if (n->kind == Y_SCALAR) {
		const char *t = ykeep(x, n);
		p->employment.type = t ? employment_type(x, t) : NULL;
		return;
	}
	if (n->kind != Y_MAP) {
		if (n->kind != Y_NULL) {
			lerr(x, n, "employment: expected a type or a mapping, "
			     "found a list");
			ykeep_extra(x, "employment", n);
		}
		return;
	}
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		const char *key = k->kind == Y_SCALAR ? k->s : "";
		const char *t = NULL;
		if (!strcmp(key, "type")) {
			if (ytext(x, v, "employment: type", &t) && t)
				p->employment.type = employment_type(x, t);
		} else if (!strcmp(key, "classification")) {
			ytext(x, v, "employment: classification",
			      &p->employment.classification);
		} else if (!strcmp(key, "union")) {
			ytext(x, v, "employment: union",
			      &p->employment.union_name);
		} else {
			ykeep_unknown(x, "employment", k, v,
			              "type, classification, union");
		}
	}
}

/* Reads a number of years. */
static bool
years(struct lctx *x, const struct ynode *n, const char *name, double *out)
{
	double v;
	if (n->kind != Y_SCALAR || !parse_amount(n->s, n->len, &v) || v > 100) {
		lerr(x, n, "experience: %s: expected a number of years", name);
		return false;
	}
	*out = v;
	return true;
}

/* Reads experience: a number, "5-10", "5+", or a mapping. */
static void
k_experience(struct lctx *x, const struct ynode *n)
{
	struct posting *p = x->p;
	double lo = -1, hi = -1;
	bool ok = true;
	if (n->kind == Y_NULL)
		return;
	if (n->kind == Y_SCALAR) {
		size_t alen, blen;
		const char *b;
		size_t len = n->len;
		while (len && n->s[len - 1] == ' ')
			len--;
		if (len > 6 && strcasecmp(n->s + len - 6, " years") == 0)
			len -= 6;
		else if (len > 5 && strcasecmp(n->s + len - 5, " year") == 0)
			len -= 5;
		if (parse_amount(n->s, len, &lo)) {
			;
		} else if (len > 1 && n->s[len - 1] == '+' &&
		           parse_amount(n->s, len - 1, &lo)) {
			;
		} else if (split_range(n->s, len, &alen, &b, &blen) &&
		           parse_amount(n->s, alen, &lo) &&
		           parse_amount(b, blen, &hi)) {
			;
		} else {
			lerr(x, n, "experience: expected a number of years, a "
			     "range such as 5-10, or a mapping; found '%s'",
			     n->s);
			ok = false;
		}
		if (ok && (lo > 100 || hi > 100)) {
			lerr(x, n, "experience: %s years is not plausible",
			     n->s);
			ok = false;
		}
	} else if (n->kind == Y_MAP) {
		for (size_t i = 0; i < n->n; i++) {
			const struct ynode *k = n->kids[2 * i];
			const struct ynode *v = n->kids[2 * i + 1];
			const char *key = k->kind == Y_SCALAR ? k->s : "";
			if (v->kind == Y_NULL)
				continue;
			if (!strcmp(key, "min_years"))
				ok &= years(x, v, "min_years", &lo);
			else if (!strcmp(key, "max_years"))
				ok &= years(x, v, "max_years", &hi);
			else if (!strcmp(key, "note"))
				ytext(x, v, "experience: note",
				      &p->experience.note);
			else
				ykeep_unknown(x, "experience", k, v,
				              "min_years, max_years, note");
		}
	} else {
		lerr(x, n, "experience: expected a number, a range or a "
		     "mapping, found a list");
		ok = false;
	}
	if (!ok) {
		ykeep_extra(x, "experience", n);
		return;
	}
	if (lo >= 0 && hi >= 0 && lo > hi) {
		double t = lo;
		lo = hi;
		hi = t;
	}
	p->experience.min_years = lo;
	p->experience.max_years = hi;
}

/* Reads languages: names, or mappings of name and level. */
static void
k_languages(struct lctx *x, const struct ynode *n)
{
	struct posting *p = x->p;
	if (n->kind == Y_NULL)
		return;
	size_t cnt = n->kind == Y_SEQ ? n->n : 1;
	p->languages = arena_alloc(&x->c->arena,
	                           cnt * sizeof(*p->languages) + 1);
	if (!p->languages)
		die_nomem();
	for (size_t i = 0; i < cnt; i++) {
		const struct ynode *it = n->kind == Y_SEQ ? n->kids[i] : n;
		struct language l = {0};
		if (it->kind == Y_SCALAR) {
			l.name = ykeep(x, it);
		} else if (it->kind == Y_MAP && !ymap_get(it, "name")) {
			lerr(x, it, "languages: item %zu has no name (expected "
			     "a name, or a mapping of name and level); kept "
			     "under Other", i + 1);
			ykeep_extra(x, "languages.item", it);
		} else if (it->kind == Y_MAP) {
			for (size_t j = 0; j < it->n; j++) {
				const struct ynode *k = it->kids[2 * j];
				const struct ynode *v = it->kids[2 * j + 1];
				if (k->kind == Y_SCALAR && !strcmp(k->s, "name"))
					ytext(x, v, "languages: name", &l.name);
				else if (k->kind == Y_SCALAR &&
				         !strcmp(k->s, "level"))
					ytext(x, v, "languages: level",
					      &l.level);
				else
					ykeep_unknown(x, "languages", k, v,
					              "name, level");
			}
		} else if (it->kind == Y_SEQ) {
			lerr(x, it, "languages: item %zu: expected a name or a "
			     "mapping, found a list", i + 1);
		}
		if (l.name)
			p->languages[p->nlanguages++] = l;
	}
}

/* Reads qualifications: a list, or required/preferred lists. */
static void
k_qualifications(struct lctx *x, const struct ynode *n)
{
	struct posting *p = x->p;
	if (n->kind != Y_MAP) {
		ylist(x, n, "qualifications", &p->qualifications);
		return;
	}
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		const char *key = k->kind == Y_SCALAR ? k->s : "";
		if (!strcmp(key, "required"))
			ylist(x, v, "qualifications: required",
			      &p->qualifications);
		else if (!strcmp(key, "preferred"))
			ylist(x, v, "qualifications: preferred", &p->preferred);
		else
			ykeep_unknown(x, "qualifications", k, v,
			              "required, preferred");
	}
}

/* Reads benefits: a list, or one text. */
static void
k_benefits(struct lctx *x, const struct ynode *n)
{
	ylist(x, n, "benefits", &x->p->benefits);
	x->p->benefits_prose = n->kind == Y_SCALAR;
}

/* Reads apply: a mapping, or a URL / address / note as text. */
static void
k_apply(struct lctx *x, const struct ynode *n)
{
	struct apply *a = &x->p->apply;
	if (n->kind == Y_SCALAR) {
		const char *s = ykeep(x, n);
		if (!s)
			return;
		if (!strncmp(s, "http://", 7) || !strncmp(s, "https://", 8))
			a->url = s;
		else if (strchr(s, '@') && !strchr(s, ' '))
			a->email = s;
		else
			a->note = s;
		return;
	}
	if (n->kind != Y_MAP) {
		if (n->kind != Y_NULL) {
			lerr(x, n, "apply: expected a mapping, found a list");
			ykeep_extra(x, "apply", n);
		}
		return;
	}
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *k = n->kids[2 * i], *v = n->kids[2 * i + 1];
		const char *key = k->kind == Y_SCALAR ? k->s : "";
		if (!strcmp(key, "url"))
			ytext(x, v, "apply: url", &a->url);
		else if (!strcmp(key, "email"))
			ytext(x, v, "apply: email", &a->email);
		else if (!strcmp(key, "phone") || !strcmp(key, "telephone"))
			ytext(x, v, "apply: phone", &a->phone);
		else if (!strcmp(key, "subject"))
			ytext(x, v, "apply: subject", &a->subject);
		else if (!strcmp(key, "note"))
			ytext(x, v, "apply: note", &a->note);
		else if (!strcmp(key, "documents"))
			ylist(x, v, "apply: documents", &a->documents);
		else if (!strcmp(key, "deadline"))
			ywhen(x, v, "apply: deadline", false, &a->deadline);
		else
			ykeep_unknown(x, "apply", k, v, "url, email, phone, "
			              "subject, documents, deadline, note");
	}
}

/* Reads one section's value: text, a list, or headed groups. */
static void
ysection(struct lctx *x, const struct ynode *v, const char *heading,
         int depth, struct section *s)
{
	*s = (struct section){.heading = heading};
	if (v->kind == Y_SCALAR) {
		s->text = ykeep(x, v);
	} else if (v->kind == Y_SEQ) {
		ylist(x, v, heading, &s->items);
	} else if (v->kind == Y_MAP && depth == 0) {
		s->sub = arena_alloc(&x->c->arena, v->n * sizeof(*s->sub) + 1);
		if (!s->sub)
			die_nomem();
		for (size_t i = 0; i < v->n; i++) {
			const struct ynode *k = v->kids[2 * i];
			const char *h = ykeep(x, k);
			if (!h) {
				lerr(x, k, "sections: %s: a group needs a heading",
				     heading);
				continue;
			}
			ysection(x, v->kids[2 * i + 1], h, 1, &s->sub[s->nsub++]);
		}
	} else if (v->kind == Y_MAP) {
		lerr(x, v, "sections: %s: groups cannot nest further; kept "
		     "under Other", heading);
		ykeep_extra(x, heading, v);
	}
}

/* Reads sections: a mapping of heading to text, list or groups. */
static void
k_sections(struct lctx *x, const struct ynode *n)
{
	struct posting *p = x->p;
	if (n->kind == Y_NULL)
		return;
	if (n->kind != Y_MAP) {
		lerr(x, n, "sections: expected a mapping of heading to text or "
		     "list, found %s", kind_name(n));
		ykeep_extra(x, "sections", n);
		return;
	}
	p->sections = arena_alloc(&x->c->arena, n->n * sizeof(*p->sections) + 1);
	if (!p->sections)
		die_nomem();
	for (size_t i = 0; i < n->n; i++) {
		const struct ynode *k = n->kids[2 * i];
		const char *h = ykeep(x, k);
		if (!h) {
			lerr(x, k, "sections: a section needs a heading");
			continue;
		}
		ysection(x, n->kids[2 * i + 1], h, 0,
		         &p->sections[p->nsections++]);
	}
}

/* Simple text keys, by offset into struct posting. */
#define TEXT_KEY(name, member) \
	static void k_##name(struct lctx *x, const struct ynode *n) \
	{ \
		ytext(x, n, #name, &x->p->member); \
	}
TEXT_KEY(title, title)
TEXT_KEY(department, department)
TEXT_KEY(reports_to, reports_to)
TEXT_KEY(supervises, supervises)
TEXT_KEY(travel, travel)
TEXT_KEY(summary, summary)
TEXT_KEY(source, source)
#undef TEXT_KEY

/* Reads the id. */
static void
k_id(struct lctx *x, const struct ynode *n)
{
	ytext(x, n, "id", &x->p->id);
}

/* Lists, by member. */
#define LIST_KEY(name, member) \
	static void k_##name(struct lctx *x, const struct ynode *n) \
	{ \
		ylist(x, n, #name, &x->p->member); \
	}
LIST_KEY(responsibilities, responsibilities)
LIST_KEY(conditions, conditions)
LIST_KEY(tags, tags)
#undef LIST_KEY

/* Dates. */
static void
k_posted(struct lctx *x, const struct ynode *n)
{
	ywhen(x, n, "posted", true, &x->p->posted);
}

static void
k_deadline(struct lctx *x, const struct ynode *n)
{
	ywhen(x, n, "deadline", false, &x->p->deadline);
}

static void
k_start(struct lctx *x, const struct ynode *n)
{
	ywhen(x, n, "start", false, &x->p->start);
}

static void
k_salary(struct lctx *x, const struct ynode *n)
{
	ysalary(x, n);
}

/* The canonical keys in byte order, for bsearch. */
static const struct key_handler {
	const char *key;
	void (*fn)(struct lctx *x, const struct ynode *n);
} key_handlers[] = {
	{"apply", k_apply},
	{"benefits", k_benefits},
	{"conditions", k_conditions},
	{"deadline", k_deadline},
	{"department", k_department},
	{"employment", k_employment},
	{"experience", k_experience},
	{"id", k_id},
	{"languages", k_languages},
	{"location", k_location},
	{"organization", k_organization},
	{"posted", k_posted},
	{"qualifications", k_qualifications},
	{"reports_to", k_reports_to},
	{"responsibilities", k_responsibilities},
	{"salary", k_salary},
	{"sections", k_sections},
	{"source", k_source},
	{"start", k_start},
	{"summary", k_summary},
	{"supervises", k_supervises},
	{"tags", k_tags},
	{"title", k_title},
	{"travel", k_travel},
	{"workplace", k_workplace},
};

/* Compares a key with a handler's key. */
static int
key_cmp(const void *key, const void *h)
{
	return strcmp(key, ((const struct key_handler *)h)->key);
}

bool
posting_field_key(const char *key)
{
	return bsearch(key, key_handlers,
	               sizeof(key_handlers) / sizeof(key_handlers[0]),
	               sizeof(key_handlers[0]), key_cmp) != NULL;
}

/* Maps a canonical posting mapping onto x->p. */
static void
canonical_map(struct lctx *x, const struct ynode *m)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (k->kind != Y_SCALAR) {
			if (k->kind != Y_NULL || !x->truncated)
				lerr(x, k, "a key must be text, found %s",
				     kind_name(k));
			continue;
		}
		const struct key_handler *h = bsearch(
			k->s, key_handlers,
			sizeof(key_handlers) / sizeof(key_handlers[0]),
			sizeof(key_handlers[0]), key_cmp);
		if (h)
			h->fn(x, v);
		else
			ykeep_extra(x, k->s, v);
	}
}

/* The reader ----------------------------------------------------------- */

/* Anchors of the current document. */
struct anchor {
	const char *name;
	struct ynode *node;
	size_t slot;           /* its name's slot in the reader's index */
};

/* One open collection while building. */
struct frame {
	struct ynode *node;     /* the collection */
	struct ynode **items;   /* children so far (malloc'd, reused) */
	size_t n, cap;
	const char *anchor;     /* its anchor, registered when it ends */
};

/* The state of reading one file. */
struct reader {
	struct lctx x;
	struct arena scratch;  /* nodes of the current posting or document */
	struct frame *stack;   /* open collections */
	size_t depth, stackcap;
	struct anchor *anchors;
	size_t nanchors, anchorcap;
	size_t *aindex;        /* by name hash: anchor number + 1, 0 empty */
	size_t aindexcap, aindexused; /* slots (a power of two), names */
	size_t budget;         /* nodes spent by the current posting */
	bool budget_reported;
	size_t aliased;        /* nodes reached through aliases, whole file */
	size_t aliased_bytes;  /* and the bytes of their scalars */
	bool aliased_reported;
	bool stream_items;     /* the root is a list: map items as they end */
	struct ynode *root;    /* the finished document root */
	struct posting **file_postings; /* postings of this file, in order */
	size_t nfile, filecap;
	size_t p0;             /* the problems before the current posting's
	                        * (those after are its own) */
	unsigned item;         /* documents (and items of a top-level list)
	                        * so far, broken ones too: a posting's
	                        * number within the unit */
	bool resync;           /* skip to the next document marker */
	unsigned resync_line;  /* 0-based line of the current run to skip from */
	unsigned resync_col;   /* 0-based column there: too deep (said by
	                        * parse_runs, which knows what follows) */
	unsigned line_base;    /* lines before the current parser's input */
	const char *stem;      /* default id stem, in the arena */
	/* Text kept where it was read: the values of a unit whose bytes
	 * are clean are copied into its own bytes that the parser is done
	 * with, not into fresh memory (which the kernel must zero first) */
	char *inbase, *inw;    /* the first byte and the next free one, or
	                        * NULL when the text goes to the arena */
	const char *floor;     /* from here on the bytes are as read: the
	                        * start of a line the parser has reached;
	                        * inw never passes it */
	unsigned floor_line;   /* its line, 0-based in the current run */
	const char *run;       /* the current parser's input */
	const yaml_parser_t *parser;
};

/* A node in scratch memory. */
static struct ynode *
node_new(struct reader *r, enum ykind kind, const yaml_mark_t *mark)
{
	struct ynode *n = arena_alloc(&r->scratch, sizeof(*n));
	if (!n)
		die_nomem();
	*n = (struct ynode){.kind = kind,
	                    .line = (unsigned)mark->line + 1 + r->line_base,
	                    .col = (unsigned)mark->column + 1, .weight = 1};
	return n;
}

/* Adds to a saturating node count. */
static size_t
sat_add(size_t a, size_t b, size_t max)
{
	return a > max || b > max - a ? max + 1 : a + b;
}

/* Builds a fresh posting for node m and maps it. */
static void
make_posting(struct reader *r, const struct ynode *m)
{
	struct lctx *x = &r->x;
	x->truncated = r->budget_reported;
	if (m->kind != Y_MAP) {
		if (m->kind == Y_NULL && !r->stream_items)
			return; /* an empty document */
		lerr(x, m, "expected a posting (a mapping of keys such as "
		     "title), found %s", kind_name(m));
		r->p0 = x->c->nproblems;
		return;
	}
	struct posting *p = arena_alloc(&x->c->arena, sizeof(*p));
	if (!p)
		die_nomem();
	*p = (struct posting){.file = x->file, .line = m->line, .col = m->col,
	                      .doc = r->item,
	                      .experience = {-1, -1, NULL}};
	x->p = p;
	bool ld = jsonld_is(m);
	if (ld) {
		p->jsonld = true;
		jsonld_map(x, m);
	} else {
		canonical_map(x, m);
	}
	if (!p->title) {
		lerr(x, m, "posting has no title; it is not loaded");
		x->p = NULL;
		r->p0 = x->c->nproblems;
		return;
	}
	if (!p->org.name && !p->org.short_name)
		lwarn(x, m, "posting '%s' gives no organization", p->title);
	/* errors met while its nodes were read (a duplicate key, a NUL,
	 * an alias over the limit) are its problems too */
	for (size_t i = r->p0; i < x->c->nproblems && !p->problems; i++)
		p->problems = x->c->problems[i].error;
	r->p0 = x->c->nproblems;
	if (r->nfile == r->filecap) {
		size_t cap = r->filecap ? r->filecap * 2 : 16;
		struct posting **v = realloc(r->file_postings, cap * sizeof(*v));
		if (!v)
			die_nomem();
		r->file_postings = v;
		r->filecap = cap;
	}
	r->file_postings[r->nfile++] = p;
	x->p = NULL;
}

/* Handles a finished node: attaches it to its parent or maps it. */
static void
node_done(struct reader *r, struct ynode *n)
{
	if (r->depth == 0) {
		r->root = n;
		return;
	}
	struct frame *f = &r->stack[r->depth - 1];
	if (r->depth == 1 && r->stream_items) {
		/* a page's node that is not a posting is none, and has
		 * no number */
		if (!jsonld_skip(&r->x, n)) {
			r->item++;
			make_posting(r, n);
		}
		r->budget = 0;
		r->budget_reported = false;
		if (r->nanchors == 0)
			arena_reset(&r->scratch);
		return;
	}
	if (f->n == f->cap) {
		size_t cap = f->cap ? f->cap * 2 : 16;
		struct ynode **v = realloc(f->items, cap * sizeof(*v));
		if (!v)
			die_nomem();
		f->items = v;
		f->cap = cap;
	}
	f->items[f->n++] = n;
}

/* Compares two key nodes by text, for duplicate detection. */
static int
keynode_cmp(const void *a, const void *b)
{
	const struct ynode *ka = *(struct ynode *const *)a;
	const struct ynode *kb = *(struct ynode *const *)b;
	int c = strcmp(ka->kind == Y_SCALAR ? ka->s : "",
	               kb->kind == Y_SCALAR ? kb->s : "");
	if (c)
		return c;
	return ka->line != kb->line ? (ka->line < kb->line ? -1 : 1)
	                            : (ka->col < kb->col ? -1 : ka->col > kb->col);
}

/* Drops the entries of a mapping whose key was made Y_NULL. */
static void
drop_nulled_keys(struct ynode *m)
{
	size_t k = 0;
	for (size_t i = 0; i < m->n; i++) {
		if (m->kids[2 * i]->kind == Y_NULL)
			continue;
		m->kids[2 * k] = m->kids[2 * i];
		m->kids[2 * k + 1] = m->kids[2 * i + 1];
		k++;
	}
	m->n = k;
}

/* Reports duplicate keys of a mapping and drops the later entries. */
static void
check_duplicates(struct reader *r, struct ynode *m)
{
	if (m->n < 2)
		return;
	if (m->n <= 24) {
		/* a posting's mappings are small: each key against those
		 * before it, without sorting */
		bool any = false;
		for (size_t i = 1; i < m->n; i++) {
			struct ynode *k = m->kids[2 * i];
			if (k->kind != Y_SCALAR)
				continue;
			for (size_t j = 0; j < i; j++) {
				const struct ynode *f = m->kids[2 * j];
				if (f->kind != Y_SCALAR || f->s[0] != k->s[0] ||
				    strcmp(f->s, k->s))
					continue;
				lerr(&r->x, k, "duplicate key '%s' (first at "
				     "line %u, column %u); this value is "
				     "ignored", k->s, f->line, f->col);
				k->kind = Y_NULL; /* to be removed */
				any = true;
				break;
			}
		}
		if (any)
			drop_nulled_keys(m);
		return;
	}
	struct ynode **keys = malloc(m->n * sizeof(*keys));
	if (!keys)
		die_nomem();
	size_t nk = 0;
	for (size_t i = 0; i < m->n; i++)
		if (m->kids[2 * i]->kind == Y_SCALAR)
			keys[nk++] = m->kids[2 * i];
	qsort(keys, nk, sizeof(*keys), keynode_cmp);
	bool any = false;
	size_t first = 0; /* the first of the run of equal keys at i */
	for (size_t i = 1; i < nk; i++) {
		if (strcmp(keys[i]->s, keys[i - 1]->s) != 0) {
			first = i;
			continue;
		}
		lerr(&r->x, keys[i], "duplicate key '%s' (first at line %u, "
		     "column %u); this value is ignored", keys[i]->s,
		     keys[first]->line, keys[first]->col);
		keys[i]->kind = Y_NULL; /* marks the entry for removal */
		any = true;
	}
	free(keys);
	if (any)
		drop_nulled_keys(m);
}

/* The keys a merge may give a mapping at most: each is looked for among
 * the others, so that a hostile merge cannot cost their square. */
#define MERGE_MAX_KEYS 1024

/* Applies a YAML 1.1 merge key ("<<: *base", or a list of such) of
 * mapping m: the pairs of the mappings merged that m does not give
 * itself are added (of a list, the earlier mapping's first), and the
 * "<<" pair goes. */
static void
merge_keys(struct reader *r, struct ynode *m)
{
	size_t at = m->n;
	for (size_t i = 0; i < m->n && at == m->n; i++) {
		const struct ynode *k = m->kids[2 * i];
		if (k->kind == Y_SCALAR && k->plain && !strcmp(k->s, "<<"))
			at = i;
	}
	if (at == m->n)
		return;
	struct ynode *v = m->kids[2 * at + 1];
	struct ynode *const *src = v->kind == Y_SEQ ? v->kids : &v;
	size_t nsrc = v->kind == Y_SEQ ? v->n : 1, add = 0;
	for (size_t i = 0; i < nsrc; i++) {
		if (src[i]->kind != Y_MAP) {
			lerr(&r->x, src[i], "<<: a merge takes a mapping or a "
			     "list of mappings, found %s; kept as a key",
			     kind_name(src[i]));
			return;
		}
		add += src[i]->n;
	}
	if (m->n + add > MERGE_MAX_KEYS) {
		lerr(&r->x, m->kids[2 * at], "<<: a merge of more than %d "
		     "keys; kept as a key", MERGE_MAX_KEYS);
		return;
	}
	struct ynode **kids = arena_alloc(&r->scratch,
	                                  (m->n + add) * 2 * sizeof(*kids));
	if (!kids)
		die_nomem();
	size_t k = 0;
	for (size_t i = 0; i < m->n; i++) {
		if (i == at)
			continue;
		kids[2 * k] = m->kids[2 * i];
		kids[2 * k + 1] = m->kids[2 * i + 1];
		k++;
	}
	for (size_t i = 0; i < nsrc; i++) {
		for (size_t j = 0; j < src[i]->n; j++) {
			struct ynode *key = src[i]->kids[2 * j];
			bool have = false;
			for (size_t h = 0; h < k && !have; h++)
				have = key->kind == Y_SCALAR &&
				       kids[2 * h]->kind == Y_SCALAR &&
				       !strcmp(kids[2 * h]->s, key->s);
			if (have)
				continue;
			kids[2 * k] = key;
			kids[2 * k + 1] = src[i]->kids[2 * j + 1];
			k++;
		}
	}
	m->kids = kids;
	m->n = k;
}

/* The index slot of an anchor name: where the name is, or the empty slot
 * where it goes. Anchors are looked up by hash, not by a scan, so that a
 * file of many anchors and many aliases does not cost their product. */
static size_t
anchor_slot(const struct reader *r, const char *name)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (const char *p = name; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211u;
	size_t mask = r->aindexcap - 1;
	for (size_t i = (size_t)h & mask;; i = (i + 1) & mask) {
		size_t k = r->aindex[i];
		if (!k || strcmp(r->anchors[k - 1].name, name) == 0)
			return i;
	}
}

/* Registers an anchor for node n; it hides earlier ones of its name. */
static void
anchor_add(struct reader *r, const char *name, struct ynode *n)
{
	if (r->nanchors == r->anchorcap) {
		size_t cap = r->anchorcap ? r->anchorcap * 2 : 8;
		struct anchor *v = realloc(r->anchors, cap * sizeof(*v));
		if (!v)
			die_nomem();
		r->anchors = v;
		r->anchorcap = cap;
	}
	if (2 * (r->aindexused + 1) > r->aindexcap) {
		/* at most half full: index the anchors again, twice as wide */
		size_t cap = r->aindexcap ? r->aindexcap * 2 : 16;
		free(r->aindex);
		r->aindex = calloc(cap, sizeof(*r->aindex));
		if (!r->aindex)
			die_nomem();
		r->aindexcap = cap;
		r->aindexused = 0;
		for (size_t i = 0; i < r->nanchors; i++) {
			size_t slot = anchor_slot(r, r->anchors[i].name);
			r->aindexused += !r->aindex[slot];
			r->aindex[slot] = i + 1;
			r->anchors[i].slot = slot;
		}
	}
	size_t slot = anchor_slot(r, name);
	r->aindexused += !r->aindex[slot];
	r->aindex[slot] = r->nanchors + 1;
	r->anchors[r->nanchors++] = (struct anchor){name, n, slot};
}

/* The node of the latest anchor of this name, or NULL. */
static struct ynode *
anchor_find(struct reader *r, const char *name)
{
	if (!r->nanchors)
		return NULL;
	size_t k = r->aindex[anchor_slot(r, name)];
	return k ? r->anchors[k - 1].node : NULL;
}

/* Forgets every anchor (a new document), in time of their number. */
static void
anchors_clear(struct reader *r)
{
	for (size_t i = 0; i < r->nanchors; i++)
		r->aindex[r->anchors[i].slot] = 0;
	r->nanchors = 0;
	r->aindexused = 0;
}

/* Copies an anchor's name into scratch memory. */
static const char *
scratch_str(struct reader *r, const unsigned char *s)
{
	if (!s)
		return NULL;
	char *t = arena_strdup(&r->scratch, (const char *)s);
	if (!t)
		die_nomem();
	return t;
}

/* True for the plain scalars YAML reads as null. */
static bool
is_null(const yaml_event_t *e)
{
	if (e->data.scalar.style != YAML_PLAIN_SCALAR_STYLE)
		return false;
	const char *s = (const char *)e->data.scalar.value;
	switch (e->data.scalar.length) {
	case 0:
		return true;
	case 1:
		return *s == '~';
	case 4:
		return !strcmp(s, "null") || !strcmp(s, "Null") ||
		       !strcmp(s, "NULL");
	default:
		return false;
	}
}

/* Spends budget for n nodes; reports once when the posting overspends. */
static bool
spend(struct reader *r, size_t n, const yaml_mark_t *mark)
{
	size_t max = r->x.lim->max_nodes;
	r->budget = sat_add(r->budget, n, max);
	if (r->budget <= max)
		return true;
	if (!r->budget_reported) {
		catalog_problem(r->x.c, r->x.file,
		                (unsigned)mark->line + 1 + r->line_base,
		                (unsigned)mark->column + 1, true,
		                "more than %zu nodes in one posting (aliases "
		                "expanded); the rest of it is dropped "
		                "(see --max-nodes)", max);
		r->budget_reported = true;
	}
	return false;
}

/* The bytes of text all the aliases of a file may expand to, in scalars
 * of the biggest size: what a display, a search or an export of the
 * postings would copy. */
#define ALIAS_BYTES_PER_SCALAR 16

static size_t
alias_bytes_max(const struct load_limits *lim)
{
	return lim->max_scalar > (SIZE_MAX - 1) / ALIAS_BYTES_PER_SCALAR
	       ? SIZE_MAX - 1 : lim->max_scalar * ALIAS_BYTES_PER_SCALAR;
}

/* Spends the file's alias budget: all the aliases of a file expand to at
 * most max_nodes nodes and alias_bytes_max bytes of text together, so
 * that a small file cannot make many postings that each copy a big
 * anchor, nor one posting that repeats a long text many times. Reports
 * once. */
static bool
spend_alias(struct reader *r, const struct ynode *t, const yaml_mark_t *mark)
{
	size_t max = r->x.lim->max_nodes, bmax = alias_bytes_max(r->x.lim);
	r->aliased = sat_add(r->aliased, t->weight, max);
	r->aliased_bytes = sat_add(r->aliased_bytes, t->bytes, bmax);
	if (r->aliased <= max && r->aliased_bytes <= bmax)
		return true;
	if (!r->aliased_reported) {
		catalog_problem(r->x.c, r->x.file,
		                (unsigned)mark->line + 1 + r->line_base,
		                (unsigned)mark->column + 1, true,
		                "the aliases of this file expand to more than "
		                "%zu nodes or %zu bytes of text in all; this one "
		                "and the rest read as nothing (see --max-nodes "
		                "and --max-scalar)", max, bmax);
		r->aliased_reported = true;
	}
	return false;
}

/* A malloc'd copy of v[0..*len) with each NUL as U+FFFD; *len becomes
 * its length. */
static char *
nul_replaced(const char *v, size_t *len)
{
	size_t n = *len, nuls = 0;
	for (size_t i = 0; i < n; i++)
		nuls += v[i] == '\0';
	char *out = malloc(n + 2 * nuls + 1);
	if (!out)
		die_nomem();
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		if (v[i]) {
			out[k++] = v[i];
		} else {
			memcpy(out + k, "\xEF\xBF\xBD", 3);
			k += 3;
		}
	}
	out[k] = '\0';
	*len = k;
	return out;
}

/* Moves the floor up to the start of the line the parser has reached,
 * when that is further on. */
static void
raise_floor(struct reader *r)
{
	const yaml_parser_t *p = r->parser;
	/* where the parser is in its input: the bytes it has decoded, less
	 * those it has not scanned yet (and the NUL it adds at the end) */
	size_t at = p->offset - (size_t)(p->buffer.last - p->buffer.pointer) +
	            (p->eof ? 1 : 0);
	const char *q = r->run + at;
	if (p->mark.line <= r->floor_line || q <= r->floor)
		return;
	while (q > r->floor && q[-1] != '\n')
		q--; /* back to the line's start: lines are short */
	if (q == r->floor)
		return;
	r->floor = q;
	r->floor_line = (unsigned)p->mark.line;
}

/* A copy of the len bytes of s and a NUL in the unit's bytes already
 * parsed, or NULL when they are not to be written or have no room. */
static char *
keep_in_place(struct reader *r, const char *s, size_t len)
{
	if (!r->inw)
		return NULL;
	if ((size_t)(r->floor - r->inw) <= len) {
		raise_floor(r);
		if ((size_t)(r->floor - r->inw) <= len)
			return NULL;
	}
	char *t = r->inw;
	memcpy(t, s, len);
	t[len] = '\0';
	r->inw += len + 1;
	return t;
}

/* Handles one parser event; returns false at the end of the stream. */
static bool
on_event(struct reader *r, yaml_event_t *e)
{
	struct lctx *x = &r->x;
	switch (e->type) {
	case YAML_STREAM_END_EVENT:
		return false;
	case YAML_DOCUMENT_START_EVENT:
		r->p0 = x->c->nproblems;
		r->root = NULL;
		r->stream_items = false;
		anchors_clear(r);
		r->budget = 0;
		r->budget_reported = false;
		arena_reset(&r->scratch);
		return true;
	case YAML_DOCUMENT_END_EVENT:
		if (r->root && !r->stream_items) {
			const struct ynode *graph = ymap_get(r->root, "@graph");
			if (graph && graph->kind == Y_SEQ) {
				jsonld_list_begin(x, graph);
				for (size_t i = 0; i < graph->n; i++) {
					if (jsonld_skip(x, graph->kids[i]))
						continue;
					r->item++;
					make_posting(r, graph->kids[i]);
				}
				jsonld_list_end(x);
			} else if (r->root->kind == Y_SCALAR) {
				r->item++;
				lerr(x, r->root, "a document must be a posting "
				     "(a mapping) or a list of postings, found "
				     "text");
			} else if (r->root->kind != Y_NULL) {
				r->item++; /* (an empty document is none) */
				make_posting(r, r->root);
			}
		}
		arena_reset(&r->scratch);
		anchors_clear(r);
		return true;
	case YAML_SCALAR_EVENT: {
		struct ynode *n;
		size_t len = e->data.scalar.length;
		bool over = !spend(r, 1, &e->start_mark);
		if (len > x->lim->max_scalar) {
			n = node_new(r, Y_NULL, &e->start_mark);
			catalog_problem(x->c, x->file, n->line, n->col, true,
			                "a scalar of %zu bytes exceeds the limit "
			                "of %zu (see --max-scalar); it is dropped",
			                len, x->lim->max_scalar);
		} else if (over || is_null(e)) {
			n = node_new(r, Y_NULL, &e->start_mark);
		} else {
			n = node_new(r, Y_SCALAR, &e->start_mark);
			/* keys live with the posting's nodes; values go where
			 * the catalog keeps text, so they are copied once */
			bool key = r->depth &&
			           !(r->depth == 1 && r->stream_items) &&
			           r->stack[r->depth - 1].node->kind == Y_MAP &&
			           r->stack[r->depth - 1].n % 2 == 0;
			/* (the root list's node is not read: it may be gone
			 * with the scratch memory of the items before) */
			n->kept = !key;
			const char *v = (const char *)e->data.scalar.value;
			/* an escaped NUL (\0, \u0000) would end the text
			 * there: said, and read as U+FFFD like a NUL byte
			 * (only a double-quoted scalar has escapes; NUL
			 * bytes are repaired before libyaml reads them) */
			char *fixed = NULL;
			if (e->data.scalar.style ==
			            YAML_DOUBLE_QUOTED_SCALAR_STYLE &&
			    memchr(v, '\0', len)) {
				lerr(x, n, "a NUL character (an escape such as "
				     "\\0) in a value; read as U+FFFD");
				fixed = nul_replaced(v, &len);
				v = fixed;
			}
			char *s = key ? NULL : keep_in_place(r, v, len);
			if (!s)
				s = arena_strndup(key ? &r->scratch
				                      : &x->c->arena, v, len);
			if (!s)
				die_nomem();
			free(fixed);
			n->s = s;
			n->len = n->bytes = len;
			n->plain = e->data.scalar.style ==
			           YAML_PLAIN_SCALAR_STYLE;
		}
		if (e->data.scalar.anchor)
			anchor_add(r, scratch_str(r, e->data.scalar.anchor), n);
		node_done(r, n);
		return true;
	}
	case YAML_ALIAS_EVENT: {
		const char *name = (const char *)e->data.alias.anchor;
		struct ynode *t = anchor_find(r, name);
		struct ynode *n;
		if (!t) {
			n = node_new(r, Y_NULL, &e->start_mark);
			catalog_problem(x->c, x->file, n->line, n->col, true,
			                "alias '*%s' refers to no anchor (or to "
			                "the collection that contains it)", name);
		} else if (!spend(r, t->weight, &e->start_mark) ||
		           !spend_alias(r, t, &e->start_mark)) {
			n = node_new(r, Y_NULL, &e->start_mark);
		} else {
			n = t;
		}
		node_done(r, n);
		return true;
	}
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		if (r->depth >= x->lim->max_depth) {
			r->resync_line = (unsigned)e->start_mark.line;
			r->resync_col = (unsigned)e->start_mark.column;
			r->resync = true;
			return false;
		}
		bool seq = e->type == YAML_SEQUENCE_START_EVENT;
		if (r->depth == 0 && seq) {
			r->stream_items = true;
			jsonld_list_begin(x, NULL);
		}
		spend(r, 1, &e->start_mark);
		if (r->depth == r->stackcap) {
			size_t cap = r->stackcap ? r->stackcap * 2 : 16;
			struct frame *v = realloc(r->stack, cap * sizeof(*v));
			if (!v)
				die_nomem();
			memset(v + r->stackcap, 0,
			       (cap - r->stackcap) * sizeof(*v));
			r->stack = v;
			r->stackcap = cap;
		}
		struct frame *f = &r->stack[r->depth++];
		f->node = node_new(r, seq ? Y_SEQ : Y_MAP, &e->start_mark);
		f->n = 0;
		f->anchor = scratch_str(r, seq ? e->data.sequence_start.anchor
		                               : e->data.mapping_start.anchor);
		return true;
	}
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT: {
		struct frame *f = &r->stack[--r->depth];
		if (r->depth == 0 && r->stream_items) {
			jsonld_list_end(x);
			return true; /* the root list: its items are mapped, and
			              * its node went with their scratch memory */
		}
		struct ynode *n = f->node;
		n->kids = arena_alloc(&r->scratch,
		                      (f->n ? f->n : 1) * sizeof(*n->kids));
		if (!n->kids)
			die_nomem();
		if (f->n)
			memcpy(n->kids, f->items, f->n * sizeof(*n->kids));
		n->n = n->kind == Y_MAP ? f->n / 2 : f->n;
		size_t w = 1, max = x->lim->max_nodes, b = 0;
		for (size_t i = 0; i < f->n; i++) {
			w = sat_add(w, f->items[i]->weight, max);
			b = sat_add(b, f->items[i]->bytes, SIZE_MAX - 1);
		}
		n->weight = w;
		n->bytes = b;
		if (n->kind == Y_MAP) {
			check_duplicates(r, n);
			merge_keys(r, n);
		}
		if (f->anchor)
			anchor_add(r, f->anchor, n);
		node_done(r, n);
		return true;
	}
	default:
		return true;
	}
}

/* Bytes and positions ---------------------------------------------------- */

/* Line and column (characters) of byte offset off in buf. */
static void
position(const char *buf, size_t off, unsigned *line, unsigned *col)
{
	unsigned l = 1, c = 1;
	for (size_t i = 0; i < off; i++) {
		if (buf[i] == '\n') {
			l++;
			c = 1;
		} else if (((unsigned char)buf[i] & 0xC0) != 0x80) {
			c++;
		}
	}
	*line = l;
	*col = c;
}

/* True for the code points YAML allows in a stream. */
static bool
yaml_printable(uint32_t cp)
{
	return cp == 0x09 || cp == 0x0A || cp == 0x0D ||
	       (cp >= 0x20 && cp <= 0x7E) || cp == 0x85 ||
	       (cp >= 0xA0 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
	       (cp >= 0x10000 && cp <= 0x10FFFF);
}

/* True if the character at buf[i] (n bytes, code point cp, as
 * text_decode read it) is one libyaml refuses. */
static bool
bad_char(const char *buf, size_t n, uint32_t cp)
{
	bool bad_utf8 = cp == 0xFFFD &&
	                !(n == 3 && !memcmp(buf, "\xEF\xBF\xBD", 3));
	return bad_utf8 || !yaml_printable(cp);
}

/* Looks at buf a character at a time from from (a character's start)
 * up to to at least: returns the offset where it stopped, or the offset
 * of the first byte libyaml refuses (invalid UTF-8, NUL and other control
 * characters) and, with breaks, of the first line break other than "\n"
 * and "\r\n" (a lone CR, NEL, LS or PS: libyaml counts lines otherwise
 * than billet there), with *odd set. */
static size_t
scan_chars(const char *buf, size_t len, size_t from, size_t to,
           bool breaks, bool *odd)
{
	const unsigned char *p = (const unsigned char *)buf;
	size_t i = from;
	while (i < to) {
		unsigned char c = p[i];
		if ((c >= 0x20 && c < 0x7F) || c == '\n' || c == '\t') {
			i++;
			continue;
		}
		if (c == '\r') {
			if (breaks && (i + 1 == len || p[i + 1] != '\n')) {
				*odd = true;
				return i;
			}
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = text_decode(buf + i, len - i, &cp);
		if (bad_char(buf + i, n, cp) ||
		    (breaks && (cp == 0x85 || cp == 0x2028 || cp == 0x2029))) {
			*odd = true;
			return i;
		}
		i += n;
	}
	return i;
}

/* The offset of the first byte libyaml refuses, or len. */
static size_t
first_bad_byte(const char *buf, size_t len)
{
	bool odd = false;
	size_t i = scan_chars(buf, len, 0, len, false, &odd);
	return odd ? i : len;
}

/* Counts the line breaks in buf. */
static unsigned
count_lines(const char *buf, size_t len)
{
	/* counted in blocks of at most 255 x 16 bytes into 16 byte-sized
	 * counters, a loop the compiler turns into vector instructions:
	 * several times faster than a memchr a line */
	unsigned n = 0;
	const unsigned char *p = (const unsigned char *)buf;
	while (len > 0) {
		size_t m = len < 255 * 16 ? len : 255 * 16, j = 0;
		unsigned char acc[16] = {0};
		for (; j + 16 <= m; j += 16)
			for (int k = 0; k < 16; k++)
				acc[k] += p[j + k] == '\n';
		for (int k = 0; k < 16; k++)
			n += acc[k];
		for (; j < m; j++)
			n += p[j] == '\n';
		p += m;
		len -= m;
	}
	return n;
}

/* Counts the line feeds of buf, and sets *plain when buf has no byte
 * libyaml refuses and no line break but "\n" and "\r\n" (scan_chars). */
static unsigned
scan_unit(const char *buf, size_t len, bool *plain)
{
	const unsigned char *p = (const unsigned char *)buf;
	unsigned n = 0;
	size_t i = 0, checked = 0; /* the bytes before checked are plain */
	bool odd = false;
#if defined(__GNUC__)
	/* 16 bytes at a time in vector registers: line feeds counted in
	 * 16 byte-sized counters, at most 255 blocks in a row; a block of
	 * anything but printable ASCII and line feeds is looked at again
	 * a character at a time */
	typedef unsigned char v16 __attribute__((vector_size(16)));
	typedef signed char s16 __attribute__((vector_size(16)));
	typedef unsigned long long v2 __attribute__((vector_size(16)));
	const v16 bias = (v16){0} + 0x60;
	const s16 top = (s16){0} - 0x22;
	while (i + 16 <= len) {
		size_t m = (len - i) / 16 < 255 ? (len - i) / 16 : 255;
		v16 acc = {0};
		for (size_t b = 0; b < m; b++, i += 16) {
			v16 v;
			memcpy(&v, p + i, 16);
			s16 nl = v == '\n'; /* -1 where a line feed is */
			acc -= (v16)nl;
			/* c + 0x60 > -0x22 as signed bytes: c below 0x20 or
			 * above 0x7E */
			v2 w = (v2)(((s16)(v + bias) > top) & ~nl);
			if ((w[0] | w[1]) && !odd && i + 16 > checked)
				checked = scan_chars(buf, len,
				                     i > checked ? i : checked,
				                     i + 16, true, &odd);
		}
		for (int k = 0; k < 16; k++)
			n += acc[k];
	}
#endif
	n += count_lines(buf + i, len - i);
	if (!odd && len > checked)
		scan_chars(buf, len, i > checked ? i : checked, len, true,
		           &odd);
	*plain = !odd;
	return n;
}

/* Checks the bytes libyaml will refuse: invalid UTF-8, NUL and other
 * control characters. Reports the first, and returns a repaired copy
 * (each bad byte or character as U+FFFD) in *fixed, or NULL when the
 * bytes are clean. */
static char *
check_bytes(struct lctx *x, const char *buf, size_t len, size_t *fixed_len,
            size_t off0)
{
	size_t i = first_bad_byte(buf, len);
	if (i == len)
		return NULL;
	/* found a bad byte at i: report it, then repair everything */
	unsigned line, col;
	position(buf, i, &line, &col);
	uint32_t cp;
	size_t n = text_decode(buf + i, len - i, &cp);
	if (cp == 0xFFFD && !(n == 3 && !memcmp(buf + i, "\xEF\xBF\xBD", 3)))
		catalog_problem(x->c, x->file, line, col, true,
		                "invalid UTF-8: byte 0x%02X at offset %zu; bad "
		                "bytes are read as U+FFFD",
		                (unsigned char)buf[i], off0 + i);
	else if (cp == 0)
		catalog_problem(x->c, x->file, line, col, true,
		                "NUL byte at offset %zu; read as U+FFFD",
		                off0 + i);
	else
		catalog_problem(x->c, x->file, line, col, true,
		                "control character U+%04X at offset %zu is not "
		                "allowed in YAML; read as U+FFFD", cp, off0 + i);
	struct buf out = {0};
	buf_add(&out, buf, i);
	while (i < len) {
		n = text_decode(buf + i, len - i, &cp);
		if (bad_char(buf + i, n, cp)) {
			buf_adds(&out, "\xEF\xBF\xBD");
		} else {
			buf_add(&out, buf + i, n);
		}
		i += n;
	}
	*fixed_len = out.len;
	return buf_steal(&out);
}

/* Converts UTF-16 (with its BOM) to UTF-8; returns a malloc'd copy. */
static char *
from_utf16(const unsigned char *b, size_t len, bool le, size_t *out_len)
{
	struct buf out = {0};
	buf_adds(&out, "");
	for (size_t i = 2; i + 1 < len; i += 2) {
		uint32_t u = le ? (uint32_t)(b[i] | b[i + 1] << 8)
		                : (uint32_t)(b[i] << 8 | b[i + 1]);
		if (u >= 0xD800 && u <= 0xDBFF && i + 3 < len) {
			uint32_t lo = le ? (uint32_t)(b[i + 2] | b[i + 3] << 8)
			                 : (uint32_t)(b[i + 2] << 8 | b[i + 3]);
			if (lo >= 0xDC00 && lo <= 0xDFFF) {
				u = 0x10000 + ((u - 0xD800) << 10) + (lo - 0xDC00);
				i += 2;
			} else {
				u = 0xFFFD;
			}
		} else if (u >= 0xD800 && u <= 0xDFFF) {
			u = 0xFFFD;
		}
		char enc[4];
		buf_add(&out, enc, text_encode(u, enc));
	}
	*out_len = out.len;
	return buf_steal(&out);
}

/* The file's stem: its base name without the extension. */
static const char *
file_stem(struct lctx *x, const char *name)
{
	const char *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	const char *dot = strrchr(base, '.');
	size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	if (len == 0)
		return "posting";
	return lkeep(x, base, len);
}

/* Frees what the reader owns. */
static void
reader_free(struct reader *r)
{
	for (size_t i = 0; i < r->stackcap; i++)
		free(r->stack[i].items);
	free(r->stack);
	free(r->anchors);
	free(r->aindex);
	free(r->file_postings);
	arena_free(&r->scratch);
}

/* True if some line of buf starts with '%' (a directive). */
static bool
has_directive(const char *buf, size_t len, bool line_start)
{
	/* '%' is rare: look for it, not for every line's start */
	for (const char *p = buf, *e = buf + len;
	     (p = memchr(p, '%', (size_t)(e - p))); p++)
		if (p == buf ? line_start : p[-1] == '\n')
			return true;
	return false;
}

/* Units of work ---------------------------------------------------------- */

/* Files up to this size are read into the heap, bigger ones into memory
 * mapped for them. */
#define SMALL_FILE ((size_t)1 << 20)
/* Units planned ahead of the workers, at most, and their bytes: bounds
 * the memory while a big directory or file is read. */
#define MAX_PENDING 256
#define MAX_PENDING_BYTES ((size_t)32 << 20)


/* A file's bytes in memory, released when its last unit is parsed and
 * no arena holds text kept in them. */
struct filemap {
	void *addr;        /* anonymous memory (maplen bytes) they are read
	                    * into, or NULL */
	char *mem;         /* or the heap (malloc'd) */
	size_t len;        /* bytes of the file */
	size_t maplen;     /* bytes mapped at addr */
	bool keep_text;    /* the postings' text may be kept in the bytes */
	atomic_size_t left; /* units of the file not yet parsed, one while
	                     * the file is still being read, and one for
	                     * each unit whose text it holds (arena_hold) */
};

/* One piece of work: a whole file, or a run of its documents. Its arena
 * and problems are its own until it is merged into the catalog. */
struct unit {
	struct catalog part;      /* arena and problems of this unit */
	struct posting **v;       /* postings made, in order (malloc'd) */
	size_t n;
	const char *file;         /* the file's name (first unit's arena) */
	const char *buf;          /* the bytes of this unit */
	size_t len;
	size_t off0;              /* where buf starts in the file */
	unsigned lines;           /* line breaks in buf */
	unsigned docs;            /* documents in it, broken ones too */
	bool first, last;         /* the file's first and last unit */
	size_t file_size;         /* bytes of the whole file (first unit) */
	struct filemap *map;      /* the mapping, shared by the file's units */
	char *read_error;         /* the last unit: why the rest of the file
	                           * was not read (malloc'd), or NULL */
	unsigned end_col;         /* then the column where its bytes end */
	bool done;                /* parsed (guarded by the loader's lock) */
};

/* Releases a file's bytes once its last unit is done with them. */
static void
filemap_release(struct filemap *m)
{
	if (!m || atomic_fetch_sub(&m->left, 1) != 1)
		return;
	if (m->addr)
		munmap(m->addr, m->maplen);
	free(m->mem);
	free(m);
}

/* filemap_release for an arena's hold. */
static void
filemap_let_go(void *m)
{
	filemap_release(m);
}

/* Frees a unit and what it still owns. */
static void
unit_free(struct unit *u)
{
	catalog_free(&u->part);
	free(u->v);
	free(u->read_error);
	free(u);
}

/* The byte offset where 0-based line l of buf starts (len if none). */
static size_t
line_offset(const char *buf, size_t len, unsigned l)
{
	size_t off = 0;
	while (l > 0 && off < len) {
		const char *nl = memchr(buf + off, '\n', len - off);
		if (!nl)
			return len;
		off = (size_t)(nl - buf) + 1;
		l--;
	}
	return off;
}

/* True if a document marker "---" starts at buf[i] (a line start). */
static bool
doc_marker_at(const char *buf, size_t len, size_t i)
{
	return i + 3 <= len && !memcmp(buf + i, "---", 3) &&
	       (i + 3 == len || buf[i + 3] == ' ' || buf[i + 3] == '\n' ||
	        buf[i + 3] == '\r' || buf[i + 3] == '\t');
}

/* The offset of the next line at or after from that starts with a
 * document marker, or len. */
static size_t
next_doc_marker(const char *buf, size_t len, size_t from)
{
	size_t i = from;
	if (i > 0 && buf[i - 1] != '\n') {
		const char *nl = memchr(buf + i, '\n', len - i);
		if (!nl)
			return len;
		i = (size_t)(nl - buf) + 1;
	}
	while (i < len) {
		if (doc_marker_at(buf, len, i))
			return i;
		const char *nl = memchr(buf + i, '\n', len - i);
		if (!nl)
			return len;
		i = (size_t)(nl - buf) + 1;
	}
	return len;
}

/* Forgets the document being built, to read on from a later marker. */
static void
reader_restart(struct reader *r)
{
	r->depth = 0;
	r->root = NULL;
	r->stream_items = false;
	anchors_clear(r);
	r->budget = 0;
	r->budget_reported = false;
	r->resync = false;
	arena_reset(&r->scratch);
}

/* What follows an error that skips to the document marker at next (len
 * when there is none in this unit). */
static const char *
resume_note(const struct unit *u, size_t next, size_t len)
{
	/* a unit that is not the file's last ends at a marker */
	return next < len || !u->last
	       ? "reading resumes at the next '---' document"
	       : "the rest of the file is not read";
}

/* After an error at 0-based line fail of the run that started at pos:
 * the offset of the next document marker from that line on (past pos),
 * and in *lines the lines before it. The bytes are looked at from the
 * floor on, those before it may hold kept text. */
static size_t
skip_to_marker(const struct reader *r, const char *buf, size_t len,
               size_t pos, unsigned fail, unsigned *lines)
{
	size_t fl = (size_t)(r->floor - buf);
	unsigned fline = r->floor_line;
	size_t off = fl + line_offset(buf + fl, len - fl,
	                              fail > fline ? fail - fline : 0);
	size_t next = next_doc_marker(buf, len, off);
	if (next <= pos)
		next = next_doc_marker(buf, len, pos + 1);
	*lines = r->line_base + fline + count_lines(buf + fl, next - fl);
	return next;
}

/* Runs started again after an error, at most, in one unit: each restart
 * costs libyaml a fresh buffer, so a file of nothing but broken documents
 * must not make thousands of them. */
#define MAX_RESTARTS 100

/* Reads buf run by run: every document, resuming at the next document
 * marker after a syntax error or a nesting too deep (at most MAX_RESTARTS
 * times). Returns false, having reported nothing of it, at bytes libyaml
 * will not read when retry is set, so that the caller can repair them and
 * read again. */
static bool
parse_runs(struct reader *r, struct unit *u, const char *buf, size_t len,
           const atomic_bool *cancel, bool retry)
{
	size_t pos = 0;
	unsigned lines = 0, restarts = 0; /* lines before pos */
	while (pos < len && !atomic_load_explicit(cancel, memory_order_relaxed)) {
		if (restarts++ > MAX_RESTARTS) {
			if (u->last)
				catalog_problem(&u->part, u->file, lines + 1, 1,
				                true, "more than %d broken "
				                "documents; the rest of the file "
				                "is not read", MAX_RESTARTS);
			else
				catalog_problem(&u->part, u->file, lines + 1, 1,
				                true, "more than %d broken "
				                "documents; reading resumes at byte "
				                "%zu", MAX_RESTARTS, u->off0 + u->len);
			break;
		}
		yaml_parser_t parser;
		if (!yaml_parser_initialize(&parser))
			die_nomem();
		yaml_parser_set_input_string(&parser,
		                             (const unsigned char *)buf + pos,
		                             len - pos);
		yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
		reader_restart(r);
		r->line_base = lines;
		r->run = r->floor = buf + pos;
		r->floor_line = 0;
		r->parser = &parser;
		bool failed = false;
		for (unsigned k = 0;; k++) {
			yaml_event_t e;
			if ((k & 1023) == 1023 &&
			    atomic_load_explicit(cancel, memory_order_relaxed))
				break;
			if (!yaml_parser_parse(&parser, &e)) {
				if (parser.error == YAML_MEMORY_ERROR)
					die_nomem();
				/* (bytes read once are gone when text was
				 * kept in them: then it is said as it is) */
				if (parser.error == YAML_READER_ERROR && retry &&
				    r->inw == r->inbase) {
					yaml_parser_delete(&parser);
					return false;
				}
				const yaml_mark_t *m =
					parser.problem_mark.line ||
					parser.problem_mark.column
					? &parser.problem_mark
					: &parser.context_mark;
				/* a quote or a bracket left open is found at
				 * the end of the input: said where it opens */
				bool at_start = parser.context &&
					parser.problem_mark.index >= len - pos &&
					parser.context_mark.index <
					parser.problem_mark.index;
				if (at_start)
					m = &parser.context_mark;
				size_t next = skip_to_marker(r, buf, len, pos,
				                             (unsigned)m->line,
				                             &lines);
				catalog_problem(&u->part, u->file,
				                (unsigned)m->line + 1 + r->line_base,
				                (unsigned)m->column + 1, true,
				                "YAML syntax: %s%s%s%s; %s",
				                parser.problem ? parser.problem
				                               : "error",
				                parser.context ? " " : "",
				                parser.context ? parser.context : "",
				                at_start ? " that starts here" : "",
				                resume_note(u, next, len));
				failed = true;
				pos = next;
				r->item++; /* the broken document has its number */
				break;
			}
			bool more = on_event(r, &e);
			yaml_event_delete(&e);
			if (r->resync) {
				unsigned base = r->line_base;
				size_t next = skip_to_marker(r, buf, len, pos,
				                             r->resync_line,
				                             &lines);
				catalog_problem(&u->part, u->file,
				                r->resync_line + 1 + base,
				                r->resync_col + 1, true,
				                "nesting deeper than %zu levels (see "
				                "--max-depth); %s",
				                r->x.lim->max_depth,
				                resume_note(u, next, len));
				failed = true;
				pos = next;
				r->item++;
				break;
			}
			if (!more)
				break;
		}
		yaml_parser_delete(&parser);
		r->parser = NULL;
		if (!failed)
			break;
	}
	return true;
}

/* Parses a unit's bytes: every document, resuming at the next document
 * marker after a syntax error or a nesting too deep. */
static void
parse_unit(struct unit *u, struct arena *keep, const struct load_limits *lim,
           const atomic_bool *cancel)
{
	/* what the unit keeps goes into the worker's arena, which fills
	 * big blocks (huge pages) from unit to unit; the unit's own arena,
	 * holding its file's name, is put back afterwards */
	struct arena own = u->part.arena;
	u->part.arena = *keep;
	struct reader r = {0};
	r.x = (struct lctx){.c = &u->part, .file = u->file, .lim = lim};
	const char *buf = u->buf;
	size_t len = u->len;
	char *fixed = NULL, *fixed2 = NULL;
	size_t flen = 0;
	bool plain;
	u->lines = scan_unit(buf, len, &plain);
	if (u->read_error) {
		/* where the bytes read end: a unit starts at a line's start */
		size_t i = len;
		while (i > 0 && buf[i - 1] != '\n')
			i--;
		u->end_col = 1;
		for (; i < len; i++)
			u->end_col += ((unsigned char)buf[i] & 0xC0) != 0x80;
	}
	if (u->first && len >= 2 &&
	    (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
	     ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF))) {
		bool le = (unsigned char)buf[0] == 0xFF;
		catalog_problem(&u->part, u->file, 1, 1, false, "file is UTF-16%s; "
		                "read as such (billet prefers UTF-8)",
		                le ? "LE" : "BE");
		fixed = from_utf16((const unsigned char *)buf, len, le, &flen);
		buf = fixed;
		len = flen;
	}
	if (u->first && len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		buf += 3; /* a UTF-8 byte order mark */
		len -= 3;
	}
	/* JSON's surrogate pair escapes, which libyaml refuses: read from a
	 * rewritten copy, as repaired bytes are (not kept in place) */
	char *unsur = jsonld_unsurrogate(&r.x, buf, len, &flen);
	if (unsur) {
		free(fixed);
		fixed = unsur;
		buf = unsur;
		len = flen;
	}
	/* A big file's bytes are billet's own memory, read once: the text
	 * kept goes back into them, behind the parser, rather than into
	 * fresh memory. Not when libyaml might stop at a bad byte (the
	 * bytes are read again, repaired) or count lines otherwise than
	 * billet does (a lone CR, NEL, LS, PS). */
	if (u->map && u->map->keep_text && !fixed && plain)
		r.inbase = r.inw = (char *)buf;
	size_t np0 = u->part.nproblems, ne0 = u->part.nerrors;
	if (!parse_runs(&r, u, buf, len, cancel, true)) {
		/* bad bytes: report the first, read them as U+FFFD, again */
		r.inbase = r.inw = NULL;
		u->part.nproblems = np0;
		u->part.nerrors = ne0;
		r.nfile = 0;
		r.item = 0;
		r.aliased = 0; /* the file is read again from the start */
		r.aliased_bytes = 0;
		r.aliased_reported = false;
		fixed2 = check_bytes(&r.x, buf, len, &flen, u->off0);
		if (fixed2) {
			buf = fixed2;
			len = flen;
		}
		parse_runs(&r, u, buf, len, cancel, false);
	}
	u->v = r.file_postings;
	u->n = r.nfile;
	u->docs = r.item;
	r.file_postings = NULL;
	reader_free(&r);
	free(fixed);
	free(fixed2);
	if (u->map && r.inw && r.inw > r.inbase) {
		/* the text kept in the bytes: the arena holds them (all of
		 * them: a huge page given back in part would be split) */
		atomic_fetch_add(&u->map->left, 1);
		if (!arena_hold(&u->part.arena, filemap_let_go, u->map,
		                u->len))
			die_nomem();
	} else if (u->map && u->map->addr) {
		/* the bytes parsed need not stay resident */
		long pg = sysconf(_SC_PAGESIZE);
		uintptr_t a = ((uintptr_t)u->buf + (uintptr_t)pg - 1) &
		              ~((uintptr_t)pg - 1);
		uintptr_t e = ((uintptr_t)u->buf + u->len) & ~((uintptr_t)pg - 1);
		if (e > a)
			madvise((void *)a, e - a, MADV_DONTNEED);
	}
	filemap_release(u->map);
	u->map = NULL;
	*keep = u->part.arena;
	u->part.arena = own;
}

/* A file being merged into the catalog a run of units at a time. */
struct fmerge {
	const char *file;
	const char *stem;    /* default id stem, made at the first unit */
	unsigned line_off;   /* lines of the units merged so far */
	unsigned item_off;   /* documents they held */
	size_t problems;     /* they had */
	size_t kept;         /* postings kept (--max-postings) */
};

/* Starts merging the file whose first unit is u. */
static void
merge_begin(struct catalog *c, struct fmerge *m, const struct unit *u)
{
	*m = (struct fmerge){.file = u->file};
	c->nfiles++;
}

/* Merges the next unit of m's file into c: line numbers made
 * file-relative, document numbers counted across units, default ids given
 * (the bare stem when the file holds one document, which several
 * says it is not), the per-file limit on postings applied. */
static void
merge_unit(struct catalog *c, struct fmerge *m, struct unit *u, bool several,
           const struct load_limits *lim)
{
	arena_take(&c->arena, &u->part.arena);
	if (!m->stem) {
		struct lctx x = {.c = c, .file = m->file, .lim = lim};
		m->stem = file_stem(&x, m->file);
	}
	m->problems += u->part.nproblems;
	for (size_t j = 0; j < u->part.nproblems; j++) {
		struct problem pr = u->part.problems[j];
		if (pr.line)
			pr.line += m->line_off;
		catalog_push_problem(c, &pr);
	}
	for (size_t j = 0; j < u->n; j++) {
		struct posting *p = u->v[j];
		p->line += m->line_off;
		p->doc += m->item_off;
		if (m->kept == lim->max_postings)
			catalog_problem(c, m->file, p->line, p->col, true,
			                "more than %zu postings in one file; the "
			                "rest are not read (see --max-postings)",
			                lim->max_postings);
		if (m->kept++ >= lim->max_postings)
			continue;
		if (!p->id && !several) {
			p->id = m->stem;
		} else if (!p->id) {
			char num[16];
			size_t nl = 0;
			for (unsigned d = p->doc; d; d /= 10)
				num[nl++] = (char)('0' + d % 10);
			size_t sl = strlen(m->stem);
			char *id = arena_alloc(&c->arena, sl + nl + 2);
			if (!id)
				die_nomem();
			memcpy(id, m->stem, sl);
			id[sl] = '#';
			for (size_t d = 0; d < nl; d++)
				id[sl + 1 + d] = num[nl - 1 - d];
			id[sl + 1 + nl] = '\0';
			p->id = id;
		}
		catalog_add(c, p);
	}
	m->line_off += u->lines;
	m->item_off += u->docs;
	if (!u->last)
		return;
	if (u->read_error)
		catalog_problem(c, m->file, m->line_off + 1, u->end_col, true,
		                "%s", u->read_error);
	if (m->item_off == 0 && u->file_size == 0)
		catalog_problem(c, m->file, 0, 0, false, "empty file: no postings");
	else if (m->item_off == 0 && !m->problems)
		/* white space, comments, empty documents, and no word of
		 * why yet */
		catalog_problem(c, m->file, 0, 0, false, "no postings in this file");
}

/* load_buffer and load_bytes: map, when given, holds buf. */
static size_t
load_memory(struct catalog *c, const char *name, const char *buf, size_t len,
            const struct load_limits *lim, struct filemap *map)
{
	if (!lim)
		lim = &load_default_limits;
	struct unit *u = calloc(1, sizeof(*u));
	if (!u)
		die_nomem();
	catalog_init(&u->part);
	u->file = arena_strdup(&u->part.arena, name);
	if (!u->file)
		die_nomem();
	size_t before = c->n;
	if (len > lim->max_file) {
		arena_take(&c->arena, &u->part.arena);
		c->nfiles++;
		catalog_problem(c, u->file, 0, 0, true, "file of %zu bytes "
		                "exceeds the limit of %zu (see --max-file); not "
		                "read", len, lim->max_file);
		unit_free(u);
		filemap_release(map);
		return 0;
	}
	u->buf = buf;
	u->len = len;
	u->first = u->last = true;
	u->file_size = len;
	u->map = map;
	atomic_bool never = false;
	parse_unit(u, &c->arena, lim, &never);
	struct fmerge m;
	merge_begin(c, &m, u);
	merge_unit(c, &m, u, u->docs != 1, lim);
	unit_free(u);
	return c->n - before;
}

size_t
load_buffer(struct catalog *c, const char *name, const char *buf, size_t len,
            const struct load_limits *lim)
{
	return load_memory(c, name, buf, len, lim, NULL);
}

size_t
load_bytes(struct catalog *c, const char *name, char *buf, size_t len,
           const struct load_limits *lim)
{
	struct filemap *map = calloc(1, sizeof(*map));
	if (!map)
		die_nomem();
	map->mem = buf;
	map->len = len;
	map->keep_text = true;
	atomic_init(&map->left, 1); /* the unit's */
	return load_memory(c, name, buf ? buf : "", len, lim, map);
}

/* The loader: a planner and workers -------------------------------------- */

/* Loading in the background. Units are planned in file order, parsed by
 * the workers in any order, merged in plan order by loader_poll. */
struct loader {
	pthread_mutex_t lock;
	pthread_cond_t work;       /* a unit was planned, or planning ended */
	pthread_cond_t room;       /* a worker took a unit */
	struct unit **units;       /* planned so far */
	size_t nunits, cap;
	size_t next_parse;         /* the next unit a worker takes */
	size_t pending_bytes;      /* bytes of the units planned, not taken */
	size_t next_merge;         /* the next unit to merge */
	bool planned;              /* the planner is done */
	atomic_bool cancel;
	char **paths;
	size_t npaths;
	struct load_limits lim;
	pthread_t planner;
	pthread_t *workers;
	struct arena *arenas;      /* one a worker: what the units keep */
	struct arena_pool *pool;   /* their big blocks, made ready by the
	                            * planner while it waits */
	size_t pool_max;           /* how many: one a worker when a core is
	                            * left for it, else none */
	int nworkers, started;
	struct catalog *into;      /* the catalog units are merged into */
	struct fmerge fm;          /* the file being merged */
	size_t postings;           /* merged so far */
	size_t files_done, files_planned;
	size_t bytes_done;         /* of the units merged */
	size_t bytes_found;        /* of the files found so far */
};

/* Adds a planned unit and wakes a worker. */
static void
plan_unit(struct loader *l, struct unit *u)
{
	/* ahead of the workers: their arenas' next blocks made ready */
	arena_pool_fill(l->pool, l->pool_max);
	pthread_mutex_lock(&l->lock);
	while (l->nunits > l->next_parse &&
	       (l->nunits - l->next_parse > MAX_PENDING ||
	        l->pending_bytes > MAX_PENDING_BYTES) &&
	       !atomic_load_explicit(&l->cancel, memory_order_relaxed)) {
		pthread_cond_wait(&l->room, &l->lock);
		pthread_mutex_unlock(&l->lock);
		arena_pool_fill(l->pool, l->pool_max);
		pthread_mutex_lock(&l->lock);
	}
	if (u->len != (size_t)-1)
		l->pending_bytes += u->len;
	if (l->nunits == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 256;
		struct unit **v = realloc(l->units, cap * sizeof(*v));
		if (!v)
			die_nomem();
		l->units = v;
		l->cap = cap;
	}
	l->units[l->nunits++] = u;
	if (u->last)
		l->files_planned++;
	pthread_cond_signal(&l->work);
	pthread_mutex_unlock(&l->lock);
}

/* Records a problem of the planning (a path as a whole) as a unit of its
 * own, so it is reported in order. */
static void
plan_problem(struct loader *l, const char *path, bool error, const char *msg)
{
	struct unit *u = calloc(1, sizeof(*u));
	if (!u)
		die_nomem();
	catalog_init(&u->part);
	u->file = arena_strdup(&u->part.arena, path);
	if (!u->file)
		die_nomem();
	catalog_problem(&u->part, u->file, 0, 0, error, "%s", msg);
	u->first = u->last = true;
	u->done = true;
	u->file_size = 1;
	u->len = (size_t)-1; /* marks a problem-only unit */
	plan_unit(l, u);
}

/* Plans the units of one regular file: split at document markers into
 * runs of about chunk bytes when it is big. */
static void
plan_file(struct loader *l, const char *path, const struct stat *st)
{
	char msg[300];
	if ((size_t)st->st_size > l->lim.max_file) {
		snprintf(msg, sizeof(msg), "file of %lld bytes exceeds the "
		         "limit of %zu (see --max-file); not read",
		         (long long)st->st_size, l->lim.max_file);
		plan_problem(l, path, true, msg);
		return;
	}
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		snprintf(msg, sizeof(msg), "cannot open: %s", strerror(errno));
		plan_problem(l, path, true, msg);
		return;
	}
	pthread_mutex_lock(&l->lock);
	l->bytes_found += (size_t)st->st_size;
	pthread_mutex_unlock(&l->lock);
	/* The file is read, not mapped: a mapped file cut short by another
	 * program while it is parsed would kill billet (SIGBUS). A big one
	 * is read a piece at a time into memory of its own, and cut into
	 * runs of documents as it comes, so the workers start at once; they
	 * keep the postings' text in its bytes (parse_unit). */
	struct filemap *map = calloc(1, sizeof(*map));
	if (!map)
		die_nomem();
	map->len = (size_t)st->st_size;
	atomic_init(&map->left, 1); /* this function's own hold */
	char *buf = NULL;
	if (map->len > 0 && map->len <= SMALL_FILE) {
		/* small files in the heap: a mapping each would run into the
		 * kernel's limit on mappings with many files planned */
		buf = map->mem = malloc(map->len);
		if (!buf)
			die_nomem();
	} else if (map->len > 0) {
		buf = map->addr = arena_map_huge(map->len, &map->maplen);
		if (!buf)
			die_nomem();
		map->keep_text = true;
	}
	size_t len = map->len, got = 0, start = 0, scanned = 0, look = 0;
	size_t chunk = (size_t)1 << 20; /* a run: about this many bytes */
	size_t ahead = (size_t)4 << 20; /* read this much at a time */
	bool split = len > 2 * chunk, failed = false;
	const char *name = NULL;
	bool more = true; /* read on before cutting */
	for (;;) {
		bool end = got == len || failed;
		if (!end && more) {
			size_t want = len - got < ahead ? len - got : ahead;
			ssize_t k = read(fd, buf + got, want);
			if (k < 0 && errno == EINTR)
				continue;
			if (k <= 0) {
				snprintf(msg, sizeof(msg), "cannot read all of "
				         "it: %s; read as far as it goes",
				         k < 0 ? strerror(errno)
				               : "it shrank while it was read");
				failed = true;
				continue;
			}
			got += (size_t)k;
			/* never split a UTF-16 file or one with directives */
			if (split && scanned == 0 && got >= 2 &&
			    ((unsigned char)buf[0] == 0xFF ||
			     (unsigned char)buf[0] == 0xFE))
				split = false;
			if (split && has_directive(buf + scanned, got - scanned,
			                           scanned == 0 ||
			                           buf[scanned - 1] == '\n'))
				split = false;
			scanned = got;
		}
		more = true;
		/* the runs that are complete: a document marker whose line is
		 * read whole ends one */
		size_t cut = end ? got : start;
		if (look < start + chunk)
			look = start + chunk;
		if (!end && split && got > look) {
			size_t m = next_doc_marker(buf, got, look);
			if (m + 4 <= got)
				cut = m;
			else /* the lines up to the last few bytes have none */
				look = got - 4;
		}
		if (cut == start && !end)
			continue;
		struct unit *u = calloc(1, sizeof(*u));
		if (!u)
			die_nomem();
		catalog_init(&u->part);
		/* the unit's own arena holds only the file's name (what it
		 * parses goes into its worker's arena): a small block */
		u->part.arena.first = strlen(path) + 256;
		if (!name) {
			name = arena_strdup(&u->part.arena, path);
			if (!name)
				die_nomem();
		}
		u->file = name;
		u->buf = buf ? buf + start : "";
		u->len = cut - start;
		u->off0 = start;
		u->first = start == 0;
		u->last = end;
		u->file_size = end ? got : len;
		u->map = map;
		if (end && failed) {
			u->read_error = strdup(msg);
			if (!u->read_error)
				die_nomem();
		}
		atomic_fetch_add(&map->left, 1);
		plan_unit(l, u);
		start = cut;
		if (end)
			break;
		more = false; /* perhaps another run is complete already */
	}
	close(fd); /* a failed read is said by the last unit, at its end */
	filemap_release(map);
}

/* Paths found under a directory. */
struct pathlist {
	char **v;
	size_t n, cap;
};

/* A directory on the current path, to notice loops. */
struct dirstack {
	dev_t dev;
	ino_t ino;
	const struct dirstack *up;
};

/* Compares two paths in byte order. */
static int
path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* True for the extensions read inside directories. */
static bool
posting_ext(const char *name)
{
	const char *dot = strrchr(name, '.');
	return dot && (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml") ||
	               !strcmp(dot, ".json"));
}

/* Collects the posting files below directory path (dot-files skipped,
 * loops not followed) into out. */
static void
collect(struct loader *l, const char *path, const struct stat *st,
        const struct dirstack *up, struct pathlist *out)
{
	char msg[300];
	for (const struct dirstack *d = up; d; d = d->up) {
		if (d->dev == st->st_dev && d->ino == st->st_ino) {
			plan_problem(l, path, false, "directory loop (a link "
			             "back to a directory above); not followed");
			return;
		}
	}
	DIR *dir = opendir(path);
	if (!dir) {
		snprintf(msg, sizeof(msg), "cannot open directory: %s",
		         strerror(errno));
		plan_problem(l, path, true, msg);
		return;
	}
	struct dirstack here = {st->st_dev, st->st_ino, up};
	struct dirent *de;
	while ((de = readdir(dir)) &&
	       !atomic_load_explicit(&l->cancel, memory_order_relaxed)) {
		if (de->d_name[0] == '.')
			continue;
		size_t pl = strlen(path), nl = strlen(de->d_name);
		char *full = malloc(pl + nl + 2);
		if (!full)
			die_nomem();
		memcpy(full, path, pl);
		size_t k = pl;
		if (k == 0 || full[k - 1] != '/')
			full[k++] = '/';
		memcpy(full + k, de->d_name, nl + 1);
		struct stat fst;
		if (stat(full, &fst) != 0) {
			plan_problem(l, full, true, strerror(errno));
			free(full);
		} else if (S_ISDIR(fst.st_mode)) {
			collect(l, full, &fst, &here, out);
			free(full);
		} else if (S_ISREG(fst.st_mode) && posting_ext(full)) {
			if (out->n == out->cap) {
				out->cap = out->cap ? out->cap * 2 : 32;
				char **v = realloc(out->v,
				                   out->cap * sizeof(*v));
				if (!v)
					die_nomem();
				out->v = v;
			}
			out->v[out->n++] = full;
		} else {
			free(full);
		}
	}
	closedir(dir);
}

/* Plans a path: a file whatever its name, or a directory's posting files
 * in byte order of their paths. */
static void
plan_path(struct loader *l, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		plan_problem(l, path, true, strerror(errno));
		return;
	}
	if (S_ISREG(st.st_mode)) {
		plan_file(l, path, &st);
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		plan_problem(l, path, true,
		             "not a regular file or directory; not read");
		return;
	}
	struct pathlist files = {0};
	collect(l, path, &st, NULL, &files);
	qsort(files.v, files.n, sizeof(*files.v), path_cmp);
	for (size_t i = 0; i < files.n; i++) {
		struct stat fst;
		if (!atomic_load_explicit(&l->cancel, memory_order_relaxed) &&
		    stat(files.v[i], &fst) == 0 && S_ISREG(fst.st_mode))
			plan_file(l, files.v[i], &fst);
		free(files.v[i]);
	}
	free(files.v);
}

/* The planner thread. */
static void *
planner_main(void *arg)
{
	struct loader *l = arg;
	for (size_t i = 0; i < l->npaths; i++) {
		if (atomic_load_explicit(&l->cancel, memory_order_relaxed))
			break;
		plan_path(l, l->paths[i]);
	}
	/* what is left is being parsed: blocks made ready now would only
	 * be left over */
	arena_pool_drain(l->pool);
	pthread_mutex_lock(&l->lock);
	l->planned = true;
	pthread_cond_broadcast(&l->work);
	pthread_mutex_unlock(&l->lock);
	return NULL;
}

/* A worker thread: parses units until none are left. */
static void *
worker_main(void *arg)
{
	struct loader *l = arg;
	pthread_mutex_lock(&l->lock);
	struct arena *keep = &l->arenas[l->started++];
	keep->pool = l->pool;
	for (;;) {
		while (l->next_parse < l->nunits &&
		       (!l->units[l->next_parse] ||
		        l->units[l->next_parse]->done))
			l->next_parse++;
		pthread_cond_broadcast(&l->room);
		if (l->next_parse == l->nunits) {
			if (l->planned ||
			    atomic_load_explicit(&l->cancel, memory_order_relaxed))
				break;
			pthread_cond_wait(&l->work, &l->lock);
			continue;
		}
		struct unit *u = l->units[l->next_parse++];
		if (u->len != (size_t)-1)
			l->pending_bytes -= u->len;
		pthread_cond_signal(&l->room);
		pthread_mutex_unlock(&l->lock);
		if (!atomic_load_explicit(&l->cancel, memory_order_relaxed))
			parse_unit(u, keep, &l->lim, &l->cancel);
		pthread_mutex_lock(&l->lock);
		u->done = true;
	}
	pthread_mutex_unlock(&l->lock);
	return NULL;
}

/* How many workers: BILLET_THREADS, else the online processors (at most
 * 8). */
static int
worker_count(void)
{
	const char *env = getenv("BILLET_THREADS");
	if (env && atoi(env) > 0)
		return atoi(env) > 64 ? 64 : atoi(env);
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 8 ? 8 : (int)n;
}

struct loader *
loader_start(char *const *paths, size_t npaths, const struct load_limits *lim)
{
	struct loader *l = calloc(1, sizeof(*l));
	if (!l)
		die_nomem();
	pthread_mutex_init(&l->lock, NULL);
	pthread_cond_init(&l->work, NULL);
	pthread_cond_init(&l->room, NULL);
	atomic_init(&l->cancel, false);
	l->lim = lim ? *lim : load_default_limits;
	l->paths = calloc(npaths ? npaths : 1, sizeof(*l->paths));
	if (!l->paths)
		die_nomem();
	for (size_t i = 0; i < npaths; i++) {
		l->paths[i] = strdup(paths[i]);
		if (!l->paths[i])
			die_nomem();
	}
	l->npaths = npaths;
	l->nworkers = worker_count();
	l->workers = calloc((size_t)l->nworkers, sizeof(*l->workers));
	l->arenas = calloc((size_t)l->nworkers, sizeof(*l->arenas));
	l->pool = arena_pool_new();
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	l->pool_max = ncpu > l->nworkers ? (size_t)l->nworkers : 0;
	if (!l->workers || !l->arenas || !l->pool ||
	    pthread_create(&l->planner, NULL, planner_main, l) != 0)
		die_nomem();
	for (int i = 0; i < l->nworkers; i++)
		if (pthread_create(&l->workers[i], NULL, worker_main, l) != 0)
			die_nomem();
	return l;
}

/* Gives the workers' arenas, which hold the merged postings, to the
 * catalog they were merged into (or frees them if there is none). */
static void
take_arenas(struct loader *l)
{
	for (int i = 0; i < l->nworkers; i++) {
		if (l->into)
			arena_take(&l->into->arena, &l->arenas[i]);
		else
			arena_free(&l->arenas[i]);
	}
}

bool
loader_poll(struct loader *l, struct catalog *c)
{
	for (;;) {
		pthread_mutex_lock(&l->lock);
		bool finished = l->planned && l->next_merge == l->nunits;
		l->into = c;
		if (finished) /* every unit is parsed: the workers are idle */
			take_arenas(l);
		/* The next run of parsed units, within one file: a file's
		 * postings are merged as its units are parsed, not when the
		 * whole file is, so a big file fills the list as it loads.
		 * Only the default id waits: a file of one document gives its
		 * posting the bare stem, so a first document waits for a
		 * second one or for the end of its file. */
		size_t i = l->next_merge, k = 0, seen = 0;
		bool cont = i < l->nunits && !l->units[i]->first;
		size_t cnt = cont ? l->fm.item_off : 0;
		for (size_t j = i; j < l->nunits && l->units[j]->done; j++) {
			if (l->units[j]->len == (size_t)-1) {
				k = j == i; /* a problem of the plan: alone */
				break;
			}
			cnt += l->units[j]->docs;
			if (cnt >= 2 || l->units[j]->last) {
				k = j + 1 - i;
				seen = cnt;
			}
			if (l->units[j]->last)
				break;
		}
		/* the units taken are not touched by the workers any more;
		 * copy the pointers, as the array may move */
		struct unit *local[8];
		struct unit **grp = k <= 8 ? local : malloc(k * sizeof(*grp));
		if (!grp)
			die_nomem();
		if (k)
			memcpy(grp, l->units + i, k * sizeof(*grp));
		pthread_mutex_unlock(&l->lock);
		if (!k)
			return finished;
		size_t before = c->n;
		bool file_done = true;
		if (grp[0]->len == (size_t)-1) {
			arena_take(&c->arena, &grp[0]->part.arena);
			for (size_t j = 0; j < grp[0]->part.nproblems; j++)
				catalog_push_problem(c, &grp[0]->part.problems[j]);
		} else {
			for (size_t j = 0; j < k; j++) {
				if (grp[j]->first)
					merge_begin(c, &l->fm, grp[j]);
				merge_unit(c, &l->fm, grp[j], seen != 1, &l->lim);
			}
			file_done = grp[k - 1]->last;
		}
		size_t merged = 0;
		for (size_t j = 0; j < k; j++) {
			if (grp[j]->len != (size_t)-1)
				merged += grp[j]->len;
			unit_free(grp[j]);
		}
		if (grp != local)
			free(grp);
		pthread_mutex_lock(&l->lock);
		for (size_t j = 0; j < k; j++)
			l->units[i + j] = NULL;
		l->next_merge += k;
		l->files_done += file_done;
		l->postings += c->n - before;
		l->bytes_done += merged;
		pthread_mutex_unlock(&l->lock);
	}
}

void
loader_progress(struct loader *l, size_t *files_done, size_t *files_planned,
                bool *planned, unsigned *percent)
{
	pthread_mutex_lock(&l->lock);
	*percent = l->bytes_found ? (unsigned)(l->bytes_done * 100 /
	                                       l->bytes_found) : 0;
	*files_done = l->files_done;
	*files_planned = l->files_planned;
	*planned = l->planned;
	pthread_mutex_unlock(&l->lock);
}

void
loader_wait(struct loader *l, struct catalog *c)
{
	while (!loader_poll(l, c)) {
		/* wait for a worker to finish something */
		struct timespec ts = {0, 2 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
}

void
loader_free(struct loader *l)
{
	if (!l)
		return;
	atomic_store(&l->cancel, true);
	pthread_mutex_lock(&l->lock);
	pthread_cond_broadcast(&l->work);
	pthread_cond_broadcast(&l->room);
	pthread_mutex_unlock(&l->lock);
	pthread_join(l->planner, NULL);
	for (int i = 0; i < l->nworkers; i++)
		pthread_join(l->workers[i], NULL);
	take_arenas(l);
	for (size_t i = l->next_merge; i < l->nunits; i++) {
		struct unit *u = l->units[i];
		if (!u)
			continue;
		filemap_release(u->map);
		unit_free(u);
	}
	free(l->units);
	for (size_t i = 0; i < l->npaths; i++)
		free(l->paths[i]);
	free(l->paths);
	free(l->workers);
	free(l->arenas);
	arena_pool_free(l->pool);
	pthread_mutex_destroy(&l->lock);
	pthread_cond_destroy(&l->work);
	pthread_cond_destroy(&l->room);
	free(l);
}

size_t
load_path(struct catalog *c, const char *path, const struct load_limits *lim)
{
	size_t before = c->n;
	char *paths[] = {(char *)path};
	struct loader *l = loader_start(paths, 1, lim);
	loader_wait(l, c);
	loader_free(l);
	return c->n - before;
}
