/* SPDX-License-Identifier: MIT */
/* Tests of what billet keeps between runs (history.h): the `:` prompt's
 * lines, and the last run's filter and sort. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "history.h"

static char dir[64];

static void
mkdir_tmp(void)
{
	snprintf(dir, sizeof(dir), "/tmp/billet-history.XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void
rm_tmp(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

Test(history, lines_kept_across_runs)
{
	mkdir_tmp();
	char path[256];
	snprintf(path, sizeof(path), "%s/state/billet/history", dir);
	struct history h;
	history_open(&h, path, 3);
	cr_assert_eq(h.n, 0);
	history_add(&h, "set sort = salary");
	history_add(&h, "set sort = salary"); /* the last one again */
	history_add(&h, "   ");                /* blank */
	history_add(&h, "bad\x1b[31m");       /* a control character */
	history_add(&h, "bind list J MOVE_DOWN");
	cr_assert_eq(h.n, 2);
	history_close(&h);
	struct stat st;
	cr_assert_eq(stat(path, &st), 0);
	cr_assert_eq(st.st_mode & 0777, 0600);
	history_open(&h, path, 3);
	cr_assert_eq(h.n, 2);
	cr_assert_str_eq(h.v[0], "set sort = salary");
	cr_assert_str_eq(h.v[1], "bind list J MOVE_DOWN");
	for (int i = 0; i < 10; i++) {
		char l[32];
		snprintf(l, sizeof(l), "set split-width = %d", 100 + i);
		history_add(&h, l);
	}
	cr_assert_eq(h.n, 3);
	cr_assert_str_eq(h.v[2], "set split-width = 109");
	history_close(&h);
	/* the file grew past twice the most kept: trimmed when read */
	history_open(&h, path, 3);
	cr_assert_eq(h.n, 3);
	cr_assert_str_eq(h.v[0], "set split-width = 107");
	history_close(&h);
	FILE *f = fopen(path, "r");
	int lines = 0;
	for (int ch; (ch = fgetc(f)) != EOF;)
		lines += ch == '\n';
	fclose(f);
	cr_assert_eq(lines, 3);
	rm_tmp();
}

Test(history, last_filter_and_sort)
{
	mkdir_tmp();
	char path[256];
	snprintf(path, sizeof(path), "%s/s/billet/last", dir);
	char *filter, *sort;
	cr_assert_not(history_last_load(path, &filter, &sort));
	cr_assert(history_last_save(path, "workplace:remote \"a b\"",
	                            "-salary", NULL));
	cr_assert(history_last_load(path, &filter, &sort));
	cr_assert_str_eq(filter, "workplace:remote \"a b\"");
	cr_assert_str_eq(sort, "-salary");
	free(filter);
	free(sort);
	cr_assert(history_last_save(path, "", NULL, NULL));
	cr_assert(history_last_load(path, &filter, &sort));
	cr_assert_null(filter);
	cr_assert_null(sort);
	rm_tmp();
}

Test(history, dir)
{
	setenv("XDG_STATE_HOME", "/x/state", 1);
	char *d = history_dir();
	cr_assert_str_eq(d, "/x/state/billet");
	free(d);
	setenv("XDG_STATE_HOME", "rel", 1);
	setenv("HOME", "/home/u", 1);
	d = history_dir();
	cr_assert_str_eq(d, "/home/u/.local/state/billet");
	free(d);
}
