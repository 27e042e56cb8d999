/* SPDX-License-Identifier: MIT */
/* import: sources -> postings -> posting files. A source is read as the
 * loader reads its kind (plain text through load_text); each posting is
 * written by export's YAML writer under a comment that says where it
 * came from, atomically, never over a file that exists unless asked. */
#include "import.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "atomic.h"
#include "export.h"

/* The extension of path's base name (with its dot), or "". */
static const char *
ext_of(const char *path)
{
	const char *base = strrchr(path, '/');
	base = base ? base + 1 : path;
	const char *dot = strrchr(base, '.');
	return dot && dot != base ? dot : "";
}

/* Reads all of fd, at most max bytes (one more tells it is bigger). */
static bool
read_all(int fd, size_t max, struct buf *b, bool *too_big)
{
	char chunk[65536];
	*too_big = false;
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return false;
		if (n == 0)
			break;
		if ((size_t)n > max - b->len) {
			*too_big = true;
			return true;
		}
		buf_add(b, chunk, (size_t)n);
	}
	buf_adds(b, "");
	return true;
}

/* True when the text reads as YAML: a "---" or a directive first, or
 * every line at the margin a "key:" or a "- " item (a comment, a blank
 * line or an indented line aside), at least one of them a key. */
static bool
looks_yaml(const char *s, size_t len)
{
	size_t keys = 0, lines = 0;
	for (size_t i = 0; i < len && lines < 200;) {
		const char *nl = memchr(s + i, '\n', len - i);
		size_t e = nl ? (size_t)(nl - s) : len;
		const char *l = s + i;
		size_t ll = e - i;
		i = e + 1;
		while (ll && (l[ll - 1] == '\r' || l[ll - 1] == ' '))
			ll--;
		if (!ll || l[0] == '#' || l[0] == ' ' || l[0] == '\t')
			continue;
		lines++;
		if (keys == 0 && lines == 1 && (!strncmp(l, "---", 3) || l[0] == '%'))
			return true;
		if (!strncmp(l, "---", 3) || !strncmp(l, "...", 3) ||
		    (ll >= 2 && l[0] == '-' && l[1] == ' '))
			continue;
		const char *colon = memchr(l, ':', ll);
		if (!colon || colon == l || memchr(l, ' ', (size_t)(colon - l)) ||
		    (colon + 1 < l + ll && colon[1] != ' '))
			/* a key has no blank in it here: "Deadline date:
			 * ..." is text */
			return false;
		keys++;
	}
	return keys > 0;
}

/* What bytes of no known extension are: by the server's type when there
 * is one, else by their first characters. */
static const char *
sniff(const char *s, size_t len, const char *type)
{
	if (type) {
		if (strstr(type, "json"))
			return "JSON";
		if (strstr(type, "html"))
			return "an HTML page";
		if (strstr(type, "yaml"))
			return "YAML";
		if (strstr(type, "xml"))
			return "XML";
	}
	size_t i = 0;
	if (len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3))
		i = 3;
	while (i < len && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
	                   s[i] == '\n'))
		i++;
	if (i < len && (s[i] == '{' || s[i] == '['))
		return "JSON";
	if ((len - i >= 5 && !memcmp(s + i, "<?xml", 5)) ||
	    (len - i >= 13 && !memcmp(s + i, "<workzag-jobs", 13)))
		return "XML";
	if (i < len && s[i] == '<')
		return "an HTML page";
	if (looks_yaml(s + i, len - i))
		return "YAML";
	return "plain text";
}

/* The length of the host of URL u after its "://", or 0. */
static size_t
host_len(const char *u)
{
	const char *h = strstr(u, "://");
	return h ? strcspn(h + 3, "/:?#") : 0;
}

char *
import_personio_page(const char *url, const char *id)
{
	static const char jobs[] = ".jobs.personio.";
	if (!url || !id || strncmp(id, "personio-", 9) || !id[9] ||
	    strspn(id + 9, "0123456789") != strlen(id + 9) ||
	    (strncmp(url, "https://", 8) && strncmp(url, "http://", 7)))
		return NULL;
	const char *host = strstr(url, "://") + 3;
	size_t hl = host_len(url);
	/* COMPANY.jobs.personio.TLD */
	const char *j = text_find(host, hl, jobs, sizeof(jobs) - 1);
	if (!j || j == host)
		return NULL;
	const char *tld = j + sizeof(jobs) - 1;
	size_t tl = hl - (size_t)(tld - host);
	if (!tl || memchr(tld, '.', tl) || memchr(host, '@', hl))
		return NULL;
	const char *path = host + hl;
	if (*path == ':')
		path += strcspn(path, "/?#");
	if (strncmp(path, "/xml", 4) || !strchr("/?#", path[4]))
		return NULL;
	struct buf b = {0};
	buf_add(&b, url, (size_t)(path - url));
	buf_printf(&b, "/job/%s", id + 9);
	return buf_steal(&b);
}

