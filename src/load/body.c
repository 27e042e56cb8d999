/* SPDX-License-Identifier: MIT */
/* load/body: a Markdown body's blocks -> the posting: the text before the
 * first heading is the summary, headings that name a canonical list make
 * it, the others further sections with their subheadings as groups; the
 * front matter, read first, wins. */
#include "load/body.h"
#include "load/headings.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Indices of blocks. */
struct ivec {
	size_t *v; /* malloc'd */
	size_t n, cap;
};

/* Adds block i. */
static void
ivec_add(struct ivec *iv, size_t i)
{
	if (iv->n == iv->cap) {
		iv->cap = iv->cap ? iv->cap * 2 : 16;
		iv->v = xrealloc(iv->v, iv->cap * sizeof(*iv->v));
	}
	iv->v[iv->n++] = i;
}

/* A group of a section: a subheading and its blocks. */
struct group {
	size_t head;
	struct ivec blocks;
};

/* A further section being gathered. */
struct secb {
	size_t head;            /* its heading's block */
	struct ivec blocks;     /* before its first group */
	struct group *groups;   /* malloc'd */
	size_t ngroups, gcap;
};

/* Where the blocks under the current heading go. */
enum target { T_SUMMARY, T_ABOUT, T_APPLY, T_LIST, T_SECTION };

/* The canonical lists a heading may name. */
enum { L_RESP, L_QUAL, L_PREF, L_BENEFITS, L_COUNT };

/* The state of one body read into a posting. */
struct bodyread {
	struct lctx *x;
	const struct body *b;
	unsigned *hl;              /* a heading's level by block, else 0 */
	struct ivec summary, about, apply, lists[L_COUNT];
	bool taken[L_COUNT];       /* given by the front matter, or made */
	bool about_taken, apply_taken;
	struct secb *secs;         /* malloc'd */
	size_t nsecs, seccap;
	bool top;                  /* a heading is current */
	unsigned level;            /* its level */
	enum target t;             /* where its blocks go */
	int list;                  /* T_LIST: which */
	unsigned glevel;           /* the level of the current group's
	                            * subheading, 0 when none */
};

/* The list a heading's kind names, or -1. */
static int
kind_list(enum heading_kind k)
{
	switch (k) {
	case HEADING_RESP:
		return L_RESP;
	case HEADING_QUAL:
		return L_QUAL;
	case HEADING_PREF:
		return L_PREF;
	case HEADING_BENEFITS:
		return L_BENEFITS;
	default:
		return -1;
	}
}

/* The text of block i. */
static const char *
btext(const struct bodyread *a, size_t i)
{
	return BODY_TEXT(a->b, i);
}

/* True when paragraph i (followed by next, a kind of block) heads what
 * follows it: a paragraph that names a canonical list by its words
 * ("Requirements", "Minimum requirements:"), or a short label before a
 * list, all in bold or ending with a colon ("**Schedule**", "Tools:"),
 * but not a sentence that leads into its list ("You will:"). */
static bool
para_heads(const struct bodyread *a, size_t i, const char *org)
{
	static const char *const lead[] = {"you ", "you'll ", "you\xe2\x80\x99ll ",
	                                   "we ", "in ", "as ", "if ", "to ",
	                                   "this ", "our "};
	const struct body_block *bl = &a->b->v[i];
	const char *s = btext(a, i);
	size_t len = strlen(s);
	if (bl->kind != BODY_PARA || i + 1 >= a->b->n || len > HEADING_MAX_LEN ||
	    a->b->v[i + 1].kind == BODY_HEADING)
		return false;
	size_t words = 1;
	for (const char *q = s; *q; q++)
		words += *q == ' ';
	/* "Benefits", "Responsibilities", "Who you are" */
	if (headings_name(s, HEADING_WHOLE, org) != HEADING_NONE ||
	    (words <= 3 && !strchr(s, '.') &&
	     headings_name(s, HEADING_PART, org) != HEADING_NONE))
		return true;
	bool colon = s[len - 1] == ':';
	if (a->b->v[i + 1].kind != BODY_ITEM || strchr(s, '.') ||
	    strchr(s, '\n') || (!colon && !bl->bold))
		return false;
	if (colon && headings_name(s, HEADING_PART, org) != HEADING_NONE)
		return true;
	if (words > (bl->bold ? 6u : 4u))
		return false;
	for (size_t k = 0; k < sizeof(lead) / sizeof(*lead); k++)
		if (!strncasecmp(s, lead[k], strlen(lead[k])))
			return false;
	return true;
}

