/* SPDX-License-Identifier: MIT */
/* load/plaintext: plain text as people paste it from a web page -> its
 * parts. The first short line is the title; "Label: value" lines, and a
 * label alone on a line followed by its value, are fields; a short line
 * in capitals, a short line ending in ':', a short line followed by a
 * list, or a heading billet knows (Responsibilities, Requisitos...) heads
 * a section; bullets and numbers make list items; everything else is
 * paragraphs, kept in order. Nothing is dropped: every line ends up in a
 * title, a label, a heading, a paragraph or an item. */
#include "load/plaintext.h"
#include "load/headings.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* One line of the text. */
struct pline {
	const char *s;    /* its text without the blanks around it */
	size_t len;       /* 0: a blank line */
	unsigned no;      /* 1-based */
	int indent;       /* columns of blanks before it */
	size_t mark;      /* bytes of its bullet and the blanks after it, 0
	                   * when it is no list item */
};

/* Bytes of the blank at s (space, tab, no-break space), or 0. */
static size_t
blank_at(const char *s, size_t len)
{
	if (len && (*s == ' ' || *s == '\t'))
		return 1;
	if (len >= 2 && (unsigned char)s[0] == 0xC2 && (unsigned char)s[1] == 0xA0)
		return 2;
	return 0;
}

void
pt_squeeze(struct buf *out, const char *s, size_t len)
{
	bool space = false, any = false;
	for (size_t i = 0; i < len;) {
		size_t b = blank_at(s + i, len - i);
		if (b || s[i] == '\n') {
			space = true;
			i += b ? b : 1;
			continue;
		}
		if (space && any)
			buf_addc(out, ' ');
		space = false;
		any = true;
		buf_addc(out, s[i++]);
	}
	if (!any)
		buf_adds(out, "");
}

/* Bullet characters that may touch their text ("•Item"). */
static const char *const glyphs[] = {
	"•", "◦", "▪", "▫", "‣", "●", "○", "■", "□", "►", "▶", "➢", "➤",
	"✓", "✔", "·", "⁃",
};

/* Bytes of a list marker and the blanks after it at s, or 0: a bullet
 * glyph, "-", "*", "+", "–", "—", or "1." "1)" "(1)" "a)" before a blank. */
static size_t
marker_len(const char *s, size_t len)
{
	size_t m = 0;
	bool touch = false;
	for (size_t i = 0; i < sizeof(glyphs) / sizeof(glyphs[0]); i++) {
		size_t gl = strlen(glyphs[i]);
		if (len > gl && !memcmp(s, glyphs[i], gl)) {
			m = gl;
			touch = true;
			break;
		}
	}
	if (!m && len > 1 && (s[0] == '-' || s[0] == '*' || s[0] == '+'))
		m = 1;
	if (!m && len > 3 && (!memcmp(s, "–", 3) || !memcmp(s, "—", 3)))
		m = 3;
	if (!m) {
		size_t i = s[0] == '(' ? 1 : 0, d = i;
		while (d < len && d - i < 3 && s[d] >= '0' && s[d] <= '9')
			d++;
		if (d == i && d < len && ((s[d] >= 'a' && s[d] <= 'z') ||
		                          (s[d] >= 'A' && s[d] <= 'Z')) &&
		    d + 1 < len && s[d + 1] == ')')
			d++; /* "a)" */
		if (d > i && d < len && (s[d] == '.' || s[d] == ')') &&
		    (i == 0 || s[d] == ')') && !(d == i + 1 && s[d] == '.' &&
		                                 !(s[i] >= '0' && s[i] <= '9')))
			m = d + 1;
	}
	if (!m)
		return 0;
	size_t b = blank_at(s + m, len - m), e = m;
	if (!b && !touch)
		return 0;
	while ((b = blank_at(s + e, len - e)) != 0)
		e += b;
	return e < len ? e : 0; /* a marker with no text is no item */
}

