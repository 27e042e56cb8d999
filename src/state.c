/* SPDX-License-Identifier: MIT */
/* state: the user's marks, notes, ratings and status in a YAML file keyed
 * by posting id: the entries in memory, what changes them, and what the
 * query and exports read of them. The file is read in state_read.c and
 * written in state_save.c. */
#include "state.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"
#include "dups.h"
#include "day.h"
#include "snapshot.h"
#include "state_int.h"

#include "dups.h"
#include "text.h"

/* ---- how saving behaves ---- */

struct state_io state_io = {
	.lock_wait_ms = 5000,
};

/* ---- memory ---- */

void
state_err(struct state_error *err, const char *fmt, ...)
{
	if (!err)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	err->why = 0;
	err->replaced = false;
	err->refused = false;
	err->store_only = false;
}

void
state_refuse(struct state_error *err, const char *fmt, ...)
{
	if (!err)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	err->why = 0;
	err->replaced = false;
	err->refused = true;
	err->store_only = false;
}

void
state_err_cause(struct state_error *err, const char *what, const char *fmt, ...)
{
	if (!err)
		return;
	size_t at = strlen(what);
	if (at >= sizeof(err->msg))
		at = 0;
	memcpy(err->msg, what, at);
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg + at, sizeof(err->msg) - at, fmt, ap);
	va_end(ap);
	err->why = at;
	err->replaced = false;
	err->refused = false;
	err->store_only = false;
}

/* A string made safe to show on one line: controls (a newline as ^J)
 * and bidi overrides visible. */
char *
state_shown(const char *s, size_t len)
{
	struct buf b = {0};
	text_sanitize(&b, s, len, SAN_CARET_NL);
	return buf_steal(&b);
}

/* ---- kept values: unknown keys of an entry, as they were written ---- */

void
state_kept_free(struct kept *k)
{
	for (size_t i = 0; i < k->n; i++)
		state_kept_free(&k->kids[i]);
	free(k->kids);
	free(k->s);
	free(k->tag);
	memset(k, 0, sizeof(*k));
}

void
state_kept_push(struct kept *parent, struct kept *child)
{
	if (parent->n == parent->cap) {
		parent->cap = parent->cap ? parent->cap * 2 : 4;
		parent->kids = xrealloc(parent->kids,
		                        parent->cap * sizeof(*parent->kids));
	}
	parent->kids[parent->n++] = *child;
	memset(child, 0, sizeof(*child));
}

/* ---- entries and the id table ---- */

void
state_entry_free(struct entry *e)
{
	if (!e)
		return;
	free(e->id);
	free(e->note);
	state_hist_free(e);
	free(e->title);
	free(e->org);
	free(e->problem);
	free(e->raw);
	state_kept_free(&e->extra);
	free(e);
}

struct entry *
state_entry_new(const char *id, size_t len)
{
	struct entry *e = xcalloc(1, sizeof(*e));
	e->id = xstrndup(id, len);
	e->pub.id = e->id;
	e->extra.kind = K_MAP;
	return e;
}

static uint64_t
hash_id(const char *s)
{
	uint64_t h = 1469598103934665603ULL;
	for (; *s; s++) {
		h ^= (unsigned char)*s;
		h *= 1099511628211ULL;
	}
	return h;
}

struct entry *
state_table_find(const struct table *t, const char *id)
{
	if (!t->nslot || !id)
		return NULL;
	size_t mask = t->nslot - 1;
	for (size_t i = hash_id(id) & mask;; i = (i + 1) & mask) {
		uint32_t k = t->slot[i];
		if (!k)
			return NULL;
		struct entry *e = t->v[k - 1];
		if (e && strcmp(e->id, id) == 0)
			return e;
	}
}

static void
table_rehash(struct table *t, size_t nslot)
{
	free(t->slot);
	t->slot = xcalloc(nslot, sizeof(*t->slot));
	t->nslot = nslot;
	for (size_t j = 0; j < t->n; j++) {
		if (!t->v[j] || t->v[j]->unhashed)
			continue;
		size_t i = hash_id(t->v[j]->id) & (nslot - 1);
		while (t->slot[i])
			i = (i + 1) & (nslot - 1);
		t->slot[i] = (uint32_t)(j + 1);
	}
}

void
state_table_add(struct table *t, struct entry *e)
{
	if (t->n >= UINT32_MAX - 1)
		die_nomem();
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	t->v[t->n++] = e;
	if (e->unhashed)
		return;
	if ((t->n + 1) * 2 > t->nslot) {
		table_rehash(t, t->nslot ? t->nslot * 2 : 128);
		return;
	}
	size_t i = hash_id(e->id) & (t->nslot - 1);
	while (t->slot[i])
		i = (i + 1) & (t->nslot - 1);
	t->slot[i] = (uint32_t)t->n;
}

