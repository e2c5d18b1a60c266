"""Session 7: the coverage of the reported rate_diff and log_ratio intervals (the methods of
``shift``, categories with >= 3 matches in the pair) in the short cells (<= 12 sentences on
the smaller side) of the given grids, with many replications and a Monte Carlo standard
error that treats the replication (not the interval) as the unit: the intervals of one pair
share its sentences and its dispersion estimate, so they are not independent.

``PYTHONPATH=analysis python benchmarks/explore_13c/diag_s7_precise.py REPS GRID [GRID ...]``

Draws: seed 900 + cell (not the harness's). Also: the same numbers split by the number of
sentences of the pair that carry the category (1-2 v 3 or more).
"""

import sys
import warnings
from pathlib import Path

import numpy as np

sys.path[:0] = [str(Path(__file__).resolve().parents[1])]
import coverage as cv
from frameshift.measures import intervals as iv


def ratio_se(cov, num):
    """Coverage sum(cov)/sum(num) over replications and its cluster (replication) SE."""
    cov, num = np.asarray(cov, float), np.asarray(num, float)
    r = cov.sum() / num.sum()
    n = len(num)
    se = np.sqrt(n / (n - 1) * ((cov - r * num) ** 2).sum()) / num.sum()
    return r, se


def run_cell(n_a, n_b, clustered, reps, seed, d):
    rng = np.random.default_rng(seed)
    sh_a = np.asarray(d.get("shares_a", cv.SHARES_A))
    sh_b = np.asarray(d.get("shares_b", cv.SHARES_B))
    sim = {"tokens": d.get("tokens", (20, 31)), "frame_rate": d.get("frame_rate", cv.FRAME_RATE),
           "concentration": d.get("concentration", 10.0), "gamma_shape": d.get("gamma_shape", 2.0)}
    truth = cv._truth(sh_a, sh_b, sim["frame_rate"])
    acc = {}
    for _ in range(reps):
        ca, ta = cv.simulate_statement(rng, n_a, sh_a, clustered=clustered, **sim)
        cb, tb = cv.simulate_statement(rng, n_b, sh_b, clustered=clustered, **sim)
        ok = (ca.sum(0) + cb.sum(0)) >= 3
        carriers = (ca > 0).sum(0) + (cb > 0).sum(0)
        for m, (lo, hi), tr in (("rd", iv.rate_diff_interval(ca, ta, cb, tb), truth["rate_diff"]),
                                ("lr", iv.rate_ratio_interval(ca, ta, cb, tb), truth["log_ratio"])):
            c = (lo <= tr) & (tr <= hi)
            for part, mask in (("all", ok), ("s<3", ok & (carriers < 3)),
                               ("s3+", ok & (carriers >= 3))):
                a = acc.setdefault((m, part), ([], []))
                a[0].append(int(c[mask].sum()))
                a[1].append(int(mask.sum()))
    return acc


def main():
    warnings.simplefilter("ignore")
    reps = int(sys.argv[1])
    grids = sys.argv[2:]
    i = 0
    for g in grids:
        for name, n_a, n_b, cl, d in cv._grid_cells(g):
            i += 1
            if min(n_a, n_b) < 3 or min(n_a, n_b) > 12:
                continue
            acc = run_cell(n_a, n_b, cl, reps, 900 + i, d)
            out = []
            for m in ("rd", "lr"):
                r, se = ratio_se(*acc[(m, "all")])
                parts = []
                for p in ("s<3", "s3+"):
                    cov, num = acc[(m, p)]
                    parts.append(f"{p} {sum(cov) / max(sum(num), 1):.3f}({sum(num)})")
                out.append(f"{m} {r:.3f}+-{se:.3f} n={sum(acc[(m, 'all')][1])} [{' '.join(parts)}]")
            print(f"{g:8s} {name[:52]:52s} " + "  ".join(out), flush=True)


if __name__ == "__main__":
    main()
