/* SPDX-License-Identifier: MIT */
/* display: the terminal, the windows and their layout, the status and
 * message lines, and the main loop (the prompt: prompt.c; the terminal
 * and its keys: term.c). */
#include "view.h"

#include "config.h"
#include "index.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <pthread.h>
#include <signal.h>
#include <stdarg.h>
#include <stdio.h>
#include <time.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <term.h>
#include <unistd.h>


/* Windows that belong to no view. */
static WINDOW *sep_win;    /* the line between list and detail */
static WINDOW *status_win; /* the status line */
static WINDOW *msg_win;    /* the message line and prompt */

/* Scratch buffers for drawing (the interface is single-threaded). */
static struct buf scratch_clean, scratch_fit, scratch_ascii;

/* False when the locale's character set is not UTF-8 (LANG=C, say): the
 * terminal is then sent ASCII only (see to_ascii). */
static bool term_utf8 = true;

/* A load left running when the interface ends (see ui_run). */
static struct loader *volatile left_running;

/* True if s[0..len) is all ASCII. */
static bool
is_ascii(const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if ((unsigned char)s[i] >= 0x80)
			return false;
	return true;
}

/* Appends sanitised UTF-8 text s[0..len) to out in ASCII of the same
 * display width, for a terminal whose locale is not UTF-8 (as mutt shows
 * what the character set lacks): a space, dash, quote or dot has its
 * ASCII look-alike, a bullet is '-' (never '*' nor '+', which mark rows
 * in the list and compare), the ellipsis is '~' (tig's), any other character
 * is '?' (two for a wide one), and combining marks go. */
static void
to_ascii(struct buf *out, const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		uint32_t cp;
		i += text_decode(s + i, len - i, &cp);
		char c = '?';
		if (cp < 0x80)
			c = (char)cp;
		else if (cp == 0xA0)
			c = ' ';
		else if ((cp >= 0x2010 && cp <= 0x2015) || cp == 0x2212)
			c = '-';
		else if (cp >= 0x2018 && cp <= 0x201B)
			c = '\'';
		else if (cp >= 0x201C && cp <= 0x201F)
			c = '"';
		else if (cp == 0x2022 || cp == 0x25E6 || cp == 0x25AA)
			c = '-'; /* a bullet: '*' is a mark (list, compare) */
		else if (cp == 0xB7)
			c = '.';
		else if (cp == 0x2026)
			c = '~';
		int w = text_cp_width(cp);
		for (int k = 0; k < w; k++)
			buf_addc(out, c);
	}
}

int
ui_text(WINDOW *w, int y, int x, const char *s, size_t len, int width,
        attr_t a, bool pad)
{
	if (width <= 0)
		return 0;
	if (!s)
		s = "", len = 0;
	const char *t = s;
	size_t tl = len;
	if (!text_is_clean(s, len, 0)) {
		buf_clear(&scratch_clean);
		text_sanitize(&scratch_clean, s, len, 0);
		t = scratch_clean.s ? scratch_clean.s : "";
		tl = scratch_clean.len;
	}
	if (!term_utf8 && !is_ascii(t, tl)) {
		buf_clear(&scratch_ascii);
		to_ascii(&scratch_ascii, t, tl);
		t = scratch_ascii.s ? scratch_ascii.s : "";
		tl = scratch_ascii.len;
	}
	buf_clear(&scratch_fit);
	text_fit(&scratch_fit, t, tl, width, pad);
	if (!term_utf8 && !is_ascii(scratch_fit.s, scratch_fit.len)) {
		/* the ellipsis of a cut */
		buf_clear(&scratch_ascii);
		to_ascii(&scratch_ascii, scratch_fit.s, scratch_fit.len);
		buf_clear(&scratch_fit);
		buf_add(&scratch_fit, scratch_ascii.s, scratch_ascii.len);
	}
	if (!scratch_fit.len)
		return 0;
	wattrset(w, a);
	mvwaddnstr(w, y, x, scratch_fit.s, (int)scratch_fit.len);
	wattrset(w, A_NORMAL);
	return (int)text_width(scratch_fit.s, scratch_fit.len);
}

