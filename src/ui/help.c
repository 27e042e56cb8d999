/* SPDX-License-Identifier: MIT */
/* help: every key, generated from the action table, and the filter's
 * words; scrolls like the detail. `/` narrows it as lazygit's and
 * htop's filters do: typing keeps the lines whose keys, action names
 * or words match (one character: the key of that name), under their
 * headings, the matches highlighted; Esc shows every line again, Enter
 * keeps them. */
#include "view.h"

#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One line of help. */
struct hline {
	int kind;         /* 0 text, 1 heading, 2 keys and what they do */
	const char *a;    /* the text or heading; the keys when keys is "" */
	const char *b;    /* what the keys do (kind 2) */
	char keys[64];    /* the names of an action's keys, or "" */
	int action;       /* the action of the line, or ACT_NONE */
};

/* From this width help shows each action's name (what bind takes). */
#define HELP_NAMES_COLS 100
/* The help's own data. */
struct help {
	struct hline *v;  /* the lines */
	size_t n, cap;
	int keyw;         /* columns of the keys column */
	int namew;        /* columns of the longest action name */
	char currency[80];  /* what currency a bare salary figure is in */
	char split[96];     /* from what width the panes are side by side */
	size_t blank;     /* the index of a blank line */
	char *needle;     /* what the help is narrowed to (malloc'd), or
	                   * NULL: every line shown */
	size_t *vis;      /* narrowed: the indexes of the lines shown, after
	                   * the line that says what they match */
	size_t nvis, viscap;
	size_t nmatch;    /* how many of them matched (headings, blank
	                   * lines and whole groups aside) */
	char said[200];   /* the first line while narrowed */
	struct query_span spans[32]; /* scratch for drawing a line */
};

/* Words of the filter, after the keys. */
static const char *const filter_help[][2] = {
	{"word", "the word appears anywhere, your note too (any case)"},
	{"\"two words\"", "the phrase appears"},
	{"field:text", "title org loc dept tag lang id text other union"},
	{"note:text", "in your own note only"},
	{"workplace:remote", "the value: also workplace.note:text for the note"},
	{"type:part-time", "a whole value: type:exempt is not non-exempt"},
	{"salary>=N", "yearly salary range reaches N (also <=, >, <)"},
	{"salary>=50000EUR", "N in another currency (any ISO 4217 code)"},
	{"deadline:rolling", "a deadline given as text; also start:text"},
	{"experience<=N", "years of experience asked for"},
	{"posted>=DATE", "also deadline<=DATE; dates YYYY-MM-DD"},
	{"is:marked", "also is:hidden is:new is:open has:salary has:note"},
	{"is:closing", "deadline within closing-days; is:closed: passed"},
	{"rating>=N", "your rating 1-5; also status:applied, is:read"},
	{"is:duplicate", "one job loaded from several sources (= in the list)"},
	{"-term", "not; also: not term"},
	{"a or b", "either; also a | b, and ( ... )"},
};

/* Keys of the prompt. */
static const char *const prompt_help[][2] = {
	{"Left Right", "move; also Ctrl-B, Ctrl-F"},
	{"Home End", "start, end; also Ctrl-A, Ctrl-E"},
	{"Backspace Delete", "delete a character"},
	{"Ctrl-U  Ctrl-K", "delete to the start, to the end"},
	{"Ctrl-W", "delete the word before the cursor"},
	{"Enter  Esc", "keep the text; give up (Ctrl-G too)"},
};

/* The `:` prompt: its lines and its keys. */
static const char *const cmd_help[][2] = {
	{"set NAME = VALUE", "an option: sort, list-columns, theme..."},
	{"bind VIEW KEY ACTION", "a key (VIEW: generic list detail compare "
	 "help)"},
	{"color ELEMENT FG BG", "a colour, with attributes after (bold...)"},
	{"filter NAME QUERY", "save a filter; filter NAME applies it"},
	{"filter save NAME", "save the filter in force (F lists them)"},
	{"source FILE", "read a file of such lines"},
	{"write", "write what was set here into the config file"},
	{"Tab", "complete a name; again: the next one"},
	{"Up Down", "the lines typed before (Ctrl-P, Ctrl-N)"},
};

/* Makes room for one more line and returns it, zeroed. */
static struct hline *
add_line(struct help *h)
{
	if (h->n == h->cap) {
		h->cap = h->cap ? 2 * h->cap : 64;
		h->v = realloc(h->v, h->cap * sizeof(*h->v));
		if (!h->v)
			die_nomem();
	}
	memset(&h->v[h->n], 0, sizeof(h->v[h->n]));
	return &h->v[h->n++];
}

