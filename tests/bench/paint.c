/* SPDX-License-Identifier: MIT */
/* paint: the interface's first paint: billet run in a pseudo-terminal of
 * 120x40 until it reports having painted its first screen
 * (BILLET_BENCH_FIRST_PAINT), and the first byte it wrote there. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "load.h"
#include "bench.h"

/* Removes one entry of a temporary directory (for nftw). */
static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	remove(path);
	return 0;
}

/* Reads the file billet writes at first paint: CLOCK_MONOTONIC in
 * nanoseconds, optionally followed by the postings loaded by then. */
static bool
read_paint_file(const char *file, long long *ns, long *loaded)
{
	FILE *f = fopen(file, "r");
	if (!f)
		return false;
	long long t = 0;
	long n = -1;
	int got = fscanf(f, "%lld %ld", &t, &n);
	fclose(f);
	if (got < 1 || t <= 0)
		return false;
	*ns = t;
	*loaded = got == 2 ? n : -1;
	return true;
}

/* True if the file holds the name of the first-paint variable, that is if
 * billet can report its first paint at all. */
bool
knows_first_paint(const char *billet)
{
	static const char name[] = "BILLET_BENCH_FIRST_PAINT";
	FILE *f = fopen(billet, "rb");
	if (!f)
		return false;
	char buf[65536 + sizeof(name)];
	size_t keep = 0, n;
	bool found = false;
	while (!found && (n = fread(buf + keep, 1, sizeof(buf) - keep, f)) > 0) {
		n += keep;
		for (size_t i = 0; i + sizeof(name) - 1 <= n && !found; i++)
			found = buf[i] == 'B' &&
			        !memcmp(buf + i, name, sizeof(name) - 1);
		keep = n < sizeof(name) - 1 ? n : sizeof(name) - 1;
		memmove(buf, buf + n - keep, keep);
	}
	fclose(f);
	return found;
}

/* Runs billet on path in a new pseudo-terminal of 120x40 with
 * BILLET_BENCH_FIRST_PAINT naming a file, and waits (at most timeout
 * seconds) for billet to write its first-paint time there. Its state is
 * in state_home, else in a directory of its own, removed after. */
struct paint
first_paint(const char *billet, const char *path, double timeout,
            bool reports, const char *state_home)
{
	struct paint r = {.ms = -1, .output_ms = -1, .loaded = -1};
	const char *tmp = getenv("TMPDIR");
	char tdir[4096];
	snprintf(tdir, sizeof(tdir), "%s/billet-bench-paint.XXXXXX",
	         tmp && *tmp ? tmp : "/tmp");
	char *d = mkdtemp(tdir);
	if (!d) {
		snprintf(r.note, sizeof(r.note), "cannot make a directory: %s",
		         strerror(errno));
		return r;
	}
	char file[4200], state[4200];
	snprintf(file, sizeof(file), "%s/first-paint", d);
	snprintf(state, sizeof(state), "%s/state", d);

	int master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
		snprintf(r.note, sizeof(r.note), "no pseudo-terminal: %s",
		         strerror(errno));
		if (master >= 0)
			close(master);
		rmdir(d);
		return r;
	}
	char slave_name[256];
	snprintf(slave_name, sizeof(slave_name), "%s", ptsname(master));
	struct winsize ws = {.ws_row = 40, .ws_col = 120};
	ioctl(master, TIOCSWINSZ, &ws);

	fflush(stdout);
	fflush(stderr);
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(r.note, sizeof(r.note), "cannot fork: %s",
		         strerror(errno));
		close(master);
		rmdir(d);
		return r;
	}
	if (pid == 0) {
		setsid();
		int s = open(slave_name, O_RDWR);
		if (s < 0)
			_exit(126);
		dup2(s, 0);
		dup2(s, 1);
		dup2(s, 2);
		if (s > 2)
			close(s);
		close(master);
		setenv("BILLET_BENCH_FIRST_PAINT", file, 1);
		setenv("TERM", "xterm", 1);
		setenv("XDG_STATE_HOME", state_home ? state_home : state, 1);
		setenv("XDG_CONFIG_HOME", state, 1);
		unsetenv("BILLET_PATH");
		char max_file[32];
		snprintf(max_file, sizeof(max_file), "%zu", limits.max_file);
		if (limits.max_file != load_default_limits.max_file)
			execl(billet, billet, "--max-file", max_file, path,
			      (char *)NULL);
		else
			execl(billet, billet, path, (char *)NULL);
		_exit(127);
	}

	/* Drain the terminal until billet reports, exits or runs out of time. */
	char out[4096];
	char seen[512];
	size_t nseen = 0;
	int status = 0;
	bool exited = false;
	long long ns = 0;
	for (;;) {
		struct pollfd p = {.fd = master, .events = POLLIN};
		int k = poll(&p, 1, 5);
		if (k > 0 && (p.revents & POLLIN)) {
			ssize_t n = read(master, out, sizeof(out));
			if (n > 0) {
				if (r.output_ms < 0)
					r.output_ms = now_ms() - t0;
				size_t take = (size_t)n;
				if (take > sizeof(seen) - 1 - nseen)
					take = sizeof(seen) - 1 - nseen;
				memcpy(seen + nseen, out, take);
				nseen += take;
				seen[nseen] = '\0';
			}
		} else if (k > 0 && (p.revents & (POLLHUP | POLLERR))) {
			/* the slave side closed: billet is gone */
			struct timespec pause = {0, 2000000};
			nanosleep(&pause, NULL);
		}
		if (read_paint_file(file, &ns, &r.loaded))
			break;
		if (waitpid(pid, &status, WNOHANG) == pid) {
			exited = true;
			break;
		}
		if (now_ms() - t0 > timeout * 1e3)
			break;
		/* a billet that cannot report: the first byte is all there is */
		if (!reports && r.output_ms >= 0 &&
		    now_ms() - t0 > r.output_ms + 1000)
			break;
	}
	if (ns > 0) {
		r.ms = (double)ns / 1e6 - t0; /* the same clock */
	} else if (exited && strstr(seen, "not built yet")) {
		snprintf(r.note, sizeof(r.note), "interface not built");
	} else if (exited) {
		snprintf(r.note, sizeof(r.note), "billet exited (status %d) "
		         "without reporting a first paint",
		         WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	} else if (!reports) {
		snprintf(r.note, sizeof(r.note), "billet does not report it: "
		         "no BILLET_BENCH_FIRST_PAINT in %s", billet);
	} else {
		snprintf(r.note, sizeof(r.note), "no first paint reported in "
		         "%.0f s (BILLET_BENCH_FIRST_PAINT)", timeout);
	}
	if (!exited) {
		/* quit as a person would, then less politely */
		ssize_t w = write(master, "q", 1);
		(void)w;
		double q0 = now_ms();
		while (waitpid(pid, &status, WNOHANG) != pid) {
			if (now_ms() - q0 > 2000) {
				kill(pid, SIGKILL);
				waitpid(pid, &status, 0);
				break;
			}
			if (now_ms() - q0 > 1000)
				kill(pid, SIGTERM);
			struct pollfd p = {.fd = master, .events = POLLIN};
			if (poll(&p, 1, 10) > 0 && (p.revents & POLLIN)) {
				ssize_t n = read(master, out, sizeof(out));
				(void)n;
			}
		}
	}
	close(master);
	/* the report, and any state billet saved under state/ */
	nftw(d, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	return r;
}
