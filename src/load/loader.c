/* SPDX-License-Identifier: MIT */
/* load/loader: load_path, load_buffer, load_bytes and the loader in the
 * background: a planner that walks the paths (directories by load/walk)
 * and cuts big files into units, workers that parse them, and finished
 * units handed to load/merge in path order. */
#include "load.h"
#include "load/frontmatter.h"
#include "load/page.h"
#include "load/xml.h"
#include "load/reader.h"
#include "load/walk.h"
#include "load/merge.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

const struct load_limits load_default_limits = {
	.max_file = (size_t)256 << 20,
	.max_scalar = (size_t)1 << 20,
	.max_depth = 64,
	.max_nodes = 100000,
	.max_postings = 1000000,
};

/* Files up to this size are read into the heap, bigger ones into memory
 * mapped for them. */
#define SMALL_FILE ((size_t)1 << 20)
/* Units planned ahead of the workers, at most, and their bytes: bounds
 * the memory while a big directory or file is read. A planner that met
 * the bound waits until the workers have taken half of what was ahead,
 * not for each unit taken: a wake-up a unit cost a directory of small
 * files some three context switches a file. */
#define MAX_PENDING 256
#define MAX_PENDING_BYTES ((size_t)32 << 20)

/* Parses a unit by what its file is: front matter and Markdown, a job
 * page, XML, or YAML (and JSON). */
static void
unit_parse(struct unit *u, struct arena *keep, const struct load_limits *lim,
           const atomic_bool *cancel)
{
	/* a file of front matter, a page, is one unit: plan_file does not
	 * cut it */
	switch (u->first && u->last ? page_kind(u->file, u->buf, u->len)
	                            : PAGE_NONE) {
	case PAGE_FRONT_MATTER:
		frontmatter_parse_unit(u, keep, lim, cancel);
		break;
	case PAGE_HTML:
		page_parse_unit(u, keep, lim, cancel);
		break;
	case PAGE_XML:
		xml_parse_unit(u, keep, lim, cancel);
		break;
	case PAGE_NONE:
		parse_unit(u, keep, lim, cancel);
		break;
	}
}

/* load_buffer and load_bytes: map, when given, holds buf. */
static size_t
load_memory(struct catalog *c, const char *name, const char *buf, size_t len,
            const struct load_limits *lim, struct filemap *map)
{
	if (!lim)
		lim = &load_default_limits;
	struct unit *u = calloc(1, sizeof(*u));
	if (!u)
		die_nomem();
	catalog_init(&u->part);
	u->file = arena_strdup(&u->part.arena, name);
	if (!u->file)
		die_nomem();
	size_t before = c->n;
	if (len > lim->max_file) {
		arena_take(&c->arena, &u->part.arena);
		c->nfiles++;
		catalog_problem(c, u->file, 0, 0, true, "file of %zu bytes "
		                "exceeds the limit of %zu (see --max-file); not "
		                "read", len, lim->max_file);
		unit_free(u);
		filemap_release(map);
		return 0;
	}
	u->buf = buf;
	u->len = len;
	u->first = u->last = true;
	u->file_size = len;
	u->map = map;
	atomic_bool never = false;
	page_init();
	unit_parse(u, &c->arena, lim, &never);
	struct fmerge m;
	merge_begin(c, &m, u);
	merge_unit(c, &m, u, u->docs != 1, lim);
	unit_free(u);
	return c->n - before;
}

size_t
load_buffer(struct catalog *c, const char *name, const char *buf, size_t len,
            const struct load_limits *lim)
{
	return load_memory(c, name, buf, len, lim, NULL);
}

size_t
load_bytes(struct catalog *c, const char *name, char *buf, size_t len,
           const struct load_limits *lim)
{
	struct filemap *map = calloc(1, sizeof(*map));
	if (!map)
		die_nomem();
	map->mem = buf;
	map->len = len;
	map->keep_text = true;
	atomic_init(&map->left, 1); /* the unit's */
	return load_memory(c, name, buf ? buf : "", len, lim, map);
}

/* The loader: a planner and workers -------------------------------------- */

/* Loading in the background. Units are planned in file order, parsed by
 * the workers in any order, merged in plan order by loader_poll. */
