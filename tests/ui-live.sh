#!/bin/sh
# SPDX-License-Identifier: MIT
# Files that change while billet runs, driven for real in tmux
# (tests/uilib.sh): a posting file changed on disk (the cursor, the
# filter, the scroll and a mark kept, the message saying what changed),
# files added and removed, a file that becomes broken, the posting read
# in the detail going away, the look every few seconds without inotify,
# set watch = off, the config file read again when inotify tells; and
# the filter prompt's history across runs and Tab completion.
# BILLET_WATCH_POLL_MS=600000 leaves inotify alone to tell of changes;
# BILLET_WATCH=poll makes billet look itself, as it does without inotify.
UI_TEST=tests/ui-live.sh
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/uilib.sh"

UI_ENV="BILLET_WATCH_POLL_MS=600000"

# post FILE ID TITLE WORKPLACE: a posting file, written whole.
post() {
	printf 'id: %s\ntitle: %s\norganization: Acme\nworkplace: %s\n' \
		"$2" "$3" "$4" >"$1"
}

# jobs DIR: three postings in DIR, a file each.
jobs() {
	mkdir -p "$1"
	post "$1/a.yaml" alpha "Alpha Organizer" remote
	post "$1/b.yaml" beta "Beta Advocate" remote
	post "$1/c.yaml" gamma "Gamma Analyst" onsite
}

# ends S: quits session S's billet and waits for the shell.
ends() { keys "$1" Q && waits "$1" "billet-exit=0"; }

# row S TEXT: the line of session S's screen holding TEXT.
row() { screen "$1" | grep -F -- "$2" | head -1; }

changed() {
	J="$TMP/changed"
	jobs "$J"
	start a 80x24 "$J" &&
	waits a "loaded: 3 postings" &&
	keys a / && keys a -l 'workplace:remote' && keys a Enter &&
	waits a " 2/3  filter: workplace:remote" &&
	keys a j m && waits a "marked (1 on the shortlist): Beta Advocate" &&
	# written as editors do: a new file renamed over the old one
	post "$J/b.tmp" beta "Beta Advocate, Senior" remote &&
	mv "$J/b.tmp" "$J/b.yaml" &&
	waits a "reloaded: 1 changed (b.yaml)" &&
	shows a " 2/3  filter: workplace:remote" &&
	row a "Beta Advocate, Senior" | grep -q '^ *\*' &&
	# the cursor stayed on it: Enter shows it
	keys a Enter && waits a "Organization: Acme" &&
	[ "$(line a 1)" = "Beta Advocate, Senior" ] &&
	keys a q && waits a " 2/3" &&
	# written in place, once more: read again once more
	post "$J/a.yaml" alpha "Alpha Organizer, Lead" remote &&
	waits a "reloaded: 1 changed (a.yaml)" &&
	shows a "Alpha Organizer, Lead" &&
	keys a Enter && waits a "Organization: Acme" &&
	[ "$(line a 1)" = "Beta Advocate, Senior" ] &&
	ends a &&
	grep -A3 '^beta:' "$STATE" | grep -q 'marked: true'
}
ok "a file changed on disk is read again: the filter, the cursor and the mark kept, the message says which file (80x24)" \
	changed

scrolled() {
	J="$TMP/scrolled"
	mkdir -p "$J"
	i=10
	while [ "$i" -lt 50 ]; do
		post "$J/p$i.yaml" "p$i" "Posting number $i" remote
		i=$((i + 1))
	done
	start b 80x24 "$J" &&
	waits b "loaded: 40 postings" &&
	keys b 3 0 j && waits b "Posting number 40" &&
	screen b | sed -n '1,21p' >"$TMP/before" &&
	post "$J/p12.yaml" p12 "Posting number 12, changed" remote &&
	waits b "reloaded: 1 changed (p12.yaml)" &&
	screen b | sed -n '1,21p' >"$TMP/after" &&
	cmp "$TMP/before" "$TMP/after" &&
	keys b Enter && waits b "Organization: Acme" &&
	[ "$(line b 1)" = "Posting number 40" ] &&
	ends b
}
ok "a reload keeps the list scrolled where it was, the cursor on the same line" \
	scrolled

added_removed() {
	J="$TMP/added"
	jobs "$J"
	start c 120x40 "$J" &&
	waits c "loaded: 3 postings" &&
	keys c j && waits c "Organization: Acme" &&
	post "$J/d.yaml" delta "Delta Coordinator" hybrid &&
	waits c "reloaded: 1 added (d.yaml)" &&
	waits c " 4/4" && shows c "Delta Coordinator" &&
	rm "$J/a.yaml" &&
	waits c "reloaded: 1 removed (a.yaml)" &&
	waits c " 3/3" &&
	! screen c | grep -q "Alpha Organizer" &&
	# the detail beside the list still follows the cursor, on beta
	[ "$(line c 1 | sed 's/.*│ *//')" = "Beta Advocate" ] &&
	post "$J/e.yaml" epsilon "Epsilon Lead" remote &&
	post "$J/f.yaml" phi "Phi Lead" remote &&
	rm "$J/c.yaml" &&
	waits c "reloaded: 2 added, 1 removed (e.yaml…)" &&
	waits c " 4/4" &&
	ends c
}
ok "files added and removed are read, the detail beside the list follows (120x40)" \
	added_removed

