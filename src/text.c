/* SPDX-License-Identifier: MIT */
#include "text.h"

#include <langinfo.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <wctype.h>

#define REPLACEMENT 0xFFFDu
#define REPLACEMENT_UTF8 "\xEF\xBF\xBD"
#define ELLIPSIS_UTF8 "\xE2\x80\xA6"

void (*die_hook)(void) = NULL;

/* Runs the hook, reports exhausted memory and exits with status 2. */
_Noreturn void
die_nomem(void)
{
	void (*hook)(void) = die_hook;
	die_hook = NULL; /* a hook that runs out of memory must not loop */
	if (hook)
		hook();
	fputs("billet: out of memory\n", stderr);
	exit(2);
}

/* ---- growable strings ---- */

/* Makes room for extra more bytes and the terminating NUL. */
static void
buf_reserve(struct buf *b, size_t extra)
{
	if (extra >= SIZE_MAX - b->len)
		die_nomem();
	size_t need = b->len + extra + 1;
	if (need <= b->cap)
		return;
	size_t cap = b->cap ? b->cap : 32;
	while (cap < need)
		cap = cap > SIZE_MAX / 2 ? need : cap * 2;
	char *s = realloc(b->s, cap);
	if (!s)
		die_nomem();
	b->s = s;
	b->cap = cap;
}

/* Appends len bytes of s. */
void
buf_add(struct buf *b, const char *s, size_t len)
{
	buf_reserve(b, len);
	if (len)
		memcpy(b->s + b->len, s, len);
	b->len += len;
	b->s[b->len] = '\0';
}

/* Appends a NUL-terminated string. */
void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* Appends one byte. */
void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list again;
	va_copy(again, ap);
	buf_reserve(b, 0);
	size_t room = b->cap - b->len;
	int n = vsnprintf(b->s + b->len, room, fmt, ap);
	if (n < 0) {
		b->s[b->len] = '\0';
		va_end(again);
		return;
	}
	if ((size_t)n >= room) {
		buf_reserve(b, (size_t)n);
		vsnprintf(b->s + b->len, (size_t)n + 1, fmt, again);
	}
	va_end(again);
	b->len += (size_t)n;
}

/* Appends printf-formatted text. */
void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

/* Empties the buffer, keeping its memory. */
void
buf_clear(struct buf *b)
{
	b->len = 0;
	if (b->s)
		b->s[0] = '\0';
}

/* Releases the memory. */
void
buf_free(struct buf *b)
{
	free(b->s);
	b->s = NULL;
	b->len = b->cap = 0;
}

/* Hands the string to the caller and leaves the buffer empty. */
char *
buf_steal(struct buf *b)
{
	if (!b->s)
		buf_reserve(b, 0);
	char *s = b->s;
	s[b->len] = '\0';
	b->s = NULL;
	b->len = b->cap = 0;
	return s;
}

/* ---- UTF-8 ---- */

/* Decodes one code point; bad input is U+FFFD for one byte. */
size_t
text_decode(const char *s, size_t len, uint32_t *cp)
{
	const unsigned char *u = (const unsigned char *)s;
	*cp = REPLACEMENT;
	if (len == 0)
		return 0;
	unsigned c = u[0];
	if (c < 0x80) {
		*cp = c;
		return 1;
	}
	size_t n;
	uint32_t v, min;
	if (c >= 0xC2 && c <= 0xDF) {
		n = 2, v = c & 0x1F, min = 0x80;
	} else if (c >= 0xE0 && c <= 0xEF) {
		n = 3, v = c & 0x0F, min = 0x800;
	} else if (c >= 0xF0 && c <= 0xF4) {
		n = 4, v = c & 0x07, min = 0x10000;
	} else {
		return 1; /* continuation byte, C0, C1 or F5-FF */
	}
	if (len < n)
		return 1;
	for (size_t i = 1; i < n; i++) {
		if ((u[i] & 0xC0) != 0x80)
			return 1;
		v = v << 6 | (u[i] & 0x3F);
	}
	if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF))
		return 1;
	*cp = v;
	return n;
}

/* Encodes cp as UTF-8 (U+FFFD for surrogates and values past U+10FFFF). */
size_t
text_encode(uint32_t cp, char *out)
{
	unsigned char *o = (unsigned char *)out;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		cp = REPLACEMENT;
	if (cp < 0x80) {
		o[0] = (unsigned char)cp;
		return 1;
	}
	if (cp < 0x800) {
		o[0] = (unsigned char)(0xC0 | cp >> 6);
		o[1] = (unsigned char)(0x80 | (cp & 0x3F));
		return 2;
	}
	if (cp < 0x10000) {
		o[0] = (unsigned char)(0xE0 | cp >> 12);
		o[1] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
		o[2] = (unsigned char)(0x80 | (cp & 0x3F));
		return 3;
	}
	o[0] = (unsigned char)(0xF0 | cp >> 18);
	o[1] = (unsigned char)(0x80 | (cp >> 12 & 0x3F));
	o[2] = (unsigned char)(0x80 | (cp >> 6 & 0x3F));
	o[3] = (unsigned char)(0x80 | (cp & 0x3F));
	return 4;
}

