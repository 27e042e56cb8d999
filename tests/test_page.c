/* SPDX-License-Identifier: MIT */
/* Job pages: their JSON-LD blocks and microdata read into postings, the
 * problems of a block at their place in the page, the bounds on hostile
 * pages; and a schema.org description read into summary, lists and
 * sections, nothing of it lost. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "identity.h"
#include "load.h"
#include "load/page.h"
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

TestSuite(page, .init = setup, .fini = teardown);

/* Loads a page given as a string (file "p.html"); postings added. */
static size_t
page(const char *s)
{
	return load_buffer(&c, "p.html", s, strlen(s), NULL);
}

/* Loads a JSON-LD JobPosting whose description is desc (a JSON string's
 * content) and whose other properties are more (JSON members, each
 * followed by a comma, or ""). */
static struct posting *
described(const char *more, const char *desc)
{
	struct buf b = {0};
	buf_printf(&b, "{\"@type\": \"JobPosting\", \"title\": \"T\", "
	           "\"hiringOrganization\": {\"name\": \"Canal Trust\"}, %s "
	           "\"description\": \"%s\"}", more, desc);
	cr_assert_eq(load_buffer(&c, "d.json", b.s, b.len, NULL), 1);
	buf_free(&b);
	return c.v[c.n - 1];
}

/* True if some problem has this line, column, severity and message part. */
static bool
has_problem(unsigned line, unsigned col, bool error, const char *part)
{
	for (size_t i = 0; i < c.nproblems; i++) {
		const struct problem *p = &c.problems[i];
		if (p->line == line && p->col == col && p->error == error &&
		    strstr(p->msg, part))
			return true;
	}
	return false;
}

/* Prints the problems, to explain a failure. */
static void
dump(void)
{
	for (size_t i = 0; i < c.nproblems; i++)
		fprintf(stderr, "  %s:%u:%u %s %s\n", c.problems[i].file,
		        c.problems[i].line, c.problems[i].col,
		        c.problems[i].error ? "E" : "W", c.problems[i].msg);
}

/* Descriptions -------------------------------------------------------------- */

Test(page, description_headings_make_the_lists)
{
	struct posting *p = described("",
		"<p>Canal Trust looks after 40 miles of canal.</p>"
		"<h3>Key responsibilities</h3><ul><li>Recruit volunteers</li>"
		"<li>Plan work parties<ul><li>weekly</li><li>monthly</li></ul>"
		"</li></ul>"
		"<p><strong>Who you are</strong></p><ul><li>Good with people</li>"
		"</ul>"
		"<p><b>Nice to have:</b></p><ul><li>A boat licence</li></ul>"
		"<h3>About us</h3><p>Founded in 1970.</p>"
		"<h3>What we offer</h3><p>25 days of holiday.</p>"
		"<h4>Our values</h4><p>Care.</p><ul><li>Openness</li></ul>"
		"<p>Requirements:</p><ul><li>A second list</li></ul>");
	cr_assert_str_eq(p->summary, "Canal Trust looks after 40 miles of canal.");
	cr_assert_eq(p->responsibilities.n, 2);
	cr_assert_str_eq(p->responsibilities.v[1],
	                 "Plan work parties: weekly; monthly");
	cr_assert_eq(p->qualifications.n, 1);
	cr_assert_str_eq(p->qualifications.v[0], "Good with people");
	cr_assert_eq(p->preferred.n, 1);
	cr_assert_str_eq(p->org.about, "Founded in 1970.");
	cr_assert(p->benefits_prose);
	cr_assert_str_eq(p->benefits.v[0], "25 days of holiday.");
	/* other headings, and a list already made, are sections in order */
	cr_assert_eq(p->nsections, 2);
	cr_assert_str_eq(p->sections[0].heading, "Our values");
	cr_assert_str_eq(p->sections[0].text, "Care.");
	cr_assert_eq(p->sections[0].items.n, 1);
	cr_assert_str_eq(p->sections[1].heading, "Requirements");
	cr_assert_str_eq(p->sections[1].items.v[0], "A second list");
}

