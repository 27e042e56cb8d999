/* SPDX-License-Identifier: MIT */
/* query_term: a keyed term (field:text, is:, has:, status:, salary>=,
 * experience, dates, rating) and its value, made into a node. */
#include "query_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "value.h"

static bool
parse_years(const char *s, size_t len, double *out)
{
	size_t i = 0;
	double mant;
	int dec;
	if (!value_decimal(s, len, &i, false, &mant, &dec))
		return false;
	if (i < len && !query_word_is(s + i, len - i, "y") &&
	    !query_word_is(s + i, len - i, "yr") &&
	    !query_word_is(s + i, len - i, "yrs") &&
	    !query_word_is(s + i, len - i, "year") &&
	    !query_word_is(s + i, len - i, "years"))
		return false;
	*out = value_scaled(mant, dec, 1);
	return true;
}


/* Reads an operator at i: returns its length (0 if none) and sets *op. */
static size_t
read_op(const char *s, size_t i, size_t n, enum op *op)
{
	if (i >= n)
		return 0;
	bool eq = i + 1 < n && s[i + 1] == '=';
	switch (s[i]) {
	case ':':
	case '=':
		*op = OP_EQ;
		return 1;
	case '<':
		*op = eq ? OP_LE : OP_LT;
		return eq ? 2 : 1;
	case '>':
		*op = eq ? OP_GE : OP_GT;
		return eq ? 2 : 1;
	}
	return 0;
}

/* A workplace: term: onsite, hybrid or remote, or a beginning of one
 * ("on-site" and "On Site" as onsite). */
static int32_t
parse_workplace(struct parser *ps, size_t va, const char *v, size_t vlen,
                const char *ex)
{
	struct bytes b = { 0 };
	query_fold_text(&b, NULL, v, vlen);
	size_t n = 0;
	for (size_t i = 0; i < b.len; i++)
		if (b.s[i] != ' ' && b.s[i] != '-' && b.s[i] != '_')
			b.s[n++] = b.s[i];
	int found = -1, nfound = 0;
	for (int w = WP_ONSITE; w <= WP_REMOTE && n; w++)
		if (n <= strlen(query_workplace_values[w]) &&
		    !memcmp(b.s, query_workplace_values[w], n)) {
			found = w;
			nfound++;
		}
	free(b.s);
	if (nfound != 1)
		return query_fail(ps, va, "(known: onsite, hybrid, remote)",
		                  "%s workplace '%s'", nfound ? "ambiguous" : "unknown",
		                  ex);
	int32_t id = query_new_node(ps, N_ENUM);
	ps->q->nodes[id].what = F_WORKPLACE;
	ps->q->nodes[id].num = found;
	return id;
}

/* A type: term: a whole employment type or classification, as query_value_norm
 * writes it; the longest run of it without '-' is kept for the index. */
static int32_t
parse_type(struct parser *ps, size_t va, const char *name, const char *v,
           size_t vlen, const char *ex)
{
	struct query *q = ps->q;
	size_t off = q->strs.len;
	query_fold_text(&q->strs, NULL, v, vlen);
	size_t len = query_value_norm(q->strs.s + off, q->strs.len - off);
	if (!len) {
		q->strs.len = off;
		return query_fail(ps, va, NULL,
		                  "expected an employment type such as full-time "
		                  "or exempt after '%s:', not '%s'", name, ex);
	}
	q->strs.len = off + len;
	query_bytes_reserve(&q->strs, 1);
	q->strs.s[q->strs.len++] = '\0';
	const char *t = q->strs.s + off;
	size_t best = 0, bestlen = 0;
	for (size_t a = 0; a < len;) {
		size_t e = a;
		while (e < len && t[e] != '-')
			e++;
		if (e - a > bestlen) {
			best = a;
			bestlen = e - a;
		}
		a = e + 1;
	}
	int32_t id = query_new_node(ps, N_ENUM);
	struct node *n = &q->nodes[id];
	n->what = F_TYPE;
	n->off = off;
	n->len = len;
	n->lo = (int32_t)best;
	n->hi = (int32_t)bestlen;
	return id;
}

/* Reads a salary bound: an amount (value_yearly_amount), perhaps after a sign
 * that names its currency (€, £, ¥; $ as CUR_DOLLAR) or before an ISO
 * 4217 code ("50000EUR", "60kgbp"). 1 when read, 0 when not an amount,
 * -1 for an unknown code or a sign and a code that disagree (said). */
