/* SPDX-License-Identifier: MIT */
/* bench: measures billet on one corpus against libyaml's own cost of
 * parsing the same files, in one run: the baseline parse, the full load,
 * peak memory, filter latency per keystroke, sort time per key, building
 * compare rows, and the interface's first paint. Every time is a median
 * of several runs read with clock_gettime(CLOCK_MONOTONIC) and is printed
 * with its ratio to the baseline of the same run; nothing is asserted.
 *
 * Output: machine-readable lines "BENCH\t<key>\t<number or n/a>" and
 * "BENCH-INFO\t<key>\t<text>" as the figures come, then a table for
 * people. "bench --table FILE..." reads the lines of several runs back
 * and prints one Markdown table of the headline figures. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <poll.h>
#include <pthread.h>
#include <stdatomic.h>
#include <signal.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>
#include <yaml.h>

#include "arena.h"
#include "catalog.h"
#include "compare.h"
#include "index.h"
#include "load.h"
#include "posting.h"
#include "query.h"
#include "bench.h"

#define N(a) (sizeof(a) / sizeof((a)[0]))

/* Time ------------------------------------------------------------------ */

double
now_ms(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec * 1e3 + (double)ts.tv_nsec / 1e6;
}

static int
dbl_cmp(const void *a, const void *b)
{
	double x = *(const double *)a, y = *(const double *)b;
	return (x > y) - (x < y);
}

