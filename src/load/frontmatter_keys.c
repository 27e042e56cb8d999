/* SPDX-License-Identifier: MIT */
/* load/frontmatter_keys: the key names Jekyll and Hugo job collections
 * give their front matter (company, apply_url, date, expires, remote,
 * salary_min, Hugo's params...) placed on the canonical keys before the
 * front matter is mapped like any posting. A key is placed only where
 * the front matter does not give the canonical one itself, and only
 * when its value fits (a date for posted, a URL for source); every other
 * key is kept as it is, and shown under Other. */
#include "load/frontmatter.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "value.h"

/* How a key is placed. */
enum how {
	AS_IS,         /* on the canonical key, whatever its value */
	AS_DATE,       /* when its value is a date (YYYY-MM-DD) */
	AS_URL,        /* when its value is an http(s) URL */
	AS_REMOTE,     /* true -> remote; false is not placed */
	AS_EMPLOYMENT, /* when its value is a type of employment */
	AS_SUMMARY,    /* when the body has no summary of its own */
	AS_APPLY,      /* a part of apply (part names which) */
	AS_PAY,        /* a part of salary (part names which) */
};

/* The collections' names, in the order they are preferred. */
static const struct alias {
	const char *key;
	const char *to;    /* the canonical key, or the part */
	enum how how;
} aliases[] = {
	{"job_title", "title", AS_IS}, {"position", "title", AS_IS},
	{"role", "title", AS_IS}, {"role_name", "title", AS_IS},
	{"role_title", "title", AS_IS}, {"name", "title", AS_IS},
	{"company", "organization", AS_IS},
	{"company_name", "organization", AS_IS},
	{"employer", "organization", AS_IS}, {"org", "organization", AS_IS},
	{"organisation", "organization", AS_IS},
	{"hiring_organization", "organization", AS_IS},
	{"locations", "location", AS_IS}, {"job_location", "location", AS_IS},
	{"remote", "workplace", AS_REMOTE}, {"is_remote", "workplace", AS_REMOTE},
	{"remote_ok", "workplace", AS_REMOTE},
	{"workplace_type", "workplace", AS_IS},
	{"remote_type", "workplace", AS_IS}, {"work_mode", "workplace", AS_IS},
	{"location_type", "workplace", AS_IS},
	{"employment_type", "employment", AS_IS},
	{"job_type", "employment", AS_IS}, {"work_type", "employment", AS_IS},
	{"commitment", "employment", AS_IS},
	{"contract_type", "employment", AS_IS},
	{"type", "employment", AS_EMPLOYMENT},
	{"pay", "salary", AS_IS}, {"compensation", "salary", AS_IS},
	{"salary_range", "salary", AS_IS}, {"wage", "salary", AS_IS},
	{"salary_min", "min", AS_PAY}, {"min_salary", "min", AS_PAY},
	{"salary_from", "min", AS_PAY}, {"salary_max", "max", AS_PAY},
	{"max_salary", "max", AS_PAY}, {"salary_to", "max", AS_PAY},
	{"salary_currency", "currency", AS_PAY}, {"currency", "currency", AS_PAY},
	{"salary_period", "period", AS_PAY}, {"salary_unit", "period", AS_PAY},
	{"pay_period", "period", AS_PAY}, {"salary_interval", "period", AS_PAY},
	{"date", "posted", AS_DATE}, {"date_posted", "posted", AS_DATE},
	{"posted_at", "posted", AS_DATE}, {"posted_on", "posted", AS_DATE},
	{"publishDate", "posted", AS_DATE}, {"published_at", "posted", AS_DATE},
	{"expires", "deadline", AS_IS}, {"expiry", "deadline", AS_IS},
	{"expiry_date", "deadline", AS_IS}, {"expiryDate", "deadline", AS_IS},
	{"expires_at", "deadline", AS_IS}, {"closes", "deadline", AS_IS},
	{"closing_date", "deadline", AS_IS}, {"close_date", "deadline", AS_IS},
	{"valid_through", "deadline", AS_IS}, {"validThrough", "deadline", AS_IS},
	{"application_deadline", "deadline", AS_IS},
	{"apply_by", "deadline", AS_IS}, {"apply_before", "deadline", AS_IS},
	{"start_date", "start", AS_IS}, {"starts", "start", AS_IS},
	{"apply_url", "url", AS_APPLY}, {"application_url", "url", AS_APPLY},
	{"apply_link", "url", AS_APPLY}, {"application_link", "url", AS_APPLY},
	{"apply_email", "email", AS_APPLY},
	{"application_email", "email", AS_APPLY},
	{"how_to_apply", "note", AS_APPLY},
	{"application_instructions", "note", AS_APPLY},
	{"link", "source", AS_URL}, {"external_url", "source", AS_URL},
	{"source_url", "source", AS_URL}, {"job_url", "source", AS_URL},
	{"original_url", "source", AS_URL}, {"canonical_url", "source", AS_URL},
	{"url", "source", AS_URL},
	{"team", "department", AS_IS}, {"dept", "department", AS_IS},
	{"slug", "id", AS_IS}, {"job_id", "id", AS_IS},
	{"requirements", "qualifications", AS_IS},
	{"duties", "responsibilities", AS_IS},
	{"tasks", "responsibilities", AS_IS}, {"perks", "benefits", AS_IS},
	{"description", "summary", AS_SUMMARY},
	{"excerpt", "summary", AS_SUMMARY},
};

/* Types of employment a bare "type:" is read as (Hugo's own "type" is a
 * content type, such as "jobs"). */