/* Notes the width of a keys column entry. */
static void
key_width(struct help *h, const char *keys)
{
	int w = (int)text_width(keys, strlen(keys));
	if (w > h->keyw)
		h->keyw = w;
}

/* Adds a line of text (kind 0), a heading (1) or keys and what they do (2). */
static void
add(struct help *h, int kind, const char *a, const char *b)
{
	struct hline *l = add_line(h);
	l->kind = kind;
	l->a = a;
	l->b = b;
	if (kind == 2)
		key_width(h, a);
}

/* Adds an action: its keys, spelt from the table, and what it does. */
static void
add_action(struct help *h, enum action a)
{
	struct hline *l = add_line(h);
	l->kind = 2;
	keys_names(a, l->keys, sizeof(l->keys));
	l->b = action_table[a].help;
	l->action = a;
	int nw = (int)strlen(action_table[a].name);
	if (nw > h->namew)
		h->namew = nw;
	key_width(h, l->keys);
}

/* Narrowing ------------------------------------------------------------ */

/* The keys column of a line. */
static const char *
keys_of(const struct hline *l)
{
	return l->kind == 2 && l->keys[0] ? l->keys : l->a;
}

/* ASCII lower case of c; other bytes as they are. */
static unsigned char
lower(unsigned char c)
{
	return c >= 'A' && c <= 'Z' ? (unsigned char)(c - 'A' + 'a') : c;
}

/* True when the needle is one character (one code point). */
static bool
one_char(const char *needle)
{
	uint32_t cp;
	size_t n = strlen(needle);
	return n && text_decode(needle, n, &cp) == n;
}

/* Finds the needle in s, ignoring ASCII case: each place written to
 * sp (at most max); returns how many. */
static size_t
find_words(const char *s, const char *needle, struct query_span *sp,
           size_t max)
{
	size_t len = strlen(s), nl = strlen(needle), n = 0;
	for (size_t i = 0; nl && i + nl <= len && n < max;) {
		size_t k = 0;
		while (k < nl && lower((unsigned char)s[i + k]) ==
		                 lower((unsigned char)needle[k]))
			k++;
		if (k == nl) {
			sp[n++] = (struct query_span){i, nl};
			i += nl;
		} else {
			i++;
		}
	}
	return n;
}

/* Finds the key named needle (one character, its case as typed) among
 * the blank-separated names of a keys column, or in a range of them
 * such as 1-9; each place written to sp; returns how many. */
static size_t
find_key(const char *keys, const char *needle, struct query_span *sp,
         size_t max)
{
	size_t nl = strlen(needle), n = 0;
	for (size_t i = 0; keys[i] && n < max;) {
		while (keys[i] == ' ')
			i++;
		size_t j = i;
		while (keys[j] && keys[j] != ' ')
			j++;
		size_t tl = j - i;
		bool range = tl == 3 && keys[i + 1] == '-' && nl == 1 &&
		             needle[0] >= keys[i] && needle[0] <= keys[i + 2];
		if (tl && ((tl == nl && memcmp(keys + i, needle, nl) == 0) ||
		           range))
			sp[n++] = (struct query_span){i, tl};
		i = j;
	}
	return n;
}

/* Where the help's needle is in s, a line's keys column (keys true) or
 * its text: spans written to sp (at most max); returns how many. */
static size_t
spans_in(const struct help *h, const char *s, bool keys,
         struct query_span *sp, size_t max)
{
	if (!h->needle || !s)
		return 0;
	if (one_char(h->needle))
		return keys ? find_key(s, h->needle, sp, max) : 0;
	return find_words(s, h->needle, sp, max);
}

/* True when line l matches the needle by its keys or its words. */
static bool
line_matches(const struct help *h, const struct hline *l)
{
	struct query_span sp[1];
	if (l->kind == 2)
		return spans_in(h, keys_of(l), true, sp, 1) ||
		       spans_in(h, l->b, false, sp, 1) ||
		       (l->action &&
		        spans_in(h, action_table[l->action].name, false, sp, 1));
	return spans_in(h, l->a, false, sp, 1) > 0;
}

/* Adds line i to those shown. */
static void
show_line(struct help *h, size_t i)
{
	if (h->nvis == h->viscap) {
		h->viscap = h->viscap ? 2 * h->viscap : 32;
		h->vis = xrealloc(h->vis, h->viscap * sizeof(*h->vis));
	}
	h->vis[h->nvis++] = i;
}

/* Chooses the lines shown for the needle: each line that matches under
 * its heading, every line of a group whose heading matches. */
