/* SPDX-License-Identifier: MIT */
#include "text.h"

#include "catalog.h"
#include "load.h"
#include "posting.h"

#include <criterion/criterion.h>
#include <criterion/redirect.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <wctype.h>

/* ---- helpers ---- */

/* text_sanitize into a fresh string (caller frees). */
static char *
sanitized(const char *s, size_t len, int flags)
{
	struct buf b = { 0 };
	text_sanitize(&b, s, len, flags);
	return buf_steal(&b);
}

/* Asserts that sanitising s (strlen) with flags gives want. */
static void
check_sanitize(const char *s, int flags, const char *want)
{
	char *got = sanitized(s, strlen(s), flags);
	cr_assert_str_eq(got, want, "sanitize(\"%s\", %d)", s, flags);
	free(got);
}

/* text_fold into a fresh string (caller frees). */
static char *
folded(const char *s)
{
	struct buf b = { 0 };
	text_fold(&b, s, strlen(s));
	return buf_steal(&b);
}

/* text_fit into a fresh string (caller frees). */
static char *
fitted(const char *s, int width, bool pad)
{
	struct buf b = { 0 };
	text_fit(&b, s, strlen(s), width, pad);
	return buf_steal(&b);
}

/* Asserts that fitting s into width columns gives want. */
static void
check_fit(const char *s, int width, bool pad, const char *want)
{
	char *got = fitted(s, width, pad);
	cr_assert_str_eq(got, want, "fit(\"%s\", %d, %d)", s, width, pad);
	free(got);
}

/* A small deterministic generator, the same on every libc. */
static uint32_t
rnd(uint32_t *state)
{
	*state = *state * 1664525u + 1013904223u;
	return *state >> 8;
}

/* Decodes the code point at s[i], asserting that it is valid. */
static uint32_t
cp_at(const char *s, size_t len, size_t i)
{
	uint32_t cp;
	size_t n = text_decode(s + i, len - i, &cp);
	cr_assert(n >= 1);
	return cp;
}

/* Decodes a whole string; returns the count of code points. */
static size_t
decode_all(const char *s, size_t len, uint32_t *cps, size_t max)
{
	size_t i = 0, k = 0;
	while (i < len && k < max) {
		i += text_decode(s + i, len - i, &cps[k]);
		k++;
	}
	return k;
}

/* ---- buf ---- */

Test(buf, add_and_steal)
{
	struct buf b = { 0 };
	buf_adds(&b, "abc");
	buf_addc(&b, '-');
	buf_add(&b, "xyz123", 3);
	cr_assert_eq(b.len, 7);
	cr_assert_str_eq(b.s, "abc-xyz");
	buf_clear(&b);
	cr_assert_eq(b.len, 0);
	cr_assert_str_eq(b.s, "");
	buf_add(&b, "a\0b", 3);
	cr_assert_eq(b.len, 3);
	cr_assert_eq(memcmp(b.s, "a\0b", 4), 0);
	char *s = buf_steal(&b);
	cr_assert_null(b.s);
	cr_assert_eq(b.len, 0);
	cr_assert_eq(b.cap, 0);
	cr_assert_eq(memcmp(s, "a\0b", 4), 0);
	free(s);
}

Test(buf, steal_empty_is_empty_string)
{
	struct buf b = { 0 };
	char *s = buf_steal(&b);
	cr_assert_not_null(s);
	cr_assert_str_eq(s, "");
	free(s);
}

Test(buf, grows_and_printf)
{
	struct buf b = { 0 };
	for (int i = 0; i < 10000; i++)
		buf_addc(&b, (char)('a' + i % 26));
	cr_assert_eq(b.len, 10000);
	cr_assert_eq(b.s[9999], 'a' + 9999 % 26);
	cr_assert_eq(b.s[10000], '\0');
	buf_clear(&b);
	buf_printf(&b, "%d-%s", 42, "x");
	cr_assert_str_eq(b.s, "42-x");
	char big[5000];
	memset(big, 'q', sizeof(big) - 1);
	big[sizeof(big) - 1] = '\0';
	buf_printf(&b, "[%s]", big); /* more than the current capacity */
	cr_assert_eq(b.len, 4 + 2 + 4999);
	cr_assert_eq(b.s[4], '[');
	cr_assert_eq(b.s[b.len - 1], ']');
	cr_assert_eq(strlen(b.s), b.len);
	buf_free(&b);
	cr_assert_null(b.s);
	cr_assert_eq(b.len, 0);
}

/* ---- die_nomem ---- */

static void
hook_exits_7(void)
{
	_exit(7);
}

Test(die, nomem_exits_2, .exit_code = 2, .init = cr_redirect_stderr)
{
	die_hook = NULL;
	die_nomem();
}

Test(die, nomem_runs_hook_first, .exit_code = 7, .init = cr_redirect_stderr)
{
	die_hook = hook_exits_7;
	die_nomem();
}

/* ---- decoding and encoding ---- */

Test(decode, good_sequences)
{
	static const struct {
		const char *s;
		size_t n;
		uint32_t cp;
	} cases[] = {
		{ "A", 1, 0x41 },
		{ "\x7f", 1, 0x7F },
		{ "\xc2\x80", 2, 0x80 },
		{ "\xc3\xa9", 2, 0xE9 },
		{ "\xdf\xbf", 2, 0x7FF },
		{ "\xe0\xa0\x80", 3, 0x800 },
		{ "\xe6\x97\xa5", 3, 0x65E5 },
		{ "\xed\x9f\xbf", 3, 0xD7FF },
		{ "\xee\x80\x80", 3, 0xE000 },
		{ "\xef\xbf\xbd", 3, 0xFFFD },
		{ "\xef\xbf\xbf", 3, 0xFFFF },
		{ "\xf0\x90\x80\x80", 4, 0x10000 },
		{ "\xf0\x9f\x98\x80", 4, 0x1F600 },
		{ "\xf4\x8f\xbf\xbf", 4, 0x10FFFF },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		uint32_t cp = 0;
		size_t n = text_decode(cases[i].s, strlen(cases[i].s), &cp);
		cr_assert_eq(n, cases[i].n, "case %zu", i);
		cr_assert_eq(cp, cases[i].cp, "case %zu: %04X", i, cp);
		cr_assert(text_valid(cases[i].s, strlen(cases[i].s)));
	}
	uint32_t cp = 1;
	cr_assert_eq(text_decode("\0x", 2, &cp), 1);
	cr_assert_eq(cp, 0);
}

