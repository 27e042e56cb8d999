/* SPDX-License-Identifier: MIT */
/* conf_complete: the names Tab completes at the `:` prompt: directives,
 * views, actions, elements, colours, attributes, options and their
 * values, saved filters. */
#include "conf.h"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* The names found so far. */
struct names {
	char **v;
	size_t n, cap;
	const char *prefix; /* what the word starts with */
	size_t plen;
};

/* Adds name when it starts with the prefix (any case) and is not in. */
static void
offer(struct names *l, const char *name)
{
	if (strlen(name) < l->plen || strncasecmp(name, l->prefix, l->plen))
		return;
	for (size_t i = 0; i < l->n; i++)
		if (!strcmp(l->v[i], name))
			return;
	if (l->n == l->cap) {
		l->cap = l->cap ? 2 * l->cap : 16;
		l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
	}
	l->v[l->n++] = xstrdup(name);
}

/* Offers the blank-separated words of s. */
static void
offer_words(struct names *l, const char *s)
{
	while (*s) {
		size_t len = strcspn(s, " ");
		char w[64];
		snprintf(w, sizeof(w), "%.*s", (int)len, s);
		offer(l, w);
		s += len;
		s += *s == ' ';
	}
}

/* Offers the values option o takes. */
static void
offer_values(const struct conf *c, struct names *l, enum conf_option o)
{
	const struct conf_option_info *oi = &conf_options[o];
	switch (oi->type) {
	case CONF_BOOL:
		offer_words(l, "on off");
		return;
	case CONF_ENUM:
		offer_words(l, oi->values);
		return;
	default:
		break;
	}
	offer(l, conf_str(c, o));
	if (o == CO_SORT)
		offer_words(l, "file title org location salary posted deadline "
		            "id -file -title -org -location -salary -posted "
		            "-deadline -id");
	else if (o == CO_CURRENCY)
		offer(l, "auto");
	else if (o == CO_DATE_FORMAT)
		offer_words(l, "as-written %Y-%m-%d %d.%m.%Y %m/%d/%Y");
	else if (o == CO_LIST_COLUMNS)
		offer(l, oi->def);
}

size_t
conf_complete(const struct conf *c, const char *line, size_t pos,
              size_t *start, char ***out)
{
	struct names l = {0};
	char *w[8] = {NULL};
	size_t nw = 0, i = 0;
	*out = NULL;
	*start = pos;
	/* the words before the one being typed (no quotes: then nothing) */
	if (memchr(line, '"', pos) || memchr(line, '\'', pos) ||
	    memchr(line, '\\', pos))
		return 0;
	for (;;) {
		while (i < pos && (line[i] == ' ' || line[i] == '\t'))
			i++;
		size_t b = i;
		while (i < pos && line[i] != ' ' && line[i] != '\t')
			i++;
		if (i == pos) {
			*start = b;
			break;
		}
		if (nw < 8)
			w[nw] = xstrndup(line + b, i - b);
		nw++;
	}
	l.prefix = line + *start;
	l.plen = pos - *start;
	const char *d = nw ? w[0] : NULL;
	if (nw == 0) {
		for (size_t k = 0; conf_directives[k].name; k++)
			offer(&l, conf_directives[k].name);
	} else if (!strcmp(d, "bind")) {
		if (nw == 1)
			for (int v = 0; v < CONF_NVIEWS; v++)
				offer(&l, conf_view_names[v]);
		else if (nw == 3) {
			for (int a = 1; a < ACT_N; a++)
				offer(&l, action_table[a].name);
			offer(&l, "none");
		}
	} else if (!strcmp(d, "color") || !strcmp(d, "colour")) {
		if (nw == 1)
			for (int e = 0; e < CE_N; e++)
				offer(&l, conf_elements[e].name);
		else if (nw == 2 || nw == 3)
			for (int k = 0; k < 17; k++)
				offer(&l, conf_color_names[k]);
		else if (nw < 8)
			for (int k = 0; k < 8; k++)
				offer(&l, conf_attr_names[k]);
	} else if (!strcmp(d, "set")) {
		if (nw == 1) {
			for (int o = 0; o < CO_N; o++)
				offer(&l, conf_options[o].name);
		} else if (nw == 2) {
			offer(&l, "=");
		} else if (nw == 3 && !strcmp(w[2], "=")) {
			int o = conf_option_of(w[1]);
			if (o >= 0)
				offer_values(c, &l, (enum conf_option)o);
		}
	} else if (!strcmp(d, "filter")) {
		if (nw == 1) {
			offer(&l, "save");
			offer(&l, "delete");
		}
		if (nw == 1 || (nw == 2 && !strcmp(w[1], "delete")))
			for (size_t k = 0; k < c->nfilters; k++)
				offer(&l, c->filters[k].name);
	}
	for (size_t k = 0; k < nw && k < 8; k++)
		free(w[k]);
	*out = l.v;
	return l.n;
}

void
conf_complete_free(char **names, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(names[i]);
	free(names);
}
