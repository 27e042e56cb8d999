/* SPDX-License-Identifier: MIT */
/* query_fields: the names the query language knows: text fields and their
 * aliases, keys, is: and has: words, statuses, workplaces. A new term
 * starts here (and in enum field, enum flag or enum keykind). */
#include "query_int.h"

#include <stdio.h>
#include <string.h>

const char *const query_field_names[F_UNKNOWN] = {
	[F_TITLE] = "title", [F_ORG] = "org", [F_LOC] = "loc",
	[F_DEPT] = "dept", [F_TAG] = "tag", [F_TYPE] = "type",
	[F_WORKPLACE] = "workplace", [F_LANG] = "lang", [F_ID] = "id",
	[F_TEXT] = "text", [F_OTHER] = "other",
	[F_WPNOTE] = "workplace.note", [F_UNION] = "union",
	[F_DEADLINE] = "deadline", [F_START] = "start",
	[F_NOTE] = "note", /* the user's note, not the posting's text */
};

/* Other names of text fields. */
static const struct {
	const char *name;
	enum field f;
} field_aliases[] = {
	{ "organization", F_ORG }, { "company", F_ORG },
	{ "location", F_LOC }, { "department", F_DEPT }, { "tags", F_TAG },
	{ "language", F_LANG }, { "employment", F_TYPE },
};

/* The names of the terms that are not text fields. */
static const struct {
	const char *name;
	enum keykind k;
} key_names[] = {
	{ "is", K_IS }, { "has", K_HAS }, { "status", K_STATUS },
	{ "salary", K_SALARY }, { "pay", K_SALARY },
	{ "experience", K_EXPER }, { "exp", K_EXPER },
	{ "posted", K_POSTED }, { "deadline", K_DEADLINE },
	{ "start", K_START }, { "rating", K_RATING },
	{ "followup", K_FOLLOWUP },
};

/* The list an unknown key's message gives: a new key goes here too. */
const char query_known_keys[] = "(known: title, org, loc, dept, tag, type, "
	"workplace, workplace.note, union, lang, id, text, other, is, has, "
	"note, status, salary, experience, posted, deadline, start, followup, "
	"rating)";

/* In the order the messages list them. */
const char *const query_flag_terms[FL_N] = {
	[FL_MARKED] = "is:marked", [FL_HIDDEN] = "is:hidden",
	[FL_NEW] = "is:new", [FL_OPEN] = "is:open", [FL_READ] = "is:read",
	[FL_CLOSED] = "is:closed", [FL_CLOSING] = "is:closing",
	[FL_DUE] = "is:due", [FL_CHANGED] = "is:changed",
	[FL_DUPLICATE] = "is:duplicate",
	[FL_SALARY] = "has:salary", [FL_DEADLINE] = "has:deadline",
	[FL_NOTE] = "has:note", [FL_RATING] = "has:rating",
};

const char *const query_workplace_values[WP_REMOTE + 1] = {
	[WP_ONSITE] = "onsite", [WP_HYBRID] = "hybrid", [WP_REMOTE] = "remote",
};

const char *const query_status_names[QSTATUS_N] = {
	"none", "interested", "applied", "interviewing", "offer", "rejected",
	"withdrawn",
};

enum field
query_field_index(const char *name)
{
	if (!name)
		return F_UNKNOWN;
	for (int f = F_TITLE; f < F_UNKNOWN; f++)
		if (name[0] == query_field_names[f][0] &&
		    !strcmp(name, query_field_names[f]))
			return (enum field)f;
	return F_UNKNOWN;
}

enum keykind
query_key_lookup(const char *name, enum field *f)
{
	for (size_t i = 0; i < sizeof(key_names) / sizeof(key_names[0]); i++)
		if (!strcmp(name, key_names[i].name))
			return key_names[i].k;
	for (int i = F_TITLE; i < F_UNKNOWN; i++)
		if (!strcmp(name, query_field_names[i])) {
			*f = (enum field)i;
			return K_FIELD;
		}
	for (size_t i = 0; i < sizeof(field_aliases) / sizeof(field_aliases[0]);
	     i++)
		if (!strcmp(name, field_aliases[i].name)) {
			*f = field_aliases[i].f;
			return K_FIELD;
		}
	return K_NONE;
}

