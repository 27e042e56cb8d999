#!/bin/sh
# SPDX-License-Identifier: MIT
# An application's tracking from the interface, driven for real in tmux:
# the follow-ups due said at start and flagged @ in the list, f setting a
# follow-up date (+7), the status menu's @ dating a change made earlier,
# the detail showing the history and the follow-up, u taking the change
# out of the history.
UI_TEST=tests/ui-track.sh
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/uilib.sh"

N=nyic-upstate-director-advocacy
TODAY=$(date +%F)
WEEK=$(date -d '+7 days' +%F)
AGO=$(date -d '-3 days' +%F)

# entry ID: the lines of ID's entry in the state file.
entry() {
	awk -v id="$1:" '$0 == id { on = 1; next } /^[^ ]/ { on = 0 } on' \
		"$STATE"
}

printf '%s\n' "$N:" '  status: applied' '  history:' '  - applied 2026-11-03' \
	'  follow-up: 2026-01-05' >"$STATE"

due_at_start() {
	start a 160x40 "$D" &&
	waits a "1 follow-up due (/is:due lists it)" &&
	line a 3 | grep -q '^ @ Upstate Director' &&
	keys a j &&
	waits a "History:      applied 2026-11-03" &&
	shows a "Follow up:    2026-01-05 (due"
}
ok "the follow-ups due are said at start, flagged @, and shown in the detail" \
	due_at_start

follow_up() {
	keys a f &&
	waits a "follow up on (YYYY-MM-DD, +7 for a week; empty clears): 2026-01-05" &&
	keys a C-u + 7 Enter &&
	waits a "follow up on $WEEK: Upstate Director of Advocacy" &&
	entry "$N" | grep -qx "  follow-up: $WEEK" &&
	waits a "Follow up:    $WEEK" &&
	line a 3 | grep -q '^ a Upstate Director'
}
ok "f +7 sets the follow-up a week from today; the @ goes" follow_up

bad_date() {
	keys a f C-u n e x t Space w e e k Enter &&
	waits a "not a date: 'next week'" &&
	entry "$N" | grep -qx "  follow-up: $WEEK"
}
ok "f with no date says so and changes nothing" bad_date

status_dated() {
	keys a p &&
	waits a "@ dates the change" &&
	keys a @ &&
	waits a "date of the change (YYYY-MM-DD, -3 for three days ago; empty: today):" &&
	keys a - 3 Enter &&
	waits a "status on $AGO" &&
	keys a v &&
	waits a "status interviewing on $AGO: Upstate Director of Advocacy" &&
	waits a "History:      applied 2026-11-03, interviewing $AGO" &&
	entry "$N" >"$TMP/e" &&
	contains "$TMP/e" "  status: interviewing" &&
	contains "$TMP/e" "  - interviewing $AGO"
}
ok "p then @ dates the change: the history keeps it with that date" \
	status_dated

status_today() {
	keys a p o &&
	waits a "status offer: Upstate Director of Advocacy" &&
	waits a "interviewing $AGO, offer" && shows a "  $TODAY" &&
	keys a u &&
	waits a "undid: status of Upstate Director of Advocacy (was offer, now interviewing)" &&
	entry "$N" >"$TMP/e" &&
	contains "$TMP/e" "  - interviewing $AGO" &&
	! grep -q "offer" "$TMP/e" &&
	waits a "History:      applied 2026-11-03, interviewing $AGO" &&
	gone a "offer $TODAY"
}
ok "a status set without a date is dated today; u takes it out of the history" \
	status_today

is_due() {
	keys a f C-u - 1 Enter &&
	waits a "follow up on" &&
	keys a / i s : d u e Enter &&
	waits a " 1/2  filter: is:due" &&
	shows a "Upstate Director" && keys a Q
}
ok "is:due in the filter lists the follow-ups due" is_due

finish
