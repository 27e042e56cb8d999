#!/bin/sh
# SPDX-License-Identifier: MIT
# The compare view, driven for real in tmux (tests/uilib.sh): c from the
# list, the header, the marked rows, rows that wrap and scroll together,
# n and N between differences, d, the focus (h, l, Tab) and what acts on
# it, the base column frozen while the others scroll, q back to the list,
# wide characters, and the sizes 80x24, 120x30, 160x40 and 20x5.
. "$SRCDIR/tests/lib.sh"
UI_TEST=tests/ui-compare.sh
. "$SRCDIR/tests/uilib.sh"

C="$U/compare"
STATES="$TMP/states"
mkdir -p "$STATES"

# skip DESCRIPTION REASON: counts a check that cannot run here as passed,
# saying so (TAP's SKIP).
skip() {
	n=$((n + 1))
	passed=$((passed + 1))
	echo "ok $n - $1 # SKIP $2"
}

# page_all S [PAGES]: from the top, pages down through the view of session
# S until the screen stops changing, keeping every screen in $TMP/pages.
page_all() {
	: >"$TMP/pages"
	keys "$1" g && sleep 0.2
	i=0
	prev=
	while [ "$i" -lt "${2:-30}" ]; do
		cur=$(screen "$1")
		[ "$cur" = "$prev" ] && return 0
		printf '%s\n' "$cur" >>"$TMP/pages"
		prev=$cur
		keys "$1" PageDown && sleep 0.15
		i=$((i + 1))
	done
}

# at_top S REGEX: polls until the first row of session S (under the titles
# and the line of marks) matches REGEX.
at_top() {
	i=0
	while [ "$i" -lt 50 ]; do
		line "$1" 3 | grep -q -- "$2" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "the first row is not $2:"
	sed 's/^/|/' "$TMP/screen"
	return 1
}

# dcol TEXT: the display column where the fixed string TEXT starts in the
# line read on standard input.
dcol() {
	prefix=$(grep -F -- "$1" | head -n 1 | sed "s/$1.*//")
	printf '%s\n' "$prefix" | wc -L
}

# bars_aligned S: every line of session S that has column bars has them
# at the same display columns (wide characters take two).
bars_aligned() {
	screen "$1" >/dev/null
	grep '│' "$TMP/screen" | while IFS= read -r l; do
		rest=$l
		cols=
		while case $rest in *│*) true ;; *) false ;; esac; do
			before=${rest%%│*}
			cols="$cols $(printf '%s\n' "$before" | wc -L)"
			rest=${rest#*│}
		done
		echo "$cols"
	done | sort -u >"$TMP/bars"
	cat "$TMP/bars"
	[ "$(wc -l <"$TMP/bars")" -eq 1 ]
}

# reversed S TEXT: on the first line of session S, TEXT is drawn reversed
# (the attributes set since the column bar before it include 7).
reversed() {
	tm capture-pane -e -p -t "$1" | sed -n 1p >"$TMP/esc1"
	grep -qF -- "$2" "$TMP/esc1" || { echo "no $2 on line 1"; return 1; }
	sed "s/$2.*//; s/.*[│║|]//" "$TMP/esc1" |
		grep -o "$(printf '\033')\\[[0-9;]*m" |
		grep -q '[[;]7[;m]' && return 0
	echo "$2 is not reversed:"
	cat -v "$TMP/esc1"
	return 1
}

# entry ID: the lines of the state file's entry for ID.
entry() { awk -v id="$1:" '$0 == id { on = 1; next } /^[^ ]/ { on = 0 } on' "$STATE"; }

# A: the sample postings at 80x24 ------------------------------------------
STATE="$STATES/a.yaml"
open_pair() {
	start a 80x24 "$D" &&
	waits a " 2/2" &&
	keys a c && waits a "comparing 2 postings" &&
	line a 1 | grep -qF "Policy Advocate and Organizer" &&
	line a 1 | grep -qF "Upstate Director of Advocacy" &&
	line a 2 | grep -q '^  Shortlist  *│ not marked  *│ not marked$' &&
	line a 3 | grep -q '^\* Title  *│ Policy Advocate and Organizer *│ Upstate Director of Advocacy' &&
	shows a '* Salary' && shows a '$62,400–$67,000 a year'
}
ok "c with nothing marked compares the current and the next posting: both titles in the header, the marks under them, Title marked *, a Salary row" open_pair