bool
query_is_compare_key(enum keykind k)
{
	return k == K_SALARY || k == K_EXPER || k == K_POSTED ||
	       k == K_DEADLINE || k == K_START || k == K_RATING ||
	       k == K_FOLLOWUP;
}

/* The word of flag fl after prefix, or NULL when it has another prefix. */
static const char *
flag_word(int fl, const char *prefix)
{
	size_t pl = strlen(prefix);
	const char *t = query_flag_terms[fl];
	return strncmp(t, prefix, pl) ? NULL : t + pl;
}

enum flag
query_flag_lookup(const char *prefix, const char *v, size_t len)
{
	for (int fl = 0; fl < FL_N; fl++) {
		const char *w = flag_word(fl, prefix);
		if (w && query_word_is(v, len, w))
			return (enum flag)fl;
	}
	return FL_N;
}

void
query_flag_known(const char *prefix, char *out, size_t outsz)
{
	size_t n = (size_t)snprintf(out, outsz, "(known:");
	const char *sep = " ";
	for (int fl = 0; fl < FL_N && n < outsz; fl++) {
		const char *w = flag_word(fl, prefix);
		if (!w)
			continue;
		n += (size_t)snprintf(out + n, outsz - n, "%s%s", sep, w);
		sep = ", ";
	}
	if (n < outsz)
		snprintf(out + n, outsz - n, ")");
}

const char *
query_status_name(int status)
{
	return status >= 0 && status < QSTATUS_N ? query_status_names[status] :
	       "?";
}

/* Adds w to out[0..max) as the *n-th word, counting it even past max. */
static void
word_put(const char **out, size_t max, size_t *n, const char *w)
{
	if (*n < max)
		out[*n] = w;
	(*n)++;
}

size_t
query_words(enum query_words kind, const char **out, size_t max)
{
	size_t n = 0;
	enum field f;
	switch (kind) {
	case QW_FIELD:
		/* the text fields a key of its own does not shadow
		 * (deadline: compares dates), then their other names */
		for (int i = F_TITLE; i < F_UNKNOWN; i++)
			if (query_field_names[i] &&
			    query_key_lookup(query_field_names[i], &f) == K_FIELD)
				word_put(out, max, &n, query_field_names[i]);
		for (size_t i = 0;
		     i < sizeof(field_aliases) / sizeof(field_aliases[0]); i++)
			word_put(out, max, &n, field_aliases[i].name);
		for (size_t i = 0; i < sizeof(key_names) / sizeof(key_names[0]);
		     i++)
			if (!query_is_compare_key(key_names[i].k))
				word_put(out, max, &n, key_names[i].name);
		break;
	case QW_COMPARE:
		for (size_t i = 0; i < sizeof(key_names) / sizeof(key_names[0]);
		     i++)
			if (query_is_compare_key(key_names[i].k))
				word_put(out, max, &n, key_names[i].name);
		break;
	case QW_IS:
	case QW_HAS: {
		const char *pre = kind == QW_IS ? "is:" : "has:";
		size_t plen = strlen(pre);
		for (int i = 0; i < FL_N; i++)
			if (!strncmp(query_flag_terms[i], pre, plen))
				word_put(out, max, &n, query_flag_terms[i] + plen);
		break;
	}
	case QW_STATUS:
		for (int i = 0; i < QSTATUS_N; i++)
			word_put(out, max, &n, query_status_names[i]);
		break;
	case QW_WORKPLACE:
		for (size_t i = 0; i < sizeof(query_workplace_values) /
		                       sizeof(query_workplace_values[0]); i++)
			if (query_workplace_values[i])
				word_put(out, max, &n, query_workplace_values[i]);
		break;
	}
	return n;
}
