/* SPDX-License-Identifier: MIT */
/* note: the small multi-line editor that `a` opens over the screen. The
 * text is UTF-8 with '\n' between lines, the cursor a byte offset in it;
 * lines wrap at the frame by display columns (wide characters take two,
 * combining marks none), after the last space that fits when there is
 * one. Ctrl-X or F2 saves; Esc gives up. Ctrl-S is left alone: terminals
 * take it for flow control and the screen would freeze. */
#include "view.h"

#include "config.h"

#include <stdlib.h>
#include <string.h>

const char *const note_keys[][2] = {
	{"Ctrl-X  F2", "save the note (an empty note is removed)"},
	{"Esc", "give up (asks first when the note was changed)"},
	{"Enter", "start a new line"},
	{"Left Right Up Down", "move; Up and Down go by screen lines"},
	{"Home End", "start, end of the line; also Ctrl-A, Ctrl-E"},
	{"PgUp PgDn", "a page up, down"},
	{"Backspace Delete", "delete a character; Delete also Ctrl-D"},
	{"Ctrl-U  Ctrl-K", "delete to the start, to the end of the line"},
	{"Ctrl-W", "delete the word before the cursor"},
};
const size_t note_nkeys = sizeof(note_keys) / sizeof(*note_keys);

void
ui_frame(struct ui *ui, WINDOW *w)
{
	int h = getmaxy(w), wd = getmaxx(w);
	if (h < 2 || wd < 2)
		return;
	const char *hz = ui->utf8 ? "─" : "-", *vt = ui->utf8 ? "│" : "|";
	const char *c[4] = {"+", "+", "+", "+"};
	if (ui->utf8) {
		c[0] = "┌"; c[1] = "┐"; c[2] = "└"; c[3] = "┘";
	}
	attr_t a = ui->attr[UL_BORDER];
	struct buf line = {0};
	for (int x = 1; x < wd - 1; x++)
		buf_adds(&line, hz);
	for (int y = 0; y < h; y++) {
		bool edge = y == 0 || y == h - 1;
		const char *l = y == 0 ? c[0] : y == h - 1 ? c[2] : vt;
		const char *r = y == 0 ? c[1] : y == h - 1 ? c[3] : vt;
		ui_text(w, y, 0, l, strlen(l), 1, a, false);
		if (edge && line.len)
			ui_text(w, y, 1, line.s, line.len, wd - 2, a, false);
		ui_text(w, y, wd - 1, r, strlen(r), 1, a, false);
	}
	buf_free(&line);
}

/* One line on the screen: the bytes [off, end) of the text, end being
 * where the next one starts (after the '\n' that ended this one, if). */
struct seg {
	size_t off, end;
};

/* The editor while it is open. */
struct editor {
	struct ui *ui;
	const char *title;  /* the posting's title, for the frame */
	struct buf text;    /* the note so far; s never NULL */
	size_t pos;         /* the cursor, a byte offset in text */
	int goal;           /* the column Up and Down keep, or -1 */
	struct seg *seg;    /* the screen lines, top to bottom */
	size_t nseg, segcap;
	size_t top;         /* the first screen line shown */
	WINDOW *win;        /* the frame and the text, NULL when too small */
	int h, w;           /* its size */
	int tw;             /* columns a line may fill (one is left for the
	                     * cursor after the last character) */
	bool asking;        /* "discard the changes?" is on the frame */
};

/* The display columns of text[from..to). */
static int
cols(const char *s, size_t from, size_t to)
{
	int c = 0;
	while (from < to) {
		uint32_t cp;
		from += text_decode(s + from, to - from, &cp);
		c += text_cp_width(cp);
	}
	return c;
}

/* The byte offset of the character before pos. */
static size_t
prev_char(const char *s, size_t pos)
{
	while (pos > 0 && ((unsigned char)s[--pos] & 0xC0) == 0x80)
		;
	return pos;
}

/* The byte offset of the character after pos. */
static size_t
next_char(const struct buf *t, size_t pos)
{
	if (pos >= t->len)
		return t->len;
	uint32_t cp;
	return pos + text_decode(t->s + pos, t->len - pos, &cp);
}

