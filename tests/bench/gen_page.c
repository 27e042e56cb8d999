/* SPDX-License-Identifier: MIT */
/* gen_page: a job page as job boards publish them, for the pages corpus
 * of the benchmark: a head of meta and link tags, style blocks and
 * scripts (analytics, inline code with "<" and "</" in its strings, a
 * bundle), a cookie banner, navigation, the posting shown, an
 * application form, similar jobs, a footer of links and icons, and one
 * JSON-LD JobPosting block whose description is HTML (paragraphs, lists,
 * the headings Responsibilities, Qualifications and Benefits, entities,
 * links). The block is written as the boards' stacks write it: raw HTML
 * in the string, Rails' \u003c escapes, PHP's \/ and \uXXXX escapes, or
 * Yoast's @graph. Sizes vary from 30 to 300 KB, as real pages do. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "gen.h"

/* A growing string, for text written twice (the description). */
struct dbuf {
	char *s;
	size_t len, cap;
};

static void
dadd(struct dbuf *d, const char *s, size_t len)
{
	if (d->len + len + 1 > d->cap) {
		size_t cap = d->cap ? d->cap : 4096;
		while (cap < d->len + len + 1)
			cap *= 2;
		char *t = realloc(d->s, cap);
		if (!t) {
			fputs("gen: out of memory\n", stderr);
			exit(1);
		}
		d->s = t;
		d->cap = cap;
	}
	memcpy(d->s + d->len, s, len);
	d->len += len;
	d->s[d->len] = '\0';
}

static void
dputs(struct dbuf *d, const char *s)
{
	dadd(d, s, strlen(s));
}

/* How a board's stack writes the JSON-LD block. */
enum ld_style {
	LD_RAW,   /* HTML as it is in the strings, pretty-printed (Lever) */
	LD_RAILS, /* minified, <, > and & as \u003c \u003e \u0026
	           * (Greenhouse, Rails' to_json) */
	LD_PHP,   /* "/" as "\/", non-ASCII as \uXXXX (wp_json_encode) */
	LD_GRAPH, /* Yoast's @graph: WebPage, Organization, JobPosting */
};

/* Writes s as a JSON string in the given style. */
static void
json_str(const char *s, enum ld_style st)
{
	gen_put("\"", 1);
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned c = *p;
		char esc[16];
		if (c == '"' || c == '\\') {
			esc[0] = '\\';
			esc[1] = (char)c;
			gen_put(esc, 2);
			p++;
		} else if (c == '\n') {
			gen_put("\\n", 2);
			p++;
		} else if (c < 0x20) {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			gen_puts(esc);
			p++;
		} else if (st == LD_RAILS && (c == '<' || c == '>' || c == '&')) {
			snprintf(esc, sizeof(esc), "\\u%04x", c);
			gen_puts(esc);
			p++;
		} else if (st == LD_PHP && c == '/') {
			gen_put("\\/", 2);
			p++;
		} else if (st == LD_PHP && c >= 0x80) {
			/* one UTF-8 character as \uXXXX, a pair past U+FFFF */
			unsigned cp, n = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : 2;
			cp = c & (0x7F >> n);
			for (unsigned k = 1; k < n && p[k]; k++)
				cp = cp << 6 | (p[k] & 0x3F);
			if (cp > 0xFFFF) {
				cp -= 0x10000;
				snprintf(esc, sizeof(esc), "\\u%04x\\u%04x",
				         0xD800 + (cp >> 10), 0xDC00 + (cp & 0x3FF));
			} else {
				snprintf(esc, sizeof(esc), "\\u%04x", cp);
			}
			gen_puts(esc);
			p += n;
		} else {
			const unsigned char *q = p;
			while (*q && *q != '"' && *q != '\\' && *q >= 0x20 &&
			       !(st == LD_RAILS && (*q == '<' || *q == '>' ||
			                            *q == '&')) &&
			       !(st == LD_PHP && (*q == '/' || *q >= 0x80)))
				q++;
			gen_put((const char *)p, (size_t)(q - p));
			p = q;
		}
	}
	gen_put("\"", 1);
}