int
ui_text_spans(WINDOW *w, int y, int x, const char *s, size_t len, int width,
              attr_t a, attr_t hl, const struct query_span *spans, size_t n)
{
	if (width <= 0)
		return 0;
	if (n == 0 || !text_is_clean(s, len, 0) ||
	    (!term_utf8 && !is_ascii(s, len)))
		return ui_text(w, y, x, s, len, width, a, false);
	buf_clear(&scratch_fit);
	text_fit(&scratch_fit, s, len, width, false);
	/* the bytes of s that survived the cut */
	size_t kept = 0;
	while (kept < len && kept < scratch_fit.len &&
	       scratch_fit.s[kept] == s[kept])
		kept++;
	if (!term_utf8 && kept < scratch_fit.len) {
		/* the ellipsis of a cut, in ASCII */
		scratch_fit.len = kept;
		buf_addc(&scratch_fit, '~');
	}
	const char *f = scratch_fit.s;
	size_t flen = scratch_fit.len;
	wmove(w, y, x);
	size_t at = 0;
	for (size_t i = 0; i < n && at < flen; i++) {
		size_t b = spans[i].off, e = spans[i].off + spans[i].len;
		if (b >= kept)
			break;
		if (e > kept)
			e = kept;
		if (b < at)
			b = at;
		if (b > at) {
			wattrset(w, a);
			waddnstr(w, f + at, (int)(b - at));
		}
		if (e > b) {
			wattrset(w, hl);
			waddnstr(w, f + b, (int)(e - b));
		}
		at = e > at ? e : at;
	}
	if (at < flen) {
		wattrset(w, a);
		waddnstr(w, f + at, (int)(flen - at));
	}
	wattrset(w, A_NORMAL);
	return (int)text_width(f, flen);
}

void
ui_message(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;
	struct buf raw = {0};
	va_start(ap, fmt);
	buf_vprintf(&raw, fmt, ap);
	va_end(ap);
	/* one line: a newline or tab in a quoted name shows as ^J, ^I */
	buf_clear(&ui->msg);
	text_sanitize(&ui->msg, raw.s, raw.len, SAN_CARET_NL);
	buf_free(&raw);
	ui->msg_error = error;
	ui->dirty = true;
}

/* Deletes a window and clears the pointer. */
static void
drop_win(WINDOW **w)
{
	if (*w) {
		delwin(*w);
		*w = NULL;
	}
}

void
layout(struct ui *ui)
{
	for (size_t i = 0; i < ui->depth; i++) {
		drop_win(&ui->stack[i]->win);
		ui->stack[i]->focused = false;
	}
	drop_win(&ui->list->win);
	drop_win(&ui->detail->win);
	ui->detail->focused = ui->list->focused = false;
	drop_win(&sep_win);
	drop_win(&status_win);
	drop_win(&msg_win);
	ui->npanes = 0;
	ui->dirty = true;
	int rows = LINES, cols = COLS;
	ui->too_small = rows < UI_MIN_LINES || cols < UI_MIN_COLS;
	ui->split = cols >= conf_int(ui->conf, CO_SPLIT_WIDTH);
	if (ui->too_small)
		return;
	int h = rows - 2;
	struct view *top = view_top(ui);
	bool pair = top == ui->list ||
	            (top == ui->detail && ui->depth >= 2 &&
	             ui->stack[ui->depth - 2] == ui->list);
	if (ui->split && pair) {
		int dw = cols * 45 / 100;
		dw = dw < 56 ? 56 : dw > 100 ? 100 : dw;
		int lw = cols - dw - 1;
		ui->list->win = newwin(h, lw, 0, 0);
		ui->list->width = lw;
		ui->list->height = h;
		sep_win = newwin(h, 1, 0, lw);
		ui->detail->win = newwin(h, dw, 0, lw + 1);
		ui->detail->width = dw;
		ui->detail->height = h;
		ui->pane[0] = ui->list;
		ui->pane[1] = ui->detail;
		ui->npanes = 2;
	} else {
		top->win = newwin(h, cols, 0, 0);
		top->width = cols;
		top->height = h;
		ui->pane[0] = top;
		ui->npanes = 1;
	}
	top->focused = true;
	status_win = newwin(1, cols, rows - 2, 0);
	msg_win = newwin(1, cols, rows - 1, 0);
	for (int i = 0; i < ui->npanes; i++)
		if (!ui->pane[i]->win)
			die_nomem();
	if (!status_win || !msg_win || (ui->npanes == 2 && !sep_win))
		die_nomem();
}

