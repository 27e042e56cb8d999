#!/bin/sh
# SPDX-License-Identifier: MIT
# Acting on a posting and moving in the pager, driven in tmux
# (tests/uilib.sh): o with stub browsers the test writes (their
# arguments recorded), hostile addresses refused before anything runs;
# y and Y into this test's own tmux server's buffer, as OSC 52 (tmux
# takes the escape in with set-clipboard on; the pane's raw output is
# kept too) and through a stub clipboard program; J and K in the detail
# with the position on the status line; help narrowed by /.
. "$SRCDIR/tests/lib.sh"
UI_TEST=tests/ui-open.sh
. "$SRCDIR/tests/uilib.sh"

P="$TMP/postings"
BIN="$TMP/bin"
NONE="$TMP/none"
ARGV="$TMP/argv"
mkdir -p "$P" "$BIN" "$NONE"

# The postings, in file order: each exercises one address.
cat >"$P/1-good.yaml" <<'EOF'
id: good
title: Good posting
organization: Org A
apply:
  url: "https://example.org/apply?id=3&x=a b"
source: https://example.org/source
EOF
cat >"$P/2-js.yaml" <<'EOF'
id: js
title: Script posting
organization: Org B
apply:
  url: "javascript:alert(document.cookie)"
EOF
cat >"$P/3-ctl.yaml" <<'EOF'
id: ctl
title: Control posting
organization: Org C
apply:
  url: "https://exa\e]52;c;aGk=\ample.org/"
EOF
cat >"$P/4-dash.yaml" <<'EOF'
id: dash
title: Dash posting
organization: Org D
apply:
  url: "--help"
EOF
cat >"$P/5-mail.yaml" <<'EOF'
id: mail
title: Mail posting
organization: Org E
apply:
  email: jobs@example.org
  subject: "Application: Organizer & Advocate"
EOF
cat >"$P/6-source.yaml" <<'EOF'
id: source
title: Source posting
organization: Org F
source: https://example.org/found
EOF
cat >"$P/7-none.yaml" <<'EOF'
id: none
title: Nothing posting
organization: Org G
EOF

# stub NAME: a program in $BIN that writes its arguments, one a line in
# brackets, and whether its standard input is a terminal, to $ARGV.
stub() {
	cat >"$BIN/$1" <<EOF
#!/bin/sh
PATH=/usr/bin:/bin
for a in "\$@"; do printf '[%s]\n' "\$a"; done >'$ARGV.tmp'
if [ -t 0 ]; then echo 'stdin: terminal'; else echo 'stdin: no terminal'; fi >>'$ARGV.tmp'
mv '$ARGV.tmp' '$ARGV'
EOF
	chmod +x "$BIN/$1"
}
stub stub-browser
stub xdg-open

# A terminal browser: says so on the terminal and waits for Enter.
cat >"$BIN/lynx" <<EOF
#!/bin/sh
PATH=/usr/bin:/bin
printf 'STUB BROWSER on the terminal: %s\n' "\$*"
read answer
printf '[%s]\n' "\$@" >'$ARGV'
EOF
chmod +x "$BIN/lynx"
cp "$BIN/lynx" "$BIN/stub-text"

# A clipboard program: its arguments, then what it read, into $TMP/clip.
for tool in xclip wl-copy; do
	cat >"$BIN/$tool" <<EOF
#!/bin/sh
PATH=/usr/bin:/bin
{ printf '[%s]' "$tool" "\$@"; echo; cat; } >'$TMP/clip.tmp'
mv '$TMP/clip.tmp' '$TMP/clip'
EOF
	chmod +x "$BIN/$tool"
done

