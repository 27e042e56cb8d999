/* SPDX-License-Identifier: MIT */
/* load/frontmatter_keys: a front matter's keys placed. Jekyll and Hugo
 * job collections name their keys their own way: the table of common
 * names (shapes_names.c: company, apply_url, expires, remote, job_type,
 * salary_min...) places most of them, as it does for other sites' lists;
 * the names only front matters use (Jekyll's and Hugo's date, Hugo's
 * expiryDate and slug, org, type when it is a kind of employment, the
 * parts of how to apply) are placed here, only where the front matter
 * does not give the canonical key itself and only when the value fits;
 * and the keys that mean something else in a front matter (Hugo's
 * content type, a page's state, its path on the site) are kept as they
 * are. Every key not placed is kept under Other, and the file's note says
 * what was placed. */
#include "load/frontmatter.h"
#include "load/shapes.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "value.h"

/* How a name is placed. */
enum how {
	AS_IS,         /* on the canonical key, whatever its value */
	AS_DATE,       /* when its value is a date (YYYY-MM-DD) */
	AS_URL,        /* when its value is an http(s) URL */
	AS_REMOTE,     /* true -> remote; false is not placed */
	AS_EMPLOYMENT, /* when its value is a type of employment */
	AS_SUMMARY,    /* when the body has no summary of its own */
	AS_APPLY,      /* a part of apply (to names which) */
};

/* The names only front matters use, in the order they are preferred. */
static const struct alias {
	const char *key;
	const char *to;    /* the canonical key, or the part */
	enum how how;
} aliases[] = {
	{"role_name", "title", AS_IS}, {"role_title", "title", AS_IS},
	{"org", "organization", AS_IS},
	{"hiring_organization", "organization", AS_IS},
	{"remote_ok", "workplace", AS_REMOTE},
	{"remote_type", "workplace", AS_IS}, {"work_mode", "workplace", AS_IS},
	{"type", "employment", AS_EMPLOYMENT},
	{"contract_type", "employment", AS_IS},
	{"date", "posted", AS_DATE}, {"publishDate", "posted", AS_DATE},
	{"expiryDate", "deadline", AS_IS}, {"expiry", "deadline", AS_IS},
	{"expiry_date", "deadline", AS_IS}, {"valid_through", "deadline", AS_IS},
	{"apply_by", "deadline", AS_IS}, {"apply_before", "deadline", AS_IS},
	{"start_date", "start", AS_IS}, {"starts", "start", AS_IS},
	{"external_url", "source", AS_URL}, {"source_url", "source", AS_URL},
	{"original_url", "source", AS_URL}, {"canonical_url", "source", AS_URL},
	{"slug", "id", AS_IS}, {"job_id", "id", AS_IS},
	{"requirements", "qualifications", AS_IS},
	{"duties", "responsibilities", AS_IS},
	{"tasks", "responsibilities", AS_IS}, {"perks", "benefits", AS_IS},
	{"excerpt", "summary", AS_SUMMARY},
	{"apply_email", "email", AS_APPLY},
	{"application_email", "email", AS_APPLY},
	{"how_to_apply", "note", AS_APPLY},
	{"application_instructions", "note", AS_APPLY},
	/* the table's names of an apply URL, when apply is made here */
	{"apply_url", "url", AS_APPLY}, {"application_url", "url", AS_APPLY},
	{"applyUrl", "url", AS_APPLY}, {"apply_link", "url", AS_APPLY},
};

/* The names a title is given by, here and in the table of common names:
 * with one of them, "# Title" opening the body is not the title. */
static const char *const title_names[] = {
	"title", "role_name", "role_title", "job_title", "position", "role",
	"name", "text",
};

/* Types of employment a bare "type:" is read as (Hugo's own "type" is a
 * content type, such as "jobs"). */
static const char *const employment_words[] = {
	"full-time", "full time", "fulltime", "full_time", "part-time",
	"part time", "parttime", "part_time", "contract", "contractor",
	"temporary", "temp", "internship", "intern", "volunteer", "freelance",
	"permanent", "seasonal", "per diem", "per_diem",
};

