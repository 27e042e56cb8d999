#!/bin/sh
# SPDX-License-Identifier: MIT
# The user's notes in the list and the filter, driven for real in tmux:
# free text finds the words of a note, note: only a note's, the list
# flags a posting with a note ('✎', '#' in ASCII), and a note written
# now is found by the next filter.
UI_TEST=tests/ui-notes.sh
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/uilib.sh"

N=nyic-upstate-director-advocacy
printf '%s:\n  note: Called María; ask about the visa\n' "$N" >"$STATE"

# filter S QUERY COUNT: types QUERY at / in session S and waits for the
# status line to say COUNT ("1/2") with it.
filter() {
	keys "$1" / C-u && keys "$1" -l -- "$2" && keys "$1" Enter &&
	waits "$1" " $3  filter: $2"
}

# A: 80x24, UTF-8 ------------------------------------------------------------
flag_narrow() {
	start a 80x24 &&
	waits a " 2/2" &&
	line a 3 | grep -q '^ ✎ Upstate Director' &&
	line a 2 | grep -q '^ N Policy Advocate'
}
ok "a posting with a note is flagged ✎ in the list (80 columns: after status and rating)" flag_narrow

free_text() {
	filter a visa 1/2 && shows a "Upstate Director" &&
	gone a "Policy Advocate" &&
	filter a 'maría' 1/2 &&
	filter a '"ask about the visa"' 1/2 &&
	filter a '-visa' 1/2 && shows a "Policy Advocate" &&
	filter a 'title:visa' 0/2
}
ok "free text finds the words of a note (a word, a phrase, negated); field terms do not" free_text

note_only() {
	filter a 'note:VISA' 1/2 && shows a "Upstate Director" &&
	filter a 'note:advocacy' 0/2 &&
	filter a 'advocacy' 2/2 &&
	keys a '\' && waits a "filter cleared"
}
ok "note: searches only the notes (advocacy is in both titles, in no note)" note_only

written_now() {
	filter a zebra 0/2 &&
	keys a '\' && waits a "filter cleared" &&
	keys a a && waits a "note: Policy Advocate" &&
	keys a -l 'zebra crossing' && waits a "zebra crossing" &&
	keys a C-x && waits a "note saved: Policy Advocate" &&
	line a 2 | grep -q '^ ✎ Policy Advocate' &&
	filter a zebra 1/2 && shows a "Policy Advocate" &&
	filter a 'note:crossing' 1/2 &&
	keys a Q && waits a "billet-exit=0"
}
ok "a note written now is flagged and found by the next filter" written_now

# B: 110 columns, ASCII --------------------------------------------------------
flag_wide_ascii() {
	tm new-session -d -s b -x 110 -y 30 \
		"exec env -i PATH='$PATH' HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' XDG_CONFIG_HOME='$UI_CONFIG_HOME' TERM=xterm-256color LANG=C PS1='$ ' sh" &&
	keys b "clear; '$BILLET' --state '$STATE'; echo billet-exit=\$?" Enter &&
	waits b " 2/2" &&
	screen b | grep -q '^    # Upstate Director' &&
	screen b | grep -q '^    # Policy Advocate' &&
	keys b '?' && waits b "billet: keys" &&
	keys b / w r o t e && waits b "The flags left of each row" &&
	shows b "  #                     you wrote a note" &&
	keys b Escape q && waits b " 2/2" && keys b Q && waits b "billet-exit=0"
}
ok "110 columns in ASCII: five flags, the note's '#' last; help's legend names it" flag_wide_ascii

# the command line's filter reads the notes too
cli() {
	"$BILLET" --list --state "$STATE" --filter 'zebra' --format tsv \
		>"$TMP/tsv" &&
	contains "$TMP/tsv" "$A	Policy Advocate" &&
	! grep -q "$N" "$TMP/tsv" &&
	"$BILLET" --list --state "$STATE" --filter 'note:visa' --format tsv \
		>"$TMP/tsv" &&
	contains "$TMP/tsv" "$N	Upstate" && ! grep -q "$A" "$TMP/tsv"
}
ok "--list --filter finds the words of notes too (free text and note:)" cli

finish
