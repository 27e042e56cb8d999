/* SPDX-License-Identifier: MIT */
/* compare_lists: the list sections of a table (responsibilities,
 * qualifications, benefits, conditions, further sections), each posting's
 * items aligned into rows by similarity as compare.h says; pure, no
 * curses. */
#include "compare_int.h"
#include "prose.h"

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* ---- list sections -------------------------------------------------- */

enum { IT_PREFERRED = 1, IT_PROSE = 2 };

/* One item of a list being aligned. */
struct gitem {
	const char *s;  /* trimmed text, not NUL-terminated at len */
	size_t len;
	int flags;
};

/* Each posting's items of one list section. */
struct group {
	struct gitem *v[CMP_MAX];
	size_t n[CMP_MAX], cap[CMP_MAX];
	struct prose *read;     /* the prose read (nread of readcap), which
	                         * the items of prose point into */
	size_t nread, readcap;
};

/* Adds an item of posting i to g, as it is. */
static void
group_put(struct group *g, size_t i, const char *s, size_t len, int flags)
{
	if (g->n[i] == g->cap[i]) {
		g->cap[i] = g->cap[i] ? 2 * g->cap[i] : 16;
		g->v[i] = xrealloc(g->v[i], g->cap[i] * sizeof *g->v[i]);
	}
	g->v[i][g->n[i]++] = (struct gitem){s, len, flags};
}

/* Adds an item of posting i to g; prose (IT_PROSE) is read as prose.h
 * says, each paragraph and list item an item of its own (nested items
 * joined to theirs). */
static void
group_add(struct group *g, size_t i, const char *s, int flags)
{
	if (!s)
		return;
	size_t len = compare_trim(&s);
	if (!len)
		return;
	if (!(flags & IT_PROSE)) {
		group_put(g, i, s, len, flags);
		return;
	}
	if (g->nread == g->readcap) {
		g->readcap = g->readcap ? 2 * g->readcap : 8;
		g->read = xrealloc(g->read, g->readcap * sizeof *g->read);
	}
	struct prose *p = &g->read[g->nread++];
	*p = (struct prose){0};
	prose_read(s, len, p);
	prose_flatten(p);
	for (size_t k = 0; k < p->n; k++)
		group_put(g, i, p->v[k].text, strlen(p->v[k].text),
		          p->v[k].kind == PROSE_ITEM ? flags & ~IT_PROSE : flags);
}

static void
group_list(struct group *g, size_t i, const struct strlist *l, int flags)
{
	for (size_t k = 0; k < l->n; k++)
		group_add(g, i, l->v[k], flags);
}

static void
group_free(struct group *g)
{
	for (size_t i = 0; i < CMP_MAX; i++)
		free(g->v[i]);
	for (size_t k = 0; k < g->nread; k++)
		prose_free(&g->read[k]);
	free(g->read);
	*g = (struct group){0};
}

/* The cell text of an item. */
static char *
item_cell(const struct gitem *it)
{
	struct buf b = {0};
	text_sanitize(&b, it->s, it->len, it->flags & IT_PROSE ? SAN_KEEP_NL : 0);
	if (it->flags & IT_PREFERRED) {
		struct buf f = {0};
		text_fold(&f, it->s, it->len);
		if (!f.s || !strstr(f.s, "prefer"))
			buf_adds(&b, " (preferred)");
		buf_free(&f);
	}
	return buf_steal(&b);
}

/* A candidate pair: row r with item k of the posting being matched. */
struct cand {
	double score;
	size_t row, item;
};

static int
cmp_cand(const void *a, const void *b)
{
	const struct cand *x = a, *y = b;
	if (x->score != y->score)
		return x->score > y->score ? -1 : 1;
	if (x->row != y->row)
		return x->row < y->row ? -1 : 1;
	return x->item < y->item ? -1 : x->item > y->item;
}

/* A row being aligned: an item index per posting (SIZE_MAX: none) and
 * the anchor it is compared through. */
struct arow {
	size_t at[CMP_MAX];
	size_t anchor;   /* index of the anchor text in the corpus */
};

/* One list being aligned. */
struct align {
	const struct corpus *c; /* every posting's items, in posting order */
	struct arow *rows;      /* the rows so far */
	size_t nrows;
	uint64_t *left;         /* work the table may still take */
	bool partial;           /* some pairs were not compared */
	double threshold;       /* the least score that shares a row */
};

