/* SPDX-License-Identifier: MIT */
/* gen: writes a seeded corpus of job postings in the FORMAT.md canonical
 * format for the benchmark, as one file of YAML documents or one file per
 * posting. The same seed and count always give the same bytes.
 *
 * The text is drawn from the words of the sample postings (the .yaml
 * files of data/), ranked by how often they occur there, with word
 * frequencies following a Zipf law (the word of rank r is picked with
 * probability proportional to 1/r); lengths and field mixes follow the
 * samples (see README.md). */
#include "config.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>

#include "gen.h"

/* The words of the sample postings in data/ (keys, URLs and addresses
 * left out), most frequent first, each in its lower-case form when the
 * samples use one. Made with the script in tests/bench/README.md ("The
 * vocabulary"). */
static const char *const words[] = {
	"and", "the", "to", "in", "of", "with", "a", "advocacy", "as",
	"policy", "or", "ACLU", "for", "community", "is", "justice", "new",
	"NYIC", "rights", "region", "will", "advocate", "equity",
	"experience", "SoCal", "work", "York", "at", "including", "on",
	"state", "team", "county", "that", "campaigns", "organizing",
	"partners", "racial", "immigrants", "Kern", "organizations", "all",
	"California", "civil", "coalitions", "criminal", "develop", "lead",
	"member", "members", "our", "provide", "relationships", "support",
	"are", "communities", "immigrant", "local", "media", "meetings",
	"organizer", "other", "serve", "well", "build", "coalition", "least",
	"organization", "organize", "policing", "position", "preferred",
	"staff", "this", "trainings", "Upstate", "years", "an", "around",
	"Consistently", "cover", "Director", "education", "efforts", "events",
	"focus", "issues", "office", "plan", "race", "social", "their",
	"travel", "we", "Western", "within", "activities", "advance",
	"agencies", "allies", "attend", "be", "Central", "changes",
	"communication", "cultivate", "diverse", "engagement", "ethnicity",
	"gender", "grassroots", "groups", "how", "individuals", "insurance",
	"leadership", "letter", "makers", "multiple", "necessary",
	"officials", "organizational", "participate", "people", "policies",
	"public", "resume", "sample", "skills", "Southern", "Spanish", "them",
	"three", "throughout", "volunteers", "writing", "ability",
	"accommodation", "administrative", "also", "apply", "Bakersfield",
	"based", "basis", "building", "by", "campaign", "closely",
	"commitment", "conduct", "Country", "developing", "disability",
	"employer", "engage", "equal", "Excellent", "exempt", "goals",
	"government", "has", "have", "identify", "identity", "Immigration",
	"impacts", "implementing", "legal", "liberties", "maintain",
	"materials", "mobilize", "more", "national", "needed", "North", "not",
	"opportunity", "organizers", "sexual", "statewide", "strategic",
	"strengthen", "structural", "through", "time", "working", "you",
	"access", "accountable", "ACLU’s", "across", "action", "activists",
	"advocates", "ages", "alerts", "ample", "any", "applying", "area",
	"assistance", "base", "Benefits", "bias", "blog", "bodies", "brief",
	"Buffalo", "can", "collaboration", "collaborative", "comfortable",
	"committed", "communications", "condition", "content", "convenings",
	"core", "culture", "decision", "decisions", "demonstrate", "dental",
	"dependents", "development", "disabilities", "disproportionate",
	"diversity", "does", "Drivers", "effect", "effectively", "eligible",
	"emails", "encourage", "encouraged", "engaging", "establish",
	"evenings", "execute", "experiences", "fact", "federal", "fellows",
	"field", "fifteen", "Foundation", "full-time", "genders", "governing",
	"holidays", "human", "ideally", "identifying", "If", "implications",
	"inclusion", "inclusive", "information", "initiative", "interns",
	"intersection", "interview", "key", "lawmakers", "leaders", "Leads",
	"leave", "letters", "levels", "license", "life", "lobbying",
	"long-term", "match", "may", "measures", "medical", "need",
	"objectives", "Occasional", "one", "online", "open", "Orange",
	"orientation", "out", "outcomes", "paid", "partner", "play", "player",
	"please", "possible", "posts", "power", "Project", "protect",
	"protected", "qualified", "races", "racially", "rallies",
	"reasonable", "references", "regions", "regular", "relevant",
	"reliable", "represent", "request", "required", "responsibilities",
	"Rochester", "role", "rolling", "salary", "Senior", "Services",
	"sheets", "short-term", "sick", "SoCal’s", "soon", "speaking",
	"spokesperson", "stakeholders", "strategy", "strongly", "supporters",
	"taking", "teams", "technical", "terms", "testimony", "than",
	"toolkits", "understanding", "US", "vacation", "values", "vehicle",
	"vision", "visits", "weekends", "who", "Workers", "about", "abuses",
	"accept", "accepted", "accountability", "achieve", "actions",
	"activate", "actively", "Activist", "adapt", "additional", "address",
	"adhere", "Amendment", "Angeles", "annual", "another",
	"anti-Blackness", "applicable", "Applications", "applies", "approval",
	"areas", "array", "assess", "asset", "assigned", "Assist",
	"Availability", "available", "ballot", "bargaining", "because",
	"been", "behavior", "being", "Bernardino", "beyond", "Bilingual",
	"booster", "both", "but", "CA", "Call", "calls", "candidates",
	"caregiving", "cause", "CA’s", "center", "chance", "changing",
	"characteristics", "circumstances", "citizenships", "city", "classes",
	"Classification", "clearly", "client", "collaborating", "collective",
	"comfort", "compelling", "Competencies", "concepts", "Conference",
	"consultation", "context", "continues", "conversations", "Coordinate",
	"coordinated", "covering", "COVID", "create", "creating", "data",
	"databases", "Day", "decision-makers", "decisionmakers", "deepen",
	"deepening", "demonstrated", "department", "devise", "different",
	"digital", "directory", "discriminate", "discrimination", "disrupt",
	"district", "dreams", "duties", "dynamics", "e-mail", "economic",
	"educational", "effective", "effort", "elected", "email", "Empire",
	"employment", "ensure", "enthusiastically", "entry", "environment",
	"envision", "equitable", "etc", "ethnic", "ethnicities", "evening",
	"excellence", "expand", "expected", "expert", "expression",
	"facilitate", "facilitating", "facilitation", "Fair", "fairly",
	"Familiarity", "family", "fast-paced", "feedback", "filled", "First",
	"Flexible", "forefront", "Forge", "forums", "Founded", "from", "full",
	"fully", "generating", "genetic", "geographies", "given", "Good",
	"graphics", "grow", "harassment", "Help", "helping", "here", "hiring",
	"hold", "honest", "honesty", "Hotline", "hour", "humility", "Hybrid",
	"immigrant-led", "immigrant-serving", "impacted", "implement",
	"implicit", "improve", "include", "includes", "independently",
	"individual", "inequity", "initiatives", "Inland", "intakes",
	"integrity", "Interested", "interests", "interpersonal",
	"intersectional", "involvement", "issue-based", "job", "juggle",
	"Just", "know", "Knowledge", "landscape", "language", "law", "laws",
	"Leading", "learning", "legislation", "legislative", "legislators",
	"level", "LGBTQ", "like", "line", "link", "lived", "lives", "Lobby",
	"logistical", "looking", "Los", "mainstream", "major", "make",
	"Manage", "many", "marital", "meeting", "membership", "mission",
	"model", "must", "nearly", "network", "No", "non-defensively",
	"non-traditional", "nonpartisan", "NY", "NYIC’s", "NYS", "offices",
	"only", "onsite", "op-eds", "openly", "operate", "opportunities",
	"organization’s", "orientations", "origins", "outlets", "outreach",
	"partnerships", "parts", "people’s", "performance", "periodic",
	"Personal", "phone", "planning", "plans", "played", "plays", "police",
	"political", "portal", "posture", "powerful", "practices", "presence",
	"press", "Principled", "priorities", "priority", "privilege",
	"procedures", "process", "produce", "professional", "Proficiency",
	"programs", "Project’s", "promote", "promotion", "proof", "providers",
	"providing", "pursue", "push", "racism", "range", "rapid", "receive",
	"recruit", "recruitment", "reflects", "reform", "reforms",
	"regarding", "regional", "relate", "related", "religions", "Remote",
	"report", "reports", "Representative", "reproductive", "require",
	"requires", "resources", "respect", "response", "retention",
	"reviewed", "run", "Sacramento", "San", "school", "seeks", "selected",
	"send", "service", "set", "should", "sign", "similar", "so",
	"society", "solutions", "someone", "spaces", "speaker", "spoken",
	"stakeholder", "standard", "standards", "start", "status", "statuses",
	"stories", "strategies", "strive", "strong", "stronger", "subject",
	"submit", "successful", "successfully", "such", "Supervise",
	"supervisory", "sustain", "sustainability", "systems", "tackles",
	"tasks", "tell", "these", "They", "those", "thought", "thrive",
	"time-management", "tolerate", "topics", "traditional", "treated",
	"Trusted", "umbrella", "unconscious", "union", "unit", "unite",
	"unlawfully", "until", "upon", "USD", "use", "using", "utilize",
	"Vaccinated", "Vaccination", "Valley", "value", "various", "vast",
	"verbal", "view", "volunteer", "voter", "voting", "ways", "weekend",
	"welcome", "which", "white", "wider", "willingness", "workday",
	"workforce", "workplace", "workshops", "written", "year", "Yorkers",
	"York’s", "your",
};
#define NWORDS (sizeof(words) / sizeof(words[0]))

