/* SPDX-License-Identifier: MIT */
/* url: the address o opens and y copies, checked before anything runs
 * it, and the commands $BROWSER names for it. No curses here. */
#ifndef BILLET_URL_H
#define BILLET_URL_H

#include <stdbool.h>
#include <stddef.h>

#include "posting.h"
#include "text.h"

/* Which of a posting's addresses url_of_posting took. */
enum url_kind {
	URL_NONE = 0, /* the posting gives none */
	URL_APPLY,    /* apply.url */
	URL_EMAIL,    /* a mailto: made from apply.email (and subject) */
	URL_SOURCE,   /* source, where the posting was found */
};

/* Longest URL url_check lets through, in bytes. */
#define URL_MAX 8192

/* Appends the address o opens for p: its apply URL, else a mailto: for
 * its apply e-mail (with ?subject= when the posting gives one), else its
 * source; as the posting writes it, not checked. Returns which it took,
 * URL_NONE (nothing appended) when p gives none of them. */
enum url_kind url_of_posting(const struct posting *p, struct buf *out);
/* What a kind is called in messages: "apply URL", "apply e-mail",
 * "source". */
const char *url_kind_name(enum url_kind k);

/* Checks url before it is opened or copied: it must start with http://
 * or https:// and a host, or mailto: and an address (any case), hold no
 * control character (C0, DEL, C1) or bidirectional control, and be at
 * most URL_MAX bytes. Blanks at either end are dropped; spaces and bytes
 * outside ASCII are percent-encoded. On success appends the URL to out
 * and returns true; else writes why not to why (size bytes, a phrase
 * that reads after "the apply URL": "starts with javascript:, not
 * http(s):// or mailto:"; any text of the URL in it sanitised) and
 * returns false. */
bool url_check(const char *url, struct buf *out, char *why, size_t size);

/* One command of $BROWSER for a URL: its words, the URL in place of %s
 * or after the last word. */
struct url_command {
	char **argv;    /* NULL-terminated; argv and its strings malloc'd */
	bool terminal;  /* its program is a terminal browser (lynx, w3m,
	                 * elinks, links, ...), run in the foreground */
};

/* Splits browser (as $BROWSER holds it: commands separated by colons,
 * each split on blanks, as xdg-utils reads it) into commands for url:
 * in each, every %s of a word is replaced by url; a command without %s
 * gets url as a last word. Empty commands are skipped. Returns how many
 * were written to cmds (at most max); free each with url_command_free. */
size_t url_browser_commands(const char *browser, const char *url,
                            struct url_command *cmds, size_t max);
/* Frees what url_browser_commands made in c. */
void url_command_free(struct url_command *c);
/* True when program (a name or a path) is a terminal browser: lynx,
 * w3m, elinks, links, links2, browsh, www-browser, ... */
bool url_terminal_browser(const char *program);

#endif