/* Orders bags by a key that two bags share exactly when bag_score gives
 * them 1: their stems when they have any, else their normalised text
 * (equal normalised texts have equal stems). */
static int
key_cmp(const struct bag *a, const struct bag *b)
{
	if (!a->n || !b->n) {
		if (a->n || b->n)
			return a->n ? 1 : -1;
		return strcmp(a->norm, b->norm);
	}
	size_t n = a->n < b->n ? a->n : b->n;
	for (size_t k = 0; k < n; k++)
		if (a->id[k] != b->id[k])
			return a->id[k] < b->id[k] ? -1 : 1;
	return a->n < b->n ? -1 : a->n > b->n;
}

/* A row or an item with its bag, to sort by key. */
struct keyed {
	const struct bag *bag;
	size_t at;       /* row or item index */
};

static int
cmp_keyed(const void *a, const void *b)
{
	const struct keyed *x = a, *y = b;
	int c = key_cmp(x->bag, y->bag);
	if (c)
		return c;
	return x->at < y->at ? -1 : x->at > y->at;
}

/* The pairs of score 1 between the rows and the m items of posting j
 * (corpus texts base..base+m): taken best first, ties by row then item,
 * they pair the k-th row of a key with the k-th item of the same key. */
static void
match_equal(struct align *a, size_t j, size_t base, size_t m, bool *used)
{
	struct keyed *r = xcalloc(a->nrows ? a->nrows : 1, sizeof *r);
	struct keyed *it = xcalloc(m ? m : 1, sizeof *it);
	for (size_t q = 0; q < a->nrows; q++)
		r[q] = (struct keyed){&a->c->bags[a->rows[q].anchor], q};
	for (size_t k = 0; k < m; k++)
		it[k] = (struct keyed){&a->c->bags[base + k], k};
	qsort(r, a->nrows, sizeof *r, cmp_keyed);
	qsort(it, m, sizeof *it, cmp_keyed);
	for (size_t x = 0, y = 0; x < a->nrows && y < m;) {
		int d = key_cmp(r[x].bag, it[y].bag);
		if (d < 0) {
			x++;
		} else if (d > 0) {
			y++;
		} else {
			a->rows[r[x].at].at[j] = it[y].at;
			used[it[y].at] = true;
			x++;
			y++;
		}
	}
	free(r);
	free(it);
}

/* bag_score of bags a and b whose keys differ, a's stems marked in mark
 * with stamp: the same sums in the same order, so the same number. */
static double
marked_score(const struct corpus *c, const struct bag *a,
             const struct bag *b, const size_t *mark, size_t stamp)
{
	double wi = 0;
	for (size_t k = 0; k < b->n; k++)
		if (mark[b->id[k]] == stamp)
			wi += c->weight[b->id[k]];
	if (a->w <= 0 || b->w <= 0 || wi <= 0)
		return 0.0;
	return wi / sqrt(a->w * b->w);
}

/* A stem and the work of comparing through it. */
struct stem_cost {
	uint64_t cost;
	size_t id;
};

static int
cmp_stem_cost(const void *a, const void *b)
{
	const struct stem_cost *x = a, *y = b;
	if (x->cost != y->cost)
		return x->cost < y->cost ? -1 : 1;
	return x->id < y->id ? -1 : x->id > y->id;
}

/* The other pairs between the rows and the items of posting j not paired
 * yet: only pairs that share a stem can score above 0, so the candidates
 * come from an index of the items by stem. Comparing through a stem costs
 * the rows having it times the stems of the items having it; the stems
 * are taken cheapest (rarest) first as long as the work allowed lasts,
 * and a pair that shares only stems left out is not compared. */
