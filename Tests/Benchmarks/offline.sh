#!/usr/bin/env bash
# A module downloaded over an emulated slow 3G link (2 s latency per request, 400 kbit/s
# down, in the relay of offline_module.py) on a phone-sized headless Chromium: the time a
# lesson takes to show on a first visit, the bytes on the wire and the time to download the
# whole module for offline reading. Usage:
#   Tests/Benchmarks/offline.sh [--relais PATH] [--module SLUG] [--lesson SLUG] [--latency S]
# Defaults: the debug build, fact-checking, 01-why-verify, 2 s (DevTools' "Slow 3G"; 0.4
# is the RTT of WebPageTest's "3G Slow"). Needs chromium, chromedriver and
# python3 with selenium.
set -euo pipefail
cd "$(dirname "$0")/../.."
RELAIS=.build/debug/relais
MODULE=fact-checking
LESSON=01-why-verify
LATENCY=2
while [ $# -gt 0 ]; do
  case "$1" in
    --relais) RELAIS="$2"; shift 2 ;;
    --module) MODULE="$2"; shift 2 ;;
    --lesson) LESSON="$2"; shift 2 ;;
    --latency) LATENCY="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$RELAIS" ] || { echo "build first: swift build (or pass --relais PATH)" >&2; exit 2; }
WORK=$(mktemp -d)
cleanup() {
  [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT
PORT=$(( 20000 + RANDOM % 20000 ))
"$RELAIS" serve --port "$PORT" --data "$WORK/data" --quiet --no-watch >"$WORK/log" 2>&1 &
PID=$!
for _ in $(seq 100); do grep -q "Relais is serving" "$WORK/log" && break; sleep 0.1; done
python3 Tests/Benchmarks/offline_module.py "http://127.0.0.1:$PORT" --measure \
  --module "$MODULE" --lesson "$LESSON" --latency "$LATENCY" | tail -1 | python3 -c '
import json, sys
r = json.load(sys.stdin)
print("offered:                 %s" % r.get("offered"))
print("first lesson, slow 3G:   %.1f s, %d bytes on the wire (page, CSS, script)" % (r["coldLessonSeconds"], r["coldLessonBytes"]))
print("module download, slow 3G: %.1f s, %d bytes on the wire" % (r["slow3gDownloadSeconds"], r["downloadWireBytes"]))
print("status:                  %s" % r.get("status"))'