/* Appends where the postings came from; a newline in a path as ^J. */
static void
source_text(const struct ui *ui, struct buf *b)
{
	const struct ui_config *cfg = ui->cfg;
	const char *from = cfg->source ? cfg->source
	                   : cfg->npaths == 1 ? cfg->paths[0] : NULL;
	if (from) {
		buf_adds(b, "from ");
		text_sanitize(b, from, strlen(from), SAN_CARET_NL);
	} else if (cfg->npaths > 1) {
		buf_printf(b, "from %zu paths", cfg->npaths);
	}
}

/* Draws the status line: shown/total, filter, sort, problems, source. */
static void
draw_status(struct ui *ui)
{
	struct buf b = {0};
	/* the total counts a job from several sources once */
	buf_printf(&b, " %zu/%zu", ui->nshown, ui->cat->n - ui->cat->nalso);
	if (ui->count)
		buf_printf(&b, "  count: %lu", ui->count);
	ui_state_status(ui, &b);
	ui_deadline_words(ui, "  ", &b);
	attr_t a = ui->attr[UL_STATUS];
	if (ui->editing && ui->prompt_note.len) {
		/* Tab's names, while Tab goes through them (a filter cut
		 * short by them does not parse) */
		buf_adds(&b, "  ");
		buf_add(&b, ui->prompt_note.s, ui->prompt_note.len);
	} else if (ui->editing && ui->filter_error.len) {
		buf_adds(&b, "  ");
		buf_add(&b, ui->filter_error.s, ui->filter_error.len);
		a = ui->attr[UL_STATUS] | ui->attr[UL_ERROR];
	} else {
		if (!query_is_empty(ui->query))
			buf_printf(&b, "  filter: %s", query_source(ui->query));
		if (ui->partial && ui->cat->n) /* see filter_all */
			buf_printf(&b, " (searched %zu%%)",
			           index_count(ui->ix) * 100 / ui->cat->n);
		if (ui->loader) {
			size_t done, planned;
			bool all;
			unsigned pct;
			loader_progress(ui->loader, &done, &planned, &all, &pct);
			if (planned > 1)
				buf_printf(&b, "  loading %zu/%zu%s files", done,
				           planned, all ? "" : "+");
			else if (pct) /* one file so far: how far into it */
				buf_printf(&b, "  loading %u%%", pct);
			else
				buf_adds(&b, "  loading…");
		}
		buf_adds(&b, "  sort: ");
		list_sort_name(ui, &b);
		/* notes (what a file was read as) are no problem */
		size_t nn = ui->cat->nnotes, nl = ui->cat->nproblems - nn;
		size_t nc = ui->conf->nproblems;
		if (nc && !nl)
			buf_printf(&b, "  the config has %zu problem%s: press !",
			           nc, nc == 1 ? "" : "s");
		else if (nc)
			buf_printf(&b, "  %zu problems, %zu in the config: press !",
			           nl + nc, nc);
		else if (nl)
			buf_printf(&b, "  %zu problem%s: press !", nl,
			           nl == 1 ? "" : "s");
		else if (nn)
			buf_printf(&b, "  %zu note%s: press !", nn,
			           nn == 1 ? "" : "s");
		buf_adds(&b, "  ");
		source_text(ui, &b);
	}
	/* where the reader of the detail is, at the right as less and
	 * vim put it (detail.c) */
	struct buf r = {0};
	if (view_top(ui) == ui->detail)
		detail_ruler(ui->detail, &r, COLS < 60);
	int rw = r.len ? (int)text_width(r.s, r.len) + 2 : 0;
	if (rw > COLS)
		rw = 0;
	werase(status_win);
	wbkgdset(status_win, ' ' | ui->attr[UL_STATUS]);
	werase(status_win);
	ui_text(status_win, 0, 0, b.s, b.len, COLS - rw, a, true);
	if (rw)
		ui_text(status_win, 0, COLS - rw + 1, r.s, r.len, rw - 1,
		        ui->attr[UL_STATUS], true);
	buf_free(&r);
	buf_free(&b);
	wnoutrefresh(status_win);
}

