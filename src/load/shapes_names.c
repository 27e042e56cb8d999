/* SPDX-License-Identifier: MIT */
/* load/shapes_names: the table of common key names other sites use for a
 * posting's fields (name, role, company, expires, link, remote, job_type,
 * pay, description...), which posting is written in them, and its mapping:
 * a canonical key always wins over an alias of its field, the first alias
 * of a field (in the table's order) over the others. */
#include "load/shapes.h"

#include <stdlib.h>
#include <string.h>

/* The fields the names are placed on. */
enum field {
	F_TITLE, F_ORG, F_DEADLINE, F_SOURCE, F_APPLY, F_WORKPLACE,
	F_EMPLOYMENT, F_LOCATION, F_CITY, F_REGION, F_COUNTRY, F_SALARY,
	F_SALARY_MIN, F_SALARY_MAX, F_SALARY_CURRENCY, F_SALARY_PERIOD,
	F_SUMMARY, F_POSTED, F_DEPARTMENT, F_TAGS, F_NFIELDS
};

/* How the note names each field. */
static const char *const field_names[F_NFIELDS] = {
	"title", "organization", "deadline", "source", "apply", "workplace",
	"employment", "location", "location", "location", "location",
	"salary", "salary", "salary", "salary", "salary", "summary", "posted",
	"department", "tags",
};

/* A name: the canonical key of its field, or an alias ranked among the
 * field's others (1 first). */
struct name {
	const char *key;
	unsigned char field;
	unsigned char rank;
	bool canonical;
};

/* Every name, in byte order for bsearch. */
static const struct name names[] = {
	{"absolute_url", F_SOURCE, 3, false},
	{"application_deadline", F_DEADLINE, 4, false},
	{"application_url", F_APPLY, 3, false},
	{"apply", F_APPLY, 0, true},
	{"applyUrl", F_APPLY, 2, false},
	{"apply_link", F_APPLY, 4, false},
	{"apply_url", F_APPLY, 1, false},
	{"body", F_SUMMARY, 2, false},
	{"city", F_CITY, 1, false},
	{"close_date", F_DEADLINE, 6, false},
	{"closes", F_DEADLINE, 2, false},
	{"closing_date", F_DEADLINE, 3, false},
	{"commitment", F_EMPLOYMENT, 6, false},
	{"company", F_ORG, 2, false},
	{"company_name", F_ORG, 3, false},
	{"compensation", F_SALARY, 2, false},
	{"content", F_SUMMARY, 3, false},
	{"country", F_COUNTRY, 1, false},
	{"created_at", F_POSTED, 8, false},
	{"currency", F_SALARY_CURRENCY, 2, false},
	{"datePosted", F_POSTED, 3, false},
	{"date_posted", F_POSTED, 1, false},
	{"deadline", F_DEADLINE, 0, true},
	{"department", F_DEPARTMENT, 0, true},
	{"description", F_SUMMARY, 1, false},
	{"employer", F_ORG, 1, false},
	{"employer_name", F_ORG, 6, false},
	{"employment", F_EMPLOYMENT, 0, true},
	{"employmentType", F_EMPLOYMENT, 2, false},
	{"employment_type", F_EMPLOYMENT, 1, false},
	{"expires", F_DEADLINE, 1, false},
	{"expires_at", F_DEADLINE, 5, false},
	{"hiringOrganization", F_ORG, 4, false},
	{"hostedUrl", F_SOURCE, 6, false},
	{"isRemote", F_WORKPLACE, 3, false},
	{"is_remote", F_WORKPLACE, 2, false},
	{"jobType", F_EMPLOYMENT, 4, false},
	{"jobUrl", F_SOURCE, 5, false},
	{"job_title", F_TITLE, 1, false},
	{"job_type", F_EMPLOYMENT, 3, false},
	{"job_url", F_SOURCE, 4, false},
	{"keywords", F_TAGS, 2, false},
	{"link", F_SOURCE, 2, false},
	{"location", F_LOCATION, 0, true},
	{"location_type", F_WORKPLACE, 6, false},
	{"locations", F_LOCATION, 1, false},
	{"max_salary", F_SALARY_MAX, 2, false},
	{"min_salary", F_SALARY_MIN, 2, false},
	{"name", F_TITLE, 4, false},
	{"organisation", F_ORG, 5, false},
	{"organization", F_ORG, 0, true},
	{"pay", F_SALARY, 1, false},
	{"pay_period", F_SALARY_PERIOD, 2, false},
	{"position", F_TITLE, 2, false},
	{"posted", F_POSTED, 0, true},
	{"posted_at", F_POSTED, 2, false},
	{"published", F_POSTED, 6, false},
	{"publishedAt", F_POSTED, 5, false},
	{"published_at", F_POSTED, 4, false},
	{"published_on", F_POSTED, 7, false},
	{"region", F_REGION, 2, false},
	{"remote", F_WORKPLACE, 1, false},
	{"role", F_TITLE, 3, false},
	{"salary", F_SALARY, 0, true},
	{"salary_currency", F_SALARY_CURRENCY, 1, false},
	{"salary_max", F_SALARY_MAX, 1, false},
	{"salary_min", F_SALARY_MIN, 1, false},
	{"salary_period", F_SALARY_PERIOD, 1, false},
	{"salary_range", F_SALARY, 3, false},
	{"skills", F_TAGS, 1, false},
	{"source", F_SOURCE, 0, true},
	{"state", F_REGION, 1, false},
	{"summary", F_SUMMARY, 0, true},
	{"tags", F_TAGS, 0, true},
	{"team", F_DEPARTMENT, 1, false},
	{"text", F_TITLE, 5, false},
	{"title", F_TITLE, 0, true},
	{"url", F_SOURCE, 1, false},
	{"validThrough", F_DEADLINE, 7, false},
	{"work_type", F_EMPLOYMENT, 5, false},
	{"workplace", F_WORKPLACE, 0, true},
	{"workplaceType", F_WORKPLACE, 5, false},
	{"workplace_type", F_WORKPLACE, 4, false},
};

