#!/bin/sh
# SPDX-License-Identifier: MIT
# Replays the saved inputs of every fuzz target without libFuzzer: each
# file of tests/fuzz/NAME/seed/ and tests/fuzz/NAME/regress/ (the inputs
# that once found a problem) goes through tests/fuzz/replay_NAME, the
# target's code with a plain main() built with the normal flags (and the
# sanitizers, when make check runs under them). Each input must finish
# within 10 s (and 1 GiB of address space, except under ASan) without a
# crash or a broken invariant.
. "$SRCDIR/tests/lib.sh"
F="$SRCDIR/tests/fuzz"
vm_kb=1048576

for src in "$F"/fuzz_*.c; do
	name=${src##*/fuzz_}
	name=${name%.c}
	replay="$BUILDDIR/tests/fuzz/replay_$name"
	if [ ! -x "$replay" ]; then
		n=$((n + 1))
		failed=$((failed + 1))
		echo "not ok $n - $name: $replay was not built"
		continue
	fi
	limit=$vm_kb
	grep -q __asan_init "$replay" 2>/dev/null && limit=
	for input in "$F/$name"/seed/* "$F/$name"/regress/*; do
		[ -f "$input" ] || continue
		n=$((n + 1))
		(
			if [ -n "$limit" ]; then ulimit -v "$limit" || exit 97; fi
			exec timeout -k 2 10 "$replay" "$input"
		) >"$TMP/out" 2>"$TMP/err"
		rc=$?
		what="$name/${input#"$F/$name/"}"
		if [ "$rc" -eq 0 ]; then
			passed=$((passed + 1))
			echo "ok $n - $what"
		else
			failed=$((failed + 1))
			case $rc in
			124 | 137) why="no result within 10 s" ;;
			*) why="exit status $rc" ;;
			esac
			echo "not ok $n - $what: $why"
			grep -E 'invariant|ERROR|runtime error|SUMMARY|#[0-9]+ ' \
				"$TMP/err" | head -12 | sed 's/^/#   /'
		fi
	done
done
finish
