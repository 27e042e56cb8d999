/* SPDX-License-Identifier: MIT */
/* The state matched to the postings: a mark never moves to another
 * posting (two jobs.yml, a posting replaced in its file, postings that
 * share an id told apart by title and organization), entries that match
 * nothing found, an old state file carried over with nothing lost, and
 * the store of seen postings damaged or written by two processes. */
#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "catalog.h"
#include "identity.h"
#include "load.h"
#include "orphans.h"
#include "seen.h"
#include "snapshot.h"
#include "state.h"

static char dir[64];
static char path[128];   /* dir/state.yaml */
static char store[128];  /* dir/state.seen.db */

static void
setup(void)
{
	snprintf(dir, sizeof(dir), "/tmp/billet-upgrade-XXXXXX");
	cr_assert_not_null(mkdtemp(dir));
	snprintf(path, sizeof(path), "%s/state.yaml", dir);
	snprintf(store, sizeof(store), "%s/state.seen.db", dir);
}

static void
teardown(void)
{
	char cmd[128];
	snprintf(cmd, sizeof(cmd), "rm -rf '%s'", dir);
	cr_assert_eq(system(cmd), 0);
}

TestSuite(upgrade, .init = setup, .fini = teardown);

/* Writes text to dir/name (directories made). */
static void
put(const char *name, const char *text)
{
	char p[256];
	snprintf(p, sizeof(p), "%s/%s", dir, name);
	char *slash = strrchr(p, '/');
	*slash = '\0';
	char cmd[300];
	snprintf(cmd, sizeof(cmd), "mkdir -p '%s'", p);
	cr_assert_eq(system(cmd), 0);
	*slash = '/';
	FILE *f = fopen(p, "w");
	cr_assert_not_null(f, "%s", p);
	fputs(text, f);
	fclose(f);
}

/* The bytes of a file (malloc'd), NULL when it is not there. */
static char *
slurp(const char *p)
{
	FILE *f = fopen(p, "rb");
	if (!f)
		return NULL;
	struct buf b = {0};
	char chunk[65536];
	size_t n;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	fclose(f);
	return b.s ? buf_steal(&b) : strdup("");
}

/* Loads the files (paths under dir) into c, anew. */
static void
load(struct catalog *c, const char *const *names, size_t n)
{
	catalog_free(c);
	catalog_init(c);
	for (size_t i = 0; i < n; i++) {
		char p[256];
		snprintf(p, sizeof(p), "%s/%s", dir, names[i]);
		load_path(c, p, NULL);
	}
	cr_assert_eq(c->nerrors, 0);
}

/* The state, attached to c (saving what attaching changes). */
static struct state *
attached(struct catalog *c, struct state_attach_report *rep)
{
	struct state_error err;
	struct state *st = state_open(path, &err);
	cr_assert(state_writable(st), "%s", err.msg);
	cr_assert(state_attach(st, c, true, rep, &err), "%s", err.msg);
	return st;
}

/* The posting of c with this title. */
static struct posting *
titled(const struct catalog *c, const char *title)
{
	for (size_t i = 0; i < c->n; i++)
		if (!strcmp(c->v[i]->title, title))
			return c->v[i];
	cr_assert_fail("no posting titled %s", title);
	return NULL;
}

/* The mark of the posting titled so, as the state sees it. */
static bool
marked(struct state *st, const struct catalog *c, const char *title)
{
	const struct state_entry *e = state_get(st, titled(c, title)->id);
	return e && e->marked;
}

/* ---- marks never move ---- */

/* Two files named jobs.yml: a mark on one is not on the other, in either
 * load order. */
Test(upgrade, two_jobs_yml_keep_their_own_marks)
{
	put("one/jobs.yml", "title: Organizer\norganization: East\n");
	put("two/jobs.yml", "title: Organizer\norganization: West\n");
	struct catalog c;
	catalog_init(&c);
	const char *ab[] = {"one", "two"}, *ba[] = {"two", "one"};
	load(&c, ab, 2);
	struct state *st = attached(&c, NULL);
	struct state_error err;
	cr_assert(state_set_mark(st, titled(&c, "Organizer")->id, true, &err),
	          "%s", err.msg);
	state_close(st);
	load(&c, ba, 2);
	st = attached(&c, NULL);
	cr_assert_str_eq(c.v[1]->org.name, "East");
	cr_assert(state_get(st, c.v[1]->id)->marked, "East's, loaded second");
	cr_assert_null(state_get(st, c.v[0]->id), "West has none");
	state_close(st);
	catalog_free(&c);
}