/* Random numbers ------------------------------------------------------- */

/* xoshiro256** seeded through splitmix64: the same on every platform,
 * unlike rand(). */
static uint64_t rs[4];

static uint64_t
splitmix(uint64_t *x)
{
	uint64_t z = (*x += 0x9e3779b97f4a7c15u);
	z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
	z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
	return z ^ (z >> 31);
}

static void
rnd_seed(uint64_t seed)
{
	for (int i = 0; i < 4; i++)
		rs[i] = splitmix(&seed);
}

static uint64_t
rotl(uint64_t x, int k)
{
	return (x << k) | (x >> (64 - k));
}

uint64_t
gen_rnd(void)
{
	uint64_t r = rotl(rs[1] * 5, 7) * 9, t = rs[1] << 17;
	rs[2] ^= rs[0];
	rs[3] ^= rs[1];
	rs[1] ^= rs[2];
	rs[0] ^= rs[3];
	rs[2] ^= t;
	rs[3] = rotl(rs[3], 45);
	return r;
}

/* A double in [0, 1). */
double
gen_unit(void)
{
	return (double)(gen_rnd() >> 11) * 0x1.0p-53;
}

/* An integer in [lo, hi]. */
long
gen_range(long lo, long hi)
{
	return lo + (long)(gen_rnd() % (uint64_t)(hi - lo + 1));
}

