/* SPDX-License-Identifier: MIT */
/* atomic: a file written whole or not at all, for the state file and for
 * exports. Every failure is said with the file or directory that failed:
 * the temporary file's directory while it is made, written and synced,
 * the target only when it is the one being replaced. */
#include "atomic.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "text.h"

struct atomic_io atomic_io = {
	.write = write,
	.fsync = fsync,
	.rename = rename,
};

char *
atomic_dir(const char *path)
{
	const char *slash = strrchr(path, '/');
	if (!slash)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* Writes all of s, going on after short writes and EINTR. */
static bool
write_all(int fd, const char *s, size_t n)
{
	while (n > 0) {
		ssize_t w = atomic_io.write(fd, s, n);
		if (w < 0) {
			if (errno == EINTR)
				continue;
			return false;
		}
		if (w == 0) {
			errno = ENOSPC;
			return false;
		}
		s += w;
		n -= (size_t)w;
	}
	return true;
}

static int
sync_fd(int fd)
{
	int r;
	while ((r = atomic_io.fsync(fd)) != 0 && errno == EINTR)
		;
	return r;
}

/* Syncs a directory so a rename in it lasts; file systems that cannot
 * sync a directory are let be. */
static bool
sync_dir(const char *dir)
{
	int fd = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
	if (fd < 0)
		return false;
	int r = sync_fd(fd);
	int e = errno;
	close(fd);
	errno = e;
	return r == 0 || errno == EINVAL || errno == ENOTSUP;
}

/* Fills msg with "cannot WHAT NAME: the cause in errno", NAME sanitised,
 * made absolute when it is a relative directory (so the message says
 * where), and written from ~ when it is under $HOME. */
static void
fail(char *msg, size_t size, const char *what, const char *name, bool dir)
{
	int e = errno;
	char *abs = NULL;
	if (dir && name[0] != '/')
		abs = realpath(name, NULL);
	const char *shown = abs ? abs : name;
	const char *home = getenv("HOME");
	size_t hl = home ? strlen(home) : 0;
	struct buf b = {0};
	if (hl > 1 && home[0] == '/' && !strncmp(shown, home, hl) &&
	    (shown[hl] == '/' || !shown[hl])) {
		buf_adds(&b, "~");
		shown += hl;
	}
	text_sanitize(&b, shown, strlen(shown), SAN_CARET_NL);
	if (msg && size)
		snprintf(msg, size, "cannot %s%s: %s", what, b.s ? b.s : "",
		         strerror(e));
	buf_free(&b);
	free(abs);
	errno = e;
}

/* Makes, writes and syncs the temporary file beside path; *tmp gets its
 * name. On failure nothing is left behind and msg says why. */
static bool
write_temp(const char *path, const char *dir, const char *data, size_t len,
           mode_t mode, char **tmp, char *msg, size_t size)
{
	size_t pl = strlen(path);
	char *name = xmalloc(pl + sizeof(".tmp.XXXXXX"));
	memcpy(name, path, pl);
	memcpy(name + pl, ".tmp.XXXXXX", sizeof(".tmp.XXXXXX"));
	int fd = mkstemp(name);
	if (fd < 0) {
		fail(msg, size, "create a temporary file in ", dir, true);
		free(name);
		return false;
	}
	const char *what = "write a temporary file in ";
	bool ok = false;
	if (fchmod(fd, mode) == 0 && write_all(fd, data, len)) {
		what = "sync a temporary file in ";
		ok = sync_fd(fd) == 0;
	}
	int e = errno;
	if (close(fd) != 0 && ok) {
		what = "write a temporary file in ";
		e = errno;
		ok = false;
	}
	if (!ok) {
		unlink(name);
		free(name);
		errno = e;
		fail(msg, size, what, dir, true);
		return false;
	}
	*tmp = name;
	return true;
}

enum atomic_result
atomic_write(const char *path, const char *data, size_t len, mode_t mode,
             bool overwrite, char *msg, size_t size)
{
	if (msg && size)
		msg[0] = '\0';
	char *dir = atomic_dir(path);
	char *tmp = NULL;
	enum atomic_result res = ATOMIC_FAILED;
	if (!write_temp(path, dir, data, len, mode, &tmp, msg, size))
		goto out;
	if (overwrite) {
		if (atomic_io.rename(tmp, path) != 0) {
			fail(msg, size, "put the new file in place of ", path,
			     false);
			goto out_tmp;
		}
	} else if (link(tmp, path) == 0) {
		unlink(tmp);
	} else if (errno == EEXIST) {
		unlink(tmp);
		res = ATOMIC_EXISTS;
		goto out;
	} else if (errno == EPERM || errno == ENOTSUP || errno == EMLINK ||
	           errno == ENOSYS) {
		/* no hard links here: claim the name, then replace the claim */
		int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC,
		              0600);
		if (fd < 0) {
			if (errno == EEXIST) {
				unlink(tmp);
				res = ATOMIC_EXISTS;
				goto out;
			}
			fail(msg, size, "create ", path, false);
			goto out_tmp;
		}
		close(fd);
		if (atomic_io.rename(tmp, path) != 0) {
			fail(msg, size, "put the new file in place of ", path,
			     false);
			unlink(path);
			goto out_tmp;
		}
	} else {
		fail(msg, size, "create ", path, false);
		goto out_tmp;
	}
	if (!sync_dir(dir)) {
		fail(msg, size, "sync the directory ", dir, true);
		res = ATOMIC_UNSYNCED;
		goto out;
	}
	res = ATOMIC_DONE;
	goto out;
out_tmp: {
	int e = errno;
	unlink(tmp);
	errno = e;
}
out:
	free(tmp);
	free(dir);
	return res;
}

void
atomic_tidy(const char *path)
{
	char *dir = atomic_dir(path);
	const char *slash = strrchr(path, '/');
	const char *base = slash ? slash + 1 : path;
	DIR *d = opendir(dir);
	free(dir);
	if (!d)
		return;
	size_t bl = strlen(base);
	struct dirent *de;
	while ((de = readdir(d)) != NULL) {
		if (strncmp(de->d_name, base, bl) == 0 &&
		    strncmp(de->d_name + bl, ".tmp.", 5) == 0 &&
		    strlen(de->d_name + bl + 5) == 6)
			unlinkat(dirfd(d), de->d_name, 0);
	}
	closedir(d);
}
