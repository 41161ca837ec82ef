#!/usr/bin/env bash
# The toolchain this repository needs, on a machine that may have only an older Node and npm:
#   . ./setup.sh      puts Node and the pinned pnpm on this shell's PATH, installing what is missing
#   ./setup.sh        the same, then prints the PATH line for your shell profile
# - Node: kept if `node --version` meets package.json's engines; otherwise Node 24 is installed from
#   the npm registry package node-<os>-<arch>@24 into ~/.node24 (no root, nothing system-wide, no download
#   outside the registry).
# - pnpm: kept if it is the version package.json's packageManager pins; otherwise that version is installed
#   from the registry with npm, beside the Node in use (or into ~/.node24/pnpm if that Node's folder is
#   not writable).
# .ci/run sources this file too (and calls uslimato_node_bin for the lowest supported Node), so CI and a
# newcomer get the toolchain the same way. Works when sourced from bash or zsh; changes nothing else.

# The folder of this file (sourced or run, bash or zsh).
if [ -n "${ZSH_VERSION:-}" ]; then
  _usl_root="$(cd "$(dirname "${(%):-%x}")" && pwd)"
elif [ -n "${BASH_VERSION:-}" ]; then
  _usl_root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
else
  _usl_root="$(pwd)"
fi
USLIMATO_TOOLCHAIN="${USLIMATO_TOOLCHAIN:-${HOME}/.node24}"

_usl_say() { printf 'setup: %s\n' "$*" >&2; }

# `node-<os>-<arch>`, the registry package that holds this machine's Node binary.
_usl_node_package() {
  _usl_os="$(uname -s | tr '[:upper:]' '[:lower:]')"
  case "$(uname -m)" in
    x86_64 | amd64) _usl_arch=x64 ;;
    aarch64 | arm64) _usl_arch=arm64 ;;
    *) _usl_arch="$(uname -m)" ;;
  esac
  printf 'node-%s-%s' "${_usl_os}" "${_usl_arch}"
}

# package.json's engines.node, e.g. "^22.20.0 || >=24.7.0" (clauses of the form ^A.B.C or >=A.B.C).
_usl_engines() {
  sed -n 's/.*"node": *"\([^"]*\)".*/\1/p' "${_usl_root}/package.json" | head -n 1
}

# The lowest Node the packages support: the version of engines' first clause ("^22.20.0 || ..." -> 22.20.0).
uslimato_min_node() {
  _usl_engines | sed -E 's/^[^0-9]*([0-9.]+).*/\1/'
}

# Whether version $1.$2.$3 is at least $4.$5.$6.
_usl_at_least() {
  [ "$1" -gt "$4" ] || { [ "$1" -eq "$4" ] && { [ "$2" -gt "$5" ] || { [ "$2" -eq "$5" ] && [ "$3" -ge "$6" ]; }; }; }
}

# Whether `node` on PATH satisfies package.json's engines.
_usl_node_fits() {
  _usl_have="$(node --version 2>/dev/null | sed -nE 's/^v([0-9]+)\.([0-9]+)\.([0-9]+).*/\1 \2 \3/p')"
  [ -n "${_usl_have}" ] || return 1
  for _usl_clause in $(_usl_engines | sed 's/||/ /g'); do
    _usl_want="$(printf '%s' "${_usl_clause}" | sed -E 's/^[^0-9]*//' | tr '.' ' ')"
    # shellcheck disable=SC2086 # split "22 20 0" into fields on purpose
    case "${_usl_clause}" in
      ^*) set -- ${_usl_have} ${_usl_want} && [ "$1" -eq "$4" ] && _usl_at_least "$@" && return 0 ;;
      '>='*) set -- ${_usl_have} ${_usl_want} && _usl_at_least "$@" && return 0 ;;
    esac
  done
  return 1
}

