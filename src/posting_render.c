/* SPDX-License-Identifier: MIT */
/* posting_render: a posting drawn as lines of text for a width, as the
 * detail view and --show show it: its fields beside their labels, its
 * summary's paragraphs and lists, its lists as bullets, its sections and
 * kept values, and what the user recorded on it. */
#include "posting.h"
#include "dups.h"
#include "prose.h"
#include "deadline.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* State of one rendering: output, width, label column. */
struct render {
	struct rlines *out;
	int width;
	int label_w; /* display columns of the widest label, with ": " */
	uint8_t deadline; /* what emit gives rline.deadline */
	struct buf san;
	struct wrap_line *wl;
	size_t nwl, wlcap;
};

/* Appends one line (text copied, already sanitised and fitting). */
static void
emit(struct render *r, enum rline_kind kind, const char *s, size_t len,
     size_t label_len)
{
	struct rlines *o = r->out;
	if (o->n == o->cap) {
		size_t cap = o->cap ? o->cap * 2 : 64;
		struct rline *v = realloc(o->v, cap * sizeof(*v));
		if (!v)
			die_nomem();
		o->v = v;
		o->cap = cap;
	}
	char *t = malloc(len + 1);
	if (!t)
		die_nomem();
	memcpy(t, s, len);
	t[len] = '\0';
	o->v[o->n++] = (struct rline){kind, t, label_len, r->deadline};
}

/* Sanitises s into r->san (newlines kept when nl). */
static void
sanitize(struct render *r, const char *s, bool nl)
{
	buf_clear(&r->san);
	text_sanitize(&r->san, s, strlen(s), nl ? SAN_KEEP_NL : 0);
	if (!r->san.s)
		buf_adds(&r->san, "");
}

/* Emits a field's label (sanitised, first_len bytes) on lines of its
 * own, wrapped to the width by display columns, each line all label. */
static void
label_lines(struct render *r, const char *first, size_t first_len)
{
	while (first_len && first[first_len - 1] == ' ')
		first_len--;
	struct wrap_line *wl = NULL;
	size_t nwl = 0, cap = 0;
	text_wrap(first, first_len, r->width, &wl, &nwl, &cap);
	for (size_t i = 0; i < nwl; i++)
		if (wl[i].len)
			emit(r, RL_FIELD, first + wl[i].off, wl[i].len,
			     wl[i].len);
	free(wl);
}

/* Wraps s to the width after an indent: the first line gets first (which
 * is first_cols columns wide, first_len bytes), the others spaces. The
 * indent is at most half the width: a field's label wider than that (a
 * long kept key, or any label on a very narrow pane) keeps its value
 * beside it only when all of it fits there; else the label goes on lines
 * of its own and the value below it, indented by two, so that no line is
 * wider than the width. */
static void
emit_wrapped(struct render *r, enum rline_kind kind, enum rline_kind cont,
             const char *first, size_t first_len, int first_cols,
             const char *s, bool nl)
{
	sanitize(r, s, nl);
	int indent = first_cols;
	bool apart = false, beside = false;
	if (kind == RL_FIELD && indent > r->width / 2) {
		beside = indent <= r->width &&
		         text_width(r->san.s, r->san.len) <=
		                 (size_t)(r->width - indent) &&
		         !memchr(r->san.s, '\n', r->san.len);
		apart = !beside;
	}
	if (apart) {
		label_lines(r, first, first_len);
		first = "";
		first_len = 0;
		first_cols = 0;
		kind = cont;
		indent = 2;
	}
	if (indent > r->width / 2 && !beside)
		indent = r->width / 2;
	int w = r->width - indent;
	if (w < 1)
		w = 1;
	r->nwl = 0;
	text_wrap(r->san.s, r->san.len, w, &r->wl, &r->nwl, &r->wlcap);
	struct buf line = {0};
	if (r->nwl == 0) {
		if (!apart)
			emit(r, kind, first, first_len,
			     kind == RL_FIELD ? first_len : 0);
		return;
	}
	for (size_t i = 0; i < r->nwl; i++) {
		buf_clear(&line);
		if (i == 0) {
			buf_add(&line, first, first_len);
			for (int c = first_cols; c < indent; c++)
				buf_addc(&line, ' ');
		} else {
			for (int c = 0; c < indent; c++)
				buf_addc(&line, ' ');
		}
		buf_add(&line, r->san.s + r->wl[i].off, r->wl[i].len);
		if (!line.s)
			buf_adds(&line, "");
		if (i == 0)
			emit(r, kind, line.s, line.len,
			     kind == RL_FIELD ? first_len : 0);
		else
			emit(r, r->wl[i].len ? cont : RL_BLANK, line.s,
			     line.len, 0);
	}
	buf_free(&line);
}

/* Emits "Label: value" with the value wrapped beside the label, its own
 * line breaks kept when nl (a note). */
