/* SPDX-License-Identifier: MIT */
/* gen_posting: one posting of the corpus in the FORMAT.md canonical
 * format: which fields it has and how each is written (strings,
 * mappings, lists, flow or block, folded text), in the mix of the
 * samples (see README.md). */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "gen.h"

/* YAML ------------------------------------------------------------------ */

/* Writes s at the current column col as a plain or folded scalar whose
 * continuation lines start with indent spaces, breaking at spaces before
 * column 78 (plain multi-line scalars fold line breaks into spaces). */
static void
put_folded(const char *s, int col, int indent)
{
	const char *p = s;
	while (*p) {
		const char *brk = NULL, *q = p;
		int c = col;
		while (*q && (c < 78 || !brk)) {
			if (*q == ' ')
				brk = q;
			if ((*q & 0xC0) != 0x80)
				c++;
			q++;
		}
		if (!*q) {
			gen_puts(p);
			break;
		}
		gen_put(p, (size_t)(brk - p));
		gen_put("\n", 1);
		for (int i = 0; i < indent; i++)
			gen_put(" ", 1);
		col = indent;
		p = brk + 1;
	}
	gen_put("\n", 1);
}

/* Writes a list item "<indent>- text", folded; a few items are written
 * double-quoted with a colon in them, as the samples do. */
static void
put_item(int indent, struct str *t)
{
	for (int i = 0; i < indent; i++)
		gen_put(" ", 1);
	if (gen_chance(0.04) && t->len > 20) {
		/* "Excellent communication skills: written and verbal." */
		char *sp = strchr(t->s + 10, ' ');
		if (sp && sp[1]) {
			*sp = '\0';
			gen_putf("- \"%s: %s\"\n", t->s, sp + 1);
			return;
		}
	}
	gen_puts("- ");
	put_folded(t->s, indent + 2, indent + 2);
}

/* Writes "key: >-" and the text folded below it, indented by indent. */
static void
put_block(int indent, const char *key, const char *text)
{
	for (int i = 0; i < indent; i++)
		gen_put(" ", 1);
	gen_putf("%s: >-\n", key);
	for (int i = 0; i < indent + 2; i++)
		gen_put(" ", 1);
	put_folded(text, indent + 2, indent + 2);
}

/* Writes a list of n sentence items under key. */
static void
put_list(int indent, const char *key, int n, int lo, int hi)
{
	for (int i = 0; i < indent; i++)
		gen_put(" ", 1);
	gen_putf("%s:\n", key);
	for (int i = 0; i < n; i++) {
		struct str t = {.len = 0};
		t.s[0] = '\0';
		gen_sentence(&t, lo, hi);
		if (gen_chance(0.15)) {
			gen_sadd(&t, " ");
			gen_sentence(&t, 5, 20);
		}
		put_item(indent + 2, &t);
	}
}


/* Fields ---------------------------------------------------------------- */
static void
put_place_map(int indent, const struct city *c, bool first_dash)
{
	const char *pad = "                ";
	int in = first_dash ? indent + 2 : indent;
	if (first_dash)
		gen_putf("%.*s- ", indent, pad);
	else
		gen_putf("%.*s", in, pad);
	bool named = gen_chance(0.45);
	if (named) {
		switch (gen_range(0, 3)) {
		case 0: gen_putf("name: %s office\n", c->city); break;
		case 1: gen_putf("name: Greater %s\n", c->city); break;
		case 2: gen_putf("name: %s %s\n", gen_area(), c->city); break;
		default: gen_putf("name: Headquarters, %s\n", c->city); break;
		}
		gen_putf("%.*scity: %s\n", in, pad, c->city);
	} else {
		gen_putf("city: %s\n", c->city);
	}
	if (c->region)
		gen_putf("%.*sregion: %s\n", in, pad, c->region);
	gen_putf("%.*scountry: %s\n", in, pad, c->country);
}

/* Writes location; returns the first city (for the currency). */
static const struct city *
put_location(void)
{
	const struct city *c = gen_city();
	double u = gen_unit();
	if (u < 0.08)
		return c;                       /* not given */
	if (u < 0.36) {
		if (c->region)
			gen_putf("location: %s, %s\n", c->city, c->region);
		else
			gen_putf("location: %s, %s\n", c->city, c->country);
	} else if (u < 0.83) {
		gen_puts("location:\n");
		put_place_map(2, c, false);
	} else if (u < 0.95) {
		gen_puts("location:\n");
		put_place_map(2, c, true);
		for (long n = gen_range(1, 3); n > 0; n--)
			put_place_map(2, gen_city(), true);
	} else {
		gen_putf("location:\n  - %s\n", c->city);
		for (long n = gen_range(1, 2); n > 0; n--)
			gen_putf("  - %s\n", gen_city()->city);
	}
	return c;
}

