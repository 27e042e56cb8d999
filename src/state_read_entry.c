/* SPDX-License-Identifier: MIT */
/* state_read_entry: reading one entry of the state file, the mapping of
 * its fields (marked, rating, status, note, history...) as libyaml gives
 * them; a field that cannot be read is the entry's problem, and keys of
 * the user's own are kept as written. The file as a whole is read in
 * state_read.c. */
#include "state_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <yaml.h>

#include "text.h"

/* Reads a boolean scalar (true/false, yes/no, on/off; null is false);
 * false when it is none of these (the entry's problem is recorded). */
static bool
rd_bool(struct state_reader *r, const char *field, bool *out)
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
	state_rd_bad(r, &r->ev.start_mark, "%s: expected true or false", field);
	return false;
}

/* Reads the rating: 0 to 5, null is 0. */
static bool
rd_rating(struct state_reader *r, int *out)
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
	state_rd_bad(r, &r->ev.start_mark,
	             "rating: expected a number from 0 to 5");
	return false;
}

/* Reads the status by name; null is none. */
static bool
rd_status(struct state_reader *r, int *out)
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
	state_rd_bad(r, &r->ev.start_mark,
	             "status: expected none, interested, applied, "
	             "interviewing, offer, rejected or withdrawn");
	return false;
}

/* Reads the note: any scalar; null or empty is none. */
static bool
rd_note(struct state_reader *r, char **out)
{
	if (r->ev.type != YAML_SCALAR_EVENT) {
		state_rd_bad(r, &r->ev.start_mark, "note: expected text");
		return false;
	}
	if (sc_null(r) || sc_len(r) == 0) {
		*out = NULL;
		return true;
	}
	if (memchr(sc_text(r), '\0', sc_len(r))) {
		state_rd_bad(r, &r->ev.start_mark,
		             "note: contains a NUL character");
		return false;
	}
	*out = xstrndup(sc_text(r), sc_len(r));
	return true;
}

/* Reads a title or an organization: text on one line; null or empty is
 * none. */
static bool
rd_text(struct state_reader *r, const char *field, char **out)
{
	if (r->ev.type == YAML_SCALAR_EVENT && (sc_null(r) || !sc_len(r))) {
		*out = NULL;
		return true;
	}
	if (r->ev.type != YAML_SCALAR_EVENT ||
	    memchr(sc_text(r), '\0', sc_len(r))) {
		state_rd_bad(r, &r->ev.start_mark, "%s: expected text", field);
		return false;
	}
	*out = xstrndup(sc_text(r), sc_len(r));
	return true;
}

/* Reads a follow-up date: YYYY-MM-DD, null is none. */
static bool
rd_followup(struct state_reader *r, int32_t *out)
{
	if (r->ev.type == YAML_SCALAR_EVENT &&
	    state_followup_read(sc_text(r), sc_len(r), sc_null(r), out))
		return true;
	state_rd_bad(r, &r->ev.start_mark, "follow-up: expected a date "
	             "YYYY-MM-DD");
	return false;
}

static bool rd_kept(struct state_reader *r, struct kept *k, int depth);

/* Reads the status's history (state_hist_read); a problem is the
 * entry's, at the change that cannot be read. The value is read whole
 * either way. */
static bool
rd_history(struct state_reader *r, struct entry *e)
{
	struct kept k = {0};
	if (!rd_kept(r, &k, 1)) {
		state_kept_free(&k);
		return false;
	}
	char why[200];
	unsigned line, col;
	if (!state_hist_read(e, &k, why, sizeof(why), &line, &col)) {
		yaml_mark_t m = {.line = line - 1, .column = col - 1};
		state_rd_bad(r, &m, "%s", why);
	}
	state_kept_free(&k);
	return true;
}

/* Copies the event's tag, or NULL. */
static char *
ev_tag(const yaml_char_t *tag)
{
	return tag ? xstrdup((const char *)tag) : NULL;
}

