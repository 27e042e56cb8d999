/* SPDX-License-Identifier: MIT */
/* HTML in a posting's text: its structure read with libxml2 (paragraphs,
 * items, headings, links, what is left out), the light form it is kept
 * in (prose.h), and how the detail draws it. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "load/html.h"
#include "posting.h"
#include "prose.h"

/* The light form of an HTML text (malloc'd). */
static char *
light(const char *html)
{
	struct buf b = {0};
	html_to_text(&b, html, strlen(html));
	return buf_steal(&b);
}

/* Checks the light form of html. */
static void
check_light(const char *html, const char *want)
{
	char *got = light(html);
	cr_assert_str_eq(got, want, "from %s", html);
	free(got);
}

/* The blocks of an HTML text; free with prose_free. */
static struct prose
blocks(const char *html)
{
	struct prose p = {0};
	html_blocks(html, strlen(html), &p);
	return p;
}

Test(html, paragraphs_and_line_breaks)
{
	check_light("<p>One.</p><p>Two &amp; three.</p>",
	            "One.\n\nTwo & three.");
	/* a <br> ends a line: each line a paragraph; two make no more */
	check_light("First line<br>second line<br><br>third",
	            "First line\n\nsecond line\n\nthird");
	check_light("<div>a</div><div><br></div><div>b</div>", "a\n\nb");
	/* white space collapsed, no-break spaces too */
	check_light("<p>  lots   of\n\tspace&nbsp;&nbsp;here </p><p>&nbsp;</p>",
	            "lots of space here");
}

Test(html, lists_stay_lists)
{
	check_light("<p>Intro</p><ul><li>one</li><li>two</li></ul><p>After</p>",
	            "Intro\n\n- one\n- two\n\nAfter");
	/* numbered lists keep their numbers, from start and value */
	check_light("<ol><li>a</li><li>b</li></ol>", "1. a\n2. b");
	check_light("<ol start=\"4\"><li>d</li><li value=\"9\">i</li><li>j</li></ol>",
	            "4. d\n9. i\n10. j");
	/* nested lists indented under their item */
	check_light("<ul><li>top<ul><li>inner</li></ul></li><li>next</li></ul>",
	            "- top\n  - inner\n- next");
	/* a paragraph in an item is a line of it */
	check_light("<ul><li><p>Health</p><p>and dental</p></li></ul>",
	            "- Health\n  and dental");
	/* bullets typed as text in <br> lines are items */
	check_light("Duties:<br>• Drive<br>* Lift<br>- Load<br>2) Count",
	            "Duties:\n\n- Drive\n- Lift\n- Load\n2. Count");
}

Test(html, headings)
{
	struct prose p = blocks("<h2>About us</h2><p>We organize.</p>"
	                        "<p><strong>What you'll do</strong></p>"
	                        "<p><b>Requirements:</b></p>"
	                        "<p><b>Requirements</b>:</p>"
	                        "<p><b>Location:</b> Remote</p>"
	                        "<p><strong>We are an equal opportunity "
	                        "employer.</strong></p>"
	                        "<p><b>Apply at <a href=\"https://x.example/a\">"
	                        "our site</a></b></p>");
	enum prose_kind want[] = {PROSE_HEADING, PROSE_PARA, PROSE_HEADING,
	                          PROSE_HEADING, PROSE_HEADING, PROSE_PARA,
	                          PROSE_PARA, PROSE_PARA};
	cr_assert_eq(p.n, 8);
	for (size_t i = 0; i < p.n; i++)
		cr_assert_eq(p.v[i].kind, want[i], "block %zu: %s", i,
		             p.v[i].text);
	cr_assert_str_eq(p.v[3].text, "Requirements:");
	cr_assert_str_eq(p.v[5].text, "Location: Remote");
	/* a heading's level: <h2>, or a paragraph in bold */
	cr_assert_eq(p.v[0].depth, 2);
	cr_assert_eq(p.v[2].depth, PROSE_BOLD_HEADING);
	prose_free(&p);
	/* written as paragraphs in the light form */
	check_light("<h3>Benefits</h3><ul><li>Dental</li></ul>",
	            "Benefits\n\n- Dental");
}

Test(html, links_keep_their_target)
{
	check_light("See <a href=\"https://x.example/b\">our benefits</a>.",
	            "See our benefits (https://x.example/b).");
	check_light("<a href=\"https://x.example/\">https://x.example/</a>",
	            "https://x.example/");
	check_light("<a href=\"https://x.example/jobs\">x.example/jobs</a>",
	            "x.example/jobs");
	check_light("<a href=\"mailto:jobs@x.example?subject=Hi\">"
	            "jobs@x.example</a>", "jobs@x.example");
	check_light("<a href=\"mailto:jobs@x.example\">write to us</a>",
	            "write to us (jobs@x.example)");
	check_light("<a href=\"#apply\">Apply</a> <a href=\"javascript:go()\">"
	            "now</a>", "Apply now");
	check_light("Form: <a href=\"https://x.example/f\"><img src=\"f.png\">"
	            "</a>", "Form: https://x.example/f");
}

