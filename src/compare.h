/* SPDX-License-Identifier: MIT */
/* compare: aligns two to four postings into rows; pure, no curses.
 *
 * A table is a list of rows, width-independent: the field rows first
 * (title, organization, department, location, workplace, employment,
 * salary, experience, languages, travel, reports to, supervises, posted,
 * deadline, start, then apply, tags, source and kept unknown keys by key
 * name; a field none of the postings has is left out), then the list
 * sections (responsibilities, qualifications with the preferred ones,
 * benefits, conditions, then further sections present in more than one
 * posting, matched by heading without regard to case, then sections only
 * one posting has), each a heading row followed by item rows. A preferred
 * qualification's cell ends in " (preferred)" unless it says so itself. A
 * shared section is aligned as one list (its prose, items and sub groups'
 * items); a section only one posting has keeps its sub groups as heading
 * rows with the group set.
 *
 * Item alignment: the rows follow the first posting's order. For each
 * other posting in turn, every (row, item) pair whose similarity is at
 * least CMP_THRESHOLD is a candidate; the candidates are taken best first
 * (ties: lower row, then lower item), each row and each item at most once
 * (a one-to-one matching, not an order-keeping diff). A row is compared
 * through its anchor: the first posting's item, or for a row added by a
 * later posting, that posting's item, so leftovers of later postings can
 * pair with leftovers of earlier ones. Items left over get rows of their
 * own after the existing rows, in their own order.
 *
 * The work is bounded, for lists of thousands of items: pairs scoring 1
 * (equal stems) are found by sorting, and the others through an index of
 * the items by stem, since only items that share a stem score above 0.
 * Comparing through a stem costs about the rows having it times the stems
 * of the items having it; the stems are taken rarest (cheapest) first
 * while the work stays within CMP_WORK for one list and one posting and
 * CMP_WORK_TOTAL for the table. Ordinary postings stay far below; past
 * that, a pair of items that shares only the stems left out (words that
 * very many items have) is not compared, so may not share a row, and the
 * table says so (partial).
 *
 * Similarity (compare_similarity): both texts are case-folded, split into
 * words at anything that is not a letter or digit, words of one character
 * and about 140 common English stop words dropped, and the rest stemmed
 * lightly (plurals, -ly, -ing, -ed, a final -e, then one of -ation, -ness,
 * -ment, -ion, -ive, -ity, -ence/-ency/-ent, -ance/-ant, -able, -er, -al,
 * -ic, -y, ...). Each distinct stem t weighs w(t) = ln(1 + N / df(t)), N
 * being the number of items aligned together (every posting's items of one
 * section) and df(t) how many of them contain t, so that rare shared words
 * ("spanish") count more than common ones ("experience"). With W(X) the
 * sum of the weights of a set of stems, the score is the weighted Ochiai
 * (cosine) coefficient, the geometric mean of how much of A is in B and
 * how much of B is in A:
 *
 *     score = W(A ∩ B) / sqrt(W(A) · W(B))         in [0, 1]
 *
 * It lets a short item pair with a long one that says the same thing
 * ("Bilingual Spanish preferred" with a long sentence about proficiency in
 * Spanish, 0.35 among the sample qualifications), while one shared common
 * word stays low (about 0.1). Texts equal after normalisation (folded,
 * spaces collapsed, a final period dropped) score 1; an item with no words
 * left scores 0 against any other text. CMP_THRESHOLD was chosen on the
 * sample postings: every pair it admits there is a true one.
 *
 * Rows that differ: a field row differs when a posting lacks the field
 * or the values are not equal normalised (folded, spaces collapsed, a
 * final period dropped). An item row differs when a posting has no item
 * on it, or when its items differ in their words: the words of a cell
 * are its runs of letters and digits (each Han or kana character one
 * word), case-folded, so that spaces and punctuation do not count
 * ("Organize, lead" and "organize lead" are equal).
 *
 * Differing words (the word diff): in a row that differs, the cells are
 * compared word by word with the row's base cell, the first posting's
 * that the row has, through a longest common subsequence of their words.
 * A word of another cell outside the subsequence differs; a word of the
 * base cell differs when it is outside the subsequence with any other
 * cell. A cell sharing no word with the base is different through and
 * through: it gets no spans and does not count for the base's. The
 * differing words of a cell are byte ranges of it (struct cmp_span),
 * consecutive differing words one range with what lies between them.
 * The work is bounded: the common beginning and end of two cells are set
 * aside, and a middle of more than CMP_DIFF_CELLS pairs of words, or past
 * CMP_DIFF_TOTAL for the table, is taken to share nothing. */
