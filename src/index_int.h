/* SPDX-License-Identifier: MIT */
/* index_int: what index.c, index_store.c and index_term.c share (the
 * index's storage and its caches); no other module includes it. */
#ifndef BILLET_INDEX_INT_H
#define BILLET_INDEX_INT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "index.h"
#include "text.h"

#define NONE UINT32_MAX
#define INLINE_BYTES 8   /* a list this small lives in its struct */
#define NTOKCACHE 16     /* needles whose matching tokens are kept */
#define NSETCACHE 64     /* (field, needle) answers kept */
#define TOKCACHE_MAX (1u << 18) /* tokens above which a match is not kept */

/* Fields of posting_each_text, by index (index_store.c names them);
 * FIELD_UNKNOWN for any other. */
#define NFIELDS 15
#define FIELD_UNKNOWN ((int)NFIELDS)
#define FIELD_ANY (-1)

enum { PL_VARINT, PL_BITMAP };

/* The postings one token occurs in, in one field. */
struct plist {
	uint32_t next;  /* the token's next list, or NONE */
	uint32_t count; /* postings in the list */
	uint32_t last;  /* the last posting added, when count > 0 */
	uint32_t len;   /* bytes used: varint deltas, or bitmap words * 8 */
	uint32_t cap;   /* bytes malloc'd at d.p; 0 while held in d.in */
	uint8_t field;  /* index into field_names, or FIELD_UNKNOWN */
	uint8_t kind;   /* PL_VARINT or PL_BITMAP */
	union {
		uint8_t *p;               /* owned: deltas or uint64_t words */
		uint8_t in[INLINE_BYTES]; /* deltas of a short list */
	} d;
};

/* The tokens in which two or three bytes occur in a row, in ascending
 * order. */
struct toklist {
	uint8_t *d;     /* malloc'd: deltas of the token ids, as varints */
	uint32_t len;   /* bytes used */
	uint32_t cap;   /* bytes malloc'd */
	uint32_t n;     /* tokens */
	uint32_t last;  /* the last token added, when n > 0 */
};

/* A slot of the table of pairs and triples of bytes. */
struct gram {
	uint32_t key;        /* gram_key(); 0 for an empty slot */
	struct toklist list;
};

/* What the index keeps per token besides its text. */
struct tokinfo {
	uint32_t head;   /* its first list, or NONE */
	uint32_t seen;   /* while building: the last posting with it, + 1 */
	uint32_t fields; /* while building: its fields in that posting */
};

/* A hash slot of the vocabulary. */
struct slot {
	uint32_t tok;  /* token + 1; 0 for an empty slot */
	uint32_t hash; /* the token's hash */
};

/* Tokens containing a needle, kept for narrowing: every token of the
 * scope that contains it, and only tokens that contain it. */
struct tokent {
	char *needle;   /* malloc'd; NULL for an unused entry */
	size_t len;
	int scope;      /* FIELD_ANY: the vocabulary; else a field's tokens */
	uint32_t *toks; /* malloc'd token ids */
	size_t ntoks;
	size_t bytes;   /* their total length */
	uint64_t stamp; /* last use, for eviction */
};

/* One cached answer of index_term. */
struct setent {
	char *needle;   /* malloc'd; NULL for an unused entry */
	size_t len;
	int field;      /* FIELD_ANY or a field index */
	bool exact;
	uint64_t *cand, *known, *yes; /* malloc'd bitsets of words words */
	uint64_t stamp;
};

