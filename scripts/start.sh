#!/usr/bin/env bash
# The main job (README, first set-up line): builds the engine and the web page, compares the
# Pareto-optimal routes from Hakata to Duisburg on the built-in reference network, then serves
# the web page and the API on it at http://127.0.0.1:8080/ until Ctrl-C.
#   bash scripts/start.sh [--port P] [--db URL]      (other serve options pass through)
# On the first start it makes two API keys for trying the page (a shipper and an operator) in
# the database and keeps their tokens in landbridge-keys.txt (not committed); later starts
# print the same ones.
set -euo pipefail
cd "$(dirname "$0")/.."
jobs=${JOBS:-2}
db=sqlite:landbridge.db
args=()
while (($#)); do
  case "$1" in
    --db) db=$2; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done

cmake -S . -B build >/dev/null
cmake --build build -j"$jobs"
(cd web && npm run build >/dev/null)
lb=build/apps/landbridge/landbridge

echo
echo "== Hakata -> Duisburg: every Pareto-optimal route (time, cost, CO2e) on the built-in network"
"$lb" route JPHKT DEDUI --pareto

keys=landbridge-keys.txt
if [[ ! -s $keys ]] || [[ "$(head -1 "$keys")" != "database $db" ]]; then
  {
    echo "database $db"
    echo "shipper  $("$lb" keys add --role shipper --party 'Demo Forwarder' --db "$db" 2>/dev/null)"
    echo "operator $("$lb" keys add --role operator --party 'Demo Terminal' --db "$db" 2>/dev/null)"
  } >"$keys"
fi
echo
echo "== API keys for the page's sign-in (kept in $keys):"
sed 's/^/   /' "$keys"
echo
exec "$lb" serve --db "$db" "${args[@]}"
