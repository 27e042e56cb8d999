#!/bin/sh
# SPDX-License-Identifier: MIT
# Ids and the state through the binary: --list --orphans lists the state
# entries that match no loaded posting, with their last known title and
# organization, in every list format; an older state file is carried
# over by --mark (said once, the old file kept), left as it is by --list;
# the store of seen postings beside the state file.
. "$SRCDIR/tests/lib.sh"
P="$TMP/postings"
S="$TMP/st/state.yaml"
mkdir -p "$P/one" "$P/two" "$TMP/st"
printf 'title: Tenant Organizer\norganization: Eastside Tenants\n' \
	>"$P/one/jobs.yml"
printf 'title: Canvasser\norganization: Westside Renters\n---\n' \
	>"$P/two/jobs.yml"
printf 'title: "Driver \\e[31mred"\norganization: "Bus \\u202Eline"\n' \
	>>"$P/two/jobs.yml"

# ids ID...: the ids --list gives, one a line, in load order.
ids() {
	"$BILLET" --state "$S" --list --format tsv "$P" | cut -f 1
}

two_jobs_yml() {
	ids >"$TMP/ids" &&
	[ "$(sort -u "$TMP/ids" | wc -l)" -eq 3 ] &&
	! grep -q 'jobs' "$TMP/ids" &&
	grep -q '^tenant-organizer-' "$TMP/ids" &&
	grep -q '^canvasser-' "$TMP/ids"
}
ok "two files named jobs.yml: three postings, three ids, none from the file's name" \
	two_jobs_yml

mark_one_only() {
	T=$(grep '^tenant' "$TMP/ids") && C=$(grep '^canvasser' "$TMP/ids") &&
	"$BILLET" --state "$S" --mark "$T" "$P" &&
	"$BILLET" --state "$S" --list --shortlist --format tsv "$P" >"$TMP/l" &&
	[ "$(cut -f 1 "$TMP/l")" = "$T" ] &&
	contains "$S" "  title: Tenant Organizer" &&
	contains "$S" "  organization: Eastside Tenants"
}
ok "a mark stays on its posting, and records its title and organization" \
	mark_one_only

none_yet() {
	"$BILLET" --state "$S" --list --orphans "$P" >"$TMP/o" &&
	[ ! -s "$TMP/o" ]
}
ok "--list --orphans: nothing while every entry matches a posting" none_yet

# The posting goes (its file renamed away); another note on the second
# file's canvasser; an entry of an old id written by hand.
orphaned() {
	D=$(ids | sed -n 3p) &&
	"$BILLET" --state "$S" --mark "$D" "$P" &&
	{ cat "$S"; printf 'jobs#9:\n  rating: 2\n'; } >"$TMP/s2" &&
	cp "$TMP/s2" "$S" &&
	mv "$P/one/jobs.yml" "$P/one/jobs.yml.gone" &&
	mv "$P/two/jobs.yml" "$P/two/jobs.yml.gone" &&
	printf 'title: Canvasser\norganization: Westside Renters\n' \
		>"$P/two/jobs.yml"
}
ok "(postings removed from their files)" orphaned

orphans_text() {
	"$BILLET" --state "$S" --list --orphans "$P" >"$TMP/o" &&
	[ "$(wc -l <"$TMP/o")" -eq 3 ] &&
	grep -q '^tenant-organizer-[0-9a-z]*  Tenant Organizer — Eastside Tenants: marked$' "$TMP/o" &&
	grep -q '^driver-[-0-9a-z]*  Driver ^\[\[31mred — Bus \\u202Eline: marked$' "$TMP/o" &&
	grep -qx 'jobs#9: rated 2' "$TMP/o"
}
ok "--list --orphans: each entry that matches nothing, its title and organization, sanitised" \
	orphans_text

orphans_tsv() {
	"$BILLET" --state "$S" --list --orphans --format tsv --header "$P" \
		>"$TMP/o" &&
	[ "$(sed -n 1p "$TMP/o")" = "$(printf 'id\ttitle\torganization\tmarked\thidden\trating\tstatus\tnote')" ] &&
	awk -F '\t' '$2 == "Tenant Organizer" && $3 == "Eastside Tenants" &&
		$4 == 1 && $5 == 0 && $6 == "" && NF == 8 { f++ }
		$1 == "jobs#9" && $2 == "" && $4 == 0 && $6 == 2 && NF == 8 { f++ }
		END { exit f != 2 }' "$TMP/o"
}
ok "--list --orphans --format tsv --header" orphans_tsv

orphans_csv() {
	"$BILLET" --state "$S" --list --orphans --format csv "$P" >"$TMP/o" &&
	[ "$(wc -l <"$TMP/o")" -eq 3 ] &&
	grep -q '^tenant-organizer-[0-9a-z]*,Tenant Organizer,Eastside Tenants,1,0,,,$' "$TMP/o" &&
	grep -q '^jobs#9,,,0,0,2,,$' "$TMP/o"
}
ok "--list --orphans --format csv" orphans_csv