/* A posting removed from its file and another put in its place: the
 * newcomer has none of its marks; the entry is said to match nothing,
 * with the title and organization it records. */
Test(upgrade, a_posting_replaced_in_its_file_inherits_nothing)
{
	put("p/jobs.yml", "title: Canvasser\norganization: O\n---\n"
	    "title: Organizer\norganization: O\n");
	struct catalog c;
	catalog_init(&c);
	const char *p[] = {"p"};
	load(&c, p, 1);
	struct state_attach_report rep;
	struct state *st = attached(&c, &rep);
	cr_assert_eq(rep.orphans, 0);
	struct state_error err;
	cr_assert(state_set_note(st, titled(&c, "Canvasser")->id, "call Ana",
	                         &err), "%s", err.msg);
	cr_assert(state_set_rating(st, titled(&c, "Organizer")->id, 4, &err));
	state_close(st);
	put("p/jobs.yml", "title: Driver\norganization: O\n---\n"
	    "title: Organizer\norganization: O\n");
	load(&c, p, 1);
	st = attached(&c, &rep);
	cr_assert_null(state_get(st, titled(&c, "Driver")->id));
	cr_assert_eq(state_get(st, titled(&c, "Organizer")->id)->rating, 4);
	cr_assert_eq(rep.orphans, 1);
	cr_assert_eq(state_orphans(st), 1);
	const struct state_entry *o = NULL;
	for (size_t i = 0; i < state_count(st); i++)
		if (state_is_orphan(st, state_at(st, i)))
			o = state_at(st, i);
	cr_assert_not_null(o);
	cr_assert_str_eq(o->note, "call Ana");
	cr_assert_str_eq(o->title, "Canvasser");
	cr_assert_str_eq(o->org, "O");
	/* listed, in every format */
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);
	orphans_print(f, st, FMT_TEXT, false);
	fclose(f);
	cr_assert(strstr(out, "  Canvasser — O: note\n"), "%s", out);
	free(out);
	f = open_memstream(&out, &len);
	orphans_print(f, st, FMT_TSV, true);
	fclose(f);
	cr_assert(strstr(out, "id\ttitle\torganization\tmarked\thidden\t"
	                      "rating\tstatus\tnote\n"), "%s", out);
	cr_assert(strstr(out, "\tCanvasser\tO\t0\t0\t\t\tcall Ana\n"), "%s",
	          out);
	free(out);
	state_close(st);
	catalog_free(&c);
}

/* Two postings that share an id (given in two files): each entry follows
 * the posting whose title and organization it records, whatever order
 * they load in. */