/* The name a draft with no title line takes: the file's stem, a URL's
 * last part, "stdin". */
static char *
stand_in(const char *src)
{
	if (!strcmp(src, "-"))
		return xstrdup("stdin");
	const char *s = src;
	if (fetch_is_url(s)) {
		s = strstr(s, "://") + 3;
		size_t len = strcspn(s, "?#");
		while (len && s[len - 1] == '/')
			len--;
		const char *slash = NULL;
		for (size_t i = 0; i < len; i++)
			if (s[i] == '/')
				slash = s + i;
		return slash ? xstrndup(slash + 1, len - (size_t)(slash + 1 - s))
		             : xstrndup(s, len);
	}
	const char *base = strrchr(s, '/');
	base = base ? base + 1 : s;
	const char *dot = strrchr(base, '.');
	return dot && dot != base ? xstrndup(base, (size_t)(dot - base))
	                          : xstrdup(base);
}

/* Reads bytes of the given kind into s. */
static void
read_bytes(struct import_source *s, const char *src, const char *kind,
           const char *bytes, size_t len, const struct import_opts *o)
{
	s->kind = kind;
	if (!strcmp(kind, "plain text")) {
		char *fallback = stand_in(src);
		struct text_import ti = {.title = o->title, .fallback = fallback,
		                         .source = s->url, .check = &s->check};
		load_text(&s->cat, s->name, bytes, len, o->limits, &ti);
		free(fallback);
		return;
	}
	load_buffer(&s->cat, s->name, bytes, len, o->limits);
}

bool
import_read(const char *src, const struct import_opts *o,
            struct import_source *s)
{
	*s = (struct import_source){0};
	catalog_init(&s->cat);
	const struct load_limits *lim = o->limits ? o->limits
	                                          : &load_default_limits;
	if (!strcmp(src, "-")) {
		s->name = xstrdup("stdin");
		struct buf b = {0};
		bool big;
		if (!read_all(STDIN_FILENO, lim->max_file, &b, &big)) {
			snprintf(s->error, sizeof(s->error), "cannot read standard "
			         "input: %s", strerror(errno));
		} else if (big) {
			snprintf(s->error, sizeof(s->error), "standard input is "
			         "larger than the limit of %zu bytes (see "
			         "--max-file)", lim->max_file);
		} else {
			read_bytes(s, src, sniff(b.s ? b.s : "", b.len, NULL),
			           b.s ? b.s : "", b.len, o);
		}
		buf_free(&b);
		return !s->error[0];
	}
	if (fetch_is_url(src)) {
		s->name = xstrdup(src);
		struct fetch_result r;
		struct fetch_limits fl = o->fetch;
		fl.max_bytes = lim->max_file;
		if (!fetch_url(src, &fl, &r)) {
			snprintf(s->error, sizeof(s->error), "%s", r.error);
			return false;
		}
		s->url = r.final_url;
		r.final_url = NULL;
		char *path = xstrndup(s->url, strcspn(s->url, "?#"));
		bool txt = !strcasecmp(ext_of(path), ".txt");
		free(path);
		const char *kind = txt
		                   ? "plain text"
		                   : sniff(r.body, r.len, r.content_type);
		if (r.content_type && !strncasecmp(r.content_type, "text/plain", 10))
			kind = sniff(r.body, r.len, NULL);
		read_bytes(s, src, kind, r.body, r.len, o);
		/* the URL it came from (a Personio position's own page),
		 * unless the posting says its own */
		for (size_t i = 0; i < s->cat.n; i++) {
			struct posting *p = s->cat.v[i];
			if (p->source)
				continue;
			char *page = import_personio_page(s->url, p->id);
			p->source = arena_strdup(&s->cat.arena,
			                         page ? page : s->url);
			free(page);
		}
		fetch_result_free(&r);
		return true;
	}
	s->name = xstrdup(src);
	struct stat st;
	if (stat(src, &st) != 0) {
		snprintf(s->error, sizeof(s->error), "%s: %s", src,
		         strerror(errno));
		return false;
	}
	enum load_kind k = load_kind_of(src);
	if (S_ISDIR(st.st_mode) || k != LOAD_OTHER) {
		s->kind = load_kind_name(k);
		load_path(&s->cat, src, lim);
		return true;
	}
	int fd = open(src, O_RDONLY | O_CLOEXEC);
	struct buf b = {0};
	bool big = false;
	if (fd < 0 || !read_all(fd, lim->max_file, &b, &big)) {
		snprintf(s->error, sizeof(s->error), "%s: %s", src,
		         strerror(errno));
	} else if (big) {
		snprintf(s->error, sizeof(s->error), "%s: larger than the limit "
		         "of %zu bytes (see --max-file)", src, lim->max_file);
	} else {
		const char *ext = ext_of(src);
		bool txt = !strcasecmp(ext, ".txt") || !strcasecmp(ext, ".text");
		read_bytes(s, src, txt ? "plain text"
		                       : sniff(b.s ? b.s : "", b.len, NULL),
		           b.s ? b.s : "", b.len, o);
	}
	if (fd >= 0)
		close(fd);
	buf_free(&b);
	return !s->error[0];
}

