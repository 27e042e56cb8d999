#!/bin/sh
# SPDX-License-Identifier: MIT
# make installcheck (and so make distcheck): what make install put under
# $DESTDIR is all there and works together: the program, its three man
# pages, the sample postings, the sample config, and the completion for
# bash and zsh. The installed billet checks the installed samples and
# config; the installed scripts, loaded as each shell loads them, complete
# a line by asking the installed billet. Nothing is installed outside
# the prefix unless configure was told to put the completion there.
# Every directory comes from make (the variables below); make uninstall
# is checked by distcheck's distuninstallcheck, which fails on any file
# left behind under the prefix.
set -u
: "${prefix:?}" "${datadir:?}" "${bindir:?}" "${man1dir:?}" "${man5dir:?}"
: "${docdir:?}" "${postingsdir:?}" "${postings:?}"
: "${bashcompletiondir:?}" "${zshcompletiondir:?}" "${completion_dir_given:?}"
d=${DESTDIR:-}
failed=0
fail() {
	echo "make installcheck: $*" >&2
	failed=1
}

billet=$d$bindir/billet
for f in "$billet" "$d$man1dir/billet.1" "$d$man5dir/billet.5" \
	"$d$man5dir/billet-config.5" "$d$docdir/config.sample" \
	"$d$bashcompletiondir/billet" "$d$zshcompletiondir/_billet"; do
	[ -f "$f" ] || fail "$f was not installed"
done
for p in $postings; do
	[ -f "$d$postingsdir/${p##*/}" ] ||
		fail "the sample posting $d$postingsdir/${p##*/} was not installed"
done
[ "$failed" -eq 0 ] || exit 1
if [ "$completion_dir_given" = no ]; then
	for dir in "$bashcompletiondir" "$zshcompletiondir"; do
		case $dir in
		"$prefix"/*) ;;
		*) fail "$dir is outside the prefix $prefix: make install" \
			"into another prefix (--prefix=\$HOME/.local) cannot write" \
			"there" ;;
		esac
	done
fi

TMP=$(mktemp -d "${TMPDIR:-/tmp}/billet-installcheck.XXXXXX") || exit 1
trap 'rm -rf "$TMP"' EXIT
mkdir -p "$TMP/config/billet" "$TMP/home" "$TMP/bin"
ln -s "$billet" "$TMP/bin/billet"

# the installed program reads the installed samples, with the installed
# sample config as its config: no problem with either
cp "$d$docdir/config.sample" "$TMP/config/billet/config"
HOME=$TMP/home XDG_CONFIG_HOME=$TMP/config XDG_STATE_HOME=$TMP/home \
	"$billet" --check "$d$postingsdir" >"$TMP/out" 2>&1 ||
	{ cat "$TMP/out" >&2; fail "the installed billet --check fails on" \
		"the installed samples with the sample config"; }
n=$("$billet" --complete=ids "$d$postingsdir" | wc -l)
[ "$n" -eq "$(echo $postings | wc -w)" ] ||
	fail "the installed billet finds $n ids in $d$postingsdir"

# bash: bash-completion finds the installed script where it looks under
# the data directory (as for /usr, /usr/local or ~/.local/share), else
# (a directory given to configure) it is sourced; it completes an option
# by asking the installed billet (first on PATH, as in a user's shell)
bc=/usr/share/bash-completion/bash_completion
if command -v bash >/dev/null 2>&1 &&
   [ "$bashcompletiondir" = "$datadir/bash-completion/completions" ] &&
   [ -r "$bc" ]; then
	HOME=$TMP/home XDG_DATA_HOME=$TMP/home XDG_DATA_DIRS=$d$datadir \
		bash -c '. "$1"
		__load_completion billet && complete -p billet' sh "$bc" \
		>"$TMP/out" 2>&1 && grep -q " -F _billet billet$" "$TMP/out" ||
		fail "bash-completion does not load" \
			"$d$bashcompletiondir/billet, looking in $d$datadir"
fi
if command -v bash >/dev/null 2>&1; then
	got=$(PATH="$TMP/bin:$PATH" bash -c '. "$1" || exit 1
		complete -p billet | grep -q " -F _billet billet$" || exit 1
		COMP_LINE="billet --dump-c" COMP_POINT=15
		COMP_WORDS=(billet --dump-c) COMP_CWORD=1
		_billet billet
		printf "%s\n" "${COMPREPLY[@]}"' sh \
		"$d$bashcompletiondir/billet" 2>&1)
	[ "$got" = "--dump-config" ] ||
		fail "the installed bash completion offers '$got' for" \
			"'billet --dump-c', not --dump-config"
fi

# zsh: compinit finds the installed _billet in $fpath and binds it to
# billet, and it reads
if command -v zsh >/dev/null 2>&1; then
	got=$(HOME=$TMP/home zsh -fc 'fpath=("$1" $fpath)
		autoload -Uz compinit && compinit -u -D &&
		print -r -- $_comps[billet]' sh "$d$zshcompletiondir" 2>&1)
	[ "$got" = _billet ] ||
		fail "compinit does not find the installed _billet ($got)"
	zsh -n "$d$zshcompletiondir/_billet" ||
		fail "the installed _billet does not parse"
fi
exit "$failed"
