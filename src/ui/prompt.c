/* SPDX-License-Identifier: MIT */
/* prompt: the line editor of the message line (the filter, `:`, notes):
 * its keys, history, completion, and drawing it. */
#include "view.h"

#include <stdlib.h>
#include <string.h>
#include <time.h>

/* The prompt being edited, drawn on the message line. */
static struct {
	const char *label; /* e.g. "/" */
	struct buf *text;  /* what is typed so far */
	size_t pos;        /* the cursor, a byte offset in text */
} prompt;

void
prompt_draw(struct ui *ui, WINDOW *msg_win)
{
	int cols = COLS;
	int lw = ui_text(msg_win, 0, 0, prompt.label, strlen(prompt.label), cols,
	                 ui->attr[UL_PROMPT], false);
	int avail = cols - lw - 1;
	const char *s = prompt.text->s ? prompt.text->s : "";
	size_t len = prompt.text->len;
	size_t start = 0;
	if (avail < 1) {
		wnoutrefresh(msg_win);
		return;
	}
	while (start < prompt.pos &&
	       (int)text_width(s + start, prompt.pos - start) > avail) {
		uint32_t cp;
		start += text_decode(s + start, len - start, &cp);
	}
	ui_text(msg_win, 0, lw, s + start, len - start, cols - lw,
	        ui->attr[UL_PROMPT], false);
	int cx = lw + (int)text_width(s + start, prompt.pos - start);
	wmove(msg_win, 0, cx < cols ? cx : cols - 1);
	wnoutrefresh(msg_win);
}

/* The byte offset of the character before pos in s. */
static size_t
char_before(const char *s, size_t pos)
{
	while (pos > 0 && ((unsigned char)s[--pos] & 0xC0) == 0x80)
		;
	return pos;
}

/* The byte offset of the character after pos in s[0..len). */
static size_t
char_after(const char *s, size_t len, size_t pos)
{
	if (pos >= len)
		return len;
	uint32_t cp;
	return pos + text_decode(s + pos, len - pos, &cp);
}

/* Removes bytes [from, to) of b. */
static void
cut(struct buf *b, size_t from, size_t to)
{
	if (to <= from)
		return;
	memmove(b->s + from, b->s + to, b->len - to + 1);
	b->len -= to - from;
}

char *
ui_prompt(struct ui *ui, const char *label, const char *init,
          prompt_changed_fn changed, void *ctx)
{
	return ui_prompt_aided(ui, label, init, changed, ctx, NULL);
}

/* Replaces text with s, the cursor at its end (history). */
static void
prompt_replace(struct buf *text, const char *s)
{
	buf_clear(text);
	text_sanitize(text, s, strlen(s), 0);
	buf_adds(text, "");
	prompt.pos = text->len;
}

