/* SPDX-License-Identifier: MIT */
/* load/plaintext_find: what a draft reads from inside a sentence of a
 * plain-text posting: URLs and e-mail addresses, a salary (its amounts
 * read by the loader's own salary_text), a date written in words, the
 * organization named as "The Name (Short)", who hires whom ("X seeks a
 * Y"), the years of experience asked for, languages, an e-mail subject. Each finder says where in the
 * text it found what it found, for the notes. */
#include "load/internal.h"
#include "load/plaintext.h"
#include "value.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

bool
pt_wordc(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || (unsigned char)c >= 0x80;
}

bool
pt_find_url(const char *s, size_t *off, size_t *len)
{
	const char *p = s;
	while ((p = strstr(p, "http")) != NULL) {
		size_t pre = !strncmp(p, "https://", 8) ? 8
		           : !strncmp(p, "http://", 7) ? 7 : 0;
		if (!pre || (p > s && pt_wordc(p[-1]))) {
			p += 4;
			continue;
		}
		size_t e = pre;
		while (p[e] && p[e] != ' ' && p[e] != '\t' && p[e] != '\n' &&
		       p[e] != '<' && p[e] != '>' && p[e] != '"' &&
		       strncmp(p + e, "”", 3) && strncmp(p + e, "’", 3))
			e++;
		while (e > pre && strchr(".,;:!?)]}'", p[e - 1]))
			e--;
		if (e == pre) {
			p += pre;
			continue;
		}
		*off = (size_t)(p - s);
		*len = e;
		return true;
	}
	return false;
}

/* True when c may be in the local part of an e-mail address. */
static bool
localc(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' ||
	       c == '+' || c == '-';
}

bool
pt_find_email(const char *s, size_t *off, size_t *len)
{
	for (const char *at = strchr(s, '@'); at; at = strchr(at + 1, '@')) {
		const char *b = at;
		while (b > s && localc(b[-1]))
			b--;
		while (b < at && *b == '.')
			b++;
		const char *e = at + 1;
		size_t dots = 0;
		while ((*e >= 'a' && *e <= 'z') || (*e >= 'A' && *e <= 'Z') ||
		       (*e >= '0' && *e <= '9') || *e == '-' ||
		       (*e == '.' && pt_wordc(e[1]))) {
			dots += *e == '.';
			e++;
		}
		if (b == at || !dots || e - at < 4)
			continue;
		const char *tld = e;
		while (tld[-1] != '.')
			tld--;
		if (e - tld < 2)
			continue;
		*off = (size_t)(b - s);
		*len = (size_t)(e - b);
		return true;
	}
	return false;
}

bool
pt_mentions(struct buf *tmp, const char *s, const char *const *words)
{
	buf_clear(tmp);
	text_fold(tmp, s, strlen(s));
	buf_adds(tmp, "");
	for (; *words; words++)
		if (strstr(tmp->s, *words))
			return true;
	return false;
}

/* Salaries -------------------------------------------------------------- */

/* The end of an amount at s[i] ($62,400, 62.4k, €3,000), or i when there
 * is none; *sign is set when it has a currency sign. */
static size_t
amount_end(const char *s, size_t i, bool *sign)
{
	size_t start = i;
	static const char *const signs[] = {"US$", "CA$", "A$", "$", "€",
	                                    "£"};
	for (size_t k = 0; k < sizeof(signs) / sizeof(signs[0]); k++) {
		size_t sl = strlen(signs[k]);
		if (!strncmp(s + i, signs[k], sl)) {
			*sign = true;
			i += sl;
			if (s[i] == ' ')
				i++;
			break;
		}
	}
	if (s[i] < '0' || s[i] > '9') {
		*sign = false;
		return start;
	}
	size_t e = i;
	while ((s[e] >= '0' && s[e] <= '9') ||
	       ((s[e] == ',' || s[e] == '.') && s[e + 1] >= '0' &&
	        s[e + 1] <= '9'))
		e++;
	if ((s[e] == 'k' || s[e] == 'K') && !pt_wordc(s[e + 1]))
		e++;
	return e;
}

/* A pay period named right after an amount ("per hour", "a year",
 * "/hr", "annually", "al año", "por hora"); false if none. */
