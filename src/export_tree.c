/* SPDX-License-Identifier: MIT */
/* export_tree: a posting as JSON or block YAML, every field and kept
 * value, one walk of the posting for both. */
#include "export_int.h"
#include "day.h"
#include "dups.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* One open collection of the writer. */
struct level {
	bool map;      /* mapping, else sequence */
	size_t count;  /* entries written */
	int indent;    /* YAML: columns of its entries */
	bool inline1;  /* YAML: first key goes on the "- " line */
};

/* A writer of JSON or block YAML into a buffer. */
struct tw {
	struct buf *out;
	bool yaml;
	struct level lv[16];
	int depth;          /* open levels */
	bool after_key;     /* a key was written, its value is due */
};

/* Appends n spaces. */
static void
spaces(struct buf *b, int n)
{
	for (int i = 0; i < n; i++)
		buf_addc(b, ' ');
}

/* True for the invisible characters that reorder or hide text on a
 * terminal (bidirectional controls, separators, the BOM): written escaped. */
static bool
invisible_cp(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069) ||
	       cp == 0x200E || cp == 0x200F || cp == 0x061C || cp == 0x2028 ||
	       cp == 0x2029 || cp == 0xFEFF;
}

/* Appends s double-quoted with escapes: quotes, backslashes, line breaks,
 * tabs, C0 and C1 controls (\xNN in YAML, \uNNNN in JSON) and invisible
 * characters (\uNNNN), so the output is safe on a terminal. */
static void
quoted(struct buf *out, const char *s, bool yaml)
{
	buf_addc(out, '"');
	size_t len = strlen(s);
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		if (cp == '"' || cp == '\\') {
			buf_addc(out, '\\');
			buf_addc(out, (char)cp);
		} else if (cp == '\n') {
			buf_adds(out, "\\n");
		} else if (cp == '\t') {
			buf_adds(out, "\\t");
		} else if (cp < 0x20 || (cp >= 0x7F && cp <= 0x9F)) {
			buf_printf(out, yaml ? "\\x%02X" : "\\u%04X", cp);
		} else if (invisible_cp(cp)) {
			buf_printf(out, "\\u%04X", cp);
		} else {
			buf_add(out, s + i, n);
		}
		i += n;
	}
	buf_addc(out, '"');
}

void
json_string(struct buf *out, const char *s)
{
	quoted(out, s, false);
}

/* True when s can be written as a plain YAML scalar and read back as
 * the same text. Unless typed (it was plain: a number, true, a date
 * read back as such is what it was), also that a reader would not take
 * it for a number, a boolean, null or a date. */
static bool
yaml_plain_ok(const char *s, bool typed)
{
	static const char *const words[] = {
		"true", "false", "yes", "no", "on", "off", "null", "y", "n",
		"True", "False", "Yes", "No", "On", "Off", "Null", "TRUE",
		"FALSE", "YES", "NO", "ON", "OFF", "NULL", "~", NULL,
	};
	/* "-5" is plain; "- x" and "-" are a list's item */
	if (!*s || (strchr("-?:,[]{}#&*!|>'\"%@` \t", s[0]) &&
	            !(typed && s[0] == '-' && s[1] && s[1] != ' ')))
		return false;
	if (!typed) {
		for (const char *const *w = words; *w; w++)
			if (!strcmp(s, *w))
				return false;
		/* numbers and dates would change type */
		bool digits = true;
		for (const char *q = s; *q; q++)
			if (!strchr("0123456789.+-_:eE", *q))
				digits = false;
		if (digits)
			return false;
	}
	size_t len = strlen(s);
	if (s[len - 1] == ' ' || s[len - 1] == ':')
		return false;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		if (cp < 0x20 || (cp >= 0x7F && cp <= 0xA0) || cp == 0xFFFD ||
		    invisible_cp(cp) || (cp >= 0x2000 && cp <= 0x206F && cp != 0x2013 &&
		                     cp != 0x2014 && cp != 0x2018 && cp != 0x2019 &&
		                     cp != 0x201C && cp != 0x201D && cp != 0x2022 &&
		                     cp != 0x2026))
			return false;
		if ((cp == ':' && (s[i + 1] == ' ' || !s[i + 1])) ||
		    (cp == '#' && i > 0 && s[i - 1] == ' '))
			return false;
		i += n;
	}
	return true;
}

