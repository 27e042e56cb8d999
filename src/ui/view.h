/* SPDX-License-Identifier: MIT */
/* view: the generic pane, the interface's shared state, and the driver.
 *
 * A view is a pane of rows with a cursor (the list) or without one (detail,
 * help, problems: they scroll). Its behaviour is a struct view_ops of
 * callbacks; its own data hangs off v->priv. The generic code draws the
 * rows it asks for, moves the cursor, scrolls, handles the mouse, and
 * passes every key it gets as an action (keys.h) first to the focused
 * view's .key, then, when the view gives the action back, to view_driver.
 *
 * Adding an action (say the state module's MARK):
 *   1. its line in BILLET_ACTIONS (keys.h) gives it its keys and its help;
 *   2. handle it where it belongs: a view-specific action in that view's
 *      .key (return ACT_NONE when used, else return the action), an action
 *      on the current posting from any view in view_driver (view.c); the
 *      state's actions go on to ui_state_action (actions.c).
 *      ui_current() is the posting the action is about; ui->state is the
 *      state file, opened by ui_run, and ui->env carries its hooks
 *      (marked, hidden, ...) that the filter and the list's flags use;
 *      after a change bump ui->state_version, and call list_rebuild() when
 *      the set of postings shown may change. Say what happened with
 *      ui_message(); ask for text (a note, a file name) with ui_prompt();
 *      ui->shown[0..nshown) is what `;` applies to.
 *
 * Adding a view (say compare.c):
 *   1. static functions for struct view_ops (at least .draw_row and
 *      .update, which sets v->nrows for v->width); .cursor false if it
 *      only scrolls; .header true to get a first line for .draw_header;
 *   2. a constructor such as `struct view *compare_view_new(struct ui *)`
 *      declared below, which calls view_new(ui, &ops, priv);
 *   3. open it with view_push(ui, v) (it is drawn full screen and gets the
 *      keys); q pops it and view_free() runs .free for its priv. A view
 *      that keeps postings must check ui->generation in .update: reload
 *      frees every posting and bumps it. Its .key takes the actions that
 *      are its own (compare: NEXT_MATCH, PREV_MATCH, DIFF_ONLY,
 *      SCROLL_LEFT, SCROLL_RIGHT, FOCUS) and returns the rest; a view
 *      whose rows are postings (compare's columns) sets .current so
 *      that the actions on the current posting act on its own.
 * Draw text only through ui_text()/ui_text_spans(): they sanitise, cut
 * and pad by display columns.
 */
#ifndef BILLET_UI_VIEW_H
#define BILLET_UI_VIEW_H

#include <curses.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include "catalog.h"
#include "conf.h"
#include "history.h"
#include "keys.h"
#include "load.h"
#include "query.h"
#include "text.h"
#include "ui.h"

/* The looks the interface uses, one an element of the config's color
 * (conf.h: UL_CURRENT is the element "cursor"); ui->attr maps them to
 * curses attributes (colours unless NO_COLOR or --no-color; theme.c). */
enum ui_look {
#define UI_LOOK_ENUM(id, name, help, dark, light, mono) UL_##id,
	BILLET_ELEMENTS(UI_LOOK_ENUM)
#undef UI_LOOK_ENUM
	UL_N
};

/* Columns the list can show (list-columns). */
#define UI_NCOLS 8

struct view;
struct ui;
struct watch;

/* What makes one kind of view. Unused callbacks may be NULL. */
struct view_ops {
	const char *name;   /* "list", "detail", ... */
	bool cursor;        /* it has a current row; else it only scrolls */
	bool header;        /* its first line is drawn by .draw_header */
	bool counts;        /* its .key reads ui->count itself; else a count
	                     * repeats NEXT_MATCH, PREV_MATCH, SCROLL_LEFT
	                     * and SCROLL_RIGHT (view_dispatch) */
	/* Brings v->nrows (and anything cached) up to date with the model
	 * and v->width; called before every draw. */
	void (*update)(struct view *v);
	/* Draws the header line (y 0) of v->win. */
	void (*draw_header)(struct view *v);
	/* Draws row `row` at line y of v->win; current: it is the cursor's. */
	void (*draw_row)(struct view *v, size_t row, int y, bool current);
	/* Handles an action (key: the key that gave it); returns ACT_NONE
	 * when done, or an action for view_driver (usually a itself). */
	enum action (*key)(struct view *v, enum action a, int key);
	/* The posting the actions on "the current posting" (mark, rating,
	 * status, hide, note) are about while this view is on top, or NULL
	 * for none; unset (NULL): the list's current one. */
	struct posting *(*current)(struct view *v);
	/* Frees v->priv. */
	void (*free)(struct view *v);
};

