"""Session 7: which intervals to report. Coverage of the current rate-difference and log-ratio
intervals under reporting rules, on the short cells (<= 12 sentences on the smaller side) of
the development and first four held-out grids.

``PYTHONPATH=analysis python benchmarks/explore_13c/diag_s7_rules.py REPS [GRID ...]``

Rules (a category's interval is reported when ...): ``n3`` >= 3 matches in the pair (current);
``tar`` the smallest p-value the conditional binomial test of "equal rates" can reach with
those n matches, ``2 min(pi, 1 - pi)^n`` (pi = T_B / (T_A + T_B)), is below 0.05 (Tarone
1990); ``tarphi`` the same with n / phi (the quasi-Poisson effective count); ``s3`` >= 3
sentences of the pair carry the category; ``tar+s3``. Draws: seed 700 + cell.
"""

import sys
import warnings
from pathlib import Path

import numpy as np

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]
from _common import cell_draws, grid_cells
from frameshift.measures import intervals as iv

RULES = ("n3", "tar", "tarphi", "s3", "tar+s3")


def rules(ca, ta, cb, tb):
    n = ca.sum(0) + cb.sum(0)
    pi = tb.sum() / (ta.sum() + tb.sum())
    phi = iv._quasi_poisson_scale(ca, ta, cb, tb, 0.95, category_t=False)
    pmin = lambda m: np.minimum(1.0, 2 * min(pi, 1 - pi) ** m)
    s = (ca > 0).sum(0) + (cb > 0).sum(0)
    tar = pmin(n) < 0.05
    return {"n3": n >= 3, "tar": tar & (n >= 3), "tarphi": (pmin(n / phi) < 0.05) & (n >= 3),
            "s3": (s >= 3) & (n >= 3), "tar+s3": tar & (s >= 3) & (n >= 3)}


def run_cell(n_a, n_b, clustered, reps, seed, d):
    truth, draws = cell_draws(n_a, n_b, clustered, reps, seed, d)
    res = {}
    for ca, ta, cb, tb in draws:
        ok = rules(ca, ta, cb, tb)
        for m, (lo, hi) in (("rd", iv.rate_diff_interval(ca, ta, cb, tb)),
                            ("lr", iv.rate_ratio_interval(ca, ta, cb, tb))):
            c = (lo <= truth["rate_diff" if m == "rd" else "log_ratio"]) & \
                (truth["rate_diff" if m == "rd" else "log_ratio"] <= hi)
            for r, mask in ok.items():
                res.setdefault((m, r), []).extend(c[mask])
    return res


def main():
    warnings.simplefilter("ignore")
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 300
    grids = sys.argv[2:] or ["dev", "heldout", "heldout2", "heldout3", "heldout4"]
    for i, g, name, n_a, n_b, cl, d in grid_cells(grids, max_sentences=12):
        res = run_cell(n_a, n_b, cl, reps, 700 + i, d)
        s = "  ".join(m + " " + " ".join(f"{r}={np.mean(res[(m, r)]):.3f}({len(res[(m, r)])})"
                                         for r in RULES) for m in ("rd", "lr"))
        print(f"{g:8s} {name[:50]:50s} {s}", flush=True)


if __name__ == "__main__":
    main()
