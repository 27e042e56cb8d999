#!/bin/sh
# SPDX-License-Identifier: MIT
# The shortlist from the interface, driven for real in tmux: marks, the
# shortlist view, ratings, the note editor, status, hiding, `;`, export,
# read and new postings, and a state file that cannot be written.
UI_TEST=tests/ui-state.sh
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/uilib.sh"

N=nyic-upstate-director-advocacy

# entry ID [FILE]: the lines of ID's entry in the state file.
entry() {
	awk -v id="$1:" '$0 == id { on = 1; next } /^[^ ]/ { on = 0 } on' \
		"${2:-$STATE}"
}

# has ID TEXT: ID's entry in the state file holds TEXT.
has() {
	entry "$1" | grep -qF -- "$2" && return 0
	echo "the entry of $1 lacks: $2"
	sed 's/^/|/' "$STATE"
	return 1
}

# A: one run at 80x24 on the sample postings ------------------------------
first_new() {
	start a 80x24 &&
	waits a " 2/2" &&
	[ "$(line a 2 | cut -c1-3)" = " N " ] &&
	[ "$(line a 3 | cut -c1-3)" = " N " ] &&
	keys a / i s : n e w Enter &&
	waits a " 2/2  filter: is:new" &&
	keys a '\' && waits a "filter cleared"
}
ok "the first run flags both postings new (N) and is:new shows both" first_new

mark() {
	keys a m &&
	waits a "marked (1 on the shortlist): Policy Advocate" &&
	line a 2 | grep -q '^\*N Policy Advocate' &&
	has "$A" "marked: true" &&
	"$BILLET" --list --shortlist --state "$STATE" --format tsv >"$TMP/tsv" &&
	contains "$TMP/tsv" "$A	Policy Advocate and Organizer" &&
	! grep -q "$N" "$TMP/tsv"
}
ok "m marks: * in the list, marked in the state file, --list --shortlist has it" mark

shortlist() {
	keys a M &&
	waits a " 1/2  shortlist  sort:" &&
	shows a "the shortlist: 1 marked" &&
	gone a "Upstate Director" &&
	keys a M &&
	waits a " 2/2  sort:" && shows a "Upstate Director"
}
ok "M shows only the shortlist (the status line says so), M again every posting" shortlist

rate() {
	keys a j R 3 &&
	waits a "rated 3 of 5: Upstate Director" &&
	line a 3 | grep -q '^ 3 Upstate Director' &&
	has "$N" "rating: 3" &&
	keys a Enter && waits a "Rating:       ★★★☆☆ 3/5" &&
	[ "$(line a 1)" = "Upstate Director of Advocacy" ] &&
	keys a q && waits a " 2/2"
}
ok "R 3 rates the posting: the list, the detail and the state file show 3" rate

note() {
	keys a a &&
	waits a "note: Upstate Director of Advocacy" &&
	shows a "Ctrl-X or F2 save, Esc cancel" &&
	keys a -l 'Café é 日本 one two' &&
	waits a "Café é 日本 one two" &&
	keys a C-w && gone a "one two" && shows a "Café é 日本 one" &&
	keys a Enter && keys a -l 'junk' && waits a "junk" &&
	keys a C-u && gone a "junk" &&
	keys a -l 'second line' && waits a "second line" &&
	keys a C-x &&
	waits a "note saved: Upstate Director" &&
	has "$N" "Café é 日本 one" && has "$N" "second line" &&
	keys a Enter &&
	waits a "Note:         Café é 日本 one" &&
	shows a "              second line" &&
	keys a q && waits a " 2/2"
}
ok "a edits a note (é, 日本; Ctrl-W, Ctrl-U) in the built-in editor; Ctrl-X saves; the detail shows it" note

note_cancel() {
	keys a a && waits a "note: Upstate" &&
	keys a -l 'more' && waits a "second linemore" &&
	keys a Escape && waits a "discard the changes? (y/n)" &&
	keys a y && waits a "note not changed" &&
	! grep -q "linemore" "$STATE"
}
ok "Esc in the editor asks, then gives the changes up" note_cancel

status() {
	keys a p &&
	waits a "interviewing" && shows a "withdrawn" &&
	keys a v &&
	waits a "status interviewing: Upstate Director" &&
	line a 3 | grep -q '^ v Upstate Director' &&
	has "$N" "status: interviewing"
}
ok "p chooses a status (v interviewing); the list shows v, the file has it" status

