/* SPDX-License-Identifier: MIT */
/* jsonld: schema.org JobPosting names -> the model. */
#ifndef BILLET_JSONLD_H
#define BILLET_JSONLD_H

#include "text.h"

/* Appends text with HTML tags stripped (block tags and <br> become line
 * breaks, <li> starts a new line) and entities decoded. */
void html_to_text(struct buf *out, const char *s, size_t len);

#endif
