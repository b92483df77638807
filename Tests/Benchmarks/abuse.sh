#!/usr/bin/env bash
# The shared HTTP abuse battery (45 malformed or hostile requests, slowloris included)
# against the real server: `relais serve` on an empty data directory, release build.
#   Tests/Benchmarks/abuse.sh [PATH/TO/relais]
# Relais has no echo route, so the battery runs with --no-echo against POST /signin: the
# POST bodies must be framed and refused (403, no CSRF token), and the connection must go on.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
relais=${1:-$root/.build/release/relais}
[ -x "$relais" ] || { echo "build first: swift build -c release" >&2; exit 2; }
abuse=""
for dir in "${CONFORMANCE:-}" "$root/../shared/conformance" /work/shared/conformance; do
  if [ -n "$dir" ] && [ -f "$dir/http/abuse.py" ]; then abuse="$dir/http/abuse.py"; break; fi
done
[ -n "$abuse" ] || { echo "abuse.sh: shared/conformance/http/abuse.py not found; set CONFORMANCE=DIR" >&2; exit 2; }
data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
cd "$root"
python3 "$abuse" --server "$relais serve --port {port} --data $data --quiet" --no-echo --post-path /signin