hide() {
	keys a x &&
	waits a " 1/2  sort:" &&
	shows a "hidden (/is:hidden shows it): Upstate" &&
	! line a 3 | grep -q "Upstate" &&
	has "$N" "hidden: true" &&
	keys a / i s : h i d d e n Enter &&
	waits a " 1/2  filter: is:hidden" &&
	line a 2 | grep -q '^xv Upstate Director' &&
	keys a x && waits a "unhidden: Upstate" &&
	keys a '\' && waits a " 2/2  sort:" && shows a "Upstate Director"
}
ok "x hides (2/2 becomes 1/2), /is:hidden brings it back, x there unhides" hide

apply_all() {
	keys a / a d v o c Enter && waits a " 2/2  filter: advoc" &&
	keys a '\;' && waits a "; on the 2 postings shown" &&
	keys a m && waits a "mark: apply to 2 postings? (y/n)" &&
	keys a n && waits a "nothing changed" &&
	! has "$N" "marked: true" >/dev/null &&
	keys a '\;' m && waits a "apply to 2 postings? (y/n)" &&
	keys a y && waits a "marked 2 postings" &&
	has "$A" "marked: true" && has "$N" "marked: true" &&
	line a 3 | grep -q '^\*v Upstate' &&
	keys a '\' && waits a "filter cleared"
}
ok "; then m marks every posting the filter shows, after asking" apply_all

export_md() {
	keys a e && waits a "export the shortlist to: shortlist.md" &&
	keys a C-u && keys a -l "$TMP/short.md" && keys a Enter &&
	waits a "exported 2 postings to" && shows a "(markdown)" &&
	contains "$TMP/short.md" "| Title |" &&
	contains "$TMP/short.md" "Upstate Director of Advocacy" &&
	contains "$TMP/short.md" "Café é 日本 one" &&
	cp "$TMP/short.md" "$TMP/short.orig" &&
	keys a e C-u && keys a -l "$TMP/short.md" && keys a Enter &&
	waits a "exists: overwrite it? (y/n)" &&
	keys a n && waits a "not exported:" &&
	cmp -s "$TMP/short.md" "$TMP/short.orig" &&
	keys a e C-u && keys a -l "$TMP/short.md" && keys a Enter &&
	waits a "exists: overwrite it? (y/n)" &&
	keys a y && waits a "exported 2 postings to"
}
ok "e exports the shortlist as Markdown (table and note); the same name asks first" export_md

export_csv() {
	keys a e C-u && keys a -l "$TMP/short.csv" && keys a Enter &&
	waits a "(csv)" &&
	head -n 1 "$TMP/short.csv" | grep -q '^id,' &&
	contains "$TMP/short.csv" "$N"
}
ok "e to a .csv file writes CSV" export_csv

no_editor() {
	keys a A && waits a "neither \$VISUAL nor \$EDITOR is set"
}
ok "A without \$VISUAL or \$EDITOR says so" no_editor

quit_first() {
	keys a q && waits a "billet-exit=0" &&
	"$BILLET" --list --shortlist --state "$STATE" --format tsv >"$TMP/tsv" &&
	[ "$(wc -l <"$TMP/tsv")" -eq 2 ]
}
ok "q quits; the state file reads back with both postings marked" quit_first

# B: the second run ------------------------------------------------------
second_run() {
	start b 80x24 &&
	waits b " 2/2" &&
	keys b / i s : n e w Enter &&
	waits b " 0/2  filter: is:new" &&
	keys b '\' && waits b " 2/2  sort:" &&
	[ "$(line b 2 | cut -c1-2)" = "* " ]
}
ok "on a second run nothing is new (is:new shows 0/2); the marks are kept" second_run

queries() {
	keys b / r a t i n g '>' '=' 3 Enter && waits b " 1/2  filter: rating>=3" &&
	keys b / C-u && keys b -l 'status:interviewing has:note is:marked' &&
	keys b Enter &&
	waits b " 1/2  filter: status:interviewing has:note is:marked" &&
	shows b "Upstate Director" &&
	keys b '\' && waits b " 2/2  sort:"
}
ok "rating>=3, status:interviewing, has:note and is:marked work in the filter" queries

