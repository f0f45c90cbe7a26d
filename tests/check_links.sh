#!/usr/bin/env bash
# The domain links without a transport or a database: none of the given binaries (the domain's test
# binary, the Mohler bench on the authoring tools) needs cpp-httplib, SQLite or OpenSSL at run time.
# Debian links with --as-needed, so a library appears only when a symbol of it is used.
# Usage: tests/check_links.sh BINARY...
set -euo pipefail
status=0
for binary in "$@"; do
  needed=$(readelf -d "$binary" | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p')
  if [ -z "$needed" ]; then
    echo "check_links: $binary: no dynamic section read"
    status=1
  fi
  bad=$(printf '%s\n' "$needed" | grep -E '^lib(cpp-httplib|sqlite3|SQLiteCpp|pq|ssl|crypto)\.' || true)
  if [ -n "$bad" ]; then
    echo "check_links: $(basename "$binary") needs $(echo $bad): the domain must not link a transport or a database"
    status=1
  else
    echo "check_links: $(basename "$binary") needs only: $(echo $needed)"
  fi
done
exit $status
