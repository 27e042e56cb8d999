/* SPDX-License-Identifier: MIT */
/* identity: default ids made from what a posting says; the ids billet
 * made before, to carry old state files over. */
#include "identity.h"

#include <string.h>

/* Base letters of U+00C0..U+00FF; '?' for those spelt with two letters
 * (ligatures, thorn, sharp s), '-' for the signs among them. */
static const char latin1[] =
	"AAAAAA?CEEEEIIIIDNOOOOO-OUUUUY??"
	"aaaaaa?ceeeeiiiidnooooo-ouuuuy?y";
/* Base letters of U+0100..U+017F (Latin Extended-A). */
static const char latin_a[] =
	"AaAaAaCcCcCcCcDdDdEeEeEeEeEeGgGgGgGgHhHhIiIiIiIiIiIiJjKkkLlLlLlLl"
	"LlNnNnNnnNnOoOoOoOoRrRrRrSsSsSsSsTtTtTtUuUuUuUuUuUuWwYyYZzZzZzs";

/* The ASCII spelling of code point cp (lowercase), or "" when it has
 * none. */
static const char *
ascii_of(uint32_t cp, char one[2])
{
	one[1] = '\0';
	if (cp < 0x80) {
		char c = (char)cp;
		if (c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		one[0] = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ? c
		                                                          : 0;
		return one;
	}
	switch (cp) {
	case 0xC6: case 0xE6: return "ae";
	case 0xDE: case 0xFE: return "th";
	case 0xDF: return "ss";
	case 0x152: case 0x153: return "oe";
	case 0x132: case 0x133: return "ij";
	}
	char c = 0;
	if (cp >= 0xC0 && cp <= 0xFF)
		c = latin1[cp - 0xC0];
	else if (cp >= 0x100 && cp <= 0x17F)
		c = latin_a[cp - 0x100];
	if (c == '-' || c == '?')
		c = 0;
	if (c >= 'A' && c <= 'Z')
		c = (char)(c + 32);
	one[0] = c;
	return one;
}

void
identity_slug(struct buf *out, const char *s, size_t max)
{
	if (!s)
		return;
	size_t start = out->len, len = strlen(s);
	bool gap = false, cut = false;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += text_decode(s + i, len - i, &cp);
		char one[2];
		const char *a = ascii_of(cp, one);
		if (!*a) {
			gap = true;
			continue;
		}
		size_t al = strlen(a);
		size_t have = out->len - start;
		bool dash = gap && have;
		if (have + dash + al > max) {
			cut = !gap; /* within a word */
			break;
		}
		if (dash)
			buf_addc(out, '-');
		gap = false;
		buf_add(out, a, al);
	}
	/* cut within a word: at the word before, unless that leaves
	 * less than half */
	if (cut) {
		size_t at = 0;
		for (size_t i = start; i < out->len; i++)
			if (out->s[i] == '-')
				at = i;
		if (at && at - start >= max / 2) {
			out->len = at;
			out->s[at] = '\0';
		}
	}
}

uint64_t
identity_hash(const char *s, size_t len)
{
	uint64_t h = 14695981039346656037ULL;
	for (size_t i = 0; i < len; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	/* splitmix64's finaliser: every bit of h counts in the result's
	 * top bits, which the short text is made of */
	h ^= h >> 30;
	h *= 0xBF58476D1CE4E5B9ULL;
	h ^= h >> 27;
	h *= 0x94D049BB133111EBULL;
	h ^= h >> 31;
	return h;
}

void
identity_hash_text(struct buf *out, uint64_t h)
{
	static const char digits[] = "0123456789abcdefghjkmnpqrstvwxyz";
	char t[IDENTITY_HASH_LEN];
	for (int i = 0; i < IDENTITY_HASH_LEN; i++) {
		t[i] = digits[h >> 59];
		h <<= 5;
	}
	buf_add(out, t, sizeof(t));
}

/* Appends s as a fingerprint reads it: ASCII letters in lowercase, each
 * run of white space as one space, none at either end; then a NUL, so
 * that fields cannot run into each other. */
static void
add_norm(struct buf *b, const char *s)
{
	/* written in place: a posting's kept values, aliases expanded, can
	 * come to megabytes of text, and this runs for each such posting */
	size_t n = s ? strlen(s) : 0;
	buf_reserve(b, n + 1); /* never longer than s, and the NUL */
	char *o = b->s + b->len;
	bool space = false, any = false;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c == '\t' || c == '\n' || c == '\r' ||
		    c == '\f' || c == '\v') {
			space = any;
			continue;
		}
		if (space)
			*o++ = ' ';
		space = false;
		any = true;
		*o++ = (char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
	}
	*o++ = '\0';
	b->len = (size_t)(o - b->s);
	b->s[b->len] = '\0';
}

/* Appends the URL as its id's hash reads it: without white space around
 * it, its fragment or a trailing '/', the scheme and host in lowercase. */
void
identity_add_url(struct buf *b, const char *u)
{
	while (*u == ' ' || *u == '\t' || *u == '\n')
		u++;
	size_t n = strcspn(u, "#");
	while (n && strchr(" \t\r\n/", u[n - 1]))
		n--;
	const char *sep = strstr(u, "://");
	size_t host_end = 0;
	if (sep && (size_t)(sep - u) < n) {
		host_end = (size_t)(sep - u) + 3;
		host_end += strcspn(u + host_end, "/?#");
		if (host_end > n)
			host_end = n;
	}
	for (size_t i = 0; i < n; i++) {
		char c = u[i];
		if (i < host_end && c >= 'A' && c <= 'Z')
			c = (char)(c + 32);
		buf_addc(b, c);
	}
}

