"""sweep: the table equals `landbridge sweep --json` for the same sweep; a second call resumes
from the finished cells."""

import json

import pytest

import landbridge
from conftest import run_cli

pytestmark = pytest.mark.skipif(not landbridge.has_sweep, reason="this build has no sweep library")


def write_sweep(tmp_path, scenario):
    sweep = tmp_path / "cranes-x-fleet.toml"
    sweep.write_text(f"""
[sweep]
name = "cranes-x-fleet"
base = "{scenario.as_posix()}"
replications = 2
seed = 9

[[axes]]
name = "khorgos_cranes"
key = "nodes[code=KZHOR].cranes"
values = [4, 8]

[[axes]]
name = "ferry_fleet"
key = "services.ferry.fleet"
values = [1, 2]
""")
    return sweep


def test_sweep_table_equals_cli_and_resumes(scenario, lb_bin, tmp_path):
    sweep = write_sweep(tmp_path, scenario)
    calls = []
    table = landbridge.sweep(sweep, out=tmp_path / "py", threads=2, progress=lambda d, n: calls.append((d, n)))
    cli = json.loads(run_cli(lb_bin, "sweep", sweep, "--json", "--out", tmp_path / "cli", "--threads", 2))
    assert table == cli
    assert len(table["cells"]) == 4
    rows = landbridge.to_rows(table)
    assert [(r["khorgos_cranes"], r["ferry_fleet"]) for r in rows] == [(4, 1), (4, 2), (8, 1), (8, 2)]
    kpi = "flow.JPHKT-DEDUI.mean_h"
    assert [r[kpi] for r in rows] == [c["kpis"][kpi]["mean"] for c in table["cells"]]
    assert calls and calls[-1][0] == calls[-1][1] == 8  # 4 cells x 2 replications
    # everything is done: a second call runs nothing and gives the same table
    calls.clear()
    again = landbridge.sweep(sweep, out=tmp_path / "py", progress=lambda d, n: calls.append((d, n)))
    assert again == table
    assert all(d == 0 for d, _ in calls)


def test_sweep_error_names_the_field(scenario, tmp_path):
    sweep = write_sweep(tmp_path, scenario)
    sweep.write_text(sweep.read_text().replace('key = "services.ferry.fleet"', 'key = "services.ferry.no_such_field"'))
    with pytest.raises(landbridge.ScenarioError) as info:
        landbridge.sweep(sweep, out=tmp_path / "bad")
    assert info.value.file == str(sweep) and info.value.line > 0, str(info.value)


def test_interrupted_sweep_resumes(scenario, lb_bin, tmp_path):
    sweep = write_sweep(tmp_path, scenario)

    def stop_after_two(done, total):
        if done >= 2:
            raise KeyboardInterrupt  # as Ctrl-C would: the sweep stops, finished cells stay

    with pytest.raises(KeyboardInterrupt):
        landbridge.sweep(sweep, out=tmp_path / "py", threads=1, progress=stop_after_two)
    calls = []
    table = landbridge.sweep(sweep, out=tmp_path / "py", threads=1, progress=lambda d, n: calls.append((d, n)))
    assert calls and calls[-1][0] == calls[-1][1] < 8  # only the missing cells' replications ran
    cli = json.loads(run_cli(lb_bin, "sweep", sweep, "--json", "--out", tmp_path / "cli"))
    assert table == cli
