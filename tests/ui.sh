#!/bin/sh
# SPDX-License-Identifier: MIT
# The interactive interface, driven for real: billet runs in a detached
# tmux session of a fixed size, keys go in with send-keys, and the screen
# that capture-pane reads back is compared with what a person should see.
. "$SRCDIR/tests/lib.sh"

UI_TEST=tests/ui.sh
. "$SRCDIR/tests/uilib.sh"

# A: start-up on the sample postings at 80x24 ------------------------------
startup() {
	start a 80x24 &&
	waits a " 2/2" &&
	shows a "Policy Advocate and" &&
	shows a "Upstate Director of" &&
	shows a "from the sample postings" &&
	shows a "Title" && shows a "Organization" && shows a "Salary" &&
	shows a '$62.4k–67k'
}
ok "start-up at 80x24: both sample titles, the header and 2/2 on the status line" startup

moving() {
	keys a j Enter &&
	waits a "Organization: New York Immigration Coalition" &&
	[ "$(line a 1)" = "Upstate Director of Advocacy" ] &&
	keys a q && waits a "Title" &&
	keys a k Enter &&
	waits a "Policy Advocate and Organizer" &&
	[ "$(line a 1)" = "Policy Advocate and Organizer" ]
}
ok "j and k move the cursor; Enter opens the detail of that posting" moving

detail() {
	shows a 'Salary:       $62,400–$67,000 a year' &&
	shows a "Organization: ACLU Foundation of Southern California" &&
	keys a G && waits a "to request an accommodation for the interview process." &&
	keys a g && waits a "Department:   Advocacy" &&
	keys a q && waits a " 2/2" && shows a "Title"
}
ok "the detail shows the salary in full, scrolls with G and g; q goes back" detail

filtering() {
	keys a / k &&
	waits a "/k" &&
	keys a e r n &&
	waits a " 1/2  filter: kern" &&
	shows a "/kern" &&
	gone a "Upstate Director" &&
	keys a Enter && waits a "? help" &&
	shows a " 1/2  filter: kern" &&
	keys a '\' && waits a " 2/2  sort:" && shows a "Upstate Director"
}
ok "/ narrows the list on every key press; Enter keeps it; backslash clears it" filtering

bad_query() {
	keys a / s a l a r y && waits a " 1/2  filter: salary" &&
	keys a '>' '=' &&
	waits a "filter: expected a value after 'salary>=' at column 8" &&
	shows a " 1/2" && shows a "Policy Advocate and" &&
	keys a Escape && waits a "filter restored" &&
	shows a " 2/2  sort:" && shows a "Upstate Director"
}
ok "an invalid query shows the error and its column and keeps the last result; Esc restores" bad_query

keeps_selection() {
	keys a j && keys a / u p s t a t e Enter &&
	waits a " 1/2  filter: upstate" && waits a "? help" &&
	keys a '\' && waits a " 2/2  sort:" &&
	keys a Enter && waits a "Organization: New York Immigration Coalition" &&
	keys a q && waits a " 2/2  sort:" && keys a k
}
ok "the cursor stays on its posting as the filter narrows and widens" keeps_selection

line_editing() {
	keys a / p o l i c y && waits a "/policy" &&
	keys a C-a && keys a -l 'x' && waits a "/xpolicy" &&
	keys a Home Delete && waits a "/policy" &&
	keys a End BSpace && waits a "/polic" &&
	keys a Left Left && keys a -l 'Z' && waits a "/polZic" &&
	keys a C-e && keys a -l ' kern' && waits a "/polZic kern" &&
	keys a C-w && gone a "kern" && [ "$(line a 24)" = "/polZic" ] &&
	keys a C-u && waits a " 2/2" &&
	keys a Escape && waits a "filter restored"
}
ok "the prompt edits with Ctrl-A, Home, Delete, End, Backspace, Left, Ctrl-E, Ctrl-W, Ctrl-U" line_editing

