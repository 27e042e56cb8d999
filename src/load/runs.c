/* SPDX-License-Identifier: MIT */
/* load/runs: a unit of work (a file, or a run of its documents) parsed:
 * its encoding settled, its documents read one run of the parser at a
 * time, resuming at the next document marker after an error. */
#include "load/reader.h"

#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

void
filemap_release(struct filemap *m)
{
	if (!m || atomic_fetch_sub(&m->left, 1) != 1)
		return;
	if (m->addr)
		munmap(m->addr, m->maplen);
	free(m->mem);
	free(m);
}

/* filemap_release for an arena's hold. */
static void
filemap_let_go(void *m)
{
	filemap_release(m);
}

void
unit_free(struct unit *u)
{
	catalog_free(&u->part);
	shapes_state_free(u->shapes);
	free(u->v);
	free(u->read_error);
	free(u);
}

/* The byte offset where 0-based line l of buf starts (len if none). */
static size_t
line_offset(const char *buf, size_t len, unsigned l)
{
	size_t off = 0;
	while (l > 0 && off < len) {
		const char *nl = memchr(buf + off, '\n', len - off);
		if (!nl)
			return len;
		off = (size_t)(nl - buf) + 1;
		l--;
	}
	return off;
}

/* True if a document marker "---" starts at buf[i] (a line start). */
static bool
doc_marker_at(const char *buf, size_t len, size_t i)
{
	return i + 3 <= len && !memcmp(buf + i, "---", 3) &&
	       (i + 3 == len || buf[i + 3] == ' ' || buf[i + 3] == '\n' ||
	        buf[i + 3] == '\r' || buf[i + 3] == '\t');
}

size_t
runs_next_marker(const char *buf, size_t len, size_t from)
{
	size_t i = from;
	if (i > 0 && buf[i - 1] != '\n') {
		const char *nl = memchr(buf + i, '\n', len - i);
		if (!nl)
			return len;
		i = (size_t)(nl - buf) + 1;
	}
	while (i < len) {
		if (doc_marker_at(buf, len, i))
			return i;
		const char *nl = memchr(buf + i, '\n', len - i);
		if (!nl)
			return len;
		i = (size_t)(nl - buf) + 1;
	}
	return len;
}


/* What follows an error that skips to the document marker at next (len
 * when there is none in this unit). */
static const char *
resume_note(const struct unit *u, size_t next, size_t len)
{
	/* a unit that is not the file's last ends at a marker */
	return next < len || !u->last
	       ? "reading resumes at the next '---' document"
	       : "the rest of the file is not read";
}

/* After an error at 0-based line fail of the run that started at pos:
 * the offset of the next document marker from that line on (past pos),
 * and in *lines the lines before it. The bytes are looked at from the
 * floor on, those before it may hold kept text. */
static size_t
skip_to_marker(const struct reader *r, const char *buf, size_t len,
               size_t pos, unsigned fail, unsigned *lines)
{
	size_t fl = (size_t)(r->floor - buf);
	unsigned fline = r->floor_line;
	size_t off = fl + line_offset(buf + fl, len - fl,
	                              fail > fline ? fail - fline : 0);
	size_t next = runs_next_marker(buf, len, off);
	if (next <= pos)
		next = runs_next_marker(buf, len, pos + 1);
	*lines = r->line_base + fline + bytes_lines(buf + fl, next - fl);
	return next;
}

/* Runs started again after an error, at most, in one unit: each restart
 * costs libyaml a fresh buffer, so a file of nothing but broken documents
 * must not make thousands of them. */
#define MAX_RESTARTS 100

/* Reads buf run by run: every document, resuming at the next document
 * marker after a syntax error or a nesting too deep (at most MAX_RESTARTS
 * times). Returns false, having reported nothing of it, at bytes libyaml
 * will not read when retry is set, so that the caller can repair them and
 * read again. */
