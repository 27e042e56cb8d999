/* SPDX-License-Identifier: MIT */
/* load/plaintext_map: the parts of a plain-text posting (plaintext.c) ->
 * a draft posting: the nodes a YAML file would give, mapped by the same
 * table of keys (fields.c), so that a salary or a date is read as the
 * loader reads it. What is read from inside a sentence (the salary, the
 * organization, the experience, languages, where to apply) is said in
 * the notes, with the words it was read from, for the user to check. */
#include "load.h"
#include "load/internal.h"
#include "load/plaintext.h"
#include "load/reader.h"
#include "value.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Nodes ------------------------------------------------------------------ */

/* Where the draft's nodes are made. */
struct nb {
	struct arena *a;
	struct buf *check;   /* the notes, or NULL */
};

static struct ynode *
nnew(struct nb *b, enum ykind kind, unsigned line)
{
	struct ynode *n = arena_alloc(b->a, sizeof(*n));
	if (!n)
		die_nomem();
	*n = (struct ynode){.kind = kind, .line = line ? line : 1, .col = 1,
	                    .weight = 1};
	return n;
}

static struct ynode *
nstr(struct nb *b, const char *s, unsigned line)
{
	struct ynode *n = nnew(b, Y_SCALAR, line);
	n->len = strlen(s);
	n->s = arena_strndup(b->a, s, n->len);
	if (!n->s)
		die_nomem();
	n->bytes = n->len;
	return n;
}

/* Appends kid to a list, or key and kid to a mapping. */
static void
nadd(struct nb *b, struct ynode *n, const char *key, struct ynode *kid)
{
	size_t per = n->kind == Y_MAP ? 2 : 1;
	if (n->n == 0 || (n->n >= 4 && (n->n & (n->n - 1)) == 0)) {
		size_t cap = n->n ? 2 * n->n : 4;
		struct ynode **v = arena_alloc(b->a, cap * per * sizeof(*v));
		if (!v)
			die_nomem();
		if (n->n)
			memcpy(v, n->kids, n->n * per * sizeof(*v));
		n->kids = v;
	}
	if (per == 2) {
		n->kids[2 * n->n] = nstr(b, key, kid->line);
		n->kids[2 * n->n + 1] = kid;
	} else {
		n->kids[n->n] = kid;
	}
	n->n++;
}

/* Appends a line to the notes. */
static void
note(struct nb *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

static void
note(struct nb *b, const char *fmt, ...)
{
	if (!b->check)
		return;
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b->check, fmt, ap);
	va_end(ap);
	buf_addc(b->check, '\n');
}

/* At most 60 bytes of s for a note, cut at a character, "…" after. */
static const char *
quote(struct buf *out, const char *s, size_t len)
{
	buf_clear(out);
	size_t n = len;
	if (n > 60) {
		n = 60;
		while (n && ((unsigned char)s[n] & 0xC0) == 0x80)
			n--;
	}
	buf_add(out, s, n);
	if (n < len)
		buf_adds(out, "…");
	buf_adds(out, "");
	return out->s;
}

/* Words that say a sentence is about pay. */
static const char *const pay_words[] = {
	"salary", "pay", "compensation", "wage", "hourly", "stipend",
	"salario", "sueldo", "remuneración", "retribución", "bruto", NULL,
};

/* Adds salary: from the text s (a label's value when label is set, else
 * a sentence), with the value as its note when it came from a label. */
static bool
put_salary(struct nb *b, struct ynode *root, const char *s, unsigned line,
           bool label, const char *where)
{
	struct buf tmp = {0};
	struct salary sal;
	size_t off, len;
	bool period;
	if ((!label && !pt_mentions(&tmp, s, pay_words)) ||
	    !pt_find_salary(s, &sal, &off, &len, &period)) {
		buf_free(&tmp);
		return false;
	}
	struct ynode *m = nnew(b, Y_MAP, line);
	char num[64];
	snprintf(num, sizeof(num), "%.15g", sal.min);
	nadd(b, m, "min", nstr(b, num, line));
	snprintf(num, sizeof(num), "%.15g", sal.max);
	nadd(b, m, "max", nstr(b, num, line));
	nadd(b, m, "currency", nstr(b, sal.currency, line));
	nadd(b, m, "period", nstr(b, period_name(sal.period), line));
	if (label && (off || len != strlen(s)))
		nadd(b, m, "note", nstr(b, s, line));
	nadd(b, root, "salary", m);
	note(b, "salary: read from \"%.*s\"%s%s%s", (int)len, s + off,
	     where ? " (" : "", where ? where : "", where ? ")" : "");
	if (!period)
		note(b, "salary: the text names no pay period; read as a %s",
		     period_name(sal.period));
	buf_free(&tmp);
	return true;
}

