/* SPDX-License-Identifier: MIT */
/* spawn: fork and execvp, never a shell. Whether the program could
 * start is learnt through a pipe closed on exec (the child writes its
 * errno there when execvp fails), so that a missing program is said at
 * once, also for a detached one that is not waited for. */
#include "spawn.h"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "text.h"

/* Most file descriptors a child closes (those billet may hold). */
#define FD_LIMIT 1024

/* Makes a pipe whose ends close on exec; false on failure. */
static bool
cloexec_pipe(int p[2])
{
	if (pipe(p) != 0)
		return false;
	fcntl(p[0], F_SETFD, FD_CLOEXEC);
	fcntl(p[1], F_SETFD, FD_CLOEXEC);
	return true;
}

/* In a child: the signals back to their defaults (an ignored signal
 * stays ignored across exec), none blocked, and every descriptor from 3
 * up closed but keep. */
static void
child_reset(int keep)
{
	static const int sigs[] = {
		SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE, SIGTSTP, SIGTTIN,
		SIGTTOU, SIGWINCH, SIGCHLD, SIGALRM,
	};
	for (size_t i = 0; i < sizeof(sigs) / sizeof(*sigs); i++)
		signal(sigs[i], SIG_DFL);
	sigset_t none;
	sigemptyset(&none);
	sigprocmask(SIG_SETMASK, &none, NULL);
	long max = sysconf(_SC_OPEN_MAX);
	if (max < 0 || max > FD_LIMIT)
		max = FD_LIMIT;
	for (int fd = 3; fd < max; fd++)
		if (fd != keep)
			close(fd);
}

/* In a child: fd on /dev/null (opened for reading and writing). */
static void
to_null(int fd)
{
	int n = open("/dev/null", O_RDWR);
	if (n >= 0 && n != fd) {
		dup2(n, fd);
		close(n);
	}
}

/* In a child: execvp, and on failure its errno written to err; never
 * returns. */
static _Noreturn void
exec_or_say(char *const argv[], int err)
{
	execvp(argv[0], argv);
	int e = errno;
	ssize_t w = write(err, &e, sizeof(e));
	(void)w;
	_exit(127);
}

/* Reads the errno a child wrote to fd before its exec failed; 0 when
 * the exec closed the pipe instead. Closes fd. */
static int
exec_error(int fd)
{
	int e = 0;
	ssize_t n;
	while ((n = read(fd, &e, sizeof(e))) < 0 && errno == EINTR)
		;
	close(fd);
	return n == (ssize_t)sizeof(e) ? (e ? e : ENOEXEC) : 0;
}

/* Waits for pid, past signals; its wait status. */
static int
wait_for(pid_t pid)
{
	int status = 0;
	while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
		;
	return status;
}

/* Runs argv detached: a child forks the program and ends at once (so
 * that nothing is left to wait for), the program in a session of its
 * own. */
static int
run_detached(char *const argv[])
{
	int ep[2];
	if (!cloexec_pipe(ep))
		return errno;
	pid_t pid = fork();
	if (pid == 0) {
		close(ep[0]);
		pid_t g = fork();
		if (g < 0) {
			int e = errno;
			ssize_t w = write(ep[1], &e, sizeof(e));
			(void)w;
			_exit(1);
		}
		if (g > 0)
			_exit(0);
		setsid();
		child_reset(ep[1]);
		for (int fd = 0; fd < 3; fd++)
			to_null(fd);
		exec_or_say(argv, ep[1]);
	}
	int e = errno;
	close(ep[1]);
	if (pid < 0) {
		close(ep[0]);
		return e;
	}
	wait_for(pid);
	return exec_error(ep[0]);
}

/* Runs argv on the terminal and waits for it, billet ignoring SIGINT
 * and SIGQUIT meanwhile (they are the program's). */
