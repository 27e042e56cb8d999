/* SPDX-License-Identifier: MIT */
/* load/xml: XML files: Personio's job feed, each position a posting; any
 * other XML is said not to be read. */
#ifndef BILLET_LOAD_XML_H
#define BILLET_LOAD_XML_H

#include <stdatomic.h>

#include "load/reader.h"

/* The root element of Personio's job feed. */
#define XML_PERSONIO_ROOT "workzag-jobs"

/* Reads a unit that is a whole XML file into postings, as parse_unit
 * reads YAML; what it keeps goes into the arena keep. */
void xml_parse_unit(struct unit *u, struct arena *keep,
                    const struct load_limits *lim, const atomic_bool *cancel);

/* The offset of the first start tag of s[0..len) whose attributes would
 * cost libxml2's XML parser too much (it compares each attribute of a
 * tag with every one before it), or len when none does. */
size_t xml_costly_tag(const char *s, size_t len);

#endif