/* Adds a date field (deadline, start, posted): a date written in words
 * as YYYY-MM-DD, said in the notes; another text as it is unless
 * date_only. False when it was not added. */
static bool
put_date(struct nb *b, struct ynode *m, const char *key, const char *v,
         unsigned line, bool date_only)
{
	char ymd[11];
	int32_t d;
	if (value_date(v, &d) && strlen(v) == 10) {
		nadd(b, m, key, nstr(b, v, line));
	} else if (pt_word_date(v, ymd)) {
		nadd(b, m, key, nstr(b, ymd, line));
		note(b, "%s: \"%s\" read as %s", key, v, ymd);
	} else if (!date_only) {
		nadd(b, m, key, nstr(b, v, line));
	} else {
		return false;
	}
	return true;
}

/* Text of sections ------------------------------------------------------ */

/* Appends the elements of section k to out as prose: paragraphs and
 * items (with their bullets as written) apart by blank lines. */
static void
prose(struct buf *out, const struct pt_sect *k)
{
	for (size_t i = 0; i < k->n; i++) {
		if (out->len)
			buf_adds(out, "\n\n");
		if (k->v[i].mark)
			buf_printf(out, "%s ", k->v[i].mark);
		buf_adds(out, k->v[i].text);
	}
}

/* True when section k has a list item. */
static bool
has_items(const struct pt_sect *k)
{
	for (size_t i = 0; i < k->n; i++)
		if (k->v[i].item)
			return true;
	return false;
}

/* A node of section k's elements: a list when it has items (its
 * paragraphs are items too, in order), else its prose. */
static struct ynode *
sect_node(struct nb *b, const struct pt_sect *k)
{
	if (has_items(k)) {
		struct ynode *l = nnew(b, Y_SEQ, k->line);
		for (size_t i = 0; i < k->n; i++)
			nadd(b, l, NULL, nstr(b, k->v[i].text, k->v[i].line));
		return l;
	}
	struct buf t = {0};
	prose(&t, k);
	struct ynode *n = nstr(b, t.s ? t.s : "", k->line);
	buf_free(&t);
	return n;
}

/* The items and paragraphs of every section of kind c, in order, as one
 * list (NULL when there are none). */
static struct ynode *
list_of(struct nb *b, const struct pt_doc *d, enum pt_canon c)
{
	struct ynode *l = NULL;
	for (size_t k = 0; k < d->ns; k++) {
		if (d->s[k].canon != c || !d->s[k].heading)
			continue;
		for (size_t i = 0; i < d->s[k].n; i++) {
			if (!l)
				l = nnew(b, Y_SEQ, d->s[k].line);
			nadd(b, l, NULL, nstr(b, d->s[k].v[i].text,
			                      d->s[k].v[i].line));
		}
	}
	return l;
}

/* The drafting ----------------------------------------------------------- */

/* What the draft is being made of. */
struct draft {
	struct nb b;
	const struct pt_doc *d;
	struct ynode *root;
	struct buf q;               /* scratch for quotes in notes */
	const char *org, *org_short;/* found so far */
	bool salary, experience, email, url;
	const struct pt_elem *hire; /* "X seeks a Y" near the top, or NULL */
	size_t xoff, xlen, yoff, ylen; /* where X and Y are in hire->text */
};

/* How many paragraphs from the top may say who seeks whom. */
#define HIRING_PARAGRAPHS 6

/* Finds "X seeks a Y" (pt_find_hiring) in the first paragraphs. */
static void
find_hiring(struct draft *dr)
{
	const struct pt_doc *d = dr->d;
	size_t seen = 0;
	for (size_t k = 0; k < d->ns && seen < HIRING_PARAGRAPHS; k++)
		for (size_t i = 0; i < d->s[k].n && seen < HIRING_PARAGRAPHS;
		     i++) {
			const struct pt_elem *e = &d->s[k].v[i];
			if (e->item)
				continue;
			seen++;
			if (pt_find_hiring(e->text, &dr->xoff, &dr->xlen,
			                   &dr->yoff, &dr->ylen)) {
				dr->hire = e;
				return;
			}
		}
}

/* The job named where someone seeks it (malloc'd): as the text writes
 * it in capitals elsewhere ("The Policy Advocate and Organizer will"),
 * else with capitals put to its words. */
