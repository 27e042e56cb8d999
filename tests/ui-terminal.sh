#!/bin/sh
# SPDX-License-Identifier: MIT
# The terminal around the interface, driven for real in tmux: a locale
# that is not UTF-8, no controlling terminal, tiny sizes and a storm of
# resizes, and signals at random moments (start-up included). What
# tests/ui.sh checks once (SIGTERM, Ctrl-C, Ctrl-Z, 20x5) is not repeated.
#
# The random choices come from a seeded generator (/bin/sh has no
# $RANDOM); the seed is printed, and UI_TERMINAL_SEED=N repeats a run.
# UI_TERMINAL_ALL=1 sends every signal at every place, not one at random.
. "$SRCDIR/tests/lib.sh"

UI_TEST=tests/ui-terminal.sh
. "$SRCDIR/tests/uilib.sh"
H="$SRCDIR/tests/data/hostile"
B=nyic-upstate-director-advocacy

SEED=${UI_TERMINAL_SEED:-$(($(date +%s) % 100000))}
echo "# seed $SEED: UI_TERMINAL_SEED=$SEED repeats the random choices"
rnd=$SEED

# rand N: sets r to a number in 0..N-1 (a 31-bit linear congruential
# generator: plenty for choosing sizes, keys and delays).
rand() {
	rnd=$(((rnd * 1103515245 + 12345) % 2147483648))
	r=$(((rnd / 65536) % $1))
}

# skip DESCRIPTION WHY: a case that cannot run here.
skip() {
	n=$((n + 1))
	echo "ok $n - $1 # SKIP $2"
}

# pick WORD...: sets p to one of the words, at random.
pick() {
	rand $#
	shift "$r"
	p=$1
}

# nap: a random pause of 0 to 0.3 s, so that what comes next lands at a
# different moment on every run (never needed for correctness).
nap() {
	rand 4
	sleep "0.$r"
}

# shell S WxH [VAR=VALUE...]: a clean shell in a new session S of that
# size, with these variables too (they win over the defaults).
shell() {
	s=$1 size=$2
	shift 2
	tm new-session -d -s "$s" -x "${size%x*}" -y "${size#*x}" \
		"exec env -i PATH='$PATH' HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' $* sh"
}

# run S ARGS...: billet with ARGS in the shell of session S, then its
# exit status as "billet-exit=N".
run() {
	s=$1
	shift
	args=
	for a in "$@"; do
		args="$args '$a'"
	done
	keys "$s" "clear; '$BILLET' --state '$STATE'$args; echo billet-exit=\$?" Enter
}

# pid_of S: prints the pid of the billet that the shell of session S
# runs, once there is one.
pid_of() { pid_of_child "$(tm display -p -t "$1" '#{pane_pid}')"; }

# pid_of_child PID: prints the pid of the billet that process PID runs,
# once there is one.
pid_of_child() {
	sh_pid=$1
	i=0
	while [ "$i" -lt 1000 ]; do
		pid=$(ps -o pid= -o ppid= -o comm= -e |
		      awk -v p="$sh_pid" '$2 == p && $3 == "billet" { print $1 }')
		if [ -n "$pid" ]; then
			echo "$pid"
			return 0
		fi
		sleep 0.01
		i=$((i + 1))
	done
	echo "no billet under process $sh_pid" >&2
	return 1
}

# ended PID: polls until process PID is gone.
ended() {
	i=0
	while kill -0 "$1" 2>/dev/null; do
		[ "$i" -lt 100 ] || { echo "process $1 still runs"; return 1; }
		sleep 0.1
		i=$((i + 1))
	done
}

# finished PID: polls until process PID has ended (gone, or a zombie
# that nobody waits for: its shell went with the terminal).
finished() {
	i=0
	while st=$(ps -o stat= -p "$1") && [ "${st#Z}" = "$st" ]; do
		[ "$i" -lt 100 ] || { echo "process $1 still runs ($st)"; return 1; }
		sleep 0.1
		i=$((i + 1))
	done
}

# waitfile FILE: polls until FILE is there and not empty.
waitfile() {
	i=0
	until [ -s "$1" ]; do
		[ "$i" -lt 100 ] || { echo "no $1"; return 1; }
		sleep 0.1
		i=$((i + 1))
	done
}