/* True with probability p. */
bool
gen_chance(double p)
{
	return gen_unit() < p;
}

/* An integer in [lo, hi], more often near the middle (sum of two). */
long
gen_tri(long lo, long hi)
{
	return (gen_range(lo, hi) + gen_range(lo, hi) + 1) / 2;
}

/* Zipf-distributed word: cumulative weights 1/r, searched by halving. */
static double zipf_cdf[NWORDS];

static void
zipf_init(void)
{
	double sum = 0;
	for (size_t r = 0; r < NWORDS; r++) {
		sum += 1.0 / (double)(r + 1);
		zipf_cdf[r] = sum;
	}
	for (size_t r = 0; r < NWORDS; r++)
		zipf_cdf[r] /= sum;
}

const char *
gen_word(void)
{
	double u = gen_unit();
	size_t lo = 0, hi = NWORDS - 1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (zipf_cdf[mid] < u)
			lo = mid + 1;
		else
			hi = mid;
	}
	return words[lo];
}

/* Output ---------------------------------------------------------------- */

/* One posting's text, written out whole. */
static struct {
	char *s;
	size_t len, cap;
} out;

static void
grow(size_t n)
{
	if (out.len + n + 1 <= out.cap)
		return;
	size_t cap = out.cap ? out.cap : 1 << 16;
	while (cap < out.len + n + 1)
		cap *= 2;
	char *s = realloc(out.s, cap);
	if (!s) {
		fputs("gen: out of memory\n", stderr);
		exit(1);
	}
	out.s = s;
	out.cap = cap;
}

void
gen_put(const char *s, size_t len)
{
	grow(len);
	memcpy(out.s + out.len, s, len);
	out.len += len;
	out.s[out.len] = '\0';
}

