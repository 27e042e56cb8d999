/* SPDX-License-Identifier: MIT */
/* state: the user's marks, notes, ratings and status in a YAML file keyed
 * by posting id. Read with libyaml events, written with libyaml's emitter;
 * every save takes a lock, merges what another process wrote, writes a
 * temporary file, syncs it and renames it over the old one. */
#include "state.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <pwd.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

#include "text.h"

/* ---- the calls saving goes through ---- */

struct state_io state_io = {
	.write = write,
	.fsync = fsync,
	.rename = rename,
	.lock_wait_ms = 5000,
};

/* ---- memory ---- */

/* Fills err (may be NULL) printf-style. */
static void
seterr(struct state_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

static void
seterr(struct state_error *err, const char *fmt, ...)
{
	if (!err)
		return;
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(err->msg, sizeof(err->msg), fmt, ap);
	va_end(ap);
	err->why = 0;
	err->replaced = false;
}

/* What a failed save means for the changes of a run. */
#define NOT_SAVED "state not saved (kept in memory, will retry): "

/* Fills err (may be NULL) with what, then the cause printf-style, and
 * marks where the cause begins. */
static void
seterr_cause(struct state_error *err, const char *what, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
seterr_cause(struct state_error *err, const char *what, const char *fmt, ...)
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
}

/* A string made safe to show on one line: controls (a newline as ^J)
 * and bidi overrides visible. */
static char *
shown(const char *s, size_t len)
{
	struct buf b = {0};
	text_sanitize(&b, s, len, SAN_CARET_NL);
	return buf_steal(&b);
}

/* ---- kept values: unknown keys of an entry, as they were written ---- */

enum kept_kind { K_SCALAR, K_SEQ, K_MAP };

/* A YAML node kept to be written back: a scalar, or a sequence, or a
 * mapping whose kids alternate key and value. Owns everything below. */
struct kept {
	enum kept_kind kind;
	char *s;            /* K_SCALAR: the text (len bytes, NUL added) */
	size_t len;
	char *tag;          /* an explicit tag, or NULL */
	int style;          /* the yaml_*_style_t it was written in */
	bool implicit;      /* plain_implicit, or the collection's implicit */
	bool qimplicit;     /* quoted_implicit */
	struct kept *kids;  /* items, or keys and values */
	size_t n, cap;
};

static void
kept_free(struct kept *k)
{
	for (size_t i = 0; i < k->n; i++)
		kept_free(&k->kids[i]);
	free(k->kids);
	free(k->s);
	free(k->tag);
	memset(k, 0, sizeof(*k));
}

static void
kept_push(struct kept *parent, struct kept *child)
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

/* Fields, as bits of a mask. */
enum {
	F_MARK = 1, F_HIDDEN = 2, F_READ = 4, F_SEEN = 8, F_RATING = 16,
	F_STATUS = 32, F_NOTE = 64,
};

/* One posting's entry; pub is what state_get shows. */
struct entry {
	struct state_entry pub;
	char *id;         /* owned; pub.id points here */
	char *note;       /* owned; pub.note points here, NULL when none */
	unsigned pending; /* fields changed here and not saved yet */
	unsigned gen;     /* merge generation that last saw it on disk */
	unsigned line;    /* where it was read from, 1-based */
	struct kept extra; /* K_MAP of unknown keys, n == 0 when none */
};

static void
entry_free(struct entry *e)
{
	if (!e)
		return;
	free(e->id);
	free(e->note);
	kept_free(&e->extra);
	free(e);
}

static struct entry *
entry_new(const char *id, size_t len)
{
	struct entry *e = xcalloc(1, sizeof(*e));
	e->id = xstrndup(id, len);
	e->pub.id = e->id;
	e->extra.kind = K_MAP;
	return e;
}

/* Entries by id: an array in file order and an open-addressing hash of
 * indices + 1 (0: empty). Owns the entries. */
struct table {
	struct entry **v;
	size_t n, cap;
	uint32_t *slot;
	size_t nslot; /* a power of two, or 0 */
};

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

static struct entry *
table_find(const struct table *t, const char *id)
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
		if (!t->v[j])
			continue;
		size_t i = hash_id(t->v[j]->id) & (nslot - 1);
		while (t->slot[i])
			i = (i + 1) & (nslot - 1);
		t->slot[i] = (uint32_t)(j + 1);
	}
}

/* Adds e, whose id is not in t yet. */
static void
table_add(struct table *t, struct entry *e)
{
	if (t->n >= UINT32_MAX - 1)
		die_nomem();
	if (t->n == t->cap) {
		t->cap = t->cap ? t->cap * 2 : 64;
		t->v = xrealloc(t->v, t->cap * sizeof(*t->v));
	}
	t->v[t->n++] = e;
	if ((t->n + 1) * 2 > t->nslot) {
		table_rehash(t, t->nslot ? t->nslot * 2 : 128);
		return;
	}
	size_t i = hash_id(e->id) & (t->nslot - 1);
	while (t->slot[i])
		i = (i + 1) & (t->nslot - 1);
	t->slot[i] = (uint32_t)t->n;
}

static void
table_free(struct table *t)
{
	for (size_t i = 0; i < t->n; i++)
		entry_free(t->v[i]);
	free(t->v);
	free(t->slot);
	memset(t, 0, sizeof(*t));
}

/* ---- the state ---- */

struct state {
	char *path;        /* the file */
	char *lockpath;    /* path + ".lock" */
	char *dir;         /* its directory */
	char *base;        /* its name in dir */
	struct table t;    /* every entry */
	bool readonly;     /* never write: the file did not parse */
	char problem[1024]; /* why readonly */
	bool have_disk;    /* disk describes the file last read or written */
	struct stat disk;
	int batch;         /* state_begin depth */
	bool unsaved;      /* some entry has pending fields */
	unsigned gen;      /* merge generation */
};

/* ---- reading ---- */

