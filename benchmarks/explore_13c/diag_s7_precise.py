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

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]
from _common import cell_draws, grid_cells
from frameshift.measures import intervals as iv


def ratio_se(cov, num):
    """Coverage sum(cov)/sum(num) over replications and its cluster (replication) SE."""
    cov, num = np.asarray(cov, float), np.asarray(num, float)
    r = cov.sum() / num.sum()
    n = len(num)
    se = np.sqrt(n / (n - 1) * ((cov - r * num) ** 2).sum()) / num.sum()
    return r, se


def run_cell(n_a, n_b, clustered, reps, seed, d):
    truth, draws = cell_draws(n_a, n_b, clustered, reps, seed, d)
    acc = {}
    for ca, ta, cb, tb in draws:
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
    for i, g, name, n_a, n_b, cl, d in grid_cells(grids, max_sentences=12):
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
