/* SPDX-License-Identifier: MIT */
/* state_int: what the state module's files share (state.c: entries and
 * the API; state_read.c: parsing the file; state_read_entry.c: one
 * entry's fields; state_emit.c: the file's text; state_save.c: writing
 * it under the lock, merging another process's changes; state_seen.c: seen, read and new, from the
 * store of seen.h; state_ids.c: the entries matched to the postings, an
 * older file carried over; state_undo.c: undo). Not for other modules. */
#ifndef BILLET_STATE_INT_H
#define BILLET_STATE_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/stat.h>
#include <yaml.h>

#include "seen.h"
#include "state.h"

/* What a failed save means for the changes of a run. */
#define NOT_SAVED "state not saved (kept in memory, will retry): "

/* Fills err (may be NULL) printf-style. */
void state_err(struct state_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Fills err (may be NULL) with what, then the cause printf-style, and
 * marks where the cause begins. */
void state_err_cause(struct state_error *err, const char *what,
                     const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Fills err (may be NULL) printf-style, for a change refused. */
void state_refuse(struct state_error *err, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* A string made safe to show on one line (malloc'd): controls (a newline
 * as ^J) and bidi overrides visible. */
char *state_shown(const char *s, size_t len);

/* ---- kept values: unknown keys of an entry, as they were written ---- */

/* What a kept node is. */
enum kept_kind { K_SCALAR, K_SEQ, K_MAP };

/* A YAML node kept to be written back: a scalar, or a sequence, or a
 * mapping whose kids alternate key and value. Owns everything below. */
struct kept {
	enum kept_kind kind;
	char *s;            /* K_SCALAR: the text (len bytes, NUL added) */
	size_t len;         /* the length of s */
	char *tag;          /* an explicit tag, or NULL */
	int style;          /* the yaml_*_style_t it was written in */
	bool implicit;      /* plain_implicit, or the collection's implicit */
	bool qimplicit;     /* quoted_implicit */
	struct kept *kids;  /* items, or keys and values */
	size_t n, cap;      /* kids used and allocated */
	unsigned line, col; /* where it begins in the file, 1-based */
};

/* Frees what k holds and empties it. */
void state_kept_free(struct kept *k);
/* Moves child to the end of parent's kids (child is emptied). */
void state_kept_push(struct kept *parent, struct kept *child);

/* ---- entries and the id table ---- */

/* Fields, as bits of a mask (the same as STATE_MARKED...). */
enum {
	F_MARK = STATE_MARKED, F_HIDDEN = STATE_HIDDEN, F_READ = STATE_READ,
	F_SEEN = STATE_SEEN, F_RATING = STATE_RATING, F_STATUS = STATE_STATUS,
	F_NOTE = STATE_NOTE, F_WHO = STATE_WHO, F_FOLLOWUP = STATE_FOLLOWUP,
};

/* The first line of a state file in this format: an older file lacks it,
 * and its ids are carried over (state_attach). */
#define STATE_HEADER "# billet state 2"

/* One posting's entry; pub is what state_get shows (pub.unsaved: the
 * fields changed here and not saved yet). */
struct entry {
	struct state_entry pub;
	char *id;         /* owned; pub.id points here */
	char *note;       /* owned; pub.note points here, NULL when none */
	struct state_change *hist; /* owned; pub.history points here: the
	                   * status's changes, oldest first */
	size_t nhist, hcap; /* used and allocated */
	struct hist_op *ops; /* owned: what this run did to hist and has not
	                   * saved, in order, replayed on the file's history
	                   * when another process changed it meanwhile */
	size_t nops, opcap; /* used and allocated */
	char *title, *org; /* owned; pub.title, pub.org point here */
	unsigned legacy;  /* F_SEEN, F_READ: what an older file recorded in
	                   * the entry (seen: true, read: true), written
	                   * back until the store has saved it */
	unsigned gen;     /* merge generation that last saw it on disk */
	unsigned line;    /* where it was read from, 1-based */
	struct kept extra; /* K_MAP of unknown keys, n == 0 when none */
	char *problem;    /* why the file's entry cannot be read, "FILE:LINE:
	                   * COL: what"; pub.problem points here. NULL when
	                   * it was read */
	char *raw;        /* with problem: the entry's text as written, its
	                   * lines whole, written back as it is */
	size_t raw_from;  /* while reading: where that text begins */
	bool unhashed;    /* with problem: its id is empty, not text or a
	                   * duplicate, so it is not found by id */
	bool twin;        /* a later entry has the same id: written even
	                   * when it records nothing, so that one stays what
	                   * it was, a duplicate */
};

/* A new entry for id[0..len), nothing set. */
struct entry *state_entry_new(const char *id, size_t len);
/* Frees an entry (NULL is fine). */
void state_entry_free(struct entry *e);

/* Entries by id: an array in file order and an open-addressing hash of
 * indices + 1 (0: empty). Owns the entries. */
struct table {
	struct entry **v; /* the entries in file order (NULL: moved out) */
	size_t n, cap;    /* used and allocated */
	uint32_t *slot;   /* the hash */
	size_t nslot;     /* a power of two, or 0 */
	bool old_format;  /* read from a file without STATE_HEADER that has
	                   * entries: its ids may be the ones billet gave
	                   * before */
};

/* The entry for id in t, or NULL. */
struct entry *state_table_find(const struct table *t, const char *id);
/* Adds e, whose id is not in t yet. */
void state_table_add(struct table *t, struct entry *e);
/* Frees every entry and empties t. */
void state_table_free(struct table *t);
/* Makes t's hash anew (after entries' ids changed, or entries were
 * taken out: NULL ones are dropped from v). */
void state_table_rehash(struct table *t);
/* True if e records something the user wrote (a field, a key of their
 * own) or cannot be read. */
bool state_entry_mine(const struct entry *e);
/* True if the entry has anything worth writing: what the user wrote, or
 * what an older file recorded in it that the store has not saved yet (a
 * title and an organization alone are not). */
bool state_entry_worth(const struct entry *e);
/* Sets e's title and organization (NULL: none); true if they changed. */
bool state_entry_who(struct entry *e, const char *title, const char *org);

/* ---- the state ---- */

struct state {
	char *path;        /* the file */
	char *lockpath;    /* path + ".lock" */
	char *dir;         /* its directory */
	struct table t;    /* every entry */
	bool readonly;     /* never write: the file did not parse */
	bool file_bad;     /* readonly because of the file: each save tries
	                    * it again */
	char problem[1024]; /* why readonly */
	bool have_disk;    /* disk describes the file last read or written */
	struct stat disk;  /* the file as last read or written */
	int batch;         /* state_begin depth */
	bool unsaved;      /* some entry has pending fields */
	unsigned gen;      /* merge generation */
	char news[1024];   /* entries a later read of the file found it
	                    * cannot read, not said yet; empty when none */
	struct undo *undo; /* the changes this run made (state_undo.c) */
	bool undoing;      /* state_undo is at work: record nothing */
	struct seen *seen; /* what billet records by itself (seen.h) */
	struct snapshots *snaps; /* postings as they were read (snapshot.h) */
	bool seen_defer;   /* read the store only when state_load_seen */
	char seen_problem[640]; /* the store's damage, not said yet */
	struct catalog *cat; /* the postings last attached, or NULL */
	uint64_t *pcache;  /* by posting seq: seen_key of its id | its
	                    * flags | PC_VALID, 0 when not known */
	size_t npcache;    /* slots of pcache */
	uint8_t *chcache; /* by posting seq: whether it changed since it was
	                    * read (CH_SAME, CH_CHANGED), 0 when not known */
	size_t nchcache;   /* slots of chcache */
	bool upgrade;      /* the file is of an older format (its ids, or
	                    * seen and read in it): rewrite it, keeping the
	                    * old one beside it first */
	bool backed_up;    /* this run kept the old file (said in news) */
	bool old_ids;      /* the file's ids may be those billet gave
	                    * before, not carried over yet (no catalog
	                    * attached): it is written without
	                    * STATE_HEADER */
	size_t moved;      /* entries carried over from old ids, to say */
};

/* A pcache slot holds a known posting's flags. */
#define PC_VALID 0x40
/* What a chcache slot knows. */
enum { CH_SAME = 1, CH_CHANGED = 2 };

/* ---- state_track.c: the status's history and the follow-up ---- */

/* One thing this run did to an entry's history: a change added or
 * taken out. */
struct hist_op {
	bool add;               /* added, else taken out */
	struct state_change c;  /* which */
};

/* Adds c to e's history in date order (after every change of its day or
 * earlier, and after those whose date is not known), recording the op
 * when record. */
void state_hist_add(struct entry *e, struct state_change c, bool record);
/* Takes the last change equal to c out of e's history (recording the op
 * when record); false when there is none. */
bool state_hist_del(struct entry *e, struct state_change c, bool record);
/* Makes e's history what v[0..n) is, recording the ops that do it. */
void state_hist_set(struct entry *e, const struct state_change *v, size_t n);
/* True if e's history is v[0..n). */
bool state_hist_is(const struct entry *e, const struct state_change *v,
                   size_t n);
/* Frees e's history and ops. */
void state_hist_free(struct entry *e);
/* Merging: e's history becomes d's (moved), with this run's ops replayed
 * on it when mine (e's status changed here and not saved); d NULL: the
 * file has no entry, e keeps its own when mine, else none. */
void state_hist_merge(struct entry *e, struct entry *d, bool mine);
/* The ops are in the file now: forgets them. */
void state_hist_saved(struct entry *e);
/* Reads a history as the file has it (a kept node: a sequence of
 * "STATUS DATE" or "STATUS"), into e; false, *line, *col (1-based) and
 * why (size bytes) saying what is wrong, when it cannot be read. */
bool state_hist_read(struct entry *e, const struct kept *k, char *why,
                     size_t size, unsigned *line, unsigned *col);
/* Reads a follow-up date (YYYY-MM-DD, or null for none) from the scalar
 * s[0..len); false when it is neither. */
bool state_followup_read(const char *s, size_t len, bool null,
                         int32_t *out);
/* Writes one change as the file has it ("applied 2026-11-03", "applied"
 * when its date is not known) into out (32 bytes). */
void state_change_text(const struct state_change *c, char out[32]);

/* ---- state.c: changing entries ---- */

struct entry;
/* The entry for id, made when missing; NULL (err filled) for an id that
 * cannot be written, or whose entry the file has in a form that cannot
 * be read. */
struct entry *state_entry_for(struct state *st, const char *id,
                              struct state_error *err);
/* After setting a field of e (bit): records it as pending when it
 * changed (diff) and saves unless a batch is open. */
bool state_changed(struct state *st, struct entry *e, unsigned bit,
                   bool diff, struct state_error *err);

/* ---- state_read.c ---- */

/* A parse in progress: the parser, its current event, where to report.
 * A problem of the file as a whole (it is not YAML, or not a mapping of
 * ids) fills err and stops the parse; a problem inside one entry is
 * kept in problem, and the parse goes on. */
struct state_reader {
	yaml_parser_t p;
	yaml_event_t ev;
	bool have;          /* ev holds an event to delete */
	const char *path;   /* the file, for messages */
	const char *data;   /* the file's bytes */
	size_t len;         /* how many */
	struct state_error *err; /* the file's problem */
	char *problem;      /* the first problem of the entry being read
	                     * (malloc'd), or NULL */
	size_t cpos, bpos;  /* a character index of libyaml's marks and the
	                     * byte offset in data where it is */
};

/* Fills the file's error with "path:line:col: message" at mark; returns
 * false. */
bool state_rd_fail(struct state_reader *r, const yaml_mark_t *m,
                   const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Records a problem of the entry being read at mark, unless it has one
 * already (the first is said). */
void state_rd_bad(struct state_reader *r, const yaml_mark_t *m,
                  const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* Moves to the next event; false (error filled) on a parse error or an
 * alias, which the state file does not use. */
bool state_rd_next(struct state_reader *r);
/* Skips the node that starts at the current event (a scalar, or a whole
 * sequence or mapping); false on a problem of the file. */
bool state_rd_skip(struct state_reader *r);

/* The current scalar's text. */
static inline const char *
sc_text(const struct state_reader *r)
{
	return (const char *)r->ev.data.scalar.value;
}

/* The current scalar's length in bytes. */
static inline size_t
sc_len(const struct state_reader *r)
{
	return r->ev.data.scalar.length;
}

/* True if the current event is a plain null scalar: "", ~, null. */
static inline bool
sc_null(const struct state_reader *r)
{
	if (r->ev.type != YAML_SCALAR_EVENT ||
	    r->ev.data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
	    r->ev.data.scalar.tag)
		return false;
	const char *s = sc_text(r);
	return !*s || !strcmp(s, "~") || !strcmp(s, "null") ||
	       !strcmp(s, "Null") || !strcmp(s, "NULL");
}

/* What state_load found. */
enum load_result { LOAD_OK, LOAD_MISSING, LOAD_SAME, LOAD_UNREADABLE,
                   LOAD_BAD };
/* Reads and parses st's file into t, unless it is the version st last
 * saw (LOAD_SAME, when skip_same). *sb gets the file's stat; err says
 * why on LOAD_UNREADABLE and LOAD_BAD. */
enum load_result state_load(struct state *st, struct table *t,
                            struct stat *sb, bool skip_same,
                            struct state_error *err);

/* ---- state_read_entry.c ---- */

/* Reads the fields of an entry; the current event is its MAPPING_START.
 * A field that cannot be read is the entry's problem: its value is
 * skipped and the other fields are read. False on a problem of the
 * file. */
bool state_rd_entry(struct state_reader *r, struct entry *e);

/* ---- state_emit.c ---- */

/* Writes the whole state as YAML into out: the entries that record
 * something in their order, those that could not be read as they were
 * written; nothing at all when no entry is left. */
bool state_emit(const struct state *st, struct buf *out,
                struct state_error *err);

/* ---- state_save.c ---- */

/* Makes the state read-only because of msg: for this run, or, when file
 * (the file cannot be read), until a save finds it readable. */
void state_go_readonly(struct state *st, const char *msg, bool file);
/* Fills err with the read-only state's problem, as a failed save. */
void state_readonly_error(const struct state *st, struct state_error *err);
/* Reads the file if another process changed it and merges it in. */
bool state_reread(struct state *st, struct state_error *err);
/* Takes the lock, merges the file, writes the state beside it and renames
 * it into place. Pending changes stay pending unless all of that worked. */
bool state_save_now(struct state *st, struct state_error *err);

/* ---- state.c: the store ---- */

/* Records an older file's seen and read flags of t's entries in the
 * store (not new to this run when initial: the file's first read). */
void state_take_legacy(struct state *st, struct table *t, bool initial);
/* Forgets every posting's cached flags. */
void state_cache_drop(struct state *st);
/* is:read and is:new of a posting (ctx: the state). */
bool state_hook_read(void *ctx, const struct posting *p);
bool state_hook_new(void *ctx, const struct posting *p);
/* is:changed of a posting (ctx: the state). */
bool state_hook_changed(void *ctx, const struct posting *p);

/* ---- state_ids.c ---- */

/* Carries t's entries (read from an older file; initial: when this run
 * first read it) over from the ids billet gave before to the attached
 * catalog's, with what the store records of them; how many moved. */
size_t state_migrate(struct state *st, struct table *t, bool initial);

/* Keeps the file as it is beside it before an older format is rewritten:
 * FILE.bak, else FILE.bak.2 ...; *name gets the one used (malloc'd), NULL
 * when there was no file. False, err filled, when it cannot be kept. */
bool state_keep_old(struct state *st, char **name, struct state_error *err);
/* Says once (news) that the file was upgraded and kept as kept. */
void state_say_upgraded(struct state *st, const char *kept);

/* ---- state_merge.c ---- */

/* Moves the entries of the postings of c that duplicate another
 * (posting.also, dups.h) into the entry of the one shown, as pending
 * changes (saved by the caller); how many entries were merged. */
size_t state_merge_dups(struct state *st, struct catalog *c);

/* ---- state_undo.c ---- */

/* Records that a setter changed id's field (bit) from before to after
 * (note_before to note_after for F_NOTE): one step, or a part of the
 * open batch's step. */
void state_undo_record(struct state *st, const char *id, unsigned bit,
                       int before, int after, const char *note_before,
                       const char *note_after);
/* Records that a setter changed id's status from before to after, its
 * history from hb[0..nhb) to ha[0..nha) (copied). */
void state_undo_record_status(struct state *st, const char *id, int before,
                              int after, const struct state_change *hb,
                              size_t nhb, const struct state_change *ha,
                              size_t nha);
/* Gives id's status and history back the values an undo restores, as a
 * change of this run's; false when refused. */
bool state_restore_status(struct state *st, const char *id, int status,
                          const struct state_change *v, size_t n);
/* The outermost batch is done: its changes are one step. */
void state_undo_commit(struct state *st);
/* Frees what undo keeps. */
void state_undo_free(struct state *st);

#endif
