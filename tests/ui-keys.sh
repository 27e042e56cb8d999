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
	keys a F1 && waits a "; cancelled: it goes with m, x, R or p, not F1" &&
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

# D: counts and R ------------------------------------------------------------
count_moves() {
	start e 80x24 "$TMP/many" &&
	waits e " 60/60" &&
	keys e 5 && waits e "count: 5 " &&
	keys e j && gone e "count: 5 " &&
	keys e Enter && title_is e "Posting 06" &&
	keys e q && waits e " 60/60" &&
	keys e 1 2 G Enter && title_is e "Posting 12" &&
	keys e q 3 g Enter && title_is e "Posting 03" &&
	keys e q 1 0 C-d Enter && title_is e "Posting 13" &&
	keys e q C-d Enter && title_is e "Posting 23" &&
	keys e q 2 k Enter && title_is e "Posting 21" &&
	keys e q G 2 C-u Enter && title_is e "Posting 58" &&
	keys e q && waits e " 60/60" &&
	[ ! -s "$STATE" ] || ! grep -q "rating" "$STATE"
}
ok "digits are counts: 5j, 12G, 3g, 10 Ctrl-D (remembered), 2k, 2 Ctrl-U; nothing is rated" count_moves

count_cancel() {
	keys e g 1 2 && waits e "count: 12 " &&
	keys e Escape && gone e "count: 12" &&
	keys e j Enter && title_is e "Posting 02" &&
	keys e q 0 && waits e "0: a count starts with 1-9" &&
	keys e j Enter && title_is e "Posting 03" &&
	keys e q && waits e " 60/60"
}
ok "Esc cancels a count; a count starts with 1-9" count_cancel

count_detail() {
	keys e g Enter && title_is e "Posting 01" &&
	keys e 2 j && title_is e "Organization: Org 01" &&
	keys e 1 0 j && title_is e "• Duty 6 of posting 01" &&
	keys e 1 G && title_is e "Posting 01" &&
	keys e 3 G && title_is e "Organization: Org 01" &&
	keys e Q && waits e "billet-exit=0"
}
ok "in the detail a count scrolls by that many lines, 1G goes to the first" count_detail

count_match() {
	start f 80x24 "$SRCDIR/data" &&
	waits f " 2/2" &&
	keys f / s p a n i s h Enter && waits f "filter: spanish" &&
	keys f Enter && waits f "Policy Advocate and Organizer" &&
	keys f 2 n && waits f "match 2 of 2" &&
	keys f 3 N && waits f "match 1 of 2 (wrapped)" &&
	keys f Q && waits f "billet-exit=0" &&
	[ ! -s "$STATE" ] || ! grep -q "rating" "$STATE"
}
ok "2n goes to the second match of the filter in the detail, 3N back round" count_match

rate_r() {
	rm -f "$STATE" &&
	start g 80x24 &&
	waits g " 2/2" &&
	keys g j R && waits g "rate 1-5, 0 clears" &&
	keys g 4 && waits g "rated 4 of 5: Upstate Director" &&
	entry "$N" | grep -q "rating: 4" &&
	line g 3 | grep -q '^ 4 Upstate Director' &&
	keys g R x && waits g "rating not changed" &&
	shows g " 2/2  sort:" && entry "$N" | grep -q "rating: 4" &&
	! entry "$N" | grep -q "hidden" &&
	keys g R 0 && waits g "rating cleared: Upstate" &&
	! entry "$N" | grep -q "rating:"
}
ok "R then a digit rates (0 clears); R then another key changes nothing" rate_r

help_keys() {
	keys g '?' && waits g "billet: keys" &&
	shows g "1-9" && shows g "a count for the next move" &&
	keys g PageDown PageDown &&
	waits g "rate the current posting: R then 1-5, 0 clears" &&
	keys g q && waits g " 2/2"
}
ok "help lists the count (1-9) and R from the action table" help_keys

