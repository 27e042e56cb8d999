/* SPDX-License-Identifier: MIT */
/* Tests of the query language (query.h) and the sort keys (catalog.h). */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "deadline.h"
#include "index.h"
#include "load.h"
#include "query.h"

#define NOEXP { -1, -1, NULL }

/* ---- postings built by hand -------------------------------------------- */

static const char *p1_resp[] = { "Own the backend", "Mentor juniors" };
static const char *p1_tags[] = { "backend", "payments" };
static struct place p1_places[] = { { NULL, "Zürich", NULL, "Switzerland" } };
static struct language p1_langs[] = { { "German", "required" } };
static struct xvalue p1_extra[] = {
	{ X_SCALAR, "workHours", "40 per week", NULL, 0, false },
};

static struct posting p1 = {
	.id = "acme-1",
	.title = "Senior Software Engineer",
	.org = { "Acme Corp", "Acme", NULL, NULL },
	.department = "Platform",
	.places = p1_places, .nplaces = 1,
	.workplace = WP_HYBRID,
	.employment = { "full-time", NULL, NULL },
	.salary = { true, 120000, 150000, "USD", PERIOD_YEAR, NULL },
	.posted = { 20260105, "2026-01-05" },
	.deadline = { 20260201, "2026-02-01" },
	.experience = { 5, 10, NULL },
	.languages = p1_langs, .nlanguages = 1,
	.summary = "We build the café ordering system.\nWork with Python and C.",
	.responsibilities = { p1_resp, 2 },
	.tags = { p1_tags, 2 },
	.extra = p1_extra, .nextra = 1,
	.seq = 0,
};

static const char *p2_tags[] = { "immigrants' rights" };
static struct place p2_places[] = { { NULL, "Bakersfield", "CA", NULL } };

static struct posting p2 = {
	.id = "ngo-2",
	.title = "Policy Advocate",
	.org = { "Civil Rights Union", NULL, NULL, NULL },
	.places = p2_places, .nplaces = 1,
	.workplace = WP_ONSITE,
	.employment = { "part-time", NULL, NULL },
	.salary = { true, 30, 30, "USD", PERIOD_HOUR, NULL },
	.posted = { 20251220, "2025-12-20" },
	.deadline = { 0, "Open until filled" },
	.experience = { 2, -1, NULL },
	.summary = "Ελληνικά ΚΑΛΗΜΕΡΑ and Русский ПРИВЕТ. ÉCOLE",
	.tags = { p2_tags, 1 },
	.seq = 1,
};

static struct posting p3 = {
	.id = "x-3",
	.title = "Data Analyst",
	.workplace = WP_REMOTE,
	.experience = NOEXP,
	.summary = "Remote analyst role",
	.seq = 2,
};

/* ---- state hooks -------------------------------------------------------- */

static bool
is_id(const struct posting *p, const char *id)
{
	return !strcmp(p->id, id);
}

static bool
h_marked(void *ctx, const struct posting *p)
{
	(void)ctx;
	return is_id(p, "acme-1");
}

static bool
h_hidden(void *ctx, const struct posting *p)
{
	(void)ctx;
	return is_id(p, "ngo-2");
}

static bool
h_new(void *ctx, const struct posting *p)
{
	(void)ctx;
	return is_id(p, "x-3");
}

static bool
h_read(void *ctx, const struct posting *p)
{
	(void)ctx;
	return !is_id(p, "x-3");
}

static bool
h_note(void *ctx, const struct posting *p)
{
	return ctx && is_id(p, "ngo-2");
}

static int
h_rating(void *ctx, const struct posting *p)
{
	(void)ctx;
	return is_id(p, "acme-1") ? 4 : is_id(p, "x-3") ? 2 : 0;
}

static int
h_status(void *ctx, const struct posting *p)
{
	(void)ctx;
	return is_id(p, "acme-1") ? QSTATUS_APPLIED :
	       is_id(p, "ngo-2") ? QSTATUS_INTERVIEWING : QSTATUS_NONE;
}

static int ctx_token;

static const struct query_env env = {
	.today = 20260115,
	.ctx = &ctx_token,
	.marked = h_marked, .hidden = h_hidden, .is_new = h_new,
	.read = h_read, .has_note = h_note, .rating = h_rating,
	.status = h_status,
};

/* ---- helpers ------------------------------------------------------------ */

/* Which of p1, p2, p3 match qs, as a string such as "1-3". */
static char *
which_env(const char *qs, const struct query_env *e)
{
	static char out[4];
	struct query_error err;
	struct query *q = query_parse(qs, &err);
	cr_assert_not_null(q, "'%s' does not parse: %s", qs, err.msg);
	const struct posting *v[] = { &p1, &p2, &p3 };
	for (int i = 0; i < 3; i++)
		out[i] = query_match(q, v[i], e) ? (char)('1' + i) : '-';
	out[3] = '\0';
	query_free(q);
	return out;
}

static char *
which(const char *qs)
{
	return which_env(qs, &env);
}

#define MATCHES(qs, want) \
	cr_assert_str_eq(which(qs), want, "query '%s'", qs)

static bool
match1(const char *qs, const struct posting *p, const struct query_env *e)
{
	struct query_error err;
	struct query *q = query_parse(qs, &err);
	cr_assert_not_null(q, "'%s' does not parse: %s", qs, err.msg);
	bool r = query_match(q, p, e);
	query_free(q);
	return r;
}

/* Parses qs expecting an error at col with exactly msg. */
static void
parse_error(const char *qs, unsigned col, const char *msg)
{
	struct query_error err;
	struct query *q = query_parse(qs, &err);
	cr_assert_null(q, "'%s' parsed", qs);
	cr_assert_eq(err.col, col, "'%s': column %u, want %u (%s)", qs, err.col,
	             col, err.msg);
	cr_assert_str_eq(err.msg, msg, "'%s'", qs);
}

/* ---- words, phrases, fields --------------------------------------------- */

Test(query, empty_matches_everything)
{
	MATCHES("", "123");
	MATCHES("   \t ", "123");
	struct query *q = query_parse("  ", NULL);
	cr_assert(query_is_empty(q));
	query_free(q);
	q = query_parse("x", NULL);
	cr_assert_not(query_is_empty(q));
	cr_assert_str_eq(query_source(q), "x");
	query_free(q);
}

Test(query, words_are_substrings_anded)
{
	MATCHES("engineer", "1--");
	MATCHES("ENGINEER", "1--");
	MATCHES("enginee", "1--");
	MATCHES("analyst", "--3");
	MATCHES("remote", "--3");
	MATCHES("senior engineer", "1--");
	MATCHES("senior analyst", "---");
	MATCHES("nothing-like-this", "---");
	/* every kind of text is searched */
	MATCHES("mentor", "1--");     /* a list item */
	MATCHES("payments", "1--");   /* a tag */
	MATCHES("workhours", "1--");  /* a kept key */
	MATCHES("bakersfield", "-2-");
	MATCHES("acme-1", "1--");     /* the id */
	MATCHES("hybrid", "1--");     /* the workplace */
}

Test(query, phrases)
{
	MATCHES("\"software engineer\"", "1--");
	MATCHES("\"engineer software\"", "---");
	MATCHES("\"ordering system\"", "1--");
	/* white space runs match one space, across line breaks too */
	MATCHES("\"system.  work\"", "1--");
	MATCHES("\"immigrants' rights\"", "-2-");
	MATCHES("\"\"", "123");
	MATCHES("\"say \\\"hi\\\"\"", "---");
}

Test(query, fields)
{
	MATCHES("title:engineer", "1--");
	MATCHES("title:acme", "---");
	MATCHES("org:acme", "1--");
	MATCHES("org:\"civil rights\"", "-2-");
	MATCHES("org:\"rights civil\"", "---");
	MATCHES("loc:zürich", "1--");
	MATCHES("loc:ZÜRICH", "1--");
	MATCHES("loc:ca", "-2-");
	MATCHES("dept:platform", "1--");
	MATCHES("tag:payments", "1--");
	MATCHES("tag:backend", "1--");
	MATCHES("text:backend", "1--");  /* a responsibility */
	MATCHES("type:full-time", "1--");
	MATCHES("type:full", "---");      /* a whole value, not a piece */
	MATCHES("type:part-time", "-2-");
	MATCHES("workplace:remote", "--3");
	MATCHES("workplace:onsite", "-2-");
	MATCHES("lang:german", "1--");
	MATCHES("lang:required", "1--");
	MATCHES("id:ngo", "-2-");
	MATCHES("text:café", "1--");
	MATCHES("text:senior", "---");   /* only in the title */
	MATCHES("text:remote", "--3");
	MATCHES("other:\"40 per\"", "1--");
	MATCHES("other:engineer", "---");
	/* aliases, any case of the name, a value after blanks */
	MATCHES("location:zürich", "1--");
	MATCHES("TITLE:analyst", "--3");
	MATCHES("title: analyst", "--3");
	/* a URL is a word, not a field */
	MATCHES("https://example.org", "---");
}

Test(query, folding_non_ascii)
{
	MATCHES("école", "-2-");
	MATCHES("ÉCOLE", "-2-");
	MATCHES("CAFÉ", "1--");
	MATCHES("καλημερα", "-2-");
	MATCHES("ΕΛΛΗΝΙΚΆ", "-2-");
	MATCHES("ελληνικά", "-2-");
	MATCHES("привет", "-2-");
	MATCHES("РУССКИЙ", "-2-");
	MATCHES("zurich", "---"); /* folding keeps accents */
}

