/* SPDX-License-Identifier: MIT */
/* options: reads the command line into a struct options, with its help
 * text; wrong usage is said here and exits with status 2. */
#include "config.h"

#include "options.h"

#include <errno.h>
#include <getopt.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compare.h"
#include "day.h"
#include "deadline.h"
#include "fetch.h"
#include "text.h"

/* Adds the ids of a comma-separated list, each without the blanks
 * around it; empty ones are skipped. */
static void
ids_add(struct ids *l, const char *arg)
{
	const char *q = arg;
	for (;;) {
		size_t len = strcspn(q, ",");
		const char *b = q, *e = q + len;
		while (b < e && (*b == ' ' || *b == '\t'))
			b++;
		while (e > b && (e[-1] == ' ' || e[-1] == '\t'))
			e--;
		if (e > b) {
			if (l->n == l->cap) {
				l->cap = l->cap ? 2 * l->cap : 8;
				l->v = xrealloc(l->v, l->cap * sizeof(*l->v));
			}
			l->v[l->n++] = xstrndup(b, (size_t)(e - b));
		}
		if (!q[len])
			break;
		q += len + 1;
	}
}

/* Frees the ids. */
static void
ids_free(struct ids *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	*l = (struct ids){0};
}

/* Exits with status 2 after a usage message. */
static _Noreturn void
usage_error(const char *fmt, const char *arg)
{
	say(fmt, arg);
	fputs("Try 'billet --help' for more information.\n", stderr);
	exit(2);
}

/* Prints the help text on stdout. */
static void
help(void)
{
	fputs(
"Usage: billet [OPTION]... [PATH]...\n"
"Browse, filter, compare and shortlist job postings (YAML or schema.org\n"
"JobPosting JSON-LD). PATH is a file or a directory of postings; with none,\n"
"$BILLET_PATH (colon-separated) or the sample postings are read.\n"
"\n"
"Modes (default: the interactive interface):\n"
"  -c, --check             load and validate only; problems on stderr\n"
"  -l, --list              print the postings, one a line\n"
"  -s, --show ID           print one posting in full\n"
"  -C, --compare ID,ID...  print two to four postings side by side\n"
"      --mark ID,ID...     add postings to the shortlist (ids comma-\n"
"                          separated or the option repeated; or\n"
"                          --mark --filter QUERY: what the filter shows)\n"
"      --unmark ID,ID...   remove postings from the shortlist, the same way\n"
"      --status ID,ID... STATUS [--on DATE]\n"
"                          set the application status (none, interested,\n"
"                          applied, interviewing, offer, rejected,\n"
"                          withdrawn), the change dated DATE or today;\n"
"                          --status STATUS --filter QUERY: what it shows\n"
"      --rate ID,ID... N   rate 1 to 5, 0 clears\n"
"      --note ID,ID... TEXT  set the note (- reads it from stdin, \"\"\n"
"                          removes it)\n"
"      --hide ID,ID...     hide postings; --unhide shows them again\n"
"      --follow-up ID,ID... DATE  the day to follow up (YYYY-MM-DD, +7\n"
"                          for a week from today; \"\" clears it)\n"
"      --report            the applications made, with their history, to\n"
"                          show a caseworker: --since DATE, --until DATE,\n"
"                          --format markdown, csv or json\n"
"      --import SOURCE...  write the postings of each SOURCE (a file,\n"
"                          plain text, - for stdin, an http(s) URL) as\n"
"                          posting files: to stdout, or --out DIR\n"
"\n"
"Options:\n"
"  -f, --filter QUERY      only the postings that match QUERY\n"
"  -S, --sort KEY[,KEY]    title, org, location, salary, posted, deadline,\n"
"                          id; a leading - reverses\n"
"      --format FMT        text, tsv, csv, json, yaml, markdown\n"
"      --header            a first line naming the tsv/csv columns\n"
"  -w, --width N           width of text output\n"
"      --shortlist         with --list: only shortlisted postings, with\n"
"                          their marks, ratings, status and notes\n"
"      --orphans           with --list: the state entries that match no\n"
"                          posting loaded, with their last known title\n"
"                          and organization\n"
"      --with-state        with --list (not text), or --show --format\n"
"                          json or yaml: the marks, ratings, status and\n"
"                          notes too (never written otherwise)\n"
"      --state FILE        the state file (shortlist, notes, ratings)\n"
"      --no-color          no colours (also when NO_COLOR is set)\n"
"      --dump-config       print every default setting as a config file\n"
"      --today DATE        take DATE (YYYY-MM-DD) as today, for closed and\n"
"                          closing deadlines and queries (also\n"
"                          $BILLET_TODAY; the option wins)\n"
"      --max-file SIZE     largest posting file read (default 256M)\n"
"      --max-scalar SIZE   largest single value (default 1M)\n"
"      --max-depth N       deepest nesting (default 64)\n"
"      --max-nodes N       nodes of one posting, aliases expanded\n"
"                          (default 100000)\n"
"      --max-postings N    postings of one file (default 1000000)\n"
"      --out DIR           --import: one file a posting in DIR\n"
"      --force             --import: replace files that exist\n"
"      --title TEXT        --import: the title of a plain-text draft\n"
"      --timeout SECONDS   --import: seconds to fetch a URL (default 30)\n"
"  -h, --help              show this help and exit\n"
"  -V, --version           show the version and exit\n"
"\n"
"Exit status: 0 success, 1 a posting problem, 2 wrong usage.\n"
"See billet(1) for the keys and the query language, billet(5) for the\n"
"file format, billet-config(5) for the config file\n"
"($XDG_CONFIG_HOME/billet/config).\n", stdout);
}