/* Appends every text of a kept value, keys included. */
static void
add_xvalue(struct buf *b, const struct xvalue *v)
{
	add_norm(b, v->key);
	if (v->kind == X_SCALAR)
		add_norm(b, v->s);
	for (size_t i = 0; i < v->n; i++)
		add_xvalue(b, &v->kids[i]);
}

static void
add_list(struct buf *b, const struct strlist *l)
{
	for (size_t i = 0; i < l->n; i++)
		add_norm(b, l->v[i]);
	add_norm(b, "");
}

/* Appends what a posting says beyond its title, for one that gives
 * neither an organization nor a location: its texts, lists, salary,
 * dates, how to apply, sections and kept keys (a fixed list of fields,
 * so that the id of a posting never changes with billet's version). */
static void
add_all(struct buf *b, const struct posting *p)
{
	add_norm(b, p->org.about);
	add_norm(b, p->org.url);
	add_norm(b, p->department);
	add_norm(b, p->employment.type);
	add_norm(b, p->summary);
	add_list(b, &p->responsibilities);
	add_list(b, &p->qualifications);
	add_list(b, &p->preferred);
	add_list(b, &p->benefits);
	add_list(b, &p->conditions);
	add_list(b, &p->tags);
	if (p->salary.present)
		buf_printf(b, "%.2f-%.2f %s %d", p->salary.min, p->salary.max,
		           p->salary.currency, (int)p->salary.period);
	add_norm(b, "");
	add_norm(b, p->posted.text);
	add_norm(b, p->deadline.text);
	add_norm(b, p->apply.url);
	add_norm(b, p->apply.email);
	add_norm(b, p->apply.phone);
	for (size_t i = 0; i < p->nsections; i++) {
		add_norm(b, p->sections[i].heading);
		add_norm(b, p->sections[i].text);
		add_list(b, &p->sections[i].items);
	}
	for (size_t i = 0; i < p->nextra; i++)
		add_xvalue(b, &p->extra[i]);
}

/* The organization's name as the id reads it. */
static const char *
org_name(const struct posting *p)
{
	return p->org.name ? p->org.name : p->org.short_name;
}

/* Appends SLUG-HASH: the slug of s (of "posting" when s has none). */
static void
slug_hash(struct buf *out, const char *s, uint64_t h)
{
	size_t at = out->len;
	identity_slug(out, s, IDENTITY_SLUG_MAX);
	if (out->len == at)
		buf_adds(out, "posting");
	buf_addc(out, '-');
	identity_hash_text(out, h);
}

const char *
identity_default(struct arena *a, const struct posting *p,
                 enum identity_kind *kind)
{
	struct buf id = {0}, h = {0};
	enum identity_kind k;
	if (p->identifier && *p->identifier) {
		/* an identifier is unique within its organization */
		k = IDENTITY_IDENTIFIER;
		identity_slug(&id, org_name(p), IDENTITY_SLUG_MAX * 3 / 4);
		if (!id.len)
			identity_slug(&id, p->title, IDENTITY_SLUG_MAX * 3 / 4);
		size_t at = id.len;
		if (at)
			buf_addc(&id, '-');
		size_t from = id.len;
		struct buf whole = {0};
		identity_slug(&whole, p->identifier, (size_t)-1);
		if (whole.len && whole.len <= IDENTITY_SLUG_MAX) {
			buf_add(&id, whole.s, whole.len);
		} else {
			/* nothing to spell, or too long to spell whole (a URL):
			 * what fits, and the hash of all of it */
			identity_slug(&id, p->identifier, IDENTITY_SLUG_MAX / 2);
			if (id.len > from)
				buf_addc(&id, '-');
			buf_add(&h, p->identifier, strlen(p->identifier));
			identity_hash_text(&id, identity_hash(h.s, h.len));
		}
		buf_free(&whole);
	} else if (p->source && *p->source) {
		k = IDENTITY_URL;
		buf_adds(&h, "url");
		buf_add(&h, "", 1);
		identity_add_url(&h, p->source);
		slug_hash(&id, p->title, identity_hash(h.s, h.len));
	} else {
		k = IDENTITY_CONTENT;
		add_norm(&h, org_name(p));
		add_norm(&h, p->title);
		for (size_t i = 0; i < p->nplaces; i++) {
			const struct place *pl = &p->places[i];
			add_norm(&h, pl->name);
			add_norm(&h, pl->city);
			add_norm(&h, pl->region);
			add_norm(&h, pl->country);
		}
		/* a title alone would make every "Software Engineer" of no
		 * organization and no place one posting */
		if (!org_name(p) && !p->nplaces)
			add_all(&h, p);
		slug_hash(&id, p->title, identity_hash(h.s, h.len));
	}
	if (kind)
		*kind = k;
	char *s = arena_strndup(a, id.s, id.len);
	buf_free(&id);
	buf_free(&h);
	return s;
}

void
identity_legacy(struct buf *out, const struct posting *p)
{
	if (!p->id_made) {
		buf_adds(out, p->twin_of ? p->twin_of : p->id);
		return;
	}
	if (p->identifier) {
		buf_adds(out, p->identifier);
		return;
	}
	/* the file's stem: its base name without the extension */
	const char *base = strrchr(p->file, '/');
	base = base ? base + 1 : p->file;
	const char *dot = strrchr(base, '.');
	size_t len = dot && dot != base ? (size_t)(dot - base) : strlen(base);
	if (len == 0)
		buf_adds(out, "posting");
	else
		buf_add(out, base, len);
	if (!p->lone)
		buf_printf(out, "#%u", p->doc);
}
