/* SPDX-License-Identifier: MIT */
/* Personio's XML job feed (tests/data/shapes/personio-feed.xml): each
 * position a posting on the canonical fields, the note said once, the
 * keys not placed kept; the XML reader's bounds and its messages for
 * broken XML, a DTD, other XML; bytes of no extension recognised; the
 * page of a position imported from a feed's URL. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "catalog.h"
#include "export.h"
#include "import.h"
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

TestSuite(personio, .init = setup, .fini = teardown);

/* Loads the feed fixture. */
static size_t
feed(void)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/shapes/personio-feed.xml", TEST_DATA);
	return load_path(&c, path, NULL);
}

/* Loads a string as a file of that name, with the limits lim (NULL: the
 * defaults). */
static size_t
load_as(const char *name, const char *s, const struct load_limits *lim)
{
	return load_buffer(&c, name, s, strlen(s), lim);
}

/* The posting with this id (fails the test when there is none). */
static const struct posting *
get(const char *id)
{
	const struct posting *p = catalog_find(&c, id);
	cr_assert_not_null(p, "no posting '%s'", id);
	return p;
}

/* The problem whose message contains part, or NULL. */
static const struct problem *
problem(const char *part)
{
	for (size_t i = 0; i < c.nproblems; i++)
		if (strstr(c.problems[i].msg, part))
			return &c.problems[i];
	return NULL;
}

/* The feed ------------------------------------------------------------------ */

Test(personio, feed_german_position)
{
	cr_assert_eq(feed(), 4);
	const struct posting *p = get("personio-1847302");
	cr_assert_str_eq(p->title, "Sozialarbeiter*in (m/w/d) Aufsuchende "
	                 "Jugendarbeit");
	cr_assert_str_eq(p->org.name, "Nordlicht Jugendhilfe gGmbH");
	cr_assert_str_eq(p->department, "Ambulante Hilfen");
	/* the office, then the additional ones */
	cr_assert_eq(p->nplaces, 3);
	cr_assert_str_eq(p->places[0].name, "Hamburg");
	cr_assert_str_eq(p->places[1].name, "Lübeck");
	cr_assert_str_eq(p->places[2].name, "Kiel");
	cr_assert_eq(p->workplace, WP_NONE);
	cr_assert_str_eq(p->employment.type, "full-time, part-time");
	cr_assert_str_eq(p->employment.classification, "permanent");
	cr_assert_eq(p->experience.min_years, 2);
	cr_assert_eq(p->experience.max_years, 5);
	/* a date-time with its zone: the date as written */
	cr_assert_eq(p->posted.ymd, 20261002);
	cr_assert_str_eq(p->posted.text, "2026-10-02");
	cr_assert_eq(p->tags.n, 3);
	cr_assert_str_eq(p->tags.v[0], "Streetwork");
	cr_assert_str_eq(p->tags.v[1], "Jugendhilfe");
	cr_assert_str_eq(p->tags.v[2], "Soziale Arbeit");
	/* the descriptions by their German headings, HTML made text */
	cr_assert_str_eq(p->org.about, "Seit 1994 begleitet Nordlicht junge "
	                 "Menschen in Hamburg und Schleswig-Holstein – "
	                 "parteilich, verlässlich und nah dran.");
	cr_assert_null(p->summary);
	cr_assert_eq(p->responsibilities.n, 3);
	cr_assert_str_eq(p->responsibilities.v[1], "Du berätst zu Schule, "
	                 "Ausbildung, Wohnen und Gesundheit.");
	cr_assert_eq(p->qualifications.n, 3);
	cr_assert_str_eq(p->qualifications.v[2], "Führerschein Klasse B");
	cr_assert_eq(p->benefits.n, 3);
	cr_assert_str_eq(p->benefits.v[1], "30 Tage Urlaub & Supervision");
	cr_assert_eq(p->nsections, 1);
	const struct section *k = section_of(p, "Kontakt");
	cr_assert_not_null(k);
	cr_assert_not_null(strstr(k->text, "Jana Petersen"), "%s", k->text);
	/* what is not placed is kept, under its own name */
	cr_assert_str_eq(kept_text(p, "recruitingCategory"), "Festangestellte");
	cr_assert_str_eq(kept_text(p, "seniority"), "experienced");
	cr_assert_str_eq(kept_text(p, "occupation"), "social_work");
	cr_assert_str_eq(kept_text(p, "occupationCategory"),
	                 "social_work_and_education");
	cr_assert_null(kept_text(p, "employmentType"));
	cr_assert_null(kept_text(p, "name"));
	cr_assert_null(kept_text(p, "jobDescriptions"));
	cr_assert_eq(p->line, 3);
	cr_assert_eq(p->col, 2);
	cr_assert_not(p->problems);
}