/* Writes text for HTML: &, < and > as entities. */
static void
put_text(const char *s)
{
	for (const char *p = s; *p;) {
		size_t n = strcspn(p, "&<>");
		gen_put(p, n);
		p += n;
		if (*p)
			gen_puts(*p == '&' ? "&amp;" : *p == '<' ? "&lt;" : "&gt;");
		if (*p)
			p++;
	}
}

/* A sentence for HTML, with an entity now and then. */
static void
html_sentence(struct dbuf *d, int lo, int hi)
{
	struct str t = {.len = 0};
	t.s[0] = '\0';
	gen_sentence(&t, lo, hi);
	double u = gen_unit();
	if (u < 0.08 && t.len > 2) {
		/* "... the work &mdash; and ..." */
		t.s[t.len - 1] = '\0';
		dputs(d, t.s);
		dputs(d, gen_chance(0.5) ? " &mdash; " : "&nbsp;&ndash; ");
		dputs(d, gen_word());
		dputs(d, " ");
		dputs(d, gen_word());
		dputs(d, ".");
		return;
	}
	if (u < 0.14) {
		dputs(d, gen_chance(0.5) ? "We&rsquo;re " : "You&#8217;ll ");
		t.s[0] = (char)(t.s[0] >= 'A' && t.s[0] <= 'Z' ? t.s[0] + 32
		                                                : t.s[0]);
	} else if (u < 0.18) {
		dputs(d, "Research &amp; policy: ");
	}
	dputs(d, t.s);
}

/* The headings a board gives the canonical lists. */
static const char *const resp_heads[] = {
	"Responsibilities", "Responsibilities", "Key Responsibilities",
	"What you&#39;ll do", "Duties",
};
static const char *const qual_heads[] = {
	"Qualifications", "Qualifications", "Requirements",
	"What we&#39;re looking for", "Minimum Qualifications",
};
static const char *const ben_heads[] = {
	"Benefits", "Benefits", "What we offer", "Perks &amp; Benefits",
};

/* Starts a heading in the page's style of headings. */
static void
heading(struct dbuf *d, int hs, const char *h)
{
	static const char *const open[] = {"<h3>", "<p><strong>", "<h2>",
	                                   "<b>"};
	static const char *const close[] = {"</h3>", "</strong></p>", "</h2>",
	                                    ":</b><br>"};
	dputs(d, open[hs]);
	dputs(d, h);
	dputs(d, close[hs]);
	dputs(d, "\n");
}

/* A list of n items: <ul>, or lines of "• " in <br> style (hs 3). */
static void
items(struct dbuf *d, int hs, int n, int lo, int hi)
{
	dputs(d, hs == 3 ? "" : "<ul>\n");
	for (int i = 0; i < n; i++) {
		dputs(d, hs == 3 ? "&bull; " : "<li>");
		html_sentence(d, lo, hi);
		if (hs != 3 && gen_chance(0.05)) {
			/* a nested list */
			dputs(d, "<ul><li>");
			html_sentence(d, 4, 10);
			dputs(d, "</li><li>");
			html_sentence(d, 4, 10);
			dputs(d, "</li></ul>");
		}
		dputs(d, hs == 3 ? "<br>\n" : "</li>\n");
	}
	dputs(d, hs == 3 ? "<br>\n" : "</ul>\n");
}

/* A paragraph of lo..hi sentences. */
static void
para(struct dbuf *d, int hs, int lo, int hi)
{
	dputs(d, hs == 3 ? "" : "<p>");
	for (long n = gen_range(lo, hi); n > 0; n--) {
		html_sentence(d, 8, 30);
		if (n > 1)
			dputs(d, " ");
	}
	dputs(d, hs == 3 ? "<br><br>\n" : "</p>\n");
}

