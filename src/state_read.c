/* SPDX-License-Identifier: MIT */
/* state_read: parsing the state file with libyaml events into entries;
 * every problem is said as FILE:LINE:COL: what is wrong. */
#include "state_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "text.h"

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
	char *p = state_shown(r->path, strlen(r->path));
	state_err(r->err, "%s:%zu:%zu: %s", p, m->line + 1, m->column + 1, msg);
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
			state_kept_push(k, &kid);
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
				state_kept_free(&key);
				return false;
			}
			state_kept_push(&e->extra, &key);
			struct kept val = {0};
			bool ok = rd_kept(r, &val, 1);
			state_kept_push(&e->extra, &val);
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
			struct entry *old = state_table_find(t, id);
			if (old) {
				char *s = state_shown(id, idlen);
				rd_fail(&r, &r.ev.start_mark,
				        "'%s' appears twice (first at line %u)",
				        s, old->line);
				free(s);
				goto out;
			}
			struct entry *e = state_entry_new(id, idlen);
			e->line = (unsigned)r.ev.start_mark.line + 1;
			state_table_add(t, e);
			if (!rd_next(&r))
				goto out;
			if (sc_null(&r))
				continue;
			if (r.ev.type != YAML_MAPPING_START_EVENT) {
				char *s = state_shown(e->id, strlen(e->id));
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

enum load_result
state_load(struct state *st, struct table *t, struct stat *sb, bool skip_same,
           struct state_error *err)
{
	int fd = open(st->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT)
			return LOAD_MISSING;
		char *p = state_shown(st->path, strlen(st->path));
		state_err(err, "cannot read %s: %s", p, strerror(errno));
		free(p);
		return LOAD_UNREADABLE;
	}
	if (fstat(fd, sb) != 0) {
		int e = errno;
		close(fd);
		char *p = state_shown(st->path, strlen(st->path));
		state_err(err, "cannot read %s: %s", p, strerror(e));
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
		char *p = state_shown(st->path, strlen(st->path));
		state_err(err, "cannot read %s: %s", p,
			  e == EINVAL ? "not a regular file" : strerror(e));
		free(p);
		return LOAD_UNREADABLE;
	}
	close(fd);
	bool ok = parse_state(st->path, b.s ? b.s : "", b.len, t, err);
	buf_free(&b);
	if (!ok) {
		state_table_free(t);
		return LOAD_BAD;
	}
	return LOAD_OK;
}

