/* SPDX-License-Identifier: MIT */
/* Markdown files with front matter: the collections' key names placed,
 * the body's paragraphs, lists and headings in the summary, the
 * canonical lists and sections, Liquid read as the site would, every
 * problem at the file's own line, the load limits kept. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

TestSuite(frontmatter, .init = setup, .fini = teardown);

/* Loads a string as a file called name; returns postings added. */
static size_t
load_as(const char *name, const char *s)
{
	return load_buffer(&c, name, s, strlen(s), NULL);
}

/* Loads a string as "job.md". */
static size_t
load_md(const char *s)
{
	return load_as("job.md", s);
}

/* True when some text of the posting holds s. */
static bool
anywhere(const struct posting *p, const char *s)
{
	const char *texts[] = {p->summary, p->org.about, p->apply.note};
	for (size_t i = 0; i < 3; i++)
		if (texts[i] && strstr(texts[i], s))
			return true;
	const struct strlist *lists[] = {&p->responsibilities,
	                                 &p->qualifications, &p->preferred,
	                                 &p->benefits};
	for (size_t i = 0; i < 4; i++)
		for (size_t j = 0; j < lists[i]->n; j++)
			if (strstr(lists[i]->v[j], s))
				return true;
	for (size_t i = 0; i < p->nsections; i++) {
		const struct section *s0 = &p->sections[i];
		for (size_t g = 0; g <= s0->nsub; g++) {
			const struct section *x = g ? &s0->sub[g - 1] : s0;
			if ((x->text && strstr(x->text, s)) ||
			    strstr(x->heading, s))
				return true;
			for (size_t j = 0; j < x->items.n; j++)
				if (strstr(x->items.v[j], s))
					return true;
		}
	}
	return false;
}

/* The posting whose id is slug, or slug and the hash a content-made id
 * ends with ("tenant-organizer-0pde92ke21"), or NULL. */
static struct posting *
find_slug(const char *slug)
{
	size_t n = strlen(slug);
	for (size_t i = 0; i < c.n; i++) {
		const char *id = c.v[i]->id;
		if (!strncmp(id, slug, n) && (id[n] == '\0' || id[n] == '-'))
			return c.v[i];
	}
	return NULL;
}

/* The fixtures: tests/data/frontmatter ------------------------------- */

Test(frontmatter, jekyll_collection)
{
	load_path(&c, TEST_DATA "/frontmatter/jekyll", NULL);
	dump_problems(&c);
	cr_assert_eq(c.n, 3);
	cr_assert_eq(c.nerrors, 0);
	struct posting *p = find_slug("tenant-organizer");
	cr_assert_not_null(p);
	cr_assert_str_eq(p->title, "Tenant Organizer");
	cr_assert_str_eq(p->org.name, "East Bay Tenants Union");
	cr_assert_str_eq(p->places[0].name, "Oakland, CA");
	cr_assert_str_eq(p->employment.type, "full-time");
	cr_assert(p->salary.present);
	cr_assert_eq(p->salary.min, 58000);
	cr_assert_eq(p->salary.max, 64000);
	cr_assert_eq(p->posted.ymd, 20250304);
	cr_assert_eq(p->deadline.ymd, 20250415);
	cr_assert_str_eq(p->apply.url,
	                 "https://tenants.example.org/jobs/tenant-organizer");
	cr_assert_eq(p->tags.n, 2);
	/* remote: false says no workplace, read as such (shapes_names.c) */
	cr_assert_eq(p->workplace, WP_NONE);
	cr_assert_null(kept(p, "remote"));
	cr_assert_str_eq(kept(p, "layout")->s, "job");
	cr_assert_null(kept(p, "company"));
	cr_assert_null(kept(p, "salary_min"));
	/* the body: two paragraphs, a link as text (URL) */
	cr_assert_str_eq(p->summary,
	                 "East Bay Tenants Union is looking for an organizer "
	                 "to build tenant associations in East Oakland "
	                 "(https://tenants.example.org/east-oakland).\n\n"
	                 "We are a member-led union of renters; our staff "
	                 "answer to the members.");
	cr_assert_eq(p->responsibilities.n, 3);
	cr_assert_str_eq(p->responsibilities.v[1],
	                 "Support tenants facing eviction: court "
	                 "accompaniment; know-your-rights trainings");
	cr_assert_eq(p->qualifications.n, 2);
	cr_assert_str_eq(p->qualifications.v[0],
	                 "Two years of organizing experience, paid or unpaid");
	cr_assert_eq(p->preferred.n, 2);
	cr_assert_str_eq(p->preferred.v[0], "Spanish or Cantonese");
	cr_assert(p->benefits_prose);
	cr_assert_eq(p->benefits.n, 1);
	const struct section *s = section_of(p, "Schedule");
	cr_assert_not_null(s);
	cr_assert_str_eq(s->text, "Some evenings and weekends; time off in "
	                 "lieu.\n\n- Tuesday evening member meetings\n- One "
	                 "Saturday canvass a month\n\nQuestions? Write to "
	                 "jobs@tenants.example.org.");
}

