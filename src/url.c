/* SPDX-License-Identifier: MIT */
/* url: choosing a posting's address, checking it before it is opened or
 * copied, and reading $BROWSER as xdg-utils does. */
#include "url.h"

#include "config.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* True for the blanks trimmed at the ends of an address. */
static bool
blank(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* s without its blanks at either end: *len bytes from the result. */
static const char *
trimmed(const char *s, size_t *len)
{
	while (*s && blank(*s))
		s++;
	size_t n = strlen(s);
	while (n && blank(s[n - 1]))
		n--;
	*len = n;
	return s;
}

/* Appends byte c as %XX. */
static void
percent(struct buf *out, unsigned char c)
{
	buf_printf(out, "%%%02X", c);
}

/* Appends the address of an e-mail as a mailto: URL takes it: the
 * characters that mean something in a URL encoded, controls and bytes
 * outside ASCII left for url_check to refuse or encode. */
static void
mail_address(struct buf *out, const char *s, size_t len)
{
	if (len >= 7 && strncasecmp(s, "mailto:", 7) == 0) {
		s += 7;
		len -= 7;
	}
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80 && strchr("%?#&\"<>\\^`{|}", c) && c)
			percent(out, c);
		else
			buf_addc(out, (char)c);
	}
}

/* Appends a subject as a mailto: URL's query takes it: tabs and line
 * breaks as spaces, every ASCII character but letters, digits, -._~ and
 * the space encoded (url_check encodes spaces and checks the rest). */
static void
mail_subject(struct buf *out, const char *s, size_t len)
{
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == '\t' || c == '\n' || c == '\r')
			c = ' ';
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '.' ||
		    c == '_' || c == '~' || c == ' ' || c < 0x20 || c >= 0x7F)
			buf_addc(out, (char)c);
		else
			percent(out, c);
	}
}

enum url_kind
url_of_posting(const struct posting *p, struct buf *out)
{
	size_t n;
	const char *s;
	if (p->apply.url && (s = trimmed(p->apply.url, &n), n)) {
		buf_add(out, s, n);
		return URL_APPLY;
	}
	if (p->apply.email && (s = trimmed(p->apply.email, &n), n)) {
		buf_adds(out, "mailto:");
		mail_address(out, s, n);
		size_t sn;
		const char *sub = p->apply.subject
		                  ? trimmed(p->apply.subject, &sn) : NULL;
		if (sub && sn) {
			buf_adds(out, "?subject=");
			mail_subject(out, sub, sn);
		}
		return URL_EMAIL;
	}
	if (p->source && (s = trimmed(p->source, &n), n)) {
		buf_add(out, s, n);
		return URL_SOURCE;
	}
	return URL_NONE;
}

const char *
url_kind_name(enum url_kind k)
{
	switch (k) {
	case URL_APPLY: return "apply URL";
	case URL_EMAIL: return "apply e-mail";
	case URL_SOURCE: return "source";
	default: return "URL";
	}
}

/* True for the bidirectional controls text_sanitize shows as \uXXXX. */
static bool
bidi(uint32_t cp)
{
	return (cp >= 0x202A && cp <= 0x202E) ||
	       (cp >= 0x2066 && cp <= 0x2069) || cp == 0x200E || cp == 0x200F;
}

