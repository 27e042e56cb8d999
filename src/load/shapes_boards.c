/* SPDX-License-Identifier: MIT */
/* load/shapes_boards: the public JSON of applicant-tracking job boards
 * (Greenhouse, Lever, Ashby, Workable, SmartRecruiters, Recruitee), each
 * recognised by the keys of its postings and mapped key by key; a key a
 * board's mapping does not place is kept under Other. Personio's XML feed
 * is mapped by shapes_personio.c. Where each shape is documented:
 * tests/data/shapes/README.md. */
#include "load/shapes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Helpers ----------------------------------------------------------------- */

/* The id is stable across the board's changes, unlike a place in the
 * file. */
bool
boards_id(struct lctx *x, const char *board, const struct ynode *v)
{
	const char *s = shapes_plain(x, v);
	if (!s)
		return false;
	struct buf b = {0};
	buf_printf(&b, "%s-%s", board, s);
	x->p->id = lkeep(x, b.s, b.len);
	buf_free(&b);
	return true;
}

/* True when m gives key (not null). */
static bool
has(const struct ynode *m, const char *key)
{
	const struct ynode *v = ymap_get(m, key);
	return v && v->kind != Y_NULL;
}

/* Places every place of a list (or one); an empty list is read too. */
static bool
places(struct lctx *x, const struct ynode *v)
{
	if (v->kind == Y_SEQ && v->n == 0)
		return true;
	size_t before = x->p->nplaces, cnt = v->kind == Y_SEQ ? v->n : 1;
	struct place pl;
	for (size_t i = 0; i < cnt; i++)
		if (shapes_place(x, v->kind == Y_SEQ ? v->kids[i] : v, &pl))
			shapes_place_add(x, &pl);
	return x->p->nplaces > before;
}

/* Joined as "Engineering / Platform" for a department and a team. */
bool
boards_department(struct lctx *x, const struct ynode *v)
{
	struct buf b = {0};
	size_t cnt = v->kind == Y_SEQ ? v->n : 1;
	for (size_t i = 0; i < cnt; i++) {
		const struct ynode *it = v->kind == Y_SEQ ? v->kids[i] : v;
		if (it->kind == Y_MAP)
			it = has(it, "name") ? ymap_get(it, "name")
			                     : ymap_get(it, "label");
		const char *s = shapes_plain(x, it);
		if (s)
			buf_printf(&b, "%s%s", b.len ? ", " : "", s);
	}
	bool ok = b.len > 0;
	if (ok && x->p->department && strcmp(x->p->department, b.s)) {
		struct buf j = {0};
		buf_printf(&j, "%s / %s", x->p->department, b.s);
		x->p->department = lkeep(x, j.s, j.len);
		buf_free(&j);
	} else if (ok && !x->p->department) {
		x->p->department = lkeep(x, b.s, b.len);
	}
	buf_free(&b);
	return ok;
}

/* Sets the summary from text (HTML); false when blank. */
static bool
summary(struct lctx *x, const struct ynode *v)
{
	x->p->summary = shapes_text(x, v);
	return x->p->summary != NULL;
}

/* Sets the workplace from a word or a boolean. */
static bool
workplace(struct lctx *x, const struct ynode *v)
{
	return shapes_workplace(v, &x->p->workplace);
}

/* Sets the posted date. */
static bool
posted(struct lctx *x, const struct ynode *v)
{
	return shapes_when(x, v, true, &x->p->posted);
}

/* Sets a text member. */
static bool
text(struct lctx *x, const struct ynode *v, const char **out)
{
	*out = shapes_plain(x, v);
	return *out != NULL;
}

void
boards_loop(struct lctx *x, const struct ynode *m, boards_key_fn *fn)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (k->kind != Y_SCALAR || shapes_empty(v))
			continue; /* nothing to place */
		if (!fn(x, m, k->s, v))
			shapes_unplaced(x, k->s, v);
	}
}

/* Greenhouse -------------------------------------------------------------- */

/* Greenhouse's custom fields ({name, value}) that name a field: placed,
 * the others keep the list under Other. */
