#!/bin/sh
# Fuzzes the Markdown module with libFuzzer + AddressSanitizer.
#   Tests/Fuzz/markdown/run.sh [RUNS] [libFuzzer flags...]      (RUNS defaults to 1000000)
# e.g. `run.sh 200000 -len_control=0` to try long inputs from the start.
# Builds the module's sources together with FuzzMarkdown.swift (no SwiftPM involved), then
# runs from the seeds. Crash inputs land in $OUT/crash-*; turn them into regression tests.
set -eu
RUNS=${1:-1000000}
[ $# -gt 0 ] && shift
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
OUT=${OUT:-${TMPDIR:-/tmp}/relais-fuzz-markdown}
mkdir -p "$OUT/corpus"
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name MarkdownFuzz \
  "$ROOT"/Sources/Markdown/*.swift "$HERE/FuzzMarkdown.swift" -o "$OUT/fuzz-markdown"
cd "$OUT"
./fuzz-markdown -runs="$RUNS" -max_len=2048 -timeout=10 -rss_limit_mb=2048 \
  -artifact_prefix="$OUT/" -print_final_stats=1 "$@" "$OUT/corpus" "$HERE/seeds"
