/* SPDX-License-Identifier: MIT */
/* main: command line, batch modes, starts the interface. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <unistd.h>

#include "batch.h"
#include "catalog.h"
#include "compare.h"
#include "conf.h"
#include "deadline.h"
#include "day.h"
#include "export.h"
#include "import.h"
#include "load.h"
#include "orphans.h"
#include "posting.h"
#include "query.h"
#include "report.h"
#include "state.h"
#include "text.h"
#include "ui/ui.h"

/* Posting ids given on the command line (malloc'd, each trimmed). */
struct ids {
	char **v;
	size_t n, cap;
};

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

/* Says that there is no posting with id (say shows it safely). */
static void
say_unknown(const char *id)
{
	say("no posting with id '%s'", id);
}

/* Everything the command line asks for. */
struct options {
	enum { MODE_UI, MODE_CHECK, MODE_LIST, MODE_SHOW, MODE_COMPARE,
	       MODE_MARK, MODE_IMPORT, MODE_DUMP_CONFIG, MODE_REPORT } mode;
	const char *show_id;     /* --show */
	struct ids compare;      /* --compare */
	const char *filter;      /* --filter */
	const char *sort;        /* --sort */
	enum format format;
	bool format_set;
	bool header;
	int width;               /* 0: the terminal's */
	bool shortlist;
	bool orphans;            /* --orphans */
	bool with_state;         /* --with-state */
	struct ids mark;         /* the ids of --mark, --status... */
	struct batch act;        /* which of them, and its value */
	const char *on;          /* --on DATE */
	struct report_span span; /* --report --since, --until */
	const char *state;
	bool no_color;
	const char *today;       /* --today, else $BILLET_TODAY, or NULL */
	const char *today_from;  /* which of the two gave it */
	struct load_limits limits;
	struct import_opts import; /* --import, --out, --force, --title */
};

/* Exits with status 2 after a usage message. */
static _Noreturn void
usage_error(const char *fmt, const char *arg)
{
	say(fmt, arg);
	fputs("Try 'billet --help' for more information.\n", stderr);
	exit(2);
}

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

/* The width for text output. */
static int
output_width(const struct options *o)
{
	if (o->width > 0)
		return o->width;
	struct winsize ws;
	if (isatty(STDOUT_FILENO) && ioctl(STDOUT_FILENO, TIOCGWINSZ, &ws) == 0 &&
	    ws.ws_col > 0)
		return ws.ws_col;
	const char *cols = getenv("COLUMNS");
	if (cols && atoi(cols) > 0)
		return atoi(cols);
	return 80;
}

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

/* Prints the problems: all in --check, errors only otherwise. */
static void
print_problems(const struct catalog *c, bool all)
{
	struct buf b = {0};
	for (size_t i = 0; i < c->nproblems; i++) {
		const struct problem *p = &c->problems[i];
		if (!all && !p->error)
			continue;
		buf_clear(&b);
		problem_format(&b, p);
		buf_addc(&b, '\n');
		fwrite(b.s, 1, b.len, stderr);
	}
	buf_free(&b);
}

/* Loads the paths, or $BILLET_PATH, or the samples. Returns a note on
 * where the postings came from. */
