/* SPDX-License-Identifier: MIT */
/* columns: the list's columns, shared by the interface's list and
 * billet --list, and which of them a narrow line leaves out first. */
#ifndef BILLET_COLUMNS_H
#define BILLET_COLUMNS_H

#include <stdbool.h>

/* The list's columns, in the order list-columns names them. */
enum column {
	COL_TITLE, COL_ORG, COL_LOC, COL_SALARY, COL_DEADLINE, COL_POSTED,
	COL_WORKPLACE, COL_TYPE, COL_N
};

/* Leaves columns out (on[i] false) in the one drop order (type,
 * workplace, posted, location, salary, organization, deadline; never
 * the title) until those still on, need[i] columns each and gap apart,
 * fit in avail. */
void columns_fit(bool on[COL_N], const int need[COL_N], int avail, int gap);

#endif