struct query_index {
	size_t n;                /* postings indexed */
	size_t words;            /* 64-bit words of a bitset of n bits */
	/* vocabulary, all malloc'd and owned */
	char *voc;               /* " tok tok ... tok " */
	size_t voclen, voccap;
	uint32_t *tokoff;        /* start of token t in voc; [ntok] = voclen */
	struct tokinfo *tok;     /* per token */
	size_t ntok, tokcap;
	struct slot *slots;      /* open addressing, a power of two */
	size_t nslots;
	struct plist *lists;     /* every list; owns their heap bytes */
	size_t nlists, lcap;
	uint64_t bytefreq[256];  /* how often each byte occurs in voc */
	struct gram *grams;      /* the tokens holding each pair and each
	                          * triple of bytes, to look at only those
	                          * for a needle holding it: open
	                          * addressing, a power of two */
	size_t ngrams, gramslots;
	size_t gram_bytes;       /* what their arrays hold, for memory */
	uint32_t *gramtoks;      /* scratch: a toklist's tokens */
	size_t gramtokcap;
	/* per field (and FIELD_UNKNOWN) */
	uint32_t *ftoks[NFIELDS + 1];  /* tokens with a list in it, malloc'd */
	size_t nftoks[NFIELDS + 1], ftokcap[NFIELDS + 1];
	size_t fbytes[NFIELDS + 1];    /* their total length */
	uint32_t bytelist[256];  /* postings with byte b in a token: a list,
	                          * or NONE */
	uint64_t bytes[4];       /* building: the bytes of the posting's tokens */
	/* per-posting values, malloc'd, vcap entries allocated */
	double *sal_lo, *sal_hi, *exp_lo, *exp_hi;
	int32_t *posted, *deadline, *start;
	uint32_t *currency;      /* currency_pack of the salary's currency */
	uint8_t *flags, *workplace;
	size_t vcap;
	/* scratch */
	struct buf fold;         /* a folded piece while building */
	size_t cur;              /* posting being indexed */
	uint32_t *tokbuf;        /* tokens being matched */
	size_t ntokbuf, tokbufcap;
	uint64_t *pairs;         /* (count << 32 | list) to order unions */
	size_t pairscap;
	uint32_t *vlists;        /* varint lists of a union */
	size_t vlistscap;
	uint64_t *tmp;           /* a bitset of words words, or NULL */
	uint64_t **scratch;      /* index_scratch's bitsets, each owned */
	size_t nscratch;
	/* caches */
	struct tokent tc[NTOKCACHE];
	struct setent sc[NSETCACHE];
	uint64_t clock;          /* stamps cache uses */
};


/* The length of token t. */
static inline size_t
tok_len(const struct query_index *ix, uint32_t t)
{
	return ix->tokoff[t + 1] - ix->tokoff[t] - 1;
}

/* The text of token t, in the vocabulary string. */
static inline const char *
tok_str(const struct query_index *ix, uint32_t t)
{
	return ix->voc + ix->tokoff[t];
}


/* ---- index_store.c: the vocabulary and the posting lists -------------- */

/* v (elements of size bytes, *cap of them) grown to hold need. */
void *index_grow(void *v, size_t *cap, size_t need, size_t size);
/* The field named name: its index, FIELD_UNKNOWN, or FIELD_ANY for NULL. */
int index_field_id(const char *name);
/* The first ' ' in p[0..e - p), or e; p[0..e - p + 8) readable. */
const char *index_next_space(const char *p, const char *e);
/* The tokens of tl, into ix->gramtoks. */
const uint32_t *index_toklist_tokens(struct query_index *ix,
                                     const struct toklist *tl);
/* Gives back the unused end of tl's storage. */
void index_toklist_trim(struct query_index *ix, struct toklist *tl);
/* The table's key of the n (2 or 3) bytes at s. */
uint32_t index_gram_key(const char *s, size_t n);
/* The tokens holding the bytes of key: made when missing if add, else
 * NULL. */
struct toklist *index_gram_list(struct query_index *ix, uint32_t key,
                                bool add);
/* The id of token s[0..len), or NONE when it is not in the vocabulary
 * and add is false; s[len..len+8) must be readable. */
uint32_t index_vocab_get(struct query_index *ix, const char *s, size_t len,
                         bool add);
/* Adds posting i (not below any posting in the list) to the list; a
 * bitmap that must grow is given room bytes at once. */
void index_list_add(struct plist *pl, uint32_t i, size_t room);
/* ORs the list into the bitset dst. */
void index_list_or(const struct plist *pl, uint64_t *dst);
/* Gives back the unused end of the list's heap storage. */
void index_list_trim(struct plist *pl);
/* The list of token t in field f, made when missing; moved to the front
 * of the token's chain, where the next look finds it first. */
struct plist *index_list_of(struct query_index *ix, uint32_t t, uint8_t f);
/* The list of the postings having byte b in a token. */
struct plist *index_byte_list(struct query_index *ix, unsigned char b);

#endif
