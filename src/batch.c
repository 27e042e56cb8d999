/* SPDX-License-Identifier: MIT */
/* batch: the state's actions from the command line, all or nothing. */
#include "batch.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "day.h"
#include "dups.h"
#include "query.h"
#include "text.h"

/* The options that take ids alone, and those that take ids and a value. */
static const char *const id_options[] = {
	"--mark", "--unmark", "--hide", "--unhide",
};
static const char *const pair_options[] = {
	"--status", "--rate", "--note", "--follow-up",
};

/* The pair option a is (exactly, or as --opt=...), or NULL; *eq gets
 * what follows its '=' (NULL when none). */
static const char *
pair_option(const char *a, const char **eq)
{
	for (size_t i = 0; i < sizeof(pair_options) / sizeof(*pair_options);
	     i++) {
		size_t n = strlen(pair_options[i]);
		if (!strncmp(a, pair_options[i], n) && (!a[n] || a[n] == '=')) {
			*eq = a[n] ? a + n + 1 : NULL;
			return pair_options[i];
		}
	}
	return NULL;
}

/* True if argv has a --filter (or -f) before "--". */
static bool
has_filter(int argc, char **argv, const char *shortopts)
{
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "--"))
			return false;
		if (!strcmp(a, "--filter") || !strncmp(a, "--filter=", 9))
			return true;
		if (a[0] == '-' && a[1] != '-') {
			for (const char *q = a + 1; *q; q++) {
				if (*q == 'f')
					return true;
				const char *d = strchr(shortopts, *q);
				if (d && *q != ':' && d[1] == ':') {
					i += !q[1];
					break;
				}
			}
		}
	}
	return false;
}

/* True if the word is an option (not "-", stdin, nor a negative number
 * such as -3, which --on and --follow-up take). */
static bool
is_option(const char *w)
{
	return w[0] == '-' && w[1] && !(w[1] >= '0' && w[1] <= '9');
}

bool
batch_args_split(int argc, char **argv, const struct option *longopts,
                 const char *shortopts, struct batch_args *a,
                 const char **why)
{
	*a = (struct batch_args){0};
	/* a word may become two ("--mark" alone, "--status=X": the option
	 * and its value) */
	a->argv = xmalloc((2 * (size_t)argc + 1) * sizeof(*a->argv));
	a->ids = xmalloc(((size_t)argc + 1) * sizeof(*a->ids));
	a->values = xmalloc(((size_t)argc + 1) * sizeof(*a->values));
	bool filter = has_filter(argc, argv, shortopts);
	int k = 0;
	a->argv[k++] = argv[0];
	for (int i = 1; i < argc; i++) {
		char *w = argv[i];
		const char *eq = NULL, *pair;
		bool ids_only = false;
		for (size_t j = 0; j < sizeof(id_options) / sizeof(*id_options);
		     j++)
			ids_only |= !strcmp(w, id_options[j]);
		if (!strcmp(w, "--")) {
			while (i < argc)
				a->argv[k++] = argv[i++];
			break;
		}
		if (ids_only) {
			/* --mark --filter Q: an empty value */
			if (i + 1 < argc && !is_option(argv[i + 1])) {
				a->argv[k++] = w;
				a->argv[k++] = argv[++i];
			} else {
				a->argv[k++] = w;
				a->argv[k++] = (char *)"";
			}
		} else if ((pair = pair_option(w, &eq)) != NULL) {
			const char *ids = "", *value;
			if (filter) {
				/* --status STATUS --filter Q */
				if (!eq && i + 1 >= argc) {
					*why = pair;
					return false;
				}
				value = eq ? eq : argv[++i];
			} else {
				if (!eq && i + 1 >= argc) {
					*why = pair;
					return false;
				}
				ids = eq ? eq : argv[++i];
				if (i + 1 >= argc) {
					*why = pair;
					return false;
				}
				value = argv[++i];
			}
			a->ids[a->n] = ids;
			a->values[a->n++] = value;
			/* its name alone, for getopt_long to count */
			a->argv[k++] = (char *)pair;
			a->argv[k++] = (char *)"";
		} else if (w[0] == '-' && w[1] == '-' && !strchr(w, '=')) {
			a->argv[k++] = w;
			for (const struct option *o = longopts; o->name; o++)
				if (!strcmp(w + 2, o->name)) {
					if (o->has_arg == required_argument &&
					    i + 1 < argc)
						a->argv[k++] = argv[++i];
					break;
				}
		} else if (w[0] == '-' && w[1] && w[1] != '-') {
			/* -lf QUERY, -fQUERY: the first letter that takes a
			 * value takes the rest of the word, or the next */
			a->argv[k++] = w;
			for (const char *q = w + 1; *q; q++) {
				const char *d = strchr(shortopts, *q);
				if (d && *q != ':' && d[1] == ':') {
					if (!q[1] && i + 1 < argc)
						a->argv[k++] = argv[++i];
					break;
				}
			}
		} else {
			a->argv[k++] = w;
		}
	}
	a->argv[k] = NULL;
	a->argc = k;
	return true;
}