Test(personio, feed_english_position_remote_intern)
{
	feed();
	const struct posting *p = get("personio-1851177");
	cr_assert_str_eq(p->title, "Intern, Refugee Legal Aid (remote)");
	cr_assert_null(p->org.name);
	cr_assert_eq(p->nplaces, 1);
	cr_assert_str_eq(p->places[0].name, "Remote");
	cr_assert_eq(p->workplace, WP_REMOTE); /* every office is "Remote" */
	cr_assert_str_eq(p->employment.type, "internship, part-time");
	cr_assert_null(p->employment.classification);
	cr_assert_eq(p->experience.min_years, -1); /* lt-1 */
	cr_assert_eq(p->experience.max_years, 1);
	cr_assert_str_eq(p->summary, "Support our legal team as it helps "
	                 "people seeking asylum prepare their hearings.\n\n"
	                 "The internship lasts six months.");
	cr_assert_eq(p->responsibilities.n, 2); /* "Your tasks" */
	cr_assert_eq(p->qualifications.n, 2);   /* "Your profile" */
	cr_assert_eq(p->nsections, 0);
}

Test(personio, feed_freelance_position)
{
	feed();
	const struct posting *p = get("personio-1862540");
	cr_assert_str_eq(p->title, "Fundraising & Kommunikation (Freelance)");
	cr_assert_str_eq(p->org.name, "Nordlicht Stiftung");
	cr_assert_str_eq(p->employment.type, "contract, part-time");
	cr_assert_eq(p->experience.min_years, 15); /* gt-15 */
	cr_assert_eq(p->experience.max_years, -1);
	cr_assert_str_eq(p->summary, "Für unsere Kampagne „Kein Kind "
	                 "zurücklassen“ suchen wir Unterstützung auf "
	                 "Honorarbasis."); /* "Beschreibung" */
	const struct section *s = section_of(p, "Was wir erwarten");
	cr_assert_not_null(s);
	cr_assert_str_eq(s->text, "Langjährige Erfahrung im Spendenmarketing "
	                 "und ein Portfolio, das es zeigt.");
	cr_assert_eq(p->tags.n, 0);           /* <keywords></keywords> */
	cr_assert_null(kept_text(p, "keywords")); /* nothing to keep */
}

Test(personio, feed_note_said_once)
{
	feed();
	cr_assert_eq(c.nerrors, 0);
	cr_assert_eq(c.nproblems, 2, "only the notes");
	cr_assert(c.problems[0].note);
	cr_assert_str_eq(c.problems[0].msg, "read as a Personio XML feed; 4 "
	                 "postings; some name no organization (1 posting)");
	cr_assert_eq(c.problems[0].line, 0); /* the file as a whole: 1:1 */
	cr_assert_str_eq(c.problems[1].msg, "keys not placed, kept under "
	                 "Other: recruitingCategory, seniority, occupation, "
	                 "occupationCategory, employmentType");
}

/* True when s holds a control a terminal obeys: C0 but newline and tab,
 * DEL, C1 (as UTF-8), a bidirectional override. */
static bool
has_control(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char b = (unsigned char)s[i];
		if ((b < 0x20 && b != '\n' && b != '\t') || b == 0x7f)
			return true;
		if (b == 0xC2 && i + 1 < len &&
		    (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9f)
			return true;
		if (i + 2 < len && !memcmp(s + i, "\xE2\x80\xAE", 3))
			return true;
	}
	return false;
}

