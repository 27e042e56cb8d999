/* SPDX-License-Identifier: MIT */
/* complete: billet --complete WHAT, for the shell completion scripts
 * (completion/): every word comes from the table the program reads it
 * with: getopt_long's options, sort.c's keys, export.c's formats,
 * query.c's statuses, and the postings loaded. */
#include "complete.h"

#include <string.h>

#include "export.h"
#include "query.h"
#include "text.h"

/* The long options, each meaning once, and their short letters. */
static void
print_options(FILE *out, const struct option *longopts)
{
	for (const struct option *o = longopts; o->name; o++) {
		if (!strcmp(o->name, "complete"))
			continue;
		bool alias = false;
		for (const struct option *e = longopts; e < o && !alias; e++)
			alias = !e->flag && !o->flag && e->val == o->val;
		if (alias)
			continue;
		fprintf(out, "--%s%s", o->name,
		        o->has_arg == no_argument ? "" : "=");
		if (!o->flag && o->val > ' ' && o->val < 127)
			fprintf(out, " -%c", o->val);
		fputc('\n', out);
	}
}

/* True if id can be typed back on a command line as it is printed. */
static bool
id_typable(const char *id)
{
	size_t len = strlen(id);
	return len && text_is_clean(id, len, SAN_CARET_NL);
}

int
complete_run(const char *what, const struct option *longopts,
             char **paths, size_t npaths, const struct load_limits *lim,
             complete_load_fn *load)
{
	FILE *out = stdout;
	if (!strcmp(what, "options")) {
		print_options(out, longopts);
	} else if (!strcmp(what, "sort-keys")) {
		for (int k = 0; k < SORT_NKEYS; k++)
			fprintf(out, "%s\n", sort_key_name((enum sort_key)k));
	} else if (!strcmp(what, "formats")) {
		for (int f = 0; f < FMT_COUNT; f++)
			fprintf(out, "%s\n", format_name((enum format)f));
	} else if (!strcmp(what, "statuses")) {
		for (int s = 0; s < QSTATUS_N; s++)
			fprintf(out, "%s\n", query_status_name(s));
	} else if (!strcmp(what, "ids")) {
		struct catalog c;
		catalog_init(&c);
		load(&c, paths, npaths, lim);
		for (size_t i = 0; i < c.n; i++)
			if (id_typable(c.v[i]->id))
				fprintf(out, "%s\n", c.v[i]->id);
		catalog_free(&c);
	} else {
		say("--complete: no word list '%s' (options, sort-keys, "
		    "formats, statuses, ids)", what);
		return 2;
	}
	return fflush(out) || ferror(out) ? 2 : 0;
}
