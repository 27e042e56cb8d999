#!/bin/sh
# SPDX-License-Identifier: MIT
# Builds the fuzz targets (tests/fuzz/fuzz_*.c) with clang and libFuzzer
# under AddressSanitizer and UndefinedBehaviorSanitizer, then runs each for
# a given time on a copy of its seed corpus. Exits 1 when a target does not
# build or when any run finds a crash, a leak, a timeout (10 s for one
# input), an out-of-memory (2 GB) or a broken invariant; the inputs that
# did it are left in OUTDIR as NAME-crash-*, NAME-leak-*, ... to be copied
# into tests/fuzz/NAME/regress/. Inputs slower than 2 s are listed too,
# with the slowest input of each run.
#
#   tests/fuzz/fuzz.sh [-s SECONDS] [-o OUTDIR] [-j JOBS] [-b] [NAME...]
#
# -s  seconds per target (default $FUZZ_SECONDS, else 60)
# -o  where the binaries, corpora, logs and findings go (default fuzz-out)
# -j  targets run at once (default: the number of processors)
# -b  build only
# NAME  load, jsonld, frontmatter, text, query ... (default: every fuzz_*.c)
#
# CC (default clang) must understand -fsanitize=fuzzer. Extra flags:
# FUZZ_CFLAGS for the compiler, FUZZ_ARGS for every libFuzzer run.
# FUZZ_SEED=N makes each run try the same inputs in the same order as any
# other run with that seed (the same sources, corpus and build): a finding
# is then found again by the same command, if the run is as long. Without
# it every run picks its own seed and explores elsewhere.
set -eu

here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../.." && pwd)
seconds=${FUZZ_SECONDS:-60}
out=fuzz-out
jobs=$(nproc 2>/dev/null || echo 2)
build_only=0
while getopts s:o:j:b opt; do
	case $opt in
	s) seconds=$OPTARG ;;
	o) out=$OPTARG ;;
	j) jobs=$OPTARG ;;
	b) build_only=1 ;;
	*) sed -n '2,20s/^# \{0,1\}//p' "$0" >&2; exit 2 ;;
	esac
done
shift $((OPTIND - 1))
mkdir -p "$out"
out=$(cd "$out" && pwd)