/* Appends the hint of the message line: the keys of help, the filter,
 * the sort, the detail, the `:` prompt and quitting, as they are bound
 * ("? help  / filter  s sort  Enter open  : set  q quit"). */
static void
hint_text(const struct ui *ui, struct buf *out)
{
	static const struct {
		enum action a;
		const char *what;
	} hints[] = {
		{ACT_HELP, "help"}, {ACT_FILTER, "filter"}, {ACT_SORT_NEXT, "sort"},
		{ACT_ENTER, "open"}, {ACT_PROMPT, "set"}, {ACT_BACK, "quit"},
	};
	for (size_t i = 0; i < sizeof(hints) / sizeof(*hints); i++) {
		int key;
		if (!conf_keys_of(ui->conf, CONF_GENERIC, hints[i].a, &key, 1))
			continue;
		char name[48];
		keys_name(key, name, sizeof(name));
		buf_printf(out, "%s%s %s", out->len ? "  " : "", name,
		           hints[i].what);
	}
}

/* Draws the message line: the prompt, a message, or a hint. */
static void
draw_message(struct ui *ui)
{
	werase(msg_win);
	if (ui->editing) {
		prompt_draw(ui, msg_win);
		return;
	}
	if (ui->msg.len) {
		ui_text(msg_win, 0, 0, ui->msg.s, ui->msg.len, COLS,
		        ui->msg_error ? ui->attr[UL_ERROR] : ui->attr[UL_MESSAGE],
		        false);
	} else {
		struct buf hint = {0};
		hint_text(ui, &hint);
		ui_text(msg_win, 0, 0, hint.s, hint.len, COLS, ui->attr[UL_HINT],
		        false);
		buf_free(&hint);
	}
	wnoutrefresh(msg_win);
}

/* For the benchmark: when BILLET_BENCH_FIRST_PAINT names a file, writes
 * to it once, after the first screen is painted, the CLOCK_MONOTONIC time
 * in nanoseconds and the postings loaded so far. (BILLET_BENCH_KEYS, for
 * the time of each key typed at a prompt, is described at bench_key_note
 * below.) */
static void
first_paint_note(const struct ui *ui)
{
	static bool done;
	if (done)
		return;
	done = true;
	const char *path = getenv("BILLET_BENCH_FIRST_PAINT");
	if (!path || !*path)
		return;
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	FILE *f = fopen(path, "w");
	if (!f)
		return;
	fprintf(f, "%lld %zu\n",
	        (long long)ts.tv_sec * 1000000000LL + ts.tv_nsec, ui->cat->n);
	fclose(f);
}

/* For the benchmark: when BILLET_BENCH_KEYS names a file, every key
 * press the prompt handles (an edit: the filter follows it) appends to it
 * "<ms>\n", the milliseconds from reading the key to the screen updated
 * (the filter and the draw); a key with more input waiting behind it
 * (see ui_prompt) writes nothing, its edit being shown with the last. */
