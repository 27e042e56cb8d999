/* SPDX-License-Identifier: MIT */
/* seen: billet's own records of postings in a compact binary file, read
 * whole, merged with other processes' writes, written atomically. */
#include "seen.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "identity.h"
#include "text.h"

/* The file: a header of HEADER bytes, then nrec records of 8 bytes, then
 * nfp pairs of 8-byte key and 8-byte fingerprint, every number little
 * endian; records and pairs in ascending order of key, each key once. */
#define MAGIC "BILSEEN\n"
#define VERSION 1u
#define HEADER 48u
/* Header fields' offsets. */
enum { H_VERSION = 8, H_SIZE = 12, H_NREC = 16, H_NFP = 24, H_SUM = 32,
       H_HSUM = 40 };

/* A change not saved yet: flags set and cleared, or a fingerprint set or
 * dropped. seq keeps the order they were made in. */
struct op {
	uint64_t key;
	uint64_t fp;      /* the fingerprint (FP ops) */
	uint32_t seq;
	uint8_t set, clear;
	uint8_t kind;     /* OP_FLAGS, OP_FP, OP_DROP */
};
enum { OP_FLAGS, OP_FP, OP_DROP };

/* A key and its fingerprint. */
struct fpair {
	uint64_t key, fp;
};

struct seen {
	char *path;
	bool loaded;        /* seen_load was called */
	bool have_disk;     /* disk describes the file last read or written */
	struct stat disk;
	uint64_t *rec;      /* records, ascending; flags in the low bits */
	size_t n, cap;
	struct fpair *fps;  /* fingerprints, ascending by key */
	size_t nfp, fpcap;
	struct op *ops;     /* changes not saved, in the order made */
	size_t nops, opcap;
	uint32_t seq;       /* the next op's seq */
};

/* ---- numbers in the file ---- */

static uint64_t
get64(const unsigned char *p)
{
	uint64_t v = 0;
	for (int i = 7; i >= 0; i--)
		v = v << 8 | p[i];
	return v;
}

static uint32_t
get32(const unsigned char *p)
{
	return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 |
	       (uint32_t)p[3] << 24;
}

static void
put64(unsigned char *p, uint64_t v)
{
	for (int i = 0; i < 8; i++, v >>= 8)
		p[i] = (unsigned char)v;
}

static void
put32(unsigned char *p, uint32_t v)
{
	for (int i = 0; i < 4; i++, v >>= 8)
		p[i] = (unsigned char)v;
}

/* A checksum of n bytes: a mix of every 8-byte word and the tail. */
static uint64_t
checksum(const unsigned char *p, size_t n)
{
	uint64_t h = 0x9E3779B97F4A7C15ULL ^ (uint64_t)n;
	size_t i = 0;
	for (; i + 8 <= n; i += 8) {
		h ^= get64(p + i) * 0x87C37B91114253D5ULL;
		h = (h << 31 | h >> 33) * 0x4CF5AD432745937FULL;
	}
	for (; i < n; i++)
		h = (h ^ p[i]) * 0x100000001B3ULL;
	h ^= h >> 33;
	h *= 0xFF51AFD7ED558CCDULL;
	h ^= h >> 33;
	return h;
}

/* ---- memory ---- */

struct seen *
seen_new(const char *path)
{
	struct seen *s = xcalloc(1, sizeof(*s));
	s->path = xstrdup(path);
	return s;
}

void
seen_free(struct seen *s)
{
	if (!s)
		return;
	free(s->path);
	free(s->rec);
	free(s->fps);
	free(s->ops);
	free(s);
}

const char *
seen_path(const struct seen *s)
{
	return s->path;
}

uint64_t
seen_key(const char *id)
{
	return identity_hash(id, strlen(id)) & ~(uint64_t)0xFF;
}

bool
seen_loaded(const struct seen *s)
{
	return s->loaded;
}

size_t
seen_count(const struct seen *s)
{
	return s->n;
}

size_t
seen_nfingerprints(const struct seen *s)
{
	return s->nfp;
}

bool
seen_pending(const struct seen *s)
{
	return s->nops > 0;
}

#define KEY(r) ((r) & ~(uint64_t)0xFF)

