#!/bin/sh
# SPDX-License-Identifier: MIT
# The config file from the command line: --dump-config writes every
# default and reads back without a problem, --check reports the config's
# problems as FILE:LINE: message, the other modes take the currency, the
# rates and compare-threshold from it, the sample config reads cleanly,
# and billet-config(5) is the one its generator writes now.
. "$SRCDIR/tests/lib.sh"

CONF="$TMP/xdg/billet/config"
mkdir -p "$TMP/xdg/billet"
export XDG_CONFIG_HOME="$TMP/xdg"

# conf TEXT: the config file holds TEXT.
conf() { printf '%s\n' "$1" >"$CONF"; }

dump_every_default() {
	"$BILLET" --dump-config >"$TMP/dump" || return 1
	# every action, element and option, as the page names them
	for w in MOVE_DOWN PROMPT FILTERS SCROLL_RIGHT; do
		grep -q " $w\$" "$TMP/dump" || { echo "no action $w"; return 1; }
	done
	contains "$TMP/dump" "bind generic j MOVE_DOWN" &&
	contains "$TMP/dump" "bind generic Enter ENTER" &&
	contains "$TMP/dump" "bind generic : PROMPT" &&
	contains "$TMP/dump" "color title yellow default bold" &&
	contains "$TMP/dump" "color hidden red default" &&
	contains "$TMP/dump" "set split-width = 120" &&
	contains "$TMP/dump" "set remember-filter = on" &&
	contains "$TMP/dump" "set closing-days = 7" &&
	contains "$TMP/dump" "set watch = on" &&
	[ "$(grep -c '^set ' "$TMP/dump")" -eq 14 ] &&
	[ "$(grep -c '^color ' "$TMP/dump")" -eq 26 ]
}
ok "--dump-config writes every bind, color and set" dump_every_default

dump_loads_back() {
	"$BILLET" --dump-config >"$CONF" &&
	"$BILLET" --check "$SRCDIR/data" 2>"$TMP/check" &&
	! grep -q config "$TMP/check" &&
	"$BILLET" --dump-config >"$TMP/again" &&
	cmp -s "$CONF" "$TMP/again"
}
ok "the dump read back as the config file has no problem (--check exits 0)" \
	dump_loads_back

dump_usage() {
	"$BILLET" --dump-config x 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" "--dump-config takes no PATH" &&
	"$BILLET" --dump-config --list 2>"$TMP/e"
	[ $? -eq 2 ] && contains "$TMP/e" "choose one of"
}
ok "--dump-config with a path or another mode is wrong usage (2)" dump_usage

check_reports() {
	conf 'set split-width = wide
bind list J MOVE_DWN
# fine
set theme = light'
	"$BILLET" --check "$SRCDIR/data" 2>"$TMP/e"
	[ $? -eq 1 ] &&
	contains "$TMP/e" "$CONF:1: split-width takes a whole number from 60 to 10000, not 'wide'" &&
	contains "$TMP/e" "$CONF:2: bind: unknown action 'MOVE_DWN' (did you mean MOVE_DOWN?)" &&
	contains "$TMP/e" "billet: the config file $CONF has 2 problems" &&
	[ "$(wc -l <"$TMP/e")" -eq 3 ]
}
ok "--check reports the config's problems as FILE:LINE: message and exits 1" \
	check_reports

list_warns_once() {
	conf 'colr title red'
	"$BILLET" --list "$SRCDIR/data" >"$TMP/out" 2>"$TMP/e" &&
	[ "$(wc -l <"$TMP/out")" -eq 2 ] &&
	contains "$TMP/e" "billet: warning: the config file has 1 problem (billet --check lists them)" &&
	[ "$(wc -l <"$TMP/e")" -eq 1 ]
}
ok "--list with a broken config lists, and says so in one line" list_warns_once

mkdir -p "$TMP/pay"
cat >"$TMP/pay/p.yaml" <<'EOF'
id: usd
title: Paid in dollars
salary: {min: 60000, max: 60000, currency: USD, period: year}
---
id: eur
title: Paid in euros
salary: {min: 52000, max: 52000, currency: EUR, period: year}
EOF

