/* SPDX-License-Identifier: MIT */
/* Identities: default ids made from what a posting says, stable when its
 * file is moved, renamed or reordered, different for different postings
 * (two files named jobs.yml, a posting replaced in its file); the ids
 * billet made before, to carry old state files over. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"
#include "identity.h"
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

TestSuite(identity, .init = setup, .fini = teardown);

/* Loads text as the file name; returns the first posting it added. */
static struct posting *
load_as(const char *name, const char *text)
{
	size_t before = c.n;
	load_buffer(&c, name, text, strlen(text), NULL);
	cr_assert_gt(c.n, before, "%s loaded nothing", name);
	return c.v[before];
}

/* The id the posting in text gets when loaded alone as name (a copy). */
static char *
id_as(const char *name, const char *text)
{
	struct catalog k;
	catalog_init(&k);
	load_buffer(&k, name, text, strlen(text), NULL);
	cr_assert_eq(k.n, 1, "%s", text);
	char *id = strdup(k.v[0]->id);
	catalog_free(&k);
	return id;
}

/* p's legacy id (a copy). */
static char *
legacy(const struct posting *p)
{
	struct buf b = {0};
	identity_legacy(&b, p);
	return buf_steal(&b);
}

static const char jobs_a[] =
	"title: Tenant Organizer\norganization: Eastside Tenants Union\n"
	"location: Portland, OR\n";
static const char jobs_b[] =
	"title: Tenant Organizer\norganization: Westside Renters\n"
	"location: Portland, OR\n";

/* ---- slugs and hashes ---- */

Test(identity, slug_is_ascii_lowercase_and_cut_at_a_word)
{
	struct buf b = {0};
	identity_slug(&b, "  Policy Advocate & Organizer (Kern) ", 40);
	cr_assert_str_eq(b.s, "policy-advocate-organizer-kern");
	buf_clear(&b);
	identity_slug(&b, "Société d'entraide de Montréal — Œuvre, Łódź", 60);
	cr_assert_str_eq(b.s, "societe-d-entraide-de-montreal-oeuvre-lodz");
	buf_clear(&b);
	identity_slug(&b, "Straße Ærø Þing", 40);
	cr_assert_str_eq(b.s, "strasse-aero-thing");
	buf_clear(&b);
	/* cut at the last word that fits */
	identity_slug(&b, "Senior Director of Community Organizing and Base "
	              "Building", 40);
	cr_assert_str_eq(b.s, "senior-director-of-community-organizing");
	cr_assert_leq(b.len, 40);
	buf_clear(&b);
	/* one long word is cut where it must */
	identity_slug(&b, "Supercalifragilisticexpialidocious", 10);
	cr_assert_str_eq(b.s, "supercalif");
	buf_clear(&b);
	/* nothing to spell: nothing */
	identity_slug(&b, "東京市民連合", 40);
	cr_assert_eq(b.len, 0);
	identity_slug(&b, "\x01\x1b!! — …", 40);
	cr_assert_eq(b.len, 0);
	buf_free(&b);
}

Test(identity, hash_is_fixed_and_its_text_short)
{
	/* the same on every machine: ids in state files depend on it */
	cr_assert_eq(identity_hash("", 0), identity_hash("", 0));
	cr_assert_neq(identity_hash("a", 1), identity_hash("b", 1));
	struct buf b = {0};
	identity_hash_text(&b, 0);
	cr_assert_str_eq(b.s, "0000000000");
	buf_clear(&b);
	identity_hash_text(&b, ~0ULL);
	cr_assert_str_eq(b.s, "zzzzzzzzzz");
	buf_clear(&b);
	identity_hash_text(&b, identity_hash("billet", 6));
	cr_assert_eq(b.len, IDENTITY_HASH_LEN);
	cr_assert_eq(strspn(b.s, "0123456789abcdefghjkmnpqrstvwxyz"), b.len);
	buf_free(&b);
}

/* ---- the rules ---- */

Test(identity, a_given_id_is_kept)
{
	struct posting *p = load_as("jobs.yml", "id: mine\ntitle: T\n"
	                            "organization: O\n");
	cr_assert_str_eq(p->id, "mine");
	cr_assert_not(p->id_made);
}

Test(identity, content_id_is_a_title_slug_and_a_hash)
{
	struct posting *p = load_as("jobs.yml", jobs_a);
	cr_assert(p->id_made);
	cr_assert_eq(strncmp(p->id, "tenant-organizer-", 17), 0, "%s", p->id);
	cr_assert_eq(strlen(p->id), 17 + IDENTITY_HASH_LEN, "%s", p->id);
	enum identity_kind k;
	struct arena a = {0};
	const char *again = identity_default(&a, p, &k);
	cr_assert_str_eq(again, p->id);
	cr_assert_eq(k, IDENTITY_CONTENT);
	arena_free(&a);
}

