#!/usr/bin/python3
"""`kill -9` of the server during a booking load, restart on the same database (issue 8, item 8).

Sixteen clients book continuously (1 or 2 boxes of 22G1 or 42G1, on Hakata -> Lianyungang or
Hakata -> Khorgos itineraries of four weeks, so bookings hold one or two departures and some
trains sell out) and now and then cancel one of their bookings (PATCH, releasing its slots) while the server is killed with SIGKILL five times and restarted on the same
database. Each request is recorded as acknowledged (2xx), refused (a definite 4xx) or unknown
(no answer: the kill cut it off). After the last restart every unknown request is sent again
with its Idempotency-Key until it has a definite answer: a write that had committed before the
kill must come back as a replay of the same booking, one that had not is done now. Then:
  - every booking acknowledged with a 2xx before a kill is there, same containers, CONFIRMED
    or, when its cancellation was acknowledged, CANCELLED holding nothing; its key still
    replays it;
  - the bookings in the database are exactly those the answers name: nothing half-written,
    nothing twice;
  - on every departure, the TEU booked (the load list) equals the sum of the TEU held by the
    CONFIRMED and RECEIVED bookings that use it, and never exceeds the capacity: no half
    booking holds capacity.
"""

import argparse
import os
import random
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lbharness as h  # noqa: E402

DATES = ["2026-12-10", "2026-12-17", "2026-12-24", "2026-12-31"]
DESTINATIONS = ["KZHOR", "CNLYG"]
TEU_PER_BOX = {"22G1": 1, "42G1": 2}
CAPACITY = {"F1": 400, "T1": 48}
CANCEL = {"bookingStatus": "CANCELLED"}


def parse_args():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--binary", required=True)
    p.add_argument("--network", required=True)
    p.add_argument("--scratch", required=True)
    p.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    p.add_argument("--pg-url-file", default="")
    p.add_argument("--clients", type=int, default=16)
    p.add_argument("--kills", type=int, default=5)
    p.add_argument("--seed", type=int, default=8)
    return p.parse_args()


class Load:
    """Clients booking against whatever port the server listens on now."""

    def __init__(self, tokens, refs, seed):
        self.tokens, self.refs = tokens, refs
        self.port = None
        self.stop = threading.Event()
        self.history = h.History()
        self.sent = {}          # key -> (token index, body)
        self.cancels = {}       # key -> (token index, booking reference)
        self.cancel_history = h.History()
        self.mu = threading.Lock()
        self.acked = 0
        self.rng = random.Random(seed)

    def cancel(self, i, rng, mine):
        """PATCH one of this client's confirmed bookings to CANCELLED (releases its slots)."""
        ref = mine.pop(rng.randrange(len(mine)))
        key = h.new_key()
        with self.mu:
            self.cancels[key] = (i, ref)
        c = h.Client(self.port, self.tokens[i])
        try:
            status, _, doc = c.call("PATCH", f"/v2/bookings/{ref}", body=CANCEL, idem=key, timeout=5)
        except ConnectionRefusedError:
            with self.mu:
                del self.cancels[key]
            mine.append(ref)
            time.sleep(0.05)
            return
        except h.UNKNOWN as e:
            self.cancel_history.add(who=i, key=key, outcome="info", status=None, body=repr(e))
            return
        self.cancel_history.add(who=i, key=key, status=status, body=doc,
                                outcome="info" if h.retryable(status, doc) else "ok" if status == 200 else "fail")

    def client(self, i):
        rng = random.Random(self.rng.random() + i)
        mine = []       # this client's acknowledged bookings, not cancelled
        while not self.stop.is_set():
            if mine and rng.random() < 0.15:
                self.cancel(i, rng, mine)
                continue
            code = rng.choice(list(TEU_PER_BOX))
            body = {"routingReference": rng.choice(self.refs), "ISOEquipmentCode": code,
                    "units": rng.choice((1, 1, 2))}
            key = h.new_key()
            with self.mu:
                self.sent[key] = (i, body)
            c = h.Client(self.port, self.tokens[i])
            try:
                status, _, doc = c.call("POST", "/v2/bookings", body=body, idem=key, timeout=5)
            except ConnectionRefusedError:
                # Nobody listening (between a kill and the restart): the request never left.
                with self.mu:
                    del self.sent[key]
                time.sleep(0.05)
                continue
            except h.UNKNOWN as e:
                self.history.add(who=i, key=key, outcome="info", status=None, body=repr(e))
                time.sleep(0.05)
                continue
            outcome = "info" if h.retryable(status, doc) else "ok" if 200 <= status < 300 else "fail"
            self.history.add(who=i, key=key, outcome=outcome, status=status, body=doc)
            if outcome == "ok":
                mine.append(h.booking_reference(doc))
                with self.mu:
                    self.acked += 1