void
batch_args_take(struct batch_args *a, const char **ids, const char **value)
{
	if (a->next < a->n) {
		*ids = a->ids[a->next];
		*value = a->values[a->next++];
	} else {
		*ids = *value = "";
	}
}

void
batch_args_free(struct batch_args *a)
{
	free(a->argv);
	free(a->ids);
	free(a->values);
	*a = (struct batch_args){0};
}

/* Reads all of standard input into a string (malloc'd), without its
 * last line break; NULL on a read error. */
static char *
read_stdin(void)
{
	struct buf b = {0};
	char chunk[4096];
	for (;;) {
		ssize_t n = read(STDIN_FILENO, chunk, sizeof(chunk));
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			buf_free(&b);
			return NULL;
		}
		if (n == 0)
			break;
		buf_add(&b, chunk, (size_t)n);
	}
	while (b.len && (b.s[b.len - 1] == '\n' || b.s[b.len - 1] == '\r'))
		b.s[--b.len] = '\0';
	return b.s ? buf_steal(&b) : xstrdup("");
}

/* Reads a date for opt into *out; false, why filled, when it is none. */
static bool
read_date(const char *opt, const char *s, int32_t *out, char *why,
          size_t size)
{
	int r = day_parse(s, day_today(), out);
	if (r == 1)
		return true;
	struct buf b = {0};
	text_sanitize(&b, s, strlen(s), SAN_CARET_NL);
	snprintf(why, size, r < 0 ? "%s: no such date '%s'"
	         : "%s: expected a date YYYY-MM-DD, today, +N (days from "
	           "today) or -N (days ago), not '%s'", opt, b.s ? b.s : "");
	buf_free(&b);
	return false;
}

bool
batch_read_value(struct batch *b, const char *on, char *why, size_t size)
{
	const char *v = b->value ? b->value : "";
	struct buf shown = {0};
	text_sanitize(&shown, v, strlen(v), SAN_CARET_NL);
	const char *sv = shown.s ? shown.s : "";
	bool ok = true;
	if (on && b->what != BATCH_STATUS) {
		snprintf(why, size, "--on goes with --status");
		ok = false;
	}
	switch (b->what) {
	case BATCH_STATUS:
		b->status = state_status_parse(v);
		if (b->status < 0) {
			snprintf(why, size, "--status: unknown status '%s' (none, "
			         "interested, applied, interviewing, offer, "
			         "rejected, withdrawn)", sv);
			ok = false;
		} else if (on) {
			ok = read_date("--on", on, &b->on, why, size);
			if (ok && b->on > day_today()) {
				snprintf(why, size, "--on: %s is after today: a "
				         "change is dated the day it happened", on);
				ok = false;
			}
		}
		break;
	case BATCH_RATE:
		if (strlen(v) != 1 || v[0] < '0' || v[0] > '5') {
			snprintf(why, size, "--rate: expected a rating from 1 to "
			         "5, or 0 to clear it, not '%s'", sv);
			ok = false;
		}
		b->rating = ok ? v[0] - '0' : 0;
		break;
	case BATCH_NOTE:
		b->note = !strcmp(v, "-") ? read_stdin() : xstrdup(v);
		if (!b->note) {
			snprintf(why, size, "--note: cannot read standard "
			         "input: %s", strerror(errno));
			ok = false;
		} else if (!text_valid(b->note, strlen(b->note))) {
			snprintf(why, size, "--note: the note is not valid "
			         "UTF-8");
			ok = false;
		}
		break;
	case BATCH_FOLLOWUP:
		b->date = 0;
		if (*v && strcmp(v, "none"))
			ok = read_date("--follow-up", v, &b->date, why, size);
		break;
	default:
		break;
	}
	buf_free(&shown);
	return ok;
}

void
batch_free(struct batch *b)
{
	free(b->note);
	b->note = NULL;
}

