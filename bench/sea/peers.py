#!/usr/bin/python3
"""Peers of bench_sea: the same marnet graph and queries in networkx and python-igraph.

Builds the graph exactly as landbridge reads it (longitude folded into [-180, 180), vertices
joined on coordinates rounded to 1e-6 degree, one segment per vertex pair with the union of
its passage tags, haversine lengths on the rounded vertices, ports snapped to the nearest
vertex by haversine), runs the port pairs bench_sea wrote to <workdir>/pairs.tsv, times each
query, checks the distances against landbridge's, and times igraph / networkx one-to-all from
the sources of <workdir>/rows.tsv, extrapolated to the whole port-to-port matrix.

    /usr/bin/python3 bench/sea/peers.py --data data/marnet --workdir DIR [--nx-pairs N]

Prints human-readable lines and "RESULT <name> <value>" lines for run.sh.
"""
import argparse
import json
import math
import resource
import statistics
import sys
import time

import igraph
import networkx as nx
import numpy as np

R_KM = 6371.0
UNITS = 1e6  # per degree


def fold(lon):
    """Longitude into [-180, 180), as landbridge::normalize_lon (C fmod)."""
    x = math.fmod(lon + 180.0, 360.0)
    if x < 0:
        x += 360.0
    return x - 180.0


def llround(x):
    """C llround: half away from zero."""
    return int(math.copysign(math.floor(abs(x) + 0.5), x))


def vertex_key(lon, lat):
    ilon = llround(fold(lon) * UNITS)
    ilat = llround(lat * UNITS)
    if ilon >= 180 * UNITS:
        ilon -= int(360 * UNITS)
    return ilon, ilat


def haversine(lat1, lon1, lat2, lon2):
    rad = math.pi / 180.0
    dlat = (lat2 - lat1) * rad
    dlon = (lon2 - lon1) * rad
    s = math.sin(dlat / 2) ** 2 + math.cos(lat1 * rad) * math.cos(lat2 * rad) * math.sin(dlon / 2) ** 2
    return 2.0 * R_KM * math.asin(min(1.0, math.sqrt(s)))


def load(data_dir):
    with open(f"{data_dir}/marnet_searoute.geojson") as f:
        lanes = json.load(f)
    ids = {}
    pos = []  # (lat, lon) of each vertex
    segs = {}  # (a, b) a < b -> set of passages

    def vid(c):
        k = vertex_key(c[0], c[1])
        v = ids.get(k)
        if v is None:
            v = ids[k] = len(pos)
            pos.append((k[1] / UNITS, k[0] / UNITS))
        return v

    for feat in lanes["features"]:
        geom = feat["geometry"]
        parts = [geom["coordinates"]] if geom["type"] == "LineString" else geom["coordinates"]
        passage = (feat.get("properties") or {}).get("passage")
        for part in parts:
            vs = [vid(c) for c in part]
            for a, b in zip(vs, vs[1:]):
                if a == b:
                    continue
                key = (min(a, b), max(a, b))
                tags = segs.setdefault(key, set())
                if passage:
                    tags.add(passage)
    edges = sorted(segs)
    lengths = [haversine(pos[a][0], pos[a][1], pos[b][0], pos[b][1]) for a, b in edges]
    tags = [segs[e] for e in edges]

    with open(f"{data_dir}/ports.geojson") as f:
        ports_json = json.load(f)
    ports = []  # (locode, lat, lon)
    for feat in ports_json["features"]:
        lon, lat = feat["geometry"]["coordinates"][:2]
        if not (-180.0 <= lon < 180.0):
            lon = fold(lon)
        ports.append((feat["properties"]["port"], lat, lon))

    # Snap: brute-force haversine over all vertices (numpy), lowest index on a tie.
    vlat = np.radians(np.array([p[0] for p in pos]))
    vlon = np.radians(np.array([p[1] for p in pos]))
    cos_vlat = np.cos(vlat)
    snap_v, snap_km = [], []
    for _, lat, lon in ports:
        plat, plon = math.radians(lat), math.radians(lon)
        s = np.sin((vlat - plat) / 2) ** 2 + math.cos(plat) * cos_vlat * np.sin((vlon - plon) / 2) ** 2
        d = 2.0 * R_KM * np.arcsin(np.minimum(1.0, np.sqrt(s)))
        v = int(np.argmin(d))
        snap_v.append(v)
        snap_km.append(haversine(lat, lon, pos[v][0], pos[v][1]))
    return pos, edges, lengths, tags, ports, snap_v, snap_km