/* The posting's description, as HTML. */
static void
description(struct dbuf *d, const char *org, const char *site)
{
	int hs = gen_chance(0.15) ? 3 : (int)gen_range(0, 2);
	if (gen_chance(0.7)) {
		dputs(d, hs == 3 ? "" : "<p>");
		dputs(d, "<strong>");
		dputs(d, org);
		dputs(d, "</strong> ");
		html_sentence(d, 10, 30);
		dputs(d, " ");
		html_sentence(d, 10, 30);
		dputs(d, hs == 3 ? "<br><br>\n" : "</p>\n");
	}
	for (long n = gen_tri(1, 3); n > 0; n--)
		para(d, hs, 2, 5);
	heading(d, hs, PICK(resp_heads));
	items(d, hs, (int)gen_tri(5, 15), 6, 30);
	heading(d, hs, PICK(qual_heads));
	items(d, hs, (int)gen_tri(4, 10), 6, 26);
	if (gen_chance(0.4)) {
		heading(d, hs, "Preferred Qualifications");
		items(d, hs, (int)gen_tri(2, 6), 4, 20);
	}
	if (gen_chance(0.8)) {
		heading(d, hs, PICK(ben_heads));
		if (gen_chance(0.7))
			items(d, hs, (int)gen_tri(3, 8), 4, 16);
		else
			para(d, hs, 1, 3);
	}
	dputs(d, hs == 3 ? "" : "<p>");
	dputs(d, "Learn more about our work and values at <a href=\"https://");
	dputs(d, site);
	dputs(d, "/about\" target=\"_blank\" rel=\"noopener\">our website</a>. ");
	html_sentence(d, 10, 24);
	dputs(d, hs == 3 ? "<br>\n" : "</p>\n");
	if (gen_chance(0.6)) {
		dputs(d, "<p><em>");
		dputs(d, org);
		dputs(d, " is an equal opportunity employer&nbsp;&mdash; we "
		      "encourage people of every background to apply.</em>"
		      "</p>\n");
	}
}

/* Fillers: the bulk of a page, written until it reaches a size --------- */

static const char *const css_props[] = {
	"display:flex", "display:block", "display:none", "margin:0 auto",
	"padding:0 16px", "color:#1a1a1a", "color:#5c5c5c",
	"background:#fff", "background-color:#f5f7fa",
	"font-family:\"Helvetica Neue\",Arial,sans-serif", "font-size:14px",
	"font-weight:600", "line-height:1.5", "border:1px solid #e1e4e8",
	"border-radius:4px", "box-shadow:0 1px 3px rgba(0,0,0,.12)",
	"justify-content:space-between", "align-items:center",
	"text-decoration:none", "transition:opacity .2s ease-in-out",
	"max-width:1200px", "width:100%", "position:relative",
	"content:\"\\203A\"", "grid-template-columns:repeat(3,1fr)",
};

/* Style rules until the page has until bytes. */
static void
css(size_t until)
{
	bool media = false;
	while (gen_len() < until) {
		if (!media && gen_chance(0.05)) {
			gen_putf("@media (max-width:%ldpx){",
			         gen_range(40, 120) * 10);
			media = true;
		}
		gen_putf(".%s-%s", gen_word(), gen_word());
		if (gen_chance(0.3))
			gen_putf(" > .%s", gen_word());
		if (gen_chance(0.15))
			gen_puts(":hover");
		gen_puts("{");
		for (long n = gen_range(1, 6); n > 0; n--)
			gen_putf("%s%s", PICK(css_props), n > 1 ? ";" : "");
		gen_puts("}");
		if (media && gen_chance(0.2)) {
			gen_puts("}");
			media = false;
		}
		gen_puts(gen_chance(0.3) ? "\n" : "");
	}
	gen_puts(media ? "}\n" : "\n");
}

/* Minified code until the page has until bytes: functions, comparisons,
 * and markup in its strings ("<div>", "</a>", "<\/script>"), never the
 * bytes that end a script. */
