/* SPDX-License-Identifier: MIT */
/* keys: the one table of actions -> default keys -> help text. */
#ifndef BILLET_UI_KEYS_H
#define BILLET_UI_KEYS_H

#include <stddef.h>

/* A key as the interface sees it: a character (a Unicode code point, so
 * Ctrl-F is 6) or a curses function key with KEY_FN set (KEY_FN | KEY_DOWN). */
#define KEY_FN 0x40000000
/* A key read with Alt (Meta) held: Esc and the key right behind it, as
 * terminals send them (Alt-x is KEY_ALT | 'x'). */
#define KEY_ALT 0x20000000
/* The key of Ctrl plus a letter. */
#define KEY_CTRL(c) ((c) & 0x1f)

/* Every action, in the order help lists them: A(NAME, group, description,
 * key...). The group starts a heading in help when it changes; up to eight
 * keys follow and help spells them from these codes, so it cannot drift.
 * Curses names such as KEY_DOWN expand only in keys.c, so this header
 * needs no curses.h. Adding an action is one line here, then a case in a
 * view's .key or in view_driver (see view.h). */
#define BILLET_ACTIONS(A) \
	A(MOVE_DOWN, "Moving", "next row; scrolls the detail and help", \
	  'j', KEY_FN | KEY_DOWN) \
	A(MOVE_UP, "Moving", "previous row; scrolls the detail and help", \
	  'k', KEY_FN | KEY_UP) \
	A(MOVE_FIRST, "Moving", "first row", 'g', KEY_FN | KEY_HOME) \
	A(MOVE_LAST, "Moving", "last row", 'G', KEY_FN | KEY_END) \
	A(PAGE_DOWN, "Moving", "next page", KEY_FN | KEY_NPAGE, KEY_CTRL('f')) \
	A(PAGE_UP, "Moving", "previous page", KEY_FN | KEY_PPAGE, KEY_CTRL('b')) \
	A(HALF_DOWN, "Moving", "half a page down", KEY_CTRL('d')) \
	A(HALF_UP, "Moving", "half a page up", KEY_CTRL('u')) \
	A(COUNT, "Moving", \
	  "a count for the next move (5j, 3G, 2n); Esc cancels", \
	  '1', '2', '3', '4', '5', '6', '7', '8', '9') \
	A(NEXT_POSTING, "Moving", \
	  "detail: the next posting of the list, as mutt's pager goes on", \
	  'J', KEY_CTRL('n')) \
	A(PREV_POSTING, "Moving", "detail: the previous posting of the list", \
	  'K', KEY_CTRL('p')) \
	A(ENTER, "Views", \
	  "open the detail (side by side: move the focus into it)", \
	  '\r', '\n', KEY_FN | KEY_ENTER) \
	A(FOCUS, "Views", \
	  "move the focus: list and detail, or compare's columns", \
	  '\t') \
	A(BACK, "Views", "back to the previous view; quits from the list", 'q') \
	A(QUIT, "Views", "quit from anywhere", 'Q') \
	A(NEXT_MATCH, "Views", \
	  "detail: next match of the filter; compare: next difference", 'n') \
	A(PREV_MATCH, "Views", \
	  "detail: previous match; compare: previous difference", 'N') \
	A(PROBLEMS, "Views", \
	  "the problems of the config file and of loading", '!') \
	A(PROMPT, "Views", "a prompt for config lines: set, bind, color, " \
	  "filter, source, write (Tab completes, Up recalls)", ':') \
	A(HELP, "Views", "this help", '?') \
	A(REDRAW, "Views", "redraw the screen", KEY_CTRL('l')) \
	A(FILTER, "Filter and sort", \
	  "edit the filter; Enter keeps it, Esc restores the previous; Up " \
	  "recalls earlier ones, Tab completes names", '/') \
	A(FILTER_CLEAR, "Filter and sort", "clear the filter", '\\') \
	A(FILTERS, "Filter and sort", \
	  "the saved filters with their counts; Enter applies one", 'F') \
	A(SORT_NEXT, "Filter and sort", "sort by the next key", 's') \
	A(SORT_REVERSE, "Filter and sort", "reverse the order", 'S') \
	A(RELOAD, "Filter and sort", "read the posting files again (billet " \
	  "also does when they change, unless set watch = off)", 'r') \
	A(IMPORT, "Files", \
	  "import a posting from a path or an http(s) URL, and show it", 'I') \
	A(EDIT, "Files", \
	  "edit the current posting's file in $VISUAL or $EDITOR, then " \
	  "read it again", 'E') \
	A(OPEN, "Acting on a posting", \
	  "open the apply URL (else the e-mail, the source) in $BROWSER", \
	  'o') \
	A(COPY_URL, "Acting on a posting", \
	  "copy that URL: tmux's buffer, OSC 52 or a clipboard program", 'y') \
	A(COPY_TEXT, "Acting on a posting", \
	  "copy the posting as text, as --show prints it", 'Y') \
	A(MARK, "Shortlist", "mark or unmark the current posting", 'm', ' ') \
	A(SHORTLIST, "Shortlist", "show only the shortlist, and back", 'M') \
	A(NOTE, "Shortlist", "edit the note here (Ctrl-X saves, Esc cancels)", \
	  'a') \
	A(NOTE_EDITOR, "Shortlist", "edit the note in $VISUAL or $EDITOR", 'A') \
	A(RATE, "Shortlist", \
	  "rate the current posting: R then 1-5, 0 clears", 'R') \
	A(STATUS, "Shortlist", \
	  "set the application status: none, interested, applied, ...; " \
	  "@ in its menu dates the change", 'p') \
	A(FOLLOW_UP, "Shortlist", \
	  "set the follow-up date: YYYY-MM-DD, +7 for a week, empty " \
	  "clears (is:due finds those due)", 'f') \
	A(HIDE, "Shortlist", \
	  "hide the current posting (is:hidden shows it); again unhides", 'x') \
	A(APPLY_ALL, "Shortlist", \
	  "apply the next m, x, R or p to every posting shown", ';') \
	A(UNDO, "Shortlist", \
	  "undo the last mark, rating, status, hiding, note or follow-up", \
	  'u') \
	A(EXPORT, "Shortlist", "export the shortlist to a file", 'e') \
	A(COMPARE, "Compare", \
	  "compare the marked postings, else the current and the next", 'c') \
	A(DIFF_ONLY, "Compare", "only the rows that differ, and back", 'd') \
	A(CHANGES, "Compare", \
	  "what the posting said when you last read it beside what it says " \
	  "now (is:changed finds those changed)", 'D') \
	A(SCROLL_LEFT, "Compare", \
	  "focus the column to the left; scrolls past the edge", \
	  'h', KEY_FN | KEY_LEFT) \
	A(SCROLL_RIGHT, "Compare", \
	  "focus the column to the right; scrolls past the edge", \
	  'l', KEY_FN | KEY_RIGHT)

