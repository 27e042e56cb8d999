#!/bin/sh
# SPDX-License-Identifier: MIT
# The interface filters through the search index: on a generated corpus,
# the count the list shows after typing a filter is the count of
# `billet --list --filter` for free text, field, salary, negation, a
# phrase and is:marked, with the index complete and while it is built.
UI_TEST=tests/ui-index.sh
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/uilib.sh"
: "${BUILDDIR:?BUILDDIR must name the build tree (make check sets it)}"

GEN=$BUILDDIR/tests/bench/gen
C="$TMP/c.yaml"
N=3000

gen() { "$GEN" -q -n $N -s 1 -o "$C"; }
ok "gen writes a corpus of $N postings" gen

# want Q: how many postings `billet --list --filter Q` lists.
want() { "$BILLET" --list --state "$STATE" --filter "$1" "$C" | wc -l | tr -d ' '; }

# typed S Q: types the filter Q at / in session S, one key at a time,
# then Enter; the status line must give the count of --list, then \ clears.
typed() {
	w=$(want "$2") || return 1
	[ "$w" -gt 0 ] || { echo "no posting matches $2: a useless check"; return 1; }
	keys "$1" / &&
	printf '%s\n' "$2" | fold -w1 | while IFS= read -r c; do
		keys "$1" -l "$c" || exit 1
	done &&
	keys "$1" Enter &&
	waits "$1" " $w/$N  filter: $2" &&
	keys "$1" '\' &&
	waits "$1" " $N/$N  sort:"
}

loads() {
	start a 120x40 "$C" &&
	waits a " $N/$N" 20 &&
	waits a "loaded: $N postings" 20
}
ok "billet loads the $N postings" loads

# --list shows hidden postings; the list leaves them out unless the
# filter mentions is:hidden.

# Typed at once: the index may still be lagging behind the load.
early() { typed a "organizing spanish"; }
ok "free text typed at once: the count of --list" early
sleep 1 # the index is complete by now (a few hundred ms)

for q in "community organizing" "title:analyst" "salary>=60000" \
	"-remote community" "location:york -title:director" \
	'"policy to justice"'; do
	ok "filter $q: the count of --list --filter" typed a "$q"
done

marked() {
	keys a m && waits a "marked (1 on the shortlist)" &&
	keys a j j m && waits a "marked (2 on the shortlist)" &&
	[ "$(want is:marked)" -eq 2 ] &&
	typed a "is:marked" &&
	typed a "-is:marked policy"
}
ok "is:marked after marking two, and its negation" marked

hidden() {
	w=$(want "title:analyst")
	keys a / && keys a -l "title:analyst" && keys a Enter &&
	waits a " $w/$N  filter: title:analyst" &&
	keys a x && waits a " $((w - 1))/$N  filter: title:analyst" &&
	[ "$(want "title:analyst -is:hidden")" -eq $((w - 1)) ] &&
	keys a '\' && waits a " $((N - 1))/$N  sort:" &&
	keys a / && keys a -l "is:hidden" && keys a Enter &&
	waits a " 1/$N  filter: is:hidden" &&
	keys a x && waits a "unhidden" &&
	keys a '\' && waits a " $N/$N  sort:"
}
ok "x hides a posting from a filtered list, is:hidden shows it" hidden

quits() { keys a q && waits a "billet-exit=0"; }
ok "q quits" quits

finish
