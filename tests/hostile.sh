#!/bin/sh
# SPDX-License-Identifier: MIT
# Hostile input: every file of tests/data/hostile/ (NAME.EXT with its
# expectations in NAME.expect), then big files and odd paths made here.
#
# Each case runs `billet --check` within a time bound (10 s unless the case
# says less) and a memory bound (ulimit -v of 1 GiB; not under ASan, whose
# shadow memory needs more address space, nor under valgrind), and must
# exit with the expected status (never 128+signal, never a timeout) and
# write the expected messages. Then --list (tsv, text, json) and --show
# (text, yaml) run on the same input, and everything billet writes to
# stdout and stderr in any of them is scanned byte by byte: no C0 control
# but newline and tab, no DEL, no C1 control (raw or UTF-8), no
# bidirectional control, nothing that is not UTF-8.
#
# NAME.expect holds lines "key: value"; '#' starts a comment:
#   status: N        exit status of --check (0 or 1)
#   stderr: TEXT     a fixed string --check must write to stderr (repeatable)
#   no-stderr: TEXT  a fixed string --check must not write (repeatable)
#   show: TEXT       a fixed string --show must write to stdout (repeatable)
#   args: OPTIONS    more options for every command (split at spaces)
#   seconds: N       the time bound of each command
#   list-lines: N    lines --list --format tsv must print
#   rss-mb: N        peak resident memory of --check (tests/maxrss), but
#                    under valgrind or without the memory bound
#   id: ID           the id for --show (printf %b escapes), else the first
#                    one --list prints
#
# Last, the interface draws hostile postings in a terminal made by
# script(1), and the bytes it wrote are scanned for sequences from the data.
#
# HOSTILE_VALGRIND=1 runs every command under valgrind --error-exitcode=99
# --leak-check=full (as .ci/run does) with the time bounds stretched, but
# for the big files made here;
# HOSTILE_NO_ULIMIT=1 drops the memory bound.
. "$SRCDIR/tests/lib.sh"
H="$SRCDIR/tests/data/hostile"
export BILLET_THREADS=2 # the same work on any machine

wrap=
scale=1
vm_kb=1048576
if [ "${HOSTILE_VALGRIND:-}" = 1 ]; then
	wrap="valgrind -q --error-exitcode=99 --leak-check=full"
	scale=30
	vm_kb=
	echo "# under valgrind"
elif grep -q __asan_init "$BILLET" 2>/dev/null; then
	vm_kb=
	# ASan and UBSan make billet two to three times slower: the bounds
	# catch a hang or a quadratic walk, not a slower build
	scale=4
	echo "# AddressSanitizer build: no ulimit -v (it needs the address space), time bounds x4"
	# a finding must not pass for an ordinary exit status 1
	export ASAN_OPTIONS="exitcode=99:${ASAN_OPTIONS:-}"
	export UBSAN_OPTIONS="halt_on_error=1:exitcode=99:${UBSAN_OPTIONS:-}"
fi
[ "${HOSTILE_NO_ULIMIT:-}" = 1 ] && vm_kb=
# measures the peak memory of a run (tests/maxrss.c, built by make check)
maxrss="${BUILDDIR:-.}/tests/maxrss"

# run LABEL SECONDS ARGS...: runs billet with the bounds; stdout in
# $TMP/out and $TMP/cap/LABEL.out, stderr in $TMP/err and
# $TMP/cap/LABEL.err, status in $rc.
run() {
	label=$1 secs=$(($2 * scale))
	shift 2
	(
		if [ -n "$vm_kb" ]; then ulimit -v "$vm_kb" || exit 97; fi
		# shellcheck disable=SC2086
		exec timeout -k 2 "$secs" $wrap "$BILLET" "$@"
	) >"$TMP/out" 2>"$TMP/err"
	rc=$?
	cp "$TMP/out" "$TMP/cap/$label.out"
	cp "$TMP/err" "$TMP/cap/$label.err"
}

