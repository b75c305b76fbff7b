#!/usr/bin/python3
"""64 concurrent clients race for the last slots of one departure (issue 8, item 8).

The test package (tests/data/packages/service-race) has a weekly feeder F1 Hakata -> Lianyungang
(400 TEU) and a weekly train T1 Lianyungang -> Khorgos of 48 TEU. A shipper books most of one
train first; then every client tries to book one FEU (2 TEU) on the same Hakata -> Khorgos
itinerary, which holds slots on both departures. Clients retry with the same Idempotency-Key on
timeouts, broken connections and "in flight" answers; some give up on their first attempt after
a few milliseconds (so the retry overlaps it), some send a finished request again, some send
the same request twice at once (to two servers with --servers 2), and some reuse a key with
another body.

Afterwards, read back through the API:
  - never more TEU confirmed than offered, on either departure (load list and bookings agree);
  - the train is exactly full (demand exceeds the free slots, so nothing may be lost either);
  - every acknowledged (2xx) booking is there, CONFIRMED, with the containers it was given;
  - one booking per Idempotency-Key: every answer to a key names the same booking, and the
    CONFIRMED bookings are exactly the preloaded ones and the acknowledged ones;
  - a key reused with another body is refused (422) and books nothing;
  - ISO 6346 container numbers valid and never given twice;
  - a rejected (sold-out) booking holds nothing, also not on the feeder.
"""

import argparse
import os
import sys
import threading
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lbharness as h  # noqa: E402

ROUTE = "/v1/routes?from=JPHKT&to=KZHOR&depart=2026-12-10"
FEEDER = "F1@2026-12-11T01:00Z"   # Fri 10:00 +09:00
TRAIN = "T1@2026-12-14T00:00Z"    # Mon 08:00 +08:00, 48 TEU
TRAIN_TEU = 48
FEU = "42G1"


def parse_args():
    p = argparse.ArgumentParser(description=__doc__)
    p.add_argument("--binary", required=True)
    p.add_argument("--network", required=True)
    p.add_argument("--scratch", required=True)
    p.add_argument("--db", choices=("sqlite", "postgresql"), default="sqlite")
    p.add_argument("--pg-url-file", default="")
    p.add_argument("--servers", type=int, default=1, help="server processes on one database")
    p.add_argument("--clients", type=int, default=64)
    p.add_argument("--preload-feu", type=int, default=16, help="FEU booked before the race")
    p.add_argument("--deadline", type=float, default=90.0, help="seconds for the race itself")
    return p.parse_args()


def run(a):
    scratch = h.fresh_scratch(a.scratch)
    name = f"lb_race_{a.db}_{a.servers}s"
    db = h.database_url(a.db, scratch, name, a.pg_url_file)
    h.log(f"database {db}")

    operator = h.make_key(a.binary, db, "operator", "Lianyungang Terminal")
    preloader = h.make_key(a.binary, db, "shipper", "preload-shipper")
    tokens = [h.make_key(a.binary, db, "shipper", f"racer-{i:02d}") for i in range(a.clients)]

    servers = [h.Server(a.binary, db, a.network, scratch, f"server{i}").start()
               for i in range(a.servers)]
    try:
        clients = [h.Client(s.port) for s in servers]
        check_race(a, clients, operator, preloader, tokens)
    finally:
        for s in servers:
            s.stop()