static void
match_similar(struct align *a, size_t j, size_t base, size_t m, bool *used)
{
	const struct corpus *c = a->c;
	size_t nv = c->nvocab;
	if (!nv || !m)
		return;
	size_t *nrow = xcalloc(nv, sizeof *nrow);   /* rows left, by stem */
	size_t *pos = xcalloc(nv + 1, sizeof *pos); /* item lists by stem */
	uint64_t *load = xcalloc(nv, sizeof *load); /* their stems, summed */
	for (size_t q = 0; q < a->nrows; q++) {
		if (a->rows[q].at[j] != SIZE_MAX)
			continue;
		const struct bag *b = &c->bags[a->rows[q].anchor];
		for (size_t k = 0; k < b->n; k++)
			nrow[b->id[k]]++;
	}
	for (size_t k = 0; k < m; k++) {
		if (used[k])
			continue;
		const struct bag *b = &c->bags[base + k];
		for (size_t x = 0; x < b->n; x++) {
			pos[b->id[x] + 1]++;
			load[b->id[x]] += 1 + b->n;
		}
	}
	for (size_t s = 0; s < nv; s++)
		pos[s + 1] += pos[s];
	size_t *list = xcalloc(pos[nv] ? pos[nv] : 1, sizeof *list);
	size_t *fill = xcalloc(nv, sizeof *fill);
	for (size_t k = 0; k < m; k++) {
		if (used[k])
			continue;
		const struct bag *b = &c->bags[base + k];
		for (size_t x = 0; x < b->n; x++) {
			size_t s = b->id[x];
			list[pos[s] + fill[s]++] = k;
		}
	}
	free(fill);

	/* the stems compared through, cheapest first */
	struct stem_cost *sc = xcalloc(nv, sizeof *sc);
	size_t nsc = 0;
	for (size_t s = 0; s < nv; s++) {
		if (!nrow[s] || pos[s + 1] == pos[s])
			continue;
		uint64_t cost = load[s] && nrow[s] > UINT64_MAX / load[s]
		                ? UINT64_MAX : nrow[s] * load[s];
		sc[nsc++] = (struct stem_cost){cost, s};
	}
	free(load);
	free(nrow);
	qsort(sc, nsc, sizeof *sc, cmp_stem_cost);
	uint64_t budget = *a->left < CMP_WORK ? *a->left : CMP_WORK;
	uint64_t spent = 0;
	bool *admit = xcalloc(nv, sizeof *admit);
	for (size_t q = 0; q < nsc; q++) {
		if (sc[q].cost > budget - spent) {
			a->partial = true;
			break;
		}
		spent += sc[q].cost;
		admit[sc[q].id] = true;
	}
	*a->left -= spent;
	free(sc);

	/* the candidates, then the best pairs first */
	size_t *mark = xcalloc(nv, sizeof *mark);
	size_t *seen = xcalloc(m, sizeof *seen);
	struct cand *cand = NULL;
	size_t ncand = 0, cap = 0;
	for (size_t q = 0; q < a->nrows; q++) {
		if (a->rows[q].at[j] != SIZE_MAX)
			continue;
		const struct bag *b = &c->bags[a->rows[q].anchor];
		size_t stamp = q + 1;
		for (size_t x = 0; x < b->n; x++)
			mark[b->id[x]] = stamp;
		for (size_t x = 0; x < b->n; x++) {
			size_t s = b->id[x];
			if (!admit[s])
				continue;
			for (size_t e = pos[s]; e < pos[s + 1]; e++) {
				size_t k = list[e];
				if (seen[k] == stamp)
					continue;
				seen[k] = stamp;
				double v = marked_score(c, b, &c->bags[base + k],
				                        mark, stamp);
				if (v < a->threshold)
					continue;
				if (ncand == cap) {
					cap = cap ? 2 * cap : 64;
					cand = xrealloc(cand, cap * sizeof *cand);
				}
				cand[ncand++] = (struct cand){v, q, k};
			}
		}
	}
	free(mark);
	free(seen);
	free(admit);
	free(list);
	free(pos);
	if (ncand)
		qsort(cand, ncand, sizeof *cand, cmp_cand);
	for (size_t q = 0; q < ncand; q++) {
		struct arow *r = &a->rows[cand[q].row];
		if (r->at[j] != SIZE_MAX || used[cand[q].item])
			continue;
		r->at[j] = cand[q].item;
		used[cand[q].item] = true;
	}
	free(cand);
}

/* Aligns the items of g (see compare.h) and adds a heading row and the
 * item rows to t; nothing when no posting has an item. left is the work
 * the table may still take. */