Test(frontmatter, jekyll_html_file)
{
	load_path(&c, TEST_DATA "/frontmatter/jekyll", NULL);
	struct posting *p = find_slug("outreach-lead");
	cr_assert_not_null(p);
	cr_assert_str_eq(p->title, "Outreach Lead");
	cr_assert_str_eq(p->employment.type, "part-time");
	cr_assert_str_eq(p->deadline.text, "open until filled");
	cr_assert_eq(p->posted.ymd, 20250210);
	cr_assert_str_eq(p->summary, "River Valley Food Bank feeds 40,000 "
	                 "families a month across five counties.");
	cr_assert_eq(p->responsibilities.n, 3);
	cr_assert_str_eq(p->responsibilities.v[0], "Sign up new pantry partners");
	cr_assert_str_eq(p->responsibilities.v[2],
	                 "Pay is $22\xe2\x80\x93$25 an hour.");
}

Test(frontmatter, jekyll_liquid)
{
	load_path(&c, TEST_DATA "/frontmatter/jekyll", NULL);
	struct posting *p = find_slug("data-fellow");
	cr_assert_not_null(p);
	cr_assert_str_eq(p->org.name, "Civic Data Office");
	cr_assert_str_eq(p->places[0].name,
	                 "Washington, DC; Chicago, IL; Remote");
	cr_assert_eq(p->salary.min, 98496);
	cr_assert_eq(p->salary.max, 128043);
	cr_assert_str_eq(p->deadline.text, "March 24, 2025");
	/* the branch the front matter chooses (state: open), the values put
	 * in, the comment left out */
	cr_assert_str_eq(p->summary, "Civic Data Office is hiring a GS-13 "
	                 "Data Fellow. Read about our hiring process "
	                 "(/hiring-process/) before you apply.");
	cr_assert(!anywhere(p, "will soon"));
	cr_assert(!anywhere(p, "locality"));
	cr_assert(!anywhere(p, "{%"));
	/* a filter that would change the value: the tag as written */
	cr_assert_str_eq(p->qualifications.v[0], "One year of experience "
	                 "equivalent to GS-{{ page.gs_level | minus: 1 }}");
	cr_assert_str_eq(p->apply.note, "Apply at https://apply.civicdata."
	                 "example.gov/data-fellow by March 24, 2025.");
	const struct section *s = section_of(p, "Key Objectives");
	cr_assert_not_null(s);
	cr_assert_eq(s->nsub, 2);
	cr_assert_str_eq(s->sub[0].heading, "Objective 1: Open the office's data");
	cr_assert_eq(s->sub[0].items.n, 2);
	cr_assert_str_eq(s->sub[1].items.v[0],
	                 "Run workshops for program staff on reading data");
	s = section_of(p, "Basic Information");
	cr_assert_not_null(s);
	cr_assert_str_eq(s->text, "Locations: Washington, DC; Chicago, IL; "
	                 "Remote\n\nSalary range: $98,496 to $128,043 a year");
	cr_assert_str_eq(kept(p, "opens")->s, "March 3, 2025");
}