static bool
gh_metadata(struct lctx *x, const struct ynode *v)
{
	if (v->kind != Y_SEQ)
		return false;
	bool all = true;
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *it = v->kids[i];
		const char *name = shapes_plain(x, ymap_get(it, "name"));
		const struct ynode *val = yfirst(ymap_get(it, "value"));
		bool ok = false;
		if (name && val && (strstr(name, "mployment") ||
		                    strstr(name, "Job Type"))) {
			x->p->employment.type = shapes_employment(x, val);
			ok = x->p->employment.type != NULL;
		} else if (name && val && (strstr(name, "Remote") ||
		                           strstr(name, "Location Type") ||
		                           strstr(name, "Workplace"))) {
			ok = workplace(x, val);
		} else if (name && val && (strstr(name, "Salary") ||
		                           strstr(name, "Pay") ||
		                           strstr(name, "Compensation"))) {
			ok = shapes_salary(x, val);
		}
		all = all && ok;
	}
	return all;
}

/* pay_input_ranges: [{min_cents, max_cents, currency_type, title}]. */
static bool
gh_pay(struct lctx *x, const struct ynode *v)
{
	const struct ynode *r = yfirst(v);
	double lo = -1, hi = -1;
	if (!r || r->kind != Y_MAP)
		return false;
	bool a = shapes_amount(ymap_get(r, "min_cents"), &lo);
	bool b = shapes_amount(ymap_get(r, "max_cents"), &hi);
	if (!a && !b)
		return false;
	const char *cur = shapes_plain(x, ymap_get(r, "currency_type"));
	shapes_salary_set(x, a ? lo / 100 : -1, b ? hi / 100 : -1, cur,
	                  PERIOD_YEAR);
	if (v->kind == Y_SEQ && v->n > 1)
		return false; /* the other ranges are kept */
	/* its title (where it applies) and blurb, as the salary's note */
	const char *t = shapes_plain(x, ymap_get(r, "title"));
	const char *bl = shapes_text(x, ymap_get(r, "blurb"));
	if (t && bl) {
		struct buf nb = {0};
		buf_printf(&nb, "%s: %s", t, bl);
		x->p->salary.note = lkeep(x, nb.s, nb.len);
		buf_free(&nb);
	} else {
		x->p->salary.note = t ? t : bl;
	}
	return true;
}

static bool
gh_key(struct lctx *x, const struct ynode *m, const char *k,
       const struct ynode *v)
{
	struct posting *p = x->p;
	if (!strcmp(k, "id"))
		return boards_id(x, "greenhouse", v);
	if (!strcmp(k, "title"))
		return (p->title = shapes_text(x, v)) != NULL;
	if (!strcmp(k, "absolute_url"))
		return text(x, v, &p->source);
	if (!strcmp(k, "location"))
		return places(x, v->kind == Y_MAP ? ymap_get(v, "name") : v);
	if (!strcmp(k, "offices") && !has(m, "location"))
		return places(x, v);
	if (!strcmp(k, "content"))
		return summary(x, v);
	if (!strcmp(k, "first_published"))
		return posted(x, v);
	if (!strcmp(k, "updated_at") && !has(m, "first_published"))
		return posted(x, v);
	if (!strcmp(k, "company_name"))
		return text(x, v, &p->org.name);
	if (!strcmp(k, "departments"))
		return boards_department(x, v);
	if (!strcmp(k, "application_deadline"))
		return shapes_when(x, v, false, &p->deadline);
	if (!strcmp(k, "metadata"))
		return gh_metadata(x, v);
	if (!strcmp(k, "pay_input_ranges"))
		return gh_pay(x, v);
	return false;
}

/* Lever ------------------------------------------------------------------- */

