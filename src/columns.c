/* SPDX-License-Identifier: MIT */
/* columns: which of the list's columns a narrow line leaves out first,
 * for the interface's list and billet --list alike. */
#include "columns.h"

#include "config.h"

#include <stddef.h>

/* Which column goes first when a line is too narrow for all: the
 * deadline is kept longest after the title (side by side at 120 columns
 * the interface's list shows title, organization and deadline; the
 * detail beside it has the rest). */
static const enum column drop_order[] = {
	COL_TYPE, COL_WORKPLACE, COL_POSTED, COL_LOC, COL_SALARY, COL_ORG,
	COL_DEADLINE,
};

void
columns_fit(bool on[COL_N], const int need[COL_N], int avail, int gap)
{
	for (size_t d = 0;; d++) {
		int sum = -gap;
		for (int i = 0; i < COL_N; i++)
			if (on[i])
				sum += need[i] + gap;
		if (sum <= avail || d == sizeof(drop_order) / sizeof(*drop_order))
			return;
		on[drop_order[d]] = false;
	}
}