/* True when s reads back the same as a literal block scalar. */
static bool
yaml_block_ok(const char *s)
{
	if (!strchr(s, '\n') || s[0] == ' ' || s[0] == '\n')
		return false;
	size_t len = strlen(s);
	if (s[len - 1] == '\n' || s[len - 1] == ' ')
		return false;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		if ((cp < 0x20 && cp != '\n') || (cp >= 0x7F && cp <= 0x9F) ||
		    cp == 0xFFFD || invisible_cp(cp))
			return false;
		if (cp == ' ' && s[i + 1] == '\n')
			return false;
		i += n;
	}
	return true;
}

/* Starts a value: the separator or line start its context needs. For
 * collections (coll) in YAML the line is ended later. */
static void
tw_value_start(struct tw *w, bool coll)
{
	struct buf *o = w->out;
	if (w->depth == 0)
		return;
	struct level *l = &w->lv[w->depth - 1];
	if (!w->yaml) {
		if (!l->map) {
			if (l->count++)
				buf_addc(o, ',');
			buf_addc(o, '\n');
			spaces(o, 2 * w->depth);
		}
		w->after_key = false;
		return;
	}
	if (l->map) {
		if (!coll)
			buf_addc(o, ' ');
	} else {
		if (l->inline1) {
			l->inline1 = false;
		} else {
			if (l->count == 0 && w->depth > 1)
				buf_addc(o, '\n');
			spaces(o, l->indent);
		}
		buf_adds(o, "-");
		l->count++;
		if (!coll)
			buf_addc(o, ' ');
	}
	w->after_key = false;
}

/* Writes a string value. */
static void
tw_str(struct tw *w, const char *s)
{
	tw_value_start(w, false);
	if (!w->yaml) {
		json_string(w->out, s);
		return;
	}
	int indent = w->depth ? w->lv[w->depth - 1].indent + 2 : 2;
	if (yaml_plain_ok(s, false)) {
		buf_adds(w->out, s);
	} else if (yaml_block_ok(s)) {
		buf_adds(w->out, "|-");
		const char *q = s;
		while (*q) {
			const char *nl = strchr(q, '\n');
			size_t len = nl ? (size_t)(nl - q) : strlen(q);
			buf_addc(w->out, '\n');
			if (len)
				spaces(w->out, indent);
			buf_add(w->out, q, len);
			q += len + (nl ? 1 : 0);
			if (!nl)
				break;
			if (!*q) {
				break;
			}
		}
	} else {
		quoted(w->out, s, true);
	}
	buf_addc(w->out, '\n');
}

/* Writes a number value. */
static void
tw_num(struct tw *w, double v)
{
	tw_value_start(w, false);
	if (v == floor(v) && fabs(v) < 1e15)
		buf_printf(w->out, "%.0f", v);
	else
		buf_printf(w->out, "%.10g", v);
	if (w->yaml)
		buf_addc(w->out, '\n');
}

/* Writes a true/false value. */
static void
tw_bool(struct tw *w, bool v)
{
	tw_value_start(w, false);
	buf_adds(w->out, v ? "true" : "false");
	if (w->yaml)
		buf_addc(w->out, '\n');
}

/* Opens a mapping or sequence. */
static void
tw_begin(struct tw *w, bool map)
{
	bool in_seq = w->depth && !w->lv[w->depth - 1].map;
	int parent_indent = w->depth ? w->lv[w->depth - 1].indent : -2;
	tw_value_start(w, true);
	if (!w->yaml)
		buf_addc(w->out, map ? '{' : '[');
	if (w->depth >= (int)(sizeof(w->lv) / sizeof(w->lv[0])))
		abort(); /* the posting model is never this deep */
	struct level *l = &w->lv[w->depth++];
	*l = (struct level){.map = map, .indent = parent_indent + 2};
	if (w->yaml && in_seq) {
		/* "- key: v" or "- - item": first entry on the dash's line */
		buf_addc(w->out, ' ');
		l->inline1 = true;
	}
}