static int
parse_bound(struct parser *ps, size_t va, const char *v, size_t vlen,
            double *num, uint32_t *cur)
{
	static const struct {
		const char *sign, *code;
	} signs[] = {
		{ "$", NULL }, { "\xE2\x82\xAC", "EUR" }, { "\xC2\xA3", "GBP" },
		{ "\xC2\xA5", "JPY" },
	};
	const char *sign = NULL;
	*cur = CUR_USER;
	for (size_t k = 0; k < sizeof(signs) / sizeof(signs[0]); k++) {
		size_t n = strlen(signs[k].sign);
		if (vlen > n && !memcmp(v, signs[k].sign, n)) {
			sign = signs[k].sign;
			*cur = signs[k].code ? currency_pack(signs[k].code) : CUR_DOLLAR;
		}
	}
	if (vlen > 3 && is_alpha((unsigned char)v[vlen - 1]) &&
	    is_alpha((unsigned char)v[vlen - 2]) &&
	    is_alpha((unsigned char)v[vlen - 3]) &&
	    (is_digit((unsigned char)v[vlen - 4]) ||
	     (v[vlen - 4] && strchr("kKmM", v[vlen - 4])))) {
		char code[4];
		if (!currency_valid(v + vlen - 3, 3, code)) {
			char ex[8];
			query_excerpt(ex, sizeof(ex), v + vlen - 3, 3);
			query_fail(ps, va + vlen - 3,
			           "(ISO 4217 codes such as USD, EUR, "
			           "GBP)", "unknown currency '%s'", ex);
			return -1;
		}
		uint32_t named = currency_pack(code);
		if ((*cur == CUR_DOLLAR && !currency_is_dollar(code)) ||
		    (*cur > CUR_DOLLAR && *cur != named)) {
			query_fail(ps, va, NULL, "'%s' and '%s' name different currencies",
			           sign, code);
			return -1;
		}
		*cur = named;
		vlen -= 3;
	}
	return value_yearly_amount(v, vlen, num) ? 1 : 0;
}