static void
align_group(struct cmp_table *t, const char *label, const struct group *g,
            uint64_t *left)
{
	size_t n = t->n, total = 0, base[CMP_MAX];
	for (size_t i = 0; i < n; i++) {
		base[i] = total;
		total += g->n[i];
	}
	if (!total)
		return;

	/* the corpus: every item of every posting, NUL-terminated copies */
	char **texts = xcalloc(total, sizeof *texts);
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < g->n[i]; k++) {
			const struct gitem *it = &g->v[i][k];
			texts[base[i] + k] = xrealloc(NULL, it->len + 1);
			memcpy(texts[base[i] + k], it->s, it->len);
			texts[base[i] + k][it->len] = '\0';
		}
	struct corpus c;
	compare_corpus_build(&c, (const char *const *)texts, total, false);

	struct align a = {.c = &c, .left = left, .threshold = t->threshold};
	a.rows = xcalloc(total, sizeof *a.rows);
	for (size_t k = 0; k < g->n[0]; k++, a.nrows++) {
		for (size_t i = 0; i < CMP_MAX; i++)
			a.rows[a.nrows].at[i] = SIZE_MAX;
		a.rows[a.nrows].at[0] = k;
		a.rows[a.nrows].anchor = base[0] + k;
	}
	for (size_t j = 1; j < n; j++) {
		size_t m = g->n[j];
		bool *used = xcalloc(m ? m : 1, sizeof *used);
		match_equal(&a, j, base[j], m, used);
		match_similar(&a, j, base[j], m, used);
		for (size_t k = 0; k < m; k++) {
			if (used[k])
				continue;
			struct arow *r = &a.rows[a.nrows++];
			for (size_t i = 0; i < CMP_MAX; i++)
				r->at[i] = SIZE_MAX;
			r->at[j] = k;
			r->anchor = base[j] + k;
		}
		free(used);
	}
	t->partial |= a.partial;

	compare_add_row(t, CMP_HEADING, label, NULL);
	for (size_t r = 0; r < a.nrows; r++) {
		struct cmp_row *row = compare_add_row(t, CMP_ITEM, label, NULL);
		size_t have = 0;
		for (size_t i = 0; i < n; i++) {
			if (a.rows[r].at[i] == SIZE_MAX)
				continue;
			const struct gitem *it = &g->v[i][a.rows[r].at[i]];
			row->cell[i] = item_cell(it);
			row->para[i] = it->flags & IT_PROSE;
			have++;
		}
		row->differs = have < n;
		row->unique = have == 1;
	}

	free(a.rows);
	compare_corpus_free(&c);
	for (size_t k = 0; k < total; k++)
		free(texts[k]);
	free(texts);
}

/* Adds a section's items (prose first, then items, then its sub groups'
 * prose and items) to posting i of g. */
static void
group_section(struct group *g, size_t i, const struct section *s)
{
	group_add(g, i, s->text, IT_PROSE);
	group_list(g, i, &s->items, 0);
	for (size_t k = 0; k < s->nsub; k++) {
		group_add(g, i, s->sub[k].text, IT_PROSE);
		group_list(g, i, &s->sub[k].items, 0);
	}
}

/* Adds a row of posting i only, unique. */
static void
add_unique(struct cmp_table *t, size_t i, const char *label,
           const char *group, const char *s, int flags)
{
	if (!s)
		return;
	size_t len = compare_trim(&s);
	if (!len)
		return;
	/* prose: a row for each paragraph and list item, as group_add */
	struct group g = {0};
	group_add(&g, i, s, flags);
	for (size_t k = 0; k < g.n[i]; k++) {
		struct cmp_row *r = compare_add_row(t, CMP_ITEM, label, group);
		r->cell[i] = item_cell(&g.v[i][k]);
		r->para[i] = g.v[i][k].flags & IT_PROSE;
		r->differs = true;
		r->unique = true;
	}
	group_free(&g);
}

static bool
section_empty(const struct section *s)
{
	const char *x = s->text;
	if (x && compare_trim(&x))
		return false;
	for (size_t k = 0; k < s->items.n; k++) {
		x = s->items.v[k];
		if (compare_trim(&x))
			return false;
	}
	for (size_t k = 0; k < s->nsub; k++)
		if (!section_empty(&s->sub[k]))
			return false;
	return true;
}

