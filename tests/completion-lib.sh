# SPDX-License-Identifier: MIT
# Shared by tests/completion.sh and tests/completion-zsh.sh: the postings
# and files completed in ($W, the directory the shells run in), and the
# billet under test first on $PATH, as the one a user's shell would ask.
W="$TMP/w"
mkdir -p "$W/p/sub" "$TMP/bin"
ln -s "$BILLET" "$TMP/bin/billet"
PATH="$TMP/bin:$PATH"
export PATH SRCDIR
posting() { printf 'id: %s\ntitle: %s\norganization: O\n' "$2" "$3" >"$1"; }
posting "$W/p/alpha.yaml" alpha-one "Alpha"
posting "$W/p/alpine.yaml" alpine "Alpine guide"
posting "$W/p/sub/beta.yaml" beta "Beta"
posting "$W/p/space.yaml" '"with space"' "Spaced"
posting "$W/p/bad.yaml" '"bad\eid"' "An id with an escape"
: >"$W/-odd.yaml"
: >"$W/state.yaml"

KEYS="title org location salary posted deadline id"
FORMATS="text tsv csv json yaml markdown"
# the options that take two words are completed once billet has them
STATUS=
"$BILLET" --complete=options | grep -q '^--status=' && STATUS=yes

# with_billet_path DIR COMMAND...: runs the command with $BILLET_PATH.
with_billet_path() {
	BILLET_PATH=$1
	export BILLET_PATH
	shift
	"$@"
	set -- $?
	unset BILLET_PATH
	return "$1"
}
