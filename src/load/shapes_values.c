/* SPDX-License-Identifier: MIT */
/* load/shapes_values: the values of other sites' vocabularies read into
 * the model: text that is HTML (or HTML escaped twice), dates as epoch
 * numbers or date-times with zones, workplace words and booleans,
 * employment words, places, salaries, and headed blocks of text. Nothing
 * here reports a problem: a value not read is kept under Other by the
 * caller and named in the file's note. */
#include "load/html.h"
#include "load/shapes.h"
#include "value.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Text -------------------------------------------------------------------- */

const char *
shapes_plain(struct lctx *x, const struct ynode *n)
{
	return n && n->kind == Y_SCALAR ? ykeep(x, n) : NULL;
}

/* Keeps the buffer's text, trimmed, in the arena; NULL when blank. */
static const char *
keep_trimmed(struct lctx *x, const char *s, size_t len)
{
	const char *e = s + len;
	while (s < e && (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r'))
		s++;
	while (e > s && (e[-1] == ' ' || e[-1] == '\n' || e[-1] == '\t' ||
	                 e[-1] == '\r'))
		e--;
	return e > s ? lkeep(x, s, (size_t)(e - s)) : NULL;
}

const char *
shapes_text(struct lctx *x, const struct ynode *n)
{
	if (!n || n->kind != Y_SCALAR)
		return NULL;
	if (!memchr(n->s, '<', n->len) && !memchr(n->s, '&', n->len))
		return ykeep(x, n);
	struct buf b = {0};
	html_to_text(&b, n->s, n->len); /* escaped HTML too */
	const char *s = keep_trimmed(x, b.s ? b.s : "", b.len);
	buf_free(&b);
	return s;
}

/* Dates ------------------------------------------------------------------- */

/* The civil date of a day number (days since 1970-01-01), as yyyymmdd. */
static int32_t
civil(long long z)
{
	z += 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long y = yoe + era * 400;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	long long d = doy - (153 * mp + 2) / 5 + 1;
	long long m = mp < 10 ? mp + 3 : mp - 9;
	y += m <= 2;
	return (int32_t)(y * 10000 + m * 100 + d);
}

/* Reads a number of seconds (9 to 11 digits) or milliseconds (12 to 14)
 * since 1970 as its UTC date. */
static bool
epoch_date(const char *s, size_t len, int32_t *ymd)
{
	if (len < 9 || len > 14)
		return false;
	long long v = 0;
	for (size_t i = 0; i < len; i++) {
		if (s[i] < '0' || s[i] > '9')
			return false;
		v = v * 10 + (s[i] - '0');
	}
	if (len >= 12)
		v /= 1000;
	*ymd = civil(v / 86400);
	return *ymd >= 19700101 && *ymd <= 99991231;
}

bool
shapes_when(struct lctx *x, const struct ynode *n, bool date_only,
            struct when *out)
{
	if (!n || n->kind != Y_SCALAR)
		return false;
	const char *s = ykeep(x, n);
	if (!s)
		return false;
	int32_t ymd;
	char d[11];
	if (value_date(s, &ymd)) {
		/* a date-time's own date: its zone is the publisher's */
		out->ymd = ymd;
		out->text = strlen(s) > 10 ? lkeep(x, s, 10) : s;
		return true;
	}
	if (epoch_date(s, strlen(s), &ymd)) {
		snprintf(d, sizeof(d), "%04d-%02d-%02d", (int)(ymd / 10000),
		         (int)(ymd / 100 % 100), (int)(ymd % 100));
		out->ymd = ymd;
		out->text = lkeep(x, d, 10);
		return true;
	}
	if (date_only)
		return false;
	out->ymd = 0;
	out->text = s;
	return true;
}

/* Words --------------------------------------------------------------- */

/* s lowercased with everything but letters and digits left out, into out
 * (size bytes); false when it does not fit. */
static bool
squeeze(const char *s, char *out, size_t size)
{
	size_t k = 0;
	for (; *s; s++) {
		char c = *s;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
			continue;
		if (k + 1 >= size)
			return false;
		out[k++] = c;
	}
	out[k] = '\0';
	return true;
}

bool
shapes_workplace(const struct ynode *n, enum workplace *out)
{
	static const struct {
		const char *word;
		int w; /* -1: said, and nothing to place */
	} words[] = {
		{"true", WP_REMOTE}, {"yes", WP_REMOTE}, {"1", WP_REMOTE},
		{"y", WP_REMOTE}, {"remote", WP_REMOTE},
		{"fullyremote", WP_REMOTE}, {"remoteonly", WP_REMOTE},
		{"fullremote", WP_REMOTE}, {"telecommute", WP_REMOTE},
		{"remoteok", WP_REMOTE}, {"hybrid", WP_HYBRID},
		{"hybridremote", WP_HYBRID}, {"partlyremote", WP_HYBRID},
		{"onsite", WP_ONSITE}, {"office", WP_ONSITE},
		{"inoffice", WP_ONSITE}, {"inperson", WP_ONSITE},
		{"onpremise", WP_ONSITE}, {"onpremises", WP_ONSITE},
		{"false", -1}, {"no", -1}, {"0", -1}, {"n", -1},
		{"unspecified", -1},
	};
	char w[24];
	if (!n || n->kind != Y_SCALAR || !squeeze(n->s, w, sizeof(w)))
		return false;
	for (size_t i = 0; i < sizeof(words) / sizeof(*words); i++) {
		if (strcmp(w, words[i].word))
			continue;
		if (words[i].w >= 0)
			*out = (enum workplace)words[i].w;
		return true;
	}
	return false;
}

/* An employment word normalised, or NULL when it is none of those known. */
static const char *
employment_word(const char *s)
{
	static const struct {
		const char *in, *out;
	} types[] = {
		{"fulltime", "full-time"}, {"full", "full-time"},
		{"fulltimepermanent", "full-time"},
		{"fulltimefixedterm", "full-time, fixed term"},
		{"permanentfulltime", "full-time"},
		{"parttime", "part-time"}, {"part", "part-time"},
		{"parttimepermanent", "part-time"},
		{"parttimefixedterm", "part-time, fixed term"},
		{"contract", "contract"}, {"contractor", "contract"},
		{"freelance", "contract"}, {"temporary", "temporary"},
		{"temp", "temporary"}, {"fixedterm", "temporary"},
		{"intern", "internship"}, {"internship", "internship"},
		{"volunteer", "volunteer"}, {"perdiem", "per diem"},
	};
	char w[32];
	if (!squeeze(s, w, sizeof(w)))
		return NULL;
	for (size_t i = 0; i < sizeof(types) / sizeof(*types); i++)
		if (!strcmp(w, types[i].in))
			return types[i].out;
	return NULL;
}

const char *
shapes_employment(struct lctx *x, const struct ynode *n)
{
	if (!n)
		return NULL;
	struct buf b = {0};
	size_t cnt = n->kind == Y_SEQ ? n->n : 1;
	for (size_t i = 0; i < cnt; i++) {
		const struct ynode *it = n->kind == Y_SEQ ? n->kids[i] : n;
		if (it->kind == Y_MAP) /* {id, label} */
			it = ymap_get(it, "label") ? ymap_get(it, "label")
			                           : ymap_get(it, "name");
		const char *s = shapes_plain(x, it);
		if (!s)
			continue;
		const char *w = employment_word(s);
		buf_printf(&b, "%s%s", b.len ? ", " : "", w ? w : s);
	}
	const char *s = b.len ? lkeep(x, b.s, b.len) : NULL;
	buf_free(&b);
	return s;
}

/* Places -------------------------------------------------------------- */

void
shapes_place_add(struct lctx *x, const struct place *pl)
{
	struct posting *p = x->p;
	if (!pl->name && !pl->city && !pl->region && !pl->country)
		return;
	struct place *v = arena_alloc(&x->c->arena,
	                              (p->nplaces + 1) * sizeof(*v));
	if (!v)
		die_nomem();
	if (p->nplaces)
		memcpy(v, p->places, p->nplaces * sizeof(*v));
	v[p->nplaces++] = *pl;
	p->places = v;
}

/* The first of the keys that m has as text. */
static const char *
first_text(struct lctx *x, const struct ynode *m, const char *const *keys)
{
	for (; *keys; keys++) {
		const char *s = shapes_plain(x, ymap_get(m, *keys));
		if (s)
			return s;
	}
	return NULL;
}

bool
shapes_place(struct lctx *x, const struct ynode *n, struct place *pl)
{
	static const char *const names[] = {"name", "location",
	                                    "location_str", "fullLocation",
	                                    "full_address", "text", NULL};
	static const char *const cities[] = {"city", "addressLocality", NULL};
	static const char *const regions[] = {"region", "state", "state_name",
	                                      "addressRegion", "region_code",
	                                      "state_code", NULL};
	static const char *const countries[] = {"country", "countryName",
	                                        "addressCountry",
	                                        "country_code", "countryCode",
	                                        NULL};
	*pl = (struct place){0};
	if (!n)
		return false;
	if (n->kind == Y_SCALAR) {
		pl->name = shapes_plain(x, n);
		return pl->name != NULL;
	}
	if (n->kind != Y_MAP)
		return false;
	pl->city = first_text(x, n, cities);
	pl->region = first_text(x, n, regions);
	pl->country = first_text(x, n, countries);
	if (pl->country && strlen(pl->country) == 2) {
		char cc[3] = {pl->country[0], pl->country[1], '\0'};
		for (int i = 0; i < 2; i++)
			if (cc[i] >= 'a' && cc[i] <= 'z')
				cc[i] = (char)(cc[i] - 'a' + 'A');
		pl->country = lkeep(x, cc, 2);
	}
	if (!pl->city && !pl->region && !pl->country) {
		pl->name = first_text(x, n, names);
		/* Ashby's {location, address: {postalAddress: {...}}} */
		const struct ynode *a = ymap_get(n, "address");
		if (a && ymap_get(a, "postalAddress"))
			a = ymap_get(a, "postalAddress");
		struct place inner;
		if (a && a->kind == Y_MAP && shapes_place(x, a, &inner)) {
			pl->city = inner.city;
			pl->region = inner.region;
			pl->country = inner.country;
		}
	}
	return pl->name || pl->city || pl->region || pl->country;
}

/* Salaries ------------------------------------------------------------ */

bool
shapes_amount(const struct ynode *n, double *out)
{
	return n && n->kind == Y_SCALAR && value_amount(n->s, n->len, out);
}

bool
shapes_period(const char *s, enum period *out)
{
	char w[32];
	if (!s || !squeeze(s, w, sizeof(w)))
		return false;
	char *p = w;
	if (!strncmp(p, "per", 3) && strcmp(p, "per"))
		p += 3; /* Lever's per-year-salary, per-hour-wage */
	else if (p[0] == '1' && p[1])
		p++; /* Ashby's "1 YEAR" */
	size_t len = strlen(p);
	if (len > 6 && !strcmp(p + len - 6, "salary"))
		p[len - 6] = '\0';
	else if (len > 4 && !strcmp(p + len - 4, "wage"))
		p[len - 4] = '\0';
	if (!strcmp(p, "annum") || !strcmp(p, "annual") || !strcmp(p, "ann"))
		p = "year";
	return period_parse(p, out);
}

void
shapes_salary_set(struct lctx *x, double lo, double hi, const char *currency,
                  enum period period)
{
	if (lo < 0 && hi < 0)
		return;
	struct salary s = {.present = true, .currency = "USD",
	                   .period = period, .open_below = lo < 0,
	                   .open_above = hi < 0};
	if (lo < 0)
		lo = hi;
	if (hi < 0)
		hi = lo;
	s.min = lo < hi ? lo : hi;
	s.max = lo < hi ? hi : lo;
	if (currency && strlen(currency) == 3) {
		for (int i = 0; i < 3; i++) {
			char c = currency[i];
			s.currency[i] = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
		}
	}
	x->p->salary = s;
}

/* The first of keys that m has. */
static const struct ynode *
first_of(const struct ynode *m, const char *const *keys)
{
	for (; *keys; keys++) {
		const struct ynode *v = ymap_get(m, *keys);
		if (v && v->kind != Y_NULL)
			return v;
	}
	return NULL;
}

bool
shapes_salary(struct lctx *x, const struct ynode *n)
{
	static const char *const mins[] = {"min", "minValue", "min_value",
	                                   "minimum", "from", "salary_from",
	                                   "min_amount", "min_salary", NULL};
	static const char *const maxs[] = {"max", "maxValue", "max_value",
	                                   "maximum", "to", "salary_to",
	                                   "max_amount", "max_salary", NULL};
	static const char *const ones[] = {"value", "amount", NULL};
	static const char *const curs[] = {"currency", "currencyCode",
	                                   "currency_code", "salary_currency",
	                                   "unit", NULL};
	static const char *const pers[] = {"period", "interval", "unitText",
	                                   "unit_text", "frequency",
	                                   "salary_period", "per", NULL};
	if (!n)
		return false;
	if (n->kind == Y_SCALAR) {
		struct salary s = {.currency = "USD", .period = PERIOD_YEAR};
		if (!salary_text(n->s, &s))
			return false;
		if (s.min > s.max) { /* as the canonical salary is read */
			lwarn(x, n, "salary: min is above max; read as %g-%g",
			      s.max, s.min);
			double t = s.min;
			s.min = s.max;
			s.max = t;
		}
		x->p->salary = s;
		return true;
	}
	if (n->kind != Y_MAP)
		return false;
	double lo = -1, hi = -1;
	const struct ynode *v;
	if ((v = first_of(n, mins)) && !shapes_amount(v, &lo))
		return false;
	if ((v = first_of(n, maxs)) && !shapes_amount(v, &hi))
		return false;
	if (lo < 0 && hi < 0) {
		if (!(v = first_of(n, ones)) || !shapes_amount(v, &lo))
			return false;
		hi = lo;
	}
	enum period pd = PERIOD_YEAR;
	const struct ynode *per = first_of(n, pers);
	if (per && (per->kind != Y_SCALAR || !shapes_period(per->s, &pd)))
		return false;
	const struct ynode *cur = first_of(n, curs);
	shapes_salary_set(x, lo, hi, cur && cur->kind == Y_SCALAR ? cur->s
	                                                          : NULL, pd);
	return true;
}

/* Lists and sections ---------------------------------------------------- */

/* Appends the lines of s (list markers trimmed) as items to it. */
static void
add_lines(struct lctx *x, const char *s, size_t len, const char ***v,
          size_t *n, size_t *cap)
{
	const char *e = s + len;
	while (s < e) {
		const char *nl = memchr(s, '\n', (size_t)(e - s));
		const char *le = nl ? nl : e;
		const char *a = s;
		while (a < le && (*a == ' ' || *a == '\t'))
			a++;
		if (le - a >= 3 && !memcmp(a, "•", 3))
			a += 3;
		else if (le - a >= 2 && (*a == '-' || *a == '*') && a[1] == ' ')
			a += 2;
		const char *t = keep_trimmed(x, a, (size_t)(le - a));
		if (t) {
			if (*n == *cap) {
				*cap = *cap ? *cap * 2 : 8;
				const char **w = realloc(*v, *cap * sizeof(*w));
				if (!w)
					die_nomem();
				*v = w;
			}
			(*v)[(*n)++] = t;
		}
		s = nl ? nl + 1 : e;
	}
}

void
shapes_items(struct lctx *x, const struct ynode *n, struct strlist *out)
{
	const char **v = NULL;
	size_t cnt = 0, cap = 0;
	for (size_t i = 0; i < out->n; i++)
		add_lines(x, out->v[i], strlen(out->v[i]), &v, &cnt, &cap);
	size_t k = n->kind == Y_SEQ ? n->n : 1;
	for (size_t i = 0; i < k; i++) {
		const struct ynode *it = n->kind == Y_SEQ ? n->kids[i] : n;
		if (it->kind != Y_SCALAR)
			continue;
		struct buf b = {0};
		html_to_text(&b, it->s, it->len);
		add_lines(x, b.s ? b.s : "", b.len, &v, &cnt, &cap);
		buf_free(&b);
	}
	if (cnt) {
		const char **items = arena_alloc(&x->c->arena,
		                                 cnt * sizeof(*items));
		if (!items)
			die_nomem();
		memcpy(items, v, cnt * sizeof(*items));
		out->v = items;
		out->n = cnt;
	}
	free(v);
}

/* Appends an empty section under heading and returns it. */
static struct section *
section_add(struct lctx *x, const char *heading)
{
	struct posting *p = x->p;
	struct section *v = arena_alloc(&x->c->arena,
	                                (p->nsections + 1) * sizeof(*v));
	if (!v)
		die_nomem();
	if (p->nsections)
		memcpy(v, p->sections, p->nsections * sizeof(*v));
	v[p->nsections] = (struct section){.heading = heading};
	p->sections = v;
	return &v[p->nsections++];
}

void
shapes_section_text(struct lctx *x, const char *heading, const struct ynode *v)
{
	const char *t = shapes_text(x, v);
	if (t)
		section_add(x, heading)->text = t;
}

/* True when the lowercased heading h contains one of the words. */
static bool
heading_has(const char *h, const char *const *words)
{
	for (; *words; words++)
		if (strstr(h, *words))
			return true;
	return false;
}

void
shapes_headed(struct lctx *x, const char *heading, const struct ynode *v)
{
	static const char *const resp[] = {"responsib", "what you'll do",
	                                   "what you will do", "your tasks",
	                                   "duties", "your role", "the role",
	                                   "your mission", "day to day",
	                                   "day-to-day", "job description",
	                                   NULL};
	static const char *const qual[] = {"qualif", "requirement",
	                                   "what you bring", "what you'll bring",
	                                   "your profile", "who you are",
	                                   "about you", "you have", "skills",
	                                   "you should have", "must have",
	                                   NULL};
	static const char *const bene[] = {"benefit", "perks", "we offer",
	                                   "what we offer", "why join",
	                                   "what's in it", NULL};
	struct posting *p = x->p;
	char h[80];
	size_t k = 0;
	for (const char *s = heading ? heading : ""; *s && k + 1 < sizeof(h);
	     s++)
		h[k++] = *s >= 'A' && *s <= 'Z' ? (char)(*s - 'A' + 'a') : *s;
	h[k] = '\0';
	if (heading_has(h, bene))
		shapes_items(x, v, &p->benefits);
	else if (heading_has(h, qual))
		shapes_items(x, v, &p->qualifications);
	else if (heading_has(h, resp))
		shapes_items(x, v, &p->responsibilities);
	else if (heading && v->kind == Y_SCALAR &&
	         !text_find(v->s, v->len, "<li", 3) &&
	         !text_find(v->s, v->len, "&lt;li", 6))
		shapes_section_text(x, lkeep(x, heading, strlen(heading)), v);
	else if (heading) {
		struct section *sec = section_add(x, lkeep(x, heading,
		                                           strlen(heading)));
		shapes_items(x, v, &sec->items);
		if (!sec->items.n)
			p->nsections--; /* nothing in it */
	}
}
