/* SPDX-License-Identifier: MIT */
/* load/headings: the words by which a heading names a canonical list
 * (Responsibilities, Qualifications, Preferred qualifications, Benefits),
 * the overview, the organization or how to apply, in English, Spanish,
 * French and German. */
#include "load/headings.h"

#include <string.h>

#include "text.h"

/* Words that make a heading one of the canonical lists, looked for in
 * its folded text, in this order (preferred before qualifications). */
static const struct {
	enum heading_kind what;
	const char *words;
} names[] = {
	{HEADING_PREF, "preferred"}, {HEADING_PREF, "nice to have"},
	{HEADING_PREF, "nice-to-have"}, {HEADING_PREF, "bonus"},
	{HEADING_PREF, "desired"}, {HEADING_PREF, "desirable"},
	{HEADING_PREF, "pluses"}, {HEADING_PREF, "deseable"},
	{HEADING_PREF, "valorable"}, {HEADING_PREF, "se valorar"},
	{HEADING_PREF, "atouts"}, {HEADING_PREF, "un plus"},
	{HEADING_PREF, "w\xc3\xbcnschenswert"}, {HEADING_PREF, "von vorteil"},
	{HEADING_RESP, "responsibilit"}, {HEADING_RESP, "duties"},
	{HEADING_RESP, "what you'll do"}, {HEADING_RESP, "what you will do"},
	{HEADING_RESP, "what you'll be doing"},
	{HEADING_RESP, "what you will be doing"}, {HEADING_RESP, "day to day"},
	{HEADING_RESP, "day-to-day"}, {HEADING_RESP, "key tasks"},
	{HEADING_RESP, "responsabilidades"}, {HEADING_RESP, "funciones"},
	{HEADING_RESP, "har\xc3\xa1s"}, {HEADING_RESP, "responsabilit\xc3\xa9s"},
	{HEADING_RESP, "missions"}, {HEADING_RESP, "t\303\242ches"},
	{HEADING_RESP, "aufgaben"}, {HEADING_RESP, "verantwortlichkeiten"},
	{HEADING_QUAL, "qualifications"}, {HEADING_QUAL, "requirements"},
	{HEADING_QUAL, "skills"}, {HEADING_QUAL, "what we're looking for"},
	{HEADING_QUAL, "what we are looking for"}, {HEADING_QUAL, "who you are"},
	{HEADING_QUAL, "what you'll bring"}, {HEADING_QUAL, "what you bring"},
	{HEADING_QUAL, "what you will bring"}, {HEADING_QUAL, "about you"},
	{HEADING_QUAL, "must have"}, {HEADING_QUAL, "must-have"},
	{HEADING_QUAL, "requisitos"}, {HEADING_QUAL, "requerimientos"},
	{HEADING_QUAL, "buscamos"}, {HEADING_QUAL, "profil"},
	{HEADING_QUAL, "comp\xc3\xa9tences"}, {HEADING_QUAL, "exigences"},
	{HEADING_QUAL, "anforderungen"}, {HEADING_QUAL, "qualifikation"},
	{HEADING_QUAL, "mitbringst"}, {HEADING_QUAL, "mitbringen"},
	{HEADING_BENEFITS, "benefits"}, {HEADING_BENEFITS, "perks"},
	{HEADING_BENEFITS, "what we offer"}, {HEADING_BENEFITS, "we offer"},
	{HEADING_BENEFITS, "what's in it for you"},
	{HEADING_BENEFITS, "beneficios"}, {HEADING_BENEFITS, "ofrecemos"},
	{HEADING_BENEFITS, "prestaciones"}, {HEADING_BENEFITS, "avantages"},
	{HEADING_BENEFITS, "nous offrons"}, {HEADING_BENEFITS, "wir bieten"},
	{HEADING_BENEFITS, "vorteile"},
};