static void
put_salary(const struct city *c)
{
	double u = gen_unit();
	if (u < 0.2)
		return;                          /* missing, about 20% */
	static const char *const periods[] = {"year", "hour", "month", "week",
	                                      "day"};
	double pu = gen_unit();
	int per = pu < 0.74 ? 0 : pu < 0.89 ? 1 : pu < 0.97 ? 2 :
	          pu < 0.99 ? 3 : 4;
	double lo;
	switch (per) {
	case 0: lo = (double)(gen_range(350, 1600) * 100); break;
	case 1: lo = (double)gen_range(30, 130) / 2; break;
	case 2: lo = (double)(gen_range(25, 90) * 100); break;
	case 3: lo = (double)(gen_range(70, 250) * 10); break;
	default: lo = (double)(gen_range(15, 60) * 10); break;
	}
	double hi = gen_chance(0.8) ? lo * (1 + gen_unit() * 0.3) : lo;
	hi = per == 1 ? (double)(long)(hi * 2) / 2 : (double)((long)hi / 100 * 100);
	if (hi < lo)
		hi = lo;
	bool usd = !strcmp(c->currency, "USD");
	double f = gen_unit();
	if (usd && per == 0 && f < 0.15) {
		switch (gen_range(0, 2)) {
		case 0: gen_putf("salary: %.0f\n", lo); break;
		case 1:
			gen_putf("salary: \"%.0f,%03.0f\"\n",
			         (double)((long)lo / 1000),
			         (double)((long)lo % 1000));
			break;
		default:
			gen_putf("salary: \"$%.0f,%03.0f\"\n",
			         (double)((long)lo / 1000),
			         (double)((long)lo % 1000));
			break;
		}
	} else if (usd && per <= 1 && f < 0.4) {
		if (per == 1)
			gen_putf("salary: \"$%.2f-%.2f/hour\"\n", lo, hi);
		else if (gen_chance(0.5))
			gen_putf("salary: \"%.0f-%.0f\"\n", lo, hi);
		else
			gen_putf("salary: \"$%.0f,%03.0f-$%.0f,%03.0f\"\n",
			         (double)((long)lo / 1000),
			         (double)((long)lo % 1000),
			         (double)((long)hi / 1000),
			         (double)((long)hi % 1000));
	} else if (gen_chance(0.5)) {
		gen_putf("salary: {min: %g, max: %g, currency: %s, "
		         "period: %s}\n", lo, hi, c->currency, periods[per]);
	} else {
		gen_putf("salary:\n  min: %g\n", lo);
		if (hi > lo)
			gen_putf("  max: %g\n", hi);
		if (!usd || gen_chance(0.5))
			gen_putf("  currency: %s\n", c->currency);
		if (per || gen_chance(0.3))
			gen_putf("  period: %s\n", periods[per]);
	}
}

static const char *const emp_types[] = {
	"full-time", "full-time", "full-time", "full-time", "full-time",
	"full-time", "full-time", "part-time", "part-time", "contract",
	"temporary", "internship", "volunteer",
};
static const char *const unions[] = {
	"National Organization of Legal Services Workers",
	"Nonprofit Professional Employees Union",
	"SEIU Local 1199", "Communications Workers of America",
	"Syndicat des employé·e·s de Montréal",
};

static void
put_employment(void)
{
	double u = gen_unit();
	if (u < 0.2)
		return;
	if (u < 0.65) {
		gen_putf("employment: %s\n", PICK(emp_types));
		return;
	}
	gen_putf("employment:\n  type: %s\n", PICK(emp_types));
	if (gen_chance(0.6))
		gen_putf("  classification: %s\n",
		         gen_chance(0.7) ? "exempt" : "non-exempt");
	if (gen_chance(0.25))
		gen_putf("  union: %s\n", PICK(unions));
}

