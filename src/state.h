/* SPDX-License-Identifier: MIT */
/* state: what the user recorded about postings (the shortlist, notes,
 * ratings, application status, hidden postings), kept in a YAML file
 * keyed by posting id and saved atomically, under a lock, after every
 * change; and what billet records by itself (seen and read postings),
 * kept in a compact store beside it (seen.h), read only when first
 * needed. */
#ifndef BILLET_STATE_H
#define BILLET_STATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

#include "atomic.h"
#include "catalog.h"
#include "export.h"
#include "posting.h"
#include "query.h"

/* The fields of an entry, as bits. */
enum state_field {
	STATE_MARKED = 1, STATE_HIDDEN = 2, STATE_READ = 4, STATE_SEEN = 8,
	STATE_RATING = 16, STATE_STATUS = 32, STATE_NOTE = 64,
	STATE_WHO = 128, /* the posting's title and organization, recorded
	                  * with an entry the user changes */
	STATE_FOLLOWUP = 256, /* the follow-up date (the status's history
	                       * goes with STATE_STATUS) */
	/* what the user changes, as opposed to what billet records */
	STATE_USER = STATE_MARKED | STATE_HIDDEN | STATE_RATING |
	             STATE_STATUS | STATE_NOTE | STATE_FOLLOWUP,
};

/* One change of an application's status, as its history records it. */
struct state_change {
	int status;   /* enum query_status it changed to */
	int32_t date; /* the day of the change (yyyymmdd); 0: not known (a
	               * status recorded before billet kept a history) */
};

/* What the user recorded about one posting. A read-only view owned by the
 * state: the entry lives until state_close, but note, title and org may
 * change (and the old pointers be freed) on any later call that changes
 * or saves state. Whether the posting was read or is new is asked of the
 * state (state_is_read, state_is_new), not of its entry. */
struct state_entry {
	const char *id;   /* the posting id */
	bool marked;      /* on the shortlist */
	bool hidden;      /* hidden: not interested */
	int rating;       /* 1-5; 0 unrated */
	int status;       /* enum query_status */
	const struct state_change *history; /* the status's changes, oldest
	                   * first (nhistory of them); NULL when none */
	size_t nhistory;  /* how many */
	int32_t followup; /* the day to follow the application up
	                   * (yyyymmdd); 0 when none */
	const char *note; /* UTF-8, may span lines; NULL when none */
	const char *title; /* the posting's title when the entry was last
	                    * changed (or first matched to it), NULL when
	                    * not known: an entry from before they were */
	const char *org;  /* its organization's name then, or NULL */
	unsigned unsaved; /* enum state_field bits: changed in this run and
	                   * not in the file yet (a save failed, or the state
	                   * is read-only) */
	const char *problem; /* why the file's entry for id cannot be read
	                      * ("FILE:LINE:COL: what is wrong"): the entry
	                      * is then kept as written and never changed,
	                      * and the fields above are those it was
	                      * read with; NULL when it was read */
};

/* Why something failed: a message for the status line or stderr, such as
 * "state.yaml:3:7: rating: expected a number from 0 to 5". */
struct state_error {
	char msg[1024]; /* empty when nothing is wrong */
	size_t why;     /* msg + why is the cause alone ("cannot write F: No
	                 * space left on device"), without what it means
	                 * for the run ("state not saved (kept in memory, will
	                 * retry): "); 0 when msg has no such part */
	bool replaced;  /* a failed save did put the new file in place: only
	                 * its directory could not be synced, so the change is
	                 * in the file but may not outlast a crash */
	bool refused;   /* nothing was changed, in memory or in the file: a
	                 * bad value, or an entry the file has in a form that
	                 * cannot be read (kept as written) */
	bool store_only; /* only the store of seen and read postings could
	                  * not be written: the state file has every change
	                  * of the user's */
};

/* The state of a run. Opaque; made by state_open, freed by state_close. */
struct state;

/* The default state file: $XDG_STATE_HOME/billet/state.yaml, else
 * ~/.local/state/billet/state.yaml. Malloc'd; NULL when there is no home. */
char *state_default_path(void);