void
gen_puts(const char *s)
{
	gen_put(s, strlen(s));
}

void
gen_putf(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	grow((size_t)n);
	va_start(ap, fmt);
	vsnprintf(out.s + out.len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	out.len += (size_t)n;
}

size_t
gen_len(void)
{
	return out.len;
}

void
gen_crlf(size_t from)
{
	size_t lf = 0;
	for (size_t i = from; i < out.len; i++)
		lf += out.s[i] == '\n';
	grow(lf);
	size_t w = out.len + lf;
	out.s[w] = '\0';
	for (size_t i = out.len; i-- > from;) {
		out.s[--w] = out.s[i];
		if (out.s[i] == '\n')
			out.s[--w] = '\r';
	}
	out.len += lf;
}

/* Text ------------------------------------------------------------------ */

void
gen_sadd(struct str *t, const char *s)
{
	size_t n = strlen(s);
	if (t->len + n + 1 > sizeof(t->s))
		n = sizeof(t->s) - 1 - t->len;
	memcpy(t->s + t->len, s, n);
	t->len += n;
	t->s[t->len] = '\0';
}

/* Appends a word with its first letter in upper case (ASCII words). */
void
gen_sadd_cap(struct str *t, const char *w)
{
	size_t at = t->len;
	gen_sadd(t, w);
	if (t->s[at] >= 'a' && t->s[at] <= 'z')
		t->s[at] = (char)(t->s[at] - 'a' + 'A');
}

static const char *const numbers[] = {
	"2", "3", "5", "10", "50%", "7.5", "200", "25%", "2024", "15",
};

/* Appends a sentence of lo..hi words: capitalised, commas now and then,
 * a number once in a while, a final period. Plain-scalar safe: no ": ",
 * no " #", never starts with an indicator. */
void
gen_sentence(struct str *t, int lo, int hi)
{
	int n = (int)gen_tri(lo, hi);
	for (int i = 0; i < n; i++) {
		if (i) {
			if (i > 2 && i < n - 2 && gen_chance(0.07))
				gen_sadd(t, ",");
			gen_sadd(t, " ");
		}
		if (i == 0)
			gen_sadd_cap(t, gen_word());
		else if (gen_chance(0.01))
			gen_sadd(t, PICK(numbers));
		else
			gen_sadd(t, gen_word());
	}
	gen_sadd(t, ".");
}

/* A paragraph of lo..hi sentences. */
void
gen_paragraph(struct str *t, int lo, int hi)
{
	int n = (int)gen_range(lo, hi);
	for (int i = 0; i < n; i++) {
		if (i)
			gen_sadd(t, " ");
		gen_sentence(t, 8, 34);
	}
}

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

/* Names ----------------------------------------------------------------- */

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

/* Fields ---------------------------------------------------------------- */

/* A date in 2023..2025 as days since 2023-01-01 and back. */
void
gen_put_date(long day)
{
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30,
	                            31};
	int y = 2023;
	for (;;) {
		int yl = (y % 4 == 0) ? 366 : 365;
		if (day < yl)
			break;
		day -= yl;
		y++;
	}
	int m = 0;
	for (;; m++) {
		int md = mdays[m] + (m == 1 && y % 4 == 0);
		if (day < md)
			break;
		day -= md;
	}
	gen_putf("%04d-%02d-%02ld", y, m + 1, day + 1);
}

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
		case 2: gen_putf("name: %s %s\n", PICK(areas), c->city); break;
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

/* --short: postings of a few fields only. */
static bool short_postings;