char *
ui_prompt_aided(struct ui *ui, const char *label, const char *init,
                prompt_changed_fn changed, void *ctx,
                const struct prompt_aid *aid)
{
	struct history *hist = aid ? aid->history : NULL;
	size_t hpos = hist ? hist->n : 0; /* hist->n: the line being typed */
	char *draft = NULL;               /* it, while Up shows another */
	unsigned tabs = 0;                /* Tabs pressed in a row */
	buf_clear(&ui->prompt_note);
	struct buf text = {0};
	if (init)
		text_sanitize(&text, init, strlen(init), 0);
	buf_adds(&text, ""); /* never NULL */
	prompt.label = label;
	prompt.text = &text;
	prompt.pos = text.len;
	ui->editing = true;
	ui->dirty = true;
	curs_set(1);
	char *result = NULL;
	bool unseen = false; /* edits that changed has not been told of */
	for (;;) {
		if (ui_stop_signal()) {
			ui->quit = true;
			break;
		}
		if (changed) /* a live prompt (the filter): the load goes on */
			list_poll(ui);
		if (!ui_key_pending()) { /* else the next key comes first */
			if (unseen) {
				changed(ui, text.s, ctx);
				unseen = false;
			}
			ui_draw(ui);
		}
		int k = ui_read_key_idle(ui);
		if (!k)
			continue;
		struct timespec t0;
		clock_gettime(CLOCK_MONOTONIC, &t0);
		ui->dirty = true;
		size_t p = prompt.pos, before = text.len;
		if (k == (KEY_FN | KEY_RESIZE)) {
			layout(ui);
			continue;
		}
		if (k == (KEY_FN | KEY_MOUSE)) {
			MEVENT ev;
			getmouse(&ev);
			continue;
		}
		if (k == '\n' || k == '\r' || k == (KEY_FN | KEY_ENTER)) {
			if (unseen)
				changed(ui, text.s, ctx);
			result = buf_steal(&text);
			break;
		}
		if (k == 27 || k == KEY_CTRL('g'))
			break;
		bool is_tab = k == '\t' && aid && aid->complete;
		bool replaced = false; /* by Tab or the history */
		if (!is_tab) {
			tabs = 0;
			buf_clear(&ui->prompt_note);
		}
		if (is_tab) {
			aid->complete(ui, &text, &prompt.pos, tabs++, aid->ctx);
			replaced = true;
			k = 0; /* handled */
		} else if (hist && (k == (KEY_FN | KEY_UP) ||
		                    k == KEY_CTRL('p'))) {
			/* a line the same as the one shown is passed over
			 * (the filter in force is often the last typed) */
			size_t to = hpos;
			while (to > 0 && !strcmp(hist->v[to - 1], text.s))
				to--;
			if (to > 0) {
				if (hpos == hist->n) {
					free(draft);
					draft = xstrdup(text.s);
				}
				hpos = to - 1;
				prompt_replace(&text, hist->v[hpos]);
				replaced = true;
			}
			k = 0;
		} else if (hist && (k == (KEY_FN | KEY_DOWN) ||
		                    k == KEY_CTRL('n'))) {
			if (hpos < hist->n) {
				hpos++;
				prompt_replace(&text, hpos == hist->n
				               ? (draft ? draft : "")
				               : hist->v[hpos]);
				replaced = true;
			}
			k = 0;
		}
		switch (k) {
		case KEY_FN | KEY_LEFT:
		case KEY_CTRL('b'):
			prompt.pos = char_before(text.s, p);
			break;
		case KEY_FN | KEY_RIGHT:
		case KEY_CTRL('f'):
			prompt.pos = char_after(text.s, text.len, p);
			break;
		case KEY_FN | KEY_HOME:
		case KEY_CTRL('a'):
			prompt.pos = 0;
			break;
		case KEY_FN | KEY_END:
		case KEY_CTRL('e'):
			prompt.pos = text.len;
			break;
		case KEY_FN | KEY_BACKSPACE:
		case 127:
		case KEY_CTRL('h'):
			prompt.pos = char_before(text.s, p);
			cut(&text, prompt.pos, p);
			break;
		case KEY_FN | KEY_DC:
		case KEY_CTRL('d'):
			cut(&text, p, char_after(text.s, text.len, p));
			break;
		case KEY_CTRL('u'):
			cut(&text, 0, p);
			prompt.pos = 0;
			break;
		case KEY_CTRL('k'):
			text.len = p;
			text.s[p] = '\0';
			break;
		case KEY_CTRL('w'): {
			size_t q = p;
			while (q > 0 && text.s[q - 1] == ' ')
				q--;
			while (q > 0 && text.s[q - 1] != ' ')
				q--;
			cut(&text, q, p);
			prompt.pos = q;
			break;
		}
		default:
			if (!(k & KEY_FN) && k >= ' ') {
				char enc[4];
				size_t n = text_encode((uint32_t)k, enc);
				if (!text_is_clean(enc, n, 0))
					break;
				size_t tail = text.len - p;
				buf_add(&text, enc, n); /* grow */
				memmove(text.s + p + n, text.s + p, tail);
				memcpy(text.s + p, enc, n);
				text.s[text.len] = '\0';
				prompt.pos = p + n;
			}
			break;
		}
		if ((text.len != before || replaced) && changed)
			unseen = true;
		/* More input is waiting (a paste, keys typed ahead): changed
		 * (the filter) runs and the screen is drawn once it is taken
		 * in, not for every key of it. */
		if (ui_key_pending())
			continue;
		if (unseen) {
			changed(ui, text.s, ctx);
			unseen = false;
		}
		ui_draw(ui);
		ui_bench_key_note(&t0);
	}
	buf_free(&text);
	free(draft);
	buf_clear(&ui->prompt_note);
	prompt.text = NULL;
	ui->editing = false;
	ui->dirty = true;
	curs_set(0);
	return result;
}