/* One view. Made by view_new, freed by view_free; the ui keeps them. */
struct view {
	const struct view_ops *ops; /* its behaviour */
	struct ui *ui;              /* the interface it belongs to */
	void *priv;                 /* the view's own data, freed by .free */
	WINDOW *win;                /* its pane while shown, else NULL */
	int width, height;          /* the pane's size, header included */
	size_t nrows;               /* rows of content (.update sets it) */
	size_t cursor;              /* current row, views with a cursor */
	size_t top;                 /* first row shown */
	bool focused;               /* it gets the keys */
};

/* The count of the shortlist's postings closing soon, and what it was
 * counted for (ui/deadline.c). */
struct ui_deadlines {
	bool known;             /* counted at least once */
	int32_t today;          /* the day it was counted on */
	int days;               /* the closing-soon days then */
	unsigned state_version; /* ui->state_version then */
	unsigned generation;    /* ui->generation then */
	size_t n;               /* postings counted (the catalog's first n) */
	size_t count;           /* marked, not hidden, closing soon */
};

/* The interface's state, shared by every view. Owned by ui_run. */
struct ui {
	struct catalog *cat;             /* the postings (owned by the caller) */
	const struct ui_config *cfg;     /* how it was started */
	unsigned generation;             /* bumped when postings are reloaded */

	struct query *query;             /* the filter in force, never NULL */
	struct query_env env;            /* state hooks for the filter and the
	                                  * list (all NULL until state exists) */
	struct sort_spec sort;           /* the sort order in force */
	bool reversed_load;              /* load order, reversed (sort.n 0) */
	struct posting **sorted;         /* every posting in sort order */
	uint32_t *sorted_seq;            /* sorted[i]->seq, set when sorted */
	size_t nsorted;                  /* how many (the catalog's count) */
	struct query_index *ix;          /* index over cat->v, grown in slices
	                                  * between keys (may lag cat->n) */
	uint32_t *sel;                   /* query_select's answer (cat->n) */
	uint64_t *selbits;               /* the same as a bitset by seq */
	uint8_t *stflags;                /* UI_ST_ bits of each posting, by
	                                  * seq, refreshed by list_rebuild */
	struct query_notes *notes;       /* the notes the filter searches
	                                  * (env.notes), read again after a
	                                  * change of state (list_notes) */
	unsigned notes_version;          /* the state_version they were
	                                  * read in */
	size_t notes_upto;               /* postings of cat->v read */
	size_t roomfor;                  /* postings the arrays above hold */
	struct posting **shown;          /* those the filter shows, in order */
	size_t nshown;                   /* how many */
	int colw[UI_NCOLS];              /* list: widest cell of each column
	                                  * (title, org, location, salary,
	                                  * deadline, posted, workplace,
	                                  * type), capped */
	int cols[UI_NCOLS];              /* the columns shown, in order
	                                  * (list-columns) */
	int ncols;                       /* how many */
	struct conf *conf;               /* the settings (conf.h), read by
	                                  * settings_open; owned by ui_run */
	bool currency_set;               /* the user set a currency: a load
	                                  * does not choose one */
	struct currency_rates rates;     /* the user's rates (ui->env.rates) */
	struct history prompt_history;   /* the lines typed at `:` */
	struct history filter_history;   /* the filters typed at `/`, each
	                                  * once (history_open_unique) */
	struct buf prompt_note;          /* while editing: what the status
	                                  * line says for the prompt (Tab's
	                                  * names) */
	bool no_color;                   /* --no-color or NO_COLOR */
	long long conf_checked_ms;       /* when the config file was last
	                                  * looked at */
	bool dated;                      /* some posting gives its deadline
	                                  * as a date: the list's flags have
	                                  * room for the deadline's */

