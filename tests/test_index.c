/* SPDX-License-Identifier: MIT */
/* Tests of the index (index.h) and of query_select (query.h): on a seeded
 * set of generated postings, query_select with a full index, a partial
 * one, a grown one and none gives exactly the postings query_match gives,
 * for every form of query, typed one character at a time as well. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "index.h"
#include "posting.h"
#include "query.h"

#define NPOST 1500

/* ---- seeded random numbers --------------------------------------------- */

static uint64_t rs;

static uint64_t
rnd(void)
{
	/* splitmix64: the same sequence everywhere */
	uint64_t z = (rs += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static size_t
below(size_t n)
{
	return n ? (size_t)(rnd() % n) : 0;
}

static bool
chance(int percent)
{
	return below(100) < (size_t)percent;
}

#define PICK(a) ((a)[below(sizeof(a) / sizeof((a)[0]))])

/* ---- generated postings ------------------------------------------------ */

/* Words, with accents, Greek, Cyrillic, letters that fold across scripts
 * (K KELVIN SIGN, İ, final sigma), punctuation stuck to them, and a few
 * bad bytes. */
static const char *const words[] = {
	"community", "organizing", "organizer", "Organize", "spanish",
	"Spanish", "policy", "POLICY", "advocate", "justice", "rights", "and",
	"the", "of", "to", "in", "with", "a", "an", "or", "director", "Director",
	"manager", "york", "York’s", "New", "remote", "(remote)", "on-site",
	"e-mail", "C++", "$60k", "50%", "2024", "10", "café", "CAFÉ", "École",
	"école", "naïve", "Ελληνικά", "ΚΑΛΗΜΕΡΑ", "Σίσυφος", "ΣΊΣΥΦΟΣ",
	"Русский", "ПРИВЕТ", "привет", "Straße", "İstanbul", "ıi",
	"\xe2\x84\xaa" "elvin", "kelvin", "Ｆｕｌｌ", "東京", "😀", "‘quoted’",
	"\"dq\"", "back\\slash", "x:y", "http://ex.org/a-b", "ñandú", "ÅNGSTRÖM",
	"bad\xff" "byte", "trunc\xc3", "ing", "and,", "policy.", "-dash",
	"or|bar", "(paren", "paren)", "justice;", "ǅemal", "ﬁne",
	"o\xe2\x84\xaa" "ay", "b\xc4\xb0g", /* oKay with K KELVIN SIGN, bİg */
};

/* Separators: white space of several kinds and lengths. */
static const char *const seps[] = {
	" ", " ", " ", " ", " ", "  ", "\t", "\n", " \n ", "\xc2\xa0",
	"\xe3\x80\x80", "\r\n", ", ", " - ",
};

static struct arena ar;

static const char *
text(size_t lo, size_t hi)
{
	char buf[4096];
	size_t n = lo + below(hi - lo + 1), len = 0;
	if (chance(5))
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s",
		                        PICK(seps));
	for (size_t i = 0; i < n && len < sizeof(buf) - 64; i++) {
		if (i)
			len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s",
			                        PICK(seps));
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s",
		                        PICK(words));
	}
	if (chance(5))
		len += (size_t)snprintf(buf + len, sizeof(buf) - len, "%s",
		                        PICK(seps));
	return arena_strndup(&ar, buf, len);
}

static const char *
maybe(int percent, size_t lo, size_t hi)
{
	return chance(percent) ? text(lo, hi) : NULL;
}

static struct strlist
list(int percent, size_t most)
{
	struct strlist l = { NULL, 0 };
	if (!chance(percent))
		return l;
	l.n = 1 + below(most);
	const char **v = arena_alloc(&ar, l.n * sizeof(*v));
	for (size_t i = 0; i < l.n; i++)
		v[i] = text(1, 8);
	l.v = v;
	return l;
}