/* Cuts the text into lines. */
static struct pline *
lines_of(const char *s, size_t len, size_t *n)
{
	size_t cap = 64, k = 0;
	struct pline *v = xmalloc(cap * sizeof(*v));
	unsigned no = 0;
	for (size_t i = 0; i <= len;) {
		const char *nl = i < len ? memchr(s + i, '\n', len - i) : NULL;
		size_t e = nl ? (size_t)(nl - s) : len;
		if (i == len && k > 0 && !nl && i > 0 && s[len - 1] == '\n')
			break;
		struct pline l = {.s = s + i, .len = e - i, .no = ++no};
		size_t b;
		while (l.len && (b = blank_at(l.s, l.len)) != 0) {
			l.indent += *l.s == '\t' ? 4 : 1;
			l.s += b;
			l.len -= b;
		}
		while (l.len && (l.s[l.len - 1] == ' ' || l.s[l.len - 1] == '\t' ||
		                 (l.len >= 2 && (unsigned char)l.s[l.len - 2] == 0xC2 &&
		                  (unsigned char)l.s[l.len - 1] == 0xA0)))
			l.len -= l.s[l.len - 1] == ' ' || l.s[l.len - 1] == '\t' ? 1 : 2;
		l.mark = l.len ? marker_len(l.s, l.len) : 0;
		if (k == cap)
			v = xrealloc(v, (cap *= 2) * sizeof(*v));
		v[k++] = l;
		i = e + 1;
		if (!nl)
			break;
	}
	*n = k;
	return v;
}

/* Words of s: runs of non-blanks. */
static size_t
words(const char *s, size_t len)
{
	size_t w = 0;
	bool in = false;
	for (size_t i = 0; i < len; i++) {
		bool blank = s[i] == ' ' || s[i] == '\t';
		if (!blank && !in)
			w++;
		in = !blank;
	}
	return w;
}

/* True when s is short enough for a heading or a label: at most 80 bytes
 * and 10 words, with a letter or a digit, not ending like a sentence or a
 * list (. , ;), not starting with a lowercase letter. */
static bool
short_line(const char *s, size_t len)
{
	if (!len || len > 80 || words(s, len) > 10)
		return false;
	/* ":" or "* * *" alone names nothing: no heading of it */
	bool named = false;
	for (size_t i = 0; i < len && !named; i++) {
		unsigned char c = (unsigned char)s[i];
		named = c >= 0x80 || (c >= '0' && c <= '9') ||
		        ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
	}
	if (!named)
		return false;
	char last = s[len - 1];
	if (last == '.' || last == ',' || last == ';')
		return false;
	return !(s[0] >= 'a' && s[0] <= 'z');
}

/* True when s has two letters or more and no lowercase one. */
static bool
caps(const char *s, size_t len)
{
	size_t upper = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += text_decode(s + i, len - i, &cp);
		if ((cp >= 'a' && cp <= 'z') ||
		    (cp >= 0xDF && cp <= 0xFF && cp != 0xF7))
			return false;
		if (text_fold_cp(cp) != cp)
			upper++;
		else if (cp >= 0x100 && cp < 0x250)
			return false; /* a lowercase Latin Extended letter */
	}
	return upper >= 2;
}

/* The text of s folded to lowercase, its trailing ':' and blanks
 * dropped, in out. */
static void
folded(struct buf *out, const char *s, size_t len)
{
	buf_clear(out);
	while (len && (s[len - 1] == ':' || s[len - 1] == ' '))
		len--;
	text_fold(out, s, len);
	buf_adds(out, "");
}

/* The section a heading names (the table of headings.c, the heading
 * whole; "About ..." the organization's unless it is the job's), or -1
 * when billet does not know it. */
static int
canon_of(struct buf *tmp, const char *s, size_t len)
{
	if (!len)
		return -1;
	buf_clear(tmp);
	buf_add(tmp, s, len);
	switch (headings_name(tmp->s, HEADING_WHOLE | HEADING_ANY_ABOUT,
	                      NULL)) {
	case HEADING_SUMMARY: return PT_SUMMARY;
	case HEADING_ABOUT: return PT_ABOUT;
	case HEADING_RESP: return PT_RESP;
	case HEADING_QUAL: return PT_QUAL;
	case HEADING_PREF: return PT_PREF;
	case HEADING_BENEFITS: return PT_BENEFITS;
	case HEADING_CONDITIONS: return PT_CONDITIONS;
	case HEADING_APPLY: return PT_APPLY;
	case HEADING_NONE: break;
	}
	return -1;
}