/* Where key is in rec, or where it would go. */
static size_t
rec_find(const uint64_t *rec, size_t n, uint64_t key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (KEY(rec[mid]) < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static size_t
fp_find(const struct fpair *v, size_t n, uint64_t key)
{
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (v[mid].key < key)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

unsigned
seen_get(const struct seen *s, uint64_t key)
{
	size_t i = rec_find(s->rec, s->n, key);
	return i < s->n && KEY(s->rec[i]) == key ? (unsigned)(s->rec[i] & 0xFF)
	                                         : 0;
}

bool
seen_fingerprint(const struct seen *s, uint64_t key, uint64_t *fp)
{
	size_t i = fp_find(s->fps, s->nfp, key);
	if (i < s->nfp && s->fps[i].key == key) {
		*fp = s->fps[i].fp;
		return true;
	}
	return false;
}

/* Applies one flags change to the records in memory. */
static void
rec_apply(struct seen *s, uint64_t key, unsigned set, unsigned clear)
{
	size_t i = rec_find(s->rec, s->n, key);
	if (i < s->n && KEY(s->rec[i]) == key) {
		s->rec[i] = key | ((((unsigned)s->rec[i] & 0xFF) | set) &
		                   ~clear & 0xFF);
		return;
	}
	unsigned f = set & ~clear & 0xFF;
	if (!f)
		return;
	if (s->n == s->cap) {
		s->cap = s->cap ? s->cap * 2 : 256;
		s->rec = xrealloc(s->rec, s->cap * sizeof(*s->rec));
	}
	memmove(s->rec + i + 1, s->rec + i, (s->n - i) * sizeof(*s->rec));
	s->rec[i] = key | f;
	s->n++;
}

/* Applies one fingerprint change in memory. */
static void
fp_apply(struct seen *s, uint64_t key, uint64_t fp, bool drop)
{
	size_t i = fp_find(s->fps, s->nfp, key);
	bool have = i < s->nfp && s->fps[i].key == key;
	if (drop) {
		if (have) {
			memmove(s->fps + i, s->fps + i + 1,
			        (s->nfp - i - 1) * sizeof(*s->fps));
			s->nfp--;
		}
		return;
	}
	if (have) {
		s->fps[i].fp = fp;
		return;
	}
	if (s->nfp == s->fpcap) {
		s->fpcap = s->fpcap ? s->fpcap * 2 : 16;
		s->fps = xrealloc(s->fps, s->fpcap * sizeof(*s->fps));
	}
	memmove(s->fps + i + 1, s->fps + i, (s->nfp - i) * sizeof(*s->fps));
	s->fps[i] = (struct fpair){key, fp};
	s->nfp++;
}

/* Records a change to save. */
static void
op_push(struct seen *s, struct op o)
{
	if (s->nops == s->opcap) {
		s->opcap = s->opcap ? s->opcap * 2 : 64;
		s->ops = xrealloc(s->ops, s->opcap * sizeof(*s->ops));
	}
	o.seq = s->seq++;
	s->ops[s->nops++] = o;
}

void
seen_set(struct seen *s, uint64_t key, unsigned set, unsigned clear)
{
	key = KEY(key);
	op_push(s, (struct op){.key = key, .set = (uint8_t)set,
	                       .clear = (uint8_t)clear, .kind = OP_FLAGS});
	rec_apply(s, key, set, clear);
}

void
seen_set_fingerprint(struct seen *s, uint64_t key, uint64_t fp)
{
	key = KEY(key);
	op_push(s, (struct op){.key = key, .fp = fp, .kind = OP_FP});
	fp_apply(s, key, fp, false);
}

void
seen_drop_fingerprint(struct seen *s, uint64_t key)
{
	key = KEY(key);
	op_push(s, (struct op){.key = key, .kind = OP_DROP});
	fp_apply(s, key, 0, true);
}

static int
cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return (x > y) - (x < y);
}

/* Merges the sorted keys (repeats allowed, flags bits clear) into rec
 * with the flags set. */
static void
rec_merge(struct seen *s, const uint64_t *keys, size_t n, unsigned set)
{
	size_t cap = s->n + n;
	uint64_t *out = xmalloc(cap * sizeof(*out));
	size_t i = 0, j = 0, k = 0;
	while (i < s->n || j < n) {
		if (j < n && k && KEY(out[k - 1]) == keys[j]) {
			out[k - 1] |= set;
			j++;
		} else if (j == n || (i < s->n && KEY(s->rec[i]) <= keys[j])) {
			out[k++] = s->rec[i++];
		} else {
			out[k++] = keys[j++] | set;
		}
	}
	free(s->rec);
	s->rec = out;
	s->n = k;
	s->cap = cap;
}

void
seen_set_many(struct seen *s, uint64_t *keys, size_t n, unsigned set)
{
	if (!n)
		return;
	for (size_t i = 0; i < n; i++)
		keys[i] = KEY(keys[i]);
	qsort(keys, n, sizeof(*keys), cmp_u64);
	for (size_t i = 0; i < n; i++)
		if (!i || keys[i] != keys[i - 1])
			op_push(s, (struct op){.key = keys[i],
			                       .set = (uint8_t)set,
			                       .kind = OP_FLAGS});
	rec_merge(s, keys, n, set & 0xFF);
}

void
seen_join(const struct seen *s, const uint64_t *keys, const uint32_t *idx,
          size_t n, void (*fn)(void *ctx, uint32_t i, unsigned flags),
          void *ctx)
{
	size_t r = 0;
	for (size_t j = 0; j < n; j++) {
		uint64_t k = KEY(keys[j]);
		while (r < s->n && KEY(s->rec[r]) < k)
			r++;
		unsigned f = r < s->n && KEY(s->rec[r]) == k
		             ? (unsigned)(s->rec[r] & 0xFF) : 0;
		fn(ctx, idx[j], f);
	}
}

/* ---- reading ---- */

/* Says that the file is damaged: why, and that it is rebuilt. */
static void
damaged(const struct seen *s, char *msg, size_t size, const char *why)
{
	if (!msg || !size)
		return;
	struct buf p = {0};
	text_sanitize(&p, s->path, strlen(s->path), SAN_CARET_NL);
	snprintf(msg, size, "%s is damaged (%s): it is rebuilt, and postings "
	         "seen or read before may show as new (your marks, notes and "
	         "ratings are in the state file, untouched)", p.s, why);
	buf_free(&p);
}

/* Decodes the file's bytes into rec and fps (replacing them); false, with
 * why, when they are not a whole file of this format. */
static bool
decode(struct seen *s, const unsigned char *d, size_t len, const char **why)
{
	if (len < HEADER || memcmp(d, MAGIC, 8) != 0) {
		*why = "not a file of seen postings";
		return false;
	}
	if (get32(d + H_VERSION) != VERSION) {
		*why = "a version this billet does not know";
		return false;
	}
	if (checksum(d, H_HSUM) != get64(d + H_HSUM) ||
	    get32(d + H_SIZE) != HEADER) {
		*why = "its header's checksum does not match";
		return false;
	}
	uint64_t nrec = get64(d + H_NREC), nfp = get64(d + H_NFP);
	if (nrec > (len - HEADER) / 8 || nfp > (len - HEADER) / 16 ||
	    HEADER + nrec * 8 + nfp * 16 != len) {
		*why = "its size does not match its header";
		return false;
	}
	if (checksum(d + HEADER, len - HEADER) != get64(d + H_SUM)) {
		*why = "its checksum does not match";
		return false;
	}
	uint64_t *rec = xmalloc((nrec ? nrec : 1) * sizeof(*rec));
	struct fpair *fps = xmalloc((nfp ? nfp : 1) * sizeof(*fps));
	const unsigned char *p = d + HEADER;
	for (size_t i = 0; i < nrec; i++, p += 8) {
		rec[i] = get64(p) & ~(uint64_t)(0xFF & ~SEEN_KEPT);
		if (i && KEY(rec[i]) <= KEY(rec[i - 1])) {
			free(rec);
			free(fps);
			*why = "its records are out of order";
			return false;
		}
	}
	for (size_t i = 0; i < nfp; i++, p += 16) {
		fps[i] = (struct fpair){get64(p), get64(p + 8)};
		if (i && fps[i].key <= fps[i - 1].key) {
			free(rec);
			free(fps);
			*why = "its fingerprints are out of order";
			return false;
		}
	}
	free(s->rec);
	free(s->fps);
	s->rec = rec;
	s->n = s->cap = nrec;
	s->fps = fps;
	s->nfp = s->fpcap = nfp;
	return true;
}

/* What read_file found. */
enum rd { RD_OK, RD_MISSING, RD_SAME, RD_DAMAGED, RD_UNREADABLE };

/* Reads the file into rec and fps (the changes not applied), unless it is
 * the version read or written last (RD_SAME, when skip_same). */
static enum rd
read_file(struct seen *s, bool skip_same, char *msg, size_t size)
{
	int fd = open(s->path, O_RDONLY | O_CLOEXEC);
	if (fd < 0) {
		if (errno == ENOENT) {
			s->have_disk = false;
			return RD_MISSING;
		}
		goto unreadable;
	}
	struct stat sb;
	if (fstat(fd, &sb) != 0) {
		close(fd);
		goto unreadable;
	}
	if (skip_same && s->have_disk && sb.st_dev == s->disk.st_dev &&
	    sb.st_ino == s->disk.st_ino && sb.st_size == s->disk.st_size &&
	    sb.st_mtim.tv_sec == s->disk.st_mtim.tv_sec &&
	    sb.st_mtim.tv_nsec == s->disk.st_mtim.tv_nsec) {
		close(fd);
		return RD_SAME;
	}
	if (!S_ISREG(sb.st_mode)) {
		close(fd);
		damaged(s, msg, size, "not a regular file");
		return RD_UNREADABLE;
	}
	size_t len = (size_t)sb.st_size, got = 0;
	unsigned char *d = xmalloc(len ? len : 1);
	while (got < len) {
		ssize_t r = read(fd, d + got, len - got);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0)
			break;
		got += (size_t)r;
	}
	int e = errno;
	close(fd);
	s->disk = sb;
	s->have_disk = true;
	const char *why = "cut short";
	if (got != len) {
		free(d);
		errno = e;
		goto unreadable;
	}
	bool ok = decode(s, d, len, &why);
	free(d);
	if (!ok) {
		damaged(s, msg, size, why);
		s->n = s->nfp = 0;
		return RD_DAMAGED;
	}
	return RD_OK;
unreadable:
	if (msg && size) {
		struct buf p = {0};
		text_sanitize(&p, s->path, strlen(s->path), SAN_CARET_NL);
		snprintf(msg, size, "cannot read %s: %s (postings seen or read "
		         "before may show as new)", p.s, strerror(errno));
		buf_free(&p);
	}
	s->n = s->nfp = 0;
	return RD_UNREADABLE;
}

static int
cmp_op(const void *a, const void *b)
{
	const struct op *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return (x->seq > y->seq) - (x->seq < y->seq);
}

/* Applies the changes not saved over rec and fps as read, in key order
 * and, for one key, in the order they were made. */
static void
replay(struct seen *s)
{
	if (!s->nops)
		return;
	struct op *o = xmalloc(s->nops * sizeof(*o));
	memcpy(o, s->ops, s->nops * sizeof(*o));
	qsort(o, s->nops, sizeof(*o), cmp_op);
	/* the flags: one merge of the records and the ops */
	size_t cap = s->n + s->nops;
	uint64_t *out = xmalloc(cap * sizeof(*out));
	size_t i = 0, k = 0;
	for (size_t j = 0; j < s->nops || i < s->n;) {
		if (j < s->nops && o[j].kind != OP_FLAGS) {
			j++;
			continue;
		}
		if (j == s->nops || (i < s->n && KEY(s->rec[i]) < o[j].key)) {
			out[k++] = s->rec[i++];
			continue;
		}
		uint64_t key = o[j].key;
		unsigned f = 0;
		if (i < s->n && KEY(s->rec[i]) == key)
			f = (unsigned)(s->rec[i++] & 0xFF);
		for (; j < s->nops && o[j].key == key; j++)
			if (o[j].kind == OP_FLAGS)
				f = (f | o[j].set) & ~(unsigned)o[j].clear;
		if (f & 0xFF)
			out[k++] = key | (f & 0xFF);
	}
	free(s->rec);
	s->rec = out;
	s->n = k;
	s->cap = cap;
	/* the fingerprints, few: one by one */
	for (size_t j = 0; j < s->nops; j++)
		if (o[j].kind != OP_FLAGS)
			fp_apply(s, o[j].key, o[j].fp, o[j].kind == OP_DROP);
	free(o);
}

/* Gives rec's records the SEEN_BEFORE flag of old's of the same key
 * (after clearing theirs, when reset): what this run first read stays
 * not new. */
static void
keep_before(struct seen *s, const uint64_t *old, size_t nold, bool reset)
{
	size_t i = 0;
	for (size_t r = 0; r < s->n; r++) {
		uint64_t k = KEY(s->rec[r]);
		if (reset)
			s->rec[r] &= ~(uint64_t)SEEN_BEFORE;
		while (i < nold && KEY(old[i]) < k)
			i++;
		if (i < nold && KEY(old[i]) == k)
			s->rec[r] |= old[i] & SEEN_BEFORE;
	}
}

/* After the first read: what was seen then is not new to this run. */
static void
mark_before(struct seen *s)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->rec[i] & SEEN_SEEN)
			s->rec[i] |= SEEN_BEFORE;
}