/* A section that only posting i has, with its sub groups as headings. */
static void
single_section(struct cmp_table *t, size_t i, const struct section *s)
{
	if (section_empty(s))
		return;
	const char *h = s->heading ? s->heading : "Other";
	compare_add_row(t, CMP_HEADING, h, NULL);
	add_unique(t, i, h, NULL, s->text, IT_PROSE);
	for (size_t k = 0; k < s->items.n; k++)
		add_unique(t, i, h, NULL, s->items.v[k], 0);
	for (size_t k = 0; k < s->nsub; k++) {
		const struct section *u = &s->sub[k];
		if (section_empty(u))
			continue;
		const char *g = u->heading && *u->heading ? u->heading : "\xe2\x80\x94";
		compare_add_row(t, CMP_HEADING, h, g);
		add_unique(t, i, h, g, u->text, IT_PROSE);
		for (size_t m = 0; m < u->items.n; m++)
			add_unique(t, i, h, g, u->items.v[m], 0);
	}
}

/* The further sections, one group a heading (folded, trimmed) in order
 * of first appearance: those two or more postings have, aligned as one
 * list each; then those of one posting. */
static void
build_sections(struct cmp_table *t, const struct posting *const *p,
               uint64_t *left)
{
	size_t n = t->n, total = 0;
	for (size_t i = 0; i < n; i++)
		total += p[i]->nsections;
	if (!total)
		return;
	struct kref *v = xcalloc(total, sizeof *v);
	size_t nv = 0;
	for (size_t i = 0; i < n; i++)
		for (size_t k = 0; k < p[i]->nsections; k++) {
			const char *hd = p[i]->sections[k].heading;
			if (!hd)
				hd = "";
			size_t len = compare_trim(&hd);
			struct buf f = {0};
			text_fold(&f, hd, len);
			v[nv++] = (struct kref){f.s ? buf_steal(&f) : xstrdup(""),
			                        i, k};
		}
	size_t nr;
	struct krun *r = compare_kref_runs(v, nv, &nr);
	/* how many postings have a heading's sections with something in */
	size_t *count = xcalloc(nr ? nr : 1, sizeof *count);
	for (size_t q = 0; q < nr; q++) {
		bool in[CMP_MAX] = {false};
		for (size_t e = r[q].start; e < r[q].start + r[q].len; e++) {
			size_t i = v[e].i;
			if (!in[i] && !section_empty(&p[i]->sections[v[e].k])) {
				in[i] = true;
				count[q]++;
			}
		}
	}
	/* shared sections first, then the others, each in order */
	for (int pass = 0; pass < 2; pass++)
		for (size_t q = 0; q < nr; q++) {
			if (pass == 0 ? count[q] < 2 : count[q] != 1)
				continue;
			struct group g = {0};
			for (size_t e = r[q].start; e < r[q].start + r[q].len; e++) {
				size_t i = v[e].i;
				const struct section *s = &p[i]->sections[v[e].k];
				if (section_empty(s))
					continue;
				if (pass == 0)
					group_section(&g, i, s);
				else
					single_section(t, i, s);
			}
			if (pass == 0) {
				/* as the first posting having it writes it */
				const char *label =
					p[r[q].i]->sections[r[q].k].heading;
				align_group(t, label && *label ? label : "Other", &g,
				            left);
			}
			group_free(&g);
		}
	free(count);
	for (size_t e = 0; e < nv; e++)
		free((char *)v[e].name);
	free(r);
	free(v);
}

/* Adds the list sections of p[0..t->n) to t. */
void
compare_build_lists(struct cmp_table *t, const struct posting *const *p)
{
	uint64_t left = CMP_WORK_TOTAL;
	struct group g = {0};
	for (size_t i = 0; i < t->n; i++)
		group_list(&g, i, &p[i]->responsibilities, 0);
	align_group(t, "Responsibilities", &g, &left);
	group_free(&g);

	for (size_t i = 0; i < t->n; i++) {
		group_list(&g, i, &p[i]->qualifications, 0);
		group_list(&g, i, &p[i]->preferred, IT_PREFERRED);
	}
	align_group(t, "Qualifications", &g, &left);
	group_free(&g);

	for (size_t i = 0; i < t->n; i++)
		group_list(&g, i, &p[i]->benefits,
		           p[i]->benefits_prose ? IT_PROSE : 0);
	align_group(t, "Benefits", &g, &left);
	group_free(&g);

	for (size_t i = 0; i < t->n; i++)
		group_list(&g, i, &p[i]->conditions, 0);
	align_group(t, "Conditions", &g, &left);
	group_free(&g);

	build_sections(t, p, &left);
}
