/* SPDX-License-Identifier: MIT */
/* quit: the interface ends with nothing lost silently. When changes to
 * the state could not be saved (a full disk, a state file that does not
 * parse), q and Q stop at a screen that says which postings and what
 * change, and why, and offers to try the save again, to write the state
 * to another file, or to quit anyway; billet then says on stderr what
 * was not saved and exits 1. */
#include "view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "state.h"

/* Where the state was written instead of its file, said at the end. */
static char written_to[4096];
/* It was written while the state file could not be read: it holds this
 * run's changes only. */
static bool written_alone;

/* How many entries hold changes of the user's not in the file. */
static size_t
count_unsaved(const struct state *st)
{
	size_t n = 0;
	for (size_t i = 0; i < state_count(st); i++)
		n += (state_at(st, i)->unsaved & STATE_USER) != 0;
	return n;
}

/* Appends what e's unsaved changes are: "marked, rating 3, note". */
static void
describe(struct buf *b, const struct state_entry *e)
{
	const char *sep = "";
	unsigned u = e->unsaved;
	if (u & STATE_MARKED) {
		buf_printf(b, "%s%s", sep, e->marked ? "marked" : "unmarked");
		sep = ", ";
	}
	if (u & STATE_HIDDEN) {
		buf_printf(b, "%s%s", sep, e->hidden ? "hidden" : "unhidden");
		sep = ", ";
	}
	if (u & STATE_RATING) {
		if (e->rating)
			buf_printf(b, "%srated %d", sep, e->rating);
		else
			buf_printf(b, "%srating cleared", sep);
		sep = ", ";
	}
	if (u & STATE_STATUS) {
		buf_printf(b, "%sstatus %s", sep, query_status_name(e->status));
		sep = ", ";
	}
	if (u & STATE_FOLLOWUP) {
		buf_printf(b, "%s%s", sep, e->followup ? "follow-up"
		                                       : "follow-up cleared");
		sep = ", ";
	}
	if (u & STATE_NOTE)
		buf_printf(b, "%s%s", sep, e->note ? "note" : "note removed");
}

/* Appends "TITLE: what changed" for e (its id when not loaded). */
static void
describe_posting(struct ui *ui, struct buf *b, const struct state_entry *e)
{
	const struct posting *p = catalog_find(ui->cat, e->id);
	const char *t = p && p->title && *p->title ? p->title : e->id;
	text_sanitize(b, t, strlen(t), SAN_CARET_NL);
	buf_adds(b, ": ");
	describe(b, e);
}

/* Appends why the changes are not saved. */
static void
cause(struct ui *ui, const struct state_error *err, struct buf *b)
{
	const char *why = !state_writable(ui->state)
	                  ? state_problem(ui->state)
	                  : err->msg[0] ? err->msg + err->why : NULL;
	if (why && *why)
		text_sanitize(b, why, strlen(why), SAN_CARET_NL);
	else
		buf_adds(b, "the last save failed");
}

/* The keys, on the message line. */
static const char keys_line[] =
	"not saved: r try again, w write it elsewhere, Q quit anyway, Esc back";

/* Draws the screen of what is not saved: a frame over the list, or, when
 * the terminal is too small for it, the message line alone. */
static void
draw(struct ui *ui, const struct state_error *err, const char *note)
{
	ui_message(ui, true, "%s", note && *note ? note : keys_line);
	ui->dirty = true;
	ui_draw(ui);
	if (ui->too_small || LINES < 12 || COLS < 40) {
		doupdate();
		return;
	}
	int wd = COLS < 78 ? COLS : 78, inner = wd - 4;
	struct buf why = {0};
	cause(ui, err, &why);
	struct wrap_line *lines = NULL;
	size_t nl = 0, cap = 0;
	text_wrap(why.s ? why.s : "", why.len, inner, &lines, &nl, &cap);
	if (nl > 3)
		nl = 3;
	size_t n = count_unsaved(ui->state);
	/* frame 2, heading 1, the postings, blank 1, why, blank 1, keys 4 */
	int fixed = 2 + 1 + 1 + (int)nl + 1 + 4;
	int room = LINES - 2 - fixed;
	int shown = (size_t)room >= n ? (int)n : room > 1 ? room - 1 : 0;
	int h = fixed + shown + (shown < (int)n ? 1 : 0);
	WINDOW *w = newwin(h, wd, (LINES - 2 - h) / 2, (COLS - wd) / 2);
	if (!w)
		die_nomem();
	werase(w);
	ui_frame(ui, w);
	ui_text(w, 0, 2, " not saved ", 11, wd - 4, ui->attr[UL_TITLE], false);
	int y = 1;
	char head[160];
	snprintf(head, sizeof(head), "Changes to %zu posting%s are not in the "
	         "state file:", n, n == 1 ? "" : "s");
	ui_text(w, y++, 2, head, strlen(head), inner, A_BOLD, false);
	struct buf line = {0};
	int listed = 0;
	for (size_t i = 0; i < state_count(ui->state) && listed < shown; i++) {
		const struct state_entry *e = state_at(ui->state, i);
		if (!(e->unsaved & STATE_USER))
			continue;
		buf_clear(&line);
		buf_adds(&line, "  ");
		describe_posting(ui, &line, e);
		ui_text(w, y++, 2, line.s, line.len, inner, A_NORMAL, false);
		listed++;
	}
	if (listed < (int)n) {
		buf_clear(&line);
		buf_printf(&line, "  and %zu more", n - (size_t)listed);
		ui_text(w, y++, 2, line.s, line.len, inner, A_NORMAL, false);
	}
	y++;
	for (size_t i = 0; i < nl; i++)
		ui_text(w, y++, 2, why.s + lines[i].off, lines[i].len, inner,
		        ui->attr[UL_ERROR], false);
	y++;
	static const char *const opts[] = {
		"r    try to save again",
		"w    write the state to another file",
		"Q    quit anyway (exit status 1)",
		"Esc  back to billet",
	};
	for (size_t i = 0; i < 4; i++)
		ui_text(w, y++, 2, opts[i], strlen(opts[i]), inner, A_NORMAL,
		        false);
	wnoutrefresh(w);
	doupdate();
	delwin(w);
	free(lines);
	buf_free(&line);
	buf_free(&why);
}