/* ---- negation, alternatives, precedence -------------------------------- */

Test(query, negation_and_alternatives)
{
	MATCHES("-engineer", "-23");
	MATCHES("not engineer", "-23");
	MATCHES("NOT engineer", "-23");
	MATCHES("--engineer", "1--");
	MATCHES("not not engineer", "1--");
	MATCHES("engineer or analyst", "1-3");
	MATCHES("engineer OR analyst", "1-3");
	MATCHES("engineer | analyst", "1-3");
	MATCHES("engineer|analyst", "1-3");
	MATCHES("engineer and senior", "1--");
	MATCHES("(engineer)", "1--");
	MATCHES("-(engineer or analyst)", "-2-");
	MATCHES("-title:engineer", "-23");
	MATCHES("-\"software engineer\"", "-23");
}

Test(query, precedence)
{
	/* AND binds tighter than or */
	MATCHES("policy or engineer analyst", "-2-");
	MATCHES("engineer analyst or policy", "-2-");
	MATCHES("(policy or engineer) analyst", "---");
	MATCHES("policy or (engineer analyst)", "-2-");
	/* not binds tighter than AND */
	MATCHES("not engineer policy", "-2-");
	MATCHES("not (engineer policy)", "123");
	/* not binds tighter than or */
	MATCHES("-engineer or analyst", "-23");
	MATCHES("not engineer or engineer", "123");
	MATCHES("not (engineer or analyst)", "-2-");
	MATCHES("xx yy or zz ww or engineer", "1--");
	MATCHES("engineer (remote or payments)", "1--");
	MATCHES("engineer (remote or analyst)", "---");
}

/* ---- salary ------------------------------------------------------------- */

static struct posting
paid(double lo, double hi, enum period per)
{
	struct posting p = {
		.id = "paid", .title = "Paid", .experience = NOEXP,
		.salary = { true, lo, hi, "USD", per, NULL },
	};
	return p;
}

Test(query, salary_each_period)
{
	struct { enum period per; double amount, yearly; } t[] = {
		{ PERIOD_YEAR, 52000, 52000 },
		{ PERIOD_MONTH, 5000, 60000 },
		{ PERIOD_WEEK, 1000, 52000 },
		{ PERIOD_DAY, 200, 52000 },
		{ PERIOD_HOUR, 25, 52000 },
	};
	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		struct posting p = paid(t[i].amount, t[i].amount, t[i].per);
		char q[64];
		snprintf(q, sizeof(q), "salary>=%.0f", t[i].yearly);
		cr_assert(match1(q, &p, NULL), "%s, period %d", q, t[i].per);
		snprintf(q, sizeof(q), "salary>=%.0f", t[i].yearly + 1);
		cr_assert_not(match1(q, &p, NULL), "%s, period %d", q, t[i].per);
		snprintf(q, sizeof(q), "salary<=%.0f", t[i].yearly);
		cr_assert(match1(q, &p, NULL), "%s, period %d", q, t[i].per);
		snprintf(q, sizeof(q), "salary<%.0f", t[i].yearly);
		cr_assert_not(match1(q, &p, NULL), "%s, period %d", q, t[i].per);
		snprintf(q, sizeof(q), "salary=%.0f", t[i].yearly);
		cr_assert(match1(q, &p, NULL), "%s, period %d", q, t[i].per);
	}
}

Test(query, salary_ranges)
{
	/* p1: 120,000-150,000 a year; p2: 30 an hour = 62,400; p3: none */
	MATCHES("salary>=140000", "1--");
	MATCHES("salary>=150000", "1--");
	MATCHES("salary>150000", "---");
	MATCHES("salary<=130000", "12-");
	MATCHES("salary<=120000", "12-");
	MATCHES("salary<120000", "-2-");
	MATCHES("salary<=110000", "-2-");
	MATCHES("salary=130000", "1--");
	MATCHES("salary=160000", "---");
	MATCHES("salary>=62400", "12-");
	MATCHES("salary>62400", "1--");
	MATCHES("salary<62400", "---");
	MATCHES("salary<=62400", "-2-");
	/* how amounts may be written */
	MATCHES("salary>=60000", "12-");
	MATCHES("salary>=60,000", "12-");
	MATCHES("salary>=$60k", "12-");
	MATCHES("salary>=60K", "12-");
	MATCHES("salary>=62.4k", "12-");
	MATCHES("salary>=62.5k", "1--");
	MATCHES("salary>=$62,401", "1--");
	MATCHES("salary>=30/h", "12-");
	MATCHES("salary>=31/hour", "1--");
	MATCHES("salary>=5200/mo", "12-");
	MATCHES("salary >= 60k", "12-");
	MATCHES("salary>= 60k", "12-");
	MATCHES("salary:62400", "-2-");
	/* no salary never matches, but its negation does */
	MATCHES("salary>=0", "12-");
	MATCHES("-salary>=0", "--3");
	MATCHES("has:salary", "12-");
}

/* Only max given: the range is open below; only min: open above. */
Test(query, salary_open_ranges)
{
	static const char yaml[] =
		"id: up\ntitle: Up\norganization: o\nsalary: {max: 90000}\n---\n"
		"id: from\ntitle: From\norganization: o\nsalary: {min: 50000}\n"
		"---\nid: hourly\ntitle: H\norganization: o\n"
		"salary: {max: 30, period: hour}\n";
	struct catalog c;
	catalog_init(&c);
	cr_assert_eq(load_buffer(&c, "t.yaml", yaml, strlen(yaml), NULL), 3);
	const struct posting *up = c.v[0], *from = c.v[1], *hourly = c.v[2];
	/* up to $90,000: the bottom is open, at most anything */
	cr_assert(match1("salary<=60000", up, NULL));
	cr_assert(match1("salary<1", up, NULL));
	cr_assert(match1("salary>=90000", up, NULL));
	cr_assert_not(match1("salary>=95000", up, NULL));
	cr_assert_not(match1("salary>90000", up, NULL));
	cr_assert(match1("salary=20000", up, NULL));
	cr_assert_not(match1("salary=95000", up, NULL));
	/* from $50,000: the top is open */
	cr_assert(match1("salary>=1000000", from, NULL));
	cr_assert_not(match1("salary<=40000", from, NULL));
	cr_assert(match1("salary<=50000", from, NULL));
	cr_assert_not(match1("salary<50000", from, NULL));
	cr_assert(match1("salary=5000000", from, NULL));
	/* per year: up to $30 an hour is up to $62,400 */
	cr_assert(match1("salary<=10/h", hourly, NULL));
	cr_assert(match1("salary>=62400", hourly, NULL));
	cr_assert_not(match1("salary>62400", hourly, NULL));
	cr_assert(match1("has:salary", up, NULL));
	/* selecting through the index gives the same answers */
	const char *qs[] = {"salary<=60000", "salary>=95000",
	                    "salary>=1000000", "salary<=40000", "salary>62400"};
	struct query_index *ix = index_build(c.v, c.n);
	for (size_t k = 0; k < sizeof(qs) / sizeof(qs[0]); k++) {
		struct query_error err;
		struct query *q = query_parse(qs[k], &err);
		cr_assert_not_null(q);
		uint32_t got[3];
		size_t n = query_select(q, ix, c.v, c.n, NULL, got), m = 0;
		for (size_t i = 0; i < c.n; i++)
			if (query_match(q, c.v[i], NULL)) {
				cr_assert_lt(m, n, "%s", qs[k]);
				cr_assert_eq(got[m++], i, "%s", qs[k]);
			}
		cr_assert_eq(m, n, "%s", qs[k]);
		query_free(q);
	}
	index_free(ix);
	catalog_free(&c);
}

/* ---- experience, dates --------------------------------------------------- */

Test(query, experience)
{
	/* p1: 5-10 years; p2: 2 at least; p3: none */
	MATCHES("experience<=3", "-2-");
	MATCHES("experience<=5", "12-");
	MATCHES("experience<5", "-2-");
	MATCHES("experience>=8", "1--");
	MATCHES("experience>=10", "1--");
	MATCHES("experience>10", "---");
	MATCHES("experience>=2", "12-");
	MATCHES("experience>2", "1--");
	MATCHES("experience=7", "1--");
	MATCHES("experience=2", "-2-");
	MATCHES("experience<=100", "12-");
	MATCHES("experience<=2.5", "-2-");
	MATCHES("experience<=3years", "-2-");
	struct posting upto = { .id = "u", .title = "u",
	                        .experience = { -1, 3, NULL } };
	cr_assert(match1("experience<=3", &upto, NULL));
	cr_assert_not(match1("experience<=2", &upto, NULL));
	cr_assert(match1("experience>=3", &upto, NULL));
}

