/* SPDX-License-Identifier: MIT */
/* conf: billet's configuration language, read from the config file and
 * typed at the `:` prompt, one directive a line, in tigrc/muttrc style:
 *
 *     bind VIEW KEY ACTION
 *     color ELEMENT FG [BG [ATTR...]]
 *     set NAME = VALUE
 *     filter NAME QUERY
 *     source FILE
 *
 * The tables of views, elements (what `color` names) and options (what
 * `set` names) live here with each one's default; --dump-config and the
 * page billet-config(5) are made from them, as help is made from the
 * action table (ui/keys.h), so none of them can drift. No curses here:
 * keys are named and parsed by ui/keys.c (keys_parse, keys_spell), which
 * a program using conf links too.
 *
 * Files: conf.c (the tables, the settings, the dump), conf_parse.c
 * (words, files, problems), conf_directive.c (each directive),
 * conf_complete.c (Tab's names), conf_write.c (:write into the user's
 * file). */
#ifndef BILLET_CONF_H
#define BILLET_CONF_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>
#include <time.h>

#include "text.h"
#include "ui/keys.h"

/* The views a key can be bound in; generic holds the defaults (the
 * action table's keys) and applies where a view binds nothing. */
enum conf_view {
	CONF_GENERIC, CONF_LIST, CONF_DETAIL, CONF_COMPARE, CONF_HELP,
	CONF_NVIEWS
};
/* Their names, as `bind` takes them: "generic", "list"... */
extern const char *const conf_view_names[CONF_NVIEWS];
/* The view of a name (a view_ops name such as "problems" that cannot be
 * bound is generic). */
enum conf_view conf_view_of(const char *name);

/* Attributes of an element, as `color` names them. */
enum {
	CONF_BOLD = 1, CONF_UNDERLINE = 2, CONF_REVERSE = 4, CONF_DIM = 8,
	CONF_ITALIC = 16, CONF_STANDOUT = 32, CONF_BLINK = 64,
};
/* A colour: -1 the terminal's default, 0-255 a colour number (0-7 black,
 * red, green, yellow, blue, magenta, cyan, white; 8-15 their bright
 * forms). */
#define CONF_DEFAULT_COLOR (-1)

/* How one element is drawn. */
struct conf_color {
	short fg, bg;  /* colours (see above) */
	unsigned attr; /* CONF_BOLD... */
};
/* For the element table below. */
#define CONF_CC(fg, bg, attr) {fg, bg, attr}

/* Every element the interface draws in a colour of its own, in the
 * order of the ui's looks (ui/view.h makes enum ui_look from it):
 * E(ID, name, what it is, dark theme, light theme, without colours).
 * The themes are CONF_CC(fg, bg, attributes); without colours (NO_COLOR,
 * --no-color) only the attributes given last are used. */
