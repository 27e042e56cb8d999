/* SPDX-License-Identifier: MIT */
/* load/html: HTML read with libxml2's HTML parser: the parse with
 * billet's options and bounds, and a text's structure (paragraphs, list
 * items, headings) as the light form of prose.h. */
#ifndef BILLET_LOAD_HTML_H
#define BILLET_LOAD_HTML_H

#include <stdbool.h>
#include <stddef.h>

#include <libxml/HTMLparser.h>

#include "prose.h"
#include "text.h"

/* The options of every parse: no network, no messages on stderr, the
 * recovery browsers do; never HTML_PARSE_HUGE, so libxml2's own limits
 * hold (256 levels of nesting, 10 MB in one text). */
#define HTML_OPTIONS (HTML_PARSE_NONET | HTML_PARSE_NOERROR | \
                      HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER)

/* The offset of the first start tag of s[0..len) at which its tags'
 * attributes would cost libxml2's parser too much (it compares each
 * attribute of a tag with those before it, and appends each at the end
 * of the list: a tag of 150,000 attributes takes minutes), or len when
 * none does. */
size_t html_costly_tag(const char *s, size_t len);

/* Parses an HTML fragment (a description) as UTF-8; NULL when libxml2
 * makes nothing of it or its attributes would cost too much. When
 * libxml2 stops before its end by its own limits (256 levels of nesting,
 * 10 MB in one text), the first line of what it said is appended to why,
 * when given. Free with xmlFreeDoc. */
htmlDocPtr html_parse_fragment(const char *s, size_t len, struct buf *why);

/* Appends the blocks of element n's content: <p>, <br> and <div> as
 * paragraphs, <li> as items (with their numbers in an <ol>), <h1>-<h6>
 * and a short paragraph all in bold as headings, links as "text (URL)",
 * scripts, styles and the like left out, white space collapsed. */
void html_node_blocks(const xmlNode *n, struct prose *out);
/* The same for an HTML text; text without tags is read in the light
 * form (prose_read), its entities decoded. */
void html_blocks(const char *s, size_t len, struct prose *out);
/* html_blocks, appending to why what libxml2 said when it stopped before
 * the end of s (html_parse_fragment): the rest of s is not in out. why
 * is left as it was when all of s was read. */
void html_blocks_why(const char *s, size_t len, struct prose *out,
                     struct buf *why);
/* Appends the character of an entity s[0..len) as an HTML parser reads
 * it ("&amp;", "&eacute;", "&#8212;", "&#x2014;"), U+FFFD for a number
 * that is no character, s as it is for a name HTML does not know. */
void html_entity(struct buf *out, const char *s, size_t len);
/* Appends the items of a list given as one text: the paragraphs and
 * items of HTML (nested items joined to theirs), or the lines of text
 * without tags (their bullets left out). */
void html_items(const char *s, size_t len, struct prose *out);
/* Appends an HTML text in the light form (headings as paragraphs); text
 * without tags is kept as it is, its entities decoded. */
void html_to_text(struct buf *out, const char *s, size_t len);
/* True when s[0..len) needs html_blocks: it has a tag or an entity. */
bool html_has_markup(const char *s, size_t len);

/* The value of attribute name of element n, trimmed (malloc'd), or
 * NULL when it has none. */
char *html_attr(const xmlNode *n, const char *name);
/* True if element n is named name (ASCII case ignored). */
bool html_is(const xmlNode *n, const char *name);

#endif
