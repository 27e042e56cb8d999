#!/bin/sh
# SPDX-License-Identifier: MIT
# The state file's save under faults injected into the real binary: write,
# fsync, rename, open and close fail (tests/faults/inject.so, preloaded), a
# SIGKILL lands while a save blocks, the file system is full or read-only,
# another process changes or breaks the file while the interface runs. In
# each case the old file stays whole, no temporary file is left to trouble
# the next run, the user is told (stderr and exit status 1 for --mark, the
# message and status lines in the interface), and once the fault clears the
# next change saves everything that was pending.
#
# The full and read-only file systems are a small tmpfs: mounted in a
# private mount namespace when unshare(1) can make one, else (as root) in
# the machine's own until the script ends; where neither can be, those
# cases are skipped.

# a private mount namespace for the whole script, so that its mounts are
# its own and go with it
if [ -z "${FAULTS_NS:-}" ] && command -v unshare >/dev/null 2>&1; then
	if [ "$(id -u)" -eq 0 ]; then ns="unshare -m"; else ns="unshare -rm"; fi
	if $ns true 2>/dev/null; then
		FAULTS_NS=1 exec $ns -- /bin/sh "$0" "$@"
	fi
fi

UI_TEST=tests/faults.sh
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/uilib.sh"
: "${BUILDDIR:?BUILDDIR must name the build tree (make check sets it)}"
N=nyic-upstate-director-advocacy
INJ="$BUILDDIR/tests/faults/inject.so"
if [ ! -f "$INJ" ]; then
	echo "$UI_TEST: $INJ is not built (make check builds it)"
	exit 99
fi
LOG="$TMP/inject.log"
ARM="$TMP/armed"
MNT="$TMP/fs"
mounted=no
# the sessions' billets may still be saving as they go: try a few times
cleanup() {
	tm kill-server >/dev/null 2>&1
	[ $mounted = yes ] && { umount "$MNT" 2>/dev/null || umount -l "$MNT"; }
	i=0
	until rm -rf "$TMP" 2>/dev/null || [ $i -ge 20 ]; do
		sleep 0.1
		i=$((i + 1))
	done
}
trap cleanup EXIT
skipped=0

# skip DESCRIPTION WHY: a case that cannot run here.
skip() {
	n=$((n + 1))
	skipped=$((skipped + 1))
	echo "ok $n - $1 # SKIP $2"
}

# inject DIR RULES [ARM]: writes $TMP/bin/billet, which runs billet with
# the shim preloaded, injecting RULES (see tests/faults/inject.c) into
# calls on files under DIR, only while the file ARM exists when it is
# given; a hang lasts 2 minutes at most, should a test die before its
# SIGKILL. A sanitised build wants its runtime loaded first: it is told
# not to mind.
W="$TMP/bin/billet"
mkdir -p "$TMP/bin"
inject() {
	asan="${ASAN_OPTIONS:+$ASAN_OPTIONS:}verify_asan_link_order=0"
	{
		echo '#!/bin/sh'
		printf "ASAN_OPTIONS='%s' " "$asan"
		[ -n "${UBSAN_OPTIONS:-}" ] &&
			printf "UBSAN_OPTIONS='%s' " "$UBSAN_OPTIONS"
		[ -n "${LSAN_OPTIONS:-}" ] &&
			printf "LSAN_OPTIONS='%s' " "$LSAN_OPTIONS"
		printf "LD_PRELOAD='%s' BILLET_INJECT='%s' " "$INJ" "$2"
		printf "BILLET_INJECT_DIR='%s' BILLET_INJECT_LOG='%s' " "$1" "$LOG"
		printf "BILLET_INJECT_ARM='%s' BILLET_INJECT_HANG=120 " "${3:-}"
		printf "exec '%s' \"\$@\"\n" "$BILLET"
	} >"$W" && chmod +x "$W" && rm -f "$LOG"
}

# injected TEXT: the shim's log says it injected TEXT ("fsync EIO").
injected() {
	grep -qF -- "$1" "$LOG" 2>/dev/null && return 0
	echo "the shim did not inject: $1"
	cat "$LOG" 2>/dev/null
	return 1
}

# only_state DIR: DIR holds the state file, its lock, the store of
# seen postings and the postings as read, nothing else.
only_state() {
	left=$(ls -A "$1" | grep -v '^state\.yaml$' | grep -v '^state\.yaml\.lock$' |
		grep -v '^state\.seen\.db$' | grep -v '^state\.snapshots\.json$')
	[ -z "$left" ] && return 0
	echo "left in $1: $left"
	return 1
}

# no_temp DIR: no temporary file is left in DIR.
no_temp() {
	left=$(ls -A "$1" | grep '\.tmp\.')
	[ -z "$left" ] && return 0
	echo "left in $1: $left"
	return 1
}

# marked ID FILE: FILE marks ID, and reads back without a problem.
marked() {
	"$BILLET" --state "$2" --list --shortlist --format tsv "$D" \
		>"$TMP/l" 2>"$TMP/le" || return 1
	[ ! -s "$TMP/le" ] || { cat "$TMP/le"; return 1; }
	cut -f 1 "$TMP/l" | grep -qx -- "$1" && return 0
	echo "$1 is not marked in $2:"
	cat "$2"
	return 1
}

# keep FILE COPY: COPY is FILE as it is now, or says it is not there.
keep() {
	rm -f "$2" "$2.absent"
	if [ -e "$1" ]; then cp "$1" "$2"; else touch "$2.absent"; fi
}

# same FILE COPY: FILE is as keep found it (still not there, if it was
# not).
same() {
	if [ -e "$2.absent" ]; then
		[ ! -e "$1" ] && return 0
		echo "$1 was made"
		return 1
	fi
	cmp "$1" "$2"
}

# entry ID FILE: the lines of ID's entry in FILE.
entry() {
	awk -v id="$1:" '$0 == id { on = 1; next } /^[^ ]/ { on = 0 } on' "$2"
}

# has ID TEXT FILE: ID's entry in FILE holds TEXT.
has() {
	entry "$1" "$3" | grep -qF -- "$2" && return 0
	echo "the entry of $1 lacks: $2"
	sed 's/^/|/' "$3"
	return 1
}

