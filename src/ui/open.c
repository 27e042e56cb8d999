/* SPDX-License-Identifier: MIT */
/* open: acting on a posting outside billet. o opens its address (the
 * apply URL, else a mailto: for the apply e-mail, else the source) in a
 * browser; y copies that address and Y the posting as text to the
 * clipboard. Addresses are checked first (url.c), programs run without a
 * shell (spawn.c). */
#include "view.h"

#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "clip.h"
#include "spawn.h"
#include "url.h"

/* Most $BROWSER commands tried. */
#define BROWSERS_MAX 16
/* How long a clipboard program may take, in milliseconds. */
#define CLIP_TIMEOUT_MS 3000

/* How copying reaches the clipboard. */
enum clip_mode {
	CLIP_AUTO,  /* tmux's buffer, else a clipboard program */
	CLIP_OSC52, /* tmux's buffer, else the terminal's OSC 52 escape */
};

/* The clipboard setting: the config's `set clipboard = auto|osc52`
 * (also typed at the `:` prompt). */
static enum clip_mode
clipboard_setting(const struct ui *ui)
{
	const char *s = conf_str(ui->conf, CO_CLIPBOARD);
	return s && strcmp(s, "osc52") == 0 ? CLIP_OSC52 : CLIP_AUTO;
}

/* True when an environment variable is set and not empty. */
static bool
env_set(const char *name)
{
	const char *s = getenv(name);
	return s && *s;
}

/* The checked address of the current posting for o and y, appended to
 * url; verb ("opened", "copied") says what is not done when there is
 * none or it is refused, on the message line. NULL then; else the
 * posting. */
static const struct posting *
address(struct ui *ui, const char *verb, struct buf *url)
{
	const struct posting *p = ui_current(ui);
	if (!p) {
		ui_message(ui, false, "no posting here");
		return NULL;
	}
	struct buf raw = {0};
	enum url_kind kind = url_of_posting(p, &raw);
	if (kind == URL_NONE) {
		ui_message(ui, false, "no apply URL or source for this posting");
		return NULL;
	}
	char why[256];
	bool ok = url_check(raw.s, url, why, sizeof(why));
	buf_free(&raw);
	if (!ok) {
		ui_message(ui, true, "not %s: the %s %s", verb,
		           url_kind_name(kind), why);
		return NULL;
	}
	return p;
}

/* Opening ---------------------------------------------------------------- */

/* The command that opens url when $BROWSER is not set: xdg-open, or
 * open on macOS. */
static void
default_opener(const char *url, struct url_command *c)
{
#ifdef __APPLE__
	const char *opener = "open";
#else
	const char *opener = "xdg-open";
#endif
	c->argv = xcalloc(3, sizeof(*c->argv));
	c->argv[0] = xstrdup(opener);
	c->argv[1] = xstrdup(url);
	c->terminal = false;
}

/* Runs one command on url: a terminal browser (or any, without a
 * display) in the foreground with the terminal given to it, else
 * detached. 0 when it ran, else the errno of why not. */
static int
run_browser(struct ui *ui, const struct url_command *c, bool display,
            const char *url)
{
	if (!spawn_found(c->argv[0]))
		return ENOENT;
	if (!c->terminal && display) {
		int e = spawn_run(c->argv, SPAWN_DETACHED, NULL);
		if (!e)
			ui_message(ui, false, "opened %s with %s", url,
			           c->argv[0]);
		return e;
	}
	int status = 0;
	ui_leave();
	int e = spawn_run(c->argv, SPAWN_TERMINAL, &status);
	ui_return();
	clearok(curscr, TRUE);
	layout(ui);
	if (e)
		return e;
	if (WIFEXITED(status) && WEXITSTATUS(status) != 0)
		ui_message(ui, true, "%s %s: it ended with status %d",
		           c->argv[0], url, WEXITSTATUS(status));
	else if (WIFSIGNALED(status))
		ui_message(ui, true, "%s %s: it was killed by signal %d",
		           c->argv[0], url, WTERMSIG(status));
	else
		ui_message(ui, false, "opened %s with %s", url, c->argv[0]);
	return 0;
}

void
ui_open(struct ui *ui)
{
	struct buf url = {0};
	if (!address(ui, "opened", &url)) {
		buf_free(&url);
		return;
	}
	const char *browser = getenv("BROWSER");
	struct url_command cmds[BROWSERS_MAX] = {{0}};
	size_t n = browser && *browser
	           ? url_browser_commands(browser, url.s, cmds, BROWSERS_MAX)
	           : 0;
	bool from_env = n > 0;
	if (!from_env) {
		default_opener(url.s, &cmds[0]);
		n = 1;
	}
#ifdef __APPLE__
	bool display = true;
#else
	bool display = env_set("DISPLAY") || env_set("WAYLAND_DISPLAY");
#endif
	/* the message line says what is opened while it starts */
	ui_message(ui, false, "opening %s ...", url.s);
	ui_draw(ui);
	int e = ENOENT;
	size_t failed = 0;
	for (size_t i = 0; i < n; i++) {
		e = run_browser(ui, &cmds[i], display, url.s);
		if (!e)
			break;
		failed = i;
	}
	if (e) {
		const char *name = cmds[failed].argv[0];
		if (from_env)
			ui_message(ui, true, "not opened: %s (from $BROWSER): %s",
			           name, e == ENOENT ? "not found" : strerror(e));
		else
			ui_message(ui, true, "not opened: %s: %s; set $BROWSER "
			           "to a browser", name, e == ENOENT
			           ? "not found" : strerror(e));
	}
	for (size_t i = 0; i < n; i++)
		url_command_free(&cmds[i]);
	buf_free(&url);
}