static char *
hiring_title(const struct draft *dr)
{
	const struct pt_doc *d = dr->d;
	const char *y = dr->hire->text + dr->yoff;
	size_t off;
	for (size_t k = 0; k < d->ns; k++)
		for (size_t i = 0; i < d->s[k].n; i++)
			if (pt_find_cased(d->s[k].v[i].text, y, dr->ylen, &off))
				return xstrndup(d->s[k].v[i].text + off,
				                dr->ylen);
	char *t = xstrndup(y, dr->ylen);
	pt_title_case(t);
	return t;
}

/* The first label of field f, or NULL; *count gets how many. */
static const struct pt_label *
label_of(const struct pt_doc *d, enum pt_field f, size_t *count)
{
	const struct pt_label *first = NULL;
	size_t n = 0;
	for (size_t i = 0; i < d->nlabels; i++)
		if (d->labels[i].field == f && n++ == 0)
			first = &d->labels[i];
	if (count)
		*count = n;
	return first;
}

/* Adds a section under its heading; a heading there already takes
 * the new text or items after its own (a mapping holds a key once). */
static void
sect_put(struct nb *b, struct ynode *sections, const char *heading,
         struct ynode *v)
{
	struct ynode *old = NULL;
	size_t at = 0;
	for (size_t i = 0; i < sections->n; i++)
		if (!strcmp(sections->kids[2 * i]->s, heading)) {
			old = sections->kids[2 * i + 1];
			at = i;
		}
	if (!old) {
		nadd(b, sections, heading, v);
		return;
	}
	if (old->kind == Y_SCALAR && v->kind == Y_SCALAR) {
		struct buf t = {0};
		buf_printf(&t, "%s\n\n%s", old->s, v->s);
		sections->kids[2 * at + 1] = nstr(b, t.s, old->line);
		buf_free(&t);
		return;
	}
	if (old->kind == Y_MAP || v->kind == Y_MAP) {
		struct buf h = {0};
		buf_printf(&h, "%s (%zu)", heading, sections->n + 1);
		nadd(b, sections, h.s, v);
		buf_free(&h);
		return;
	}
	struct ynode *l = nnew(b, Y_SEQ, old->line);
	const struct ynode *both[2] = {old, v};
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < (both[k]->kind == Y_SEQ ? both[k]->n : 1); i++)
			nadd(b, l, NULL, both[k]->kind == Y_SEQ
			                 ? both[k]->kids[i] : (struct ynode *)both[k]);
	sections->kids[2 * at + 1] = l;
}

/* Keeps a label line no field took as a section of its own. */
static void
label_section(struct draft *dr, struct ynode *sections,
              const struct pt_label *l)
{
	sect_put(&dr->b, sections, l->label, nstr(&dr->b, l->value, l->line));
}

/* The organization: its label, else "The Name (Short)" opening the
 * about section or the first paragraph, else who "seeks a" job near the
 * top; with the about section. */
static void
draft_org(struct draft *dr)
{
	const struct pt_doc *d = dr->d;
	struct nb *b = &dr->b;
	struct ynode *m = nnew(b, Y_MAP, 1);
	const struct pt_label *l = label_of(d, PF_ORG, NULL);
	if (l) {
		nadd(b, m, "name", nstr(b, l->value, l->line));
		dr->org = l->value;
	}
	struct buf about = {0};
	unsigned about_line = 0;
	for (size_t k = 0; k < d->ns; k++)
		if (d->s[k].canon == PT_ABOUT) {
			about_line = about_line ? about_line : d->s[k].line;
			prose(&about, &d->s[k]);
		}
	/* where the name may be said: the first paragraph about the
	 * organization, else of the summary */
	const struct pt_elem *where = NULL;
	size_t no, nl, so, sl;
	for (int pass = 0; pass < 2 && !l && !where; pass++)
		for (size_t k = 0; k < d->ns && !where; k++)
			if (d->s[k].canon == (pass ? PT_SUMMARY : PT_ABOUT) &&
			    d->s[k].n && !d->s[k].v[0].item &&
			    pt_find_org(d->s[k].v[0].text, &no, &nl, &so, &sl))
				where = &d->s[k].v[0];
	if (where) {
		char *name = xstrndup(where->text + no, nl);
		char *sh = xstrndup(where->text + so, sl);
		nadd(b, m, "name", nstr(b, name, where->line));
		nadd(b, m, "short", nstr(b, sh, where->line));
		note(b, "organization: read from \"%s\" (line %u)",
		     quote(&dr->q, where->text, nl + sl + no + 3), where->line);
		dr->org = arena_strdup(b->a, name);
		dr->org_short = arena_strdup(b->a, sh);
		free(name);
		free(sh);
	}
	size_t off, nl2;
	if (!l && !where && dr->hire && dr->xlen) {
		/* who seeks the job: "The Riverside Tenants Union seeks a..." */
		const struct pt_elem *e = dr->hire;
		char *x = xstrndup(e->text + dr->xoff, dr->xlen);
		char *name = NULL, *sh = NULL;
		if (pt_find_org(x, &no, &nl, &so, &sl)) {
			name = xstrndup(x + no, nl);
			sh = xstrndup(x + so, sl);
		} else if (pt_find_name(x, dr->xlen, &off, &nl2)) {
			name = xstrndup(x + off, nl2);
		}
		if (name) {
			nadd(b, m, "name", nstr(b, name, e->line));
			if (sh)
				nadd(b, m, "short", nstr(b, sh, e->line));
			note(b, "organization: read from \"%s\" (line %u)",
			     quote(&dr->q, e->text + dr->xoff,
			           dr->yoff + dr->ylen - dr->xoff), e->line);
			dr->org = arena_strdup(b->a, name);
			dr->org_short = sh ? arena_strdup(b->a, sh) : NULL;
		}
		free(name);
		free(sh);
		free(x);
	}
	if (about.len)
		nadd(b, m, "about", nstr(b, about.s, about_line));
	buf_free(&about);
	if (m->n)
		nadd(b, dr->root, "organization", m);
}

