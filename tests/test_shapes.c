/* SPDX-License-Identifier: MIT */
/* Other sites' shapes: the table of common names, the applicant-tracking
 * boards' JSON (tests/data/shapes), wrappers of lists of postings, and the
 * note that says what a file was read as; canonical files unchanged. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <string.h>

#include "catalog.h"
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

TestSuite(shapes, .init = setup, .fini = teardown);

/* Loads a fixture of tests/data/shapes. */
static size_t
fixture(const char *name)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/shapes/%s", TEST_DATA, name);
	return load_path(&c, path, NULL);
}

/* Loads a string as a file of that name. */
static size_t
load_as(const char *name, const char *s)
{
	return load_buffer(&c, name, s, strlen(s), NULL);
}

/* The posting with this id (fails the test when there is none). */
static const struct posting *
get(const char *id)
{
	const struct posting *p = catalog_find(&c, id);
	cr_assert_not_null(p, "no posting '%s'", id);
	return p;
}

/* The note whose message contains part, or NULL. */
static const struct problem *
note(const char *part)
{
	for (size_t i = 0; i < c.nproblems; i++)
		if (c.problems[i].note && strstr(c.problems[i].msg, part))
			return &c.problems[i];
	return NULL;
}

/* Every problem, to explain a failure. */
static void
dump(void)
{
	for (size_t i = 0; i < c.nproblems; i++)
		fprintf(stderr, "%u:%u %s %s\n", c.problems[i].line,
		        c.problems[i].col, c.problems[i].error ? "E"
		        : c.problems[i].note ? "N" : "W", c.problems[i].msg);
}

/* Greenhouse ---------------------------------------------------------------- */

Test(shapes, greenhouse_board)
{
	cr_assert_eq(fixture("greenhouse-jobs.json"), 2);
	const struct posting *p = get("greenhouse-4461450008");
	cr_assert_str_eq(p->title, "Staff Attorney, Housing Unit");
	cr_assert_str_eq(p->org.name, "River Valley Legal Aid");
	cr_assert_str_eq(p->department, "Housing");
	cr_assert_eq(p->nplaces, 1);
	cr_assert_str_eq(p->places[0].name, "Sacramento, CA");
	cr_assert_str_eq(p->source, "https://job-boards.greenhouse.io/"
	                 "riverlegalaid/jobs/4461450008");
	/* a date-time with a zone: its own date, not the UTC one */
	cr_assert_eq(p->posted.ymd, 20260730);
	cr_assert_eq(p->deadline.ymd, 20260930);
	cr_assert_str_eq(p->employment.type, "full-time"); /* metadata */
	cr_assert(p->salary.present);
	cr_assert_eq(p->salary.min, 85000);
	cr_assert_eq(p->salary.max, 102000);
	cr_assert_str_eq(p->salary.currency, "USD");
	cr_assert_str_eq(p->salary.note, "Sacramento: Salary depends on years "
	                 "since bar admission.");
	/* HTML sent escaped, &amp;amp; too, reads as text */
	cr_assert_not_null(strstr(p->summary, "About the role\n\nRepresent "
	                          "tenants facing eviction in Sacramento County "
	                          "& the surrounding region."), "%s", p->summary);
	cr_assert_not_null(strstr(p->summary, "30–40 matters"));
	cr_assert_not_null(strstr(p->summary, "We're proud"));
	cr_assert_null(strstr(p->summary, "&amp;"));
	cr_assert_null(strstr(p->summary, "&lt;"));
	cr_assert_null(strstr(p->summary, "<"));
	/* what it does not place is kept */
	cr_assert_str_eq(kept_text(p, "requisition_id"), "REQ-2026-031");
	cr_assert_str_eq(kept_text(p, "updated_at"), "2026-08-21T21:32:54-04:00");
	cr_assert_null(kept_text(p, "metadata"));
	const struct posting *q = get("greenhouse-4470112008");
	cr_assert_eq(q->deadline.ymd, 0);
	cr_assert_null(q->deadline.text);
	cr_assert_eq(c.nerrors, 0);
	cr_assert_eq(c.nnotes, 2);
	cr_assert_eq(c.nproblems, 2, "only the notes");
	const struct problem *n = note("read as");
	cr_assert_not_null(n);
	cr_assert_str_eq(n->msg, "read as a Greenhouse job board; 2 postings");
	cr_assert_eq(n->line, 0); /* the file as a whole: 1:1 */
	cr_assert_not_null(note("keys not placed, kept under Other: "
	                        "data_compliance, internal_job_id, updated_at, "
	                        "requisition_id, language, offices"));
}