# poll SECONDS COMMAND...: runs the command every 0.1 s until it succeeds.
poll() {
	i=0
	lim=$(($1 * 10))
	shift
	while [ "$i" -lt "$lim" ]; do
		"$@" >/dev/null 2>&1 && return 0
		sleep 0.1
		i=$((i + 1))
	done
	"$@"
}

# the shim works at all: without this, every case below could pass on a
# binary it does not reach
C="$TMP/c"
F="$C/state.yaml"
mkdir -p "$C"
shim_reaches() {
	"$BILLET" --state "$F" --mark "$A" "$D" && cp "$F" "$TMP/old" &&
	inject "$C" "write:EIO" &&
	"$W" --state "$F" --mark "$N" "$D" 2>"$TMP/e"
	[ $? -eq 1 ] && injected "write EIO" &&
	contains "$TMP/e" "Input/output error"
}
ok "the preloaded shim makes billet's write fail" shim_reaches

# --mark under one fault -------------------------------------------------

# mark_fails RULES LOGGED CAUSE...: --mark N with RULES injected exits 1,
# says each CAUSE on stderr and that nothing was marked, leaves the old
# file byte for byte and nothing beside it; then, the fault gone, --mark
# saves both marks.
mark_fails() {
	rules=$1
	logged=$2
	shift 2
	cp "$TMP/old" "$F" &&
	inject "$C" "$rules" || return 1
	"$W" --state "$F" --mark "$N" "$D" >"$TMP/o" 2>"$TMP/e"
	st=$?
	[ $st -eq 1 ] || { echo "exit status $st, not 1"; cat "$TMP/e"; return 1; }
	injected "$logged" || return 1
	for c in "$@"; do
		contains "$TMP/e" "billet: " && contains "$TMP/e" "$c" || return 1
	done
	contains "$TMP/e" "nothing was marked" &&
	cmp "$F" "$TMP/old" && only_state "$C" &&
	"$BILLET" --state "$F" --mark "$N" "$D" &&
	marked "$A" "$F" && marked "$N" "$F" && only_state "$C"
}

ok "--mark: write fails with ENOSPC" \
	mark_fails "write:ENOSPC" "write ENOSPC" \
	"cannot write a temporary file in $C: No space left on device"
ok "--mark: write fails with EIO" \
	mark_fails "write:EIO" "write EIO" \
	"cannot write a temporary file in $C: Input/output error"
ok "--mark: write fails with EDQUOT" \
	mark_fails "write:EDQUOT" "write EDQUOT" \
	"cannot write a temporary file in $C: Disk quota"
ok "--mark: a short write, then ENOSPC (a disk filling up)" \
	mark_fails "write:short:1,write:ENOSPC:2" "write ENOSPC" \
	"No space left on device"
ok "--mark: fsync of the new file fails with EIO" \
	mark_fails "fsync:EIO:1:*.tmp.*" "fsync EIO" \
	"cannot sync a temporary file in $C: Input/output error"
ok "--mark: the new file cannot be made (EACCES)" \
	mark_fails "open:EACCES:*:*.tmp.*" "EACCES state.yaml.tmp." \
	"cannot create a temporary file in $C: Permission denied"
ok "--mark: the new file cannot be made (ENOSPC)" \
	mark_fails "open:ENOSPC:*:*.tmp.*" "ENOSPC state.yaml.tmp." \
	"No space left on device"
ok "--mark: the lock cannot be opened (EMFILE)" \
	mark_fails "open:EMFILE:*:*.lock" "open EMFILE state.yaml.lock" \
	"cannot open the lock $F.lock: Too many open files"
ok "--mark: closing the new file fails with EIO" \
	mark_fails "close:EIO:*:*.tmp.*" "close EIO" \
	"cannot write a temporary file in $C: Input/output error"
ok "--mark: rename fails with EIO" \
	mark_fails "rename:EIO" "rename EIO" \
	"cannot put the new file in place of $F: Input/output error"
ok "--mark: rename fails with EXDEV" \
	mark_fails "rename:EXDEV" "rename EXDEV" \
	"cannot put the new file in place of $F:"

short_writes() {
	cp "$TMP/old" "$F" && inject "$C" "write:short:*" &&
	"$W" --state "$F" --mark "$N" "$D" 2>"$TMP/e" &&
	[ ! -s "$TMP/e" ] && injected "write short" &&
	[ "$(grep -c 'write short' "$LOG")" -gt 2 ] &&
	marked "$A" "$F" && marked "$N" "$F" && only_state "$C"
}
ok "--mark: every write short: billet goes on writing, the file is whole" \
	short_writes

# After the rename, only the directory's sync fails: the new file is in
# place, perhaps not for good. billet says so, and exits 1.
dir_sync() {
	cp "$TMP/old" "$F" && inject "$C" "fsync:EIO:*:." || return 1
	"$W" --state "$F" --mark "$N" "$D" >"$TMP/o" 2>"$TMP/e"
	st=$?
	[ $st -eq 1 ] || { echo "exit status $st, not 1"; return 1; }
	injected "fsync EIO ." &&
	contains "$TMP/e" "cannot sync the directory $C: Input/output error" &&
	contains "$TMP/e" "may not outlast a crash" &&
	! grep -qF "nothing was marked" "$TMP/e" &&
	marked "$A" "$F" && marked "$N" "$F" && only_state "$C"
}
ok "--mark: the directory's sync fails after the rename: said, exit 1" dir_sync

# The message says what happened, not what an interface would do next.
no_retry_promise() {
	cp "$TMP/old" "$F" && inject "$C" "fsync:EIO" || return 1
	"$W" --state "$F" --mark "$N" "$D" 2>"$TMP/e"
	[ $? -eq 1 ] || return 1
	if grep -qF "will retry" "$TMP/e" || grep -qF "kept in memory" "$TMP/e"
	then
		echo "--mark ends at once, yet says:"
		cat "$TMP/e"
		return 1
	fi
}
ok "--mark: a failed save does not promise a retry that never comes" \
	no_retry_promise

# SIGKILL while a save blocks --------------------------------------------