static bool
period_after(const char *s, enum period *out)
{
	static const struct {
		const char *word;
		enum period p;
	} es[] = {
		{"hora", PERIOD_HOUR}, {"año", PERIOD_YEAR},
		{"anual", PERIOD_YEAR}, {"anuales", PERIOD_YEAR},
		{"mes", PERIOD_MONTH}, {"mensual", PERIOD_MONTH},
		{"mensuales", PERIOD_MONTH}, {"semana", PERIOD_WEEK},
		{"semanal", PERIOD_WEEK}, {"semanales", PERIOD_WEEK},
		{"día", PERIOD_DAY}, {"diario", PERIOD_DAY},
		{"annum", PERIOD_YEAR},
	};
	static const char *const lead[] = {"per", "an", "a", "por", "al",
	                                   "la", "a la", "brutos", "brutas",
	                                   "bruto", "bruta", NULL};
	while (*s == ' ')
		s++;
	if (*s == '/')
		s++;
	for (int round = 0; round < 3; round++) {
		char w[16];
		size_t n = 0;
		while (n + 1 < sizeof(w) && (pt_wordc(s[n])))
			n++;
		if (!n || n + 1 >= sizeof(w))
			return false;
		memcpy(w, s, n);
		w[n] = '\0';
		if (period_parse(w, out))
			return true;
		for (size_t k = 0; k < sizeof(es) / sizeof(es[0]); k++)
			if (!strcasecmp(w, es[k].word)) {
				*out = es[k].p;
				return true;
			}
		bool skip = false;
		for (size_t k = 0; lead[k]; k++)
			skip |= !strcasecmp(w, lead[k]);
		if (!skip)
			return false;
		s += n;
		while (*s == ' ')
			s++;
	}
	return false;
}

bool
pt_find_salary(const char *s, struct salary *out, size_t *off, size_t *len,
            bool *period)
{
	for (size_t i = 0; s[i]; i++) {
		if (i > 0 && pt_wordc(s[i - 1]) && (unsigned char)s[i] < 0x80)
			continue;
		bool sign = false;
		size_t e = amount_end(s, i, &sign);
		if (e == i || ((s[e - 1] < '0' || s[e - 1] > '9') &&
		               s[e - 1] != 'k' && s[e - 1] != 'K'))
			continue;
		/* a range: a dash or "to" and a second amount */
		size_t r = e;
		while (s[r] == ' ')
			r++;
		size_t d = !strncmp(s + r, "–", 3) || !strncmp(s + r, "—", 3) ? 3
		         : s[r] == '-' ? 1
		         : !strncmp(s + r, "to ", 3) || !strncmp(s + r, "a ", 2)
		           ? (s[r] == 't' ? 2 : 1) : 0;
		if (d) {
			size_t q = r + d;
			while (s[q] == ' ')
				q++;
			bool sign2 = false;
			size_t e2 = amount_end(s, q, &sign2);
			if (e2 > q && s[e2 - 1] != '$') {
				e = e2;
				sign |= sign2;
			}
		}
		if (!sign)
			continue;
		char span[128];
		if (e - i >= sizeof(span))
			continue;
		memcpy(span, s + i, e - i);
		span[e - i] = '\0';
		struct salary sal = {.currency = "USD", .period = PERIOD_YEAR};
		if (!salary_text(span, &sal))
			continue;
		*period = period_after(s + e, &sal.period);
		*out = sal;
		*off = i;
		*len = e - i;
		return true;
	}
	return false;
}

/* Dates ----------------------------------------------------------------- */

/* Month names, English and Spanish, folded: the month is (index % 12) + 1. */
static const char *const months[] = {
	"january", "february", "march", "april", "may", "june", "july",
	"august", "september", "october", "november", "december",
	"enero", "febrero", "marzo", "abril", "mayo", "junio", "julio",
	"agosto", "septiembre", "octubre", "noviembre", "diciembre",
};

/* The month a word names (a name, or its first three letters); 0 if
 * none. */
static int
month_of(const char *w, size_t n)
{
	if (n && w[n - 1] == '.')
		n--;
	if (n == 10 && !strncmp(w, "setiembre", 9))
		return 9;
	for (int i = 0; i < 24; i++) {
		size_t ml = strlen(months[i]);
		if ((n == ml || (n == 3 && i < 12) || (n == 4 && i == 8)) &&
		    !strncmp(w, months[i], n))
			return i % 12 + 1;
	}
	return 0;
}

