/* SPDX-License-Identifier: MIT */
/* watch: the posting files and the config files watched while billet
 * runs. The posting files are told of by inotify (fswatch.h) or looked
 * at every few seconds; a look (fileset.h, in a thread) says what
 * changed since the catalog shown was read; then every file is read
 * again in the background into a catalog of its own, indexed in a
 * thread, and put in place of the one shown in one step (list_replace),
 * the cursor, the filter, the sort, the scroll and the state kept; the
 * message line says what changed. Nothing here waits for a key. */
#include "view.h"

#include "config.h"

#include <pthread.h>
#include <signal.h>
#include <stdatomic.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "fileset.h"
#include "fswatch.h"
#include "index.h"

/* The groups of watches. */
enum { G_POSTINGS, G_CONF };

/* How often the files are looked at without inotify (ms), unless
 * BILLET_WATCH_POLL_MS says; a look that costs more makes it rarer. */
#define POLL_MS 2000

/* An index of a catalog read again, built in a thread. */
struct indexing {
	pthread_t thread;
	struct catalog *cat;         /* read only meanwhile */
	struct query_index *ix;      /* the result */
	atomic_bool done;
	bool threaded;               /* in a thread (else done already) */
};

struct watch {
	struct fswatch *fw;          /* the watches */
	bool on;                     /* set watch = on */
	bool native;                 /* the posting files are told of */
	struct fileset files;        /* the posting files as the catalog
	                              * shown was read from them */
	bool have_files;             /* files holds a look */
	struct fileset_job *job;     /* a look under way, or NULL */
	bool job_base;               /* it is the look of a load begun */
	struct timespec began;       /* when that load began (the real
	                              * clock, as files' times are) */
	bool check;                  /* events came: look */
	char **touched;              /* the paths they named (malloc'd) */
	size_t ntouched;
	long long looked_ms;         /* when the last look began */
	long long look_cost_ms;      /* how long it took */
	struct loader *loader;       /* a reload under way, or NULL */
	struct catalog *next;        /* what it reads into (malloc'd) */
	struct indexing *indexing;   /* next being indexed, or NULL */
	struct fileset next_files;   /* the look the reload began from */
	struct fileset_diff diff;    /* what changed, said once it shows */
	bool conf_due;               /* the config files had events */
};

/* Milliseconds on a monotonic clock. */
static long long
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Runs fn(arg) in a thread that leaves the signals to this one. */
static bool
spawn(pthread_t *t, void *(*fn)(void *), void *arg)
{
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	int r = pthread_create(t, NULL, fn, arg);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	return r == 0;
}

/* The indexing thread. */
static void *
indexing_main(void *arg)
{
	struct indexing *x = arg;
	x->ix = index_build(x->cat->v, x->cat->n);
	atomic_store(&x->done, true);
	return NULL;
}

/* Forgets the paths events named. */
static void
touched_clear(struct watch *w)
{
	fswatch_touched_free(w->touched, w->ntouched);
	w->touched = NULL;
	w->ntouched = 0;
}

/* Adds the paths of an event burst to those not looked at yet. */
static void
touched_add(struct watch *w, char **t, size_t n)
{
	w->touched = xrealloc(w->touched,
	                      (w->ntouched + n + 1) * sizeof(*w->touched));
	for (size_t i = 0; i < n; i++)
		w->touched[w->ntouched++] = t[i];
	free(t);
}

/* Drops the reload under way in the background, if any. */
static void
reload_drop(struct watch *w)
{
	if (w->loader) {
		loader_free(w->loader); /* its memory goes to next */
		w->loader = NULL;
	}
	if (w->indexing) {
		if (w->indexing->threaded)
			pthread_join(w->indexing->thread, NULL);
		index_free(w->indexing->ix);
		free(w->indexing);
		w->indexing = NULL;
	}
	if (w->next) {
		catalog_free(w->next);
		free(w->next);
		w->next = NULL;
	}
	fileset_free(&w->next_files);
	fileset_diff_free(&w->diff);
}

/* Drops the look under way, if any. */
static void
look_drop(struct watch *w)
{
	if (w->job)
		fileset_job_finish(w->job, NULL);
	w->job = NULL;
}

/* Sets the posting files' watches from a look. */
static void
watches_set(struct watch *w, const struct fileset *fs)
{
	fswatch_begin(w->fw, G_POSTINGS);
	for (size_t i = 0; i < fs->n; i++) {
		const struct fileset_entry *e = &fs->v[i];
		if (e->dir)
			fswatch_dir(w->fw, G_POSTINGS, e->path);
		if (e->named)
			fswatch_name(w->fw, G_POSTINGS, e->path);
	}
	w->native = fswatch_end(w->fw, G_POSTINGS);
}

