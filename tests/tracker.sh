#!/bin/sh
# SPDX-License-Identifier: MIT
# An application's history through the binary: --status (with --on),
# --rate, --note (from stdin too), --hide, --unhide and --follow-up on
# several postings or on those --filter shows, all or nothing, with clear
# errors and exit statuses; is:due and followup<=DATE; a state file from
# before the history, loaded unchanged; --report in Markdown, CSV (the
# formula guard) and JSON, by the days it covers.
. "$SRCDIR/tests/lib.sh"
D="$SRCDIR/data"
A=aclu-socal-kern-policy-advocate
N=nyic-upstate-director-advocacy
S="$TMP/st/state.yaml"
TODAY=$(date +%F)

# entry ID: the lines of ID's entry in the state file.
entry() {
	awk -v id="$1:" '$0 == id { on = 1; print; next }
		/^[^ #]/ { on = 0 } on' "$S"
}

status_on() {
	"$BILLET" --state "$S" --status "$A" applied --on 2026-11-03 "$D" \
		>"$TMP/o" 2>"$TMP/e" &&
	[ ! -s "$TMP/o" ] && [ ! -s "$TMP/e" ] &&
	"$BILLET" --state "$S" --status "$A" interviewing "$D" &&
	entry "$A" >"$TMP/a" &&
	contains "$TMP/a" "  status: interviewing" &&
	contains "$TMP/a" "  - applied 2026-11-03" &&
	contains "$TMP/a" "  - interviewing $TODAY"
}
ok "--status records each change with its date (--on, else today), silently" \
	status_on

show_history() {
	"$BILLET" --state "$S" --show "$A" --width 100 "$D" >"$TMP/o" &&
	contains "$TMP/o" "Status:" &&
	contains "$TMP/o" "applied 2026-11-03, interviewing $TODAY"
}
ok "--show says the history" show_history

several_ids() {
	"$BILLET" --state "$S" --rate "$A,$N" 4 "$D" &&
	[ "$(grep -c '  rating: 4' "$S")" -eq 2 ] &&
	"$BILLET" --state "$S" --hide "$A" --hide "$N" "$D" &&
	[ "$(grep -c '  hidden: true' "$S")" -eq 2 ] &&
	"$BILLET" --state "$S" --unhide "$A,$N" "$D" &&
	! grep -q 'hidden' "$S"
}
ok "--rate, --hide, --unhide take several ids, comma-separated or repeated" \
	several_ids

by_filter() {
	"$BILLET" --state "$S" --status withdrawn --filter org:nyic "$D" &&
	entry "$N" >"$TMP/n" &&
	contains "$TMP/n" "  status: withdrawn" &&
	contains "$TMP/n" "  - withdrawn $TODAY" &&
	entry "$A" >"$TMP/a" && contains "$TMP/a" "  status: interviewing" &&
	"$BILLET" --state "$S" --filter org:nyic --rate 2 "$D" &&
	entry "$N" | grep -q '  rating: 2'
}
ok "--status STATUS --filter QUERY: the postings the filter shows" by_filter

notes() {
	"$BILLET" --state "$S" --note "$A" "called Maria" "$D" &&
	contains "$S" "  note: called Maria" &&
	printf 'first line\nsecond line\n' |
		"$BILLET" --state "$S" --note "$N" - "$D" &&
	entry "$N" >"$TMP/n" &&
	contains "$TMP/n" "  note: |-" && contains "$TMP/n" "    second line" &&
	"$BILLET" --state "$S" --note "$A" "" "$D" &&
	! contains "$S" "called Maria" >/dev/null
}
ok "--note sets a note, - reads it from stdin, \"\" removes it" notes

follow_up() {
	week=$(date -d '+7 days' +%F) &&
	"$BILLET" --state "$S" --follow-up "$A" +7 "$D" &&
	contains "$S" "  follow-up: $week" &&
	"$BILLET" --state "$S" --follow-up "$N" 2026-01-05 "$D" &&
	"$BILLET" --state "$S" --list --filter is:due --format tsv "$D" \
		>"$TMP/l" &&
	[ "$(cut -f 1 "$TMP/l")" = "$N" ] &&
	"$BILLET" --state "$S" --list --filter "followup<=$week" --format tsv \
		"$D" >"$TMP/l" &&
	[ "$(wc -l <"$TMP/l")" -eq 2 ] &&
	"$BILLET" --state "$S" --follow-up "$N" "" "$D" &&
	! entry "$N" | grep -q follow-up
}
ok "--follow-up: a date or +7; is:due and followup<= find them; \"\" clears" \
	follow_up

# fails STATUS MESSAGE ARGS...: billet ARGS exits STATUS, says MESSAGE, and
# the state file is left byte for byte.
fails() {
	want=$1
	msg=$2
	shift 2
	cp "$S" "$TMP/before"
	"$BILLET" --state "$S" "$@" "$D" >"$TMP/o" 2>"$TMP/e"
	st=$?
	[ $st -eq "$want" ] || { echo "exit $st, not $want"; cat "$TMP/e"; return 1; }
	contains "$TMP/e" "billet: $msg" && cmp "$S" "$TMP/before"
}
ok "an unknown id changes nothing (exit 1), whatever the others" \
	fails 1 "no posting with id 'nope'" --status "$A,nope" offer
ok "... and says so" \
	fails 1 "some postings are unknown: nothing was changed" \
	--rate "nope,$N" 5
ok "an unknown status is wrong usage (exit 2)" \
	fails 2 "--status: unknown status 'hired' (none, interested" \
	--status "$A" hired
ok "a date that is no date" \
	fails 2 "--on: expected a date YYYY-MM-DD, today, +N" \
	--status "$A" offer --on tomorrow
ok "a day that does not exist" \
	fails 2 "--follow-up: no such date '2026-02-30'" \
	--follow-up "$A" 2026-02-30
ok "a change dated after today" \
	fails 2 "--on: +3 is after today" --status "$A" offer --on +3
ok "a rating out of range" \
	fails 2 "--rate: expected a rating from 1 to 5" --rate "$A" 9
ok "--on without --status" \
	fails 2 "--on goes with --status" --rate "$A" 3 --on 2026-11-01
ok "two actions in one run" \
	fails 2 "--status and --rate go in separate runs" \
	--status "$A" offer --rate "$A" 3
value_missing() {
	cp "$S" "$TMP/before"
	"$BILLET" --state "$S" --status "$A" 2>"$TMP/e"
	[ $? -eq 2 ] &&
	contains "$TMP/e" "billet: --status: expected the postings' ids and a value" &&
	cmp "$S" "$TMP/before"
}
ok "a value missing" value_missing
ok "a filter that matches nothing" \
	fails 1 "no posting matches the filter: nothing was changed" \
	--follow-up +3 --filter "org:nobody"

old_file() {
	mkdir -p "$TMP/old" &&
	printf '%s\n' "$A:" '  status: applied' '  note: sent by post' \
		"$N:" '  status: rejected' >"$TMP/old/state.yaml" &&
	cp "$TMP/old/state.yaml" "$TMP/old/copy" &&
	"$BILLET" --state "$TMP/old/state.yaml" --show "$A" "$D" >"$TMP/o" &&
	contains "$TMP/o" "applied (date unknown)" &&
	"$BILLET" --state "$TMP/old/state.yaml" --report "$D" >"$TMP/r" &&
	cmp "$TMP/old/state.yaml" "$TMP/old/copy" &&
	contains "$TMP/r" "| date unknown | ACLU Foundation of Southern California | Policy Advocate and Organizer |" &&
	contains "$TMP/r" "| rejected | rejected (date unknown) |" &&
	"$BILLET" --state "$TMP/old/state.yaml" --status "$A" offer \
		--on 2026-11-20 "$D" 2>"$TMP/e" &&
	entry_of="$S" && S="$TMP/old/state.yaml" && entry "$A" >"$TMP/a" &&
	S="$entry_of" &&
	contains "$TMP/a" "  - applied" && contains "$TMP/a" "  - offer 2026-11-20" &&
	contains "$TMP/a" "  note: sent by post"
}
ok "a state file from before the history loads unchanged; its dates are unknown, not invented" \
	old_file

report_span() {
	R="$TMP/r.yaml"
	"$BILLET" --state "$R" --status "$A" applied --on 2026-10-30 "$D" &&
	"$BILLET" --state "$R" --status "$A" rejected --on 2026-11-12 "$D" &&
	"$BILLET" --state "$R" --status "$N" applied --on 2026-11-05 "$D" &&
	"$BILLET" --state "$R" --report --since 2026-11-01 --until 2026-11-30 \
		"$D" >"$TMP/r" 2>"$TMP/e" &&
	[ ! -s "$TMP/e" ] &&
	contains "$TMP/r" "# Applications from 2026-11-01 to 2026-11-30" &&
	contains "$TMP/r" "| 2026-11-05 | New York Immigration Coalition | Upstate Director of Advocacy |" &&
	! grep -q "Policy Advocate" "$TMP/r" &&
	"$BILLET" --state "$R" --report "$D" >"$TMP/r" &&
	[ "$(grep -c '^| 2026-' "$TMP/r")" -eq 2 ] &&
	head -n 7 "$TMP/r" | tail -n 1 | grep -q '^| 2026-10-30 ' &&
	contains "$TMP/r" "| rejected 2026-11-12 | applied 2026-10-30, rejected 2026-11-12 |"
}
ok "--report: the applications made in the days asked, the earliest first, with outcome and history" \
	report_span

report_csv_json() {
	P="$TMP/p"
	mkdir -p "$P" &&
	printf '%s\n' 'id: f' 'title: "=HYPERLINK(\"http://evil\",\"x\")"' \
		'organization: "@home, inc"' >"$P/f.yaml" &&
	"$BILLET" --state "$TMP/c.yaml" --status f applied --on 2026-11-02 \
		"$P" &&
	"$BILLET" --state "$TMP/c.yaml" --report --format csv "$P" >"$TMP/c" &&
	contains "$TMP/c" "date_applied,organization,title,how,outcome,history,id" &&
	contains "$TMP/c" "2026-11-02,\"'@home, inc\",\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\",,applied 2026-11-02,applied 2026-11-02,f" &&
	"$BILLET" --state "$TMP/c.yaml" --report --format json "$P" >"$TMP/j" &&
	contains "$TMP/j" '"applied": "2026-11-02"' &&
	contains "$TMP/j" '"history": [{"status": "applied", "date": "2026-11-02"}]'
}
ok "--report --format csv guards formulas; json carries the history" \
	report_csv_json

report_usage() {
	"$BILLET" --report --format yaml "$D" 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" "--report: --format markdown, csv or json" &&
	"$BILLET" --list --since 2026-01-01 "$D" 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" "--since and --until go with --report" &&
	"$BILLET" --report --since 2026-02-31 "$D" 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" "--since: expected a date"
}
ok "--report's wrong usage is said (exit 2)" report_usage

undated_left_out() {
	"$BILLET" --state "$TMP/old/state.yaml" --report --since 2026-01-01 \
		"$D" >"$TMP/r" 2>"$TMP/e" &&
	contains "$TMP/e" "2 applications whose date is not known are left out" &&
	! grep -q "Upstate" "$TMP/r" && ! grep -q "Policy" "$TMP/r"
}
ok "--report with days: an application whose date is not known is left out, and said" \
	undated_left_out


# The history and the follow-up go wherever the state goes out: --list
# --with-state (JSON and YAML as --report writes the history, Markdown in
# words) and --list --orphans, so that nothing recorded is lost on the way.
with_state_history() {
	week=$(date -d '+7 days' +%F) &&
	"$BILLET" --state "$S" --list --with-state --format json "$D" \
		>"$TMP/j" &&
	tr -d ' \n' <"$TMP/j" >"$TMP/j1" &&
	contains "$TMP/j1" '"status":"interviewing","history":[{"status":"applied","date":"2026-11-03"},{"status":"interviewing","date":"'"$TODAY"'"}],"follow_up":"'"$week"'"' &&
	"$BILLET" --state "$S" --list --with-state --format yaml "$D" \
		>"$TMP/y" &&
	grep -A 8 '^billet_state:$' "$TMP/y" >"$TMP/y1" &&
	contains "$TMP/y1" '    - status: applied' &&
	contains "$TMP/y1" '      date: "2026-11-03"' &&
	contains "$TMP/y1" "  follow_up: \"$week\"" &&
	"$BILLET" --state "$S" --list --with-state --format markdown "$D" \
		>"$TMP/m" &&
	contains "$TMP/m" "- **History:** applied 2026-11-03, interviewing $TODAY" &&
	contains "$TMP/m" "- **Follow-up:** $week"
}
ok "--with-state carries the history and the follow-up (json, yaml, markdown)" \
	with_state_history

orphan_history() {
	week=$(date -d '+7 days' +%F) &&
	"$BILLET" --state "$S" --list --orphans "$D/nyic-upstate-director-advocacy.yaml" \
		>"$TMP/o" &&
	grep -q "^$A  .*status interviewing (applied 2026-11-03, interviewing $TODAY), follow up $week" "$TMP/o" &&
	"$BILLET" --state "$S" --list --orphans --format json \
		"$D/nyic-upstate-director-advocacy.yaml" >"$TMP/o.json" &&
	contains "$TMP/o.json" '"history": [{"status": "applied", "date": "2026-11-03"}, {"status": "interviewing", "date": "'"$TODAY"'"}], "follow_up": "'"$week"'"'
}
ok "--list --orphans says the history and the follow-up" orphan_history

finish
