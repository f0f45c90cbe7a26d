# Sourced by run and fairness: start_server BUILD_DIR WORK_DIR ARGS... starts interview-bot on a
# free port of 127.0.0.1 (serve --port 0) and sets server_pid and server_port from its
# "Open http://host:PORT/" line.
start_server() {
  local build=$1 work=$2
  shift 2
  "$build/interview-bot" serve --port 0 --bind 0.0.0.0 --db "$work/load.db" \
    --content "$(dirname "${BASH_SOURCE[0]}")/../../content/seed" "$@" >"$work/server.log" 2>&1 &
  server_pid=$!
  server_port=
  for _ in $(seq 300); do
    server_port=$(sed -n 's|^Open http://[^:]*:\([0-9]*\)/$|\1|p' "$work/server.log" 2>/dev/null || true)
    [ -n "$server_port" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "interview-bot did not start:"; cat "$work/server.log"; return 1
}
