/* SPDX-License-Identifier: MIT */
/* list: the list view, and the filtered, sorted, non-owning index into
 * the catalog that it shows. */
#include "list_int.h"

#include "config.h"
#include "deadline.h"
#include "index.h"

#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static void
list_draw_header(struct view *v)
{
	struct ui *ui = v->ui;
	struct list_columns c;
	list_layout(ui, v->width, &c);
	attr_t a = ui->attr[UL_HEADER];
	mvwhline(v->win, 0, 0, ' ' | a, v->width);
	for (int i = 0; i < UI_NCOLS; i++)
		if (c.on[i])
			ui_text(v->win, 0, c.x[i], list_heading[i],
			        strlen(list_heading[i]), c.w[i], a, false);
	if (ui->nshown == 0 && v->height > 1) {
		const char *m = ui->loader ? "loading…"
		                : ui->cat->n == 0
		                ? "no postings were loaded (! lists the problems)"
		                : ui->shortlist && query_is_empty(ui->query)
		                ? "the shortlist is empty (M shows every posting)"
		                : ui->shortlist
		                ? "nothing on the shortlist matches the filter "
		                  "(M shows every posting)"
		                : "no posting matches the filter (\\ clears it)";
		int fw = list_flags_width(ui, v->width);
		ui_text(v->win, 1, fw, m, strlen(m), v->width - fw, A_NORMAL,
		        false);
	}
}

/* A look drawn over the attributes a (the cursor's): its colour, if it
 * has one, else a's, and both's attributes. */
static attr_t
look_on(attr_t look, attr_t a)
{
	return look & A_COLOR ? look | (a & ~A_COLOR) : look | a;
}

static void
list_draw_row(struct view *v, size_t row, int y, bool current)
{
	struct ui *ui = v->ui;
	const struct posting *p = ui->shown[row];
	struct list_columns c;
	list_layout(ui, v->width, &c);
	attr_t a = A_NORMAL;
	if (current)
		a = v->focused ? ui->attr[UL_CURRENT] : ui->attr[UL_CURRENT_BLUR];
	/* a posting closed is dimmed, one closing soon has its deadline
	 * stand out; their flags say it without colour */
	enum deadline_state dl = deadline_of(p, deadline_today(), NULL);
	if (dl == DL_CLOSED)
		a = look_on(ui->attr[UL_CLOSED], a);
	mvwhline(v->win, y, 0, ' ' | a, v->width);
	struct list_flag flags[6];
	char text[2][2];
	int nf = list_flags(ui, p, v->width, dl, flags, text);
	for (int i = 0; i < nf; i++)
		ui_text(v->win, y, i, flags[i].s, strlen(flags[i].s), 1,
		        look_on(ui->attr[flags[i].look], a), false);
	struct buf b = {0};
	for (int i = 0; i < UI_NCOLS; i++) {
		if (!c.on[i])
			continue;
		buf_clear(&b);
		list_cell(ui, &b, p, i);
		attr_t ca = i == LIST_COL_DEADLINE && dl == DL_CLOSING
		            ? look_on(ui->attr[UL_CLOSING], a) : a;
		ui_text(v->win, y, c.x[i], b.s, b.len, c.w[i], ca, false);
	}
	buf_free(&b);
}

static void
list_update(struct view *v)
{
	v->nrows = v->ui->nshown;
}

static enum action
list_key(struct view *v, enum action a, int key)
{
	struct ui *ui = v->ui;
	if (ui->want_id && a >= ACT_MOVE_DOWN && a <= ACT_HALF_UP) {
		/* moved during a reload: stay where the user goes */
		free(ui->want_id);
		ui->want_id = NULL;
		ui->want_open = false;
	}
	switch (a) {
	case ACT_ENTER:
		if (ui_current(ui))
			view_push(ui, ui->detail);
		else
			ui_message(ui, false, "no posting to show");
		return ACT_NONE;
	case ACT_NEXT_MATCH:
	case ACT_PREV_MATCH:
		/* side by side, n and N search the detail next to the list */
		if (ui->npanes == 2 && ui->detail->ops->key)
			return ui->detail->ops->key(ui->detail, a, key);
		return a;
	default:
		return a;
	}
}

static const struct view_ops list_ops = {
	.name = "list",
	.cursor = true,
	.header = true,
	.counts = true, /* n and N go to the detail, which counts */
	.update = list_update,
	.draw_header = list_draw_header,
	.draw_row = list_draw_row,
	.key = list_key,
};

struct view *
list_view_new(struct ui *ui)
{
	return view_new(ui, &list_ops, NULL);
}