Test(frontmatter, hugo_content)
{
	load_path(&c, TEST_DATA "/frontmatter/hugo", NULL);
	dump_problems(&c);
	/* _index.md, the section's list page, is not a posting */
	cr_assert_eq(c.n, 2);
	cr_assert_eq(c.nerrors, 0);
	struct posting *p = find_slug("riverside-field-coordinator");
	cr_assert_not_null(p, "the id is the slug");
	cr_assert_str_eq(p->title, "Field Coordinator");
	cr_assert_str_eq(p->org.name, "Riverside Workers Center");
	cr_assert_str_eq(p->places[0].name, "Saint Paul, MN");
	cr_assert_eq(p->workplace, WP_HYBRID);
	cr_assert_str_eq(p->employment.type, "full-time");
	cr_assert_eq(p->salary.min, 55000);
	cr_assert_eq(p->salary.max, 60000);
	cr_assert_eq(p->posted.ymd, 20250502);
	cr_assert_eq(p->deadline.ymd, 20250630);
	cr_assert_str_eq(p->apply.url, "https://riverside.example.org/apply");
	cr_assert_null(kept(p, "params"));
	cr_assert_str_eq(kept(p, "draft")->s, "false");
	cr_assert_not_null(kept(p, "categories"));
	cr_assert_eq(p->responsibilities.n, 3);
	/* a shortcode goes, what it wraps stays */
	cr_assert(!anywhere(p, "{{"));
	cr_assert_str_eq(p->qualifications.v[2], "We read every application; "
	                 "we do not use software to screen them.");
	cr_assert_str_eq(p->org.about, "Founded in 2009 by workers from the "
	                 "meatpacking plants, the center now counts 1,200 "
	                 "members.");
	/* a page bundle: the folder names it; "# Title" again is left out */
	p = find_slug("youth-organizer");
	cr_assert_not_null(p);
	cr_assert_str_eq(p->org.url, "https://riverside.example.org");
	cr_assert_str_eq(p->summary, "Work with high school students "
	                 "organizing for a living wage.");
	cr_assert_eq(p->responsibilities.n, 2);
}

Test(frontmatter, readme_named_is_said)
{
	load_path(&c, TEST_DATA "/frontmatter/README.md", NULL);
	cr_assert_eq(c.n, 0);
	cr_assert(has_problem(&c, 1, 1, true,
	                      "no front matter: a posting file in "
	                      "Markdown opens with ---"));
}

/* Problems: the file's own lines ------------------------------------ */

Test(frontmatter, no_front_matter)
{
	cr_assert_eq(load_md("# Organizer\n\nSome text.\n"), 0);
	cr_assert(has_problem(&c, 1, 1, true, "no front matter"));
	cr_assert_eq(c.nerrors, 1);
}

Test(frontmatter, toml_front_matter)
{
	cr_assert_eq(load_md("+++\ntitle = \"x\"\n+++\ntext\n"), 0);
	cr_assert(has_problem(&c, 1, 1, true, "TOML front matter (+++) is not "
	                      "read"));
}

Test(frontmatter, never_closes)
{
	cr_assert_eq(load_md("---\ntitle: Organizer\norganization: O\n\n"
	                     "The text.\n"), 0);
	cr_assert(has_problem(&c, 1, 1, true, "never closes"));
}

Test(frontmatter, yaml_syntax_at_its_line)
{
	cr_assert_eq(load_md("---\ntitle: T\norganization: O\ntags: [a\n---\n"
	                     "text\n"), 0);
	dump_problems(&c);
	cr_assert(has_problem(&c, 4, 7, true, "front matter: YAML syntax"));
}

