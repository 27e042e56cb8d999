/* SPDX-License-Identifier: MIT */
/* schema.org JobPostings: nothing a posting gives is dropped. What the
 * mapping does not place in a field (a logo, geo coordinates, a postal
 * code, directApply: false, an employmentType given as an object...) is
 * kept under Other, under a name that says where it was. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "load.h"
#include "posting.h"

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

TestSuite(jsonld, .init = setup, .fini = teardown);

/* Prints the problems, to explain a failure. */
static void
dump(void)
{
	for (size_t i = 0; i < c.nproblems; i++)
		fprintf(stderr, "  %u:%u %s %s\n", c.problems[i].line,
		        c.problems[i].col, c.problems[i].error ? "E" : "W",
		        c.problems[i].msg);
}

/* Loads one JobPosting of the JSON members given (without braces) as
 * t.json into a fresh catalog; asserts it is one posting. */
static struct posting *
load_members(const char *members)
{
	catalog_free(&c);
	catalog_init(&c);
	struct buf b = {0};
	buf_printf(&b, "{\"@type\": \"JobPosting\", %s}", members);
	load_buffer(&c, "t.json", b.s, b.len, NULL);
	buf_free(&b);
	dump();
	cr_assert_eq(c.n, 1, "%s", members);
	return c.v[0];
}

/* load_members with a title and an organization first. */
static struct posting *
load1(const char *members)
{
	struct buf b = {0};
	buf_printf(&b, "\"title\": \"T\", %s", members);
	struct posting *p = load_members(b.s);
	buf_free(&b);
	return p;
}

/* The kept value called key, or NULL. */
static const struct xvalue *
kept(const struct posting *p, const char *key)
{
	for (size_t i = 0; i < p->nextra; i++)
		if (!strcmp(p->extra[i].key, key))
			return &p->extra[i];
	return NULL;
}

/* Asserts that key is kept as the scalar want. */
static void
kept_is(const struct posting *p, const char *key, const char *want)
{
	const struct xvalue *v = kept(p, key);
	cr_assert_not_null(v, "%s kept", key);
	cr_assert_eq(v->kind, X_SCALAR, "%s is text", key);
	cr_assert_str_eq(v->s, want, "%s", key);
}

/* Asserts that key is kept as a mapping holding key sub = want. */
static void
kept_has(const struct posting *p, const char *key, const char *sub,
         const char *want)
{
	const struct xvalue *v = kept(p, key);
	cr_assert_not_null(v, "%s kept", key);
	cr_assert_eq(v->kind, X_MAP, "%s is a mapping", key);
	for (size_t i = 0; i < v->n; i++)
		if (!strcmp(v->kids[i].key, sub)) {
			cr_assert_str_eq(v->kids[i].s, want, "%s.%s", key, sub);
			return;
		}
	cr_assert_fail("%s has no %s", key, sub);
}

/* The keys kept, one a line. */
static char *
kept_keys(const struct posting *p)
{
	struct buf b = {0};
	buf_adds(&b, "");
	for (size_t i = 0; i < p->nextra; i++)
		buf_printf(&b, "%s\n", p->extra[i].key);
	return buf_steal(&b);
}

/* ---- the fixtures: postings as job boards publish them ---- */

Test(jsonld, full_address_keeps_postal_code_logo_identifier)
{
	cr_assert_eq(load_path(&c, TEST_DATA "/jsonld/full-address.json",
	                       NULL), 1);
	dump();
	cr_assert_eq(c.nproblems, 0);
	struct posting *p = c.v[0];
	cr_assert_str_eq(p->identifier, "ETU-2025-014");
	cr_assert_str_eq(p->id, "eastside-tenants-union-etu-2025-014");
	cr_assert_str_eq(p->org.name, "Eastside Tenants Union");
	cr_assert_str_eq(p->org.url, "https://eastside-tenants.example.org");
	cr_assert_eq(p->nplaces, 1);
	cr_assert_str_eq(p->places[0].name, "2417 Cesar Chavez Avenue");
	cr_assert_str_eq(p->places[0].city, "Los Angeles");
	cr_assert_str_eq(p->places[0].country, "US");
	cr_assert_eq(p->salary.min, 28.5);
	cr_assert_eq(p->salary.period, PERIOD_HOUR);
	cr_assert_str_eq(p->apply.note, "Apply directly on the employer's site");
	char *k = kept_keys(p);
	cr_assert_str_eq(k, "identifier.name\n"
	                    "jobLocation.address.postalCode\n"
	                    "hiringOrganization.logo\n");
	free(k);
	kept_is(p, "identifier.name", "Eastside Tenants Union");
	kept_is(p, "jobLocation.address.postalCode", "90033");
	kept_is(p, "hiringOrganization.logo",
	        "https://eastside-tenants.example.org/images/logo.png");
}