/* The fields of label lines. */
static void
draft_labels(struct draft *dr, struct ynode *sections, struct ynode *apply)
{
	const struct pt_doc *d = dr->d;
	struct nb *b = &dr->b;
	struct ynode *root = dr->root;
	static const struct {
		enum pt_field f;
		const char *key;
	} plain[] = {
		{PF_DEPT, "department"}, {PF_EMPLOYMENT, "employment"},
		{PF_REPORTS_TO, "reports_to"}, {PF_SUPERVISES, "supervises"},
		{PF_TRAVEL, "travel"},
	};
	struct ynode *places = NULL;
	for (size_t i = 0; i < d->nlabels; i++) {
		const struct pt_label *l = &d->labels[i];
		size_t nth = 0;
		for (size_t k = 0; k < i; k++)
			nth += d->labels[k].field == l->field;
		bool done = false;
		for (size_t k = 0; k < sizeof(plain) / sizeof(plain[0]); k++)
			if (plain[k].f == l->field && !nth) {
				nadd(b, root, plain[k].key,
				     nstr(b, l->value, l->line));
				done = true;
			}
		switch (l->field) {
		case PF_TITLE:
		case PF_ORG:
			done = !nth; /* draft_title, draft_org */
			break;
		case PF_LOCATION:
			if (!places)
				places = nnew(b, Y_SEQ, l->line);
			nadd(b, places, NULL, nstr(b, l->value, l->line));
			done = true;
			break;
		case PF_WORKPLACE:
			if (nth)
				break;
			if (!strcasecmp(l->value, "remote") ||
			    !strcasecmp(l->value, "hybrid") ||
			    !strcasecmp(l->value, "onsite") ||
			    !strcasecmp(l->value, "on-site")) {
				nadd(b, root, "workplace",
				     nstr(b, l->value, l->line));
			} else {
				struct ynode *w = nnew(b, Y_MAP, l->line);
				nadd(b, w, "note", nstr(b, l->value, l->line));
				nadd(b, root, "workplace", w);
			}
			done = true;
			break;
		case PF_SALARY:
			done = !dr->salary &&
			       (dr->salary = put_salary(b, root, l->value,
			                                l->line, true, NULL));
			if (!done)
				note(b, "salary: \"%s\" (line %u) is no amount "
				     "billet reads (62400, $62,400, €3,000): kept "
				     "under sections as \"%s\"", l->value, l->line,
				     l->label);
			break;
		case PF_POSTED:
			done = !nth && put_date(b, root, "posted", l->value,
			                        l->line, true);
			break;
		case PF_DEADLINE:
			done = !nth && put_date(b, root, "deadline", l->value,
			                        l->line, false);
			break;
		case PF_START:
			done = !nth && put_date(b, root, "start", l->value,
			                        l->line, false);
			break;
		case PF_EXPERIENCE:
			if (nth)
				break;
			{
				struct ynode *e = nnew(b, Y_MAP, l->line);
				double lo, hi;
				char num[32];
				if (pt_find_years(l->value, &lo, &hi) ||
				    (strstr(l->value, "year") &&
				     pt_find_years(l->value, &lo, &hi))) {
					snprintf(num, sizeof(num), "%g", lo);
					nadd(b, e, "min_years", nstr(b, num, l->line));
					if (hi >= 0) {
						snprintf(num, sizeof(num), "%g", hi);
						nadd(b, e, "max_years",
						     nstr(b, num, l->line));
					}
				}
				nadd(b, e, "note", nstr(b, l->value, l->line));
				nadd(b, root, "experience", e);
				dr->experience = done = true;
			}
			break;
		case PF_EMAIL:
		case PF_URL: {
			size_t off, len;
			bool mail = l->field == PF_EMAIL;
			bool *have = mail ? &dr->email : &dr->url;
			if (*have || !(mail ? pt_find_email(l->value, &off, &len)
			                    : pt_find_url(l->value, &off, &len)))
				break;
			char *v = xstrndup(l->value + off, len);
			nadd(b, apply, mail ? "email" : "url",
			     nstr(b, v, l->line));
			free(v);
			*have = done = true;
			if (off || len != strlen(l->value))
				done = false; /* the rest of the line is kept */
			break;
		}
		default:
			break;
		}
		if (!done)
			label_section(dr, sections, l);
	}
	if (places)
		nadd(b, root, "location", places->n == 1 ? places->kids[0]
		                                         : places);
}

