/* SPDX-License-Identifier: MIT */
/* state_seen: the state's side of what billet records by itself (seen.h):
 * which postings were seen and read, which are new to this run, their
 * fingerprints; read from the store only when first needed (or when the
 * interface says, after its first screen), each posting's flags cached
 * by its place in the catalog. */
#include "state_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "keysort.h"
#include "snapshot.h"
#include "text.h"

char *
state_seen_path(const char *path, bool snapshots)
{
	size_t n = strlen(path);
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	const char *dot = strrchr(base, '.');
	if (dot && dot != base &&
	    (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml")))
		n = (size_t)(dot - path);
	struct buf b = {0};
	buf_add(&b, path, n);
	buf_adds(&b, snapshots ? ".snapshots.json" : ".seen.db");
	return buf_steal(&b);
}

void
state_defer_seen(struct state *st)
{
	st->seen_defer = true;
}

/* Reads the store if it was not; a problem is kept to be said once. */
static void
load_store(struct state *st)
{
	if (seen_loaded(st->seen))
		return;
	char msg[sizeof(st->seen_problem)];
	if (!seen_load(st->seen, msg, sizeof(msg)))
		snprintf(st->seen_problem, sizeof(st->seen_problem), "%s", msg);
	state_cache_drop(st);
}

bool
state_load_seen(struct state *st, struct state_error *err)
{
	if (seen_loaded(st->seen))
		return true;
	load_store(st);
	if (!st->seen_problem[0])
		return true;
	state_err(err, "%s", st->seen_problem);
	st->seen_problem[0] = '\0';
	return false;
}

bool
state_seen_ready(const struct state *st)
{
	return seen_loaded(st->seen);
}

/* True when the store can answer now: read, or read at once when the
 * state does not wait for state_load_seen. */
static bool
store_ready(struct state *st)
{
	if (!seen_loaded(st->seen) && !st->seen_defer)
		load_store(st);
	return seen_loaded(st->seen);
}

void
state_cache_drop(struct state *st)
{
	if (st->pcache)
		memset(st->pcache, 0, st->npcache * sizeof(*st->pcache));
	if (st->chcache)
		memset(st->chcache, 0, st->nchcache);
}

/* Makes the cache hold n postings. */
static void
cache_fit(struct state *st, size_t n)
{
	if (n <= st->npcache)
		return;
	size_t cap = st->npcache ? st->npcache : 1024;
	while (cap < n)
		cap *= 2;
	st->pcache = xrealloc(st->pcache, cap * sizeof(*st->pcache));
	memset(st->pcache + st->npcache, 0,
	       (cap - st->npcache) * sizeof(*st->pcache));
	st->npcache = cap;
}

/* The flags of the posting (its id, and p when the posting is at hand
 * for the cache); 0 while the store is not ready. */
static unsigned
flags_of(struct state *st, const char *id, const struct posting *p)
{
	if (!store_ready(st))
		return 0;
	uint64_t key = seen_key(id);
	bool ours = p && st->cat && p->seq < st->cat->n &&
	            st->cat->v[p->seq] == p;
	if (ours && p->seq < st->npcache) {
		uint64_t c = st->pcache[p->seq];
		if ((c & PC_VALID) && (c & ~(uint64_t)0xFF) == key)
			return (unsigned)(c & 0xFF & ~PC_VALID);
	}
	unsigned f = seen_get(st->seen, key);
	if (ours) {
		cache_fit(st, p->seq + 1);
		st->pcache[p->seq] = key | (f & 0xFF & ~PC_VALID) | PC_VALID;
	}
	return f;
}

/* After the flags of id changed: its cached flags are refreshed. */
static void
cache_touch(struct state *st, const char *id)
{
	if (!st->cat || !st->npcache)
		return;
	const struct posting *p = catalog_find(st->cat, id);
	if (p && p->seq < st->npcache)
		st->pcache[p->seq] = 0;
	if (p && p->seq < st->nchcache)
		st->chcache[p->seq] = 0;
}

bool
state_is_read(struct state *st, const char *id)
{
	return flags_of(st, id, st->cat ? catalog_find(st->cat, id) : NULL) &
	       SEEN_READ;
}

bool
state_is_new(struct state *st, const char *id)
{
	if (st->readonly || !store_ready(st))
		return false;
	return !(flags_of(st, id, st->cat ? catalog_find(st->cat, id) : NULL) &
	         SEEN_BEFORE);
}

bool
state_hook_read(void *ctx, const struct posting *p)
{
	return flags_of(ctx, p->id, p) & SEEN_READ;
}

bool
state_hook_new(void *ctx, const struct posting *p)
{
	struct state *st = ctx;
	if (st->readonly || !store_ready(st))
		return false;
	return !(flags_of(st, p->id, p) & SEEN_BEFORE);
}

/* Saves at once unless a batch is open. */
static bool
store_changed(struct state *st, struct state_error *err)
{
	if (st->batch)
		return true;
	return state_save_now(st, err);
}

bool
state_set_read(struct state *st, const char *id, bool on,
               struct state_error *err)
{
	/* kept by billet itself: an entry it cannot read is left alone
	 * without a word */
	const struct entry *x = state_table_find(&st->t, id);
	if (x && x->problem)
		return true;
	if (!id || !*id)
		return true;
	if (state_is_read(st, id) == on && seen_loaded(st->seen))
		return true;
	seen_set(st->seen, seen_key(id), on ? SEEN_READ | SEEN_SEEN : 0,
	         on ? 0 : SEEN_READ);
	cache_touch(st, id);
	return store_changed(st, err);
}

bool
state_fingerprint(struct state *st, const char *id, uint64_t *fp)
{
	return store_ready(st) && seen_fingerprint(st->seen, seen_key(id), fp);
}

bool
state_set_fingerprint(struct state *st, const char *id, uint64_t fp,
                      struct state_error *err)
{
	seen_set_fingerprint(st->seen, seen_key(id), fp);
	return store_changed(st, err);
}

bool
state_keep_read(struct state *st, const struct posting *p,
                struct state_error *err)
{
	/* kept by billet itself: an entry it cannot read is left alone
	 * without a word, as state_set_read does */
	const struct entry *x = state_table_find(&st->t, p->id);
	if ((x && x->problem) || !p->id || !*p->id)
		return true;
	uint64_t key = seen_key(p->id);
	seen_set(st->seen, key, SEEN_READ | SEEN_SEEN, 0);
	seen_set_fingerprint(st->seen, key, snapshot_fingerprint(p));
	snapshot_put(st->snaps, p);
	cache_touch(st, p->id);
	return store_changed(st, err);
}

/* True when p's place in the catalog attached is p itself: its seq
 * indexes the caches. */
static bool
attached(const struct state *st, const struct posting *p)
{
	return st->cat && p->seq < st->cat->n && st->cat->v[p->seq] == p;
}

bool
state_is_changed(struct state *st, const struct posting *p)
{
	if (!p->id || !(flags_of(st, p->id, p) & SEEN_READ))
		return false;
	bool ours = attached(st, p);
	if (ours && p->seq < st->nchcache && st->chcache[p->seq])
		return st->chcache[p->seq] == CH_CHANGED;
	uint64_t fp;
	bool changed = seen_fingerprint(st->seen, seen_key(p->id), &fp) &&
	               fp != snapshot_fingerprint(p);
	if (ours) {
		if (p->seq >= st->nchcache) {
			size_t cap = st->nchcache ? st->nchcache : 1024;
			while (cap <= p->seq)
				cap *= 2;
			st->chcache = xrealloc(st->chcache, cap);
			memset(st->chcache + st->nchcache, 0,
			       cap - st->nchcache);
			st->nchcache = cap;
		}
		st->chcache[p->seq] = changed ? CH_CHANGED : CH_SAME;
	}
	return changed;
}

bool
state_hook_changed(void *ctx, const struct posting *p)
{
	return state_is_changed(ctx, p);
}

size_t
state_changed_count(struct state *st)
{
	if (!st->cat || !store_ready(st) || !seen_nfingerprints(st->seen))
		return 0;
	size_t n = 0;
	for (size_t i = 0; i < st->cat->n; i++) {
		/* the flags cached (state_seen_all fills them): most
		 * postings are not read, told without hashing their id */
		uint64_t c = i < st->npcache ? st->pcache[i] : 0;
		if ((c & PC_VALID) && !(c & SEEN_READ))
			continue;
		n += state_is_changed(st, st->cat->v[i]);
	}
	return n;
}

const struct posting *
state_as_read(struct state *st, const char *id, struct catalog *c)
{
	char msg[sizeof(st->seen_problem)];
	const struct posting *p = snapshot_get(st->snaps, id, c, msg,
	                                       sizeof(msg));
	if (msg[0])
		snprintf(st->seen_problem, sizeof(st->seen_problem), "%s", msg);
	return p;
}

/* What seen_join gives, into the cache. */
struct fill {
	struct state *st;
	const struct catalog *c;
	const uint64_t *key; /* by seq */
	uint64_t *unseen;    /* keys of postings not seen yet */
	size_t nunseen;
};

static void
fill_one(void *ctx, uint32_t i, unsigned flags)
{
	struct fill *f = ctx;
	if (f->st->cat == f->c && i < f->st->npcache)
		f->st->pcache[i] = f->key[i] | (flags & 0xFF & ~PC_VALID) |
		                   PC_VALID;
	if (!(flags & SEEN_SEEN))
		f->unseen[f->nunseen++] = f->key[i];
}


bool
state_seen_all(struct state *st, const struct catalog *c,
               struct state_error *err)
{
	load_store(st);
	size_t n = c->n;
	if (!n)
		return state_save(st, err);
	/* every posting's key, in key order: one pass over the store
	 * answers for all, and fills the cache */
	uint64_t *key = xmalloc(n * sizeof(*key));
	struct keyed *kv = xmalloc(n * sizeof(*kv));
	for (size_t i = 0; i < n; i++) {
		key[i] = seen_key(c->v[i]->id);
		kv[i] = (struct keyed){key[i], (uint32_t)i};
	}
	keysort(kv, n, 8); /* the low 8 bits are no part of a key */
	uint64_t *sorted = xmalloc(n * sizeof(*sorted));
	uint32_t *seq = xmalloc(n * sizeof(*seq));
	for (size_t i = 0; i < n; i++) {
		sorted[i] = kv[i].key;
		seq[i] = kv[i].seq;
	}
	free(kv);
	if (st->cat == c)
		cache_fit(st, n);
	struct fill f = {.st = st, .c = c, .key = key,
	                 .unseen = xmalloc(n * sizeof(uint64_t))};
	seen_join(st->seen, sorted, seq, n, fill_one, &f);
	if (f.nunseen)
		seen_set_many(st->seen, f.unseen, f.nunseen, SEEN_SEEN);
	free(f.unseen);
	free(sorted);
	free(seq);
	free(key);
	if (st->batch)
		return true;
	return state_save(st, err);
}

void
state_take_legacy(struct state *st, struct table *t, bool initial)
{
	/* the keys of each set of flags, merged into the store at once: one
	 * at a time, a million entries took 40 s (each an insertion
	 * into the sorted records) */
	uint64_t *keys[2] = {NULL};
	size_t nkeys[2] = {0};
	for (size_t i = 0; i < t->n; i++) {
		struct entry *e = t->v[i];
		if (!e || !e->legacy || e->unhashed)
			continue;
		st->upgrade = true;
		if (!(e->legacy & (F_SEEN | F_READ)))
			continue;
		int g = (e->legacy & F_READ) ? 1 : 0;
		if (!keys[g])
			keys[g] = xmalloc(t->n * sizeof(*keys[g]));
		keys[g][nkeys[g]++] = seen_key(e->id);
	}
	for (int g = 0; g < 2; g++) {
		unsigned f = SEEN_SEEN | (g ? SEEN_READ : 0) |
		             (initial ? SEEN_BEFORE : 0);
		seen_set_many(st->seen, keys[g], nkeys[g], f);
		free(keys[g]);
	}
	if (t->old_format) {
		st->upgrade = true;
		if (!st->cat)
			st->old_ids = true;
	}
	state_cache_drop(st);
}
