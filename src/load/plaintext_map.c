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
#include "load/plaintext_draft.h"
#include "load/reader.h"
#include "value.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* Nodes ------------------------------------------------------------------ */

struct ynode *
draft_new(struct nb *b, enum ykind kind, unsigned line)
{
	struct ynode *n = arena_alloc(b->a, sizeof(*n));
	if (!n)
		die_nomem();
	*n = (struct ynode){.kind = kind, .line = line ? line : 1, .col = 1,
	                    .weight = 1};
	return n;
}

struct ynode *
draft_str(struct nb *b, const char *s, unsigned line)
{
	struct ynode *n = draft_new(b, Y_SCALAR, line);
	n->len = strlen(s);
	n->s = arena_strndup(b->a, s, n->len);
	if (!n->s)
		die_nomem();
	n->bytes = n->len;
	return n;
}

/* Appends kid to a list, or key and kid to a mapping. */
void
draft_add(struct nb *b, struct ynode *n, const char *key, struct ynode *kid)
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
		n->kids[2 * n->n] = draft_str(b, key, kid->line);
		n->kids[2 * n->n + 1] = kid;
	} else {
		n->kids[n->n] = kid;
	}
	n->n++;
}

/* Appends a line to the notes. */
void
draft_note(struct nb *b, const char *fmt, ...)
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
const char *
draft_quote(struct buf *out, const char *s, size_t len)
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
	struct ynode *m = draft_new(b, Y_MAP, line);
	char num[64];
	snprintf(num, sizeof(num), "%.15g", sal.min);
	draft_add(b, m, "min", draft_str(b, num, line));
	snprintf(num, sizeof(num), "%.15g", sal.max);
	draft_add(b, m, "max", draft_str(b, num, line));
	draft_add(b, m, "currency", draft_str(b, sal.currency, line));
	draft_add(b, m, "period", draft_str(b, period_name(sal.period), line));
	if (label && (off || len != strlen(s)))
		draft_add(b, m, "note", draft_str(b, s, line));
	draft_add(b, root, "salary", m);
	draft_note(b, "salary: read from \"%.*s\"%s%s%s", (int)len, s + off,
	     where ? " (" : "", where ? where : "", where ? ")" : "");
	if (!period)
		draft_note(b, "salary: the text names no pay period; read as a %s",
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
		draft_add(b, m, key, draft_str(b, v, line));
	} else if (pt_word_date(v, ymd)) {
		draft_add(b, m, key, draft_str(b, ymd, line));
		draft_note(b, "%s: \"%s\" read as %s", key, v, ymd);
	} else if (!date_only) {
		draft_add(b, m, key, draft_str(b, v, line));
	} else {
		return false;
	}
	return true;
}

/* Text of sections ------------------------------------------------------ */

/* Appends the elements of section k to out as prose: paragraphs and
 * items (with their bullets as written) apart by blank lines. */
void
draft_prose(struct buf *out, const struct pt_sect *k)
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
		struct ynode *l = draft_new(b, Y_SEQ, k->line);
		for (size_t i = 0; i < k->n; i++)
			draft_add(b, l, NULL, draft_str(b, k->v[i].text, k->v[i].line));
		return l;
	}
	struct buf t = {0};
	draft_prose(&t, k);
	struct ynode *n = draft_str(b, t.s ? t.s : "", k->line);
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
				l = draft_new(b, Y_SEQ, d->s[k].line);
			draft_add(b, l, NULL, draft_str(b, d->s[k].v[i].text,
			                      d->s[k].v[i].line));
		}
	}
	return l;
}

/* The drafting ----------------------------------------------------------- */

