/* SPDX-License-Identifier: MIT */
/* snapshot: postings as they were read, one compact JSON object a line in
 * a JSON list, by id; read when first asked, merged with other processes'
 * writes, written atomically. */
#include "snapshot.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "canonical.h"
#include "export.h"
#include "identity.h"
#include "load.h"
#include "text.h"

/* One posting as read: its id and its JSON (both malloc'd). */
struct snap {
	char *id;
	char *json; /* NULL in an op: drop */
};

struct snapshots {
	char *path;
	bool loaded;        /* the file was read */
	bool have_disk;     /* disk describes it as last read or written */
	struct stat disk;
	struct snap *v;     /* by id, ascending */
	size_t n, cap;
	struct snap *ops;   /* changes not saved, in order */
	size_t nops, opcap;
};

struct snapshots *
snapshot_new(const char *path)
{
	struct snapshots *s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(path);
	return s;
}

static void
snaps_free(struct snap *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].id);
		free(v[i].json);
	}
}

void
snapshot_free(struct snapshots *s)
{
	if (!s)
		return;
	snaps_free(s->v, s->n);
	snaps_free(s->ops, s->nops);
	free(s->v);
	free(s->ops);
	free(s->path);
	free(s);
}

const char *
snapshot_path(const struct snapshots *s)
{
	return s->path;
}

/* Appends the JSON text without the white space between its tokens. */
static void
compact(struct buf *out, const char *s, size_t len)
{
	bool in = false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (in) {
			buf_addc(out, c);
			if (c == '\\' && i + 1 < len)
				buf_addc(out, s[++i]);
			else if (c == '"')
				in = false;
		} else if (c == '"') {
			in = true;
			buf_addc(out, c);
		} else if (c != ' ' && c != '\n' && c != '\t' && c != '\r') {
			buf_addc(out, c);
		}
	}
}

/* p as one line of compact JSON (malloc'd). */
static char *
json_of(const struct posting *p)
{
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);
	if (!f)
		die_nomem();
	export_show(f, p, FMT_JSON, 0, NULL);
	fclose(f);
	struct buf b = {0};
	compact(&b, data, len);
	free(data);
	return buf_steal(&b);
}

uint64_t
snapshot_fingerprint(const struct posting *p)
{
	struct arena a = {0};
	struct posting q;
	canonical_posting(p, &a, &q);
	char *j = json_of(&q);
	arena_free(&a);
	uint64_t h = identity_hash(j, strlen(j));
	free(j);
	return h;
}

