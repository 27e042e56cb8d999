/* SPDX-License-Identifier: MIT */
/* inject: an LD_PRELOAD shim that makes the system calls of a real billet
 * fail, return short or block, for tests/faults.sh. It touches only calls
 * on files under one directory, so the loader, the terminal and tmux go on
 * as usual. Set by the environment:
 *
 *   BILLET_INJECT       rules, separated by commas: CALL:WHAT[:WHICH[:WHERE]]
 *     CALL   write; fsync (also fdatasync); rename (also renameat,
 *            renameat2); open (open, openat, creat, mkstemp and kin);
 *            close (the file is closed all the same, as Linux does);
 *            read
 *     WHAT   an errno name (EIO, ENOSPC, EDQUOT, EROFS, EACCES...) or
 *            number: the call fails with it and does nothing;
 *            short: write writes half of what it is given (at least 1);
 *            eof: read reads nothing, as at the end of a file that was
 *            cut short while it was read;
 *            hang: the call blocks before doing anything;
 *            hangafter: the call is made, then blocks
 *     WHICH  N: the Nth matching call only (1 when left out); N+: the Nth
 *            and every later one; *: every one
 *     WHERE  a glob on the file's path under BILLET_INJECT_DIR ("." is the
 *            directory itself); * when left out
 *   BILLET_INJECT_DIR   the directory; without it nothing is injected
 *   BILLET_INJECT_ARM   a file: when set, the rules apply, and matching
 *                       calls are counted, only while this file exists
 *   BILLET_INJECT_LOG   a file: each injection appends "PID CALL WHAT PATH"
 *                       (a hang, before it blocks)
 *   BILLET_INJECT_HANG  how many seconds a hang lasts at most (600); then
 *                       the call fails with ETIMEDOUT
 *
 * A rule that cannot be read ends the process with status 98, so that a
 * mistyped rule fails its test instead of injecting nothing. */
#define _GNU_SOURCE
/* fortified headers define open and openat inline: this file defines them */
#undef _FORTIFY_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <fnmatch.h>
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <time.h>
#include <unistd.h>

enum call { C_WRITE, C_FSYNC, C_RENAME, C_OPEN, C_CLOSE, C_READ, C_N };

static const char *const call_names[C_N] = {
	"write", "fsync", "rename", "open", "close", "read",
};

enum what { W_ERRNO, W_SHORT, W_EOF, W_HANG, W_HANGAFTER };

/* One rule of BILLET_INJECT. */
struct rule {
	enum call call;
	enum what what;
	int err;            /* W_ERRNO: the errno */
	const char *name;   /* what the log says it did */
	long first;         /* the first matching call it applies to, 1-based */
	long last;          /* the last one; LONG_MAX for every later one */
	char *where;        /* glob on the relative path */
	long seen;          /* matching calls so far (atomic) */
};

#define MAX_RULES 16

static struct rule rules[MAX_RULES];
static int nrules;
static char dir[PATH_MAX]; /* BILLET_INJECT_DIR, resolved; "" when off */
static size_t dirlen;
static const char *arm;
static const char *logpath;
static long hang_seconds = 600;
static bool have[C_N]; /* some rule is about this call */
static _Thread_local int busy; /* inside the shim: do not inject */

static ssize_t (*real_write)(int, const void *, size_t);
static ssize_t (*real_read)(int, void *, size_t);
static int (*real_fsync)(int);
static int (*real_fdatasync)(int);
static int (*real_rename)(const char *, const char *);
static int (*real_renameat)(int, const char *, int, const char *);
static int (*real_renameat2)(int, const char *, int, const char *,
                             unsigned);
static int (*real_open)(const char *, int, ...);
static int (*real_open64)(const char *, int, ...);
static int (*real_openat)(int, const char *, int, ...);
static int (*real_openat64)(int, const char *, int, ...);
static int (*real_creat)(const char *, mode_t);
static int (*real_mkstemp)(char *);
static int (*real_mkstemp64)(char *);
static int (*real_mkostemp)(char *, int);
static int (*real_mkstemps)(char *, int);
static int (*real_mkostemps)(char *, int, int);
static int (*real_close)(int);

/* The next definition of name: libc's, or a sanitizer's interceptor. */
static void *
next(const char *name)
{
	void *f = dlsym(RTLD_NEXT, name);
	if (!f) {
		/* not every libc has every call (renameat2, open64) */
		errno = ENOSYS;
	}
	return f;
}