# killed RULES OUTCOME: --mark N blocks where RULES say; SIGKILL; the file
# is then OUTCOME (old: byte for byte the old one; new: the new one,
# whole), it reads back, and the next --mark works, leaving nothing but
# the file and its lock.
killed() {
	cp "$TMP/old" "$F" && inject "$C" "$1" || return 1
	"$W" --state "$F" --mark "$N" "$D" 2>"$TMP/e" &
	pid=$!
	if ! poll 30 grep -q "^$pid .* hang" "$LOG"; then
		kill -9 $pid 2>/dev/null
		echo "billet did not block where asked"
		return 1
	fi
	kill -9 $pid
	wait $pid
	st=$?
	[ $st -eq 137 ] || { echo "exit status $st, not 137"; return 1; }
	case $2 in
	old) cmp "$F" "$TMP/old" && ! marked "$N" "$F" >/dev/null ;;
	new) marked "$N" "$F" ;;
	esac || return 1
	marked "$A" "$F" &&
	"$BILLET" --state "$F" --mark "$N" "$D" 2>"$TMP/e" &&
	[ ! -s "$TMP/e" ] && marked "$N" "$F" && only_state "$C"
}
ok "SIGKILL while blocked in write: the old file, whole; the next run cleans up" \
	killed "write:hang:*:*.tmp.*" old
ok "SIGKILL while blocked in fsync of the new file: the old file" \
	killed "fsync:hang:*:*.tmp.*" old
ok "SIGKILL while blocked before the rename: the old file" \
	killed "rename:hang" old
ok "SIGKILL just after the rename: the new file, whole" \
	killed "rename:hangafter" new
ok "SIGKILL while blocked in the directory's fsync: the new file, whole" \
	killed "fsync:hang:*:." new

# The status's history and the follow-up under faults -----------------------

# history_fails RULES LOGGED: --status N interviewing --on 2026-11-20 with
# RULES injected exits 1 and leaves the old file (the history of A in it)
# byte for byte; the fault gone, the change saves with its date, and the
# earlier history and follow-up are still there.
history_fails() {
	cp "$TMP/hold" "$F" && inject "$C" "$1" || return 1
	"$W" --state "$F" --status "$N" interviewing --on 2026-11-20 "$D" \
		>"$TMP/o" 2>"$TMP/e"
	st=$?
	[ $st -eq 1 ] || { echo "exit status $st, not 1"; cat "$TMP/e"; return 1; }
	injected "$2" && contains "$TMP/e" "nothing was changed" &&
	cmp "$F" "$TMP/hold" && only_state "$C" &&
	"$BILLET" --state "$F" --status "$N" interviewing --on 2026-11-20 "$D" &&
	has "$N" "  - applied 2026-11-03" "$F" &&
	has "$N" "  - interviewing 2026-11-20" "$F" &&
	has "$N" "  follow-up: 2026-12-01" "$F" && marked "$A" "$F"
}
hold_setup() {
	cp "$TMP/old" "$F" &&
	"$BILLET" --state "$F" --status "$N" applied --on 2026-11-03 "$D" &&
	"$BILLET" --state "$F" --follow-up "$N" 2026-12-01 "$D" &&
	cp "$F" "$TMP/hold"
}
ok "the history's file, written before the faults below" hold_setup
ok "--status --on: write fails with ENOSPC; the history is whole, then saved" \
	history_fails "write:ENOSPC" "write ENOSPC"
ok "--status --on: rename fails with EIO; the history is whole, then saved" \
	history_fails "rename:EIO" "rename EIO"

# SIGKILL while --follow-up's save blocks: the old file, history and all.
history_killed() {
	cp "$TMP/hold" "$F" && inject "$C" "fsync:hang:*:*.tmp.*" || return 1
	"$W" --state "$F" --follow-up "$N" 2026-12-24 "$D" 2>"$TMP/e" &
	pid=$!
	if ! poll 30 grep -q "^$pid .* hang" "$LOG"; then
		kill -9 $pid 2>/dev/null
		echo "billet did not block where asked"
		return 1
	fi
	kill -9 $pid
	wait $pid
	cmp "$F" "$TMP/hold" &&
	"$BILLET" --state "$F" --follow-up "$N" 2026-12-24 "$D" &&
	has "$N" "  follow-up: 2026-12-24" "$F" &&
	has "$N" "  - applied 2026-11-03" "$F" && only_state "$C"
}
ok "SIGKILL while --follow-up's save blocks: the old file, its history whole" \
	history_killed

# The interface under faults ------------------------------------------------

# Each run is in tmux at 119x30, one pane (the list; a second pane would
# mark postings read as the cursor rests, saving at moments of its own),
# in the state file's directory with --state state.yaml, so that the whole
# message fits on its line.
SESSION=0
# ui_start DIR [RULES]: starts billet on DIR/state.yaml in a new session
# (its name in $s), with RULES injected while $ARM exists; waits until the
# first load is recorded as seen.
ui_start() {
	SESSION=$((SESSION + 1))
	s=u$SESSION
	rm -f "$ARM"
	mkdir -p "$1" || return 1
	old_billet=$BILLET
	if [ -n "${2:-}" ]; then
		inject "$1" "$2" "$ARM" && BILLET=$W || return 1
	fi
	here=$1
	STATE=state.yaml
	start $s 119x30
	BILLET=$old_billet
	here=
	waits $s " 2/2" &&
	poll 10 test -s "$1/state.seen.db"
}

# ui_fails DIR RULES LOGGED CAUSE: with RULES armed, m, R 3 and a note are
# each said not saved (with CAUSE), the status line says so, the file is
# as it was, nothing is left beside it; disarmed, the next change saves
# all of them.
ui_fails() {
	U=$1
	ui_start "$U" "$2" &&
	keep "$U/state.yaml" "$TMP/uold" &&
	touch "$ARM" &&
	keys $s m && waits $s "marked (1 on the shortlist), but state not saved" &&
	shows $s "$4" &&
	shows $s "state not saved  sort:" &&
	injected "$3" &&
	keys $s j R 3 && waits $s "rated 3 of 5, but state not saved" &&
	keys $s a && waits $s "note: Upstate Director" &&
	keys $s -l 'kept through faults' && keys $s C-x &&
	waits $s "note saved, but state not saved" &&
	same "$U/state.yaml" "$TMP/uold" && only_state "$U" &&
	rm "$ARM" &&
	keys $s k x && waits $s "hidden (/is:hidden shows it): Policy" &&
	gone $s "state not saved" &&
	has "$A" "marked: true" "$U/state.yaml" &&
	has "$A" "hidden: true" "$U/state.yaml" &&
	has "$N" "rating: 3" "$U/state.yaml" &&
	has "$N" "note: kept through faults" "$U/state.yaml" &&
	only_state "$U" &&
	keys $s Q && waits $s "billet-exit=0"
}
ok "interface: write fails (ENOSPC): told, old file kept, then all saved" \
	ui_fails "$TMP/u1" "write:ENOSPC:*" "write ENOSPC" \
	"cannot write a temporary file in $TMP/u1"