# harmless FILE...: nothing in the files that a terminal would obey.
harmless() {
	perl -e '
		my $bad = 0;
		for my $f (@ARGV) {
			open(my $h, "<:raw", $f) or die "$f: $!\n";
			local $/;
			my $s = <$h> // "";
			my $why;
			if ($s =~ /([\x00-\x08\x0b\x0c\x0e-\x1f\x7f]|\r(?!\n))/) {
				$why = sprintf("control byte 0x%02X at byte %d",
				               ord($1), $-[0]);
			} elsif ($s =~ /\xc2[\x80-\x9f]/) {
				$why = "C1 control (UTF-8) at byte $-[0]";
			} elsif ($s =~ /\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]|\xd8\x9c/) {
				$why = "bidirectional control at byte $-[0]";
			} elsif (!utf8::decode(my $copy = $s)) {
				$why = "bytes that are not UTF-8 (a raw 0x80-0x9F is a C1 control)";
			}
			if ($why) {
				my $name = $f;
				$name =~ s{.*/}{};
				print "raw terminal control in $name: $why\n";
				$bad = 1;
			}
		}
		exit $bad;
	' "$@"
}

# why: the reason the current case failed, for the report.
why=

# fail TEXT: records a reason (the first one is reported).
fail() {
	[ -z "$why" ] && why=$1
	return 0
}

# status_ok NAME: the last run ended by itself with status 0 or 1.
status_ok() {
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		fail "$1: no result within $((secs)) s"
	elif [ "$rc" -eq 97 ]; then
		fail "$1: could not set the memory bound"
	elif [ "$rc" -eq 99 ]; then
		fail "$1: valgrind or a sanitizer found errors: $(grep -m1 -E 'ERROR:|runtime error|Invalid|definitely lost' "$TMP/err")"
	elif [ "$rc" -gt 128 ]; then
		fail "$1: killed by signal $((rc - 128)): $(grep -m1 -v '^ *$' "$TMP/err")"
	elif [ "$rc" -gt 1 ]; then
		fail "$1: exit status $rc: $(head -1 "$TMP/err")"
	fi
}

# expect_key FILE KEY: the values of KEY in an expect file, one a line.
expect_key() {
	sed -n "s/^$2: //p" "$1"
}