broken() {
	J="$TMP/broken"
	jobs "$J"
	start d 80x24 "$J" &&
	waits d "loaded: 3 postings" &&
	printf 'id: beta\ntitle: [Beta Advocate\n' >"$J/b.yaml" &&
	waits d "reloaded: 1 changed (b.yaml); problems: press !" &&
	waits d " 2/2" && waits d "1 problem: press !" &&
	keys d ! && waits d "b.yaml:" &&
	keys d q && waits d " 2/2" &&
	post "$J/b.yaml" beta "Beta Advocate" remote &&
	waits d "reloaded: 1 changed (b.yaml)" &&
	waits d " 3/3" && shows d "Beta Advocate" &&
	! screen d | grep -q "problem" &&
	ends d
}
ok "a file that becomes broken says its problem (!), and is read again once mended" \
	broken

gone_in_detail() {
	J="$TMP/gone"
	jobs "$J"
	start e 80x24 "$J" &&
	waits e "loaded: 3 postings" &&
	keys e j Enter && waits e "Organization: Acme" &&
	[ "$(line e 1)" = "Beta Advocate" ] &&
	rm "$J/b.yaml" &&
	waits e "this posting is gone from the files" &&
	[ "$(line e 1)" = "Beta Advocate" ] &&
	shows e "Workplace:" &&
	keys e q && waits e " 2/2" &&
	! screen e | grep -q "Beta Advocate" &&
	keys e Enter && waits e "Organization: Acme" &&
	[ "$(line e 1)" != "Beta Advocate" ] &&
	ends e
}
ok "the posting read in the full-screen detail goes: it says so and shows it until q" \
	gone_in_detail

