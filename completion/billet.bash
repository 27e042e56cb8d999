# SPDX-License-Identifier: MIT
# bash completion for billet                               -*- shell-script -*-
#
# Installed as bash-completion's completions/billet (loaded on first use),
# or sourced from ~/.bashrc. Works with bash-completion or without it.
#
# Nothing billet knows is listed here: the options, sort keys, formats and
# statuses are asked of the billet being completed (billet --complete
# options, sort-keys, formats, statuses: printed from the tables it reads
# them with), and posting ids of the paths on the line (billet --complete
# ids PATH...). Only the kind of value each option takes is said below.

# What the value of long option $1 is: ids, id (one), sort-keys, formats,
# statuses, file, dir, or none (nothing to offer: a query, a number...).
_billet_kind()
{
    case $1 in
    show) echo id ;;
    compare | mark | unmark | status | rate | note | hide | unhide | follow-up)
        echo ids ;;
    sort) echo sort-keys ;;
    format) echo formats ;;
    state) echo file ;;
    out) echo dir ;;
    filter | width | max-file | max-scalar | max-depth | max-nodes | \
        max-postings | title | timeout | today | on | since | until)
        echo none ;;
    *) echo unknown ;;
    esac
}

# What the word after the value of long option $1 is, for the options
# that take two (--status ID STATUS); nothing for the others.
_billet_second()
{
    case $1 in
    status) echo statuses ;;
    rate | note | follow-up) echo none ;;
    esac
}

