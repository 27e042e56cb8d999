/* SPDX-License-Identifier: MIT */
/* compare_view: the compare view's data, shared by ui/compare.c (layout,
 * keys) and ui/compare_draw.c (drawing); no other file includes it. */
#ifndef BILLET_UI_COMPARE_VIEW_H
#define BILLET_UI_COMPARE_VIEW_H

#include "view.h"

#include "compare.h"

/* Columns a posting asks for before another one is shown beside it. */
#define CV_COL_WANT 24
/* Narrowest columns that still show two postings side by side. */
#define CV_COL_MIN 10
/* Columns of the label column on a terminal wide enough (a marker, a
 * space, "Organization" and a space). */
#define CV_LABEL_W 15
/* Columns of the separator before each posting: " │ ". */
#define CV_SEP_W 3
/* Lines the pane's body needs for the line of marks, ratings and status
 * under the titles to be drawn. */
#define CV_STATE_MIN_BODY 4

/* What a screen line shows. */
enum cline_kind {
	CL_ROW,     /* line k of an aligned row */
	CL_HEADING, /* a section's heading (or a sub group's) */
	CL_BLANK,   /* the empty line before a section */
	CL_EMPTY,   /* the placeholder when no row is shown */
};

/* One screen line of the comparison. */
struct cline {
	enum cline_kind kind; /* what it shows */
	size_t row;           /* the table row it belongs to */
	size_t k;             /* CL_ROW: which line of that row */
};

/* The compare view's own data. */
struct compare {
	char *ids[CMP_MAX];       /* the ids compared (malloc'd), to build the
	                           * table again after a reload */
	size_t n;                 /* how many */
	const struct posting *was; /* D: the first posting is this one, as
	                           * the second (ids[1], the same id) was
	                           * when last read (owned by the
	                           * interface, ui/changes.c); else NULL */
	unsigned generation;      /* ui->generation the table was built in */
	int32_t today;            /* deadline_today() it was built on */
	int days;                 /* and deadline_closing_days() */
	bool gone;                /* the postings are no longer loaded */
	struct cmp_table t;       /* the aligned rows; owns its text */
	bool diff_only;           /* d: only the rows that differ */
	size_t focus;             /* the posting in focus (h, l, Tab) */
	size_t first;             /* the first posting of the columns that
	                           * scroll (the base stays, see above) */
	size_t cur;               /* row of the current difference (n, N),
	                           * or SIZE_MAX */
	size_t keep;              /* row to put at the top when the layout
	                           * is made again, or SIZE_MAX: the row at
	                           * the top now */

	/* the layout, made again when stale */
	bool stale;               /* rows or columns changed */
	int width;                /* the width laid out for */
	int lw, cw;               /* label column and posting column widths */
	size_t ncols;             /* postings shown side by side */
	size_t col[CMP_MAX];      /* the posting of each column shown */
	bool frozen;              /* the base stays while the others scroll */
	size_t so;                /* 1 when the state line is drawn under the
	                           * titles (content lines start one lower),
	                           * else 0 */
	size_t said_ncols;        /* the columns msg speaks of */
	char *msg;                /* the message c gave (malloc'd), said again
	                           * when the columns shown change, as long
	                           * as it is still on the message line */
	size_t marked;            /* for msg: postings marked when opened */
	size_t unshown;           /* for msg: of those compared, how many the
	                           * list did not show */
	struct cmp_row_lines *rl; /* each table row wrapped to cw, for the
	                           * postings shown (t.nrows of them) */
	struct cline *lines;      /* the screen lines */
	size_t nlines, cap;       /* how many, allocated */
	size_t *row_line;         /* each row's first screen line, or
	                           * SIZE_MAX when not shown */
};

/* True when row r is a difference: n and N stop there, d keeps it. */
static inline bool
compare_row_differs(const struct cmp_row *r)
{
	return r->kind != CMP_HEADING && (r->differs || r->unique);
}

/* Makes the compare view of what a posting said when read (was) beside
 * what it says now, or NULL when they cannot be compared. */
struct view *compare_view_was(struct ui *ui, const struct posting *was,
                              const struct posting *now);
/* Draws the header line: which postings are shown, their titles, the
 * one in focus reversed. */
void compare_draw_header(struct view *v);
/* Draws screen line `line` of the view at y (the state line first when
 * d->so). */
void compare_draw_row(struct view *v, size_t line, int y, bool current);

#endif