detail_kept() {
	J="$TMP/detail"
	mkdir -p "$J" && cp "$D"/*.yaml "$J/" &&
	STATE="$TMP/detail-state.yaml" start m 80x24 "$J" &&
	waits m "loaded: 2 postings" &&
	keys m Enter && waits m "Organization: ACLU" &&
	keys m 6 j && gone m "Organization: ACLU" &&
	first=$(line m 1) &&
	echo "# a comment at the end" >>"$J/$A.yaml" &&
	waits m "reloaded: 1 changed ($A.yaml)" &&
	[ "$(line m 1)" = "$first" ] &&
	keys m q && ends m
}
ok "the posting read in the full-screen detail, read again, stays scrolled where it was" \
	detail_kept

polled() {
	J="$TMP/polled"
	jobs "$J"
	UI_ENV="BILLET_WATCH=poll BILLET_WATCH_POLL_MS=300" start f 80x24 "$J" &&
	waits f "loaded: 3 postings" &&
	post "$J/b.yaml" beta "Beta Advocate, by a look" remote &&
	waits f "reloaded: 1 changed (b.yaml)" &&
	shows f "Beta Advocate, by a look" &&
	rm "$J/c.yaml" &&
	waits f "reloaded: 1 removed (c.yaml)" &&
	ends f
}
ok "without inotify, the files are looked at every few seconds" polled

watch_off() {
	J="$TMP/off"
	jobs "$J"
	CFG="$TMP/off-config"
	mkdir -p "$CFG/billet"
	printf 'set remember-filter = off\nset watch = off\n' >"$CFG/billet/config"
	XDG_CONFIG_HOME="$CFG" \
	UI_ENV="BILLET_WATCH=poll BILLET_WATCH_POLL_MS=200" start g 80x24 "$J" &&
	waits g "loaded: 3 postings" &&
	post "$J/b.yaml" beta "Beta Advocate, unseen" remote &&
	sleep 1.5 &&
	! screen g | grep -q "unseen" &&
	keys g r && waits g "reloaded: 3 postings" &&
	shows g "Beta Advocate, unseen" &&
	# on again at the prompt: a change made meanwhile is read
	keys g : && keys g -l 'set watch = on' && keys g Enter &&
	waits g "watch = on" &&
	post "$J/c.yaml" gamma "Gamma Analyst, seen" onsite &&
	waits g "reloaded: 1 changed (c.yaml)" &&
	ends g
}
ok "set watch = off: files are read again by r only; on again at :" watch_off

config_changed() {
	J="$TMP/conf-jobs"
	jobs "$J"
	CFG="$TMP/conf"
	mkdir -p "$CFG/billet"
	printf 'set remember-filter = off\n' >"$CFG/billet/config"
	XDG_CONFIG_HOME="$CFG" STATE="$TMP/conf-state.yaml" \
	start h 80x24 "$J" &&
	waits h "loaded: 3 postings" &&
	waits h "sort: file order" &&
	printf 'set remember-filter = off\nset sort = -title\n' \
		>"$CFG/billet/config" &&
	waits h "the config file changed and was read again" &&
	waits h "sort: -title" &&
	line h 2 | grep -q "Gamma Analyst" &&
	ends h &&
	# the same without inotify, the looks too far apart to come: it
	# was inotify that told
	printf 'set remember-filter = off\n' >"$CFG/billet/config" &&
	XDG_CONFIG_HOME="$CFG" STATE="$TMP/conf-state.yaml" \
	UI_ENV="BILLET_WATCH=poll BILLET_WATCH_POLL_MS=600000" \
	start h2 80x24 "$J" &&
	waits h2 "loaded: 3 postings" &&
	printf 'set remember-filter = off\nset sort = -title\n' \
		>"$CFG/billet/config" &&
	sleep 3 &&
	shows h2 "sort: file order" &&
	ends h2
}
ok "the config file is read again as soon as inotify tells it changed" \
	config_changed

filter_history() {
	J="$TMP/hist"
	jobs "$J"
	start i 80x24 "$J" &&
	waits i "loaded: 3 postings" &&
	keys i / && keys i -l 'workplace:remote' && keys i Enter &&
	waits i " 2/3  filter: workplace:remote" &&
	keys i / C-u && keys i -l 'title:gamma' && keys i Enter &&
	waits i " 1/3  filter: title:gamma" &&
	keys i / C-u && keys i -l 'workplace:remote' && keys i Enter &&
	waits i " 2/3  filter: workplace:remote" &&
	keys i / C-u && keys i -l 'bad:term' && keys i Escape &&
	waits i "filter restored" &&
	ends i &&
	# each once, the last place counts; Esc keeps nothing
	[ "$(cat "$XDG_STATE_HOME/billet/filter-history")" = "workplace:remote
title:gamma
workplace:remote" ] &&
	start i2 80x24 "$J" &&
	waits i2 "loaded: 3 postings" &&
	keys i2 / Up && waits i2 "/workplace:remote" &&
	waits i2 " 2/3" &&
	keys i2 Up && waits i2 "/title:gamma" && waits i2 " 1/3" &&
	keys i2 Up && waits i2 "/title:gamma" &&
	keys i2 Down && waits i2 "/workplace:remote" &&
	keys i2 Down && gone i2 "/workplace:remote" && waits i2 " 3/3" &&
	keys i2 Up Up Enter && waits i2 " 1/3  filter: title:gamma" &&
	ends i2
}
ok "the filter prompt: Up and Down go through the filters typed before, also in an earlier run" \
	filter_history

filter_tab() {
	J="$TMP/tab"
	jobs "$J"
	STATE="$TMP/tab-state.yaml" start j 80x24 "$J" &&
	waits j "loaded: 3 postings" &&
	keys j m && waits j "marked (1 on the shortlist)" &&
	keys j / t i Tab && waits j "/title:" &&
	keys j C-u i s : m Tab && waits j "/is:marked" &&
	waits j " 1/3" &&
	keys j C-u s t a t u s : Tab &&
	waits j "status:none status:interested status:applied" &&
	keys j Tab && waits j "/status:none" &&
	keys j Tab && waits j "/status:interested" &&
	keys j C-u w o r k p l a c e : r Tab && waits j "/workplace:remote" &&
	waits j " 2/3" &&
	keys j s a l Tab && waits j "/workplace:remote salary" &&
	keys j C-u z z Tab && waits j "Tab: nothing to complete here" &&
	keys j Escape && waits j "filter restored" &&
	ends j
}
ok "the filter prompt: Tab completes field names, is: and status: words, workplace values" \
	filter_tab

edited() {
	J="$TMP/edited"
	jobs "$J"
	mkdir -p "$TMP/bin"
	# an editor that retitles the posting, as a person would
	printf '#!/bin/sh\nfor a; do f=$a; done\nsed -i "s/^title: .*/title: Beta, edited/" "$f"\n' \
		>"$TMP/bin/ed" && chmod +x "$TMP/bin/ed" &&
	UI_ENV="BILLET_WATCH_POLL_MS=600000 VISUAL=$TMP/bin/ed" \
	start l 80x24 "$J" &&
	waits l "loaded: 3 postings" &&
	keys l j E && waits l "edited $J/b.yaml" &&
	waits l "Beta, edited" &&
	# E read the file again: the watch does not read it once more
	sleep 1.5 &&
	shows l "edited $J/b.yaml" &&
	! screen l | grep -q "reloaded" &&
	ends l
}
ok "E: the file edited is read once, E's message stays" edited

tiny() {
	J="$TMP/tiny"
	jobs "$J"
	start k 20x5 "$J" &&
	waits k "loaded: 3 post" &&
	post "$J/b.yaml" beta "Beta Advocate, tiny" remote &&
	waits k "reloaded: 1 chan" &&
	keys k / i s : Tab && waits k "/is:" &&
	keys k Escape && ends k
}
ok "20x5: a reload and Tab at the filter prompt" tiny

finish
