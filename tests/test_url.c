/* SPDX-License-Identifier: MIT */
/* What o, y and Y rest on below the interface: the address chosen and
 * checked (url.c), $BROWSER read, base64 and OSC 52 (clip.c), programs
 * run without a shell (spawn.c). */
#include "url.h"
#include "clip.h"
#include "spawn.h"

#include <criterion/criterion.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

/* ---- helpers ---- */

/* url_check of s: the URL it lets through, or "REFUSED: why". Static
 * storage: one call at a time. */
static const char *
check(const char *s)
{
	static char out[2048];
	struct buf b = {0};
	char why[256] = "";
	if (url_check(s, &b, why, sizeof(why)))
		snprintf(out, sizeof(out), "%s", b.s);
	else
		snprintf(out, sizeof(out), "REFUSED: %s", why);
	buf_free(&b);
	return out;
}

/* The address url_of_posting takes from p, with its kind in *k. */
static const char *
address(const struct posting *p, enum url_kind *k)
{
	static char out[1024];
	struct buf b = {0};
	*k = url_of_posting(p, &b);
	snprintf(out, sizeof(out), "%s", b.s ? b.s : "");
	buf_free(&b);
	return out;
}

/* ---- which address ---- */

Test(url, apply_url_first_then_email_then_source)
{
	struct posting p = {0};
	enum url_kind k;
	cr_expect_str_eq(address(&p, &k), "");
	cr_expect_eq(k, URL_NONE);
	p.source = "https://example.org/found";
	cr_expect_str_eq(address(&p, &k), "https://example.org/found");
	cr_expect_eq(k, URL_SOURCE);
	p.apply.email = "jobs@example.org";
	cr_expect_str_eq(address(&p, &k), "mailto:jobs@example.org");
	cr_expect_eq(k, URL_EMAIL);
	p.apply.url = "  https://example.org/apply\n";
	cr_expect_str_eq(address(&p, &k), "https://example.org/apply");
	cr_expect_eq(k, URL_APPLY);
	p.apply.url = "   ";
	cr_expect_eq(url_of_posting(&p, &(struct buf){0}), URL_EMAIL);
	cr_expect_str_eq(url_kind_name(URL_APPLY), "apply URL");
	cr_expect_str_eq(url_kind_name(URL_SOURCE), "source");
}

Test(url, mailto_with_the_subject_encoded)
{
	struct posting p = {0};
	enum url_kind k;
	p.apply.email = "mailto:hr@example.org";
	p.apply.subject = "Policy Advocate & Organizer #12 (50%)\n";
	cr_expect_str_eq(address(&p, &k), "mailto:hr@example.org?subject="
	                 "Policy Advocate %26 Organizer %2312 %2850%25%29");
	/* then checked: the spaces encoded */
	cr_expect_str_eq(check(address(&p, &k)), "mailto:hr@example.org?"
	                 "subject=Policy%20Advocate%20%26%20Organizer%20%2312"
	                 "%20%2850%25%29");
	/* a line break inside the subject is a space, not a header */
	p.apply.subject = "Hello\nBcc: evil@example.org";
	cr_expect_str_eq(check(address(&p, &k)), "mailto:hr@example.org?"
	                 "subject=Hello%20Bcc%3A%20evil%40example.org");
	/* an address that would end early is encoded */
	p.apply.email = "a?b#c@example.org";
	p.apply.subject = NULL;
	cr_expect_str_eq(address(&p, &k), "mailto:a%3Fb%23c@example.org");
	/* a control character in the address is refused, not encoded */
	p.apply.email = "a\033]52;c;x\a@example.org";
	cr_expect_str_eq(check(address(&p, &k)), "REFUSED: holds a control "
	                 "character, ^[, at column 9");
}

/* ---- checking ---- */

Test(url, good_addresses_pass)
{
	cr_expect_str_eq(check("https://example.org/jobs?id=3#apply"),
	                 "https://example.org/jobs?id=3#apply");
	cr_expect_str_eq(check("HTTP://Example.org"), "HTTP://Example.org");
	cr_expect_str_eq(check("mailto:jobs@example.org"),
	                 "mailto:jobs@example.org");
	cr_expect_str_eq(check("  https://example.org/a b  "),
	                 "https://example.org/a%20b");
	cr_expect_str_eq(check("https://example.org/café"),
	                 "https://example.org/caf%C3%A9");
}