bool
pt_word_date(const char *s, char *out)
{
	struct buf f = {0};
	text_fold(&f, s, strlen(s));
	buf_adds(&f, "");
	/* the words: digits and letters */
	const char *w[8];
	size_t wl[8], n = 0;
	for (const char *p = f.s; *p;) {
		while (*p == ' ' || *p == ',')
			p++;
		if (!*p)
			break;
		const char *q = p;
		while (*q && *q != ' ' && *q != ',')
			q++;
		if (n == 8) {
			buf_free(&f);
			return false;
		}
		w[n] = p;
		wl[n++] = (size_t)(q - p);
		p = q;
	}
	int day = 0, month = 0, year = 0;
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		char c = w[i][0];
		if (c >= '0' && c <= '9') {
			int v = 0;
			size_t k = 0;
			/* more than four digits is no date: counted, not
			 * added up (an int would overflow) */
			for (; k < wl[i] && w[i][k] >= '0' && w[i][k] <= '9'; k++)
				if (k < 4)
					v = v * 10 + (w[i][k] - '0');
			/* 15th, 1st, 2nd, 3rd */
			bool suffix = k == wl[i] ||
			              (wl[i] - k == 2 && strchr("snrt", w[i][k]));
			if (!suffix || k > 4)
				ok = false;
			else if (k == 4 && !year)
				year = v;
			else if (k <= 2 && !day && v >= 1 && v <= 31)
				day = v;
			else
				ok = false;
		} else if (!month && month_of(w[i], wl[i])) {
			month = month_of(w[i], wl[i]);
		} else if (!(wl[i] == 2 && !strncmp(w[i], "de", 2)) &&
		           !(wl[i] == 3 && !strncmp(w[i], "del", 3)) && i > 0) {
			ok = false;
		} else if (i == 0 && wl[i] < 3) {
			ok = false;
		}
	}
	buf_free(&f);
	static const int mdays[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	                            30, 31};
	if (!ok || !day || !month || year < 1900 || year > 2999 ||
	    day > mdays[month - 1] ||
	    (month == 2 && day == 29 && !(year % 4 == 0 &&
	                                  (year % 100 || year % 400 == 0))))
		return false;
	snprintf(out, 11, "%04d-%02d-%02d", year % 10000, month % 100,
	         day % 100);
	return true;
}


/* The organization ------------------------------------------------------ */

/* True when the word w (n bytes) may be part of a name: it starts with a
 * capital letter or a digit, or joins one (of, for, and, &, de, y...). */
static bool
name_word(const char *w, size_t n)
{
	static const char *const joins[] = {
		"of", "for", "and", "&", "the", "on", "in", "at", "to", "de",
		"del", "la", "las", "los", "el", "y", "e", "en", "para",
	};
	for (size_t i = 0; i < sizeof(joins) / sizeof(joins[0]); i++)
		if (strlen(joins[i]) == n && !strncmp(w, joins[i], n))
			return true;
	uint32_t cp;
	text_decode(w, n, &cp);
	return (cp >= '0' && cp <= '9') || text_fold_cp(cp) != cp;
}

bool
pt_find_org(const char *s, size_t *noff, size_t *nlen, size_t *soff,
            size_t *slen)
{
	static const char *const articles[] = {"The ", "El ", "La ", "Los ",
	                                       "Las "};
	size_t i = 0;
	for (size_t k = 0; k < sizeof(articles) / sizeof(articles[0]); k++)
		if (!strncmp(s, articles[k], strlen(articles[k])))
			i = strlen(articles[k]);
	const char *open = strstr(s + i, " (");
	if (!open || open - s > 120)
		return false;
	size_t ne = (size_t)(open - s), nw = 0;
	for (size_t w = i; w < ne;) {
		size_t e = w;
		while (e < ne && s[e] != ' ')
			e++;
		if (!name_word(s + w, e - w))
			return false;
		nw++;
		w = e + 1;
	}
	if (nw < 2 || nw > 12 || !name_word(s + i, 1))
		return false;
	const char *sh = open + 2, *close = strchr(sh, ')');
	if (!close || close == sh || close - sh > 30 || memchr(sh, '(', (size_t)(close - sh)))
		return false;
	uint32_t cp;
	text_decode(sh, (size_t)(close - sh), &cp);
	if (text_fold_cp(cp) == cp || (close[1] && close[1] != ' ' &&
	                               close[1] != ',' && close[1] != '.'))
		return false;
	*noff = i;
	*nlen = ne - i;
	*soff = (size_t)(sh - s);
	*slen = (size_t)(close - sh);
	return true;
}

/* Who is hiring whom ---------------------------------------------------- */

