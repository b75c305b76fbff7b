"""Engine errors arrive as Python exceptions that carry file, line and field."""

import shutil

import pytest

import landbridge


def test_unknown_place_names_the_field(engine):
    with pytest.raises(landbridge.QueryError) as info:
        engine.route("JPHKT", "Xqzzyville")
    e = info.value
    assert e.problem == "bad_request" and e.field == "to"
    assert isinstance(e, ValueError) and isinstance(e, landbridge.Error)
    assert "Xqzzyville" in str(e)


def test_bad_date_names_depart(engine):
    with pytest.raises(landbridge.QueryError) as info:
        engine.route("JPHKT", "DEDUI", depart="2026-13-45")
    assert info.value.field == "depart" and info.value.problem == "bad_request"


def test_static_only_option_with_depart_is_refused(engine):
    with pytest.raises(landbridge.QueryError) as info:
        engine.route("JPHKT", "DEDUI", depart="2026-12-10", optimize="cost")
    assert info.value.field == "optimize"


def test_unknown_node_is_not_found(engine):
    with pytest.raises(landbridge.QueryError) as info:
        engine.node("ZZZZZ")
    assert info.value.problem == "not_found" and info.value.field == "code"
    with pytest.raises(landbridge.QueryError) as info:
        engine.link("no-such-link")
    assert info.value.problem == "not_found" and info.value.field == "id"


def test_broken_package_lists_diagnostics(repo, tmp_path):
    pkg = tmp_path / "broken"
    shutil.copytree(repo / "tests/data/packages/mini", pkg)
    nodes = (pkg / "nodes.csv").read_text().splitlines()
    # second data row (physical line 3): latitude out of range
    cells = nodes[2].split(",")
    cells[4] = "91.5"
    nodes[2] = ",".join(cells)
    (pkg / "nodes.csv").write_text("\n".join(nodes) + "\n")
    with pytest.raises(landbridge.LoadError) as info:
        landbridge.Engine(pkg)
    diags = info.value.diagnostics
    hit = [d for d in diags if d["file"].endswith("nodes.csv") and d["line"] == 3 and d["field"] == "lat"]
    assert hit, diags
    assert hit[0]["value"] == "91.5" and hit[0]["message"]


def test_bad_scenario_names_file_line_field(scenario, tmp_path):
    text = scenario.read_text().replace("headway_h = 168", "headway_h = -5", 1)
    bad = tmp_path / "bad.toml"
    bad.write_text(text)
    shutil.copy(scenario.with_suffix(".csv"), tmp_path / scenario.with_suffix(".csv").name)
    line = next(i for i, l in enumerate(text.splitlines(), 1) if l.startswith("headway_h = -5"))
    with pytest.raises(landbridge.ScenarioError) as info:
        landbridge.simulate(bad, replications=2)
    e = info.value
    assert e.file == str(bad) and e.line == line and e.field.endswith("headway_h"), (e.file, e.line, e.field, str(e))
    assert e.detail and e.detail in str(e)


def test_missing_scenario_file(tmp_path):
    with pytest.raises(landbridge.ScenarioError) as info:
        landbridge.simulate(tmp_path / "absent.toml")
    assert str(tmp_path / "absent.toml") in str(info.value)


def test_run_size_out_of_range_is_a_request_error(scenario):
    with pytest.raises(landbridge.RequestError, match="replications 1"):
        landbridge.simulate(scenario, replications=1)