/* A posting's id never changes with billet's version: these were made by
 * the release that first made them (a content id by organization, title
 * and place; one of a posting with neither organization nor place, from
 * everything it says, white space and case folded, kept keys included). */
Test(identity, content_ids_are_pinned)
{
	char *a = id_as("a.yml", "title: Tenant Organizer\n"
	                "organization: Eastside Tenants Union\n"
	                "location: Portland, OR\n");
	cr_assert_str_eq(a, "tenant-organizer-rxgtcrgwyn");
	char *b = id_as("b.yml", "title: \"  Canvasser\\t Lead \"\n"
	                "summary: \"Knock  doors,\\n\\n  TALK to people.\"\n"
	                "responsibilities: [One, \"Two  Three\"]\n"
	                "foo: {Bar: [Baz, \"Q  u\"]}\n");
	cr_assert_str_eq(b, "canvasser-lead-d5m9xxrwrv");
	free(a);
	free(b);
}

/* Two files named jobs.yml in different folders: two ids, and neither
 * depends on the folder, the name or the load order. */
Test(identity, two_files_of_one_name_never_share_an_id)
{
	struct posting *a = load_as("one/jobs.yml", jobs_a);
	struct posting *b = load_as("two/jobs.yml", jobs_b);
	cr_assert_str_neq(a->id, b->id);
	cr_assert_null(a->twin_of);
	cr_assert_null(b->twin_of);
	cr_assert_eq(c.nproblems, 0);
	/* the other order: the same ids */
	char *a2 = id_as("two/jobs.yml", jobs_a);
	char *b2 = id_as("one/jobs.yml", jobs_b);
	cr_assert_str_eq(a2, a->id);
	cr_assert_str_eq(b2, b->id);
	free(a2);
	free(b2);
}

/* Moved, renamed, or put among other postings: the same id. */
Test(identity, stable_when_the_file_is_moved_or_renamed)
{
	char *id = id_as("jobs.yml", jobs_a);
	char *moved = id_as("archive/2026/kept.yaml", jobs_a);
	cr_assert_str_eq(moved, id);
	/* the third of three documents */
	struct catalog k;
	catalog_init(&k);
	char three[512];
	snprintf(three, sizeof(three), "%s---\n%s---\n%s", jobs_b,
	         "title: Other\norganization: O\n", jobs_a);
	load_buffer(&k, "x.yml", three, strlen(three), NULL);
	cr_assert_eq(k.n, 3);
	cr_assert_str_eq(k.v[2]->id, id);
	cr_assert_eq(k.v[2]->doc, 3);
	catalog_free(&k);
	free(moved);
	free(id);
}

/* A posting removed from its file and another put in its place: the
 * newcomer has an id of its own, and the postings after keep theirs. */
Test(identity, a_posting_replaced_in_its_file_gets_its_own_id)
{
	static const char before[] =
		"title: Canvasser\norganization: O\n---\n"
		"title: Organizer\norganization: O\n";
	static const char after[] =
		"title: Driver\norganization: O\n---\n"
		"title: Organizer\norganization: O\n";
	load_as("jobs.yml", before);
	char *old1 = strdup(c.v[0]->id), *old2 = strdup(c.v[1]->id);
	catalog_free(&c);
	catalog_init(&c);
	load_as("jobs.yml", after);
	cr_assert_str_neq(c.v[0]->id, old1, "the newcomer takes no id");
	cr_assert_str_eq(c.v[1]->id, old2);
	free(old1);
	free(old2);
}

/* What the fingerprint reads: organization, title and location, their
 * case and spacing aside; not the salary, the summary, the file. */
Test(identity, content_id_reads_org_title_and_place_only)
{
	char *id = id_as("a.yml", jobs_a);
	char *same = id_as("b.yml",
	                   "title: '  tenant   ORGANIZER '\n"
	                   "organization: eastside tenants union\n"
	                   "location: portland,  or\nsalary: 50000\n"
	                   "summary: Changed since.\n");
	cr_assert_str_eq(same, id);
	char *elsewhere = id_as("a.yml", "title: Tenant Organizer\n"
	                        "organization: Eastside Tenants Union\n"
	                        "location: Salem, OR\n");
	cr_assert_str_neq(elsewhere, id);
	char *org = id_as("a.yml", "title: Tenant Organizer\n"
	                  "organization: {name: Eastside Tenants Union, "
	                  "short: ETU}\nlocation: Portland, OR\n");
	cr_assert_str_eq(org, id, "the organization's name, not its form");
	free(id);
	free(same);
	free(elsewhere);
	free(org);
}

