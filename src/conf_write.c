/* SPDX-License-Identifier: MIT */
/* conf_write: :write, the settings made at the `:` prompt written into
 * the user's config file, each in place of the line that sets the same
 * thing, the rest of the file (comments too) kept as it was. */
#include "conf.h"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"

/* The comment that goes before the lines :write adds at the end. */
#define ADDED_HEADER "# Set at the : prompt and saved by :write"

/* Appends to what what a config line sets ("set sort", "bind list J",
 * "color title", "filter remote"), as conf_change names it; false when
 * it sets nothing :write could replace. */
static bool
line_sets(const char *line, struct buf *what)
{
	char **w;
	size_t n;
	bool ok = false;
	if (!conf_split(line, &w, &n, NULL, NULL))
		return false;
	if (n >= 4 && !strcmp(w[0], "bind")) {
		int codes[4];
		for (int v = 0; v < CONF_NVIEWS; v++) {
			if (strcasecmp(w[1], conf_view_names[v]) ||
			    !keys_parse(w[2], codes, 4))
				continue;
			char spelt[64];
			keys_spell(codes[0], spelt, sizeof(spelt));
			buf_printf(what, "bind %s %s", conf_view_names[v], spelt);
			ok = true;
		}
	} else if (n >= 2 && (!strcmp(w[0], "color") ||
	                      !strcmp(w[0], "colour"))) {
		int e = conf_element_of(w[1]);
		if (e >= 0) {
			buf_printf(what, "color %s", conf_elements[e].name);
			ok = true;
		}
	} else if (n >= 2 && !strcmp(w[0], "set")) {
		size_t len = strcspn(w[1], "=");
		char name[64];
		snprintf(name, sizeof(name), "%.*s", (int)len, w[1]);
		int o = conf_option_of(name);
		if (o >= 0) {
			buf_printf(what, "set %s", conf_options[o].name);
			ok = true;
		}
	} else if (n >= 3 && !strcmp(w[0], "filter") &&
	           !strcmp(w[1], "delete")) {
		buf_printf(what, "filter %s", w[2]);
		ok = true;
	} else if (n >= 3 && !strcmp(w[0], "filter") && strcmp(w[1], "save")) {
		buf_printf(what, "filter %s", w[1]);
		ok = true;
	}
	conf_words_free(w, n, NULL);
	return ok;
}

/* The lines of a text. */
struct lines {
	char **v;   /* each without its newline, malloc'd */
	size_t n;
};

/* Splits text into lines (a last line without a newline too). */
static void
lines_of(const char *text, struct lines *l)
{
	size_t cap = 16;
	l->v = xmalloc(cap * sizeof(*l->v));
	l->n = 0;
	for (const char *s = text; s && *s;) {
		size_t len = strcspn(s, "\n");
		if (l->n == cap) {
			cap *= 2;
			l->v = xrealloc(l->v, cap * sizeof(*l->v));
		}
		l->v[l->n++] = xstrndup(s, len);
		s += len + (s[len] == '\n');
	}
}