Test(frontmatter, type_error_at_its_line)
{
	cr_assert_eq(load_md("---\ntitle: T\norganization: O\nsalary: lots\n"
	                     "---\n\nThe text.\n"), 1);
	cr_assert(has_problem(&c, 4, 9, true, "salary"));
	cr_assert(c.v[0]->problems);
	cr_assert_str_eq(c.v[0]->summary, "The text.");
}

Test(frontmatter, no_title)
{
	cr_assert_eq(load_md("---\norganization: O\n---\n\nText.\n"), 0);
	cr_assert(has_problem(&c, 2, 1, true, "no title"));
}

Test(frontmatter, not_a_mapping)
{
	cr_assert_eq(load_md("---\n- a\n- b\n---\ntext\n"), 0);
	cr_assert(has_problem(&c, 2, 1, true,
	                      "front matter: expected a mapping"));
}

Test(frontmatter, crlf_and_bom)
{
	cr_assert_eq(load_md("\xEF\xBB\xBF---\r\ntitle: T\r\norganization: O\r\n"
	                     "salary: lots\r\n---\r\n\r\nOne\r\ntwo.\r\n"), 1);
	dump_problems(&c);
	cr_assert(has_problem(&c, 4, 9, true, "salary"));
	cr_assert_str_eq(c.v[0]->summary, "One two.");
}

Test(frontmatter, empty_front_matter_and_title_from_heading)
{
	cr_assert_eq(load_md("---\n---\n# Canvasser\n\nKnock doors.\n"), 1);
	cr_assert_str_eq(c.v[0]->title, "Canvasser");
	cr_assert_str_eq(c.v[0]->summary, "Knock doors.");
	cr_assert(has_problem(&c, 2, 1, false, "gives no organization"));
}

Test(frontmatter, body_problems_after_the_front_matter)
{
	struct load_limits lim = load_default_limits;
	lim.max_scalar = 20;
	const char *s = "---\ntitle: T\norganization: O\nsalary: lots\n---\n\n"
	                "A paragraph that is far too long for the limit.\n";
	cr_assert_eq(load_buffer(&c, "job.md", s, strlen(s), &lim), 1);
	dump_problems(&c);
	cr_assert_eq(c.nproblems, 2);
	cr_assert_eq(c.problems[0].line, 4);
	cr_assert_eq(c.problems[1].line, 7);
	cr_assert(strstr(c.problems[1].msg, "exceeds the limit of 20"));
	cr_assert(c.v[0]->problems);
	cr_assert_null(c.v[0]->summary);
}

/* The collections' key names ----------------------------------------- */

Test(frontmatter, names_placed_when_they_fit)
{
	cr_assert_eq(load_md("---\ntitle: T\ncompany: ACME\ntype: jobs\n"
	                     "date: last week\nurl: /jobs/t/\nremote: yes\n"
	                     "apply_email: jobs@acme.example\n"
	                     "how_to_apply: Send a letter.\n---\n"), 1);
	struct posting *p = c.v[0];
	dump_problems(&c);
	cr_assert_eq(c.nerrors, 0);
	cr_assert_str_eq(p->org.name, "ACME");
	cr_assert_eq(p->workplace, WP_REMOTE);
	cr_assert_str_eq(p->apply.email, "jobs@acme.example");
	cr_assert_str_eq(p->apply.note, "Send a letter.");
	/* Hugo's content type, a date that is none, a site path: kept */
	cr_assert_str_eq(kept(p, "type")->s, "jobs");
	cr_assert_null(p->employment.type);
	cr_assert_str_eq(kept(p, "date")->s, "last week");
	cr_assert_eq(p->posted.ymd, 0);
	cr_assert_str_eq(kept(p, "url")->s, "/jobs/t/");
	cr_assert_null(p->source);
}

