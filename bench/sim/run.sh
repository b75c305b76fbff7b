#!/usr/bin/env bash
# PHOLD on the landbridge simulation kernel vs SimPy 3, side by side, in alternating rounds
# (the machine may be shared: alternating keeps both sides under the same conditions).
#
#   bash bench/sim/run.sh            # 5 rounds; BUILD_DIR=... to use another build folder
#   RUNS=9 bash bench/sim/run.sh
#
# Rates are events per CPU-second of the simulation loop (setup excluded), medians over the
# rounds. The kernel runs to simulated time 1220 (~20 M events), SimPy to 122 (~2 M events);
# both keep 16,384 events in flight, so the rates compare like for like.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${BUILD_DIR:-$root/build}"
runs="${RUNS:-5}"
bin="$build/bench/sim/bench_sim_phold"

if [[ ! -x "$bin" ]] || [[ "$root/bench/sim/phold.cpp" -nt "$bin" ]]; then
  [[ -f "$build/CMakeCache.txt" ]] || cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" --target bench_sim_phold -j2 >/dev/null
fi

"$bin" --runs 1 --end 1 --no-baseline >/dev/null  # warm the binary and the page cache

kernel=()
simpy=()
for ((r = 1; r <= runs; r++)); do
  k=$("$bin" --runs 1 --end 1220 --no-baseline | sed -n 's/^RESULT kernel_events_per_s=//p')
  s=$(/usr/bin/python3 "$here/phold_simpy.py" --runs 1 --end 122 | sed -n 's/^RESULT simpy_events_per_s=//p')
  awk -v r="$r" -v k="$k" -v s="$s" \
    'BEGIN { printf "round %d: kernel %6.2f M events/s   simpy %6.3f M events/s   ratio %5.1fx\n", r, k / 1e6, s / 1e6, k / s }'
  kernel+=("$k")
  simpy+=("$s")
done

/usr/bin/python3 - "${kernel[*]}" "${simpy[*]}" <<'PY'
import statistics, sys
k = [float(x) for x in sys.argv[1].split()]
s = [float(x) for x in sys.argv[2].split()]
km, sm = statistics.median(k), statistics.median(s)
ratios = sorted(a / b for a, b in zip(k, s))
print(f"PHOLD 1024 LPs x 16 events, 25% remote, delay 0.1 + Exp(0.9); {len(k)} rounds")
print(f"  landbridge kernel : median {km / 1e6:6.2f} M events/s  (min {min(k) / 1e6:.2f}, max {max(k) / 1e6:.2f})")
print(f"  SimPy 3           : median {sm / 1e6:6.3f} M events/s  (min {min(s) / 1e6:.3f}, max {max(s) / 1e6:.3f})")
print(f"  ratio kernel/SimPy: {km / sm:.1f}x (median of medians); per round {ratios[0]:.1f}x .. {ratios[-1]:.1f}x")
PY