/* The title: --title, else a "Title:" label, else the first line, else
 * the job that "X seeks a Y" names near the top, else the name of the
 * file (said in the notes). */
static void
draft_title(struct draft *dr, const struct text_import *opt,
            struct buf *summary)
{
	const struct pt_doc *d = dr->d;
	struct nb *b = &dr->b;
	const struct pt_label *l = label_of(d, PF_TITLE, NULL);
	const char *title = NULL;
	unsigned line = 1;
	if (opt && opt->title && *opt->title) {
		title = opt->title;
		if (d->title) /* the text's own goes first in the summary */
			buf_adds(summary, d->title);
		note(b, "title: given on the command line (--title)");
	} else if (l) {
		title = l->value;
		line = l->line;
	} else if (d->title) {
		title = d->title;
		line = d->title_line;
	} else if (dr->hire) {
		char *t = hiring_title(dr);
		const struct pt_elem *e = dr->hire;
		size_t from = dr->xoff + dr->xlen + 1; /* "seeks a..." */
		note(b, "title: read from \"…%s\" (line %u)",
		     quote(&dr->q, e->text + from,
		           dr->yoff + dr->ylen - from), e->line);
		nadd(b, dr->root, "title", nstr(b, t, e->line));
		free(t);
		return;
	} else {
		title = opt && opt->fallback && *opt->fallback ? opt->fallback
		                                               : "untitled";
		note(b, "title: the text has no title line; \"%s\" is the name "
		     "of what was imported: write the posting's title (or "
		     "import again with --title)", title);
	}
	nadd(b, dr->root, "title", nstr(b, title, line));
}

/* Appends a slug of s to out: lowercase ASCII letters and digits, a dash
 * between words, common accented letters without their accents. */
static void
slug(struct buf *out, const char *s)
{
	static const char *const from[] = {"á", "à", "â", "ä", "ã", "å", "é",
		"è", "ê", "ë", "í", "ì", "î", "ï", "ó", "ò", "ô", "ö", "õ", "ú",
		"ù", "û", "ü", "ñ", "ç"};
	static const char to[] = "aaaaaaeeeeiiiiooooouuuunc";
	struct buf f = {0};
	text_fold(&f, s, strlen(s));
	buf_adds(&f, "");
	bool dash = out->len > 0;
	for (const char *p = f.s; *p && out->len < 60;) {
		char c = *p;
		if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) {
			if (dash && out->len)
				buf_addc(out, '-');
			dash = false;
			buf_addc(out, c);
			p++;
			continue;
		}
		size_t k = 0;
		for (; k < sizeof(from) / sizeof(from[0]); k++)
			if (!strncmp(p, from[k], strlen(from[k])))
				break;
		if (k < sizeof(from) / sizeof(from[0])) {
			if (dash && out->len)
				buf_addc(out, '-');
			dash = false;
			buf_addc(out, to[k]);
			p += strlen(from[k]);
			continue;
		}
		dash = true;
		p++;
	}
	buf_free(&f);
}

/* Experience and languages read from the qualifications (required
 * first), each with the item it was read from. */
