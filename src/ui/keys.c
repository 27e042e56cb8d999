/* SPDX-License-Identifier: MIT */
/* keys: the action table made from BILLET_ACTIONS, key lookup, key names. */
#include "keys.h"

#include "config.h"

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>
#include <ctype.h>

#include "text.h"

/* How many keys a row of the table holds. */
#define KEYS_MAX (sizeof(action_table[0].key) / sizeof(action_table[0].key[0]))

const struct action_info action_table[ACT_N] = {
	[ACT_NONE] = {ACT_NONE, "NONE", "", "", {0}},
#define BILLET_ACTION_ROW(name, group, help, ...) \
	[ACT_##name] = {ACT_##name, #name, group, help, {__VA_ARGS__}},
	BILLET_ACTIONS(BILLET_ACTION_ROW)
#undef BILLET_ACTION_ROW
};

enum action
keys_action(int key)
{
	if (key == 0)
		return ACT_NONE;
	for (int a = 1; a < ACT_N; a++)
		for (size_t k = 0; k < KEYS_MAX && action_table[a].key[k]; k++)
			if (action_table[a].key[k] == key)
				return (enum action)a;
	return ACT_NONE;
}

/* The name of a curses function key (without KEY_FN) other than those
 * of the table in keys_name, written to out: F1..F63; the keys with
 * modifiers that terminfo names kUP5 (Ctrl-Up), kLFT3 (Alt-Left) and so
 * on; else the curses name without its KEY_ prefix ("Suspend"). */
static void
fn_name(int code, char *out, size_t size)
{
	static const struct {
		const char *cap, *name;
	} base[] = {
		{"kUP", "Up"}, {"kDN", "Down"}, {"kLFT", "Left"},
		{"kRIT", "Right"}, {"kHOM", "Home"}, {"kEND", "End"},
		{"kNXT", "PgDn"}, {"kPRV", "PgUp"}, {"kDC", "Delete"},
		{"kIC", "Insert"},
	};
	/* xterm's modifier numbers: 2 Shift, 3 Alt, 5 Ctrl... */
	static const char *const mods[] = {
		"", "", "Shift-", "Alt-", "Shift-Alt-", "Ctrl-", "Ctrl-Shift-",
		"Ctrl-Alt-", "Ctrl-Shift-Alt-",
	};
	if (code >= KEY_F0 && code <= KEY_F(63)) {
		snprintf(out, size, "F%d", code - KEY_F0);
		return;
	}
	const char *k = keyname(code);
	if (!k) {
		snprintf(out, size, "function key %d", code);
		return;
	}
	for (size_t i = 0; i < sizeof(base) / sizeof(*base); i++) {
		size_t n = strlen(base[i].cap);
		if (strncmp(k, base[i].cap, n) != 0)
			continue;
		int m = k[n] == '\0' ? 2 /* kUP: Shift-Up */
		        : k[n] >= '2' && k[n] <= '8' && k[n + 1] == '\0'
		        ? k[n] - '0' : -1;
		if (m < 0)
			continue;
		snprintf(out, size, "%s%s", mods[m], base[i].name);
		return;
	}
	if (strncmp(k, "KEY_", 4) == 0 && k[4]) {
		size_t i = 0;
		for (const char *c = k + 4; *c && i + 1 < size; c++, i++)
			out[i] = i == 0 ? *c : (char)tolower((unsigned char)*c);
		out[i] = '\0';
		return;
	}
	snprintf(out, size, "%s", k);
}

void
keys_name(int key, char *out, size_t size)
{
	static const struct {
		int key;
		const char *name;
	} names[] = {
		{KEY_FN | KEY_DOWN, "Down"}, {KEY_FN | KEY_UP, "Up"},
		{KEY_FN | KEY_LEFT, "Left"}, {KEY_FN | KEY_RIGHT, "Right"},
		{KEY_FN | KEY_HOME, "Home"}, {KEY_FN | KEY_END, "End"},
		{KEY_FN | KEY_NPAGE, "PgDn"}, {KEY_FN | KEY_PPAGE, "PgUp"},
		{KEY_FN | KEY_ENTER, "Enter"},
		{KEY_FN | KEY_BACKSPACE, "Backspace"},
		{KEY_FN | KEY_DC, "Delete"}, {KEY_FN | KEY_IC, "Insert"},
		{KEY_FN | KEY_BTAB, "Shift-Tab"},
		{KEY_FN | KEY_SR, "Shift-Up"}, {KEY_FN | KEY_SF, "Shift-Down"},
		{KEY_FN | KEY_SLEFT, "Shift-Left"},
		{KEY_FN | KEY_SRIGHT, "Shift-Right"},
		{KEY_FN | KEY_SHOME, "Shift-Home"},
		{KEY_FN | KEY_SEND, "Shift-End"},
		{KEY_FN | KEY_SNEXT, "Shift-PgDn"},
		{KEY_FN | KEY_SPREVIOUS, "Shift-PgUp"},
		{KEY_FN | KEY_SDC, "Shift-Delete"},
		{KEY_FN | KEY_SIC, "Shift-Insert"},
		{KEY_FN | KEY_B2, "Center"}, {KEY_FN | KEY_MOUSE, "Mouse"},
		{'\n', "Enter"}, {'\r', "Enter"}, {'\t', "Tab"}, {' ', "Space"},
		{27, "Esc"}, {127, "Backspace"},
	};
	if (size == 0)
		return;
	if (key & KEY_ALT) {
		char rest[48];
		keys_name(key & ~KEY_ALT, rest, sizeof(rest));
		snprintf(out, size, "Alt-%s", rest);
		return;
	}
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		if (names[i].key == key) {
			snprintf(out, size, "%s", names[i].name);
			return;
		}
	}
	char enc[8];
	size_t n = 0;
	if (key & KEY_FN)
		fn_name(key & ~KEY_FN, out, size);
	else if (key > 0 && key < 32)
		snprintf(out, size, "Ctrl-%c", key + '@');
	else if (key > 32 && key < 127)
		snprintf(out, size, "%c", key);
	else if (key >= 0xA0 && key <= 0x10FFFF &&
	         !(key >= 0xD800 && key <= 0xDFFF) &&
	         text_cp_width((uint32_t)key) > 0 &&
	         (n = text_encode((uint32_t)key, enc)) > 0 &&
	         text_is_clean(enc, n, 0))
		snprintf(out, size, "%.*s", (int)n, enc);
	else
		snprintf(out, size, "U+%04X", (unsigned)key);
}

/* True if next is the character after key (a run such as 1 2 3). */
static bool
runs_on(int key, int next)
{
	return key > 32 && key < 126 && next == key + 1;
}

void
keys_names(enum action a, char *out, size_t size)
{
	const int *keys = action_table[a].key;
	size_t used = 0;
	out[0] = '\0';
	for (size_t k = 0; k < KEYS_MAX && keys[k]; k++) {
		char name[48];
		keys_name(keys[k], name, sizeof(name));
		size_t last = k;
		while (last + 1 < KEYS_MAX && runs_on(keys[last], keys[last + 1]))
			last++;
		if (last >= k + 2) { /* three or more in a row: "1-9" */
			snprintf(name, sizeof(name), "%c-%c", keys[k], keys[last]);
			k = last;
		}
		bool dup = false;
		for (size_t j = 0; j < k; j++) {
			char other[48];
			keys_name(keys[j], other, sizeof(other));
			dup = dup || strcmp(name, other) == 0;
		}
		if (dup)
			continue;
		int w = snprintf(out + used, size - used, "%s%s",
		                 used ? "  " : "", name);
		if (w < 0 || (size_t)w >= size - used)
			break;
		used += (size_t)w;
	}
}
