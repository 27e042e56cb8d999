/* SPDX-License-Identifier: MIT */
/* help: every key, generated from the action table, and the filter's
 * words; scrolls like the detail. */
#include "view.h"

#include "config.h"

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
};

/* Words of the filter, after the keys. */
static const char *const filter_help[][2] = {
	{"word", "the word appears anywhere (case-insensitive)"},
	{"\"two words\"", "the phrase appears"},
	{"field:text", "title org loc dept tag lang id text other union"},
	{"workplace:remote", "the value: also workplace.note:text for the note"},
	{"type:part-time", "a whole value: type:exempt is not non-exempt"},
	{"salary>=N", "yearly salary range reaches N (also <=, >, <)"},
	{"salary>=50000EUR", "N in another currency (any ISO 4217 code)"},
	{"deadline:rolling", "a deadline given as text; also start:text"},
	{"experience<=N", "years of experience asked for"},
	{"posted>=DATE", "also deadline<=DATE; dates YYYY-MM-DD"},
	{"is:marked", "also is:hidden is:new is:open has:salary has:note"},
	{"rating>=N", "your rating 1-5; also status:applied, is:read"},
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

static void
help_update(struct view *v)
{
	struct help *h = v->priv;
	v->nrows = h->n;
}

static void
help_draw_row(struct view *v, size_t row, int y, bool current)
{
	struct help *h = v->priv;
	struct ui *ui = v->ui;
	const struct hline *l = &h->v[row];
	(void)current;
	switch (l->kind) {
	case 0:
		ui_text(v->win, y, 0, l->a, strlen(l->a), v->width, A_NORMAL,
		        false);
		break;
	case 1:
		ui_text(v->win, y, 0, l->a, strlen(l->a), v->width,
		        ui->attr[UL_HEADING], false);
		break;
	default: {
		int kw = h->keyw + 3 < v->width / 2 ? h->keyw + 3 : v->width / 2;
		const char *keys = l->keys[0] ? l->keys : l->a;
		ui_text(v->win, y, 2, keys, strlen(keys), kw - 2,
		        ui->attr[UL_LABEL], false);
		/* wide enough, the action's name as bind takes it, at the
		 * right */
		int nw = l->action && v->width >= HELP_NAMES_COLS
		         ? (int)strlen(action_table[l->action].name) : 0;
		int room = v->width - kw - 1 - (nw ? h->namew + 2 : 0);
		ui_text(v->win, y, kw + 1, l->b, strlen(l->b), room, A_NORMAL,
		        false);
		if (nw)
			ui_text(v->win, y, v->width - h->namew - 1,
			        action_table[l->action].name, (size_t)nw,
			        h->namew, ui->attr[UL_HINT], false);
		break;
	}
	}
}

static void
help_free(struct view *v)
{
	struct help *h = v->priv;
	free(h->v);
	free(h);
}

static const struct view_ops help_ops = {
	.name = "help",
	.cursor = false,
	.update = help_update,
	.draw_row = help_draw_row,
	.free = help_free,
};

struct view *
help_view_new(struct ui *ui)
{
	struct help *h = calloc(1, sizeof(*h));
	if (!h)
		die_nomem();
	add(h, 1, "billet: keys (q closes this help; j, k, PgDn scroll)", NULL);
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