# E: the messages of ; -------------------------------------------------------
apply_messages() {
	keys g / a d v o c Enter && waits g " 2/2  filter: advoc" &&
	keys g '\;' R && waits g "rate the 2 postings shown 1-5, 0 clears" &&
	keys g 4 && waits g "rate 4: apply to 2 postings? (y/n)" &&
	keys g y && waits g "rated 2 postings 4 of 5" &&
	entry "$N" | grep -q "rating: 4" &&
	entry aclu-socal-kern-policy-advocate | grep -q "rating: 4" &&
	keys g '\;' R 0 y && waits g "cleared the rating of 2 postings" &&
	keys g '\;' m y && waits g "marked 2 postings" &&
	keys g '\;' m y && waits g "unmarked 2 postings" &&
	keys g '\;' p && waits g "status of 2 postings" &&
	keys g a && waits g "status applied: apply to 2 postings? (y/n)" &&
	keys g y && waits g "set the status of 2 postings to applied" &&
	keys g / C-u && keys g -l 'kern' && keys g Enter &&
	waits g " 1/2  filter: kern" &&
	keys g '\;' R 3 && waits g "rated 1 posting 3 of 5" &&
	keys g '\;' x && waits g "hid 1 posting" &&
	keys g / C-u && keys g -l 'kern is:hidden' && keys g Enter &&
	waits g " 1/2  filter: kern is:hidden" &&
	keys g '\;' x && waits g "unhid 1 posting" &&
	keys g Q && waits g "billet-exit=0"
}
ok "; says what it did in order: rated 2 postings 4 of 5, hid 1 posting, ..." apply_messages

# F: / then Esc gives the place back ----------------------------------------
place_list() {
	start h 80x24 "$TMP/many" &&
	waits h " 60/60" &&
	keys h PageDown PageDown k k k && sleep 0.3 &&
	snap h "$TMP/before" &&
	keys h / && keys h -l 'id:p07' && waits h " 1/60  filter: id:p07" &&
	keys h Escape && waits h "filter restored" &&
	waits h " 60/60" &&
	snap h "$TMP/after" && same "$TMP/before" "$TMP/after" &&
	keys h Enter && waits h "Duty 1 of posting" &&
	title=$(line h 1) && keys h q && waits h " 60/60" && sleep 0.3 &&
	snap h "$TMP/before" &&
	keys h / && keys h -l 'posting 0' && waits h "filter: posting 0" &&
	keys h Escape && waits h " 60/60" &&
	snap h "$TMP/after" && same "$TMP/before" "$TMP/after" &&
	keys h Enter && title_is h "$title" && keys h q
}
ok "/ then Esc puts back the cursor on its posting and the list's scroll" place_list

place_detail() {
	keys h Enter && title_is h "$title" && keys h j j j j && sleep 0.3 &&
	snap h "$TMP/before" &&
	keys h / && keys h -l 'id:p07' && waits h " 1/60  filter: id:p07" &&
	snap h "$TMP/typing" && same "$TMP/before" "$TMP/typing" &&
	keys h Escape && waits h "filter restored" &&
	snap h "$TMP/after" && same "$TMP/before" "$TMP/after" &&
	keys h q && waits h " 60/60" && keys h Enter && sleep 0.3 &&
	snap h "$TMP/after" && same "$TMP/before" "$TMP/after"
}
ok "in the full-screen detail the page stays while / is typed, and Esc leaves it as it was" place_detail

keep_detail() {
	id=$(printf '%s' "$title" | sed 's/Posting /p/') &&
	keys h / && keys h -l "id:$id or id:p07" && keys h Enter &&
	waits h " 2/60  filter: id:$id or id:p07" &&
	snap h "$TMP/after" && text "$TMP/before" >"$TMP/before.txt" &&
	text "$TMP/after" >"$TMP/after.txt" &&
	same "$TMP/before.txt" "$TMP/after.txt" &&
	keys h / C-u && keys h -l 'id:p07' && keys h Enter &&
	title_is h "Posting 07" &&
	shows h "leaves out $title: showing Posting 07" &&
	keys h q && waits h " 1/60  filter: id:p07" &&
	keys h Enter && title_is h "Posting 07" &&
	keys h Q && waits h "billet-exit=0"
}
ok "Enter keeps the filter: the detail stays when its posting is still listed, else shows the list's" keep_detail

place_split() {
	start i 120x40 "$TMP/many" &&
	waits i " 60/60" &&
	keys i 3 0 j Tab 6 j && waits i "Duty 4 of posting 31" && sleep 0.3 &&
	snap i "$TMP/before" &&
	keys i / && keys i -l 'id:p07' && waits i " 1/60  filter: id:p07" &&
	snap i "$TMP/typing" &&
	sed -n '1,30p' "$TMP/typing" | grep -q "Duty 4 of posting 31" &&
	keys i Escape && waits i " 60/60" &&
	snap i "$TMP/after" && same "$TMP/before" "$TMP/after" &&
	keys i Q && waits i "billet-exit=0"
}
ok "side by side with the focus in the detail, / keeps its page; Esc gives list and detail back" place_split

finish