/* Starts reading every posting file again into a catalog of its own. */
static void
reload_start(struct ui *ui, struct fileset *fs, struct fileset_diff *d)
{
	struct watch *w = ui->watch;
	reload_drop(w);
	fileset_move(&w->next_files, fs);
	w->diff = *d;
	*d = (struct fileset_diff){0};
	w->next = xcalloc(1, sizeof(*w->next));
	catalog_init(w->next);
	size_t n;
	char **paths = list_paths(ui, &n);
	const struct load_limits *lim = ui->cfg->limits ? ui->cfg->limits
	                                                : &load_default_limits;
	sigset_t all, old;
	sigfillset(&all);
	pthread_sigmask(SIG_BLOCK, &all, &old);
	w->loader = loader_start(paths, n, lim);
	pthread_sigmask(SIG_SETMASK, &old, NULL);
	list_paths_free(paths);
}

/* A look ended with fs: a load's is kept; a check's is compared with
 * it, and what changed is read again. */
static void
looked(struct ui *ui, struct fileset *fs)
{
	struct watch *w = ui->watch;
	w->look_cost_ms = now_ms() - w->looked_ms;
	if (w->job_base) {
		fileset_move(&w->files, fs);
		w->have_files = true;
		watches_set(w, &w->files);
		/* The look ran beside the load, and the watches come after
		 * both: a file written meanwhile told nothing. One written
		 * after the load began may have been looked at as it is now
		 * but read as it was: it is read again; and one check now
		 * finds what changed between the look and the watches. */
		for (size_t i = 0; i < w->files.n; i++) {
			const struct fileset_entry *e = &w->files.v[i];
			if (e->dir || !e->exists || !w->began.tv_sec ||
			    e->mtime.tv_sec < w->began.tv_sec ||
			    (e->mtime.tv_sec == w->began.tv_sec &&
			     e->mtime.tv_nsec < w->began.tv_nsec))
				continue;
			char **t = xcalloc(1, sizeof(*t));
			t[0] = xstrdup(e->path);
			touched_add(w, t, 1);
		}
		w->check = true;
		return;
	}
	struct fileset_diff d;
	fileset_diff(&w->files, fs, w->touched, w->ntouched, &d);
	touched_clear(w);
	if (d.dirs) /* a directory came or went: watched, or no more */
		watches_set(w, fs);
	if (fileset_diff_any(&d))
		reload_start(ui, fs, &d);
	else
		fileset_move(&w->files, fs); /* a directory's times */
	fileset_diff_free(&d);
	fileset_free(fs);
}

/* Starts a look at the posting files; base: the look of a load begun
 * (what the catalog is read from), else a check for changes. */
static void
look_start(struct ui *ui, bool base)
{
	struct watch *w = ui->watch;
	look_drop(w);
	size_t n;
	char **paths = list_paths(ui, &n);
	w->looked_ms = now_ms();
	w->job_base = base;
	w->job = fileset_job_start(paths, n, 0);
	if (!w->job) { /* no thread: look here */
		struct fileset fs = {0};
		fileset_scan(&fs, paths, n, 0);
		looked(ui, &fs);
	}
	list_paths_free(paths);
}

/* Says what the reload that is now shown changed. shown: the id of the
 * posting the detail showed, or NULL. */
static void
say_reloaded(struct ui *ui, const char *shown)
{
	struct watch *w = ui->watch;
	struct buf m = {0};
	if (shown && !catalog_find(ui->cat, shown)) /* first: it matters */
		buf_adds(&m, "this posting is gone from the files (shown as it "
		         "was until you leave it); ");
	buf_adds(&m, "reloaded: ");
	fileset_diff_describe(&w->diff, &m);
	size_t nn = ui->cat->nnotes, np = ui->cat->nproblems - nn;
	if (np)
		buf_adds(&m, "; problems: press !");
	ui_message(ui, np > 0, "%s", m.s);
	buf_free(&m);
}

/* Takes the reload's next step: merges what the loader read; once it
 * is all read, indexes it in a thread; once indexed, shows it. */
static void
reload_step(struct ui *ui)
{
	struct watch *w = ui->watch;
	if (w->loader) {
		if (!loader_poll(w->loader, w->next))
			return;
		loader_free(w->loader);
		w->loader = NULL;
		w->indexing = xcalloc(1, sizeof(*w->indexing));
		w->indexing->cat = w->next;
		atomic_init(&w->indexing->done, false);
		w->indexing->threaded = spawn(&w->indexing->thread,
		                              indexing_main, w->indexing);
		if (!w->indexing->threaded)
			indexing_main(w->indexing); /* no thread: here */
		return;
	}
	if (!w->indexing || !atomic_load(&w->indexing->done))
		return;
	if (w->indexing->threaded)
		pthread_join(w->indexing->thread, NULL);
	struct query_index *ix = w->indexing->ix;
	free(w->indexing);
	w->indexing = NULL;
	/* the detail's posting, known by its id once its memory is gone */
	char *shown = NULL;
	if (view_top(ui) == ui->detail) {
		struct detail_place pl;
		detail_place_get(ui->detail, &pl);
		if (pl.p && pl.generation == ui->generation)
			shown = xstrdup(pl.p->id);
	}
	list_replace(ui, w->next, ix);
	free(w->next);
	w->next = NULL;
	fileset_move(&w->files, &w->next_files);
	say_reloaded(ui, shown);
	free(shown);
	fileset_diff_free(&w->diff);
}

