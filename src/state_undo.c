/* SPDX-License-Identifier: MIT */
/* state_undo: the changes this run made, so that u can take them back,
 * the last first. Each setter records what it replaced; a batch (state_
 * begin to state_commit, as `;` makes) is one step. Undoing gives each
 * field its value back through the setters, so it is saved and merged
 * like any change: only that field of that posting, and not where another
 * process has changed it since. */
#include "state_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "day.h"

/* One field of one entry as a change left it, and as it was before. */
struct undo_rec {
	char *id;           /* the posting */
	unsigned bit;       /* F_MARK, F_HIDDEN, F_RATING, F_STATUS, F_NOTE
	                     * or F_FOLLOWUP */
	int before, after;  /* the flag, rating, status or follow-up date */
	char *note_before;  /* F_NOTE: the notes (NULL: none) */
	char *note_after;
	struct state_change *hb, *ha; /* F_STATUS: the history before and
	                     * after (NULL: none) */
	size_t nhb, nha;    /* their lengths */
};

/* One step: what one setter, or one batch, changed. */
struct undo_step {
	struct undo_rec *v; /* in the order made */
	size_t n, cap;      /* used and allocated */
};

/* The steps of this run, the last last. */
struct undo {
	struct undo_step *steps; /* the oldest first */
	size_t n, cap;           /* used and allocated */
	struct undo_step open;   /* the batch being made */
};

static void
step_free(struct undo_step *s)
{
	for (size_t i = 0; i < s->n; i++) {
		free(s->v[i].id);
		free(s->v[i].note_before);
		free(s->v[i].note_after);
		free(s->v[i].hb);
		free(s->v[i].ha);
	}
	free(s->v);
	memset(s, 0, sizeof(*s));
}

void
state_undo_free(struct state *st)
{
	struct undo *u = st->undo;
	if (!u)
		return;
	for (size_t i = 0; i < u->n; i++)
		step_free(&u->steps[i]);
	free(u->steps);
	step_free(&u->open);
	free(u);
	st->undo = NULL;
}

/* Keeps step s (moved) as the last, forgetting the oldest beyond
 * STATE_UNDO_MAX. */
static void
push_step(struct undo *u, struct undo_step *s)
{
	if (!s->n)
		return;
	if (u->n == STATE_UNDO_MAX) {
		step_free(&u->steps[0]);
		memmove(u->steps, u->steps + 1, (u->n - 1) * sizeof(*u->steps));
		u->n--;
	}
	if (u->n == u->cap) {
		u->cap = u->cap ? u->cap * 2 : 16;
		u->steps = xrealloc(u->steps, u->cap * sizeof(*u->steps));
	}
	u->steps[u->n++] = *s;
	memset(s, 0, sizeof(*s));
}

/* A copy of v[0..n), NULL when n is 0. */
static struct state_change *
hist_copy(const struct state_change *v, size_t n)
{
	if (!n)
		return NULL;
	struct state_change *c = xmalloc(n * sizeof(*c));
	memcpy(c, v, n * sizeof(*c));
	return c;
}

void
state_undo_record_status(struct state *st, const char *id, int before,
                         int after, const struct state_change *hb,
                         size_t nhb, const struct state_change *ha,
                         size_t nha)
{
	if (st->undoing)
		return;
	state_undo_record(st, id, F_STATUS, before, after, NULL, NULL);
	struct undo *u = st->undo;
	struct undo_step *s = st->batch ? &u->open : &u->steps[u->n - 1];
	struct undo_rec *r = &s->v[s->n - 1];
	r->hb = hist_copy(hb, nhb);
	r->nhb = nhb;
	r->ha = hist_copy(ha, nha);
	r->nha = nha;
}

void
state_undo_record(struct state *st, const char *id, unsigned bit, int before,
                  int after, const char *note_before, const char *note_after)
{
	if (st->undoing)
		return;
	if (!st->undo)
		st->undo = xcalloc(1, sizeof(*st->undo));
	struct undo *u = st->undo;
	struct undo_step one = {0};
	struct undo_step *s = st->batch ? &u->open : &one;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 4;
		s->v = xrealloc(s->v, s->cap * sizeof(*s->v));
	}
	s->v[s->n++] = (struct undo_rec){
		.id = xstrdup(id), .bit = bit, .before = before, .after = after,
		.note_before = note_before ? xstrdup(note_before) : NULL,
		.note_after = note_after ? xstrdup(note_after) : NULL,
	};
	if (!st->batch)
		push_step(u, &one);
}

void
state_undo_commit(struct state *st)
{
	if (st->undo && !st->undoing)
		push_step(st->undo, &st->undo->open);
}

/* ---- undoing ---- */

/* True if e's field is still what the record's change left. */
static bool
still_after(const struct entry *e, const struct undo_rec *r)
{
	const struct state_entry *p = &e->pub;
	switch (r->bit) {
	case F_MARK: return p->marked == (r->after != 0);
	case F_HIDDEN: return p->hidden == (r->after != 0);
	case F_RATING: return p->rating == r->after;
	case F_STATUS:
		return p->status == r->after && state_hist_is(e, r->ha, r->nha);
	case F_FOLLOWUP: return p->followup == r->after;
	default:
		if (!e->note || !r->note_after)
			return !e->note && !r->note_after;
		return strcmp(e->note, r->note_after) == 0;
	}
}

/* Gives the record's field its value back (through the setter, inside
 * the open batch); false when refused. */
