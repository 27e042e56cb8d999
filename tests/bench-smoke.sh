#!/bin/sh
# SPDX-License-Identifier: MIT
# The benchmark's generator and program, run small so that they cannot rot:
# the corpus is deterministic, well-formed and loads without errors, and the
# benchmark's output is well-formed. No figure is judged here (make bench).
. "$SRCDIR/tests/lib.sh"
: "${BUILDDIR:?BUILDDIR must name the build tree (make check sets it)}"
GEN=$BUILDDIR/tests/bench/gen
BENCH=$BUILDDIR/tests/bench/bench
N=200

gen_file() {
	"$GEN" -q -n $N -s 1 -o "$TMP/c.yaml" &&
	[ "$(grep -c '^---$' "$TMP/c.yaml")" -eq $N ]
}
ok "gen writes $N documents to one file" gen_file

gen_seeded() {
	"$GEN" -q -n $N -s 1 -o "$TMP/same.yaml" &&
	cmp "$TMP/c.yaml" "$TMP/same.yaml" &&
	"$GEN" -q -n $N -s 2 -o "$TMP/other.yaml" &&
	! cmp -s "$TMP/c.yaml" "$TMP/other.yaml" &&
	"$GEN" -q -n 20 -s 1 >"$TMP/stdout.yaml" &&
	[ "$(grep -c '^---$' "$TMP/stdout.yaml")" -eq 20 ]
}
ok "gen gives the same bytes for the same seed, others for another" \
	gen_seeded

# check_loads PATH COUNT: billet --check finds no error and lists COUNT.
check_loads() {
	"$BILLET" --check "$1" 2>"$TMP/problems" || return 1
	if grep -v ': warning: ' "$TMP/problems"; then
		return 1
	fi
	"$BILLET" --list --format tsv "$1" >"$TMP/list" 2>/dev/null &&
	[ "$(wc -l <"$TMP/list")" -eq "$2" ]
}
ok "billet --check loads the one-file corpus with no error" \
	check_loads "$TMP/c.yaml" $N

mix() {
	f=$TMP/c.yaml
	contains "$f" "summary: |-" && contains "$f" "responsibilities:" &&
	contains "$f" "period: hour" && contains "$f" "/hour\"" &&
	grep -q '^salary: "*[$0-9]' "$f" && grep -q '^salary: {min' "$f" &&
	grep -q '^location:$' "$f" && grep -q '^  - city: ' "$f" &&
	grep -q '^deadline: rolling$' "$f" &&
	grep -q '^deadline: 20[0-9][0-9]-' "$f" &&
	grep -q '^experience: [0-9]*-[0-9]*$' "$f" &&
	grep -q '^  - {name: [A-Za-z ]*, level: ' "$f" &&
	grep -q '^    [A-Z].*:$' "$f" &&
	grep -q '^\(reference_code\|hours_per_week\|contact\|internal_grade\):' \
		"$f" &&
	grep -q '東京\|大阪\|北京\|서울\|Москва\|Київ\|Αθήνα\|Θεσσαλονίκη' "$f" &&
	grep -q 'Montréal\|Zürich\|São Paulo\|Łódź\|Bogotá\|Malmö' "$f" &&
	# the most frequent word of the generated text is the samples' one
	grep -v '^[a-z_]*:' "$f" | tr -cs 'A-Za-z' '\n' | sort | uniq -c |
		sort -rn | head -1 | grep -q ' and$'
}
ok "the corpus has the mix of fields and scripts of the README" mix

gen_split() {
	"$GEN" -q -n 1005 -s 3 --split -o "$TMP/split" &&
	[ "$(ls "$TMP/split" | tr '\n' ' ')" = "0000 0001 " ] &&
	[ "$(ls "$TMP/split/0000" | wc -l)" -eq 1000 ] &&
	[ "$(ls "$TMP/split/0001" | wc -l)" -eq 5 ] &&
	[ -f "$TMP/split/0001/posting-0001005.yaml" ]
}
ok "gen --split writes a file per posting in directories of 1000" gen_split