/* Labels billet knows, folded, English and Spanish. */
static const struct {
	const char *text;
	enum pt_field field;
} labels[] = {
	{"title", PF_TITLE}, {"job title", PF_TITLE},
	{"position title", PF_TITLE}, {"position", PF_TITLE},
	{"puesto", PF_TITLE}, {"cargo", PF_TITLE},
	{"título del puesto", PF_TITLE}, {"nombre del puesto", PF_TITLE},
	{"organization", PF_ORG}, {"organisation", PF_ORG},
	{"company", PF_ORG}, {"employer", PF_ORG},
	{"hiring organization", PF_ORG}, {"organización", PF_ORG},
	{"empresa", PF_ORG}, {"entidad", PF_ORG}, {"empleador", PF_ORG},
	{"department", PF_DEPT}, {"division", PF_DEPT}, {"team", PF_DEPT},
	{"program", PF_DEPT}, {"departamento", PF_DEPT}, {"área", PF_DEPT},
	{"location", PF_LOCATION}, {"locations", PF_LOCATION},
	{"job location", PF_LOCATION}, {"work location", PF_LOCATION},
	{"office location", PF_LOCATION}, {"ubicación", PF_LOCATION},
	{"lugar", PF_LOCATION}, {"lugar de trabajo", PF_LOCATION},
	{"localización", PF_LOCATION}, {"sede", PF_LOCATION},
	{"workplace", PF_WORKPLACE}, {"workplace type", PF_WORKPLACE},
	{"work arrangement", PF_WORKPLACE}, {"remote", PF_WORKPLACE},
	{"modalidad", PF_WORKPLACE}, {"modalidad de trabajo", PF_WORKPLACE},
	{"employment type", PF_EMPLOYMENT}, {"employment", PF_EMPLOYMENT},
	{"job type", PF_EMPLOYMENT}, {"position type", PF_EMPLOYMENT},
	{"type", PF_EMPLOYMENT}, {"schedule", PF_EMPLOYMENT},
	{"tipo de contrato", PF_EMPLOYMENT}, {"tipo de empleo", PF_EMPLOYMENT},
	{"jornada", PF_EMPLOYMENT}, {"contrato", PF_EMPLOYMENT},
	{"salary", PF_SALARY}, {"salary range", PF_SALARY},
	{"pay", PF_SALARY}, {"pay range", PF_SALARY}, {"pay rate", PF_SALARY},
	{"hourly rate", PF_SALARY}, {"wage", PF_SALARY}, {"rate", PF_SALARY},
	{"salario", PF_SALARY}, {"sueldo", PF_SALARY},
	{"remuneración", PF_SALARY}, {"rango salarial", PF_SALARY},
	{"retribución", PF_SALARY},
	{"posted", PF_POSTED}, {"date posted", PF_POSTED},
	{"posting date", PF_POSTED}, {"published", PF_POSTED},
	{"fecha de publicación", PF_POSTED}, {"publicado", PF_POSTED},
	{"deadline", PF_DEADLINE}, {"deadline date", PF_DEADLINE},
	{"application deadline", PF_DEADLINE}, {"closing date", PF_DEADLINE},
	{"closes", PF_DEADLINE}, {"apply by", PF_DEADLINE},
	{"applications due", PF_DEADLINE}, {"fecha límite", PF_DEADLINE},
	{"fecha de cierre", PF_DEADLINE}, {"plazo", PF_DEADLINE},
	{"cierre", PF_DEADLINE},
	{"start date", PF_START}, {"start", PF_START},
	{"starting date", PF_START}, {"anticipated start date", PF_START},
	{"fecha de inicio", PF_START}, {"incorporación", PF_START},
	{"reports to", PF_REPORTS_TO}, {"reporting to", PF_REPORTS_TO},
	{"supervisor", PF_REPORTS_TO}, {"reporta a", PF_REPORTS_TO},
	{"depende de", PF_REPORTS_TO},
	{"supervises", PF_SUPERVISES}, {"direct reports", PF_SUPERVISES},
	{"supervisa", PF_SUPERVISES},
	{"travel", PF_TRAVEL}, {"viajes", PF_TRAVEL},
	{"experience", PF_EXPERIENCE}, {"years of experience", PF_EXPERIENCE},
	{"experiencia", PF_EXPERIENCE},
	{"email", PF_EMAIL}, {"e-mail", PF_EMAIL}, {"contact email", PF_EMAIL},
	{"correo", PF_EMAIL}, {"correo electrónico", PF_EMAIL},
	{"url", PF_URL}, {"website", PF_URL}, {"link", PF_URL},
	{"apply online", PF_URL}, {"apply at", PF_URL}, {"enlace", PF_URL},
};

