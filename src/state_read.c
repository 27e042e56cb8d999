/* SPDX-License-Identifier: MIT */
/* state_read: parsing the state file as a whole with libyaml events: the
 * reader (its events, its errors said as FILE:LINE:COL: what is wrong),
 * the mapping of ids, an entry that cannot be read kept as written, and
 * reading the file (state_load). One entry's fields are read in
 * state_read_entry.c. */
#include "state_int.h"

#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "text.h"

/* ---- reading ---- */

/* The byte offset in the file of libyaml's mark index at (which counts
 * characters, after a byte order mark; the file is UTF-8). */
static size_t
rd_byte(struct state_reader *r, size_t at)
{
	if (at < r->cpos || r->cpos == 0) {
		r->cpos = 0;
		r->bpos = r->len >= 3 && !memcmp(r->data, "\xEF\xBB\xBF", 3)
		          ? 3 : 0;
	}
	while (r->cpos < at && r->bpos < r->len) {
		r->bpos++;
		while (r->bpos < r->len &&
		       ((unsigned char)r->data[r->bpos] & 0xC0) == 0x80)
			r->bpos++;
		r->cpos++;
	}
	return r->bpos;
}

/* Formats "path:line:col: message" at m into a new string. */
static char *
rd_where(const struct state_reader *r, const yaml_mark_t *m, const char *fmt,
         va_list ap)
{
	char msg[700];
	vsnprintf(msg, sizeof(msg), fmt, ap);
	char *p = state_shown(r->path, strlen(r->path));
	struct buf b = {0};
	buf_printf(&b, "%s:%zu:%zu: %s", p, m->line + 1, m->column + 1, msg);
	free(p);
	return buf_steal(&b);
}

/* Fills the file's error with "path:line:col: message" at mark; returns
 * false. */
bool
state_rd_fail(struct state_reader *r, const yaml_mark_t *m, const char *fmt,
              ...)
{
	va_list ap;
	va_start(ap, fmt);
	char *s = rd_where(r, m, fmt, ap);
	va_end(ap);
	state_err(r->err, "%s", s);
	free(s);
	return false;
}

/* Records a problem of the entry being read at mark, unless it has one
 * already (the first is said). */
void
state_rd_bad(struct state_reader *r, const yaml_mark_t *m, const char *fmt,
             ...)
{
	if (r->problem)
		return;
	va_list ap;
	va_start(ap, fmt);
	r->problem = rd_where(r, m, fmt, ap);
	va_end(ap);
}

/* Reports the parser's error, a syntax error; returns false. */
static bool
rd_parser_error(struct state_reader *r)
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
			return state_rd_fail(r, &m, "%s (byte 0x%02X)", problem,
			                     (unsigned)p->problem_value & 0xFF);
		return state_rd_fail(r, &m, "%s", problem);
	}
	if (p->context)
		return state_rd_fail(r, &p->problem_mark,
		                     "syntax error: %s (%s at line %zu)",
		                     problem, p->context,
		                     p->context_mark.line + 1);
	return state_rd_fail(r, &p->problem_mark, "syntax error: %s", problem);
}

/* Moves to the next event; false (error filled) on a parse error or an
 * alias, which the state file does not use. */
bool
state_rd_next(struct state_reader *r)
{
	if (r->have) {
		yaml_event_delete(&r->ev);
		r->have = false;
	}
	if (!yaml_parser_parse(&r->p, &r->ev))
		return rd_parser_error(r);
	r->have = true;
	if (r->ev.type == YAML_ALIAS_EVENT)
		return state_rd_fail(r, &r->ev.start_mark,
		                     "aliases (*name) are not allowed in the "
		                     "state file");
	return true;
}

/* After a problem of the file as a whole, reads on to the end: a syntax
 * error further on is the real cause (libyaml gives events before it
 * finds one), and is said instead. */
static void
rd_drain(struct state_reader *r)
{
	struct state_error *keep = r->err;
	struct state_error scratch = {0};
	r->err = &scratch;
	while (r->have && r->ev.type != YAML_STREAM_END_EVENT) {
		if (!state_rd_next(r)) {
			if (r->p.error != YAML_NO_ERROR && keep)
				*keep = scratch;
			break;
		}
	}
	r->err = keep;
}

/* Skips the node that starts at the current event (a scalar, or a whole
 * sequence or mapping); false on a problem of the file. */