# answers S: the shell of session S runs a command (a fresh marker each
# time, which the command line itself does not show).
asks=0
answers() {
	asks=$((asks + 1))
	keys "$1" "echo shell-\$(($asks * 1000 + 1))" Enter &&
	waits "$1" "shell-$((asks * 1000 + 1))"
}

# restored S: the terminal of session S is as it was before billet ran:
# the main screen, a visible cursor, the same modes (stty -g, against
# $TMP/stty.S, saved when the shell started), and a shell that answers.
restored() {
	main_screen "$1" &&
	{ [ "$(tm display -p -t "$1" '#{cursor_flag}')" = 1 ] ||
	  { echo "the cursor is hidden"; return 1; }; } &&
	rm -f "$TMP/stty.now" &&
	keys "$1" "stty -g >'$TMP/stty.now'" Enter &&
	waitfile "$TMP/stty.now" &&
	{ cmp "$TMP/stty.$1" "$TMP/stty.now" ||
	  { echo "terminal modes changed:"; cat "$TMP/stty.$1" "$TMP/stty.now"
	    return 1; }; } &&
	answers "$1"
}

# main_screen S: session S is not on the alternate screen.
main_screen() {
	[ "$(tm display -p -t "$1" '#{alternate_on}')" = 0 ] && return 0
	echo "the terminal is on the alternate screen:"
	screen "$1" | sed 's/^/|/'
	return 1
}

# cursor_is S 0|1: polls until the cursor of session S is hidden (0) or
# shown (1).
cursor_is() {
	i=0
	until [ "$(tm display -p -t "$1" '#{cursor_flag}')" = "$2" ]; do
		[ "$i" -lt 50 ] || { echo "cursor_flag is not $2"; return 1; }
		sleep 0.1
		i=$((i + 1))
	done
}

# baseline S: saves the terminal modes of session S's shell.
baseline() {
	keys "$1" "stty -g >'$TMP/stty.$1'" Enter &&
	waitfile "$TMP/stty.$1"
}

# row S N TEXT [SECONDS]: polls until row N of session S shows TEXT.
row() {
	i=0
	lim=$(( ${4:-10} * 10 ))
	while [ "$i" -lt "$lim" ]; do
		screen "$1" >/dev/null
		sed -n "$2p" "$TMP/screen" | grep -qF -- "$3" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "row $2 does not show: $3"
	sed 's/^/|/' "$TMP/screen"
	return 1
}

# row_is S N TEXT: polls until row N of session S is TEXT, no more.
row_is() {
	i=0
	while [ "$i" -lt 100 ]; do
		[ "$(line "$1" "$2")" = "$3" ] && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "row $2 is not: $3"
	sed 's/^/|/' "$TMP/screen"
	return 1
}

# status_line S ROWS TEXT: the status line (the last row but one of the
# ROWS of session S) shows TEXT.
status_line() { row "$1" $(($2 - 1)) "$3"; }

# A: a locale that is not UTF-8 -----------------------------------------
# The interface draws ASCII only: a character the locale cannot show is
# '?' (two for a wide one), a cut ends in '~'. Every byte billet writes
# is recorded (pipe-pane) and scanned; the screen is read back.
C="$TMP/c"
mkdir -p "$C"
cp "$U"/*.yaml "$C/"
for f in raw-esc.yaml quoted-escapes.yaml raw-c1.yaml raw-bidi.yaml \
	invalid-utf8.yaml overlong-utf8.yaml escape-in-key.yaml \
	cr-bs-oneline.yaml; do
	cp "$H/$f" "$C/"
done
cat >"$C/accents.yaml" <<'EOF'
id: accents
title: "Café Société — Zürich “office” naïve…"
organization: Çà et là
location: {city: Zürich, country: CH}
summary: "Résumé in Ελληνικά and Русский, 東京 too."
EOF
nc=$(($("$BILLET" --list --format tsv "$C" 2>/dev/null | wc -l)))
nc="$nc/$nc"

# column_of S TEXT: the display column where TEXT starts in session S.
column_of() {
	screen "$1" | grep -F -- "$2" | head -n 1 | sed "s/$2.*//" | wc -L
}

