#!/bin/sh
# Builds and runs the libFuzzer targets: Tests/Fuzz/run.sh TARGET [RUNS]
#   Tests/Fuzz/run.sh http 1000000        one target, one million inputs
#   Tests/Fuzz/run.sh all 1000000         every target in turn; stops at the first crash
# Targets: http (request parser), forms (form-urlencoded, cookies, multipart, Set-Cookie),
# markdown, gift. A target is a folder Tests/Fuzz/TARGET/ with Swift files holding an
# LLVMFuzzerTestOneInput entry, optional seeds in corpus/ or seeds/ and an optional *.dict,
# plus one case below naming the module sources it is compiled with (no SwiftPM: the
# sources are built straight into the fuzzer with -sanitize=fuzzer,address).
# Output goes to $FUZZ_OUT (default /tmp/relais-fuzz-TARGET): the binary, the growing
# corpus, and crash-*/timeout-*/oom-* inputs. Replay one with: $FUZZ_OUT/fuzz-TARGET FILE.
# Turn each crash into a regression test in the module's tests, then fix.
set -eu
target=${1:?usage: run.sh TARGET|all [RUNS]}
runs=${2:-100000}
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)

if [ "$target" = all ]; then
  for t in http forms markdown gift; do
    if [ -d "$here/$t" ]; then
      FUZZ_OUT= "$0" "$t" "$runs"
    else
      echo "run.sh: no Tests/Fuzz/$t yet, skipped" >&2
    fi
  done
  exit 0
fi

out=${FUZZ_OUT:-${TMPDIR:-/tmp}/relais-fuzz-$target}
max_len=2048
h=Sources/HTTPServer
case $target in
  http)
    sources="$h/HTTPSyntax.swift $h/HTTPHeaders.swift $h/HTTPRequest.swift
      $h/RequestHead.swift $h/RequestParser.swift $h/RequestParser+Lines.swift
      $h/FormDecoding.swift $h/HTTPRequest+Form.swift $h/HTTPRequest+Query.swift
      $h/HTTPRequest+Cookies.swift"
    ;;
  forms)
    sources="$h/HTTPSyntax.swift $h/HTTPHeaders.swift $h/HTTPRequest.swift
      $h/RequestParser+Lines.swift $h/FormDecoding.swift $h/HTTPRequest+Form.swift
      $h/HTTPRequest+Query.swift $h/HTTPRequest+Cookies.swift $h/SetCookie.swift
      $h/ResponseSerializer.swift $h/HTTPResponse.swift $h/RequestHead.swift $h/RequestParser.swift"
    ;;
  markdown) sources=$(ls Sources/Markdown/*.swift 2>/dev/null || true) ;;
  gift)
    sources=$(ls Sources/GIFT/*.swift 2>/dev/null || true)
    max_len=4096
    ;;
  *)
    echo "run.sh: unknown target '$target' (http, forms, markdown, gift, all)" >&2
    exit 2
    ;;
esac
cd "$root"
if ! ls Tests/Fuzz/"$target"/*.swift >/dev/null 2>&1; then
  echo "run.sh: Tests/Fuzz/$target has no fuzz entry yet" >&2
  exit 2
fi

mkdir -p "$out/corpus"
# FUZZ_SANITIZE=fuzzer drops AddressSanitizer: 3-4 times the inputs per second for long
# runs of targets whose sources hold no unsafe pointers (GIFT, Markdown); Swift's own
# bounds, overflow and precondition checks still stop the run.
sanitize=${FUZZ_SANITIZE:-fuzzer,address}
echo "== building fuzz-$target (-sanitize=$sanitize)"
# Build from a copy, so edits made during the slow build cannot mix two versions.
rm -rf "$out/src" && mkdir -p "$out/src"
# shellcheck disable=SC2086  # the source list is meant to split into words
cp $sources Tests/Fuzz/"$target"/*.swift "$out/src/"
swiftc -O -sanitize="$sanitize" -parse-as-library -module-name Fuzz$target \
  "$out"/src/*.swift -o "$out/fuzz-$target"
seeds=""
for d in corpus seeds; do
  if [ -d "Tests/Fuzz/$target/$d" ]; then seeds="$seeds Tests/Fuzz/$target/$d"; fi
done
dict=""
for f in Tests/Fuzz/"$target"/*.dict; do
  if [ -f "$f" ]; then dict="-dict=$f"; fi
done
echo "== running fuzz-$target for $runs inputs (crashes go to $out/)"
start=$(date +%s)
# Swift's own backtracer can take minutes on a sanitized binary; libFuzzer reports enough.
export SWIFT_BACKTRACE=enable=no
# shellcheck disable=SC2086
"$out/fuzz-$target" -runs="$runs" -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$out/" $dict "$out/corpus" $seeds
echo "== fuzz-$target: $runs inputs, no crash, $(($(date +%s) - start)) s"
