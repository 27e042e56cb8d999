/* SPDX-License-Identifier: MIT */
/* The loader: every form of FORMAT.md, every problem at its place, hostile
 * input refused cleanly, the samples and the schema.org examples. */
#include <criterion/criterion.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "export.h"
#include "identity.h"
#include "load.h"
#include "posting.h"
#include "testlib.h"

static struct catalog c;

static void
setup(void)
{
	catalog_init(&c);
}

static void
teardown(void)
{
	catalog_free(&c);
}

TestSuite(load, .init = setup, .fini = teardown);

/* p's id is a default (identity.h), and the id billet gave it before
 * stable ids was old: the file's stem, "#N" the document's number. */
static void
default_id_is(const struct posting *p, const char *old)
{
	cr_assert(p->id_made, "id '%s' is given", p->id);
	struct buf b = {0};
	identity_legacy(&b, p);
	cr_assert_str_eq(b.s, old);
	buf_free(&b);
}

/* Loads a string as file "t.yaml"; returns postings added. */
static size_t
load(const char *s)
{
	return load_buffer(&c, "t.yaml", s, strlen(s), NULL);
}

/* Loads with limits. */
static size_t
load_lim(const char *s, size_t len, const struct load_limits *lim)
{
	return load_buffer(&c, "t.yaml", s, len, lim);
}

Test(load, minimal_posting)
{
	cr_assert_eq(load("title: Organizer\norganization: ACME\n"), 1);
	struct posting *p = c.v[0];
	cr_assert_str_eq(p->title, "Organizer");
	cr_assert_str_eq(p->org.name, "ACME");
	default_id_is(p, "t");
	cr_assert_eq(c.nproblems, 0);
	cr_assert(!p->salary.present);
	cr_assert_eq(p->experience.min_years, -1);
}

Test(load, every_form_of_the_example)
{
	const char *y =
		"id: nyic-upstate-director-advocacy\n"
		"title: Upstate Director of Advocacy\n"
		"organization:\n  name: New York Immigration Coalition\n"
		"  short: NYIC\n"
		"location:\n  name: Western New York\n  region: NY\n  country: US\n"
		"travel: Regular travel within Western NY\n"
		"employment: full-time\n"
		"experience: {min_years: 5, max_years: 10, note: ideally Buffalo}\n"
		"supervises: A team of at least 5 staff\n"
		"languages:\n  - {name: Spanish, level: strongly preferred}\n"
		"conditions:\n  - Driver's license\n"
		"deadline: rolling\n"
		"tags: [immigrants' rights, coalition]\n"
		"responsibilities:\n  - Serve as spokesperson\n";
	cr_assert_eq(load(y), 1);
	struct posting *p = c.v[0];
	dump_problems(&c);
	cr_assert_eq(c.nproblems, 0);
	cr_assert_str_eq(p->id, "nyic-upstate-director-advocacy");
	cr_assert_str_eq(p->org.short_name, "NYIC");
	cr_assert_eq(p->nplaces, 1);
	cr_assert_str_eq(p->places[0].region, "NY");
	cr_assert_str_eq(p->employment.type, "full-time");
	cr_assert_eq(p->experience.min_years, 5);
	cr_assert_eq(p->experience.max_years, 10);
	cr_assert_str_eq(p->experience.note, "ideally Buffalo");
	cr_assert_eq(p->nlanguages, 1);
	cr_assert_str_eq(p->languages[0].level, "strongly preferred");
	cr_assert_str_eq(p->deadline.text, "rolling");
	cr_assert_eq(p->deadline.ymd, 0);
	cr_assert_eq(p->tags.n, 2);
	cr_assert_str_eq(p->tags.v[0], "immigrants' rights");
	cr_assert_eq(p->responsibilities.n, 1);
	cr_assert_eq(p->conditions.n, 1);
}

Test(load, salary_forms)
{
	load("title: a\norganization: o\nsalary: 62400\n---\n"
	     "title: b\norganization: o\nsalary: \"62400-67000\"\n---\n"
	     "title: c\norganization: o\nsalary: $62,400 - $67,000\n---\n"
	     "title: d\norganization: o\nsalary: {min: 26, max: 31.5, "
	     "period: hour}\n---\n"
	     "title: e\norganization: o\nsalary: {min: 3000, currency: eur, "
	     "period: month}\n---\n"
	     "title: f\norganization: o\nsalary: $26–31.50/h\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 6);
	cr_assert_eq(c.nproblems, 0);
	cr_assert_eq(c.v[0]->salary.min, 62400);
	cr_assert_eq(c.v[0]->salary.max, 62400);
	cr_assert_eq(c.v[1]->salary.max, 67000);
	cr_assert_eq(c.v[2]->salary.min, 62400);
	cr_assert_eq(c.v[2]->salary.max, 67000);
	cr_assert_eq(c.v[3]->salary.period, PERIOD_HOUR);
	cr_assert_eq(c.v[3]->salary.max, 31.5);
	cr_assert_str_eq(c.v[4]->salary.currency, "EUR");
	cr_assert_eq(c.v[4]->salary.max, 3000);
	cr_assert_eq(c.v[5]->salary.period, PERIOD_HOUR);
	cr_assert_eq(c.v[5]->salary.min, 26);
	cr_assert_eq(c.v[5]->salary.max, 31.5);
	/* ids of a multi-document file */
	default_id_is(c.v[0], "t#1");
	default_id_is(c.v[5], "t#6");
	double lo, hi;
	cr_assert(posting_salary_yearly(c.v[3], &lo, &hi));
	cr_assert_eq(lo, 26 * 2080);
	cr_assert_eq(hi, 31.5 * 2080);
}

Test(load, salary_compact_and_full)
{
	load("title: a\norganization: o\nsalary: 62400-67000\n---\n"
	     "title: b\norganization: o\nsalary: {min: 26, max: 31.5, "
	     "period: hour}\n");
	struct buf b = {0};
	salary_compact(&b, &c.v[0]->salary);
	cr_assert_str_eq(b.s, "$62.4k–67k");
	buf_clear(&b);
	salary_compact(&b, &c.v[1]->salary);
	cr_assert_str_eq(b.s, "$26–31.50/h");
	buf_clear(&b);
	salary_full(&b, &c.v[0]->salary);
	cr_assert_str_eq(b.s, "$62,400–$67,000 a year");
	buf_free(&b);
}

/* A posting as --show --format fmt writes it (caller frees). */
static char *
shown(const struct posting *p, enum format fmt)
{
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);
	cr_assert_not_null(f);
	export_show(f, p, fmt, 80, NULL);
	fclose(f);
	return s;
}