/* The words between who hires and the job, "a" or "an" after them. */
static const char *const hiring_verbs[] = {
	" seeks ", " is seeking ", " are seeking ", " is hiring ",
	" are hiring ", " is looking for ", " are looking for ",
	" is recruiting ", " are recruiting ",
};

/* True when the word w[0..n) ends the job's name: "seeks a policy
 * advocate and organizer to build...", "...a Director who will...". */
static bool
hiring_end(const char *w, size_t n)
{
	static const char *const ends[] = {
		"to", "who", "whom", "whose", "that", "which", "with", "for",
		"in", "at", "on", "as", "from", "based", "located", "starting",
		"responsible", "will", "able", "-", "–", "—",
	};
	for (size_t i = 0; i < sizeof(ends) / sizeof(ends[0]); i++)
		if (strlen(ends[i]) == n && !strncmp(w, ends[i], n))
			return true;
	return false;
}

/* True when the word at w begins with a capital letter. */
static bool
capital(const char *w, size_t n)
{
	uint32_t cp;
	text_decode(w, n, &cp);
	return text_fold_cp(cp) != cp;
}

/* The start of the sentence that holds s[at] (s[0] at the latest): after
 * ". ", "! " or "? " that a capital follows. */
static size_t
sentence_start(const char *s, size_t len, size_t at)
{
	for (size_t i = at; i >= 2; i--)
		if (s[i - 1] == ' ' && strchr(".!?", s[i - 2]) &&
		    capital(s + i, len - i))
			return i;
	return 0;
}

bool
pt_find_hiring(const char *s, size_t *xoff, size_t *xlen, size_t *yoff,
               size_t *ylen)
{
	size_t len = strlen(s);
	for (size_t k = 0; k < sizeof(hiring_verbs) / sizeof(*hiring_verbs);
	     k++) {
		for (const char *v = strstr(s, hiring_verbs[k]); v;
		     v = strstr(v + 1, hiring_verbs[k])) {
			size_t at = (size_t)(v - s);
			size_t y = at + strlen(hiring_verbs[k]);
			if (!strncmp(s + y, "a ", 2))
				y += 2;
			else if (!strncmp(s + y, "an ", 3))
				y += 3;
			else
				continue;
			size_t x = sentence_start(s, len, at);
			if (at - x > 160 || at == x)
				continue;
			/* the job's name: its words up to a mark or a word
			 * that ends it, the lowercase ones before its
			 * capitals left out ("a dynamic Executive
			 * Director") */
			size_t e = y, end = y, first_cap = 0, words = 0;
			bool any_cap = false;
			for (;;) {
				size_t w = e;
				while (s[w] && s[w] != ' ' &&
				       !strchr(",;:.!?()\"", s[w]))
					w++;
				if (w == e || hiring_end(s + e, w - e))
					break;
				if (!any_cap && capital(s + e, w - e)) {
					any_cap = true;
					first_cap = e;
				}
				words++;
				end = w;
				if (s[w] != ' ')
					break;
				e = w + 1;
			}
			if (any_cap)
				y = first_cap;
			if (!words || words > 10 || end - y > 100 ||
			    !pt_wordc(s[y]) || (s[y] >= '0' && s[y] <= '9'))
				continue;
			*xoff = x;
			*xlen = at - x;
			*yoff = y;
			*ylen = end - y;
			return true;
		}
	}
	return false;
}

bool
pt_find_name(const char *s, size_t len, size_t *off, size_t *nlen)
{
	static const char *const articles[] = {"The ", "El ", "La ", "Los ",
	                                       "Las "};
	static const char *const not_names[] = {
		"We", "They", "It", "He", "She", "This", "That", "Our", "Who",
		"Nosotros",
	};
	size_t i = 0;
	for (size_t k = 0; k < sizeof(articles) / sizeof(articles[0]); k++)
		if (len > strlen(articles[k]) &&
		    !strncmp(s, articles[k], strlen(articles[k])))
			i = strlen(articles[k]);
	size_t nw = 0;
	for (size_t w = i; w < len;) {
		size_t e = w;
		while (e < len && s[e] != ' ')
			e++;
		if (e == w || !name_word(s + w, e - w))
			return false;
		if (nw == 0) {
			if (!capital(s + w, e - w))
				return false;
			for (size_t k = 0;
			     k < sizeof(not_names) / sizeof(not_names[0]); k++)
				if (strlen(not_names[k]) == e - w &&
				    !strncmp(s + w, not_names[k], e - w))
					return false;
		}
		nw++;
		w = e + 1;
	}
	if (nw < 1 || nw > 12)
		return false;
	*off = i;
	*nlen = len - i;
	return true;
}