static void
field_as(struct render *r, const char *label, const char *value, bool nl)
{
	if (!value || !value[0])
		return;
	struct buf l = {0};
	text_sanitize(&l, label, strlen(label), 0); /* keys come from files */
	buf_adds(&l, ": ");
	int cols = (int)text_width(l.s, l.len);
	while (cols < r->label_w) {
		buf_addc(&l, ' ');
		cols++;
	}
	emit_wrapped(r, RL_FIELD, RL_CONT, l.s, l.len, cols, value, nl);
	buf_free(&l);
}

/* field_as, the value read as one paragraph. */
static void
field(struct render *r, const char *label, const char *value)
{
	field_as(r, label, value, false);
}

/* Emits a blank line unless the last line already is one. */
static void
blank(struct render *r)
{
	if (r->out->n && r->out->v[r->out->n - 1].kind != RL_BLANK)
		emit(r, RL_BLANK, "", 0, 0);
}

/* Emits a heading, preceded by a blank line. */
static void
heading(struct render *r, const char *h)
{
	blank(r);
	emit_wrapped(r, RL_HEADING, RL_HEADING, "", 0, 0, h, false);
}

/* Emits prose: paragraphs wrapped to the width, blank lines between. */
static void
prose(struct render *r, const char *s)
{
	emit_wrapped(r, RL_TEXT, RL_TEXT, "", 0, 0, s, true);
}

/* Emits text in the light form (prose.h): paragraphs wrapped to the
 * width with blank lines between them (a paragraph's own line breaks
 * read as spaces: a text wrapped by hand in its file is wrapped again to
 * the pane), list items as bullets, or with their numbers, their lines
 * under them, nested items indented. */
static void
paragraphs(struct render *r, const char *s)
{
	struct prose p = {0};
	prose_read(s, strlen(s), &p);
	struct buf m = {0}, line = {0};
	for (size_t i = 0; i < p.n; i++) {
		const struct prose_block *b = &p.v[i];
		const struct prose_block *prev = i ? &p.v[i - 1] : NULL;
		/* a list right under the line that leads into it ("You
		 * will:"), else a blank line between blocks */
		if (prev && (b->kind != PROSE_ITEM || prev->kind != PROSE_ITEM) &&
		    !(b->kind == PROSE_ITEM && prev->kind != PROSE_ITEM &&
		      prev->text[strlen(prev->text) - 1] == ':'))
			blank(r);
		if (b->kind != PROSE_ITEM) {
			prose(r, b->text);
			continue;
		}
		buf_clear(&m);
		for (unsigned d = 0; d < b->depth; d++)
			buf_adds(&m, "  ");
		if (b->number)
			buf_printf(&m, "%u. ", b->number);
		else
			buf_adds(&m, "• ");
		int cols = (int)text_width(m.s, m.len);
		if (cols > r->width / 2) {
			/* a narrow pane: the bullet alone, at the left */
			buf_clear(&m);
			buf_adds(&m, "• ");
			cols = 2;
		}
		/* the item's first line after its bullet, its other lines
		 * under the first */
		for (const char *q = b->text, *e; *q; q = *e ? e + 1 : e) {
			e = q + strcspn(q, "\n");
			buf_clear(&line);
			buf_add(&line, q, (size_t)(e - q));
			if (q == b->text) {
				emit_wrapped(r, RL_BULLET, RL_CONT, m.s, m.len, cols,
				             line.s ? line.s : "", false);
				for (size_t k = 0; k < m.len; k++)
					m.s[k] = ' ';
				m.len = (size_t)cols;
				m.s[m.len] = '\0';
			} else {
				emit_wrapped(r, RL_CONT, RL_CONT, m.s, m.len, cols,
				             line.s ? line.s : "", false);
			}
		}
	}
	buf_free(&m);
	buf_free(&line);
	prose_free(&p);
}

/* Emits the items of a list as bullets. */
static void
bullets(struct render *r, const struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		emit_wrapped(r, RL_BULLET, RL_CONT, "• ", strlen("• "), 2,
		             l->v[i], false);
}

/* Emits a headed list, when it has items. */
static void
list_section(struct render *r, const char *title, const struct strlist *l)
{
	if (!l->n)
		return;
	heading(r, title);
	bullets(r, l);
}

/* Emits, for a job loaded from several sources (dups.h), each source:
 * its file, its URL and its id, the one shown first. */
static void
sources(struct render *r, const struct posting *p)
{
	if (dups_count(p) < 2)
		return;
	heading(r, "Sources");
	struct buf b = {0};
	for (const struct posting *q = dups_shown(p); q; q = q->also) {
		buf_clear(&b);
		buf_adds(&b, q->file);
		if (q->source)
			buf_printf(&b, " — %s", q->source);
		buf_printf(&b, " (id %s)", q->id);
		emit_wrapped(r, RL_BULLET, RL_CONT, "• ", strlen("• "), 2, b.s,
		             false);
	}
	buf_free(&b);
}