Test(jsonld, remote_keeps_direct_apply_false_and_objects)
{
	cr_assert_eq(load_path(&c, TEST_DATA "/jsonld/remote.json", NULL), 1);
	dump();
	cr_assert_eq(c.nproblems, 0);
	struct posting *p = c.v[0];
	cr_assert_eq(p->workplace, WP_REMOTE);
	cr_assert_null(p->employment.type, "an object is no type");
	cr_assert_str_eq(p->salary.currency, "USD");
	/* employerOverview wins; the organization's own description is
	 * kept */
	cr_assert_str_eq(p->org.about, "Founded in 2009 by six river-town "
	                 "groups.");
	cr_assert_str_eq(p->apply.email, "jobs@northern-rivers.example.org");
	cr_assert_str_eq(p->apply.note, "Hiring committee");
	char *k = kept_keys(p);
	cr_assert_str_eq(k, "employmentType\n"
	                    "applicantLocationRequirements\n"
	                    "applicationContact.description\n"
	                    "applicationContact.contactType\n"
	                    "applicationContact.availableLanguage\n"
	                    "hiringOrganization.description\n"
	                    "hiringOrganization.logo\n"
	                    "hiringOrganization.numberOfEmployees\n"
	                    "directApply\n");
	free(k);
	kept_has(p, "employmentType", "name", "Full time, benefits eligible");
	kept_has(p, "employmentType", "codeValue", "FT-B");
	kept_has(p, "applicantLocationRequirements", "name", "USA");
	kept_is(p, "applicationContact.description", "Replies within two weeks");
	kept_is(p, "applicationContact.contactType", "recruiting");
	cr_assert_eq(kept(p, "applicationContact.availableLanguage")->n, 2);
	kept_is(p, "hiringOrganization.description",
	        "A coalition of river-town community groups.");
	kept_has(p, "hiringOrganization.logo", "url",
	         "https://northern-rivers.example.org/logo-512.png");
	kept_has(p, "hiringOrganization.logo", "width", "512");
	kept_is(p, "hiringOrganization.numberOfEmployees", "14");
	kept_is(p, "directApply", "false");
}

Test(jsonld, two_places_keep_geo_each_and_salary_extras)
{
	cr_assert_eq(load_path(&c, TEST_DATA "/jsonld/two-places.json",
	                       NULL), 1);
	dump();
	cr_assert_eq(c.nproblems, 0);
	struct posting *p = c.v[0];
	cr_assert_str_eq(p->identifier, "GLWC-77");
	cr_assert_str_eq(p->id, "great-lakes-workers-center-glwc-77");
	cr_assert_eq(p->nplaces, 2);
	cr_assert_str_eq(p->places[0].name, "Detroit office");
	cr_assert_str_eq(p->places[0].country, "US");
	cr_assert_str_eq(p->places[1].city, "Flint");
	cr_assert_str_eq(p->employment.type, "full-time");
	cr_assert_eq(p->salary.min, 48000);
	cr_assert_eq(p->salary.max, 54000);
	cr_assert_eq(p->experience.min_years, 1.5);
	char *k = kept_keys(p);
	cr_assert_str_eq(k, "identifier.2\n"
	                    "identifier.propertyID\n"
	                    "employmentType.2\n"
	                    "jobLocation.1.address.streetAddress\n"
	                    "jobLocation.1.address.postalCode\n"
	                    "jobLocation.1.geo\n"
	                    "jobLocation.2.address.postalCode\n"
	                    "jobLocation.2.geo\n"
	                    "experienceRequirements.experienceCategory\n"
	                    "baseSalary.description\n"
	                    "baseSalary.value.value\n");
	free(k);
	kept_has(p, "identifier.2", "value", "FO-2");
	kept_is(p, "identifier.propertyID", "requisition");
	kept_has(p, "employmentType.2", "name", "Union position");
	kept_is(p, "jobLocation.1.address.streetAddress",
	        "5800 Michigan Avenue");
	kept_is(p, "jobLocation.1.address.postalCode", "48210");
	kept_has(p, "jobLocation.1.geo", "latitude", "42.3314");
	kept_is(p, "jobLocation.2.address.postalCode", "48502");
	kept_has(p, "jobLocation.2.geo", "longitude", "-83.6875");
	kept_is(p, "experienceRequirements.experienceCategory",
	        "community organizing");
	kept_is(p, "baseSalary.description", "Step 1 of the union scale");
	kept_is(p, "baseSalary.value.value", "51000");
}

/* ---- each place the mapping reads part of something ---- */