#define BILLET_ELEMENTS(E) \
	E(NORMAL, "normal", "all other text (colours only: its attributes " \
	  "are not used)", CONF_CC(-1, -1, 0), CONF_CC(-1, -1, 0), 0) \
	E(HEADER, "header", "the line of column names over the list, and " \
	  "over the problems and the comparison", \
	  CONF_CC(6, -1, CONF_BOLD), CONF_CC(4, -1, CONF_BOLD), \
	  CONF_BOLD | CONF_UNDERLINE) \
	E(CURRENT, "cursor", "the current row of the pane that has the " \
	  "focus", CONF_CC(-1, -1, CONF_REVERSE), \
	  CONF_CC(-1, -1, CONF_REVERSE), CONF_REVERSE) \
	E(CURRENT_BLUR, "cursor-unfocused", "the current row of the list " \
	  "while the detail beside it has the focus", \
	  CONF_CC(-1, -1, CONF_BOLD | CONF_UNDERLINE), \
	  CONF_CC(-1, -1, CONF_BOLD | CONF_UNDERLINE), \
	  CONF_BOLD | CONF_UNDERLINE) \
	E(TITLE, "title", "the posting's title in the detail; the title of " \
	  "a box (the status chooser, the note editor)", \
	  CONF_CC(3, -1, CONF_BOLD), CONF_CC(1, -1, CONF_BOLD), CONF_BOLD) \
	E(HEADING, "heading", "section headings of the detail, help and the " \
	  "comparison", CONF_CC(6, -1, CONF_BOLD), \
	  CONF_CC(5, -1, CONF_BOLD), CONF_BOLD | CONF_UNDERLINE) \
	E(LABEL, "label", "field names in the detail and the comparison; " \
	  "keys in help", CONF_CC(2, -1, 0), CONF_CC(2, -1, 0), CONF_BOLD) \
	E(MATCH, "match", "the filter's words in the detail", \
	  CONF_CC(0, 3, 0), CONF_CC(0, 11, 0), CONF_REVERSE | CONF_BOLD) \
	E(STATUS, "status", "the status line (counts, filter, sort)", \
	  CONF_CC(-1, -1, CONF_REVERSE), CONF_CC(-1, -1, CONF_REVERSE), \
	  CONF_REVERSE) \
	E(ERROR, "error", "an error on the message line", \
	  CONF_CC(1, -1, CONF_BOLD), CONF_CC(1, -1, CONF_BOLD), CONF_BOLD) \
	E(MARK, "marked", "the * of a marked posting (on the shortlist)", \
	  CONF_CC(5, -1, CONF_BOLD), CONF_CC(5, -1, CONF_BOLD), CONF_BOLD) \
	E(BORDER, "border", "the line between the panes, frames of boxes", \
	  CONF_CC(4, -1, 0), CONF_CC(4, -1, 0), 0) \
	E(MATCH_CURRENT, "match-current", "the match n and N went to", \
	  CONF_CC(-1, -1, CONF_REVERSE), CONF_CC(-1, -1, CONF_REVERSE), \
	  CONF_REVERSE) \
	E(MESSAGE, "message", "a message on the last line", \
	  CONF_CC(-1, -1, 0), CONF_CC(-1, -1, 0), 0) \
	E(HINT, "hint", "the keys hinted on the last line when there is no " \
	  "message", CONF_CC(4, -1, 0), CONF_CC(4, -1, 0), 0) \
	E(PROMPT, "prompt", "the text typed at a prompt (/, :, e...)", \
	  CONF_CC(-1, -1, 0), CONF_CC(-1, -1, 0), 0) \
	E(HIDDEN, "hidden", "the x of a hidden posting", \
	  CONF_CC(1, -1, 0), CONF_CC(1, -1, 0), CONF_BOLD) \
	E(NEW, "new", "the N of a posting new since the last run", \
	  CONF_CC(2, -1, CONF_BOLD), CONF_CC(2, -1, CONF_BOLD), CONF_BOLD) \
	E(READ, "read", "the dot of a posting already read", \
	  CONF_CC(-1, -1, CONF_DIM), CONF_CC(-1, -1, CONF_DIM), 0) \
	E(RATING, "rating", "the rating, 1-5, left of a row", \
	  CONF_CC(3, -1, CONF_BOLD), CONF_CC(3, -1, CONF_BOLD), CONF_BOLD) \
	E(APPLICATION, "application", "the letter of the application " \
	  "status left of a row (a applied, v interviewing...)", \
	  CONF_CC(6, -1, CONF_BOLD), CONF_CC(4, -1, CONF_BOLD), CONF_BOLD) \
	E(DIFFERS, "differs", "the label of a compared row that differs " \
	  "(also marked *)", CONF_CC(0, 3, 0), CONF_CC(0, 11, 0), CONF_BOLD) \
	E(WORDS, "words", "the words that differ within a compared row", \
	  CONF_CC(5, -1, CONF_BOLD | CONF_UNDERLINE), \
	  CONF_CC(5, -1, CONF_BOLD | CONF_UNDERLINE), \
	  CONF_BOLD | CONF_UNDERLINE) \
	E(FOCUS, "focus", "the title of the compared posting in focus", \
	  CONF_CC(-1, -1, CONF_REVERSE), CONF_CC(-1, -1, CONF_REVERSE), \
	  CONF_REVERSE) \
	E(CLOSED, "closed", "a posting whose deadline has passed: its row " \
	  "in the list, flagged with a cross; its deadline in the detail " \
	  "and the comparison", CONF_CC(-1, -1, CONF_DIM), \
	  CONF_CC(-1, -1, CONF_DIM), CONF_DIM) \
	E(CLOSING, "closing", "a deadline within closing-days: its ! and " \
	  "its date in the list, its words in the detail and the " \
	  "comparison", CONF_CC(1, -1, CONF_BOLD), CONF_CC(1, -1, CONF_BOLD), \
	  CONF_BOLD)

