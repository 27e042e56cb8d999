/* SPDX-License-Identifier: MIT */
/* state_ids: the state's entries matched to the loaded postings. An older
 * file's entries are carried over from the ids billet gave before to the
 * postings' (only where one posting had that id: never a guess); postings
 * that share an id are told apart by the title and organization their
 * entries record, not by the order they loaded in; entries that match
 * no posting are found, to be listed, not given to another. An older
 * file is kept beside it before it is carried over, and that is said. */
#include "state_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "atomic.h"
#include "dups.h"
#include "identity.h"
#include "text.h"

/* ---- old ids ---- */

/* An old id some entry has, and the postings that had it. */
struct oldid {
	const char *id;           /* the entry's id */
	const struct posting *p;  /* the first posting that had it */
	size_t n;                 /* how many did */
};

static int
cmp_oldid(const void *a, const void *b)
{
	return strcmp(((const struct oldid *)a)->id,
	              ((const struct oldid *)b)->id);
}

size_t
state_migrate(struct state *st, struct table *t, bool initial)
{
	const struct catalog *c = st->cat;
	if (!c)
		return 0;
	/* the entries no posting has the id of, and that can be renamed */
	struct oldid *v = NULL;
	size_t nv = 0;
	for (size_t i = 0; i < t->n; i++) {
		struct entry *e = t->v[i];
		if (!e || e->unhashed || e->raw || catalog_find(c, e->id))
			continue;
		v = xrealloc(v, (nv + 1) * sizeof(*v));
		v[nv++] = (struct oldid){e->id, NULL, 0};
	}
	if (!nv)
		return 0;
	qsort(v, nv, sizeof(*v), cmp_oldid);
	/* the old id of every posting whose id billet made (a given id is
	 * the same as before) */
	struct buf b = {0};
	for (size_t i = 0; i < c->n; i++) {
		const struct posting *p = c->v[i];
		if (!p->id_made)
			continue;
		buf_clear(&b);
		identity_legacy(&b, p);
		struct oldid key = {b.s, NULL, 0};
		struct oldid *o = bsearch(&key, v, nv, sizeof(*v), cmp_oldid);
		if (o && !o->n++)
			o->p = p;
	}
	buf_free(&b);
	/* where each goes, found before any is renamed (v points at their
	 * ids) */
	const struct posting **to = xcalloc(t->n, sizeof(*to));
	for (size_t i = 0; i < t->n; i++) {
		struct entry *e = t->v[i];
		if (!e)
			continue;
		struct oldid key = {e->id, NULL, 0};
		struct oldid *o = bsearch(&key, v, nv, sizeof(*v), cmp_oldid);
		/* two postings had it (two jobs.yml): which one is not
		 * known, so it stays, and is said not to match */
		if (o && o->n == 1 && !state_table_find(t, o->p->id))
			to[i] = o->p;
	}
	size_t moved = 0;
	for (size_t i = 0; i < t->n; i++) {
		struct entry *e = t->v[i];
		if (!to[i])
			continue;
		/* seen and read follow it: as the old file recorded them,
		 * and as the store has them by the old id */
		if (!seen_loaded(st->seen))
			state_load_seen(st, NULL);
		unsigned f = seen_get(st->seen, seen_key(e->id)) & 0xFF;
		f |= (e->legacy & F_SEEN ? SEEN_SEEN : 0) |
		     (e->legacy & F_READ ? SEEN_READ | SEEN_SEEN : 0);
		if (e->legacy && initial)
			f |= SEEN_BEFORE;
		if (f)
			seen_set(st->seen, seen_key(to[i]->id), f, 0);
		char *id = xstrdup(to[i]->id);
		free(e->id);
		e->id = id;
		e->pub.id = id;
		/* what it recorded follows it */
		if (state_entry_mine(e) &&
		    state_entry_who(e, to[i]->title, posting_org(to[i], true)))
			e->pub.unsaved |= F_WHO;
		moved++;
	}
	free(to);
	free(v);
	if (moved)
		state_table_rehash(t);
	return moved;
}

/* ---- postings that share an id ---- */

static int
cmp_twin(const void *a, const void *b)
{
	const struct posting *p = *(const struct posting *const *)a;
	const struct posting *q = *(const struct posting *const *)b;
	int r = strcmp(p->twin_of, q->twin_of);
	return r ? r : (p->seq > q->seq) - (p->seq < q->seq);
}

/* True if the posting is the one e records (title and organization). */
static bool
is_who(const struct entry *e, const struct posting *p)
{
	const char *org = posting_org(p, true);
	return e->title && p->title && !strcmp(e->title, p->title) &&
	       ((!e->org && !org) || (e->org && org && !strcmp(e->org, org)));
}