/* A parse in progress: the parser, its current event, where to report. */
struct reader {
	yaml_parser_t p;
	yaml_event_t ev;
	bool have;          /* ev holds an event to delete */
	const char *path;
	const char *data;   /* the file's bytes, for positions of reader errors */
	size_t len;
	struct state_error *err;
};

/* Fills the error with "path:line:col: message" at mark; returns false. */
static bool
rd_fail(struct reader *r, const yaml_mark_t *m, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool
rd_fail(struct reader *r, const yaml_mark_t *m, const char *fmt, ...)
{
	char msg[700];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	char *p = shown(r->path, strlen(r->path));
	seterr(r->err, "%s:%zu:%zu: %s", p, m->line + 1, m->column + 1, msg);
	free(p);
	return false;
}

/* Reports the parser's error; returns false. */
static bool
rd_parser_error(struct reader *r)
{
	yaml_parser_t *p = &r->p;
	const char *problem = p->problem ? p->problem : "cannot parse";
	if (p->error == YAML_MEMORY_ERROR)
		die_nomem();
	if (p->error == YAML_READER_ERROR) {
		/* only a byte offset is known: count lines and characters */
		yaml_mark_t m = {0};
		size_t end = p->problem_offset < r->len ? p->problem_offset
		                                        : r->len;
		for (size_t i = 0; i < end; i++) {
			if (r->data[i] == '\n') {
				m.line++;
				m.column = 0;
			} else if (((unsigned char)r->data[i] & 0xC0) != 0x80) {
				m.column++;
			}
		}
		if (p->problem_value != -1)
			return rd_fail(r, &m, "%s (byte 0x%02X)", problem,
			               (unsigned)p->problem_value & 0xFF);
		return rd_fail(r, &m, "%s", problem);
	}
	if (p->context)
		return rd_fail(r, &p->problem_mark, "%s (%s at line %zu)",
		               problem, p->context, p->context_mark.line + 1);
	return rd_fail(r, &p->problem_mark, "%s", problem);
}

/* Moves to the next event; false (error filled) on a parse error or an
 * alias, which the state file does not use. */
static bool
rd_next(struct reader *r)
{
	if (r->have) {
		yaml_event_delete(&r->ev);
		r->have = false;
	}
	if (!yaml_parser_parse(&r->p, &r->ev))
		return rd_parser_error(r);
	r->have = true;
	if (r->ev.type == YAML_ALIAS_EVENT)
		return rd_fail(r, &r->ev.start_mark,
		               "aliases (*name) are not allowed in the state "
		               "file");
	return true;
}

/* The current scalar's text. */
static const char *
sc_text(const struct reader *r)
{
	return (const char *)r->ev.data.scalar.value;
}

static size_t
sc_len(const struct reader *r)
{
	return r->ev.data.scalar.length;
}

/* True if the current event is a plain null scalar: "", ~, null. */
static bool
sc_null(const struct reader *r)
{
	if (r->ev.type != YAML_SCALAR_EVENT ||
	    r->ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
	    r->ev.data.scalar.tag)
		return false;
	const char *s = sc_text(r);
	return !*s || !strcmp(s, "~") || !strcmp(s, "null") ||
	       !strcmp(s, "Null") || !strcmp(s, "NULL");
}

/* Reads a boolean scalar (true/false, yes/no, on/off; null is false). */
static bool
rd_bool(struct reader *r, const char *field, bool *out)
{
	static const char *const yes[] = {"true", "yes", "on", "y"};
	static const char *const no[] = {"false", "no", "off", "n"};
	if (r->ev.type == YAML_SCALAR_EVENT) {
		if (sc_null(r)) {
			*out = false;
			return true;
		}
		for (size_t i = 0; i < 4; i++) {
			if (!strcasecmp(sc_text(r), yes[i])) {
				*out = true;
				return true;
			}
			if (!strcasecmp(sc_text(r), no[i])) {
				*out = false;
				return true;
			}
		}
	}
	return rd_fail(r, &r->ev.start_mark, "%s: expected true or false",
	               field);
}

/* Reads the rating: 0 to 5, null is 0. */
static bool
rd_rating(struct reader *r, int *out)
{
	if (r->ev.type == YAML_SCALAR_EVENT) {
		const char *s = sc_text(r);
		if (sc_null(r)) {
			*out = 0;
			return true;
		}
		if (sc_len(r) == 1 && s[0] >= '0' && s[0] <= '5') {
			*out = s[0] - '0';
			return true;
		}
	}
	return rd_fail(r, &r->ev.start_mark,
	               "rating: expected a number from 0 to 5");
}

/* Reads the status by name; null is none. */
static bool
rd_status(struct reader *r, int *out)
{
	if (r->ev.type == YAML_SCALAR_EVENT) {
		if (sc_null(r)) {
			*out = QSTATUS_NONE;
			return true;
		}
		int s = state_status_parse(sc_text(r));
		if (s >= 0 && strlen(sc_text(r)) == sc_len(r)) {
			*out = s;
			return true;
		}
	}
	return rd_fail(r, &r->ev.start_mark,
	               "status: expected none, interested, applied, "
	               "interviewing, offer, rejected or withdrawn");
}

/* Reads the note: any scalar; null or empty is none. */
static bool
rd_note(struct reader *r, char **out)
{
	if (r->ev.type != YAML_SCALAR_EVENT)
		return rd_fail(r, &r->ev.start_mark,
		               "note: expected text");
	if (sc_null(r) || sc_len(r) == 0) {
		*out = NULL;
		return true;
	}
	if (memchr(sc_text(r), '\0', sc_len(r)))
		return rd_fail(r, &r->ev.start_mark,
		               "note: contains a NUL character");
	*out = xstrndup(sc_text(r), sc_len(r));
	return true;
}

/* Copies the event's tag, or NULL. */
static char *
ev_tag(const yaml_char_t *tag)
{
	return tag ? xstrdup((const char *)tag) : NULL;
}

/* Reads the node that starts at the current event into k. */
static bool
rd_kept(struct reader *r, struct kept *k, int depth)
{
	if (depth > 64)
		return rd_fail(r, &r->ev.start_mark, "nested too deeply");
	yaml_event_t *ev = &r->ev;
	switch (ev->type) {
	case YAML_SCALAR_EVENT:
		k->kind = K_SCALAR;
		k->s = xstrndup(sc_text(r), sc_len(r));
		k->len = sc_len(r);
		k->tag = ev_tag(ev->data.scalar.tag);
		k->style = ev->data.scalar.style;
		k->implicit = ev->data.scalar.plain_implicit;
		k->qimplicit = ev->data.scalar.quoted_implicit;
		return true;
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT: {
		bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
		k->kind = seq ? K_SEQ : K_MAP;
		if (seq) {
			k->tag = ev_tag(ev->data.sequence_start.tag);
			k->style = ev->data.sequence_start.style;
			k->implicit = ev->data.sequence_start.implicit;
		} else {
			k->tag = ev_tag(ev->data.mapping_start.tag);
			k->style = ev->data.mapping_start.style;
			k->implicit = ev->data.mapping_start.implicit;
		}
		yaml_event_type_t end = seq ? YAML_SEQUENCE_END_EVENT
		                            : YAML_MAPPING_END_EVENT;
		for (;;) {
			if (!rd_next(r))
				return false;
			if (r->ev.type == end)
				return true;
			struct kept kid = {0};
			bool ok = rd_kept(r, &kid, depth + 1);
			kept_push(k, &kid);
			if (!ok)
				return false;
		}
	}
	default:
		return rd_fail(r, &ev->start_mark, "unexpected YAML event");
	}
}

/* The bit of a known field name, or 0. */
static unsigned
field_bit(const char *s)
{
	static const struct { const char *name; unsigned bit; } f[] = {
		{"marked", F_MARK}, {"hidden", F_HIDDEN}, {"read", F_READ},
		{"seen", F_SEEN}, {"rating", F_RATING}, {"status", F_STATUS},
		{"note", F_NOTE},
	};
	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (!strcmp(s, f[i].name))
			return f[i].bit;
	return 0;
}

/* Reads the fields of an entry; the current event is its MAPPING_START. */
static bool
rd_entry(struct reader *r, struct entry *e)
{
	unsigned got = 0;
	for (;;) {
		if (!rd_next(r))
			return false;
		if (r->ev.type == YAML_MAPPING_END_EVENT)
			return true;
		if (r->ev.type != YAML_SCALAR_EVENT)
			return rd_fail(r, &r->ev.start_mark,
			               "expected a field name (marked, rating, "
			               "note...)");
		unsigned bit = strlen(sc_text(r)) == sc_len(r)
		               ? field_bit(sc_text(r)) : 0;
		if (!bit) {
			struct kept key = {0};
			if (!rd_kept(r, &key, 0) || !rd_next(r)) {
				kept_free(&key);
				return false;
			}
			kept_push(&e->extra, &key);
			struct kept val = {0};
			bool ok = rd_kept(r, &val, 1);
			kept_push(&e->extra, &val);
			if (!ok)
				return false;
			continue;
		}
		char field[16];
		snprintf(field, sizeof(field), "%s", sc_text(r));
		if (got & bit)
			return rd_fail(r, &r->ev.start_mark,
			               "%s: given twice for this posting", field);
		got |= bit;
		if (!rd_next(r))
			return false;
		bool ok;
		switch (bit) {
		case F_MARK: ok = rd_bool(r, field, &e->pub.marked); break;
		case F_HIDDEN: ok = rd_bool(r, field, &e->pub.hidden); break;
		case F_READ: ok = rd_bool(r, field, &e->pub.read); break;
		case F_SEEN: ok = rd_bool(r, field, &e->pub.seen); break;
		case F_RATING: ok = rd_rating(r, &e->pub.rating); break;
		case F_STATUS: ok = rd_status(r, &e->pub.status); break;
		default:
			ok = rd_note(r, &e->note);
			e->pub.note = e->note;
			break;
		}
		if (!ok)
			return false;
	}
}

/* Parses a whole state file into t (entries' was_seen = seen). */
static bool
parse_state(const char *path, const char *data, size_t len,
            struct table *t, struct state_error *err)
{
	struct reader r = {.path = path, .data = data, .len = len,
	                   .err = err};
	if (!yaml_parser_initialize(&r.p))
		die_nomem();
	yaml_parser_set_input_string(&r.p, (const unsigned char *)data, len);
	bool ok = false;
	if (!rd_next(&r) || !rd_next(&r))
		goto out;
	if (r.ev.type == YAML_STREAM_END_EVENT) {
		ok = true; /* an empty file */
		goto out;
	}
	if (!rd_next(&r))
		goto out;
	if (r.ev.type == YAML_MAPPING_START_EVENT) {
		for (;;) {
			if (!rd_next(&r))
				goto out;
			if (r.ev.type == YAML_MAPPING_END_EVENT)
				break;
			if (r.ev.type != YAML_SCALAR_EVENT) {
				rd_fail(&r, &r.ev.start_mark,
				        "expected a posting id");
				goto out;
			}
			const char *id = sc_text(&r);
			size_t idlen = sc_len(&r);
			if (idlen == 0 || strlen(id) != idlen) {
				rd_fail(&r, &r.ev.start_mark,
				        idlen ? "a posting id contains a NUL "
				                "character"
				              : "empty posting id");
				goto out;
			}
			struct entry *old = table_find(t, id);
			if (old) {
				char *s = shown(id, idlen);
				rd_fail(&r, &r.ev.start_mark,
				        "'%s' appears twice (first at line %u)",
				        s, old->line);
				free(s);
				goto out;
			}
			struct entry *e = entry_new(id, idlen);
			e->line = (unsigned)r.ev.start_mark.line + 1;
			table_add(t, e);
			if (!rd_next(&r))
				goto out;
			if (sc_null(&r))
				continue;
			if (r.ev.type != YAML_MAPPING_START_EVENT) {
				char *s = shown(e->id, strlen(e->id));
				rd_fail(&r, &r.ev.start_mark,
				        "'%s': expected a mapping of fields "
				        "(marked, rating, note...)", s);
				free(s);
				goto out;
			}
			if (!rd_entry(&r, e))
				goto out;
			e->pub.was_seen = e->pub.seen;
		}
	} else if (!sc_null(&r)) {
		rd_fail(&r, &r.ev.start_mark,
		        "expected a mapping from posting ids to what is "
		        "recorded about them");
		goto out;
	}
	if (!rd_next(&r) || !rd_next(&r)) /* document end, stream end */
		goto out;
	if (r.ev.type != YAML_STREAM_END_EVENT) {
		rd_fail(&r, &r.ev.start_mark,
		        "a second document: the state file holds one");
		goto out;
	}
	ok = true;
out:
	if (r.have)
		yaml_event_delete(&r.ev);
	yaml_parser_delete(&r.p);
	return ok;
}

/* Reads the whole of fd into b. */
static bool
read_fd(int fd, struct buf *b)
{
	char chunk[65536];
	for (;;) {
		ssize_t n = read(fd, chunk, sizeof(chunk));
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		if (n == 0)
			return true;
		buf_add(b, chunk, (size_t)n);
	}
}

/* True if two stats describe the same version of a file. */
static bool
same_file(const struct stat *a, const struct stat *b)
{
	return a->st_dev == b->st_dev && a->st_ino == b->st_ino &&
	       a->st_size == b->st_size &&
	       a->st_mtim.tv_sec == b->st_mtim.tv_sec &&
	       a->st_mtim.tv_nsec == b->st_mtim.tv_nsec;
}

/* Results of load_file. */
enum load_result { LOAD_OK, LOAD_MISSING, LOAD_SAME, LOAD_UNREADABLE,
                   LOAD_BAD };

/* Reads and parses st's file into t, unless it is the version st last
 * saw (LOAD_SAME, when skip_same). *sb gets the file's stat. */
static enum load_result
load_file(struct state *st, struct table *t, struct stat *sb, bool skip_same,
          struct state_error *err)
{
	int fd = open(st->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return LOAD_MISSING;
		char *p = shown(st->path, strlen(st->path));
		seterr(err, "cannot read %s: %s", p, strerror(errno));
		free(p);
		return LOAD_UNREADABLE;
	}
	if (fstat(fd, sb) != 0) {
		int e = errno;
		close(fd);
		char *p = shown(st->path, strlen(st->path));
		seterr(err, "cannot read %s: %s", p, strerror(e));
		free(p);
		return LOAD_UNREADABLE;
	}
	if (skip_same && st->have_disk && same_file(sb, &st->disk)) {
		close(fd);
		return LOAD_SAME;
	}
	struct buf b = {0};
	if (!S_ISREG(sb->st_mode) || !read_fd(fd, &b)) {
		int e = S_ISREG(sb->st_mode) ? errno : EISDIR;
		if (!S_ISREG(sb->st_mode) && !S_ISDIR(sb->st_mode))
			e = EINVAL;
		close(fd);
		buf_free(&b);
		char *p = shown(st->path, strlen(st->path));
		seterr(err, "cannot read %s: %s", p,
		       e == EINVAL ? "not a regular file" : strerror(e));
		free(p);
		return LOAD_UNREADABLE;
	}
	close(fd);
	bool ok = parse_state(st->path, b.s ? b.s : "", b.len, t, err);
	buf_free(&b);
	if (!ok) {
		table_free(t);
		return LOAD_BAD;
	}
	return LOAD_OK;
}

/* Copies the fields in mask from d to e (moving the note). */
static void
take_fields(struct entry *e, struct entry *d, unsigned mask)
{
	if (mask & F_MARK)
		e->pub.marked = d ? d->pub.marked : false;
	if (mask & F_HIDDEN)
		e->pub.hidden = d ? d->pub.hidden : false;
	if (mask & F_READ)
		e->pub.read = d ? d->pub.read : false;
	if (mask & F_SEEN)
		e->pub.seen = d ? d->pub.seen : false;
	if (mask & F_RATING)
		e->pub.rating = d ? d->pub.rating : 0;
	if (mask & F_STATUS)
		e->pub.status = d ? d->pub.status : QSTATUS_NONE;
	if (mask & F_NOTE) {
		bool same = d && d->note && e->note && !strcmp(d->note, e->note);
		if (!same) {
			free(e->note);
			e->note = d ? d->note : NULL;
			if (d)
				d->note = NULL;
			e->pub.note = e->note;
		}
	}
}

/* Merges what is on disk into st: every field this process has not
 * changed since its last save takes the disk's value; entries only on
 * disk join; unknown keys are the disk's. d's entries are moved or freed. */
static void
merge(struct state *st, struct table *d)
{
	unsigned gen = ++st->gen;
	for (size_t i = 0; i < d->n; i++) {
		struct entry *x = d->v[i];
		struct entry *e = table_find(&st->t, x->id);
		if (!e) {
			x->gen = gen;
			x->pub.was_seen = false;
			table_add(&st->t, x);
			d->v[i] = NULL;
			continue;
		}
		e->gen = gen;
		take_fields(e, x, ~e->pending);
		kept_free(&e->extra);
		e->extra = x->extra;
		memset(&x->extra, 0, sizeof(x->extra));
	}
	for (size_t i = 0; i < st->t.n; i++) {
		struct entry *e = st->t.v[i];
		if (e->gen == gen)
			continue;
		take_fields(e, NULL, ~e->pending);
		kept_free(&e->extra);
		e->extra.kind = K_MAP;
	}
	table_free(d);
}

/* ---- writing YAML ---- */

static int
emit_to_buf(void *data, unsigned char *s, size_t n)
{
	buf_add(data, (const char *)s, n);
	return 1;
}

/* True if a plain scalar s would read as something other than a string
 * (null, a boolean, a number, a date), so it is quoted. */
static bool
looks_typed(const char *s)
{
	static const char *const words[] = {
		"~", "null", "true", "false", "yes", "no", "on", "off", "y", "n",
	};
	if (!*s || strchr("0123456789+-.", s[0]))
		return true;
	for (size_t i = 0; i < sizeof(words) / sizeof(words[0]); i++)
		if (!strcasecmp(s, words[i]))
			return true;
	return false;
}

static bool
em_scalar(yaml_emitter_t *em, const char *tag, const char *s, size_t len,
          bool pi, bool qi, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	if (len > INT_MAX)
		return false;
	if (!yaml_scalar_event_initialize(&ev, NULL, (yaml_char_t *)tag,
	                                  (yaml_char_t *)s, (int)len, pi, qi,
	                                  style))
		return false;
	return yaml_emitter_emit(em, &ev);
}

/* A string scalar: plain where it reads back as the same string. */
static bool
em_str(yaml_emitter_t *em, const char *s)
{
	return em_scalar(em, NULL, s, strlen(s), 1, 1,
	                 looks_typed(s) ? YAML_SINGLE_QUOTED_SCALAR_STYLE
	                                : YAML_ANY_SCALAR_STYLE);
}

/* A plain scalar such as true or 3. */
static bool
em_plain(yaml_emitter_t *em, const char *s)
{
	return em_scalar(em, NULL, s, strlen(s), 1, 0,
	                 YAML_PLAIN_SCALAR_STYLE);
}

static bool
em_kept(yaml_emitter_t *em, const struct kept *k)
{
	yaml_event_t ev;
	switch (k->kind) {
	case K_SCALAR:
		return em_scalar(em, k->tag, k->s, k->len, k->implicit,
		                 k->qimplicit, (yaml_scalar_style_t)k->style);
	case K_SEQ:
		if (!yaml_sequence_start_event_initialize(
		            &ev, NULL, (yaml_char_t *)k->tag, k->implicit,
		            (yaml_sequence_style_t)k->style) ||
		    !yaml_emitter_emit(em, &ev))
			return false;
		for (size_t i = 0; i < k->n; i++)
			if (!em_kept(em, &k->kids[i]))
				return false;
		return yaml_sequence_end_event_initialize(&ev) &&
		       yaml_emitter_emit(em, &ev);
	case K_MAP:
		if (!yaml_mapping_start_event_initialize(
		            &ev, NULL, (yaml_char_t *)k->tag, k->implicit,
		            (yaml_mapping_style_t)k->style) ||
		    !yaml_emitter_emit(em, &ev))
			return false;
		for (size_t i = 0; i < k->n; i++)
			if (!em_kept(em, &k->kids[i]))
				return false;
		return yaml_mapping_end_event_initialize(&ev) &&
		       yaml_emitter_emit(em, &ev);
	}
	return false;
}

/* True if the entry has anything worth writing. */
static bool
entry_worth(const struct entry *e)
{
	const struct state_entry *p = &e->pub;
	return p->marked || p->hidden || p->read || p->seen || p->rating ||
	       p->status || e->note || e->extra.n;
}

static bool
em_entry(yaml_emitter_t *em, const struct entry *e)
{
	yaml_event_t ev;
	const struct state_entry *p = &e->pub;
	if (!em_str(em, e->id) ||
	    !yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	                                         YAML_BLOCK_MAPPING_STYLE) ||
	    !yaml_emitter_emit(em, &ev))
		return false;
	if (p->marked && !(em_plain(em, "marked") && em_plain(em, "true")))
		return false;
	if (p->hidden && !(em_plain(em, "hidden") && em_plain(em, "true")))
		return false;
	if (p->read && !(em_plain(em, "read") && em_plain(em, "true")))
		return false;
	if (p->seen && !(em_plain(em, "seen") && em_plain(em, "true")))
		return false;
	if (p->rating) {
		char n[2] = {(char)('0' + p->rating), '\0'};
		if (!em_plain(em, "rating") || !em_plain(em, n))
			return false;
	}
	if (p->status && !(em_plain(em, "status") &&
	                   em_plain(em, query_status_name(p->status))))
		return false;
	if (e->note) {
		/* several lines read best as a literal block; the emitter
		 * falls back to a double-quoted string with escapes where a
		 * block cannot hold the text exactly */
		bool lines = strchr(e->note, '\n') != NULL;
		if (!em_plain(em, "note") ||
		    !em_scalar(em, NULL, e->note, strlen(e->note), 1, 1,
		               lines ? YAML_LITERAL_SCALAR_STYLE
		               : looks_typed(e->note)
		                     ? YAML_SINGLE_QUOTED_SCALAR_STYLE
		                     : YAML_ANY_SCALAR_STYLE))
			return false;
	}
	for (size_t i = 0; i < e->extra.n; i++)
		if (!em_kept(em, &e->extra.kids[i]))
			return false;
	return yaml_mapping_end_event_initialize(&ev) &&
	       yaml_emitter_emit(em, &ev);
}