bool
seen_load(struct seen *s, char *msg, size_t size)
{
	if (msg && size)
		msg[0] = '\0';
	if (s->loaded)
		return true;
	s->loaded = true;
	/* what was there when this run first read it is not new */
	enum rd r = read_file(s, false, msg, size);
	mark_before(s);
	/* changes made before: SEEN_BEFORE among them (an old state file's
	 * seen postings) stays */
	replay(s);
	return r == RD_OK || r == RD_MISSING;
}

/* ---- writing ---- */

/* The file's bytes for rec and fps. */
static unsigned char *
encode(const struct seen *s, size_t *len)
{
	*len = HEADER + s->n * 8 + s->nfp * 16;
	unsigned char *d = xcalloc(1, *len);
	memcpy(d, MAGIC, 8);
	put32(d + H_VERSION, VERSION);
	put32(d + H_SIZE, HEADER);
	put64(d + H_NREC, s->n);
	put64(d + H_NFP, s->nfp);
	unsigned char *p = d + HEADER;
	for (size_t i = 0; i < s->n; i++, p += 8)
		put64(p, s->rec[i] & ~(uint64_t)(0xFF & ~SEEN_KEPT));
	for (size_t i = 0; i < s->nfp; i++, p += 16) {
		put64(p, s->fps[i].key);
		put64(p + 8, s->fps[i].fp);
	}
	put64(d + H_SUM, checksum(d + HEADER, *len - HEADER));
	put64(d + H_HSUM, checksum(d, H_HSUM));
	return d;
}

