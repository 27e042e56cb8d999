#!/bin/sh
# SPDX-License-Identifier: MIT
# A posting changed since it was read, through the binary: --list says so
# in every format (~ in text, the changed column of TSV and CSV with --with-state, and
# "changed": true under billet_state with --with-state), --filter
# is:changed finds it, --show says it under the title. Reading happens
# only in the interface, so one run in tmux reads the posting first.
UI_TEST=tests/changes.sh
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/uilib.sh"

P="$TMP/postings"
mkdir -p "$P"
jobs() {
	printf '%s\n' 'id: organizer' 'title: Tenant Organizer' \
		'organization: Eastside' "salary: $1" '---' 'id: driver' \
		'title: Van Driver' 'organization: Food Bank' 'salary: 40000' \
		>"$P/jobs.yaml"
}
jobs 50000

# read it in the interface, then raise its salary
start a 80x24 "$P"
waits a "loaded: 2 postings" >/dev/null && keys a Enter &&
	waits a "Organization:" >/dev/null && keys a q Q &&
	waits a "billet-exit=0" >/dev/null
jobs 52000

not_before() {
	"$BILLET" --state "$STATE" --list --with-state --format tsv "$P" \
		>"$TMP/l" &&
	[ "$(cut -f 1,12 "$TMP/l" | tr '\t\n' ':,')" = "organizer:1,driver:0," ] &&
	# without the state the columns are INTERFACE.md's eight
	"$BILLET" --state "$STATE" --list --format tsv "$P" >"$TMP/l" &&
	[ "$(awk -F'\t' 'NF != 8' "$TMP/l" | wc -l)" -eq 0 ]
}
ok "--list tsv --with-state: the changed column, last, 1 for the posting changed since read" \
	not_before

header() {
	"$BILLET" --state "$STATE" --list --format csv --with-state --header "$P" \
		>"$TMP/l" &&
	head -1 "$TMP/l" | grep -q ',marked,rating,status,note,changed' &&
	sed -n 2p "$TMP/l" | grep -q '^organizer,.*,1' &&
	sed -n 3p "$TMP/l" | grep -q '^driver,.*,0'
}
ok "--list csv --with-state: the changed column after the state's" header

text() {
	"$BILLET" --state "$STATE" --list --width 60 "$P" >"$TMP/l" &&
	sed -n 1p "$TMP/l" | grep -q '^  ~Tenant Organizer' &&
	sed -n 2p "$TMP/l" | grep -q '^   Van Driver'
}
ok "--list text: ~ beside the mark" text

json() {
	"$BILLET" --state "$STATE" --list --format json --with-state "$P" \
		>"$TMP/l" &&
	tr -d ' \n' <"$TMP/l" | grep -q '"billet_state":{"changed":true}' &&
	[ "$(grep -c '"changed"' "$TMP/l")" -eq 1 ]
}
ok "--list json --with-state: \"changed\": true under billet_state" json

filter() {
	"$BILLET" --state "$STATE" --list --format tsv --filter is:changed \
		"$P" >"$TMP/l" &&
	[ "$(cut -f 1 "$TMP/l")" = organizer ] &&
	"$BILLET" --state "$STATE" --list --format tsv --filter -is:changed \
		"$P" >"$TMP/l" &&
	[ "$(cut -f 1 "$TMP/l")" = driver ]
}
ok "--filter is:changed finds it, -is:changed the others" filter

show() {
	"$BILLET" --state "$STATE" --show organizer "$P" >"$TMP/s" &&
	contains "$TMP/s" "Changed:      since you last read it (D in billet shows what)" &&
	"$BILLET" --state "$STATE" --show driver "$P" >"$TMP/s" &&
	! grep -q Changed "$TMP/s"
}
ok "--show says it changed since read; not of one that did not" show

the_same() {
	printf '%s\n' 'salary: 52000' 'organization:   Eastside' \
		'title: "Tenant   Organizer"' 'id: organizer' '---' \
		'id: driver' 'title: Van Driver' 'organization: Food Bank' \
		'salary: 45000' >"$P/jobs.yaml" &&
	"$BILLET" --state "$STATE" --list --format tsv --filter is:changed \
		"$P" >"$TMP/l" &&
	[ "$(cut -f 1 "$TMP/l")" = organizer ] &&
	printf '%s\n' 'salary: 50000' 'organization:   Eastside' \
		'title: "Tenant   Organizer"' 'id: organizer' \
		>"$P/jobs.yaml" &&
	"$BILLET" --state "$STATE" --list --with-state --format tsv "$P" \
		>"$TMP/l" &&
	[ "$(cut -f 1,12 "$TMP/l")" = "$(printf 'organizer\t0')" ]
}
ok "written anew, saying what it said when read: not changed; the driver, read never, not either" \
	the_same

finish