Test(frontmatter, note_says_what_was_placed)
{
	cr_assert_eq(load_md("---\ntitle: T\ncompany: ACME\nstate: open\n"
	                     "date: 2025-01-02\nurl: /jobs/t/\nlayout: job\n"
	                     "---\n"), 1);
	dump_problems(&c);
	struct posting *p = c.v[0];
	cr_assert_eq(c.nerrors, 0);
	cr_assert_eq(c.nnotes, 2);
	cr_assert(has_problem(&c, 0, 0, false,
	                      "read as a posting with other key "
	                      "names: company -> organization, date -> "
	                      "posted; 1 posting"));
	cr_assert(has_problem(&c, 0, 0, false, "keys not placed, kept under "
	                      "Other: layout, state, url"));
	/* a page's state is no region, a site path no source */
	cr_assert_eq(p->nplaces, 0);
	cr_assert_str_eq(kept(p, "state")->s, "open");
	cr_assert_null(p->source);
	cr_assert_eq(p->posted.ymd, 20250102);
}

Test(frontmatter, pay_range_upside_down)
{
	/* found by fuzz_frontmatter: the table's salary text kept min
	 * above max */
	cr_assert_eq(load_md("---\ntitle: T\ncompany: O\n"
	                     "pay: \"$82,000 - $60,000\"\n---\n"), 1);
	cr_assert_eq(c.v[0]->salary.min, 60000);
	cr_assert_eq(c.v[0]->salary.max, 82000);
	cr_assert(has_problem(&c, 4, 6, false, "salary: min is above max; read "
	                      "as 60000-82000"));
}

Test(frontmatter, canonical_keys_no_note)
{
	cr_assert_eq(load_md("---\ntitle: T\norganization: O\nlayout: job\n"
	                     "---\n"), 1);
	cr_assert_eq(c.nproblems, 0);
	cr_assert_str_eq(kept(c.v[0], "layout")->s, "job");
}

Test(frontmatter, canonical_key_wins_over_a_name)
{
	cr_assert_eq(load_md("---\ntitle: T\ncompany: Other Co\norganization: "
	                     "ACME\nsalary: 50000\nsalary_min: 1\n"
	                     "salary_max: 2\n---\n"), 1);
	struct posting *p = c.v[0];
	cr_assert_str_eq(p->org.name, "ACME");
	cr_assert_str_eq(kept(p, "company")->s, "Other Co");
	cr_assert_eq(p->salary.min, 50000);
	cr_assert_str_eq(kept(p, "salary_min")->s, "1");
}

Test(frontmatter, description_only_without_a_body)
{
	cr_assert_eq(load_md("---\ntitle: T\norganization: O\n"
	                     "description: Short.\n---\n"), 1);
	cr_assert_str_eq(c.v[0]->summary, "Short.");
	cr_assert_eq(load_as("two.md", "---\ntitle: T\norganization: O\n"
	                     "description: Short.\n---\nThe body.\n"), 1);
	cr_assert_str_eq(c.v[1]->summary, "The body.");
	cr_assert_str_eq(kept(c.v[1], "description")->s, "Short.");
}

/* The body ------------------------------------------------------------ */

Test(frontmatter, front_matter_wins_nothing_lost)
{
	cr_assert_eq(load_md("---\ntitle: T\norganization: O\nsummary: Given.\n"
	                     "responsibilities: [Given task]\n---\n"
	                     "Intro.\n\n## Responsibilities\n\n- Body task\n"),
	             1);
	struct posting *p = c.v[0];
	cr_assert_str_eq(p->summary, "Given.");
	cr_assert_eq(p->responsibilities.n, 1);
	cr_assert_str_eq(p->responsibilities.v[0], "Given task");
	const struct section *s = section_of(p, "Description");
	cr_assert_not_null(s);
	cr_assert_str_eq(s->text, "Intro.");
	s = section_of(p, "Responsibilities");
	cr_assert_not_null(s);
	cr_assert_str_eq(s->items.v[0], "Body task");
}