/* What a page's "state" says of it (TTS's Join pages: upcoming, open,
 * closed), which is no region. */
static const char *const page_states[] = {
	"open", "closed", "upcoming", "draft", "filled", "archived",
	"active", "inactive", "expired", "published",
};

/* A front matter's pairs being placed. */
struct kvs {
	struct ynode **v;  /* key, value, key, value... (malloc'd) */
	size_t n, cap;     /* pairs */
};

/* Appends a pair. */
static void
kvs_add(struct kvs *a, struct ynode *k, struct ynode *v)
{
	if (a->n == a->cap) {
		a->cap = a->cap ? a->cap * 2 : 16;
		a->v = xrealloc(a->v, 2 * a->cap * sizeof(*a->v));
	}
	a->v[2 * a->n] = k;
	a->v[2 * a->n + 1] = v;
	a->n++;
}

/* A node made here, in the document's scratch memory, at line, col. */
static struct ynode *
made(struct reader *r, enum ykind kind, unsigned line, unsigned col)
{
	struct ynode *n = arena_alloc(&r->scratch, sizeof(*n));
	if (!n)
		die_nomem();
	*n = (struct ynode){.kind = kind, .line = line, .col = col,
	                    .weight = 1};
	return n;
}

/* A scalar node of text s (which outlives the mapping) at at's place. */
static struct ynode *
made_text(struct reader *r, const struct ynode *at, const char *s)
{
	struct ynode *n = made(r, Y_SCALAR, at->line, at->col);
	n->s = s;
	n->len = n->bytes = strlen(s);
	n->plain = true;
	return n;
}

/* Gives m the pairs of a. */
static void
set_pairs(struct reader *r, struct ynode *m, const struct kvs *a)
{
	m->kids = arena_alloc(&r->scratch, (2 * a->n + 1) * sizeof(*m->kids));
	if (!m->kids)
		die_nomem();
	if (a->n)
		memcpy(m->kids, a->v, 2 * a->n * sizeof(*m->kids));
	m->n = a->n;
}

/* The text of scalar key node k, or "". */
static const char *
key_of(const struct ynode *k)
{
	return k->kind == Y_SCALAR ? k->s : "";
}

/* True when some key of a is key. */
static bool
taken(const struct kvs *a, const char *key)
{
	for (size_t i = 0; i < a->n; i++)
		if (!strcmp(key_of(a->v[2 * i]), key))
			return true;
	return false;
}

/* True when scalar v is one of the n words of w (case ignored). */
static bool
one_of(const struct ynode *v, const char *const *w, size_t n)
{
	for (size_t i = 0; v->kind == Y_SCALAR && i < n; i++)
		if (!strcasecmp(v->s, w[i]))
			return true;
	return false;
}

/* The alias named key, or NULL. */
static const struct alias *
alias_of(const char *key)
{
	for (size_t i = 0; i < sizeof(aliases) / sizeof(*aliases); i++)
		if (!strcmp(aliases[i].key, key))
			return &aliases[i];
	return NULL;
}

/* True when scalar v says yes (YAML 1.1's booleans, "remote"); *said is
 * false when it says neither yes nor no. */
static bool
yes_no(const struct ynode *v, bool *said)
{
	static const char *const yes[] = {"true", "yes", "y", "on", "1",
	                                  "remote"};
	static const char *const no[] = {"false", "no", "n", "off", "0"};
	*said = true;
	if (one_of(v, yes, sizeof(yes) / sizeof(*yes)))
		return true;
	if (one_of(v, no, sizeof(no) / sizeof(*no)))
		return false;
	*said = false;
	return false;
}

