#!/usr/bin/env bash
# Benchmark of `landbridge serve` on loopback (issue 8, item 9): requests/s, p50 and p99 of
# GET booking, static route, timetabled route and POST booking at 64 connections, on SQLite and
# on PostgreSQL, with pgbench on the same PostgreSQL cluster as the database's own ceiling, and
# the ratios against the issue's targets. Not run by CI (it takes about two minutes and wants
# the machine to itself).
#
#   bash scripts/deps.sh --bench                       # wrk, PostgreSQL, curl
#   cmake --build build -j2 --target landbridge
#   bash bench/service/run.sh [--build build] [--duration 10] [--connections 64] [--threads 2]
#
# The server plans on a copy of the built-in reference package (data/eurasia) in which every
# service's capacity_teu is 100,000 TEU (the most services.csv allows): with the shipped capacities a departure sells out after
# a few dozen bookings and the benchmark would time sold-out answers instead of confirmed
# bookings. Nodes, links, timetables and prices are the reference package's.
set -euo pipefail

root=$(cd "$(dirname "$0")/../.." && pwd)
build=$root/build duration=10 conns=64 threads=2
while [[ $# -gt 0 ]]; do
  case $1 in
    --build) build=$2; shift 2 ;;
    --duration) duration=$2; shift 2 ;;
    --connections) conns=$2; shift 2 ;;
    --threads) threads=$2; shift 2 ;;
    *) echo "usage: $0 [--build DIR] [--duration SECONDS] [--connections N] [--threads N]" >&2; exit 2 ;;
  esac
done
bin=$build/apps/landbridge/landbridge
pgbin=/usr/lib/postgresql/15/bin
for tool in "$bin" /usr/bin/wrk /usr/bin/curl "$pgbin/pgbench" "$pgbin/psql"; do
  [[ -x $tool ]] || { echo "missing $tool (bash scripts/deps.sh --bench; build the landbridge target)" >&2; exit 1; }
done