Test(url, hostile_addresses_refused)
{
	cr_expect_str_eq(check("javascript:alert(1)"), "REFUSED: starts with "
	                 "javascript:, not http(s):// or mailto:");
	cr_expect_str_eq(check("file:///etc/passwd"), "REFUSED: starts with "
	                 "file:, not http(s):// or mailto:");
	cr_expect_str_eq(check("--help"), "REFUSED: does not start with "
	                 "http(s):// or mailto: ('--help')");
	cr_expect_str_eq(check("-https://example.org"), "REFUSED: does not "
	                 "start with http(s):// or mailto: "
	                 "('-https://example.org')");
	cr_expect_str_eq(check("www.example.org"), "REFUSED: does not start "
	                 "with http(s):// or mailto: "
	                 "('www.example.org')");
	cr_expect_str_eq(check("https://exa\033[2Jmple.org"), "REFUSED: holds "
	                 "a control character, ^[, at column 12");
	cr_expect_str_eq(check("https://example.org/\x7f"), "REFUSED: holds "
	                 "a control character, ^?, at column 21");
	cr_expect_str_eq(check("https://example.org/a\nb"), "REFUSED: holds "
	                 "a control character, ^J, at column 22");
	cr_expect_str_eq(check("https://example.org/\xc2\x85"), "REFUSED: "
	                 "holds a control character, \\u0085, at column 21");
	cr_expect_str_eq(check("https://evil.example/\xe2\x80\xaegro.elpmaxe"),
	                 "REFUSED: holds a bidirectional control, \\u202E, at "
	                 "column 22");
	cr_expect_str_eq(check(""), "REFUSED: is empty");
	cr_expect_str_eq(check("https:example.org"), "REFUSED: has no // "
	                 "after https:");
	cr_expect_str_eq(check("https:///path"), "REFUSED: names no host "
	                 "after https://");
	cr_expect_str_eq(check("mailto:"), "REFUSED: names no address after "
	                 "mailto:");
	cr_expect_str_eq(check("java\033script:x"), "REFUSED: holds a control "
	                 "character, ^[, at column 5");
	char *big = malloc(URL_MAX + 20);
	memcpy(big, "https://example.org/", 20);
	memset(big + 20, 'a', URL_MAX - 10);
	big[URL_MAX + 10] = '\0';
	cr_expect_str_eq(check(big), "REFUSED: is 8202 bytes long, more than "
	                 "8192");
	free(big);
}

/* ---- $BROWSER ---- */

Test(url, browser_list_read_as_xdg_utils_reads_it)
{
	struct url_command c[4];
	size_t n = url_browser_commands("firefox --new-tab %s::lynx -dump:"
	                                "  w3m  ", "https://e.org/?a=1%20",
	                                c, 4);
	cr_assert_eq(n, 3);
	cr_expect_str_eq(c[0].argv[0], "firefox");
	cr_expect_str_eq(c[0].argv[1], "--new-tab");
	cr_expect_str_eq(c[0].argv[2], "https://e.org/?a=1%20");
	cr_expect_null(c[0].argv[3]);
	cr_expect_not(c[0].terminal);
	cr_expect_str_eq(c[1].argv[0], "lynx");
	cr_expect_str_eq(c[1].argv[1], "-dump");
	cr_expect_str_eq(c[1].argv[2], "https://e.org/?a=1%20");
	cr_expect(c[1].terminal);
	cr_expect_str_eq(c[2].argv[0], "w3m");
	cr_expect_str_eq(c[2].argv[1], "https://e.org/?a=1%20");
	cr_expect(c[2].terminal);
	for (size_t i = 0; i < n; i++)
		url_command_free(&c[i]);
	/* %s inside a word, %% a percent sign, a limit on how many */
	n = url_browser_commands("open --url=%s --x=100%%:b:c", "u", c, 2);
	cr_assert_eq(n, 2);
	cr_expect_str_eq(c[0].argv[1], "--url=u");
	cr_expect_str_eq(c[0].argv[2], "--x=100%");
	cr_expect_null(c[0].argv[3]);
	for (size_t i = 0; i < n; i++)
		url_command_free(&c[i]);
	cr_expect_eq(url_browser_commands(" : ", "u", c, 4), 0);
	cr_expect(url_terminal_browser("/usr/bin/elinks"));
	cr_expect_not(url_terminal_browser("/usr/bin/firefox"));
	cr_expect_not(url_terminal_browser("lynxish"));
}