void
watch_open(struct ui *ui)
{
	struct watch *w = xcalloc(1, sizeof(*w));
	ui->watch = w;
	w->fw = fswatch_new();
	w->on = conf_bool(ui->conf, CO_WATCH);
	watch_conf_files(ui);
}

void
watch_close(struct ui *ui)
{
	struct watch *w = ui->watch;
	if (!w)
		return;
	look_drop(w);
	reload_drop(w);
	touched_clear(w);
	fileset_free(&w->files);
	fswatch_free(w->fw);
	free(w);
	ui->watch = NULL;
}

void
watch_load_started(struct ui *ui)
{
	struct watch *w = ui->watch;
	if (!w)
		return;
	reload_drop(w); /* the load begun reads the files anyway */
	/* and what the events told so far (E's editor) is in it */
	fswatch_forget(w->fw, G_POSTINGS, now_ms());
	touched_clear(w);
	w->check = false;
	w->have_files = false;
	clock_gettime(CLOCK_REALTIME, &w->began);
	if (w->on)
		look_start(ui, true);
}

long long
watch_poll_ms(void)
{
	static long long ms;
	if (!ms) {
		const char *e = getenv("BILLET_WATCH_POLL_MS");
		char *end;
		long long v = e && *e ? strtoll(e, &end, 10) : 0;
		ms = v > 0 && !*end ? v : POLL_MS;
	}
	return ms;
}

/* The interval between looks at the posting files without inotify. */
static long long
poll_interval(const struct watch *w)
{
	long long t = w->look_cost_ms * 20;
	return t > watch_poll_ms() ? t : watch_poll_ms();
}

/* watch turned on or off. */
static void
switched(struct ui *ui)
{
	struct watch *w = ui->watch;
	if (w->on) {
		/* what changed while off is read too: a check against the
		 * files as they were read (else the load's look comes) */
		if (!ui->loader)
			look_start(ui, !w->have_files);
		if (w->have_files)
			watches_set(w, &w->files);
		return;
	}
	look_drop(w);
	reload_drop(w);
	touched_clear(w);
	w->check = false;
	fswatch_begin(w->fw, G_POSTINGS);
	fswatch_end(w->fw, G_POSTINGS);
}

void
watch_tick(struct ui *ui)
{
	struct watch *w = ui->watch;
	if (!w)
		return;
	long long now = now_ms();
	fswatch_read(w->fw, now);
	char **t;
	size_t nt;
	if (fswatch_due(w->fw, G_CONF, now, &t, &nt)) {
		w->conf_due = true;
		fswatch_touched_free(t, nt);
	}
	bool on = conf_bool(ui->conf, CO_WATCH);
	if (on != w->on) {
		w->on = on;
		switched(ui);
	}
	if (!on)
		return;
	if (fswatch_due(w->fw, G_POSTINGS, now, &t, &nt)) {
		touched_add(w, t, nt);
		w->check = true;
	}
	if (w->job) {
		if (!fileset_job_done(w->job))
			return;
		struct fileset fs = {0};
		fileset_job_finish(w->job, &fs);
		w->job = NULL;
		looked(ui, &fs);
		return;
	}
	if (ui->loader) /* a load by hand: its look is the next */
		return;
	if (w->loader || w->indexing) {
		reload_step(ui);
		return;
	}
	if (!w->have_files) {
		look_start(ui, true);
		return;
	}
	if (w->check || (!w->native && now - w->looked_ms >= poll_interval(w))) {
		w->check = false;
		look_start(ui, false);
	}
}

bool
watch_conf_due(struct ui *ui)
{
	struct watch *w = ui->watch;
	if (!w || !w->conf_due)
		return false;
	w->conf_due = false;
	return true;
}

void
watch_conf_files(struct ui *ui)
{
	struct watch *w = ui->watch;
	if (!w)
		return;
	const struct conf *c = ui->conf;
	fswatch_begin(w->fw, G_CONF);
	for (size_t i = 0; i < c->nfiles; i++)
		fswatch_name(w->fw, G_CONF, c->files[i].path);
	fswatch_end(w->fw, G_CONF); /* else settings_tick's looks do */
}
