/* SPDX-License-Identifier: MIT */
/* filters: the saved filters (F), each with how many postings it shows
 * now; Enter applies the one under the cursor. */
#include "view.h"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* The view's own data. */
struct filters {
	size_t *count;        /* postings each filter shows, SIZE_MAX when
	                       * its query does not parse */
	size_t n;             /* filters counted */
	unsigned generation;  /* ui->generation they were counted in */
	unsigned state_version; /* ui->state_version, the same */
	size_t ncat;          /* postings there were */
	int namew;            /* the widest name */
};

/* How many postings query q shows, as the list would show them (hidden
 * ones left out unless it asks for them). */
static size_t
count_of(struct ui *ui, struct query *q, uint32_t *sel)
{
	list_notes(ui);
	size_t n = query_select(q, ui->ix, ui->cat->v, ui->cat->n, &ui->env,
	                        sel);
	const struct query_env *e = &ui->env;
	bool all = !e->hidden || query_mentions(q, "is:hidden");
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		const struct posting *p = ui->cat->v[sel[i]];
		/* a job from several sources is listed once */
		k += !p->dup_of && (all || !e->hidden(e->ctx, p));
	}
	return k;
}

static void
filters_update(struct view *v)
{
	struct filters *f = v->priv;
	struct ui *ui = v->ui;
	const struct conf *c = ui->conf;
	v->nrows = c->nfilters ? c->nfilters : 1;
	if (f->count && f->n == c->nfilters && f->generation == ui->generation &&
	    f->state_version == ui->state_version && f->ncat == ui->cat->n)
		return;
	free(f->count);
	f->count = xcalloc(c->nfilters ? c->nfilters : 1, sizeof(*f->count));
	uint32_t *sel = xcalloc(ui->cat->n ? ui->cat->n : 1, sizeof(*sel));
	f->namew = 4;
	for (size_t i = 0; i < c->nfilters; i++) {
		struct query *q = query_parse(c->filters[i].query, NULL);
		f->count[i] = q ? count_of(ui, q, sel) : (size_t)-1;
		query_free(q);
		int w = (int)text_width(c->filters[i].name,
		                        strlen(c->filters[i].name));
		if (w > f->namew)
			f->namew = w > 24 ? 24 : w;
	}
	free(sel);
	f->n = c->nfilters;
	f->generation = ui->generation;
	f->state_version = ui->state_version;
	f->ncat = ui->cat->n;
}

static void
filters_draw_header(struct view *v)
{
	struct filters *f = v->priv;
	struct ui *ui = v->ui;
	attr_t a = ui->attr[UL_HEADER];
	mvwhline(v->win, 0, 0, ' ' | a, v->width);
	ui_text(v->win, 0, 2, "Name", 4, f->namew, a, false);
	ui_text(v->win, 0, f->namew + 4, "Shows", 5, 7, a, false);
	ui_text(v->win, 0, f->namew + 12, "Query (Enter applies, q closes)", 31,
	        v->width - f->namew - 12, a, false);
}

static void
filters_draw_row(struct view *v, size_t row, int y, bool current)
{
	struct filters *f = v->priv;
	struct ui *ui = v->ui;
	const struct conf *c = ui->conf;
	if (!c->nfilters) {
		const char *m = "no saved filter: :filter save NAME saves the one "
		                "in force; a filter line of the config file "
		                "saves one too";
		ui_text(v->win, y, 2, m, strlen(m), v->width - 2, A_NORMAL, false);
		return;
	}
	attr_t a = current ? (v->focused ? ui->attr[UL_CURRENT]
	                                 : ui->attr[UL_CURRENT_BLUR])
	                   : A_NORMAL;
	mvwhline(v->win, y, 0, ' ' | a, v->width);
	const struct conf_filter *fl = &c->filters[row];
	ui_text(v->win, y, 2, fl->name, strlen(fl->name), f->namew, a, false);
	char n[24];
	if (f->count[row] == (size_t)-1)
		snprintf(n, sizeof(n), "bad");
	else
		snprintf(n, sizeof(n), "%6zu", f->count[row]);
	ui_text(v->win, y, f->namew + 4, n, strlen(n), 7, a, false);
	ui_text(v->win, y, f->namew + 12, fl->query, strlen(fl->query),
	        v->width - f->namew - 12, a, false);
}

static enum action
filters_key(struct view *v, enum action a, int key)
{
	struct ui *ui = v->ui;
	(void)key;
	if (a != ACT_ENTER)
		return a;
	if (!ui->conf->nfilters || v->cursor >= ui->conf->nfilters) {
		ui_message(ui, false, "no saved filter to apply");
		return ACT_NONE;
	}
	char *name = xstrdup(ui->conf->filters[v->cursor].name);
	char *q = xstrdup(ui->conf->filters[v->cursor].query);
	view_pop(ui); /* v is freed */
	if (list_set_filter(ui, q)) {
		ui_message(ui, false, "filter %s: %s", name, q);
	} else {
		ui_message(ui, true, "filter %s: %s", name, ui->filter_error.s);
		buf_clear(&ui->filter_error);
	}
	free(name);
	free(q);
	return ACT_NONE;
}

static void
filters_free(struct view *v)
{
	struct filters *f = v->priv;
	free(f->count);
	free(f);
}

static const struct view_ops filters_ops = {
	.name = "filters",
	.cursor = true,
	.header = true,
	.update = filters_update,
	.draw_header = filters_draw_header,
	.draw_row = filters_draw_row,
	.key = filters_key,
	.free = filters_free,
};

struct view *
filters_view_new(struct ui *ui)
{
	return view_new(ui, &filters_ops, xcalloc(1, sizeof(struct filters)));
}