/* Adds a screen line. */
static void
seg_push(struct editor *e, size_t off, size_t end)
{
	if (e->nseg == e->segcap) {
		e->segcap = e->segcap ? 2 * e->segcap : 32;
		e->seg = realloc(e->seg, e->segcap * sizeof(*e->seg));
		if (!e->seg)
			die_nomem();
	}
	e->seg[e->nseg++] = (struct seg){off, end};
}

/* Breaks the text into screen lines of at most e->tw columns. */
static void
wrap(struct editor *e)
{
	const char *s = e->text.s;
	size_t len = e->text.len, off = 0;
	e->nseg = 0;
	for (;;) {
		size_t i = off, brk = off;
		int col = 0;
		bool hard = false;
		while (i < len) {
			if (s[i] == '\n') {
				i++;
				hard = true;
				break;
			}
			uint32_t cp;
			size_t n = text_decode(s + i, len - i, &cp);
			int cw = text_cp_width(cp);
			if (col + cw > e->tw && i > off) {
				if (brk > off)
					i = brk; /* after the last space */
				break;
			}
			col += cw;
			i += n;
			if (cp == ' ')
				brk = i;
		}
		seg_push(e, off, i);
		if (i >= len) {
			if (hard) /* the empty line after a final newline */
				seg_push(e, len, len);
			break;
		}
		off = i;
	}
}

/* The screen line holding byte offset pos. */
static size_t
seg_of(const struct editor *e, size_t pos)
{
	size_t lo = 0, hi = e->nseg - 1;
	while (lo < hi) {
		size_t mid = (lo + hi) / 2;
		if (pos < e->seg[mid].end)
			hi = mid;
		else
			lo = mid + 1;
	}
	return lo;
}

/* The last offset the cursor can take on screen line i: before its
 * newline, before its last character when it wraps, its end when last. */
static size_t
seg_last(const struct editor *e, size_t i)
{
	const struct seg *g = &e->seg[i];
	if (i + 1 == e->nseg)
		return g->end;
	if (g->end > g->off && e->text.s[g->end - 1] == '\n')
		return g->end - 1;
	return prev_char(e->text.s, g->end);
}

/* The offset on screen line i nearest to column goal, not after it. */
static size_t
seg_at_col(const struct editor *e, size_t i, int goal)
{
	size_t p = e->seg[i].off, last = seg_last(e, i);
	int c = 0;
	while (p < last) {
		uint32_t cp;
		size_t n = text_decode(e->text.s + p, last - p, &cp);
		int cw = text_cp_width(cp);
		if (c + cw > goal)
			break;
		c += cw;
		p += n;
	}
	/* never between a character and its combining marks */
	while (p < last) {
		uint32_t cp;
		size_t n = text_decode(e->text.s + p, last - p, &cp);
		if (text_cp_width(cp) != 0)
			break;
		p += n;
	}
	return p;
}

/* The column of the cursor on its screen line. */
static int
cursor_col(const struct editor *e)
{
	return cols(e->text.s, e->seg[seg_of(e, e->pos)].off, e->pos);
}

/* Start and end of the line (between newlines) that holds pos. */
static size_t
line_start(const struct editor *e, size_t pos)
{
	while (pos > 0 && e->text.s[pos - 1] != '\n')
		pos--;
	return pos;
}

static size_t
line_end(const struct editor *e, size_t pos)
{
	while (pos < e->text.len && e->text.s[pos] != '\n')
		pos++;
	return pos;
}

/* Removes the bytes [from, to) and puts the cursor at from. */
static void
cut(struct editor *e, size_t from, size_t to)
{
	if (to <= from)
		return;
	struct buf *t = &e->text;
	memmove(t->s + from, t->s + to, t->len - to + 1);
	t->len -= to - from;
	e->pos = from;
}

/* Inserts n bytes at the cursor and moves it after them. */
static void
insert(struct editor *e, const char *s, size_t n)
{
	struct buf *t = &e->text;
	size_t tail = t->len - e->pos;
	buf_add(t, s, n); /* grows; the bytes are moved into place below */
	memmove(t->s + e->pos + n, t->s + e->pos, tail);
	memcpy(t->s + e->pos, s, n);
	t->s[t->len] = '\0';
	e->pos += n;
}

/* Makes the frame for the terminal's size: a box over the views with a
 * margin when there is room, else the whole screen. */