Test(query, dates)
{
	/* p1 posted 2026-01-05, deadline 2026-02-01; p2 posted 2025-12-20,
	 * deadline "Open until filled"; p3 neither */
	MATCHES("posted>=2026-01-05", "1--");
	MATCHES("posted>2026-01-05", "---");
	MATCHES("posted<=2026-01-05", "12-");
	MATCHES("posted<2026-01-05", "-2-");
	MATCHES("posted=2026-01-05", "1--");
	MATCHES("posted:2026-01-05", "1--");
	MATCHES("posted>=2026-01-06", "---");
	MATCHES("posted>=2025-12-20", "12-");
	MATCHES("posted=2026-01", "1--");
	MATCHES("posted<2026-01", "-2-");
	MATCHES("posted>2025-12", "1--");
	MATCHES("posted=2025", "-2-");
	MATCHES("posted<=2025", "-2-");
	MATCHES("deadline<=2026-02-01", "1--");
	MATCHES("deadline<2026-02-01", "---");
	MATCHES("deadline>=2026-02-01", "1--");
	MATCHES("deadline>2026-02-01", "---");
	MATCHES("deadline=2026-02-01", "1--");
	/* a text deadline never matches a date comparison */
	MATCHES("deadline>=1900-01-01", "1--");
	MATCHES("deadline<=9999-12-31", "1--");
	MATCHES("-deadline<=9999-12-31", "-23");
	MATCHES("has:deadline", "12-");
	/* leap years */
	MATCHES("posted>=2024-02-29", "12-");
}

Test(query, dates_today_and_open)
{
	struct query_env e = env;
	MATCHES("is:open", "123"); /* today 2026-01-15 */
	e.today = 20260201;        /* the deadline day itself */
	cr_assert_str_eq(which_env("is:open", &e), "123");
	cr_assert_str_eq(which_env("deadline=today", &e), "1--");
	cr_assert_str_eq(which_env("deadline>=today", &e), "1--");
	e.today = 20260202;
	cr_assert_str_eq(which_env("is:open", &e), "-23");
	cr_assert_str_eq(which_env("deadline<today", &e), "1--");
	/* today 0: the real date */
	struct posting far = { .id = "f", .title = "f", .experience = NOEXP,
	                       .deadline = { 99991231, NULL } };
	struct posting past = { .id = "p", .title = "p", .experience = NOEXP,
	                        .deadline = { 19000101, NULL } };
	cr_assert(match1("is:open", &far, NULL));
	cr_assert_not(match1("is:open", &past, NULL));
	/* the apply deadline stands in when there is no other */
	struct posting ap = { .id = "a", .title = "a", .experience = NOEXP,
	                      .apply = { .deadline = { 20260110, NULL } } };
	cr_assert_not(match1("is:open", &ap, &env));
	cr_assert(match1("deadline=2026-01-10", &ap, &env));
}

/* ---- state --------------------------------------------------------------- */

Test(query, state_terms)
{
	MATCHES("is:marked", "1--");
	MATCHES("is:hidden", "-2-");
	MATCHES("is:new", "--3");
	MATCHES("is:read", "12-");
	MATCHES("IS:MARKED", "1--");
	MATCHES("-is:hidden", "1-3");
	MATCHES("has:note", "-2-");
	MATCHES("has:rating", "1-3");
	MATCHES("rating>=3", "1--");
	MATCHES("rating>=2", "1-3");
	MATCHES("rating<3", "--3");
	MATCHES("rating<=5", "1-3");
	MATCHES("rating=4", "1--");
	MATCHES("rating=0", "-2-");
	MATCHES("status:applied", "1--");
	MATCHES("status:app", "1--");
	MATCHES("status:interv", "-2-");
	MATCHES("status:none", "--3");
	MATCHES("status=n", "--3");
	MATCHES("status:offer", "---");
	MATCHES("is:marked or is:new", "1-3");
	MATCHES("engineer is:marked", "1--");
}

Test(query, state_terms_without_hooks)
{
	const char *terms[] = {
		"is:marked", "is:hidden", "is:new", "is:read", "has:note",
		"has:rating", "rating>=0", "rating=0", "status:none",
		"status:applied",
	};
	struct query_env none = { .today = 20260115 };
	for (size_t i = 0; i < sizeof(terms) / sizeof(terms[0]); i++) {
		cr_assert_str_eq(which_env(terms[i], NULL), "---", "%s", terms[i]);
		cr_assert_str_eq(which_env(terms[i], &none), "---", "%s",
		                 terms[i]);
	}
	/* the computed ones still work */
	cr_assert_str_eq(which_env("has:salary", NULL), "12-");
	cr_assert_str_eq(which_env("is:open", &none), "123");
}

Test(query, mentions)
{
	struct query *q = query_parse("engineer -is:hidden rating>=2 title:x",
	                              NULL);
	cr_assert(query_mentions(q, "is:hidden"));
	cr_assert(query_mentions(q, "rating"));
	cr_assert(query_mentions(q, "title:"));
	cr_assert_not(query_mentions(q, "is:marked"));
	cr_assert_not(query_mentions(q, "org:"));
	cr_assert_not(query_mentions(q, "status"));
	query_free(q);
	q = query_parse("hidden", NULL);
	cr_assert_not(query_mentions(q, "is:hidden"));
	query_free(q);
	q = query_parse("(a or is:hidden)", NULL);
	cr_assert(query_mentions(q, "is:hidden"));
	query_free(q);
	cr_assert_str_eq(query_status_name(QSTATUS_WITHDRAWN), "withdrawn");
	cr_assert_str_eq(query_status_name(QSTATUS_N), "?");
}

/* ---- parse errors ------------------------------------------------------- */

#define FIELDS "(known: title, org, loc, dept, tag, type, workplace, " \
	"workplace.note, union, lang, id, text, other, is, has, note, " \
	"status, salary, experience, posted, deadline, start, followup, rating)"

Test(query, errors)
{
	parse_error("salary>=", 8,
	            "expected a value after 'salary>=' at column 8");
	parse_error("remote salary>=  ", 15,
	            "expected a value after 'salary>=' at column 15");
	parse_error("salary>=abc", 9,
	            "expected an amount such as 60000, 60k or 50000EUR after 'salary>=', "
	            "not 'abc' at column 9");
	parse_error("salary<60k/fortnight", 8,
	            "expected an amount such as 60000, 60k or 50000EUR after 'salary<', "
	            "not '60k/fortnight' at column 8");
	parse_error("title:", 6, "expected a value after 'title:' at column 6");
	parse_error("title=x", 6, "expected ':' after 'title' at column 6");
	parse_error("foo:bar", 1, "unknown field 'foo:' at column 1 " FIELDS);
	parse_error("a salry>=5", 3, "unknown field 'salry' at column 3 " FIELDS);
	parse_error("is:bogus", 4, "unknown 'is:' value 'bogus' at column 4 "
	            "(known: marked, hidden, new, open, read, closed, closing, due, changed, duplicate)");
	parse_error("has:x", 5, "unknown 'has:' value 'x' at column 5 "
	            "(known: salary, deadline, note, rating)");
	parse_error("status:in", 8, "ambiguous status 'in' at column 8 (known: "
	            "none, interested, applied, interviewing, offer, rejected, "
	            "withdrawn)");
	parse_error("status:zzz", 8, "unknown status 'zzz' at column 8 (known: "
	            "none, interested, applied, interviewing, offer, rejected, "
	            "withdrawn)");
	parse_error("rating>=7", 9, "expected a rating from 0 to 5 after "
	            "'rating>=', not '7' at column 9");
	parse_error("experience>x", 12, "expected a number of years after "
	            "'experience>', not 'x' at column 12");
	parse_error("posted>=2026-1-5", 9, "expected a date YYYY-MM-DD after "
	            "'posted>=', not '2026-1-5' at column 9");
	parse_error("posted>=2026-02-30", 9,
	            "no such date '2026-02-30' at column 9");
	parse_error("deadline<2025-02-29", 10,
	            "no such date '2025-02-29' at column 10");
	parse_error("(a b", 1, "unclosed '(' at column 1");
	parse_error("a (b (c)", 3, "unclosed '(' at column 3");
	parse_error("a b)", 4, "unmatched ')' at column 4");
	parse_error(")", 1, "unmatched ')' at column 1");
	parse_error("()", 1, "expected a term after '(' at column 1");
	parse_error("a \"bc", 3, "unclosed '\"' at column 3");
	parse_error("title:\"bc", 7, "unclosed '\"' at column 7");
	parse_error("a or", 4, "expected a term after 'or' at column 4");
	parse_error("a |", 3, "expected a term after '|' at column 3");
	parse_error("a or )", 4, "expected a term after 'or' at column 4");
	parse_error("or a", 1, "expected a term before 'or' at column 1");
	parse_error("| a", 1, "expected a term before '|' at column 1");
	parse_error("a and", 5, "expected a term after 'and' at column 5");
	parse_error("not", 3, "expected a term after 'not' at column 3");
	parse_error("a - b", 3, "expected a term after '-' at column 3");
	parse_error("a -", 3, "expected a term after '-' at column 3");
}

Test(query, error_columns_count_characters)
{
	/* "é" and "ü" are two bytes each, "€" three: columns count characters */
	parse_error("é \"x", 3, "unclosed '\"' at column 3");
	parse_error("zürich €uro (", 13, "expected a term after '(' at column 13");
	parse_error("ΚΑΛΗΜΕΡΑ salary>", 16,
	            "expected a value after 'salary>' at column 16");
}

Test(query, error_quotes_are_sanitised_and_cut)
{
	struct query_error err;
	cr_assert_null(query_parse("is:\x1b[31m", &err));
	cr_assert_str_eq(err.msg, "unknown 'is:' value '^[[31m' at column 4 "
	                 "(known: marked, hidden, new, open, read, closed, closing, due, changed, duplicate)");
	char big[200] = "status:";
	for (int i = 0; i < 30; i++)
		strcat(big, "é");
	cr_assert_null(query_parse(big, &err));
	/* 40 bytes at most, cut between characters, then an ellipsis */
	cr_assert(strstr(err.msg, "'éééééééééééééééééééé…'") != NULL, "%s",
	          err.msg);
}

