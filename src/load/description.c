/* SPDX-License-Identifier: MIT */
/* load/description: a schema.org description (HTML or text) -> the
 * posting's summary, its canonical lists where a heading names one
 * (Responsibilities, Qualifications, Preferred qualifications, Benefits:
 * the table of headings.c) and the posting gives none,
 * the organization's about under "About us" (or "About ORG"), and
 * further sections under the other headings, in order. */
#include "load/description.h"
#include "load/headings.h"
#include "load/html.h"

#include <stdlib.h>
#include <string.h>

/* True when paragraph s is a heading by its words alone: "Requirements:",
 * "What you'll do", "Benefits:" (a sentence that mentions benefits is
 * not). */
static bool
para_heading(const char *s, const char *org)
{
	size_t len = strlen(s);
	if (len > HEADING_MAX_LEN)
		return false;
	if (s[len - 1] == ':')
		return headings_name(s, HEADING_PART, org) != HEADING_NONE &&
		       !strchr(s, '.');
	return headings_name(s, HEADING_WHOLE, org) != HEADING_NONE;
}

/* True when paragraph s is a short label that heads the list after it:
 * "Schedule:" (not "In this role, you will:", a sentence that leads into
 * its list). */
static bool
label_heading(const char *s)
{
	static const char *const lead[] = {"you ", "you'll ", "you\xe2\x80\x99ll ",
	                                   "we ", "in ", "as ", "if ", "to ",
	                                   "this ", "our "};
	size_t len = strlen(s), words = 1;
	if (len > 40 || s[len - 1] != ':' || strchr(s, '.'))
		return false;
	struct buf f = {0};
	text_fold(&f, s, len);
	f.s[f.len - 1] = ' '; /* "You will:" -> "you will " */
	bool sentence = false;
	for (size_t i = 0; i < sizeof(lead) / sizeof(*lead); i++)
		sentence = sentence || !strncmp(f.s, lead[i], strlen(lead[i]));
	buf_free(&f);
	if (sentence)
		return false; /* a sentence that leads into its list */
	for (const char *q = s; *q; q++)
		words += *q == ' ';
	return words <= 4;
}

/* A run of blocks under one heading (or before the first). */
struct part {
	const char *heading;  /* NULL for the text before any heading */
	size_t from, to;      /* its blocks */
	enum heading_kind what;
};

/* Keeps blocks from to to-1 in the light form in the arena; NULL when
 * there are none. */
static const char *
keep_prose(struct lctx *x, const struct prose *p, size_t from, size_t to)
{
	if (from >= to)
		return NULL;
	struct buf b = {0};
	prose_write(&b, p, from, to);
	const char *s = b.len ? lkeep(x, b.s, b.len) : NULL;
	buf_free(&b);
	return s;
}

/* Blocks from to to-1 as a flat list of items in out (kept in the
 * arena): each paragraph and item one, nested items joined to theirs. */
static void
keep_items(struct lctx *x, const struct prose *p, size_t from, size_t to,
           struct strlist *out)
{
	struct prose flat = {0};
	for (size_t i = from; i < to; i++)
		prose_add(&flat, p->v[i].kind, p->v[i].depth, p->v[i].number,
		          p->v[i].text, strlen(p->v[i].text));
	prose_flatten(&flat);
	const char **v = xmalloc((flat.n ? flat.n : 1) * sizeof(*v));
	for (size_t i = 0; i < flat.n; i++)
		v[i] = flat.v[i].text;
	lstrlist(x, v, flat.n, out);
	free(v);
	prose_free(&flat);
}

/* True when blocks from to to-1 hold a list item. */
static bool
has_items(const struct prose *p, size_t from, size_t to)
{
	for (size_t i = from; i < to; i++)
		if (p->v[i].kind == PROSE_ITEM)
			return true;
	return false;
}

/* The canonical list (or the organization's about) a part fills, when
 * the posting gives it no other: its paragraphs and items become the
 * list's items (benefits given only as paragraphs stay prose); the
 * paragraphs after its last item, which close the text rather than the
 * list (a salary line, an equal opportunity statement), go to tail.
 * False when the list is given already. */
static bool
fill_list(struct lctx *x, const struct prose *p, const struct part *pt,
          struct prose *tail)
{
	struct posting *ps = x->p;
	if (pt->what == HEADING_ABOUT) {
		if (ps->org.about)
			return false;
		ps->org.about = keep_prose(x, p, pt->from, pt->to);
		return ps->org.about != NULL;
	}
	struct strlist *l = pt->what == HEADING_RESP ? &ps->responsibilities
		: pt->what == HEADING_QUAL ? &ps->qualifications
		: pt->what == HEADING_PREF ? &ps->preferred
		: pt->what == HEADING_BENEFITS ? &ps->benefits : NULL;
	if (!l || l->n)
		return false;
	if (pt->what == HEADING_BENEFITS && !has_items(p, pt->from, pt->to)) {
		const char *t = keep_prose(x, p, pt->from, pt->to);
		if (!t)
			return false;
		lstrlist(x, &t, 1, l);
		ps->benefits_prose = true;
		return true;
	}
	size_t end = pt->to;
	while (end > pt->from && p->v[end - 1].kind != PROSE_ITEM)
		end--;
	if (end == pt->from)
		end = pt->to; /* no items: every paragraph one */
	keep_items(x, p, pt->from, end, l);
	for (size_t i = end; i < pt->to; i++)
		prose_add(tail, p->v[i].kind, p->v[i].depth, p->v[i].number,
		          p->v[i].text, strlen(p->v[i].text));
	return l->n > 0;
}