/* Reads the node that starts at the current event into k; false on a
 * problem of the file. One nested too deeply is the entry's problem: it
 * is skipped. */
static bool
rd_kept(struct state_reader *r, struct kept *k, int depth)
{
	yaml_event_t *ev = &r->ev;
	k->line = (unsigned)ev->start_mark.line + 1;
	k->col = (unsigned)ev->start_mark.column + 1;
	if (depth > 64) {
		state_rd_bad(r, &ev->start_mark, "nested too deeply");
		return state_rd_skip(r);
	}
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
			if (!state_rd_next(r))
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
		return state_rd_fail(r, &ev->start_mark,
		                     "unexpected YAML event");
	}
}

/* The organization's field, a bit of its own while reading (F_WHO is
 * the title's). */
#define F_ORG 0x10000u
/* The status's history, a bit of its own while reading. */
#define F_HIST 0x20000u

/* The bit of a known field name, or 0. */
static unsigned
field_bit(const char *s)
{
	static const struct { const char *name; unsigned bit; } f[] = {
		{"marked", F_MARK}, {"hidden", F_HIDDEN}, {"read", F_READ},
		{"seen", F_SEEN}, {"rating", F_RATING}, {"status", F_STATUS},
		{"note", F_NOTE}, {"title", F_WHO}, {"organization", F_ORG},
		{"history", F_HIST}, {"follow-up", F_FOLLOWUP},
	};
	for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++)
		if (!strcmp(s, f[i].name))
			return f[i].bit;
	return 0;
}

/* Reads the fields of an entry; the current event is its MAPPING_START.
 * A field that cannot be read is the entry's problem: its value is
 * skipped and the other fields are read. False on a problem of the
 * file. */
bool
state_rd_entry(struct state_reader *r, struct entry *e)
{
	unsigned got = 0;
	for (;;) {
		if (!state_rd_next(r))
			return false;
		if (r->ev.type == YAML_MAPPING_END_EVENT)
			return true;
		if (r->ev.type != YAML_SCALAR_EVENT) {
			state_rd_bad(r, &r->ev.start_mark, "expected a field "
			             "name (marked, rating, note...)");
			if (!state_rd_skip(r) || !state_rd_next(r) ||
			    !state_rd_skip(r))
				return false;
			continue;
		}
		unsigned bit = strlen(sc_text(r)) == sc_len(r)
		               ? field_bit(sc_text(r)) : 0;
		if (!bit) {
			struct kept key = {0};
			if (!rd_kept(r, &key, 0) || !state_rd_next(r)) {
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
		if (got & bit) {
			state_rd_bad(r, &r->ev.start_mark,
			             "%s: given twice for this posting", field);
			if (!state_rd_next(r) || !state_rd_skip(r))
				return false;
			continue;
		}
		got |= bit;
		if (!state_rd_next(r))
			return false;
		bool ok, on = false;
		switch (bit) {
		case F_MARK: ok = rd_bool(r, field, &e->pub.marked); break;
		case F_HIDDEN: ok = rd_bool(r, field, &e->pub.hidden); break;
		case F_READ:
		case F_SEEN:
			/* an older file's: billet's own, moved to the store */
			ok = rd_bool(r, field, &on);
			e->legacy |= on ? bit : 0;
			break;
		case F_RATING: ok = rd_rating(r, &e->pub.rating); break;
		case F_STATUS: ok = rd_status(r, &e->pub.status); break;
		case F_WHO:
			ok = rd_text(r, field, &e->title);
			e->pub.title = e->title;
			break;
		case F_ORG:
			ok = rd_text(r, field, &e->org);
			e->pub.org = e->org;
			break;
		case F_HIST:
			ok = rd_history(r, e);
			break;
		case F_FOLLOWUP:
			ok = rd_followup(r, &e->pub.followup);
			break;
		default:
			ok = rd_note(r, &e->note);
			e->pub.note = e->note;
			break;
		}
		if (!ok && !state_rd_skip(r))
			return false;
	}
}
