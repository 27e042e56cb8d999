/* SPDX-License-Identifier: MIT */
/* query_eval: a query against one posting, and where its text terms
 * match a text (for highlighting). */
#include "query_int.h"

#include <stdlib.h>
#include <string.h>

#include "deadline.h"

/* ---- evaluation -------------------------------------------------------- */

static bool
gather_cb(void *ctx, const char *field, const char *s)
{
	struct query *q = ctx;
	if (!s || !*s)
		return false;
	if (q->npieces == q->pcap) {
		q->pcap = q->pcap ? 2 * q->pcap : 64;
		q->pieces = xrealloc(q->pieces, q->pcap * sizeof(*q->pieces));
	}
	struct piece *pc = &q->pieces[q->npieces++];
	pc->raw = s;
	pc->field = (uint8_t)query_field_index(field);
	pc->folded = false;
	return false;
}

/* True if text node n's needle is in the posting's user note. */
static bool
find_note(struct query *q, const struct node *n)
{
	const struct query_notes *qn = q->env ? q->env->notes : NULL;
	const struct query_note *e = query_note_of(qn, q->cur);
	return e && query_note_has(qn, e, q->strs.s + n->off, n->len);
}

static bool
find_text(struct query *q, const struct node *n)
{
	if (n->len == 0)
		return true;
	if (n->what == F_NOTE)
		return find_note(q, n);
	if (!q->gathered) {
		q->npieces = 0;
		q->hay.len = 0;
		posting_each_text(q->cur, gather_cb, q);
		q->gathered = true;
	}
	const char *needle = q->strs.s + n->off;
	for (size_t i = 0; i < q->npieces; i++) {
		struct piece *pc = &q->pieces[i];
		if (n->what != F_ANY && pc->field != n->what)
			continue;
		if (!pc->folded) {
			pc->off = q->hay.len;
			query_fold_text(&q->hay, NULL, pc->raw, strlen(pc->raw));
			pc->len = q->hay.len - pc->off;
			pc->folded = true;
		}
		if (pc->len >= n->len &&
		    text_find(q->hay.s + pc->off, pc->len, needle, n->len))
			return true;
	}
	return n->what == F_ANY && find_note(q, n);
}

/* A range [lo, hi] against the number v. */
bool
query_range_cmp(enum op op, double lo, double hi, double v)
{
	switch (op) {
	case OP_LT: return lo < v;
	case OP_LE: return lo <= v;
	case OP_EQ: return lo <= v && v <= hi;
	case OP_GE: return hi >= v;
	case OP_GT: return hi > v;
	}
	return false;
}

/* A day v against the range of days [lo, hi] a query names. */
bool
query_date_cmp(enum op op, int32_t v, int32_t lo, int32_t hi)
{
	switch (op) {
	case OP_LT: return v < lo;
	case OP_LE: return v <= hi;
	case OP_EQ: return lo <= v && v <= hi;
	case OP_GE: return v >= lo;
	case OP_GT: return v > hi;
	}
	return false;
}

int32_t
query_today(struct query *q)
{
	if (q->env && q->env->today)
		return q->env->today;
	return deadline_today();
}

/* Worked out again when today or the closing-soon days change. */
int32_t
query_soon(struct query *q, int32_t today)
{
	int days = deadline_closing_days();
	if (q->soon_from != today || q->soon_days != days) {
		q->soon_to = deadline_add_days(today, days);
		q->soon_from = today;
		q->soon_days = days;
	}
	return q->soon_to;
}

bool
query_deadline_is(enum flag fl, int32_t ymd, int32_t today, int32_t soon)
{
	if (!ymd)
		return fl == FL_OPEN;
	switch (fl) {
	case FL_OPEN: return ymd >= today;
	case FL_CLOSED: return ymd < today;
	case FL_CLOSING: return ymd >= today && ymd <= soon;
	default: return false;
	}
}