static int32_t
date(void)
{
	return (int32_t)(20240000 + (int32_t)below(3) * 10000 +
	                 (1 + (int32_t)below(12)) * 100 + 1 + (int32_t)below(28));
}

static struct posting *
gen_posting(uint32_t seq)
{
	struct posting *p = arena_alloc(&ar, sizeof(*p));
	memset(p, 0, sizeof(*p));
	char id[32];
	snprintf(id, sizeof(id), "job-%04u%s", seq, chance(10) ? "-Ü" : "");
	p->id = arena_strdup(&ar, id);
	p->title = text(1, 4);
	p->org.name = maybe(90, 1, 3);
	p->org.short_name = maybe(30, 1, 1);
	p->org.url = chance(20) ? "https://Example.ORG/jobs" : NULL;
	p->org.about = maybe(20, 5, 20);
	p->department = maybe(40, 1, 2);
	p->nplaces = below(3);
	p->places = arena_alloc(&ar, (p->nplaces + 1) * sizeof(*p->places));
	for (size_t i = 0; i < p->nplaces; i++)
		p->places[i] = (struct place){ maybe(20, 1, 2), maybe(80, 1, 2),
		                               maybe(50, 1, 1), maybe(50, 1, 1) };
	p->workplace = (enum workplace)below(4);
	p->workplace_note = chance(5) ? "no remote work is possible" :
	                    maybe(10, 1, 4);
	p->employment.type = chance(70) ? PICK(((const char *[]){
		"full-time", "part-time", "Contract", "temporary",
		"full-time, part-time", "Full Time" })) : NULL;
	p->employment.classification = chance(30) ? PICK(((const char *[]){
		"exempt", "non-exempt", "Non Exempt" })) : NULL;
	p->employment.union_name = maybe(10, 1, 3);
	p->salary.present = chance(70);
	if (p->salary.present) {
		p->salary.period = (enum period)below(5);
		p->salary.min = (double)(below(100) + 10) *
		                (p->salary.period == PERIOD_YEAR ? 1000 : 1);
		p->salary.max = p->salary.min + (double)below(30) *
		                (p->salary.period == PERIOD_YEAR ? 1000 : 1);
		strcpy(p->salary.currency, PICK(((const char *[]){
			"USD", "USD", "USD", "EUR", "JPY", "" })));
		p->salary.note = maybe(20, 1, 5);
	}
	if (chance(80))
		p->posted.ymd = seq % 89 ? date() : 20250615; /* env.today */
	if (seq % 97 == 0)
		p->deadline.ymd = 20250615;
	if (p->deadline.ymd)
		;
	else if (chance(50))
		p->deadline.ymd = date();
	else if (chance(30))
		p->deadline.text = chance(50) ? "Open until filled" : "rolling";
	else if (chance(20))
		p->apply.deadline.ymd = date();
	if (chance(20))
		p->start.ymd = date();
	else if (chance(10))
		p->start.text = "as soon as possible";
	p->experience.min_years = chance(60) ? (double)below(12) : -1;
	p->experience.max_years = chance(30) ? (double)(5 + below(10)) : -1;
	p->experience.note = maybe(10, 1, 5);
	p->nlanguages = below(3);
	p->languages = arena_alloc(&ar, (p->nlanguages + 1) *
	                                sizeof(*p->languages));
	for (size_t i = 0; i < p->nlanguages; i++)
		p->languages[i] = (struct language){
			PICK(((const char *[]){ "Spanish", "Français", "Русский",
			                        "Ελληνικά", "English" })),
			maybe(50, 1, 2) };
	p->summary = maybe(90, 5, 40);
	p->responsibilities = list(70, 4);
	p->qualifications = list(50, 3);
	p->benefits = list(20, 3);
	p->tags = list(50, 3);
	p->apply.email = chance(30) ? "Jobs@Example.org" : NULL;
	p->source = chance(30) ? "https://jobs.example.org/postings/x" : NULL;
	if (chance(30)) {
		p->nsections = 1;
		p->sections = arena_alloc(&ar, sizeof(*p->sections));
		memset(p->sections, 0, sizeof(*p->sections));
		p->sections->heading = text(1, 3);
		p->sections->text = maybe(50, 3, 20);
		p->sections->items = list(50, 3);
	}
	if (chance(20)) {
		p->nextra = 1;
		p->extra = arena_alloc(&ar, sizeof(*p->extra));
		*p->extra = (struct xvalue){ X_SCALAR, "workHours", text(1, 3),
		                             NULL, 0, false };
	}
	p->seq = seq;
	return p;
}