Test(page, description_leaves_given_lists_alone)
{
	struct posting *p = described(
		"\"responsibilities\": [\"From the property\"], "
		"\"skills\": \"Driving\",",
		"<p>Intro.</p><h2>Responsibilities</h2><ul><li>From the text</li>"
		"</ul>");
	cr_assert_eq(p->responsibilities.n, 1);
	cr_assert_str_eq(p->responsibilities.v[0], "From the property");
	/* the description's sections first, then the properties' */
	cr_assert_eq(p->nsections, 2);
	cr_assert_str_eq(p->sections[0].heading, "Responsibilities");
	cr_assert_str_eq(p->sections[0].items.v[0], "From the text");
	cr_assert_str_eq(p->sections[1].heading, "Skills");
}

Test(page, description_text_after_a_list_closes_the_summary)
{
	struct posting *p = described("",
		"<p>Intro.</p><p><b>Requirements:</b></p><ul><li>SQL</li></ul>"
		"<p><b>Salary</b>: $60,000.</p><p>We are an equal opportunity "
		"employer.</p>");
	cr_assert_eq(p->qualifications.n, 1);
	cr_assert_str_eq(p->summary, "Intro.\n\nSalary: $60,000.\n\nWe are "
	                 "an equal opportunity employer.");
}

Test(page, description_in_other_languages)
{
	struct posting *p = described("",
		"<h3>Funciones</h3><ul><li>Coordinar</li></ul><h3>Requisitos</h3>"
		"<ul><li>Carn\u00e9</li></ul><h3>Se valorar\u00e1</h3><ul><li>Ingl"
		"\u00e9s</li></ul><h3>Ofrecemos</h3><ul><li>Contrato</li></ul>");
	cr_assert_eq(p->responsibilities.n, 1);
	cr_assert_eq(p->qualifications.n, 1);
	cr_assert_eq(p->preferred.n, 1);
	cr_assert_eq(p->benefits.n, 1);
	p = described("", "<h3>Vos missions</h3><ul><li>a</li></ul>"
	              "<h3>Profil recherch\u00e9</h3><ul><li>b</li></ul>"
	              "<h3>Ihre Aufgaben</h3><ul><li>c</li></ul>");
	cr_assert_eq(p->responsibilities.n, 1);
	cr_assert_eq(p->qualifications.n, 1);
	cr_assert_eq(p->nsections, 1); /* responsibilities were made */
}

Test(page, description_headings_of_pasted_text)
{
	/* headings the plain-text import knew before the table was one */
	struct posting *p = described("",
		"<p>Intro.</p><h3>Essential functions</h3><ul><li>Run</li>"
		"<li>Report</li></ul><h3>Requisitos m\u00ednimos</h3><ul><li>"
		"Carn\u00e9</li></ul><h3>Pay and benefits</h3><ul><li>Dental"
		"</li></ul>");
	cr_assert_eq(p->responsibilities.n, 2);
	cr_assert_eq(p->qualifications.n, 1);
	cr_assert_eq(p->benefits.n, 1);
	cr_assert_eq(p->nsections, 0);
}

/* posting_each_text: appends every text to a buffer. */
static bool
gather(void *ctx, const char *field, const char *s)
{
	(void)field;
	buf_adds(ctx, s);
	buf_adds(ctx, "\n");
	return false;
}

Test(page, description_loses_no_sentence)
{
	static const char *const sentences[] = {
		"Intro sentence.", "Job Description", "About the role text.",
		"Do one thing", "Lead-in sentence:", "Nested item",
		"After the list.", "Benefit text.", "A heading of our own",
		"Its paragraph.", "Item under it", "Closing remark.",
		"Last (https://x.example/l)",
	};
	struct posting *p = described("",
		"<p>Intro sentence.</p><h2>Job Description</h2><h3>About the "
		"role</h3><p>About the role text.</p><h3>Responsibilities</h3>"
		"<p>Lead-in sentence:</p><ul><li>Do one thing<ul><li>Nested "
		"item</li></ul></li></ul><p>After the list.</p><h3>Benefits</h3>"
		"<p>Benefit text.</p><p><b>A heading of our own</b></p><p>Its "
		"paragraph.</p><ul><li>Item under it</li></ul><p>Closing "
		"remark.</p><p><a href=\\\"https://x.example/l\\\">Last</a></p>");
	struct buf all = {0};
	posting_each_text(p, gather, &all);
	/* "Job Description" and "About the role" are labels over the
	 * text that follows: the only words left out */
	for (size_t i = 0; i < sizeof(sentences) / sizeof(*sentences); i++)
		if (strcmp(sentences[i], "Job Description"))
			cr_assert(strstr(all.s, sentences[i]), "lost '%s' in:\n%s",
			          sentences[i], all.s);
	buf_free(&all);
}

