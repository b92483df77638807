#!/usr/bin/env bash
# Times the manager's dashboard, the completion matrix and the CSV export over HTTP on a
# database of synthetic data (default 10,000 learners, 100,000 attempts).
# Server time is the time to first byte on loopback (the body is built before the first
# byte is sent); the bar is 200 ms each. Usage:
#   Tests/Benchmarks/dashboard.sh [--relais PATH] [--learners N] [--attempts N] [--runs N] [--data DIR]
# A --data directory that already holds a database is reused (no new demo data).
set -euo pipefail
cd "$(dirname "$0")/../.."
RELAIS=.build/release/relais
LEARNERS=10000
ATTEMPTS=100000
RUNS=7
DATA=""
while [ $# -gt 0 ]; do
  case "$1" in
    --relais) RELAIS="$2"; shift 2 ;;
    --learners) LEARNERS="$2"; shift 2 ;;
    --attempts) ATTEMPTS="$2"; shift 2 ;;
    --runs) RUNS="$2"; shift 2 ;;
    --data) DATA="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$RELAIS" ] || { echo "build first: swift build -c release (or pass --relais PATH)" >&2; exit 2; }
OWN_DATA=0
if [ -z "$DATA" ]; then DATA=$(mktemp -d); OWN_DATA=1; fi
LOG=$(mktemp)
JAR=$(mktemp)
cleanup() {
  [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null || true
  rm -f "$LOG" "$JAR"
  [ "$OWN_DATA" = 1 ] && rm -rf "$DATA"
}
trap cleanup EXIT

if [ ! -f "$DATA/relais.sqlite" ]; then
  echo "generating $LEARNERS learners, $ATTEMPTS attempts…"
  "$RELAIS" demo-data --learners "$LEARNERS" --attempts "$ATTEMPTS" --data "$DATA" | head -1
fi
PORT=$(( 20000 + RANDOM % 20000 ))
"$RELAIS" serve --port "$PORT" --data "$DATA" >"$LOG" 2>&1 &
PID=$!
for _ in $(seq 50); do grep -q "Relais is serving" "$LOG" && break; sleep 0.2; done
BASE="http://127.0.0.1:$PORT"

# Sign in as the admin (who sees every learner: the heaviest dashboard) with a fresh link.
LINK=$("$RELAIS" admin-link --data "$DATA" --port "$PORT" | sed 's|.*/signin/link/||')
curl -s -c "$JAR" -b "$JAR" "$BASE/signin/link/$LINK" >/dev/null
CSRF=$(awk '$6=="relais_csrf"{print $7}' "$JAR")
curl -s -c "$JAR" -b "$JAR" -H "Origin: $BASE" --data "csrf=$CSRF" "$BASE/signin/link/$LINK" -o /dev/null

measure() {
  local name="$1" path="$2"
  local times=()
  for _ in $(seq "$RUNS"); do
    local out
    out=$(curl -s -b "$JAR" -o /dev/null -w '%{http_code} %{time_starttransfer}' "$BASE$path")
    [ "${out%% *}" = 200 ] || { echo "$name: HTTP ${out%% *}" >&2; exit 1; }
    times+=("$(echo "${out#* } * 1000" | bc -l)")
  done
  local sorted median best
  sorted=$(printf '%s\n' "${times[@]}" | sort -n)
  median=$(echo "$sorted" | sed -n "$(( (RUNS + 1) / 2 ))p")
  best=$(echo "$sorted" | head -1)
  printf '%-22s median %7.1f ms   best %7.1f ms   %s\n' "$name" "$median" "$best" \
    "$(echo "$median <= 200" | bc -l | grep -q 1 && echo ok || echo 'OVER 200 ms')"
}

echo "server time over $RUNS runs ($(sqlite3 "$DATA/relais.sqlite" "SELECT COUNT(*) FROM users WHERE role='learner'") learners, $(sqlite3 "$DATA/relais.sqlite" "SELECT COUNT(*) FROM attempts") attempts):"
measure "dashboard /manage" "/manage"
measure "matrix (sorted)" "/manage/matrix?sort=fact-checking&dir=asc&page=3"
measure "progress.csv" "/manage/export/progress.csv"
measure "attempts.csv" "/manage/export/attempts.csv"
