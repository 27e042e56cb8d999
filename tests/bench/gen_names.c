/* SPDX-License-Identifier: MIT */
/* gen_names: the generator's names: places (a quarter outside the US),
 * organisations (some in other scripts and languages) with their
 * initials, job titles, and slugs made of them for ids. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

#include "gen.h"

static const struct city us_cities[] = {
	{"Bakersfield", "CA", "US", "USD"}, {"Buffalo", "NY", "US", "USD"},
	{"New York", "NY", "US", "USD"}, {"Rochester", "NY", "US", "USD"},
	{"York", "PA", "US", "USD"}, {"Yorktown Heights", "NY", "US", "USD"},
	{"Los Angeles", "CA", "US", "USD"}, {"Fresno", "CA", "US", "USD"},
	{"Oakland", "CA", "US", "USD"}, {"San Bernardino", "CA", "US", "USD"},
	{"Chicago", "IL", "US", "USD"}, {"Detroit", "MI", "US", "USD"},
	{"Washington", "DC", "US", "USD"}, {"Albuquerque", "NM", "US", "USD"},
	{"San Antonio", "TX", "US", "USD"}, {"El Paso", "TX", "US", "USD"},
	{"Atlanta", "GA", "US", "USD"}, {"Seattle", "WA", "US", "USD"},
	{"Syracuse", "NY", "US", "USD"}, {"Albany", "NY", "US", "USD"},
	{"Española", "NM", "US", "USD"}, {"Cañon City", "CO", "US", "USD"},
	{"Boston", "MA", "US", "USD"}, {"Minneapolis", "MN", "US", "USD"},
};

static const struct city world_cities[] = {
	{"Montréal", "QC", "CA", "CAD"}, {"Québec", "QC", "CA", "CAD"},
	{"Toronto", "ON", "CA", "CAD"}, {"Ciudad de México", "CDMX", "MX", "MXN"},
	{"Bogotá", NULL, "CO", "COP"}, {"São Paulo", "SP", "BR", "BRL"},
	{"Zürich", "ZH", "CH", "CHF"}, {"Genève", "GE", "CH", "CHF"},
	{"Kraków", NULL, "PL", "PLN"}, {"Łódź", NULL, "PL", "PLN"},
	{"Malmö", NULL, "SE", "SEK"}, {"Reykjavík", NULL, "IS", "ISK"},
	{"München", "BY", "DE", "EUR"}, {"Köln", "NW", "DE", "EUR"},
	{"Paris", NULL, "FR", "EUR"}, {"London", NULL, "GB", "GBP"},
	{"東京", "東京都", "JP", "JPY"}, {"大阪", "大阪府", "JP", "JPY"},
	{"北京", NULL, "CN", "CNY"}, {"서울", NULL, "KR", "KRW"},
	{"Москва", NULL, "RU", "RUB"}, {"Санкт-Петербург", NULL, "RU", "RUB"},
	{"Київ", NULL, "UA", "UAH"}, {"Αθήνα", NULL, "GR", "EUR"},
	{"Θεσσαλονίκη", NULL, "GR", "EUR"},
};

const struct city *
gen_city(void)
{
	return gen_chance(0.75) ? &PICK(us_cities) : &PICK(world_cities);
}

static const char *const causes[] = {
	"Immigration", "Immigrant Rights", "Civil Liberties", "Tenant",
	"Housing Justice", "Workers", "Legal Aid", "Youth", "Health Equity",
	"Climate Justice", "Voting Rights", "Community", "Racial Equity",
	"Education", "Disability Rights", "Food Justice", "Policy",
};
static const char *const kinds[] = {
	"Coalition", "Alliance", "Project", "Center", "Fund", "Network",
	"Foundation", "Union", "Council", "Collaborative", "Institute",
};
static const char *const areas[] = {
	"Western", "Central", "Upstate", "Southern", "Northern", "Eastern",
	"Greater", "Inland", "Coastal",
};

/* Organisations named in other scripts and languages. */
static const char *const world_orgs[] = {
	"Coalición por los Derechos de los Inmigrantes",
	"Asociación de Inquilinos de Bogotá",
	"Fundação Comunitária de São Paulo",
	"Société d'entraide de Montréal",
	"Association québécoise des travailleurs",
	"Zürcher Mieterinnen- und Mieterverband",
	"Verein für Arbeitsrecht München",
	"Fundacja Pomocy Prawnej w Łodzi",
	"Föreningen för migranters rättigheter i Malmö",
	"東京市民連合", "大阪労働者センター", "北京公益法律援助中心",
	"서울 이주민 인권 센터",
	"Фонд защиты прав мигрантов", "Союз арендаторов Москвы",
	"Київський центр правової допомоги",
	"Ένωση Εργαζομένων Αθηνών", "Δίκτυο Αλληλεγγύης Θεσσαλονίκης",
	"Réseau d'éducation populaire de Genève",
};

