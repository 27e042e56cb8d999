/* SPDX-License-Identifier: MIT */
/* complete: Tab at the prompts: the first completes the word as far as
 * the names it may be agree and lists them on the status line, the next
 * ones put each in turn; the `:` prompt's names come from conf_complete,
 * the filter's from query_complete. */
#include "view.h"

#include "config.h"

#include <stdlib.h>
#include <string.h>

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

void
completion_free(struct completion *cp)
{
	for (size_t i = 0; i < cp->n; i++)
		free(cp->names[i]);
	free(cp->names);
	cp->names = NULL;
	cp->n = cp->next = 0;
}

void
completion_tab(struct ui *ui, struct buf *text, size_t *pos, unsigned tabs,
               void *ctx)
{
	struct completion *cp = ctx;
	if (tabs > 0 && cp->n > 1) {
		put_word(text, cp->start, pos, cp->names[cp->next]);
		cp->next = (cp->next + 1) % cp->n;
		return;
	}
	completion_free(cp);
	bool whole = true;
	cp->n = cp->find(ui, text->s, *pos, &cp->start, &cp->names, &whole);
	buf_clear(&ui->prompt_note);
	if (cp->n == 0) {
		buf_adds(&ui->prompt_note, "Tab: nothing to complete here");
		return;
	}
	if (cp->n == 1) {
		/* a whole word: a blank for the next */
		struct buf w = {0};
		buf_printf(&w, "%s%s", cp->names[0], whole ? " " : "");
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

size_t
completion_conf(struct ui *ui, const char *text, size_t pos, size_t *start,
                char ***names, bool *whole)
{
	*whole = true;
	return conf_complete(ui->conf, text, pos, start, names);
}

size_t
completion_filter(struct ui *ui, const char *text, size_t pos, size_t *start,
                  char ***names, bool *whole)
{
	(void)ui;
	return query_complete(text, pos, start, names, whole);
}