Test(html, what_is_left_out)
{
	check_light("<script>alert(1)</script><style>p{color:red}</style>"
	            "<noscript>Enable JS</noscript><template><p>t</p></template>"
	            "<svg><text>logo</text></svg><!-- note -->"
	            "<p>Kept</p><button>Apply</button>", "Kept");
	/* entities decoded by the parser, unknown ones kept as written */
	check_light("<p>R&D &lt;team&gt; &eacute;t&eacute; &#x2014; &#8220;ok&#8221;"
	            " &bogus;</p>", "R&D <team> été — “ok” &bogus;");
}

Test(html, text_without_tags)
{
	/* kept as it is: its line breaks, its '<' */
	check_light("a < b\n\nc > d", "a < b\n\nc > d");
	check_light("<<<<<<", "<<<<<<");
	/* entities decoded, line breaks kept */
	check_light("Smith &amp; Jones\nline two", "Smith & Jones\nline two");
	/* HTML escaped once more (WordPress' JSON-LD): read as HTML */
	check_light("&lt;p&gt;One&lt;/p&gt;&lt;ul&gt;&lt;li&gt;two&lt;/li&gt;"
	            "&lt;/ul&gt;", "One\n\n- two");
	struct prose p = blocks("Plain\ntext\n\n- item\n  more");
	cr_assert_eq(p.n, 2);
	cr_assert_str_eq(p.v[0].text, "Plain text");
	cr_assert_str_eq(p.v[1].text, "item\nmore");
	prose_free(&p);
}

Test(html, items_of_a_list_text)
{
	struct prose p = {0};
	const char *s = "<ul><li>a</li><li>b<ul><li>c</li><li>d</li></ul></li>"
	                "</ul><p>e</p>";
	html_items(s, strlen(s), &p);
	cr_assert_eq(p.n, 3);
	cr_assert_str_eq(p.v[0].text, "a");
	cr_assert_str_eq(p.v[1].text, "b: c; d");
	cr_assert_str_eq(p.v[2].text, "e");
	prose_free(&p);
	/* text: its lines, bullets left out */
	s = "• one\n- two\nthree";
	html_items(s, strlen(s), &p);
	cr_assert_eq(p.n, 3);
	cr_assert_str_eq(p.v[0].text, "one");
	cr_assert_str_eq(p.v[1].text, "two");
	prose_free(&p);
}