/* Emits a date-or-text field. */
static void
when_field(struct render *r, const char *label, const struct when *w)
{
	field(r, label, w->text);
}

/* Emits a deadline of p: the one that counts (posting_deadline) with how
 * it stands today when it is closed or closing soon, its lines marked. */
static void
deadline_field(struct render *r, const struct posting *p,
               const struct when *w)
{
	if (w != posting_deadline(p)) {
		when_field(r, "Deadline", w);
		return;
	}
	int32_t today = deadline_today();
	enum deadline_state st = deadline_when(w, today, NULL);
	struct buf b = {0};
	deadline_describe(&b, w, today);
	r->deadline = st == DL_CLOSING || st == DL_CLOSED ? (uint8_t)st : 0;
	field(r, "Deadline", b.s);
	r->deadline = 0;
	buf_free(&b);
}

/* Emits a further section with its groups. */
static void
section(struct render *r, const struct section *s, int depth)
{
	if (depth == 0) {
		heading(r, s->heading);
	} else {
		blank(r);
		struct buf h = {0};
		buf_adds(&h, "▸ ");
		buf_adds(&h, s->heading);
		emit_wrapped(r, RL_HEADING, RL_HEADING, "", 0, 0, h.s, false);
		buf_free(&h);
	}
	if (s->text)
		paragraphs(r, s->text);
	if (s->text && s->items.n)
		blank(r);
	bullets(r, &s->items);
	for (size_t i = 0; i < s->nsub; i++)
		section(r, &s->sub[i], depth + 1);
}

/* Emits a kept value under its key: scalars and short values as fields,
 * lists as bullets. */
static void
extra(struct render *r, const struct xvalue *v)
{
	struct buf t = {0};
	if (v->kind == X_SEQ) {
		bool simple = true;
		for (size_t i = 0; i < v->n; i++)
			if (v->kids[i].kind != X_SCALAR)
				simple = false;
		if (simple && v->n > 1) {
			blank(r);
			emit_wrapped(r, RL_HEADING, RL_HEADING, "", 0, 0, v->key,
			             false);
			for (size_t i = 0; i < v->n; i++)
				emit_wrapped(r, RL_BULLET, RL_CONT, "• ",
				             strlen("• "), 2, v->kids[i].s, false);
			return;
		}
	}
	xvalue_text(&t, v);
	if (t.s && strchr(t.s, '\n')) {
		blank(r);
		emit_wrapped(r, RL_HEADING, RL_HEADING, "", 0, 0, v->key, false);
		prose(r, t.s);
	} else {
		field(r, v->key, t.s);
	}
	buf_free(&t);
}

/* The user's own lines: mark, hiding, rating, status, note. */
static void
mine_lines(struct render *r, const struct posting_mine *m)
{
	if (!m || (!m->marked && !m->hidden && !m->rating && !m->status &&
	           !m->history && !m->followup && !m->changed && !m->note))
		return;
	blank(r);
	if (m->marked)
		field(r, "Shortlist", "marked");
	field(r, "Hidden", m->hidden);
	if (m->rating > 0 && m->rating <= 5) {
		struct buf b = {0};
		for (int i = 1; i <= 5 && m->stars; i++)
			buf_adds(&b, i <= m->rating ? "★" : "☆");
		buf_printf(&b, "%s%d/5", m->stars ? " " : "", m->rating);
		field(r, "Rating", b.s);
		buf_free(&b);
	}
	field(r, "Status", m->status);
	field(r, "History", m->history);
	field(r, "Follow up", m->followup);
	field(r, "Changed", m->changed);
	field_as(r, "Note", m->note, true);
}

void
posting_render(const struct posting *p, int width, struct rlines *out)
{
	posting_render_mine(p, NULL, width, out);
}

