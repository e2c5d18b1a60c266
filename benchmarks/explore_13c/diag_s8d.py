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
from _common import cell_draws, grid_cells
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
    out = []
    for sign in (-1.0, 1.0):
        h = step.copy()
        for _ in range(60):
            bad = (score(d + sign * h) + sign * q) * sign > 0
            if not bad.any():
                break
            h = np.where(bad, 2 * h, h)
        a, b = d.copy(), d + sign * h
        for _ in range(60):
            m = (a + b) / 2
            f = score(m) + sign * q
            move_a = f * sign > 0
            a, b = np.where(move_a, m, a), np.where(move_a, b, m)
        out.append(1000 * (a + b) / 2)
    return out


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
            for k, (lo, hi) in out.items():
                c = (lo <= truth["rate_diff"]) & (truth["rate_diff"] <= hi)
                a = acc.setdefault(k, ([], []))
                a[0].append(int(c[ok].sum()))
                a[1].append(int(ok.sum()))
        s = " ".join(f"{k.replace(' ', ':')}={ratio_se(*v)[0]:.3f}" for k, v in acc.items())
        print(f"{g:8s} {name[:50]:50s} n={sum(acc['rd cur'][1])} {s}", flush=True)


if __name__ == "__main__":
    main()
