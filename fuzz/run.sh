#!/usr/bin/env bash
# Runs every libFuzzer target for a fixed time (docs/fuzzing.md).
#
#   bash fuzz/run.sh [SECONDS] [BUILD_DIR] [TARGET...]
#
# SECONDS per target (default 60), BUILD_DIR the clang fuzz build (default build-fuzz; configured
# with LANDBRIDGE_FUZZ=ON and LANDBRIDGE_SANITIZE=address,undefined and built when it holds no
# fuzz targets yet). TARGET names (e.g. time package_links) pick targets; default: all of them.
# Each target starts from a scratch copy of its committed corpus fuzz/corpus/<target> (its own
# scratch files go there too), so runs never modify the repository. Prints one line per target
# (executions, coverage, crash file); exits 1 if any target crashed, leaked, hung or failed.
set -euo pipefail

seconds=${1:-60}
build=${2:-build-fuzz}
shift $(($# < 2 ? $# : 2))
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"

all_targets=(package_manifest package_sources package_nodes package_emission_factors package_links
             package_operations package_services package_service_calls rates scenario demand marnet
             time query place http_request booking_body tntp)
if [[ $# -gt 0 ]]; then targets=("$@"); else targets=("${all_targets[@]}"); fi

# Longest input per target: the largest seed with room to grow (libFuzzer cuts longer seeds).
max_len() {
  case $1 in
    package_links | package_operations | package_services) echo 196608 ;;
    package_sources | package_nodes) echo 65536 ;;
    package_service_calls | package_emission_factors | rates | scenario | demand | tntp) echo 16384 ;;
    package_manifest | marnet | http_request) echo 8192 ;;
    booking_body) echo 2048 ;;
    *) echo 256 ;;
  esac
}

if [[ ! -x "$build/fuzz/fuzz_time" ]]; then
  echo "configuring and building the fuzz targets in $build (clang, ASan + UBSan) ..."
  CXX=${CXX:-clang++} cmake -S . -B "$build" -DLANDBRIDGE_FUZZ=ON -DLANDBRIDGE_SANITIZE=address,undefined \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo -DLANDBRIDGE_BUILD_TESTS=OFF -DLANDBRIDGE_BUILD_BENCH=OFF >/dev/null
  cmake --build "$build" -j"${JOBS:-2}" --target $(printf 'fuzz_%s ' "${all_targets[@]}") >/dev/null
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/landbridge-fuzz.XXXXXX")
export ASAN_OPTIONS=${ASAN_OPTIONS:-halt_on_error=1:detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
failed=0
keep=0
printf '%-26s %10s %8s %8s  %s\n' target execs cov ft result
for t in "${targets[@]}"; do
  bin="$build/fuzz/fuzz_$t"
  mkdir -p "$work/$t/corpus" "$work/$t/artifacts"
  cp -r "fuzz/corpus/$t/." "$work/$t/corpus/"
  dict=()
  [[ -f "fuzz/dict/$t.dict" ]] && dict=(-dict="fuzz/dict/$t.dict")
  log="$work/$t/log"
  rc=0
  TMPDIR="$work/$t" "$bin" "$work/$t/corpus" "${dict[@]}" -max_total_time="$seconds" -max_len="$(max_len "$t")" \
    -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 -artifact_prefix="$work/$t/artifacts/" \
    >"$log" 2>&1 || rc=$?
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$last")
  ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$last")
  # Slow units (past 10 s, which the timeout did not catch in time) are noted, not failures.
  artifact=$(ls "$work/$t/artifacts/" 2>/dev/null | grep -v '^slow-unit-' | head -1 || true)
  slow=$(ls "$work/$t/artifacts/" 2>/dev/null | grep -c '^slow-unit-' || true)
  if [[ $rc -eq 0 && -z "$artifact" ]]; then
    result=ok
    [[ $slow -gt 0 ]] && result="ok ($slow slow units kept in $work/$t/artifacts)" && keep=1
  else
    failed=1
    result="FAILED (exit $rc) ${artifact:+$work/$t/artifacts/$artifact}; log $log"
    { echo "--- last lines of $log"; tail -n 40 "$log"; } >&2  # a CI log shows only what is printed
  fi
  printf '%-26s %10s %8s %8s  %s\n' "$t" "${execs:-?}" "${cov:-?}" "${ft:-?}" "$result"
done
if [[ $failed -ne 0 ]]; then
  echo "fuzzing found problems; logs and inputs under $work" >&2
  exit 1
fi
[[ $keep -eq 0 ]] && rm -rf "$work"
exit 0
