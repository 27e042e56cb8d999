/* SPDX-License-Identifier: MIT */
/* options: the command line read into a struct options; wrong usage is
 * said and exits with status 2. */
#ifndef BILLET_OPTIONS_H
#define BILLET_OPTIONS_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>

#include "batch.h"
#include "catalog.h"
#include "export.h"
#include "import.h"
#include "load.h"
#include "query.h"
#include "report.h"

/* Posting ids given on the command line (malloc'd, each trimmed). */
struct ids {
	char **v;                /* the ids */
	size_t n, cap;           /* how many; room for */
};

/* Everything the command line asks for. */
struct options {
	enum { MODE_UI, MODE_CHECK, MODE_LIST, MODE_SHOW, MODE_COMPARE,
	       MODE_MARK, MODE_IMPORT, MODE_DUMP_CONFIG, MODE_REPORT } mode;
	const char *show_id;     /* --show */
	struct ids compare;      /* --compare */
	const char *filter;      /* --filter */
	const char *sort;        /* --sort */
	enum format format;      /* --format */
	bool format_set;         /* --format was given */
	bool header;             /* --header */
	int width;               /* 0: the terminal's */
	bool shortlist;          /* --shortlist */
	bool orphans;            /* --orphans */
	bool with_state;         /* --with-state */
	struct ids mark;         /* the ids of --mark, --status... */
	struct batch act;        /* which of them, and its value */
	const char *on;          /* --on DATE */
	struct report_span span; /* --report --since, --until */
	const char *state;       /* --state */
	bool no_color;           /* --no-color */
	const char *today;       /* --today, else $BILLET_TODAY, or NULL */
	const char *today_from;  /* which of the two gave it */
	struct load_limits limits; /* --max-file, --max-scalar... */
	struct import_opts import; /* --import, --out, --force, --title */
	struct batch_args args;  /* argv with --status's two words out */
	char **paths;            /* the PATHs after the options (in args) */
	size_t npaths;           /* how many */
	const char *complete;    /* --complete WHAT, for the shell scripts */
	const struct option *longopts; /* the table argv was read with */
};

/* Reads argv into o (fixing today from --today or $BILLET_TODAY); wrong
 * usage exits with status 2. Returns -1 to go on, else the status to exit
 * with (--help, --version). With --complete, only o->complete, paths and
 * limits are read (no mode is checked). */
int options_parse(struct options *o, int argc, char **argv);
/* Reads o's --filter and --sort into *filter and *sort; a bad one is
 * wrong usage. */
void options_filter_sort(const struct options *o, struct query **filter,
                         struct sort_spec *sort);
/* Frees what options_parse made. */
void options_free(struct options *o);

#endif