bool
pt_find_cased(const char *s, const char *y, size_t n, size_t *off)
{
	for (const char *p = s; *p; p++) {
		if ((p > s && pt_wordc(p[-1])) || strncasecmp(p, y, n) != 0 ||
		    pt_wordc(p[n]) || !(*p >= 'A' && *p <= 'Z'))
			continue;
		/* each word of it but the joining ones in capitals */
		bool ok = true;
		for (size_t w = 0; ok && w < n;) {
			size_t e = w;
			while (e < n && p[e] != ' ')
				e++;
			ok = e == w || name_word(p + w, e - w);
			w = e + 1;
		}
		if (ok) {
			*off = (size_t)(p - s);
			return true;
		}
	}
	return false;
}

void
pt_title_case(char *s)
{
	static const char *const small[] = {
		"a", "an", "and", "of", "for", "the", "to", "in", "on", "at",
		"or", "de", "del", "la", "y", "e",
	};
	for (size_t w = 0; s[w];) {
		size_t e = w;
		while (s[e] && s[e] != ' ')
			e++;
		bool keep = false;
		for (size_t k = 0; w && k < sizeof(small) / sizeof(small[0]); k++)
			keep = keep || (strlen(small[k]) == e - w &&
			                !strncmp(s + w, small[k], e - w));
		if (!keep && s[w] >= 'a' && s[w] <= 'z')
			s[w] = (char)(s[w] - 'a' + 'A');
		w = s[e] ? e + 1 : e;
	}
}

/* Experience ------------------------------------------------------------ */

/* A number at s written in digits (at most two) or as a word; its value
 * in *v, the bytes it took returned, 0 when there is none. */
static size_t
number_at(const char *s, double *v)
{
	static const char *const words[] = {
		"one", "two", "three", "four", "five", "six", "seven", "eight",
		"nine", "ten", "un", "dos", "tres", "cuatro", "cinco", "seis",
		"siete", "ocho", "nueve", "diez",
	};
	size_t n = 0;
	double x = 0;
	while (n < 3 && s[n] >= '0' && s[n] <= '9')
		x = x * 10 + (s[n++] - '0');
	if (n && n < 3 && !pt_wordc(s[n])) {
		*v = x;
		return n;
	}
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++) {
		size_t wl = strlen(words[i]);
		if (!strncasecmp(s, words[i], wl) && !pt_wordc(s[wl])) {
			*v = (double)(i % 10 + 1);
			return wl;
		}
	}
	return 0;
}

bool
pt_find_years(const char *s, double *lo, double *hi)
{
	static const char *const exp[] = {"experience", "experiencia", NULL};
	struct buf tmp = {0};
	bool about = pt_mentions(&tmp, s, exp);
	buf_free(&tmp);
	if (!about)
		return false;
	for (size_t i = 0; s[i]; i++) {
		if (i && pt_wordc(s[i - 1]))
			continue;
		double a, b = -1;
		size_t n = number_at(s + i, &a);
		if (!n)
			continue;
		size_t j = i + n;
		if (s[j] == '+') {
			j++;
		} else {
			size_t d = !strncmp(s + j, "–", 3) || !strncmp(s + j, "—", 3)
			         ? 3 : s[j] == '-' ? 1
			         : !strncmp(s + j, " to ", 4) ? 4
			         : !strncmp(s + j, " a ", 3) ? 3 : 0;
			size_t m = d ? number_at(s + j + d, &b) : 0;
			if (m)
				j += d + m;
			else
				b = -1;
			if (s[j] == '+')
				j++;
		}
		while (s[j] == ' ')
			j++;
		static const char *const unit[] = {"years", "year", "yrs",
		                                   "años", "año"};
		for (size_t k = 0; k < sizeof(unit) / sizeof(unit[0]); k++) {
			size_t ul = strlen(unit[k]);
			if (!strncasecmp(s + j, unit[k], ul) && !pt_wordc(s[j + ul]) &&
			    a <= 50 && b <= 50) {
				*lo = a;
				*hi = b;
				if (b >= 0 && b < a) {
					*lo = b;
					*hi = a;
				}
				return true;
			}
		}
	}
	return false;
}

/* Languages -------------------------------------------------------------- */

