/* SPDX-License-Identifier: MIT */
/* keys: the action table made from BILLET_ACTIONS, key lookup, key names. */
#include "keys.h"

#include "config.h"

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

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
		for (size_t k = 0; k < 8 && action_table[a].key[k]; k++)
			if (action_table[a].key[k] == key)
				return (enum action)a;
	return ACT_NONE;
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
		{KEY_FN | KEY_ENTER, "Enter"}, {KEY_FN | KEY_BACKSPACE, "Backspace"},
		{KEY_FN | KEY_DC, "Delete"}, {'\n', "Enter"}, {'\r', "Enter"},
		{'\t', "Tab"}, {' ', "Space"}, {27, "Esc"}, {127, "Backspace"},
	};
	for (size_t i = 0; i < sizeof(names) / sizeof(*names); i++) {
		if (names[i].key == key) {
			snprintf(out, size, "%s", names[i].name);
			return;
		}
	}
	if (key & KEY_FN) {
		const char *k = keyname(key & ~KEY_FN);
		snprintf(out, size, "%s", k ? k : "?");
	} else if (key > 0 && key < 32) {
		snprintf(out, size, "Ctrl-%c", key + '@');
	} else if (key > 32 && key < 127) {
		snprintf(out, size, "%c", key);
	} else {
		snprintf(out, size, "U+%04X", (unsigned)key);
	}
}

void
keys_names(enum action a, char *out, size_t size)
{
	size_t used = 0;
	out[0] = '\0';
	for (size_t k = 0; k < 8 && action_table[a].key[k]; k++) {
		char name[32];
		keys_name(action_table[a].key[k], name, sizeof(name));
		bool dup = false;
		for (size_t j = 0; j < k; j++) {
			char other[32];
			keys_name(action_table[a].key[j], other, sizeof(other));
			dup = dup || strcmp(name, other) == 0;
		}
		if (dup)
			continue;
		int n = snprintf(out + used, size - used, "%s%s",
		                 used ? "  " : "", name);
		if (n < 0 || (size_t)n >= size - used)
			break;
		used += (size_t)n;
	}
}