Test(decode, bad_sequences_consume_one_byte)
{
	static const char *const bad[] = {
		"\x80",             /* stray continuation */
		"\xbf",             /* stray continuation */
		"\xc0\x80",         /* overlong NUL */
		"\xc1\xbf",         /* overlong */
		"\xe0\x80\x80",     /* overlong */
		"\xe0\x9f\xbf",     /* overlong U+07FF */
		"\xf0\x80\x80\x80", /* overlong */
		"\xf0\x8f\xbf\xbf", /* overlong U+FFFF */
		"\xed\xa0\x80",     /* surrogate D800 */
		"\xed\xbf\xbf",     /* surrogate DFFF */
		"\xf4\x90\x80\x80", /* U+110000 */
		"\xf5\x80\x80\x80", /* beyond */
		"\xf8\x88\x80\x80\x80",
		"\xfe",
		"\xff",
		"\xc3\x28",         /* bad continuation */
		"\xe6\x97\x41",     /* bad third byte */
		"\xf0\x9f\x98\x41", /* bad fourth byte */
		"\x9b",             /* C1 CSI as a raw byte */
	};
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		uint32_t cp = 0;
		size_t n = text_decode(bad[i], strlen(bad[i]), &cp);
		cr_assert_eq(n, 1, "case %zu", i);
		cr_assert_eq(cp, 0xFFFD, "case %zu: %04X", i, cp);
		cr_assert_not(text_valid(bad[i], strlen(bad[i])), "case %zu", i);
	}
}

Test(decode, truncated_by_length)
{
	uint32_t cp = 0;
	/* The bytes are there but len says they are not. */
	cr_assert_eq(text_decode("\xe6\x97\xa5", 2, &cp), 1);
	cr_assert_eq(cp, 0xFFFD);
	cr_assert_eq(text_decode("\xf0\x9f\x98\x80", 3, &cp), 1);
	cr_assert_eq(cp, 0xFFFD);
	cr_assert_eq(text_decode("\xc3\xa9", 1, &cp), 1);
	cr_assert_eq(cp, 0xFFFD);
	cr_assert_not(text_valid("\xe6\x97\xa5", 2));
	cr_assert(text_valid("\xe6\x97\xa5", 3));
	cr_assert(text_valid("", 0));
	/* A truncated sequence followed by good text resynchronises. */
	uint32_t cps[8];
	size_t k = decode_all("\xe6\x97" "a\xc3\xa9", 5, cps, 8);
	cr_assert_eq(k, 4);
	cr_assert_eq(cps[0], 0xFFFD);
	cr_assert_eq(cps[1], 0xFFFD);
	cr_assert_eq(cps[2], 'a');
	cr_assert_eq(cps[3], 0xE9);
}

Test(encode, round_trips_every_code_point)
{
	for (uint32_t cp = 0; cp <= 0x10FFFF; cp++) {
		if (cp >= 0xD800 && cp <= 0xDFFF)
			continue;
		char out[4];
		size_t n = text_encode(cp, out);
		size_t want = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
		cr_assert_eq(n, want, "U+%04X", cp);
		uint32_t back;
		cr_assert_eq(text_decode(out, n, &back), n, "U+%04X", cp);
		cr_assert_eq(back, cp, "U+%04X", cp);
	}
	char out[4];
	uint32_t back;
	cr_assert_eq(text_encode(0xD800, out), 3);
	cr_assert_eq(text_decode(out, 3, &back), 3);
	cr_assert_eq(back, 0xFFFD);
	cr_assert_eq(text_encode(0x110000, out), 3);
	cr_assert_eq(memcmp(out, "\xef\xbf\xbd", 3), 0);
}

/* ---- width ---- */