/* A further section for a part: its leading paragraphs as text and its
 * items as items when it is that simple, else all of it as text. */
static void
make_section(struct lctx *x, const struct prose *p, const struct part *pt,
             struct section *s)
{
	struct buf h = {0};
	buf_adds(&h, pt->heading);
	while (h.len && (h.s[h.len - 1] == ':' || h.s[h.len - 1] == ' '))
		h.s[--h.len] = '\0';
	*s = (struct section){.heading = lkeep(x, h.len ? h.s : pt->heading,
	                                       h.len ? h.len
	                                             : strlen(pt->heading))};
	buf_free(&h);
	size_t first = pt->from;
	while (first < pt->to && p->v[first].kind != PROSE_ITEM)
		first++;
	bool simple = first < pt->to;
	for (size_t i = first; i < pt->to && simple; i++)
		simple = p->v[i].kind == PROSE_ITEM && p->v[i].depth == 0 &&
		         !p->v[i].number && !strchr(p->v[i].text, '\n');
	if (simple) {
		s->text = keep_prose(x, p, pt->from, first);
		keep_items(x, p, first, pt->to, &s->items);
	} else {
		s->text = keep_prose(x, p, pt->from, pt->to);
	}
}

/* Finds the headings of the blocks: headings the HTML gave, and
 * paragraphs that are a heading by their words or a short label before
 * a list. Fills parts (blocks + 1 of them at most) and returns how
 * many. */
static size_t
find_parts(struct prose *p, struct part *parts, const char *org)
{
	for (size_t i = 0; i < p->n; i++)
		if (p->v[i].kind == PROSE_PARA && i + 1 < p->n &&
		    (para_heading(p->v[i].text, org) ||
		     (p->v[i + 1].kind == PROSE_ITEM &&
		      (!i || p->v[i - 1].kind != PROSE_HEADING) &&
		      label_heading(p->v[i].text))))
			p->v[i].kind = PROSE_HEADING;
	/* a heading right above another one only groups them (USAJOBS'
	 * "Requirements" over "Conditions of Employment" and
	 * "Qualifications"): a label, left out; one with nothing after it
	 * is a paragraph */
	size_t k = 0;
	for (size_t i = 0; i < p->n; i++) {
		if (p->v[i].kind == PROSE_HEADING && i + 1 < p->n &&
		    p->v[i + 1].kind == PROSE_HEADING) {
			free(p->v[i].text);
			continue;
		}
		if (p->v[i].kind == PROSE_HEADING && i + 1 == p->n)
			p->v[i].kind = PROSE_PARA;
		p->v[k++] = p->v[i];
	}
	p->n = k;
	size_t n = 0;
	parts[n++] = (struct part){.from = 0};
	for (size_t i = 0; i < p->n; i++) {
		if (p->v[i].kind != PROSE_HEADING)
			continue;
		parts[n - 1].to = i;
		parts[n++] = (struct part){.heading = p->v[i].text,
		                           .from = i + 1,
		                           .what = headings_name(p->v[i].text,
		                                                 HEADING_PART, org)};
	}
	parts[n - 1].to = p->n;
	return n;
}

void
description_map(struct lctx *x, const char *s, size_t len)
{
	struct prose p = {0};
	html_blocks(s, len, &p);
	description_map_blocks(x, &p);
	prose_free(&p);
}

void
description_map_blocks(struct lctx *x, struct prose *blocks)
{
	struct posting *ps = x->p;
	struct prose p = *blocks;
	struct part *parts = xmalloc((p.n + 1) * sizeof(*parts));
	size_t nparts = find_parts(&p, parts, ps->org.name);
	/* the summary: what comes before the first heading, and the parts
	 * that are the overview (their headings are labels such as
	 * "Description": left out) */
	struct prose sum = {0}, tail = {0};
	struct section *secs = xmalloc((nparts + ps->nsections + 1) *
	                               sizeof(*secs));
	size_t nsecs = 0;
	for (size_t k = 0; k < nparts; k++) {
		struct part *pt = &parts[k];
		if (!pt->heading || pt->what == HEADING_SUMMARY) {
			for (size_t i = pt->from; i < pt->to; i++)
				prose_add(&sum, p.v[i].kind, p.v[i].depth,
				          p.v[i].number, p.v[i].text,
				          strlen(p.v[i].text));
		} else if (!fill_list(x, &p, pt, &tail)) {
			make_section(x, &p, pt, &secs[nsecs++]);
		}
	}
	/* what closed the lists closes the summary */
	for (size_t i = 0; i < tail.n; i++)
		prose_add(&sum, tail.v[i].kind, tail.v[i].depth,
		          tail.v[i].number, tail.v[i].text,
		          strlen(tail.v[i].text));
	ps->summary = keep_prose(x, &sum, 0, sum.n);
	if (nsecs) {
		/* before the sections other properties made */
		if (ps->nsections)
			memcpy(secs + nsecs, ps->sections,
			       ps->nsections * sizeof(*secs));
		size_t total = nsecs + ps->nsections;
		struct section *v = arena_alloc(&x->c->arena,
		                                total * sizeof(*v));
		if (!v)
			die_nomem();
		memcpy(v, secs, total * sizeof(*v));
		ps->sections = v;
		ps->nsections = total;
	}
	free(secs);
	free(parts);
	prose_free(&tail);
	prose_free(&sum);
	*blocks = p; /* find_parts left out some */
}