# raw_ascii FILE: the bytes billet wrote hold nothing from the data that
# a terminal would obey, and nothing that is not ASCII.
raw_ascii() {
	perl -e '
		open(my $h, "<:raw", $ARGV[0]) or die "$ARGV[0]: $!\n";
		local $/;
		my $s = <$h> // "";
		my @bad;
		push @bad, "an OSC, DCS, APC, PM or SOS string"
			if $s =~ /\e[\]P_^X]/;
		push @bad, "a byte that is not ASCII (UTF-8 or a raw C1)"
			if $s =~ /[\x80-\xff]/;
		push @bad, "the payload ESC[5m" if $s =~ /\e\[5m/;
		push @bad, "the payload ESC[31m" if $s =~ /\e\[31m title/;
		print join("; ", @bad), "\n" if @bad;
		exit(@bad ? 1 : 0);
	' "$1"
}

ascii_list() {
	shell l 100x30 LANG=C &&
	tm pipe-pane -o -t l "cat >'$TMP/raw.l'" &&
	run l "$C" &&
	waits l " $nc" &&
	shows l "Caf? Soci?t? - Z?rich \"office\" na?ve~" &&
	shows l "???????????????????????? " &&
	shows l 'Evil ^[]0;pwned^G title' &&
	line l 1 | grep -q "Title.*Organization.*Location" &&
	status_line l 30 " $nc  sort:" &&
	[ "$(tm display -p -t l '#{pane_title}')" != pwned ] &&
	ja=$(column_of l OrgJa) && en=$(column_of l OrgEn) &&
	echo "OrgJa at column $ja, OrgEn at column $en" &&
	[ "$ja" -gt 20 ] && [ "$ja" -eq "$en" ]
}
ok "LANG=C: non-ASCII as '?' (wide as '??'), columns kept, controls visible, status line in place" ascii_list

ascii_views() {
	keys l / i d : a c c e n t s && waits l " 1/${nc#*/}  filter: id:accents" &&
	keys l Enter && waits l "? help" && keys l Enter &&
	waits l "Organization: ?? et l?" &&
	shows l "R?sum? in ???????? and ???????, ???? too." &&
	line l 1 | grep -qx "Caf? Soci?t? - Z?rich \"office\" na?ve~ *" &&
	keys l q '\' && waits l " $nc  sort:" &&
	keys l / e v i l Enter && waits l "filter: evil" &&
	keys l Enter && waits l "Organization: Org ^[[2J cleared" &&
	shows l 'C1 \u0085' &&
	keys l q '\' && waits l " $nc  sort:" &&
	keys l c && waits l "comparing 2 postings" &&
	keys l q '?' && waits l "billet: keys" && keys l G &&
	waits l "See billet(1)" && keys l q '!' && waits l "error:" &&
	keys l q && waits l " $nc  sort:" &&
	keys l Q && waits l "billet-exit=0" &&
	tm pipe-pane -t l &&
	raw_ascii "$TMP/raw.l"
}
ok "LANG=C: detail, compare, help and problems write ASCII only, nothing from the data obeyed" ascii_views

lc_all() {
	shell m 100x30 LANG=C.UTF-8 LC_ALL=C &&
	tm kill-session -t l &&
	run m "$C/accents.yaml" &&
	waits m " 1/1" && shows m "Caf? Soci?t?" &&
	keys m Q && waits m "billet-exit=0" &&
	shell u 100x30 &&
	run u "$C/accents.yaml" &&
	waits u " 1/1" && shows u "Café Société — Zürich “office” naïve…" &&
	keys u Q && waits u "billet-exit=0"
}
ok "LC_ALL=C wins over a UTF-8 LANG; under C.UTF-8 the same text is drawn as it is" lc_all

# In ASCII a bullet is '-': '*' is the list's mark and compare's "differs",
# '+' compare's "only here"; the marks keep their places.
mkdir -p "$TMP/bul"
cat >"$TMP/bul/a.yaml" <<'EOF'
id: bul-a
title: Bullets A
organization: Org
responsibilities: [Answer the phone line, Keep the books]
EOF
cat >"$TMP/bul/b.yaml" <<'EOF'
id: bul-b
title: Bullets B
organization: Org
responsibilities: [Answer the phone lines, Drive the van]
EOF
ascii_bullets() {
	shell b 120x40 LANG=C &&
	run b "$TMP/bul" &&
	waits b " 2/2" && keys b m && waits b "*. Bullets A" &&
	shows b "| - Answer the phone line" && shows b "| - Keep the books" &&
	! grep -qF '* Answer' "$TMP/screen" &&
	keys b c && waits b "comparing 2 postings" &&
	shows b "- Answer the phone line" && shows b "- Drive the van" &&
	screen b | grep -q '^\* .*| - Answer the phone line *| - Answer the phone lines' &&
	screen b | grep -q '^+ .*| - Keep the books' &&
	! grep -qF '| * Answer' "$TMP/screen" && ! grep -qF '| * Keep' "$TMP/screen" &&
	keys b Q && waits b "billet-exit=0"
}
ok "LANG=C: bullets drawn '-', apart from the '*' and '+' marks" ascii_bullets

# B: no controlling terminal --------------------------------------------
if setsid --help 2>&1 | grep -q -- --wait; then
	no_ctty() {
		# a terminal type, whatever the caller has: TERM unset is
		# refused first, for a reason of its own
		TERM=xterm-256color timeout -k 2 20 setsid -w "$BILLET" \
			--state "$STATE" "$D" </dev/null >"$TMP/o" 2>"$TMP/e"
		rc=$?
		echo "status $rc"
		cat "$TMP/e"
		[ "$rc" -eq 2 ] && [ ! -s "$TMP/o" ] &&
		[ "$(wc -l <"$TMP/e")" -eq 1 ] &&
		grep -q "^billet: no controlling terminal" "$TMP/e" &&
		echo | TERM=xterm-256color timeout -k 2 20 setsid -w "$BILLET" \
			--state "$STATE" "$D" >"$TMP/o" 2>"$TMP/e2"
		rc=$?
		[ "$rc" -eq 2 ] && cmp "$TMP/e" "$TMP/e2"
	}
	ok "without a controlling terminal the interface is refused at once, status 2" no_ctty

	batch_no_ctty() {
		setsid -w "$BILLET" --list --format tsv "$D" </dev/null \
			>"$TMP/o" 2>"$TMP/e" &&
		[ "$(wc -l <"$TMP/o")" -eq 2 ] && [ ! -s "$TMP/e" ] &&
		setsid -w "$BILLET" --check "$D" </dev/null >"$TMP/o" 2>"$TMP/e" &&
		[ ! -s "$TMP/e" ] &&
		setsid -w "$BILLET" --list "$D" </dev/null >"$TMP/o" &&
		[ "$(wc -L <"$TMP/o")" -le 80 ] && [ "$(wc -L <"$TMP/o")" -gt 60 ] &&
		setsid -w "$BILLET" --show "$A" "$D" </dev/null >"$TMP/o" &&
		contains "$TMP/o" "Policy Advocate and Organizer"
	}
	ok "without a controlling terminal --list, --check and --show work (80 columns)" batch_no_ctty

	tty_not_ctty() {
		shell n 80x24 &&
		keys n "clear; setsid -w '$BILLET' --state '$STATE' '$D'; echo billet-exit=\$?" Enter &&
		waits n "billet-exit=2" &&
		shows n "billet: no controlling terminal" && main_screen n &&
		answers n
	}
	ok "a session of its own on the terminal (setsid) is refused too, not half run" tty_not_ctty
else
	skip "no controlling terminal" "setsid(1) with --wait is not installed"
fi

piped() {
	shell p 80x24 &&
	keys p "clear; printf 'QQQ\\n' | '$BILLET' --state '$STATE' '$D'; echo billet-exit=\$?" Enter &&
	waits p " 2/2" && waits p "Policy Advocate" &&
	keys p / u p s t a t e && waits p " 1/2  filter: upstate" &&
	keys p Escape q && waits p "billet-exit=0"
}
ok "with keys piped to stdin the interface reads the terminal, not the pipe" piped

# C: sizes ------------------------------------------------------------------
one_by_one() {
	shell o 1x1 &&
	run o "$D" &&
	row o 1 "…" &&
	keys o j k &&
	tm resize-window -t o -x 80 -y 24 &&
	waits o " 2/2  sort:" && shows o "Policy Advocate" &&
	status_line o 24 " 2/2  sort:" &&
	tm resize-window -t o -x 1 -y 1 &&
	tm resize-window -t o -x 2 -y 1 &&
	tm resize-window -t o -x 1 -y 2 &&
	tm resize-window -t o -x 80 -y 24 &&
	waits o " 2/2  sort:" && keys o Q && waits o "billet-exit=0"
}
ok "started at 1x1 it runs, draws all once bigger, and 1x1, 2x1, 1x2 do not break it" one_by_one

tiny_views() {
	"$BILLET" --state "$STATE" --mark "$A" "$D" &&
	"$BILLET" --state "$STATE" --mark "$B" "$D" &&
	shell t 20x5 &&
	run t "$D" &&
	waits t " 2/2" &&
	keys t / p o && waits t "/po" && status_line t 5 " 2/2  filter: po" &&
	keys t Escape && waits t "filter restored" &&
	keys t c && waits t "comparing 2 posting" && status_line t 5 " 2/2" &&
	keys t q '?' && waits t "billet: keys" && status_line t 5 " 2/2" &&
	keys t q a && waits t "note: Policy" &&
	keys t x y Escape && waits t "discard the chan" && keys t y &&
	waits t "note not changed" && status_line t 5 " 2/2" &&
	keys t Q && waits t "billet-exit=0"
}
ok "at 20x5 the prompt, compare, help and the note editor fit and leave the status line" tiny_views

# The sizes of the storm: tiny ones, the smallest usable, side by side.
SIZES="1x1 3x2 19x4 20x4 19x5 20x5 21x6 40x10 80x24 100x8 119x30 120x30 132x40 200x60 60x50"

# storm S N KEY...: N times, a random size for session S, then one of the
# keys at random, as fast as tmux takes them.
storm() {
	s=$1 count=$2
	shift 2
	i=0
	while [ "$i" -lt "$count" ]; do
		# shellcheck disable=SC2086
		pick $SIZES
		tm resize-window -t "$s" -x "${p%x*}" -y "${p#*x}" || return 1
		pick "$@"
		keys "$s" "$p" || return 1
		i=$((i + 1))
	done
}

# settle S: session S at 80x24, every key before this one read and the
# last resize laid out. An unknown key is answered on the message line
# once it is read; but curses may have read it in one go with the keys
# before, ahead of the last resize, and drawn the answer in the old
# layout (the terminal clips that to its rows). So a second one, sent
# when the first is answered, finds the resize already signalled: it is
# answered below the status line of the 80x24 layout.
settle() {
	tm resize-window -t "$1" -x 80 -y 24 || return 1
	for _ in 1 2 3 4 5; do
		keys "$1" Z
		row "$1" 24 "Z: no such key" 2 >/dev/null && break
	done
	keys "$1" F12 && row "$1" 24 "F12: no such key" &&
	status_line "$1" 24 "/4  "
}

# at_list S: session S (at 80x24) shows the list.
at_list() { waits "$1" "Organization  Location"; }

# to_list S: back from the detail that a Tab may have opened.
to_list() {
	if ! line "$1" 1 | grep -q "Title.*Organization"; then
		keys "$1" Tab && at_list "$1"
	fi
}

resize_storm() {
	shell r 80x24 &&
	run r "$D" "$U/wide.yaml" &&
	waits r " 4/4" &&
	pid=$(pid_of r) &&
	storm r 12 j k g G s S Tab C-l '\' Down Up &&
	settle r && to_list r &&
	keys r / && row_is r 24 / &&
	storm r 10 p o l i c y BSpace Left Right Home End &&
	pick Escape Enter && keys r "$p" &&
	settle r && keys r '\' && at_list r && status_line r 24 " 4/4  sort:" &&
	# c compares the posting under the cursor with the next: from the
	# first row, wherever the storm's G left the cursor
	keys r g && keys r c && waits r "comparing 2 postings" &&
	storm r 10 j k n N d h l Tab C-l &&
	settle r && keys r q && at_list r &&
	keys r '?' && waits r "billet: keys" &&
	storm r 8 j k g G C-l &&
	settle r && keys r q && at_list r &&
	keys r Enter && gone r "Organization  Location" &&
	storm r 8 j k g G n N C-l &&
	settle r && keys r q && at_list r &&
	kill -0 "$pid" &&
	# the final size, at random among the usable ones
	pick 20x5 21x6 40x10 80x24 100x8 119x30 120x30 132x40 60x50 &&
	echo "final size $p" &&
	w=${p%x*} h=${p#*x} &&
	tm resize-window -t r -x "$w" -y "$h" &&
	status_line r "$h" " 4/4" &&
	keys r / z z && row r "$h" "/zz" && keys r Escape &&
	row r "$h" "filter restored" &&
	status_line r "$h" " 4/4  sort:" &&
	row r 1 "Title" &&
	{ [ "$(screen r | wc -l)" -eq "$h" ] ||
	  { echo "the screen is not $h rows:"; sed 's/^/|/' "$TMP/screen"
	    return 1; }; } &&
	screen r | sed '$d' >"$TMP/storm.before" &&
	keys r C-l && gone r "filter restored" &&
	screen r | sed '$d' >"$TMP/storm.after" &&
	{ cmp -s "$TMP/storm.before" "$TMP/storm.after" ||
	  { echo "leftovers: the screen before and after Ctrl-L:"
	    diff "$TMP/storm.before" "$TMP/storm.after"; return 1; }; } &&
	keys r Q && waits r "billet-exit=0" &&
	{ [ "$(tm display -p -t r '#{alternate_on}')" = 0 ] ||
	  { echo "the alternate screen is still on"; return 1; }; }
}
ok "a storm of resizes with keys in between: billet answers and draws the last size right" resize_storm

# D: stops while the terminal is given back -----------------------------
# While billet has given the terminal back (endwin), a stop must be the
# plain one: nothing may take the screen back on fg (curses' own SIGTSTP
# handler did). First while it saves on the way out: the lock held by
# another program keeps it there (billet waits for it up to 5 s); q
# tries first with the screen up, then says what is not saved, and Q
# quits anyway, trying once more once the terminal is given back.
stop_on_exit() {
	shell x 80x24 && baseline x &&
	rm -f "$STATE" "$STATE.lock" &&
	keys x "clear; '$BILLET' --state '$STATE' '$D'" Enter &&
	waits x " 2/2" && waitfile "${STATE%.yaml}.seen.db" &&
	pid=$(pid_of x) &&
	# a save that fails at once: the lock cannot be made
	ln -sf "$TMP/lockdir/lock" "$STATE.lock" &&
	keys x m && waits x "state not saved" &&
	# and the one on the way out waits for the lock, held here
	mkdir -p "$TMP/lockdir" || return 1
	(exec 9>"$TMP/lockdir/lock"; flock 9; exec sleep 30) &
	holder=$!
	stop_while_saving
	rc=$?
	kill "$holder" 2>/dev/null
	[ "$rc" -eq 0 ] && ended "$pid" && main_screen x &&
	keys x "echo billet-exit=\$?" Enter && waits x "billet-exit=0" &&
	restored x && rm -f "$STATE.lock"
}

# stop_while_saving: (stop_on_exit) q, Q at what is not saved, and
# SIGTSTP once the screen is given back, then fg once the lock is free.
stop_while_saving() {
	i=0
	while flock -n "$TMP/lockdir/lock" true; do
		[ "$i" -lt 100 ] || { echo "the lock is not held"; return 1; }
		sleep 0.05
		i=$((i + 1))
	done
	keys x q && waits x "not in the state file" 15 && keys x Q &&
	i=0 &&
	until [ "$(tm display -p -t x '#{alternate_on}')" = 0 ]; do
		[ "$i" -lt 100 ] || { echo "q did not leave the screen"; return 1; }
		sleep 0.05
		i=$((i + 1))
	done &&
	kill -0 "$pid" && kill -TSTP "$pid" &&
	waits x "Stopped" &&
	kill "$holder" && keys x fg Enter
}
if command -v flock >/dev/null 2>&1; then
	ok "SIGTSTP while billet saves on its way out: a plain stop, the terminal stays restored" stop_on_exit
else
	skip "SIGTSTP while billet saves on its way out" "flock(1) is not installed"
fi

# Then while the editor of A runs: Ctrl-Z stops the editor and billet;
# after fg the editor has the terminal, not billet's screen.
cat >"$TMP/ed.sh" <<'EOF'
echo EDITOR-START
read x
echo "EDITOR-GOT-$x"
printf 'from the editor\n' >"$1"
read y
EOF
stop_in_editor() {
	shell y 80x24 && baseline y &&
	keys y "clear; VISUAL=\"sh '$TMP/ed.sh'\" '$BILLET' --state '$STATE' '$D'" Enter &&
	waits y " 2/2" &&
	pid=$(pid_of y) &&
	keys y A && waits y "EDITOR-START" &&
	keys y C-z && waits y "Stopped" && main_screen y &&
	keys y fg Enter && keys y a b c Enter &&
	waits y "EDITOR-GOT-abc" && main_screen y &&
	keys y Enter && waits y "note saved" &&
	keys y Q && ended "$pid" &&
	keys y "echo billet-exit=\$?" Enter && waits y "billet-exit=0" &&
	restored y &&
	contains "$STATE" "from the editor"
}
ok "Ctrl-Z in the editor of A, then fg: the editor has the terminal, billet comes back after" stop_in_editor

# E: signals at random moments ---------------------------------------------
# A corpus big enough that the start-up is still loading when the signal
# comes; two of its postings on the shortlist, so that the state file is
# there to be spoilt.
GEN=${BUILDDIR:-}/tests/bench/gen
BIG="$TMP/big.yaml"
big_ready() {
	[ -x "$GEN" ] || { echo "no $GEN (make check builds it)"; return 1; }
	"$GEN" -q -n 3000 -s 7 -o "$BIG" &&
	"$BILLET" --list --format tsv "$BIG" 2>/dev/null | sed -n '1,2s/\t.*//p' \
		>"$TMP/ids" &&
	id1=$(sed -n 1p "$TMP/ids") && id2=$(sed -n 2p "$TMP/ids") &&
	rm -f "$STATE" &&
	"$BILLET" --state "$STATE" --mark "$id1" "$BIG" 2>/dev/null &&
	"$BILLET" --state "$STATE" --mark "$id2" "$BIG" 2>/dev/null
}
ok "a corpus of 3000 postings, two of them marked" big_ready

# state_ok: the state file is there, parses, keeps both marks, and no
# temporary file of a save is left beside it.
state_ok() {
	[ -s "$STATE" ] || { echo "no state file"; return 1; }
	"$BILLET" --state "$STATE" --list "$D" >/dev/null 2>"$TMP/st.err" || return 1
	if [ -s "$TMP/st.err" ]; then
		cat "$TMP/st.err"
		return 1
	fi
	contains "$STATE" "$id1" && contains "$STATE" "$id2" &&
	! ls -a "$(dirname "$STATE")" | grep -F "$(basename "$STATE").tmp"
}

# signal_case WHERE SIG: billet on the big corpus, brought to WHERE, then
# signal SIG after a random pause; checks the status (128 + the signal;
# SIGTSTP: stopped, then fg, then SIGTERM), the terminal and the state.
signal_case() {
	where=$1 sig=$2
	# a shell of its own, so that a failure stays in its case
	tm kill-session -t g 2>/dev/null
	shell g 80x24 && baseline g &&
	keys g "clear; '$BILLET' --state '$STATE' '$BIG'" Enter &&
	pid=$(pid_of g) || return 1
	# back: what shows that billet is back where it was after fg, with
	# the cursor shown (1: at a prompt or in the note) or not (0)
	back=/3000 cursor=0
	case $where in
	start-up)
		back=
		rand 30
		sleep "$(awk -v r="$r" 'BEGIN { print r / 100 }')" ;;
	prompt)
		back=/fi cursor=1
		waits g "3000/3000" && keys g / f i && waits g "$back" && nap ;;
	detail)
		back="Id:  "
		waits g "3000/3000" && keys g j Enter && waits g "$back" && nap ;;
	compare)
		back="2 postings"
		waits g "3000/3000" && keys g c && waits g "$back" && nap ;;
	help)
		back="billet: keys"
		waits g "3000/3000" && keys g '?' && waits g "$back" && nap ;;
	note)
		back="Ctrl-X or F2 save" cursor=1
		waits g "3000/3000" && keys g a && waits g "$back" &&
		keys g n o t && waits g "│not" && nap ;;
	mark)
		# just after a save: the third posting marked, then unmarked
		# (keys not read yet would go to the shell after billet)
		waits g "3000/3000" && keys g j j m &&
		waits g "(3 on the shortlist)" && keys g m &&
		waits g "(2 on the shortlist)" && nap ;;
	esac || return 1
	kill -s "$sig" "$pid" || return 1
	if [ "$sig" = TSTP ]; then
		waits g "Stopped" && restored g &&
		keys g fg Enter &&
		{ [ -z "$back" ] || { waits g "$back" && cursor_is g "$cursor"; }; } &&
		kill -s TERM "$pid" &&
		want=143
	else
		case $sig in
		HUP) want=129 ;; INT) want=130 ;; TERM) want=143 ;;
		esac
	fi || return 1
	ended "$pid" &&
	keys g "echo billet-exit=\$?" Enter &&
	waits g "billet-exit=$want" &&
	restored g &&
	state_ok
}