Test(shapes, greenhouse_single_job_names_no_organization_once)
{
	cr_assert_eq(fixture("greenhouse-job.json"), 1);
	const struct posting *p = get("greenhouse-127817");
	cr_assert_str_eq(p->title, "Community Organizer");
	cr_assert_null(p->org.name);
	cr_assert_str_eq(p->summary, "Build tenant associations across Kern "
	                 "County. Spanish strongly preferred.");
	cr_assert_eq(p->posted.ymd, 20260114); /* updated_at, no other */
	cr_assert_str_eq(p->department, "Organizing");
	/* a custom field it does not know keeps the list */
	cr_assert_not_null(kept_text(p, "metadata"));
	/* no warning for the posting: the note says it once */
	cr_assert_eq(c.nproblems, 2);
	cr_assert_not_null(note("read as a Greenhouse job board; 1 posting; "
	                        "it names no organization (1 posting)"));
}

/* HTML sent escaped is read once: a tag written as text in it ("&amp;lt;"
 * in the escaped HTML, "&lt;" in the HTML) stays text, not a tag */
Test(shapes, escaped_html_read_once)
{
	cr_assert_eq(load_as("gh.json", "{\"id\": 5, \"title\": \"Web "
	             "Developer\", \"absolute_url\": \"https://boards."
	             "greenhouse.io/x/jobs/5\", \"updated_at\": \"2026-01-14\", "
	             "\"content\": \"&lt;p&gt;Lay out pages with &amp;lt;div&amp;gt; "
	             "and &amp;lt;table&amp;gt; elements &amp;amp;amp; more.&lt;/p&gt;\"}"),
	             1);
	const struct posting *p = get("greenhouse-5");
	cr_assert_str_eq(p->summary, "Lay out pages with <div> and <table> "
	                 "elements &amp; more.");
}

/* Lever ------------------------------------------------------------------- */

Test(shapes, lever_postings)
{
	cr_assert_eq(fixture("lever-postings.json"), 2);
	const struct posting *p = get("lever-9cb4c077-a07b-4157-b6ca-"
	                              "eddbf5daef08");
	cr_assert_str_eq(p->title, "Youth Case Manager");
	cr_assert_str_eq(p->department, "Programs / Youth Services");
	cr_assert_eq(p->nplaces, 2);
	cr_assert_str_eq(p->places[1].name, "Richmond, CA");
	cr_assert_str_eq(p->places[1].country, "US");
	cr_assert_eq(p->workplace, WP_HYBRID);
	cr_assert_str_eq(p->employment.type, "full-time");
	/* createdAt in milliseconds since 1970: 1784172458969 */
	cr_assert_eq(p->posted.ymd, 20260716);
	cr_assert_str_eq(p->posted.text, "2026-07-16");
	cr_assert_eq(p->salary.min, 58000);
	cr_assert_eq(p->salary.period, PERIOD_YEAR);
	cr_assert_str_eq(p->salary.note, "Placement in the range depends on "
	                 "experience.");
	cr_assert_eq(p->responsibilities.n, 2);
	cr_assert_str_eq(p->responsibilities.v[1], "Visit employers across the "
	                 "East Bay");
	cr_assert_eq(p->qualifications.n, 2);
	cr_assert_str_eq(p->qualifications.v[1], "A driver's license");
	cr_assert_eq(p->benefits.n, 2);
	cr_assert_str_eq(p->summary, "Bay Youth Works connects young people "
	                 "with their first jobs.\n\nThe case manager walks with "
	                 "each participant from intake to placement.");
	cr_assert_str_eq(p->apply.url, "https://jobs.lever.co/bayyouthworks/"
	                 "9cb4c077-a07b-4157-b6ca-eddbf5daef08/apply");
	cr_assert_eq(p->nsections, 1);
	cr_assert_str_eq(p->sections[0].heading, "Additional information");
	cr_assert_null(kept_text(p, "descriptionPlain"), "a copy, not kept");
	const struct posting *q = get("lever-d025a757-a3df-4ef7-8344-"
	                              "bcd0de83933f");
	cr_assert_eq(q->salary.period, PERIOD_HOUR);
	cr_assert_eq(q->workplace, WP_REMOTE);
	cr_assert_eq(q->posted.ymd, 20260528);
	cr_assert_str_eq(kept_text(q, "categories.level"), "Associate");
	cr_assert_not_null(note("read as a Lever postings list; 2 postings"));
}

