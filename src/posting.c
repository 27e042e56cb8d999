/* SPDX-License-Identifier: MIT */
#include "posting.h"
#include "prose.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

const struct when *
posting_deadline(const struct posting *p)
{
	if (p->deadline.ymd || p->deadline.text)
		return &p->deadline;
	return &p->apply.deadline;
}

bool
posting_salary_yearly(const struct posting *p, double *lo, double *hi)
{
	if (!p->salary.present)
		return false;
	double k = period_per_year(p->salary.period);
	*lo = p->salary.open_below ? 0 : p->salary.min * k;
	*hi = p->salary.open_above ? HUGE_VAL : p->salary.max * k;
	return true;
}

/* The sign written before an amount of this currency, or NULL. */
static const char *
currency_sign(const char *cur)
{
	static const struct {
		const char *code, *sign;
	} signs[] = {
		{"USD", "$"}, {"EUR", "€"}, {"GBP", "£"}, {"JPY", "¥"},
		{"CAD", "CA$"}, {"AUD", "A$"}, {"INR", "₹"}, {"NZD", "NZ$"},
		{"MXN", "MX$"}, {"CNY", "CN¥"}, {"KRW", "₩"}, {"BRL", "R$"},
	};
	for (size_t i = 0; i < sizeof(signs) / sizeof(signs[0]); i++)
		if (strcmp(cur, signs[i].code) == 0)
			return signs[i].sign;
	return NULL;
}

/* Appends the currency's sign, or its code and a space. */
static void
add_sign(struct buf *out, const char *cur)
{
	const char *sign = currency_sign(cur[0] ? cur : "USD");
	if (sign) {
		buf_adds(out, sign);
	} else {
		buf_adds(out, cur);
		buf_addc(out, ' ');
	}
}

/* Appends a non-negative number with thousands separators; cents only when
 * the amount has them. */
static void
add_grouped(struct buf *out, double amount)
{
	long long c = llround(amount * 100);
	char digits[32];
	snprintf(digits, sizeof(digits), "%lld", c / 100);
	size_t len = strlen(digits);
	for (size_t i = 0; i < len; i++) {
		if (i > 0 && (len - i) % 3 == 0)
			buf_addc(out, ',');
		buf_addc(out, digits[i]);
	}
	if (c % 100)
		buf_printf(out, ".%02lld", c % 100);
}

void
money_format(struct buf *out, double amount, const char *currency)
{
	if (amount < 0) {
		buf_addc(out, '-');
		amount = -amount;
	}
	add_sign(out, currency);
	add_grouped(out, amount);
}

/* Appends an amount compactly: 62.4k, 67k, 1.2M, 31.50, 26. */
static void
add_compact(struct buf *out, double v)
{
	char tmp[64];
	if (v >= 1e6) {
		snprintf(tmp, sizeof(tmp), "%.2f", v / 1e6);
	} else if (v >= 1000) {
		snprintf(tmp, sizeof(tmp), "%.1f", v / 1000);
	} else if (v != floor(v)) {
		snprintf(tmp, sizeof(tmp), "%.2f", v);
		buf_adds(out, tmp);
		return;
	} else {
		snprintf(tmp, sizeof(tmp), "%.0f", v);
		buf_adds(out, tmp);
		return;
	}
	/* drop trailing zeros of the fraction */
	char *dot = strchr(tmp, '.');
	if (dot) {
		char *end = tmp + strlen(tmp) - 1;
		while (end > dot && *end == '0')
			*end-- = '\0';
		if (end == dot)
			*end = '\0';
	}
	buf_adds(out, tmp);
	buf_adds(out, v >= 1e6 ? "M" : "k");
}

void
salary_compact(struct buf *out, const struct salary *s)
{
	if (!s->present)
		return;
	if (s->open_below)
		buf_adds(out, "≤");
	add_sign(out, s->currency);
	add_compact(out, s->open_below ? s->max : s->min);
	if (s->open_above) {
		buf_addc(out, '+');
	} else if (!s->open_below && s->max != s->min) {
		buf_adds(out, "–");
		add_compact(out, s->max);
	}
	buf_adds(out, period_suffix(s->period));
}

void
salary_full(struct buf *out, const struct salary *s)
{
	if (!s->present)
		return;
	if (s->open_below)
		buf_adds(out, "up to ");
	else if (s->open_above)
		buf_adds(out, "from ");
	money_format(out, s->open_below ? s->max : s->min, s->currency);
	if (!s->open_below && !s->open_above && s->max != s->min) {
		buf_adds(out, "–");
		money_format(out, s->max, s->currency);
	}
	buf_addc(out, ' ');
	buf_adds(out, period_phrase(s->period));
	if (s->note) {
		buf_adds(out, " (");
		buf_adds(out, s->note);
		buf_addc(out, ')');
	}
}

