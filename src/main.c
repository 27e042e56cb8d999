/* SPDX-License-Identifier: MIT */
/* main: loads what the command line names (the postings, the state, the
 * config) and runs its mode: a command (command.c) or the interface. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "catalog.h"
#include "command.h"
#include "complete.h"
#include "conf.h"
#include "currency.h"
#include "deadline.h"
#include "export.h"
#include "import.h"
#include "load.h"
#include "options.h"
#include "query.h"
#include "state.h"
#include "text.h"
#include "ui/ui.h"

/* Where the sample postings are: the source tree when this binary is the
 * one built there, else the installed data directory. */
static const char *
sample_dir(void)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	struct stat st;
	if (n > 0) {
		exe[n] = '\0';
		char *slash = strrchr(exe, '/');
		if (slash)
			*slash = '\0';
		if (strcmp(exe, BILLET_BUILDDIR "/src") == 0 &&
		    stat(BILLET_SRCDATA, &st) == 0)
			return BILLET_SRCDATA;
	}
	if (stat(BILLET_DATADIR, &st) == 0)
		return BILLET_DATADIR;
	return BILLET_SRCDATA;
}

/* Loads the paths, or $BILLET_PATH, or the samples. Returns a note on
 * where the postings came from. */
static const char *
load_all(struct catalog *c, char **paths, size_t npaths,
         const struct load_limits *lim)
{
	const char *from = NULL;
	char **list = paths;
	size_t n = npaths;
	char *copy = NULL;
	char *one[1];
	if (npaths == 0) {
		const char *env = getenv("BILLET_PATH");
		if (env && *env) {
			copy = strdup(env);
			list = calloc(strlen(env) / 2 + 2, sizeof(*list));
			if (!copy || !list)
				die_nomem();
			n = 0;
			for (char *save = NULL, *p = strtok_r(copy, ":", &save);
			     p; p = strtok_r(NULL, ":", &save))
				list[n++] = p;
			from = "$BILLET_PATH";
		} else {
			one[0] = (char *)sample_dir();
			list = one;
			n = 1;
			from = "the sample postings";
		}
	}
	struct loader *l = loader_start(list, n, lim);
	loader_wait(l, c);
	loader_free(l);
	if (copy) {
		free(copy);
		free(list);
	}
	return from;
}

/* Reads the config file for the modes that are not the interface: the
 * currency, rates and compare-threshold they follow. --check lists its
 * problems as errors; the others say in a line that there are some.
 * Returns the number of problems. */
static size_t
batch_conf(struct conf *cf, bool check)
{
	cf->path = conf_default_path();
	size_t np = conf_load(cf, NULL);
	struct buf b = {0};
	for (size_t i = 0; check && i < cf->nproblems; i++) {
		buf_clear(&b);
		conf_problem_format(&b, &cf->problems[i]);
		fprintf(stderr, "%s\n", b.s);
	}
	buf_free(&b);
	if (np && !check)
		say("warning: the config file has %zu problem%s (billet --check "
		    "lists them)", np, np == 1 ? "" : "s");
	return np;
}

