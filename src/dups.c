/* SPDX-License-Identifier: MIT */
/* dups: postings that are the same job, found by hashing each posting's
 * keys (its source URL; its identifier with its organization; its
 * title, organization and location), sorting the keys and joining the
 * postings that share one; a group that is not plainly one job (two
 * postings of one file, two titles, organizations or locations) is let
 * go whole. */
#include "dups.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "identity.h"

/* Which key a hash is of. */
enum key_kind { KEY_URL, KEY_IDENT, KEY_CONTENT };

/* One key of one posting. */
struct key {
	uint64_t h;     /* the key's hash, its kind mixed in */
	uint32_t i;     /* the posting's index in the catalog */
};

/* What a posting says that a group must agree on: hashes of the
 * normalised title, organization and location (0: not given). */
struct said {
	uint64_t title, org, loc;
};

static int
cmp_key(const void *a, const void *b)
{
	const struct key *x = a, *y = b;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return (x->i > y->i) - (x->i < y->i);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* The hash of what b holds after a kind tag; 0 is kept for "none". */
static uint64_t
hash_of(const struct buf *b)
{
	uint64_t h = identity_hash(b->s, b->len);
	return h ? h : 1;
}

/* The organization's name, as the id reads it. */
static const char *
org_of(const struct posting *p)
{
	const char *o = p->org.name ? p->org.name : p->org.short_name;
	return o && *o ? o : NULL;
}

/* Appends the normalised locations of p. */
static void
add_places(struct buf *b, const struct posting *p)
{
	for (size_t i = 0; i < p->nplaces; i++) {
		const struct place *pl = &p->places[i];
		identity_add_norm(b, pl->name);
		identity_add_norm(b, pl->city);
		identity_add_norm(b, pl->region);
		identity_add_norm(b, pl->country);
	}
}

/* The hash of one normalised text with a tag, or 0 when it is empty. */
static uint64_t
text_hash(struct buf *b, const char *tag, const char *s)
{
	buf_clear(b);
	identity_add_norm(b, s);
	if (b->len <= 1)
		return 0;
	buf_clear(b);
	buf_adds(b, tag);
	identity_add_norm(b, s);
	return hash_of(b);
}

/* Finds the root of i, halving the path. */
static uint32_t
root_of(uint32_t *up, uint32_t i)
{
	while (up[i] != i) {
		up[i] = up[up[i]];
		i = up[i];
	}
	return i;
}

/* Joins the sets of a and b, the lower index the root. */
static void
join(uint32_t *up, uint32_t a, uint32_t b)
{
	a = root_of(up, a);
	b = root_of(up, b);
	if (a < b)
		up[b] = a;
	else if (b < a)
		up[a] = b;
}

/* True if q agrees with what the group says so far (g), which takes in
 * what q adds. */
static bool
agrees(struct said *g, const struct said *q)
{
	if (g->title != q->title)
		return false;
	if (g->org && q->org && g->org != q->org)
		return false;
	if (g->loc && q->loc && g->loc != q->loc)
		return false;
	if (!g->org)
		g->org = q->org;
	if (!g->loc)
		g->loc = q->loc;
	return true;
}

/* True if the group's postings v[0..n) (in load order) are plainly one
 * job: each from another file, all saying one title, organization and
 * location (or not saying one). */
static bool
group_ok(struct posting *const *all, const uint32_t *v, size_t n,
         const struct said *said)
{
	struct said g = said[v[0]];
	for (size_t k = 1; k < n; k++)
		if (!agrees(&g, &said[v[k]]))
			return false;
	/* the files' names by hash: two the same, one file */
	uint64_t *fh = xmalloc(n * sizeof(*fh));
	for (size_t k = 0; k < n; k++) {
		const char *f = all[v[k]]->file;
		fh[k] = identity_hash(f, strlen(f));
	}
	qsort(fh, n, sizeof(*fh), cmp_u64);
	bool ok = true;
	for (size_t k = 1; k < n && ok; k++)
		ok = fh[k] != fh[k - 1];
	free(fh);
	return ok;
}

size_t
dups_find(struct catalog *c)
{
	size_t n = c->n;
	for (size_t i = 0; i < n; i++) {
		c->v[i]->dup_of = NULL;
		c->v[i]->also = NULL;
	}
	c->nalso = 0;
	if (n < 2)
		return 0;
	struct key *keys = xmalloc(3 * n * sizeof(*keys));
	struct said *said = xmalloc(n * sizeof(*said));
	size_t nk = 0;
	struct buf b = {0}, t = {0};
	for (size_t i = 0; i < n; i++) {
		const struct posting *p = c->v[i];
		const char *org = org_of(p);
		struct said *s = &said[i];
		s->title = text_hash(&t, "title", p->title);
		s->org = text_hash(&t, "org", org);
		buf_clear(&b);
		buf_adds(&b, "loc");
		add_places(&b, p);
		s->loc = p->nplaces ? hash_of(&b) : 0;
		if (!s->title)
			continue;
		if (p->source && *p->source) {
			buf_clear(&b);
			buf_adds(&b, "url");
			buf_add(&b, "", 1);
			identity_add_url(&b, p->source);
			keys[nk++] = (struct key){hash_of(&b), (uint32_t)i};
		}
		if (p->identifier && *p->identifier && s->org) {
			buf_clear(&b);
			buf_adds(&b, "ident");
			buf_add(&b, "", 1);
			identity_add_norm(&b, p->identifier);
			identity_add_norm(&b, org);
			keys[nk++] = (struct key){hash_of(&b), (uint32_t)i};
		}
		if (s->org) {
			buf_clear(&b);
			buf_adds(&b, "content");
			buf_add(&b, "", 1);
			identity_add_norm(&b, p->title);
			identity_add_norm(&b, org);
			add_places(&b, p);
			keys[nk++] = (struct key){hash_of(&b), (uint32_t)i};
		}
	}
	buf_free(&b);
	buf_free(&t);
	qsort(keys, nk, sizeof(*keys), cmp_key);
	uint32_t *up = xmalloc(n * sizeof(*up));
	for (size_t i = 0; i < n; i++)
		up[i] = (uint32_t)i;
	size_t joined = 0;
	for (size_t k = 1; k < nk; k++) {
		if (keys[k].h == keys[k - 1].h) {
			join(up, keys[k - 1].i, keys[k].i);
			joined++;
		}
	}
	free(keys);
	size_t shown_for = 0;
	if (joined) {
		/* each group's members in load order: a count per root,
		 * then their places */
		uint32_t *at = xcalloc(n + 1, sizeof(*at));
		for (size_t i = 0; i < n; i++) {
			up[i] = root_of(up, (uint32_t)i);
			at[up[i] + 1]++;
		}
		for (size_t i = 0; i < n; i++)
			at[i + 1] += at[i];
		uint32_t *fill = xmalloc(n * sizeof(*fill));
		memcpy(fill, at, n * sizeof(*fill));
		uint32_t *mem = xmalloc(n * sizeof(*mem));
		for (size_t i = 0; i < n; i++)
			mem[fill[up[i]]++] = (uint32_t)i;
		for (size_t r = 0; r < n; r++) {
			size_t gn = at[r + 1] - at[r];
			const uint32_t *g = mem + at[r];
			if (gn < 2 || !group_ok(c->v, g, gn, said))
				continue;
			struct posting *first = c->v[g[0]], *last = first;
			for (size_t k = 1; k < gn; k++) {
				struct posting *q = c->v[g[k]];
				q->dup_of = first;
				last->also = q;
				last = q;
			}
			shown_for += gn - 1;
		}
		free(at);
		free(fill);
		free(mem);
	}
	free(up);
	free(said);
	c->nalso = shown_for;
	return shown_for;
}

const struct posting *
dups_shown(const struct posting *p)
{
	return p->dup_of ? p->dup_of : p;
}

size_t
dups_count(const struct posting *p)
{
	size_t n = 0;
	for (const struct posting *q = dups_shown(p); q; q = q->also)
		n++;
	return n;
}
