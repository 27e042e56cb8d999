/* SPDX-License-Identifier: MIT */
/* state_emit: the state file's text. The entries are written with
 * libyaml's emitter, the runs between entries that cannot be read, which
 * go back as they were written, in their place (state_save.c writes the
 * text to the file). */
#include "state_int.h"

#include <limits.h>
#include <stdbool.h>
#include <string.h>
#include <yaml.h>

#include "day.h"
#include "text.h"

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

/* True if s is a line break alone or ends with two: a block scalar of it
 * needs keep chomping ("|+"), after which libyaml ends the document with
 * "...", and what follows it in the file (an entry kept as written) would
 * be read as a second document. */
static bool
keeps_breaks(const char *s, size_t len)
{
	size_t n = 0; /* breaks at the end */
	while (len && n < 2) {
		const unsigned char *u = (const unsigned char *)s;
		size_t w;
		if (u[len - 1] == '\n' || u[len - 1] == '\r')
			w = 1;
		else if (len >= 2 && u[len - 2] == 0xC2 && u[len - 1] == 0x85)
			w = 2; /* NEL */
		else if (len >= 3 && u[len - 3] == 0xE2 && u[len - 2] == 0x80 &&
		         (u[len - 1] == 0xA8 || u[len - 1] == 0xA9))
			w = 3; /* LS, PS */
		else
			break;
		len -= w;
		n++;
	}
	return n == 2 || (n == 1 && len == 0);
}

static bool
em_scalar(yaml_emitter_t *em, const char *tag, const char *s, size_t len,
          bool pi, bool qi, yaml_scalar_style_t style)
{
	yaml_event_t ev;
	if (len > INT_MAX)
		return false;
	if ((style == YAML_LITERAL_SCALAR_STYLE ||
	     style == YAML_FOLDED_SCALAR_STYLE) && keeps_breaks(s, len))
		style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;
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

bool
state_entry_worth(const struct entry *e)
{
	return state_entry_mine(e) || e->legacy || e->twin;
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
	if ((e->legacy & F_READ) &&
	    !(em_plain(em, "read") && em_plain(em, "true")))
		return false;
	if ((e->legacy & F_SEEN) &&
	    !(em_plain(em, "seen") && em_plain(em, "true")))
		return false;
	if (p->rating) {
		char n[2] = {(char)('0' + p->rating), '\0'};
		if (!em_plain(em, "rating") || !em_plain(em, n))
			return false;
	}
	if (p->status && !(em_plain(em, "status") &&
	                   em_plain(em, query_status_name(p->status))))
		return false;
	if (e->nhist) {
		if (!em_plain(em, "history") ||
		    !yaml_sequence_start_event_initialize(
		            &ev, NULL, NULL, 1, YAML_BLOCK_SEQUENCE_STYLE) ||
		    !yaml_emitter_emit(em, &ev))
			return false;
		for (size_t i = 0; i < e->nhist; i++) {
			char c[32];
			state_change_text(&e->hist[i], c);
			if (!em_plain(em, c))
				return false;
		}
		if (!yaml_sequence_end_event_initialize(&ev) ||
		    !yaml_emitter_emit(em, &ev))
			return false;
	}
	if (p->followup) {
		char d[11];
		day_format(p->followup, d);
		if (!em_plain(em, "follow-up") || !em_plain(em, d))
			return false;
	}
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
	/* who the posting was: what tells it from one taking its id */
	if (e->title && state_entry_mine(e) &&
	    !(em_plain(em, "title") && em_str(em, e->title)))
		return false;
	if (e->org && state_entry_mine(e) &&
	    !(em_plain(em, "organization") && em_str(em, e->org)))
		return false;
	for (size_t i = 0; i < e->extra.n; i++)
		if (!em_kept(em, &e->extra.kids[i]))
			return false;
	return yaml_mapping_end_event_initialize(&ev) &&
	       yaml_emitter_emit(em, &ev);
}

/* Writes the entries v[from..to) that record something as one YAML
 * mapping into out; nothing when none does (a state with nothing left
 * in it is an empty file, not "{}"). */
static bool
emit_run(const struct state *st, size_t from, size_t to, struct buf *out,
         struct state_error *err)
{
	size_t worth = 0;
	for (size_t i = from; i < to; i++)
		worth += state_entry_worth(st->t.v[i]);
	if (!worth)
		return true;
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
	for (size_t i = from; ok && i < to; i++)
		if (state_entry_worth(st->t.v[i]))
			ok = em_entry(&em, st->t.v[i]);
	ok = ok && yaml_mapping_end_event_initialize(&ev) &&
	     yaml_emitter_emit(&em, &ev) &&
	     yaml_document_end_event_initialize(&ev, 1) &&
	     yaml_emitter_emit(&em, &ev) &&
	     yaml_stream_end_event_initialize(&ev) &&
	     yaml_emitter_emit(&em, &ev) && yaml_emitter_flush(&em);
	if (!ok)
		state_err_cause(err, "state not saved: ",
		                "cannot write YAML: %s",
		                em.problem ? em.problem
		                           : "a value is not valid UTF-8");
	yaml_emitter_delete(&em);
	return ok;
}

bool
state_emit(const struct state *st, struct buf *out, struct state_error *err)
{
	/* entries that cannot be read go back as they were written, in
	 * their place; the runs between them are written by the emitter,
	 * each a block mapping whose keys start their lines, as the kept
	 * text's do */
	size_t from = 0;
	bool any = false; /* an entry to write: else an empty file */
	for (size_t i = 0; i < st->t.n && !any; i++)
		any = st->t.v[i]->raw || state_entry_worth(st->t.v[i]);
	/* the format: an older file lacks this line, and keeps lacking it
	 * until its ids are carried over */
	if (!st->old_ids && any)
		buf_adds(out, STATE_HEADER ": what you recorded about "
		         "postings, by posting id (man 5 billet)\n");
	for (size_t i = 0; i < st->t.n; i++) {
		const struct entry *e = st->t.v[i];
		if (!e->raw)
			continue;
		if (!emit_run(st, from, i, out, err))
			return false;
		buf_adds(out, e->raw);
		from = i + 1;
	}
	return emit_run(st, from, st->t.n, out, err);
}