/* True when text_decode returned a replacement for a bad byte. */
static bool
decoded_bad(size_t n, uint32_t cp)
{
	return n == 1 && cp == REPLACEMENT;
}

/* True if s[0..len) is valid UTF-8. */
bool
text_valid(const char *s, size_t len)
{
	size_t i = 0;
	while (i < len) {
		if ((unsigned char)s[i] < 0x80) {
			i++;
			continue;
		}
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		if (decoded_bad(n, cp))
			return false;
		i += n;
	}
	return true;
}

/* ---- display width ---- */

/* An inclusive range of code points. */
struct range {
	uint32_t lo, hi;
};

/* Zero-width code points: nonspacing and enclosing marks (Mn, Me), format
 * characters (Cf) other than the soft hyphen, the prepended concatenation
 * marks and the bidirectional controls that text_sanitize escapes, and the
 * Hangul Jamo medial vowels and final consonants (1160-11FF, D7B0-D7FF).
 * Generated from Unicode 14 data (what glibc 2.36's wcwidth uses); ranges
 * are merged across unassigned code points. */
static const struct range zero_width[] = {
	{0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF},
	{0x05C1, 0x05C2}, {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A},
	{0x064B, 0x065F}, {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4},
	{0x06E7, 0x06E8}, {0x06EA, 0x06ED}, {0x0711, 0x0711}, {0x0730, 0x074A},
	{0x07A6, 0x07B0}, {0x07EB, 0x07F3}, {0x07FD, 0x07FD}, {0x0816, 0x0819},
	{0x081B, 0x0823}, {0x0825, 0x0827}, {0x0829, 0x082D}, {0x0859, 0x085B},
	{0x0898, 0x089F}, {0x08CA, 0x08E1}, {0x08E3, 0x0902}, {0x093A, 0x093A},
	{0x093C, 0x093C}, {0x0941, 0x0948}, {0x094D, 0x094D}, {0x0951, 0x0957},
	{0x0962, 0x0963}, {0x0981, 0x0981}, {0x09BC, 0x09BC}, {0x09C1, 0x09C4},
	{0x09CD, 0x09CD}, {0x09E2, 0x09E3}, {0x09FE, 0x0A02}, {0x0A3C, 0x0A3C},
	{0x0A41, 0x0A51}, {0x0A70, 0x0A71}, {0x0A75, 0x0A75}, {0x0A81, 0x0A82},
	{0x0ABC, 0x0ABC}, {0x0AC1, 0x0AC8}, {0x0ACD, 0x0ACD}, {0x0AE2, 0x0AE3},
	{0x0AFA, 0x0B01}, {0x0B3C, 0x0B3C}, {0x0B3F, 0x0B3F}, {0x0B41, 0x0B44},
	{0x0B4D, 0x0B56}, {0x0B62, 0x0B63}, {0x0B82, 0x0B82}, {0x0BC0, 0x0BC0},
	{0x0BCD, 0x0BCD}, {0x0C00, 0x0C00}, {0x0C04, 0x0C04}, {0x0C3C, 0x0C3C},
	{0x0C3E, 0x0C40}, {0x0C46, 0x0C56}, {0x0C62, 0x0C63}, {0x0C81, 0x0C81},
	{0x0CBC, 0x0CBC}, {0x0CBF, 0x0CBF}, {0x0CC6, 0x0CC6}, {0x0CCC, 0x0CCD},
	{0x0CE2, 0x0CE3}, {0x0D00, 0x0D01}, {0x0D3B, 0x0D3C}, {0x0D41, 0x0D44},
	{0x0D4D, 0x0D4D}, {0x0D62, 0x0D63}, {0x0D81, 0x0D81}, {0x0DCA, 0x0DCA},
	{0x0DD2, 0x0DD6}, {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E},
	{0x0EB1, 0x0EB1}, {0x0EB4, 0x0EBC}, {0x0EC8, 0x0ECD}, {0x0F18, 0x0F19},
	{0x0F35, 0x0F35}, {0x0F37, 0x0F37}, {0x0F39, 0x0F39}, {0x0F71, 0x0F7E},
	{0x0F80, 0x0F84}, {0x0F86, 0x0F87}, {0x0F8D, 0x0FBC}, {0x0FC6, 0x0FC6},
	{0x102D, 0x1030}, {0x1032, 0x1037}, {0x1039, 0x103A}, {0x103D, 0x103E},
	{0x1058, 0x1059}, {0x105E, 0x1060}, {0x1071, 0x1074}, {0x1082, 0x1082},
	{0x1085, 0x1086}, {0x108D, 0x108D}, {0x109D, 0x109D}, {0x1160, 0x11FF},
	{0x135D, 0x135F}, {0x1712, 0x1714}, {0x1732, 0x1733}, {0x1752, 0x1753},
	{0x1772, 0x1773}, {0x17B4, 0x17B5}, {0x17B7, 0x17BD}, {0x17C6, 0x17C6},
	{0x17C9, 0x17D3}, {0x17DD, 0x17DD}, {0x180B, 0x180F}, {0x1885, 0x1886},
	{0x18A9, 0x18A9}, {0x1920, 0x1922}, {0x1927, 0x1928}, {0x1932, 0x1932},
	{0x1939, 0x193B}, {0x1A17, 0x1A18}, {0x1A1B, 0x1A1B}, {0x1A56, 0x1A56},
	{0x1A58, 0x1A60}, {0x1A62, 0x1A62}, {0x1A65, 0x1A6C}, {0x1A73, 0x1A7F},
	{0x1AB0, 0x1B03}, {0x1B34, 0x1B34}, {0x1B36, 0x1B3A}, {0x1B3C, 0x1B3C},
	{0x1B42, 0x1B42}, {0x1B6B, 0x1B73}, {0x1B80, 0x1B81}, {0x1BA2, 0x1BA5},
	{0x1BA8, 0x1BA9}, {0x1BAB, 0x1BAD}, {0x1BE6, 0x1BE6}, {0x1BE8, 0x1BE9},
	{0x1BED, 0x1BED}, {0x1BEF, 0x1BF1}, {0x1C2C, 0x1C33}, {0x1C36, 0x1C37},
	{0x1CD0, 0x1CD2}, {0x1CD4, 0x1CE0}, {0x1CE2, 0x1CE8}, {0x1CED, 0x1CED},
	{0x1CF4, 0x1CF4}, {0x1CF8, 0x1CF9}, {0x1DC0, 0x1DFF}, {0x200B, 0x200D},
	{0x2060, 0x2064}, {0x206A, 0x206F}, {0x20D0, 0x20F0}, {0x2CEF, 0x2CF1},
	{0x2D7F, 0x2D7F}, {0x2DE0, 0x2DFF}, {0x302A, 0x302D}, {0x3099, 0x309A},
	{0xA66F, 0xA672}, {0xA674, 0xA67D}, {0xA69E, 0xA69F}, {0xA6F0, 0xA6F1},
	{0xA802, 0xA802}, {0xA806, 0xA806}, {0xA80B, 0xA80B}, {0xA825, 0xA826},
	{0xA82C, 0xA82C}, {0xA8C4, 0xA8C5}, {0xA8E0, 0xA8F1}, {0xA8FF, 0xA8FF},
	{0xA926, 0xA92D}, {0xA947, 0xA951}, {0xA980, 0xA982}, {0xA9B3, 0xA9B3},
	{0xA9B6, 0xA9B9}, {0xA9BC, 0xA9BD}, {0xA9E5, 0xA9E5}, {0xAA29, 0xAA2E},
	{0xAA31, 0xAA32}, {0xAA35, 0xAA36}, {0xAA43, 0xAA43}, {0xAA4C, 0xAA4C},
	{0xAA7C, 0xAA7C}, {0xAAB0, 0xAAB0}, {0xAAB2, 0xAAB4}, {0xAAB7, 0xAAB8},
	{0xAABE, 0xAABF}, {0xAAC1, 0xAAC1}, {0xAAEC, 0xAAED}, {0xAAF6, 0xAAF6},
	{0xABE5, 0xABE5}, {0xABE8, 0xABE8}, {0xABED, 0xABED}, {0xD7B0, 0xD7FF},
	{0xFB1E, 0xFB1E}, {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF},
	{0xFFF9, 0xFFFB}, {0x101FD, 0x101FD}, {0x102E0, 0x102E0},
	{0x10376, 0x1037A}, {0x10A01, 0x10A0F}, {0x10A38, 0x10A3F},
	{0x10AE5, 0x10AE6}, {0x10D24, 0x10D27}, {0x10EAB, 0x10EAC},
	{0x10F46, 0x10F50}, {0x10F82, 0x10F85}, {0x11001, 0x11001},
	{0x11038, 0x11046}, {0x11070, 0x11070}, {0x11073, 0x11074},
	{0x1107F, 0x11081}, {0x110B3, 0x110B6}, {0x110B9, 0x110BA},
	{0x110C2, 0x110C2}, {0x11100, 0x11102}, {0x11127, 0x1112B},
	{0x1112D, 0x11134}, {0x11173, 0x11173}, {0x11180, 0x11181},
	{0x111B6, 0x111BE}, {0x111C9, 0x111CC}, {0x111CF, 0x111CF},
	{0x1122F, 0x11231}, {0x11234, 0x11234}, {0x11236, 0x11237},
	{0x1123E, 0x1123E}, {0x112DF, 0x112DF}, {0x112E3, 0x112EA},
	{0x11300, 0x11301}, {0x1133B, 0x1133C}, {0x11340, 0x11340},
	{0x11366, 0x11374}, {0x11438, 0x1143F}, {0x11442, 0x11444},
	{0x11446, 0x11446}, {0x1145E, 0x1145E}, {0x114B3, 0x114B8},
	{0x114BA, 0x114BA}, {0x114BF, 0x114C0}, {0x114C2, 0x114C3},
	{0x115B2, 0x115B5}, {0x115BC, 0x115BD}, {0x115BF, 0x115C0},
	{0x115DC, 0x115DD}, {0x11633, 0x1163A}, {0x1163D, 0x1163D},
	{0x1163F, 0x11640}, {0x116AB, 0x116AB}, {0x116AD, 0x116AD},
	{0x116B0, 0x116B5}, {0x116B7, 0x116B7}, {0x1171D, 0x1171F},
	{0x11722, 0x11725}, {0x11727, 0x1172B}, {0x1182F, 0x11837},
	{0x11839, 0x1183A}, {0x1193B, 0x1193C}, {0x1193E, 0x1193E},
	{0x11943, 0x11943}, {0x119D4, 0x119DB}, {0x119E0, 0x119E0},
	{0x11A01, 0x11A0A}, {0x11A33, 0x11A38}, {0x11A3B, 0x11A3E},
	{0x11A47, 0x11A47}, {0x11A51, 0x11A56}, {0x11A59, 0x11A5B},
	{0x11A8A, 0x11A96}, {0x11A98, 0x11A99}, {0x11C30, 0x11C3D},
	{0x11C3F, 0x11C3F}, {0x11C92, 0x11CA7}, {0x11CAA, 0x11CB0},
	{0x11CB2, 0x11CB3}, {0x11CB5, 0x11CB6}, {0x11D31, 0x11D45},
	{0x11D47, 0x11D47}, {0x11D90, 0x11D91}, {0x11D95, 0x11D95},
	{0x11D97, 0x11D97}, {0x11EF3, 0x11EF4}, {0x13430, 0x13438},
	{0x16AF0, 0x16AF4}, {0x16B30, 0x16B36}, {0x16F4F, 0x16F4F},
	{0x16F8F, 0x16F92}, {0x16FE4, 0x16FE4}, {0x1BC9D, 0x1BC9E},
	{0x1BCA0, 0x1CF46}, {0x1D167, 0x1D169}, {0x1D173, 0x1D182},
	{0x1D185, 0x1D18B}, {0x1D1AA, 0x1D1AD}, {0x1D242, 0x1D244},
	{0x1DA00, 0x1DA36}, {0x1DA3B, 0x1DA6C}, {0x1DA75, 0x1DA75},
	{0x1DA84, 0x1DA84}, {0x1DA9B, 0x1DAAF}, {0x1E000, 0x1E02A},
	{0x1E130, 0x1E136}, {0x1E2AE, 0x1E2AE}, {0x1E2EC, 0x1E2EF},
	{0x1E8D0, 0x1E8D6}, {0x1E944, 0x1E94A}, {0xE0001, 0xE01EF},
};

