/* SPDX-License-Identifier: MIT */
/* load/jsonld: schema.org JobPosting properties -> the model; what it does
 * not map is kept under Other. */
#include "load/description.h"
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

/* What the mapping leaves out ------------------------------------------ */

/* prop.key, or prop.N for item N of a list, in b (cleared first). */
static const char *
part_name(struct buf *b, const char *prop, const char *key, size_t item)
{
	buf_clear(b);
	if (key)
		buf_printf(b, "%s.%s", prop, key);
	else
		buf_printf(b, "%s.%zu", prop, item);
	return b->s;
}

/* Keeps what node_text leaves out of n under Other, named from prop: the
 * properties of an object beside its name (and its description, when
 * that is text), at any depth. */
static void
keep_unshown(struct lctx *x, const struct ynode *n, const char *prop)
{
	struct buf name = {0};
	if (n->kind == Y_SEQ) {
		for (size_t i = 0; i < n->n; i++)
			keep_unshown(x, n->kids[i], n->n > 1
			             ? part_name(&name, prop, NULL, i + 1) : prop);
	} else if (n->kind == Y_MAP) {
		const struct ynode *nm = ymap_get(n, "name");
		bool named = nm && nm->kind == Y_SCALAR;
		for (size_t i = 0; i < n->n; i++) {
			const struct ynode *k = n->kids[2 * i];
			const struct ynode *v = n->kids[2 * i + 1];
			if (k->kind != Y_SCALAR || k->s[0] == '@' ||
			    v->kind == Y_NULL)
				continue;
			part_name(&name, prop, k->s, 0);
			if (!named)
				keep_unshown(x, v, name.s);
			else if (v != nm && (strcmp(k->s, "description") ||
			                     v->kind != Y_SCALAR))
				ykeep_extra(x, name.s, v);
		}
	}
	buf_free(&name);
}

/* The readable text of a node, kept in the arena; what it leaves out is
 * kept under Other, named from prop (nothing kept when prop is NULL). */
static const char *
keep_text(struct lctx *x, const struct ynode *n, const char *prop)
{
	struct buf b = {0};
	node_text(&b, n);
	const char *s = keep_buf(x, &b);
	buf_free(&b);
	if (prop)
		keep_unshown(x, n, prop);
	return s;
}

void
jsonld_keep_rest(struct lctx *x, const char *prop, const struct ynode *m,
                 const struct ynode *const *used, size_t nused)
{
	struct buf name = {0};
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (k->kind != Y_SCALAR || k->s[0] == '@' || v->kind == Y_NULL)
			continue;
		size_t j = 0;
		while (j < nused && used[j] != v)
			j++;
		if (j == nused)
			ykeep_extra(x, part_name(&name, prop, k->s, 0), v);
	}
	buf_free(&name);
}

const struct ynode *
jsonld_first(struct lctx *x, const struct ynode *n, const char *prop)
{
	if (n && n->kind == Y_SEQ) {
		struct buf name = {0};
		for (size_t i = 1; i < n->n; i++)
			if (n->kids[i]->kind != Y_NULL)
				ykeep_extra(x, part_name(&name, prop, NULL,
				                         i + 1), n->kids[i]);
		buf_free(&name);
	}
	return yfirst(n);
}

/* Lists and sections --------------------------------------------------- */

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

/* Splits a node into items: a string on newlines, or HTML into its
 * paragraphs and items; a list item by item, an object by its name or
 * values. */
static void
split_items(struct lctx *x, const struct ynode *n, struct items *it)
{
	if (n->kind == Y_SEQ) {
		for (size_t i = 0; i < n->n; i++)
			split_items(x, n->kids[i], it);
		return;
	}
	if (n->kind == Y_SCALAR) {
		struct prose p = {0};
		html_items(n->s, n->len, &p);
		for (size_t i = 0; i < p.n; i++)
			items_add(x, it, p.v[i].text, strlen(p.v[i].text));
		prose_free(&p);
		return;
	}
	struct buf b = {0};
	node_text(&b, n);
	if (b.s)
		items_add(x, it, b.s, b.len);
	buf_free(&b);
}

/* Reads property prop, n, as a list into out (appending to what is
 * there). */
static void
to_list(struct lctx *x, const struct ynode *n, struct strlist *out,
        const char *prop)
{
	struct items it = {0};
	for (size_t i = 0; i < out->n; i++)
		items_add(x, &it, out->v[i], strlen(out->v[i]));
	split_items(x, n, &it);
	if (it.n)
		lstrlist(x, it.v, it.n, out);
	free(it.v);
	keep_unshown(x, n, prop);
}

