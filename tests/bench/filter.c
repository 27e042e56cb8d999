/* SPDX-License-Identifier: MIT */
/* filter: the filter's latency per keystroke: a query typed one
 * character at a time and backspaced out, each keystroke parsed and
 * matched against every posting, against the previous matches when it
 * narrows, or answered with the index, as the interface would. */
#include "config.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "catalog.h"
#include "posting.h"
#include "query.h"
#include "text.h"
#include "bench.h"

/* One pass: types text and backspaces it out, steps[0..nsteps) being the
 * prefix lengths. Each keystroke parses the text and matches it
 * (query_match) against every posting, keeping the matches in a list as
 * the interface would; with FM_NARROW, a query that query_narrows()
 * shows to narrow the previous one is matched against the previous
 * matches only; with FM_INDEX, query_select answers with the index ix. A
 * text that does not parse is skipped (the interface keeps the previous
 * list): ms[s] is then negative. */
static void
type_pass(struct catalog *c, const char *text, const size_t *steps,
          size_t nsteps, enum filter_mode mode, struct query_index *ix,
          double *ms, struct keystats *st)
{
	uint32_t *sel = xmalloc((c->n ? c->n : 1) * sizeof(*sel));
	size_t len = strlen(text);
	char *buf = xmalloc(len + 1);
	struct posting **cur = xmalloc((c->n ? c->n : 1) * sizeof(*cur));
	struct posting **prev = xmalloc((c->n ? c->n : 1) * sizeof(*prev));
	size_t nprev = 0;
	struct query *prevq = NULL;
	for (size_t s = 0; s < nsteps; s++) {
		memcpy(buf, text, steps[s]);
		buf[steps[s]] = '\0';
		double t0 = now_ms();
		struct query_error err;
		struct query *q = query_parse(buf, &err);
		if (!q) {
			ms[s] = -1;
			continue;
		}
		size_t ncur = 0;
		if (mode == FM_INDEX) {
			ncur = query_select(q, ix, c->v, c->n, NULL, sel);
		} else if (mode == FM_NARROW && prevq &&
		           query_narrows(prevq, q)) {
			for (size_t i = 0; i < nprev; i++)
				if (query_match(q, prev[i], NULL))
					cur[ncur++] = prev[i];
		} else {
			for (size_t i = 0; i < c->n; i++)
				if (query_match(q, c->v[i], NULL))
					cur[ncur++] = c->v[i];
		}
		query_free(prevq);
		prevq = q;
		ms[s] = now_ms() - t0;
		if (steps[s] == len)
			st->matches = ncur;
		struct posting **t = prev;
		prev = cur;
		cur = t;
		nprev = ncur;
	}
	query_free(prevq);
	free(buf);
	free(cur);
	free(prev);
	free(sel);
}

/* Types text one character at a time and backspaces it out, up to
 * max_passes times while the passes take less than budget ms in all; a
 * keystroke's time is its median over the passes, and the figures are
 * the median and the worst of those over the keystrokes. */
struct keystats
type_query(struct catalog *c, const char *text, enum filter_mode mode,
           struct query_index *ix, int max_passes, double budget)
{
	size_t len = strlen(text);
	/* prefix lengths at character boundaries: typing, then backspacing */
	size_t *steps = xmalloc((2 * len + 1) * sizeof(*steps));
	size_t nsteps = 0;
	for (size_t k = 1; k <= len; k++)
		if (k == len || ((unsigned char)text[k] & 0xC0) != 0x80)
			steps[nsteps++] = k;
	for (size_t i = nsteps - 1; i-- > 0;)
		steps[nsteps++] = steps[i];
	steps[nsteps++] = 0;

	struct keystats st = {0};
	double *ms = xmalloc((size_t)max_passes * nsteps * sizeof(*ms));
	double t0 = now_ms();
	while (st.passes < max_passes &&
	       (st.passes == 0 || now_ms() - t0 < budget))
		type_pass(c, text, steps, nsteps, mode, ix,
		          ms + (size_t)st.passes++ * nsteps, &st);
	for (size_t s = 0; s < nsteps; s++) {
		if (ms[s] > st.first_worst)
			st.first_worst = ms[s];
		if (strcspn(text, ":<>=") < steps[s] &&
		    ms[s] > st.first_term_worst)
			st.first_term_worst = ms[s];
	}
	double *key = xmalloc(nsteps * sizeof(*key));
	double *term = xmalloc(nsteps * sizeof(*term));
	double *one = xmalloc((size_t)st.passes * sizeof(*one));
	for (size_t s = 0; s < nsteps; s++) {
		if (ms[s] < 0) {
			st.skipped++;
			continue;
		}
		for (int p = 0; p < st.passes; p++)
			one[p] = ms[(size_t)p * nsteps + s];
		double m = median(one, (size_t)st.passes);
		key[st.keys++] = m;
		if (m > st.worst) {
			st.worst = m;
			st.worst_len = steps[s];
			st.worst_back = s >= nsteps / 2;
		}
		if (strcspn(text, ":<>=") < steps[s]) {
			term[st.term_keys++] = m;
			if (m > st.term_worst)
				st.term_worst = m;
		}
	}
	st.median = median(key, st.keys);
	st.term_median = median(term, st.term_keys);
	free(term);
	free(one);
	free(key);
	free(ms);
	free(steps);
	return st;
}
