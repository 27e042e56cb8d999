/* SPDX-License-Identifier: MIT */
#include "compare.h"
#include "catalog.h"
#include "deadline.h"
#include "load.h"

#include <criterion/criterion.h>
#include <ctype.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- helpers ---- */

#define NELEM(a) (sizeof(a) / sizeof((a)[0]))
/* A struct strlist literal over string literals. */
#define LIST(...)                                                            \
	((struct strlist){(const char *[]){__VA_ARGS__},                     \
	                  NELEM(((const char *[]){__VA_ARGS__}))})
#define ARRAY_LIST(a) ((struct strlist){(a), NELEM(a)})

/* An empty posting with an id and a title. */
static struct posting
mk(const char *id, const char *title)
{
	struct posting p = {0};
	p.id = id;
	p.title = title;
	p.experience.min_years = -1;
	p.experience.max_years = -1;
	return p;
}

/* Builds a table of n postings, asserting success. */
static void
build(struct cmp_table *t, const struct posting **p, size_t n)
{
	int rc = compare_build((const struct posting *const *)p, n, t);
	cr_assert_eq(rc, 0, "compare_build failed");
	cr_assert_eq(t->n, n);
}

static void
build2(struct cmp_table *t, const struct posting *a, const struct posting *b)
{
	const struct posting *p[2] = {a, b};
	build(t, p, 2);
}

/* Index of the heading row of a section, or -1. */
static long
heading(const struct cmp_table *t, const char *label)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (t->rows[r].kind == CMP_HEADING && !t->rows[r].group &&
		    !strcmp(t->rows[r].label, label))
			return (long)r;
	return -1;
}

/* How many item rows a section has (the rows after its heading). */
static size_t
nitems(const struct cmp_table *t, const char *label)
{
	long h = heading(t, label);
	if (h < 0)
		return 0;
	size_t k = 0;
	for (size_t r = (size_t)h + 1; r < t->nrows; r++) {
		if (t->rows[r].kind == CMP_HEADING && !t->rows[r].group)
			break;
		if (t->rows[r].kind == CMP_ITEM)
			k++;
	}
	return k;
}

/* The k-th item row of a section. */
static const struct cmp_row *
item(const struct cmp_table *t, const char *label, size_t k)
{
	long h = heading(t, label);
	cr_assert_geq(h, 0, "no section %s", label);
	for (size_t r = (size_t)h + 1; r < t->nrows; r++) {
		if (t->rows[r].kind == CMP_HEADING && !t->rows[r].group)
			break;
		if (t->rows[r].kind == CMP_ITEM && k-- == 0)
			return &t->rows[r];
	}
	cr_assert_fail("section %s has too few items", label);
	return NULL;
}

/* The item row of a section whose cell i is text, or NULL. */
static const struct cmp_row *
find_item(const struct cmp_table *t, const char *label, size_t i,
          const char *text)
{
	size_t n = nitems(t, label);
	for (size_t k = 0; k < n; k++) {
		const struct cmp_row *r = item(t, label, k);
		if (r->cell[i] && !strcmp(r->cell[i], text))
			return r;
	}
	return NULL;
}

/* The field row with this label, or NULL. */
static const struct cmp_row *
field(const struct cmp_table *t, const char *label)
{
	for (size_t r = 0; r < t->nrows; r++)
		if (t->rows[r].kind == CMP_FIELD && !strcmp(t->rows[r].label, label))
			return &t->rows[r];
	return NULL;
}

/* Asserts that cell i of a row is want (NULL for none). */
static void
check_cell(const struct cmp_row *r, size_t i, const char *want)
{
	cr_assert_not_null(r);
	if (!want)
		cr_assert_null(r->cell[i], "cell %zu: want none, got \"%s\"", i,
		               r->cell[i]);
	else {
		cr_assert_not_null(r->cell[i], "cell %zu: want \"%s\", got none",
		                   i, want);
		cr_assert_str_eq(r->cell[i], want);
	}
}

/* Text output as a fresh string (caller frees). */
static char *
text_of(const struct cmp_table *t, int width)
{
	struct buf b = {0};
	compare_print_text(&b, t, width);
	return buf_steal(&b);
}

/* Asserts every line of s is at most width display columns. */
static void
check_widths(const char *s, int width)
{
	int lines = 0;
	while (*s) {
		const char *nl = strchr(s, '\n');
		cr_assert_not_null(nl, "output does not end in a newline");
		size_t w = text_width(s, (size_t)(nl - s));
		cr_assert_leq(w, (size_t)width, "line %d is %zu columns > %d: %.*s",
		              lines + 1, w, width, (int)(nl - s), s);
		lines++;
		s = nl + 1;
	}
	cr_assert_gt(lines, 0);
}

/* The line of s containing needle, as a fresh string, or NULL. */
static char *
line_with(const char *s, const char *needle)
{
	const char *hit = strstr(s, needle);
	if (!hit)
		return NULL;
	const char *start = hit;
	while (start > s && start[-1] != '\n')
		start--;
	const char *end = strchr(hit, '\n');
	size_t len = end ? (size_t)(end - start) : strlen(start);
	char *l = malloc(len + 1);
	memcpy(l, start, len);
	l[len] = '\0';
	return l;
}

/* ---- the sample postings' lists, exactly as in the seeds ---- */

static const char *aclu_quals[] = {
	"A demonstrated commitment to the cause of civil liberties and civil rights, including immigrants’ rights, policing, and criminal justice issues.",
	"At least 2 years of organizing, campaign, and/or advocacy experience; individuals with more than three years of experience are encouraged to apply.",
	"Experience implementing a successful grassroots and/or legislative advocacy campaign at the school district, city/county, state and/or federal level.",
	"Experience planning and facilitating workshops, trainings, meetings, and other community events.",
	"Experience developing and implementing organizing and/or policy campaigns to make reforms.",
	"Experience using social media and developing educational materials, including creating graphics.",
	"Experience working effectively with coalitions and building coalitions.",
	"Excellent communication skills: written and verbal.",
	"Excellent time-management and organizational skills.",
	"Flexible team player and also comfortable working independently and taking initiative.",
	"Ability to participate in, create and sustain inclusive and engaging spaces for all races/ethnicities, genders, ages, classes, and geographies.",
	"Familiarity with Kern County, the Central Valley, or similar communities.",
	"Bilingual Spanish preferred.",
};

static const char *nyic_quals[] = {
	"At least 5-10 years of relevant experience preferred, ideally with a Buffalo or Rochester based organization",
	"Knowledge of and commitment to social justice and immigrant justice as well as the regions diverse immigrant communities",
	"Experience collaborating with multiple, diverse partners",
	"Experience with community organizing and/or policy advocacy is an asset",
	"Excellent interpersonal skills, strong communication skills, and comfort with public speaking and meeting facilitation",
	"Ability to operate in a fast-paced environment and juggle multiple tasks",
	"Proficiency in Spanish or another language spoken in immigrant communities in the region is strongly preferred",
	"Drivers license and access to a reliable vehicle is necessary",
	"Good team player, comfortable taking initiative, and ability to adapt as necessary to changing circumstances",
	"Availability to work evenings and weekends as needed.",
};

static const char *aclu_resp[] = {
	"Plan and execute grassroots and policy advocacy campaigns to effect changes at the local and state levels through legislation, changes in government policy and ballot measures, with a focus on immigrants’ rights and policing or criminal justice in Kern County.",
	"Develop strategy and lead field organizing activities for policy campaigns.",
	"Develop advocacy letters and recruit diverse and powerful allies to sign on to letters.",
	"Develop advocacy materials including fact sheets, toolkits, action alerts, blog posts, and social media content.",
	"Establish and cultivate collaborative relationships with community partners, coalitions, stakeholders, and ACLU members, to strengthen collaboration, and to support and engage in the ACLU SoCal and ACLU of CA’s work in this area, as well as other ACLU priority campaigns.",
	"Build, facilitate and participate in coalitions, and attend and actively participate in community partner meetings and coalitions that focus on Project Area issues.",
	"Organize, lead and participate in community education events, rallies and meetings.",
	"Serve as a press spokesperson for the ACLU SoCal and as a public speaker on Project issues and related topics.",
	"Organize and attend lobbying visits with state and local officials and provide testimony to administrative agencies and governing bodies, and develop and cultivate relationships with lawmakers and decision-makers to advance organizing and policy advocacy objectives.",
	"Provide trainings for community members and coalition partners on how to conduct policy advocacy with decision makers.",
	"Develop fact sheets, advocacy materials, toolkits, action alerts, op-eds, blog posts, and social media content.",
	"Provide technical support and strategic leadership to community groups, advocates and organizers in the region.",
	"Help identify and tell compelling human stories to center the experiences of communities impacted by civil and human rights abuses.",
	"Support the ACLU SoCal’s base building, volunteer leadership development, and voter education work, as needed.",
	"Provide administrative support to the Kern County office.",
	"Assist with client communication and intakes.",
	"Provide logistical support for meetings, both in and out of the office, and policy advocacy efforts, including helping to organize the ACLU’s involvement in coalitions and coordinated policy advocacy efforts.",
	"Attend community meetings.",
	"Manage and maintain various databases through data entry, generating reports, etc.",
	"Occasional work evenings and weekends.",
	"Occasional travel throughout the region and other parts of the state.",
	"Other duties, as needed and assigned.",
};

static const char *nyic_resp[] = {
	"Leads effort in engaging NYIC member organizations in the Upstate Region  to play leadership role in effective advocacy and organizing around campaigns.",
	"Leads engagement with NYIC member organizations in local convenings across the state.",
	"Develop and strengthen relationships with NYIC member organizations and other immigrant-led and immigrant-serving organizations as well as identifying non-traditional partners and allies across the region",
	"Coordinate and mobilize member agencies and coalition partners around local, state, and federal advocacy campaigns, as well as rapid response work as necessary",
	"Serve as spokesperson for the NYIC in the region, including in the media and through public speaking and regular meetings with community leaders, policy makers, and thought leaders",
	"Plan and organize events including rallies, actions, convenings, trainings, and community forums",
	"Forge relationships with policy makers in the region, including elected officials and other key government staff, and serve as the NYIC expert in the regional landscape",
	"Build and maintain relationships with media covering the region, including local, ethnic, and mainstream outlets, and utilize traditional and digital media to promote advocacy goals, in consultation with NYIC communications team.",
	"Supervise a team of at least 5 staff and multiple fellows, interns, and volunteers.",
};

/* The two sample postings with their lists. */
static void
samples(struct posting *a, struct posting *b)
{
	*a = mk("aclu-socal-kern-policy-advocate", "Policy Advocate and Organizer");
	a->qualifications = ARRAY_LIST(aclu_quals);
	a->responsibilities = ARRAY_LIST(aclu_resp);
	a->salary = (struct salary){.present = true, .min = 62400, .max = 67000,
	                            .currency = "USD"};
	*b = mk("nyic-upstate-director-advocacy", "Upstate Director of Advocacy");
	b->qualifications = ARRAY_LIST(nyic_quals);
	b->responsibilities = ARRAY_LIST(nyic_resp);
}

