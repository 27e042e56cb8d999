/* SPDX-License-Identifier: MIT */
/* conf_parse: the lines of the configuration language: words (quotes,
 * backslashes, comments), files and what they source, their problems,
 * and the line typed at the prompt. */
#include "conf_int.h"

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


/* The largest config file read, and the longest line. */
#define CONF_MAX_FILE (1 << 20)
#define CONF_MAX_LINE 4096
/* Problems recorded at most; past them a last one says so. */
#define CONF_MAX_PROBLEMS 200
/* Files sourced within each other at most. */
#define CONF_MAX_DEPTH 16

/* The 1-based column, in characters, of byte off of s. */
static unsigned
column_of(const char *s, size_t off)
{
	unsigned col = 1;
	for (size_t i = 0; i < off; i++)
		if (((unsigned char)s[i] & 0xC0) != 0x80)
			col++;
	return col;
}

/* Scans line as conf_split does; words may be NULL (only the comment's
 * place is wanted). Returns the byte where a comment starts (or the
 * end); sets *bad to the byte of a quote not closed, else SIZE_MAX. */
static size_t
scan(const char *line, struct buf *words, size_t *nwords, size_t *starts,
     size_t maxw, size_t *bad)
{
	size_t i = 0, n = 0;
	*bad = (size_t)-1;
	for (;;) {
		while (line[i] == ' ' || line[i] == '\t')
			i++;
		if (!line[i] || line[i] == '#')
			break;
		struct buf w = {0};
		size_t start = i;
		buf_adds(&w, "");
		while (line[i] && line[i] != ' ' && line[i] != '\t') {
			char q = line[i];
			if (q == '"' || q == '\'') {
				size_t open = i++;
				while (line[i] && line[i] != q) {
					if (q == '"' && line[i] == '\\' &&
					    (line[i + 1] == '"' || line[i + 1] == '\\'))
						i++;
					buf_addc(&w, line[i++]);
				}
				if (!line[i]) {
					*bad = open;
					buf_free(&w);
					if (nwords)
						*nwords = n;
					return i;
				}
				i++;
			} else if (q == '\\' && line[i + 1]) {
				buf_addc(&w, line[i + 1]);
				i += 2;
			} else {
				buf_addc(&w, line[i++]);
			}
		}
		if (words && n < maxw) {
			words[n] = w;
			starts[n] = start;
			n++;
		} else {
			buf_free(&w);
		}
	}
	if (nwords)
		*nwords = n;
	return i;
}

size_t
conf_comment_at(const char *line)
{
	size_t bad;
	size_t at = scan(line, NULL, NULL, NULL, 0, &bad);
	return bad == (size_t)-1 ? at : strlen(line);
}

bool
conf_split(const char *line, char ***words, size_t *n, unsigned **cols,
           struct buf *err)
{
	size_t max = strlen(line) / 2 + 2, nw = 0, bad;
	struct buf *w = xcalloc(max, sizeof(*w));
	size_t *starts = xcalloc(max, sizeof(*starts));
	scan(line, w, &nw, starts, max, &bad);
	if (bad != (size_t)-1) {
		for (size_t i = 0; i < nw; i++)
			buf_free(&w[i]);
		free(w);
		free(starts);
		if (err)
			buf_printf(err, "the %c at column %u is not closed",
			           line[bad], column_of(line, bad));
		*words = NULL;
		*n = 0;
		if (cols)
			*cols = NULL;
		return false;
	}
	*words = xcalloc(nw ? nw : 1, sizeof(**words));
	if (cols)
		*cols = xcalloc(nw ? nw : 1, sizeof(**cols));
	for (size_t i = 0; i < nw; i++) {
		(*words)[i] = buf_steal(&w[i]);
		if (cols)
			(*cols)[i] = column_of(line, starts[i]);
	}
	*n = nw;
	free(w);
	free(starts);
	return true;
}

void
conf_words_free(char **words, size_t n, unsigned *cols)
{
	for (size_t i = 0; words && i < n; i++)
		free(words[i]);
	free(words);
	free(cols);
}

static size_t load_file(struct conf *c, const char *path,
                        const struct conf_origin *from, struct conf_result *r);

