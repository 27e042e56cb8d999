/* SPDX-License-Identifier: MIT */
/* load/kinds: the one table of the extensions billet reads by name, and
 * what each is read as; the directory walk, the page reader and import
 * all ask it. */
#include "load.h"

#include <string.h>
#include <strings.h>

/* An extension and what a file of it is. */
struct kind_ext {
	const char *ext;        /* with its dot */
	enum load_kind kind;
};

static const struct kind_ext kind_exts[] = {
	{".yaml", LOAD_YAML},   {".yml", LOAD_YAML},
	{".json", LOAD_JSON},   {".jsonld", LOAD_JSON},
	{".html", LOAD_PAGE},   {".htm", LOAD_PAGE},
	{".md", LOAD_MARKDOWN}, {".markdown", LOAD_MARKDOWN},
	{".xml", LOAD_XML},
};

enum load_kind
load_kind_of(const char *name)
{
	const char *base = strrchr(name, '/');
	base = base ? base + 1 : name;
	const char *dot = strrchr(base, '.');
	if (!dot || dot == base)
		return LOAD_OTHER;
	for (size_t i = 0; i < sizeof(kind_exts) / sizeof(*kind_exts); i++)
		if (!strcasecmp(dot, kind_exts[i].ext))
			return kind_exts[i].kind;
	return LOAD_OTHER;
}

const char *
load_kind_name(enum load_kind k)
{
	switch (k) {
	case LOAD_YAML:
		return "YAML";
	case LOAD_JSON:
		return "JSON";
	case LOAD_PAGE:
		return "an HTML page";
	case LOAD_MARKDOWN:
		return "Markdown";
	case LOAD_XML:
		return "XML";
	case LOAD_OTHER:
		break;
	}
	return "a file billet reads";
}
