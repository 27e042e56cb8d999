#!/bin/sh
# SPDX-License-Identifier: MIT
# The batch commands on the sample postings and on bad input.
. "$SRCDIR/tests/lib.sh"
D="$SRCDIR/data"
A=aclu-socal-kern-policy-advocate
N=nyic-upstate-director-advocacy

check_samples() { "$BILLET" --check "$D"; }
ok "--check passes on the samples" check_samples

list_tsv() {
	"$BILLET" --list --format tsv "$D" >"$TMP/l" &&
	[ "$(wc -l <"$TMP/l")" -eq 2 ] &&
	contains "$TMP/l" "$A	Policy Advocate and Organizer	ACLU Foundation of Southern California	Bakersfield office (Bakersfield, CA, US)	onsite	\$62.4k–67k	Open until filled	0" &&
	contains "$TMP/l" "$N	Upstate Director of Advocacy	New York Immigration Coalition"
}
ok "--list --format tsv has the columns of the spec" list_tsv

tsv_header() {
	"$BILLET" --list --format tsv --header "$D" | head -1 |
		grep -qx "id	title	organization	location	workplace	salary	deadline	marked"
}
ok "--header names the columns" tsv_header

show_text() {
	"$BILLET" --show "$A" --width 80 "$D" >"$TMP/s" &&
	contains "$TMP/s" "Salary:       \$62,400–\$67,000 a year" &&
	contains "$TMP/s" "Racial Equity Competencies" &&
	contains "$TMP/s" "• Bilingual Spanish preferred." &&
	perl -CSD -ne 'chomp; exit 1 if length($_) > 80' "$TMP/s"
}
ok "--show prints every section, wrapped to the width" show_text

# A kept key wider than half the width goes on lines of its own, its value
# below it (a short value stays beside it): no line is wider than the
# width in display columns, and nothing is lost.
show_long_key() {
	printf '%s\n' 'id: lk' 'title: Long keys' 'organization: O' \
		'how_to_apply_for_this_position_if_you_live_outside_the_country: Send the application through the consulate form and include a copy of your work permit.' \
		'日本語のとても長いキーの名前はここにありますよ: 値は長い文章です。値は長い文章です。' \
		'a_key_wider_than_half_the_width: fits' >"$TMP/lk.yaml" &&
	for w in 40 60; do
		"$BILLET" --show lk --width "$w" "$TMP/lk.yaml" >"$TMP/lk" &&
		perl -CSD -ne 'chomp; my $w = length($_) + (() = /[\p{EA=W}\p{EA=F}]/g);
			if ($w > '"$w"') { print "$w columns: $_\n"; exit 1 }' "$TMP/lk" &&
		tr -d '\n' <"$TMP/lk" >"$TMP/lk1" &&
		contains "$TMP/lk1" "how_to_apply_for_this_position_if_you_live_outside_the_country:  Send the application" &&
		contains "$TMP/lk1" "日本語のとても長いキーの名前はここにありますよ:  値は" &&
		contains "$TMP/lk" "a_key_wider_than_half_the_width: fits" || return 1
	done
	grep -qx '  Send the application through the consulate form and' "$TMP/lk"
}
ok "--show: a kept key wider than half the width does not push its line over" show_long_key

# --list keeps to the width, dropping columns as it narrows; a width too
# narrow for it is wrong usage
list_width() {
	for w in 8 12 20 30 45 60 80 100; do
		"$BILLET" --list --width "$w" "$D" "$SRCDIR/tests/data/schemaorg" \
			"$SRCDIR/tests/data/ui/wide.yaml" \
			"$SRCDIR/tests/data/ui/escapes.yaml" >"$TMP/lw" &&
		[ -s "$TMP/lw" ] &&
		perl -CSD -ne 'chomp; my $w = length($_) + (() = /[\p{EA=W}\p{EA=F}]/g);
			if ($w > '"$w"') { print "$w columns: $_\n"; exit 1 }' "$TMP/lw" ||
			return 1
	done
	"$BILLET" --list --width 30 "$D" | grep -q '^   Policy Ad' &&
	"$BILLET" --list --width 7 "$D" 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" "billet: --width: at least 8"
}
ok "--list keeps to --width, narrow ones too" list_width

# --list leaves columns out in the interface's order (columns.c): the
# location first, then the salary, the organization, the deadline; the
# title never. So at any width a column shown has every column kept
# longer than it shown too, and each is shown at some width.
list_drop_order() {
	seen=
	w=16
	while [ "$w" -le 160 ]; do
		l=$("$BILLET" --list --width "$w" "$D" | grep "Pol") ||
			return 1
		shown=
		case $l in *Bakersf*) shown="${shown}l" ;; esac
		case $l in *'$62.4k'*) shown="${shown}s" ;; esac
		case $l in *'ACLU So'*) shown="${shown}o" ;; esac
		case $l in *'Open until'*) shown="${shown}d" ;; esac
		case $shown in
		lsod | sod | od | d | '') ;;
		*) echo "at $w columns: $l"; return 1 ;;
		esac
		seen="$seen $shown"
		w=$((w + 2))
	done
	for s in lsod sod od d; do
		case "$seen " in *" $s "*) ;; *) echo "never $s:$seen"; return 1 ;; esac
	done
}
ok "--list drops columns as the interface's list does: the deadline after the title" list_drop_order

