#!/bin/sh
# SPDX-License-Identifier: MIT
# The shortlist through the binary: --mark, --unmark, --list --shortlist,
# --state, the default state file, and a corrupt state file left alone.
. "$SRCDIR/tests/lib.sh"
D="$SRCDIR/data"
A=aclu-socal-kern-policy-advocate
N=nyic-upstate-director-advocacy
S="$TMP/st/state.yaml"

mark_silently() {
	"$BILLET" --state "$S" --mark "$A" "$D" >"$TMP/o" 2>"$TMP/e" &&
	[ ! -s "$TMP/o" ] && [ ! -s "$TMP/e" ] &&
	contains "$S" "$A:" && contains "$S" "marked: true"
}
ok "--mark saves the mark, silently, making the directory" mark_silently

dir_mode() {
	[ "$(stat -c %a "$TMP/st")" = 700 ] && [ "$(stat -c %a "$S")" = 600 ]
}
ok "the state file is private" dir_mode

shortlist_tsv() {
	"$BILLET" --state "$S" --list --shortlist --format tsv "$D" \
		>"$TMP/l" &&
	[ "$(wc -l <"$TMP/l")" -eq 1 ] &&
	contains "$TMP/l" "$A	Policy Advocate and Organizer" &&
	[ "$(cut -f 8 "$TMP/l")" = 1 ]
}
ok "--list --shortlist --format tsv shows only the marked posting" \
	shortlist_tsv

full_list_marks() {
	"$BILLET" --state "$S" --list --format tsv "$D" >"$TMP/l" &&
	[ "$(wc -l <"$TMP/l")" -eq 2 ] &&
	[ "$(grep "^$A	" "$TMP/l" | cut -f 8)" = 1 ] &&
	[ "$(grep "^$N	" "$TMP/l" | cut -f 8)" = 0 ]
}
ok "--list shows the marked column from the state" full_list_marks

filter_marked() {
	"$BILLET" --state "$S" --list --filter is:marked --format tsv "$D" \
		>"$TMP/l" &&
	[ "$(cut -f 1 "$TMP/l")" = "$A" ]
}
ok "--filter is:marked reads the state" filter_marked

mark_second() {
	"$BILLET" --state "$S" --mark "$N" "$D" &&
	"$BILLET" --state "$S" --list --shortlist --format tsv "$D" \
		>"$TMP/l" &&
	[ "$(wc -l <"$TMP/l")" -eq 2 ]
}
ok "a second --mark keeps the first" mark_second

unmark() {
	"$BILLET" --state "$S" --unmark "$A" "$D" >"$TMP/o" 2>&1 &&
	[ ! -s "$TMP/o" ] &&
	"$BILLET" --state "$S" --list --shortlist --format tsv "$D" \
		>"$TMP/l" &&
	[ "$(cut -f 1 "$TMP/l")" = "$N" ]
}
ok "--unmark takes a posting off the shortlist" unmark