/* Ashby ------------------------------------------------------------------- */

Test(shapes, ashby_board)
{
	cr_assert_eq(fixture("ashby-board.json"), 2);
	const struct posting *p = get("ashby-085eaa32-44fe-4928-8826-"
	                              "b48873823bfd");
	cr_assert_str_eq(p->department, "Research / Benefits Access");
	cr_assert_eq(p->nplaces, 2);
	cr_assert_str_eq(p->places[0].name, "New York, NY");
	cr_assert_str_eq(p->places[0].country, "United States");
	cr_assert_str_eq(p->places[1].name, "Remote (United States)");
	cr_assert_eq(p->workplace, WP_HYBRID, "workplaceType over isRemote");
	cr_assert_str_eq(p->employment.type, "full-time");
	cr_assert_eq(p->salary.min, 95000);
	cr_assert_eq(p->salary.max, 115000);
	cr_assert_str_eq(p->salary.note, "$95K – $115K • Offers Bonus");
	cr_assert_eq(p->posted.ymd, 20260718);
	cr_assert_not_null(strstr(p->summary, "enroll in SNAP and WIC"));
	cr_assert_str_eq(p->source, "https://jobs.ashbyhq.com/civicbridge/"
	                 "085eaa32-44fe-4928-8826-b48873823bfd");
	const struct posting *q = get("ashby-b52d240f-0000-4d2b-9a8e-"
	                              "7e2f2b0c1a11");
	cr_assert_str_eq(q->employment.type, "internship");
	cr_assert_eq(q->workplace, WP_REMOTE, "isRemote");
	cr_assert_eq(q->salary.period, PERIOD_HOUR);
	cr_assert_not_null(note("read as an Ashby job board; 2 postings"));
}

/* Workable ---------------------------------------------------------------- */

Test(shapes, workable_widget_gives_each_posting_its_organization)
{
	cr_assert_eq(fixture("workable-widget.json"), 2);
	const struct posting *p = get("workable-8B8A457674");
	cr_assert_str_eq(p->org.name, "Harbor Health Collective");
	cr_assert_str_eq(p->org.about, "Community clinics on the Gulf Coast.");
	cr_assert_eq(p->nplaces, 1);
	cr_assert_str_eq(p->places[0].city, "Mobile");
	cr_assert_str_eq(p->places[0].region, "Alabama");
	cr_assert_eq(p->workplace, WP_NONE, "telecommuting false says nothing");
	cr_assert_eq(p->qualifications.n, 2);
	cr_assert_eq(p->benefits.n, 1);
	cr_assert_eq(p->posted.ymd, 20260921);
	cr_assert_str_eq(p->apply.url, "https://apply.workable.com/j/"
	                 "8B8A457674/apply");
	const struct posting *q = get("workable-5EA5DDE797");
	cr_assert_eq(q->workplace, WP_REMOTE);
	cr_assert_str_eq(q->places[0].country, "United States");
	cr_assert_null(q->places[0].city);
	cr_assert_not_null(note("read as a Workable job list; 2 postings; the "
	                        "organization of each from the key name"));
}

