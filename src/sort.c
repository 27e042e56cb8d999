/* SPDX-License-Identifier: MIT */
/* sort: the sort keys of catalog.h. Each posting's keys are worked out once
 * per sort (text keys folded) into an array that qsort orders; the id
 * breaks every tie, so the result does not depend on qsort's stability. */
#include "catalog.h"

#include "currency.h"

#include <stdlib.h>
#include <string.h>

static const char *const key_names[SORT_NKEYS] = {
	[SORT_TITLE] = "title", [SORT_ORG] = "org",
	[SORT_LOCATION] = "location", [SORT_SALARY] = "salary",
	[SORT_POSTED] = "posted", [SORT_DEADLINE] = "deadline",
	[SORT_ID] = "id",
};

const char *
sort_key_name(enum sort_key k)
{
	return (unsigned)k < SORT_NKEYS ? key_names[k] : "?";
}

static char
lower(char c)
{
	return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* A key may be written in full or cut to any prefix (each name starts with
 * a different letter), in any case; a '-' before it reverses the order and
 * a '+' keeps it. Blanks around keys are ignored. */
bool
sort_parse(const char *s, struct sort_spec *out, const char **bad)
{
	struct sort_spec spec = { .n = 0 };
	const char *p = s;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		const char *start = p;
		bool rev = false;
		if (*p == '-' || *p == '+') {
			rev = *p == '-';
			p++;
		}
		const char *name = p;
		while (*p && *p != ',' && *p != ' ' && *p != '\t')
			p++;
		size_t len = (size_t)(p - name);
		while (*p == ' ' || *p == '\t')
			p++;
		int found = -1;
		for (int k = 0; len && k < SORT_NKEYS; k++) {
			size_t j;
			for (j = 0; j < len && key_names[k][j] &&
			            lower(name[j]) == key_names[k][j]; j++)
				;
			if (j == len) {
				found = k;
				break;
			}
		}
		if (found < 0 || (*p && *p != ',')) {
			if (bad)
				*bad = start;
			return false;
		}
		/* a key again would only tie where it tied before */
		bool again = false;
		for (size_t k = 0; k < spec.n; k++)
			again = again || spec.key[k] == (enum sort_key)found;
		if (!again) {
			spec.key[spec.n] = (enum sort_key)found;
			spec.reverse[spec.n] = rev;
			spec.n++;
		}
		if (!*p)
			break;
		p++; /* the comma */
	}
	*out = spec;
	return true;
}

/* How a posting stands on one key. */
enum standing {
	HAS_VALUE,  /* a value to compare */
	HAS_TEXT,   /* a date given as text: after every date */
	HAS_NONE,   /* nothing: after everything */
};

/* One posting's value on one key. */
struct keyval {
	enum standing st;
	double a, b;    /* numbers: salary top and bottom, or a date */
	uint32_t cur;   /* salary: 0 for the user's currency, else the
	                 * currency_pack of its own: a group before a */
	size_t off;     /* folded text in the string pool (text keys) */
};

struct sortctx {
	const struct sort_spec *spec;
	const char *pool; /* folded text of the text keys, NUL-separated */
	uint32_t user;    /* the user's currency, packed */
};

struct rec {
	struct posting *p;
	const struct sortctx *cx;
	struct keyval k[4];
};

/* Adds the folded text of s to pool, NUL-terminated, and fills kv. */
static void
text_key(struct buf *pool, struct buf *tmp, const char *s, size_t len,
         struct keyval *kv)
{
	if (!s || !len) {
		kv->st = HAS_NONE;
		return;
	}
	kv->st = HAS_VALUE;
	kv->off = pool->len;
	buf_clear(tmp);
	text_fold(tmp, s, len);
	if (tmp->len)
		buf_add(pool, tmp->s, tmp->len);
	buf_addc(pool, '\0');
}

/* Scratch buffers of one sort. */
struct scratch {
	struct buf pool; /* folded text keys, NUL-separated */
	struct buf fold; /* one text being folded */
	struct buf loc;  /* one location being formatted */
};