def _sold_out(doc):
    return h.problem_slug(doc) == "sold-out"


def run(a):
    scratch = h.fresh_scratch(a.scratch)
    db = h.database_url(a.db, scratch, f"lb_crash_{a.db}", a.pg_url_file)
    h.log(f"database {db}")
    operator = h.make_key(a.binary, db, "operator", "Lianyungang Terminal")
    tokens = [h.make_key(a.binary, db, "shipper", f"loader-{i:02d}") for i in range(a.clients)]

    server = h.Server(a.binary, db, a.network, scratch, "server").start()
    try:
        pub = h.Client(server.port)
        refs, legs = [], {}   # routingReference -> departures it rides
        for to in DESTINATIONS:
            for d in DATES:
                doc = pub.get_ok(f"/v1/routes?from=JPHKT&to={to}&depart={d}")
                got = h.routing_references(doc)
                h.check(got, f"no routingReference JPHKT -> {to} on {d}")
                refs.append(got[0])
                legs[got[0]] = len(h.rides(h.itinerary_of(doc, got[0])))

        load = Load(tokens, refs, a.seed)
        load.port = server.port
        threads = [threading.Thread(target=load.client, args=(i,), daemon=True)
                   for i in range(a.clients)]
        for t in threads:
            t.start()
        for k in range(a.kills):
            # Kill once some bookings went through since the last start (or after 10 s).
            target = load.acked + 15
            wait_until = time.monotonic() + 10
            while load.acked < target and time.monotonic() < wait_until:
                time.sleep(0.01)
            time.sleep(random.Random(a.seed + k).uniform(0.0, 0.2))
            server.kill9()
            h.log(f"kill -9 #{k + 1} after {load.acked} acknowledged bookings")
            time.sleep(0.3)
            server.start(port=server.port)
            load.port = server.port
        time.sleep(0.5)
        load.stop.set()
        for t in threads:
            t.join(timeout=30)
        h.check(not any(t.is_alive() for t in threads), "load clients did not stop")
        h.check(load.acked > 0, "no booking acknowledged at all: the load never ran")

        verify(a, load, server, operator, legs)
    finally:
        server.stop()