/* Compares a key with a name. */
static int
name_cmp(const void *key, const void *n)
{
	return strcmp(key, ((const struct name *)n)->key);
}

/* The name of key k, or NULL. */
static const struct name *
name_of(const struct ynode *k)
{
	if (k->kind != Y_SCALAR)
		return NULL;
	return bsearch(k->s, names, sizeof(names) / sizeof(*names),
	               sizeof(*names), name_cmp);
}

bool
names_alias_key(const char *key)
{
	const struct name *n = bsearch(key, names,
	                               sizeof(names) / sizeof(*names),
	                               sizeof(*names), name_cmp);
	return n && !n->canonical;
}

/* 1 for the key title; 2 for the canonical keys that only a posting
 * written in the canonical keys gives, whose presence says it is one (not
 * location, salary, summary, department, tags: other sites use those
 * names too); 0 for others. Looked at without a search, as every posting
 * is. */
static int
canonical_kind(const char *s)
{
	switch (s[0]) {
	case 't': return !strcmp(s, "title") ? 1 : 0;
	case 'o': return !strcmp(s, "organization") ? 2 : 0;
	case 'w': return !strcmp(s, "workplace") ? 2 : 0;
	case 'e': return !strcmp(s, "employment") ? 2 : 0;
	case 'd': return !strcmp(s, "deadline") ? 2 : 0;
	case 'p': return !strcmp(s, "posted") ? 2 : 0;
	case 'a': return !strcmp(s, "apply") ? 2 : 0;
	case 's': return !strcmp(s, "source") ? 2 : 0;
	default: return 0;
	}
}

bool
names_is(const struct ynode *m)
{
	bool title = false, mark = false, alias = false, title_alias = false;
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i];
		if (k->kind != Y_SCALAR)
			continue;
		int c = canonical_kind(k->s);
		if (c) {
			title = title || c == 1;
			mark = mark || c == 2;
			if (title && mark)
				return false; /* (most postings stop here) */
			continue;
		}
		const struct name *n = name_of(k);
		if (!n) {
			/* Workable's v3 postings give a workplace as the
			 * canonical key does; their shortcode (before it) says
			 * whose they are */
			if (!strcmp(k->s, "shortcode"))
				return true;
			continue;
		}
		if (!n->canonical) {
			alias = true;
			title_alias = title_alias || n->field == F_TITLE;
		}
	}
	return alias && (title ? !mark : title_alias);
}