bool
state_rd_skip(struct state_reader *r)
{
	size_t depth = 0;
	for (;;) {
		switch (r->ev.type) {
		case YAML_SEQUENCE_START_EVENT:
		case YAML_MAPPING_START_EVENT:
			depth++;
			break;
		case YAML_SEQUENCE_END_EVENT:
		case YAML_MAPPING_END_EVENT:
			depth--;
			break;
		default:
			break;
		}
		if (depth == 0)
			return true;
		if (!state_rd_next(r))
			return false;
	}
}

/* True if byte b of the file begins a line (after LF, CR, NEL, LS or
 * PS, libyaml's line breaks). */
static bool
at_line_start(const struct state_reader *r, size_t b)
{
	const unsigned char *d = (const unsigned char *)r->data;
	return b == 0 || d[b - 1] == '\n' || d[b - 1] == '\r' ||
	       (b >= 2 && d[b - 2] == 0xC2 && d[b - 1] == 0x85) ||
	       (b >= 3 && d[b - 3] == 0xE2 && d[b - 2] == 0x80 &&
	        (d[b - 1] == 0xA8 || d[b - 1] == 0xA9));
}

/* How many bytes at d[q] (before end e) libyaml passes over as blank
 * between tokens: a space, a tab or a byte order mark; 0 for others. */
static size_t
blank_at(const unsigned char *d, size_t q, size_t e)
{
	if (d[q] == ' ' || d[q] == '\t')
		return 1;
	if (q + 3 <= e && d[q] == 0xEF && d[q + 1] == 0xBB && d[q + 2] == 0xBF)
		return 3;
	return 0;
}

/* The "?" that opens the key whose block collection starts on the line
 * that begins at byte b: the start of the nearest line above that holds
 * anything but blanks and comments, when that line is "?" alone at its
 * start (a comment after it allowed); else (size_t)-1. */
static size_t
question_above(const struct state_reader *r, size_t b)
{
	const unsigned char *d = (const unsigned char *)r->data;
	while (b > 0) {
		size_t e = b; /* the end of the line above, before its break */
		if (d[e - 1] == '\n')
			e -= e >= 2 && d[e - 2] == '\r' ? 2 : 1;
		else if (d[e - 1] == '\r')
			e--;
		else if (e >= 2 && d[e - 2] == 0xC2 && d[e - 1] == 0x85)
			e -= 2;
		else if (e >= 3 && d[e - 3] == 0xE2 && d[e - 2] == 0x80 &&
		         (d[e - 1] == 0xA8 || d[e - 1] == 0xA9))
			e -= 3;
		else
			return (size_t)-1;
		size_t s = e;
		while (s > 0 && !at_line_start(r, s))
			s--;
		size_t q = s;
		for (size_t n; q < e && (n = blank_at(d, q, e));)
			q += n;
		if (q == e || d[q] == '#') {
			b = s; /* a blank line or a comment: the one above */
			continue;
		}
		size_t col0 = s; /* a byte order mark takes no column */
		while (col0 + 3 <= e && blank_at(d, col0, e) == 3)
			col0 += 3;
		if (q != col0 || d[q] != '?')
			return (size_t)-1;
		size_t t = q + 1;
		for (size_t n; t < e && (n = blank_at(d, t, e));)
			t += n;
		return t == e || (d[t] == '#' && t > q + 1) ? s : (size_t)-1;
	}
	return (size_t)-1;
}

/* True if the key that event ev starts can only be written after a "?"
 * (a block collection or a block scalar: never a key of its own line),
 * which may stand on a line above it. */
static bool
key_needs_question(const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_SEQUENCE_START_EVENT:
		return ev->data.sequence_start.style ==
		       YAML_BLOCK_SEQUENCE_STYLE;
	case YAML_MAPPING_START_EVENT:
		return ev->data.mapping_start.style == YAML_BLOCK_MAPPING_STYLE;
	case YAML_SCALAR_EVENT:
		return ev->data.scalar.style == YAML_LITERAL_SCALAR_STYLE ||
		       ev->data.scalar.style == YAML_FOLDED_SCALAR_STYLE;
	default:
		return false;
	}
}

/* Where the line of a key at mark index at begins, when the key starts
 * it, or follows a "?" that does ("? id", as long ids are written), or,
 * for a key that needs one (key_needs_question: "?" on a line of its
 * own, the key below it), the line of that "?"; (size_t)-1 when the key
 * is indented or follows anything else. */