# check_case NAME INPUT EXPECT: runs one case.
check_case() {
	name=$1 input=$2 exp=$3
	n=$((n + 1))
	why=
	rm -rf "$TMP/cap"
	mkdir "$TMP/cap"
	want_status=$(expect_key "$exp" status)
	secs_case=$(expect_key "$exp" seconds)
	secs_case=${secs_case:-10}
	# shellcheck disable=SC2046
	set -- $(expect_key "$exp" args)

	start=$(date +%s%N 2>/dev/null || date +%s)
	run check "$secs_case" --check "$@" "$input"
	end=$(date +%s%N 2>/dev/null || date +%s)
	status_ok "--check"
	if [ "$rc" -le 1 ] && [ "$rc" != "${want_status:-0}" ]; then
		fail "--check: exit status $rc, expected ${want_status:-0}"
	fi
	expect_key "$exp" stderr >"$TMP/want"
	while IFS= read -r s; do
		grep -qF -- "$s" "$TMP/err" || fail "--check: stderr lacks '$s'"
	done <"$TMP/want"
	expect_key "$exp" no-stderr >"$TMP/want"
	while IFS= read -r s; do
		grep -qF -- "$s" "$TMP/err" && fail "--check: stderr has '$s'"
	done <"$TMP/want"
	ms=
	case $start$end in
	*[!0-9]*) ;;
	*) [ ${#start} -gt 12 ] && ms=" $(((end - start) / 1000000)) ms" ;;
	esac

	rss=$(expect_key "$exp" rss-mb)
	if [ -n "$rss" ] && [ -z "$wrap" ] && [ -n "$vm_kb" ]; then
		if kb=$("$maxrss" "$BILLET" --check "$@" "$input"); then
			ms="$ms, $((kb / 1024)) MB"
			[ "$kb" -le $((rss * 1024)) ] ||
				fail "--check: peak memory $((kb / 1024)) MB, more than $rss MB"
		else
			fail "--check: $maxrss could not measure its memory"
		fi
	fi

	run list-tsv "$secs_case" --list --format tsv "$@" "$input"
	status_ok "--list --format tsv"
	lines=$(expect_key "$exp" list-lines)
	got=$(wc -l <"$TMP/out")
	if [ -n "$lines" ] && [ "$got" -ne "$lines" ]; then
		fail "--list: $got lines, expected $lines"
	fi
	id=$(expect_key "$exp" id)
	if [ -n "$id" ]; then
		id=$(printf '%b' "$id")
	else
		id=$(head -1 "$TMP/out" | cut -f1)
	fi
	run list-text "$secs_case" --list --width 80 "$@" "$input"
	status_ok "--list"
	run list-json "$secs_case" --list --format json "$@" "$input"
	status_ok "--list --format json"
	run show-yaml "$secs_case" --show "${id:-none}" --format yaml "$@" "$input"
	status_ok "--show --format yaml"
	run show-text "$secs_case" --show "${id:-none}" --width 60 "$@" "$input"
	status_ok "--show"
	expect_key "$exp" show >"$TMP/want"
	while IFS= read -r s; do
		grep -qF -- "$s" "$TMP/out" || fail "--show: stdout lacks '$s'"
	done <"$TMP/want"

	out=$(harmless "$TMP"/cap/*) || fail "$out"

	if [ -z "$why" ]; then
		passed=$((passed + 1))
		echo "ok $n - $name$ms"
	else
		failed=$((failed + 1))
		echo "not ok $n - $name: $why"
		sed 's/^/#   /' "$TMP/err" | head -8 | cut -c1-200
	fi
}

# gen_case NAME INPUT EXPECT-LINE...: a case whose expectations are given
# here.
gen_case() {
	name=$1 input=$2
	shift 2
	if [ -n "$wrap" ] && [ -n "${big:-}" ]; then
		skip "$name" "under valgrind (make check runs it, natively and under ASan)"
		return
	fi
	printf '%s\n' "$@" >"$TMP/expect"
	check_case "$name" "$input" "$TMP/expect"
}

# skip NAME REASON
skip() {
	n=$((n + 1))
	echo "ok $n - $1 # SKIP $2"
}

# The memory bound's measure: a run that fills 64 MiB must show 64 MiB.
if [ -z "$wrap" ] && [ -n "$vm_kb" ]; then
	measures() {
		kb=$("$maxrss" dd if=/dev/zero of=/dev/null bs=64M count=1) &&
			[ "$kb" -ge 65536 ] && [ "$kb" -lt 1048576 ] ||
			{ echo "tests/maxrss said '$kb' KiB for dd bs=64M"; return 1; }
	}
	ok "tests/maxrss measures the peak memory of a run" measures
fi

# The corpus ------------------------------------------------------------
for exp in "$H"/*.expect; do
	base=${exp%.expect}
	input=
	for f in "$base".*; do
		[ "$f" != "$exp" ] && input=$f
	done
	if [ -z "$input" ]; then
		n=$((n + 1))
		failed=$((failed + 1))
		echo "not ok $n - $(basename "$base"): no input beside the .expect"
		continue
	fi
	check_case "$(basename "$input")" "$input" "$exp"
done

# Big files, made here ---------------------------------------------------
# Under valgrind each takes minutes (every byte goes through its checker):
# there they are skipped, and valgrind reads the corpus above and the
# paths below, whose code is the same.
big=1
G="$TMP/gen"
mkdir -p "$G"

awk 'BEGIN { for (i = 0; i < 100000; i++) printf "["; print "" }' \
	>"$G/deep-flow.yaml"
gen_case "100000 nested [ (made here)" "$G/deep-flow.yaml" \
	"status: 1" "seconds: 2" \
	"stderr: nesting deeper than 64 levels (see --max-depth)"

awk 'BEGIN { for (i = 0; i < 100000; i++) printf "- "; print "x" }' \
	>"$G/deep-block.yaml"
gen_case "100000 nested block lists (made here)" "$G/deep-block.yaml" \
	"status: 1" "seconds: 2" "stderr: nesting deeper than 64 levels"

{
	printf 'organization: Big\ntitle: "'
	head -c 30000000 /dev/zero | tr '\0' 'a'
	printf '"\n'
} >"$G/big-scalar.yaml"
gen_case "a 30 MB scalar (made here)" "$G/big-scalar.yaml" \
	"status: 1" "rss-mb: 120" \
	"stderr: a scalar of 30000000 bytes exceeds the limit of 1048576 (see --max-scalar)"

head -c 2097152 /dev/zero | tr '\0' '#' >"$G/over-max-file.yaml"
gen_case "2 MB over --max-file 1M (made here)" "$G/over-max-file.yaml" \
	"status: 1" "args: --max-file 1M" \
	"stderr: file of 2097152 bytes exceeds the limit of 1048576 (see --max-file); not read"

perl -e 'srand(8); print map { chr int rand 256 } 1 .. 1048576' \
	>"$G/random.yaml"
gen_case "1 MB of random bytes, seed 8 (made here)" "$G/random.yaml" \
	"status: 1" "stderr: error: "

awk 'BEGIN { for (i = 1; i < 50000; i++)
	printf "---\ntitle: Posting %d\norganization: Org %d\n", i, i % 97
	print "---\nid: docs-50000\ntitle: Posting 50000\norganization: Org" }' \
	>"$G/docs.yaml"
gen_case "50,000 documents in one file (made here)" "$G/docs.yaml" \
	"status: 0" "list-lines: 50000" "id: docs-50000" "show: Posting 50000"

awk 'BEGIN { for (i = 1; i <= 50000; i++)
	printf "---\nid: same\ntitle: Same %d\norganization: O\n", i }' \
	>"$G/same-id.yaml"
gen_case "50,000 postings with one id (made here)" "$G/same-id.yaml" \
	"status: 0" "seconds: 6" "list-lines: 50000" \
	"stderr: this posting is 'same~50000'" "id: same~50000" \
	"show: Same 50000"

awk 'BEGIN { n = 30000
	printf "title: Anchors\norganization: O\nfirst: &a0 x\n"
	for (i = 1; i < n; i++) printf "k%d: &a%d v\n", i, i
	printf "refs: ["
	for (i = 0; i < n; i++) printf "*a0, "
	print "]" }' >"$G/anchors.yaml"
gen_case "30,000 anchors and 30,000 aliases (made here)" "$G/anchors.yaml" \
	"status: 0" "seconds: 3" "id: anchors"

awk 'BEGIN { print "title: Keys"; for (i = 0; i < 49000; i++) print "a: 1" }' \
	>"$G/dupkeys.yaml"
gen_case "49,000 duplicate keys (made here)" "$G/dupkeys.yaml" \
	"status: 1" "seconds: 3" \
	"stderr: duplicate key 'a' (first at line 2, column 1)"

awk 'BEGIN { for (i = 0; i < 300000; i++) printf "---\n]\n" }' \
	>"$G/broken.yaml"
gen_case "300,000 broken documents (made here)" "$G/broken.yaml" \
	"status: 1" "seconds: 3" "stderr: more than 100 broken documents"

{
	printf '{"@type": "JobPosting", "title": "Lt", "description": "'
	head -c 1000000 /dev/zero | tr '\0' '<'
	printf '"}\n'
} >"$G/lt.json"
gen_case "a description of 1,000,000 '<' (made here)" "$G/lt.json" \
	"status: 0" "seconds: 3" "show: <<<<<<<<<<"

# Job pages, made here ------------------------------------------------------
head -c 5000000 /dev/zero | tr '\0' '<' >"$G/lt.html"
gen_case "a page of 5,000,000 '<' (made here)" "$G/lt.html" \
	"status: 1" "seconds: 3" \
	"stderr: lt.html:1:1: error: no schema.org JobPosting in this page"

awk 'BEGIN { for (i = 0; i < 200000; i++) printf "<div>"; print "" }' \
	>"$G/deep.html"
gen_case "a page of 200,000 nested <div> (made here)" "$G/deep.html" \
	"status: 1" "seconds: 2" \
	"stderr: libxml2 stopped reading this page: Excessive depth"

awk 'BEGIN { printf "<html>\n<p"; for (i = 0; i < 150000; i++)
	printf " a%d", i; print ">" }' >"$G/attrs.html"
gen_case "a tag of 150,000 attributes (made here)" "$G/attrs.html" \
	"status: 1" "seconds: 2" \
	"stderr: attrs.html:2:1: error: tags with thousands of attributes"

awk 'BEGIN { for (i = 0; i < 300000; i++) print "<p>x</p>"
	print "<script type=\"application/ld+json\">{\"@type\": \"JobPosting\", " \
	      "\"title\": \"Late\", \"hiringOrganization\": \"O\"}</script>" }' \
	>"$G/many.html"
gen_case "a page of 300,000 elements (made here)" "$G/many.html" \
	"status: 1" "seconds: 10" "rss-mb: 150" \
	"stderr: error: more than 100000 elements in this page (see --max-nodes)"

{
	printf '<script>'
	head -c 12000000 /dev/zero | tr '\0' 'x'
	printf '</script><script type="application/ld+json">{"@type": '
	printf '"JobPosting", "title": "After", "hiringOrganization": "O"}'
	printf '</script>\n'
} >"$G/bigscript.html"
gen_case "a page with a 12 MB script (made here)" "$G/bigscript.html" \
	"status: 1" "seconds: 5" \
	"stderr: libxml2 stopped reading this page: xmlSAX2Characters: huge text node"

awk 'BEGIN { for (i = 1; i <= 10000; i++)
	printf "<script type=\"application/ld+json\">{\"@type\": \"JobPosting\", " \
	       "\"title\": \"Block %d\", \"hiringOrganization\": \"O\", " \
	       "\"identifier\": \"b%d\"}</script>\n", i, i }' >"$G/blocks.html"
gen_case "a page of 10,000 JSON-LD blocks (made here)" "$G/blocks.html" \
	"status: 0" "list-lines: 10000" "id: o-b10000" "show: Block 10000"

# blocks the parser changes (it drops the \001), so that none is found in
# the page's bytes: the search stays linear in the page
awk 'BEGIN { for (i = 1; i <= 10000; i++)
	printf "<script type=\"application/ld+json\">{\"@type\": \"JobPosting\", " \
	       "\"title\": \"Lost %d \001\", \"hiringOrganization\": \"O\"}" \
	       "</script>", i; print "" }' >"$G/lost.html"
gen_case "10,000 blocks on one line, none found byte for byte (made here)" \
	"$G/lost.html" "status: 0" "list-lines: 10000"

# Markdown with front matter: a huge body, deep nesting, a front matter
# that never closes, md4c's worst inlines
fm='---\ntitle: Big\norganization: O\n---\n'
{ printf '%b' "$fm"; awk 'BEGIN { for (i = 0; i < 1500000; i++)
	printf "Paragraph %d of a very long body.\n\n", i }'; } >"$G/huge-body.md"
gen_case "a 50 MB Markdown body, 1,500,000 paragraphs (made here)" \
	"$G/huge-body.md" "status: 1" "rss-mb: 400" \
	"stderr: more than 100000 blocks in the body; the rest of it is dropped (see --max-nodes)"
{ printf '%b' "$fm"; awk 'BEGIN { for (i = 0; i < 100000; i++) printf "> - "
	print "x" }'; } >"$G/deep-quotes.md"
gen_case "100000 nested quotes and lists in Markdown (made here)" \
	"$G/deep-quotes.md" "status: 0" "seconds: 3" \
	"stderr: lists and quotes nested deeper than 64 levels (see --max-depth)"
{ printf '%s\n' '---' 'title: Open'; head -c 20000000 /dev/zero | tr '\0' 'a'
	printf '\n'; } >"$G/open-front-matter.md"
gen_case "a front matter never closed, 20 MB after it (made here)" \
	"$G/open-front-matter.md" "status: 1" "seconds: 3" \
	"stderr: the front matter that opens here never closes"
{ printf '%b' "$fm"; awk 'BEGIN { for (i = 0; i < 1000000; i++) printf "[";
	for (i = 0; i < 100000; i++) printf "*a _b ";
	for (i = 0; i < 100000; i++) printf "[a](<b " }'; } >"$G/inlines.md"
gen_case "a million '[' and unclosed emphasis and links (made here)" \
	"$G/inlines.md" "status: 1" "seconds: 3" \
	"stderr: exceeds the limit of 1048576 (see --max-scalar); it is dropped"

# Paths -------------------------------------------------------------------
big=
P="$TMP/paths"
mkdir -p "$P/loop/d"
printf 'title: In the loop\norganization: O\n' >"$P/loop/d/a.yaml"
ln -s . "$P/loop/d/self"
ln -s .. "$P/loop/d/up"
gen_case "a directory with links to . and .." "$P/loop/d" \
	"status: 0" "list-lines: 1" \
	"stderr: directory loop (a link back to a directory above); not followed"

# a FIFO is never opened (that could block): named, it is an error; met
# in a directory under a posting's name, a warning, as a device is
if mkfifo "$P/fifo.yaml" 2>/dev/null; then
	gen_case "a FIFO" "$P/fifo.yaml" \
		"status: 1" "seconds: 5" \
		"stderr: fifo.yaml:1:1: error: a FIFO, not a regular file or directory; not read"
	mkdir "$P/withfifo"
	mkfifo "$P/withfifo/b.yaml"
	mkfifo "$P/withfifo/c.txt"
	cp "$P/loop/d/a.yaml" "$P/withfifo/a.yaml"
	ln -s /dev/null "$P/withfifo/null.yml"
	ln -s /dev/zero "$P/withfifo/zero.dat"
	gen_case "a directory holding a FIFO and a link to a device" \
		"$P/withfifo" "status: 0" "seconds: 5" "list-lines: 1" \
		"stderr: withfifo/b.yaml:1:1: warning: a FIFO, not a regular file; not read" \
		"stderr: withfifo/null.yml:1:1: warning: a character device, not a regular file; not read" \
		"no-stderr: c.txt" "no-stderr: zero.dat"
else
	skip "a FIFO" "mkfifo failed"
fi

gen_case "/dev/zero" /dev/zero \
	"status: 1" "seconds: 5" \
	"stderr: /dev/zero:1:1: error: a character device, not a regular file or directory; not read"

gen_case "a path that does not exist" "$P/missing.yaml" \
	"status: 1" "stderr: No such file or directory"

cp "$P/loop/d/a.yaml" "$P/unreadable.yaml"
chmod 000 "$P/unreadable.yaml"
if [ -r "$P/unreadable.yaml" ]; then
	skip "an unreadable file" "still readable (running as root)"
else
	gen_case "an unreadable file" "$P/unreadable.yaml" \
		"status: 1" "stderr: cannot open: Permission denied"
fi
chmod 600 "$P/unreadable.yaml"

mkdir "$P/closed"
cp "$P/loop/d/a.yaml" "$P/closed/a.yaml"
chmod 000 "$P/closed"
if [ -r "$P/closed" ]; then
	skip "an unreadable directory" "still readable (running as root)"
else
	gen_case "an unreadable directory" "$P/closed" \
		"status: 1" "stderr: cannot open directory: Permission denied"
fi
chmod 700 "$P/closed"

nl_name="$P/bad
name.yaml"
printf 'title: [\n' >"$nl_name"
gen_case "a file name with a newline" "$nl_name" \
	"status: 1" "stderr: bad^Jname.yaml:" "no-stderr: bad name.yaml"

tab_name=$(printf '%s/tab\tname.yaml' "$P")
printf 'title: [\n' >"$tab_name"
gen_case "a file name with a tab" "$tab_name" \
	"status: 1" "stderr: tab^Iname.yaml:" "no-stderr: tab name.yaml"

esc_name=$(printf '%s/esc\033[31mred\033]0;x\007.yaml' "$P")
printf 'title: [\n' >"$esc_name"
gen_case "a file name with ESC and BEL" "$esc_name" \
	"status: 1" "stderr: esc^[[31mred^[]0;x^G.yaml:"

bidi_name=$(printf '%s/\342\200\256lmth.yaml' "$P")
printf 'title: [\n' >"$bidi_name"
gen_case "a file name with a bidi override" "$bidi_name" \
	"status: 1" "stderr: \\u202Elmth.yaml:"

c1_name=$(printf '%s/c1\302\233x\233y.yaml' "$P")
printf 'title: [\n' >"$c1_name"
gen_case "a file name with C1 controls, UTF-8 and raw" "$c1_name" \
	"status: 1" "stderr: c1\\u009Bx"

# The interface -------------------------------------------------------------
# The interface shows hostile postings, their problems, a comparison, help
# and a filter in a terminal made by script(1), which records every byte
# billet writes. ncurses writes escape sequences of its own; what must
# never appear is one from the data: an OSC, DCS, APC, PM or SOS string
# (title, clipboard, hyperlink...), a C1 or bidi control, bytes that are
# not UTF-8, or the payloads' own CSI sequences (ESC[6n, ESC[21t), while
# their visible forms must be on the screen.
UI="$TMP/ui"
mkdir -p "$UI"
for f in quoted-escapes.yaml escape-in-key.yaml raw-bidi.yaml \
	jsonld-html.json cr-bs-oneline.yaml raw-c1.yaml; do
	cp "$H/$f" "$UI/"
done
cat >"$UI/payloads.yaml" <<'EOF'
id: payloads
title: "report \e[6n and \e[21t, C1 \x9b6n, \e]0;pwned\a"
organization: "\e]8;;http://evil.example/\e\\link\e]8;;\e\\"
responsibilities: ["\eP+q544e\e\\ DCS", "\e_APC\e\\", "\e^PM\e\\", "\u202Eevil"]
EOF
printf 'title: [\n' >"$(printf '%s/name\033]0;pwned\007.yaml' "$UI")"

# ui_keys: what a person types, slowly enough for billet to draw.
ui_keys() {
	sleep 1.5
	for k in j j j j j j j j g '\r' j j q c j n q '!' j q '?' j q \
		/ p w n e d '\r' '\\' Q; do
		printf "$k"
		sleep 0.15
	done
}

# ui_run ID COLUMNS LINES: runs the interface on $UI at that size, what
# it writes to the terminal in $TMP/ts-ID, its exit status in
# $TMP/rc-ID. The runs mostly wait for keys, so they go side by side.
ui_run() {
	ui_keys | env -i PATH="$PATH" HOME="$HOME" \
		XDG_STATE_HOME="$XDG_STATE_HOME/$1" TERM=xterm-256color \
		LANG=C.UTF-8 COLUMNS="$2" LINES="$3" BILLET_THREADS=2 \
		timeout -k 2 60 script -q -e -f -c "'$BILLET' '$UI'" \
		"$TMP/ts-$1" >/dev/null 2>&1
	echo $? >"$TMP/rc-$1"
}

# ui_case ID NAME VISIBLE: the verdict on run ID; VISIBLE is 1 when the
# payloads' visible forms must be on screen.
ui_case() {
	n=$((n + 1))
	why=
	name=$2 visible=$3
	rc=$(cat "$TMP/rc-$1")
	if [ "$rc" -eq 124 ] || [ "$rc" -eq 137 ]; then
		fail "no exit within 60 s"
	elif [ "$rc" -ne 0 ]; then
		fail "exit status $rc"
	fi
	out=$(perl -e '
		open(my $h, "<:raw", $ARGV[0]) or die "$ARGV[0]: $!\n";
		local $/;
		my $s = <$h> // "";
		my @bad;
		push @bad, "an OSC, DCS, APC, PM or SOS string"
			if $s =~ /\e[\]P_^X]/;
		push @bad, "a C1 control" if $s =~ /\xc2[\x80-\x9f]/;
		push @bad, "a bidi control"
			if $s =~ /\xe2\x80[\x8e\x8f\xaa-\xae]|\xe2\x81[\xa6-\xa9]/;
		push @bad, "the payload ESC[6n" if $s =~ /\e\[6n/;
		push @bad, "the payload ESC[21t" if $s =~ /\e\[21t/;
		push @bad, "bytes that are not UTF-8"
			unless utf8::decode(my $c = $s);
		push @bad, "no visible payload (^[]0;pwned)"
			unless $ARGV[1] ne "1" || $s =~ /\^\[\]0;pwned/;
		print join("; ", @bad);
		exit(@bad ? 1 : 0);
	' "$TMP/ts-$1" "$visible") || fail "$out"
	if [ -z "$why" ]; then
		passed=$((passed + 1))
		echo "ok $n - $name"
	else
		failed=$((failed + 1))
		echo "not ok $n - $name: $why"
	fi
}

if [ -n "$wrap" ]; then
	skip "the interface" "not under valgrind"
elif ! command -v script >/dev/null 2>&1; then
	skip "the interface" "script(1) (util-linux) is not installed"
else
	ui_run big 150 50 &
	ui_run std 80 24 &
	ui_run tiny 20 5 &
	wait
	ui_case big "the interface at 150x50 (side by side)" 1
	ui_case std "the interface at 80x24" 1
	ui_case tiny "the interface at 20x5" 0
fi

finish
