/* SPDX-License-Identifier: MIT */
/* track: an application's tracking in the interface: the status menu
 * (p), with a date for a change made earlier (@), the follow-up date (f),
 * and the follow-ups due, counted at start. */
#include "view.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "day.h"
#include "state.h"

/* Asks for a date on the message line after label, init the text to
 * start from; *out gets it (0 for an empty answer when empty_ok). False
 * when given up, or the answer is no date (said). */
static bool
ask_date(struct ui *ui, const char *label, const char *init, bool empty_ok,
         bool past_only, int32_t *out)
{
	char *s = ui_prompt(ui, label, init, NULL, NULL);
	if (!s)
		return false;
	size_t b = 0, e = strlen(s);
	while (s[b] == ' ')
		b++;
	while (e > b && s[e - 1] == ' ')
		e--;
	s[e] = '\0';
	const char *t = s + b;
	bool ok = false;
	int32_t today = day_today();
	if (!*t && empty_ok) {
		*out = 0;
		ok = true;
	} else {
		int r = day_parse(t, today, out);
		struct buf shown = {0};
		text_sanitize(&shown, t, strlen(t), SAN_CARET_NL);
		if (r == 0)
			ui_message(ui, true, "not a date: '%s' (YYYY-MM-DD, "
			           "today, +7 for a week from today, -3 for three "
			           "days ago)", shown.s ? shown.s : "");
		else if (r < 0)
			ui_message(ui, true, "no such date: '%s'",
			           shown.s ? shown.s : "");
		else if (past_only && *out > today)
			ui_message(ui, true, "%s is after today: a change is "
			           "dated the day it happened", shown.s);
		else
			ok = true;
		buf_free(&shown);
	}
	free(s);
	return ok;
}

bool
ui_ask_follow_up(struct ui *ui, const struct posting *p, int32_t current,
                 int32_t *date)
{
	char init[11];
	day_format(current, init);
	(void)p;
	if (!ask_date(ui, COLS >= 60 ? "follow up on (YYYY-MM-DD, +7 for a "
	              "week; empty clears): " : "follow up on: ", init, true,
	              false, date)) {
		if (!ui->msg_error)
			ui_message(ui, false, "follow-up not changed");
		return false;
	}
	return true;
}

size_t
ui_follow_ups_due(const struct ui *ui)
{
	size_t n = 0;
	int32_t today = day_today();
	const struct query_env *e = &ui->env;
	if (!e->followup)
		return 0;
	for (size_t i = 0; i < ui->cat->n; i++) {
		int32_t f = e->followup(e->ctx, ui->cat->v[i]);
		if (f && f <= today && !ui->cat->v[i]->dup_of &&
		    !(e->hidden && e->hidden(e->ctx, ui->cat->v[i])))
			n++;
	}
	return n;
}

int
ui_choose_status(struct ui *ui, int current, const char *what, int32_t *on)
{
	*on = 0;
	int cur = current >= 0 && current < QSTATUS_N ? current : 0;
	int result = -1;
	WINDOW *w = NULL;
	bool placed = false;
	int h = 0, wd = 0;
	for (;;) {
		char on_s[11];
		day_format(*on, on_s);
		ui_message(ui, false, "status%s%s%s%s: its letter, or j k and "
		           "Enter; @ dates the change; Esc cancels",
		           what ? " of " : "", what ? what : "",
		           *on ? " on " : "", on_s);
		if (!placed) {
			if (w)
				delwin(w);
			w = NULL;
			placed = true;
			if (!ui->too_small) {
				h = LINES < QSTATUS_N + 2 ? LINES : QSTATUS_N + 2;
				wd = COLS < 28 ? COLS : 28;
				int y = (LINES - 2 - h) / 2;
				w = newwin(h, wd, y > 0 ? y : 0, (COLS - wd) / 2);
				if (!w)
					die_nomem();
			}
		}
		ui_draw(ui);
		if (w) {
			werase(w);
			ui_frame(ui, w);
			char title[32];
			snprintf(title, sizeof(title), *on ? " status on %s "
			         : " status ", on_s);
			ui_text(w, 0, 2, title, strlen(title), wd - 4,
			        ui->attr[UL_TITLE], false);
			int body = h - 2;
			int top = cur >= body ? cur - body + 1 : 0;
			for (int r = 0; r < body && top + r < QSTATUS_N; r++) {
				int s = top + r;
				char item[64];
				snprintf(item, sizeof(item), " %c  %s%s", ui_status_keys[s],
				         query_status_name(s),
				         s == current ? (ui->utf8 ? " •" : " <") : "");
				attr_t a = s == cur ? ui->attr[UL_CURRENT] : A_NORMAL;
				mvwhline(w, 1 + r, 1, ' ' | a, wd - 2);
				ui_text(w, 1 + r, 1, item, strlen(item), wd - 2, a, false);
			}
			touchwin(w);
			wnoutrefresh(w);
		}
		doupdate();
		int k = ui_getkey(ui);
		if (!k)
			break;
		if (k == (KEY_FN | KEY_RESIZE)) {
			placed = false;
			ui->dirty = true;
			continue;
		}
		if (k == 'j' || k == 'p' || k == (KEY_FN | KEY_DOWN)) {
			cur = (cur + 1) % QSTATUS_N;
		} else if (k == 'k' || k == (KEY_FN | KEY_UP)) {
			cur = (cur + QSTATUS_N - 1) % QSTATUS_N;
		} else if (k == 'g' || k == (KEY_FN | KEY_HOME)) {
			cur = 0;
		} else if (k == 'G' || k == (KEY_FN | KEY_END)) {
			cur = QSTATUS_N - 1;
		} else if (k == '\r' || k == '\n' || k == (KEY_FN | KEY_ENTER)) {
			result = cur;
			break;
		} else if (k == 27 || k == 'q' || k == KEY_CTRL('g')) {
			break;
		} else if (k == '@') {
			int32_t d;
			if (ask_date(ui, COLS >= 60 ? "date of the change "
			             "(YYYY-MM-DD, -3 for three days ago; empty: "
			             "today): " : "changed on: ", on_s, true, true,
			             &d))
				*on = d;
			placed = false;
			ui->dirty = true;
		} else if (keys_action(k) == ACT_QUIT) {
			ui->quit = true;
			break;
		} else {
			const char *at = k > 0 && k < 128
			                 ? strchr(ui_status_keys, k) : NULL;
			if (at && *at) {
				result = (int)(at - ui_status_keys);
				break;
			}
		}
	}
	if (w)
		delwin(w);
	buf_clear(&ui->msg);
	ui->dirty = true;
	return result;
}