Test(personio, feed_hostile_position_shown_not_obeyed)
{
	feed();
	const struct posting *p = get("personio-1866001");
	/* the model keeps the text as it came (XML allows C1 controls and
	 * bidi overrides, not C0 ones) */
	cr_assert_str_eq(p->title, "Trap \xC2\x9B" "31mTitle\xE2\x80\xAEtxt.exe");
	cr_assert_str_eq(kept_text(p, "employmentType"), "trainee");
	cr_assert_null(p->employment.classification);
	cr_assert_str_eq(p->employment.type, "full-time");
	/* what is written for a terminal shows them */
	for (int fmt = 0; fmt < 3; fmt++) {
		char *out = NULL;
		size_t len = 0;
		FILE *f = open_memstream(&out, &len);
		cr_assert_not_null(f);
		export_show(f, p, fmt == 0 ? FMT_TEXT : fmt == 1 ? FMT_YAML
		                                                 : FMT_JSON,
		            80, NULL);
		fclose(f);
		cr_assert_not(has_control(out, len), "%s", out);
		if (fmt == 0) {
			cr_assert_not_null(strstr(out, "Trap \\u009B31mTitle"
			                          "\\u202Etxt.exe"), "%s", out);
			cr_assert_not_null(strstr(out, "Evil\\u202ECorp\\u009B2J"));
			cr_assert_not_null(strstr(out, "Berlin\\u0085"));
			/* HTML's &#27; and &#7; are no characters: left out */
			cr_assert_not_null(strstr(out, "Escapes written as HTML: "
			                          "]0;pwned and [2J and "
			                          "\\u009B31m"), "%s", out);
			cr_assert_null(strstr(out, "alert"));
		}
		free(out);
	}
}

/* Positions written here ---------------------------------------------------- */

#define HEAD "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<workzag-jobs>\n"
#define TAIL "</workzag-jobs>\n"

Test(personio, one_additional_office_and_duplicates)
{
	cr_assert_eq(load_as("f.xml", HEAD
		"<position><id>7</id><name>A</name><office>Kiel</office>"
		"<additionalOffices><office>Kiel</office></additionalOffices>"
		"</position>\n"
		"<position><id>8</id><name>B</name>"
		"<additionalOffices><office>Remote</office><office>Berlin"
		"</office></additionalOffices></position>\n" TAIL, NULL), 2);
	const struct posting *p = get("personio-7");
	cr_assert_eq(p->nplaces, 1);
	cr_assert_str_eq(p->places[0].name, "Kiel");
	cr_assert_null(kept_text(p, "additionalOffices"));
	const struct posting *q = get("personio-8");
	cr_assert_eq(q->nplaces, 2);
	cr_assert_str_eq(q->places[0].name, "Remote");
	cr_assert_str_eq(q->places[1].name, "Berlin");
	cr_assert_eq(q->workplace, WP_NONE); /* remote and an office */
}

Test(personio, headings_german_and_english)
{
	cr_assert_eq(load_as("f.xml", HEAD "<position><id>1</id><name>A</name>"
		"<jobDescriptions>"
		"<jobDescription><name>Die Stelle</name><value><![CDATA[<p>Intro."
		"</p>]]></value></jobDescription>"
		"<jobDescription><name>Wer wir sind</name><value><![CDATA[<p>Wir."
		"</p>]]></value></jobDescription>"
		"<jobDescription><name>Das bringst du mit</name><value><![CDATA["
		"<ul><li>Q1</li></ul>]]></value></jobDescription>"
		"<jobDescription><name>Was wir dir bieten</name><value><![CDATA["
		"<ul><li>B1</li></ul>]]></value></jobDescription>"
		"<jobDescription><name>Tasks</name><value>&lt;ul&gt;&lt;li&gt;R1"
		"&lt;/li&gt;&lt;/ul&gt;</value></jobDescription>"
		"<jobDescription><name>Ansprechpartner</name><value>Frau A"
		"</value></jobDescription>"
		"</jobDescriptions></position>" TAIL, NULL), 1);
	const struct posting *p = get("personio-1");
	cr_assert_str_eq(p->summary, "Intro.");
	cr_assert_str_eq(p->org.about, "Wir.");
	cr_assert_eq(p->qualifications.n, 1);
	cr_assert_str_eq(p->qualifications.v[0], "Q1");
	cr_assert_eq(p->benefits.n, 1);
	cr_assert_eq(p->responsibilities.n, 1); /* HTML escaped, not CDATA */
	cr_assert_str_eq(p->responsibilities.v[0], "R1");
	cr_assert_eq(p->nsections, 1);
	cr_assert_str_eq(p->sections[0].heading, "Ansprechpartner");
	cr_assert_str_eq(p->sections[0].text, "Frau A");
}