Test(shapes, workable_v3_results)
{
	cr_assert_eq(fixture("workable-v3.json"), 2);
	const struct posting *p = get("workable-26A1882738");
	cr_assert_eq(p->workplace, WP_HYBRID);
	cr_assert_str_eq(p->employment.type, "full-time");
	cr_assert_str_eq(p->department, "Newcomer Services");
	cr_assert_str_eq(p->places[0].city, "Toronto");
	cr_assert_eq(p->posted.ymd, 20260810);
	/* its own id is kept, not taken for the posting's */
	cr_assert_str_eq(kept_text(p, "workable:id"), "6020481");
	cr_assert_str_eq(kept_text(p, "state"), "published");
	const struct posting *q = get("workable-CCC33344DD");
	cr_assert_str_eq(q->department, "Newcomer Services, Counselling");
	cr_assert_str_eq(q->employment.type, "contract");
	cr_assert_eq(c.nerrors, 0);
	dump();
}

/* SmartRecruiters, Recruitee --------------------------------------------- */

Test(shapes, smartrecruiters_list_and_posting)
{
	cr_assert_eq(fixture("smartrecruiters-postings.json"), 2);
	cr_assert_eq(fixture("smartrecruiters-posting.json"), 1);
	const struct posting *p = get("smartrecruiters-744000137413079");
	cr_assert_str_eq(p->title, "Family Support Specialist");
	cr_assert_str_eq(p->org.name, "Lakeside Family Services");
	cr_assert_str_eq(p->places[0].country, "CA");
	cr_assert_str_eq(p->places[0].region, "ON");
	cr_assert_eq(p->workplace, WP_HYBRID);
	cr_assert_eq(p->posted.ymd, 20260315);
	cr_assert_null(kept_text(p, "department"), "an empty {} is nothing");
	const struct posting *d = get("smartrecruiters-744000137413079~2");
	cr_assert_str_eq(d->org.about, "Lakeside has supported families in "
	                 "eastern Ontario since 1962.");
	cr_assert_str_eq(d->summary, "Visit families at home and coordinate "
	                 "supports.");
	cr_assert_eq(d->qualifications.n, 2);
	cr_assert_eq(d->nsections, 1);
	cr_assert_str_eq(d->sections[0].heading, "Additional Information");
	cr_assert_str_eq(d->source, "https://jobs.smartrecruiters.com/"
	                 "LakesideFamilyServices/744000137413079-family-"
	                 "support-specialist");
	const struct posting *q = get("smartrecruiters-744000150470642");
	cr_assert_eq(q->workplace, WP_REMOTE);
	cr_assert_str_eq(q->department, "Intake");
	cr_assert_str_eq(q->employment.type, "contract");
}

Test(shapes, recruitee_offers)
{
	cr_assert_eq(fixture("recruitee-offers.json"), 1);
	const struct posting *p = get("recruitee-2620732");
	cr_assert_str_eq(p->org.name, "Stichting Nieuw Begin");
	cr_assert_eq(p->workplace, WP_HYBRID);
	cr_assert_str_eq(p->employment.type, "full-time");
	cr_assert_eq(p->salary.min, 3400); /* a number written as text */
	cr_assert_eq(p->salary.max, 4300);
	cr_assert_str_eq(p->salary.currency, "EUR");
	cr_assert_eq(p->salary.period, PERIOD_MONTH);
	cr_assert_eq(p->posted.ymd, 20260529); /* "... 09:45:21 UTC" */
	cr_assert_str_eq(p->places[0].city, "Utrecht");
	cr_assert_str_eq(p->apply.email, "job.k3x9q@nieuwbegin.recruitee.com");
	cr_assert_eq(p->qualifications.n, 2);
	cr_assert_eq(p->tags.n, 2);
	cr_assert_not_null(note("read as a Recruitee offers list; 1 posting"));
}

