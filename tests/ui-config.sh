#!/bin/sh
# SPDX-License-Identifier: MIT
# The config file and the `:` prompt, driven for real in tmux
# (tests/uilib.sh): keys rebound by view, a colour and the theme changed
# (the escape codes tmux keeps), NO_COLOR winning, a broken config that
# still starts and says so, `:` with Tab and a history kept across runs,
# :write keeping the user's comments, saved filters and F, the last
# filter remembered, the file read again when it changes, :source, the
# options (columns, dates, split width, currency, confirm) at 120x40,
# 80x24 and 20x5.
. "$SRCDIR/tests/lib.sh"
UI_TEST=tests/ui-config.sh
. "$SRCDIR/tests/uilib.sh"

CFG="$TMP/xdg"
CONF="$CFG/billet/config"
mkdir -p "$CFG/billet"
export XDG_CONFIG_HOME="$CFG"

# conf TEXT: the config file holds TEXT.
conf() { printf '%s\n' "$1" >"$CONF"; }

# ends S: quits session S's billet and waits for the shell.
ends() { keys "$1" Q && waits "$1" "billet-exit=0"; }

# ready S: session S has loaded the postings (the message that says so
# would cover one that comes before it).
ready() { waits "$1" "loaded: 2 postings"; }

# escapes S: the screen of session S with its escape codes.
escapes() { tm capture-pane -e -p -t "$1" >"$TMP/esc"; cat "$TMP/esc"; }

rebound() {
	conf '# my keys
bind list J MOVE_DOWN
bind generic K MOVE_UP
bind list x none
bind list Ctrl-T HELP'
	start a 80x24 "$D" &&
	ready a &&
	waits a " 2/2" &&
	keys a J Enter && waits a "Organization: New York Immigration" &&
	[ "$(line a 1)" = "Upstate Director of Advocacy" ] &&
	keys a q && waits a " 2/2" &&
	keys a K Enter && waits a "Organization: ACLU" &&
	keys a q && waits a " 2/2" &&
	keys a x && waits a "x: no such key" &&
	keys a C-t && waits a "billet: keys" &&
	shows a "j  Down  list: J" &&
	! screen a | grep -q "MOVE_DOWN" && # no room at 80 columns
	keys a J && waits a "J: only in the detail view" &&
	keys a q && waits a " 2/2" &&
	ends a
}
ok "bind: J and K move, x is unbound in the list, Ctrl-T opens help, which says list: J" \
	rebound

colours() {
	conf 'color title red default bold'
	start b 120x40 "$D" &&
	ready b &&
	waits b " 2/2" && waits b "Organization: ACLU" &&
	escapes b | grep -qF '31mPolicy Advocate and Organizer' &&
	escapes b | grep -qF '36m   Title' &&
	keys b : && keys b -l 'set theme = light' && keys b Enter &&
	waits b "theme = light" &&
	sleep 0.3 &&
	escapes b | grep -qF '34m   Title' &&
	escapes b | grep -qF '31mPolicy Advocate and Organizer' &&
	keys b : && keys b -l 'color header 208 default underline' &&
	keys b Enter && waits b "color header 208 default underline" &&
	sleep 0.3 &&
	escapes b | grep -qF '38;5;208m   Title' &&
	ends b
}
ok "color and set theme change the escape codes on the screen (120x40)" colours

no_color_wins() {
	conf 'color title red default bold
color cursor white blue'
	start c 120x40 --no-color "$D" &&
	ready c &&
	waits c " 2/2" && waits c "Organization: ACLU" &&
	! escapes c | grep -qE '\[(3[0-7]|4[0-7]|38;5;[0-9]+)m' &&
	escapes c | grep -qF '[7m' && # the cursor is reverse video
	ends c
}
ok "--no-color wins over the config's colours; the cursor is still reverse" \
	no_color_wins

