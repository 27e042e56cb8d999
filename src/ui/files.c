/* SPDX-License-Identifier: MIT */
/* files: the interface's actions on posting files. I imports a posting
 * (a path or an http(s) URL, through import.c) into a directory and
 * shows it; E opens the current posting's file in $VISUAL or $EDITOR at
 * its line, never through a shell, then reads the files again. */
#include "view.h"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include "import.h"

/* True when path is a directory this user may write into. */
static bool
writable_dir(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 && S_ISDIR(st.st_mode) &&
	       access(path, W_OK | X_OK) == 0;
}

/* Where I writes: the first directory among the paths given (on the
 * command line or in $BILLET_PATH) that is writable, else
 * $XDG_DATA_HOME/billet/postings (~/.local/share/...): malloc'd; *shown
 * tells whether the postings read already include it. The sample
 * postings are never written to. */
static char *
import_dir(const struct ui *ui, bool *shown)
{
	const struct ui_config *cfg = ui->cfg;
	*shown = true;
	for (size_t i = 0; i < cfg->npaths; i++)
		if (writable_dir(cfg->paths[i]))
			return xstrdup(cfg->paths[i]);
	if (!cfg->npaths && cfg->path_list && cfg->source &&
	    !strcmp(cfg->source, "$BILLET_PATH")) {
		char *copy = xstrdup(cfg->path_list);
		for (char *save = NULL, *p = strtok_r(copy, ":", &save); p;
		     p = strtok_r(NULL, ":", &save))
			if (writable_dir(p)) {
				char *d = xstrdup(p);
				free(copy);
				return d;
			}
		free(copy);
	}
	struct buf d = {0};
	const char *data = getenv("XDG_DATA_HOME");
	const char *home = getenv("HOME");
	if (data && *data == '/')
		buf_printf(&d, "%s/billet/postings", data);
	else
		buf_printf(&d, "%s/.local/share/billet/postings",
		           home && *home ? home : ".");
	*shown = ui->extra_path && !strcmp(ui->extra_path, d.s);
	return buf_steal(&d);
}

/* Says what was done once the files are read again (on the message
 * line until then: "reloading"). */
static void
after_load(struct ui *ui, bool error, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static void
after_load(struct ui *ui, bool error, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_clear(&ui->after_load);
	buf_vprintf(&ui->after_load, fmt, ap);
	va_end(ap);
	ui->after_load_error = error;
	ui_message(ui, error, "%s", ui->after_load.s);
}

/* Reads the files again, the cursor going to the posting id once it is
 * there. */
static void
reload_to(struct ui *ui, const char *id)
{
	char *want = xstrdup(id);
	list_reload(ui);
	free(ui->want_id);
	ui->want_id = want;
}

void
ui_import(struct ui *ui)
{
	if (ui->loader) {
		ui_message(ui, false, "still loading: I works once it is done");
		return;
	}
	char *src = ui_prompt(ui, COLS >= 50 ? "import (a path or an http(s) "
	                                       "URL): " : "import: ",
	                      "", NULL, NULL);
	char *s = src;
	while (s && *s == ' ')
		s++;
	size_t len = s ? strlen(s) : 0;
	while (len && s[len - 1] == ' ')
		s[--len] = '\0';
	if (!s || !*s) {
		ui_message(ui, false, "nothing imported");
		free(src);
		return;
	}
	struct buf path = {0};
	const char *home = getenv("HOME");
	if (s[0] == '~' && (s[1] == '/' || !s[1]) && home && *home)
		buf_printf(&path, "%s%s", home, s + 1);
	else
		buf_adds(&path, s);
	if (!strcmp(path.s, "-")) {
		ui_message(ui, true, "I: standard input is the terminal here: "
		           "name a file or a URL (billet --import - reads "
		           "pasted text)");
		goto out;
	}
	struct import_opts o = {.limits = ui->cfg->limits,
	                        .fetch = fetch_default_limits};
	if (fetch_is_url(path.s)) {
		ui_message(ui, false, "fetching %s ...", path.s);
		ui_draw(ui);
	}
	struct import_source src_in;
	if (!import_read(path.s, &o, &src_in)) {
		ui_message(ui, true, "not imported: %s", src_in.error);
		import_source_free(&src_in);
		goto out;
	}
	if (src_in.cat.n == 0) {
		struct buf why = {0};
		if (src_in.cat.nproblems)
			problem_format(&why, &src_in.cat.problems[0]);
		ui_message(ui, true, "not imported: no posting in %s%s%s",
		           src_in.name, why.len ? ": " : "", why.len ? why.s : "");
		buf_free(&why);
		import_source_free(&src_in);
		goto out;
	}
	bool shown;
	char *dir = import_dir(ui, &shown);
	char **taken = xcalloc(src_in.cat.n, sizeof(*taken));
	size_t ntaken = 0;
	char *first_id = NULL, *first_path = NULL;
	char msg[1200] = "";
	size_t exists = 0, failed = 0;
	for (size_t i = 0; i < src_in.cat.n; i++) {
		char *written;
		enum import_result r = import_write(dir, &src_in,
		                                    src_in.cat.v[i], false, taken,
		                                    ntaken, &written, msg,
		                                    sizeof(msg));
		if (r == IMPORT_WRITTEN) {
			if (!first_id) {
				first_id = xstrdup(src_in.cat.v[i]->id);
				first_path = xstrdup(written);
			}
			taken[ntaken++] = written;
			continue;
		}
		if (r == IMPORT_EXISTS && !first_path)
			first_path = xstrdup(written);
		exists += r == IMPORT_EXISTS;
		failed += r == IMPORT_FAILED;
		free(written);
	}
	if (ntaken && !shown) {
		/* read along with the paths given, for this run */
		free(ui->extra_path);
		ui->extra_path = xstrdup(dir);
	}
	if (ntaken) {
		reload_to(ui, first_id);
		ui->want_open = true; /* and show it, as Enter does */
	}
	if (failed)
		ui_message(ui, true, "not imported: %s", msg);
	else if (!ntaken)
		ui_message(ui, true, "not imported: %s exists (E edits it, or "
		           "billet --import --force replaces it)", first_path);
	else
		after_load(ui, exists > 0 || src_in.check.len > 0,
		           "imported %zu posting%s to %s%s%s%s", ntaken,
		           ntaken == 1 ? "" : "s", ntaken == 1 ? first_path : dir,
		           src_in.check.len ? "; a draft: check it (E)" : "",
		           exists ? "; some exist already, not replaced" : "",
		           shown ? "" : " (not among the paths given: read for "
		                        "this run)");
	for (size_t i = 0; i < ntaken; i++)
		free(taken[i]);
	free(taken);
	free(first_id);
	free(first_path);
	free(dir);
	import_source_free(&src_in);
out:
	buf_free(&path);
	free(src);
}

/* Editors that take +LINE before the file to open it at that line. */
static bool
takes_line(const char *cmd)
{
	static const char *const eds[] = {
		"vi", "vim", "nvim", "gvim", "view", "vim.basic", "vim.tiny",
		"nano", "rnano", "pico", "emacs", "emacsclient", "mg", "jed",
		"joe", "jove", "micro", "kak", "ne", "elvis", "nvi", "vile",
	};
	const char *base = strrchr(cmd, '/');
	base = base ? base + 1 : cmd;
	for (size_t i = 0; i < sizeof(eds) / sizeof(eds[0]); i++)
		if (!strcmp(base, eds[i]))
			return true;
	return false;
}

/* Runs argv (no shell) on the terminal while billet ignores SIGINT and
 * SIGQUIT; its wait status, or -1 when it could not start. */
static int
run(char **argv)
{
	struct sigaction ign, old_int, old_quit;
	memset(&ign, 0, sizeof(ign));
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid_t pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		sigset_t none;
		sigemptyset(&none);
		sigprocmask(SIG_SETMASK, &none, NULL);
		if (!isatty(0) || !isatty(1)) {
			int fd = open("/dev/tty", O_RDWR);
			if (fd >= 0) {
				if (!isatty(0))
					dup2(fd, 0);
				if (!isatty(1))
					dup2(fd, 1);
				if (fd > 2)
					close(fd);
			}
		}
		execvp(argv[0], argv);
		_exit(127);
	}
	int status = -1;
	if (pid > 0)
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	return pid > 0 ? status : -1;
}

