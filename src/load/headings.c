/* SPDX-License-Identifier: MIT */
/* load/headings: the words by which a heading names a canonical list
 * (Responsibilities, Qualifications, Preferred qualifications, Benefits),
 * the overview, the organization, the conditions of employment or how to
 * apply, in English, Spanish, French and German: one table for HTML
 * descriptions, Markdown bodies and pasted plain text. */
#include "load/headings.h"

#include <string.h>

#include "text.h"

/* Words that make a heading one of the canonical lists, looked for in
 * its folded text (all of it, or a part, as asked), in this order
 * (preferred before qualifications). */
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
	{HEADING_PREF, "wünschenswert"}, {HEADING_PREF, "von vorteil"},
	{HEADING_RESP, "responsibilit"}, {HEADING_RESP, "duties"},
	{HEADING_RESP, "what you'll do"}, {HEADING_RESP, "what you will do"},
	{HEADING_RESP, "what you'll be doing"},
	{HEADING_RESP, "what you will be doing"}, {HEADING_RESP, "day to day"},
	{HEADING_RESP, "day-to-day"}, {HEADING_RESP, "key tasks"},
	{HEADING_RESP, "your tasks"},
	{HEADING_RESP, "responsabilidades"}, {HEADING_RESP, "funciones"},
	{HEADING_RESP, "harás"}, {HEADING_RESP, "responsabilités"},
	{HEADING_RESP, "missions"}, {HEADING_RESP, "tâches"},
	{HEADING_RESP, "aufgaben"}, {HEADING_RESP, "verantwortlichkeiten"},
	{HEADING_QUAL, "qualifications"}, {HEADING_QUAL, "requirements"},
	{HEADING_QUAL, "skills"}, {HEADING_QUAL, "what we're looking for"},
	{HEADING_QUAL, "what we are looking for"}, {HEADING_QUAL, "who you are"},
	{HEADING_QUAL, "what you'll bring"}, {HEADING_QUAL, "what you bring"},
	{HEADING_QUAL, "what you will bring"}, {HEADING_QUAL, "about you"},
	{HEADING_QUAL, "must have"}, {HEADING_QUAL, "must-have"},
	{HEADING_QUAL, "requisitos"}, {HEADING_QUAL, "requerimientos"},
	{HEADING_QUAL, "buscamos"}, {HEADING_QUAL, "profil"},
	{HEADING_QUAL, "compétences"}, {HEADING_QUAL, "exigences"},
	{HEADING_QUAL, "anforderungen"}, {HEADING_QUAL, "qualifikation"},
	{HEADING_QUAL, "mitbringst"}, {HEADING_QUAL, "mitbringen"},
	{HEADING_QUAL, "bringst du mit"}, {HEADING_QUAL, "bringen sie mit"},
	{HEADING_BENEFITS, "benefits"}, {HEADING_BENEFITS, "perks"},
	{HEADING_BENEFITS, "what we offer"}, {HEADING_BENEFITS, "we offer"},
	{HEADING_BENEFITS, "what's in it for you"},
	{HEADING_BENEFITS, "beneficios"}, {HEADING_BENEFITS, "ofrecemos"},
	{HEADING_BENEFITS, "prestaciones"}, {HEADING_BENEFITS, "avantages"},
	{HEADING_BENEFITS, "nous offrons"}, {HEADING_BENEFITS, "wir bieten"},
	{HEADING_BENEFITS, "vorteile"}, {HEADING_BENEFITS, "bieten wir"},
	{HEADING_BENEFITS, "wir dir bieten"},
	{HEADING_BENEFITS, "wir ihnen bieten"},
	{HEADING_BENEFITS, "unser angebot"},
};

/* Headings known whole (folded, without the colon), besides the words
 * above said alone. */
