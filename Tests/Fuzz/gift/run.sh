#!/bin/sh
# Fuzz the GIFT parser with libFuzzer: ./Tests/Fuzz/gift/run.sh [RUNS] (default 1000000).
# Builds with the module's sources plus FuzzEntry.swift; the corpus starts from seeds/.
set -eu
RUNS=${1:-1000000}
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../../.." && pwd)
OUT=${FUZZ_OUT:-$ROOT/.build-fuzz-gift}
mkdir -p "$OUT/corpus"
cp "$HERE"/seeds/* "$OUT/corpus/" 2>/dev/null || true
# Build from a copy so edits during the (slow) sanitized build cannot mix versions.
rm -rf "$OUT/src" && mkdir -p "$OUT/src"
cp "$ROOT"/Sources/GIFT/*.swift "$HERE/FuzzEntry.swift" "$OUT/src/"
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name GIFTFuzz \
  "$OUT"/src/*.swift -o "$OUT/fuzz-gift"
cd "$OUT"
# Swift's own backtracer can take minutes on a sanitized binary; libFuzzer reports enough.
export SWIFT_BACKTRACE=enable=no
./fuzz-gift -runs="$RUNS" -max_len=4096 -dict="$HERE/gift.dict" \
  -artifact_prefix="$OUT/" corpus