ok "billet --check loads the file-per-posting corpus with no error" \
	check_loads "$TMP/split" 1005

# well_formed OUT: every BENCH line is "BENCH<tab>key<tab>number or n/a",
# every BENCH-INFO line has a key and a text, and the figures are there.
well_formed() {
	awk -F '\t' '
		/^BENCH\t/ {
			n++
			if (NF != 3 || $2 !~ /^[a-z0-9_.]+$/ ||
			    ($3 !~ /^-?[0-9]+(\.[0-9]+)?(e[-+]?[0-9]+)?$/ &&
			     $3 != "n/a")) { print "bad: " $0; bad = 1 }
			next
		}
		/^BENCH-INFO\t/ {
			if (NF != 3 || $2 !~ /^[a-z0-9_.]+$/ || $3 == "") {
				print "bad: " $0; bad = 1
			}
		}
		END { exit bad || n < 40 }' "$1" || return 1
	for k in corpus.files corpus.bytes corpus.postings corpus.errors \
		baseline_ms baseline.errors load1_ms load1_x load_ms load_x \
		baseline.us_per_file load1.us_per_file \
		load1.extra_us_per_file \
		load.threads mem.peak_kb mem.peak_x mem.baseline_peak_x \
		filter.free.median_ms filter.free.worst_ms \
		filter.free.narrow.worst_ms filter.field.worst_ms \
		filter.field.term_worst_ms filter.salary.worst_ms \
		filter.salary.term_worst_ms sort.title_ms sort.org_ms \
		sort.location_ms sort.salary_ms sort.posted_ms \
		sort.deadline_ms sort.id_ms compare_ms compare.rows \
		mem.fresh_ms_per_mb mem.again_ms_per_mb first_paint_ms; do
		grep -q "^BENCH	$k	" "$1" || { echo "missing: $k"; return 1; }
	done
}

bench_file() {
	"$BENCH" -q -r 1 -B -l "smoke" "$TMP/c.yaml" >"$TMP/b1.out" &&
	well_formed "$TMP/b1.out" &&
	grep -qx "BENCH	corpus.postings	$N" "$TMP/b1.out" &&
	grep -qx "BENCH	corpus.errors	0" "$TMP/b1.out" &&
	grep -qx "BENCH	baseline.errors	0" "$TMP/b1.out" &&
	grep -qx "BENCH	corpus.files	1" "$TMP/b1.out" &&
	grep -qx "BENCH	first_paint_ms	n/a" "$TMP/b1.out" &&
	grep -q "^BENCH-INFO	first_paint.note	not measured" "$TMP/b1.out" &&
	! grep -qv "^BENCH" "$TMP/b1.out"
}
ok "bench -q on the one-file corpus prints well-formed figures" bench_file

bench_split() {
	"$BENCH" -r 1 -t 10 -l "smoke split" "$TMP/split" >"$TMP/b2.out" \
		2>"$TMP/b2.err" &&
	well_formed "$TMP/b2.out" &&
	grep -qx "BENCH	corpus.postings	1005" "$TMP/b2.out" &&
	grep -qx "BENCH	corpus.files	1005" "$TMP/b2.out" &&
	grep -qx "BENCH	corpus.errors	0" "$TMP/b2.out" &&
	contains "$TMP/b2.out" "smoke split: 1005 postings in 1005 files" &&
	contains "$TMP/b2.out" "libyaml event parse (baseline)" &&
	contains "$TMP/b2.out" "sort by deadline" &&
	# the first paint is a figure, or n/a with the reason
	{ grep -q "^BENCH	first_paint_ms	[0-9]" "$TMP/b2.out" ||
	  grep -q "^BENCH-INFO	first_paint.note	." "$TMP/b2.out"; }
}
ok "bench on the split corpus, first paint included, prints its table" \
	bench_split

