#!/bin/sh
# SPDX-License-Identifier: MIT
# Deadlines in the interface, driven for real in tmux (tests/uilib.sh):
# the list's flags (× closed, ! closing soon) and the closed rows dimmed,
# the detail's words, the compare view's Deadline row, the status line's
# count of the shortlist closing this week, is:closed and is:closing typed
# at the prompt; with colours and without, in UTF-8 and ASCII, at 120x40,
# 80x24 and 20x5; and the day rolling over at midnight in a session left
# open. Today is fixed (--today, BILLET_TODAY, or a clock preloaded), so
# nothing here depends on the real date.
. "$SRCDIR/tests/lib.sh"
UI_TEST=tests/ui-deadline.sh
. "$SRCDIR/tests/uilib.sh"

DL="$SRCDIR/tests/data/deadlines"
REAL="$BILLET"
mkdir -p "$TMP/bin"

# with NAME VAR=VALUE...: BILLET becomes $TMP/bin/NAME, which runs billet
# with the variables set (start's shell has a clean environment).
with() {
	w="$TMP/bin/$1"
	shift
	{
		echo '#!/bin/sh'
		for v in "$@"; do
			printf "%s='%s' " "${v%%=*}" "${v#*=}"
		done
		printf "exec '%s' \"\$@\"\n" "$REAL"
	} >"$w" && chmod +x "$w"
	BILLET=$w
}

# marked: field-lead (closes today), grants-writer (in 3 days),
# housing-counsel (closed), policy-director (open, 8 days off)
"$REAL" --state "$STATE" --mark \
	field-lead,grants-writer,housing-counsel,policy-director "$DL" ||
	exit 1

# row S TITLE: the line of session S's screen that shows TITLE.
row() { screen "$1" | grep -F -- "$2" | head -1; }

# sgr_dim: a pattern of grep -E for an SGR sequence that turns on dim
# (2 among its parameters).
sgr_dim="$(printf '\033')\\[([0-9;]*;)?2(;[0-9;]*)?m"

# dim_line S N: line N of session S is drawn dim (SGR 2) from its start.
dim_line() {
	tm capture-pane -e -p -t "$1" | sed -n "$2p" >"$TMP/esc"
	grep -Eq "^$sgr_dim" "$TMP/esc" && return 0
	echo "line $2 is not dim:"
	cat -v "$TMP/esc"
	return 1
}

# not_dim S N: line N of session S has no dim text.
not_dim() {
	tm capture-pane -e -p -t "$1" | sed -n "$2p" >"$TMP/esc"
	! grep -Eq "$sgr_dim" "$TMP/esc" && return 0
	echo "line $2 is dim:"
	cat -v "$TMP/esc"
	return 1
}

# dim_before S TEXT: session S draws TEXT dim.
dim_before() {
	tm capture-pane -e -p -t "$1" >"$TMP/esc"
	sgr="$(printf '\033')\\[[0-9;]*m"
	grep -Eq "$sgr_dim($sgr)*$2" "$TMP/esc" && return 0
	echo "not dim: $2"
	cat -v "$TMP/esc"
	return 1
}

# A: 80x24, UTF-8, colours ------------------------------------------------
list_80() {
	start a 80x24 --today 2026-12-07 "$DL" &&
	waits a " 9/9" &&
	waits a "loaded: 9 postings from 1 file; 2 marked close this week" &&
	shows a " 9/9  2 marked close this week  sort: file order" &&
	row a "Housing Counselor" | grep -q '^\*N× Housing Counselor' &&
	row a "Youth Organizer" | grep -q '^ N× Youth Organizer' &&
	row a "Field Lead" | grep -q '^\*N! Field Lead' &&
	row a "Data Analyst" | grep -q '^ N! Data Analyst' &&
	row a "Policy Director" | grep -q '^\*N  Policy Director' &&
	row a "Canvass Captain" | grep -q '^ N  Canvass Captain' &&
	# the apply deadline counts, and shows in the column
	row a "Legal Intake" | grep -q '^ N! Legal Intake.*2026-12-09' &&
	# closed rows dimmed (the current one too), the others not
	dim_line a 2 && dim_line a 3 && not_dim a 4 && not_dim a 8
}
ok "80x24: × closed and ! closing soon in the flags, closed rows dim, the count on the status line and at start" list_80

