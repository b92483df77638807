#!/usr/bin/env bash
# 2,000 quiz submissions at once against the real `relais serve`, pinned to 2 cores: shows
# that the server's threads stay bounded (offloaded handlers run on a fixed pool, past its
# queue the answer is 503 + Retry-After) and that every acknowledged submission (303) is in
# the database. Refused ones are sent again after Retry-After, as a phone would, until all
# are stored. Usage:
#   Tests/Benchmarks/submissions.sh [--relais PATH] [--learners N] [--cores LIST]
# Defaults: the release build, 2,000 learners (one connection each), cores 0,1.
# Needs python3 and sqlite3.
set -euo pipefail
cd "$(dirname "$0")/../.."
RELAIS=.build/release/relais
LEARNERS=2000
CORES=0,1
while [ $# -gt 0 ]; do
  case "$1" in
    --relais) RELAIS="$2"; shift 2 ;;
    --learners) LEARNERS="$2"; shift 2 ;;
    --cores) CORES="$2"; shift 2 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
done
[ -x "$RELAIS" ] || { echo "build first: swift build -c release (or pass --relais PATH)" >&2; exit 2; }
# Each connection is a descriptor on both sides.
ulimit -n 65536 2>/dev/null || ulimit -n "$(ulimit -Hn)"
WORK=$(mktemp -d)
cleanup() {
  [ -n "${SAMPLER:-}" ] && kill "$SAMPLER" 2>/dev/null || true
  [ -n "${PID:-}" ] && kill "$PID" 2>/dev/null && wait "$PID" 2>/dev/null || true
  rm -rf "$WORK"
}
trap cleanup EXIT

# A one-module curriculum whose pre-test can be taken any number of times.
mkdir -p "$WORK/Curriculum/drill" "$WORK/Assessments" "$WORK/data"
printf -- '---\ntitle: Drill\nsummary: Load test.\norder: 1\n---\nA drill.\n' >"$WORK/Curriculum/drill/module.md"
printf -- '---\ntitle: Start\nminutes: 1\n---\nRead this.\n' >"$WORK/Curriculum/drill/01-start.md"
printf '::d1::Water is wet.{T}\n\n::d2::The sun is cold.{F}\n' >"$WORK/Assessments/drill.gift"
printf '::p1::Water is wet.{T}\n\n::p2::The sun is cold.{F}\n' >"$WORK/Assessments/drill.pre.gift"

PORT=$(( 20000 + RANDOM % 20000 ))
TOKEN=$(head -c 24 /dev/urandom | base64 | tr '+/' '-_' | tr -d '=')
EXTRA=(--metrics-token "$TOKEN")
# An older build (to compare) has no metrics token and no supervisor.
"$RELAIS" serve --help | grep -q metrics-token || EXTRA=()
taskset -c "$CORES" "$RELAIS" serve --port "$PORT" --data "$WORK/data" --quiet --no-watch \
  --curriculum "$WORK/Curriculum" --assessments "$WORK/Assessments" \
  "${EXTRA[@]}" >"$WORK/log" 2>&1 &
PID=$!
for _ in $(seq 100); do grep -q "Relais is serving" "$WORK/log" && break; sleep 0.1; done
# The supervisor's child serves; without one, the process itself.
WORKER=$(awk '{print $1}' /proc/"$PID"/task/"$PID"/children)
WORKER=${WORKER:-$PID}

# Learners and their sessions, straight into the database (tokens stored as SHA-256 hex).
python3 - "$LEARNERS" "$WORK" <<'EOF'
import hashlib, secrets, sys, time
n, work = int(sys.argv[1]), sys.argv[2]
now = int(time.time())
with open(f"{work}/tokens", "w") as tokens, open(f"{work}/seed.sql", "w") as sql:
    sql.write("BEGIN;\n")
    for i in range(n):
        token = secrets.token_urlsafe(32)
        uid = f"bench{i:05d}"
        sql.write(f"INSERT INTO users(id, role, display_name, locale, created_at) VALUES ('{uid}', 'learner', 'Learner {i}', 'en', {now});\n")
        sql.write(f"INSERT INTO sessions(token_hash, user_id, created_at, expires_at) VALUES ('{hashlib.sha256(token.encode()).hexdigest()}', '{uid}', {now}, {now + 86400});\n")
        tokens.write(token + "\n")
    sql.write("COMMIT;\n")
EOF
sqlite3 -cmd ".timeout 5000" "$WORK/data/relais.sqlite" <"$WORK/seed.sql"

# The server's threads, every 5 ms, while the load runs (supervisor and worker).
(
  peak=0
  while true; do
    t=$(awk '/^Threads:/{print $2}' /proc/"$WORKER"/status 2>/dev/null || echo 0)
    [ "${t:-0}" -gt "$peak" ] && peak=$t && echo "$peak" >"$WORK/peak"
    sleep 0.005
  done
) &
SAMPLER=$!
THREADS_BEFORE=$(awk '/^Threads:/{print $2}' /proc/"$WORKER"/status)

python3 - "$PORT" "$WORK" <<'EOF'
import asyncio, re, sys, time
port, work = int(sys.argv[1]), sys.argv[2]
tokens = open(f"{work}/tokens").read().split()
origin = f"http://127.0.0.1:{port}"
CSRF = "b" * 43