Test(personio, values_that_do_not_map_are_kept)
{
	cr_assert_eq(load_as("f.xml", HEAD "<position><id>1</id><name>A</name>"
		"<employmentType>working_student</employmentType>"
		"<schedule>flexible</schedule>"
		"<yearsOfExperience>some</yearsOfExperience>"
		"<createdAt>last week</createdAt>"
		"<jobDescriptions><jobDescription><name>X</name><value><b>raw"
		"</b></value></jobDescription></jobDescriptions>"
		"<extra a=\"1\">t<x>y</x></extra>"
		"text beside</position>" TAIL, NULL), 1);
	const struct posting *p = get("personio-1");
	cr_assert_null(p->employment.type);
	cr_assert_str_eq(kept_text(p, "employmentType"), "working_student");
	cr_assert_str_eq(kept_text(p, "schedule"), "flexible");
	cr_assert_str_eq(kept_text(p, "yearsOfExperience"), "some");
	cr_assert_eq(p->experience.min_years, -1);
	cr_assert_eq(p->experience.max_years, -1);
	cr_assert_str_eq(kept_text(p, "createdAt"), "last week");
	cr_assert_eq(p->posted.ymd, 0);
	/* HTML as elements, not text: kept as it came */
	cr_assert_not_null(kept(p, "jobDescriptions"));
	/* an element's attributes, its text beside elements */
	const struct xvalue *e = kept(p, "extra");
	cr_assert_not_null(e);
	cr_assert_eq(e->kind, X_MAP);
	cr_assert_eq(e->n, 3);
	cr_assert_str_eq(e->kids[0].key, "@a");
	cr_assert_str_eq(e->kids[0].s, "1");
	cr_assert_str_eq(e->kids[1].key, "x");
	cr_assert_str_eq(e->kids[2].key, "#text");
	cr_assert_str_eq(e->kids[2].s, "t");
	cr_assert_str_eq(kept_text(p, "#text"), "text beside");
	cr_assert_not_null(problem("keys not placed, kept under Other: "
	                           "employmentType, schedule, "
	                           "yearsOfExperience, createdAt, "
	                           "jobDescriptions, extra, #text"));
}

Test(personio, empty_feed_and_the_root_s_other_children)
{
	cr_assert_eq(load_as("e.xml", "<workzag-jobs/>", NULL), 0);
	cr_assert_eq(c.nproblems, 1);
	cr_assert_str_eq(c.problems[0].msg, "read as a Personio XML feed; 0 "
	                 "postings");
	catalog_free(&c);
	catalog_init(&c);
	cr_assert_eq(load_as("m.xml", "<workzag-jobs version=\"2\"><meta><a/>"
	                     "</meta><position><name>A</name></position>"
	                     "</workzag-jobs>", NULL), 1);
	cr_assert_not_null(problem("read as a Personio XML feed; 1 posting; it "
	                           "names no organization (1 posting); not "
	                           "read: @version, meta"));
	cr_assert_eq(c.nerrors, 0);
}

Test(personio, position_without_a_name)
{
	cr_assert_eq(load_as("f.xml", HEAD "\t<position>\n<id>1</id>\n"
	                     "</position>\n  <position/>\n" TAIL, NULL), 0);
	const struct problem *e = problem("posting has no title");
	cr_assert_not_null(e);
	cr_assert_eq(e->line, 3);
	cr_assert_eq(e->col, 2);
	cr_assert_eq(c.nerrors, 2); /* the empty one too */
	cr_assert_eq(c.problems[c.nproblems - 1].line, 6);
	cr_assert_eq(c.problems[c.nproblems - 1].col, 3);
}

/* Other XML, broken XML, bounds -------------------------------------------- */

Test(personio, other_xml_is_said_not_read)
{
	cr_assert_eq(load_as("feed.xml", "<?xml version=\"1.0\"?>\n"
	                     "<!-- a feed -->\n  <rss version=\"2.0\"><channel>"
	                     "<item><title>Job</title></item></channel></rss>\n",
	                     NULL), 0);
	cr_assert_eq(c.nproblems, 1);
	const struct problem *e = &c.problems[0];
	cr_assert(e->error);
	cr_assert_eq(e->line, 3);
	cr_assert_eq(e->col, 3);
	cr_assert_str_eq(e->msg, "billet does not read this XML: its root "
	                 "element is <rss>; of XML it reads Personio's job "
	                 "feed, whose root is <workzag-jobs>");
}

Test(personio, broken_xml_said_where_the_positions_before_read)
{
	cr_assert_eq(load_as("f.xml", HEAD
		"<position><id>1</id><name>A</name></position>\n"
		"<position><id>2</id>\n<name>B</nam>\n</position>\n"
		"<position><id>3</id><name>C</name></position>\n" TAIL, NULL), 1);
	get("personio-1");
	const struct problem *e = problem("not well-formed XML");
	cr_assert_not_null(e);
	cr_assert(e->error);
	cr_assert_eq(e->line, 5);
	cr_assert_eq(e->col, 14);
	cr_assert_str_eq(e->msg, "not well-formed XML: Opening and ending tag "
	                 "mismatch: name line 5 and nam; the rest of the file "
	                 "is not read");
}