Test(width, code_points)
{
	static const struct {
		uint32_t cp;
		int w;
	} cases[] = {
		{ 'a', 1 }, { ' ', 1 }, { '~', 1 },
		{ 0x1B, 2 }, { 0x00, 2 }, { 0x7F, 2 },        /* ^[ ^@ ^? */
		{ 0x85, 6 }, { 0x9B, 6 }, { 0x202E, 6 },     /* \u0085 ... */
		{ 0x061C, 6 }, { 0x200E, 6 }, { 0x2066, 6 },
		{ 0xA0, 1 }, { 0xE9, 1 }, { 0xAD, 1 },        /* soft hyphen: 1 */
		{ 0x0301, 0 }, { 0x0300, 0 }, { 0x036F, 0 }, { 0x0370, 1 },
		{ 0x0489, 0 }, { 0x05B0, 0 }, { 0x064B, 0 }, { 0x0E31, 0 },
		{ 0x0E34, 0 }, { 0x0E3A, 0 }, { 0x0E32, 1 }, { 0x093F, 1 },
		{ 0x0941, 0 }, { 0x1AB0, 0 }, { 0x1DC0, 0 }, { 0x20D0, 0 },
		{ 0x200B, 0 }, { 0x200C, 0 }, { 0x200D, 0 }, { 0x2060, 0 },
		{ 0xFEFF, 0 }, { 0xFE00, 0 }, { 0xFE0F, 0 }, { 0xFE20, 0 },
		{ 0xE0100, 0 }, { 0xE01EF, 0 },
		{ 0x1100, 2 }, { 0x115F, 2 }, { 0x1160, 0 }, { 0x11A8, 0 },
		{ 0x11FF, 0 }, { 0x1200, 1 },
		{ 0xAC00, 2 }, { 0xD7A3, 2 }, { 0xD7B0, 0 },  /* Hangul */
		{ 0x2E80, 2 }, { 0x3000, 2 }, { 0x303E, 2 }, { 0x303F, 1 },
		{ 0x3042, 2 }, { 0x30A2, 2 }, { 0x3400, 2 }, { 0x4E00, 2 },
		{ 0x65E5, 2 }, { 0x9FFF, 2 }, { 0xA000, 2 }, { 0xF900, 2 },
		{ 0xFE30, 2 }, { 0xFF01, 2 }, { 0xFF21, 2 }, { 0xFF60, 2 },
		{ 0xFF61, 1 }, { 0xFF76, 1 }, { 0xFFE0, 2 }, { 0xFFE6, 2 },
		{ 0x1F300, 2 }, { 0x1F600, 2 }, { 0x1F44D, 2 }, { 0x1F64F, 2 },
		{ 0x1F680, 2 }, { 0x1F910, 2 }, { 0x1F9FF, 2 }, { 0x1FA70, 2 },
		{ 0x1F3FB, 2 },
		{ 0x20000, 2 }, { 0x2A6DF, 2 }, { 0x2FFFD, 2 }, { 0x30000, 2 },
		{ 0x3FFFD, 2 },
		{ 0x2026, 1 }, { 0x20AC, 1 }, { 0x2603, 1 }, { 0xFFFD, 1 },
		{ 0x0410, 1 }, { 0x03A9, 1 }, { 0x10FFFF, 1 },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		cr_assert_eq(text_cp_width(cases[i].cp), cases[i].w,
		             "U+%04X: %d, want %d", cases[i].cp,
		             text_cp_width(cases[i].cp), cases[i].w);
}

Test(width, strings)
{
	cr_assert_eq(text_width("", 0), 0);
	cr_assert_eq(text_width("hello", 5), 5);
	cr_assert_eq(text_width("e\xcc\x81", 3), 1);              /* é */
	cr_assert_eq(text_width("\xc3\xa9", 2), 1);
	cr_assert_eq(text_width("日本語", strlen("日本語")), 6);
	cr_assert_eq(text_width("a日b", strlen("a日b")), 4);
	cr_assert_eq(text_width("한국어", strlen("한국어")), 6);
	/* Conjoining Jamo: leading consonant wide, vowel and final zero. */
	cr_assert_eq(text_width("\xe1\x84\x80\xe1\x85\xa1\xe1\x86\xa8", 9), 2);
	cr_assert_eq(text_width("\xf0\x9f\x98\x80", 4), 2);       /* 😀 */
	/* 👍🏽: the skin tone modifier is wide on its own, as in glibc. */
	cr_assert_eq(text_width("\xf0\x9f\x91\x8d", 4), 2);
	cr_assert_eq(text_width("x\xe2\x80\x8by", 5), 2);         /* ZWSP */
	cr_assert_eq(text_width("\xff", 1), 1);                   /* as U+FFFD */
	cr_assert_eq(text_width("\x1b[", 2), 3);                  /* ^[ [ */
	/* Sanitised text is as wide as the raw text says. */
	const char *raw = "a\x1b\xc2\x85\xe2\x80\xae\x7f日";
	char *san = sanitized(raw, strlen(raw), 0);
	cr_assert_eq(text_width(raw, strlen(raw)), 1 + 2 + 6 + 6 + 2 + 2);
	cr_assert_eq(text_width(san, strlen(san)),
	             text_width(raw, strlen(raw)));
	free(san);
}

Test(width, independent_of_locale)
{
	int before[64];
	static const uint32_t cps[] = { 'a', 0x301, 0x65E5, 0x1F600, 0xAC00,
	                                0x1160, 0x1B, 0x85, 0x202E, 0xFF21,
	                                0xAD, 0x200D, 0xE9, 0x0E31 };
	size_t n = sizeof(cps) / sizeof(cps[0]);
	setlocale(LC_ALL, "C");
	for (size_t i = 0; i < n; i++)
		before[i] = text_cp_width(cps[i]);
	if (!setlocale(LC_ALL, "C.UTF-8"))
		cr_skip_test("no C.UTF-8 locale");
	for (size_t i = 0; i < n; i++)
		cr_assert_eq(text_cp_width(cps[i]), before[i], "U+%04X", cps[i]);
	setlocale(LC_ALL, "C");
}

/* ---- sanitising ---- */

Test(sanitize, controls)
{
	check_sanitize("\x1b]0;x\x07", 0, "^[]0;x^G");
	check_sanitize("a\rb", 0, "a^Mb");
	check_sanitize("a\bb", 0, "a^Hb");
	check_sanitize("\x7f", 0, "^?");
	check_sanitize("\x1f", 0, "^_");
	check_sanitize("\x01\x1a", 0, "^A^Z");
	check_sanitize("\x1b[31mred\x1b[0m", 0, "^[[31mred^[[0m");
}

Test(sanitize, every_c0_control)
{
	for (int c = 0; c < 0x20; c++) {
		if (c == '\n' || c == '\t')
			continue;
		char in[2] = { (char)c, 0 }, want[3] = { '^', (char)(c + 64), 0 };
		char *got = sanitized(in, 1, SAN_KEEP_NL | SAN_KEEP_TAB);
		cr_assert_str_eq(got, want, "control %#x", c);
		free(got);
		cr_assert_not(text_is_clean(in, 1, SAN_KEEP_NL | SAN_KEEP_TAB));
	}
}

Test(sanitize, nul_inside_length)
{
	char *got = sanitized("a\0b", 3, 0);
	cr_assert_str_eq(got, "a^@b");
	free(got);
	cr_assert_not(text_is_clean("a\0b", 3, 0));
}

Test(sanitize, c1_controls)
{
	check_sanitize("\xc2\x9b", 0, "\\u009B");
	check_sanitize("x\xc2\x85y", 0, "x\\u0085y");
	for (uint32_t cp = 0x80; cp < 0xA0; cp++) {
		char in[2], want[8];
		text_encode(cp, in);
		snprintf(want, sizeof(want), "\\u%04X", (unsigned)cp);
		char *got = sanitized(in, 2, 0);
		cr_assert_str_eq(got, want);
		free(got);
	}
	check_sanitize("\xc2\xa0", 0, "\xc2\xa0"); /* NBSP is fine */
}

Test(sanitize, bidi_controls)
{
	check_sanitize("\xe2\x80\xae", 0, "\\u202E");
	check_sanitize("abc\xe2\x80\xae" "def", 0, "abc\\u202Edef");
	static const uint32_t bidi[] = { 0x202A, 0x202B, 0x202C, 0x202D,
	                                 0x202E, 0x2066, 0x2067, 0x2068,
	                                 0x2069, 0x200E, 0x200F, 0x061C };
	for (size_t i = 0; i < sizeof(bidi) / sizeof(bidi[0]); i++) {
		char in[5] = { 0 }, want[8];
		size_t n = text_encode(bidi[i], in);
		snprintf(want, sizeof(want), "\\u%04X", (unsigned)bidi[i]);
		char *got = sanitized(in, n, 0);
		cr_assert_str_eq(got, want);
		free(got);
		cr_assert_not(text_is_clean(in, n, 0));
	}
	/* Neighbours are left alone. */
	check_sanitize("\xe2\x80\xa9", 0, "\xe2\x80\xa9"); /* U+2029 */
	check_sanitize("\xe2\x80\xaf", 0, "\xe2\x80\xaf"); /* U+202F */
	check_sanitize("\xe2\x81\xa5", 0, "\xe2\x81\xa5"); /* U+2065 */
	check_sanitize("\xe2\x80\x8d", 0, "\xe2\x80\x8d"); /* ZWJ */
}

Test(sanitize, bad_bytes)
{
	check_sanitize("\x9b", 0, "\xef\xbf\xbd");
	check_sanitize("a\x9b" "31m", 0, "a\xef\xbf\xbd" "31m");
	check_sanitize("\xc3", 0, "\xef\xbf\xbd");
	check_sanitize("\xe6\x97", 0, "\xef\xbf\xbd\xef\xbf\xbd");
	check_sanitize("\xc0\x9b", 0, "\xef\xbf\xbd\xef\xbf\xbd");
	check_sanitize("\xed\xa0\x80", 0,
	               "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd");
	check_sanitize("\xef\xbf\xbd", 0, "\xef\xbf\xbd"); /* a real U+FFFD */
}

Test(sanitize, newline_and_tab_flags)
{
	check_sanitize("a\nb\tc", 0, "a b c");
	check_sanitize("a\nb\tc", SAN_KEEP_NL, "a\nb c");
	check_sanitize("a\nb\tc", SAN_KEEP_TAB, "a b\tc");
	check_sanitize("a\nb\tc", SAN_KEEP_NL | SAN_KEEP_TAB, "a\nb\tc");
	cr_assert_not(text_is_clean("a\nb", 3, 0));
	cr_assert(text_is_clean("a\nb", 3, SAN_KEEP_NL));
	cr_assert_not(text_is_clean("a\nb", 3, SAN_KEEP_TAB));
	cr_assert(text_is_clean("a\tb", 3, SAN_KEEP_TAB));
	cr_assert_not(text_is_clean("a\tb", 3, SAN_KEEP_NL));
	cr_assert_not(text_is_clean("a\r\nb", 4, SAN_KEEP_NL));
	/* names: newline and tab as visible as any other control */
	check_sanitize("a\nb\tc\x1b", SAN_CARET_NL, "a^Jb^Ic^[");
	check_sanitize("a\nb\tc", SAN_CARET_NL | SAN_KEEP_TAB, "a^Jb\tc");
	cr_assert_not(text_is_clean("a\nb", 3, SAN_CARET_NL));
	cr_assert_not(text_is_clean("a\tb", 3, SAN_CARET_NL));
}

Test(sanitize, clean_text_unchanged_and_appended)
{
	const char *s = "Café — 日本語 👍 e\xcc\x81 ΟΔΟΣ";
	cr_assert(text_is_clean(s, strlen(s), 0));
	struct buf b = { 0 };
	buf_adds(&b, ">");
	text_sanitize(&b, s, strlen(s), 0);
	cr_assert_eq(b.len, 1 + strlen(s));
	cr_assert_str_eq(b.s + 1, s);
	cr_assert_eq(b.s[0], '>');
	buf_free(&b);
	cr_assert(text_is_clean("", 0, 0));
}

/* Pieces that random test strings are made of. */
static const char *const pieces[] = {
	"a", "Z", " ", "~", "\n", "\t", "\r", "\b", "\x1b", "\x7f",
	"\xc2\x85", "\xc2\x9b", "\xc2\x9f", "\xc2\xa0", "\xc3\xa9", "e\xcc\x81",
	"\xe2\x80\xae", "\xe2\x81\xa6", "\xe2\x80\x8e", "\xd8\x9c",
	"\xe2\x80\x8d", "\xe6\x97\xa5", "\xf0\x9f\x98\x80", "\xef\xbf\xbd",
	"\x80", "\x9b", "\xff", "\xc0\x80", "\xed\xa0\x80", "\xe6\x97",
	"\xf4\x90\x80\x80", "\0",
};

/* Fills s with random pieces or raw bytes; returns its length. */
static size_t
random_string(uint32_t *state, char *s, size_t max)
{
	size_t len = 0, want = rnd(state) % (max / 4);
	bool raw = rnd(state) % 3 == 0;
	while (len < want) {
		if (raw) {
			s[len++] = (char)(rnd(state) & 0xFF);
			continue;
		}
		const char *p = pieces[rnd(state) % (sizeof(pieces) / sizeof(pieces[0]))];
		size_t n = *p ? strlen(p) : 1;
		memcpy(s + len, p, n);
		len += n;
	}
	return len;
}

Test(sanitize, is_clean_agrees_on_random_strings)
{
	uint32_t state = 12345;
	char s[256];
	int clean = 0, dirty = 0;
	for (int round = 0; round < 20000; round++) {
		size_t len = random_string(&state, s, sizeof(s));
		int flags = (int)(rnd(&state) % 8);
		struct buf out = { 0 };
		text_sanitize(&out, s, len, flags);
		bool same = out.len == len && (len == 0 || memcmp(out.s, s, len) == 0);
		cr_assert_eq(text_is_clean(s, len, flags), same,
		             "round %d, flags %d", round, flags);
		same ? clean++ : dirty++;
		/* The output is valid UTF-8, clean, and sanitising it again
		 * changes nothing. */
		cr_assert(text_valid(out.s, out.len), "round %d", round);
		cr_assert(text_is_clean(out.s, out.len, flags), "round %d", round);
		for (size_t i = 0; i < out.len; i++) {
			unsigned char c = (unsigned char)out.s[i];
			cr_assert(c >= 0x20 || (c == '\n' && (flags & SAN_KEEP_NL)) ||
			          (c == '\t' && (flags & SAN_KEEP_TAB)));
			cr_assert_neq(c, 0x7F);
		}
		buf_free(&out);
	}
	/* Both outcomes were exercised. */
	cr_assert_gt(clean, 500);
	cr_assert_gt(dirty, 500);
}

/* ---- wrapping ---- */

/* Wraps s (strlen) at width into a fresh array; returns the count. */
static size_t
wrap(const char *s, int width, struct wrap_line **lines)
{
	size_t n = 0, cap = 0;
	*lines = NULL;
	size_t added = text_wrap(s, strlen(s), width, lines, &n, &cap);
	cr_assert_eq(added, n);
	cr_assert_leq(n, cap);
	return n;
}

/* Asserts that wrapping s at width gives exactly the want lines. */
static void
check_wrap(const char *s, int width, const char *const *want, size_t nwant)
{
	struct wrap_line *lines;
	size_t n = wrap(s, width, &lines);
	cr_assert_eq(n, nwant, "\"%s\" at %d: %zu lines, want %zu", s, width,
	             n, nwant);
	for (size_t i = 0; i < n; i++) {
		cr_assert_eq(lines[i].len, strlen(want[i]),
		             "\"%s\" at %d, line %zu: \"%.*s\"", s, width, i,
		             (int)lines[i].len, s + lines[i].off);
		cr_assert_eq(memcmp(s + lines[i].off, want[i], lines[i].len), 0,
		             "\"%s\" at %d, line %zu", s, width, i);
		cr_assert_eq((size_t)lines[i].width,
		             text_width(want[i], strlen(want[i])));
	}
	free(lines);
}

#define CHECK_WRAP(s, w, ...) do { \
	static const char *const want_[] = { __VA_ARGS__ }; \
	check_wrap((s), (w), want_, sizeof(want_) / sizeof(want_[0])); \
} while (0)