# what loads is listed, but a file that does not is a posting problem
list_load_error() {
	printf 'title: [unclosed\n' >"$TMP/broken.yaml"
	"$BILLET" --list --format tsv "$D" "$TMP/broken.yaml" \
		"$TMP/no-such-file.yaml" >"$TMP/l" 2>"$TMP/e"
	[ $? -eq 1 ] && [ "$(wc -l <"$TMP/l")" -eq 2 ] &&
	grep -q "broken.yaml:[0-9]*:[0-9]*: error: " "$TMP/e" &&
	grep -q "no-such-file.yaml:1:1: error: " "$TMP/e" &&
	"$BILLET" --show "$A" "$D" "$TMP/broken.yaml" >"$TMP/s" 2>/dev/null
	[ $? -eq 1 ] && contains "$TMP/s" "Policy Advocate"
}
ok "--list and --show print what loads, and exit 1 when a file did not" \
	list_load_error

show_unknown() {
	"$BILLET" --show no-such-id "$D" 2>"$TMP/e"
	[ $? -eq 1 ] && contains "$TMP/e" "billet: no posting with id 'no-such-id'"
}
ok "--show of an unknown id exits 1 with a message" show_unknown

usage() {
	"$BILLET" --bogus 2>/dev/null
	[ $? -eq 2 ] || return 1
	"$BILLET" --format xml --list "$D" 2>/dev/null
	[ $? -eq 2 ]
}
ok "wrong usage exits 2" usage

# no_esc FILE: FILE holds no ESC or BEL byte.
no_esc() { ! grep -q "$(printf '[\033\007]')" "$1"; }

# What billet says of text the user or a file gave it shows escapes.
messages_shown_safely() {
	bad=$(printf 'x\033]0;pwned\007y')
	"$BILLET" "--bogus-$bad" 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" "unknown option '--bogus-x^[]0;pwned^Gy'" &&
	no_esc "$TMP/e" || return 1
	"$BILLET" --sort "$bad" --list "$D" 2>"$TMP/e" >/dev/null
	[ $? -eq 2 ] && contains "$TMP/e" "bad key 'x^[]0;pwned^Gy'" &&
	no_esc "$TMP/e" || return 1
	"$BILLET" --list -s 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" "option '-s' needs a value" || return 1
	mkdir -p "$TMP/$bad" && echo "[" >"$TMP/$bad/state.yaml" &&
	"$BILLET" --state "$TMP/$bad/state.yaml" --mark "$A" "$D" 2>"$TMP/e"
	[ $? -eq 1 ] && contains "$TMP/e" "x^[]0;pwned^Gy/state.yaml:2:1: syntax error" &&
	no_esc "$TMP/e"
}
ok "messages show escapes in names and options, never send them" \
	messages_shown_safely

yaml_roundtrip() {
	"$BILLET" --list --format yaml "$D" >"$TMP/rt.yaml" &&
	"$BILLET" --check "$TMP/rt.yaml" &&
	"$BILLET" --list --format yaml "$TMP/rt.yaml" >"$TMP/rt2.yaml" &&
	cmp "$TMP/rt.yaml" "$TMP/rt2.yaml"
}
ok "--format yaml reads back to the same postings" yaml_roundtrip

