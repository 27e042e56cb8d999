#!/bin/sh
# SPDX-License-Identifier: MIT
# The zsh completion (completion/_billet) run for real: an interactive
# zsh -f in a pseudo-terminal (zsh/zpty), compinit finding _billet in
# $fpath, each line typed with a Tab; every word the completion adds is
# recorded (compadd wrapped), and the line is left as it was.
. "$SRCDIR/tests/lib.sh"
if ! command -v zsh >/dev/null 2>&1 ||
   ! zsh -fc 'zmodload zsh/zpty' 2>/dev/null; then
	echo "tests/completion-zsh.sh: zsh (with its zpty module) is not" \
	     "installed: SKIPPED (install zsh to run these tests)"
	exit 77
fi
. "$SRCDIR/tests/completion-lib.sh"

# every option that takes a value has its kind in _billet: a new one
# fails here until the script says what to offer for it (none at least)
kinds_zsh() {
	"$BILLET" --complete=options >"$TMP/o" &&
	zsh -fc 'source "$1" >/dev/null 2>&1; shift
		for o; do
			_billet_kind $o
			[[ $REPLY != unknown ]] ||
				{ print "_billet: no kind for --$o"; exit 1 }
		done' sh "$SRCDIR/completion/_billet" \
		$(sed -n 's/^--\([^ ]*\)=.*/\1/p' "$TMP/o")
}
ok "_billet says what each option's value is" kinds_zsh

# zsh -f comp.zsh LINE...: for each LINE, "## LINE" and then the words
# the completion offers, whole, one a line, sorted.
cat >"$TMP/comp.zsh" <<'EOF'
zmodload zsh/zpty
zpty z zsh -f -i
zpty -w z "PS1='> '; fpath=(${(q)SRCDIR}/completion \$fpath)" \
	'; autoload -Uz compinit; compinit -u -D'
# compadd records what it adds, with the prefixes it is given
zpty -w z 'compadd() {
  local -a h; local p= i
  for (( i = 1; i <= $#; i++ )); do
    case ${@[i]} in
      (-|--) break ;;
      (-[OAD]) builtin compadd "$@"; return ;;
      (-[pP]) p+=${@[i+1]}; (( i++ )) ;;
      (-[XJVxdrRSsWMFEIio]) (( i++ )) ;;
    esac
  done
  builtin compadd -O h "$@"
  words_added+=( "$IPREFIX$p"${^h} )
  builtin compadd "$@"
}'
# after the completion, its words between markers (split where typed, so
# that the terminal's echo of these lines never reads as one); nothing
# listed or inserted, so the line stays as typed
zpty -w z 'after_tab() { compstate[list]=; compstate[insert]=;' \
	'print -rn -- "@@BEG""IN@@"; (( $#words_added )) &&' \
	'print -rl -- ${(ou)words_added};' \
	'print -rn -- "@@E""ND@@" }'
zpty -w z 'tab() { words_added=(); comppostfuncs=(after_tab);' \
	'zle complete-word }; zle -N tab; bindkey "^I" tab; print RE""ADY'
zpty -r z out '*READY*' || exit 1
for line; do
	zpty -w -n z "$line"$'\t'
	zpty -r z out '*@@END@@' || exit 1
	out=${${out##*@@BEGIN@@}%@@END@@}
	print -r -- "## $line"
	print -rn -- "${out//$'\r'/}"
	zpty -w -n z $'\C-u'
done
zpty -d z
EOF

# The cases: a line (a final "_" stands for a blank: a new word), then
# the words zsh offers for it (options without their '=': zsh adds it as
# it inserts one). Words with a blank are shown as compadd is given them;
# zsh quotes them as it inserts them.
cat >"$TMP/cases" <<EOF
billet --sh
--shortlist
--show
billet --sort _
$(echo "$KEYS" | tr ' ' '\n')
billet --sort=-sa
--sort=-salary
billet -S title,-org,
title,-org,location
title,-org,salary
title,-org,posted
title,-org,deadline
title,-org,id
billet -lSd
-lSdeadline
billet --list --format _
$(echo "$FORMATS" | tr ' ' '\n')
billet --list --format=j
--format=json
billet p --show _
alpha-one
alpine
beta
with space
billet p -C alpine,a
alpine,alpha-one
billet --mark --f
$(grep -o '^--f[^ =]*' "$TMP/o")
billet --filter _
billet p/
p/alpha.yaml
p/alpine.yaml
p/bad.yaml
p/space.yaml
p/sub
billet --state=st
--state=state.yaml
billet -- -
-odd.yaml
billet --imp
--import
billet --dum
--dump-config
billet --tod
--today
billet --today _
billet --import --out _
p
billet --import --out=p p/s
p/space.yaml
p/sub
EOF
if [ -n "$STATUS" ]; then
	printf '%s\n' "billet p --status beta i" interested interviewing \
		>>"$TMP/cases"
fi
# and $BILLET_PATH's ids with no path on the line
printf '%s\n' "billet --mark _" beta >>"$TMP/cases"
sed -i 's/^\(billet.*\) _$/\1 /' "$TMP/cases"
grep '^billet' "$TMP/cases" >"$TMP/lines"

# types the lines one after another into one zsh
run_zsh() {
	set --
	while IFS= read -r l; do
		set -- "$@" "$l"
	done <"$TMP/lines"
	(cd "$W" && BILLET_PATH="$W/p/sub" timeout 120 \
		zsh -f "$TMP/comp.zsh" "$@") >"$TMP/zsh.out" 2>&1 ||
		{ tail -20 "$TMP/zsh.out"; return 1; }
}
ok "zsh -f with compinit completes every line" run_zsh

# offered LINE: the words zsh offered for LINE are those of the case.
offered() {
	awk -v l="## $1" '$0 == l { on = 1; next } /^## / { on = 0 } on' \
		"$TMP/zsh.out" >"$TMP/got"
	awk -v l="$1" '$0 == l { on = 1; next } /^billet/ { on = 0 } on' \
		"$TMP/cases" | LC_ALL=C sort >"$TMP/want"
	diff "$TMP/want" "$TMP/got"
}
while IFS= read -r l; do
	ok "zsh: '$l'" offered "$l"
done <"$TMP/lines"
finish