void
conf_do_source(struct conf *c, char **w, size_t n,
               const struct conf_origin *o, struct conf_result *r)
{
	struct buf *m = &r->msg;
	r->did = CONF_DID_ERROR;
	if (n != 2) {
		buf_adds(m, n < 2 ? "source: expected a FILE"
		                  : "source: one FILE (quote a name with "
		                    "blanks)");
		return;
	}
	struct buf path = {0};
	const char *home = getenv("HOME");
	if (w[1][0] == '~' && (w[1][1] == '/' || !w[1][1]) && home && *home) {
		buf_printf(&path, "%s%s", home, w[1] + 1);
	} else if (w[1][0] != '/' && o->file && strchr(o->file, '/')) {
		const char *slash = strrchr(o->file, '/');
		buf_printf(&path, "%.*s/%s", (int)(slash - o->file), o->file,
		           w[1]);
	} else {
		buf_adds(&path, w[1]);
	}
	size_t before = c->nproblems;
	if (load_file(c, path.s, o, r) != (size_t)-1) {
		size_t np = c->nproblems - before;
		r->did = CONF_DID_SOURCE;
		buf_printf(m, "read %s", path.s);
		if (np)
			buf_printf(m, ": %zu problem%s (! lists them)", np,
			           np == 1 ? "" : "s");
	}
	buf_free(&path);
}

/* Records a problem of file at line. */
static void
add_problem(struct conf *c, const char *file, unsigned line,
            const char *msg)
{
	if (c->nproblems > CONF_MAX_PROBLEMS)
		return;
	if (c->nproblems == c->pcap) {
		c->pcap = c->pcap ? 2 * c->pcap : 8;
		c->problems = xrealloc(c->problems, c->pcap * sizeof(*c->problems));
	}
	bool last = c->nproblems == CONF_MAX_PROBLEMS;
	c->problems[c->nproblems++] = (struct conf_problem){
		file ? xstrdup(file) : NULL, line,
		xstrdup(last ? "too many problems: those after this one are "
		               "not listed" : msg)};
}

/* Notes the file read (or missing) for conf_changed_on_disk. */
static void
note_file(struct conf *c, const char *path, const struct stat *st)
{
	for (size_t i = 0; i < c->nfiles; i++)
		if (!strcmp(c->files[i].path, path))
			return;
	if (c->nfiles == c->filecap) {
		c->filecap = c->filecap ? 2 * c->filecap : 4;
		c->files = xrealloc(c->files, c->filecap * sizeof(*c->files));
	}
	struct conf_file f = {.path = xstrdup(path), .exists = st != NULL};
	if (st) {
		f.dev = st->st_dev;
		f.ino = st->st_ino;
		f.size = st->st_size;
		f.mtime = st->st_mtim;
	}
	c->files[c->nfiles++] = f;
}

/* Reads the file at path and runs its lines; from: the source line
 * (NULL for the config file itself). Returns the problems it recorded,
 * or (size_t)-1 when it could not be read at all (said in r for a
 * source, recorded for the config file, nothing when it is missing). */