Test(query, error_describe_and_nesting)
{
	struct query_error err;
	cr_assert_null(query_parse("salary>=", &err));
	struct buf b = { 0 };
	query_error_describe(&err, &b);
	cr_assert_str_eq(b.s, "filter: expected a value after 'salary>=' at "
	                 "column 8");
	buf_free(&b);
	char deep[300];
	memset(deep, '(', 200);
	deep[200] = 'a';
	memset(deep + 201, ')', 98);
	deep[299] = '\0';
	cr_assert_null(query_parse(deep, &err));
	cr_assert_eq(err.col, 65);
	cr_assert_str_eq(err.msg, "too deeply nested at column 65");
	/* a NULL err is allowed */
	cr_assert_null(query_parse("(", NULL));
	/* a successful parse clears err */
	struct query *q = query_parse("a", &err);
	cr_assert_not_null(q);
	query_free(q);
	cr_assert_eq(err.col, 0);
	cr_assert_str_eq(err.msg, "");
}

/* ---- narrowing ---------------------------------------------------------- */

static bool
narrows(const char *older, const char *newer)
{
	struct query *a = query_parse(older, NULL), *b = query_parse(newer, NULL);
	cr_assert_not_null(a, "%s", older);
	cr_assert_not_null(b, "%s", newer);
	bool r = query_narrows(a, b);
	query_free(a);
	query_free(b);
	return r;
}

Test(query, narrows)
{
	cr_assert(narrows("", "dev"));
	cr_assert(narrows("dev", "deve"));
	cr_assert(narrows("dev", "developer"));
	cr_assert(narrows("developer", "developer r"));
	cr_assert(narrows("developer r", "developer re"));
	cr_assert(narrows("a b", "b a"));
	cr_assert(narrows("dev", "title:developer"));
	cr_assert(narrows("a or b", "a"));
	cr_assert(narrows("a or b", "a c"));
	cr_assert(narrows("-foo", "-fo"));
	cr_assert(narrows("is:marked", "is:marked x"));
	cr_assert(narrows("salary>=50k", "salary>=60k"));
	cr_assert(narrows("salary>=50k", "salary>50k"));
	cr_assert(narrows("salary>=50k", "salary=50k"));
	cr_assert(narrows("salary<=50k", "salary<40k"));
	cr_assert(narrows("posted>=2026-01", "posted>=2026-01-15"));
	cr_assert(narrows("posted>2026-01", "posted>=2026-02-01"));
	cr_assert(narrows("x", "x"));

	cr_assert_not(narrows("dev", ""));
	cr_assert_not(narrows("deve", "dev"));
	cr_assert_not(narrows("title:dev", "dev"));
	cr_assert_not(narrows("a", "a or b"));
	cr_assert_not(narrows("-fo", "-foo"));
	cr_assert_not(narrows("a", "-a"));
	cr_assert_not(narrows("salary>=60k", "salary>=50k"));
	cr_assert_not(narrows("salary>50k", "salary>=50k"));
	cr_assert_not(narrows("salary>=50k", "salary<=60k"));
	cr_assert_not(narrows("posted>=2026-01-15", "posted>=2026-01"));
	cr_assert_not(narrows("posted>=2026-01-15", "deadline>=2026-02-01"));
	cr_assert_not(narrows("rating=0", "rating<=1"));
	cr_assert_not(narrows("is:marked", "is:hidden"));
}

Test(query, narrows_agrees_with_match)
{
	/* whenever narrows says so, newer's matches are a subset of older's */
	const char *qs[] = {
		"", "e", "en", "engineer", "title:engineer", "a", "an", "-an",
		"salary>=60k", "salary>60k", "salary>=100k", "salary<=62400",
		"salary<70k", "experience>=2", "experience>=5", "posted>=2026",
		"posted>=2025-12", "engineer or analyst", "analyst", "is:marked",
		"rating>=2", "rating>=4", "policy or engineer analyst",
	};
	const struct posting *v[] = { &p1, &p2, &p3 };
	size_t n = sizeof(qs) / sizeof(qs[0]), checked = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t j = 0; j < n; j++) {
			struct query *a = query_parse(qs[i], NULL);
			struct query *b = query_parse(qs[j], NULL);
			if (query_narrows(a, b)) {
				checked++;
				for (int k = 0; k < 3; k++)
					cr_assert(!query_match(b, v[k], &env) ||
					          query_match(a, v[k], &env),
					          "'%s' then '%s'", qs[i], qs[j]);
			}
			query_free(a);
			query_free(b);
		}
	cr_assert_gt(checked, n);
}

/* ---- match positions ---------------------------------------------------- */

struct spans {
	struct query_span *v;
	size_t n, cap;
};

/* The spans of qs in s as "off+len off+len ...". */
static char *
spans_of(const char *qs, const char *field, const char *s)
{
	static char out[256];
	struct query *q = query_parse(qs, NULL);
	cr_assert_not_null(q, "%s", qs);
	struct spans sp = { 0 };
	size_t added = query_spans(q, field, s, strlen(s), &sp.v, &sp.n, &sp.cap);
	cr_assert_eq(added, sp.n);
	out[0] = '\0';
	for (size_t i = 0; i < sp.n; i++) {
		size_t o = sp.v[i].off, e = o + sp.v[i].len;
		/* never inside a UTF-8 sequence */
		cr_assert(((unsigned char)s[o] & 0xC0) != 0x80);
		cr_assert(e == strlen(s) || ((unsigned char)s[e] & 0xC0) != 0x80);
		snprintf(out + strlen(out), sizeof(out) - strlen(out), "%s%zu+%zu",
		         i ? " " : "", o, sp.v[i].len);
	}
	free(sp.v);
	query_free(q);
	return out;
}

Test(query, spans)
{
	cr_assert_str_eq(spans_of("engineer", NULL, "Senior Software Engineer"),
	                 "16+8");
	cr_assert_str_eq(spans_of("e", NULL, "Engineer"), "0+1 5+2");
	cr_assert_str_eq(spans_of("ee", NULL, "eeee"), "0+4");
	cr_assert_str_eq(spans_of("soft software", NULL, "Software"), "0+8");
	cr_assert_str_eq(spans_of("senior soft", NULL, "Senior Software"),
	                 "0+6 7+4");
	cr_assert_str_eq(spans_of("sen ior", NULL, "Senior"), "0+6");
	/* negated terms and state terms do not highlight */
	cr_assert_str_eq(spans_of("engineer -senior is:marked salary>=1", NULL,
	                          "Senior Software Engineer"), "16+8");
	cr_assert_str_eq(spans_of("-(senior or engineer)", NULL,
	                          "Senior Software Engineer"), "");
	cr_assert_str_eq(spans_of("not not senior", NULL, "Senior"), "0+6");
	/* alternatives all highlight */
	cr_assert_str_eq(spans_of("senior or engineer", NULL,
	                          "Senior Software Engineer"), "0+6 16+8");
	/* field terms only in their field, or anywhere without a field */
	cr_assert_str_eq(spans_of("title:senior", "title", "Senior"), "0+6");
	cr_assert_str_eq(spans_of("title:senior", "text", "Senior"), "");
	cr_assert_str_eq(spans_of("title:senior", NULL, "Senior"), "0+6");
	cr_assert_str_eq(spans_of("senior", "text", "Senior"), "0+6");
	cr_assert_str_eq(spans_of("senior", "bogus", "Senior"), "0+6");
	cr_assert_str_eq(spans_of("", NULL, "Senior"), "");
	cr_assert_str_eq(spans_of("\"\"", NULL, "Senior"), "");
	cr_assert_str_eq(spans_of("x", NULL, ""), "");
}

Test(query, spans_non_ascii)
{
	/* "É" is two bytes */
	cr_assert_str_eq(spans_of("café", NULL, "The CAFÉ is"), "4+5");
	cr_assert_str_eq(spans_of("é", NULL, "ÉxÉ"), "0+2 3+2");
	/* "İ" is two bytes but folds to the one-byte "i" */
	cr_assert_str_eq(spans_of("istanbul", NULL, "İstanbul office"), "0+9");
	cr_assert_str_eq(spans_of("office", NULL, "İİİ office"), "7+6");
	cr_assert_str_eq(spans_of("stan", NULL, "İstanbul"), "2+4");
	cr_assert_str_eq(spans_of("привет", NULL, "Он сказал ПРИВЕТ!"),
	                 "18+12");
	/* white space runs */
	cr_assert_str_eq(spans_of("\"ordering system\"", NULL,
	                          "the ordering \n  system"), "4+18");
	/* bad bytes never split a sequence and never match letters */
	cr_assert_str_eq(spans_of("ab", NULL, "\xff" "ab\xc3"), "1+2");
}