void
state_table_free(struct table *t)
{
	for (size_t i = 0; i < t->n; i++)
		state_entry_free(t->v[i]);
	free(t->v);
	free(t->slot);
	memset(t, 0, sizeof(*t));
}

void
state_table_rehash(struct table *t)
{
	size_t k = 0;
	for (size_t i = 0; i < t->n; i++)
		if (t->v[i])
			t->v[k++] = t->v[i];
	t->n = k;
	size_t nslot = 128;
	while ((t->n + 1) * 2 > nslot)
		nslot *= 2;
	table_rehash(t, nslot);
}

bool
state_entry_mine(const struct entry *e)
{
	const struct state_entry *p = &e->pub;
	return p->marked || p->hidden || p->rating || p->status || e->note ||
	       e->nhist || p->followup || e->extra.n || e->problem;
}

/* True if two strings (either may be NULL) are the same. */
static bool
same_text(const char *a, const char *b)
{
	return a == b || (a && b && !strcmp(a, b));
}

bool
state_entry_who(struct entry *e, const char *title, const char *org)
{
	if (same_text(e->title, title) && same_text(e->org, org))
		return false;
	free(e->title);
	free(e->org);
	e->title = title ? xstrdup(title) : NULL;
	e->org = org ? xstrdup(org) : NULL;
	e->pub.title = e->title;
	e->pub.org = e->org;
	return true;
}

/* ---- the API ---- */

char *
state_default_path(void)
{
	struct buf b = {0};
	const char *x = getenv("XDG_STATE_HOME");
	if (x && x[0] == '/') {
		buf_printf(&b, "%s/billet/state.yaml", x);
		return buf_steal(&b);
	}
	const char *home = getenv("HOME");
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());
		home = pw && pw->pw_dir && *pw->pw_dir ? pw->pw_dir : NULL;
	}
	if (!home)
		return NULL;
	buf_printf(&b, "%s/.local/state/billet/state.yaml", home);
	return buf_steal(&b);
}

/* Says where the file has entries that cannot be read, once: the first,
 * and how many others. */
static void
say_bad_entries(const struct state *st, struct state_error *err)
{
	const char *first = NULL;
	size_t n = 0;
	for (size_t i = 0; i < st->t.n; i++) {
		if (st->t.v[i]->problem) {
			if (!first)
				first = st->t.v[i]->problem;
			n++;
		}
	}
	if (!first)
		return;
	if (n == 1)
		state_err(err, "%s (this entry is kept as written and not "
		          "changed; the others are saved as usual)", first);
	else
		state_err(err, "%s, and %zu more entries that cannot be read "
		          "(each is kept as written and not changed; the "
		          "others are saved as usual)", first, n - 1);
}

struct state *
state_open(const char *path, struct state_error *err)
{
	struct state *st = xcalloc(1, sizeof(*st));
	if (err)
		err->msg[0] = '\0';
	char *def = path ? NULL : state_default_path();
	if (!path && !def) {
		st->path = xstrdup("state.yaml");
		state_go_readonly(st, "no home directory: set HOME or "
		                  "XDG_STATE_HOME to keep a shortlist", false);
		state_err(err, "%s", st->problem);
	} else {
		/* save through a symbolic link to the file it names */
		const char *given = path ? path : def;
		struct stat lsb;
		char *real = NULL;
		if (lstat(given, &lsb) == 0 && S_ISLNK(lsb.st_mode))
			real = realpath(given, NULL);
		st->path = real ? real : xstrdup(given);
	}
	free(def);
	st->dir = atomic_dir(st->path);
	struct buf b = {0};
	buf_printf(&b, "%s.lock", st->path);
	st->lockpath = buf_steal(&b);
	char *sp = state_seen_path(st->path, false);
	st->seen = seen_new(sp);
	free(sp);
	sp = state_seen_path(st->path, true);
	st->snaps = snapshot_new(sp);
	free(sp);
	if (st->readonly)
		return st;
	struct stat sb;
	struct state_error e = {0};
	switch (state_load(st, &st->t, &sb, false, &e)) {
	case LOAD_OK:
		st->disk = sb;
		st->have_disk = true;
		say_bad_entries(st, err);
		/* an older file's seen and read go to the store */
		state_take_legacy(st, &st->t, true);
		break;
	case LOAD_MISSING:
	case LOAD_SAME:
		break;
	case LOAD_UNREADABLE:
	case LOAD_BAD:
		state_go_readonly(st, e.msg, true);
		state_err(err, "%s (the file is left as it is; changes to the "
		          "shortlist, notes and ratings are not saved this run)",
		          e.msg);
		break;
	}
	return st;
}

