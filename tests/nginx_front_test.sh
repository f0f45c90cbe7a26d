#!/usr/bin/env bash
# ctest nginx_front: Debian's nginx with deploy/nginx/nginx.conf in front of the real server, both on
# loopback, and the attacks that only the front holds off (docs/reliability.md, "Protocol abuse"):
# slowloris from many addresses, header floods, ambiguous framing and slow bodies. The upstream and
# listen addresses are rewritten for the test; the header timeout is shortened to 2 s to keep it
# quick. Skipped (77) when nginx is not installed.
# Usage: tests/nginx_front_test.sh PATH/TO/interview-bot SOURCE_DIR
set -euo pipefail
binary=$1
source_dir=$2
nginx=$(command -v nginx || echo /usr/sbin/nginx)
if [ ! -x "$nginx" ]; then
  echo "not run: nginx is not installed (scripts/install-deps test installs it)"
  exit 77
fi
work=$(mktemp -d)
bot_pid=
cleanup() {
  [ -f "$work/nginx.pid" ] && kill "$(cat "$work/nginx.pid")" 2>/dev/null || true
  [ -n "$bot_pid" ] && kill "$bot_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# The bot as compose runs it behind nginx: no per-address limits of its own (it sees only nginx).
"$binary" serve --port 0 --bind 127.0.0.1 --db "$work/bot.db" --threads 32 --rate-limit 0 \
  --connections-per-address 32 --content "$source_dir/content/seed" >"$work/bot.log" 2>&1 &
bot_pid=$!
for _ in $(seq 1 300); do
  grep -qs '^Open http://' "$work/bot.log" && break
  sleep 0.1
done
bot_port=$(sed -n 's|^Open http://127.0.0.1:\([0-9]*\)/$|\1|p' "$work/bot.log")
[ -n "$bot_port" ] || { echo "the server did not start:"; cat "$work/bot.log"; exit 1; }

nginx_port=$(free_port)
sed -e "s|server interview-bot:8080;|server 127.0.0.1:$bot_port;|" \
    -e "s|listen 8080;|listen 127.0.0.1:$nginx_port;|" \
    -e "s|^pid .*|pid $work/nginx.pid;|" \
    -e "s|client_header_timeout 10s;|client_header_timeout 2s;|" \
    -e "s|client_body_timeout 10s;|client_body_timeout 2s;|" \
    "$source_dir/deploy/nginx/nginx.conf" >"$work/nginx.conf"
mkdir -p "$work/temp"
"$nginx" -t -q -p "$work/temp" -e stderr -c "$work/nginx.conf"
"$nginx" -p "$work/temp" -e stderr -c "$work/nginx.conf"
for _ in $(seq 1 50); do
  python3 -c "import socket; socket.create_connection(('127.0.0.1', $nginx_port), 1)" 2>/dev/null && break
  sleep 0.1
done

python3 "$source_dir/tests/nginx_front_attack.py" "$nginx_port" "$bot_port"
