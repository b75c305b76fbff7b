#!/usr/bin/env bash
# Runs two bench_query binaries (a peer, e.g. built from main, and this tree's) alternately on
# the same machine, and prints each figure's median over the runs and the ratio peer / this.
#
#   bench/query/compare.sh PEER_BIN THIS_BIN [runs=3] [queries=400] [threads=2]
#
# Ratios above 1 mean this tree is faster (or lower latency). On a shared machine say its load
# (printed before and after).
set -euo pipefail
peer=${1:?peer bench_query binary}
this=${2:?the bench_query binary of this tree}
runs=${3:-3}
queries=${4:-400}
threads=${5:-2}
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
load() { read -r one five fifteen _ </proc/loadavg && echo "$one $five $fifteen"; }
echo "load before: $(load), $(nproc) cores"
for ((i = 1; i <= runs; i++)); do
  "$peer" "$queries" "$threads" | grep -E '^[a-z0-9_]+=' >"$out/peer.$i"
  "$this" "$queries" "$threads" | grep -E '^[a-z0-9_]+=' >"$out/this.$i"
done
echo "load after:  $(load)"
/usr/bin/python3 "$(dirname "$0")/compare.py" "$out" "$runs"
