#!/bin/sh
# SPDX-License-Identifier: MIT
# Posting files with front matter from the command line: --check, --show
# with the body's paragraphs, bullets and sections, and the YAML export
# that reads back to the same postings.
. "$SRCDIR/tests/lib.sh"

# id_of SLUG PATH...: the id of the posting that SLUG names (ids are made
# of what a posting says: its slug, then a hash of the rest)
id_of() {
	slug=$1
	shift
	"$BILLET" --list --format tsv "$@" | cut -f1 | grep -m1 -E "^$slug(-|\$)"
}
F="$SRCDIR/tests/data/frontmatter"

# what each file was read as is said once, with the keys not placed
check_collections() {
	"$BILLET" --check "$F/jekyll" "$F/hugo" >"$TMP/c" 2>&1 &&
	! grep -q "error\|warning" "$TMP/c" &&
	contains "$TMP/c" "tenant-organizer.md:1:1: note: read as a posting with other key names: company -> organization" &&
	contains "$TMP/c" "salary_max -> salary, type -> employment, date -> posted; 1 posting" &&
	contains "$TMP/c" "tenant-organizer.md:1:1: note: keys not placed, kept under Other: layout" &&
	contains "$TMP/c" "data-fellow.md:1:1: note: keys not placed, kept under Other: permalink, job_post_type, opens, gs_level, contact_email, job_announcement_number, state" &&
	! grep -q "youth-organizer" "$TMP/c" &&
	"$BILLET" --list --format tsv "$F/jekyll" "$F/hugo" >"$TMP/l" &&
	[ "$(wc -l <"$TMP/l")" -eq 5 ]
}
ok "--check: a Jekyll collection and a Hugo section load, their names said" check_collections

# each bad file says what is wrong, where, and exits 1
check_bad() {
	"$BILLET" --check "$F/bad" "$F/bad/no-front-matter.md" >"$TMP/c" 2>&1
	[ $? -eq 1 ] &&
	contains "$TMP/c" "bad/no-front-matter.md:1:1: error: no front matter: a posting file in Markdown opens with ---" &&
	contains "$TMP/c" "bad/toml-front-matter.md:1:1: error: TOML front matter (+++) is not read" &&
	contains "$TMP/c" "bad/never-closes.md:1:1: error: the front matter that opens here never closes" &&
	contains "$TMP/c" "bad/yaml-error.md:5:7: error: front matter: YAML syntax"
}
ok "--check says each bad front matter at its line and column" check_bad

# a README.md with no front matter beside the postings is not one
readme_passed_over() {
	mkdir -p "$TMP/dir" &&
	cp "$F/jekyll/_jobs/tenant-organizer.md" "$F/README.md" "$TMP/dir/" &&
	printf '# Notes\n' >"$TMP/dir/notes.markdown" &&
	"$BILLET" --check "$TMP/dir" >"$TMP/c" 2>&1 &&
	! grep -q "README\|notes" "$TMP/c" &&
	"$BILLET" --list --format tsv "$TMP/dir" >"$TMP/l" &&
	[ "$(wc -l <"$TMP/l")" -eq 1 ] &&
	"$BILLET" --check "$TMP/dir/notes.markdown" >"$TMP/c" 2>&1
	[ $? -eq 1 ] && contains "$TMP/c" "notes.markdown:1:1: error: no front matter"
}
ok "a Markdown file with no front matter in a directory is passed over" readme_passed_over

show_body() {
	"$BILLET" --show "$(id_of tenant-organizer "$F/jekyll")" --width 80 "$F/jekyll" >"$TMP/s" &&
	contains "$TMP/s" "Organization: East Bay Tenants Union" &&
	contains "$TMP/s" "Salary:       \$58,000–\$64,000 a year" &&
	contains "$TMP/s" "Posted:       2025-03-04" &&
	grep -qx "in East Oakland (https://tenants.example.org/east-oakland)." "$TMP/s" &&
	grep -qx "We are a member-led union of renters; our staff answer to the members." "$TMP/s" &&
	grep -qx "Responsibilities" "$TMP/s" &&
	contains "$TMP/s" "• Support tenants facing eviction: court accompaniment; know-your-rights" &&
	grep -qx "Preferred qualifications" "$TMP/s" &&
	contains "$TMP/s" "• Spanish or Cantonese" &&
	grep -qx "Schedule" "$TMP/s" &&
	grep -qx "Some evenings and weekends; time off in lieu." "$TMP/s" &&
	grep -qx "Apply at:     https://tenants.example.org/jobs/tenant-organizer" "$TMP/s" &&
	perl -CSD -ne 'chomp; exit 1 if length($_) > 80' "$TMP/s"
}
ok "--show: the body's paragraphs, bullets and sections" show_body

show_groups() {
	"$BILLET" --show "$(id_of data-fellow "$F/jekyll")" --width 80 "$F/jekyll" >"$TMP/s" &&
	grep -qx "Key Objectives" "$TMP/s" &&
	grep -qx "▸ Objective 2: Teach" "$TMP/s" &&
	contains "$TMP/s" "• Run workshops for program staff on reading data" &&
	contains "$TMP/s" "Civic Data Office is hiring a GS-13 Data Fellow." &&
	! grep -q "will soon" "$TMP/s"
}
ok "--show: subheadings as groups, Liquid read as the site would" show_groups

# the export reads back to the same postings, twice over
yaml_roundtrip() {
	"$BILLET" --list --format yaml "$F/jekyll" "$F/hugo" >"$TMP/rt.yaml" &&
	[ "$(grep -c '^title:' "$TMP/rt.yaml")" -eq 5 ] &&
	"$BILLET" --list --format yaml "$TMP/rt.yaml" >"$TMP/rt2.yaml" &&
	cmp "$TMP/rt.yaml" "$TMP/rt2.yaml" &&
	for id in tenant-organizer data-fellow outreach-lead \
	          riverside-field-coordinator youth-organizer; do
		id=$(id_of "$id" "$F/jekyll" "$F/hugo") &&
		"$BILLET" --show "$id" --width 80 "$F/jekyll" "$F/hugo" \
			>"$TMP/a" &&
		"$BILLET" --show "$id" --width 80 "$TMP/rt.yaml" >"$TMP/b" &&
		diff "$TMP/a" "$TMP/b" || return 1
	done
}
ok "--list --format yaml reads back to the same postings" yaml_roundtrip

# --import writes each file as a posting file that loads back the same
import_roundtrip() {
	for f in jekyll/_jobs/tenant-organizer.md jekyll/_jobs/data-fellow.md \
	         jekyll/_jobs/outreach-lead.html \
	         hugo/content/jobs/field-coordinator.md \
	         hugo/content/jobs/youth-organizer/index.md; do
		"$BILLET" --import "$F/$f" >"$TMP/i.yaml" 2>"$TMP/i.err" &&
		id=$("$BILLET" --list --format tsv "$TMP/i.yaml" | cut -f1) &&
		[ -n "$id" ] &&
		"$BILLET" --show "$id" --width 80 "$F/$f" >"$TMP/a" &&
		"$BILLET" --show "$id" --width 80 "$TMP/i.yaml" >"$TMP/b" &&
		diff "$TMP/a" "$TMP/b" || { echo "$f"; return 1; }
	done
}
ok "--import of each front matter file loads back the same posting" import_roundtrip

finish
