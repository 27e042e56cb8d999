/* SPDX-License-Identifier: MIT */
/* list_columns: what the list's columns and the flags left of a row
 * show, and how wide each column is drawn (list-columns, date-format). */
#include "list_int.h"

#include "config.h"

#include "columns.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

_Static_assert(COL_N == UI_NCOLS, "UI_NCOLS counts the columns of columns.h");

#include "day.h"

/* Their names in list-columns. */
static const char *const column_name[COL_N] = {
	"title", "org", "location", "salary", "deadline", "posted",
	"workplace", "type",
};
/* Column headings. */
const char *const list_heading[UI_NCOLS] = {
	"Title", "Organization", "Location", "Salary", "Deadline", "Posted",
	"Workplace", "Type",
};
/* Widest a column asks for (the title takes what is left). */
static const int want_cap[COL_N] = {60, 24, 28, 14, 12, 12, 9, 12};
/* Narrowest a shown column gets. */
static const int min_w[COL_N] = {8, 6, 6, 6, 6, 6, 6, 6};
/* Widths under which a column is dropped rather than squeezed (the
 * title is never dropped). */
static const int comfort_w[COL_N] = {24, 10, 10, 6, 6, 6, 6, 6};
_Static_assert((int)COL_DEADLINE == (int)LIST_COL_DEADLINE,
               "list_int.h names the deadline's column");
/* List widths from which the flags at the left take two columns, and
 * five, the deadline's aside (see list_flags). */
#define FLAGS_TWO 40
#define FLAGS_FOUR 100

int
list_flags_width(const struct ui *ui, int width)
{
	int dl = ui->dated ? 1 : 0;
	return width >= FLAGS_FOUR ? 6 + dl : width >= FLAGS_TWO ? 3 + dl : 2;
}


/* Appends a date as date-format says: a date in that format, else (a
 * date given as text, or as-written) as the posting writes it. */
static void
when_cell(struct buf *b, const struct when *w, const char *fmt)
{
	if (w->ymd && strcmp(fmt, "as-written") != 0) {
		struct tm tm = {.tm_year = w->ymd / 10000 - 1900,
		                .tm_mon = w->ymd / 100 % 100 - 1,
		                .tm_mday = w->ymd % 100, .tm_hour = 12};
		time_t t = mktime(&tm); /* the weekday and the day of the year */
		if (t != (time_t)-1)
			localtime_r(&t, &tm);
		char out[128];
		if (strftime(out, sizeof(out), fmt, &tm)) {
			buf_adds(b, out);
			return;
		}
	}
	if (w->text)
		buf_adds(b, w->text);
}

void
list_cell(const struct ui *ui, struct buf *b, const struct posting *p,
          int col)
{
	const char *fmt = conf_str(ui->conf, CO_DATE_FORMAT);
	switch (col) {
	case COL_TITLE:
		if (p->title)
			buf_adds(b, p->title);
		break;
	case COL_ORG: {
		const char *o = posting_org(p, false);
		if (o)
			buf_adds(b, o);
		break;
	}
	case COL_LOC:
		posting_location(b, p);
		break;
	case COL_SALARY:
		salary_compact(b, &p->salary);
		break;
	case COL_DEADLINE: /* the one that counts: the posting's, else apply's */
		when_cell(b, posting_deadline(p), fmt);
		break;
	case COL_POSTED:
		when_cell(b, &p->posted, fmt);
		break;
	case COL_WORKPLACE:
		if (workplace_name(p->workplace))
			buf_adds(b, workplace_name(p->workplace));
		break;
	case COL_TYPE:
		if (p->employment.type)
			buf_adds(b, p->employment.type);
		break;
	}
	buf_adds(b, ""); /* never NULL */
}

/* Display columns of text once sanitised. */
static int
clean_width(const char *s, size_t len)
{
	if (text_is_clean(s, len, 0))
		return (int)text_width(s, len);
	struct buf b = {0};
	text_sanitize(&b, s, len, 0);
	int w = (int)text_width(b.s ? b.s : "", b.len);
	buf_free(&b);
	return w;
}