/* Writes the whole state as YAML into out. */
static bool
emit_state(const struct state *st, struct buf *out, struct state_error *err)
{
	yaml_emitter_t em;
	yaml_event_t ev;
	if (!yaml_emitter_initialize(&em))
		die_nomem();
	yaml_emitter_set_output(&em, emit_to_buf, out);
	yaml_emitter_set_unicode(&em, 1);
	yaml_emitter_set_width(&em, -1);
	yaml_emitter_set_indent(&em, 2);
	yaml_emitter_set_break(&em, YAML_LN_BREAK);
	bool ok = yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING) &&
	          yaml_emitter_emit(&em, &ev) &&
	          yaml_document_start_event_initialize(&ev, NULL, NULL, NULL,
	                                               1) &&
	          yaml_emitter_emit(&em, &ev) &&
	          yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	                                    YAML_BLOCK_MAPPING_STYLE) &&
	          yaml_emitter_emit(&em, &ev);
	for (size_t i = 0; ok && i < st->t.n; i++)
		if (entry_worth(st->t.v[i]))
			ok = em_entry(&em, st->t.v[i]);
	ok = ok && yaml_mapping_end_event_initialize(&ev) &&
	     yaml_emitter_emit(&em, &ev) &&
	     yaml_document_end_event_initialize(&ev, 1) &&
	     yaml_emitter_emit(&em, &ev) &&
	     yaml_stream_end_event_initialize(&ev) &&
	     yaml_emitter_emit(&em, &ev) && yaml_emitter_flush(&em);
	if (!ok)
		seterr_cause(err, "state not saved: ", "cannot write YAML: %s",
		             em.problem ? em.problem
		                        : "a value is not valid UTF-8");
	yaml_emitter_delete(&em);
	return ok;
}