wraps_together() {
	# Organization wraps in the first column: the second line of the row
	# has an empty label and the rest of the name
	shows a '* Organization   │ ACLU Foundation of Southern   │ New York Immigration' &&
	shows a '                 │ California                    │ Coalition' &&
	keys a j && at_top a '^\* Organization   │ ACLU' &&
	keys a j && at_top a '^  *│ California  *│ Coalition' &&
	keys a k k && at_top a '^\* Title'
}
ok "a row wraps to the column width and its lines scroll together" wraps_together

next_diff() {
	keys a n && waits a "difference 1 of" &&
	at_top a '^\* Title' &&
	keys a n && waits a "difference 2 of" &&
	at_top a '^\* Organization' &&
	keys a n n n n n && waits a "difference 7 of" &&
	at_top a '^\* Salary' &&
	keys a N && waits a "difference 6 of" &&
	at_top a '^\* Employment'
}
ok "n jumps to the next row that differs, scrolled to the top; N to the previous" next_diff

no_more() {
	keys a G && sleep 0.2 &&
	i=0 &&
	while [ "$i" -lt 40 ] && ! screen a | grep -q "no more differences"; do
		keys a n && sleep 0.05
		i=$((i + 1))
	done &&
	waits a "no more differences below" &&
	keys a g N && waits a "no more differences above"
}
ok "at the last difference n says there are no more; at the top N does" no_more

diff_only_80() {
	keys a d && waits a "differences only" &&
	page_all a &&
	grep -qF "── Qualifications" "$TMP/pages" &&
	grep -qF "• Attend community meetings." "$TMP/pages" &&
	grep -F "• At least 2 years of" "$TMP/pages" |
		grep -qF "• At least 5-10 years of" &&
	keys a d && waits a "all rows"
}
ok "d shows only the rows that differ: a unique item, and items paired but different (2 years of organizing beside 5-10 years of relevant experience); d again all rows" diff_only_80

back_to_list() {
	keys a q && waits a " 2/2  sort:" && shows a "Title" &&
	gone a "difference" &&
	keys a Enter && waits a "Organization: ACLU Foundation" &&
	[ "$(line a 1)" = "Policy Advocate and Organizer" ] &&
	keys a q && waits a " 2/2  sort:"
}
ok "q returns to the list, the cursor on the posting it was on" back_to_list

no_next() {
	keys a j c && waits a "no next posting to compare with" &&
	shows a " 2/2  sort:" && keys a k
}
ok "c on the last posting with nothing marked says there is no next one" no_next

resize() {
	keys a c && waits a "comparing 2 postings" &&
	tm resize-window -t a -x 20 -y 5 &&
	waits a "│" && shows a "2 post" &&
	tm resize-window -t a -x 120 -y 30 &&
	waits a '* Organization   │ ACLU Foundation of Southern California' &&
	tm resize-window -t a -x 80 -y 24 &&
	waits a '* Organization   │ ACLU Foundation of Southern   │' &&
	keys a Q && waits a "billet-exit=0"
}
ok "resized to 20x5 and back the columns are laid out again" resize

# B: the sample postings at 160x40 -----------------------------------------
spanish_row() {
	start b 160x40 "$D" &&
	waits b " 2/2" &&
	keys b c && waits b "comparing 2 postings" &&
	page_all b &&
	grep -F "Bilingual Spanish preferred" "$TMP/pages" |
		grep -qF "Proficiency in Spanish" &&
	grep -F "Flexible team player" "$TMP/pages" |
		grep -qF "Good team player"
}
ok "at 160 columns the items that say the same thing share a screen line (Spanish, team player)" spanish_row

diff_only_160() {
	keys b d && waits b "differences only" &&
	page_all b &&
	grep -F "Bilingual Spanish preferred" "$TMP/pages" |
		grep -qF "Proficiency in Spanish" &&
	grep -qF "Availability to work evenings" "$TMP/pages" &&
	grep -qF "* Salary" "$TMP/pages" &&
	keys b d && waits b "all rows" &&
	keys b q && waits b " 2/2  sort:" &&
	keys b Q && waits b "billet-exit=0"
}
ok "at 160 columns d keeps the fields, the unique items and the pairs whose words differ" diff_only_160

# C: four marked postings at 80x24 ------------------------------------------
STATE="$STATES/c.yaml"
for id in cmp-a cmp-b cmp-c cmp-d; do
	"$BILLET" --state "$STATE" --mark "$id" "$C" || echo "cannot mark $id"