# begin S WxH [VAR=VALUE...] -- ARGS...: billet in a new session S of
# that size with nothing of this environment but the assignments given
# (TMUX=pass passes the session's TMUX on), then "billet-exit=N".
begin() {
	s=$1
	size=$2
	shift 2
	pass=
	vars=
	while [ "$1" != -- ]; do
		case $1 in
		TMUX=pass) pass='TMUX="$TMUX"' ;;
		*) vars="$vars '$1'" ;;
		esac
		shift
	done
	shift
	tm new-session -d -s "$s" -x "${size%x*}" -y "${size#*x}" \
		"env -i PATH='$PATH' HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' $pass sh" ||
		return 1
	args=
	for a in "$@"; do
		args="$args '$a'"
	done
	keys "$s" "clear; env$vars '$BILLET' --state '$STATE'$args; echo billet-exit=\$?" Enter
}

# argv_is LINES: the stub's record is exactly LINES (printf-style \n).
argv_is() {
	i=0
	while [ ! -f "$ARGV" ] && [ "$i" -lt 50 ]; do
		sleep 0.1
		i=$((i + 1))
	done
	printf "$1" >"$TMP/want"
	cmp -s "$TMP/want" "$ARGV" && return 0
	echo "the stub got:"
	cat "$ARGV" 2>/dev/null || echo "(nothing: it did not run)"
	echo "not:"
	cat "$TMP/want"
	return 1
}

# not_run: the stub did not run.
not_run() {
	sleep 0.3
	[ ! -f "$ARGV" ] && return 0
	echo "the stub ran:"
	cat "$ARGV"
	return 1
}

# A: o with $BROWSER, detached -------------------------------------------
open_detached() {
	rm -f "$ARGV"
	begin a 80x24 "PATH=$BIN:/usr/bin:/bin" "DISPLAY=:9" "BROWSER=stub-browser" -- "$P" &&
	waits a " 7/7" &&
	keys a o &&
	waits a "opened https://example.org/apply?id=3&x=a%20b with stub-browser" &&
	argv_is '[https://example.org/apply?id=3&x=a%%20b]\nstdin: no terminal\n'
}
ok "o opens the apply URL with \$BROWSER, detached, spaces percent-encoded" open_detached

open_hostile() {
	rm -f "$ARGV" &&
	keys a j o &&
	waits a "not opened: the apply URL starts with javascript:, not http(s):// or mailto:" &&
	not_run &&
	keys a j o &&
	waits a "not opened: the apply URL holds a control character, ^[, at column 12" &&
	not_run &&
	keys a j o &&
	waits a "not opened: the apply URL does not start with http(s):// or mailto: ('--help')" &&
	not_run
}
ok "o refuses javascript:, control characters and a URL that reads as an option, running nothing" open_hostile

open_others() {
	keys a j o &&
	argv_is '[mailto:jobs@example.org?subject=Application%%3A%%20Organizer%%20%%26%%20Advocate]\nstdin: no terminal\n' &&
	rm -f "$ARGV" && keys a j o &&
	waits a "opened https://example.org/found with stub-browser" &&
	argv_is '[https://example.org/found]\nstdin: no terminal\n' &&
	rm -f "$ARGV" && keys a j o &&
	waits a "no apply URL or source for this posting" &&
	not_run &&
	keys a Q && waits a "billet-exit=0"
}
ok "o: a mailto: with the subject for an apply e-mail, else the source, else says there is none" open_others

browser_list() {
	rm -f "$ARGV"
	begin b 80x24 "PATH=$BIN:/usr/bin:/bin" "DISPLAY=:9" \
		"BROWSER=no-such-browser:stub-browser --new-window %s" -- "$P" &&
	waits b " 7/7" &&
	keys b o && waits b "with stub-browser" &&
	argv_is '[--new-window]\n[https://example.org/apply?id=3&x=a%%20b]\nstdin: no terminal\n' &&
	keys b Q && waits b "billet-exit=0" &&
	rm -f "$ARGV" &&
	begin c 80x24 "PATH=$BIN:/usr/bin:/bin" "DISPLAY=:9" \
		"BROWSER=no-such-browser:nor-this-one" -- "$P" &&
	waits c " 7/7" &&
	keys c o && waits c "not opened: nor-this-one (from \$BROWSER): not found" &&
	not_run && keys c Q && waits c "billet-exit=0"
}
ok "\$BROWSER is a colon-separated list tried in turn, %s replaced by the URL" browser_list