Test(wrap, english)
{
	const char *s = "The quick brown fox jumps over the lazy dog";
	CHECK_WRAP(s, 10, "The quick", "brown fox", "jumps over", "the lazy",
	           "dog");
	CHECK_WRAP(s, 15, "The quick brown", "fox jumps over", "the lazy dog");
	CHECK_WRAP(s, 43, "The quick brown fox jumps over the lazy dog");
	CHECK_WRAP(s, 42, "The quick brown fox jumps over the lazy",
	           "dog");
	CHECK_WRAP("abc def", 7, "abc def");
	CHECK_WRAP("abc def", 6, "abc", "def");
	CHECK_WRAP("abc def", 3, "abc", "def");
	CHECK_WRAP("a   b", 5, "a   b");
	CHECK_WRAP("a   b", 4, "a", "b");
	CHECK_WRAP("a   b   ", 1, "a", "b");
	CHECK_WRAP("word   ", 10, "word");
}

Test(wrap, leading_spaces_kept_on_first_line_only)
{
	CHECK_WRAP("  hello world", 8, "  hello", "world");
	CHECK_WRAP("  one two\n  three", 20, "  one two", "  three");
	CHECK_WRAP("   ", 10, "");
	/* Indentation counts as part of the first word. */
	CHECK_WRAP("   abcdefgh", 5, "   ab", "cdefg", "h");
}

