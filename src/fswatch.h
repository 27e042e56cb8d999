/* SPDX-License-Identifier: MIT */
/* fswatch: being told when files change, through inotify where there is
 * one (Linux), in groups (the posting files, the config files) that each
 * learn of their own events once the events have stopped coming for a
 * moment (an editor's save is several). Where there is no inotify, or
 * a group would need more watches than it may have, the group says so
 * and the caller looks itself every few seconds. No curses here. */
#ifndef BILLET_FSWATCH_H
#define BILLET_FSWATCH_H

#include <stdbool.h>
#include <stddef.h>

/* Milliseconds of quiet after the last event before a group is due. */
#define FSWATCH_QUIET_MS 300
/* Most watches a group takes before it gives up for looking every few
 * seconds (the system's own limit may come first). */
#define FSWATCH_MAX 4096
/* How many groups there are. */
#define FSWATCH_GROUPS 2

/* Events coming in bursts, made into one once they stop. */
struct debounce {
	long long last;  /* when the last event came (ms) */
	bool pending;    /* an event came that was not yet made due */
};
/* An event came at now (ms). */
void debounce_poke(struct debounce *d, long long now);
/* True (once) when an event came and none has for quiet ms since. */
bool debounce_due(struct debounce *d, long long now, long long quiet);

/* The watches; made by fswatch_new, freed by fswatch_free. */
struct fswatch;

/* Makes the watches (an inotify instance when there is one, unless
 * $BILLET_WATCH is "poll", which tests use to try the other way). */
struct fswatch *fswatch_new(void);
/* Frees them. */
void fswatch_free(struct fswatch *w);
/* True when the system tells of changes (inotify); else every group
 * must be looked at by the caller. */
bool fswatch_native(const struct fswatch *w);

/* Group g's watches are set again: fswatch_begin, then each directory
 * read and each file or directory named, then fswatch_end. */
void fswatch_begin(struct fswatch *w, int g);
/* A directory read: events about the posting files and directories in
 * it (not dot-files) matter. */
void fswatch_dir(struct fswatch *w, int g, const char *path);
/* A file (or directory) named: events about it matter, also when it is
 * replaced, made or removed (its parent directory is watched for its
 * name). */
void fswatch_name(struct fswatch *w, int g, const char *path);
/* Drops the group's watches that were not set again; true when every
 * one it asked for is in place, false when the caller must look itself
 * (no inotify, too many watches, the system's limit reached). */
bool fswatch_end(struct fswatch *w, int g);

/* Reads the events waiting, never waiting for one; now: the time (ms). */
void fswatch_read(struct fswatch *w, long long now);
/* True (once) when group g had events and they stopped for
 * FSWATCH_QUIET_MS; the paths they named are then in *touched
 * (malloc'd, *ntouched of them; free with fswatch_touched_free). */
bool fswatch_due(struct fswatch *w, int g, long long now, char ***touched,
                 size_t *ntouched);
/* Reads the events waiting and forgets those of group g (the caller
 * looks at its files now, so what they told is known). */
void fswatch_forget(struct fswatch *w, int g, long long now);
/* Frees what fswatch_due gave. */
void fswatch_touched_free(char **touched, size_t n);

/* True when an event about name (isdir: a directory) in a directory read
 * matters: a posting file or a directory, not a dot-file. */
bool fswatch_dir_wants(const char *name, bool isdir);

#endif