sorting() {
	keys a s && waits a "sort: title" &&
	keys a S && waits a "sort: -title" &&
	line a 2 | grep -q "Upstate Director" &&
	line a 3 | grep -q "Policy Advocate" &&
	keys a S && waits a "sort: title" &&
	line a 2 | grep -q "Policy Advocate"
}
ok "s sorts by the next key and S reverses the order" sorting

help_screen() {
	keys a '?' && waits a "billet: keys" &&
	shows a "j  Down" && shows a "1-9" &&
	keys a 6 j && waits a "redraw the screen" &&
	keys a G && waits a "See billet(1)" &&
	keys a q && waits a " 2/2" && shows a "Title"
}
ok "? shows every key from the action table, scrolls, q closes it" help_screen

nothing_marked() {
	keys a e && waits a "the shortlist is empty" &&
	keys a Z && waits a "Z: no such key"
}
ok "e with nothing marked says the shortlist is empty; an unknown key says so" nothing_marked

small() {
	tm resize-window -t a -x 20 -y 5 &&
	waits a " 2/2" &&
	shows a "Policy Advocate" &&
	tm resize-window -t a -x 19 -y 4 &&
	waits a "terminal too small" &&
	tm resize-window -t a -x 80 -y 24 &&
	waits a "Organization" && shows a " 2/2" && shows a "Upstate Director"
}
ok "resized to 20x5 it still lists; smaller it says so; back at 80x24 all is back" small

quit() {
	keys a q &&
	waits a "billet-exit=0" &&
	gone a "Organization" &&
	[ "$(tm display -p -t a '#{alternate_on}')" = 0 ]
}
ok "q quits with status 0 and the terminal restored (the shell is back)" quit

tiny_start() {
	start t 20x5 "$D" &&
	waits t " 2/2" &&
	shows t "Policy Advocate" && shows t "Upstate Director" &&
	keys t Enter && waits t "Policy Advocate and" &&
	keys t Q && waits t "billet-exit=0"
}
ok "started at 20x5 it lists both postings and opens one" tiny_start

# B: side by side at 132x40 ------------------------------------------------
split() {
	start b 132x40 "$D" &&
	waits b " 2/2" &&
	shows b "Policy Advocate and Organizer" &&
	shows b 'Salary:       $62,400–$67,000 a year' &&
	keys b j &&
	waits b "Organization: New York Immigration Coalition" &&
	shows b "Policy Advocate and Organizer"
}
ok "at 132x40 list and detail are side by side and the detail follows the cursor" split

split_focus() {
	keys b Tab && keys b G &&
	gone b "Organization: New York Immigration Coalition" &&
	shows b "Upstate Director of Advocacy" &&
	keys b q && keys b k &&
	waits b 'Salary:       $62,400–$67,000 a year' &&
	keys b Enter && keys b G &&
	gone b 'Salary:       $62,400–$67,000 a year' &&
	keys b q && keys b j &&
	waits b "Organization: New York Immigration Coalition" &&
	keys b q && waits b "billet-exit=0"
}
ok "Tab and Enter move the focus into the detail, q brings it back, q again quits" split_focus

detail_search() {
	start c 80x24 "$D" &&
	waits c " 2/2" &&
	keys c / s p a n i s h Enter && waits c "filter: spanish" &&
	keys c Enter && waits c "Policy Advocate and Organizer" &&
	keys c n && waits c "match 1 of 2" &&
	keys c n && waits c "match 2 of 2" &&
	shows c "Bilingual Spanish preferred" &&
	keys c N && waits c "match 1 of 2" &&
	keys c Q && waits c "billet-exit=0"
}
ok "n and N go from match to match of the filter's words in the detail" detail_search

