/* SPDX-License-Identifier: MIT */
/* conf-man: writes the page billet-config(5) from its template and the
 * tables the program itself uses (conf.h: directives, views, elements,
 * options; ui/keys.h: actions and their keys), so that the page cannot
 * drift from them. Run at build time:
 *     conf-man man/billet-config.5.in > man/billet-config.5
 * A line of the template that is @DIRECTIVES@, @VIEWS@, @ACTIONS@,
 * @ELEMENTS@, @OPTIONS@, @COLORS@ or @ATTRIBUTES@ is replaced by the
 * table's entries; @DUMP@ by the output of --dump-config; every other
 * line is copied. */
#include "conf.h"

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Writes s as roff text: backslashes and hyphens escaped, a line that
 * would start with a dot or a quote guarded. */
static void
roff(FILE *out, const char *s)
{
	bool bol = true;
	for (; *s; s++) {
		if (bol && (*s == '.' || *s == '\''))
			fputs("\\&", out);
		bol = *s == '\n';
		if (*s == '\\')
			fputs("\\e", out);
		else if (*s == '-')
			fputs("\\-", out);
		else
			fputc(*s, out);
	}
}

/* A tagged paragraph: .TP, tag in bold (then rest in italics), text. */
static void
tagged(FILE *out, const char *tag, const char *rest, const char *text)
{
	fputs(".TP\n", out);
	fputs(rest && *rest ? ".BI \"" : ".B \"", out);
	roff(out, tag);
	if (rest && *rest) {
		fputs(" \" \"", out);
		roff(out, rest);
	}
	fputs("\"\n", out);
	roff(out, text);
	fputs("\n", out);
}

/* Appends "yellow on default, bold" for a colour of the page. */
static void
color_text(struct buf *b, const struct conf_color *k)
{
	for (int i = 0; i < 2; i++) {
		short n = i ? k->bg : k->fg;
		if (i)
			buf_adds(b, " on ");
		if (n < 0)
			buf_adds(b, "default");
		else if (n < 16)
			buf_adds(b, conf_color_names[n]);
		else
			buf_printf(b, "%d", n);
	}
	for (int a = 0; a < 7; a++)
		if (k->attr & (1u << a))
			buf_printf(b, ", %s", conf_attr_names[a]);
}

static void
directives(FILE *out)
{
	for (size_t i = 0; conf_directives[i].name; i++)
		tagged(out, conf_directives[i].name, conf_directives[i].form,
		       conf_directives[i].help);
}

static void
views(FILE *out)
{
	static const char *const what[CONF_NVIEWS] = {
		"Every view, where the view itself binds nothing: the action "
		"table's keys are bound here.",
		"The list of postings (side by side, the list while it has the "
		"focus).",
		"The detail of one posting.",
		"The comparison of two to four postings.",
		"The help.",
	};
	for (int v = 0; v < CONF_NVIEWS; v++)
		tagged(out, conf_view_names[v], NULL, what[v]);
}

static void
actions(FILE *out)
{
	const char *group = NULL;
	for (int a = 1; a < ACT_N; a++) {
		const struct action_info *ai = &action_table[a];
		if (!group || strcmp(group, ai->group)) {
			fputs(".SS ", out);
			roff(out, ai->group);
			fputs("\n", out);
			group = ai->group;
		}
		char keys[128];
		keys_names((enum action)a, keys, sizeof(keys));
		struct buf b = {0};
		buf_printf(&b, "%c%s. Default keys: ",
		           ai->help[0] >= 'a' && ai->help[0] <= 'z'
		           ? ai->help[0] - 32 : ai->help[0], ai->help + 1);
		for (const char *k = keys; *k; k++) {
			if (k[0] == ' ' && k[1] == ' ') {
				buf_adds(&b, ", ");
				k++;
			} else {
				buf_addc(&b, *k);
			}
		}
		buf_adds(&b, ".");
		tagged(out, ai->name, NULL, b.s);
		buf_free(&b);
	}
	tagged(out, "none", NULL, "No action: the key is unbound in that view "
	       "(bind list x none).");
}