static const struct {
	enum heading_kind what;
	const char *heading;
} whole[] = {
	/* the overview */
	{HEADING_SUMMARY, "description"}, {HEADING_SUMMARY, "job description"},
	{HEADING_SUMMARY, "position description"},
	{HEADING_SUMMARY, "overview"}, {HEADING_SUMMARY, "summary"},
	{HEADING_SUMMARY, "job summary"}, {HEADING_SUMMARY, "position summary"},
	{HEADING_SUMMARY, "about the role"}, {HEADING_SUMMARY, "about the job"},
	{HEADING_SUMMARY, "about this role"},
	{HEADING_SUMMARY, "about the position"}, {HEADING_SUMMARY, "the role"},
	{HEADING_SUMMARY, "the opportunity"}, {HEADING_SUMMARY, "the position"},
	{HEADING_SUMMARY, "role overview"}, {HEADING_SUMMARY, "role summary"},
	{HEADING_SUMMARY, "position overview"},
	{HEADING_SUMMARY, "job overview"}, {HEADING_SUMMARY, "descripción"},
	{HEADING_SUMMARY, "descripción del puesto"},
	{HEADING_SUMMARY, "descripción de la oferta"},
	{HEADING_SUMMARY, "resumen"}, {HEADING_SUMMARY, "resumen del puesto"},
	{HEADING_SUMMARY, "el puesto"},
	{HEADING_SUMMARY, "description du poste"},
	{HEADING_SUMMARY, "stellenbeschreibung"},
	{HEADING_SUMMARY, "beschreibung"}, {HEADING_SUMMARY, "die stelle"},
	{HEADING_SUMMARY, "über die stelle"}, {HEADING_SUMMARY, "die rolle"},
	{HEADING_SUMMARY, "über die rolle"},
	/* the organization ("About ACME" too) */
	{HEADING_ABOUT, "about us"}, {HEADING_ABOUT, "who we are"},
	{HEADING_ABOUT, "about the company"},
	{HEADING_ABOUT, "about the organization"},
	{HEADING_ABOUT, "about the organisation"},
	{HEADING_ABOUT, "company overview"},
	{HEADING_ABOUT, "company description"}, {HEADING_ABOUT, "our company"},
	{HEADING_ABOUT, "our organization"}, {HEADING_ABOUT, "our mission"},
	{HEADING_ABOUT, "sobre nosotros"}, {HEADING_ABOUT, "acerca de nosotros"},
	{HEADING_ABOUT, "quiénes somos"}, {HEADING_ABOUT, "qui sommes-nous"},
	{HEADING_ABOUT, "à propos de nous"}, {HEADING_ABOUT, "über uns"},
	{HEADING_ABOUT, "wer wir sind"}, {HEADING_ABOUT, "unser unternehmen"},
	{HEADING_ABOUT, "über das unternehmen"},
	/* the lists, in the words of pasted postings */
	{HEADING_RESP, "responsibilities"}, {HEADING_RESP, "key responsibilities"},
	{HEADING_RESP, "job responsibilities"},
	{HEADING_RESP, "main responsibilities"},
	{HEADING_RESP, "primary responsibilities"},
	{HEADING_RESP, "essential responsibilities"},
	{HEADING_RESP, "duties and responsibilities"},
	{HEADING_RESP, "responsibilities and duties"},
	{HEADING_RESP, "principales responsabilidades"},
	{HEADING_RESP, "responsabilidades principales"},
	{HEADING_RESP, "job duties"}, {HEADING_RESP, "essential duties"},
	{HEADING_RESP, "tasks"},
	{HEADING_RESP, "essential functions"}, {HEADING_RESP, "tareas"},
	{HEADING_RESP, "principales funciones"},
	{HEADING_RESP, "funciones principales"},
	{HEADING_RESP, "funciones del puesto"},
	{HEADING_QUAL, "required qualifications"},
	{HEADING_QUAL, "minimum qualifications"},
	{HEADING_QUAL, "skills and qualifications"},
	{HEADING_QUAL, "qualifications and skills"},
	{HEADING_QUAL, "qualities sought"},
	{HEADING_QUAL, "knowledge, skills and abilities"},
	{HEADING_QUAL, "requisitos mínimos"}, {HEADING_QUAL, "cualificaciones"},
	{HEADING_QUAL, "calificaciones"}, {HEADING_QUAL, "perfil"},
	{HEADING_QUAL, "perfil requerido"}, {HEADING_QUAL, "lo que buscamos"},
	{HEADING_PREF, "preferred qualifications"},
	{HEADING_PREF, "desired qualifications"},
	{HEADING_PREF, "bonus points"}, {HEADING_PREF, "preferred skills"},
	{HEADING_PREF, "se valorará"}, {HEADING_PREF, "requisitos deseables"},
	{HEADING_BENEFITS, "compensation"},
	{HEADING_BENEFITS, "compensation and benefits"},
	{HEADING_BENEFITS, "salary and benefits"},
	{HEADING_BENEFITS, "pay and benefits"},
	{HEADING_BENEFITS, "perks and benefits"},
	{HEADING_BENEFITS, "qué ofrecemos"},
	{HEADING_BENEFITS, "lo que ofrecemos"},
	{HEADING_BENEFITS, "salario y beneficios"},
	/* conditions of employment */
	{HEADING_CONDITIONS, "conditions of employment"},
	{HEADING_CONDITIONS, "conditions"},
	{HEADING_CONDITIONS, "employment conditions"},
	{HEADING_CONDITIONS, "physical requirements"},
	{HEADING_CONDITIONS, "condiciones"},
	{HEADING_CONDITIONS, "condiciones de empleo"},
	{HEADING_CONDITIONS, "condiciones laborales"},
	/* how to apply */
	{HEADING_APPLY, "how to apply"}, {HEADING_APPLY, "to apply"},
	{HEADING_APPLY, "apply"}, {HEADING_APPLY, "application process"},
	{HEADING_APPLY, "how to submit an application"},
	{HEADING_APPLY, "application instructions"},
	{HEADING_APPLY, "application procedure"},
	{HEADING_APPLY, "cómo aplicar"}, {HEADING_APPLY, "cómo postular"},
	{HEADING_APPLY, "para postular"}, {HEADING_APPLY, "para aplicar"},
	{HEADING_APPLY, "postulación"}, {HEADING_APPLY, "cómo solicitar"},
	{HEADING_APPLY, "candidaturas"},
	{HEADING_APPLY, "envío de candidaturas"},
	{HEADING_APPLY, "solicitudes"}, {HEADING_APPLY, "comment postuler"},
	{HEADING_APPLY, "pour postuler"}, {HEADING_APPLY, "bewerbung"},
	{HEADING_APPLY, "so bewirbst du dich"},
	{HEADING_APPLY, "so bewerben sie sich"},
};