#define BILINGUAL "Bilingual Spanish preferred."
#define PROFICIENCY nyic_quals[6]
#define FLEXIBLE aclu_quals[9]
#define GOOD_TEAM nyic_quals[8]

/* ---- words and similarity ---- */

static void
check_words(const char *s, const char *want)
{
	struct buf b = {0};
	compare_words(&b, s);
	cr_assert_str_eq(b.s ? b.s : "", want, "words of \"%s\"", s);
	buf_free(&b);
}

Test(words, fold_punctuation_stop_words)
{
	check_words("The TEAM, and the Player!", "team play");
	check_words("of the and to in is", "");
	check_words("", "");
	check_words("a b c x", ""); /* one-letter words dropped */
	check_words("immigrants’ rights", "immigr right");
	check_words("Ünïcode WÖRDS", "ünïcod wörd");
}

Test(words, stemming_merges_forms)
{
	check_words("organize organizing organizer organization organizes",
	            "organiz organiz organiz organiz organiz");
	check_words("communities community", "commun commun");
	check_words("preferred prefers prefer", "pref pref pref");
	check_words("taking take takes", "tak tak tak");
	check_words("independently independent independence",
	            "independ independ independ");
	check_words("planning planned plans", "plan plan plan");
	check_words("experience experienced experiences",
	            "experi experi experi");
	check_words("management manage managing", "manag manag manag");
	check_words("happiness effectively", "happi effect");
	/* short words and -ss, -us, -is endings are kept */
	check_words("bus gas class status analysis", "bus gas class status analysis");
}

Test(similarity, bounds)
{
	cr_assert_float_eq(compare_similarity("Write grant reports",
	                                      "write GRANT reports."), 1.0, 1e-9);
	cr_assert_float_eq(compare_similarity("Team player", "The team-player!"),
	                   1.0, 1e-9);
	cr_assert_float_eq(compare_similarity("Write grant reports",
	                                      "Drive a forklift"), 0.0, 1e-9);
	cr_assert_float_eq(compare_similarity("the and of", "Drive a forklift"),
	                   0.0, 1e-9);
	cr_assert_float_eq(compare_similarity("", ""), 1.0, 1e-9);
	double s = compare_similarity("alpha beta gamma", "alpha beta delta");
	cr_assert_float_eq(s, 2.0 / 3.0, 1e-9, "got %f", s);
	/* symmetric */
	cr_assert_float_eq(compare_similarity(BILINGUAL, PROFICIENCY),
	                   compare_similarity(PROFICIENCY, BILINGUAL), 1e-12);
}

Test(similarity, measure_is_weighted_cosine)
{
	/* uniform weights: |A∩B| / sqrt(|A||B|) */
	cr_assert_float_eq(compare_similarity("alpha beta gamma delta",
	                                      "alpha epsilon"),
	                   1.0 / sqrt(8.0), 1e-9);
	/* with a corpus, w = ln(1 + N/df): "alpha" in all 4 texts, the rest in
	 * one each */
	const char *corpus[] = {"alpha beta", "alpha gamma", "alpha delta",
	                        "alpha epsilon"};
	double lo = log(1.0 + 4.0 / 4.0), hi = log(1.0 + 4.0 / 1.0);
	double s = compare_similarity_in(corpus[0], corpus[1], corpus, 4);
	cr_assert_float_eq(s, lo / (lo + hi), 1e-9, "got %f", s);
}

Test(similarity, threshold)
{
	cr_assert_float_eq(CMP_THRESHOLD, 0.25, 1e-12);
	/* uniform: one shared word of four each is exactly on the threshold,
	 * of five each below it */
	cr_assert_geq(compare_similarity("alpha beta gamma delta",
	                                 "alpha epsilon zeta theta"),
	              CMP_THRESHOLD - 1e-12);
	cr_assert_lt(compare_similarity("alpha beta gamma delta kappa",
	                                "alpha epsilon zeta theta iota"),
	             CMP_THRESHOLD);

	/* in alignment: two items sharing one of two words pair; sharing one
	 * of three words does not (the shared word weighs ln 2, the others
	 * ln 3: 0.39 and 0.24) */
	struct posting a = mk("a", "A"), b = mk("b", "B");
	a.responsibilities = LIST("Mentor interns");
	b.responsibilities = LIST("Mentor volunteers");
	struct cmp_table t;
	build2(&t, &a, &b);
	cr_assert_eq(nitems(&t, "Responsibilities"), 1);
	compare_free(&t);

	a.responsibilities = LIST("Mentor summer interns");
	b.responsibilities = LIST("Mentor weekend volunteers");
	build2(&t, &a, &b);
	cr_assert_eq(nitems(&t, "Responsibilities"), 2);
	cr_assert(item(&t, "Responsibilities", 0)->unique);
	cr_assert(item(&t, "Responsibilities", 1)->unique);
	compare_free(&t);
}

/* Japanese, Chinese and Korean items: written without spaces (or with
 * particles joined to words), their runs are read as pairs of characters,
 * so that two similar items share words and pair, and unlike ones do not */
Test(similarity, cjk_items_pair)
{
	cr_assert_gt(compare_similarity("地域の組織化の経験が2年以上あること",
	                                "地域での組織化の経験が5年以上あること"),
	             0.5);
	cr_assert_gt(compare_similarity("具有两年以上社区组织经验",
	                                "具有五年以上相关工作经验"),
	             CMP_THRESHOLD);
	cr_assert_gt(compare_similarity("지역 조직 경험이 2년 이상",
	                                "지역 조직 경험을 5년 이상"),
	             CMP_THRESHOLD);
	cr_assert_lt(compare_similarity("地域の組織化の経験", "運転免許証を持つ"),
	             CMP_THRESHOLD);
	/* in alignment: each item joins the one it resembles, whatever its
	 * position */
	struct posting a = mk("a", "A"), b = mk("b", "B");
	a.qualifications = LIST("地域の組織化の経験が2年以上あること",
	                        "スペイン語を話せること",
	                        "運転免許証を持っていること");
	b.qualifications = LIST("有効な運転免許証を持っていること",
	                        "地域での組織化の経験が5年以上あること");
	struct cmp_table t;
	build2(&t, &a, &b);
	cr_assert_eq(nitems(&t, "Qualifications"), 3);
	check_cell(item(&t, "Qualifications", 0), 1,
	           "地域での組織化の経験が5年以上あること");
	check_cell(item(&t, "Qualifications", 1), 1, NULL);
	check_cell(item(&t, "Qualifications", 2), 1,
	           "有効な運転免許証を持っていること");
	compare_free(&t);
}

Test(similarity, sample_pairs_score_above_threshold)
{
	const char *corpus[NELEM(aclu_quals) + NELEM(nyic_quals)];
	size_t n = 0;
	for (size_t i = 0; i < NELEM(aclu_quals); i++)
		corpus[n++] = aclu_quals[i];
	for (size_t i = 0; i < NELEM(nyic_quals); i++)
		corpus[n++] = nyic_quals[i];
	double s1 = compare_similarity_in(BILINGUAL, PROFICIENCY, corpus, n);
	double s2 = compare_similarity_in(FLEXIBLE, GOOD_TEAM, corpus, n);
	cr_assert_geq(s1, CMP_THRESHOLD, "spanish pair %f", s1);
	cr_assert_geq(s2, CMP_THRESHOLD, "team pair %f", s2);

	/* one shared common word stays below: two "Experience ..." items */
	double f1 = compare_similarity_in(aclu_quals[6], nyic_quals[2], corpus, n);
	double f2 = compare_similarity_in(aclu_quals[5], nyic_quals[3], corpus, n);
	cr_assert_lt(f1, CMP_THRESHOLD, "%f", f1);
	cr_assert_lt(f2, CMP_THRESHOLD, "%f", f2);
	/* "Bilingual Spanish preferred" against the other "preferred" item */
	double f3 = compare_similarity_in(BILINGUAL, nyic_quals[0], corpus, n);
	cr_assert_lt(f3, CMP_THRESHOLD, "%f", f3);
	/* IDF matters: with equal weights the "Experience" pair would score
	 * higher than it does among the sample items */
	cr_assert_gt(compare_similarity(aclu_quals[6], nyic_quals[2]), f1);
}

/* ---- alignment on made-up lists ---- */

Test(align, identical_items)
{
	struct posting a = mk("a", "A"), b = mk("b", "B");
	a.responsibilities = LIST("Write grant reports", "Manage the budget",
	                          "Recruit volunteers");
	b.responsibilities = a.responsibilities;
	struct cmp_table t;
	build2(&t, &a, &b);
	cr_assert_eq(nitems(&t, "Responsibilities"), 3);
	for (size_t k = 0; k < 3; k++) {
		const struct cmp_row *r = item(&t, "Responsibilities", k);
		check_cell(r, 0, a.responsibilities.v[k]);
		check_cell(r, 1, a.responsibilities.v[k]);
		cr_assert(!r->differs);
		cr_assert(!r->unique);
		cr_assert_eq(compare_marker(r), ' ');
	}
	compare_free(&t);
}

Test(align, reordered_items_follow_first)
{
	struct posting a = mk("a", "A"), b = mk("b", "B");
	a.responsibilities = LIST("Write grant reports", "Manage the budget",
	                          "Recruit volunteers");
	b.responsibilities = LIST("Recruit volunteers", "Write grant reports",
	                          "Manage the budget");
	struct cmp_table t;
	build2(&t, &a, &b);
	cr_assert_eq(nitems(&t, "Responsibilities"), 3);
	for (size_t k = 0; k < 3; k++) {
		const struct cmp_row *r = item(&t, "Responsibilities", k);
		check_cell(r, 0, a.responsibilities.v[k]);
		check_cell(r, 1, a.responsibilities.v[k]);
	}
	compare_free(&t);
}

Test(align, near_duplicates)
{
	struct posting a = mk("a", "A"), b = mk("b", "B");
	a.responsibilities = LIST("Manage the office budget",
	                          "Recruit and train new volunteers",
	                          "Drive the delivery van");
	b.responsibilities = LIST("Train and recruit volunteers.",
	                          "Managing office budgets",
	                          "Answer the phones");
	struct cmp_table t;
	build2(&t, &a, &b);
	cr_assert_eq(nitems(&t, "Responsibilities"), 4);
	check_cell(item(&t, "Responsibilities", 0), 1, "Managing office budgets");
	check_cell(item(&t, "Responsibilities", 1), 1,
	           "Train and recruit volunteers.");
	const struct cmp_row *van = item(&t, "Responsibilities", 2);
	check_cell(van, 0, "Drive the delivery van");
	check_cell(van, 1, NULL);
	cr_assert(van->unique && van->differs);
	cr_assert_eq(compare_marker(van), CMP_MARK_UNIQUE);
	const struct cmp_row *ph = item(&t, "Responsibilities", 3);
	check_cell(ph, 0, NULL);
	check_cell(ph, 1, "Answer the phones");
	cr_assert(ph->unique);
	compare_free(&t);
}