ok "interface: fsync fails (EIO): told, old file kept, then all saved" \
	ui_fails "$TMP/u2" "fsync:EIO:*:*.tmp.*" "fsync EIO" \
	"cannot sync a temporary file in $TMP/u2"
ok "interface: rename fails (EIO): told, old file kept, then all saved" \
	ui_fails "$TMP/u3" "rename:EIO:*" "rename EIO" \
	"cannot put the new file in place of state.yaml: Input/output"
ok "interface: the new file cannot be made (EACCES): told, then all saved" \
	ui_fails "$TMP/u4" "open:EACCES:*:*.tmp.*" "EACCES" \
	"cannot create a temporary file in $TMP/u4"

# A save that keeps failing when the user quits: Q stops at a screen that
# says which postings and what change are not saved, and why; r tries
# again and says it still fails; Q quits anyway, exit 1, and stderr says
# it all again, posting by posting.
ui_fails_at_quit() {
	U="$TMP/u5"
	ui_start "$U" "fsync:EIO:*:*.tmp.*" &&
	touch "$ARM" &&
	keys $s m && waits $s "but state not saved" &&
	keys $s j p && waits $s "withdrawn" && keys $s a &&
	waits $s "status applied, but state not saved" &&
	keys $s Q && waits $s "Changes to 2 postings are not in the state file:" &&
	shows $s "Policy Advocate and Organizer: marked" &&
	shows $s "Upstate Director of Advocacy: status applied" &&
	shows $s "cannot sync a temporary file in $U" &&
	shows $s "w    write the state to another file" &&
	shows $s "not saved: r try again, w write it elsewhere, Q quit anyway, Esc back" &&
	keys $s r && waits $s "still not saved: r try again" &&
	keys $s Q && waits $s "billet-exit=1" &&
	shows $s "billet: the changes to the shortlist, notes and ratings were not saved: cannot sync a temporary file in" &&
	shows $s "billet:   Policy Advocate and Organizer: marked" &&
	shows $s "billet:   Upstate Director of Advocacy: status applied" &&
	! has "$A" "marked: true" "$U/state.yaml" >/dev/null && only_state "$U"
}
ok "interface: Q with changes not saved says which and why, r retries, Q quits with exit 1" \
	ui_fails_at_quit

# q from the list stops there too: Esc goes back to billet with the
# changes kept; once the fault is gone, r saves them and billet ends, 0.
ui_retry_at_quit() {
	U="$TMP/u8"
	ui_start "$U" "write:ENOSPC:*" &&
	touch "$ARM" &&
	keys $s m && waits $s "but state not saved" &&
	keys $s q && waits $s "Changes to 1 posting are not in the state file:" &&
	shows $s "Policy Advocate and Organizer: marked" &&
	shows $s "cannot write a temporary file in $U" &&
	keys $s Escape && waits $s "back: the changes are kept in memory" &&
	gone $s "Changes to 1 posting" &&
	shows $s "state not saved" &&
	keys $s q && waits $s "Changes to 1 posting are not in the state file:" &&
	rm "$ARM" &&
	keys $s r && waits $s "billet-exit=0" &&
	! shows $s "were not saved" >/dev/null &&
	marked "$A" "$U/state.yaml" && only_state "$U"
}
ok "interface: q stops at what is not saved too; Esc goes back; r saves once it can" \
	ui_retry_at_quit

# w writes the state to another file, atomically, and billet ends, exit 1,
# saying where the changes are; an existing file is replaced only on y.
ui_write_elsewhere() {
	U="$TMP/u9"
	W2="$TMP/elsewhere"
	mkdir -p "$W2" && echo mine >"$W2/taken.yaml" &&
	ui_start "$U" "rename:EIO:*" &&
	touch "$ARM" &&
	keys $s m && waits $s "but state not saved" &&
	keys $s a && waits $s "note: Policy" &&
	keys $s -l 'kept elsewhere' && keys $s C-x &&
	waits $s "note saved, but state not saved" &&
	keys $s Q && waits $s "Changes to 1 posting are not in the state file:" &&
	shows $s "Policy Advocate and Organizer: marked, note" &&
	keys $s w && waits $s "write the state to: ~/billet-unsaved.yaml" &&
	keys $s C-u && keys $s -l "$W2/taken.yaml" && keys $s Enter &&
	waits $s "exists: replace it? (y/n)" && keys $s n &&
	waits $s "is left as it was" &&
	[ "$(cat "$W2/taken.yaml")" = mine ] &&
	keys $s w && waits $s "write the state to:" &&
	keys $s C-u && keys $s -l "$W2/state.yaml" && keys $s Enter &&
	waits $s "billet-exit=1" &&
	shows $s "billet:   Policy Advocate and Organizer: marked, note" &&
	shows $s "they are written to $W2/state.yaml with the rest of the state" &&
	has "$A" "marked: true" "$W2/state.yaml" &&
	has "$A" "note: kept elsewhere" "$W2/state.yaml" &&
	[ "$(stat -c %a "$W2/state.yaml")" = 600 ] &&
	[ "$(ls -A "$W2" | sort | tr '\n' ' ')" = "state.yaml taken.yaml " ] &&
	! has "$A" "marked: true" "$U/state.yaml" >/dev/null && only_state "$U"
}
ok "interface: w writes the state elsewhere (asking before replacing a file), exit 1, where said" \
	ui_write_elsewhere

# Another billet marks a posting while this one's saves fail: once they
# work again, the file has both, and this one shows both.
ui_merge_after_fault() {
	U="$TMP/u6"
	ui_start "$U" "write:EIO:*" &&
	touch "$ARM" &&
	keys $s m && waits $s "but state not saved" &&
	"$BILLET" --state "$U/state.yaml" --mark "$N" "$D" &&
	marked "$N" "$U/state.yaml" &&
	rm "$ARM" &&
	keys $s R 5 && waits $s "rated 5 of 5: Policy" &&
	marked "$A" "$U/state.yaml" && marked "$N" "$U/state.yaml" &&
	has "$A" "rating: 5" "$U/state.yaml" &&
	line $s 2 | grep -q '^\*N5 *Policy' && line $s 3 | grep -q '^\*N *Upstate' &&
	keys $s Q && waits $s "billet-exit=0"
}
ok "interface: another billet's mark during failed saves is kept, and shown" \
	ui_merge_after_fault

