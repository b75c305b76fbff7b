"""Long calls release the GIL: other Python threads run meanwhile; Ctrl-C stops a simulation."""

import _thread
import threading
import time

import pytest

import landbridge


class Spinner:
    """A Python thread that notes the time over and over: while a call holds the GIL it
    cannot note anything."""

    def __init__(self):
        self.times = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._run, daemon=True)

    def _run(self):
        while not self._stop.is_set():
            self.times.append(time.perf_counter())
            time.sleep(0.001)

    def __enter__(self):
        self._thread.start()
        return self

    def __exit__(self, *exc):
        self._stop.set()
        self._thread.join()

    def ticks_between(self, t0, t1):
        return sum(1 for t in self.times if t0 < t < t1)


def test_python_runs_while_a_route_is_planned(engine):
    # a static route with its Monte Carlo reliability: a call of about half a second
    engine.route("JPHKT", "DEDUI", reliability=5)  # warm (background scenario loaded once)
    with Spinner() as spin:
        time.sleep(0.05)
        t0 = time.perf_counter()
        its = engine.route("JPHKT", "DEDUI", reliability=20)
        t1 = time.perf_counter()
    assert its[0]["total"]["days"] > 0
    assert t1 - t0 > 0.1, "the call was too quick to tell"
    # The middle of the call, away from its Python edges: the spinner noted times there.
    margin = 0.2 * (t1 - t0)
    assert spin.ticks_between(t0 + margin, t1 - margin) >= 5


def test_routes_from_threads_share_one_engine(engine):
    expected = engine.route("JPHKT", "DEDUI", pareto=True).to_dict()
    results, errors = [], []

    def work():
        try:
            for _ in range(5):
                results.append(engine.route("JPHKT", "DEDUI", pareto=True).to_dict())
        except Exception as e:  # noqa: BLE001 -- reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(results) == 15 and all(r == expected for r in results)


def test_python_runs_while_a_simulation_runs(scenario):
    with Spinner() as spin:
        time.sleep(0.05)
        t0 = time.perf_counter()
        landbridge.simulate(scenario, replications=4, seed=2)
        t1 = time.perf_counter()
    margin = 0.2 * (t1 - t0)
    assert spin.ticks_between(t0 + margin, t1 - margin) >= 5


def test_ctrl_c_stops_a_long_simulation(scenario):
    # 300 replications take minutes on two cores; the interrupt comes after half a second
    timer = threading.Timer(0.5, _thread.interrupt_main)
    t0 = time.perf_counter()
    timer.start()
    try:
        with pytest.raises(KeyboardInterrupt):
            landbridge.simulate(scenario, replications=300, seed=5)
    finally:
        timer.cancel()
    assert time.perf_counter() - t0 < 10
