/* SPDX-License-Identifier: MIT */
/* currency: the codes are one sorted string searched in halves; rates are
 * a short table searched in order (a user gives a handful). */
#include "currency.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"

/* ISO 4217: the codes in use, a few withdrawn ones postings may still
 * carry, the funds and metals; sorted, three letters and a space each. */
static const char codes[] =
	"ADP AED AFN ALL AMD ANG AOA ARS ATS AUD AWG AZN BAM BBD BDT BEF BGN "
	"BHD BIF BMD BND BOB BOV BRL BSD BTN BWP BYN BYR BZD CAD CDF CHE CHF "
	"CHW CLF CLP CNY COP COU CRC CUC CUP CVE CYP CZK DEM DJF DKK DOP DZD "
	"EEK EGP ERN ESP ETB EUR FIM FJD FKP FRF GBP GEL GHS GIP GMD GNF GRD "
	"GTQ GYD HKD HNL HRK HTG HUF IDR IEP ILS INR IQD IRR ISK ITL JMD JOD "
	"JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LTL LUF "
	"LVL LYD MAD MDL MGA MKD MMK MNT MOP MRO MRU MTL MUR MVR MWK MXN MXV "
	"MYR MZN NAD NGN NIO NLG NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PTE "
	"PYG QAR RON RSD RUB RWF SAR SBD SCR SDG SEK SGD SHP SIT SKK SLE SLL "
	"SOS SRD SSP STD STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS "
	"UAH UGX USD USN UYI UYU UYW UZS VED VEF VES VND VUV WST XAF XAG XAU "
	"XBA XBB XBC XBD XCD XCG XDR XOF XPD XPF XPT XSU XTS XUA XXX YER ZAR "
	"ZMK ZMW ZWG ZWL ";

/* Currencies written with '$'. */
static const char dollars[] =
	"ARS AUD BBD BMD BND BRL BSD BZD CAD CLP COP CUP DOP FJD GYD HKD JMD "
	"KYD LRD MXN NAD NZD SBD SGD SRD TTD TWD USD UYU XCD ZWL ";

static char
upper(char c)
{
	return c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c;
}

/* True if the upper-case code is in the sorted list. */
static bool
listed(const char *list, const char *code)
{
	size_t lo = 0, hi = strlen(list) / 4;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		int c = memcmp(list + 4 * mid, code, 3);
		if (c == 0)
			return true;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return false;
}

bool
currency_valid(const char *s, size_t len, char out[4])
{
	char up[4];
	if (len != 3)
		return false;
	for (size_t i = 0; i < 3; i++) {
		up[i] = upper(s[i]);
		if (up[i] < 'A' || up[i] > 'Z')
			return false;
	}
	up[3] = '\0';
	if (!listed(codes, up))
		return false;
	if (out)
		memcpy(out, up, 4);
	return true;
}

uint32_t
currency_pack(const char *code)
{
	if (strlen(code) < 3)
		code = CURRENCY_DEFAULT;
	return (uint32_t)(unsigned char)code[0] << 16 |
	       (uint32_t)(unsigned char)code[1] << 8 | (unsigned char)code[2];
}

void
currency_unpack(uint32_t k, char out[4])
{
	out[0] = (char)(k >> 16 & 0xFF);
	out[1] = (char)(k >> 8 & 0xFF);
	out[2] = (char)(k & 0xFF);
	out[3] = '\0';
}

const char *
currency_of(const struct salary *s)
{
	return s->currency[0] ? s->currency : CURRENCY_DEFAULT;
}

bool
currency_is_dollar(const char *code)
{
	return strlen(code) == 3 && listed(dollars, code);
}

void
currency_common(const struct catalog *c, char out[4])
{
	struct tally {
		char code[4];
		size_t n;
	} *seen = NULL, *best = NULL;
	size_t nseen = 0, cap = 0;
	for (size_t i = 0; i < c->n; i++) {
		const struct salary *s = &c->v[i]->salary;
		if (!s->present)
			continue;
		const char *code = currency_of(s);
		size_t k;
		for (k = 0; k < nseen && strcmp(seen[k].code, code); k++)
			;
		if (k == nseen) {
			if (nseen == cap) {
				cap = cap ? 2 * cap : 8;
				seen = xrealloc(seen, cap * sizeof(*seen));
			}
			snprintf(seen[k].code, sizeof(seen[k].code), "%s", code);
			seen[k].n = 0;
			nseen++;
		}
		seen[k].n++;
	}
	for (size_t k = 0; k < nseen; k++)
		if (!best || seen[k].n > best->n ||
		    (seen[k].n == best->n && strcmp(seen[k].code, best->code) < 0))
			best = &seen[k];
	memcpy(out, best ? best->code : CURRENCY_DEFAULT, 4);
	free(seen);
}

/* ---- rates -------------------------------------------------------------- */

