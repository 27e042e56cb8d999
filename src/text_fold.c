/* SPDX-License-Identifier: MIT */
/* text_fold: case folding of UTF-8 text (a built-in table, towlower
 * beyond it), and finding a needle in text (text_find); declared in
 * text.h. */
#include "text.h"

#include <langinfo.h>
#include <string.h>
#include <strings.h>
#include <wctype.h>

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

/* ---- finding ---- */

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