static void
js(size_t until)
{
	unsigned k = 0;
	while (gen_len() < until) {
		k++;
		switch (gen_range(0, 6)) {
		case 0:
			gen_putf("function %c%u(e,t){return e<t?e:t}", 'a' +
			         (int)(k % 26), k);
			break;
		case 1:
			gen_putf("var %c%u='<div class=\"%s-%s\"><a href=\"'+e."
			         "url+'\">'+e.title+'</a></div>';", 'r' +
			         (int)(k % 8), k, gen_word(), gen_word());
			break;
		case 2:
			gen_putf("for(var i=0;i<n.length&&i<%ld;i++){n[i]."
			         "classList.toggle(\"is-%s\",i>>1<%u)}",
			         gen_range(3, 50), gen_word(), k % 9);
			break;
		case 3:
			gen_putf("document.write(\"<img src=\\\"/px.gif?u=%u\\\""
			         " alt=\\\"\\\"><\\/img>\");", k);
			break;
		case 4:
			gen_putf("t.exports={name:\"%s\",version:\"%ld.%ld.%ld\","
			         "test:/<\\/?[a-z][^>]*>/g};", gen_word(),
			         gen_range(1, 9), gen_range(0, 30),
			         gen_range(0, 9));
			break;
		case 5:
			gen_putf("if(o<%u&&\"</\"!==s.slice(0,2)){s=\"<\\/sc\"+"
			         "\"ript>\"+s}", k);
			break;
		default:
			gen_putf("e.%s=function(){return this.%s||\"%s\"};",
			         gen_word(), gen_word(), gen_word());
			break;
		}
		if (gen_chance(0.1))
			gen_puts("\n");
	}
	gen_puts("\n");
}

/* A state object of similar jobs (an application's data) until the page
 * has until bytes. */
static void
state_json(size_t until)
{
	gen_puts("{\"props\":{\"pageProps\":{\"jobs\":[");
	for (unsigned k = 0; gen_len() < until || k == 0; k++) {
		struct str t = {.len = 0}, s = {.len = 0};
		t.s[0] = s.s[0] = '\0';
		gen_title(&t);
		gen_sentence(&s, 10, 30);
		gen_putf("%s{\"id\":%ld,\"title\":", k ? "," : "",
		         gen_range(100000, 999999));
		json_str(t.s, LD_RAW);
		gen_puts(",\"location\":");
		json_str(gen_city()->city, LD_RAW);
		gen_puts(",\"teaser\":");
		json_str(s.s, LD_RAW);
		gen_putf(",\"remote\":%s}", gen_chance(0.3) ? "true" : "false");
	}
	gen_puts("]},\"__N_SSP\":true},\"page\":\"/jobs/[id]\"}");
}

/* An inline icon: paths of numbers, as SVG sprites are. */
static void
svg_icon(void)
{
	gen_puts("<svg class=\"icon\" viewBox=\"0 0 24 24\" aria-hidden=\"true\">"
	         "<path d=\"M");
	for (long n = gen_range(6, 40); n > 0; n--)
		gen_putf("%ld.%ld %ld.%ld%s", gen_range(0, 23), gen_range(0, 99),
		         gen_range(0, 23), gen_range(0, 99),
		         n > 1 ? (gen_chance(0.3) ? "C" : "L") : "Z");
	gen_puts("\"/></svg>");
}

/* Parts of the page ------------------------------------------------------ */

static const char *const nav_words[] = {
	"Jobs", "Companies", "Salaries", "Career advice", "Remote jobs",
	"Post a job", "Sign in", "For employers", "Internships", "Nonprofits",
	"Government", "Saved jobs", "Alerts", "Help", "About us",
};

/* A navigation bar of n links. */
static void
nav(int n)
{
	gen_puts("<header class=\"site-header\">\n<a class=\"logo\" href=\"/\">");
	svg_icon();
	gen_puts("<span>Jobs</span></a>\n<nav aria-label=\"Main\">\n<ul "
	         "class=\"nav\">\n");
	for (int i = 0; i < n; i++) {
		const char *w = PICK(nav_words);
		gen_putf("<li class=\"nav-item\"><a href=\"/%s/%s\">%s</a>",
		         gen_word(), gen_word(), w);
		if (gen_chance(0.15)) {
			gen_puts("<ul class=\"dropdown\">");
			for (long k = gen_range(3, 8); k > 0; k--)
				gen_putf("<li><a href=\"/c/%s\">%s</a></li>",
				         gen_word(), gen_word());
			gen_puts("</ul>");
		}
		gen_puts("</li>\n");
	}
	gen_puts("</ul>\n</nav>\n</header>\n");
}

