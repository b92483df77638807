#!/bin/sh
# Builds and runs one libFuzzer target: Tests/Fuzz/run.sh TARGET [RUNS]
#   Tests/Fuzz/run.sh http 1000000
# A target is a folder Tests/Fuzz/TARGET/ holding Swift files with an LLVMFuzzerTestOneInput
# entry and an optional corpus/ of seeds, plus one case below naming the sources it needs.
# Crashes are written to $OUT/crash-*; turn each into a regression test.
set -eu
target=${1:?usage: run.sh TARGET [RUNS]}
runs=${2:-100000}
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${FUZZ_OUT:-/tmp/relais-fuzz-$target}

case $target in
  http)
    dir=Sources/HTTPServer
    sources="$dir/HTTPSyntax.swift $dir/HTTPHeaders.swift $dir/HTTPRequest.swift
      $dir/RequestHead.swift $dir/RequestParser.swift $dir/RequestParser+Lines.swift
      $dir/FormDecoding.swift $dir/HTTPRequest+Form.swift $dir/HTTPRequest+Query.swift
      $dir/HTTPRequest+Cookies.swift"
    ;;
  # markdown) sources="Sources/Markdown/*.swift" ;;
  *)
    echo "run.sh: unknown target '$target'" >&2
    exit 2
    ;;
esac

mkdir -p "$out/corpus"
cd "$root"
# shellcheck disable=SC2086  # the source list is meant to split into words
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name Fuzz$target \
  $sources Tests/Fuzz/"$target"/*.swift -o "$out/fuzz-$target"
seeds=""
if [ -d "Tests/Fuzz/$target/corpus" ]; then seeds="Tests/Fuzz/$target/corpus"; fi
# shellcheck disable=SC2086
"$out/fuzz-$target" -runs="$runs" -max_len=2048 -timeout=10 -print_final_stats=1 \
  -artifact_prefix="$out/" "$out/corpus" $seeds