Test(query, folding_fast_and_slow_paths_agree)
{
	/* Matching folds eight plain bytes at a time; query_spans folds one
	 * character at a time. Random texts, and needles cut from them at
	 * character boundaries, must be found by both. */
	static const char *const alpha[] = {
		"A", "a", "Z", "z", "M", "@", "[", "`", "{", "~", "0", " ", " ",
		" ", "  ", "\t", "\n", "É", "é", "İ", "Σ", "Ж", "\xff", "\x7f",
		"\x01", "!", "/",
	};
	const size_t na = sizeof(alpha) / sizeof(alpha[0]);
	uint32_t seed = 12345;
	for (int round = 0; round < 400; round++) {
		char text[256] = "", needle[256];
		size_t cuts[128], ncuts = 0;
		cuts[ncuts++] = 0;
		for (int j = 0; j < 40; j++) {
			seed = seed * 1103515245u + 12345u;
			strcat(text, alpha[(seed >> 16) % na]);
			cuts[ncuts++] = strlen(text);
		}
		seed = seed * 1103515245u + 12345u;
		size_t a = cuts[(seed >> 16) % (ncuts - 1)];
		seed = seed * 1103515245u + 12345u;
		size_t b = a + 1 + (seed >> 16) % 24;
		size_t k = 0;
		while (k < ncuts && cuts[k] < b)
			k++;
		b = k < ncuts ? cuts[k] : strlen(text);
		/* upper-case the needle's ASCII letters, to need the folding */
		size_t nl = 0;
		needle[nl++] = '"';
		for (size_t i = a; i < b; i++) {
			char c = text[i];
			needle[nl++] = c >= 'a' && c <= 'z' ? (char)(c - 32) : c;
		}
		needle[nl++] = '"';
		needle[nl] = '\0';
		struct posting p = { .id = "r", .title = "r",
		                     .experience = NOEXP, .summary = text };
		struct query *q = query_parse(needle, NULL);
		cr_assert_not_null(q);
		cr_assert(query_match(q, &p, NULL), "round %d: %s in %s", round,
		          needle, text);
		struct spans sp = { 0 };
		cr_assert_gt(query_spans(q, NULL, text, strlen(text), &sp.v, &sp.n,
		                         &sp.cap), 0, "round %d", round);
		cr_assert_leq(sp.v[0].off, a, "round %d", round);
		free(sp.v);
		query_free(q);
	}
}

/* ---- many postings ------------------------------------------------------ */

Test(query, many_matches_reuse_scratch)
{
	struct query *q = query_parse("\"ordering system\" or policy -analyst "
	                              "salary>=50k", NULL);
	cr_assert_not_null(q);
	size_t hits = 0;
	for (int i = 0; i < 30000; i++) {
		hits += query_match(q, &p1, &env);
		hits += query_match(q, &p2, &env);
		hits += query_match(q, &p3, &env);
	}
	cr_assert_eq(hits, 60000);
	query_free(q);
}

/* ---- sorting ------------------------------------------------------------ */

static struct posting
sp(const char *id, const char *title, const char *org, double lo, double hi,
   int32_t posted, int32_t dl, const char *dltext, uint32_t seq)
{
	struct posting p = {
		.id = id, .title = title, .experience = NOEXP, .seq = seq,
	};
	p.org.name = org;
	if (hi > 0)
		p.salary = (struct salary){ .present = true, .min = lo, .max = hi,
		                            .currency = "USD" };
	p.posted.ymd = posted;
	p.deadline.ymd = dl;
	p.deadline.text = dltext;
	return p;
}

static struct posting sv[7];

static void
sort_setup(void)
{
	sv[0] = sp("a", "beta", "Zeta Org", 50000, 60000, 20260103, 20260110,
	           NULL, 0);
	sv[1] = sp("b", "Alpha", "acme", 40000, 80000, 20260101, 0, "rolling", 1);
	sv[2] = sp("c", "alpha", "Acme", 0, 0, 0, 0, NULL, 2);
	sv[3] = sp("d", "Gamma", NULL, 50000, 70000, 20260102, 20260105, NULL, 3);
	sv[4] = sp("e", "ALPHA", "acme", 50000, 60000, 20260103, 0,
	           "Open until filled", 4);
	sv[5] = sp("f", "delta", "zeta org", 4800, 4800, 0, 20260120, NULL, 5);
	sv[6] = sp("g", "Beta", "Acme", 55000, 60000, 20260104, 20260110, NULL,
	           6);
	sv[5].salary.period = PERIOD_MONTH; /* 57,600 a year */
}

/* Sorts sv (from the order given by start) by spec and returns the ids. */
static char *
sorted(const char *spec, const char *start)
{
	static char out[16];
	struct sort_spec s;
	const char *bad = NULL;
	cr_assert(sort_parse(spec, &s, &bad), "%s", spec);
	struct posting *v[7];
	for (int i = 0; i < 7; i++)
		v[i] = &sv[start[i] - 'a'];
	sort_postings(v, 7, &s, NULL);
	for (int i = 0; i < 7; i++)
		out[i] = v[i]->id[0];
	out[7] = '\0';
	return out;
}

#define SORTS(spec, want) \
	do { \
		cr_assert_str_eq(sorted(spec, "abcdefg"), want, "%s", spec); \
		cr_assert_str_eq(sorted(spec, "gfedcba"), want, "%s", spec); \
		cr_assert_str_eq(sorted(spec, "dagcfbe"), want, "%s", spec); \
	} while (0)

Test(sort, keys, .init = sort_setup)
{
	/* titles fold case; equal titles fall back on the id */
	SORTS("title", "bceagfd");
	SORTS("-title", "dfagbce");
	/* salary: yearly top, then bottom; none last both ways */
	SORTS("salary", "faegdbc");
	SORTS("-salary", "bdgaefc");
	/* dates; none last both ways */
	SORTS("posted", "bdaegcf");
	SORTS("-posted", "gaedbcf");
	/* deadlines: dates, then text ones, then none, both ways */
	SORTS("deadline", "dagfbec");
	SORTS("-deadline", "fagdbec");
	SORTS("id", "abcdefg");
	SORTS("-id", "gfedcba");
}

Test(sort, several_keys, .init = sort_setup)
{
	/* org folded (no org last), then salary from the top */
	SORTS("org,-salary", "bgecafd");
	SORTS("org,salary", "egbcfad");
	SORTS("-org,title", "afbcegd");
	SORTS("title,-posted", "ebcgafd");
	SORTS("deadline,-salary,title", "dgafbec");
}

Test(sort, location_and_load_order, .init = sort_setup)
{
	struct place pa[] = { { NULL, "Oslo", NULL, "Norway" } };
	struct place pb[] = { { NULL, "amsterdam", NULL, NULL } };
	struct posting x = sp("x", "x", NULL, 0, 0, 0, 0, NULL, 9);
	struct posting y = sp("y", "y", NULL, 0, 0, 0, 0, NULL, 8);
	struct posting z = sp("z", "z", NULL, 0, 0, 0, 0, NULL, 7);
	x.places = pa, x.nplaces = 1;
	y.places = pb, y.nplaces = 1;
	struct posting *v[] = { &z, &x, &y };
	struct sort_spec s;
	cr_assert(sort_parse("location", &s, NULL));
	sort_postings(v, 3, &s, NULL);
	cr_assert_str_eq(v[0]->id, "y");
	cr_assert_str_eq(v[1]->id, "x");
	cr_assert_str_eq(v[2]->id, "z");
	cr_assert(sort_parse("-location", &s, NULL));
	sort_postings(v, 3, &s, NULL);
	cr_assert_str_eq(v[0]->id, "x");
	cr_assert_str_eq(v[1]->id, "y");
	cr_assert_str_eq(v[2]->id, "z");
	/* no keys: load order */
	struct sort_spec none = { .n = 0 };
	sort_postings(v, 3, &none, NULL);
	cr_assert_str_eq(v[0]->id, "z");
	cr_assert_str_eq(v[1]->id, "y");
	cr_assert_str_eq(v[2]->id, "x");
}

/* A range open at one end sorts by the figure it gives: from $50,000 as
 * $50,000; up to $90,000 with the ranges whose top is $90,000, before
 * them (its bottom is open). */
Test(sort, salary_open_ranges)
{
	static const char yaml[] =
		"id: a\ntitle: a\nsalary: 80000-90000\n---\n"
		"id: b\ntitle: b\nsalary: {max: 90000}\n---\n"
		"id: c\ntitle: c\nsalary: 90000\n---\n"
		"id: d\ntitle: d\nsalary: {min: 50000}\n---\n"
		"id: e\ntitle: e\nsalary: 40000-60000\n---\n"
		"id: f\ntitle: f\n";
	struct catalog c;
	catalog_init(&c);
	cr_assert_eq(load_buffer(&c, "t.yaml", yaml, strlen(yaml), NULL), 6);
	struct posting *v[6];
	struct sort_spec s;
	const char *want[] = {"salary", "debacf", "-salary", "cabedf"};
	for (size_t k = 0; k < 4; k += 2) {
		cr_assert(sort_parse(want[k], &s, NULL));
		memcpy(v, c.v, sizeof(v));
		sort_postings(v, 6, &s, NULL);
		char got[7];
		for (int i = 0; i < 6; i++)
			got[i] = v[i]->id[0];
		got[6] = '\0';
		cr_assert_str_eq(got, want[k + 1], "%s", want[k]);
	}
	catalog_free(&c);
}