# C: what a posting holds cannot reach the terminal -------------------------
escapes() {
	start d 80x24 "$U/escapes.yaml" &&
	waits d " 2/2" &&
	shows d 'Evil ^[]0;pwned^G title ^[[31mred' &&
	shows d "Here^MThere" &&
	[ "$(tm display -p -t d '#{pane_title}')" != pwned ] &&
	keys d Enter && waits d "Organization: Org ^[[2J cleared" &&
	shows d 'Bidi \u202Eoverride\u202C and C1 \u0085 and backspace^H.' &&
	[ "$(tm display -p -t d '#{pane_title}')" != pwned ] &&
	keys d Q && waits d "billet-exit=0"
}
ok "escape sequences, CR, BS, C1 and bidi controls in a posting are drawn visibly, never obeyed" escapes

# The display column where TEXT starts on the line of session S holding it.
column_of() {
	prefix=$(screen "$1" | grep -F -- "$2" | head -n 1 | sed "s/$2.*//")
	printf '%s\n' "$prefix" | wc -L
}

wide() {
	start e 80x24 "$U/wide.yaml" &&
	waits e " 2/2" &&
	shows e "東京の求人広告デザイナー" &&
	ja=$(column_of e OrgJa) && en=$(column_of e OrgEn) &&
	echo "OrgJa at column $ja, OrgEn at column $en" &&
	[ "$ja" -gt 20 ] && [ "$ja" -eq "$en" ] &&
	ja=$(column_of e '¥5M') && en=$(column_of e '$60k') &&
	echo "salaries at columns $ja and $en" && [ "$ja" -eq "$en" ] &&
	keys e Q && waits e "billet-exit=0"
}
ok "wide (Japanese) text keeps the columns after it aligned" wide

# A kept key wider than half the pane: the key on lines of its own, the
# value in full below it, nothing cut at the pane's edge (above the status
# and message lines, which may cut a long path); full screen at
# 80x24, then in the detail pane of the split view at 120x40.
long_key() {
	start k 80x24 "$U/detail/long-key.yaml" &&
	waits k " 1/1" &&
	keys k Enter &&
	waits k "how_to_apply_for_this_position_if_you_live_outside_the_country:" &&
	shows k "  Send the application through the consulate form and include a copy of your" &&
	shows k "日本語のとても長いキーの名前はここにありますよ日本語のとても長いキー:" &&
	shows k "  値は長い文章です。値は長い文章です。値は長い文章です。" &&
	! sed '$d' "$TMP/screen" | sed '$d' | grep -qF "…" &&
	keys k Q && waits k "billet-exit=0" &&
	start l 120x40 "$U/detail/long-key.yaml" &&
	waits l "how_to_apply_for_this_position_if_you_live_outside_the_" &&
	shows l "│ country:" &&
	shows l "│   Send the application through the consulate form and" &&
	shows l "│   include a copy of your work permit." &&
	! sed '$d' "$TMP/screen" | sed '$d' | grep -qF "…" &&
	keys l Q && waits l "billet-exit=0"
}
ok "a kept key wider than half the pane goes on its own lines, its value below in full" long_key

problems() {
	# in the fixtures' directory, so the messages do not wrap with the path
	here=$U
	start f 80x24 problems.yaml &&
	here= &&
	waits f "4 problems: press !" &&
	shows f " 1/1" &&
	keys f '!' &&
	waits f "problems.yaml:6:8: error: title: expected text, found a list" &&
	keys f q && waits f "A fine posting" &&
	keys f Q && waits f "billet-exit=0"
}
ok "load problems are counted on the status line and listed by !" problems

