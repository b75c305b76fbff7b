# The medians and ratios of compare.sh: key=value files peer.N and this.N in a folder.
import pathlib
import statistics
import sys

d, runs = pathlib.Path(sys.argv[1]), int(sys.argv[2])
def read(side):
    vals = {}
    for i in range(1, runs + 1):
        for line in (d / f"{side}.{i}").read_text().split():
            k, v = line.split("=")
            vals.setdefault(k, []).append(float(v))
    return {k: statistics.median(v) for k, v in vals.items()}
peer, this = read("peer"), read("this")
print(f"{'figure (median of ' + str(runs) + ' runs)':<34} {'peer':>10} {'this':>10} {'peer/this':>10}")
for k in sorted(peer):
    if k not in this:
        continue
    p, t = peer[k], this[k]
    # queries/s: higher is better, so the ratio is this/peer
    r = (t / p if k.endswith("_qps") else p / t) if min(p, t) > 0 else float("nan")
    print(f"{k:<34} {p:>10.3f} {t:>10.3f} {r:>10.2f}")
