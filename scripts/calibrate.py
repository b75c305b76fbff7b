#!/usr/bin/python3
"""Compare the model's transit times with published ones and write docs/calibration.md.

For every row of data/calibration/published.csv the script asks the landbridge CLI for
  * the static itineraries (`route FROM TO --pareto --json` and `-k 20 --json`, with the row's
    avoid items) and keeps the fastest one whose stops include the row's via codes;
  * the timetabled journeys on seven consecutive departure days
    (`route FROM TO --depart 2026-12-0N --pareto --json`) and keeps, per day, the fastest
    matching journey; the table shows the median of the seven.
It then writes the Markdown table beside the published figure and the two ratios.

Usage (from the repository root):
  /usr/bin/python3 scripts/calibrate.py             # regenerate docs/calibration.md
  /usr/bin/python3 scripts/calibrate.py --check     # exit 1 if docs/calibration.md is stale
  /usr/bin/python3 scripts/calibrate.py --lint      # only check published.csv (no CLI calls)

Exit status: 0 ok; 1 stale (--check) or invalid published.csv; 2 some rows name a place the
network does not know yet (the document is still written, those rows marked; --allow-missing
turns this into 0); 3 the CLI failed in an unexpected way.
"""

import argparse
import concurrent.futures
import csv
import datetime
import json
import os
import re
import statistics
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_BINARY = os.path.join("build", "apps", "landbridge", "landbridge")
DEFAULT_PACKAGE = os.path.join("data", "eurasia")
DEFAULT_PUBLISHED = os.path.join("data", "calibration", "published.csv")
DEFAULT_OUTPUT = os.path.join("docs", "calibration.md")
FIRST_DEPARTURE = datetime.date(2026, 12, 1)
DEPARTURE_DAYS = 7
BAND = (0.85, 1.15)
COLUMNS = ["id", "from", "to", "corridor", "via", "avoid", "published_days",
           "published_days_lo", "published_days_hi", "scope", "date", "sources", "note"]
OPTIONAL_COLUMNS = ["comparability"]
SCOPES = {"door-to-door", "terminal-to-terminal", "port-to-port"}
LOCODE = re.compile(r"^[A-Z]{2}[A-Z2-9]{3}$")
DATE = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")
MISSING_NODE = "node not in network yet"


class RowError(Exception):
    """A problem with one row of published.csv, named by file, line and field."""


class CliError(Exception):
    """The CLI failed for a reason other than an unknown place."""


class UnknownPlace(Exception):
    """A row names a place the network package does not have (yet)."""


# ---------------------------------------------------------------- published.csv