struct loader {
	pthread_mutex_t lock;
	pthread_cond_t work;       /* a unit was planned, or planning ended */
	pthread_cond_t room;       /* the workers took half of what was
	                            * ahead of them */
	bool waits;                /* the planner waits on room */
	struct unit **units;       /* planned so far */
	size_t nunits, cap;
	size_t next_parse;         /* the next unit a worker takes */
	size_t pending_bytes;      /* bytes of the units planned, not taken */
	size_t next_merge;         /* the next unit to merge */
	bool planned;              /* the planner is done */
	atomic_bool cancel;
	char **paths;
	size_t npaths;
	struct load_limits lim;
	pthread_t planner;
	pthread_t *workers;
	struct arena *arenas;      /* one a worker: what the units keep */
	struct arena_pool *pool;   /* their big blocks, made ready by the
	                            * planner while it waits */
	size_t pool_max;           /* how many: one a worker when a core is
	                            * left for it, else none */
	int nworkers, started;
	struct catalog *into;      /* the catalog units are merged into */
	struct fmerge fm;          /* the file being merged */
	size_t postings;           /* merged so far */
	size_t files_done, files_planned;
	size_t bytes_done;         /* of the units merged */
	size_t bytes_found;        /* of the files found so far */
};

/* True when more than 1/part of MAX_PENDING units or of
 * MAX_PENDING_BYTES are planned and not taken yet (l->lock held). */
static bool
ahead_over(const struct loader *l, size_t part)
{
	return l->nunits > l->next_parse &&
	       (l->nunits - l->next_parse > MAX_PENDING / part ||
	        l->pending_bytes > MAX_PENDING_BYTES / part);
}

/* Adds a planned unit and wakes a worker. */
static void
plan_unit(struct loader *l, struct unit *u)
{
	/* ahead of the workers: their arenas' next blocks made ready */
	arena_pool_fill(l->pool, l->pool_max);
	pthread_mutex_lock(&l->lock);
	/* over the bound: on when the workers have taken half */
	bool over = ahead_over(l, 1);
	while (over && ahead_over(l, 2) &&
	       !atomic_load_explicit(&l->cancel, memory_order_relaxed)) {
		l->waits = true;
		pthread_cond_wait(&l->room, &l->lock);
		l->waits = false;
		pthread_mutex_unlock(&l->lock);
		arena_pool_fill(l->pool, l->pool_max);
		pthread_mutex_lock(&l->lock);
	}
	if (u->len != (size_t)-1)
		l->pending_bytes += u->len;
	if (l->nunits == l->cap) {
		size_t cap = l->cap ? l->cap * 2 : 256;
		struct unit **v = realloc(l->units, cap * sizeof(*v));
		if (!v)
			die_nomem();
		l->units = v;
		l->cap = cap;
	}
	l->units[l->nunits++] = u;
	if (u->last)
		l->files_planned++;
	pthread_cond_signal(&l->work);
	pthread_mutex_unlock(&l->lock);
}

/* Records a problem of the planning (a path as a whole) as a unit of its
 * own, so it is reported in order. */
static void
plan_problem(struct loader *l, const char *path, bool error, const char *msg)
{
	struct unit *u = calloc(1, sizeof(*u));
	if (!u)
		die_nomem();
	catalog_init(&u->part);
	u->file = arena_strdup(&u->part.arena, path);
	if (!u->file)
		die_nomem();
	catalog_problem(&u->part, u->file, 0, 0, error, "%s", msg);
	u->first = u->last = true;
	u->done = true;
	u->file_size = 1;
	u->len = (size_t)-1; /* marks a problem-only unit */
	plan_unit(l, u);
}

/* What a file that is not a regular file is, for messages. */
static const char *
file_kind(mode_t mode)
{
	return S_ISFIFO(mode) ? "a FIFO"
	     : S_ISCHR(mode) ? "a character device"
	     : S_ISBLK(mode) ? "a block device"
	     : S_ISSOCK(mode) ? "a socket"
	     : S_ISDIR(mode) ? "a directory" : "not a regular file";
}

/* True (and the problem planned) when a file of st's size is over the
 * limit. */