/* Starts a new section under heading i. */
static void
section_open(struct bodyread *a, size_t i)
{
	if (a->nsecs == a->seccap) {
		a->seccap = a->seccap ? a->seccap * 2 : 8;
		a->secs = xrealloc(a->secs, a->seccap * sizeof(*a->secs));
	}
	a->secs[a->nsecs++] = (struct secb){.head = i};
	a->t = T_SECTION;
}

/* Makes heading i, of kind k, the current top heading. */
static void
top_open(struct bodyread *a, size_t i, enum heading_kind k)
{
	a->top = true;
	a->level = a->hl[i];
	a->glevel = 0;
	int l = kind_list(k);
	if (k == HEADING_SUMMARY) {
		a->t = T_SUMMARY; /* "Description", a label: left out */
	} else if (k == HEADING_ABOUT && !a->about_taken) {
		a->t = T_ABOUT;
		a->about_taken = true;
	} else if (k == HEADING_APPLY && !a->apply_taken) {
		a->t = T_APPLY;
		a->apply_taken = true;
	} else if (l >= 0 && !a->taken[l]) {
		a->t = T_LIST;
		a->list = l;
		a->taken[l] = true;
	} else {
		section_open(a, i);
	}
}

/* The blocks of the current heading, or of its current group. */
static struct ivec *
current(struct bodyread *a)
{
	if (!a->top)
		return &a->summary;
	switch (a->t) {
	case T_SUMMARY:
		return &a->summary;
	case T_ABOUT:
		return &a->about;
	case T_APPLY:
		return &a->apply;
	case T_LIST:
		return &a->lists[a->list];
	case T_SECTION:
	default: {
		struct secb *s = &a->secs[a->nsecs - 1];
		return s->ngroups ? &s->groups[s->ngroups - 1].blocks
		                  : &s->blocks;
	}
	}
}

/* Reads heading i, below the current top heading. */
static void
subheading(struct bodyread *a, size_t i, enum heading_kind k)
{
	int l = kind_list(k);
	if (l >= 0 && !a->taken[l] && !(a->t == T_LIST && a->list == l)) {
		/* a list of its own: "Preferred" under "Qualifications" */
		unsigned level = a->level;
		top_open(a, i, k);
		a->level = level;
		return;
	}
	if (a->t == T_LIST) {
		/* "Must have" under "Requirements" says the list again */
		if (l == a->list || !strcasecmp(btext(a, i), "required") ||
		    !strcasecmp(btext(a, i), "required:"))
			return;
		ivec_add(current(a), i); /* an item "Education:" */
		return;
	}
	if (a->t != T_SECTION || (a->glevel && a->hl[i] > a->glevel)) {
		ivec_add(current(a), i); /* a paragraph */
		return;
	}
	struct secb *s = &a->secs[a->nsecs - 1];
	if (s->ngroups == s->gcap) {
		s->gcap = s->gcap ? s->gcap * 2 : 4;
		s->groups = xrealloc(s->groups, s->gcap * sizeof(*s->groups));
	}
	s->groups[s->ngroups++] = (struct group){.head = i};
	a->glevel = a->hl[i];
}

/* Appends the blocks of iv in the light form: paragraphs (and headings)
 * separated by blank lines, items as "- " or "N. " lines indented by
 * their depth, an item's further lines indented under it. Stops before a
 * block that would take the text over max bytes; returns how many blocks
 * it wrote. */
static size_t
write_prose(const struct bodyread *a, const struct ivec *iv, size_t max,
            struct buf *out)
{
	bool item_before = false;
	for (size_t k = 0; k < iv->n; k++) {
		size_t i = iv->v[k], len0 = out->len;
		const struct body_block *bl = &a->b->v[i];
		bool item = bl->kind == BODY_ITEM && !a->hl[i];
		if (out->len)
			buf_adds(out, item && item_before && !bl->starts
			              ? "\n" : "\n\n");
		item_before = item;
		const char *s = btext(a, i);
		if (item) {
			for (unsigned d = 0; d < bl->depth; d++)
				buf_adds(out, "  ");
			if (bl->number)
				buf_printf(out, "%u. ", bl->number);
			else
				buf_adds(out, "- ");
		}
		for (; *s; s++) {
			buf_addc(out, *s);
			if (*s != '\n' || !item)
				continue;
			for (unsigned d = 0; d <= bl->depth; d++)
				buf_adds(out, "  ");
		}
		if (out->len > max) {
			out->len = len0;
			out->s[len0] = '\0';
			return k;
		}
	}
	return iv->n;
}