static void
draft_asked(struct draft *dr)
{
	const struct pt_doc *d = dr->d;
	struct nb *b = &dr->b;
	struct ynode *langs = NULL;
	const char *seen[16];
	size_t nseen = 0;
	static const enum pt_canon order[] = {PT_QUAL, PT_PREF};
	for (int o = 0; o < 2; o++)
	for (size_t k = 0; k < d->ns; k++) {
		const struct pt_sect *s = &d->s[k];
		if (s->canon != order[o])
			continue;
		for (size_t i = 0; i < s->n; i++) {
			const struct pt_elem *e = &s->v[i];
			double lo, hi;
			if (!dr->experience && pt_find_years(e->text, &lo, &hi)) {
				struct ynode *m = nnew(b, Y_MAP, e->line);
				char num[32];
				snprintf(num, sizeof(num), "%g", lo);
				nadd(b, m, "min_years", nstr(b, num, e->line));
				if (hi >= 0) {
					snprintf(num, sizeof(num), "%g", hi);
					nadd(b, m, "max_years", nstr(b, num, e->line));
				}
				nadd(b, m, "note", nstr(b, e->text, e->line));
				nadd(b, dr->root, "experience", m);
				dr->experience = true;
				note(b, "experience: read from \"%s\" (line %u)",
				     quote(&dr->q, e->text, strlen(e->text)),
				     e->line);
			}
			const char *names[8], *level;
			size_t n = pt_find_languages(e->text, names, 8, &level);
			if (!level && order[o] == PT_PREF)
				level = "preferred";
			for (size_t j = 0; j < n; j++) {
				bool again = false;
				for (size_t q = 0; q < nseen; q++)
					again |= !strcmp(seen[q], names[j]);
				if (again || nseen == 16)
					continue;
				seen[nseen++] = names[j];
				if (!langs)
					langs = nnew(b, Y_SEQ, e->line);
				struct ynode *m = nnew(b, Y_MAP, e->line);
				nadd(b, m, "name", nstr(b, names[j], e->line));
				if (level)
					nadd(b, m, "level", nstr(b, level, e->line));
				nadd(b, langs, NULL, m);
				note(b, "languages: %s%s%s%s, read from \"%s\" (line %u)",
				     names[j], level ? " (" : "", level ? level : "",
				     level ? ")" : "",
				     quote(&dr->q, e->text, strlen(e->text)), e->line);
			}
		}
	}
	if (langs)
		nadd(b, dr->root, "languages", langs);
}

/* Where to apply: the apply sections' paragraphs as the note, their
 * items as the documents, the first URL and e-mail address found there
 * (else anywhere), the quoted subject line. */
static void
draft_apply(struct draft *dr, struct ynode *apply)
{
	const struct pt_doc *d = dr->d;
	struct nb *b = &dr->b;
	struct buf text = {0};
	struct ynode *docs = NULL;
	bool subject = false;
	const char *where = NULL;
	for (int pass = 0; pass < 2; pass++)
	for (size_t k = 0; k < d->ns; k++) {
		const struct pt_sect *s = &d->s[k];
		if ((pass == 0) != (s->canon == PT_APPLY))
			continue;
		for (size_t i = 0; i < s->n; i++) {
			const struct pt_elem *e = &s->v[i];
			size_t off, len;
			if (pass == 0 && e->item) {
				if (!docs)
					docs = nnew(b, Y_SEQ, e->line);
				nadd(b, docs, NULL, nstr(b, e->text, e->line));
			} else if (pass == 0) {
				if (text.len)
					buf_adds(&text, "\n\n");
				buf_adds(&text, e->text);
			}
			for (int kind = 0; kind < 2; kind++) {
				bool *have = kind ? &dr->email : &dr->url;
				if (*have || !(kind ? pt_find_email(e->text, &off, &len)
				                    : pt_find_url(e->text, &off, &len)))
					continue;
				char *v = xstrndup(e->text + off, len);
				nadd(b, apply, kind ? "email" : "url",
				     nstr(b, v, e->line));
				note(b, "apply: %s %s, %s (line %u): is it the "
				     "one to apply with?", kind ? "e-mail" : "URL", v,
				     pass == 0 ? "the first under the heading on "
				               "applying" : "the first in the text",
				     e->line);
				free(v);
				*have = true;
				where = s->heading;
			}
			if (pass == 0 && !subject &&
			    pt_find_subject(e->text, &off, &len)) {
				char *v = xstrndup(e->text + off, len);
				nadd(b, apply, "subject", nstr(b, v, e->line));
				note(b, "apply: subject \"%s\", read from line %u", v,
				     e->line);
				free(v);
				subject = true;
			}
		}
	}
	(void)where;
	if (docs)
		nadd(b, apply, "documents", docs);
	if (text.len)
		nadd(b, apply, "note", nstr(b, text.s, 1));
	buf_free(&text);
	if (apply->n)
		nadd(b, dr->root, "apply", apply);
}

