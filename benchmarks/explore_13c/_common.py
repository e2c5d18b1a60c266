"""What the diag_*.py scripts share: cells, the replication loop, the coverage table, and the
interval pieces more than one script uses.

Each script defines ``variants(ca, ta, cb, tb) -> {name: (lo, hi)}`` (per category, rates per
1,000 tokens for the rate difference, log2 for the log ratio) and calls ``main``.
"""

import sys
import warnings
from pathlib import Path
from types import SimpleNamespace

import numpy as np

sys.path[:0] = [
    str(Path(__file__).resolve().parents[1]),
    str(Path(__file__).resolve().parent),
]
import coverage as cv  # benchmarks/coverage.py, the harness
from frameshift.measures import intervals as iv
from scipy import stats

Z = 1.959964

# development design, then cells of the first held-out grid
_DEV_CELLS = [
    (3, 3, False, {}),
    (3, 3, True, {}),
    (3, 7, False, {}),
    (3, 7, True, {}),
    (10, 10, False, {}),
    (10, 10, True, {}),
    (5, 20, True, {}),
    (30, 30, True, {}),
]
_H = {d["name"]: d for d in cv.HELDOUT}
RATE_CELLS = _DEV_CELLS + [
    (3, 12, False, _H["unequal"]),
    (3, 12, True, _H["unequal"]),
    (3, 3, True, _H["long sentences (40-60 tokens)"]),
    (8, 15, True, _H["framing 8%"]),
]
LR_CELLS = _DEV_CELLS + [
    (3, 12, False, _H["unequal"]),
    (3, 12, True, _H["unequal"]),
    (12, 12, True, _H["long sentences (40-60 tokens)"]),
    (8, 15, True, _H["framing 8%"]),
    (20, 50, True, _H["unequal"]),
]


def rate_variants(ca, ta, cb, tb):
    """diag_rate.py's rate-difference intervals: cur, z, welch, cr2_t, nofloor_t."""
    if not hasattr(iv, "_zero_side_var"):
        sys.exit(
            "diag_rate*.py need the intervals.py they were written against (commit cdc9663; "
            "the score interval removed _zero_side_var): run with PYTHONPATH pointing at "
            "`git archive cdc9663 analysis` unpacked, with the compiled .so files copied in"
        )
    out = {}
    lo, hi = iv.rate_diff_interval(ca, ta, cb, tb)
    out["cur"] = (lo, hi)
    ta_s, tb_s = ta.sum(), tb.sum()
    pooled = (ca.sum(0) + cb.sum(0)) / (ta_s + tb_s)
    va0, vb0 = iv._cluster_var(ca, ta), iv._cluster_var(cb, tb)
    va = np.where(va0 > 0, va0, iv._zero_side_var(ca, ta, pooled))
    vb = np.where(vb0 > 0, vb0, iv._zero_side_var(cb, tb, pooled))
    d = cb.sum(0) / tb_s - ca.sum(0) / ta_s
    na, nb = len(ta), len(tb)
    se = np.sqrt(va + vb)
    out["z"] = (1000 * (d - Z * se), 1000 * (d + Z * se))
    welch = (va + vb) ** 2 / (va**2 / (na - 1) + vb**2 / (nb - 1))
    tw = stats.t.ppf(0.975, welch)
    out["welch"] = (1000 * (d - tw * se), 1000 * (d + tw * se))

    # CR2 with leverage t_i/T per statement
    def cr2(c, t):
        T = t.sum()
        r = c.sum(0) / T
        e = c - np.outer(t, r)
        return ((e**2) / (1 - t / T)[:, None]).sum(0) / T**2

    a2, b2 = cr2(ca, ta), cr2(cb, tb)
    a2 = np.where(a2 > 0, a2, iv._zero_side_var(ca, ta, pooled))
    b2 = np.where(b2 > 0, b2, iv._zero_side_var(cb, tb, pooled))
    se2 = np.sqrt(a2 + b2)
    t = stats.t.ppf(0.975, na + nb - 2)
    out["cr2_t"] = (1000 * (d - t * se2), 1000 * (d + t * se2))
    # cluster variance without the zero-side floor
    va3 = np.where(va0 > 0, va0, 0)
    vb3 = np.where(vb0 > 0, vb0, 0)
    se3 = np.sqrt(va3 + vb3)
    out["nofloor_t"] = (1000 * (d - t * se3), 1000 * (d + t * se3))
    return out


def dispersion(ca, ta, cb, tb):
    """Quasi-Poisson dispersion of the pair: per category (phik, t quantile tq on df) and
    pooled over the categories used (phip, t quantile tp on df * ku)."""
    xa, dfa = iv._dispersion(ca, ta)
    xb, dfb = iv._dispersion(cb, tb)
    df = dfa + dfb
    used = (ca.sum(0) + cb.sum(0)) > 0
    ku = max(used.sum(), 1)
    return SimpleNamespace(
        df=df,
        ku=ku,
        phik=(xa + xb) / df,
        phip=(xa + xb)[used].sum() / (df * ku),
        tq=stats.t.ppf(0.975, df),
        tp=stats.t.ppf(0.975, df * ku),
    )


def per_category(ca, cb, interval):
    """(lo, hi) per 1,000 tokens from ``interval(j, xa, xb)`` (a rate interval of category j
    with xa, xb matches); NaN for categories with no match."""
    lo = np.full(ca.shape[1], np.nan)
    hi = lo.copy()
    for j in range(ca.shape[1]):
        xa, xb = ca[:, j].sum(), cb[:, j].sum()
        if xa + xb == 0:
            continue
        l, h = interval(j, xa, xb)
        lo[j], hi[j] = 1000 * l, 1000 * h
    return lo, hi


