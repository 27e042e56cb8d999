/* SPDX-License-Identifier: MIT */
/* problems: the problems found while loading, one FILE:LINE:COL: message
 * each, wrapped to the pane; scrolls like the detail. */
#include "view.h"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* One screen line: a slice of a problem's text. */
struct pline {
	size_t problem; /* which problem */
	size_t off;     /* bytes into its text */
	size_t len;     /* bytes on this line */
	bool first;     /* the problem's first line */
};

/* The view's own data. */
struct problems {
	unsigned generation; /* ui->generation it was made for */
	size_t nconf;        /* the config's problems it shows (first) */
	int width;           /* the width it was wrapped for */
	char **text;         /* each problem, sanitised (malloc'd) */
	size_t ntext;
	struct pline *lines; /* the wrapped lines */
	size_t n, cap;
};

/* Indent of a problem's continuation lines. */
#define CONT_INDENT 4

/* Frees the texts and lines. */
static void
problems_clear(struct problems *pr)
{
	for (size_t i = 0; i < pr->ntext; i++)
		free(pr->text[i]);
	free(pr->text);
	pr->text = NULL;
	pr->ntext = 0;
	pr->n = 0;
}

static void
problems_update(struct view *v)
{
	struct problems *pr = v->priv;
	struct ui *ui = v->ui;
	const struct catalog *c = ui->cat;
	const struct conf *cf = ui->conf;
	size_t total = cf->nproblems + c->nproblems;
	if (pr->generation == ui->generation && pr->width == v->width &&
	    pr->text && pr->ntext == total && pr->nconf == cf->nproblems)
		goto done;
	problems_clear(pr);
	pr->generation = ui->generation;
	pr->width = v->width;
	pr->nconf = cf->nproblems;
	pr->text = calloc(total ? total : 1, sizeof(char *));
	if (!pr->text)
		die_nomem();
	struct buf b = {0};
	struct wrap_line *wl = NULL;
	size_t nwl = 0, wcap = 0;
	for (size_t i = 0; i < total; i++) {
		buf_clear(&b);
		if (i < cf->nproblems)
			conf_problem_format(&b, &cf->problems[i]);
		else
			problem_format(&b, &c->problems[i - cf->nproblems]);
		pr->text[i] = buf_steal(&b);
		pr->ntext = i + 1;
		int w = v->width > CONT_INDENT + 8 ? v->width - CONT_INDENT
		                                   : v->width;
		nwl = 0;
		text_wrap(pr->text[i], strlen(pr->text[i]), w > 0 ? w : 1, &wl,
		          &nwl, &wcap);
		for (size_t k = 0; k < nwl; k++) {
			if (pr->n == pr->cap) {
				pr->cap = pr->cap ? 2 * pr->cap : 64;
				pr->lines = realloc(pr->lines,
				                    pr->cap * sizeof(*pr->lines));
				if (!pr->lines)
					die_nomem();
			}
			pr->lines[pr->n++] = (struct pline){i, wl[k].off,
			                                    wl[k].len, k == 0};
		}
	}
	free(wl);
	buf_free(&b);
done:
	v->nrows = pr->n;
}

static void
problems_draw_row(struct view *v, size_t row, int y, bool current)
{
	struct problems *pr = v->priv;
	const struct pline *l = &pr->lines[row];
	const char *s = pr->text[l->problem] + l->off;
	int x = l->first || v->width <= CONT_INDENT + 8 ? 0 : CONT_INDENT;
	(void)current;
	ui_text(v->win, y, x, s, l->len, v->width - x, A_NORMAL, false);
}

static void
problems_draw_header(struct view *v)
{
	struct ui *ui = v->ui;
	char h[192];
	size_t nn = ui->cat->nnotes, n = ui->cat->nproblems - nn;
	size_t nc = ui->conf->nproblems;
	if (nc) {
		int w = snprintf(h, sizeof(h), "%zu problem%s of the config file",
		                 nc, nc == 1 ? "" : "s");
		if (n)
			w += snprintf(h + w, sizeof(h) - (size_t)w, ", %zu found "
			              "while loading", n);
		if (nn)
			w += snprintf(h + w, sizeof(h) - (size_t)w, ", %zu note%s",
			              nn, nn == 1 ? "" : "s");
		snprintf(h + w, sizeof(h) - (size_t)w, "%s (q closes)",
		         n || nn ? "" : ": those lines were not applied");
	} else if (nn && n)
		snprintf(h, sizeof(h), "%zu problem%s and %zu note%s found while "
		         "loading (q closes)", n, n == 1 ? "" : "s", nn,
		         nn == 1 ? "" : "s");
	else if (nn)
		snprintf(h, sizeof(h), "%zu note%s on what was loaded (q closes)",
		         nn, nn == 1 ? "" : "s");
	else
		snprintf(h, sizeof(h), "%zu problem%s found while loading "
		         "(q closes)", n, n == 1 ? "" : "s");
	mvwhline(v->win, 0, 0, ' ' | ui->attr[UL_HEADER], v->width);
	ui_text(v->win, 0, 0, h, strlen(h), v->width, ui->attr[UL_HEADER],
	        false);
}

static void
problems_free(struct view *v)
{
	struct problems *pr = v->priv;
	problems_clear(pr);
	free(pr->lines);
	free(pr);
}

static const struct view_ops problems_ops = {
	.name = "problems",
	.cursor = false,
	.header = true,
	.update = problems_update,
	.draw_header = problems_draw_header,
	.draw_row = problems_draw_row,
	.free = problems_free,
};

struct view *
problems_view_new(struct ui *ui)
{
	struct problems *pr = calloc(1, sizeof(*pr));
	if (!pr)
		die_nomem();
	pr->width = -1;
	return view_new(ui, &problems_ops, pr);
}