static size_t
line_head(struct state_reader *r, size_t at, bool coll)
{
	size_t b = rd_byte(r, at);
	if (coll) {
		const unsigned char *d = (const unsigned char *)r->data;
		size_t h = b;
		for (;;) {
			if (h > 0 && (d[h - 1] == ' ' || d[h - 1] == '\t'))
				h--;
			else if (h >= 3 && blank_at(d, h - 3, h) == 3)
				h -= 3;
			else
				break;
		}
		if (at_line_start(r, h)) {
			size_t q = question_above(r, h);
			if (q != (size_t)-1)
				return q;
		}
	}
	if (at_line_start(r, b))
		return b;
	while (b > 0 && (r->data[b - 1] == ' ' || r->data[b - 1] == '\t'))
		b--;
	if (b > 0 && r->data[b - 1] == '?' && at_line_start(r, b - 1))
		return b - 1;
	return (size_t)-1;
}

/* Reads one entry: the current event is its key, in a mapping of ids
 * written in block style when block. The entry joins t; when it cannot
 * be read it gets its problem, and *bad is set to it so that its text,
 * from its key on, can be kept once its end is known (end_raw). */
static bool
rd_top_entry(struct state_reader *r, struct table *t, bool block,
             struct entry **bad)
{
	yaml_mark_t key = r->ev.start_mark;
	bool coll = key_needs_question(&r->ev);
	struct entry *e = NULL;
	bool unusable = false; /* the entry has no id of its own */
	if (r->ev.type != YAML_SCALAR_EVENT) {
		state_rd_bad(r, &key, "expected a posting id");
		unusable = true;
		e = state_entry_new("", 0);
		if (!state_rd_skip(r))
			goto fail;
	} else {
		const char *id = sc_text(r);
		size_t idlen = sc_len(r);
		struct entry *old = NULL;
		if (idlen == 0 || strlen(id) != idlen) {
			state_rd_bad(r, &key, "%s",
			             idlen ? "a posting id contains a NUL "
			                     "character"
			                   : "empty posting id");
			unusable = true;
		} else if ((old = state_table_find(t, id)) != NULL) {
			char *s = state_shown(id, idlen);
			state_rd_bad(r, &key, "'%s' appears twice (first at "
			             "line %u)", s, old->line);
			old->twin = true;
			free(s);
			unusable = true;
		}
		e = state_entry_new(id, strnlen(id, idlen));
	}
	e->line = (unsigned)key.line + 1;
	e->unhashed = unusable;
	if (!state_rd_next(r))
		goto fail;
	if (unusable) {
		if (!state_rd_skip(r))
			goto fail;
	} else if (r->ev.type == YAML_MAPPING_START_EVENT) {
		if (!state_rd_entry(r, e))
			goto fail;
	} else if (!sc_null(r)) {
		char *s = state_shown(e->id, strlen(e->id));
		state_rd_bad(r, &r->ev.start_mark, "'%s': expected a "
		             "mapping of fields (marked, rating, note...)", s);
		free(s);
		if (!state_rd_skip(r))
			goto fail;
	}
	if (r->problem) {
		/* kept as written: only where its text can be put back as
		 * it is, among keys at the start of a line, in UTF-8 */
		size_t head = block ? line_head(r, key.index, coll)
		                    : (size_t)-1;
		if (head == (size_t)-1 || r->p.encoding != YAML_UTF8_ENCODING) {
			state_err(r->err, "%s", r->problem);
			goto fail;
		}
		e->problem = r->problem;
		e->pub.problem = e->problem;
		r->problem = NULL;
		e->raw_from = head;
		if (e->unhashed) { /* none of its fields count */
			free(e->note);
			free(e->title);
			free(e->org);
			e->note = e->title = e->org = NULL;
			state_hist_free(e);
			e->legacy = 0;
			e->pub = (struct state_entry){.id = e->id,
			                              .problem = e->problem};
		}
		*bad = e;
	}
	state_table_add(t, e);
	return true;
fail:
	state_entry_free(e);
	return false;
}

/* True when the n bytes of s end in a line break (LF, CR, NEL, LS or
 * PS, as libyaml reads them). */
