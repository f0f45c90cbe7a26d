#!/bin/sh
# The install tree works on its own: `cmake --install` into a temporary prefix, moved elsewhere,
# then the binary run from a directory without content/ finds the installed seed bank.
set -eu
build=$1
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cmake --install "$build" --prefix "$work/prefix" >/dev/null
mv "$work/prefix" "$work/moved"
cd "$work"
out=$("$work/moved/bin/interview-bot" check-content)
echo "$out"
case "$out" in
  "OK: $work/moved/share/interview-bot/content/seed: 15 questions"*) ;;
  *) echo "install_test: the moved binary did not find its installed bank"; exit 1 ;;
esac