/* Reads the state file at path (NULL: the default). Never returns NULL. A
 * missing file is an empty state. A file that cannot be read or does not
 * parse is never written: the state is then read-only (each save tries
 * the file again, and once it reads, merges this run's changes into it)
 * and err (may be NULL) says why, as "FILE:LINE:COL: what is wrong".
 * Entries that cannot be read are kept as written (state_entry.problem)
 * and err says where the first is. */
struct state *state_open(const char *path, struct state_error *err);
/* Frees the state (NULL is fine); unsaved changes are lost. */
void state_close(struct state *st);
/* The file the state is read from and saved to. */
const char *state_path(const struct state *st);
/* False when the file did not parse or could not be read: changes are then
 * kept in memory and every save fails, until one finds the file mended. */
bool state_writable(const struct state *st);
/* Why the state is read-only, or NULL when it is writable. */
const char *state_problem(const struct state *st);

/* The entry for id, or NULL when nothing is recorded for it. */
const struct state_entry *state_get(const struct state *st, const char *id);
/* How many entries there are (including ids not loaded now). */
size_t state_count(const struct state *st);
/* Entry i (0 <= i < state_count) in file order, new ones last. */
const struct state_entry *state_at(const struct state *st, size_t i);

/* Each setter changes one field of id's entry (creating it) and saves at
 * once. On false err says why: a failed save or a read-only state (the
 * change is still kept in memory, and the save is retried with the next
 * change or state_save), or, with err->refused, a bad value or an entry
 * the file has in a form that cannot be read (nothing changed). Setting
 * the value already there saves nothing (unless an earlier save
 * failed). */

/* Puts id on the shortlist or takes it off. */
bool state_set_mark(struct state *st, const char *id, bool on,
                    struct state_error *err);
/* Hides id (not interested) or shows it again. */
bool state_set_hidden(struct state *st, const char *id, bool on,
                      struct state_error *err);
/* Records that id was opened in the detail view (or not): in the store
 * of what billet records by itself, saved with the next save of the
 * state (at once when no batch is open). */
bool state_set_read(struct state *st, const char *id, bool on,
                    struct state_error *err);
/* Rates id 1 to 5; 0 clears. Other values are refused. */
bool state_set_rating(struct state *st, const char *id, int rating,
                      struct state_error *err);
/* Sets the application status (enum query_status); QSTATUS_NONE clears.
 * The change joins the status's history, dated today. */
bool state_set_status(struct state *st, const char *id, int status,
                      struct state_error *err);
/* The same, the change dated date (yyyymmdd; 0: today), which may not be
 * after today: the history keeps its changes in date order, and the
 * status becomes that of the latest. With a date, a status the history
 * has already is dated anew (its latest change: one whose date was not
 * known, or was mistyped) rather than added again. A status set before
 * the history was kept joins it, its date unknown, at the first change. */
bool state_set_status_on(struct state *st, const char *id, int status,
                         int32_t date, struct state_error *err);
/* Sets the follow-up date (yyyymmdd, a real day); 0 clears it. */
bool state_set_followup(struct state *st, const char *id, int32_t date,
                        struct state_error *err);
/* The day the application was made: the first change of its history to
 * applied or a later status (interviewing, offer, rejected, withdrawn);
 * 0 when it has none, or that change's date is not known. *made (may be
 * NULL) says whether it was made at all (such a change, or such a status
 * without a history). */
int32_t state_applied_on(const struct state_entry *e, bool *made);
/* Appends the status's history in words: "applied 2026-11-03,
 * interviewing 2026-11-20"; a change whose date is not known as "applied
 * (date unknown)"; a status without a history the same way. Nothing
 * when there is neither. */
void state_history_text(const struct state_entry *e, struct buf *out);
/* Sets the note (valid UTF-8, any length, newlines kept); NULL or ""
 * removes it. */
bool state_set_note(struct state *st, const char *id, const char *note,
                    struct state_error *err);
/* Records every posting of c as seen, saving once (the store is read
 * first if it was not). Postings that were new when the run began stay
 * new (state_is_new). */
bool state_seen_all(struct state *st, const struct catalog *c,
                    struct state_error *err);

