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

/* The lines of the file at path. */
static int
file_lines(const char *path)
{
	FILE *f = fopen(path, "r");
	cr_assert_not_null(f);
	int lines = 0;
	for (int ch; (ch = fgetc(f)) != EOF;)
		lines += ch == '\n';
	fclose(f);
	return lines;
}

Test(history, unique_lines_move_to_the_end)
{
	mkdir_tmp();
	char path[256];
	snprintf(path, sizeof(path), "%s/state/billet/filter-history", dir);
	struct history h;
	history_open_unique(&h, path, 3);
	history_add(&h, "is:marked");
	history_add(&h, "workplace:remote");
	history_add(&h, "is:marked"); /* again: it moves to the end */
	cr_assert_eq(h.n, 2);
	cr_assert_str_eq(h.v[0], "workplace:remote");
	cr_assert_str_eq(h.v[1], "is:marked");
	history_add(&h, "title:nurse");
	history_add(&h, "org:acme"); /* past the most kept */
	cr_assert_eq(h.n, 3);
	cr_assert_str_eq(h.v[0], "is:marked");
	history_close(&h);
	/* the file repeats a line: the last place counts */
	cr_assert_eq(file_lines(path), 5);
	history_open_unique(&h, path, 3);
	cr_assert_eq(h.n, 3);
	cr_assert_str_eq(h.v[0], "is:marked");
	cr_assert_str_eq(h.v[1], "title:nurse");
	cr_assert_str_eq(h.v[2], "org:acme");
	/* a line typed over and over is written once when read again */
	for (int i = 0; i < 100; i++)
		history_add(&h, i % 2 ? "a" : "b");
	cr_assert_eq(h.n, 3);
	history_close(&h);
	history_open_unique(&h, path, 3);
	cr_assert_str_eq(h.v[0], "org:acme");
	cr_assert_str_eq(h.v[1], "b");
	cr_assert_str_eq(h.v[2], "a");
	history_close(&h);
	cr_assert_eq(file_lines(path), 3);
	/* the : prompt's history keeps a line each time */
	history_open(&h, path, 10);
	history_add(&h, "b");
	history_add(&h, "a");
	cr_assert_eq(h.n, 5);
	history_close(&h);
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