if [ $# -gt 0 ]; then
	names=$*
else
	names=$(cd "$here" && ls fuzz_*.c | sed 's/^fuzz_//; s/\.c$//')
fi

cc=${CC:-clang}
san="-fsanitize=address,undefined -fno-sanitize-recover=all"
# The fuzz build needs no configure: its own config.h names the version.
mkdir -p "$out/inc"
echo '#define PACKAGE_VERSION "fuzz"' >"$out/inc/config.h"
cflags="-std=c11 -g -O1 -fno-omit-frame-pointer $san -Wall -Wextra
	-D_XOPEN_SOURCE=700 -D_DEFAULT_SOURCE -I$out/inc -I$top/src -I$here
	$(pkg-config --cflags yaml-0.1 libcurl libxml-2.0 md4c) ${FUZZ_CFLAGS:-}"
libs="$(pkg-config --libs yaml-0.1 libcurl libxml-2.0 md4c) -lm -lpthread"

# The model: every src/*.c but the command line (main.c, options.c,
# command.c), and src/load/*.c (nothing there includes curses), in an
# archive, so that a target links only the objects it uses (the config's
# keys come from the interface's keys.c).
echo "fuzz: building the model with $cc"
mkdir -p "$out/obj"
objs=
for src in "$top"/src/*.c "$top"/src/load/*.c; do
	base=$(basename "$src" .c)
	case $base in main | options | command) continue ;; esac
	case $src in */src/load/*) base=load_$base ;; esac
	# shellcheck disable=SC2086
	$cc $cflags -fsanitize=fuzzer-no-link -c "$src" -o "$out/obj/$base.o"
	objs="$objs $out/obj/$base.o"
done
rm -f "$out/obj/libmodel.a"
# shellcheck disable=SC2086
ar rcs "$out/obj/libmodel.a" $objs
for name in $names; do
	echo "fuzz: building fuzz_$name"
	# shellcheck disable=SC2086
	$cc $cflags -fsanitize=fuzzer "$here/fuzz_$name.c" "$out/obj/libmodel.a" $libs \
		-o "$out/fuzz_$name"
done
[ "$build_only" -eq 1 ] && exit 0

# The longest input worth trying for each target.
max_len() {
	case $1 in
	load | html | frontmatter) echo 65536 ;;
	jsonld | compare) echo 16384 ;;
	text) echo 4096 ;;
	text_import) echo 16384 ;;
	query) echo 512 ;;
	*) echo 8192 ;;
	esac
}

# Runs one target for the given time; its log goes to $out/NAME.log.
run_one() {
	name=$1
	corpus="$out/corpus/$name"
	mkdir -p "$corpus"
	set -- "$corpus" "$here/$name/seed"
	[ -d "$here/$name/regress" ] && set -- "$@" "$here/$name/regress"
	# the loader also starts from the schema.org examples
	[ "$name" = load ] && set -- "$@" "$top/tests/data/schemaorg"
	# and the job pages from the saved ones
	[ "$name" = html ] && set -- "$@" "$top/tests/data/pages"
	dict=
	[ -f "$here/$name.dict" ] && dict="-dict=$here/$name.dict"
	# shellcheck disable=SC2086
	ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 \
	UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	"$out/fuzz_$name" -max_total_time="$seconds" -timeout=10 \
		-report_slow_units=2 -rss_limit_mb=2048 -max_len="$(max_len "$name")" \
		-print_final_stats=1 -artifact_prefix="$out/$name-" \
		$dict ${FUZZ_SEED:+-seed="$FUZZ_SEED"} ${FUZZ_ARGS:-} "$@" \
		>"$out/$name.log" 2>&1
}

if [ -n "${FUZZ_SEED:-}" ]; then
	seeded="seed $FUZZ_SEED"
else
	seeded="a new seed each"
fi
echo "fuzz: running each target for $seconds s, $jobs at a time, $seeded"
rm -f "$out"/*.status
running=0
for name in $names; do
	(
		if run_one "$name"; then
			echo 0 >"$out/$name.status"
		else
			echo 1 >"$out/$name.status"
		fi
	) &
	running=$((running + 1))
	if [ "$running" -ge "$jobs" ]; then
		wait
		running=0
	fi
done
wait

status=0
for name in $names; do
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' \
		"$out/$name.log" | tail -1)
	cov=$(grep -o 'cov: [0-9]*' "$out/$name.log" | tail -1)
	slowest=$(sed -n 's/^stat::slowest_unit_time_sec: *//p' \
		"$out/$name.log" | tail -1)
	if [ "$(cat "$out/$name.status")" = 0 ]; then
		echo "fuzz: $name: ${runs:-?} runs, ${cov:-no coverage line}," \
			"slowest input ${slowest:-?} s, nothing found"
	else
		status=1
		echo "fuzz: $name: FOUND A PROBLEM (log: $out/$name.log)"
		grep -E 'ERROR|SUMMARY|invariant|runtime error|Test unit written' \
			"$out/$name.log" | head -20 | sed 's/^/    /'
	fi
done
slow=$(ls "$out" | grep -E -- '-slow-unit-' || true)
if [ -n "$slow" ]; then
	echo "fuzz: inputs slower than 2 s (not failures; worth a look):"
	echo "$slow" | sed "s|^|    $out/|"
fi
found=$(ls "$out" | grep -E -- '-(crash|leak|timeout|oom)-' || true)
if [ -n "$found" ]; then
	status=1
	echo "fuzz: inputs that found problems (replay one with"
	echo "      $out/fuzz_NAME FILE, and keep it in tests/fuzz/NAME/regress/):"
	echo "$found" | sed "s|^|    $out/|"
fi
exit $status
