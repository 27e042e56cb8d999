/* SPDX-License-Identifier: MIT */
/* load/plaintext_who: whose job a pasted posting is and what it is
 * called: the title (a title line, a label, or "X seeks a Y" near the
 * top), the organization (a label, "The Name (Short)" opening a
 * paragraph, or who seeks the job), and the slug its id is made of. */
#include "load.h"
#include "load/plaintext_draft.h"

#include <stdlib.h>
#include <string.h>

/* How many paragraphs from the top may say who seeks whom. */
#define HIRING_PARAGRAPHS 6

/* Finds "X seeks a Y" (pt_find_hiring) in the first paragraphs. */
void
draft_find_hiring(struct draft *dr)
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

/* The organization: its label, else "The Name (Short)" opening the
 * about section or the first paragraph, else who "seeks a" job near the
 * top; with the about section. */
void
draft_org(struct draft *dr)
{
	const struct pt_doc *d = dr->d;
	struct nb *b = &dr->b;
	struct ynode *m = draft_new(b, Y_MAP, 1);
	const struct pt_label *l = draft_label(d, PF_ORG, NULL);
	if (l) {
		draft_add(b, m, "name", draft_str(b, l->value, l->line));
		dr->org = l->value;
	}
	struct buf about = {0};
	unsigned about_line = 0;
	for (size_t k = 0; k < d->ns; k++)
		if (d->s[k].canon == PT_ABOUT) {
			about_line = about_line ? about_line : d->s[k].line;
			draft_prose(&about, &d->s[k]);
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
		draft_add(b, m, "name", draft_str(b, name, where->line));
		draft_add(b, m, "short", draft_str(b, sh, where->line));
		draft_note(b, "organization: read from \"%s\" (line %u)",
		     draft_quote(&dr->q, where->text, nl + sl + no + 3), where->line);
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
			draft_add(b, m, "name", draft_str(b, name, e->line));
			if (sh)
				draft_add(b, m, "short", draft_str(b, sh, e->line));
			draft_note(b, "organization: read from \"%s\" (line %u)",
			     draft_quote(&dr->q, e->text + dr->xoff,
			           dr->yoff + dr->ylen - dr->xoff), e->line);
			dr->org = arena_strdup(b->a, name);
			dr->org_short = sh ? arena_strdup(b->a, sh) : NULL;
		}
		free(name);
		free(sh);
		free(x);
	}
	if (about.len)
		draft_add(b, m, "about", draft_str(b, about.s, about_line));
	buf_free(&about);
	if (m->n)
		draft_add(b, dr->root, "organization", m);
}

/* The title: --title, else a "Title:" label, else the first line, else
 * the job that "X seeks a Y" names near the top, else the name of the
 * file (said in the notes). */
void
draft_title(struct draft *dr, const struct text_import *opt,
            struct buf *summary)
{
	const struct pt_doc *d = dr->d;
	struct nb *b = &dr->b;
	const struct pt_label *l = draft_label(d, PF_TITLE, NULL);
	const char *title = NULL;
	unsigned line = 1;
	if (opt && opt->title && *opt->title) {
		title = opt->title;
		if (d->title) /* the text's own goes first in the summary */
			buf_adds(summary, d->title);
		draft_note(b, "title: given on the command line (--title)");
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
		draft_note(b, "title: read from \"…%s\" (line %u)",
		     draft_quote(&dr->q, e->text + from,
		           dr->yoff + dr->ylen - from), e->line);
		draft_add(b, dr->root, "title", draft_str(b, t, e->line));
		free(t);
		return;
	} else {
		title = opt && opt->fallback && *opt->fallback ? opt->fallback
		                                               : "untitled";
		draft_note(b, "title: the text has no title line; \"%s\" is the name "
		     "of what was imported: write the posting's title (or "
		     "import again with --title)", title);
	}
	draft_add(b, dr->root, "title", draft_str(b, title, line));
}

/* Appends a slug of s to out: lowercase ASCII letters and digits, a dash
 * between words, common accented letters without their accents. */
void
draft_slug(struct buf *out, const char *s)
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
