/* SPDX-License-Identifier: MIT */
/* actions: what the user records about postings, from the interface:
 * marks (the shortlist), notes, ratings, application status, hiding, `;`
 * on every posting shown, export (the postings read and seen:
 * state_tick.c). The state itself (state.c) saves every change at once;
 * a failed save is said on the message line and retried with the next
 * change. */
#include "view.h"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "day.h"
#include "export.h"
#include "state.h"

const char ui_status_keys[QSTATUS_N + 1] = "niavorw";

/* Says that the state changed: views drop what they cached; the list is
 * rebuilt when what it shows may depend on the change. */
void
ui_state_changed(struct ui *ui, bool rebuild)
{
	ui->state_version++;
	ui->dirty = true;
	if (rebuild)
		list_rebuild(ui);
}

/* True when the list shows postings by their state (the shortlist, or a
 * filter, which may ask is:marked, rating>=N...). */
bool
ui_state_shown(const struct ui *ui)
{
	return ui->shortlist || !query_is_empty(ui->query);
}

void
ui_state_status(struct ui *ui, struct buf *out)
{
	if (ui->shortlist)
		buf_adds(out, "  shortlist");
	if (!ui->state)
		return;
	if (!state_writable(ui->state))
		buf_adds(out, "  state read-only");
	else if (state_unsaved(ui->state))
		buf_adds(out, "  state not saved");
}

/* Detail lines ----------------------------------------------------- */

void
ui_state_mine(struct ui *ui, const struct posting *p, struct posting_mine *m)
{
	const struct state_entry *e = ui->state ? state_get(ui->state, p->id)
	                                        : NULL;
	*m = (struct posting_mine){.stars = ui->utf8};
	if (ui->state)
		m->changed = changes_text(ui, p);
	if (!e)
		return;
	m->marked = e->marked;
	m->hidden = e->hidden ? "yes (x unhides)" : NULL;
	m->rating = e->rating;
	if (e->status > QSTATUS_NONE && e->status < QSTATUS_N)
		m->status = query_status_name(e->status);
	/* kept till the next call: the detail renders them at once */
	static struct buf hist, fol;
	buf_clear(&hist);
	buf_clear(&fol);
	state_history_text(e, &hist);
	if (e->followup)
		state_followup_text(e->followup, day_today(), &fol);
	m->history = hist.len ? hist.s : NULL;
	m->followup = fol.len ? fol.s : NULL;
	m->note = e->note;
}

/* Asking -------------------------------------------------------------- */

/* Draws the screen and waits for a key (Alt-x as KEY_ALT | 'x'), past
 * resizes; 0 when the program is told to stop. */
static int
next_key(struct ui *ui)
{
	for (;;) {
		ui->dirty = true;
		ui_draw(ui);
		int k = ui_getkey_alt(ui);
		if (k != (KEY_FN | KEY_RESIZE))
			return k;
	}
}

/* Asks a yes/no question on the message line; true on y. Q answers no
 * and quits (ui->quit). */
