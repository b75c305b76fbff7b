#!/usr/bin/env bash
# Python call overhead per static route: the same route through the landbridge module and
# through query::Engine in C++, in the same run on the same machine (docs/python.md,
# "Overhead"). Needs a build with the module: cmake --build build (bench_route_cpp, _landbridge).
#   bash bench/python/run.sh [build-dir=build] [calls=2000]
# Prints, per query (the default 3 alternatives and the Pareto set, Hakata -> Duisburg), the
# medians in microseconds per call and the overhead (module - C++ plan+JSON) and ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
build=${1:-build}
calls=${2:-2000}
py=/usr/bin/python3
[[ -x $py ]] || py=python3
cpp="$build/bench/python/bench_route_cpp"
[[ -x $cpp ]] || { echo "no $cpp: build it (cmake --build $build --target bench_route_cpp)" >&2; exit 1; }
ls "$build"/python/landbridge/_landbridge*.so >/dev/null 2>&1 || {
  echo "no Python module in $build/python: build it (cmake --build $build --target _landbridge)" >&2; exit 1; }

val() { sed -n "s/^$1=//p" <<<"$2"; }
printf '%-8s %5s %10s %12s %12s %12s %10s %8s %8s\n' query itins "C++ plan" "C++ +json" "py native" "py module" overhead "ratio" "vs plan"
for kind in k3 pareto; do
  c=$("$cpp" JPHKT DEDUI "$kind" "$calls")
  p=$(PYTHONPATH="$build/python" "$py" bench/python/bench_route.py JPHKT DEDUI "$kind" "$calls")
  plan=$(val plan_us "$c"); pj=$(val plan_json_us "$c"); nat=$(val native_us "$p"); mod=$(val module_us "$p")
  awk -v k="$kind" -v n="$(val itineraries "$c")" -v a="$plan" -v b="$pj" -v c="$nat" -v d="$mod" 'BEGIN {
    printf "%-8s %5s %8.1fus %10.1fus %10.1fus %10.1fus %8.1fus %7.2fx %7.1fx\n", k, n, a, b, c, d, d - b, d / b, d / a }'
done
echo "(medians of $calls calls each; overhead = py module - C++ plan+json; ratio = py module / C++ plan+json;"
echo " vs plan = py module / C++ plan_static alone, which returns C++ structs, not JSON)"