/* The table of common names ------------------------------------------------ */

Test(shapes, names_list_yaml)
{
	cr_assert_eq(fixture("names-list.yaml"), 3);
	const struct posting *p = c.v[0];
	cr_assert_str_eq(p->title, "Tenant Organizer");
	cr_assert_str_eq(p->org.name, "Eastside Tenants Union");
	cr_assert_eq(p->deadline.ymd, 20261015);
	cr_assert_str_eq(p->source, "https://eastsidetenants.example.org/jobs/"
	                 "organizer");
	cr_assert_eq(p->workplace, WP_NONE);
	cr_assert_str_eq(p->employment.type, "full-time");
	cr_assert_eq(p->salary.min, 52000);
	cr_assert_eq(p->salary.max, 58000);
	cr_assert_str_eq(p->summary, "Knock doors, run building meetings, and "
	                 "support tenant leaders.\n\nSpanish is a plus.");
	cr_assert_eq(p->tags.n, 2);
	const struct posting *q = c.v[1];
	cr_assert_str_eq(q->title, "Bookkeeper");
	cr_assert_str_eq(q->org.name, "Mutual Aid Network");
	cr_assert_str_eq(q->deadline.text, "open until filled");
	cr_assert_eq(q->workplace, WP_REMOTE); /* yes */
	cr_assert_eq(q->salary.period, PERIOD_HOUR);
	cr_assert_str_eq(kept_text(q, "contact"), "jobs@mutualaid.example.org");
	/* no title, but a title's other name: the canonical keys it has
	 * (organization, department) are read as ever */
	const struct posting *r = c.v[2];
	cr_assert_str_eq(r->title, "Youth Program Lead");
	cr_assert_str_eq(r->org.name, "Westside Youth Center");
	cr_assert_str_eq(r->department, "Programs");
	cr_assert_eq(r->workplace, WP_HYBRID);
	cr_assert_eq(c.nerrors, 0);
	cr_assert_eq(c.nproblems, 2, "the notes only");
	cr_assert_not_null(note("read as a list of postings with other key "
	                        "names: name -> title, company -> organization"));
	cr_assert_not_null(note("keys not placed, kept under Other: contact"));
}

Test(shapes, names_json_dates_salary_parts_places)
{
	cr_assert_eq(fixture("names-list.json"), 2);
	const struct posting *p = c.v[0];
	cr_assert_str_eq(p->title, "Policy Analyst");
	cr_assert_str_eq(p->org.name, "CFW", "company ranks before "
	                 "employer_name");
	cr_assert_str_eq(kept_text(p, "employer_name"), "Coalition for Fair Wages");
	cr_assert_eq(p->workplace, WP_REMOTE);
	cr_assert_str_eq(p->employment.type, "full-time");
	cr_assert_eq(p->nplaces, 2);
	cr_assert_str_eq(p->places[0].name, "Washington, DC");
	cr_assert_str_eq(p->places[1].region, "MD");
	cr_assert_eq(p->salary.min, 70000);
	cr_assert_eq(p->salary.max, 82000);
	cr_assert_eq(p->posted.ymd, 20260716);
	cr_assert_eq(p->deadline.ymd, 20261001);
	/* the body's list stays a list (issue 14) */
	cr_assert_str_eq(p->summary, "Research minimum wage policy & write "
	                 "briefs.\n\n- Track bills\n- Testify");
	cr_assert_str_eq(p->department, "Research");
	cr_assert_str_eq(p->apply.url, "https://fairwages.example.org/apply/17");
	const struct posting *q = c.v[1];
	cr_assert_eq(q->workplace, WP_ONSITE);
	cr_assert_str_eq(q->places[0].city, "Washington");
	cr_assert_str_eq(q->places[0].region, "DC");
	cr_assert_eq(q->salary.min, 55000);
	cr_assert_eq(q->posted.ymd, 20260902);
}