# Installs Node $1 (a version or range, e.g. 24 or 22.20.0) from the registry into $2 unless it is there,
# and prints the folder that holds its `node`. Needs an npm on PATH.
uslimato_node_bin() {
  _usl_pkg="$(_usl_node_package)"
  _usl_bin="$2/node_modules/${_usl_pkg}/bin"
  if [ -x "${_usl_bin}/node" ] && "${_usl_bin}/node" --version | grep -q "^v$1"; then
    printf '%s' "${_usl_bin}"
    return 0
  fi
  if ! command -v npm >/dev/null 2>&1; then
    _usl_say "no npm on PATH to install Node $1 with; install any Node.js with npm first"
    return 1
  fi
  _usl_say "installing Node $1 from the registry package ${_usl_pkg}@$1 into $2"
  if ! npm install --prefix "$2" --no-save --no-audit --no-fund --loglevel=error "${_usl_pkg}@$1" >&2; then
    _usl_say "${_usl_pkg}@$1 could not be installed; install a Node.js that meets $(_usl_engines) by hand"
    return 1
  fi
  printf '%s' "${_usl_bin}"
}

_usl_setup() {
  if ! _usl_node_fits; then
    _usl_say "node $(node --version 2>/dev/null || echo 'not found') does not meet package.json's engines ($(_usl_engines))"
    _usl_nodebin="$(uslimato_node_bin 24 "${USLIMATO_TOOLCHAIN}")" || return 1
    PATH="${_usl_nodebin}:${PATH}"
    export PATH
  fi

  _usl_pnpm="$(sed -n 's/.*"packageManager": *"pnpm@\([^"]*\)".*/\1/p' "${_usl_root}/package.json")"
  if [ "$(pnpm --version 2>/dev/null)" != "${_usl_pnpm}" ]; then
    _usl_say "installing pnpm ${_usl_pnpm} from the registry"
    # Beside the Node in use (npm's global prefix is that Node's folder) when it is writable, else our own.
    if [ -w "$(npm prefix -g 2>/dev/null || echo /nonexistent)" ]; then
      npm install -g --no-audit --no-fund --loglevel=error "pnpm@${_usl_pnpm}" >&2 || return 1
    else
      npm install --prefix "${USLIMATO_TOOLCHAIN}/pnpm" --no-save --no-audit --no-fund --loglevel=error \
        "pnpm@${_usl_pnpm}" >&2 || return 1
      PATH="${USLIMATO_TOOLCHAIN}/pnpm/node_modules/.bin:${PATH}"
      export PATH
    fi
    hash -r 2>/dev/null || true
  fi
  _usl_say "node $(node --version), pnpm $(pnpm --version)"
}

_usl_sourced=0
if [ -n "${ZSH_EVAL_CONTEXT:-}" ]; then
  case "${ZSH_EVAL_CONTEXT}" in *:file*) _usl_sourced=1 ;; esac
elif [ -n "${BASH_VERSION:-}" ] && [ "${BASH_SOURCE[0]}" != "$0" ]; then
  _usl_sourced=1
fi

if _usl_setup; then
  if [ "${_usl_sourced}" = 0 ]; then
    _usl_path="$(dirname "$(command -v node)")"
    _usl_pnpm_dir="$(dirname "$(command -v pnpm)")"
    [ "${_usl_pnpm_dir}" = "${_usl_path}" ] || _usl_path="${_usl_pnpm_dir}:${_usl_path}"
    _usl_say "ready; to use this toolchain in your shell, source this script (. ./setup.sh) or add to your profile:"
    printf 'export PATH="%s:$PATH"\n' "${_usl_path}"
  fi
  _usl_ok=0
else
  _usl_say "the toolchain is not ready (see above)"
  _usl_ok=1
fi
unset _usl_os _usl_arch _usl_have _usl_clause _usl_want _usl_pkg _usl_bin _usl_nodebin _usl_pnpm _usl_pnpm_dir \
  _usl_path _usl_sourced
[ "${_usl_ok}" = 0 ]
