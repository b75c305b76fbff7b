#!/usr/bin/env bash
# A private, throw-away PostgreSQL server for the test suite (never a system cluster).
#   bash scripts/pg-test.sh start DIR   initdb in DIR/data, start on a free loopback port with its
#                                        socket in DIR/sock, create database landbridge_test and
#                                        write its libpq URL to DIR/url (and print it)
#   bash scripts/pg-test.sh stop DIR    stop the server and delete DIR/data and DIR/url
# Both are idempotent: start on a running cluster prints its URL, stop on a stopped one says so.
# Trust authentication on loopback and the socket only; fsync is off (the data is thrown away).
# initdb refuses to run as root: as root the server runs as user `postgres` (runuser).
# Environment: PG_BIN (default /usr/lib/postgresql/15/bin).
set -euo pipefail
bin=${PG_BIN:-/usr/lib/postgresql/15/bin}
die() { echo "pg-test: $*" >&2; exit 1; }

[[ $# -eq 2 && ( $1 == start || $1 == stop ) ]] || die "usage: pg-test.sh start|stop DIR"
action=$1
mkdir -p "$2" || die "cannot create $2"
dir=$(cd "$2" && pwd)
data=$dir/data sock=$dir/sock log=$dir/server.log
for tool in initdb pg_ctl createdb psql; do
  [[ -x $bin/$tool ]] || die "$bin/$tool not found: install the Debian package postgresql-15 (scripts/deps.sh)"
done

# Run a PostgreSQL tool as the cluster's owner.
as_owner() {
  if [[ $(id -u) -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}
if [[ $(id -u) -eq 0 ]]; then
  id postgres >/dev/null 2>&1 || die "running as root but there is no user 'postgres' to run the server"
  chown postgres: "$dir"
  as_owner test -w "$dir" ||
    die "user postgres cannot write $dir (a parent folder is not open to it); use a DIR under /tmp"
fi

running() { [[ -f $data/PG_VERSION ]] && as_owner "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; }

if [[ $action == stop ]]; then
  if running; then
    as_owner "$bin/pg_ctl" -D "$data" -m fast -w -t 60 stop >/dev/null || die "pg_ctl stop failed; see $log"
    echo "pg-test: stopped the server in $dir"
  else
    echo "pg-test: no server running in $dir"
  fi
  rm -rf "$data" "$sock" "$dir/url"
  exit 0
fi

if running && [[ -s $dir/url ]]; then
  cat "$dir/url"
  exit 0
fi
# Whatever is left from an earlier run that did not stop cleanly is thrown away.
rm -rf "$data" "$sock" "$dir/url"
as_owner mkdir -p "$sock"
as_owner "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --no-sync >"$dir/initdb.log" 2>&1 ||
  die "initdb failed:$(printf '\n'; tail -n 20 "$dir/initdb.log")"
# Only loopback and the private socket: trust, nothing else.
cat >"$data/pg_hba.conf" <<'HBA'
local all all trust
host all all 127.0.0.1/32 trust
HBA
[[ $(id -u) -eq 0 ]] && chown postgres: "$data/pg_hba.conf"
sock_opt=$sock
(( ${#sock} > 90 )) && sock_opt=""  # a socket path must fit in 107 bytes: then loopback only

free_port() { /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
port=""
for attempt in 1 2 3 4 5; do
  candidate=$(free_port)
  if as_owner "$bin/pg_ctl" -D "$data" -l "$log" -w -t 60 \
      -o "-p $candidate -c listen_addresses=127.0.0.1 -c unix_socket_directories='$sock_opt' -c max_connections=300 -c fsync=off -c full_page_writes=off" \
      start >/dev/null 2>&1; then
    port=$candidate
    break
  fi
  echo "pg-test: start on port $candidate failed (attempt $attempt), trying another" >&2
done
[[ -n $port ]] || die "the server did not start; last lines of $log:$(printf '\n'; tail -n 20 "$log" 2>/dev/null)"
as_owner "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres landbridge_test ||
  die "createdb landbridge_test failed on port $port"
url="postgresql://postgres@127.0.0.1:$port/landbridge_test"
echo "$url" >"$dir/url.tmp" && mv "$dir/url.tmp" "$dir/url"
echo "$url"