reload_keeps() {
	keys b r && waits b "reloaded: 2 postings" &&
	[ "$(line b 2 | cut -c1-2)" = "* " ] &&
	[ "$(line b 3 | cut -c1-2)" = "*v" ] &&
	keys b Q && waits b "billet-exit=0"
}
ok "r reloads and the marks stay (they are kept by id)" reload_keeps

outside_editor() {
	printf '#!/bin/sh\nprintf "from the editor é\\n" >>"$1"\n' >"$TMP/ed.sh" &&
	chmod +x "$TMP/ed.sh" &&
	keys b "clear; EDITOR='$TMP/ed.sh' '$BILLET' --state '$STATE'; echo billet-exit=\$?" Enter &&
	waits b " 2/2" &&
	keys b A && waits b "note saved: Policy Advocate" &&
	has "$A" "from the editor é" &&
	keys b Enter && waits b "Note:         from the editor é" &&
	keys b Q && waits b "billet-exit=0"
}
ok "A edits the note in \$EDITOR and the interface comes back" outside_editor

# A runs the editor as E does, without a shell: a ';' in $EDITOR runs no
# second command; an editor with arguments (quoted ones too) still works
hostile_editor() {
	printf '#!/bin/sh\n[ "$1" = -w ] && [ "$2" = "two words" ] || exit 3\nprintf "with arguments\\n" >>"$3"\n' >"$TMP/ed-args.sh" &&
	chmod +x "$TMP/ed-args.sh" &&
	keys b "clear; (cd '$TMP' && EDITOR='./ed.sh; touch pwned' '$BILLET' --state '$STATE'); echo billet-exit=\$?" Enter &&
	waits b " 2/2" &&
	keys b A && waits b "the editor (./ed.sh; touch pwned) failed: not found" &&
	[ ! -e "$TMP/pwned" ] &&
	keys b Q && waits b "billet-exit=0" &&
	keys b "clear; EDITOR=\"$TMP/ed-args.sh -w 'two words'\" '$BILLET' --state '$STATE'; echo billet-exit=\$?" Enter &&
	waits b " 2/2" &&
	keys b A && waits b "note saved: Policy Advocate" &&
	has "$A" "with arguments" &&
	keys b Q && waits b "billet-exit=0"
}
ok "A: no shell (a ';' in \$EDITOR runs nothing more); an editor's arguments, quoted too, are passed" hostile_editor

# C: side by side at 132x40, and 20x5 ------------------------------------
# is_read ID STATE: the state (its store of seen postings) has ID read.
is_read() {
	"$BILLET" --state "$2" --list --filter is:read --format tsv "$D" |
		cut -f 1 | grep -qx -- "$1"
}
split_read() {
	start c 132x40 --state "$TMP/s2.yaml" &&
	waits c " 2/2" &&
	[ "$(line c 3 | cut -c1-3)" = " N " ] &&
	# the cursor rests on the first posting: it becomes read
	waits c " · Policy Advocate" 5 &&
	is_read "$A" "$TMP/s2.yaml" &&
	keys c j Enter && waits c " · Upstate Director" &&
	is_read "$N" "$TMP/s2.yaml" &&
	keys c q m R 4 &&
	waits c "Rating:       ★★★★☆ 4/5" && shows c "Shortlist:    marked" &&
	line c 3 | grep -q '^\*4 Upstate Director'
}
ok "side by side: resting on a posting or entering the detail marks it read" split_read

five_flags() {
	tm resize-window -t c -x 110 -y 30 &&
	waits c "*·4   Upstate Director" &&
	line c 2 | grep -q '^ ·    Policy Advocate' &&
	keys c Q && waits c "billet-exit=0"
}
ok "a list 100 columns wide shows five flags: mark, read/new, rating, status, note (none here)" five_flags

tiny() {
	start d 20x5 --state "$TMP/s3.yaml" &&
	waits d " 2/2" &&
	keys d a && waits d "^X save" &&
	keys d -l 'tiny é' && waits d "tiny é" &&
	keys d C-x && waits d "note saved" &&
	keys d p && waits d "status" &&
	keys d a && waits d "status applied" &&
	keys d Q && waits d "billet-exit=0" &&
	entry "$A" "$TMP/s3.yaml" | grep -q "status: applied"
}
ok "at 20x5 the note editor and the status chooser fit the screen" tiny

