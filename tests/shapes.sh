#!/bin/sh
# SPDX-License-Identifier: MIT
# Other sites' shapes from the command line: the note --check prints once
# per file, the keys not placed, the exit status notes leave alone, and a
# directory of boards' JSON read with the samples.
. "$SRCDIR/tests/lib.sh"
S="$SRCDIR/tests/data/shapes"

check_note() {
	"$BILLET" --check "$S/greenhouse-jobs.json" 2>"$TMP/e" &&
	[ "$(wc -l <"$TMP/e")" -eq 2 ] &&
	contains "$TMP/e" "$S/greenhouse-jobs.json:1:1: note: read as a Greenhouse job board; 2 postings" &&
	contains "$TMP/e" "$S/greenhouse-jobs.json:1:1: note: keys not placed, kept under Other: data_compliance, internal_job_id, updated_at, requisition_id, language, offices"
}
ok "--check says once what a board's file was read as, exit 0" check_note

check_names() {
	"$BILLET" --check "$S/names-list.yaml" 2>"$TMP/e" &&
	[ "$(grep -c 'note:' "$TMP/e")" -eq 2 ] &&
	contains "$TMP/e" "names-list.yaml:1:1: note: read as a list of postings with other key names: name -> title, company -> organization, expires -> deadline, link -> source, remote -> workplace, job_type -> employment, pay -> salary, description -> summary, role -> title, employer -> organization, closes -> deadline, url -> source, work_type -> employment, compensation -> salary, position -> title; 3 postings" &&
	contains "$TMP/e" "names-list.yaml:1:1: note: keys not placed, kept under Other: contact"
}
ok "--check names the other key names read and the keys not placed" check_names

check_quiet_elsewhere() {
	"$BILLET" --list --format tsv "$S/lever-postings.json" >"$TMP/l" 2>"$TMP/e" &&
	[ ! -s "$TMP/e" ] &&
	[ "$(wc -l <"$TMP/l")" -eq 2 ] &&
	contains "$TMP/l" "lever-9cb4c077-a07b-4157-b6ca-eddbf5daef08	Youth Case Manager		Oakland, CA (US); Richmond, CA (US)	hybrid	\$58k–64k"
}
ok "notes are for --check: --list prints none" check_quiet_elsewhere

check_errors_still_count() {
	printf -- '- role: A\n  company: B\n  salary: lots\n' >"$TMP/bad.yaml"
	! "$BILLET" --check "$TMP/bad.yaml" 2>"$TMP/e" &&
	contains "$TMP/e" "bad.yaml:1:1: note: read as a posting with other key names: role -> title, company -> organization; 1 posting" &&
	contains "$TMP/e" "bad.yaml:3:11: error: salary:" &&
	contains "$TMP/e" "billet: 1 posting loaded from 1 file; 1 error"
}
ok "a note is no error: the errors alone are counted and set the status" check_errors_still_count

check_canonical_silent() {
	"$BILLET" --check "$SRCDIR/data" 2>"$TMP/e" && [ ! -s "$TMP/e" ]
}
ok "canonical files get no note" check_canonical_silent

show_board() {
	"$BILLET" --show lever-9cb4c077-a07b-4157-b6ca-eddbf5daef08 --width 80 "$S" >"$TMP/s" 2>/dev/null &&
	contains "$TMP/s" "Youth Case Manager" &&
	contains "$TMP/s" "Posted:       2026-07-16" &&
	contains "$TMP/s" "• Hold a caseload of 25 participants" &&
	contains "$TMP/s" "• A driver's license"
}
ok "a directory of boards' JSON loads; --show a Lever posting" show_board

check_personio() {
	P="$S/personio-feed.xml"
	"$BILLET" --check "$P" 2>"$TMP/e" &&
	[ "$(wc -l <"$TMP/e")" -eq 2 ] &&
	contains "$TMP/e" "$P:1:1: note: read as a Personio XML feed; 4 postings; some name no organization (1 posting)" &&
	contains "$TMP/e" "$P:1:1: note: keys not placed, kept under Other: recruitingCategory, seniority, occupation, occupationCategory, employmentType" &&
	"$BILLET" --list --format tsv "$P" >"$TMP/l" 2>/dev/null &&
	[ "$(wc -l <"$TMP/l")" -eq 4 ] &&
	contains "$TMP/l" "personio-1851177	Intern, Refugee Legal Aid (remote)		Remote	remote" &&
	"$BILLET" --list --format tsv --filter 'type:part-time experience>=10' "$P" >"$TMP/l" 2>/dev/null &&
	[ "$(cut -f1 "$TMP/l")" = personio-1862540 ] &&
	"$BILLET" --show personio-1847302 --width 80 "$P" >"$TMP/s" 2>/dev/null &&
	contains "$TMP/s" "Location:     Hamburg; Lübeck; Kiel" &&
	contains "$TMP/s" "Employment:   full-time, part-time, permanent" &&
	contains "$TMP/s" "• 30 Tage Urlaub & Supervision" &&
	contains "$TMP/s" "recruitingCategory: Festangestellte"
}
ok "a Personio XML feed: --check says what it was read as, --list and --show its positions" check_personio

check_xml_problems() {
	printf '<?xml version="1.0"?>\n<rss version="2.0"><channel/></rss>\n' >"$TMP/rss.xml"
	! "$BILLET" --check "$TMP/rss.xml" 2>"$TMP/e" &&
	contains "$TMP/e" "rss.xml:2:1: error: billet does not read this XML: its root element is <rss>; of XML it reads Personio's job feed, whose root is <workzag-jobs>" &&
	printf '<workzag-jobs>\n<position><id>1</id><name>A</name></position>\n<position><name>B</position>\n</workzag-jobs>\n' >"$TMP/bad.xml" &&
	! "$BILLET" --check "$TMP/bad.xml" 2>"$TMP/e" &&
	contains "$TMP/e" "bad.xml:3:29: error: not well-formed XML: Opening and ending tag mismatch: name line 3 and position; the rest of the file is not read" &&
	contains "$TMP/e" "billet: 1 posting loaded from 1 file; 1 error" &&
	mkdir "$TMP/dir" && cp "$TMP/rss.xml" "$S/personio-feed.xml" "$TMP/dir/" &&
	! "$BILLET" --check "$TMP/dir" 2>"$TMP/e" &&
	contains "$TMP/e" "rss.xml:2:1: error: billet does not read this XML" &&
	contains "$TMP/e" "billet: 4 postings loaded from 2 files; 1 error"
}
ok "other XML and broken XML are said, with file, line and column; a directory's .xml files are read" check_xml_problems

yaml_round_trip() {
	"$BILLET" --list --format yaml "$S/greenhouse-jobs.json" >"$TMP/rt.yaml" 2>/dev/null &&
	"$BILLET" --check "$TMP/rt.yaml" 2>"$TMP/e" &&
	! grep -q 'note:' "$TMP/e" &&
	"$BILLET" --list --format tsv "$TMP/rt.yaml" >"$TMP/a" &&
	"$BILLET" --list --format tsv "$S/greenhouse-jobs.json" >"$TMP/b" 2>/dev/null &&
	cmp "$TMP/a" "$TMP/b"
}
ok "a board's postings written as YAML load back canonical, the same" yaml_round_trip

finish