done
start c 80x24 "$C"
if waits c " 5/5" >/dev/null && line c 2 | grep -q '^\*'; then
	four() {
		keys c c && waits c "comparing 4 postings, 2 at a time" &&
		line c 1 | grep -qF "1,2 of 4" &&
		line c 1 | grep -qF "Alpha Field Organizer" &&
		line c 1 | grep -qF "Beta Policy Analyst" &&
		! shows c "Gamma" >/dev/null &&
		shows c '* Salary' && shows c '+$5,000 (+9%)'
	}
	ok "c with four marked (one unmarked between) compares the four, two at a time at 80 columns" four

	columns() {
		keys c l && waits c "column 2 of 4: Beta Policy Analyst" &&
		line c 1 | grep -qF "1,2 of 4" &&
		keys c l && waits c "1,3 of 4" &&
		line c 1 | grep -q "^1,3 of 4 *│ Alpha Field Organizer *║ ‹ Gamma Community Manager" &&
		! line c 1 | grep -qF "Beta" &&
		shows c '+$7,400 (+13%) vs Alpha Field' &&
		keys c l && waits c "1,4 of 4" &&
		line c 1 | grep -q "Alpha Field Organizer *║ ‹ Delta Data Steward" &&
		keys c l && waits c "no more postings to the right" &&
		keys c h && waits c "column 3 of 4" && line c 1 | grep -qF "1,3 of 4" &&
		keys c h && waits c "column 2 of 4" && line c 1 | grep -qF "1,2 of 4" &&
		keys c h && waits c "column 1 of 4" && line c 1 | grep -qF "1,2 of 4" &&
		keys c h && waits c "no more postings to the left" &&
		keys c Right && waits c "column 2 of 4" && keys c Left &&
		waits c "column 1 of 4"
	}
	ok "h and l (and the arrows) move the focus, and scroll the columns past the edge; the first posting stays on the left (frozen) and the differences say what they are against" columns

	five() {
		keys c q && waits c " 5/5  sort:" && keys c q &&
		waits c "billet-exit=0" &&
		"$BILLET" --state "$STATE" --mark cmp-ja "$C" &&
		start c2 160x40 "$C" && waits c2 " 5/5" &&
		keys c2 c && waits c2 "5 postings are marked: comparing the first 4" &&
		line c2 1 | grep -qF "4 postings" &&
		line c2 1 | grep -qF "東京の求人広告デザイナー" &&
		! line c2 1 | grep -qF "Delta" &&
		keys c2 Q && waits c2 "billet-exit=0"
	}
	ok "with five marked c compares the first four in list order and says so" five
else
	reason="the list shows no marks yet (the state is not opened by the interface)"
	skip "c with four marked compares the four, two at a time at 80 columns" "$reason"
	skip "h and l move the focus and scroll the columns" "$reason"
	skip "with five marked c compares the first four" "$reason"
	keys c Q
fi

# D: wide characters, and where q leaves the cursor -------------------------
STATE="$STATES/d.yaml"
wide() {
	start d 80x24 "$C" && waits d " 5/5" &&
	keys d j j j c && waits d "comparing 2 postings" &&
	line d 1 | grep -qF "東京の求人広告デザイナー" &&
	line d 3 | grep -qF "Delta Data Steward" &&
	org=$(screen d | dcol "Delta Org") &&
	ttl=$(screen d | dcol "Delta Data Steward") &&
	loc=$(screen d | dcol "Chicago, IL, US") &&
	echo "Delta at columns $ttl, $org, $loc" &&
	[ "$org" -eq "$ttl" ] && [ "$loc" -eq "$ttl" ] &&
	bars_aligned d &&
	shows d "• Pythonの実務経験三年以上、"
}
ok "Japanese text on the left keeps the columns aligned (bars and cells)" wide

cursor_kept() {
	keys d q && waits d " 5/5  sort:" &&
	keys d Enter && waits d "Organization: 株式会社テスト" &&
	keys d q && waits d " 5/5  sort:" &&
	keys d Q && waits d "billet-exit=0"
}
ok "after q the list's cursor is still on the posting compared first" cursor_kept

wide_160() {
	start e 160x40 "$C" && waits e " 5/5" &&
	keys e j j j c && waits e "comparing 2 postings" &&
	bars_aligned e &&
	keys e Q && waits e "billet-exit=0"
}
ok "at 160 columns too" wide_160

# E: 20x5 and NO_COLOR -------------------------------------------------------
STATE="$STATES/e.yaml"
tiny() {
	start t 20x5 "$D" && waits t " 2/2" &&
	keys t c && waits t "comparing" &&
	line t 1 | grep -q "│ Policy" &&
	keys t n && waits t "difference 1 of" &&
	keys t l && waits t "‹ Upstate" &&
	keys t q && waits t " 2/2  sort" &&
	keys t Q && waits t "billet-exit=0"
}
ok "at 20x5 it shows one posting at a time, n and l still work, q goes back" tiny