static bool
plan_too_big(struct loader *l, const char *path, const struct stat *st)
{
	if ((size_t)st->st_size <= l->lim.max_file)
		return false;
	char msg[300];
	snprintf(msg, sizeof(msg), "file of %lld bytes exceeds the limit of "
	         "%zu (see --max-file); not read", (long long)st->st_size,
	         l->lim.max_file);
	plan_problem(l, path, true, msg);
	return true;
}

/* Plans the units of one regular file: split at document markers into
 * runs of about chunk bytes when it is big. st is its stat, or NULL for
 * a file its directory entry says is regular: then it is opened without
 * a stat first, and what a stat first would have said is said when the
 * open fails. */
static void
plan_file(struct loader *l, const char *path, const struct stat *st)
{
	char msg[300];
	if (st && plan_too_big(l, path, st))
		return;
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	if (fd < 0) {
		int err = errno;
		struct stat pst;
		if (!st && stat(path, &pst) != 0) {
			plan_problem(l, path, true, strerror(errno));
			return;
		}
		if (!st && plan_too_big(l, path, &pst))
			return;
		snprintf(msg, sizeof(msg), "cannot open: %s", strerror(err));
		plan_problem(l, path, true, msg);
		return;
	}
	/* what was opened is a regular file still, not a FIFO or a
	 * device put in its place since it was found */
	struct stat ost;
	bool fstat_ok = fstat(fd, &ost) == 0;
	if (fstat_ok && !S_ISREG(ost.st_mode)) {
		snprintf(msg, sizeof(msg), "%s, not a regular file; not read",
		         file_kind(ost.st_mode));
		close(fd);
		plan_problem(l, path, true, msg);
		return;
	}
	if (!st) {
		if (!fstat_ok) { /* never seen: said as a stat would */
			plan_problem(l, path, true, strerror(errno));
			close(fd);
			return;
		}
		if (plan_too_big(l, path, &ost)) {
			close(fd);
			return;
		}
		st = &ost;
	}
	pthread_mutex_lock(&l->lock);
	l->bytes_found += (size_t)st->st_size;
	pthread_mutex_unlock(&l->lock);
	/* The file is read, not mapped: a mapped file cut short by another
	 * program while it is parsed would kill billet (SIGBUS). A big one
	 * is read a piece at a time into memory of its own, and cut into
	 * runs of documents as it comes, so the workers start at once; they
	 * keep the postings' text in its bytes (parse_unit). */
	struct filemap *map = calloc(1, sizeof(*map));
	if (!map)
		die_nomem();
	map->len = (size_t)st->st_size;
	atomic_init(&map->left, 1); /* this function's own hold */
	char *buf = NULL;
	if (map->len > 0 && map->len <= SMALL_FILE) {
		/* small files in the heap: a mapping each would run into the
		 * kernel's limit on mappings with many files planned */
		buf = map->mem = malloc(map->len);
		if (!buf)
			die_nomem();
	} else if (map->len > 0) {
		buf = map->addr = arena_map_huge(map->len, &map->maplen);
		if (!buf)
			die_nomem();
		map->keep_text = true;
	}
	size_t len = map->len, got = 0, start = 0, scanned = 0, look = 0;
	size_t chunk = (size_t)1 << 20; /* a run: about this many bytes */
	size_t ahead = (size_t)4 << 20; /* read this much at a time */
	bool split = len > 2 * chunk, failed = false;
	const char *name = NULL;
	bool more = true; /* read on before cutting */
	for (;;) {
		bool end = got == len || failed;
		if (!end && more) {
			size_t want = len - got < ahead ? len - got : ahead;
			ssize_t k = read(fd, buf + got, want);
			if (k < 0 && errno == EINTR)
				continue;
			if (k <= 0) {
				snprintf(msg, sizeof(msg), "cannot read all of "
				         "it: %s; read as far as it goes",
				         k < 0 ? strerror(errno)
				               : "it shrank while it was read");
				failed = true;
				continue;
			}
			got += (size_t)k;
			/* never split a UTF-16 file or one with directives */
			if (split && scanned == 0 && got >= 2 &&
			    ((unsigned char)buf[0] == 0xFF ||
			     (unsigned char)buf[0] == 0xFE))
				split = false;
			/* nor a page, nor a file of front matter */
			if (split && scanned == 0 &&
			    page_kind(path, buf, got) != PAGE_NONE)
				split = false;
			if (split && bytes_has_directive(buf + scanned,
			                                 got - scanned,
			                                 scanned == 0 ||
			                                 buf[scanned - 1] == '\n'))
				split = false;
			scanned = got;
		}
		more = true;
		/* the runs that are complete: a document marker whose line is
		 * read whole ends one */
		size_t cut = end ? got : start;
		if (look < start + chunk)
			look = start + chunk;
		if (!end && split && got > look) {
			size_t m = runs_next_marker(buf, got, look);
			if (m + 4 <= got)
				cut = m;
			else /* the lines up to the last few bytes have none */
				look = got - 4;
		}
		if (cut == start && !end)
			continue;
		struct unit *u = calloc(1, sizeof(*u));
		if (!u)
			die_nomem();
		catalog_init(&u->part);
		/* the unit's own arena holds only the file's name (what it
		 * parses goes into its worker's arena): a small block */
		u->part.arena.first = strlen(path) + 256;
		if (!name) {
			name = arena_strdup(&u->part.arena, path);
			if (!name)
				die_nomem();
		}
		u->file = name;
		u->buf = buf ? buf + start : "";
		u->len = cut - start;
		u->off0 = start;
		u->first = start == 0;
		u->last = end;
		u->file_size = end ? got : len;
		u->map = map;
		if (end && failed) {
			u->read_error = strdup(msg);
			if (!u->read_error)
				die_nomem();
		}
		atomic_fetch_add(&map->left, 1);
		plan_unit(l, u);
		start = cut;
		if (end)
			break;
		more = false; /* perhaps another run is complete already */
	}
	close(fd); /* a failed read is said by the last unit, at its end */
	filemap_release(map);
}

