#!/usr/bin/env python3
"""Land bridge or all-sea? A week of daily departures, compared on the timetables.

For each day of a week a box is ready at the origin at 00:00 local time. Two timetabled
questions are asked of the built-in Eurasian package (landbridge.schedule):

  land bridge  the fastest journey that uses no deep-sea line (feeder to the Asian rail
               terminal, then block trains, gauge changes and borders to Europe);
  all sea      the fastest journey that crosses neither Kazakhstan, Russia nor Mongolia (the
               countries every land bridge of the package crosses): deep-sea via Suez or the
               Cape, with a feeder to the deep-sea port and rail or road on from the European
               port where the destination is inland.

Each answer's door-to-door days (from the box being ready to its arrival), the days of the
trip itself (first departure to arrival), its cost and CO2e are printed as a table, one row
per ready day; the door-to-door days are drawn as a plot when matplotlib is installed.

    PYTHONPATH=build/python /usr/bin/python3 examples/python/land_vs_sea.py \\
        [--from Hakata] [--to Duisburg] [--start 2026-12-07] [--days 7] [--plot land_vs_sea.png]
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys

import landbridge

# What forces each corridor (route --avoid items, docs/routing.md).
CORRIDORS = {
    "land bridge": ["deep_sea"],
    "all sea": ["KZ", "RU", "MN"],
}


def fastest(engine: landbridge.Engine, origin: str, dest: str, day: dt.date, avoid: list[str]):
    """The earliest arrival for a box ready on `day`, or None when no journey exists."""
    try:
        its = engine.schedule(origin, dest, depart=day, avoid=avoid)
    except landbridge.QueryError as e:
        if e.problem == "no_route":
            return None
        raise
    return its[0] if its else None


def door_days(it: dict) -> float:
    """Days from the box being ready to its arrival (the answer's UTC instants)."""
    ready = dt.datetime.fromisoformat(it["ready"].replace("Z", "+00:00"))
    arrive = dt.datetime.fromisoformat(it["arrive"].replace("Z", "+00:00"))
    return (arrive - ready).total_seconds() / 86400


def main(argv: list[str]) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--from", dest="origin", default="Hakata", help="origin (Hakata, Busan, a UN/LOCODE)")
    ap.add_argument("--to", dest="dest", default="Duisburg", help="destination (Duisburg, Rotterdam, ...)")
    ap.add_argument("--start", default="2026-12-07", help="first ready day (YYYY-MM-DD)")
    ap.add_argument("--days", type=int, default=7, help="departure days (default a week)")
    ap.add_argument("--plot", default="land_vs_sea.png", help="image to write when matplotlib is installed")
    ap.add_argument("--package", default=None, help="network package folder (default: the built-in one)")
    a = ap.parse_args(argv)

    engine = landbridge.Engine(a.package)
    start = dt.date.fromisoformat(a.start)
    days = [start + dt.timedelta(days=i) for i in range(a.days)]
    rows = []
    for day in days:
        row = {"day": day}
        for name, avoid in CORRIDORS.items():
            row[name] = fastest(engine, a.origin, a.dest, day, avoid)
        rows.append(row)

    print(f"{a.origin} -> {a.dest}: a box ready at 00:00 local each day, the earliest arrival per corridor")
    print("door = ready to handed over (days), trip = first departure to arrival, arrive = local date")
    cell = "| {:>5} {:>5} {:>6} {:>6} {:>5} "
    head = f"{'ready':<11}" + "".join(f"| {n:<34}" for n in CORRIDORS) + "| land saves"
    print(head)
    print(f"{'':<11}" + cell.format("door", "trip", "USD", "kgCO2e", "arr.") * len(CORRIDORS) + "| (door days)")
    print("-" * len(head))
    for row in rows:
        line = f"{row['day'].isoformat():<11}"
        for name in CORRIDORS:
            it = row[name]
            if it is None:
                line += f"| {'no journey':<34}"
                continue
            t = it["total"]
            line += cell.format(f"{door_days(it):.1f}", f"{t['days']:.1f}", f"{t['cost_usd']:.0f}",
                                f"{t['co2e_kg']:.0f}", it["arrive_local"][5:10])
        land, sea = row["land bridge"], row["all sea"]
        if land is not None and sea is not None:
            line += f"| {door_days(sea) - door_days(land):>5.1f}"
        print(line)

    try:
        import matplotlib
        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        print("matplotlib is not installed: skipped the plot")
        return 0
    fig, ax = plt.subplots(figsize=(8, 4))
    for name in CORRIDORS:
        pts = [(r["day"], door_days(r[name])) for r in rows if r[name] is not None]
        if pts:
            ax.plot([p[0] for p in pts], [p[1] for p in pts], marker="o", label=name)
    ax.set_title(f"{a.origin} -> {a.dest}: door-to-door days by ready day")
    ax.set_ylabel("days")
    ax.legend()
    fig.autofmt_xdate()
    fig.savefig(a.plot, dpi=120, bbox_inches="tight")
    print(f"plot written to {a.plot}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