/* Adds property prop, n, as a section of items under heading. */
static void
to_section(struct lctx *x, const struct ynode *n, const char *heading,
           const char *prop)
{
	struct posting *p = x->p;
	struct strlist l = {0};
	to_list(x, n, &l, prop);
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
	n = jsonld_deref(x, jsonld_first(x, n, "hiringOrganization"),
	                 "hiringOrganization");
	if (!n || n->kind == Y_NULL)
		return;
	if (n->kind == Y_SCALAR) {
		p->org.name = keep_text(x, n, NULL);
		return;
	}
	if (n->kind != Y_MAP) {
		ykeep_extra(x, "hiringOrganization", n);
		return;
	}
	const struct ynode *used[5], *v, *url = ymap_get(n, "url");
	size_t k = 0;
	if ((v = ymap_get(n, "name"))) {
		p->org.name = keep_text(x, v, "hiringOrganization.name");
		used[k++] = v;
	}
	if ((v = ymap_get(n, "alternateName")) && v->kind == Y_SCALAR) {
		p->org.short_name = keep_text(x, v, NULL);
		used[k++] = v;
	}
	if (url) {
		p->org.url = keep_text(x, url, "hiringOrganization.url");
		used[k++] = url;
	} else if ((v = ymap_get(n, "sameAs")) &&
	           jsonld_first(x, v, "hiringOrganization.sameAs")) {
		p->org.url = keep_text(x, yfirst(v), "hiringOrganization.sameAs");
		used[k++] = v;
	}
	if ((v = ymap_get(n, "description")) && !p->org.about) {
		p->org.about = keep_text(x, v, "hiringOrganization.description");
		used[k++] = v;
	}
	jsonld_keep_rest(x, "hiringOrganization", n, used, k);
}

/* Reads the PostalAddress a of a Place (text, or a mapping) into pl; what
 * it does not read is kept under Other, named from prop. */
static void
p_address(struct lctx *x, const struct ynode *a, struct place *pl,
          const char *prop)
{
	if (a->kind == Y_SCALAR && !pl->name) {
		pl->name = keep_text(x, a, NULL);
		return;
	}
	if (a->kind != Y_MAP) {
		ykeep_extra(x, prop, a);
		return;
	}
	static const char *const keys[] = {"addressLocality", "addressRegion",
	                                   "addressCountry", "streetAddress"};
	const char **to[] = {&pl->city, &pl->region, &pl->country, &pl->name};
	const struct ynode *used[4];
	size_t k = 0;
	struct buf name = {0};
	for (size_t i = 0; i < 4; i++) {
		const struct ynode *f = ymap_get(a, keys[i]);
		if (!f || *to[i]) /* (a street only when the Place has no name) */
			continue;
		*to[i] = keep_text(x, f, part_name(&name, prop, keys[i], 0));
		used[k++] = f;
	}
	buf_free(&name);
	jsonld_keep_rest(x, prop, a, used, k);
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
	struct buf prop = {0}, sub = {0};
	for (size_t i = 0; i < cnt; i++) {
		const struct ynode *it = jsonld_deref(x, n->kind == Y_SEQ
		                                      ? n->kids[i] : n,
		                                      "jobLocation");
		if (cnt > 1)
			part_name(&prop, "jobLocation", NULL, i + 1);
		else
			buf_printf(&prop, "jobLocation");
		struct place pl = {0};
		if (it->kind == Y_SCALAR) {
			pl.name = keep_text(x, it, NULL);
		} else if (it->kind == Y_MAP) {
			const struct ynode *an = ymap_get(it, "address");
			const struct ynode *a = jsonld_deref(x, an,
			                                     "jobLocation address");
			const struct ynode *nm = ymap_get(it, "name");
			if (nm)
				pl.name = keep_text(x, nm, part_name(&sub, prop.s,
				                                     "name", 0));
			if (a && a->kind != Y_NULL)
				p_address(x, a, &pl, part_name(&sub, prop.s,
				                               "address", 0));
			const struct ynode *used[2] = {an, nm};
			jsonld_keep_rest(x, prop.s, it, used, 2);
		} else if (it->kind != Y_NULL) {
			ykeep_extra(x, prop.s, it);
		}
		if (pl.name || pl.city || pl.region || pl.country)
			p->places[p->nplaces++] = pl;
	}
	buf_free(&prop);
	buf_free(&sub);
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
	struct buf b = {0}, name = {0};
	size_t cnt = n->kind == Y_SEQ ? n->n : 1;
	for (size_t i = 0; i < cnt; i++) {
		const struct ynode *it = n->kind == Y_SEQ ? n->kids[i] : n;
		if (it->kind != Y_SCALAR) {
			/* an object or a list is no type: kept, as it is */
			if (it->kind != Y_NULL)
				ykeep_extra(x, cnt > 1 ? part_name(&name,
				            "employmentType", NULL, i + 1)
				            : "employmentType", it);
			continue;
		}
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
	buf_free(&name);
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
		jsonld_first(x, n, "experienceRequirements");
		x->p->experience.min_years = v / 12;
		const struct ynode *d = ymap_get(m, "description");
		if (d)
			x->p->experience.note = keep_text(
				x, d, "experienceRequirements.description");
		const struct ynode *used[2] = {months, d};
		jsonld_keep_rest(x, "experienceRequirements", m, used, 2);
		return;
	}
	to_section(x, n, "Experience requirements", "experienceRequirements");
}

