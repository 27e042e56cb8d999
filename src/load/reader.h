/* SPDX-License-Identifier: MIT */
/* load/reader: the state of reading a file's bytes into postings, shared
 * by the YAML reader (yaml.c, yaml_anchors.c, yaml_keys.c), the byte scan
 * (bytes.c), the runs of documents (runs.c), the loader (loader.c) and
 * the merge into the catalog (merge.c). */
#ifndef BILLET_LOAD_READER_H
#define BILLET_LOAD_READER_H

#include <stdatomic.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <yaml.h>

#include "load/internal.h"

/* An anchor of the current document (yaml_anchors.c). */
struct anchor;
/* A collection being built (yaml.c). */
struct frame;

/* The state of reading one file. */
struct reader {
	struct lctx x;
	struct arena scratch;  /* nodes of the current posting or document */
	struct frame *stack;   /* open collections */
	size_t depth, stackcap;
	struct anchor *anchors;
	size_t nanchors, anchorcap;
	size_t *aindex;        /* by name hash: anchor number + 1, 0 empty */
	size_t aindexcap, aindexused; /* slots (a power of two), names */
	size_t budget;         /* nodes spent by the current posting */
	bool budget_reported;
	size_t aliased;        /* nodes reached through aliases, whole file */
	size_t aliased_bytes;  /* and the bytes of their scalars */
	bool aliased_reported;
	bool stream_items;     /* the root is a list: map items as they end */
	struct ynode *root;    /* the finished document root */
	struct posting **file_postings; /* postings of this file, in order */
	size_t nfile, filecap;
	size_t p0;             /* the problems before the current posting's
	                        * (those after are its own) */
	unsigned item;         /* documents (and items of a top-level list)
	                        * so far, broken ones too: a posting's
	                        * number within the unit */
	bool resync;           /* skip to the next document marker */
	unsigned resync_line;  /* 0-based line of the current run to skip from */
	unsigned resync_col;   /* 0-based column there: too deep (said by
	                        * parse_runs, which knows what follows) */
	unsigned line_base;    /* lines before the current parser's input */
	const char *stem;      /* default id stem, in the arena */
	/* Text kept where it was read: the values of a unit whose bytes
	 * are clean are copied into its own bytes that the parser is done
	 * with, not into fresh memory (which the kernel must zero first) */
	char *inbase, *inw;    /* the first byte and the next free one, or
	                        * NULL when the text goes to the arena */
	const char *floor;     /* from here on the bytes are as read: the
	                        * start of a line the parser has reached;
	                        * inw never passes it */
	unsigned floor_line;   /* its line, 0-based in the current run */
	const char *run;       /* the current parser's input */
	const yaml_parser_t *parser;
	/* Given each document's root instead of mapping it, or NULL: a
	 * job page's JSON-LD block (page.c), a Markdown file's front
	 * matter (frontmatter.c); a top-level list is then one document,
	 * not a list of postings. */
	void (*document)(struct reader *r, struct ynode *root);
};

/* Maps a posting's mapping m into r->x.p in a vocabulary of its own (a
 * front matter's, frontmatter.c). */
typedef void reader_map_fn(struct reader *r, const struct ynode *m);

/* yaml.c ----------------------------------------------------------------- */

/* How a run of the parser ended (reader_run). */
enum run_end {
	RUN_DONE,       /* at the end of its input */
	RUN_CANCELLED,  /* the load was cancelled */
	RUN_SYNTAX,     /* at an error libyaml found (struct run_error) */
	RUN_TOO_DEEP,   /* at a nesting too deep (resync_line, resync_col) */
};

/* Where and why libyaml stopped a run. */
struct run_error {
	unsigned line, col;   /* 0-based, in the run */
	const char *problem;  /* libyaml's words (static), or NULL */
	const char *context;  /* what it was reading (static), or NULL */
	bool at_start;        /* line, col is where a quote or bracket left
	                       * open starts */
	bool bad_bytes;       /* at bytes libyaml will not read */
};

/* Builds the posting of mapping m (a document, or an item of a list) and
 * adds it to the file's postings, or reports why it is none: m is mapped
 * as schema.org when it is a JobPosting, else by map when it is given,
 * else in the canonical keys or other sites' (shapes.c). */
void reader_posting(struct reader *r, const struct ynode *m,
                    reader_map_fn *map);
/* Parses len bytes at run (where line_base says) into postings, event by
 * event, until their end, an error or cancel; fills *err at RUN_SYNTAX. */
enum run_end reader_run(struct reader *r, const char *run, size_t len,
                        const atomic_bool *cancel, struct run_error *err);
/* Forgets the document being built, to read on from a later marker. */
void reader_restart(struct reader *r);
/* Frees what the reader owns. */
void reader_free(struct reader *r);

/* Adds b to a saturating count a: max + 1 once it passes max. */
static inline size_t
sat_add(size_t a, size_t b, size_t max)
{
	return a > max || b > max - a ? max + 1 : a + b;
}

/* yaml_anchors.c --------------------------------------------------------- */

