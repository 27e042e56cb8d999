/* SPDX-License-Identifier: MIT */
/* Plain text read into a draft posting (load_text), the file names and
 * the files import writes, a draft loaded back to the same posting. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "catalog.h"
#include "export.h"
#include "import.h"
#include "load.h"
#include "posting.h"

static struct catalog c;
static struct buf check;

static void
setup(void)
{
	catalog_init(&c);
	check = (struct buf){0};
}

static void
teardown(void)
{
	catalog_free(&c);
	buf_free(&check);
}

TestSuite(text, .init = setup, .fini = teardown);

/* Reads s as plain text; the posting, or NULL. */
static struct posting *
text(const char *s)
{
	struct text_import o = {.fallback = "the-file", .check = &check};
	size_t n = load_text(&c, "t.txt", s, strlen(s), NULL, &o);
	return n ? c.v[c.n - 1] : NULL;
}

/* True when the notes say s. */
static bool
noted(const char *s)
{
	return check.s && strstr(check.s, s);
}

Test(text, title_labels_and_lists)
{
	struct posting *p = text(
		"Program Manager\n"
		"\n"
		"Location: Austin, TX\n"
		"Department\n"
		"Programs\n"
		"\n"
		"We are hiring.\n"
		"\n"
		"RESPONSIBILITIES\n"
		"  • Run the program.\n"
		"  • Report to the board.\n"
		"\n"
		"Requirements:\n"
		"1. Two years of work.\n"
		"2) A license.\n");
	cr_assert_not_null(p);
	cr_assert_str_eq(p->title, "Program Manager");
	cr_assert_str_eq(p->places[0].name, "Austin, TX");
	cr_assert_str_eq(p->department, "Programs");
	cr_assert_str_eq(p->summary, "We are hiring.");
	cr_assert_eq(p->responsibilities.n, 2);
	cr_assert_str_eq(p->responsibilities.v[1], "Report to the board.");
	cr_assert_eq(p->qualifications.n, 2);
	cr_assert_str_eq(p->qualifications.v[1], "A license.");
	cr_assert_eq(p->nsections, 0);
}

Test(text, headings_of_html_descriptions)
{
	/* headings the HTML descriptions knew before the table was one */
	struct posting *p = text(
		"Organizer\n"
		"\n"
		"We are hiring.\n"
		"\n"
		"WHAT YOU'LL BE DOING\n"
		"- Knock on doors.\n"
		"- Hold meetings.\n"
		"\n"
		"Nice-to-have:\n"
		"- Spanish.\n"
		"\n"
		"Profil\n"
		"- Geduld.\n");
	cr_assert_not_null(p);
	cr_assert_eq(p->responsibilities.n, 2);
	cr_assert_eq(p->preferred.n, 1);
	cr_assert_str_eq(p->preferred.v[0], "Spanish.");
	cr_assert_eq(p->qualifications.n, 1);
	cr_assert_eq(p->nsections, 0);
}

Test(text, no_title_line_takes_the_name_and_says_so)
{
	struct posting *p = text("Location\n\nHere\n\nSome words of it.\n");
	cr_assert_not_null(p);
	cr_assert_str_eq(p->title, "the-file");
	cr_assert(noted("title: the text has no title line"));
	cr_assert(noted("not found in the text: organization, salary"));
	cr_assert_str_eq(p->places[0].name, "Here");
}

/* Without a title line, "X seeks a Y" near the top names the job (as
 * the text writes it in capitals elsewhere, else with capitals put to
 * it) and, when nothing else names it, the organization. */
Test(text, title_from_who_seeks_whom)
{
	static const struct {
		const char *text, *title, *org;
	} cases[] = {
		{"Location: Oakland\n\nThe Riverside Tenants Union is seeking a "
		 "Community Organizer who will knock doors.\n",
		 "Community Organizer", "Riverside Tenants Union"},
		{"Location: Here\n\nThe Fair Fund (FF) seeks a policy advocate "
		 "and organizer to build campaigns.\n\nThe Policy Advocate and "
		 "Organizer will plan.\n",
		 "Policy Advocate and Organizer", "Fair Fund"},
		{"Acme Inc. is hiring an experienced Data Analyst, full time.\n",
		 "Data Analyst", "Acme Inc."},
		{"Deadline: soon\n\nBlue Door Shelter is looking for a grants "
		 "manager for its programs.\n",
		 "Grants Manager", "Blue Door Shelter"},
		{"About us\n\nWe care.\n\nWe are seeking a Program Lead to run "
		 "things.\n", "Program Lead", NULL},
		/* a title line goes first */
		{"Program Manager\n\nThe Fund seeks a grants manager.\n",
		 "Program Manager", NULL},
		/* "seeks" not followed by a job */
		{"Location: Here\n\nThe Fund seeks to grow.\n", "the-file", NULL},
		/* too far from the top */
		{"Location: Here\n\nOne.\n\nTwo.\n\nThree.\n\nFour.\n\nFive.\n\n"
		 "Six.\n\nThe Fund seeks a Grants Manager.\n", "the-file", NULL},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		buf_clear(&check);
		struct posting *p = text(cases[i].text);
		cr_assert_not_null(p, "%zu", i);
		cr_assert_str_eq(p->title, cases[i].title, "%zu", i);
		if (cases[i].org)
			cr_assert_str_eq(p->org.name, cases[i].org, "%zu", i);
		else if (i == 4)
			cr_assert_null(p->org.name, "%zu", i);
		if (strcmp(cases[i].title, "the-file") != 0 && i != 5)
			cr_assert(noted("title: read from \"…"), "%zu", i);
	}
	cr_assert(noted("title: the text has no title line"));
}