/* The field a label names, or -1. */
static int
field_of(struct buf *tmp, const char *s, size_t len)
{
	if (!len || len > 60)
		return -1;
	folded(tmp, s, len);
	for (size_t i = 0; i < sizeof(labels) / sizeof(labels[0]); i++)
		if (!strcmp(tmp->s, labels[i].text))
			return (int)labels[i].field;
	return -1;
}

/* True when a label of field f may take v as its value: an e-mail
 * field needs an address, a URL field a URL. */
static bool
value_fits(int f, const char *v, size_t len)
{
	if (f == PF_EMAIL)
		return memchr(v, '@', len) != NULL;
	if (f == PF_URL)
		return text_find(v, len, "://", 3) != NULL;
	return true;
}

/* Splits "Label: value" (the label at most 6 words, starting with a
 * capital letter or a digit, without sentence punctuation); false when
 * the line is not one. */
static bool
split_label(const char *s, size_t len, size_t *lablen, const char **val,
            size_t *vallen)
{
	if (!len || (s[0] >= 'a' && s[0] <= 'z'))
		return false;
	for (size_t i = 1; i + 1 < len && i <= 50; i++) {
		char c = s[i];
		if (c == '.' || c == ',' || c == ';' || c == '(' || c == '"' ||
		    c == '!' || c == '?')
			return false;
		if (c != ':')
			continue;
		if (!blank_at(s + i + 1, len - i - 1))
			return false;
		if (words(s, i) > 6)
			return false;
		size_t v = i + 1, b;
		while (v < len && (b = blank_at(s + v, len - v)) != 0)
			v += b;
		if (v == len)
			return false;
		*lablen = i;
		*val = s + v;
		*vallen = len - v;
		return true;
	}
	return false;
}

/* Reading ---------------------------------------------------------------- */

/* The reading of one text. */
struct rd {
	struct pt_doc *doc;
	struct pline *l;
	size_t n;
	size_t cap;          /* of doc->s */
	int cur;             /* the section paragraphs go to */
	struct buf tmp;
};

/* A copy of s squeezed (malloc'd). */
static char *
squeezed(const char *s, size_t len)
{
	struct buf b = {0};
	pt_squeeze(&b, s, len);
	return buf_steal(&b);
}

/* Adds a section; returns its index. */
static int
add_sect(struct rd *r, const char *heading, size_t len, unsigned line,
         enum pt_canon canon, int parent)
{
	struct pt_doc *d = r->doc;
	if (heading) {
		while (len && (heading[len - 1] == ':' || heading[len - 1] == ' '))
			len--;
		/* a heading met again goes on with its section: a
		 * mapping holds a heading once */
		for (size_t k = 1; canon == PT_OTHER && k < d->ns; k++)
			if (d->s[k].canon == PT_OTHER && d->s[k].parent == parent &&
			    strlen(d->s[k].heading) == len &&
			    !memcmp(d->s[k].heading, heading, len))
				return (int)k;
	}
	if (d->ns == r->cap)
		d->s = xrealloc(d->s, (r->cap = r->cap ? 2 * r->cap : 8) *
		                      sizeof(*d->s));
	struct pt_sect *s = &d->s[d->ns];
	*s = (struct pt_sect){.line = line, .canon = canon, .parent = parent};
	if (heading)
		s->heading = squeezed(heading, len); /* without its ':' */
	return (int)d->ns++;
}

