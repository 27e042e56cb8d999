/* SPDX-License-Identifier: MIT */
/* load/html: HTML in a posting's text -> plain text. */
#ifndef BILLET_LOAD_HTML_H
#define BILLET_LOAD_HTML_H

#include "text.h"

/* Appends text with HTML tags stripped (block tags and <br> become line
 * breaks, <li> starts a new line) and entities decoded. */
void html_to_text(struct buf *out, const char *s, size_t len);

#endif
