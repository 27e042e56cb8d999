/* SPDX-License-Identifier: MIT */
/* query: a recursive-descent parser makes a small tree of nodes (one array,
 * children linked by index); evaluation walks it with short-circuits, cheap
 * terms first. Text is folded with text_fold_cp, whitespace runs collapsed
 * to one space, into scratch buffers owned by the query; a posting's pieces
 * of text are gathered once per match and folded only when a term needs
 * them.
 *
 * This file: the grammar (or, and, not, parentheses, terms) and the query
 * object. query_lex.c reads the text, query_term.c makes keyed terms,
 * query_fields.c holds the names, query_fold.c folds text, query_eval.c
 * matches one posting, query_select.c a set of them, query_logic.c
 * answers questions about a query; query_int.h is what they share. */
#include "query.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "query_int.h"

int32_t
query_new_node(struct parser *ps, enum nkind kind)
{
	struct query *q = ps->q;
	if (q->nnodes == q->ncap) {
		q->ncap = q->ncap ? 2 * q->ncap : 16;
		q->nodes = xrealloc(q->nodes, q->ncap * sizeof(*q->nodes));
	}
	struct node *n = &q->nodes[q->nnodes];
	memset(n, 0, sizeof(*n));
	n->kind = (uint8_t)kind;
	n->first = n->next = -1;
	return (int32_t)q->nnodes++;
}

/* Makes an AND or OR node of the children linked from head, reordered so
 * the terms that need no text come first (evaluation short-circuits). */
static int32_t
make_list(struct parser *ps, enum nkind kind, int32_t head)
{
	int32_t id = query_new_node(ps, kind);
	struct node *v = ps->q->nodes;
	int32_t cheap = -1, cheap_tail = -1, dear = -1, dear_tail = -1;
	bool text = false;
	for (int32_t c = head, next; c >= 0; c = next) {
		next = v[c].next;
		v[c].next = -1;
		if (v[c].text) {
			text = true;
			if (dear_tail >= 0)
				v[dear_tail].next = c;
			else
				dear = c;
			dear_tail = c;
		} else {
			if (cheap_tail >= 0)
				v[cheap_tail].next = c;
			else
				cheap = c;
			cheap_tail = c;
		}
	}
	if (cheap_tail >= 0)
		v[cheap_tail].next = dear;
	v[id].first = cheap >= 0 ? cheap : dear;
	v[id].text = text;
	return id;
}

static int32_t
make_not(struct parser *ps, int32_t child)
{
	int32_t id = query_new_node(ps, N_NOT);
	ps->q->nodes[id].first = child;
	ps->q->nodes[id].text = ps->q->nodes[child].text;
	return id;
}

/* A text node for the folded form of s[0..len) in field f. */
int32_t
query_make_text(struct parser *ps, enum field f, const char *s, size_t len)
{
	struct query *q = ps->q;
	size_t off = q->strs.len;
	query_fold_text(&q->strs, NULL, s, len);
	query_bytes_reserve(&q->strs, 1);
	q->strs.s[q->strs.len++] = '\0';
	int32_t id = query_new_node(ps, N_TEXT);
	struct node *n = &q->nodes[id];
	n->what = (uint8_t)f;
	n->off = off;
	n->len = q->strs.len - 1 - off;
	n->text = true;
	return id;
}