Test(align, no_overlap)
{
	struct posting a = mk("a", "A"), b = mk("b", "B");
	a.benefits = LIST("Dental insurance", "Paid parental leave");
	b.benefits = LIST("Free parking", "Gym membership");
	struct cmp_table t;
	build2(&t, &a, &b);
	cr_assert_eq(nitems(&t, "Benefits"), 4);
	check_cell(item(&t, "Benefits", 0), 0, "Dental insurance");
	check_cell(item(&t, "Benefits", 1), 0, "Paid parental leave");
	check_cell(item(&t, "Benefits", 2), 1, "Free parking");
	check_cell(item(&t, "Benefits", 3), 1, "Gym membership");
	for (size_t k = 0; k < 4; k++) {
		const struct cmp_row *r = item(&t, "Benefits", k);
		cr_assert(r->unique);
		cr_assert_eq(!r->cell[0] + !r->cell[1], 1);
	}
	compare_free(&t);
}

Test(align, one_list_empty)
{
	struct posting a = mk("a", "A"), b = mk("b", "B");
	a.conditions = LIST("Background check", "Valid driver's license");
	struct cmp_table t;
	build2(&t, &a, &b);
	cr_assert_eq(nitems(&t, "Conditions"), 2);
	for (size_t k = 0; k < 2; k++) {
		check_cell(item(&t, "Conditions", k), 1, NULL);
		cr_assert(item(&t, "Conditions", k)->unique);
	}
	compare_free(&t);

	/* the other way round: the rows come from the second posting */
	build2(&t, &b, &a);
	cr_assert_eq(nitems(&t, "Conditions"), 2);
	check_cell(item(&t, "Conditions", 0), 0, NULL);
	check_cell(item(&t, "Conditions", 0), 1, "Background check");
	compare_free(&t);

	/* neither has one: no heading */
	build2(&t, &b, &b);
	cr_assert_eq(heading(&t, "Conditions"), -1);
	cr_assert_eq(heading(&t, "Responsibilities"), -1);
	compare_free(&t);
}

Test(align, one_to_one)
{
	struct posting a = mk("a", "A"), b = mk("b", "B");
	a.responsibilities = LIST("Write grant reports");
	b.responsibilities = LIST("Write grant reports.", "Write the grant reports");
	struct cmp_table t;
	build2(&t, &a, &b);
	cr_assert_eq(nitems(&t, "Responsibilities"), 2);
	check_cell(item(&t, "Responsibilities", 0), 1, "Write grant reports.");
	check_cell(item(&t, "Responsibilities", 1), 0, NULL);
	check_cell(item(&t, "Responsibilities", 1), 1, "Write the grant reports");
	cr_assert(item(&t, "Responsibilities", 1)->unique);
	compare_free(&t);

	/* two of the first posting compete for one: the first in order wins
	 * the tie */
	build2(&t, &b, &a);
	cr_assert_eq(nitems(&t, "Responsibilities"), 2);
	check_cell(item(&t, "Responsibilities", 0), 1, "Write grant reports");
	check_cell(item(&t, "Responsibilities", 1), 1, NULL);
	compare_free(&t);
}

Test(align, best_pairs_first)
{
	/* the second item of the first posting is the better partner, so it
	 * gets the only item even though the first row comes first */
	struct posting a = mk("a", "A"), b = mk("b", "B");
	a.responsibilities = LIST("Write grant reports",
	                          "Write grant reports for foundations");
	b.responsibilities = LIST("Write grant reports for private foundations");
	struct cmp_table t;
	build2(&t, &a, &b);
	cr_assert_eq(nitems(&t, "Responsibilities"), 2);
	check_cell(item(&t, "Responsibilities", 0), 1, NULL);
	check_cell(item(&t, "Responsibilities", 1), 1,
	           "Write grant reports for private foundations");
	compare_free(&t);
}

/* Every item of every posting appears exactly once in the section, in
 * its own column; no pair left unmatched scores at or above the
 * threshold; every matched pair does. */
static void
check_matching(const struct cmp_table *t, const char *label,
               const struct strlist *l0, const struct strlist *l1)
{
	const struct strlist *l[2] = {l0, l1};
	for (size_t i = 0; i < 2; i++)
		for (size_t k = 0; k < l[i]->n; k++) {
			size_t seen = 0;
			for (size_t q = 0; q < nitems(t, label); q++) {
				const struct cmp_row *r = item(t, label, q);
				seen += r->cell[i] && !strcmp(r->cell[i], l[i]->v[k]);
			}
			cr_assert_eq(seen, 1, "item %zu.%zu appears %zu times", i, k,
			             seen);
		}
	const char **corpus = malloc((l0->n + l1->n) * sizeof *corpus);
	for (size_t k = 0; k < l0->n; k++)
		corpus[k] = l0->v[k];
	for (size_t k = 0; k < l1->n; k++)
		corpus[l0->n + k] = l1->v[k];
	size_t n = nitems(t, label);
	for (size_t q = 0; q < n; q++) {
		const struct cmp_row *r = item(t, label, q);
		if (r->cell[0] && r->cell[1]) {
			double s = compare_similarity_in(r->cell[0], r->cell[1], corpus,
			                                 l0->n + l1->n);
			cr_assert_geq(s, CMP_THRESHOLD, "pair below threshold: %s | %s",
			              r->cell[0], r->cell[1]);
			continue;
		}
		if (!r->cell[0])
			continue;
		for (size_t u = 0; u < n; u++) {
			const struct cmp_row *o = item(t, label, u);
			if (o->cell[0] || !o->cell[1])
				continue;
			double s = compare_similarity_in(r->cell[0], o->cell[1], corpus,
			                                 l0->n + l1->n);
			cr_assert_lt(s, CMP_THRESHOLD, "unmatched pair %f: %s | %s", s,
			             r->cell[0], o->cell[1]);
		}
	}
	free(corpus);
}

/* ---- the sample postings ---- */

Test(samples, required_pairs_in_crossing_positions)
{
	struct posting a, b;
	samples(&a, &b);
	/* the pairs stand in crossing positions: ACLU has the team player
	 * (9) before Spanish (12), NYIC Spanish (6) before the team player (8) */
	cr_assert_str_eq(aclu_quals[12], BILINGUAL);
	cr_assert_str_eq(aclu_quals[9], FLEXIBLE);
	struct cmp_table t;
	build2(&t, &a, &b);
	const struct cmp_row *r = find_item(&t, "Qualifications", 0, BILINGUAL);
	cr_assert_not_null(r);
	check_cell(r, 1, PROFICIENCY);
	cr_assert(!r->unique);
	r = find_item(&t, "Qualifications", 0, FLEXIBLE);
	check_cell(r, 1, GOOD_TEAM);
	check_matching(&t, "Qualifications", &a.qualifications, &b.qualifications);
	check_matching(&t, "Responsibilities", &a.responsibilities,
	               &b.responsibilities);
	/* rows follow the first posting's order */
	for (size_t k = 0; k < NELEM(aclu_quals); k++)
		check_cell(item(&t, "Qualifications", k), 0, aclu_quals[k]);
	compare_free(&t);

	/* the other way round too */
	build2(&t, &b, &a);
	check_cell(find_item(&t, "Qualifications", 0, PROFICIENCY), 1, BILINGUAL);
	check_cell(find_item(&t, "Qualifications", 0, GOOD_TEAM), 1, FLEXIBLE);
	check_matching(&t, "Qualifications", &b.qualifications, &a.qualifications);
	compare_free(&t);
}

Test(samples, required_pairs_among_few_items)
{
	struct posting a = mk("a", "A"), b = mk("b", "B");
	a.qualifications = LIST(aclu_quals[6], FLEXIBLE, aclu_quals[8], BILINGUAL);
	b.qualifications = LIST(PROFICIENCY, nyic_quals[7], GOOD_TEAM,
	                        nyic_quals[2]);
	struct cmp_table t;
	build2(&t, &a, &b);
	check_cell(find_item(&t, "Qualifications", 0, BILINGUAL), 1, PROFICIENCY);
	check_cell(find_item(&t, "Qualifications", 0, FLEXIBLE), 1, GOOD_TEAM);
	/* "Experience working effectively with coalitions" and "Experience
	 * collaborating with multiple, diverse partners" share only a common
	 * word */
	check_cell(find_item(&t, "Qualifications", 0, aclu_quals[6]), 1, NULL);
	check_matching(&t, "Qualifications", &a.qualifications, &b.qualifications);
	compare_free(&t);
}

Test(samples, plausible_false_pairs_do_not_pair)
{
	struct posting a, b;
	samples(&a, &b);
	struct cmp_table t;
	build2(&t, &a, &b);
	/* the "Excellent ... skills" items: communication pairs with the one
	 * that names communication; time management stays alone */
	check_cell(find_item(&t, "Qualifications", 0, aclu_quals[7]), 1,
	           nyic_quals[4]);
	check_cell(find_item(&t, "Qualifications", 0, aclu_quals[8]), 1, NULL);
	/* two "Ability to ..." items */
	check_cell(find_item(&t, "Qualifications", 0, aclu_quals[10]), 1, NULL);
	/* two "Experience ..." items sharing only that word */
	check_cell(find_item(&t, "Qualifications", 0, aclu_quals[6]), 1, NULL);
	check_cell(find_item(&t, "Qualifications", 0, aclu_quals[5]), 1, NULL);
	/* "Familiarity with ... communities" vs the immigrant communities one */
	check_cell(find_item(&t, "Qualifications", 0, aclu_quals[11]), 1, NULL);
	/* the spokesperson items pair; "Attend community meetings" does not
	 * take the spokesperson item although it shares two of its words */
	check_cell(find_item(&t, "Responsibilities", 0, aclu_resp[7]), 1,
	           nyic_resp[4]);
	check_cell(find_item(&t, "Responsibilities", 0, aclu_resp[17]), 1, NULL);
	check_cell(find_item(&t, "Responsibilities", 0, aclu_resp[6]), 1,
	           nyic_resp[5]);
	/* supervising a team is not being a team player */
	cr_assert_not_null(find_item(&t, "Responsibilities", 1, nyic_resp[8]));
	cr_assert(find_item(&t, "Responsibilities", 1, nyic_resp[8])->unique);
	compare_free(&t);
}

/* ---- three and four postings ---- */

Test(align, later_leftovers_pair_with_earlier_leftovers)
{
	struct posting a = mk("a", "A"), b = mk("b", "B"), c = mk("c", "C"),
	               d = mk("d", "D");
	a.responsibilities = LIST("Write grant reports");
	b.responsibilities = LIST("Answer the phones", "Write grant reports");
	c.responsibilities = LIST("Answering phones", "Drive the van");
	d.responsibilities = LIST("Drive the van", "Write the grant reports");
	const struct posting *p[4] = {&a, &b, &c, &d};
	struct cmp_table t;
	build(&t, p, 4);
	cr_assert_eq(nitems(&t, "Responsibilities"), 3);
	const struct cmp_row *r = item(&t, "Responsibilities", 0);
	check_cell(r, 0, "Write grant reports");
	check_cell(r, 1, "Write grant reports");
	check_cell(r, 2, NULL);
	check_cell(r, 3, "Write the grant reports");
	cr_assert(r->differs && !r->unique);
	cr_assert_eq(compare_marker(r), CMP_MARK_DIFFERS);
	r = item(&t, "Responsibilities", 1);
	check_cell(r, 0, NULL);
	check_cell(r, 1, "Answer the phones");
	check_cell(r, 2, "Answering phones");
	check_cell(r, 3, NULL);
	r = item(&t, "Responsibilities", 2);
	check_cell(r, 2, "Drive the van");
	check_cell(r, 3, "Drive the van");
	cr_assert(!r->unique);
	compare_free(&t);
}