static struct posting *post[NPOST];

/* ---- state hooks, by sequence number ------------------------------------ */

static bool
h_marked(void *ctx, const struct posting *p)
{
	(void)ctx;
	return p->seq % 7 == 0;
}

static bool
h_hidden(void *ctx, const struct posting *p)
{
	(void)ctx;
	return p->seq % 11 == 3;
}

static bool
h_new(void *ctx, const struct posting *p)
{
	(void)ctx;
	return p->seq % 5 == 1;
}

static bool
h_note(void *ctx, const struct posting *p)
{
	(void)ctx;
	return p->seq % 13 == 0;
}

static int
h_rating(void *ctx, const struct posting *p)
{
	(void)ctx;
	return (int)(p->seq % 6);
}

static int
h_status(void *ctx, const struct posting *p)
{
	(void)ctx;
	return (int)(p->seq % QSTATUS_N);
}

/* Dollars are the user's currency; euros convert, yen do not. */
static struct currency_rate rate_v[] = { { "EUR", 1.08 } };
static const struct currency_rates rates = { rate_v, 1 };

static const struct query_env env = {
	.today = 20250615,
	.currency = "USD",
	.rates = &rates,
	.marked = h_marked, .hidden = h_hidden, .is_new = h_new,
	.has_note = h_note, .rating = h_rating, .status = h_status,
};

/* ---- comparing ---------------------------------------------------------- */

static uint32_t ref[NPOST], got[NPOST];
static size_t checked, nonempty;

/* Asserts that query_select over post[0..n) with each of ixs[0..nix) (an
 * index or NULL) gives what query_match gives for the query text qs, and
 * over post[0..n / 3) with the first; false when qs does not parse. */
static bool
same_n(const char *qs, struct query_index *const *ixs, size_t nix, size_t n)
{
	struct query *q = query_parse(qs, NULL);
	if (!q)
		return false;
	size_t r = 0;
	for (size_t i = 0; i < n; i++)
		if (query_match(q, post[i], &env))
			ref[r++] = (uint32_t)i;
	for (size_t x = 0; x <= nix; x++) {
		struct query_index *ix = ixs[x < nix ? x : 0];
		size_t upto = x < nix ? n : n / 3, want = r;
		if (x == nix)
			for (want = 0; want < r && ref[want] < upto; want++)
				;
		size_t k = query_select(q, ix, post, upto, &env, got);
		cr_assert_eq(k, want, "%s (index %zu, postings %zu): %zu "
		             "selected, %zu match", qs, ix ? index_count(ix) : 0,
		             upto, k, want);
		for (size_t i = 0; i < k; i++)
			cr_assert_eq(got[i], ref[i], "%s: result %zu is %u, not %u",
			             qs, i, got[i], ref[i]);
	}
	query_free(q);
	checked++;
	nonempty += r > 0;
	return true;
}

/* same_n with one index (or NULL) over every posting. */
static bool
same(const char *qs, struct query_index *ix, size_t n)
{
	return same_n(qs, &ix, 1, n);
}

static void
setup(void)
{
	rs = 20260115;
	for (uint32_t i = 0; i < NPOST; i++)
		post[i] = gen_posting(i);
}

static void
teardown(void)
{
	arena_free(&ar);
}

/* ---- generated queries -------------------------------------------------- */

