/* SPDX-License-Identifier: MIT */
/* load: libyaml events -> postings, with file:line:col problems. */
#ifndef BILLET_LOAD_H
#define BILLET_LOAD_H

#include <stdbool.h>
#include <stddef.h>

#include "catalog.h"

/* Limits that keep hostile files from costing too much. */
struct load_limits {
	size_t max_file;    /* bytes of one file */
	size_t max_scalar;  /* bytes of one scalar */
	size_t max_depth;   /* nesting of collections */
	size_t max_nodes;   /* nodes of one posting, aliases expanded */
	size_t max_postings;/* postings of one file */
};

/* The documented defaults: 256 MiB, 1 MiB, 64, 100000, 1000000. */
extern const struct load_limits load_default_limits;

/* What a file is read as, by its extension. */
enum load_kind {
	LOAD_OTHER, /* an extension billet does not read by name */
	LOAD_YAML,  /* .yaml, .yml */
	LOAD_JSON,  /* .json, .jsonld: read as YAML, which JSON is */
	LOAD_PAGE,  /* .html, .htm: a job page, or front matter when it opens
	            * with it */
	LOAD_MARKDOWN, /* .md, .markdown: YAML front matter and a body */
	LOAD_XML,   /* .xml: Personio's XML job feed (no other XML) */
};

/* What the extension of file name says it is (ASCII case ignored): a
 * directory walk reads the files not LOAD_OTHER (Markdown and HTML as
 * frontmatter_walk says). */
enum load_kind load_kind_of(const char *name);
/* The kind in words: "YAML", "JSON", "an HTML page", "Markdown", "XML". */
const char *load_kind_name(enum load_kind k);

/* Loads a file or, recursively, a directory into c. Problems go to c.
 * Returns the number of postings added. */
size_t load_path(struct catalog *c, const char *path,
                 const struct load_limits *lim);
/* Loads postings from memory as if from a file called name. */
size_t load_buffer(struct catalog *c, const char *name, const char *buf,
                   size_t len, const struct load_limits *lim);
/* The same from len bytes of malloc'd memory, which c takes: the text
 * of the postings is kept in them, as it is for a big file. */
size_t load_bytes(struct catalog *c, const char *name, char *buf,
                  size_t len, const struct load_limits *lim);

/* How a plain-text draft is made (load_text). */
struct text_import {
	const char *title;    /* the title to give it (--title), or NULL */
	const char *fallback; /* the title when the text has no title line:
	                       * the name of what is imported */
	const char *source;   /* the URL the text came from, or NULL */
	struct buf *check;    /* receives what to check in the draft, a line
	                       * each ("salary: read from ..."), or NULL */
};
/* Reads plain text, as people paste it from a web page, into a draft
 * posting in c (the file called name in problems): the title, label
 * lines, headed sections, list items, the canonical lists by their
 * headings; what it read from inside a sentence is said in opt->check.
 * Returns the postings added (0 or 1). */
size_t load_text(struct catalog *c, const char *name, const char *buf,
                 size_t len, const struct load_limits *lim,
                 const struct text_import *opt);

/* A load running in the background: a planner walks the paths, workers
 * (BILLET_THREADS, else one a processor) parse files, and big files in
 * runs of documents, in parallel; loader_poll merges finished files into
 * the caller's catalog in path order, so results do not depend on the
 * number of threads. */
struct loader;

/* Starts loading the paths (copied) in the background. */
struct loader *loader_start(char *const *paths, size_t npaths,
                            const struct load_limits *lim);
/* Merges every file finished so far into c, in order, without waiting;
 * true once everything is loaded and merged. Call from one thread. */
bool loader_poll(struct loader *l, struct catalog *c);
/* Merges until everything is loaded. */
void loader_wait(struct loader *l, struct catalog *c);
/* Files merged, files planned so far, whether all are, and how many
 * percent of the bytes of the files found so far are merged. */
void loader_progress(struct loader *l, size_t *files_done,
                     size_t *files_planned, bool *planned,
                     unsigned *percent);
/* Stops the work (if any is left) and frees the loader. The memory of
 * the postings merged goes to the catalog last given to loader_poll,
 * which must still be there. */
void loader_free(struct loader *l);

#endif