def read_csv_rows(path):
    """Rows of a CSV file as (line number, dict), skipping blank lines and '#' comments."""
    with open(path, encoding="utf-8", newline="") as handle:
        lines = handle.read().splitlines()
    header = None
    rows = []
    for number, line in enumerate(lines, start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        fields = next(csv.reader([line]))
        if header is None:
            header = [f.strip() for f in fields]
            continue
        if len(fields) != len(header):
            raise RowError(f"{path}:{number}: {len(fields)} fields, header has {len(header)}")
        rows.append((number, {k: v.strip() for k, v in zip(header, fields)}))
    return header or [], rows


def source_keys(package):
    _, rows = read_csv_rows(os.path.join(package, "sources.csv"))
    return {row["key"] for _, row in rows}


def split_list(text):
    return [item.strip() for item in text.split(";") if item.strip()]


def parse_published(path, known_sources):
    """The rows of published.csv, checked; raises RowError naming file, line and field."""
    header, rows = read_csv_rows(path)
    missing = [c for c in COLUMNS if c not in header]
    if missing:
        raise RowError(f"{path}:1: missing column(s) {', '.join(missing)}")
    unknown = [c for c in header if c not in COLUMNS + OPTIONAL_COLUMNS]
    if unknown:
        raise RowError(f"{path}:1: unknown column(s) {', '.join(unknown)}")
    parsed = []
    seen = set()
    for line, row in rows:
        where = f"{path}:{line}"
        if not row["id"] or row["id"] in seen:
            raise RowError(f"{where}: id: empty or repeated '{row['id']}'")
        seen.add(row["id"])
        for field in ("from", "to"):
            if not LOCODE.match(row[field]):
                raise RowError(f"{where}: {field}: '{row[field]}' is not a UN/LOCODE")
        via = [alt.split("|") for alt in split_list(row["via"])]
        for group in via:
            for code in group:
                if not LOCODE.match(code):
                    raise RowError(f"{where}: via: '{code}' is not a UN/LOCODE")
        days = {}
        for field in ("published_days", "published_days_lo", "published_days_hi"):
            try:
                days[field] = float(row[field])
            except ValueError:
                raise RowError(f"{where}: {field}: '{row[field]}' is not a number") from None
            if days[field] <= 0:
                raise RowError(f"{where}: {field}: must be positive")
        if not days["published_days_lo"] <= days["published_days"] <= days["published_days_hi"]:
            raise RowError(f"{where}: published_days: {days['published_days']} is outside "
                           f"[{days['published_days_lo']}, {days['published_days_hi']}]")
        if row["scope"] not in SCOPES:
            raise RowError(f"{where}: scope: '{row['scope']}' is not one of {sorted(SCOPES)}")
        if not DATE.match(row["date"]):
            raise RowError(f"{where}: date: '{row['date']}' is not YYYY, YYYY-MM or YYYY-MM-DD")
        sources = split_list(row["sources"])
        if not sources:
            raise RowError(f"{where}: sources: a published figure needs at least one source")
        for key in sources:
            if key not in known_sources:
                raise RowError(f"{where}: sources: '{key}' is not a key of sources.csv")
        parsed.append({
            "id": row["id"], "from": row["from"], "to": row["to"],
            "corridor": row["corridor"], "via": via, "avoid": split_list(row["avoid"]),
            "days": days["published_days"], "lo": days["published_days_lo"],
            "hi": days["published_days_hi"], "scope": row["scope"], "date": row["date"],
            "sources": sources, "note": row["note"],
            "comparability": row.get("comparability", ""), "line": line,
        })
    return parsed


def network_nodes(package):
    _, rows = read_csv_rows(os.path.join(package, "nodes.csv"))
    return {row["code"] for _, row in rows}


# ---------------------------------------------------------------- model queries


def run_route(binary, package, args):
    """Run `landbridge route ... --json`; return the parsed JSON, or None when no route exists."""
    command = [binary, "route", *args, "--network", package, "--json"]
    done = subprocess.run(command, capture_output=True, text=True, cwd=ROOT)
    if done.returncode == 0:
        return json.loads(done.stdout)
    if done.returncode == 3:
        return None
    message = done.stderr.strip() or done.stdout.strip()
    if done.returncode == 2 and "unknown location" in message:
        raise UnknownPlace(message)
    raise CliError(f"{' '.join(command)} exited {done.returncode}: {message}")


def matches(itinerary, via):
    stops = set(itinerary.get("via", []))
    return all(any(code in stops for code in group) for group in via)


def fastest_matching(documents, via):
    candidates = [it for doc in documents if doc for it in doc["itineraries"] if matches(it, via)]
    if not candidates:
        return None
    return min(candidates, key=lambda it: (it["total"]["hours"], it["label"]))


def time_split(itinerary):
    """Days moving, handling, at borders (and gauge changes) and in dwell, and the two longest
    stops as 'operation@node h'."""
    parts = {"moving": 0.0, "handling": 0.0, "border": 0.0, "dwell": 0.0}
    stops = []
    for step in itinerary["steps"]:
        hours = step["hours"]
        if step["kind"] == "leg":
            parts["moving"] += hours
            continue
        operation = step.get("operation") or "stop"
        if operation == "handling":
            parts["handling"] += hours
        elif operation in ("border", "gauge_change"):
            parts["border"] += hours
        else:
            parts["dwell"] += hours
        if hours > 0:
            stops.append((hours, f"{operation}@{step['at']}"))
    stops.sort(key=lambda s: (-s[0], s[1]))
    longest = ", ".join(f"{name} {hours:.0f} h" for hours, name in stops[:2])
    return {k: v / 24.0 for k, v in parts.items()}, longest


def journey_days(itinerary):
    """Days from the journey's departure (the latest hand-over that still catches it) to arrival."""
    depart = datetime.datetime.fromisoformat(itinerary["depart"].replace("Z", "+00:00"))
    arrive = datetime.datetime.fromisoformat(itinerary["arrive"].replace("Z", "+00:00"))
    return (arrive - depart).total_seconds() / 86400.0


def avoid_args(row):
    return ["--avoid", ",".join(row["avoid"])] if row["avoid"] else []


def model_row(binary, package, row):
    """Static and timetabled model figures for one published row."""
    places = [row["from"], row["to"]]
    static_docs = [
        run_route(binary, package, [*places, "--pareto", *avoid_args(row)]),
        run_route(binary, package, [*places, "-k", "20", *avoid_args(row)]),
    ]
    static = fastest_matching(static_docs, row["via"])
    timetabled = []
    for offset in range(DEPARTURE_DAYS):
        day = (FIRST_DEPARTURE + datetime.timedelta(days=offset)).isoformat()
        doc = run_route(binary, package, [*places, "--depart", day, "--pareto", *avoid_args(row)])
        best = fastest_matching([doc], row["via"])
        if best is not None:
            timetabled.append(journey_days(best))
    result = {"static": None, "timetabled": None, "tt_days": timetabled}
    if static is not None:
        split, longest = time_split(static)
        result["static"] = {"days": static["total"]["days"], "label": static["label"],
                            "split": split, "longest": longest}
    if timetabled:
        result["timetabled"] = statistics.median(timetabled)
    return result


# ---------------------------------------------------------------- the document


def fmt_days(value):
    return "—" if value is None else f"{value:.1f}"


def fmt_ratio(value):
    return "—" if value is None else f"{value:.2f}"


def ratio(model, published):
    return None if model is None else model / published


def verdict(row, static_ratio, tt_ratio):
    if row["comparability"]:
        return "not comparable"
    ratios = [r for r in (static_ratio, tt_ratio) if r is not None]
    if not ratios:
        return "no matching itinerary"
    low, high = BAND
    outside = [r for r in ratios if not low <= r <= high]
    if not outside:
        return "within"
    side = "slow" if max(outside) > high else "fast"
    if any(r > high for r in outside) and any(r < low for r in outside):
        side = "mixed"
    return f"outside ({side})"


def published_cell(row):
    spread = "" if row["lo"] == row["hi"] else f" ({row['lo']:g}–{row['hi']:g})"
    keys = "".join(f"[{k}]" for k in row["sources"])
    return f"{row['days']:g}{spread} {keys}"


def via_text(row):
    parts = ["/".join(group) for group in row["via"]]
    text = "via " + ", ".join(parts) if parts else ""
    if row["avoid"]:
        text += ("; " if text else "") + "avoid " + ",".join(row["avoid"])
    return text or "—"


def escape(text):
    return text.replace("|", "\\|")


def render(rows, results, published_path, package):
    low, high = BAND
    days_list = ", ".join((FIRST_DEPARTURE + datetime.timedelta(days=i)).isoformat()
                          for i in (0, DEPARTURE_DAYS - 1))
    out = []
    out.append("# Calibration: model transit times against published ones")
    out.append("")
    out.append("<!-- Generated by scripts/calibrate.py; do not edit by hand. -->")
    out.append("")
    out.append(
        f"Each row of `{published_path}` is a published transit time (door to door, terminal to "
        "terminal or port to port) for an origin–destination pair of the reference network "
        f"`{package}`, with its sources (keys of `sources.csv`). Beside it the table shows what "
        "the model gives for the same pair:")
    out.append("")
    out.append(
        "* **static**: the fastest itinerary of `landbridge route FROM TO --pareto --json` and "
        "`landbridge route FROM TO -k 20 --json` (both with the row's `--avoid` items) whose "
        "stops (`via` in the JSON) include the row's via codes (`A/B` means either). Static days "
        "include handling at both ends and the expected `dwell` at transfers.")
    out.append(
        f"* **timetabled**: for each of {DEPARTURE_DAYS} departure days ({days_list.replace(', ', ' to ')}) "
        "the earliest-arriving matching journey of `landbridge route FROM TO --depart DAY --pareto "
        "--json`; the table gives the median (and the range) over the days of its door-to-door "
        "time from `depart` to `arrive`, i.e. from the latest hand-over at the origin that still "
        "catches that journey. Time spent waiting for the first departure after the box is ready "
        "is left out, as in published transit times; waits for connections on the way are in.")
    out.append("")
    out.append(
        f"A ratio is model ÷ published; the aim is every ratio within {low:.2f}–{high:.2f}. "
        "*Verdict* is `within` when every available ratio is inside the band, `outside (slow)` or "
        "`outside (fast)` otherwise, and `not comparable` where the row's `comparability` column "
        "gives a reason. *Model breakdown* splits the static itinerary's days into moving, "
        "handling, border/gauge change and dwell, and names its two longest stops: that is where "
        "a ratio far from 1 comes from. Rows whose places "
        f"are not in the network print `{MISSING_NODE}`.")
    out.append("")
    out.append("Published scopes differ: a terminal-to-terminal train time usually excludes the "
               "lifts at both ends which the model counts (A-O1, about 0.4 day each), and a "
               "port-to-port sailing time excludes waiting for the ship.")
    out.append("")
    out.append("Regenerate (from the repository root, after building the CLI):")
    out.append("")
    out.append("```sh")
    out.append("/usr/bin/python3 scripts/calibrate.py            # writes docs/calibration.md")
    out.append("/usr/bin/python3 scripts/calibrate.py --check    # exit 1 if this file is stale")
    out.append("```")
    out.append("")
    out.append("Both exit with status 2 while some rows name places the network does not have yet "
               "(`--allow-missing` makes that 0); a run takes a few minutes (9 CLI calls per row).")
    out.append("")
    out.append("| id | OD | corridor | matching | published days [sources] | scope, date | static days | "
               "timetabled median days | ratio static | ratio timetabled | verdict | "
               "model breakdown (static) | not comparable / notes |")
    out.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|")
    counts = {"within": 0, "outside": 0, "other": 0}
    for row in rows:
        result = results[row["id"]]
        od = f"{row['from']} → {row['to']}"
        if result == MISSING_NODE:
            cells = [row["id"], od, row["corridor"], escape(via_text(row)), published_cell(row),
                     f"{row['scope']}, {row['date']}", "—", "—", "—", "—", MISSING_NODE, "—",
                     escape(row["comparability"] or row["note"])]
            counts["other"] += 1
        else:
            static = result["static"]
            static_days = static["days"] if static else None
            s_ratio = ratio(static_days, row["days"])
            t_ratio = ratio(result["timetabled"], row["days"])
            v = verdict(row, s_ratio, t_ratio)
            key = "within" if v == "within" else "outside" if v.startswith("outside") else "other"
            counts[key] += 1
            breakdown = "—"
            if static:
                split = static["split"]
                breakdown = (f"{static['label']}: moving {split['moving']:.1f} d, handling "
                             f"{split['handling']:.1f} d, border/gauge {split['border']:.1f} d, "
                             f"dwell {split['dwell']:.1f} d; longest stops: "
                             f"{static['longest'] or 'none'}")
            timetabled = fmt_days(result["timetabled"])
            if not result["tt_days"]:
                timetabled = "no matching journey"
            if result["tt_days"] and len(result["tt_days"]) < DEPARTURE_DAYS:
                timetabled += f" ({len(result['tt_days'])} of {DEPARTURE_DAYS} days)"
            if result["tt_days"]:
                timetabled += f" ({min(result['tt_days']):.1f}–{max(result['tt_days']):.1f})"
            notes = row["note"]
            if row["comparability"]:
                notes = f"**Not comparable:** {row['comparability']} {notes}"
            cells = [row["id"], od, row["corridor"], escape(via_text(row)), published_cell(row),
                     f"{row['scope']}, {row['date']}", fmt_days(static_days), timetabled,
                     fmt_ratio(s_ratio), fmt_ratio(t_ratio), v, escape(breakdown), escape(notes)]
        out.append("| " + " | ".join(cells) + " |")
    out.append("")
    out.append(f"Rows: {len(rows)}; within the band: {counts['within']}; outside: "
               f"{counts['outside']}; not comparable, unmatched or not yet in the network: "
               f"{counts['other']}.")
    out.append("")
    return "\n".join(out)


# ---------------------------------------------------------------- main


def compute(binary, package, rows, jobs):
    nodes = network_nodes(os.path.join(ROOT, package))
    results = {}
    runnable = []
    for row in rows:
        absent = [code for code in [row["from"], row["to"]] if code not in nodes]
        if absent:
            results[row["id"]] = MISSING_NODE
            print(f"{row['id']}: {', '.join(absent)}: {MISSING_NODE}", file=sys.stderr)
        else:
            runnable.append(row)
    with concurrent.futures.ThreadPoolExecutor(max_workers=jobs) as pool:
        futures = {row["id"]: pool.submit(model_row, binary, package, row) for row in runnable}
        for row_id, future in futures.items():
            try:
                results[row_id] = future.result()
            except UnknownPlace as error:
                results[row_id] = MISSING_NODE
                print(f"{row_id}: {MISSING_NODE} ({error})", file=sys.stderr)
    return results


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--binary", default=DEFAULT_BINARY, help="landbridge CLI")
    parser.add_argument("--package", default=DEFAULT_PACKAGE, help="network package folder")
    parser.add_argument("--published", default=DEFAULT_PUBLISHED, help="published transit times")
    parser.add_argument("--output", default=DEFAULT_OUTPUT, help="Markdown file to write")
    parser.add_argument("--check", action="store_true",
                        help="do not write; exit 1 if the output file differs from a fresh run")
    parser.add_argument("--lint", action="store_true",
                        help="only check published.csv against sources.csv (no CLI calls)")
    parser.add_argument("--allow-missing", action="store_true",
                        help=f"exit 0 even if some rows print '{MISSING_NODE}'")
    parser.add_argument("--jobs", type=int, default=2, help="CLI calls run at once")
    args = parser.parse_args()

    published = os.path.join(ROOT, args.published)
    try:
        rows = parse_published(published, source_keys(os.path.join(ROOT, args.package)))
    except (RowError, OSError) as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    if args.lint:
        print(f"{args.published}: {len(rows)} rows ok")
        return 0

    binary = os.path.join(ROOT, args.binary)
    if not os.access(binary, os.X_OK):
        print(f"error: {args.binary}: no landbridge binary (build it: cmake --build build "
              "--target landbridge)", file=sys.stderr)
        return 3
    try:
        results = compute(binary, args.package, rows, max(1, args.jobs))
    except CliError as error:
        print(f"error: {error}", file=sys.stderr)
        return 3
    text = render(rows, results, args.published, args.package)
    output = os.path.join(ROOT, args.output)
    if args.check:
        try:
            with open(output, encoding="utf-8") as handle:
                current = handle.read()
        except OSError:
            current = None
        if current != text:
            print(f"{args.output} is stale: run /usr/bin/python3 scripts/calibrate.py",
                  file=sys.stderr)
            return 1
        print(f"{args.output} is up to date")
    else:
        with open(output, "w", encoding="utf-8") as handle:
            handle.write(text)
        print(f"wrote {args.output} ({len(rows)} rows)")
    missing = [r for r, v in results.items() if v == MISSING_NODE]
    if missing and not args.allow_missing:
        print(f"{len(missing)} row(s) name places not in the network yet: {', '.join(missing)} "
              "(rerun after those nodes are merged, or pass --allow-missing)", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
