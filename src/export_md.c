/* SPDX-License-Identifier: MIT */
/* export_md: postings as Markdown that reads well pasted into an email or
 * a document: a table whose titles are links, then a heading per posting
 * with its fields as a list, its lists as lists, its sections headed.
 * Every text is sanitised, then escaped so that it is shown as written. */
#include "export_int.h"
#include "day.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

/* How md_text escapes. */
enum {
	MD_BLOCK = 1,   /* the text starts a block (paragraph, list item,
	                 * heading): what would make it a heading, a quote,
	                 * a list or a rule is escaped too */
	MD_HEADING = 2, /* the text is a heading's: a closing # is escaped */
};

/* True when s (at a "&") starts an entity reference such as &amp; or
 * &#39;, which Markdown would turn into its character. */
static bool
entity_at(const char *s)
{
	const char *q = s + 1;
	if (*q == '#')
		q++;
	const char *b = q;
	while (isalnum((unsigned char)*q))
		q++;
	return q > b && *q == ';';
}

/* Appends one line of text (line breaks read as spaces), sanitised and
 * escaped so that Markdown shows it as written: \ | * _ ` [ ] < ~ and
 * entity references everywhere; with MD_BLOCK also a leading #, >, -,
 * +, = or "1." and the blanks before them. */
static void
md_text(struct buf *out, const char *s, int flags)
{
	struct buf t = {0};
	text_sanitize(&t, s, strlen(s), 0);
	const char *q = t.s ? t.s : "";
	if (flags & MD_BLOCK) {
		while (*q == ' ')
			q++;
		if (*q == '#' || *q == '>' || *q == '-' || *q == '+' ||
		    *q == '=') {
			buf_addc(out, '\\');
		} else if (isdigit((unsigned char)*q)) {
			const char *d = q;
			while (isdigit((unsigned char)*d))
				d++;
			if (*d == '.' || *d == ')') {
				buf_add(out, q, (size_t)(d - q));
				buf_addc(out, '\\');
				q = d;
			}
		}
	}
	size_t len = strlen(q);
	while ((flags & MD_BLOCK) && len && q[len - 1] == ' ')
		len--;
	for (size_t i = 0; i < len; i++) {
		char ch = q[i];
		if (strchr("\\|*_`[]<~", ch) || (ch == '&' && entity_at(q + i)) ||
		    ((flags & MD_HEADING) && ch == '#' && i == len - 1))
			buf_addc(out, '\\');
		buf_addc(out, ch);
	}
	buf_free(&t);
}

/* True when url is one a link may lead to: http or https. */
static bool
md_linkable(const char *url)
{
	return url && (!strncasecmp(url, "http://", 7) ||
	               !strncasecmp(url, "https://", 8)) && url[8];
}

/* Appends a URL for a link's destination or an autolink: every byte that
 * is not printable ASCII, and those that would end or break the link
 * (< > ( ) [ ] | \ " ` ' and blanks), percent-encoded. */
static void
md_url(struct buf *out, const char *url)
{
	for (const unsigned char *q = (const unsigned char *)url; *q; q++) {
		if (*q <= 0x20 || *q >= 0x7F || strchr("<>()[]|\\\"`'", *q))
			buf_printf(out, "%%%02X", *q);
		else
			buf_addc(out, (char)*q);
	}
}

/* Appends text, as a link to url when url is http(s). */
static void
md_link(struct buf *out, const char *text, const char *url)
{
	if (!md_linkable(url)) {
		md_text(out, text, 0);
		return;
	}
	buf_addc(out, '[');
	md_text(out, text, 0);
	buf_adds(out, "](");
	md_url(out, url);
	buf_addc(out, ')');
}

/* Appends a URL: an autolink when it is http(s), else text. */
static void
md_autolink(struct buf *out, const char *url)
{
	if (!md_linkable(url)) {
		md_text(out, url, 0);
		return;
	}
	buf_addc(out, '<');
	md_url(out, url);
	buf_addc(out, '>');
}

/* Appends text as a code span, its fence longer than any run of
 * backticks in it. */
static void
md_code(struct buf *out, const char *s)
{
	struct buf t = {0};
	text_sanitize(&t, s, strlen(s), 0);
	const char *q = t.s ? t.s : "";
	size_t run = 0, fence = 1;
	for (const char *c = q; *c; c++) {
		run = *c == '`' ? run + 1 : 0;
		if (run >= fence)
			fence = run + 1;
	}
	bool pad = *q == '`' || (*q && q[strlen(q) - 1] == '`');
	for (size_t i = 0; i < fence; i++)
		buf_addc(out, '`');
	if (pad)
		buf_addc(out, ' ');
	buf_adds(out, q);
	if (pad)
		buf_addc(out, ' ');
	for (size_t i = 0; i < fence; i++)
		buf_addc(out, '`');
	buf_free(&t);
}