/* Registers an anchor for node n; it hides earlier ones of its name. */
void reader_anchor_add(struct reader *r, const char *name, struct ynode *n);
/* The node of the latest anchor of this name, or NULL. */
struct ynode *reader_anchor_find(struct reader *r, const char *name);
/* Forgets every anchor (a new document). */
void reader_anchors_clear(struct reader *r);
/* Spends the posting's budget for n nodes (max_nodes); false, reported
 * once, when the posting overspends. */
bool reader_spend(struct reader *r, size_t n, const yaml_mark_t *mark);
/* Spends the file's alias budget on an alias of node t: all the aliases
 * of a file expand to at most max_nodes nodes and 16 times max_scalar
 * bytes of text together; false, reported once, past it. */
bool reader_spend_alias(struct reader *r, const struct ynode *t,
                        const yaml_mark_t *mark);

/* yaml_keys.c ------------------------------------------------------------ */

/* Reports duplicate keys of mapping m and drops the later entries. */
void reader_check_duplicates(struct reader *r, struct ynode *m);
/* Applies a YAML 1.1 merge key ("<<: *base", or a list of such) of
 * mapping m: the pairs merged that m does not give itself are added, and
 * the "<<" pair goes. */
void reader_merge_keys(struct reader *r, struct ynode *m);

/* bytes.c ---------------------------------------------------------------- */

/* Line and column (characters) of byte offset off in buf. */
void bytes_position(const char *buf, size_t off, unsigned *line,
                    unsigned *col);
/* Counts the line breaks in buf. */
unsigned bytes_lines(const char *buf, size_t len);
/* Counts the line feeds of buf, and sets *plain when buf has no byte
 * libyaml refuses and no line break but "\n" and "\r\n". */
unsigned bytes_scan(const char *buf, size_t len, bool *plain);
/* Reports the first byte libyaml refuses (invalid UTF-8, NUL, control
 * characters) and returns a copy with each as U+FFFD (malloc'd, its
 * length in *fixed_len), or NULL when the bytes are clean; off0 is where
 * buf starts in the file. */
char *bytes_repair(struct lctx *x, const char *buf, size_t len,
                   size_t *fixed_len, size_t off0);
/* Converts UTF-16 (with its BOM) to UTF-8; returns a malloc'd copy. */
char *bytes_from_utf16(const unsigned char *b, size_t len, bool le,
                       size_t *out_len);
/* True if some line of buf starts with '%' (a directive); line_start
 * says whether buf itself starts a line. */
bool bytes_has_directive(const char *buf, size_t len, bool line_start);

/* runs.c ----------------------------------------------------------------- */

/* A file's bytes in memory, released when its last unit is parsed and
 * no arena holds text kept in them. */
struct filemap {
	void *addr;        /* anonymous memory (maplen bytes) they are read
	                    * into, or NULL */
	char *mem;         /* or the heap (malloc'd) */
	size_t len;        /* bytes of the file */
	size_t maplen;     /* bytes mapped at addr */
	bool keep_text;    /* the postings' text may be kept in the bytes */
	atomic_size_t left; /* units of the file not yet parsed, one while
	                     * the file is still being read, and one for
	                     * each unit whose text it holds (arena_hold) */
};

/* One piece of work: a whole file, or a run of its documents. Its arena
 * and problems are its own until it is merged into the catalog. */
struct unit {
	struct catalog part;      /* arena and problems of this unit */
	struct posting **v;       /* postings made, in order (malloc'd) */
	size_t n;
	const char *file;         /* the file's name (first unit's arena) */
	const char *buf;          /* the bytes of this unit */
	size_t len;
	size_t off0;              /* where buf starts in the file */
	unsigned lines;           /* line breaks in buf */
	unsigned docs;            /* documents in it, broken ones too */
	bool first, last;         /* the file's first and last unit */
	size_t file_size;         /* bytes of the whole file (first unit) */
	struct filemap *map;      /* the mapping, shared by the file's units */
	char *read_error;         /* the last unit: why the rest of the file
	                           * was not read (malloc'd), or NULL */
	unsigned end_col;         /* then the column where its bytes end */
	struct shapes_state *shapes; /* what other vocabularies its postings
	                              * were in (owned), or NULL */
	bool done;                /* parsed (guarded by the loader's lock) */
};

/* Releases a file's bytes once its last unit is done with them. */
void filemap_release(struct filemap *m);
/* Frees a unit and what it still owns. */
void unit_free(struct unit *u);
/* The offset of the next line at or after from that starts with a
 * document marker, or len. */
size_t runs_next_marker(const char *buf, size_t len, size_t from);
/* Parses a unit's bytes: every document, resuming at the next document
 * marker after a syntax error or a nesting too deep. What it keeps goes
 * into the arena keep. */
void parse_unit(struct unit *u, struct arena *keep,
                const struct load_limits *lim, const atomic_bool *cancel);
/* Reads a unit's bytes whole (a job page, an XML feed: nothing to resume
 * at) into postings, as parse_unit does: read parses them, the reader's
 * document hook set to document (NULL: none); what it keeps goes into the
 * arena keep, and what it was read as into the unit's note. */
void parse_unit_whole(struct unit *u, struct arena *keep,
                      const struct load_limits *lim,
                      const atomic_bool *cancel,
                      void (*read)(struct reader *r, const char *buf,
                                   size_t len, const atomic_bool *cancel),
                      void (*document)(struct reader *r,
                                       struct ynode *root));

#endif
