#!/usr/bin/python3
"""PHOLD in SimPy 3: the same model as bench_sim_phold (bench/sim/phold.cpp), for comparison.

L logical processes (LPs), E initial events per LP. Processing an event at an LP schedules one
new event: with probability `remote` at a uniformly chosen other LP, else at the same LP, after
0.1 + Exp(mean 0.9). Each event in flight is a SimPy process that waits out its delay, arrives at
its LP, counts there and draws its next hop from that LP's own random.Random. One uniform decides
remote or not and, if remote, which other LP, as in the C++ version.

Prints each run and the median events per CPU-second of env.run() (setup excluded); the last
line is machine-readable for run.sh. Run with Debian's /usr/bin/python3 and python3-simpy3.
"""
import argparse
import math
import random
import statistics
import time

import simpy


def token(env, lp, rngs, counts, p):
    rng = rngs[lp]
    dest = lp
    delay = p.min_delay - p.mean_exp * math.log(1.0 - rng.random())
    n_other = p.lps - 1
    while True:
        yield env.timeout(delay)
        lp = dest
        counts[lp] += 1
        rng = rngs[lp]
        u = rng.random()
        if u < p.remote:
            k = min(int(u / p.remote * n_other), n_other - 1)
            dest = k + 1 if k >= lp else k
        else:
            dest = lp
        delay = p.min_delay - p.mean_exp * math.log(1.0 - rng.random())


def run_once(p):
    env = simpy.Environment()
    rngs = [random.Random(1000 + i) for i in range(p.lps)]
    counts = [0] * p.lps
    for i in range(p.lps):
        for _ in range(p.per_lp):
            env.process(token(env, i, rngs, counts, p))
    c0 = time.process_time()
    w0 = time.perf_counter()
    env.run(until=p.end)
    c1 = time.process_time()
    w1 = time.perf_counter()
    return sum(counts), c1 - c0, w1 - w0


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lps", type=int, default=1024)
    ap.add_argument("--per-lp", type=int, default=16)
    ap.add_argument("--remote", type=float, default=0.25)
    ap.add_argument("--min-delay", type=float, default=0.1)
    ap.add_argument("--mean-exp", type=float, default=0.9)
    ap.add_argument("--end", type=float, default=122.0, help="simulated end time (122: ~2 M events)")
    ap.add_argument("--runs", type=int, default=3)
    p = ap.parse_args()
    print(f"SimPy {simpy.__version__} PHOLD: {p.lps} LPs x {p.per_lp} events, {100 * p.remote:.0f}% remote, "
          f"delay {p.min_delay} + Exp(mean {p.mean_exp}), end time {p.end:g}")
    rates = []
    for r in range(p.runs):
        events, cpu, wall = run_once(p)
        rates.append(events / cpu)
        print(f"  simpy    run {r + 1}: {events} events in {cpu:.3f} s CPU ({wall:.3f} s wall) "
              f"= {rates[-1] / 1e6:.3f} M events/s")
    med = statistics.median(rates)
    print(f"simpy:    median {med / 1e6:.3f} M events/s over {p.runs} runs")
    print(f"RESULT simpy_events_per_s={med:.0f}")


if __name__ == "__main__":
    main()