Test(page, description_as_text_and_lists_as_html)
{
	struct posting *p = described(
		"\"qualifications\": \"<ul><li>one</li><li>two &amp; "
		"three</li></ul>\", \"jobBenefits\": \"Dental\\nVision\",",
		"Plain text.\\n\\nResponsibilities:\\n- Drive\\n- Lift");
	cr_assert_eq(p->qualifications.n, 2);
	cr_assert_str_eq(p->qualifications.v[1], "two & three");
	cr_assert_eq(p->benefits.n, 2);
	cr_assert_str_eq(p->summary, "Plain text.");
	cr_assert_eq(p->responsibilities.n, 2);
}

/* Pages: JSON-LD ---------------------------------------------------------- */

/* A JobPosting object of the given title. */
#define JOB(t) "{\"@type\": \"JobPosting\", \"title\": \"" t "\", " \
	"\"hiringOrganization\": \"O\"}"

Test(page, every_block_and_shape)
{
	cr_assert_eq(page(
		"<!DOCTYPE html><html><head>\n"
		"<script type=\"application/ld+json\">" JOB("One") "</script>\n"
		"<script type=\"application/ld+json\">{\"@context\": "
		"\"https://schema.org\", \"@graph\": [{\"@type\": \"WebSite\"}, "
		JOB("Two") "]}</script>\n"
		"<script type=\"application/ld+json\">[" JOB("Three") ", "
		"{\"@type\": \"BreadcrumbList\"}]</script>\n"
		"<script type=\"application/ld&#x2B;json\">" JOB("Four")
		"</script>\n"
		"<script type=' Application/LD+JSON ; charset=utf-8'>" JOB("Five")
		"</script>\n"
		"<!-- <script type=\"application/ld+json\">" JOB("Six")
		"</script> -->\n"
		"<script type=\"application/ld+json\">{\"@type\": \"WebPage\", "
		"\"mainEntity\": " JOB("Seven") "}</script>\n"
		"<script type=\"application/ld+json\">//<![CDATA[\n" JOB("Eight")
		"\n//]]></script>\n"
		"<script type=\"application/ld+json\">\n\t{\"@type\":\t"
		"\"JobPosting\", \"title\": \"Nine\",\n\t\"hiringOrganization\": "
		"\"O\"}\n\t</script>\n"
		"<script type=\"application/json\">" JOB("Not JSON-LD")
		"</script>\n"
		"<script>var x = " JOB("Not either") ";</script>\n"
		"</head><body></body></html>\n"), 9);
	dump();
	cr_assert_eq(c.nproblems, 0);
	static const char *const titles[] = {"One", "Two", "Three", "Four",
	                                     "Five", "Six", "Seven", "Eight",
	                                     "Nine"};
	for (size_t i = 0; i < 9; i++) {
		cr_assert_str_eq(c.v[i]->title, titles[i]);
		char id[16];
		snprintf(id, sizeof(id), "p#%zu", i + 1);
		struct buf old = {0};
		identity_legacy(&old, c.v[i]);
		cr_assert_str_eq(old.s, id, "the document numbers");
		buf_free(&old);
		cr_assert(c.v[i]->jsonld);
	}
	/* a posting's place: its object in the page */
	cr_assert_eq(c.v[0]->line, 2);
	cr_assert_eq(c.v[0]->col, 36);
}

Test(page, a_page_without_a_posting_says_so)
{
	cr_assert_eq(page("<html><head><script type=\"application/ld+json\">"
	                  "{\"@type\": \"Organization\", \"name\": \"O\"}"
	                  "</script></head><body><p>Hi</p></body></html>"), 0);
	dump();
	cr_assert_eq(c.nproblems, 1);
	cr_assert(has_problem(1, 1, true, "no schema.org JobPosting in this page"));
	cr_assert_str_eq(c.problems[0].file, "p.html");
}

