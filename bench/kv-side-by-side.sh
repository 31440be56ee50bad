#!/usr/bin/env bash
# Key-value pgbench workloads against Amelie and PostgreSQL 15, side by side in one run.
#
# Both servers run on this machine with durable commits (PostgreSQL: fsync on,
# synchronous_commit on; Amelie: wal_sync on). Each gets a table kv(k int primary key, v int)
# with ROWS rows; pgbench custom scripts read or update one random key per transaction.
# Prints one line per point: TPS of each server and Amelie's ratio to PostgreSQL.
#
#   bench/kv-side-by-side.sh                          # defaults below
#   CLIENTS="1 8 32" DURATION=20 bench/kv-side-by-side.sh
#
# Knobs: ROWS=10000 DURATION=10 CLIENTS="1 8" MODES="simple prepared" WORKLOADS="select update"
#        COMPUTE=2 HOSTS=2 PG_PORT=55501 AMELIE_PORT=55502 BASE=/tmp/amelie-bench
# Needs: pgbench, psql and /usr/lib/postgresql/15/bin (Debian postgresql-15); run as root (the
# PostgreSQL cluster runs as the postgres user) or as a user that may run initdb.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
ROWS=${ROWS:-10000} DURATION=${DURATION:-10} CLIENTS=${CLIENTS:-"1 8"} MODES=${MODES:-"simple prepared"}
WORKLOADS=${WORKLOADS:-"select update"} COMPUTE=${COMPUTE:-2} HOSTS=${HOSTS:-2}
PG_PORT=${PG_PORT:-55501} AMELIE_PORT=${AMELIE_PORT:-55502} BASE=${BASE:-/tmp/amelie-bench}
PGBIN=${PGBIN:-/usr/lib/postgresql/15/bin}

for tool in pgbench psql "$PGBIN/initdb" "$PGBIN/pg_ctl"; do
  command -v "$tool" >/dev/null 2>&1 || { echo "kv-side-by-side: $tool not found (Debian: postgresql-15, postgresql-client-15)" >&2; exit 2; }
done

rm -rf "$BASE" && mkdir -p "$BASE/pg" "$BASE/scripts"
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres "$BASE/pg"

amelie_pid=""
cleanup() {
  as_pg "$PGBIN/pg_ctl" -D "$BASE/pg/data" -m fast stop >/dev/null 2>&1 || true
  if [ -n "$amelie_pid" ]; then
    kill "$amelie_pid" 2>/dev/null || true
    wait "$amelie_pid" 2>/dev/null || true
    sed -n 's/.*group commit: /amelie group commit: /p' "$BASE/amelie.log" >&2
  fi
}
trap cleanup EXIT

echo "starting PostgreSQL 15 on 127.0.0.1:$PG_PORT and Amelie on 127.0.0.1:$AMELIE_PORT" >&2
as_pg "$PGBIN/initdb" -D "$BASE/pg/data" -U amelie --auth=trust -E UTF8 --locale=C >/dev/null
as_pg "$PGBIN/pg_ctl" -D "$BASE/pg/data" -l "$BASE/pg/log" -w \
  -o "-p $PG_PORT -k $BASE/pg -c listen_addresses=127.0.0.1 -c shared_buffers=2GB -c fsync=on -c synchronous_commit=on -c max_connections=200" \
  start >/dev/null
psql -X -q -h 127.0.0.1 -p "$PG_PORT" -U amelie -d postgres -c "create database amelie"

"$root/amelie" start --data "$BASE/amelie-data" --listen "127.0.0.1:$AMELIE_PORT" \
  --compute "$COMPUTE" --hosts "$HOSTS" > "$BASE/amelie.log" 2>&1 &
amelie_pid=$!
for _ in $(seq 600); do grep -q "ready to accept" "$BASE/amelie.log" && break; sleep 0.2; done
grep -q "ready to accept" "$BASE/amelie.log" || { echo "Amelie did not start:" >&2; cat "$BASE/amelie.log" >&2; exit 1; }

python3 - "$ROWS" > "$BASE/load.sql" <<'PY'
import sys
rows = int(sys.argv[1])
print("create table kv (k int primary key, v int);")
for start in range(1, rows + 1, 1000):
    print("insert into kv values " + ",".join(f"({i},{i})" for i in range(start, min(rows, start + 999) + 1)) + ";")
PY
printf '\\set id random(1, %d)\nselect v from kv where k = :id;\n' "$ROWS" > "$BASE/scripts/select.sql"
printf '\\set id random(1, %d)\nupdate kv set v = v + 1 where k = :id;\n' "$ROWS" > "$BASE/scripts/update.sql"
for port in "$PG_PORT" "$AMELIE_PORT"; do
  psql -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$port" -U amelie -d amelie -f "$BASE/load.sql"
done

tps() { # port workload mode clients
  pgbench -n -h 127.0.0.1 -p "$1" -U amelie -f "$BASE/scripts/$2.sql" -M "$3" -c "$4" -j "$(( $4 < 2 ? 1 : 2 ))" \
    -T "$DURATION" amelie 2>/dev/null | sed -n 's/^tps = \([0-9.]*\).*/\1/p'
}
printf '%-8s %-9s %7s %12s %12s %7s\n' workload mode clients postgres amelie ratio
for workload in $WORKLOADS; do
  for mode in $MODES; do
    for clients in $CLIENTS; do
      pg=$(tps "$PG_PORT" "$workload" "$mode" "$clients")
      am=$(tps "$AMELIE_PORT" "$workload" "$mode" "$clients")
      ratio=$(python3 -c "print(f'{float(\"${am:-0}\")/float(\"${pg:-1}\"):.2f}' if '${pg}' else 'n/a')")
      printf '%-8s %-9s %7s %12.0f %12.0f %7s\n' "$workload" "$mode" "$clients" "${pg:-0}" "${am:-0}" "$ratio"
    done
  done
done
