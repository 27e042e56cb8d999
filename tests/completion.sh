#!/bin/sh
# SPDX-License-Identifier: MIT
# The bash completion (completion/billet.bash) run for real: bash with it
# loaded, on top of bash-completion when that is installed and without it,
# asked to complete lines as bash would (COMP_WORDS split at blanks, '='
# and ':'), and typed into an interactive bash in tmux with Tab; and the
# word lists it asks billet for (billet --complete WHAT).
# tests/completion-zsh.sh does the same for zsh.
. "$SRCDIR/tests/lib.sh"
. "$SRCDIR/tests/completion-lib.sh"

# --- billet --complete: the lists come from the program's own tables ------

complete_lists() {
	"$BILLET" --complete=sort-keys >"$TMP/k" &&
	printf '%s\n' title org location salary posted deadline id |
		cmp - "$TMP/k" &&
	"$BILLET" --complete formats >"$TMP/f" &&
	printf '%s\n' text tsv csv json yaml markdown | cmp - "$TMP/f" &&
	"$BILLET" --complete=statuses >"$TMP/s" &&
	printf '%s\n' none interested applied interviewing offer rejected \
		withdrawn | cmp - "$TMP/s"
}
ok "--complete lists the sort keys, formats and statuses of the spec" \
	complete_lists

# every option getopt_long takes is listed once (an alias, --no-colour,
# and --complete itself are not), with "=" when it takes a value, and
# its short letter; and --help names each of them
complete_options() {
	"$BILLET" --complete=options >"$TMP/o" &&
	contains "$TMP/o" "--show= -s" && contains "$TMP/o" "--sort= -S" &&
	contains "$TMP/o" "--list -l" && grep -qx -- "--format=" "$TMP/o" &&
	grep -qx -- "--no-color" "$TMP/o" &&
	! grep -q -- "--no-colour\|--complete" "$TMP/o" &&
	"$BILLET" --help >"$TMP/help" &&
	for o in $(cut -d' ' -f1 "$TMP/o" | sed 's/=$//'); do
		grep -q -- "$o\\b" "$TMP/help" ||
			{ echo "--help does not name $o"; return 1; }
	done
}
ok "--complete=options lists getopt's table, each option in --help" \
	complete_options

# ids: every posting loaded, hidden or not, from the paths given, else
# $BILLET_PATH; an id a terminal would obey is left out
complete_ids() {
	"$BILLET" --complete=ids -- "$W/p" | LC_ALL=C sort >"$TMP/i" &&
	printf '%s\n' alpha-one alpine beta 'with space' | cmp - "$TMP/i" &&
	BILLET_PATH="$W/p/sub" "$BILLET" --complete=ids >"$TMP/e" &&
	printf '%s\n' beta | cmp - "$TMP/e"
}
ok "--complete=ids lists the ids of the paths, else \$BILLET_PATH" complete_ids

complete_unknown() {
	"$BILLET" --complete=keys >"$TMP/u" 2>"$TMP/ue"
	[ $? -eq 2 ] && [ ! -s "$TMP/u" ] &&
	contains "$TMP/ue" "billet: --complete: no word list 'keys'"
}
ok "--complete with an unknown list is wrong usage" complete_unknown

# every option that takes a value has its kind in the script: a new one
# fails here until the script says what to offer for it (none at least)
kinds_bash() {
	bash -c '. "$1"; shift
		for o; do
			[ "$(_billet_kind "$o")" != unknown ] ||
				{ echo "billet.bash: no kind for --$o"; exit 1; }
		done' sh "$SRCDIR/completion/billet.bash" \
		$(sed -n 's/^--\([^ ]*\)=.*/\1/p' "$TMP/o")
}
ok "billet.bash says what each option's value is" kinds_bash

# --- the bash script, as bash calls it ------------------------------------

bashrc_completion=
for f in /usr/share/bash-completion/bash_completion /etc/bash_completion; do
	if [ -r "$f" ]; then
		bashrc_completion=$f
		break
	fi
done