void
import_source_free(struct import_source *s)
{
	catalog_free(&s->cat);
	free(s->name);
	free(s->url);
	buf_free(&s->check);
	*s = (struct import_source){0};
}

/* Appends a comment line: "# " and text on one line, nothing a terminal
 * would obey. */
static void
comment(struct buf *out, const char *text)
{
	struct buf one = {0};
	for (const char *p = text; *p; p++)
		buf_addc(&one, *p == '\n' || *p == '\r' || *p == '\t' ? ' ' : *p);
	buf_adds(out, "# ");
	if (one.s)
		text_sanitize(out, one.s, one.len, 0);
	buf_addc(out, '\n');
	buf_free(&one);
}

/* When: $BILLET_TODAY when set (scripts, tests), else the time now in
 * UTC. */
static void
when(struct buf *out)
{
	const char *today = getenv("BILLET_TODAY");
	if (today && *today) {
		buf_adds(out, today);
		return;
	}
	time_t t = time(NULL);
	struct tm tm;
	char s[32];
	gmtime_r(&t, &tm);
	strftime(s, sizeof(s), "%Y-%m-%d %H:%M UTC", &tm);
	buf_adds(out, s);
}

void
import_yaml(struct buf *out, const struct import_source *s,
            const struct posting *p)
{
	struct buf line = {0};
	buf_printf(&line, "Imported by billet from %s (%s) on ", s->name,
	           s->kind ? s->kind : "a file billet reads");
	when(&line);
	buf_addc(&line, '.');
	comment(out, line.s);
	if (s->url && strcmp(s->url, s->name)) {
		buf_clear(&line);
		buf_printf(&line, "The URL led to %s.", s->url);
		comment(out, line.s);
	}
	if (s->kind && !strcmp(s->kind, "plain text")) {
		comment(out, "A draft read from plain text: check it against the "
		        "text, then delete these lines.");
		for (const char *q = s->check.s; q && *q;) {
			const char *nl = strchr(q, '\n');
			size_t len = nl ? (size_t)(nl - q) : strlen(q);
			buf_clear(&line);
			buf_adds(&line, "- ");
			buf_add(&line, q, len);
			comment(out, line.s);
			q += len + (nl ? 1 : 0);
		}
	}
	buf_free(&line);
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);
	if (!f)
		die_nomem();
	export_show(f, p, FMT_YAML, 80, NULL);
	if (fclose(f) != 0)
		die_nomem();
	buf_add(out, data, len);
	free(data);
}

char *
import_file_name(const char *id)
{
	struct buf b = {0};
	for (const char *p = id; *p && b.len < 100; p++) {
		char c = *p;
		bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		          (c >= '0' && c <= '9') || c == '_' ||
		          ((c == '-' || c == '.') && b.len &&
		           b.s[b.len - 1] != '-' && b.s[b.len - 1] != '.');
		/* nothing but a letter, digit or '_' first; one '-' for
		 * a run of anything else */
		if (!ok && (!b.len || b.s[b.len - 1] == '-' ||
		            b.s[b.len - 1] == '.'))
			continue;
		buf_addc(&b, ok ? c : '-');
	}
	while (b.len && (b.s[b.len - 1] == '-' || b.s[b.len - 1] == '.'))
		b.s[--b.len] = '\0';
	if (!b.len)
		buf_adds(&b, "posting");
	buf_adds(&b, ".yaml");
	return buf_steal(&b);
}

