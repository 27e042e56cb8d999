/* SPDX-License-Identifier: MIT */
/* query_select: a query against a set of postings at a time, answered
 * from the index's arrays and term lists where it can. */
#include "query_int.h"

#include <string.h>

#include "index.h"

/* ---- set-at-a-time evaluation ------------------------------------------ */

/* What a subtree costs, cheapest first: values in the index's flat
 * arrays, text the index answers, state hooks called per posting, text
 * verified per posting. An AND applies its children in this order, so
 * the dear ones see only the postings the cheap ones left. */
enum { COST_ARRAY, COST_INDEX, COST_HOOK, COST_VERIFY, COST_N };

static int
node_cost(const struct query *q, int32_t id)
{
	const struct node *n = &q->nodes[id];
	switch ((enum nkind)n->kind) {
	case N_TRUE:
	case N_SALARY:
	case N_EXPER:
		return COST_ARRAY;
	case N_DATE:
		return n->what == D_FOLLOWUP ? COST_HOOK : COST_ARRAY;
	case N_FLAG:
		return n->what == FL_SALARY || n->what == FL_DEADLINE ||
		       n->what == FL_OPEN || n->what == FL_CLOSED ||
		       n->what == FL_CLOSING ? COST_ARRAY : COST_HOOK;
	case N_RATING:
	case N_STATUS:
		return COST_HOOK;
	case N_TEXT:
		if (!n->len || n->what == F_NOTE) /* a note: each note looked at */
			return COST_ARRAY;
		return memchr(q->strs.s + n->off, ' ', n->len) ? COST_VERIFY :
		       COST_INDEX;
	case N_ENUM:
		return n->what == F_WORKPLACE ? COST_ARRAY : COST_INDEX;
	case N_AND:
	case N_OR:
	case N_NOT: {
		int c = COST_ARRAY;
		for (int32_t k = n->first; k >= 0; k = q->nodes[k].next) {
			int x = node_cost(q, k);
			if (x > c)
				c = x;
		}
		return c;
	}
	}
	return COST_VERIFY;
}

/* One query_select over the postings an index covers. */
struct sel {
	struct query *q;
	struct query_index *ix;
	struct posting *const *v;
	struct index_values iv;  /* the index's arrays */
	size_t words;            /* 64-bit words of the sets */
	size_t nv;               /* postings the index covers: v[0..nv) */
	int32_t today;           /* for the node being applied */
	int32_t soon;            /* the last day is:closing takes */
	struct index_term term;  /* the text node being verified */
	/* the salary node being applied */
	char cur[4];             /* its bound's currency */
	uint32_t curpack;        /* the same, packed */
	uint32_t lastcur;        /* the last other currency seen, packed */
	bool lastok;             /* whether the rates convert it */
	double lastk;            /* and by what factor */
};

static bool
set_empty(const uint64_t *set, size_t words)
{
	for (size_t w = 0; w < words; w++)
		if (set[w])
			return false;
	return true;
}

/* Clears from set every posting i for which pred(s, n, i) is false. */
static void
keep_if(struct sel *s, uint64_t *set,
        bool (*pred)(struct sel *, const struct node *, size_t),
        const struct node *n)
{
	for (size_t w = 0; w < s->words; w++) {
		uint64_t x = set[w], keep = x;
		while (x) {
			int b = __builtin_ctzll(x);
			if (!pred(s, n, w * 64 + (size_t)b))
				keep &= ~((uint64_t)1 << b);
			x &= x - 1;
		}
		set[w] = keep;
	}
}

static bool
pred_salary(struct sel *s, const struct node *n, size_t i)
{
	if (!(s->iv.flags[i] & IXF_SALARY))
		return false;
	double k = 1;
	uint32_t c = s->iv.currency[i];
	if (c != s->curpack) {
		if (c != s->lastcur) {
			const struct query_env *env = s->q->env;
			char pc[4];
			currency_unpack(c, pc);
			s->lastok = currency_factor(env ? env->rates : NULL,
			                            query_user_currency(env), pc, s->cur,
			                            &s->lastk);
			s->lastcur = c;
		}
		if (!s->lastok)
			return false;
		k = s->lastk;
	}
	return query_range_cmp(n->op, s->iv.salary_lo[i] * k,
	                       s->iv.salary_hi[i] * k, n->num);
}

static bool
pred_workplace(struct sel *s, const struct node *n, size_t i)
{
	return s->iv.workplace[i] == (uint8_t)n->num;
}