void
state_close(struct state *st)
{
	if (!st)
		return;
	state_table_free(&st->t);
	state_undo_free(st);
	seen_free(st->seen);
	snapshot_free(st->snaps);
	free(st->pcache);
	free(st->chcache);
	free(st->path);
	free(st->lockpath);
	free(st->dir);
	free(st);
}

const char *
state_path(const struct state *st)
{
	return st->path;
}

bool
state_writable(const struct state *st)
{
	return !st->readonly;
}

const char *
state_problem(const struct state *st)
{
	return st->readonly ? st->problem : NULL;
}

const struct state_entry *
state_get(const struct state *st, const char *id)
{
	struct entry *e = state_table_find(&st->t, id);
	return e ? &e->pub : NULL;
}

size_t
state_count(const struct state *st)
{
	return st->t.n;
}

const struct state_entry *
state_at(const struct state *st, size_t i)
{
	return i < st->t.n ? &st->t.v[i]->pub : NULL;
}

struct entry *
state_entry_for(struct state *st, const char *id, struct state_error *err)
{
	if (!id || !*id || !text_valid(id, strlen(id))) {
		state_refuse(err, "state not changed: %s",
		       id && *id ? "the posting id is not valid UTF-8"
		                 : "no posting id");
		return NULL;
	}
	struct entry *e = state_table_find(&st->t, id);
	if (!e) {
		e = state_entry_new(id, strlen(id));
		e->gen = st->gen;
		state_table_add(&st->t, e);
	}
	if (e->problem) {
		state_refuse(err, "not changed: the state file's entry for this "
		       "posting cannot be read (%s); it is kept as written "
		       "until it is mended there", e->problem);
		return NULL;
	}
	/* what tells it apart from a posting that takes its id later */
	const struct posting *p = st->cat ? catalog_find(st->cat, id) : NULL;
	if (p && state_entry_who(e, p->title, posting_org(p, true))) {
		e->pub.unsaved |= F_WHO;
		st->unsaved = true;
	}
	return e;
}

bool
state_changed(struct state *st, struct entry *e, unsigned bit, bool diff,
        struct state_error *err)
{
	if (diff) {
		e->pub.unsaved |= bit;
		st->unsaved = true;
	}
	if (!state_unsaved(st) || st->batch)
		return true;
	return state_save_now(st, err);
}

static bool
set_flag(struct state *st, const char *id, unsigned bit, bool on,
         struct state_error *err)
{
	struct entry *e = state_entry_for(st, id, err);
	if (!e)
		return false;
	bool *f = bit == F_MARK ? &e->pub.marked : &e->pub.hidden;
	bool diff = *f != on;
	if (diff)
		state_undo_record(st, id, bit, *f, on, NULL, NULL);
	*f = on;
	return state_changed(st, e, bit, diff, err);
}

bool
state_set_mark(struct state *st, const char *id, bool on,
               struct state_error *err)
{
	return set_flag(st, id, F_MARK, on, err);
}

bool
state_set_hidden(struct state *st, const char *id, bool on,
                 struct state_error *err)
{
	return set_flag(st, id, F_HIDDEN, on, err);
}

bool
state_set_rating(struct state *st, const char *id, int rating,
                 struct state_error *err)
{
	if (rating < 0 || rating > 5) {
		state_refuse(err, "a rating is 1 to 5, or 0 to clear it");
		return false;
	}
	struct entry *e = state_entry_for(st, id, err);
	if (!e)
		return false;
	bool diff = e->pub.rating != rating;
	if (diff)
		state_undo_record(st, id, F_RATING, e->pub.rating, rating, NULL,
		                  NULL);
	e->pub.rating = rating;
	return state_changed(st, e, F_RATING, diff, err);
}

bool
state_set_note(struct state *st, const char *id, const char *note,
               struct state_error *err)
{
	if (note && !*note)
		note = NULL;
	if (note && !text_valid(note, strlen(note))) {
		state_refuse(err, "note not saved: it is not valid UTF-8");
		return false;
	}
	struct entry *e = state_entry_for(st, id, err);
	if (!e)
		return false;
	bool diff = (note == NULL) != (e->note == NULL) ||
	            (note && strcmp(note, e->note) != 0);
	if (diff) {
		state_undo_record(st, id, F_NOTE, 0, 0, e->note, note);
		free(e->note);
		e->note = note ? xstrdup(note) : NULL;
		e->pub.note = e->note;
	}
	return state_changed(st, e, F_NOTE, diff, err);
}

void
state_begin(struct state *st)
{
	st->batch++;
}