Test(upgrade, twins_follow_their_title_and_organization)
{
	put("a/x.yaml", "id: same\ntitle: Alpha\norganization: O\n");
	put("b/x.yaml", "id: same\ntitle: Beta\norganization: O\n");
	struct catalog c;
	catalog_init(&c);
	const char *ab[] = {"a", "b"}, *ba[] = {"b", "a"};
	load(&c, ab, 2);
	struct state *st = attached(&c, NULL);
	cr_assert_str_eq(titled(&c, "Beta")->id, "same~2");
	struct state_error err;
	cr_assert(state_set_mark(st, "same~2", true, &err), "%s", err.msg);
	cr_assert(state_set_rating(st, "same", 2, &err), "%s", err.msg);
	cr_assert_str_eq(state_get(st, "same~2")->title, "Beta");
	state_close(st);
	char *file = slurp(path);
	cr_assert(strstr(file, "same~2:\n  marked: true\n  title: Beta\n"
	                       "  organization: O\n"), "%s", file);
	free(file);

	/* the other order: Beta loads first and is given "same"... */
	load(&c, ba, 2);
	cr_assert_str_eq(titled(&c, "Beta")->id, "same");
	struct state_attach_report rep;
	st = attached(&c, &rep);
	/* ...and the state gives the ids back */
	cr_assert(rep.renamed);
	cr_assert_str_eq(titled(&c, "Beta")->id, "same~2");
	cr_assert_str_eq(titled(&c, "Alpha")->id, "same");
	cr_assert_eq(catalog_find(&c, "same~2"), titled(&c, "Beta"));
	cr_assert(marked(st, &c, "Beta"));
	cr_assert_not(marked(st, &c, "Alpha"));
	cr_assert_eq(state_get(st, "same")->rating, 2);
	cr_assert_eq(rep.orphans, 0);
	state_close(st);

	/* retitled: the entry matches neither, and is given to neither */
	put("b/x.yaml", "id: same\ntitle: Gamma\norganization: O\n");
	load(&c, ab, 2);
	st = attached(&c, &rep);
	cr_assert_str_eq(titled(&c, "Alpha")->id, "same");
	cr_assert_str_neq(titled(&c, "Gamma")->id, "same~2");
	cr_assert_str_eq(titled(&c, "Gamma")->id, "same~3");
	cr_assert_null(state_get(st, "same~3"));
	cr_assert_eq(rep.orphans, 1);
	cr_assert(state_get(st, "same~2")->marked, "kept, matching nothing");
	cr_assert(state_is_orphan(st, state_get(st, "same~2")));
	state_close(st);
	catalog_free(&c);
}

/* ---- an old state file ---- */

/* The fixture copied into dir, with many.yaml written beside it. */
static void
old_setup(struct catalog *c)
{
	char cmd[512];
	snprintf(cmd, sizeof(cmd), "cp -R '%s/upgrade/postings' '%s/' && "
	         "cp '%s/upgrade/state.yaml' '%s/'", TEST_DATA, dir, TEST_DATA,
	         dir);
	cr_assert_eq(system(cmd), 0);
	struct buf b = {0};
	for (int i = 1; i <= 3000; i++)
		buf_printf(&b, "---\ntitle: Posting %d\norganization: Many\n", i);
	put("postings/many.yaml", b.s);
	buf_free(&b);
	catalog_init(c);
	const char *p[] = {"postings"};
	load(c, p, 1);
	cr_assert_eq(c->n, 3000 + 12);
}

/* The posting whose old id was old. */
static struct posting *
by_old(const struct catalog *c, const char *old)
{
	struct posting *found = NULL;
	for (size_t i = 0; i < c->n; i++) {
		struct buf b = {0};
		identity_legacy(&b, c->v[i]);
		if (!strcmp(b.s, old))
			found = c->v[i];
		buf_free(&b);
	}
	return found;
}

/* Read only (--list): the old file is read as it is and left as it is;
 * its entries are carried over in memory. */
Test(upgrade, an_old_file_reads_unchanged)
{
	struct catalog c;
	old_setup(&c);
	char *before = slurp(path);
	struct state_error err;
	struct state *st = state_open(path, &err);
	cr_assert_eq(err.msg[0], '\0', "%s", err.msg);
	struct state_attach_report rep;
	cr_assert(state_attach(st, &c, false, &rep, &err), "%s", err.msg);
	cr_assert_eq(rep.moved, 3000 + 4, "many#N, jobs#3, single, req-77, "
	             "odd-keys");
	cr_assert(state_get(st, by_old(&c, "jobs#3")->id));
	cr_assert_eq(state_get(st, by_old(&c, "jobs#3")->id)->status,
	             QSTATUS_INTERVIEWING);
	cr_assert(state_is_read(st, by_old(&c, "many#10")->id));
	cr_assert_not(state_is_new(st, by_old(&c, "many#11")->id));
	state_close(st);
	char *after = slurp(path);
	cr_assert_str_eq(after, before, "left as it is");
	cr_assert_null(slurp(store), "no store written");
	free(before);
	free(after);
	catalog_free(&c);
}