static bool
ends_in_break(const char *s, size_t n)
{
	const unsigned char *t = (const unsigned char *)s;
	return n && (t[n - 1] == '\n' || t[n - 1] == '\r' ||
	             (n >= 2 && t[n - 2] == 0xC2 && t[n - 1] == 0x85) ||
	             (n >= 3 && t[n - 3] == 0xE2 && t[n - 2] == 0x80 &&
	              (t[n - 1] == 0xA8 || t[n - 1] == 0xA9)));
}

/* Ends the text of a bad entry where the next thing begins (the mark
 * index at: the line of the next key, or the end of the mapping; key
 * tells which), comments and blank lines before it included. False when
 * the next key does not start its line: the text cannot be cut there. */
static bool
end_raw(struct state_reader *r, struct entry **bad, size_t at, bool key)
{
	if (!*bad)
		return true;
	struct entry *e = *bad;
	size_t to = key ? line_head(r, at, key_needs_question(&r->ev))
	                : rd_byte(r, at);
	if (to == (size_t)-1)
		return false;
	if (to < e->raw_from)
		to = e->raw_from;
	struct buf b = {0};
	buf_add(&b, r->data + e->raw_from, to - e->raw_from);
	/* spaces after the last line break at the end of the file are no
	 * line to libyaml; a line break after them would make them one (a
	 * "|+" key's text "" would become "\n"): they go */
	size_t n = b.len;
	while (n && (b.s[n - 1] == ' ' || b.s[n - 1] == '\t'))
		n--;
	if (n < b.len && n && ends_in_break(b.s, n)) {
		b.len = n;
		b.s[n] = '\0';
	}
	/* its last line ends, as a line of the file must before the next
	 * key */
	bool ends = ends_in_break(b.s, b.len);
	if (!ends)
		buf_addc(&b, '\n');
	e->raw = buf_steal(&b);
	*bad = NULL;
	return true;
}

/* Parses a whole state file into t (t->old_format set when it lacks
 * STATE_HEADER and has entries). False,
 * with err filled, when the file as a whole cannot be read: it is not
 * YAML, or not one mapping of ids, or an entry that cannot be read
 * cannot be kept as written. */
static bool
parse_state(const char *path, const char *data, size_t len,
            struct table *t, struct state_error *err)
{
	struct state_reader r = {.path = path, .data = data, .len = len,
	                   .err = err};
	if (!yaml_parser_initialize(&r.p))
		die_nomem();
	yaml_parser_set_input_string(&r.p, (const unsigned char *)data, len);
	bool ok = false;
	struct entry *bad = NULL; /* the last entry, when it cannot be read */
	if (!state_rd_next(&r) || !state_rd_next(&r))
		goto out;
	if (r.ev.type == YAML_STREAM_END_EVENT) {
		ok = true; /* an empty file */
		goto out;
	}
	if (!state_rd_next(&r))
		goto out;
	if (r.ev.type == YAML_MAPPING_START_EVENT) {
		bool block = r.ev.data.mapping_start.style ==
		             YAML_BLOCK_MAPPING_STYLE;
		for (;;) {
			if (!state_rd_next(&r))
				goto drain;
			bool end = r.ev.type == YAML_MAPPING_END_EVENT;
			struct entry *was = bad;
			if (!end_raw(&r, &bad, r.ev.start_mark.index, !end)) {
				/* the bad entry's text does not end a line */
				state_err(r.err, "%s", was->problem);
				goto drain;
			}
			if (end)
				break;
			if (!rd_top_entry(&r, t, block, &bad))
				goto drain;
		}
	} else if (!sc_null(&r)) {
		state_rd_fail(&r, &r.ev.start_mark,
		              "expected a mapping from posting ids to what is "
		              "recorded about them");
		goto drain;
	}
	/* document end, stream end */
	if (!state_rd_next(&r) || !state_rd_next(&r))
		goto out;
	if (r.ev.type != YAML_STREAM_END_EVENT) {
		state_rd_fail(&r, &r.ev.start_mark,
		              "a second document: the state file holds one");
		goto drain;
	}
	ok = true;
	{
		size_t skip = len >= 3 && !memcmp(data, "\xEF\xBB\xBF", 3) ? 3
		                                                          : 0;
		size_t hl = strlen(STATE_HEADER);
		t->old_format = t->n > 0 &&
		                (len - skip < hl ||
		                 memcmp(data + skip, STATE_HEADER, hl) != 0);
	}
	goto out;
drain:
	rd_drain(&r);
out:
	free(r.problem);
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
