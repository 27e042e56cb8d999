/* SPDX-License-Identifier: MIT */
/* cmdline: the `:` prompt, which takes the lines of the config file at
 * run time (set, bind, color, filter, source) and write; Up and Down
 * recall the lines typed before, Tab completes names. */
#include "view.h"

#include "config.h"

#include <stdlib.h>
#include <string.h>

/* filter save NAME: the filter in force, saved under name. */
static void
save_filter(struct ui *ui, const char *name)
{
	const char *q = query_source(ui->query);
	if (query_is_empty(ui->query)) {
		ui_message(ui, true, "filter save: no filter is in force (/ sets "
		           "one)");
		return;
	}
	conf_filter_set(ui->conf, name, q);
	struct buf what = {0}, line = {0};
	buf_printf(&what, "filter %s", name);
	buf_printf(&line, "filter %s ", name);
	conf_quote(&line, q);
	conf_change(ui->conf, what.s, line.s);
	ui_message(ui, false, "filter %s saved: %s (:write keeps it)", name, q);
	buf_free(&what);
	buf_free(&line);
}

/* Runs a line typed at the prompt and says what it did. */
static void
run_line(struct ui *ui, const char *line)
{
	struct conf *c = ui->conf;
	char **before = settings_keep(ui);
	struct conf_result r = {0};
	size_t np = c->nproblems;
	conf_exec(c, line, &r);
	const char *m = r.msg.s ? r.msg.s : "";
	struct buf err = {0};
	switch (r.did) {
	case CONF_DID_NOTHING:
		break;
	case CONF_DID_ERROR:
		ui_message(ui, true, "%s", m);
		break;
	case CONF_DID_SET:
		settings_apply(ui, before);
		ui_message(ui, false, "%s (:write keeps it)", m);
		break;
	case CONF_DID_SHOW:
	case CONF_DID_FILTER:
		ui_message(ui, false, "%s", m);
		break;
	case CONF_DID_BIND:
		ui_message(ui, false, "%s (:write keeps it)", m);
		break;
	case CONF_DID_COLOR:
		theme_apply(ui);
		ui_message(ui, false, "%s (:write keeps it)", m);
		break;
	case CONF_DID_APPLY:
		if (list_set_filter(ui, r.query)) {
			ui_message(ui, false, "filter: %s", r.query);
		} else {
			ui_message(ui, true, "%s", ui->filter_error.s);
			buf_clear(&ui->filter_error);
		}
		break;
	case CONF_DID_SAVE:
		save_filter(ui, r.name);
		break;
	case CONF_DID_SOURCE:
		settings_apply(ui, before);
		theme_apply(ui);
		ui_message(ui, c->nproblems > np, "%s", m);
		break;
	case CONF_DID_WRITE: {
		size_t n = c->nchanges;
		if (n == 0)
			ui_message(ui, false, "nothing to write: no setting was "
			           "made at the : prompt since the last :write");
		else if (conf_write(c, &err))
			ui_message(ui, false, "wrote %zu setting%s to %s", n,
			           n == 1 ? "" : "s", c->path);
		else
			ui_message(ui, true, ":write: %s", err.s);
		break;
	}
	}
	buf_free(&err);
	buf_free(&r.msg);
	settings_forget(before);
}

void
cmdline_run(struct ui *ui)
{
	struct completion cp = {.find = completion_conf};
	struct prompt_aid aid = {&ui->prompt_history, completion_tab, &cp};
	char *line = ui_prompt_aided(ui, ":", "", NULL, NULL, &aid);
	completion_free(&cp);
	if (!line)
		return;
	history_add(&ui->prompt_history, line);
	run_line(ui, line);
	free(line);
}
