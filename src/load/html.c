/* SPDX-License-Identifier: MIT */
/* load/html: HTML in a posting's text (schema.org descriptions) -> plain
 * text with its line breaks, entities decoded. */
#include "load/html.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

/* HTML ------------------------------------------------------------------ */

/* Named entities worth knowing in job postings. */
static const struct {
	const char *name;
	const char *text;
} entities[] = {
	{"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""},
	{"apos", "'"}, {"nbsp", " "}, {"ndash", "–"}, {"mdash", "—"},
	{"rsquo", "’"}, {"lsquo", "‘"}, {"rdquo", "”"}, {"ldquo", "“"},
	{"hellip", "…"}, {"bull", "•"}, {"middot", "·"}, {"copy", "©"},
	{"reg", "®"}, {"trade", "™"}, {"euro", "€"}, {"pound", "£"},
	{"eacute", "é"}, {"egrave", "è"}, {"aacute", "á"}, {"oacute", "ó"},
	{"iacute", "í"}, {"uacute", "ú"}, {"ntilde", "ñ"}, {"uuml", "ü"},
	{"ouml", "ö"}, {"auml", "ä"}, {"ccedil", "ç"}, {"szlig", "ß"},
};

/* Decodes an entity at s (after '&'); returns bytes used or 0. */
static size_t
entity(struct buf *out, const char *s, size_t len)
{
	size_t semi = 0;
	while (semi < len && semi < 12 && s[semi] != ';')
		semi++;
	if (semi >= len || s[semi] != ';' || semi == 0)
		return 0;
	if (s[0] == '#') {
		char *end;
		char num[16];
		if (semi - 1 >= sizeof(num) || semi < 2)
			return 0;
		memcpy(num, s + 1, semi - 1);
		num[semi - 1] = '\0';
		unsigned long cp = num[0] == 'x' || num[0] == 'X'
			? strtoul(num + 1, &end, 16) : strtoul(num, &end, 10);
		if (*end || cp == 0 || cp > 0x10FFFF ||
		    (cp >= 0xD800 && cp <= 0xDFFF))
			cp = 0xFFFD;
		char enc[4];
		buf_add(out, enc, text_encode((uint32_t)cp, enc));
		return semi + 1;
	}
	for (size_t i = 0; i < sizeof(entities) / sizeof(entities[0]); i++) {
		if (strlen(entities[i].name) == semi &&
		    !memcmp(s, entities[i].name, semi)) {
			buf_adds(out, entities[i].text);
			return semi + 1;
		}
	}
	return 0;
}

/* True if the tag name at s (after '<' or "</") is one of the words. */
static bool
tag_is(const char *s, size_t len, const char *const *words)
{
	for (; *words; words++) {
		size_t wl = strlen(*words);
		if (len >= wl && !strncasecmp(s, *words, wl) &&
		    (len == wl || s[wl] == '>' || s[wl] == ' ' || s[wl] == '/' ||
		     s[wl] == '\t' || s[wl] == '\n'))
			return true;
	}
	return false;
}

void
html_to_text(struct buf *out, const char *s, size_t len)
{
	static const char *const blocks[] = {"p", "div", "br", "ul", "ol",
	                                     "h1", "h2", "h3", "h4", "h5",
	                                     "h6", "tr", "table", NULL};
	static const char *const items[] = {"li", NULL};
	size_t start = out->len;
	/* a '<' after the last '>' starts no tag: known without a scan to
	 * the end for each one, which made "<<<<..." quadratic */
	size_t last_gt = len;
	while (last_gt > 0 && s[last_gt - 1] != '>')
		last_gt--;
	for (size_t i = 0; i < len;) {
		char c = s[i];
		if (c == '<' && i + 1 >= last_gt) {
			buf_addc(out, c);
			i++;
		} else if (c == '<') {
			size_t end = i + 1;
			while (end < len && s[end] != '>')
				end++;
			if (end >= len) { /* not a tag after all */
				buf_addc(out, c);
				i++;
				continue;
			}
			const char *name = s + i + 1;
			size_t nl = end - i - 1;
			if (nl && name[0] == '/') {
				name++;
				nl--;
			}
			if (tag_is(name, nl, items)) {
				if (s[i + 1] != '/')
					buf_adds(out, "\n");
			} else if (tag_is(name, nl, blocks)) {
				buf_adds(out, "\n");
			}
			i = end + 1;
		} else if (c == '&') {
			size_t used = entity(out, s + i + 1, len - i - 1);
			if (!used)
				buf_addc(out, '&');
			i += used + 1;
		} else {
			buf_addc(out, c);
			i++;
		}
	}
	/* at most one blank line in a row, no spaces at line ends */
	size_t k = start;
	int newlines = 0;
	for (size_t i = start; i < out->len; i++) {
		char c = out->s[i];
		if (c == '\n') {
			while (k > start && out->s[k - 1] == ' ')
				k--;
			if (++newlines > 2)
				continue;
		} else if (c == ' ' && newlines) {
			continue;
		} else {
			newlines = 0;
		}
		out->s[k++] = c;
	}
	out->len = k;
	if (out->s)
		out->s[k] = '\0';
	else
		buf_adds(out, "");
}