Test(sort, parse)
{
	struct sort_spec s;
	const char *bad = NULL;
	cr_assert(sort_parse("title", &s, &bad));
	cr_assert_eq(s.n, 1);
	cr_assert_eq(s.key[0], SORT_TITLE);
	cr_assert_not(s.reverse[0]);
	cr_assert(sort_parse("-salary,title", &s, &bad));
	cr_assert_eq(s.n, 2);
	cr_assert_eq(s.key[0], SORT_SALARY);
	cr_assert(s.reverse[0]);
	cr_assert_eq(s.key[1], SORT_TITLE);
	cr_assert_not(s.reverse[1]);
	cr_assert(sort_parse("org, -deadline ,+id,posted", &s, &bad));
	cr_assert_eq(s.n, 4);
	cr_assert_eq(s.key[1], SORT_DEADLINE);
	cr_assert(s.reverse[1]);
	cr_assert_eq(s.key[2], SORT_ID);
	cr_assert_not(s.reverse[2]);
	cr_assert(sort_parse("loc,SAL", &s, &bad));
	cr_assert_eq(s.key[0], SORT_LOCATION);
	cr_assert_eq(s.key[1], SORT_SALARY);

	const char *in = "title,bogus";
	cr_assert_not(sort_parse(in, &s, &bad));
	cr_assert_eq(bad, in + 6);
	in = "bogus";
	cr_assert_not(sort_parse(in, &s, &bad));
	cr_assert_eq(bad, in);
	in = "title,-";
	cr_assert_not(sort_parse(in, &s, &bad));
	cr_assert_eq(bad, in + 6);
	cr_assert_not(sort_parse("", &s, &bad));
	cr_assert_not(sort_parse("title,", &s, &bad));
	cr_assert_not(sort_parse("title salary", &s, &bad));
	cr_assert_not(sort_parse("titles", &s, &bad));
	/* every key may be given, each once: a key again adds nothing */
	cr_assert(sort_parse("title,org,id,posted,-salary,deadline,location",
	                     &s, &bad));
	cr_assert_eq(s.n, 7);
	cr_assert_eq(s.key[4], SORT_SALARY);
	cr_assert(s.reverse[4]);
	cr_assert_eq(s.key[6], SORT_LOCATION);
	cr_assert(sort_parse("-title,org,title", &s, &bad));
	cr_assert_eq(s.n, 2);
	cr_assert(s.reverse[0]);
	cr_assert_eq(s.key[1], SORT_ORG);

	cr_assert_str_eq(sort_key_name(SORT_TITLE), "title");
	cr_assert_str_eq(sort_key_name(SORT_ORG), "org");
	cr_assert_str_eq(sort_key_name(SORT_LOCATION), "location");
	cr_assert_str_eq(sort_key_name(SORT_SALARY), "salary");
	cr_assert_str_eq(sort_key_name(SORT_POSTED), "posted");
	cr_assert_str_eq(sort_key_name(SORT_DEADLINE), "deadline");
	cr_assert_str_eq(sort_key_name(SORT_ID), "id");
	for (int k = 0; k < SORT_NKEYS; k++) {
		cr_assert(sort_parse(sort_key_name(k), &s, NULL));
		cr_assert_eq(s.key[0], (enum sort_key)k);
	}
}

/* ---- enumerated fields (issue 14) -------------------------------------- */

/* An onsite posting whose note says "remote", non-exempt; a remote one,
 * exempt, full-time and part-time, with a union. */
static struct posting en_onsite = {
	.id = "onsite", .title = "Field Organizer",
	.workplace = WP_ONSITE, .workplace_note = "no remote work is possible",
	.employment = { "full-time", "non-exempt", NULL },
	.experience = NOEXP, .seq = 0,
};
static struct posting en_remote = {
	.id = "remote", .title = "Data Organizer",
	.workplace = WP_REMOTE,
	.employment = { "full-time, part-time", "Exempt", "SEIU Local 1000" },
	.experience = NOEXP, .seq = 1,
};

/* Which of en_onsite, en_remote match qs ("o-", "-r"...), by query_match
 * and by query_select through an index, which must agree. */
static char *
which_en(const char *qs)
{
	static char out[3];
	struct posting *v[] = { &en_onsite, &en_remote };
	struct query_error err;
	struct query *q = query_parse(qs, &err);
	cr_assert_not_null(q, "'%s' does not parse: %s", qs, err.msg);
	struct query_index *ix = index_build(v, 2);
	uint32_t got[2];
	size_t n = query_select(q, ix, v, 2, &env, got), k = 0;
	for (int i = 0; i < 2; i++) {
		bool m = query_match(q, v[i], &env);
		out[i] = m ? "or"[i] : '-';
		if (m) {
			cr_assert_lt(k, n, "%s: the index misses %d", qs, i);
			cr_assert_eq(got[k++], (uint32_t)i, "%s", qs);
		}
	}
	cr_assert_eq(k, n, "%s: the index gives more", qs);
	out[2] = '\0';
	index_free(ix);
	query_free(q);
	return out;
}

#define EN(qs, want) cr_assert_str_eq(which_en(qs), want, "query '%s'", qs)

Test(query, enumerated_fields_match_their_value)
{
	/* the workplace's type, not its note */
	EN("workplace:remote", "-r");
	EN("workplace:onsite", "o-");
	EN("workplace:REMOTE", "-r");
	EN("workplace:rem", "-r");      /* a beginning will do */
	EN("workplace:on-site", "o-");
	EN("workplace:hybrid", "--");
	EN("-workplace:remote", "o-");
	/* the note by its own field, and by free text */
	EN("workplace.note:remote", "o-");
	EN("workplace.note:\"no remote\"", "o-");
	EN("remote", "or");
	EN("\"no remote work\"", "o-");
	/* employment type and classification: whole values */
	EN("type:exempt", "-r");
	EN("type:non-exempt", "o-");
	EN("type:\"Non Exempt\"", "o-");
	EN("type:non_exempt", "o-");
	EN("type:full-time", "or");
	EN("type:part-time", "-r");
	EN("type:\"part time\"", "-r");
	EN("type:time", "--");
	EN("type:part", "--");
	EN("employment:exempt", "-r");
	EN("-type:exempt", "o-");
	EN("exempt", "or");             /* free text: a substring */
	/* the union has a field of its own */
	EN("type:seiu", "--");
	EN("union:seiu", "-r");
	EN("seiu", "-r");
	/* and a typed query narrows only where it can be shown */
	cr_assert(narrows("workplace:remote", "workplace:remote exempt"));
	cr_assert_not(narrows("workplace:remote", "workplace:onsite"));
	cr_assert_not(narrows("type:exempt", "type:non-exempt"));
	struct query *q = query_parse("workplace:remote type:exempt", NULL);
	cr_assert(query_mentions(q, "workplace:"));
	cr_assert(query_mentions(q, "type:"));
	cr_assert_not(query_mentions(q, "title:"));
	query_free(q);
}

Test(query, enumerated_field_errors)
{
	parse_error("workplace:x", 11, "unknown workplace 'x' at column 11 "
	            "(known: onsite, hybrid, remote)");
	parse_error("workplace:office", 11, "unknown workplace 'office' at "
	            "column 11 (known: onsite, hybrid, remote)");
	parse_error("type:-", 6, "expected an employment type such as "
	            "full-time or exempt after 'type:', not '-' at column 6");
	/* a word with a dot is still a word */
	MATCHES("workplace.bogus:x", "---");
	MATCHES("e.g.", "---");
	MATCHES("café.", "---");
}

/* The status is a value of the state: a note that says "applied" does
 * not make status:applied. */
static int
h_status_only_ngo(void *ctx, const struct posting *p)
{
	(void)ctx;
	return is_id(p, "ngo-2") ? QSTATUS_APPLIED : QSTATUS_NONE;
}

Test(query, status_matches_its_value)
{
	struct posting noted = p1;
	noted.summary = "Candidates who applied before may apply again.";
	struct query_env e = env;
	e.status = h_status_only_ngo;
	cr_assert_not(match1("status:applied", &noted, &e));
	cr_assert(match1("applied", &noted, &e));
	cr_assert(match1("status:applied", &p2, &e));
}

/* ---- deadlines and starts given as text -------------------------------- */

Test(query, text_deadlines_and_starts_by_field)
{
	/* p2's deadline is "Open until filled", p1's 2026-02-01 */
	MATCHES("deadline:open", "-2-");
	MATCHES("deadline:\"until filled\"", "-2-");
	MATCHES("deadline:rolling", "---");
	MATCHES("-deadline:open", "1-3");
	MATCHES("deadline:2026-02", "1--");   /* a date is still a date */
	MATCHES("deadline:today", "---");
	MATCHES("\"until filled\"", "-2-");   /* and free text finds it */
	struct posting rolling = {
		.id = "r", .title = "r", .experience = NOEXP,
		.apply = { .deadline = { 0, "rolling" } },
		.start = { 0, "As soon as possible" },
	};
	struct posting dated = {
		.id = "d", .title = "d", .experience = NOEXP,
		.start = { 20260301, "2026-03-01" },
	};
	cr_assert(match1("deadline:rolling", &rolling, NULL));
	cr_assert(match1("deadline:Rolling", &rolling, NULL));
	cr_assert(match1("start:\"as soon\"", &rolling, NULL));
	cr_assert_not(match1("start:\"as soon\"", &dated, NULL));
	cr_assert(match1("start>=2026-03-01", &dated, NULL));
	cr_assert(match1("start:2026-03", &dated, NULL));
	cr_assert_not(match1("start<2026-03-01", &dated, NULL));
	cr_assert_not(match1("start>=2026-01-01", &rolling, NULL));
	cr_assert_not(match1("start<=today", &dated, &env));
	/* a date mistyped says so; text compares are errors */
	parse_error("deadline:2026-1-5", 10, "expected a date YYYY-MM-DD after "
	            "'deadline:', not '2026-1-5' at column 10");
	parse_error("deadline<rolling", 10, "expected a date YYYY-MM-DD after "
	            "'deadline<', not 'rolling' at column 10");
	parse_error("start>=soon", 8, "expected a date YYYY-MM-DD after "
	            "'start>=', not 'soon' at column 8");
	parse_error("posted:yesterday", 8, "expected a date YYYY-MM-DD after "
	            "'posted:', not 'yesterday' at column 8");
	struct query *q = query_parse("start>=2026-03", NULL);
	cr_assert(query_mentions(q, "start"));
	query_free(q);
	/* through the index as well */
	struct posting *v[] = { &p1, &p2, &rolling, &dated };
	const char *qs[] = { "deadline:open", "deadline:rolling", "start:soon",
	                     "start>=2026-03", "-start<2027" };
	struct query_index *ix = index_build(v, 4);
	for (size_t k = 0; k < sizeof(qs) / sizeof(qs[0]); k++) {
		struct query *qq = query_parse(qs[k], NULL);
		uint32_t got[4];
		size_t n = query_select(qq, ix, v, 4, &env, got), m = 0;
		for (size_t i = 0; i < 4; i++)
			if (query_match(qq, v[i], &env)) {
				cr_assert_lt(m, n, "%s", qs[k]);
				cr_assert_eq(got[m++], i, "%s", qs[k]);
			}
		cr_assert_eq(m, n, "%s", qs[k]);
		cr_assert_gt(n, 0, "%s", qs[k]);
		query_free(qq);
	}
	index_free(ix);
}