/* walk_dir's problems: planned as the walk meets them. */
static void
walk_problem(void *ctx, const char *path, bool error, const char *msg)
{
	plan_problem(ctx, path, error, msg);
}

/* Plans a path: a file whatever its name, or a directory's posting files
 * in byte order of their paths. */
static void
plan_path(struct loader *l, const char *path)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		plan_problem(l, path, true, strerror(errno));
		return;
	}
	if (S_ISREG(st.st_mode)) {
		plan_file(l, path, &st);
		return;
	}
	if (!S_ISDIR(st.st_mode)) {
		char msg[120];
		snprintf(msg, sizeof(msg), "%s, not a regular file or "
		         "directory; not read", file_kind(st.st_mode));
		plan_problem(l, path, true, msg);
		return;
	}
	struct walk_files files = {0};
	walk_dir(path, &st, &l->cancel, walk_problem, l, &files);
	for (size_t i = 0; i < files.n; i++) {
		struct stat fst;
		const char *fp = files.v[i].path;
		if (atomic_load_explicit(&l->cancel, memory_order_relaxed)) {
			;
		} else if (files.v[i].regular) {
			plan_file(l, fp, NULL); /* its entry said so */
		} else if (stat(fp, &fst) != 0) {
			plan_problem(l, fp, true, strerror(errno));
		} else if (S_ISREG(fst.st_mode)) {
			plan_file(l, fp, &fst);
		} else if (!S_ISDIR(fst.st_mode)) {
			/* a FIFO is never opened: that could block */
			char msg[120];
			snprintf(msg, sizeof(msg), "%s, not a regular file; "
			         "not read", file_kind(fst.st_mode));
			plan_problem(l, fp, false, msg);
		}
	}
	walk_free(&files);
}

/* The planner thread. */
static void *
planner_main(void *arg)
{
	struct loader *l = arg;
	for (size_t i = 0; i < l->npaths; i++) {
		if (atomic_load_explicit(&l->cancel, memory_order_relaxed))
			break;
		plan_path(l, l->paths[i]);
	}
	/* what is left is being parsed: blocks made ready now would only
	 * be left over */
	arena_pool_drain(l->pool);
	pthread_mutex_lock(&l->lock);
	l->planned = true;
	pthread_cond_broadcast(&l->work);
	pthread_mutex_unlock(&l->lock);
	return NULL;
}

