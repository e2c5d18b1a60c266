"""Session 8: a carrier-sentence rule combined with less conservative small-count intervals,
on the short cells (<= 12 sentences on the smaller side) of the development and first five
held-out grids (all scored already: development material).

``PYTHONPATH=analysis python benchmarks/explore_13c/diag_s8.py REPS [GRID ...]``

Rules (a category's interval is reported when ...): ``n3`` >= 3 matches in the pair (current),
``s3`` and >= 3 sentences of the pair carry the category. Variants:

* ``rd cur`` the current score interval; ``rd p1`` the same with ``phi = 1``; ``rd jit`` the
  score interval on jittered counts ``x + U - 1/2`` (clipped at 0; U uniform).
* ``rd cst`` the conditional binomial (Stevens) interval of ``pi`` mapped linearly to the
  difference (``lambda_A`` estimated from the total under each hypothesis), phi as ``lr st``;
  ``rd cstc`` the same with the counts also divided by ``c = 1 + (pi T - T_B)^2 / (T^2 pi (1 -
  pi))``, the variance of the total that conditioning leaves out; ``rd cstcn`` with phi nt.
* ``lr cur`` the current Jeffreys interval (counts / phi, phi with ``(t_df/z)^2`` on the
  category's dispersion); ``lr nt`` Jeffreys with the rate difference's phi (no factor on
  ``phi_k``); ``lr st`` / ``lr stnt`` the randomised (Stevens 1950) conditional binomial interval
  with the current / the rate difference's phi; ``lr mp`` the mid-p interval (U = 1/2), phi nt.

Coverage with a replication-clustered SE (``diag_s7_precise.ratio_se``); an empty randomised
interval counts as a miss. Draws: seed 1100 + cell.
"""

import sys
import warnings
from pathlib import Path

import numpy as np

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]
from _common import cell_draws, grid_cells
from diag_s7 import Z, score_bounds
from diag_s7_precise import ratio_se
from frameshift.measures import intervals as iv
from scipy import special, stats

ALPHA = 0.05


def stevens_pi(x, n, u, alpha=ALPHA):
    """Randomised (Stevens 1950) equal-tailed interval of a binomial ``pi`` from ``x`` of ``n``
    (real-valued: counts divided by a dispersion): ``p_up(pi) = (1 - u) P(X > x) + u P(X >= x)``
    inverted at ``alpha/2`` and ``1 - alpha/2``. NaN, NaN where the set is empty."""
    x, n, u = np.broadcast_arrays(*(np.asarray(v, float) for v in (x, n, u)))

    def p_up(p):
        gt = np.where(n - x > 1e-12, special.betainc(x + 1, np.maximum(n - x, 1e-12), p), 0.0)
        ge = np.where(x > 1e-12, special.betainc(np.maximum(x, 1e-12), n - x + 1, p), 1.0)
        return (1 - u) * gt + u * ge

    out = []
    for target in (alpha / 2, 1 - alpha / 2):
        a, b = np.zeros_like(x), np.ones_like(x)
        for _ in range(60):
            m = (a + b) / 2
            low = p_up(m) < target
            a, b = np.where(low, m, a), np.where(low, b, m)
        out.append((a + b) / 2)
    lo, hi = out
    lo = np.where(p_up(np.zeros_like(x)) >= alpha / 2, 0.0, lo)
    hi = np.where(p_up(np.ones_like(x)) <= 1 - alpha / 2, 1.0, hi)
    empty = p_up(np.ones_like(x)) < alpha / 2
    return np.where(empty, np.nan, lo), np.where(empty, np.nan, hi)


def lr_from_pi(lo_pi, hi_pi, ta, tb):
    k = ta.sum() / tb.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.log2(lo_pi / (1 - lo_pi) * k), np.log2(hi_pi / (1 - hi_pi) * k)


def jeffreys_pi(x, n):
    with np.errstate(divide="ignore", invalid="ignore"):
        lo = np.where(x > 0, stats.beta.ppf(ALPHA / 2, x + 0.5, n - x + 0.5), 0.0)
        hi = np.where(x < n, stats.beta.ppf(1 - ALPHA / 2, x + 0.5, n - x + 0.5), 1.0)
    return lo, hi


