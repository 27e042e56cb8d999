/* SPDX-License-Identifier: MIT */
/* report: the applications made in a span of days, with their history,
 * as a person shows them to a caseworker or an unemployment office (the
 * German Bewerbungsnachweis asks for the organization, the title, the
 * date applied, how, and the outcome): Markdown, CSV or JSON. */
#ifndef BILLET_REPORT_H
#define BILLET_REPORT_H

#include <stdint.h>
#include <stdio.h>

#include "catalog.h"
#include "export.h"
#include "state.h"

/* What a report covers. */
struct report_span {
	int32_t since;  /* the first day (yyyymmdd), 0: from the first */
	int32_t until;  /* the last day, 0: to the last */
};

/* Writes to f, in fmt (FMT_MARKDOWN, FMT_CSV or FMT_JSON), every entry of
 * st whose application was made within span (state_applied_on), the
 * earliest first, its posting looked up in c (an entry whose posting is
 * not loaded is named by the title and organization it recorded).
 * Applications whose date is not known are in a report without a span,
 * and left out of one with a span: *undated (may be NULL) gets how many
 * were. Returns how many are written. */
size_t report_write(FILE *f, struct state *st, const struct catalog *c,
                    const struct report_span *span, enum format fmt,
                    size_t *undated);

#endif