/* Reads an organization: a name, or a mapping of name, url, about. */
static bool
place_org(struct lctx *x, const char *key, const struct ynode *v)
{
	struct posting *p = x->p;
	if (v->kind == Y_SCALAR) {
		p->org.name = shapes_plain(x, v);
		return p->org.name != NULL;
	}
	if (v->kind != Y_MAP || !shapes_plain(x, ymap_get(v, "name")))
		return false;
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *k = v->kids[2 * i], *f = v->kids[2 * i + 1];
		const char *s = k->kind == Y_SCALAR ? k->s : "?";
		if (!strcmp(s, "name"))
			p->org.name = shapes_plain(x, f);
		else if (!strcmp(s, "url") || !strcmp(s, "sameAs") ||
		         !strcmp(s, "website"))
			p->org.url = shapes_plain(x, yfirst(f));
		else if (!strcmp(s, "about") || !strcmp(s, "description"))
			p->org.about = shapes_text(x, f);
		else if (!strcmp(s, "short") || !strcmp(s, "alternateName"))
			p->org.short_name = shapes_plain(x, f);
		else if (s[0] != '@' && f->kind != Y_NULL) {
			struct buf b = {0};
			buf_printf(&b, "%s.%s", key, s);
			shapes_unplaced(x, b.s, f);
			buf_free(&b);
		}
	}
	return true;
}

/* Reads a department: a name, a mapping with a name, or a list of them. */
static bool
place_department(struct lctx *x, const struct ynode *v)
{
	struct buf b = {0};
	size_t cnt = v->kind == Y_SEQ ? v->n : 1;
	for (size_t i = 0; i < cnt; i++) {
		const struct ynode *it = v->kind == Y_SEQ ? v->kids[i] : v;
		if (it->kind == Y_MAP)
			it = ymap_get(it, "name") ? ymap_get(it, "name")
			                          : ymap_get(it, "label");
		const char *s = shapes_plain(x, it);
		if (s)
			buf_printf(&b, "%s%s", b.len ? ", " : "", s);
	}
	if (b.len)
		x->p->department = lkeep(x, b.s, b.len);
	buf_free(&b);
	return x->p->department != NULL;
}

/* Places the value of an alias on its field; false when it does not read
 * as one. */
static bool
place(struct lctx *x, enum field f, const char *key, const struct ynode *v)
{
	struct posting *p = x->p;
	struct place pl;
	switch (f) {
	case F_TITLE:
		p->title = shapes_text(x, v);
		return p->title != NULL;
	case F_ORG:
		return place_org(x, key, v);
	case F_DEADLINE:
		return shapes_when(x, v, false, &p->deadline);
	case F_POSTED:
		return shapes_when(x, v, true, &p->posted);
	case F_SOURCE:
		p->source = shapes_plain(x, v);
		return p->source != NULL;
	case F_APPLY: {
		const char *s = shapes_plain(x, v);
		if (s && (!strncmp(s, "http://", 7) || !strncmp(s, "https://", 8)))
			p->apply.url = s;
		else if (s && strchr(s, '@') && !strchr(s, ' '))
			p->apply.email = s;
		else
			return false;
		return true;
	}
	case F_WORKPLACE:
		return shapes_workplace(v, &p->workplace);
	case F_EMPLOYMENT:
		p->employment.type = shapes_employment(x, v);
		return p->employment.type != NULL;
	case F_LOCATION: {
		size_t before = p->nplaces;
		size_t cnt = v->kind == Y_SEQ ? v->n : 1;
		for (size_t i = 0; i < cnt; i++)
			if (shapes_place(x, v->kind == Y_SEQ ? v->kids[i] : v,
			                 &pl))
				shapes_place_add(x, &pl);
		return p->nplaces > before;
	}
	case F_SALARY:
		return shapes_salary(x, v);
	case F_SUMMARY:
		p->summary = shapes_text(x, v);
		return p->summary != NULL;
	case F_DEPARTMENT:
		return place_department(x, v);
	case F_TAGS:
		shapes_items(x, v, &p->tags);
		return p->tags.n > 0;
	default: /* the parts of a location or a salary: placed together */
		return false;
	}
}

/* The parts of a place or a salary given as keys of their own. */
struct parts {
	const struct ynode *k[F_NFIELDS], *v[F_NFIELDS];
};

