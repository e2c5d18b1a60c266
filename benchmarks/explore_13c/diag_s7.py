"""Session 7: rate-difference and log-ratio interval variants on every synthetic cell of the
development and first four held-out grids (>= 3 sentences a side), coverage only.

``PYTHONPATH=analysis python benchmarks/explore_13c/diag_s7.py REPS [GRID ...]``

The draws are not the harness's (no null pairs, no bootstrap between them), seed 500 + cell.
Categories with fewer than 3 matches in the pair are left out, as ``shift`` does.
"""

import sys
import warnings
from pathlib import Path

import numpy as np

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]
from _common import bisect_bounds, cell_draws, grid_cells
from frameshift.measures import intervals as iv
from scipy import stats

Z = stats.norm.ppf(0.975)


def score_bounds(xa, xb, ta, tb, phi, q):
    """Vectorised Miettinen-Nurminen bounds (bisection), arrays over categories."""
    def score(delta):
        n = ta + tb
        b = n * delta - xa - xb
        lam = (-b + np.sqrt(np.maximum(b * b + 4.0 * n * xa * delta, 0.0))) / (2.0 * n)
        lam = np.maximum(np.maximum(lam, -delta), 0.0)
        v = phi * (lam / ta + (lam + delta) / tb)
        d = xb / tb - xa / ta
        with np.errstate(divide="ignore", invalid="ignore"):
            return np.where(v > 0, (d - delta) / np.sqrt(np.maximum(v, 1e-300)),
                            np.inf * np.sign(d - delta))

    d = xb / tb - xa / ta
    step = q * np.sqrt(phi * (np.maximum(xa, 1) / ta**2 + np.maximum(xb, 1) / tb**2))
    return bisect_bounds(score, d, step, q)


def disp(ca, ta, cb, tb):
    xa, dfa = iv._dispersion(ca, ta)
    xb, dfb = iv._dispersion(cb, tb)
    df = dfa + dfb
    used = (ca.sum(0) + cb.sum(0)) > 0
    ku = max(int(used.sum()), 1)
    return df, ku, (xa + xb) / df, (xa + xb)[used].sum() / (df * ku)


def variants(ca, ta, cb, tb):
    df, ku, phik, phip = disp(ca, ta, cb, tb)
    xa, xb = ca.sum(0), cb.sum(0)
    TA, TB = ta.sum(), tb.sum()
    tp = stats.t.ppf(0.975, df * ku)
    one = np.ones_like(phik)
    specs = {
        "cur": (np.maximum(1, np.maximum(phik, phip * (tp / Z) ** 2)), Z),
        "phi1": (one, Z),
        "pool_t": (np.maximum(phip, 1e-3) * one, tp),
        "pool1_t": (max(phip, 1.0) * one, tp),
        "maxkp_t": (np.maximum(np.maximum(phik, phip), 1e-3), tp),
    }
    out = {}
    for k, (phi, q) in specs.items():
        lo, hi = score_bounds(xa, xb, TA, TB, phi, q)
        out[k] = (1000 * lo, 1000 * hi)
    # sentences that carry the category, in the pair
    nsent = (ca > 0).sum(0) + (cb > 0).sum(0)
    return out, nsent


def run_cell(n_a, n_b, clustered, reps, seed, d):
    truth, draws = cell_draws(n_a, n_b, clustered, reps, seed, d)
    truth = truth["rate_diff"]
    res, by_ns = {}, {}
    for ca, ta, cb, tb in draws:
        n = ca.sum(0) + cb.sum(0)
        ok = n >= 3
        out, nsent = variants(ca, ta, cb, tb)
        for k, (lo, hi) in out.items():
            c = (lo <= truth) & (truth <= hi)
            res.setdefault(k, []).extend(c[ok])
            for j in np.flatnonzero(ok):
                b = "s1" if nsent[j] == 1 else "s2" if nsent[j] == 2 else "s3+"
                by_ns.setdefault((k, b), []).append(c[j])
    return res, by_ns


def main():
    warnings.simplefilter("ignore")
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    grids = sys.argv[2:] or ["dev", "heldout", "heldout2", "heldout3", "heldout4"]
    for i, g, name, n_a, n_b, cl, d in grid_cells(grids):
        res, by = run_cell(n_a, n_b, cl, reps, 500 + i, d)
        s = " ".join(f"{k}={np.mean(v):.3f}" for k, v in res.items())
        st = " ".join(f"{b}:{np.mean(by[('cur', b)]):.2f}/{np.mean(by[('pool_t', b)]):.2f}"
                      f"({len(by[('cur', b)])})" for b in ("s1", "s2", "s3+")
                      if ("cur", b) in by)
        print(f"{g:8s} {name[:58]:58s} n={len(res['cur']):5d} {s} | {st}", flush=True)


if __name__ == "__main__":
    main()