enum atomic_result
seen_save(struct seen *s, char *msg, size_t size)
{
	if (msg && size)
		msg[0] = '\0';
	if (!s->nops)
		return ATOMIC_DONE;
	/* another process's writes since: read them, this run's over them */
	uint64_t *old = s->rec;
	size_t nold = s->n;
	s->rec = NULL;
	s->n = s->cap = 0;
	struct fpair *oldfp = s->fps;
	size_t noldfp = s->nfp;
	s->fps = NULL;
	s->nfp = s->fpcap = 0;
	char why[512] = "";
	enum rd r = read_file(s, s->loaded, why, sizeof(why));
	if (r == RD_UNREADABLE) {
		/* not replaced: it may be whole, only unreadable now */
		free(s->rec);
		free(s->fps);
		s->rec = old;
		s->n = s->cap = nold;
		s->fps = oldfp;
		s->nfp = s->fpcap = noldfp;
		if (msg && size)
			snprintf(msg, size, "%s", why);
		return ATOMIC_FAILED;
	}
	if (r == RD_SAME) {
		/* what is in memory is the file and this run's changes */
		s->rec = old;
		s->n = s->cap = nold;
		s->fps = oldfp;
		s->nfp = s->fpcap = noldfp;
	} else {
		/* the first read (never loaded): what it finds was seen
		 * before this run */
		bool first = !s->loaded;
		if (first)
			mark_before(s);
		replay(s);
		keep_before(s, old, nold, !first);
		free(old);
		free(oldfp);
	}
	s->loaded = true;
	size_t len;
	unsigned char *d = encode(s, &len);
	char wmsg[768];
	enum atomic_result res = atomic_write(s->path, (const char *)d, len,
	                                      0600, true, wmsg, sizeof(wmsg));
	free(d);
	if (res == ATOMIC_DONE || res == ATOMIC_UNSYNCED) {
		struct stat sb;
		s->have_disk = stat(s->path, &sb) == 0;
		if (s->have_disk)
			s->disk = sb;
	}
	if (res == ATOMIC_DONE) {
		s->nops = 0;
		if (msg && size && r == RD_DAMAGED)
			snprintf(msg, size, "%s", why);
	} else if (msg && size) {
		snprintf(msg, size, "%s", wmsg);
	}
	return res;
}