/* Parses a keyed term: the name is s[a..k), its operator starts at o. */
int32_t
query_parse_keyed(struct parser *ps, size_t a, size_t k, size_t o)
{
	const char *s = ps->s;
	char name[24];
	size_t nlen = k - a;
	if (nlen >= sizeof(name))
		nlen = sizeof(name) - 1;
	for (size_t j = 0; j < nlen; j++)
		name[j] = lower(s[a + j]);
	name[nlen] = '\0';
	enum op op = OP_EQ;
	size_t oplen = read_op(s, o, ps->n, &op);
	char opstr[3] = { 0 };
	memcpy(opstr, s + o, oplen);
	enum field f = F_ANY;
	enum keykind kind = query_key_lookup(name, &f);
	if (kind == K_NONE)
		return query_fail(ps, a, query_known_keys,
		                  "unknown field '%s%s'", name,
		            s[o] == ':' ? ":" : "");
	if (!query_is_compare_key(kind) && s[o] != ':' &&
	    !(kind == K_STATUS && oplen == 1 && s[o] == '='))
		return query_fail(ps, o, NULL, "expected ':' after '%s'", name);

	/* the value: attached, quoted, or after white space */
	ps->i = o + oplen;
	size_t va, ve;
	bool quoted = false;
	if (ps->i < ps->n && !is_space((unsigned char)s[ps->i]) &&
	    s[ps->i] != '"') {
		va = ps->i;
		ve = query_word_end(ps, va);
	} else {
		query_skip_ws(ps);
		va = ps->i;
		if (va < ps->n && s[va] == '"') {
			quoted = true;
			ve = va;
		} else {
			ve = query_word_end(ps, va);
		}
	}
	if (!quoted && ve == va)
		return query_fail(ps, o + oplen - 1, NULL,
		                  "expected a value after '%s%s'", name, opstr);
	const char *v = s + va;
	size_t vlen = ve - va;
	if (quoted) {
		if (!query_read_phrase(ps))
			return -1;
		v = ps->tmp.s;
		vlen = ps->tmp.len;
	} else {
		ps->i = ve;
	}
	char ex[EXCERPT_MAX * 4 + 8];
	query_excerpt(ex, sizeof(ex), v, vlen);

	int32_t id;
	struct node *nd;
	switch (kind) {
	case K_FIELD:
		/* enumerated fields match their value, not their notes */
		if (f == F_WORKPLACE)
			return parse_workplace(ps, va, v, vlen, ex);
		if (f == F_TYPE)
			return parse_type(ps, va, name, v, vlen, ex);
		return query_make_text(ps, f, v, vlen);
	case K_IS:
	case K_HAS: {
		const char *prefix = kind == K_IS ? "is:" : "has:";
		enum flag fl = query_flag_lookup(prefix, v, vlen);
		if (fl == FL_N) {
			char known[200];
			query_flag_known(prefix, known, sizeof(known));
			return query_fail(ps, va, known, "unknown '%s:' value '%s'",
			                  name, ex);
		}
		id = query_new_node(ps, N_FLAG);
		ps->q->nodes[id].what = (uint8_t)fl;
		return id;
	}
	case K_STATUS: {
		int found = -1, nfound = 0;
		for (int st = 0; st < QSTATUS_N; st++) {
			const char *sn = query_status_names[st];
			size_t j;
			for (j = 0; j < vlen && sn[j] && lower(v[j]) == sn[j]; j++)
				;
			if (j == vlen && !sn[j]) {
				found = st;
				nfound = 1;
				break;
			}
			if (j == vlen) {
				found = st;
				nfound++;
			}
		}
		if (nfound != 1)
			return query_fail(ps, va, "(known: none, interested, "
			                  "applied, interviewing, offer, rejected, "
			                  "withdrawn)",
			                  "%s status '%s'",
			                  nfound ? "ambiguous" : "unknown", ex);
		id = query_new_node(ps, N_STATUS);
		ps->q->nodes[id].num = found;
		return id;
	}
	case K_SALARY:
	case K_EXPER:
	case K_RATING: {
		double num;
		bool ok;
		const char *want;
		uint32_t cur = CUR_USER;
		if (kind == K_SALARY) {
			int r = parse_bound(ps, va, v, vlen, &num, &cur);
			if (r < 0)
				return -1;
			ok = r > 0;
			want = "an amount such as 60000, 60k or 50000EUR";
		} else if (kind == K_EXPER) {
			ok = parse_years(v, vlen, &num);
			want = "a number of years";
		} else {
			ok = vlen == 1 && v[0] >= '0' && v[0] <= '5';
			num = ok ? v[0] - '0' : 0;
			want = "a rating from 0 to 5";
		}
		if (!ok)
			return query_fail(ps, va, NULL, "expected %s after '%s%s', not '%s'",
			                  want, name, opstr, ex);
		id = query_new_node(ps, kind == K_SALARY ? N_SALARY :
		                    kind == K_EXPER ? N_EXPER : N_RATING);
		nd = &ps->q->nodes[id];
		nd->op = (uint8_t)op;
		nd->num = num;
		nd->cur = cur;
		return id;
	}
	case K_POSTED:
	case K_DEADLINE:
	case K_START:
	case K_FOLLOWUP: {
		int32_t lo = 0, hi = 0;
		bool today = query_word_is(v, vlen, "today");
		int r = today ? 1 : value_date_range(v, vlen, &lo, &hi);
		/* deadline:rolling, start:"as soon as possible": the text of a
		 * deadline or start not given as a date (but 2026-1-5 is a
		 * date mistyped) */
		bool isoish = vlen >= 5 && is_digit((unsigned char)v[0]) &&
		              is_digit((unsigned char)v[1]) &&
		              is_digit((unsigned char)v[2]) &&
		              is_digit((unsigned char)v[3]) && v[4] == '-';
		if (r == 0 && (kind == K_DEADLINE || kind == K_START) &&
		    s[o] == ':' && !isoish)
			return query_make_text(ps, kind == K_DEADLINE ? F_DEADLINE :
			                       F_START, v, vlen);
		if (r == 0)
			return query_fail(ps, va, NULL,
			                  "expected a date YYYY-MM-DD after '%s%s', "
			                  "not '%s'",
			                  name, opstr, ex);
		if (r < 0)
			return query_fail(ps, va, NULL, "no such date '%s'", ex);
		id = query_new_node(ps, N_DATE);
		nd = &ps->q->nodes[id];
		nd->op = (uint8_t)op;
		nd->what = kind == K_POSTED ? D_POSTED :
		           kind == K_DEADLINE ? D_DEADLINE :
		           kind == K_FOLLOWUP ? D_FOLLOWUP : D_START;
		nd->today = today;
		nd->lo = lo;
		nd->hi = hi;
		return id;
	}
	case K_NONE:
		break;
	}
	return -1;
}