static void
elements(FILE *out)
{
	for (int e = 0; e < CE_N; e++) {
		const struct conf_element_info *ei = &conf_elements[e];
		struct buf b = {0};
		buf_printf(&b, "%c%s. Dark theme: ",
		           ei->help[0] >= 'a' && ei->help[0] <= 'z'
		           ? ei->help[0] - 32 : ei->help[0], ei->help + 1);
		color_text(&b, &ei->dark);
		buf_adds(&b, "; light theme: ");
		color_text(&b, &ei->light);
		buf_adds(&b, "; without colours: ");
		bool any = false;
		for (int a = 0; a < 7; a++)
			if (ei->mono & (1u << a)) {
				buf_printf(&b, "%s%s", any ? ", " : "",
				           conf_attr_names[a]);
				any = true;
			}
		buf_adds(&b, any ? "." : "normal.");
		tagged(out, ei->name, NULL, b.s);
		buf_free(&b);
	}
}

static void
options(FILE *out)
{
	for (int o = 0; o < CO_N; o++) {
		const struct conf_option_info *oi = &conf_options[o];
		struct buf form = {0}, text = {0};
		switch (oi->type) {
		case CONF_BOOL:
			buf_adds(&form, "= on | off");
			break;
		case CONF_INT:
			buf_printf(&form, "= %.0f to %.0f", oi->lo, oi->hi);
			break;
		case CONF_REAL:
			buf_printf(&form, "= %g to %g", oi->lo, oi->hi);
			break;
		case CONF_ENUM:
			buf_adds(&form, "= ");
			for (const char *p = oi->values; *p; p++)
				buf_adds(&form, *p == ' ' ? " | " : (char[2]){*p, 0});
			break;
		case CONF_TEXT:
			buf_printf(&form, "= %s", oi->values);
			break;
		}
		buf_printf(&text, "%s Default: %s.", oi->help,
		           *oi->def ? oi->def : "none (empty)");
		tagged(out, oi->name, form.s, text.s);
		buf_free(&form);
		buf_free(&text);
	}
}

static void
colors(FILE *out)
{
	fputs(".IP\n", out);
	for (int i = 0; i < 17; i++) {
		roff(out, conf_color_names[i]);
		fputs(i < 16 ? (i == 7 ? " (0\\-7),\n" : i == 15 ? " (8\\-15),\n"
		                                          : ",\n")
		             : " (the terminal's own)\n", out);
	}
}

static void
attributes(FILE *out)
{
	fputs(".IP\n", out);
	for (int i = 0; i < 8; i++) {
		roff(out, conf_attr_names[i]);
		fputs(i < 7 ? ",\n" : " (none)\n", out);
	}
}

static void
dump(FILE *out)
{
	struct conf *c = conf_new();
	struct buf b = {0};
	conf_dump(c, &b);
	fputs(".nf\n", out);
	roff(out, b.s);
	fputs(".fi\n", out);
	buf_free(&b);
	conf_free(c);
}

int
main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: conf-man TEMPLATE > PAGE\n");
		return 2;
	}
	FILE *in = fopen(argv[1], "r");
	if (!in) {
		perror(argv[1]);
		return 1;
	}
	static const struct {
		const char *mark;
		void (*fill)(FILE *out);
	} marks[] = {
		{"@DIRECTIVES@", directives}, {"@VIEWS@", views},
		{"@ACTIONS@", actions}, {"@ELEMENTS@", elements},
		{"@OPTIONS@", options}, {"@COLORS@", colors},
		{"@ATTRIBUTES@", attributes}, {"@DUMP@", dump},
	};
	char line[4096];
	while (fgets(line, sizeof(line), in)) {
		bool done = false;
		for (size_t i = 0; i < sizeof(marks) / sizeof(*marks) && !done;
		     i++)
			if (!strncmp(line, marks[i].mark, strlen(marks[i].mark)) &&
			    line[strlen(marks[i].mark)] == '\n') {
				marks[i].fill(stdout);
				done = true;
			}
		if (!done)
			fputs(line, stdout);
	}
	fclose(in);
	return fflush(stdout) == 0 && !ferror(stdout) ? 0 : 1;
}