Test(wrap, long_word)
{
	CHECK_WRAP("see https://example.com/a/very/long/path?x=1 now", 10,
	           "see", "https://ex", "ample.com/", "a/very/lon",
	           "g/path?x=1", "now");
	CHECK_WRAP("abcdef", 1, "a", "b", "c", "d", "e", "f");
	CHECK_WRAP("ab abcdefg", 3, "ab", "abc", "def", "g");
}

Test(wrap, newlines)
{
	CHECK_WRAP("a\n\nb", 10, "a", "", "b");
	CHECK_WRAP("a\nb", 10, "a", "b");
	CHECK_WRAP("a\n", 10, "a");
	CHECK_WRAP("\n", 10, "");
	CHECK_WRAP("\n\n", 10, "", "");
	CHECK_WRAP("a\n\n\nb", 10, "a", "", "", "b");
	CHECK_WRAP("one two\nthree", 5, "one", "two", "three");
	CHECK_WRAP("one two\nthree", 3, "one", "two", "thr", "ee");
	struct wrap_line *lines;
	cr_assert_eq(wrap("", 10, &lines), 0);
	free(lines);
}

Test(wrap, wide_and_combining)
{
	CHECK_WRAP("a日", 2, "a", "日");
	CHECK_WRAP("日本語", 4, "日本", "語");
	CHECK_WRAP("日本語", 5, "日本", "語");
	CHECK_WRAP("日本語 です", 6, "日本語", "です");
	/* A combining mark stays with its base. */
	CHECK_WRAP("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 1, "e\xcc\x81",
	           "e\xcc\x81", "e\xcc\x81");
	CHECK_WRAP("ab\xcc\x81" "c", 2, "ab\xcc\x81", "c");
	/* A space carrying a mark is not a break. */
	CHECK_WRAP("a \xcc\x81" "b", 1, "a", " \xcc\x81", "b");
	/* Width 1: a wide character gets a line of its own. */
	CHECK_WRAP("日本", 1, "日", "本");
	CHECK_WRAP("日本", 0, "日", "本");
}

Test(wrap, appends_to_existing_array)
{
	struct wrap_line *lines = NULL;
	size_t n = 0, cap = 0;
	cr_assert_eq(text_wrap("aa bb", 5, 2, &lines, &n, &cap), 2);
	cr_assert_eq(text_wrap("xyz", 3, 10, &lines, &n, &cap), 1);
	cr_assert_eq(n, 3);
	cr_assert_eq(lines[0].off, 0);
	cr_assert_eq(lines[1].off, 3);
	cr_assert_eq(lines[2].off, 0);
	cr_assert_eq(lines[2].len, 3);
	/* Many lines force the array to grow. */
	char many[2000];
	for (size_t i = 0; i < sizeof(many) - 1; i++)
		many[i] = i % 2 ? '\n' : 'x';
	many[sizeof(many) - 1] = '\0';
	cr_assert_eq(text_wrap(many, strlen(many), 10, &lines, &n, &cap), 1000);
	cr_assert_eq(n, 1003);
	cr_assert_eq(lines[1002].off, 1998);
	cr_assert_eq(lines[1002].len, 1);
	free(lines);
}