/* ---- currencies (issue 14) ---------------------------------------------- */

static struct posting
paid_in(const char *id, double lo, double hi, const char *cur, uint32_t seq)
{
	struct posting p = {
		.id = id, .title = id, .experience = NOEXP, .seq = seq,
		.salary = { true, lo, hi, "", PERIOD_YEAR, NULL },
	};
	snprintf(p.salary.currency, sizeof(p.salary.currency), "%s", cur);
	return p;
}

/* Which of yen (¥6,000,000), euro (€40,000) and dollar ($62,400) match
 * qs under e: "yed" for all, by query_match and query_select alike. */
static char *
which_cur(const char *qs, const struct query_env *e)
{
	static char out[4];
	struct posting yen = paid_in("yen", 6000000, 6000000, "JPY", 0);
	struct posting eur = paid_in("eur", 40000, 40000, "EUR", 1);
	struct posting usd = paid_in("usd", 62400, 62400, "", 2);
	struct posting *v[] = { &yen, &eur, &usd };
	struct query_error err;
	struct query *q = query_parse(qs, &err);
	cr_assert_not_null(q, "'%s' does not parse: %s", qs, err.msg);
	struct query_index *ix = index_build(v, 3);
	uint32_t got[3];
	size_t n = query_select(q, ix, v, 3, e, got), k = 0;
	for (int i = 0; i < 3; i++) {
		bool m = query_match(q, v[i], e);
		out[i] = m ? "yed"[i] : '-';
		if (m) {
			cr_assert_lt(k, n, "%s: the index misses %d", qs, i);
			cr_assert_eq(got[k++], (uint32_t)i, "%s", qs);
		}
	}
	cr_assert_eq(k, n, "%s: the index gives more", qs);
	out[3] = '\0';
	index_free(ix);
	query_free(q);
	return out;
}

#define CUR(qs, e, want) \
	cr_assert_str_eq(which_cur(qs, e), want, "query '%s'", qs)

Test(query, salary_bounds_are_in_one_currency)
{
	/* no currency set: dollars (FORMAT.md's default) */
	CUR("salary>=60000", NULL, "--d");
	CUR("salary<=45000", NULL, "---");
	CUR("salary>=1", NULL, "--d");
	CUR("has:salary", NULL, "yed");
	/* the user's currency */
	struct query_env eu = { .currency = "EUR" };
	CUR("salary<=45000", &eu, "-e-");
	CUR("salary>=60000", &eu, "---");
	/* a bound names its currency: a code right after the number, in
	 * any case, or a sign before it */
	CUR("salary>=50000USD", &eu, "--d");
	CUR("salary>=5000000JPY", &eu, "y--");
	CUR("salary>=5m jpy", &eu, "---");     /* "jpy" is a word here */
	CUR("salary>=5mjpy", &eu, "y--");
	CUR("salary<=50kEur", NULL, "-e-");
	CUR("salary>=¥5000000", NULL, "y--");
	CUR("salary>=€30k", NULL, "-e-");
	CUR("salary>=£30k", NULL, "---");
	CUR("salary>=$60k", NULL, "--d");
	CUR("salary>=$60k", &eu, "--d");       /* not a euro amount */
	struct query_env ca = { .currency = "CAD" };
	CUR("salary>=$60k", &ca, "---");       /* Canadian dollars */
	CUR("salary=40000EUR", &ca, "-e-");
}

Test(query, salary_converted_by_the_users_rates)
{
	struct currency_rates r = { 0 };
	struct currency_error err;
	cr_assert(currency_rates_parse("EUR=1.08 JPY=0.0067", &r, &err), "%s",
	          err.msg);
	struct query_env us = { .currency = "USD", .rates = &r };
	/* in dollars: € 40,000 is 43,200; ¥ 6,000,000 is 40,200 */
	CUR("salary>=43000", &us, "-ed");
	CUR("salary>=40000", &us, "yed");
	CUR("salary<=41000", &us, "y--");
	/* a bound in euros: $62,400 is 57,778 euros, the yen 37,222 */
	CUR("salary>=40000EUR", &us, "-ed");
	CUR("salary>=57000EUR", &us, "--d");
	CUR("salary>=58000EUR", &us, "---");
	/* a currency the rates do not name still never matches */
	CUR("salary>=1GBP", &us, "---");
	currency_rates_free(&r);
	cr_assert_null(r.v);
}

Test(query, salary_currency_errors_and_narrowing)
{
	parse_error("salary>=50000EUX", 14, "unknown currency 'EUX' at column "
	            "14 (ISO 4217 codes such as USD, EUR, GBP)");
	parse_error("salary>=€50kUSD", 9, "'€' and 'USD' name different "
	            "currencies at column 9");
	parse_error("salary>=$50kEUR", 9, "'$' and 'EUR' name different "
	            "currencies at column 9");
	parse_error("salary>=50EU", 9, "expected an amount such as 60000, 60k "
	            "or 50000EUR after 'salary>=', not '50EU' at column 9");
	struct query *q = query_parse("salary>=$50kCAD", NULL);
	cr_assert_not_null(q);
	query_free(q);
	cr_assert(narrows("salary>=50kEUR", "salary>=60kEUR"));
	cr_assert_not(narrows("salary>=50k", "salary>=60kEUR"));
	cr_assert_not(narrows("salary>=50kEUR", "salary>=60k"));
	cr_assert_not(narrows("salary>=50kGBP", "salary>=60kEUR"));
}

/* ---- sorting by salary groups currencies -------------------------------- */

Test(sort, salary_groups_by_currency)
{
	struct posting a = paid_in("a", 62400, 62400, "USD", 0);
	struct posting b = paid_in("b", 40000, 40000, "EUR", 1);
	struct posting c = paid_in("c", 6000000, 6000000, "JPY", 2);
	struct posting d = paid_in("d", 50000, 50000, "", 3); /* dollars */
	struct posting e = paid_in("e", 100000, 100000, "CHF", 4);
	struct posting f = paid_in("f", 30000, 30000, "EUR", 5);
	struct posting g = { .id = "g", .title = "g", .experience = NOEXP,
	                     .seq = 6 };
	const char *want[][3] = {
		/* spec, the user's currency, the order */
		{ "salary", "USD", "daefbcg" },
		{ "-salary", "USD", "adebfcg" },
		{ "salary", NULL, "daefbcg" },
		{ "salary", "EUR", "fbecdag" },
		{ "-salary", "EUR", "bfecadg" },
		{ "salary", "JPY", "cefbdag" },
		{ "title,salary", "EUR", "abcdefg" },
	};
	for (size_t k = 0; k < sizeof(want) / sizeof(want[0]); k++) {
		struct posting *v[] = { &g, &f, &e, &d, &c, &b, &a };
		struct sort_spec s;
		cr_assert(sort_parse(want[k][0], &s, NULL));
		sort_postings(v, 7, &s, want[k][1]);
		char got[8];
		for (int i = 0; i < 7; i++)
			got[i] = v[i]->id[0];
		got[7] = '\0';
		cr_assert_str_eq(got, want[k][2], "%s in %s", want[k][0],
		                 want[k][1] ? want[k][1] : "(none)");
	}
}

/* ---- closed and closing soon -------------------------------------------- */

/* Postings whose deadlines stand around today (2026-12-07): letters a-i. */
#define DL_N 9
static struct posting dl_post[DL_N];
static const char dl_names[DL_N + 1] = "abcdefghi";

/* Fills dl_post: a yesterday, b today, c today + 7 (the last day closing
 * soon), d today + 8, e rolling (text), f the apply deadline today + 3,
 * g none, h a year ago, i a posting's own date past with an apply
 * deadline still ahead (the posting's counts). */