/* A worker thread: parses units until none are left. */
static void *
worker_main(void *arg)
{
	struct loader *l = arg;
	pthread_mutex_lock(&l->lock);
	struct arena *keep = &l->arenas[l->started++];
	keep->pool = l->pool;
	for (;;) {
		while (l->next_parse < l->nunits &&
		       (!l->units[l->next_parse] ||
		        l->units[l->next_parse]->done))
			l->next_parse++;
		if (l->waits && !ahead_over(l, 2))
			pthread_cond_signal(&l->room);
		if (l->next_parse == l->nunits) {
			if (l->planned ||
			    atomic_load_explicit(&l->cancel, memory_order_relaxed))
				break;
			pthread_cond_wait(&l->work, &l->lock);
			continue;
		}
		struct unit *u = l->units[l->next_parse++];
		if (u->len != (size_t)-1)
			l->pending_bytes -= u->len;
		if (l->waits && !ahead_over(l, 2))
			pthread_cond_signal(&l->room);
		pthread_mutex_unlock(&l->lock);
		if (!atomic_load_explicit(&l->cancel, memory_order_relaxed))
			unit_parse(u, keep, &l->lim, &l->cancel);
		pthread_mutex_lock(&l->lock);
		u->done = true;
	}
	pthread_mutex_unlock(&l->lock);
	return NULL;
}

/* How many workers: BILLET_THREADS, else the online processors (at most
 * 8). */
static int
worker_count(void)
{
	const char *env = getenv("BILLET_THREADS");
	if (env && atoi(env) > 0)
		return atoi(env) > 64 ? 64 : atoi(env);
	long n = sysconf(_SC_NPROCESSORS_ONLN);
	return n < 1 ? 1 : n > 8 ? 8 : (int)n;
}

struct loader *
loader_start(char *const *paths, size_t npaths, const struct load_limits *lim)
{
	struct loader *l = calloc(1, sizeof(*l));
	if (!l)
		die_nomem();
	pthread_mutex_init(&l->lock, NULL);
	pthread_cond_init(&l->work, NULL);
	pthread_cond_init(&l->room, NULL);
	atomic_init(&l->cancel, false);
	l->lim = lim ? *lim : load_default_limits;
	page_init(); /* before the workers parse pages */
	l->paths = calloc(npaths ? npaths : 1, sizeof(*l->paths));
	if (!l->paths)
		die_nomem();
	for (size_t i = 0; i < npaths; i++) {
		l->paths[i] = strdup(paths[i]);
		if (!l->paths[i])
			die_nomem();
	}
	l->npaths = npaths;
	l->nworkers = worker_count();
	l->workers = calloc((size_t)l->nworkers, sizeof(*l->workers));
	l->arenas = calloc((size_t)l->nworkers, sizeof(*l->arenas));
	l->pool = arena_pool_new();
	long ncpu = sysconf(_SC_NPROCESSORS_ONLN);
	l->pool_max = ncpu > l->nworkers ? (size_t)l->nworkers : 0;
	if (!l->workers || !l->arenas || !l->pool ||
	    pthread_create(&l->planner, NULL, planner_main, l) != 0)
		die_nomem();
	for (int i = 0; i < l->nworkers; i++)
		if (pthread_create(&l->workers[i], NULL, worker_main, l) != 0)
			die_nomem();
	return l;
}

/* Gives the workers' arenas, which hold the merged postings, to the
 * catalog they were merged into (or frees them if there is none). */
static void
take_arenas(struct loader *l)
{
	for (int i = 0; i < l->nworkers; i++) {
		if (l->into)
			arena_take(&l->into->arena, &l->arenas[i]);
		else
			arena_free(&l->arenas[i]);
	}
}