/* ---- files ---- */

/* Writes all of s, going on after short writes and EINTR. */
static bool
write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = state_io.write(fd, s, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		if (w == 0) {
			errno = ENOSPC;
			return false;
		}
		s += w;
		n -= (size_t)w;
	}
	return true;
}

static int
sync_fd(int fd)
{
	int r;
	while ((r = state_io.fsync(fd)) != 0 && errno == EINTR)
		;
	return r;
}

/* Syncs a directory so a rename in it lasts; file systems that cannot
 * sync a directory are let be. */
static bool
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return false;
	int r = sync_fd(fd);
	int e = errno;
	close(fd);
	errno = e;
	return r == 0 || errno == EINVAL || errno == ENOTSUP;
}

/* The directory part of path ("." when none); malloc'd. */
static char *
dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* Creates dir and its missing parents, 0700. */
static bool
make_dirs(const char *dir)
{
	struct stat sb;
	if (stat(dir, &sb) == 0)
		return S_ISDIR(sb.st_mode) || (errno = ENOTDIR, false);
	char *p = xstrdup(dir);
	for (char *q = p + 1;; q++) {
		if (*q != '/' && *q != '\0')
			continue;
		char c = *q;
		*q = '\0';
		if (mkdir(p, 0700) != 0 && errno != EEXIST) {
			int e = errno;
			free(p);
			errno = e;
			return false;
		}
		*q = c;
		if (!c)
			break;
	}
	free(p);
	return true;
}