static void
cookie_banner(void)
{
	gen_puts("<div id=\"cookie-consent\" class=\"cookie-banner\" "
	         "role=\"dialog\" aria-live=\"polite\">\n<p>We use cookies "
	         "and similar technologies to improve your experience, measure "
	         "traffic &amp; show relevant jobs. See our <a href=\"/privacy\">"
	         "privacy policy</a>.</p>\n<button class=\"btn\" data-consent="
	         "\"accept\">Accept all</button> <button class=\"btn btn-link\" "
	         "data-consent=\"reject\">Reject</button>\n</div>\n");
}

/* An application form, with a country select as long as real ones. */
static void
form(const char *id)
{
	gen_putf("<form id=\"application\" method=\"post\" action=\"/apply/%s\" "
	         "enctype=\"multipart/form-data\">\n", id);
	static const char *const fields[] = {"First name", "Last name",
	                                     "Email", "Phone", "LinkedIn"};
	for (size_t i = 0; i < N(fields); i++)
		gen_putf("<div class=\"field\"><label for=\"f%zu\">%s</label>"
		         "<input id=\"f%zu\" name=\"f%zu\" type=\"text\"></div>\n",
		         i, fields[i], i, i);
	gen_puts("<label for=\"country\">Country</label><select id=\"country\" "
	         "name=\"country\">\n");
	for (long n = gen_range(40, 240); n > 0; n--) {
		const struct city *c = gen_city();
		gen_putf("<option value=\"%s\">%s</option>\n", c->country,
		         c->city);
	}
	gen_puts("</select>\n<label>Resume <input type=\"file\" name=\"resume\">"
	         "</label>\n<button type=\"submit\">Submit application</button>"
	         "\n</form>\n");
}

/* Cards of similar jobs, until the page has until bytes. */
static void
similar(size_t until)
{
	gen_puts("<aside class=\"similar\">\n<h2>Similar jobs</h2>\n<ul>\n");
	while (gen_len() < until) {
		struct str t = {.len = 0}, o = {.len = 0}, sh = {.len = 0};
		t.s[0] = o.s[0] = sh.s[0] = '\0';
		const struct city *c = gen_city();
		gen_title(&t);
		gen_org(&o, &sh, c);
		gen_putf("<li class=\"card\"><a href=\"/jobs/%ld\"><h3>",
		         gen_range(100000, 999999));
		put_text(t.s);
		gen_puts("</h3><p class=\"org\">");
		put_text(o.s);
		gen_putf("</p><p class=\"loc\">%s</p></a></li>\n", c->city);
	}
	gen_puts("</ul>\n</aside>\n");
}

static void
footer(void)
{
	gen_puts("<footer class=\"site-footer\">\n");
	for (int col = 0; col < 4; col++) {
		gen_putf("<div class=\"col\"><h4>%s</h4><ul>", PICK(nav_words));
		for (long n = gen_range(4, 10); n > 0; n--)
			gen_putf("<li><a href=\"/%s\">%s</a></li>", gen_word(),
			         PICK(nav_words));
		gen_puts("</ul></div>\n");
	}
	gen_puts("<div class=\"social\">");
	for (int k = 0; k < 5; k++)
		svg_icon();
	gen_puts("</div>\n<p>&copy; 2025 Jobs Board, Inc. All rights reserved."
	         "</p>\n</footer>\n");
}

/* The JSON-LD block -------------------------------------------------------- */

/* What the block says, made once. */
struct posting_ld {
	const char *title, *org, *site, *id;
	const struct city *city;
	const char *desc;
	long posted;          /* days since 2023-01-01 */
	bool remote;
};

/* Writes "key": for the style (a newline and indent when pretty). */
static void
ld_key(enum ld_style st, int indent, bool first, const char *key)
{
	if (!first)
		gen_puts(",");
	if (st == LD_RAW || st == LD_GRAPH)
		gen_putf("\n%*s", indent * 2, "");
	gen_putf("\"%s\":%s", key, st == LD_RAW || st == LD_GRAPH ? " " : "");
}