/* The elements. */
enum conf_element {
#define CONF_ELEMENT_ENUM(id, name, help, dark, light, mono) CE_##id,
	BILLET_ELEMENTS(CONF_ELEMENT_ENUM)
#undef CONF_ELEMENT_ENUM
	CE_N
};

/* One row of the element table. */
struct conf_element_info {
	const char *name;        /* "cursor" */
	const char *help;        /* what it colours */
	struct conf_color dark;  /* in the dark theme */
	struct conf_color light; /* in the light theme */
	unsigned mono;           /* attributes without colours */
};
/* The table, by enum conf_element. */
extern const struct conf_element_info conf_elements[CE_N];

/* Kinds of option values. */
enum conf_type {
	CONF_TEXT,  /* checked by the option's own rule */
	CONF_INT,   /* a whole number from lo to hi */
	CONF_REAL,  /* a number from lo to hi */
	CONF_BOOL,  /* on or off (yes/no, true/false, 1/0 read too) */
	CONF_ENUM,  /* one of the words of values */
};

/* Every option: O(ID, name, type, default, lo, hi, values, what it
 * does). values: the words an enum takes, or for text what the page
 * shows as its form. Adding one is a line here, a rule in conf.c's
 * check_text when it is text, and its use (ui/settings.c). */
#define BILLET_OPTIONS(O) \
	O(SORT, "sort", CONF_TEXT, "file", 0, 0, "file | KEY[,KEY...]", \
	  "The order the list starts in: file (the order the files are " \
	  "read in; -file reverses it), or sort keys as --sort takes " \
	  "them: title, org, location, salary, posted, deadline, id, a " \
	  "leading - reversing one (-salary,title). --sort, and the sort " \
	  "remembered from the last run, come first.") \
	O(LIST_COLUMNS, "list-columns", CONF_TEXT, \
	  "title,org,location,salary,deadline", 0, 0, "COLUMN[,COLUMN...]", \
	  "The list's columns, in their order: title, org, location, " \
	  "salary, deadline, posted, workplace, type (title must be " \
	  "one). A column with nothing in it is left out; on a narrow " \
	  "screen location, salary, org, then the others go first.") \
	O(SPLIT_WIDTH, "split-width", CONF_INT, "120", 60, 10000, NULL, \
	  "From how many columns of terminal the list and the detail are " \
	  "shown side by side.") \
	O(CURRENCY, "currency", CONF_TEXT, "auto", 0, 0, "auto | CODE", \
	  "Your currency, an ISO 4217 code (EUR): the one a bare salary " \
	  "figure of the filter is in and that salaries sort in first; " \
	  "auto: the currency most postings use.") \
	O(RATES, "rates", CONF_TEXT, "", 0, 0, "CODE=VALUE ...", \
	  "What one unit of other currencies is worth in yours " \
	  "(\"EUR=1.08 GBP=1.27\"), so that salary>=N compares salaries " \
	  "paid in them; a salary in a currency without a rate never " \
	  "matches a bound in another.") \
	O(COMPARE_THRESHOLD, "compare-threshold", CONF_REAL, "0.25", 0.05, 1, \
	  NULL, "How alike (0.05 to 1) two items of the compared postings' " \
	  "lists must be to share a row; higher puts fewer side by side.") \
	O(DATE_FORMAT, "date-format", CONF_TEXT, "as-written", 0, 0, \
	  "as-written | FORMAT", \
	  "How the list shows the deadline and posted dates: as-written " \
	  "(as the posting writes them), or a strftime(3) format such as " \
	  "%d %b %Y. A date given as text (rolling) is shown as written.") \
	O(MOUSE, "mouse", CONF_BOOL, "on", 0, 0, NULL, \
	  "Take the mouse: click to select, wheel to scroll (off leaves " \
	  "it to the terminal, to select text).") \
	O(CONFIRM_APPLY_ALL, "confirm-apply-all", CONF_BOOL, "on", 0, 0, NULL, \
	  "Ask before ; applies an action to more than one posting.") \
	O(THEME, "theme", CONF_ENUM, "dark", 0, 0, "dark light", \
	  "The built-in colours: for a dark or a light terminal. color " \
	  "lines change single elements of it; NO_COLOR and --no-color " \
	  "still turn every colour off.") \
	O(CLIPBOARD, "clipboard", CONF_ENUM, "auto", 0, 0, "auto osc52", \
	  "How copying (y and Y) is to reach the clipboard: auto (tmux's " \
	  "buffer in tmux, else a clipboard program) or osc52 (the " \
	  "terminal's OSC 52 escape, which works over ssh; in tmux, " \
	  "tmux's buffer still comes first).") \
	O(REMEMBER_FILTER, "remember-filter", CONF_BOOL, "on", 0, 0, NULL, \
	  "Start with the filter and the sort of the last run (kept in " \
	  "the state directory) when --filter and --sort do not say; a " \
	  "sort left as the option sort says is not kept, so that a new " \
	  "one there applies.") \
	O(CLOSING_DAYS, "closing-days", CONF_INT, "7", 0, 365, NULL, \
	  "How many days before its deadline a posting is closing soon: " \
	  "flagged ! in the list, found by is:closing, counted on the " \
	  "status line (\"2 marked close this week\"). The deadline's day " \
	  "itself counts; 0: that day only.") \
	O(WATCH, "watch", CONF_BOOL, "on", 0, 0, NULL, \
	  "Notice posting files that change, come or go while billet runs " \
	  "(told by inotify on Linux, else looked at every few seconds) " \
	  "and read them again in the background, keeping the cursor, " \
	  "the filter, the sort and the scroll; off: only r reads them " \
	  "again. The config file is read again when it changes either " \
	  "way.")

