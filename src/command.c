/* SPDX-License-Identifier: MIT */
/* command: the modes that print and exit, each from what main loaded:
 * --check, --list, --show, --compare, --mark and the like, --report,
 * --dump-config. */
#include "config.h"

#include "command.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "batch.h"
#include "compare.h"
#include "orphans.h"
#include "posting.h"
#include "report.h"
#include "text.h"

/* Says that there is no posting with id (say shows it safely). */
static void
say_unknown(const char *id)
{
	say("no posting with id '%s'", id);
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

bool
command_chosen_by_state(bool shortlist, const struct query *filter)
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

int
command_check(const struct command_env *e)
{
	const struct catalog *c = e->c;
	print_problems(c, true);
	if (c->nerrors)
		say("%zu posting%s loaded from %zu file%s; %zu error%s",
		    c->n, c->n == 1 ? "" : "s", c->nfiles,
		    c->nfiles == 1 ? "" : "s", c->nerrors,
		    c->nerrors == 1 ? "" : "s");
	if (e->conf_problems)
		say("the config file %s has %zu problem%s", e->cf->path,
		    e->conf_problems, e->conf_problems == 1 ? "" : "s");
	return c->nerrors || e->conf_problems ? 1 : 0;
}

int
command_list(const struct command_env *e)
{
	const struct options *o = e->o;
	print_problems(e->c, false);
	if (!state_writable(e->st) &&
	    (o->orphans || command_chosen_by_state(o->shortlist, e->filter))) {
		/* an empty list would be a wrong answer */
		say("%s", state_problem(e->st));
		say("the state file cannot be read, so the %s it "
		    "chooses are not listed",
		    o->orphans ? "entries" : "postings");
		return 1;
	}
	if (o->orphans) {
		orphans_print(stdout, e->st, o->format, o->header);
		return 0;
	}
	size_t n;
	struct posting **v = select_postings(e->c, e->filter, e->sort, e->qenv,
	                                     o->shortlist, &n);
	export_list(stdout, v, n, o->format, output_width(o),
	            (o->header ? EXPORT_HEADER : 0) |
	            (o->shortlist || o->with_state ? EXPORT_STATE : 0),
	            e->hooks);
	free(v);
	return 0;
}

int
command_show(const struct command_env *e)
{
	const struct options *o = e->o;
	print_problems(e->c, false);
	const struct posting *p = catalog_find(e->c, o->show_id);
	if (!p) {
		struct buf b = {0};
		text_sanitize(&b, o->show_id, strlen(o->show_id), 0);
		say("no posting with id '%s'", b.s ? b.s : "");
		buf_free(&b);
		return 1;
	}
	/* json and yaml carry the posting alone unless asked */
	export_show(stdout, p, o->format, output_width(o),
	            o->format == FMT_TEXT || o->with_state ? e->hooks : NULL);
	return 0;
}

int
command_compare(const struct command_env *e)
{
	const struct options *o = e->o;
	const struct catalog *c = e->c;
	double threshold = conf_real(e->cf, CO_COMPARE_THRESHOLD);
	print_problems(c, false);
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

int
command_mark(const struct command_env *e)
{
	const struct options *o = e->o;
	print_problems(e->c, false);
	size_t n = 0;
	struct sort_spec none = { .n = 0 };
	struct posting **v = e->filter ? select_postings(e->c, e->filter, &none,
	                                                 e->qenv, false, &n)
	                               : NULL;
	int status = batch_run(&o->act, e->c, o->mark.v, o->mark.n,
	                       e->filter != NULL, v, n, e->st);
	free(v);
	return status;
}

int
command_report(const struct command_env *e)
{
	const struct options *o = e->o;
	print_problems(e->c, false);
	if (!state_writable(e->st)) {
		/* an empty report would be a wrong answer */
		say("%s", state_problem(e->st));
		say("the state file cannot be read, so there is no "
		    "report");
		return 1;
	}
	size_t undated = 0;
	report_write(stdout, e->st, e->c, &o->span,
	             o->format_set ? o->format : FMT_MARKDOWN, &undated);
	if (undated)
		say("warning: %zu application%s whose date is not known "
		    "%s left out (billet --status ID applied --on DATE "
		    "dates one)", undated, undated == 1 ? "" : "s",
		    undated == 1 ? "is" : "are");
	return 0;
}

int
command_dump_config(void)
{
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
