/* SPDX-License-Identifier: MIT */
/* fswatch: inotify watches on the directories read, the files named and
 * their parent directories, sorted into groups, each made due once its
 * events stop coming for a moment (debounce); without inotify (other
 * systems, or configure found no sys/inotify.h) every group says that
 * its caller must look itself. */
#include "fswatch.h"

#include "config.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "load.h"
#include "text.h"

#if defined(__linux__) && defined(HAVE_SYS_INOTIFY_H)
#define HAVE_INOTIFY 1
#include <sys/inotify.h>
/* What each watch is told of: a file written and closed, made, removed
 * or renamed in or out of a directory, its mode changed, the watched
 * thing itself removed or renamed. */
#define WATCH_MASK (IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | \
	IN_CREATE | IN_DELETE | IN_DELETE_SELF | IN_MOVE_SELF | IN_ATTRIB | \
	IN_EXCL_UNLINK)
#else
#define HAVE_INOTIFY 0
#endif

void
debounce_poke(struct debounce *d, long long now)
{
	d->last = now;
	d->pending = true;
}

bool
debounce_due(struct debounce *d, long long now, long long quiet)
{
	if (!d->pending || now - d->last < quiet)
		return false;
	d->pending = false;
	return true;
}

bool
fswatch_dir_wants(const char *name, bool isdir)
{
	return name && name[0] && name[0] != '.' &&
	       (isdir || load_kind_of(name) != LOAD_OTHER);
}

/* What a watch is for. */
enum wkind {
	W_DIR,   /* a directory read: its posting files and directories */
	W_NAMES, /* the parent of paths named: those names */
	W_SELF,  /* a file named: anything about it */
};

/* One watch of one group (two may share the system's watch). */
struct wentry {
	char *path;     /* what is watched (malloc'd) */
	int wd;         /* the system's watch, -1 when none */
	int group;
	enum wkind kind;
	char **names;   /* W_NAMES: the paths named in it (malloc'd) */
	size_t nnames;
	bool keep;      /* set again since fswatch_begin */
};

/* The paths a group's events named, until fswatch_due hands them out. */
struct touched {
	char **v;
	size_t n, cap;
};

struct fswatch {
	int fd;                               /* inotify, -1 when none */
	struct wentry *v;
	size_t n, cap;
	struct debounce due[FSWATCH_GROUPS];  /* each group's events */
	struct touched touched[FSWATCH_GROUPS];
	size_t count[FSWATCH_GROUPS];         /* watches asked since begin */
	bool failed[FSWATCH_GROUPS];          /* one could not be set */
};

struct fswatch *
fswatch_new(void)
{
	struct fswatch *w = xcalloc(1, sizeof(*w));
	w->fd = -1;
#if HAVE_INOTIFY
	const char *e = getenv("BILLET_WATCH");
	if (!e || strcmp(e, "poll") != 0)
		w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
#endif
	return w;
}

/* Frees what entry e holds. */
static void
entry_free(struct wentry *e)
{
	free(e->path);
	for (size_t i = 0; i < e->nnames; i++)
		free(e->names[i]);
	free(e->names);
}

/* Frees the paths a group's events named. */
static void
touched_clear(struct touched *t)
{
	for (size_t i = 0; i < t->n; i++)
		free(t->v[i]);
	t->n = 0;
}

void
fswatch_free(struct fswatch *w)
{
	if (!w)
		return;
	for (size_t i = 0; i < w->n; i++)
		entry_free(&w->v[i]);
	free(w->v);
	for (int g = 0; g < FSWATCH_GROUPS; g++) {
		touched_clear(&w->touched[g]);
		free(w->touched[g].v);
	}
	if (w->fd >= 0)
		close(w->fd);
	free(w);
}

bool
fswatch_native(const struct fswatch *w)
{
	return w->fd >= 0;
}

void
fswatch_begin(struct fswatch *w, int g)
{
	for (size_t i = 0; i < w->n; i++) {
		struct wentry *e = &w->v[i];
		if (e->group != g)
			continue;
		e->keep = false;
		for (size_t k = 0; k < e->nnames; k++)
			free(e->names[k]);
		e->nnames = 0;
	}
	w->count[g] = 0;
	w->failed[g] = w->fd < 0;
}

