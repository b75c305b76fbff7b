#!/usr/bin/env bash
# The whole check, as CI runs it (README, second set-up line; .ci/run):
#   1. the g++ release build with warnings as errors, and the test suite;
#   1b. the web page: type check and build, unit tests (Vitest), end-to-end tests in Debian's
#      Chromium against the build's `landbridge serve` (web/e2e, docs/web.md);
#   2. a clang build under AddressSanitizer + UndefinedBehaviorSanitizer (halt on the first
#      report) with the libFuzzer targets, and the test suite again in it;
#   3. every fuzz target for a short, fixed time (fuzz/run.sh).
# Usage: bash scripts/check.sh [--fast]      --fast: step 1 only
# Environment: JOBS (default 2), FUZZ_SECONDS (default 15 per target).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}
step() { printf '\n=== %s (%s)\n' "$1" "$(date -u +%H:%M:%S)"; }

step "g++ build and tests"
cmake -S . -B build -DLANDBRIDGE_WERROR=ON
cmake --build build -j"$jobs"
ctest --test-dir build --output-on-failure -j"$jobs"
[[ "${1:-}" == "--fast" ]] && exit 0

step "web page: build, unit tests, end-to-end tests"
(cd web && npm run build && npm test && LANDBRIDGE_BIN="$PWD/../build/apps/landbridge/landbridge" npm run e2e)

step "clang ASan+UBSan build"
CXX=clang++ cmake -S . -B build-san -DLANDBRIDGE_SANITIZE=address,undefined -DLANDBRIDGE_FUZZ=ON \
  -DLANDBRIDGE_BUILD_BENCH=OFF -DLANDBRIDGE_PYTHON=OFF  # a Python extension needs an ASan-built python
cmake --build build-san -j"$jobs"

step "tests under ASan+UBSan"
# LeakSanitizer stops the world with ptrace; where a container forbids that it cannot run at
# all and would fail every test for a reason that is not ours: then leaks go unchecked, loudly.
leaks=1
probe=$(ASAN_OPTIONS=detect_leaks=1 build-san/tests/core/test_core --gtest_filter='Units.*' 2>&1 || true)
if [[ "$probe" == *'LeakSanitizer has encountered a fatal error'* ]]; then
  echo "warning: LeakSanitizer cannot run on this machine (ptrace restricted): leak detection is off" >&2
  leaks=0
fi
export ASAN_OPTIONS=halt_on_error=1:detect_leaks=$leaks:abort_on_error=0:strict_string_checks=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
ctest --test-dir build-san --output-on-failure -j"$jobs"

step "fuzz targets, ${FUZZ_SECONDS:-15} s each"
bash fuzz/run.sh "${FUZZ_SECONDS:-15}" build-san
step "all checks passed"