/* Keeps the light form of iv in the arena; NULL when it is empty. A text
 * over max_scalar keeps the blocks that fit, and says so: what says
 * whose text it is. */
static const char *
keep_prose(const struct bodyread *a, const struct ivec *iv, const char *what)
{
	struct buf b = {0};
	size_t max = a->x->lim->max_scalar;
	size_t k = write_prose(a, iv, max, &b);
	if (k < iv->n) {
		catalog_problem(a->x->c, a->x->file, a->b->v[iv->v[k]].line, 1,
		                true, "%s runs over %zu bytes from here (see "
		                "--max-scalar); the rest of it is dropped", what,
		                max);
		a->x->p->problems = true;
	}
	const char *s = b.len ? lkeep(a->x, b.s, b.len) : NULL;
	buf_free(&b);
	return s;
}

/* Appends s with its line breaks as spaces. */
static void
add_flat(struct buf *out, const char *s)
{
	for (; *s; s++)
		buf_addc(out, *s == '\n' ? ' ' : *s);
}

/* Makes the blocks of iv a flat list in out (kept in the arena): each
 * paragraph and item one, a heading one ending in a colon, items nested
 * in another joined to it ("Experience with: Python; SQL"). */
static void
keep_items(const struct bodyread *a, const struct ivec *iv, struct strlist *out)
{
	struct buf *items = xcalloc(iv->n ? iv->n : 1, sizeof(*items));
	size_t n = 0;
	bool children = false; /* the last item has nested ones joined */
	for (size_t k = 0; k < iv->n; k++) {
		size_t i = iv->v[k];
		const struct body_block *bl = &a->b->v[i];
		const char *s = btext(a, i);
		/* (an item grown over max_scalar takes no more) */
		if (bl->kind == BODY_ITEM && bl->depth > 0 && n && !a->hl[i] &&
		    items[n - 1].len + 2 + strlen(s) <= a->x->lim->max_scalar) {
			struct buf *p = &items[n - 1];
			if (children)
				buf_adds(p, "; ");
			else if (p->len && p->s[p->len - 1] == ':')
				buf_adds(p, " ");
			else
				buf_adds(p, ": ");
			add_flat(p, s);
			children = true;
			continue;
		}
		add_flat(&items[n], s);
		if (a->hl[i] && items[n].s[items[n].len - 1] != ':')
			buf_addc(&items[n], ':');
		n++;
		children = false;
	}
	const char **v = xmalloc((n ? n : 1) * sizeof(*v));
	for (size_t k = 0; k < n; k++)
		v[k] = items[k].s;
	lstrlist(a->x, v, n, out);
	for (size_t k = 0; k < n; k++)
		buf_free(&items[k]);
	free(v);
	free(items);
}

/* A heading's text kept, without the colon at its end. */
static const char *
keep_heading(const struct bodyread *a, size_t i)
{
	const char *s = btext(a, i);
	size_t len = strlen(s);
	while (len > 1 && (s[len - 1] == ':' || s[len - 1] == ' '))
		len--;
	return lkeep(a->x, s, len);
}

/* Fills a section (or a group) from its blocks: its items when it is a
 * simple list (plain items of one line at the top level, and nothing
 * else), else all of it as text in the light form, which a YAML export
 * writes back as it is. */
static void
make_section(const struct bodyread *a, const char *heading,
             const struct ivec *iv, struct section *s)
{
	*s = (struct section){.heading = heading};
	bool simple = iv->n > 0;
	for (size_t k = 0; k < iv->n && simple; k++) {
		const struct body_block *bl = &a->b->v[iv->v[k]];
		simple = bl->kind == BODY_ITEM && !a->hl[iv->v[k]] &&
		         bl->depth == 0 && !bl->number &&
		         !strchr(btext(a, iv->v[k]), '\n');
	}
	if (simple)
		keep_items(a, iv, &s->items);
	else
		s->text = keep_prose(a, iv, "the section's text");
}

/* True when iv holds a list item. */
static bool
has_items(const struct bodyread *a, const struct ivec *iv)
{
	for (size_t k = 0; k < iv->n; k++)
		if (a->b->v[iv->v[k]].kind == BODY_ITEM && !a->hl[iv->v[k]])
			return true;
	return false;
}

