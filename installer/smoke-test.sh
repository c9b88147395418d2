#!/usr/bin/env bash
# Smoke test of the built app-image: its CLI launcher's doctor passes, and the window launcher starts under Xvfb.
set -euo pipefail
cd "$(dirname "$0")/.."
image=target/installer/dist/Khareetaty
data=$(mktemp -d)
xvfb=""
trap 'rm -rf "$data"; [ -n "$xvfb" ] && kill "$xvfb" 2>/dev/null || true' EXIT

"$image/bin/khareetaty-cli" --data-dir "$data/cli" doctor --json | tee "$data/doctor.json"
grep -q '"healthy" : true' "$data/doctor.json"

Xvfb :97 -screen 0 1280x800x24 >/dev/null 2>&1 & xvfb=$!
sleep 1
DISPLAY=:97 "$image/bin/Khareetaty" --data-dir "$data/window" > "$data/window.log" 2>&1 & app=$!
# The window is up once the app has locked its data folder; it must still be running 20 s later.
for _ in $(seq 1 120); do
  [ -f "$data/window/khareetaty.lock" ] && break
  sleep 1
done
sleep 20
if ! kill -0 "$app" 2>/dev/null; then
  echo "The app-image window launcher exited:"; cat "$data/window.log"; exit 1
fi
kill "$app"
echo "app-image smoke test passed"