# u: undo ------------------------------------------------------------------
# u takes back the last change, then the one before: only the posting
# changed (not the one under the cursor), saved each time; a `;` is one
# step; with nothing left it says so.
undo() {
	start u 100x24 --state "$TMP/u.yaml" &&
	waits u " 2/2" &&
	keys u m && waits u "marked (1 on the shortlist): Policy" &&
	keys u p && waits u "withdrawn" && keys u a &&
	waits u "status applied: Policy" &&
	keys u j && keys u u &&
	waits u "undid: status of Policy Advocate and Organizer (was applied, now none)" &&
	! entry "$A" "$TMP/u.yaml" | grep -q "status:" &&
	entry "$A" "$TMP/u.yaml" | grep -q "marked: true" &&
	line u 3 | grep -q '^ N  *Upstate' &&
	keys u u &&
	waits u "undid: mark of Policy Advocate and Organizer (was marked, now not marked)" &&
	! entry "$A" "$TMP/u.yaml" | grep -q "marked:" &&
	line u 2 | grep -q '^ N  *Policy' &&
	keys u '\;' x && waits u "hide: apply to 2 postings? (y/n)" && keys u y &&
	waits u "hid 2 postings" && waits u " 0/2" &&
	keys u u && waits u "undid: hiding of 2 postings" && waits u " 2/2" &&
	! grep -q "hidden:" "$TMP/u.yaml" &&
	keys u u && waits u "u: nothing to undo" &&
	keys u Q && waits u "billet-exit=0"
}
ok "u undoes the last change, then the one before, on the posting changed; a ; is one step" undo

# D: a state file that cannot be written -----------------------------------
corrupt() {
	printf 'posting:\n  marked: [oops\n' >"$TMP/bad.yaml" &&
	cp "$TMP/bad.yaml" "$TMP/bad.orig" &&
	start e 80x24 --state "$TMP/bad.yaml" &&
	waits e " 2/2  state read-only" &&
	shows e "bad.yaml:" &&
	keys e m && waits e "for this run only" &&
	line e 2 | grep -q '^\*  Policy Advocate' &&
	keys e q && waits e "Changes to 1 posting are not in the state file:" &&
	keys e Q && waits e "billet-exit=1" &&
	shows e "were not saved" &&
	cmp -s "$TMP/bad.yaml" "$TMP/bad.orig"
}
ok "a corrupt state file is said at start, marks toggle for the run only, the file is untouched, exit 1" corrupt

# mended by hand while billet runs: r at the quit screen reads it again and
# saves this run's changes into it
corrupt_mended() {
	printf '%s:\n  note: [oops\n' "$N" >"$TMP/mend.yaml" &&
	start m 80x24 --state "$TMP/mend.yaml" &&
	waits m " 2/2  state read-only" &&
	keys m m && waits m "for this run only" &&
	keys m q && waits m "Changes to 1 posting are not in the state file:" &&
	printf '%s:\n  note: mended\n' "$N" >"$TMP/mend.yaml" &&
	keys m r && waits m "billet-exit=0" &&
	entry "$A" "$TMP/mend.yaml" | grep -q "marked: true" &&
	entry "$N" "$TMP/mend.yaml" | grep -q "note: mended"
}
ok "a state file mended while billet runs takes the run's changes at r" corrupt_mended

# One entry that cannot be read (a rating of 99 written by hand): said at
# the start with its place, not changed by m or a (before the editor
# opens), kept as written while the other posting's mark is saved.
bad_entry() {
	printf '%s:\n  rating: 99   # by hand\n  marked: true\n' "$A" \
		>"$TMP/one.yaml" &&
	cp "$TMP/one.yaml" "$TMP/one.orig" &&
	start o 100x24 --state "$TMP/one.yaml" &&
	waits o " 2/2" &&
	waits o "one.yaml:2:11: rating: expected a number from 0 to 5" &&
	gone o "state read-only" 1 &&
	line o 2 | grep -q '^\*N  *Policy Advocate' &&
	keys o m && waits o "not changed: the state file's entry for Policy Advocate" &&
	keys o j k && gone o "not changed" &&
	keys o a && waits o "not changed: the state file's entry for Policy Advocate" &&
	! shows o "Ctrl-X or F2 save" >/dev/null &&
	line o 2 | grep -q '^\*N  *Policy Advocate' &&
	keys o j m && waits o "marked (2 on the shortlist): Upstate" &&
	grep -v '^# billet state 2' "$TMP/one.yaml" | head -n 3 |
		cmp -s - "$TMP/one.orig" &&
	entry "$N" "$TMP/one.yaml" | grep -q "marked: true" &&
	keys o q && waits o "billet-exit=0"
}
ok "an entry that cannot be read is said, not changed, and kept as written while the others save" bad_entry

