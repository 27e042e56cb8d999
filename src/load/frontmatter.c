/* SPDX-License-Identifier: MIT */
/* load/frontmatter: a Markdown file of one posting, as Jekyll and Hugo
 * collections keep them: its YAML front matter between "---" lines read
 * by the YAML reader (its lines and columns the file's own), in the
 * collections' own key names (frontmatter_keys.c, and the table of common
 * names of shapes_names.c), and its body read as
 * CommonMark (markdown.c) into the summary, lists and sections
 * (body.c). */
#include "load/frontmatter.h"
#include "load/body.h"
#include "load/markdown.h"

#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The state of reading one file: the YAML reader first, so that the
 * callback it is given finds the rest. */
struct fmread {
	struct reader r;
	const char *body;        /* the Markdown after the front matter */
	size_t body_len;
	unsigned body_line;      /* its first line in the file */
	const atomic_bool *cancel;
	bool seen;               /* the front matter's document was read */
	struct fm_keys keys;     /* how its keys were placed */
};

/* True when the line s[0..len) (without its '\n') is the three
 * characters mark, then only spaces, tabs or a CR. */
static bool
line_is(const char *s, size_t len, const char *mark)
{
	if (len < 3 || memcmp(s, mark, 3))
		return false;
	for (size_t i = 3; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t' && s[i] != '\r')
			return false;
	return true;
}

/* The bytes of the first line of s (without its '\n'). */
static size_t
first_line(const char *s, size_t len)
{
	const char *nl = memchr(s, '\n', len);
	return nl ? (size_t)(nl - s) : len;
}

/* s without a UTF-8 byte order mark. */
static const char *
skip_bom(const char *s, size_t *len)
{
	if (*len >= 3 && !memcmp(s, "\xEF\xBB\xBF", 3)) {
		*len -= 3;
		return s + 3;
	}
	return s;
}

bool
frontmatter_opens(const char *buf, size_t len)
{
	buf = skip_bom(buf, &len);
	size_t l = first_line(buf, len);
	return line_is(buf, l, "---") || line_is(buf, l, "+++");
}

bool
frontmatter_walk(const char *path)
{
	/* Hugo's list page of a section, never a posting */
	const char *base = strrchr(path, '/');
	bool index = !strncmp(base ? base + 1 : path, "_index.", 7);
	bool md = load_kind_of(path) == LOAD_MARKDOWN;
	if (md && index)
		return false;
	if (!md && !index)
		return true; /* a page, or front matter */
	int fd = open(path, O_RDONLY | O_NOCTTY | O_NONBLOCK);
	if (fd < 0)
		return true; /* said when it is read */
	char b[64];
	ssize_t k = read(fd, b, sizeof(b));
	close(fd);
	if (k < 0)
		return true;
	bool fm = frontmatter_opens(b, (size_t)k);
	return md ? fm : !fm;
}

/* Moves the problems from a to b-1 of c after the others (those said
 * after b), keeping their order: the body is read before the front
 * matter is mapped, and said after it. */
static void
problems_after(struct catalog *c, size_t a, size_t b)
{
	size_t n = b - a, rest = c->nproblems - b;
	if (!n || !rest)
		return;
	struct problem *t = xmalloc(n * sizeof(*t));
	memcpy(t, c->problems + a, n * sizeof(*t));
	memmove(c->problems + a, c->problems + b, rest * sizeof(*t));
	memcpy(c->problems + a + rest, t, n * sizeof(*t));
	free(t);
}

/* The default id of a Hugo page bundle (jobs/acme-organizer/index.md):
 * its folder's name, which the file's stem ("index") is not. */
static void
bundle_id(struct lctx *x, struct posting *p)
{
	const char *base = strrchr(x->file, '/');
	if (p->id || !base || base == x->file)
		return;
	base++;
	if (strncmp(base, "index.", 6) && strncmp(base, "_index.", 7))
		return;
	const char *end = base - 1, *dir = end;
	while (dir > x->file && dir[-1] != '/')
		dir--;
	if (end > dir && !(end - dir == 1 && *dir == '.'))
		p->id = lkeep(x, dir, (size_t)(end - dir));
}

/* Maps the front matter's mapping (reader_posting's map). */
static void
fm_map(struct reader *r, const struct ynode *m)
{
	frontmatter_map(&r->x, m, &((struct fmread *)r)->keys);
}

/* The reader's callback: the front matter's document, root. */
static void
fm_document(struct reader *r, struct ynode *root)
{
	struct fmread *f = (struct fmread *)r;
	struct lctx *x = &r->x;
	if (f->seen) {
		lerr(x, root, "front matter: a second YAML document (after "
		     "'...'); it is not read");
		return;
	}
	f->seen = true;
	r->item = 1;
	if (!root || root->kind == Y_NULL) {
		struct ynode *m = arena_alloc(&r->scratch, sizeof(*m));
		if (!m)
			die_nomem();
		*m = (struct ynode){.kind = Y_MAP, .weight = 1,
		                    .line = root ? root->line : 1,
		                    .col = root ? root->col : 1};
		root = m;
	}
	if (root->kind != Y_MAP) {
		lerr(x, root, "front matter: expected a mapping of keys such "
		     "as title, found %s; the posting is not loaded",
		     ykind_name(root));
		return;
	}
	size_t np0 = x->c->nproblems;
	struct body b = {0};
	struct md_source src = {.s = f->body, .len = f->body_len,
	                        .orig = f->body, .olen = f->body_len,
	                        .line0 = f->body_line,
	                        .html = load_kind_of(x->file) == LOAD_PAGE};
	/* Jekyll's Liquid and Hugo's shortcodes, rendered as the site
	 * would by the front matter's values */
	struct liquid_out lo = {0};
	if (liquid_has(f->body, f->body_len)) {
		liquid_render(f->body, f->body_len, root, &lo);
		src.s = lo.text.s ? lo.text.s : "";
		src.len = lo.text.len;
		src.map = &lo;
	}
	markdown_read(x, &src, f->cancel, &b);
	liquid_free(&lo);
	size_t np1 = x->c->nproblems, from = 0;
	frontmatter_keys(r, root, &b, &from, &f->keys);
	size_t before = r->nfile;
	reader_posting(r, root, fm_map);
	problems_after(x->c, np0, np1);
	if (r->nfile > before) {
		struct posting *p = r->file_postings[before];
		x->p = p;
		body_apply(x, &b, from);
		bundle_id(x, p);
		if (b.errors)
			p->problems = true;
		x->p = NULL;
	}
	body_free(&b);
}

/* Reads the front matter of buf and then its body. */
static void
fm_read(struct fmread *f, const char *buf, size_t len)
{
	struct reader *r = &f->r;
	struct lctx *x = &r->x;
	r->item = 1; /* one posting, or none: never "stem#1" */
	size_t l = first_line(buf, len);
	if (line_is(buf, l, "+++")) {
		catalog_problem(x->c, x->file, 1, 1, true, "TOML front matter "
		                "(+++) is not read: write it as YAML between "
		                "--- lines; the posting is not loaded");
		return;
	}
	if (!line_is(buf, l, "---")) {
		catalog_problem(x->c, x->file, 1, 1, true, "no front matter: a "
		                "posting file in Markdown opens with --- (YAML "
		                "front matter: title: and the other keys, then "
		                "--- again, then the text)");
		return;
	}
	/* the line that closes it: "---" (or YAML's "...") */
	size_t at = l < len ? l + 1 : len, close = len;
	unsigned line = 2;
	while (at < len) {
		size_t ll = first_line(buf + at, len - at);
		if (line_is(buf + at, ll, "---") || line_is(buf + at, ll, "...")) {
			close = at;
			at += ll < len - at ? ll + 1 : ll;
			break;
		}
		at += ll < len - at ? ll + 1 : ll;
		line++;
	}
	if (close == len) {
		catalog_problem(x->c, x->file, 1, 1, true, "the front matter "
		                "that opens here never closes: no line '---' "
		                "ends it; the posting is not loaded");
		return;
	}
	f->body = buf + at;
	f->body_len = len - at;
	f->body_line = line + 1;
	r->document = fm_document;
	struct run_error err;
	switch (reader_run(r, buf, close, f->cancel, &err)) {
	case RUN_SYNTAX:
		catalog_problem(x->c, x->file, err.line + 1, err.col + 1, true,
		                "front matter: YAML syntax: %s%s%s%s; the posting "
		                "is not loaded", err.problem ? err.problem
		                                             : "error",
		                err.context ? " " : "",
		                err.context ? err.context : "",
		                err.at_start ? " that starts here" : "");
		break;
	case RUN_TOO_DEEP:
		catalog_problem(x->c, x->file, r->resync_line + 1,
		                r->resync_col + 1, true, "front matter: nesting "
		                "deeper than %zu levels (see --max-depth); the "
		                "posting is not loaded", x->lim->max_depth);
		break;
	case RUN_DONE:
		if (!f->seen) /* nothing between the lines */
			fm_document(r, NULL);
		break;
	case RUN_CANCELLED:
		break;
	}
}

void
frontmatter_parse_unit(struct unit *u, struct arena *keep,
                       const struct load_limits *lim,
                       const atomic_bool *cancel)
{
	struct arena own = u->part.arena;
	u->part.arena = *keep;
	struct fmread f = {.cancel = cancel};
	f.r.x = (struct lctx){.c = &u->part, .file = u->file, .lim = lim};
	const char *buf = u->buf;
	size_t len = u->len, flen = 0;
	char *utf8 = NULL, *fixed = NULL;
	bool plain;
	u->lines = bytes_scan(buf, len, &plain);
	if (u->read_error) {
		/* where the bytes read end */
		size_t i = len;
		while (i > 0 && buf[i - 1] != '\n')
			i--;
		u->end_col = 1;
		for (; i < len; i++)
			u->end_col += ((unsigned char)buf[i] & 0xC0) != 0x80;
	}
	if (len >= 2 &&
	    (((unsigned char)buf[0] == 0xFF && (unsigned char)buf[1] == 0xFE) ||
	     ((unsigned char)buf[0] == 0xFE && (unsigned char)buf[1] == 0xFF))) {
		bool le = (unsigned char)buf[0] == 0xFF;
		catalog_problem(&u->part, u->file, 1, 1, false, "file is UTF-16%s; "
		                "read as such (billet prefers UTF-8)",
		                le ? "LE" : "BE");
		utf8 = bytes_from_utf16((const unsigned char *)buf, len, le,
		                        &flen);
		buf = utf8;
		len = flen;
		plain = false;
	}
	buf = skip_bom(buf, &len);
	/* bytes libyaml would refuse: said once, read as U+FFFD, in the
	 * front matter and the body alike */
	if (!plain && (fixed = bytes_repair(&f.r.x, buf, len, &flen, u->off0))) {
		buf = fixed;
		len = flen;
	}
	fm_read(&f, buf, len);
	u->v = f.r.file_postings;
	u->n = f.r.nfile;
	u->docs = 1;
	u->shapes = f.r.x.sh; /* what the note says it was read as */
	f.r.file_postings = NULL;
	reader_free(&f.r);
	free(utf8);
	free(fixed);
	filemap_release(u->map);
	u->map = NULL;
	*keep = u->part.arena;
	u->part.arena = own;
}