bool
state_commit(struct state *st, struct state_error *err)
{
	if (st->batch > 0)
		st->batch--;
	if (!st->batch)
		state_undo_commit(st);
	if (st->batch || !state_unsaved(st))
		return true;
	return state_save_now(st, err);
}

bool
state_save(struct state *st, struct state_error *err)
{
	if (!state_unsaved(st))
		return true;
	return state_save_now(st, err);
}

bool
state_unsaved(const struct state *st)
{
	return st->unsaved || seen_pending(st->seen) ||
	       snapshot_pending(st->snaps);
}

bool
state_refresh(struct state *st, struct state_error *err)
{
	if (st->readonly)
		return true;
	struct state_error e = {0};
	if (state_reread(st, &e))
		return true;
	if (st->readonly)
		state_err(err, "%s", st->problem);
	else if (err)
		*err = e;
	return false;
}

bool
state_news(struct state *st, struct state_error *news)
{
	if (st->news[0]) {
		state_err(news, "%s", st->news);
		st->news[0] = '\0';
		return true;
	}
	if (st->seen_problem[0]) {
		state_err(news, "%s", st->seen_problem);
		st->seen_problem[0] = '\0';
		return true;
	}
	return false;
}

/* ---- hooks for queries and exports ---- */

static const struct state_entry *
entry_of(void *ctx, const struct posting *p)
{
	/* another source of a job: the entry of the one shown */
	struct entry *e = state_table_find(&((struct state *)ctx)->t,
	                                   dups_shown(p)->id);
	return e ? &e->pub : NULL;
}

static bool
hook_marked(void *ctx, const struct posting *p)
{
	const struct state_entry *e = entry_of(ctx, p);
	return e && e->marked;
}

static bool
hook_hidden(void *ctx, const struct posting *p)
{
	const struct state_entry *e = entry_of(ctx, p);
	return e && e->hidden;
}

static bool
hook_has_note(void *ctx, const struct posting *p)
{
	const struct state_entry *e = entry_of(ctx, p);
	return e && e->note;
}

static int
hook_rating(void *ctx, const struct posting *p)
{
	const struct state_entry *e = entry_of(ctx, p);
	return e ? e->rating : 0;
}

static int
hook_status(void *ctx, const struct posting *p)
{
	const struct state_entry *e = entry_of(ctx, p);
	return e ? e->status : QSTATUS_NONE;
}

static const char *
hook_note(void *ctx, const struct posting *p)
{
	const struct state_entry *e = entry_of(ctx, p);
	return e ? e->note : NULL;
}

static int32_t
hook_followup(void *ctx, const struct posting *p)
{
	const struct state_entry *e = entry_of(ctx, p);
	return e ? e->followup : 0;
}

static void
hook_history(void *ctx, const struct posting *p, struct buf *out)
{
	const struct state_entry *e = entry_of(ctx, p);
	if (e)
		state_history_text(e, out);
}

static void
hook_followup_text(void *ctx, const struct posting *p, struct buf *out)
{
	const struct state_entry *e = entry_of(ctx, p);
	if (e && e->followup)
		state_followup_text(e->followup, day_today(), out);
}

static bool
hook_change(void *ctx, const struct posting *p, size_t i, const char **status,
            int32_t *date)
{
	const struct state_entry *e = entry_of(ctx, p);
	if (!e || i >= e->nhistory)
		return false;
	*status = query_status_name(e->history[i].status);
	*date = e->history[i].date;
	return true;
}

static const char *
hook_status_name(void *ctx, const struct posting *p)
{
	int s = hook_status(ctx, p);
	return s == QSTATUS_NONE ? NULL : query_status_name(s);
}

void
state_query_env(struct state *st, struct query_env *env)
{
	env->ctx = st;
	env->marked = hook_marked;
	env->hidden = hook_hidden;
	env->is_new = state_hook_new;
	env->read = state_hook_read;
	env->changed = state_hook_changed;
	env->has_note = hook_has_note;
	env->rating = hook_rating;
	env->status = hook_status;
	env->followup = hook_followup;
	env->note = hook_note;
}

void
state_export_hooks(struct state *st, struct export_hooks *h)
{
	h->ctx = st;
	h->marked = hook_marked;
	h->hidden = hook_hidden;
	h->changed = state_hook_changed;
	h->note = hook_note;
	h->rating = hook_rating;
	h->status = hook_status_name;
	h->history = hook_history;
	h->followup = hook_followup_text;
	h->change = hook_change;
	h->followup_day = hook_followup;
}

int
state_status_parse(const char *s)
{
	for (int i = 0; i < QSTATUS_N; i++)
		if (!strcasecmp(s, query_status_name(i)))
			return i;
	return -1;
}