static bool
restore(struct state *st, const struct undo_rec *r)
{
	switch (r->bit) {
	case F_MARK: return state_set_mark(st, r->id, r->before, NULL);
	case F_HIDDEN: return state_set_hidden(st, r->id, r->before, NULL);
	case F_RATING: return state_set_rating(st, r->id, r->before, NULL);
	case F_STATUS:
		return state_restore_status(st, r->id, r->before, r->hb, r->nhb);
	case F_FOLLOWUP:
		return state_set_followup(st, r->id, r->before, NULL);
	default: return state_set_note(st, r->id, r->note_before, NULL);
	}
}

/* What the field is called in a message. */
static const char *
field_name(unsigned bit)
{
	switch (bit) {
	case F_MARK: return "mark";
	case F_HIDDEN: return "hiding";
	case F_RATING: return "rating";
	case F_STATUS: return "status";
	case F_FOLLOWUP: return "follow-up";
	default: return "note";
	}
}

/* Appends a value of the record's field, as it reads in a message. */
static void
say_value(struct buf *b, unsigned bit, int v, const char *note)
{
	switch (bit) {
	case F_MARK:
		buf_adds(b, v ? "marked" : "not marked");
		break;
	case F_HIDDEN:
		buf_adds(b, v ? "hidden" : "shown");
		break;
	case F_RATING:
		if (v)
			buf_printf(b, "%d", v);
		else
			buf_adds(b, "unrated");
		break;
	case F_STATUS:
		buf_adds(b, query_status_name(v));
		break;
	case F_FOLLOWUP: {
		char d[11];
		day_format(v, d);
		buf_adds(b, v ? d : "none");
		break;
	}
	default: {
		if (!note) {
			buf_adds(b, "none");
			break;
		}
		/* its first words, on one line */
		size_t n = 0, cps = 0;
		while (note[n] && cps < 24) {
			n++;
			while (((unsigned char)note[n] & 0xC0) == 0x80)
				n++;
			cps++;
		}
		char *s = state_shown(note, n);
		buf_printf(b, "\"%s%s\"", s, note[n] ? "…" : "");
		free(s);
		break;
	}
	}
}

/* Appends the title of the posting id (its id when not loaded). */
static void
say_posting(struct buf *b, const struct catalog *c, const char *id)
{
	const struct posting *p = c ? catalog_find(c, id) : NULL;
	const char *t = p && p->title && *p->title ? p->title : id;
	char *s = state_shown(t, strlen(t));
	buf_adds(b, s);
	free(s);
}

enum state_undo_result
state_undo(struct state *st, const struct catalog *c, char *said,
           size_t size, struct state_error *err)
{
	struct undo *u = st->undo;
	if (said && size)
		said[0] = '\0';
	if (err)
		err->msg[0] = '\0';
	if (!u || !u->n) {
		if (said && size)
			snprintf(said, size, "nothing to undo");
		return STATE_UNDO_NONE;
	}
	struct undo_step s = u->steps[--u->n];
	/* what another process changed since counts: it is not undone */
	if (!st->readonly)
		state_reread(st, NULL);
	size_t done = 0, left = 0;
	const struct undo_rec *first = NULL, *other = NULL;
	st->undoing = true;
	state_begin(st);
	for (size_t i = s.n; i-- > 0;) {
		const struct undo_rec *r = &s.v[i];
		const struct entry *e = state_table_find(&st->t, r->id);
		if (e && !e->problem && still_after(e, r) && restore(st, r)) {
			done++;
			first = r;
		} else {
			left++;
			other = r;
		}
	}
	struct state_error serr = {0};
	bool saved = state_commit(st, &serr);
	st->undoing = false;
	struct buf b = {0};
	const struct undo_rec *r = first ? first : other;
	if (done)
		buf_printf(&b, "undid: %s of ", field_name(r->bit));
	else
		buf_printf(&b, "not undone: the %s of ", field_name(r->bit));
	if (s.n == 1) {
		const struct entry *e = state_table_find(&st->t, r->id);
		say_posting(&b, c, r->id);
		if (done) {
			buf_adds(&b, " (was ");
			say_value(&b, r->bit, r->after, r->note_after);
			buf_adds(&b, ", now ");
			say_value(&b, r->bit, r->before, r->note_before);
			buf_adds(&b, ")");
		} else if (e && e->problem) {
			buf_adds(&b, ": its entry in the state file cannot be "
			             "read now, and is kept as written");
		} else {
			const struct state_entry *p = e ? &e->pub : NULL;
			int v = !p ? 0 : r->bit == F_MARK ? p->marked
			        : r->bit == F_HIDDEN ? p->hidden
			        : r->bit == F_RATING ? p->rating
			        : r->bit == F_STATUS ? p->status
			        : r->bit == F_FOLLOWUP ? p->followup : 0;
			buf_adds(&b, " was changed since by another billet "
			             "(now ");
			say_value(&b, r->bit, v, p ? p->note : NULL);
			buf_adds(&b, ")");
		}
	} else {
		buf_printf(&b, "%zu posting%s", done ? done : left,
		           (done ? done : left) == 1 ? "" : "s");
		if (done && left)
			buf_printf(&b, " (%zu other%s changed since by another "
			           "billet, or kept as written, left as %s)",
			           left, left == 1 ? "" : "s",
			           left == 1 ? "it is" : "they are");
		else if (!done)
			buf_adds(&b, ": changed since by another billet, or "
			             "kept as written");
	}
	if (said && size)
		snprintf(said, size, "%s", b.s ? b.s : "");
	buf_free(&b);
	step_free(&s);
	if (!done)
		return STATE_UNDO_LEFT;
	if (!saved) {
		if (err)
			*err = serr;
		return STATE_UNDO_FAILED;
	}
	return STATE_UNDO_DONE;
}
