/* SPDX-License-Identifier: MIT */
/* load/page: job pages (.html, .htm): the schema.org JobPostings of their
 * JSON-LD blocks, or of their microdata. */
#ifndef BILLET_LOAD_PAGE_H
#define BILLET_LOAD_PAGE_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include <libxml/HTMLparser.h>

#include "load/reader.h"

/* What a file is read as. */
enum page_kind {
	PAGE_NONE,         /* not a page: YAML (or JSON) */
	PAGE_HTML,         /* a job page */
	PAGE_FRONT_MATTER, /* YAML front matter and a body: a Markdown file,
	                    * or an HTML file that opens with "---" (read
	                    * by frontmatter.c) */
	PAGE_XML,          /* XML: Personio's job feed, or XML billet says it
	                    * does not read (xml.c) */
};

/* What the file called name is, its first len bytes being buf (NULL to
 * judge by the name alone): .md and .markdown files are front matter, and
 * so are .html and .htm files that open with it (frontmatter_opens); the
 * other .html and .htm files are pages; .xml files are XML; a file of no
 * posting extension (.yaml, .yml, .json, .jsonld, .xml) is a page when it
 * opens as an HTML document does ("<!DOCTYPE html", "<html", after an
 * XML declaration too), XML when it opens with an XML declaration
 * ("<?xml") or Personio's root element ("<workzag-jobs"). */
enum page_kind page_kind(const char *name, const char *buf, size_t len);

/* Makes libxml2 ready for the workers: called once, by the thread that
 * starts them, before any of them parses. */
void page_init(void);

/* Reads a unit that is a whole page into postings, as parse_unit reads
 * YAML; what it keeps goes into the arena keep. */
void page_parse_unit(struct unit *u, struct arena *keep,
                     const struct load_limits *lim,
                     const atomic_bool *cancel);

/* A page's bytes, to say where things are in it. */
struct page_src {
	const char *buf;   /* the page, its line breaks made "\n" */
	size_t len;
	size_t *lines;     /* where lines 1, 2... start, as far as they are
	                    * indexed (malloc'd) */
	size_t nlines;
	size_t memo_off;   /* the last position asked for, and its line */
	unsigned memo_line;
	size_t memo_bol;   /* the offset of that line's start */
};

/* The offset where line (1-based, as libxml2 counts: at most 65535)
 * starts. */
size_t page_line_start(struct page_src *s, unsigned line);
/* Line and column (characters, 1-based) of offset off. */
void page_position(struct page_src *s, size_t off, unsigned *line,
                   unsigned *col);

/* microdata.c: reads the microdata items of type JobPosting under root
 * into postings; returns how many items it found. */
size_t microdata_read(struct reader *r, struct page_src *src,
                      const xmlNode *root);

#endif