static void
place(struct editor *e)
{
	if (e->win)
		delwin(e->win);
	e->win = NULL;
	if (e->ui->too_small) {
		e->h = 3;
		e->w = e->tw = 1;
		return;
	}
	int rows = LINES, cols_ = COLS;
	int h = rows, w = cols_, y = 0, x = 0;
	if (rows >= 12 && cols_ >= 40) {
		h = rows - 4 < 20 ? rows - 4 : 20;
		w = cols_ - 4 < 78 ? cols_ - 4 : 78;
		y = (rows - 2 - h) / 2;
		x = (cols_ - w) / 2;
	}
	e->win = newwin(h, w, y, x);
	if (!e->win)
		die_nomem();
	e->h = h;
	e->w = w;
	e->tw = w - 3 > 1 ? w - 3 : 1;
}

/* Keeps the cursor's line in sight. */
static void
scroll_to_cursor(struct editor *e)
{
	size_t body = e->h > 2 ? (size_t)(e->h - 2) : 1;
	size_t c = seg_of(e, e->pos);
	if (c < e->top)
		e->top = c;
	if (c >= e->top + body)
		e->top = c - body + 1;
	if (e->top >= e->nseg)
		e->top = e->nseg - 1;
}

/* Draws the frame, the title, the keys and the text, and puts the
 * terminal's cursor at the editor's. */
static void
draw(struct editor *e)
{
	struct ui *ui = e->ui;
	if (!e->win)
		return;
	WINDOW *w = e->win;
	werase(w);
	ui_frame(ui, w);
	struct buf b = {0};
	buf_printf(&b, " note: %s ", e->title ? e->title : "");
	ui_text(w, 0, 2, b.s, b.len, e->w - 5, ui->attr[UL_TITLE], false);
	const char *keys = e->asking ? " discard the changes? (y/n) "
	                   : e->w >= 37 ? " Ctrl-X or F2 save, Esc cancel "
	                   : e->w >= 24 ? " ^X save, Esc cancel "
	                                : " ^X save ";
	int kw = (int)text_width(keys, strlen(keys));
	int kx = e->w - 3 - kw;
	ui_text(w, e->h - 1, kx > 1 ? kx : 1, keys, strlen(keys), e->w - 2,
	        e->asking ? ui->attr[UL_ERROR] : ui->attr[UL_LABEL], false);
	buf_free(&b);
	wrap(e);
	scroll_to_cursor(e);
	int body = e->h - 2;
	for (int r = 0; r < body; r++) {
		size_t i = e->top + (size_t)r;
		if (i >= e->nseg)
			break;
		size_t off = e->seg[i].off, end = e->seg[i].end;
		if (end > off && e->text.s[end - 1] == '\n')
			end--;
		ui_text(w, 1 + r, 1, e->text.s + off, end - off, e->w - 2,
		        A_NORMAL, false);
	}
	/* more above, more below */
	const char *up = ui->utf8 ? "↑" : "^", *down = ui->utf8 ? "↓" : "v";
	if (e->top > 0)
		ui_text(w, 0, e->w - 2, up, strlen(up), 1, ui->attr[UL_BORDER],
		        false);
	if (e->top + (size_t)body < e->nseg)
		ui_text(w, e->h - 1, e->w - 2, down, strlen(down), 1,
		        ui->attr[UL_BORDER], false);
	int cy = 1 + (int)(seg_of(e, e->pos) - e->top);
	int cx = 1 + cursor_col(e);
	wmove(w, cy, cx < e->w - 1 ? cx : e->w - 2);
	touchwin(w);
	wnoutrefresh(w);
}

/* Moves the cursor by delta screen lines, keeping its column. */
static void
move_lines(struct editor *e, long delta)
{
	size_t c = seg_of(e, e->pos);
	if (e->goal < 0)
		e->goal = cursor_col(e);
	long t = (long)c + delta;
	if (t < 0) {
		e->pos = 0;
		return;
	}
	if ((size_t)t >= e->nseg) {
		e->pos = e->text.len;
		return;
	}
	e->pos = seg_at_col(e, (size_t)t, e->goal);
}