Test(jsonld, lists_read_by_their_first_item_keep_the_rest)
{
	struct posting *p = load1(
		"\"hiringOrganization\": [{\"name\": \"A\"}, {\"name\": \"B\"}],"
		"\"applicationContact\": [{\"email\": \"a@x\"}, \"call B\"],"
		"\"baseSalary\": [50000, {\"@type\": \"MonetaryAmount\", "
		"\"value\": 60000, \"currency\": \"EUR\"}],"
		"\"jobLocationType\": [\"TELECOMMUTE\", \"ONSITE\"],"
		"\"identifier\": [\"id-1\", \"id-2\"]");
	cr_assert_eq(c.nproblems, 0);
	cr_assert_str_eq(p->org.name, "A");
	cr_assert_str_eq(p->apply.email, "a@x");
	cr_assert_eq(p->salary.min, 50000);
	cr_assert_eq(p->workplace, WP_REMOTE);
	cr_assert_str_eq(p->identifier, "id-1");
	cr_assert_str_eq(p->id, "a-id-1");
	kept_has(p, "hiringOrganization.2", "name", "B");
	kept_is(p, "applicationContact.2", "call B");
	kept_has(p, "baseSalary.2", "currency", "EUR");
	kept_is(p, "jobLocationType.2", "ONSITE");
	kept_is(p, "identifier.2", "id-2");
}

Test(jsonld, organization_parts_not_read_are_kept)
{
	struct posting *p = load1(
		"\"hiringOrganization\": {\"@type\": \"Organization\", "
		"\"@id\": \"#org\", \"name\": \"O\", \"url\": \"https://o\", "
		"\"sameAs\": [\"https://s1\", \"https://s2\"], "
		"\"alternateName\": [\"O1\", \"O2\"], \"address\": "
		"{\"postalCode\": \"10001\"}, \"telephone\": \"555\"}");
	cr_assert_eq(c.nproblems, 0);
	cr_assert_str_eq(p->org.url, "https://o");
	cr_assert_null(p->org.short_name);
	char *k = kept_keys(p);
	cr_assert_str_eq(k, "hiringOrganization.sameAs\n"
	                    "hiringOrganization.alternateName\n"
	                    "hiringOrganization.address\n"
	                    "hiringOrganization.telephone\n");
	free(k);
	cr_assert_eq(kept(p, "hiringOrganization.sameAs")->n, 2);
	kept_has(p, "hiringOrganization.address", "postalCode", "10001");
	/* without a url, the first sameAs is the url, the others kept */
	p = load1("\"hiringOrganization\": {\"name\": \"O\", \"sameAs\": "
	          "[\"https://s1\", \"https://s2\"]}");
	cr_assert_str_eq(p->org.url, "https://s1");
	k = kept_keys(p);
	cr_assert_str_eq(k, "hiringOrganization.sameAs.2\n");
	free(k);
	kept_is(p, "hiringOrganization.sameAs.2", "https://s2");
}

Test(jsonld, place_parts_not_read_are_kept)
{
	struct posting *p = load1(
		"\"jobLocation\": [{\"name\": \"HQ\", \"address\": \"1 Main "
		"St, Albany\", \"telephone\": \"555\"}, {\"address\": "
		"{\"postOfficeBoxNumber\": \"12\"}}, [\"odd\"], "
		"{\"@type\": \"Place\", \"geo\": {\"latitude\": 1}}]");
	cr_assert_eq(c.nerrors, 0);
	cr_assert_eq(p->nplaces, 1, "only the first gives a place");
	cr_assert_str_eq(p->places[0].name, "HQ");
	char *k = kept_keys(p);
	cr_assert_str_eq(k, "jobLocation.1.address\n"
	                    "jobLocation.1.telephone\n"
	                    "jobLocation.2.address.postOfficeBoxNumber\n"
	                    "jobLocation.3\n"
	                    "jobLocation.4.geo\n");
	free(k);
	kept_is(p, "jobLocation.1.address", "1 Main St, Albany");
}