/* ---- long lists ---- */

/* A word of consonants that stemming leaves alone: lead, then k in base
 * 19. */
static void
word_of(char *w, char lead, size_t k)
{
	static const char letters[] = "bcdfghjklmnpqrtvwxz";
	size_t n = 0;
	w[n++] = lead;
	do {
		w[n++] = letters[k % 19];
		k /= 19;
	} while (k);
	w[n] = '\0';
}

#define LONG_N 16000

Test(align, long_lists_pair_by_their_rare_words, .timeout = 30)
{
	/* Each posting's responsibilities: "Python, Java, Rust and Golang:"
	 * then a word shared with one item of each other posting (its twin,
	 * in another position in each) and a word of its own. Every item
	 * shares the four common words with every other, so comparing every
	 * pair took minutes (16000 x 16000 pairs, three times over); the rare
	 * words still pair the twins. The qualifications: one item 16000
	 * times in each posting, all pairs scoring 1. */
	static const size_t mult[CMP_MAX] = {1, 7, 11, 13};
	struct posting p[CMP_MAX];
	const struct posting *pp[CMP_MAX];
	const char **resp[CMP_MAX], **quals[CMP_MAX];
	char *text = malloc((size_t)CMP_MAX * LONG_N * 48), *at = text;
	cr_assert_not_null(text);
	for (size_t i = 0; i < CMP_MAX; i++) {
		p[i] = mk(i ? "b" : "a", "T");
		resp[i] = malloc(LONG_N * sizeof *resp[i]);
		quals[i] = malloc(LONG_N * sizeof *quals[i]);
		cr_assert(resp[i] && quals[i]);
		for (size_t k = 0; k < LONG_N; k++) {
			char twin[16], own[16];
			word_of(twin, 'x', k * mult[i] % LONG_N);
			word_of(own, 'z', i * LONG_N + k);
			resp[i][k] = at;
			at += sprintf(at, "Python, Java, Rust and Golang: %s %s",
			              twin, own) + 1;
			quals[i][k] = "Experience with Python and databases";
		}
		p[i].responsibilities = (struct strlist){resp[i], LONG_N};
		p[i].qualifications = (struct strlist){quals[i], LONG_N};
		pp[i] = &p[i];
	}
	struct cmp_table t;
	build(&t, pp, CMP_MAX);

	long h = heading(&t, "Responsibilities");
	cr_assert_geq(h, 0);
	cr_assert_geq(t.nrows, (size_t)h + 1 + LONG_N);
	for (size_t r = 0; r < LONG_N; r++) {
		const struct cmp_row *row = &t.rows[(size_t)h + 1 + r];
		char want[20];
		want[0] = ' ';
		word_of(want + 1, 'x', r);
		strcat(want, " ");
		cr_assert_eq(row->kind, CMP_ITEM);
		check_cell(row, 0, resp[0][r]);
		for (size_t i = 1; i < CMP_MAX; i++) {
			cr_assert_not_null(row->cell[i], "row %zu: no item %zu", r, i);
			cr_assert_not_null(strstr(row->cell[i], want),
			                   "row %zu: \"%s\" is not a twin of \"%s\"",
			                   r, row->cell[i], row->cell[0]);
		}
	}
	const struct cmp_row *next = &t.rows[(size_t)h + 1 + LONG_N];
	cr_assert_eq(next->kind, CMP_HEADING, "more rows than items");
	cr_assert_str_eq(next->label, "Qualifications");

	h = heading(&t, "Qualifications");
	cr_assert_eq(t.nrows, (size_t)h + 1 + LONG_N);
	for (size_t r = (size_t)h + 1; r < t.nrows; r++) {
		for (size_t i = 0; i < CMP_MAX; i++)
			check_cell(&t.rows[r], i, quals[0][0]);
		cr_assert(!t.rows[r].differs);
	}

	/* the common words were not compared through, and the table says so */
	cr_assert(t.partial);
	char *s = text_of(&t, 80);
	cr_assert_not_null(strstr(s, "\n\nSome lists are too long to compare "
	                             "every pair"));
	free(s);
	struct buf j = {0};
	compare_print_json(&j, &t);
	cr_assert_not_null(strstr(j.s, "\"partial\": true}\n"));
	buf_free(&j);

	compare_free(&t);
	for (size_t i = 0; i < CMP_MAX; i++) {
		free(resp[i]);
		free(quals[i]);
	}
	free(text);
}

Test(align, lists_of_a_few_hundred_compare_every_pair)
{
	/* 300 items of four to six words from 40, duplicates among them:
	 * the work stays within the bound, every pair is compared, and the
	 * matching is the greedy one check_matching checks */
	static const char *words[] = {
		"budget", "grant", "report", "volunteer", "recruit", "train",
		"office", "phone", "van", "drive", "event", "rally", "media",
		"press", "policy", "campaign", "coalition", "partner", "letter",
		"database", "data", "entry", "client", "intake", "travel",
		"evening", "weekend", "spanish", "language", "writing", "speaking",
		"meeting", "community", "county", "state", "federal", "school",
		"team", "staff", "intern",
	};
	enum { N = 300 };
	struct posting a = mk("a", "A"), b = mk("b", "B");
	const char **v[2];
	char *text = malloc(2 * N * 64), *at = text;
	unsigned x = 12345;
	for (size_t i = 0; i < 2; i++) {
		v[i] = malloc(N * sizeof *v[i]);
		for (size_t k = 0; k < N; k++) {
			v[i][k] = at;
			if (k % 10 == 9) { /* an earlier item in capitals, with a
			                    * period: the same to compare */
				x = x * 1103515245 + 12345;
				size_t e = k - 1 - (x >> 16) % 8;
				for (const char *c = v[i][e]; *c; c++)
					*at++ = (char)toupper((unsigned char)*c);
				at += sprintf(at, ".") + 1;
				continue;
			}
			x = x * 1103515245 + 12345;
			size_t nw = 4 + (x >> 16) % 3;
			for (size_t w = 0; w < nw; w++) {
				x = x * 1103515245 + 12345;
				at += sprintf(at, w ? " %s" : "%s",
				              words[(x >> 16) % NELEM(words)]);
			}
			at++;
		}
	}
	a.responsibilities = (struct strlist){v[0], N};
	b.responsibilities = (struct strlist){v[1], N};
	struct cmp_table t;
	build2(&t, &a, &b);
	cr_assert(!t.partial);
	size_t paired = 0;
	for (size_t q = 0; q < nitems(&t, "Responsibilities"); q++) {
		const struct cmp_row *r = item(&t, "Responsibilities", q);
		paired += r->cell[0] && r->cell[1];
	}
	cr_assert_gt(paired, N / 2, "only %zu pairs", paired);
	check_matching(&t, "Responsibilities", &a.responsibilities,
	               &b.responsibilities);
	char *s = text_of(&t, 80);
	cr_assert_null(strstr(s, "too long to compare"));
	free(s);
	compare_free(&t);
	free(v[0]);
	free(v[1]);
	free(text);
}

Test(build, rejects_bad_arguments)
{
	struct posting a = mk("a", "A");
	const struct posting *p[5] = {&a, &a, &a, &a, &a};
	struct cmp_table t;
	cr_assert_eq(compare_build((const struct posting *const *)p, 1, &t), -1);
	cr_assert_eq(t.nrows, 0);
	cr_assert_eq(compare_build((const struct posting *const *)p, 5, &t), -1);
	p[1] = NULL;
	cr_assert_eq(compare_build((const struct posting *const *)p, 2, &t), -1);
	compare_free(&t);
	p[1] = &a;
	cr_assert_eq(compare_build((const struct posting *const *)p, 4, &t), 0);
	cr_assert_eq(t.n, 4);
	compare_free(&t);
	cr_assert_eq(t.nrows, 0);
	cr_assert_null(t.rows);
}

/* ---- fields ---- */

Test(fields, order_presence_and_differs)
{
	deadline_set_today(20250101); /* before the deadline: no words */
	struct posting a = mk("a", "Organizer"), b = mk("b", "organizer ");
	a.org.name = "ACLU";
	b.org.name = "NYIC";
	a.employment.type = "Full-time";
	b.employment.type = "full-time";
	a.deadline = (struct when){20250301, NULL};
	b.deadline = (struct when){0, "rolling"};
	a.travel = "Some";
	a.tags = LIST("policy", "organizing");
	static struct xvalue extra = {X_SCALAR, "work_hours", "35 a week", NULL, 0, false};
	b.extra = &extra;
	b.nextra = 1;
	a.languages = (struct language[]){{"Spanish", "preferred"}};
	a.nlanguages = 1;
	struct cmp_table t;
	build2(&t, &a, &b);
	const char *want[] = {"Title", "Organization", "Employment", "Languages",
	                      "Travel", "Deadline", "Tags", "work_hours"};
	size_t k = 0;
	for (size_t r = 0; r < t.nrows; r++) {
		if (t.rows[r].kind != CMP_FIELD)
			continue;
		cr_assert_lt(k, NELEM(want), "extra field %s", t.rows[r].label);
		cr_assert_str_eq(t.rows[r].label, want[k]);
		k++;
	}
	cr_assert_eq(k, NELEM(want));
	/* normalised comparison: case and spaces do not make a difference */
	cr_assert(!field(&t, "Title")->differs);
	cr_assert(!field(&t, "Employment")->differs);
	cr_assert(field(&t, "Organization")->differs);
	cr_assert_eq(compare_marker(field(&t, "Organization")), CMP_MARK_DIFFERS);
	check_cell(field(&t, "Deadline"), 0, "2025-03-01");
	check_cell(field(&t, "Deadline"), 1, "rolling");
	check_cell(field(&t, "Travel"), 1, NULL);
	cr_assert(field(&t, "Travel")->differs);
	check_cell(field(&t, "Languages"), 0, "Spanish (preferred)");
	check_cell(field(&t, "Tags"), 0, "policy, organizing");
	check_cell(field(&t, "work_hours"), 0, NULL);
	check_cell(field(&t, "work_hours"), 1, "35 a week");
	cr_assert_null(field(&t, "Salary"));
	cr_assert_null(field(&t, "Department"));
	compare_free(&t);
	deadline_set_today(0);
}

