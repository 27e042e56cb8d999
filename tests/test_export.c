/* SPDX-License-Identifier: MIT */
/* Criterion tests for export: kept values' types through a round trip,
 * the formula guard of TSV and CSV, the Markdown export. */
#define _GNU_SOURCE /* asprintf */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "export.h"
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

TestSuite(export, .init = setup, .fini = teardown);

/* Loads text as a file called name (its extension says YAML or JSON);
 * returns the postings added. */
static size_t
load_as(const char *name, const char *s)
{
	return load_buffer(&c, name, s, strlen(s), NULL);
}

/* Loads text again into an empty catalog. */
static size_t
reload_as(const char *name, const char *s)
{
	catalog_free(&c);
	catalog_init(&c);
	return load_as(name, s);
}

/* export_list of the whole catalog into a string (caller frees). */
static char *
listed(enum format fmt, unsigned flags, const struct export_hooks *h)
{
	char *s = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&s, &len);
	cr_assert_not_null(f);
	export_list(f, c.v, c.n, fmt, 80, flags, h);
	fclose(f);
	return s;
}

/* The kept value called key of posting p. */
static const struct xvalue *
kept(const struct posting *p, const char *key)
{
	for (size_t i = 0; i < p->nextra; i++)
		if (!strcmp(p->extra[i].key, key))
			return &p->extra[i];
	cr_assert_fail("no kept value '%s'", key);
	return NULL;
}

/* A kept scalar keeps its type: plain ones (numbers, booleans, null,
 * dates) are written plain in YAML and as JSON's own in JSON; quoted ones
 * stay text; and both read back the same. */
Test(export, kept_scalars_keep_their_type)
{
	cr_assert_eq(load_as("t.yaml",
	                     "id: t\ntitle: T\norganization: O\n"
	                     "is_open: true\ncount: 3\nq: \"3\"\nqt: 'true'\n"
	                     "gone: ~\nempty:\nneg: -5\nfrac: 2.5e3\n"
	                     "day: 2024-01-02\nword: yes\nhex: 0x1F\n"
	                     "list: [1, \"2\", false, null, plain text]\n"
	                     "map: {n: 7, s: \"7\"}\n"),
	             1);
	const struct posting *p = c.v[0];
	cr_assert(kept(p, "is_open")->plain);
	cr_assert(kept(p, "count")->plain);
	cr_assert_not(kept(p, "q")->plain);
	cr_assert_not(kept(p, "qt")->plain);
	cr_assert(kept(p, "gone")->plain);
	cr_assert_str_eq(kept(p, "gone")->s, "");
	char *y = listed(FMT_YAML, 0, NULL);
	const char *yes[] = {
		"\nis_open: true\n", "\ncount: 3\n", "\nq: \"3\"\n",
		"\nqt: \"true\"\n", "\ngone: null\n", "\nempty: null\n",
		"\nneg: -5\n", "\nfrac: 2.5e3\n", "\nday: 2024-01-02\n",
		"\nword: yes\n", "\nhex: 0x1F\n",
		"\nlist:\n  - 1\n  - \"2\"\n  - false\n  - null\n  - plain text\n",
		"\nmap:\n  \"n\": 7\n  s: \"7\"\n",
	};
	for (size_t i = 0; i < sizeof(yes) / sizeof(*yes); i++)
		cr_assert(strstr(y, yes[i]), "no %s in\n%s", yes[i], y);
	char *j = listed(FMT_JSON, 0, NULL);
	const char *jyes[] = {
		"\"is_open\": true,", "\"count\": 3,", "\"q\": \"3\",",
		"\"qt\": \"true\",", "\"gone\": null,", "\"empty\": null,",
		"\"neg\": -5,", "\"frac\": 2.5e3,", "\"day\": \"2024-01-02\",",
		"\"word\": \"yes\",", "\"hex\": \"0x1F\",",
		"[\n    1,\n    \"2\",\n    false,\n    null,\n    \"plain text\"\n  ]",
		"{\n    \"n\": 7,\n    \"s\": \"7\"\n  }",
	};
	for (size_t i = 0; i < sizeof(jyes) / sizeof(*jyes); i++)
		cr_assert(strstr(j, jyes[i]), "no %s in\n%s", jyes[i], j);
	/* read back, each writes the same again */
	reload_as("rt.yaml", y);
	char *y2 = listed(FMT_YAML, 0, NULL);
	cr_assert_str_eq(y2, y);
	reload_as("rt.json", j);
	char *j2 = listed(FMT_JSON, 0, NULL);
	cr_assert_str_eq(j2, j);
	cr_assert(kept(c.v[0], "count")->plain);
	cr_assert_not(kept(c.v[0], "q")->plain);
	free(y), free(y2), free(j), free(j2);
}