/* Places the parts of a location (city, state, country) together. */
static void
place_parts(struct lctx *x, struct parts *pt)
{
	struct place pl = {0};
	pl.city = shapes_plain(x, pt->v[F_CITY]);
	pl.region = shapes_plain(x, pt->v[F_REGION]);
	pl.country = shapes_plain(x, pt->v[F_COUNTRY]);
	shapes_place_add(x, &pl);
	const char *got[] = {pl.city, pl.region, pl.country};
	for (int f = F_CITY; f <= F_COUNTRY; f++) {
		if (!pt->k[f])
			continue;
		if (got[f - F_CITY])
			shapes_alias(x, pt->k[f]->s, field_names[f]);
		else
			shapes_unplaced(x, pt->k[f]->s, pt->v[f]);
	}
}

/* Places a salary given as min, max, currency and period keys. */
static void
salary_parts(struct lctx *x, struct parts *pt)
{
	double lo = -1, hi = -1;
	enum period pd = PERIOD_YEAR;
	bool ok = (!pt->v[F_SALARY_MIN] ||
	           shapes_amount(pt->v[F_SALARY_MIN], &lo)) &&
	          (!pt->v[F_SALARY_MAX] ||
	           shapes_amount(pt->v[F_SALARY_MAX], &hi)) &&
	          (lo >= 0 || hi >= 0) &&
	          (!pt->v[F_SALARY_PERIOD] ||
	           (pt->v[F_SALARY_PERIOD]->kind == Y_SCALAR &&
	            shapes_period(pt->v[F_SALARY_PERIOD]->s, &pd)));
	const struct ynode *cur = pt->v[F_SALARY_CURRENCY];
	if (ok)
		shapes_salary_set(x, lo, hi, cur && cur->kind == Y_SCALAR
		                             ? cur->s : NULL, pd);
	for (int f = F_SALARY_MIN; f <= F_SALARY_PERIOD; f++) {
		if (!pt->k[f])
			continue;
		if (ok)
			shapes_alias(x, pt->k[f]->s, field_names[f]);
		else
			shapes_unplaced(x, pt->k[f]->s, pt->v[f]);
	}
}

void
names_map(struct lctx *x, const struct ynode *m)
{
	const struct ynode *pick[F_NFIELDS] = {0};
	unsigned char rank[F_NFIELDS] = {0};
	bool canon[F_NFIELDS] = {0};
	/* which name gives each field: the canonical key, else the alias
	 * first in the table */
	for (size_t i = 0; i < m->n; i++) {
		const struct name *n = name_of(m->kids[2 * i]);
		if (!n)
			continue;
		if (n->canonical) {
			canon[n->field] = true;
		} else if (!pick[n->field] || n->rank < rank[n->field]) {
			pick[n->field] = m->kids[2 * i];
			rank[n->field] = n->rank;
		}
	}
	/* a location given whole wins over its parts; a salary's parts
	 * over a salary given whole in other names */
	if (canon[F_LOCATION] || pick[F_LOCATION])
		canon[F_CITY] = canon[F_REGION] = canon[F_COUNTRY] = true;
	if (canon[F_SALARY])
		for (int f = F_SALARY_MIN; f <= F_SALARY_PERIOD; f++)
			canon[f] = true;
	else if (pick[F_SALARY_MIN] || pick[F_SALARY_MAX])
		canon[F_SALARY] = true;
	struct parts pt = {0};
	bool any_place = false, any_salary = false;
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (k->kind != Y_SCALAR) {
			if (k->kind != Y_NULL || !x->truncated)
				lerr(x, k, "a key must be text, found %s",
				     ykind_name(k));
			continue;
		}
		const struct name *n = name_of(k);
		if (!n) {
			if (!canonical_key(x, k->s, v))
				shapes_unplaced(x, k->s, v);
			continue;
		}
		if (n->canonical) {
			canonical_key(x, k->s, v);
			continue;
		}
		enum field f = (enum field)n->field;
		if (shapes_empty(v))
			continue; /* nothing to place */
		if (pick[f] != k || canon[f]) {
			shapes_unplaced(x, k->s, v);
		} else if (f >= F_CITY && f <= F_COUNTRY) {
			pt.k[f] = k;
			pt.v[f] = v;
			any_place = true;
		} else if (f >= F_SALARY_MIN && f <= F_SALARY_PERIOD) {
			pt.k[f] = k;
			pt.v[f] = v;
			any_salary = true;
		} else if (place(x, f, k->s, v)) {
			shapes_alias(x, k->s, field_names[f]);
		} else {
			shapes_unplaced(x, k->s, v);
		}
	}
	if (any_place)
		place_parts(x, &pt);
	if (any_salary)
		salary_parts(x, &pt);
}