/* Appends a table cell: one line, the lines of s joined by " / ". */
static void
md_cell(struct buf *out, const char *s)
{
	buf_addc(out, ' ');
	for (const char *q = s ? s : ""; *q;) {
		size_t len = strcspn(q, "\n");
		char *line = xstrndup(q, len);
		if (q != s && len)
			buf_adds(out, " / ");
		md_text(out, line, 0);
		free(line);
		q += len;
		while (*q == '\n')
			q++;
	}
	buf_adds(out, " |");
}

void
export_md_cell(struct buf *out, const char *s)
{
	md_cell(out, s);
}

/* Appends "- **Label:** " for a field's value. */
static void
md_label(struct buf *out, const char *label)
{
	buf_adds(out, "- **");
	md_text(out, label, 0);
	buf_adds(out, ":** ");
}

/* Appends a field as an item of the posting's list, when it has a value;
 * its own line breaks kept (hard breaks) when nl, else read as spaces. */
static void
md_field_as(struct buf *out, const char *label, const char *value, bool nl)
{
	if (!value || !*value)
		return;
	md_label(out, label);
	if (!nl) {
		md_text(out, value, 0);
		buf_addc(out, '\n');
		return;
	}
	for (const char *q = value; *q;) {
		size_t len = strcspn(q, "\n");
		char *line = xstrndup(q, len);
		if (q != value)
			buf_adds(out, "  ");
		md_text(out, line, q == value ? 0 : MD_BLOCK);
		free(line);
		q += len;
		if (*q)
			q++;
		/* a hard break, unless it is the last line */
		buf_adds(out, *q ? "\\\n" : "\n");
	}
}

/* md_field_as on one line. */
static void
md_field(struct buf *out, const char *label, const char *value)
{
	md_field_as(out, label, value, false);
}

/* Appends a heading of the given level. */
static void
md_heading(struct buf *out, int level, const char *text)
{
	if (!(out->len >= 2 && !strcmp(out->s + out->len - 2, "\n\n")))
		buf_addc(out, '\n');
	for (int i = 0; i < level && i < 6; i++)
		buf_addc(out, '#');
	buf_addc(out, ' ');
	md_text(out, text, MD_BLOCK | MD_HEADING);
	buf_adds(out, "\n\n");
}

/* Appends a list item at the given indent. */
static void
md_item(struct buf *out, int indent, const char *text)
{
	for (int i = 0; i < indent; i++)
		buf_addc(out, ' ');
	buf_adds(out, "- ");
	md_text(out, text, MD_BLOCK);
	buf_addc(out, '\n');
}

/* Appends a list's items. */
static void
md_list(struct buf *out, const struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		md_item(out, 0, l->v[i]);
}

/* The length of a list item's marker at the start of s ("- ", "* ",
 * "• ", "+ "), or of an ordered one ("1. ", "2) ") in *ordered; 0 when
 * the line is no item. */
static size_t
item_marker(const char *s, bool *ordered)
{
	*ordered = false;
	if ((*s == '-' || *s == '*' || *s == '+') && s[1] == ' ')
		return 2;
	if (!strncmp(s, "• ", strlen("• ")))
		return strlen("• ");
	const char *d = s;
	while (isdigit((unsigned char)*d))
		d++;
	if (d > s && d - s < 10 && (*d == '.' || *d == ')') && d[1] == ' ') {
		*ordered = true;
		return (size_t)(d - s) + 2;
	}
	return 0;
}

/* Prose being turned into Markdown blocks. */
struct prose {
	struct buf *out;
	struct buf text;  /* the block being gathered: its lines, joined by
	                   * '\n' where a hard break goes */
	bool item;        /* it is a list item, its marker in marker */
	char marker[16];  /* "- " or "3. " */
	int last;         /* what was written last: 0 nothing, 1 a
	                   * paragraph, 2 an item */
	bool blank;       /* a blank line since then */
};

/* Writes the gathered block: a blank line before it unless it is an item
 * that follows an item, its lines joined by hard breaks. */
