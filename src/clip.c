/* SPDX-License-Identifier: MIT */
/* clip: base64, the OSC 52 escape and its wrappings, the clipboard
 * programs. */
#include "clip.h"

#include "config.h"

#include <string.h>

void
clip_base64(struct buf *out, const void *data, size_t len)
{
	static const char abc[] =
		"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
	const unsigned char *d = data;
	size_t i = 0;
	for (; i + 3 <= len; i += 3) {
		unsigned v = (unsigned)d[i] << 16 | (unsigned)d[i + 1] << 8 |
		             d[i + 2];
		char q[4] = {abc[v >> 18], abc[(v >> 12) & 63],
		             abc[(v >> 6) & 63], abc[v & 63]};
		buf_add(out, q, 4);
	}
	if (i < len) {
		unsigned v = (unsigned)d[i] << 16 |
		             (i + 1 < len ? (unsigned)d[i + 1] << 8 : 0);
		char q[4] = {abc[v >> 18], abc[(v >> 12) & 63],
		             i + 1 < len ? abc[(v >> 6) & 63] : '=', '='};
		buf_add(out, q, 4);
	}
	buf_adds(out, ""); /* never NULL */
}

/* Bytes of each DCS string GNU screen passes on (older versions take no
 * more than 256, escape and terminator included). */
#define SCREEN_CHUNK 252

bool
clip_osc52(struct buf *out, const char *text, size_t len,
           enum clip_wrap wrap, size_t limit)
{
	if ((len + 2) / 3 * 4 > limit)
		return false;
	struct buf seq = {0};
	buf_adds(&seq, "\033]52;c;");
	clip_base64(&seq, text, len);
	buf_addc(&seq, '\a');
	switch (wrap) {
	case CLIP_WRAP_TMUX:
		buf_adds(out, "\033Ptmux;");
		for (size_t i = 0; i < seq.len; i++) {
			if (seq.s[i] == '\033')
				buf_addc(out, '\033');
			buf_addc(out, seq.s[i]);
		}
		buf_adds(out, "\033\\");
		break;
	case CLIP_WRAP_SCREEN:
		for (size_t i = 0; i < seq.len; i += SCREEN_CHUNK) {
			size_t n = seq.len - i < SCREEN_CHUNK ? seq.len - i
			                                      : SCREEN_CHUNK;
			buf_adds(out, "\033P");
			buf_add(out, seq.s + i, n);
			buf_adds(out, "\033\\");
		}
		break;
	default:
		buf_add(out, seq.s, seq.len);
		break;
	}
	buf_free(&seq);
	return true;
}

enum clip_wrap
clip_wrap_for(const char *tmux, const char *sty, const char *term)
{
	if (tmux && *tmux)
		return CLIP_WRAP_TMUX;
	if ((sty && *sty) || (term && strncmp(term, "screen", 6) == 0))
		return CLIP_WRAP_SCREEN;
	return CLIP_WRAP_NONE;
}

const struct clip_tool *
clip_tool_find(bool wayland, bool x11, bool (*found)(const char *name))
{
	static const char *const wl_copy[] = {"wl-copy", NULL};
	static const char *const xclip[] = {"xclip", "-selection",
	                                    "clipboard", NULL};
	static const char *const xsel[] = {"xsel", "-b", "-i", NULL};
	static const char *const pbcopy[] = {"pbcopy", NULL};
	static const struct {
		struct clip_tool tool;
		int needs; /* 1 Wayland, 2 X11, 0 nothing */
	} tools[] = {
		{{wl_copy, "wl-copy"}, 1},
		{{xclip, "xclip"}, 2},
		{{xsel, "xsel"}, 2},
		{{pbcopy, "pbcopy"}, 0},
	};
	for (size_t i = 0; i < sizeof(tools) / sizeof(*tools); i++) {
		int needs = tools[i].needs;
		if ((needs == 1 && !wayland) || (needs == 2 && !x11))
			continue;
		if (found(tools[i].tool.argv[0]))
			return &tools[i].tool;
	}
	return NULL;
}
