#!/usr/bin/env bash
# Times the manager's dashboard, the completion matrix, the CSV export and the outreach report over HTTP on a
# database of synthetic data (default 10,000 learners, 100,000 attempts).
# Server time is the CPU time the server process spends on the request (immune to other
# load on a shared machine), shown with the wall time to the first and to the last byte (exports
# stream, so their first byte comes at once); the bar is 200 ms each. Usage:
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
cleanup() {
  [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null || true
  rm -f "$LOG" "${ADMIN_JAR:-}" "${MANAGER_JAR:-}"
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

# Signs a cookie jar in through a one-time link, as a browser does.
sign_in() {
  local jar="$1" token="$2"
  curl -s -c "$jar" -b "$jar" "$BASE/signin/link/$token" >/dev/null
  local csrf
  csrf=$(awk '$6=="relais_csrf"{print $7}' "$jar")
  curl -s -c "$jar" -b "$jar" -H "Origin: $BASE" --data "csrf=$csrf" "$BASE/signin/link/$token" -o /dev/null
}
# The admin sees every learner; the demo manager is attached to every demo cohort, so the
# same learners arrive through cohort membership (the other query path).
ADMIN_JAR=$(mktemp)
sign_in "$ADMIN_JAR" "$("$RELAIS" admin-link --data "$DATA" --port "$PORT" | sed 's|.*/signin/link/||')"
MANAGER_JAR=$(mktemp)
MANAGER=$(sqlite3 "$DATA/relais.sqlite" "SELECT id FROM users WHERE role='manager' AND display_name='Demo manager' LIMIT 1")
TOKEN=$(head -c 32 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
HASH=$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)
sqlite3 "$DATA/relais.sqlite" "INSERT INTO invites(token_hash, role, user_id, created_at, expires_at) VALUES ('$HASH', 'manager', '$MANAGER', strftime('%s','now'), strftime('%s','now') + 3600)"
sign_in "$MANAGER_JAR" "$TOKEN"
JAR="$ADMIN_JAR"

# CPU time the server spent, user + system, all threads including finished ones (fields
# 14 and 15 of /proc/PID/stat, in clock ticks, converted to ms): unlike wall time it does
# not grow when other processes share the cores. Resolution: one tick (10 ms).
TICK=$(getconf CLK_TCK)
# `relais serve` supervises: the work is done by its child, the server process.
SERVER=$(awk '{print $1}' /proc/"$PID"/task/"$PID"/children)
SERVER=${SERVER:-$PID}
cpu_ms() { awk -v t="$TICK" '{printf "%d", ($14 + $15) * 1000 / t}' /proc/"$SERVER"/stat; }

measure() {
  local name="$1" path="$2"
  local totals=() firsts=() cpus=()
  for _ in $(seq "$RUNS"); do
    local out before after
    before=$(cpu_ms)
    out=$(curl -s -b "$JAR" -o /dev/null -w '%{http_code} %{time_starttransfer} %{time_total}' "$BASE$path")
    after=$(cpu_ms)
    read -r code first total <<<"$out"
    [ "$code" = 200 ] || { echo "$name: HTTP $code" >&2; exit 1; }
    firsts+=("$(echo "$first * 1000" | bc -l)")
    totals+=("$(echo "$total * 1000" | bc -l)")
    cpus+=("$((after - before))")
  done
  local mid=$(( (RUNS + 1) / 2 ))
  local first total cpu
  first=$(printf '%s\n' "${firsts[@]}" | sort -n | sed -n "${mid}p")
  total=$(printf '%s\n' "${totals[@]}" | sort -n | sed -n "${mid}p")
  cpu=$(printf '%s\n' "${cpus[@]}" | sort -n | sed -n "${mid}p")
  printf '%-22s server CPU %6.1f ms   wall: first byte %6.1f ms, last %6.1f ms   %s\n' "$name" "$cpu" \
    "$first" "$total" "$(echo "$cpu <= 200" | bc -l | grep -q 1 && echo ok || echo 'OVER 200 ms')"
}

echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
echo "medians over $RUNS runs ($(sqlite3 "$DATA/relais.sqlite" "SELECT COUNT(*) FROM users WHERE role='learner'") learners, $(sqlite3 "$DATA/relais.sqlite" "SELECT COUNT(*) FROM attempts") attempts):"
echo "as the admin:"
JAR="$ADMIN_JAR"
measure "dashboard /manage" "/manage"
measure "matrix (sorted)" "/manage/matrix?sort=fact-checking&dir=asc&page=3"
measure "progress.csv" "/manage/export/progress.csv"
measure "attempts.csv" "/manage/export/attempts.csv"
echo "as the demo manager (20 cohorts):"
JAR="$MANAGER_JAR"
measure "dashboard /manage" "/manage"
measure "matrix (sorted)" "/manage/matrix?sort=fact-checking&dir=asc&page=3"
measure "progress.csv" "/manage/export/progress.csv"
COHORT=$(sqlite3 "$DATA/relais.sqlite" "SELECT id FROM cohorts LIMIT 1")
measure "dashboard, one cohort" "/manage?cohort=$COHORT"
measure "outreach (20 cohorts)" "/manage/outreach"
measure "outreach.csv" "/manage/export/outreach.csv"
