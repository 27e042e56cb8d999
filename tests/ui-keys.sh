#!/bin/sh
# SPDX-License-Identifier: MIT
# Keys, driven for real in tmux (tests/uilib.sh): keys named as help
# names them, counts (5j, 3G, 10 Ctrl-D, 2n) and R to rate, the messages
# of `;`, the list's columns side by side, the sort cycle, and `/` that
# gives back the place (cursor, scroll, the posting read) on Esc.
. "$SRCDIR/tests/lib.sh"
UI_TEST=tests/ui-keys.sh
. "$SRCDIR/tests/uilib.sh"

N=nyic-upstate-director-advocacy

# many DIR COUNT: postings p01..pCOUNT in DIR, titled "Posting NN", each
# with thirty duties, so that its detail scrolls.
many() {
	mkdir -p "$1"
	i=1
	while [ "$i" -le "$2" ]; do
		id=$(printf 'p%02d' "$i")
		{
			printf 'id: %s\ntitle: Posting %02d\norganization: Org %02d\n' \
				"$id" "$i" "$i"
			printf 'deadline: 2030-01-%02d\nresponsibilities:\n' \
				$((i % 28 + 1))
			j=1
			while [ "$j" -le 30 ]; do
				printf '  - Duty %d of posting %02d\n' "$j" "$i"
				j=$((j + 1))
			done
		} >"$1/$id.yaml"
		i=$((i + 1))
	done
}
many "$TMP/many" 60

# entry ID [FILE]: the lines of ID's entry in the state file.
entry() {
	awk -v id="$1:" '$0 == id { on = 1; next } /^[^ ]/ { on = 0 } on' \
		"${2:-$STATE}" 2>/dev/null
}

# snap S FILE: the screen of session S with its attributes (the cursor's
# reverse video too), but not the status and message lines, into FILE.
snap() {
	tm capture-pane -e -p -t "$1" | sed '$d' | sed '$d' >"$2"
}

# text FILE: the snap FILE without its attributes (the filter's words
# are highlighted in the detail).
text() { sed 's/\x1b\[[0-9;]*m//g' "$1"; }

# same FILE1 FILE2: the two snaps are the same, else shows both.
same() {
	cmp -s "$1" "$2" && return 0
	echo "the screens differ:"
	diff "$1" "$2" | sed 's/\x1b\[[0-9;]*m//g' | head -20
	return 1
}

# title_is S TEXT: polls until the first line of session S (the full-screen
# detail's title) is TEXT.
title_is() {
	i=0
	while [ "$i" -lt 100 ]; do
		[ "$(line "$1" 1)" = "$2" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "line 1 is: $(line "$1" 1), not $2"
	return 1
}

# A: keys are named as help names them -------------------------------------
names() {
	start a 80x24 &&
	waits a " 2/2" &&
	keys a F1 && waits a "F1: no such key (? for help)" &&
	keys a BTab && waits a "Shift-Tab: no such key (? for help)" &&
	keys a C-t && waits a "Ctrl-T: no such key (? for help)" &&
	keys a F12 && waits a "F12: no such key" &&
	keys a IC && waits a "Insert: no such key" &&
	! grep -q "KEY_" "$TMP/screen"
}
ok "F1, Shift-Tab, Ctrl-T, F12, Insert are named as help names keys, never KEY_F(1)" names

alt() {
	keys a M-x && waits a "Alt-x: no such key (? for help)" &&
	shows a " 2/2  sort:" &&
	! entry aclu-socal-kern-policy-advocate | grep -q "hidden" &&
	keys a -l 'é' && waits a "é: no such key"
}
ok "Alt-x is a key of its own (named Alt-x), not Esc then x that hides" alt

apply_named() {
	keys a '\;' && waits a "; on the 2 postings shown" &&
	keys a F1 && waits a "; cancelled: it goes with m, x, 1-5, 0 or p, not F1" &&
	keys a Q && waits a "billet-exit=0"
}
ok "a key that ; does not take is named as help names it" apply_named

# B: the sort cycle ---------------------------------------------------------
sort_cycle() {
	start b 80x24 &&
	waits b " 2/2  sort: file order" &&
	keys b s && waits b "sort: title " &&
	keys b s && waits b "sort: org " &&
	keys b s s s s s && waits b "sort: id " &&
	line b 2 | grep -q "Policy Advocate" &&
	keys b S && waits b "sort: -id " &&
	line b 2 | grep -q "Upstate Director" &&
	keys b s && waits b "sort: file order " &&
	shows b "sorted by file order" &&
	line b 2 | grep -q "Policy Advocate" &&
	keys b s && waits b "sort: title " &&
	keys b Q && waits b "billet-exit=0"
}
ok "s goes through every sort key and back to file order (sort: file order)" sort_cycle

# C: side by side at 120 columns, the deadline stays --------------------------
columns_120() {
	start c 120x40 &&
	waits c " 2/2" &&
	line c 1 | grep -q "Title" &&
	line c 1 | grep -q "Organization" &&
	line c 1 | grep -q "Deadline" &&
	line c 3 | grep -q "Upstate Director.*NYIC.*rolling" &&
	line c 2 | grep -q "Policy Advocate.*ACLU SoCal.*Open until" &&
	keys c Q && waits c "billet-exit=0"
}
ok "at 120 columns the list beside the detail keeps title, organization and deadline" columns_120

columns_narrow() {
	start d 60x20 "$SRCDIR/data" &&
	waits d " 2/2" &&
	line d 1 | grep -q "Title" && line d 1 | grep -q "Deadline" &&
	! line d 1 | grep -q "Location" &&
	tm resize-window -t d -x 45 -y 20 &&
	waits d "Deadline" &&
	line d 1 | grep -q "Title" &&
	! line d 1 | grep -q "Organization" &&
	tm resize-window -t d -x 20 -y 20 &&
	gone d "Deadline" &&
	line d 1 | grep -q "Title" &&
	keys d Q && waits d "billet-exit=0"
}
ok "as the list narrows the deadline is the last column dropped before the title" columns_narrow


finish
