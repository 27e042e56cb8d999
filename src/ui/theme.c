/* SPDX-License-Identifier: MIT */
/* theme: the curses attributes of each look, from the settings: the
 * theme (dark or light) and the user's color lines, or the attributes
 * alone when there are no colours. */
#include "view.h"

#include "config.h"

/* The curses attributes of CONF_BOLD... */
static attr_t
curses_attr(unsigned a)
{
	attr_t r = A_NORMAL;
	if (a & CONF_BOLD)
		r |= A_BOLD;
	if (a & CONF_UNDERLINE)
		r |= A_UNDERLINE;
	if (a & CONF_REVERSE)
		r |= A_REVERSE;
	if (a & CONF_DIM)
		r |= A_DIM;
#ifdef A_ITALIC
	if (a & CONF_ITALIC)
		r |= A_ITALIC;
#endif
	if (a & CONF_STANDOUT)
		r |= A_STANDOUT;
	if (a & CONF_BLINK)
		r |= A_BLINK;
	return r;
}

/* A colour the terminal has: a bright one (8-15) on a terminal of 8 is
 * its plain one, made bold when it is a foreground (*bold); a number
 * past the terminal's colours is its default. */
static short
terminal_color(short c, bool fg, attr_t *bold)
{
	if (c < 0 || c < COLORS)
		return c;
	if (c < 16 && COLORS >= 8) {
		if (fg)
			*bold |= A_BOLD;
		return (short)(c - 8);
	}
	return -1;
}

void
theme_apply(struct ui *ui)
{
	static bool started, has;
	if (!started) {
		started = true;
		has = !ui->no_color && has_colors() && start_color() == OK;
		if (has)
			use_default_colors();
	}
	ui->color = has && !ui->no_color;
	for (int e = 0; e < UL_N; e++) {
		if (!ui->color) {
			ui->attr[e] = curses_attr(conf_elements[e].mono);
			continue;
		}
		struct conf_color k = conf_color_of(ui->conf, (enum conf_element)e);
		attr_t a = curses_attr(k.attr);
		short fg = terminal_color(k.fg, true, &a);
		short bg = terminal_color(k.bg, false, &a);
		if (e == UL_NORMAL) {
			/* the colours of everything drawn without a look */
			assume_default_colors(fg, bg);
			ui->attr[e] = A_NORMAL;
			continue;
		}
		if (fg < 0 && bg < 0) {
			ui->attr[e] = a;
			continue;
		}
		short pair = (short)(e + 1);
		if (pair >= COLOR_PAIRS) {
			ui->attr[e] = a;
			continue;
		}
		init_pair(pair, fg, bg);
		ui->attr[e] = a | COLOR_PAIR(pair);
	}
	ui->dirty = true;
}
