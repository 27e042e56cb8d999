/* SPDX-License-Identifier: MIT */
/* load/frontmatter: Markdown files (.md, .markdown, and .html files that
 * open with ---) whose YAML front matter is the posting and whose body is
 * its summary, lists and sections (Jekyll and Hugo collections). */
#ifndef BILLET_LOAD_FRONTMATTER_H
#define BILLET_LOAD_FRONTMATTER_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>

#include "load/markdown.h"
#include "load/reader.h"

/* True when buf, a file's first len bytes (a UTF-8 byte order mark
 * skipped), opens with the line of a front matter: "---", or TOML's
 * "+++" (which frontmatter_parse_unit says it does not read). page_kind
 * reads .md and .markdown files, and .html and .htm files that open so,
 * for their front matter. */
bool frontmatter_opens(const char *buf, size_t len);

/* For a file met in a directory whose name says it is Markdown or HTML
 * (.md, .markdown, .html, .htm), false when it is passed over: a
 * Markdown file that does not open with a front matter (a README.md),
 * and Hugo's _index.md (or an _index.html that opens with one), the list
 * page of a section. */
bool frontmatter_walk(const char *path);

/* Reads a unit that is a whole file of front matter into its posting, as
 * parse_unit reads YAML; what it keeps goes into the arena keep. */
void frontmatter_parse_unit(struct unit *u, struct arena *keep,
                            const struct load_limits *lim,
                            const atomic_bool *cancel);

/* frontmatter_keys.c ---------------------------------------------------- */

/* The names placed by frontmatter_keys, at most, for the note. */
#define FM_SAID_MAX 64

/* How frontmatter_keys placed a front matter's keys, for its mapping. */
struct fm_keys {
	bool names;        /* mapped by the table of common names (some key
	                    * is one of its names, or was placed here) */
	size_t nmap;       /* the pairs given to it; those after are kept
	                    * under Other as they are */
	const char *said[FM_SAID_MAX][2]; /* key and field of each name
	                    * placed here (the keys the front matter's) */
	size_t nsaid;
};

/* Places the keys of front matter root that only front matters name
 * their own way (date, expiryDate, slug, org, type when a kind of
 * employment, the parts of how to apply...) on the canonical ones where
 * the front matter does not give those itself; lifts Hugo's params up;
 * sets apart the keys the table of common names would misread (content,
 * a page's state, a site path as url); takes the title from the body's
 * first heading when there is none (*from is then 1, the first block of
 * the body left to read). What it did goes to fk. */
void frontmatter_keys(struct reader *r, struct ynode *root,
                      const struct body *b, size_t *from,
                      struct fm_keys *fk);
/* Maps front matter m, placed by frontmatter_keys as fk says: by the
 * table of common names (shapes_names.c), the file's note saying what
 * was placed and what was not, or by the canonical keys alone. */
void frontmatter_map(struct lctx *x, const struct ynode *m,
                     const struct fm_keys *fk);

#endif