/* applicationContact: text, or a ContactPoint. */
static void
p_apply(struct lctx *x, const struct ynode *n)
{
	struct apply *a = &x->p->apply;
	n = jsonld_deref(x, jsonld_first(x, n, "applicationContact"),
	                 "applicationContact");
	if (!n || n->kind == Y_NULL)
		return;
	if (n->kind == Y_SCALAR) {
		a->note = keep_text(x, n, NULL);
		return;
	}
	if (n->kind != Y_MAP) {
		ykeep_extra(x, "applicationContact", n);
		return;
	}
	static const char *const keys[] = {"email", "url", "telephone",
	                                   "name", "description"};
	const char **to[] = {&a->email, &a->url, &a->phone, &a->note,
	                     &a->note};
	const struct ynode *used[5], *nm = ymap_get(n, "name");
	size_t k = 0;
	struct buf name = {0};
	for (size_t i = 0; i < 5; i++) {
		const struct ynode *f = ymap_get(n, keys[i]);
		/* (the description only when there is no name) */
		if (!f || (i == 4 && nm))
			continue;
		*to[i] = keep_text(x, f, part_name(&name, "applicationContact",
		                                   keys[i], 0));
		used[k++] = f;
	}
	buf_free(&name);
	jsonld_keep_rest(x, "applicationContact", n, used, k);
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
	const struct ynode *org = NULL, *overview = NULL, *direct = NULL;
	const struct ynode *description = NULL;
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
			if (v->kind == Y_SCALAR) {
				p->title = keep_text(x, v, NULL);
			} else {
				lerr(x, v, "title: expected text, found %s; "
				     "kept under Other", ykind_name(v));
				keep_other(x, m, key, v);
			}
		} else if (!strcmp(key, "name")) {
			name = v;
			ykeep_extra(x, key, v);
		} else if (!strcmp(key, "hiringOrganization")) {
			org = v; /* after employerOverview, which wins */
		} else if (!strcmp(key, "jobLocation")) {
			p_location(x, v);
		} else if (!strcmp(key, "jobLocationType")) {
			if (yis_text(yfirst(v), "TELECOMMUTE")) {
				p->workplace = WP_REMOTE;
				jsonld_first(x, v, key);
			} else {
				ykeep_extra(x, key, v);
			}
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
			description = v; /* once the lists it may give are */
		} else if (!strcmp(key, "responsibilities")) {
			to_list(x, v, &p->responsibilities, key);
		} else if (!strcmp(key, "qualifications")) {
			to_list(x, v, &p->qualifications, key);
		} else if (!strcmp(key, "skills")) {
			to_section(x, v, "Skills", key);
		} else if (!strcmp(key, "educationRequirements")) {
			to_section(x, v, "Education requirements", key);
		} else if (!strcmp(key, "experienceRequirements")) {
			p_experience(x, v);
		} else if (!strcmp(key, "jobBenefits")) {
			to_list(x, v, &p->benefits, key);
		} else if (!strcmp(key, "identifier")) {
			/* text, or a PropertyValue's value */
			const struct ynode *f = yfirst(v);
			const struct ynode *fv = f && f->kind == Y_MAP
			                         ? ymap_get(f, "value") : NULL;
			if ((fv ? fv : f) && (fv ? fv : f)->kind == Y_SCALAR) {
				p->identifier = keep_text(x, fv ? fv : f,
				                          NULL);
				jsonld_first(x, v, key);
				if (fv)
					jsonld_keep_rest(x, key, f, &fv, 1);
			} else {
				ykeep_extra(x, key, v);
			}
		} else if (!strcmp(key, "url")) {
			p->source = keep_text(x, v, key);
		} else if (!strcmp(key, "employerOverview")) {
			overview = v;
		} else if (!strcmp(key, "employmentUnit")) {
			p->department = keep_text(x, v, key);
		} else if (!strcmp(key, "applicationContact")) {
			p_apply(x, v);
		} else if (!strcmp(key, "directApply")) {
			direct = v; /* after applicationContact */
		} else if (!strcmp(key, "physicalRequirement") ||
		           !strcmp(key, "sensoryRequirement") ||
		           !strcmp(key, "securityClearanceRequirement") ||
		           !strcmp(key, "eligibilityToWorkRequirement")) {
			to_list(x, v, &p->conditions, key);
		} else {
			keep_other(x, m, key, v);
		}
	}
	if (overview)
		p->org.about = keep_text(x, overview, "employerOverview");
	if (org)
		p_org(x, org);
	if (direct) {
		/* true says how to apply when nothing else does; anything
		 * else (false) is kept as it is */
		if (yis_text(direct, "true") && !p->apply.note)
			p->apply.note = "Apply directly on the employer's site";
		else
			keep_other(x, m, "directApply", direct);
	}
	if (description && description->kind == Y_SCALAR)
		description_map(x, description->s, description->len);
	else if (description)
		p->summary = keep_text(x, description, "description");
	if (!(salary && jsonld_salary(x, salary, currency)) && currency)
		ykeep_extra(x, "salaryCurrency", currency);
	if (!p->title && name && name->kind == Y_SCALAR) {
		p->title = keep_text(x, name, NULL);
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