/* The options. */
enum conf_option {
#define CONF_OPTION_ENUM(id, name, type, def, lo, hi, values, help) CO_##id,
	BILLET_OPTIONS(CONF_OPTION_ENUM)
#undef CONF_OPTION_ENUM
	CO_N
};

/* One row of the option table. */
struct conf_option_info {
	const char *name;   /* "split-width" */
	enum conf_type type;
	const char *def;    /* the default, as --dump-config writes it */
	double lo, hi;      /* CONF_INT, CONF_REAL: the range */
	const char *values; /* CONF_ENUM: its words, blank-separated; text:
	                     * the form the page shows; else NULL */
	const char *help;   /* what it does */
};
/* The table, by enum conf_option. */
extern const struct conf_option_info conf_options[CO_N];

/* The directives, for the page and completion: name, form, what. */
struct conf_directive_info {
	const char *name;  /* "bind" */
	const char *form;  /* "VIEW KEY ACTION" */
	const char *help;  /* what it does */
	bool prompt_only;  /* only typed at the : prompt (write) */
};
/* The table, ended by a row with name NULL. */
extern const struct conf_directive_info conf_directives[];

/* The colour names `color` takes, 0-15 then "default" (-1). */
extern const char *const conf_color_names[17];
/* The attribute names `color` takes, by bit (CONF_BOLD first), then
 * "normal" (none). */
extern const char *const conf_attr_names[8];

/* One key bound to an action in a view; ACT_NONE: unbound there. */
struct conf_bind {
	int key;            /* a key as keys.h codes it */
	enum action action;
};
/* The keys of one view, in the order they were bound; a key at most
 * once. */
struct conf_keymap {
	struct conf_bind *v; /* malloc'd */
	size_t n, cap;
};

/* A saved filter. */
struct conf_filter {
	char *name;  /* [A-Za-z0-9_.-]+ */
	char *query; /* as the filter prompt takes it */
};

/* A line that did not apply: FILE:LINE: message. */
struct conf_problem {
	char *file;    /* as it was named, NULL: typed at the prompt */
	unsigned line; /* 1-based */
	char *msg;     /* what is wrong (not sanitised: show it through
	                * text_sanitize) */
};

/* A file read, to notice when it changes. */
struct conf_file {
	char *path;     /* as it was opened */
	bool exists;    /* it was there */
	dev_t dev;      /* the file's identity and state when read */
	ino_t ino;
	off_t size;
	struct timespec mtime;
};