/* The entry of group g watching path for kind, made (with its watch)
 * when there is none; NULL when it cannot be. */
static struct wentry *
entry_for(struct fswatch *w, int g, const char *path, enum wkind kind)
{
	for (size_t i = 0; i < w->n; i++) {
		struct wentry *e = &w->v[i];
		if (e->group == g && e->kind == kind && !strcmp(e->path, path)) {
			e->keep = true;
#if HAVE_INOTIFY
			if (e->wd < 0) /* it went (IN_IGNORED): again */
				e->wd = inotify_add_watch(w->fd, path, WATCH_MASK);
#endif
			return e;
		}
	}
	if (w->fd < 0 || w->failed[g])
		return NULL;
	if (++w->count[g] > FSWATCH_MAX) {
		w->failed[g] = true;
		return NULL;
	}
	int wd = -1;
#if HAVE_INOTIFY
	wd = inotify_add_watch(w->fd, path, WATCH_MASK);
	if (wd < 0) {
		/* out of watches: look instead; not there (any more), not
		 * readable: the next look says what there is */
		if (errno == ENOSPC || errno == ENOMEM)
			w->failed[g] = true;
		return NULL;
	}
#endif
	if (w->n == w->cap) {
		w->cap = w->cap ? 2 * w->cap : 16;
		w->v = xrealloc(w->v, w->cap * sizeof(*w->v));
	}
	struct wentry *e = &w->v[w->n++];
	*e = (struct wentry){.path = xstrdup(path), .wd = wd, .group = g,
	                     .kind = kind, .keep = true};
	return e;
}

void
fswatch_dir(struct fswatch *w, int g, const char *path)
{
	entry_for(w, g, path, W_DIR);
}

/* The directory path is in, as a path ("." for a bare name). */
static char *
parent_of(const char *path)
{
	size_t len = strlen(path);
	while (len > 1 && path[len - 1] == '/')
		len--;
	while (len > 0 && path[len - 1] != '/')
		len--;
	if (len == 0)
		return xstrdup(".");
	while (len > 1 && path[len - 1] == '/')
		len--;
	return xstrndup(path, len);
}

void
fswatch_name(struct fswatch *w, int g, const char *path)
{
	struct stat st;
	if (stat(path, &st) == 0 && !S_ISDIR(st.st_mode))
		entry_for(w, g, path, W_SELF); /* written through a link too */
	char *parent = parent_of(path);
	struct wentry *e = entry_for(w, g, parent, W_NAMES);
	free(parent);
	if (!e) { /* a file made in a directory not there: looked for */
		w->failed[g] = true;
		return;
	}
	e->names = xrealloc(e->names, (e->nnames + 1) * sizeof(*e->names));
	e->names[e->nnames++] = xstrdup(path);
}

#if HAVE_INOTIFY
/* True when entry i's watch is one that another live entry shares. */
static bool
shared(const struct fswatch *w, size_t i, int g)
{
	for (size_t k = 0; k < w->n; k++) {
		const struct wentry *o = &w->v[k];
		if (k != i && o->wd == w->v[i].wd &&
		    (o->group != g || o->keep))
			return true;
	}
	return false;
}
#endif

bool
fswatch_end(struct fswatch *w, int g)
{
	bool ok = w->fd >= 0 && !w->failed[g];
	/* the group looks for itself: its watches go (they count against
	 * the user's limit) */
	for (size_t i = 0; i < w->n; i++)
		if (w->v[i].group == g && !ok)
			w->v[i].keep = false;
#if HAVE_INOTIFY
	for (size_t i = 0; i < w->n; i++) {
		const struct wentry *e = &w->v[i];
		if (e->group == g && !e->keep && e->wd >= 0 && !shared(w, i, g))
			inotify_rm_watch(w->fd, e->wd);
	}
#endif
	size_t k = 0;
	for (size_t i = 0; i < w->n; i++) {
		if (w->v[i].group == g && !w->v[i].keep)
			entry_free(&w->v[i]);
		else
			w->v[k++] = w->v[i];
	}
	w->n = k;
	return ok;
}