Test(personio, bad_bytes_and_c0_references_are_errors)
{
	load_as("f.xml", HEAD "<position><name>A&#x1b;B</name></position>"
	        TAIL, NULL);
	const struct problem *e = problem("not well-formed XML");
	cr_assert_not_null(e);
	cr_assert_eq(e->line, 3);
	cr_assert_eq(c.n, 0);
	catalog_free(&c);
	catalog_init(&c);
	load_as("g.xml", "<workzag-jobs><position><name>Caf\xe9</name>"
	        "</position></workzag-jobs>", NULL);
	e = problem("not well-formed XML: Input is not proper UTF-8");
	cr_assert_not_null(e);
	cr_assert_eq(e->line, 1);
	cr_assert_eq(e->col, 34, "%u", e->col);
}

Test(personio, a_dtd_s_entities_are_not_expanded)
{
	cr_assert_eq(load_as("f.xml", "<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE workzag-jobs [\n"
		"<!ENTITY a \"aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa\">\n"
		"<!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">\n"
		"]>\n"
		"<workzag-jobs><position><name>&b;&b;&b;</name></position>"
		"</workzag-jobs>\n", NULL), 0);
	cr_assert_eq(c.nproblems, 1);
	cr_assert_eq(c.problems[0].line, 3);
	cr_assert_str_eq(c.problems[0].msg, "the DTD declares an entity (a): "
	                 "billet expands none but XML's own (&amp; &lt; &gt; "
	                 "&quot; &apos;); the file is not read");
}

Test(personio, no_network_no_external_entity)
{
	/* an external DTD and an entity it would declare: neither read */
	cr_assert_eq(load_as("f.xml", "<?xml version=\"1.0\"?>\n"
		"<!DOCTYPE workzag-jobs SYSTEM \"http://127.0.0.1:1/x.dtd\">\n"
		"<workzag-jobs><position><name>A&x;</name></position>"
		"</workzag-jobs>\n", NULL), 1);
	cr_assert_str_eq(c.v[0]->title, "A");
}

Test(personio, limits)
{
	struct load_limits lim = load_default_limits;
	lim.max_depth = 4;
	cr_assert_eq(load_as("d.xml", "<workzag-jobs>\n<position><name>A</name>"
	                     "</position>\n<position><name>B</name><a><b><c>"
	                     "</c></b></a></position></workzag-jobs>", &lim), 1);
	const struct problem *e = problem("elements nested deeper than 4 "
	                                  "levels (see --max-depth); the rest "
	                                  "of the file is not read");
	cr_assert_not_null(e);
	cr_assert_eq(e->line, 3);
	cr_assert_eq(e->col, 31, "%u", e->col);
	catalog_free(&c);
	catalog_init(&c);
	lim = load_default_limits;
	lim.max_nodes = 6;
	cr_assert_eq(load_as("n.xml", "<workzag-jobs><position><id>1</id>"
	                     "<name>A</name><a>1</a><b>2</b></position>"
	                     "<position><id>2</id><name>B</name></position>"
	                     "</workzag-jobs>", &lim), 2);
	cr_assert_not_null(problem("more than 6 nodes in one position; the "
	                           "rest of it is dropped (see --max-nodes)"));
	cr_assert_not_null(kept_text(get("personio-1"), "a"));
	cr_assert_null(kept_text(get("personio-1"), "b"));
	cr_assert(get("personio-1")->problems);
	cr_assert_not(get("personio-2")->problems);
	catalog_free(&c);
	catalog_init(&c);
	lim = load_default_limits;
	lim.max_scalar = 8;
	cr_assert_eq(load_as("s.xml", "<workzag-jobs><position><name>A</name>"
	                     "<department>0123456789</department></position>"
	                     "</workzag-jobs>", &lim), 1);
	cr_assert_not_null(problem("a value of more than 8 bytes (see "
	                           "--max-scalar); it is dropped"));
	cr_assert_null(c.v[0]->department);
}