Test(jsonld, salary_parts_not_read_are_kept)
{
	/* a value beside minValue and maxValue, the MonetaryAmount's unit
	 * beside its QuantitativeValue's, and salaryCurrency beside the
	 * MonetaryAmount's own currency */
	struct posting *p = load1(
		"\"baseSalary\": {\"currency\": \"EUR\", \"unitText\": \"DAY\","
		"\"validFrom\": \"2025-01-01\", \"value\": {\"minValue\": 10, "
		"\"maxValue\": 20, \"value\": \"15\", \"unitText\": \"HOUR\"}},"
		"\"salaryCurrency\": \"GBP\"");
	cr_assert_eq(c.nerrors, 0);
	cr_assert_str_eq(p->salary.currency, "EUR");
	cr_assert_eq(p->salary.period, PERIOD_HOUR);
	char *k = kept_keys(p);
	cr_assert_str_eq(k, "baseSalary.unitText\nbaseSalary.validFrom\n"
	                    "baseSalary.value.value\nsalaryCurrency\n");
	free(k);
	kept_is(p, "salaryCurrency", "GBP");
	/* salaryCurrency saying what the currency does is not kept twice */
	p = load1("\"baseSalary\": {\"currency\": \"EUR\", \"value\": 5}, "
	          "\"salaryCurrency\": \"eur\"");
	cr_assert_eq(p->nextra, 0);
	/* a bad amount beside good ones is kept, and said */
	p = load1("\"baseSalary\": {\"value\": {\"minValue\": \"lots\", "
	          "\"maxValue\": 30}}");
	cr_assert_eq(p->salary.max, 30);
	cr_assert_eq(c.nerrors, 1);
	kept_is(p, "baseSalary.value.minValue", "lots");
}

Test(jsonld, bad_currency_is_said_and_the_salary_kept)
{
	static const char *const cases[][2] = {
		{"\"baseSalary\": {\"currency\": \"US$\", \"value\": 5}",
		 "baseSalary: currency: expected a three-letter ISO 4217 code "
		 "such as USD, found 'US$'; the salary is kept under Other"},
		{"\"baseSalary\": {\"currency\": \"XYZ\", \"value\": 5}",
		 "baseSalary: currency: expected a three-letter ISO 4217 code "
		 "such as USD, found 'XYZ'; the salary is kept under Other"},
		{"\"baseSalary\": 50000, \"salaryCurrency\": \"Euro\"",
		 "salaryCurrency: expected a three-letter ISO 4217 code such as "
		 "USD, found 'Euro'; the salary is kept under Other"},
	};
	for (size_t i = 0; i < 3; i++) {
		struct posting *p = load1(cases[i][0]);
		cr_assert(!p->salary.present, "%s", cases[i][0]);
		cr_assert_eq(c.nerrors, 1);
		cr_assert_str_eq(c.problems[0].msg, cases[i][1]);
		cr_assert_not_null(kept(p, "baseSalary"));
	}
	cr_assert_not_null(kept(c.v[0], "salaryCurrency"));
}

Test(jsonld, fields_given_twice_keep_the_one_not_shown)
{
	/* directApply true when the contact already says how to apply */
	struct posting *p = load1(
		"\"directApply\": true, \"applicationContact\": \"Write to B\"");
	cr_assert_str_eq(p->apply.note, "Write to B");
	kept_is(p, "directApply", "true");
	/* the organization's description when employerOverview is given,
	 * in either order */
	const char *orders[] = {
		"\"employerOverview\": \"E\", \"hiringOrganization\": "
		"{\"name\": \"O\", \"description\": \"D\"}",
		"\"hiringOrganization\": {\"name\": \"O\", \"description\": "
		"\"D\"}, \"employerOverview\": \"E\"",
	};
	for (int i = 0; i < 2; i++) {
		p = load1(orders[i]);
		cr_assert_str_eq(p->org.about, "E");
		kept_is(p, "hiringOrganization.description", "D");
	}
	/* the contact's description beside its name */
	p = load1("\"applicationContact\": {\"name\": \"N\", \"description\":"
	          " \"D\"}");
	cr_assert_str_eq(p->apply.note, "N");
	kept_is(p, "applicationContact.description", "D");
}

Test(jsonld, objects_read_as_their_name_keep_the_rest)
{
	struct posting *p = load_members(
		"\"employmentUnit\": {\"name\": \"Legal\", \"url\": \"https://u\"},"
		"\"skills\": [{\"name\": \"Spanish\", \"termCode\": \"es\"}, "
		"\"Driving\"],"
		"\"title\": [\"A\", \"B\"], \"name\": \"Named\","
		"\"employmentType\": [\"PART_TIME\", [\"X\"]]");
	cr_assert_str_eq(p->department, "Legal");
	cr_assert_str_eq(p->title, "Named");
	cr_assert_str_eq(p->employment.type, "part-time");
	kept_is(p, "employmentUnit.url", "https://u");
	kept_is(p, "skills.1.termCode", "es");
	cr_assert_eq(kept(p, "schema:title")->n, 2);
	cr_assert_eq(kept(p, "employmentType.2")->kind, X_SEQ);
	cr_assert_eq(c.nerrors, 1);
	cr_assert_str_eq(c.problems[0].msg, "title: expected text, found a "
	                 "list; kept under Other");
}