no_color() {
	keys t "clear; NO_COLOR=1 '$BILLET' --state '$STATE' '$D'; echo billet-exit=\$?" Enter &&
	waits t " 2/2" &&
	tm resize-window -t t -x 80 -y 24 &&
	keys t c && waits t "comparing 2 postings" &&
	tm capture-pane -e -p -t t >"$TMP/esc" &&
	! grep -q '\[3[0-7]m\|\[3[0-7];\|\[4[0-7]m' "$TMP/esc" &&
	shows t '* Title' && shows t '* Salary' &&
	keys t Q && waits t "billet-exit=0"
}
ok "with NO_COLOR no colours are drawn and the markers still show" no_color

# F: marked postings the list does not show ---------------------------------
STATE="$STATES/f.yaml"
for id in cmp-b cmp-d; do
	"$BILLET" --state "$STATE" --mark "$id" "$C" || echo "cannot mark $id"
done
filtered_out() {
	start f 160x40 "$C" && waits f " 5/5" &&
	keys f / && keys f -l beta && keys f Enter &&
	waits f " 1/5  filter: beta" &&
	keys f c && waits f "comparing 2 postings (1 not in the list)" &&
	line f 1 | grep -q "Beta Policy Analyst.*Delta Data Steward"
}
ok "c compares the marked postings when the filter shows only one of them, the one shown first" filtered_out

reload_filtered() {
	keys f r && waits f "reloaded: 5 postings" &&
	line f 1 | grep -q "Beta Policy Analyst.*Delta Data Steward" &&
	keys f q && waits f " 1/5  filter: beta" &&
	keys f '\' && waits f " 5/5  sort:"
}
ok "r in that comparison keeps both postings; q goes back to the filtered list" reload_filtered

hidden_order() {
	keys f G x && waits f "hidden (/is:hidden shows it): Delta" &&
	keys f g m && waits f "marked (3 on the shortlist): Alpha" &&
	keys f S && waits f "sort: file order, reversed" &&
	keys f c && waits f "comparing 3 postings (1 not in the list)" &&
	line f 1 | grep -q "Beta Policy Analyst.*Alpha Field Organizer.*Delta Data Steward" &&
	keys f q && waits f " 4/5  sort:" &&
	keys f Q && waits f "billet-exit=0"
}
ok "a marked posting hidden with x is compared too, after the marked ones shown in the list's order" hidden_order

# G: the focus, and the actions on the posting in focus ---------------------
STATE="$STATES/g.yaml"
N=nyic-upstate-director-advocacy
focus_keys() {
	start g 80x24 "$D" && waits g " 2/2" &&
	keys g c && waits g "comparing 2 postings" &&
	reversed g "Policy Advocate and Organizer" &&
	! reversed g "Upstate Director of Advocacy" >/dev/null &&
	keys g Tab && waits g "column 2 of 2: Upstate Director of Advocacy" &&
	reversed g "Upstate Director of Advocacy" &&
	! reversed g "Policy Advocate and Organizer" >/dev/null &&
	keys g Tab && waits g "column 1 of 2: Policy Advocate" &&
	keys g l && waits g "column 2 of 2" &&
	keys g l && waits g "no more postings to the right" &&
	keys g h && waits g "column 1 of 2" &&
	keys g h && waits g "no more postings to the left" &&
	keys g l && waits g "column 2 of 2"
}
ok "Tab, h and l move the focus between the columns (its title reversed), all of them shown at 80 columns" focus_keys

filter_in_compare() {
	keys g / && sleep 0.2 && keys g Escape && waits g "filter restored" &&
	keys g q && waits g " 2/2  sort:" &&
	keys g Enter && waits g "Organization: ACLU Foundation" &&
	keys g q && waits g " 2/2  sort:" &&
	keys g c && waits g "comparing 2 postings" &&
	keys g Tab && waits g "column 2 of 2"
}
ok "/ then Esc in compare puts the list back where it was, not on the column in focus" filter_in_compare

