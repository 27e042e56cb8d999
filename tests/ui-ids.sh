#!/bin/sh
# SPDX-License-Identifier: MIT
# Ids and the state in the interface, driven for real in tmux: an older
# state file carried over when the load ends (its marks on the postings
# they were on, said once, the old file kept), the entries that match no
# posting said at the start, postings that share an id kept apart by the
# title and organization their entries record whatever the load order,
# and what was seen and read filled in after the first screen.
UI_TEST=tests/ui-ids.sh
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/uilib.sh"

P="$TMP/p"
mkdir -p "$P/a" "$P/b"
printf 'title: Tenant Organizer\norganization: Eastside\n---\ntitle: Canvasser\norganization: Eastside\n---\ntitle: Field Director\norganization: Eastside\n' \
	>"$P/a/jobs.yml"
printf 'title: Driver\norganization: Westside\n---\ntitle: Dispatcher\norganization: Westside\n' \
	>"$P/b/jobs.yml"
printf 'id: twin\ntitle: Twin Alpha\norganization: Twins\n' >"$P/a/twin.yaml"
printf 'id: twin\ntitle: Twin Beta\norganization: Twins\n' >"$P/b/twin.yaml"
# as billet kept it before stable ids: jobs#1 is in both jobs.yml,
# jobs#3 only in a/jobs.yml
printf '# an older file\njobs#1:\n  marked: true\n  seen: true\njobs#3:\n  rating: 4\n  read: true\n  seen: true\ntwin~2:\n  marked: true\n  seen: true\ngone:\n  note: its file is gone\n' \
	>"$STATE"
cp "$STATE" "$TMP/orig"

# row S TITLE: the list's row of the posting titled TITLE.
row() { screen "$1" | grep -- " $2 " | head -n 1; }

upgraded() {
	start u 320x30 "$P" &&
	waits u "2 state entries match no posting: billet --list --orphans; $STATE is upgraded" &&
	# said once, first; then the old file, where the rest went, what moved,
	# and what the load says
	shows u "is upgraded, the old file kept as state.yaml.bak: seen and read postings are now in state.seen.db; 1 entry moved to the postings' new ids; loaded: 7 postings" &&
	[ "$(grep -o "match no posting" "$TMP/screen" | wc -l)" -eq 1 ] &&
	row u "Field Director" | grep -q '^ ·4   Field Director' &&
	row u "Twin Beta" | grep -q '^\*     Twin Beta' &&
	row u "Twin Alpha" | grep -q '^ N    Twin Alpha' &&
	! row u "Twin Alpha" | grep -q '^\*' &&
	! row u "Tenant Organizer" | grep -q '^\*' &&
	row u "Canvasser" | grep -q '^ N    Canvasser' &&
	cmp "$STATE.bak" "$TMP/orig" &&
	head -n 1 "$STATE" | grep -q '^# billet state 2' &&
	! grep -q 'seen:' "$STATE" &&
	keys u q && waits u "billet-exit=0"
}
ok "an older state file: carried over when the load ends, said once, the old file kept" \
	upgraded

again() {
	start v 100x24 "$P" &&
	waits v "2 state entries match no posting: billet --list --orphans" &&
	! shows v "upgraded" >/dev/null &&
	row v "Field Director" | grep -q '^ ·4 ' &&
	row v "Canvasser" | grep -q '^   ' &&
	keys v q && waits v "billet-exit=0"
}
ok "the next run: nothing to carry over, the entries that match nothing said again, nothing new" \
	again

# The twins in the other load order: b's twin loads first and is given
# "twin", yet the mark stays on Beta (its entry records it), and its id
# is the one the mark was made under.
twins_swapped() {
	mv "$P/a/twin.yaml" "$P/b/twin2.yaml" &&
	mv "$P/b/twin.yaml" "$P/a/twin.yaml" &&
	mv "$P/b/twin2.yaml" "$P/b/twin.yaml" &&
	start w 120x30 "$P" &&
	waits w " 7/7" &&
	row w "Twin Beta" | grep -q '^\*' &&
	! row w "Twin Alpha" | grep -q '^\*' &&
	keys w / i d : t w i n '~' 2 Enter &&
	waits w "filter: id:twin~2" &&
	row w "Twin Beta" | grep -q '^\*' &&
	! shows w "Twin Alpha" >/dev/null &&
	keys w q && waits w "billet-exit=0"
}
ok "postings that share an id: the mark follows its posting, not the load order" \
	twins_swapped

# 20x5: the message, cut to the width
tiny() {
	start t 20x5 "$P" &&
	waits t "2 state entries" &&
	keys t q && waits t "billet-exit=0"
}
ok "at 20x5 the count of entries that match nothing shows, cut" tiny

# Files read again while billet runs (inotify alone tells): the count is
# not said over what the reload says, unless it grew (a rated posting
# gone), and then after it.
reloads() {
	UI_ENV="BILLET_WATCH_POLL_MS=600000" start r 160x24 "$P" &&
	waits r "2 state entries match no posting" &&
	printf 'title: Driver\norganization: Westside\n---\ntitle: Night Dispatcher\norganization: Westside\n' \
		>"$P/b/jobs.yml" &&
	waits r "reloaded: 1 changed (jobs.yml)" &&
	! shows r "match no posting" >/dev/null &&
	shows r "Night Dispatcher" &&
	rm "$P/a/jobs.yml" &&
	waits r "reloaded: 1 removed (jobs.yml); " &&
	shows r "; 3 state entries match no posting: billet --list --orphans" &&
	keys r q && waits r "billet-exit=0" &&
	"$BILLET" --state "$STATE" --list --orphans --format tsv "$P" |
		grep -q "Field Director"
}
ok "files read again: the count said only when it grows, after what the reload says" \
	reloads

finish
