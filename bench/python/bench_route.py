"""The Python side of bench/python/run.sh: the same static route as bench_route_cpp, through the
landbridge module, median microseconds per call.

    PYTHONPATH=build/python /usr/bin/python3 bench/python/bench_route.py FROM TO [pareto|k3] [calls]

Prints key=value lines: `module` (landbridge.Engine.route: planning, JSON, conversion to dicts
and the Itineraries wrapper), `native` (the compiled Engine.route alone, without the Python
wrapper).
"""

import statistics
import sys
import time

import landbridge


def median_us(calls, f):
    times = []
    for _ in range(calls):
        t0 = time.perf_counter()
        f()
        times.append((time.perf_counter() - t0) * 1e6)
    return statistics.median(times)


def main(argv):
    origin, dest = argv[0], argv[1]
    pareto = len(argv) > 2 and argv[2] == "pareto"
    calls = int(argv[3]) if len(argv) > 3 else 2000
    eng = landbridge.Engine()
    eng.warm_up()
    native = eng._native
    for _ in range(50):
        eng.route(origin, dest, pareto=pareto)
    module = median_us(calls, lambda: eng.route(origin, dest, pareto=pareto))
    raw = median_us(calls, lambda: native.route(origin, dest, pareto=pareto))
    print(f"itineraries={len(eng.route(origin, dest, pareto=pareto))}")
    print(f"module_us={module:.1f}")
    print(f"native_us={raw:.1f}")


if __name__ == "__main__":
    main(sys.argv[1:])
