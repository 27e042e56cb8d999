/* SPDX-License-Identifier: MIT */
/* keysort: 64-bit keys sorted with what they stand for, by a radix sort
 * (no comparisons: a million keys in a few passes). */
#ifndef BILLET_KEYSORT_H
#define BILLET_KEYSORT_H

#include <stddef.h>
#include <stdint.h>

/* A key and the index of what it stands for. */
struct keyed {
	uint64_t key;
	uint32_t seq;
};

/* Sorts v[0..n) by the bits of key from bit low up (low 0: all of
 * them); keys equal in those bits keep their order. */
void keysort(struct keyed *v, size_t n, int low);

#endif