static void
put_workplace(void)
{
	static const char *const wp[] = {"onsite", "onsite", "hybrid",
	                                 "hybrid", "remote"};
	double u = gen_unit();
	if (u < 0.25)
		return;
	if (u < 0.8) {
		gen_putf("workplace: %s\n", PICK(wp));
		return;
	}
	struct str t = {.len = 0};
	t.s[0] = '\0';
	gen_sentence(&t, 6, 14);
	gen_putf("workplace:\n  type: %s\n", PICK(wp));
	put_block(2, "note", t.s);
}

static void
put_experience(void)
{
	double u = gen_unit();
	if (u < 0.4)
		return;
	long lo = gen_range(1, 8);
	if (u < 0.6) {
		gen_putf("experience: %ld\n", lo);
	} else if (u < 0.75) {
		gen_putf("experience: %ld-%ld\n", lo, lo + gen_range(2, 5));
	} else if (gen_chance(0.4)) {
		gen_putf("experience: {min_years: %ld, max_years: %ld}\n", lo,
		     lo + gen_range(2, 5));
	} else {
		struct str t = {.len = 0};
		t.s[0] = '\0';
		gen_sentence(&t, 8, 24);
		gen_putf("experience:\n  min_years: %ld\n", lo);
		if (gen_chance(0.5))
			gen_putf("  max_years: %ld\n", lo + gen_range(2, 5));
		put_block(2, "note", t.s);
	}
}

static void
put_languages(void)
{
	static const char *const langs[] = {
		"Spanish", "Spanish", "Spanish", "French", "Mandarin",
		"Cantonese", "Haitian Creole", "Arabic", "Russian", "Greek",
		"Japanese", "Korean", "Vietnamese", "Tagalog", "Polish",
		"Portuguese", "Bengali", "Ukrainian",
	};
	static const char *const levels[] = {"required", "preferred",
	                                     "strongly preferred"};
	if (!gen_chance(0.3))
		return;
	gen_puts("languages:\n");
	bool maps = gen_chance(0.6);
	for (long n = gen_range(1, 3); n > 0; n--) {
		if (maps)
			gen_putf("  - {name: %s, level: %s}\n", PICK(langs),
			         PICK(levels));
		else
			gen_putf("  - %s\n", PICK(langs));
	}
}

static void
put_summary(void)
{
	if (!gen_chance(0.95))
		return;
	gen_puts("summary: |-\n");
	for (long n = gen_tri(2, 6); n > 0; n--) {
		struct str t = {.len = 0};
		t.s[0] = '\0';
		gen_paragraph(&t, 2, 5);
		gen_putf("  %s\n", t.s);
		if (n > 1)
			gen_puts("\n");
	}
}

static void
put_qualifications(void)
{
	double u = gen_unit();
	if (u < 0.1)
		return;
	if (u < 0.7) {
		put_list(0, "qualifications", (int)gen_tri(5, 15), 6, 30);
		return;
	}
	gen_puts("qualifications:\n");
	put_list(2, "required", (int)gen_tri(4, 10), 6, 30);
	put_list(2, "preferred", (int)gen_tri(2, 6), 4, 20);
}

static void
put_benefits(void)
{
	double u = gen_unit();
	if (u < 0.25)
		return;
	if (u < 0.8) {
		put_list(0, "benefits", (int)gen_tri(3, 8), 4, 16);
		return;
	}
	struct str t = {.len = 0};
	t.s[0] = '\0';
	gen_paragraph(&t, 1, 3);
	put_block(0, "benefits", t.s);
}

static void
put_apply(const char *id)
{
	static const char *const docs[] = {
		"resume", "cover letter", "writing sample", "three references",
		"portfolio", "transcript", "list of publications",
	};
	if (!gen_chance(0.7))
		return;
	gen_puts("apply:\n");
	if (gen_chance(0.7))
		gen_putf("  url: https://jobs.example.org/apply/%s\n", id);
	if (gen_chance(0.4))
		gen_putf("  email: jobs+%s@example.org\n", id);
	if (gen_chance(0.2)) {
		struct str t = {.len = 0};
		t.s[0] = '\0';
		gen_title(&t);
		gen_putf("  subject: %s\n", t.s);
	}
	if (gen_chance(0.5)) {
		gen_puts("  documents:\n");
		size_t first = (size_t)gen_range(0, 3);
		size_t n = (size_t)gen_range(2, 4);
		for (size_t k = first; n > 0; n--, k++)
			gen_putf("    - %s\n", docs[k % N(docs)]);
	}
	if (gen_chance(0.1)) {
		gen_puts("  deadline: ");
		gen_put_date(gen_range(30, 1090));
		gen_puts("\n");
	}
	if (gen_chance(0.4)) {
		struct str t = {.len = 0};
		t.s[0] = '\0';
		gen_paragraph(&t, 1, 3);
		put_block(2, "note", t.s);
	}
}

