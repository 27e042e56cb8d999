/* SPDX-License-Identifier: MIT */
/* replay: a plain main() for a fuzz target, so that make check (and a
 * debugger, valgrind or an AFL++ build) can run saved inputs without
 * libFuzzer. Each argument is a file, or a directory whose files are
 * replayed in byte order of their names; with no argument, the target's
 * own seed/ and regress/ directories (REPLAY_DIR, set by Makefile.am).
 * Exits 0 when every input ran; a broken invariant aborts. */
#include <dirent.h>
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "fuzz_common.h"

/* Inputs replayed, and how many could not be read. */
static size_t replayed, unreadable;

/* Runs the target on the bytes of one file. */
static void
replay_file(const char *path)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		unreadable++;
		return;
	}
	char *data = NULL;
	size_t len = 0, cap = 0;
	for (;;) {
		if (len == cap) {
			cap = cap ? cap * 2 : 4096;
			char *d = realloc(data, cap);
			if (!d)
				abort();
			data = d;
		}
		size_t got = fread(data + len, 1, cap - len, f);
		len += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		fprintf(stderr, "replay: %s: read error\n", path);
		unreadable++;
	} else {
		/* an exact-size copy, so ASan sees reads past the input */
		uint8_t *exact = malloc(len ? len : 1);
		if (!exact)
			abort();
		memcpy(exact, data, len);
		LLVMFuzzerTestOneInput(exact, len);
		free(exact);
		replayed++;
	}
	free(data);
	fclose(f);
}

/* Compares two names for qsort. */
static int
name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Replays a file, or every file of a directory (not recursively; dot
 * files skipped). A missing directory is fine when optional. */
static void
replay_path(const char *path, int optional)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		if (!optional) {
			fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
			unreadable++;
		}
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		replay_file(path);
		return;
	}
	DIR *d = opendir(path);
	if (!d) {
		fprintf(stderr, "replay: %s: %s\n", path, strerror(errno));
		unreadable++;
		return;
	}
	char **names = NULL;
	size_t n = 0, cap = 0;
	struct dirent *de;
	while ((de = readdir(d))) {
		if (de->d_name[0] == '.')
			continue;
		if (n == cap) {
			cap = cap ? cap * 2 : 64;
			char **v = realloc(names, cap * sizeof(*v));
			if (!v)
				abort();
			names = v;
		}
		size_t len = strlen(path) + strlen(de->d_name) + 2;
		names[n] = malloc(len);
		if (!names[n])
			abort();
		snprintf(names[n], len, "%s/%s", path, de->d_name);
		n++;
	}
	closedir(d);
	qsort(names, n, sizeof(*names), name_cmp);
	for (size_t i = 0; i < n; i++) {
		struct stat fst;
		if (stat(names[i], &fst) == 0 && S_ISREG(fst.st_mode))
			replay_file(names[i]);
		free(names[i]);
	}
	free(names);
}

int
main(int argc, char **argv)
{
	if (argc > 1 && (!strcmp(argv[1], "-h") || !strcmp(argv[1], "--help"))) {
		printf("Usage: %s [FILE|DIR]...\nRuns the fuzz target on each "
		       "input without libFuzzer.\n", argv[0]);
		return 0;
	}
	if (argc > 1) {
		for (int i = 1; i < argc; i++)
			replay_path(argv[i], 0);
	} else {
#ifdef REPLAY_DIR
		replay_path(REPLAY_DIR "/seed", 0);
		replay_path(REPLAY_DIR "/regress", 1);
#else
		fprintf(stderr, "replay: name the inputs to replay\n");
		return 2;
#endif
	}
	printf("replayed %zu input%s\n", replayed, replayed == 1 ? "" : "s");
	return unreadable ? 1 : 0;
}