static void
prose_flush(struct prose *pr)
{
	if (!pr->text.len)
		return;
	int kind = pr->item ? 2 : 1;
	if (pr->last && (pr->blank || kind != 2 || pr->last != 2))
		buf_addc(pr->out, '\n');
	if (pr->item)
		buf_adds(pr->out, pr->marker);
	for (const char *q = pr->text.s; *q;) {
		size_t len = strcspn(q, "\n");
		char *line = xstrndup(q, len);
		md_text(pr->out, line, MD_BLOCK);
		free(line);
		q += len;
		if (!*q)
			break;
		q++;
		buf_adds(pr->out, "\\\n");
		for (size_t k = 0; pr->item && k < strlen(pr->marker); k++)
			buf_addc(pr->out, ' ');
	}
	buf_addc(pr->out, '\n');
	pr->last = kind;
	pr->blank = false;
	buf_clear(&pr->text);
}

/* Appends prose: paragraphs (split at blank lines) whose lines are
 * joined, as the detail view joins them; a line that is a list item
 * ("- ", "• ", "1. ") becomes one of Markdown's, and an indented line
 * goes on a line of its own (a hard break). */
static void
md_prose(struct buf *out, const char *s)
{
	struct prose pr = {.out = out};
	for (const char *q = s;;) {
		size_t len = strcspn(q, "\n");
		const char *b = q, *e = q + len;
		while (b < e && (*b == ' ' || *b == '\t'))
			b++;
		while (e > b && (e[-1] == ' ' || e[-1] == '\t' ||
		                 e[-1] == '\r'))
			e--;
		bool ordered;
		size_t m = b < e ? item_marker(b, &ordered) : 0;
		if (m >= (size_t)(e - b))
			m = 0; /* "- " and nothing: text */
		if (b == e) {
			prose_flush(&pr);
			pr.blank = pr.last != 0;
		} else if (m) {
			prose_flush(&pr);
			pr.item = true;
			if (ordered)
				snprintf(pr.marker, sizeof(pr.marker), "%.*s. ",
				         (int)(m - 2), b);
			else
				strcpy(pr.marker, "- ");
			buf_add(&pr.text, b + m, (size_t)(e - b) - m);
		} else {
			if (!pr.text.len)
				pr.item = false;
			else
				buf_addc(&pr.text, b > q ? '\n' : ' ');
			buf_add(&pr.text, b, (size_t)(e - b));
		}
		if (!q[len])
			break;
		q += len + 1;
	}
	prose_flush(&pr);
	buf_free(&pr.text);
}

/* Appends a further section: its text, its items, its groups headed one
 * level down. */
static void
md_section(struct buf *out, const struct section *s, int level)
{
	md_heading(out, level, s->heading ? s->heading : "");
	if (s->text)
		md_prose(out, s->text);
	if (s->text && s->items.n)
		buf_addc(out, '\n');
	md_list(out, &s->items);
	for (size_t i = 0; i < s->nsub; i++)
		md_section(out, &s->sub[i], level + 1);
}

/* Appends a kept value as an item at indent: a scalar beside its key,
 * a list's or a mapping's entries as items below it. */
static void
md_xvalue(struct buf *out, const struct xvalue *v, int indent)
{
	for (int i = 0; i < indent; i++)
		buf_addc(out, ' ');
	buf_adds(out, "- ");
	if (v->key) {
		buf_adds(out, "**");
		md_text(out, v->key, 0);
		buf_adds(out, ":**");
	}
	if (v->kind == X_SCALAR) {
		if (v->s && *v->s) {
			if (v->key)
				buf_addc(out, ' ');
			md_text(out, v->s, v->key ? 0 : MD_BLOCK);
		}
		buf_addc(out, '\n');
		return;
	}
	/* an item that is a mapping of scalars: its entries on its line */
	bool flat = !v->key && v->kind == X_MAP && v->n;
	for (size_t i = 0; flat && i < v->n; i++)
		flat = v->kids[i].kind == X_SCALAR;
	for (size_t i = 0; flat && i < v->n; i++) {
		buf_adds(out, i ? "; **" : "**");
		md_text(out, v->kids[i].key ? v->kids[i].key : "", 0);
		buf_adds(out, ":**");
		if (v->kids[i].s && *v->kids[i].s) {
			buf_addc(out, ' ');
			md_text(out, v->kids[i].s, 0);
		}
	}
	if (!flat && !v->key)
		out->len--, out->s[out->len] = '\0'; /* "-" alone */
	buf_addc(out, '\n');
	for (size_t i = 0; !flat && i < v->n; i++)
		md_xvalue(out, &v->kids[i], indent + 2);
}

/* The user's state of p, from the hooks. */
struct mine {
	bool marked, hidden;
	int rating;
	const char *status, *note;
};