static const char *
load_all(struct catalog *c, char **paths, int npaths,
         const struct load_limits *lim)
{
	const char *from = NULL;
	char **list = paths;
	size_t n = (size_t)npaths;
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

/* Reads --filter and --sort; a bad one is a usage error. */
static void
parse_filter_sort(const struct options *o, struct query **filter,
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

/* The postings of c that filter matches (all without one; only the
 * marked ones with shortlist), in sort's order; malloc'd, their count in
 * *n. env answers the state terms. Hidden postings are left out, as the
 * list leaves them out, unless the filter mentions is:hidden. */
static struct posting **
select_postings(const struct catalog *c, struct query *filter,
                const struct sort_spec *sort, const struct query_env *env,
                bool shortlist, size_t *n)
{
	struct posting **v = malloc((c->n ? c->n : 1) * sizeof(*v));
	if (!v)
		die_nomem();
	bool drop_hidden = env->hidden &&
	                   !(filter && query_mentions(filter, "is:hidden"));
	*n = 0;
	for (size_t i = 0; i < c->n; i++)
		/* a job from several sources: listed once */
		if (!c->v[i]->dup_of &&
		    (!filter || query_match(filter, c->v[i], env)) &&
		    (!shortlist || env->marked(env->ctx, c->v[i])) &&
		    !(drop_hidden && env->hidden(env->ctx, c->v[i])))
			v[(*n)++] = c->v[i];
	sort_postings(v, *n, sort, env->currency);
	return v;
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

/* Prints the comparison of the postings named in --compare. */
/* True if which postings a list shows rests on the state file: the
 * shortlist, or a filter on the marks, ratings, status, notes... */
static bool
chosen_by_state(bool shortlist, const struct query *filter)
{
	static const char *const terms[] = {
		"is:marked", "is:hidden", "is:new", "is:read", "is:changed",
		"has:note", "has:rating", "rating", "status",
	};
	if (shortlist)
		return true;
	for (size_t i = 0; filter && i < sizeof(terms) / sizeof(*terms); i++)
		if (query_mentions(filter, terms[i]))
			return true;
	return false;
}

static int
compare_cmd(const struct catalog *c, const struct options *o, double threshold)
{
	const struct posting *v[CMP_MAX];
	size_t n = o->compare.n;
	int status = 0;
	for (size_t i = 0; i < n; i++) {
		v[i] = catalog_find(c, o->compare.v[i]);
		if (!v[i]) {
			say_unknown(o->compare.v[i]);
			status = 1;
		}
	}
	if (status)
		return status;
	struct cmp_table t = {0};
	if (compare_build_at(v, n, threshold, &t) != 0) {
		say("--compare: cannot compare these postings");
		return 1;
	}
	struct buf out = {0};
	if (o->format == FMT_JSON)
		compare_print_json(&out, &t);
	else
		compare_print_text(&out, &t, output_width(o));
	if (out.len)
		fwrite(out.s, 1, out.len, stdout);
	buf_free(&out);
	compare_free(&t);
	return 0;
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
main(int argc, char **argv)
{
	setlocale(LC_ALL, "");
	struct options o = {.limits = load_default_limits,
	                    .import = {.fetch = fetch_default_limits}};
	enum {
		OPT_FORMAT = 256, OPT_HEADER, OPT_SHORTLIST, OPT_MARK,
		OPT_UNMARK, OPT_STATE, OPT_NO_COLOR, OPT_MAX_FILE,
		OPT_MAX_SCALAR, OPT_MAX_DEPTH, OPT_MAX_NODES, OPT_MAX_POSTINGS,
		OPT_WITH_STATE, OPT_ORPHANS,
		OPT_IMPORT, OPT_OUT, OPT_FORCE, OPT_TITLE, OPT_TIMEOUT,
		OPT_DUMP_CONFIG, OPT_HIDE, OPT_UNHIDE, OPT_STATUS, OPT_RATE,
		OPT_NOTE, OPT_FOLLOWUP, OPT_ON, OPT_REPORT, OPT_SINCE,
		OPT_UNTIL, OPT_TODAY,
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
		{NULL, 0, NULL, 0},
	};
	static const char shortopts[] = ":cls:C:f:S:w:hV";
	int ch;
	int modes = 0;
	opterr = 0; /* said by usage_error, which shows the text safely */
	/* --status ID STATUS: two words, taken out for getopt_long */
	struct batch_args bargs;
	const char *missing = NULL;
	if (!batch_args_split(argc, argv, longopts, shortopts, &bargs,
	                      &missing))
		usage_error("%s: expected the postings' ids and a value (or "
		            "the value alone, with --filter)", missing);
	argc = bargs.argc;
	argv = bargs.argv;
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
		case 'c': o.mode = MODE_CHECK; modes++; break;
		case 'l': o.mode = MODE_LIST; modes++; break;
		case 's': o.mode = MODE_SHOW; o.show_id = optarg; modes++; break;
		case 'C':
			o.mode = MODE_COMPARE;
			ids_add(&o.compare, optarg);
			modes++;
			break;
		case 'f': o.filter = optarg; break;
		case 'S': o.sort = optarg; break;
		case OPT_FORMAT:
			if (!format_parse(optarg, &o.format))
				usage_error("--format: unknown format '%s' (text, "
				            "tsv, csv, json, yaml, markdown)",
				            optarg);
			o.format_set = true;
			break;
		case OPT_HEADER: o.header = true; break;
		case 'w': {
			char *end;
			long w = strtol(optarg, &end, 10);
			if (*end || w < 1 || w > 10000)
				usage_error("--width: expected a number of "
				            "columns, not '%s'", optarg);
			o.width = (int)w;
			break;
		}
		case OPT_SHORTLIST: o.shortlist = true; break;
		case OPT_WITH_STATE: o.with_state = true; break;
		case OPT_ORPHANS: o.orphans = true; break;
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
				batch_args_take(&bargs, &ids, &value);
			/* repeated, they add ids; one action a run */
			if (o.act.what == BATCH_NONE) {
				modes++;
			} else if (o.act.what != acts[k].what) {
				char msg[96];
				snprintf(msg, sizeof(msg), "%s and %s go in "
				         "separate runs", o.act.option,
				         acts[k].name);
				usage_error("%s", msg);
			} else if (value && strcmp(value, o.act.value)) {
				usage_error("%s: one value a run (the ids "
				            "may be several)", acts[k].name);
			}
			o.act.what = acts[k].what;
			o.act.option = acts[k].name;
			o.act.value = value;
			o.mode = MODE_MARK;
			ids_add(&o.mark, ids);
			break;
		}
		case OPT_ON: o.on = optarg; break;
		case OPT_REPORT: o.mode = MODE_REPORT; modes++; break;
		case OPT_SINCE:
		case OPT_UNTIL: {
			int32_t *d = ch == OPT_SINCE ? &o.span.since : &o.span.until;
			int r = day_parse(optarg, day_today(), d);
			if (r != 1)
				usage_error(ch == OPT_SINCE ? "--since: expected a "
				            "date YYYY-MM-DD, not '%s'" : "--until: "
				            "expected a date YYYY-MM-DD, not '%s'",
				            optarg);
			break;
		}
		case OPT_STATE: o.state = optarg; break;
		case OPT_NO_COLOR: o.no_color = true; break;
		case OPT_DUMP_CONFIG: o.mode = MODE_DUMP_CONFIG; modes++; break;
		case OPT_TODAY:
			o.today = optarg;
			o.today_from = "--today";
			break;
		case OPT_MAX_FILE:
			o.limits.max_file = parse_size("--max-file", optarg);
			break;
		case OPT_MAX_SCALAR:
			o.limits.max_scalar = parse_size("--max-scalar", optarg);
			break;
		case OPT_MAX_DEPTH:
			o.limits.max_depth = parse_size("--max-depth", optarg);
			if (o.limits.max_depth > 10000)
				usage_error("--max-depth: at most 10000, not "
				            "'%s'", optarg);
			break;
		case OPT_MAX_NODES:
			o.limits.max_nodes = parse_size("--max-nodes", optarg);
			break;
		case OPT_MAX_POSTINGS:
			o.limits.max_postings = parse_size("--max-postings",
			                                   optarg);
			break;
		case OPT_IMPORT: o.mode = MODE_IMPORT; modes++; break;
		case OPT_OUT: o.import.out = optarg; break;
		case OPT_FORCE: o.import.force = true; break;
		case OPT_TITLE: o.import.title = optarg; break;
		case OPT_TIMEOUT: {
			char *end;
			long t = strtol(optarg, &end, 10);
			if (*end || t < 1 || t > 3600)
				usage_error("--timeout: expected seconds (1 to "
				            "3600), not '%s'", optarg);
			o.import.fetch.timeout = t;
			if (o.import.fetch.connect_timeout > t)
				o.import.fetch.connect_timeout = t;
			break;
		}
		case 'h': help(); return 0;
		case 'V': printf("billet %s\n", PACKAGE_VERSION); return 0;
		}
	}
	if (modes > 1)
		usage_error("%s", "choose one of --check, --list, --show, "
		            "--compare, --import, --report, --dump-config, or one "
		            "of --mark, --unmark, --hide, --unhide, --status, "
		            "--rate, --note, --follow-up");
	if ((o.span.since || o.span.until) && o.mode != MODE_REPORT)
		usage_error("%s", "--since and --until go with --report");
	if (o.span.since && o.span.until && o.span.since > o.span.until)
		usage_error("%s", "--report: --since is after --until");
	if (o.mode == MODE_REPORT &&
	    (o.filter || o.sort || o.shortlist || o.with_state ||
	     (o.format_set && o.format != FMT_MARKDOWN && o.format != FMT_CSV &&
	      o.format != FMT_JSON)))
		usage_error("%s", "--report: --format markdown, csv or json, "
		            "with --since and --until; no --filter, --sort, "
		            "--shortlist or --with-state");
	if (o.on && o.act.what != BATCH_STATUS)
		usage_error("%s", "--on goes with --status");
	if (o.mode == MODE_MARK) {
		char why[256];
		if (!batch_read_value(&o.act, o.on, why, sizeof(why)))
			usage_error("%s", why);
	}
	check_ids(&o);
	set_today(&o);
	if ((o.import.out || o.import.force || o.import.title) &&
	    o.mode != MODE_IMPORT)
		usage_error("%s", "--out, --force and --title go with --import");
	if (o.mode == MODE_IMPORT) {
		if (optind >= argc)
			usage_error("%s", "--import: name what to import: files, "
			            "- for standard input, or http(s) URLs");
		if (o.format_set || o.filter || o.sort)
			usage_error("%s", "--import writes posting files: "
			            "--format, --filter and --sort do not go "
			            "with it");
		o.import.limits = &o.limits;
		return import_run(argv + optind, (size_t)(argc - optind),
		                  &o.import, stdout);
	}
	if (o.format_set) {
		bool ok = o.mode == MODE_LIST || o.mode == MODE_REPORT ||
		          (o.mode == MODE_SHOW && (o.format == FMT_TEXT ||
		                                   o.format == FMT_JSON ||
		                                   o.format == FMT_YAML)) ||
		          (o.mode == MODE_COMPARE && (o.format == FMT_TEXT ||
		                                      o.format == FMT_JSON));
		if (!ok)
			usage_error("--format %s does not go with this mode",
			            format_name(o.format));
	}
	if (o.header && !(o.mode == MODE_LIST &&
	                  (o.format == FMT_TSV || o.format == FMT_CSV)))
		usage_error("%s", "--header goes with --list --format tsv or csv");
	if (o.shortlist && o.mode != MODE_LIST)
		usage_error("%s", "--shortlist goes with --list");
	if (o.orphans && o.mode != MODE_LIST)
		usage_error("%s", "--orphans goes with --list");
	if (o.orphans && (o.shortlist || o.filter || o.sort || o.with_state))
		usage_error("%s", "--orphans lists state entries, not "
		            "postings: no --shortlist, --filter, --sort or "
		            "--with-state with it");
	if (o.orphans && o.format == FMT_MARKDOWN)
		usage_error("%s", "--orphans: --format text, tsv, csv, json or "
		            "yaml");
	if (o.with_state &&
	    !(o.mode == MODE_LIST && o.format != FMT_TEXT) &&
	    !(o.mode == MODE_SHOW && o.format != FMT_TEXT))
		usage_error("%s", "--with-state goes with --list or --show "
		            "--format json or yaml (--list: tsv, csv or "
		            "markdown too)");
	if (o.mode == MODE_LIST && o.format == FMT_TEXT && o.width > 0 &&
	    o.width < LIST_MIN_WIDTH) {
		char msg[64];
		snprintf(msg, sizeof(msg), "--width: at least %d columns for "
		         "--list", LIST_MIN_WIDTH);
		usage_error("%s", msg);
	}

	if (o.mode == MODE_DUMP_CONFIG) {
		if (argc > optind)
			usage_error("--dump-config takes no PATH, not '%s'",
			            argv[optind]);
		struct conf *def = conf_new();
		struct buf b = {0};
		conf_dump(def, &b);
		fwrite(b.s, 1, b.len, stdout);
		buf_free(&b);
		conf_free(def);
		if (fflush(stdout) != 0 || ferror(stdout)) {
			say("cannot write the output: %s", strerror(errno));
			return 2;
		}
		return 0;
	}

	struct query *filter = NULL;
	struct sort_spec sort = { .n = 0 };
	parse_filter_sort(&o, &filter, &sort);

	struct catalog c;
	catalog_init(&c);
	/* the interface loads in the background and is usable meanwhile */
	if (o.mode != MODE_UI)
		load_all(&c, argv + optind, argc - optind, &o.limits);
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
		              chosen_by_state(o.shortlist, filter));
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
	switch (o.mode) {
	case MODE_CHECK:
		print_problems(&c, true);
		if (c.nerrors)
			say("%zu posting%s loaded from %zu file%s; %zu error%s",
			    c.n, c.n == 1 ? "" : "s", c.nfiles,
			    c.nfiles == 1 ? "" : "s", c.nerrors,
			    c.nerrors == 1 ? "" : "s");
		if (conf_problems)
			say("the config file %s has %zu problem%s", cf->path,
			    conf_problems, conf_problems == 1 ? "" : "s");
		status = c.nerrors || conf_problems ? 1 : 0;
		break;
	case MODE_LIST: {
		print_problems(&c, false);
		if (!state_writable(st) &&
		    (o.orphans || chosen_by_state(o.shortlist, filter))) {
			/* an empty list would be a wrong answer */
			say("%s", state_problem(st));
			say("the state file cannot be read, so the %s it "
			    "chooses are not listed",
			    o.orphans ? "entries" : "postings");
			status = 1;
			break;
		}
		if (o.orphans) {
			orphans_print(stdout, st, o.format, o.header);
			break;
		}
		size_t n;
		struct posting **v = select_postings(&c, filter, &sort, &qenv,
		                                     o.shortlist, &n);
		export_list(stdout, v, n, o.format, output_width(&o),
		            (o.header ? EXPORT_HEADER : 0) |
		            (o.shortlist || o.with_state ? EXPORT_STATE : 0),
		            &hooks);
		free(v);
		break;
	}
	case MODE_SHOW: {
		print_problems(&c, false);
		const struct posting *p = catalog_find(&c, o.show_id);
		if (!p) {
			struct buf b = {0};
			text_sanitize(&b, o.show_id, strlen(o.show_id), 0);
			say("no posting with id '%s'", b.s ? b.s : "");
			buf_free(&b);
			status = 1;
			break;
		}
		/* json and yaml carry the posting alone unless asked */
		export_show(stdout, p, o.format, output_width(&o),
		            o.format == FMT_TEXT || o.with_state ? &hooks
		                                                 : NULL);
		break;
	}
	case MODE_COMPARE:
		print_problems(&c, false);
		status = compare_cmd(&c, &o,
		                     conf_real(cf, CO_COMPARE_THRESHOLD));
		break;
	case MODE_IMPORT: /* done above, before anything is loaded */
		break;
	case MODE_MARK: {
		print_problems(&c, false);
		size_t n = 0;
		struct sort_spec none = { .n = 0 };
		struct posting **v = filter ? select_postings(&c, filter, &none,
		                                              &qenv, false, &n)
		                            : NULL;
		status = batch_run(&o.act, &c, o.mark.v, o.mark.n, filter != NULL,
		                   v, n, st);
		free(v);
		break;
	}
	case MODE_DUMP_CONFIG:
		break;
	case MODE_REPORT: {
		print_problems(&c, false);
		if (!state_writable(st)) {
			/* an empty report would be a wrong answer */
			say("%s", state_problem(st));
			say("the state file cannot be read, so there is no "
			    "report");
			status = 1;
			break;
		}
		size_t undated = 0;
		report_write(stdout, st, &c, &o.span,
		             o.format_set ? o.format : FMT_MARKDOWN, &undated);
		if (undated)
			say("warning: %zu application%s whose date is not known "
			    "%s left out (billet --status ID applied --on DATE "
			    "dates one)", undated, undated == 1 ? "" : "s",
			    undated == 1 ? "is" : "are");
		break;
	}
	case MODE_UI: {
		const char *env = getenv("BILLET_PATH");
		bool given = argc > optind, from_env = !given && env && *env;
		struct ui_config uc = {
			.filter = o.filter, .sort = o.sort, .no_color = o.no_color,
			.source = given ? NULL : from_env ? "$BILLET_PATH"
			                                  : "the sample postings",
			.paths = argv + optind, .npaths = (size_t)(argc - optind),
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
	ids_free(&o.compare);
	ids_free(&o.mark);
	batch_free(&o.act);
	batch_args_free(&bargs);
	query_free(filter);
	catalog_free(&c);
	return status;
}