/* A setting made at the prompt, for :write: the line that makes it and
 * what it sets ("set sort", "bind list J", "color title", "filter
 * remote"), which a later line setting the same thing replaces. */
struct conf_change {
	char *what;  /* malloc'd */
	char *line;  /* malloc'd, as --dump-config would write it */
};

/* Every setting: the defaults, changed by the lines read. Made by
 * conf_new, freed by conf_free; owns everything it points to. */
struct conf {
	char *value[CO_N];                 /* each option's value, written
	                                    * as --dump-config writes it */
	struct conf_color color[CE_N];     /* each element as the user set
	                                    * it (see color_set) */
	bool color_set[CE_N];              /* set by a color line; else the
	                                    * theme's */
	struct conf_keymap keys[CONF_NVIEWS]; /* generic: the action table's
	                                    * keys, then what bind changed;
	                                    * the others: their own binds */
	struct conf_filter *filters;       /* saved filters, in order */
	size_t nfilters, fcap;
	struct conf_problem *problems;     /* lines that did not apply */
	size_t nproblems, pcap;
	struct conf_file *files;           /* files read (the config file
	                                    * first, then what it sourced) */
	size_t nfiles, filecap;
	struct conf_change *changes;       /* made at the prompt, not
	                                    * written yet */
	size_t nchanges, ccap;
	char *path;                        /* the config file, or NULL when
	                                    * there is no home to find it */
	char *reading[16];                 /* the files being read, the
	                                    * outermost first (loops) */
	size_t depth;                      /* how many */
};

/* Makes the settings with every default. */
struct conf *conf_new(void);
/* Frees c (NULL is fine). */
void conf_free(struct conf *c);
/* Puts every setting back to its default and forgets the problems and
 * the files read (not c->path, nor the changes made at the prompt). */
void conf_reset(struct conf *c);
/* The config file: $XDG_CONFIG_HOME/billet/config (an absolute
 * XDG_CONFIG_HOME), else ~/.config/billet/config; malloc'd, NULL when
 * there is no home. */
char *conf_default_path(void);

/* An option's value as written ("120", "on", "dark"). */
const char *conf_str(const struct conf *c, enum conf_option o);
/* A CONF_INT option's value. */
long conf_int(const struct conf *c, enum conf_option o);
/* A CONF_REAL option's value. */
double conf_real(const struct conf *c, enum conf_option o);
/* A CONF_BOOL option's value. */
bool conf_bool(const struct conf *c, enum conf_option o);
/* Checks value for option o and sets it, written the way --dump-config
 * writes it; false (nothing changed) with why (a sentence naming the
 * values it takes) in *why when it is not one it takes. */
bool conf_set(struct conf *c, enum conf_option o, const char *value,
              struct buf *why);
/* The option of a name, or -1. */
int conf_option_of(const char *name);
/* The element of a name, or -1. */
int conf_element_of(const char *name);
/* How element e is drawn with the theme in force: the user's color line
 * when there was one, else the theme's. */
struct conf_color conf_color_of(const struct conf *c, enum conf_element e);

/* The action key is bound to in view v: v's own bind when it has one,
 * else generic's; ACT_NONE when unbound. */
enum action conf_key_action(const struct conf *c, enum conf_view v,
                            int key);
/* Writes to keys[0..max) the keys bound to a in view v (generic: its
 * own; another view: its own binds only) and returns how many. */
size_t conf_keys_of(const struct conf *c, enum conf_view v, enum action a,
                    int *keys, size_t max);
/* Binds key to a (ACT_NONE unbinds) in view v. */
void conf_bind(struct conf *c, enum conf_view v, int key, enum action a);
/* The action of a name (any case; "none" is ACT_NONE), or -1. */
int conf_action_of(const char *name);

/* The saved filter of a name, or NULL. */
const struct conf_filter *conf_filter_find(const struct conf *c,
                                           const char *name);
/* Saves (or replaces) a filter. */
void conf_filter_set(struct conf *c, const char *name, const char *query);
/* Forgets a saved filter; false when there is none of that name. */
bool conf_filter_delete(struct conf *c, const char *name);

/* Appends every setting as config lines that load back to the same
 * settings: a heading comment, then every bind (views in order, actions
 * in the table's order), every color (the theme's when not set), every
 * set, every filter. With only the defaults, this is --dump-config. */