/* A word, a keyed term or a phrase at the read position. */
static int32_t
parse_term(struct parser *ps)
{
	const char *s = ps->s;
	size_t a = ps->i;
	if (s[a] == '"') {
		if (!query_read_phrase(ps))
			return -1;
		return query_make_text(ps, F_ANY, ps->tmp.s, ps->tmp.len);
	}
	size_t e = query_word_end(ps, a), k = a;
	while (k < e && is_alpha((unsigned char)s[k]))
		k++;
	if (k > a && k + 1 < e && s[k] == '.' &&
	    is_alpha((unsigned char)s[k + 1])) {
		/* a dotted field name (workplace.note:), when it is one */
		size_t k2 = k + 1;
		while (k2 < e && is_alpha((unsigned char)s[k2]))
			k2++;
		char name[24];
		enum field f;
		if (k2 < e && s[k2] == ':' && k2 - a < sizeof(name)) {
			for (size_t j = a; j < k2; j++)
				name[j - a] = lower(s[j]);
			name[k2 - a] = '\0';
			if (query_key_lookup(name, &f) != K_NONE)
				k = k2;
		}
	}
	if (k > a && k < e && (s[k] == '<' || s[k] == '>' || s[k] == '=' ||
	                       (s[k] == ':' && !(k + 2 < e && s[k + 1] == '/' &&
	                                          s[k + 2] == '/'))))
		return query_parse_keyed(ps, a, k, k);
	if (k == e && k > a && k - a < 16) {
		/* "salary >= 60k": a comparison key, blanks, an operator */
		char name[16];
		for (size_t j = a; j < k; j++)
			name[j - a] = lower(s[j]);
		name[k - a] = '\0';
		enum field f;
		size_t o = k;
		while (o < ps->n && is_space((unsigned char)s[o]))
			o++;
		if (o > k && o < ps->n && (s[o] == '<' || s[o] == '>' ||
		                           s[o] == '=') &&
		    query_is_compare_key(query_key_lookup(name, &f)))
			return query_parse_keyed(ps, a, k, o);
	}
	ps->i = e;
	return query_make_text(ps, F_ANY, s + a, e - a);
}

static int32_t parse_or(struct parser *ps);

static int32_t
parse_primary(struct parser *ps)
{
	const char *s = ps->s;
	size_t at = ps->i;
	if (at >= ps->n)
		return query_fail(ps, ps->n ? ps->n - 1 : 0, NULL,
		                  "expected a term");
	if (s[at] == '(') {
		ps->i++;
		query_skip_ws(ps);
		if (ps->i >= ps->n || s[ps->i] == ')')
			return query_fail(ps, at, NULL,
			                  "expected a term after '('");
		int32_t e = parse_or(ps);
		if (e < 0)
			return -1;
		query_skip_ws(ps);
		if (ps->i >= ps->n || s[ps->i] != ')')
			return query_fail(ps, at, NULL, "unclosed '('");
		ps->i++;
		return e;
	}
	if (s[at] == ')')
		return query_fail(ps, at, NULL, "unmatched ')'");
	if (s[at] == '|')
		return query_fail(ps, at, NULL, "expected a term before '|'");
	if (query_at_keyword(ps, at, "or") || query_at_keyword(ps, at, "and")) {
		size_t e = query_word_end(ps, at);
		return query_fail(ps, at, NULL, "expected a term before '%.*s'",
		                  (int)(e - at), s + at);
	}
	return parse_term(ps);
}

static int32_t
parse_unary(struct parser *ps)
{
	const char *s = ps->s;
	query_skip_ws(ps);
	size_t at = ps->i;
	if (++ps->depth > MAX_DEPTH)
		return query_fail(ps, at, NULL, "too deeply nested");
	int32_t r;
	if (at < ps->n && s[at] == '-') {
		ps->i++;
		if (ps->i >= ps->n || is_space((unsigned char)s[ps->i]) ||
		    s[ps->i] == ')' || s[ps->i] == '|')
			return query_fail(ps, at, NULL,
			                  "expected a term after '-'");
		r = parse_unary(ps);
		if (r >= 0)
			r = make_not(ps, r);
	} else if (query_at_keyword(ps, at, "not")) {
		ps->i += 3;
		query_skip_ws(ps);
		if (!query_starts_term(ps))
			return query_fail(ps, at + 2, NULL, "expected a term after '%.3s'",
			                  s + at);
		r = parse_unary(ps);
		if (r >= 0)
			r = make_not(ps, r);
	} else {
		r = parse_primary(ps);
	}
	ps->depth--;
	return r;
}