# B: the default opener and terminal browsers -----------------------------
open_default() {
	rm -f "$ARGV"
	begin d 80x24 "PATH=$BIN" "DISPLAY=:9" -- "$P" &&
	waits d " 7/7" &&
	keys d o && waits d "opened https://example.org/apply?id=3&x=a%20b with xdg-open" &&
	argv_is '[https://example.org/apply?id=3&x=a%%20b]\nstdin: no terminal\n' &&
	keys d Q && waits d "billet-exit=0" &&
	begin e 80x24 "PATH=$NONE" "DISPLAY=:9" -- "$P" &&
	waits e " 7/7" &&
	keys e o && waits e "not opened: xdg-open: not found; set \$BROWSER to a browser" &&
	keys e Q && waits e "billet-exit=0"
}
ok "without \$BROWSER, xdg-open; without it either, says so" open_default

open_terminal() {
	rm -f "$ARGV"
	begin f 80x24 "PATH=$BIN:/usr/bin:/bin" "DISPLAY=:9" "BROWSER=lynx" -- "$P" &&
	waits f " 7/7" &&
	keys f o &&
	waits f "STUB BROWSER on the terminal: https://example.org/apply?id=3&x=a%20b" &&
	gone f " 7/7" &&
	keys f Enter &&
	waits f "opened https://example.org/apply?id=3&x=a%20b with lynx" &&
	waits f "Good posting" &&
	argv_is '[https://example.org/apply?id=3&x=a%%20b]\n' &&
	keys f Q && waits f "billet-exit=0" &&
	rm -f "$ARGV" &&
	begin g 80x24 "PATH=$BIN:/usr/bin:/bin" "BROWSER=stub-text" -- "$P" &&
	waits g " 7/7" &&
	keys g o &&
	waits g "STUB BROWSER on the terminal: https://example.org/apply?id=3&x=a%20b" &&
	keys g Enter &&
	waits g "opened https://example.org/apply?id=3&x=a%20b with stub-text" &&
	keys g Q && waits g "billet-exit=0"
}
ok "a terminal browser (lynx), or any without a display, gets the terminal; billet comes back" open_terminal

# C: y and Y into tmux's buffer ------------------------------------------
copy_tmux() {
	tm set-buffer -b before "nothing yet" &&
	begin h 80x24 "TMUX=pass" -- "$P" &&
	waits h " 7/7" &&
	keys h y && waits h "copied the URL to tmux's buffer" &&
	[ "$(tm show-buffer)" = "https://example.org/apply?id=3&x=a%20b" ] &&
	keys h m && waits h "marked" &&
	keys h Y && waits h "copied the posting (" && shows h "lines) to tmux's buffer" &&
	tm show-buffer >"$TMP/copied" &&
	"$BILLET" --state "$STATE" --show good --width 80 "$P" >"$TMP/shown" &&
	grep -q "Shortlist: *marked" "$TMP/shown" &&
	cmp "$TMP/shown" "$TMP/copied" &&
	keys h j y &&
	waits h "not copied: the apply URL starts with javascript:" &&
	tm show-buffer >"$TMP/copied" && cmp "$TMP/shown" "$TMP/copied" &&
	keys h j Y && waits h "copied the posting (" &&
	tm show-buffer >"$TMP/copied" &&
	grep -q 'Apply at: *https://exa^\[\]52;c;aGk=^Gmple.org/' "$TMP/copied" &&
	! grep -q "$(printf '\033')" "$TMP/copied" &&
	keys h Q && waits h "billet-exit=0"
}
ok "y copies the URL, Y the posting as --show prints it (sanitised), into tmux's buffer" copy_tmux