# once the last mark goes, nothing is left: an empty file (read as an
# empty state), not "{}" nor an entry with nothing in it; but what the
# user wrote in an entry that billet does not know stays
# (entries_of FILE: its entries without the first line and what billet
# records of each posting, its title and organization)
entries_of() {
	grep -v -e "^# billet state 2:" -e "^  title: " -e "^  organization: " "$1"
}
emptied() {
	ES="$TMP/emptied.yaml"
	"$BILLET" --state "$ES" --mark "$A,$N" "$D" &&
	"$BILLET" --state "$ES" --unmark "$A" "$D" &&
	! grep -qF "$A" "$ES" && contains "$ES" "$N:" &&
	"$BILLET" --state "$ES" --unmark "$N" "$D" &&
	[ -f "$ES" ] && [ ! -s "$ES" ] &&
	"$BILLET" --state "$ES" --list --shortlist --format tsv "$D" \
		>"$TMP/l" 2>"$TMP/e" &&
	[ ! -s "$TMP/l" ] && [ ! -s "$TMP/e" ] &&
	"$BILLET" --state "$ES" --mark "$A" "$D" &&
	[ "$(entries_of "$ES")" = "$A:
  marked: true" ] &&
	printf '%s:\n  marked: true\n  mine: kept\n%s:\n  marked: true\n' \
		"$A" "$N" >"$ES" &&
	"$BILLET" --state "$ES" --unmark "$A,$N" "$D" &&
	[ "$(entries_of "$ES")" = "$A:
  mine: kept" ]
}
ok "a state with nothing left in it is an empty file; what the user wrote stays" emptied

mark_twice() {
	"$BILLET" --state "$S" --mark "$N" "$D" &&
	"$BILLET" --state "$S" --list --shortlist --format tsv "$D" \
		>"$TMP/l" &&
	[ "$(wc -l <"$TMP/l")" -eq 1 ]
}
ok "marking a marked posting again is fine" mark_twice

shortlist_formats() {
	for f in text csv json yaml markdown; do
		"$BILLET" --state "$S" --list --shortlist --format $f "$D" \
			>"$TMP/l" || return 1
		contains "$TMP/l" "Upstate Director of Advocacy" || return 1
		if grep -qF "Policy Advocate and Organizer" "$TMP/l"; then
			echo "unmarked posting in $f"
			return 1
		fi
	done
}
ok "--shortlist works in every format" shortlist_formats

# a hidden posting leaves --list as it leaves the interface's list
hidden_left_out() {
	H="$TMP/hidden.yaml"
	printf '%s:\n  hidden: true\n  marked: true\n' "$N" >"$H"
	"$BILLET" --state "$H" --list --format tsv "$D" >"$TMP/l" &&
	[ "$(cut -f 1 "$TMP/l")" = "$A" ] &&
	"$BILLET" --state "$H" --list --filter is:hidden --format tsv "$D" \
		>"$TMP/l" &&
	[ "$(cut -f 1 "$TMP/l")" = "$N" ] &&
	"$BILLET" --state "$H" --list --shortlist --format tsv "$D" \
		>"$TMP/l" &&
	[ ! -s "$TMP/l" ] &&
	q='-is:hidden or is:hidden'
	"$BILLET" --state "$H" --list --shortlist --filter "$q" --format tsv \
		"$D" >"$TMP/l" &&
	[ "$(cut -f 1 "$TMP/l")" = "$N" ]
}
ok "hidden postings leave --list and --shortlist unless is:hidden is asked" \
	hidden_left_out

# the shortlist's CSV carries the rating, status and note
shortlist_csv_state() {
	R="$TMP/rated.yaml"
	printf '%s:\n  marked: true\n  rating: 4\n  status: applied\n  note: |-\n    call Ana, then\n    write\n' \
		"$N" >"$R"
	"$BILLET" --state "$R" --list --shortlist --format csv --header "$D" \
		>"$TMP/l" &&
	head -1 "$TMP/l" | grep -q '^id,title,organization,location,workplace,salary,deadline,marked,rating,status,note' &&
	contains "$TMP/l" ',1,4,applied,"call Ana, then' &&
	"$BILLET" --state "$R" --list --format csv "$D" >"$TMP/l" &&
	! grep -q applied "$TMP/l"
}
ok "--list --shortlist --format csv adds rating, status and note columns" \
	shortlist_csv_state

# --show prints what the detail view shows: the state under the title
show_state() {
	"$BILLET" --state "$R" --show "$N" --width 60 "$D" >"$TMP/s" &&
	sed -n 3,8p "$TMP/s" >"$TMP/head" &&
	printf '%s\n' 'Shortlist:    marked' 'Rating:       ★★★★☆ 4/5' \
		'Status:       applied' 'History:      applied (date unknown)' \
		'Note:         call Ana, then' \
		'              write' | cmp -s - "$TMP/head" &&
	"$BILLET" --state "$R" --show "$A" --width 60 "$D" >"$TMP/s" &&
	sed -n 3p "$TMP/s" | grep -q '^Organization: '
}
ok "--show puts the mark, rating, status (its date unknown in a file from before the history) and note under the title" show_state

unknown_id() {
	cp "$S" "$TMP/before"
	"$BILLET" --state "$S" --mark no-such-id "$D" 2>"$TMP/e"
	[ $? -eq 1 ] &&
	contains "$TMP/e" "billet: no posting with id 'no-such-id'" &&
	cmp -s "$S" "$TMP/before"
}
ok "--mark of an unknown id exits 1 and changes nothing" unknown_id

unknown_id_unmark() {
	"$BILLET" --state "$S" --unmark no-such-id "$D" 2>"$TMP/e"
	[ $? -eq 1 ] &&
	contains "$TMP/e" "billet: no posting with id 'no-such-id'"
}
ok "--unmark of an unknown id exits 1" unknown_id_unmark

corrupt() {
	printf '%s:\n  marked: true\n  rating: [1\n' "$A" >"$TMP/bad.yaml"
	cp "$TMP/bad.yaml" "$TMP/bad.orig"
	"$BILLET" --state "$TMP/bad.yaml" --mark "$N" "$D" 2>"$TMP/e"
	[ $? -eq 1 ] || { echo "exit status not 1"; return 1; }
	cmp -s "$TMP/bad.yaml" "$TMP/bad.orig" || { echo "file changed"; return 1; }
	contains "$TMP/e" "billet: $TMP/bad.yaml:" &&
	contains "$TMP/e" "nothing was marked" &&
	[ ! -e "$TMP/bad.yaml.lock" ]
}
ok "--mark on a corrupt state file exits 1 and leaves it byte-identical" \
	corrupt

corrupt_unmark() {
	"$BILLET" --state "$TMP/bad.yaml" --unmark "$A" "$D" 2>"$TMP/e"
	[ $? -eq 1 ] && cmp -s "$TMP/bad.yaml" "$TMP/bad.orig" &&
	contains "$TMP/e" "nothing was unmarked"
}
ok "--unmark on a corrupt state file exits 1 and leaves it alone" \
	corrupt_unmark

corrupt_list() {
	"$BILLET" --state "$TMP/bad.yaml" --list --format tsv "$D" \
		>"$TMP/l" 2>"$TMP/e" &&
	[ "$(wc -l <"$TMP/l")" -eq 2 ] &&
	contains "$TMP/e" "billet: warning: $TMP/bad.yaml:4:1: syntax error: " &&
	cmp -s "$TMP/bad.yaml" "$TMP/bad.orig"
}
ok "--list with a corrupt state file warns and lists" corrupt_list

# a list chosen by the state cannot be right when the state cannot be
# read: nothing is printed and the exit status says so
corrupt_shortlist() {
	for args in "--shortlist" "--filter is:marked" "--filter rating>=3" \
	            "--shortlist --header --format csv" \
	            "--filter -status:applied"; do
		# shellcheck disable=SC2086
		"$BILLET" --state "$TMP/bad.yaml" --list $args "$D" \
			>"$TMP/l" 2>"$TMP/e"
		st=$?
		[ $st -eq 1 ] || { echo "$args: exit $st, not 1"; return 1; }
		[ ! -s "$TMP/l" ] || { echo "$args printed:"; cat "$TMP/l"; return 1; }
		contains "$TMP/e" "billet: $TMP/bad.yaml:4:1: syntax error: " &&
		contains "$TMP/e" "the state file cannot be read, so the postings it chooses are not listed" ||
			return 1
	done
	cmp -s "$TMP/bad.yaml" "$TMP/bad.orig"
}
ok "--list --shortlist (or a filter on the state) with a corrupt state file: exit 1, nothing printed" \
	corrupt_shortlist

default_place() {
	"$BILLET" --mark "$A" "$D" &&
	contains "$XDG_STATE_HOME/billet/state.yaml" "$A:" &&
	[ "$(stat -c %a "$XDG_STATE_HOME/billet")" = 700 ] &&
	env -u XDG_STATE_HOME "$BILLET" --mark "$N" "$D" &&
	contains "$HOME/.local/state/billet/state.yaml" "$N:"
}
ok "the default state file follows XDG_STATE_HOME, else HOME" default_place

readonly_dir() {
	[ "$(id -u)" -eq 0 ] && return 0 # root writes anywhere
	mkdir "$TMP/ro" && "$BILLET" --state "$TMP/ro/s.yaml" --mark "$A" "$D" &&
	cp "$TMP/ro/s.yaml" "$TMP/ro.orig" && chmod 500 "$TMP/ro" &&
	"$BILLET" --state "$TMP/ro/s.yaml" --mark "$N" "$D" 2>"$TMP/e"
	st=$?
	chmod 700 "$TMP/ro"
	[ $st -eq 1 ] && contains "$TMP/e" "Permission denied" &&
	contains "$TMP/e" "nothing was marked" &&
	cmp -s "$TMP/ro/s.yaml" "$TMP/ro.orig"
}
ok "--mark in a read-only directory exits 1 and keeps the old file" \
	readonly_dir

# the lock lives only while a save holds it: nothing is left beside
no_lock_left() {
	mkdir -p "$TMP/cwd" &&
	(cd "$TMP/cwd" && "$BILLET" --state ./x.yaml --mark "$A" "$D" &&
	 "$BILLET" --state ./x.yaml --mark "$N" "$D") &&
	[ "$(ls -A "$TMP/cwd")" = x.yaml ] || { ls -A "$TMP/cwd"; return 1; }
}
ok "--state ./x.yaml leaves no x.yaml.lock behind" no_lock_left

keeps_other_entries() {
	printf 'gone-posting:\n  marked: true\n  note: kept\n' >"$TMP/k.yaml"
	"$BILLET" --state "$TMP/k.yaml" --mark "$A" "$D" &&
	contains "$TMP/k.yaml" "gone-posting:" &&
	contains "$TMP/k.yaml" "note: kept"
}
ok "entries for postings not loaded are kept" keeps_other_entries

usage() {
	"$BILLET" --shortlist "$D" 2>/dev/null
	[ $? -eq 2 ] || return 1
	"$BILLET" --mark "$A" --unmark "$N" "$D" 2>/dev/null
	[ $? -eq 2 ]
}
ok "--shortlist without --list, or --mark with --unmark, is wrong usage" usage

# A dump of postings carries the postings only: the user's marks, ratings,
# status and notes go out with --with-state (or --shortlist), under one
# key, billet_state, that reads back as no field of the posting
P="$TMP/private.yaml"
printf '%s:\n  marked: true\n  rating: 4\n  status: applied\n  note: secret plan\n%s:\n  hidden: true\n' \
	"$A" "$N" >"$P"
ALL='-is:hidden or is:hidden'
state_private() {
	for f in yaml json; do
		"$BILLET" --state "$P" --list --format $f --filter "$ALL" "$D" \
			>"$TMP/p.$f" &&
		"$BILLET" --state "$P" --show "$A" --format $f "$D" \
			>"$TMP/s.$f" || return 1
		for o in "$TMP/p.$f" "$TMP/s.$f"; do
			if grep -E 'secret plan|billet_state|^marked|"marked"|^rating|"rating"' "$o"; then
				echo "the state went out in $o"
				return 1
			fi
		done
	done
	# and what went out reads back to the same postings, state or not
	"$BILLET" --state "$P" --list --format yaml --filter "$ALL" \
		"$TMP/p.yaml" | cmp - "$TMP/p.yaml" &&
	"$BILLET" --state "$P" --list --format json --filter "$ALL" \
		"$TMP/p.json" | cmp - "$TMP/p.json"
}
ok "--list and --show --format yaml or json write no state unless asked" \
	state_private

with_state() {
	"$BILLET" --state "$P" --list --with-state --format yaml \
		--filter "$ALL" "$D" >"$TMP/w.yaml" || return 1
	awk '/^---/ { n++ } /^billet_state:/ { f = 1; print n; next }
		f && /^  / { print; next } { f = 0 }' "$TMP/w.yaml" >"$TMP/w.st"
	printf '%s\n' 1 '  marked: true' '  rating: 4' '  status: applied' \
		'  note: secret plan' 2 '  hidden: true' | cmp - "$TMP/w.st" ||
		return 1
	# read back: the same postings, and the same output again
	"$BILLET" --state "$P" --list --format yaml --filter "$ALL" \
		"$TMP/w.yaml" | cmp - "$TMP/p.yaml" &&
	"$BILLET" --state "$P" --list --with-state --format yaml \
		--filter "$ALL" "$TMP/w.yaml" | cmp - "$TMP/w.yaml" &&
	# the note is in no field of the posting (Other is searched)
	[ -z "$("$BILLET" --state "$TMP/none.yaml" --list --format tsv \
		--filter '"secret plan"' "$TMP/w.yaml")" ] &&
	"$BILLET" --state "$P" --list --with-state --format json \
		--filter "$ALL" "$D" >"$TMP/w.json" &&
	tr -d ' \n' <"$TMP/w.json" | grep -qF '"billet_state":{"marked":true,"rating":4,"status":"applied","note":"secretplan"}' &&
	"$BILLET" --state "$P" --list --with-state --format json \
		--filter "$ALL" "$TMP/w.json" | cmp - "$TMP/w.json" &&
	"$BILLET" --state "$P" --show "$A" --with-state --format yaml "$D" |
		grep -qx '  note: secret plan' &&
	"$BILLET" --state "$P" --list --shortlist --format yaml "$D" |
		grep -qx '  rating: 4'
}
ok "--with-state and --shortlist put the state under billet_state" with_state

with_state_usage() {
	for args in "--list" "--list --format text" "--compare $A,$N" \
		"--show $A" "--check"; do
		# shellcheck disable=SC2086
		"$BILLET" --state "$P" --with-state $args "$D" >/dev/null \
			2>"$TMP/e"
		[ $? -eq 2 ] && contains "$TMP/e" "billet: --with-state goes with" ||
			{ echo "$args"; return 1; }
	done
}
ok "--with-state elsewhere is wrong usage" with_state_usage

# --mark and --unmark take several ids (comma-separated, blanks around
# them trimmed, or repeated) or --filter; all or nothing
M="$TMP/many.yaml"
mark_many() {
	"$BILLET" --state "$M" --mark "$A, $N" "$D" 2>"$TMP/e" &&
	[ ! -s "$TMP/e" ] &&
	[ "$("$BILLET" --state "$M" --list --shortlist --format tsv "$D" |
		wc -l)" -eq 2 ] &&
	"$BILLET" --state "$M" --unmark "$A" --unmark "$N" "$D" &&
	[ -z "$("$BILLET" --state "$M" --list --shortlist --format tsv "$D")" ] &&
	"$BILLET" --state "$M" --mark "$A" --mark "$N," "$D" &&
	[ "$("$BILLET" --state "$M" --list --shortlist --format tsv "$D" |
		wc -l)" -eq 2 ]
}
ok "--mark and --unmark take several ids, comma-separated or repeated" \
	mark_many

mark_all_or_nothing() {
	"$BILLET" --state "$M" --unmark "$A,$N" "$D" && cp "$M" "$TMP/m0"
	"$BILLET" --state "$M" --mark "$A,nope,$N" --mark zilch "$D" \
		2>"$TMP/e"
	[ $? -eq 1 ] && cmp -s "$M" "$TMP/m0" &&
	contains "$TMP/e" "billet: no posting with id 'nope'" &&
	contains "$TMP/e" "billet: no posting with id 'zilch'" &&
	contains "$TMP/e" "nothing was marked"
}
ok "--mark with an unknown id marks none of them, exit 1" \
	mark_all_or_nothing

mark_filter() {
	# hidden postings are not shown, so not marked
	printf '%s:\n  hidden: true\n' "$N" >"$M"
	"$BILLET" --state "$M" --mark --filter 'org:aclu or org:nyic' "$D" &&
	"$BILLET" --state "$M" --list --shortlist --format tsv \
		--filter "$ALL" "$D" | cut -f1 >"$TMP/l" &&
	[ "$(cat "$TMP/l")" = "$A" ] &&
	"$BILLET" --state "$M" --filter 'is:hidden' "$D" --mark &&
	[ "$("$BILLET" --state "$M" --list --shortlist --format tsv \
		--filter "$ALL" "$D" | wc -l)" -eq 2 ] &&
	"$BILLET" --state "$M" --unmark --filter 'title:upstate is:hidden' "$D" &&
	[ "$("$BILLET" --state "$M" --list --shortlist --format tsv \
		--filter "$ALL" "$D" | cut -f1)" = "$A" ] &&
	cp "$M" "$TMP/m0" &&
	"$BILLET" --state "$M" --unmark --filter 'title:nothing-like-it' \
		"$D" 2>"$TMP/e"
	[ $? -eq 1 ] && cmp -s "$M" "$TMP/m0" &&
	contains "$TMP/e" "no posting matches the filter: nothing was unmarked"
}
ok "--mark and --unmark --filter act on what the filter shows" mark_filter

mark_usage() {
	for args in "--mark" "--unmark" "--mark $A --filter org:aclu" \
		"--mark , " "--filter org:aclu --mark $A"; do
		# shellcheck disable=SC2086
		"$BILLET" --state "$M" "$D" $args 2>"$TMP/e"
		[ $? -eq 2 ] && contains "$TMP/e" "billet: --" ||
			{ echo "$args"; return 1; }
	done
}
ok "--mark without ids or --filter, or with both, is wrong usage" mark_usage

# the shortlist's Markdown carries the mark, rating, status and note
shortlist_markdown() {
	"$BILLET" --state "$P" --list --shortlist --format markdown "$D" \
		>"$TMP/s.md" &&
	head -3 "$TMP/s.md" | tail -1 | grep -q ' | ✓ | 4/5 | applied | secret plan |$' &&
	head -1 "$TMP/s.md" | grep -q '| Marked | Rating | Status | Note |$' &&
	grep -qx -- '- \*\*Note:\*\* secret plan' "$TMP/s.md" &&
	"$BILLET" --state "$P" --list --format markdown "$D" >"$TMP/s.md" &&
	! grep -q 'secret plan\|Rating' "$TMP/s.md" &&
	"$BILLET" --state "$P" --list --with-state --format markdown "$D" |
		grep -q 'secret plan'
}
ok "--list --shortlist --format markdown has the state, --list alone not" \
	shortlist_markdown

finish