struct qbuf {
	char s[1024];
	size_t len;
};

static void
qadd(struct qbuf *b, const char *s)
{
	size_t n = strlen(s);
	if (b->len + n < sizeof(b->s)) {
		memcpy(b->s + b->len, s, n);
		b->len += n;
		b->s[b->len] = '\0';
	}
}

static bool
pick_piece(void *ctx, const char *field, const char *s)
{
	(void)field;
	const char **out = ctx;
	if (s && *s && chance(25))
		*out = s;
	return false;
}

/* A needle: a piece of some posting's text (across words at times), its
 * letters' case changed now and then, or a word of the list. */
static void
needle(char *out, size_t cap)
{
	const char *s = NULL;
	if (chance(80))
		posting_each_text(post[below(NPOST)], pick_piece, &s);
	if (!s) {
		snprintf(out, cap, "%s", PICK(words));
		return;
	}
	size_t len = strlen(s), a = below(len), n = 1 + below(chance(70) ? 8 :
	                                                      24);
	while (a > 0 && ((unsigned char)s[a] & 0xC0) == 0x80)
		a--;
	if (a + n > len)
		n = len - a;
	if (n >= cap)
		n = cap - 1;
	memcpy(out, s + a, n);
	out[n] = '\0';
	for (size_t i = 0; i < n; i++)
		if (out[i] >= 'a' && out[i] <= 'z' && chance(20))
			out[i] = (char)(out[i] - 32);
}

/* A text term: a plain word when the needle allows, else quoted. */
static void
text_term(struct qbuf *b)
{
	static const char *const fields[] = {
		"title:", "org:", "loc:", "dept:", "tag:", "type:",
		"workplace.note:", "union:", "deadline:", "start:", "lang:",
		"id:", "text:", "other:", "company:",
	};
	char nd[64], q[160];
	needle(nd, sizeof(nd));
	if (chance(30))
		qadd(b, PICK(fields));
	bool plain = nd[0] != '-' && nd[0] != '\0';
	for (const char *c = nd; *c && plain; c++)
		if (strchr(" \t\n\r\f\v()|\":\\", *c) || (unsigned char)*c < 0x20)
			plain = false;
	if (plain && strcmp(nd, "or") && strcmp(nd, "and") && strcmp(nd, "not")) {
		qadd(b, nd);
		return;
	}
	size_t k = 0;
	q[k++] = '"';
	for (const char *c = nd; *c && k < sizeof(q) - 3; c++) {
		if (*c == '"' || *c == '\\')
			q[k++] = '\\';
		q[k++] = *c;
	}
	q[k++] = '"';
	q[k] = '\0';
	qadd(b, q);
}

static void
other_term(struct qbuf *b)
{
	static const char *const terms[] = {
		"salary>=60000", "salary<=40k", "salary>30/h", "salary<50000",
		"salary=45000", "experience>=3", "experience<2", "exp<=5y",
		"experience=7", "posted>=2025-06-01", "posted<2025", "posted=2024-03",
		"deadline<=2025-12-31", "deadline>today", "deadline=today",
		"is:open", "is:marked", "is:hidden", "is:new", "is:read",
		"is:closed", "is:closing", "has:salary", "has:deadline", "has:note", "has:rating",
		"rating>=3", "rating=0", "rating<2", "status:applied",
		"status:none", "status=offer", "workplace:remote",
		"workplace:on", "workplace:HYBRID", "type:exempt",
		"type:non-exempt", "type:part-time", "type:\"full time\"",
		"salary>=50000EUR", "salary<=4000000jpy", "salary>=€40k",
		"salary<60000usd", "start>=2025-01", "start:soon",
		"deadline:rolling",
	};
	qadd(b, PICK(terms));
}

static void gen_expr(struct qbuf *b, int depth);