bench_table() {
	"$BENCH" --table "$TMP/b1.out" "$TMP/b2.out" >"$TMP/t.md" &&
	contains "$TMP/t.md" "| figure | smoke | smoke split |" &&
	contains "$TMP/t.md" "| postings | 200 | 1005 |" &&
	grep -q '^| \*\*load, 1 worker / baseline\*\* | [0-9.]*x | [0-9.]*x |$' \
		"$TMP/t.md"
}
ok "bench --table makes one Markdown table of several runs" bench_table

# --loads: the baseline and the loads alone, with the cost a file
bench_loads() {
	"$BENCH" --loads -q -r 1 "$TMP/split" >"$TMP/l.out" &&
	for k in baseline_ms load1_x load_x baseline_par_x \
		baseline.us_per_file load1.us_per_file load1.extra_us_per_file \
		baseline.cpu_us_per_file load1.cpu_us_per_file load1.cpu_x; do
		grep -Eq "^BENCH	$k	-?[0-9.e+-]+$" "$TMP/l.out" ||
			{ echo "missing: $k"; return 1; }
	done &&
	grep -qx "BENCH	corpus.files	1005" "$TMP/l.out" &&
	! grep -q "^BENCH	\(mem.peak_kb\|filter\.\|sort\.\|first_paint\)" \
		"$TMP/l.out" &&
	"$BENCH" --table "$TMP/l.out" >"$TMP/lt.md" &&
	grep -q '^| billet load, 1 worker, µs a file | [0-9.]* |$' "$TMP/lt.md"
}
ok "bench --loads measures the loads alone, and the cost a file" bench_loads

# --only memory: two costs a MB, each a positive number
bench_memory() {
	"$BENCH" --only memory "$TMP/c.yaml" >"$TMP/m.out" &&
	grep -Eq '^BENCH	only.fresh_ms_per_mb	[0-9.e-]+$' "$TMP/m.out" &&
	grep -Eq '^BENCH	only.again_ms_per_mb	[0-9.e-]+$' "$TMP/m.out" &&
	! grep -Eq '	(0|-1)$' "$TMP/m.out"
}
ok "bench --only memory prints what fresh memory costs a MB" bench_memory

gen_short() {
	"$GEN" -q -n $N -s 1 --short -o "$TMP/short.yaml" &&
	[ "$(grep -c '^---$' "$TMP/short.yaml")" -eq $N ] &&
	[ "$(wc -c <"$TMP/short.yaml")" -lt $((N * 600)) ] &&
	! grep -q '^responsibilities:' "$TMP/short.yaml"
}
ok "gen --short writes short postings" gen_short
ok "billet --check loads the short corpus with no error" \
	check_loads "$TMP/short.yaml" $N

# bench --state: the state made, the loads with and without it, the
# first paint with it and with the older file
bench_state() {
	"$BENCH" --state -r 1 -t 10 -l "smoke state" "$TMP/short.yaml" \
		>"$TMP/s.out" 2>"$TMP/s.err" || { cat "$TMP/s.err"; return 1; }
	for k in state.postings state.store_bytes state.old_bytes \
		state.old_open_ms state.load_plain_ms state.load_ms \
		state.seen_all_ms state.load_x state.first_paint_ms \
		state.old_first_paint_ms first_paint_ms; do
		grep -Eq "^BENCH	$k	([0-9.e+-]+|n/a)$" "$TMP/s.out" ||
			{ echo "missing: $k"; cat "$TMP/s.out"; return 1; }
	done
	grep -qx "BENCH	state.postings	$N" "$TMP/s.out" &&
	grep -qx "BENCH	state.store_bytes	$((48 + 8 * N))" "$TMP/s.out" &&
	"$BENCH" --table "$TMP/s.out" >"$TMP/st.md" &&
	grep -q '^| \*\*state: load with it / without\*\* | [0-9.]*x |$' \
		"$TMP/st.md"
}
ok "bench --state measures the state's cost, and the table says it" \
	bench_state

