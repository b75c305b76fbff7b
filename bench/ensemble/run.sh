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
# it), and replications / CPU seconds of all its processes (what the ranks and threads cost,
# robust to a busy machine); medians over the rounds, and each configuration's ratio to the
# 1-rank run. On a shared machine the wall rates measure the CPU share the scheduler gives this
# session (Linux autogroups share CPU by session, not by thread), not the scaling.
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

# "wall cpu" seconds of one run (cpu: user + system of the command and every process it
# started, the ranks included): secs COMMAND...
secs() {
  /usr/bin/time -f "%e %U %S" -o "$tmp" "$@" >/dev/null 2>&1
  awk '{ printf "%.3f %.3f\n", $1, $2 + $3 }' "$tmp"
}
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
sim=("$lb" simulate "$scenario" --replications "$reps" --json)

"$lb" simulate "$scenario" --replications 2 --threads 1 >/dev/null 2>&1  # warm the page cache

names=("1 rank x 1 thread" "2 ranks x 1 thread" "1 rank x 2 threads" "mpirun -n 1")
declare -a w1 w2 w3 w4 c1 c2 c3 c4
for ((r = 1; r <= runs; r++)); do
  read -r wa ca < <(secs "${sim[@]}" --threads 1)
  read -r wb cb < <(secs "$mpiexec" -n 2 --bind-to none "${sim[@]}" --threads 1)
  read -r wc cc < <(secs "${sim[@]}" --threads 2)
  read -r wd cd < <(secs "$mpiexec" -n 1 --bind-to none "${sim[@]}" --threads 1)
  w1+=("$wa"); w2+=("$wb"); w3+=("$wc"); w4+=("$wd")
  c1+=("$ca"); c2+=("$cb"); c3+=("$cc"); c4+=("$cd")
  awk -v r="$r" -v n="$reps" -v a="$wa" -v b="$wb" -v c="$wc" -v d="$wd" 'BEGIN {
    printf "round %d: 1 rank %6.1f/s   2 ranks %6.1f/s   2 threads %6.1f/s   mpirun -n 1 %6.1f/s\n", r, n / a, n / b, n / c, n / d }'
done

/usr/bin/python3 - "$reps" "$(nproc)" "$(cat /proc/loadavg)" "${w1[*]}" "${w2[*]}" "${w3[*]}" "${w4[*]}" \
  "${c1[*]}" "${c2[*]}" "${c3[*]}" "${c4[*]}" "${names[@]}" <<'PY'
import statistics, sys
reps, cores, load = int(sys.argv[1]), sys.argv[2], sys.argv[3]
walls = [[float(x) for x in a.split()] for a in sys.argv[4:8]]
cpus = [[float(x) for x in a.split()] for a in sys.argv[8:12]]
names = sys.argv[12:16]
print(f"reference scenario, {reps} replications a run, {len(walls[0])} rounds; {cores} cores, loadavg {load}")
print("  replications/s: of wall time (what a user sees) and of CPU time (user + system, all processes)")
base_w, base_c = statistics.median(walls[0]), statistics.median(cpus[0])
for name, w, c in zip(names, walls, cpus):
    mw, mc = statistics.median(w), statistics.median(c)
    rates = sorted(reps / x for x in w)
    print(f"  {name:20s}: wall {reps / mw:7.1f}/s (min {rates[0]:.1f}, max {rates[-1]:.1f}), ratio {base_w / mw:4.2f}"
          f"   cpu {reps / mc:7.1f}/s, ratio {base_c / mc:4.2f}")
PY
echo
"$gather" "$scenario" --replications 40