/* Builds the draft's nodes from the parts of the text. */
static struct ynode *
draft(struct draft *dr, const struct text_import *opt)
{
	const struct pt_doc *d = dr->d;
	struct nb *b = &dr->b;
	dr->root = nnew(b, Y_MAP, 1);
	struct ynode *sections = nnew(b, Y_MAP, 1);
	struct ynode *apply = nnew(b, Y_MAP, 1);
	struct ynode *id = nstr(b, "", 1);
	nadd(b, dr->root, "id", id);
	struct buf summary = {0};
	find_hiring(dr);
	draft_title(dr, opt, &summary);
	draft_org(dr);
	draft_labels(dr, sections, apply);
	/* a salary said in a sentence: under benefits first */
	for (int pass = 0; pass < 2 && !dr->salary; pass++)
		for (size_t k = 0; k < d->ns && !dr->salary; k++) {
			const struct pt_sect *s = &d->s[k];
			if ((pass == 0) != (s->canon == PT_BENEFITS))
				continue;
			for (size_t i = 0; i < s->n && !dr->salary; i++) {
				char where[160];
				snprintf(where, sizeof(where), "line %u%s%.100s",
				         s->v[i].line, s->heading ? ", under " : "",
				         s->heading ? s->heading : "");
				dr->salary = put_salary(b, dr->root, s->v[i].text,
				                        s->v[i].line, false, where);
			}
		}
	draft_asked(dr);
	for (size_t k = 0; k < d->ns; k++)
		if (d->s[k].canon == PT_SUMMARY)
			prose(&summary, &d->s[k]);
	if (summary.len)
		nadd(b, dr->root, "summary", nstr(b, summary.s, 1));
	buf_free(&summary);
	static const struct {
		enum pt_canon c;
		const char *key;
	} lists[] = {
		{PT_RESP, "responsibilities"}, {PT_CONDITIONS, "conditions"},
	};
	for (size_t i = 0; i < sizeof(lists) / sizeof(lists[0]); i++) {
		struct ynode *l = list_of(b, d, lists[i].c);
		if (l)
			nadd(b, dr->root, lists[i].key, l);
	}
	struct ynode *req = list_of(b, d, PT_QUAL), *pref = list_of(b, d, PT_PREF);
	if (pref) {
		struct ynode *q = nnew(b, Y_MAP, req ? req->line : pref->line);
		if (req)
			nadd(b, q, "required", req);
		nadd(b, q, "preferred", pref);
		nadd(b, dr->root, "qualifications", q);
	} else if (req) {
		nadd(b, dr->root, "qualifications", req);
	}
	/* benefits: a list when the text lists them, else its prose */
	bool items = false;
	struct buf ben = {0};
	for (size_t k = 0; k < d->ns; k++)
		if (d->s[k].canon == PT_BENEFITS) {
			items |= has_items(&d->s[k]);
			prose(&ben, &d->s[k]);
		}
	if (items)
		nadd(b, dr->root, "benefits", list_of(b, d, PT_BENEFITS));
	else if (ben.len)
		nadd(b, dr->root, "benefits", nstr(b, ben.s, 1));
	buf_free(&ben);
	draft_apply(dr, apply);
	if (opt && opt->source)
		nadd(b, dr->root, "source", nstr(b, opt->source, 1));
	/* the headings billet does not know: sections, in order */
	struct buf kept = {0};
	for (size_t k = 1; k < d->ns; k++) {
		const struct pt_sect *s = &d->s[k];
		if (s->canon != PT_OTHER || s->parent >= 0)
			continue;
		struct ynode *groups = NULL;
		for (size_t j = k + 1; j < d->ns; j++) {
			if (d->s[j].parent != (int)k)
				continue;
			if (!groups)
				groups = nnew(b, Y_MAP, d->s[j].line);
			sect_put(b, groups, d->s[j].heading, sect_node(b, &d->s[j]));
		}
		if (s->n || !groups)
			sect_put(b, sections, s->heading, sect_node(b, s));
		if (groups)
			sect_put(b, sections, s->heading, groups);
		if (!s->label)
			buf_printf(&kept, "%s%s", kept.len ? ", " : "", s->heading);
	}
	if (kept.len)
		note(b, "sections: kept under the headings as written (%s)",
		     kept.s);
	buf_free(&kept);
	if (sections->n)
		nadd(b, dr->root, "sections", sections);
	/* the id: the organization's name, short when given, and the
	 * title */
	struct buf sl = {0};
	if (dr->org_short || dr->org)
		slug(&sl, dr->org_short ? dr->org_short : dr->org);
	slug(&sl, ymap_get(dr->root, "title")->s);
	if (!sl.len)
		buf_adds(&sl, "posting");
	id->s = arena_strdup(b->a, sl.s);
	id->len = sl.len;
	buf_free(&sl);
	/* what the text did not say */
	static const struct {
		const char *key, *name;
	} wanted[] = {
		{"organization", "organization"}, {"location", "location"},
		{"salary", "salary"}, {"deadline", "deadline"},
		{"apply", "how to apply"},
	};
	struct buf missing = {0};
	for (size_t i = 0; i < sizeof(wanted) / sizeof(wanted[0]); i++)
		if (!ymap_get(dr->root, wanted[i].key))
			buf_printf(&missing, "%s%s", missing.len ? ", " : "",
			           wanted[i].name);
	if (missing.len)
		note(b, "not found in the text: %s", missing.s);
	buf_free(&missing);
	return dr->root;
}