/* Closes the open collection. */
static void
tw_end(struct tw *w)
{
	struct level *l = &w->lv[--w->depth];
	if (!w->yaml) {
		if (l->count) {
			buf_addc(w->out, '\n');
			spaces(w->out, 2 * w->depth);
		}
		buf_addc(w->out, l->map ? '}' : ']');
		if (w->depth == 0)
			buf_addc(w->out, '\n');
		return;
	}
	if (!l->count) {
		if (!l->inline1 && w->depth)
			buf_addc(w->out, ' ');
		buf_adds(w->out, l->map ? "{}\n" : "[]\n");
	}
}

/* Writes a key of the open mapping. */
static void
tw_key(struct tw *w, const char *k)
{
	struct level *l = &w->lv[w->depth - 1];
	struct buf *o = w->out;
	if (!w->yaml) {
		if (l->count++)
			buf_addc(o, ',');
		buf_addc(o, '\n');
		spaces(o, 2 * w->depth);
		json_string(o, k);
		buf_adds(o, ": ");
		w->after_key = true;
		return;
	}
	if (l->count == 0 && !l->inline1 && w->depth > 1)
		buf_addc(o, '\n');
	if (l->inline1)
		l->inline1 = false;
	else
		spaces(o, l->indent);
	l->count++;
	if (yaml_plain_ok(k, false))
		buf_adds(o, k);
	else
		quoted(o, k, true);
	buf_addc(o, ':');
	w->after_key = true;
}

/* Opens a collection under a key: the YAML line break comes with the
 * first entry. */
static void
tw_key_begin(struct tw *w, const char *k, bool map)
{
	tw_key(w, k);
	tw_begin(w, map);
}

/* Writes key: string when s is set. */
static void
kv_str(struct tw *w, const char *k, const char *s)
{
	if (!s)
		return;
	tw_key(w, k);
	tw_str(w, s);
}

/* Writes key: [items] when the list has items. */
static void
kv_list(struct tw *w, const char *k, const struct strlist *l)
{
	if (!l->n)
		return;
	tw_key_begin(w, k, false);
	for (size_t i = 0; i < l->n; i++)
		tw_str(w, l->v[i]);
	tw_end(w);
}

/* True when s is a JSON number, true, false or null. */
static bool
json_literal(const char *s)
{
	if (!strcmp(s, "true") || !strcmp(s, "false") || !strcmp(s, "null"))
		return true;
	const char *q = s;
	if (*q == '-')
		q++;
	if (*q == '0')
		q++;
	else if (*q >= '1' && *q <= '9')
		while (*q >= '0' && *q <= '9')
			q++;
	else
		return false;
	if (*q == '.') {
		q++;
		if (*q < '0' || *q > '9')
			return false;
		while (*q >= '0' && *q <= '9')
			q++;
	}
	if (*q == 'e' || *q == 'E') {
		q++;
		if (*q == '+' || *q == '-')
			q++;
		if (*q < '0' || *q > '9')
			return false;
		while (*q >= '0' && *q <= '9')
			q++;
	}
	return !*q;
}

/* Writes a kept scalar: one that was plain as it was (null for an empty
 * one), when it reads back the same; else as text. In JSON a plain
 * scalar is a number, true, false or null when it is one in JSON. */
static void
tw_scalar(struct tw *w, const char *s, bool plain)
{
	if (plain && !*s) {
		tw_value_start(w, false);
		buf_adds(w->out, w->yaml ? "null\n" : "null");
	} else if (plain && (w->yaml ? yaml_plain_ok(s, true)
	                             : json_literal(s))) {
		tw_value_start(w, false);
		buf_adds(w->out, s);
		if (w->yaml)
			buf_addc(w->out, '\n');
	} else {
		tw_str(w, s);
	}
}

/* Writes a kept value. */
static void
tw_xvalue(struct tw *w, const struct xvalue *v)
{
	switch (v->kind) {
	case X_SCALAR:
		tw_scalar(w, v->s, v->plain);
		return;
	case X_SEQ:
	case X_MAP:
		tw_begin(w, v->kind == X_MAP);
		for (size_t i = 0; i < v->n; i++) {
			if (v->kind == X_MAP)
				tw_key(w, v->kids[i].key ? v->kids[i].key : "");
			tw_xvalue(w, &v->kids[i]);
		}
		tw_end(w);
		return;
	}
}