/* Words for the mixed wrapping test. */
static const char *const words[] = {
	"the", "a", "posting", "Zürich", "e\xcc\x81t\xc3\xa9", "日本語",
	"東京", "한국어", "\xf0\x9f\x98\x80", "\xf0\x9f\x91\x8d\xf0\x9f\x8f\xbd",
	"na\xc3\xafve", "x\xcc\x81\xcc\x82y", "https://example.org/jobs/12345",
	"Straße", "日本語のテキストです", "résumé", "\xe1\x84\x80\xe1\x85\xa1",
	"мир", "ΟΔΟΣ", "a日b本c",
};

/* Asserts the properties every wrapping of s at width must have. */
static void
check_wrap_properties(const char *s, int width)
{
	size_t len = strlen(s);
	struct wrap_line *lines;
	size_t n = wrap(s, width, &lines);
	struct buf joined = { 0 }, original = { 0 };
	size_t prev_end = 0;
	for (size_t i = 0; i < n; i++) {
		const struct wrap_line *l = &lines[i];
		const char *t = s + l->off;
		cr_assert_leq(l->off + l->len, len);
		cr_assert_geq(l->off, prev_end, "lines overlap");
		/* Between lines: only spaces and at most one newline. */
		int newlines = 0;
		for (size_t k = prev_end; k < l->off; k++) {
			cr_assert(s[k] == ' ' || s[k] == '\n');
			newlines += s[k] == '\n';
		}
		cr_assert_leq(newlines, 1);
		cr_assert_eq((size_t)l->width, text_width(t, l->len));
		/* Wider than the line only for one wide character at width 1. */
		if (l->width > width) {
			cr_assert_eq(width, 1, "width %d: line %zu is %d wide",
			             width, i, l->width);
			int cw;
			uint32_t cp = cp_at(t, l->len, 0);
			cw = text_cp_width(cp);
			cr_assert_eq(cw, 2);
		}
		if (l->len > 0) {
			/* Not inside a UTF-8 sequence, no mark at the start. */
			cr_assert_neq((unsigned char)t[0] & 0xC0, 0x80);
			cr_assert_neq(text_cp_width(cp_at(t, l->len, 0)), 0,
			              "width %d: line %zu starts with a mark",
			              width, i);
			cr_assert_neq(t[0], ' ');
			cr_assert_neq(t[l->len - 1], ' ');
			cr_assert(memchr(t, '\n', l->len) == NULL);
		}
		if (l->off + l->len < len)
			cr_assert_neq((unsigned char)t[l->len] & 0xC0, 0x80);
		/* Greedy: the next line's first word would not have fitted,
		 * and a word is cut only where the next cluster overflows. */
		if (i + 1 < n && l->off + l->len < len && t[l->len] == ' ' &&
		    lines[i + 1].off > l->off + l->len &&
		    memchr(t + l->len, '\n', lines[i + 1].off - l->off - l->len) == NULL) {
			const char *nx = s + lines[i + 1].off;
			size_t wl = strcspn(nx, " \n");
			size_t gap = lines[i + 1].off - l->off - l->len;
			cr_assert_gt((size_t)l->width + gap + text_width(nx, wl),
			             (size_t)width, "width %d: line %zu not greedy",
			             width, i);
		}
		if (i + 1 < n && lines[i + 1].off == l->off + l->len) {
			uint32_t cp = cp_at(s, len, lines[i + 1].off);
			cr_assert_gt(l->width + text_cp_width(cp), width,
			             "width %d: line %zu cut early", width, i);
		}
		buf_add(&joined, t, l->len);
		prev_end = l->off + l->len;
	}
	for (size_t k = prev_end; k < len; k++)
		cr_assert(s[k] == ' ' || s[k] == '\n');
	/* Every byte but the spaces and newlines comes back, in order. */
	for (size_t k = 0; k < len; k++)
		if (s[k] != ' ' && s[k] != '\n')
			buf_addc(&original, s[k]);
	struct buf stripped = { 0 };
	for (size_t k = 0; k < joined.len; k++)
		if (joined.s[k] != ' ')
			buf_addc(&stripped, joined.s[k]);
	cr_assert_eq(stripped.len, original.len, "width %d", width);
	if (original.len)
		cr_assert_eq(memcmp(stripped.s, original.s, original.len), 0);
	buf_free(&joined);
	buf_free(&original);
	buf_free(&stripped);
	free(lines);
}

Test(wrap, mixed_text_properties)
{
	uint32_t state = 777;
	for (int round = 0; round < 60; round++) {
		struct buf text = { 0 };
		int nwords = 1 + (int)(rnd(&state) % 30);
		for (int i = 0; i < nwords; i++) {
			if (i > 0) {
				unsigned r = rnd(&state) % 10;
				buf_adds(&text, r == 0 ? "\n" : r == 1 ? "\n\n" :
				                r == 2 ? "  " : " ");
			}
			buf_adds(&text, words[rnd(&state) % (sizeof(words) / sizeof(words[0]))]);
		}
		for (int width = 1; width <= 40; width++)
			check_wrap_properties(text.s, width);
		buf_free(&text);
	}
}

/* ---- fitting ---- */

Test(fit, ascii)
{
	check_fit("hello", 5, false, "hello");
	check_fit("hello", 4, false, "hel…");
	check_fit("hello", 8, false, "hello");
	check_fit("hello", 8, true, "hello   ");
	check_fit("hello", 1, false, "…");
	check_fit("hello", 1, true, "…");
	check_fit("hello", 0, true, "");
	check_fit("hello", -3, true, "");
	check_fit("", 3, true, "   ");
	check_fit("h", 1, false, "h");
}

Test(fit, wide)
{
	check_fit("日本語", 6, false, "日本語");
	check_fit("日本語", 7, true, "日本語 ");
	check_fit("日本語", 5, false, "日本…");
	check_fit("日本語", 5, true, "日本…");
	check_fit("日本語", 4, false, "日…");
	check_fit("日本語", 4, true, "日… ");
	check_fit("日本語", 2, false, "…");
	check_fit("日本語", 2, true, "… ");
	check_fit("a日本", 3, false, "a…");
}

