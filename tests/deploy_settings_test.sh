#!/usr/bin/env bash
# deploy/compose.yml runs the replicas behind nginx (nginx/replicas.conf), so every connection a
# replica sees comes from nginx's one address: its per-address cap must admit as many connections
# as it has workers, and at least nginx's idle upstream connections, or nginx's requests meet
# `429 too_many_connections` (README: behind a proxy, set it to WORKER_THREADS).
# Usage: deploy_settings_test.sh REPO
set -euo pipefail
root=${1:?usage: deploy_settings_test.sh REPO}
compose=$root/deploy/compose.yml
setting() { sed -n "s/^ *$1: *\"\{0,1\}\([0-9][0-9]*\)\"\{0,1\} *\$/\1/p" "$compose" | head -1; }
threads=$(setting WORKER_THREADS)
cap=$(setting CONNECTIONS_PER_ADDRESS)
[ -n "$threads" ] || { echo "deploy/compose.yml: WORKER_THREADS is not set to a number"; exit 1; }
if [ -z "$cap" ] || [ "$cap" -lt "$threads" ]; then
  echo "deploy/compose.yml: CONNECTIONS_PER_ADDRESS is ${cap:-not set, so WORKER_THREADS/4};" \
       "behind nginx it must be at least WORKER_THREADS ($threads)"
  exit 1
fi
keepalive=$(sed -n 's/^ *keepalive \([0-9][0-9]*\);.*/\1/p' "$root/deploy/nginx/replicas.conf" | head -1)
if [ -z "$keepalive" ] || [ "$keepalive" -gt "$cap" ]; then
  echo "deploy/nginx/replicas.conf: keepalive ${keepalive:-not set} must be at most CONNECTIONS_PER_ADDRESS ($cap)"
  exit 1
fi
echo "deploy settings: WORKER_THREADS $threads, CONNECTIONS_PER_ADDRESS $cap, nginx keepalive $keepalive"