#if HAVE_INOTIFY
/* The last part of path (no slash after it). */
static const char *
base_of(const char *path, size_t *len)
{
	size_t end = strlen(path);
	while (end > 1 && path[end - 1] == '/')
		end--;
	size_t a = end;
	while (a > 0 && path[a - 1] != '/')
		a--;
	*len = end - a;
	return path + a;
}

/* Adds path to group g's touched paths (once). */
static void
touch(struct fswatch *w, int g, const char *path, long long now)
{
	debounce_poke(&w->due[g], now);
	struct touched *t = &w->touched[g];
	for (size_t i = 0; i < t->n; i++)
		if (!strcmp(t->v[i], path))
			return;
	if (t->n == t->cap) {
		t->cap = t->cap ? 2 * t->cap : 16;
		t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	t->v[t->n++] = xstrdup(path);
}

/* Takes one event. */
static void
take_event(struct fswatch *w, const struct inotify_event *ev, long long now)
{
	if (ev->mask & IN_Q_OVERFLOW) { /* some were lost: every group looks */
		for (int g = 0; g < FSWATCH_GROUPS; g++)
			debounce_poke(&w->due[g], now);
		return;
	}
	const char *name = ev->len ? ev->name : "";
	bool self = ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED);
	struct buf p = {0};
	for (size_t i = 0; i < w->n; i++) {
		struct wentry *e = &w->v[i];
		if (e->wd != ev->wd)
			continue;
		if (self) {
			/* the thing watched went: the next look says where */
			debounce_poke(&w->due[e->group], now);
			if (ev->mask & IN_IGNORED)
				e->wd = -1;
			continue;
		}
		buf_clear(&p);
		switch (e->kind) {
		case W_SELF:
			touch(w, e->group, e->path, now);
			break;
		case W_DIR:
			if (!fswatch_dir_wants(name, ev->mask & IN_ISDIR))
				break;
			buf_adds(&p, e->path);
			if (p.s[p.len - 1] != '/')
				buf_addc(&p, '/');
			buf_adds(&p, name);
			touch(w, e->group, p.s, now);
			break;
		case W_NAMES:
			for (size_t k = 0; k < e->nnames; k++) {
				size_t bl;
				const char *b = base_of(e->names[k], &bl);
				if (bl == strlen(name) && !memcmp(b, name, bl))
					touch(w, e->group, e->names[k], now);
			}
			break;
		}
	}
	buf_free(&p);
}
#endif

void
fswatch_read(struct fswatch *w, long long now)
{
#if HAVE_INOTIFY
	if (w->fd < 0)
		return;
	_Alignas(struct inotify_event) char buf[8192];
	for (;;) {
		ssize_t got = read(w->fd, buf, sizeof(buf));
		if (got <= 0)
			return; /* EAGAIN: none left */
		for (ssize_t off = 0; off < got;) {
			const struct inotify_event *ev =
				(const struct inotify_event *)(buf + off);
			take_event(w, ev, now);
			off += (ssize_t)sizeof(*ev) + ev->len;
		}
	}
#else
	(void)w;
	(void)now;
#endif
}

bool
fswatch_due(struct fswatch *w, int g, long long now, char ***touched,
            size_t *ntouched)
{
	*touched = NULL;
	*ntouched = 0;
	if (!debounce_due(&w->due[g], now, FSWATCH_QUIET_MS))
		return false;
	struct touched *t = &w->touched[g];
	*touched = t->v;
	*ntouched = t->n;
	*t = (struct touched){0};
	return true;
}

void
fswatch_forget(struct fswatch *w, int g, long long now)
{
	fswatch_read(w, now);
	w->due[g].pending = false;
	touched_clear(&w->touched[g]);
}

void
fswatch_touched_free(char **touched, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(touched[i]);
	free(touched);
}