/* A plain scalar is written plain only where it reads back the same:
 * one with a character YAML output escapes or quotes (here an em space)
 * is quoted, and stays so. */
Test(export, kept_plain_scalar_quoted_when_it_must)
{
	const char *in = "title: T\norganization: O\n"
	                 "a: [x\u2003y, -x, 12:30, x - y]\n";
	cr_assert_eq(load_as("t.yaml", in), 1);
	cr_assert(c.v[0]->extra[0].kids[0].plain);
	char *y = listed(FMT_YAML, 0, NULL);
	cr_assert(strstr(y, "\na:\n  - \"x\u2003y\"\n  - -x\n  - 12:30\n"
	                    "  - x - y\n"), "%s", y);
	reload_as("rt.yaml", y);
	char *y2 = listed(FMT_YAML, 0, NULL);
	cr_assert_str_eq(y2, y);
	free(y), free(y2);
}

/* No bidirectional control goes out raw in YAML, plain or quoted: the
 * Arabic letter mark (U+061C) is one, outside the U+2000 block (a
 * location with one was written plain: fuzz_text_import found it). */
Test(export, yaml_escapes_every_bidi_control)
{
	cr_assert_eq(load_as("t.yaml", "title: T\norganization: O\n"
	                     "location: \"Chicago, IL \\u061C on days\"\n"
	                     "department: \"a \\u2067b\\u2069\"\n"), 1);
	char *y = listed(FMT_YAML, 0, NULL);
	cr_assert(strstr(y, "\"Chicago, IL \\u061C on days\""), "%s", y);
	cr_assert(strstr(y, "\"a \\u2067b\\u2069\""), "%s", y);
	cr_assert(!strstr(y, "\xd8\x9c") && !strstr(y, "\xe2\x81\xa7"), "%s",
	          y);
	reload_as("rt.yaml", y);
	char *y2 = listed(FMT_YAML, 0, NULL);
	cr_assert_str_eq(y2, y);
	free(y), free(y2);
}

/* What a spreadsheet would run as a formula gets a leading ' in TSV as
 * in CSV: title, organization, location, a note. */
static const char *
formula_note(void *ctx, const struct posting *p)
{
	(void)ctx, (void)p;
	return "@SUM(A1)";
}

Test(export, tsv_guards_formulas_as_csv_does)
{
	cr_assert_eq(load_as("t.yaml",
	                     "id: \"+id\"\ntitle: \"=HYPERLINK(\\\"http://x\\\")\"\n"
	                     "organization: \"-2+3\"\nlocation: \"@here\"\n"
	                     "---\nid: plain\ntitle: A = B\norganization: O\n"),
	             2);
	struct export_hooks h = {.note = formula_note};
	char *tsv = listed(FMT_TSV, EXPORT_STATE, &h);
	cr_assert_str_eq(tsv,
	                 "'+id\t'=HYPERLINK(\"http://x\")\t'-2+3\t'@here\t\t\t\t"
	                 "0\t\t\t'@SUM(A1)\t0\n"
	                 "plain\tA = B\tO\t\t\t\t\t0\t\t\t'@SUM(A1)\t0\n");
	char *csv = listed(FMT_CSV, 0, NULL);
	cr_assert_str_eq(csv,
	                 "\"'+id\",\"'=HYPERLINK(\"\"http://x\"\")\",\"'-2+3\","
	                 "\"'@here\",,,,0\r\n"
	                 "plain,A = B,O,,,,,0\r\n");
	free(tsv), free(csv);
}