static bool
pred_exper(struct sel *s, const struct node *n, size_t i)
{
	return (s->iv.flags[i] & IXF_EXPER) &&
	       query_range_cmp(n->op, s->iv.exper_lo[i], s->iv.exper_hi[i], n->num);
}

static bool
pred_date(struct sel *s, const struct node *n, size_t i)
{
	int32_t v = n->what == D_POSTED ? s->iv.posted[i] :
	            n->what == D_START ? s->iv.start[i] : s->iv.deadline[i];
	if (!v)
		return false;
	if (n->today)
		return query_date_cmp(n->op, v, s->today, s->today);
	return query_date_cmp(n->op, v, n->lo, n->hi);
}

static bool
pred_flag(struct sel *s, const struct node *n, size_t i)
{
	switch (n->what) {
	case FL_SALARY:
		return s->iv.flags[i] & IXF_SALARY;
	case FL_DEADLINE:
		return s->iv.flags[i] & IXF_DEADLINE;
	case FL_OPEN:
	case FL_CLOSED:
	case FL_CLOSING:
		return query_deadline_is(n->what, s->iv.deadline[i], s->today,
		                         s->soon);
	}
	return query_eval_flag(s->q, n->what, s->v[i]);
}

/* A term asked of the posting itself (state hooks). */
static bool
pred_eval(struct sel *s, const struct node *n, size_t i)
{
	return query_eval_node(s->q, (int32_t)(n - s->q->nodes), s->v[i]);
}


/* What query_fold_find is to look for in a posting's text. */
struct verify {
	const char *needle;
	size_t len;
	uint8_t field; /* enum field; F_ANY for every piece */
};

static bool
verify_cb(void *ctx, const char *field, const char *s)
{
	const struct verify *vf = ctx;
	if (!s || !*s)
		return false;
	if (vf->field != F_ANY && query_field_index(field) != vf->field)
		return false;
	return query_fold_find(s, strlen(s), vf->needle, vf->len);
}

/* A text node the index could only narrow: the verdicts already found
 * are kept in s->term, the rest found in the posting's text. */
static bool
pred_verify(struct sel *s, const struct node *n, size_t i)
{
	uint64_t bit = (uint64_t)1 << (i % 64);
	if (s->term.known[i / 64] & bit)
		return s->term.yes[i / 64] & bit;
	struct verify vf = { s->q->strs.s + n->off, n->len, n->what };
	bool r = posting_each_text(s->v[i], verify_cb, &vf);
	s->term.known[i / 64] |= bit;
	if (r)
		s->term.yes[i / 64] |= bit;
	return r;
}

/* Writes to t the set of the postings (of those the index covers) whose
 * note holds text node n's needle: each note is looked at, not each
 * posting. */
static void
notes_set(struct sel *s, const struct node *n, uint64_t *t)
{
	const struct query_notes *qn = s->q->env ? s->q->env->notes : NULL;
	memset(t, 0, s->words * 8);
	if (!qn)
		return;
	const char *needle = s->q->strs.s + n->off;
	for (size_t k = 0; k < qn->n; k++) {
		const struct query_note *e = &qn->v[k];
		/* where the posting is among v: at its seq when v is in load
		 * order (a catalog's), else found */
		size_t i = e->seq;
		if (i >= s->nv || s->v[i] != e->p) {
			for (i = 0; i < s->nv && s->v[i] != e->p; i++)
				;
		}
		if (i >= s->nv || !query_note_has(qn, e, needle, n->len))
			continue;
		t[i / 64] |= (uint64_t)1 << (i % 64);
	}
}

/* Keeps in set (of postings the index covers) the postings node id
 * matches; sp is the first scratch set free for the subtree. */
