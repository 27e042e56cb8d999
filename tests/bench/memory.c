/* SPDX-License-Identifier: MIT */
/* memory: what a load costs in memory: the peak resident set of a child
 * process that does only one work (the baseline, a load, a load and its
 * index), and what fresh memory costs this machine, in ms a MB. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "arena.h"
#include "catalog.h"
#include "index.h"
#include "load.h"
#include "bench.h"

/* How the last child of child_peak_kb ended, when it failed. */
char child_failure[128];

/* Peak resident set of a child that does only the given work, in KiB
 * (ru_maxrss from wait4), or -1 with child_failure set. Run while this
 * process is still small: a forked child starts with its parent's pages
 * counted. */
long
child_peak_kb(const char *path, enum child_work work)
{
	child_failure[0] = '\0';
	fflush(stdout);
	fflush(stderr);
	int fd[2];
	if (pipe(fd) != 0) {
		snprintf(child_failure, sizeof(child_failure), "pipe: %s",
		         strerror(errno));
		return -1;
	}
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(child_failure, sizeof(child_failure), "fork: %s",
		         strerror(errno));
		close(fd[0]);
		close(fd[1]);
		return -1;
	}
	if (pid == 0) {
		/* what the child says goes to the parent, to be quoted */
		close(fd[0]);
		dup2(fd[1], 2);
		close(fd[1]);
		if (work == CHILD_BASELINE) {
			size_t errors;
			baseline_parse(path, &errors);
		} else if (work == CHILD_LOAD || work == CHILD_INDEX) {
			struct catalog c;
			catalog_init(&c);
			load_path(&c, path, &limits);
			/* not freed: the peak is what matters */
			if (work == CHILD_INDEX)
				index_build(c.v, c.n);
		}
		_exit(0);
	}
	/* read all the child says (and pass it on), keeping its first line */
	close(fd[1]);
	char said[100] = "", buf[4096];
	size_t nsaid = 0;
	ssize_t n;
	while ((n = read(fd[0], buf, sizeof(buf))) > 0 ||
	       (n < 0 && errno == EINTR)) {
		if (n <= 0)
			continue;
		fwrite(buf, 1, (size_t)n, stderr);
		for (ssize_t i = 0; i < n && nsaid + 1 < sizeof(said); i++) {
			if (buf[i] == '\n')
				nsaid = sizeof(said); /* the first line only */
			else
				said[nsaid++] = buf[i];
		}
		if (nsaid < sizeof(said))
			said[nsaid] = '\0';
	}
	close(fd[0]);
	int status;
	struct rusage ru;
	if (wait4(pid, &status, 0, &ru) != pid) {
		snprintf(child_failure, sizeof(child_failure), "wait4: %s",
		         strerror(errno));
		return -1;
	}
	if (WIFSIGNALED(status)) {
		snprintf(child_failure, sizeof(child_failure), "killed by "
		         "signal %d", WTERMSIG(status));
		return -1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(child_failure, sizeof(child_failure), "exited with "
		         "status %d%s%s%s", WEXITSTATUS(status),
		         said[0] ? " (\"" : "", said, said[0] ? "\")" : "");
		return -1;
	}
	return ru.ru_maxrss;
}


/* The cost of fresh memory on this machine, in ms a MB: mb MB mapped as
 * the loader maps a big file (huge pages where the kernel gives them)
 * and written once (*fresh), then freed, mapped and written again at
 * once (*again). A load must put the corpus's text in memory of its
 * own; the baseline reads the page cache and needs none. On a VM whose
 * host takes back the guest's free memory, the first write can cost ten
 * times the second: that spread is the machine's, not billet's. */
void
memory_cost(size_t mb, double *fresh, double *again)
{
	double ms[2];
	for (int k = 0; k < 2; k++) {
		size_t mapped;
		char *p = arena_map_huge(mb << 20, &mapped);
		if (!p) {
			*fresh = *again = -1;
			return;
		}
		double t0 = now_ms();
		memset(p, k + 1, mb << 20);
		ms[k] = now_ms() - t0;
		munmap(p, mapped);
	}
	*fresh = ms[0] / (double)mb;
	*again = ms[1] / (double)mb;
}