Test(fields, deadline_says_how_it_stands)
{
	deadline_set_today(20261207);
	struct posting a = mk("a", "A"), b = mk("b", "B"), c = mk("c", "C"),
	               d = mk("d", "D");
	a.deadline = (struct when){20261204, "2026-12-04"};
	b.deadline = (struct when){20261207, "2026-12-07"};
	c.deadline = (struct when){0, "rolling"};
	d.apply.deadline = (struct when){20261210, "2026-12-10"};
	const struct posting *v[] = {&a, &b, &c, &d};
	struct cmp_table t;
	cr_assert_eq(compare_build(v, 4, &t), 0);
	const struct cmp_row *r = field(&t, "Deadline");
	check_cell(r, 0, "2026-12-04 — closed 3 days ago");
	check_cell(r, 1, "2026-12-07 — closes today");
	check_cell(r, 2, "rolling");
	/* the apply deadline counts when the posting gives none */
	check_cell(r, 3, "2026-12-10 — closes in 3 days");
	cr_assert_eq(r->deadline[0], DL_CLOSED);
	cr_assert_eq(r->deadline[1], DL_CLOSING);
	cr_assert_eq(r->deadline[2], 0);
	cr_assert_eq(r->deadline[3], DL_CLOSING);
	cr_assert(r->differs);
	compare_free(&t);
	/* the same day closing for both: no difference; open: no words */
	c.deadline = (struct when){20261207, "2026-12-07"};
	d.deadline = (struct when){20261231, "2026-12-31"};
	const struct posting *w[] = {&b, &c, &d};
	cr_assert_eq(compare_build(w, 2, &t), 0);
	cr_assert_not(field(&t, "Deadline")->differs);
	compare_free(&t);
	cr_assert_eq(compare_build(w + 1, 2, &t), 0);
	check_cell(field(&t, "Deadline"), 1, "2026-12-31");
	cr_assert_eq(field(&t, "Deadline")->deadline[1], 0);
	compare_free(&t);
	deadline_set_today(0);
}

Test(fields, sanitised)
{
	struct posting a = mk("a", "Evil\x1b[31m title\xe2\x80\xae"),
	               b = mk("b\x07", "B");
	a.responsibilities = LIST("Ring\x07 the bell\nnow");
	struct cmp_table t;
	build2(&t, &a, &b);
	cr_assert_str_eq(t.title[0], "Evil^[[31m title\\u202E");
	cr_assert_str_eq(t.id[1], "b^G");
	check_cell(field(&t, "Title"), 0, "Evil^[[31m title\\u202E");
	check_cell(item(&t, "Responsibilities", 0), 0, "Ring^G the bell now");
	char *s = text_of(&t, 80);
	cr_assert_null(strchr(s, '\x1b'));
	cr_assert_null(strchr(s, '\x07'));
	free(s);
	compare_free(&t);
}

/* ---- salary ---- */

static struct salary
sal(double lo, double hi, const char *cur, enum period p)
{
	struct salary s = {.present = true, .min = lo, .max = hi, .period = p};
	snprintf(s.currency, sizeof s.currency, "%s", cur);
	return s;
}

/* Compares first against second; checks the second's cell and note. */
static void
check_salary(struct salary s0, struct salary s1, const char *cell,
             const char *note)
{
	struct posting a = mk("a", "A"), b = mk("b", "B");
	a.salary = s0;
	b.salary = s1;
	struct cmp_table t;
	build2(&t, &a, &b);
	const struct cmp_row *r = field(&t, "Salary");
	cr_assert_not_null(r);
	check_cell(r, 1, cell);
	cr_assert_null(r->note[0]);
	if (note) {
		cr_assert_not_null(r->note[1], "want note %s", note);
		cr_assert_str_eq(r->note[1], note);
	} else
		cr_assert_null(r->note[1]);
	compare_free(&t);
}

Test(salary, hourly_first)
{
	check_salary(sal(30, 30, "USD", PERIOD_HOUR),
	             sal(62400, 67000, "USD", PERIOD_YEAR),
	             "$30–$32.21 an hour ($62,400–$67,000 a year)",
	             "+$1.11 (+4%)");
}

Test(salary, daily_first)
{
	check_salary(sal(240, 240, "USD", PERIOD_DAY),
	             sal(67000, 67000, "USD", PERIOD_YEAR),
	             "$257.69 a day ($67,000 a year)", "+$17.69 (+7%)");
}

Test(salary, weekly_first)
{
	check_salary(sal(1200, 1200, "USD", PERIOD_WEEK),
	             sal(32, 32, "USD", PERIOD_HOUR),
	             "$1,280 a week ($32 an hour)", "+$80 (+7%)");
}

Test(salary, monthly_first)
{
	check_salary(sal(5200, 5200, "USD", PERIOD_MONTH),
	             sal(67000, 67000, "USD", PERIOD_YEAR),
	             "$5,583 a month ($67,000 a year)", "+$383 (+7%)");
}

Test(salary, yearly_first)
{
	check_salary(sal(62400, 62400, "USD", PERIOD_YEAR),
	             sal(67000, 67000, "USD", PERIOD_YEAR),
	             "$67,000 a year", "+$4,600 (+7%)");
	check_salary(sal(62400, 67000, "USD", PERIOD_YEAR),
	             sal(30, 35, "USD", PERIOD_HOUR),
	             "$62,400–$72,800 a year ($30–$35 an hour)", "+$2,900 (+4%)");
	check_salary(sal(62400, 67000, "USD", PERIOD_YEAR),
	             sal(5000, 5000, "USD", PERIOD_MONTH),
	             "$60,000 a year ($5,000 a month)", "-$4,700 (-7%)");
	check_salary(sal(62400, 67000, "USD", PERIOD_YEAR),
	             sal(62400, 67000, "USD", PERIOD_YEAR),
	             "$62,400–$67,000 a year", "±$0 (0%)");
}

Test(salary, note_shown_once)
{
	struct salary s1 = sal(62400, 67000, "USD", PERIOD_YEAR);
	s1.note = "plus benefits";
	check_salary(sal(30, 30, "USD", PERIOD_HOUR), s1,
	             "$30–$32.21 an hour ($62,400–$67,000 a year (plus benefits))",
	             "+$1.11 (+4%)");
	check_salary(sal(60000, 60000, "USD", PERIOD_YEAR), s1,
	             "$62,400–$67,000 a year (plus benefits)", "+$4,700 (+8%)");
}

Test(salary, different_currencies_no_arithmetic)
{
	check_salary(sal(62400, 67000, "USD", PERIOD_YEAR),
	             sal(4000, 4500, "EUR", PERIOD_MONTH),
	             "€4,000–€4,500 a month", CMP_OTHER_CURRENCY);
	/* the first without salary: each as given, no difference */
	struct posting a = mk("a", "A"), b = mk("b", "B"), c = mk("c", "C");
	b.salary = sal(30, 30, "USD", PERIOD_HOUR);
	c.salary = sal(62400, 62400, "USD", PERIOD_YEAR);
	const struct posting *p[3] = {&a, &b, &c};
	struct cmp_table t;
	build(&t, p, 3);
	const struct cmp_row *r = field(&t, "Salary");
	check_cell(r, 0, NULL);
	check_cell(r, 1, "$30 an hour");
	check_cell(r, 2, "$62,400 a year");
	cr_assert(r->differs);
	for (size_t i = 0; i < 3; i++)
		cr_assert_null(r->note[i]);
	compare_free(&t);
}

Test(salary, three_postings_mixed)
{
	struct posting a = mk("a", "A"), b = mk("b", "B"), c = mk("c", "C"),
	               d = mk("d", "D");
	a.salary = sal(62400, 67000, "USD", PERIOD_YEAR);
	b.salary = sal(50000, 50000, "CHF", PERIOD_YEAR);
	d.salary = sal(64700, 64700, "USD", PERIOD_YEAR);
	const struct posting *p[4] = {&a, &b, &c, &d};
	struct cmp_table t;
	build(&t, p, 4);
	const struct cmp_row *r = field(&t, "Salary");
	check_cell(r, 1, "CHF 50,000 a year");
	cr_assert_str_eq(r->note[1], CMP_OTHER_CURRENCY);
	check_cell(r, 2, NULL);
	cr_assert_null(r->note[2]);
	cr_assert_str_eq(r->note[3], "±$0 (0%)");
	cr_assert(r->differs);
	compare_free(&t);
}

/* Salaries read from YAML, one a posting (ids a, b, c, ...). */
static void
load_salaries(struct catalog *c, const char *const *salary, size_t n)
{
	struct buf y = {0};
	for (size_t i = 0; i < n; i++)
		buf_printf(&y, "---\nid: %c\ntitle: %c\norganization: o\nsalary: %s\n",
		           (char)('a' + i), (char)('A' + i), salary[i]);
	catalog_init(c);
	cr_assert_eq(load_buffer(c, "t.yaml", y.s, y.len, NULL), n);
	cr_assert_eq(c->nproblems, 0);
	buf_free(&y);
}

/* A range open at one end is converted like any other, but has no
 * midpoint: no difference either way. */
Test(salary, open_ranges_shown_without_difference)
{
	const char *s[] = {"62400-67000", "{max: 35, period: hour}",
	                   "{min: 70000}", "65000"};
	struct catalog c;
	load_salaries(&c, s, 4);
	struct cmp_table t;
	build(&t, (const struct posting **)c.v, 4);
	const struct cmp_row *r = field(&t, "Salary");
	check_cell(r, 0, "$62,400–$67,000 a year");
	check_cell(r, 1, "up to $72,800 a year (up to $35 an hour)");
	check_cell(r, 2, "from $70,000 a year");
	check_cell(r, 3, "$65,000 a year");
	cr_assert_null(r->note[1]);
	cr_assert_null(r->note[2]);
	cr_assert_str_eq(r->note[3], "+$300 (0%)");
	compare_free(&t);
	catalog_free(&c);
	/* the first open: the others are converted, without a difference */
	const char *s2[] = {"{min: 5000, period: month}", "60000-72000"};
	load_salaries(&c, s2, 2);
	build(&t, (const struct posting **)c.v, 2);
	r = field(&t, "Salary");
	check_cell(r, 0, "from $5,000 a month");
	check_cell(r, 1, "$5,000–$6,000 a month ($60,000–$72,000 a year)");
	cr_assert_null(r->note[1]);
	cr_assert(r->differs);
	compare_free(&t);
	catalog_free(&c);
}

/* ---- sections ---- */

Test(sections, shared_by_heading_then_single)
{
	struct posting a = mk("a", "A"), b = mk("b", "B");
	struct section sub[] = {
		{"Leading", NULL, LIST("Set equity goals for the team"), NULL, 0},
	};
	struct section sa[] = {
		{"Only Here", "Some prose.", {NULL, 0}, sub, 1},
		{"Racial Equity", NULL, LIST("Assess structural impacts"), NULL, 0},
	};
	struct section sb[] = {
		{"racial equity ", NULL, LIST("Assess the structural impacts"), NULL,
		 0},
		{"Empty", NULL, {NULL, 0}, NULL, 0},
	};
	a.sections = sa;
	a.nsections = 2;
	b.sections = sb;
	b.nsections = 2;
	struct cmp_table t;
	build2(&t, &a, &b);
	long shared = heading(&t, "Racial Equity"), only = heading(&t, "Only Here");
	cr_assert_geq(shared, 0);
	cr_assert_gt(only, shared, "shared sections come first");
	cr_assert_eq(heading(&t, "Empty"), -1);
	cr_assert_eq(nitems(&t, "Racial Equity"), 1);
	check_cell(item(&t, "Racial Equity", 0), 1, "Assess the structural impacts");
	/* the single section: prose, then a sub group heading and its item */
	const struct cmp_row *r = &t.rows[only + 1];
	cr_assert_eq(r->kind, CMP_ITEM);
	check_cell(r, 0, "Some prose.");
	cr_assert(r->unique);
	r = &t.rows[only + 2];
	cr_assert_eq(r->kind, CMP_HEADING);
	cr_assert_str_eq(r->group, "Leading");
	r = &t.rows[only + 3];
	check_cell(r, 0, "Set equity goals for the team");
	cr_assert_str_eq(r->label, "Only Here");
	cr_assert_str_eq(r->group, "Leading");
	cr_assert_eq(only + 4, (long)t.nrows);
	compare_free(&t);
}