Test(frontmatter, inline_markdown_as_plain_text)
{
	cr_assert_eq(load_md("---\ntitle: T\norganization: O\n---\n"
	                     "*Emphasis*, **strong**, `code`, ~~struck~~, "
	                     "[a link](https://a.example/x), "
	                     "<https://b.example/>, jobs@c.example, "
	                     "[anchor](#apply), &amp; &eacute; &#8212;"
	                     "![logo](logo.png) done.  \nNext line.\n"), 1);
	dump_problems(&c);
	cr_assert_str_eq(c.v[0]->summary, "Emphasis, strong, code, struck, "
	                 "a link (https://a.example/x), https://b.example/, "
	                 "jobs@c.example, anchor, & \xc3\xa9 \xe2\x80\x94 "
	                 "done.\nNext line.");
}

Test(frontmatter, blocks)
{
	cr_assert_eq(load_md("---\ntitle: T\norganization: O\n---\n"
	                     "> Quoted\n> words.\n\n"
	                     "<div class=\"note\">\n<p>An <b>HTML</b> block."
	                     "</p>\n</div>\n\n"
	                     "    indented code\n\n"
	                     "| Day | Hours |\n|---|---|\n| Mon | 9-5 |\n\n"
	                     "3. third\n4. fourth\n\n"
	                     "- loose one\n\n  its second paragraph\n"
	                     "- loose two\n"), 1);
	dump_problems(&c);
	cr_assert_str_eq(c.v[0]->summary,
	                 "Quoted words.\n\nAn HTML block.\n\nindented code\n\n"
	                 "Day | Hours\n\nMon | 9-5\n\n3. third\n4. fourth\n\n"
	                 "- loose one\n  its second paragraph\n- loose two");
}

Test(frontmatter, headings_of_every_reader)
{
	/* headings the plain-text import knew: one table for all */
	cr_assert_eq(load_md("---\ntitle: T\norganization: O\n---\nIntro.\n\n"
	                     "## Tareas\n\n- Uno\n- Dos\n\n"
	                     "## Cualificaciones\n\n- Carn\u00e9\n"), 1);
	cr_assert_eq(c.v[0]->responsibilities.n, 2);
	cr_assert_eq(c.v[0]->qualifications.n, 1);
	cr_assert_eq(c.v[0]->nsections, 0);
}

Test(frontmatter, html_lists_in_markdown_are_lists)
{
	cr_assert_eq(load_md("---\ntitle: T\norganization: O\n---\n"
	                     "Intro,<br>on two lines.\n\n"
	                     "<ul>\n<li>One &amp; only</li>\n<li>Two "
	                     "<b>bold</b></li>\n</ul>\n\n"
	                     "<ol start=\"3\"><li>Third<ul><li>under it</li>"
	                     "</ul></li></ol>\n\n"
	                     "<div><h3>Schedule</h3>\n<p>Monday to Friday.</p>"
	                     "</div>\n\n"
	                     "## Benefits\n\n"
	                     "<ul><li>Dental</li><li>Vision</li></ul>\n"), 1);
	dump_problems(&c);
	struct posting *p = c.v[0];
	cr_assert_str_eq(p->summary, "Intro,\non two lines.\n\n"
	                 "- One & only\n- Two bold\n\n"
	                 "3. Third\n  - under it");
	/* an HTML heading is a heading, with its level */
	const struct section *s = section_of(p, "Schedule");
	cr_assert_not_null(s);
	cr_assert_str_eq(s->text, "Monday to Friday.");
	cr_assert_eq(p->benefits.n, 2);
	cr_assert_str_eq(p->benefits.v[1], "Vision");
}