/* categories: {location, allLocations, commitment, team, department}. */
static bool
lever_categories(struct lctx *x, const struct ynode *v)
{
	if (v->kind != Y_MAP)
		return false;
	const struct ynode *all = ymap_get(v, "allLocations");
	bool several = all && all->kind == Y_SEQ && all->n > 0;
	for (size_t i = 0; i < v->n; i++) {
		const struct ynode *k = v->kids[2 * i], *f = v->kids[2 * i + 1];
		const char *s = k->kind == Y_SCALAR ? k->s : "?";
		bool ok = f->kind == Y_NULL;
		if (!strcmp(s, "allLocations"))
			ok = ok || places(x, f);
		else if (!strcmp(s, "location"))
			ok = ok || several || places(x, f);
		else if (!strcmp(s, "commitment"))
			ok = ok || (x->p->employment.type =
			            shapes_employment(x, f)) != NULL;
		else if (!strcmp(s, "department") || !strcmp(s, "team"))
			ok = ok || boards_department(x, f);
		if (!ok) {
			struct buf b = {0};
			buf_printf(&b, "categories.%s", s);
			shapes_unplaced(x, b.s, f);
			buf_free(&b);
		}
	}
	return true;
}

static bool
lever_key(struct lctx *x, const struct ynode *m, const char *k,
          const struct ynode *v)
{
	struct posting *p = x->p;
	if (!strcmp(k, "id"))
		return boards_id(x, "lever", v);
	if (!strcmp(k, "text"))
		return (p->title = shapes_text(x, v)) != NULL;
	if (!strcmp(k, "hostedUrl"))
		return text(x, v, &p->source);
	if (!strcmp(k, "applyUrl"))
		return text(x, v, &p->apply.url);
	if (!strcmp(k, "categories"))
		return lever_categories(x, v);
	if (!strcmp(k, "country"))
		return true; /* after the places (below) */
	if (!strcmp(k, "workplaceType"))
		return workplace(x, v);
	if (!strcmp(k, "createdAt"))
		return posted(x, v);
	/* the description as HTML, else as plain text; its parts (opening,
	 * body) are in it */
	if (!strcmp(k, "description"))
		return summary(x, v);
	if (!strcmp(k, "descriptionPlain"))
		return has(m, "description") || summary(x, v);
	if (!strcmp(k, "opening") || !strcmp(k, "openingPlain") ||
	    !strcmp(k, "descriptionBody") || !strcmp(k, "descriptionBodyPlain"))
		return has(m, "description") || has(m, "descriptionPlain");
	if (!strcmp(k, "lists")) {
		if (v->kind != Y_SEQ)
			return false;
		for (size_t i = 0; i < v->n; i++) {
			const struct ynode *it = v->kids[i];
			const char *h = shapes_plain(x, ymap_get(it, "text"));
			const struct ynode *c = ymap_get(it, "content");
			if (c)
				shapes_headed(x, h ? h : "More", c);
		}
		return true;
	}
	if (!strcmp(k, "additional")) {
		shapes_section_text(x, "Additional information", v);
		return true;
	}
	if (!strcmp(k, "additionalPlain")) {
		if (!has(m, "additional"))
			shapes_section_text(x, "Additional information", v);
		return true;
	}
	if (!strcmp(k, "salaryRange"))
		return shapes_salary(x, v);
	if (!strcmp(k, "salaryDescription") ||
	    !strcmp(k, "salaryDescriptionPlain")) {
		if (!strcmp(k, "salaryDescriptionPlain") &&
		    has(m, "salaryDescription"))
			return true;
		if (p->salary.present || has(m, "salaryRange"))
			return true; /* the salary's note: below */
		shapes_section_text(x, "Salary", v);
		return true;
	}
	if (!strcmp(k, "tags")) {
		shapes_items(x, v, &p->tags);
		return true;
	}
	return false;
}

/* What Lever gives for the posting as a whole: its country, the note of
 * its salary range. */
static void
lever_after(struct lctx *x, const struct ynode *m)
{
	struct posting *p = x->p;
	const struct ynode *c = ymap_get(m, "country");
	if (c && c->kind != Y_NULL) {
		/* the posting's country: every place's that names none */
		const char *cc = shapes_plain(x, c);
		for (size_t i = 0; cc && i < p->nplaces; i++)
			if (!p->places[i].country)
				p->places[i].country = cc;
		if (cc && p->nplaces == 0)
			shapes_place_add(x, &(struct place){.country = cc});
	}
	const struct ynode *d = has(m, "salaryDescription")
		? ymap_get(m, "salaryDescription")
		: ymap_get(m, "salaryDescriptionPlain");
	if (d && p->salary.present)
		p->salary.note = shapes_text(x, d);
	else if (d && has(m, "salaryRange"))
		shapes_section_text(x, "Salary", d);
}