/* The parser's position and where to report. */
struct rparse {
	const char *s;
	size_t i;
	struct currency_error *err;
};

/* Fills the error: the message, " at column N" for byte offset at. */
__attribute__((format(printf, 3, 4)))
static bool
rfail(struct rparse *rp, size_t at, const char *fmt, ...)
{
	if (!rp->err)
		return false;
	unsigned col = 1;
	for (size_t i = 0; i < at; i++)
		if (((unsigned char)rp->s[i] & 0xC0) != 0x80)
			col++;
	char what[150];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	rp->err->col = col;
	snprintf(rp->err->msg, sizeof(rp->err->msg), "%s at column %u", what,
	         col);
	return false;
}

static bool
is_blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static bool
is_letter(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool
is_digit(char c)
{
	return c >= '0' && c <= '9';
}

/* Reads one CODE=NUMBER at rp->i into *r. */
static bool
read_rate(struct rparse *rp, const struct currency_rates *have,
          struct currency_rate *r)
{
	const char *s = rp->s;
	size_t a = rp->i, e = a;
	while (is_letter(s[e]))
		e++;
	char shown[40];
	size_t slen = e > a ? e - a : 1;
	if (e == a || e - a != 3) {
		/* the word as far as it goes, for the message */
		size_t w = a;
		while (s[w] && !is_blank(s[w]) && s[w] != '=' && s[w] != ',' &&
		       s[w] != ';')
			w++;
		slen = w - a;
	}
	snprintf(shown, sizeof(shown), "%.*s", (int)(slen < 30 ? slen : 30),
	         s + a);
	for (char *c = shown; *c; c++)
		if ((unsigned char)*c < 0x20 || *c == 0x7F)
			*c = '?';
	if (e - a != 3 || (s[e] && !is_blank(s[e]) && s[e] != '='))
		return rfail(rp, a, "expected a currency code such as EUR, not "
		             "'%s'", shown);
	if (!currency_valid(s + a, 3, r->code))
		return rfail(rp, a, "unknown currency '%s' (ISO 4217 codes "
		             "such as EUR, GBP, JPY)", shown);
	for (size_t k = 0; k < have->n; k++)
		if (!strcmp(have->v[k].code, r->code))
			return rfail(rp, a, "%s is given twice", r->code);
	while (is_blank(s[e]))
		e++;
	if (s[e] != '=')
		return rfail(rp, e, "expected '=' after '%s'", r->code);
	e++;
	while (is_blank(s[e]))
		e++;
	size_t n0 = e, digits = 0;
	while (is_digit(s[e])) {
		e++;
		digits++;
	}
	if (s[e] == '.')
		for (e++; is_digit(s[e]); e++)
			digits++;
	if (!digits || (s[e] && !is_blank(s[e]) && s[e] != ',' && s[e] != ';'))
		return rfail(rp, n0, "expected a number after '%s=', such as "
		             "1.08", r->code);
	r->value = strtod(s + n0, NULL);
	if (!(r->value > 0) || !isfinite(r->value))
		return rfail(rp, n0, "a rate must be more than 0");
	rp->i = e;
	return true;
}

bool
currency_rates_parse(const char *s, struct currency_rates *out,
                     struct currency_error *err)
{
	struct currency_rates r = { NULL, 0 };
	struct rparse rp = { s ? s : "", 0, err };
	size_t cap = 0;
	if (err) {
		err->col = 0;
		err->msg[0] = '\0';
	}
	currency_rates_free(out);
	for (;;) {
		while (is_blank(rp.s[rp.i]) || rp.s[rp.i] == ',' ||
		       rp.s[rp.i] == ';')
			rp.i++;
		if (!rp.s[rp.i])
			break;
		if (r.n == cap) {
			cap = cap ? 2 * cap : 8;
			r.v = xrealloc(r.v, cap * sizeof(*r.v));
		}
		if (!read_rate(&rp, &r, &r.v[r.n])) {
			currency_rates_free(&r);
			return false;
		}
		r.n++;
	}
	*out = r;
	return true;
}

void
currency_rates_free(struct currency_rates *r)
{
	free(r->v);
	r->v = NULL;
	r->n = 0;
}

bool
currency_value(const struct currency_rates *r, const char *user,
               const char *code, double *out)
{
	if (!strcmp(code, user)) {
		*out = 1;
		return true;
	}
	for (size_t k = 0; r && k < r->n; k++)
		if (!strcmp(r->v[k].code, code)) {
			*out = r->v[k].value;
			return true;
		}
	return false;
}

bool
currency_factor(const struct currency_rates *r, const char *user,
                const char *from, const char *to, double *k)
{
	double a, b;
	if (!strcmp(from, to)) {
		*k = 1;
		return true;
	}
	if (!currency_value(r, user, from, &a) ||
	    !currency_value(r, user, to, &b))
		return false;
	*k = a / b;
	return true;
}