/* Wide code points: East Asian Width W and F (CJK, Hangul syllables,
 * fullwidth forms, emoji with default emoji presentation), plus 3248-324F
 * and 4DC0-4DFF as glibc has them, and all of planes 2 and 3. Same source
 * and merging as zero_width. */
static const struct range wide[] = {
	{0x1100, 0x115F}, {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC},
	{0x23F0, 0x23F0}, {0x23F3, 0x23F3}, {0x25FD, 0x25FE}, {0x2614, 0x2615},
	{0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693}, {0x26A1, 0x26A1},
	{0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
	{0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5},
	{0x26FA, 0x26FA}, {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B},
	{0x2728, 0x2728}, {0x274C, 0x274C}, {0x274E, 0x274E}, {0x2753, 0x2755},
	{0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0}, {0x27BF, 0x27BF},
	{0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x3029},
	{0x302E, 0x303E}, {0x3041, 0x3096}, {0x309B, 0xA4C6}, {0xA960, 0xA97C},
	{0xAC00, 0xD7A3}, {0xF900, 0xFAD9}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6B},
	{0xFF01, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE3}, {0x16FF0, 0x1B2FB},
	{0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
	{0x1F191, 0x1F19A}, {0x1F200, 0x1F320}, {0x1F32D, 0x1F335},
	{0x1F337, 0x1F37C}, {0x1F37E, 0x1F393}, {0x1F3A0, 0x1F3CA},
	{0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4},
	{0x1F3F8, 0x1F43E}, {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC},
	{0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567},
	{0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4},
	{0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5}, {0x1F6CC, 0x1F6CC},
	{0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6DF}, {0x1F6EB, 0x1F6EC},
	{0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7F0}, {0x1F90C, 0x1F93A},
	{0x1F93C, 0x1F945}, {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAF6},
	{0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

/* True if cp lies in one of the n sorted ranges of t. */
static bool
in_ranges(const struct range *t, size_t n, uint32_t cp)
{
	if (cp < t[0].lo || cp > t[n - 1].hi)
		return false;
	size_t lo = 0, hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cp < t[mid].lo)
			hi = mid;
		else if (cp > t[mid].hi)
			lo = mid + 1;
		else
			return true;
	}
	return false;
}

#define IN_TABLE(t, cp) in_ranges((t), sizeof(t) / sizeof((t)[0]), (cp))

/* True for the bidirectional controls text_sanitize shows as \uXXXX. */
static bool
is_bidi_control(uint32_t cp)
{
	return cp == 0x061C || cp == 0x200E || cp == 0x200F ||
	       (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

/* Display columns of one code point, controls as their visible form:
 * 2 for ^X, 6 for \uXXXX, 1 for '\n' and '\t' (shown as a space unless
 * kept; a kept tab is the caller's to expand) and for the soft hyphen
 * U+00AD (terminals and glibc draw it as a hyphen). */
int
text_cp_width(uint32_t cp)
{
	if (cp == '\n' || cp == '\t')
		return 1; /* shown as a space unless kept */
	if (cp < 0x20 || cp == 0x7F)
		return 2; /* ^X */
	if (cp < 0x7F)
		return 1;
	if (cp < 0xA0 || is_bidi_control(cp))
		return 6; /* \uXXXX */
	if (cp < 0x0300 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 1; /* soft hyphen included; bad values show as U+FFFD */
	if (IN_TABLE(zero_width, cp))
		return 0;
	if (IN_TABLE(wide, cp))
		return 2;
	return 1;
}

/* Display columns of s[0..len). */
size_t
text_width(const char *s, size_t len)
{
	size_t w = 0, i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F) {
			w++;
			i++;
			continue;
		}
		uint32_t cp;
		i += text_decode(s + i, len - i, &cp);
		w += (size_t)text_cp_width(cp);
	}
	return w;
}

/* Bytes of the cluster at s[i] (one code point and the zero-width ones
 * after it) and, in *width, its columns. */
static size_t
cluster(const char *s, size_t len, size_t i, int *width)
{
	uint32_t cp;
	size_t j = i + text_decode(s + i, len - i, &cp);
	*width = text_cp_width(cp);
	while (j < len && (unsigned char)s[j] >= 0x80) {
		size_t n = text_decode(s + j, len - j, &cp);
		if (text_cp_width(cp) != 0)
			break;
		j += n;
	}
	return j - i;
}

/* ---- sanitising ---- */

/* Appends s[0..len) with controls, bidi controls and bad bytes visible. */
void
text_sanitize(struct buf *out, const char *s, size_t len, int flags)
{
	size_t i = 0, run = 0; /* s[run..i) is pending, to copy as is */
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		uint32_t cp = c;
		size_t n = c < 0x80 ? 1 : text_decode(s + i, len - i, &cp);
		if ((c == '\n' && (flags & SAN_KEEP_NL)) ||
		    (c == '\t' && (flags & SAN_KEEP_TAB)) ||
		    (cp >= 0xA0 && !decoded_bad(n, cp) && !is_bidi_control(cp))) {
			i += n;
			continue;
		}
		buf_add(out, s + run, i - run);
		if ((c == '\n' || c == '\t') && !(flags & SAN_CARET_NL))
			buf_addc(out, ' ');
		else if (cp < 0x20 || cp == 0x7F)
			buf_printf(out, "^%c", (char)(cp ^ 0x40));
		else if (decoded_bad(n, cp))
			buf_add(out, REPLACEMENT_UTF8, 3);
		else
			buf_printf(out, "\\u%04X", (unsigned)cp);
		i += n;
		run = i;
	}
	buf_add(out, s + run, i - run);
}

/* True if text_sanitize would copy s[0..len) unchanged. */
bool
text_is_clean(const char *s, size_t len, int flags)
{
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F) {
			i++;
			continue;
		}
		if (c < 0x80) {
			if ((c == '\n' && (flags & SAN_KEEP_NL)) ||
			    (c == '\t' && (flags & SAN_KEEP_TAB))) {
				i++;
				continue;
			}
			return false;
		}
		uint32_t cp;
		size_t n = text_decode(s + i, len - i, &cp);
		if (decoded_bad(n, cp) || cp < 0xA0 || is_bidi_control(cp))
			return false;
		i += n;
	}
	return true;
}