/* Ashby ------------------------------------------------------------------- */

/* compensation: the Salary component of summaryComponents, with the
 * summary as its note; else the summary read as text. */
static bool
ashby_compensation(struct lctx *x, const struct ynode *v)
{
	if (v->kind != Y_MAP)
		return false;
	const struct ynode *sum = has(v, "compensationTierSummary")
		? ymap_get(v, "compensationTierSummary")
		: ymap_get(v, "scrapeableCompensationSalarySummary");
	const struct ynode *comps = ymap_get(v, "summaryComponents");
	for (size_t i = 0; comps && comps->kind == Y_SEQ && i < comps->n; i++) {
		const struct ynode *c = comps->kids[i];
		if (!yis_text(ymap_get(c, "compensationType"), "Salary"))
			continue;
		double lo = -1, hi = -1;
		shapes_amount(ymap_get(c, "minValue"), &lo);
		shapes_amount(ymap_get(c, "maxValue"), &hi);
		enum period pd = PERIOD_YEAR;
		const struct ynode *iv = ymap_get(c, "interval");
		if (iv && iv->kind == Y_SCALAR)
			shapes_period(iv->s, &pd);
		shapes_salary_set(x, lo, hi,
		                  shapes_plain(x, ymap_get(c, "currencyCode")),
		                  pd);
		if (x->p->salary.present) {
			x->p->salary.note = shapes_plain(x, sum);
			return true;
		}
	}
	if (sum && shapes_salary(x, sum))
		return true;
	if (!sum || sum->kind != Y_SCALAR)
		return false;
	shapes_section_text(x, "Compensation", sum);
	return true;
}

static bool
ashby_key(struct lctx *x, const struct ynode *m, const char *k,
          const struct ynode *v)
{
	struct posting *p = x->p;
	if (!strcmp(k, "id"))
		return boards_id(x, "ashby", v);
	if (!strcmp(k, "title"))
		return (p->title = shapes_text(x, v)) != NULL;
	if (!strcmp(k, "location")) {
		/* the primary place, with its address */
		struct place pl = {.name = shapes_plain(x, v)};
		const struct ynode *a = ymap_get(m, "address");
		struct place in;
		if (a && ymap_get(a, "postalAddress"))
			a = ymap_get(a, "postalAddress");
		if (a && a->kind == Y_MAP && shapes_place(x, a, &in)) {
			pl.city = in.city;
			pl.region = in.region;
			pl.country = in.country;
		}
		shapes_place_add(x, &pl);
		return pl.name != NULL;
	}
	if (!strcmp(k, "address"))
		return has(m, "location");
	if (!strcmp(k, "secondaryLocations"))
		return places(x, v);
	if (!strcmp(k, "department") || !strcmp(k, "team"))
		return boards_department(x, v);
	if (!strcmp(k, "workplaceType"))
		return workplace(x, v);
	if (!strcmp(k, "isRemote"))
		return has(m, "workplaceType") || workplace(x, v);
	if (!strcmp(k, "employmentType"))
		return (p->employment.type = shapes_employment(x, v)) != NULL;
	if (!strcmp(k, "descriptionHtml"))
		return summary(x, v);
	if (!strcmp(k, "descriptionPlain"))
		return has(m, "descriptionHtml") || summary(x, v);
	if (!strcmp(k, "publishedAt") || !strcmp(k, "publishedDate"))
		return posted(x, v);
	if (!strcmp(k, "jobUrl"))
		return text(x, v, &p->source);
	if (!strcmp(k, "applyUrl"))
		return text(x, v, &p->apply.url);
	if (!strcmp(k, "compensation"))
		return ashby_compensation(x, v);
	return false;
}

/* Workable ---------------------------------------------------------------- */

/* Words Workable's v3 API puts under state: a posting's, not a place's. */
static bool
workable_status(const struct ynode *v)
{
	return yis_text(v, "published") || yis_text(v, "draft") ||
	       yis_text(v, "closed") || yis_text(v, "archived");
}