# json and yaml: billet reads them back (JSON is YAML), each entry with a
# title a posting, so what they hold can be checked with billet itself
orphans_tree() {
	"$BILLET" --state "$S" --list --orphans --format json "$P" \
		>"$TMP/o.json" &&
	contains "$TMP/o.json" '"billet_state": {"marked": true}' &&
	contains "$TMP/o.json" '"title": "Driver \u001B[31mred"' &&
	contains "$TMP/o.json" '{"id": "jobs#9",' &&
	"$BILLET" --list --format tsv "$TMP/o.json" >"$TMP/back" 2>"$TMP/e"
	[ "$(cut -f 2 "$TMP/back" | sort | tr '\n' '|')" = \
	  "$(printf 'Driver ^[[31mred|Tenant Organizer|')" ] &&
	"$BILLET" --state "$S" --list --orphans --format yaml "$P" \
		>"$TMP/o.yaml" &&
	contains "$TMP/o.yaml" '- id: "jobs#9"' &&
	grep -A 1 '^  billet_state:$' "$TMP/o.yaml" | grep -qx '    rating: 2' &&
	"$BILLET" --list --format tsv "$TMP/o.yaml" >"$TMP/back2" 2>"$TMP/e" ;
	cmp "$TMP/back" "$TMP/back2"
}
ok "--list --orphans --format json and yaml read back" orphans_tree

orphans_usage() {
	"$BILLET" --state "$S" --orphans "$P" 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" "--orphans goes with --list" &&
	"$BILLET" --state "$S" --list --orphans --filter x "$P" 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" "--orphans lists state entries" &&
	"$BILLET" --state "$S" --list --orphans --format markdown "$P" 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" "--orphans: --format text, tsv"
}
ok "--orphans: wrong usage, exit 2" orphans_usage

orphans_unreadable() {
	printf 'a: [\n' >"$TMP/bad.yaml"
	"$BILLET" --state "$TMP/bad.yaml" --list --orphans "$P" >"$TMP/o" \
		2>"$TMP/e"
	[ $? -eq 1 ] && [ ! -s "$TMP/o" ] &&
	contains "$TMP/e" "the entries it chooses are not listed"
}
ok "--list --orphans with a state file that does not parse: exit 1, said" \
	orphans_unreadable

# An older state file: keyed by the ids billet gave before, seen and read
# in it. --list leaves it as it is; --mark carries it over, once.
old_file() {
	O="$TMP/old"
	mkdir -p "$O/p/a" "$O/p/b" &&
	printf 'title: A1\norganization: O\n---\ntitle: A2\norganization: O\n---\ntitle: A3\norganization: O\n' >"$O/p/a/jobs.yml" &&
	printf 'title: B1\norganization: O\n---\ntitle: B2\norganization: O\n' >"$O/p/b/jobs.yml" &&
	printf '# mine\njobs#1:\n  marked: true\n  seen: true\njobs#3:\n  note: the third\n  read: true\n  seen: true\njobs#2:\n  seen: true\n' >"$O/state.yaml" &&
	cp "$O/state.yaml" "$O/orig" &&
	"$BILLET" --state "$O/state.yaml" --list --format tsv --filter is:read "$O/p" >"$TMP/l" 2>"$TMP/e" &&
	[ ! -s "$TMP/e" ] && [ "$(cut -f 2 "$TMP/l")" = A3 ] &&
	cmp "$O/state.yaml" "$O/orig" && [ ! -e "$O/state.seen.db" ] &&
	"$BILLET" --state "$O/state.yaml" --list --orphans "$O/p" >"$TMP/o" &&
	[ "$(cat "$TMP/o")" = "jobs#1: marked" ]
}
ok "an older state file: --list reads it (ids carried over in memory) and leaves it" old_file

old_upgraded() {
	A1=$("$BILLET" --list --format tsv "$O/p" | sed -n 1p | cut -f 1) &&
	"$BILLET" --state "$O/state.yaml" --mark "$A1" "$O/p" 2>"$TMP/e" &&
	contains "$TMP/e" "billet: 1 state entry matches no posting: billet --list --orphans; $O/state.yaml is upgraded, the old file kept as state.yaml.bak: seen and read postings are now in state.seen.db; 1 entry moved to the postings' new ids" &&
	cmp "$O/state.yaml.bak" "$O/orig" &&
	[ "$(head -c 16 "$O/state.yaml")" = "# billet state 2" ] &&
	! grep -q 'seen:' "$O/state.yaml" &&
	contains "$O/state.yaml" "jobs#1:" &&
	contains "$O/state.yaml" "note: the third" &&
	"$BILLET" --state "$O/state.yaml" --mark "$A1" "$O/p" 2>"$TMP/e" &&
	[ ! -s "$TMP/e" ] &&
	"$BILLET" --state "$O/state.yaml" --list --format tsv --filter is:new "$O/p" >"$TMP/l" &&
	[ "$(cut -f 2 "$TMP/l" | tr '\n' ' ')" = "A1 A2 B1 B2 " ] &&
	"$BILLET" --state "$O/state.yaml" --list --format tsv --filter is:read "$O/p" >"$TMP/l" &&
	[ "$(cut -f 2 "$TMP/l")" = A3 ]
}
ok "--mark carries an older file over: said once, the old file kept, nothing lost" old_upgraded

finish