bool
query_eval_flag(struct query *q, enum flag fl, const struct posting *p)
{
	const struct query_env *env = q->env;
	void *ctx = env ? env->ctx : NULL;
	switch (fl) {
	case FL_MARKED: return env && env->marked && env->marked(ctx, p);
	case FL_HIDDEN: return env && env->hidden && env->hidden(ctx, p);
	case FL_NEW: return env && env->is_new && env->is_new(ctx, p);
	case FL_READ: return env && env->read && env->read(ctx, p);
	case FL_CHANGED: return env && env->changed && env->changed(ctx, p);
	case FL_NOTE: return env && env->has_note && env->has_note(ctx, p);
	case FL_DUE: {
		int32_t f = env && env->followup ? env->followup(ctx, p) : 0;
		return f && f <= query_today(q);
	}
	case FL_DUPLICATE: return p->dup_of || p->also;
	case FL_RATING:
		return env && env->rating && env->rating(ctx, p) > 0;
	case FL_SALARY: return p->salary.present;
	case FL_DEADLINE: {
		const struct when *d = posting_deadline(p);
		return d->ymd != 0 || d->text != NULL;
	}
	case FL_OPEN:
	case FL_CLOSED:
	case FL_CLOSING: {
		int32_t today = query_today(q);
		return query_deadline_is(fl, posting_deadline(p)->ymd, today,
		                         fl == FL_CLOSING ? query_soon(q, today) :
		                         0);
	}
	case FL_N:
		break;
	}
	return false;
}

/* The user's currency under env. */
const char *
query_user_currency(const struct query_env *env)
{
	return env && env->currency[0] ? env->currency : CURRENCY_DEFAULT;
}

/* Writes the currency of salary node n's bound under env to out. */
void
query_bound_currency(const struct node *n, const struct query_env *env,
                     char out[4])
{
	const char *user = query_user_currency(env);
	if (n->cur == CUR_USER ||
	    (n->cur == CUR_DOLLAR && currency_is_dollar(user)))
		memcpy(out, user, 4);
	else if (n->cur == CUR_DOLLAR)
		memcpy(out, "USD", 4);
	else
		currency_unpack(n->cur, out);
}

/* True if an employment value list s ("full-time, part-time") holds
 * N_ENUM n's value, each item read by query_value_norm. */
static bool
value_in(struct query *q, const char *s, const struct node *n)
{
	if (!s)
		return false;
	const char *needle = q->strs.s + n->off;
	for (;;) {
		size_t k = strcspn(s, ",;/");
		q->val.len = 0;
		query_fold_text(&q->val, NULL, s, k);
		if (query_value_norm(q->val.s, q->val.len) == n->len &&
		    !memcmp(q->val.s, needle, n->len))
			return true;
		if (!s[k])
			return false;
		s += k + 1;
	}
}