int
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	struct options o;
	int done = options_parse(&o, argc, argv);
	if (done < 0 && o.complete) /* the words a completion script asks for */
		done = complete_run(o.complete, o.longopts, o.paths, o.npaths,
		                    &o.limits, load_all);
	else if (done < 0 && o.mode == MODE_IMPORT) {
		o.import.limits = &o.limits;
		done = import_run(o.paths, o.npaths, &o.import, stdout);
	} else if (done < 0 && o.mode == MODE_DUMP_CONFIG)
		done = command_dump_config();
	if (done >= 0) { /* nothing more to do: what options_parse made goes */
		options_free(&o);
		return done;
	}

	struct query *filter = NULL;
	struct sort_spec sort = { .n = 0 };
	options_filter_sort(&o, &filter, &sort);

	struct catalog c;
	catalog_init(&c);
	/* the interface loads in the background and is usable meanwhile */
	if (o.mode != MODE_UI)
		load_all(&c, o.paths, o.npaths, &o.limits);
	int status = 0;
	/* the state file: marks, notes, ratings for the batch modes */
	struct state *st = NULL;
	struct query_env qenv = {0};
	struct query_notes *qnotes = NULL;
	struct export_hooks hooks = {0};
	if (o.mode == MODE_LIST || o.mode == MODE_SHOW || o.mode == MODE_MARK ||
	    o.mode == MODE_REPORT) {
		struct state_error serr;
		st = state_open(o.state, &serr);
		/* read-only, or entries kept as written: said once; --mark
		 * says a read-only state's problem with its failure */
		/* a list the state chooses says it as an error below */
		bool fails = o.mode == MODE_MARK || o.mode == MODE_REPORT ||
		             (o.mode == MODE_LIST &&
		              command_chosen_by_state(o.shortlist, filter));
		if (serr.msg[0] && (state_writable(st) || !fails))
			say("warning: %s", serr.msg);
		/* the entries matched to what loaded (an older file's ids
		 * carried over in memory; --mark's save upgrades it) */
		state_attach(st, &c, false, NULL, NULL);
		state_query_env(st, &qenv);
		state_export_hooks(st, &hooks);
		/* the notes the filter's free text and note: search */
		if (filter) {
			qnotes = query_notes_new();
			query_notes_fill(qnotes, &qenv, c.v, 0, c.n);
			qenv.notes = qnotes;
		}
	}
	qenv.today = deadline_today();
	/* the config's currency, rates and compare-threshold (the
	 * interface reads the config itself) */
	struct conf *cf = conf_new();
	struct currency_rates rates = {0};
	size_t conf_problems = o.mode != MODE_UI
	                       ? batch_conf(cf, o.mode == MODE_CHECK) : 0;
	/* a bare salary figure is in the user's currency, else in the one
	 * most postings use */
	currency_common(&c, qenv.currency);
	if (strcmp(conf_str(cf, CO_CURRENCY), "auto") != 0)
		snprintf(qenv.currency, sizeof(qenv.currency), "%s",
		         conf_str(cf, CO_CURRENCY));
	if (currency_rates_parse(conf_str(cf, CO_RATES), &rates, NULL))
		qenv.rates = &rates;
	deadline_set_closing_days((int)conf_int(cf, CO_CLOSING_DAYS));
	struct command_env e = {
		.o = &o, .c = &c, .filter = filter, .sort = &sort, .qenv = &qenv,
		.st = st, .hooks = &hooks, .cf = cf,
		.conf_problems = conf_problems,
	};
	switch (o.mode) {
	case MODE_CHECK: status = command_check(&e); break;
	case MODE_LIST: status = command_list(&e); break;
	case MODE_SHOW: status = command_show(&e); break;
	case MODE_COMPARE: status = command_compare(&e); break;
	case MODE_IMPORT: /* done above, before anything is loaded */
		break;
	case MODE_MARK: status = command_mark(&e); break;
	case MODE_DUMP_CONFIG: /* done above too */
		break;
	case MODE_REPORT: status = command_report(&e); break;
	case MODE_UI: {
		const char *env = getenv("BILLET_PATH");
		bool given = o.npaths > 0, from_env = !given && env && *env;
		struct ui_config uc = {
			.filter = o.filter, .sort = o.sort, .no_color = o.no_color,
			.source = given ? NULL : from_env ? "$BILLET_PATH"
			                                  : "the sample postings",
			.paths = o.paths, .npaths = o.npaths,
			.path_list = given ? NULL : from_env ? env : sample_dir(),
			.limits = &o.limits, .state = o.state, .load = true,
		};
		status = ui_run(&c, &uc);
		break;
	}
	}
	/* what loaded is written, but a file that did not load (or a
	 * posting in it) is a posting problem */
	if ((o.mode == MODE_LIST || o.mode == MODE_SHOW ||
	     o.mode == MODE_COMPARE) && c.nerrors && !status)
		status = 1;
	if (fflush(stdout) != 0 || ferror(stdout)) {
		say("cannot write the output: %s", strerror(errno));
		status = status ? status : 2;
	}
	/* what a save found to say once (an older file upgraded), or the
	 * store of seen postings damaged */
	struct state_error news;
	while (st && state_news(st, &news))
		say("%s", news.msg);
	query_notes_free(qnotes);
	state_close(st);
	conf_free(cf);
	currency_rates_free(&rates);
	options_free(&o);
	query_free(filter);
	catalog_free(&c);
	return status;
}