/* Makes dir and the directories above it that are missing. */
static bool
make_dirs(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) == 0)
		return S_ISDIR(st.st_mode) || (errno = ENOTDIR, false);
	char *d = xstrdup(dir);
	for (char *p = d + 1; *p; p++) {
		if (*p != '/')
			continue;
		*p = '\0';
		if (mkdir(d, 0777) != 0 && errno != EEXIST) {
			free(d);
			return false;
		}
		*p = '/';
	}
	bool ok = mkdir(d, 0777) == 0 || errno == EEXIST;
	free(d);
	return ok;
}

enum import_result
import_write(const char *dir, const struct import_source *s,
             const struct posting *p, bool force, char *const *taken,
             size_t ntaken, char **path, char *msg, size_t size)
{
	*path = NULL;
	if (!make_dirs(dir)) {
		snprintf(msg, size, "cannot make the directory %s: %s", dir,
		         strerror(errno));
		return IMPORT_FAILED;
	}
	char *name = import_file_name(p->id);
	struct buf full = {0};
	/* a name this run wrote already gets -2, -3... */
	for (unsigned k = 1;; k++) {
		buf_clear(&full);
		if (k == 1)
			buf_printf(&full, "%s/%s", dir, name);
		else
			buf_printf(&full, "%s/%.*s-%u.yaml", dir,
			           (int)(strlen(name) - 5), name, k);
		bool used = false;
		for (size_t i = 0; i < ntaken && !used; i++)
			used = !strcmp(taken[i], full.s);
		if (!used)
			break;
	}
	free(name);
	struct buf data = {0};
	import_yaml(&data, s, p);
	mode_t um = umask(0);
	umask(um);
	enum atomic_result r = atomic_write(full.s, data.s, data.len,
	                                    0666 & ~um, force, msg, size);
	buf_free(&data);
	*path = buf_steal(&full);
	switch (r) {
	case ATOMIC_EXISTS:
		return IMPORT_EXISTS;
	case ATOMIC_FAILED:
		return IMPORT_FAILED;
	default:
		/* ATOMIC_UNSYNCED: the file is there; msg says the rest */
		return IMPORT_WRITTEN;
	}
}

/* Prints the problems of a source's load, as --check does. */
static void
say_problems(const struct catalog *c)
{
	struct buf b = {0};
	for (size_t i = 0; i < c->nproblems; i++) {
		buf_clear(&b);
		problem_format(&b, &c->problems[i]);
		buf_addc(&b, '\n');
		fwrite(b.s, 1, b.len, stderr);
	}
	buf_free(&b);
}

int
import_run(char *const *sources, size_t n, const struct import_opts *o,
           FILE *out)
{
	int status = 0;
	char **taken = NULL;
	size_t ntaken = 0;
	size_t docs = 0;
	for (size_t i = 0; i < n; i++) {
		struct import_source s;
		if (!import_read(sources[i], o, &s)) {
			say("%s", s.error);
			status = 1;
			import_source_free(&s);
			continue;
		}
		say_problems(&s.cat);
		if (s.cat.nerrors)
			status = 1;
		if (s.cat.n == 0) {
			say("%s: no posting found: nothing imported", s.name);
			status = 1;
		}
		for (const char *q = s.check.s; q && *q && s.cat.n;) {
			const char *nl = strchr(q, '\n');
			size_t len = nl ? (size_t)(nl - q) : strlen(q);
			if (!o->quiet)
				say("%s: check %.*s", s.name, (int)len, q);
			q += len + (nl ? 1 : 0);
		}
		for (size_t k = 0; k < s.cat.n; k++) {
			const struct posting *p = s.cat.v[k];
			if (!o->out) {
				struct buf b = {0};
				import_yaml(&b, &s, p);
				fputs(docs++ ? "---\n" : "", out);
				fwrite(b.s, 1, b.len, out);
				buf_free(&b);
				continue;
			}
			char *path, msg[1200];
			enum import_result r = import_write(o->out, &s, p, o->force,
			                                    taken, ntaken, &path,
			                                    msg, sizeof(msg));
			if (r == IMPORT_EXISTS) {
				say("%s exists: not overwritten (--force replaces "
				    "it)", path);
				status = 1;
			} else if (r == IMPORT_FAILED) {
				say("%s", msg);
				status = 1;
			} else {
				if (!o->quiet)
					say("%s: wrote %s (%s)", s.name, path, p->id);
				taken = xrealloc(taken, (ntaken + 1) * sizeof(*taken));
				taken[ntaken++] = path;
				path = NULL;
			}
			free(path);
		}
		import_source_free(&s);
	}
	for (size_t i = 0; i < ntaken; i++)
		free(taken[i]);
	free(taken);
	return status;
}
