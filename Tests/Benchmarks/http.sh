#!/usr/bin/env bash
# HTTP throughput of a running Relais server, with wrk (apt-get install wrk).
#
# usage: Tests/Benchmarks/http.sh ['SERVER COMMAND with {port}'] [PATH]
#
# Defaults: the release build of `relais serve` on an empty data directory, and a ~12 KB
# lesson page (see below). For each of 16 and 256 connections (then 1,000, to show they are all held)
# the shared harness starts the server afresh, warms up, runs wrk for 10 s and prints
#
#   relais conns=C rps=X p50=Yms p99=Zms rss_mb=R
#
# To set these beside Hummingbird 2 and FlyingFox in the same run, use
#   ../shared/conformance/http/compare.sh 'COMMAND' relais   (with THIRD_PATH=PATH)
# Knobs: CONNS, DURATION, WARMUP, THREADS (passed through), HOLD_CONNS=1000 (0 skips).
set -eu -o pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
# The real lessons render to 7-8 KB; the bar is set on a ~12 KB page (the peers serve
# 12,288 bytes). By default the server gets a copy of the curriculum in which the first
# fact-checking lesson also carries the second one's text (12.4 KB); PAGE=real serves the
# curriculum as it is.
curriculum="$root/Curriculum"
if [ "${PAGE:-12k}" != real ] && [ $# -eq 0 ]; then
  curriculum=$(mktemp -d)
  cp -r "$root/Curriculum/." "$curriculum/"
  awk 'BEGIN { n = 0 } /^---$/ { n++; next } n >= 2' \
    "$root/Curriculum/fact-checking/02-lateral-reading.md" | sed 's/^## /## Also: /' \
    >>"$curriculum/fact-checking/01-why-verify.md"
fi
cmd=${1:-".build/release/relais serve --port {port} --data $(mktemp -d) --curriculum $curriculum"}
path=${2:-/modules/fact-checking/01-why-verify}

bench=""
for dir in "${CONFORMANCE:-}" "$root/../shared/conformance" /work/shared/conformance; do
  if [ -n "$dir" ] && [ -x "$dir/http/bench.sh" ]; then
    bench="$dir/http/bench.sh"
    break
  fi
done
if [ -z "$bench" ]; then
  echo "http.sh: shared/conformance/http/bench.sh not found; set CONFORMANCE=DIR" >&2
  exit 2
fi

cd "$root"
CONNS=${CONNS:-"16 256"} "$bench" relais "$cmd" "$path"
hold=${HOLD_CONNS:-1000}
if [ "$hold" != 0 ]; then
  CONNS=$hold DURATION=${HOLD_DURATION:-5s} WARMUP=0 "$bench" relais "$cmd" "$path"
fi