/* Writes why to why (size bytes), printf-style. */
static bool
refuse(char *why, size_t size, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static bool
refuse(char *why, size_t size, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	if (size)
		vsnprintf(why, size, fmt, ap);
	va_end(ap);
	return false;
}

/* Appends s[0..len), cut to at most max bytes, sanitised (for a
 * message). */
static void
shown(struct buf *b, const char *s, size_t len, size_t max)
{
	text_sanitize(b, s, len < max ? len : max, SAN_CARET_NL);
	if (len > max)
		buf_adds(b, "...");
}

/* Checks the scheme and what must follow it in s[0..len); true when it
 * is http://HOST, https://HOST or mailto:ADDRESS. */
static bool
check_scheme(const char *s, size_t len, char *why, size_t size)
{
	size_t i = 0;
	if (len && ((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z')))
		while (i < len && (s[i] == '+' || s[i] == '-' || s[i] == '.' ||
		                   (s[i] >= 'a' && s[i] <= 'z') ||
		                   (s[i] >= 'A' && s[i] <= 'Z') ||
		                   (s[i] >= '0' && s[i] <= '9')))
			i++;
	if (i == 0 || i >= len || s[i] != ':') {
		struct buf b = {0};
		shown(&b, s, len, 24);
		refuse(why, size, "does not start with http(s):// or "
		       "mailto: ('%s')", b.s ? b.s : "");
		buf_free(&b);
		return false;
	}
	size_t rest = i + 1;
	if ((i == 4 && strncasecmp(s, "http", 4) == 0) ||
	    (i == 5 && strncasecmp(s, "https", 5) == 0)) {
		if (len - rest < 2 || s[rest] != '/' || s[rest + 1] != '/')
			return refuse(why, size, "has no // after %.*s:",
			              (int)i, s);
		size_t h = rest + 2;
		if (h == len || s[h] == '/' || s[h] == '?' || s[h] == '#')
			return refuse(why, size, "names no host after "
			              "%.*s://", (int)i, s);
		return true;
	}
	if (i == 6 && strncasecmp(s, "mailto", 6) == 0) {
		if (rest == len || s[rest] == '?')
			return refuse(why, size, "names no address after "
			              "mailto:");
		return true;
	}
	struct buf b = {0};
	shown(&b, s, i, 24);
	refuse(why, size, "starts with %s:, not http(s):// or "
	       "mailto:", b.s ? b.s : "");
	buf_free(&b);
	return false;
}

bool
url_check(const char *url, struct buf *out, char *why, size_t size)
{
	size_t len;
	const char *s = trimmed(url ? url : "", &len);
	if (len == 0)
		return refuse(why, size, "is empty");
	if (len > URL_MAX)
		return refuse(why, size, "is %zu bytes long, more than %d",
		              len, URL_MAX);
	/* controls first: they are the danger, whatever the scheme */
	size_t col = 1;
	for (size_t i = 0; i < len; col++) {
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		bool bad_byte = cp == 0xFFFD && n == 1;
		if (!bad_byte && (cp < 0x20 || cp == 0x7F ||
		                  (cp >= 0x80 && cp <= 0x9F) || bidi(cp))) {
			struct buf b = {0};
			text_sanitize(&b, s + i, n, SAN_CARET_NL);
			refuse(why, size, "holds a %s, %s, at column %zu",
			       bidi(cp) ? "bidirectional control"
			                : "control character",
			       b.s ? b.s : "", col);
			buf_free(&b);
			return false;
		}
		i += n;
	}
	if (!check_scheme(s, len, why, size))
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ' || c >= 0x80)
			percent(out, c);
		else
			buf_addc(out, (char)c);
	}
	return true;
}

bool
url_terminal_browser(const char *program)
{
	static const char *const names[] = {
		"lynx", "w3m", "elinks", "links", "links2", "browsh",
		"www-browser", "carbonyl", "cha", "edbrowse", "netrik",
	};
	const char *base = strrchr(program, '/');
	base = base ? base + 1 : program;
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++)
		if (strcmp(base, names[i]) == 0)
			return true;
	return false;
}

/* Appends word[0..len) to out with %s as url and %% as %; sets *used
 * when a %s was there. */
static void
expand(struct buf *out, const char *word, size_t len, const char *url,
       bool *used)
{
	for (size_t i = 0; i < len; i++) {
		if (word[i] == '%' && i + 1 < len && word[i + 1] == 's') {
			buf_adds(out, url);
			*used = true;
			i++;
		} else if (word[i] == '%' && i + 1 < len && word[i + 1] == '%') {
			buf_addc(out, '%');
			i++;
		} else {
			buf_addc(out, word[i]);
		}
	}
	buf_adds(out, ""); /* never NULL */
}

/* Makes the command of one entry e[0..len) of $BROWSER; false when it
 * has no words. */
static bool
command_of(const char *e, size_t len, const char *url, struct url_command *c)
{
	size_t words = 0;
	for (size_t i = 0; i < len; i++)
		if (e[i] != ' ' && e[i] != '\t' &&
		    (i == 0 || e[i - 1] == ' ' || e[i - 1] == '\t'))
			words++;
	if (words == 0)
		return false;
	c->argv = xcalloc(words + 2, sizeof(*c->argv));
	size_t n = 0;
	bool used = false;
	for (size_t i = 0; i < len;) {
		while (i < len && (e[i] == ' ' || e[i] == '\t'))
			i++;
		size_t j = i;
		while (j < len && e[j] != ' ' && e[j] != '\t')
			j++;
		if (j > i) {
			struct buf w = {0};
			expand(&w, e + i, j - i, url, &used);
			c->argv[n++] = buf_steal(&w);
		}
		i = j;
	}
	if (!used)
		c->argv[n++] = xstrdup(url);
	c->argv[n] = NULL;
	c->terminal = url_terminal_browser(c->argv[0]);
	return true;
}

size_t
url_browser_commands(const char *browser, const char *url,
                     struct url_command *cmds, size_t max)
{
	size_t n = 0;
	const char *s = browser ? browser : "";
	while (n < max) {
		const char *end = strchr(s, ':');
		size_t len = end ? (size_t)(end - s) : strlen(s);
		if (command_of(s, len, url, &cmds[n]))
			n++;
		if (!end)
			break;
		s = end + 1;
	}
	return n;
}

void
url_command_free(struct url_command *c)
{
	if (!c->argv)
		return;
	for (size_t i = 0; c->argv[i]; i++)
		free(c->argv[i]);
	free(c->argv);
	c->argv = NULL;
}