# blocked S PID: the billet PID of session S sleeps in its write to the
# terminal, which tmux (stopped) does not read: asleep, and not woken in
# half a second (waiting for a key it wakes every 100 ms). Linux /proc.
blocked() {
	i=0
	last=
	while [ "$i" -lt 100 ]; do
		now=$(awk '/^State:/ { s = $2 } /^voluntary_ctxt_switches:/ { v = $2 }
			END { print s, v }' "/proc/$2/status") || return 1
		case $now in
		S*) [ "$now" = "$last" ] && return 0 ;;
		esac
		last=$now
		sleep 0.5
		i=$((i + 1))
	done
	echo "billet never blocked in its write ($now)"
	return 1
}

# curses ignored SIGTSTP while it updated the screen, so a Ctrl-Z then
# was lost. Here the update cannot end until tmux, stopped, reads again:
# billet starts at 1000x500, far more than the terminal's buffer holds.
stop_while_drawing() {
	shell w 1000x500 && baseline w &&
	srv=$(tm display -p -t w '#{pid}') &&
	sh_pid=$(tm display -p -t w '#{pane_pid}') &&
	keys w "clear; until [ -e '$TMP/go' ]; do sleep 0.05; done; '$BILLET' --state '$STATE' '$BIG'" Enter &&
	i=0 &&
	until ps -o ppid= -o comm= -e | grep -q "^ *$sh_pid sleep"; do
		[ "$i" -lt 100 ] || { echo "the shell does not wait"; return 1; }
		sleep 0.05
		i=$((i + 1))
	done || return 1
	kill -STOP "$srv"
	touch "$TMP/go"
	pid=$(pid_of_child "$sh_pid") && blocked w "$pid" && kill -TSTP "$pid"
	rc=$?
	kill -CONT "$srv"
	[ "$rc" -eq 0 ] &&
	waits w "Stopped" && restored w &&
	keys w fg Enter && waits w "3000/3000" && keys w Q && ended "$pid" &&
	keys w "echo billet-exit=\$?" Enter && waits w "billet-exit=0" &&
	restored w && tm kill-session -t w
}
if [ -r /proc/self/status ] && [ -s "$TMP/ids" ]; then
	ok "SIGTSTP while billet writes a screen the terminal is slow to take: not lost" \
		stop_while_drawing