static void
gen_unary(struct qbuf *b, int depth)
{
	if (chance(15))
		qadd(b, chance(50) ? "-" : "not ");
	if (depth < 3 && chance(15)) {
		qadd(b, "(");
		gen_expr(b, depth + 1);
		qadd(b, ")");
	} else if (chance(70)) {
		text_term(b);
	} else {
		other_term(b);
	}
}

static void
gen_expr(struct qbuf *b, int depth)
{
	size_t alts = chance(25) ? 2 + below(2) : 1;
	for (size_t a = 0; a < alts; a++) {
		if (a)
			qadd(b, chance(50) ? " or " : " | ");
		size_t terms = 1 + below(3);
		for (size_t t = 0; t < terms; t++) {
			if (t)
				qadd(b, chance(10) ? " and " : " ");
			gen_unary(b, depth);
		}
	}
}

/* ---- tests -------------------------------------------------------------- */

TestSuite(index, .init = setup, .fini = teardown, .timeout = 120);

/* Handwritten queries: every form, and the cases the index treats apart. */
static const char *const fixed[] = {
	"", "   ", "community", "COMMUNITY", "organiz", "c", "é", "É", "CAFÉ",
	"ΚΑΛΗΜΕΡΑ", "καλημερα", "σίσυφος", "ΣΊΣΥΦΟΣ", "привет", "ПРИВЕТ", "ß",
	"straße", "kelvin", "\xe2\x84\xaa" "elvin", "istanbul", "i̇stanbul",
	"ıi", "ｆｕｌｌ", "東京", "😀", "york’s", "york's", "\"york’s\"", "$60k",
	"50%", "c++", "e-mail", "http://ex.org", "a-b", "\"x:y\"", "\"dq\\\"\"",
	"back\\\\slash", "\"back\\\\slash\"", "\"or|bar\"", "\"(paren\"",
	"\"community organizing\"", "\"and the\"", "\"policy, advocate\"",
	"\" \"", "\"  \"", "\" a \"", "\"a \"", "\" a\"", "\"y o\"", "\"s n\"",
	"\"ity org\"", "\"new york\"", "\"new york’s\"", "\"trunc\xc3\"",
	"\"bad\xff\"", "\"\xef\xbf\xbd\"", "\"d - c\"", "\"o, t\"",
	"\"\"", "title:\"\"", "\"the the\"", "\"okay \"", "\"okay a\"",
	"\"big \"", "okay", "big", "\"o\xe2\x84\xaa\"", "posted=today",
	"posted<today", "deadline>=today", "deadline<=today",
	"title:director", "title:DIRECTOR", "title:\"new york\"", "org:york",
	"loc:york", "loc:\"new york\"", "dept:policy", "tag:spanish", "tag:e",
	"type:full-time", "type:time", "workplace:remote", "workplace:r",
	"workplace:onsite", "workplace.note:remote", "workplace.note:e",
	"type:exempt", "type:non-exempt", "type:\"Non Exempt\"",
	"type:part-time", "-type:exempt", "union:a", "deadline:rolling",
	"deadline:\"until filled\"", "deadline:e", "start:soon",
	"start>=2025-06", "start<2025", "salary>=50000EUR", "salary<=40keur",
	"salary>=€40k", "salary<=5000000JPY", "salary>=$60k",
	"salary>=60000usd", "salary<45000EUR -salary>=40000",
	"lang:spanish", "lang:ελληνικά", "id:job-0001", "id:ü", "id:0",
	"text:community", "other:workhours", "other:e", "company:york",
	"organization:the", "location:new", "department:a", "tags:a",
	"language:русский", "employment:part", "title:a", "org:\"a \"",
	"community organizing spanish", "community -spanish",
	"community or spanish", "community | spanish | policy",
	"(community | spanish) policy", "not (community spanish)",
	"-(a | b) c", "--community", "not not spanish", "\"and\" or \"or\"",
	"salary>=60000", "salary>=60k", "salary<=40000", "salary>20/h",
	"salary<30/hour", "salary=50000", "salary >= 60000", "-has:salary",
	"experience>=3", "experience<=2", "experience=7", "-experience>1",
	"posted>=2025-06-01", "posted<2025", "posted=2024-03", "deadline<=2025",
	"deadline>today", "deadline=today", "deadline<today", "is:open",
	"-is:open", "is:closed", "-is:closed", "is:closing", "-is:closing",
	"is:closing or is:closed", "is:closing has:salary -is:marked",
	"has:deadline", "-has:deadline", "is:marked", "is:hidden",
	"is:new", "is:read", "has:note", "has:rating", "rating>=3", "rating=0",
	"rating<2", "status:applied", "status:none", "status=offer",
	"is:marked or salary>=60000", "(is:marked | is:new) -is:hidden policy",
	"(title:director | title:manager) salary>=60000 -spanish",
	"community (rating>=4 or status:offer) -\"new york\"",
	"not (is:open and has:salary) or (deadline<2025 text:the)",
	/* two and three bytes: answered from the token lists of byte pairs
	 * and triples, also inside a character, and absent ones */
	"co", "ti", "\"or\"", "org", "loc", "東", "京", "\xe6\x9d", "xq", "zzq",
	"ca", "af", "é", "\xc3", "-r", "e-", "title:or", "org:or", "id:0",
};

