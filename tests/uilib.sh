# SPDX-License-Identifier: MIT
# The tmux harness shared by the interface tests: a private tmux server,
# polling the screen, typing keys, starting billet in a clean shell.
# Sourced after tests/lib.sh; the caller names the test in $UI_TEST.
if ! command -v tmux >/dev/null 2>&1; then
	echo "${UI_TEST:-tests/ui.sh}: tmux is not installed, so the interface cannot be" \
	     "driven: SKIPPED (install tmux to run these tests)"
	exit 77
fi

if [ ! -x "$BILLET" ]; then
	echo "${UI_TEST:-tests/ui.sh}: $BILLET is not built"
	exit 99
fi

D="$SRCDIR/data"
U="$SRCDIR/tests/data/ui"
A=aclu-socal-kern-policy-advocate
STATE="$TMP/state.yaml"
SOCK="$TMP/tmux.sock"
mkdir -p "$XDG_STATE_HOME"
# Each run starts as the test says, not with the filter and sort of the
# run before it (remember-filter): the interface reads this config
# unless a test sets XDG_CONFIG_HOME to one of its own.
UI_CONFIG_HOME="$TMP/ui-config"
mkdir -p "$UI_CONFIG_HOME/billet"
echo 'set remember-filter = off' >"$UI_CONFIG_HOME/billet/config"

# A private tmux server: no user configuration, gone when the test ends.
tm() { tmux -S "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$TMP"' EXIT

# screen S: what session S shows now (kept in $TMP/screen).
screen() { tm capture-pane -p -t "$1" >"$TMP/screen" 2>/dev/null; cat "$TMP/screen"; }

# waits S TEXT [SECONDS]: polls until session S shows TEXT (a fixed
# string); on timeout prints the screen and fails.
waits() {
	i=0
	lim=$(( ${3:-10} * 10 ))
	while [ "$i" -lt "$lim" ]; do
		if screen "$1" | grep -qF -- "$2"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	echo "timed out waiting for: $2"
	echo "the screen was:"
	sed 's/^/|/' "$TMP/screen"
	return 1
}

# gone S TEXT [SECONDS]: polls until session S no longer shows TEXT.
gone() {
	i=0
	lim=$(( ${3:-10} * 10 ))
	while [ "$i" -lt "$lim" ]; do
		if ! screen "$1" | grep -qF -- "$2"; then
			return 0
		fi
		sleep 0.1
		i=$((i + 1))
	done
	echo "still showing: $2"
	sed 's/^/|/' "$TMP/screen"
	return 1
}

# shows S TEXT: session S shows TEXT now.
shows() {
	screen "$1" | grep -qF -- "$2" && return 0
	echo "not on the screen: $2"
	sed 's/^/|/' "$TMP/screen"
	return 1
}

# line S N: line N (1-based) of what session S shows.
line() { screen "$1" | sed -n "$2p"; }

# keys S KEY...: types keys into session S.
keys() { s=$1; shift; tm send-keys -t "$s" "$@"; }

# start S WxH ARGS...: a shell in a new session S of that size, in a
# clean environment (plus the VAR=VALUE words of $UI_ENV), running
# billet with ARGS in directory $here (else here), then printing its exit
# status as "billet-exit=N".
start() {
	s=$1
	size=$2
	shift 2
	tm new-session -d -s "$s" -x "${size%x*}" -y "${size#*x}" \
		"exec env -i PATH='$PATH' HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' XDG_CONFIG_HOME='${XDG_CONFIG_HOME:-$UI_CONFIG_HOME}' TERM=xterm-256color LANG=C.UTF-8 ${UI_ENV:-} PS1='$ ' sh" ||
		return 1
	args=
	for a in "$@"; do
		args="$args '$a'"
	done
	keys "$s" "clear; cd '${here:-$PWD}'; '$BILLET' --state '$STATE'$args; echo billet-exit=\$?" Enter
}

