#!/bin/sh
# SPDX-License-Identifier: MIT
# The same job from two files through the binary: --list shows it once
# (the text list's '=', json's sources), is:duplicate finds it, look-alikes
# stay two, --show lists the sources, --mark with another source's id
# marks the one listed, and a state file holding an entry for each
# source (both with a note and a history) loads with nothing lost and is
# saved as one entry.
. "$SRCDIR/tests/lib.sh"
S="$TMP/st/state.yaml"
mkdir -p "$TMP/a" "$TMP/b" "$TMP/st"
cat >"$TMP/a/jobs.yml" <<'Y'
title: Data Engineer
organization: Acme
location: Berlin
source: https://acme.example/jobs/42
---
title: Designer
organization: Acme
location: Berlin
Y
cat >"$TMP/b/board.yml" <<'Y'
title: Data Engineer
organization: Acme
location: Berlin
source: https://ACME.example/jobs/42/
---
title: Designer
organization: Acme
location: Munich
Y
L="$TMP/a $TMP/b"

list_once() {
	"$BILLET" --state "$S" --list --width 100 $L >"$TMP/o" &&
	[ "$(grep -c 'Data Engineer' "$TMP/o")" -eq 1 ] &&
	grep -q '^  =Data Engineer' "$TMP/o" &&
	[ "$(grep -c 'Designer' "$TMP/o")" -eq 2 ] &&
	! grep -q '^  =Designer' "$TMP/o"
}
ok "--list: the same job once, marked =; look-alikes (another location) two" \
	list_once

filter_dup() {
	"$BILLET" --state "$S" --list --format tsv --filter is:duplicate $L \
		>"$TMP/o" &&
	[ "$(wc -l <"$TMP/o")" -eq 1 ] &&
	contains "$TMP/o" "Data Engineer"
}
ok "is:duplicate finds it, and nothing else" filter_dup

json_sources() {
	"$BILLET" --state "$S" --list --format json --filter is:duplicate $L \
		>"$TMP/o" &&
	contains "$TMP/o" '"sources": [' &&
	contains "$TMP/o" "\"file\": \"$TMP/a/jobs.yml\"" &&
	contains "$TMP/o" "\"file\": \"$TMP/b/board.yml\"" &&
	contains "$TMP/o" '"url": "https://ACME.example/jobs/42/"' &&
	"$BILLET" --state "$S" --list --format json --filter -is:duplicate $L \
		>"$TMP/o2" && ! grep -q '"sources"' "$TMP/o2"
}
ok "--list --format json: the sources list, each file and URL" json_sources

ID=$("$BILLET" --state "$S" --list --format tsv --filter is:duplicate $L |
	cut -f1)
show_sources() {
	"$BILLET" --state "$S" --show "$ID" --width 200 $L >"$TMP/o" &&
	contains "$TMP/o" "Sources" &&
	contains "$TMP/o" "$TMP/a/jobs.yml — https://acme.example/jobs/42 (id $ID)" &&
	contains "$TMP/o" "$TMP/b/board.yml — https://ACME.example/jobs/42/ (id $ID~2)"
}
ok "--show lists the sources" show_sources

mark_other() {
	"$BILLET" --state "$S" --mark "$ID~2" $L &&
	"$BILLET" --state "$S" --list --shortlist --format tsv $L >"$TMP/o" &&
	[ "$(wc -l <"$TMP/o")" -eq 1 ] &&
	[ "$(cut -f1 "$TMP/o")" = "$ID" ] &&
	contains "$S" "$ID:" && ! grep -q "~2:" "$S"
}
ok "--mark with another source's id marks the one listed" mark_other

older_two() {
	cat >"$S" <<Y
# billet state 2
$ID:
  note: written on a
  history: [interested 2026-01-02, applied 2026-01-10]
  status: applied
$ID~2:
  marked: true
  rating: 3
  note: written on b
  history: [interviewing 2026-01-20]
  status: interviewing
Y
	"$BILLET" --state "$S" --list --with-state --format json \
		--filter is:duplicate $L >"$TMP/o" &&
	contains "$TMP/o" "written on a" && contains "$TMP/o" "written on b" &&
	contains "$TMP/o" '"status": "interviewing"' &&
	contains "$TMP/o" '"marked": true' &&
	# a save (another posting marked) writes the merge: one entry
	"$BILLET" --state "$S" --mark "$("$BILLET" --state "$S" --list \
		--format tsv --filter 'designer loc:munich' $L | cut -f1)" $L &&
	! grep -q "~2:" "$S" &&
	contains "$S" "--- from $TMP/a/jobs.yml (id $ID) ---" &&
	contains "$S" "--- from $TMP/b/board.yml (id $ID~2) ---" &&
	contains "$S" "- interested 2026-01-02" &&
	contains "$S" "- applied 2026-01-10" &&
	contains "$S" "- interviewing 2026-01-20"
}
ok "two entries of an earlier run: both notes and histories kept, saved as one" \
	older_two

finish