/* A section's prose with list lines in it ("- ", "1. "): its paragraphs
 * and items are items of their own, paired as list items are, never
 * the raw lines in one cell */
Test(sections, prose_lists_read_as_items)
{
	struct posting a = mk("a", "A"), b = mk("b", "B"), c = mk("c", "C");
	struct section sa[] = {{"How to Apply", "Send these by email:\n\n"
	                        "- a résumé\n- a cover letter\n- two "
	                        "references\n\n1. Apply online\n2. Wait "
	                        "for a call", {NULL, 0}, NULL, 0}};
	struct section sb[] = {{"How to apply", "Send these by post:\n\n"
	                        "* two references\n* a résumé",
	                        {NULL, 0}, NULL, 0}};
	struct section sc[] = {{"Only C", "Before:\n\n- one thing\n"
	                        "- another thing", {NULL, 0}, NULL, 0}};
	a.sections = sa;
	a.nsections = 1;
	b.sections = sb;
	b.nsections = 1;
	c.sections = sc;
	c.nsections = 1;
	struct cmp_table t;
	const struct posting *p[3] = {&a, &b, &c};
	build(&t, p, 3);
	cr_assert_eq(nitems(&t, "How to Apply"), 6);
	const struct cmp_row *r = find_item(&t, "How to Apply", 0, "a résumé");
	cr_assert_not_null(r, "an item of its own");
	check_cell(r, 1, "a résumé");
	r = find_item(&t, "How to Apply", 0, "two references");
	cr_assert_not_null(r);
	check_cell(r, 1, "two references");
	cr_assert_not_null(find_item(&t, "How to Apply", 0, "Apply online"));
	/* a paragraph is drawn without a bullet, an item with one */
	r = find_item(&t, "How to Apply", 0, "Send these by email:");
	cr_assert_not_null(r);
	cr_assert(r->para[0]);
	struct cmp_row_lines rl;
	compare_row_lines(r, 3, 30, &rl);
	cr_assert_str_eq(rl.cell[0].v[0], "Send these by email:");
	compare_row_lines_free(&rl);
	r = find_item(&t, "How to Apply", 0, "a résumé");
	cr_assert(!r->para[0] && !r->para[1]);
	compare_row_lines(r, 3, 30, &rl);
	cr_assert_str_eq(rl.cell[1].v[0], "• a résumé");
	compare_row_lines_free(&rl);
	for (size_t q = 0; q < t.nrows; q++)
		for (size_t i = 0; i < 3; i++)
			cr_assert(!t.rows[q].cell[i] ||
			          (!strstr(t.rows[q].cell[i], "- ") &&
			           !strstr(t.rows[q].cell[i], "* ") &&
			           !strstr(t.rows[q].cell[i], "1. ") &&
			           !strchr(t.rows[q].cell[i], '\n')),
			          "raw: %s", t.rows[q].cell[i]);
	/* a section only one posting has: the same */
	long only = heading(&t, "Only C");
	cr_assert_geq(only, 0);
	check_cell(&t.rows[only + 1], 2, "Before:");
	check_cell(&t.rows[only + 2], 2, "one thing");
	check_cell(&t.rows[only + 3], 2, "another thing");
	compare_free(&t);
}

#define MANY_STEP 4000
#define MANY (4 * MANY_STEP)

Test(sections, thousands_of_keys_and_sections, .timeout = 10)
{
	/* posting i has kept keys "key<j>" and sections "Head <j>" (posting
	 * 1 writes "HEAD <j>") for j from i * 4000 on, 16000 of each, so
	 * j 4000..23999 are shared. Finding each name among the names before
	 * it took minutes. */
	struct posting p[CMP_MAX];
	const struct posting *pp[CMP_MAX];
	struct xvalue *x[CMP_MAX];
	struct section *sec[CMP_MAX];
	char *text = malloc((size_t)CMP_MAX * MANY * 48), *at = text;
	cr_assert_not_null(text);
	for (size_t i = 0; i < CMP_MAX; i++) {
		p[i] = mk(i ? "b" : "a", "T");
		x[i] = calloc(MANY, sizeof *x[i]);
		sec[i] = calloc(MANY, sizeof *sec[i]);
		cr_assert(x[i] && sec[i]);
		for (size_t k = 0; k < MANY; k++) {
			size_t j = i * MANY_STEP + k;
			char *key = at;
			at += sprintf(at, "key%zu", j) + 1;
			char *val = at;
			at += sprintf(at, "v%zu.%zu", i, j) + 1;
			x[i][k] = (struct xvalue){.kind = X_SCALAR, .key = key,
			                          .s = val};
			char *h = at;
			at += sprintf(at, i == 1 ? "HEAD %zu" : "Head %zu", j) + 1;
			char *prose = at;
			at += sprintf(at, "item %zu.%zu", i, j) + 1;
			sec[i][k] = (struct section){.heading = h, .text = prose};
		}
		p[i].extra = x[i];
		p[i].nextra = MANY;
		p[i].sections = sec[i];
		p[i].nsections = MANY;
		pp[i] = &p[i];
	}
	struct cmp_table t;
	build(&t, pp, CMP_MAX);

	/* the keys: one row each, in order of first appearance */
	const size_t nkeys = (CMP_MAX - 1) * MANY_STEP + MANY;
	size_t r = 0;
	while (r < t.nrows && strcmp(t.rows[r].label, "key0"))
		r++;
	cr_assert_leq(r + nkeys, t.nrows);
	for (size_t j = 0; j < nkeys; j++, r++) {
		char want[32];
		sprintf(want, "key%zu", j);
		cr_assert_eq(t.rows[r].kind, CMP_FIELD);
		cr_assert_str_eq(t.rows[r].label, want);
		for (size_t i = 0; i < CMP_MAX; i++) {
			bool has = j >= i * MANY_STEP && j < i * MANY_STEP + MANY;
			sprintf(want, "v%zu.%zu", i, j);
			check_cell(&t.rows[r], i, has ? want : NULL);
		}
	}

	/* the sections: the shared ones as the first posting having each
	 * writes it, then the others; each with its item row */
	size_t nh = 0;
	for (; r < t.nrows; r++) {
		if (t.rows[r].kind != CMP_HEADING)
			continue;
		const size_t step = MANY_STEP;
		size_t j = nh < 5 * step ? step + nh
		           : nh < 6 * step ? nh - 5 * step : nh;
		char want[32];
		sprintf(want, j >= 4 * step && j < 5 * step ? "HEAD %zu" : "Head %zu",
		        j);
		cr_assert_str_eq(t.rows[r].label, want, "heading %zu", nh);
		cr_assert_lt(r + 1, t.nrows);
		const struct cmp_row *it = &t.rows[r + 1];
		cr_assert_eq(it->kind, CMP_ITEM);
		for (size_t i = 0; i < CMP_MAX; i++) {
			bool has = j >= i * MANY_STEP && j < i * MANY_STEP + MANY;
			sprintf(want, "item %zu.%zu", i, j);
			check_cell(it, i, has ? want : NULL);
		}
		nh++;
	}
	cr_assert_eq(nh, nkeys);
	compare_free(&t);
	for (size_t i = 0; i < CMP_MAX; i++) {
		free(x[i]);
		free(sec[i]);
	}
	free(text);
}

Test(sections, list_order_and_preferred)
{
	struct posting a = mk("a", "A"), b = mk("b", "B");
	a.conditions = LIST("Background check");
	a.benefits = LIST("Dental");
	a.qualifications = LIST("Grant writing");
	b.preferred = LIST("Grant writing experience", "Spanish preferred");
	a.responsibilities = LIST("Write grants");
	struct cmp_table t;
	build2(&t, &a, &b);
	long r = heading(&t, "Responsibilities"), q = heading(&t, "Qualifications"),
	     be = heading(&t, "Benefits"), c = heading(&t, "Conditions");
	cr_assert(r >= 0 && r < q && q < be && be < c);
	check_cell(item(&t, "Qualifications", 0), 1,
	           "Grant writing experience (preferred)");
	check_cell(item(&t, "Qualifications", 1), 1, "Spanish preferred");
	compare_free(&t);
}

/* ---- wrapping and text output ---- */

static const char *wide_items[] = {
	"日本語の求人情報を比較するための長い文章です。幅の広い文字が正しく折り返されることを確かめます。",
	"Célébrer les réussites 🎉 ensemble avec l'équipe et les bénévoles 🎉🎉",
	"Cafe\xcc\x81 de\xcc\x81ja\xcc\x80 vu: combining marks take no column at all in this line",
	"한국어 문장도 넓은 문자로 표시됩니다 그리고 계속됩니다",
};

static void
wide_postings(struct posting *p)
{
	p[0] = mk("wide-1", "国際協力コーディネーター（東京）");
	p[1] = mk("wide-2", "Coordinatrice des bénévoles 🎉");
	p[2] = mk("wide-3", "Third");
	p[3] = mk("wide-4", "Fourth 한국어");
	for (size_t i = 0; i < 4; i++) {
		p[i].responsibilities = ARRAY_LIST(wide_items);
		p[i].org.name = "組織の名前がとても長い場合でも正しく折り返す";
		p[i].salary = sal(1000000 + 1000 * (double)i, 2000000, "JPY",
		                  PERIOD_YEAR);
	}
	static const char *one[] = {NULL};
	one[0] = wide_items[1];
	p[1].responsibilities = ARRAY_LIST(one);
}

Test(wrap, every_line_fits_with_wide_characters)
{
	struct posting p[4];
	wide_postings(p);
	const struct posting *pp[4] = {&p[0], &p[1], &p[2], &p[3]};
	for (size_t n = 2; n <= 4; n++) {
		struct cmp_table t;
		build(&t, pp, n);
		static const int widths[] = {30, 40, 59, 60, 61, 80, 117, 160};
		for (size_t w = 0; w < NELEM(widths); w++) {
			char *s = text_of(&t, widths[w]);
			check_widths(s, widths[w]);
			free(s);
		}
		compare_free(&t);
	}
}

