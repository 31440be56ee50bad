#!/usr/bin/env bash
# TPS at 1, 2, 4 … compute nodes, changed online with ALTER COMPUTE SET between the points (the
# same server and data throughout: the nodes and the partition moves are what is measured).
# Runs pgbench select-only and tpcb-like, -M prepared, CLIENTS clients (default 8), SECONDS per
# point (default 15), scale SCALE (default 10), node counts NODES (default "1 2 4"; more nodes
# than cores only shows what oversubscription costs). Prints one line per point and writes
# bench/results/compute-scaling-<time>.txt.
#   bench/compute-scaling.sh [SECONDS] [SCALE] [CLIENTS] [NODES]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
seconds="${1:-15}"
scale="${2:-10}"
clients="${3:-8}"
nodes="${4:-1 2 4}"
python=python3
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
mkdir -p "$root/bench/results"
port="$($python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
(cd "$root" && ./mvnw -q -B -DskipTests -DskipITs package -pl admin-cli -am >/dev/null)
"$root/amelie" start --data "$work/data" --listen "127.0.0.1:$port" --compute 1 >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do pg_isready -q -h 127.0.0.1 -p "$port" && break; sleep 0.5; done
psql_() { psql -X -q -h 127.0.0.1 -p "$port" -U amelie -d amelie "$@"; }
pgbench -h 127.0.0.1 -p "$port" -U amelie -i -s "$scale" -q amelie >/dev/null 2>&1
out="$root/bench/results/compute-scaling-$(date -u +%Y%m%dT%H%M%SZ).txt"
{
  echo "# compute scaling: scale $scale, $clients clients, ${seconds}s per point, -M prepared, $(nproc) cores"
  printf '%-6s %-12s %10s %12s %8s\n' nodes workload tps latency_ms failed
} | tee "$out"
for n in $nodes; do
  started=$(date +%s%N)
  psql_ -c "alter compute set $n"
  moved_ms=$(( ($(date +%s%N) - started) / 1000000 ))
  for workload in select-only tpcb-like; do
    result="$(pgbench -h 127.0.0.1 -p "$port" -U amelie -b "$workload" -M prepared -c "$clients" -j 2 \
      -T "$seconds" --max-tries=10 amelie 2>&1)"
    tps="$(sed -n 's/^tps = \([0-9.]*\).*/\1/p' <<<"$result")"
    latency="$(sed -n 's/^latency average = \([0-9.]*\) ms/\1/p' <<<"$result")"
    failed="$(sed -n 's/^number of failed transactions: \([0-9]*\).*/\1/p' <<<"$result")"
    printf '%-6s %-12s %10s %12s %8s\n' "$n" "$workload" "$tps" "$latency" "$failed" | tee -a "$out"
  done
  echo "#   alter compute set $n took ${moved_ms} ms" | tee -a "$out"
done
psql_ -c "show compute" | tee -a "$out"
echo "results: $out"
