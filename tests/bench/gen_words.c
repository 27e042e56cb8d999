/* SPDX-License-Identifier: MIT */
/* gen_words: the generator's random numbers (xoshiro256**, the same on
 * every platform) and its text: the words of the sample postings drawn
 * by rank (Zipf), made into sentences and paragraphs. */
#include "config.h"

#include <stdbool.h>
#include <stdint.h>
#include <string.h>

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

void
gen_seed(uint64_t seed)
{
	rnd_seed(seed);
	zipf_init();
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