/* True when v's value fits the alias: the checks of enum how. */
static bool
fits(const struct alias *al, const struct ynode *v, bool body_summary)
{
	bool text = v->kind == Y_SCALAR, said;
	int32_t ymd;
	switch (al->how) {
	case AS_DATE:
		return text && value_date(v->s, &ymd);
	case AS_URL:
		return text && (!strncmp(v->s, "http://", 7) ||
		                !strncmp(v->s, "https://", 8));
	case AS_REMOTE:
		return text && (yes_no(v, &said) || !said);
	case AS_EMPLOYMENT:
		return one_of(v, employment_words, sizeof(employment_words) /
		                                   sizeof(*employment_words));
	case AS_SUMMARY:
		return text && !body_summary;
	default:
		return true;
	}
}

/* True for a pair the table of common names would misread in a front
 * matter: a page's own text (content, body), its state, its path on the
 * site (url, link), and a description when the body has a summary. */
static bool
kept_as_is(const struct ynode *k, const struct ynode *v, bool body_summary)
{
	const char *key = key_of(k);
	bool text = v->kind == Y_SCALAR;
	if (!strcmp(key, "content") || !strcmp(key, "body"))
		return true;
	if (!strcmp(key, "state"))
		return one_of(v, page_states,
		              sizeof(page_states) / sizeof(*page_states));
	if (!strcmp(key, "url") || !strcmp(key, "link"))
		return !text || (strncmp(v->s, "http://", 7) &&
		                 strncmp(v->s, "https://", 8));
	if (!strcmp(key, "description"))
		return body_summary;
	return false;
}

/* Hugo's params: its keys that the front matter does not give itself
 * join it (those it gives stay under params). Only a small params is
 * looked at: each of its keys is looked for among the others. */
static void
lift_params(struct reader *r, struct kvs *w)
{
	size_t at = w->n;
	for (size_t i = 0; i < w->n && at == w->n; i++)
		if (!strcmp(key_of(w->v[2 * i]), "params") &&
		    w->v[2 * i + 1]->kind == Y_MAP && w->v[2 * i + 1]->n <= 256)
			at = i;
	if (at == w->n)
		return;
	struct ynode *pm = w->v[2 * at + 1];
	struct kvs left = {0};
	size_t top = w->n;
	for (size_t i = 0; i < pm->n; i++) {
		struct ynode *k = pm->kids[2 * i], *v = pm->kids[2 * i + 1];
		bool dup = k->kind != Y_SCALAR;
		for (size_t j = 0; j < top && !dup; j++)
			dup = !strcmp(key_of(w->v[2 * j]), k->s);
		if (dup)
			kvs_add(&left, k, v);
		else
			kvs_add(w, k, v);
	}
	if (left.n) {
		struct ynode *m = made(r, Y_MAP, pm->line, pm->col);
		set_pairs(r, m, &left);
		w->v[2 * at + 1] = m;
	} else {
		/* nothing left under it: the pair goes */
		memmove(w->v + 2 * at, w->v + 2 * at + 2,
		        2 * (w->n - at - 1) * sizeof(*w->v));
		w->n--;
	}
	free(left.v);
}

/* Notes that key was placed on field, for the file's note. */
static void
said(struct fm_keys *fk, const char *key, const char *field)
{
	if (fk->nsaid < FM_SAID_MAX) {
		fk->said[fk->nsaid][0] = key;
		fk->said[fk->nsaid][1] = field;
		fk->nsaid++;
	}
}

/* Builds apply from its parts: the pairs of w marked in part (the first
 * of each part), at the place of the first; their keys noted. */
static void
make_apply(struct reader *r, struct kvs *w, const char **part,
           struct fm_keys *fk)
{
	struct kvs parts = {0}, out = {0};
	size_t first = w->n;
	for (size_t i = 0; i < w->n; i++) {
		if (!part[i] || taken(&parts, part[i])) {
			part[i] = NULL;
			continue;
		}
		if (first == w->n)
			first = i;
		kvs_add(&parts, made_text(r, w->v[2 * i], part[i]),
		        w->v[2 * i + 1]);
		said(fk, key_of(w->v[2 * i]), "apply");
	}
	for (size_t i = 0; i < w->n; i++) {
		if (i == first) {
			struct ynode *m = made(r, Y_MAP, w->v[2 * i]->line,
			                       w->v[2 * i]->col);
			set_pairs(r, m, &parts);
			kvs_add(&out, made_text(r, w->v[2 * i], "apply"), m);
		} else if (!part[i]) {
			kvs_add(&out, w->v[2 * i], w->v[2 * i + 1]);
		}
	}
	free(w->v);
	free(parts.v);
	*w = out;
}

