/* SPDX-License-Identifier: MIT */
/* clip: what copying to the clipboard needs below the interface: base64,
 * the terminal's OSC 52 escape (wrapped to pass through tmux or GNU
 * screen), and which clipboard program to run. No curses here. */
#ifndef BILLET_CLIP_H
#define BILLET_CLIP_H

#include <stdbool.h>
#include <stddef.h>

#include "text.h"

/* Most bytes of base64 an OSC 52 escape carries (terminals cut or drop
 * longer ones: hterm, xterm and tmux take about this much). */
#define CLIP_OSC52_MAX 100000

/* What an OSC 52 escape must pass through to reach the terminal. */
enum clip_wrap {
	CLIP_WRAP_NONE,   /* straight to the terminal */
	CLIP_WRAP_TMUX,   /* tmux's passthrough: ESC Ptmux; ... ESC \ with
	                   * every ESC inside doubled */
	CLIP_WRAP_SCREEN, /* GNU screen's: the escape cut into DCS strings
	                   * (ESC P ... ESC \) of at most 256 bytes */
};

/* Appends data[0..len) in base64 (RFC 4648, padded, no line breaks). */
void clip_base64(struct buf *out, const void *data, size_t len);

/* Appends the OSC 52 escape that puts text[0..len) on the terminal's
 * clipboard (ESC ] 52 ; c ; BASE64 BEL), wrapped as wrap says. False,
 * nothing appended, when the base64 would be longer than limit bytes. */
bool clip_osc52(struct buf *out, const char *text, size_t len,
                enum clip_wrap wrap, size_t limit);

/* The wrap an OSC 52 escape needs where billet runs: tmux when tmux is
 * set (TMUX not empty), else screen when sty is set (STY) or term
 * starts with "screen", else none. Any argument may be NULL. */
enum clip_wrap clip_wrap_for(const char *tmux, const char *sty,
                             const char *term);

/* A clipboard program: its words (the text goes to its standard
 * input) and its name in messages. */
struct clip_tool {
	const char *const *argv; /* NULL-terminated, static */
	const char *name;        /* "wl-copy", "xclip", ... */
};

/* The clipboard program to copy with: wl-copy under Wayland (wayland
 * true), xclip -selection clipboard or xsel -b -i under X11 (x11 true),
 * else pbcopy (macOS), the first that found(name) says is installed.
 * NULL when none is. */
const struct clip_tool *clip_tool_find(bool wayland, bool x11,
                                       bool (*found)(const char *name));

#endif