# A newline in the state file's name shows as ^J on the message line.
nl_name() {
	nd="$TMP/a
b"
	mkdir -p "$nd" && printf 'posting:\n  marked: [oops\n' >"$nd/state.yaml" &&
	old_state=$STATE && STATE="$nd/state.yaml" &&
	start n 100x24
	st=$?
	STATE=$old_state
	[ $st -eq 0 ] && waits n "a^Jb/state.yaml:3:1: syntax error: did not find expected" &&
	keys n q && waits n "billet-exit=0"
}
ok "a newline in the state file's name is shown as ^J" nl_name

readonly_dir() {
	[ "$(id -u)" -eq 0 ] && return 0 # root writes anywhere
	mkdir -p "$TMP/ro" && "$BILLET" --state "$TMP/ro/s.yaml" --mark "$A" &&
	cp "$TMP/ro/s.yaml" "$TMP/ro.orig" && chmod 500 "$TMP/ro" &&
	start f 80x24 --state "$TMP/ro/s.yaml" &&
	waits f "directory" && shows f "is read-only" &&
	keys f j m && waits f "not saved" &&
	keys f q && waits f "not in the state file" &&
	keys f Q && waits f "billet-exit=1"
	st=$?
	chmod 700 "$TMP/ro"
	[ $st -eq 0 ] && cmp -s "$TMP/ro/s.yaml" "$TMP/ro.orig"
}
ok "a state file in a read-only directory is said at start and left as it was" readonly_dir

failed_save() {
	mkdir -p "$TMP/f/state.yaml.lock" &&
	start g 80x24 --state "$TMP/f/state.yaml" &&
	waits g " 2/2" &&
	keys g m && waits g "but state not saved" &&
	shows g "state not saved  sort:" &&
	line g 2 | grep -q '^\*N Policy Advocate' &&
	rmdir "$TMP/f/state.yaml.lock" &&
	keys g j R 2 && waits g "rated 2 of 5" &&
	gone g "state not saved  sort:" &&
	entry "$A" "$TMP/f/state.yaml" | grep -q "marked: true" &&
	keys g Q && waits g "billet-exit=0"
}
ok "a failed save is said, the change is kept, and the next change saves both" failed_save

# E: Q quits from the status menu, after ; and at its question -----------
# A save that failed (the lock held) is made when Q quits, as with q.
quit_status() {
	mkdir -p "$TMP/q/state.yaml.lock" &&
	start q 80x24 --state "$TMP/q/state.yaml" &&
	waits q " 2/2" &&
	keys q m && waits q "but state not saved" &&
	rmdir "$TMP/q/state.yaml.lock" &&
	keys q p && waits q "withdrawn" &&
	keys q Q && waits q "billet-exit=0" &&
	[ "$(tm display -p -t q '#{alternate_on}')" = 0 ] &&
	entry "$A" "$TMP/q/state.yaml" | grep -q "marked: true"
}
ok "Q in the status menu of p quits, saving what was not saved yet" quit_status

quit_apply_all() {
	start r 80x24 --state "$TMP/s5.yaml" &&
	waits r " 2/2" &&
	keys r / Q && waits r "/Q" && shows r "filter: Q" &&
	keys r Escape && waits r "filter restored" &&
	keys r '\;' && waits r "; on the 2 postings shown" &&
	keys r Q && waits r "billet-exit=0" &&
	keys r "clear; '$BILLET' --state '$TMP/s5.yaml'; echo billet-exit=\$?" Enter &&
	waits r " 2/2" &&
	keys r '\;' m && waits r "mark: apply to 2 postings? (y/n)" &&
	keys r Q && waits r "billet-exit=0" &&
	! grep -q "marked: true" "$TMP/s5.yaml" &&
	keys r "clear; '$BILLET' --state '$TMP/s5.yaml'; echo billet-exit=\$?" Enter &&
	waits r " 2/2" &&
	keys r '\;' p && waits r "status of 2 postings" &&
	keys r Q && waits r "billet-exit=0" &&
	[ "$(tm display -p -t r '#{alternate_on}')" = 0 ]
}
ok "Q quits after ;, at its question and in its status menu; in the filter it is typed" quit_apply_all

finish