static bool
ask(struct ui *ui, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static bool
ask(struct ui *ui, const char *fmt, ...)
{
	char q[1024];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(q, sizeof(q), fmt, ap);
	va_end(ap);
	ui_message(ui, false, "%s (y/n)", q);
	int k = next_key(ui);
	buf_clear(&ui->msg);
	ui->dirty = true;
	if (keys_action(k) == ACT_QUIT)
		ui->quit = true;
	return k == 'y' || k == 'Y';
}

/* After R: asks for the rating of what (a title, or NULL) on the
 * message line, verb before "1-5" ("rate", "rate the 2 postings
 * shown"), and returns it, 0 to 5, or -1 when another key gave up (Q
 * quits: ui->quit is then set). */
static int
ask_rating(struct ui *ui, const char *verb, const char *what)
{
	ui_message(ui, false, "%s 1-5, 0 clears, any other key cancels%s%s",
	           verb, what ? ": " : "", what ? what : "");
	int k = next_key(ui);
	buf_clear(&ui->msg);
	ui->dirty = true;
	if (k >= '0' && k <= '5')
		return k - '0';
	if (keys_action(k) == ACT_QUIT)
		ui->quit = true;
	return -1;
}

/* The actions ---------------------------------------------------------- */

/* How many loaded postings are marked. */
static size_t
count_marked(const struct ui *ui)
{
	size_t n = 0;
	for (size_t i = 0; i < ui->cat->n; i++)
		if (!ui->cat->v[i]->dup_of &&
		    ui->env.marked(ui->env.ctx, ui->cat->v[i]))
			n++;
	return n;
}

/* Says what was done to p, or that it could not be saved (err). */
static void
report(struct ui *ui, bool ok, const struct state_error *err,
       const struct posting *p, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static void
report(struct ui *ui, bool ok, const struct state_error *err,
       const struct posting *p, const char *fmt, ...)
{
	char what[256];
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(what, sizeof(what), fmt, ap);
	va_end(ap);
	if (!ok && err->refused) {
		ui_message(ui, true, "%s: %s", p && p->title ? p->title : p ?
		           p->id : "state", err->msg);
		return;
	}
	if (!ok && !state_writable(ui->state))
		ui_message(ui, true, "%s, for this run only: %s (the state file "
		           "is left as it is)", what, state_problem(ui->state));
	else if (!ok && err->why)
		ui_message(ui, true, "%s, but state not saved: %s", what,
		           err->msg + err->why);
	else if (!ok)
		ui_message(ui, true, "%s, but %s", what, err->msg);
	else if (p)
		ui_message(ui, false, "%s: %s", what, p->title ? p->title : p->id);
	else
		ui_message(ui, false, "%s", what);
}

/* Edits p's note in the built-in editor. */
static void
note_here(struct ui *ui, const struct posting *p)
{
	const struct state_entry *e = state_get(ui->state, p->id);
	char *old = e && e->note ? strdup(e->note) : NULL;
	if (e && e->note && !old)
		die_nomem();
	char *text = note_edit(ui, p->title ? p->title : p->id, old);
	if (!text) {
		ui_message(ui, false, "note not changed");
	} else if (strcmp(text, old ? old : "") == 0) {
		ui_message(ui, false, "note not changed");
	} else {
		struct state_error err = {0};
		bool ok = state_set_note(ui->state, p->id, text, &err);
		ui_state_changed(ui, ui_state_shown(ui));
		report(ui, ok, &err, p, *text ? "note saved" : "note removed");
	}
	free(text);
	free(old);
}

/* Reads a whole file into b; false on failure. */
static bool
read_file(const char *path, struct buf *b)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	char chunk[4096];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(b, chunk, n);
	bool ok = !ferror(f);
	fclose(f);
	buf_adds(b, "");
	return ok;
}

/* Edits p's note in $VISUAL or $EDITOR on a temporary file, the screen
 * given back to the terminal meanwhile. */
static void
note_outside(struct ui *ui, const struct posting *p)
{
	const char *ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed) {
		ui_message(ui, true, "A: neither $VISUAL nor $EDITOR is set; a "
		           "edits the note here");
		return;
	}
	const char *dir = getenv("TMPDIR");
	struct buf path = {0};
	buf_printf(&path, "%s/billet-note-XXXXXX.txt",
	           dir && *dir ? dir : "/tmp");
	int fd = mkstemps(path.s, 4);
	if (fd < 0) {
		ui_message(ui, true, "A: cannot make a temporary file in %s: %s",
		           dir && *dir ? dir : "/tmp", strerror(errno));
		buf_free(&path);
		return;
	}
	const struct state_entry *e = state_get(ui->state, p->id);
	struct buf old = {0};
	if (e && e->note)
		buf_printf(&old, "%s\n", e->note);
	buf_adds(&old, "");
	bool wrote = write(fd, old.s, old.len) == (ssize_t)old.len;
	close(fd);
	if (!wrote) {
		ui_message(ui, true, "A: cannot write %s", path.s);
		unlink(path.s);
		buf_free(&path);
		buf_free(&old);
		return;
	}
	ui_leave();
	int status = ui_run_editor(ed, path.s, 0);
	ui_return();
	/* the next draw puts the screen back as it was */
	clearok(curscr, TRUE);
	layout(ui);
	struct buf text = {0};
	bool keep = false;
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		ui_message(ui, true, "A: the editor (%s) failed%s; the note is "
		           "not changed", ed,
		           status != -1 && WIFEXITED(status) &&
		           WEXITSTATUS(status) == 127 ? ": not found" : "");
	} else if (!read_file(path.s, &text)) {
		ui_message(ui, true, "A: cannot read %s back: %s", path.s,
		           strerror(errno));
	} else {
		/* the newline editors add, and blank lines, go at the end */
		while (text.len && strchr(" \t\r\n", text.s[text.len - 1]))
			text.s[--text.len] = '\0';
		const char *before = e && e->note ? e->note : "";
		if (strcmp(text.s, before) == 0) {
			ui_message(ui, false, "note not changed");
		} else {
			struct state_error err = {0};
			bool ok = state_set_note(ui->state, p->id, text.s, &err);
			ui_state_changed(ui, ui_state_shown(ui));
			if (!ok && !text_valid(text.s, text.len)) {
				keep = true; /* refused: the text stays in the file */
				ui_message(ui, true, "%s; the text is in %s", err.msg,
				           path.s);
			} else {
				report(ui, ok, &err, p,
				       *text.s ? "note saved" : "note removed");
			}
		}
	}
	if (!keep)
		unlink(path.s);
	buf_free(&text);
	buf_free(&path);
	buf_free(&old);
}

