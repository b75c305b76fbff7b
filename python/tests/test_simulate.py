"""simulate: KPIs as `simulate --json` prints them, records as NumPy arrays equal to the
--records CSV, determinism by seed, the progress callback."""

import csv
import json

import numpy as np

import landbridge
from conftest import run_cli

FLOAT_COLUMNS = ["ready_h", "wait_departure_h", "wait_crane_h", "service_crane_h", "border_h", "handling_h",
                 "closure_h", "running_h", "wait_path_h", "dwell_h", "wait_operation_h"]


def test_kpis_equal_cli_and_records_equal_csv(scenario, lb_bin, tmp_path):
    out_csv = tmp_path / "records.csv"
    cli = json.loads(run_cli(lb_bin, "simulate", scenario, "--replications", 2, "--seed", 7, "--json",
                             "--records", out_csv))
    res = landbridge.simulate(scenario, replications=2, seed=7, records=True)
    recs = res.pop("records")
    assert res == cli

    with open(out_csv, newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == len(recs) > 100
    assert recs.dtype == landbridge.box_record_dtype
    labels = [f["flow"] for f in res["flows"]]
    assert [int(r["id"]) for r in rows] == recs["id"].tolist()
    assert [r["flow"] for r in rows] == [labels[i] for i in recs["flow"]]
    for col in FLOAT_COLUMNS:
        np.testing.assert_allclose([float(r[col]) for r in rows], recs[col], atol=0.0006, err_msg=col)
    delivered = recs["delivered_h"] >= 0
    assert [r["delivered_h"] != "" for r in rows] == delivered.tolist()
    np.testing.assert_allclose([float(r["transit_h"]) for r in rows if r["transit_h"]],
                               (recs["delivered_h"] - recs["ready_h"])[delivered], atol=0.0011)
    assert [int(r["reroutes"]) for r in rows] == recs["reroutes"].tolist()


def test_records_are_a_view_not_a_copy(scenario):
    recs = landbridge.simulate(scenario, replications=2, seed=3, records=True)["records"]
    assert not recs.flags["OWNDATA"] and recs.base is not None
    assert type(recs.base).__name__ == "PyCapsule"  # the engine's vector, kept alive by the array
    assert np.shares_memory(recs["ready_h"], recs)


def test_same_seed_same_results_any_threads(scenario):
    a = landbridge.simulate(scenario, replications=2, seed=11, threads=1, records=True)
    b = landbridge.simulate(scenario, replications=2, seed=11, threads=2, records=True)
    c = landbridge.simulate(scenario, replications=2, seed=12, threads=2)
    assert a["kpis"] == b["kpis"]
    assert np.array_equal(a["records"], b["records"])
    assert a["kpis"] != c["kpis"]


def test_progress_callback_sees_every_replication_finish(scenario):
    calls = []
    res = landbridge.simulate(scenario, replications=4, seed=1, progress=lambda d, n: calls.append((d, n)))
    assert res["replications"] == 4
    assert calls and calls[-1] == (4, 4)
    assert all(n == 4 for _, n in calls)
    assert [d for d, _ in calls] == sorted(set(d for d, _ in calls))


def test_exception_in_progress_stops_the_run(scenario):
    class Stop(Exception):
        pass

    def progress(done, total):
        raise Stop(f"{done}/{total}")

    try:
        landbridge.simulate(scenario, replications=50, seed=1, progress=progress)
    except Stop as e:
        assert str(e).endswith("/50")
    else:
        raise AssertionError("the callback's exception was not raised")