fi

# hangup running|stopped: the terminal goes away under billet (its window
# closed): a real hangup.
hangup() {
	shell z 80x24 &&
	keys z "clear; '$BILLET' --state '$STATE' '$BIG'" Enter &&
	pid=$(pid_of z) && waits z "3000/3000" &&
	if [ "$1" = stopped ]; then
		kill -TSTP "$pid" && waits z "Stopped"
	fi &&
	tm kill-session -t z &&
	finished "$pid" && state_ok
}

if [ ! -s "$TMP/ids" ]; then
	skip "signals" "no corpus"
elif [ -n "${UI_TERMINAL_ALL:-}" ]; then
	# every place with every signal (slow: for a change to the signals)
	for where in start-up prompt detail compare help note mark; do
		for sig in INT TERM HUP TSTP; do
			ok "SIG$sig during the $where: status, terminal modes, cursor and state file intact" \
				signal_case "$where" "$sig"
		done
	done
else
	nth=0
	for where in start-up start-up start-up start-up prompt detail \
		compare help note mark; do
		# every signal at least once, the start-up with each
		pick INT TERM HUP TSTP
		[ "$where" = start-up ] &&
			p=$(echo INT TERM HUP TSTP | cut -d' ' -f$((nth + 1)))
		ok "SIG$p during the $where: status, terminal modes, cursor and state file intact" \
			signal_case "$where" "$p"
		nth=$((nth + 1))
	done
fi
if [ -s "$TMP/ids" ]; then
	ok "the terminal closed under billet: it ends, the state file intact" \
		hangup running
	ok "the terminal closed under a stopped billet: it ends too" \
		hangup stopped
fi

finish