Test(shapes, names_single_document)
{
	cr_assert_eq(fixture("names-single.yaml"), 1);
	const struct posting *p = c.v[0];
	cr_assert_str_eq(p->title, "Immigration Paralegal");
	cr_assert_str_eq(p->org.url, "https://northsidelaw.example.org");
	cr_assert_str_eq(kept_text(p, "employer.logo"),
	                 "https://northsidelaw.example.org/logo.png");
	cr_assert_eq(p->workplace, WP_ONSITE);
	cr_assert_eq(p->posted.ymd, 20260925);
	cr_assert_str_eq(p->apply.email, "mailto-only@northsidelaw.example.org");
	cr_assert_not_null(note("read as a posting with other key names: role "
	                        "-> title"));
}

Test(shapes, canonical_key_wins_over_its_other_names)
{
	load_as("t.yaml", "name: Organizer\ncompany: Other Co\n"
	        "organization: Real Co\nlink: https://x.example/1\n"
	        "source: https://x.example/2\n");
	const struct posting *p = c.v[0];
	cr_assert_str_eq(p->title, "Organizer");
	cr_assert_str_eq(p->org.name, "Real Co");
	cr_assert_str_eq(p->source, "https://x.example/2");
	cr_assert_str_eq(kept_text(p, "company"), "Other Co");
	cr_assert_str_eq(kept_text(p, "link"), "https://x.example/1");
	cr_assert_not_null(note("keys not placed, kept under Other: company, "
	                        "link"));
}

Test(shapes, canonical_files_unchanged)
{
	/* a title and canonical keys: the other names stay under Other,
	 * and nothing is said */
	load_as("t.yaml", "title: Organizer\norganization: Real Co\n"
	        "url: https://x.example/1\ndescription: Words.\n"
	        "remote: true\n");
	const struct posting *p = c.v[0];
	cr_assert_null(p->source);
	cr_assert_null(p->summary);
	cr_assert_eq(p->workplace, WP_NONE);
	cr_assert_str_eq(kept_text(p, "url"), "https://x.example/1");
	cr_assert_str_eq(kept_text(p, "description"), "Words.");
	cr_assert_eq(c.nproblems, 0);
	/* the samples too */
	char path[512];
	snprintf(path, sizeof(path), "%s/../../data", TEST_DATA);
	catalog_free(&c);
	catalog_init(&c);
	cr_assert_eq(load_path(&c, path, NULL), 2);
	cr_assert_eq(c.nnotes, 0);
}

Test(shapes, epoch_seconds_and_words)
{
	load_as("t.yaml", "- role: A\n  posted_at: 1784172458\n"
	        "  employment_type: PartTime\n  remote: Fully Remote\n"
	        "- role: B\n  published: true\n  work_type: freelance\n");
	cr_assert_eq(c.v[0]->posted.ymd, 20260716);
	cr_assert_str_eq(c.v[0]->employment.type, "part-time");
	cr_assert_eq(c.v[0]->workplace, WP_REMOTE);
	/* not a date: kept, said among the keys not placed */
	cr_assert_eq(c.v[1]->posted.ymd, 0);
	cr_assert_str_eq(kept_text(c.v[1], "published"), "true");
	cr_assert_str_eq(c.v[1]->employment.type, "contract");
	cr_assert_eq(c.nerrors, 0);
}

/* Wrappers ------------------------------------------------------------------ */

Test(shapes, wrapper_of_several_lists)
{
	cr_assert_eq(fixture("wrapper-public-internal.yaml"), 3);
	cr_assert_str_eq(c.v[2]->title, "Interim Office Manager");
	cr_assert_eq(c.v[2]->deadline.ymd, 20261010);
	cr_assert_eq(c.v[1]->workplace, WP_REMOTE);
	cr_assert_not_null(note("read as lists of postings under public, "
	                        "internal, with other key names"));
	cr_assert_not_null(note("; 3 postings; not read: updated"));
}