Test(personio, a_tag_of_many_attributes_is_refused_at_once)
{
	struct buf b = {0};
	buf_adds(&b, "<workzag-jobs>\n<position");
	for (int i = 0; i < 100000; i++)
		buf_printf(&b, " a%d=\"\"", i);
	buf_adds(&b, "><name>A</name></position></workzag-jobs>");
	clock_t t0 = clock();
	cr_assert_eq(load_buffer(&c, "a.xml", b.s, b.len, NULL), 0);
	cr_assert_lt((double)(clock() - t0) / CLOCKS_PER_SEC, 2.0);
	const struct problem *e = problem("tags with thousands of attributes");
	cr_assert_not_null(e);
	cr_assert_eq(e->line, 2);
	cr_assert_eq(e->col, 1);
	buf_free(&b);
}

Test(personio, lines_past_65535)
{
	struct buf b = {0};
	buf_adds(&b, "<workzag-jobs>");
	for (int i = 0; i < 70000; i++)
		buf_adds(&b, "\n");
	buf_adds(&b, "  <position><id>1</id></position>\n</workzag-jobs>\n");
	load_buffer(&c, "l.xml", b.s, b.len, NULL);
	const struct problem *e = problem("posting has no title");
	cr_assert_not_null(e);
	cr_assert_eq(e->line, 70001);
	cr_assert_eq(e->col, 3);
	buf_free(&b);
}

/* What a file is ---------------------------------------------------------- */

Test(personio, bytes_of_no_extension)
{
	/* an XML declaration, or Personio's root: a feed */
	cr_assert_eq(load_as("stdin", "\xEF\xBB\xBF<?xml version=\"1.0\"?>"
	                     "<workzag-jobs><position><name>A</name>"
	                     "</position></workzag-jobs>", NULL), 1);
	cr_assert_eq(load_as("https://acme.jobs.personio.de/xml?language=de",
	                     "<workzag-jobs><position><id>4</id><name>B</name>"
	                     "</position></workzag-jobs>", NULL), 1);
	get("personio-4");
	/* XHTML is a page */
	cr_assert_eq(load_as("page", "<?xml version=\"1.0\"?>\n<!DOCTYPE html>"
	                     "<html><head><script type=\"application/ld+json\">"
	                     "{\"@type\": \"JobPosting\", \"title\": \"C\"}"
	                     "</script></head></html>", NULL), 1);
	cr_assert_str_eq(c.v[c.n - 1]->title, "C");
	/* a .xml file is XML whatever it holds */
	cr_assert_eq(load_as("x.xml", "title: D\n", NULL), 0);
	cr_assert_not_null(problem("not well-formed XML"));
	/* and YAML stays YAML */
	cr_assert_eq(load_as("y.yaml", "title: \"<?xml\"\n", NULL), 1);
}

/* Import ----------------------------------------------------------------- */

Test(personio, page_of_an_imported_position)
{
	struct {
		const char *url, *id, *page;
	} cases[] = {
		{"https://acme.jobs.personio.de/xml", "personio-123",
		 "https://acme.jobs.personio.de/job/123"},
		{"https://acme.jobs.personio.com/xml?language=en", "personio-9",
		 "https://acme.jobs.personio.com/job/9"},
		{"http://acme.jobs.personio.nl:8080/xml/", "personio-9",
		 "http://acme.jobs.personio.nl:8080/job/9"},
		{"https://acme.jobs.personio.de/xml#x", "personio-1",
		 "https://acme.jobs.personio.de/job/1"},
		/* not a feed of Personio's, or not its id */
		{"https://acme.jobs.personio.de/xml", "greenhouse-1", NULL},
		{"https://acme.jobs.personio.de/xml", "personio-1a", NULL},
		{"https://acme.jobs.personio.de/xml", "personio-", NULL},
		{"https://acme.jobs.personio.de/xmlfeed", "personio-1", NULL},
		{"https://acme.jobs.personio.de/", "personio-1", NULL},
		{"https://jobs.personio.de/xml", "personio-1", NULL},
		{"https://acme.jobs.personio.de.evil.example/xml", "personio-1",
		 NULL},
		{"https://evil.example/acme.jobs.personio.de/xml", "personio-1",
		 NULL},
		{"https://u@acme.jobs.personio.de/xml", "personio-1", NULL},
		{"ftp://acme.jobs.personio.de/xml", "personio-1", NULL},
		{"http://127.0.0.1:8000/xml", "personio-1", NULL},
		{NULL, "personio-1", NULL},
		{"https://acme.jobs.personio.de/xml", NULL, NULL},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char *p = import_personio_page(cases[i].url, cases[i].id);
		if (cases[i].page)
			cr_assert_str_eq(p, cases[i].page, "%s", cases[i].url);
		else
			cr_assert_null(p, "%s %s: %s", cases[i].url,
			               cases[i].id, p);
		free(p);
	}
}