def verify(a, load, server, operator, legs):
    hist = load.history
    acked = {o["key"]: o for o in hist.of("ok")}
    definite = {o["key"]: o for o in hist.of("fail")}
    unknown = {o["key"] for o in hist.of("info")} - set(acked) - set(definite)
    h.log(f"{len(acked)} acknowledged, {len(definite)} refused, {len(unknown)} unknown")

    # Resolve every unknown write by sending it again with its key.
    until = time.monotonic() + 60
    for key in sorted(unknown):
        i, body = load.sent[key]
        c = h.Client(server.port, load.tokens[i])
        ans = h.post_booking(c, hist, body, key, 10.0, until, i)
        h.check(ans is not None, f"key {key}: no definite answer after the restart")
        o = {"key": key, "status": ans[0], "body": ans[1]}
        (acked if 200 <= ans[0] < 300 else definite)[key] = o

    # The same for the cancellations: each ends acknowledged (200 CANCELLED) or refused.
    cancelled = {}
    for o in load.cancel_history.of("ok"):
        cancelled[o["key"]] = o
    cancel_unknown = {o["key"] for o in load.cancel_history.of("info")} - set(cancelled)
    cancel_unknown -= {o["key"] for o in load.cancel_history.of("fail")}
    for key in sorted(cancel_unknown):
        i, ref = load.cancels[key]
        c = h.Client(server.port, load.tokens[i])
        ans = h.send_write(c, load.cancel_history, "PATCH", f"/v2/bookings/{ref}", CANCEL, key, 10.0, until, i)
        h.check(ans is not None, f"cancel key {key}: no definite answer after the restart")
        if ans[0] == 200:
            cancelled[key] = {"key": key, "status": 200, "body": ans[1]}
    for o in load.cancel_history.of("fail"):
        h.check(False, f"cancelling {load.cancels[o['key']][1]} refused: {o['status']} {o['body']}")
    cancelled_refs = {load.cancels[k][1] for k in cancelled}
    for key, o in cancelled.items():
        h.check(h.booking_status(o["body"]) == "CANCELLED",
                f"cancel of {load.cancels[key][1]} answered 200 but {h.booking_status(o['body'])}")
    h.log(f"{len(cancelled)} cancellations acknowledged ({len(cancel_unknown)} had to be resent)")

    # Acknowledged keys replay the same booking after the kills.
    for key, o in acked.items():
        i, body = load.sent[key]
        c = h.Client(server.port, load.tokens[i])
        s, _, doc = c.call("POST", "/v2/bookings", body=body, idem=key)
        h.check(s == o["status"] and h.booking_reference(doc) == h.booking_reference(o["body"]),
                f"key {key}: acknowledged {o['status']} {h.booking_reference(o['body'])}, "
                f"replayed {s} {h.booking_reference(doc)} after restart")

    op = h.Client(server.port, operator)
    listed = h.all_bookings(op, operator)
    by_ref = {h.booking_reference(b): b for b in listed}
    h.check(len(by_ref) == len(listed), "the booking list names a booking twice")

    # Every acknowledged booking is there as it was acknowledged.
    for key, o in acked.items():
        ref = h.booking_reference(o["body"])
        h.check(ref in by_ref, f"acknowledged booking {ref} (key {key}) is gone after kill -9")
        b = by_ref[ref]
        want = "CANCELLED" if ref in cancelled_refs else "CONFIRMED"
        h.check(h.booking_status(b) == want, f"{ref}: acknowledged, now {h.booking_status(b)}, expected {want}")
        h.check(sorted(h.containers_of(b)) == sorted(h.containers_of(o["body"])),
                f"{ref}: containers changed after restart")

    # The database holds exactly the bookings the answers name.
    answered = {h.booking_reference(o["body"]) for o in acked.values()}
    answered |= {h.booking_reference(o["body"]) for o in definite.values()
                 if _sold_out(o["body"]) and h.booking_reference(o["body"])}
    stored = set(by_ref)
    h.check(stored <= answered | {None},
            f"bookings no answer names (half-written or duplicated): {sorted(stored - answered)[:10]}")
    h.check(len(stored) <= len(acked) + sum(1 for o in definite.values() if _sold_out(o["body"])),
            "more bookings stored than keys that booked")

    # Every booking holding slots holds them on every departure of its itinerary, each with
    # the booking's TEU: all or nothing, also across a kill.
    for key, o in acked.items():
        ref = h.booking_reference(o["body"])
        _, body = load.sent[key]
        teu = body["units"] * TEU_PER_BOX[body["ISOEquipmentCode"]]
        deps = h.booking_departures(by_ref[ref])
        if ref in cancelled_refs:
            continue    # what it held is released: the load lists below show it
        h.check(len(deps) == legs[body["routingReference"]] and all(t == teu for _, t in deps),
                f"{ref}: {body['units']} x {body['ISOEquipmentCode']} on "
                f"{legs[body['routingReference']]} departures, holds {deps}")

    # Booked TEU per departure == TEU held by CONFIRMED/RECEIVED bookings, within capacity.
    held = {}
    for ref, b in by_ref.items():
        if h.booking_status(b) in ("CONFIRMED", "RECEIVED"):
            deps = h.booking_departures(b)
            h.check(deps, f"{ref}: a {h.booking_status(b)} booking without departures: {b}")
            for dep, teu in deps:
                held[dep] = held.get(dep, 0) + teu
    h.check(held, "no departure holds anything")
    for dep, teu in sorted(held.items()):
        used, cap, rows, _ = h.load_list(op, operator, dep)
        h.check(used == teu, f"{dep}: {used} TEU booked but bookings hold {teu}: a half booking")
        h.check(cap == CAPACITY[dep.split("@")[0]], f"{dep}: capacity {cap}")
        h.check(used <= cap, f"{dep}: {used} TEU booked of {cap}")
        h.log(f"{dep}: {used}/{cap} TEU")
    h.log(f"{len(stored)} bookings stored, {len(acked)} acknowledged, all accounted for")


if __name__ == "__main__":
    args = parse_args()
    h.main(lambda: run(args))