bool
loader_poll(struct loader *l, struct catalog *c)
{
	for (;;) {
		pthread_mutex_lock(&l->lock);
		bool finished = l->planned && l->next_merge == l->nunits;
		l->into = c;
		if (finished) /* every unit is parsed: the workers are idle */
			take_arenas(l);
		/* The next run of parsed units, within one file: a file's
		 * postings are merged as its units are parsed, not when the
		 * whole file is, so a big file fills the list as it loads.
		 * Only whether a file holds one document waits (the id billet
		 * gave before depends on it, see identity_legacy), so a first
		 * document waits for a second one or for the end of its
		 * file. */
		size_t i = l->next_merge, k = 0, seen = 0;
		bool cont = i < l->nunits && !l->units[i]->first;
		size_t cnt = cont ? l->fm.item_off : 0;
		for (size_t j = i; j < l->nunits && l->units[j]->done; j++) {
			if (l->units[j]->len == (size_t)-1) {
				k = j == i; /* a problem of the plan: alone */
				break;
			}
			cnt += l->units[j]->docs;
			if (cnt >= 2 || l->units[j]->last) {
				k = j + 1 - i;
				seen = cnt;
			}
			if (l->units[j]->last)
				break;
		}
		/* the units taken are not touched by the workers any more;
		 * copy the pointers, as the array may move */
		struct unit *local[8];
		struct unit **grp = k <= 8 ? local : malloc(k * sizeof(*grp));
		if (!grp)
			die_nomem();
		if (k)
			memcpy(grp, l->units + i, k * sizeof(*grp));
		pthread_mutex_unlock(&l->lock);
		if (!k)
			return finished;
		size_t before = c->n;
		bool file_done = true;
		if (grp[0]->len == (size_t)-1) {
			arena_take(&c->arena, &grp[0]->part.arena);
			for (size_t j = 0; j < grp[0]->part.nproblems; j++)
				catalog_push_problem(c, &grp[0]->part.problems[j]);
		} else {
			for (size_t j = 0; j < k; j++) {
				if (grp[j]->first)
					merge_begin(c, &l->fm, grp[j]);
				merge_unit(c, &l->fm, grp[j], seen != 1, &l->lim);
			}
			file_done = grp[k - 1]->last;
		}
		size_t merged = 0;
		for (size_t j = 0; j < k; j++) {
			if (grp[j]->len != (size_t)-1)
				merged += grp[j]->len;
			unit_free(grp[j]);
		}
		if (grp != local)
			free(grp);
		pthread_mutex_lock(&l->lock);
		for (size_t j = 0; j < k; j++)
			l->units[i + j] = NULL;
		l->next_merge += k;
		l->files_done += file_done;
		l->postings += c->n - before;
		l->bytes_done += merged;
		pthread_mutex_unlock(&l->lock);
	}
}

void
loader_progress(struct loader *l, size_t *files_done, size_t *files_planned,
                bool *planned, unsigned *percent)
{
	pthread_mutex_lock(&l->lock);
	*percent = l->bytes_found ? (unsigned)(l->bytes_done * 100 /
	                                       l->bytes_found) : 0;
	*files_done = l->files_done;
	*files_planned = l->files_planned;
	*planned = l->planned;
	pthread_mutex_unlock(&l->lock);
}

void
loader_wait(struct loader *l, struct catalog *c)
{
	while (!loader_poll(l, c)) {
		/* wait for a worker to finish something */
		struct timespec ts = {0, 2 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
}

void
loader_free(struct loader *l)
{
	if (!l)
		return;
	atomic_store(&l->cancel, true);
	pthread_mutex_lock(&l->lock);
	pthread_cond_broadcast(&l->work);
	pthread_cond_broadcast(&l->room);
	pthread_mutex_unlock(&l->lock);
	pthread_join(l->planner, NULL);
	for (int i = 0; i < l->nworkers; i++)
		pthread_join(l->workers[i], NULL);
	take_arenas(l);
	shapes_state_free(l->fm.shapes); /* a file merged in part */
	for (size_t i = l->next_merge; i < l->nunits; i++) {
		struct unit *u = l->units[i];
		if (!u)
			continue;
		filemap_release(u->map);
		unit_free(u);
	}
	free(l->units);
	for (size_t i = 0; i < l->npaths; i++)
		free(l->paths[i]);
	free(l->paths);
	free(l->workers);
	free(l->arenas);
	arena_pool_free(l->pool);
	pthread_mutex_destroy(&l->lock);
	pthread_cond_destroy(&l->work);
	pthread_cond_destroy(&l->room);
	free(l);
}

size_t
load_path(struct catalog *c, const char *path, const struct load_limits *lim)
{
	size_t before = c->n;
	char *paths[] = {(char *)path};
	struct loader *l = loader_start(paths, 1, lim);
	loader_wait(l, c);
	loader_free(l);
	return c->n - before;
}