static void
narrow_lines(struct help *h)
{
	h->nvis = h->nmatch = 0;
	if (!h->needle)
		return;
	size_t heading = SIZE_MAX;
	bool heading_shown = false, whole = false;
	for (size_t i = 1; i < h->n; i++) { /* 0: the help's title */
		const struct hline *l = &h->v[i];
		if (l->kind == 1) {
			heading = i;
			heading_shown = false;
			whole = line_matches(h, l);
			continue;
		}
		if (l->kind == 0 && !l->a[0])
			continue;
		if (!whole && !line_matches(h, l))
			continue;
		if (!heading_shown && heading != SIZE_MAX) {
			if (h->nvis)
				show_line(h, h->blank);
			show_line(h, heading);
			heading_shown = true;
		}
		show_line(h, i);
		h->nmatch++;
	}
	struct buf shown = {0};
	text_sanitize(&shown, h->needle, strlen(h->needle), SAN_CARET_NL);
	if (h->nmatch)
		snprintf(h->said, sizeof(h->said), "help matching '%s': %zu "
		         "line%s (\\ shows every key)", shown.s, h->nmatch,
		         h->nmatch == 1 ? "" : "s");
	else
		snprintf(h->said, sizeof(h->said), "no key or action matches "
		         "'%s'", shown.s);
	buf_free(&shown);
}

/* Narrows the help to needle (NULL or "": every line). */
static void
set_needle(struct view *v, const char *needle)
{
	struct help *h = v->priv;
	free(h->needle);
	h->needle = needle && *needle ? xstrdup(needle) : NULL;
	narrow_lines(h);
	v->top = 0;
	v->ui->dirty = true;
}

/* The prompt calls this after every edit: the help follows. */
static void
narrow_changed(struct ui *ui, const char *text, void *ctx)
{
	(void)ui;
	set_needle(ctx, text);
}

/* `/` in help: the narrowing prompt. */
static void
narrow(struct view *v)
{
	struct help *h = v->priv;
	struct ui *ui = v->ui;
	char *before = h->needle ? xstrdup(h->needle) : NULL;
	char *text = ui_prompt(ui, "help /", before, narrow_changed, v);
	free(before);
	set_needle(v, text);
	free(text);
	if (!h->needle)
		ui_message(ui, false, "help: every key (/ narrows it)");
	else if (!h->nmatch)
		ui_message(ui, false, "%s", h->said);
	else
		ui_message(ui, false, "%zu line%s of help match '%s' (\\ "
		           "shows every key)", h->nmatch,
		           h->nmatch == 1 ? "" : "s", h->needle);
}

/* Drawing ------------------------------------------------------------- */

static void
help_update(struct view *v)
{
	struct help *h = v->priv;
	v->nrows = h->needle ? 1 + h->nvis : h->n;
}

/* Draws s at y, x in width columns, the needle's places in it
 * highlighted; keys: s is a keys column. */
static void
draw_text(struct view *v, int y, int x, const char *s, int width,
          attr_t a, bool keys)
{
	struct help *h = v->priv;
	size_t n = spans_in(h, s, keys, h->spans,
	                    sizeof(h->spans) / sizeof(*h->spans));
	ui_text_spans(v->win, y, x, s, strlen(s), width, a,
	              v->ui->attr[UL_MATCH], h->spans, n);
}

static void
help_draw_row(struct view *v, size_t row, int y, bool current)
{
	struct help *h = v->priv;
	struct ui *ui = v->ui;
	(void)current;
	if (h->needle && row == 0) {
		ui_text(v->win, y, 0, h->said, strlen(h->said), v->width,
		        h->nmatch ? ui->attr[UL_HEADING] : ui->attr[UL_ERROR],
		        false);
		return;
	}
	const struct hline *l = &h->v[h->needle ? h->vis[row - 1] : row];
	switch (l->kind) {
	case 0:
		draw_text(v, y, 0, l->a, v->width, A_NORMAL, false);
		break;
	case 1:
		draw_text(v, y, 0, l->a, v->width, ui->attr[UL_HEADING], false);
		break;
	default: {
		int kw = h->keyw + 3 < v->width / 2 ? h->keyw + 3 : v->width / 2;
		draw_text(v, y, 2, keys_of(l), kw - 2, ui->attr[UL_LABEL], true);
		/* wide enough, the action's name as bind takes it, at the
		 * right */
		int nw = l->action && v->width >= HELP_NAMES_COLS
		         ? (int)strlen(action_table[l->action].name) : 0;
		int room = v->width - kw - 1 - (nw ? h->namew + 2 : 0);
		draw_text(v, y, kw + 1, l->b, room, A_NORMAL, false);
		if (nw)
			draw_text(v, y, v->width - h->namew - 1,
			          action_table[l->action].name, h->namew,
			          ui->attr[UL_HINT], false);
		break;
	}
	}
}

