#!/bin/sh
# run_tasks under mpirun, with ensemble_task_driver: results in task order from every rank,
# threads per rank, and failures that end every rank with a clear message and a nonzero exit
# (never a hang: each run is under `timeout`).
#
#   mpi_tasks.sh DRIVER MPIEXEC SCRATCH
set -u
driver=$1 mpiexec=$2 scratch=$3
rm -rf "$scratch" && mkdir -p "$scratch" && cd "$scratch" || exit 1
status=0
fail() { echo "FAIL: $*"; status=1; }

# mpirun -n K DRIVER ARGS... into out/err; sets rc (124: it hung and was stopped).
launch() {
  k=$1
  shift
  timeout 60 "$mpiexec" -n "$k" --oversubscribe "$driver" "$@" >out 2>err
  rc=$?
}

# Lines "task 0 rank R" .. "task N-1 rank R" in order, then "progress N/N"; prints the ranks seen.
check_order() {
  n=$1
  awk -v n="$n" '
    NR <= n { if ($1 != "task" || $2 != NR - 1 || $3 != "rank") { bad = 1 } else { seen[$4] = 1 } }
    END {
      if (NR != n + 1 || bad) exit 1
      for (r in seen) printf "%s ", r
    }' out && tail -n 1 out | grep -qx "progress $n/$n"
}

# 1. Three ranks, one thread each: every task once, in order, computed on all three ranks.
launch 3 40 --tag-rank
ranks=$(check_order 40) || fail "3 ranks: results out of order or missing (rc $rc)"
[ "$rc" = 0 ] || fail "3 ranks: exit $rc"
[ "$(echo "$ranks" | wc -w)" = 3 ] || fail "3 ranks: tasks ran on ranks '$ranks' only"
[ -s err ] && fail "3 ranks: something was printed on standard error: $(cat err)"

# 2. Two ranks of two threads.
launch 2 30 --threads 2 --tag-rank
check_order 30 >/dev/null || fail "2 ranks x 2 threads: results out of order or missing (rc $rc)"
[ "$rc" = 0 ] || fail "2 ranks x 2 threads: exit $rc"

# 3. Task 3 throws: every rank stops, the root alone says which task failed on which rank.
launch 2 20 --fail 3
[ "$rc" = 124 ] && fail "a failing task hung the job"
[ "$rc" = 0 ] && fail "a failing task ended with exit 0"
grep -q "^error: task 3 failed on rank [01]: deliberate failure of task 3$" err ||
  fail "no clear message for task 3: $(cat err)"
[ "$(grep -c '^error:' err)" = 1 ] || fail "the error was printed more than once: $(cat err)"
[ -s out ] && fail "a failed run printed results"

# 4. Every task on rank 1 throws: the message names rank 1.
launch 2 20 --fail-rank 1
[ "$rc" = 0 ] || [ "$rc" = 124 ] && fail "--fail-rank 1: exit $rc"
grep -q "^error: task [0-9]* failed on rank 1: deliberate failure" err || fail "--fail-rank 1: $(cat err)"

# 5. Rank 1 fails before run_tasks: rank 0 would wait for it forever; the job must end.
launch 2 20 --desert 1
[ "$rc" = 0 ] || [ "$rc" = 124 ] && fail "--desert 1: exit $rc (124: hung)"
grep -q "rank 1: error: rank 1 could not start" err || fail "--desert 1: rank 1 did not say why: $(cat err)"

# 6. Without mpirun the same binary is one rank.
timeout 60 "$driver" 5 --tag-rank >out 2>err
rc=$?
[ "$rc" = 0 ] && [ "$(check_order 5)" = "0 " ] || fail "without mpirun: rc $rc, $(cat out err)"

[ "$status" = 0 ] && echo "ok: run_tasks under mpirun"
exit $status