static void
ld_date(long day, bool time)
{
	gen_puts("\"");
	gen_put_date(day);
	if (time)
		gen_puts("T00:00:00Z");
	gen_puts("\"");
}

/* The JobPosting object's members (after its @type), at indent. */
static void
ld_posting(const struct posting_ld *p, enum ld_style st, int in,
           bool org_ref)
{
	static const char *const types[] = {"FULL_TIME", "FULL_TIME",
	                                    "FULL_TIME", "PART_TIME",
	                                    "CONTRACTOR", "TEMPORARY",
	                                    "INTERN"};
	ld_key(st, in, false, "title");
	json_str(p->title, st);
	ld_key(st, in, false, "description");
	json_str(p->desc, st);
	ld_key(st, in, false, "identifier");
	gen_puts("{\"@type\":\"PropertyValue\",\"name\":");
	json_str(p->org, st);
	gen_puts(",\"value\":");
	json_str(p->id, st);
	gen_puts("}");
	ld_key(st, in, false, "datePosted");
	ld_date(p->posted, gen_chance(0.5));
	if (gen_chance(0.6)) {
		ld_key(st, in, false, "validThrough");
		ld_date(p->posted + gen_range(14, 90), true);
	}
	ld_key(st, in, false, "employmentType");
	if (gen_chance(0.15))
		gen_putf("[\"%s\",\"%s\"]", PICK(types), "CONTRACTOR");
	else
		gen_putf("\"%s\"", PICK(types));
	ld_key(st, in, false, "hiringOrganization");
	if (org_ref) {
		gen_puts("{\"@id\":\"https://");
		gen_puts(p->site);
		gen_puts("/#organization\"}");
	} else {
		gen_puts("{\"@type\":\"Organization\",\"name\":");
		json_str(p->org, st);
		gen_puts(",\"sameAs\":\"https://");
		gen_puts(p->site);
		gen_puts("\",\"logo\":\"https://");
		gen_puts(p->site);
		gen_puts("/logo.png\"}");
	}
	if (p->remote) {
		ld_key(st, in, false, "jobLocationType");
		gen_puts("\"TELECOMMUTE\"");
		ld_key(st, in, false, "applicantLocationRequirements");
		gen_putf("{\"@type\":\"Country\",\"name\":\"%s\"}",
		         p->city->country);
	} else {
		ld_key(st, in, false, "jobLocation");
		gen_putf("{\"@type\":\"Place\",\"address\":{\"@type\":"
		         "\"PostalAddress\",\"streetAddress\":\"%ld Main St\","
		         "\"addressLocality\":", gen_range(1, 999));
		json_str(p->city->city, st);
		gen_puts(",\"addressRegion\":");
		if (p->city->region)
			json_str(p->city->region, st);
		else
			gen_puts("null");
		gen_putf(",\"postalCode\":\"%05ld\",\"addressCountry\":\"%s\"}}",
		         gen_range(1000, 99999), p->city->country);
	}
	if (gen_chance(0.7)) {
		long lo = gen_range(350, 1400) * 100;
		bool hour = gen_chance(0.15);
		ld_key(st, in, false, "baseSalary");
		gen_putf("{\"@type\":\"MonetaryAmount\",\"currency\":\"%s\","
		         "\"value\":{\"@type\":\"QuantitativeValue\",",
		         p->city->currency);
		if (hour)
			gen_putf("\"minValue\":%ld.%02ld,\"maxValue\":%ld,",
			         gen_range(16, 40), gen_range(0, 3) * 25,
			         gen_range(41, 60));
		else
			gen_putf("\"minValue\":%ld,\"maxValue\":%ld,", lo,
			         lo + gen_range(0, 30) * 1000);
		gen_putf("\"unitText\":\"%s\"}}", hour ? "HOUR" : "YEAR");
	}
	if (gen_chance(0.3)) {
		ld_key(st, in, false, "experienceRequirements");
		gen_putf("{\"@type\":\"OccupationalExperienceRequirements\","
		         "\"monthsOfExperience\":%ld}", gen_range(1, 8) * 12);
	}
	if (gen_chance(0.3)) {
		ld_key(st, in, false, "educationRequirements");
		gen_puts("{\"@type\":\"EducationalOccupationalCredential\","
		         "\"credentialCategory\":\"bachelor degree\"}");
	}
	ld_key(st, in, false, "directApply");
	gen_puts(gen_chance(0.5) ? "true" : "false");
	ld_key(st, in, false, "url");
	gen_putf("\"https://%s/jobs/%s\"", p->site, p->id);
}

