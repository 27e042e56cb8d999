/* SPDX-License-Identifier: MIT */
/* conf_directive: each directive of the configuration language (bind,
 * color, set, filter, write; source is conf_parse.c's), its problems
 * with the name most likely meant, and the changes :write keeps. */
#include "conf_int.h"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "query.h"

/* Levenshtein distance of a and b, letters in any case, capped. */
static size_t
distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	if (la > 64 || lb > 64)
		return 99;
	size_t row[65];
	for (size_t j = 0; j <= lb; j++)
		row[j] = j;
	for (size_t i = 1; i <= la; i++) {
		size_t diag = row[0];
		row[0] = i;
		for (size_t j = 1; j <= lb; j++) {
			size_t up = row[j];
			int ca = a[i - 1], cb = b[j - 1];
			if (ca >= 'A' && ca <= 'Z')
				ca += 'a' - 'A';
			if (cb >= 'A' && cb <= 'Z')
				cb += 'a' - 'A';
			size_t best = diag + (ca != cb);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			diag = up;
		}
	}
	return row[lb];
}

/* The name of names[0..n) nearest to word, when near enough to be what
 * was meant (a third of its letters wrong at most, two at least); else
 * NULL. */
static const char *
nearest(const char *word, const char *const *names, size_t n)
{
	const char *best = NULL;
	size_t bd = 99, len = strlen(word);
	size_t limit = len / 3 > 2 ? len / 3 : 2;
	for (size_t i = 0; i < n; i++) {
		if (!names[i])
			continue;
		size_t d = distance(word, names[i]);
		if (d < bd) {
			bd = d;
			best = names[i];
		}
	}
	return bd <= limit && bd < len ? best : NULL;
}

/* Appends " (did you mean X?)" when a name is near word. */
static void
did_you_mean(struct buf *msg, const char *word, const char *const *names,
             size_t n)
{
	const char *s = nearest(word, names, n);
	if (s)
		buf_printf(msg, " (did you mean %s?)", s);
}

/* Appends " (did you mean ACTION?)" for an action name. */
static void
action_suggest(struct buf *msg, const char *word)
{
	const char *names[ACT_N + 1];
	for (int a = 1; a < ACT_N; a++)
		names[a - 1] = action_table[a].name;
	names[ACT_N - 1] = "none";
	const char *s = nearest(word, names, ACT_N);
	if (s)
		buf_printf(msg, " (did you mean %s?)", s);
	else
		buf_adds(msg, " (help, ?, lists every action by the key it "
		         "has; billet-config(5) by name)");
}

/* Appends to out words[from..n) joined by single blanks. */
static void
join(struct buf *out, char **words, size_t from, size_t n)
{
	for (size_t i = from; i < n; i++)
		buf_printf(out, "%s%s", i > from ? " " : "", words[i]);
	buf_adds(out, "");
}


/* Reads a colour name or number into *out; false when it is none. */
static bool
parse_color(const char *w, short *out)
{
	char flat[32];
	size_t k = 0;
	if (!strcmp(w, "-1")) {
		*out = CONF_DEFAULT_COLOR;
		return true;
	}
	for (const char *p = w; *p && k + 1 < sizeof(flat); p++)
		if (*p != '-' && *p != '_')
			flat[k++] = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
	flat[k] = '\0';
	for (int i = 0; i < 17; i++) {
		char name[32];
		size_t m = 0;
		for (const char *p = conf_color_names[i]; *p; p++)
			if (*p != '-')
				name[m++] = *p;
		name[m] = '\0';
		if (!strcmp(flat, name)) {
			*out = (short)(i == 16 ? CONF_DEFAULT_COLOR : i);
			return true;
		}
	}
	if (!strcmp(flat, "grey") || !strcmp(flat, "gray")) {
		*out = 8;
		return true;
	}
	const char *num = flat;
	if (!strncmp(num, "colour", 6))
		num += 6;
	else if (!strncmp(num, "color", 5))
		num += 5;
	if (*num && strspn(num, "0123456789") == strlen(num) &&
	    strlen(num) <= 3 && atoi(num) <= 255) {
		*out = (short)atoi(num);
		return true;
	}
	return false;
}