broken_starts() {
	conf 'colr title red
set split-width = 200
bind list J MOVE_DWN
set mouse = off'
	start d 120x40 "$D" &&
	ready d &&
	waits d "the config has 2 problems: press !" &&
	! line d 1 | grep -q "│" && # split-width 200 applies: no side by side
	line d 1 | grep -q "Location" &&
	keys d ! && waits d "2 problems of the config file" &&
	shows d "$CONF:1: unknown directive 'colr' (did you mean color?)" &&
	shows d "$CONF:3: bind: unknown action 'MOVE_DWN' (did you mean" &&
	keys d q && waits d " 2/2" &&
	ends d
}
ok "a broken config still starts, says so on the status line, ! lists its lines" \
	broken_starts

prompt_tab_history_write() {
	conf '# keep this comment
set sort = title   # my sort'
	start e 80x24 "$D" &&
	ready e &&
	waits e "sort: title" &&
	keys e : s e Tab && waits e ":set" &&
	keys e t h Tab && waits e ":set theme" &&
	keys e Tab && waits e ":set theme =" &&
	keys e Tab && waits e "dark light" &&
	keys e Tab && waits e ":set theme = dark" &&
	keys e Tab && waits e ":set theme = light" &&
	keys e Enter && waits e "theme = light (:write keeps it)" &&
	keys e : && keys e -l 'set sort = -deadline' && keys e Enter &&
	waits e "sort: -deadline" &&
	keys e : && keys e -l 'bind list J MOVE_DOWN' && keys e Enter &&
	waits e "J in list: MOVE_DOWN" &&
	keys e : Up && waits e ":bind list J MOVE_DOWN" &&
	keys e Up && waits e ":set sort = -deadline" &&
	keys e Down && waits e ":bind list J MOVE_DOWN" &&
	keys e Escape && waits e "? help" &&
	keys e : && keys e -l 'write' && keys e Enter &&
	waits e "wrote 3 settings to $CONF" &&
	[ "$(sed -n 1p "$CONF")" = "# keep this comment" ] &&
	[ "$(sed -n 2p "$CONF")" = "set sort = -deadline  # my sort" ] &&
	contains "$CONF" "# Set at the : prompt and saved by :write" &&
	contains "$CONF" "set theme = light" &&
	contains "$CONF" "bind list J MOVE_DOWN" &&
	ends e &&
	start e2 80x24 "$D" &&
	ready e2 &&
	waits e2 "sort: -deadline" &&
	keys e2 : Up && waits e2 ":write" &&
	keys e2 Up && waits e2 ":bind list J MOVE_DOWN" &&
	keys e2 Escape && ends e2
}
ok ": takes config lines; Tab completes and cycles; Up and Down recall them, also in the next run; :write keeps the comments" \
	prompt_tab_history_write

saved_filters() {
	conf 'filter remote "workplace:remote"'
	start f 80x24 "$D" &&
	ready f &&
	waits f " 2/2" &&
	keys f / && keys f -l upstate && keys f Enter &&
	waits f " 1/2  filter: upstate" &&
	keys f : && keys f -l 'filter save up' && keys f Enter &&
	waits f "filter up saved: upstate" &&
	keys f '\' && waits f " 2/2" &&
	keys f F && waits f "Query (Enter applies, q closes)" &&
	shows f "remote" && shows f "up         1  upstate" &&
	keys f j Enter && waits f " 1/2  filter: upstate" &&
	shows f "filter up: upstate" &&
	keys f : && keys f -l 'filter remote' && keys f Enter &&
	waits f "filter: workplace:remote" &&
	ends f &&
	start f2 80x24 "$D" &&
	waits f2 "filter: workplace:remote" && # the last run's filter
	ends f2 &&
	conf 'set remember-filter = off'
	start f3 80x24 "$D" &&
	ready f3 &&
	waits f3 " 2/2  sort: file order" &&
	! shows f3 "filter:" >/dev/null &&
	ends f3
}
ok "filter save names the filter in force; F lists them with counts, Enter applies; the last filter is remembered unless remember-filter is off" \
	saved_filters

