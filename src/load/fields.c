/* SPDX-License-Identifier: MIT */
/* load/fields: the canonical keys (FORMAT.md) -> the model: one handler a
 * key, in one table, which every vocabulary's mapping shares. */
#include "load/internal.h"
#include "value.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

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
		     ykind_name(n));
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
	if (n->kind != Y_SCALAR || !value_amount(n->s, n->len, &v) || v > 100) {
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
		if (value_amount(n->s, len, &lo)) {
			;
		} else if (len > 1 && n->s[len - 1] == '+' &&
		           value_amount(n->s, len - 1, &lo)) {
			;
		} else if (value_split_range(n->s, len, &alen, &b, &blen) &&
		           value_amount(n->s, alen, &lo) &&
		           value_amount(b, blen, &hi)) {
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
		     "list, found %s", ykind_name(n));
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

/* The user's own marks, rating, status and note, as --with-state writes
 * them beside a posting: the state file's, not the posting's; passed
 * over without a word. */
static void
k_billet_state(struct lctx *x, const struct ynode *n)
{
	(void)x, (void)n;
}

/* The canonical keys in byte order, for bsearch. */
static const struct key_handler {
	const char *key;
	void (*fn)(struct lctx *x, const struct ynode *n);
} key_handlers[] = {
	{"apply", k_apply},
	{"benefits", k_benefits},
	{"billet_state", k_billet_state},
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

bool
canonical_key(struct lctx *x, const char *key, const struct ynode *v)
{
	const struct key_handler *h = bsearch(
		key, key_handlers, sizeof(key_handlers) / sizeof(key_handlers[0]),
		sizeof(key_handlers[0]), key_cmp);
	if (h)
		h->fn(x, v);
	return h != NULL;
}

void
canonical_map(struct lctx *x, const struct ynode *m)
{
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i], *v = m->kids[2 * i + 1];
		if (k->kind != Y_SCALAR) {
			if (k->kind != Y_NULL || !x->truncated)
				lerr(x, k, "a key must be text, found %s",
				     ykind_name(k));
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