struct posting *
list_current(struct ui *ui)
{
	if (!ui->nshown)
		return NULL;
	size_t c = ui->list->cursor;
	return ui->shown[c < ui->nshown ? c : ui->nshown - 1];
}

struct posting *
ui_current(struct ui *ui)
{
	struct view *top = ui->depth ? view_top(ui) : NULL;
	if (top && top->ops->current)
		return top->ops->current(top);
	return list_current(ui);
}

bool
list_select(struct ui *ui, const char *id)
{
	for (size_t i = 0; i < ui->nshown; i++) {
		if (strcmp(ui->shown[i]->id, id) == 0) {
			view_goto(ui->list, i);
			return true;
		}
	}
	return false;
}

bool
list_select_posting(struct ui *ui, const struct posting *p)
{
	for (size_t i = 0; p && i < ui->nshown; i++) {
		if (ui->shown[i] == p) {
			view_goto(ui->list, i);
			return true;
		}
	}
	return false;
}

/* Puts the cursor back on p, else near where it was. */
static void
reselect(struct ui *ui, const struct posting *p, size_t old)
{
	for (size_t i = 0; p && i < ui->nshown; i++) {
		if (ui->shown[i] == p) {
			view_goto(ui->list, i);
			return;
		}
	}
	view_goto(ui->list, old);
}

/* Orders v as ui->sort says (file order, possibly reversed, when empty). */
static void
sort_array(const struct ui *ui, struct posting **v, size_t n)
{
	sort_postings(v, n, &ui->sort, ui->env.currency);
	if (ui->sort.n == 0 && ui->reversed_load) {
		for (size_t i = 0; i < n / 2; i++) {
			struct posting *t = v[i];
			v[i] = v[n - 1 - i];
			v[n - 1 - i] = t;
		}
	}
}

/* Sorts ui->sorted and records each entry's seq beside it. */
static void
sort_all(struct ui *ui)
{
	sort_array(ui, ui->sorted, ui->nsorted);
	for (size_t i = 0; i < ui->nsorted; i++)
		ui->sorted_seq[i] = ui->sorted[i]->seq;
}

/* Grows *p to n elements of size sz. */
static void
grow_array(void *p, size_t n, size_t sz)
{
	void **pp = p;
	void *q = realloc(*pp, n * sz);
	if (!q)
		die_nomem();
	*pp = q;
}

/* Makes the list's arrays hold n postings (at least one). */
static void
list_room(struct ui *ui, size_t n)
{
	if (n <= ui->roomfor && ui->sorted)
		return;
	if (n < ui->roomfor * 2)
		n = ui->roomfor * 2;
	if (n < 64)
		n = 64;
	grow_array(&ui->sorted, n, sizeof(*ui->sorted));
	grow_array(&ui->sorted_seq, n, sizeof(*ui->sorted_seq));
	grow_array(&ui->shown, n, sizeof(*ui->shown));
	grow_array(&ui->sel, n, sizeof(*ui->sel));
	grow_array(&ui->selbits, (n + 63) / 64, sizeof(*ui->selbits));
	grow_array(&ui->stflags, n, sizeof(*ui->stflags));
	ui->roomfor = n;
}

/* Postings not indexed yet past which the filter answers for the
 * indexed ones only (filter_all). */
#define PARTIAL_LAG 2048

/* Milliseconds on a monotonic clock. */
static long long
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Milliseconds between two updates of the list while postings arrive:
 * a few times a second, and rarer when an update costs more than a
 * fifth of that (a sort of 100,000 postings), so keys stay quick. */
static long long
load_interval(const struct ui *ui)
{
	return ui->load_cost_ms * 5 > 300 ? ui->load_cost_ms * 5 : 300;
}

/* Reads the hidden and marked flags of postings [from, to) of the
 * catalog, by seq. */
static void
state_flags(struct ui *ui, size_t from, size_t to)
{
	const struct query_env *e = &ui->env;
	struct posting *const *v = ui->cat->v;
	for (size_t i = from; i < to; i++) {
		uint8_t f = 0;
		if (e->hidden && e->hidden(e->ctx, v[i]))
			f |= UI_ST_HIDDEN;
		if (e->marked && e->marked(e->ctx, v[i]))
			f |= UI_ST_MARKED;
		if (v[i]->dup_of)
			f |= UI_ST_ALSO;
		ui->stflags[i] = f;
	}
}