Test(page, problems_at_their_place_in_the_page)
{
	/* a value's error: its line and column in the page, the first
	 * line of a block counted from the page's column */
	page("<html><head>\n"
	     "  <title>x</title><script type=\"application/ld+json\">{\"@type\": "
	     "\"JobPosting\", \"title\": \"A\", \"datePosted\": \"bad\",\n"
	     "    \"hiringOrganization\": \"O\", \"baseSalary\": \"lots\"}"
	     "</script>\n"
	     "<script type=\"application/ld+json\">\n"
	     "{\"@type\": \"JobPosting\",\n"
	     "  \"title\": \"B\"\n"
	     "  \"x\": 1}\n"
	     "</script>\n"
	     "<script type=\"application/ld+json\">{\"@type\": \"Breadcrumb"
	     "List\", ]}</script>\n"
	     "</head></html>\n");
	dump();
	cr_assert_eq(c.n, 1);
	cr_assert(has_problem(2, 106, true, "datePosted: 'bad'"));
	cr_assert(has_problem(3, 46, true, "salary"));
	cr_assert(has_problem(7, 3, true, "JSON-LD block: not JSON"));
	/* a broken block that names no JobPosting: a warning */
	cr_assert(has_problem(9, 64, false, "it names no JobPosting"));
}

Test(page, problems_placed_in_a_page_of_crlf_and_long_lines)
{
	struct buf b = {0};
	buf_adds(&b, "<html>\r\n<head>\r\n");
	for (int i = 0; i < 300; i++)
		buf_adds(&b, "<meta name=\"x\" content=\"y\">");
	buf_adds(&b, "<script type=\"application/ld+json\">{\"@type\": "
	         "\"JobPosting\", \"title\": \"A\", \"hiringOrganization\": "
	         "\"O\",\r\n\"validThrough\": [1]}</script></head></html>");
	cr_assert_eq(load_buffer(&c, "p.html", b.s, b.len, NULL), 1);
	dump();
	cr_assert(has_problem(4, 17, true, "validThrough"));
	cr_assert_eq(c.v[0]->line, 3);
	cr_assert_eq(c.v[0]->col, 300 * 27 + 36);
	buf_free(&b);
}

Test(page, a_block_with_surrogates_and_bad_characters)
{
	/* UTF-16 surrogate pairs as JSON writes them (WordPress, Python) */
	page("<html><head><script type=\"application/ld+json\">{\"@type\": "
	     "\"JobPosting\", \"title\": \"Rocket \\ud83d\\ude80\", "
	     "\"hiringOrganization\": \"O\"}</script>\n"
	     /* a character libyaml refuses: said where it is, read as
	      * U+FFFD */
	     "<script type=\"application/ld+json\">{\"@type\": \"JobPosting\", "
	     "\"title\": \"Del \x7f\", \"hiringOrganization\": \"O\"}"
	     "</script></head></html>");
	dump();
	cr_assert_eq(c.n, 2);
	cr_assert_str_eq(c.v[0]->title, "Rocket \U0001F680");
	cr_assert_str_eq(c.v[1]->title, "Del \uFFFD");
	cr_assert(has_problem(2, 74, true, "control character U+007F"));
}

/* Pages: microdata --------------------------------------------------------- */