static bool
workable_key(struct lctx *x, const struct ynode *m, const char *k,
             const struct ynode *v)
{
	struct posting *p = x->p;
	if (!strcmp(k, "shortcode"))
		return boards_id(x, "workable", v);
	if (!strcmp(k, "title"))
		return (p->title = shapes_text(x, v)) != NULL;
	if (!strcmp(k, "url"))
		return text(x, v, &p->source);
	if (!strcmp(k, "shortlink"))
		return has(m, "url") || text(x, v, &p->source);
	if (!strcmp(k, "application_url"))
		return text(x, v, &p->apply.url);
	if (!strcmp(k, "employment_type") || !strcmp(k, "type"))
		return (p->employment.type = shapes_employment(x, v)) != NULL;
	if (!strcmp(k, "workplace"))
		return workplace(x, v);
	if (!strcmp(k, "telecommuting") || !strcmp(k, "remote"))
		return has(m, "workplace") || workplace(x, v);
	if (!strcmp(k, "locations")) {
		if (v->kind == Y_SEQ && v->n == 0)
			return true; /* none: the city, state, country */
		return places(x, v);
	}
	if (!strcmp(k, "location")) {
		/* the SPI's and v3's {city, region, country, telecommuting,
		 * workplace_type} */
		const struct ynode *loc = ymap_get(m, "locations");
		bool have = loc && loc->kind == Y_SEQ && loc->n > 0;
		if (v->kind == Y_MAP) {
			const struct ynode *w = ymap_get(v, "workplace_type");
			if (!w || !workplace(x, w))
				w = ymap_get(v, "telecommuting");
			if (w && !has(m, "workplace"))
				workplace(x, w);
		}
		return have || places(x, v);
	}
	if (!strcmp(k, "city") || !strcmp(k, "country") ||
	    (!strcmp(k, "state") && !workable_status(v)))
		return true; /* one place of them: workable_after */
	if (!strcmp(k, "department"))
		return boards_department(x, v);
	if (!strcmp(k, "published_on") || !strcmp(k, "published"))
		return posted(x, v);
	if (!strcmp(k, "created_at") || !strcmp(k, "created"))
		return !has(m, "published_on") && !has(m, "published") &&
		       posted(x, v);
	if (!strcmp(k, "description") || !strcmp(k, "full_description"))
		return summary(x, v);
	if (!strcmp(k, "requirements")) {
		shapes_items(x, v, &p->qualifications);
		return true;
	}
	if (!strcmp(k, "benefits")) {
		shapes_items(x, v, &p->benefits);
		return true;
	}
	if (!strcmp(k, "salary"))
		return shapes_salary(x, v);
	return false;
}

/* The widget's city, state and country: one place, unless its locations
 * (or the location) give them again. */
static void
workable_after(struct lctx *x, const struct ynode *m)
{
	const struct ynode *loc = ymap_get(m, "locations");
	if ((loc && loc->kind == Y_SEQ && loc->n > 0) ||
	    (has(m, "location") && ymap_get(m, "location")->kind == Y_MAP))
		return;
	const struct ynode *st = ymap_get(m, "state");
	struct place pl = {
		.city = shapes_plain(x, ymap_get(m, "city")),
		.region = st && !workable_status(st) ? shapes_plain(x, st)
		                                     : NULL,
		.country = shapes_plain(x, ymap_get(m, "country")),
	};
	shapes_place_add(x, &pl);
}

/* SmartRecruiters -------------------------------------------------------- */

/* jobAd.sections: the company's description, the job's, its
 * qualifications, further information. */
static bool
sr_jobad(struct lctx *x, const struct ynode *v)
{
	const struct ynode *secs = ymap_get(v, "sections");
	if (!secs || secs->kind != Y_MAP)
		return false;
	struct posting *p = x->p;
	for (size_t i = 0; i < secs->n; i++) {
		const struct ynode *k = secs->kids[2 * i];
		const struct ynode *s = secs->kids[2 * i + 1];
		const struct ynode *t = ymap_get(s, "text");
		const char *title = shapes_plain(x, ymap_get(s, "title"));
		if (!t || k->kind != Y_SCALAR)
			continue;
		if (!strcmp(k->s, "companyDescription"))
			p->org.about = shapes_text(x, t);
		else if (!strcmp(k->s, "jobDescription"))
			p->summary = shapes_text(x, t);
		else if (!strcmp(k->s, "qualifications"))
			shapes_items(x, t, &p->qualifications);
		else
			shapes_headed(x, title ? title : k->s, t);
	}
	return true;
}