static int
run_terminal(char *const argv[], int *status)
{
	struct sigaction ign, old_int, old_quit;
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	int ep[2];
	if (!cloexec_pipe(ep))
		return errno;
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid_t pid = fork();
	if (pid == 0) {
		close(ep[0]);
		if (!isatty(0) || !isatty(1)) {
			int fd = open("/dev/tty", O_RDWR);
			if (fd >= 0) {
				if (!isatty(0))
					dup2(fd, 0);
				if (!isatty(1))
					dup2(fd, 1);
				if (fd > 2)
					close(fd);
			}
		}
		child_reset(ep[1]);
		exec_or_say(argv, ep[1]);
	}
	int e = errno;
	close(ep[1]);
	if (pid < 0) {
		close(ep[0]);
	} else {
		e = exec_error(ep[0]);
		int st = wait_for(pid);
		if (!e && status)
			*status = st;
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	return e;
}

int
spawn_run(char *const argv[], enum spawn_mode mode, int *status)
{
	if (!argv || !argv[0] || !argv[0][0])
		return ENOENT;
	return mode == SPAWN_DETACHED ? run_detached(argv)
	                              : run_terminal(argv, status);
}

/* Milliseconds on a monotonic clock. */
static long long
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Writes text[0..len) to fd (non-blocking) until it is all written, the
 * reader is gone, or the time is up. */
static void
feed(int fd, const char *text, size_t len, long long until)
{
	fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK);
	size_t done = 0;
	while (done < len) {
		long long left = until - now_ms();
		if (left <= 0)
			return;
		struct pollfd pfd = {.fd = fd, .events = POLLOUT};
		int r = poll(&pfd, 1, (int)(left < 100 ? left : 100));
		if (r < 0 && errno != EINTR)
			return;
		if (r <= 0)
			continue;
		ssize_t w = write(fd, text + done, len - done);
		if (w > 0)
			done += (size_t)w;
		else if (w < 0 && errno != EAGAIN && errno != EINTR)
			return; /* EPIPE: it stopped reading */
	}
}

int
spawn_feed(char *const argv[], const char *text, size_t len,
           int timeout_ms, int *status)
{
	if (!argv || !argv[0] || !argv[0][0])
		return ENOENT;
	struct sigaction ign, old_pipe;
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	int in[2], ep[2];
	if (!cloexec_pipe(in))
		return errno;
	if (!cloexec_pipe(ep)) {
		int e = errno;
		close(in[0]);
		close(in[1]);
		return e;
	}
	sigaction(SIGPIPE, &ign, &old_pipe);
	long long until = now_ms() + timeout_ms;
	pid_t pid = fork();
	if (pid == 0) {
		close(ep[0]);
		close(in[1]);
		dup2(in[0], 0);
		if (in[0] != 0)
			close(in[0]);
		to_null(1);
		to_null(2);
		child_reset(ep[1]);
		exec_or_say(argv, ep[1]);
	}
	int e = errno;
	close(in[0]);
	close(ep[1]);
	if (pid < 0) {
		close(in[1]);
		close(ep[0]);
		sigaction(SIGPIPE, &old_pipe, NULL);
		return e;
	}
	e = exec_error(ep[0]);
	if (!e)
		feed(in[1], text, len, until);
	close(in[1]);
	int st = 0;
	for (;;) {
		pid_t r = waitpid(pid, &st, WNOHANG);
		if (r == pid)
			break;
		if (r < 0 && errno != EINTR) {
			e = e ? e : errno;
			break;
		}
		if (now_ms() >= until) {
			e = e ? e : ETIMEDOUT;
			break;
		}
		struct timespec nap = {0, 5 * 1000 * 1000};
		nanosleep(&nap, NULL);
	}
	sigaction(SIGPIPE, &old_pipe, NULL);
	if (!e && status)
		*status = st;
	return e;
}

/* True when path is an executable regular file. */
static bool
executable(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISREG(st.st_mode) &&
	       access(path, X_OK) == 0;
}

bool
spawn_found(const char *name)
{
	if (!name || !*name)
		return false;
	if (strchr(name, '/'))
		return executable(name);
	const char *path = getenv("PATH");
	if (!path)
		path = "/usr/bin:/bin";
	struct buf b = {0};
	bool found = false;
	for (const char *s = path; !found;) {
		const char *end = strchr(s, ':');
		size_t n = end ? (size_t)(end - s) : strlen(s);
		buf_clear(&b);
		if (n)
			buf_add(&b, s, n);
		else
			buf_adds(&b, ".");
		buf_printf(&b, "/%s", name);
		found = executable(b.s);
		if (!end)
			break;
		s = end + 1;
	}
	buf_free(&b);
	return found;
}