Test(wrap, row_lines_fit_and_keep_the_text)
{
	struct posting p[4];
	wide_postings(p);
	struct cmp_table t;
	build2(&t, &p[0], &p[1]);
	const struct cmp_row *r = item(&t, "Responsibilities", 0);
	for (int width = 4; width <= 40; width++) {
		struct cmp_row_lines rl;
		compare_row_lines(r, t.n, width, &rl);
		size_t h = 0;
		struct buf joined = {0};
		for (size_t k = 0; k < rl.cell[0].n; k++) {
			const char *l = rl.cell[0].v[k];
			cr_assert_leq(text_width(l, strlen(l)), (size_t)width,
			              "width %d: %s", width, l);
			/* bullet on the first line, indent on the others */
			cr_assert_eq(strncmp(l, k ? "  " : "• ", k ? 2 : 4), 0,
			             "line %zu: %s", k, l);
			buf_adds(&joined, l + (k ? 2 : 4));
		}
		h = rl.cell[0].n > rl.cell[1].n ? rl.cell[0].n : rl.cell[1].n;
		cr_assert_eq(rl.height, h);
		/* no character lost: the lines put together give the text back
		 * (its spaces are where the breaks are) */
		struct buf want = {0};
		for (const char *s = wide_items[0]; *s; s++)
			if (*s != ' ')
				buf_addc(&want, *s);
		struct buf got = {0};
		for (size_t i = 0; i < joined.len; i++)
			if (joined.s[i] != ' ')
				buf_addc(&got, joined.s[i]);
		cr_assert_str_eq(got.s, want.s);
		buf_free(&want);
		buf_free(&got);
		buf_free(&joined);
		compare_row_lines_free(&rl);
	}
	compare_free(&t);
}

Test(wrap, salary_note_on_its_own_line)
{
	struct posting a = mk("a", "A"), b = mk("b", "B");
	a.salary = sal(62400, 62400, "USD", PERIOD_YEAR);
	b.salary = sal(67000, 67000, "USD", PERIOD_YEAR);
	struct cmp_table t;
	build2(&t, &a, &b);
	struct cmp_row_lines rl;
	compare_row_lines(field(&t, "Salary"), 2, 30, &rl);
	cr_assert_eq(rl.cell[0].n, 1);
	cr_assert_eq(rl.cell[1].n, 2);
	cr_assert_str_eq(rl.cell[1].v[0], "$67,000 a year");
	cr_assert_str_eq(rl.cell[1].v[1], "+$4,600 (+7%)");
	cr_assert_eq(rl.height, 2);
	compare_row_lines_free(&rl);
	compare_free(&t);
}

Test(text, samples_at_80_and_160)
{
	struct posting a, b;
	samples(&a, &b);
	b.salary = sal(30, 35, "USD", PERIOD_HOUR);
	struct cmp_table t;
	build2(&t, &a, &b);
	char *s80 = text_of(&t, 80), *s160 = text_of(&t, 160);
	check_widths(s80, 80);
	check_widths(s160, 160);
	for (int k = 0; k < 2; k++) {
		const char *s = k ? s160 : s80;
		/* header: both titles on the first line, both ids on the second */
		char *l = line_with(s, "Policy Advocate and Organizer");
		cr_assert_not_null(l);
		cr_assert_not_null(strstr(l, "Upstate Director of Advocacy"));
		cr_assert_eq(strstr(s, l), s, "titles first");
		free(l);
		l = line_with(s, "aclu-socal-kern-policy-advocate");
		cr_assert_not_null(strstr(l, "nyic-upstate-director-advocacy"));
		free(l);
		/* a differing field is marked at the start of its line */
		l = line_with(s, "Salary");
		cr_assert_eq(l[0], CMP_MARK_DIFFERS, "%s", l);
		cr_assert_not_null(strstr(l, "$62,400–$" CMP_DIFF_OPEN "67,000"
		                          CMP_DIFF_CLOSE " a year"), "%s", l);
		free(l);
		/* a section heading on a line of its own */
		cr_assert_not_null(strstr(s, "\n── Qualifications ──"));
		/* the required pairs start on the same line, marked as differing,
		 * their differing words between marks */
		l = line_with(s, "• «Bilingual» Spanish");
		cr_assert_not_null(l);
		cr_assert_not_null(strstr(l, "• «Proficiency in» Spanish «or"), "%s", l);
		cr_assert_eq(l[0], CMP_MARK_DIFFERS);
		free(l);
		l = line_with(s, "• «Flexible» team player «and");
		cr_assert_not_null(l);
		cr_assert_not_null(strstr(l, "• «Good» team player"), "%s", l);
		free(l);
		/* unique items marked */
		l = line_with(s, "• Drivers license");
		cr_assert_eq(l[0], CMP_MARK_UNIQUE, "%s", l);
		free(l);
		l = line_with(s, "• Other duties");
		cr_assert_eq(l[0], CMP_MARK_UNIQUE, "%s", l);
		free(l);
		/* no trailing spaces */
		cr_assert_null(strstr(s, " \n"));
	}
	/* at 160 columns a longer item fits on one line; at 80 not */
	const char *longer = "Excellent time-management and organizational skills.";
	cr_assert_not_null(strstr(s160, longer));
	cr_assert_null(strstr(s80, longer));
	/* the columns share the width evenly: the column separators stand at
	 * the same place on every row line */
	for (int w = 80; w <= 83; w++) {
		char *s = text_of(&t, w);
		check_widths(s, w);
		char *l = line_with(s, "«Bilingual» Spanish");
		const char *sep1 = strstr(l, "│"), *sep2 = strstr(sep1 + 1, "│");
		size_t c1 = text_width(l, (size_t)(sep1 - l));
		size_t c2 = text_width(l, (size_t)(sep2 - l));
		/* first column from sep1 to sep2, the second to the full width */
		cr_assert_eq(c2 - c1, (size_t)w - c2 + 1, "width %d: columns %zu %zu",
		             w, c1, c2);
		free(l);
		free(s);
	}
	free(s80);
	free(s160);
	compare_free(&t);
}

/* ---- JSON ---- */

/* A minimal JSON checker: returns the end of one value, or NULL. */
static const char *json_value(const char *s, int depth);