/* Where id is in v[0..n), or where it would go. */
static size_t
find(const struct snap *v, size_t n, const char *id)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (strcmp(v[mid].id, id) < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

/* Applies one change to v: json (taken) kept for id, or dropped. */
static void
apply(struct snapshots *s, const char *id, char *json)
{
	size_t i = find(s->v, s->n, id);
	if (i < s->n && !strcmp(s->v[i].id, id)) {
		free(s->v[i].json);
		if (json) {
			s->v[i].json = json;
			return;
		}
		free(s->v[i].id);
		memmove(s->v + i, s->v + i + 1, (s->n - i - 1) * sizeof(*s->v));
		s->n--;
		return;
	}
	if (!json)
		return;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 16;
		s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	memmove(s->v + i + 1, s->v + i, (s->n - i) * sizeof(*s->v));
	s->v[i] = (struct snap){xstrdup(id), json};
	s->n++;
}

/* Records a change, and makes it in memory when the file was read. */
static void
change(struct snapshots *s, const char *id, char *json)
{
	if (s->nops == s->opcap) {
		s->opcap = s->opcap ? s->opcap * 2 : 16;
		s->ops = xrealloc(s->ops, s->opcap * sizeof(*s->ops));
	}
	s->ops[s->nops++] = (struct snap){xstrdup(id),
	                                  json ? xstrdup(json) : NULL};
	if (s->loaded)
		apply(s, id, json);
	else
		free(json);
}

void
snapshot_put(struct snapshots *s, const struct posting *p)
{
	change(s, p->id, json_of(p));
}

void
snapshot_drop(struct snapshots *s, const char *id)
{
	change(s, id, NULL);
}

bool
snapshot_pending(const struct snapshots *s)
{
	return s->nops > 0;
}

/* Reads the JSON string at *p (after its opening quote) into out;
 * false when it is not one. */
static bool
read_string(const char **p, const char *end, struct buf *out)
{
	const char *q = *p;
	while (q < end && *q != '"') {
		if (*q != '\\') {
			buf_addc(out, *q++);
			continue;
		}
		if (++q >= end)
			return false;
		char c = *q++;
		const char *plain = strchr("\"\\/bfnrt", c);
		if (plain && c) {
			static const char to[] = "\"\\/\b\f\n\r\t";
			buf_addc(out, to[plain - "\"\\/bfnrt"]);
			continue;
		}
		if (c != 'u' || end - q < 4)
			return false;
		char hex[5] = {q[0], q[1], q[2], q[3], 0};
		char *e;
		unsigned long cp = strtoul(hex, &e, 16);
		if (*e)
			return false;
		q += 4;
		if (cp >= 0xD800 && cp <= 0xDBFF && end - q >= 6 && q[0] == '\\' &&
		    q[1] == 'u') {
			char lo[5] = {q[2], q[3], q[4], q[5], 0};
			unsigned long l = strtoul(lo, &e, 16);
			if (!*e && l >= 0xDC00 && l <= 0xDFFF) {
				cp = 0x10000 + ((cp - 0xD800) << 10) + (l - 0xDC00);
				q += 6;
			}
		}
		char enc[4];
		buf_add(out, enc, text_encode((uint32_t)cp, enc));
	}
	if (q >= end)
		return false;
	*p = q + 1;
	return true;
}

/* Decodes the file: "[", a line per posting ending in ",", but the last,
 * "]"; false when it is not so. */
static bool
decode(struct snapshots *s, const char *d, size_t len)
{
	const char *end = d + len;
	if (len < 4 || memcmp(d, "[\n", 2) != 0 || memcmp(end - 2, "]\n", 2))
		return false;
	const char *p = d + 2;
	end -= 2;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		if (!nl)
			return false;
		const char *stop = nl;
		if (stop > p && stop[-1] == ',')
			stop--;
		static const char head[] = "{\"id\":\"";
		if (stop - p < (ptrdiff_t)sizeof(head) || stop[-1] != '}' ||
		    memcmp(p, head, sizeof(head) - 1) != 0)
			return false;
		const char *q = p + sizeof(head) - 1;
		struct buf id = {0};
		if (!read_string(&q, stop, &id) || !id.len) {
			buf_free(&id);
			return false;
		}
		apply(s, id.s, xstrndup(p, (size_t)(stop - p)));
		buf_free(&id);
		p = nl + 1;
	}
	return true;
}

/* Says that the file is damaged, and rebuilt. */
static void
damaged(const struct snapshots *s, char *msg, size_t size)
{
	if (!msg || !size)
		return;
	struct buf p = {0};
	text_sanitize(&p, s->path, strlen(s->path), SAN_CARET_NL);
	snprintf(msg, size, "%s is damaged: it is rebuilt, and what postings "
	         "said when they were read before is lost (your marks, notes "
	         "and ratings are in the state file, untouched)", p.s);
	buf_free(&p);
}

/* Reads the file into v (emptied first), unless it is the version read
 * or written last: 1 read (or missing), 0 the same, -1 damaged, -2 not
 * readable (msg says which). */