/* ---- billet's own records: seen, read, fingerprints (seen.h) ---- */

/* Leaves the store unread until state_load_seen (the interface: after
 * the first screen is drawn); until then nothing is read or new. Without
 * it, the store is read the first time it is asked. */
void state_defer_seen(struct state *st);
/* Reads the store now if it was not (false, err saying why, when it is
 * damaged or cannot be read: it is then rebuilt, and the postings seen
 * before may show as new once). */
bool state_load_seen(struct state *st, struct state_error *err);
/* True once the store is read: is:new, is:read and the list's flags
 * answer from then on. */
bool state_seen_ready(const struct state *st);
/* True if the posting was opened in the detail view (in any run). */
bool state_is_read(struct state *st, const char *id);
/* True if the posting was not seen by an earlier run (nothing is new
 * while the store is not read, or the state is read-only). */
bool state_is_new(struct state *st, const char *id);
/* The fingerprint recorded for id when it was read (what a later
 * version compares to tell a posting changed since); false when none. */
bool state_fingerprint(struct state *st, const char *id, uint64_t *fp);
/* Records id's fingerprint (saved like state_set_read). */
bool state_set_fingerprint(struct state *st, const char *id, uint64_t fp,
                           struct state_error *err);
/* Keeps what p says now, as it is read: marks it read (state_set_read),
 * its content's fingerprint in the store (state_fingerprint), and the
 * posting itself beside the state file (snapshot.h), all saved like
 * state_set_read. It is then not changed (state_is_changed) until its
 * file says something else. */
bool state_keep_read(struct state *st, const struct posting *p,
                     struct state_error *err);
/* The posting as state_keep_read last kept it, loaded into c (which owns
 * it); NULL when none was kept. */
const struct posting *state_as_read(struct state *st, const char *id,
                                    struct catalog *c);
/* True if p was read (state_keep_read) and says something else now
 * than when it was: its fingerprint (snapshot_fingerprint, a posting's
 * content as billet models it, not its file's bytes) is not the one kept.
 * False for a posting read before fingerprints were kept, and while the
 * store is not read. Answered once per posting of the catalog attached
 * until its flags change. */
bool state_is_changed(struct state *st, const struct posting *p);
/* How many postings of the catalog attached are changed since read. */
size_t state_changed_count(struct state *st);
/* The store's file: the state file's name with its .yaml (or .yml)
 * replaced by .seen.db, in the same directory (malloc'd); with
 * .snapshots.json when snapshots. */
char *state_seen_path(const char *state_path, bool snapshots);

/* ---- the entries matched to the postings (state_ids.c) ---- */

/* What state_attach did. */
struct state_attach_report {
	size_t moved;     /* entries of an old file carried over from the
	                   * ids billet gave before to the postings' ids */
	size_t orphans;   /* entries recording something that match no
	                   * loaded posting (state_is_orphan) */
	bool renamed;     /* postings' ids were exchanged among postings
	                   * that share one id (catalog reindexed) */
	size_t dups;      /* postings of the same job as another, loaded
	                   * from another source (dups.h): not listed */
	size_t merged;    /* entries of those moved into the entry of the
	                   * posting shown in their place */
};
/* Matches the entries to the postings of c, once they are all loaded,
 * and keeps c to look postings up until the next call (c must outlive
 * the state or the next call). An old state file's entries keyed by the
 * ids billet gave before (identity_legacy) move to the posting's id when
 * exactly one posting had that old id; explicit ids stay. Among postings
 * that share an id (x, x~2...), an entry that records a title and an
 * organization follows the posting that has them, whatever the load
 * order: the postings' ids are exchanged to match (rep->renamed), and an
 * entry that matches none of them keeps its id, which no posting then
 * has. Entries without a title and organization get those of their
 * posting. The same job loaded from several sources is found (dups.h)
 * and its sources' entries merged into the one shown (nothing dropped:
 * both notes, every status change). With save, what changed is saved at once: an old file is
 * upgraded (seen and read moved to the store, the old file kept beside
 * it, news said once by state_news). rep (may be NULL) says what was
 * done. False, err filled, when that save failed (kept pending). */
