#!/bin/sh
# SPDX-License-Identifier: MIT
# --import: plain text, files billet reads, standard input and URLs (served
# by tests/httpd on 127.0.0.1: no network) -> posting files.
. "$SRCDIR/tests/lib.sh"
I="$SRCDIR/tests/data/import"
D="$SRCDIR/data"
export BILLET_TODAY=2026-12-07
S0=000_1f487b898173b7c5
S2=002_8c6798f8b633b47d

# sentences FILE: every sentence and list item of a plain-text posting, a
# line each, blanks squeezed: its lines cut after ". ", "? " and "! ", a
# bullet or number before an item taken off, a "Label: " before a value
# too; the pieces of four words or more, or ending like a sentence.
sentences() {
	perl -CSD -Mutf8 -ne '
		s/\x{a0}/ /g; s/^\s+|\s+$//g; next unless length;
		s/^(?:[•◦▪‣●○■□►▶➢➤✓✔·⁃*+–—-]|\(?\d{1,3}[.)]|[a-zA-Z]\))\s*//;
		s/^[^:.,;(]{1,50}:\s+(?=\S)//;
		for (split /(?<=[.?!])\s+/) {
			s/\s+/ /g;
			my $w = () = /\S+/g;
			print "$_\n" if $w >= 4 || /[.?!]$/;
		}' "$1"
}

# flat FILE: the YAML without its comments, blanks squeezed, on one line,
# the escapes of double-quoted scalars read.
flat() {
	perl -CSD -0777 -ne 's/^\s*#.*$//mg; s/\\"/"/g; s/\\\\/\\/g; s/\s+/ /g;
		print' "$1"
}

# carried TXT YAML: every sentence and item of TXT is in YAML, verbatim.
carried() {
	sentences "$1" >"$TMP/sent"
	[ -s "$TMP/sent" ] || { echo "no sentences in $1"; return 1; }
	flat "$2" >"$TMP/flat"
	missing=0
	while IFS= read -r s; do
		# a value billet rewrote (a date in words) is said as it was
		# written in the comment at the top
		if ! grep -qF -- "$s" "$TMP/flat" &&
		   ! grep '^# - .* read as ' "$2" | grep -qF -- "\"$s\""; then
			echo "not carried: $s"
			missing=1
		fi
	done <"$TMP/sent"
	[ "$missing" -eq 0 ]
}

seeds_carried() {
	for f in "$S0" "$S2" organizer-en coordinadora-es; do
		"$BILLET" --import "$I/$f.txt" >"$TMP/$f.yaml" 2>"$TMP/$f.err" &&
		carried "$I/$f.txt" "$TMP/$f.yaml" || { echo "in $f"; return 1; }
	done
}
ok "plain text: every sentence and item of the seeds and fixtures is in the draft" seeds_carried

# json ID FILE: the posting as JSON
json() { "$BILLET" --show "$1" --format json "$2"; }

# has FILE PERL: the posting's JSON ($p) makes the perl expression true
has() {
	perl -CSD -Mutf8 -MJSON::PP -0777 -ne 'my $p = JSON::PP->new->decode($_); exit !('"$2"')' "$1" ||
		{ echo "not so: $2"; return 1; }
}