/* Reads what the hooks record about p (nothing without them). */
static struct mine
mine_of(const struct posting *p, const struct export_hooks *h)
{
	struct mine m = {0};
	if (!h)
		return m;
	m.marked = h->marked && h->marked(h->ctx, p);
	m.hidden = h->hidden && h->hidden(h->ctx, p);
	m.rating = h->rating ? h->rating(h->ctx, p) : 0;
	m.status = h->status ? h->status(h->ctx, p) : NULL;
	m.note = h->note ? h->note(h->ctx, p) : NULL;
	return m;
}

/* Appends the summary table: titles linked to the apply URL, else the
 * source; with the state, its mark, rating, status and note. */
static void
md_table(struct buf *out, struct posting *const *v, size_t n,
         const struct export_hooks *h)
{
	buf_adds(out, "| Title | Organization | Location | Salary | Deadline |");
	if (h)
		buf_adds(out, " Marked | Rating | Status | Note |");
	buf_adds(out, "\n| --- | --- | --- | --- | --- |");
	if (h)
		buf_adds(out, " --- | --- | --- | --- |");
	buf_addc(out, '\n');
	struct row r = {0};
	for (size_t i = 0; i < n; i++) {
		const struct posting *p = v[i];
		export_row_fill(&r, p, NULL, false);
		buf_adds(out, "| ");
		md_link(out, p->title ? p->title : "",
		        md_linkable(p->apply.url) ? p->apply.url : p->source);
		buf_adds(out, " |");
		md_cell(out, r.cell[2].s);
		md_cell(out, r.cell[3].s);
		md_cell(out, r.cell[5].s);
		md_cell(out, r.cell[6].s);
		if (h) {
			struct mine m = mine_of(p, h);
			md_cell(out, m.marked ? "✓" : "");
			char rating[8] = "";
			if (m.rating > 0 && m.rating <= 5)
				snprintf(rating, sizeof(rating), "%d/5",
				         m.rating);
			md_cell(out, rating);
			md_cell(out, m.status);
			md_cell(out, m.note);
		}
		buf_addc(out, '\n');
	}
	export_row_free(&r);
}

/* Appends the posting's fields as a list: with the state, the user's
 * first, as the detail view has them. */
static void
md_fields(struct buf *out, const struct posting *p,
          const struct export_hooks *h)
{
	struct buf v = {0};
	struct mine m = mine_of(p, h);
	if (m.marked)
		md_field(out, "Shortlist", "marked");
	if (m.hidden)
		md_field(out, "Hidden", "yes");
	if (m.rating > 0 && m.rating <= 5) {
		buf_printf(&v, "%d/5", m.rating);
		md_field(out, "Rating", v.s);
		buf_clear(&v);
	}
	md_field(out, "Status", m.status);
	if (h && h->history) {
		h->history(h->ctx, p, &v);
		md_field(out, "History", v.s);
		buf_clear(&v);
	}
	int32_t followup = h && h->followup_day ? h->followup_day(h->ctx, p)
	                                        : 0;
	if (followup) {
		char d[11];
		day_format(followup, d);
		md_field(out, "Follow-up", d);
	}
	md_field_as(out, "Note", m.note, true);
	if (p->problems)
		md_field(out, "Problems", "some of it could not be read as "
		         "written (billet --check lists what and where)");
	if (p->org.name && p->org.short_name)
		buf_printf(&v, "%s (%s)", p->org.name, p->org.short_name);
	else if (posting_org(p, true))
		buf_adds(&v, posting_org(p, true));
	if (v.len || p->org.url) {
		md_label(out, "Organization");
		if (v.len && md_linkable(p->org.url)) {
			md_link(out, v.s, p->org.url);
		} else {
			md_text(out, v.s ? v.s : "", 0);
			if (p->org.url) {
				buf_adds(out, v.len ? " — " : "");
				md_autolink(out, p->org.url);
			}
		}
		buf_addc(out, '\n');
	}
	md_field(out, "Department", p->department);
	buf_clear(&v);
	posting_location(&v, p);
	md_field(out, "Location", v.s);
	buf_clear(&v);
	if (workplace_name(p->workplace))
		buf_adds(&v, workplace_name(p->workplace));
	if (p->workplace_note)
		buf_printf(&v, "%s%s", v.len ? " — " : "", p->workplace_note);
	md_field(out, "Workplace", v.s);
	buf_clear(&v);
	if (p->employment.type)
		buf_adds(&v, p->employment.type);
	if (p->employment.classification)
		buf_printf(&v, "%s%s", v.len ? ", " : "",
		           p->employment.classification);
	if (p->employment.union_name)
		buf_printf(&v, "%sunion: %s", v.len ? "; " : "",
		           p->employment.union_name);
	md_field(out, "Employment", v.s);
	buf_clear(&v);
	salary_full(&v, &p->salary);
	md_field(out, "Salary", v.s);
	buf_clear(&v);
	posting_experience(&v, p);
	md_field(out, "Experience", v.s);
	buf_clear(&v);
	for (size_t i = 0; i < p->nlanguages; i++) {
		buf_printf(&v, "%s%s", i ? "; " : "", p->languages[i].name);
		if (p->languages[i].level)
			buf_printf(&v, " (%s)", p->languages[i].level);
	}
	md_field(out, "Languages", v.s);
	md_field(out, "Travel", p->travel);
	md_field(out, "Reports to", p->reports_to);
	md_field(out, "Supervises", p->supervises);
	md_field(out, "Posted", p->posted.text);
	md_field(out, "Deadline", p->deadline.text);
	md_field(out, "Start", p->start.text);
	buf_clear(&v);
	for (size_t i = 0; i < p->tags.n; i++)
		buf_printf(&v, "%s%s", i ? ", " : "", p->tags.v[i]);
	md_field(out, "Tags", v.s);
	if (p->source) {
		md_label(out, "Source");
		md_autolink(out, p->source);
		buf_addc(out, '\n');
	}
	if (p->id) {
		md_label(out, "Id");
		md_code(out, p->id);
		buf_addc(out, '\n');
	}
	buf_free(&v);
}