/* The first label of field f, or NULL; *count gets how many. */
const struct pt_label *
draft_label(const struct pt_doc *d, enum pt_field f, size_t *count)
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
		draft_add(b, sections, heading, v);
		return;
	}
	if (old->kind == Y_SCALAR && v->kind == Y_SCALAR) {
		struct buf t = {0};
		buf_printf(&t, "%s\n\n%s", old->s, v->s);
		sections->kids[2 * at + 1] = draft_str(b, t.s, old->line);
		buf_free(&t);
		return;
	}
	if (old->kind == Y_MAP || v->kind == Y_MAP) {
		struct buf h = {0};
		buf_printf(&h, "%s (%zu)", heading, sections->n + 1);
		draft_add(b, sections, h.s, v);
		buf_free(&h);
		return;
	}
	struct ynode *l = draft_new(b, Y_SEQ, old->line);
	const struct ynode *both[2] = {old, v};
	for (int k = 0; k < 2; k++)
		for (size_t i = 0; i < (both[k]->kind == Y_SEQ ? both[k]->n : 1); i++)
			draft_add(b, l, NULL, both[k]->kind == Y_SEQ
			                 ? both[k]->kids[i] : (struct ynode *)both[k]);
	sections->kids[2 * at + 1] = l;
}

/* Keeps a label line no field took as a section of its own. */
static void
label_section(struct draft *dr, struct ynode *sections,
              const struct pt_label *l)
{
	sect_put(&dr->b, sections, l->label, draft_str(&dr->b, l->value, l->line));
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
				draft_add(b, root, plain[k].key,
				     draft_str(b, l->value, l->line));
				done = true;
			}
		switch (l->field) {
		case PF_TITLE:
		case PF_ORG:
			done = !nth; /* draft_title, draft_org */
			break;
		case PF_LOCATION:
			if (!places)
				places = draft_new(b, Y_SEQ, l->line);
			draft_add(b, places, NULL, draft_str(b, l->value, l->line));
			done = true;
			break;
		case PF_WORKPLACE:
			if (nth)
				break;
			if (!strcasecmp(l->value, "remote") ||
			    !strcasecmp(l->value, "hybrid") ||
			    !strcasecmp(l->value, "onsite") ||
			    !strcasecmp(l->value, "on-site")) {
				draft_add(b, root, "workplace",
				     draft_str(b, l->value, l->line));
			} else {
				struct ynode *w = draft_new(b, Y_MAP, l->line);
				draft_add(b, w, "note", draft_str(b, l->value, l->line));
				draft_add(b, root, "workplace", w);
			}
			done = true;
			break;
		case PF_SALARY:
			done = !dr->salary &&
			       (dr->salary = put_salary(b, root, l->value,
			                                l->line, true, NULL));
			if (!done)
				draft_note(b, "salary: \"%s\" (line %u) is no amount "
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
				struct ynode *e = draft_new(b, Y_MAP, l->line);
				double lo, hi;
				char num[32];
				if (pt_find_years(l->value, &lo, &hi) ||
				    (strstr(l->value, "year") &&
				     pt_find_years(l->value, &lo, &hi))) {
					snprintf(num, sizeof(num), "%g", lo);
					draft_add(b, e, "min_years", draft_str(b, num, l->line));
					if (hi >= 0) {
						snprintf(num, sizeof(num), "%g", hi);
						draft_add(b, e, "max_years",
						     draft_str(b, num, l->line));
					}
				}
				draft_add(b, e, "note", draft_str(b, l->value, l->line));
				draft_add(b, root, "experience", e);
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
			draft_add(b, apply, mail ? "email" : "url",
			     draft_str(b, v, l->line));
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
		draft_add(b, root, "location", places->n == 1 ? places->kids[0]
		                                         : places);
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
				struct ynode *m = draft_new(b, Y_MAP, e->line);
				char num[32];
				snprintf(num, sizeof(num), "%g", lo);
				draft_add(b, m, "min_years", draft_str(b, num, e->line));
				if (hi >= 0) {
					snprintf(num, sizeof(num), "%g", hi);
					draft_add(b, m, "max_years", draft_str(b, num, e->line));
				}
				draft_add(b, m, "note", draft_str(b, e->text, e->line));
				draft_add(b, dr->root, "experience", m);
				dr->experience = true;
				draft_note(b, "experience: read from \"%s\" (line %u)",
				     draft_quote(&dr->q, e->text, strlen(e->text)),
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
					langs = draft_new(b, Y_SEQ, e->line);
				struct ynode *m = draft_new(b, Y_MAP, e->line);
				draft_add(b, m, "name", draft_str(b, names[j], e->line));
				if (level)
					draft_add(b, m, "level", draft_str(b, level, e->line));
				draft_add(b, langs, NULL, m);
				draft_note(b, "languages: %s%s%s%s, read from \"%s\" (line %u)",
				     names[j], level ? " (" : "", level ? level : "",
				     level ? ")" : "",
				     draft_quote(&dr->q, e->text, strlen(e->text)), e->line);
			}
		}
	}
	if (langs)
		draft_add(b, dr->root, "languages", langs);
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
					docs = draft_new(b, Y_SEQ, e->line);
				draft_add(b, docs, NULL, draft_str(b, e->text, e->line));
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
				draft_add(b, apply, kind ? "email" : "url",
				     draft_str(b, v, e->line));
				draft_note(b, "apply: %s %s, %s (line %u): is it the "
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
				draft_add(b, apply, "subject", draft_str(b, v, e->line));
				draft_note(b, "apply: subject \"%s\", read from line %u", v,
				     e->line);
				free(v);
				subject = true;
			}
		}
	}
	(void)where;
	if (docs)
		draft_add(b, apply, "documents", docs);
	if (text.len)
		draft_add(b, apply, "note", draft_str(b, text.s, 1));
	buf_free(&text);
	if (apply->n)
		draft_add(b, dr->root, "apply", apply);
}