/* w: asks for a file and writes the state there; true when written. */
static bool
write_elsewhere(struct ui *ui, struct state_error *err, struct buf *note)
{
	char *name = ui_prompt(ui, COLS >= 50 ? "write the state to: "
	                                      : "write to: ",
	                       "~/billet-unsaved.yaml", NULL, NULL);
	char *s = name;
	while (s && *s == ' ')
		s++;
	size_t len = s ? strlen(s) : 0;
	while (len && s[len - 1] == ' ')
		s[--len] = '\0';
	bool done = false;
	buf_clear(note);
	if (!s || !*s) {
		buf_adds(note, "not written");
		free(name);
		return false;
	}
	struct buf path = {0};
	const char *home = getenv("HOME");
	if (s[0] == '~' && (s[1] == '/' || !s[1]) && home && *home)
		buf_printf(&path, "%s%s", home, s + 1);
	else
		buf_adds(&path, s);
	struct state_error e = {0};
	enum atomic_result r = state_write_to(ui->state, path.s, false, &e);
	if (r == ATOMIC_EXISTS) {
		ui_message(ui, false, "%s exists: replace it? (y/n)", s);
		ui->dirty = true;
		ui_draw(ui);
		int k = ui_getkey(ui);
		if (k == 'y' || k == 'Y')
			r = state_write_to(ui->state, path.s, true, &e);
	}
	if (r == ATOMIC_DONE || r == ATOMIC_UNSYNCED) {
		snprintf(written_to, sizeof(written_to), "%s", path.s);
		written_alone = !state_writable(ui->state);
		done = true;
	} else if (r == ATOMIC_EXISTS) {
		buf_printf(note, "not written: %s is left as it was", s);
	} else {
		*err = e;
		err->why = 0;
		buf_adds(note, e.msg);
	}
	buf_free(&path);
	free(name);
	return done;
}

bool
ui_state_may_quit(struct ui *ui)
{
	struct state *st = ui->state;
	if (!st)
		return true;
	struct state_error err = {0};
	if (state_unsaved(st) && state_save(st, &err))
		return true;
	if (!count_unsaved(st))
		return true; /* only what billet records itself: see below */
	struct buf note = {0};
	bool quit = false;
	for (;;) {
		draw(ui, &err, note.s);
		int k = ui_getkey(ui);
		buf_clear(&note);
		if (!k) { /* told to stop */
			quit = true;
			break;
		}
		if (k == (KEY_FN | KEY_RESIZE))
			continue;
		if (k == 'r') {
			err = (struct state_error){0};
			if (state_save(st, &err) || !count_unsaved(st)) {
				quit = true;
				break;
			}
			buf_adds(&note, "still not saved: r try again, w write "
			         "it elsewhere, Q quit anyway, Esc back");
		} else if (k == 'w') {
			if (write_elsewhere(ui, &err, &note)) {
				quit = true;
				break;
			}
		} else if (keys_action(k) == ACT_QUIT) {
			quit = true;
			break;
		} else if (k == 27 || k == 'q' || k == KEY_CTRL('g')) {
			break;
		}
	}
	buf_free(&note);
	buf_clear(&ui->msg);
	ui->dirty = true;
	if (!quit)
		ui_message(ui, false, "back: the changes are kept in memory "
		           "(state not saved)");
	ui->quit = quit;
	return quit;
}

int
ui_state_close(struct ui *ui)
{
	struct state *st = ui->state;
	if (!st)
		return 0;
	int status = 0;
	struct state_error err = {0};
	bool saved = !state_unsaved(st) || state_save(st, &err);
	size_t n = count_unsaved(st);
	if (!saved || n) {
		const char *why = !state_writable(st) ? state_problem(st)
		                  : err.msg + err.why;
		if (n) {
			say("the changes to the shortlist, notes and ratings "
			    "were not saved: %s", why);
			size_t said = 0;
			for (size_t i = 0; i < state_count(st); i++) {
				const struct state_entry *e = state_at(st, i);
				if (!(e->unsaved & STATE_USER))
					continue;
				if (said++ == 20) {
					say("  and %zu more", n - 20);
					break;
				}
				struct buf b = {0};
				describe_posting(ui, &b, e);
				say("  %s", b.s);
				buf_free(&b);
			}
			status = 1;
		} else if (state_writable(st)) {
			say("which postings were opened and seen was not "
			    "saved: %s", why);
		}
	}
	if (written_to[0]) {
		struct buf b = {0};
		text_sanitize(&b, written_to, strlen(written_to), SAN_CARET_NL);
		if (written_alone)
			say("they are written to %s, alone: the state file "
			    "could not be read (billet --state %s reads them)",
			    b.s, b.s);
		else
			say("they are written to %s with the rest of the state "
			    "(billet --state %s reads it)", b.s, b.s);
		buf_free(&b);
		written_to[0] = '\0';
	}
	state_close(st);
	ui->state = NULL;
	/* the hooks go with the state; the day and the currency stay */
	struct query_env keep = ui->env;
	ui->env = (struct query_env){.today = keep.today, .rates = keep.rates};
	memcpy(ui->env.currency, keep.currency, sizeof(keep.currency));
	return status;
}