void
list_load(struct ui *ui)
{
	struct catalog *c = ui->cat;
	/* the catalog only grows between reloads (which empty the list
	 * first): what the list took in before needs no second look */
	size_t old = ui->nsorted <= c->n ? ui->nsorted : 0;
	ui->nshown = 0;
	list_room(ui, c->n);
	/* a bare salary figure is in the currency most postings use
	 * (unless the user set one); the order and the filter follow it */
	if (!ui->currency_set)
		currency_common(c, ui->env.currency);
	if (!ui->ix)
		ui->ix = index_build(c->v, 0);
	if (ui->sort.n == 0 && !ui->reversed_load) {
		/* load order: the new postings go at the end */
		for (size_t i = old; i < c->n; i++) {
			ui->sorted[i] = c->v[i];
			ui->sorted_seq[i] = c->v[i]->seq;
		}
		ui->nsorted = c->n;
	} else {
		if (c->n)
			memcpy(ui->sorted, c->v, c->n * sizeof(*c->v));
		ui->nsorted = c->n;
		sort_all(ui);
	}
	state_flags(ui, old, c->n);
	if (old == 0) /* a reload: other postings */
		ui->notes_upto = 0;
	list_notes(ui);
	if (old == 0)
		for (int i = 0; i < UI_NCOLS; i++)
			ui->colw[i] = 0;
	list_measure(ui, old, c->n);
	ui->dirty = true;
}

void
list_notes(struct ui *ui)
{
	size_t n = ui->cat->n;
	if (!ui->notes)
		ui->notes = query_notes_new();
	if (ui->notes_version != ui->state_version || ui->notes_upto > n)
		ui->notes_upto = 0;
	if (ui->notes_upto < n || n == 0)
		query_notes_fill(ui->notes, &ui->env, ui->cat->v, ui->notes_upto,
		                 n);
	ui->notes_upto = n;
	ui->notes_version = ui->state_version;
	ui->env.notes = ui->notes;
}

/* The ui->stflags bits that keep a posting out of the list, and the
 * ones it must have. */
static void
flag_rule(const struct ui *ui, uint8_t *drop, uint8_t *need)
{
	*drop = ui->env.hidden && !query_mentions(ui->query, "is:hidden")
	        ? UI_ST_HIDDEN : 0;
	*drop |= UI_ST_ALSO; /* a job from several sources: listed once */
	*need = ui->shortlist && ui->env.marked ? UI_ST_MARKED : 0;
}

/* Keeps the postings of ui->shown that the filter shows, one by one
 * (for a narrower filter while the index lags far behind). */
static void
filter_shown(struct ui *ui)
{
	uint8_t drop, need;
	flag_rule(ui, &drop, &need);
	list_notes(ui);
	size_t k = 0;
	for (size_t i = 0; i < ui->nshown; i++) {
		struct posting *p = ui->shown[i];
		uint8_t f = ui->stflags[p->seq];
		if ((f & drop) || (f & need) != need)
			continue;
		if (!query_match(ui->query, p, &ui->env))
			continue;
		ui->shown[k++] = p;
	}
	ui->nshown = k;
}

/* Puts into ui->shown, in sort order, the postings of ui->sorted that
 * the filter shows: query_select answers from the index (and one by one
 * for the postings it lags behind), its positions are marked in a bitset
 * by seq, and the sort order is walked keeping the marked ones. */
static void
filter_all(struct ui *ui)
{
	size_t n = ui->nsorted;
	uint8_t drop, need;
	flag_rule(ui, &drop, &need);
	list_notes(ui);
	/* Postings the index lags behind are matched one by one, some
	 * 25 us each: past PARTIAL_LAG of them (a big load) the filter
	 * answers for the indexed ones only, and the others join the list
	 * as the index takes them in (list_index_step). */
	size_t have = ui->ix ? index_count(ui->ix) : 0, upto = n;
	ui->partial = !query_is_empty(ui->query) && have < n &&
	              n - have > PARTIAL_LAG;
	if (ui->partial)
		upto = have;
	size_t k = query_select(ui->query, ui->ix, ui->cat->v, upto, &ui->env,
	                        ui->sel);
	const uint32_t *seq = ui->sorted_seq;
	const uint8_t *fl = ui->stflags;
	size_t m = 0;
	if (k == n) { /* all of them: no bitset needed (never partial) */
		for (size_t i = 0; i < n; i++) {
			uint8_t f = fl[seq[i]];
			if (!(f & drop) && (f & need) == need)
				ui->shown[m++] = ui->sorted[i];
		}
		ui->nshown = m;
		return;
	}
	uint64_t *bits = ui->selbits;
	memset(bits, 0, (n + 63) / 64 * sizeof(*bits));
	for (size_t i = 0; i < k; i++)
		bits[ui->sel[i] >> 6] |= (uint64_t)1 << (ui->sel[i] & 63);
	for (size_t i = 0; i < n; i++) {
		uint32_t s = seq[i];
		if (s >= upto || !(bits[s >> 6] >> (s & 63) & 1))
			continue;
		uint8_t f = fl[s];
		if (!(f & drop) && (f & need) == need)
			ui->shown[m++] = ui->sorted[i];
	}
	ui->nshown = m;
}

