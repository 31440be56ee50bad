#!/usr/bin/env bash
# Recovery speed: writes ROWS rows of ROW_BYTES bytes each (default 1,000,000 x 1000: ~1 GB of
# WAL) with automatic checkpoints off, kills the server with SIGKILL, and times the restart:
# WAL replay only. Then runs CHECKPOINT, kills again and times the restart from the snapshot
# (plus an empty WAL). Reports WAL bytes, replay MB/s, and the time from launch to the first
# accepted connection.
#   bench/recovery-speed.sh [ROWS] [ROW_BYTES]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rows="${1:-1000000}"
row_bytes="${2:-1000}"
python=python3
$python -c 'import psycopg2' 2>/dev/null || python=/usr/bin/python3
work="$(mktemp -d)"
mkdir -p "$work/data" "$root/bench/results"
printf 'checkpoint_wal_size = 0\ncheckpoint_interval = 0\n' > "$work/data/amelie.conf"
port="$($python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
(cd "$root" && ./mvnw -q -B -DskipTests -DskipITs package -pl admin-cli -am >/dev/null)
out="$root/bench/results/recovery-speed-$(date -u +%Y%m%dT%H%M%SZ).txt"
pid=""
calc() { $python -c "print(round($1, 1))"; }
cleanup() { [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null; rm -rf "$work"; }
trap cleanup EXIT

# Starts the server, waits for the first accepted connection; sets pid and launch_s (seconds
# from launch to that connection).
start() {
  local log="$1" t0 t1
  t0=$(date +%s.%N)
  "$root/amelie" start --data "$work/data" --listen "127.0.0.1:$port" --compute 2 --hosts 2 >"$log" 2>&1 &
  pid=$!
  until pg_isready -q -h 127.0.0.1 -p "$port" && psql -h 127.0.0.1 -p "$port" -U amelie -d amelie -Atqc 'select 1' >/dev/null 2>&1; do
    kill -0 "$pid" 2>/dev/null || { echo "server died:"; cat "$log"; exit 1; }
    sleep 0.05
  done
  t1=$(date +%s.%N)
  launch_s=$(calc "$t1 - $t0")
}
kill9() { kill -9 "$pid"; wait "$pid" 2>/dev/null || true; pid=""; }

{
echo "recovery-speed: $rows rows x $row_bytes bytes, $(nproc) cores, $(date -u)"
start "$work/start-0.log"
load_t0=$(date +%s.%N)
$python - "$port" "$rows" "$row_bytes" <<'PY'
import io, sys, psycopg2
port, rows, row_bytes = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3])
conn = psycopg2.connect(host="127.0.0.1", port=port, user="amelie", dbname="amelie")
conn.autocommit = True
cur = conn.cursor()
cur.execute("create table recovery_rows (id int primary key, filler text not null)")
filler = "x" * (row_bytes - 20)
batch = 1000
for start in range(0, rows, batch):
    data = io.StringIO("".join(f"{i}\t{filler}\n" for i in range(start, min(rows, start + batch))))
    cur.copy_expert("copy recovery_rows from stdin", data)
PY
load_t1=$(date +%s.%N)
wal_bytes=$(du -sb "$work/data/wal" | cut -f1)
echo "loaded in $(calc "$load_t1 - $load_t0") s; WAL on disk: $wal_bytes bytes"
kill9

start "$work/start-1.log"
replay_s=$launch_s
replay_ms=$(grep -o 'recovered [0-9]* transactions after the snapshot up to LSN [0-9]* in [0-9]* ms' "$work/start-1.log" | grep -o 'in [0-9]* ms' | grep -o '[0-9]*')
count=$(psql -h 127.0.0.1 -p "$port" -U amelie -d amelie -Atqc 'select count(*) from recovery_rows')
[ "$count" = "$rows" ] || { echo "FAIL: $count rows after WAL replay, expected $rows"; exit 1; }
echo "WAL replay: $replay_ms ms for $wal_bytes bytes = $(calc "$wal_bytes / 1048576 / ($replay_ms / 1000)") MB/s; first connection after ${replay_s} s"

psql -h 127.0.0.1 -p "$port" -U amelie -d amelie -Atqc 'checkpoint'
grep 'checkpoint complete' "$work/start-1.log" | tail -1 | sed 's/.*Checkpointer - /checkpoint: /'
snapshot_bytes=$(du -sb "$work/data/snapshot" | cut -f1)
kill9
start "$work/start-2.log"
snap_s=$launch_s
snap_ms=$(grep -o 'loaded snapshot .* in [0-9]* ms' "$work/start-2.log" | grep -o 'in [0-9]* ms' | grep -o '[0-9]*')
count=$(psql -h 127.0.0.1 -p "$port" -U amelie -d amelie -Atqc 'select count(*) from recovery_rows')
[ "$count" = "$rows" ] || { echo "FAIL: $count rows after snapshot load, expected $rows"; exit 1; }
echo "snapshot load: $snap_ms ms for $snapshot_bytes bytes = $(calc "$snapshot_bytes / 1048576 / ($snap_ms / 1000)") MB/s; first connection after ${snap_s} s"
kill9
} 2>&1 | tee "$out"
echo "results: $out"