Test(identity, url_id_survives_a_changed_title_elsewhere)
{
	char *a = id_as("a.yml", "title: Organizer\norganization: O\n"
	                "source: https://Jobs.Example.org/p/17/#apply\n");
	cr_assert_eq(strncmp(a, "organizer-", 10), 0, "%s", a);
	/* the same URL written otherwise; another organization or place */
	char *b = id_as("b.yml", "title: Organizer\norganization: P\n"
	                "location: Elsewhere\n"
	                "source: ' https://jobs.example.org/p/17 '\n");
	cr_assert_str_eq(b, a);
	/* the path's case counts */
	char *d = id_as("a.yml", "title: Organizer\norganization: O\n"
	                "source: https://jobs.example.org/P/17\n");
	cr_assert_str_neq(d, a);
	free(a);
	free(b);
	free(d);
}

Test(identity, schema_org_identifier_with_its_organization)
{
	struct posting *p = load_as("page.json",
		"{\"@type\": \"JobPosting\", \"title\": \"Canvass Lead\", "
		"\"hiringOrganization\": {\"name\": \"East Bay Votes\"}, "
		"\"url\": \"https://example.org/x\", "
		"\"identifier\": {\"@type\": \"PropertyValue\", "
		"\"value\": \"REQ 2026/17\"}}");
	cr_assert_str_eq(p->id, "east-bay-votes-req-2026-17");
	cr_assert_str_eq(p->identifier, "REQ 2026/17");
	cr_assert(p->id_made);
	/* the same identifier at another organization: another id */
	struct posting *q = load_as("other.json",
		"{\"@type\": \"JobPosting\", \"title\": \"Canvass Lead\", "
		"\"hiringOrganization\": \"West Bay Votes\", "
		"\"identifier\": \"REQ 2026/17\"}");
	cr_assert_str_eq(q->id, "west-bay-votes-req-2026-17");
	/* an identifier with nothing to spell: its hash */
	struct posting *r = load_as("k.json",
		"{\"@type\": \"JobPosting\", \"title\": \"T\", "
		"\"hiringOrganization\": \"東京\", \"identifier\": \"番号\"}");
	cr_assert_eq(strncmp(r->id, "t-", 2), 0, "%s", r->id);
	cr_assert_eq(strlen(r->id), 2 + IDENTITY_HASH_LEN, "%s", r->id);
}

/* An identifier too long to spell whole (a page's URL): what fits, then
 * the hash of all of it, so that two such never meet at the cut. */
Test(identity, a_long_identifier_is_cut_and_hashed)
{
	struct posting *a = load_as("a.json",
		"{\"@type\": \"JobPosting\", \"title\": \"T\", "
		"\"hiringOrganization\": \"Eastside Community Center\", "
		"\"identifier\": \"https://eastside.example/?post_type="
		"job_listing&p=412\"}");
	struct posting *b = load_as("b.json",
		"{\"@type\": \"JobPosting\", \"title\": \"T\", "
		"\"hiringOrganization\": \"Eastside Community Center\", "
		"\"identifier\": \"https://eastside.example/?post_type="
		"job_listing&p=413\"}");
	cr_assert_str_neq(a->id, b->id);
	cr_assert_null(a->twin_of);
	cr_assert_eq(strncmp(a->id, "eastside-community-center-https-", 32), 0,
	             "%s", a->id);
	cr_assert_leq(strlen(a->id), 30 + 1 + 20 + 1 + IDENTITY_HASH_LEN,
	              "%s", a->id);
}

/* No organization and no place: a title alone is too little (every
 * "Software Engineer" of such would be one posting), so what it says
 * counts. */
Test(identity, without_organization_or_place_everything_counts)
{
	char *a = id_as("a.json", "{\"@type\": \"JobPosting\", \"title\": "
	                "\"Systems Research Engineer\", \"industry\": "
	                "\"Software Publishers\"}");
	char *b = id_as("b.json", "{\"@type\": \"JobPosting\", \"title\": "
	                "\"Systems Research Engineer\", \"applicationContact\": "
	                "{\"email\": \"info@example.com\"}}");
	char *c2 = id_as("c.yaml", "title: Systems Research Engineer\n"
	                 "salary: 90000\n");
	char *d = id_as("d.yaml", "title: Systems Research Engineer\n"
	                "salary: 95000\n");
	cr_assert_str_neq(a, b);
	cr_assert_str_neq(c2, d);
	cr_assert_eq(strncmp(a, "systems-research-engineer-", 26), 0, "%s", a);
	/* with an organization, the salary does not count */
	char *e = id_as("e.yaml", "title: Engineer\norganization: O\n"
	                "salary: 90000\n");
	char *f = id_as("f.yaml", "title: Engineer\norganization: O\n"
	                "salary: 95000\n");
	cr_assert_str_eq(e, f);
	free(a);
	free(b);
	free(c2);
	free(d);
	free(e);
	free(f);
}