#ifndef BILLET_COMPARE_H
#define BILLET_COMPARE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "posting.h"
#include "text.h"

/* The most postings a table holds. */
#define CMP_MAX 4
/* Items scoring at least this (see above) may share a row. */
#define CMP_THRESHOLD 0.25
/* Work allowed aligning one list with one more posting (see above):
 * about the row-item pairs looked at times the stems of the items. */
#define CMP_WORK ((uint64_t)1 << 23)
/* Work allowed for all the lists of a table together. */
#define CMP_WORK_TOTAL ((uint64_t)1 << 25)
/* The most pairs of words compared in one word diff (see above). */
#define CMP_DIFF_CELLS ((uint64_t)1 << 20)
/* The most pairs of words compared in the word diffs of one table. */
#define CMP_DIFF_TOTAL ((uint64_t)1 << 26)
/* Around the differing words in compare_print_text, which has no
 * attributes: "«" and "»". */
#define CMP_DIFF_OPEN "\xc2\xab"
#define CMP_DIFF_CLOSE "\xc2\xbb"
/* What a partial table (see above) says under its rows. */
#define CMP_PARTIAL_NOTE "Some lists are too long to compare every pair " \
	"of their items: two items that share only words found in very many " \
	"items were not compared and may be on rows of their own."
/* The salary note of a posting paid in another currency than the first:
 * no difference is worked out across currencies. */
#define CMP_OTHER_CURRENCY "other currency: no difference"
/* Marker in the label column of a row whose values differ. */
#define CMP_MARK_DIFFERS '*'
/* Marker in the label column of an item only one posting has. */
#define CMP_MARK_UNIQUE '+'

/* Kinds of rows. */
enum cmp_kind {
	CMP_FIELD,   /* one field of each posting: "Salary" */
	CMP_HEADING, /* a list section's heading, or a sub group's */
	CMP_ITEM,    /* one item of a list, aligned across the postings */
};

/* A byte range of a cell: words that differ (see above). */
struct cmp_span {
	size_t off;            /* first byte */
	size_t len;            /* bytes */
};

/* One row. Every string is malloc'd, sanitised, and owned by the table. */
struct cmp_row {
	enum cmp_kind kind;
	char *label;           /* field name or section heading */
	char *group;           /* a section's sub group heading, or NULL */
	char *cell[CMP_MAX];   /* each posting's text, NULL when it has none */
	char *note[CMP_MAX];   /* salary: difference from the first (same
	                          currency), CMP_OTHER_CURRENCY, or NULL */
	struct cmp_span *span[CMP_MAX]; /* each cell's differing words (see
	                          above), in order; NULL when none */
	size_t nspan[CMP_MAX]; /* how many spans each cell has */
	bool differs;          /* field: values not all equal (normalised);
	                          item: some posting has no item on this row,
	                          or the items' words differ (see above);
	                          heading: false (show it with its items) */
	bool unique;           /* item: exactly one posting has it */
	bool para[CMP_MAX];    /* item: the cell is a paragraph of prose,
	                          drawn without a bullet */
	uint8_t deadline[CMP_MAX]; /* the Deadline row: each posting's
	                          DL_CLOSING or DL_CLOSED (deadline.h) when
	                          its deadline is closing soon or closed on
	                          deadline_today(), else 0 */
};