Test(frontmatter, html_too_deep_is_said)
{
	struct buf b = {0};
	buf_adds(&b, "---\ntitle: T\norganization: O\n---\nBefore.\n\n");
	for (int i = 0; i < 300; i++)
		buf_adds(&b, "<div>");
	buf_adds(&b, "deep\n");
	cr_assert_eq(load_md(b.s), 1);
	dump_problems(&c);
	cr_assert(has_problem(&c, 7, 1, true,
	                      "libxml2 stopped reading this HTML: "
	                      "Excessive depth"));
	cr_assert_str_eq(c.v[0]->summary, "Before.");
	cr_assert(c.v[0]->problems);
	buf_free(&b);
}

Test(frontmatter, sections_and_groups)
{
	cr_assert_eq(load_md("---\ntitle: T\norganization: O\n---\n"
	                     "Intro.\n\n## Schedule\n\n- Mornings\n- Weekends\n\n"
	                     "## Working here\n\n### Pay\n\nBiweekly.\n\n"
	                     "### Leave\n\n- Four weeks\n\n#### Detail\n\n"
	                     "Accrued monthly.\n\n"
	                     "**Tools:**\n\n- Email\n- Phones\n"), 1);
	struct posting *p = c.v[0];
	dump_problems(&c);
	cr_assert_str_eq(p->summary, "Intro.");
	const struct section *s = section_of(p, "Schedule");
	cr_assert_not_null(s);
	cr_assert_null(s->text);
	cr_assert_eq(s->items.n, 2);
	s = section_of(p, "Working here");
	cr_assert_not_null(s);
	cr_assert_eq(s->nsub, 2);
	cr_assert_str_eq(s->sub[0].heading, "Pay");
	cr_assert_str_eq(s->sub[0].text, "Biweekly.");
	cr_assert_str_eq(s->sub[1].heading, "Leave");
	/* deeper headings in a group are its paragraphs */
	cr_assert_str_eq(s->sub[1].text, "- Four weeks\n\nDetail\n\n"
	                 "Accrued monthly.\n\nTools:\n\n- Email\n- Phones");
}

Test(frontmatter, bold_label_heads_its_list)
{
	cr_assert_eq(load_md("---\ntitle: T\norganization: O\n---\n"
	                     "Intro.\n\n**Tools**\n\n- Email\n- Phones\n\n"
	                     "You will:\n\n- Answer calls\n"), 1);
	struct posting *p = c.v[0];
	cr_assert_str_eq(p->summary, "Intro.");
	const struct section *s = section_of(p, "Tools");
	cr_assert_not_null(s);
	/* a sentence that leads into its list is not a heading */
	cr_assert_str_eq(s->text, "- Email\n- Phones\n\nYou will:\n\n"
	                 "- Answer calls");
}

Test(frontmatter, subheadings_of_a_list)
{
	cr_assert_eq(load_md("---\ntitle: T\norganization: O\n---\n"
	                     "## Requirements\n\n### Must have\n\n- A\n\n"
	                     "### Education\n\n- B\n\n### Nice to have\n\n"
	                     "- C\n"), 1);
	struct posting *p = c.v[0];
	cr_assert_eq(p->qualifications.n, 3);
	cr_assert_str_eq(p->qualifications.v[0], "A");
	cr_assert_str_eq(p->qualifications.v[1], "Education:");
	cr_assert_str_eq(p->qualifications.v[2], "B");
	cr_assert_eq(p->preferred.n, 1);
	cr_assert_str_eq(p->preferred.v[0], "C");
}

Test(frontmatter, heading_not_the_title_kept)
{
	cr_assert_eq(load_md("---\ntitle: T\norganization: O\n---\n"
	                     "# Join us\n\nWe are growing.\n"), 1);
	const struct section *s = section_of(c.v[0], "Join us");
	cr_assert_not_null(s);
	cr_assert_str_eq(s->text, "We are growing.");
}

/* Limits -------------------------------------------------------------- */