/* Seconds since t0. */
static double
since(const struct timespec *t0)
{
	struct timespec t;
	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	       (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

Test(html, hostile_text_is_bounded)
{
	/* a tag of 150,000 attributes would cost libxml2 minutes: found,
	 * and the text kept as it is instead */
	struct buf b = {0};
	buf_adds(&b, "<p>ok</p><p");
	for (int i = 0; i < 150000; i++)
		buf_printf(&b, " a%d", i);
	buf_adds(&b, ">x</p>");
	cr_assert_eq(html_costly_tag(b.s, b.len), 9);
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	char *got = light(b.s);
	cr_assert(since(&t0) < 2);
	cr_assert(!strncmp(got, "<p>ok</p><p a0 a1", 17));
	free(got);
	/* quoted values with '>' in them count too */
	buf_clear(&b);
	buf_adds(&b, "<p");
	for (int i = 0; i < 5000; i++)
		buf_printf(&b, " a%d=\">\"", i);
	buf_adds(&b, ">");
	cr_assert_eq(html_costly_tag(b.s, b.len), 0);
	/* real pages are far from it */
	cr_assert_eq(html_costly_tag("<a href=x class=y id=z>", 23), 23);
	/* nesting: libxml2 stops at 256 levels; the text before is read */
	buf_clear(&b);
	buf_adds(&b, "<p>top</p>");
	for (int i = 0; i < 100000; i++)
		buf_adds(&b, "<div>");
	buf_adds(&b, "deep");
	clock_gettime(CLOCK_MONOTONIC, &t0);
	got = light(b.s);
	cr_assert(since(&t0) < 2);
	cr_assert(!strncmp(got, "top", 3), "%s", got);
	free(got);
	buf_free(&b);
}

/* Prose --------------------------------------------------------------- */

Test(html, prose_reads_the_light_form)
{
	const char *s = "Wrapped\nby hand.\n\nList:\n- one\n  more of one\n"
	                "  - nested\n    * deeper\n2) two\nAfter the list.\n\n"
	                "• dot\n12. twelve";
	struct prose p = {0};
	prose_read(s, strlen(s), &p);
	struct {
		enum prose_kind kind;
		unsigned depth, number;
		const char *text;
	} want[] = {
		{PROSE_PARA, 0, 0, "Wrapped by hand."},
		{PROSE_PARA, 0, 0, "List:"},
		{PROSE_ITEM, 0, 0, "one\nmore of one"},
		{PROSE_ITEM, 1, 0, "nested"},
		{PROSE_ITEM, 2, 0, "deeper"},
		{PROSE_ITEM, 0, 2, "two"},
		{PROSE_PARA, 0, 0, "After the list."},
		{PROSE_ITEM, 0, 0, "dot"},
		{PROSE_ITEM, 0, 12, "twelve"},
	};
	cr_assert_eq(p.n, sizeof(want) / sizeof(*want));
	for (size_t i = 0; i < p.n; i++) {
		cr_assert_eq(p.v[i].kind, want[i].kind, "block %zu", i);
		cr_assert_eq(p.v[i].depth, want[i].depth, "block %zu", i);
		cr_assert_eq(p.v[i].number, want[i].number, "block %zu", i);
		cr_assert_str_eq(p.v[i].text, want[i].text);
	}
	/* written back and read again: the same blocks */
	struct buf b = {0};
	prose_write(&b, &p, 0, p.n);
	struct prose q = {0};
	prose_read(b.s, b.len, &q);
	cr_assert_eq(q.n, p.n, "%s", b.s);
	for (size_t i = 0; i < p.n; i++) {
		cr_assert_eq(q.v[i].kind, p.v[i].kind);
		cr_assert_eq(q.v[i].depth, p.v[i].depth);
		cr_assert_eq(q.v[i].number, p.v[i].number);
		cr_assert_str_eq(q.v[i].text, p.v[i].text);
	}
	/* flat: nested items joined to theirs */
	prose_flatten(&q);
	cr_assert_eq(q.n, 7);
	cr_assert_str_eq(q.v[2].text, "one more of one: nested; deeper");
	buf_free(&b);
	prose_free(&p);
	prose_free(&q);
}

Test(html, prose_markers)
{
	unsigned n;
	cr_assert_eq(prose_marker("- a", 3, &n), 2);
	cr_assert_eq(n, 0);
	cr_assert_eq(prose_marker("10. a", 5, &n), 4);
	cr_assert_eq(n, 10);
	cr_assert_eq(prose_marker("2024. The year", 14, &n), 0);
	cr_assert_eq(prose_marker("-5 degrees", 10, &n), 0);
	cr_assert_eq(prose_marker("-", 1, &n), 0);
	cr_assert_eq(prose_marker("\xe2\x80\xa2 dot", 7, &n), 4);
}

/* Rendering -------------------------------------------------------------- */

/* The lines the detail draws for a posting whose summary is s, from the
 * line after "Summary" on, at width w. */
static struct rlines
summary_lines(const char *s, int w, size_t *at)
{
	static struct posting p;
	p = (struct posting){.title = "T", .summary = s, .id = "t",
	                     .experience = {-1, -1, NULL}};
	struct rlines rl = {0};
	posting_render(&p, w, &rl);
	*at = 0;
	while (*at < rl.n && strcmp(rl.v[*at].text, "Summary"))
		(*at)++;
	(*at)++;
	return rl;
}

Test(html, detail_draws_bullets_and_paragraphs)
{
	size_t at;
	struct rlines rl = summary_lines(
		"First paragraph of the summary.\n\nYou will:\n- organize "
		"tenants in every building of the block\n  - door to door\n"
		"3. call\n   back\n\nLast.", 30, &at);
	const char *want[] = {
		"First paragraph of the",
		"summary.",
		"",
		"You will:",
		"• organize tenants in every",
		"  building of the block",
		"  • door to door",
		"3. call",
		"   back",
		"",
		"Last.",
	};
	cr_assert(rl.n >= at + sizeof(want) / sizeof(*want));
	for (size_t i = 0; i < sizeof(want) / sizeof(*want); i++)
		cr_assert_str_eq(rl.v[at + i].text, want[i], "line %zu", i);
	cr_assert_eq(rl.v[at + 4].kind, RL_BULLET);
	cr_assert_eq(rl.v[at + 5].kind, RL_CONT);
	cr_assert_eq(rl.v[at + 7].kind, RL_BULLET);
	rlines_free(&rl);
	/* narrow: every line fits (from 7 columns on, as fuzz_render
	 * asks), nested and numbered items too */
	for (int w = 7; w < 14; w++) {
		rl = summary_lines("- a long item of many words\n  - nested "
		                   "one\n    - deeper\n100. numbered", w, &at);
		for (size_t i = 0; i < rl.n; i++)
			cr_assert(text_width(rl.v[i].text,
			                     strlen(rl.v[i].text)) <= (size_t)w,
			          "width %d: '%s'", w, rl.v[i].text);
		rlines_free(&rl);
	}
}