static enum action
help_key(struct view *v, enum action a, int key)
{
	(void)key;
	switch (a) {
	case ACT_FILTER:
		narrow(v);
		return ACT_NONE;
	case ACT_FILTER_CLEAR:
		set_needle(v, NULL);
		ui_message(v->ui, false, "help: every key (/ narrows it)");
		return ACT_NONE;
	default:
		return a;
	}
}

static void
help_free(struct view *v)
{
	struct help *h = v->priv;
	free(h->v);
	free(h->vis);
	free(h->needle);
	free(h);
}

static const struct view_ops help_ops = {
	.name = "help",
	.cursor = false,
	.update = help_update,
	.draw_row = help_draw_row,
	.key = help_key,
	.free = help_free,
};

struct view *
help_view_new(struct ui *ui)
{
	struct help *h = calloc(1, sizeof(*h));
	if (!h)
		die_nomem();
	add(h, 1, "billet: keys (/ narrows, q closes this help; j, k, PgDn "
	    "scroll)", NULL);
	h->blank = h->n;
	const char *group = NULL;
	for (int a = 1; a < ACT_N; a++) {
		const struct action_info *ai = &action_table[a];
		if (!group || strcmp(group, ai->group) != 0) {
			add(h, 0, "", NULL);
			add(h, 1, ai->group, NULL);
			group = ai->group;
		}
		add_action(h, (enum action)a);
	}
	add(h, 0, "", NULL);
	add(h, 1, "Editing the filter (after /)", NULL);
	for (size_t i = 0; i < sizeof(prompt_help) / sizeof(*prompt_help); i++)
		add(h, 2, prompt_help[i][0], prompt_help[i][1]);
	add(h, 0, "", NULL);
	add(h, 1, "At the : prompt (the lines of the config file)", NULL);
	for (size_t i = 0; i < sizeof(cmd_help) / sizeof(*cmd_help); i++)
		add(h, 2, cmd_help[i][0], cmd_help[i][1]);
	add(h, 0, "", NULL);
	add(h, 1, "Editing a note (after a)", NULL);
	for (size_t i = 0; i < note_nkeys; i++)
		add(h, 2, note_keys[i][0], note_keys[i][1]);
	add(h, 0, "", NULL);
	add(h, 1, "The flags left of each row", NULL);
	add(h, 2, "*  x", "marked (on the shortlist); hidden");
	add(h, 2, "N  ·", "new since the last run; read");
	add(h, 2, "1-5", "your rating");
	add(h, 2, "i a v o r w", "the status, by its letter in p's menu");
	add(h, 2, ui->utf8 ? "✎" : "#", "you wrote a note");
	add(h, 0, "", NULL);
	add(h, 1, "In the comparison (c)", NULL);
	add(h, 2, "*  +", "a row that differs; an item one posting has");
	add(h, 2, "underlined", "the words that differ within a row");
	add(h, 2, "m p x a", "act on the column in focus, as the rating does");
	add(h, 2, "Tab h l", "move the focus (the title reversed)");
	add(h, 2, "first column", "stays while the others scroll");
	add(h, 0, "", NULL);
	add(h, 1, "Filter words (ANDed)", NULL);
	for (size_t i = 0; i < sizeof(filter_help) / sizeof(*filter_help); i++)
		add(h, 2, filter_help[i][0], filter_help[i][1]);
	snprintf(h->currency, sizeof(h->currency), "Salary figures are in %s, "
	         "%s.", ui->env.currency[0] ? ui->env.currency
	                                    : CURRENCY_DEFAULT,
	         ui->currency_set ? "the currency set in the config"
	                          : "the currency most postings use");
	add(h, 0, h->currency, NULL);
	add(h, 0, "", NULL);
	add(h, 1, "Mouse", NULL);
	add(h, 2, "click", "select a row; on the current row: open it");
	add(h, 2, "wheel", "scroll");
	add(h, 0, "", NULL);
	snprintf(h->split, sizeof(h->split), "The list is side by side with "
	         "the detail from %ld columns (set split-width).",
	         conf_int(ui->conf, CO_SPLIT_WIDTH));
	add(h, 0, h->split, NULL);
	add(h, 0, "Keys, colours and options are set in the config file "
	    "(billet-config(5));", NULL);
	add(h, 0, "from 100 columns this help names each action at the right, "
	    "as bind takes it;", NULL);
	add(h, 0, "billet --dump-config writes every default. See billet(1) "
	    "for more.", NULL);
	return view_new(ui, &help_ops, h);
}