/* ---- wrapping and fitting ---- */

/* True if s[i] is a space a line may break at (one not carrying a
 * combining mark). */
static bool
break_space(const char *s, size_t len, size_t i)
{
	if (s[i] != ' ')
		return false;
	if (i + 1 >= len || (unsigned char)s[i + 1] < 0x80)
		return true;
	uint32_t cp;
	text_decode(s + i + 1, len - i - 1, &cp);
	return text_cp_width(cp) != 0;
}

/* Appends one line to the caller's array. */
static void
push_line(struct wrap_line **lines, size_t *n, size_t *cap, size_t off,
          size_t len, int width)
{
	if (*n == *cap) {
		size_t c = *cap ? *cap : 16;
		if (c > SIZE_MAX / 2 / sizeof(**lines))
			die_nomem();
		c *= 2;
		struct wrap_line *l = realloc(*lines, c * sizeof(*l));
		if (!l)
			die_nomem();
		*lines = l;
		*cap = c;
	}
	(*lines)[(*n)++] = (struct wrap_line){ .off = off, .len = len,
	                                       .width = width };
}

/* Wraps one paragraph s[p..q) (no newline inside; an empty or all-space
 * one gives one empty line); returns the lines added. */
static size_t
wrap_paragraph(const char *s, size_t p, size_t q, int width,
               struct wrap_line **lines, size_t *n, size_t *cap)
{
	size_t added = 0, pos = p;
	for (bool first = true;; first = false) {
		/* The spaces at a break are dropped; a first line keeps its
		 * indentation, which counts as part of its first word. */
		if (!first) {
			while (pos < q && break_space(s, q, pos))
				pos++;
			if (pos >= q)
				break;
		}
		size_t start = pos, end = pos;
		int w = 0;
		for (;;) {
			size_t i = pos;
			int sw = 0, ww = 0; /* columns of the spaces, of the word */
			for (; i < q && break_space(s, q, i); i++)
				if (sw <= width) /* enough to know; no overflow */
					sw++;
			if (i >= q) { /* trailing spaces */
				pos = q;
				break;
			}
			/* Measure the word, but only as far as the line. */
			while (i < q && !break_space(s, q, i) &&
			       w + sw + ww <= width) {
				int cw;
				i += cluster(s, q, i, &cw);
				ww += cw;
			}
			if (w + sw + ww <= width) {
				w += sw + ww;
				end = pos = i;
				continue;
			}
			if (end > start) { /* the word goes to the next line */
				pos = end;
				break;
			}
			/* A word longer than a line: cut it between clusters,
			 * keeping at least one so that the text moves on. */
			size_t cut = start;
			while (cut < i) {
				int cw;
				size_t k = cluster(s, q, cut, &cw);
				if (cut > start && w + cw > width)
					break;
				w += cw;
				cut += k;
			}
			end = pos = cut;
			break;
		}
		push_line(lines, n, cap, start, end - start, w);
		added++;
		if (pos >= q)
			break;
	}
	return added;
}