/* Parses a size such as 512K, 64M, 1G. */
static size_t
parse_size(const char *opt, const char *s)
{
	char *end;
	errno = 0;
	unsigned long long v = strtoull(s, &end, 10);
	if (end == s || errno || s[0] == '-')
		usage_error("%s: expected a size such as 64M", opt);
	unsigned long long mult = 1;
	switch (*end) {
	case 'k': case 'K': mult = 1ULL << 10; end++; break;
	case 'm': case 'M': mult = 1ULL << 20; end++; break;
	case 'g': case 'G': mult = 1ULL << 30; end++; break;
	}
	if (*end || v == 0 || v > SIZE_MAX / mult)
		usage_error("%s: expected a size such as 64M", opt);
	return (size_t)(v * mult);
}

/* The ids of --compare and --mark, --status...: how many, each once; a
 * wrong count or a repeated --compare id is wrong usage. */
static void
check_ids(const struct options *o)
{
	if (o->mode == MODE_COMPARE) {
		for (size_t i = 0; i < o->compare.n; i++)
			for (size_t k = 0; k < i; k++)
				if (!strcmp(o->compare.v[i], o->compare.v[k]))
					usage_error("--compare: '%s' is named "
					            "twice: name two to four "
					            "different postings",
					            o->compare.v[i]);
		if (o->compare.n > CMP_MAX) {
			char msg[48];
			snprintf(msg, sizeof(msg), "--compare: at most %d "
			         "postings", CMP_MAX);
			usage_error("%s", msg);
		}
		if (o->compare.n < 2)
			usage_error("%s", "--compare: name two to four postings, "
			            "separated by commas");
	}
	if (o->mode == MODE_MARK) {
		const char *opt = o->act.option;
		if (!o->mark.n && !o->filter)
			usage_error("%s: name the postings: ID[,ID...], or "
			            "--filter QUERY for those it shows", opt);
		if (o->mark.n && o->filter)
			usage_error("%s: ids or --filter, not both (a word "
			            "after it is an id: write it before "
			            "--filter, or last)", opt);
	}
}

/* Fixes today from --today, else $BILLET_TODAY (when set and not empty);
 * a date that is not one is wrong usage. */