/* Appends the non-NULL parts joined by ", "; returns how many. */
static int
add_joined(struct buf *out, const char *const *parts, size_t n)
{
	int k = 0;
	for (size_t i = 0; i < n; i++) {
		if (!parts[i] || !parts[i][0])
			continue;
		if (k++)
			buf_adds(out, ", ");
		buf_adds(out, parts[i]);
	}
	return k;
}

void
posting_location(struct buf *out, const struct posting *p)
{
	for (size_t i = 0; i < p->nplaces; i++) {
		const struct place *pl = &p->places[i];
		const char *parts[] = {pl->city, pl->region, pl->country};
		if (i)
			buf_adds(out, "; ");
		if (pl->name) {
			buf_adds(out, pl->name);
			struct buf rest = {0};
			if (add_joined(&rest, parts, 3) &&
			    !strstr(pl->name, rest.s)) {
				buf_adds(out, " (");
				buf_add(out, rest.s, rest.len);
				buf_addc(out, ')');
			}
			buf_free(&rest);
		} else {
			add_joined(out, parts, 3);
		}
	}
}

const char *
posting_org(const struct posting *p, bool wide)
{
	if (!wide && p->org.short_name)
		return p->org.short_name;
	return p->org.name ? p->org.name : p->org.short_name;
}

const char *
workplace_name(enum workplace w)
{
	switch (w) {
	case WP_ONSITE: return "onsite";
	case WP_HYBRID: return "hybrid";
	case WP_REMOTE: return "remote";
	default: return NULL;
	}
}

/* A length of experience as people say it: under a year in months, else
 * in years; at most one decimal, and none when it is .0. */
struct span {
	double n;      /* months or years, rounded to a tenth */
	bool months;   /* n counts months */
};

static struct span
span_of(double years)
{
	double m = round(years * 120) / 10; /* months, to a tenth */
	if (m > 0 && m < 12)
		return (struct span){ m, true };
	return (struct span){ round(years * 10) / 10, false };
}

/* Appends s's number: "1", "1.5". */
static void
add_span_number(struct buf *out, struct span s)
{
	if (s.n == floor(s.n))
		buf_printf(out, "%.0f", s.n);
	else
		buf_printf(out, "%.1f", s.n);
}

/* Appends s's unit, " month" or " years"; plural unless s is one or
 * many is false and s is exactly 1. */
static void
add_span_unit(struct buf *out, struct span s, bool many)
{
	buf_adds(out, s.months ? " month" : " year");
	if (many || s.n != 1)
		buf_addc(out, 's');
}

void
posting_experience(struct buf *out, const struct posting *p)
{
	double lo = p->experience.min_years, hi = p->experience.max_years;
	size_t start = out->len;
	struct span a = span_of(lo), b = span_of(hi);
	if (lo >= 0 && hi >= 0 && (a.n != b.n || a.months != b.months)) {
		/* "6–9 months", "2–5 years", "6 months–2 years" */
		add_span_number(out, a);
		if (a.months != b.months)
			add_span_unit(out, a, false);
		buf_adds(out, "–");
		add_span_number(out, b);
		add_span_unit(out, b, true);
	} else if (lo >= 0) {
		/* "1 month", "2 years"; "1+ months": one or more */
		add_span_number(out, a);
		if (hi < 0)
			buf_addc(out, '+');
		add_span_unit(out, a, hi < 0);
	} else if (hi >= 0) {
		buf_adds(out, "up to ");
		add_span_number(out, b);
		add_span_unit(out, b, false);
	}
	if (p->experience.note) {
		if (out->len > start)
			buf_adds(out, " — ");
		buf_adds(out, p->experience.note);
	}
}

/* The child of a mapping with this key, or NULL. */
static const struct xvalue *
xvalue_get(const struct xvalue *v, const char *key)
{
	if (v->kind != X_MAP)
		return NULL;
	for (size_t i = 0; i < v->n; i++)
		if (v->kids[i].key && strcmp(v->kids[i].key, key) == 0)
			return &v->kids[i];
	return NULL;
}

void
xvalue_text(struct buf *out, const struct xvalue *v)
{
	switch (v->kind) {
	case X_SCALAR:
		buf_adds(out, v->s ? v->s : "");
		return;
	case X_SEQ:
		for (size_t i = 0; i < v->n; i++) {
			if (i)
				buf_adds(out, "; ");
			xvalue_text(out, &v->kids[i]);
		}
		return;
	case X_MAP: {
		const struct xvalue *name = xvalue_get(v, "name");
		if (name && name->kind == X_SCALAR) {
			buf_adds(out, name->s);
			return;
		}
		size_t k = 0;
		for (size_t i = 0; i < v->n; i++) {
			const struct xvalue *c = &v->kids[i];
			if (c->key && c->key[0] == '@')
				continue;
			if (k++)
				buf_adds(out, ", ");
			buf_adds(out, c->key ? c->key : "");
			buf_adds(out, ": ");
			xvalue_text(out, c);
		}
		return;
	}
	}
}