/* The format an export file's name asks for: by its extension, else
 * Markdown. */
static enum format
format_of(const char *path)
{
	static const struct {
		const char *ext;
		enum format f;
	} exts[] = {
		{"md", FMT_MARKDOWN}, {"markdown", FMT_MARKDOWN},
		{"csv", FMT_CSV}, {"tsv", FMT_TSV}, {"json", FMT_JSON},
		{"yaml", FMT_YAML}, {"yml", FMT_YAML}, {"txt", FMT_TEXT},
	};
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash + 1 : path, '.');
	for (size_t i = 0; dot && i < sizeof(exts) / sizeof(*exts); i++)
		if (strcasecmp(dot + 1, exts[i].ext) == 0)
			return exts[i].f;
	return FMT_MARKDOWN;
}

/* e: writes the shortlist to a file named on the prompt. */
static void
export_shortlist(struct ui *ui)
{
	struct posting **v = malloc((ui->nsorted ? ui->nsorted : 1) *
	                            sizeof(*v));
	if (!v)
		die_nomem();
	/* the shortlist as M shows it: hidden postings are left out
	 * unless the filter mentions is:hidden */
	bool drop_hidden = ui->env.hidden &&
	                   !query_mentions(ui->query, "is:hidden");
	size_t n = 0;
	for (size_t i = 0; i < ui->nsorted; i++)
		if (ui->env.marked(ui->env.ctx, ui->sorted[i]) &&
		    !(drop_hidden && ui->env.hidden(ui->env.ctx,
		                                    ui->sorted[i])))
			v[n++] = ui->sorted[i];
	if (n == 0) {
		ui_message(ui, false, "the shortlist is empty: m marks the "
		           "current posting");
		free(v);
		return;
	}
	char *name = ui_prompt(ui, COLS >= 50 ? "export the shortlist to: "
	                                      : "export to: ",
	                       "shortlist.md", NULL, NULL);
	/* leading and trailing blanks are not part of the name */
	char *s = name;
	while (s && *s == ' ')
		s++;
	size_t len = s ? strlen(s) : 0;
	while (len && s[len - 1] == ' ')
		s[--len] = '\0';
	if (!s || !*s) {
		ui_message(ui, false, "not exported");
		free(name);
		free(v);
		return;
	}
	struct buf path = {0};
	const char *home = getenv("HOME");
	if (s[0] == '~' && (s[1] == '/' || !s[1]) && home && *home)
		buf_printf(&path, "%s%s", home, s + 1);
	else
		buf_adds(&path, s);
	enum format fmt = format_of(path.s);
	struct export_hooks h;
	state_export_hooks(ui->state, &h);
	char why[1024];
	enum export_result r = export_file(path.s, false, v, n, fmt, 80, &h,
	                                   why, sizeof(why));
	if (r == EXPORT_EXISTS && ask(ui, "%s exists: overwrite it?", s))
		r = export_file(path.s, true, v, n, fmt, 80, &h, why,
		                sizeof(why));
	if (r == EXPORT_EXISTS)
		ui_message(ui, false, "not exported: %s is left as it was", s);
	else if (r == EXPORT_DONE)
		ui_message(ui, false, "exported %zu posting%s to %s (%s)", n,
		           n == 1 ? "" : "s", s, format_name(fmt));
	else if (r == EXPORT_FAILED)
		ui_message(ui, true, "%s", why);
	buf_free(&path);
	free(name);
	free(v);
}

/* `;`: the next m, x, rating or p applies to every posting shown, in
 * one save. */