/* Writes data to a new temporary file beside path with mode and syncs
 * it; *tmp gets its name. On failure nothing is left behind, and errno
 * and *step say what failed. */
static bool
write_temp(const char *path, const char *data, size_t len, mode_t mode,
           char **tmp, const char **step)
{
	size_t pl = strlen(path);
	char *name = xmalloc(pl + sizeof(".tmp.XXXXXX"));
	memcpy(name, path, pl);
	memcpy(name + pl, ".tmp.XXXXXX", sizeof(".tmp.XXXXXX"));
	*step = "create a temporary file for";
	int fd = mkstemp(name);
	if (fd < 0) {
		free(name);
		return false;
	}
	bool ok = false;
	*step = "write";
	if (fchmod(fd, mode) == 0 && write_all(fd, data, len)) {
		*step = "sync";
		ok = sync_fd(fd) == 0;
	}
	int e = errno;
	if (close(fd) != 0 && ok) {
		*step = "write";
		e = errno;
		ok = false;
	}
	if (!ok) {
		unlink(name);
		free(name);
		errno = e;
		return false;
	}
	*tmp = name;
	return true;
}

/* Removes temporary files a killed save left beside the state file; only
 * under the lock, when no other save can be writing one. */
static void
remove_stale_temps(const struct state *st)
{
	DIR *d = opendir(st->dir);
	if (!d)
		return;
	size_t bl = strlen(st->base);
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, st->base, bl) == 0 &&
		    strncmp(de->d_name + bl, ".tmp.", 5) == 0 &&
		    strlen(de->d_name + bl + 5) == 6)
			unlinkat(dirfd(d), de->d_name, 0);
	}
	closedir(d);
}