Test(text, title_option_wins_and_the_line_is_kept)
{
	struct text_import o = {.title = "Given", .check = &check};
	const char *s = "A Title Line\n\nBody text here.\n";
	cr_assert_eq(load_text(&c, "t.txt", s, strlen(s), NULL, &o), 1);
	cr_assert_str_eq(c.v[0]->title, "Given");
	cr_assert_str_eq(c.v[0]->summary, "A Title Line\n\nBody text here.");
}

Test(text, salary_in_a_sentence_with_its_period)
{
	struct posting *p = text(
		"Organizer\n\nBENEFITS\n\nThe pay is $26–$31.50 per hour, "
		"with dental.\n");
	cr_assert(p->salary.present);
	cr_assert_float_eq(p->salary.min, 26, 1e-9);
	cr_assert_float_eq(p->salary.max, 31.5, 1e-9);
	cr_assert_eq(p->salary.period, PERIOD_HOUR);
	cr_assert_str_eq(p->benefits.v[0],
	                 "The pay is $26–$31.50 per hour, with dental.");
	cr_assert(p->benefits_prose);
	cr_assert(noted("salary: read from \"$26–$31.50\""));
}

Test(text, a_salary_label_billet_cannot_read_is_kept_and_said)
{
	struct posting *p = text("Coordinadora\n\nSalario: 28.000 € - 32.000 € "
	                         "brutos anuales\n\nTexto.\n");
	cr_assert(!p->salary.present);
	cr_assert_eq(p->nsections, 1);
	cr_assert_str_eq(p->sections[0].heading, "Salario");
	cr_assert_str_eq(p->sections[0].text, "28.000 € - 32.000 € brutos anuales");
	cr_assert(noted("is no amount billet reads"));
}

Test(text, numbers_in_a_sentence_without_a_currency_are_no_salary)
{
	struct posting *p = text("Advocate\n\nThe salary is fair. We work a "
	                         "7.5 hour day since 1923.\n");
	cr_assert(!p->salary.present);
}

Test(text, dates_in_words)
{
	struct posting *p = text("Job\n\nDeadline: March 15, 2027\n"
	                         "Start date: 1 de abril de 2027\n"
	                         "Posted: Feb 30, 2027\n\nText.\n");
	cr_assert_eq(p->deadline.ymd, 20270315);
	cr_assert_eq(p->start.ymd, 20270401);
	/* not a real date: no posted date, the line kept as written */
	cr_assert_eq(p->posted.ymd, 0);
	cr_assert_str_eq(p->sections[0].heading, "Posted");
	cr_assert(noted("deadline: \"March 15, 2027\" read as 2027-03-15"));
}

Test(text, caps_heading_with_groups)
{
	struct posting *p = text(
		"Job\n\nCOMPETENCIES\n\nFirst Group\n\n  • a one\n  • a two\n\n"
		"Second Group\n\n  • b one\n");
	cr_assert_eq(p->nsections, 1);
	cr_assert_str_eq(p->sections[0].heading, "COMPETENCIES");
	cr_assert_eq(p->sections[0].nsub, 2);
	cr_assert_str_eq(p->sections[0].sub[1].heading, "Second Group");
	cr_assert_str_eq(p->sections[0].sub[1].items.v[0], "b one");
}

Test(text, a_heading_with_nothing_under_it_is_kept_as_text)
{
	struct posting *p = text("Job\n\nIntro words here.\n\nCLOSING\n");
	cr_assert_str_eq(p->summary, "Intro words here.\n\nCLOSING");
}

/* A line of punctuation alone (":" after a stray carriage return, "* * *")
 * names nothing: it is no heading, so the draft has no section without a
 * heading (an error when the draft was loaded back: fuzz_text_import). */
Test(text, a_line_of_punctuation_is_no_heading)
{
	struct posting *p = text("Community Organizer\n\nOrganization: X\n\n"
	                         "Salarements\r :\n- one\n- two\n\n* * *\n\n"
	                         "End words.\n");
	cr_assert_not_null(p);
	cr_assert_eq(p->problems, 0);
	cr_assert_eq(c.nerrors, 0);
	for (size_t i = 0; i < p->nsections; i++)
		cr_assert(p->sections[i].heading && *p->sections[i].heading);
}