/* Appends the canonical line of element e's colours. */
static void
color_line(struct buf *out, const char *element, const struct conf_color *k)
{
	buf_printf(out, "color %s ", element);
	for (int i = 0; i < 2; i++) {
		short n = i ? k->bg : k->fg;
		if (i)
			buf_addc(out, ' ');
		if (n < 0)
			buf_adds(out, "default");
		else if (n < 16)
			buf_adds(out, conf_color_names[n]);
		else
			buf_printf(out, "%d", n);
	}
	for (int b = 0; b < 7; b++)
		if (k->attr & (1u << b))
			buf_printf(out, " %s", conf_attr_names[b]);
}

/* Records a change made at the prompt, or nothing for a file's line. */
static void
changed(struct conf *c, const struct conf_origin *o, const char *what,
        const char *line)
{
	if (!o->file)
		conf_change(c, what, line);
}

void
conf_change(struct conf *c, const char *what, const char *line)
{
	for (size_t i = 0; i < c->nchanges; i++) {
		if (!strcmp(c->changes[i].what, what)) {
			free(c->changes[i].line);
			c->changes[i].line = xstrdup(line);
			return;
		}
	}
	if (c->nchanges == c->ccap) {
		c->ccap = c->ccap ? 2 * c->ccap : 8;
		c->changes = xrealloc(c->changes, c->ccap * sizeof(*c->changes));
	}
	c->changes[c->nchanges++] = (struct conf_change){xstrdup(what),
	                                                 xstrdup(line)};
}

/* bind VIEW KEY ACTION */
static void
do_bind(struct conf *c, char **w, size_t n, const struct conf_origin *o,
        struct conf_result *r)
{
	static const char *const key_names[] = {
		"Down", "Up", "Left", "Right", "Home", "End", "PgDn", "PgUp",
		"Enter", "Backspace", "Tab", "Space", "Esc", "Delete",
		"Insert", "Shift-Tab", "Center",
	};
	struct buf *m = &r->msg;
	r->did = CONF_DID_ERROR;
	if (n < 4) {
		buf_adds(m, "bind: expected VIEW KEY ACTION (bind list J "
		         "MOVE_DOWN)");
		return;
	}
	if (n > 4) {
		buf_printf(m, "bind: '%s' is one word too many (a key such as "
		           "# or a blank is quoted: '#')", w[4]);
		return;
	}
	int v = -1;
	for (int i = 0; i < CONF_NVIEWS; i++)
		if (!strcasecmp(w[1], conf_view_names[i]))
			v = i;
	if (v < 0) {
		buf_printf(m, "bind: unknown view '%s'", w[1]);
		did_you_mean(m, w[1], conf_view_names, CONF_NVIEWS);
		buf_adds(m, "; views: generic, list, detail, compare, help");
		return;
	}
	int codes[4];
	size_t nc = keys_parse(w[2], codes, 4);
	if (nc == 0) {
		buf_printf(m, "bind: unknown key '%s'", w[2]);
		const char *s = nearest(w[2], key_names,
		                        sizeof(key_names) / sizeof(*key_names));
		if (s)
			buf_printf(m, " (did you mean %s?)", s);
		else
			buf_adds(m, " (keys are named as help names them: j, "
			         "Down, Ctrl-F, F1, Alt-x, Space, Enter)");
		return;
	}
	int a = conf_action_of(w[3]);
	if (a < 0) {
		buf_printf(m, "bind: unknown action '%s'", w[3]);
		action_suggest(m, w[3]);
		return;
	}
	if (a == ACT_COUNT)
		for (size_t i = 0; i < nc; i++)
			if (codes[i] < '1' || codes[i] > '9') {
				buf_adds(m, "bind: COUNT takes the digits 1-9 only");
				return;
			}
	for (size_t i = 0; i < nc; i++)
		if (codes[i])
			conf_bind(c, (enum conf_view)v, codes[i], (enum action)a);
	char spelt[64];
	struct buf what = {0}, line = {0};
	keys_spell(codes[0], spelt, sizeof(spelt));
	buf_printf(&what, "bind %s %s", conf_view_names[v], spelt);
	buf_printf(&line, "bind %s ", conf_view_names[v]);
	conf_quote(&line, w[2]);
	buf_printf(&line, " %s", a ? action_table[a].name : "none");
	changed(c, o, what.s, line.s);
	buf_free(&what);
	buf_free(&line);
	r->did = CONF_DID_BIND;
	buf_printf(m, "%s in %s: %s", w[2], conf_view_names[v],
	           a ? action_table[a].name : "unbound");
}