void
posting_render_mine(const struct posting *p, const struct posting_mine *mine,
                    int width, struct rlines *out)
{
	struct render r = {.out = out, .width = width < 1 ? 1 : width};
	static const char *const labels[] = {
		"Organization", "Department", "Location", "Workplace",
		"Employment", "Salary", "Experience", "Languages", "Travel",
		"Reports to", "Supervises", "Posted", "Deadline", "Start",
		"Tags", "Source", "Id",
	};
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++) {
		int w = (int)text_width(labels[i], strlen(labels[i])) + 2;
		if (w > r.label_w)
			r.label_w = w;
	}
	struct buf v = {0};

	emit_wrapped(&r, RL_TITLE, RL_TITLE, "", 0, 0, p->title, false);
	mine_lines(&r, mine);
	if (p->problems) {
		blank(&r);
		field(&r, "Problems", "some of it could not be read as "
		      "written (billet --check, or ! in the interface, "
		      "lists what and where)");
	}
	blank(&r);

	if (p->org.name && p->org.short_name)
		buf_printf(&v, "%s (%s)", p->org.name, p->org.short_name);
	else if (posting_org(p, true))
		buf_adds(&v, posting_org(p, true));
	else
		buf_adds(&v, "organization not given");
	if (p->org.url)
		buf_printf(&v, " <%s>", p->org.url);
	field(&r, "Organization", v.s);
	field(&r, "Department", p->department);
	buf_clear(&v);
	posting_location(&v, p);
	field(&r, "Location", v.s);
	buf_clear(&v);
	if (workplace_name(p->workplace))
		buf_adds(&v, workplace_name(p->workplace));
	if (p->workplace_note) {
		if (v.len)
			buf_adds(&v, " — ");
		buf_adds(&v, p->workplace_note);
	}
	field(&r, "Workplace", v.s);
	buf_clear(&v);
	const char *emp[] = {p->employment.type, p->employment.classification};
	posting_join(&v, emp, 2);
	if (p->employment.union_name) {
		if (v.len)
			buf_adds(&v, "; ");
		buf_printf(&v, "union: %s", p->employment.union_name);
	}
	field(&r, "Employment", v.s);
	buf_clear(&v);
	salary_full(&v, &p->salary);
	field(&r, "Salary", v.s);
	buf_clear(&v);
	posting_experience(&v, p);
	field(&r, "Experience", v.s);
	buf_clear(&v);
	for (size_t i = 0; i < p->nlanguages; i++) {
		if (i)
			buf_adds(&v, "; ");
		buf_adds(&v, p->languages[i].name);
		if (p->languages[i].level)
			buf_printf(&v, " (%s)", p->languages[i].level);
	}
	field(&r, "Languages", v.s);
	field(&r, "Travel", p->travel);
	field(&r, "Reports to", p->reports_to);
	field(&r, "Supervises", p->supervises);
	when_field(&r, "Posted", &p->posted);
	deadline_field(&r, p, &p->deadline);
	when_field(&r, "Start", &p->start);
	buf_clear(&v);
	for (size_t i = 0; i < p->tags.n; i++) {
		if (i)
			buf_adds(&v, ", ");
		buf_adds(&v, p->tags.v[i]);
	}
	field(&r, "Tags", v.s);
	field(&r, "Source", p->source);
	field(&r, "Id", p->id);
	sources(&r, p);

	if (p->summary) {
		heading(&r, "Summary");
		paragraphs(&r, p->summary);
	}
	if (p->org.about) {
		heading(&r, "About the organization");
		paragraphs(&r, p->org.about);
	}
	list_section(&r, "Responsibilities", &p->responsibilities);
	list_section(&r, p->preferred.n ? "Required qualifications"
	                                : "Qualifications", &p->qualifications);
	list_section(&r, "Preferred qualifications", &p->preferred);
	if (p->benefits_prose && p->benefits.n) {
		heading(&r, "Benefits");
		paragraphs(&r, p->benefits.v[0]);
	} else {
		list_section(&r, "Benefits", &p->benefits);
	}
	list_section(&r, "Conditions", &p->conditions);

	const struct apply *a = &p->apply;
	if (a->url || a->email || a->phone || a->subject || a->note ||
	    a->documents.n || a->deadline.text) {
		heading(&r, "How to apply");
		field(&r, "Apply at", a->url);
		field(&r, "Email", a->email);
		field(&r, "Phone", a->phone);
		field(&r, "Subject", a->subject);
		buf_clear(&v);
		for (size_t i = 0; i < a->documents.n; i++) {
			if (i)
				buf_adds(&v, ", ");
			buf_adds(&v, a->documents.v[i]);
		}
		field(&r, "Documents", v.s);
		deadline_field(&r, p, &a->deadline);
		if (a->note) {
			blank(&r);
			prose(&r, a->note);
		}
	}
	for (size_t i = 0; i < p->nsections; i++)
		section(&r, &p->sections[i], 0);
	if (p->nextra) {
		size_t before = out->n;
		heading(&r, "Other");
		size_t after = out->n;
		for (size_t i = 0; i < p->nextra; i++)
			extra(&r, &p->extra[i]);
		/* kept values that show nothing (a schema.org reference, an
		 * @id alone) leave no heading over nothing */
		while (out->n == after && out->n > before) {
			free(out->v[out->n - 1].text);
			out->n--;
			after--;
		}
	}
	buf_free(&v);
	buf_free(&r.san);
	free(r.wl);
}

void
rlines_free(struct rlines *out)
{
	for (size_t i = 0; i < out->n; i++)
		free(out->v[i].text);
	free(out->v);
	*out = (struct rlines){0};
}
