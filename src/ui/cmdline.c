/* SPDX-License-Identifier: MIT */
/* cmdline: the `:` prompt, which takes the lines of the config file at
 * run time (set, bind, color, filter, source) and write; Up and Down
 * recall the lines typed before, Tab completes names. */
#include "view.h"

#include "config.h"

#include <stdlib.h>
#include <string.h>

/* Tab's state between Tabs pressed in a row. */
struct completion {
	char **names;  /* the names the word may be */
	size_t n;
	size_t start;  /* where the word starts in the text */
	size_t next;   /* the name the next Tab puts there */
};

/* Replaces text[from..*pos) with s, the cursor after it. */
static void
put_word(struct buf *text, size_t from, size_t *pos, const char *s)
{
	struct buf b = {0};
	buf_add(&b, text->s, from);
	buf_adds(&b, s);
	size_t at = b.len;
	buf_adds(&b, text->s + *pos);
	buf_clear(text);
	buf_add(text, b.s, b.len);
	buf_adds(text, "");
	buf_free(&b);
	*pos = at;
}

/* The bytes all of names[0..n) start with. */
static size_t
common_prefix(char **names, size_t n)
{
	size_t len = strlen(names[0]);
	for (size_t i = 1; i < n; i++) {
		size_t k = 0;
		while (k < len && names[i][k] == names[0][k])
			k++;
		len = k;
	}
	return len;
}

/* Tab: the first completes the word as far as the names it may be
 * agree, and lists them on the status line when there are several; the
 * next ones put each in turn. */
static void
complete(struct ui *ui, struct buf *text, size_t *pos, unsigned tabs,
         void *ctx)
{
	struct completion *cp = ctx;
	if (tabs > 0 && cp->n > 1) {
		put_word(text, cp->start, pos, cp->names[cp->next]);
		cp->next = (cp->next + 1) % cp->n;
		return;
	}
	conf_complete_free(cp->names, cp->n);
	cp->names = NULL;
	cp->n = conf_complete(ui->conf, text->s, *pos, &cp->start, &cp->names);
	cp->next = 0;
	buf_clear(&ui->prompt_note);
	if (cp->n == 0) {
		buf_adds(&ui->prompt_note, "Tab: nothing to complete here");
		return;
	}
	if (cp->n == 1) {
		struct buf w = {0};
		buf_printf(&w, "%s ", cp->names[0]);
		put_word(text, cp->start, pos, w.s);
		buf_free(&w);
		return;
	}
	size_t len = common_prefix(cp->names, cp->n);
	if (len > *pos - cp->start) {
		char *p = xstrndup(cp->names[0], len);
		put_word(text, cp->start, pos, p);
		free(p);
	}
	for (size_t i = 0; i < cp->n; i++)
		buf_printf(&ui->prompt_note, "%s%s", i ? " " : "", cp->names[i]);
}

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
	struct completion cp = {0};
	struct prompt_aid aid = {&ui->prompt_history, complete, &cp};
	char *line = ui_prompt_aided(ui, ":", "", NULL, NULL, &aid);
	conf_complete_free(cp.names, cp.n);
	if (!line)
		return;
	history_add(&ui->prompt_history, line);
	run_line(ui, line);
	free(line);
}
