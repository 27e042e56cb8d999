/* SPDX-License-Identifier: MIT */
/* settings: the config file read at the start and again when it
 * changes, and the interface made to follow each option: the sort, the
 * list's columns and dates, the split width, the currency and rates,
 * the mouse, the theme; the filter and sort kept for the next run. */
#include "view.h"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "deadline.h"

/* Lines of the `:` prompt's history kept. */
#define PROMPT_HISTORY_MAX 500
/* Filters of the `/` prompt's history kept. */
#define FILTER_HISTORY_MAX 500

/* Milliseconds on a monotonic clock. */
static long long
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* A file of the state directory (malloc'd), or NULL when there is no
 * home to find it. */
static char *
state_file(const char *name)
{
	char *d = history_dir();
	if (!d)
		return NULL;
	struct buf b = {0};
	buf_printf(&b, "%s/%s", d, name);
	free(d);
	return buf_steal(&b);
}

char **
settings_keep(const struct ui *ui)
{
	char **v = xcalloc(CO_N, sizeof(*v));
	for (int o = 0; o < CO_N; o++)
		v[o] = xstrdup(conf_str(ui->conf, (enum conf_option)o));
	return v;
}

void
settings_forget(char **values)
{
	for (int o = 0; values && o < CO_N; o++)
		free(values[o]);
	free(values);
}

void
settings_sort_text(const struct ui *ui, struct buf *out)
{
	const struct sort_spec *s = &ui->sort;
	if (s->n == 0) {
		buf_adds(out, ui->reversed_load ? "-file" : "file");
		return;
	}
	for (size_t i = 0; i < s->n; i++)
		buf_printf(out, "%s%s%s", i ? "," : "", s->reverse[i] ? "-" : "",
		           sort_key_name(s->key[i]));
}

/* Sets ui->sort from a value of the sort option. */
static void
sort_from(struct ui *ui, const char *v)
{
	ui->reversed_load = false;
	if (!strcmp(v, "file") || !strcmp(v, "-file")) {
		ui->sort = (struct sort_spec){.n = 0};
		ui->reversed_load = v[0] == '-';
		return;
	}
	struct sort_spec s;
	if (sort_parse(v, &s, NULL))
		ui->sort = s;
}

/* Sets the currency and whether the user chose it. */
static void
currency_from(struct ui *ui, const char *v)
{
	ui->currency_set = strcmp(v, "auto") != 0;
	if (ui->currency_set)
		snprintf(ui->env.currency, sizeof(ui->env.currency), "%s", v);
	else
		currency_common(ui->cat, ui->env.currency);
}

/* Takes the mouse, or leaves it to the terminal. */
static void
mouse_from(bool on)
{
	mousemask(on ? BUTTON1_PRESSED | BUTTON4_PRESSED
#ifdef BUTTON5_PRESSED
	               | BUTTON5_PRESSED
#endif
	             : 0, NULL);
}

void
settings_apply(struct ui *ui, char *const *before)
{
	const struct conf *c = ui->conf;
	bool start = !before;
	bool resort = false, refilter = false;
	for (int o = 0; o < CO_N; o++) {
		const char *v = conf_str(c, (enum conf_option)o);
		if (before && !strcmp(before[o], v))
			continue;
		switch ((enum conf_option)o) {
		case CO_SORT:
			/* at the start --sort and the last run come first; at
			 * the prompt the new sort is taken now */
			if (!start) {
				sort_from(ui, v);
				resort = true;
			}
			break;
		case CO_LIST_COLUMNS:
		case CO_DATE_FORMAT:
			if (!start)
				list_columns(ui);
			break;
		case CO_SPLIT_WIDTH:
			if (!start)
				layout(ui);
			break;
		case CO_CURRENCY:
			currency_from(ui, v);
			resort = refilter = !start;
			break;
		case CO_RATES:
			currency_rates_parse(v, &ui->rates, NULL);
			ui->env.rates = &ui->rates;
			refilter = !start;
			break;
		case CO_MOUSE:
			mouse_from(conf_bool(c, CO_MOUSE));
			break;
		case CO_THEME:
			if (!start)
				theme_apply(ui);
			break;
		case CO_CLOSING_DAYS:
			deadline_set_closing_days((int)conf_int(c,
			                                        CO_CLOSING_DAYS));
			refilter = !start; /* is:closing; the rest follows */
			break;
		case CO_COMPARE_THRESHOLD: /* read by the next comparison */
		case CO_CONFIRM_APPLY_ALL: /* read by `;` */
		case CO_CLIPBOARD:         /* read by y and Y */
		case CO_REMEMBER_FILTER:   /* read at the end */
		case CO_WATCH:             /* read by watch_tick */
		case CO_N:
			break;
		}
	}
	if (resort)
		list_sort(ui);
	if (refilter)
		list_rebuild(ui);
	ui->dirty = true;
}

char *
settings_open(struct ui *ui)
{
	struct conf *c = ui->conf;
	c->path = conf_default_path();
	size_t np = conf_load(c, NULL);
	keys_use(c);
	char *p = state_file("prompt-history");
	history_open(&ui->prompt_history, p, PROMPT_HISTORY_MAX);
	free(p);
	p = state_file("filter-history");
	history_open_unique(&ui->filter_history, p, FILTER_HISTORY_MAX);
	free(p);
	ui->env.rates = &ui->rates;
	/* the columns before the list measures them */
	settings_apply(ui, NULL);
	list_columns(ui);
	sort_from(ui, conf_str(c, CO_SORT));
	char *filter = NULL, *sort = NULL;
	if (conf_bool(c, CO_REMEMBER_FILTER)) {
		p = state_file("last-view");
		history_last_load(p, &filter, &sort);
		free(p);
	}
	if (sort)
		sort_from(ui, sort);
	free(sort);
	if (ui->cfg->filter) {
		free(filter);
		filter = NULL;
	}
	ui->conf_checked_ms = now_ms();
	if (np)
		ui_message(ui, true, "the config file has %zu problem%s: the "
		           "rest of it applies (! lists them)", np,
		           np == 1 ? "" : "s");
	return filter;
}

void
settings_tick(struct ui *ui)
{
	long long now = now_ms();
	/* told of a change (inotify: watch.c), else every few seconds */
	if (!watch_conf_due(ui) && now - ui->conf_checked_ms < watch_poll_ms())
		return;
	ui->conf_checked_ms = now;
	struct conf *c = ui->conf;
	if (!conf_changed_on_disk(c))
		return;
	char **before = settings_keep(ui);
	conf_reset(c);
	size_t np = conf_load(c, NULL);
	/* what was set at the prompt and not written stays set */
	for (size_t i = 0; i < c->nchanges; i++) {
		struct conf_result r = {0};
		char *line = xstrdup(c->changes[i].line);
		conf_exec(c, line, &r);
		free(line);
		buf_free(&r.msg);
	}
	settings_apply(ui, before);
	settings_forget(before);
	theme_apply(ui);
	watch_conf_files(ui); /* it may source others now */
	if (np)
		ui_message(ui, true, "the config file changed and was read again: "
		           "%zu problem%s (! lists them)", np, np == 1 ? "" : "s");
	else
		ui_message(ui, false, "the config file changed and was read "
		           "again");
}

void
settings_close(struct ui *ui)
{
	if (conf_bool(ui->conf, CO_REMEMBER_FILTER)) {
		char *p = state_file("last-view");
		struct buf sort = {0};
		settings_sort_text(ui, &sort);
		/* a sort the user did not change is left to the config, so
		 * that a new set sort there applies */
		if (!strcmp(sort.s, conf_str(ui->conf, CO_SORT)))
			buf_clear(&sort);
		if (p)
			history_last_save(p, query_source(ui->query), sort.s, NULL);
		buf_free(&sort);
		free(p);
	}
	history_close(&ui->prompt_history);
	history_close(&ui->filter_history);
	currency_rates_free(&ui->rates);
	ui->env.rates = NULL;
}