static void
dl_setup(void)
{
	static const struct {
		int32_t ymd;
		const char *text;
		int32_t apply;
	} d[DL_N] = {
		{ 20261206, "2026-12-06", 0 }, { 20261207, "2026-12-07", 0 },
		{ 20261214, "2026-12-14", 0 }, { 20261215, "2026-12-15", 0 },
		{ 0, "rolling", 0 },           { 0, NULL, 20261210 },
		{ 0, NULL, 0 },                { 20251207, "2025-12-07", 0 },
		{ 20261201, "2026-12-01", 20261210 },
	};
	static char ids[DL_N][2];
	for (int i = 0; i < DL_N; i++) {
		ids[i][0] = dl_names[i];
		dl_post[i] = (struct posting){
			.id = ids[i], .title = ids[i], .experience = NOEXP,
			.seq = (uint32_t)i,
			.deadline = { d[i].ymd, d[i].text },
			.apply = { .deadline = { d[i].apply, NULL } },
		};
	}
}

static void
dl_teardown(void)
{
	deadline_set_closing_days(DEADLINE_CLOSING_DAYS);
}

/* Which of dl_post match qs with today: by query_match and by
 * query_select through an index, which must agree ("ab-------"). */
static char *
which_dl(const char *qs, int32_t today)
{
	static char out[DL_N + 1];
	struct posting *v[DL_N];
	for (int i = 0; i < DL_N; i++)
		v[i] = &dl_post[i];
	struct query_env e = env;
	e.today = today;
	struct query_error err;
	struct query *q = query_parse(qs, &err);
	cr_assert_not_null(q, "'%s' does not parse: %s", qs, err.msg);
	struct query_index *ix = index_build(v, DL_N);
	uint32_t got[DL_N];
	size_t n = query_select(q, ix, v, DL_N, &e, got), k = 0;
	for (int i = 0; i < DL_N; i++) {
		bool m = query_match(q, v[i], &e);
		out[i] = m ? dl_names[i] : '-';
		if (m) {
			cr_assert_lt(k, n, "%s: the index misses %c", qs,
			             dl_names[i]);
			cr_assert_eq(got[k++], (uint32_t)i, "%s", qs);
		}
	}
	cr_assert_eq(k, n, "%s: the index gives more", qs);
	out[DL_N] = '\0';
	index_free(ix);
	query_free(q);
	return out;
}

#define DL(qs, today, want) \
	cr_assert_str_eq(which_dl(qs, today), want, "query '%s'", qs)

Test(query, closed_and_closing_at_their_edges, .init = dl_setup,
     .fini = dl_teardown)
{
	DL("is:closed", 20261207, "a------hi");
	DL("is:closing", 20261207, "-bc--f---");
	DL("is:open", 20261207, "-bcdefg--");
	DL("-is:closed", 20261207, "-bcdefg--");
	DL("-is:closing", 20261207, "a--de-ghi");
	DL("is:closed or is:closing", 20261207, "abc--f-hi");
	DL("IS:CLOSING", 20261207, "-bc--f---");
	/* a day later: today + 8 comes in, today leaves for closed */
	DL("is:closing", 20261208, "--cd-f---");
	DL("is:closed", 20261208, "ab-----hi");
	/* earlier: i's own 12-01 counts, not its apply deadline */
	DL("is:closing", 20261201, "ab------i");
	DL("is:closing", 20261130, "ab------i");
	DL("is:closing", 20261129, "a-------i");
	DL("is:closed", 20261129, "-------h-");
	/* the closing-soon days are a setting */
	cr_assert(deadline_set_closing_days(0));
	DL("is:closing", 20261207, "-b-------");
	cr_assert(deadline_set_closing_days(3));
	DL("is:closing", 20261207, "-b---f---");
	cr_assert_not(deadline_set_closing_days(-1));
	cr_assert_not(deadline_set_closing_days(DEADLINE_CLOSING_MAX + 1));
	cr_assert_eq(deadline_closing_days(), 3);
}

/* ---- the user's notes ---------------------------------------------------- */

/* The notes: ngo-2's and x-3's; acme-1 has none. */
static const char *
h_note_text(void *ctx, const struct posting *p)
{
	(void)ctx;
	if (is_id(p, "ngo-2"))
		return "Called MARÍA about it;\n  ask about  the visa";
	if (is_id(p, "x-3"))
		return "Remote is fine, Python maybe";
	return NULL;
}

/* Which of p1, p2, p3 match qs with the notes taken in from env's hook
 * (none when fill is false), in the order order gives them to
 * query_select ("123", "312"...), by query_match, by query_select with an
 * index over all three, over the first two only (the third matched one
 * by one) and without one; all must agree. */
static char *
which_noted(const char *qs, bool fill, const char *order)
{
	static char out[4];
	struct posting *all[] = { &p1, &p2, &p3 };
	struct posting *v[3];
	for (int i = 0; i < 3; i++)
		v[i] = all[order[i] - '1'];
	struct query_env e = env;
	e.note = h_note_text;
	struct query_notes *qn = query_notes_new();
	if (fill)
		query_notes_fill(qn, &e, v, 0, 3);
	e.notes = qn;
	struct query_error err;
	struct query *q = query_parse(qs, &err);
	cr_assert_not_null(q, "'%s' does not parse: %s", qs, err.msg);
	for (int i = 0; i < 3; i++)
		out[i] = query_match(q, all[i], &e) ? (char)('1' + i) : '-';
	out[3] = '\0';
	for (size_t cover = 0; cover <= 3; cover++) {
		if (cover == 1)
			continue;
		struct query_index *ix = cover ? index_build(v, cover) : NULL;
		uint32_t got[3];
		size_t n = query_select(q, ix, v, 3, &e, got);
		char sel[4] = "---";
		for (size_t k = 0; k < n; k++) {
			int which = (int)(v[got[k]] - &p1 == 0 ? 0 :
			            v[got[k]] == &p2 ? 1 : 2);
			sel[which] = (char)('1' + which);
		}
		cr_assert_str_eq(sel, out, "'%s' (order %s): query_select over "
		                 "an index of %zu gives %s, query_match %s", qs,
		                 order, cover, sel, out);
		index_free(ix);
	}
	query_free(q);
	query_notes_free(qn);
	return out;
}

#define NOTED(qs, want) do { \
	cr_assert_str_eq(which_noted(qs, true, "123"), want, "'%s'", qs); \
	cr_assert_str_eq(which_noted(qs, true, "312"), want, "'%s' in " \
	                 "another order", qs); \
} while (0)

Test(query, free_text_finds_the_users_notes)
{
	/* words of a note only: its posting */
	NOTED("maría", "-2-");
	NOTED("maria", "---"); /* folding keeps accents, as in postings */
	NOTED("VISA", "-2-");
	/* a phrase, white space folded as in the posting's text */
	NOTED("\"ask about the visa\"", "-2-");
	NOTED("\"it; ask\"", "-2-");
	/* the posting's text or its note */
	NOTED("python", "1-3");
	NOTED("remote", "--3");
	NOTED("maría or zürich", "12-");
	/* negated: neither in the text nor in the note */
	NOTED("-maría", "1-3");
	NOTED("-python", "-2-");
	NOTED("not visa remote", "--3");
	/* field terms never look at the note */
	NOTED("title:maría", "---");
	NOTED("text:visa", "---");
}

Test(query, note_searches_only_the_notes)
{
	NOTED("note:maría", "-2-");
	NOTED("note:\"the visa\"", "-2-");
	/* in a posting's text, not its note */
	NOTED("note:zürich", "---");
	NOTED("note:analyst", "---");
	NOTED("note:python", "--3");
	NOTED("-note:python", "12-");
	NOTED("note:python or note:visa", "-23");
	NOTED("note:fine has:note", "---"); /* h_note: ngo-2 alone */
	NOTED("note:about has:note", "-2-");
	NOTED("Note:MARÍA", "-2-");
	cr_assert_str_eq(which_noted("maría", false, "123"), "---",
	                 "no notes taken in: none found");
	cr_assert_str_eq(which_noted("note:maría", false, "123"), "---");
}

Test(query, note_is_a_key)
{
	struct query *q = query_parse("note:visa", NULL);
	cr_assert(query_mentions(q, "note:"));
	cr_assert_not(query_mentions(q, "title:"));
	struct query *wide = query_parse("note:vis", NULL);
	struct query *text = query_parse("vis", NULL);
	/* note:visa is narrower than note:vis and than vis (text or note),
	 * not the other way round */
	cr_assert(query_narrows(wide, q));
	cr_assert(query_narrows(text, q));
	cr_assert_not(query_narrows(q, text));
	query_free(q);
	query_free(wide);
	query_free(text);
	parse_error("note:", 5, "expected a value after 'note:' at column 5");
}

Test(query, notes_are_taken_in_and_forgotten)
{
	struct posting *v[] = { &p1, &p2, &p3 };
	struct query_env e = env;
	e.note = h_note_text;
	struct query_notes *qn = query_notes_new();
	query_notes_fill(qn, &e, v, 0, 2);
	cr_assert_eq(query_notes_count(qn), 1);
	query_notes_fill(qn, &e, v, 2, 3); /* the postings loaded since */
	cr_assert_eq(query_notes_count(qn), 2);
	e.notes = qn;
	struct query *q = query_parse("python", NULL);
	cr_assert(query_match(q, &p3, &e));
	/* from 0: every note read again (p3's gone here) */
	query_notes_fill(qn, &e, v, 0, 2);
	cr_assert_eq(query_notes_count(qn), 1);
	cr_assert_not(query_match(q, &p3, &e));
	/* a note is copied: the state may free its text */
	query_notes_fill(qn, &e, v, 0, 3);
	e.note = NULL;
	cr_assert(query_match(q, &p3, &e));
	query_free(q);
	query_notes_free(qn);
	query_notes_free(NULL);
}