/* Copying ---------------------------------------------------------------- */

/* Writes s[0..len) to the terminal itself; false (errno set) when it
 * cannot. */
static bool
to_terminal(const char *s, size_t len)
{
	int fd = open("/dev/tty", O_WRONLY | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return false;
	size_t done = 0;
	while (done < len) {
		ssize_t w = write(fd, s + done, len - done);
		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			int e = errno;
			close(fd);
			errno = e;
			return false;
		}
		done += (size_t)w;
	}
	close(fd);
	return true;
}

/* Feeds text to a program; true when it ran and ended with status 0. */
static bool
fed(const char *const *argv, const char *text, size_t len)
{
	int status = 0;
	int e = spawn_feed((char *const *)argv, text, len, CLIP_TIMEOUT_MS,
	                   &status);
	return !e && WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

/* Puts text[0..len) on the clipboard, what ("the URL") naming it in
 * the message that says where it went. */
static void
copy_out(struct ui *ui, const char *text, size_t len, const char *what)
{
	bool tmux = env_set("TMUX");
	if (tmux && spawn_found("tmux")) {
		/* -w: tmux passes it on to the terminal's clipboard too
		 * (tmux 3.2 on); older ones refuse -w */
		static const char *const with_w[] = {"tmux", "load-buffer",
		                                     "-w", "-", NULL};
		static const char *const plain[] = {"tmux", "load-buffer", "-",
		                                    NULL};
		if (fed(with_w, text, len) || fed(plain, text, len)) {
			ui_message(ui, false, "copied %s to tmux's buffer", what);
			return;
		}
	}
	if (clipboard_setting(ui) == CLIP_OSC52) {
		struct buf seq = {0};
		enum clip_wrap wrap = clip_wrap_for(getenv("TMUX"),
		                                    getenv("STY"),
		                                    getenv("TERM"));
		if (!clip_osc52(&seq, text, len, wrap, CLIP_OSC52_MAX))
			ui_message(ui, true, "not copied: %s is %zu bytes, too "
			           "long for OSC 52 (%d at most)", what, len,
			           CLIP_OSC52_MAX / 4 * 3);
		else if (!to_terminal(seq.s, seq.len))
			ui_message(ui, true, "not copied: cannot write to the "
			           "terminal: %s", strerror(errno));
		else
			ui_message(ui, false, "copied %s to the terminal's "
			           "clipboard (OSC 52)", what);
		buf_free(&seq);
		return;
	}
	const struct clip_tool *tool = clip_tool_find(env_set("WAYLAND_DISPLAY"),
	                                              env_set("DISPLAY"),
	                                              spawn_found);
	if (!tool) {
		ui_message(ui, true, "no clipboard: set clipboard = osc52 or "
		           "install wl-copy/xclip");
		return;
	}
	if (fed(tool->argv, text, len))
		ui_message(ui, false, "copied %s with %s", what, tool->name);
	else
		ui_message(ui, true, "not copied: %s failed%s", tool->name,
		           tmux ? " (and so did tmux load-buffer)" : "");
}

void
ui_copy(struct ui *ui, bool text)
{
	struct buf out = {0};
	if (!text) {
		if (address(ui, "copied", &out))
			copy_out(ui, out.s, out.len, "the URL");
		buf_free(&out);
		return;
	}
	const struct posting *p = ui_current(ui);
	if (!p) {
		ui_message(ui, false, "no posting here");
		return;
	}
	/* as --show prints it: 80 columns, what the user recorded under
	 * the title, sanitised (posting_render) */
	struct posting_mine m;
	ui_state_mine(ui, p, &m);
	m.stars = true;
	struct rlines rl = {0};
	posting_render_mine(p, &m, 80, &rl);
	for (size_t i = 0; i < rl.n; i++) {
		buf_adds(&out, rl.v[i].text ? rl.v[i].text : "");
		buf_addc(&out, '\n');
	}
	char what[64];
	snprintf(what, sizeof(what), "the posting (%zu line%s)", rl.n,
	         rl.n == 1 ? "" : "s");
	rlines_free(&rl);
	copy_out(ui, out.s ? out.s : "", out.len, what);
	buf_free(&out);
}