/* The median of v[0..n) (sorts v). */
double
median(double *v, size_t n)
{
	if (!n)
		return 0;
	qsort(v, n, sizeof(*v), dbl_cmp);
	return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

/* Figures --------------------------------------------------------------- */

static bool quiet;          /* -q: machine lines only */
static double baseline_ms;  /* median baseline parse, for the ratios */

/* One row of the table for people. */
static struct row rows[128];
static size_t nrows;

void
fig(const char *key, double v)
{
	printf("BENCH\t%s\t%.6g\n", key, v);
	fflush(stdout);
}

void
fig_na(const char *key)
{
	printf("BENCH\t%s\tn/a\n", key);
	fflush(stdout);
}

void
info(const char *key, const char *fmt, ...)
{
	va_list ap;
	printf("BENCH-INFO\t%s\t", key);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	putchar('\n');
	fflush(stdout);
}

struct row *
row_add(const char *what)
{
	if (nrows == N(rows))
		nrows--;
	struct row *r = &rows[nrows++];
	snprintf(r->what, sizeof(r->what), "%s", what);
	r->value[0] = r->ratio[0] = '\0';
	return r;
}

/* Adds a row of bytes in MB and, when corpus is known, their ratio to it
 * (with digits decimals). */
static void
row_mb(const char *what, double bytes, double corpus, int digits)
{
	struct row *r = row_add(what);
	snprintf(r->value, sizeof(r->value), "%.1f MB", bytes / 1e6);
	if (corpus > 0)
		snprintf(r->ratio, sizeof(r->ratio), "%.*f x corpus", digits,
		         bytes / corpus);
}

/* Prints the table for people: the title line, then the rows. */
static void
rows_print(const char *label, const char *what, size_t nfiles,
           double corpus, int runs)
{
	printf("\n%s: %s in %zu file%s, %.1f MB; medians of %d runs\n",
	       label, what, nfiles, nfiles == 1 ? "" : "s", corpus / 1e6,
	       runs);
	printf("%-58s %14s  %s\n", "", "", "x baseline");
	for (size_t i = 0; i < nrows; i++)
		printf("%-58s %14s  %s\n", rows[i].what, rows[i].value,
		       rows[i].ratio);
}

/* Prints key_ms and key_x (the ratio to the baseline) and adds a row. */
void
fig_time(const char *key, const char *what, double ms)
{
	char k[96];
	snprintf(k, sizeof(k), "%s_ms", key);
	fig(k, ms);
	struct row *r = row_add(what);
	snprintf(r->value, sizeof(r->value), "%.3f ms", ms);
	if (baseline_ms > 0) {
		snprintf(k, sizeof(k), "%s_x", key);
		fig(k, ms / baseline_ms);
		snprintf(r->ratio, sizeof(r->ratio), "%.4f", ms / baseline_ms);
	}
}

/* The same for a load: key_x is x, the median of the rounds' ratios;
 * key.x_of_medians is the ratio of the medians, for comparison. */
void
fig_time_x(const char *key, const char *what, double ms, double x)
{
	char k[96];
	snprintf(k, sizeof(k), "%s_ms", key);
	fig(k, ms);
	snprintf(k, sizeof(k), "%s_x", key);
	fig(k, x);
	struct row *r = row_add(what);
	snprintf(r->value, sizeof(r->value), "%.3f ms", ms);
	snprintf(r->ratio, sizeof(r->ratio), "%.4f", x);
	if (baseline_ms > 0) {
		snprintf(k, sizeof(k), "%s.x_of_medians", key);
		fig(k, ms / baseline_ms);
	}
}

void
progress(const char *fmt, ...)
{
	if (quiet)
		return;
	va_list ap;
	va_start(ap, fmt);
	fputs("bench: ", stderr);
	vfprintf(stderr, fmt, ap);
	fputc('\n', stderr);
	va_end(ap);
}

/* The corpus ------------------------------------------------------------ */

/* True for a file name load_path reads: postings, or job pages. */
static bool
posting_ext(const char *name)
{
	const char *dot = strrchr(name, '.');
	return (dot && (!strcmp(dot, ".yaml") || !strcmp(dot, ".yml") ||
	                !strcmp(dot, ".json"))) || pages_is_page(name);
}

static int
path_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Collects what load_path reads below a directory: files with a posting
 * extension, dot-names skipped (no loop detection beyond a depth limit:
 * the corpus is generated). */
static void
walk(const char *path, int depth, struct files *out)
{
	DIR *dir = opendir(path);
	if (!dir || depth > 64) {
		if (dir)
			closedir(dir);
		return;
	}
	struct dirent *de;
	while ((de = readdir(dir))) {
		if (de->d_name[0] == '.')
			continue;
		size_t pl = strlen(path), nl = strlen(de->d_name);
		char *full = xmalloc(pl + nl + 2);
		memcpy(full, path, pl);
		size_t k = pl;
		if (k == 0 || full[k - 1] != '/')
			full[k++] = '/';
		memcpy(full + k, de->d_name, nl + 1);
		struct stat st;
		if (stat(full, &st) == 0 && S_ISDIR(st.st_mode)) {
			walk(full, depth + 1, out);
			free(full);
		} else if (stat(full, &st) == 0 && S_ISREG(st.st_mode) &&
		           posting_ext(full)) {
			if (out->n == out->cap) {
				out->cap = out->cap ? out->cap * 2 : 64;
				char **v = realloc(out->v, out->cap * sizeof(*v));
				if (!v) {
					fputs("bench: out of memory\n", stderr);
					exit(1);
				}
				out->v = v;
			}
			out->v[out->n++] = full;
			out->bytes += (unsigned long long)st.st_size;
			if ((unsigned long long)st.st_size > out->largest)
				out->largest = (unsigned long long)st.st_size;
		} else {
			free(full);
		}
	}
	closedir(dir);
}

void
files_find(const char *path, struct files *out)
{
	struct stat st;
	*out = (struct files){0};
	if (stat(path, &st) != 0) {
		fprintf(stderr, "bench: %s: %s\n", path, strerror(errno));
		exit(1);
	}
	if (S_ISREG(st.st_mode)) {
		out->v = xmalloc(sizeof(*out->v));
		out->v[0] = strdup(path);
		out->n = 1;
		out->bytes = out->largest = (unsigned long long)st.st_size;
		return;
	}
	walk(path, 0, out);
	qsort(out->v, out->n, sizeof(*out->v), path_cmp);
}

void
files_free(struct files *f)
{
	for (size_t i = 0; i < f->n; i++)
		free(f->v[i]);
	free(f->v);
}

unsigned long long
largest_file(const char *path)
{
	struct files f;
	files_find(path, &f);
	unsigned long long l = f.largest;
	files_free(&f);
	return l;
}

/* The loader's limits: the defaults, with max_file raised to the largest
 * file of the corpus (100,000 postings in one file are over 256 MiB), as
 * --max-file would. */
struct load_limits limits;

/* The baseline ---------------------------------------------------------- */

unsigned long long
parse_bytes(const void *buf, size_t len, bool *failed)
{
	yaml_parser_t parser;
	if (!yaml_parser_initialize(&parser)) {
		fputs("bench: out of memory\n", stderr);
		exit(1);
	}
	yaml_parser_set_input_string(&parser, buf ? buf : (void *)"", len);
	yaml_parser_set_encoding(&parser, YAML_UTF8_ENCODING);
	unsigned long long events = 0;
	*failed = false;
	for (;;) {
		yaml_event_t e;
		if (!yaml_parser_parse(&parser, &e)) {
			*failed = true;
			break;
		}
		events++;
		bool end = e.type == YAML_STREAM_END_EVENT;
		yaml_event_delete(&e);
		if (end)
			break;
	}
	yaml_parser_delete(&parser);
	return events;
}

bool
map_file(const char *path, void **map, size_t *len)
{
	int fd = open(path, O_RDONLY | O_NOCTTY);
	struct stat st;
	if (fd < 0 || fstat(fd, &st) != 0) {
		if (fd >= 0)
			close(fd);
		return false;
	}
	*len = (size_t)st.st_size;
	*map = *len ? mmap(NULL, *len, PROT_READ, MAP_PRIVATE, fd, 0) : NULL;
	close(fd);
	return *map != MAP_FAILED;
}

/* Parses every file of path into libyaml events and deletes them, reading
 * each file as the loader does (a private read-only mapping); the walk of
 * a directory is part of the work, as it is for load_path. Returns the
 * number of events; *errors counts files that did not parse. */
static unsigned long long
baseline_parse(const char *path, size_t *errors)
{
	struct files f;
	files_find(path, &f);
	unsigned long long events = 0;
	*errors = 0;
	for (size_t i = 0; i < f.n; i++) {
		void *map;
		size_t len;
		if (!map_file(f.v[i], &map, &len)) {
			(*errors)++;
			continue;
		}
		bool failed;
		events += parse_bytes(map, len, &failed);
		*errors += failed;
		if (map)
			munmap(map, len);
	}
	files_free(&f);
	return events;
}

/* The baseline on several threads: what the machine's cores give libyaml
 * alone, the limit of a load with as many workers. */
struct par {
	struct files f;
	const char *one;          /* a single file, mapped, or NULL */
	size_t cut[65];           /* its pieces: [cut[i], cut[i + 1]) */
	size_t pieces;            /* pieces (one file) or files */
	_Atomic size_t next;      /* the next piece or file to parse */
	_Atomic unsigned long long events;
	_Atomic size_t errors;
};

static void *
par_main(void *arg)
{
	struct par *p = arg;
	unsigned long long events = 0;
	size_t errors = 0;
	for (size_t i; (i = p->next++) < p->pieces;) {
		bool failed;
		if (p->one) {
			events += parse_bytes(p->one + p->cut[i],
			                      p->cut[i + 1] - p->cut[i], &failed);
			errors += failed;
			continue;
		}
		void *map;
		size_t len;
		if (!map_file(p->f.v[i], &map, &len)) {
			errors++;
			continue;
		}
		events += parse_bytes(map, len, &failed);
		errors += failed;
		if (map)
			munmap(map, len);
	}
	p->events += events;
	p->errors += errors;
	return NULL;
}

/* The same as baseline_parse on n threads: a directory's files are
 * shared out one at a time; one file is cut into n pieces at document
 * markers. */
static unsigned long long
baseline_parallel(const char *path, int n, size_t *errors)
{
	struct par *p = xmalloc(sizeof(*p));
	memset(p, 0, sizeof(*p));
	files_find(path, &p->f);
	if (n < 1)
		n = 1;
	if (n > 64)
		n = 64;
	void *map = NULL;
	size_t len = 0;
	p->pieces = p->f.n;
	if (p->f.n == 1 && map_file(p->f.v[0], &map, &len) && map) {
		p->one = map;
		p->cut[0] = 0;
		size_t k = 1;
		for (int i = 1; i < n; i++) {
			size_t at = len / (size_t)n * (size_t)i;
			if (at <= p->cut[k - 1])
				continue;
			const char *m = p->one + at, *e = p->one + len;
			while ((m = memchr(m, '\n', (size_t)(e - m))) &&
			       (e - m < 4 || memcmp(m + 1, "---", 3)))
				m++;
			if (!m)
				break;
			p->cut[k++] = (size_t)(m - p->one) + 1;
		}
		p->cut[k] = len;
		p->pieces = k;
	}
	pthread_t t[64];
	for (int i = 0; i < n; i++)
		if (pthread_create(&t[i], NULL, par_main, p) != 0) {
			fputs("bench: cannot start a thread\n", stderr);
			exit(1);
		}
	for (int i = 0; i < n; i++)
		pthread_join(t[i], NULL);
	if (map)
		munmap(map, len);
	unsigned long long events = p->events;
	*errors = p->errors;
	files_free(&p->f);
	free(p);
	return events;
}

/* Memory ---------------------------------------------------------------- */

enum child_work { CHILD_NOTHING, CHILD_BASELINE, CHILD_LOAD, CHILD_INDEX };

/* How the last child of child_peak_kb ended, when it failed. */
static char child_failure[128];

/* Peak resident set of a child that does only the given work, in KiB
 * (ru_maxrss from wait4), or -1 with child_failure set. Run while this
 * process is still small: a forked child starts with its parent's pages
 * counted. */
static long
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

/* Threads of the loader --------------------------------------------------- */

static char *threads_env;  /* BILLET_THREADS as the user set it, or NULL */
static int default_threads; /* the loader's workers when not forced to 1 */

/* Notes the user's BILLET_THREADS and how many workers it means, as
 * src/load/loader.c counts them (BILLET_THREADS, else the processors, at
 * most 8). */
void
threads_init(void)
{
	const char *env = getenv("BILLET_THREADS");
	threads_env = env ? strdup(env) : NULL;
	if (env && atoi(env) > 0) {
		default_threads = atoi(env) > 64 ? 64 : atoi(env);
	} else {
		long n = sysconf(_SC_NPROCESSORS_ONLN);
		default_threads = n < 1 ? 1 : n > 8 ? 8 : (int)n;
	}
}

/* Makes the next loads use one worker, or the default. */
void
loader_threads(bool one)
{
	if (one)
		setenv("BILLET_THREADS", "1", 1);
	else if (threads_env)
		setenv("BILLET_THREADS", threads_env, 1);
	else
		unsetenv("BILLET_THREADS");
}

/* Filtering ------------------------------------------------------------- */

/* A query as typed, one character at a time, then backspaced out. */
struct typed {
	const char *name;  /* key part: free, field, salary */
	const char *what;  /* for the table */
	const char *text;
};

static const struct typed queries[] = {
	{"free", "free text", "community organizing spanish"},
	{"field", "field terms", "title:director loc:york"},
	{"salary", "salary comparison", "salary>=60000"},
};

/* Keystroke figures of one query. */
struct keystats {
	double median, worst; /* ms over keystrokes whose text parsed */
	size_t keys;          /* keystrokes whose text parsed, per pass */
	size_t skipped;       /* keystrokes whose text did not parse */
	size_t matches;       /* matches of the whole query */
	int passes;           /* times the query was typed and erased */
	size_t worst_len;     /* bytes of the text at the worst keystroke */
	bool worst_back;      /* ... when backspacing */
	/* the same over the keystrokes whose text has a field or numeric
	 * term (a ':', '<', '>' or '='): "title:d", not "titl" */
	double term_median, term_worst;
	size_t term_keys;
	double first_worst;   /* worst key of the first pass alone */
	double first_term_worst; /* the same over its keys with a term */
};

/* How type_pass filters. */
enum filter_mode {
	FM_MATCH,  /* query_match on every posting */
	FM_NARROW, /* ... on the previous matches when the query narrows */
	FM_INDEX,  /* query_select with the index (its caches kept) */
};

/* One pass: types text and backspaces it out, steps[0..nsteps) being the
 * prefix lengths. Each keystroke parses the text and matches it
 * (query_match) against every posting, keeping the matches in a list as
 * the interface would; with FM_NARROW, a query that query_narrows()
 * shows to narrow the previous one is matched against the previous
 * matches only; with FM_INDEX, query_select answers with the index ix. A
 * text that does not parse is skipped (the interface keeps the previous
 * list): ms[s] is then negative. */
static void
type_pass(struct catalog *c, const char *text, const size_t *steps,
          size_t nsteps, enum filter_mode mode, struct query_index *ix,
          double *ms, struct keystats *st)
{
	uint32_t *sel = xmalloc((c->n ? c->n : 1) * sizeof(*sel));
	size_t len = strlen(text);
	char *buf = xmalloc(len + 1);
	struct posting **cur = xmalloc((c->n ? c->n : 1) * sizeof(*cur));
	struct posting **prev = xmalloc((c->n ? c->n : 1) * sizeof(*prev));
	size_t nprev = 0;
	struct query *prevq = NULL;
	for (size_t s = 0; s < nsteps; s++) {
		memcpy(buf, text, steps[s]);
		buf[steps[s]] = '\0';
		double t0 = now_ms();
		struct query_error err;
		struct query *q = query_parse(buf, &err);
		if (!q) {
			ms[s] = -1;
			continue;
		}
		size_t ncur = 0;
		if (mode == FM_INDEX) {
			ncur = query_select(q, ix, c->v, c->n, NULL, sel);
		} else if (mode == FM_NARROW && prevq &&
		           query_narrows(prevq, q)) {
			for (size_t i = 0; i < nprev; i++)
				if (query_match(q, prev[i], NULL))
					cur[ncur++] = prev[i];
		} else {
			for (size_t i = 0; i < c->n; i++)
				if (query_match(q, c->v[i], NULL))
					cur[ncur++] = c->v[i];
		}
		query_free(prevq);
		prevq = q;
		ms[s] = now_ms() - t0;
		if (steps[s] == len)
			st->matches = ncur;
		struct posting **t = prev;
		prev = cur;
		cur = t;
		nprev = ncur;
	}
	query_free(prevq);
	free(buf);
	free(cur);
	free(prev);
	free(sel);
}

/* Types text one character at a time and backspaces it out, up to
 * max_passes times while the passes take less than budget ms in all; a
 * keystroke's time is its median over the passes, and the figures are
 * the median and the worst of those over the keystrokes. */
static struct keystats
type_query(struct catalog *c, const char *text, enum filter_mode mode,
           struct query_index *ix, int max_passes, double budget)
{
	size_t len = strlen(text);
	/* prefix lengths at character boundaries: typing, then backspacing */
	size_t *steps = xmalloc((2 * len + 1) * sizeof(*steps));
	size_t nsteps = 0;
	for (size_t k = 1; k <= len; k++)
		if (k == len || ((unsigned char)text[k] & 0xC0) != 0x80)
			steps[nsteps++] = k;
	for (size_t i = nsteps - 1; i-- > 0;)
		steps[nsteps++] = steps[i];
	steps[nsteps++] = 0;

	struct keystats st = {0};
	double *ms = xmalloc((size_t)max_passes * nsteps * sizeof(*ms));
	double t0 = now_ms();
	while (st.passes < max_passes &&
	       (st.passes == 0 || now_ms() - t0 < budget))
		type_pass(c, text, steps, nsteps, mode, ix,
		          ms + (size_t)st.passes++ * nsteps, &st);
	for (size_t s = 0; s < nsteps; s++) {
		if (ms[s] > st.first_worst)
			st.first_worst = ms[s];
		if (strcspn(text, ":<>=") < steps[s] &&
		    ms[s] > st.first_term_worst)
			st.first_term_worst = ms[s];
	}
	double *key = xmalloc(nsteps * sizeof(*key));
	double *term = xmalloc(nsteps * sizeof(*term));
	double *one = xmalloc((size_t)st.passes * sizeof(*one));
	for (size_t s = 0; s < nsteps; s++) {
		if (ms[s] < 0) {
			st.skipped++;
			continue;
		}
		for (int p = 0; p < st.passes; p++)
			one[p] = ms[(size_t)p * nsteps + s];
		double m = median(one, (size_t)st.passes);
		key[st.keys++] = m;
		if (m > st.worst) {
			st.worst = m;
			st.worst_len = steps[s];
			st.worst_back = s >= nsteps / 2;
		}
		if (strcspn(text, ":<>=") < steps[s]) {
			term[st.term_keys++] = m;
			if (m > st.term_worst)
				st.term_worst = m;
		}
	}
	st.median = median(key, st.keys);
	st.term_median = median(term, st.term_keys);
	free(term);
	free(one);
	free(key);
	free(ms);
	free(steps);
	return st;
}

/* Compare --------------------------------------------------------------- */

static bool
add_len(void *ctx, const char *field, const char *s)
{
	(void)field;
	*(size_t *)ctx += strlen(s);
	return false;
}

/* Size of a posting's searchable text, to find the longest. */
static size_t
posting_len(const struct posting *p)
{
	size_t n = 0;
	posting_each_text(p, add_len, &n);
	return n;
}

/* The first paint ------------------------------------------------------- */

/* What became of a first-paint run. */

/* Removes one entry of a temporary directory (for nftw). */
static int
remove_one(const char *path, const struct stat *st, int flag, struct FTW *f)
{
	(void)st;
	(void)flag;
	(void)f;
	remove(path);
	return 0;
}

/* Reads the file billet writes at first paint: CLOCK_MONOTONIC in
 * nanoseconds, optionally followed by the postings loaded by then. */
static bool
read_paint_file(const char *file, long long *ns, long *loaded)
{
	FILE *f = fopen(file, "r");
	if (!f)
		return false;
	long long t = 0;
	long n = -1;
	int got = fscanf(f, "%lld %ld", &t, &n);
	fclose(f);
	if (got < 1 || t <= 0)
		return false;
	*ns = t;
	*loaded = got == 2 ? n : -1;
	return true;
}

/* True if the file holds the name of the first-paint variable, that is if
 * billet can report its first paint at all. */
bool
knows_first_paint(const char *billet)
{
	static const char name[] = "BILLET_BENCH_FIRST_PAINT";
	FILE *f = fopen(billet, "rb");
	if (!f)
		return false;
	char buf[65536 + sizeof(name)];
	size_t keep = 0, n;
	bool found = false;
	while (!found && (n = fread(buf + keep, 1, sizeof(buf) - keep, f)) > 0) {
		n += keep;
		for (size_t i = 0; i + sizeof(name) - 1 <= n && !found; i++)
			found = buf[i] == 'B' &&
			        !memcmp(buf + i, name, sizeof(name) - 1);
		keep = n < sizeof(name) - 1 ? n : sizeof(name) - 1;
		memmove(buf, buf + n - keep, keep);
	}
	fclose(f);
	return found;
}

/* Runs billet on path in a new pseudo-terminal of 120x40 with
 * BILLET_BENCH_FIRST_PAINT naming a file, and waits (at most timeout
 * seconds) for billet to write its first-paint time there. Its state is
 * in state_home, else in a directory of its own, removed after. */
struct paint
first_paint(const char *billet, const char *path, double timeout,
            bool reports, const char *state_home)
{
	struct paint r = {.ms = -1, .output_ms = -1, .loaded = -1};
	const char *tmp = getenv("TMPDIR");
	char tdir[4096];
	snprintf(tdir, sizeof(tdir), "%s/billet-bench-paint.XXXXXX",
	         tmp && *tmp ? tmp : "/tmp");
	char *d = mkdtemp(tdir);
	if (!d) {
		snprintf(r.note, sizeof(r.note), "cannot make a directory: %s",
		         strerror(errno));
		return r;
	}
	char file[4200], state[4200];
	snprintf(file, sizeof(file), "%s/first-paint", d);
	snprintf(state, sizeof(state), "%s/state", d);

	int master = posix_openpt(O_RDWR | O_NOCTTY);
	if (master < 0 || grantpt(master) != 0 || unlockpt(master) != 0) {
		snprintf(r.note, sizeof(r.note), "no pseudo-terminal: %s",
		         strerror(errno));
		if (master >= 0)
			close(master);
		rmdir(d);
		return r;
	}
	char slave_name[256];
	snprintf(slave_name, sizeof(slave_name), "%s", ptsname(master));
	struct winsize ws = {.ws_row = 40, .ws_col = 120};
	ioctl(master, TIOCSWINSZ, &ws);

	fflush(stdout);
	fflush(stderr);
	double t0 = now_ms();
	pid_t pid = fork();
	if (pid < 0) {
		snprintf(r.note, sizeof(r.note), "cannot fork: %s",
		         strerror(errno));
		close(master);
		rmdir(d);
		return r;
	}
	if (pid == 0) {
		setsid();
		int s = open(slave_name, O_RDWR);
		if (s < 0)
			_exit(126);
		dup2(s, 0);
		dup2(s, 1);
		dup2(s, 2);
		if (s > 2)
			close(s);
		close(master);
		setenv("BILLET_BENCH_FIRST_PAINT", file, 1);
		setenv("TERM", "xterm", 1);
		setenv("XDG_STATE_HOME", state_home ? state_home : state, 1);
		setenv("XDG_CONFIG_HOME", state, 1);
		unsetenv("BILLET_PATH");
		char max_file[32];
		snprintf(max_file, sizeof(max_file), "%zu", limits.max_file);
		if (limits.max_file != load_default_limits.max_file)
			execl(billet, billet, "--max-file", max_file, path,
			      (char *)NULL);
		else
			execl(billet, billet, path, (char *)NULL);
		_exit(127);
	}

	/* Drain the terminal until billet reports, exits or runs out of time. */
	char out[4096];
	char seen[512];
	size_t nseen = 0;
	int status = 0;
	bool exited = false;
	long long ns = 0;
	for (;;) {
		struct pollfd p = {.fd = master, .events = POLLIN};
		int k = poll(&p, 1, 5);
		if (k > 0 && (p.revents & POLLIN)) {
			ssize_t n = read(master, out, sizeof(out));
			if (n > 0) {
				if (r.output_ms < 0)
					r.output_ms = now_ms() - t0;
				size_t take = (size_t)n;
				if (take > sizeof(seen) - 1 - nseen)
					take = sizeof(seen) - 1 - nseen;
				memcpy(seen + nseen, out, take);
				nseen += take;
				seen[nseen] = '\0';
			}
		} else if (k > 0 && (p.revents & (POLLHUP | POLLERR))) {
			/* the slave side closed: billet is gone */
			struct timespec pause = {0, 2000000};
			nanosleep(&pause, NULL);
		}
		if (read_paint_file(file, &ns, &r.loaded))
			break;
		if (waitpid(pid, &status, WNOHANG) == pid) {
			exited = true;
			break;
		}
		if (now_ms() - t0 > timeout * 1e3)
			break;
		/* a billet that cannot report: the first byte is all there is */
		if (!reports && r.output_ms >= 0 &&
		    now_ms() - t0 > r.output_ms + 1000)
			break;
	}
	if (ns > 0) {
		r.ms = (double)ns / 1e6 - t0; /* the same clock */
	} else if (exited && strstr(seen, "not built yet")) {
		snprintf(r.note, sizeof(r.note), "interface not built");
	} else if (exited) {
		snprintf(r.note, sizeof(r.note), "billet exited (status %d) "
		         "without reporting a first paint",
		         WIFEXITED(status) ? WEXITSTATUS(status) : -1);
	} else if (!reports) {
		snprintf(r.note, sizeof(r.note), "billet does not report it: "
		         "no BILLET_BENCH_FIRST_PAINT in %s", billet);
	} else {
		snprintf(r.note, sizeof(r.note), "no first paint reported in "
		         "%.0f s (BILLET_BENCH_FIRST_PAINT)", timeout);
	}
	if (!exited) {
		/* quit as a person would, then less politely */
		ssize_t w = write(master, "q", 1);
		(void)w;
		double q0 = now_ms();
		while (waitpid(pid, &status, WNOHANG) != pid) {
			if (now_ms() - q0 > 2000) {
				kill(pid, SIGKILL);
				waitpid(pid, &status, 0);
				break;
			}
			if (now_ms() - q0 > 1000)
				kill(pid, SIGTERM);
			struct pollfd p = {.fd = master, .events = POLLIN};
			if (poll(&p, 1, 10) > 0 && (p.revents & POLLIN)) {
				ssize_t n = read(master, out, sizeof(out));
				(void)n;
			}
		}
	}
	close(master);
	/* the report, and any state billet saved under state/ */
	nftw(d, remove_one, 16, FTW_DEPTH | FTW_PHYS);
	return r;
}

/* The table of several runs -------------------------------------------- */

/* One run's lines: keys and values. */
struct run {
	char **key, **val;
	size_t n;
};

static const char *
run_get(const struct run *r, const char *key)
{
	for (size_t i = 0; i < r->n; i++)
		if (!strcmp(r->key[i], key))
			return r->val[i];
	return NULL;
}

static void
run_read(const char *file, struct run *r)
{
	FILE *f = fopen(file, "r");
	*r = (struct run){0};
	if (!f) {
		fprintf(stderr, "bench: %s: %s\n", file, strerror(errno));
		exit(1);
	}
	char line[1024];
	size_t cap = 0;
	while (fgets(line, sizeof(line), f)) {
		char *k, *v;
		if (strncmp(line, "BENCH\t", 6) == 0)
			k = line + 6;
		else if (strncmp(line, "BENCH-INFO\t", 11) == 0)
			k = line + 11;
		else
			continue;
		v = strchr(k, '\t');
		if (!v)
			continue;
		*v++ = '\0';
		v[strcspn(v, "\n")] = '\0';
		if (r->n == cap) {
			cap = cap ? cap * 2 : 64;
			r->key = realloc(r->key, cap * sizeof(*r->key));
			r->val = realloc(r->val, cap * sizeof(*r->val));
			if (!r->key || !r->val) {
				fputs("bench: out of memory\n", stderr);
				exit(1);
			}
		}
		r->key[r->n] = strdup(k);
		r->val[r->n++] = strdup(v);
	}
	fclose(f);
}

/* Prints the headline figures of several runs as one Markdown table. */
static int
table(int nfiles, char **files)
{
	static const struct {
		const char *key, *title, *fmt;
	} lines[] = {
		{"corpus.postings", "postings", "%.0f"},
		{"corpus.files", "files", "%.0f"},
		{"corpus.bytes", "corpus MB", "M"},
		{"corpus.errors", "load errors (0, or the run is void)", "%.0f"},
		{"load.failure", "load failure", "%s"},
		{"baseline_ms", "libyaml parse, ms (baseline)", "%.1f"},
		{"load1_ms", "billet load, 1 worker, ms", "%.1f"},
		{"load1_x", "**load, 1 worker / baseline**", "%.2fx"},
		{"load.threads", "workers by default", "%.0f"},
		{"load_ms", "billet load, default workers, ms", "%.1f"},
		{"load_x", "**load, default workers / baseline**", "%.2fx"},
		{"baseline_par_x", "libyaml alone, as many threads / baseline",
		 "%.2fx"},
		{"load.x_of_par", "load, default workers / libyaml alone on as "
		 "many", "%.2fx"},
		{"mem.fresh_ms_per_mb", "fresh memory, ms a MB (written once)",
		 "%.2f"},
		{"mem.again_ms_per_mb", "  same memory freed and written again",
		 "%.2f"},
		{"mem.peak_kb", "peak RSS of a load, MB", "K"},
		{"mem.peak_x", "**peak RSS / corpus**", "%.2fx"},
		{"mem.baseline_peak_x", "peak RSS of baseline / corpus", "%.2fx"},
		{"mem.peak_index_x", "**peak RSS of load + index / corpus**",
		 "%.2fx"},
		{"mem.index_x", "index memory / corpus", "%.3fx"},
		{"index.build_ms", "index build, ms", "%.1f"},
		{"filter.free.median_ms", "filter free text: median key, ms",
		 "%.2f"},
		{"filter.free.worst_ms", "**filter free text: worst key, ms**",
		 "%.2f"},
		{"filter.free.narrow.worst_ms",
		 "  same, narrowing: worst key, ms", "%.2f"},
		{"filter.field.median_ms", "filter field terms: median key, ms",
		 "%.2f"},
		{"filter.field.worst_ms", "filter field terms: worst key, ms",
		 "%.2f"},
		{"filter.field.term_worst_ms",
		 "**filter field terms: worst key once a term is typed, ms**",
		 "%.2f"},
		{"filter.salary.median_ms", "filter salary: median key, ms",
		 "%.2f"},
		{"filter.salary.worst_ms", "filter salary: worst key, ms",
		 "%.2f"},
		{"filter.salary.term_worst_ms",
		 "**filter salary: worst key once a term is typed, ms**", "%.2f"},
		{"filter.free.index.median_ms",
		 "filter free text, index: median key, ms", "%.3f"},
		{"filter.free.index.worst_ms",
		 "**filter free text, index: worst key, ms**", "%.3f"},
		{"filter.free.index.first_worst_ms",
		 "  same, first pass (cold caches), ms", "%.2f"},
		{"filter.field.index.worst_ms",
		 "filter field terms, index: worst key, ms", "%.3f"},
		{"filter.field.index.term_worst_ms",
		 "**filter field terms, index: worst key once a term is typed, "
		 "ms**", "%.3f"},
		{"filter.field.index.first_worst_ms",
		 "  same query, first pass (cold caches): worst key, ms", "%.2f"},
		{"filter.field.index.first_term_worst_ms",
		 "  same, first pass: worst key once a term is typed, ms",
		 "%.2f"},
		{"filter.salary.index.term_worst_ms",
		 "**filter salary, index: worst key once a term is typed, ms**",
		 "%.3f"},
		{"filter.salary.index.first_worst_ms",
		 "  same query, first pass (cold caches): worst key, ms", "%.2f"},
		{"filter.salary.index.first_term_worst_ms",
		 "  same, first pass: worst key once a term is typed, ms",
		 "%.2f"},
		{"sort.worst_ms", "sort, slowest key, ms", "%.2f"},
		{"compare_ms", "compare rows of 4 longest, ms", "%.2f"},
		{"first_paint_ms", "**first paint, ms**", "%.1f"},
		{"pages.files", "pages: files", "%.0f"},
		{"pages.bytes", "pages: corpus MB", "M"},
		{"pages.errors", "pages: load errors (0, or the run is void)",
		 "%.0f"},
		{"pages.baseline_ms", "pages: libxml2 + libyaml, ms (baseline)",
		 "%.1f"},
		{"pages.load1_x", "**pages: load, 1 worker / baseline**", "%.2fx"},
		{"pages.load_x", "pages: load, default workers / baseline on as "
		 "many", "%.2fx"},
		{"state.postings", "state: postings, all seen", "%.0f"},
		{"state.load_x", "**state: load with it / without**", "%.2fx"},
		{"state.seen_all_ms", "  state: matched and seen at the load's "
		 "end, ms", "%.1f"},
		{"state.store_bytes", "  state: its store of seen postings, MB",
		 "M"},
		{"state.first_paint_ms", "**state: first paint with it, ms**",
		 "%.1f"},
		{"state.old_first_paint_ms", "  same with the older state file "
		 "(seen: true each), ms", "%.1f"},
		{"state.old_bytes", "  that older file, MB", "M"},
	};
	struct run *runs = xmalloc((size_t)nfiles * sizeof(*runs));
	for (int i = 0; i < nfiles; i++)
		run_read(files[i], &runs[i]);
	printf("| figure |");
	for (int i = 0; i < nfiles; i++) {
		const char *l = run_get(&runs[i], "label");
		printf(" %s |", l ? l : files[i]);
	}
	printf("\n| --- |");
	for (int i = 0; i < nfiles; i++)
		printf(" ---: |");
	putchar('\n');
	for (size_t k = 0; k < N(lines); k++) {
		printf("| %s |", lines[k].title);
		for (int i = 0; i < nfiles; i++) {
			const char *v = run_get(&runs[i], lines[k].key);
			char *end;
			double d = v ? strtod(v, &end) : 0;
			if (!v || end == v || *end) {
				printf(" %s |", v ? v : "");
			} else if (!strcmp(lines[k].fmt, "M")) {
				printf(" %.1f |", d / 1e6);
			} else if (!strcmp(lines[k].fmt, "K")) {
				printf(" %.1f |", d * 1024 / 1e6);
			} else {
				char cell[64];
				snprintf(cell, sizeof(cell), lines[k].fmt, d);
				printf(" %s |", cell);
			}
		}
		putchar('\n');
	}
	for (int i = 0; i < nfiles; i++) {
		for (size_t k = 0; k < runs[i].n; k++) {
			free(runs[i].key[k]);
			free(runs[i].val[k]);
		}
		free(runs[i].key);
		free(runs[i].val);
	}
	free(runs);
	return 0;
}

/* Main ------------------------------------------------------------------ */

/* When a load in a child process failed (billet dies on some errors, out
 * of memory for one): the baseline alone, the failure said, status 1, so
 * that make bench goes on with the other corpora. */
static int
load_failed(const char *path, int runs)
{
	char why[200];
	snprintf(why, sizeof(why), "load_path in a child process %s",
	         child_failure);
	fprintf(stderr, "bench: %s: %s\n", path, why);
	double *bms = xmalloc((size_t)runs * sizeof(*bms));
	size_t perr;
	baseline_parse(path, &perr);
	for (int r = 0; r < runs; r++) {
		double t0 = now_ms();
		baseline_parse(path, &perr);
		bms[r] = now_ms() - t0;
	}
	baseline_ms = median(bms, (size_t)runs);
	free(bms);
	fig("baseline.errors", (double)perr);
	fig("baseline_ms", baseline_ms);
	fig_na("load_ms");
	fig_na("load_x");
	info("load.failure", "%s", why);
	if (!quiet)
		printf("\n%s: libyaml event parse (baseline) %.1f ms; "
		       "billet: %s\n", path, baseline_ms, why);
	return 1;
}

/* The cost of fresh memory on this machine, in ms a MB: mb MB mapped as
 * the loader maps a big file (huge pages where the kernel gives them)
 * and written once (*fresh), then freed, mapped and written again at
 * once (*again). A load must put the corpus's text in memory of its
 * own; the baseline reads the page cache and needs none. On a VM whose
 * host takes back the guest's free memory, the first write can cost ten
 * times the second: that spread is the machine's, not billet's. */
static void
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

/* --only: runs one kind of work runs times on path and prints each time,
 * for a profiler (perf record, valgrind --tool=callgrind) to look at. */
static int
only(const char *what, const char *path, int runs)
{
	threads_init();
	struct files f;
	files_find(path, &f);
	limits = load_default_limits;
	if (f.largest > limits.max_file)
		limits.max_file = (size_t)f.largest;
	files_free(&f);
	for (int r = 0; r < (runs ? runs : 1); r++) {
		double t0 = now_ms();
		if (!strcmp(what, "baseline")) {
			size_t errors;
			baseline_parse(path, &errors);
		} else if (!strcmp(what, "baseline_par")) {
			size_t errors;
			baseline_parallel(path, default_threads, &errors);
		} else if (!strcmp(what, "load") || !strcmp(what, "load1")) {
			loader_threads(!strcmp(what, "load1"));
			struct catalog c;
			catalog_init(&c);
			load_path(&c, path, &limits);
			catalog_free(&c);
		} else if (!strcmp(what, "memory")) {
			double fresh, again;
			memory_cost(256, &fresh, &again);
			printf("BENCH\tonly.fresh_ms_per_mb\t%.6g\n"
			       "BENCH\tonly.again_ms_per_mb\t%.6g\n",
			       fresh, again);
		} else if (!strcmp(what, "index")) {
			/* the load is not timed: only index_build of it */
			struct catalog c;
			catalog_init(&c);
			load_path(&c, path, &limits);
			t0 = now_ms();
			index_free(index_build(c.v, c.n));
			double t = now_ms() - t0;
			catalog_free(&c);
			t0 = now_ms() - t;
		} else {
			fprintf(stderr, "bench: --only baseline, baseline_par, "
			        "load, load1, index or memory, not '%s'\n", what);
			return 2;
		}
		printf("BENCH\tonly.%s_ms\t%.6g\n", what, now_ms() - t0);
	}
	return 0;
}

static int
usage(FILE *f, int status)
{
	fputs("Usage: bench [-r RUNS] [-l LABEL] [-b BILLET | -B] [-t SECONDS] "
	      "[-q] PATH\n"
	      "       bench --table FILE...\n"
	      "       bench --only baseline|baseline_par|load|load1|index|memory "
	      "[-r RUNS] PATH\n"
	      "       bench --state [-r RUNS] [-l LABEL] [-b BILLET | -B] PATH\n"
	      "Measures billet on the corpus at PATH (a file or a directory)\n"
	      "against libyaml's parse of the same files. -r: runs per median\n"
	      "(default 7, 5 for a corpus over 100 MB); -l: a label for the\n"
	      "run; -b: the billet binary for the first paint (default the\n"
	      "build's); -B: no first paint; -t: first-paint timeout (30 s);\n"
	      "-q: machine lines only. --table: one Markdown table of the\n"
	      "headline figures of runs saved in FILEs. --only: just the\n"
	      "baseline parse, or a load (load1: one worker), RUNS times, for\n"
	      "a profiler; memory: what 256 MB of fresh memory costs, a MB.\n"
	      "--state: the state's cost: a load with a state that has seen\n"
	      "every posting over one without, and the first paint with it\n"
	      "(and with the older state file that recorded seen in YAML).\n"
	      "A corpus of job pages (gen --pages) is measured against\n"
	      "libxml2's parse of the pages and libyaml's of their JSON-LD\n"
	      "blocks, for the load's cost only.\n",
	      f);
	return status;
}

int
main(int argc, char **argv)
{
	int runs = 0;
	const char *label = NULL, *path = NULL;
#ifdef BILLET_BUILDDIR
	const char *billet = BILLET_BUILDDIR "/src/billet";
#else
	const char *billet = "src/billet";
#endif
	double timeout = 30;
	if (argc > 1 && !strcmp(argv[1], "--table"))
		return argc > 2 ? table(argc - 2, argv + 2) : usage(stderr, 2);
	const char *only_what = NULL;
	bool state_only = false;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (!strcmp(a, "-h") || !strcmp(a, "--help"))
			return usage(stdout, 0);
		else if (!strcmp(a, "-q"))
			quiet = true;
		else if (!strcmp(a, "-B"))
			billet = NULL;
		else if (i + 1 < argc && !strcmp(a, "-r"))
			runs = atoi(argv[++i]);
		else if (i + 1 < argc && !strcmp(a, "-l"))
			label = argv[++i];
		else if (i + 1 < argc && !strcmp(a, "-b"))
			billet = argv[++i];
		else if (i + 1 < argc && !strcmp(a, "-t"))
			timeout = atof(argv[++i]);
		else if (i + 1 < argc && !strcmp(a, "--only"))
			only_what = argv[++i];
		else if (!strcmp(a, "--state"))
			state_only = true;
		else if (a[0] != '-' && !path)
			path = a;
		else
			return usage(stderr, 2);
	}
	if (!path || runs < 0 || runs > 1000)
		return usage(stderr, 2);
	if (only_what)
		return only(only_what, path, runs);
	if (state_only) {
		threads_init();
		info("label", "%s", label ? label : path);
		return state_bench(path, runs ? runs : 5, billet, timeout);
	}

	/* The corpus. */
	threads_init();
	struct files f;
	files_find(path, &f);
	if (!runs)
		runs = f.bytes > 100000000ull ? 5 : 7;
	info("label", "%s", label ? label : path);
	info("path", "%s", path);
	size_t nfiles = f.n;
	double corpus = (double)f.bytes;
	limits = load_default_limits;
	if (f.largest > limits.max_file)
		limits.max_file = (size_t)f.largest;
	fig("load.max_file", (double)limits.max_file);
	size_t npages = pages_count(&f);
	if (npages && npages != f.n) {
		fprintf(stderr, "bench: %s holds job pages and other files: "
		        "measure them apart\n", path);
		files_free(&f);
		return 1;
	}
	if (npages) {
		int rc = pages_bench(path, &f, runs, default_threads);
		files_free(&f);
		free(threads_env);
		if (!quiet)
			rows_print(label ? label : path, "job pages", nfiles, corpus,
			           runs);
		return rc;
	}
	fig("corpus.files", (double)nfiles);
	fig("corpus.bytes", corpus);
	fig("runs", runs);
	files_free(&f);

	/* (3) Memory first, while this process is small. */
	progress("peak memory (child processes)");
	long idle_kb = child_peak_kb(path, CHILD_NOTHING);
	long base_kb = child_peak_kb(path, CHILD_BASELINE);
	long load_kb = child_peak_kb(path, CHILD_LOAD);
	if (load_kb < 0)
		return load_failed(path, runs);
	long index_kb = child_peak_kb(path, CHILD_INDEX);

	/* (1) and (2): the baseline and the load, in turns, after a
	 * warm-up of each so that the files come from the page cache. */
	progress("baseline and load, %d runs each", runs);
	double *bms = xmalloc((size_t)runs * sizeof(*bms));
	double *l1ms = xmalloc((size_t)runs * sizeof(*l1ms));
	double *lms = xmalloc((size_t)runs * sizeof(*lms));
	double *fms = xmalloc((size_t)runs * sizeof(*fms));
	double *bpms = xmalloc((size_t)runs * sizeof(*bpms));
	double *fresh = xmalloc((size_t)runs * sizeof(*fresh));
	double *again = xmalloc((size_t)runs * sizeof(*again));
	size_t perr;
	unsigned long long events = baseline_parse(path, &perr);
	struct catalog c;
	catalog_init(&c);
	for (int warm = 0; warm < 2; warm++) {
		loader_threads(warm == 0);
		load_path(&c, path, &limits);
		catalog_free(&c);
	}
	for (int r = 0; r < runs; r++) {
		double t0 = now_ms();
		baseline_parse(path, &perr);
		bms[r] = now_ms() - t0;
		/* the baseline on the default workers' threads */
		t0 = now_ms();
		baseline_parallel(path, default_threads, &perr);
		bpms[r] = now_ms() - t0;
		/* what fresh memory costs just now (64 MB of it: the
		 * load after it finds that much already touched) */
		memory_cost(64, &fresh[r], &again[r]);
		/* one worker thread */
		loader_threads(true);
		catalog_init(&c);
		t0 = now_ms();
		load_path(&c, path, &limits);
		l1ms[r] = now_ms() - t0;
		catalog_free(&c);
		/* as many as billet takes by default; the last one is kept */
		loader_threads(false);
		catalog_init(&c);
		t0 = now_ms();
		load_path(&c, path, &limits);
		lms[r] = now_ms() - t0;
		if (r + 1 < runs) {
			t0 = now_ms();
			catalog_free(&c);
			fms[r] = now_ms() - t0;
		}
	}
	/* the ratios: the median of each round's, the loads over the
	 * baseline run just before them, so that the machine's slower and
	 * faster spells (a shared VM's) weigh on both sides alike */
	double *x1 = xmalloc((size_t)runs * sizeof(*x1));
	double *x = xmalloc((size_t)runs * sizeof(*x));
	double *xp = xmalloc((size_t)runs * sizeof(*xp));
	double *xlp = xmalloc((size_t)runs * sizeof(*xlp));
	for (int r = 0; r < runs; r++) {
		x1[r] = l1ms[r] / bms[r];
		x[r] = lms[r] / bms[r];
		xp[r] = bpms[r] / bms[r];
		xlp[r] = lms[r] / bpms[r];
	}
	double load1_x = median(x1, (size_t)runs);
	double load_x = median(x, (size_t)runs);
	double par_x = median(xp, (size_t)runs);
	double load_par_x = median(xlp, (size_t)runs);
	double par_ms = median(bpms, (size_t)runs);
	free(x1);
	free(x);
	free(xp);
	free(xlp);
	free(bpms);
	baseline_ms = median(bms, (size_t)runs);
	double load1_ms = median(l1ms, (size_t)runs);
	double load_ms = median(lms, (size_t)runs);
	fig("corpus.postings", (double)c.n);
	fig("corpus.problems", (double)c.nproblems);
	fig("corpus.errors", (double)c.nerrors);
	size_t nerrors = c.nerrors;
	if (nerrors) {
		for (size_t i = 0; i < c.nproblems; i++) {
			if (c.problems[i].error) {
				info("corpus.first_error", "%s:%u:%u: %s",
				     c.problems[i].file, c.problems[i].line,
				     c.problems[i].col, c.problems[i].msg);
				break;
			}
		}
		fprintf(stderr, "bench: billet reported %zu error%s loading "
		        "%s: the figures do not measure the whole corpus\n",
		        nerrors, nerrors == 1 ? "" : "s", path);
	}
	fig("baseline.events", (double)events);
	fig("baseline.errors", (double)perr);
	fig("baseline_ms", baseline_ms);
	fig("baseline.min_ms", bms[0]);
	{
		struct row *r = row_add("libyaml event parse (baseline)");
		snprintf(r->value, sizeof(r->value), "%.1f ms", baseline_ms);
		snprintf(r->ratio, sizeof(r->ratio), "1");
	}
	fig_time_x("load1", "billet load_path, BILLET_THREADS=1", load1_ms,
	           load1_x);
	fig("load1.min_ms", l1ms[0]);
	char what[80];
	snprintf(what, sizeof(what), "billet load_path, %d worker%s",
	         default_threads, default_threads == 1 ? "" : "s");
	fig("load.threads", default_threads);
	fig_time_x("load", what, load_ms, load_x);
	fig("load.min_ms", lms[0]);
	/* what libyaml alone does on as many threads: the limit of a load
	 * with that many workers on this machine, whose cores may share
	 * more than they seem to */
	snprintf(what, sizeof(what), "libyaml alone on %d thread%s",
	         default_threads, default_threads == 1 ? "" : "s");
	fig_time_x("baseline_par", what, par_ms, par_x);
	fig("load.x_of_par", load_par_x);
	if (runs > 1)
		fig_time("load.free", "  catalog_free after it",
		         median(fms, (size_t)runs - 1));
	{
		double f = median(fresh, (size_t)runs);
		double g = median(again, (size_t)runs);
		fig("mem.fresh_ms_per_mb", f);
		fig("mem.again_ms_per_mb", g);
		struct row *r = row_add("  fresh memory written (64 MB), a MB");
		snprintf(r->value, sizeof(r->value), "%.3f ms", f);
		r = row_add("  the same freed and written again, a MB");
		snprintf(r->value, sizeof(r->value), "%.3f ms", g);
	}
	free(fresh);
	free(again);
	fig("load.arena_bytes", (double)c.arena.total);
	fig("load.held_bytes", (double)c.arena.held);
	fig("baseline.mb_per_s", corpus / 1e6 / (baseline_ms / 1e3));
	fig("load1.mb_per_s", corpus / 1e6 / (load1_ms / 1e3));
	fig("load.mb_per_s", corpus / 1e6 / (load_ms / 1e3));

	/* Memory figures. */
	if (load_kb > 0 && corpus > 0) {
		fig("mem.peak_kb", (double)load_kb);
		fig("mem.peak_x", (double)load_kb * 1024 / corpus);
		row_mb("peak RSS of a load", (double)load_kb * 1024, corpus,
		       2);
	} else {
		fig_na("mem.peak_kb");
		fig_na("mem.peak_x");
	}
	if (index_kb > 0 && corpus > 0) {
		fig("mem.peak_index_kb", (double)index_kb);
		fig("mem.peak_index_x", (double)index_kb * 1024 / corpus);
		row_mb("peak RSS of a load and its index",
		       (double)index_kb * 1024, corpus, 2);
	}
	if (idle_kb > 0) {
		fig("mem.process_kb", (double)idle_kb);
		if (load_kb > 0 && corpus > 0)
			fig("mem.net_x", (double)(load_kb - idle_kb) * 1024 /
			                 corpus);
	}
	if (base_kb > 0 && corpus > 0) {
		fig("mem.baseline_peak_kb", (double)base_kb);
		fig("mem.baseline_peak_x", (double)base_kb * 1024 / corpus);
		row_mb("  peak RSS of the baseline parse",
		       (double)base_kb * 1024, corpus, 2);
	}
	row_mb("  corpus on disk", corpus, 0, 2);
	row_mb("  catalog arena", (double)c.arena.total, corpus, 2);
	row_mb("  file bytes holding text (big files)", (double)c.arena.held,
	       corpus, 2);

	/* (4) Filter latency per keystroke: query_match on every posting,
	 * on the previous matches when the query narrows, and query_select
	 * with the index (built here, timed; its caches emptied before each
	 * query, so the first pass is cold). */
	progress("index");
	double it0 = now_ms();
	struct query_index *ix = index_build(c.v, c.n);
	fig_time("index.build", "index_build", now_ms() - it0);
	fig("mem.index_bytes", (double)index_memory(ix));
	if (corpus > 0) {
		fig("mem.index_x", (double)index_memory(ix) / corpus);
		row_mb("  index memory", (double)index_memory(ix), corpus, 3);
	}
	static const char *const mode_key[] = { "", ".narrow", ".index" };
	static const char *const mode_what[] = { "", " (narrowing)",
	                                         " (index)" };
	for (size_t k = 0; k < N(queries); k++) {
		for (int mode = FM_MATCH; mode <= FM_INDEX; mode++) {
			progress("filter: typing \"%s\"%s", queries[k].text,
			         mode_what[mode]);
			index_extend(ix, c.v, c.n); /* empties its caches */
			struct keystats st = type_query(&c, queries[k].text,
			                                (enum filter_mode)mode, ix,
			                                runs, 10000);
			char key[96], what[96];
			const char *nk = mode_key[mode];
			snprintf(key, sizeof(key), "filter.%s%s.median",
			         queries[k].name, nk);
			snprintf(what, sizeof(what), "filter %s%s: median key",
			         queries[k].what, mode_what[mode]);
			fig_time(key, what, st.median);
			snprintf(key, sizeof(key), "filter.%s%s.worst",
			         queries[k].name, nk);
			snprintf(what, sizeof(what), "  worst key (at \"%.*s\"%s)",
			         (int)st.worst_len, queries[k].text,
			         st.worst_back ? ", erasing" : "");
			fig_time(key, what, st.worst);
			snprintf(key, sizeof(key), "filter.%s%s.keystrokes",
			         queries[k].name, nk);
			fig(key, (double)st.keys);
			snprintf(key, sizeof(key), "filter.%s%s.skipped",
			         queries[k].name, nk);
			fig(key, (double)st.skipped);
			snprintf(key, sizeof(key), "filter.%s%s.matches",
			         queries[k].name, nk);
			fig(key, (double)st.matches);
			snprintf(key, sizeof(key), "filter.%s%s.passes",
			         queries[k].name, nk);
			fig(key, st.passes);
			if (st.term_keys) {
				snprintf(key, sizeof(key),
				         "filter.%s%s.term_median", queries[k].name,
				         nk);
				snprintf(what, sizeof(what),
				         "  median key once a term is typed");
				fig_time(key, what, st.term_median);
				snprintf(key, sizeof(key), "filter.%s%s.term_worst",
				         queries[k].name, nk);
				snprintf(what, sizeof(what),
				         "  worst key once a term is typed");
				fig_time(key, what, st.term_worst);
				snprintf(key, sizeof(key), "filter.%s%s.term_keys",
				         queries[k].name, nk);
				fig(key, (double)st.term_keys);
			}
			snprintf(key, sizeof(key), "filter.%s%s.worst_key",
			         queries[k].name, nk);
			info(key, "\"%.*s\" %s", (int)st.worst_len,
			     queries[k].text, st.worst_back ? "(backspacing)"
			                                    : "(typing)");
			if (mode == FM_INDEX) {
				snprintf(key, sizeof(key), "filter.%s%s.first_worst",
				         queries[k].name, nk);
				fig_time(key, "  worst key of the first pass (cold)",
				         st.first_worst);
				if (st.term_keys) {
					snprintf(key, sizeof(key),
					         "filter.%s%s.first_term_worst",
					         queries[k].name, nk);
					fig_time(key, "  the same once a term is "
					         "typed", st.first_term_worst);
				}
			}
		}
	}
	index_free(ix);

	/* (5) Sort time per key, from load order each time. */
	progress("sort");
	struct posting **v = xmalloc((c.n ? c.n : 1) * sizeof(*v));
	double worst_sort = 0;
	for (int k = 0; k < SORT_NKEYS; k++) {
		struct sort_spec spec = {.key = {(enum sort_key)k}, .n = 1};
		for (int r = 0; r < runs; r++) {
			memcpy(v, c.v, c.n * sizeof(*v));
			double t0 = now_ms();
			sort_postings(v, c.n, &spec, NULL);
			bms[r] = now_ms() - t0;
		}
		double ms = median(bms, (size_t)runs);
		if (ms > worst_sort)
			worst_sort = ms;
		char key[64], what[64];
		snprintf(key, sizeof(key), "sort.%s", sort_key_name(k));
		snprintf(what, sizeof(what), "sort by %s", sort_key_name(k));
		fig_time(key, what, ms);
	}
	fig("sort.worst_ms", worst_sort);
	free(v);

	/* (6) Compare rows of the four longest postings. */
	progress("compare");
	if (c.n >= 4) {
		const struct posting *top[4] = {0};
		size_t toplen[4] = {0};
		for (size_t i = 0; i < c.n; i++) {
			size_t len = posting_len(c.v[i]);
			for (int k = 0; k < 4; k++) {
				if (!top[k] || len > toplen[k]) {
					for (int m = 3; m > k; m--) {
						top[m] = top[m - 1];
						toplen[m] = toplen[m - 1];
					}
					top[k] = c.v[i];
					toplen[k] = len;
					break;
				}
			}
		}
		size_t nrows_cmp = 0;
		for (int r = 0; r < runs; r++) {
			struct cmp_table t;
			double t0 = now_ms();
			int rc = compare_build(top, 4, &t);
			bms[r] = now_ms() - t0;
			nrows_cmp = rc == 0 ? t.nrows : 0;
			if (rc == 0)
				compare_free(&t);
		}
		fig_time("compare", "compare rows of the 4 longest",
		         median(bms, (size_t)runs));
		fig("compare.rows", (double)nrows_cmp);
		fig("compare.text_bytes",
		    (double)(toplen[0] + toplen[1] + toplen[2] + toplen[3]));
	} else {
		fig_na("compare_ms");
	}

	/* (7) First paint. */
	const char *paint_note = NULL;
	char note[200];
	if (billet) {
		progress("first paint (%s)", billet);
		double pm[5];
		int np = 0;
		struct paint p = {0};
		bool reports = knows_first_paint(billet);
		for (int r = 0; r < runs && r < 5; r++) {
			p = first_paint(billet, path, timeout, reports, NULL);
			if (p.ms < 0)
				break;
			pm[np++] = p.ms;
			if (p.ms > 5000)
				break;
		}
		if (np) {
			fig_time("first_paint", "first paint", median(pm, (size_t)np));
			fig("first_paint.runs", np);
			if (p.loaded >= 0)
				fig("first_paint.loaded", (double)p.loaded);
		} else {
			snprintf(note, sizeof(note), "%s", p.note);
			paint_note = note;
		}
		if (p.output_ms >= 0) {
			fig("first_paint.output_ms", p.output_ms);
			struct row *r = row_add("  first byte on the terminal");
			snprintf(r->value, sizeof(r->value), "%.1f ms", p.output_ms);
		}
	} else {
		paint_note = "not measured (-B)";
	}
	if (paint_note) {
		fig_na("first_paint_ms");
		info("first_paint.note", "%s", paint_note);
		struct row *r = row_add("first paint");
		snprintf(r->value, sizeof(r->value), "n/a");
	}
	size_t npostings = c.n;
	catalog_free(&c);
	free(bms);
	free(l1ms);
	free(lms);
	free(fms);
	free(threads_env);

	if (!quiet) {
		char what[64];
		snprintf(what, sizeof(what), "%zu postings", npostings);
		rows_print(label ? label : path, what, nfiles, corpus, runs);
		if (paint_note)
			printf("first paint: n/a (%s)\n", paint_note);
		if (nerrors)
			printf("WARNING: billet reported %zu load error%s: these "
			       "figures do not measure the whole corpus\n",
			       nerrors, nerrors == 1 ? "" : "s");
	}
	return 0;
}