static bool
parse_runs(struct reader *r, struct unit *u, const char *buf, size_t len,
           const atomic_bool *cancel, bool retry)
{
	size_t pos = 0;
	unsigned lines = 0, restarts = 0; /* lines before pos */
	while (pos < len && !atomic_load_explicit(cancel, memory_order_relaxed)) {
		if (restarts++ > MAX_RESTARTS) {
			if (u->last)
				catalog_problem(&u->part, u->file, lines + 1, 1,
				                true, "more than %d broken "
				                "documents; the rest of the file "
				                "is not read", MAX_RESTARTS);
			else
				catalog_problem(&u->part, u->file, lines + 1, 1,
				                true, "more than %d broken "
				                "documents; reading resumes at byte "
				                "%zu", MAX_RESTARTS, u->off0 + u->len);
			break;
		}
		reader_restart(r);
		r->line_base = lines;
		struct run_error err;
		enum run_end end = reader_run(r, buf + pos, len - pos, cancel,
		                              &err);
		if (end == RUN_SYNTAX) {
			/* (bytes read once are gone when text was kept in
			 * them: then it is said as it is) */
			if (err.bad_bytes && retry && r->inw == r->inbase)
				return false;
			size_t next = skip_to_marker(r, buf, len, pos, err.line,
			                             &lines);
			catalog_problem(&u->part, u->file,
			                err.line + 1 + r->line_base, err.col + 1,
			                true, "YAML syntax: %s%s%s%s; %s",
			                err.problem ? err.problem : "error",
			                err.context ? " " : "",
			                err.context ? err.context : "",
			                err.at_start ? " that starts here" : "",
			                resume_note(u, next, len));
			pos = next;
			r->item++; /* the broken document has its number */
		} else if (end == RUN_TOO_DEEP) {
			unsigned base = r->line_base;
			size_t next = skip_to_marker(r, buf, len, pos,
			                             r->resync_line, &lines);
			catalog_problem(&u->part, u->file,
			                r->resync_line + 1 + base,
			                r->resync_col + 1, true,
			                "nesting deeper than %zu levels (see "
			                "--max-depth); %s", r->x.lim->max_depth,
			                resume_note(u, next, len));
			pos = next;
			r->item++;
		} else {
			break; /* the end, or cancelled */
		}
	}
	return true;
}

