/* SPDX-License-Identifier: MIT */
/* clock: an LD_PRELOAD shim that sets the time a real billet reads, so a
 * test can take it past midnight (tests/ui-deadline.sh). BILLET_CLOCK
 * names a file holding a number of seconds since the epoch: time()
 * returns it, read again at every call, so the test moves the clock by
 * writing the file; without the variable, or when the file cannot be read
 * as a number, time() is the real one. */
#define _GNU_SOURCE
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

time_t
time(time_t *t)
{
	const char *path = getenv("BILLET_CLOCK");
	long long v = 0;
	bool set = false;
	if (path && *path) {
		FILE *f = fopen(path, "r");
		if (f) {
			set = fscanf(f, "%lld", &v) == 1;
			fclose(f);
		}
	}
	struct timespec ts;
	time_t now = set ? (time_t)v
	                 : clock_gettime(CLOCK_REALTIME, &ts) == 0 ? ts.tv_sec
	                                                           : (time_t)-1;
	if (t)
		*t = now;
	return now;
}