async def exchange(request: bytes):
    r, w = await asyncio.open_connection("127.0.0.1", port, limit=1 << 20)
    w.write(request)
    await w.drain()
    data = await r.read()
    w.close()
    head, _, body = data.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split(" ")[1])
    headers = {k.lower(): v for k, v in (l.split(": ", 1) for l in lines[1:] if ": " in l)}
    return status, headers, body

def cookies(token):
    return f"Cookie: relais_session={token}; relais_csrf={CSRF}\r\n"

async def open_quiz(token, gate):
    async with gate:
        req = (f"GET /modules/drill/quiz?kind=pre HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{cookies(token)}"
               "Connection: close\r\n\r\n").encode()
        status, _, body = await exchange(req)
        m = re.search(rb'name="attempt" value="([^"]+)"', body)
        if status != 200 or not m:
            raise SystemExit(f"quiz form: {status}")
        return m.group(1).decode()

async def submit(token, attempt, start):
    body = f"attempt={attempt}&q.p1=true&q.p2=true&csrf={CSRF}".encode()
    req = (f"POST /modules/drill/quiz HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n{cookies(token)}"
           f"Origin: {origin}\r\nContent-Type: application/x-www-form-urlencoded\r\n"
           f"Content-Length: {len(body)}\r\nConnection: close\r\n\r\n").encode() + body
    r, w = await asyncio.open_connection("127.0.0.1", port)
    await start.wait()  # every connection is open before any request leaves
    t0 = time.monotonic()
    w.write(req)
    await w.drain()
    data = await r.read()
    w.close()
    head = data.partition(b"\r\n\r\n")[0].decode("latin-1")
    status = int(head.split(" ")[1]) if head else 0
    loc = re.search(r"\r\nLocation: (\S+)", head)
    retry = re.search(r"\r\nRetry-After: (\d+)", head)
    return status, loc.group(1) if loc else "", int(retry.group(1)) if retry else None, time.monotonic() - t0

async def main():
    gate = asyncio.Semaphore(64)
    attempts = await asyncio.gather(*(open_quiz(t, gate) for t in tokens))
    pending = list(zip(tokens, attempts))
    acked, rounds, t_start = [], [], time.monotonic()
    while pending:
        start = asyncio.Event()
        tasks = [asyncio.create_task(submit(t, a, start)) for t, a in pending]
        await asyncio.sleep(0.5)  # let the connections open
        start.set()
        results = await asyncio.gather(*tasks)
        again, counts, waits, retry_after = [], {}, [], 0
        for (t, a), (status, loc, retry, secs) in zip(pending, results):
            counts[status] = counts.get(status, 0) + 1
            waits.append(secs)
            if status == 303 and loc == f"/attempts/{a}":
                acked.append(a)
            elif status == 503 and retry is not None:
                again.append((t, a))
                retry_after = max(retry_after, retry)
            else:
                raise SystemExit(f"unexpected answer {status} {loc}")
        waits.sort()
        rounds.append((len(pending), counts, waits[len(waits) // 2], waits[-1]))
        pending = again
        if pending:
            await asyncio.sleep(retry_after)
    for i, (n, counts, p50, worst) in enumerate(rounds, 1):
        shown = " ".join(f"{k}:{v}" for k, v in sorted(counts.items()))
        print(f"round {i}: {n} submissions at once -> {shown}; answer p50 {p50*1000:.0f} ms, slowest {worst*1000:.0f} ms")
    print(f"all {len(acked)} acknowledged in {time.monotonic() - t_start:.1f} s")
    open(f"{work}/acked", "w").write("\n".join(acked) + "\n")

asyncio.run(main())
EOF

kill "$SAMPLER" 2>/dev/null || true
SAMPLER=""
curl -s -H "Authorization: Bearer $TOKEN" "http://127.0.0.1:$PORT/metrics" \
  | grep -E '^relais_http_offload_(threads_peak|rejected_total)' || true
echo "worker threads: $THREADS_BEFORE before, peak $(cat "$WORK/peak" 2>/dev/null || echo ?) during the burst"
kill "$PID"; wait "$PID" 2>/dev/null || true; PID=""

# Every acknowledged attempt is submitted, with both answers, exactly once.
sort -u "$WORK/acked" | awk 'NF{print "INSERT INTO acked VALUES (\x27" $1 "\x27);"}' >"$WORK/acked.sql"
sqlite3 "$WORK/data/relais.sqlite" <<EOF
CREATE TEMP TABLE acked(id TEXT PRIMARY KEY);
.read $WORK/acked.sql
SELECT 'acknowledged: ' || (SELECT COUNT(*) FROM acked)
  || ', stored and submitted: ' || (SELECT COUNT(*) FROM acked k JOIN attempts a ON a.id = k.id WHERE a.submitted_at IS NOT NULL)
  || ', with both answers: ' || (SELECT COUNT(*) FROM acked k WHERE (SELECT COUNT(*) FROM answers n WHERE n.attempt_id = k.id) = 2);
EOF
echo "load average: $(cut -d' ' -f1-3 /proc/loadavg) on $(nproc) cores"