/* Adds a paragraph or an item to section k. */
static void
add_elem(struct rd *r, int k, bool item, char *text, unsigned line,
         char *mark)
{
	struct pt_sect *s = &r->doc->s[k];
	if (s->n == s->cap)
		s->v = xrealloc(s->v, (s->cap = s->cap ? 2 * s->cap : 8) *
		                      sizeof(*s->v));
	s->v[s->n++] = (struct pt_elem){.item = item, .text = text,
	                                .line = line, .mark = mark};
	size_t l = strlen(text);
	if (l > r->doc->longest)
		r->doc->longest = l;
	r->doc->elems++;
}

/* Adds a label line. */
static void
add_label(struct rd *r, int f, const char *lab, size_t ll, const char *v,
          size_t vl, unsigned line)
{
	struct pt_doc *d = r->doc;
	if ((d->nlabels & (d->nlabels + 1)) == 0 || d->nlabels == 0)
		d->labels = xrealloc(d->labels, (2 * d->nlabels + 2) *
		                                sizeof(*d->labels));
	while (ll && (lab[ll - 1] == ':' || lab[ll - 1] == ' '))
		ll--;
	d->labels[d->nlabels++] = (struct pt_label){
		.field = (enum pt_field)f, .label = squeezed(lab, ll),
		.value = squeezed(v, vl), .line = line};
	if (vl > d->longest)
		d->longest = vl;
	d->elems++;
}

/* The next line after i that is not blank, or r->n. */
static size_t
next_text(const struct rd *r, size_t i)
{
	for (i++; i < r->n && !r->l[i].len; i++)
		;
	return i;
}

/* True when line i ends a paragraph before it: a list item, a label
 * billet knows, or a line that is a heading by its looks. */
static bool
breaks_para(struct rd *r, size_t i)
{
	const struct pline *l = &r->l[i];
	if (l->mark)
		return true;
	size_t ll, vl;
	const char *v;
	if (split_label(l->s, l->len, &ll, &v, &vl) &&
	    ((field_of(&r->tmp, l->s, ll) >= 0 &&
	      value_fits(field_of(&r->tmp, l->s, ll), v, vl)) ||
	     canon_of(&r->tmp, l->s, ll) >= 0))
		return true;
	if (canon_of(&r->tmp, l->s, l->len) >= 0)
		return true;
	return short_line(l->s, l->len) &&
	       (caps(l->s, l->len) || l->s[l->len - 1] == ':');
}

/* The top-level section of k. */
static int
top_of(const struct rd *r, int k)
{
	return r->doc->s[k].parent >= 0 ? r->doc->s[k].parent : k;
}

/* Starts a section headed by line i, a group of the section above when
 * that is one in capitals of no known kind, with nothing of its own, and
 * this one is not in capitals. */
static void
heading(struct rd *r, size_t i, int canon)
{
	const struct pline *l = &r->l[i];
	int parent = -1;
	int top = top_of(r, r->cur);
	const struct pt_sect *t = &r->doc->s[top];
	if (canon < 0 && top > 0 && t->canon == PT_OTHER && !t->label &&
	    t->n == 0 && t->heading && caps(t->heading, strlen(t->heading)) &&
	    !caps(l->s, l->len))
		parent = top;
	r->cur = add_sect(r, l->s, l->len, l->no,
	                  canon < 0 ? PT_OTHER : (enum pt_canon)canon, parent);
}