Test(identity, a_title_with_nothing_to_spell)
{
	struct posting *p = load_as("t.yml", "title: 東京の組合オルグ\n"
	                            "organization: 東京一般労組\n");
	cr_assert_eq(strncmp(p->id, "posting-", 8), 0, "%s", p->id);
}

/* Two different postings that still come out with one id (a given id
 * used in two files): "~2", and both know the id they share. */
Test(identity, twins_know_the_id_they_share)
{
	struct posting *a = load_as("a.yml", "id: same\ntitle: A\n"
	                            "organization: O\n");
	struct posting *b = load_as("b.yml", "id: same\ntitle: B\n"
	                            "organization: O\n");
	struct posting *d = load_as("d.yml", "id: same\ntitle: D\n"
	                            "organization: O\n");
	cr_assert_str_eq(a->id, "same");
	cr_assert_str_eq(b->id, "same~2");
	cr_assert_str_eq(d->id, "same~3");
	cr_assert_str_eq(a->twin_of, "same");
	cr_assert_str_eq(b->twin_of, "same");
	cr_assert_str_eq(d->twin_of, "same");
	/* ids swapped among them, the catalog finds them anew */
	const char *t = a->id;
	a->id = b->id;
	b->id = t;
	catalog_reindex(&c);
	cr_assert_eq(catalog_find(&c, "same"), b);
	cr_assert_eq(catalog_find(&c, "same~2"), a);
	cr_assert_eq(catalog_find(&c, "same~3"), d);
}

/* ---- the ids billet gave before ---- */

Test(identity, legacy_ids_are_the_old_defaults)
{
	struct posting *one = load_as("dir/jobs.yml", jobs_a);
	char *l = legacy(one);
	cr_assert_str_eq(l, "jobs");
	free(l);
	load_as("dir/more.yaml", "title: A\norganization: O\n---\n"
	        "title: [broken\n---\ntitle: C\norganization: O\n");
	l = legacy(c.v[1]);
	cr_assert_str_eq(l, "more#1");
	free(l);
	l = legacy(c.v[2]);
	cr_assert_str_eq(l, "more#3");
	free(l);
	struct posting *dot = load_as(".hidden", "title: H\norganization: O\n");
	l = legacy(dot);
	cr_assert_str_eq(l, ".hidden");
	free(l);
	struct posting *given = load_as("g.yml", "id: mine\ntitle: G\n");
	l = legacy(given);
	cr_assert_str_eq(l, "mine");
	free(l);
	struct posting *twin = load_as("h.yml", "id: mine\ntitle: H\n");
	cr_assert_str_eq(twin->id, "mine~2");
	l = legacy(twin);
	cr_assert_str_eq(l, "mine", "the given id, without its ~2");
	free(l);
	struct posting *ld = load_as("page.json",
		"{\"@type\": \"JobPosting\", \"title\": \"T\", "
		"\"hiringOrganization\": \"O\", \"identifier\": \"req-9\"}");
	l = legacy(ld);
	cr_assert_str_eq(l, "req-9");
	free(l);
}

/* The same through the loader in the background, files read from a
 * directory: a file of one document, and units of a big file. */
Test(identity, legacy_ids_through_load_path)
{
	char dir[] = "/tmp/billet-identity-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char path[256];
	snprintf(path, sizeof(path), "%s/one.yaml", dir);
	FILE *f = fopen(path, "w");
	fputs(jobs_a, f);
	fclose(f);
	snprintf(path, sizeof(path), "%s/many.yaml", dir);
	f = fopen(path, "w");
	for (int i = 1; i <= 3000; i++)
		fprintf(f, "---\ntitle: Posting %d\norganization: O\n"
		        "summary: %0400d\n", i, i);
	fclose(f);
	load_path(&c, dir, NULL);
	cr_assert_eq(c.n, 3001);
	char *l = legacy(c.v[0]);
	cr_assert_str_eq(l, "many#1");
	free(l);
	l = legacy(c.v[2999]);
	cr_assert_str_eq(l, "many#3000");
	free(l);
	l = legacy(c.v[3000]);
	cr_assert_str_eq(l, "one");
	free(l);
	unlink(path);
	snprintf(path, sizeof(path), "%s/one.yaml", dir);
	unlink(path);
	rmdir(dir);
}
