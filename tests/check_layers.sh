#!/usr/bin/env bash
# Checks that each layer of bot/ includes only what it may (docs/architecture.md):
#   core       core/, rubric/                 the domain: no transport, no database
#   authoring  authoring/, rubric/            author tools on the scorer alone
#   store      core/, store/, rubric/         databases; no transport
#   http       core/, http/, rubric/          the web transport; not Slack, not a database
#   slack      core/, slack/, rubric/         the Slack transport; not HTTP's server, not a database
#   cli        anything                       the one place concrete stores and transports meet
# and no system header of a transport or database where it does not belong (httplib.h, SQLiteCpp,
# sqlite3.h, libpq-fe.h, OpenSSL). The links of the CMake targets enforce most of this too, but a header-only
# include (httplib.h, a layer's inline code) would slip through them.
# Usage: tests/check_layers.sh [REPO_ROOT]     prints each violation, exits 1 when there is one
#        tests/check_layers.sh --self-test     checks that the checker catches a planted violation
set -euo pipefail

allowed_quoted() {
  case $1 in
    core) echo "core/ rubric/" ;;
    authoring) echo "authoring/ rubric/" ;;
    store) echo "core/ store/ rubric/" ;;
    http) echo "core/ http/ rubric/" ;;
    slack) echo "core/ slack/ rubric/" ;;
    cli) echo "*" ;;
    *) echo "" ;;
  esac
}

# Extended regex of the system headers a layer must not include.
forbidden_system() {
  case $1 in
    core | authoring) echo '^(httplib\.h|SQLiteCpp/|sqlite3\.h|libpq-fe\.h|openssl/)' ;;
    store) echo '^(httplib\.h|openssl/)' ;;
    http | slack) echo '^(SQLiteCpp/|sqlite3\.h|libpq-fe\.h)' ;;
    *) echo '^$' ;;
  esac
}

check() {
  local root=$1 violations=0 dir layer file line header
  for dir in "$root"/bot/*/; do
    layer=$(basename "$dir")
    local allowed
    allowed=$(allowed_quoted "$layer")
    if [ -z "$allowed" ]; then
      echo "bot/$layer/: a folder no rule covers; add it to tests/check_layers.sh"
      violations=$((violations + 1))
      continue
    fi
    for file in "$dir"*.h "$dir"*.cc; do
      [ -e "$file" ] || continue
      while IFS= read -r line; do
        local number=${line%%:*}
        local text=${line#*:}
        if [[ $text =~ \#[[:space:]]*include[[:space:]]*\"([^\"]+)\" ]]; then
          header=${BASH_REMATCH[1]}
          [ "$allowed" = "*" ] && continue
          local ok=0 prefix
          for prefix in $allowed; do
            [[ $header == "$prefix"* ]] && ok=1
          done
          if [ $ok = 0 ]; then
            echo "bot/$layer/$(basename "$file"):$number: includes \"$header\"; $layer may include only $allowed"
            violations=$((violations + 1))
          fi
        elif [[ $text =~ \#[[:space:]]*include[[:space:]]*\<([^\>]+)\> ]]; then
          header=${BASH_REMATCH[1]}
          if [[ $header =~ $(forbidden_system "$layer") ]]; then
            echo "bot/$layer/$(basename "$file"):$number: includes <$header>, which $layer must not use"
            violations=$((violations + 1))
          fi
        fi
      done < <(grep -n '^[[:space:]]*#[[:space:]]*include' "$file" || true)
    done
  done
  if [ $violations -gt 0 ]; then
    echo "check_layers: $violations include(s) break the layers (docs/architecture.md)"
    return 1
  fi
  echo "check_layers: every layer includes only what it may"
}

self_test() {
  local tmp
  tmp=$(mktemp -d)
  trap 'rm -rf "$tmp"' RETURN
  mkdir -p "$tmp/bot/core" "$tmp/bot/http" "$tmp/bot/slack" "$tmp/bot/cli"
  printf '#include <string>\n#include "core/session.h"\n#include "rubric/result.h"\n' >"$tmp/bot/core/ok.h"
  printf '#include "core/session.h"\n#include "http/http_server.h"\n#include <SQLiteCpp/SQLiteCpp.h>\n' >"$tmp/bot/cli/ok.cc"
  if ! check "$tmp" >/dev/null; then
    echo "check_layers self-test: a clean tree was refused"
    return 1
  fi
  printf '#include "core/session.h"\n  #  include "http/responses.h"\n#include <httplib.h>\n' >"$tmp/bot/core/bad.cc"
  printf '#include "slack/slack_routes.h"\n#include <sqlite3.h>\n' >"$tmp/bot/http/bad.h"
  printf '#include "store/sqlite_store.h"\n' >"$tmp/bot/slack/bad.cc"
  local out
  out=$(check "$tmp") && { echo "check_layers self-test: planted violations were accepted"; return 1; }
  local expected
  expected='bot/core/bad.cc:2: includes "http/responses.h"; core may include only core/ rubric/
bot/core/bad.cc:3: includes <httplib.h>, which core must not use
bot/http/bad.h:1: includes "slack/slack_routes.h"; http may include only core/ http/ rubric/
bot/http/bad.h:2: includes <sqlite3.h>, which http must not use
bot/slack/bad.cc:1: includes "store/sqlite_store.h"; slack may include only core/ slack/ rubric/
check_layers: 5 include(s) break the layers (docs/architecture.md)'
  if [ "$out" != "$expected" ]; then
    printf 'check_layers self-test: expected\n%s\ngot\n%s\n' "$expected" "$out"
    return 1
  fi
  echo "check_layers self-test: the planted violations were each reported"
}

if [ "${1:-}" = "--self-test" ]; then
  self_test
else
  check "${1:-$(cd "$(dirname "$0")/.." && pwd)}"
fi