/* Puts what was gathered into the posting. */
static void
finish(struct bodyread *a)
{
	struct posting *p = a->x->p;
	const char *sum = keep_prose(a, &a->summary, "the summary");
	bool sum_section = sum && p->summary;
	if (sum && !p->summary)
		p->summary = sum;
	if (a->about.n)
		p->org.about = keep_prose(a, &a->about,
		                          "the organization's about");
	if (a->apply.n)
		p->apply.note = keep_prose(a, &a->apply, "how to apply");
	struct strlist *lists[L_COUNT] = {&p->responsibilities,
	                                  &p->qualifications, &p->preferred,
	                                  &p->benefits};
	for (int l = 0; l < L_COUNT; l++) {
		if (!a->lists[l].n)
			continue;
		if (l == L_BENEFITS && !has_items(a, &a->lists[l])) {
			const char *t = keep_prose(a, &a->lists[l],
			                           "the benefits");
			lstrlist(a->x, &t, 1, lists[l]);
			p->benefits_prose = true;
		} else {
			keep_items(a, &a->lists[l], lists[l]);
		}
	}
	size_t total = p->nsections + sum_section + a->nsecs;
	if (total == p->nsections)
		return;
	struct section *v = arena_alloc(&a->x->c->arena, total * sizeof(*v));
	if (!v)
		die_nomem();
	if (p->nsections)
		memcpy(v, p->sections, p->nsections * sizeof(*v));
	size_t k = p->nsections;
	if (sum_section) /* the front matter's summary wins */
		v[k++] = (struct section){.heading = "Description", .text = sum};
	for (size_t i = 0; i < a->nsecs; i++) {
		struct secb *sb = &a->secs[i];
		make_section(a, keep_heading(a, sb->head), &sb->blocks, &v[k]);
		if (sb->ngroups) {
			struct section *g = arena_alloc(&a->x->c->arena,
			                                sb->ngroups * sizeof(*g));
			if (!g)
				die_nomem();
			for (size_t j = 0; j < sb->ngroups; j++)
				make_section(a, keep_heading(a, sb->groups[j].head),
				             &sb->groups[j].blocks, &g[j]);
			v[k].sub = g;
			v[k].nsub = sb->ngroups;
		}
		k++;
	}
	p->sections = v;
	p->nsections = total;
}

void
body_apply(struct lctx *x, const struct body *b, size_t from)
{
	struct posting *p = x->p;
	struct bodyread a = {.x = x, .b = b};
	a.hl = xcalloc(b->n ? b->n : 1, sizeof(*a.hl));
	a.taken[L_RESP] = p->responsibilities.n > 0;
	a.taken[L_QUAL] = p->qualifications.n > 0;
	a.taken[L_PREF] = p->preferred.n > 0;
	a.taken[L_BENEFITS] = p->benefits.n > 0;
	a.about_taken = p->org.about != NULL;
	a.apply_taken = p->apply.note != NULL;
	const char *org = p->org.name;
	for (size_t i = from; i < b->n; i++) {
		if (b->v[i].kind == BODY_HEADING)
			a.hl[i] = b->v[i].level;
		else if (para_heads(&a, i, org))
			a.hl[i] = 7;
	}
	/* "# Title" again at the top */
	if (from < b->n && a.hl[from] && p->title &&
	    !strcasecmp(btext(&a, from), p->title))
		from++;
	for (size_t i = from; i < b->n; i++) {
		if (!a.hl[i]) {
			ivec_add(current(&a), i);
			continue;
		}
		enum heading_kind k = headings_name(btext(&a, i), HEADING_PART,
		                                    org);
		if (a.top && a.hl[i] > a.level)
			subheading(&a, i, k);
		else
			top_open(&a, i, k);
	}
	finish(&a);
	free(a.summary.v);
	free(a.about.v);
	free(a.apply.v);
	for (int l = 0; l < L_COUNT; l++)
		free(a.lists[l].v);
	for (size_t i = 0; i < a.nsecs; i++) {
		for (size_t j = 0; j < a.secs[i].ngroups; j++)
			free(a.secs[i].groups[j].blocks.v);
		free(a.secs[i].groups);
		free(a.secs[i].blocks.v);
	}
	free(a.secs);
	free(a.hl);
}
