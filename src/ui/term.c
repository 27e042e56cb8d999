/* SPDX-License-Identifier: MIT */
/* term: the terminal: opening it on /dev/tty and closing it, the signals
 * that stop or suspend the program, and reading keys. */
#include "view.h"

#include "config.h"
#include "index.h"

#include <errno.h>
#include <fcntl.h>
#include <langinfo.h>
#include <signal.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <term.h>
#include <unistd.h>

/* The signal that asked the program to stop (SIGINT, SIGTERM, SIGHUP). */
static volatile sig_atomic_t stop_signal;
/* Set when SIGTSTP (Ctrl-Z) asked the program to suspend itself. */
static volatile sig_atomic_t tstp_signal;
int
ui_stop_signal(void)
{
	return stop_signal;
}

/* Records the signal; the main loop sees it within one getch timeout. */
static void
on_signal(int sig)
{
	stop_signal = sig;
}

/* Records SIGTSTP; read_key suspends the program, between keys. */
static void
on_tstp(int sig)
{
	(void)sig;
	tstp_signal = 1;
}

/* Restores the terminal before a fatal exit (die_hook). */
static void
restore_terminal(void)
{
	if (!isendwin())
		endwin();
}

static void suspend(void);

/* A key that key_pending read ahead, for read_key to return next; 0
 * when none. */
static int key_ahead;

/* Reads a key: a character, KEY_FN | a curses key, or 0 on timeout;
 * after a suspension (SIGTSTP), KEY_FN | KEY_RESIZE, so that the caller
 * lays the screen out again and draws it. */
static int
read_key(void)
{
	if (key_ahead) {
		int k = key_ahead;
		key_ahead = 0;
		return k;
	}
	if (tstp_signal) {
		suspend();
		return KEY_FN | KEY_RESIZE;
	}
	wint_t wc;
	int r = wget_wch(stdscr, &wc);
	if (r == ERR && tstp_signal) {
		suspend();
		return KEY_FN | KEY_RESIZE;
	}
	if (r == ERR)
		return 0;
	if (r == KEY_CODE_YES)
		return KEY_FN | (int)wc;
	return (int)wc;
}

/* True when a key is already waiting (typed ahead, or the rest of a
 * paste): reads it without waiting and keeps it for read_key. */
bool
ui_key_pending(void)
{
	if (key_ahead)
		return true;
	if (stop_signal || tstp_signal)
		return false;
	/* reading through stdscr refreshes it when touched (see ui_draw) */
	if (is_wintouched(stdscr))
		wnoutrefresh(stdscr);
	wtimeout(stdscr, 0);
	key_ahead = read_key();
	wtimeout(stdscr, 100);
	return key_ahead != 0;
}

/* Reads a key like read_key; while the index lags behind the catalog,
 * does not wait for one but indexes a slice (~10 ms) when none is
 * pending, so keys are answered between slices. */
int
ui_read_key_idle(struct ui *ui)
{
	if (!ui->ix || index_count(ui->ix) >= ui->cat->n)
		return read_key();
	wtimeout(stdscr, 0);
	int k = read_key();
	wtimeout(stdscr, 100);
	if (!k)
		list_index_step(ui);
	return k;
}

int
ui_getkey(struct ui *ui)
{
	for (;;) {
		if (stop_signal) {
			ui->quit = true;
			return 0;
		}
		int k = read_key();
		if (k == (KEY_FN | KEY_RESIZE)) {
			layout(ui);
			return k;
		}
		if (k == (KEY_FN | KEY_MOUSE)) {
			MEVENT ev;
			getmouse(&ev);
			continue;
		}
		if (k)
			return k;
	}
}

/* After Esc (k): Alt and the character right behind it, when one is
 * already waiting (a terminal sends Alt-x as Esc x), else k. */
int
ui_key_alt(int k)
{
	if (k != 27 || !ui_key_pending())
		return k;
	int next = key_ahead;
	if ((next & KEY_FN) || next == 27)
		return k; /* Esc, then a key of its own */
	key_ahead = 0;
	return KEY_ALT | next;
}

int
ui_getkey_alt(struct ui *ui)
{
	return ui_key_alt(ui_getkey(ui));
}

/* The terminal as opened by term_open. */
static struct {
	SCREEN *screen;
	FILE *in, *out;
	struct sigaction old[3];
	struct sigaction tstp;     /* SIGTSTP before term_open */
	struct sigaction our_tstp; /* ours, while ui_leave holds */
} term;

/* Signals that stop the program cleanly. */
static const int stop_signals[3] = {SIGINT, SIGTERM, SIGHUP};

