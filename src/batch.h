/* SPDX-License-Identifier: MIT */
/* batch: the interface's state actions from the command line, for
 * scripts: --mark, --unmark, --hide, --unhide (ids), --status, --rate,
 * --note, --follow-up (ids, then a value), on several postings or on
 * those --filter shows, all or nothing. */
#ifndef BILLET_BATCH_H
#define BILLET_BATCH_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "catalog.h"
#include "posting.h"
#include "state.h"

/* Which action. */
enum batch_what {
	BATCH_NONE, BATCH_MARK, BATCH_UNMARK, BATCH_HIDE, BATCH_UNHIDE,
	BATCH_STATUS, BATCH_RATE, BATCH_NOTE, BATCH_FOLLOWUP,
};

/* What a run is asked to do. */
struct batch {
	enum batch_what what; /* BATCH_NONE: no action asked */
	const char *option;   /* the option as given ("--status") */
	const char *value;    /* the value of --status, --rate, --note and
	                       * --follow-up, as given */
	int status;           /* --status: enum query_status */
	int32_t on;           /* --status --on: the day (yyyymmdd), 0: today */
	int rating;           /* --rate: 0 to 5 */
	char *note;           /* --note: the text (malloc'd; "-" read from
	                       * standard input), "" to remove it */
	int32_t date;         /* --follow-up: the day, 0 clears */
};

/* The words the command line gives the two-value options, taken out of
 * argv before getopt_long reads it. */
struct batch_args {
	char **argv;          /* argv without them (malloc'd array) */
	int argc;             /* its length */
	const char **ids;     /* for each two-value option in order: its ids */
	const char **values;  /* and its value */
	size_t n, next;       /* how many; the next batch_take gives */
};

/* Rewrites argv for getopt_long (longopts, shortopts: the program's): a
 * two-value option (--status ID,ID STATUS; --status STATUS when a
 * --filter is given) becomes "--status=" and its words are kept in
 * a->ids, a->values; --mark, --unmark, --hide and --unhide followed by an
 * option or by nothing get an empty value (--mark --filter Q). False,
 * *why filled, when a value is missing. */
bool batch_args_split(int argc, char **argv, const struct option *longopts,
                      const char *shortopts, struct batch_args *a,
                      const char **why);
/* The ids and value of the next two-value option getopt_long reads. */
void batch_args_take(struct batch_args *a, const char **ids,
                     const char **value);
/* Frees what batch_args_split made. */
void batch_args_free(struct batch_args *a);

/* Reads the value of b's action (b->value; on for --on) into b; false,
 * why (size bytes) saying what is wrong, when it is not one. */
bool batch_read_value(struct batch *b, const char *on, char *why,
                      size_t size);

/* Applies b to the postings: ids[0..nids) named (each must be loaded),
 * or, by filter, chosen[0..nchosen) (none: nothing is done); saved once.
 * All or nothing: an unknown id, a state that cannot be written or a
 * failed save changes nothing, said on stderr. Returns the exit status:
 * 0 done, 1 not. */
int batch_run(const struct batch *b, const struct catalog *c,
              char *const *ids, size_t nids, bool by_filter,
              struct posting *const *chosen, size_t nchosen,
              struct state *st);
/* Frees what b holds. */
void batch_free(struct batch *b);

#endif