static void
apply_all(struct ui *ui)
{
	struct state *st = ui->state;
	size_t n = ui->nshown;
	if (n == 0) {
		ui_message(ui, false, "; : no posting is shown");
		return;
	}
	ui_message(ui, false, "; on the %zu posting%s shown: m mark, x hide, "
	           "R rate, p status; Esc cancels", n, n == 1 ? "" : "s");
	int k = next_key(ui);
	enum action a = keys_action(k);
	if (a == ACT_QUIT) {
		ui->quit = true;
		return;
	}
	if (a != ACT_MARK && a != ACT_HIDE && a != ACT_RATE &&
	    a != ACT_STATUS) {
		char name[48];
		keys_name(k, name, sizeof(name));
		ui_message(ui, false, k == 27 || !k ? "; cancelled"
		           : "; cancelled: it goes with m, x, R or p, not %s",
		           name);
		return;
	}
	bool any_off = false, all_hidden = true;
	int status0 = -1;
	for (size_t i = 0; i < n; i++) {
		const struct state_entry *e = state_get(st, ui->shown[i]->id);
		if (a == ACT_MARK && !(e && e->marked))
			any_off = true;
		if (a == ACT_HIDE && !(e && e->hidden))
			all_hidden = false;
		int s = e ? e->status : QSTATUS_NONE;
		status0 = i == 0 ? s : status0 == s ? s : -1;
	}
	int value = 0;
	int32_t on = 0; /* p: the day of the change, 0 today */
	/* what: the question's; done: what was done, the postings
	 * counted in it ("rated 2 postings 4 of 5") */
	char what[96], done[160], of[48];
	snprintf(of, sizeof(of), "%zu posting%s", n, n == 1 ? "" : "s");
	switch (a) {
	case ACT_MARK:
		value = any_off;
		snprintf(what, sizeof(what), "%s", value ? "mark" : "unmark");
		snprintf(done, sizeof(done), "%s %s",
		         value ? "marked" : "unmarked", of);
		break;
	case ACT_HIDE:
		value = !all_hidden;
		snprintf(what, sizeof(what), "%s", value ? "hide" : "unhide");
		snprintf(done, sizeof(done), "%s %s", value ? "hid" : "unhid",
		         of);
		break;
	case ACT_RATE: {
		char q[64];
		snprintf(q, sizeof(q), "rate the %s shown", n == 1 ? "posting"
		                                                 : of);
		value = ask_rating(ui, q, NULL);
		if (value < 0) {
			if (!ui->quit)
				ui_message(ui, false, "; cancelled");
			return;
		}
		if (value) {
			snprintf(what, sizeof(what), "rate %d", value);
			snprintf(done, sizeof(done), "rated %s %d of 5", of, value);
		} else {
			snprintf(what, sizeof(what), "clear the rating");
			snprintf(done, sizeof(done), "cleared the rating of %s", of);
		}
		break;
	}
	default:
		value = ui_choose_status(ui, status0 < 0 ? 0 : status0, of,
		                         &on);
		if (value < 0) {
			if (!ui->quit)
				ui_message(ui, false, "; cancelled");
			return;
		}
		snprintf(what, sizeof(what), "status %s",
		         query_status_name(value));
		snprintf(done, sizeof(done), "set the status of %s to %s", of,
		         query_status_name(value));
		break;
	}
	if (n > 1 && conf_bool(ui->conf, CO_CONFIRM_APPLY_ALL) &&
	    !ask(ui, "%s: apply to %zu postings?", what, n)) {
		ui_message(ui, false, "; cancelled: nothing changed");
		return;
	}
	struct state_error err = {0}, one = {0};
	bool ok = true;
	size_t kept = 0; /* entries the file has that cannot be read */
	state_begin(st);
	for (size_t i = 0; i < n; i++) {
		const char *id = ui->shown[i]->id;
		bool r = a == ACT_MARK ? state_set_mark(st, id, value, &one)
		       : a == ACT_HIDE ? state_set_hidden(st, id, value, &one)
		       : a == ACT_RATE ? state_set_rating(st, id, value, &one)
		                       : state_set_status_on(st, id, value, on,
		                                             &one);
		if (!r && one.refused)
			kept++;
		else if (!r && ok) {
			ok = false;
			err = one;
		}
	}
	if (!state_commit(st, &one) && ok) {
		ok = false;
		err = one;
	}
	ui_state_changed(ui, true);
	if (kept)
		report(ui, ok, &err, NULL, "%s (%zu not changed: the state file "
		       "has %s in a form that cannot be read, kept as written)",
		       done, kept, kept == 1 ? "its entry" : "their entries");
	else
		report(ui, ok, &err, NULL, "%s", done);
}

