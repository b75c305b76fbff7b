#!/usr/bin/python3
"""Builds data/unlocode/places.csv, the place index for door-to-door routing.

Input: the UN/LOCODE mirror geoapify/un-locode, one CSV per country
(country,location,name,nameWoDiacritics,subdivision,status,function,iata,lat,lon[,geocoded]).
Output: one row per UN/LOCODE that has valid coordinates:
    code,name,ascii,subdivision,lat,lon,geocoded,alt
sorted by code; `ascii` is empty when it equals `name`. Coordinates are rounded to 4 decimals (about 11 m).

Clean-up rules (the summary printed at the end counts each):
  * rows whose name held a comma were split into extra fields by the mirror's writer
    ("Andros Town, Andros Island"); they are re-joined when the pattern is unambiguous,
    otherwise dropped;
  * a name holding U+FFFD (an accent lost upstream) is replaced by the name without
    diacritics (where that one holds it too, the character is dropped);
  * rows without coordinates, with NaN or out-of-range coordinates are dropped;
  * a code listed twice with the same data keeps one row; a code listed twice under two
    names (bilingual places such as "Brussel (Bruxelles)" / "Bruxelles (Brussel)") keeps the
    first name and stores the other in `alt`.

Usage: scripts/make_places.py [SRC_DIR] [OUT_FILE]
  defaults: ../shared/data/unlocode (beside the repository)  data/unlocode/places.csv
"""
import collections
import csv
import glob
import math
import os
import sys

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
SRC = sys.argv[1] if len(sys.argv) > 1 else os.path.join(ROOT, "..", "shared", "data", "unlocode")
OUT = sys.argv[2] if len(sys.argv) > 2 else os.path.join(ROOT, "data", "unlocode", "places.csv")

FIELDS = ["country", "location", "name", "nameWoDiacritics", "subdivision", "status",
          "function", "iata", "lat", "lon", "geocoded"]


def number(text):
    try:
        v = float(text)
    except ValueError:
        return None
    return v if math.isfinite(v) else None


def repair(row, header):
    """A row split at a comma inside the name: fields 2/3 and 4/5 are the two halves of
    name and nameWoDiacritics. Returns the row as a dict, or None when it is not that shape."""
    if len(row) < 6 or not (row[2].startswith('"') and row[3].endswith('"')):
        return None
    name = (row[2] + "," + row[3]).strip('"').strip()
    ascii_name = (row[4] + "," + row[5]).strip('"').strip()
    rest = row[6:]
    # What is left: subdivision, function, lat, lon[, geocoded] (status and iata were lost).
    if len(rest) < 4 or number(rest[2]) is None or number(rest[3]) is None:
        return None
    return {"country": row[0], "location": row[1], "name": name, "nameWoDiacritics": ascii_name,
            "subdivision": rest[0], "status": "", "function": rest[1], "iata": "",
            "lat": rest[2], "lon": rest[3], "geocoded": rest[4] if len(rest) > 4 else ""}


def main():
    counts = collections.Counter()
    places = {}
    for path in sorted(glob.glob(os.path.join(SRC, "*.csv"))):
        with open(path, encoding="utf-8", newline="") as f:
            reader = csv.reader(f)
            header = next(reader)
            for row in reader:
                counts["rows"] += 1
                d = dict(zip(header, row))
                fixed = repair(row, header)
                if fixed is not None:
                    counts["re-joined (comma in name)"] += 1
                    d = fixed
                if number(d.get("lat", "")) is None or number(d.get("lon", "")) is None:
                    if d.get("lat", "") == "" and d.get("lon", "") == "":
                        counts["dropped: no coordinates"] += 1
                        continue
                    else:
                        counts["dropped: coordinates not a number (NaN or shifted row)"] += 1
                        continue
                lat, lon = number(d["lat"]), number(d["lon"])
                if not (-90 <= lat <= 90 and -180 <= lon <= 180):
                    counts["dropped: coordinates out of range"] += 1
                    print(f"  out of range: {d['country']}{d['location']} {d['name']} {lat} {lon}",
                          file=sys.stderr)
                    continue
                code = (d["country"] + d["location"]).upper()
                if len(code) != 5:
                    counts["dropped: code not 5 characters"] += 1
                    continue
                name = d["name"].strip()
                ascii_name = d["nameWoDiacritics"].strip() or name
                if "\ufffd" in ascii_name:
                    counts["U+FFFD dropped from the ASCII name too"] += 1
                    ascii_name = ascii_name.replace("\ufffd", "")
                if "\ufffd" in name:
                    counts["name with U+FFFD replaced by the ASCII name"] += 1
                    name = ascii_name
                rec = {"code": code, "name": name, "ascii": "" if ascii_name == name else ascii_name,
                       "subdivision": d["subdivision"].strip(), "function": d["function"].strip(),
                       "lat": f"{lat:.4f}", "lon": f"{lon:.4f}",
                       "geocoded": "1" if d.get("geocoded", "").strip().lower() == "true" else "",
                       "alt": ""}
                if code in places:
                    old = places[code]
                    if old["name"] == rec["name"]:
                        counts["dropped: exact duplicate"] += 1
                    elif not old["alt"]:
                        old["alt"] = rec["name"]
                        counts["duplicate code under a second name (kept as alt)"] += 1
                    else:
                        counts["dropped: third name for a code"] += 1
                    continue
                places[code] = rec
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["code", "name", "ascii", "subdivision", "lat", "lon", "geocoded", "alt"])
        for code in sorted(places):
            p = places[code]
            w.writerow([p[k] for k in ["code", "name", "ascii", "subdivision", "lat", "lon",
                                       "geocoded", "alt"]])
    for k, v in sorted(counts.items()):
        print(f"{k}: {v}")
    print(f"places written: {len(places)} -> {OUT}")


if __name__ == "__main__":
    main()