static void
sel_eval(struct sel *s, int32_t id, uint64_t *set, size_t sp)
{
	struct query *q = s->q;
	const struct node *n = &q->nodes[id];
	size_t words = s->words, bytes = words * 8;
	if (set_empty(set, words))
		return;
	switch ((enum nkind)n->kind) {
	case N_TRUE:
		return;
	case N_AND:
		for (int c = 0; c < COST_N; c++)
			for (int32_t k = n->first; k >= 0; k = q->nodes[k].next)
				if (node_cost(q, k) == c)
					sel_eval(s, k, set, sp);
		return;
	case N_OR: {
		uint64_t *rem = index_scratch(s->ix, sp);
		uint64_t *acc = index_scratch(s->ix, sp + 1);
		uint64_t *t = index_scratch(s->ix, sp + 2);
		memcpy(rem, set, bytes);
		memset(acc, 0, bytes);
		bool left = true;
		for (int c = 0; c < COST_N && left; c++)
			for (int32_t k = n->first; k >= 0 && left;
			     k = q->nodes[k].next) {
				if (node_cost(q, k) != c)
					continue;
				memcpy(t, rem, bytes);
				sel_eval(s, k, t, sp + 3);
				left = false;
				for (size_t w = 0; w < words; w++) {
					acc[w] |= t[w];
					rem[w] &= ~t[w];
					left |= rem[w] != 0;
				}
			}
		memcpy(set, acc, bytes);
		return;
	}
	case N_NOT: {
		uint64_t *t = index_scratch(s->ix, sp);
		memcpy(t, set, bytes);
		sel_eval(s, n->first, t, sp + 1);
		for (size_t w = 0; w < words; w++)
			set[w] &= ~t[w];
		return;
	}
	case N_TEXT: {
		if (!n->len)
			return;
		if (n->what == F_NOTE) {
			uint64_t *t = index_scratch(s->ix, sp);
			notes_set(s, n, t);
			for (size_t w = 0; w < words; w++)
				set[w] &= t[w];
			return;
		}
		/* free text: the posting's text (the index), or its note */
		uint64_t *t = NULL;
		if (n->what == F_ANY && query_notes_count(q->env ? q->env->notes :
		                                          NULL)) {
			t = index_scratch(s->ix, sp);
			notes_set(s, n, t);
			for (size_t w = 0; w < words; w++)
				t[w] &= set[w];
		}
		index_term(s->ix, query_field_names[n->what], q->strs.s + n->off,
		           n->len, &s->term);
		for (size_t w = 0; w < words; w++)
			set[w] &= s->term.cand[w];
		if (!s->term.exact)
			keep_if(s, set, pred_verify, n);
		if (t)
			for (size_t w = 0; w < words; w++)
				set[w] |= t[w];
		return;
	}
	case N_ENUM:
		if (n->what == F_WORKPLACE) {
			keep_if(s, set, pred_workplace, n);
			return;
		}
		/* the postings whose type has the value's longest run of
		 * letters, then the value itself */
		if (n->hi > 0) {
			index_term(s->ix, query_field_names[F_TYPE],
			           q->strs.s + n->off + n->lo, (size_t)n->hi,
			           &s->term);
			for (size_t w = 0; w < words; w++)
				set[w] &= s->term.cand[w];
		}
		keep_if(s, set, pred_eval, n);
		return;
	case N_SALARY:
		query_bound_currency(n, q->env, s->cur);
		s->curpack = currency_pack(s->cur);
		s->lastcur = 0;
		keep_if(s, set, pred_salary, n);
		return;
	case N_EXPER:
		keep_if(s, set, pred_exper, n);
		return;
	case N_DATE:
		s->today = n->today ? query_today(q) : 0;
		keep_if(s, set, n->what == D_FOLLOWUP ? pred_eval : pred_date, n);
		return;
	case N_FLAG:
		s->today = n->what == FL_OPEN || n->what == FL_CLOSED ||
		           n->what == FL_CLOSING ? query_today(q) : 0;
		s->soon = n->what == FL_CLOSING ? query_soon(q, s->today) : 0;
		keep_if(s, set, pred_flag, n);
		return;
	case N_RATING:
	case N_STATUS:
		keep_if(s, set, pred_eval, n);
		return;
	}
}

size_t
query_select(struct query *q, struct query_index *ix,
             struct posting *const *v, size_t n, const struct query_env *env,
             uint32_t *out)
{
	size_t m = ix ? index_count(ix) : 0, k = 0;
	if (m > n)
		m = n;
	if (query_is_empty(q)) {
		for (size_t i = 0; i < n; i++)
			out[i] = (uint32_t)i;
		return n;
	}
	if (m) {
		q->env = env;
		struct sel s = {
			.q = q, .ix = ix, .v = v, .iv = index_values(ix),
			.words = (m + 63) / 64, .nv = m,
		};
		uint64_t *set = index_scratch(ix, 0);
		for (size_t w = 0; w < s.words; w++)
			set[w] = m - w * 64 >= 64 ? ~(uint64_t)0 :
			         ((uint64_t)1 << (m - w * 64)) - 1;
		sel_eval(&s, q->root, set, 1);
		q->cur = NULL;
		for (size_t w = 0; w < s.words; w++)
			for (uint64_t x = set[w]; x; x &= x - 1)
				out[k++] = (uint32_t)(w * 64 +
				                      (size_t)__builtin_ctzll(x));
	}
	for (size_t i = m; i < n; i++)
		if (query_match(q, v[i], env))
			out[k++] = (uint32_t)i;
	return k;
}