/* Appends how to apply, when the posting says. */
static void
md_apply(struct buf *out, const struct apply *a)
{
	if (!a->url && !a->email && !a->phone && !a->subject && !a->note &&
	    !a->documents.n && !a->deadline.text)
		return;
	md_heading(out, 3, "How to apply");
	if (a->url) {
		md_label(out, "Apply at");
		md_autolink(out, a->url);
		buf_addc(out, '\n');
	}
	md_field(out, "Email", a->email);
	md_field(out, "Phone", a->phone);
	md_field(out, "Subject", a->subject);
	struct buf v = {0};
	for (size_t i = 0; i < a->documents.n; i++)
		buf_printf(&v, "%s%s", i ? ", " : "", a->documents.v[i]);
	md_field(out, "Documents", v.s);
	buf_free(&v);
	md_field(out, "Deadline", a->deadline.text);
	if (a->note) {
		if (a->url || a->email || a->phone || a->subject ||
		    a->documents.n || a->deadline.text)
			buf_addc(out, '\n');
		md_prose(out, a->note);
	}
}

/* Appends one posting in full: "## Title — Organization", its fields,
 * then its texts, lists and sections under ### headings. */
static void
md_posting(struct buf *out, const struct posting *p,
           const struct export_hooks *h)
{
	struct buf head = {0};
	buf_adds(&head, p->title ? p->title : "");
	if (posting_org(p, true))
		buf_printf(&head, " — %s", posting_org(p, true));
	md_heading(out, 2, head.s);
	buf_free(&head);
	md_fields(out, p, h);
	if (p->summary) {
		md_heading(out, 3, "Summary");
		md_prose(out, p->summary);
	}
	if (p->org.about) {
		md_heading(out, 3, "About the organization");
		md_prose(out, p->org.about);
	}
	if (p->responsibilities.n) {
		md_heading(out, 3, "Responsibilities");
		md_list(out, &p->responsibilities);
	}
	if (p->qualifications.n) {
		md_heading(out, 3, p->preferred.n ? "Required qualifications"
		                                  : "Qualifications");
		md_list(out, &p->qualifications);
	}
	if (p->preferred.n) {
		md_heading(out, 3, "Preferred qualifications");
		md_list(out, &p->preferred);
	}
	if (p->benefits.n) {
		md_heading(out, 3, "Benefits");
		if (p->benefits_prose)
			md_prose(out, p->benefits.v[0]);
		else
			md_list(out, &p->benefits);
	}
	if (p->conditions.n) {
		md_heading(out, 3, "Conditions");
		md_list(out, &p->conditions);
	}
	md_apply(out, &p->apply);
	for (size_t i = 0; i < p->nsections; i++)
		md_section(out, &p->sections[i], 3);
	if (p->nextra) {
		md_heading(out, 3, "Other");
		for (size_t i = 0; i < p->nextra; i++)
			md_xvalue(out, &p->extra[i], 0);
	}
}

void
export_markdown(FILE *f, struct posting *const *v, size_t n,
                const struct export_hooks *h)
{
	struct buf o = {0};
	if (!n) {
		buf_adds(&o, "No postings.\n");
		export_flush(f, &o);
		buf_free(&o);
		return;
	}
	md_table(&o, v, n, h);
	export_flush(f, &o);
	for (size_t i = 0; i < n; i++) {
		md_posting(&o, v[i], h);
		export_flush(f, &o);
	}
	buf_free(&o);
}