/* Opens and locks the lock file; -1 on failure (err filled). */
static int
lock_take(const struct state *st, struct state_error *err)
{
	int fd = open(st->lockpath, O_RDWR | O_CREAT | O_CLOEXEC, 0600);
	int why = errno;
	if (fd < 0 && (errno == EACCES || errno == EROFS))
		fd = open(st->lockpath, O_RDONLY | O_CLOEXEC);
	char *p = NULL;
	if (fd < 0) {
		/* the first open's reason: a read-only directory, not the
		 * missing lock file the second open then finds */
		p = shown(st->lockpath, strlen(st->lockpath));
		seterr_cause(err, NOT_SAVED, "cannot open the lock %s: %s", p,
		             strerror(why));
		free(p);
		return -1;
	}
	long waited = 0;
	for (;;) {
		if (flock(fd, LOCK_EX | LOCK_NB) == 0)
			return fd;
		if (errno == EINTR)
			continue;
		if (errno != EWOULDBLOCK || waited >= state_io.lock_wait_ms) {
			int e = errno;
			p = shown(st->lockpath, strlen(st->lockpath));
			if (e == EWOULDBLOCK)
				seterr_cause(err, NOT_SAVED, "another billet "
				             "holds the lock %s", p);
			else
				seterr_cause(err, NOT_SAVED, "cannot lock %s: %s",
				             p, strerror(e));
			free(p);
			close(fd);
			return -1;
		}
		struct timespec ts = {0, 5 * 1000 * 1000};
		nanosleep(&ts, NULL);
		waited += 5;
	}
}

/* Says the state is read-only for this run because of msg. */
static void
go_readonly(struct state *st, const char *msg)
{
	st->readonly = true;
	snprintf(st->problem, sizeof(st->problem), "%s", msg);
}

static void
readonly_error(const struct state *st, struct state_error *err)
{
	seterr_cause(err, "state not saved (kept for this run only): ", "%s",
	             st->problem);
}