/* Reads the lines. */
static void
read_lines(struct rd *r)
{
	struct pt_doc *d = r->doc;
	r->cur = add_sect(r, NULL, 0, 1, PT_SUMMARY, -1);
	size_t i = next_text(r, (size_t)-1);
	/* a "Title:" label anywhere makes it the title */
	bool title_label = false;
	for (size_t k = 0; k < r->n; k++) {
		size_t ll, vl;
		const char *v;
		if (r->l[k].len && !r->l[k].mark &&
		    split_label(r->l[k].s, r->l[k].len, &ll, &v, &vl) &&
		    field_of(&r->tmp, r->l[k].s, ll) == PF_TITLE)
			title_label = true;
	}
	if (i < r->n && !title_label) {
		const struct pline *l = &r->l[i];
		size_t ll, vl;
		const char *v;
		char last = l->len ? l->s[l->len - 1] : '.';
		bool label = split_label(l->s, l->len, &ll, &v, &vl) &&
		             field_of(&r->tmp, l->s, ll) >= 0;
		if (!l->mark && !label && field_of(&r->tmp, l->s, l->len) < 0 &&
		    canon_of(&r->tmp, l->s, l->len) < 0 && l->len <= 120 &&
		    words(l->s, l->len) <= 14 && last != '.' && last != ',' &&
		    last != ';' && last != ':' && !text_find(l->s, l->len, "://", 3)) {
			d->title = squeezed(l->s, l->len);
			d->title_line = l->no;
			i = next_text(r, i);
		}
	}
	bool after_heading = false;
	while (i < r->n) {
		const struct pline *l = &r->l[i];
		if (!l->len) {
			i++;
			continue;
		}
		size_t next = next_text(r, i);
		bool alone = (i == 0 || !r->l[i - 1].len) &&
		             (i + 1 >= r->n || !r->l[i + 1].len);
		if (l->mark) {
			/* an item, with the lines that go on it, deeper */
			struct buf b = {0};
			buf_add(&b, l->s + l->mark, l->len - l->mark);
			size_t j = i + 1;
			for (; j < r->n && r->l[j].len && !r->l[j].mark &&
			       r->l[j].indent > l->indent; j++) {
				buf_addc(&b, ' ');
				buf_add(&b, r->l[j].s, r->l[j].len);
			}
			char *t = squeezed(b.s, b.len);
			buf_free(&b);
			size_t ml = l->mark;
			while (ml && blank_at(l->s + ml - 1, 1))
				ml--;
			if (ml >= 2 && (unsigned char)l->s[ml - 1] == 0xA0 &&
			    (unsigned char)l->s[ml - 2] == 0xC2)
				ml -= 2;
			add_elem(r, r->cur, true, t, l->no, xstrndup(l->s, ml));
			after_heading = false;
			i = j;
			continue;
		}
		size_t ll, vl;
		const char *v;
		if (split_label(l->s, l->len, &ll, &v, &vl)) {
			int f = field_of(&r->tmp, l->s, ll);
			int c = canon_of(&r->tmp, l->s, ll);
			if (f >= 0 && value_fits(f, v, vl)) {
				add_label(r, f, l->s, ll, v, vl, l->no);
				i = next;
				continue;
			}
			if (c >= 0) {
				/* "To Apply: send...": a heading, and its
				 * first paragraph */
				r->cur = add_sect(r, l->s, ll, l->no,
				                  (enum pt_canon)c, -1);
				add_elem(r, r->cur, false, squeezed(v, vl), l->no, NULL);
				after_heading = false;
				i = next;
				continue;
			}
			if (alone && words(l->s, ll) <= 6) {
				/* "Our values: ...": a section of its own; what
				 * follows goes on where it was */
				int k = add_sect(r, l->s, ll, l->no, PT_OTHER, -1);
				d->s[k].label = true;
				add_elem(r, k, false, squeezed(v, vl), l->no, NULL);
				i = next;
				continue;
			}
		}
		int f = field_of(&r->tmp, l->s, l->len);
		if (f >= 0 && next < r->n && !r->l[next].mark &&
		    value_fits(f, r->l[next].s, r->l[next].len) &&
		    field_of(&r->tmp, r->l[next].s, r->l[next].len) < 0 &&
		    canon_of(&r->tmp, r->l[next].s, r->l[next].len) < 0 &&
		    !split_label(r->l[next].s, r->l[next].len, &ll, &v, &vl)) {
			/* "Location", then its value on the next line */
			add_label(r, f, l->s, l->len, r->l[next].s,
			          r->l[next].len, r->l[next].no);
			i = next_text(r, next);
			continue;
		}
		int c = canon_of(&r->tmp, l->s, l->len);
		bool sh = short_line(l->s, l->len);
		/* right under a heading billet knows, "Send these to us:"
		 * leads into its list: it is no heading of its own */
		bool lead = after_heading && d->s[r->cur].canon != PT_OTHER;
		if (c >= 0 || (sh && caps(l->s, l->len)) ||
		    (sh && !lead && l->s[l->len - 1] == ':') ||
		    (sh && !lead && next < r->n && r->l[next].mark) ||
		    (sh && alone && !after_heading && next < r->n &&
		     words(l->s, l->len) <= 8)) {
			heading(r, i, c);
			after_heading = true;
			i = next;
			continue;
		}
		/* a paragraph: its lines up to a blank line or a line that
		 * is something else */
		struct buf b = {0};
		size_t j = i;
		do {
			if (j > i)
				buf_addc(&b, '\n');
			struct buf one = {0};
			pt_squeeze(&one, r->l[j].s, r->l[j].len);
			buf_add(&b, one.s, one.len);
			buf_free(&one);
			j++;
		} while (j < r->n && r->l[j].len && !breaks_para(r, j));
		add_elem(r, r->cur, false, buf_steal(&b), l->no, NULL);
		after_heading = false;
		i = j;
	}
}

