/* SPDX-License-Identifier: MIT */
/* export_md: postings as Markdown. */
#include "export_int.h"

#include <string.h>

/* Appends a Markdown table cell: sanitised, pipes escaped. */
static void
md_cell(struct buf *out, const char *s)
{
	struct buf t = {0};
	export_line(&t, s ? s : "");
	for (size_t i = 0; i < t.len; i++) {
		if (t.s[i] == '|' || t.s[i] == '\\' || t.s[i] == '`' ||
		    t.s[i] == '*' || t.s[i] == '_' || t.s[i] == '<' ||
		    t.s[i] == '[')
			buf_addc(out, '\\');
		buf_addc(out, t.s[i]);
	}
	buf_free(&t);
}

void
export_markdown(FILE *f, struct posting *const *v, size_t n,
              const struct export_hooks *h)
{
	struct buf o = {0};
	struct row r = {0};
	buf_adds(&o, "| Title | Organization | Location | Salary | Deadline "
	             "| Rating | Status |\n|---|---|---|---|---|---|---|\n");
	for (size_t i = 0; i < n; i++) {
		export_row_fill(&r, v[i], h, false);
		const int cells[] = {1, 2, 3, 5, 6};
		buf_addc(&o, '|');
		for (int k = 0; k < 5; k++) {
			buf_addc(&o, ' ');
			md_cell(&o, r.cell[cells[k]].s);
			buf_adds(&o, " |");
		}
		int rating = h && h->rating ? h->rating(h->ctx, v[i]) : 0;
		if (rating)
			buf_printf(&o, " %d/5 |", rating);
		else
			buf_adds(&o, "  |");
		buf_addc(&o, ' ');
		md_cell(&o, h && h->status ? h->status(h->ctx, v[i]) : NULL);
		buf_adds(&o, " |\n");
	}
	export_flush(f, &o);
	for (size_t i = 0; i < n; i++) {
		struct rlines rl = {0};
		posting_render(v[i], 78, &rl);
		buf_adds(&o, "\n## ");
		md_cell(&o, v[i]->title);
		buf_adds(&o, "\n\n");
		const char *note = h && h->note ? h->note(h->ctx, v[i]) : NULL;
		int rating = h && h->rating ? h->rating(h->ctx, v[i]) : 0;
		const char *status = h && h->status ? h->status(h->ctx, v[i])
		                                    : NULL;
		if (rating)
			buf_printf(&o, "Rating: %d/5  \n", rating);
		if (status) {
			buf_adds(&o, "Status: ");
			md_cell(&o, status);
			buf_adds(&o, "  \n");
		}
		if (note) {
			buf_adds(&o, "Note:\n\n");
			struct buf t = {0};
			text_sanitize(&t, note, strlen(note), SAN_KEEP_NL);
			const char *q = t.s ? t.s : "";
			while (*q) {
				const char *nl = strchr(q, '\n');
				size_t len = nl ? (size_t)(nl - q) : strlen(q);
				buf_adds(&o, "> ");
				buf_add(&o, q, len);
				buf_addc(&o, '\n');
				q += len + (nl ? 1 : 0);
			}
			buf_free(&t);
			buf_addc(&o, '\n');
		}
		/* a fence longer than any run of backticks in the text, so
		 * that no line of it ends the block (CommonMark) */
		size_t fence = 3;
		for (size_t k = 1; k < rl.n; k++) {
			size_t run = 0;
			for (const char *q = rl.v[k].text; *q; q++) {
				run = *q == '`' ? run + 1 : 0;
				if (run >= fence)
					fence = run + 1;
			}
		}
		for (size_t k = 0; k < fence; k++)
			buf_addc(&o, '`');
		buf_addc(&o, '\n');
		for (size_t k = 1; k < rl.n; k++) {
			buf_adds(&o, rl.v[k].text);
			buf_addc(&o, '\n');
		}
		for (size_t k = 0; k < fence; k++)
			buf_addc(&o, '`');
		buf_addc(&o, '\n');
		rlines_free(&rl);
		export_flush(f, &o);
	}
	export_row_free(&r);
	buf_free(&o);
}
