/* SPDX-License-Identifier: MIT */
/* Tests of the words of the query language (query_words) and of what Tab
 * completes a word of the filter to (query_complete). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query.h"

/* True when s parses as a query. */
static bool
parses(const char *s)
{
	struct query_error err;
	struct query *q = query_parse(s, &err);
	query_free(q);
	return q != NULL;
}

/* Every word of kind, written into one of the formats fmts (one %s
 * each, NULL-ended), parses. */
static void
all_parse(enum query_words kind, const char *const *fmts)
{
	const char *w[64];
	size_t n = query_words(kind, w, 64);
	cr_assert_gt(n, 0);
	cr_assert_leq(n, 64);
	for (size_t i = 0; i < n; i++) {
		char s[128];
		bool ok = false;
		for (size_t f = 0; fmts[f] && !ok; f++) {
			snprintf(s, sizeof(s), fmts[f], w[i]);
			ok = parses(s);
		}
		cr_expect(ok, "'%s' does not parse", s);
	}
}

/* True when kind has the word. */
static bool
has_word(enum query_words kind, const char *word)
{
	const char *w[64];
	size_t n = query_words(kind, w, 64);
	for (size_t i = 0; i < n && i < 64; i++)
		if (!strcmp(w[i], word))
			return true;
	return false;
}

Test(query_words, every_word_is_one_the_parser_takes)
{
	/* a field takes text, or one of its values */
	all_parse(QW_FIELD, (const char *[]){"%s:x", "%s:remote", "%s:marked",
	                                     "%s:applied", "%s:note", NULL});
	all_parse(QW_COMPARE, (const char *[]){"%s>=1", "%s>=2026-01-01", NULL});
	all_parse(QW_IS, (const char *[]){"is:%s", NULL});
	all_parse(QW_HAS, (const char *[]){"has:%s", NULL});
	all_parse(QW_STATUS, (const char *[]){"status:%s", NULL});
	all_parse(QW_WORKPLACE, (const char *[]){"workplace:%s", NULL});
	/* and the parser does not take just anything */
	cr_assert(!parses("titlex:x"));
	cr_assert(!parses("is:nonsense"));
}

Test(query_words, the_lists_hold_what_the_language_documents)
{
	const char *fields[] = {"title", "org", "loc", "dept", "tag", "type",
	                        "workplace", "lang", "id", "text", "is", "has",
	                        "status"};
	for (size_t i = 0; i < sizeof(fields) / sizeof(*fields); i++)
		cr_expect(has_word(QW_FIELD, fields[i]), "%s", fields[i]);
	cr_expect(!has_word(QW_FIELD, "deadline")); /* it compares dates */
	cr_expect(has_word(QW_COMPARE, "deadline"));
	cr_expect(has_word(QW_COMPARE, "salary"));
	cr_expect(has_word(QW_IS, "marked"));
	cr_expect(has_word(QW_IS, "open"));
	cr_expect(!has_word(QW_IS, "salary"));
	cr_expect(has_word(QW_HAS, "note"));
	cr_expect(has_word(QW_STATUS, "interviewing"));
	cr_expect(has_word(QW_WORKPLACE, "remote"));
	/* a short array gets the first ones and the whole count */
	const char *w[2];
	size_t n = query_words(QW_STATUS, w, 2);
	cr_assert_eq(n, QSTATUS_N);
	cr_assert_str_eq(w[0], "none");
	cr_assert_str_eq(w[1], "interested");
}

/* The names completed at pos of text, blank-separated, with *start. */
static char *
names_at(const char *text, size_t pos, size_t *start, bool *whole)
{
	char **v;
	size_t n = query_complete(text, pos, start, &v, whole);
	static char out[2048];
	out[0] = '\0';
	for (size_t i = 0; i < n; i++) {
		if (i)
			strcat(out, " ");
		strcat(out, v[i]);
	}
	query_complete_free(v, n);
	return out;
}

/* The names completed at the end of text. */
static char *
names(const char *text, size_t *start, bool *whole)
{
	return names_at(text, strlen(text), start, whole);
}

Test(query_complete, field_names_with_their_colon)
{
	size_t start;
	bool whole = true;
	cr_assert_str_eq(names("ti", &start, &whole), "title:");
	cr_assert_eq(start, 0);
	cr_assert(!whole);
	cr_assert_str_eq(names("salary>=50000 wo", &start, &whole),
	                 "workplace: workplace.note:");
	cr_assert_eq(start, 14);
	/* the names that compare take an operator, not ':' */
	cr_assert_str_eq(names("sal", &start, &whole), "salary");
	cr_assert_str_eq(names("dead", &start, &whole), "deadline");
	cr_assert_str_eq(names("st", &start, &whole), "status: start");
	/* any case */
	cr_assert_str_eq(names("TI", &start, &whole), "title:");
	/* an empty word: every name */
	char *all = names("remote ", &start, &whole);
	cr_assert_eq(start, 7);
	cr_assert(strstr(all, "title:") && strstr(all, "org:") &&
	          strstr(all, "is:") && strstr(all, "has:") &&
	          strstr(all, "salary") && strstr(all, "rating"), "%s", all);
	cr_assert_str_eq(names("zzz", &start, &whole), "");
}

Test(query_complete, values_of_is_has_status_and_workplace)
{
	size_t start;
	bool whole = false;
	cr_assert_str_eq(names("is:m", &start, &whole), "is:marked");
	cr_assert(whole);
	cr_assert_eq(start, 0);
	cr_assert_str_eq(names("has:", &start, &whole),
	                 "has:salary has:deadline has:note has:rating");
	cr_assert_str_eq(names("status:inter", &start, &whole),
	                 "status:interested status:interviewing");
	cr_assert_str_eq(names("status=ap", &start, &whole), "status=applied");
	cr_assert_str_eq(names("workplace:", &start, &whole),
	                 "workplace:onsite workplace:hybrid workplace:remote");
	cr_assert_str_eq(names("IS:M", &start, &whole), "IS:marked");
	/* free-text fields have nothing to complete, nor is= */
	cr_assert_str_eq(names("title:eng", &start, &whole), "");
	cr_assert_str_eq(names("is=m", &start, &whole), "");
	cr_assert_str_eq(names("salary>=5", &start, &whole), "");
}

Test(query_complete, the_word_before_the_cursor)
{
	size_t start;
	bool whole;
	/* after a negation, a parenthesis, a bar */
	cr_assert_str_eq(names("-is:h", &start, &whole), "is:hidden");
	cr_assert_eq(start, 1);
	cr_assert_str_eq(names("(status:ap", &start, &whole),
	                 "status:applied");
	cr_assert_eq(start, 1);
	cr_assert_str_eq(names("a|is:n", &start, &whole), "is:new");
	cr_assert_eq(start, 2);
	/* in the middle of the text: the word up to the cursor */
	cr_assert_str_eq(names_at("is:m title:x", 4, &start, &whole),
	                 "is:marked");
	/* inside a phrase: nothing */
	cr_assert_str_eq(names("\"is:m", &start, &whole), "");
	cr_assert_str_eq(names("\"a \\\" is:m", &start, &whole), "");
	cr_assert_str_eq(names("\"a\" is:m", &start, &whole), "is:marked");
}
