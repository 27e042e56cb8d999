/* SPDX-License-Identifier: MIT */
/* conf: the tables of views, elements, options and directives, the
 * settings they make, and the dump (--dump-config). */
#include "conf.h"

#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "catalog.h"
#include "currency.h"

const char *const conf_view_names[CONF_NVIEWS] = {
	"generic", "list", "detail", "compare", "help",
};

const struct conf_element_info conf_elements[CE_N] = {
#define CONF_ELEMENT_ROW(id, name, help, dark, light, mono) \
	[CE_##id] = {name, help, dark, light, mono},
	BILLET_ELEMENTS(CONF_ELEMENT_ROW)
#undef CONF_ELEMENT_ROW
};

const struct conf_option_info conf_options[CO_N] = {
#define CONF_OPTION_ROW(id, name, type, def, lo, hi, values, help) \
	[CO_##id] = {name, type, def, lo, hi, values, help},
	BILLET_OPTIONS(CONF_OPTION_ROW)
#undef CONF_OPTION_ROW
};

const struct conf_directive_info conf_directives[] = {
	{"bind", "VIEW KEY ACTION",
	 "Binds KEY to ACTION in VIEW. VIEW is generic (every view, where "
	 "the view itself binds nothing), list, detail, compare or help; "
	 "KEY is named as help names it (j, J, Down, PgDn, Ctrl-F, F1, "
	 "Shift-Tab, Alt-x, Space, Enter, Tab, Esc, U+00E9; C-f, M-x and "
	 "<Esc> are read too); ACTION is an action's name below, or none "
	 "to unbind the key in that view.", false},
	{"color", "ELEMENT FG [BG [ATTR...]]",
	 "Sets how ELEMENT is drawn: FG and BG are colour names (default, "
	 "black, red, green, yellow, blue, magenta, cyan, white, or "
	 "bright-red and the like for 8-15) or numbers 0-255; BG is "
	 "default when not given; ATTR is bold, underline, reverse, dim, "
	 "italic, standout, blink or normal (none). colour is read too.",
	 false},
	{"set", "NAME = VALUE",
	 "Sets an option below. The value is the rest of the line (quote "
	 "it to keep its blanks as they are). At the : prompt, set NAME "
	 "alone says the value in force.", false},
	{"filter", "NAME QUERY",
	 "Saves QUERY (as / takes it) under NAME, listed by F; filter "
	 "delete NAME forgets it. At the : prompt, filter NAME applies it "
	 "and filter save NAME saves the filter in force.", false},
	{"source", "FILE",
	 "Reads FILE as more lines of configuration: a relative FILE is "
	 "relative to the file that sources it (at the : prompt, to the "
	 "current directory), ~/ is the home directory. A file that "
	 "sources itself, directly or not, is refused.", false},
	{"write", "",
	 "At the : prompt only: writes the settings made there into the "
	 "config file, each in place of the file's own line that sets the "
	 "same thing, else at its end; every other line and comment is "
	 "kept.", true},
	{NULL, NULL, NULL, false},
};

const char *const conf_color_names[17] = {
	"black", "red", "green", "yellow", "blue", "magenta", "cyan", "white",
	"bright-black", "bright-red", "bright-green", "bright-yellow",
	"bright-blue", "bright-magenta", "bright-cyan", "bright-white",
	"default",
};

const char *const conf_attr_names[8] = {
	"bold", "underline", "reverse", "dim", "italic", "standout", "blink",
	"normal",
};

enum conf_view
conf_view_of(const char *name)
{
	for (int v = 0; name && v < CONF_NVIEWS; v++)
		if (!strcmp(name, conf_view_names[v]))
			return (enum conf_view)v;
	return CONF_GENERIC;
}

int
conf_option_of(const char *name)
{
	for (int o = 0; o < CO_N; o++)
		if (!strcasecmp(name, conf_options[o].name))
			return o;
	return -1;
}

int
conf_element_of(const char *name)
{
	for (int e = 0; e < CE_N; e++)
		if (!strcasecmp(name, conf_elements[e].name))
			return e;
	return -1;
}

int
conf_action_of(const char *name)
{
	if (!strcasecmp(name, "none"))
		return ACT_NONE;
	for (int a = 1; a < ACT_N; a++)
		if (!strcasecmp(name, action_table[a].name))
			return a;
	return -1;
}

/* The place of key in map, or -1. */
static long
keymap_find(const struct conf_keymap *m, int key)
{
	for (size_t i = 0; i < m->n; i++)
		if (m->v[i].key == key)
			return (long)i;
	return -1;
}

void
conf_bind(struct conf *c, enum conf_view v, int key, enum action a)
{
	struct conf_keymap *m = &c->keys[v];
	long i = keymap_find(m, key);
	if (i >= 0) {
		m->v[i].action = a;
		return;
	}
	if (m->n == m->cap) {
		m->cap = m->cap ? 2 * m->cap : 64;
		m->v = xrealloc(m->v, m->cap * sizeof(*m->v));
	}
	m->v[m->n++] = (struct conf_bind){key, a};
}

enum action
conf_key_action(const struct conf *c, enum conf_view v, int key)
{
	long i;
	if (v != CONF_GENERIC && (i = keymap_find(&c->keys[v], key)) >= 0)
		return c->keys[v].v[i].action;
	i = keymap_find(&c->keys[CONF_GENERIC], key);
	return i >= 0 ? c->keys[CONF_GENERIC].v[i].action : ACT_NONE;
}

size_t
conf_keys_of(const struct conf *c, enum conf_view v, enum action a,
             int *keys, size_t max)
{
	const struct conf_keymap *m = &c->keys[v];
	size_t n = 0;
	for (size_t i = 0; i < m->n && n < max; i++)
		if (m->v[i].action == a)
			keys[n++] = m->v[i].key;
	return n;
}

/* Binds the action table's keys in generic (a key the table gives twice
 * goes to the first action, as it always did). */
static void
bind_defaults(struct conf *c)
{
	for (int a = 1; a < ACT_N; a++) {
		const int *k = action_table[a].key;
		size_t nk = sizeof(action_table[a].key) / sizeof(*k);
		for (size_t i = 0; i < nk && k[i]; i++)
			if (keymap_find(&c->keys[CONF_GENERIC], k[i]) < 0)
				conf_bind(c, CONF_GENERIC, k[i], (enum action)a);
	}
}

/* Frees what the settings hold, leaving c zeroed but for path and the
 * changes made at the prompt. */
static void
settings_free(struct conf *c)
{
	for (int o = 0; o < CO_N; o++) {
		free(c->value[o]);
		c->value[o] = NULL;
	}
	for (int v = 0; v < CONF_NVIEWS; v++) {
		free(c->keys[v].v);
		c->keys[v] = (struct conf_keymap){0};
	}
	for (size_t i = 0; i < c->nfilters; i++) {
		free(c->filters[i].name);
		free(c->filters[i].query);
	}
	free(c->filters);
	c->filters = NULL;
	c->nfilters = c->fcap = 0;
	for (size_t i = 0; i < c->nproblems; i++) {
		free(c->problems[i].file);
		free(c->problems[i].msg);
	}
	free(c->problems);
	c->problems = NULL;
	c->nproblems = c->pcap = 0;
	for (size_t i = 0; i < c->nfiles; i++)
		free(c->files[i].path);
	free(c->files);
	c->files = NULL;
	c->nfiles = c->filecap = 0;
	memset(c->color_set, 0, sizeof(c->color_set));
	memset(c->color, 0, sizeof(c->color));
}

void
conf_reset(struct conf *c)
{
	settings_free(c);
	for (int o = 0; o < CO_N; o++)
		c->value[o] = xstrdup(conf_options[o].def);
	bind_defaults(c);
}

struct conf *
conf_new(void)
{
	struct conf *c = xcalloc(1, sizeof(*c));
	conf_reset(c);
	return c;
}

void
conf_free(struct conf *c)
{
	if (!c)
		return;
	settings_free(c);
	for (size_t i = 0; i < c->nchanges; i++) {
		free(c->changes[i].what);
		free(c->changes[i].line);
	}
	free(c->changes);
	free(c->path);
	free(c);
}

char *
conf_default_path(void)
{
	struct buf b = {0};
	const char *x = getenv("XDG_CONFIG_HOME");
	if (x && x[0] == '/') {
		buf_printf(&b, "%s/billet/config", x);
		return buf_steal(&b);
	}
	const char *home = getenv("HOME");
	if (!home || !*home) {
		struct passwd *pw = getpwuid(getuid());
		home = pw && pw->pw_dir && *pw->pw_dir ? pw->pw_dir : NULL;
	}
	if (!home)
		return NULL;
	buf_printf(&b, "%s/.config/billet/config", home);
	return buf_steal(&b);
}

const char *
conf_str(const struct conf *c, enum conf_option o)
{
	return c->value[o] ? c->value[o] : conf_options[o].def;
}

long
conf_int(const struct conf *c, enum conf_option o)
{
	return strtol(conf_str(c, o), NULL, 10);
}

double
conf_real(const struct conf *c, enum conf_option o)
{
	return strtod(conf_str(c, o), NULL);
}

bool
conf_bool(const struct conf *c, enum conf_option o)
{
	return !strcmp(conf_str(c, o), "on");
}

struct conf_color
conf_color_of(const struct conf *c, enum conf_element e)
{
	if (c->color_set[e])
		return c->color[e];
	return !strcmp(conf_str(c, CO_THEME), "light") ? conf_elements[e].light
	                                               : conf_elements[e].dark;
}

/* The list's columns, as list-columns names them; the first names are
 * those --dump-config writes. */
static const struct {
	const char *name, *alias;
} column_names[] = {
	{"title", NULL}, {"org", "organization"}, {"location", "loc"},
	{"salary", NULL}, {"deadline", NULL}, {"posted", NULL},
	{"workplace", NULL}, {"type", "employment"},
};

/* Checks a list-columns value, writing it as dumped to out. */
static bool
check_columns(const char *s, struct buf *out, struct buf *why)
{
	bool seen[sizeof(column_names) / sizeof(*column_names)] = {false};
	const char *p = s;
	size_t n = 0;
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		size_t len = strcspn(p, ", \t");
		const char *w = p;
		p += len;
		while (*p == ' ' || *p == '\t')
			p++;
		int found = -1;
		for (size_t i = 0; len && i < sizeof(seen); i++) {
			const char *al = column_names[i].alias;
			if ((strlen(column_names[i].name) == len &&
			     !strncasecmp(w, column_names[i].name, len)) ||
			    (al && strlen(al) == len && !strncasecmp(w, al, len)))
				found = (int)i;
		}
		if (found < 0) {
			buf_printf(why, "unknown column '%.*s': list-columns takes "
			           "title, org, location, salary, deadline, "
			           "posted, workplace, type, separated by commas",
			           (int)(len ? len : strcspn(p, ",")), len ? w : p);
			return false;
		}
		if (seen[found]) {
			buf_printf(why, "list-columns names %s twice",
			           column_names[found].name);
			return false;
		}
		seen[found] = true;
		buf_printf(out, "%s%s", n++ ? "," : "", column_names[found].name);
		if (!*p)
			break;
		if (*p != ',') {
			buf_printf(why, "list-columns: expected a comma before "
			           "'%s'", p);
			return false;
		}
		p++;
	}
	if (!seen[0]) {
		buf_adds(why, "list-columns must name title (the other columns "
		         "may go)");
		return false;
	}
	return true;
}

/* Checks a sort value, writing it as dumped to out. */
static bool
check_sort(const char *s, struct buf *out, struct buf *why)
{
	if (!strcasecmp(s, "file") || !strcasecmp(s, "-file")) {
		buf_adds(out, s[0] == '-' ? "-file" : "file");
		return true;
	}
	struct sort_spec spec;
	const char *bad = NULL;
	if (!*s || !sort_parse(s, &spec, &bad)) {
		buf_printf(why, "sort: bad key '%.*s' (file, or title, org, "
		           "location, salary, posted, deadline, id, separated "
		           "by commas; a leading - reverses)",
		           bad ? (int)strcspn(bad, ",") : 0, bad ? bad : "");
		return false;
	}
	for (size_t i = 0; i < spec.n; i++)
		buf_printf(out, "%s%s%s", i ? "," : "", spec.reverse[i] ? "-" : "",
		           sort_key_name(spec.key[i]));
	return true;
}

/* Checks a date-format value: as-written, or a strftime format that
 * writes something short for a date. */
static bool
check_date_format(const char *s, struct buf *out, struct buf *why)
{
	if (!strcasecmp(s, "as-written")) {
		buf_adds(out, "as-written");
		return true;
	}
	struct tm tm = {.tm_year = 130, .tm_mon = 0, .tm_mday = 31,
	                .tm_wday = 4, .tm_yday = 30};
	char sample[64];
	size_t n = strchr(s, '%') ? strftime(sample, sizeof(sample), s, &tm)
	                          : 0;
	if (n == 0 || strlen(s) > 40) {
		buf_printf(why, "date-format takes as-written or a strftime "
		           "format such as %%Y-%%m-%%d or %%d %%b, not '%s'", s);
		return false;
	}
	buf_adds(out, s);
	return true;
}

/* Checks the value of a text option, writing it as dumped to out. */
static bool
check_text(enum conf_option o, const char *s, struct buf *out,
           struct buf *why)
{
	switch (o) {
	case CO_SORT:
		return check_sort(s, out, why);
	case CO_LIST_COLUMNS:
		return check_columns(s, out, why);
	case CO_CURRENCY: {
		char code[4];
		if (!strcasecmp(s, "auto")) {
			buf_adds(out, "auto");
			return true;
		}
		if (!currency_valid(s, strlen(s), code)) {
			buf_printf(why, "currency takes auto or an ISO 4217 code "
			           "such as USD or EUR, not '%s'", s);
			return false;
		}
		buf_adds(out, code);
		return true;
	}
	case CO_RATES: {
		struct currency_rates r = {0};
		struct currency_error err;
		if (!currency_rates_parse(s, &r, &err)) {
			buf_printf(why, "rates: %s (rates read like \"EUR=1.08 "
			           "GBP=1.27\")", err.msg);
			return false;
		}
		currency_rates_free(&r);
		/* as written, its blanks made single */
		const char *p = s;
		while (*p) {
			size_t sp = strspn(p, " \t");
			p += sp;
			size_t w = strcspn(p, " \t");
			if (w)
				buf_printf(out, "%s%.*s", out->len ? " " : "", (int)w, p);
			p += w;
		}
		buf_adds(out, "");
		return true;
	}
	case CO_DATE_FORMAT:
		return check_date_format(s, out, why);
	default:
		buf_adds(out, s);
		return true;
	}
}

/* Appends the words of an enum's values as "a, b or c". */
static void
values_list(struct buf *out, const char *values)
{
	size_t n = 0, total = 0;
	for (const char *p = values; *p; p += strcspn(p, " "), p += *p == ' ')
		total++;
	for (const char *p = values; *p; n++) {
		size_t len = strcspn(p, " ");
		buf_printf(out, "%s%.*s", n == 0 ? "" : n + 1 == total ? " or "
		                                                     : ", ",
		           (int)len, p);
		p += len;
		p += *p == ' ';
	}
}

bool
conf_set(struct conf *c, enum conf_option o, const char *value,
         struct buf *why)
{
	const struct conf_option_info *oi = &conf_options[o];
	struct buf v = {0};
	bool ok = false;
	char *end = NULL;
	switch (oi->type) {
	case CONF_INT: {
		errno = 0;
		long n = strtol(value, &end, 10);
		ok = end != value && !*end && !errno && n >= oi->lo && n <= oi->hi;
		if (ok)
			buf_printf(&v, "%ld", n);
		else
			buf_printf(why, "%s takes a whole number from %.0f to %.0f, "
			           "not '%s'", oi->name, oi->lo, oi->hi, value);
		break;
	}
	case CONF_REAL: {
		double d = strtod(value, &end);
		ok = end != value && !*end && isfinite(d) && d >= oi->lo &&
		     d <= oi->hi;
		if (ok)
			buf_printf(&v, "%g", d);
		else
			buf_printf(why, "%s takes a number from %g to %g, not '%s'",
			           oi->name, oi->lo, oi->hi, value);
		break;
	}
	case CONF_BOOL: {
		static const char *const on[] = {"on", "yes", "true", "1"};
		static const char *const off[] = {"off", "no", "false", "0"};
		for (size_t i = 0; i < 4 && !ok; i++) {
			if (!strcasecmp(value, on[i]))
				buf_adds(&v, "on"), ok = true;
			else if (!strcasecmp(value, off[i]))
				buf_adds(&v, "off"), ok = true;
		}
		if (!ok)
			buf_printf(why, "%s takes on or off, not '%s'", oi->name,
			           value);
		break;
	}
	case CONF_ENUM:
		for (const char *p = oi->values; *p && !ok;) {
			size_t len = strcspn(p, " ");
			if (strlen(value) == len && !strncasecmp(p, value, len)) {
				buf_add(&v, p, len);
				ok = true;
			}
			p += len;
			p += *p == ' ';
		}
		if (!ok) {
			buf_printf(why, "%s takes ", oi->name);
			values_list(why, oi->values);
			buf_printf(why, ", not '%s'", value);
		}
		break;
	case CONF_TEXT:
		ok = check_text(o, value, &v, why);
		break;
	}
	if (ok) {
		free(c->value[o]);
		c->value[o] = buf_steal(&v);
	}
	buf_free(&v);
	return ok;
}

const struct conf_filter *
conf_filter_find(const struct conf *c, const char *name)
{
	for (size_t i = 0; i < c->nfilters; i++)
		if (!strcmp(c->filters[i].name, name))
			return &c->filters[i];
	return NULL;
}

void
conf_filter_set(struct conf *c, const char *name, const char *query)
{
	for (size_t i = 0; i < c->nfilters; i++) {
		if (!strcmp(c->filters[i].name, name)) {
			free(c->filters[i].query);
			c->filters[i].query = xstrdup(query);
			return;
		}
	}
	if (c->nfilters == c->fcap) {
		c->fcap = c->fcap ? 2 * c->fcap : 8;
		c->filters = xrealloc(c->filters, c->fcap * sizeof(*c->filters));
	}
	c->filters[c->nfilters++] = (struct conf_filter){xstrdup(name),
	                                                 xstrdup(query)};
}

bool
conf_filter_delete(struct conf *c, const char *name)
{
	for (size_t i = 0; i < c->nfilters; i++) {
		if (strcmp(c->filters[i].name, name))
			continue;
		free(c->filters[i].name);
		free(c->filters[i].query);
		memmove(&c->filters[i], &c->filters[i + 1],
		        (c->nfilters - i - 1) * sizeof(*c->filters));
		c->nfilters--;
		return true;
	}
	return false;
}

void
conf_quote(struct buf *out, const char *word)
{
	bool plain = *word && *word != '#';
	bool has_single = false;
	for (const char *p = word; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		if (ch <= ' ' || ch == '"' || ch == '\\' || ch == 127)
			plain = false;
		if (ch == '\'') {
			plain = false;
			has_single = true;
		}
	}
	if (plain) {
		buf_adds(out, word);
	} else if (!*word) {
		buf_adds(out, "\"\"");
	} else if (!has_single) {
		buf_printf(out, "'%s'", word);
	} else {
		buf_addc(out, '"');
		for (const char *p = word; *p; p++) {
			if (*p == '"' || *p == '\\')
				buf_addc(out, '\\');
			buf_addc(out, *p);
		}
		buf_addc(out, '"');
	}
}

/* Appends the names of the colour n as `color` reads it. */
static void
color_name(struct buf *out, short n)
{
	if (n < 0)
		buf_adds(out, "default");
	else if (n < 16)
		buf_adds(out, conf_color_names[n]);
	else
		buf_printf(out, "%d", n);
}

/* Appends the binds of view v: each action's keys (a name that stands
 * for several keys once, when they are all bound to it), then the keys
 * unbound there. */
static void
dump_binds(const struct conf *c, enum conf_view v, struct buf *out)
{
	const struct conf_keymap *m = &c->keys[v];
	bool *done = xcalloc(m->n ? m->n : 1, sizeof(*done));
	for (int pass = 0; pass < 2; pass++) {
		for (int a = pass ? 0 : 1; a < (pass ? 1 : ACT_N); a++) {
			for (size_t i = 0; i < m->n; i++) {
				if (done[i] || (int)m->v[i].action != a)
					continue;
				char name[64];
				int codes[4];
				keys_name(m->v[i].key, name, sizeof(name));
				size_t nc = keys_parse(name, codes, 4);
				bool all = nc > 1;
				for (size_t k = 0; k < nc && all; k++) {
					long at = keymap_find(m, codes[k]);
					all = at >= 0 && (int)m->v[at].action == a;
				}
				if (all) {
					for (size_t k = 0; k < nc; k++)
						done[keymap_find(m, codes[k])] = true;
				} else {
					keys_spell(m->v[i].key, name, sizeof(name));
					done[i] = true;
				}
				buf_printf(out, "bind %s ", conf_view_names[v]);
				conf_quote(out, name);
				buf_printf(out, " %s\n", a ? action_table[a].name
				                           : "none");
			}
		}
	}
	free(done);
}

void
conf_dump(const struct conf *c, struct buf *out)
{
	buf_adds(out,
	         "# billet's configuration (billet --dump-config writes every "
	         "default).\n"
	         "# See billet-config(5). A line is one of: bind VIEW KEY "
	         "ACTION; color\n"
	         "# ELEMENT FG [BG [ATTR...]]; set NAME = VALUE; filter NAME "
	         "QUERY; source FILE.\n");
	buf_adds(out, "\n# Keys: generic binds them everywhere, a view's "
	         "own bind wins there.\n");
	for (int v = 0; v < CONF_NVIEWS; v++)
		dump_binds(c, (enum conf_view)v, out);
	buf_printf(out, "\n# Colours: those of the %s theme unless a color "
	           "line said. A color line\n# fixes its element in either "
	           "theme: keep only the ones you change.\n",
	           conf_str(c, CO_THEME));
	for (int e = 0; e < CE_N; e++) {
		struct conf_color k = conf_color_of(c, (enum conf_element)e);
		buf_printf(out, "color %s ", conf_elements[e].name);
		color_name(out, k.fg);
		buf_addc(out, ' ');
		color_name(out, k.bg);
		for (int b = 0; b < 7; b++)
			if (k.attr & (1u << b))
				buf_printf(out, " %s", conf_attr_names[b]);
		buf_addc(out, '\n');
	}
	buf_adds(out, "\n# Options\n");
	for (int o = 0; o < CO_N; o++) {
		buf_printf(out, "set %s = ", conf_options[o].name);
		conf_quote(out, conf_str(c, (enum conf_option)o));
		buf_addc(out, '\n');
	}
	if (c->nfilters)
		buf_adds(out, "\n# Saved filters (F lists them)\n");
	for (size_t i = 0; i < c->nfilters; i++) {
		buf_adds(out, "filter ");
		conf_quote(out, c->filters[i].name);
		buf_addc(out, ' ');
		conf_quote(out, c->filters[i].query);
		buf_addc(out, '\n');
	}
}