# D: OSC 52 --------------------------------------------------------------
copy_osc52() {
	tm delete-buffer -b before 2>/dev/null
	tm set-option -g set-clipboard on &&
	mkdir -p "$TMP/conf/billet" &&
	echo "set clipboard = osc52" >"$TMP/conf/billet/config" &&
	begin i 80x24 "XDG_CONFIG_HOME=$TMP/conf" -- "$P" &&
	tm pipe-pane -t i -o "cat >>'$TMP/raw'" &&
	waits i " 7/7" &&
	tm set-buffer "nothing yet" &&
	keys i y && waits i "copied the URL to the terminal's clipboard (OSC 52)" &&
	[ "$(tm show-buffer)" = "https://example.org/apply?id=3&x=a%20b" ] &&
	b64=$(printf '%s' "https://example.org/apply?id=3&x=a%20b" | base64 -w0) &&
	grep -aqF "$(printf '\033]52;c;%s\a' "$b64")" "$TMP/raw" &&
	keys i Y && waits i "copied the posting (" &&
	tm show-buffer >"$TMP/copied" &&
	"$BILLET" --state "$STATE" --show good --width 80 "$P" >"$TMP/shown" &&
	cmp "$TMP/shown" "$TMP/copied" &&
	keys i Q && waits i "billet-exit=0"
}
ok "with set clipboard = osc52 in the config, the terminal gets OSC 52 (tmux takes it into a buffer)" copy_osc52

copy_screen() {
	: >"$TMP/raw2"
	begin j 80x24 "STY=1.pts-0.host" -- "$P" &&
	tm pipe-pane -t j -o "cat >>'$TMP/raw2'" &&
	waits j " 7/7" &&
	keys j : && keys j -l "set clipboard = osc52" && keys j Enter &&
	keys j y && waits j "copied the URL to the terminal's clipboard (OSC 52)" &&
	b64=$(printf '%s' "https://example.org/apply?id=3&x=a%20b" | base64 -w0) &&
	grep -aqF "$(printf '\033P\033]52;c;%s\a\033\\' "$b64")" "$TMP/raw2" &&
	keys j Q && waits j "billet-exit=0"
}
ok ":set clipboard = osc52, under GNU screen (STY): the escape is wrapped for its passthrough" copy_screen

# E: clipboard programs ---------------------------------------------------
copy_tools() {
	rm -f "$TMP/clip"
	begin k 80x24 "PATH=$BIN:/usr/bin:/bin" "DISPLAY=:9" -- "$P" &&
	waits k " 7/7" &&
	keys k y && waits k "copied the URL with xclip" &&
	printf '[xclip][-selection][clipboard]\nhttps://example.org/apply?id=3&x=a%%20b' >"$TMP/want" &&
	cmp "$TMP/want" "$TMP/clip" &&
	keys k Q && waits k "billet-exit=0" &&
	begin l 80x24 "PATH=$BIN:/usr/bin:/bin" "WAYLAND_DISPLAY=wayland-0" "DISPLAY=:9" -- "$P" &&
	waits l " 7/7" &&
	keys l y && waits l "copied the URL with wl-copy" &&
	head -1 "$TMP/clip" | grep -qxF "[wl-copy]" &&
	keys l Q && waits l "billet-exit=0" &&
	begin m 80x24 "PATH=$NONE" -- "$P" &&
	waits m " 7/7" &&
	keys m y && waits m "no clipboard: set clipboard = osc52 or install wl-copy/xclip" &&
	keys m Q && waits m "billet-exit=0"
}
ok "outside tmux: xclip under X11, wl-copy under Wayland, else says there is no clipboard" copy_tools

# F: J and K in the detail ----------------------------------------------
# many DIR COUNT: postings p01..pCOUNT, each with thirty duties.
many() {
	mkdir -p "$1"
	i=1
	while [ "$i" -le "$2" ]; do
		id=$(printf 'p%02d' "$i")
		{
			printf 'id: %s\ntitle: Posting %02d\norganization: Org %02d\n' \
				"$id" "$i" "$i"
			printf 'responsibilities:\n'
			j=1
			while [ "$j" -le 30 ]; do
				printf '  - Duty %d of posting %02d\n' "$j" "$i"
				j=$((j + 1))
			done
		} >"$1/$id.yaml"
		i=$((i + 1))
	done
}
many "$TMP/many" 12