# Every sample and test posting: load, dump, load, dump gives the same
# output, in yaml and json, with and without the user's state (a state
# file that marks, rates and notes every posting is in use throughout)
roundtrip_all() {
	rs="$TMP/rt-state.yaml"
	: >"$rs"
	for f in "$D"/*.yaml "$SRCDIR"/tests/data/*/*.yaml \
		"$SRCDIR"/tests/data/*/*.json "$SRCDIR"/tests/data/*/*/*.yaml; do
		"$BILLET" --list --format tsv "$f" 2>/dev/null | cut -f1
	done | sort -u | sed 's/[\\"]/\\&/g' | awk '{ printf "\"%s\":\n  marked: true\n  rating: 3\n  status: applied\n  note: \"note on %s\"\n", $0, $0 }' >"$rs"
	# at least the samples have a state
	grep -q "^\"$A\":" "$rs" || return 1
	for f in "$D"/*.yaml "$SRCDIR"/tests/data/*/*.yaml \
		"$SRCDIR"/tests/data/*/*.json "$SRCDIR"/tests/data/*/*/*.yaml; do
		for fmt in yaml json; do
			for ws in "" --with-state; do
				"$BILLET" --state "$rs" --list --format $fmt $ws \
					"$f" >"$TMP/rt1.$fmt" 2>/dev/null
				"$BILLET" --state "$rs" --list --format $fmt $ws \
					"$TMP/rt1.$fmt" >"$TMP/rt2.$fmt" 2>"$TMP/rt.err"
				cmp -s "$TMP/rt1.$fmt" "$TMP/rt2.$fmt" || {
					echo "$f: $fmt $ws differs when read back"
					diff "$TMP/rt1.$fmt" "$TMP/rt2.$fmt" | head -5
					return 1
				}
				[ ! -s "$TMP/rt.err" ] || {
					echo "$f: $fmt $ws reads back with problems"
					head -3 "$TMP/rt.err"
					return 1
				}
			done
		done
		# the state read back is in no field: without it, the same
		"$BILLET" --state "$rs" --list --format yaml "$f" \
			>"$TMP/rt1.yaml" 2>/dev/null
		"$BILLET" --state "$rs" --list --format yaml --with-state "$f" \
			2>/dev/null >"$TMP/rt3.yaml"
		"$BILLET" --state "$rs" --list --format yaml "$TMP/rt3.yaml" |
			cmp -s - "$TMP/rt1.yaml" ||
			{ echo "$f: the state read back as fields"; return 1; }
	done
}
ok "every sample and test posting reads back to the same output" roundtrip_all

# Unknown keys inside a known mapping are kept at the top level: written
# back under their own name they would repeat a key, or take a field's
# place (for YAML readers that keep the last of two keys)
kept_key_spoof() {
	# a section's group that is a mapping is kept under its own name
	printf '%s\n' 'id: q' 'title: Real' 'organization: O' 'sections:' \
		'  A:' '    title: {x: Evil}' '    id: {x: other}' \
		>"$TMP/spoof.yaml"
	"$BILLET" --list --format yaml "$D" "$TMP/spoof.yaml" \
		>"$TMP/sp.yaml" 2>/dev/null
	"$BILLET" --check "$TMP/sp.yaml" &&
	[ "$(grep -c '^title:' "$TMP/sp.yaml")" -eq 3 ] &&
	[ "$(grep -c '^id:' "$TMP/sp.yaml")" -eq 3 ] &&
	contains "$TMP/sp.yaml" 'title: Real' &&
	grep -A1 '^title~2:$' "$TMP/sp.yaml" | grep -q '  x: Evil' &&
	grep -A1 '^id~2:$' "$TMP/sp.yaml" | grep -q '  x: other' &&
	"$BILLET" --list --format yaml "$TMP/sp.yaml" | cmp - "$TMP/sp.yaml" &&
	"$BILLET" --list --format json "$TMP/spoof.yaml" >"$TMP/sp.json" \
		2>/dev/null
	"$BILLET" --check "$TMP/sp.json" &&
	[ "$("$BILLET" --list --format tsv --filter 'title:evil' "$TMP/sp.json")" = "" ] &&
	"$BILLET" --show q --format yaml "$TMP/sp.json" >"$TMP/sp1.yaml" &&
	"$BILLET" --show q --format yaml "$TMP/sp.yaml" | cmp - "$TMP/sp1.yaml"
}
ok "--format yaml and json write a key once; a kept value is never a field" \
	kept_key_spoof

json_valid() {
	"$BILLET" --list --format json "$D" >"$TMP/j.json" &&
	"$BILLET" --check "$TMP/j.json" 2>/dev/null
	"$BILLET" --list --format json "$TMP/j.json" >"$TMP/j2.json" 2>/dev/null
	# the JSON output reads back as YAML to the same postings
	"$BILLET" --list --format yaml "$TMP/j.json" >"$TMP/j.yaml" &&
	"$BILLET" --list --format yaml "$D" | cmp - "$TMP/j.yaml"
}
ok "--format json carries every field" json_valid

check_errors() {
	printf 'title: A\norganization: B\nsalary: lots\n' >"$TMP/bad.yaml"
	"$BILLET" --check "$TMP/bad.yaml" 2>"$TMP/e"
	[ $? -eq 1 ] && contains "$TMP/e" "$TMP/bad.yaml:3:9: error: salary:"
}
ok "--check reports a type error at its line and column, exit 1" check_errors

schemaorg() {
	for f in "$SRCDIR"/tests/data/schemaorg/*.json; do
		"$BILLET" --check "$f" 2>/dev/null || { echo "$f"; return 1; }
		[ "$("$BILLET" --list --format tsv "$f" | wc -l)" -eq 1 ] ||
			{ echo "$f: not one posting"; return 1; }
	done
}
ok "every schema.org example loads as one posting" schemaorg

# What a job board's JSON-LD gives beyond the fields is kept under Other:
# shown, found by a filter, written out (tests/data/jsonld/SOURCE.md).
jsonld_kept() {
	J="$SRCDIR/tests/data/jsonld"
	"$BILLET" --check "$J" &&
	"$BILLET" --show eastside-tenants-union-etu-2025-014 --width 100 "$J" >"$TMP/s" &&
	contains "$TMP/s" "jobLocation.address.postalCode: 90033" &&
	contains "$TMP/s" "hiringOrganization.logo: https://eastside-tenants.example.org/images/logo.png" &&
	"$BILLET" --show remote-data-coordinator-1n341kjb0s --width 100 "$J" >"$TMP/s" &&
	grep -qE '^directApply: +false$' "$TMP/s" &&
	contains "$TMP/s" "Full time, benefits eligible" &&
	[ "$("$BILLET" --list --format tsv --filter 48502 "$J" | cut -f1)" = great-lakes-workers-center-glwc-77 ] &&
	[ "$("$BILLET" --list --format tsv --filter 'other:recruiting' "$J" | cut -f1)" = remote-data-coordinator-1n341kjb0s ] &&
	[ "$("$BILLET" --list --format tsv --filter 'logo-512' "$J" | cut -f1)" = remote-data-coordinator-1n341kjb0s ] &&
	"$BILLET" --list --format yaml "$J" >"$TMP/y" &&
	contains "$TMP/y" 'jobLocation.address.postalCode: "90033"' &&
	contains "$TMP/y" 'hiringOrganization.logo: https://eastside-tenants.example.org/images/logo.png' &&
	contains "$TMP/y" 'directApply: ' &&
	contains "$TMP/y" 'jobLocation.2.geo:' &&
	contains "$TMP/y" 'employmentType:' &&
	"$BILLET" --list --format json "$J" >"$TMP/j" &&
	contains "$TMP/j" '"jobLocation.1.address.postalCode": "48210"'
}
ok "schema.org properties not mapped are shown, searched and written" jsonld_kept

sanitised() {
	printf 'title: "\\e]0;pwned\\a\\e[31mRed\\u202E"\norganization: "\\x9b"\n' \
		>"$TMP/esc.yaml"
	"$BILLET" --list --format tsv "$TMP/esc.yaml" >"$TMP/o" &&
	"$BILLET" --show "$(cut -f1 "$TMP/o")" "$TMP/esc.yaml" >>"$TMP/o" &&
	! LC_ALL=C grep -q "$(printf '\033')" "$TMP/o" &&
	! LC_ALL=C grep -q "$(printf '\302\233')" "$TMP/o" &&
	contains "$TMP/o" '^[]0;pwned^G^[[31mRed\u202E'
}
ok "escape sequences in a posting are shown, not written raw" sanitised

# Markdown: a table whose titles link to where to apply, then a heading
# per posting, its fields a list, its lists lists; no code block
markdown_samples() {
	"$BILLET" --list --format markdown --sort title "$D" >"$TMP/m.md" &&
	sed -n 1,4p "$TMP/m.md" >"$TMP/m.head" &&
	printf '%s\n' '| Title | Organization | Location | Salary | Deadline |' \
		'| --- | --- | --- | --- | --- |' \
		'| [Policy Advocate and Organizer](https://secure.onehcm.com/ta/ACLUSC.careers?ShowJob=486693636) | ACLU Foundation of Southern California | Bakersfield office (Bakersfield, CA, US) | $62.4k–67k | Open until filled |' \
		'| Upstate Director of Advocacy | New York Immigration Coalition | Western New York (NY, US) |  | rolling |' |
		cmp - "$TMP/m.head" &&
	grep -qx '## Policy Advocate and Organizer — ACLU Foundation of Southern California' "$TMP/m.md" &&
	grep -qx '## Upstate Director of Advocacy — New York Immigration Coalition' "$TMP/m.md" &&
	grep -qx -- '- \*\*Salary:\*\* \$62,400–\$67,000 a year' "$TMP/m.md" &&
	grep -qx -- '- Bilingual Spanish preferred.' "$TMP/m.md" &&
	grep -qx '#### Working for Racial Equity' "$TMP/m.md" &&
	[ "$(grep -c '^### Responsibilities$' "$TMP/m.md")" -eq 2 ] &&
	! grep -q '^```' "$TMP/m.md" &&
	! grep -q 'Rating' "$TMP/m.md"
}
ok "--format markdown: a linked table, then a heading per posting" \
	markdown_samples

# a spreadsheet opens TSV too: a cell it would run gets a leading '
tsv_formula() {
	printf '%s\n' 'id: f' 'title: "=HYPERLINK(\"http://evil\",\"x\")"' \
		'organization: "+O"' 'location: "-1"' >"$TMP/f.yaml"
	"$BILLET" --list --format tsv "$TMP/f.yaml" >"$TMP/o" &&
	printf "f\t'=HYPERLINK(\"http://evil\",\"x\")\t'+O\t'-1\t\t\t\t0\n" |
		cmp - "$TMP/o"
}
ok "--format tsv guards formulas as csv does" tsv_formula

filter_sort() {
	"$BILLET" --list --format tsv --filter 'salary>=60k' "$D" >"$TMP/f" &&
	[ "$(cut -f1 "$TMP/f")" = "$A" ] &&
	"$BILLET" --list --format tsv --filter 'experience>=5' "$D" >"$TMP/f" &&
	[ "$(cut -f1 "$TMP/f")" = "$N" ] &&
	"$BILLET" --list --format tsv --filter 'spanish -title:director' "$D" >"$TMP/f" &&
	[ "$(cut -f1 "$TMP/f")" = "$A" ] &&
	"$BILLET" --list --format tsv --sort -title "$D" | cut -f1 >"$TMP/f" &&
	[ "$(head -1 "$TMP/f")" = "$N" ] &&
	"$BILLET" --list --format tsv --sort salary "$D" | cut -f1 >"$TMP/f" &&
	[ "$(tail -1 "$TMP/f")" = "$N" ] &&
	"$BILLET" --list --format tsv --sort -salary "$D" | cut -f1 >"$TMP/f" &&
	[ "$(tail -1 "$TMP/f")" = "$N" ]
}
ok "--filter and --sort on the samples (no salary sorts last both ways)" filter_sort

# only min or only max: a range open above or below, not one figure
salary_open() {
	printf '%s\n' 'id: up' 'title: Up' 'organization: O' \
		'salary: {max: 90000}' '---' 'id: from' 'title: From' \
		'organization: O' 'salary: {min: 50000}' >"$TMP/open.yaml"
	"$BILLET" --show up --width 80 "$TMP/open.yaml" >"$TMP/o" &&
	contains "$TMP/o" 'Salary:       up to $90,000 a year' &&
	"$BILLET" --list --format tsv "$TMP/open.yaml" | cut -f1,6 >"$TMP/o" &&
	contains "$TMP/o" 'up	≤$90k' && contains "$TMP/o" 'from	$50k+' &&
	# >= looks at the top, <= at the bottom: an open end is no bound
	for q in 'salary<=60000|up from' 'salary>=95000|from' \
		'salary>=1000000|from' 'salary<=40000|up' 'salary<1|up'; do
		got=$("$BILLET" --list --format tsv --filter "${q%|*}" \
			"$TMP/open.yaml" | cut -f1 | tr '\n' ' ')
		[ "$got" = "${q#*|} " ] || { echo "${q%|*}: '$got'"; return 1; }
	done
	"$BILLET" --list --format yaml "$TMP/open.yaml" >"$TMP/o.yaml" &&
	[ "$(grep -c '^  min: ' "$TMP/o.yaml")" -eq 1 ] &&
	[ "$(grep -c '^  max: ' "$TMP/o.yaml")" -eq 1 ] &&
	"$BILLET" --list --format yaml "$TMP/o.yaml" | cmp - "$TMP/o.yaml"
}
ok "a salary of only min or only max is an open range" salary_open

bad_filter() {
	"$BILLET" --list --filter 'salary>=' "$D" 2>"$TMP/e"
	[ $? -eq 2 ] &&
	contains "$TMP/e" "billet: filter: expected a value after 'salary>=' at column 8"
}
ok "a query that does not parse says where, exit 2" bad_filter

compare_text() {
	"$BILLET" --compare "$A,$N" --width 80 "$D" >"$TMP/c" &&
	perl -CSD -ne 'chomp; exit 1 if length($_) > 80' "$TMP/c" &&
	contains "$TMP/c" "Policy Advocate and Organizer" &&
	grep -q '^\* Title' "$TMP/c" &&
	"$BILLET" --compare "$A,$N" --width 160 "$D" >"$TMP/c2" &&
	perl -CSD -ne 'chomp; exit 1 if length($_) > 160' "$TMP/c2" &&
	# the two required pairs share a row, marked as differing, with the
	# words that differ between « and »
	grep -q '^\* .*• «Bilingual» Spanish preferred.*• «Proficiency in» Spanish' "$TMP/c2" &&
	grep -q '^\* .*• «Flexible» team player.*• «Good» team player' "$TMP/c2" &&
	grep -q '^\* .*• At least «2» years of «organizing, campaign,.*• At least «5-10» years of «relevant»' "$TMP/c2"
}
ok "--compare text at 80 and 160 columns pairs similar items, the pairs that differ marked * with their differing words between « »" compare_text

compare_errors() {
	"$BILLET" --compare "$A" "$D" 2>/dev/null
	[ $? -eq 2 ] || return 1
	"$BILLET" --compare "$A,nope" "$D" 2>"$TMP/e"
	[ $? -eq 1 ] && contains "$TMP/e" "no posting with id 'nope'"
}
ok "--compare with one id is a usage error, an unknown id exit 1" compare_errors

# ids are trimmed; a posting named twice is wrong usage
compare_ids() {
	"$BILLET" --compare " $A , $N, " --width 80 "$D" >"$TMP/c" &&
	contains "$TMP/c" "Policy Advocate and Organizer" &&
	contains "$TMP/c" "Upstate Director of Advocacy" || return 1
	"$BILLET" --compare "$A, $A" "$D" >"$TMP/c" 2>"$TMP/e"
	[ $? -eq 2 ] && [ ! -s "$TMP/c" ] &&
	contains "$TMP/e" "billet: --compare: '$A' is named twice" || return 1
	"$BILLET" --compare "$A,$N,a,b,c" "$D" 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" "billet: --compare: at most 4 postings"
}
ok "--compare trims its ids and refuses a posting named twice" compare_ids

compare_json() {
	"$BILLET" --compare "$A,$N" --format json "$D" >"$TMP/cj" &&
	contains "$TMP/cj" '"rows"' && contains "$TMP/cj" '"differs": true' &&
	grep -F '"At least 2 years of organizing' "$TMP/cj" |
		grep -qF '"words": [["2", "organizing, campaign, and/or advocacy", '
}
ok "--compare --format json prints the aligned rows, with the differing words of a pair" compare_json

# Four postings of 16,000 responsibilities each, every item beginning with
# the same four words, then a word its twin in each other posting has (in
# another position) and a word of its own: once minutes, now seconds.
compare_long() {
	mkdir -p "$TMP/long"
	for p in 0 1 2 3; do
		awk -v p="$p" 'BEGIN {
			m = p == 0 ? 1 : p == 1 ? 7 : p == 2 ? 11 : 13
			printf "id: long%d\ntitle: Long %d\norganization: O\n", p, p
			print "responsibilities:"
			for (k = 0; k < 16000; k++)
				printf "  - \"Python, Java, Rust and Golang: x%d z%d_%d\"\n",
					k * m % 16000, p, k
		}' >"$TMP/long/$p.yaml"
	done
	timeout $((20 * SLOW)) "$BILLET" --compare long0,long1,long2,long3 --format json \
		"$TMP/long" >"$TMP/lj" || return 1
	# x7's row holds its four twins, and the table says it is partial
	grep -F '"Python, Java, Rust and Golang: x7 z0_7"' "$TMP/lj" |
		grep -o 'Golang: x7 z' | wc -l | grep -qx ' *4' &&
	contains "$TMP/lj" '"partial": true' &&
	timeout $((20 * SLOW)) "$BILLET" --compare long0,long1,long2,long3 --width 80 \
		"$TMP/long" >"$TMP/lt" &&
	tail -3 "$TMP/lt" | grep -q '^Some lists are too long to compare every'
}
ok "--compare of four postings of 16,000 items each is quick" compare_long


# Issue 14's wrong answers, on postings such as people bring (tests/data/
# answers): the ids a filter lists, in order, comma-separated.
Q="$SRCDIR/tests/data/answers"
ids() { "$BILLET" --list --format tsv "$@" | cut -f1 | paste -sd, -; }

# expect WANT ARGS...: the ids --list gives for ARGS are WANT.
expect() {
	want=$1
	shift
	got=$(ids "$@") || return 1
	[ "$got" = "$want" ] || { echo "$*: got '$got', want '$want'"; return 1; }
}

enumerated_fields() {
	expect paris-researcher --filter workplace:remote "$Q" &&
	expect berlin-organizer --filter workplace.note:remote "$Q" &&
	expect berlin-organizer,paris-researcher --filter remote "$Q" &&
	expect berlin-organizer,tokyo-organizer --filter workplace:onsite "$Q" &&
	expect paris-researcher --filter type:exempt "$Q" &&
	expect berlin-organizer --filter type:non-exempt "$Q" &&
	expect lyon-coordinator,oakland-canvasser --filter type:part-time "$Q"
}
ok "--filter: workplace:, type: match the value, not a note or a piece" enumerated_fields

text_deadlines() {
	expect paris-researcher --filter deadline:rolling "$Q" &&
	expect lyon-coordinator --filter 'start:"as soon as possible"' "$Q" &&
	expect east-bay-votes-canvass-lead,tokyo-organizer --filter 'deadline<=2026-02-28' \
		--sort id "$Q"
}
ok "--filter: deadline:rolling and start:text by field, dates still compare" text_deadlines

# Dollars are most of these four: a bare figure is in dollars, the yen
# and the euros never meet it.
currencies() {
	set -- "$Q/tokyo-organizer.yaml" "$Q/oakland-canvasser.yaml" \
		"$Q/one-month.json" "$Q/berlin-organizer.yaml"
	expect oakland-canvasser --filter 'salary>=60000' "$@" &&
	expect east-bay-votes-canvass-lead --filter 'salary<=45000' "$@" &&
	expect berlin-organizer --filter 'salary<=45000eur' "$@" &&
	expect tokyo-organizer --filter 'salary>=5000000JPY' "$@" &&
	expect '' --filter 'salary>=1GBP' "$@" &&
	"$BILLET" --list --filter 'salary>=5kEUX' "$@" 2>"$TMP/e"
	[ $? -eq 2 ] &&
	contains "$TMP/e" "billet: filter: unknown currency 'EUX' at column 11" &&
	# euros are most of the whole set: now a bare figure is in euros
	expect paris-researcher --filter 'salary>=45000' "$Q" &&
	expect oakland-canvasser --filter 'salary>=45000USD' "$Q"
}
ok "--filter: a salary figure is in the currency most postings use, or the one named" currencies

sort_currencies() {
	expect berlin-organizer,lyon-coordinator,paris-researcher,tokyo-organizer,east-bay-votes-canvass-lead,oakland-canvasser \
		--sort salary "$Q" &&
	expect paris-researcher,lyon-coordinator,berlin-organizer,tokyo-organizer,oakland-canvasser,east-bay-votes-canvass-lead \
		--sort -salary "$Q" &&
	expect oakland-canvasser,east-bay-votes-canvass-lead,berlin-organizer,tokyo-organizer \
		--sort -salary "$Q/tokyo-organizer.yaml" \
		"$Q/oakland-canvasser.yaml" "$Q/one-month.json" \
		"$Q/berlin-organizer.yaml"
}
ok "--sort salary: the user's currency first, then by code, amounts within" sort_currencies

experience_months() {
	"$BILLET" --show east-bay-votes-canvass-lead "$Q" >"$TMP/x" &&
	contains "$TMP/x" "Experience:   1+ months" &&
	! grep -q '0\.08' "$TMP/x" &&
	"$BILLET" --compare east-bay-votes-canvass-lead,paris-researcher "$Q" >"$TMP/x" &&
	contains "$TMP/x" "1+ months" &&
	"$BILLET" --list --format markdown "$Q" >"$TMP/x" &&
	! grep -q '0\.08' "$TMP/x"
}
ok "one month of experience shows as months in --show, --compare and markdown" experience_months

# Job pages ----------------------------------------------------------------
PG="$SRCDIR/tests/data/pages"

# --check of a directory of saved pages: the pages are read (a directory
# walk includes .html), their problems at their place in the page
check_pages() {
	"$BILLET" --check "$PG" >"$TMP/po" 2>"$TMP/pe"
	[ $? -eq 1 ] &&
	contains "$TMP/pe" "comment-block.html:14:114: error: baseSalary: value 'lots' is not an amount" &&
	contains "$TMP/pe" "broken-block.html:12:3: error: JSON-LD block: not JSON" &&
	contains "$TMP/pe" "no-posting-blog.html:1:1: error: no schema.org JobPosting in this page" &&
	contains "$TMP/pe" "billet: 13 postings loaded from 14 files; 3 errors" &&
	"$BILLET" --check "$PG/greenhouse-organizer.html" "$PG/usajobs-program-analyst.html" \
		"$PG/careers-two-postings.html" &&
	"$BILLET" --list --format tsv "$PG/greenhouse-organizer.html" \
		"$PG/usajobs-program-analyst.html" "$PG/careers-two-postings.html" \
		>"$TMP/pl" &&
	[ "$(wc -l <"$TMP/pl")" -eq 4 ]
}
ok "--check reads a directory of job pages and places their problems" check_pages

# a page named anything, opening as an HTML document, is a page too
check_sniffed() {
	cp "$PG/lever-data-analyst.html" "$TMP/saved-page" &&
	"$BILLET" --list --format tsv "$TMP/saved-page" >"$TMP/sp" &&
	contains "$TMP/sp" "	Data Analyst	Riverbend Health"
}
ok "a saved page without .html is read as a page" check_sniffed

# a directory walk reads every extension man 5 lists (ASCII case ignored),
# and no other: .jsonld was once left out. Each its own job (one job from
# two files is listed once: the page's two copies are, with both sources)
dir_extensions() {
	mkdir -p "$TMP/ext" &&
	i=0
	for e in yaml yml json jsonld YAML; do
		i=$((i + 1))
		printf '{"title": "In %s", "organization": "O%d"}\n' "$e" $i \
			>"$TMP/ext/p-$e.$e" || return 1
	done &&
	cp "$PG/lever-data-analyst.html" "$TMP/ext/page.html" &&
	cp "$PG/lever-data-analyst.html" "$TMP/ext/page.htm" &&
	printf '{"title": "Not read", "organization": "O"}\n' >"$TMP/ext/notes.txt" &&
	"$BILLET" --list --format tsv "$TMP/ext" >"$TMP/el" &&
	i=0
	for e in yaml yml json jsonld YAML; do
		i=$((i + 1))
		contains "$TMP/el" "	In $e	O$i	" || return 1
	done &&
	[ "$(grep -c 'Data Analyst' "$TMP/el")" -eq 1 ] &&
	"$BILLET" --list --format json --filter is:duplicate "$TMP/ext" \
		>"$TMP/ej" &&
	contains "$TMP/ej" "\"file\": \"$TMP/ext/page.html\"" &&
	contains "$TMP/ej" "\"file\": \"$TMP/ext/page.htm\"" &&
	! grep -q "Not read" "$TMP/el"
}
ok "a directory walk reads .yaml .yml .json .jsonld .html .htm, and not .txt" dir_extensions

# --show of a page's posting: the HTML description as paragraphs, bullets
# and the canonical lists its headings name
show_page() {
	gid=$("$BILLET" --list --format tsv "$PG/greenhouse-organizer.html" |
		cut -f 1) &&
	"$BILLET" --show "$gid" --width 72 \
		"$PG/greenhouse-organizer.html" >"$TMP/sg" &&
	cat >"$TMP/want" <<'WANT' &&
Summary
Valley Tenants Union builds tenant power across the Central Valley. We
are hiring a Community Organizer to grow our Fresno chapter.

Responsibilities
• Recruit, train and support tenant leaders in 20+ buildings
• Plan and run actions: building meetings; rallies at City Hall
• Keep clear records of every conversation

Required qualifications
• Two years of organizing experience, paid or volunteer
• Comfortable knocking on doors in the evening

Preferred qualifications
• Spanish or Hmong

Benefits
Full health, dental and vision for you and your family; 4 weeks of paid
vacation. Details on our benefits page
(https://valleytenants.example/benefits).

How to apply
1. Send a resume and a short letter
2. Talk with two organizers

Questions? Write to jobs@valleytenants.example.
WANT
	sed -n '/^Summary$/,/^Questions/p' "$TMP/sg" | diff -u "$TMP/want" - &&
	# the page's scripts, styles, navigation and cookie banner: nowhere
	! grep -qiE 'cookie|dataLayer|font-family|All jobs' "$TMP/sg"
}
ok "--show of a page: its description as paragraphs and lists" show_page

# a schema.org description in a .json file: lists stay lists, paragraphs
# stay paragraphs, in --show and in the summary written out
show_html_description() {
	cat >"$TMP/d.json" <<'JSON' &&
{"@type": "JobPosting", "title": "Organizer", "hiringOrganization": "O",
 "description": "<p>We organize.</p><p>Our work:<br>in the valley</p><ul><li>Tenants</li><li>Workers<ol><li>farm</li><li>warehouse</li></ol></li></ul><p>Join us.</p>"}
JSON
	did=$("$BILLET" --list --format tsv "$TMP/d.json" | cut -f 1) &&
	"$BILLET" --show "$did" --width 40 "$TMP/d.json" >"$TMP/ds" &&
	sed -n '/^Summary$/,$p' "$TMP/ds" >"$TMP/ds2" &&
	printf '%s\n' Summary 'We organize.' '' 'Our work:' '' 'in the valley' '' \
		'• Tenants' '• Workers' '  1. farm' '  2. warehouse' '' 'Join us.' |
		diff -u - "$TMP/ds2" &&
	"$BILLET" --show "$did" --format yaml "$TMP/d.json" >"$TMP/dy.yaml" &&
	contains "$TMP/dy.yaml" "  - Workers" &&
	"$BILLET" --show "$did" --width 40 "$TMP/dy.yaml" | sed -n '/^Summary$/,$p' |
		diff -u "$TMP/ds2" -
}
ok "--show: an HTML description's lists and paragraphs, kept through YAML" show_html_description

# Deadlines around 2026-12-07 (tests/data/deadlines), today fixed by
# --today or BILLET_TODAY (the option wins).
DL="$SRCDIR/tests/data/deadlines"

today_fixed() {
	expect housing-counsel,youth-organizer --today 2026-12-07 \
		--filter is:closed "$DL" &&
	expect field-lead,comms-fellow,grants-writer,data-analyst,legal-intake \
		--today 2026-12-07 --filter is:closing "$DL" &&
	expect field-lead,comms-fellow,grants-writer,data-analyst,policy-director,canvass-captain,legal-intake \
		--today 2026-12-07 --filter -is:closed "$DL" &&
	expect field-lead,comms-fellow,grants-writer,data-analyst,policy-director,canvass-captain,legal-intake \
		--today 2026-12-07 --filter is:open "$DL" &&
	# a day later, today + 8 comes in and today closes
	expect comms-fellow,grants-writer,data-analyst,policy-director,legal-intake \
		--today 2026-12-08 --filter is:closing "$DL" &&
	(export BILLET_TODAY=2026-12-08
	 expect housing-counsel,youth-organizer,field-lead --filter is:closed \
		"$DL" &&
	 expect housing-counsel,youth-organizer --today 2026-12-07 \
		--filter is:closed "$DL") &&
	# "today" in a date term is the same day
	expect field-lead --today 2026-12-07 --filter deadline=today "$DL" &&
	# empty is not set: the real date
	want=$(ids --today "$(date +%Y-%m-%d)" --filter is:closed "$DL") &&
	(export BILLET_TODAY=; expect "$want" --filter is:closed "$DL")
}
ok "--today and BILLET_TODAY fix today for is:closed, is:closing, is:open" \
	today_fixed

today_bad() {
	"$BILLET" --today 2026-02-30 --list "$DL" >"$TMP/o" 2>"$TMP/e"
	[ $? -eq 2 ] && [ ! -s "$TMP/o" ] &&
	contains "$TMP/e" "billet: --today: no such date '2026-02-30'" || return 1
	"$BILLET" --today tomorrow --list "$DL" 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" \
		"billet: --today: expected a date YYYY-MM-DD, not 'tomorrow'" ||
		return 1
	"$BILLET" --today 2026-12 --list "$DL" 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" "not '2026-12'" || return 1
	"$BILLET" --today "$(printf '\033[2J')" --list "$DL" 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" "not '^[[2J'" && no_esc "$TMP/e" ||
		return 1
	BILLET_TODAY=12/07/2026 "$BILLET" --list "$DL" 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" \
		"billet: BILLET_TODAY: expected a date YYYY-MM-DD, not '12/07/2026'" ||
		return 1
	# the option wins, so a bad BILLET_TODAY is not read
	BILLET_TODAY=bad "$BILLET" --today 2026-12-07 --list "$DL" >/dev/null ||
		return 1
	# and the interface does not start on a bad one either
	"$BILLET" --today 2026-13-01 "$DL" 2>"$TMP/e" </dev/null
	[ $? -eq 2 ] && contains "$TMP/e" "no such date '2026-13-01'"
}
ok "a bad --today or BILLET_TODAY is wrong usage (exit 2), said clearly" \
	today_bad

deadline_words() {
	for c in "housing-counsel:2026-12-04 — closed 3 days ago" \
	         "youth-organizer:closed on 2026-10-30" \
	         "field-lead:2026-12-07 — closes today" \
	         "comms-fellow:2026-12-08 — closes tomorrow" \
	         "grants-writer:2026-12-10 — closes in 3 days" \
	         "data-analyst:2026-12-14 — closes in 7 days" \
	         "policy-director:2026-12-15" \
	         "canvass-captain:rolling" \
	         "legal-intake:2026-12-09 — closes in 2 days"; do
		"$BILLET" --today 2026-12-07 --show "${c%%:*}" "$DL" >"$TMP/x" ||
			return 1
		grep -qx "Deadline: *${c#*:}" "$TMP/x" ||
			{ echo "${c%%:*}:"; grep Deadline "$TMP/x"; return 1; }
	done
	BILLET_TODAY=2026-12-05 "$BILLET" --show housing-counsel "$DL" >"$TMP/x" &&
	grep -qx 'Deadline: *2026-12-04 — closed yesterday' "$TMP/x" &&
	"$BILLET" --today 2026-12-07 --compare \
		housing-counsel,field-lead,canvass-captain --width 120 "$DL" \
		>"$TMP/x" &&
	grep '^\* Deadline' "$TMP/x" >"$TMP/row" &&
	contains "$TMP/row" "closed 3 days ago»" &&
	contains "$TMP/row" "closes today»" && contains "$TMP/row" "rolling" &&
	"$BILLET" --today 2026-12-07 --compare housing-counsel,field-lead \
		--format json "$DL" >"$TMP/x" &&
	contains "$TMP/x" '"2026-12-04 — closed 3 days ago"'
}
ok "--show and --compare say how a deadline stands: closed 3 days ago, closes today..." \
	deadline_words

deadline_list() {
	"$BILLET" --today 2026-12-07 --list --width 80 "$DL" >"$TMP/x" &&
	grep -q '^ × Housing Counselor ' "$TMP/x" &&
	grep -q '^ × Youth Organizer ' "$TMP/x" &&
	grep -q '^ ! Field Lead ' "$TMP/x" &&
	grep -q '^ ! Data Analyst ' "$TMP/x" &&
	grep -q '^   Policy Director ' "$TMP/x" &&
	grep -q '^   Canvass Captain ' "$TMP/x" &&
	grep -q '^ ! Legal Intake ' "$TMP/x" &&
	"$BILLET" --today 2026-12-07 --state "$TMP/dl.yaml" --mark field-lead \
		"$DL" 2>/dev/null &&
	"$BILLET" --today 2026-12-07 --state "$TMP/dl.yaml" --list --shortlist \
		"$DL" | grep -q '^\*! Field Lead ' &&
	# tsv and csv keep their columns; json its fields (a script asks
	# with --filter is:closed)
	"$BILLET" --today 2026-12-07 --list --format tsv "$DL" >"$TMP/x" &&
	[ "$(awk -F'\t' 'NF != 8' "$TMP/x" | wc -l)" -eq 0 ] &&
	! grep -q '×\|closed\|closes' "$TMP/x" &&
	"$BILLET" --today 2026-12-07 --list --format json "$DL" >"$TMP/x" &&
	! grep -q 'closed\|closes\|days_left' "$TMP/x"
}
ok "--list: × closed, ! closing soon beside the mark; tsv and json unchanged" \
	deadline_list

closing_days() {
	mkdir -p "$TMP/cd/billet" &&
	echo 'set closing-days = 2' >"$TMP/cd/billet/config" &&
	(export XDG_CONFIG_HOME="$TMP/cd"
	 expect field-lead,comms-fellow,legal-intake --today 2026-12-07 \
		--filter is:closing "$DL" &&
	 "$BILLET" --today 2026-12-07 --show grants-writer "$DL" >"$TMP/x" &&
	 grep -qx 'Deadline: *2026-12-10' "$TMP/x" &&
	 "$BILLET" --today 2026-12-07 --list "$DL" |
		grep -q '^   Grants Writer ' &&
	 echo 'set closing-days = 0' >"$TMP/cd/billet/config" &&
	 expect field-lead --today 2026-12-07 --filter is:closing "$DL" &&
	 # out of range: said, and the default applies
	 echo 'set closing-days = 366' >"$TMP/cd/billet/config" &&
	 "$BILLET" --today 2026-12-07 --check "$DL" 2>"$TMP/e" >/dev/null
	 [ $? -eq 1 ] && contains "$TMP/e" "closing-days" &&
	 expect field-lead,comms-fellow,grants-writer,data-analyst,legal-intake \
		--today 2026-12-07 --filter is:closing "$DL" 2>/dev/null)
}
ok "the config's closing-days sets how near a deadline is closing soon" \
	closing_days

finish