/* The state of posting p1 for the Markdown export. */
static bool
md_marked(void *ctx, const struct posting *p)
{
	(void)ctx;
	return !strcmp(p->id, "p1");
}

static int
md_rating(void *ctx, const struct posting *p)
{
	(void)ctx;
	return !strcmp(p->id, "p1") ? 5 : 0;
}

static const char *
md_status(void *ctx, const struct posting *p)
{
	(void)ctx;
	return !strcmp(p->id, "p1") ? "interviewing" : NULL;
}

static const char *
md_note(void *ctx, const struct posting *p)
{
	(void)ctx;
	return !strcmp(p->id, "p1") ? "ask about\n# hours" : NULL;
}

static const char md_posting[] =
	"id: p1\ntitle: Organizer\n"
	"organization: {name: Good Org, url: \"https://good.example/\"}\n"
	"location: Fresno, CA\nsalary: 50000\n"
	"summary: \"First paragraph\\nwrapped.\\n\\nSecond:\\n- one\\n- two\"\n"
	"responsibilities: [Lead, Plan]\n"
	"apply: {url: \"https://good.example/apply\", email: jobs@good.example}\n"
	"sections:\n  Extra:\n    Group: [x, y]\nhours: 40\n";

/* Markdown: a table whose titles are links, then a heading per posting
 * with its fields as a list, its lists as lists, its sections headed. */
Test(export, markdown_is_a_table_then_a_heading_per_posting)
{
	cr_assert_eq(load_as("t.yaml", md_posting), 1);
	char *md = listed(FMT_MARKDOWN, 0, NULL);
	cr_assert_str_eq(md,
		"| Title | Organization | Location | Salary | Deadline |\n"
		"| --- | --- | --- | --- | --- |\n"
		"| [Organizer](https://good.example/apply) | Good Org | "
		"Fresno, CA | $50k |  |\n"
		"\n"
		"## Organizer — Good Org\n"
		"\n"
		"- **Organization:** [Good Org](https://good.example/)\n"
		"- **Location:** Fresno, CA\n"
		"- **Salary:** $50,000 a year\n"
		"- **Id:** `p1`\n"
		"\n"
		"### Summary\n"
		"\n"
		"First paragraph wrapped.\n"
		"\n"
		"Second:\n"
		"\n"
		"- one\n"
		"- two\n"
		"\n"
		"### Responsibilities\n"
		"\n"
		"- Lead\n"
		"- Plan\n"
		"\n"
		"### How to apply\n"
		"\n"
		"- **Apply at:** <https://good.example/apply>\n"
		"- **Email:** jobs@good.example\n"
		"\n"
		"### Extra\n"
		"\n"
		"#### Group\n"
		"\n"
		"- x\n"
		"- y\n"
		"\n"
		"### Other\n"
		"\n"
		"- **hours:** 40\n");
	free(md);
}

/* With the state: the table's mark, rating, status and note columns,
 * and the same first in the posting's list, the note's lines kept. */
