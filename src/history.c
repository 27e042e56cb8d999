/* SPDX-License-Identifier: MIT */
/* history: the lines typed at the `:` and `/` prompts and the last run's
 * filter and sort, each a small file of the state directory. */
#include "history.h"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "atomic.h"

/* The first line of the last run's file. */
#define LAST_HEADER "# billet: the filter and sort of the last run " \
	"(set remember-filter = off forgets them)"

char *
history_dir(void)
{
	struct buf b = {0};
	const char *x = getenv("XDG_STATE_HOME");
	if (x && x[0] == '/') {
		buf_printf(&b, "%s/billet", x);
		return buf_steal(&b);
	}
	const char *home = getenv("HOME");
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());
		home = pw && pw->pw_dir && *pw->pw_dir ? pw->pw_dir : NULL;
	}
	if (!home)
		return NULL;
	buf_printf(&b, "%s/.local/state/billet", home);
	return buf_steal(&b);
}

/* Makes the directories of path's parent that are missing (0700: the
 * state directory is the user's own). */
static bool
make_parents(const char *path)
{
	char *p = xstrdup(path);
	bool ok = true;
	for (char *s = p + 1; *s && ok; s++) {
		if (*s != '/')
			continue;
		*s = '\0';
		ok = mkdir(p, 0700) == 0 || errno == EEXIST;
		*s = '/';
	}
	free(p);
	return ok;
}

/* Reads a whole small file into out; false when it cannot. */
static bool
read_small(const char *path, struct buf *out)
{
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return false;
	char chunk[8192];
	ssize_t got;
	while ((got = read(fd, chunk, sizeof(chunk))) > 0 &&
	       out->len < (4u << 20))
		buf_add(out, chunk, (size_t)got);
	close(fd);
	buf_adds(out, "");
	return got >= 0;
}

/* True if line can be kept: one line of valid text. */
static bool
keepable(const char *line)
{
	size_t len = strlen(line);
	if (!len || len > 4096 || !text_valid(line, len))
		return false;
	for (const char *p = line; *p; p++)
		if ((unsigned char)*p < ' ' || *p == 127)
			return false;
	return strspn(line, " ") < len;
}

/* Adds a line to memory only, dropping the oldest past max (and, in a
 * history of unique lines, the same line further back). */
static void
remember(struct history *h, const char *line)
{
	if (h->max == 0)
		return;
	for (size_t i = h->unique ? h->n : 0; i-- > 0;) {
		if (!strcmp(h->v[i], line)) {
			free(h->v[i]);
			memmove(h->v + i, h->v + i + 1,
			        (h->n - i - 1) * sizeof(*h->v));
			h->n--;
			break;
		}
	}
	if (h->n == h->max) {
		free(h->v[0]);
		memmove(h->v, h->v + 1, (h->n - 1) * sizeof(*h->v));
		h->n--;
	}
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 32;
		h->v = xrealloc(h->v, h->cap * sizeof(*h->v));
	}
	h->v[h->n++] = xstrdup(line);
}

/* Writes text to path whole (atomic.c). */
static bool
replace_file(const char *path, const char *text, size_t len)
{
	char msg[256];
	enum atomic_result r = atomic_write(path, text, len, 0600, true, msg,
	                                    sizeof(msg));
	return r == ATOMIC_DONE || r == ATOMIC_UNSYNCED;
}

/* history_open and history_open_unique. */
static void
open_history(struct history *h, const char *path, size_t max, bool unique)
{
	*h = (struct history){.max = max, .unique = unique,
	                      .path = path ? xstrdup(path) : NULL};
	struct buf text = {0};
	if (!path || !read_small(path, &text)) {
		buf_free(&text);
		return;
	}
	size_t lines = 0;
	for (const char *s = text.s; s && *s;) {
		size_t len = strcspn(s, "\n");
		char *line = xstrndup(s, len);
		if (keepable(line))
			remember(h, line);
		free(line);
		lines++;
		s += len + (s[len] == '\n');
	}
	buf_free(&text);
	/* the file keeps growing (or repeats itself): trim it */
	if (lines > 2 * max || (unique && lines > 2 * h->n + 64)) {
		struct buf b = {0};
		for (size_t i = 0; i < h->n; i++)
			buf_printf(&b, "%s\n", h->v[i]);
		replace_file(path, b.s ? b.s : "", b.len);
		buf_free(&b);
	}
}

void
history_open(struct history *h, const char *path, size_t max)
{
	open_history(h, path, max, false);
}

void
history_open_unique(struct history *h, const char *path, size_t max)
{
	open_history(h, path, max, true);
}

void
history_add(struct history *h, const char *line)
{
	if (!keepable(line) || (h->n && !strcmp(h->v[h->n - 1], line)))
		return;
	remember(h, line);
	if (!h->path || !make_parents(h->path))
		return;
	int fd = open(h->path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC |
	              O_NOCTTY, 0600);
	if (fd < 0)
		return;
	struct buf b = {0};
	buf_printf(&b, "%s\n", line);
	ssize_t w = write(fd, b.s, b.len);
	(void)w; /* a line not kept on disk is kept for this run */
	close(fd);
	buf_free(&b);
}

void
history_close(struct history *h)
{
	for (size_t i = 0; i < h->n; i++)
		free(h->v[i]);
	free(h->v);
	free(h->path);
	*h = (struct history){0};
}

bool
history_last_load(const char *path, char **filter, char **sort)
{
	*filter = *sort = NULL;
	struct buf text = {0};
	if (!path || !read_small(path, &text)) {
		buf_free(&text);
		return false;
	}
	for (const char *s = text.s; s && *s;) {
		size_t len = strcspn(s, "\n");
		char *line = xstrndup(s, len);
		char **to = !strncmp(line, "filter ", 7) ? filter
		            : !strncmp(line, "sort ", 5) ? sort : NULL;
		if (to && keepable(line)) {
			free(*to);
			*to = xstrdup(line + (to == filter ? 7 : 5));
		}
		free(line);
		s += len + (s[len] == '\n');
	}
	buf_free(&text);
	return true;
}

bool
history_last_save(const char *path, const char *filter, const char *sort,
                  struct buf *err)
{
	struct buf b = {0};
	buf_printf(&b, "%s\n", LAST_HEADER);
	if (filter && *filter && strcspn(filter, "\n") == strlen(filter))
		buf_printf(&b, "filter %s\n", filter);
	if (sort && *sort)
		buf_printf(&b, "sort %s\n", sort);
	bool ok = path && make_parents(path) && replace_file(path, b.s, b.len);
	if (!ok && err)
		buf_printf(err, "cannot write %s: %s", path ? path : "the state "
		           "directory (no home)", strerror(errno));
	buf_free(&b);
	return ok;
}