/* ---- base64 and OSC 52 ---- */

/* clip_base64 of a C string. */
static const char *
b64(const char *s)
{
	static char out[256];
	struct buf b = {0};
	clip_base64(&b, s, strlen(s));
	snprintf(out, sizeof(out), "%s", b.s);
	buf_free(&b);
	return out;
}

Test(clip, base64_as_rfc_4648)
{
	cr_expect_str_eq(b64(""), "");
	cr_expect_str_eq(b64("f"), "Zg==");
	cr_expect_str_eq(b64("fo"), "Zm8=");
	cr_expect_str_eq(b64("foo"), "Zm9v");
	cr_expect_str_eq(b64("foob"), "Zm9vYg==");
	cr_expect_str_eq(b64("fooba"), "Zm9vYmE=");
	cr_expect_str_eq(b64("foobar"), "Zm9vYmFy");
	cr_expect_str_eq(b64("\xff\xfe\x80"), "//6A");
}

Test(clip, osc52_plain_and_wrapped)
{
	struct buf b = {0};
	cr_assert(clip_osc52(&b, "foo", 3, CLIP_WRAP_NONE, 100));
	cr_expect_str_eq(b.s, "\033]52;c;Zm9v\a");
	buf_clear(&b);
	cr_assert(clip_osc52(&b, "foo", 3, CLIP_WRAP_TMUX, 100));
	cr_expect_str_eq(b.s, "\033Ptmux;\033\033]52;c;Zm9v\a\033\\");
	buf_clear(&b);
	/* screen: cut into DCS strings of at most 256 bytes */
	char text[600];
	memset(text, 'x', sizeof(text));
	cr_assert(clip_osc52(&b, text, sizeof(text), CLIP_WRAP_SCREEN, 1000));
	size_t pieces = 0;
	struct buf joined = {0};
	for (const char *s = b.s; *s;) {
		cr_assert(strncmp(s, "\033P", 2) == 0);
		const char *end = strstr(s, "\033\\");
		cr_assert_not_null(end);
		cr_expect_leq(end + 2 - s, 256);
		buf_add(&joined, s + 2, (size_t)(end - s - 2));
		pieces++;
		s = end + 2;
	}
	cr_expect_eq(pieces, 4); /* 7 + 800 + 1 bytes in 252s */
	struct buf plain = {0};
	clip_osc52(&plain, text, sizeof(text), CLIP_WRAP_NONE, 1000);
	cr_expect_str_eq(joined.s, plain.s);
	buf_free(&joined);
	buf_free(&plain);
	/* too long: refused, nothing written */
	buf_clear(&b);
	cr_expect_not(clip_osc52(&b, text, sizeof(text), CLIP_WRAP_NONE, 799));
	cr_expect_eq(b.len, 0);
	cr_expect(clip_osc52(&b, text, sizeof(text), CLIP_WRAP_NONE, 800));
	buf_free(&b);
	cr_expect_eq(clip_wrap_for("/tmp/tmux-1/default,1,0", NULL, "screen"),
	             CLIP_WRAP_TMUX);
	cr_expect_eq(clip_wrap_for("", "123.pts-0", "xterm"), CLIP_WRAP_SCREEN);
	cr_expect_eq(clip_wrap_for(NULL, NULL, "screen-256color"),
	             CLIP_WRAP_SCREEN);
	cr_expect_eq(clip_wrap_for(NULL, "", "xterm-256color"), CLIP_WRAP_NONE);
}

/* The programs a test pretends are installed, blank-separated. */
static const char *installed;

/* found() for clip_tool_find: in installed. */
static bool
fake_found(const char *name)
{
	const char *s = strstr(installed, name);
	size_t n = strlen(name);
	return s && (s == installed || s[-1] == ' ') &&
	       (s[n] == ' ' || s[n] == '\0');
}

Test(clip, tool_by_display_and_path)
{
	installed = "wl-copy xclip xsel pbcopy";
	cr_expect_str_eq(clip_tool_find(true, true, fake_found)->name,
	                 "wl-copy");
	cr_expect_str_eq(clip_tool_find(false, true, fake_found)->name,
	                 "xclip");
	const struct clip_tool *t = clip_tool_find(false, true, fake_found);
	cr_expect_str_eq(t->argv[1], "-selection");
	cr_expect_str_eq(t->argv[2], "clipboard");
	cr_expect_null(t->argv[3]);
	cr_expect_str_eq(clip_tool_find(false, false, fake_found)->name,
	                 "pbcopy");
	installed = "xsel";
	cr_expect_str_eq(clip_tool_find(true, true, fake_found)->name, "xsel");
	cr_expect_null(clip_tool_find(true, false, fake_found));
	installed = "";
	cr_expect_null(clip_tool_find(true, true, fake_found));
}