read_again() {
	conf 'set sort = title'
	start g 80x24 "$D" &&
	ready g &&
	waits g "sort: title" &&
	keys g Z && waits g "Z: no such key" &&
	printf 'bind generic Z HELP\n' >>"$CONF" &&
	waits g "the config file changed and was read again" 5 &&
	keys g Z && waits g "billet: keys" && keys g q &&
	printf 'bind generic W FILTERS\n' >"$TMP/extra" &&
	keys g : && keys g -l "source $TMP/extra" && keys g Enter &&
	waits g "read $TMP/extra" &&
	keys g W && waits g "Query (Enter applies" && keys g q &&
	ends g
}
ok "the config file is read again when it changes; :source reads another" \
	read_again

mkdir -p "$TMP/dates"
cat >"$TMP/dates/d.yaml" <<'EOF'
id: d1
title: Dated posting
organization: Some Org
posted: 2029-12-01
deadline: 2030-01-05
salary: {min: 50000, max: 60000, currency: USD}
---
id: d2
title: Rolling posting
organization: Other Org
deadline: rolling
EOF

columns_dates() {
	conf 'set list-columns = title,deadline,posted
set date-format = "%d %b %Y"'
	start h 80x24 "$TMP/dates" &&
	ready h &&
	waits h " 2/2" &&
	line h 1 | grep -q "Title *Deadline *Posted" &&
	! line h 1 | grep -q "Organization" &&
	shows h "05 Jan 2030  01 Dec 2029" &&
	shows h "rolling" &&
	keys h : && keys h -l 'set date-format = as-written' && keys h Enter &&
	waits h "2030-01-05" &&
	keys h : && keys h -l 'set list-columns = org,title' && keys h Enter &&
	waits h "list-columns = org,title" &&
	line h 1 | grep -q "Organization *Title" &&
	ends h
}
ok "list-columns orders the columns; date-format writes the dates" columns_dates

currency_kept() {
	conf 'set currency = EUR'
	start i 80x24 "$D" &&
	ready i &&
	waits i " 2/2" && waits i "loaded" &&
	keys i '?' G && waits i "Salary figures are in EUR, the currency set" &&
	keys i q r && waits i "reloaded" &&
	keys i '?' G && waits i "Salary figures are in EUR, the currency set" &&
	keys i q && ends i
}
ok "set currency: the list's loads and reloads keep it" currency_kept

no_confirm() {
	conf 'set confirm-apply-all = off'
	start j 80x24 "$D" &&
	ready j &&
	waits j " 2/2" &&
	keys j '\;' m && waits j "marked 2 postings" &&
	! shows j "(y/n)" >/dev/null &&
	ends j
}
ok "confirm-apply-all = off: ; applies without asking" no_confirm

split_width() {
	conf ''
	start k 120x40 "$D" &&
	ready k &&
	waits k " 2/2" && line k 1 | grep -q "│" &&
	keys k '?' && waits k "next row; scrolls the detail and help" &&
	screen k | grep -q "next row; scrolls the detail and help  *MOVE_DOWN\$" &&
	keys k q && waits k " 2/2" &&
	keys k : && keys k -l 'set split-width = 200' && keys k Enter &&
	waits k "split-width = 200" && sleep 0.2 &&
	! line k 1 | grep -q "│" &&
	keys k : && keys k -l 'set split-widht = 100' && keys k Enter &&
	waits k "set: unknown option 'split-widht' (did you mean split-width?)" &&
	ends k
}
ok "help names the actions from 100 columns; set split-width moves the side-by-side threshold; a misspelt option is said" \
	split_width

small() {
	conf 'colr x
set theme = light'
	start l 20x5 "$D" &&
	ready l &&
	waits l "2/2" &&
	keys l : && keys l -l 'set sort = title' && keys l Enter &&
	waits l "sort = title" &&
	keys l ! && waits l "1 problem of the co" &&
	keys l q && ends l
}
ok "at 20x5 the prompt and the config's problems still work" small

finish