	struct view *list;               /* the list, the bottom of the stack */
	struct view *detail;             /* the detail of the current posting */
	struct view *stack[16];          /* open views; the last has the focus */
	size_t depth;                    /* how many */
	bool split;                      /* list and detail side by side */
	struct view *pane[2];            /* the views on screen, left first */
	int npanes;                      /* how many (0 when too small) */
	bool too_small;                  /* below the smallest usable size */

	struct buf msg;                  /* message line text */
	bool msg_error;                  /* it is an error */
	struct buf filter_error;         /* while editing: why it does not parse */
	bool editing;                    /* the prompt is open */
	unsigned long count;             /* the count typed before an action
	                                  * (5 of 5j), 0 when none; the
	                                  * action it goes with reads it */
	long half_rows;                  /* rows Ctrl-D and Ctrl-U move, set
	                                  * by a count (10 Ctrl-D) as in less
	                                  * and vim; 0: half the pane */
	bool quit;                       /* leave the main loop */
	struct loader *loader;           /* the load under way, or NULL */
	char *want_id;                   /* while loading: the id to put the
	                                  * cursor back on (malloc'd) */
	bool want_open;                  /* and, once it is there, open its
	                                  * detail as Enter does (I) */
	long long load_shown_ms;         /* when the list last took in what
	                                  * the load read */
	long long load_cost_ms;          /* how long that took */
	bool partial;                    /* the filter has answered only for
	                                  * the postings indexed so far */
	struct state *state;             /* marks, notes, ratings (state.h):
	                                  * opened and closed by ui_run */
	bool shortlist;                  /* M: only marked postings shown */
	int32_t today;                   /* the day the list was filtered on
	                                  * (deadline_today()), 0 at first */
	struct ui_deadlines deadlines;   /* the shortlist closing soon */
	unsigned state_version;          /* bumped on every change of state,
	                                  * so views redraw what they cached */
	char *extra_path;                /* a directory I wrote into that is
	                                  * not among the paths given, read
	                                  * with them from then on (malloc'd) */
	struct watch *watch;             /* the files watched (watch.c) */
	struct buf after_load;           /* said when the load under way is
	                                  * done, instead of its counts */
	bool after_load_error;           /* it is an error */
	bool dirty;                      /* redraw everything */
	bool color;                      /* colours are in use */
	bool utf8;                       /* the locale's encoding is UTF-8 */
	attr_t attr[UL_N];               /* curses attributes of each look */
	struct ui_changes *changes;      /* postings as read before this
	                                  * run's readings (changes.c), or
	                                  * NULL */
};

/* Bits of ui->stflags: what the list itself filters on. */
enum { UI_ST_HIDDEN = 1, UI_ST_MARKED = 2,
       UI_ST_ALSO = 4 /* another source of a job listed once */ };

/* Smallest usable terminal: below it the screen says "terminal too small". */
#define UI_MIN_COLS 20
/* Smallest usable height (header, two rows, status, message). */
#define UI_MIN_LINES 5
/* Width from which list and detail are shown side by side, unless
 * set split-width says. */
#define UI_SPLIT_COLS 120

/* view.c: the generic pane and the driver ------------------------------ */

/* Makes a view of the given kind with its private data. */
struct view *view_new(struct ui *ui, const struct view_ops *ops, void *priv);
/* Frees a view and its private data (NULL is fine). */
void view_free(struct view *v);
/* Opens v on top of the stack: it gets the focus. */
void view_push(struct ui *ui, struct view *v);
/* Closes the top view (frees it unless it is the list or the detail);
 * false when only the list is left. */
bool view_pop(struct ui *ui);
/* The focused view. */
struct view *view_top(struct ui *ui);
/* Rows of content a view shows (its height less the header). */
int view_body(const struct view *v);
/* Moves the cursor (or scrolls) to row; clamps; keeps it in sight. */
void view_goto(struct view *v, size_t row);
/* Moves the cursor (or scrolls) by delta rows. */
void view_move(struct view *v, long delta);
/* Scrolls so that row is in sight, `context` rows from the top if it was
 * not. */
void view_show_row(struct view *v, size_t row, size_t context);
/* Draws a view into its window (update, header, rows). */
void view_draw(struct view *v);
/* Takes a key that types a count (a digit; Esc or Ctrl-G while one is
 * typed cancels it); true when it did, and the key goes no further. */