/* Writes a section's value: text, items, or groups. */
static void
tw_section(struct tw *w, const struct section *s)
{
	if (s->nsub) {
		tw_begin(w, true);
		for (size_t i = 0; i < s->nsub; i++) {
			tw_key(w, s->sub[i].heading);
			tw_section(w, &s->sub[i]);
		}
		tw_end(w);
	} else if (s->items.n) {
		tw_begin(w, false);
		if (s->text)
			tw_str(w, s->text);
		for (size_t i = 0; i < s->items.n; i++)
			tw_str(w, s->items.v[i]);
		tw_end(w);
	} else {
		tw_str(w, s->text ? s->text : "");
	}
}

/* The names of kept values ------------------------------------------ */

/* One name of a posting's top-level keys, and the next ~N to try for a
 * kept value of that name. */
struct name_slot {
	const char *name; /* not owned; NULL when the slot is empty */
	unsigned next;    /* 2 until a NAME~N was given */
};

/* The top-level key names of one posting, by hash (open addressing). */
struct names {
	struct name_slot *slot;
	size_t cap; /* a power of two, at least twice the names */
};

/* FNV-1a. */
static size_t
name_hash(const char *s)
{
	uint64_t h = 1469598103934665603u;
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return (size_t)h;
}

/* The slot of name: its own, or the empty one where it would go. */
static struct name_slot *
names_slot(const struct names *ns, const char *name)
{
	size_t i = name_hash(name) & (ns->cap - 1);
	while (ns->slot[i].name && strcmp(ns->slot[i].name, name))
		i = (i + 1) & (ns->cap - 1);
	return &ns->slot[i];
}

/* Takes name; false when it was taken already. */
static bool
names_take(struct names *ns, const char *name)
{
	struct name_slot *sl = names_slot(ns, name);
	if (sl->name)
		return false;
	*sl = (struct name_slot){name, 2};
	return true;
}

/* Chooses the name each kept value of p is written under, into out[i]
 * for p->extra[i]: its key, unless a key of the format (billet_state,
 * where the user's state goes, is one) or an earlier kept value has that
 * name; then key~2, key~3, ... the first name that none of those has
 * and that is no other kept value's key. Read back, every kept value is
 * under a name of its own, so a second export writes the same. The names
 * made are malloc'd: free those that differ from their key. */
static void
extra_names(const struct posting *p, const char **out)
{
	/* names: kept keys, and as many made; half full (a field of the
	 * format is taken whether the set has it or not) */
	size_t want = 2 * (2 * p->nextra), cap = 64;
	while (cap < want)
		cap *= 2;
	struct names ns = {xcalloc(cap, sizeof(*ns.slot)), cap};
	/* first the keys that keep their name, then the others */
	for (size_t i = 0; i < p->nextra; i++)
		out[i] = !posting_field_key(p->extra[i].key) &&
		         names_take(&ns, p->extra[i].key) ? p->extra[i].key
		                                          : NULL;
	struct buf b = {0};
	for (size_t i = 0; i < p->nextra; i++) {
		if (out[i])
			continue;
		const char *key = p->extra[i].key;
		/* count on from where the key stopped (a field's name
		 * joins the set at its first kept value) */
		struct name_slot *base = names_slot(&ns, key);
		if (!base->name)
			*base = (struct name_slot){key, 2};
		unsigned k = base->next;
		for (;; k++) {
			buf_clear(&b);
			buf_printf(&b, "%s~%u", key, k);
			if (!names_slot(&ns, b.s)->name)
				break;
		}
		base->next = k + 1;
		out[i] = buf_steal(&b);
		names_take(&ns, out[i]);
	}
	buf_free(&b);
	free(ns.slot);
}

/* Writes the status's history under key history: a list of {status,
 * date}, oldest first (date null when not known), as --report writes
 * it; nothing when there is none. */
static void
tw_history(struct tw *w, const struct posting *p, const struct export_hooks *h)
{
	const char *status;
	int32_t date;
	if (!h->change || !h->change(h->ctx, p, 0, &status, &date))
		return;
	tw_key_begin(w, "history", false);
	for (size_t i = 0; h->change(h->ctx, p, i, &status, &date); i++) {
		tw_begin(w, true);
		kv_str(w, "status", status);
		tw_key(w, "date");
		if (date) {
			char d[11];
			day_format(date, d);
			tw_str(w, d);
		} else {
			tw_scalar(w, "", true); /* null */
		}
		tw_end(w);
	}
	tw_end(w);
}

