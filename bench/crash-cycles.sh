#!/usr/bin/env bash
# Crash durability, many times: ../shared/tools/crash-durability kills the server with SIGKILL at
# random moments under write load (autocommit, multi-row, interactive and one-message
# transactions, with readers) and restarts it, CYCLES times (default 50), while CHECKPOINT runs
# every second and automatic checkpoints fire every 3 s, so kills land before, during and after
# snapshots and WAL removal. Prints the tool's 'N passed, N failed' and
# 'crash cycles: K, acknowledged commits: X, lost: L'; exit status 0 only if all passed.
# Not in CI (CI runs 5 cycles in compat-tests' CrashDurabilityToolIT).
#   bench/crash-cycles.sh [CYCLES]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cycles="${1:-50}"
tool="${CRASH_DURABILITY:-$root/../shared/tools/crash-durability}"
[ -f "$tool" ] || tool=/work/shared/tools/crash-durability
[ -f "$tool" ] || { echo "crash-cycles: crash-durability not found; set CRASH_DURABILITY" >&2; exit 1; }
python=python3
$python -c 'import psycopg2' 2>/dev/null || python=/usr/bin/python3
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/data" "$root/bench/results"
cat > "$work/data/amelie.conf" <<CONF
wal_segment_size = 1048576
checkpoint_interval = 3s
CONF
port="$($python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
(cd "$root" && ./mvnw -q -B -DskipTests -DskipITs package -pl admin-cli -am >/dev/null)
out="$root/bench/results/crash-cycles-$(date -u +%Y%m%dT%H%M%SZ).txt"
"$python" "$tool" --port "$port" --user amelie --db amelie \
  --start-cmd "$root/amelie start --data $work/data --listen 127.0.0.1:$port --compute 2 --hosts 2" \
  --cycles "$cycles" --min-run 1 --max-run 4 --checkpoint-sql CHECKPOINT --checkpoint-every 1 \
  --max-time $((cycles * 60)) 2>&1 | tee "$out"
status=${PIPESTATUS[0]}
echo "results: $out"
exit "$status"