# job pages (gen --pages), a few: each a page with a JSON-LD block that
# billet loads as one posting; bench measures them against libxml2's and
# libyaml's parse of the same bytes, and says the ratio
P=6
gen_pages() {
	"$GEN" -q -n $P -s 1 --pages -o "$TMP/pages" &&
	[ "$(find "$TMP/pages" -name '*.html' | wc -l)" -eq $P ] &&
	[ "$(grep -l 'application/ld+json' "$TMP"/pages/0000/*.html |
	      wc -l)" -eq $P ] &&
	grep -q '<nav' "$TMP/pages/0000/page-0000001.html" &&
	grep -q '<style' "$TMP/pages/0000/page-0000001.html" &&
	[ "$(wc -c <"$TMP/pages/0000/page-0000001.html")" -gt 30000 ] &&
	"$GEN" -q -n $P -s 1 --pages -o "$TMP/pages2" &&
	diff -r "$TMP/pages" "$TMP/pages2" >/dev/null
}
ok "gen --pages writes the same job pages for the same seed" gen_pages
ok "billet --check loads the pages with no error" \
	check_loads "$TMP/pages" $P

bench_pages() {
	"$BENCH" -r 1 -l "smoke pages" "$TMP/pages" >"$TMP/p.out" \
		2>"$TMP/p.err" || { cat "$TMP/p.err"; return 1; }
	for k in pages.baseline_ms pages.load1_ms pages.load1_x \
		pages.baseline_par_ms pages.load_ms pages.load_x; do
		grep -Eq "^BENCH	$k	[0-9.e+-]+$" "$TMP/p.out" ||
			{ echo "missing: $k"; cat "$TMP/p.out"; return 1; }
	done
	grep -qx "BENCH	pages.files	$P" "$TMP/p.out" &&
	grep -qx "BENCH	pages.blocks	$P" "$TMP/p.out" &&
	grep -qx "BENCH	pages.postings	$P" "$TMP/p.out" &&
	grep -qx "BENCH	pages.errors	0" "$TMP/p.out" &&
	grep -qx "BENCH	pages.baseline.errors	0" "$TMP/p.out" &&
	contains "$TMP/p.out" "smoke pages: job pages in $P files" &&
	grep -Eq '^libxml2 \+ libyaml on the pages \(baseline\) +[0-9.]+ ms  1$' \
		"$TMP/p.out" &&
	grep -Eq '^billet load_path, 1 worker +[0-9.]+ ms  [0-9.]+$' \
		"$TMP/p.out" &&
	"$BENCH" --table "$TMP/p.out" >"$TMP/pt.md" &&
	grep -q '^| \*\*pages: load, 1 worker / baseline\*\* | [0-9.]*x |$' \
		"$TMP/pt.md"
}
ok "bench on job pages says the load's ratio to libxml2 and libyaml" \
	bench_pages

# pages and postings together: measured apart, or the baseline is wrong
bench_mixed() {
	cp "$TMP/c.yaml" "$TMP/pages/0000/" &&
	"$BENCH" -q -r 1 -B "$TMP/pages" >/dev/null 2>"$TMP/mx.err"
	[ $? -eq 1 ] && contains "$TMP/mx.err" "job pages and other files"
}
ok "bench refuses a corpus of pages and postings together" bench_mixed

usage() {
	"$GEN" --pages 2>/dev/null
	[ $? -eq 2 ] || return 1
	"$GEN" -n 2>/dev/null
	[ $? -eq 2 ] || return 1
	"$GEN" --split 2>/dev/null
	[ $? -eq 2 ] || return 1
	"$BENCH" 2>/dev/null
	[ $? -eq 2 ]
}
ok "gen and bench refuse wrong usage" usage

finish