/* Gives column i up to target columns from *extra. */
static void
grow(struct list_columns *c, int i, int target, int *extra)
{
	int give = c->on[i] ? target - c->w[i] : 0;
	if (give > *extra)
		give = *extra;
	if (give > 0) {
		c->w[i] += give;
		*extra -= give;
	}
}

/* Lays the columns out in width columns: columns that cannot get a
 * readable width are dropped (location, salary, organization, deadline;
 * never the title); then the title gets a readable width, salary and
 * deadline what they need, organization and location a readable width,
 * then title, organization and location share the rest 45:27:28 up to
 * what their widest cell needs, and the title takes what is left. */
void
list_layout(const struct ui *ui, int width, struct list_columns *c)
{
	int want[COL_N], comfort[COL_N];
	/* a blank at the right */
	int avail = width - list_flags_width(ui, width) - 1;
	int gap = width >= 60 ? 2 : 1;
	bool asked[COL_N] = {false};
	for (int k = 0; k < ui->ncols; k++)
		asked[ui->cols[k]] = true;
	for (int i = 0; i < COL_N; i++) {
		want[i] = ui->colw[i] < want_cap[i] ? ui->colw[i] : want_cap[i];
		c->on[i] = (want[i] > 0 || i == COL_TITLE) && asked[i];
		int hw = (int)strlen(list_heading[i]);
		if (c->on[i] && want[i] < hw)
			want[i] = hw < want_cap[i] ? hw : want_cap[i];
		if (want[i] < min_w[i])
			want[i] = min_w[i];
		comfort[i] = i > COL_LOC ? want[i] : comfort_w[i];
		c->w[i] = 0;
	}
	columns_fit(c->on, comfort, avail, gap);
	int extra = avail + gap;
	for (int i = 0; i < COL_N; i++) {
		if (c->on[i]) {
			c->w[i] = min_w[i];
			extra -= min_w[i] + gap;
		}
	}
	if (extra < 0) { /* even the title alone does not fit its minimum */
		c->w[COL_TITLE] += extra;
		extra = 0;
	}
	grow(c, COL_TITLE, comfort[COL_TITLE], &extra);
	grow(c, COL_SALARY, want[COL_SALARY], &extra);
	grow(c, COL_DEADLINE, want[COL_DEADLINE], &extra);
	grow(c, COL_POSTED, want[COL_POSTED], &extra);
	grow(c, COL_WORKPLACE, want[COL_WORKPLACE], &extra);
	grow(c, COL_TYPE, want[COL_TYPE], &extra);
	grow(c, COL_ORG, comfort[COL_ORG], &extra);
	grow(c, COL_LOC, comfort[COL_LOC], &extra);
	static const int share[] = {45, 27, 28};
	int r = extra;
	for (int i = COL_TITLE; i <= COL_LOC; i++)
		r += c->on[i] ? c->w[i] : 0;
	for (int i = COL_TITLE; i <= COL_LOC; i++)
		grow(c, i, r * share[i] / 100 < want[i] ? r * share[i] / 100
		                                        : want[i], &extra);
	for (int i = COL_TITLE; i <= COL_LOC; i++)
		grow(c, i, want[i], &extra);
	c->w[COL_TITLE] += extra;
	int x = list_flags_width(ui, width);
	for (int k = 0; k < ui->ncols; k++) {
		int i = ui->cols[k];
		if (!c->on[i])
			continue;
		c->x[i] = x;
		x += c->w[i] + gap;
	}
}