def variants(ca, ta, cb, tb, rng):
    xa, xb = ca.sum(0), cb.sum(0)
    TA, TB = ta.sum(), tb.sum()
    phi_t = iv._quasi_poisson_scale(ca, ta, cb, tb, 0.95)
    phi_nt = iv._quasi_poisson_scale(ca, ta, cb, tb, 0.95, category_t=False)
    n = xa + xb
    u = rng.random(len(xa))
    out = {}
    out["rd cur"] = iv.rate_diff_interval(ca, ta, cb, tb)
    lo, hi = score_bounds(xa, xb, TA, TB, np.ones_like(phi_nt), Z)
    out["rd p1"] = (1000 * lo, 1000 * hi)
    ja = np.maximum(xa + rng.random(len(xa)) - 0.5, 0.0)
    jb = np.maximum(xb + rng.random(len(xa)) - 0.5, 0.0)
    lo, hi = score_bounds(ja, jb, TA, TB, phi_nt, Z)
    out["rd jit"] = (1000 * lo, 1000 * hi)
    out["lr cur"] = iv.rate_ratio_interval(ca, ta, cb, tb)
    out["lr nt"] = lr_from_pi(*jeffreys_pi(xb / phi_nt, n / phi_nt), ta, tb)
    out["lr st"] = lr_from_pi(*stevens_pi(xb / phi_t, n / phi_t, u), ta, tb)
    out["lr stnt"] = lr_from_pi(*stevens_pi(xb / phi_nt, n / phi_nt, u), ta, tb)
    out["lr mp"] = lr_from_pi(*stevens_pi(xb / phi_nt, n / phi_nt, 0.5), ta, tb)
    # rate difference from the conditional binomial: under lambda_B - lambda_A = delta with
    # lambda_A estimated from the total n, pi = T_B/T + delta T_A T_B / (n T), so the pi
    # interval maps linearly: delta(pi) = pi n / T_B - (1 - pi) n / T_A
    def rd_from_pi(lo_pi, hi_pi):
        return (1000 * (lo_pi * n / TB - (1 - lo_pi) * n / TA),
                1000 * (hi_pi * n / TB - (1 - hi_pi) * n / TA))
    out["rd cst"] = rd_from_pi(*stevens_pi(xb / phi_t, n / phi_t, u))
    # + the variance of n the conditioning leaves out: c = 1 + (pi T - T_B)^2 / (T^2 pi (1-pi))
    T = TA + TB
    pt = (xb + 0.5) / (n + 1.0)
    c = 1 + (pt * T - TB) ** 2 / (T * T * pt * (1 - pt))
    out["rd cstc"] = rd_from_pi(*stevens_pi(xb / (phi_t * c), n / (phi_t * c), u))
    out["rd cstcn"] = rd_from_pi(*stevens_pi(xb / (phi_nt * c), n / (phi_nt * c), u))
    return out


def run_cell(n_a, n_b, clustered, reps, seed, d):
    truth, draws = cell_draws(n_a, n_b, clustered, reps, seed, d)
    rng = np.random.default_rng(seed + 50_000)
    acc = {}
    for ca, ta, cb, tb in draws:
        n = ca.sum(0) + cb.sum(0)
        carriers = (ca > 0).sum(0) + (cb > 0).sum(0)
        rules = {"n3": n >= 3, "s3": (n >= 3) & (carriers >= 3)}
        for k, (lo, hi) in variants(ca, ta, cb, tb, rng).items():
            tr = truth["rate_diff" if k.startswith("rd") else "log_ratio"]
            c = (lo <= tr) & (tr <= hi)
            for r, mask in rules.items():
                a = acc.setdefault((k, r), ([], []))
                a[0].append(int(c[mask].sum()))
                a[1].append(int(mask.sum()))
    return acc


def main():
    warnings.simplefilter("ignore")
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    grids = sys.argv[2:] or ["dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5"]
    for i, g, name, n_a, n_b, cl, d in grid_cells(grids, max_sentences=12):
        acc = run_cell(n_a, n_b, cl, reps, 1100 + i, d)
        parts = []
        for r in ("n3", "s3"):
            keys = sorted({k for k, rr in acc if rr == r})
            s = " ".join(f"{k.replace(' ', ':')}={ratio_se(*acc[(k, r)])[0]:.3f}" for k in keys)
            parts.append(f"{r}[n={sum(acc[(keys[0], r)][1])}] {s}")
        print(f"{g:8s} {name[:44]:44s} " + "  ".join(parts), flush=True)


if __name__ == "__main__":
    main()
