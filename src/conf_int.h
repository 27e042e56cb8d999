/* SPDX-License-Identifier: MIT */
/* conf_int: what the files of conf share and nothing else sees. */
#ifndef BILLET_CONF_INT_H
#define BILLET_CONF_INT_H

#include "conf.h"

/* Where a line comes from. */
struct conf_origin {
	const char *file; /* NULL: typed at the prompt */
	unsigned line;    /* 1-based */
};

/* Runs the words w[0..n) of one line from o (conf_directive.c). */
void conf_exec_words(struct conf *c, char **w, size_t n,
                     const struct conf_origin *o, struct conf_result *r);
/* source FILE (conf_parse.c): reads the file, relative to o's. */
void conf_do_source(struct conf *c, char **w, size_t n,
                    const struct conf_origin *o, struct conf_result *r);

#endif