Test(export, markdown_with_state)
{
	cr_assert_eq(load_as("t.yaml", md_posting), 1);
	cr_assert_eq(load_as("u.yaml", "id: p2\ntitle: Other\n"
	                               "organization: O\n"), 1);
	struct export_hooks h = {.marked = md_marked, .rating = md_rating,
	                         .status = md_status, .note = md_note};
	char *md = listed(FMT_MARKDOWN, EXPORT_STATE, &h);
	cr_assert(strstr(md,
		"| Title | Organization | Location | Salary | Deadline | "
		"Marked | Rating | Status | Note |\n"
		"| --- | --- | --- | --- | --- | --- | --- | --- | --- |\n"
		"| [Organizer](https://good.example/apply) | Good Org | "
		"Fresno, CA | $50k |  | ✓ | 5/5 | interviewing | "
		"ask about / # hours |\n"
		"| Other | O |  |  |  |  |  |  |  |\n"
		"\n## Organizer — Good Org\n\n"
		"- **Shortlist:** marked\n"
		"- **Rating:** 5/5\n"
		"- **Status:** interviewing\n"
		"- **Note:** ask about\\\n"
		"  \\# hours\n"
		"- **Organization:** "), "%s", md);
	cr_assert(strstr(md, "\n## Other — O\n\n- **Organization:** O\n"
	                     "- **Id:** `p2`\n"), "%s", md);
	free(md);
	/* without the flag, none of it */
	md = listed(FMT_MARKDOWN, 0, &h);
	cr_assert(!strstr(md, "Marked") && !strstr(md, "5/5") &&
	          !strstr(md, "interviewing") && !strstr(md, "hours |"),
	          "%s", md);
	free(md);
}

/* Every text is sanitised and escaped: nothing in a posting makes a
 * heading, a list, a link, a code block, HTML or emphasis of its own,
 * and only http(s) URLs become links (percent-encoded). */
Test(export, markdown_escapes_a_hostile_posting)
{
	cr_assert_eq(load_as("t.yaml",
		"id: h\n"
		"title: \"# Evil | *b* _i_ `c` [l](javascript:x) <b>x</b> "
		"\\e[31m ~~s~~ &amp; C#\"\n"
		"organization: {name: \"O\", url: \"javascript:alert(1)\"}\n"
		"source: \"https://ex.org/a b?(x)|<y>\\u202E\"\n"
		"summary: \"```\\n\\n# injected\\n\\n    code?\\n\\n> quote\\n\\n"
		"---\\n\\n1) one\\n\\n<div>raw</div>\"\n"
		"responsibilities: [\"# item\", \"- item\", \"2. item\"]\n"),
		1);
	char *md = listed(FMT_MARKDOWN, 0, NULL);
	const char *title = "\\# Evil \\| \\*b\\* \\_i\\_ \\`c\\` "
	                    "\\[l\\](javascript:x) \\<b>x\\</b> ^\\[\\[31m "
	                    "\\~\\~s\\~\\~ \\&amp; C#";
	/* the table's title: a link to the source, its text escaped */
	char *want = NULL;
	cr_assert(asprintf(&want, "| [%s](https://ex.org/a%%20b?%%28x%%29"
	                          "%%7C%%3Cy%%3E%%E2%%80%%AE) | O |",
	                   title + 1) > 0);
	cr_assert(strstr(md, want), "no %s in\n%s", want, md);
	free(want);
	cr_assert(asprintf(&want, "\n## %s — O\n", title) > 0);
	cr_assert(strstr(md, want), "no %s in\n%s", want, md);
	free(want);
	cr_assert(strstr(md, "- **Organization:** O — javascript:alert(1)\n"),
	          "%s", md);
	cr_assert(strstr(md, "### Summary\n\n\\`\\`\\`\n\n\\# injected\n\n"
	                     "code?\n\n\\> quote\n\n\\---\n\n1. one\n\n"
	                     "\\<div>raw\\</div>\n"), "%s", md);
	cr_assert(strstr(md, "- \\# item\n- \\- item\n- 2\\. item\n"),
	          "%s", md);
	cr_assert(!strchr(md, '\033'), "%s", md);
	free(md);
	/* a heading's closing # is text */
	reload_as("c.yaml", "title: Learn C#\n");
	md = listed(FMT_MARKDOWN, 0, NULL);
	cr_assert(strstr(md, "\n## Learn C\\#\n"), "%s", md);
	free(md);
}

/* No postings: a line that says so, not an empty table. */
Test(export, markdown_of_nothing)
{
	char *md = listed(FMT_MARKDOWN, EXPORT_STATE, NULL);
	cr_assert_str_eq(md, "No postings.\n");
	free(md);
}