/* Handles one key; returns 1 to save, -1 to give up, 0 to go on. */
static int
edit_key(struct editor *e, int k, bool changed)
{
	struct buf *t = &e->text;
	size_t p = e->pos;
	bool vertical = false;
	if (e->asking) {
		e->asking = false;
		return k == 'y' || k == 'Y' ? -1 : 0;
	}
	wrap(e); /* the screen lines of the text as it is now */
	switch (k) {
	case KEY_CTRL('x'):
	case KEY_FN | KEY_F(2):
		return 1;
	case 27:
	case KEY_CTRL('g'):
		if (!changed)
			return -1;
		e->asking = true;
		break;
	case '\r':
	case '\n':
	case KEY_FN | KEY_ENTER:
		insert(e, "\n", 1);
		break;
	case KEY_FN | KEY_LEFT:
	case KEY_CTRL('b'):
		e->pos = prev_char(t->s, p);
		break;
	case KEY_FN | KEY_RIGHT:
	case KEY_CTRL('f'):
		e->pos = next_char(t, p);
		break;
	case KEY_FN | KEY_UP:
	case KEY_CTRL('p'):
		move_lines(e, -1);
		vertical = true;
		break;
	case KEY_FN | KEY_DOWN:
	case KEY_CTRL('n'):
		move_lines(e, 1);
		vertical = true;
		break;
	case KEY_FN | KEY_PPAGE:
		move_lines(e, -(long)(e->h > 3 ? e->h - 3 : 1));
		vertical = true;
		break;
	case KEY_FN | KEY_NPAGE:
		move_lines(e, e->h > 3 ? e->h - 3 : 1);
		vertical = true;
		break;
	case KEY_FN | KEY_HOME:
	case KEY_CTRL('a'):
		e->pos = line_start(e, p);
		break;
	case KEY_FN | KEY_END:
	case KEY_CTRL('e'):
		e->pos = line_end(e, p);
		break;
	case KEY_FN | KEY_BACKSPACE:
	case 127:
	case KEY_CTRL('h'):
		cut(e, prev_char(t->s, p), p);
		break;
	case KEY_FN | KEY_DC:
	case KEY_CTRL('d'):
		cut(e, p, next_char(t, p));
		e->pos = p;
		break;
	case KEY_CTRL('u'):
		cut(e, line_start(e, p), p);
		break;
	case KEY_CTRL('k'): {
		size_t end = line_end(e, p);
		/* at the end of a line, join the next one */
		cut(e, p, end > p ? end : next_char(t, p));
		e->pos = p;
		break;
	}
	case KEY_CTRL('w'): {
		size_t q = p;
		while (q > 0 && t->s[q - 1] == ' ')
			q--;
		while (q > 0 && t->s[q - 1] != ' ' && t->s[q - 1] != '\n')
			q--;
		cut(e, q, p);
		break;
	}
	case KEY_CTRL('l'):
		clearok(curscr, TRUE);
		e->ui->dirty = true;
		break;
	default:
		if (!(k & KEY_FN) && k >= ' ' && k != 127) {
			char enc[4];
			size_t n = text_encode((uint32_t)k, enc);
			if (text_is_clean(enc, n, 0))
				insert(e, enc, n);
		}
		break;
	}
	if (!vertical)
		e->goal = -1;
	return 0;
}

char *
note_edit(struct ui *ui, const char *title, const char *text)
{
	struct editor e = {.ui = ui, .title = title, .goal = -1};
	if (text)
		buf_adds(&e.text, text);
	buf_adds(&e.text, ""); /* never NULL */
	e.pos = e.text.len;
	char *result = NULL;
	place(&e);
	curs_set(1);
	for (;;) {
		ui_draw(ui);
		if (e.win)
			draw(&e);
		doupdate();
		int k = ui_getkey(ui);
		if (!k)
			break; /* told to stop */
		if (k == (KEY_FN | KEY_RESIZE)) {
			place(&e);
			ui->dirty = true;
			continue;
		}
		bool changed = strcmp(e.text.s, text ? text : "") != 0;
		int r = edit_key(&e, k, changed);
		if (r < 0)
			break;
		if (r > 0) {
			/* trailing blanks and blank lines go */
			while (e.text.len &&
			       strchr(" \t\n", e.text.s[e.text.len - 1]))
				e.text.s[--e.text.len] = '\0';
			result = buf_steal(&e.text);
			break;
		}
	}
	curs_set(0);
	if (e.win)
		delwin(e.win);
	free(e.seg);
	buf_free(&e.text);
	ui->dirty = true;
	return result;
}