Test(upgrade, an_old_file_is_carried_over_with_nothing_lost)
{
	struct catalog c;
	old_setup(&c);
	char *before = slurp(path);
	struct state_attach_report rep;
	struct state *st = attached(&c, &rep);
	cr_assert_eq(rep.moved, 3004);
	cr_assert_eq(rep.orphans, 3, "jobs#1, jobs#2, gone#4");
	struct state_error news;
	cr_assert(state_news(st, &news));
	cr_assert(!strncmp(news.msg, "3 state entries match no posting: "
	                   "billet --list --orphans; ", 59), "%s", news.msg);
	cr_assert(strstr(news.msg, "/state.yaml is upgraded, the old file "
	                 "kept as state.yaml.bak: seen and read postings are "
	                 "now in state.seen.db; 3004 entries moved to the "
	                 "postings' new ids"), "%s", news.msg);
	cr_assert_not(state_news(st, &news), "said once");
	state_close(st);

	/* the old file kept beside it, byte for byte */
	char bak[160];
	snprintf(bak, sizeof(bak), "%s.bak", path);
	char *kept = slurp(bak);
	cr_assert_str_eq(kept, before);
	free(kept);
	free(before);

	/* the new file: what the user wrote, and no seen or read */
	char *now = slurp(path);
	cr_assert_eq(strncmp(now, "# billet state 2", 16), 0, "%s", now);
	cr_assert_null(strstr(now, "seen:"), "%s", now);
	cr_assert_null(strstr(now, "read:"), "%s", now);
	cr_assert_null(strstr(now, "many#"), "moved, or recording nothing");
	cr_assert(strstr(now, "jobs#1:\n  marked: true\n  note: the one with "
	                      "the union\n"), "kept as it was:\n%s", now);
	cr_assert(strstr(now, "gone#4:\n  note: the one in Oakland; its file "
	                      "is gone\n"), "%s", now);
	cr_assert(strstr(now, "  applied_via: email\n"), "%s", now);
	cr_assert(strstr(now, "  tags: [later, maybe]\n"), "%s", now);
	free(now);

	/* everything there, on the postings it was on */
	struct state_error err;
	st = state_open(path, &err);
	cr_assert_eq(err.msg[0], '\0', "%s", err.msg);
	cr_assert(state_attach(st, &c, true, &rep, &err));
	cr_assert_eq(rep.moved, 0, "once");
	const struct state_entry *e =
		state_get(st, "nyic-upstate-director-advocacy");
	cr_assert(e->marked);
	cr_assert_eq(e->rating, 5);
	cr_assert_eq(e->status, QSTATUS_APPLIED);
	cr_assert_str_eq(e->note, "Called Maria on 3/2 about the Buffalo "
	                 "office.\nFollow up the week after.");
	cr_assert_str_eq(e->title, "Upstate Director of Advocacy");
	cr_assert_str_eq(e->org, "New York Immigration Coalition");
	cr_assert(state_is_read(st, "nyic-upstate-director-advocacy"));
	e = state_get(st, by_old(&c, "jobs#3")->id);
	cr_assert_eq(e->status, QSTATUS_INTERVIEWING);
	cr_assert_str_eq(e->title, "Field Director");
	cr_assert(state_is_read(st, e->id));
	cr_assert(state_get(st, by_old(&c, "single")->id)->hidden);
	cr_assert(state_get(st, "east-bay-votes-req-77")->marked);
	cr_assert(state_is_read(st, "east-bay-votes-req-77"));
	cr_assert_eq(state_get(st, "twin")->rating, 4);
	cr_assert_str_eq(state_get(st, "twin")->title, "Twin in A");
	cr_assert_eq(state_get(st, "twin~2")->rating, 1);
	cr_assert_str_eq(state_get(st, "twin~2")->title, "Twin in B");
	cr_assert_not_null(state_get(st, by_old(&c, "odd-keys")->id));
	cr_assert_eq(state_get(st, "jobs#1")->marked, true);
	cr_assert_null(state_get(st, "jobs#1")->title);
	cr_assert(state_is_orphan(st, state_get(st, "jobs#1")));
	cr_assert(state_is_orphan(st, state_get(st, "jobs#2")));
	cr_assert(state_is_orphan(st, state_get(st, "gone#4")));
	for (int i = 1; i <= 3000; i++) {
		char old[16];
		snprintf(old, sizeof(old), "many#%d", i);
		const char *id = by_old(&c, old)->id;
		cr_assert_not(state_is_new(st, id), "%s", old);
		cr_assert_eq(state_is_read(st, id), i % 10 == 0, "%s", old);
		if (i % 500 == 7)
			cr_assert_eq(state_get(st, id)->rating, 1 + i % 5);
	}
	state_close(st);

	/* nothing changed: nothing written */
	struct stat a, b;
	cr_assert_eq(stat(path, &a), 0);
	st = attached(&c, &rep);
	state_close(st);
	cr_assert_eq(stat(path, &b), 0);
	cr_assert_eq(a.st_ino, b.st_ino);
	cr_assert_eq(a.st_mtim.tv_nsec, b.st_mtim.tv_nsec);
	catalog_free(&c);
}

