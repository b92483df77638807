#!/bin/sh
# Builds and runs the libFuzzer targets: Tests/Fuzz/run.sh TARGET [RUNS|build]
#   Tests/Fuzz/run.sh http 1000000        one target, one million inputs
#   Tests/Fuzz/run.sh all 1000000         every target in turn; stops at the first crash
#   Tests/Fuzz/run.sh all build           compile every target, run none (CI does this)
# Targets: http (request parser), forms (form-urlencoded, cookies, multipart, Set-Cookie),
# markdown, gift, app (the whole application's dispatch, every route and role; its modules
# are compiled one by one first, see below). FUZZ_SANITIZE=fuzzer drops AddressSanitizer
# (about twice the speed; Swift's own checks still trap). A target is a folder Tests/Fuzz/TARGET/ with Swift files holding an
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
  for t in http forms markdown gift app; do
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
sanitize=${FUZZ_SANITIZE:-fuzzer,address}
flags="-O -sanitize=$sanitize -parse-as-library -I Sources/CSQLite -I Sources/CZlib"
libs=""
case $target in
  http)
    sources="$h/HTTPSyntax.swift $h/HTTPHeaders.swift $h/HTTPRequest.swift
      $h/RequestHead.swift $h/RequestParser.swift $h/RequestParser+Lines.swift
      $h/FormDecoding.swift $h/HTTPRequest+Form.swift $h/HTTPRequest+Query.swift
      $h/HTTPRequest+Cookies.swift"
    ;;
  forms)
    # The whole module: a response can now carry a stream (threads, zlib), and a hand-picked
    # file list stopped compiling when it did.
    sources=$(ls $h/*.swift)
    libs="-lz"
    ;;
  app)
    # Too many modules to build as one (their names would clash): each is compiled on its
    # own, in dependency order, with the same instrumentation, then linked with the entry
    # and the route fuzzer's HTML check.
    mods="$out/modules"
    mkdir -p "$mods"
    cd "$root"
    stale=""
    for m in Crypto PDF HTTPServer Markdown GIFT Catalog Storage Academy Web; do
      files=$(find Sources/"$m" -name '*.swift' | sort)
      # Kept from the last build unless a source (or a module below it) changed.
      if [ -z "$stale" ] && [ -f "$mods/$m.o" ] &&
        [ -z "$(find Sources/"$m" -name '*.swift' -newer "$mods/$m.o")" ]; then
        continue
      fi
      stale=yes
      echo "== building module $m"
      # shellcheck disable=SC2086
      swiftc $flags -swift-version 6 -wmo -module-name "$m" -emit-module \
        -emit-module-path "$mods/$m.swiftmodule" -I "$mods" -c $files -o "$mods/$m.o"
    done
    sources="-I $mods $mods/Crypto.o $mods/PDF.o $mods/HTTPServer.o $mods/Markdown.o $mods/GIFT.o
      $mods/Catalog.o $mods/Storage.o $mods/Academy.o $mods/Web.o
      Tests/WebTests/Support/HTMLCheck.swift"
    libs="-lsqlite3 -lz"
    max_len=4096
    ;;
  markdown) sources=$(ls Sources/Markdown/*.swift 2>/dev/null || true) ;;
  gift)
    sources=$(ls Sources/GIFT/*.swift 2>/dev/null || true)
    max_len=4096
    ;;
  *)
    echo "run.sh: unknown target '$target' (http, forms, markdown, gift, app, all)" >&2
    exit 2
    ;;
esac
cd "$root"
if ! ls Tests/Fuzz/"$target"/*.swift >/dev/null 2>&1; then
  echo "run.sh: Tests/Fuzz/$target has no fuzz entry yet" >&2
  exit 2
fi

mkdir -p "$out/corpus"
echo "== building fuzz-$target (-sanitize=$sanitize)"
# shellcheck disable=SC2086  # the source list is meant to split into words
swiftc $flags -module-name Fuzz$target \
  $sources Tests/Fuzz/"$target"/*.swift $libs -o "$out/fuzz-$target"
if [ "$runs" = build ]; then
  echo "== fuzz-$target built: $out/fuzz-$target"
  exit 0
fi
seeds=""
for d in corpus seeds; do
  if [ -d "Tests/Fuzz/$target/$d" ]; then seeds="$seeds Tests/Fuzz/$target/$d"; fi
done
dict=""
for f in Tests/Fuzz/"$target"/*.dict; do
  if [ -f "$f" ]; then dict="-dict=$f"; fi
done
echo "== running fuzz-$target for $runs inputs (crashes go to $out/)"
export RELAIS_ROOT="$root"  # the app target copies the curriculum from here
start=$(date +%s)
# Swift's own backtracer can take minutes on a sanitized binary; libFuzzer reports enough.
export SWIFT_BACKTRACE=enable=no
# shellcheck disable=SC2086
"$out/fuzz-$target" -runs="$runs" -max_len=$max_len -timeout=10 -rss_limit_mb=2048 \
  -print_final_stats=1 -artifact_prefix="$out/" $dict "$out/corpus" $seeds
echo "== fuzz-$target: $runs inputs, no crash, $(($(date +%s) - start)) s"