# next S: from the detail of session S, the detail of the next posting.
next() { keys "$1" q && waits "$1" " 9/9" && keys "$1" j Enter; }

detail_words() {
	keys a g Enter &&
	waits a "Deadline:     2026-12-04 — closed 3 days ago" &&
	dim_before a "2026-12-04 — closed 3 days ago" &&
	next a && waits a "Deadline:     closed on 2026-10-30" &&
	next a && waits a "Deadline:     2026-12-07 — closes today" &&
	next a && waits a "Deadline:     2026-12-08 — closes tomorrow" &&
	next a && waits a "Deadline:     2026-12-10 — closes in 3 days" &&
	next a && waits a "Deadline:     2026-12-14 — closes in 7 days" &&
	next a && waits a "Deadline:     2026-12-15" &&
	! shows a "closes" >/dev/null &&
	next a && waits a "Deadline:     rolling" &&
	next a && waits a "How to apply" &&
	waits a "Deadline:     2026-12-09 — closes in 2 days" &&
	keys a q && waits a " 9/9"
}
ok "the detail says closed 3 days ago, closed on DATE, closes today, tomorrow, in 3 days; not for text" detail_words

prompt_terms() {
	keys a / && keys a -l 'is:closed' && waits a " 2/9  2 marked" &&
	shows a "Housing Counselor" && shows a "Youth Organizer" &&
	! shows a "Field Lead" >/dev/null &&
	keys a C-u && keys a -l ' -is:closed' && waits a " 7/9" &&
	! shows a "Housing Counselor" >/dev/null &&
	keys a C-u && keys a -l 'is:closing is:marked' && waits a " 2/9" &&
	shows a "Field Lead" && shows a "Grants Writer" &&
	keys a Enter && waits a "? help" && keys a '\' && waits a " 9/9"
}
ok "is:closed, -is:closed and is:closing narrow the list as they are typed" prompt_terms

count_follows() {
	# a third marked posting closing soon; a marked one hidden, then
	# unmarked, each undone with u
	keys a g && keys a / && keys a -l 'title:"data analyst"' && keys a Enter &&
	waits a " 1/9" && keys a m &&
	waits a "3 marked close this week" &&
	keys a '\' && waits a " 9/9" &&
	keys a / && keys a -l 'title:"field lead"' && keys a Enter && waits a " 1/9" &&
	keys a x && waits a " 0/9  2 marked close this week" &&
	keys a u && waits a " 1/9  3 marked close this week" &&
	keys a m && waits a " 1/9  2 marked close this week" &&
	keys a u && waits a " 1/9  3 marked close this week" &&
	keys a '\' && waits a " 9/9"
}
ok "the count follows marks, unmarks and hiding (undone with u)" count_follows

compare_row() {
	keys a c && waits a "Deadline" &&
	screen a | grep -q '^\* Deadline' &&
	shows a "closed 3 days" && shows a "closes today" &&
	tm capture-pane -e -p -t a >"$TMP/esc" &&
	grep -F "Deadline" "$TMP/esc" >"$TMP/drow" &&
	sgr="$(printf '\033')\\[[0-9;]*m" &&
	grep -Eq "$sgr_dim($sgr)*2026-12-($sgr)*04" "$TMP/drow" ||
		{ cat -v "$TMP/drow"; return 1; }
	keys a q && waits a " 9/9" && keys a q && waits a "billet-exit=0"
}
ok "compare: the Deadline row says closed and closing, the closed cell dim" compare_row