work=$(mktemp -d /tmp/landbridge-bench.XXXXXX)
chmod 755 "$work"   # the PostgreSQL cluster inside runs as user postgres when we are root
server_pid=""
cleanup() {
  [[ -n $server_pid ]] && kill "$server_pid" 2>/dev/null && wait "$server_pid" 2>/dev/null || true
  [[ -d $work/pg ]] && bash "$root/scripts/pg-test.sh" stop "$work/pg" >/dev/null 2>&1 || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
json() { /usr/bin/python3 -c "import json,sys; d=json.load(sys.stdin); $1"; }

# The write network: the reference package with every capacity raised.
net=$work/data/eurasia
mkdir -p "$work/data"
cp -r "$root/data/eurasia" "$net"
for other in "$root"/data/*; do   # the folders the package names relatively (../marnet)
  [[ $other == "$root/data/eurasia" ]] || ln -s "$other" "$work/data/"
done
/usr/bin/python3 - "$net/services.csv" <<'EOF'
import csv, sys
path = sys.argv[1]
with open(path, newline="") as f:
    rows = list(csv.reader(f))
col = rows[0].index("capacity_teu")
for r in rows[1:]:
    if r and not r[0].startswith("#") and len(r) > col:
        r[col] = "100000"
with open(path, "w", newline="") as f:
    csv.writer(f, lineterminator="\n").writerows(rows)
EOF

start_server() {  # DB NETWORK -> sets port, server_pid
  port=$(free_port)
  # No per-key rate limit: one key drives the whole load. The access log goes to a file.
  "$bin" serve --db "$1" --port "$port" --network "$2" --rate-limit 0 \
    --access-log "$work/access.log" >"$work/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 600); do
    curl -fsS "http://127.0.0.1:$port/health" >/dev/null 2>&1 && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "server did not start:" >&2; tail -20 "$work/server.log" >&2; exit 1
}
stop_server() { kill "$server_pid"; wait "$server_pid" 2>/dev/null || true; server_pid=""; }

# wrk NAME ARGS... -> one table row: name, req/s, p50 ms, p99 ms, non-2xx count
to_ms() { awk -v v="$1" 'BEGIN { n = v + 0; if (v ~ /us$/) n /= 1000; else if (v ~ /ms$/) n += 0; else if (v ~ /s$/) n *= 1000; printf "%.2f", n }'; }
results=()
bench() {
  local backend=$1 name=$2; shift 2
  # A 10 s timeout: a slow answer counts in the latencies instead of vanishing as a timeout.
  local out; out=$(wrk -t"$threads" -c"$conns" -d"${duration}s" --timeout 10s --latency "$@")
  echo "$out" >"$work/wrk-$backend-${name// /_}.txt"
  local rps p50 p99 bad
  rps=$(awk '/^Requests\/sec:/ { printf "%.0f", $2 }' <<<"$out")
  p50=$(to_ms "$(awk '$1 == "50%" { print $2 }' <<<"$out")")
  p99=$(to_ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")
  bad=$(awk '/Non-2xx or 3xx responses:/ { print $4 }' <<<"$out"); bad=${bad:-0}
  local errs; errs=$(awk '/Socket errors:/ { print $0 }' <<<"$out")
  results+=("$backend|$name|$rps|$p50|$p99|$bad")
  printf '  %-10s %-22s %9s req/s  p50 %7s ms  p99 %7s ms  non-2xx %s %s\n' \
    "$backend" "$name" "$rps" "$p50" "$p99" "$bad" "$errs"
}

run_backend() {  # BACKEND DB-URL
  local backend=$1 db=$2
  echo "== $backend ($db)"
  local shipper
  shipper=$("$bin" keys add --role shipper --party bench-shipper --db "$db" | grep -o 'lb_[A-Za-z0-9_.-]*' | head -1)
  start_server "$db" "$net"
  local base=http://127.0.0.1:$port
  # Routing references of eight weekly departures Hakata -> Duisburg.
  : >"$work/refs"
  for d in 2026-12-03 2026-12-10 2026-12-17 2026-12-24 2026-12-31 2027-01-07 2027-01-14 2027-01-21; do
    curl -fsS "$base/v1/routes?from=JPHKT&to=DEDUI&depart=$d" |
      json 'import re; print(next(iter(re.findall(r"\"routingReference\": \"([^\"]+)\"", json.dumps(d))), ""))' >>"$work/refs"
  done
  sed -i '/^$/d' "$work/refs"
  [[ -s $work/refs ]] || { echo "no routing references from $base/v1/routes" >&2; exit 1; }
  # Seed 200 bookings to read back.
  : >"$work/bookings"
  local i ref
  for i in $(seq 200); do
    ref=$(sed -n "$(( (i % $(wc -l <"$work/refs")) + 1 ))p" "$work/refs")
    curl -fsS -X POST "$base/v2/bookings" -H "Authorization: Bearer $shipper" \
      -H "Idempotency-Key: seed-$i" -H 'Content-Type: application/json' \
      -d "{\"routingReference\":\"$ref\",\"ISOEquipmentCode\":\"42G1\",\"units\":1}" |
      json 'print(d["carrierBookingReference"])' >>"$work/bookings"
  done
  export LB_BENCH_TOKEN=$shipper LB_BENCH_REFS=$work/refs LB_BENCH_BOOKINGS=$work/bookings
  bench "$backend" "GET booking" -s "$root/bench/service/get_booking.lua" "$base"
  bench "$backend" "static route" "$base/v1/routes?from=JPHKT&to=DEDUI"
  bench "$backend" "timetabled route" "$base/v1/routes?from=JPHKT&to=DEDUI&depart=2026-12-10"
  bench "$backend" "POST booking" -s "$root/bench/service/post_booking.lua" "$base"
  stop_server
}

echo "landbridge serve benchmark: wrk -t$threads -c$conns -d${duration}s --latency, loopback, $(nproc) cores"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) (other work on the machine lowers every figure)"
run_backend sqlite "sqlite:$work/bench.db"

mkdir -p "$work/pg"
bash "$root/scripts/pg-test.sh" start "$work/pg" >/dev/null
pg_url=$(cat "$work/pg/url")
# pg-test.sh runs its throw-away clusters with fsync off; a benchmark wants the durability a
# production server has (as SQLite's synchronous=FULL): restart it with fsync and full-page
# writes on, keeping its other options (pg_ctl restart reads them from postmaster.opts).
sed -i 's/fsync=off/fsync=on/; s/full_page_writes=off/full_page_writes=on/' "$work/pg/data/postmaster.opts"
as_pg=(); [[ $(id -u) -eq 0 ]] && as_pg=(runuser -u postgres --)
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$work/pg/data" -l "$work/pg/server.log" -w restart >/dev/null
[[ $("$pgbin/psql" -X -At -d "$pg_url" -c 'show fsync') == on ]] || { echo "PostgreSQL fsync is not on" >&2; exit 1; }
admin_url=$(sed -E 's#^(postgres(ql)?://[^/?]*)(/[^?]*)?#\1/postgres#' <<<"$pg_url")
for dbname in lb_bench pgbench; do
  "$pgbin/psql" -X -q -d "$admin_url" -c "CREATE DATABASE $dbname" >/dev/null
done
lb_url=$(sed -E 's#^(postgres(ql)?://[^/?]*)(/[^?]*)?#\1/lb_bench#' <<<"$pg_url")
bench_url=$(sed -E 's#^(postgres(ql)?://[^/?]*)(/[^?]*)?#\1/pgbench#' <<<"$pg_url")
run_backend postgresql "$lb_url"

# The database's own ceiling: pgbench's TPC-B-like transaction (3 updates, 1 select,
# 1 insert), with as many clients as wrk has connections, on the same cluster (fsync on),
# the landbridge server stopped.
echo "== pgbench (scale 10, $conns clients, ${duration}s, prepared)"
"$pgbin/pgbench" -q -i -s 10 "$bench_url" >/dev/null 2>&1
pgout=$("$pgbin/pgbench" -c "$conns" -j "$threads" -T "$duration" -M prepared "$bench_url" 2>&1)
echo "$pgout" >"$work/pgbench.txt"
tps=$(awk '/^tps = / { printf "%.0f", $3 }' <<<"$pgout")
pg_lat=$(awk '/^latency average = / { print $4 }' <<<"$pgout")
echo "  pgbench tps $tps, latency average $pg_lat ms"

# The table, with the issue's targets.
echo
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo "| database | request | req/s | p50 ms | p99 ms | non-2xx | target | ratio |"
echo "|---|---|---:|---:|---:|---:|---|---:|"
for row in "${results[@]}"; do
  IFS='|' read -r backend name rps p50 p99 bad <<<"$row"
  target="" ratio=""
  case $name in
    "GET booking") target="≥ 10,000 req/s"; ratio=$(awk -v r="$rps" 'BEGIN { printf "%.2f", r / 10000 }') ;;
    "timetabled route") target="≥ 1,500 req/s"; ratio=$(awk -v r="$rps" 'BEGIN { printf "%.2f", r / 1500 }') ;;
    "POST booking") target="≥ 50 % of pgbench ($tps tps)"; ratio=$(awk -v r="$rps" -v t="$tps" 'BEGIN { printf "%.2f", r / (0.5 * t) }') ;;
  esac
  echo "| $backend | $name | $rps | $p50 | $p99 | $bad | $target | $ratio |"
done
echo "| postgresql | pgbench TPC-B | $tps | | | | ceiling | |"
echo
echo "p99 target ≤ 20 ms at $conns connections: ratio = target / p99 (≥ 1 meets it):"
for row in "${results[@]}"; do
  IFS='|' read -r backend name rps p50 p99 bad <<<"$row"
  printf '  %-10s %-18s p99 %7s ms  ratio %s\n' "$backend" "$name" "$p99" \
    "$(awk -v p="$p99" 'BEGIN { if (p > 0) printf "%.2f", 20 / p; else print "-" }')"
done