static void
fill_key(struct rec *r, enum sort_key key, struct keyval *kv,
         struct scratch *sc)
{
	const struct posting *p = r->p;
	memset(kv, 0, sizeof(*kv));
	switch (key) {
	case SORT_TITLE:
		text_key(&sc->pool, &sc->fold, p->title,
		         p->title ? strlen(p->title) : 0, kv);
		break;
	case SORT_ORG: {
		const char *o = p->org.name ? p->org.name : p->org.short_name;
		text_key(&sc->pool, &sc->fold, o, o ? strlen(o) : 0, kv);
		break;
	}
	case SORT_LOCATION: {
		buf_clear(&sc->loc);
		posting_location(&sc->loc, p);
		text_key(&sc->pool, &sc->fold, sc->loc.s, sc->loc.len, kv);
		break;
	}
	case SORT_SALARY:
		/* the top of the yearly range, then its bottom; a range open
		 * above sorts by the one figure it gives (from $50,000 as
		 * $50,000, not above every other), one open below with the
		 * ranges of the same top, before them (its bottom is 0) */
		kv->st = posting_salary_yearly(p, &kv->b, &kv->a) ? HAS_VALUE :
		         HAS_NONE;
		if (kv->st == HAS_VALUE && p->salary.open_above)
			kv->a = kv->b;
		/* amounts compare only within a currency: the user's
		 * first, then the others by code */
		kv->cur = currency_pack(currency_of(&p->salary));
		if (kv->cur == r->cx->user)
			kv->cur = 0;
		break;
	case SORT_POSTED:
		kv->a = p->posted.ymd;
		kv->st = p->posted.ymd ? HAS_VALUE :
		         p->posted.text ? HAS_TEXT : HAS_NONE;
		break;
	case SORT_DEADLINE: {
		const struct when *d = posting_deadline(p);
		kv->a = d->ymd;
		kv->st = d->ymd ? HAS_VALUE : d->text ? HAS_TEXT : HAS_NONE;
		break;
	}
	case SORT_ID:
		kv->st = p->id ? HAS_VALUE : HAS_NONE;
		break;
	case SORT_NKEYS:
		kv->st = HAS_NONE;
		break;
	}
}

static int
cmp_num(double x, double y)
{
	return x < y ? -1 : x > y;
}

static int
cmp_id(const struct posting *x, const struct posting *y)
{
	int c = strcmp(x->id ? x->id : "", y->id ? y->id : "");
	if (c)
		return c;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

static int
rec_cmp(const void *va, const void *vb)
{
	const struct rec *x = va, *y = vb;
	const struct sort_spec *spec = x->cx->spec;
	const char *pool = x->cx->pool;
	size_t nk = spec->n < 4 ? spec->n : 4;
	for (size_t i = 0; i < nk; i++) {
		const struct keyval *a = &x->k[i], *b = &y->k[i];
		if (a->st != b->st)
			return a->st < b->st ? -1 : 1; /* missing last, always */
		if (a->st != HAS_VALUE)
			continue;
		int c;
		switch (spec->key[i]) {
		case SORT_TITLE:
		case SORT_ORG:
		case SORT_LOCATION:
			c = strcmp(pool + a->off, pool + b->off);
			break;
		case SORT_ID:
			c = strcmp(x->p->id, y->p->id);
			break;
		case SORT_SALARY:
			/* the currencies' order holds either way */
			if (a->cur != b->cur)
				return a->cur < b->cur ? -1 : 1;
			c = cmp_num(a->a, b->a);
			if (!c)
				c = cmp_num(a->b, b->b);
			break;
		default:
			c = cmp_num(a->a, b->a);
			if (!c)
				c = cmp_num(a->b, b->b);
			break;
		}
		if (c)
			return spec->reverse[i] ? -c : c;
	}
	if (spec->n == 0)
		return x->p->seq < y->p->seq ? -1 : x->p->seq > y->p->seq;
	return cmp_id(x->p, y->p);
}

void
sort_postings(struct posting **v, size_t n, const struct sort_spec *s,
              const char *currency)
{
	if (n < 2)
		return;
	struct rec *r = malloc(n * sizeof(*r));
	if (!r)
		die_nomem();
	struct scratch sc = { { 0 }, { 0 }, { 0 } };
	struct sortctx cx = {
		.spec = s,
		.user = currency_pack(currency && currency[0] ? currency :
		                      CURRENCY_DEFAULT),
	};
	size_t nk = s->n < 4 ? s->n : 4;
	for (size_t i = 0; i < n; i++) {
		r[i].p = v[i];
		r[i].cx = &cx;
		for (size_t k = 0; k < nk; k++)
			fill_key(&r[i], s->key[k], &r[i].k[k], &sc);
	}
	cx.pool = sc.pool.s;
	qsort(r, n, sizeof(*r), rec_cmp);
	for (size_t i = 0; i < n; i++)
		v[i] = r[i].p;
	free(r);
	buf_free(&sc.pool);
	buf_free(&sc.fold);
	buf_free(&sc.loc);
}