/* ---- running programs ---- */

/* The contents of a file (static storage). */
static const char *
slurp(const char *path)
{
	static char out[4096];
	FILE *f = fopen(path, "rb");
	if (!f)
		return "(missing)";
	size_t n = fread(out, 1, sizeof(out) - 1, f);
	out[n] = '\0';
	fclose(f);
	return out;
}

Test(spawn, feed_gives_the_text_and_the_status)
{
	char dir[] = "/tmp/billet-spawn-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char out[128], cmd[256];
	snprintf(out, sizeof(out), "%s/out", dir);
	snprintf(cmd, sizeof(cmd), "cat > '%s'; exit 3", out);
	char *argv[] = {"sh", "-c", cmd, NULL};
	int status = -1;
	/* more than a pipe holds */
	size_t len = 200000;
	char *text = malloc(len);
	for (size_t i = 0; i < len; i++)
		text[i] = (char)('a' + i % 26);
	cr_assert_eq(spawn_feed(argv, text, len, 5000, &status), 0);
	cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 3);
	FILE *f = fopen(out, "rb");
	cr_assert_not_null(f);
	fseek(f, 0, SEEK_END);
	cr_expect_eq((size_t)ftell(f), len);
	fclose(f);
	free(text);
	/* a program that does not read is no trouble (no SIGPIPE) */
	char *quick[] = {"true", NULL};
	char big[100000] = {0};
	cr_expect_eq(spawn_feed(quick, big, sizeof(big), 5000, &status), 0);
	/* one that does not end is left, said */
	char *slow[] = {"sleep", "5", NULL};
	cr_expect_eq(spawn_feed(slow, "", 0, 200, &status), ETIMEDOUT);
	char *none[] = {"billet-no-such-program", NULL};
	cr_expect_eq(spawn_feed(none, "x", 1, 1000, &status), ENOENT);
	unlink(out);
	rmdir(dir);
}

Test(spawn, detached_runs_with_no_terminal_and_says_when_it_cannot)
{
	char dir[] = "/tmp/billet-spawn-XXXXXX";
	cr_assert_not_null(mkdtemp(dir));
	char out[128], cmd[1024];
	snprintf(out, sizeof(out), "%s/out", dir);
	/* its arguments as given, no shell between; stdin from /dev/null;
	 * a session of its own */
	snprintf(cmd, sizeof(cmd), "{ printf '%%s|' \"$@\"; "
	         "if [ -r /proc/$$/stat ]; then awk '{ print ($6 == $1 ? "
	         "\"leader\" : \"not a leader\") }' /proc/$$/stat; "
	         "else echo leader; fi; "
	         "read x && echo read || echo eof; } > '%s.tmp'; "
	         "mv '%s.tmp' '%s'", out, out, out);
	char *argv[] = {"sh", "-c", cmd, "sh", "$(id)", "-x", "a b", NULL};
	cr_assert_eq(spawn_run(argv, SPAWN_DETACHED, NULL), 0);
	for (int i = 0; i < 200 && access(out, F_OK) != 0; i++)
		usleep(20000);
	cr_expect_str_eq(slurp(out), "$(id)|-x|a b|leader\neof\n");
	char *none[] = {"billet-no-such-program", "x", NULL};
	cr_expect_eq(spawn_run(none, SPAWN_DETACHED, NULL), ENOENT);
	cr_expect_eq(spawn_run(none, SPAWN_TERMINAL, NULL), ENOENT);
	char *plain[] = {"true", NULL};
	int status = -1;
	cr_expect_eq(spawn_run(plain, SPAWN_TERMINAL, &status), 0);
	cr_expect(WIFEXITED(status) && WEXITSTATUS(status) == 0);
	cr_expect(spawn_found("sh"));
	cr_expect_not(spawn_found("billet-no-such-program"));
	cr_expect(spawn_found("/bin/sh"));
	cr_expect_not(spawn_found("/etc/passwd"));
	unlink(out);
	rmdir(dir);
}