void conf_dump(const struct conf *c, struct buf *out);
/* Appends word quoted as the language reads it back: as it is when it
 * can be, else in '...' or "..."; "" when empty. */
void conf_quote(struct buf *out, const char *word);

/* conf_parse.c ------------------------------------------------------- */

/* What a line typed at the prompt did, for the interface to follow. */
enum conf_did {
	CONF_DID_NOTHING, /* a blank line or a comment */
	CONF_DID_ERROR,   /* it did not apply: msg says why */
	CONF_DID_SET,     /* an option changed (option says which) */
	CONF_DID_SHOW,    /* `set NAME` alone: msg says its value */
	CONF_DID_BIND,    /* a key was bound */
	CONF_DID_COLOR,   /* an element's colours changed */
	CONF_DID_FILTER,  /* a filter was saved, replaced or deleted */
	CONF_DID_APPLY,   /* `filter NAME`: apply that filter (query) */
	CONF_DID_SAVE,    /* `filter save NAME`: save the filter in force
	                   * under name (the caller calls conf_filter_set
	                   * and conf_change) */
	CONF_DID_SOURCE,  /* a file was read (its problems are in
	                   * c->problems) */
	CONF_DID_WRITE,   /* `write`: the caller writes (conf_write) */
};

/* The outcome of conf_exec. */
struct conf_result {
	enum conf_did did;
	int option;         /* CONF_DID_SET: the option */
	const char *query;  /* CONF_DID_APPLY: the filter's query (c's) */
	char name[64];      /* CONF_DID_SAVE: the name */
	struct buf msg;     /* what to say (free it with buf_free) */
};

/* Reads the config file at path (c->path when NULL) and applies every
 * line; a line that does not apply is recorded in c->problems and the
 * rest still applies. A missing file is no problem. Returns the number
 * of problems recorded. */
size_t conf_load(struct conf *c, const char *path);
/* Runs one line typed at the `:` prompt (write and filter save are
 * taken there only): *r says what it did. A setting is recorded for
 * :write (c->changes). source FILE is relative to the current
 * directory. */
void conf_exec(struct conf *c, const char *line, struct conf_result *r);
/* Appends problem p as FILE:LINE: message, sanitised, one line. */
void conf_problem_format(struct buf *out, const struct conf_problem *p);
/* Splits a line into its words as the language reads them (quotes,
 * backslashes, a # comment); false with why in *err when a quote is
 * not closed. words is filled with malloc'd strings (free with
 * conf_words_free); cols[i] (may be NULL) is each word's 1-based
 * column. */
bool conf_split(const char *line, char ***words, size_t *n,
                unsigned **cols, struct buf *err);
/* The byte of line where its comment (a # starting a word outside
 * quotes) starts, or the line's length when it has none. */
size_t conf_comment_at(const char *line);
/* Frees what conf_split made. */
void conf_words_free(char **words, size_t n, unsigned *cols);
/* Records a setting made at the prompt for :write. */
void conf_change(struct conf *c, const char *what, const char *line);
/* True when a file read (c->files) changed on disk since, or the config
 * file appeared. */
bool conf_changed_on_disk(const struct conf *c);
/* Takes the files read as they are on disk now (after :write). */
void conf_restat(struct conf *c);

/* conf_complete.c ---------------------------------------------------- */

/* The names Tab may complete the word before pos of line to: writes
 * where that word starts to *start and appends the names (in order,
 * each once) to names; returns how many. */
size_t conf_complete(const struct conf *c, const char *line, size_t pos,
                     size_t *start, char ***names);
/* Frees what conf_complete made. */
void conf_complete_free(char **names, size_t n);

/* conf_write.c ------------------------------------------------------- */

/* Writes the settings made at the prompt (c->changes) into the config
 * file text old (NULL when there is none): a line of the file's own
 * that sets the same thing is replaced where it is, in place, and the
 * rest are appended; every other line, comments included, is kept as
 * it was. The new text goes to out. */
void conf_merge_changes(const struct conf *c, const char *old,
                        struct buf *out);
/* :write: merges the changes into c->path, written whole (a temporary
 * file, then rename), the directory made when missing; on success the
 * changes are forgotten. False with why in *err. */
bool conf_write(struct conf *c, struct buf *err);

#endif