/* color ELEMENT FG [BG [ATTR...]] */
static void
do_color(struct conf *c, char **w, size_t n, const struct conf_origin *o,
         struct conf_result *r)
{
	struct buf *m = &r->msg;
	r->did = CONF_DID_ERROR;
	if (n < 3) {
		buf_adds(m, "color: expected ELEMENT FG [BG [ATTR...]] (color "
		         "cursor white blue bold)");
		return;
	}
	int e = conf_element_of(w[1]);
	if (e < 0) {
		const char *names[CE_N];
		for (int i = 0; i < CE_N; i++)
			names[i] = conf_elements[i].name;
		buf_printf(m, "color: unknown element '%s'", w[1]);
		did_you_mean(m, w[1], names, CE_N);
		if (!nearest(w[1], names, CE_N))
			buf_adds(m, " (billet-config(5) names them all)");
		return;
	}
	struct conf_color k = {CONF_DEFAULT_COLOR, CONF_DEFAULT_COLOR, 0};
	for (size_t i = 2; i < 4 && i < n; i++) {
		if (!parse_color(w[i], i == 2 ? &k.fg : &k.bg)) {
			buf_printf(m, "color: bad colour '%s'", w[i]);
			did_you_mean(m, w[i], conf_color_names, 17);
			buf_adds(m, ": a name (default, black, red, green, yellow, "
			         "blue, magenta, cyan, white, bright-red...) or a "
			         "number from 0 to 255");
			return;
		}
	}
	for (size_t i = 4; i < n; i++) {
		int b = -1;
		for (int j = 0; j < 8; j++)
			if (!strcasecmp(w[i], conf_attr_names[j]))
				b = j;
		if (b < 0) {
			buf_printf(m, "color: unknown attribute '%s'", w[i]);
			did_you_mean(m, w[i], conf_attr_names, 8);
			buf_adds(m, "; attributes: bold, underline, reverse, dim, "
			         "italic, standout, blink, normal");
			return;
		}
		if (b < 7)
			k.attr |= 1u << b;
	}
	if (e == CE_NORMAL && k.attr) {
		buf_adds(m, "color: normal takes colours only, no attributes");
		return;
	}
	c->color[e] = k;
	c->color_set[e] = true;
	struct buf what = {0}, line = {0};
	buf_printf(&what, "color %s", conf_elements[e].name);
	color_line(&line, conf_elements[e].name, &k);
	changed(c, o, what.s, line.s);
	r->did = CONF_DID_COLOR;
	buf_adds(m, line.s);
	buf_free(&what);
	buf_free(&line);
}