Test(fit, combining_and_controls)
{
	char *s;
	/* Marks stay with their base and add no width. */
	s = fitted("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 2, false);
	cr_assert_str_eq(s, "e\xcc\x81…");
	free(s);
	s = fitted("e\xcc\x81" "e\xcc\x81" "e\xcc\x81", 3, true);
	cr_assert_str_eq(s, "e\xcc\x81" "e\xcc\x81" "e\xcc\x81");
	free(s);
	/* Appends after what is there. */
	struct buf b = { 0 };
	buf_adds(&b, "[");
	text_fit(&b, "abcdef", 6, 3, true);
	buf_adds(&b, "]");
	cr_assert_str_eq(b.s, "[ab…]");
	buf_free(&b);
}

Test(fit, never_wider_than_asked)
{
	static const char *const texts[] = {
		"", "a", "hello world", "日本語", "a日b本c語", "e\xcc\x81t\xc3\xa9",
		"\xf0\x9f\x98\x80\xf0\x9f\x98\x80x", "^[[0m", "Zürich 東京",
	};
	for (size_t i = 0; i < sizeof(texts) / sizeof(texts[0]); i++) {
		size_t full = text_width(texts[i], strlen(texts[i]));
		for (int w = 0; w <= 14; w++) {
			for (int pad = 0; pad <= 1; pad++) {
				char *s = fitted(texts[i], w, pad);
				size_t got = text_width(s, strlen(s));
				cr_assert(text_valid(s, strlen(s)));
				cr_assert_leq(got, (size_t)w, "\"%s\" at %d", texts[i], w);
				if (pad)
					cr_assert_eq(got, (size_t)w, "\"%s\" at %d", texts[i], w);
				bool cut = full > (size_t)w;
				size_t sl = strlen(s);
				bool ends_ellipsis = sl >= 3 && strcmp(s + sl - 3, "…") == 0;
				if (!pad && w > 0) {
					cr_assert_eq(ends_ellipsis, cut, "\"%s\" at %d", texts[i], w);
					if (!cut)
						cr_assert_str_eq(s, texts[i]);
					else
						cr_assert_geq(got + 1, (size_t)w); /* at most one column lost */
				}
				free(s);
			}
		}
	}
}

/* ---- folding ---- */

Test(fold, examples)
{
	static const char *const cases[][2] = {
		{ "ÉCOLE", "école" },
		{ "Hello, World 123", "hello, world 123" },
		{ "ΟΔΟΣ", "οδοσ" },
		{ "οδος", "οδοσ" },
		{ "ΆΈΉΊΌΎΏ", "άέήίόύώ" },
		{ "ΪΫ", "ϊϋ" },
		{ "ПРИВЕТ", "привет" },
		{ "ЁЖИК ЂЏ", "ёжик ђџ" },
		{ "ѢѤ", "ѣѥ" },
		{ "ŁÓDŹ ŻÓŁW", "łódź żółw" },
		{ "ĹĽŇ ŹŽ Ÿ", "ĺľň źž ÿ" },
		{ "ÀÖØÞ×÷ß", "àöøþ×÷ß" },
		{ "ẞ", "ß" },
		{ "ẠỸ", "ạỹ" },
		{ "ԱԲՖ", "աբֆ" },
		{ "ＡＢＣｘ", "ａｂｃｘ" },
		{ "Ǆ ǅ ǆ", "ǆ ǆ ǆ" },
		{ "日本語 😀", "日本語 😀" },
		{ "a\xff" "b", "a\xef\xbf\xbd" "b" },
		{ "\xc3", "\xef\xbf\xbd" },
	};
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		char *got = folded(cases[i][0]);
		cr_assert_str_eq(got, cases[i][1], "fold(\"%s\")", cases[i][0]);
		free(got);
	}
}

Test(fold, dotted_and_dotless_i)
{
	/* İ folds to plain i (its simple lowercase), I to i whatever the
	 * locale, and ı stays ı, so "İstanbul" matches "istanbul". */
	cr_assert_eq(text_fold_cp(0x0130), 'i');
	cr_assert_eq(text_fold_cp('I'), 'i');
	cr_assert_eq(text_fold_cp(0x0131), 0x0131);
	char *got = folded("İSTANBUL");
	cr_assert_str_eq(got, "istanbul");
	free(got);
}

Test(fold, code_points)
{
	cr_assert_eq(text_fold_cp('A'), 'a');
	cr_assert_eq(text_fold_cp('Z'), 'z');
	cr_assert_eq(text_fold_cp('@'), '@');
	cr_assert_eq(text_fold_cp('['), '[');
	cr_assert_eq(text_fold_cp(0xD7), 0xD7);
	cr_assert_eq(text_fold_cp(0xDF), 0xDF);
	cr_assert_eq(text_fold_cp(0xC0), 0xE0);
	cr_assert_eq(text_fold_cp(0xDE), 0xFE);
	cr_assert_eq(text_fold_cp(0x0100), 0x0101);
	cr_assert_eq(text_fold_cp(0x0101), 0x0101);
	cr_assert_eq(text_fold_cp(0x0138), 0x0138);
	cr_assert_eq(text_fold_cp(0x0139), 0x013A);
	cr_assert_eq(text_fold_cp(0x013A), 0x013A);
	cr_assert_eq(text_fold_cp(0x0147), 0x0148);
	cr_assert_eq(text_fold_cp(0x0149), 0x0149);
	cr_assert_eq(text_fold_cp(0x014A), 0x014B);
	cr_assert_eq(text_fold_cp(0x0178), 0x00FF);
	cr_assert_eq(text_fold_cp(0x017D), 0x017E);
	cr_assert_eq(text_fold_cp(0x017F), 0x017F);
	cr_assert_eq(text_fold_cp(0x03A2), 0x03A2);
	cr_assert_eq(text_fold_cp(0x03A3), 0x03C3);
	cr_assert_eq(text_fold_cp(0x03C2), 0x03C3);
	cr_assert_eq(text_fold_cp(0x0386), 0x03AC);
	cr_assert_eq(text_fold_cp(0x038C), 0x03CC);
	cr_assert_eq(text_fold_cp(0x038F), 0x03CE);
	cr_assert_eq(text_fold_cp(0x0400), 0x0450);
	cr_assert_eq(text_fold_cp(0x042F), 0x044F);
	cr_assert_eq(text_fold_cp(0x0460), 0x0461);
	cr_assert_eq(text_fold_cp(0x0461), 0x0461);
	cr_assert_eq(text_fold_cp(0x048A), 0x048B);
	cr_assert_eq(text_fold_cp(0x0482), 0x0482);
	cr_assert_eq(text_fold_cp(0x1E00), 0x1E01);
	cr_assert_eq(text_fold_cp(0x1E01), 0x1E01);
	cr_assert_eq(text_fold_cp(0x1EFE), 0x1EFF);
	cr_assert_eq(text_fold_cp(0xFF21), 0xFF41);
	cr_assert_eq(text_fold_cp(0xFF3A), 0xFF5A);
	cr_assert_eq(text_fold_cp(0xFF3B), 0xFF3B);
	cr_assert_eq(text_fold_cp(0x0531), 0x0561);
	cr_assert_eq(text_fold_cp(0x0556), 0x0586);
	cr_assert_eq(text_fold_cp(0x65E5), 0x65E5);
}