void
conf_merge_changes(const struct conf *c, const char *old, struct buf *out)
{
	struct lines l;
	lines_of(old, &l);
	/* what each line of the file sets */
	char **sets = xcalloc(l.n ? l.n : 1, sizeof(*sets));
	bool has_header = false;
	for (size_t i = 0; i < l.n; i++) {
		struct buf w = {0};
		if (line_sets(l.v[i], &w))
			sets[i] = buf_steal(&w);
		buf_free(&w);
		has_header = has_header || !strcmp(l.v[i], ADDED_HEADER);
	}
	bool *added = xcalloc(c->nchanges ? c->nchanges : 1, sizeof(*added));
	for (size_t k = 0; k < c->nchanges; k++) {
		const struct conf_change *ch = &c->changes[k];
		bool deleting = !strncmp(ch->line, "filter delete ", 14);
		long last = -1;
		for (size_t i = 0; i < l.n; i++)
			if (sets[i] && !strcmp(sets[i], ch->what))
				last = (long)i;
		if (last < 0)
			continue;
		added[k] = true;
		if (deleting) {
			/* every line that saved it goes, or it would be back */
			for (size_t i = 0; i < l.n; i++)
				if (sets[i] && !strcmp(sets[i], ch->what)) {
					free(l.v[i]);
					l.v[i] = NULL;
				}
			continue;
		}
		/* in its place, with its indent and its comment */
		const char *s = l.v[last];
		size_t indent = strspn(s, " \t");
		size_t cm = conf_comment_at(s);
		struct buf nl = {0};
		buf_add(&nl, s, indent);
		buf_adds(&nl, ch->line);
		if (s[cm])
			buf_printf(&nl, "  %s", s + cm);
		free(l.v[last]);
		l.v[last] = buf_steal(&nl);
		free(sets[last]);
		sets[last] = NULL; /* a second change of it goes after */
	}
	for (size_t i = 0; i < l.n; i++)
		if (l.v[i])
			buf_printf(out, "%s\n", l.v[i]);
	bool header = false;
	for (size_t k = 0; k < c->nchanges; k++) {
		if (added[k])
			continue;
		if (!header && !has_header)
			buf_printf(out, "%s%s\n", out->len ? "\n" : "", ADDED_HEADER);
		header = true;
		buf_printf(out, "%s\n", c->changes[k].line);
	}
	buf_adds(out, "");
	for (size_t i = 0; i < l.n; i++) {
		free(l.v[i]);
		free(sets[i]);
	}
	free(l.v);
	free(sets);
	free(added);
}

/* Makes the directories of path's parent that are missing. */
static bool
make_parents(const char *path, struct buf *err)
{
	char *p = xstrdup(path);
	for (char *s = p + 1; *s; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		if (mkdir(p, 0755) != 0 && errno != EEXIST) {
			buf_printf(err, "cannot make the directory %s: %s", p,
			           strerror(errno));
			free(p);
			return false;
		}
		*s = '/';
	}
	free(p);
	return true;
}

bool
conf_write(struct conf *c, struct buf *err)
{
	if (!c->path) {
		buf_adds(err, "no config file: neither XDG_CONFIG_HOME nor HOME "
		         "is set");
		return false;
	}
	/* a link (a dotfiles repository) is written through, not replaced */
	char real[PATH_MAX];
	const char *path = realpath(c->path, real) ? real : c->path;
	struct buf old = {0};
	mode_t mode = 0644;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0 && errno != ENOENT) {
		buf_printf(err, "cannot read %s: %s", path, strerror(errno));
		return false;
	}
	if (fd >= 0) {
		struct stat st;
		if (fstat(fd, &st) == 0)
			mode = st.st_mode & 07777;
		char chunk[8192];
		ssize_t got;
		while ((got = read(fd, chunk, sizeof(chunk))) > 0)
			buf_add(&old, chunk, (size_t)got);
		int e = errno;
		close(fd);
		if (got < 0) {
			buf_printf(err, "cannot read %s: %s", path, strerror(e));
			buf_free(&old);
			return false;
		}
		if (old.len && memchr(old.s, '\0', old.len)) {
			buf_printf(err, "%s holds a NUL byte: it is left as it is",
			           path);
			buf_free(&old);
			return false;
		}
	}
	buf_adds(&old, "");
	struct buf text = {0};
	conf_merge_changes(c, old.s, &text);
	buf_free(&old);
	bool ok = make_parents(path, err);
	if (ok) {
		char msg[512];
		enum atomic_result r = atomic_write(path, text.s, text.len, mode,
		                                    true, msg, sizeof(msg));
		ok = r == ATOMIC_DONE || r == ATOMIC_UNSYNCED;
		if (!ok)
			buf_adds(err, msg);
	}
	buf_free(&text);
	if (!ok)
		return false;
	for (size_t i = 0; i < c->nchanges; i++) {
		free(c->changes[i].what);
		free(c->changes[i].line);
	}
	c->nchanges = 0;
	conf_restat(c);
	return true;
}
