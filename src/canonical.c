/* SPDX-License-Identifier: MIT */
/* canonical: a copy of a posting with its texts' white space and its
 * kept keys' order made canonical. */
#include "canonical.h"

#include <stdlib.h>
#include <string.h>

#include "prose.h"
#include "text.h"

/* True for the blanks a text's lines are made of. */
static bool
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

/* Appends s[0..len) with each run of blanks as one space, none at the
 * ends. */
static void
squeeze(struct buf *out, const char *s, size_t len)
{
	bool gap = false, any = false;
	for (size_t i = 0; i < len; i++) {
		if (blank(s[i])) {
			gap = any;
			continue;
		}
		if (gap)
			buf_addc(out, ' ');
		gap = false;
		any = true;
		buf_addc(out, s[i]);
	}
}

/* The canonical form of a text, in a: its blocks as prose reads them
 * (paragraphs, items with their depth and number), one a line, each
 * squeezed. NULL stays NULL. */
static const char *
text(struct arena *a, const char *s)
{
	if (!s)
		return NULL;
	struct prose p = {0};
	prose_read(s, strlen(s), &p);
	struct buf b = {0};
	for (size_t i = 0; i < p.n; i++) {
		const struct prose_block *k = &p.v[i];
		if (i)
			buf_addc(&b, '\n');
		if (k->kind == PROSE_ITEM)
			buf_printf(&b, "%*s%s ", (int)(2 * k->depth), "",
			           k->number ? "#" : "-");
		if (k->kind == PROSE_ITEM && k->number)
			buf_printf(&b, "%u ", k->number);
		squeeze(&b, k->text, strlen(k->text));
	}
	prose_free(&p);
	char *r = arena_strndup(a, b.s ? b.s : "", b.len);
	buf_free(&b);
	if (!r)
		die_nomem();
	return r;
}

/* Room for n things of size bytes in a. */
static void *
room(struct arena *a, size_t n, size_t size)
{
	void *v = arena_alloc(a, n && size ? n * size : 1);
	if (!v)
		die_nomem();
	return v;
}

/* A list with each item canonical. */
static struct strlist
list(struct arena *a, struct strlist l)
{
	const char **v = room(a, l.n, sizeof(*v));
	for (size_t i = 0; i < l.n; i++)
		v[i] = text(a, l.v[i]);
	return (struct strlist){v, l.n};
}

static void section(struct arena *a, struct section *s);

/* The sections v[0..n) copied into a, canonical. */
static struct section *
sections(struct arena *a, const struct section *v, size_t n)
{
	if (!n)
		return NULL;
	struct section *out = room(a, n, sizeof(*out));
	for (size_t i = 0; i < n; i++) {
		out[i] = v[i];
		section(a, &out[i]);
	}
	return out;
}

/* Makes s's texts canonical, its own copies in a. */
static void
section(struct arena *a, struct section *s)
{
	s->heading = text(a, s->heading);
	s->text = text(a, s->text);
	s->items = list(a, s->items);
	s->sub = sections(a, s->sub, s->nsub);
}

/* Orders pointers to kept mapping entries by key, then by where the
 * entries are (pointers into the posting's own array, which qsort does
 * not move). */
static int
by_key(const void *x, const void *y)
{
	const struct xvalue *a = *(const struct xvalue *const *)x;
	const struct xvalue *b = *(const struct xvalue *const *)y;
	int c = strcmp(a->key ? a->key : "", b->key ? b->key : "");
	if (c)
		return c;
	return a < b ? -1 : a > b;
}

static void xvalue(struct arena *a, struct xvalue *x);

/* The kept values v[0..n) copied into a, canonical; a mapping's entries
 * (sorted) in key order. */
static struct xvalue *
xvalues(struct arena *a, const struct xvalue *v, size_t n, bool sorted)
{
	if (!n)
		return NULL;
	const struct xvalue **ord = xmalloc(n * sizeof(*ord));
	for (size_t i = 0; i < n; i++)
		ord[i] = v + i;
	if (sorted) /* keys that repeat keep their order */
		qsort(ord, n, sizeof(*ord), by_key);
	struct xvalue *out = room(a, n, sizeof(*out));
	for (size_t i = 0; i < n; i++)
		out[i] = *ord[i];
	free(ord);
	for (size_t i = 0; i < n; i++)
		xvalue(a, &out[i]);
	return out;
}

/* Makes x's scalars canonical and its mappings sorted, in a. */
static void
xvalue(struct arena *a, struct xvalue *x)
{
	if (x->kind == X_SCALAR)
		x->s = text(a, x->s);
	else
		x->kids = xvalues(a, x->kids, x->n, x->kind == X_MAP);
}

void
canonical_posting(const struct posting *p, struct arena *a,
                  struct posting *out)
{
	struct posting *q = out;
	*q = *p;
	q->title = text(a, p->title);
	q->org.name = text(a, p->org.name);
	q->org.short_name = text(a, p->org.short_name);
	q->org.url = text(a, p->org.url);
	q->org.about = text(a, p->org.about);
	q->department = text(a, p->department);
	if (p->nplaces) {
		struct place *pl = room(a, p->nplaces, sizeof(*pl));
		for (size_t i = 0; i < p->nplaces; i++)
			pl[i] = (struct place){
				text(a, p->places[i].name),
				text(a, p->places[i].city),
				text(a, p->places[i].region),
				text(a, p->places[i].country),
			};
		q->places = pl;
	}
	q->workplace_note = text(a, p->workplace_note);
	q->employment.type = text(a, p->employment.type);
	q->employment.classification = text(a, p->employment.classification);
	q->employment.union_name = text(a, p->employment.union_name);
	q->salary.note = text(a, p->salary.note);
	q->posted.text = text(a, p->posted.text);
	q->deadline.text = text(a, p->deadline.text);
	q->start.text = text(a, p->start.text);
	q->reports_to = text(a, p->reports_to);
	q->supervises = text(a, p->supervises);
	q->travel = text(a, p->travel);
	q->experience.note = text(a, p->experience.note);
	if (p->nlanguages) {
		struct language *l = room(a, p->nlanguages, sizeof(*l));
		for (size_t i = 0; i < p->nlanguages; i++)
			l[i] = (struct language){text(a, p->languages[i].name),
			                         text(a, p->languages[i].level)};
		q->languages = l;
	}
	q->summary = text(a, p->summary);
	q->responsibilities = list(a, p->responsibilities);
	q->qualifications = list(a, p->qualifications);
	q->preferred = list(a, p->preferred);
	q->benefits = list(a, p->benefits);
	q->conditions = list(a, p->conditions);
	q->apply.url = text(a, p->apply.url);
	q->apply.email = text(a, p->apply.email);
	q->apply.phone = text(a, p->apply.phone);
	q->apply.subject = text(a, p->apply.subject);
	q->apply.note = text(a, p->apply.note);
	q->apply.documents = list(a, p->apply.documents);
	q->apply.deadline.text = text(a, p->apply.deadline.text);
	q->tags = list(a, p->tags);
	q->source = text(a, p->source);
	q->sections = sections(a, p->sections, p->nsections);
	q->extra = xvalues(a, p->extra, p->nextra, true);
}