/* What was done, for "nothing was ..." */
static const char *
done_word(enum batch_what w)
{
	switch (w) {
	case BATCH_MARK: return "marked";
	case BATCH_UNMARK: return "unmarked";
	case BATCH_HIDE: return "hidden";
	case BATCH_UNHIDE: return "unhidden";
	default: return "changed";
	}
}

/* Says that there is no posting with id, safely. */
static void
say_unknown(const char *id)
{
	struct buf b = {0};
	text_sanitize(&b, id, strlen(id), SAN_CARET_NL);
	say("no posting with id '%s'", b.s ? b.s : "");
	buf_free(&b);
}

/* Applies b to id; false when refused (err says why). */
static bool
apply(const struct batch *b, struct state *st, const char *id,
      struct state_error *err)
{
	switch (b->what) {
	case BATCH_MARK: return state_set_mark(st, id, true, err);
	case BATCH_UNMARK: return state_set_mark(st, id, false, err);
	case BATCH_HIDE: return state_set_hidden(st, id, true, err);
	case BATCH_UNHIDE: return state_set_hidden(st, id, false, err);
	case BATCH_STATUS:
		return state_set_status_on(st, id, b->status, b->on, err);
	case BATCH_RATE: return state_set_rating(st, id, b->rating, err);
	case BATCH_NOTE: return state_set_note(st, id, b->note, err);
	case BATCH_FOLLOWUP: return state_set_followup(st, id, b->date, err);
	case BATCH_NONE: break;
	}
	return false;
}

int
batch_run(const struct batch *b, const struct catalog *c, char *const *ids,
          size_t nids, bool by_filter, struct posting *const *chosen,
          size_t nchosen, struct state *st)
{
	const char *done = done_word(b->what);
	size_t n = 0;
	const char **v;
	if (by_filter) {
		if (!nchosen) {
			say("no posting matches the filter: nothing was %s",
			    done);
			return 1;
		}
		v = xmalloc(nchosen * sizeof(*v));
		for (size_t i = 0; i < nchosen; i++)
			v[n++] = chosen[i]->id;
	} else {
		v = xmalloc((nids ? nids : 1) * sizeof(*v));
		size_t unknown = 0;
		for (size_t i = 0; i < nids; i++) {
			const struct posting *p = catalog_find(c, ids[i]);
			if (p) {
				/* another source's id: the posting shown */
				v[n++] = dups_shown(p)->id;
			} else {
				say_unknown(ids[i]);
				unknown++;
			}
		}
		if (unknown) {
			say("%s: nothing was %s", unknown == nids ?
			    "no such posting" : "some postings are unknown",
			    done);
			free(v);
			return 1;
		}
	}
	int status = 1;
	struct state_error serr;
	for (size_t i = 0; i < n; i++) {
		/* an id the state cannot record (bad UTF-8 from a file name) */
		if (!text_valid(v[i], strlen(v[i]))) {
			say("posting id '%s' is not valid UTF-8, which the state "
			    "file cannot record: nothing was %s", v[i], done);
			goto out;
		}
		/* an entry the file has in a form that cannot be read */
		const struct state_entry *e = state_get(st, v[i]);
		if (e && e->problem) {
			say("%s", e->problem);
			say("the state file's entry for '%s' cannot be read, and "
			    "is kept as written until it is mended: nothing "
			    "was %s", v[i], done);
			goto out;
		}
	}
	if (!state_writable(st)) {
		say("%s", state_problem(st));
		say("the state file is left as it is: nothing was %s", done);
		goto out;
	}
	state_begin(st);
	for (size_t i = 0; i < n; i++) {
		serr = (struct state_error){0};
		if (!apply(b, st, v[i], &serr) && serr.refused) {
			/* checked above: not expected; said all the same */
			say("%s", serr.msg);
			say("the state file is left as it is: nothing was %s",
			    done);
			goto out;
		}
	}
	serr = (struct state_error){0};
	bool saved = state_commit(st, &serr);
	status = 0;
	if (!saved && serr.store_only) {
		/* the change is in the file; only billet's own record of
		 * seen postings is not */
		say("warning: which postings were seen and read was not "
		    "saved: %s", serr.msg + serr.why);
	} else if (!saved) {
		/* this run ends here: no "will retry" */
		say("%s", serr.msg + serr.why);
		if (serr.replaced)
			say("%s has the change, but it may not outlast a "
			    "crash", state_path(st));
		else
			say("the state file is left as it is: nothing was %s",
			    done);
		status = 1;
	}
out:
	free(v);
	return status;
}