/* Appends the words of an editor command to v (from *n on; v has room
 * for one a byte, and more): blanks separate words; '...' and "..."
 * quote, and a backslash outside single quotes takes the next character
 * as it is. Nothing else is special: no variables, no ';', no globbing,
 * so the command runs one program. The words live in store (as long as
 * ed, and a NUL each). */
static void
editor_words(const char *ed, char *store, char **v, size_t *n)
{
	char *out = store;
	const char *s = ed;
	for (;;) {
		while (*s == ' ' || *s == '\t' || *s == '\n')
			s++;
		if (!*s)
			break;
		v[(*n)++] = out;
		char quote = 0;
		for (; *s; s++) {
			if (quote) {
				if (*s == quote)
					quote = 0;
				else if (*s == '\\' && quote == '"' && s[1])
					*out++ = *++s;
				else
					*out++ = *s;
			} else if (*s == '\'' || *s == '"') {
				quote = *s;
			} else if (*s == '\\' && s[1]) {
				*out++ = *++s;
			} else if (*s == ' ' || *s == '\t' || *s == '\n') {
				break;
			} else {
				*out++ = *s;
			}
		}
		*out++ = '\0';
	}
}

int
ui_run_editor(const char *ed, const char *path, unsigned line)
{
	char *store = xcalloc(strlen(ed) + 1, 1);
	char **argv = xcalloc(strlen(ed) + 4, sizeof(*argv));
	size_t n = 0;
	editor_words(ed, store, argv, &n);
	int status = -1;
	if (n) {
		char at[32];
		snprintf(at, sizeof(at), "+%u", line);
		if (line && takes_line(argv[0]))
			argv[n++] = at;
		argv[n++] = (char *)path;
		argv[n] = NULL;
		status = run(argv);
	}
	free(argv);
	free(store);
	return status;
}

void
ui_edit(struct ui *ui)
{
	struct posting *p = ui_current(ui);
	if (!p) {
		ui_message(ui, false, "no posting here");
		return;
	}
	if (ui->loader) {
		ui_message(ui, false, "still loading: E works once it is done");
		return;
	}
	const char *ed = getenv("VISUAL");
	if (!ed || !*ed)
		ed = getenv("EDITOR");
	if (!ed || !*ed) {
		ui_message(ui, true, "E: neither $VISUAL nor $EDITOR is set");
		return;
	}
	if (access(p->file, W_OK) != 0) {
		ui_message(ui, true, "E: cannot edit %s: %s", p->file,
		           strerror(errno));
		return;
	}
	char *file = xstrdup(p->file);
	char *id = xstrdup(p->id);
	unsigned line = p->line ? p->line : 1;
	ui_leave();
	int status = ui_run_editor(ed, file, line);
	ui_return();
	clearok(curscr, TRUE);
	layout(ui);
	if (status == -1 || !WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		ui_message(ui, true, "E: the editor (%s) failed%s", ed,
		           status != -1 && WIFEXITED(status) &&
		           WEXITSTATUS(status) == 127 ? ": not found" : "");
	} else {
		reload_to(ui, id);
		after_load(ui, false, "edited %s", file);
	}
	free(id);
	free(file);
}
