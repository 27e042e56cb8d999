/* SPDX-License-Identifier: MIT */
/* deadline: what the interface says of deadlines beyond drawing them: how
 * many postings of the shortlist close soon (the status line, and the
 * message once the postings are loaded), and the day rolling over in a
 * long session. */
#include "view.h"

#include "config.h"

#include "deadline.h"

/* True if p is on the shortlist as the list shows it (marked, not
 * hidden) and its deadline closes soon on today. */
static bool
marked_closing(const struct ui *ui, const struct posting *p, int32_t today)
{
	const struct query_env *e = &ui->env;
	/* the deadline first: few postings close soon, and it costs no
	 * look-up in the state */
	return deadline_of(p, today, NULL) == DL_CLOSING && e->marked &&
	       e->marked(e->ctx, p) && !(e->hidden && e->hidden(e->ctx, p));
}

size_t
ui_deadline_marked_closing(struct ui *ui)
{
	struct ui_deadlines *d = &ui->deadlines;
	int32_t today = deadline_today();
	int days = deadline_closing_days();
	size_t from = d->n;
	if (!d->known || d->today != today || d->days != days ||
	    d->state_version != ui->state_version ||
	    d->generation != ui->generation || d->n > ui->cat->n) {
		/* counted again from the start; a load that only added
		 * postings has only those counted */
		from = 0;
		d->count = 0;
	}
	for (size_t i = from; i < ui->cat->n; i++)
		d->count += marked_closing(ui, ui->cat->v[i], today);
	*d = (struct ui_deadlines){
		.known = true, .today = today, .days = days,
		.state_version = ui->state_version,
		.generation = ui->generation, .n = ui->cat->n,
		.count = d->count,
	};
	return d->count;
}

void
ui_deadline_words(struct ui *ui, const char *sep, struct buf *out)
{
	size_t n = ui_deadline_marked_closing(ui);
	if (!n)
		return;
	buf_printf(out, "%s%zu marked close%s ", sep, n, n == 1 ? "s" : "");
	deadline_span_words(out);
}

void
ui_deadline_tick(struct ui *ui)
{
	int32_t today = deadline_today();
	if (today == ui->today)
		return;
	bool first = ui->today == 0;
	ui->today = today;
	if (first)
		return;
	/* past midnight: is:open, is:closed, is:closing and "today" answer
	 * anew, and every deadline is drawn as it stands now */
	list_rebuild(ui);
	ui->dirty = true;
}
