"""Session 8: a randomised score interval for the rate difference: the Miettinen-Nurminen
score statistic with ``d`` moved by a uniform fraction of the lattice step of the conditional
distribution, ``d + (U - 1/2) (1/T_A + 1/T_B)`` (one match moved from A to B), and the
jitter's variance ``(1/T_A + 1/T_B)^2 / 12`` added to the score variance (``rd lj``); ``rd lj0``
without the added variance. Short cells of the development and first five held-out grids.

``PYTHONPATH=analysis python benchmarks/explore_13c/diag_s8d.py REPS [GRID ...]`` (seed 1500 + cell)
"""

import sys
import warnings
from pathlib import Path

import numpy as np

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]
from _common import bisect_bounds, cell_draws, grid_cells, tally
from diag_s7 import Z
from diag_s7_precise import ratio_se
from frameshift.measures import intervals as iv


def lattice_bounds(xa, xb, ta, tb, phi, q, shift, extra):
    """Bounds of ``(d + shift - delta) / sqrt(v(delta) + extra) = -+q`` by bisection."""
    def score(delta):
        n = ta + tb
        b = n * delta - xa - xb
        lam = (-b + np.sqrt(np.maximum(b * b + 4.0 * n * xa * delta, 0.0))) / (2.0 * n)
        lam = np.maximum(np.maximum(lam, -delta), 0.0)
        v = phi * (lam / ta + (lam + delta) / tb) + extra
        return (xb / tb - xa / ta + shift - delta) / np.sqrt(v)

    d = xb / tb - xa / ta + shift
    step = q * np.sqrt(phi * (np.maximum(xa, 1) / ta**2 + np.maximum(xb, 1) / tb**2) + extra)
    return [1000 * x for x in bisect_bounds(score, d, step, q)]


def main():
    warnings.simplefilter("ignore")
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    grids = sys.argv[2:] or ["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"]
    for i, g, name, n_a, n_b, cl, d in grid_cells(grids, max_sentences=12):
        truth, draws = cell_draws(n_a, n_b, cl, reps, 1500 + i, d)
        rng = np.random.default_rng(1500 + i + 50_000)
        acc = {}
        for ca, ta, cb, tb in draws:
            xa, xb = ca.sum(0), cb.sum(0)
            TA, TB = ta.sum(), tb.sum()
            ok = (xa + xb) >= 3
            phi = iv._quasi_poisson_scale(ca, ta, cb, tb, 0.95, category_t=False)
            step = 1 / TA + 1 / TB
            shift = (rng.random(len(xa)) - 0.5) * step
            out = {"rd cur": iv.rate_diff_interval(ca, ta, cb, tb),
                   "rd lj": lattice_bounds(xa, xb, TA, TB, phi, Z, shift, step**2 / 12),
                   "rd lj0": lattice_bounds(xa, xb, TA, TB, phi, Z, shift, 0.0)}
            tally(acc, out, truth["rate_diff"], ok)
        s = " ".join(f"{k.replace(' ', ':')}={ratio_se(*v)[0]:.3f}" for k, v in acc.items())
        print(f"{g:8s} {name[:50]:50s} n={sum(acc['rd cur'][1])} {s}", flush=True)


if __name__ == "__main__":
    main()