static const char *
json_ws(const char *s)
{
	while (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r')
		s++;
	return s;
}

static const char *
json_string(const char *s)
{
	if (*s++ != '"')
		return NULL;
	while (*s != '"') {
		if ((unsigned char)*s < 0x20)
			return NULL;
		if (*s == '\\') {
			s++;
			if (*s == 'u') {
				for (int k = 1; k <= 4; k++)
					if (!strchr("0123456789abcdefABCDEF", s[k]) || !s[k])
						return NULL;
				s += 4;
			} else if (!*s || !strchr("\"\\/bfnrt", *s))
				return NULL;
		}
		s++;
	}
	return s + 1;
}

static const char *
json_value(const char *s, int depth)
{
	if (depth > 20)
		return NULL;
	s = json_ws(s);
	if (*s == '"')
		return json_string(s);
	if (!strncmp(s, "true", 4))
		return s + 4;
	if (!strncmp(s, "false", 5))
		return s + 5;
	if (!strncmp(s, "null", 4))
		return s + 4;
	if (*s == '[' || *s == '{') {
		char close = *s == '[' ? ']' : '}';
		bool obj = *s == '{';
		s = json_ws(s + 1);
		if (*s == close)
			return s + 1;
		for (;;) {
			if (obj) {
				s = json_string(json_ws(s));
				if (!s)
					return NULL;
				s = json_ws(s);
				if (*s++ != ':')
					return NULL;
			}
			s = json_value(s, depth + 1);
			if (!s)
				return NULL;
			s = json_ws(s);
			if (*s == close)
				return s + 1;
			if (*s++ != ',')
				return NULL;
		}
	}
	return NULL;
}

static size_t
count(const char *s, const char *needle)
{
	size_t k = 0;
	for (const char *p = strstr(s, needle); p; p = strstr(p + 1, needle))
		k++;
	return k;
}

Test(json, parses_and_has_rows)
{
	struct posting a, b;
	samples(&a, &b);
	a.title = "Quote \" and back\\slash";
	a.summary = NULL;
	b.salary = sal(30, 35, "USD", PERIOD_HOUR);
	struct section s[] = {{"Prose", "Line one\nLine two\twith tab \x01",
	                       {NULL, 0}, NULL, 0}};
	b.sections = s;
	b.nsections = 1;
	b.org.name = "Coalición € ünïcode 日本";
	struct cmp_table t;
	build2(&t, &a, &b);
	struct buf o = {0};
	compare_print_json(&o, &t);
	const char *end = json_value(o.s, 0);
	cr_assert_not_null(end, "JSON does not parse:\n%s", o.s);
	cr_assert_str_eq(json_ws(end), "", "trailing text");
	cr_assert(text_valid(o.s, o.len));
	cr_assert_eq(o.s[o.len - 1], '\n');
	cr_assert_eq(strncmp(o.s, "{\"postings\": [{\"id\": "
	                          "\"aclu-socal-kern-policy-advocate\", "
	                          "\"title\": \"Quote \\\" and back\\\\slash\"}",
	                     strlen("{\"postings\": [{\"id\": ")),
	             0);
	cr_assert_not_null(strstr(o.s, "\"title\": \"Quote \\\" and back\\\\slash\"}"));
	cr_assert_eq(count(o.s, "{\"kind\": "), t.nrows);
	cr_assert_eq(count(o.s, "\"differs\": "), t.nrows);
	cr_assert_eq(count(o.s, "\"unique\": "), t.nrows);
	/* non-ASCII passed through, a paragraph's lines joined (prose.h),
	 * control made visible */
	cr_assert_not_null(strstr(o.s, "\"Coalición € ünïcode 日本\""));
	cr_assert_not_null(strstr(o.s, "\"Line one Line two with tab ^A\""));
	/* aligned rows */
	cr_assert_not_null(strstr(o.s,
		"{\"kind\": \"item\", \"field\": \"Qualifications\", \"values\": "
		"[\"Bilingual Spanish preferred.\", \"Proficiency in Spanish or "
		"another language spoken in immigrant communities in the region is "
		"strongly preferred\"], \"words\": [[\"Bilingual\"], "
		"[\"Proficiency in\", \"or another language spoken in immigrant "
		"communities in the region is strongly\"]], \"differs\": true, "
		"\"unique\": false}"));
	cr_assert_not_null(strstr(o.s,
		"{\"kind\": \"field\", \"field\": \"Salary\", \"values\": "
		"[\"$62,400–$67,000 a year\", \"$62,400–$72,800 a year ($30–$35 an "
		"hour)\"], \"notes\": [null, \"+$2,900 (+4%)\"], \"words\": "
		"[[\"67,000\"], [\"72,800\", \"30–$35 an hour\"]], "
		"\"differs\": true, \"unique\": false}"));
	cr_assert_not_null(strstr(o.s,
		"{\"kind\": \"item\", \"field\": \"Responsibilities\", \"values\": "
		"[null, \"Supervise a team of at least 5 staff and multiple fellows, "
		"interns, and volunteers.\"], \"differs\": true, \"unique\": true}"));
	buf_free(&o);
	compare_free(&t);
}

Test(json, escapes_controls)
{
	/* cells are sanitised, but the printer escapes whatever reaches it */
	struct cmp_table t = {0};
	t.n = 2;
	t.id[0] = strdup("a");
	t.id[1] = strdup("b");
	t.title[0] = strdup("x\x01y\x1f\x7f");
	t.title[1] = strdup("tab\there\r\b\f\xe2\x80\xa8");
	struct buf o = {0};
	compare_print_json(&o, &t);
	cr_assert_not_null(json_value(o.s, 0), "%s", o.s);
	cr_assert_not_null(strstr(o.s, "\"x\\u0001y\\u001f\\u007f\""), "%s", o.s);
	cr_assert_not_null(strstr(o.s, "\"tab\\there\\r\\b\\f\\u2028\""), "%s", o.s);
	cr_assert_not_null(strstr(o.s, "\"rows\": []"), "%s", o.s);
	buf_free(&o);
	compare_free(&t);
}

/* Experience under a year is in months, never a float's noise
 * (monthsOfExperience: 1 read as 1/12 of a year). */
Test(fields, experience_in_months)
{
	struct posting a = mk("a", "A"), b = mk("b", "B"), c = mk("c", "C");
	a.experience.min_years = 1.0 / 12;
	b.experience.min_years = b.experience.max_years = 18.0 / 12;
	c.experience.max_years = 0.5;
	const struct posting *p[] = {&a, &b, &c};
	struct cmp_table t;
	build(&t, p, 3);
	const struct cmp_row *r = field(&t, "Experience");
	check_cell(r, 0, "1+ months");
	check_cell(r, 1, "1.5 years");
	check_cell(r, 2, "up to 6 months");
	cr_assert(r->differs);
	compare_free(&t);
}

/* ---- paired items that differ, and the word diff ---- */

/* The differing words of cell i of a row, "|"-separated (caller frees). */
static char *
spans_of(const struct cmp_row *r, size_t i)
{
	struct buf b = {0};
	buf_add(&b, "", 0);
	for (size_t k = 0; k < r->nspan[i]; k++) {
		const struct cmp_span *s = &r->span[i][k];
		cr_assert_leq(s->off + s->len, strlen(r->cell[i]));
		if (k) {
			buf_addc(&b, '|');
			cr_assert_gt(s->off, r->span[i][k - 1].off +
			                     r->span[i][k - 1].len, "spans in order");
		}
		buf_add(&b, r->cell[i] + s->off, s->len);
	}
	return buf_steal(&b);
}

static void
check_spans(const struct cmp_row *r, size_t i, const char *want)
{
	char *got = spans_of(r, i);
	cr_assert_str_eq(got, want, "cell %zu: want [%s], got [%s]", i, want,
	                 got);
	free(got);
}

/* Two postings with one qualification each; the row they share. */
static const struct cmp_row *
pair2(struct cmp_table *t, const char *a, const char *b)
{
	static struct posting pa, pb;
	static const char *qa[1], *qb[1];
	pa = mk("a", "T");
	pb = mk("b", "T");
	qa[0] = a;
	qb[0] = b;
	pa.qualifications = (struct strlist){qa, 1};
	pb.qualifications = (struct strlist){qb, 1};
	build2(t, &pa, &pb);
	cr_assert_eq(nitems(t, "Qualifications"), 1, "the items pair");
	return item(t, "Qualifications", 0);
}

Test(wdiff, paired_items_that_differ_are_a_difference)
{
	struct posting a, b;
	samples(&a, &b);
	struct cmp_table t;
	build2(&t, &a, &b);
	/* the two experience requirements share a row, and it differs */
	const struct cmp_row *r = find_item(&t, "Qualifications", 0, aclu_quals[1]);
	cr_assert_not_null(r);
	check_cell(r, 1, nyic_quals[0]);
	cr_assert(r->differs);
	cr_assert_not(r->unique);
	cr_assert_eq(compare_marker(r), CMP_MARK_DIFFERS);
	check_spans(r, 0, "2|organizing, campaign, and/or advocacy|individuals|"
	            "more than three years of experience are encouraged to apply");
	check_spans(r, 1, "5-10|relevant|preferred, ideally|a Buffalo or "
	            "Rochester based organization");
	/* so are the other pairs of the samples */
	r = find_item(&t, "Qualifications", 0, BILINGUAL);
	cr_assert(r->differs);
	check_spans(r, 0, "Bilingual");
	compare_free(&t);
}

Test(wdiff, the_words_that_differ)
{
	struct cmp_table t;
	const struct cmp_row *r = pair2(&t,
		"At least 2 years of organizing experience",
		"At least 5-10 years of relevant experience");
	cr_assert(r->differs);
	check_spans(r, 0, "2|organizing");
	check_spans(r, 1, "5-10|relevant");
	compare_free(&t);
	/* consecutive words are one span with what lies between */
	r = pair2(&t, "Fluent Spanish, written and spoken, required",
	          "Fluent Spanish required");
	check_spans(r, 0, "written and spoken");
	check_spans(r, 1, "");
	compare_free(&t);
	/* a word moved is a word removed and a word added */
	r = pair2(&t, "Spanish and English fluency", "English and Spanish fluency");
	cr_assert(r->differs);
	char *x = spans_of(r, 0), *y = spans_of(r, 1);
	cr_assert(strcmp(x, "") && strcmp(y, ""), "[%s] [%s]", x, y);
	free(x);
	free(y);
	compare_free(&t);
}

Test(wdiff, identical_after_normalising_stay_equal)
{
	static const char *same[][2] = {
		{"Organize, lead and participate in events.",
		 "organize lead  and participate in events"},
		{"Full-time; on site", "FULL TIME on-site!"},
		{"Résumé required", "résumé   REQUIRED."},
	};
	for (size_t k = 0; k < NELEM(same); k++) {
		struct cmp_table t;
		const struct cmp_row *r = pair2(&t, same[k][0], same[k][1]);
		cr_assert_not(r->differs, "%s / %s", same[k][0], same[k][1]);
		cr_assert_eq(compare_marker(r), ' ');
		cr_assert_eq(r->nspan[0] + r->nspan[1], 0);
		compare_free(&t);
	}
}

Test(wdiff, three_postings_against_the_base)
{
	struct posting p[3] = {mk("a", "T"), mk("b", "T"), mk("c", "T")};
	p[0].qualifications = LIST("Two years of organizing experience");
	p[1].qualifications = LIST("Two years of organizing experience");
	p[2].qualifications = LIST("Five years of organizing experience");
	const struct posting *pp[3] = {&p[0], &p[1], &p[2]};
	struct cmp_table t;
	build(&t, pp, 3);
	cr_assert_eq(nitems(&t, "Qualifications"), 1);
	const struct cmp_row *r = item(&t, "Qualifications", 0);
	cr_assert(r->differs);
	/* the base's word that the third lacks; the third's own */
	check_spans(r, 0, "Two");
	check_spans(r, 1, "");
	check_spans(r, 2, "Five");
	compare_free(&t);
}

Test(wdiff, fields_get_words_too)
{
	struct posting a = mk("a", "T"), b = mk("b", "T");
	struct language la = {.name = "Spanish", .level = "preferred"};
	struct language lb = {.name = "Spanish", .level = "strongly preferred"};
	a.languages = &la;
	a.nlanguages = 1;
	b.languages = &lb;
	b.nlanguages = 1;
	struct cmp_table t;
	build2(&t, &a, &b);
	const struct cmp_row *r = field(&t, "Languages");
	cr_assert(r->differs);
	check_spans(r, 0, "");
	check_spans(r, 1, "strongly");
	/* texts sharing no word: different through and through, no spans */
	r = field(&t, "Title");
	cr_assert_not(r->differs);
	compare_free(&t);
	a.title = "Policy Advocate";
	b.title = "Upstate Director";
	build2(&t, &a, &b);
	r = field(&t, "Title");
	cr_assert(r->differs);
	cr_assert_eq(r->nspan[0] + r->nspan[1], 0);
	compare_free(&t);
}

Test(wdiff, han_and_kana_characters_are_words)
{
	struct posting a = mk("a", "Pythonの実務経験三年以上"),
	               b = mk("b", "Pythonの実務経験五年以上");
	struct cmp_table t;
	build2(&t, &a, &b);
	const struct cmp_row *r = field(&t, "Title");
	cr_assert(r->differs);
	check_spans(r, 0, "三");
	check_spans(r, 1, "五");
	compare_free(&t);
}

Test(wdiff, long_cells_are_bounded, .timeout = 10)
{
	/* two items of 3,000 words, alike but for every third word: past
	 * CMP_DIFF_CELLS the middle is taken whole, quickly */
	struct buf x = {0}, y = {0};
	for (int k = 0; k < 3000; k++) {
		buf_printf(&x, "w%d ", k);
		buf_printf(&y, k % 3 ? "w%d " : "v%d ", k);
	}
	buf_adds(&x, "end");
	buf_adds(&y, "end");
	struct cmp_table t;
	const struct cmp_row *r = pair2(&t, x.s, y.s);
	cr_assert(r->differs);
	/* the first words differ, the last three are common: the rest, too
	 * long to diff, is one span from v0 to v2997 */
	char *s = spans_of(r, 1);
	cr_assert_eq(strncmp(s, "v0 w1 w2", 8), 0, "%.40s", s);
	cr_assert_null(strstr(s, "end"));
	free(s);
	compare_free(&t);
	buf_free(&x);
	buf_free(&y);
}

Test(wdiff, row_lines_carry_the_spans)
{
	struct cmp_table t;
	const struct cmp_row *r = pair2(&t,
		"At least 2 years of organizing experience",
		"At least 5-10 years of relevant experience");
	for (int w = 6; w <= 60; w += 3) {
		struct cmp_row_lines rl;
		compare_row_lines(r, 2, w, &rl);
		struct buf got = {0};
		buf_add(&got, "", 0);
		for (size_t k = 0; k < rl.cell[1].n; k++)
			for (size_t q = 0; q < rl.cell[1].nspan[k]; q++) {
				const struct cmp_span *s = &rl.cell[1].span[k][q];
				cr_assert_leq(s->off + s->len, strlen(rl.cell[1].v[k]));
				buf_add(&got, rl.cell[1].v[k] + s->off, s->len);
			}
		/* the words may be cut over lines, never lost or moved */
		cr_assert_str_eq(got.s, "5-10relevant", "width %d", w);
		buf_free(&got);
		compare_row_lines_free(&rl);
	}
	compare_free(&t);
}

Test(wdiff, text_and_json_say_which_words)
{
	struct cmp_table t;
	pair2(&t, "At least 2 years of organizing experience",
	      "At least 5-10 years of relevant experience");
	char *s = text_of(&t, 120);
	char *l = line_with(s, "At least");
	cr_assert_not_null(l);
	cr_assert_eq(l[0], CMP_MARK_DIFFERS, "%s", l);
	cr_assert_not_null(strstr(l, "• At least «2» years of «organizing» "
	                             "experience"), "%s", l);
	cr_assert_not_null(strstr(l, "• At least «5-10» years of «relevant» "
	                             "experience"), "%s", l);
	free(l);
	free(s);
	struct buf o = {0};
	compare_print_json(&o, &t);
	cr_assert_not_null(json_value(o.s, 0), "%s", o.s);
	cr_assert_not_null(strstr(o.s, "\"words\": [[\"2\", \"organizing\"], "
	                               "[\"5-10\", \"relevant\"]], "
	                               "\"differs\": true"), "%s", o.s);
	buf_free(&o);
	compare_free(&t);
	/* equal items: no words, not differing */
	pair2(&t, "Attend meetings.", "attend meetings");
	compare_print_json(&o, &t);
	cr_assert_null(strstr(o.s, "\"words\""), "%s", o.s);
	cr_assert_not_null(strstr(o.s, "\"differs\": false, \"unique\": false}\n ]"),
	                   "%s", o.s);
	buf_free(&o);
	compare_free(&t);
}