/* Headings that are the overview, whole (folded, without the colon). */
static const char *const overview[] = {
	"description", "job description", "overview", "summary",
	"job summary", "position summary", "about the role", "about the job",
	"about this role", "about the position", "the role",
	"the opportunity", "the position", "role overview", "role summary",
	"position overview", "job overview", "descripci\xc3\xb3n",
	"descripci\xc3\xb3n del puesto", "description du poste",
	"stellenbeschreibung",
};

/* Headings that are the organization's, whole (and "About ORG"). */
static const char *const about[] = {
	"about us", "who we are", "about the company", "about the organization",
	"about the organisation", "company overview", "company description",
	"our company", "our organization", "our mission", "sobre nosotros",
	"qui\xc3\xa9nes somos", "qui sommes-nous", "\xc3\xa0 propos de nous",
	"\303\274ber uns",
};

/* Headings that say how to apply, whole. */
static const char *const apply[] = {
	"how to apply", "to apply", "apply", "application process",
	"how to submit an application", "application instructions",
	"c\xc3\xb3mo aplicar", "c\xc3\xb3mo postular", "para postular",
	"para aplicar", "comment postuler", "pour postuler", "bewerbung",
	"so bewirbst du dich", "so bewerben sie sich",
};

/* Headings that name conditions of the work, not qualifications
 * ("Physical requirements"). */
static const char *const conditions[] = {
	"physical", "work environment", "working conditions", "travel",
};

/* The folded text of a heading, without the colon and spaces at its end,
 * curly apostrophes made straight. */
static void
fold_heading(struct buf *out, const char *s)
{
	struct buf t = {0};
	text_fold(&t, s, strlen(s));
	for (size_t i = 0; i < t.len; i++) {
		if (i + 2 < t.len && !memcmp(t.s + i, "\xe2\x80\x99", 3)) {
			buf_addc(out, '\'');
			i += 2;
		} else {
			buf_addc(out, t.s[i]);
		}
	}
	buf_free(&t);
	while (out->len && (out->s[out->len - 1] == ':' ||
	                    out->s[out->len - 1] == ' '))
		out->s[--out->len] = '\0';
	if (!out->s)
		buf_adds(out, "");
}

/* True when folded heading f is one of the n words of v, whole. */
static bool
one_of(const char *f, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(f, v[i]))
			return true;
	return false;
}

enum heading_kind
headings_name(const char *s, bool whole, const char *org)
{
	if (strlen(s) > HEADING_MAX_LEN)
		return HEADING_NONE;
	struct buf f = {0};
	fold_heading(&f, s);
	enum heading_kind what = HEADING_NONE;
	if (one_of(f.s, overview, sizeof(overview) / sizeof(*overview)))
		what = HEADING_SUMMARY;
	else if (one_of(f.s, about, sizeof(about) / sizeof(*about)))
		what = HEADING_ABOUT;
	else if (one_of(f.s, apply, sizeof(apply) / sizeof(*apply)))
		what = HEADING_APPLY;
	if (org && what == HEADING_NONE && !strncmp(f.s, "about ", 6)) {
		struct buf o = {0};
		fold_heading(&o, org);
		const char *rest = f.s + 6;
		if (!strncmp(rest, "the ", 4) && strncmp(o.s, "the ", 4))
			rest += 4;
		if (!strcmp(rest, o.s))
			what = HEADING_ABOUT;
		buf_free(&o);
	}
	for (size_t i = 0; i < sizeof(conditions) / sizeof(*conditions) &&
	                   what == HEADING_NONE; i++) {
		if (strstr(f.s, conditions[i])) {
			buf_free(&f);
			return HEADING_NONE;
		}
	}
	for (size_t i = 0; i < sizeof(names) / sizeof(*names) &&
	                   what == HEADING_NONE; i++) {
		const char *at = strstr(f.s, names[i].words);
		if (at && (!whole || (at == f.s &&
		                      !at[strlen(names[i].words)])))
			what = names[i].what;
	}
	buf_free(&f);
	return what;
}