# The interface's status change, not saved while writes fail, and another
# billet's change of the same posting's status: once saves work again,
# the file's history has both changes, each with its date.
ui_history_merge() {
	U="$TMP/u8"
	ui_start "$U" "write:EIO:*" &&
	touch "$ARM" &&
	keys $s p a && waits $s "status applied, but state not saved" &&
	"$BILLET" --state "$U/state.yaml" --status "$A" interviewing \
		--on 2026-11-02 "$D" &&
	rm "$ARM" &&
	keys $s R 4 && waits $s "rated 4 of 5: Policy" &&
	has "$A" "  - interviewing 2026-11-02" "$U/state.yaml" &&
	has "$A" "  - applied $(date +%F)" "$U/state.yaml" &&
	has "$A" "  status: applied" "$U/state.yaml" &&
	has "$A" "  rating: 4" "$U/state.yaml" &&
	keys $s Q && waits $s "billet-exit=0"
}
ok "interface: another billet's status change during failed saves: the history keeps both" \
	ui_history_merge

# SIGKILL of the interface while a save blocks in fsync: the old file, and
# the next run saves.
ui_killed() {
	U="$TMP/u7"
	ui_start "$U" "fsync:hang:*:*.tmp.*" &&
	keep "$U/state.yaml" "$TMP/uold" &&
	touch "$ARM" && keys $s m &&
	poll 30 grep -q " hang " "$LOG" || return 1
	pid=$(sed -n 's/^\([0-9]*\) fsync hang .*/\1/p' "$LOG" | head -n 1)
	[ -n "$pid" ] && kill -9 "$pid" && waits $s "billet-exit=137" &&
	same "$U/state.yaml" "$TMP/uold" && rm "$ARM" &&
	ui_start "$U" && keys $s m &&
	waits $s "marked (1 on the shortlist): Policy" &&
	marked "$A" "$U/state.yaml" && only_state "$U" &&
	keys $s Q && waits $s "billet-exit=0"
}
ok "interface: SIGKILL while blocked in fsync: the old file; the next run saves" \
	ui_killed

# Another process changes the file ----------------------------------------

# Another billet marks one posting while the interface runs; a mark in
# the interface keeps it: the file has both, and the list shows both.
other_marks() {
	U="$TMP/o1"
	ui_start "$U" &&
	"$BILLET" --state "$U/state.yaml" --mark "$N" "$D" &&
	keys $s m && waits $s "marked (2 on the shortlist): Policy" &&
	marked "$A" "$U/state.yaml" && marked "$N" "$U/state.yaml" &&
	line $s 2 | grep -q '^\*N *Policy' && line $s 3 | grep -q '^\*N *Upstate' &&
	keys $s Q && waits $s "billet-exit=0" &&
	marked "$A" "$U/state.yaml" && marked "$N" "$U/state.yaml"
}
ok "another billet's --mark while the interface runs: both marks are kept" \
	other_marks

# Another process writes a file that does not parse: billet does not
# overwrite it and says where it is wrong.
other_breaks() {
	U="$TMP/o2"
	ui_start "$U" &&
	printf '%s:\n  marked: [oops\n' "$N" >"$TMP/bad" &&
	cp "$TMP/bad" "$U/state.yaml" &&
	keys $s m && waits $s "marked (1 on the shortlist)" &&
	shows $s "for this run only: state.yaml:3:1: syntax error: did not find" &&
	shows $s "state read-only" &&
	cmp "$U/state.yaml" "$TMP/bad" &&
	keys $s j R 4 && waits $s "rated 4 of 5" &&
	cmp "$U/state.yaml" "$TMP/bad" && only_state "$U" &&
	keys $s Q && waits $s "Changes to 2 postings are not in the state file:" &&
	shows $s "state.yaml:3:1: syntax error: did not find" &&
	keys $s Q && waits $s "billet-exit=1" &&
	shows $s "were not saved" && cmp "$U/state.yaml" "$TMP/bad"
}
ok "another process breaks the file while the interface runs: kept, and said" \
	other_breaks

# The same, found by r (reload) rather than by a save.
other_breaks_reload() {
	U="$TMP/o3"
	ui_start "$U" &&
	printf '%s:\n  rating: [nine\n' "$A" >"$TMP/bad" &&
	cp "$TMP/bad" "$U/state.yaml" &&
	keys $s r && waits $s "state.yaml:3:1: syntax error" &&
	shows $s "state read-only" &&
	keys $s m && waits $s "for this run only" &&
	keys $s Q && waits $s "not in the state file" &&
	keys $s Q && waits $s "billet-exit=1" && cmp "$U/state.yaml" "$TMP/bad"
}
ok "a file broken by another process is said when r reloads" \
	other_breaks_reload

# Another process leaves one entry that cannot be read: said once, when a
# save or r finds it; that entry is kept as written, the others saved.
other_bad_entry() {
	U="$TMP/o4"
	ui_start "$U" &&
	{ cat "$U/state.yaml"; printf 'mine:\n  rating: nine   # by hand\n'; } \
		>"$TMP/bad" &&
	cp "$TMP/bad" "$U/state.yaml" &&
	keys $s m && waits $s "state.yaml:" &&
	shows $s "rating: expected a number from 0 to 5 (the state file was" &&
	! shows $s "state read-only" >/dev/null &&
	keys $s j && gone $s "rating: expected" &&
	keys $s m && waits $s "marked (2 on the shortlist): Upstate" &&
	grep -qx '  rating: nine   # by hand' "$U/state.yaml" &&
	has "$A" "marked: true" "$U/state.yaml" &&
	has "$N" "marked: true" "$U/state.yaml" &&
	keys $s r && waits $s "reloaded" && ! shows $s "rating: expected" &&
	keys $s Q && waits $s "billet-exit=0"
}
ok "an entry another process leaves unreadable is said once and kept as written" \
	other_bad_entry

# The store of seen postings, and an older state file carried over ---------

