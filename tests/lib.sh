# SPDX-License-Identifier: MIT
# Shared by the shell tests: counting, checking, a temporary directory.
: "${BILLET:?BILLET must name the billet binary (make check sets it)}"
: "${SRCDIR:?SRCDIR must name the source tree (make check sets it)}"
passed=0
failed=0
n=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/billet-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
export HOME="$TMP/home" XDG_STATE_HOME="$TMP/state" LC_ALL=C.UTF-8
unset BILLET_PATH NO_COLOR XDG_CONFIG_HOME
mkdir -p "$HOME"
# SLOW: how many times longer a bound on a run's time is for this build
# (ASan and UBSan make billet two to three times slower); the bounds
# catch a hang or a quadratic walk, not a slower build on a busy machine
SLOW=1
grep -q __asan_init "$BILLET" 2>/dev/null && SLOW=4

# ok DESCRIPTION COMMAND...: passes when the command succeeds.
ok() {
	desc=$1
	shift
	n=$((n + 1))
	if "$@" >"$TMP/out" 2>"$TMP/err"; then
		passed=$((passed + 1))
		echo "ok $n - $desc"
	else
		failed=$((failed + 1))
		echo "not ok $n - $desc"
		sed 's/^/#   /' "$TMP/out" "$TMP/err" | head -20
	fi
}

# contains FILE STRING: the file holds the fixed string.
contains() {
	grep -qF -- "$2" "$1" || { echo "missing: $2"; return 1; }
}

# finish: prints the totals and exits with the right status.
finish() {
	echo "$passed passed, $failed failed"
	[ "$failed" -eq 0 ]
}