/* Breaks text into lines of at most width columns. An empty text gives no
 * line, a final '\n' ends the last line without starting another, and a
 * single character wider than the line (a wide one at width 1) gets a line
 * of its own, the one case where a line is wider than width. */
size_t
text_wrap(const char *s, size_t len, int width, struct wrap_line **lines,
          size_t *n, size_t *cap)
{
	if (width < 1)
		width = 1;
	size_t added = 0, p = 0;
	while (p < len) {
		const char *nl = memchr(s + p, '\n', len - p);
		size_t q = nl ? (size_t)(nl - s) : len;
		added += wrap_paragraph(s, p, q, width, lines, n, cap);
		if (!nl)
			break;
		p = q + 1;
	}
	return added;
}

/* Appends n spaces. */
static void
add_spaces(struct buf *out, size_t n)
{
	static const char spaces[] = "                                ";
	while (n > 0) {
		size_t k = n < sizeof(spaces) - 1 ? n : sizeof(spaces) - 1;
		buf_add(out, spaces, k);
		n -= k;
	}
}

/* Appends s cut or padded to width columns. */
void
text_fit(struct buf *out, const char *s, size_t len, int width, bool pad)
{
	if (width <= 0)
		return;
	size_t total = text_width(s, len);
	if (total <= (size_t)width) {
		buf_add(out, s, len);
		if (pad)
			add_spaces(out, (size_t)width - total);
		return;
	}
	size_t i = 0;
	int w = 0;
	while (i < len) {
		int cw;
		size_t k = cluster(s, len, i, &cw);
		if (w + cw > width - 1) /* keep a column for the ellipsis */
			break;
		w += cw;
		i += k;
	}
	buf_add(out, s, i);
	buf_add(out, ELLIPSIS_UTF8, 3);
	if (pad)
		add_spaces(out, (size_t)(width - w - 1));
}

