/* SPDX-License-Identifier: MIT */
/* baseline: the corpus's files, found as load_path finds them, and the
 * baseline every time is a ratio to: libyaml's own parse of the same
 * files into events, on one thread and on as many as the loader takes. */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

#include "text.h"
#include "bench.h"

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
unsigned long long
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
unsigned long long
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
