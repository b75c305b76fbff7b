#!/bin/sh
# `landbridge simulate` under mpirun prints and writes, byte for byte, what one process does.
#
#   mpi_equal.sh LANDBRIDGE MPIEXEC SCENARIO WHAT_IF SCRATCH RANKS...
#
# For the plain run and for `mpirun -n K` with each K of RANKS: a --json run, and a --compare
# run with --records and --plots (table output). Standard output, standard error (the root's
# progress lines; the other ranks print nothing), the records CSV and every plot file must be
# the same. Each run writes into its own folder under SCRATCH. A run that hangs is stopped
# by `timeout` and fails the test.
set -u
lb=$1 mpiexec=$2 scenario=$3 what_if=$4 scratch=$5
shift 5
rm -rf "$scratch" && mkdir -p "$scratch" || exit 1

run() {  # run FOLDER LAUNCHER...: both runs of this test into FOLDER
  dir=$scratch/$1
  shift
  mkdir -p "$dir" || exit 1
  (cd "$dir" && timeout 120 "$@" "$lb" simulate "$scenario" --replications 5 --threads 1 --json \
      >json.out 2>json.err) || { echo "FAIL: $dir: --json run exited $?"; cat "$dir/json.err"; exit 1; }
  (cd "$dir" && timeout 120 "$@" "$lb" simulate "$scenario" --compare "$what_if" --replications 4 \
      --threads 2 --records records.csv --plots plots >compare.out 2>compare.err) ||
    { echo "FAIL: $dir: --compare run exited $?"; cat "$dir/compare.err"; exit 1; }
}

run plain
test -s "$scratch/plain/json.out" && test -s "$scratch/plain/records.csv" &&
  ls "$scratch/plain/plots/"*.svg >/dev/null 2>&1 || { echo "FAIL: the plain run wrote nothing"; exit 1; }
status=0
for k in "$@"; do
  run "ranks$k" "$mpiexec" -n "$k" --oversubscribe
  if diff -r "$scratch/plain" "$scratch/ranks$k"; then
    echo "ok: mpirun -n $k equals the plain run"
  else
    echo "FAIL: mpirun -n $k differs from the plain run (above)"
    status=1
  fi
done
exit $status