bool view_count_key(struct ui *ui, int key);
/* Runs an action on the focused view, then the generic handling; with
 * ui->count, as many times as it says for the actions a view does not
 * count itself (see view_ops.counts). */
void view_dispatch(struct ui *ui, enum action a, int key);
/* The generic handling of an action no view used. */
void view_driver(struct ui *ui, enum action a, int key);
/* Handles a mouse event at screen y, x (click, double click, wheel). */
void view_mouse(struct ui *ui, int y, int x, unsigned long bstate);

/* display.c: terminal, layout, status line, prompt, drawing ------------ */

/* Places the views in the terminal's current size. */
void layout(struct ui *ui);
/* Gives the terminal back (endwin), for good or until ui_return; a stop
 * (Ctrl-Z) meanwhile leaves it as it is. */
void ui_leave(void);
/* Takes the terminal again after ui_leave (the next refresh draws). */
void ui_return(void);
/* Redraws everything that changed and updates the terminal. */
void ui_draw(struct ui *ui);
/* Sets the message line (printf-style); error: show it as one. */
void ui_message(struct ui *ui, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Draws text on line y of w from column x in at most width columns,
 * sanitised, cut with "…", padded to width when pad; returns the columns
 * used. */
int ui_text(WINDOW *w, int y, int x, const char *s, size_t len, int width,
            attr_t a, bool pad);
/* Like ui_text, with the byte ranges spans[0..n) drawn in attribute hl
 * (s must already be sanitised so the ranges stay put). */
int ui_text_spans(WINDOW *w, int y, int x, const char *s, size_t len,
                  int width, attr_t a, attr_t hl,
                  const struct query_span *spans, size_t n);
/* Called by the prompt after an edit with the text so far. */
typedef void (*prompt_changed_fn)(struct ui *ui, const char *text, void *ctx);
/* Edits a line on the message line after label, starting from init;
 * changed (may be NULL) runs after every edit, or once after the last
 * when more input is already waiting (a paste, keys typed ahead), and
 * with it the list takes in what a load reads meanwhile. Returns the
 * text (malloc'd)
 * on Enter, NULL on Esc or Ctrl-G or when the program is told to stop. */
char *ui_prompt(struct ui *ui, const char *label, const char *init,
                prompt_changed_fn changed, void *ctx);
/* What a prompt offers besides editing (ui_prompt_aided). */
struct prompt_aid {
	struct history *history; /* Up and Down (Ctrl-P, Ctrl-N) go back and
	                          * forth through it; NULL: none */
	/* Tab: completes text, the cursor at *pos (both may change); tabs:
	 * the Tabs pressed right before this one. NULL: Tab is typed. */
	void (*complete)(struct ui *ui, struct buf *text, size_t *pos,
	                 unsigned tabs, void *ctx);
	void *ctx;               /* for complete */
};
/* ui_prompt with a history and completion (aid may be NULL); what
 * ui->prompt_note holds is shown on the status line meanwhile. */
char *ui_prompt_aided(struct ui *ui, const char *label, const char *init,
                      prompt_changed_fn changed, void *ctx,
                      const struct prompt_aid *aid);

/* complete.c: Tab at the prompts ------------------------------------ */

/* Where names come from: those the word before pos of text may be
 * (malloc'd, in *names; the word starts at *start); *whole: a blank
 * may follow the one chosen. Returns how many. */
typedef size_t (*completion_fn)(struct ui *ui, const char *text, size_t pos,
                                size_t *start, char ***names, bool *whole);
/* Tab's state between Tabs pressed in a row: the ctx of a prompt_aid
 * whose complete is completion_tab. Set find; free with
 * completion_free. */
struct completion {
	completion_fn find; /* where the names come from */
	char **names;       /* the names the word may be */
	size_t n;
	size_t start;       /* where the word starts in the text */
	size_t next;        /* the name the next Tab puts there */
};
/* prompt_aid.complete: the first Tab completes the word as far as the
 * names it may be agree and lists them on the status line, the next
 * ones put each in turn. ctx: a struct completion. */
void completion_tab(struct ui *ui, struct buf *text, size_t *pos,
                    unsigned tabs, void *ctx);
/* Frees the names a completion holds. */
void completion_free(struct completion *cp);
/* The `:` prompt's names: directives, options, actions... */
size_t completion_conf(struct ui *ui, const char *text, size_t pos,
                       size_t *start, char ***names, bool *whole);
/* The filter's names: fields, is:, has:, status: and workplace: values. */
size_t completion_filter(struct ui *ui, const char *text, size_t pos,
                         size_t *start, char ***names, bool *whole);

/* theme.c: colours and attributes ------------------------------------ */

/* Sets ui->attr from the settings: the theme and the color lines, or
 * the attributes alone without colours (ui->no_color, or a terminal
 * without them); the colour pairs are made again. */
void theme_apply(struct ui *ui);

/* settings.c: the config file and the options it sets ---------------- */

/* Reads the config file into ui->conf (the terminal is open, so keys
 * with modifiers can be named) and applies it, and the histories of
 * the : and / prompts; the sort of the last run (remember-filter)
 * unless --sort says; says on the message line when the config has
 * problems. Before the list is built. Returns the filter of the last
 * run to start with (malloc'd), or NULL: none, or --filter says. */
char *settings_open(struct ui *ui);
/* Makes the interface follow the options that changed: before holds
 * each option's value before (conf_str), or is NULL at the start. */
void settings_apply(struct ui *ui, char *const *before);
/* Copies each option's value, for settings_apply (free with
 * settings_forget). */
char **settings_keep(const struct ui *ui);
/* Frees what settings_keep made. */
void settings_forget(char **values);
/* Between keys: reads the config file again when it changed on disk
 * (looked at every few seconds), the settings made at the prompt
 * kept. */
void settings_tick(struct ui *ui);
/* Remembers the filter and the sort for the next run (remember-filter)
 * and frees what settings_open made. */
void settings_close(struct ui *ui);
/* Appends the sort as the option sort writes it ("file", "-salary"). */
void settings_sort_text(const struct ui *ui, struct buf *out);

/* cmdline.c: the `:` prompt ------------------------------------------ */

/* `:`: reads a config line (Up and Down recall those typed before, also
 * in earlier runs; Tab completes names) and runs it. */
void cmdline_run(struct ui *ui);

/* list.c: the list view and the filtered, sorted index ---------------- */

/* Makes the list view. */
struct view *list_view_new(struct ui *ui);
/* The posting under the list's cursor, or NULL when none is shown. */
struct posting *list_current(struct ui *ui);
/* The posting the actions are about: the top view's .current when it
 * has one (compare: the column in focus), else list_current(). */
struct posting *ui_current(struct ui *ui);
/* Puts the list's cursor on the posting with this id if shown. */
bool list_select(struct ui *ui, const char *id);
/* Puts the list's cursor on p if the list shows it; true if it does. */
bool list_select_posting(struct ui *ui, const struct posting *p);
/* Recomputes ui->sorted from the catalog (after a load) and the widths. */
void list_load(struct ui *ui);
/* Sets the columns from the settings (list-columns) and measures every
 * cell again (date-format changes them). */
void list_columns(struct ui *ui);
/* Rebuilds ui->shown from ui->sorted and the filter, keeping the cursor
 * on the same posting when it is still shown; reads the state's hidden
 * and marked flags again (call it after the state changed). */
void list_rebuild(struct ui *ui);
/* Brings ui->notes (what the filter finds in notes) up to the state and
 * the catalog: read again after a change of state or a reload, only the
 * new postings' while a load goes on; never per key. */
void list_notes(struct ui *ui);
/* Indexes the next slice (~10 ms) of the postings the index lags
 * behind; true while some are left. For the main loop, between keys. */
bool list_index_step(struct ui *ui);
/* Sorts by ui->sort again, keeping the cursor on the same posting. */
void list_sort(struct ui *ui);
/* Parses text as the filter; on success applies it and returns true, else
 * fills ui->filter_error, keeps the filter in force and returns false. */
bool list_set_filter(struct ui *ui, const char *text);
/* The sort order as --sort spells it ("-salary"), or "file order". */
void list_sort_name(const struct ui *ui, struct buf *out);
/* Empties the catalog and loads the postings again in the background
 * (the cursor goes back to the same id once it is loaded again). */
void list_reload(struct ui *ui);
/* Starts loading the configured paths into the catalog in the background. */
void list_start_load(struct ui *ui);
/* The paths the postings are read from (the ones given, else
 * $BILLET_PATH's or the samples', then the directory I imported into),
 * malloc'd and NULL-ended, *n of them; free with list_paths_free. */
char **list_paths(const struct ui *ui, size_t *n);
/* Frees what list_paths made. */
void list_paths_free(char **paths);
/* Puts the postings of fresh, read again, in place of the catalog's (fresh
 * is left empty) with ix, an index of all of them, at once: the list
 * keeps its filter and sort, the cursor the posting it was on (by id;
 * else the row) on the same line of the pane; ui->generation is bumped. */
void list_replace(struct ui *ui, struct catalog *fresh,
                  struct query_index *ix);
/* Merges what the background load has read so far and updates the list;
 * says the counts when it is done. Called by the main loop. */
void list_poll(struct ui *ui);

/* watch.c: posting files and config files that change ---------------- */

/* Starts watching the config files; the posting files are watched once
 * a load begins (set watch). */
void watch_open(struct ui *ui);
/* Stops watching and drops a reload under way. */
void watch_close(struct ui *ui);
/* Between keys: reads what the system told of the files; once the
 * posting files changed (and the events stopped for a moment), or every
 * few seconds without inotify, looks at them; when some changed, came or
 * went, reads them all again in the background and shows them at once
 * in place of the others (list_replace), saying what changed. */
void watch_tick(struct ui *ui);
/* A load of the posting files begins (list_start_load): a reload in the
 * background is dropped, and the files are looked at again for the
 * next check. */
void watch_load_started(struct ui *ui);
/* True (once) when the config files were told to have changed: look at
 * them now rather than in a while. */
bool watch_conf_due(struct ui *ui);
/* Watches the config files read (the config file and what it sources). */
void watch_conf_files(struct ui *ui);
/* How often files are looked at when inotify does not tell of them
 * (ms): 2000, or $BILLET_WATCH_POLL_MS (for tests). */
long long watch_poll_ms(void);

/* Draws the prompt being edited on the message line w, scrolled so that
 * the cursor is in sight, and leaves the terminal's cursor on it. */
void prompt_draw(struct ui *ui, WINDOW *w);

/* term.c: the terminal, signals, reading keys -------------------------- */

/* Opens /dev/tty and starts curses on it; 0, or 2 after saying why not. */
int ui_term_open(void);
/* Ends curses and gives the terminal back as it was (every window must
 * be deleted by then). */
void ui_term_close(void);
/* The signal that asked the program to stop (SIGINT, SIGTERM, SIGHUP),
 * or 0. */
int ui_stop_signal(void);
/* True when a key is already waiting (typed ahead, or the rest of a
 * paste): reads it without waiting and keeps it for the next read. */
bool ui_key_pending(void);
/* Reads a key (0 on timeout); while the index lags behind the catalog,
 * indexes a slice instead of waiting when none is pending. */
int ui_read_key_idle(struct ui *ui);
/* After Esc (k): Alt and the character right behind it, when one is
 * already waiting (a terminal sends Alt-x as Esc x), else k. */
int ui_key_alt(int k);
/* For the benchmark: notes the time from t0 (a key read) to now, when
 * BILLET_BENCH_KEYS names a file (display.c). */
void ui_bench_key_note(const struct timespec *t0);

/* Waits for a key (the screen is not drawn: draw it first): a character,
 * KEY_FN | a curses key, KEY_FN | KEY_RESIZE after a resize was laid out,
 * or 0 when the program is told to stop (ui->quit is then set). */
int ui_getkey(struct ui *ui);
/* Like ui_getkey, and Esc with a character right behind it (what a
 * terminal sends for Alt-x) comes as KEY_ALT | that character. */
int ui_getkey_alt(struct ui *ui);

/* state_tick.c: the state opened, read and saved between keys -------- */

/* Opens the state file (cfg->state, else the default), fills ui->env and
 * says on the message line when the state is read-only. */
void ui_state_open(struct ui *ui);

/* Called by the main loop between keys: records the postings as seen
 * once a load has finished, and the current posting as read once the
 * detail has the focus or, side by side, once the cursor rested on it. */
void ui_state_tick(struct ui *ui);

/* actions.c: marks, notes, ratings, status, hiding, `;`, export -------- */

/* Says that the state changed: views drop what they cached; the list is
 * rebuilt when rebuild (what it shows may depend on the change). */
void ui_state_changed(struct ui *ui, bool rebuild);
/* True when the list shows postings by their state (the shortlist, or a
 * filter, which may ask is:marked, rating>=N...). */
bool ui_state_shown(const struct ui *ui);
/* Runs a state action (MARK, SHORTLIST, NOTE, NOTE_EDITOR, RATE, STATUS,
 * HIDE, APPLY_ALL, EXPORT) on the current posting; key: the key pressed. */
void ui_state_action(struct ui *ui, enum action a, int key);
/* The key of each application status in the status chooser, in enum
 * query_status order ("n" none, "i" interested...); the list's status
 * flag is the same letter. */
extern const char ui_status_keys[QSTATUS_N + 1];
/* Appends what the status line says about the state: the shortlist
 * shown, a read-only state, changes not saved. */
void ui_state_status(struct ui *ui, struct buf *out);
/* What the state records about p, for the detail (posting_render_mine):
 * its mark, hiding, rating, status and note. */
void ui_state_mine(struct ui *ui, const struct posting *p,
                   struct posting_mine *m);

/* deadline.c: the shortlist closing soon, the day rolling over ------ */

/* How many postings of the shortlist (marked, not hidden) close within
 * the closing-soon days; counted again only when the state, the
 * postings, the day or the days change. */
size_t ui_deadline_marked_closing(struct ui *ui);
/* Appends sep and "2 marked close this week" (deadline_span_words), or
 * nothing when none does: for the status line and the message after a
 * load. */
void ui_deadline_words(struct ui *ui, const char *sep, struct buf *out);
/* Called by the main loop between keys: when the day changes (a long
 * session past midnight), the list is filtered again and every deadline
 * drawn again as it stands. */
void ui_deadline_tick(struct ui *ui);

/* changes.c: what changed since a posting was read ------------------ */

/* Reads p (the detail has it): keeps it as read (state_keep_read) when
 * it was not read, or changed since, or was read before what postings
 * said was kept; a changed one is said, and kept as it was for D.
 * True when the state changed. */
bool changes_read(struct ui *ui, const struct posting *p);
/* D: what the current posting said when last read beside what it says
 * now (the compare view), and reads it; says why when there is
 * nothing to show. */
void changes_open(struct ui *ui);
/* The posting with this id as it was read before a reading in this run
 * kept it anew (it had changed), or NULL. */
const struct posting *changes_was(const struct ui *ui, const char *id);
/* What the detail says of p changed since it was read (this reading
 * or the one before), or NULL. */
const char *changes_text(struct ui *ui, const struct posting *p);
/* Frees what changes.c kept. */
void changes_free(struct ui *ui);

/* track.c: the status menu, the follow-up ---------------------------- */

/* Lets the user choose an application status in a small framed menu (a
 * letter, or j/k and Enter; p moves down too; @ asks the date of the
 * change into *on, 0 for today); returns it, or -1 when given up, or
 * when Q quits (ui->quit is then set). what names what it is for. */
int ui_choose_status(struct ui *ui, int current, const char *what,
                     int32_t *on);
/* f: asks for p's follow-up date (current, 0: none) on the message line:
 * YYYY-MM-DD, +7, empty clears; true with *date (0: cleared) when
 * answered, false (said) when given up or not a date. */
bool ui_ask_follow_up(struct ui *ui, const struct posting *p,
                      int32_t current, int32_t *date);
/* How many loaded postings, not hidden, have a follow-up due today or
 * earlier. */
size_t ui_follow_ups_due(const struct ui *ui);

/* quit.c: ending with nothing lost silently ---------------------------- */

/* The user asks to quit (ui->quit is set): saves what is not saved yet;
 * when changes of the user's still are not, says which and why on a
 * screen of its own and lets the user try again, write the state to
 * another file, quit anyway or go back. True (ui->quit set) when billet
 * may end; false (ui->quit cleared) to go on. */
bool ui_state_may_quit(struct ui *ui);
/* Saves the changes not saved yet and closes the state; call it after
 * endwin: what is still not saved is printed on stderr, posting by
 * posting. Returns 1 when changes of the user's were not saved, else 0. */
int ui_state_close(struct ui *ui);

/* note.c: the note editor -------------------------------------------- */

/* Edits text (UTF-8, may be NULL) in a framed editor over the screen,
 * titled title; returns the new text (malloc'd) when saved, NULL when
 * given up. */
char *note_edit(struct ui *ui, const char *title, const char *text);
/* Draws a frame on the edges of w (box-drawing characters, else ASCII). */
void ui_frame(struct ui *ui, WINDOW *w);
/* The editor's keys and what they do, for help. */
extern const char *const note_keys[][2];
/* How many rows note_keys has. */
extern const size_t note_nkeys;

/* detail.c, help.c, problems.c --------------------------------------- */

/* Makes the detail view (it shows ui_current()). */
struct view *detail_view_new(struct ui *ui);
/* Where the detail is: the posting it shows and how far it is scrolled. */
struct detail_place {
	const struct posting *p; /* the posting shown, or NULL */
	unsigned generation;     /* ui->generation p belongs to */
	size_t top;              /* the first line shown */
	size_t match;            /* the current match of n and N */
};
/* Records where the detail v is. */
void detail_place_get(struct view *v, struct detail_place *pl);
/* Puts the detail v back where pl says, if it shows that posting now. */
void detail_place_set(struct view *v, const struct detail_place *pl);
/* Appends where the reader is, for the status line: the posting's row
 * in the list ("row 21 of 150", narrow: "21/150") and how far down the
 * posting the pane is ("42%", "top", "end"), as less says it. */
void detail_ruler(struct view *v, struct buf *out, bool narrow);
/* hold true: the detail v keeps showing the posting it shows now,
 * wherever the list's cursor goes, until detail_hold(v, false). */
void detail_hold(struct view *v, bool hold);
/* The detail v loses the focus (q): a posting it kept showing after a
 * reload took it away is let go. */
void detail_left(struct view *v);
/* Makes the help view, generated from the action table. */
struct view *help_view_new(struct ui *ui);
/* Makes the view of the problems found while loading, after those of
 * the config file. */
struct view *problems_view_new(struct ui *ui);
/* Makes the view of the saved filters (F), with how many postings each
 * shows; Enter applies one. */
struct view *filters_view_new(struct ui *ui);

/* files.c: I and E -------------------------------------------------- */

/* I: asks for a path or an http(s) URL, imports its postings into a
 * directory (the first writable one given, else
 * $XDG_DATA_HOME/billet/postings), reads the files again and puts the
 * cursor on the first of them; says where on the message line. */
void ui_import(struct ui *ui);
/* E: opens the current posting's file in $VISUAL or $EDITOR (as
 * ui_run_editor runs it), the terminal given back meanwhile, then reads
 * the files again, the cursor staying on the posting. */
void ui_edit(struct ui *ui);
/* Runs the editor command ed on path, never through a shell: its words
 * split on blanks ('...' and "..." quote, a backslash escapes), then
 * +LINE when line is not 0 and the editor takes it, then path; on the
 * terminal, billet ignoring SIGINT and SIGQUIT meanwhile. Its wait
 * status, or -1 when it could not start (or ed has no word); exit status
 * 127 when the program is not found. */
int ui_run_editor(const char *ed, const char *path, unsigned line);

/* open.c: o, y and Y ------------------------------------------------ */

/* o: opens the current posting's address (its apply URL, else a
 * mailto: for its apply e-mail, else its source), checked first
 * (url_check), with $BROWSER (its commands tried in turn), else
 * xdg-open (open on macOS): detached, or in the foreground with the
 * terminal given to it for a terminal browser or without a display;
 * says what it opened, or why not, on the message line. */
void ui_open(struct ui *ui);
/* y (text false): copies that address; Y (text true): the posting as
 * --show prints it at 80 columns. Into tmux's buffer in tmux, else with
 * the terminal's OSC 52 escape when the clipboard setting says osc52,
 * else through wl-copy, xclip, xsel or pbcopy; says which, or that
 * there is no clipboard. */
void ui_copy(struct ui *ui, bool text);

/* compare.c ---------------------------------------------------------- */

/* Opens the compare view (c): the marked postings when two or more are
 * (those the list shows, in its order, then those it does not, in sort
 * order; the first CMP_MAX), else the current and the next; says why on
 * the message line when there is nothing to compare. */
void compare_open(struct ui *ui);

#endif