/* A new "~N" id for the group of base, that no posting or entry has. */
static const char *
fresh_id(struct state *st, const char *base)
{
	struct buf b = {0};
	for (unsigned k = 2;; k++) {
		buf_clear(&b);
		buf_printf(&b, "%s~%u", base, k);
		if (!catalog_find(st->cat, b.s) &&
		    !state_table_find(&st->t, b.s))
			break;
	}
	const char *id = arena_strdup(&st->cat->arena, b.s);
	buf_free(&b);
	if (!id)
		die_nomem();
	return id;
}

/* Gives the postings g[0..n) (sharing one id, in load order) the ids
 * their entries record them by; true if one changed. */
static bool
sort_group(struct state *st, struct posting **g, size_t n)
{
	const char **ids = xmalloc(n * sizeof(*ids));
	const char **got = xcalloc(n, sizeof(*got));
	bool *taken = xcalloc(n, sizeof(*taken));
	for (size_t i = 0; i < n; i++)
		ids[i] = g[i]->id;
	/* an entry that says who it is follows that posting: the one that
	 * holds its id now, when it is that one, else the first */
	for (size_t k = 0; k < n; k++) {
		const struct entry *e = state_table_find(&st->t, ids[k]);
		if (!e || !e->title)
			continue;
		size_t pick = n;
		if (is_who(e, g[k]) && !got[k])
			pick = k;
		for (size_t i = 0; i < n && pick == n; i++)
			if (!got[i] && is_who(e, g[i]))
				pick = i;
		/* none is: the id stays the entry's, no posting's */
		taken[k] = true;
		if (pick < n)
			got[pick] = ids[k];
	}
	/* the others, in load order, the ids left in order; then new ones */
	size_t next = 0;
	for (size_t i = 0; i < n; i++) {
		if (got[i])
			continue;
		while (next < n && taken[next])
			next++;
		if (next < n) {
			got[i] = ids[next];
			taken[next++] = true;
		} else {
			got[i] = fresh_id(st, g[i]->twin_of);
		}
	}
	bool changed = false;
	for (size_t i = 0; i < n; i++) {
		changed |= g[i]->id != got[i];
		g[i]->id = got[i];
	}
	free(ids);
	free(got);
	free(taken);
	return changed;
}

/* Sorts out every group of postings that share an id; true if an id
 * changed (the catalog is reindexed). */
static bool
sort_twins(struct state *st)
{
	struct catalog *c = st->cat;
	struct posting **v = NULL;
	size_t n = 0;
	for (size_t i = 0; i < c->n; i++) {
		if (!c->v[i]->twin_of)
			continue;
		v = xrealloc(v, (n + 1) * sizeof(*v));
		v[n++] = c->v[i];
	}
	if (n)
		qsort(v, n, sizeof(*v), cmp_twin);
	bool changed = false;
	for (size_t i = 0; i < n;) {
		size_t j = i + 1;
		while (j < n && !strcmp(v[j]->twin_of, v[i]->twin_of))
			j++;
		changed |= sort_group(st, v + i, j - i);
		i = j;
	}
	free(v);
	if (changed)
		catalog_reindex(c);
	return changed;
}

/* ---- an older file kept, and said ---- */

/* Keeps the file as it is beside it before an older format is rewritten:
 * FILE.bak, else FILE.bak.2 ... (one holding the same bytes will do);
 * *name gets the one used (malloc'd), NULL when there was no file. */
