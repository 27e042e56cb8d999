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
#include "keysort.h"

/* What a posting says that a group must agree on: hashes of the
 * normalised title, organization and location (0: not given). */
struct said {
	uint64_t title, org, loc;
};

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* Mixes a hash into h (splitmix64's finaliser over their sum): keys
 * made of several parts. */
static uint64_t
mix(uint64_t h, uint64_t v)
{
	h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6) + (h >> 2);
	h ^= h >> 30;
	h *= 0xBF58476D1CE4E5B9ULL;
	h ^= h >> 27;
	h *= 0x94D049BB133111EBULL;
	h ^= h >> 31;
	return h ? h : 1;
}

/* A hash being fed byte by byte, eight bytes at a time: the bytes wait
 * in w (nb of them) and each full word is stirred into h, one multiply
 * a word where a byte-wise hash would take one a byte (this is a hot
 * path of a load with state: every posting's title, organization and
 * places, at each start). */
struct feed {
	uint64_t h, w;
	unsigned nb;
};

#define FEED_INIT {0x243F6A8885A308D3ULL, 0, 0}

static inline void
feed_byte(struct feed *f, unsigned char c)
{
	f->w |= (uint64_t)c << (8 * f->nb);
	if (++f->nb == 8) {
		uint64_t x = (f->h ^ f->w) * 0xBF58476D1CE4E5B9ULL;
		f->h = x ^ (x >> 31);
		f->w = 0;
		f->nb = 0;
	}
}

/* The hash of what was fed: the bytes still waiting and their count
 * (at most seven, so the top byte is free for it) stirred in, then
 * splitmix64's finaliser. */
static uint64_t
feed_end(struct feed *f)
{
	return mix(f->h, f->w | (uint64_t)f->nb << 56);
}

/* Feeds s into f as an id's fingerprint reads it (ASCII letters in
 * lowercase, each run of white space as one space, none at either end),
 * without making it, then a 0 so that fields cannot run into each
 * other; *any says whether it had anything. */
static void
feed_norm(struct feed *to, const char *s, bool *any)
{
	struct feed l = *to, *f = &l; /* kept in registers */
	bool space = false, got = false;
	for (; s && *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v') {
			space = got;
			continue;
		}
		if (space)
			feed_byte(f, ' ');
		space = false;
		got = true;
		feed_byte(f, c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	feed_byte(f, 0);
	*to = l;
	if (any)
		*any |= got;
}

/* The hash of one normalised text after a tag, or 0 when it has
 * nothing. */
static uint64_t
text_hash(const char *tag, const char *s)
{
	struct feed f = FEED_INIT;
	for (; *tag; tag++)
		feed_byte(&f, (unsigned char)*tag);
	feed_byte(&f, 0);
	bool any = false;
	feed_norm(&f, s, &any);
	return any ? feed_end(&f) : 0;
}

/* The organization's name, as the id reads it. */
static const char *
org_of(const struct posting *p)
{
	const char *o = p->org.name ? p->org.name : p->org.short_name;
	return o && *o ? o : NULL;
}

/* The hash of p's normalised locations, or 0 when it gives none. */
static uint64_t
places_hash(const struct posting *p)
{
	if (!p->nplaces)
		return 0;
	struct feed f = FEED_INIT;
	for (size_t i = 0; i < p->nplaces; i++) {
		const struct place *pl = &p->places[i];
		feed_norm(&f, pl->name, NULL);
		feed_norm(&f, pl->city, NULL);
		feed_norm(&f, pl->region, NULL);
		feed_norm(&f, pl->country, NULL);
	}
	return mix(feed_end(&f), 3);
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
	struct keyed *keys = xmalloc(3 * n * sizeof(*keys));
	struct said *said = xmalloc(n * sizeof(*said));
	size_t nk = 0;
	struct buf b = {0};
	for (size_t i = 0; i < n; i++) {
		const struct posting *p = c->v[i];
		const char *org = org_of(p);
		struct said *s = &said[i];
		s->title = text_hash("title", p->title);
		s->org = text_hash("org", org);
		s->loc = places_hash(p);
		if (!s->title)
			continue;
		if (p->source && *p->source) {
			buf_clear(&b);
			identity_add_url(&b, p->source);
			keys[nk++] = (struct keyed){
				mix(identity_hash(b.s, b.len), 1), (uint32_t)i};
		}
		if (p->identifier && *p->identifier && s->org)
			keys[nk++] = (struct keyed){
				mix(mix(text_hash("ident", p->identifier), s->org), 2),
				(uint32_t)i};
		if (s->org)
			keys[nk++] = (struct keyed){
				mix(mix(mix(s->title, s->org), s->loc), 4),
				(uint32_t)i};
	}
	buf_free(&b);
	keysort(keys, nk, 0);
	uint32_t *up = xmalloc(n * sizeof(*up));
	for (size_t i = 0; i < n; i++)
		up[i] = (uint32_t)i;
	size_t joined = 0;
	for (size_t k = 1; k < nk; k++) {
		if (keys[k].key == keys[k - 1].key) {
			join(up, keys[k - 1].seq, keys[k].seq);
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
