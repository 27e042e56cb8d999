/* SPDX-License-Identifier: MIT */
/* view: the generic pane (cursor, scrolling, drawing, mouse) and the
 * driver that handles the actions the views give back. */
#include "view.h"

#include "config.h"

#include <limits.h>
#include <stdlib.h>
#include <string.h>

struct view *
view_new(struct ui *ui, const struct view_ops *ops, void *priv)
{
	struct view *v = calloc(1, sizeof(*v));
	if (!v)
		die_nomem();
	v->ops = ops;
	v->ui = ui;
	v->priv = priv;
	return v;
}

void
view_free(struct view *v)
{
	if (!v)
		return;
	if (v->ops->free)
		v->ops->free(v);
	if (v->win)
		delwin(v->win);
	free(v);
}

struct view *
view_top(struct ui *ui)
{
	return ui->stack[ui->depth - 1];
}

void
view_push(struct ui *ui, struct view *v)
{
	if (ui->depth == sizeof(ui->stack) / sizeof(*ui->stack)) {
		if (v != ui->list && v != ui->detail)
			view_free(v);
		ui_message(ui, true, "too many views open: press q first");
		return;
	}
	ui->stack[ui->depth++] = v;
	layout(ui);
}

bool
view_pop(struct ui *ui)
{
	if (ui->depth <= 1)
		return false;
	struct view *v = ui->stack[--ui->depth];
	if (v == ui->detail)
		detail_left(v); /* a posting gone in a reload goes with it */
	if (v != ui->list && v != ui->detail) {
		view_free(v);
	} else if (v->win) {
		delwin(v->win);
		v->win = NULL;
	}
	layout(ui);
	return true;
}

int
view_body(const struct view *v)
{
	int h = v->height - (v->ops->header ? 1 : 0);
	return h > 0 ? h : 0;
}

/* The largest top that still fills the pane. */
static size_t
max_top(const struct view *v)
{
	size_t body = (size_t)view_body(v);
	return v->nrows > body ? v->nrows - body : 0;
}

/* Keeps the cursor in sight and top in range, with nrows brought up to
 * date first (the model may have changed since the last draw). */
static void
view_clamp(struct view *v)
{
	if (v->ops->update)
		v->ops->update(v);
	size_t body = (size_t)view_body(v);
	if (v->ops->cursor) {
		if (v->nrows == 0)
			v->cursor = 0;
		else if (v->cursor >= v->nrows)
			v->cursor = v->nrows - 1;
		if (v->cursor < v->top)
			v->top = v->cursor;
		if (body && v->cursor >= v->top + body)
			v->top = v->cursor - body + 1;
	}
	if (v->top > max_top(v))
		v->top = max_top(v);
}

void
view_goto(struct view *v, size_t row)
{
	if (v->ops->cursor)
		v->cursor = row;
	else
		v->top = row;
	view_clamp(v);
	v->ui->dirty = true;
}

/* row + delta, saturating at 0 and SIZE_MAX. */
static size_t
add_delta(size_t row, long delta)
{
	if (delta < 0)
		return (size_t)-delta > row ? 0 : row - (size_t)-delta;
	return row + (size_t)delta < row ? (size_t)-1 : row + (size_t)delta;
}

void
view_move(struct view *v, long delta)
{
	view_goto(v, add_delta(v->ops->cursor ? v->cursor : v->top, delta));
}

void
view_show_row(struct view *v, size_t row, size_t context)
{
	size_t body = (size_t)view_body(v);
	if (row < v->top || row >= v->top + body)
		v->top = row > context ? row - context : 0;
	view_clamp(v);
	v->ui->dirty = true;
}

/* Moves by a page: the view scrolls and the cursor moves with it. */
static void
view_page(struct view *v, long delta)
{
	if (v->ops->cursor) {
		size_t top = add_delta(v->top, delta);
		v->top = top > max_top(v) ? max_top(v) : top;
		v->cursor = add_delta(v->cursor, delta);
		view_clamp(v);
		v->ui->dirty = true;
	} else {
		view_move(v, delta);
	}
}

