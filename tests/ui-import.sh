#!/bin/sh
# SPDX-License-Identifier: MIT
# I and E, driven for real in tmux: importing a file and a URL (from
# tests/httpd on 127.0.0.1) into the directory shown, or into the data
# directory when only the samples are shown; editing the current posting's
# file with a stub editor that records its arguments and edits with sed.
UI_TEST=tests/ui-import.sh
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/uilib.sh"

I="$SRCDIR/tests/data/import"
export BILLET_TODAY=2026-12-07

# startv S WxH ARGS...: start, with $VISUAL set to the stub editor.
startv() {
	s=$1
	size=$2
	shift 2
	tm new-session -d -s "$s" -x "${size%x*}" -y "${size#*x}" \
		"exec env -i PATH='$PATH' HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' BILLET_TODAY=2026-12-07 VISUAL='$TMP/bin/vi -f' TERM=xterm-256color LANG=C.UTF-8 PS1='$ ' sh" ||
		return 1
	args=
	for a in "$@"; do
		args="$args '$a'"
	done
	keys "$s" "clear; cd '$TMP'; '$BILLET' --state '$STATE'$args; echo billet-exit=\$?" Enter
}

# The stub editor: records its arguments, one a line, then retitles the
# NYIC posting in the file it is given last.
mkdir -p "$TMP/bin" "$TMP/p"
cat >"$TMP/bin/vi" <<EOF
#!/bin/sh
for a in "\$@"; do echo "\$a"; done >"$TMP/args"
for f in "\$@"; do :; done
sed -i 's/^title: Upstate Director of Advocacy\$/title: Edited Title/' "\$f"
EOF
chmod +x "$TMP/bin/vi"
cp "$SRCDIR"/data/*.yaml "$TMP/p/"

edit() {
	startv e 120x30 "$TMP/p" &&
	waits e " 2/2" &&
	keys e j && keys e E &&
	waits e "edited $TMP/p/nyic-upstate-director-advocacy.yaml" &&
	# the editor's words split (no shell), +LINE, the file
	[ "$(cat "$TMP/args")" = "-f
+2
$TMP/p/nyic-upstate-director-advocacy.yaml" ] &&
	# read again: the cursor stays on the posting, the detail shows it
	waits e "│ Edited Title" &&
	[ "$(line e 3 | cut -c4-15)" = "Edited Title" ] &&
	grep -qx "title: Edited Title" "$TMP/p/nyic-upstate-director-advocacy.yaml" &&
	keys e q && waits e "billet-exit=0"
}
ok "E: the file in \$VISUAL at its line, read again, the cursor kept" edit

edit_narrow() {
	printf '#!/bin/sh\nexit 3\n' >"$TMP/bin/fail" && chmod +x "$TMP/bin/fail" &&
	tm new-session -d -s f -x 80 -y 24 \
		"exec env -i PATH='$PATH' HOME='$HOME' XDG_STATE_HOME='$XDG_STATE_HOME' VISUAL='$TMP/bin/fail' TERM=xterm-256color LANG=C.UTF-8 '$BILLET' --state '$STATE' '$TMP/p'; sleep 5" &&
	waits f " 2/2" &&
	keys f E &&
	waits f "E: the editor ($TMP/bin/fail) failed" &&
	keys f Q
}
ok "E: an editor that fails is said, nothing read again" edit_narrow

import_file() {
	cp "$I/organizer-en.txt" "$TMP/organizer-en.txt" &&
	startv i 120x30 "$TMP/p" &&
	waits i " 2/2" &&
	keys i I && waits i "import (a path or an http(s) URL):" &&
	keys i "organizer-en.txt" Enter &&
	waits i " 3/3" &&
	waits i "imported 1 posting to $TMP/p/riverside-tenants-union-comm" &&
	# the new posting is the current one, shown beside the list
	waits i "│ Community Organizer (Part-Time)" &&
	[ -f "$TMP/p/riverside-tenants-union-community-organizer-part-time.yaml" ] &&
	# again: it exists, and is left alone
	keys i I && keys i "organizer-en.txt" Enter &&
	waits i "not imported: $TMP/p/riverside-tenants-union-community-o" &&
	keys i I && keys i "nothing-here.txt" Enter &&
	waits i "not imported: nothing-here.txt: No such file or directory" &&
	keys i q && waits i "billet-exit=0"
}
ok "I: a plain-text file into the directory shown; the draft shown; never over a file" import_file

# at 80 columns, where the detail is not beside the list, the posting
# imported opens as Enter opens it; q goes back to the list, on it
import_narrow() {
	mkdir -p "$TMP/p80" && cp "$SRCDIR"/data/*.yaml "$TMP/p80/" &&
	cp "$I/organizer-en.txt" "$TMP/organizer-en.txt" &&
	startv n 80x24 "$TMP/p80" &&
	waits n " 2/2" &&
	keys n I && keys n "organizer-en.txt" Enter &&
	waits n "imported 1 posting to $TMP/p80/riverside-t" &&
	waits n "Community Organizer (Part-Time)" &&
	line n 1 | grep -q "^Community Organizer (Part-Time)" &&
	shows n "Organization: Riverside Tenants Union" &&
	! grep -q "Title  *Organization" "$TMP/screen" &&
	keys n q && waits n "Title" &&
	# the list, its cursor on the posting imported: Enter opens it again
	line n 4 | grep -q "Community Organizer (Pa" &&
	keys n Enter && waits n "Organization: Riverside Tenants Union" &&
	keys n q && waits n "Title" &&
	keys n q && waits n "billet-exit=0"
}
ok "I at 80 columns: the posting imported opens in the detail" import_narrow

# A URL, from tests/httpd
HTTPD="$BUILDDIR/tests/httpd"
[ -x "$HTTPD" ] || { echo "tests/httpd is not built"; exit 99; }
mkdir -p "$TMP/www"
cp "$I/002_8c6798f8b633b47d.txt" "$TMP/www/nyic.txt"
"$HTTPD" "$TMP/www" >"$TMP/port" 2>/dev/null &
httpd_pid=$!
trap 'kill $httpd_pid 2>/dev/null; tm kill-server >/dev/null 2>&1; rm -rf "$TMP"' EXIT
i=0
while [ ! -s "$TMP/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
U="http://127.0.0.1:$(cat "$TMP/port")"

import_url() {
	# only the samples shown: the data directory, read for this run
	startv u 120x30 &&
	waits u " 2/2" &&
	keys u I && keys u "$U/r/nyic.txt" Enter &&
	waits u " 3/3" &&
	d="$HOME/.local/share/billet/postings" &&
	waits u "imported 1 posting to $d/nyic-upstate-" &&
	# read for this run: the list shows it, the detail has it
	waits u "│ Upstate Director of Advocacy" &&
	grep -qx "source: $U/nyic.txt" "$d/nyic-upstate-director-of-advocacy.yaml" &&
	keys u I && keys u "$U/missing" Enter &&
	waits u "not imported: $U/missing: the server answered HTTP 404" &&
	keys u r && waits u "reloaded: 3 postings" &&
	keys u q && waits u "billet-exit=0"
}
ok "I: a URL, fetched from 127.0.0.1, into the data directory; a 404 said" import_url

small() {
	startv s 20x5 "$TMP/p" &&
	waits s "3/3" &&
	keys s I && waits s "import:" &&
	keys s Escape && waits s "nothing imported" &&
	keys s Q && waits s "billet-exit=0"
}
ok "I at 20x5: a short prompt, Esc gives up" small

finish