int
list_flags(const struct ui *ui, const struct posting *p, int width,
           enum deadline_state dl, struct list_flag *out, char text[2][2])
{
	const struct query_env *e = &ui->env;
	bool marked = e->marked && e->marked(e->ctx, p);
	bool hidden = e->hidden && e->hidden(e->ctx, p);
	bool read = e->read && e->read(e->ctx, p);
	bool is_new = e->is_new && e->is_new(e->ctx, p);
	bool changed = read && e->changed && e->changed(e->ctx, p);
	bool noted = e->has_note && e->has_note(e->ctx, p);
	int r = e->rating ? e->rating(e->ctx, p) : 0;
	int s = e->status ? e->status(e->ctx, p) : QSTATUS_NONE;
	text[0][0] = r >= 1 && r <= 5 ? (char)('0' + r) : ' ';
	int32_t f = e->followup ? e->followup(e->ctx, p) : 0;
	text[1][0] = f && f <= day_today() ? '@'
	           : s > QSTATUS_NONE && s < QSTATUS_N ? ui_status_keys[s]
	                                               : ' ';
	text[0][1] = text[1][1] = '\0';
	const struct list_flag blank = {" ", UL_NORMAL};
	struct list_flag mark = marked ? (struct list_flag){"*", UL_MARK} : blank;
	struct list_flag hide = {"x", UL_HIDDEN};
	/* changed since read (is:changed): Δ, ~ without UTF-8; else new
	 * and not read yet; else loaded from several sources; else read */
	struct list_flag seen = changed ? (struct list_flag){ui->utf8 ? "Δ" : "~", UL_NEW}
	                   : is_new && !read ? (struct list_flag){"N", UL_NEW}
	                   : p->also || p->dup_of
	                   ? (struct list_flag){ui->utf8 ? "≡" : "=", UL_READ}
	                   : read ? (struct list_flag){ui->utf8 ? "·" : ".", UL_READ}
	                   : blank;
	struct list_flag rating = {text[0], UL_RATING};
	struct list_flag status = {text[1], UL_APPLICATION};
	struct list_flag note = noted ? (struct list_flag){ui->utf8 ? "✎" : "#",
	                                                   UL_NORMAL} : blank;
	struct list_flag got = text[1][0] != ' ' ? status
	                  : changed ? seen
	                  : text[0][0] != ' ' ? rating : noted ? note : seen;
	struct list_flag first = hidden ? hide : mark;
	struct list_flag closing = {
		deadline_flag(dl, ui->utf8),
		dl == DL_CLOSED ? UL_CLOSED : dl == DL_CLOSING ? UL_CLOSING
		                                              : UL_NORMAL,
	};
	int fw = list_flags_width(ui, width);
	int n = 0;
	if (fw >= 6) {
		out[n++] = mark;
		out[n++] = hidden ? hide : seen;
		out[n++] = rating;
		out[n++] = status;
		out[n++] = note;
	} else if (fw >= 3) {
		out[n++] = first;
		out[n++] = got;
	} else {
		out[n++] = *first.s != ' ' ? first
		           : *closing.s != ' ' ? closing : got;
	}
	if (fw == 7 || fw == 4)
		out[n++] = closing;
	return n;
}

void
list_measure(struct ui *ui, size_t from, size_t to)
{
	struct buf b = {0};
	if (from == 0)
		ui->dated = false;
	for (size_t k = from; k < to && !ui->dated; k++)
		ui->dated = posting_deadline(ui->cat->v[k])->ymd != 0;
	for (size_t k = from; k < to; k++) {
		for (int i = 0; i < COL_N; i++) {
			buf_clear(&b);
			list_cell(ui, &b, ui->cat->v[k], i);
			int w = clean_width(b.s, b.len);
			if (w > ui->colw[i])
				ui->colw[i] = w > 1000 ? 1000 : w;
		}
	}
	buf_free(&b);
}

void
list_columns(struct ui *ui)
{
	const char *v = conf_str(ui->conf, CO_LIST_COLUMNS);
	ui->ncols = 0;
	while (*v && ui->ncols < UI_NCOLS) {
		size_t len = strcspn(v, ",");
		for (int i = 0; i < COL_N; i++)
			if (strlen(column_name[i]) == len &&
			    !strncmp(v, column_name[i], len))
				ui->cols[ui->ncols++] = i;
		v += len + (v[len] == ',');
	}
	if (ui->ncols == 0)
		ui->cols[ui->ncols++] = COL_TITLE;
	for (int i = 0; i < COL_N; i++)
		ui->colw[i] = 0;
	list_measure(ui, 0, ui->cat->n);
	ui->dirty = true;
}