/* The whole block, script tags included. */
static void
ld_block(const struct posting_ld *p, enum ld_style st)
{
	gen_puts("<script type=\"application/ld+json\">\n");
	if (st == LD_GRAPH) {
		gen_puts("{\n  \"@context\": \"https://schema.org\",\n  "
		         "\"@graph\": [\n    {\"@type\": \"WebPage\", \"@id\": "
		         "\"https://");
		gen_puts(p->site);
		gen_puts("/jobs/\", \"name\": ");
		json_str(p->title, st);
		gen_puts("},\n    {\"@type\": \"Organization\", \"@id\": "
		         "\"https://");
		gen_puts(p->site);
		gen_puts("/#organization\", \"name\": ");
		json_str(p->org, st);
		gen_puts("},\n    {\n      \"@type\": \"JobPosting\"");
		ld_posting(p, st, 3, true);
		gen_puts("\n    }\n  ]\n}\n");
	} else {
		bool pretty = st == LD_RAW;
		gen_puts(pretty ? "{\n  \"@context\": \"https://schema.org/\",\n"
		                  "  \"@type\": \"JobPosting\""
		                : "{\"@context\":\"https://schema.org/\","
		                  "\"@type\":\"JobPosting\"");
		ld_posting(p, st, 1, false);
		gen_puts(pretty ? "\n}\n" : "}\n");
	}
	gen_puts("</script>\n");
}

/* The page ------------------------------------------------------------------ */

size_t
gen_page_size(void)
{
	/* log-uniform: as many pages of 30-60 KB as of 150-300 KB */
	return (size_t)(30000.0 * pow(10.0, gen_unit()));
}