currency_and_rates() {
	conf ''
	# no config: the most used currency (a tie: EUR first)
	"$BILLET" --list --format tsv -f 'salary>=51000' "$TMP/pay" >"$TMP/a" &&
	[ "$(cut -f1 "$TMP/a")" = "eur" ] &&
	conf 'set currency = usd'
	"$BILLET" --list --format tsv -f 'salary>=51000' "$TMP/pay" >"$TMP/a" &&
	[ "$(cut -f1 "$TMP/a")" = "usd" ] &&
	conf 'set currency = USD
set rates = EUR=1.10'
	"$BILLET" --list --format tsv -f 'salary>=51000' "$TMP/pay" >"$TMP/a" &&
	[ "$(cut -f1 "$TMP/a" | tr '\n' ' ')" = "usd eur " ] &&
	"$BILLET" --list --format tsv -f 'salary>=58000' "$TMP/pay" >"$TMP/a" &&
	[ "$(cut -f1 "$TMP/a" | tr '\n' ' ')" = "usd " ]
}
ok "--list takes the currency and the rates of the config" currency_and_rates

mkdir -p "$TMP/cmp"
cat >"$TMP/cmp/a.yaml" <<'EOF'
id: a
title: A
responsibilities:
  - Organize community meetings in the county every week
EOF
cat >"$TMP/cmp/b.yaml" <<'EOF'
id: b
title: B
responsibilities:
  - Organize community meetings in the region each month
EOF

compare_threshold() {
	conf ''
	"$BILLET" --compare a,b --format json "$TMP/cmp" >"$TMP/j1" &&
	[ "$(grep -c '"kind": "item"' "$TMP/j1")" -eq 1 ] &&
	conf 'set compare-threshold = 0.9'
	"$BILLET" --compare a,b --format json "$TMP/cmp" >"$TMP/j2" &&
	[ "$(grep -c '"kind": "item"' "$TMP/j2")" -eq 2 ]
}
ok "--compare takes compare-threshold: a high one keeps alike items apart" \
	compare_threshold

sample_reads_cleanly() {
	cp "$SRCDIR/data/config.sample" "$CONF" &&
	"$BILLET" --check "$SRCDIR/data" 2>"$TMP/e" &&
	[ ! -s "$TMP/e" ]
}
ok "the sample config (data/config.sample) has no problem" sample_reads_cleanly

readme_reads_cleanly() {
	sed -n '/^## Configuration/,/^## /p' "$SRCDIR/README.md" |
		sed -n '/^```$/,/^```$/p' | sed '1d;$d' >"$CONF" &&
	[ "$(grep -c . "$CONF")" -ge 5 ] &&
	"$BILLET" --check "$SRCDIR/data" 2>"$TMP/e" &&
	[ ! -s "$TMP/e" ]
}
ok "the README's example config has no problem" readme_reads_cleanly

page_is_current() {
	"$BUILDDIR/src/conf-man" "$SRCDIR/man/billet-config.5.in" >"$TMP/page" &&
	cmp -s "$TMP/page" "$SRCDIR/man/billet-config.5" || {
		echo "man/billet-config.5 is not what src/conf-man writes now:"
		diff "$SRCDIR/man/billet-config.5" "$TMP/page" | head
		return 1
	}
	# every action, element and option is on the page
	for w in $(sed -n 's/^bind generic [^ ]* //p; s/^color \([^ ]*\) .*/\1/p; s/^set \([^ ]*\) .*/\1/p' "$TMP/dump" | sort -u); do
		grep -q "^\.B \"$(printf '%s' "$w" | sed 's/-/\\\\-/g')\"" \
			"$TMP/page" ||
		grep -q "^\.BI \"$(printf '%s' "$w" | sed 's/-/\\\\-/g') \"" \
			"$TMP/page" || { echo "not on the page: $w"; return 1; }
	done
}
ok "billet-config(5) is the page src/conf-man writes from the tables now, and names them all" \
	page_is_current

finish