/* A save before the postings are all loaded (a mark at once in the
 * interface) changes what the user changed, and nothing else: the old
 * ids, seen and read stay, and no line says they are carried over; the
 * load that ends then carries them over. */
Test(upgrade, a_save_before_the_load_keeps_the_old_ids)
{
	struct catalog c;
	old_setup(&c);
	struct state_error err;
	struct state *st = state_open(path, &err);
	cr_assert(state_set_mark(st, "nyic-upstate-director-advocacy", false,
	                         &err), "%s", err.msg);
	char *mid = slurp(path);
	cr_assert_neq(strncmp(mid, "# billet state 2", 16), 0, "%s", mid);
	cr_assert(strstr(mid, "\njobs#3:\n"), "%s", mid);
	cr_assert(strstr(mid, "\nmany#20:\n  read: true\n  seen: true\n"));
	cr_assert(strstr(mid, "nyic-upstate-director-advocacy:\n  read: true\n"
	                      "  seen: true\n  rating: 5\n"), "unmarked:\n%s",
	          mid);
	free(mid);
	char bak[160];
	snprintf(bak, sizeof(bak), "%s.bak", path);
	cr_assert_null(slurp(bak), "nothing moved yet");
	state_close(st);
	struct state_attach_report rep;
	st = attached(&c, &rep);
	cr_assert_eq(rep.moved, 3004);
	cr_assert(state_is_read(st, by_old(&c, "many#20")->id));
	cr_assert_eq(state_get(st, by_old(&c, "jobs#3")->id)->status,
	             QSTATUS_INTERVIEWING);
	state_close(st);
	char *now = slurp(path);
	cr_assert_eq(strncmp(now, "# billet state 2", 16), 0, "%s", now);
	free(now);
	catalog_free(&c);
}

/* ---- the store, damaged or shared ---- */

Test(upgrade, a_damaged_store_is_rebuilt_and_the_users_file_untouched)
{
	put("p/jobs.yml", "title: A\norganization: O\n---\n"
	    "title: B\norganization: O\n");
	struct catalog c;
	catalog_init(&c);
	const char *p[] = {"p"};
	load(&c, p, 1);
	struct state *st = attached(&c, NULL);
	struct state_error err;
	cr_assert(state_set_mark(st, c.v[0]->id, true, &err));
	cr_assert(state_set_read(st, c.v[1]->id, true, &err));
	cr_assert(state_seen_all(st, &c, &err), "%s", err.msg);
	state_close(st);
	char *mine = slurp(path);
	char *db = slurp(store);
	cr_assert_not_null(db);
	/* a bit flipped in the records */
	FILE *f = fopen(store, "r+b");
	fseek(f, 50, SEEK_SET);
	fputc('x', f);
	fclose(f);
	st = state_open(path, &err);
	state_defer_seen(st);
	cr_assert(state_attach(st, &c, true, NULL, &err), "%s", err.msg);
	cr_assert_not(state_load_seen(st, &err));
	cr_assert(strstr(err.msg, "state.seen.db is damaged (its checksum "
	                 "does not match): it is rebuilt"), "%s", err.msg);
	cr_assert(state_is_new(st, c.v[0]->id), "nothing of it believed");
	cr_assert(state_get(st, c.v[0]->id)->marked, "the mark is the user's");
	cr_assert(state_seen_all(st, &c, &err), "%s", err.msg);
	state_close(st);
	char *again = slurp(path);
	cr_assert_str_eq(again, mine, "the user's file untouched");
	st = state_open(path, &err);
	cr_assert(state_load_seen(st, &err), "%s", err.msg);
	cr_assert_not(state_is_new(st, c.v[1]->id), "rebuilt");
	state_close(st);
	free(mine);
	free(again);
	free(db);
	catalog_free(&c);
}