bool
query_eval_node(struct query *q, int32_t id, const struct posting *p)
{
	const struct node *n = &q->nodes[id];
	switch ((enum nkind)n->kind) {
	case N_TRUE:
		return true;
	case N_AND:
		for (int32_t c = n->first; c >= 0; c = q->nodes[c].next)
			if (!query_eval_node(q, c, p))
				return false;
		return true;
	case N_OR:
		for (int32_t c = n->first; c >= 0; c = q->nodes[c].next)
			if (query_eval_node(q, c, p))
				return true;
		return false;
	case N_NOT:
		return !query_eval_node(q, n->first, p);
	case N_TEXT:
		return find_text(q, n);
	case N_ENUM:
		if (n->what == F_WORKPLACE)
			return p->workplace == (enum workplace)n->num;
		return value_in(q, p->employment.type, n) ||
		       value_in(q, p->employment.classification, n);
	case N_SALARY: {
		/* in the bound's currency, or converted by the user's rates */
		double lo, hi, k;
		char cur[4];
		if (!posting_salary_yearly(p, &lo, &hi))
			return false;
		query_bound_currency(n, q->env, cur);
		if (!currency_factor(q->env ? q->env->rates : NULL,
		                     query_user_currency(q->env),
		                     currency_of(&p->salary), cur, &k))
			return false;
		return query_range_cmp(n->op, lo * k, hi * k, n->num);
	}
	case N_EXPER: {
		double mn = p->experience.min_years, mx = p->experience.max_years;
		if (mn < 0 && mx < 0)
			return false;
		return query_range_cmp(n->op, mn >= 0 ? mn : mx, mx >= 0 ? mx : mn,
		                       n->num);
	}
	case N_DATE: {
		int32_t v = n->what == D_POSTED ? p->posted.ymd :
		            n->what == D_START ? p->start.ymd :
		            n->what == D_FOLLOWUP ? (q->env && q->env->followup ?
		                q->env->followup(q->env->ctx, p) : 0) :
		            posting_deadline(p)->ymd;
		if (!v)
			return false;
		int32_t lo = n->lo, hi = n->hi;
		if (n->today)
			lo = hi = query_today(q);
		return query_date_cmp(n->op, v, lo, hi);
	}
	case N_FLAG:
		return query_eval_flag(q, n->what, p);
	case N_RATING: {
		const struct query_env *env = q->env;
		if (!env || !env->rating)
			return false;
		int r = env->rating(env->ctx, p);
		if (n->num == 0 && n->op == OP_EQ)
			return r == 0;
		return r > 0 && query_range_cmp(n->op, r, r, n->num);
	}
	case N_STATUS: {
		const struct query_env *env = q->env;
		return env && env->status &&
		       env->status(env->ctx, p) == (int)n->num;
	}
	}
	return false;
}

bool
query_match(struct query *q, const struct posting *p,
            const struct query_env *env)
{
	q->cur = p;
	q->env = env;
	q->gathered = false;
	bool r = query_eval_node(q, q->root, p);
	q->cur = NULL;
	return r;
}

/* ---- match positions --------------------------------------------------- */

static int
span_cmp(const void *a, const void *b)
{
	const struct query_span *x = a, *y = b;
	if (x->off != y->off)
		return x->off < y->off ? -1 : 1;
	return x->len < y->len ? -1 : x->len > y->len;
}

size_t
query_spans(struct query *q, const char *field, const char *s, size_t len,
            struct query_span **v, size_t *n, size_t *cap)
{
	if (!q->npos || !len)
		return 0;
	enum field fid = field ? query_field_index(field) : F_ANY;
	q->shay.len = 0;
	query_fold_text(&q->shay, &q->map, s, len);
	const char *h = q->shay.s;
	size_t hlen = q->shay.len, n0 = *n;
	for (size_t t = 0; t < q->npos; t++) {
		const struct node *nd = &q->nodes[q->pos[t]];
		if (!nd->len || (field && nd->what != F_ANY && nd->what != fid))
			continue;
		const char *needle = q->strs.s + nd->off;
		size_t at = 0;
		while (at + nd->len <= hlen) {
			const char *m = text_find(h + at, hlen - at, needle, nd->len);
			if (!m)
				break;
			size_t a = (size_t)(m - h), b = a + nd->len;
			if (*n == *cap) {
				*cap = *cap ? 2 * *cap : 16;
				*v = xrealloc(*v, *cap * sizeof(**v));
			}
			(*v)[(*n)++] = (struct query_span){
				q->map.v[a], q->map.v[b] - q->map.v[a]
			};
			at = b;
		}
	}
	if (*n - n0 > 1)
		qsort(*v + n0, *n - n0, sizeof(**v), span_cmp);
	size_t w = n0;
	for (size_t r = n0; r < *n; r++) {
		struct query_span sp = (*v)[r];
		if (w > n0 && sp.off <= (*v)[w - 1].off + (*v)[w - 1].len) {
			size_t end = sp.off + sp.len;
			struct query_span *last = &(*v)[w - 1];
			if (end > last->off + last->len)
				last->len = end - last->off;
		} else {
			(*v)[w++] = sp;
		}
	}
	*n = w;
	return w - n0;
}
