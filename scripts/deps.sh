#!/usr/bin/env bash
# Installs everything landbridge needs on Debian 12 (run as root).
#   bash scripts/deps.sh          build + test dependencies, and the web page's npm packages
#   bash scripts/deps.sh --bench  also the Python peers the benchmarks compare against and the
#                                 HTTP load tools of bench/service/run.sh
set -euo pipefail
pkgs=(build-essential cmake g++ git
      libgtest-dev libgmock-dev libbenchmark-dev
      nlohmann-json3-dev libcli11-dev libfmt-dev libfccp-dev libtomlplusplus-dev
      libhowardhinnant-date-dev tzdata
      clang libclang-rt-14-dev llvm  # clang: the sanitizer + libFuzzer build (scripts/check.sh)
      libsqlite3-dev libpq-dev libssl-dev  # the service's store (SQLite, PostgreSQL) and key hashing
      libboost1.81-dev  # the HTTP service: Boost.Beast/Asio (header-only)
      postgresql python3)  # the throw-away PostgreSQL server of the storage tests (scripts/pg-test.sh)
pkgs+=(curl jq)  # the curl walkthrough of docs/service.md, run as a test (tests/service/reliability)
pkgs+=(chromium fonts-noto-cjk)  # the web page's end-to-end tests (web/e2e), screenshots in Japanese
pkgs+=(openmpi-bin libopenmpi-dev)  # ensembles and sweeps over MPI ranks (mpirun; docs/cluster.md)
pkgs+=(pybind11-dev python3-dev python3-pytest python3-numpy)  # the Python module and its tests
# Node.js and npm build the web page (web/, Vite): the machine's own when it has one (>= 18),
# else Debian's.
command -v node >/dev/null && command -v npm >/dev/null || pkgs+=(nodejs npm)
if [[ "${1:-}" == "--bench" ]]; then
  pkgs+=(python3 python3-numpy python3-networkx python3-igraph python3-simpy3
         wrk)  # bench/service/run.sh: HTTP load on loopback (pgbench comes with postgresql)
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${pkgs[@]}" >/dev/null
node_major=$(node -p 'process.versions.node.split(".")[0]')
if (( node_major < 18 )); then
  echo "landbridge: the web page needs Node.js 18 or newer; this machine has $(node --version)" >&2
  exit 1
fi
# The web page's packages, exactly as web/package-lock.json pins them.
npm ci --prefix "$(dirname "$0")/../web" --no-audit --no-fund --loglevel=error
echo "landbridge: dependencies installed"