void
list_rebuild(struct ui *ui)
{
	struct posting *cur = list_current(ui);
	size_t old = ui->list->cursor;
	state_flags(ui, 0, ui->nsorted);
	filter_all(ui);
	reselect(ui, cur, old);
	ui->dirty = true;
}

bool
list_index_step(struct ui *ui)
{
	size_t have = ui->ix ? index_count(ui->ix) : 0, n = ui->cat->n;
	if (!ui->ix || have >= n)
		return false;
	size_t to = have + 256 < n ? have + 256 : n;
	index_extend(ui->ix, ui->cat->v, to);
	/* a partial answer takes in what was indexed: at once when the
	 * answer can be whole (see filter_all), else as often as a load's
	 * arrivals */
	if (ui->partial && (to + PARTIAL_LAG >= ui->nsorted ||
	                    now_ms() - ui->load_shown_ms >= load_interval(ui))) {
		list_rebuild(ui);
		ui->load_shown_ms = now_ms();
	}
	return to < n;
}

void
list_sort(struct ui *ui)
{
	struct posting *cur = list_current(ui);
	size_t old = ui->list->cursor;
	sort_all(ui);
	sort_array(ui, ui->shown, ui->nshown);
	reselect(ui, cur, old);
	ui->dirty = true;
}

bool
list_set_filter(struct ui *ui, const char *text)
{
	struct query_error err;
	struct query *q = query_parse(text, &err);
	if (!q) {
		buf_clear(&ui->filter_error);
		query_error_describe(&err, &ui->filter_error);
		return false;
	}
	struct query *old = ui->query;
	/* The index answers any query in a few ms; but while it lags behind
	 * the load, the postings it lacks are matched one by one, and a
	 * narrower query then does less work on the ones shown now. */
	size_t lag = ui->nsorted - (ui->ix ? index_count(ui->ix) : 0);
	if (lag > ui->nsorted)
		lag = 0;
	bool narrower = ui->nshown < lag && query_narrows(old, q) &&
	                (query_mentions(old, "is:hidden") ||
	                 !query_mentions(q, "is:hidden"));
	struct posting *cur = list_current(ui);
	size_t oldcur = ui->list->cursor;
	ui->query = q;
	if (narrower)
		filter_shown(ui);
	else
		filter_all(ui);
	reselect(ui, cur, oldcur);
	query_free(old);
	ui->dirty = true;
	return true;
}

void
list_sort_name(const struct ui *ui, struct buf *out)
{
	const struct sort_spec *s = &ui->sort;
	if (s->n == 0) {
		buf_adds(out, ui->reversed_load ? "file order, reversed"
		                                : "file order");
		return;
	}
	for (size_t i = 0; i < s->n && i < 4; i++)
		buf_printf(out, "%s%s%s", i ? "," : "", s->reverse[i] ? "-" : "",
		           sort_key_name(s->key[i]));
}

char **
list_paths(const struct ui *ui, size_t *n)
{
	const struct ui_config *cfg = ui->cfg;
	size_t cap = cfg->npaths + 2, k = 0;
	if (!cfg->npaths && cfg->path_list)
		cap += strlen(cfg->path_list) / 2 + 1;
	char **v = xcalloc(cap, sizeof(*v));
	if (cfg->npaths) {
		for (size_t i = 0; i < cfg->npaths; i++)
			v[k++] = xstrdup(cfg->paths[i]);
	} else if (cfg->path_list) {
		char *copy = xstrdup(cfg->path_list);
		for (char *save = NULL, *p = strtok_r(copy, ":", &save); p;
		     p = strtok_r(NULL, ":", &save))
			v[k++] = xstrdup(p);
		free(copy);
	}
	if (ui->extra_path) /* a directory I imported into, read with the rest */
		v[k++] = xstrdup(ui->extra_path);
	*n = k;
	return v;
}

void
list_paths_free(char **paths)
{
	for (size_t i = 0; paths && paths[i]; i++)
		free(paths[i]);
	free(paths);
}