Test(index, fixed_queries)
{
	struct query_index *ix = index_build(post, NPOST);
	cr_assert_eq(index_count(ix), NPOST);
	cr_assert(index_memory(ix) > 0);
	struct query_index *half = index_build(post, NPOST / 2);
	/* the index, again from its caches, none (one by one), one behind
	 * the postings; and (same_n) one ahead of them */
	struct query_index *const ixs[] = { ix, ix, NULL, half };
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		cr_assert(same_n(fixed[i], ixs, 4, NPOST), "does not parse: %s",
		          fixed[i]);
	index_free(half);
	index_free(ix);
	cr_assert(nonempty > checked / 2, "%zu of %zu nonempty", nonempty,
	          checked);
}

Test(index, generated_queries)
{
	struct query_index *ix = index_build(post, NPOST);
	size_t parsed = 0;
	for (int i = 0; i < 400; i++) {
		struct qbuf b = { .len = 0 };
		b.s[0] = '\0';
		gen_expr(&b, 0);
		struct query_index *const ixs[] = { ix, NULL };
		if (same_n(b.s, ixs, i % 4 ? 1 : 2, NPOST))
			parsed++;
	}
	cr_assert(parsed > 360, "only %zu of 400 parsed", parsed);
	cr_assert(nonempty > checked / 4, "%zu of %zu nonempty", nonempty,
	          checked);
	index_free(ix);
}

/* Typing and erasing one character at a time reuses and narrows cached
 * answers; every step must still be exact. */
Test(index, typed_one_char_at_a_time)
{
	static const char *const typed[] = {
		"community organizing spanish", "title:director loc:york",
		"salary>=60000", "\"community organizing\" spanish",
		"ΚΑΛΗΜΕΡΑ café -policy", "org:york or tag:spanish",
		"york’s ελληνικά", "organizer organize organizing",
	};
	struct query_index *ix = index_build(post, NPOST);
	for (size_t t = 0; t < sizeof(typed) / sizeof(typed[0]); t++) {
		const char *s = typed[t];
		size_t len = strlen(s);
		char buf[128];
		for (int pass = 0; pass < (t < 2 ? 2 : 1); pass++)
			for (size_t k = 1; k <= 2 * len; k++) {
				size_t at = k <= len ? k : 2 * len - k;
				memcpy(buf, s, at);
				buf[at] = '\0';
				same(buf, ix, NPOST);
			}
	}
	/* many distinct needles: the caches evict and must stay right */
	for (int i = 0; i < 60; i++) {
		char nd[64], q[80];
		needle(nd, sizeof(nd));
		if (strchr(nd, '"') || strchr(nd, '\\'))
			continue;
		for (size_t k = 1; k <= strlen(nd); k++) {
			snprintf(q, sizeof(q), "\"%.*s\"", (int)k, nd);
			same(q, ix, NPOST);
		}
	}
	index_free(ix);
}