/* Writes what the hooks record about p (nothing without them) under
 * one key, billet_state, that the loader reads as no field of the
 * posting: marked, rating, status and its history, follow-up, note,
 * hidden, only what is set. */
static void
tw_state(struct tw *w, const struct posting *p, const struct export_hooks *h)
{
	if (!h)
		return;
	bool marked = h->marked && h->marked(h->ctx, p);
	int rating = h->rating ? h->rating(h->ctx, p) : 0;
	const char *status = h->status ? h->status(h->ctx, p) : NULL;
	const char *note = h->note ? h->note(h->ctx, p) : NULL;
	bool hidden = h->hidden && h->hidden(h->ctx, p);
	bool changed = h->changed && h->changed(h->ctx, p);
	int32_t followup = h->followup_day ? h->followup_day(h->ctx, p) : 0;
	const char *s0;
	int32_t d0;
	bool history = h->change && h->change(h->ctx, p, 0, &s0, &d0);
	if (!marked && !rating && !status && !note && !hidden && !changed &&
	    !followup && !history)
		return;
	tw_key_begin(w, "billet_state", true);
	if (marked) {
		tw_key(w, "marked");
		tw_bool(w, true);
	}
	if (rating) {
		tw_key(w, "rating");
		tw_num(w, rating);
	}
	kv_str(w, "status", status);
	tw_history(w, p, h);
	if (followup) {
		char d[11];
		day_format(followup, d);
		kv_str(w, "follow_up", d);
	}
	kv_str(w, "note", note);
	if (hidden) {
		tw_key(w, "hidden");
		tw_bool(w, true);
	}
	if (changed) { /* since read: billet's own, never read back */
		tw_key(w, "changed");
		tw_bool(w, true);
	}
	tw_end(w);
}

/* Writes one posting as a mapping of the canonical keys, then the
 * user's state when h is set. */