void
list_start_load(struct ui *ui)
{
	const struct ui_config *cfg = ui->cfg;
	size_t n;
	char **paths = list_paths(ui, &n);
	/* the loader's threads leave the signals to this one, where the
	 * handlers (ours and curses') expect them */
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	ui->loader = loader_start(paths, n, cfg->limits ? cfg->limits
	                                                : &load_default_limits);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	list_paths_free(paths);
	ui->load_shown_ms = now_ms();
	ui->dirty = true;
	watch_load_started(ui); /* the files are looked at again */
}

/* Rebuilds the list after postings arrived, the cursor going back to
 * the posting it was on before the load once that is there. */
static void
list_arrived(struct ui *ui)
{
	long long t0 = now_ms();
	struct posting *cur = list_current(ui);
	size_t old = ui->list->cursor;
	list_load(ui);
	filter_all(ui);
	if (ui->want_id && list_select(ui, ui->want_id)) {
		free(ui->want_id);
		ui->want_id = NULL;
		/* a posting imported: its detail, unless it shows already
		 * (beside the list) or another view is on top */
		if (ui->want_open && !ui->split &&
		    ui->stack[ui->depth - 1] == ui->list)
			view_push(ui, ui->detail);
		ui->want_open = false;
	} else {
		reselect(ui, cur, old);
	}
	ui->load_shown_ms = now_ms();
	ui->load_cost_ms = ui->load_shown_ms - t0;
}

void
list_poll(struct ui *ui)
{
	if (!ui->loader)
		return;
	size_t before = ui->cat->n, pbefore = ui->cat->nproblems;
	bool done = loader_poll(ui->loader, ui->cat);
	bool more = ui->cat->n != before || ui->cat->nproblems != pbefore;
	if (more)
		ui->dirty = true; /* the status line counts */
	/* a big load rebuilds the list a few times a second, not per file */
	if (done || (more && now_ms() - ui->load_shown_ms >= load_interval(ui)))
		list_arrived(ui);
	if (!done)
		return;
	loader_free(ui->loader);
	ui->loader = NULL;
	free(ui->want_id);
	ui->want_id = NULL;
	ui->want_open = false;
	size_t nn = ui->cat->nnotes, np = ui->cat->nproblems - nn;
	if (ui->after_load.len) {
		/* what I or E did, now that it shows */
		ui_message(ui, np > 0 || ui->after_load_error, "%s%s",
		           ui->after_load.s, np ? "; problems: press !" : "");
		buf_clear(&ui->after_load);
		return;
	}
	struct buf closing = {0};
	ui_deadline_words(ui, "; ", &closing);
	ui_message(ui, np > 0, "%s: %zu posting%s from %zu file%s%s%s",
	           ui->generation ? "reloaded" : "loaded",
	           ui->cat->n, ui->cat->n == 1 ? "" : "s", ui->cat->nfiles,
	           ui->cat->nfiles == 1 ? "" : "s",
	           np ? "; problems: press !" : nn ? "; notes: press !" : "",
	           closing.s ? closing.s : "");
	buf_free(&closing);
}

void
list_reload(struct ui *ui)
{
	if (ui->loader) {
		ui_message(ui, false, "still loading: r works once it is done");
		return;
	}
	struct posting *cur = list_current(ui);
	free(ui->want_id);
	ui->want_id = cur ? strdup(cur->id) : NULL;
	ui->want_open = false;
	if (cur && !ui->want_id)
		die_nomem();
	/* nothing may point into the catalog from here until list_load */
	ui->nsorted = ui->nshown = 0;
	ui->generation++;
	index_free(ui->ix); /* a new catalog: a new index */
	ui->ix = NULL;
	catalog_free(ui->cat);
	catalog_init(ui->cat);
	list_load(ui);
	list_start_load(ui);
}

void
list_replace(struct ui *ui, struct catalog *fresh, struct query_index *ix)
{
	struct posting *cur = list_current(ui);
	char *id = cur ? xstrdup(cur->id) : NULL;
	struct view *v = ui->list;
	size_t old = v->cursor;
	size_t row = old >= v->top ? old - v->top : 0; /* the cursor's line */
	/* nothing may point into the catalog from here until list_load */
	ui->nsorted = ui->nshown = 0;
	ui->generation++;
	index_free(ui->ix);
	ui->ix = ix;
	catalog_free(ui->cat);
	*ui->cat = *fresh;
	catalog_init(fresh);
	list_load(ui);
	filter_all(ui);
	if (!id || !list_select(ui, id))
		view_goto(v, old); /* gone: the row it was on */
	free(id);
	/* on the same line of the pane, as far as the rows allow */
	v->top = v->cursor > row ? v->cursor - row : 0;
	view_goto(v, v->cursor);
	ui->load_shown_ms = now_ms();
	ui->dirty = true;
}
