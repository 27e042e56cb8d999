/* SPDX-License-Identifier: MIT */
/* keys: the action table made from BILLET_ACTIONS, key lookup, key names. */
#include "keys.h"

#include "config.h"

#include <curses.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <ctype.h>

#include "conf.h"
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

/* The bindings in use (keys_use), or NULL for the table's keys. */
static const struct conf *keymap;

void
keys_use(const struct conf *c)
{
	keymap = c;
}

/* The action the table binds key to, or ACT_NONE. */
static enum action
table_action(int key)
{
	if (key == 0)
		return ACT_NONE;
	for (int a = 1; a < ACT_N; a++)
		for (size_t k = 0; k < KEYS_MAX && action_table[a].key[k]; k++)
			if (action_table[a].key[k] == key)
				return (enum action)a;
	return ACT_NONE;
}

enum action
keys_action(int key)
{
	if (!keymap)
		return table_action(key);
	return key ? conf_key_action(keymap, CONF_GENERIC, key) : ACT_NONE;
}

enum action
keys_lookup(const char *view, int key)
{
	if (!keymap)
		return table_action(key);
	return key ? conf_key_action(keymap, conf_view_of(view), key)
	           : ACT_NONE;
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

/* Appends to out (used bytes so far in *used) the names of keys[0..n),
 * two spaces apart, after prefix; a run of three or more characters in
 * a row as one ("1-9"); a name already written once is not repeated. */
static void
names_of(const int *keys, size_t n, const char *prefix, char *out,
         size_t size, size_t *used)
{
	bool first = true;
	for (size_t k = 0; k < n; k++) {
		char name[48];
		keys_name(keys[k], name, sizeof(name));
		size_t last = k;
		while (last + 1 < n && runs_on(keys[last], keys[last + 1]))
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
		int w = snprintf(out + *used, size - *used, "%s%s%s",
		                 *used ? "  " : "", first ? prefix : "", name);
		if (w < 0 || (size_t)w >= size - *used) {
			out[*used] = '\0';
			return;
		}
		*used += (size_t)w;
		first = false;
	}
}

void
keys_names(enum action a, char *out, size_t size)
{
	if (size == 0)
		return;
	out[0] = '\0';
	size_t used = 0;
	int keys[64];
	if (!keymap) {
		size_t n = 0;
		while (n < KEYS_MAX && action_table[a].key[n])
			n++;
		names_of(action_table[a].key, n, "", out, size, &used);
		return;
	}
	for (int v = 0; v < CONF_NVIEWS; v++) {
		size_t n = conf_keys_of(keymap, (enum conf_view)v, a, keys,
		                        sizeof(keys) / sizeof(*keys));
		char prefix[24];
		snprintf(prefix, sizeof(prefix), "%s: ",
		         v == CONF_GENERIC ? "" : conf_view_names[v]);
		names_of(keys, n, v == CONF_GENERIC ? "" : prefix, out, size,
		         &used);
	}
}

/* True if a and b are the same, ASCII letters in any case. */
static bool
same_name(const char *a, const char *b)
{
	for (; *a && *b; a++, b++)
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
	return *a == *b;
}

/* If s starts with one of the prefixes (any case), the rest; else NULL. */
static const char *
after_prefix(const char *s, const char *const *prefixes)
{
	for (size_t i = 0; prefixes[i]; i++) {
		size_t n = strlen(prefixes[i]);
		if (strlen(s) > n && strncasecmp(s, prefixes[i], n) == 0)
			return s + n;
	}
	return NULL;
}

/* True if name is a key with modifiers that only a terminal's terminfo
 * entry numbers (Ctrl-Up, Shift-Alt-Left...). */
static bool
modified_fn(const char *name)
{
	static const char *const mods[] = {"Ctrl-", "Shift-", "Alt-", NULL};
	static const char *const base[] = {
		"Up", "Down", "Left", "Right", "Home", "End", "PgDn", "PgUp",
		"Delete", "Insert",
	};
	const char *rest = name;
	int n = 0;
	for (const char *r; (r = after_prefix(rest, mods)); n++)
		rest = r;
	for (size_t i = 0; n && i < sizeof(base) / sizeof(*base); i++)
		if (same_name(rest, base[i]))
			return true;
	return false;
}

size_t
keys_parse(const char *name, int *codes, size_t max)
{
	static const struct {
		const char *name;
		int key[3];
	} named[] = {
		{"Enter", {'\r', '\n', KEY_FN | KEY_ENTER}},
		{"Return", {'\r', '\n', KEY_FN | KEY_ENTER}},
		{"Backspace", {127, KEY_FN | KEY_BACKSPACE}},
		{"Fn-Enter", {KEY_FN | KEY_ENTER}},
		{"Fn-Backspace", {KEY_FN | KEY_BACKSPACE}},
		{"Tab", {'\t'}}, {"Space", {' '}}, {"Esc", {27}},
		{"Escape", {27}}, {"Down", {KEY_FN | KEY_DOWN}},
		{"Up", {KEY_FN | KEY_UP}}, {"Left", {KEY_FN | KEY_LEFT}},
		{"Right", {KEY_FN | KEY_RIGHT}}, {"Home", {KEY_FN | KEY_HOME}},
		{"End", {KEY_FN | KEY_END}}, {"PgDn", {KEY_FN | KEY_NPAGE}},
		{"PageDown", {KEY_FN | KEY_NPAGE}},
		{"PgUp", {KEY_FN | KEY_PPAGE}}, {"PageUp", {KEY_FN | KEY_PPAGE}},
		{"Delete", {KEY_FN | KEY_DC}}, {"Del", {KEY_FN | KEY_DC}},
		{"Insert", {KEY_FN | KEY_IC}}, {"Ins", {KEY_FN | KEY_IC}},
		{"Shift-Tab", {KEY_FN | KEY_BTAB}},
		{"BackTab", {KEY_FN | KEY_BTAB}},
		{"Shift-Up", {KEY_FN | KEY_SR}}, {"Shift-Down", {KEY_FN | KEY_SF}},
		{"Shift-Left", {KEY_FN | KEY_SLEFT}},
		{"Shift-Right", {KEY_FN | KEY_SRIGHT}},
		{"Shift-Home", {KEY_FN | KEY_SHOME}},
		{"Shift-End", {KEY_FN | KEY_SEND}},
		{"Shift-PgDn", {KEY_FN | KEY_SNEXT}},
		{"Shift-PgUp", {KEY_FN | KEY_SPREVIOUS}},
		{"Shift-Delete", {KEY_FN | KEY_SDC}},
		{"Shift-Insert", {KEY_FN | KEY_SIC}},
		{"Center", {KEY_FN | KEY_B2}},
	};
	static const char *const ctrl[] = {"Ctrl-", "C-", "^", NULL};
	static const char *const alt[] = {"Alt-", "Meta-", "M-", NULL};
	char buf[64];
	size_t len = strlen(name);
	if (len == 0 || max == 0)
		return 0;
	if (len > 2 && len < sizeof(buf) && name[0] == '<' &&
	    name[len - 1] == '>') { /* <Esc>, <C-f> */
		memcpy(buf, name + 1, len - 2);
		buf[len - 2] = '\0';
		name = buf;
		len -= 2;
	}
	uint32_t cp;
	size_t used = text_decode(name, len, &cp);
	if (used == len && cp != 0xFFFD) { /* one character */
		if (cp > 32 && cp != 127 && (cp < 0x80 || text_cp_width(cp) > 0) &&
		    !(cp >= 0x80 && cp < 0xA0)) {
			codes[0] = (int)cp;
			return 1;
		}
		return 0;
	}
	for (size_t i = 0; i < sizeof(named) / sizeof(*named); i++) {
		if (!same_name(name, named[i].name))
			continue;
		size_t n = 0;
		while (n < 3 && n < max && named[i].key[n]) {
			codes[n] = named[i].key[n];
			n++;
		}
		return n;
	}
	const char *rest;
	if ((rest = after_prefix(name, ctrl)) && strlen(rest) == 1) {
		int c = toupper((unsigned char)rest[0]);
		if (c == '?') {
			codes[0] = 127;
			return 1;
		}
		if (c >= '@' && c <= '_' && c != '@') {
			codes[0] = KEY_CTRL(c);
			return 1;
		}
		return 0;
	}
	if ((rest = after_prefix(name, alt))) {
		int inner[3];
		size_t n = keys_parse(rest, inner, 3);
		bool plain = n > 0;
		for (size_t i = 0; i < n; i++)
			plain = plain && !(inner[i] & (KEY_FN | KEY_ALT));
		if (plain) {
			size_t k = 0;
			for (; k < n && k < max; k++)
				codes[k] = KEY_ALT | inner[k];
			return k;
		}
	}
	if ((name[0] == 'F' || name[0] == 'f') && len <= 3 &&
	    strspn(name + 1, "0123456789") == len - 1) {
		int f = atoi(name + 1);
		if (f <= 63 && !(len == 3 && name[1] == '0')) {
			codes[0] = KEY_FN | KEY_F(f);
			return 1;
		}
		return 0;
	}
	if ((name[0] == 'U' || name[0] == 'u') && name[1] == '+' && len <= 8 &&
	    len > 2 && strspn(name + 2, "0123456789abcdefABCDEF") == len - 2) {
		long v = strtol(name + 2, NULL, 16);
		if (v > 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF)) {
			codes[0] = (int)v;
			return 1;
		}
		return 0;
	}
	/* any other function key, by the name keys_name gives it: those
	 * with modifiers exist once a terminal is open */
	for (int code = KEY_MIN; code < KEY_MAX + 512; code++) {
		if (code == KEY_RESIZE || code == KEY_MOUSE)
			continue;
		char fn[48];
		keys_name(KEY_FN | code, fn, sizeof(fn));
		if (same_name(fn, name) && strncmp(fn, "function key", 12)) {
			codes[0] = KEY_FN | code;
			return 1;
		}
	}
	if (stdscr == NULL && modified_fn(name)) {
		/* no terminal (--check, --dump-config): the name is a key,
		 * which the interface finds in its terminal's entry */
		codes[0] = 0;
		return 1;
	}
	return 0;
}

void
keys_spell(int key, char *out, size_t size)
{
	static const struct {
		int key;
		const char *name;
	} exact[] = {
		{'\r', "Ctrl-M"}, {'\n', "Ctrl-J"}, {127, "Ctrl-?"},
		{KEY_FN | KEY_ENTER, "Fn-Enter"},
		{KEY_FN | KEY_BACKSPACE, "Fn-Backspace"},
	};
	keys_name(key, out, size);
	int codes[4];
	if (keys_parse(out, codes, 4) == 1 && codes[0] == key)
		return;
	for (size_t i = 0; i < sizeof(exact) / sizeof(*exact); i++)
		if (exact[i].key == (key & ~KEY_ALT)) {
			snprintf(out, size, "%s%s", key & KEY_ALT ? "Alt-" : "",
			         exact[i].name);
			return;
		}
	if (!(key & KEY_FN) && key > 0 && key <= 0x10FFFF && !(key & KEY_ALT))
		snprintf(out, size, "U+%04X", (unsigned)key);
}