void
ui_bench_key_note(const struct timespec *t0)
{
	static FILE *f;
	static bool opened;
	if (!opened) {
		opened = true;
		const char *path = getenv("BILLET_BENCH_KEYS");
		if (path && *path)
			f = fopen(path, "a");
	}
	if (!f)
		return;
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	fprintf(f, "%.3f\n", (double)(t1.tv_sec - t0->tv_sec) * 1e3 +
	        (double)(t1.tv_nsec - t0->tv_nsec) / 1e6);
	fflush(f);
}

void
ui_draw(struct ui *ui)
{
	if (!ui->dirty)
		return;
	ui->dirty = false;
	/* Keys are read through stdscr, which would repaint itself over the
	 * views if it were left touched (as a resize leaves it). */
	if (is_wintouched(stdscr))
		wnoutrefresh(stdscr);
	if (ui->too_small) {
		werase(stdscr);
		const char *m = "terminal too small";
		ui_text(stdscr, 0, 0, m, strlen(m), COLS, A_BOLD, false);
		char need[64];
		snprintf(need, sizeof(need), "(%dx%d at least)", UI_MIN_COLS,
		         UI_MIN_LINES);
		if (LINES > 1)
			ui_text(stdscr, 1, 0, need, strlen(need), COLS, A_NORMAL,
			        false);
		wnoutrefresh(stdscr);
		doupdate();
		return;
	}
	for (int i = 0; i < ui->npanes; i++)
		view_draw(ui->pane[i]);
	if (sep_win) {
		werase(sep_win);
		for (int y = 0; y < getmaxy(sep_win); y++)
			ui_text(sep_win, y, 0, ui->utf8 ? "│" : "|",
			        ui->utf8 ? 3 : 1, 1, ui->attr[UL_BORDER], false);
		wnoutrefresh(sep_win);
	}
	draw_status(ui);
	draw_message(ui);
	doupdate();
	first_paint_note(ui);
}