/* "About ...": the words that open a heading about something. */
static const char *const about_words[] = {"about ", "sobre ", "acerca de "};

/* What "About ..." may be about that is the job, not the organization
 * ("About the role", "Sobre el puesto"). */
static const char *const the_job[] = {
	"the role", "the position", "the job", "this role", "this position",
	"the opportunity", "el puesto", "la posición", "la vacante",
	"el cargo",
};

/* Headings that name conditions of the work, not qualifications
 * ("Physical requirements"), when a list's words are part of them. */
static const char *const not_lists[] = {
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

/* True when folded text f is one of the n words of v. */
static bool
one_of(const char *f, const char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(f, v[i]))
			return true;
	return false;
}

/* What an "About ..." heading f (folded) names: the overview when it is
 * about the job, the organization when it is about org (with "the" or
 * not) or, with any, about anything in six words or fewer. */
static enum heading_kind
about_what(const char *f, const char *org, bool any)
{
	const char *rest = NULL;
	for (size_t i = 0; i < sizeof(about_words) / sizeof(*about_words) &&
	                   !rest; i++)
		if (!strncmp(f, about_words[i], strlen(about_words[i])))
			rest = f + strlen(about_words[i]);
	if (!rest)
		return HEADING_NONE;
	if (one_of(rest, the_job, sizeof(the_job) / sizeof(*the_job)))
		return HEADING_SUMMARY;
	if (org) {
		struct buf o = {0};
		fold_heading(&o, org);
		const char *r = rest;
		if (!strncmp(r, "the ", 4) && strncmp(o.s, "the ", 4))
			r += 4;
		bool same = !strcmp(r, o.s);
		buf_free(&o);
		if (same)
			return HEADING_ABOUT;
	}
	size_t words = 1;
	for (const char *q = f; *q; q++)
		words += *q == ' ';
	return any && *rest && words <= 6 ? HEADING_ABOUT : HEADING_NONE;
}

enum heading_kind
headings_name(const char *s, unsigned how, const char *org)
{
	if (strlen(s) > HEADING_MAX_LEN)
		return HEADING_NONE;
	struct buf f = {0};
	fold_heading(&f, s);
	enum heading_kind what = HEADING_NONE;
	for (size_t i = 0; i < sizeof(whole) / sizeof(*whole) &&
	                   what == HEADING_NONE; i++)
		if (!strcmp(f.s, whole[i].heading))
			what = whole[i].what;
	for (size_t i = 0; i < sizeof(names) / sizeof(*names) &&
	                   what == HEADING_NONE; i++)
		if (!strcmp(f.s, names[i].words))
			what = names[i].what;
	if (what == HEADING_NONE)
		what = about_what(f.s, org, how & HEADING_ANY_ABOUT);
	for (size_t i = 0; i < sizeof(not_lists) / sizeof(*not_lists) &&
	                   what == HEADING_NONE; i++) {
		if (strstr(f.s, not_lists[i])) {
			buf_free(&f);
			return HEADING_NONE;
		}
	}
	for (size_t i = 0; i < sizeof(names) / sizeof(*names) &&
	                   what == HEADING_NONE && !(how & HEADING_WHOLE); i++)
		if (strstr(f.s, names[i].words))
			what = names[i].what;
	buf_free(&f);
	return what;
}