# A file name with a newline: ^J on the status line and in the problems
# view, as --check writes it, never a space that hides it. The name goes
# to billet through a glob, as the line typed into the shell cannot hold
# a newline.
odd_name() {
	mkdir -p "$TMP/odd" && cp "$D/$A.yaml" "$TMP/odd/" &&
	printf 'title: [\n' >"$TMP/odd/bad
name.yaml" &&
	tm new-session -d -s n -x 100 -y 24 \
		"exec env -i PATH='$PATH' HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' sh" &&
	keys n "clear; cd '$TMP/odd'; '$BILLET' --state '$STATE' bad?name.yaml $A.yaml; echo billet-exit=\$?" Enter &&
	waits n "1 problem: press !" &&
	keys n '!' &&
	waits n "bad^Jname.yaml:2:1: error: YAML syntax" &&
	! grep -qF "bad name.yaml" "$TMP/screen" &&
	keys n q && keys n Q && waits n "billet-exit=0" &&
	keys n "clear; '$BILLET' --state '$STATE' bad?name.yaml; echo billet-exit=\$?" Enter &&
	waits n "from bad^Jname.yaml" &&
	keys n Q && waits n "billet-exit=0"
}
ok "a newline in a file's name is ^J on the status line and in the problems view" odd_name

reload() {
	mkdir -p "$TMP/r" && cp "$D"/*.yaml "$TMP/r/" &&
	start g 80x24 "$TMP/r" &&
	waits g " 2/2" &&
	keys g j && rm "$TMP/r/aclu-socal-kern-policy-advocate.yaml" &&
	keys g r && waits g "reloaded: 1 posting from 1 file" &&
	shows g " 1/1" && gone g "Policy Advocate" &&
	keys g Enter && waits g "Organization: New York Immigration Coalition" &&
	keys g Q && waits g "billet-exit=0"
}
ok "r reloads the files and keeps the cursor on the same posting" reload

# A long query pasted into / is filtered once, when the paste is taken
# in, not once for each of its keys: BILLET_BENCH_KEYS notes every key
# the prompt filters and draws for (the keys with more input waiting
# behind them are not). One typed key is filtered at once.
paste() {
	q=
	while [ ${#q} -lt 990 ]; do
		q="${q}advocacy policy "
	done
	printf '%skern' "$q" >"$TMP/q" &&
	keys g "clear; BILLET_BENCH_KEYS='$TMP/keys' '$BILLET' --state '$STATE' '$D'; echo billet-exit=\$?" Enter &&
	waits g " 2/2" &&
	keys g / && waits g " 2/2  sort:" &&
	: >"$TMP/keys" &&
	tm load-buffer "$TMP/q" && tm paste-buffer -t g &&
	waits g " 1/2  filter: advocacy policy advocacy" &&
	waits g "policy kern" &&
	keys g C-u && waits g " 2/2  sort:" &&
	keys g -l k && waits g " 2/2  filter: k" &&
	keys g Enter && waits g "? help" &&
	echo "$(wc -l <"$TMP/keys") filter passes for $(wc -c <"$TMP/q") keys and 2" &&
	[ "$(wc -l <"$TMP/keys")" -le 20 ] &&
	keys g Q && waits g "billet-exit=0"
}
ok "a 1,000-character query pasted into / is filtered once it is all in, not for every key" paste

# D: the terminal -----------------------------------------------------------
redirected() {
	start h 80x24 &&
	keys h Q && waits h "billet-exit=0" &&
	keys h "clear; '$BILLET' --state '$STATE' '$D' </dev/null >'$TMP/stdout' 2>&1; echo billet-exit=\$?" Enter &&
	waits h " 2/2" && waits h "Policy Advocate" &&
	keys h q && waits h "billet-exit=0" &&
	[ ! -s "$TMP/stdout" ]
}
ok "with stdin and stdout redirected the interface still runs on the terminal" redirected

sigterm() {
	keys h "clear; '$BILLET' --state '$STATE' '$D'; echo billet-exit=\$?" Enter &&
	waits h " 2/2" &&
	sh_pid=$(tm display -p -t h '#{pane_pid}') &&
	pid=$(ps -o pid= -o ppid= -o comm= -e |
	      awk -v p="$sh_pid" '$2 == p && $3 == "billet" { print $1 }') &&
	[ -n "$pid" ] && kill -TERM "$pid" &&
	waits h "billet-exit=143" &&
	[ "$(tm display -p -t h '#{alternate_on}')" = 0 ]
}
ok "SIGTERM leaves cleanly (status 143) with the terminal restored" sigterm

interrupt() {
	keys h "clear; '$BILLET' --state '$STATE' '$D'; echo billet-exit=\$?" Enter &&
	waits h " 2/2" &&
	keys h C-c && waits h "billet-exit=130" &&
	[ "$(tm display -p -t h '#{alternate_on}')" = 0 ]
}
ok "Ctrl-C (SIGINT) leaves cleanly with the terminal restored" interrupt

suspend() {
	# billet alone in its job, so the shell says "Stopped" only once
	# billet has given the terminal back
	keys h "clear; '$BILLET' --state '$STATE' '$D'" Enter &&
	waits h " 2/2" &&
	keys h C-z && waits h "Stopped" &&
	[ "$(tm display -p -t h '#{alternate_on}')" = 0 ] &&
	keys h "fg" Enter && waits h " 2/2" && waits h "Policy Advocate" &&
	keys h q && gone h "Policy Advocate" &&
	keys h "echo billet-exit=\$?" Enter && waits h "billet-exit=0"
}
ok "Ctrl-Z suspends with the terminal restored; fg draws the screen again" suspend

unknown_term() {
	keys h "clear; TERM=no-such-terminal '$BILLET' '$D'; echo billet-exit=\$?" Enter &&
	waits h "billet-exit=2" &&
	shows h "billet: unknown terminal type 'no-such-terminal'"
}
ok "an unknown TERM is refused with a message and status 2" unknown_term

dumb_term() {
	TERM=dumb "$BILLET" "$D" </dev/null >"$TMP/o" 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" "billet: TERM=dumb" &&
	env -u TERM "$BILLET" "$D" </dev/null >"$TMP/o" 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" "billet: TERM is not set"
}
ok "TERM=dumb or no TERM is refused with a message and status 2" dumb_term

no_color() {
	keys h "clear; NO_COLOR=1 '$BILLET' --state '$STATE' '$D'; echo billet-exit=\$?" Enter &&
	waits h " 2/2" &&
	tm capture-pane -e -p -t h >"$TMP/esc" &&
	! grep -q '\[3[0-7]m\|\[3[0-7];' "$TMP/esc" &&
	grep "Policy Advocate" "$TMP/esc" | grep -q '\[7m\|;7m' &&
	keys h q && waits h "billet-exit=0"
}
ok "NO_COLOR draws no colours and still shows the current row in reverse" no_color

no_color_option() {
	keys h "clear; '$BILLET' --no-color --state '$STATE' '$D'; echo billet-exit=\$?" Enter &&
	waits h " 2/2" &&
	tm capture-pane -e -p -t h >"$TMP/esc" &&
	! grep -q '\[3[0-7]m\|\[3[0-7];' "$TMP/esc" &&
	keys h q && waits h "billet-exit=0"
}
ok "--no-color draws no colours" no_color_option


# Issue 14: the help names the currency a bare salary figure is in (the
# one most postings use: euros here), and the filter and the salary sort
# follow it.
help_currency() {
	start q 120x40 --sort salary "$SRCDIR/tests/data/answers" &&
	waits q " 6/6" &&
	line q 2 | grep -q "Community Organizer" &&
	line q 5 | grep -q "Union Organizer" &&
	keys q '?' && waits q "billet: keys" &&
	keys q G && waits q "Salary figures are in EUR, the currency most postings use." &&
	shows q "salary>=50000EUR" &&
	keys q q && waits q " 6/6" &&
	keys q / && keys q -l "salary>=45000" && keys q Enter &&
	waits q " 1/6  filter: salary>=45000" && shows q "Policy Researcher" &&
	keys q / && keys q C-u && keys q -l "workplace:remote" && keys q Enter &&
	waits q " 1/6  filter: workplace:remote" &&
	keys q Q && waits q "billet-exit=0"
}
ok "? says what currency salary figures are in; the filter and sort follow it" help_currency

finish