/* The actions; ACT_NONE means "nothing (more) to do". */
enum action {
	ACT_NONE = 0,
#define BILLET_ACTION_ENUM(name, group, help, ...) ACT_##name,
	BILLET_ACTIONS(BILLET_ACTION_ENUM)
#undef BILLET_ACTION_ENUM
	ACT_N
};

/* One row of the action table. */
struct action_info {
	enum action action; /* which */
	const char *name;   /* e.g. "MOVE_DOWN" */
	const char *group;  /* heading it falls under in help */
	const char *help;   /* what it does */
	int key[10];        /* default keys, 0-terminated when fewer */
};

/* The table, indexed by enum action (row 0 is ACT_NONE). */
extern const struct action_info action_table[ACT_N];

struct conf; /* conf.h */

/* Takes the bindings of c (conf.h) for keys_action, keys_lookup and
 * keys_names from now on; NULL: the table's keys. c must outlive
 * its use. */
void keys_use(const struct conf *c);
/* The action bound to a key in the generic view, or ACT_NONE. */
enum action keys_action(int key);
/* The action bound to a key in the view of that name (a view_ops name:
 * "list", "detail"...): the view's own binding, else the generic one. */
enum action keys_lookup(const char *view, int key);
/* The keys a name stands for, as a config file or the `:` prompt writes
 * them (the names keys_name writes, "Ctrl-X", "C-x", "^X", "Alt-x",
 * "M-x", "F1", "U+00E9", any of them in <...>; names of more than one
 * character in any case): writes up to max codes to codes and returns
 * how many, 0 when the name is no key. "Enter" is the three codes a
 * terminal may send for it, "Backspace" two. */
size_t keys_parse(const char *name, int *codes, size_t max);
/* Writes the name of one key that keys_parse reads back as that key
 * alone: keys_name's, else one more exact ("Ctrl-J" for the newline
 * that keys_name calls "Enter"). */
void keys_spell(int key, char *out, size_t size);
/* Writes the name of a key as help spells it ("j", "Down", "Ctrl-F",
 * "F1", "Shift-Tab", "Alt-x", "é") to out (size bytes, NUL-terminated). */
void keys_name(int key, char *out, size_t size);
/* Writes the names of an action's keys in the generic view, two spaces
 * apart ("j  Down"); a run of three or more characters in a row is
 * written as one ("1-9"); then the keys other views bind to it, each
 * after the view's name ("list: J"). */
void keys_names(enum action a, char *out, size_t size);

#endif