# read_ ID: the state (its store of seen postings) records ID as read.
read_() {
	"$BILLET" --state "$STATE" --list --filter is:read --format tsv \
		"$TMP/many" | cut -f 1 | grep -qx "$1"
}

next_prev() {
	rm -f "$STATE" "${STATE%.yaml}.seen.db"
	begin n 80x24 -- "$TMP/many" &&
	waits n " 12/12" &&
	keys n J && waits n "J: only in the detail view" &&
	keys n Enter && waits n "row 1 of 12  top" &&
	[ "$(line n 1)" = "Posting 01" ] &&
	keys n J && waits n "row 2 of 12  top" &&
	[ "$(line n 1)" = "Posting 02" ] &&
	keys n 3 J && waits n "row 5 of 12  top" &&
	keys n K && waits n "row 4 of 12  top" &&
	keys n C-n && waits n "row 5 of 12  top" &&
	keys n C-p C-p && waits n "row 3 of 12  top" &&
	[ "$(line n 1)" = "Posting 03" ] &&
	keys n C-d && waits n "row 3 of 12  " && shows n "%" &&
	keys n G && waits n "row 3 of 12  end" &&
	keys n J && waits n "row 4 of 12  top" &&
	keys n 20 J && waits n "row 12 of 12  top" &&
	keys n J && waits n "last posting" &&
	keys n g 20 K && waits n "row 1 of 12  top" &&
	keys n K && waits n "first posting" &&
	keys n q && waits n " 12/12" && gone n "row 1 of 12" &&
	read_ p01 && read_ p02 && read_ p03 && read_ p05 && read_ p12 &&
	! read_ p06 && ! read_ p11 &&
	keys n Q && waits n "billet-exit=0"
}
ok "J and K (Ctrl-N, Ctrl-P) go to the next and previous posting, read as Enter reads it; the status line says where" next_prev

ruler_small() {
	begin o 20x5 -- "$TMP/many" &&
	waits o "12/12" &&
	keys o Enter && waits o "1/12 top" &&
	keys o J && waits o "2/12 top" &&
	keys o Q && waits o "billet-exit=0"
}
ok "at 20x5 the position is said short" ruler_small

side_by_side() {
	begin p 120x40 -- "$TMP/many" &&
	waits p " 12/12" &&
	keys p Enter && waits p "row 1 of 12  end" &&
	keys p J && waits p "row 2 of 12  end" &&
	line p 1 | grep -q "│ Posting 02 *$" &&
	keys p Tab && gone p "row 2 of 12" &&
	keys p Enter && waits p "row 2 of 12  end" &&
	keys p Q && waits p "billet-exit=0"
}
ok "side by side, J and K move the list's cursor while the detail has the focus" side_by_side

# G: help narrowed -------------------------------------------------------
help_narrow() {
	begin q 80x24 -- "$P" &&
	waits q " 7/7" &&
	keys q '?' && waits q "billet: keys (/ narrows" &&
	keys q / && waits q "help /" &&
	keys q c o p y && waits q "help matching 'copy': 2 lines" &&
	shows q "Acting on a posting" &&
	shows q "copy that URL" && gone q "next row" &&
	tm capture-pane -e -p -t q | grep -q "$(printf '\033')\[[0-9;]*mcopy" &&
	keys q Enter && waits q "2 lines of help match 'copy'" &&
	keys q / C-u J && waits q "help matching 'J': 1 line" &&
	shows q "detail: the next posting of the list" &&
	gone q "next row" &&
	keys q C-u && keys q -l "copy_url" &&
	waits q "help matching 'copy_url': 1 line" && shows q "copy that URL" &&
	keys q C-u z z z && waits q "no key or action matches 'zzz'" &&
	keys q Escape && waits q "help: every key" &&
	shows q "next row" &&
	keys q / m o u s e Enter && waits q "help matching 'mouse'" &&
	shows q "wheel" &&
	keys q '\' && waits q "help: every key" &&
	keys q q && waits q " 7/7" &&
	keys q Q && waits q "billet-exit=0"
}
ok "/ in help narrows it to the matching keys and actions, highlighted; Esc shows every key" help_narrow

finish