/* A heading with nothing under it is a paragraph of the section before
 * it, as written: nothing is dropped, nothing is empty. */
static void
fold_empty(struct rd *r)
{
	struct pt_doc *d = r->doc;
	for (size_t k = d->ns; k-- > 1;) {
		struct pt_sect *s = &d->s[k];
		bool parent = false;
		for (size_t j = k + 1; j < d->ns; j++)
			parent |= d->s[j].parent == (int)k;
		if (s->n || parent)
			continue;
		char *h = s->heading;
		unsigned line = s->line;
		free(s->v);
		memmove(s, s + 1, (d->ns - k - 1) * sizeof(*s));
		d->ns--;
		for (size_t j = 0; j < d->ns; j++)
			if (d->s[j].parent > (int)k)
				d->s[j].parent--;
		/* the section before it, by position: its own group, or
		 * itself */
		add_elem(r, (int)k - 1, false, h, line, NULL);
	}
}

void
pt_read(struct pt_doc *doc, const char *s, size_t len)
{
	*doc = (struct pt_doc){0};
	struct rd r = {.doc = doc};
	r.l = lines_of(s, len, &r.n);
	read_lines(&r);
	fold_empty(&r);
	free(r.l);
	buf_free(&r.tmp);
}

void
pt_doc_free(struct pt_doc *doc)
{
	free(doc->title);
	for (size_t i = 0; i < doc->nlabels; i++) {
		free(doc->labels[i].label);
		free(doc->labels[i].value);
	}
	free(doc->labels);
	for (size_t i = 0; i < doc->ns; i++) {
		for (size_t k = 0; k < doc->s[i].n; k++) {
			free(doc->s[i].v[k].text);
			free(doc->s[i].v[k].mark);
		}
		free(doc->s[i].v);
		free(doc->s[i].heading);
	}
	free(doc->s);
	*doc = (struct pt_doc){0};
}

const char *
pt_canon_name(enum pt_canon c)
{
	switch (c) {
	case PT_SUMMARY: return "summary";
	case PT_ABOUT: return "organization: about";
	case PT_RESP: return "responsibilities";
	case PT_QUAL: return "qualifications";
	case PT_PREF: return "qualifications: preferred";
	case PT_BENEFITS: return "benefits";
	case PT_CONDITIONS: return "conditions";
	case PT_APPLY: return "apply";
	default: return "sections";
	}
}