static void
put_tags(void)
{
	static const char *const tags[] = {
		"immigrants' rights", "policing", "criminal justice",
		"civil rights", "civil liberties", "policy advocacy",
		"organizing", "racial equity", "immigrant justice",
		"social justice", "community organizing", "coalition",
		"housing", "labor", "climate", "education", "health",
		"voting rights", "youth", "legal services", "disability",
		"LGBTQ rights", "reproductive justice", "data", "fundraising",
		"communications",
	};
	if (!gen_chance(0.8))
		return;
	long n = gen_range(2, 9);
	size_t k = (size_t)gen_range(0, N(tags) - 1);
	if (gen_chance(0.3)) {
		gen_puts("tags: [");
		for (long i = 0; i < n; i++, k += 3)
			gen_putf("%s%s", i ? ", " : "", tags[k % N(tags)]);
		gen_puts("]\n");
		return;
	}
	gen_puts("tags:\n");
	for (long i = 0; i < n; i++, k += 3)
		gen_putf("  - %s\n", tags[k % N(tags)]);
}

static void
put_sections(void)
{
	static const char *const heads[] = {
		"Equal Opportunity", "Reasonable Accommodation",
		"Salary and Benefits", "Our organizational values",
		"Racial Equity Competencies", "About the team",
		"Need legal assistance?", "Classification", "How to apply",
		"Working conditions", "Diversity statement",
	};
	static const char *const groups[] = {
		"Understanding and Applying Racial Equity",
		"Working for Racial Equity", "Leading on Racial Equity",
		"Core skills", "Growth",
	};
	if (!gen_chance(0.4))
		return;
	gen_puts("sections:\n");
	size_t k = (size_t)gen_range(0, N(heads) - 1);
	for (long n = gen_range(1, 4); n > 0; n--, k++) {
		const char *h = heads[k % N(heads)];
		double u = gen_unit();
		if (u < 0.6) {
			struct str t = {.len = 0};
			t.s[0] = '\0';
			gen_paragraph(&t, 1, 5);
			put_block(2, h, t.s);
		} else if (u < 0.9) {
			char key[128];
			snprintf(key, sizeof(key), "%s", h);
			put_list(2, key, (int)gen_range(2, 6), 5, 24);
		} else {
			gen_putf("  %s:\n", h);
			size_t g = (size_t)gen_range(0, N(groups) - 1);
			for (long m = gen_range(2, 3); m > 0; m--, g++)
				put_list(4, groups[g % N(groups)],
				         (int)gen_range(2, 5), 6, 30);
		}
	}
}

/* Keys billet does not know, kept under "Other". */
static void
put_unknown(long i)
{
	if (!gen_chance(0.25))
		return;
	for (long n = gen_range(1, 3), k = gen_range(0, 5); n > 0; n--, k++) {
		switch (k % 6) {
		case 0:
			gen_putf("reference_code: REF-%05ld\n", i % 100000);
			break;
		case 1:
			gen_putf("hours_per_week: %s\n",
			         gen_chance(0.5) ? "37.5" : "40");
			break;
		case 2: {
			struct str t = {.len = 0};
			t.s[0] = '\0';
			gen_sentence(&t, 6, 18);
			put_block(0, "remote_policy", t.s);
			break;
		}
		case 3:
			gen_putf("contact:\n  name: %s\n  phone: +1 555 %04ld\n",
			         gen_chance(0.5) ? "Hiring Committee"
			                         : "Ana Núñez",
			         i % 10000);
			break;
		case 4:
			gen_puts("funding_source:\n  - foundation grants\n"
			         "  - individual donors\n");
			break;
		default:
			gen_putf("internal_grade: %ld\n", gen_range(1, 12));
			break;
		}
	}
}


/* The posting ----------------------------------------------------------- */

/* Writes posting i (0-based) of the seed into the output; only a few
 * fields when brief (--short). */
