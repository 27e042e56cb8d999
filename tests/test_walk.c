/* SPDX-License-Identifier: MIT */
/* Tests of reading a directory: the walk (load/walk.h) and what the
 * loader says of each file it finds, in path order, whether the walk
 * stat'd the file or took its directory entry's word that it is a
 * regular file; and many small files, more than the planner keeps
 * ahead of its workers, loaded in order on one worker and on several. */
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "catalog.h"
#include "load.h"
#include "load/walk.h"

static char dir[64];

static void
mkdir_tmp(void)
{
	snprintf(dir, sizeof(dir), "/tmp/billet-walk.XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void
rm_tmp(void)
{
	char cmd[256];
	snprintf(cmd, sizeof(cmd), "chmod -R u+rwx '%s'; rm -rf '%s'", dir, dir);
	cr_assert_eq(system(cmd), 0);
}

/* dir/name, in a static buffer of its own (four in turn). */
static const char *
at(const char *name)
{
	static char b[4][256];
	static int k;
	k = (k + 1) % 4;
	snprintf(b[k], sizeof(b[k]), "%s/%s", dir, name);
	return b[k];
}

/* Writes text to dir/name. */
static void
put(const char *name, const char *text)
{
	FILE *f = fopen(at(name), "w");
	cr_assert_not_null(f, "%s", at(name));
	fputs(text, f);
	cr_assert_eq(fclose(f), 0);
}

/* True when reading dir/sub gives name the d_type DT_REG: the walk can
 * take its word there. */
static bool
says_regular(const char *sub, const char *name)
{
	DIR *d = opendir(at(sub));
	cr_assert_not_null(d);
	bool reg = false;
	struct dirent *de;
	while ((de = readdir(d)))
		if (!strcmp(de->d_name, name))
			reg = de->d_type == DT_REG;
	closedir(d);
	return reg;
}

/* The problems walk_dir reported, one line each. */
static char said[1024];

static void
note(void *ctx, const char *path, bool error, const char *msg)
{
	(void)ctx;
	size_t k = strlen(said);
	snprintf(said + k, sizeof(said) - k, "%s: %s: %s\n",
	         path + strlen(dir) + 1, error ? "error" : "warning", msg);
}

Test(walk, entries_in_path_order_regular_ones_taken_at_their_word)
{
	mkdir_tmp();
	put("b.yml", "title: B\norganization: O\n");
	put("a.yaml", "title: A\norganization: O\n");
	put("c.txt", "not a posting\n");
	put(".hidden.yaml", "title: H\norganization: O\n");
	cr_assert_eq(mkdir(at("sub"), 0755), 0);
	put("sub/e.json", "{\"title\": \"E\", \"organization\": \"O\"}\n");
	cr_assert_eq(symlink("a.yaml", at("link.yaml")), 0);
	cr_assert_eq(symlink("missing.yaml", at("dangling.yaml")), 0);
	bool fifo = mkfifo(at("fifo.yaml"), 0600) == 0;
	struct stat st;
	cr_assert_eq(stat(dir, &st), 0);
	atomic_bool cancel = false;
	struct walk_files f = {0};
	said[0] = '\0';
	walk_dir(dir, &st, &cancel, note, NULL, &f);
	const char *want[] = {"a.yaml", "b.yml", "fifo.yaml", "link.yaml",
	                      "sub/e.json"};
	size_t nwant = sizeof(want) / sizeof(*want);
	cr_assert_eq(f.n, fifo ? nwant : nwant - 1);
	for (size_t i = 0, j = 0; i < nwant; i++) {
		if (!fifo && !strcmp(want[i], "fifo.yaml"))
			continue;
		cr_assert_str_eq(f.v[j].path, at(want[i]));
		j++;
	}
	/* the dangling link is said, as a stat says it */
	cr_assert_str_eq(said, "dangling.yaml: error: No such file or "
	                       "directory\n");
	/* a link and a FIFO are never taken at their entry's word */
	for (size_t i = 0; i < f.n; i++) {
		const char *base = f.v[i].path + strlen(dir) + 1;
		if (!strcmp(base, "link.yaml") || !strcmp(base, "fifo.yaml"))
			cr_assert(!f.v[i].regular, "%s", base);
		else if (!strcmp(base, "sub/e.json"))
			cr_assert_eq(f.v[i].regular, says_regular("sub", "e.json"));
		else
			cr_assert_eq(f.v[i].regular, says_regular(".", base),
			             "%s", base);
	}
	walk_free(&f);
	rm_tmp();
}

/* "name:line:col: error|warning: msg" of problem i of c. */
static const char *
problem(const struct catalog *c, size_t i)
{
	static char b[512];
	const struct problem *p = &c->problems[i];
	snprintf(b, sizeof(b), "%s:%u:%u: %s: %s", p->file + strlen(dir) + 1,
	         p->line, p->col, p->error ? "error" : p->note ? "note"
	                                                      : "warning",
	         p->msg);
	return b;
}

Test(walk, each_file_of_a_directory_said_in_path_order)
{
	mkdir_tmp();
	put("a.yaml", "title: A\norganization: O\n");
	/* over the limit below, found by its entry: said as when stat'd */
	char big[400];
	memset(big, '#', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	put("b.yaml", big);
	put("c.yaml", "title: C\norganization: O\n");
	cr_assert_eq(chmod(at("c.yaml"), 0), 0);
	bool closed = access(at("c.yaml"), R_OK) != 0; /* not as root */
	put("d.yaml", "");
	bool fifo = mkfifo(at("e.yaml"), 0600) == 0;
	put("f.src", "title: F\norganization: O\n"); /* not a posting's name */
	cr_assert_eq(symlink("f.src", at("f.yaml")), 0);
	cr_assert_eq(mkdir(at("g"), 0755), 0);
	put("g/h.yaml", "title: H\norganization: O\n");
	put("g/i.yaml", big);
	struct load_limits lim = load_default_limits;
	lim.max_file = 300;
	struct catalog c;
	catalog_init(&c);
	load_path(&c, dir, &lim);
	const char *want[] = {
		"b.yaml:0:0: error: file of 399 bytes exceeds the limit of 300 "
		"(see --max-file); not read",
		"c.yaml:0:0: error: cannot open: Permission denied",
		"d.yaml:0:0: warning: empty file: no postings",
		"e.yaml:0:0: warning: a FIFO, not a regular file; not read",
		"g/i.yaml:0:0: error: file of 399 bytes exceeds the limit of 300 "
		"(see --max-file); not read",
	};
	size_t k = 0;
	for (size_t i = 0; i < sizeof(want) / sizeof(*want); i++) {
		if ((!closed && i == 1) || (!fifo && i == 3))
			continue;
		cr_assert(k < c.nproblems, "missing: %s", want[i]);
		cr_assert_str_eq(problem(&c, k), want[i]);
		k++;
	}
	cr_assert_eq(c.nproblems, k);
	/* a, c (when root reads it), f (the link to f.src), h */
	cr_assert_eq(c.n, closed ? 3 : 4);
	cr_assert_str_eq(c.v[0]->title, "A");
	cr_assert_str_eq(c.v[c.n - 2]->title, "F");
	cr_assert_str_eq(c.v[c.n - 1]->title, "H");
	catalog_free(&c);
	rm_tmp();
}

/* Loads n small files (more than the planner keeps ahead) on threads
 * workers and checks they come in path order, every one. */
static void
many_small_files(const char *threads)
{
	mkdir_tmp();
	enum { N = 700 };
	char name[64], text[128];
	cr_assert_eq(mkdir(at("0"), 0755), 0);
	cr_assert_eq(mkdir(at("1"), 0755), 0);
	for (int i = 0; i < N; i++) {
		snprintf(name, sizeof(name), "%d/p%04d.yaml", i / 500, i);
		snprintf(text, sizeof(text), "title: T%04d\norganization: O\n%s%d\n",
		         i, i % 97 ? "#" : "---\ntitle: U\norganization: P", i);
		put(name, text);
	}
	cr_assert_eq(setenv("BILLET_THREADS", threads, 1), 0);
	struct catalog c;
	catalog_init(&c);
	load_path(&c, dir, NULL);
	cr_assert_eq(c.nproblems, 0, "%s", c.nproblems ? c.problems[0].msg
	                                               : "");
	cr_assert_eq(c.nfiles, N);
	cr_assert_eq(c.n, N + (N + 96) / 97);
	size_t k = 0;
	for (int i = 0; i < N; i++) {
		snprintf(text, sizeof(text), "T%04d", i);
		cr_assert_str_eq(c.v[k]->title, text);
		k++;
		if (i % 97 == 0) {
			cr_assert_str_eq(c.v[k]->title, "U");
			k++;
		}
	}
	catalog_free(&c);
	rm_tmp();
}

Test(walk, many_small_files_in_order_on_one_worker)
{
	many_small_files("1");
}

Test(walk, many_small_files_in_order_on_three_workers)
{
	many_small_files("3");
}