void
view_draw(struct view *v)
{
	if (!v->win)
		return;
	if (v->ops->update)
		v->ops->update(v);
	view_clamp(v);
	werase(v->win);
	int y0 = 0;
	if (v->ops->header) {
		if (v->ops->draw_header)
			v->ops->draw_header(v);
		y0 = 1;
	}
	int body = view_body(v);
	for (int i = 0; i < body; i++) {
		size_t row = v->top + (size_t)i;
		if (row >= v->nrows)
			break;
		v->ops->draw_row(v, row, y0 + i, v->ops->cursor &&
		                 row == v->cursor);
	}
	wnoutrefresh(v->win);
}

/* Where the user was when `/` was pressed, to go back to on Esc. */
struct filter_place {
	struct posting *cur;       /* the list's current posting, or NULL */
	size_t cursor, top;        /* the list's cursor and first row */
	struct detail_place detail;/* where the detail was */
};

/* Lets the user edit the filter; the list follows every key press, its
 * cursor on the posting it was on before `/` whenever that is shown. */
static void
filter_changed(struct ui *ui, const char *text, void *ctx)
{
	const struct filter_place *pl = ctx;
	if (list_set_filter(ui, text))
		buf_clear(&ui->filter_error);
	list_select_posting(ui, pl->cur);
}

/* The prompt for `/`: Enter keeps (and adds it to the filters Up
 * recalls, also in later runs), Esc restores the filter before it and
 * the place: the list's cursor on the same posting and its scroll, the
 * detail's posting and its scroll. While the detail has the focus (full
 * screen, or side by side after Tab) it keeps its posting as the filter
 * is typed; on Enter it stays on it if the list still shows it (the
 * cursor goes there), else it shows the list's current posting, as
 * mutt's pager goes on with the index's message. */
static void
filter_edit(struct ui *ui)
{
	char *before = strdup(query_source(ui->query));
	if (!before)
		die_nomem();
	struct filter_place pl = {.cur = list_current(ui), .cursor = ui->list->cursor,
	                   .top = ui->list->top};
	detail_place_get(ui->detail, &pl.detail);
	bool reading = view_top(ui) == ui->detail;
	if (reading)
		detail_hold(ui->detail, true);
	buf_clear(&ui->filter_error);
	/* Up and Down: the filters typed before; Tab: names (complete.c) */
	struct completion cp = {.find = completion_filter};
	struct prompt_aid aid = {&ui->filter_history, completion_tab, &cp};
	char *text = ui_prompt_aided(ui, "/", before, filter_changed, &pl,
	                             &aid);
	completion_free(&cp);
	if (text) { /* as typed, less the blank Tab may have left */
		size_t n = strlen(text);
		while (n > 0 && text[n - 1] == ' ')
			n--;
		char *kept = xstrndup(text, n);
		history_add(&ui->filter_history, kept);
		free(kept);
	}
	if (reading)
		detail_hold(ui->detail, false);
	if (!text) {
		list_set_filter(ui, before);
		buf_clear(&ui->filter_error);
		if (!list_select_posting(ui, pl.cur))
			view_goto(ui->list, pl.cursor);
		ui->list->top = pl.top;
		view_goto(ui->list, ui->list->cursor); /* top in range */
		detail_place_set(ui->detail, &pl.detail);
		ui_message(ui, false, "filter restored");
	} else {
		if (ui->filter_error.len)
			ui_message(ui, true, "%s (the filter stays '%s')",
			           ui->filter_error.s, query_source(ui->query));
		buf_clear(&ui->filter_error);
		const struct posting *read = pl.detail.p;
		if (reading && read && pl.detail.generation == ui->generation &&
		    !list_select_posting(ui, read)) {
			struct posting *now = ui_current(ui);
			if (!ui->msg.len)
				ui_message(ui, false, "the filter leaves out %s: "
				           "showing %s", read->title ? read->title
				                                     : read->id,
				           !now ? "nothing"
				           : now->title ? now->title : now->id);
		}
	}
	free(text);
	free(before);
}

/* Next sort key (file order -> title -> ... -> id -> file order), or
 * the same keys reversed. */
static void
sort_change(struct ui *ui, bool reverse)
{
	struct sort_spec *s = &ui->sort;
	if (reverse) {
		if (s->n == 0)
			ui->reversed_load = !ui->reversed_load;
		for (size_t i = 0; i < s->n; i++)
			s->reverse[i] = !s->reverse[i];
	} else if (s->n > 0 && s->key[0] + 1 >= SORT_NKEYS) {
		*s = (struct sort_spec){.n = 0}; /* back to file order */
		ui->reversed_load = false;
	} else {
		enum sort_key k = s->n == 0 ? SORT_TITLE
		                            : (enum sort_key)(s->key[0] + 1);
		*s = (struct sort_spec){.key = {k}, .n = 1};
		ui->reversed_load = false;
	}
	list_sort(ui);
	struct buf b = {0};
	list_sort_name(ui, &b);
	ui_message(ui, false, "sorted by %s", b.s);
	buf_free(&b);
}

