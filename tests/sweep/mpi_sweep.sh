#!/bin/sh
# `landbridge sweep` under mpirun writes the table of a threads-only run, byte for byte, also
# when it is stopped after some cells and resumed under mpirun.
#
#   mpi_sweep.sh LANDBRIDGE MPIEXEC SWEEP SCRATCH RANKS
set -u
lb=$1 mpiexec=$2 sweep=$3 scratch=$4 ranks=$5
rm -rf "$scratch" && mkdir -p "$scratch" || exit 1
timeout 120 "$lb" sweep "$sweep" --out "$scratch/plain" --threads 2 >"$scratch/plain.out" 2>&1 ||
  { echo "FAIL: the plain run exited $?"; cat "$scratch/plain.out"; exit 1; }
timeout 120 "$mpiexec" -n "$ranks" "$lb" sweep "$sweep" --out "$scratch/mpi" --threads 1 --stop-after-cells 4 \
  >"$scratch/mpi1.out" 2>&1
code=$?
[ $code -eq 130 ] || { echo "FAIL: the stopped MPI run exited $code, expected 130"; cat "$scratch/mpi1.out"; exit 1; }
grep -q "interrupted: 4 of 9 cells done" "$scratch/mpi1.out" || { echo "FAIL: no interruption line"; cat "$scratch/mpi1.out"; exit 1; }
timeout 120 "$mpiexec" -n "$ranks" "$lb" sweep "$sweep" --out "$scratch/mpi" --threads 1 >"$scratch/mpi2.out" 2>&1 ||
  { echo "FAIL: the resumed MPI run exited $?"; cat "$scratch/mpi2.out"; exit 1; }
grep -q "4 cells already done" "$scratch/mpi2.out" || { echo "FAIL: the resumed run did not find 4 cells"; cat "$scratch/mpi2.out"; exit 1; }
for f in table.json table.csv; do
  cmp "$scratch/plain/$f" "$scratch/mpi/$f" || { echo "FAIL: $f differs under mpirun -n $ranks"; exit 1; }
done
echo "ok: mpirun -n $ranks, stopped after 4 cells and resumed: the plain run's table byte for byte"