# Sets cur, prev, words and cword as bash-completion's _init_completion
# -n =: does, for bash without bash-completion: the words bash split at
# '=' and ':' are joined back.
_billet_init_plain()
{
    local i w pos=0 start=0 sp
    words=() cword=0
    for ((i = 0; i < ${#COMP_WORDS[@]}; i++)); do
        w=${COMP_WORDS[i]}
        sp=0
        while [[ ${COMP_LINE:pos:1} == [[:space:]] ]]; do
            ((pos++)); sp=1
        done
        if ((i == 0 || sp)); then
            words+=("$w")
            ((i <= COMP_CWORD)) && start=$pos
        else
            words[${#words[@]} - 1]+=$w
        fi
        ((pos += ${#w}))
        ((i == COMP_CWORD)) && cword=$((${#words[@]} - 1))
    done
    cur=${COMP_LINE:start:COMP_POINT-start}
    ((start > COMP_POINT)) && cur=
    prev=${words[cword - 1]}
}

# The word as the shell would read it: no quotes or backslashes, ~ as
# $HOME (enough for what is completed here).
_billet_dequote()
{
    local s=$1
    case $s in
    \'*) s=${s#\'} s=${s%\'} ;;
    \"*) s=${s#\"} s=${s%\"} ;;
    *) s=$(printf '%s' "$s" | sed 's/\\\(.\)/\1/g') ;;
    esac
    [[ $s == "~"/* || $s == "~" ]] && s=$HOME${s#\~}
    printf '%s' "$s"
}

# COMPREPLY: the words given (whole words of the line), each cut before
# what bash replaces (after the last '=' or ':' of the current word) and
# quoted for the line.
_billet_reply()
{
    local skip=$cur w q
    skip=${skip%"${skip##*[=:]}"}
    COMPREPLY=()
    for w in "$@"; do
        [[ $w == "$skip"* ]] || continue
        w=${w#"$skip"}
        if [[ $w =~ ^[A-Za-z0-9_.,:@%+/=-]*$ && $w != [~]* ]]; then
            q=$w
        else
            printf -v q '%q' "$w"
        fi
        COMPREPLY+=("$q")
    done
}

# Completes the value of an option of kind $1 whose value typed so far is
# $2, after the text $3 on the same word (--sort=, -S or nothing).
_billet_value()
{
    local kind=$1 val=$2 pre=$3 list head w
    local -a all out
    case $kind in
    id | ids)
        list=$("$cmd" --complete=ids -- "${paths[@]}" 2>/dev/null) ;;
    sort-keys | formats | statuses)
        list=$("$cmd" --complete="$kind" 2>/dev/null) ;;
    file | dir)
        val=$(_billet_dequote "$val")
        compopt -o filenames 2>/dev/null
        if [[ $kind == dir ]]; then
            mapfile -t all < <(compgen -d -- "$val")
        else
            mapfile -t all < <(compgen -f -- "$val")
        fi
        # readline quotes them (-o filenames): no quoting here
        local skip=$cur
        skip=${skip%"${skip##*[=:]}"}
        COMPREPLY=()
        for w in "${all[@]}"; do
            w=$pre$w
            [[ $w == "$skip"* ]] && COMPREPLY+=("${w#"$skip"}")
        done
        return ;;
    *) COMPREPLY=(); return ;;
    esac
    mapfile -t all <<<"$list"
    head=
    if [[ $kind == ids || $kind == sort-keys ]]; then
        # a comma-separated list: complete its last item, once each
        val=$(_billet_dequote "$val")
        [[ $val == *,* ]] && head=${val%,*}, val=${val##*,}
        if [[ $kind == sort-keys && $val == [-+]* ]]; then
            head+=${val:0:1} val=${val:1}
        fi
    fi
    local used=,$head
    [[ $kind == sort-keys ]] && used=${used//,[-+]/,}
    for w in "${all[@]}"; do
        [[ -n $w && $w == "$val"* && $used != *",$w,"* ]] || continue
        out+=("$pre$head$w")
    done
    _billet_reply "${out[@]}"
}

_billet()
{
    local cur prev words cword
    if declare -F _init_completion >/dev/null 2>&1; then
        _init_completion -n =: || return
    else
        _billet_init_plain
    fi
    local cmd=$1
    [[ $cmd == "~"/* ]] && cmd=$HOME${cmd#\~}

    # the options: long name -> "=" when it takes a value; short letter
    # -> long name
    local -A takes=() short=()
    local line name
    while read -r line; do
        name=${line%% *} name=${name#--}
        [[ $name == *= ]] && takes[${name%=}]== || takes[$name]=
        [[ $line == *" -"? ]] && short[${line: -1}]=${name%=}
    done < <("$cmd" --complete=options 2>/dev/null)

    # what the words are: options, their values, paths (before this
    # word and after it); want, second and after as they are at this one
    local -a paths=()
    local i w opt want= second= after=0 j c
    local -a here
    for ((i = 1; i < ${#words[@]}; i++)); do
        w=${words[i]}
        if ((i == cword)); then
            here=("$want" "$second" "$after")
        fi
        if [[ -n $want ]]; then
            # --mark and --unmark take no value before an option
            if [[ ($want == mark || $want == unmark) && $w == -?* ]]; then
                want=
            else
                second=$(_billet_second "$want") want=
                continue
            fi
        fi
        if [[ -n $second ]]; then
            second=
            [[ $w != -* ]] && continue
        fi
        if ((after)) || [[ $w != -?* ]]; then
            ((i != cword)) && paths+=("$(_billet_dequote "$w")")
        elif [[ $w == -- ]]; then
            after=1
        elif [[ $w == --* ]]; then
            opt=${w#--} opt=${opt%%=*}
            if [[ ${takes[$opt]-} != = ]]; then
                :
            elif [[ $w == *=* ]]; then
                second=$(_billet_second "$opt")
            else
                want=$opt
            fi
        else
            for ((j = 1; j < ${#w}; j++)); do
                c=${short[${w:j:1}]-}
                if [[ -n $c && ${takes[$c]-} == = ]]; then
                    ((j + 1 == ${#w})) && want=$c
                    break
                fi
            done
        fi
    done
    want=${here[0]} second=${here[1]} after=${here[2]}

    # this word
    if [[ -n $want && ! (($want == mark || $want == unmark) && $cur == -*) ]]
    then
        _billet_value "$(_billet_kind "$want")" "$cur" ""
        return
    fi
    if [[ -n $second && $cur != -* ]]; then
        _billet_value "$second" "$cur" ""
        return
    fi
    if ((!after)) && [[ $cur == --*=* ]]; then
        opt=${cur#--} opt=${opt%%=*}
        [[ ${takes[$opt]-} == = ]] &&
            _billet_value "$(_billet_kind "$opt")" "${cur#*=}" "--$opt="
        return
    fi
    if ((!after)) && [[ $cur == -[!-]* ]]; then
        # -S title, -Sti: the value of a short option in the same word
        for ((j = 1; j < ${#cur}; j++)); do
            c=${short[${cur:j:1}]-}
            if [[ -n $c && ${takes[$c]-} == = ]]; then
                _billet_value "$(_billet_kind "$c")" "${cur:j+1}" \
                    "${cur:0:j+1}"
                return
            fi
        done
    fi
    if ((!after)) && [[ $cur == -* ]]; then
        local -a opts=()
        for name in "${!takes[@]}"; do
            [[ --$name == "$cur"* ]] &&
                opts+=("--$name${takes[$name]}")
        done
        mapfile -t opts < <(printf '%s\n' "${opts[@]}" | LC_ALL=C sort)
        _billet_reply "${opts[@]}"
        [[ ${#COMPREPLY[@]} == 1 && $COMPREPLY == *= ]] &&
            compopt -o nospace 2>/dev/null
        return
    fi
    _billet_value file "$cur" ""
} &&
    complete -F _billet billet
