"""examples/python/land_vs_sea.py runs (two ready days) and prints a row per day."""

import importlib.util
import os
import pathlib
import re
import subprocess
import sys

import landbridge


def test_land_vs_sea_example(repo, tmp_path):
    plot = tmp_path / "plot.png"
    # the package this suite imports, whatever the working folder
    env = dict(os.environ, PYTHONPATH=str(pathlib.Path(landbridge.__file__).resolve().parents[1]))
    done = subprocess.run([sys.executable, str(repo / "examples/python/land_vs_sea.py"), "--days", "2",
                           "--start", "2026-12-07", "--plot", str(plot)],
                          capture_output=True, text=True, cwd=tmp_path, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    rows = [l for l in done.stdout.splitlines() if re.match(r"2026-12-0[78] ", l)]
    assert len(rows) == 2, done.stdout
    for row in rows:
        # both corridors answered: two cells of figures and the difference
        cells = row.split("|")
        assert len(cells) == 4 and "no journey" not in row, row
        land_door, sea_door = float(cells[1].split()[0]), float(cells[2].split()[0])
        assert abs(float(cells[3]) - (sea_door - land_door)) < 0.11
        assert land_door < sea_door  # the land bridge is the faster one on this network
    if importlib.util.find_spec("matplotlib") is None:
        assert "skipped the plot" in done.stdout and not plot.exists()
    else:
        assert plot.is_file() and plot.stat().st_size > 0