/* Builds the draft's nodes from the parts of the text. */
static struct ynode *
draft(struct draft *dr, const struct text_import *opt)
{
	const struct pt_doc *d = dr->d;
	struct nb *b = &dr->b;
	dr->root = draft_new(b, Y_MAP, 1);
	struct ynode *sections = draft_new(b, Y_MAP, 1);
	struct ynode *apply = draft_new(b, Y_MAP, 1);
	struct ynode *id = draft_str(b, "", 1);
	draft_add(b, dr->root, "id", id);
	struct buf summary = {0};
	draft_find_hiring(dr);
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
			draft_prose(&summary, &d->s[k]);
	if (summary.len)
		draft_add(b, dr->root, "summary", draft_str(b, summary.s, 1));
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
			draft_add(b, dr->root, lists[i].key, l);
	}
	struct ynode *req = list_of(b, d, PT_QUAL), *pref = list_of(b, d, PT_PREF);
	if (pref) {
		struct ynode *q = draft_new(b, Y_MAP, req ? req->line : pref->line);
		if (req)
			draft_add(b, q, "required", req);
		draft_add(b, q, "preferred", pref);
		draft_add(b, dr->root, "qualifications", q);
	} else if (req) {
		draft_add(b, dr->root, "qualifications", req);
	}
	/* benefits: a list when the text lists them, else its prose */
	bool items = false;
	struct buf ben = {0};
	for (size_t k = 0; k < d->ns; k++)
		if (d->s[k].canon == PT_BENEFITS) {
			items |= has_items(&d->s[k]);
			draft_prose(&ben, &d->s[k]);
		}
	if (items)
		draft_add(b, dr->root, "benefits", list_of(b, d, PT_BENEFITS));
	else if (ben.len)
		draft_add(b, dr->root, "benefits", draft_str(b, ben.s, 1));
	buf_free(&ben);
	draft_apply(dr, apply);
	if (opt && opt->source)
		draft_add(b, dr->root, "source", draft_str(b, opt->source, 1));
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
				groups = draft_new(b, Y_MAP, d->s[j].line);
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
		draft_note(b, "sections: kept under the headings as written (%s)",
		     kept.s);
	buf_free(&kept);
	if (sections->n)
		draft_add(b, dr->root, "sections", sections);
	/* the id: the organization's name, short when given, and the
	 * title */
	struct buf sl = {0};
	if (dr->org_short || dr->org)
		draft_slug(&sl, dr->org_short ? dr->org_short : dr->org);
	draft_slug(&sl, ymap_get(dr->root, "title")->s);
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
		draft_note(b, "not found in the text: %s", missing.s);
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