/* Says that the key does something elsewhere. */
static void
not_here(struct ui *ui, int key, const char *where)
{
	char name[48];
	keys_name(key, name, sizeof(name));
	ui_message(ui, false, "%s: only in %s", name, where);
}

/* Most a count can be (more digits are not taken). */
#define COUNT_MAX 9999999UL

bool
view_count_key(struct ui *ui, int key)
{
	if (ui->count && (key == 27 || key == KEY_CTRL('g'))) {
		ui->count = 0;
		ui_message(ui, false, "count cancelled");
		return true;
	}
	bool digit = keys_lookup(view_top(ui)->ops->name, key) == ACT_COUNT ||
	             (key == '0' && ui->count);
	if (!digit)
		return false;
	if (ui->count * 10 + (unsigned long)(key - '0') <= COUNT_MAX)
		ui->count = ui->count * 10 + (unsigned long)(key - '0');
	ui_message(ui, false, "a count for the next move (%luj, %luG); R then "
	           "a digit rates; Esc cancels", ui->count, ui->count);
	return true;
}

/* times * rows, saturating at LONG_MAX. */
static long
times_rows(unsigned long times, long rows)
{
	if (rows > 0 && times > (unsigned long)(LONG_MAX / rows))
		return LONG_MAX;
	return (long)times * rows;
}

void
view_driver(struct ui *ui, enum action a, int key)
{
	struct view *v = view_top(ui);
	long body = view_body(v);
	long half = body / 2 > 0 ? body / 2 : 1;
	long page = body > 1 ? body - (v->ops->cursor ? 0 : 1) : 1;
	/* a count: that many rows, pages...; 5G is row 5 */
	unsigned long count = ui->count;
	long n = times_rows(count ? count : 1, 1);
	if (count && (a == ACT_HALF_DOWN || a == ACT_HALF_UP))
		ui->half_rows = n;
	if (ui->half_rows)
		half = ui->half_rows;
	switch (a) {
	case ACT_NONE:
	case ACT_N:
	case ACT_COUNT:
		break;
	case ACT_MOVE_DOWN: view_move(v, n); break;
	case ACT_MOVE_UP: view_move(v, -n); break;
	case ACT_MOVE_FIRST: view_goto(v, count ? count - 1 : 0); break;
	case ACT_MOVE_LAST: view_goto(v, count ? count - 1 : (size_t)-1); break;
	case ACT_PAGE_DOWN: view_page(v, times_rows(count ? count : 1, page)); break;
	case ACT_PAGE_UP: view_page(v, -times_rows(count ? count : 1, page)); break;
	case ACT_HALF_DOWN: view_page(v, half); break;
	case ACT_HALF_UP: view_page(v, -half); break;
	case ACT_ENTER:
		break;
	case ACT_FOCUS:
		if (v == ui->list) {
			if (ui_current(ui))
				view_push(ui, ui->detail);
			else
				ui_message(ui, false, "no posting to show");
		} else if (v == ui->detail && ui->depth >= 2 &&
		           ui->stack[ui->depth - 2] == ui->list) {
			view_pop(ui);
		} else {
			ui_message(ui, false, "Tab: moves between list and "
			           "detail; q closes this view");
		}
		break;
	case ACT_BACK:
		if (!view_pop(ui))
			ui->quit = true;
		break;
	case ACT_QUIT:
		ui->quit = true;
		break;
	case ACT_HELP:
		if (strcmp(v->ops->name, "help") != 0)
			view_push(ui, help_view_new(ui));
		break;
	case ACT_PROBLEMS:
		if (ui->cat->nproblems == 0 && ui->conf->nproblems == 0)
			ui_message(ui, false, "no problems in the config file "
			           "nor while loading");
		else if (strcmp(v->ops->name, "problems") != 0)
			view_push(ui, problems_view_new(ui));
		break;
	case ACT_REDRAW:
		clearok(curscr, TRUE);
		ui->dirty = true;
		break;
	case ACT_FILTER:
		filter_edit(ui);
		break;
	case ACT_PROMPT:
		cmdline_run(ui);
		break;
	case ACT_FILTERS:
		if (strcmp(v->ops->name, "filters") != 0)
			view_push(ui, filters_view_new(ui));
		break;
	case ACT_FILTER_CLEAR:
		list_set_filter(ui, "");
		ui_message(ui, false, "filter cleared");
		break;
	case ACT_SORT_NEXT:
		sort_change(ui, false);
		break;
	case ACT_SORT_REVERSE:
		sort_change(ui, true);
		break;
	case ACT_RELOAD:
		list_reload(ui);
		break;
	case ACT_IMPORT:
		ui_import(ui); /* files.c */
		break;
	case ACT_EDIT:
		ui_edit(ui);
		break;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		not_here(ui, key, "the detail and compare views");
		break;
	case ACT_NEXT_POSTING:
	case ACT_PREV_POSTING:
		not_here(ui, key, "the detail view");
		break;
	case ACT_OPEN:
		ui_open(ui); /* open.c */
		break;
	case ACT_COPY_URL:
	case ACT_COPY_TEXT:
		ui_copy(ui, a == ACT_COPY_TEXT);
		break;
	case ACT_DIFF_ONLY:
	case ACT_SCROLL_LEFT:
	case ACT_SCROLL_RIGHT:
		not_here(ui, key, "the compare view");
		break;
	case ACT_MARK:
	case ACT_SHORTLIST:
	case ACT_NOTE:
	case ACT_NOTE_EDITOR:
	case ACT_RATE:
	case ACT_STATUS:
	case ACT_FOLLOW_UP:
	case ACT_HIDE:
	case ACT_APPLY_ALL:
	case ACT_UNDO:
	case ACT_EXPORT:
		ui_state_action(ui, a, key); /* actions.c */
		break;
	case ACT_COMPARE:
		compare_open(ui);
		break;
	case ACT_CHANGES:
		changes_open(ui); /* changes.c */
		break;
	}
}