/* u: takes back the last change to the state, then the one before. */
static void
undo(struct ui *ui)
{
	char said[512];
	struct state_error err = {0};
	enum state_undo_result r = state_undo(ui->state, ui->cat, said,
	                                      sizeof(said), &err);
	if (r == STATE_UNDO_NONE) {
		ui_message(ui, false, "u: nothing to undo");
		return;
	}
	ui_state_changed(ui, true);
	if (r == STATE_UNDO_LEFT)
		ui_message(ui, true, "%s", said);
	else
		report(ui, r == STATE_UNDO_DONE, &err, NULL, "%s", said);
}

void
ui_state_action(struct ui *ui, enum action a, int key)
{
	struct state *st = ui->state;
	(void)key;
	ui->count = 0; /* these take no count */
	if (a == ACT_SHORTLIST) {
		ui->shortlist = !ui->shortlist;
		list_rebuild(ui);
		if (ui->shortlist)
			ui_message(ui, false, "the shortlist: %zu marked (M shows "
			           "every posting)", count_marked(ui));
		else
			ui_message(ui, false, "every posting (M shows the "
			           "shortlist)");
		return;
	}
	if (a == ACT_EXPORT) {
		export_shortlist(ui);
		return;
	}
	if (a == ACT_APPLY_ALL) {
		apply_all(ui);
		return;
	}
	if (a == ACT_UNDO) {
		undo(ui);
		return;
	}
	struct posting *p = ui_current(ui);
	if (!p) {
		ui_message(ui, false, "no posting here");
		return;
	}
	const struct state_entry *e = state_get(st, p->id);
	if (e && e->problem) {
		/* said before an editor or a menu opens: nothing is lost */
		ui_message(ui, true, "not changed: the state file's entry for "
		           "%s cannot be read (%s); it is kept as written until "
		           "it is mended there", p->title ? p->title : p->id,
		           e->problem);
		return;
	}
	struct state_error err = {0};
	bool ok;
	switch (a) {
	case ACT_MARK: {
		bool on = !(e && e->marked);
		ok = state_set_mark(st, p->id, on, &err);
		ui_state_changed(ui, ui_state_shown(ui));
		report(ui, ok, &err, p, "%s (%zu on the shortlist)",
		       on ? "marked" : "unmarked", count_marked(ui));
		break;
	}
	case ACT_HIDE: {
		bool on = !(e && e->hidden);
		ok = state_set_hidden(st, p->id, on, &err);
		ui_state_changed(ui, true);
		if (on && !query_mentions(ui->query, "is:hidden"))
			report(ui, ok, &err, p, "hidden (/is:hidden shows it)");
		else
			report(ui, ok, &err, p, "%s", on ? "hidden" : "unhidden");
		break;
	}
	case ACT_RATE: {
		int r = ask_rating(ui, "rate", p->title ? p->title : p->id);
		if (r < 0) {
			if (!ui->quit)
				ui_message(ui, false, "rating not changed");
			break;
		}
		ok = state_set_rating(st, p->id, r, &err);
		ui_state_changed(ui, ui_state_shown(ui));
		if (r)
			report(ui, ok, &err, p, "rated %d of 5", r);
		else
			report(ui, ok, &err, p, "rating cleared");
		break;
	}
	case ACT_STATUS: {
		int32_t on = 0;
		int s = ui_choose_status(ui, e ? e->status : QSTATUS_NONE, NULL,
		                         &on);
		if (s < 0) {
			ui_message(ui, false, "status not changed");
			break;
		}
		ok = state_set_status_on(st, p->id, s, on, &err);
		ui_state_changed(ui, ui_state_shown(ui));
		if (on) {
			char d[11];
			day_format(on, d);
			report(ui, ok, &err, p, "status %s on %s",
			       query_status_name(s), d);
		} else {
			report(ui, ok, &err, p, "status %s",
			       query_status_name(s));
		}
		break;
	}
	case ACT_FOLLOW_UP: {
		int32_t d;
		if (!ui_ask_follow_up(ui, p, e ? e->followup : 0, &d))
			break;
		ok = state_set_followup(st, p->id, d, &err);
		ui_state_changed(ui, ui_state_shown(ui));
		char ds[11];
		day_format(d, ds);
		if (d)
			report(ui, ok, &err, p, "follow up on %s", ds);
		else
			report(ui, ok, &err, p, "follow-up cleared");
		break;
	}
	case ACT_NOTE:
		note_here(ui, p);
		break;
	case ACT_NOTE_EDITOR:
		note_outside(ui, p);
		break;
	default:
		break;
	}
}