/* ---- case folding ---- */

/* Lowercase mappings: every stride-th code point from lo to hi maps to
 * itself plus delta. */
struct fold_run {
	uint32_t lo, hi;
	int32_t delta;
	uint8_t stride;
};

/* Simple lowercase mappings (UnicodeData.txt, Unicode 14) of U+0080-U+058F
 * (Latin-1, Latin Extended-A and -B, IPA, Greek, Cyrillic, Armenian),
 * U+1E00-U+1FFF (Latin Extended Additional, Greek Extended) and
 * U+FF00-U+FFEF (fullwidth forms), plus final sigma to sigma. */
static const struct fold_run fold_runs[] = {
	{0x00C0, 0x00D6, 32, 1}, {0x00D8, 0x00DE, 32, 1}, {0x0100, 0x012E, 1, 2},
	{0x0130, 0x0130, -199, 1}, {0x0132, 0x0136, 1, 2}, {0x0139, 0x0147, 1, 2},
	{0x014A, 0x0176, 1, 2}, {0x0178, 0x0178, -121, 1}, {0x0179, 0x017D, 1, 2},
	{0x0181, 0x0181, 210, 1}, {0x0182, 0x0184, 1, 2}, {0x0186, 0x0186, 206, 1},
	{0x0187, 0x0187, 1, 1}, {0x0189, 0x018A, 205, 1}, {0x018B, 0x018B, 1, 1},
	{0x018E, 0x018E, 79, 1}, {0x018F, 0x018F, 202, 1}, {0x0190, 0x0190, 203, 1},
	{0x0191, 0x0191, 1, 1}, {0x0193, 0x0193, 205, 1}, {0x0194, 0x0194, 207, 1},
	{0x0196, 0x0196, 211, 1}, {0x0197, 0x0197, 209, 1}, {0x0198, 0x0198, 1, 1},
	{0x019C, 0x019C, 211, 1}, {0x019D, 0x019D, 213, 1},
	{0x019F, 0x019F, 214, 1}, {0x01A0, 0x01A4, 1, 2}, {0x01A6, 0x01A6, 218, 1},
	{0x01A7, 0x01A7, 1, 1}, {0x01A9, 0x01A9, 218, 1}, {0x01AC, 0x01AC, 1, 1},
	{0x01AE, 0x01AE, 218, 1}, {0x01AF, 0x01AF, 1, 1}, {0x01B1, 0x01B2, 217, 1},
	{0x01B3, 0x01B5, 1, 2}, {0x01B7, 0x01B7, 219, 1}, {0x01B8, 0x01B8, 1, 1},
	{0x01BC, 0x01BC, 1, 1}, {0x01C4, 0x01C4, 2, 1}, {0x01C5, 0x01C5, 1, 1},
	{0x01C7, 0x01C7, 2, 1}, {0x01C8, 0x01C8, 1, 1}, {0x01CA, 0x01CA, 2, 1},
	{0x01CB, 0x01DB, 1, 2}, {0x01DE, 0x01EE, 1, 2}, {0x01F1, 0x01F1, 2, 1},
	{0x01F2, 0x01F4, 1, 2}, {0x01F6, 0x01F6, -97, 1}, {0x01F7, 0x01F7, -56, 1},
	{0x01F8, 0x021E, 1, 2}, {0x0220, 0x0220, -130, 1}, {0x0222, 0x0232, 1, 2},
	{0x023A, 0x023A, 10795, 1}, {0x023B, 0x023B, 1, 1},
	{0x023D, 0x023D, -163, 1}, {0x023E, 0x023E, 10792, 1},
	{0x0241, 0x0241, 1, 1}, {0x0243, 0x0243, -195, 1}, {0x0244, 0x0244, 69, 1},
	{0x0245, 0x0245, 71, 1}, {0x0246, 0x024E, 1, 2}, {0x0370, 0x0372, 1, 2},
	{0x0376, 0x0376, 1, 1}, {0x037F, 0x037F, 116, 1}, {0x0386, 0x0386, 38, 1},
	{0x0388, 0x038A, 37, 1}, {0x038C, 0x038C, 64, 1}, {0x038E, 0x038F, 63, 1},
	{0x0391, 0x03A1, 32, 1}, {0x03A3, 0x03AB, 32, 1}, {0x03C2, 0x03C2, 1, 1},
	{0x03CF, 0x03CF, 8, 1}, {0x03D8, 0x03EE, 1, 2}, {0x03F4, 0x03F4, -60, 1},
	{0x03F7, 0x03F7, 1, 1}, {0x03F9, 0x03F9, -7, 1}, {0x03FA, 0x03FA, 1, 1},
	{0x03FD, 0x03FF, -130, 1}, {0x0400, 0x040F, 80, 1}, {0x0410, 0x042F, 32, 1},
	{0x0460, 0x0480, 1, 2}, {0x048A, 0x04BE, 1, 2}, {0x04C0, 0x04C0, 15, 1},
	{0x04C1, 0x04CD, 1, 2}, {0x04D0, 0x052E, 1, 2}, {0x0531, 0x0556, 48, 1},
	{0x1E00, 0x1E94, 1, 2}, {0x1E9E, 0x1E9E, -7615, 1}, {0x1EA0, 0x1EFE, 1, 2},
	{0x1F08, 0x1F0F, -8, 1}, {0x1F18, 0x1F1D, -8, 1}, {0x1F28, 0x1F2F, -8, 1},
	{0x1F38, 0x1F3F, -8, 1}, {0x1F48, 0x1F4D, -8, 1}, {0x1F59, 0x1F5F, -8, 2},
	{0x1F68, 0x1F6F, -8, 1}, {0x1F88, 0x1F8F, -8, 1}, {0x1F98, 0x1F9F, -8, 1},
	{0x1FA8, 0x1FAF, -8, 1}, {0x1FB8, 0x1FB9, -8, 1}, {0x1FBA, 0x1FBB, -74, 1},
	{0x1FBC, 0x1FBC, -9, 1}, {0x1FC8, 0x1FCB, -86, 1}, {0x1FCC, 0x1FCC, -9, 1},
	{0x1FD8, 0x1FD9, -8, 1}, {0x1FDA, 0x1FDB, -100, 1}, {0x1FE8, 0x1FE9, -8, 1},
	{0x1FEA, 0x1FEB, -112, 1}, {0x1FEC, 0x1FEC, -7, 1},
	{0x1FF8, 0x1FF9, -128, 1}, {0x1FFA, 0x1FFB, -126, 1},
	{0x1FFC, 0x1FFC, -9, 1}, {0xFF21, 0xFF3A, 32, 1},
};