int
ui_term_open(void)
{
	const char *name = getenv("TERM");
	struct buf shown = {0};
	if (name)
		text_sanitize(&shown, name, strlen(name), 0);
	if (!name || !*name) {
		say("TERM is not set, so the interface cannot draw; "
		    "try --list or --show");
		return 2;
	}
	if (strcmp(name, "dumb") == 0) {
		say("TERM=dumb cannot move the cursor, so the interface cannot "
		    "draw; try --list or --show");
		buf_free(&shown);
		return 2;
	}
	int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
	if (fd < 0 && errno == ENXIO) {
		/* started by setsid, a daemon, cron... */
		say("no controlling terminal (/dev/tty), so the interface "
		    "cannot run; try --list or --show");
		buf_free(&shown);
		return 2;
	}
	if (fd < 0) {
		say("cannot open the terminal (/dev/tty): %s; try --list or "
		    "--show", strerror(errno));
		buf_free(&shown);
		return 2;
	}
	int err = 0;
	if (setupterm(name, fd, &err) != OK) {
		if (err == 0)
			say("unknown terminal type '%s' (TERM); try "
			    "TERM=xterm or --list", shown.s);
		else
			say("cannot use the terminal '%s' (TERM): no terminfo "
			    "entry; try --list", shown.s);
		close(fd);
		buf_free(&shown);
		return 2;
	}
	const char *cup = tigetstr("cup");
	bool usable = cup && cup != (char *)-1 && !tigetflag("hc");
	del_curterm(cur_term);
	if (!usable) {
		say("the terminal '%s' (TERM) cannot move the cursor; try "
		    "--list", shown.s);
		close(fd);
		buf_free(&shown);
		return 2;
	}
	int fd2 = dup(fd);
	term.out = fdopen(fd, "w");
	term.in = fd2 >= 0 ? fdopen(fd2, "r") : NULL;
	if (!term.out || !term.in) {
		say("cannot use the terminal: %s", strerror(errno));
		if (term.out)
			fclose(term.out);
		else
			close(fd);
		if (term.in)
			fclose(term.in);
		else if (fd2 >= 0)
			close(fd2);
		buf_free(&shown);
		return 2;
	}
	/* Ours before curses starts, so it leaves these signals alone.
	 * SIGTSTP too (unless it is ignored): curses' handler draws from
	 * the signal handler, and curses ignores SIGTSTP while it updates
	 * the screen, so that a Ctrl-Z then was lost. */
	struct sigaction sa;
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (int i = 0; i < 3; i++)
		sigaction(stop_signals[i], &sa, &term.old[i]);
	sigaction(SIGTSTP, NULL, &term.tstp);
	if (term.tstp.sa_handler != SIG_IGN) {
		sa.sa_handler = on_tstp;
		sa.sa_flags = SA_RESTART; /* a write to the terminal goes on */
		sigaction(SIGTSTP, &sa, NULL);
	}
	term.screen = newterm(name, term.out, term.in);
	if (!term.screen) {
		for (int i = 0; i < 3; i++)
			sigaction(stop_signals[i], &term.old[i], NULL);
		sigaction(SIGTSTP, &term.tstp, NULL);
		say("cannot start the interface on the terminal '%s'", shown.s);
		fclose(term.out);
		fclose(term.in);
		buf_free(&shown);
		return 2;
	}
	buf_free(&shown);
	set_term(term.screen);
	die_hook = restore_terminal;
	return 0;
}

void
ui_leave(void)
{
	/* Until ui_return, a stop is the plain one: the program would not
	 * suspend itself while it waits for the editor (the job would not
	 * stop), nor on its way out. A SIGTSTP that comes during endwin
	 * waits for it. */
	sigset_t tstp, old;
	sigemptyset(&tstp);
	sigaddset(&tstp, SIGTSTP);
	pthread_sigmask(SIG_BLOCK, &tstp, &old);
	endwin();
	sigaction(SIGTSTP, &term.tstp, &term.our_tstp);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
}

void
ui_return(void)
{
	sigaction(SIGTSTP, &term.our_tstp, NULL);
}

/* Suspends the program as SIGTSTP asked (Ctrl-Z): the terminal given
 * back, stopped, then the screen taken again, at its size now and drawn
 * in full by the next update. */
static void
suspend(void)
{
	tstp_signal = 0;
	ui_leave();
	raise(SIGTSTP);
	ui_return();
	struct winsize ws;
	if (ioctl(fileno(term.out), TIOCGWINSZ, &ws) == 0 && ws.ws_row > 0 &&
	    ws.ws_col > 0 && (ws.ws_row != LINES || ws.ws_col != COLS))
		resizeterm(ws.ws_row, ws.ws_col);
	clearok(curscr, TRUE);
}

void
ui_term_close(void)
{
	delscreen(term.screen);
	fclose(term.out);
	fclose(term.in);
	for (int i = 0; i < 3; i++)
		sigaction(stop_signals[i], &term.old[i], NULL);
	sigaction(SIGTSTP, &term.tstp, NULL);
}