Test(shapes, wrapper_one_level_down)
{
	cr_assert_eq(fixture("wrapper-data-jobs.json"), 1);
	const struct posting *p = get("jb-301");
	cr_assert_str_eq(p->title, "Harm Reduction Outreach Worker");
	cr_assert_str_eq(p->org.name, "Street Health Alliance");
	cr_assert_str_eq(p->org.url, "https://streethealth.example.org");
	cr_assert_eq(p->posted.ymd, 20260912);
	/* meta, status, count: bookkeeping, said nowhere */
	cr_assert_null(strstr(note("read as")->msg, "not read"));
}

Test(shapes, wrapper_of_canonical_postings_names_their_organization)
{
	cr_assert_eq(fixture("wrapper-canonical.yaml"), 2);
	cr_assert_str_eq(get("vfb-driver")->org.name, "Valley Food Bank");
	cr_assert_str_eq(get("vfb-volunteer-coordinator")->org.name,
	                 "Valley Food Bank (Visalia)");
	cr_assert_not_null(note("read as a list of postings under postings; 2 "
	                        "postings; the organization of each from the "
	                        "key company"));
	cr_assert_null(note("keys not placed"));
}

Test(shapes, empty_board)
{
	load_as("t.json", "{\"jobs\": [], \"meta\": {\"total\": 0}}");
	cr_assert_eq(c.n, 0);
	cr_assert_eq(c.nerrors, 0);
	cr_assert_not_null(note("read as a list of postings under jobs; 0 "
	                        "postings"));
}

Test(shapes, a_posting_with_lists_of_mappings_is_no_wrapper)
{
	load_as("t.yaml", "title: Organizer\norganization: X\n"
	        "languages: [{name: Spanish, level: required}]\n"
	        "location: [{name: Fresno}, {name: Visalia}]\n");
	cr_assert_eq(c.n, 1);
	cr_assert_eq(c.v[0]->nlanguages, 1);
	cr_assert_eq(c.nproblems, 0);
}

Test(shapes, wrapper_postings_have_a_node_budget_each)
{
	/* 40 postings of 9 nodes: 360 nodes in the document, under 100 each */
	struct load_limits lim = load_default_limits;
	lim.max_nodes = 100;
	char buf[8192];
	size_t k = (size_t)snprintf(buf, sizeof(buf), "{\"jobs\": [");
	for (int i = 0; i < 40; i++)
		k += (size_t)snprintf(buf + k, sizeof(buf) - k,
		                      "%s{\"title\": \"Job %d\", \"company\": "
		                      "\"C\", \"remote\": true, \"url\": \"u\"}",
		                      i ? ", " : "", i);
	k += (size_t)snprintf(buf + k, sizeof(buf) - k, "]}");
	cr_assert_eq(load_buffer(&c, "t.json", buf, k, &lim), 40);
	cr_assert_eq(c.nerrors, 0);
}

Test(shapes, notes_format_and_count_apart)
{
	load_as("t.yaml", "- role: A\n  company: B\n");
	cr_assert_eq(c.nnotes, 1);
	cr_assert_eq(c.nerrors, 0);
	struct buf b = {0};
	problem_format(&b, &c.problems[0]);
	cr_assert_str_eq(b.s, "t.yaml:1:1: note: read as a posting with other "
	                 "key names: role -> title, company -> organization; "
	                 "1 posting");
	buf_free(&b);
}

Test(shapes, notes_come_before_the_files_other_problems)
{
	load_as("t.yaml", "- role: A\n- role: B\n  company: C\n  salary: lots\n");
	dump();
	cr_assert(c.problems[0].note);
	cr_assert_str_eq(c.problems[0].msg, "read as a list of postings with "
	                 "other key names: role -> title, company -> "
	                 "organization; 2 postings");
	cr_assert(!c.problems[1].note);
}
