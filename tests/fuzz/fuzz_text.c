/* SPDX-License-Identifier: MIT */
/* fuzz_text: the UTF-8, width, sanitising, wrapping, fitting and folding
 * code on arbitrary bytes, checking what text.h promises:
 * - text_sanitize (each flag combination) leaves nothing a terminal would
 *   obey, and '\n' and '\t' only when asked to keep them; text_is_clean
 *   agrees with it;
 * - text_decode consumes 1-4 bytes and a good character encodes back to
 *   the same bytes;
 * - text_wrap at widths 1..80 cuts only at character boundaries, measures
 *   each line right, keeps every line within the width except a single
 *   character wider than the line, loses no character but the spaces at
 *   breaks, and keeps the lines in order;
 * - text_fit gives a prefix of the text, plus "…" when cut, no wider than
 *   the width, exactly the width when padding;
 * - text_fold gives valid UTF-8 and folding again changes nothing. */
#include <locale.h>
#include <stdint.h>
#include <stddef.h>
#include <string.h>

#include "text.h"
#include "fuzz_common.h"

/* Checks the sanitised form of s for the given flags. */
static void
check_sanitize(const char *s, size_t len, int flags, struct buf *out)
{
	buf_clear(out);
	text_sanitize(out, s, len, flags);
	const char *o = out->s ? out->s : "";
	fuzz_assert_harmless(o, out->len, true);
	for (size_t i = 0; i < out->len; i++) {
		if (o[i] == '\n' && !(flags & SAN_KEEP_NL))
			fuzz_fail("newline kept without SAN_KEEP_NL", o,
			          out->len, i);
		if (o[i] == '\t' && !(flags & SAN_KEEP_TAB))
			fuzz_fail("tab kept without SAN_KEEP_TAB", o, out->len,
			          i);
	}
	bool same = out->len == len && (len == 0 || !memcmp(o, s, len));
	if (text_is_clean(s, len, flags) != same)
		fuzz_fail("text_is_clean disagrees with text_sanitize", s,
		          len, 0);
	/* sanitising is idempotent */
	struct buf again = {0};
	text_sanitize(&again, o, out->len, flags);
	if (again.len != out->len || (again.len && memcmp(again.s, o, again.len)))
		fuzz_fail("sanitising twice changes the text", o, out->len, 0);
	buf_free(&again);
}

/* The number of characters of nonzero width in s[0..len). */
static size_t
visible_chars(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len;) {
		uint32_t cp;
		i += text_decode(s + i, len - i, &cp);
		if (text_cp_width(cp) > 0)
			n++;
	}
	return n;
}

/* Bytes of s[0..len) that are neither a space nor a newline. */
static size_t
solid_bytes(const char *s, size_t len)
{
	size_t n = 0;
	for (size_t i = 0; i < len; i++)
		n += s[i] != ' ' && s[i] != '\n';
	return n;
}

/* Checks text_wrap on sanitised text t at every width 1..80. */
static void
check_wrap(const char *t, size_t len)
{
	struct wrap_line *lines = NULL;
	size_t n = 0, cap = 0;
	size_t solid = solid_bytes(t, len);
	for (int width = 1; width <= 80; width++) {
		n = 0;
		size_t added = text_wrap(t, len, width, &lines, &n, &cap);
		if (added != n)
			fuzz_fail("text_wrap miscounts its lines", t, len, 0);
		size_t kept = 0, prev_end = 0;
		for (size_t i = 0; i < n; i++) {
			const struct wrap_line *l = &lines[i];
			if (l->off < prev_end || l->off > len ||
			    l->len > len - l->off)
				fuzz_fail("wrapped line out of order or bounds",
				          t, len, l->off);
			const char *s = t + l->off;
			if (!text_valid(s, l->len))
				fuzz_fail("wrapped line cuts a character", t,
				          len, l->off);
			if (memchr(s, '\n', l->len))
				fuzz_fail("wrapped line holds a newline", t,
				          len, l->off);
			if ((size_t)l->width != text_width(s, l->len))
				fuzz_fail("wrapped line mismeasured", t, len,
				          l->off);
			if (l->width > width && visible_chars(s, l->len) != 1)
				fuzz_fail("wrapped line wider than the width",
				          t, len, l->off);
			kept += solid_bytes(s, l->len);
			prev_end = l->off + l->len;
		}
		if (kept != solid)
			fuzz_fail("wrapping lost or doubled characters", t,
			          len, 0);
	}
	free(lines);
}

/* Checks text_fit on sanitised one-line text t. */
static void
check_fit(const char *t, size_t len)
{
	struct buf out = {0};
	for (int width = 0; width <= 40; width++) {
		for (int pad = 0; pad <= 1; pad++) {
			buf_clear(&out);
			text_fit(&out, t, len, width, pad);
			const char *o = out.s ? out.s : "";
			size_t w = text_width(o, out.len);
			if (w > (size_t)width ||
			    (pad && width > 0 && w != (size_t)width))
				fuzz_fail("text_fit misses the width", o,
				          out.len, 0);
			/* a prefix of t, then maybe "…", then maybe spaces */
			size_t k = 0;
			while (k < out.len && k < len && o[k] == t[k])
				k++;
			while (k > 0 && k < out.len &&
			       ((unsigned char)o[k] & 0xC0) == 0x80)
				k--;
			if (out.len - k >= 3 && !memcmp(o + k, "\xE2\x80\xA6", 3))
				k += 3;
			while (k < out.len && o[k] == ' ' && pad)
				k++;
			if (k != out.len)
				fuzz_fail("text_fit is not a prefix of the text",
				          o, out.len, k);
		}
	}
	buf_free(&out);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static bool init;
	if (!init) {
		setlocale(LC_CTYPE, "C.UTF-8");
		init = true;
	}
	const char *s = (const char *)data;
	for (size_t i = 0; i < size;) {
		uint32_t cp;
		size_t n = text_decode(s + i, size - i, &cp);
		if (n < 1 || n > 4 || n > size - i)
			fuzz_fail("text_decode length", s, size, i);
		if (!(cp == 0xFFFD && n == 1)) {
			char enc[4];
			if (text_encode(cp, enc) != n || memcmp(enc, s + i, n))
				fuzz_fail("decode/encode round trip", s, size, i);
		}
		i += n;
	}
	struct buf b = {0};
	for (int flags = 0; flags <= (SAN_KEEP_NL | SAN_KEEP_TAB); flags++)
		check_sanitize(s, size, flags, &b);
	/* wrapping takes sanitised text with its newlines */
	check_sanitize(s, size, SAN_KEEP_NL, &b);
	if (b.s) {
		if (!text_valid(b.s, b.len))
			fuzz_fail("sanitised text is not valid UTF-8", b.s,
			          b.len, 0);
		check_wrap(b.s, b.len);
	}
	check_sanitize(s, size, 0, &b);
	if (b.s)
		check_fit(b.s, b.len);

	struct buf f = {0}, g = {0};
	text_fold(&f, s, size);
	if (f.s) {
		if (!text_valid(f.s, f.len))
			fuzz_fail("folded text is not valid UTF-8", f.s, f.len,
			          0);
		text_fold(&g, f.s, f.len);
		if (g.len != f.len || memcmp(g.s, f.s, f.len))
			fuzz_fail("folding twice changes the text", f.s, f.len,
			          0);
	}
	buf_free(&f);
	buf_free(&g);
	buf_free(&b);
	return 0;
}