def read_pairs(path):
    pairs = []
    with open(path) as f:
        next(f)
        for line in f:
            a, b, _, _, km, km_suez = line.rstrip("\n").split("\t")
            pairs.append((int(a), int(b), float(km), float(km_suez)))
    return pairs


def read_rows(path):
    rows = []
    with open(path) as f:
        for line in f:
            vals = line.rstrip("\n").split("\t")
            rows.append((int(vals[0]), [float(x) for x in vals[1:]]))
    return rows


def pct(values, q):
    v = sorted(values)
    return v[int(math.floor(q * (len(v) - 1) + 0.5))]


def rel(a, b):
    if math.isinf(a) and math.isinf(b):
        return 0.0
    return abs(a - b) / max(abs(b), 1e-12)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", required=True)
    ap.add_argument("--workdir", required=True)
    ap.add_argument("--nx-pairs", type=int, default=1000, help="pairs timed with networkx")
    ap.add_argument("--nx-sources", type=int, default=5, help="one-to-all sources timed with networkx")
    args = ap.parse_args()

    t0 = time.perf_counter()
    pos, edges, lengths, tags, ports, snap_v, snap_km = load(args.data)
    load_s = time.perf_counter() - t0
    n, m = len(pos), len(edges)
    print(f"peers: {n} vertices, {m} segments, {len(ports)} ports; read+snap {load_s:.2f} s "
          f"(python {sys.version.split()[0]}, igraph {igraph.__version__}, networkx {nx.__version__})")

    # Snapping agrees with landbridge?
    snap_mismatch = 0
    with open(f"{args.workdir}/snap.tsv") as f:
        next(f)
        for line in f:
            p, _, vlat, vlon, _ = line.rstrip("\n").split("\t")
            v = snap_v[int(p)]
            if abs(pos[v][0] - float(vlat)) > 1e-9 or abs(pos[v][1] - float(vlon)) > 1e-9:
                snap_mismatch += 1

    t0 = time.perf_counter()
    ig = igraph.Graph(n=n, edges=edges, directed=False)
    ig.es["weight"] = lengths
    ig_build_s = time.perf_counter() - t0
    no_suez = [i for i, t in enumerate(tags) if "suez" not in t]
    ig_ns = ig.subgraph_edges(no_suez, delete_vertices=False)

    t0 = time.perf_counter()
    G = nx.Graph()
    G.add_nodes_from(range(n))
    G.add_weighted_edges_from((a, b, w) for (a, b), w in zip(edges, lengths))
    nx_build_s = time.perf_counter() - t0

    def port_km(graph_km, a, b):
        if a == b:
            return 0.0
        if math.isinf(graph_km):
            return math.inf
        return snap_km[a] + graph_km + snap_km[b]

    pairs = read_pairs(f"{args.workdir}/pairs.tsv")

    # igraph, one query at a time.
    ig_us, worst_ig = [], 0.0
    for a, b, km, _ in pairs:
        t = time.perf_counter_ns()
        d = ig.distances(source=snap_v[a], target=snap_v[b], weights="weight")[0][0]
        ig_us.append((time.perf_counter_ns() - t) / 1000.0)
        worst_ig = max(worst_ig, rel(port_km(d, a, b), km))
    # igraph's path call is sometimes faster than distances(); time it too (distance = sum of
    # the path's edge weights) and let the faster of the two stand for igraph.
    ig_sp_us = []
    for a, b, km, _ in pairs:
        t = time.perf_counter_ns()
        path = ig.get_shortest_paths(snap_v[a], snap_v[b], weights="weight", output="epath")[0]
        d = sum(lengths[e] for e in path) if path or snap_v[a] == snap_v[b] else math.inf
        ig_sp_us.append((time.perf_counter_ns() - t) / 1000.0)
        worst_ig = max(worst_ig, rel(port_km(d, a, b), km))
    worst_suez = 0.0
    for a, b, _, km_suez in pairs[:200]:
        d = ig_ns.distances(source=snap_v[a], target=snap_v[b], weights="weight")[0][0]
        worst_suez = max(worst_suez, rel(port_km(d, a, b), km_suez))

    # networkx, one query at a time (bidirectional Dijkstra, its fastest point-to-point call).
    nx_us, worst_nx = [], 0.0
    for a, b, km, _ in pairs[: args.nx_pairs]:
        t = time.perf_counter_ns()
        try:
            d, _ = nx.bidirectional_dijkstra(G, snap_v[a], snap_v[b], weight="weight")
        except nx.NetworkXNoPath:
            d = math.inf
        nx_us.append((time.perf_counter_ns() - t) / 1000.0)
        worst_nx = max(worst_nx, rel(port_km(d, a, b), km))

    # One-to-all from the sources of rows.tsv, compared with landbridge's rows, extrapolated.
    rows = read_rows(f"{args.workdir}/rows.tsv")
    # igraph: one call for all sample sources, to the vertices ports snap to (its fastest way;
    # a call per source with all vertices as targets is about 1.5x slower).
    port_vertices = sorted(set(snap_v))
    column = {v: i for i, v in enumerate(port_vertices)}
    t = time.perf_counter()
    dm = ig.distances(source=[snap_v[s] for s, _ in rows], target=port_vertices, weights="weight")
    ig_src_s = [(time.perf_counter() - t) / len(rows)]
    worst_row = 0.0
    for (s, row), dv in zip(rows, dm):
        for p, y in enumerate(row):
            worst_row = max(worst_row, rel(port_km(dv[column[snap_v[p]]], s, p), math.inf if y < 0 else y))
    nx_src_s = []
    for s, _ in rows[: args.nx_sources]:
        t = time.perf_counter()
        dv = nx.single_source_dijkstra_path_length(G, snap_v[s], weight="weight")
        _ = [port_km(dv.get(snap_v[p], math.inf), s, p) for p in range(len(ports))]
        nx_src_s.append(time.perf_counter() - t)
    ig_matrix_s = statistics.mean(ig_src_s) * len(ports)
    nx_matrix_s = statistics.mean(nx_src_s) * len(ports)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0

    print(f"graph build: igraph {ig_build_s:.3f} s, networkx {nx_build_s:.3f} s")
    print(f"snapping differs from landbridge for {snap_mismatch} of {len(ports)} ports")
    print(f"one-to-one, {len(ig_us)} pairs, microseconds:")
    print(f"  igraph distances()           p50 {pct(ig_us, .5):9.1f}  p90 {pct(ig_us, .9):9.1f}  p99 {pct(ig_us, .99):9.1f}")
    print(f"  igraph get_shortest_paths()  p50 {pct(ig_sp_us, .5):9.1f}  p90 {pct(ig_sp_us, .9):9.1f}  p99 {pct(ig_sp_us, .99):9.1f}")
    print(f"  networkx bidirectional ({len(nx_us):4d}) p50 {pct(nx_us, .5):9.1f}  p90 {pct(nx_us, .9):9.1f}  p99 {pct(nx_us, .99):9.1f}")
    print(f"  worst relative difference to landbridge: igraph {worst_ig:.2e}, networkx {worst_nx:.2e}, "
          f"igraph suez closed (200 pairs) {worst_suez:.2e}, one-to-all rows {worst_row:.2e}")
    print(f"full matrix extrapolated from {len(rows)} / {len(nx_src_s)} sources: "
          f"igraph {ig_matrix_s:.1f} s, networkx {nx_matrix_s:.1f} s")
    print(f"peak RSS (python process) {peak_mb:.1f} MB")
    best = ig_us if pct(ig_us, .5) <= pct(ig_sp_us, .5) else ig_sp_us
    for k, v in [("igraph_dist_p50_us", pct(ig_us, .5)), ("igraph_path_p50_us", pct(ig_sp_us, .5)),
                 ("igraph_p50_us", pct(best, .5)), ("igraph_p90_us", pct(best, .9)),
                 ("igraph_p99_us", pct(best, .99)), ("nx_p50_us", pct(nx_us, .5)),
                 ("nx_p90_us", pct(nx_us, .9)), ("nx_p99_us", pct(nx_us, .99)),
                 ("igraph_matrix_s", ig_matrix_s), ("nx_matrix_s", nx_matrix_s),
                 ("worst_rel", max(worst_ig, worst_nx, worst_suez, worst_row)),
                 ("snap_mismatch", snap_mismatch), ("peak_rss_mb", peak_mb)]:
        print(f"RESULT {k} {v}")
    ok = snap_mismatch == 0 and max(worst_ig, worst_nx, worst_suez, worst_row) < 1e-6
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