static size_t
load_file(struct conf *c, const char *path, const struct conf_origin *from,
          struct conf_result *r)
{
	struct buf *m = &r->msg;
	struct buf why = {0};
	char real[PATH_MAX];
	size_t before = c->nproblems;
	bool top = !from;
	int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY | O_NONBLOCK);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		note_file(c, path, NULL);
		if (top && e == ENOENT)
			return 0;
		buf_printf(&why, "%scannot read %s: %s", top ? "" : "source: ",
		           path, strerror(e));
		goto fail;
	}
	if (!S_ISREG(st.st_mode)) {
		close(fd);
		buf_printf(&why, "%s%s is not a file", top ? "" : "source: ", path);
		goto fail;
	}
	if (st.st_size > CONF_MAX_FILE) {
		close(fd);
		buf_printf(&why, "%s%s is over 1 MiB: not read", top ? "" :
		           "source: ", path);
		goto fail;
	}
	if (!realpath(path, real))
		snprintf(real, sizeof(real), "%s", path);
	for (size_t i = 0; i < c->depth; i++) {
		if (!strcmp(c->reading[i], real)) {
			close(fd);
			buf_printf(&why, "source: %s is already being read (a "
			           "loop): not read again", path);
			goto fail;
		}
	}
	if (c->depth == CONF_MAX_DEPTH) {
		close(fd);
		buf_printf(&why, "source: files sourced %d deep: %s not read",
		           CONF_MAX_DEPTH, path);
		goto fail;
	}
	struct buf text = {0};
	char chunk[8192];
	ssize_t got;
	while ((got = read(fd, chunk, sizeof(chunk))) > 0 &&
	       text.len <= CONF_MAX_FILE)
		buf_add(&text, chunk, (size_t)got);
	int e = errno;
	close(fd);
	note_file(c, path, &st);
	if (got < 0) {
		buf_free(&text);
		buf_printf(&why, "%scannot read %s: %s", top ? "" : "source: ",
		           path, strerror(e));
		goto fail;
	}
	buf_adds(&text, "");
	c->reading[c->depth++] = xstrdup(real);
	const char *s = text.s;
	if (!strncmp(s, "\xef\xbb\xbf", 3)) /* a byte order mark */
		s += 3;
	unsigned lineno = 0;
	while (*s || s < text.s + text.len) {
		if (s >= text.s + text.len)
			break;
		lineno++;
		const char *nl = memchr(s, '\n', (size_t)(text.s + text.len - s));
		size_t len = nl ? (size_t)(nl - s) : strlen(s);
		size_t full = len;
		if (len && s[len - 1] == '\r')
			len--;
		struct conf_result lr = {0};
		struct conf_origin o = {path, lineno};
		if (memchr(s, '\0', len)) {
			add_problem(c, path, lineno, "a NUL byte: the line is not "
			            "read");
		} else if (!text_valid(s, len)) {
			add_problem(c, path, lineno, "not valid UTF-8: the line is "
			            "not read");
		} else if (len > CONF_MAX_LINE) {
			add_problem(c, path, lineno, "longer than 4096 bytes: the "
			            "line is not read");
		} else {
			char *line = xmalloc(len + 1);
			memcpy(line, s, len);
			line[len] = '\0';
			char **w;
			size_t n;
			struct buf err = {0};
			if (!conf_split(line, &w, &n, NULL, &err)) {
				add_problem(c, path, lineno, err.s);
			} else {
				conf_exec_words(c, w, n, &o, &lr);
				if (lr.did == CONF_DID_ERROR)
					add_problem(c, path, lineno, lr.msg.s);
				conf_words_free(w, n, NULL);
			}
			buf_free(&err);
			free(line);
		}
		buf_free(&lr.msg);
		s += full + (nl ? 1 : 0);
		if (!nl)
			break;
	}
	free(c->reading[--c->depth]);
	buf_free(&text);
	buf_free(&why);
	return c->nproblems - before;
fail:
	if (top)
		add_problem(c, path, 0, why.s);
	else
		buf_adds(m, why.s);
	buf_free(&why);
	return (size_t)-1;
}

size_t
conf_load(struct conf *c, const char *path)
{
	if (!path)
		path = c->path;
	if (!path)
		return 0;
	struct conf_result r = {0};
	size_t before = c->nproblems;
	load_file(c, path, NULL, &r);
	buf_free(&r.msg);
	return c->nproblems - before;
}

void
conf_exec(struct conf *c, const char *line, struct conf_result *r)
{
	struct conf_origin o = {NULL, 0};
	char **w;
	size_t n;
	r->did = CONF_DID_NOTHING;
	r->option = -1;
	r->query = NULL;
	r->name[0] = '\0';
	buf_clear(&r->msg);
	struct buf err = {0};
	if (!conf_split(line, &w, &n, NULL, &err)) {
		r->did = CONF_DID_ERROR;
		buf_adds(&r->msg, err.s);
		buf_free(&err);
		return;
	}
	conf_exec_words(c, w, n, &o, r);
	conf_words_free(w, n, NULL);
	buf_adds(&r->msg, "");
}

void
conf_problem_format(struct buf *out, const struct conf_problem *p)
{
	const char *f = p->file ? p->file : ":";
	text_sanitize(out, f, strlen(f), SAN_CARET_NL);
	if (p->line)
		buf_printf(out, ":%u", p->line);
	buf_adds(out, ": ");
	text_sanitize(out, p->msg, strlen(p->msg), SAN_CARET_NL);
}

bool
conf_changed_on_disk(const struct conf *c)
{
	for (size_t i = 0; i < c->nfiles; i++) {
		const struct conf_file *f = &c->files[i];
		struct stat st;
		bool exists = stat(f->path, &st) == 0;
		if (exists != f->exists)
			return true;
		if (exists && (st.st_dev != f->dev || st.st_ino != f->ino ||
		               st.st_size != f->size ||
		               st.st_mtim.tv_sec != f->mtime.tv_sec ||
		               st.st_mtim.tv_nsec != f->mtime.tv_nsec))
			return true;
	}
	return false;
}

void
conf_restat(struct conf *c)
{
	for (size_t i = 0; i < c->nfiles; i++) {
		struct conf_file *f = &c->files[i];
		struct stat st;
		f->exists = stat(f->path, &st) == 0;
		if (f->exists) {
			f->dev = st.st_dev;
			f->ino = st.st_ino;
			f->size = st.st_size;
			f->mtime = st.st_mtim;
		}
	}
}
