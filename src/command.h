/* SPDX-License-Identifier: MIT */
/* command: the modes that print and exit (--check, --list, --show,
 * --compare, --mark and the like, --report, --dump-config), once main has
 * loaded the postings, the state and the config. */
#ifndef BILLET_COMMAND_H
#define BILLET_COMMAND_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"
#include "conf.h"
#include "export.h"
#include "options.h"
#include "query.h"
#include "state.h"

/* What a command works on, made and freed by main. */
struct command_env {
	const struct options *o;          /* the command line */
	const struct catalog *c;          /* the postings loaded */
	struct query *filter;             /* --filter, or NULL */
	const struct sort_spec *sort;     /* --sort */
	const struct query_env *qenv;     /* answers the state terms */
	struct state *st;                 /* the state file, or NULL */
	const struct export_hooks *hooks; /* the state for the writers */
	const struct conf *cf;            /* the config file */
	size_t conf_problems;             /* its problems */
};

/* True if which postings a list shows rests on the state file: the
 * shortlist, or a filter on the marks, ratings, status, notes... */
bool command_chosen_by_state(bool shortlist, const struct query *filter);

/* --check: the problems of the postings and the config; its status. */
int command_check(const struct command_env *e);
/* --list: the postings (or --orphans: the state's); its status. */
int command_list(const struct command_env *e);
/* --show: one posting in full; its status. */
int command_show(const struct command_env *e);
/* --compare: two to four postings side by side; its status. */
int command_compare(const struct command_env *e);
/* --mark, --unmark, --status...: changes the state; its status. */
int command_mark(const struct command_env *e);
/* --report: the applications made; its status. */
int command_report(const struct command_env *e);
/* --dump-config: every default setting as a config file; its status. */
int command_dump_config(void);

#endif
