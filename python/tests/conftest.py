"""Shared fixtures of the Python suite: the repository, the command-line binary the answers are
compared with, and one engine on the built-in package for the whole session.

Run by CTest (test python_pytest) with PYTHONPATH=<build>/python and LANDBRIDGE_BIN set; by
hand: PYTHONPATH=build/python /usr/bin/python3 -m pytest -q python/tests
"""

import os
import pathlib
import subprocess

import pytest

import landbridge

REPO = pathlib.Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def repo() -> pathlib.Path:
    return REPO


@pytest.fixture(scope="session")
def lb_bin() -> pathlib.Path:
    """The landbridge CLI of the same build as the module."""
    path = pathlib.Path(os.environ.get("LANDBRIDGE_BIN", REPO / "build/apps/landbridge/landbridge"))
    assert path.is_file(), f"landbridge CLI not found at {path} (set LANDBRIDGE_BIN)"
    return path


@pytest.fixture(scope="session")
def engine() -> landbridge.Engine:
    return landbridge.default_engine()


@pytest.fixture(scope="session")
def scenario(repo) -> pathlib.Path:
    """A small corridor scenario (five flows over half a year) shipped in examples/."""
    return repo / "examples/scenarios/hakata-busan-europe.toml"


def run_cli(lb_bin, *args, cwd=None) -> str:
    """Runs the CLI and returns its standard output; fails the test on a non-zero exit."""
    done = subprocess.run([str(lb_bin), *map(str, args)], capture_output=True, text=True, cwd=cwd, timeout=120)
    assert done.returncode == 0, f"landbridge {' '.join(map(str, args))}: exit {done.returncode}\n{done.stderr}"
    return done.stdout
