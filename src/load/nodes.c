/* SPDX-License-Identifier: MIT */
/* load/nodes: problems at a node, and a node read as text, a list or a
 * value kept under Other: the helpers every vocabulary maps with. */
#include "load/internal.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Problems ------------------------------------------------------------- */

/* Records a problem at node n (or the posting's start when n is NULL). */
static void
vproblem(struct lctx *x, const struct ynode *n, bool error, const char *fmt,
         va_list ap)
{
	char msg[400];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	unsigned line = n ? n->line : x->p ? x->p->line : 0;
	unsigned col = n ? n->col : x->p ? x->p->col : 0;
	catalog_problem(x->c, x->file, line, col, error, "%s", msg);
	if (error && x->p)
		x->p->problems = true;
}

void
lerr(struct lctx *x, const struct ynode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vproblem(x, n, true, fmt, ap);
	va_end(ap);
}

void
lwarn(struct lctx *x, const struct ynode *n, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	vproblem(x, n, false, fmt, ap);
	va_end(ap);
}

/* Node helpers ----------------------------------------------------------- */

const struct ynode *
ymap_get(const struct ynode *m, const char *key)
{
	if (!m || m->kind != Y_MAP)
		return NULL;
	for (size_t i = 0; i < m->n; i++) {
		const struct ynode *k = m->kids[2 * i];
		if (k->kind == Y_SCALAR && strcmp(k->s, key) == 0)
			return m->kids[2 * i + 1];
	}
	return NULL;
}

const struct ynode *
yfirst(const struct ynode *n)
{
	if (n && n->kind == Y_SEQ)
		return n->n ? n->kids[0] : NULL;
	return n;
}

bool
yis_text(const struct ynode *n, const char *s)
{
	return n && n->kind == Y_SCALAR && strcmp(n->s, s) == 0;
}

const char *
ykind_name(const struct ynode *n)
{
	switch (n->kind) {
	case Y_NULL: return "nothing";
	case Y_SCALAR: return "text";
	case Y_SEQ: return "a list";
	default: return "a mapping";
	}
}

const char *
lkeep(struct lctx *x, const char *s, size_t len)
{
	char *t = arena_strndup(&x->c->arena, s, len);
	if (!t)
		die_nomem();
	return t;
}

const char *
ykeep(struct lctx *x, const struct ynode *n)
{
	if (!n || n->kind != Y_SCALAR)
		return NULL;
	const char *s = n->s, *e = n->s + n->len;
	/* drop leading blank lines and trailing white space */
	for (const char *q = s; q < e; q++) {
		if (*q == '\n')
			s = q + 1;
		else if (*q != ' ' && *q != '\t' && *q != '\r')
			break;
	}
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\n' ||
	                 e[-1] == '\r'))
		e--;
	if (e == s)
		return NULL;
	if (n->kept) {
		/* the text is the catalog's already: trim it in place */
		if (*e)
			*(char *)e = '\0';
		return s;
	}
	return lkeep(x, s, (size_t)(e - s));
}

/* A value of the wrong type for the field called name ("summary",
 * "organization: name") is kept under Other, as "summary",
 * "organization.name": reported, not guessed around, and not lost. */
void
ykeep_wrong(struct lctx *x, const char *name, const struct ynode *n)
{
	struct buf key = {0};
	for (const char *q = name; *q; q++) {
		if (q[0] == ':' && q[1] == ' ') {
			buf_addc(&key, '.');
			q++;
		} else {
			buf_addc(&key, *q);
		}
	}
	ykeep_extra(x, key.s ? key.s : "", n);
	buf_free(&key);
}

bool
ytext(struct lctx *x, const struct ynode *n, const char *name,
      const char **out)
{
	if (n->kind == Y_NULL)
		return true;
	if (n->kind != Y_SCALAR) {
		lerr(x, n, "%s: expected text, found %s; kept under Other",
		     name, ykind_name(n));
		ykeep_wrong(x, name, n);
		return false;
	}
	*out = ykeep(x, n);
	return true;
}