/* Rendering ------------------------------------------------------------ */

/* State of one rendering: output, width, label column. */
struct render {
	struct rlines *out;
	int width;
	int label_w; /* display columns of the widest label, with ": " */
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
	o->v[o->n++] = (struct rline){kind, t, label_len};
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

/* Emits a date-or-text field. */
static void
when_field(struct render *r, const char *label, const struct when *w)
{
	field(r, label, w->text);
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
	           !m->note))
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
	add_joined(&v, emp, 2);
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
	when_field(&r, "Deadline", &p->deadline);
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
		when_field(&r, "Deadline", &a->deadline);
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

/* Searchable text ------------------------------------------------------ */

/* Calls fn on every scalar of a kept value. */
static bool
each_x(const struct xvalue *v,
       bool (*fn)(void *ctx, const char *field, const char *s), void *ctx)
{
	if (v->key && fn(ctx, "other", v->key))
		return true;
	if (v->kind == X_SCALAR)
		return v->s && fn(ctx, "other", v->s);
	for (size_t i = 0; i < v->n; i++)
		if (each_x(&v->kids[i], fn, ctx))
			return true;
	return false;
}

/* Calls fn on every item of a list. */
static bool
each_list(const struct strlist *l, const char *field,
          bool (*fn)(void *ctx, const char *field, const char *s), void *ctx)
{
	for (size_t i = 0; i < l->n; i++)
		if (fn(ctx, field, l->v[i]))
			return true;
	return false;
}

/* Calls fn on a section's text, items and groups. */
static bool
each_section(const struct section *s,
             bool (*fn)(void *ctx, const char *field, const char *s),
             void *ctx)
{
	if (s->heading && fn(ctx, "text", s->heading))
		return true;
	if (s->text && fn(ctx, "text", s->text))
		return true;
	if (each_list(&s->items, "text", fn, ctx))
		return true;
	for (size_t i = 0; i < s->nsub; i++)
		if (each_section(&s->sub[i], fn, ctx))
			return true;
	return false;
}

bool
posting_each_text(const struct posting *p,
                  bool (*fn)(void *ctx, const char *field, const char *s),
                  void *ctx)
{
#define T(field, s) \
	do { \
		if ((s) && fn(ctx, field, s)) \
			return true; \
	} while (0)
	T("id", p->id);
	T("title", p->title);
	T("org", p->org.name);
	T("org", p->org.short_name);
	T("org", p->org.url);
	T("dept", p->department);
	for (size_t i = 0; i < p->nplaces; i++) {
		T("loc", p->places[i].name);
		T("loc", p->places[i].city);
		T("loc", p->places[i].region);
		T("loc", p->places[i].country);
	}
	T("workplace", workplace_name(p->workplace));
	T("workplace.note", p->workplace_note);
	T("type", p->employment.type);
	T("type", p->employment.classification);
	T("union", p->employment.union_name);
	for (size_t i = 0; i < p->nlanguages; i++) {
		T("lang", p->languages[i].name);
		T("lang", p->languages[i].level);
	}
	if (each_list(&p->tags, "tag", fn, ctx))
		return true;
	T("text", p->salary.note);
	T("text", p->posted.text);
	T("deadline", p->deadline.text);
	T("start", p->start.text);
	T("text", p->reports_to);
	T("text", p->supervises);
	T("text", p->travel);
	T("text", p->experience.note);
	T("text", p->summary);
	T("text", p->org.about);
	if (each_list(&p->responsibilities, "text", fn, ctx) ||
	    each_list(&p->qualifications, "text", fn, ctx) ||
	    each_list(&p->preferred, "text", fn, ctx) ||
	    each_list(&p->benefits, "text", fn, ctx) ||
	    each_list(&p->conditions, "text", fn, ctx) ||
	    each_list(&p->apply.documents, "text", fn, ctx))
		return true;
	T("text", p->apply.url);
	T("text", p->apply.email);
	T("text", p->apply.phone);
	T("text", p->apply.subject);
	T("text", p->apply.note);
	T("deadline", p->apply.deadline.text);
	T("text", p->source);
	for (size_t i = 0; i < p->nsections; i++)
		if (each_section(&p->sections[i], fn, ctx))
			return true;
	for (size_t i = 0; i < p->nextra; i++)
		if (each_x(&p->extra[i], fn, ctx))
			return true;
#undef T
	return false;
}
