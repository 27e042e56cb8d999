/* SPDX-License-Identifier: MIT */
/* load/shapes_personio: a position of Personio's XML job feed (its nodes
 * made by xml.c) mapped on the canonical fields: name the title,
 * subcompany the organization, office and additionalOffices the places,
 * jobDescriptions the summary, lists and sections under their headings,
 * employmentType and schedule the employment, yearsOfExperience the
 * experience, createdAt the posted date, keywords the tags; the other
 * keys (recruitingCategory, seniority, occupation...) are kept under
 * Other. Where the shape is documented: tests/data/shapes/README.md. */
#include "load/description.h"
#include "load/html.h"
#include "load/shapes.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The values of v: its items when it is a list, else v alone. */
static size_t
items_of(const struct ynode *v, const struct ynode *const **out)
{
	static const struct ynode *one[1];
	if (v->kind == Y_SEQ) {
		*out = (const struct ynode *const *)v->kids;
		return v->n;
	}
	one[0] = v;
	*out = one;
	return 1;
}

/* additionalOffices: {office: NAME} or {office: [NAME...]}; true when
 * it holds nothing but offices. */
static bool
offices_ok(const struct ynode *v)
{
	if (v->kind != Y_MAP)
		return false;
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *k = v->kids[2 * i], *o = v->kids[2 * i + 1];
		if (!yis_text(k, "office"))
			return false;
		size_t n = o->kind == Y_SEQ ? o->n : 1;
		for (size_t j = 0; j < n; j++)
			if ((o->kind == Y_SEQ ? o->kids[j] : o)->kind != Y_SCALAR)
				return false;
	}
	return true;
}

/* Adds the place called name unless it is there already. */
static void
office_add(struct lctx *x, const char *name)
{
	struct posting *p = x->p;
	if (!name)
		return;
	for (size_t i = 0; i < p->nplaces; i++)
		if (p->places[i].name && !strcmp(p->places[i].name, name))
			return;
	shapes_place_add(x, &(struct place){.name = name});
}

/* jobDescriptions: {jobDescription: {name, value}} or a list of them,
 * each value HTML: one description, each block under its name as a
 * heading. False when a block is not {name, value} of text (the key is
 * then kept under Other as well). */
static bool
descriptions(struct lctx *x, const struct ynode *v)
{
	const struct ynode *d = ymap_get(v, "jobDescription");
	if (!d || v->n != 1)
		return false;
	const struct ynode *const *blocks;
	size_t n = items_of(d, &blocks);
	struct prose p = {0};
	bool all = true;
	for (size_t i = 0; i < n; i++) {
		const struct ynode *name = ymap_get(blocks[i], "name");
		const struct ynode *val = ymap_get(blocks[i], "value");
		if (!val || val->kind != Y_SCALAR ||
		    (name && name->kind != Y_SCALAR) || blocks[i]->n > 2) {
			all = false;
			continue;
		}
		if (name) {
			struct buf h = {0};
			html_to_text(&h, name->s, name->len);
			prose_add(&p, PROSE_HEADING, 2, 0, h.s ? h.s : "", h.len);
			buf_free(&h);
		}
		html_blocks(val->s, val->len, &p);
	}
	description_map_blocks(x, &p);
	prose_free(&p);
	return all;
}

/* employmentType where it names one of the canonical types ("intern",
 * "freelance"), or "permanent" (the classification); NULL for the
 * others (trainee, working_student...), kept under Other. */
static const char *
contract_type(const char *s, bool *classification)
{
	static const struct {
		const char *in, *out;
	} types[] = {
		{"intern", "internship"}, {"internship", "internship"},
		{"freelance", "contract"}, {"freelancer", "contract"},
		{"contract", "contract"}, {"temporary", "temporary"},
		{"volunteer", "volunteer"},
	};
	*classification = s && !strcasecmp(s, "permanent");
	if (*classification)
		return "permanent";
	for (size_t i = 0; s && i < sizeof(types) / sizeof(*types); i++)
		if (!strcasecmp(s, types[i].in))
			return types[i].out;
	return NULL;
}

/* schedule: full-time, part-time, full-or-part-time. */
static const char *
schedule(const char *s)
{
	if (!s)
		return NULL;
	if (!strcasecmp(s, "full-time"))
		return "full-time";
	if (!strcasecmp(s, "part-time"))
		return "part-time";
	if (!strcasecmp(s, "full-or-part-time"))
		return "full-time, part-time";
	return NULL;
}

