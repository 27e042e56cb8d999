#!/bin/sh
# SPDX-License-Identifier: MIT
# One job loaded from two files, in the interface driven in tmux: listed
# once with the ≡ flag (= on an ASCII terminal) once read, the detail
# listing its sources, /is:duplicate finding it (the total counting it
# once), at 120x40, 80x24 (ASCII) and 20x5.
UI_TEST=tests/ui-dups.sh
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/uilib.sh"

mkdir -p "$TMP/p/a" "$TMP/p/b"
cat >"$TMP/p/a/jobs.yml" <<'Y'
title: Data Engineer
organization: Acme
location: Berlin
source: https://acme.example/jobs/42
---
title: Designer
organization: Acme
location: Berlin
Y
cat >"$TMP/p/b/board.yml" <<'Y'
title: Data Engineer
organization: Acme
location: Berlin
source: https://ACME.example/jobs/42/
---
title: Designer
organization: Acme
location: Munich
Y
here="$TMP/p"

once_with_sources() {
	start a 120x40 a b &&
	waits a "Sources" &&
	shows a "• a/jobs.yml — https://acme.example/jobs/42 (id" &&
	shows a "• b/board.yml — https://ACME.example/jobs/42/ (id" &&
	[ "$(screen a | grep -c 'Data Engineer  ')" -eq 1 ] &&
	[ "$(screen a | grep -c 'Designer  ')" -eq 2 ] &&
	keys a Enter q &&
	waits a " ≡ Data Engineer"
}
ok "120x40: listed once, its sources in the detail, ≡ once it is read" \
	once_with_sources

filter_dup() {
	keys a / i s : d u p l i c a t e Enter &&
	waits a "1/3" &&
	line a 2 | grep -q 'Data Engineer' &&
	! line a 3 | grep -q 'Designer'
}
ok "/is:duplicate shows it alone" filter_dup

quit_a() {
	keys a Q && waits a "billet-exit=0"
}
ok "Q quits" quit_a

ascii() {
	tm new-session -d -s c -x 80 -y 24 \
		"exec env -i PATH='$PATH' HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' XDG_CONFIG_HOME='$UI_CONFIG_HOME' TERM=xterm-256color LANG=C PS1='$ ' sh" &&
	keys c "cd '$TMP/p'; '$BILLET' --state '$STATE' a b; echo billet-exit=\$?" Enter &&
	waits c " = Data Engineer" &&
	[ "$(screen c | grep -c 'Data Engineer')" -eq 1 ] &&
	keys c Enter &&
	waits c "Sources" &&
	shows c "- a/jobs.yml - https://acme.example/jobs/42" &&
	keys c Q && waits c "billet-exit=0"
}
ok "80x24 in ASCII: = in the list, the sources in the detail" ascii

tiny() {
	start d 20x5 a b &&
	waits d "Data Engineer" &&
	[ "$(screen d | grep -c 'Data')" -eq 1 ] &&
	keys d Q && waits d "billet-exit=0"
}
ok "20x5: still once" tiny

finish