void
parse_unit(struct unit *u, struct arena *keep, const struct load_limits *lim,
           const atomic_bool *cancel)
{
	/* what the unit keeps goes into the worker's arena, which fills
	 * big blocks (huge pages) from unit to unit; the unit's own arena,
	 * holding its file's name, is put back afterwards */
	struct arena own = u->part.arena;
	u->part.arena = *keep;
	struct reader r = {0};
	r.x = (struct lctx){.c = &u->part, .file = u->file, .lim = lim};
	const char *buf = u->buf;
	size_t len = u->len;
	char *fixed = NULL, *fixed2 = NULL;
	size_t flen = 0;
	bool plain;
	u->lines = bytes_scan(buf, len, &plain);
	if (u->read_error) {
		/* where the bytes read end: a unit starts at a line's start */
		size_t i = len;
		while (i > 0 && buf[i - 1] != '\n')
			i--;
		u->end_col = 1;
		for (; i < len; i++)
			u->end_col += ((unsigned char)buf[i] & 0xC0) != 0x80;
	}
	if (u->first && len >= 2 &&
	    (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
	     ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF))) {
		bool le = (unsigned char)buf[0] == 0xFF;
		catalog_problem(&u->part, u->file, 1, 1, false, "file is UTF-16%s; "
		                "read as such (billet prefers UTF-8)",
		                le ? "LE" : "BE");
		fixed = bytes_from_utf16((const unsigned char *)buf, len, le, &flen);
		buf = fixed;
		len = flen;
	}
	if (u->first && len >= 3 && !memcmp(buf, "\xEF\xBB\xBF", 3)) {
		buf += 3; /* a UTF-8 byte order mark */
		len -= 3;
	}
	/* JSON's surrogate pair escapes, which libyaml refuses: read from a
	 * rewritten copy, as repaired bytes are (not kept in place) */
	char *unsur = jsonld_unsurrogate(&r.x, buf, len, &flen);
	if (unsur) {
		free(fixed);
		fixed = unsur;
		buf = unsur;
		len = flen;
	}
	/* A big file's bytes are billet's own memory, read once: the text
	 * kept goes back into them, behind the parser, rather than into
	 * fresh memory. Not when libyaml might stop at a bad byte (the
	 * bytes are read again, repaired) or count lines otherwise than
	 * billet does (a lone CR, NEL, LS, PS). */
	if (u->map && u->map->keep_text && !fixed && plain)
		r.inbase = r.inw = (char *)buf;
	size_t np0 = u->part.nproblems, ne0 = u->part.nerrors;
	if (!parse_runs(&r, u, buf, len, cancel, true)) {
		/* bad bytes: report the first, read them as U+FFFD, again */
		r.inbase = r.inw = NULL;
		u->part.nproblems = np0;
		u->part.nerrors = ne0;
		r.nfile = 0;
		r.item = 0;
		r.aliased = 0; /* the file is read again from the start */
		r.aliased_bytes = 0;
		r.aliased_reported = false;
		shapes_state_free(r.x.sh); /* and what it was read as */
		r.x.sh = NULL;
		fixed2 = bytes_repair(&r.x, buf, len, &flen, u->off0);
		if (fixed2) {
			buf = fixed2;
			len = flen;
		}
		parse_runs(&r, u, buf, len, cancel, false);
	}
	u->v = r.file_postings;
	u->n = r.nfile;
	u->docs = r.item;
	u->shapes = r.x.sh;
	r.file_postings = NULL;
	reader_free(&r);
	free(fixed);
	free(fixed2);
	if (u->map && r.inw && r.inw > r.inbase) {
		/* the text kept in the bytes: the arena holds them (all of
		 * them: a huge page given back in part would be split) */
		atomic_fetch_add(&u->map->left, 1);
		if (!arena_hold(&u->part.arena, filemap_let_go, u->map,
		                u->len))
			die_nomem();
	} else if (u->map && u->map->addr) {
		/* the bytes parsed need not stay resident */
		long pg = sysconf(_SC_PAGESIZE);
		uintptr_t a = ((uintptr_t)u->buf + (uintptr_t)pg - 1) &
		              ~((uintptr_t)pg - 1);
		uintptr_t e = ((uintptr_t)u->buf + u->len) & ~((uintptr_t)pg - 1);
		if (e > a)
			madvise((void *)a, e - a, MADV_DONTNEED);
	}
	filemap_release(u->map);
	u->map = NULL;
	*keep = u->part.arena;
	u->part.arena = own;
}

void
parse_unit_whole(struct unit *u, struct arena *keep,
                 const struct load_limits *lim, const atomic_bool *cancel,
                 void (*read)(struct reader *r, const char *buf, size_t len,
                              const atomic_bool *cancel),
                 void (*document)(struct reader *r, struct ynode *root))
{
	/* as parse_unit: what the unit keeps goes into the worker's arena */
	struct arena own = u->part.arena;
	u->part.arena = *keep;
	struct reader r = {0};
	r.x = (struct lctx){.c = &u->part, .file = u->file, .lim = lim};
	r.document = document;
	bool plain;
	u->lines = bytes_scan(u->buf, u->len, &plain);
	if (u->read_error) {
		size_t i = u->len;
		while (i > 0 && u->buf[i - 1] != '\n')
			i--;
		u->end_col = 1;
		for (; i < u->len; i++)
			u->end_col += ((unsigned char)u->buf[i] & 0xC0) != 0x80;
	}
	if (u->len)
		read(&r, u->buf, u->len, cancel);
	u->v = r.file_postings;
	u->n = r.nfile;
	u->docs = r.item;
	u->shapes = r.x.sh; /* what the note says it was read as */
	r.file_postings = NULL;
	reader_free(&r);
	filemap_release(u->map);
	u->map = NULL;
	*keep = u->part.arena;
	u->part.arena = own;
}