/* set NAME = VALUE, and set NAME alone at the prompt. */
static void
do_set(struct conf *c, char **w, size_t n, const struct conf_origin *o,
       struct conf_result *r)
{
	struct buf *m = &r->msg;
	r->did = CONF_DID_ERROR;
	if (n < 2) {
		if (o->file) {
			buf_adds(m, "set: expected NAME = VALUE (set sort = salary)");
			return;
		}
		r->did = CONF_DID_SHOW;
		buf_adds(m, "options:");
		for (int i = 0; i < CO_N; i++)
			buf_printf(m, " %s", conf_options[i].name);
		buf_adds(m, " (set NAME says its value)");
		return;
	}
	struct buf name = {0}, value = {0};
	const char *eq = strchr(w[1], '=');
	bool has_value = true;
	if (eq) {
		buf_add(&name, w[1], (size_t)(eq - w[1]));
		buf_adds(&value, eq + 1);
		if (n > 2)
			buf_printf(&value, "%s", value.len ? " " : "");
		join(&value, w, 2, n);
	} else if (n >= 3 && w[2][0] == '=') {
		buf_adds(&name, w[1]);
		buf_adds(&value, w[2] + 1);
		if (n > 3 && value.len)
			buf_addc(&value, ' ');
		join(&value, w, 3, n);
	} else {
		buf_adds(&name, w[1]);
		buf_adds(&value, "");
		has_value = false;
	}
	int opt = conf_option_of(name.s);
	if (opt < 0) {
		const char *names[CO_N];
		for (int i = 0; i < CO_N; i++)
			names[i] = conf_options[i].name;
		buf_printf(m, "set: unknown option '%s'", name.s);
		did_you_mean(m, name.s, names, CO_N);
		if (!nearest(name.s, names, CO_N))
			buf_adds(m, " (set alone at the : prompt lists them)");
	} else if (!has_value && n == 2 && !o->file) {
		r->did = CONF_DID_SHOW;
		buf_printf(m, "%s = ", conf_options[opt].name);
		conf_quote(m, conf_str(c, (enum conf_option)opt));
	} else if (!has_value) {
		buf_printf(m, "set: expected '=' after %s (set %s = %s)",
		           conf_options[opt].name, conf_options[opt].name,
		           conf_options[opt].def[0] ? conf_options[opt].def
		                                    : "VALUE");
	} else if (conf_set(c, (enum conf_option)opt, value.s, m)) {
		struct buf what = {0}, line = {0};
		buf_printf(&what, "set %s", conf_options[opt].name);
		buf_printf(&line, "set %s = ", conf_options[opt].name);
		conf_quote(&line, conf_str(c, (enum conf_option)opt));
		changed(c, o, what.s, line.s);
		buf_free(&what);
		r->did = CONF_DID_SET;
		r->option = opt;
		buf_adds(m, line.s + 4);
		buf_free(&line);
	}
	buf_free(&name);
	buf_free(&value);
}

/* True if s can name a filter. */
static bool
filter_name_ok(const char *s)
{
	size_t len = strlen(s);
	return len > 0 && len < 64 && s[0] != '-' &&
	       strspn(s, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                 "0123456789_.-") == len;
}

/* Appends why a name cannot name a filter. */
static void
bad_filter_name(struct buf *m, const char *s)
{
	buf_printf(m, "filter: a name is letters, digits, -, _ and . (at most "
	           "63, not starting with -), not '%s'", s);
}

/* filter NAME QUERY, filter delete NAME; at the prompt filter NAME,
 * filter save NAME and filter alone too. */