seed0_fields() {
	"$BILLET" --import "$I/$S0.txt" --out "$TMP/o0" 2>"$TMP/e" &&
	f=$(ls "$TMP/o0"/*.yaml) && id=$(basename "$f" .yaml) &&
	json "$id" "$f" >"$TMP/j" &&
	has "$TMP/j" '$p->{department} eq "Advocacy"' &&
	has "$TMP/j" '$p->{deadline} eq "Open until filled"' &&
	has "$TMP/j" '$p->{salary}{min} == 62400 && $p->{salary}{max} == 67000 && $p->{salary}{period} eq "year"' &&
	has "$TMP/j" '$p->{organization}{short} eq "ACLU SoCal"' &&
	has "$TMP/j" '@{$p->{responsibilities}} == 22 && $p->{responsibilities}[17] eq "Attend community meetings."' &&
	has "$TMP/j" '@{$p->{qualifications}} == 13 && $p->{qualifications}[12] eq "Bilingual Spanish preferred."' &&
	has "$TMP/j" '$p->{experience}{min_years} == 2' &&
	has "$TMP/j" '$p->{languages}[0]{name} eq "Spanish" && $p->{languages}[0]{level} eq "preferred"' &&
	has "$TMP/j" '$p->{apply}{url} eq "https://secure.onehcm.com/ta/ACLUSC.careers?ShowJob=486693636"' &&
	has "$TMP/j" '@{$p->{sections}{"RACIAL EQUITY COMPETENCIES"}{"Working for Racial Equity"}} == 3' &&
	has "$TMP/j" '$p->{summary} =~ /^The ACLU Foundation of Southern California \(ACLU SoCal\) seeks/' &&
	# no title line: the job "ACLU SoCal seeks a policy advocate and
	# organizer" names, as the text writes it in capitals further on
	has "$TMP/j" '$p->{title} eq "Policy Advocate and Organizer"' &&
	[ "$id" = aclu-socal-policy-advocate-and-organizer ] &&
	contains "$f" '# - title: read from "…seeks a policy advocate and organizer" (line 13)' &&
	contains "$TMP/e" "check title: read from" &&
	head -1 "$f" | grep -qx "# Imported by billet from .*$S0.txt (plain text) on 2026-12-07."
}
ok "seed 000: labels, salary, lists under their headings, the title from \"seeks a\"" seed0_fields

seed2_fields() {
	"$BILLET" --import "$I/$S2.txt" --out "$TMP/o2" 2>"$TMP/e" &&
	f="$TMP/o2/nyic-upstate-director-of-advocacy.yaml" &&
	json nyic-upstate-director-of-advocacy "$f" >"$TMP/j" &&
	has "$TMP/j" '$p->{title} eq "Upstate Director of Advocacy"' &&
	has "$TMP/j" '$p->{organization}{name} eq "New York Immigration Coalition" && $p->{organization}{about} =~ /^The New York Immigration Coalition \(NYIC\) is an umbrella/' &&
	has "$TMP/j" '@{$p->{responsibilities}} == 9 && @{$p->{qualifications}} == 10' &&
	has "$TMP/j" '$p->{experience}{min_years} == 5 && $p->{experience}{max_years} == 10' &&
	has "$TMP/j" '$p->{languages}[0]{level} eq "strongly preferred"' &&
	has "$TMP/j" '$p->{apply}{subject} eq "Upstate Director of Advocacy" && $p->{apply}{note} =~ /\[email protected\]/' &&
	has "$TMP/j" '$p->{sections}{"Need legal assistance?"} =~ /^Call the NYS Immigration Hotline/' &&
	has "$TMP/j" '$p->{sections}{"Our organizational values"} eq "Inclusive & Representative; Fair & Just; Accountable & Trusted."' &&
	has "$TMP/j" '!exists $p->{apply}{email}'
}
ok "seed 002: the title line, About, the lists, To Apply with its subject; the obfuscated address kept as text" seed2_fields

spanish() {
	"$BILLET" --import "$I/coordinadora-es.txt" --out "$TMP/es" 2>"$TMP/e" &&
	f="$TMP/es/fvu-coordinadora-de-programas-comunitarios.yaml" &&
	json fvu-coordinadora-de-programas-comunitarios "$f" >"$TMP/j" &&
	has "$TMP/j" '$p->{location} eq "Chicago, IL (con días de teletrabajo)"' &&
	has "$TMP/j" '$p->{salary}{min} == 45000 && $p->{salary}{period} eq "year"' &&
	has "$TMP/j" '$p->{deadline} eq "2027-03-15" && $p->{start} eq "Inmediata"' &&
	has "$TMP/j" '@{$p->{responsibilities}} == 3 && @{$p->{qualifications}{required}} == 3 && @{$p->{qualifications}{preferred}} == 2' &&
	has "$TMP/j" '@{$p->{benefits}} == 2 && $p->{apply}{email} eq "empleo\@vecinosunidos.example"' &&
	has "$TMP/j" 'join(",", map { $_->{name} } @{$p->{languages}}) eq "español,inglés,árabe"' &&
	contains "$f" '# - deadline: "15 de marzo de 2027" read as 2027-03-15'
}
ok "Spanish: etiquetas, listas bajo sus encabezados, salario al año, fecha en palabras" spanish

english() {
	"$BILLET" --import "$I/organizer-en.txt" >"$TMP/en.yaml" 2>"$TMP/e" &&
	id=riverside-tenants-union-community-organizer-part-time &&
	json "$id" "$TMP/en.yaml" >"$TMP/j" &&
	has "$TMP/j" '$p->{salary}{min} == 24 && $p->{salary}{max} == 28 && $p->{salary}{period} eq "hour" && $p->{salary}{note} =~ /depending/' &&
	has "$TMP/j" '$p->{deadline} eq "2027-04-30" && $p->{posted} eq "2027-03-01"' &&
	has "$TMP/j" '$p->{employment} eq "part-time" && $p->{reports_to} eq "Lead Organizer"' &&
	has "$TMP/j" '@{$p->{responsibilities}} == 3 && @{$p->{qualifications}{preferred}} == 2' &&
	has "$TMP/j" '$p->{apply}{email} eq "jobs\@rtu.example" && @{$p->{apply}{documents}} == 2'
}
ok "English: Label: value lines, numbered and starred lists, How to Apply" english

# what the draft could not find is said
missing() {
	printf 'Some Job\n\nWe need help.\n' >"$TMP/m.txt" &&
	"$BILLET" --import "$TMP/m.txt" >"$TMP/m.yaml" 2>"$TMP/e" &&
	contains "$TMP/m.yaml" "# - not found in the text: organization, location, salary, deadline, how to apply" &&
	contains "$TMP/e" "m.txt: check not found in the text: organization" &&
	"$BILLET" --import --title "Given Title" "$I/$S0.txt" >"$TMP/t.yaml" 2>/dev/null &&
	grep -qx "title: Given Title" "$TMP/t.yaml" &&
	contains "$TMP/t.yaml" "# - title: given on the command line (--title)"
}
ok "a draft says what it did not find; --title gives the title" missing

# Round trips: --show of the written file equals --show of the source
round_trip() {
	out="$TMP/rt"
	rm -rf "$out"
	for src in "$D"/*.yaml "$SRCDIR"/tests/data/schemaorg/*.json; do
		"$BILLET" --import "$src" --out "$out" 2>/dev/null || {
			echo "import failed: $src"; return 1; }
	done
	n=0
	for f in "$out"/*.yaml; do
		id=$(sed -n 's/^id: //p' "$f" | head -1 | sed 's/^"\(.*\)"$/\1/')
		"$BILLET" --show "$id" --width 100 "$f" >"$TMP/a" 2>&1
		"$BILLET" --show "$id" --width 100 "$D" "$SRCDIR/tests/data/schemaorg" \
			>"$TMP/b" 2>/dev/null
		cmp -s "$TMP/a" "$TMP/b" || { echo "differs: $id"; diff "$TMP/b" "$TMP/a" | head; return 1; }
		n=$((n + 1))
	done
	[ "$n" -ge 14 ] || { echo "only $n files"; return 1; }
}
ok "YAML and JSON-LD: --show of each imported file equals --show of its source" round_trip

# A draft loads back to itself: imported again, it gives the same file
text_round_trip() {
	for f in "$S0" "$S2" organizer-en coordinadora-es; do
		rm -rf "$TMP/t1" "$TMP/t2"
		"$BILLET" --import "$I/$f.txt" --out "$TMP/t1" 2>/dev/null &&
		y=$(ls "$TMP/t1"/*.yaml) && id=$(basename "$y" .yaml) &&
		"$BILLET" --check "$y" 2>"$TMP/c" &&
		"$BILLET" --import "$y" --out "$TMP/t2" 2>/dev/null &&
		"$BILLET" --show "$id" --width 90 "$y" >"$TMP/a" &&
		"$BILLET" --show "$id" --width 90 "$TMP/t2/$id.yaml" >"$TMP/b" &&
		cmp -s "$TMP/a" "$TMP/b" &&
		[ "$(grep -v '^#' "$y")" = "$(grep -v '^#' "$TMP/t2/$id.yaml")" ] ||
			{ echo "in $f"; cat "$TMP/c"; return 1; }
	done
}
ok "plain text: the draft loads without an error, and imported again is the same" text_round_trip

# Markdown and HTML with front matter (Jekyll's and Hugo's): imported as
# such, not as pasted text, and --show of the draft equals --show of the
# source
markdown_round_trip() {
	F="$SRCDIR/tests/data/frontmatter"
	for src in "$F/jekyll/_jobs/tenant-organizer.md" \
	           "$F/jekyll/_jobs/outreach-lead.html" \
	           "$F/hugo/content/jobs/field-coordinator.md" \
	           "$F/hugo/content/jobs/youth-organizer/index.md"; do
		rm -rf "$TMP/md"
		"$BILLET" --import "$src" --out "$TMP/md" 2>/dev/null &&
		y=$(ls "$TMP/md"/*.yaml) && id=$(basename "$y" .yaml) &&
		head -1 "$y" | grep -qE '\((Markdown|an HTML page)\)' &&
		"$BILLET" --show "$id" --width 90 "$y" >"$TMP/a" &&
		"$BILLET" --show "$id" --width 90 "$src" >"$TMP/b" &&
		cmp -s "$TMP/a" "$TMP/b" ||
			{ echo "in $src"; head -1 "$y"; diff "$TMP/b" "$TMP/a" | head; return 1; }
	done
}
ok "Markdown and HTML with front matter: imported as such; --show of the draft equals the source's" markdown_round_trip

# Personio's XML feed: a file each position, --show of each equal to the
# feed's; a hostile position's controls never written raw
personio_round_trip() {
	P="$SRCDIR/tests/data/shapes/personio-feed.xml"
	rm -rf "$TMP/px"
	"$BILLET" --import "$P" --out "$TMP/px" 2>"$TMP/e" &&
	contains "$TMP/e" "note: read as a Personio XML feed; 4 postings" &&
	[ "$(ls "$TMP/px" | tr '\n' ' ')" = "personio-1847302.yaml personio-1851177.yaml personio-1862540.yaml personio-1866001.yaml " ] &&
	head -1 "$TMP/px/personio-1847302.yaml" | grep -q '(XML)' &&
	grep -qx '  name: Nordlicht Jugendhilfe gGmbH' "$TMP/px/personio-1847302.yaml" &&
	! grep -q "$(printf '\033')" "$TMP/px/personio-1866001.yaml" &&
	grep -qF 'title: "Trap \x9B31mTitle\u202Etxt.exe"' "$TMP/px/personio-1866001.yaml" || return 1
	for y in "$TMP/px"/*.yaml; do
		id=$(basename "$y" .yaml)
		"$BILLET" --show "$id" --width 100 "$y" >"$TMP/a" 2>/dev/null &&
		"$BILLET" --show "$id" --width 100 "$P" >"$TMP/b" 2>/dev/null &&
		cmp -s "$TMP/a" "$TMP/b" ||
			{ echo "$id"; diff "$TMP/b" "$TMP/a" | head; return 1; }
	done
	"$BILLET" --import - <"$P" >"$TMP/px.yaml" 2>/dev/null &&
	contains "$TMP/px.yaml" "(XML)" &&
	[ "$(grep -c '^---$' "$TMP/px.yaml")" -eq 3 ] &&
	contains "$TMP/px.yaml" "id: personio-1862540"
}
ok "Personio's XML feed, a file and on stdin: a posting file each position; --show of each equals the feed's" personio_round_trip

no_overwrite() {
	rm -rf "$TMP/ow" && mkdir "$TMP/ow" &&
	"$BILLET" --import "$D/nyic-upstate-director-advocacy.yaml" --out "$TMP/ow" 2>/dev/null &&
	echo mine >"$TMP/ow/aclu-socal-kern-policy-advocate.yaml" &&
	! "$BILLET" --import "$D/aclu-socal-kern-policy-advocate.yaml" --out "$TMP/ow" 2>"$TMP/e" &&
	contains "$TMP/e" "aclu-socal-kern-policy-advocate.yaml exists: not overwritten (--force replaces it)" &&
	[ "$(cat "$TMP/ow/aclu-socal-kern-policy-advocate.yaml")" = mine ] &&
	"$BILLET" --import "$D/aclu-socal-kern-policy-advocate.yaml" --out "$TMP/ow" --force 2>/dev/null &&
	grep -qx "id: aclu-socal-kern-policy-advocate" "$TMP/ow/aclu-socal-kern-policy-advocate.yaml" &&
	[ -z "$(ls -A "$TMP/ow" | grep -v '\.yaml$')" ]
}
ok "never over a file without --force (named, exit 1); --force replaces it; no temporary left" no_overwrite

stdout_docs() {
	"$BILLET" --import "$D/aclu-socal-kern-policy-advocate.yaml" "$I/$S2.txt" >"$TMP/all.yaml" 2>/dev/null &&
	[ "$(grep -c '^---$' "$TMP/all.yaml")" -eq 1 ] &&
	"$BILLET" --list --format tsv "$TMP/all.yaml" | cut -f1 >"$TMP/ids" &&
	[ "$(cat "$TMP/ids")" = "aclu-socal-kern-policy-advocate
nyic-upstate-director-of-advocacy" ]
}
ok "without --out: YAML documents on stdout that load back" stdout_docs

stdin_sniffed() {
	"$BILLET" --import - <"$D/nyic-upstate-director-advocacy.yaml" >"$TMP/s1" 2>/dev/null &&
	contains "$TMP/s1" "(YAML)" && contains "$TMP/s1" "id: nyic-upstate-director-advocacy" &&
	"$BILLET" --import - <"$SRCDIR/tests/data/schemaorg/eg-0028-1.json" >"$TMP/s2" 2>/dev/null &&
	contains "$TMP/s2" "(JSON)" && contains "$TMP/s2" "title:" &&
	"$BILLET" --import - <"$I/$S2.txt" >"$TMP/s3" 2>/dev/null &&
	contains "$TMP/s3" "(plain text)" && contains "$TMP/s3" "title: Upstate Director of Advocacy" &&
	printf 'Location: Here\n\nA Job Title is missing here.\n' |
		"$BILLET" --import - >"$TMP/s4" 2>/dev/null &&
	contains "$TMP/s4" "(plain text)" && contains "$TMP/s4" "title: stdin"
}
ok "- reads standard input: YAML, JSON and plain text told apart" stdin_sniffed

safe_names() {
	printf 'id: "../a b/c\\u0007"\ntitle: T\norganization: O\n' >"$TMP/n.yaml" &&
	rm -rf "$TMP/sn" &&
	"$BILLET" --import "$TMP/n.yaml" --out "$TMP/sn" 2>/dev/null &&
	[ "$(ls "$TMP/sn")" = "a-b-c.yaml" ] &&
	printf -- '- {id: x y, title: A, organization: O}\n- {id: x/y, title: B, organization: O}\n' >"$TMP/n2.yaml" &&
	"$BILLET" --import "$TMP/n2.yaml" --out "$TMP/sn" 2>/dev/null &&
	[ -f "$TMP/sn/x-y.yaml" ] && [ -f "$TMP/sn/x-y-2.yaml" ]
}
ok "file names from ids: safe characters only; two of one name in a run kept apart" safe_names

usage() {
	"$BILLET" --out x "$D" 2>"$TMP/e"; [ $? -eq 2 ] &&
	contains "$TMP/e" "--out, --force and --title go with --import" &&
	"$BILLET" --import 2>"$TMP/e"; [ $? -eq 2 ] &&
	contains "$TMP/e" "--import: name what to import" &&
	! "$BILLET" --import "$TMP/nothing-here.txt" 2>"$TMP/e" &&
	contains "$TMP/e" "nothing-here.txt: No such file or directory"
}
ok "wrong usage is said, exit 2; a missing file exit 1" usage

# URLs, from tests/httpd on 127.0.0.1 ------------------------------------
HTTPD="$BUILDDIR/tests/httpd"
if [ ! -x "$HTTPD" ]; then
	echo "tests/httpd is not built"
	exit 99
fi
mkdir -p "$TMP/www"
cp "$I/$S2.txt" "$TMP/www/posting.txt"
cp "$D/nyic-upstate-director-advocacy.yaml" "$TMP/www/n.yaml"
cp "$SRCDIR/tests/data/schemaorg/eg-0028-1.json" "$TMP/www/ld"
cp "$SRCDIR/tests/data/shapes/personio-feed.xml" "$TMP/www/xml"
cp "$SRCDIR/tests/data/shapes/personio-feed.xml" "$TMP/www/feed.xml"
"$HTTPD" "$TMP/www" >"$TMP/port" 2>"$TMP/httpd.err" &
httpd_pid=$!
trap 'kill $httpd_pid 2>/dev/null; rm -rf "$TMP"' EXIT
i=0
while [ ! -s "$TMP/port" ] && [ $i -lt 50 ]; do sleep 0.1; i=$((i + 1)); done
PORT=$(cat "$TMP/port")
U="http://127.0.0.1:$PORT"

url_text() {
	"$BILLET" --import "$U/r/posting.txt" --out "$TMP/u" 2>"$TMP/e" &&
	f="$TMP/u/nyic-upstate-director-of-advocacy.yaml" &&
	grep -qx "source: $U/posting.txt" "$f" &&
	contains "$f" "# Imported by billet from $U/r/posting.txt (plain text)" &&
	contains "$f" "# The URL led to $U/posting.txt." &&
	"$BILLET" --import "$U/ld" >"$TMP/ld.yaml" 2>/dev/null &&
	contains "$TMP/ld.yaml" "(JSON)" &&
	"$BILLET" --import "$U/n.yaml" >"$TMP/n.yaml" 2>/dev/null &&
	grep -qx "source: $U/n.yaml" "$TMP/n.yaml"
}
ok "a URL: fetched, redirect followed, the final URL kept as source; its type by the server's word" url_text

url_personio() {
	rm -rf "$TMP/pu" &&
	"$BILLET" --import "$U/xml?language=de" --out "$TMP/pu" 2>"$TMP/e" &&
	contains "$TMP/e" "note: read as a Personio XML feed; 4 postings" &&
	f="$TMP/pu/personio-1851177.yaml" &&
	contains "$f" "# Imported by billet from $U/xml?language=de (XML)" &&
	grep -qx "source: $U/xml?language=de" "$f" &&
	"$BILLET" --import "$U/r/feed.xml" >"$TMP/pu.yaml" 2>/dev/null &&
	contains "$TMP/pu.yaml" "# The URL led to $U/feed.xml." &&
	[ "$(grep -c '^source: ' "$TMP/pu.yaml")" -eq 4 ]
}
ok "a URL of a Personio feed (as application/octet-stream and as text/xml): every position" url_personio

# fails URL TEXT [OPTIONS]: importing the URL fails, saying TEXT and it
fails() {
	u=$1 t=$2
	shift 2
	! "$BILLET" --import "$u" "$@" >"$TMP/f.out" 2>"$TMP/f.err" &&
	contains "$TMP/f.err" "billet: $u: $t" &&
	[ ! -s "$TMP/f.out" ]
}
url_errors() {
	fails "$U/missing.txt" "the server answered HTTP 404" &&
	fails "$U/status/500" "the server answered HTTP 500" &&
	fails "$U/loop" "more than 5 redirects" &&
	fails "$U/ftp" "redirected to a URL that is not http or https" &&
	fails "$U/big" "larger than the limit of 1048576 bytes (see --max-file)" --max-file 1M &&
	fails "$U/bigstream" "larger than the limit of 1048576 bytes (see --max-file)" --max-file 1M &&
	fails "https://127.0.0.1:$PORT/posting.txt" "TLS failed" &&
	fails "http://127.0.0.1:1/x" "the connection was refused or could not be made"
}
ok "a URL that fails says why, with the URL: 404, 500, redirects, not http, too big, TLS, refused" url_errors

url_timeout() {
	t0=$(date +%s)
	fails "$U/slow" "timed out (1 s to connect, 1 s in all)" --timeout 1 &&
	[ $(( $(date +%s) - t0 )) -le 5 ]
}
ok "a URL too slow: timed out after --timeout" url_timeout

finish