#define RESOLVE(f) \
	do { \
		if (!real_##f) \
			real_##f = next(#f); \
	} while (0)

static void
bad_rule(const char *rule, const char *why)
{
	char msg[512];
	int n = snprintf(msg, sizeof(msg), "inject: BILLET_INJECT: %s: %s\n",
	                 rule, why);
	RESOLVE(write);
	if (n > 0 && real_write)
		real_write(2, msg, (size_t)n < sizeof(msg) ? (size_t)n
		                                           : sizeof(msg) - 1);
	_exit(98);
}

static const struct {
	const char *name;
	int err;
} errnos[] = {
	{"EIO", EIO}, {"ENOSPC", ENOSPC}, {"EDQUOT", EDQUOT},
	{"EROFS", EROFS}, {"EACCES", EACCES}, {"EPERM", EPERM},
	{"EMFILE", EMFILE}, {"ENFILE", ENFILE}, {"EXDEV", EXDEV},
	{"EBUSY", EBUSY}, {"EINTR", EINTR}, {"ENOMEM", ENOMEM},
	{"EFBIG", EFBIG}, {"EAGAIN", EAGAIN}, {"ENOENT", ENOENT},
	{"EEXIST", EEXIST}, {"EINVAL", EINVAL}, {"ENAMETOOLONG", ENAMETOOLONG},
};

/* Reads one CALL:WHAT[:WHICH[:WHERE]] rule (s is modified). */
static void
parse_rule(char *s, const char *orig)
{
	if (nrules == MAX_RULES)
		bad_rule(orig, "too many rules");
	struct rule *r = &rules[nrules];
	char *field[4] = {0};
	int n = 0;
	field[n++] = s;
	/* WHERE is last and may hold ':' */
	for (char *p = s; *p && n < 4; p++) {
		if (*p == ':') {
			*p = '\0';
			field[n++] = p + 1;
		}
	}
	if (n < 2)
		bad_rule(orig, "expected CALL:WHAT[:WHICH[:WHERE]]");
	int c;
	for (c = 0; c < C_N; c++)
		if (!strcmp(field[0], call_names[c]))
			break;
	if (c == C_N)
		bad_rule(orig, "CALL is write, fsync, rename, open, close or "
		         "read");
	r->call = (enum call)c;
	r->name = field[1];
	if (!strcmp(field[1], "short")) {
		if (r->call != C_WRITE)
			bad_rule(orig, "only write can be short");
		r->what = W_SHORT;
	} else if (!strcmp(field[1], "eof")) {
		if (r->call != C_READ)
			bad_rule(orig, "only read can be eof");
		r->what = W_EOF;
	} else if (!strcmp(field[1], "hang")) {
		r->what = W_HANG;
	} else if (!strcmp(field[1], "hangafter")) {
		r->what = W_HANGAFTER;
	} else {
		r->what = W_ERRNO;
		char *end;
		long v = strtol(field[1], &end, 10);
		if (*field[1] && !*end && v > 0 && v < 4096) {
			r->err = (int)v;
		} else {
			size_t i;
			for (i = 0; i < sizeof(errnos) / sizeof(errnos[0]); i++)
				if (!strcmp(field[1], errnos[i].name))
					break;
			if (i == sizeof(errnos) / sizeof(errnos[0]))
				bad_rule(orig, "WHAT is an errno name or "
				         "number, short, eof, hang or "
				         "hangafter");
			r->err = errnos[i].err;
		}
	}
	const char *which = n > 2 && *field[2] ? field[2] : "1";
	if (!strcmp(which, "*")) {
		r->first = 1;
		r->last = LONG_MAX;
	} else {
		char *end;
		r->first = strtol(which, &end, 10);
		if (r->first < 1 || (*end && strcmp(end, "+")))
			bad_rule(orig, "WHICH is N, N+ or *");
		r->last = *end ? LONG_MAX : r->first;
	}
	r->where = n > 3 && *field[3] ? field[3] : "*";
	have[r->call] = true;
	nrules++;
}

__attribute__((constructor)) static void
inject_init(void)
{
	const char *d = getenv("BILLET_INJECT_DIR");
	const char *spec = getenv("BILLET_INJECT");
	if (!d || !*d || !spec || !*spec)
		return;
	if (!realpath(d, dir)) {
		dir[0] = '\0';
		return;
	}
	dirlen = strlen(dir);
	arm = getenv("BILLET_INJECT_ARM");
	if (arm && !*arm)
		arm = NULL;
	logpath = getenv("BILLET_INJECT_LOG");
	if (logpath && !*logpath)
		logpath = NULL;
	const char *h = getenv("BILLET_INJECT_HANG");
	if (h && atol(h) > 0)
		hang_seconds = atol(h);
	/* the rules keep pointers into this copy for the process's life */
	char *all = strdup(spec);
	if (!all)
		return;
	char *save = NULL;
	for (char *tok = strtok_r(all, ",", &save); tok;
	     tok = strtok_r(NULL, ",", &save)) {
		char *orig = strdup(tok);
		parse_rule(tok, orig ? orig : "?");
		free(orig);
	}
}

/* The path under dir that p names ("." for dir itself) into out; false
 * when p is elsewhere. p is absolute and resolved. */
static bool
under(const char *p, char *out, size_t outsz)
{
	if (!dirlen || strncmp(p, dir, dirlen) != 0)
		return false;
	if (p[dirlen] == '\0') {
		snprintf(out, outsz, ".");
		return true;
	}
	if (p[dirlen] != '/' && strcmp(dir, "/") != 0)
		return false;
	snprintf(out, outsz, "%s", p + dirlen + (p[dirlen] == '/'));
	return true;
}

/* The resolved path of fd, or false. */
static bool
fd_path(int fd, char *out, size_t outsz)
{
	char link[64];
	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	ssize_t n = readlink(link, out, outsz - 1);
	if (n <= 0)
		return false;
	out[n] = '\0';
	return out[0] == '/';
}

/* The resolved form of path p (relative to dirfd, which may be AT_FDCWD),
 * for a file that need not exist: its directory resolved, its name kept. */
static bool
path_of(int dirfd, const char *p, char *out, size_t outsz)
{
	char abs[PATH_MAX];
	if (!p)
		return false;
	if (p[0] == '/') {
		snprintf(abs, sizeof(abs), "%s", p);
	} else if (dirfd == AT_FDCWD) {
		if (!getcwd(abs, sizeof(abs)))
			return false;
		size_t l = strlen(abs);
		snprintf(abs + l, sizeof(abs) - l, "/%s", p);
	} else {
		if (!fd_path(dirfd, abs, sizeof(abs)))
			return false;
		size_t l = strlen(abs);
		snprintf(abs + l, sizeof(abs) - l, "/%s", p);
	}
	char res[PATH_MAX];
	if (realpath(abs, res)) {
		snprintf(out, outsz, "%s", res);
		return true;
	}
	/* not there yet: resolve its directory */
	char *slash = strrchr(abs, '/');
	if (!slash)
		return false;
	*slash = '\0';
	if (!realpath(*abs ? abs : "/", res))
		return false;
	int n = snprintf(out, outsz, "%s/%s", strcmp(res, "/") ? res : "",
	                 slash + 1);
	return n > 0 && (size_t)n < outsz;
}

static void
log_line(const char *call, const char *what, const char *rel)
{
	if (!logpath)
		return;
	RESOLVE(open);
	RESOLVE(write);
	RESOLVE(close);
	if (!real_open || !real_write || !real_close)
		return;
	int fd = real_open(logpath, O_WRONLY | O_CREAT | O_APPEND | O_CLOEXEC,
	                   0600);
	if (fd < 0)
		return;
	char line[PATH_MAX + 128];
	int n = snprintf(line, sizeof(line), "%ld %s %s %s\n", (long)getpid(),
	                 call, what, rel);
	if (n > 0)
		real_write(fd, line, (size_t)n < sizeof(line) ? (size_t)n
		                                             : sizeof(line) - 1);
	real_close(fd);
}

/* The rule that applies to this call on the file rel, counting it; NULL
 * when none does. */
static struct rule *
match(enum call call, const char *rel)
{
	struct stat sb;
	if (arm && stat(arm, &sb) != 0)
		return NULL;
	struct rule *hit = NULL;
	for (int i = 0; i < nrules; i++) {
		struct rule *r = &rules[i];
		if (r->call != call || fnmatch(r->where, rel, 0) != 0)
			continue;
		long k = __atomic_add_fetch(&r->seen, 1, __ATOMIC_SEQ_CST);
		if (!hit && k >= r->first && k <= r->last)
			hit = r;
	}
	return hit;
}

/* Blocks (a hang) until killed, or fails with ETIMEDOUT at last. */
static void
hang(void)
{
	struct timespec start, now;
	clock_gettime(CLOCK_MONOTONIC, &start);
	do {
		struct timespec ts = {0, 50 * 1000 * 1000};
		nanosleep(&ts, NULL);
		clock_gettime(CLOCK_MONOTONIC, &now);
	} while (now.tv_sec - start.tv_sec < hang_seconds);
	errno = ETIMEDOUT;
}

/* What to do to a call: the rule, or NULL to leave it be. The call's
 * file is fd's when p is NULL, else p relative to dirfd. */
static struct rule *
decide(enum call call, const char *fn, int fd, int dirfd, const char *p,
       char *rel, size_t relsz)
{
	if (!have[call] || busy)
		return NULL;
	busy = 1;
	int e = errno;
	char full[PATH_MAX];
	struct rule *r = NULL;
	bool known = p ? path_of(dirfd, p, full, sizeof(full))
	               : fd_path(fd, full, sizeof(full));
	if (known && under(full, rel, relsz))
		r = match(call, rel);
	if (r && r->what != W_HANGAFTER)
		log_line(fn, r->name, rel);
	errno = e;
	busy = 0;
	return r;
}

/* Before the call: -1 with errno when it is not to be made. */
static int
before(const struct rule *r)
{
	if (!r)
		return 0;
	if (r->what == W_ERRNO) {
		errno = r->err;
		return -1;
	}
	if (r->what == W_HANG) {
		hang();
		return -1;
	}
	return 0;
}

/* After a call that was made. */
static void
after(const struct rule *r, const char *fn, const char *rel)
{
	if (r && r->what == W_HANGAFTER) {
		int e = errno;
		busy = 1;
		log_line(fn, r->name, rel);
		busy = 0;
		hang();
		errno = e;
	}
}

/* ---- the calls ---- */

ssize_t
write(int fd, const void *buf, size_t n)
{
	RESOLVE(write);
	char rel[PATH_MAX];
	struct rule *r = decide(C_WRITE, "write", fd, 0, NULL, rel, sizeof(rel));
	if (before(r) < 0)
		return -1;
	if (r && r->what == W_SHORT && n > 1)
		n /= 2;
	ssize_t w = real_write(fd, buf, n);
	after(r, "write", rel);
	return w;
}

ssize_t
read(int fd, void *buf, size_t n)
{
	RESOLVE(read);
	char rel[PATH_MAX];
	struct rule *r = decide(C_READ, "read", fd, 0, NULL, rel, sizeof(rel));
	if (before(r) < 0)
		return -1;
	if (r && r->what == W_EOF)
		return 0;
	ssize_t k = real_read(fd, buf, n);
	after(r, "read", rel);
	return k;
}

static int
sync_call(int (**real)(int), const char *fn, int fd)
{
	if (!*real)
		*real = next(fn);
	char rel[PATH_MAX];
	struct rule *r = decide(C_FSYNC, fn, fd, 0, NULL, rel, sizeof(rel));
	if (before(r) < 0)
		return -1;
	int v = (*real)(fd);
	after(r, fn, rel);
	return v;
}

int
fsync(int fd)
{
	return sync_call(&real_fsync, "fsync", fd);
}

int
fdatasync(int fd)
{
	return sync_call(&real_fdatasync, "fdatasync", fd);
}

/* The rule for a rename: the source's, else the destination's. */
static struct rule *
rename_rule(const char *fn, int fromfd, const char *from, int tofd,
            const char *to, char *rel, size_t relsz)
{
	struct rule *r = decide(C_RENAME, fn, 0, tofd, to, rel, relsz);
	if (!r)
		r = decide(C_RENAME, fn, 0, fromfd, from, rel, relsz);
	return r;
}

int
rename(const char *from, const char *to)
{
	RESOLVE(rename);
	char rel[PATH_MAX];
	struct rule *r = rename_rule("rename", AT_FDCWD, from, AT_FDCWD, to,
	                             rel, sizeof(rel));
	if (before(r) < 0)
		return -1;
	int v = real_rename(from, to);
	after(r, "rename", rel);
	return v;
}

int
renameat(int fromfd, const char *from, int tofd, const char *to)
{
	RESOLVE(renameat);
	char rel[PATH_MAX];
	struct rule *r = rename_rule("renameat", fromfd, from, tofd, to, rel,
	                             sizeof(rel));
	if (before(r) < 0)
		return -1;
	int v = real_renameat(fromfd, from, tofd, to);
	after(r, "renameat", rel);
	return v;
}

int
renameat2(int fromfd, const char *from, int tofd, const char *to,
          unsigned flags)
{
	RESOLVE(renameat2);
	if (!real_renameat2)
		return -1;
	char rel[PATH_MAX];
	struct rule *r = rename_rule("renameat2", fromfd, from, tofd, to, rel,
	                             sizeof(rel));
	if (before(r) < 0)
		return -1;
	int v = real_renameat2(fromfd, from, tofd, to, flags);
	after(r, "renameat2", rel);
	return v;
}

/* The mode argument of an open that creates. */
#define OPEN_MODE(flags, mode) \
	do { \
		if (((flags) & O_CREAT) || \
		    ((flags) & O_TMPFILE) == O_TMPFILE) { \
			va_list ap; \
			va_start(ap, flags); \
			mode = va_arg(ap, mode_t); \
			va_end(ap); \
		} \
	} while (0)

static int
open_call(int (**real)(const char *, int, ...), const char *fn,
          const char *p, int flags, mode_t mode)
{
	if (!*real)
		*real = next(fn);
	if (!*real)
		return -1;
	char rel[PATH_MAX];
	struct rule *r = decide(C_OPEN, fn, 0, AT_FDCWD, p, rel, sizeof(rel));
	if (before(r) < 0)
		return -1;
	int fd = (*real)(p, flags, mode);
	after(r, fn, rel);
	return fd;
}

int
open(const char *p, int flags, ...)
{
	mode_t mode = 0;
	OPEN_MODE(flags, mode);
	return open_call(&real_open, "open", p, flags, mode);
}

int
open64(const char *p, int flags, ...)
{
	mode_t mode = 0;
	OPEN_MODE(flags, mode);
	return open_call(&real_open64, "open64", p, flags, mode);
}

static int
openat_call(int (**real)(int, const char *, int, ...), const char *fn,
            int dirfd, const char *p, int flags, mode_t mode)
{
	if (!*real)
		*real = next(fn);
	if (!*real)
		return -1;
	char rel[PATH_MAX];
	struct rule *r = decide(C_OPEN, fn, 0, dirfd, p, rel, sizeof(rel));
	if (before(r) < 0)
		return -1;
	int fd = (*real)(dirfd, p, flags, mode);
	after(r, fn, rel);
	return fd;
}

int
openat(int dirfd, const char *p, int flags, ...)
{
	mode_t mode = 0;
	OPEN_MODE(flags, mode);
	return openat_call(&real_openat, "openat", dirfd, p, flags, mode);
}

int
openat64(int dirfd, const char *p, int flags, ...)
{
	mode_t mode = 0;
	OPEN_MODE(flags, mode);
	return openat_call(&real_openat64, "openat64", dirfd, p, flags, mode);
}

int
creat(const char *p, mode_t mode)
{
	RESOLVE(creat);
	char rel[PATH_MAX];
	struct rule *r = decide(C_OPEN, "creat", 0, AT_FDCWD, p, rel,
	                        sizeof(rel));
	if (before(r) < 0)
		return -1;
	int fd = real_creat(p, mode);
	after(r, "creat", rel);
	return fd;
}

/* mkstemp and kin open inside libc, out of the shim's reach: the rule
 * is decided on the template, before the file is made. */
#define MKSTEMP_CALL(fn, call) \
	do { \
		RESOLVE(fn); \
		char rel[PATH_MAX]; \
		struct rule *r = decide(C_OPEN, #fn, 0, AT_FDCWD, tmpl, rel, \
		                        sizeof(rel)); \
		if (before(r) < 0) \
			return -1; \
		int fd = call; \
		after(r, #fn, rel); \
		return fd; \
	} while (0)

int
mkstemp(char *tmpl)
{
	MKSTEMP_CALL(mkstemp, real_mkstemp(tmpl));
}

int
mkstemp64(char *tmpl)
{
	MKSTEMP_CALL(mkstemp64, real_mkstemp64(tmpl));
}

int
mkostemp(char *tmpl, int flags)
{
	MKSTEMP_CALL(mkostemp, real_mkostemp(tmpl, flags));
}

int
mkstemps(char *tmpl, int suffixlen)
{
	MKSTEMP_CALL(mkstemps, real_mkstemps(tmpl, suffixlen));
}

int
mkostemps(char *tmpl, int suffixlen, int flags)
{
	MKSTEMP_CALL(mkostemps, real_mkostemps(tmpl, suffixlen, flags));
}

int
close(int fd)
{
	RESOLVE(close);
	char rel[PATH_MAX];
	struct rule *r = decide(C_CLOSE, "close", fd, 0, NULL, rel,
	                        sizeof(rel));
	if (r && r->what == W_ERRNO) {
		/* Linux closes the descriptor even when close fails */
		real_close(fd);
		errno = r->err;
		return -1;
	}
	if (before(r) < 0)
		return -1;
	int v = real_close(fd);
	after(r, "close", rel);
	return v;
}