/* Only min or only max: a range open above or below, not one figure. */
Test(load, salary_open_ranges)
{
	load("id: up\ntitle: a\norganization: o\nsalary: {max: 90000}\n---\n"
	     "id: from\ntitle: b\norganization: o\nsalary: {min: 26, "
	     "period: hour, note: plus tips}\n---\n"
	     "id: one\ntitle: c\norganization: o\nsalary: {min: 50000, "
	     "max: 50000}\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 3);
	cr_assert_eq(c.nproblems, 0);
	const struct salary *up = &c.v[0]->salary, *from = &c.v[1]->salary,
	                    *one = &c.v[2]->salary;
	cr_assert(up->present && up->open_below && !up->open_above);
	cr_assert_eq(up->max, 90000);
	cr_assert(from->present && from->open_above && !from->open_below);
	cr_assert_eq(from->min, 26);
	cr_assert(!one->open_below && !one->open_above);
	struct buf b = {0};
	salary_full(&b, up);
	cr_assert_str_eq(b.s, "up to $90,000 a year");
	buf_clear(&b);
	salary_full(&b, from);
	cr_assert_str_eq(b.s, "from $26 an hour (plus tips)");
	buf_clear(&b);
	salary_full(&b, one);
	cr_assert_str_eq(b.s, "$50,000 a year");
	buf_clear(&b);
	salary_compact(&b, up);
	cr_assert_str_eq(b.s, "≤$90k");
	buf_clear(&b);
	salary_compact(&b, from);
	cr_assert_str_eq(b.s, "$26+/h");
	buf_clear(&b);
	salary_compact(&b, one);
	cr_assert_str_eq(b.s, "$50k");
	buf_free(&b);
	/* per year, an open end is no bound: 0 below, infinity above */
	double lo, hi;
	cr_assert(posting_salary_yearly(c.v[0], &lo, &hi));
	cr_assert_eq(lo, 0);
	cr_assert_eq(hi, 90000);
	cr_assert(posting_salary_yearly(c.v[1], &lo, &hi));
	cr_assert_eq(lo, 26 * 2080);
	cr_assert(isinf(hi));
	cr_assert(posting_salary_yearly(c.v[2], &lo, &hi));
	cr_assert_eq(lo, 50000);
	cr_assert_eq(hi, 50000);
	/* the detail view says so too */
	char *s = shown(c.v[0], FMT_TEXT);
	cr_assert(strstr(s, "Salary:       up to $90,000 a year\n"), "%s", s);
	free(s);
}

/* Export writes back only the end that was given, and reads back the
 * same. */
Test(load, salary_open_ranges_export_and_read_back)
{
	load("id: up\ntitle: a\norganization: o\nsalary: {max: 90000}\n---\n"
	     "id: from\ntitle: b\norganization: o\nsalary: {min: 50000}\n");
	cr_assert_eq(c.n, 2);
	char *y0 = shown(c.v[0], FMT_YAML), *y1 = shown(c.v[1], FMT_YAML);
	cr_assert(strstr(y0, "salary:\n  max: 90000\n  currency: USD\n"),
	          "%s", y0);
	cr_assert_null(strstr(y0, "min:"), "%s", y0);
	cr_assert(strstr(y1, "salary:\n  min: 50000\n  currency: USD\n"),
	          "%s", y1);
	cr_assert_null(strstr(y1, "max:"), "%s", y1);
	char *j0 = shown(c.v[0], FMT_JSON);
	cr_assert(strstr(j0, "\"salary\": {\n    \"max\": 90000,"), "%s", j0);
	cr_assert_null(strstr(j0, "\"min\""), "%s", j0);
	/* read back: the same postings, written the same again */
	struct buf all = {0};
	buf_adds(&all, y0);
	buf_adds(&all, "---\n");
	buf_adds(&all, y1);
	catalog_free(&c);
	catalog_init(&c);
	cr_assert_eq(load_buffer(&c, "rt.yaml", all.s, all.len, NULL), 2);
	dump_problems(&c);
	cr_assert_eq(c.nproblems, 0);
	char *z0 = shown(c.v[0], FMT_YAML), *z1 = shown(c.v[1], FMT_YAML);
	cr_assert_str_eq(z0, y0);
	cr_assert_str_eq(z1, y1);
	free(y0), free(y1), free(j0), free(z0), free(z1);
	buf_free(&all);
}

/* The top-level keys of a YAML posting, in order, one a line. */
static char *
top_keys(const char *yaml)
{
	struct buf b = {0};
	for (const char *l = yaml; *l;) {
		const char *nl = strchr(l, '\n');
		size_t len = nl ? (size_t)(nl - l) : strlen(l);
		const char *colon = memchr(l, ':', len);
		if (len && *l != ' ' && *l != '-' && colon) {
			buf_add(&b, l, (size_t)(colon - l));
			buf_addc(&b, '\n');
		}
		l += len + (nl != NULL);
	}
	return b.s ? buf_steal(&b) : strdup("");
}

/* Reloads a posting's export as the only posting of the catalog. */
static void
reload(const char *text, const char *name)
{
	catalog_free(&c);
	catalog_init(&c);
	cr_assert_eq(load_buffer(&c, name, text, strlen(text), NULL), 1);
	dump_problems(&c);
	cr_assert_eq(c.nproblems, 0, "%s", text);
}

/* An unknown key inside a mapping the loader knows is kept at the top
 * level; written back it must neither repeat a key nor take a field's
 * place: it goes under NAME~2. */
Test(load, kept_values_never_pose_as_fields)
{
	load("id: q\ntitle: Real\norganization: O\nsalary: lots\n"
	     "experience: many\n");
	cr_assert_eq(c.n, 1);
	cr_assert_str_eq(c.v[0]->title, "Real");
	cr_assert_eq(c.v[0]->nextra, 2);
	char *y = shown(c.v[0], FMT_YAML), *j = shown(c.v[0], FMT_JSON);
	char *k = top_keys(y);
	cr_assert_str_eq(k, "id\ntitle\norganization\nsalary~2\n"
	                    "experience~2\n", "%s", y);
	cr_assert(strstr(y, "\nsalary~2: lots\n") &&
	          strstr(y, "\nexperience~2: many\n"), "%s", y);
	cr_assert(strstr(j, "\"salary~2\": \"lots\"") &&
	          strstr(j, "\"experience~2\": \"many\""), "%s", j);
	cr_assert_null(strstr(j, "\"salary\": \"lots\""), "%s", j);
	/* both read back without a problem, as the same posting */
	const char *texts[] = {y, j}, *names[] = {"rt.yaml", "rt.json"};
	for (int i = 0; i < 2; i++) {
		reload(texts[i], names[i]);
		cr_assert_eq(c.nproblems, 0);
		cr_assert_str_eq(c.v[0]->id, "q");
		cr_assert_str_eq(c.v[0]->title, "Real");
		cr_assert(!c.v[0]->salary.present);
		cr_assert_eq(c.v[0]->nextra, 2);
		cr_assert_str_eq(c.v[0]->extra[0].key, "salary~2");
		cr_assert_str_eq(c.v[0]->extra[0].s, "lots");
		char *z = shown(c.v[0], FMT_YAML);
		cr_assert_str_eq(z, y);
		free(z);
	}
	free(y), free(j), free(k);
}

/* A note the state gives. */
static const char *
a_note(void *ctx, const struct posting *p)
{
	(void)ctx, (void)p;
	return "my note";
}

/* Names taken: by a field (even one the posting does not give), by what
 * the state adds, by an earlier kept value; a kept key that takes none of
 * them keeps its name, and NAME~N takes the first N free. */
Test(load, kept_values_names_each_once)
{
	load("id: s\ntitle: T\norganization: O\ntitle~2: literal\nnote: top\n"
	     "summary: [inner]\n"
	     "sections:\n  A:\n    salary: {x: 1}\n    title: {x: 2}\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 1);
	cr_assert_eq(c.v[0]->nextra, 5);
	cr_assert(!c.v[0]->salary.present);
	char *y = shown(c.v[0], FMT_YAML), *k = top_keys(y);
	cr_assert_str_eq(k, "id\ntitle\norganization\nsections\ntitle~2\n"
	                    "note\nsummary~2\nsalary~2\ntitle~3\n", "%s", y);
	free(k);
	/* a note from the state goes under billet_state: the kept note
	 * keeps its name */
	struct export_hooks h = {.note = a_note};
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);
	cr_assert_not_null(f);
	export_show(f, c.v[0], FMT_YAML, 80, &h);
	fclose(f);
	k = top_keys(s);
	cr_assert_str_eq(k, "id\ntitle\norganization\nsections\ntitle~2\n"
	                    "note\nsummary~2\nsalary~2\ntitle~3\n"
	                    "billet_state\n", "%s", s);
	cr_assert(strstr(s, "\nnote: top\n") &&
	          strstr(s, "\nbillet_state:\n  note: my note\n"), "%s", s);
	free(k), free(s);
	/* read back, the names stay as written */
	reload(y, "rt.yaml");
	cr_assert(!c.v[0]->salary.present);
	char *z = shown(c.v[0], FMT_YAML);
	cr_assert_str_eq(z, y);
	free(z), free(y);
}

/* billet_state, the user's own marks as --with-state writes them beside
 * a posting, is no field of it: passed over without a word, not kept
 * under Other; and a name the writers treat as taken. */
Test(load, billet_state_passed_over)
{
	static const char *const texts[][2] = {
		{"t.yaml", "id: s\ntitle: T\norganization: O\nbillet_state:\n"
		 "  marked: true\n  rating: 4\n  status: applied\n"
		 "  note: call back\nzeta: 1\n"},
		{"t.yaml", "id: s\ntitle: T\norganization: O\n"
		 "billet_state: [odd, shape]\nzeta: 1\n"},
		{"t.json", "{\"@type\": \"JobPosting\", \"title\": \"T\", "
		 "\"hiringOrganization\": \"O\", \"identifier\": \"s\", "
		 "\"billet_state\": {\"rating\": 4}, \"zeta\": 1}"},
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		catalog_free(&c);
		catalog_init(&c);
		load_buffer(&c, texts[i][0], texts[i][1], strlen(texts[i][1]),
		            NULL);
		dump_problems(&c);
		cr_assert_eq(c.n, 1);
		cr_assert_eq(c.nproblems, 0, "%s", texts[i][1]);
		cr_assert_eq(c.v[0]->nextra, 1, "%s", texts[i][1]);
		cr_assert_str_eq(c.v[0]->extra[0].key, "zeta");
	}
	cr_assert(posting_field_key("billet_state"));
}

/* A currency is a code ISO 4217 lists, in any case; three letters that
 * name none are an error, and the salary is kept under Other. */
Test(load, salary_currency_is_an_iso_code)
{
	load("title: a\norganization: o\nsalary: {min: 1, currency: chf}\n"
	     "---\ntitle: b\norganization: o\nsalary: {min: 1, currency: XYZ}"
	     "\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 2);
	cr_assert_str_eq(c.v[0]->salary.currency, "CHF");
	cr_assert(!c.v[1]->salary.present);
	cr_assert(has_problem(&c, 7, 28, true, "salary: currency: expected a "
	                      "three-letter ISO 4217 code such as USD"));
	cr_assert_eq(c.nerrors, 1);
	cr_assert_str_eq(c.v[1]->extra[0].key, "salary");
}

Test(load, type_errors_at_their_place)
{
	load("title: A\norganization: B\nsalary: lots\nexperience: many\n"
	     "posted: 2026-02-30\ntags: {a: b}\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 1, "the rest of the posting still loads");
	cr_assert(c.v[0]->problems);
	cr_assert(has_problem(&c, 3, 9, true, "salary: expected a number"));
	cr_assert(has_problem(&c, 4, 13, true, "experience:"));
	cr_assert(has_problem(&c, 5, 9, true, "not a valid date"));
	cr_assert(has_problem(&c, 6, 7, true, "tags: expected a list"));
	/* the bad values are kept, not lost */
	cr_assert_eq(c.v[0]->nextra, 4);
	cr_assert_str_eq(c.v[0]->extra[0].key, "salary");
	cr_assert_str_eq(c.v[0]->extra[0].s, "lots");
}

Test(load, missing_title_and_organization)
{
	load("organization: B\n---\ntitle: No org\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 1);
	cr_assert(has_problem(&c, 1, 1, true, "no title"));
	cr_assert(has_problem(&c, 3, 1, false, "gives no organization"));
}

Test(load, duplicate_keys_and_ids)
{
	load("id: x\ntitle: A\norganization: B\ntitle: C\n---\n"
	     "id: x\ntitle: D\norganization: B\n---\n"
	     "id: x\ntitle: E\norganization: B\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 3, "duplicates are never dropped");
	cr_assert(has_problem(&c, 4, 1, true, "duplicate key 'title' (first at "
	                      "line 2, column 1)"));
	cr_assert_str_eq(c.v[0]->title, "A");
	cr_assert_str_eq(c.v[1]->id, "x~2");
	cr_assert_str_eq(c.v[2]->id, "x~3");
	cr_assert(has_problem(&c, 6, 1, false, "duplicate id 'x'"));
	cr_assert_not_null(catalog_find(&c, "x~3"));
}

Test(load, unknown_keys_kept_in_order)
{
	load("title: A\norganization: B\nzeta: 1\nalpha: [x, y]\n"
	     "nested: {k: v, l: [1, 2]}\n");
	cr_assert_eq(c.nproblems, 0);
	struct posting *p = c.v[0];
	cr_assert_eq(p->nextra, 3);
	cr_assert_str_eq(p->extra[0].key, "zeta");
	cr_assert_str_eq(p->extra[1].key, "alpha");
	cr_assert_eq(p->extra[1].kind, X_SEQ);
	cr_assert_eq(p->extra[2].kind, X_MAP);
	cr_assert_str_eq(p->extra[2].kids[1].key, "l");
	struct buf b = {0};
	xvalue_text(&b, &p->extra[2]);
	cr_assert_str_eq(b.s, "k: v, l: 1; 2");
	buf_free(&b);
}

/* Unknown keys are never dropped: one inside a known mapping is kept
 * under Other as "parent.key", searchable and written back out. */
Test(load, unknown_keys_of_known_mappings_kept)
{
	load("title: A\norganization: {name: Org, phone: 555-1234}\n"
	     "location: {city: Boston, zip: \"02110\"}\n"
	     "languages: [{name: Spanish, dialect: Mexican}, {level: x}]\n"
	     "qualifications: {required: [a], title: Evil}\n"
	     "apply: {url: u, fax: f}\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 1);
	const struct posting *p = c.v[0];
	cr_assert_str_eq(p->title, "A");
	cr_assert_str_eq(p->org.name, "Org");
	static const char *const keys[][2] = {
		{"organization.phone", "555-1234"}, {"location.zip", "02110"},
		{"languages.dialect", "Mexican"},
		{"qualifications.title", "Evil"}, {"apply.fax", "f"},
	};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		bool found = false;
		for (size_t j = 0; j < p->nextra; j++)
			found = found || (!strcmp(p->extra[j].key, keys[i][0]) &&
			                  p->extra[j].s &&
			                  !strcmp(p->extra[j].s, keys[i][1]));
		cr_assert(found, "%s kept", keys[i][0]);
	}
	cr_assert(has_problem(&c, 2, 27, false, "kept under Other as "
	                      "'organization.phone'"));
	cr_assert(has_problem(&c, 4, 48, true, "item 2 has no name"));
}

/* A value of the wrong type is an error, and kept under Other. */
Test(load, wrong_types_kept_under_other)
{
	load("title: A\norganization: {name: [x]}\n"
	     "summary: [para one, para two]\nposted: {x: 1}\n"
	     "responsibilities: [a, {x: y}]\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 1);
	const struct posting *p = c.v[0];
	cr_assert(has_problem(&c, 3, 10, true,
	                      "summary: expected text, found a "
	                      "list; kept under Other"));
	static const char *const keys[] = {
		"organization.name", "summary", "posted", "responsibilities.2",
	};
	for (size_t i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		bool found = false;
		for (size_t j = 0; j < p->nextra; j++)
			found = found || !strcmp(p->extra[j].key, keys[i]);
		cr_assert(found, "%s kept", keys[i]);
	}
	cr_assert_eq(p->responsibilities.n, 1);
}

/* A posting that loads with errors is marked as having problems, the
 * errors of its nodes (a duplicate key) included; the others are not. */
Test(load, postings_with_errors_are_marked)
{
	load("title: A\norganization: O\nsalary: lots\n---\n"
	     "title: B\norganization: O\n---\n"
	     "title: C\norganization: O\ntags: [a]\ntags: [b]\n---\n"
	     "title: D\norganization: O\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 4);
	cr_assert(c.v[0]->problems);
	cr_assert_not(c.v[1]->problems);
	cr_assert(c.v[2]->problems);
	cr_assert_not(c.v[3]->problems);
	struct rlines rl = {0};
	posting_render(c.v[0], 80, &rl);
	cr_assert(rl.n > 2 && !strncmp(rl.v[2].text, "Problems:", 9), "%s",
	          rl.n > 2 ? rl.v[2].text : "");
	rlines_free(&rl);
}

/* A quote left open runs to the end of the file: said where it opens. */
Test(load, open_quote_said_where_it_opens)
{
	load("title: A\norganization: O\nresponsibilities:\n  - one\n"
	     "  - \"two\n  - three\n");
	dump_problems(&c);
	cr_assert(has_problem(&c, 5, 5, true,
	                      "quoted scalar that starts here"));
}

/* YAML 1.1 merge keys: the keys a posting gives itself win, then the
 * merged mappings' in order; a quoted "<<" is an ordinary key. */
Test(load, merge_keys)
{
	load("base: &b {organization: MergeOrg, location: Boston}\n"
	     "more: &m {location: Utica, department: Field}\n"
	     "title: Merged\n<<: [*b, *m]\nlocation: Albany\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 1);
	const struct posting *p = c.v[0];
	cr_assert_str_eq(p->org.name, "MergeOrg");
	cr_assert_eq(p->nplaces, 1);
	cr_assert_str_eq(p->places[0].name, "Albany");
	cr_assert_str_eq(p->department, "Field");
	catalog_free(&c);
	catalog_init(&c);
	load("title: T\norganization: O\n\"<<\": {department: D}\n");
	cr_assert_eq(c.n, 1);
	cr_assert_null(c.v[0]->department);
	cr_assert_str_eq(c.v[0]->extra[0].key, "<<");
	catalog_free(&c);
	catalog_init(&c);
	load("title: T\norganization: O\n<<: text\n");
	cr_assert(has_problem(&c, 3, 5, true, "a merge takes a mapping"));
}

/* schema.org's baseSalary with only minValue or only maxValue is a
 * range open at the other end, as the canonical salary's. */
Test(load, jsonld_salary_open_ranges)
{
	load("{\"@type\": JobPosting, title: T, hiringOrganization: O, "
	     "baseSalary: {value: {minValue: 50000, unitText: YEAR}}}\n"
	     "---\n{\"@type\": JobPosting, title: U, hiringOrganization: O, "
	     "baseSalary: {maxValue: 90000}}\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 2);
	cr_assert(c.v[0]->salary.open_above && !c.v[0]->salary.open_below);
	cr_assert(c.v[1]->salary.open_below && !c.v[1]->salary.open_above);
	cr_assert(c.v[1]->salary.max == 90000);
}

/* The summary's paragraphs are separated by blank lines; a line break
 * inside one is a space, but before a list item or an indented line. */
Test(load, summary_paragraphs_rewrapped)
{
	load("title: A\norganization: O\nsummary: |\n  Wrapped\n  by hand.\n"
	     "\n  List:\n  - one\n  2) two\n     in\n");
	cr_assert_eq(c.n, 1);
	struct rlines rl = {0};
	posting_render(c.v[0], 80, &rl);
	/* list items drawn as bullets (or with their numbers), an item's
	 * own lines under it, the list right under the line that leads
	 * into it */
	const char *want[] = {"Wrapped by hand.", "", "List:", "• one",
	                      "2. two", "   in"};
	size_t at = 0;
	while (at < rl.n && strcmp(rl.v[at].text, "Summary"))
		at++;
	cr_assert(at + 6 < rl.n);
	for (size_t i = 0; i < 6; i++)
		cr_assert_str_eq(rl.v[at + 1 + i].text, want[i]);
	rlines_free(&rl);
}

Test(load, top_level_sequence_and_nulls)
{
	load("- title: A\n  organization: B\n- title: C\n  organization: D\n"
	     "  salary: ~\n  department:\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 2);
	cr_assert_eq(c.nproblems, 0);
	default_id_is(c.v[1], "t#2");
	cr_assert(!c.v[1]->salary.present);
	cr_assert_null(c.v[1]->department);
}

/* A posting's document number counts every document: a broken one, or
 * one that is not a posting, keeps its number. (The ids billet gave
 * before stable ids were "#N" of it: an old state file is carried over
 * by them.) */
Test(load, default_ids_number_documents)
{
	load("title: First\norganization: O\n---\ntitle: [broken\n"
	     "---\ntitle: Third\norganization: O\n---\n- a list\n"
	     "---\ntitle: Fifth\norganization: O\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 3);
	default_id_is(c.v[0], "t#1");
	default_id_is(c.v[1], "t#3");
	default_id_is(c.v[2], "t#5");
	catalog_free(&c);
	catalog_init(&c);
	/* one posting left of two items: still numbered */
	load("- {organization: O}\n- {title: Second, organization: O}\n");
	cr_assert_eq(c.n, 1);
	default_id_is(c.v[0], "t#2");
	catalog_free(&c);
	catalog_init(&c);
	/* one document, and an empty one after it: the bare stem */
	load("title: Only\norganization: O\n---\n");
	cr_assert_eq(c.n, 1);
	default_id_is(c.v[0], "t");
	catalog_free(&c);
	catalog_init(&c);
	/* comments and markers only: said */
	load("# nothing here\n---\n# nor here\n");
	cr_assert_eq(c.n, 0);
	cr_assert(has_problem(&c, 0, 0, false, "no postings in this file"));
}

Test(load, sections_with_groups)
{
	load("title: A\norganization: B\nsections:\n  Values: Fair & Just\n"
	     "  Competencies:\n    Understanding:\n      - one\n      - two\n"
	     "    Leading: [three]\n");
	dump_problems(&c);
	struct posting *p = c.v[0];
	cr_assert_eq(p->nsections, 2);
	cr_assert_str_eq(p->sections[0].text, "Fair & Just");
	cr_assert_eq(p->sections[1].nsub, 2);
	cr_assert_eq(p->sections[1].sub[0].items.n, 2);
	cr_assert_str_eq(p->sections[1].sub[1].heading, "Leading");
}

Test(load, workplace_employment_apply_forms)
{
	load("title: A\norganization: B\nworkplace: {type: hybrid, note: "
	     "remote on request}\nemployment: {type: FULL_TIME, "
	     "classification: exempt, union: NOLSW}\nqualifications:\n"
	     "  required: [a, b]\n  preferred: [c]\nbenefits: Good ones\n"
	     "apply: {url: 'https://x.example/apply', documents: [resume], "
	     "deadline: 2026-12-01}\nstart: as soon as possible\n");
	dump_problems(&c);
	struct posting *p = c.v[0];
	cr_assert_eq(c.nproblems, 0);
	cr_assert_eq(p->workplace, WP_HYBRID);
	cr_assert_str_eq(p->workplace_note, "remote on request");
	cr_assert_str_eq(p->employment.type, "full-time");
	cr_assert_str_eq(p->employment.union_name, "NOLSW");
	cr_assert_eq(p->qualifications.n, 2);
	cr_assert_eq(p->preferred.n, 1);
	cr_assert(p->benefits_prose);
	cr_assert_eq(p->apply.deadline.ymd, 20261201);
	cr_assert_str_eq(p->start.text, "as soon as possible");
}

Test(load, location_list)
{
	load("title: A\norganization: B\nlocation:\n  - Remote\n"
	     "  - {city: Buffalo, region: NY}\n");
	struct posting *p = c.v[0];
	cr_assert_eq(p->nplaces, 2);
	struct buf b = {0};
	posting_location(&b, p);
	cr_assert_str_eq(b.s, "Remote; Buffalo, NY");
	buf_free(&b);
}

Test(load, syntax_error_keeps_earlier_documents)
{
	load("title: A\norganization: B\n---\ntitle: [unclosed\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 1);
	cr_assert(c.nerrors >= 1);
	cr_assert(c.problems[0].line >= 4);
	cr_assert(strstr(c.problems[0].msg, "YAML syntax"));
}

Test(load, invalid_utf8_reported_and_repaired)
{
	const char y[] = "title: Caf\xC3\n  é\norganization: B\x80\n";
	load_lim(y, sizeof(y) - 1, &load_default_limits);
	dump_problems(&c);
	cr_assert_eq(c.n, 1, "the posting still loads");
	cr_assert(has_problem(&c, 1, 11, true,
	                      "invalid UTF-8: byte 0xC3 at offset "
	                      "10"));
	cr_assert(strstr(c.v[0]->title, "\xEF\xBF\xBD"));
}

Test(load, nul_and_control_bytes)
{
	const char y[] = "title: A\0B\norganization: \x1b[31mX\n";
	load_lim(y, sizeof(y) - 1, &load_default_limits);
	dump_problems(&c);
	cr_assert_eq(c.n, 1);
	cr_assert(has_problem(&c, 1, 9, true, "NUL byte at offset 8"));
}

/* An escaped NUL would end the text at it: said, read as U+FFFD, the
 * rest of the value kept (and searchable). */
Test(load, escaped_nul_reported_and_kept)
{
	load("title: \"Visible\\0 hidden\"\norganization: O\n"
	     "summary: \"One.\\u0000 Secret clause.\"\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 1);
	cr_assert(has_problem(&c, 1, 8, true, "NUL character"));
	cr_assert(has_problem(&c, 3, 10, true, "NUL character"));
	cr_assert_str_eq(c.v[0]->title, "Visible\xEF\xBF\xBD hidden");
	cr_assert_str_eq(c.v[0]->summary, "One.\xEF\xBF\xBD Secret clause.");
}

Test(load, bom_and_crlf_simply_load)
{
	load("\xEF\xBB\xBFtitle: A\r\norganization: B\r\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 1);
	cr_assert_eq(c.nproblems, 0);
	cr_assert_str_eq(c.v[0]->title, "A");
	cr_assert_str_eq(c.v[0]->org.name, "B");
}

Test(load, utf16_with_bom)
{
	const char y[] = "\xFF\xFEt\0i\0t\0l\0e\0:\0 \0\xE9\0\n\0";
	load_lim(y, sizeof(y) - 1, &load_default_limits);
	dump_problems(&c);
	cr_assert_eq(c.n, 1);
	cr_assert_str_eq(c.v[0]->title, "é");
}

Test(load, alias_bomb_refused)
{
	const char *y =
		"title: bomb\norganization: x\n"
		"a: &a [x, x, x, x, x, x, x, x, x, x]\n"
		"b: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\n"
		"c: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b, *b]\n"
		"d: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c, *c]\n"
		"e: &e [*d, *d, *d, *d, *d, *d, *d, *d, *d, *d]\n"
		"f: &f [*e, *e, *e, *e, *e, *e, *e, *e, *e, *e]\n"
		"g: &g [*f, *f, *f, *f, *f, *f, *f, *f, *f, *f]\n"
		"h: &h [*g, *g, *g, *g, *g, *g, *g, *g, *g, *g]\n"
		"i: &i [*h, *h, *h, *h, *h, *h, *h, *h, *h, *h]\n";
	load(y);
	dump_problems(&c);
	cr_assert_eq(c.n, 1);
	cr_assert(c.nerrors >= 1);
	cr_assert(strstr(c.problems[0].msg, "nodes in one posting"));
}

/* A long text repeated by aliases: under the node limit, but what it
 * expands to is bounded too (16 times --max-scalar for a file). */
Test(load, alias_text_bomb_refused)
{
	struct load_limits lim = load_default_limits;
	lim.max_scalar = 1000;
	char y[4096];
	int k = snprintf(y, sizeof(y), "title: bomb\norganization: x\n"
	                 "big: &b \"%0900d\"\nrefs: [", 0);
	for (int i = 0; i < 20; i++)
		k += snprintf(y + k, sizeof(y) - (size_t)k, "%s*b",
		              i ? ", " : "");
	k += snprintf(y + k, sizeof(y) - (size_t)k, "]\n");
	load_lim(y, (size_t)k, &lim);
	dump_problems(&c);
	cr_assert_eq(c.n, 1, "the posting still loads");
	/* 17 aliases of 900 bytes are 15,300: the 18th passes 16,000 */
	cr_assert(has_problem(&c, 4, 8 + 17 * 4, true, "16000 bytes of text"));
}

Test(load, undefined_and_self_aliases)
{
	load("title: A\norganization: B\nx: *nope\ny: &s [1, *s]\n");
	dump_problems(&c);
	cr_assert_eq(c.n, 1);
	cr_assert(has_problem(&c, 3, 4, true,
	                      "alias '*nope' refers to no anchor"));
	cr_assert(has_problem(&c, 4, 11, true,
	                      "alias '*s' refers to no anchor"));
}

Test(load, aliases_resolve)
{
	load("title: &t Organizer\norganization: *t\n");
	cr_assert_eq(c.n, 1);
	cr_assert_str_eq(c.v[0]->org.name, "Organizer");
}

Test(load, deep_nesting_cut_early)
{
	size_t depth = 100000;
	char *y = malloc(depth * 2 + 32);
	strcpy(y, "title: A\nx: ");
	size_t k = strlen(y);
	for (size_t i = 0; i < depth; i++)
		y[k++] = '[';
	for (size_t i = 0; i < depth; i++)
		y[k++] = ']';
	y[k] = '\0';
	load_lim(y, k, &load_default_limits);
	free(y);
	cr_assert(c.nerrors >= 1);
	cr_assert(strstr(c.problems[0].msg, "nesting deeper than 64"));
	/* the last document: nothing is read after it, and it says so */
	cr_assert(strstr(c.problems[0].msg, "the rest of the file is not read"),
	          "%s", c.problems[0].msg);
}

Test(load, deep_nesting_then_a_document)
{
	struct buf b = {0};
	buf_adds(&b, "title: A\norganization: O\nx: ");
	for (int i = 0; i < 100; i++)
		buf_addc(&b, '[');
	for (int i = 0; i < 100; i++)
		buf_addc(&b, ']');
	buf_adds(&b, "\n---\ntitle: B\norganization: O\n");
	load_lim(b.s, b.len, &load_default_limits);
	buf_free(&b);
	cr_assert_eq(c.n, 1);
	cr_assert_str_eq(c.v[0]->title, "B");
	cr_assert(has_problem(&c, 3, 67, true,
	                      "nesting deeper than 64 levels (see "
	                      "--max-depth); reading resumes at the next "
	                      "'---' document"));
}

Test(load, scalar_and_file_limits)
{
	struct load_limits lim = load_default_limits;
	lim.max_scalar = 100;
	char y[400];
	strcpy(y, "title: A\norganization: B\nsummary: ");
	size_t k = strlen(y);
	memset(y + k, 'x', 200);
	y[k + 200] = '\n';
	load_lim(y, k + 201, &lim);
	dump_problems(&c);
	cr_assert_eq(c.n, 1);
	cr_assert(has_problem(&c, 3, 10, true, "exceeds the limit of 100"));
	cr_assert_null(c.v[0]->summary);
	lim.max_file = 10;
	cr_assert_eq(load_lim(y, k + 201, &lim), 0);
	cr_assert(strstr(c.problems[c.nproblems - 1].msg, "exceeds the limit"));
}

Test(load, binary_garbage_and_scalars)
{
	unsigned char g[4096];
	unsigned s = 12345;
	for (size_t i = 0; i < sizeof(g); i++) {
		s = s * 1103515245u + 12345u;
		g[i] = (unsigned char)(s >> 16);
	}
	load_lim((const char *)g, sizeof(g), &load_default_limits);
	cr_assert(c.nerrors >= 1);
	catalog_free(&c);
	catalog_init(&c);
	load("just text\n");
	cr_assert_eq(c.n, 0);
	cr_assert(has_problem(&c, 1, 1, true, "found text"));
	catalog_free(&c);
	catalog_init(&c);
	load("");
	cr_assert_eq(c.n, 0);
	cr_assert_eq(c.nerrors, 0);
}

Test(load, many_documents)
{
	size_t n = 50000;
	struct buf b = {0};
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "---\ntitle: T%zu\norganization: O\n", i);
	cr_assert_eq(load_lim(b.s, b.len, &load_default_limits), n);
	default_id_is(c.v[n - 1], "t#50000");
	buf_free(&b);
}

/* Writes b to a new file named name in a new temporary directory; the
 * path is returned in path (PATH_MAX). */
static void
write_temp(char *path, const char *name, const struct buf *b)
{
	char dir[] = "/tmp/billet-load-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, 4096, "%s/%s", dir, name);
	FILE *f = fopen(path, "wb");
	cr_assert_not_null(f);
	cr_assert_eq(fwrite(b->s, 1, b->len, f), b->len);
	cr_assert_eq(fclose(f), 0);
}

/* Removes what write_temp made. */
static void
remove_temp(char *path)
{
	remove(path);
	*strrchr(path, '/') = '\0';
	rmdir(path);
}

Test(load, a_big_file_fills_in_while_it_loads)
{
	/* 60,000 postings, about 5 MB: runs of documents parsed one after
	 * another by one worker; the first are merged before the last are
	 * parsed, and the ids and lines are those of a whole-file load */
	size_t n = 60000;
	struct buf b = {0};
	for (size_t i = 0; i < n; i++)
		buf_printf(&b, "---\ntitle: Title of posting %zu\n"
		           "organization: O\nsummary: text\n", i + 1);
	char path[4096];
	write_temp(path, "big.yaml", &b);
	setenv("BILLET_THREADS", "1", 1);
	char *paths[] = {path};
	struct load_limits lim = load_default_limits;
	struct loader *l = loader_start(paths, 1, &lim);
	bool early = false;
	for (;;) {
		bool done = loader_poll(l, &c);
		if (!done && c.n > 0)
			early = true;
		if (done)
			break;
		struct timespec ts = {0, 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	loader_free(l);
	unsetenv("BILLET_THREADS");
	remove_temp(path);
	cr_assert(early, "nothing of the file was merged before its end");
	cr_assert_eq(c.n, n);
	cr_assert_eq(c.nfiles, 1);
	default_id_is(c.v[0], "big#1");
	default_id_is(c.v[n - 1], "big#60000");
	cr_assert_str_eq(c.v[n - 1]->title, "Title of posting 60000");
	cr_assert_eq(c.v[n - 1]->line, 4 * (n - 1) + 2);
	cr_assert_eq(c.nproblems, 0);
	buf_free(&b);
}

Test(load, a_big_file_of_one_posting_keeps_the_bare_stem)
{
	/* one posting, then empty documents of comments: the file is cut
	 * into runs, and the posting is still the file's only one */
	struct buf b = {0};
	buf_adds(&b, "title: Only\norganization: O\n");
	for (int d = 0; d < 4; d++) {
		buf_adds(&b, "---\n");
		for (int i = 0; i < 20000; i++)
			buf_adds(&b, "# a comment line of some fifty bytes, no more\n");
	}
	char path[4096];
	write_temp(path, "one.yaml", &b);
	cr_assert_eq(load_path(&c, path, NULL), 1);
	remove_temp(path);
	default_id_is(c.v[0], "one");
	buf_free(&b);
}

/* Compares two strings for qsort. */
static int
str_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Every posting of cat as JSON, and every problem, one a line: what two
 * loads of the same bytes must agree on. */
static char *
catalog_text(const struct catalog *cat)
{
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);
	cr_assert_not_null(f);
	for (size_t i = 0; i < cat->n; i++)
		export_show(f, cat->v[i], FMT_JSON, 80, NULL);
	/* the problems in order of place: a whole buffer read again after
	 * a bad byte says that one first */
	char **lines = calloc(cat->nproblems + 1, sizeof(*lines));
	cr_assert_not_null(lines);
	for (size_t i = 0; i < cat->nproblems; i++) {
		const struct problem *p = &cat->problems[i];
		struct buf l = {0};
		buf_printf(&l, "%s:%09u:%09u: %s %s\n", p->file, p->line,
		           p->col, p->error ? "error" : "warning", p->msg);
		lines[i] = buf_steal(&l);
	}
	qsort(lines, cat->nproblems, sizeof(*lines), str_cmp);
	for (size_t i = 0; i < cat->nproblems; i++) {
		fputs(lines[i], f);
		free(lines[i]);
	}
	free(lines);
	fclose(f);
	return s;
}

/* Loads b as a file of its own (big: read in runs, the text kept in the
 * bytes read) and as a buffer (one piece, the text copied), and checks
 * that both give the same postings and problems; returns postings. */
static size_t
same_as_a_buffer(const struct buf *b, const char *name)
{
	char path[4096];
	write_temp(path, name, b);
	struct catalog whole;
	catalog_init(&whole);
	setenv("BILLET_THREADS", "2", 1);
	size_t n = load_path(&c, path, NULL);
	unsetenv("BILLET_THREADS");
	size_t m = load_buffer(&whole, path, b->s, b->len, NULL);
	/* and from memory whose bytes keep the text */
	struct catalog kept;
	catalog_init(&kept);
	char *copy = malloc(b->len);
	cr_assert_not_null(copy);
	memcpy(copy, b->s, b->len);
	cr_assert_eq(load_bytes(&kept, path, copy, b->len, NULL), m);
	char *z = catalog_text(&kept), *y = catalog_text(&whole);
	cr_assert_str_eq(z, y, "load_bytes differs from load_buffer");
	free(z);
	catalog_free(&kept);
	char *x = catalog_text(&c);
	if (strcmp(x, y)) {
		size_t i = 0;
		while (x[i] == y[i])
			i++;
		size_t from = i > 300 ? i - 300 : 0;
		cr_assert_fail("the loads (%zu and %zu postings) part at "
		               "byte %zu:\nfile:   %.600s\nbuffer: %.600s", n, m,
		               i, x + from, y + from);
	}
	cr_assert_eq(n, m);
	free(x);
	free(y);
	catalog_free(&whole);
	remove_temp(path);
	return n;
}

/* Documents of many kinds: text in every scalar style (escapes that
 * grow, folded lines, CRLF, tabs, wide and combining characters),
 * anchors, long lines, and documents that fail. */
static void
mixed_documents(struct buf *b, size_t count, bool broken_too)
{
	for (size_t i = 0; i < count; i++) {
		/* a few broken: a file of more than 100 stops being read */
		bool broken = broken_too && i / 9 % 40 == 0;
		switch (i % 9) {
		case 0:
			buf_printf(b, "---\ntitle: Organizer %zu, caf\u00e9 "
			           "\u4e2d\u6587 \U0001F600 e\u0301\n"
			           "organization: {name: ACLU\u2019s Kern, "
			           "short: A}\nsummary: |\n  First line %zu\n"
			           "\n  \tindented\n  last\n"
			           "responsibilities:\n  - plain item that\n"
			           "    goes on\n  - \"esc \\L\\P\\x41\\u00e9"
			           "\\t\\\"q\\\" \\N\\_\"\n  - 'single ''q'' "
			           "\n\n    folded'\n", i, i);
			break;
		case 1:
			buf_printf(b, "---\ntitle: &t Anchored %zu\n"
			           "organization: O\nsummary: >\n  folded %zu\n"
			           "  text\n\n  para\ntags: [*t, b, c]\n"
			           "other_key: *t\n", i, i);
			break;
		case 2:
			buf_printf(b, "---\r\ntitle: CRLF %zu\r\norganization: "
			           "O\r\nsummary: |\r\n  a\r\n  b\r\n", i);
			break;
		case 3:
			buf_printf(b, "---\ntitle: ");
			for (int k = 0; k < 400; k++)
				buf_printf(b, "long%d ", k);
			buf_printf(b, "\norganization: O\n");
			break;
		case 4:
			if (broken)
				buf_printf(b, "---\ntitle: Broken %zu\n"
				           "organization: [unclosed\n"
				           "summary: x\n", i);
			else
				buf_printf(b, "---\n# only a comment\n");
			break;
		case 5:
			buf_printf(b, "---\ntitle: Deep %zu\nx: ", i);
			for (int k = 0; k < (broken ? 70 : 10); k++)
				buf_adds(b, "[");
			for (int k = 0; k < (broken ? 70 : 10); k++)
				buf_adds(b, "]");
			buf_printf(b, "\norganization: O\n");
			break;
		case 6:
			buf_printf(b, "---\ntitle: Salary %zu\norganization: O\n"
			           "salary: lots\nlocation:\n  - {city: Bakersfield, "
			           "region: CA}\n  - Remote\n", i);
			break;
		case 7:
			if (broken)
				buf_printf(b, "---\ntitle: Bad key %zu\n"
				           "organization: O\n  summary: : x\n"
				           "- item\n", i);
			else
				buf_printf(b, "---\ntitle: Plain %zu\n"
				           "organization: O\n", i);
			break;
		default:
			buf_printf(b, "---\n- title: Item %zu a\n  organization: O"
			           "\n- title: Item %zu b\n  organization: P\n",
			           i, i);
			break;
		}
	}
}

Test(load, a_big_file_keeps_its_text_as_a_buffer_would)
{
	/* about 3 MB: read in runs, parsed by two workers, the text written
	 * back into the bytes read; everything as from one buffer */
	struct buf b = {0};
	mixed_documents(&b, 9000, false);
	cr_assert_gt(b.len, (size_t)3 << 20);
	cr_assert_gt(same_as_a_buffer(&b, "mixed.yaml"), 8000);
	buf_free(&b);
}

Test(load, a_big_file_with_errors_keeps_its_text_and_places)
{
	/* documents that fail in the middle of runs: the next ones are read
	 * from the next marker, at the same lines and columns */
	struct buf b = {0};
	mixed_documents(&b, 9000, true);
	cr_assert_gt(same_as_a_buffer(&b, "broken.yaml"), 8000);
	cr_assert_gt(c.nerrors, 70);
	buf_free(&b);
}

Test(load, a_big_file_of_odd_bytes_or_breaks_reads_as_a_buffer)
{
	/* a bad byte (the file is read again, repaired), a lone CR and
	 * U+2028 (libyaml counts their lines): the text is copied */
	static const char *odd[] = {"\xff", "\r", "\xe2\x80\xa8", "\xc2\x85"};
	for (size_t k = 0; k < sizeof(odd) / sizeof(*odd); k++) {
		struct buf b = {0};
		mixed_documents(&b, 3000, k == 0);
		buf_printf(&b, "---\ntitle: odd %s here\norganization: O\n",
		           odd[k]);
		mixed_documents(&b, 3000, false);
		same_as_a_buffer(&b, "odd.yaml");
		catalog_free(&c);
		catalog_init(&c);
		buf_free(&b);
	}
}

/* The samples ---------------------------------------------------------- */

Test(load, samples_load_with_their_counts)
{
	load_path(&c, TEST_DATA "/../../data", NULL);
	dump_problems(&c);
	cr_assert_eq(c.n, 2);
	cr_assert_eq(c.nproblems, 0);
	struct posting *a = catalog_find(&c, "aclu-socal-kern-policy-advocate");
	struct posting *n = catalog_find(&c, "nyic-upstate-director-advocacy");
	cr_assert_not_null(a);
	cr_assert_not_null(n);
	cr_assert_eq(a->responsibilities.n, 22);
	cr_assert_eq(a->qualifications.n, 13);
	cr_assert_eq(n->responsibilities.n, 9);
	cr_assert_eq(n->qualifications.n, 10);
	cr_assert_eq(a->salary.min, 62400);
	cr_assert_eq(a->salary.max, 67000);
	cr_assert_str_eq(a->employment.classification, "exempt");
	cr_assert_not_null(a->employment.union_name);
	bool racial = false;
	for (size_t i = 0; i < a->nsections; i++)
		if (strstr(a->sections[i].heading, "Racial Equity") &&
		    a->sections[i].nsub == 3)
			racial = true;
	cr_assert(racial, "racial equity competencies: one section, 3 groups");
}

/* The posting whose id billet gave before stable ids was old, or NULL. */
static struct posting *
find_legacy(const char *old)
{
	struct posting *found = NULL;
	for (size_t i = 0; i < c.n; i++) {
		struct buf b = {0};
		identity_legacy(&b, c.v[i]);
		if (!strcmp(b.s, old))
			found = c.v[i];
		buf_free(&b);
	}
	return found;
}

/* schema.org ------------------------------------------------------------ */

Test(load, schemaorg_examples)
{
	load_path(&c, TEST_DATA "/schemaorg", NULL);
	dump_problems(&c);
	cr_assert_eq(c.n, 12);
	cr_assert_eq(c.nerrors, 0);
	struct posting *p = find_legacy("eg-0028-1");
	cr_assert_not_null(p);
	cr_assert_str_eq(p->title, "Software Engineer");
	cr_assert_str_eq(p->places[0].city, "Kirkland");
	cr_assert_eq(p->salary.min, 100000);
	cr_assert_str_eq(p->salary.currency, "USD");
	cr_assert_eq(p->posted.ymd, 20111031);
	cr_assert_str_eq(p->employment.type, "full-time");
	cr_assert_eq(p->benefits.n, 1);
	p = find_legacy("eg-0251-3");
	cr_assert_str_eq(p->title, "Mobile App Developer");
	cr_assert_str_eq(p->org.name, "ACME Software");
	p = find_legacy("eg-0465-6");
	cr_assert_eq(p->experience.min_years, 5);
	p = find_legacy("eg-0284-9");
	cr_assert_eq(p->conditions.n, 1);
	p = find_legacy("eg-0285-10");
	cr_assert_str_eq(p->apply.email, "info@example.com");
	p = find_legacy("eg-0281-7");
	cr_assert_str_eq(p->department, "ITS - Division C");
	p = find_legacy("eg-0286-11");
	cr_assert_not_null(p->org.about);
	p = find_legacy("eg-0283-8");
	cr_assert(strstr(p->conditions.v[0], "Visual Color Discrimination"));
}

Test(load, jsonld_graph_and_html)
{
	load("{\"@context\": \"https://schema.org\", \"@graph\": ["
	     "{\"@type\": \"JobPosting\", \"title\": \"A\", "
	     "\"description\": \"<p>One &amp; two</p><ul><li>x</li></ul>\", "
	     "\"baseSalary\": {\"@type\": \"MonetaryAmount\", \"currency\": "
	     "\"EUR\", \"value\": {\"minValue\": 20, \"maxValue\": 25, "
	     "\"unitText\": \"HOUR\"}}, \"jobLocationType\": \"TELECOMMUTE\","
	     "\"hiringOrganization\": {\"name\": \"O\"}},"
	     "{\"@type\": \"JobPosting\", \"name\": \"B\", \"responsibilities\":"
	     " \"<li>one</li><li>two</li>\", \"hiringOrganization\": \"P\"}]}");
	dump_problems(&c);
	cr_assert_eq(c.n, 2);
	struct posting *a = c.v[0];
	/* the list stays a list (issue 14) */
	cr_assert_str_eq(a->summary, "One & two\n\n- x");
	cr_assert_eq(a->salary.period, PERIOD_HOUR);
	cr_assert_str_eq(a->salary.currency, "EUR");
	cr_assert_eq(a->salary.max, 25);
	cr_assert_eq(a->workplace, WP_REMOTE);
	cr_assert_str_eq(c.v[1]->title, "B");
	cr_assert_eq(c.v[1]->responsibilities.n, 2);
}

/* Loads a string as file name; returns postings added. */
static size_t
load_as(const char *name, const char *s)
{
	return load_buffer(&c, name, s, strlen(s), NULL);
}

Test(load, jsonld_surrogate_pairs)
{
	/* Python's json.dumps writes U+1F680 as "\ud83d\ude80", which
	 * libyaml refuses: a .json file has them read as one character */
	cr_assert_eq(load_as("t.json",
	     "[{\"@type\":\"JobPosting\",\"title\":\"Rocket \\ud83d\\ude80\","
	     "\"hiringOrganization\":\"O\"},{\"@type\":\"JobPosting\","
	     "\"title\":\"Second\",\"hiringOrganization\":\"O\"}]"), 2);
	dump_problems(&c);
	cr_assert_eq(c.nproblems, 0);
	cr_assert_str_eq(c.v[0]->title, "Rocket \U0001F680");
	cr_assert_str_eq(c.v[1]->title, "Second");
}

Test(load, jsonld_lone_surrogates_and_places)
{
	/* a half pair is U+FFFD with a warning at its place; an escaped
	 * backslash is no escape; a problem after a rewritten pair on the
	 * same line keeps its column */
	cr_assert_eq(load_as("t.json",
	     "{\"@type\":\"JobPosting\",\n"
	     " \"title\":\"A \\udc00 \\\\ud83d \\uD83D\\uDE00\\ud83d\","
	     " \"datePosted\": \"bad\",\n"
	     " \"hiringOrganization\":\"O\", \"x\": \"\\ud800\"}\n"), 1);
	dump_problems(&c);
	cr_assert_str_eq(c.v[0]->title,
	                 "A \uFFFD \\ud83d \U0001F600\uFFFD");
	cr_assert(has_problem(&c, 2, 13, false, "\\uDC00 is half of a UTF-16 "
	                      "surrogate pair, alone; read as U+FFFD"));
	cr_assert(has_problem(&c, 2, 40, false, "\\uD83D is half"));
	cr_assert(has_problem(&c, 3, 34, false, "\\uD800 is half"));
	cr_assert(has_problem(&c, 2, 63, true, "datePosted"));
	cr_assert_eq(c.nproblems, 4);
}

Test(load, jsonld_surrogates_from_a_file_as_from_a_buffer)
{
	/* read from a file, and from bytes that could keep the text: the
	 * rewritten copy is read as a buffer is, a bad byte after it at
	 * its offset */
	struct buf b = {0};
	buf_adds(&b, "[");
	for (int i = 0; i < 200; i++)
		buf_printf(&b, "%s{\"@type\": \"JobPosting\", \"title\": "
		           "\"Launch \\ud83d\\ude80 %d\", \"hiringOrganization\":"
		           " \"O \\ud83c\\udf0d\", \"description\": \"%s\"}\n",
		           i ? ", " : "", i, i == 150 ? "bad \xff byte" : "ok");
	buf_adds(&b, "]\n");
	cr_assert_eq(same_as_a_buffer(&b, "surrogates.json"), 200);
	dump_problems(&c);
	cr_assert_str_eq(c.v[7]->title, "Launch \U0001F680 7");
	cr_assert_str_eq(c.v[7]->org.name, "O \U0001F30D");
	cr_assert_eq(c.nproblems, 1);
	cr_assert(strstr(c.problems[0].msg, "byte 0xFF at offset"));
	const char *bad = strstr(b.s, "\xff");
	char want[64];
	snprintf(want, sizeof(want), "at offset %zu;", (size_t)(bad - b.s));
	cr_assert(strstr(c.problems[0].msg, want), "%s", c.problems[0].msg);
	cr_assert_eq(c.problems[0].line, 151);
	buf_free(&b);
}

Test(load, jsonld_graph_of_page_nodes)
{
	/* a page's @graph: its other nodes are no postings, and the
	 * JobPosting's references are to them */
	cr_assert_eq(load_as("t.json",
	     "{\"@graph\":[{\"@type\":\"Organization\",\"@id\":\"#org\","
	     "\"name\":\"Graph Org\",\"sameAs\":\"https://o.example\"},"
	     "{\"@type\":\"JobPosting\",\"title\":\"G1\","
	     "\"hiringOrganization\":{\"@id\":\"#org\"},"
	     "\"jobLocation\":[{\"@id\":\"#pl\"},{\"@id\":\"#none\"}]},"
	     "{\"@type\":\"WebPage\",\"name\":\"x\"},"
	     "{\"@id\":\"#ad\",\"addressLocality\":\"Bakersfield\","
	     "\"addressRegion\":\"CA\"},"
	     "{\"@type\":\"Place\",\"@id\":\"#pl\",\"address\":{\"@id\":"
	     "\"#ad\"}}]}"), 1);
	dump_problems(&c);
	struct posting *p = c.v[0];
	cr_assert_str_eq(p->title, "G1");
	default_id_is(p, "t");
	cr_assert_str_eq(p->org.name, "Graph Org");
	cr_assert_str_eq(p->org.url, "https://o.example");
	cr_assert_eq(p->nplaces, 1);
	cr_assert_str_eq(p->places[0].city, "Bakersfield");
	cr_assert_eq(c.nerrors, 0);
	cr_assert_eq(c.nproblems, 1);
	cr_assert(has_problem(&c, 1, 198, false, "jobLocation: no node of this "
	                      "@graph has the @id '#none'"));
}

Test(load, jsonld_lists_of_nodes)
{
	/* a top-level list of JSON-LD objects: nodes of other types are
	 * passed over; a list of them alone is an error, once */
	cr_assert_eq(load_as("t.json",
	     "[{\"@type\":\"WebPage\",\"name\":\"x\"},"
	     "{\"@type\":\"JobPosting\",\"title\":\"L1\","
	     "\"hiringOrganization\":\"O\"},"
	     "{\"@type\":[\"Organization\"],\"name\":\"y\"}]"), 1);
	dump_problems(&c);
	cr_assert_eq(c.nproblems, 0);
	default_id_is(c.v[0], "t");
	catalog_free(&c);
	catalog_init(&c);
	cr_assert_eq(load_as("t.json",
	     "[{\"@type\":\"WebPage\",\"name\":\"x\"},\n"
	     " {\"@type\":\"Organization\",\"name\":\"y\"}]"), 0);
	dump_problems(&c);
	cr_assert_eq(c.nproblems, 1);
	cr_assert(has_problem(&c, 1, 2, true,
	                      "not a posting: @type is WebPage, "
	                      "not JobPosting (2 such nodes in this list, "
	                      "which holds no JobPosting)"));
	/* a list of canonical postings: every item is one */
	catalog_free(&c);
	catalog_init(&c);
	cr_assert_eq(load("- title: A\n  organization: O\n"
	                  "- organization: P\n"), 1);
	cr_assert(has_problem(&c, 3, 3, true, "posting has no title"));
	cr_assert_eq(c.nproblems, 1);
}

/* Loads one JobPosting whose baseSalary is the JSON text salary. */
static size_t
load_salary(const char *salary)
{
	struct buf b = {0};
	buf_printf(&b, "{\"@type\": \"JobPosting\", \"title\": \"S\", "
	           "\"hiringOrganization\": \"O\", \"baseSalary\": %s}", salary);
	size_t n = load_as("t.json", b.s);
	buf_free(&b);
	return n;
}

Test(load, jsonld_salary_forms)
{
	static const struct {
		const char *json;
		double min, max;
		const char *currency;
		enum period period;
	} forms[] = {
		/* minValue and maxValue on the MonetaryAmount itself */
		{"{\"@type\": \"MonetaryAmount\", \"currency\": \"USD\", "
		 "\"minValue\": 50000, \"maxValue\": 60000}",
		 50000, 60000, "USD", PERIOD_YEAR},
		{"{\"@type\": \"MonetaryAmount\", \"currency\": \"eur\", "
		 "\"value\": 55000, \"unitCode\": \"MON\"}",
		 55000, 55000, "EUR", PERIOD_MONTH},
		{"{\"@type\": \"MonetaryAmount\", \"currency\": \"USD\", "
		 "\"value\": {\"@type\": \"QuantitativeValue\", "
		 "\"value\": 5.5E4}}", 55000, 55000, "USD", PERIOD_YEAR},
		{"{\"currency\": \"GBP\", \"value\": {\"minValue\": 2e1, "
		 "\"maxValue\": 25.5, \"unitCode\": \"HUR\"}}",
		 20, 25.5, "GBP", PERIOD_HOUR},
		{"{\"value\": {\"value\": 900, \"unitCode\": \"WEE\"}}",
		 900, 900, "USD", PERIOD_WEEK},
		{"{\"value\": {\"value\": 150, \"unitCode\": \"DAY\", "
		 "\"unitText\": \"per diem\"}}", 150, 150, "USD", PERIOD_DAY},
		{"{\"minValue\": 1, \"maxValue\": 2, \"unitCode\": \"ANN\"}",
		 1, 2, "USD", PERIOD_YEAR},
	};
	for (size_t i = 0; i < sizeof(forms) / sizeof(forms[0]); i++) {
		catalog_free(&c);
		catalog_init(&c);
		cr_assert_eq(load_salary(forms[i].json), 1);
		dump_problems(&c);
		const struct salary *s = &c.v[0]->salary;
		cr_assert_eq(c.nproblems, 0, "%s", forms[i].json);
		cr_assert(s->present, "%s", forms[i].json);
		cr_assert_eq(s->min, forms[i].min, "%s", forms[i].json);
		cr_assert_eq(s->max, forms[i].max, "%s", forms[i].json);
		cr_assert_str_eq(s->currency, forms[i].currency);
		cr_assert_eq(s->period, forms[i].period, "%s", forms[i].json);
	}
}

Test(load, jsonld_salary_problems_say_what_was_found)
{
	static const struct {
		const char *json;
		unsigned col;
		bool error, present;
		const char *msg;
	} bad[] = {
		{"{\"currency\": \"USD\", \"unitText\": \"HOUR\"}", 80, true,
		 false, "baseSalary: no amount found: no value, minValue or "
		 "maxValue (found currency, unitText); kept under Other"},
		{"{\"value\": {\"minValue\": \"lots\", \"maxValue\": 30}}", 103,
		 true, true, "baseSalary: minValue 'lots' is not an amount; "
		 "it is kept under Other"},
		{"{\"minValue\": \"lots\"}", 93, true, false, "baseSalary: "
		 "minValue 'lots' is not an amount; the salary is kept under "
		 "Other"},
		{"{\"value\": [1, 2]}", 90, true, false, "baseSalary: value: "
		 "expected an amount or a QuantitativeValue, found a list"},
		{"{\"value\": 20, \"unitCode\": \"FOO\"}", 106, false, true,
		 "baseSalary: unitCode 'FOO' is not ANN, MON, WEE, DAY or HUR; "
		 "read as a year"},
		{"[[1]]", 81, true, false, "baseSalary: expected an amount or a "
		 "MonetaryAmount, found a list"},
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		catalog_free(&c);
		catalog_init(&c);
		cr_assert_eq(load_salary(bad[i].json), 1);
		dump_problems(&c);
		cr_assert_eq(c.nproblems, 1, "%s", bad[i].json);
		cr_assert(has_problem(&c, 1, bad[i].col, bad[i].error,
		                      bad[i].msg),
		          "%s", bad[i].json);
		cr_assert_eq(c.v[0]->salary.present, bad[i].present);
		if (!bad[i].present)
			cr_assert_str_eq(c.v[0]->extra[0].key, "baseSalary");
	}
}

/* How many lines of s start with prefix. */
static size_t
lines_starting(const char *s, const char *prefix)
{
	size_t n = 0, pl = strlen(prefix);
	for (const char *l = s; l; l = strchr(l, '\n') ? strchr(l, '\n') + 1
	                                               : NULL)
		n += strncmp(l, prefix, pl) == 0;
	return n;
}

Test(load, jsonld_properties_named_like_canonical_keys)
{
	/* kept as schema:NAME: no output has organization or id twice,
	 * and the YAML written loads back with the real ones */
	cr_assert_eq(load_as("t.json",
	     "{\"@type\": \"JobPosting\", \"title\": \"Real\", "
	     "\"hiringOrganization\": {\"name\": \"RealOrg\"}, "
	     "\"organization\": \"Evil Org\", \"id\": \"evil-id\", "
	     "\"status\": \"hired\", \"schema:summary\": \"lit\", "
	     "\"summary\": \"s\", \"Organization\": \"case\"}"), 1);
	dump_problems(&c);
	cr_assert_eq(c.nproblems, 0);
	struct posting *p = c.v[0];
	default_id_is(p, "t");
	cr_assert_str_neq(p->id, "evil-id");
	cr_assert_str_eq(p->org.name, "RealOrg");
	cr_assert_null(p->summary);
	static const char *const keys[][2] = {
		{"schema:organization", "Evil Org"}, {"schema:id", "evil-id"},
		{"schema:status", "hired"}, {"schema:summary", "lit"},
		{"schema:summary~2", "s"}, {"Organization", "case"},
	};
	cr_assert_eq(p->nextra, 6);
	for (size_t i = 0; i < 6; i++) {
		cr_assert_str_eq(p->extra[i].key, keys[i][0]);
		cr_assert_str_eq(p->extra[i].s, keys[i][1]);
	}
	char *yaml = NULL, *json = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&yaml, &len);
	export_show(f, p, FMT_YAML, 80, NULL);
	fclose(f);
	f = open_memstream(&json, &len);
	export_show(f, p, FMT_JSON, 80, NULL);
	fclose(f);
	cr_assert_eq(lines_starting(yaml, "organization:"), 1, "%s", yaml);
	cr_assert_eq(lines_starting(yaml, "id:"), 1, "%s", yaml);
	cr_assert_eq(lines_starting(json, "  \"organization\":"), 1, "%s",
	             json);
	cr_assert_eq(lines_starting(json, "  \"id\":"), 1, "%s", json);
	cr_assert(strstr(json, "\"schema:organization\": \"Evil Org\""));
	struct catalog again;
	catalog_init(&again);
	cr_assert_eq(load_buffer(&again, "again.yaml", yaml, strlen(yaml),
	                         NULL), 1);
	cr_assert_eq(again.nproblems, 0);
	cr_assert_str_eq(again.v[0]->id, p->id);
	cr_assert_str_eq(again.v[0]->org.name, "RealOrg");
	cr_assert_eq(again.v[0]->nextra, 6);
	cr_assert_str_eq(again.v[0]->extra[0].key, "schema:organization");
	catalog_free(&again);
	free(yaml);
	free(json);
}
