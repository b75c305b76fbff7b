#!/usr/bin/env bash
# Sea-route benchmark: landbridge (bench_sea) against python-igraph and networkx (peers.py)
# on the same marnet graph and the same 1,000 random port pairs.
#
#   bash bench/sea/run.sh            # RUNS=3 rounds, medians over rounds
#   RUNS=5 BUILD_DIR=build-x bash bench/sea/run.sh
#
# Builds bench_sea (Release) in $BUILD_DIR (default: build), runs both sides RUNS times and
# prints a table of medians with the ratios peer / landbridge. Exits non-zero if any side
# disagrees on a distance or a snapped port.
set -euo pipefail
ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
BUILD=${BUILD_DIR:-$ROOT/build}
case "$BUILD" in /*) ;; *) BUILD=$ROOT/$BUILD ;; esac
RUNS=${RUNS:-3}
DATA=${DATA:-$ROOT/data/marnet}
WORK=$BUILD/bench-sea-out
mkdir -p "$WORK"

cmake -S "$ROOT" -B "$BUILD" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" --target bench_sea -j"${JOBS:-2}" >/dev/null

status=0
for r in $(seq 1 "$RUNS"); do
  echo "=== round $r of $RUNS: landbridge"
  "$BUILD/bench/sea/bench_sea" --data "$DATA" --workdir "$WORK" | tee "$WORK/cpp.$r.txt" || status=1
  echo "=== round $r of $RUNS: peers"
  /usr/bin/python3 "$ROOT/bench/sea/peers.py" --data "$DATA" --workdir "$WORK" | tee "$WORK/peers.$r.txt" || status=1
done

/usr/bin/python3 - "$WORK" "$RUNS" <<'EOF'
import statistics, sys
work, runs = sys.argv[1], int(sys.argv[2])

def results(prefix):
    per = {}
    for r in range(1, runs + 1):
        for line in open(f"{work}/{prefix}.{r}.txt"):
            if line.startswith("RESULT "):
                _, k, v = line.split()
                per.setdefault(k, []).append(float(v))
    return {k: statistics.median(v) for k, v in per.items()}

c, p = results("cpp"), results("peers")
rows = [
    ("one-to-one p50 (us)", c["p50_us"], p["igraph_p50_us"], p["nx_p50_us"]),
    ("one-to-one p90 (us)", c["p90_us"], p["igraph_p90_us"], p["nx_p90_us"]),
    ("one-to-one p99 (us)", c["p99_us"], p["igraph_p99_us"], p["nx_p99_us"]),
    ("full 3962x3962 matrix (s)", c["matrix_s"], p["igraph_matrix_s"], p["nx_matrix_s"]),
]
print(f"\nmedians over {runs} round(s); peers' matrix times extrapolated from a sample of sources")
print(f"{'':28s}{'landbridge':>12s}{'igraph':>12s}{'networkx':>12s}{'igraph/lb':>11s}{'nx/lb':>9s}")
for name, lb, ig, nx in rows:
    print(f"{name:28s}{lb:12.2f}{ig:12.2f}{nx:12.2f}{ig / lb:10.0f}x{nx / lb:8.0f}x")
print(f"{'one-to-one p50, suez closed':28s}{c['p50_suez_us']:12.2f}")
print(f"{'one-to-one p50, geometry':28s}{c['p50_geom_us']:12.2f}")
print(f"{'plain Dijkstra p50 (C++)':28s}{c['p50_plain_us']:12.2f}")
print(f"{'load + build (s)':28s}{c['load_s']:12.3f}")
print(f"{'peak RSS (MB)':28s}{c['peak_rss_mb']:12.1f}{p['peak_rss_mb']:12.1f}  (python process: igraph + networkx)")
print(f"igraph: distances() p50 {p['igraph_dist_p50_us']:.0f} us, get_shortest_paths() p50 "
      f"{p['igraph_path_p50_us']:.0f} us (the faster one is in the table)")
print(f"distance agreement: worst relative difference {p['worst_rel']:.1e}; "
      f"ports snapped differently: {p['snap_mismatch']:.0f}")
EOF
exit $status
