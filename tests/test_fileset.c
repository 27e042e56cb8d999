/* SPDX-License-Identifier: MIT */
/* Tests of noticing files that change: the posting files of a list of
 * paths and what changed between two looks (fileset.h), the debounce,
 * and inotify's events as fswatch.h hands them out. */
#include <criterion/criterion.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "config.h"
#include "fileset.h"
#include "fswatch.h"

static char dir[64];

static void
mkdir_tmp(void)
{
	snprintf(dir, sizeof(dir), "/tmp/billet-fileset.XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
}

static void
rm_tmp(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
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

/* dir/name, malloc'd (the paths a look is given stay put). */
static char *
keep(const char *name)
{
	return strdup(at(name));
}

/* Frees paths[0..n). */
static void
free_all(char **paths, size_t n)
{
	for (size_t i = 0; i < n; i++)
		free(paths[i]);
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

/* The entry of fs for dir/name, or NULL. */
static const struct fileset_entry *
find(const struct fileset *fs, const char *name)
{
	const char *p = at(name);
	for (size_t i = 0; i < fs->n; i++)
		if (!strcmp(fs->v[i].path, p))
			return &fs->v[i];
	return NULL;
}

/* A directory of postings, other files, a dot-file, a subdirectory. */
static void
make_tree(void)
{
	mkdir_tmp();
	cr_assert_eq(mkdir(at("jobs"), 0700), 0);
	cr_assert_eq(mkdir(at("jobs/sub"), 0700), 0);
	put("jobs/a.yaml", "title: A\n");
	put("jobs/b.json", "{\"title\": \"B\"}\n");
	put("jobs/c.txt", "not read in a directory\n");
	put("jobs/.a.yaml.swp", "an editor's\n");
	put("jobs/sub/d.yml", "title: D\n");
	put("named.txt", "title: N\n");
}

Test(fileset, the_files_the_loader_reads)
{
	make_tree();
	char *paths[] = {keep("jobs"), keep("named.txt"),
	                 keep("missing.yaml"), keep("jobs/a.yaml")};
	struct fileset fs = {0};
	fileset_scan(&fs, paths, 4, 0);
	/* jobs, jobs/a.yaml (once), jobs/b.json, jobs/sub, jobs/sub/d.yml,
	 * named.txt, missing.yaml */
	cr_assert_eq(fs.n, 7);
	for (size_t i = 1; i < fs.n; i++)
		cr_assert_lt(strcmp(fs.v[i - 1].path, fs.v[i].path), 0);
	cr_assert(find(&fs, "jobs")->dir);
	cr_assert(find(&fs, "jobs")->named);
	cr_assert(find(&fs, "jobs/sub")->dir);
	cr_assert(!find(&fs, "jobs/sub")->named);
	cr_assert(find(&fs, "jobs/a.yaml")->named); /* named too */
	cr_assert_not_null(find(&fs, "jobs/sub/d.yml"));
	cr_assert_null(find(&fs, "jobs/c.txt"));
	cr_assert_null(find(&fs, "jobs/.a.yaml.swp"));
	cr_assert(find(&fs, "named.txt")->exists); /* named: whatever its name */
	cr_assert(!find(&fs, "missing.yaml")->exists);
	cr_assert(!fs.cut);
	fileset_scan(&fs, paths, 4, 3);
	cr_assert(fs.cut);
	cr_assert_leq(fs.n, 3);
	fileset_scan(&fs, paths, 0, 0); /* no paths: nothing */
	cr_assert_eq(fs.n, 0);
	fileset_free(&fs);
	free_all(paths, 4);
	rm_tmp();
}

Test(fileset, markdown_as_the_loader_reads_it)
{
	mkdir_tmp();
	cr_assert_eq(mkdir(at("site"), 0700), 0);
	put("site/job.md", "---\ntitle: J\n---\nText.\n");
	put("site/page.html", "<html><body></body></html>\n");
	put("site/README.md", "# Our site\n");
	put("site/_index.md", "---\ntitle: Jobs\n---\n");
	char *paths[] = {keep("site")};
	struct fileset fs = {0};
	fileset_scan(&fs, paths, 1, 0);
	/* site, site/job.md, site/page.html: what a load reads */
	cr_assert_eq(fs.n, 3);
	cr_assert_not_null(find(&fs, "site/job.md"));
	cr_assert_not_null(find(&fs, "site/page.html"));
	cr_assert_null(find(&fs, "site/README.md"));
	cr_assert_null(find(&fs, "site/_index.md"));
	fileset_free(&fs);
	free_all(paths, 1);
	rm_tmp();
}

Test(fileset, a_loop_is_not_followed)
{
	mkdir_tmp();
	cr_assert_eq(mkdir(at("d"), 0700), 0);
	put("d/a.yaml", "title: A\n");
	cr_assert_eq(symlink("..", at("d/up")), 0);
	char *paths[] = {keep("d")};
	struct fileset fs = {0};
	fileset_scan(&fs, paths, 1, 0);
	/* d, d/a.yaml, d/up (the parent); d/up/d is d again: not read */
	cr_assert_not_null(find(&fs, "d/a.yaml"));
	cr_assert_not_null(find(&fs, "d/up"));
	cr_assert_null(find(&fs, "d/up/d/a.yaml"));
	fileset_free(&fs);
	free_all(paths, 1);
	rm_tmp();
}

/* What changed, described. */
static const char *
described(const struct fileset_diff *d)
{
	static struct buf b;
	buf_clear(&b);
	fileset_diff_describe(d, &b);
	return b.s;
}

Test(fileset, changed_added_removed)
{
	make_tree();
	char *paths[] = {keep("jobs"), keep("named.txt"),
	                 keep("later.yaml")};
	struct fileset before = {0}, now = {0};
	fileset_scan(&before, paths, 3, 0);
	struct fileset_diff d;
	fileset_scan(&now, paths, 3, 0);
	fileset_diff(&before, &now, NULL, 0, &d);
	cr_assert(!fileset_diff_any(&d));
	cr_assert(!d.dirs);
	cr_assert_str_eq(described(&d), "nothing changed");
	fileset_diff_free(&d);

	put("jobs/a.yaml", "title: A, longer now\n");
	put("jobs/sub/e.yaml", "title: E\n");
	cr_assert_eq(unlink(at("jobs/b.json")), 0);
	put("jobs/c.txt", "still not read\n");
	put("later.yaml", "title: L\n"); /* named, and there now */
	fileset_scan(&now, paths, 3, 0);
	fileset_diff(&before, &now, NULL, 0, &d);
	cr_assert_eq(d.changed, 1, "%zu changed: %s", d.changed, d.first);
	cr_assert_eq(d.added, 2);
	cr_assert_eq(d.removed, 1);
	cr_assert_str_eq(d.first, at("jobs/a.yaml"));
	cr_assert(d.dirs); /* jobs and sub have other files */
	cr_assert_str_eq(described(&d),
	                 "1 changed, 2 added, 1 removed (a.yaml…)");
	fileset_diff_free(&d);

	/* the same, as stat sees it, but said to be written */
	fileset_move(&before, &now);
	fileset_scan(&now, paths, 3, 0);
	char *touched[] = {keep("jobs/sub/d.yml")};
	fileset_diff(&before, &now, touched, 1, &d);
	cr_assert_eq(d.changed, 1);
	cr_assert_str_eq(described(&d), "1 changed (d.yml)");
	fileset_diff_free(&d);
	free_all(touched, 1);

	/* removed alone */
	cr_assert_eq(unlink(at("named.txt")), 0);
	fileset_scan(&now, paths, 3, 0);
	fileset_diff(&before, &now, NULL, 0, &d);
	cr_assert_str_eq(described(&d), "1 removed (named.txt)");
	fileset_diff_free(&d);
	fileset_free(&before);
	fileset_free(&now);
	free_all(paths, 3);
	rm_tmp();
}

Test(fileset, a_look_in_a_thread)
{
	make_tree();
	char *paths[] = {keep("jobs")};
	struct fileset fs = {0}, mine = {0};
	fileset_scan(&mine, paths, 1, 0);
	struct fileset_job *j = fileset_job_start(paths, 1, 0);
	cr_assert_not_null(j);
	while (!fileset_job_done(j))
		usleep(1000);
	fileset_job_finish(j, &fs);
	cr_assert_eq(fs.n, mine.n);
	struct fileset_diff d;
	fileset_diff(&mine, &fs, NULL, 0, &d);
	cr_assert(!fileset_diff_any(&d));
	fileset_diff_free(&d);
	/* dropped before it is done: nothing is left behind */
	j = fileset_job_start(paths, 1, 0);
	cr_assert_not_null(j);
	fileset_job_finish(j, NULL);
	fileset_free(&fs);
	fileset_free(&mine);
	free_all(paths, 1);
	rm_tmp();
}

Test(debounce, due_once_after_the_quiet)
{
	struct debounce d = {0};
	cr_assert(!debounce_due(&d, 1000, 300));
	debounce_poke(&d, 1000);
	cr_assert(!debounce_due(&d, 1299, 300));
	debounce_poke(&d, 1200); /* another event: the quiet starts again */
	cr_assert(!debounce_due(&d, 1400, 300));
	cr_assert(debounce_due(&d, 1500, 300));
	cr_assert(!debounce_due(&d, 2000, 300)); /* once */
}

Test(fswatch, the_names_that_matter_in_a_directory)
{
	cr_assert(fswatch_dir_wants("jobs.yaml", false));
	cr_assert(fswatch_dir_wants("jobs.json", false));
	cr_assert(fswatch_dir_wants("more", true));
	cr_assert(!fswatch_dir_wants("jobs.yaml.swp", false));
	cr_assert(!fswatch_dir_wants(".jobs.yaml.swp", false));
	cr_assert(!fswatch_dir_wants(".hidden", true));
	cr_assert(!fswatch_dir_wants("4913", false)); /* vim's test file */
	cr_assert(!fswatch_dir_wants("", false));
}

/* Reads w's events at time t and whether group g is due then; the
 * paths touched go to *touched. */
static bool
due_at(struct fswatch *w, int g, long long t, char ***touched, size_t *n)
{
	fswatch_read(w, t);
	return fswatch_due(w, g, t, touched, n);
}

/* Reads w's events at time t; true when group g is due FSWATCH_QUIET_MS
 * later (and not before). */
static bool
settles(struct fswatch *w, int g, long long t, char ***touched, size_t *n)
{
	if (due_at(w, g, t, touched, n))
		return false;
	if (due_at(w, g, t + FSWATCH_QUIET_MS - 1, touched, n))
		return false;
	return due_at(w, g, t + FSWATCH_QUIET_MS, touched, n);
}

/* True when touched[0..n) has dir/name. */
static bool
has_path(char **touched, size_t n, const char *name)
{
	for (size_t i = 0; i < n; i++)
		if (!strcmp(touched[i], at(name)))
			return true;
	return false;
}

Test(fswatch, events_of_the_files_watched)
{
	make_tree();
	struct fswatch *w = fswatch_new();
	fswatch_begin(w, 0);
	fswatch_dir(w, 0, at("jobs"));
	fswatch_dir(w, 0, at("jobs/sub"));
	fswatch_name(w, 0, at("named.txt"));
	bool ok = fswatch_end(w, 0);
#if defined(__linux__) && defined(HAVE_SYS_INOTIFY_H)
	cr_assert(fswatch_native(w));
	cr_assert(ok);
	char **t;
	size_t n;
	/* an editor's swap file and a file of another name: no matter */
	put("jobs/.a.yaml.swp", "swap\n");
	put("jobs/c.txt", "other\n");
	cr_assert(!due_at(w, 0, 1000, &t, &n));
	cr_assert(!due_at(w, 0, 2000, &t, &n));
	/* a posting written: due once quiet for FSWATCH_QUIET_MS */
	put("jobs/a.yaml", "title: A2\n");
	put("jobs/sub/new.yaml", "title: New\n");
	cr_assert(settles(w, 0, 3000, &t, &n));
	cr_assert_eq(n, 2);
	cr_assert(has_path(t, n, "jobs/a.yaml"));
	cr_assert(has_path(t, n, "jobs/sub/new.yaml"));
	fswatch_touched_free(t, n);
	cr_assert(!due_at(w, 0, 5000, &t, &n));
	/* the named file replaced by a rename, as editors save */
	put("named.txt.tmp", "title: N2\n");
	cr_assert(!due_at(w, 0, 6000, &t, &n)); /* not its name */
	cr_assert_eq(rename(at("named.txt.tmp"), at("named.txt")), 0);
	cr_assert(settles(w, 0, 7000, &t, &n));
	cr_assert(has_path(t, n, "named.txt"));
	fswatch_touched_free(t, n);
	/* a group of its own: the other is not told */
	fswatch_begin(w, 1);
	fswatch_name(w, 1, at("config"));
	cr_assert(fswatch_end(w, 1));
	put("config", "set watch = on\n");
	cr_assert(settles(w, 1, 8000, &t, &n));
	cr_assert(has_path(t, n, "config"));
	fswatch_touched_free(t, n);
	cr_assert(!settles(w, 0, 9000, &t, &n));
	/* a directory dropped from the group is no longer told of */
	fswatch_begin(w, 0);
	fswatch_dir(w, 0, at("jobs"));
	cr_assert(fswatch_end(w, 0));
	put("jobs/sub/d.yml", "title: D2\n");
	cr_assert(!settles(w, 0, 10000, &t, &n));
	put("jobs/a.yaml", "title: A3\n");
	cr_assert(settles(w, 0, 11000, &t, &n));
	fswatch_touched_free(t, n);
	/* a named file in a directory that is not there: looked for */
	fswatch_begin(w, 0);
	fswatch_name(w, 0, at("nowhere/jobs.yaml"));
	cr_assert(!fswatch_end(w, 0));
#else
	cr_assert(!fswatch_native(w));
	cr_assert(!ok); /* the caller looks itself */
#endif
	fswatch_free(w);
	rm_tmp();
}

Test(fswatch, too_many_directories_are_looked_at_instead)
{
	mkdir_tmp();
	struct fswatch *w = fswatch_new();
	fswatch_begin(w, 0);
	for (int i = 0; i <= FSWATCH_MAX; i++) {
		char name[32];
		snprintf(name, sizeof(name), "d%d", i);
		cr_assert_eq(mkdir(at(name), 0700), 0);
		fswatch_dir(w, 0, at(name));
	}
	cr_assert(!fswatch_end(w, 0));
#if defined(__linux__) && defined(HAVE_SYS_INOTIFY_H)
	/* its watches are let go: a file written is not told of */
	char **t;
	size_t n;
	put("d1/a.yaml", "title: A\n");
	cr_assert(!settles(w, 0, 1000, &t, &n));
	/* fewer: watched again */
	fswatch_begin(w, 0);
	fswatch_dir(w, 0, at("d1"));
	cr_assert(fswatch_end(w, 0));
	put("d1/a.yaml", "title: A2\n");
	cr_assert(settles(w, 0, 2000, &t, &n));
	fswatch_touched_free(t, n);
#endif
	fswatch_free(w);
	rm_tmp();
}
