# Written by the runnable-walkthrough terminal server for its shells; safe to delete.
__rw_nonce=$__RW_NONCE
__rw_steps=$__RW_STEPS
unset __RW_NONCE __RW_STEPS
if [[ -r ~/.bashrc ]]; then . ~/.bashrc; fi

__rw_mark_start() {
  local __rw_status=$?
  printf '\e]133;D;%s;rw=%s%s\a' "$__rw_status" "$__rw_nonce" "${__rw_fail_line:+;line=$__rw_fail_line}"
  __rw_fail_line=
  return $__rw_status
}

# Runs last in PROMPT_COMMAND: prompts rebuilt by the user's PROMPT_COMMAND get the marks again.
__rw_mark_prompt() {
  local __rw_status=$?
  if [[ $PS1 != *"133;B;rw=$__rw_nonce"* ]]; then
    __rw_ps1=$PS1
    PS1="\[\e]133;A;rw=$__rw_nonce\a\]$PS1\[\e]133;B;rw=$__rw_nonce\a\]"
  fi
  if [[ $PS0 != *"133;C;rw=$__rw_nonce"* ]]; then
    PS0="$PS0\e]133;C;rw=$__rw_nonce\a"
  fi
  return $__rw_status
}

if (( BASH_VERSINFO[0] > 5 || (BASH_VERSINFO[0] == 5 && BASH_VERSINFO[1] >= 1) )); then
  PROMPT_COMMAND=(__rw_mark_start "${PROMPT_COMMAND[@]}" __rw_mark_prompt)
else
  PROMPT_COMMAND="__rw_mark_start;${PROMPT_COMMAND:+$PROMPT_COMMAND;}__rw_mark_prompt"
fi
HISTIGNORE="${HISTIGNORE:+$HISTIGNORE:}[ ]__rw_run *"

# Parsing the gathered lines as a function body tells a complete command from one that goes on:
# bash's "unexpected end of file", an open heredoc, or our own closing brace arriving inside an
# open compound command. In this shell, without a fork (a fork per line is slow on small VMs).
__rw_complete() {
  [[ $1 =~ (^|[^\\])(\\\\)*\\$ ]] && return 1
  local LC_ALL=C __rw_err= __rw_check="$__rw_steps/.syntax-$$"
  eval "__rw_syntax() { $1
}" 2>"$__rw_check"
  unset -f __rw_syntax
  read -r -d '' __rw_err <"$__rw_check"
  [[ $__rw_err != *"unexpected end of file"* && $__rw_err != *"unexpected EOF"* &&
    $__rw_err != *"here-document"* && $__rw_err != *"unexpected token \`}'"* ]]
}

__rw_show() {
  local __rw_p= __rw_p2=${PS2@P}
  if (( $2 )); then __rw_p=${__rw_ps1@P}; fi
  __rw_p=${__rw_p//[$'\001\002']/}
  __rw_p2=${__rw_p2//[$'\001\002']/}
  printf '%s%s\n' "$__rw_p" "${1//$'\n'/$'\n'$__rw_p2}"
}

__rw_run() {
  local __rw_file="$__rw_steps/$1.sh" __rw_i=0 __rw_n __rw_buf= __rw_start=0 __rw_shown=0 __rw_status=0
  local -a __rw_lines
  mapfile -t __rw_lines <"$__rw_file" || return 2
  # Emptied, not removed (the server removes it): no process starts before the block's own, so a
  # Ctrl-C here reaches this shell. An rm would hold the terminal for a moment, and a Ctrl-C in that
  # moment was lost and the step ran on.
  : >"$__rw_file"
  __rw_n=${#__rw_lines[@]}
  while (( __rw_i < __rw_n )); do
    __rw_buf+=${__rw_buf:+$'\n'}${__rw_lines[__rw_i]}
    __rw_i=$((__rw_i + 1))
    if [[ $__rw_buf =~ ^[[:space:]]*$ ]]; then __rw_buf=; continue; fi
    (( __rw_start == 0 )) && __rw_start=$__rw_i
    if (( __rw_i < __rw_n )) && ! __rw_complete "$__rw_buf"; then continue; fi
    __rw_show "$__rw_buf" $__rw_shown
    __rw_shown=1
    history -s -- "$__rw_buf"
    eval "$__rw_buf"
    __rw_status=$?
    if (( __rw_status != 0 )); then
      __rw_fail_line=$__rw_start
      return $__rw_status
    fi
    __rw_buf=
    __rw_start=0
  done
  return 0
}