void
gen_posting(long i, uint64_t seed, bool brief)
{
	struct str t = {.len = 0}, org = {.len = 0}, sh = {.len = 0};
	t.s[0] = org.s[0] = sh.s[0] = '\0';
	gen_putf("# billet bench corpus: seed %llu, posting %ld\n",
	         (unsigned long long)seed, i + 1);

	/* the organisation */
	const struct city *home = gen_city();
	gen_org(&org, &sh, home);
	gen_title(&t);

	/* id: organisation and title, made unique by the number */
	struct str id = {.len = 0};
	id.s[0] = '\0';
	if (sh.len)
		gen_slug(&id, sh.s, 12);
	else
		gen_sadd(&id, "org");
	gen_sadd(&id, "-");
	gen_slug(&id, t.s, 48);
	char num[32];
	snprintf(num, sizeof(num), "-%06ld", i + 1);
	gen_sadd(&id, num);
	if (gen_chance(0.9))
		gen_putf("id: %s\n", id.s);
	gen_putf("title: %s\n", t.s);

	double u = gen_unit();
	if (brief) {
		/* --short: the fields of the list, a line of summary */
		if (u >= 0.02)
			gen_putf("organization: %s\n", org.s);
		const struct city *c = put_location();
		put_salary(c);
		if (gen_chance(0.5)) {
			gen_puts("deadline: ");
			gen_put_date(gen_range(0, 1090));
			gen_puts("\n");
		}
		struct str sm = {.len = 0};
		sm.s[0] = '\0';
		gen_sentence(&sm, 6, 20);
		put_block(0, "summary", sm.s);
		return;
	}
	if (u < 0.02) {

		/* no organisation: a warning, as in real dumps */
	} else if (u < 0.3) {
		gen_putf("organization: %s\n", org.s);
	} else {
		gen_putf("organization:\n  name: %s\n", org.s);
		if (sh.len > 1 && gen_chance(0.6))
			gen_putf("  short: %s\n", sh.s);
		if (gen_chance(0.3))
			gen_putf("  url: https://%s.example.org/\n",
			         sh.len ? "www" : "org");
		if (gen_chance(0.6)) {
			struct str a = {.len = 0};
			a.s[0] = '\0';
			gen_paragraph(&a, 2, 5);
			put_block(2, "about", a.s);
		}
	}
	if (gen_chance(0.4))
		gen_putf("department: %s\n", gen_department());
	const struct city *c = put_location();
	put_workplace();
	put_employment();
	put_salary(c);
	if (gen_chance(0.85)) {
		long day = gen_range(0, 1090);
		gen_puts("posted: ");
		gen_put_date(day);
		gen_puts("\n");
		double d = gen_unit();
		if (d < 0.45) {
			gen_puts("deadline: ");
			gen_put_date(day + gen_range(14, 90));
			gen_puts("\n");
		} else if (d < 0.6) {
			gen_puts("deadline: rolling\n");
		} else if (d < 0.72) {
			gen_puts("deadline: Open until filled\n");
		}
	}
	if (gen_chance(0.15)) {
		if (gen_chance(0.4)) {
			gen_puts("start: ");
			gen_put_date(gen_range(30, 1090));
			gen_puts("\n");
		} else {
			gen_puts("start: as soon as possible\n");
		}
	}
	if (gen_chance(0.35)) {
		struct str r = {.len = 0};
		r.s[0] = '\0';
		gen_title(&r);
		gen_putf("reports_to: The %s\n", r.s);
	}
	if (gen_chance(0.2)) {
		struct str s = {.len = 0};
		s.s[0] = '\0';
		gen_sentence(&s, 6, 16);
		put_block(0, "supervises", s.s);
	}
	if (gen_chance(0.3)) {
		struct str s = {.len = 0};
		s.s[0] = '\0';
		gen_sentence(&s, 8, 24);
		put_block(0, "travel", s.s);
	}
	put_experience();
	put_languages();
	put_summary();
	if (gen_chance(0.92))
		put_list(0, "responsibilities", (int)gen_tri(5, 25), 6, 36);
	put_qualifications();
	put_benefits();
	if (gen_chance(0.35))
		put_list(0, "conditions", (int)gen_range(1, 3), 6, 20);
	put_apply(id.s);
	put_tags();
	if (gen_chance(0.45))
		gen_putf("source: https://jobs.example.org/postings/%s\n",
		         id.s);
	put_sections();
	put_unknown(i);
}
