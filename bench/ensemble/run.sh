#!/usr/bin/env bash
# Replications per second of `landbridge simulate` on the reference scenario with 1 and 2 MPI
# ranks and with 2 threads, in alternating rounds (the machine may be shared: alternating keeps
# every configuration under the same conditions), and the root's serial share
# (bench_ensemble_gather) for the Amdahl estimate of docs/cluster.md.
#
#   bash bench/ensemble/run.sh             # 5 rounds of 400 replications; BUILD_DIR=... for another build
#   RUNS=9 REPLICATIONS=1000 bash bench/ensemble/run.sh
#
# A rate is replications / wall seconds of the whole command (loading included, as a user sees
# it); medians over the rounds, and each configuration's ratio to the 1-rank run.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
build="${BUILD_DIR:-$root/build}"
runs="${RUNS:-5}"
reps="${REPLICATIONS:-400}"
scenario="$root/examples/scenarios/hakata-busan-europe.toml"
lb="$build/apps/landbridge/landbridge"
gather="$build/bench/ensemble/bench_ensemble_gather"
mpiexec="${MPIEXEC:-mpiexec}"

if [[ ! -x "$lb" || ! -x "$gather" ]]; then
  [[ -f "$build/CMakeCache.txt" ]] || cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build "$build" --target landbridge bench_ensemble_gather -j2 >/dev/null
fi
command -v "$mpiexec" >/dev/null || { echo "no $mpiexec: install openmpi-bin" >&2; exit 1; }
# As root (containers) OpenMPI wants both consents; shared memory without cross-memory attach.
export OMPI_ALLOW_RUN_AS_ROOT=1 OMPI_ALLOW_RUN_AS_ROOT_CONFIRM=1
export OMPI_MCA_btl=self,vader OMPI_MCA_btl_vader_single_copy_mechanism=none OMPI_MCA_rmaps_base_oversubscribe=1

# wall seconds of one run: secs COMMAND...
secs() {
  local t0
  t0=$(date +%s.%N)
  "$@" >/dev/null 2>&1
  echo "$(date +%s.%N) - $t0" | bc -l
}
sim=("$lb" simulate "$scenario" --replications "$reps" --json)

"$lb" simulate "$scenario" --replications 2 --threads 1 >/dev/null 2>&1  # warm the page cache

names=("1 rank x 1 thread" "2 ranks x 1 thread" "1 rank x 2 threads" "mpirun -n 1 (overhead)")
declare -a t1 t2 t3 t4
for ((r = 1; r <= runs; r++)); do
  a=$(secs "${sim[@]}" --threads 1)
  b=$(secs "$mpiexec" -n 2 --bind-to none "${sim[@]}" --threads 1)
  c=$(secs "${sim[@]}" --threads 2)
  d=$(secs "$mpiexec" -n 1 --bind-to none "${sim[@]}" --threads 1)
  t1+=("$a"); t2+=("$b"); t3+=("$c"); t4+=("$d")
  awk -v r="$r" -v n="$reps" -v a="$a" -v b="$b" -v c="$c" -v d="$d" 'BEGIN {
    printf "round %d: 1 rank %6.1f/s   2 ranks %6.1f/s   2 threads %6.1f/s   mpirun -n 1 %6.1f/s\n", r, n / a, n / b, n / c, n / d }'
done

/usr/bin/python3 - "$reps" "$(nproc)" "$(cat /proc/loadavg)" "${t1[*]}" "${t2[*]}" "${t3[*]}" "${t4[*]}" "${names[@]}" <<'PY'
import statistics, sys
reps, cores, load = int(sys.argv[1]), sys.argv[2], sys.argv[3]
times = [[float(x) for x in a.split()] for a in sys.argv[4:8]]
names = sys.argv[8:12]
print(f"reference scenario, {reps} replications a run, {len(times[0])} rounds; {cores} cores, loadavg {load}")
base = statistics.median(times[0])
for name, t in zip(names, times):
    m = statistics.median(t)
    rates = sorted(reps / x for x in t)
    print(f"  {name:24s}: median {reps / m:7.1f} replications/s (min {rates[0]:.1f}, max {rates[-1]:.1f})"
          f"   ratio to 1 rank {base / m:4.2f}")
PY
echo
"$gather" "$scenario" --replications 40