/* Most times a count repeats an action (see view_dispatch). */
#define REPEAT_MAX 1000

void
view_dispatch(struct ui *ui, enum action a, int key)
{
	struct view *v = view_top(ui);
	unsigned long times = 1;
	if (ui->count > 1 && !v->ops->counts &&
	    (a == ACT_NEXT_MATCH || a == ACT_PREV_MATCH ||
	     a == ACT_SCROLL_LEFT || a == ACT_SCROLL_RIGHT))
		times = ui->count < REPEAT_MAX ? ui->count : REPEAT_MAX;
	for (unsigned long i = 0; i < times && view_top(ui) == v; i++) {
		enum action b = v->ops->key ? v->ops->key(v, a, key) : a;
		if (b != ACT_NONE)
			view_driver(ui, b, key);
	}
}

void
view_mouse(struct ui *ui, int y, int x, unsigned long bstate)
{
	struct view *v = NULL;
	int by = 0, bx = 0;
	for (int i = 0; i < ui->npanes; i++) {
		struct view *p = ui->pane[i];
		int py, px;
		getbegyx(p->win, py, px);
		if (y >= py && y < py + p->height && x >= px &&
		    x < px + p->width) {
			v = p;
			by = py;
			bx = px;
		}
	}
	(void)bx;
	if (!v)
		return;
	if (bstate & BUTTON4_PRESSED) {
		view_move(v, -3);
		return;
	}
#ifdef BUTTON5_PRESSED
	if (bstate & BUTTON5_PRESSED) {
		view_move(v, 3);
		return;
	}
#endif
	if (!(bstate & (BUTTON1_PRESSED | BUTTON1_CLICKED)))
		return;
	/* A click in the other pane moves the focus there. */
	bool was_focused = v->focused;
	if (!was_focused) {
		if (v == ui->detail && view_top(ui) == ui->list)
			view_push(ui, ui->detail);
		else if (v == ui->list && view_top(ui) == ui->detail)
			view_pop(ui);
	}
	int row = y - by - (v->ops->header ? 1 : 0);
	if (row < 0 || !v->ops->cursor || v->top + (size_t)row >= v->nrows)
		return;
	size_t target = v->top + (size_t)row;
	if (target == v->cursor && v == ui->list && was_focused)
		view_dispatch(ui, ACT_ENTER, '\n'); /* a click on the current row opens it */
	else
		view_goto(v, target);
}