static void
set_today(struct options *o)
{
	if (!o->today) {
		const char *env = getenv("BILLET_TODAY");
		if (!env || !*env)
			return;
		o->today = env;
		o->today_from = "BILLET_TODAY";
	}
	int32_t ymd = 0;
	int r = deadline_parse(o->today, &ymd);
	if (r <= 0) {
		char fmt[96];
		snprintf(fmt, sizeof(fmt), r < 0 ? "%s: no such date '%%s'" :
		         "%s: expected a date YYYY-MM-DD, not '%%s'",
		         o->today_from);
		usage_error(fmt, o->today);
	}
	deadline_set_today(ymd);
}

int
options_parse(struct options *o, int argc, char **argv)
{
	*o = (struct options){.limits = load_default_limits,
	                      .import = {.fetch = fetch_default_limits}};
	enum {
		OPT_FORMAT = 256, OPT_HEADER, OPT_SHORTLIST, OPT_MARK,
		OPT_UNMARK, OPT_STATE, OPT_NO_COLOR, OPT_MAX_FILE,
		OPT_MAX_SCALAR, OPT_MAX_DEPTH, OPT_MAX_NODES, OPT_MAX_POSTINGS,
		OPT_WITH_STATE, OPT_ORPHANS,
		OPT_IMPORT, OPT_OUT, OPT_FORCE, OPT_TITLE, OPT_TIMEOUT,
		OPT_DUMP_CONFIG, OPT_HIDE, OPT_UNHIDE, OPT_STATUS, OPT_RATE,
		OPT_NOTE, OPT_FOLLOWUP, OPT_ON, OPT_REPORT, OPT_SINCE,
		OPT_UNTIL, OPT_TODAY, OPT_COMPLETE,
	};
	static const struct option longopts[] = {
		{"check", no_argument, NULL, 'c'},
		{"list", no_argument, NULL, 'l'},
		{"show", required_argument, NULL, 's'},
		{"compare", required_argument, NULL, 'C'},
		{"filter", required_argument, NULL, 'f'},
		{"sort", required_argument, NULL, 'S'},
		{"format", required_argument, NULL, OPT_FORMAT},
		{"header", no_argument, NULL, OPT_HEADER},
		{"width", required_argument, NULL, 'w'},
		{"shortlist", no_argument, NULL, OPT_SHORTLIST},
		{"with-state", no_argument, NULL, OPT_WITH_STATE},
		{"orphans", no_argument, NULL, OPT_ORPHANS},
		{"mark", required_argument, NULL, OPT_MARK},
		{"unmark", required_argument, NULL, OPT_UNMARK},
		{"hide", required_argument, NULL, OPT_HIDE},
		{"unhide", required_argument, NULL, OPT_UNHIDE},
		{"status", required_argument, NULL, OPT_STATUS},
		{"rate", required_argument, NULL, OPT_RATE},
		{"note", required_argument, NULL, OPT_NOTE},
		{"follow-up", required_argument, NULL, OPT_FOLLOWUP},
		{"on", required_argument, NULL, OPT_ON},
		{"report", no_argument, NULL, OPT_REPORT},
		{"since", required_argument, NULL, OPT_SINCE},
		{"until", required_argument, NULL, OPT_UNTIL},
		{"state", required_argument, NULL, OPT_STATE},
		{"no-color", no_argument, NULL, OPT_NO_COLOR},
		{"no-colour", no_argument, NULL, OPT_NO_COLOR},
		{"dump-config", no_argument, NULL, OPT_DUMP_CONFIG},
		{"today", required_argument, NULL, OPT_TODAY},
		{"max-file", required_argument, NULL, OPT_MAX_FILE},
		{"max-scalar", required_argument, NULL, OPT_MAX_SCALAR},
		{"max-depth", required_argument, NULL, OPT_MAX_DEPTH},
		{"max-nodes", required_argument, NULL, OPT_MAX_NODES},
		{"max-postings", required_argument, NULL, OPT_MAX_POSTINGS},
		{"import", no_argument, NULL, OPT_IMPORT},
		{"out", required_argument, NULL, OPT_OUT},
		{"force", no_argument, NULL, OPT_FORCE},
		{"title", required_argument, NULL, OPT_TITLE},
		{"timeout", required_argument, NULL, OPT_TIMEOUT},
		{"help", no_argument, NULL, 'h'},
		{"version", no_argument, NULL, 'V'},
		/* for the shell completion scripts: not in --help */
		{"complete", required_argument, NULL, OPT_COMPLETE},
		{NULL, 0, NULL, 0},
	};
	static const char shortopts[] = ":cls:C:f:S:w:hV";
	int ch;
	int modes = 0;
	opterr = 0; /* said by usage_error, which shows the text safely */
	/* --status ID STATUS: two words, taken out for getopt_long */
	const char *missing = NULL;
	if (!batch_args_split(argc, argv, longopts, shortopts, &o->args,
	                      &missing))
		usage_error("%s: expected the postings' ids and a value (or "
		            "the value alone, with --filter)", missing);
	argc = o->args.argc;
	argv = o->args.argv;
	while ((ch = getopt_long(argc, argv, shortopts, longopts, NULL)) != -1) {
		switch (ch) {
		case ':':
		default: {
			/* the option as typed: a short one alone, a long one
			 * as it was given */
			const char *arg = argv[optind - 1];
			char one[3] = {'-', (char)optopt, '\0'};
			if (optopt > 0 && optopt < 128 && strncmp(arg, "--", 2))
				arg = one;
			usage_error(ch == ':' ? "option '%s' needs a value"
			                      : "unknown option '%s'", arg);
		}
		case 'c': o->mode = MODE_CHECK; modes++; break;
		case 'l': o->mode = MODE_LIST; modes++; break;
		case 's': o->mode = MODE_SHOW; o->show_id = optarg; modes++; break;
		case 'C':
			o->mode = MODE_COMPARE;
			ids_add(&o->compare, optarg);
			modes++;
			break;
		case 'f': o->filter = optarg; break;
		case 'S': o->sort = optarg; break;
		case OPT_FORMAT:
			if (!format_parse(optarg, &o->format))
				usage_error("--format: unknown format '%s' (text, "
				            "tsv, csv, json, yaml, markdown)",
				            optarg);
			o->format_set = true;
			break;
		case OPT_HEADER: o->header = true; break;
		case 'w': {
			char *end;
			long w = strtol(optarg, &end, 10);
			if (*end || w < 1 || w > 10000)
				usage_error("--width: expected a number of "
				            "columns, not '%s'", optarg);
			o->width = (int)w;
			break;
		}
		case OPT_SHORTLIST: o->shortlist = true; break;
		case OPT_WITH_STATE: o->with_state = true; break;
		case OPT_ORPHANS: o->orphans = true; break;
		case OPT_MARK:
		case OPT_UNMARK:
		case OPT_HIDE:
		case OPT_UNHIDE:
		case OPT_STATUS:
		case OPT_RATE:
		case OPT_NOTE:
		case OPT_FOLLOWUP: {
			static const struct {
				int opt;
				enum batch_what what;
				const char *name;
			} acts[] = {
				{OPT_MARK, BATCH_MARK, "--mark"},
				{OPT_UNMARK, BATCH_UNMARK, "--unmark"},
				{OPT_HIDE, BATCH_HIDE, "--hide"},
				{OPT_UNHIDE, BATCH_UNHIDE, "--unhide"},
				{OPT_STATUS, BATCH_STATUS, "--status"},
				{OPT_RATE, BATCH_RATE, "--rate"},
				{OPT_NOTE, BATCH_NOTE, "--note"},
				{OPT_FOLLOWUP, BATCH_FOLLOWUP, "--follow-up"},
			};
			size_t k = 0;
			while (acts[k].opt != ch)
				k++;
			const char *ids = optarg, *value = NULL;
			if (acts[k].what >= BATCH_STATUS)
				batch_args_take(&o->args, &ids, &value);
			/* repeated, they add ids; one action a run */
			if (o->act.what == BATCH_NONE) {
				modes++;
			} else if (o->act.what != acts[k].what) {
				char msg[96];
				snprintf(msg, sizeof(msg), "%s and %s go in "
				         "separate runs", o->act.option,
				         acts[k].name);
				usage_error("%s", msg);
			} else if (value && strcmp(value, o->act.value)) {
				usage_error("%s: one value a run (the ids "
				            "may be several)", acts[k].name);
			}
			o->act.what = acts[k].what;
			o->act.option = acts[k].name;
			o->act.value = value;
			o->mode = MODE_MARK;
			ids_add(&o->mark, ids);
			break;
		}
		case OPT_ON: o->on = optarg; break;
		case OPT_REPORT: o->mode = MODE_REPORT; modes++; break;
		case OPT_SINCE:
		case OPT_UNTIL: {
			int32_t *d = ch == OPT_SINCE ? &o->span.since : &o->span.until;
			int r = day_parse(optarg, day_today(), d);
			if (r != 1)
				usage_error(ch == OPT_SINCE ? "--since: expected a "
				            "date YYYY-MM-DD, not '%s'" : "--until: "
				            "expected a date YYYY-MM-DD, not '%s'",
				            optarg);
			break;
		}
		case OPT_STATE: o->state = optarg; break;
		case OPT_NO_COLOR: o->no_color = true; break;
		case OPT_DUMP_CONFIG: o->mode = MODE_DUMP_CONFIG; modes++; break;
		case OPT_TODAY:
			o->today = optarg;
			o->today_from = "--today";
			break;
		case OPT_MAX_FILE:
			o->limits.max_file = parse_size("--max-file", optarg);
			break;
		case OPT_MAX_SCALAR:
			o->limits.max_scalar = parse_size("--max-scalar", optarg);
			break;
		case OPT_MAX_DEPTH:
			o->limits.max_depth = parse_size("--max-depth", optarg);
			if (o->limits.max_depth > 10000)
				usage_error("--max-depth: at most 10000, not "
				            "'%s'", optarg);
			break;
		case OPT_MAX_NODES:
			o->limits.max_nodes = parse_size("--max-nodes", optarg);
			break;
		case OPT_MAX_POSTINGS:
			o->limits.max_postings = parse_size("--max-postings",
			                                   optarg);
			break;
		case OPT_IMPORT: o->mode = MODE_IMPORT; modes++; break;
		case OPT_OUT: o->import.out = optarg; break;
		case OPT_FORCE: o->import.force = true; break;
		case OPT_TITLE: o->import.title = optarg; break;
		case OPT_TIMEOUT: {
			char *end;
			long t = strtol(optarg, &end, 10);
			if (*end || t < 1 || t > 3600)
				usage_error("--timeout: expected seconds (1 to "
				            "3600), not '%s'", optarg);
			o->import.fetch.timeout = t;
			if (o->import.fetch.connect_timeout > t)
				o->import.fetch.connect_timeout = t;
			break;
		}
		case 'h': help(); return 0;
		case 'V': printf("billet %s\n", PACKAGE_VERSION); return 0;
		case OPT_COMPLETE: o->complete = optarg; break;
		}
	}
	o->paths = argv + optind;
	o->npaths = (size_t)(argc - optind);
	o->longopts = longopts;
	if (o->complete) /* the words a completion script asks for, alone */
		return -1;
	if (modes > 1)
		usage_error("%s", "choose one of --check, --list, --show, "
		            "--compare, --import, --report, --dump-config, or one "
		            "of --mark, --unmark, --hide, --unhide, --status, "
		            "--rate, --note, --follow-up");
	if ((o->span.since || o->span.until) && o->mode != MODE_REPORT)
		usage_error("%s", "--since and --until go with --report");
	if (o->span.since && o->span.until && o->span.since > o->span.until)
		usage_error("%s", "--report: --since is after --until");
	if (o->mode == MODE_REPORT &&
	    (o->filter || o->sort || o->shortlist || o->with_state ||
	     (o->format_set && o->format != FMT_MARKDOWN && o->format != FMT_CSV &&
	      o->format != FMT_JSON)))
		usage_error("%s", "--report: --format markdown, csv or json, "
		            "with --since and --until; no --filter, --sort, "
		            "--shortlist or --with-state");
	if (o->on && o->act.what != BATCH_STATUS)
		usage_error("%s", "--on goes with --status");
	if (o->mode == MODE_MARK) {
		char why[256];
		if (!batch_read_value(&o->act, o->on, why, sizeof(why)))
			usage_error("%s", why);
	}
	check_ids(o);
	set_today(o);
	if ((o->import.out || o->import.force || o->import.title) &&
	    o->mode != MODE_IMPORT)
		usage_error("%s", "--out, --force and --title go with --import");
	if (o->mode == MODE_IMPORT) {
		if (optind >= argc)
			usage_error("%s", "--import: name what to import: files, "
			            "- for standard input, or http(s) URLs");
		if (o->format_set || o->filter || o->sort)
			usage_error("%s", "--import writes posting files: "
			            "--format, --filter and --sort do not go "
			            "with it");
		/* main runs it, before anything is loaded */
		return -1;
	}
	if (o->format_set) {
		bool ok = o->mode == MODE_LIST || o->mode == MODE_REPORT ||
		          (o->mode == MODE_SHOW && (o->format == FMT_TEXT ||
		                                   o->format == FMT_JSON ||
		                                   o->format == FMT_YAML)) ||
		          (o->mode == MODE_COMPARE && (o->format == FMT_TEXT ||
		                                      o->format == FMT_JSON));
		if (!ok)
			usage_error("--format %s does not go with this mode",
			            format_name(o->format));
	}
	if (o->header && !(o->mode == MODE_LIST &&
	                  (o->format == FMT_TSV || o->format == FMT_CSV)))
		usage_error("%s", "--header goes with --list --format tsv or csv");
	if (o->shortlist && o->mode != MODE_LIST)
		usage_error("%s", "--shortlist goes with --list");
	if (o->orphans && o->mode != MODE_LIST)
		usage_error("%s", "--orphans goes with --list");
	if (o->orphans && (o->shortlist || o->filter || o->sort || o->with_state))
		usage_error("%s", "--orphans lists state entries, not "
		            "postings: no --shortlist, --filter, --sort or "
		            "--with-state with it");
	if (o->orphans && o->format == FMT_MARKDOWN)
		usage_error("%s", "--orphans: --format text, tsv, csv, json or "
		            "yaml");
	if (o->with_state &&
	    !(o->mode == MODE_LIST && o->format != FMT_TEXT) &&
	    !(o->mode == MODE_SHOW && o->format != FMT_TEXT))
		usage_error("%s", "--with-state goes with --list or --show "
		            "--format json or yaml (--list: tsv, csv or "
		            "markdown too)");
	if (o->mode == MODE_LIST && o->format == FMT_TEXT && o->width > 0 &&
	    o->width < LIST_MIN_WIDTH) {
		char msg[64];
		snprintf(msg, sizeof(msg), "--width: at least %d columns for "
		         "--list", LIST_MIN_WIDTH);
		usage_error("%s", msg);
	}
	if (o->mode == MODE_DUMP_CONFIG && o->npaths)
		usage_error("--dump-config takes no PATH, not '%s'",
		            o->paths[0]);
	return -1;
}

void
options_filter_sort(const struct options *o, struct query **filter,
                    struct sort_spec *sort)
{
	if (o->filter) {
		struct query_error qe;
		*filter = query_parse(o->filter, &qe);
		if (!*filter) {
			struct buf b = {0};
			query_error_describe(&qe, &b);
			usage_error("%s", b.s);
		}
	}
	const char *bad = "";
	if (o->sort && !sort_parse(o->sort, sort, &bad)) {
		struct buf b = {0};
		text_sanitize(&b, bad, strcspn(bad, ","), 0);
		usage_error("--sort: bad key '%s' (title, org, location, salary, "
		            "posted, deadline, id; a leading '-' reverses)", b.s ? b.s : "");
	}
}

void
options_free(struct options *o)
{
	ids_free(&o->compare);
	ids_free(&o->mark);
	batch_free(&o->act);
	batch_args_free(&o->args);
}