Test(page, microdata_where_there_is_no_json_ld)
{
	cr_assert_eq(page(
		"<html><body>\n"
		"<div itemscope itemtype=\"https://schema.org/JobPosting\">\n"
		" <h1 itemprop=\"title\">Analyst</h1>\n"
		" <div itemprop=\"hiringOrganization\" itemscope "
		"itemtype=\"https://schema.org/Organization\"><span "
		"itemprop=\"name\">Dept &amp; Co</span></div>\n"
		" <div itemprop=\"jobLocation\" itemscope itemtype=\"https://"
		"schema.org/Place\"><div itemprop=\"address\" itemscope><span "
		"itemprop=\"addressLocality\">Denver</span><meta itemprop="
		"\"addressCountry\" content=\"US\"></div></div>\n"
		" <div itemprop=\"baseSalary\" itemscope itemtype=\"https://"
		"schema.org/MonetaryAmount\"><meta itemprop=\"currency\" "
		"content=\"EUR\"><span itemprop=\"value\" itemscope><span "
		"itemprop=\"minValue\">50,000</span>-<span itemprop=\"maxValue\">"
		"60,000</span></span></div>\n"
		" <time itemprop=\"datePosted\" datetime=\"2024-03-04\">March 4"
		"</time><time itemprop=\"validThrough\">\n 2024-04-01\n</time>\n"
		" <span itemprop=\"employmentType\">FULL_TIME</span>"
		"<span itemprop=\"employmentType\">PART_TIME</span>\n"
		" <a itemprop=\"url\" href=\"https://x.example/j?a=1&amp;b=2\">"
		"link</a>\n"
		" <div itemprop=\"description\"><p>Intro.</p><h3>Duties</h3>"
		"<ul><li>Analyze</li></ul></div>\n"
		" <span itemprop=\"industry\">Government</span>\n"
		"</div>\n"
		"<div itemscope itemtype=\"http://schema.org/JobPosting\">"
		"<span itemprop=\"title\">Second</span><span itemprop=\"hiring"
		"Organization\">Other org</span><span itemprop=\"baseSalary\">"
		"lots</span></div>\n"
		"</body></html>\n"), 2);
	dump();
	struct posting *p = c.v[0];
	cr_assert_str_eq(p->title, "Analyst");
	cr_assert_str_eq(p->org.name, "Dept & Co");
	cr_assert_str_eq(p->places[0].city, "Denver");
	cr_assert_str_eq(p->places[0].country, "US");
	cr_assert_eq(p->salary.min, 50000);
	cr_assert_eq(p->salary.max, 60000);
	cr_assert_str_eq(p->salary.currency, "EUR");
	cr_assert_eq(p->posted.ymd, 20240304);
	cr_assert_eq(p->deadline.ymd, 20240401);
	cr_assert_str_eq(p->employment.type, "full-time, part-time");
	cr_assert_str_eq(p->source, "https://x.example/j?a=1&b=2");
	cr_assert_str_eq(p->summary, "Intro.");
	cr_assert_eq(p->responsibilities.n, 1);
	cr_assert_eq(p->nextra, 1);
	cr_assert_str_eq(p->extra[0].key, "industry");
	cr_assert_eq(p->line, 2);
	/* the second: its problem at its property */
	cr_assert_str_eq(c.v[1]->title, "Second");
	cr_assert(has_problem(15, 160, true, "salary"));
}

Test(page, json_ld_wins_over_microdata)
{
	cr_assert_eq(page("<html><head><script type=\"application/ld+json\">"
	                  JOB("From JSON-LD") "</script></head><body><div "
	                  "itemscope itemtype=\"https://schema.org/JobPosting\">"
	                  "<span itemprop=\"title\">From microdata</span></div>"
	                  "</body></html>"), 1);
	cr_assert_str_eq(c.v[0]->title, "From JSON-LD");
}

/* Pages: bounds, kinds ---------------------------------------------------- */

Test(page, hostile_pages_are_bounded)
{
	struct load_limits lim = load_default_limits;
	lim.max_nodes = 1000;
	struct buf b = {0};
	buf_adds(&b, "<html><body>");
	for (int i = 0; i < 5000; i++)
		buf_adds(&b, "<p>x</p>");
	buf_adds(&b, "<script type=\"application/ld+json\">" JOB("Late")
	         "</script></body></html>");
	load_buffer(&c, "p.html", b.s, b.len, &lim);
	dump();
	cr_assert_eq(c.n, 0);
	cr_assert(has_problem(1, 1, true, "more than 1000 elements in this "
	                      "page (see --max-nodes)"));
	/* nesting past libxml2's 256 levels: said, the rest not read */
	buf_clear(&b);
	buf_adds(&b, "<html><body>\n");
	for (int i = 0; i < 300; i++)
		buf_adds(&b, "<div>");
	catalog_free(&c);
	catalog_init(&c);
	load_buffer(&c, "p.html", b.s, b.len, NULL);
	dump();
	cr_assert(has_problem(2, 1, true, "libxml2 stopped reading this "
	                      "page: Excessive depth"));
	/* thousands of attributes in a tag: not parsed */
	buf_clear(&b);
	buf_adds(&b, "<html>\n<p");
	for (int i = 0; i < 100000; i++)
		buf_printf(&b, " a%d", i);
	buf_adds(&b, ">");
	catalog_free(&c);
	catalog_init(&c);
	load_buffer(&c, "p.html", b.s, b.len, NULL);
	dump();
	cr_assert(has_problem(2, 1, true, "tags with thousands of attributes"));
	buf_free(&b);
}

