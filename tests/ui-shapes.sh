#!/bin/sh
# SPDX-License-Identifier: MIT
# The interface on a board's JSON: the status line counts the notes apart
# from problems, the loaded message points at them, and ! lists them.
UI_TEST=tests/ui-shapes.sh
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/uilib.sh"
S="$SRCDIR/tests/data/shapes"

notes() {
	# from a short path, so that the note's line does not wrap
	cp "$S/greenhouse-jobs.json" "$TMP/" &&
	start a 120x40 "$TMP/greenhouse-jobs.json" &&
	waits a "loaded: 2 postings from 1 file; notes: press !" &&
	waits a "2 notes: press !" &&
	! shows a "problem" &&
	keys a '!' &&
	waits a "2 notes on what was loaded (q closes)" &&
	waits a "greenhouse-jobs.json:1:1: note: read as a Greenhouse job board; 2 postings" &&
	keys a q &&
	gone a "notes on what was loaded" &&
	keys a q &&
	waits a "billet-exit=0"
}
ok "a board's notes: counted apart, listed by !" notes

both() {
	printf -- '- role: A\n  company: B\n  salary: lots\n' >"$TMP/bad.yaml"
	start b 80x24 "$TMP/bad.yaml" &&
	waits b "1 problem: press !" &&
	keys b '!' &&
	waits b "1 problem and 1 note found while loading" &&
	waits b "note: read as a posting with other key" &&
	keys b q q &&
	waits b "billet-exit=0"
}
ok "problems and notes together: the problems are counted" both

small() {
	start c 20x5 "$S/greenhouse-jobs.json" &&
	sleep 1 &&
	keys c '!' q q &&
	waits c "billet-exit=0"
}
ok "at 20x5 the notes view opens and closes" small

finish
