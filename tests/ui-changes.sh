#!/bin/sh
# SPDX-License-Identifier: MIT
# A posting that changed since it was read, driven for real in tmux: read
# in one run, its file changed (a salary raised, a bullet added), the next
# run says how many changed, flags it Δ, says it in the detail; D shows the
# posting as read beside it as it is now, and reading it clears the flag,
# in this run and the next; a file written anew that says the same is not
# a change.
UI_TEST=tests/ui-changes.sh
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/uilib.sh"

P="$TMP/postings"
mkdir -p "$P"
# jobs MAX [MORE]: the postings, the organizer's salary up to MAX, MORE a
# further responsibility.
jobs() {
	{
		printf '%s\n' 'id: organizer' 'title: Tenant Organizer' \
			'organization: Eastside Tenants Union' \
			"salary: {min: 50000, max: $1}" 'deadline: 2099-03-01' \
			'summary: |' \
			'  We organize tenants across the east side, building by' \
			'  building, and win repairs.' \
			'responsibilities:' '  - Door knocking' '  - Running meetings'
		[ -z "$2" ] || printf '  - %s\n' "$2"
		printf '%s\n' '---' 'id: driver' 'title: Van Driver' \
			'organization: Food Bank' 'salary: 40000'
	} >"$P/jobs.yaml"
}
jobs 55000

read_once() {
	start a 80x24 "$P" &&
	waits a "loaded: 2 postings" &&
	keys a Enter &&
	waits a "Summary" &&
	keys a q &&
	waits a "·  Tenant Organizer" &&
	keys a Q &&
	waits a "billet-exit=0" &&
	tm kill-session -t a &&
	[ -s "$TMP/state.snapshots.json" ]
}
ok "a posting opened in the detail is read, and kept as it was read" read_once

changed_at_start() {
	jobs 58000 "Training leaders" &&
	start b 80x24 "$P" &&
	waits b "1 changed since read (/is:changed lists it)" &&
	line b 2 | grep -q '^ Δ  Tenant Organizer' &&
	line b 3 | grep -q '^    Van Driver'
}
ok "the next run says how many changed since read, and flags it Δ" \
	changed_at_start

d_shows_old_beside_new() {
	keys b D &&
	waits b "as read: Tenant Organizer" &&
	shows b "now: Tenant Organizer" &&
	shows b "2 rows changed since you read it (left: as read, right: now" &&
	screen b | grep -q '^\* Salary .*│ \$50,000–\$55,000 a year .*│ \$50,000–\$58,000 a year' &&
	screen b | grep -q '^+ .*│ *│ • Training leaders' &&
	screen b | grep -q '^  Deadline .*│ 2099-03-01 .*│ 2099-03-01' &&
	keys b d &&
	waits b "differences only" &&
	! screen b | grep -q 'Deadline'
}
ok "D shows the posting as read beside it as it is now, the changes marked" \
	d_shows_old_beside_new

flag_cleared() {
	keys b q &&
	waits b "·  Tenant Organizer" &&
	! screen b | grep -q 'Δ' &&
	keys b Enter &&
	waits b "Changed:      since you read it before now (D shows what)" &&
	keys b D &&
	waits b "as read: Tenant Organizer" &&
	keys b q q Q &&
	waits b "billet-exit=0" &&
	"$BILLET" --state "$STATE" --list --filter is:changed "$P" >"$TMP/l" &&
	[ ! -s "$TMP/l" ]
}
ok "reading it with D clears the flag; the detail and D still show the change" \
	flag_cleared

detail_reads() {
	jobs 60000 "Training leaders" &&
	start c 120x40 "$P" &&
	waits c "1 changed since read" &&
	shows c "Changed:      since you last read it (D shows what)" &&
	keys c Tab &&
	waits c "changed since you last read it: D shows what" &&
	keys c Tab &&
	waits c "·  Tenant Organizer" &&
	keys c D &&
	waits c "1 row changed since you read it" &&
	screen c | grep -q '\$50,000–\$58,000 a year .*│ \$50,000–\$60,000 a year' &&
	keys c q Q &&
	waits c "billet-exit=0"
}
ok "opening the detail reads it too: the flag clears, D still shows the change" \
	detail_reads

reformatted() {
	{
		printf '%s\n' 'responsibilities: [Door knocking, Running meetings, Training leaders]' \
			'summary: >' \
			'  We organize tenants across the east side,' \
			'  building by building, and win repairs.' \
			'deadline: 2099-03-01' 'salary: {max: 60000, min: 50000}' \
			'organization: "Eastside  Tenants Union"' \
			'title: Tenant Organizer' 'id: organizer' '---' \
			'organization: Food Bank' 'salary: 40000' 'title: Van Driver' \
			'id: driver'
	} >"$P/jobs.yaml" &&
	start d 80x24 "$P" &&
	waits d "loaded: 2 postings" &&
	! shows d "changed since read" &&
	line d 2 | grep -q '^ ·  Tenant Organizer' &&
	keys d D &&
	waits d "nothing changed since you last read it" &&
	keys d Q &&
	waits d "billet-exit=0"
}
ok "a file written anew that says the same is not a change" reformatted

small() {
	jobs 62000 "Training leaders" &&
	start e 20x5 "$P" &&
	waits e "1 changed since" &&
	line e 2 | grep -q '^Δ Tenant' &&
	keys e D &&
	waits e "as read:" &&
	keys e q &&
	waits e "· Tenant" &&
	keys e Q &&
	waits e "billet-exit=0"
}
ok "at 20x5 the flag, D and the flag cleared" small

finish