static const char *const title_levels[] = {
	"", "", "", "Senior ", "Associate ", "Lead ", "Upstate ", "Regional ",
	"Deputy ", "Junior ", "Principal ", "Interim ",
};
static const char *const title_areas[] = {
	"Policy", "Community", "Development", "Communications", "Program",
	"Data", "Finance", "Legal", "Campaign", "Field", "Advocacy",
	"Operations", "Youth", "Immigration", "Organizing", "Research",
};
static const char *const title_roles[] = {
	"Advocate", "Organizer", "Director", "Manager", "Coordinator",
	"Analyst", "Attorney", "Associate", "Specialist", "Fellow",
	"Assistant", "Officer", "Paralegal", "Strategist",
};

/* A field of work, as departments and titles name them ("Policy",
 * "Data", "Legal"...). */
const char *
gen_department(void)
{
	return PICK(title_areas);
}

/* A part of a region, as names of places and organisations begin
 * ("Western", "Upstate"...). */
const char *
gen_area(void)
{
	return PICK(areas);
}

/* Writes a job title into t. */
void
gen_title(struct str *t)
{
	if (gen_chance(0.15)) {
		gen_sadd(t, PICK(title_levels));
		gen_sadd(t, "Director of ");
		gen_sadd(t, PICK(title_areas));
		return;
	}
	gen_sadd(t, PICK(title_levels));
	gen_sadd(t, PICK(title_areas));
	gen_sadd(t, " ");
	gen_sadd(t, PICK(title_roles));
	if (gen_chance(0.1)) {
		gen_sadd(t, " and ");
		gen_sadd(t, PICK(title_roles));
	}
}

/* Appends the lower-case ASCII letters and digits of s, dashes between
 * words, at most max bytes; non-ASCII words are skipped. */
void
gen_slug(struct str *t, const char *s, size_t max)
{
	size_t start = t->len;
	bool dash = false;
	for (; *s && t->len - start < max; s++) {
		char c = *s;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && t->len > start) {
				char d[2] = "-";
				gen_sadd(t, d);
			}
			dash = false;
			char one[2] = {c, 0};
			gen_sadd(t, one);
		} else {
			dash = true;
		}
	}
}

/* The organisation: a name in another script now and then, else its
 * area or city, cause and kind, and its initials. */
void
gen_org(struct str *org, struct str *sh, const struct city *home)
{
	if (gen_chance(0.15)) {
		gen_sadd(org, PICK(world_orgs));
	} else {
		if (gen_chance(0.5)) {
			gen_sadd(org, gen_chance(0.4) ? PICK(areas)
			                               : home->city);
			gen_sadd(org, " ");
			gen_sadd(org, PICK(causes));
			gen_sadd(org, " ");
			gen_sadd(org, PICK(kinds));
		} else {
			gen_sadd(org, PICK(causes));
			gen_sadd(org, " ");
			gen_sadd(org, PICK(kinds));
			gen_sadd(org, " of ");
			gen_sadd(org, home->city);
		}
		for (const char *p = org->s; *p; p++)
			if ((p == org->s || p[-1] == ' ') && *p >= 'A' &&
			    *p <= 'Z') {
				char one[2] = {*p, 0};
				gen_sadd(sh, one);
			}
	}
}