static int
read_file(struct snapshots *s, bool skip_same, char *msg, size_t size)
{
	int fd = open(s->path, O_RDONLY | O_CLOEXEC);
	struct stat sb;
	if (fd < 0 || fstat(fd, &sb) != 0) {
		int e = errno;
		if (fd >= 0)
			close(fd);
		snaps_free(s->v, s->n);
		s->n = 0;
		if (e == ENOENT) {
			s->have_disk = false;
			return 1;
		}
		if (msg && size)
			snprintf(msg, size, "cannot read %s: %s", s->path,
			         strerror(e));
		return -2;
	}
	if (skip_same && s->have_disk && sb.st_ino == s->disk.st_ino &&
	    sb.st_dev == s->disk.st_dev && sb.st_size == s->disk.st_size &&
	    sb.st_mtim.tv_sec == s->disk.st_mtim.tv_sec &&
	    sb.st_mtim.tv_nsec == s->disk.st_mtim.tv_nsec) {
		close(fd);
		return 0;
	}
	struct buf b = {0};
	char chunk[65536];
	ssize_t r;
	while ((r = read(fd, chunk, sizeof(chunk))) > 0 ||
	       (r < 0 && errno == EINTR))
		if (r > 0)
			buf_add(&b, chunk, (size_t)r);
	close(fd);
	s->disk = sb;
	s->have_disk = true;
	snaps_free(s->v, s->n);
	s->n = 0;
	bool ok = r == 0 && decode(s, b.s ? b.s : "", b.len);
	buf_free(&b);
	if (!ok) {
		snaps_free(s->v, s->n);
		s->n = 0;
		damaged(s, msg, size);
		return -1;
	}
	return 1;
}

/* Reads the file when it was not; this run's changes over it. */
static void
load(struct snapshots *s, char *msg, size_t size)
{
	if (s->loaded)
		return;
	s->loaded = true;
	read_file(s, false, msg, size);
	for (size_t i = 0; i < s->nops; i++)
		apply(s, s->ops[i].id,
		      s->ops[i].json ? xstrdup(s->ops[i].json) : NULL);
}

const struct posting *
snapshot_get(struct snapshots *s, const char *id, struct catalog *c,
             char *msg, size_t size)
{
	if (msg && size)
		msg[0] = '\0';
	load(s, msg, size);
	size_t i = find(s->v, s->n, id);
	if (i >= s->n || strcmp(s->v[i].id, id))
		return NULL;
	size_t before = c->n;
	load_buffer(c, s->path, s->v[i].json, strlen(s->v[i].json), NULL);
	return c->n > before ? c->v[before] : NULL;
}

size_t
snapshot_count(struct snapshots *s)
{
	load(s, NULL, 0);
	return s->n;
}

enum atomic_result
snapshot_save(struct snapshots *s, char *msg, size_t size)
{
	if (msg && size)
		msg[0] = '\0';
	if (!s->nops)
		return ATOMIC_DONE;
	char why[512] = "";
	int r = read_file(s, s->loaded, why, sizeof(why));
	if (r == -2) {
		/* not replaced: it may be whole, only unreadable now */
		if (msg && size)
			snprintf(msg, size, "%s", why);
		s->loaded = false; /* read again when next asked */
		return ATOMIC_FAILED;
	}
	if (r != 0) /* read anew: this run's changes over it */
		for (size_t i = 0; i < s->nops; i++)
			apply(s, s->ops[i].id, s->ops[i].json
			      ? xstrdup(s->ops[i].json) : NULL);
	s->loaded = true;
	struct buf b = {0};
	buf_adds(&b, "[\n");
	for (size_t i = 0; i < s->n; i++) {
		buf_adds(&b, s->v[i].json);
		buf_adds(&b, i + 1 < s->n ? ",\n" : "\n");
	}
	buf_adds(&b, "]\n");
	char wmsg[768];
	enum atomic_result res = atomic_write(s->path, b.s, b.len, 0600, true,
	                                      wmsg, sizeof(wmsg));
	buf_free(&b);
	if (res == ATOMIC_DONE || res == ATOMIC_UNSYNCED) {
		struct stat sb;
		s->have_disk = stat(s->path, &sb) == 0;
		if (s->have_disk)
			s->disk = sb;
	}
	if (res == ATOMIC_DONE) {
		snaps_free(s->ops, s->nops);
		s->nops = 0;
		if (r < 0 && msg && size)
			snprintf(msg, size, "%s", why);
	} else if (msg && size) {
		snprintf(msg, size, "%s", wmsg);
	}
	return res;
}