# A bash that loads the script (after bash-completion with "full"), is
# given LINE as bash gives a completion function its words, and prints
# the words offered, whole, one a line, sorted.
cat >"$TMP/comp.bash" <<'EOF'
[ "$1" = full ] && . "$BASH_COMPLETION_FILE"
. "$SRCDIR/completion/billet.bash"
# LINE: the point is at its end, or where an @ is (taken out)
line=${2/@/} before=${2%%@*}
COMP_LINE=$line COMP_POINT=${#before} COMP_WORDS=()
# words: bash makes one of each run of blanks, '=' or ':'
split() {
	local w=$1
	while [[ $w =~ ^([^=:]*)([=:]+)(.*)$ ]]; do
		[[ -n ${BASH_REMATCH[1]} ]] && COMP_WORDS+=("${BASH_REMATCH[1]}")
		COMP_WORDS+=("${BASH_REMATCH[2]}")
		w=${BASH_REMATCH[3]}
	done
	[[ -n $w ]] && COMP_WORDS+=("$w")
}
read -ra toks <<<"$before"
[[ $before == *" " ]] && toks+=("")
after=${line:COMP_POINT}
rest=${after%%[[:space:]]*}
read -ra more <<<"${after:${#rest}}"
word=${toks[${#toks[@]} - 1]}
for ((i = 0; i < ${#toks[@]} - 1; i++)); do
	split "${toks[i]}"
done
split "$word"
[[ -z $word ]] && COMP_WORDS+=("")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
COMP_WORDS[COMP_CWORD]+=$rest
for w in "${more[@]}"; do
	split "$w"
done
COMPREPLY=()
_billet billet
# what bash replaces is the word after its last '=' or ':'
skip=${word%"${word##*[=:]}"}
for r in "${COMPREPLY[@]}"; do
	printf '%s\n' "$skip$r"
done | LC_ALL=C sort
EOF

# offers MODE LINE [WORD...]: bash offers exactly the words given.
offers() {
	mode=$1 line=$2
	shift 2
	(cd "$W" && BASH_COMPLETION_FILE=$bashrc_completion \
		bash "$TMP/comp.bash" "$mode" "$line") >"$TMP/got" || return 1
	{ [ $# -eq 0 ] || printf '%s\n' "$@"; } | LC_ALL=C sort >"$TMP/want"
	diff "$TMP/want" "$TMP/got"
}

modes=plain
[ -n "$bashrc_completion" ] && modes="full plain"
for m in $modes; do
	t="bash ($m)"
	ok "$t: options from billet, with = on those taking a value" \
		offers "$m" "billet --sh" --shortlist --show=
	ok "$t: - offers the long options" \
		offers "$m" "billet -" $(sed 's/ .*//' "$TMP/o")
	ok "$t: sort keys" offers "$m" "billet --sort " $KEYS
	ok "$t: a reversed key after --sort=" \
		offers "$m" "billet --sort=-sa" "--sort=-salary"
	ok "$t: the next key of a list, each once" \
		offers "$m" "billet -S title,-org," title,-org,location \
		title,-org,salary title,-org,posted title,-org,deadline title,-org,id
	ok "$t: keys after -S in the same word" \
		offers "$m" "billet -lSd" "-lSdeadline"
	ok "$t: formats" offers "$m" "billet --list --format " $FORMATS
	ok "$t: --format=j" offers "$m" "billet --list --format=j" "--format=json"
	ok "$t: ids of the paths on the line" \
		offers "$m" "billet p --show " alpha-one alpine beta 'with\ space'
	ok "$t: ids of paths after the option" \
		offers "$m" "billet --show=al@ p/sub p/alpha.yaml" "--show=alpha-one"
	ok "$t: the next id of a --compare list, each once" \
		offers "$m" "billet p -C alpine,a" "alpine,alpha-one"
	ok "$t: ids of \$BILLET_PATH without a path" \
		with_billet_path "$W/p/sub" offers "$m" "billet --mark " beta
	ok "$t: options, not ids, after --mark when one is begun" \
		offers "$m" "billet --mark --f" $(grep -o '^--f[^ ]*' "$TMP/o")
	ok "$t: no value to offer after --filter or --width" \
		offers "$m" "billet --filter "
	ok "$t: files and directories for PATH" \
		offers "$m" "billet p/" p/alpha.yaml p/alpine.yaml p/bad.yaml p/space.yaml p/sub
	ok "$t: a file after --state=" \
		offers "$m" "billet --state=st" --state=state.yaml
	ok "$t: after --, a word with - is a path" \
		offers "$m" "billet -- -" -odd.yaml
	ok "$t: --import, from billet's table" \
		offers "$m" "billet --imp" --import
	ok "$t: --dump-config, from billet's table" \
		offers "$m" "billet --dum" --dump-config
	ok "$t: --today, from billet's table" \
		offers "$m" "billet --tod" --today=
	ok "$t: nothing to offer for --today's date" \
		offers "$m" "billet --today "
	ok "$t: a directory, not a file, after --out" \
		offers "$m" "billet --import --out " p
	ok "$t: paths after --import" \
		offers "$m" "billet --import --out=p p/s" p/space.yaml p/sub
	if [ -n "$STATUS" ]; then
		ok "$t: statuses after --status ID" \
			offers "$m" "billet p --status beta i" interested interviewing
	fi
done

# --- bash itself, typed into with Tab -------------------------------------

if ! command -v tmux >/dev/null 2>&1; then
	echo "# tmux is not installed: bash is not typed into (SKIPPED)"
	finish
	exit
fi
SOCK="$TMP/tmux.sock"
tm() { tmux -S "$SOCK" -f /dev/null "$@"; }
trap 'tm kill-server >/dev/null 2>&1; rm -rf "$TMP"' EXIT
# a session that outlives the others: the server stays up between them
tm new-session -d -s keep -x 20 -y 5

# typed MODE KEYS... LINE: in an interactive bash (after bash-completion
# for "full"), typing the keys (X after the last Tab shows the space
# completion adds) leaves the prompt's line as LINE.
typed() {
	mode=$1
	shift
	tm kill-session -t c >/dev/null 2>&1
	tm new-session -d -s c -x 100 -y 10 -c "$W" \
		"env -i HOME=$HOME PATH=$PATH TERM=screen LC_ALL=C.UTF-8 \
		 SRCDIR=$SRCDIR BC=$bashrc_completion MODE=$mode \
		 bash --norc --noprofile -i" || return 1
	tm send-keys -t c "PS1='> '; [ \$MODE = full ] && . \$BC;"\
" . \$SRCDIR/completion/billet.bash; clear" Enter
	shown ">" || return 1
	while [ $# -gt 1 ]; do
		tm send-keys -t c -- "$1"
		shift
	done
	shown "> $1"
}

# shown LINE: polls until a line of the screen is LINE (10 s).
shown() {
	i=0
	while [ $i -lt 100 ]; do
		tm capture-pane -p -t c >"$TMP/screen" 2>/dev/null
		grep -qxF -- "$1" "$TMP/screen" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	echo "not on the screen: $1"
	sed 's/^/|/' "$TMP/screen"
	return 1
}

for m in $modes; do
	ok "bash ($m, typed): an option with its =, then a sort key" \
		typed "$m" "billet --sor" Tab "-sa" Tab X \
		"billet --sort=-salary X"
	ok "bash ($m, typed): an id of the paths, quoted" \
		typed "$m" "billet p -s wi" Tab X 'billet p -s with\ space X'
done
finish