Test(frontmatter, too_many_blocks)
{
	struct load_limits lim = load_default_limits;
	lim.max_nodes = 3;
	const char *s = "---\ntitle: T\norganization: O\n---\n"
	                "one\n\ntwo\n\nthree\n\nfour\n\nfive\n";
	cr_assert_eq(load_buffer(&c, "job.md", s, strlen(s), &lim), 1);
	dump_problems(&c);
	cr_assert(has_problem(&c, 11, 1, true,
	                      "more than 3 blocks in the body"));
	cr_assert_str_eq(c.v[0]->summary, "one\n\ntwo\n\nthree");
}

Test(frontmatter, deep_nesting)
{
	struct buf b = {0};
	buf_adds(&b, "---\ntitle: T\norganization: O\n---\n");
	for (int i = 0; i < 100; i++) {
		for (int k = 0; k < i; k++)
			buf_adds(&b, "  ");
		buf_printf(&b, "- level %d\n", i);
	}
	cr_assert_eq(load_buffer(&c, "job.md", b.s, b.len, NULL), 1);
	dump_problems(&c);
	cr_assert(has_problem(&c, 69, 1, false,
	                      "nested deeper than 64 levels"));
	cr_assert(strstr(c.v[0]->summary, "- level 99"));
	buf_free(&b);
}

Test(frontmatter, summary_over_max_scalar)
{
	struct load_limits lim = load_default_limits;
	lim.max_scalar = 30;
	const char *s = "---\ntitle: T\norganization: O\n---\n"
	                "First paragraph.\n\nSecond paragraph.\n";
	cr_assert_eq(load_buffer(&c, "job.md", s, strlen(s), &lim), 1);
	dump_problems(&c);
	cr_assert(has_problem(&c, 7, 1, true,
	                      "the summary runs over 30 bytes"));
	cr_assert_str_eq(c.v[0]->summary, "First paragraph.");
}

Test(frontmatter, html_file_with_front_matter)
{
	/* an .html file is read for front matter only when it opens with
	 * --- */
	cr_assert_eq(load_as("page.html", "---\ntitle: T\norganization: O\n"
	                     "---\n<p>One</p><p>Two</p>\n"), 1);
	cr_assert_str_eq(c.v[0]->summary, "One\n\nTwo");
}

/* Writes s to file name of directory dir. */
static void
put(const char *dir, const char *name, const char *s)
{
	char path[256];
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	FILE *f = fopen(path, "w");
	cr_assert_not_null(f);
	fputs(s, f);
	fclose(f);
}

Test(frontmatter, pages_and_front_matter_in_a_directory)
{
	char dir[] = "/tmp/billet-fm-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	put(dir, "job.html", "<html><script type=\"application/ld+json\">"
	    "{\"@type\": \"JobPosting\", \"title\": \"Page job\", "
	    "\"hiringOrganization\": \"O\"}</script></html>\n");
	put(dir, "post.htm", "\xEF\xBB\xBF---  \r\ntitle: Post\r\n"
	    "organization: O\r\n---\r\n<p>Text</p>\r\n");
	put(dir, "toml.html", "+++\ntitle = \"T\"\n+++\n<p>x</p>\n");
	/* Hugo's list page of a section, and a README: passed over */
	put(dir, "_index.html", "---\ntitle: Jobs\n---\n<p>All jobs</p>\n");
	put(dir, "README.md", "# Our jobs\n");
	load_path(&c, dir, NULL);
	dump_problems(&c);
	cr_assert_eq(c.n, 2);
	cr_assert_str_eq(c.v[0]->title, "Page job");
	cr_assert_str_eq(c.v[1]->title, "Post");
	cr_assert_str_eq(c.v[1]->summary, "Text");
	cr_assert_eq(c.nproblems, 1);
	cr_assert(has_problem(&c, 1, 1, true, "TOML front matter (+++) is not "
	                      "read"));
	const char *names[] = {"job.html", "post.htm", "toml.html",
	                       "_index.html", "README.md"};
	for (size_t i = 0; i < 5; i++) {
		char path[256];
		snprintf(path, sizeof(path), "%s/%s", dir, names[i]);
		unlink(path);
	}
	rmdir(dir);
}