/* An index grown in steps answers as one built at once, and so does one
 * that has not caught up with the postings yet. */
Test(index, extended_in_steps)
{
	static const size_t steps[] = { 0, 1, 63, 64, 65, 700, 1499, NPOST };
	struct query_index *whole = index_build(post, NPOST);
	struct query_index *ix = index_build(post, 0);
	cr_assert_eq(index_count(ix), 0);
	for (size_t s = 0; s < sizeof(steps) / sizeof(steps[0]); s++) {
		index_extend(ix, post, steps[s]);
		cr_assert_eq(index_count(ix), steps[s]);
		for (size_t i = 0; i < 25; i++) {
			const char *q = fixed[(s * 37 + i * 11) %
			                      (sizeof(fixed) / sizeof(fixed[0]))];
			same(q, ix, NPOST);      /* the rest one by one */
			same(q, ix, steps[s]);   /* only what is indexed */
		}
	}
	index_extend(ix, post, NPOST / 2); /* nothing to add: still right */
	cr_assert_eq(index_count(ix), NPOST);
	struct query_index *const ixs[] = { ix, whole };
	for (size_t i = 0; i < sizeof(fixed) / sizeof(fixed[0]); i++)
		same_n(fixed[i], ixs, 2, NPOST);
	index_free(ix);
	index_free(whole);
	index_free(NULL);
}

/* An empty set of postings. */
Test(index, no_postings)
{
	struct query_index *ix = index_build(post, 0);
	struct query *q = query_parse("community", NULL);
	cr_assert_eq(query_select(q, ix, post, 0, &env, got), 0);
	cr_assert_eq(query_select(q, NULL, post, 0, &env, got), 0);
	query_free(q);
	index_free(ix);
}

/* The enumerated fields, the text of deadlines and starts, and salaries
 * in other currencies (converted by the rates, or not at all): each
 * answers some postings and not all, the index as query_match does. */
Test(index, values_and_currencies)
{
	static const char *const qs[] = {
		"workplace:remote", "workplace.note:remote", "type:exempt",
		"type:non-exempt", "type:part-time", "deadline:rolling",
		"start:soon", "start>=2025-06", "salary>=50000EUR",
		"salary>=60000", "salary<=5000000JPY",
	};
	struct query_index *ix = index_build(post, NPOST);
	for (size_t k = 0; k < sizeof(qs) / sizeof(qs[0]); k++) {
		cr_assert(same(qs[k], ix, NPOST), "%s", qs[k]);
		struct query *q = query_parse(qs[k], NULL);
		size_t m = 0;
		for (size_t i = 0; i < NPOST; i++)
			m += query_match(q, post[i], &env);
		query_free(q);
		cr_assert(m > 0 && m < NPOST, "%s matches %zu", qs[k], m);
	}
	/* a euro salary meets a dollar bound through the rate; yen never */
	struct query *q = query_parse("salary>=60000", NULL);
	size_t eur = 0, jpy = 0;
	for (size_t i = 0; i < NPOST; i++)
		if (query_match(q, post[i], &env)) {
			eur += !strcmp(post[i]->salary.currency, "EUR");
			jpy += !strcmp(post[i]->salary.currency, "JPY");
		}
	cr_assert_gt(eur, 0);
	cr_assert_eq(jpy, 0);
	query_free(q);
	/* an onsite posting whose note says remote is not workplace:remote */
	q = query_parse("workplace:remote workplace.note:remote", NULL);
	for (size_t i = 0; i < NPOST; i++)
		if (query_match(q, post[i], &env))
			cr_assert_eq(post[i]->workplace, WP_REMOTE);
	query_free(q);
	index_free(ix);
}