static void
do_filter(struct conf *c, char **w, size_t n, const struct conf_origin *o,
          struct conf_result *r)
{
	struct buf *m = &r->msg;
	r->did = CONF_DID_ERROR;
	if (n < 2 && o->file) {
		buf_adds(m, "filter: expected NAME QUERY (filter remote "
		         "workplace:remote)");
		return;
	}
	if (n < 2) {
		r->did = CONF_DID_SHOW;
		if (!c->nfilters)
			buf_adds(m, "no saved filter (filter save NAME saves the "
			         "filter in force)");
		else
			buf_adds(m, "saved filters:");
		for (size_t i = 0; i < c->nfilters; i++)
			buf_printf(m, " %s", c->filters[i].name);
		if (c->nfilters)
			buf_adds(m, " (filter NAME applies one; F lists them)");
		return;
	}
	if (!strcmp(w[1], "save") || !strcmp(w[1], "delete")) {
		bool save = w[1][0] == 's';
		if (save && o->file) {
			buf_adds(m, "filter save: only at the : prompt (in a file: "
			         "filter NAME QUERY)");
			return;
		}
		if (n != 3) {
			buf_printf(m, "filter %s: expected one NAME (filter %s "
			           "remote)", w[1], w[1]);
			return;
		}
		if (!filter_name_ok(w[2]) || !strcmp(w[2], "save") ||
		    !strcmp(w[2], "delete")) {
			bad_filter_name(m, w[2]);
			return;
		}
		if (save) {
			r->did = CONF_DID_SAVE;
			snprintf(r->name, sizeof(r->name), "%s", w[2]);
			return;
		}
		/* in a file, a filter already gone is no problem (:write
		 * writes the delete of one another file saved) */
		if (!conf_filter_delete(c, w[2]) && !o->file) {
			buf_printf(m, "filter delete: no saved filter '%s'", w[2]);
			return;
		}
		struct buf what = {0}, line = {0};
		buf_printf(&what, "filter %s", w[2]);
		buf_printf(&line, "filter delete %s", w[2]);
		changed(c, o, what.s, line.s);
		buf_free(&what);
		buf_free(&line);
		r->did = CONF_DID_FILTER;
		buf_printf(m, "filter %s deleted", w[2]);
		return;
	}
	if (!filter_name_ok(w[1])) {
		bad_filter_name(m, w[1]);
		return;
	}
	if (n == 2) {
		const struct conf_filter *f = conf_filter_find(c, w[1]);
		if (o->file) {
			buf_printf(m, "filter %s: expected a query after the name",
			           w[1]);
		} else if (!f) {
			buf_printf(m, "no saved filter '%s'", w[1]);
			const char **names = xcalloc(c->nfilters + 1,
			                             sizeof(*names));
			for (size_t i = 0; i < c->nfilters; i++)
				names[i] = c->filters[i].name;
			did_you_mean(m, w[1], names, c->nfilters);
			free(names);
		} else {
			r->did = CONF_DID_APPLY;
			r->query = f->query;
		}
		return;
	}
	struct buf q = {0};
	join(&q, w, 2, n);
	struct query_error qe;
	struct query *parsed = query_parse(q.s, &qe);
	if (!parsed) {
		buf_printf(m, "filter %s: %s", w[1], qe.msg);
		buf_free(&q);
		return;
	}
	query_free(parsed);
	conf_filter_set(c, w[1], q.s);
	struct buf what = {0}, line = {0};
	buf_printf(&what, "filter %s", w[1]);
	buf_printf(&line, "filter %s ", w[1]);
	conf_quote(&line, q.s);
	changed(c, o, what.s, line.s);
	buf_free(&what);
	buf_free(&line);
	buf_free(&q);
	r->did = CONF_DID_FILTER;
	buf_printf(m, "filter %s saved", w[1]);
}

void
conf_exec_words(struct conf *c, char **w, size_t n,
                const struct conf_origin *o, struct conf_result *r)
{
	static const char *const names[] = {
		"bind", "color", "set", "filter", "source", "write",
	};
	if (n == 0) {
		r->did = CONF_DID_NOTHING;
		return;
	}
	const char *d = w[0];
	if (!strcmp(d, "bind"))
		do_bind(c, w, n, o, r);
	else if (!strcmp(d, "color") || !strcmp(d, "colour"))
		do_color(c, w, n, o, r);
	else if (!strcmp(d, "set"))
		do_set(c, w, n, o, r);
	else if (!strcmp(d, "filter"))
		do_filter(c, w, n, o, r);
	else if (!strcmp(d, "source"))
		conf_do_source(c, w, n, o, r);
	else if (!strcmp(d, "write") && o->file) {
		r->did = CONF_DID_ERROR;
		buf_adds(&r->msg, "write: only at the : prompt");
	} else if (!strcmp(d, "write") && n > 1) {
		r->did = CONF_DID_ERROR;
		buf_adds(&r->msg, "write: takes nothing after it (it writes the "
		         "config file)");
	} else if (!strcmp(d, "write")) {
		r->did = CONF_DID_WRITE;
	} else {
		r->did = CONF_DID_ERROR;
		buf_printf(&r->msg, "unknown directive '%s'", d);
		did_you_mean(&r->msg, d, names, o->file ? 5 : 6);
		buf_adds(&r->msg, o->file ? "; a line is bind, color, set, "
		                            "filter or source"
		                          : "; the prompt takes bind, color, "
		                            "set, filter, source and write");
	}
}

