"""Session 8: the rate difference from the conditional binomial (diag_s8.py ``rd cst``) on
small and large cells, and the same with the variance of the total added at the hypothesised
``pi`` (``rd csth``: counts divided by ``phi c(pi)``, ``c(pi) = 1 + (pi T - T_B)^2 / (T^2 pi (1 -
pi))``, which makes the conditional variance the unconditional Poisson one).

``PYTHONPATH=analysis python benchmarks/explore_13c/diag_s8c.py REPS`` (seed 1300 + cell)
"""

import sys
import warnings
from pathlib import Path

import numpy as np

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]
from _common import cell_draws, grid_cells, tally
from diag_s7_precise import ratio_se
from diag_s8 import ALPHA, stevens_pi
from frameshift.measures import intervals as iv
from scipy import special


def stevens_pi_scaled(x, n, u, scale, alpha=ALPHA):
    """stevens_pi with the counts divided by ``scale(pi)`` at each hypothesised ``pi``."""
    def p_up(p):
        s = scale(p)
        xe, ne = x / s, n / s
        gt = np.where(ne - xe > 1e-12, special.betainc(xe + 1, np.maximum(ne - xe, 1e-12), p), 0.0)
        ge = np.where(xe > 1e-12, special.betainc(np.maximum(xe, 1e-12), ne - xe + 1, p), 1.0)
        return (1 - u) * gt + u * ge

    out = []
    for target in (alpha / 2, 1 - alpha / 2):
        a, b = np.full_like(x, 1e-9), np.full_like(x, 1 - 1e-9)
        for _ in range(60):
            m = (a + b) / 2
            low = p_up(m) < target
            a, b = np.where(low, m, a), np.where(low, b, m)
        out.append((a + b) / 2)
    return out


def variants(ca, ta, cb, tb, rng):
    xa, xb = ca.sum(0), cb.sum(0)
    TA, TB = ta.sum(), tb.sum()
    T = TA + TB
    n = xa + xb
    phi = iv._quasi_poisson_scale(ca, ta, cb, tb, 0.95)
    u = rng.random(len(xa))

    def rd(lo_pi, hi_pi):
        return (1000 * (lo_pi * n / TB - (1 - lo_pi) * n / TA),
                1000 * (hi_pi * n / TB - (1 - hi_pi) * n / TA))

    out = {"rd cur": iv.rate_diff_interval(ca, ta, cb, tb),
           "rd cst": rd(*stevens_pi(xb / phi, n / phi, u))}
    scale = lambda p: phi * (1 + (p * T - TB) ** 2 / (T * T * p * (1 - p)))
    out["rd csth"] = rd(*stevens_pi_scaled(xb, n, u, scale))
    return out


CELLS = {("dev", "iid 3 v 3"), ("dev", "clustered 3 v 3"), ("dev", "iid 10 v 10"),
         ("dev", "clustered 10 v 10"), ("dev", "iid 60 v 60"), ("dev", "clustered 60 v 60"),
         ("dev", "iid 30 v 30"), ("dev", "clustered 5 v 20")}


def main():
    warnings.simplefilter("ignore")
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    for i, g, name, n_a, n_b, cl, d in grid_cells(["dev", "heldout", "heldout2"]):
        if (g, name) not in CELLS and not name.startswith(("long sentences (40-60 tokens) cl",
                                                             "K = 6, sentences 15-19 tokens iid",
                                                             "strong clustering (Dirichlet 3, "
                                                             "Gamma(1)) clustered")):
            continue
        truth, draws = cell_draws(n_a, n_b, cl, reps, 1300 + i, d)
        rng = np.random.default_rng(1300 + i + 50_000)
        acc = {}
        for ca, ta, cb, tb in draws:
            ok = (ca.sum(0) + cb.sum(0)) >= 3
            tally(acc, variants(ca, ta, cb, tb, rng), truth["rate_diff"], ok)
        s = " ".join(f"{k.replace(' ', ':')}={ratio_se(*v)[0]:.3f}" for k, v in acc.items())
        print(f"{g:8s} {name[:50]:50s} n={sum(acc['rd cur'][1])} {s}", flush=True)


if __name__ == "__main__":
    main()