bool state_attach(struct state *st, struct catalog *c, bool save,
                  struct state_attach_report *rep, struct state_error *err);
/* True if e records something (a mark, note, rating, status, a key of
 * the user's own, or is an entry that cannot be read) and no posting of
 * the catalog last attached has its id. */
bool state_is_orphan(const struct state *st, const struct state_entry *e);
/* How many entries are orphans. */
size_t state_orphans(const struct state *st);

/* Starts a batch: setters change memory only until the matching
 * state_commit (batches nest), so `;` on 500 postings saves once. */
void state_begin(struct state *st);
/* Ends a batch; the outermost one saves what changed. */
bool state_commit(struct state *st, struct state_error *err);
/* Saves the changes not saved yet (after a failed save); true when there
 * is nothing left to save. */
bool state_save(struct state *st, struct state_error *err);
/* True while some change is not saved. */
bool state_unsaved(const struct state *st);
/* Writes the whole state as this run knows it (merged with the file when
 * it reads; this run's changes only when it does not) to path, another
 * file, atomically, mode 0600: to keep the changes a failed save leaves
 * in memory. An existing path is replaced only when overwrite. err says
 * why on ATOMIC_FAILED (and ATOMIC_UNSYNCED: written, not synced). */
enum atomic_result state_write_to(struct state *st, const char *path,
                                  bool overwrite, struct state_error *err);
/* Re-reads the file when another process changed it, keeping this
 * process's unsaved changes; true when nothing went wrong. */
bool state_refresh(struct state *st, struct state_error *err);
/* What a read of the file changed by another process (state_refresh, or
 * any save) found that this run had not said: entries that cannot be
 * read, now kept as written. True, with news filled ("FILE:LINE:COL:
 * what ..."), once for each such finding. */
bool state_news(struct state *st, struct state_error *news);

/* How many steps state_undo can take back. */
#define STATE_UNDO_MAX 100
/* What state_undo did. */
enum state_undo_result {
	STATE_UNDO_NONE,   /* nothing was changed this run, or all undone */
	STATE_UNDO_DONE,   /* undone and saved */
	STATE_UNDO_FAILED, /* undone, but the save failed (err): the undo is
	                    * kept in memory like any change */
	STATE_UNDO_LEFT,   /* nothing undone: another process has changed the
	                    * field since, or its entry cannot be read now */
};
/* Takes back the last change this run made with the setters (a mark,
 * hiding, rating, status or note; everything between state_begin and
 * state_commit is one step), the one before on the next call, and so on
 * for STATE_UNDO_MAX steps: each field gets back the value it had, and
 * is saved, unless another process has changed it since (that one is
 * left as it is). Nothing else is touched. said (size bytes) says what
 * was done, the postings named by their titles in c (may be NULL):
 * "undid: rating of Policy Advocate (was 3, now 2)". */
enum state_undo_result state_undo(struct state *st, const struct catalog *c,
                                  char *said, size_t size,
                                  struct state_error *err);

/* Fills env's ctx and state hooks (is:marked, is:hidden, is:new, is:read,
 * is:changed, has:note, rating, status, followup) from st; env->today is left alone. is:new
 * holds for postings not seen when the run began (none while the state is
 * read-only, since nothing is known then). */
void state_query_env(struct state *st, struct query_env *env);
/* Appends a follow-up date as the detail says it: "2026-11-27", "2026-11-27
 * (due today)", "2026-11-20 (due 7 days ago)", "2026-11-22 (tomorrow)". */
void state_followup_text(int32_t date, int32_t today, struct buf *out);
/* Fills h so exports carry the mark, note, rating, status, its history
 * and the follow-up. */
void state_export_hooks(struct state *st, struct export_hooks *h);
/* Reads a status name ("applied", "none"...; any case); -1 if unknown. */
int state_status_parse(const char *s);

/* How saving behaves; tests change it. The file itself is written by
 * atomic_write (atomic.h), whose system calls tests replace too. */
struct state_io {
	int lock_wait_ms; /* how long a save waits for the lock (5000) */
};
/* The settings in use. */
extern struct state_io state_io;

#endif