bool
state_keep_old(struct state *st, char **name, struct state_error *err)
{
	*name = NULL;
	struct buf old = {0};
	int fd = open(st->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return errno == ENOENT;
	char chunk[65536];
	ssize_t n;
	while ((n = read(fd, chunk, sizeof(chunk))) > 0 ||
	       (n < 0 && errno == EINTR))
		if (n > 0)
			buf_add(&old, chunk, (size_t)n);
	close(fd);
	mode_t mode = st->have_disk ? (st->disk.st_mode & 07777) : 0600;
	for (int k = 1; k < 100; k++) {
		struct buf b = {0};
		buf_printf(&b, k == 1 ? "%s.bak" : "%s.bak.%d", st->path, k);
		char why[768];
		enum atomic_result r = atomic_write(b.s, old.s ? old.s : "",
		                                    old.len, mode, false, why,
		                                    sizeof(why));
		bool same = false;
		if (r == ATOMIC_EXISTS) {
			/* kept already by a run that did not finish */
			struct buf had = {0};
			int hf = open(b.s, O_RDONLY | O_CLOEXEC);
			while (hf >= 0 && (n = read(hf, chunk, sizeof(chunk))) > 0)
				buf_add(&had, chunk, (size_t)n);
			if (hf >= 0)
				close(hf);
			same = had.len == old.len &&
			       (!old.len || !memcmp(had.s, old.s, old.len));
			buf_free(&had);
		}
		if (r == ATOMIC_DONE || r == ATOMIC_UNSYNCED || same) {
			*name = buf_steal(&b);
			buf_free(&old);
			return true;
		}
		buf_free(&b);
		if (r == ATOMIC_FAILED) {
			state_err_cause(err, NOT_SAVED, "the state file is of an "
			                "older format and is kept before it is "
			                "rewritten, but %s", why);
			buf_free(&old);
			return false;
		}
	}
	state_err_cause(err, NOT_SAVED, "the state file is of an older format "
	                "and is kept before it is rewritten, but %s.bak to "
	                "%s.bak.99 are all taken", st->path, st->path);
	buf_free(&old);
	return false;
}

/* Says once that the file was upgraded and where the old one is. */
void
state_say_upgraded(struct state *st, const char *kept)
{
	/* beside it: their names alone */
	const char *kb = strrchr(kept, '/');
	const char *sp = seen_path(st->seen);
	const char *sb = strrchr(sp, '/');
	char *f = state_shown(st->path, strlen(st->path));
	char *k = state_shown(kb ? kb + 1 : kept, strlen(kb ? kb + 1 : kept));
	char *spp = state_shown(sb ? sb + 1 : sp, strlen(sb ? sb + 1 : sp));
	struct buf b = {0};
	/* first what asks for the user's eye, as the interface says it */
	size_t orphans = st->cat ? state_orphans(st) : 0;
	if (orphans)
		buf_printf(&b, "%zu state entr%s no posting: billet --list "
		           "--orphans; ", orphans,
		           orphans == 1 ? "y matches" : "ies match");
	buf_printf(&b, "%s is upgraded, the old file kept as %s: seen and "
	           "read postings are now in %s", f, k, spp);
	if (st->moved)
		buf_printf(&b, "; %zu entr%s moved to the postings' new ids",
		           st->moved, st->moved == 1 ? "y" : "ies");
	size_t used = strlen(st->news);
	snprintf(st->news + used, sizeof(st->news) - used, "%s%s",
	         used ? "; " : "", b.s);
	buf_free(&b);
	free(f);
	free(k);
	free(spp);
	st->moved = 0;
}

/* ---- attaching ---- */

bool
state_is_orphan(const struct state *st, const struct state_entry *e)
{
	const struct entry *x = state_table_find(&st->t, e->id);
	if (!x) { /* one that cannot be read, found by its place */
		for (size_t i = 0; i < st->t.n && !x; i++)
			if (&st->t.v[i]->pub == e)
				x = st->t.v[i];
	}
	return x && state_entry_mine(x) &&
	       (x->unhashed || !st->cat || !catalog_find(st->cat, x->id));
}

size_t
state_orphans(const struct state *st)
{
	size_t n = 0;
	for (size_t i = 0; i < st->t.n; i++)
		n += state_is_orphan(st, &st->t.v[i]->pub);
	return n;
}

bool
state_attach(struct state *st, struct catalog *c, bool save,
             struct state_attach_report *rep, struct state_error *err)
{
	if (err)
		err->msg[0] = '\0';
	st->cat = c;
	state_cache_drop(st);
	struct state_attach_report r = {0};
	if (st->old_ids && !st->readonly) {
		r.moved = state_migrate(st, &st->t, true);
		st->moved += r.moved;
		st->old_ids = false;
		st->upgrade = true;
		for (size_t i = 0; i < st->t.n && r.moved; i++)
			if (st->t.v[i]->pub.unsaved)
				st->unsaved = true;
	}
	r.renamed = sort_twins(st);
	/* an entry from before titles were recorded learns its posting's */
	for (size_t i = 0; i < st->t.n; i++) {
		struct entry *e = st->t.v[i];
		if (e->title || e->problem || !state_entry_mine(e))
			continue;
		const struct posting *p = catalog_find(c, e->id);
		if (p && state_entry_who(e, p->title, posting_org(p, true))) {
			e->pub.unsaved |= F_WHO;
			st->unsaved = true;
		}
	}
	/* the same job from several sources: one posting, one entry */
	r.dups = dups_find(c);
	if (r.dups)
		r.merged = state_merge_dups(st, c);
	r.orphans = state_orphans(st);
	if (rep)
		*rep = r;
	if (!save || st->readonly || !(st->unsaved || st->upgrade) ||
	    st->batch)
		return true;
	return state_save_now(st, err);
}