/* Aligned rows of 2 to CMP_MAX postings; free with compare_free. */
struct cmp_table {
	size_t n;              /* postings compared, 2..CMP_MAX */
	char *title[CMP_MAX];  /* each posting's title, sanitised */
	char *id[CMP_MAX];     /* each posting's id, sanitised */
	struct cmp_row *rows;  /* the rows, in display order */
	size_t nrows, cap;     /* rows used and allocated */
	bool partial;          /* some list was too long to compare every
	                          pair of its items (see above) */
	double threshold;      /* items scoring at least this shared a row
	                          (CMP_THRESHOLD unless compare_build_at) */
};

/* One cell wrapped to a column: malloc'd lines, each within the width. */
struct cmp_cell_lines {
	char **v;              /* the lines (item bullets and salary notes in) */
	size_t n;              /* how many */
	struct cmp_span **span; /* each line's differing words, byte ranges
	                          of the line (NULL when it has none) */
	size_t *nspan;         /* how many each line has */
};

/* One row's cells wrapped to a column width, for drawing side by side. */
struct cmp_row_lines {
	struct cmp_cell_lines cell[CMP_MAX]; /* per posting; n = 0 when empty */
	size_t height;         /* lines of the tallest cell, at least 1 */
};

/* Builds the rows comparing p[0..n) (2 <= n <= CMP_MAX) into *out;
 * returns 0, or -1 (out emptied) when n is out of range or a posting is
 * NULL. */
int compare_build(const struct posting *const *p, size_t n,
                  struct cmp_table *out);
/* The same with items sharing a row from threshold (0 to 1) instead of
 * CMP_THRESHOLD (the user's compare-threshold). */
int compare_build_at(const struct posting *const *p, size_t n,
                     double threshold, struct cmp_table *out);
/* Frees every row and string of t and empties it. */
void compare_free(struct cmp_table *t);

/* Similarity of two texts in [0, 1] as described above, with every word
 * weighing the same (df = 1 of N = 2); for tests and tools. */
double compare_similarity(const char *a, const char *b);
/* Similarity of texts a and b weighted by the words of all n texts of
 * corpus (which should contain a and b), as compare_build measures it. */
double compare_similarity_in(const char *a, const char *b,
                             const char *const *corpus, size_t n);
/* Appends the stems of a text that similarity compares, space-separated,
 * in their order (duplicates kept); for tests and debugging. */
void compare_words(struct buf *out, const char *s);

/* Wraps each cell of row r (of a table of n postings) to width columns
 * (width >= 1): items get a "• " bullet and a two-column hanging indent
 * (paragraphs of prose neither), the salary note follows its value on
 * a line of its own; the row's differing words go with the lines as byte
 * ranges of each line. */
void compare_row_lines(const struct cmp_row *r, size_t n, int width,
                       struct cmp_row_lines *out);
/* Frees the lines made by compare_row_lines and empties out. */
void compare_row_lines_free(struct cmp_row_lines *out);

/* The marker of a row: CMP_MARK_UNIQUE, CMP_MARK_DIFFERS or ' '. */
char compare_marker(const struct cmp_row *r);

/* Appends the table as text no wider than width columns (as far as width
 * allows at least one column per posting): a header with each posting's
 * title and id, then each field row with its label, each section heading
 * on a line of its own, and every row's cells side by side in columns of
 * equal width, wrapped by display width. A marker (CMP_MARK_DIFFERS or
 * CMP_MARK_UNIQUE) starts the label column of a differing row or unique
 * item, so the marks survive without colour; the differing words stand
 * between CMP_DIFF_OPEN and CMP_DIFF_CLOSE. A partial table ends in a
 * blank line and CMP_PARTIAL_NOTE, wrapped. */
void compare_print_text(struct buf *out, const struct cmp_table *t, int width);
/* Appends the table as one JSON object: {"postings": [{"id", "title"}...],
 * "rows": [{"kind", "field", "group"?, "values", "notes"?, "words"?,
 * "differs", "unique"}...], "partial": true (only when it is)}, values
 * null where a posting has nothing; "words", on a row with differing
 * words, is each posting's list of them (the text of each span), null
 * where the posting has nothing; ends in '\n'. */
void compare_print_json(struct buf *out, const struct cmp_table *t);

#endif