/* Writes posting i (0-based) into out. */
static void
posting(long i, uint64_t seed)
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
	if (short_postings) {
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
		gen_putf("department: %s\n", PICK(title_areas));
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

/* Files ----------------------------------------------------------------- */

static int
usage(FILE *f, int status)
{
	fputs("Usage: gen [-n N] [-s SEED] [-o PATH] [--split | --pages]\n"
	      "           [--short] [-q]\n"
	      "Writes N postings (default 1000) generated from SEED (default 1)\n"
	      "to PATH (default standard output) as YAML documents, or with\n"
	      "--split as one file per posting under the directory PATH, in\n"
	      "subdirectories of 1000 files; with --pages as one job page\n"
	      "(.html, 30-300 KB) per posting, the same way. --short: postings\n"
	      "of the list's fields and a line of summary (some 300 bytes: a\n"
	      "million fit a machine's memory). -q: no summary on stderr.\n", f);
	return status;
}

/* Makes a directory unless it exists. */
static void
make_dir(const char *path)
{
	if (mkdir(path, 0777) != 0 && errno != EEXIST) {
		fprintf(stderr, "gen: cannot create %s: %s\n", path,
		        strerror(errno));
		exit(1);
	}
}

/* Writes out's bytes to f; exits on error. */
static void
flush_to(FILE *f, const char *path)
{
	if (fwrite(out.s, 1, out.len, f) != out.len) {
		fprintf(stderr, "gen: cannot write %s: %s\n", path,
		        strerror(errno));
		exit(1);
	}
	out.len = 0;
}

int
main(int argc, char **argv)
{
	long n = 1000;
	unsigned long long seed = 1;
	const char *path = NULL;
	bool split = false, pages = false, quiet = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		char *end;
		if (!strcmp(a, "--split")) {
			split = true;
		} else if (!strcmp(a, "--pages")) {
			pages = split = true;
		} else if (!strcmp(a, "--short")) {
			short_postings = true;
		} else if (!strcmp(a, "-q")) {
			quiet = true;
		} else if (!strcmp(a, "-h") || !strcmp(a, "--help")) {
			return usage(stdout, 0);
		} else if (i + 1 < argc && !strcmp(a, "-n")) {
			errno = 0;
			n = strtol(argv[++i], &end, 10);
			if (errno || *end || n < 0)
				return usage(stderr, 2);
		} else if (i + 1 < argc && !strcmp(a, "-s")) {
			errno = 0;
			seed = strtoull(argv[++i], &end, 10);
			if (errno || *end)
				return usage(stderr, 2);
		} else if (i + 1 < argc && !strcmp(a, "-o")) {
			path = argv[++i];
		} else {
			return usage(stderr, 2);
		}
	}
	if (split && !path) {
		fputs(pages ? "gen: --pages needs -o DIRECTORY\n"
		            : "gen: --split needs -o DIRECTORY\n", stderr);
		return 2;
	}
	rnd_seed(seed);
	zipf_init();

	unsigned long long bytes = 0;
	if (!split) {
		FILE *f = path && strcmp(path, "-") ? fopen(path, "w") : stdout;
		if (!f) {
			fprintf(stderr, "gen: cannot create %s: %s\n", path,
			        strerror(errno));
			return 1;
		}
		for (long i = 0; i < n; i++) {
			gen_puts("---\n");
			posting(i, seed);
			bytes += out.len;
			flush_to(f, path ? path : "standard output");
		}
		if ((f != stdout ? fclose(f) : fflush(f)) != 0) {
			fprintf(stderr, "gen: cannot write %s: %s\n",
			        path ? path : "standard output", strerror(errno));
			return 1;
		}
	} else {
		make_dir(path);
		size_t pl = strlen(path);
		char *file = malloc(pl + 64);
		if (!file) {
			fputs("gen: out of memory\n", stderr);
			return 1;
		}
		for (long i = 0; i < n; i++) {
			if (i % 1000 == 0) {
				snprintf(file, pl + 64, "%s/%04ld", path, i / 1000);
				make_dir(file);
			}
			snprintf(file, pl + 64, "%s/%04ld/%s-%07ld.%s", path,
			         i / 1000, pages ? "page" : "posting", i + 1,
			         pages ? "html" : "yaml");
			if (pages)
				gen_page(i, seed, gen_page_size());
			else
				posting(i, seed);
			bytes += out.len;
			FILE *f = fopen(file, "w");
			if (!f) {
				fprintf(stderr, "gen: cannot create %s: %s\n", file,
				        strerror(errno));
				return 1;
			}
			flush_to(f, file);
			if (fclose(f) != 0) {
				fprintf(stderr, "gen: cannot write %s: %s\n", file,
				        strerror(errno));
				return 1;
			}
		}
		free(file);
	}
	free(out.s);
	if (!quiet)
		fprintf(stderr, "gen: %ld %s, %llu bytes%s%s (seed %llu)\n",
		        n, pages ? "pages" : "postings", bytes, path ? " to " : "",
		        path ? path : "", seed);
	return 0;
}
