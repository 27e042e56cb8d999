/* SPDX-License-Identifier: MIT */
/* keysort: a least-significant-digit radix sort of keyed pairs, eight
 * bits a pass; a pass whose digit every key shares is skipped. */
#include "keysort.h"

#include <stdlib.h>
#include <string.h>

#include "text.h"

void
keysort(struct keyed *v, size_t n, int low)
{
	if (n < 2)
		return;
	struct keyed *tmp = xmalloc(n * sizeof(*tmp));
	struct keyed *from = v, *to = tmp;
	for (int shift = low; shift < 64; shift += 8) {
		size_t count[257] = {0};
		for (size_t i = 0; i < n; i++)
			count[((from[i].key >> shift) & 0xFF) + 1]++;
		if (count[((from[0].key >> shift) & 0xFF) + 1] == n)
			continue;
		for (int b = 0; b < 256; b++)
			count[b + 1] += count[b];
		for (size_t i = 0; i < n; i++)
			to[count[(from[i].key >> shift) & 0xFF]++] = from[i];
		struct keyed *t = from;
		from = to;
		to = t;
	}
	if (from != v)
		memcpy(v, from, n * sizeof(*v));
	free(tmp);
}