static int32_t
parse_and(struct parser *ps)
{
	const char *s = ps->s;
	int32_t head = parse_unary(ps), tail = head;
	if (head < 0)
		return -1;
	size_t count = 1;
	for (;;) {
		query_skip_ws(ps);
		size_t at = ps->i;
		if (at >= ps->n || s[at] == ')' || s[at] == '|' ||
		    query_at_keyword(ps, at, "or"))
			break;
		if (query_at_keyword(ps, at, "and")) {
			ps->i += 3;
			query_skip_ws(ps);
			if (!query_starts_term(ps))
				return query_fail(ps, at + 2, NULL,
				                  "expected a term after '%.3s'", s + at);
		}
		int32_t r = parse_unary(ps);
		if (r < 0)
			return -1;
		ps->q->nodes[tail].next = r;
		tail = r;
		count++;
	}
	return count == 1 ? head : make_list(ps, N_AND, head);
}

static int32_t
parse_or(struct parser *ps)
{
	const char *s = ps->s;
	int32_t head = parse_and(ps), tail = head;
	if (head < 0)
		return -1;
	size_t count = 1;
	for (;;) {
		query_skip_ws(ps);
		size_t at = ps->i, oplen;
		if (at < ps->n && s[at] == '|')
			oplen = 1;
		else if (query_at_keyword(ps, at, "or"))
			oplen = 2;
		else
			break;
		ps->i += oplen;
		query_skip_ws(ps);
		if (!query_starts_term(ps))
			return query_fail(ps, at + oplen - 1, NULL,
			                  "expected a term after '%.*s'", (int)oplen,
			                  s + at);
		int32_t r = parse_and(ps);
		if (r < 0)
			return -1;
		ps->q->nodes[tail].next = r;
		tail = r;
		count++;
	}
	return count == 1 ? head : make_list(ps, N_OR, head);
}

/* Lists the text nodes not under a negation. */
static void
find_positive(struct query *q, int32_t id, bool neg)
{
	const struct node *n = &q->nodes[id];
	if (n->kind == N_TEXT && !neg) {
		q->pos = xrealloc(q->pos, (q->npos + 1) * sizeof(*q->pos));
		q->pos[q->npos++] = id;
	}
	bool cneg = n->kind == N_NOT ? !neg : neg;
	for (int32_t c = n->first; c >= 0; c = q->nodes[c].next)
		find_positive(q, c, cneg);
}

struct query *
query_parse(const char *s, struct query_error *err)
{
	if (err) {
		err->col = 0;
		err->msg[0] = '\0';
	}
	struct query *q = calloc(1, sizeof(*q));
	if (!q)
		die_nomem();
	q->source = strdup(s ? s : "");
	if (!q->source)
		die_nomem();
	struct parser ps = {
		.s = q->source, .n = strlen(q->source), .q = q, .err = err,
	};
	query_skip_ws(&ps);
	if (ps.i >= ps.n) {
		q->root = query_new_node(&ps, N_TRUE);
	} else {
		q->root = parse_or(&ps);
		query_skip_ws(&ps);
		if (q->root >= 0 && ps.i < ps.n)
			q->root = query_fail(&ps, ps.i, NULL, "unmatched ')'");
	}
	buf_free(&ps.tmp);
	if (q->root < 0) {
		if (err && !err->msg[0])
			snprintf(err->msg, sizeof(err->msg), "cannot parse");
		query_free(q);
		return NULL;
	}
	find_positive(q, q->root, false);
	return q;
}

void
query_free(struct query *q)
{
	if (!q)
		return;
	free(q->source);
	free(q->nodes);
	free(q->strs.s);
	free(q->pos);
	free(q->pieces);
	free(q->hay.s);
	free(q->shay.s);
	free(q->val.s);
	free(q->map.v);
	free(q);
}

void
query_error_describe(const struct query_error *err, struct buf *out)
{
	buf_adds(out, "filter: ");
	buf_adds(out, err->msg);
}

const char *
query_source(const struct query *q)
{
	return q->source;
}

bool
query_is_empty(const struct query *q)
{
	return q->nodes[q->root].kind == N_TRUE;
}