# An older state file (seen and read in it, keyed by the ids billet gave
# before) on two postings of one file; --mark carries it over: the store
# written, the old file kept beside it, the new one written. Under every
# fault nothing the user wrote, nor what was seen and read, is lost.
OP="$TMP/op"
C2="$TMP/c2"
F2="$C2/state.yaml"
mkdir -p "$OP" "$C2"
printf 'title: First\norganization: O\n---\ntitle: Second\norganization: O\n' \
	>"$OP/jobs.yml"
P1=$("$BILLET" --list --format tsv "$OP" | sed -n 1p | cut -f 1)
P2=$("$BILLET" --list --format tsv "$OP" | sed -n 2p | cut -f 1)
printf '# an older file\njobs#1:\n  marked: true\n  seen: true\njobs#2:\n  note: kept\n  read: true\n  seen: true\n' \
	>"$TMP/old2"

# listed QUERY WANT: --list --filter QUERY on F2 gives the titles WANT.
listed() {
	got=$("$BILLET" --state "$F2" --list --format tsv --filter "$1" "$OP" |
		cut -f 2 | tr '\n' ' ')
	[ "$got" = "$2" ] && return 0
	echo "--filter $1: '$got', not '$2'"
	return 1
}

# nothing_lost [MARKED]: F2 has the old file's marks, note, seen and read
# on the postings they were on (and the second marked, when MARKED).
nothing_lost() {
	listed is:marked "First ${1:+Second }" && listed has:note "Second " &&
	listed is:read "Second " && listed is:new "" 
}

# upgrade_fault RULES LOGGED STATUS: --mark P2 on the older file with
# RULES injected exits STATUS (0: only the store failed, and it says so;
# 1: nothing was marked, the file byte for byte as it was); nothing is
# lost, nothing left beside them; then, the fault gone, --mark carries it
# over: the old file kept, nothing lost.
upgrade_fault() {
	rm -rf "$C2" && mkdir -p "$C2" && cp "$TMP/old2" "$F2" &&
	inject "$C2" "$1" || return 1
	"$W" --state "$F2" --mark "$P2" "$OP" >"$TMP/o" 2>"$TMP/e"
	st=$?
	[ $st -eq "$3" ] || { echo "exit status $st, not $3"; cat "$TMP/e"; return 1; }
	injected "$2" && no_temp "$C2" || return 1
	if [ "$3" -eq 0 ]; then
		contains "$TMP/e" "warning: which postings were seen and read was not saved" &&
		contains "$F2" "seen: true" && nothing_lost marked
	else
		contains "$TMP/e" "nothing was marked" && cmp "$F2" "$TMP/old2" &&
		nothing_lost
	fi || return 1
	"$BILLET" --state "$F2" --mark "$P2" "$OP" 2>"$TMP/e" &&
	cmp "$F2.bak" "$TMP/old2" && ! grep -q 'seen:' "$F2" &&
	nothing_lost marked && no_temp "$C2"
}
ok "an older file carried over: the store cannot be written (ENOSPC): said, kept in the file" \
	upgrade_fault "write:ENOSPC:*:state.seen.db.tmp.*" "write ENOSPC" 0
ok "an older file carried over: the store cannot be synced (EIO): said, kept in the file" \
	upgrade_fault "fsync:EIO:*:state.seen.db.tmp.*" "fsync EIO" 0
ok "an older file carried over: the store's rename fails (EIO)" \
	upgrade_fault "rename:EIO:*:state.seen.db.tmp.*" "rename EIO" 0
ok "an older file carried over: the old file cannot be kept (ENOSPC): nothing changed" \
	upgrade_fault "write:ENOSPC:*:state.yaml.bak.tmp.*" "write ENOSPC" 1
ok "an older file carried over: the new file cannot be written (EIO): nothing lost" \
	upgrade_fault "write:EIO:*:state.yaml.tmp.*" "write EIO" 1

# upgrade_killed RULES: --mark P2 on the older file blocks where RULES
# say; SIGKILL; nothing is lost; the next --mark carries it over.
upgrade_killed() {
	rm -rf "$C2" && mkdir -p "$C2" && cp "$TMP/old2" "$F2" &&
	inject "$C2" "$1" || return 1
	"$W" --state "$F2" --mark "$P2" "$OP" 2>"$TMP/e" &
	pid=$!
	if ! poll 30 grep -q "^$pid .* hang" "$LOG"; then
		kill -9 $pid 2>/dev/null
		echo "billet did not block where asked"
		return 1
	fi
	kill -9 $pid
	wait $pid
	[ $? -eq 137 ] || return 1
	# the file is the old one, or the new one whole
	{ cmp -s "$F2" "$TMP/old2" || head -n 1 "$F2" | grep -q '^# billet state 2'; } &&
	{ nothing_lost || nothing_lost marked; } &&
	"$BILLET" --state "$F2" --mark "$P2" "$OP" 2>"$TMP/e" &&
	nothing_lost marked && ! grep -q 'seen:' "$F2" &&
	cmp "$F2.bak" "$TMP/old2" && only_state_bak "$C2"
}

# only_state_bak DIR: the state file, its store, lock and the old file.
only_state_bak() {
	left=$(ls -A "$1" | grep -v '^state\.yaml$' | grep -v '^state\.yaml\.lock$' |
		grep -v '^state\.seen\.db$' | grep -v '^state\.yaml\.bak$')
	[ -z "$left" ] && return 0
	echo "left in $1: $left"
	return 1
}
ok "an older file carried over: SIGKILL while the store is written" \
	upgrade_killed "write:hang:*:state.seen.db.tmp.*"
ok "an older file carried over: SIGKILL just after the store is in place" \
	upgrade_killed "rename:hangafter:*:state.seen.db.tmp.*"
ok "an older file carried over: SIGKILL while the old file is kept" \
	upgrade_killed "write:hang:*:state.yaml.bak.tmp.*"
ok "an older file carried over: SIGKILL while the new file is written" \
	upgrade_killed "write:hang:*:state.yaml.tmp.*"
ok "an older file carried over: SIGKILL just after the new file is in place" \
	upgrade_killed "rename:hangafter:*:state.yaml.tmp.*"

