/* SPDX-License-Identifier: MIT */
/* load/jsonld: schema.org JobPosting properties -> the model; what it does
 * not map is kept under Other. */
#include "load/html.h"
#include "load/internal.h"
#include "value.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Helpers --------------------------------------------------------------- */

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

/* The properties ------------------------------------------------------ */

/* hiringOrganization: a name or an Organization. */
static void
p_org(struct lctx *x, const struct ynode *n)
{
	struct posting *p = x->p;
	n = jsonld_deref(x, yfirst(n), "hiringOrganization");
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
	if ((v = ymap_get(n, "url")) || (v = yfirst(ymap_get(n, "sameAs"))))
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
		const struct ynode *it = jsonld_deref(x, n->kind == Y_SEQ
		                                      ? n->kids[i] : n,
		                                      "jobLocation");
		struct place pl = {0};
		if (it->kind == Y_SCALAR) {
			pl.name = keep_text(x, it);
		} else if (it->kind == Y_MAP) {
			const struct ynode *a = jsonld_deref(
				x, ymap_get(it, "address"), "jobLocation address");
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

/* Reads an amount as value_amount does, or a number as JSON writes it
 * (5.5E4, 1e+5). */
static bool
json_amount(const char *s, size_t len, double *out)
{
	if (value_amount(s, len, out))
		return true;
	size_t i = 0;
	while (i < len && ((s[i] >= '0' && s[i] <= '9') || s[i] == '.'))
		i++;
	if (i == 0 || i + 1 >= len || (s[i] != 'e' && s[i] != 'E'))
		return false;
	double v;
	if (!value_amount(s, i, &v))
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
		      text->kind == Y_SCALAR ? text->s : ykind_name(text),
		      text->kind == Y_SCALAR ? "'" : "");
	else if (code && code->kind != Y_NULL)
		lwarn(x, code, "baseSalary: unitCode %s%s%s is not ANN, MON, "
		      "WEE, DAY or HUR; read as a year",
		      code->kind == Y_SCALAR ? "'" : "",
		      code->kind == Y_SCALAR ? code->s : ykind_name(code),
		      code->kind == Y_SCALAR ? "'" : "");
	return PERIOD_YEAR;
}

/* baseSalary: a number, text, or a MonetaryAmount: a value that is an
 * amount or a QuantitativeValue (minValue, maxValue, value, unitText,
 * unitCode), or those beside the currency. */
static void
p_salary(struct lctx *x, const struct ynode *n, const struct ynode *currency)
{
	n = jsonld_deref(x, yfirst(n), "baseSalary");
	if (!n || n->kind == Y_NULL)
		return;
	struct posting *p = x->p;
	if (n->kind == Y_SCALAR) {
		ysalary(x, n);
	} else if (n->kind == Y_MAP) {
		const struct ynode *cur = ymap_get(n, "currency");
		const struct ynode *v = jsonld_deref(x, ymap_get(n, "value"),
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
				     ykind_name(b), what);
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
		     "found %s; kept under Other", ykind_name(n));
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
	const struct ynode *m = yfirst(n);
	const struct ynode *months = m ? ymap_get(m, "monthsOfExperience")
	                               : NULL;
	double v;
	if (months && months->kind == Y_SCALAR &&
	    value_amount(months->s, months->len, &v) && v <= 1200) {
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
	n = jsonld_deref(x, yfirst(n), "applicationContact");
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
		/* (billet_state: the user's own, as fields.c says) */
		if (v->kind == Y_NULL || !strcmp(key, "@context") ||
		    !strcmp(key, "@type") || !strcmp(key, "@id") ||
		    !strcmp(key, "billet_state"))
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
			if (yis_text(yfirst(v), "TELECOMMUTE"))
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
			const struct ynode *f = yfirst(v);
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
			if (yis_text(v, "true"))
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
