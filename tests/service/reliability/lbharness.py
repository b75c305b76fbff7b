"""Harness of the service reliability tests: starts the real `landbridge serve` binary on a
fresh database, creates API keys with `landbridge keys`, and talks HTTP to it on loopback.

Python's standard library only (http.client, threading, subprocess): the tests drive the server
from outside as a client would, so they need no HTTP library of their own, and a client that
blocks on a socket per thread is the simplest faithful model of 64 independent clients.

Every operation a test client performs is recorded in the Jepsen manner: invoke, then `ok`
(a 2xx), `fail` (a definite error answer) or `info` (no answer: timeout or broken connection;
the write may or may not have happened). The checks then compare that history with what the
server reads back.
"""

import http.client
import json
import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import threading
import time
import uuid

# --------------------------------------------------------------------------------------------
# failures


class CheckFailed(Exception):
    """An invariant the service must keep did not hold."""


def check(cond, message):
    if not cond:
        raise CheckFailed(message)


def log(*parts):
    print(time.strftime("%H:%M:%S"), *parts, flush=True)


# --------------------------------------------------------------------------------------------
# scratch folders, ports, databases


def fresh_scratch(path):
    """The test's own folder, emptied first so a rerun starts from nothing."""
    shutil.rmtree(path, ignore_errors=True)
    os.makedirs(path)
    return path


def free_port():
    """A loopback port nobody listens on right now (the kernel's choice)."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


PSQL = "/usr/lib/postgresql/15/bin/psql"


def pg_base_url(url_file):
    """The URL of the test cluster the ctest fixture started: $LANDBRIDGE_TEST_PG, else the file
    the fixture's setup wrote. Never a skip: no cluster is a failure."""
    url = os.environ.get("LANDBRIDGE_TEST_PG", "").strip()
    if not url and url_file and os.path.exists(url_file):
        with open(url_file) as f:
            url = f.read().strip()
    check(url, f"no PostgreSQL test cluster: LANDBRIDGE_TEST_PG unset and {url_file} missing "
               "(the pg fixture's setup test must run first)")
    return url


def with_database(url, dbname):
    """`url` with its database name replaced (postgresql://user@host:port/db?params)."""
    m = re.match(r"^(postgres(?:ql)?://[^/?]*)(/[^?]*)?(\?.*)?$", url)
    check(m, f"cannot read the PostgreSQL URL {url!r}")
    return f"{m.group(1)}/{dbname}{m.group(3) or ''}"


def pg_fresh_database(base_url, name):
    """Creates an empty database `name` (dropped first) on the test cluster; returns its URL.
    Each test gets its own, so tests may run in parallel on one cluster."""
    admin = with_database(base_url, "postgres")
    for sql in (f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)', f'CREATE DATABASE "{name}"'):
        r = subprocess.run([PSQL, "-X", "-q", "-v", "ON_ERROR_STOP=1", "-d", admin, "-c", sql],
                           capture_output=True, text=True, timeout=30)
        check(r.returncode == 0, f"psql {sql!r} failed: {r.stderr.strip()}")
    return with_database(base_url, name)


def database_url(kind, scratch, name, pg_url_file):
    """A fresh database of `kind` ("sqlite" or "postgresql") for one test."""
    if kind == "sqlite":
        return "sqlite:" + os.path.join(scratch, name + ".db")
    check(kind == "postgresql", f"unknown database kind {kind!r}")
    return pg_fresh_database(pg_base_url(pg_url_file), name)


# --------------------------------------------------------------------------------------------
# the landbridge binary


TOKEN = re.compile(r"\blb_[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\b")


def make_key(binary, db, role, party):
    """`landbridge keys add`: the new key's token (`lb_<id>.<secret>`)."""
    cmd = [binary, "keys", "add", "--role", role, "--party", party, "--db", db]
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
    check(r.returncode == 0, f"{' '.join(cmd)} exited {r.returncode}: {r.stderr.strip()}")
    m = TOKEN.search(r.stdout)
    check(m, f"{' '.join(cmd)} printed no token: {r.stdout!r}")
    return m.group(0)