# The interface: reading a posting is recorded in the store; while it
# cannot be written the status line says so and the store stays whole;
# then the next read saves both.
ui_store_fails() {
	U="$TMP/u10"
	ui_start "$U" "write:ENOSPC:*:state.seen.db.tmp.*" &&
	cp "$U/state.seen.db" "$TMP/sold" &&
	touch "$ARM" &&
	keys $s Enter && waits $s "state not saved" &&
	shows $s "cannot write a temporary file in $U" &&
	injected "write ENOSPC" &&
	cmp "$U/state.seen.db" "$TMP/sold" && only_state "$U" &&
	rm "$ARM" &&
	keys $s q j Enter && waits $s "Upstate Director of Advocacy" &&
	poll 10 sh -c "'$BILLET' --state '$U/state.yaml' --list --filter is:read --format tsv '$D' | wc -l | grep -qx 2" &&
	gone $s "state not saved" &&
	keys $s Q && waits $s "billet-exit=0"
}
ok "interface: the store cannot be written: said, kept whole, then saved" \
	ui_store_fails

# A store another program damaged: said once at the start, rebuilt; the
# user's file untouched.
ui_store_damaged() {
	U="$TMP/u11"
	mkdir -p "$U" &&
	"$BILLET" --state "$U/state.yaml" --mark "$A" "$D" &&
	cp "$U/state.yaml" "$TMP/mine" &&
	printf 'BILSEEN\nnot a store at all, but long enough to look like one\n' \
		>"$U/state.seen.db" &&
	ui_start "$U" &&
	waits $s "state.seen.db is damaged (a version this billet does not know): it is rebuilt" &&
	cmp "$U/state.yaml" "$TMP/mine" &&
	"$BILLET" --state "$U/state.yaml" --list --filter is:new --format tsv "$D" >"$TMP/l" &&
	[ ! -s "$TMP/l" ] &&
	keys $s Q && waits $s "billet-exit=0" && cmp "$U/state.yaml" "$TMP/mine"
}
ok "interface: a damaged store is said and rebuilt; the user's file untouched" \
	ui_store_damaged

# A full or read-only file system ---------------------------------------------

if [ "${FAULTS_NS:-}" = 1 ] || [ "$(id -u)" -eq 0 ]; then
	mkdir -p "$MNT" &&
	mount -t tmpfs -o size=256k,mode=0700 billet-faults "$MNT" 2>/dev/null &&
	mounted=yes
fi
why="cannot mount a tmpfs here (no private mount namespace)"
FS="$MNT/state.yaml"

# fill: fills the tmpfs; unfill: frees it again.
fill() {
	dd if=/dev/zero of="$MNT/fill" bs=4k 2>/dev/null
	! dd if=/dev/zero of="$MNT/fill2" bs=1 count=1 2>/dev/null
}
unfill() { rm -f "$MNT/fill" "$MNT/fill2"; }

full_mark() {
	"$BILLET" --state "$FS" --mark "$A" "$D" && cp "$FS" "$TMP/fold" &&
	fill || return 1
	"$BILLET" --state "$FS" --mark "$N" "$D" 2>"$TMP/e"
	st=$?
	unfill
	[ $st -eq 1 ] || { echo "exit status $st, not 1"; return 1; }
	contains "$TMP/e" "No space left on device" &&
	contains "$TMP/e" "nothing was marked" &&
	cmp "$FS" "$TMP/fold" && only_state "$MNT" &&
	"$BILLET" --state "$FS" --mark "$N" "$D" &&
	marked "$A" "$FS" && marked "$N" "$FS"
}
if [ $mounted = yes ]; then
	ok "--mark on a full file system: exit 1, the old file kept; then saved" \
		full_mark
else
	skip "--mark on a full file system" "$why"
fi

full_ui() {
	rm -f "$FS" "$FS.lock" && ui_start "$MNT" &&
	keep "$FS" "$TMP/fold" && fill || { unfill; return 1; }
	keys $s m && waits $s "but state not saved" &&
	shows $s "cannot write a temporary file in $MNT" &&
	keys $s a && waits $s "note: Policy" &&
	keys $s -l 'a full disk' && keys $s C-x &&
	waits $s "note saved, but state not saved" &&
	same "$FS" "$TMP/fold" && no_temp "$MNT"
	st=$?
	unfill
	[ $st -eq 0 ] &&
	keys $s j m && waits $s "marked (2 on the shortlist): Upstate" &&
	gone $s "state not saved" &&
	marked "$A" "$FS" && marked "$N" "$FS" &&
	has "$A" "note: a full disk" "$FS" && only_state "$MNT" &&
	keys $s Q && waits $s "billet-exit=0"
}
if [ $mounted = yes ]; then
	ok "interface on a full file system: told, then everything saved" full_ui
else
	skip "interface on a full file system" "$why"
fi

# ro / rw: the tmpfs read-only, and writable again: its mount's flag (a
# bind remount), which a user namespace may change where a remount of the
# file system's own options (uid=, size=) is refused.
ro() { mount -o remount,bind,ro "$MNT"; }
rw() { mount -o remount,bind,rw "$MNT"; }

ro_mark() {
	rm -f "$FS" "$FS.lock" &&
	"$BILLET" --state "$FS" --mark "$A" "$D" && cp "$FS" "$TMP/rold" &&
	ro || return 1
	"$BILLET" --state "$FS" --mark "$N" "$D" 2>"$TMP/e"
	st=$?
	rw
	[ $st -eq 1 ] || { echo "exit status $st, not 1"; return 1; }
	contains "$TMP/e" "Read-only file system" &&
	contains "$TMP/e" "nothing was marked" &&
	cmp "$FS" "$TMP/rold" && only_state "$MNT"
}
if [ $mounted = yes ]; then
	ok "--mark on a read-only file system: exit 1, the old file kept" ro_mark
else
	skip "--mark on a read-only file system" "$why"
fi

# no lock file yet: the reason is the file system's, not the lock's absence
ro_mark_nolock() {
	rm -f "$FS" "$FS.lock" &&
	"$BILLET" --state "$FS" --mark "$A" "$D" && rm -f "$FS.lock" &&
	ro || return 1
	"$BILLET" --state "$FS" --mark "$N" "$D" 2>"$TMP/e"
	st=$?
	rw
	[ $st -eq 1 ] && contains "$TMP/e" "Read-only file system" &&
	! grep -q "No such file" "$TMP/e"
}
if [ $mounted = yes ]; then
	ok "--mark on a read-only file system without a lock file: the reason said" \
		ro_mark_nolock