Test(fold, table_is_idempotent_and_stays_lowercase)
{
	/* Folding twice is folding once; no lowercase letter moves. */
	for (uint32_t cp = 0; cp < 0x0590; cp++) {
		uint32_t f = text_fold_cp(cp);
		cr_assert_eq(text_fold_cp(f), f, "U+%04X", cp);
		if (cp >= 'a' && cp <= 'z')
			cr_assert_eq(f, cp);
		if (cp >= 0x0430 && cp <= 0x045F)
			cr_assert_eq(f, cp, "U+%04X", cp);
		if (cp >= 0x03B1 && cp <= 0x03C9)
			cr_assert_eq(f, cp == 0x03C2 ? 0x03C3 : cp, "U+%04X", cp);
	}
}

Test(fold, table_does_not_depend_on_locale)
{
	static uint32_t c_locale[0x590];
	setlocale(LC_ALL, "C");
	for (uint32_t cp = 0; cp < 0x590; cp++)
		c_locale[cp] = text_fold_cp(cp);
	cr_assert_eq(c_locale[0x0416], 0x0436); /* Ж even without locale */
	cr_assert_eq(c_locale[0x00C9], 0x00E9);
	if (!setlocale(LC_ALL, "C.UTF-8"))
		cr_skip_test("no C.UTF-8 locale");
	for (uint32_t cp = 0; cp < 0x590; cp++) {
		cr_assert_eq(text_fold_cp(cp), c_locale[cp], "U+%04X", cp);
		/* and agrees with the C library's simple lowercase, but for
		 * final sigma */
		if (cp != 0x03C2)
			cr_assert_eq(text_fold_cp(cp), (uint32_t)towlower((wint_t)cp),
			             "U+%04X", cp);
	}
	setlocale(LC_ALL, "C");
}

Test(fold, beyond_the_table_follows_a_utf8_locale)
{
	/* Georgian Ⴀ (U+10A0) is not in the table. */
	setlocale(LC_ALL, "C");
	cr_assert_eq(text_fold_cp(0x10A0), 0x10A0);
	if (!setlocale(LC_ALL, "C.UTF-8"))
		cr_skip_test("no C.UTF-8 locale");
	cr_assert_eq(text_fold_cp(0x10A0), 0x2D00);
	setlocale(LC_ALL, "C");
}

/* ---- experience as people say it (posting_experience) ---- */

/* posting_experience of min and max years (-1: not given). */
static char *
experience(double lo, double hi)
{
	struct posting p = { .id = "x", .title = "x" };
	p.experience.min_years = lo;
	p.experience.max_years = hi;
	struct buf b = { 0 };
	posting_experience(&b, &p);
	return buf_steal(&b);
}

#define EXPERIENCE(lo, hi, want) \
	do { \
		char *got_ = experience(lo, hi); \
		cr_assert_str_eq(got_, want, "%g-%g", (double)(lo), \
		                 (double)(hi)); \
		free(got_); \
	} while (0)

Test(experience, under_a_year_in_months)
{
	/* monthsOfExperience: 1, and its like: months, no float's noise */
	EXPERIENCE(1.0 / 12, -1, "1+ months");
	EXPERIENCE(1.0 / 12, 1.0 / 12, "1 month");
	EXPERIENCE(6.0 / 12, 6.0 / 12, "6 months");
	EXPERIENCE(0.5, -1, "6+ months");
	EXPERIENCE(-1, 0.5, "up to 6 months");
	EXPERIENCE(-1, 1.0 / 12, "up to 1 month");
	EXPERIENCE(0.5 / 12, -1, "0.5+ months");
	EXPERIENCE(6.0 / 12, 9.0 / 12, "6–9 months");
	EXPERIENCE(6.0 / 12, 2, "6 months–2 years");
	EXPERIENCE(11.99 / 12, -1, "1+ years"); /* 12.0 months, rounded */
	/* a year and more in years, at most one decimal */
	EXPERIENCE(12.0 / 12, -1, "1+ years");
	EXPERIENCE(18.0 / 12, -1, "1.5+ years");
	EXPERIENCE(18.0 / 12, 18.0 / 12, "1.5 years");
	EXPERIENCE(1, 1, "1 year");
	EXPERIENCE(-1, 1, "up to 1 year");
	EXPERIENCE(5, 10, "5–10 years");
	EXPERIENCE(5, -1, "5+ years");
	EXPERIENCE(2.0 / 3, -1, "8+ months");
	EXPERIENCE(7.0 / 3, -1, "2.3+ years");
	EXPERIENCE(0, -1, "0+ years");
	EXPERIENCE(0, 2, "0–2 years");
	EXPERIENCE(-1, -1, "");
}

/* The detail (and --show) of a schema.org posting asking for one month. */
Test(experience, months_of_experience_in_the_detail)
{
	static const char json[] =
		"{\"@context\": \"https://schema.org\", \"@type\": \"JobPosting\","
		" \"title\": \"Canvasser\", \"hiringOrganization\": {\"name\":"
		" \"O\"}, \"experienceRequirements\": {\"@type\":"
		" \"OccupationalExperienceRequirements\", \"monthsOfExperience\":"
		" 1}}";
	struct catalog c;
	catalog_init(&c);
	cr_assert_eq(load_buffer(&c, "t.json", json, strlen(json), NULL), 1);
	struct rlines rl = { 0 };
	posting_render(c.v[0], 80, &rl);
	bool found = false;
	for (size_t i = 0; i < rl.n; i++) {
		cr_assert_null(strstr(rl.v[i].text, "0.083"), "%s", rl.v[i].text);
		if (!strcmp(rl.v[i].text, "Experience:   1+ months"))
			found = true;
	}
	cr_assert(found);
	rlines_free(&rl);
	catalog_free(&c);
}