int
ui_run(struct catalog *c, const struct ui_config *cfg)
{
	int status = ui_term_open();
	if (status)
		return status;
	const char *cs = nl_langinfo(CODESET);
	const char *nc = getenv("NO_COLOR");
	bool no_color = cfg->no_color || (nc && *nc);

	cbreak();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	wtimeout(stdscr, 100);
	set_escdelay(25);
	curs_set(0);
	mouseinterval(0); /* the mouse is taken by settings_apply */
	/* Home and End as other terminals (and tmux) send them, whatever
	 * the terminfo entry says. */
	static const struct {
		const char *seq;
		int key;
	} alt_keys[] = {
		{"\033[1~", KEY_HOME}, {"\033[7~", KEY_HOME},
		{"\033[H", KEY_HOME}, {"\033OH", KEY_HOME},
		{"\033[4~", KEY_END}, {"\033[8~", KEY_END},
		{"\033[F", KEY_END}, {"\033OF", KEY_END},
	};
	for (size_t i = 0; i < sizeof(alt_keys) / sizeof(*alt_keys); i++)
		if (key_defined(alt_keys[i].seq) <= 0)
			define_key(alt_keys[i].seq, alt_keys[i].key);

	struct ui *ui = calloc(1, sizeof(*ui));
	if (!ui)
		die_nomem();
	ui->cat = c;
	ui->cfg = cfg;
	ui->utf8 = cs && (strcmp(cs, "UTF-8") == 0 || strcmp(cs, "utf8") == 0);
	term_utf8 = ui->utf8;
	ui->no_color = no_color;
	ui->conf = conf_new();
	ui->query = query_parse("", NULL);
	ui->list = list_view_new(ui);
	ui->detail = detail_view_new(ui);
	ui->stack[0] = ui->list;
	ui->depth = 1;
	/* the config (and the sort it or the last run says), then what
	 * the command line says */
	char *last_filter = settings_open(ui);
	theme_apply(ui);
	watch_open(ui); /* before the load, which it looks at */
	const char *bad = NULL;
	if (cfg->sort && !sort_parse(cfg->sort, &ui->sort, &bad)) {
		ui->sort.n = 0;
		ui_message(ui, true, "--sort: unknown key '%s'", bad ? bad : "");
	}
	ui_state_open(ui);
	list_load(ui);
	if (cfg->load)
		list_start_load(ui);
	const char *filter = cfg->filter ? cfg->filter : last_filter;
	if (filter && *filter && !list_set_filter(ui, filter)) {
		ui_message(ui, true, "%s", ui->filter_error.s);
		buf_clear(&ui->filter_error);
	}
	free(last_filter);
	list_rebuild(ui);
	layout(ui);

	/* q and Q end here, unless changes are not saved and the user
	 * goes back to them (quit.c) */
	while (!ui_stop_signal() && !(ui->quit && ui_state_may_quit(ui))) {
		ui->quit = false;
		list_poll(ui);
		watch_tick(ui);
		ui_state_tick(ui);
		settings_tick(ui);
		ui_deadline_tick(ui);
		ui_draw(ui);
		int k = ui_key_alt(ui_read_key_idle(ui));
		if (!k)
			continue;
		ui->dirty = true;
		if (k == (KEY_FN | KEY_RESIZE)) {
			layout(ui);
			continue;
		}
		if (k == (KEY_FN | KEY_MOUSE)) {
			MEVENT ev;
			buf_clear(&ui->msg);
			ui->count = 0;
			if (getmouse(&ev) == OK && !ui->too_small)
				view_mouse(ui, ev.y, ev.x, ev.bstate);
			continue;
		}
		buf_clear(&ui->msg);
		enum action a = keys_lookup(view_top(ui)->ops->name, k);
		if (ui->too_small && a != ACT_QUIT && a != ACT_BACK &&
		    a != ACT_REDRAW)
			continue;
		if (ui->too_small) {
			if (a == ACT_REDRAW)
				clearok(curscr, TRUE);
			else
				ui->quit = true;
			continue;
		}
		if (view_count_key(ui, k))
			continue;
		if (a == ACT_NONE) {
			char name[48];
			keys_name(k, name, sizeof(name));
			if (k == '0')
				ui_message(ui, false, "0: a count starts with 1-9 "
				           "(5j); R then 0 clears the rating");
			else if (k != 27)
				ui_message(ui, false, "%s: no such key (? for "
				           "help)", name);
			ui->count = 0;
			continue;
		}
		view_dispatch(ui, a, k);
		ui->count = 0;
	}
	if (ui_stop_signal())
		status = 128 + ui_stop_signal();
	ui_leave(); /* the terminal first, then the memory */
	die_hook = NULL;
	settings_close(ui); /* the filter and sort, for the next run */
	/* what is not saved is said on stderr, and the exit status says */
	if (ui_state_close(ui) && !status)
		status = 1;
	changes_free(ui);
	/* q during a load quits at once: loader_free would wait for the
	 * threads to finish the file they are in, so the load is left to
	 * end with the process (its threads touch nothing of ours); kept
	 * here, what it holds is not lost but left (for LeakSanitizer). */
	left_running = ui->loader;
	ui->loader = NULL;
	watch_close(ui);
	free(ui->want_id);
	free(ui->extra_path);
	buf_free(&ui->after_load);
	for (size_t i = ui->depth; i-- > 1;)
		if (ui->stack[i] != ui->detail)
			view_free(ui->stack[i]);
	view_free(ui->detail);
	view_free(ui->list);
	query_free(ui->query);
	free(ui->sorted);
	free(ui->sorted_seq);
	free(ui->shown);
	free(ui->sel);
	free(ui->selbits);
	free(ui->stflags);
	query_notes_free(ui->notes);
	index_free(ui->ix);
	buf_free(&ui->msg);
	buf_free(&ui->filter_error);
	buf_free(&ui->prompt_note);
	keys_use(NULL);
	conf_free(ui->conf);
	free(ui);
	drop_win(&sep_win);
	drop_win(&status_win);
	drop_win(&msg_win);
	ui_term_close();
	buf_free(&scratch_clean);
	buf_free(&scratch_fit);
	buf_free(&scratch_ascii);
	return status;
}