/* yearsOfExperience: "lt-1", "1-2", "2-5"... "10-15", "gt-15". */
static bool
experience(struct lctx *x, const struct ynode *v)
{
	const char *s = shapes_plain(x, v);
	if (!s)
		return false;
	char *e;
	if (!strncmp(s, "lt-", 3) || !strncmp(s, "gt-", 3)) {
		long n = strtol(s + 3, &e, 10);
		if (e == s + 3 || *e || n < 0 || n > 99)
			return false;
		if (s[0] == 'l')
			x->p->experience.max_years = (double)n;
		else
			x->p->experience.min_years = (double)n;
		return true;
	}
	long lo = strtol(s, &e, 10);
	if (e == s || *e != '-' || lo < 0)
		return false;
	const char *h = e + 1;
	long hi = strtol(h, &e, 10);
	if (e == h || *e || hi < lo || hi > 99)
		return false;
	x->p->experience.min_years = (double)lo;
	x->p->experience.max_years = (double)hi;
	return true;
}

/* keywords: "Payments,B2C, Remote" -> tags. */
static bool
keywords(struct lctx *x, const struct ynode *v)
{
	const char *s = shapes_plain(x, v);
	if (!s)
		return false;
	size_t n = 0, cap = 8;
	const char **tags = xmalloc(cap * sizeof(*tags));
	while (*s) {
		size_t len = strcspn(s, ",");
		const char *a = s, *e = s + len;
		while (a < e && (*a == ' ' || *a == '\t' || *a == '\n'))
			a++;
		while (e > a && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n'))
			e--;
		if (e > a) {
			if (n == cap)
				tags = xrealloc(tags, (cap *= 2) * sizeof(*tags));
			tags[n++] = lkeep(x, a, (size_t)(e - a));
		}
		s += len + (s[len] == ',');
	}
	struct strlist *out = &x->p->tags;
	const char **v2 = arena_alloc(&x->c->arena,
	                              (out->n + n ? out->n + n : 1) *
	                              sizeof(*v2));
	if (!v2)
		die_nomem();
	if (out->n)
		memcpy(v2, out->v, out->n * sizeof(*v2));
	memcpy(v2 + out->n, tags, n * sizeof(*v2));
	out->v = v2;
	out->n += n;
	free(tags);
	return n > 0;
}

static bool
personio_key(struct lctx *x, const struct ynode *m, const char *k,
             const struct ynode *v)
{
	struct posting *p = x->p;
	bool cls;
	if (!strcmp(k, "id"))
		return boards_id(x, "personio", v);
	if (!strcmp(k, "name"))
		return (p->title = shapes_text(x, v)) != NULL;
	if (!strcmp(k, "subcompany"))
		return (p->org.name = shapes_text(x, v)) != NULL;
	if (!strcmp(k, "office"))
		return v->kind == Y_SCALAR; /* the places: personio_after */
	if (!strcmp(k, "additionalOffices"))
		return offices_ok(v);
	if (!strcmp(k, "department"))
		return boards_department(x, v);
	if (!strcmp(k, "jobDescriptions"))
		return descriptions(x, v);
	if (!strcmp(k, "employmentType"))
		return contract_type(shapes_plain(x, v), &cls) != NULL;
	if (!strcmp(k, "schedule"))
		return schedule(shapes_plain(x, v)) != NULL;
	if (!strcmp(k, "yearsOfExperience"))
		return experience(x, v);
	if (!strcmp(k, "keywords"))
		return keywords(x, v);
	if (!strcmp(k, "createdAt"))
		return shapes_when(x, v, true, &p->posted);
	(void)m;
	return false;
}

/* What the position gives as a whole: its places (the office first,
 * then the additional ones not said already; all of them words for
 * remote: the workplace too), its employment (the contract's type and
 * the schedule). */
static void
personio_after(struct lctx *x, const struct ynode *m)
{
	struct posting *p = x->p;
	office_add(x, shapes_plain(x, ymap_get(m, "office")));
	const struct ynode *more = ymap_get(m, "additionalOffices");
	if (more && offices_ok(more)) {
		const struct ynode *const *o;
		size_t n = items_of(ymap_get(more, "office"), &o);
		for (size_t i = 0; i < n; i++)
			office_add(x, shapes_plain(x, o[i]));
	}
	bool remote = p->nplaces > 0;
	for (size_t i = 0; i < p->nplaces && remote; i++) {
		enum workplace w = WP_NONE;
		struct ynode n = {.kind = Y_SCALAR, .s = p->places[i].name,
		                  .len = strlen(p->places[i].name)};
		remote = shapes_workplace(&n, &w) && w == WP_REMOTE;
	}
	if (remote)
		p->workplace = WP_REMOTE;
	bool cls;
	const char *c = contract_type(shapes_plain(x, ymap_get(m,
	                              "employmentType")), &cls);
	const char *s = schedule(shapes_plain(x, ymap_get(m, "schedule")));
	if (cls)
		p->employment.classification = lkeep(x, c, strlen(c));
	const char *t = cls ? NULL : c;
	if (t || s) {
		struct buf b = {0};
		buf_printf(&b, "%s%s%s", t ? t : "", t && s ? ", " : "",
		           s ? s : "");
		p->employment.type = lkeep(x, b.s, b.len);
		buf_free(&b);
	}
}

void
personio_map(struct lctx *x, const struct ynode *m)
{
	boards_loop(x, m, personio_key);
	personio_after(x, m);
}