class Server:
    """One `landbridge serve` process on loopback, its output in a log file of the scratch."""

    def __init__(self, binary, db, network, scratch, name="server"):
        self.binary, self.db, self.network = binary, db, network
        self.scratch, self.name = scratch, name
        self.proc = None
        self.port = None
        self.starts = 0

    def start(self, port=None, ready_within=60.0):
        """Starts the server and waits until GET /health answers 200. A port picked free may be
        taken by someone else before the server binds it: then another one is tried."""
        for attempt in range(5):
            # A given port first (a restart keeps its address), then free ones.
            self.port = port if (port and attempt == 0) else free_port()
            self.starts += 1
            log_path = os.path.join(self.scratch, f"{self.name}.{self.starts}.log")
            self.log_path = log_path
            out = open(log_path, "wb")
            cmd = [self.binary, "serve", "--db", self.db, "--port", str(self.port)]
            if self.network:
                cmd += ["--network", self.network]
            self.proc = subprocess.Popen(cmd, stdout=out, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL)
            out.close()
            deadline = time.monotonic() + ready_within
            while time.monotonic() < deadline:
                if self.proc.poll() is not None:
                    break
                try:
                    status, _, _ = Client(self.port, timeout=2).call("GET", "/health")
                    if status == 200:
                        return self
                except (OSError, http.client.HTTPException):
                    pass
                time.sleep(0.05)
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
                raise CheckFailed(f"{self.name} not healthy within {ready_within}s; log {log_path}:\n"
                                  + self.log_tail())
        raise CheckFailed(f"{self.name} exited {self.proc.returncode} at start; log {self.log_path}:\n"
                          + self.log_tail())

    def log_tail(self, lines=30):
        try:
            with open(self.log_path, errors="replace") as f:
                return "".join(f.readlines()[-lines:])
        except OSError:
            return "(no log)"

    def kill9(self):
        """SIGKILL: no chance to finish anything."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait()

    def stop(self, within=20.0):
        """SIGTERM (graceful shutdown); SIGKILL if it is still there after `within` seconds.
        Returns the exit status."""
        if self.proc is None or self.proc.poll() is not None:
            return self.proc.returncode if self.proc else None
        self.proc.send_signal(signal.SIGTERM)
        try:
            return self.proc.wait(timeout=within)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
            raise CheckFailed(f"{self.name} did not stop within {within}s of SIGTERM")


# --------------------------------------------------------------------------------------------
# HTTP


class Client:
    """A loopback HTTP client: one connection per request (a retry after a broken connection is
    then simply a new request), JSON in and out."""

    def __init__(self, port, token=None, timeout=10.0):
        self.port, self.token, self.timeout = port, token, timeout

    def call(self, method, path, body=None, idem=None, timeout=None, token=None):
        """(status, headers dict with lower-case names, parsed JSON or None). Raises OSError or
        http.client.HTTPException when no answer came (the outcome is unknown)."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=timeout or self.timeout)
        try:
            headers = {"Accept": "application/json"}
            tok = token or self.token
            if tok:
                headers["Authorization"] = "Bearer " + tok
            data = None
            if body is not None:
                data = json.dumps(body).encode()
                headers["Content-Type"] = "application/json"
            if idem is not None:
                headers["Idempotency-Key"] = idem
            conn.request(method, path, body=data, headers=headers)
            resp = conn.getresponse()
            raw = resp.read()
            hdrs = {k.lower(): v for k, v in resp.getheaders()}
            parsed = None
            if raw:
                try:
                    parsed = json.loads(raw)
                except ValueError:
                    parsed = {"_raw": raw.decode(errors="replace")}
            return resp.status, hdrs, parsed
        finally:
            conn.close()

    def get_ok(self, path, token=None):
        status, _, body = self.call("GET", path, token=token)
        check(status == 200, f"GET {path}: {status} {body}")
        return body


UNKNOWN = (OSError, http.client.HTTPException)


# --------------------------------------------------------------------------------------------
# the service's JSON, read leniently where names may still move


def find_all(doc, key):
    """Every value of `key` anywhere in a JSON document, in document order."""
    out = []
    if isinstance(doc, dict):
        for k, v in doc.items():
            if k == key:
                out.append(v)
            out.extend(find_all(v, key))
    elif isinstance(doc, list):
        for v in doc:
            out.extend(find_all(v, key))
    return out


def routing_references(doc):
    return [r for r in find_all(doc, "routingReference") if isinstance(r, str) and r]


def rides(doc):
    """(service, departure time) of every leg of every itinerary in a routes answer."""
    out = set()

    def walk(x):
        if isinstance(x, dict):
            if x.get("kind") == "leg" and "service" in x:
                out.add((x["service"], x.get("depart")))
            for v in x.values():
                walk(v)
        elif isinstance(x, list):
            for v in x:
                walk(v)
    walk(doc)
    return out


def itinerary_of(doc, routing_reference):
    """The object of a routes answer that carries `routing_reference` (the itinerary)."""
    if isinstance(doc, dict):
        if doc.get("routingReference") == routing_reference:
            return doc
        doc = list(doc.values())
    if isinstance(doc, list):
        for v in doc:
            found = itinerary_of(v, routing_reference)
            if found is not None:
                return found
    return None


def booking_reference(doc):
    refs = find_all(doc, "carrierBookingReference")
    return refs[0] if refs else None


def booking_status(doc):
    s = find_all(doc, "bookingStatus")
    return s[0] if s else None


CONTAINER = re.compile(r"^[A-Z]{3}[UJZ][0-9]{7}$")


def containers_of(doc):
    """The container numbers a booking answer names (DCSA equipmentReference)."""
    seen = []
    for v in find_all(doc, "equipmentReference") + find_all(doc, "equipmentReferences"):
        for c in (v if isinstance(v, list) else [v]):
            if isinstance(c, str) and CONTAINER.match(c) and c not in seen:
                seen.append(c)
    return seen