static const char *const employment_words[] = {
	"full-time", "full time", "fulltime", "full_time", "part-time",
	"part time", "parttime", "part_time", "contract", "contractor",
	"temporary", "temp", "internship", "intern", "volunteer", "freelance",
	"permanent", "seasonal", "per diem", "per_diem",
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

/* The alias named key, or NULL. */
static const struct alias *
alias_of(const char *key)
{
	for (size_t i = 0; i < sizeof(aliases) / sizeof(*aliases); i++)
		if (!strcmp(aliases[i].key, key))
			return &aliases[i];
	return NULL;
}

/* True when scalar v says yes (YAML 1.1's booleans, "remote"), false when
 * it says no, and *said false when it says neither. */
static bool
yes_no(const struct ynode *v, bool *said)
{
	static const char *const yes[] = {"true", "yes", "y", "on", "1",
	                                  "remote"};
	static const char *const no[] = {"false", "no", "n", "off", "0"};
	*said = true;
	for (size_t i = 0; i < sizeof(yes) / sizeof(*yes); i++)
		if (!strcasecmp(v->s, yes[i]))
			return true;
	for (size_t i = 0; i < sizeof(no) / sizeof(*no); i++)
		if (!strcasecmp(v->s, no[i]))
			return false;
	*said = false;
	return false;
}

/* True when v's value fits the alias: the checks of enum how. */
static bool
fits(const struct alias *al, const struct ynode *v, bool body_summary)
{
	bool text = v->kind == Y_SCALAR;
	int32_t ymd;
	switch (al->how) {
	case AS_DATE:
		return text && value_date(v->s, &ymd);
	case AS_URL:
		return text && (!strncmp(v->s, "http://", 7) ||
		                !strncmp(v->s, "https://", 8));
	case AS_REMOTE: {
		bool said;
		return text && (yes_no(v, &said) || !said);
	}
	case AS_EMPLOYMENT:
		for (size_t i = 0; text && i < sizeof(employment_words) /
		                              sizeof(*employment_words); i++)
			if (!strcasecmp(v->s, employment_words[i]))
				return true;
		return false;
	case AS_SUMMARY:
		return text && !body_summary;
	default:
		return true;
	}
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

/* The parts of a mapping made of several keys (apply, salary). */
struct group {
	const char *key;      /* the canonical key it makes */
	struct kvs parts;     /* part name, value... */
	size_t first;         /* the pair of the first part */
};

/* Adds pair i, a part of g, unless g has that part already. */
static bool
group_add(struct reader *r, struct group *g, size_t i, struct ynode *k,
          struct ynode *v, const char *part)
{
	if (taken(&g->parts, part))
		return false;
	if (!g->parts.n)
		g->first = i;
	kvs_add(&g->parts, made_text(r, k, part), v);
	return true;
}

void
frontmatter_keys(struct reader *r, struct ynode *root, const struct body *b,
                 size_t *from)
{
	struct kvs w = {0};
	for (size_t i = 0; i < root->n; i++)
		kvs_add(&w, root->kids[2 * i], root->kids[2 * i + 1]);
	lift_params(r, &w);
	/* the title from "# Title" opening the body, when none is given
	 * under any name */
	bool titled = taken(&w, "title");
	for (size_t i = 0; i < w.n && !titled; i++) {
		const struct alias *al = alias_of(key_of(w.v[2 * i]));
		titled = al && !strcmp(al->to, "title");
	}
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
	struct group apply = {.key = "apply"}, pay = {.key = "salary"};
	bool *gone = xcalloc(w.n ? w.n : 1, sizeof(*gone));
	size_t n = w.n;
	for (size_t i = 0; i < n; i++) {
		struct ynode *k = w.v[2 * i], *v = w.v[2 * i + 1];
		const struct alias *al = alias_of(key_of(k));
		if (!al || !fits(al, v, body_summary))
			continue;
		if (al->how == AS_APPLY || al->how == AS_PAY) {
			struct group *g = al->how == AS_APPLY ? &apply : &pay;
			if (!taken(&w, g->key))
				gone[i] = group_add(r, g, i, k, v, al->to);
			continue;
		}
		if (taken(&w, al->to))
			continue;
		struct ynode *nk = made_text(r, k, al->to);
		w.v[2 * i] = nk;
		if (al->how == AS_REMOTE) {
			bool said;
			if (yes_no(v, &said))
				w.v[2 * i + 1] = made_text(r, v, "remote");
		}
	}
	/* a salary needs its figures, and the front matter not to give one
	 * under another name (pay:) */
	if (!taken(&pay.parts, "min") && !taken(&pay.parts, "max"))
		pay.parts.n = 0;
	if (pay.parts.n && taken(&w, "salary"))
		pay.parts.n = 0;
	struct kvs out = {0};
	for (size_t i = 0; i < n; i++) {
		struct group *g = apply.parts.n && apply.first == i ? &apply
		                  : pay.parts.n && pay.first == i ? &pay : NULL;
		if (g) {
			struct ynode *m = made(r, Y_MAP, w.v[2 * i]->line,
			                       w.v[2 * i]->col);
			set_pairs(r, m, &g->parts);
			kvs_add(&out, made_text(r, w.v[2 * i], g->key), m);
			continue;
		}
		bool grouped = gone[i] &&
		               (alias_of(key_of(w.v[2 * i]))->how == AS_APPLY
		                ? apply.parts.n : pay.parts.n);
		if (!grouped)
			kvs_add(&out, w.v[2 * i], w.v[2 * i + 1]);
	}
	set_pairs(r, root, &out);
	free(out.v);
	free(gone);
	free(apply.parts.v);
	free(pay.parts.v);
	free(w.v);
}
