/* SPDX-License-Identifier: MIT */
/* import: what a user has (a file billet reads, plain text, standard
 * input, an http(s) URL) -> postings -> posting files in the FORMAT.md
 * form, one a file named from its id, never overwritten unless asked. */
#ifndef BILLET_IMPORT_H
#define BILLET_IMPORT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "catalog.h"
#include "fetch.h"
#include "load.h"

/* How to import. */
struct import_opts {
	const char *out;                  /* the directory to write to, or
	                                   * NULL: standard output */
	bool force;                       /* replace files that exist */
	const char *title;                /* --title: a plain-text draft's
	                                   * title, or NULL */
	const struct load_limits *limits; /* NULL: the defaults */
	struct fetch_limits fetch;        /* for a URL */
	bool quiet;                       /* no message for each file */
};

/* What one source gave. Free with import_source_free. */
struct import_source {
	struct catalog cat;  /* its postings and the problems met */
	char *name;          /* as messages say it (malloc'd) */
	const char *kind;    /* "plain text", "YAML", "JSON", "an HTML
	                      * page", "XML", or "a file billet reads" */
	char *url;           /* the final URL of a fetched one, or NULL */
	struct buf check;    /* a plain-text draft: what to check, a line
	                      * each */
	char error[700];     /* why nothing could be read, or "" */
};

/* Reads a source: "-" (standard input), an http(s) URL, or a path (a
 * .txt file as plain text, another as the loader reads it; one of no
 * known extension by what it holds). False, with s->error, when it could
 * not be read at all; problems of its postings are in s->cat. */
bool import_read(const char *src, const struct import_opts *o,
                 struct import_source *s);
/* Frees what s holds. */
void import_source_free(struct import_source *s);
/* The page of a Personio position, https://COMPANY.jobs.personio.de/job/N
 * (malloc'd), when url is a Personio feed's
 * (https://COMPANY.jobs.personio.de/xml, any of Personio's domains) and
 * id is the id billet gives its positions ("personio-N"); else NULL. */
char *import_personio_page(const char *url, const char *id);

/* Appends the posting file of p from s: a comment saying it was
 * imported, from what and when (and, for a draft, what to check), then
 * p in the FORMAT.md YAML form. */
void import_yaml(struct buf *out, const struct import_source *s,
                 const struct posting *p);
/* The file name for an id: letters, digits, '.', '_' and '-' only, other
 * bytes as '-', not starting with '.', at most 100 bytes, then ".yaml"
 * (malloc'd). */
char *import_file_name(const char *id);

/* What import_write did. */
enum import_result {
	IMPORT_WRITTEN,  /* the file is in place */
	IMPORT_EXISTS,   /* a file of that name exists: left alone */
	IMPORT_FAILED,   /* nothing written; msg says why */
};

/* Writes p's file into dir (made when missing), named from its id but
 * none of the names in taken[0..ntaken) (the files this run wrote), never
 * over an existing file unless force; *path gets its path (malloc'd). */
enum import_result import_write(const char *dir, const struct import_source *s,
                                const struct posting *p, bool force,
                                char *const *taken, size_t ntaken,
                                char **path, char *msg, size_t size);

/* --import: every source to o->out, or to out as YAML documents; says
 * on stderr what it read, wrote and could not. Returns the exit status:
 * 0, or 1 when a source could not be read, had errors or no posting, or
 * a file was not written. */
int import_run(char *const *sources, size_t n, const struct import_opts *o,
               FILE *out);

#endif