void
gen_page(long i, uint64_t seed, size_t target)
{
	size_t start = gen_len();
	struct str t = {.len = 0}, org = {.len = 0}, sh = {.len = 0};
	struct str site = {.len = 0}, id = {.len = 0};
	t.s[0] = org.s[0] = sh.s[0] = site.s[0] = id.s[0] = '\0';
	const struct city *home = gen_city();
	gen_org(&org, &sh, home);
	gen_title(&t);
	if (sh.len)
		gen_slug(&site, sh.s, 12);
	else
		gen_sadd(&site, "org");
	gen_sadd(&site, ".example.org");
	gen_slug(&id, t.s, 40);
	char num[32];
	snprintf(num, sizeof(num), "-%06ld", i + 1);
	gen_sadd(&id, num);
	struct dbuf desc = {0};
	description(&desc, org.s, site.s);
	struct posting_ld p = {
		.title = t.s, .org = org.s, .site = site.s, .id = id.s,
		.city = gen_chance(0.8) ? home : gen_city(), .desc = desc.s,
		.posted = gen_range(0, 1090), .remote = gen_chance(0.15),
	};
	double u = gen_unit();
	enum ld_style st = u < 0.35 ? LD_RAILS : u < 0.65 ? LD_RAW
	                 : u < 0.85 ? LD_PHP : LD_GRAPH;
	bool ld_in_head = gen_chance(0.7);
	bool crlf = gen_chance(0.05);

	gen_puts("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
	         "<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\""
	         "width=device-width, initial-scale=1\">\n<title>");
	put_text(t.s);
	gen_puts(" - ");
	put_text(org.s);
	gen_puts(" | Jobs</title>\n");
	gen_putf("<!-- billet bench corpus: seed %llu, page %ld -->\n",
	         (unsigned long long)seed, i + 1);
	gen_puts("<meta name=\"description\" content=\"");
	put_text(org.s);
	gen_puts(" is hiring. Apply today.\">\n<meta property=\"og:title\" "
	         "content=\"");
	put_text(t.s);
	gen_putf("\">\n<meta property=\"og:type\" content=\"website\">\n"
	         "<meta property=\"og:url\" content=\"https://%s/jobs/%s\">\n"
	         "<meta name=\"twitter:card\" content=\"summary\">\n"
	         "<meta name=\"robots\" content=\"index, follow\">\n"
	         "<meta name=\"csrf-token\" content=\"%016llx%016llx\">\n"
	         "<link rel=\"canonical\" href=\"https://%s/jobs/%s\">\n"
	         "<link rel=\"icon\" href=\"/favicon.ico\">\n"
	         "<link rel=\"preconnect\" href=\"https://fonts.gstatic.com\" "
	         "crossorigin>\n", site.s, id.s,
	         (unsigned long long)gen_rnd(), (unsigned long long)gen_rnd(),
	         site.s, id.s);
	for (long n = gen_range(2, 6); n > 0; n--)
		gen_putf("<link rel=\"stylesheet\" href=\"/assets/%s-%08llx.css\">"
		         "\n", gen_word(), (unsigned long long)(gen_rnd() >>
		                                                32));
	/* the bulk: styles, code and data, in shares of the page */
	size_t base = gen_len() - start;
	size_t rest = target > base + 12000 ? target - base - 12000 : 4000;
	double cs = 0.1 + 0.2 * gen_unit(), js1 = 0.05 + 0.1 * gen_unit();
	double sj = gen_chance(0.5) ? 0.1 + 0.15 * gen_unit() : 0;
	gen_puts("<style>\n");
	css(gen_len() + (size_t)(cs * (double)rest));
	gen_puts("</style>\n<script async src=\"https://www.googletagmanager."
	         "com/gtag/js?id=G-8XK2P4\"></script>\n<script>\n"
	         "window.dataLayer = window.dataLayer || [];\n"
	         "function gtag(){dataLayer.push(arguments);}\n"
	         "gtag('js', new Date());\ngtag('config', 'G-8XK2P4', "
	         "{anonymize_ip: true});\n</script>\n<script>\n");
	js(gen_len() + (size_t)(js1 * (double)rest));
	gen_puts("</script>\n");
	if (ld_in_head)
		ld_block(&p, st);
	gen_puts("</head>\n<body class=\"job-page\">\n");
	cookie_banner();
	nav((int)gen_range(8, 40));
	gen_puts("<main id=\"content\">\n<nav class=\"breadcrumb\"><a href=\"/"
	         "\">Home</a> &rsaquo; <a href=\"/jobs\">Jobs</a> &rsaquo; ");
	put_text(t.s);
	gen_puts("</nav>\n<article class=\"job\">\n<h1 class=\"job-title\">");
	put_text(t.s);
	gen_puts("</h1>\n<div class=\"job-meta\"><span class=\"org\">");
	put_text(org.s);
	gen_putf("</span> &middot; <span class=\"location\">%s</span></div>\n"
	         "<a class=\"btn apply\" href=\"#application\">Apply now</a>\n"
	         "<div class=\"job-description\">\n", p.city->city);
	gen_put(desc.s, desc.len);
	gen_puts("</div>\n");
	form(id.s);
	gen_puts("</article>\n</main>\n");
	size_t now = gen_len() - start;
	size_t left = target > now ? target - now : 0;
	similar(gen_len() + left / 6);
	footer();
	if (!ld_in_head)
		ld_block(&p, st);
	if (sj > 0) {
		gen_puts("<script id=\"__NEXT_DATA__\" type=\"application/json\">");
		state_json(gen_len() + (size_t)(sj * (double)rest));
		gen_puts("</script>\n");
	}
	/* the rest: the application's bundle */
	gen_puts("<script src=\"/assets/vendor.js\" defer></script>\n<script>\n");
	js(start + (target > 40 ? target - 40 : 0));
	gen_puts("</script>\n</body>\n</html>\n");
	if (crlf) /* a page saved on Windows, or served so */
		gen_crlf(start);
	free(desc.s);
}