# B: --no-color, an ASCII locale, BILLET_TODAY -----------------------------
ascii() {
	with ascii LC_ALL=C BILLET_TODAY=2026-12-07 &&
	start b 80x24 --no-color "$DL" &&
	waits b " 9/9  3 marked close this week" &&
	row b "Housing Counselor" | grep -q '^\*.X Housing Counselor' &&
	row b "Field Lead" | grep -q '^\*.! Field Lead' &&
	row b "Policy Director" | grep -q '^\*.  Policy Director' &&
	row b "Canvass Captain" | grep -q '^ .  Canvass Captain' &&
	dim_line b 2 && not_dim b 4 &&
	keys b Enter && waits b "Deadline:     2026-12-04 - closed 3 days ago" &&
	keys b q && keys b q && waits b "billet-exit=0"
}
ok "--no-color in an ASCII locale: X closed and ! closing still there, the row dim, the words" ascii

# C: 120x40 side by side, and 20x5 ----------------------------------------
sizes() {
	BILLET=$REAL
	start c 120x40 --today 2026-12-07 "$DL" &&
	waits c " 9/9  3 marked close this week  sort: file order" &&
	screen c | grep -q '^\*.× Housing Counselor  ' &&
	shows c "Deadline:     2026-12-04 — closed 3 days ago" &&
	keys c j j && waits c "Deadline:     2026-12-07 — closes today" &&
	keys c Q && waits c "billet-exit=0" &&
	start d 20x5 --today 2026-12-07 "$DL" &&
	waits d " 9/9  3 marked clos" &&
	keys d j && waits d "× Youth Organizer" &&
	keys d j && waits d "* Field Lead" &&
	keys d Q && waits d "billet-exit=0"
}
ok "120x40: the flags and the detail side by side; 20x5: the one flag left" sizes

# D: the day rolls over in a session left open -----------------------------
CLOCK_SO="${BUILDDIR:-.}/tests/faults/clock.so"
rollover() {
	"$REAL" --state "$STATE" --unmark policy-director "$DL" &&
	# 23:59:00 on 2026-12-07, UTC; then a minute past midnight
	echo 1796687940 >"$TMP/clock" &&
	with clock TZ=UTC0 LD_PRELOAD="$CLOCK_SO" BILLET_CLOCK="$TMP/clock" \
		ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0" &&
	start e 80x24 --filter is:closing "$DL" &&
	waits e " 5/9  3 marked close this week  filter: is:closing" &&
	shows e "Field Lead" && ! shows e "Policy Director" >/dev/null &&
	echo 1796688060 >"$TMP/clock" &&
	waits e " 5/9  2 marked close this week  filter: is:closing" &&
	shows e "Policy Director" && ! shows e "Field Lead" >/dev/null &&
	keys e '\' && waits e " 9/9" &&
	row e "Field Lead" | grep -q '^\*.× Field Lead' &&
	keys e g j j Enter &&
	waits e "Deadline:     2026-12-07 — closed yesterday" &&
	keys e Q && waits e "billet-exit=0"
}
if [ -f "$CLOCK_SO" ]; then
	ok "past midnight the list, its flags and the count follow the new day" rollover
else
	echo "$UI_TEST: $CLOCK_SO is not built (make check builds it)"
	exit 99
fi

# E: closing-days set at the : prompt ------------------------------------
closing_days() {
	BILLET=$REAL
	start f 80x24 --today 2026-12-07 "$DL" &&
	waits f " 9/9  3 marked close this week" &&
	screen f | grep -q '^\*.! Grants Writer' &&
	keys f : && keys f -l 'set closing-days = 1' && keys f Enter &&
	waits f " 9/9  1 marked closes by tomorrow" &&
	screen f | grep -q '^\*.  Grants Writer' &&
	screen f | grep -q '^ .! Communications Fellow' &&
	keys f / && keys f -l 'is:closing' && keys f Enter &&
	waits f " 2/9  1 marked closes by tomorrow" &&
	! shows f "Legal Intake" >/dev/null &&
	keys f g Enter && waits f "Deadline:     2026-12-07 — closes today" &&
	keys f q && keys f : && keys f -l 'set closing-days = 3' &&
	keys f Enter && waits f " 4/9  2 marked close within 3 days" &&
	shows f "Legal Intake" && shows f "Grants Writer" &&
	keys f Q && waits f "billet-exit=0"
}
ok ":set closing-days changes the flags, is:closing and the count at once" closing_days

finish