mark_focused() {
	keys g m && waits g "marked (1 on the shortlist): Upstate Director of Advocacy" &&
	line g 2 | grep -q '^  Shortlist  *│ not marked  *│ \* marked$' &&
	entry "$N" | grep -qx '  marked: true' &&
	! entry "$A" | grep -q 'marked' &&
	keys g p i && waits g "status interested: Upstate Director" &&
	entry "$N" | grep -q '^  status: interested' &&
	keys g R 4 && waits g "Upstate Director" &&
	i=0 && while [ "$i" -lt 30 ] && ! entry "$N" | grep -qx '  rating: 4'; do
		sleep 0.1; i=$((i + 1)); done &&
	entry "$N" | grep -qx '  rating: 4' &&
	keys g x && waits g "hidden (/is:hidden shows it): Upstate Director" &&
	entry "$N" | grep -qx '  hidden: true' &&
	line g 2 | grep -q '│ \* marked, hidden, 4/5, inter' &&
	! entry "$A" | grep -q 'marked\|rating\|status\|hidden'
}
ok "m, p, R 4 and x in compare act on the column in focus, not the list's current posting (the state file says so, and the line under the titles)" mark_focused

list_kept() {
	keys g q && waits g " 1/2  sort:" &&
	keys g Enter && waits g "Organization: ACLU Foundation" &&
	keys g q && waits g " 1/2  sort:" &&
	keys g Q && waits g "billet-exit=0"
}
ok "back in the list its cursor is still on the posting it was on" list_kept

# H: the message follows the size -----------------------------------------
STATE="$STATES/h.yaml"
for id in cmp-a cmp-b cmp-c cmp-d; do
	"$BILLET" --state "$STATE" --mark "$id" "$C" || echo "cannot mark $id"
done
resize_message() {
	start h 120x30 "$C" && waits h " 5/5" &&
	keys h c && waits h "comparing 4 postings, 3 at a time" &&
	line h 1 | grep -qF "1,2–3 of 4" &&
	tm resize-window -t h -x 80 -y 24 &&
	waits h "comparing 4 postings, 2 at a time" &&
	! shows h "3 at a time" >/dev/null &&
	line h 1 | grep -qF "1,2 of 4" &&
	tm resize-window -t h -x 160 -y 30 &&
	waits h "comparing 4 postings: n N differences" &&
	line h 1 | grep -qF "4 postings" &&
	keys h l && waits h "column 2 of 4" &&
	tm resize-window -t h -x 80 -y 24 &&
	waits h "1,2 of 4" && shows h "column 2 of 4" &&
	keys h Q && waits h "billet-exit=0"
}
ok "after a resize the message says how many postings are shown at a time now (and is left alone once something else was said)" resize_message

# I: items the same but for case and punctuation, and items that differ ---
STATE="$STATES/i.yaml"
W="$U/compare-words"
same_items() {
	start i 80x24 "$W" && waits i " 2/2" &&
	keys i c && waits i "comparing 2 postings" &&
	shows i '  │ • Attend community meetings.  │ • attend community meetings' &&
	screen i | grep -q '^\*  *│ • At least 2 years of  *│ • At least 5-10 years of' &&
	keys i d && waits i "differences only" &&
	! shows i "Attend community" >/dev/null &&
	shows i "• At least 2 years of" && shows i "• At least 5-10 years of" &&
	keys i d && waits i "all rows" &&
	keys i n n && waits i "difference 2 of 2" &&
	keys i n && waits i "no more differences below"
}
ok "items equal but for case and punctuation stay equal (d hides them); a pair that differs is marked, shown by d, reached by n" same_items

# ul FILE WORD: in FILE (a screen with its escapes) WORD is drawn
# underlined (an SGR with the parameter 4 just before it) and ends there.
ul() {
	e=$(printf '\033')
	grep -q "$e\\[\\([0-9]*;\\)*4\\(;[0-9]*\\)*m\\($e\\[[0-9;]*m\\)*$2$e" "$1"
}

underlined() {
	tm capture-pane -e -p -t i >"$TMP/esc" &&
	ul "$TMP/esc" 2 && ul "$TMP/esc" organizing &&
	ul "$TMP/esc" 5-10 && ul "$TMP/esc" relevant &&
	! ul "$TMP/esc" "At least" && ! ul "$TMP/esc" "years of" &&
	keys i Q && waits i "billet-exit=0" &&
	keys i "clear; NO_COLOR=1 '$BILLET' --state '$STATE' '$W'; echo billet-exit=\$?" Enter &&
	waits i " 2/2" && keys i c && waits i "comparing 2 postings" &&
	tm capture-pane -e -p -t i >"$TMP/esc" &&
	! grep -q '\[3[0-7]m\|\[3[0-7];\|\[4[0-7]m' "$TMP/esc" &&
	ul "$TMP/esc" 2 && ul "$TMP/esc" relevant &&
	keys i Q && waits i "billet-exit=0"
}
ok "the words that differ within a pair are drawn underlined and bold, with NO_COLOR too" underlined

finish