/* Plain text as the loader reads it: UTF-16 made UTF-8, a byte-order
 * mark dropped, "\r\n" and "\r" made "\n" (malloc'd). */
static char *
text_bytes(const char *buf, size_t len, size_t *out_len)
{
	const unsigned char *u = (const unsigned char *)buf;
	char *conv = NULL;
	if (len >= 2 && ((u[0] == 0xFF && u[1] == 0xFE) ||
	                 (u[0] == 0xFE && u[1] == 0xFF))) {
		conv = bytes_from_utf16(u + 2, len - 2, u[0] == 0xFF, &len);
		buf = conv;
	} else if (len >= 3 && u[0] == 0xEF && u[1] == 0xBB && u[2] == 0xBF) {
		buf += 3;
		len -= 3;
	}
	char *out = xmalloc(len + 1);
	size_t k = 0;
	for (size_t i = 0; i < len; i++) {
		if (buf[i] == '\r') {
			out[k++] = '\n';
			if (i + 1 < len && buf[i + 1] == '\n')
				i++;
		} else {
			out[k++] = buf[i];
		}
	}
	out[k] = '\0';
	free(conv);
	*out_len = k;
	return out;
}

size_t
load_text(struct catalog *c, const char *name, const char *buf, size_t len,
          const struct load_limits *lim, const struct text_import *opt)
{
	if (!lim)
		lim = &load_default_limits;
	struct lctx x = {.c = c, .lim = lim};
	x.file = arena_strdup(&c->arena, name);
	if (!x.file)
		die_nomem();
	c->nfiles++;
	if (len > lim->max_file) {
		catalog_problem(c, x.file, 0, 0, true, "file of %zu bytes exceeds "
		                "the limit of %zu (see --max-file); not read", len,
		                lim->max_file);
		return 0;
	}
	size_t tlen;
	char *text = text_bytes(buf, len, &tlen);
	size_t flen;
	char *fixed = bytes_repair(&x, text, tlen, &flen, 0);
	if (fixed) {
		free(text);
		text = fixed;
		tlen = flen;
	}
	struct pt_doc d;
	pt_read(&d, text, tlen);
	free(text);
	size_t before = c->n;
	if (d.longest > lim->max_scalar) {
		catalog_problem(c, x.file, 0, 0, true, "a paragraph of %zu bytes "
		                "exceeds the limit of %zu (see --max-scalar); not "
		                "read", d.longest, lim->max_scalar);
	} else if (d.elems > lim->max_nodes) {
		catalog_problem(c, x.file, 0, 0, true, "%zu paragraphs and items "
		                "exceed the limit of %zu (see --max-nodes); not "
		                "read", d.elems, lim->max_nodes);
	} else if (!d.elems && !d.title) {
		catalog_problem(c, x.file, 0, 0, true, "no text: no posting");
	} else {
		struct arena scratch = {0};
		struct draft dr = {.b = {.a = &scratch,
		                         .check = opt ? opt->check : NULL},
		                   .d = &d};
		struct ynode *root = draft(&dr, opt);
		struct posting *p = arena_alloc(&c->arena, sizeof(*p));
		if (!p)
			die_nomem();
		*p = (struct posting){.file = x.file, .line = 1, .col = 1,
		                      .doc = 1, .experience = {-1, -1, NULL}};
		x.p = p;
		size_t p0 = c->nproblems;
		canonical_map(&x, root);
		for (size_t i = p0; i < c->nproblems; i++)
			p->problems |= c->problems[i].error;
		if (p->title)
			catalog_add(c, p);
		buf_free(&dr.q);
		arena_free(&scratch);
	}
	pt_doc_free(&d);
	return c->n - before;
}