Test(page, kinds_of_files)
{
	cr_assert_eq(page_kind("a/b.html", NULL, 0), PAGE_HTML);
	cr_assert_eq(page_kind("b.HTM", NULL, 0), PAGE_HTML);
	cr_assert_eq(page_kind("b.yaml", "<!DOCTYPE html>", 15), PAGE_NONE);
	cr_assert_eq(page_kind("saved", "\n  <!doctype HTML>", 17), PAGE_HTML);
	cr_assert_eq(page_kind("saved.txt", "<html lang=en>", 14), PAGE_HTML);
	cr_assert_eq(page_kind("saved.txt", "<htmlx>", 7), PAGE_NONE);
	cr_assert_eq(page_kind("notes", "title: x", 8), PAGE_NONE);
	/* front matter: Markdown, and HTML that opens with it */
	cr_assert_eq(page_kind("post.html", "---\ntitle: x\n---\n<p>", 20),
	             PAGE_FRONT_MATTER);
	cr_assert_eq(page_kind("post.html", "----\n", 5), PAGE_HTML);
	cr_assert_eq(page_kind("post.htm", "\xEF\xBB\xBF--- \t\r\n", 10),
	             PAGE_FRONT_MATTER);
	cr_assert_eq(page_kind("post.html", "+++\n", 4), PAGE_FRONT_MATTER);
	cr_assert_eq(page_kind("jobs/a.md", NULL, 0), PAGE_FRONT_MATTER);
	cr_assert_eq(page_kind("A.Markdown", "title: x", 8), PAGE_FRONT_MATTER);
}

/* The pages of tests/data/pages, and what each must give. */
Test(page, saved_pages)
{
	static const struct {
		const char *file;
		size_t postings, errors;
		const char *id;
	} pages[] = {
		{"greenhouse-organizer.html", 1, 0, "greenhouse-organizer"},
		{"lever-data-analyst.html", 1, 0, "lever-data-analyst"},
		{"workable-caseworker.html", 1, 0, "A1B2C3D4E5"},
		{"indeed-warehouse.html", 1, 0, "indeed-warehouse"},
		{"linkedin-policy-associate.html", 1, 0,
		 "fwp-policy-associate-2024"},
		{"wp-job-manager-youth.html", 1, 0,
		 "https://eastside.example/?post_type=job_listing&p=412"},
		{"usajobs-program-analyst.html", 1, 0, "771234500"},
		{"careers-two-postings.html", 2, 0, "hla-paralegal"},
		{"yoast-graph.html", 1, 0, "yoast-graph"},
		{"google-example.html", 1, 0, "1234567"},
		{"spanish-coordinadora.html", 1, 0, "spanish-coordinadora"},
		{"comment-block.html", 1, 1, "comment-block"},
		{"broken-block.html", 0, 1, NULL},
		{"no-posting-blog.html", 0, 1, NULL},
	};
	for (size_t i = 0; i < sizeof(pages) / sizeof(*pages); i++) {
		catalog_free(&c);
		catalog_init(&c);
		char path[512];
		snprintf(path, sizeof(path), "%s/pages/%s", TEST_DATA,
		         pages[i].file);
		size_t n = load_path(&c, path, NULL);
		dump();
		cr_assert_eq(n, pages[i].postings, "%s", pages[i].file);
		cr_assert_eq(c.nerrors, pages[i].errors, "%s", pages[i].file);
		/* the id billet gave it before stable ids: its file's
		 * name, or its identifier (identity.h) */
		bool found = false;
		for (size_t k = 0; pages[i].id && k < c.n; k++) {
			struct buf old = {0};
			identity_legacy(&old, c.v[k]);
			found |= !strcmp(old.s, pages[i].id);
			buf_free(&old);
		}
		if (pages[i].id)
			cr_assert(found, "%s", pages[i].file);
		for (size_t k = 0; k < c.n; k++)
			cr_assert(c.v[k]->org.name && (c.v[k]->summary ||
			          c.v[k]->responsibilities.n), "%s",
			          pages[i].file);
	}
	/* a directory of them: every page read */
	catalog_free(&c);
	catalog_init(&c);
	char dir[512];
	snprintf(dir, sizeof(dir), "%s/pages", TEST_DATA);
	cr_assert_eq(load_path(&c, dir, NULL), 13);
	cr_assert_eq(c.nfiles, 14);
}
