/* SPDX-License-Identifier: MIT */
/* query_logic: questions about a query itself: which terms it mentions,
 * and whether one query narrows another. */
#include "query_int.h"

#include <string.h>

/* ---- questions about the query itself ---------------------------------- */

bool
query_mentions(const struct query *q, const char *term)
{
	size_t tl = strlen(term);
	for (size_t i = 0; i < q->nnodes; i++) {
		const struct node *n = &q->nodes[i];
		const char *name = NULL;
		switch ((enum nkind)n->kind) {
		case N_FLAG: name = query_flag_terms[n->what]; break;
		case N_STATUS: name = "status"; break;
		case N_RATING: name = "rating"; break;
		case N_SALARY: name = "salary"; break;
		case N_EXPER: name = "experience"; break;
		case N_DATE:
			name = n->what == D_POSTED ? "posted" :
			       n->what == D_START ? "start" :
			       n->what == D_FOLLOWUP ? "followup" : "deadline";
			break;
		case N_ENUM:
		case N_TEXT:
			if (n->what != F_ANY && tl > 1 && term[tl - 1] == ':' &&
			    strlen(query_field_names[n->what]) == tl - 1 &&
			    !strncmp(term, query_field_names[n->what], tl - 1))
				return true;
			break;
		default:
			break;
		}
		if (name && !strcmp(name, term))
			return true;
	}
	return false;
}

static bool
same_tree(const struct query *qa, int32_t a, const struct query *qb,
          int32_t b)
{
	const struct node *x = &qa->nodes[a], *y = &qb->nodes[b];
	if (x->kind != y->kind || x->op != y->op || x->what != y->what ||
	    x->today != y->today || x->num != y->num || x->lo != y->lo ||
	    x->hi != y->hi || x->len != y->len || x->cur != y->cur)
		return false;
	if ((x->kind == N_TEXT || x->kind == N_ENUM) && x->len &&
	    memcmp(qa->strs.s + x->off, qb->strs.s + y->off, x->len))
		return false;
	int32_t c = x->first, d = y->first;
	for (; c >= 0 && d >= 0; c = qa->nodes[c].next, d = qb->nodes[d].next)
		if (!same_tree(qa, c, qb, d))
			return false;
	return c < 0 && d < 0;
}

/* One side of a comparison: the value is above (lower bound) or below
 * (upper bound) x, strictly or not. */
struct bound {
	bool set, strict;
	double x;
};

/* The lower and upper bounds a comparison node puts on the value it tests
 * (the top of a range for lower bounds, the bottom for upper ones). */
static void
bounds_of(const struct node *n, struct bound *lo, struct bound *hi)
{
	double a = n->num, b = n->num;
	if (n->kind == N_DATE) {
		a = n->lo;
		b = n->hi;
	}
	lo->set = hi->set = false;
	lo->strict = hi->strict = false;
	switch ((enum op)n->op) {
	case OP_GE: *lo = (struct bound){ true, false, a }; break;
	case OP_GT: *lo = (struct bound){ true, true, b }; break;
	case OP_LE: *hi = (struct bound){ true, false, b }; break;
	case OP_LT: *hi = (struct bound){ true, true, a }; break;
	case OP_EQ:
		*lo = (struct bound){ true, false, a };
		*hi = (struct bound){ true, false, b };
		break;
	}
}

/* True if the bound nb implies ob (both lower when up, both upper else). */
static bool
bound_implies(const struct bound *nb, const struct bound *ob, bool up)
{
	if (!ob->set)
		return true;
	if (!nb->set)
		return false;
	double nx = up ? nb->x : -nb->x, ox = up ? ob->x : -ob->x;
	if (ob->strict && !nb->strict)
		return nx > ox;
	return nx >= ox;
}

/* True if node a of qa implies node b of qb for every posting. */
static bool
implies(const struct query *qa, int32_t a, const struct query *qb, int32_t b)
{
	const struct node *x = &qa->nodes[a], *y = &qb->nodes[b];
	if (y->kind == N_TRUE)
		return true;
	if (y->kind == N_AND) {
		for (int32_t d = y->first; d >= 0; d = qb->nodes[d].next)
			if (!implies(qa, a, qb, d))
				return false;
		return true;
	}
	if (x->kind == N_OR) {
		for (int32_t c = x->first; c >= 0; c = qa->nodes[c].next)
			if (!implies(qa, c, qb, b))
				return false;
		return true;
	}
	if (same_tree(qa, a, qb, b))
		return true;
	if (y->kind == N_OR)
		for (int32_t d = y->first; d >= 0; d = qb->nodes[d].next)
			if (implies(qa, a, qb, d))
				return true;
	if (x->kind == N_AND)
		for (int32_t c = x->first; c >= 0; c = qa->nodes[c].next)
			if (implies(qa, c, qb, b))
				return true;
	if (x->kind == N_NOT && y->kind == N_NOT)
		return implies(qb, y->first, qa, x->first);
	if (x->kind != y->kind)
		return false;
	switch ((enum nkind)x->kind) {
	case N_TEXT:
		/* a longer needle found in a field contains the shorter */
		if (y->what != F_ANY && y->what != x->what)
			return false;
		if (y->len == 0)
			return true;
		return x->len >= y->len &&
		       text_find(qa->strs.s + x->off, x->len, qb->strs.s + y->off,
		              y->len) != NULL;
	case N_RATING:
		if ((x->op == OP_EQ && x->num == 0) ||
		    (y->op == OP_EQ && y->num == 0))
			return false;
		/* fall through */
	case N_SALARY:
	case N_EXPER:
	case N_DATE: {
		if (x->kind == N_DATE && (x->what != y->what || x->today ||
		                          y->today))
			return false;
		if (x->kind == N_SALARY && x->cur != y->cur)
			return false;
		struct bound xl, xh, yl, yh;
		bounds_of(x, &xl, &xh);
		bounds_of(y, &yl, &yh);
		return bound_implies(&xl, &yl, true) &&
		       bound_implies(&xh, &yh, false);
	}
	default:
		return false;
	}
}

bool
query_narrows(const struct query *older, const struct query *newer)
{
	return implies(newer, newer->root, older, older->root);
}
