/* SPDX-License-Identifier: MIT */
/* spawn: running another program without a shell (fork and execvp):
 * detached from billet, on the terminal, or fed text on its standard
 * input. No curses here: the caller gives the terminal up first. */
#ifndef BILLET_SPAWN_H
#define BILLET_SPAWN_H

#include <stdbool.h>
#include <stddef.h>

/* How spawn_run runs a program. */
enum spawn_mode {
	SPAWN_DETACHED, /* in a session of its own, standard input, output
	                 * and errors on /dev/null, not waited for (a GUI
	                 * browser) */
	SPAWN_TERMINAL, /* on the terminal (/dev/tty where billet's own
	                 * input or output is not one), waited for while
	                 * billet ignores SIGINT and SIGQUIT */
};

/* Runs argv[0], looked up on PATH, with argv. Returns 0 once it runs
 * (SPAWN_TERMINAL: once it ended, its wait status in *status), else the
 * errno of why it could not start (ENOENT: no such program, EACCES: not
 * executable), nothing having run. */
int spawn_run(char *const argv[], enum spawn_mode mode, int *status);

/* Runs argv with text[0..len) on its standard input and its output and
 * errors on /dev/null, waiting at most timeout_ms for it to end. Returns
 * 0 and its wait status in *status; ETIMEDOUT when it has not ended by
 * then (it is left running); else the errno of why it could not start. */
int spawn_feed(char *const argv[], const char *text, size_t len,
               int timeout_ms, int *status);

/* True when name is a program found on PATH (or, with a '/', the path
 * of an executable file). */
bool spawn_found(const char *name);

#endif