static bool
sr_key(struct lctx *x, const struct ynode *m, const char *k,
       const struct ynode *v)
{
	struct posting *p = x->p;
	(void)m;
	if (!strcmp(k, "id"))
		return boards_id(x, "smartrecruiters", v);
	if (!strcmp(k, "name"))
		return (p->title = shapes_text(x, v)) != NULL;
	if (!strcmp(k, "company")) {
		const struct ynode *n = has(v, "name") ? ymap_get(v, "name")
		                                       : ymap_get(v, "identifier");
		return text(x, n ? n : v, &p->org.name);
	}
	if (!strcmp(k, "location")) {
		if (yis_text(ymap_get(v, "hybrid"), "true"))
			p->workplace = WP_HYBRID;
		else if (yis_text(ymap_get(v, "remote"), "true"))
			p->workplace = WP_REMOTE;
		return places(x, v);
	}
	if (!strcmp(k, "releasedDate"))
		return posted(x, v);
	if (!strcmp(k, "typeOfEmployment"))
		return (p->employment.type = shapes_employment(x, v)) != NULL;
	if (!strcmp(k, "department"))
		return boards_department(x, v);
	if (!strcmp(k, "jobAd"))
		return sr_jobad(x, v);
	if (!strcmp(k, "postingUrl"))
		return text(x, v, &p->source);
	if (!strcmp(k, "applyUrl"))
		return text(x, v, &p->apply.url);
	return false;
}

/* Recruitee --------------------------------------------------------------- */

static bool
recruitee_key(struct lctx *x, const struct ynode *m, const char *k,
              const struct ynode *v)
{
	struct posting *p = x->p;
	if (!strcmp(k, "id"))
		return boards_id(x, "recruitee", v);
	if (!strcmp(k, "title"))
		return (p->title = shapes_text(x, v)) != NULL;
	if (!strcmp(k, "company_name"))
		return text(x, v, &p->org.name);
	if (!strcmp(k, "locations") || !strcmp(k, "city") ||
	    !strcmp(k, "state_name") || !strcmp(k, "country") ||
	    !strcmp(k, "location") || !strcmp(k, "state_code") ||
	    !strcmp(k, "country_code"))
		return true; /* the places: recruitee_after */
	if (!strcmp(k, "remote") || !strcmp(k, "hybrid") ||
	    !strcmp(k, "on_site")) {
		/* the one that is true: hybrid before remote before on site */
		if (yis_text(ymap_get(m, "hybrid"), "true"))
			p->workplace = WP_HYBRID;
		else if (yis_text(ymap_get(m, "remote"), "true"))
			p->workplace = WP_REMOTE;
		else if (yis_text(ymap_get(m, "on_site"), "true"))
			p->workplace = WP_ONSITE;
		return true;
	}
	if (!strcmp(k, "employment_type_code"))
		return (p->employment.type = shapes_employment(x, v)) != NULL;
	if (!strcmp(k, "published_at"))
		return posted(x, v);
	if (!strcmp(k, "created_at"))
		return !has(m, "published_at") && posted(x, v);
	if (!strcmp(k, "careers_url"))
		return text(x, v, &p->source);
	if (!strcmp(k, "careers_apply_url"))
		return text(x, v, &p->apply.url);
	if (!strcmp(k, "mailbox_email"))
		return text(x, v, &p->apply.email);
	if (!strcmp(k, "description"))
		return summary(x, v);
	if (!strcmp(k, "requirements")) {
		shapes_items(x, v, &p->qualifications);
		return true;
	}
	if (!strcmp(k, "salary"))
		return shapes_salary(x, v) ||
		       (v->kind == Y_MAP && !has(v, "min") && !has(v, "max"));
	if (!strcmp(k, "department"))
		return boards_department(x, v);
	if (!strcmp(k, "tags")) {
		shapes_items(x, v, &p->tags);
		return true;
	}
	return false;
}

/* The places: the locations when listed, else the city, state and country,
 * else the location as written. */