def iso6346_ok(number):
    """ISO 6346 check digit: letters A=10 upward skipping multiples of 11, weights 2^i."""
    if not CONTAINER.match(number):
        return False
    values, v = {}, 10
    for ch in "ABCDEFGHIJKLMNOPQRSTUVWXYZ":
        if v % 11 == 0:
            v += 1
        values[ch] = v
        v += 1
    total = sum((values[c] if c.isalpha() else int(c)) << i for i, c in enumerate(number[:10]))
    return (total % 11) % 10 == int(number[10])


assert iso6346_ok("CSQU3054383") and iso6346_ok("APZU4812090") and not iso6346_ok("CSQU3054384")


# --------------------------------------------------------------------------------------------
# operations with a history


class History:
    """Thread-safe log of client requests: dicts with who, key, outcome (ok | fail | info),
    status, body, attempt."""

    def __init__(self):
        self._mu = threading.Lock()
        self.ops = []

    def add(self, **op):
        op["t"] = time.monotonic()
        with self._mu:
            self.ops.append(op)

    def of(self, outcome):
        with self._mu:
            return [o for o in self.ops if o["outcome"] == outcome]


def post_booking(client, history, body, idem, timeout, retry_until, who, first_timeout=None):
    """POST /v2/bookings with one Idempotency-Key, retried with the SAME key on timeouts,
    broken connections, 409 in-flight answers and 5xx until `retry_until` (monotonic seconds).
    Returns the final (status, body) or None when every attempt went unanswered."""
    return send_write(client, history, "POST", "/v2/bookings", body, idem, timeout, retry_until, who,
                      first_timeout)


def send_write(client, history, method, path, body, idem, timeout, retry_until, who, first_timeout=None):
    """A write (POST, PATCH) with one Idempotency-Key, retried as post_booking says."""
    attempt = 0
    while True:
        t = first_timeout if (attempt == 0 and first_timeout) else timeout
        attempt += 1
        try:
            status, _, doc = client.call(method, path, body=body, idem=idem, timeout=t)
        except UNKNOWN as e:
            history.add(who=who, key=idem, outcome="info", status=None, body=repr(e), attempt=attempt)
        else:
            definite = not retryable(status, doc)
            history.add(who=who, key=idem, outcome=("ok" if 200 <= status < 300 else
                                                     "fail" if definite else "info"),
                        status=status, body=doc, attempt=attempt)
            if definite:
                return status, doc
        if time.monotonic() >= retry_until:
            return None
        time.sleep(0.02 * min(attempt, 10))


def retryable(status, doc):
    """An answer that says "try again with the same key": the key is still in flight (409
    idempotency-key-in-flight), rate limited (429), or a server-side failure (5xx)."""
    if status == 429 or status >= 500:
        return True
    return status == 409 and problem_slug(doc) == "idempotency-key-in-flight"


def problem_slug(doc):
    """The last part of a problem's type ("sold-out"), "" for anything else."""
    kind = (doc or {}).get("type", "") if isinstance(doc, dict) else ""
    return kind.rsplit("/", 1)[-1] if isinstance(kind, str) else ""


def new_key():
    return str(uuid.uuid4())


# --------------------------------------------------------------------------------------------
# reading the server's state back


def all_bookings(client, token):
    """Every booking the caller may see (operators: all), following the list's nextCursor."""
    out, cursor, seen = [], None, set()
    for _ in range(1000):
        path = "/v2/bookings?limit=100" + (f"&cursor={cursor}" if cursor else "")
        status, _, doc = client.call("GET", path, token=token)
        check(status == 200, f"GET {path}: {status} {doc}")
        fresh = [b for b in doc["bookings"] if b["carrierBookingReference"] not in seen]
        seen.update(b["carrierBookingReference"] for b in fresh)
        out.extend(fresh)
        cursor = doc.get("nextCursor")
        if not fresh or not cursor:
            return out
    raise CheckFailed("booking list paging did not end")


def booking_departures(booking):
    """(departure key, TEU) pairs of a booking as the service shows it (its "departures")."""
    out = []
    for h in find_all(booking, "departures"):
        for x in (h if isinstance(h, list) else [h]):
            if isinstance(x, dict) and "departure" in x:
                out.append((x["departure"], int(x["TEU"])))
    return out


def load_list(client, token, departure):
    """(booked TEU, capacity TEU, rows, whole answer) of the departure's load list."""
    from urllib.parse import quote
    path = f"/v1/departures/{quote(departure, safe='@:')}/load-list"
    status, _, doc = client.call("GET", path, token=token)
    check(status == 200, f"GET {path}: {status} {doc}")
    return doc["bookedTEU"], doc["capacityTEU"], doc["bookings"], doc


def main(run):
    """Runs a test's `run()`, printing the failure and exiting 1 when an invariant broke."""
    started = time.monotonic()
    try:
        run()
    except CheckFailed as e:
        log("FAILED:", e)
        sys.exit(1)
    log(f"passed in {time.monotonic() - started:.1f}s")