/* True for the blocks fold_runs covers completely. */
static bool
fold_covered(uint32_t cp)
{
	return cp < 0x0590 || (cp >= 0x1E00 && cp <= 0x1FFF) ||
	       (cp >= 0xFF00 && cp <= 0xFFEF);
}

/* Looks cp up in fold_runs. */
static uint32_t
fold_table(uint32_t cp)
{
	size_t lo = 0, hi = sizeof(fold_runs) / sizeof(fold_runs[0]);
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const struct fold_run *r = &fold_runs[mid];
		if (cp < r->lo)
			hi = mid;
		else if (cp > r->hi)
			lo = mid + 1;
		else if ((cp - r->lo) % r->stride == 0)
			return (uint32_t)((int32_t)cp + r->delta);
		else
			return cp;
	}
	return cp;
}

/* towlower, but only where wide characters are Unicode code points. */
static uint32_t
fold_locale(uint32_t cp)
{
#ifdef __STDC_ISO_10646__
	const char *codeset = nl_langinfo(CODESET);
	if (!codeset || (strcasecmp(codeset, "UTF-8") != 0 &&
	                 strcasecmp(codeset, "UTF8") != 0))
		return cp;
	wint_t l = towlower((wint_t)cp);
	if (l == WEOF || l > 0x10FFFF || (l >= 0xD800 && l <= 0xDFFF))
		return cp;
	return (uint32_t)l;
#else
	return cp;
#endif
}

