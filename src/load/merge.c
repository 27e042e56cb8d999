/* SPDX-License-Identifier: MIT */
/* load/merge: the units of a file, parsed, merged into the catalog in
 * order: line and document numbers made the file's, default ids, the
 * per-file limit on postings, and the file's notes (what it was read as,
 * why it has no postings). */
#include "load/merge.h"

#include "identity.h"
#include "load/internal.h"

/* Starts merging the file whose first unit is u. */
void
merge_begin(struct catalog *c, struct fmerge *m, const struct unit *u)
{
	*m = (struct fmerge){.file = u->file, .first_problem = c->nproblems};
	c->nfiles++;
}

/* Merges the next unit of m's file into c: line numbers made
 * file-relative, document numbers counted across units, default ids given
 * (identity.h), whether the file holds one document recorded (several
 * says it does not: the id billet gave before depends on it), the
 * per-file limit on postings applied. */
void
merge_unit(struct catalog *c, struct fmerge *m, struct unit *u, bool several,
           const struct load_limits *lim)
{
	arena_take(&c->arena, &u->part.arena);
	m->problems += u->part.nproblems;
	for (size_t j = 0; j < u->part.nproblems; j++) {
		struct problem pr = u->part.problems[j];
		if (pr.line)
			pr.line += m->line_off;
		catalog_push_problem(c, &pr);
	}
	for (size_t j = 0; j < u->n; j++) {
		struct posting *p = u->v[j];
		p->line += m->line_off;
		p->doc += m->item_off;
		if (m->kept == lim->max_postings)
			catalog_problem(c, m->file, p->line, p->col, true,
			                "more than %zu postings in one file; the "
			                "rest are not read (see --max-postings)",
			                lim->max_postings);
		if (m->kept++ >= lim->max_postings)
			continue;
		p->lone = !several;
		if (!p->id) {
			p->id = identity_default(&c->arena, p, NULL);
			if (!p->id)
				die_nomem();
			p->id_made = true;
		}
		catalog_add(c, p);
	}
	m->line_off += u->lines;
	m->item_off += u->docs;
	shapes_state_merge(&m->shapes, u->shapes);
	u->shapes = NULL;
	if (!u->last)
		return;
	/* what the file was read as, in front of its other problems */
	m->problems += shapes_notes(c, m->file, m->shapes, m->first_problem);
	shapes_state_free(m->shapes);
	m->shapes = NULL;
	if (u->read_error)
		catalog_problem(c, m->file, m->line_off + 1, u->end_col, true,
		                "%s", u->read_error);
	if (m->item_off == 0 && u->file_size == 0)
		catalog_problem(c, m->file, 0, 0, false, "empty file: no postings");
	else if (m->item_off == 0 && !m->problems)
		/* white space, comments, empty documents, and no word of
		 * why yet */
		catalog_problem(c, m->file, 0, 0, false, "no postings in this file");
}