/* Reads the file if another process changed it and merges it in. */
static bool
refresh(struct state *st, struct state_error *err)
{
	struct table d = {0};
	struct stat sb;
	struct state_error e = {0};
	switch (load_file(st, &d, &sb, true, &e)) {
	case LOAD_OK:
		merge(st, &d);
		st->disk = sb;
		st->have_disk = true;
		return true;
	case LOAD_MISSING:
		/* gone: what this process knows is all there is */
		st->have_disk = false;
		return true;
	case LOAD_SAME:
		return true;
	case LOAD_UNREADABLE:
		seterr_cause(err, NOT_SAVED, "%s", e.msg);
		return false;
	case LOAD_BAD:
		go_readonly(st, e.msg);
		readonly_error(st, err);
		return false;
	}
	return false;
}

/* Takes the lock, merges the file, writes the state beside it and renames
 * it into place. Pending changes stay pending unless all of that worked. */
static bool
save_now(struct state *st, struct state_error *err)
{
	if (st->readonly) {
		readonly_error(st, err);
		return false;
	}
	char *p = shown(st->path, strlen(st->path));
	bool ok = false;
	if (!make_dirs(st->dir)) {
		char *d = shown(st->dir, strlen(st->dir));
		seterr_cause(err, NOT_SAVED, "cannot create the directory %s: %s",
		             d, strerror(errno));
		free(d);
		free(p);
		return false;
	}
	int lfd = lock_take(st, err);
	if (lfd < 0) {
		free(p);
		return false;
	}
	struct buf y = {0};
	char *tmp = NULL;
	const char *step = "write";
	bool sync_failed = false; /* after the rename: the file is new */
	if (!refresh(st, err))
		goto out;
	remove_stale_temps(st);
	if (!emit_state(st, &y, err))
		goto out;
	mode_t mode = st->have_disk ? (st->disk.st_mode & 07777) : 0600;
	if (!write_temp(st->path, y.s ? y.s : "", y.len, mode, &tmp, &step))
		goto fail;
	step = "replace";
	if (state_io.rename(tmp, st->path) != 0) {
		int e = errno;
		unlink(tmp);
		errno = e;
		goto fail;
	}
	struct stat sb;
	if (stat(st->path, &sb) == 0) {
		st->disk = sb;
		st->have_disk = true;
	} else {
		st->have_disk = false;
	}
	step = "sync the directory of";
	if (!sync_dir(st->dir)) {
		sync_failed = true;
		goto fail;
	}
	for (size_t i = 0; i < st->t.n; i++)
		st->t.v[i]->pending = 0;
	st->unsaved = false;
	ok = true;
	goto out;
fail:
	seterr_cause(err, NOT_SAVED, "cannot %s %s: %s", step, p,
	             strerror(errno));
	if (err && sync_failed)
		err->replaced = true;
out:
	close(lfd); /* releases the lock */
	free(tmp);
	buf_free(&y);
	free(p);
	return ok;
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

struct state *
state_open(const char *path, struct state_error *err)
{
	struct state *st = xcalloc(1, sizeof(*st));
	if (err)
		err->msg[0] = '\0';
	char *def = path ? NULL : state_default_path();
	if (!path && !def) {
		st->path = xstrdup("state.yaml");
		go_readonly(st, "no home directory: set HOME or "
		                "XDG_STATE_HOME to keep a shortlist");
		seterr(err, "%s", st->problem);
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
	st->dir = dir_of(st->path);
	const char *slash = strrchr(st->path, '/');
	st->base = xstrdup(slash ? slash + 1 : st->path);
	struct buf b = {0};
	buf_printf(&b, "%s.lock", st->path);
	st->lockpath = buf_steal(&b);
	if (st->readonly)
		return st;
	struct stat sb;
	struct state_error e = {0};
	switch (load_file(st, &st->t, &sb, false, &e)) {
	case LOAD_OK:
		st->disk = sb;
		st->have_disk = true;
		break;
	case LOAD_MISSING:
	case LOAD_SAME:
		break;
	case LOAD_UNREADABLE:
	case LOAD_BAD:
		go_readonly(st, e.msg);
		seterr(err, "%s (the file is left as it is; changes to the "
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
	table_free(&st->t);
	free(st->path);
	free(st->lockpath);
	free(st->dir);
	free(st->base);
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
	struct entry *e = table_find(&st->t, id);
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

/* The entry for id, made when missing; NULL (err filled) for an id that
 * cannot be written. */
static struct entry *
entry_for(struct state *st, const char *id, struct state_error *err)
{
	if (!id || !*id || !text_valid(id, strlen(id))) {
		seterr(err, "state not changed: %s",
		       id && *id ? "the posting id is not valid UTF-8"
		                 : "no posting id");
		return NULL;
	}
	struct entry *e = table_find(&st->t, id);
	if (!e) {
		e = entry_new(id, strlen(id));
		e->gen = st->gen;
		table_add(&st->t, e);
	}
	return e;
}

/* After setting a field: records it as pending when it changed and saves
 * unless a batch is open. */
static bool
changed(struct state *st, struct entry *e, unsigned bit, bool diff,
        struct state_error *err)
{
	if (diff) {
		e->pending |= bit;
		st->unsaved = true;
	}
	if (!st->unsaved || st->batch)
		return true;
	return save_now(st, err);
}

static bool
set_flag(struct state *st, const char *id, unsigned bit, bool on,
         struct state_error *err)
{
	struct entry *e = entry_for(st, id, err);
	if (!e)
		return false;
	bool *f = bit == F_MARK ? &e->pub.marked
	        : bit == F_HIDDEN ? &e->pub.hidden
	        : bit == F_READ ? &e->pub.read : &e->pub.seen;
	bool diff = *f != on;
	*f = on;
	return changed(st, e, bit, diff, err);
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
state_set_read(struct state *st, const char *id, bool on,
               struct state_error *err)
{
	return set_flag(st, id, F_READ, on, err);
}

bool
state_set_rating(struct state *st, const char *id, int rating,
                 struct state_error *err)
{
	if (rating < 0 || rating > 5) {
		seterr(err, "a rating is 1 to 5, or 0 to clear it");
		return false;
	}
	struct entry *e = entry_for(st, id, err);
	if (!e)
		return false;
	bool diff = e->pub.rating != rating;
	e->pub.rating = rating;
	return changed(st, e, F_RATING, diff, err);
}

bool
state_set_status(struct state *st, const char *id, int status,
                 struct state_error *err)
{
	if (status < 0 || status >= QSTATUS_N) {
		seterr(err, "no such application status");
		return false;
	}
	struct entry *e = entry_for(st, id, err);
	if (!e)
		return false;
	bool diff = e->pub.status != status;
	e->pub.status = status;
	return changed(st, e, F_STATUS, diff, err);
}

bool
state_set_note(struct state *st, const char *id, const char *note,
               struct state_error *err)
{
	if (note && !*note)
		note = NULL;
	if (note && !text_valid(note, strlen(note))) {
		seterr(err, "note not saved: it is not valid UTF-8");
		return false;
	}
	struct entry *e = entry_for(st, id, err);
	if (!e)
		return false;
	bool diff = (note == NULL) != (e->note == NULL) ||
	            (note && strcmp(note, e->note) != 0);
	if (diff) {
		free(e->note);
		e->note = note ? xstrdup(note) : NULL;
		e->pub.note = e->note;
	}
	return changed(st, e, F_NOTE, diff, err);
}

bool
state_seen_all(struct state *st, const struct catalog *c,
               struct state_error *err)
{
	state_begin(st);
	for (size_t i = 0; i < c->n; i++) {
		const struct entry *e = table_find(&st->t, c->v[i]->id);
		if (!e || !e->pub.seen)
			set_flag(st, c->v[i]->id, F_SEEN, true, NULL);
	}
	return state_commit(st, err);
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
	if (st->batch || !st->unsaved)
		return true;
	return save_now(st, err);
}

bool
state_save(struct state *st, struct state_error *err)
{
	if (!st->unsaved)
		return true;
	return save_now(st, err);
}

bool
state_unsaved(const struct state *st)
{
	return st->unsaved;
}

bool
state_refresh(struct state *st, struct state_error *err)
{
	if (st->readonly)
		return true;
	struct state_error e = {0};
	if (refresh(st, &e))
		return true;
	if (st->readonly)
		seterr(err, "%s", st->problem);
	else if (err)
		*err = e;
	return false;
}

/* ---- hooks for queries and exports ---- */

static const struct state_entry *
entry_of(void *ctx, const struct posting *p)
{
	struct entry *e = table_find(&((struct state *)ctx)->t, p->id);
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
hook_read(void *ctx, const struct posting *p)
{
	const struct state_entry *e = entry_of(ctx, p);
	return e && e->read;
}

/* New: not seen when this run began; nothing is new when the file could
 * not be read, since nothing is known then. */
static bool
hook_new(void *ctx, const struct posting *p)
{
	if (((struct state *)ctx)->readonly)
		return false;
	const struct state_entry *e = entry_of(ctx, p);
	return !e || !e->was_seen;
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
	env->is_new = hook_new;
	env->read = hook_read;
	env->has_note = hook_has_note;
	env->rating = hook_rating;
	env->status = hook_status;
}

void
state_export_hooks(struct state *st, struct export_hooks *h)
{
	h->ctx = st;
	h->marked = hook_marked;
	h->hidden = hook_hidden;
	h->note = hook_note;
	h->rating = hook_rating;
	h->status = hook_status_name;
}

int
state_status_parse(const char *s)
{
	for (int i = 0; i < QSTATUS_N; i++)
		if (!strcasecmp(s, query_status_name(i)))
			return i;
	return -1;
}

/* ---- export to a file ---- */

enum export_result
export_file(const char *path, bool overwrite, struct posting *const *v,
            size_t n, enum format fmt, int width,
            const struct export_hooks *h, struct state_error *err)
{
	char *data = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&data, &len);
	if (!f)
		die_nomem();
	/* the shortlist's export: TSV and CSV name their columns and
	 * carry each posting's rating, status and note */
	export_list(f, v, n, fmt, width, EXPORT_HEADER | EXPORT_STATE, h);
	if (fclose(f) != 0)
		die_nomem();
	mode_t um = umask(0);
	umask(um);
	char *p = shown(path, strlen(path));
	char *dir = dir_of(path);
	char *tmp = NULL;
	const char *step;
	enum export_result res = EXPORT_FAILED;
	if (!write_temp(path, data, len, 0666 & ~um, &tmp, &step))
		goto fail;
	if (overwrite) {
		step = "replace";
		if (state_io.rename(tmp, path) != 0)
			goto fail_tmp;
	} else if (link(tmp, path) == 0) {
		unlink(tmp);
	} else if (errno == EEXIST) {
		unlink(tmp);
		res = EXPORT_EXISTS;
		goto out;
	} else if (errno == EPERM || errno == ENOTSUP || errno == EMLINK ||
	           errno == ENOSYS) {
		/* no hard links here: claim the name, then replace the claim */
		step = "create";
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
		              0600);
		if (fd < 0) {
			if (errno == EEXIST) {
				unlink(tmp);
				res = EXPORT_EXISTS;
				goto out;
			}
			goto fail_tmp;
		}
		close(fd);
		step = "replace";
		if (state_io.rename(tmp, path) != 0) {
			int e = errno;
			unlink(path);
			errno = e;
			goto fail_tmp;
		}
	} else {
		step = "create";
		goto fail_tmp;
	}
	step = "sync the directory of";
	if (!sync_dir(dir))
		goto fail;
	res = EXPORT_DONE;
	goto out;
fail_tmp: {
	int e = errno;
	unlink(tmp);
	errno = e;
}
fail:
	seterr(err, "not exported: cannot %s %s: %s", step, p,
	       strerror(errno));
out:
	free(tmp);
	free(dir);
	free(p);
	free(data);
	return res;
}