/* Two processes record seen and read postings at once, each saving
 * after every change: none is lost. */
Test(upgrade, two_processes_share_the_store)
{
	enum { N = 60 };
	pid_t pid = fork();
	cr_assert_geq(pid, 0);
	const char *who = pid == 0 ? "child" : "parent";
	struct state_error err;
	struct state *st = state_open(path, &err);
	bool ok = true;
	for (int i = 0; i < N; i++) {
		char id[32];
		snprintf(id, sizeof(id), "%s-%d", who, i);
		ok &= state_set_read(st, id, true, &err);
		if (i % 7 == 0)
			ok &= state_set_mark(st, id, true, &err);
	}
	state_close(st);
	if (pid == 0)
		_exit(ok ? 0 : 1);
	int status;
	cr_assert_eq(waitpid(pid, &status, 0), pid);
	cr_assert(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	cr_assert(ok, "%s", err.msg);
	st = state_open(path, &err);
	for (int i = 0; i < N; i++) {
		char id[32];
		snprintf(id, sizeof(id), "child-%d", i);
		cr_assert(state_is_read(st, id), "%s", id);
		cr_assert_eq(state_get(st, id) != NULL, i % 7 == 0, "%s", id);
		snprintf(id, sizeof(id), "parent-%d", i);
		cr_assert(state_is_read(st, id), "%s", id);
	}
	state_close(st);
}

/* What a read posting said, kept for a later run: its fingerprint in the
 * store, the posting beside it; a failed write keeps it pending, says
 * that only billet's own records are not saved, and loses nothing. */
static ssize_t
failing_write(int fd, const void *buf, size_t n)
{
	(void)fd;
	(void)buf;
	(void)n;
	errno = EIO;
	return -1;
}

Test(upgrade, a_read_posting_is_kept_as_it_was)
{
	put("p/jobs.yml", "id: kept\ntitle: Organizer\norganization: O\n"
	    "salary: 50000\n");
	struct catalog c;
	catalog_init(&c);
	const char *p[] = {"p"};
	load(&c, p, 1);
	struct state *st = attached(&c, NULL);
	struct state_error err;
	cr_assert(state_set_mark(st, "kept", true, &err), "%s", err.msg);
	struct atomic_io real = atomic_io;
	atomic_io.write = failing_write;
	bool ok = state_keep_read(st, c.v[0], &err);
	atomic_io = real;
	cr_assert_not(ok);
	cr_assert(err.store_only, "%s", err.msg);
	cr_assert(strstr(err.msg, "Input/output error"), "%s", err.msg);
	cr_assert(state_unsaved(st));
	cr_assert(state_save(st, &err), "%s", err.msg);
	state_close(st);
	put("p/jobs.yml", "id: kept\ntitle: Organizer\norganization: O\n"
	    "salary: 60000\n");
	struct catalog now;
	catalog_init(&now);
	load(&now, p, 1);
	st = attached(&now, NULL);
	uint64_t fp;
	cr_assert(state_fingerprint(st, "kept", &fp));
	cr_assert_neq(fp, snapshot_fingerprint(now.v[0]), "it changed since");
	struct catalog then;
	catalog_init(&then);
	const struct posting *was = state_as_read(st, "kept", &then);
	cr_assert_not_null(was);
	cr_assert_eq(was->salary.max, 50000);
	cr_assert_eq(fp, snapshot_fingerprint(was));
	cr_assert(state_get(st, "kept")->marked);
	state_close(st);
	catalog_free(&then);
	catalog_free(&now);
	catalog_free(&c);
}
