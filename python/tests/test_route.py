"""Routes through the module equal the command line's `route --json` for the same query."""

import datetime
import json

import pytest

import landbridge
from conftest import run_cli


def test_shortcut_pareto_has_totals():
    its = landbridge.route("JPHKT", "DEDUI", pareto=True)
    assert isinstance(its, list) and len(its) >= 2
    total = its[0]["total"]
    for key in ("days", "hours", "cost_usd", "co2e_kg", "distance_km"):
        assert total[key] > 0
    assert its.info["from"] == "JPHKT" and its.info["to"] == "DEDUI" and its.info["pareto"] is True


@pytest.mark.parametrize("args, options", [
    (["--pareto"], {"pareto": True}),
    (["--optimize", "cost", "-k", "2"], {"optimize": "cost", "alternatives": 2}),
    (["--avoid", "RU,suez", "--unit", "feu", "--count", "3"], {"avoid": ["RU", "suez"], "unit": "feu", "count": 3}),
])
def test_static_route_equals_cli(engine, lb_bin, args, options):
    cli = json.loads(run_cli(lb_bin, "route", "JPHKT", "DEDUI", "--json", *args))
    its = engine.route("JPHKT", "DEDUI", **options)
    assert its.to_dict() == cli
    assert [it["total"] for it in its] == [it["total"] for it in cli["itineraries"]]


def test_timetabled_route_equals_cli(engine, lb_bin):
    cli = json.loads(run_cli(lb_bin, "route", "Hakata", "Duisburg", "--depart", "2026-12-10", "--pareto", "--json"))
    its = engine.route("Hakata", "Duisburg", depart=datetime.date(2026, 12, 10), pareto=True)
    assert its.timetabled
    assert its.to_dict() == cli
    assert all("depart" in it and "arrive" in it for it in its)
    # schedule() is the same call
    assert engine.schedule("Hakata", "Duisburg", depart="2026-12-10", pareto=True).to_dict() == cli


def test_avoid_accepts_comma_text(engine):
    a = engine.route("JPHKT", "DEDUI", avoid="RU,suez")
    b = engine.route("JPHKT", "DEDUI", avoid=("RU", "suez"))
    assert a.to_dict() == b.to_dict()
    assert all("RUVYP" not in it["via"] for it in a)


def test_locate(engine):
    found = engine.locate("Duisb")
    assert found[0]["code"] == "DEDUI" and found[0]["on_network"] is True
    assert found[0]["country"] == "DE" and found[0]["timezone"] == "Europe/Berlin"


def test_chart_equals_cli(engine, lb_bin):
    cli = json.loads(run_cli(lb_bin, "chart", "JPHKT", "DEDUI", "--json"))
    c = engine.chart("JPHKT", "DEDUI")
    assert c["series"] == cli
    assert "Hakata" in c["title"]
    svg = engine.chart("JPHKT", "DEDUI", svg=True)
    assert svg.lstrip().startswith("<svg") or svg.lstrip().startswith("<?xml")


def test_node_and_link_info(engine):
    n = engine.node("KZHOR", after="2026-12-10", limit=2)
    assert n["code"] == "KZHOR"
    its = engine.route("JPHKT", "DEDUI")
    link_id = next(s["link"] for s in its[0]["steps"] if s["kind"] == "leg")
    l = engine.link(link_id)
    assert l["id"] == link_id


def test_engine_on_another_package(repo):
    eng = landbridge.Engine(repo / "tests/data/packages/mini")
    info = eng.info()
    assert info["name"] == "mini" and info["nodes"] > 0
    its = eng.route("JPHKT", "KZHOR")
    assert its[0]["via"][0] == "JPHKT" and its[0]["via"][-1] == "KZHOR"


def test_rows_flatten_totals(engine):
    its = engine.route("JPHKT", "DEDUI", pareto=True)
    rows = landbridge.to_rows(its)
    assert len(rows) == len(its)
    assert rows[0]["days"] == its[0]["total"]["days"] and rows[0]["label"] == its[0]["label"]


def test_to_dataframe_without_or_with_pandas(engine):
    its = engine.route("JPHKT", "DEDUI", pareto=True)
    try:
        import pandas  # noqa: F401
    except ImportError:
        with pytest.raises(ImportError, match="pandas"):
            landbridge.to_dataframe(its)
        return
    df = landbridge.to_dataframe(its)
    assert list(df["days"]) == [it["total"]["days"] for it in its]


def test_routes_need_no_numpy():
    # NumPy is imported only when simulation records are asked for
    import pathlib
    import subprocess
    import sys
    code = ("import sys, landbridge; landbridge.route('JPHKT', 'DEDUI'); "
            "print('numpy' in sys.modules)")
    env = {"PYTHONPATH": str(pathlib.Path(landbridge.__file__).resolve().parents[1])}
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.strip() == "False"