void
yxvalue(struct lctx *x, const struct ynode *n, const char *key,
        struct xvalue *out)
{
	*out = (struct xvalue){.key = key};
	switch (n->kind) {
	case Y_NULL:
		out->kind = X_SCALAR;
		out->s = "";
		out->plain = true;
		return;
	case Y_SCALAR:
		out->kind = X_SCALAR;
		out->s = n->kept ? n->s : lkeep(x, n->s, n->len);
		out->plain = n->plain;
		return;
	case Y_SEQ:
	case Y_MAP:
		out->kind = n->kind == Y_SEQ ? X_SEQ : X_MAP;
		out->n = n->n;
		out->kids = arena_alloc(&x->c->arena,
		                        (n->n ? n->n : 1) * sizeof(*out->kids));
		if (!out->kids)
			die_nomem();
		for (size_t i = 0; i < n->n; i++) {
			if (n->kind == Y_SEQ) {
				yxvalue(x, n->kids[i], NULL, &out->kids[i]);
			} else {
				const struct ynode *k = n->kids[2 * i];
				const char *ks = k->kind == Y_SCALAR
					? lkeep(x, k->s, k->len) : "?";
				yxvalue(x, n->kids[2 * i + 1], ks,
				        &out->kids[i]);
			}
		}
		return;
	}
}

void
ykeep_extra(struct lctx *x, const char *key, const struct ynode *v)
{
	struct posting *p = x->p;
	/* extras grow by doubling inside the arena: old arrays are left */
	size_t n = p->nextra;
	if ((n & (n - 1)) == 0) {
		size_t cap = n ? n * 2 : 4;
		struct xvalue *nv = arena_alloc(&x->c->arena, cap * sizeof(*nv));
		if (!nv)
			die_nomem();
		if (n)
			memcpy(nv, p->extra, n * sizeof(*nv));
		p->extra = nv;
	}
	yxvalue(x, v, lkeep(x, key, strlen(key)), &p->extra[p->nextra++]);
}

/* Keeps an unknown key k of the known mapping called parent, with its
 * value v, under Other as "parent.key" (never as a key of its own,
 * which could pose as a canonical one), and says so; known lists the
 * mapping's keys. */
void
ykeep_unknown(struct lctx *x, const char *parent, const struct ynode *k,
              const struct ynode *v, const char *known)
{
	const char *key = k->kind == Y_SCALAR ? k->s : "?";
	struct buf name = {0};
	buf_printf(&name, "%s.%s", parent, key);
	lwarn(x, k, "%s: unknown key '%s' (known: %s); kept under Other as "
	      "'%s'", parent, key, known, name.s);
	ykeep_extra(x, name.s, v);
	buf_free(&name);
}

void
lstrlist(struct lctx *x, const char *const *v, size_t n, struct strlist *out)
{
	const char **items = arena_alloc(&x->c->arena, (n ? n : 1) * sizeof(*items));
	if (!items)
		die_nomem();
	for (size_t i = 0; i < n; i++)
		items[i] = lkeep(x, v[i], strlen(v[i]));
	out->v = items;
	out->n = n;
}

/* Items that are not text are reported and left out. */
void
ylist(struct lctx *x, const struct ynode *n, const char *name,
      struct strlist *out)
{
	if (n->kind == Y_NULL)
		return;
	if (n->kind == Y_MAP) {
		lerr(x, n, "%s: expected a list of text, found a mapping; kept "
		     "under Other", name);
		ykeep_wrong(x, name, n);
		return;
	}
	size_t cnt = n->kind == Y_SEQ ? n->n : 1;
	const char **items = arena_alloc(&x->c->arena,
	                                 (cnt ? cnt : 1) * sizeof(*items));
	if (!items)
		die_nomem();
	size_t k = 0;
	for (size_t i = 0; i < cnt; i++) {
		const struct ynode *it = n->kind == Y_SEQ ? n->kids[i] : n;
		if (it->kind == Y_SCALAR) {
			const char *s = ykeep(x, it);
			if (s)
				items[k++] = s;
		} else if (it->kind != Y_NULL) {
			lerr(x, it, "%s: item %zu: expected text, found %s; "
			     "kept under Other", name, i + 1, ykind_name(it));
			char item[300];
			snprintf(item, sizeof(item), "%s: %zu", name, i + 1);
			ykeep_wrong(x, item, it);
		}
	}
	out->v = items;
	out->n = k;
}