/* Simple lowercase of one code point; final sigma folds to sigma and
 * İ (U+0130) to plain i, while I is always i and ı stays ı. */
uint32_t
text_fold_cp(uint32_t cp)
{
	if (cp < 0x80)
		return cp >= 'A' && cp <= 'Z' ? cp + 0x20 : cp;
	if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return cp;
	if (fold_covered(cp))
		return fold_table(cp);
	return fold_locale(cp);
}

/* Appends the lowercase form of s[0..len). */
void
text_fold(struct buf *out, const char *s, size_t len)
{
	buf_reserve(out, len);
	size_t i = 0;
	while (i < len) {
		unsigned char c = (unsigned char)s[i];
		if (c < 0x80) {
			buf_addc(out, (char)(c >= 'A' && c <= 'Z' ? c + 0x20 : c));
			i++;
			continue;
		}
		uint32_t cp;
		i += text_decode(s + i, len - i, &cp);
		char enc[4];
		buf_add(out, enc, text_encode(text_fold_cp(cp), enc));
	}
}

void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);
	if (!p)
		die_nomem();
	return p;
}

void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		die_nomem();
	return p;
}

void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (!p)
		die_nomem();
	return p;
}

char *
xstrndup(const char *s, size_t len)
{
	char *p = xmalloc(len + 1);
	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

void
say(const char *fmt, ...)
{
	va_list ap;
	struct buf raw = {0}, out = {0};
	va_start(ap, fmt);
	buf_vprintf(&raw, fmt, ap);
	va_end(ap);
	/* names of files and text from them may be in it: nothing raw */
	text_sanitize(&out, raw.s, raw.len, SAN_CARET_NL);
	fprintf(stderr, "billet: %s\n", out.s ? out.s : "");
	buf_free(&raw);
	buf_free(&out);
}

const char *
text_find(const char *h, size_t hl, const char *n, size_t nl)
{
	const char *end = h + hl;
	while ((size_t)(end - h) >= nl) {
		const char *c = memchr(h, n[0], (size_t)(end - h) - nl + 1);
		if (!c)
			return NULL;
		if (!memcmp(c + 1, n + 1, nl - 1))
			return c;
		h = c + 1;
	}
	return NULL;
}