Test(text, the_same_heading_twice_is_one_section)
{
	struct posting *p = text("Job\n\nNOTES\n\nOne.\n\nOTHER\n\nTwo.\n\n"
	                         "NOTES\n\nThree.\n");
	cr_assert_eq(p->nsections, 2);
	cr_assert_str_eq(p->sections[0].text, "One.\n\nThree.");
}

Test(text, apply_url_email_documents_subject)
{
	struct posting *p = text(
		"Job\n\nHow to Apply\n\nSend these to jobs@example.org:\n"
		"- Resume\n- Cover letter\n\nUse the subject line \"Job 12\". Or "
		"apply at https://example.org/jobs/12.\n");
	cr_assert_str_eq(p->apply.email, "jobs@example.org");
	cr_assert_str_eq(p->apply.url, "https://example.org/jobs/12");
	cr_assert_str_eq(p->apply.subject, "Job 12");
	cr_assert_eq(p->apply.documents.n, 2);
	cr_assert_str_eq(p->apply.note, "Send these to jobs@example.org:\n\n"
	                 "Use the subject line \"Job 12\". Or apply at "
	                 "https://example.org/jobs/12.");
}

Test(text, crlf_bom_and_bad_bytes)
{
	const char s[] = "\xEF\xBB\xBFJob Offer\r\n\r\nA bad \xFF byte.\r\n";
	struct posting *p = text(s);
	cr_assert_str_eq(p->title, "Job Offer");
	cr_assert_str_eq(p->summary, "A bad \xEF\xBF\xBD byte.");
	cr_assert_geq(c.nproblems, 1);
}

Test(text, limits)
{
	struct load_limits lim = load_default_limits;
	lim.max_scalar = 10;
	struct text_import o = {.fallback = "f"};
	const char *s = "Title\n\nA paragraph longer than ten bytes.\n";
	cr_assert_eq(load_text(&c, "t.txt", s, strlen(s), &lim, &o), 0);
	cr_assert(c.nerrors == 1);
	cr_assert(strstr(c.problems[0].msg, "--max-scalar"));
	cr_assert_eq(load_text(&c, "e.txt", "\n \n", 3, NULL, &o), 0);
}

/* Reads a test file into b. */
static void
slurp(const char *name, struct buf *b)
{
	char path[512];
	snprintf(path, sizeof(path), "%s/import/%s", TEST_DATA, name);
	FILE *f = fopen(path, "rb");
	cr_assert_not_null(f, "%s", path);
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(b, chunk, n);
	fclose(f);
	buf_adds(b, "");
}

/* The posting as --show prints it. */
static char *
shown(const struct posting *p)
{
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);
	export_show(f, p, FMT_TEXT, 100, NULL);
	fclose(f);
	return s;
}

/* Every fixture's draft, written as import writes it and loaded again,
 * is the same posting. */
Test(text, drafts_load_back_to_the_same_posting)
{
	static const char *const files[] = {
		"000_1f487b898173b7c5.txt", "002_8c6798f8b633b47d.txt",
		"organizer-en.txt", "coordinadora-es.txt",
	};
	for (size_t i = 0; i < sizeof(files) / sizeof(files[0]); i++) {
		struct import_source s = {.kind = "plain text"};
		catalog_init(&s.cat);
		s.name = strdup(files[i]);
		struct buf b = {0};
		slurp(files[i], &b);
		struct text_import o = {.fallback = "f", .check = &s.check};
		cr_assert_eq(load_text(&s.cat, files[i], b.s, b.len, NULL, &o), 1);
		cr_assert_eq(s.cat.nerrors, 0, "%s", files[i]);
		struct buf y = {0};
		import_yaml(&y, &s, s.cat.v[0]);
		struct catalog back;
		catalog_init(&back);
		cr_assert_eq(load_buffer(&back, "back.yaml", y.s, y.len, NULL), 1);
		cr_assert_eq(back.nerrors, 0, "%s", files[i]);
		char *a = shown(s.cat.v[0]), *z = shown(back.v[0]);
		cr_assert_str_eq(a, z, "%s", files[i]);
		free(a);
		free(z);
		catalog_free(&back);
		buf_free(&y);
		buf_free(&b);
		import_source_free(&s);
	}
}

TestSuite(import);

Test(import, file_names)
{
	static const char *const cases[][2] = {
		{"nyic-upstate", "nyic-upstate.yaml"},
		{"../../etc/passwd", "etc-passwd.yaml"},
		{"a b/c", "a-b-c.yaml"},
		{".hidden", "hidden.yaml"},
		{"jobs#2", "jobs-2.yaml"},
		{"…", "posting.yaml"},
		{"", "posting.yaml"},
		{"x.", "x.yaml"},
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *n = import_file_name(cases[i][0]);
		cr_assert_str_eq(n, cases[i][1]);
		free(n);
	}
	char long_id[300];
	memset(long_id, 'a', sizeof(long_id) - 1);
	long_id[sizeof(long_id) - 1] = '\0';
	char *n = import_file_name(long_id);
	cr_assert_eq(strlen(n), 100 + 5);
	free(n);
}
