/* SPDX-License-Identifier: MIT */
/* list_int: what list.c and list_columns.c share. */
#ifndef BILLET_UI_LIST_INT_H
#define BILLET_UI_LIST_INT_H

#include "view.h"

#include "deadline.h"

/* Where each column is drawn. */
struct list_columns {
	bool on[UI_NCOLS]; /* shown */
	int x[UI_NCOLS];   /* first column */
	int w[UI_NCOLS];   /* width */
};

/* One flag left of a row: a character and the look it is drawn in. */
struct list_flag {
	const char *s; /* one character (a blank when none) */
	int look;      /* enum ui_look */
};

/* The deadline's column, drawn in the look of a deadline closing soon
 * when it is. */
enum { LIST_COL_DEADLINE = 4 };

/* The columns' headings ("Title", "Organization"...). */
extern const char *const list_heading[UI_NCOLS];

/* Columns of the flags at the left of each row, their blank included:
 * one more for the deadline's flag, when some posting gives its deadline
 * as a date (ui->dated), but below 40 columns, where one flag is all. */
int list_flags_width(const struct ui *ui, int width);
/* Writes p's flags into out (six at most) and returns how many; each
 * takes a column, and a blank follows them. Six flags when the list is
 * wide: '*' marked; 'x' hidden, '·' read or 'N' new (not seen in an
 * earlier run); the rating, 1-5; the status's letter (ui_status_keys);
 * '✎' ('#' in ASCII) when the user wrote a note; the deadline's flag
 * (deadline_flag: '×' closed, '!' closing soon, as dl says). Three when
 * it is narrower: '*' marked or 'x' hidden; then how far the posting
 * got: the status's letter, else the rating, else the note's '✎', else
 * '·' read or 'N' new; then the deadline's flag. One below 40 columns:
 * 'x', '*', else the deadline's flag, else how far it got. The
 * deadline's flag takes no column when no posting has a date for it
 * (ui->dated). Each is a character of its own, so no state is shown by a
 * colour alone; text holds the rating's and the status's characters. */
int list_flags(const struct ui *ui, const struct posting *p, int width,
               enum deadline_state dl, struct list_flag *out,
               char text[2][2]);
/* Appends the text of column col of p (not yet sanitised). */
void list_cell(const struct ui *ui, struct buf *b, const struct posting *p,
               int col);
/* Lays the columns ui->cols out in width columns (see list_columns.c). */
void list_layout(const struct ui *ui, int width, struct list_columns *c);
/* Widens ui->colw to the cells of the catalog's postings [from, to),
 * and sets ui->dated when one of them gives its deadline as a date (from
 * 0: measured anew). */
void list_measure(struct ui *ui, size_t from, size_t to);

#endif