def score_variants(out, ca, ta, cb, tb, specs):
    """Add the Miettinen-Nurminen score interval for each ``(name, phi per category, q)``."""
    from score import score_interval

    ta_s, tb_s = ta.sum(), tb.sum()
    for name, ph, q in specs:
        out[name] = per_category(
            ca,
            cb,
            lambda j, xa, xb, ph=ph, q=q: score_interval(xa, xb, ta_s, tb_s, q, ph[j]),
        )
    return out


def run(n_a, n_b, clustered, reps, seed, design, variants, measure, strata):
    """Coverage of each variant in one cell, over categories with >= 3 matches in the pair.

    ``strata``: the variants whose coverage by matches (3-5, 6-11, 12+) is printed on a second
    line; None prints no second line (and ``n=`` after one space, as diag_lr.py did).
    """
    rng = np.random.default_rng(seed)
    sh_a = np.asarray(design.get("shares_a", cv.SHARES_A))
    sh_b = np.asarray(design.get("shares_b", cv.SHARES_B))
    sim = {
        "tokens": design.get("tokens", (20, 31)),
        "frame_rate": design.get("frame_rate", cv.FRAME_RATE),
    }
    truth = cv._truth(sh_a, sh_b, sim["frame_rate"])[measure]
    res = {}
    strat = {}
    for _ in range(reps):
        ca, ta = cv.simulate_statement(rng, n_a, sh_a, clustered=clustered, **sim)
        cb, tb = cv.simulate_statement(rng, n_b, sh_b, clustered=clustered, **sim)
        n = ca.sum(0) + cb.sum(0)
        ok = n >= 3
        for k, (lo, hi) in variants(ca, ta, cb, tb).items():
            c = (lo <= truth) & (truth <= hi)
            res.setdefault(k, []).extend(c[ok])
            for j in np.where(ok)[0]:
                b = "3-5" if n[j] < 6 else "6-11" if n[j] < 12 else "12+"
                strat.setdefault((k, b), []).append(c[j])
    s = (
        f"{n_a}v{n_b} {'cl' if clustered else 'iid'} {design.get('name', '')[:12]}: "
        + " ".join(f"{k}={np.mean(v):.3f}" for k, v in res.items())
    )
    s += f"{' ' if strata is None else '  '}n={len(res['cur'])}"
    print(s, flush=True)
    if strata is not None:
        print(
            "    ",
            " ".join(
                f"{k}/{b}={np.mean(v):.3f}({len(v)})"
                for (k, b), v in sorted(strat.items())
                if k in strata
            ),
            flush=True,
        )


def main(
    variants, *, cells=RATE_CELLS, seed=100, measure="rate_diff", strata=(), reps=300
):
    """Run every cell (seed + cell index) with ``sys.argv[1]`` replications (default ``reps``)."""
    warnings.simplefilter("ignore")
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else reps
    for i, (a, b, c, d) in enumerate(cells):
        run(a, b, c, reps, seed + i, d, variants, measure, strata)


def cell_draws(n_a, n_b, clustered, reps, seed, d):
    """(truth, draws) of one harness cell: ``truth`` the true measures
    (``cv._truth``), ``draws`` a generator of ``reps`` pairs ``(ca, ta, cb, tb)`` drawn with
    the cell's design ``d`` (a grid entry of benchmarks/coverage.py) from ``seed``."""
    rng = np.random.default_rng(seed)
    sh_a = np.asarray(d.get("shares_a", cv.SHARES_A))
    sh_b = np.asarray(d.get("shares_b", cv.SHARES_B))
    sim = {"tokens": d.get("tokens", (20, 31)), "frame_rate": d.get("frame_rate", cv.FRAME_RATE),
           "concentration": d.get("concentration", 10.0), "gamma_shape": d.get("gamma_shape", 2.0)}

    def draws():
        for _ in range(reps):
            ca, ta = cv.simulate_statement(rng, n_a, sh_a, clustered=clustered, **sim)
            cb, tb = cv.simulate_statement(rng, n_b, sh_b, clustered=clustered, **sim)
            yield ca, ta, cb, tb

    return cv._truth(sh_a, sh_b, sim["frame_rate"]), draws()


def grid_cells(grids, max_sentences=None):
    """(i, grid, name, n_a, n_b, clustered, design) of the harness cells of ``grids`` with at least 3
    sentences a side (and at most ``max_sentences`` on the shorter side); ``i`` counts every
    cell, skipped ones too, so seeds stay those of the scripts' first runs."""
    i = 0
    for g in grids:
        for name, n_a, n_b, cl, d in cv._grid_cells(g):
            i += 1
            if min(n_a, n_b) < 3 or (max_sentences and min(n_a, n_b) > max_sentences):
                continue
            yield i, g, name, n_a, n_b, cl, d


def bisect_bounds(score, d, step, q):
    """Both bounds of ``score(delta) = -+q`` around the estimate ``d`` (arrays over categories):
    the step doubled until it brackets the root, then 60 bisections (the diag_s7/s8 score
    intervals)."""
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
        out.append((a + b) / 2)
    return out


def tally(acc, out, truth, ok):
    """Add to ``acc`` (``{variant: ([covered], [reported])}``) the rate-difference intervals
    ``out`` (``{variant: (lo, hi)}``) of one draw, over the categories ``ok``."""
    for k, (lo, hi) in out.items():
        c = (lo <= truth) & (truth <= hi)
        a = acc.setdefault(k, ([], []))
        a[0].append(int(c[ok].sum()))
        a[1].append(int(ok.sum()))