else
	skip "--mark on a read-only file system without a lock file" "$why"
fi

ro_ui() {
	rm -f "$FS" "$FS.lock" &&
	"$BILLET" --state "$FS" --mark "$A" "$D" && cp "$FS" "$TMP/rold" &&
	ro || return 1
	SESSION=$((SESSION + 1))
	s=u$SESSION
	here=$MNT
	STATE=state.yaml
	start $s 119x30 &&
	waits $s " 2/2" && waits $s "is read-only" &&
	keys $s j m && waits $s "marked (2 on the shortlist), but state not saved" &&
	shows $s "cannot open the lock state.yaml.lock: Read-only file system" &&
	cmp "$FS" "$TMP/rold"
	st=$?
	here=
	rw
	[ $st -eq 0 ] && keys $s R 2 && waits $s "rated 2 of 5: Upstate" &&
	gone $s "state not saved" &&
	marked "$A" "$FS" && marked "$N" "$FS" && has "$N" "rating: 2" "$FS" &&
	keys $s Q && waits $s "billet-exit=0"
}
if [ $mounted = yes ]; then
	ok "interface on a read-only file system: said at the start, then saved once writable" \
		ro_ui
else
	skip "interface on a read-only file system" "$why"
fi

# The loader reads a big file a piece at a time (never maps it: a mapped
# file cut short while it is parsed would kill billet): a file that ends
# early, or a read that fails, costs only what was not read, and says so.
BIG="$TMP/load"
mkdir -p "$BIG"
i=0
while [ $i -lt 60000 ]; do
	printf -- '---\ntitle: Posting %d\norganization: Some organization\nsummary: %s\n' \
		$i "a line of text, long enough to make a file of many megabytes"
	i=$((i + 1))
done >"$BIG/big.yaml"
cut_short() {
	inject "$BIG" "read:$1:2:big.yaml"
	"$W" --check "$BIG/big.yaml" >"$TMP/out" 2>"$TMP/err"
	st=$?
	# said where the bytes read end: after the first read of 4 MiB
	grep -Eq "big\.yaml:[0-9]{5,}:[0-9]+: error: cannot read all of it: $2" \
		"$TMP/err" &&
	[ $st -eq 1 ] &&
	"$W" --list --format tsv "$BIG/big.yaml" >"$TMP/list" 2>/dev/null
	cnt=$(wc -l <"$TMP/list")
	# the first read of 4 MiB gives some 33,000 postings, not all
	[ "$cnt" -gt 1000 ] && [ "$cnt" -lt 60000 ] && grep -q "	Posting 0	" "$TMP/list"
}
ok "a big file that ends early while read: what was read loads, and it is said" \
	cut_short eof "it shrank while it was read"
ok "a read error in a big file: what was read loads, and it is said" \
	cut_short EIO "Input/output error"

# One job from two sources under faults -------------------------------------

# An earlier run kept an entry for each of two postings that are one job
# now (two files); a save (a mark of another posting) merges them. A
# failed write or a SIGKILL before the rename leaves both entries as they
# were; after it, the one merged entry: either way both notes are there,
# and the next run gives the merge.
J="$TMP/job"
mkdir -p "$J/a" "$J/b"
printf 'title: Cook\norganization: Diner\nlocation: Porto\n---\ntitle: Baker\norganization: Diner\nlocation: Porto\n' \
	>"$J/a/jobs.yml"
printf 'title: Cook\norganization: Diner\nlocation: Porto\n' >"$J/b/jobs.yml"
JID=$("$BILLET" --state "$TMP/none.yaml" --list --format tsv --filter title:cook \
	"$J/a" "$J/b" | cut -f1)
BID=$("$BILLET" --state "$TMP/none.yaml" --list --format tsv --filter title:baker \
	"$J/a" "$J/b" | cut -f1)
printf '# billet state 2\n%s:\n  note: note on a\n  history: [applied 2026-01-10]\n  status: applied\n%s~2:\n  note: note on b\n  history: [interviewing 2026-01-20]\n  status: interviewing\n' \
	"$JID" "$JID" >"$TMP/twojobs"
both_notes() {
	contains "$1" "note on a" && contains "$1" "note on b"
}
merged_after() {
	"$BILLET" --state "$F" --list --with-state --format json \
		--filter title:cook "$J/a" "$J/b" >"$TMP/m" &&
	both_notes "$TMP/m" && contains "$TMP/m" '"status": "interviewing"' &&
	"$BILLET" --state "$F" --mark "$BID" "$J/a" "$J/b" &&
	both_notes "$F" && ! grep -q '~2:' "$F" &&
	has "$JID" "  - applied 2026-01-10" "$F" &&
	has "$JID" "  - interviewing 2026-01-20" "$F"
}
merge_fails() {
	cp "$TMP/twojobs" "$F" && inject "$C" "write:ENOSPC" || return 1
	"$W" --state "$F" --mark "$BID" "$J/a" "$J/b" >/dev/null 2>"$TMP/e"
	st=$?
	[ $st -eq 1 ] || { echo "exit status $st, not 1"; cat "$TMP/e"; return 1; }
	cmp "$F" "$TMP/twojobs" && only_state "$C" && merged_after
}
ok "one job's two entries: a failed write leaves both, the next run merges" \
	merge_fails
merge_killed() {
	cp "$TMP/twojobs" "$F" && inject "$C" "$1" || return 1
	"$W" --state "$F" --mark "$BID" "$J/a" "$J/b" 2>"$TMP/e" &
	pid=$!
	if ! poll 30 grep -q "^$pid .* hang" "$LOG"; then
		kill -9 $pid 2>/dev/null
		echo "billet did not block where asked"
		return 1
	fi
	kill -9 $pid
	wait $pid
	case $2 in
	old) cmp "$F" "$TMP/twojobs" ;;
	new) both_notes "$F" && ! grep -q '~2:' "$F" ;;
	esac && merged_after
}
ok "one job's two entries: SIGKILL in the write leaves both" \
	merge_killed "write:hang:*:*.tmp.*" old
ok "one job's two entries: SIGKILL after the rename, the merge whole" \
	merge_killed "rename:hangafter" new

echo "$passed passed, $failed failed, $skipped skipped"
[ "$failed" -eq 0 ] || exit 1
[ "$passed" -eq 0 ] && exit 77
exit 0
