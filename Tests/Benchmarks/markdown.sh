#!/bin/sh
# Markdown throughput: `relais markdown` next to `cmark` (apt-get install cmark) on the same
# ~2 MB mixed corpus, best of 5 runs each, then timings of pathological inputs.
#   Tests/Benchmarks/markdown.sh [path/to/relais]
# Without an argument it builds the release binary (scratch path .build-bench).
set -eu
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
RELAIS=${1:-}
if [ -z "$RELAIS" ]; then
  (cd "$ROOT" && swift build -c release --scratch-path .build-bench --product relais >/dev/null)
  RELAIS="$ROOT/.build-bench/release/relais"
fi
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

python3 - "$WORK" <<'PY'
import random, sys
work = sys.argv[1]
rnd = random.Random(4)
words = ("refugee verify source claim photo reverse search lateral reading context "
         "humanitarian volunteer community trust rumour check date place origin").split()
def sentence():
    out = []
    for _ in range(rnd.randint(6, 18)):
        w = rnd.choice(words)
        r = rnd.random()
        if r < 0.05: w = "*" + w + "*"
        elif r < 0.08: w = "**" + w + "**"
        elif r < 0.10: w = "`" + w + "()`"
        elif r < 0.12: w = "[" + w + "](https://example.org/" + w + ")"
        elif r < 0.13: w = "[" + w + "][ref]"
        elif r < 0.14: w = "&copy;"
        elif r < 0.15: w = "<https://unhcr.org/" + w + ">"
        elif r < 0.16: w = "<span>" + w + "</span>"
        elif r < 0.17: w = "\\*" + w
        out.append(w)
    return " ".join(out).capitalize() + "."
parts = ["[ref]: https://example.org/ref \"Reference\"\n"]
size = 0
while size < 2_000_000:
    r = rnd.random()
    if r < 0.10: b = "#" * rnd.randint(1, 4) + " " + sentence()
    elif r < 0.15: b = sentence() + "\n" + "=" * 10
    elif r < 0.45: b = "\n".join(sentence() for _ in range(rnd.randint(1, 4)))
    elif r < 0.60: b = "\n".join(rnd.choice("-*") + " " + sentence() for _ in range(rnd.randint(2, 6)))
    elif r < 0.68: b = "\n".join(f"{i+1}. " + sentence() + "\n\n   " + sentence() for i in range(3))
    elif r < 0.75: b = "\n".join("> " + sentence() for _ in range(3))
    elif r < 0.82: b = "```python\n" + "\n".join("x = %d  # <tag> & more" % i for i in range(5)) + "\n```"
    elif r < 0.86: b = "\n".join("    code line %d" % i for i in range(4))
    elif r < 0.90: b = "<div class=\"note\">\n" + sentence() + "\n</div>"
    elif r < 0.93: b = "---"
    else: b = "| a | b |\n|---|---|\n| " + sentence() + " | x |"
    parts.append(b + "\n")
    size += len(b) + 2
open(work + "/corpus.md", "w").write("\n".join(parts))
PY

best() {  # best wall time of 5 runs, in seconds
  b=""
  for _ in 1 2 3 4 5; do
    s=$(date +%s.%N); "$@" < "$WORK/corpus.md" > /dev/null; e=$(date +%s.%N)
    t=$(echo "$e - $s" | bc -l)
    if [ -z "$b" ] || [ "$(echo "$t < $b" | bc -l)" = 1 ]; then b=$t; fi
  done
  echo "$b"
}
BYTES=$(wc -c < "$WORK/corpus.md")
R=$(best "$RELAIS" markdown)
printf 'corpus: %s bytes\n' "$BYTES"
printf 'relais markdown: %6.2f MB/s\n' "$(echo "$BYTES / $R / 1000000" | bc -l)"
if command -v cmark >/dev/null; then
  C=$(best cmark --unsafe)
  printf 'cmark --unsafe:  %6.2f MB/s\n' "$(echo "$BYTES / $C / 1000000" | bc -l)"
  printf 'ratio relais/cmark: %.2f\n' "$(echo "$C / $R" | bc -l)"
else
  echo "cmark not installed (apt-get install cmark)"
fi

echo "pathological inputs (seconds):"
for gen in "'['*50000" "'*'*50000+'a'+'*'*50000" "'>'*50000+' a'" "'- '*50000+'a'" \
  "'x'+'\`'*100000" "'[x]('*30000" "'_a *b '*30000" "'a <!-- '*30000"; do
  python3 -c "import sys; sys.stdout.write($gen)" > "$WORK/p.md"
  s=$(date +%s.%N); "$RELAIS" markdown < "$WORK/p.md" > /dev/null; e=$(date +%s.%N)
  printf '  %-28s %.3f\n' "$gen" "$(echo "$e - $s" | bc -l)"
done