/* Language names, folded, as a draft writes them. */
static const struct {
	const char *folded, *name;
} langs[] = {
	{"american sign language", "American Sign Language"},
	{"haitian creole", "Haitian Creole"}, {"english", "English"},
	{"spanish", "Spanish"}, {"french", "French"}, {"german", "German"},
	{"italian", "Italian"}, {"portuguese", "Portuguese"},
	{"mandarin", "Mandarin"}, {"cantonese", "Cantonese"},
	{"chinese", "Chinese"}, {"vietnamese", "Vietnamese"},
	{"tagalog", "Tagalog"}, {"korean", "Korean"}, {"japanese", "Japanese"},
	{"arabic", "Arabic"}, {"russian", "Russian"}, {"hindi", "Hindi"},
	{"urdu", "Urdu"}, {"bengali", "Bengali"}, {"punjabi", "Punjabi"},
	{"polish", "Polish"}, {"somali", "Somali"}, {"amharic", "Amharic"},
	{"farsi", "Farsi"}, {"hmong", "Hmong"}, {"khmer", "Khmer"},
	{"swahili", "Swahili"}, {"inglés", "inglés"}, {"español", "español"},
	{"castellano", "castellano"}, {"francés", "francés"},
	{"alemán", "alemán"}, {"portugués", "portugués"},
	{"italiano", "italiano"}, {"catalán", "catalán"},
	{"euskera", "euskera"}, {"gallego", "gallego"},
	{"quechua", "quechua"}, {"guaraní", "guaraní"},
	{"árabe", "árabe"}, {"chino", "chino"}, {"ruso", "ruso"},
	{"rumano", "rumano"}, {"wolof", "wolof"},
};

size_t
pt_find_languages(const char *s, const char **names, size_t max,
                  const char **level)
{
	static const char *const about[] = {
		"bilingual", "fluen", "proficien", "speak", "spoken", "language",
		"native", "bilingüe", "idioma", "dominio", "nivel", "habla",
		NULL,
	};
	struct buf f = {0};
	if (!pt_mentions(&f, s, about)) {
		buf_free(&f);
		return 0;
	}
	size_t n = 0, at[16];
	if (max > 16)
		max = 16;
	for (size_t i = 0; i < sizeof(langs) / sizeof(langs[0]) && n < max; i++) {
		size_t ll = strlen(langs[i].folded);
		for (const char *p = strstr(f.s, langs[i].folded); p;
		     p = strstr(p + 1, langs[i].folded)) {
			if ((p > f.s && pt_wordc(p[-1])) || pt_wordc(p[ll]) ||
			    p[ll] == '-')
				continue;
			/* in the order the sentence names them */
			size_t k = n++;
			for (; k > 0 && at[k - 1] > (size_t)(p - f.s); k--) {
				at[k] = at[k - 1];
				names[k] = names[k - 1];
			}
			at[k] = (size_t)(p - f.s);
			names[k] = langs[i].name;
			break;
		}
	}
	*level = strstr(f.s, "strongly preferred") ? "strongly preferred"
	       : strstr(f.s, "preferred") || strstr(f.s, "a plus") ||
	         strstr(f.s, "an asset") || strstr(f.s, "desirable") ||
	         strstr(f.s, "deseable") || strstr(f.s, "valora")
	         ? "preferred"
	       : strstr(f.s, "required") || strstr(f.s, "must") ||
	         strstr(f.s, "requerido") || strstr(f.s, "imprescindible") ||
	         strstr(f.s, "indispensable") || strstr(f.s, "necesario")
	         ? "required" : NULL;
	buf_free(&f);
	return n;
}

/* The subject of an e-mail --------------------------------------------- */

bool
pt_find_subject(const char *s, size_t *off, size_t *len)
{
	static const char *const subj[] = {"subject", "asunto", NULL};
	struct buf f = {0};
	bool about = pt_mentions(&f, s, subj);
	buf_free(&f);
	if (!about)
		return false;
	static const char *const quotes[][2] = {
		{"“", "”"}, {"\"", "\""}, {"«", "»"}, {"‘", "’"},
	};
	for (size_t q = 0; q < sizeof(quotes) / sizeof(quotes[0]); q++) {
		const char *a = strstr(s, quotes[q][0]);
		if (!a)
			continue;
		a += strlen(quotes[q][0]);
		const char *b = strstr(a, quotes[q][1]);
		if (!b || b == a || b - a > 120)
			continue;
		*off = (size_t)(a - s);
		*len = (size_t)(b - a);
		return true;
	}
	return false;
}