static void
tw_posting(struct tw *w, const struct posting *p, const struct export_hooks *h)
{
	tw_begin(w, true);
	kv_str(w, "id", p->id);
	kv_str(w, "title", p->title);
	if (p->org.short_name || p->org.url || p->org.about) {
		tw_key_begin(w, "organization", true);
		kv_str(w, "name", p->org.name);
		kv_str(w, "short", p->org.short_name);
		kv_str(w, "url", p->org.url);
		kv_str(w, "about", p->org.about);
		tw_end(w);
	} else {
		kv_str(w, "organization", p->org.name);
	}
	kv_str(w, "department", p->department);
	if (p->nplaces) {
		bool list = p->nplaces > 1;
		tw_key(w, "location");
		if (list)
			tw_begin(w, false);
		for (size_t i = 0; i < p->nplaces; i++) {
			const struct place *pl = &p->places[i];
			if (pl->name && !pl->city && !pl->region && !pl->country) {
				tw_str(w, pl->name);
				continue;
			}
			tw_begin(w, true);
			kv_str(w, "name", pl->name);
			kv_str(w, "city", pl->city);
			kv_str(w, "region", pl->region);
			kv_str(w, "country", pl->country);
			tw_end(w);
		}
		if (list)
			tw_end(w);
	}
	if (p->workplace_note) {
		tw_key_begin(w, "workplace", true);
		kv_str(w, "type", workplace_name(p->workplace));
		kv_str(w, "note", p->workplace_note);
		tw_end(w);
	} else {
		kv_str(w, "workplace", workplace_name(p->workplace));
	}
	if (p->employment.classification || p->employment.union_name) {
		tw_key_begin(w, "employment", true);
		kv_str(w, "type", p->employment.type);
		kv_str(w, "classification", p->employment.classification);
		kv_str(w, "union", p->employment.union_name);
		tw_end(w);
	} else {
		kv_str(w, "employment", p->employment.type);
	}
	if (p->salary.present) {
		tw_key_begin(w, "salary", true);
		/* an open range: only the end that was given */
		if (!p->salary.open_below) {
			tw_key(w, "min");
			tw_num(w, p->salary.min);
		}
		if (!p->salary.open_above) {
			tw_key(w, "max");
			tw_num(w, p->salary.max);
		}
		kv_str(w, "currency", p->salary.currency);
		kv_str(w, "period", period_name(p->salary.period));
		kv_str(w, "note", p->salary.note);
		tw_end(w);
	}
	kv_str(w, "posted", p->posted.text);
	kv_str(w, "deadline", p->deadline.text);
	kv_str(w, "start", p->start.text);
	kv_str(w, "reports_to", p->reports_to);
	kv_str(w, "supervises", p->supervises);
	kv_str(w, "travel", p->travel);
	if (p->experience.min_years >= 0 || p->experience.max_years >= 0 ||
	    p->experience.note) {
		tw_key_begin(w, "experience", true);
		if (p->experience.min_years >= 0) {
			tw_key(w, "min_years");
			tw_num(w, p->experience.min_years);
		}
		if (p->experience.max_years >= 0) {
			tw_key(w, "max_years");
			tw_num(w, p->experience.max_years);
		}
		kv_str(w, "note", p->experience.note);
		tw_end(w);
	}
	if (p->nlanguages) {
		tw_key_begin(w, "languages", false);
		for (size_t i = 0; i < p->nlanguages; i++) {
			if (!p->languages[i].level) {
				tw_str(w, p->languages[i].name);
				continue;
			}
			tw_begin(w, true);
			kv_str(w, "name", p->languages[i].name);
			kv_str(w, "level", p->languages[i].level);
			tw_end(w);
		}
		tw_end(w);
	}
	kv_str(w, "summary", p->summary);
	kv_list(w, "responsibilities", &p->responsibilities);
	if (p->preferred.n) {
		tw_key_begin(w, "qualifications", true);
		kv_list(w, "required", &p->qualifications);
		kv_list(w, "preferred", &p->preferred);
		tw_end(w);
	} else {
		kv_list(w, "qualifications", &p->qualifications);
	}
	if (p->benefits_prose && p->benefits.n)
		kv_str(w, "benefits", p->benefits.v[0]);
	else
		kv_list(w, "benefits", &p->benefits);
	kv_list(w, "conditions", &p->conditions);
	const struct apply *a = &p->apply;
	if (a->url || a->email || a->phone || a->subject || a->note ||
	    a->documents.n || a->deadline.text) {
		tw_key_begin(w, "apply", true);
		kv_str(w, "url", a->url);
		kv_str(w, "email", a->email);
		kv_str(w, "phone", a->phone);
		kv_str(w, "subject", a->subject);
		kv_list(w, "documents", &a->documents);
		kv_str(w, "deadline", a->deadline.text);
		kv_str(w, "note", a->note);
		tw_end(w);
	}
	kv_list(w, "tags", &p->tags);
	kv_str(w, "source", p->source);
	if (dups_count(p) > 1) { /* the same job from several sources */
		tw_key_begin(w, "sources", false);
		for (const struct posting *q = dups_shown(p); q; q = q->also) {
			tw_begin(w, true);
			kv_str(w, "file", q->file);
			kv_str(w, "url", q->source);
			kv_str(w, "id", q->id);
			tw_end(w);
		}
		tw_end(w);
	}
	if (p->nsections) {
		tw_key_begin(w, "sections", true);
		for (size_t i = 0; i < p->nsections; i++) {
			tw_key(w, p->sections[i].heading);
			tw_section(w, &p->sections[i]);
		}
		tw_end(w);
	}
	if (p->nextra) {
		const char **names = xmalloc(p->nextra * sizeof(*names));
		extra_names(p, names);
		for (size_t i = 0; i < p->nextra; i++) {
			tw_key(w, names[i]);
			tw_xvalue(w, &p->extra[i]);
			if (names[i] != p->extra[i].key)
				free((char *)names[i]);
		}
		free(names);
	}
	tw_state(w, p, h);
	tw_end(w);
}

void
export_tree(struct buf *out, const struct posting *p, bool yaml,
            const struct export_hooks *h)
{
	struct tw w = {.out = out, .yaml = yaml};
	tw_posting(&w, p, h);
}