void
frontmatter_keys(struct reader *r, struct ynode *root, const struct body *b,
                 size_t *from, struct fm_keys *fk)
{
	*fk = (struct fm_keys){0};
	struct kvs w = {0};
	for (size_t i = 0; i < root->n; i++)
		kvs_add(&w, root->kids[2 * i], root->kids[2 * i + 1]);
	lift_params(r, &w);
	/* the title from "# Title" opening the body, when none is given
	 * under any name */
	bool titled = false;
	for (size_t i = 0; i < sizeof(title_names) / sizeof(*title_names); i++)
		titled = titled || taken(&w, title_names[i]);
	*from = 0;
	if (!titled && b->n && b->v[0].kind == BODY_HEADING &&
	    b->v[0].level == 1) {
		struct ynode at = {.line = b->v[0].line, .col = 1};
		kvs_add(&w, made_text(r, &at, "title"),
		        made_text(r, &at, BODY_TEXT(b, 0)));
		*from = 1;
	}
	size_t s0 = *from;
	if (s0 < b->n && b->v[s0].kind == BODY_HEADING && b->v[s0].level == 1)
		s0++; /* the title again */
	bool body_summary = s0 < b->n && b->v[s0].kind != BODY_HEADING;
	/* the names of front matters */
	const char **part = xcalloc(w.n ? w.n : 1, sizeof(*part));
	bool apply = false;
	for (size_t i = 0; i < w.n; i++) {
		struct ynode *k = w.v[2 * i], *v = w.v[2 * i + 1];
		const struct alias *al = alias_of(key_of(k));
		if (!al || !fits(al, v, body_summary))
			continue;
		if (al->how == AS_APPLY) {
			part[i] = al->to;
			/* made here when a part the table has not is given */
			apply = apply || strcmp(al->to, "url");
			continue;
		}
		if (taken(&w, al->to))
			continue;
		said(fk, key_of(k), al->to);
		w.v[2 * i] = made_text(r, k, al->to);
		bool yes;
		if (al->how == AS_REMOTE && yes_no(v, &yes) && yes)
			w.v[2 * i + 1] = made_text(r, v, "remote");
	}
	if (apply && !taken(&w, "apply"))
		make_apply(r, &w, part, fk);
	free(part);
	/* the pairs the table of common names would misread go last, to be
	 * kept as they are */
	struct kvs out = {0}, last = {0};
	for (size_t i = 0; i < w.n; i++) {
		bool as_is = kept_as_is(w.v[2 * i], w.v[2 * i + 1],
		                        body_summary);
		kvs_add(as_is ? &last : &out, w.v[2 * i], w.v[2 * i + 1]);
	}
	fk->nmap = out.n;
	bool alias = fk->nsaid > 0;
	for (size_t i = 0; i < out.n && !alias; i++)
		alias = names_alias_key(key_of(out.v[2 * i]));
	fk->names = alias;
	for (size_t i = 0; i < last.n; i++)
		kvs_add(&out, last.v[2 * i], last.v[2 * i + 1]);
	set_pairs(r, root, &out);
	free(out.v);
	free(last.v);
	free(w.v);
}

void
frontmatter_map(struct lctx *x, const struct ynode *m,
                const struct fm_keys *fk)
{
	if (!fk->names) {
		canonical_map(x, m);
		return;
	}
	struct ynode head = *m;
	head.n = fk->nmap;
	names_map(x, &head);
	for (size_t i = fk->nmap; i < m->n; i++)
		shapes_unplaced(x, key_of(m->kids[2 * i]), m->kids[2 * i + 1]);
	for (size_t i = 0; i < fk->nsaid; i++)
		shapes_alias(x, fk->said[i][0], fk->said[i][1]);
	shapes_state(x)->count[SHAPE_NAMES]++;
}