def check_race(a, clients, operator, preloader, tokens):
    first = clients[0]
    routes = first.get_ok(ROUTE)
    refs = h.routing_references(routes)
    h.check(refs, f"GET {ROUTE} offers no routingReference: {str(routes)[:400]}")
    body = {"routingReference": refs[0], "ISOEquipmentCode": FEU, "units": 1}

    # Most of the train first, one FEU at a time.
    preloaded = set()
    pre = h.Client(first.port, preloader)
    for i in range(a.preload_feu):
        ans = h.post_booking(pre, h.History(), body, f"preload-{i}", 10.0, time.monotonic() + 30, "preload")
        h.check(ans and ans[0] == 201, f"preload booking {i}: {ans}")
        preloaded.add(h.booking_reference(ans[1]))
    h.check(len(preloaded) == a.preload_feu, "preload bookings share a reference")
    free_feu = (TRAIN_TEU - 2 * a.preload_feu) // 2
    h.log(f"preloaded {a.preload_feu} FEU; {free_feu} FEU left for {a.clients} clients")

    history = h.History()
    finals = {}            # client index -> list of (key, status, body) final answers
    reused = {}            # client index -> status of the same key with another body
    errors = []
    start = threading.Barrier(a.clients, timeout=60)  # a broken barrier fails the test, never hangs
    until = time.monotonic() + a.deadline
    mu = threading.Lock()

    def racer(i):
        try:
            tok = tokens[i]
            c = h.Client(clients[i % len(clients)].port, tok)
            other = h.Client(clients[(i + 1) % len(clients)].port, tok)
            key = h.new_key()
            style = i % 4
            start.wait()
            answers = []
            if style == 3:
                # The same request twice at once (to both servers when there are two).
                box = []
                t = threading.Thread(target=lambda: box.append(
                    h.post_booking(other, history, body, key, 10.0, until, i)))
                t.start()
                answers.append(h.post_booking(c, history, body, key, 10.0, until, i))
                t.join()
                answers.extend(box)
            else:
                first_timeout = 0.002 + 0.003 * (i % 5) if style == 1 else None
                answers.append(h.post_booking(c, history, body, key, 10.0, until, i,
                                              first_timeout=first_timeout))
                if style == 2:
                    # Done, then sent again: the first answer comes back.
                    answers.append(h.post_booking(other, history, body, key, 10.0, until, i))
                    # The same key with another body: refused, nothing booked.
                    other_body = dict(body, units=2)
                    try:
                        s, _, d = c.call("POST", "/v2/bookings", body=other_body, idem=key)
                        with mu:
                            reused[i] = (s, d)
                    except h.UNKNOWN as e:
                        with mu:
                            reused[i] = (None, repr(e))
            with mu:
                finals[i] = [(key,) + (ans if ans else (None, None)) for ans in answers]
        except Exception as e:  # a bug of the test itself: report, do not hang the barrier
            with mu:
                errors.append(f"client {i}: {e!r}")

    threads = [threading.Thread(target=racer, args=(i,)) for i in range(a.clients)]
    t0 = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=a.deadline + 30)
    h.check(not any(t.is_alive() for t in threads), "clients still running after the deadline")
    h.check(not errors, "client errors: " + "; ".join(errors))
    seen = {}
    for o in history.ops:
        label = str(o["status"] or "no answer")
        seen[label] = seen.get(label, 0) + 1
    h.log(f"race done in {time.monotonic() - t0:.1f}s: {len(history.ops)} attempts, answers "
          + ", ".join(f"{k}: {v}" for k, v in sorted(seen.items())))

    # --- every key got a definite answer, and all answers to one key agree -----------------
    winners, losers = {}, {}   # key -> booking reference
    for i, answers in finals.items():
        statuses = {s for _, s, _ in answers}
        h.check(None not in statuses, f"client {i}: no definite answer before the deadline")
        h.check(len(statuses) == 1, f"client {i}: one key, different statuses {statuses}")
        key, status, _ = answers[0]
        named = {h.booking_reference(d) for _, _, d in answers}
        h.check(len(named) == 1, f"client {i}: one key, several bookings {named}")
        ref = named.pop()
        if 200 <= status < 300:
            h.check(status == 201, f"client {i}: booking answered {status}, expected 201")
            h.check(ref, f"client {i}: 201 without carrierBookingReference: {answers[0][2]}")
            h.check(h.booking_status(answers[0][2]) == "CONFIRMED",
                    f"client {i}: 201 but status {h.booking_status(answers[0][2])}")
            winners[key] = (ref, i, answers[0][2])
        else:
            doc = answers[0][2] or {}
            h.check(status == 409 and h.problem_slug(doc) == "sold-out",
                    f"client {i}: expected 201 or 409 sold-out, got {status} {doc}")
            losers[key] = ref
        if len(answers) > 1:
            bodies = {str(sorted(h.containers_of(d))) for _, _, d in answers}
            h.check(len(bodies) == 1, f"client {i}: a repeated key answered other containers")
    for i, (s, d) in reused.items():
        h.check(s == 422, f"client {i}: same key, other body: expected 422, got {s} {d}")

    # --- never more than offered; nothing lost; the train is exactly full -------------------
    h.check(len(winners) <= free_feu,
            f"{len(winners)} FEU confirmed in the race but only {free_feu} were free: overbooked")
    h.check(len(winners) == free_feu,
            f"only {len(winners)} of {free_feu} free FEU sold although {a.clients} clients asked")
    win_refs = {r for r, _, _ in winners.values()}
    h.check(len(win_refs) == len(winners), "two keys were answered with one booking")

    op = h.Client(clients[-1].port, operator)
    listed = h.all_bookings(op, operator)
    by_ref = {h.booking_reference(b): b for b in listed}
    confirmed = {r for r, b in by_ref.items() if h.booking_status(b) == "CONFIRMED"}
    missing = (win_refs | preloaded) - confirmed
    h.check(not missing, f"acknowledged bookings lost or not CONFIRMED: {sorted(missing)}")
    extra = confirmed - win_refs - preloaded
    h.check(not extra, f"CONFIRMED bookings nobody was answered with (duplicates?): {sorted(extra)}")
    named_rejected = {r for r in losers.values() if r}
    rejected = {r for r, b in by_ref.items() if h.booking_status(b) == "REJECTED"}
    h.check(named_rejected <= rejected, "a sold-out answer names a booking that is not REJECTED")
    h.check(len(rejected) <= len(losers),
            f"{len(rejected)} REJECTED bookings for {len(losers)} sold-out keys: a retry stored twice")

    # --- each winner reads back as its owner saw it; others cannot see it --------------------
    all_containers = []
    for key, (ref, i, doc) in winners.items():
        mine = h.Client(clients[0].port, tokens[i])
        back = mine.get_ok(f"/v2/bookings/{ref}")
        h.check(h.booking_status(back) == "CONFIRMED", f"{ref}: reads back {h.booking_status(back)}")
        boxes = h.containers_of(back)
        h.check(sorted(boxes) == sorted(h.containers_of(doc)),
                f"{ref}: containers {boxes} differ from the acknowledged {h.containers_of(doc)}")
        h.check(len(boxes) == 1, f"{ref}: 1 x {FEU} booked, containers {boxes}")
        all_containers += boxes
        stranger = tokens[(i + 1) % len(tokens)]
        s, _, _ = mine.call("GET", f"/v2/bookings/{ref}", token=stranger)
        h.check(s == 404, f"{ref}: another shipper reads it with status {s}, expected 404")
    for ref in preloaded:
        all_containers += h.containers_of(by_ref[ref])
    bad = [c for c in all_containers if not h.iso6346_ok(c)]
    h.check(not bad, f"container numbers with a wrong ISO 6346 check digit: {bad}")
    h.check(len(set(all_containers)) == len(all_containers), "a container number given twice")
    h.check(len(all_containers) == len(confirmed), "a CONFIRMED booking without its container")

    # --- the load lists agree with the bookings, on both departures ---------------------------
    held = 2 * len(confirmed)
    for dep, offered in ((TRAIN, TRAIN_TEU), (FEEDER, 400)):
        used, cap, rows, doc = h.load_list(op, operator, dep)
        h.check(cap == offered, f"{dep}: load list offers {cap} TEU, the package says {offered}")
        h.check(used is not None and used <= cap, f"{dep}: {used} TEU used of {cap}: overbooked")
        h.check(used == held, f"{dep}: load list says {used} TEU used, CONFIRMED bookings hold {held}")
        row_refs = {h.booking_reference(r) for r in rows}
        h.check(row_refs == confirmed,
                f"{dep}: load list bookings differ from the CONFIRMED ones: "
                f"only listed {sorted(row_refs - confirmed)}, not listed {sorted(confirmed - row_refs)}")
    h.log(f"{len(winners)} won, {len(losers)} sold out, {held} TEU on {TRAIN} of {TRAIN_TEU}")

    # --- the sold-out departure is not offered any more; the next week's train is -------------
    again = first.get_ok(ROUTE)
    rides = h.rides(again)
    h.check(("T1", "2026-12-14T00:00Z") not in rides, f"{TRAIN} is full but still offered by {ROUTE}")
    h.check(("T1", "2026-12-21T00:00Z") in rides, f"{ROUTE} does not offer the next train: {rides}")


if __name__ == "__main__":
    args = parse_args()
    h.main(lambda: run(args))