static void
recruitee_after(struct lctx *x, const struct ynode *m)
{
	const struct ynode *locs = ymap_get(m, "locations");
	if (locs && locs->kind == Y_SEQ && locs->n > 0 && places(x, locs))
		return;
	struct place pl = {
		.city = shapes_plain(x, ymap_get(m, "city")),
		.region = shapes_plain(x, ymap_get(m, "state_name")),
		.country = shapes_plain(x, ymap_get(m, "country")),
	};
	if (!pl.country)
		pl.country = shapes_plain(x, ymap_get(m, "country_code"));
	if (!pl.city && !pl.region && !pl.country)
		pl.name = shapes_plain(x, ymap_get(m, "location"));
	shapes_place_add(x, &pl);
}

/* The boards --------------------------------------------------------------- */

/* True when m has key title as text. */
static bool
titled(const struct ynode *m, const char *key)
{
	const struct ynode *v = ymap_get(m, key);
	return v && v->kind == Y_SCALAR;
}

enum shape_kind
boards_which(const struct ynode *m)
{
	bool title = titled(m, "title");
	if (title && (has(m, "absolute_url") || has(m, "internal_job_id")))
		return SHAPE_GREENHOUSE;
	if (titled(m, "text") && (has(m, "hostedUrl") ||
	                          ymap_get(m, "categories")))
		return SHAPE_LEVER;
	if (title && (has(m, "jobUrl") || has(m, "descriptionHtml") ||
	              ymap_get(m, "secondaryLocations")))
		return SHAPE_ASHBY;
	if (title && has(m, "shortcode"))
		return SHAPE_WORKABLE;
	if (titled(m, "name") && (has(m, "releasedDate") || has(m, "jobAd") ||
	                          has(m, "typeOfEmployment") ||
	                          has(m, "refNumber")))
		return SHAPE_SMARTRECRUITERS;
	if (title && (has(m, "careers_url") || has(m, "careers_apply_url") ||
	              has(m, "employment_type_code")))
		return SHAPE_RECRUITEE;
	return SHAPE_NAMES;
}

void
boards_map(struct lctx *x, const struct ynode *m, enum shape_kind kind)
{
	static const char *const vocabs[SHAPE_NKINDS] = {
		[SHAPE_GREENHOUSE] = "greenhouse", [SHAPE_LEVER] = "lever",
		[SHAPE_ASHBY] = "ashby", [SHAPE_WORKABLE] = "workable",
		[SHAPE_SMARTRECRUITERS] = "smartrecruiters",
		[SHAPE_RECRUITEE] = "recruitee", [SHAPE_PERSONIO] = "personio",
	};
	shapes_state(x)->vocab = vocabs[kind];
	switch (kind) {
	case SHAPE_GREENHOUSE:
		boards_loop(x, m, gh_key);
		break;
	case SHAPE_LEVER:
		boards_loop(x, m, lever_key);
		lever_after(x, m);
		break;
	case SHAPE_ASHBY:
		boards_loop(x, m, ashby_key);
		break;
	case SHAPE_WORKABLE:
		boards_loop(x, m, workable_key);
		workable_after(x, m);
		break;
	case SHAPE_SMARTRECRUITERS:
		boards_loop(x, m, sr_key);
		break;
	case SHAPE_RECRUITEE:
		boards_loop(x, m, recruitee_key);
		recruitee_after(x, m);
		break;
	case SHAPE_PERSONIO:
		personio_map(x, m);
		break;
	default:
		names_map(x, m);
		break;
	}
	x->sh->vocab = NULL;
}

const char *
boards_name(enum shape_kind kind)
{
	switch (kind) {
	case SHAPE_GREENHOUSE: return "a Greenhouse job board";
	case SHAPE_LEVER: return "a Lever postings list";
	case SHAPE_ASHBY: return "an Ashby job board";
	case SHAPE_WORKABLE: return "a Workable job list";
	case SHAPE_SMARTRECRUITERS: return "SmartRecruiters postings";
	case SHAPE_RECRUITEE: return "a Recruitee offers list";
	case SHAPE_PERSONIO: return "a Personio XML feed";
	default: return "a list of postings";
	}
}
