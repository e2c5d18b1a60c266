import sys
import warnings

import numpy as np

sys.path[:0] = [
    str(__import__("pathlib").Path(__file__).resolve().parents[1]),
    str(__import__("pathlib").Path(__file__).resolve().parent),
]
import coverage as cv
from frameshift.measures import intervals as iv
from scipy import stats


def variants(ca, ta, cb, tb):
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
    z = 1.959964
    out["z"] = (1000 * (d - z * se), 1000 * (d + z * se))
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
    # pooled-rate variance under Poisson with dispersion? score-type: var = r_a/Ta + r_b/Tb using cluster but no floor
    va3 = np.where(va0 > 0, va0, 0)
    vb3 = np.where(vb0 > 0, vb0, 0)
    se3 = np.sqrt(va3 + vb3)
    t = stats.t.ppf(0.975, na + nb - 2)
    out["nofloor_t"] = (1000 * (d - t * se3), 1000 * (d + t * se3))
    from score import score_interval

    xa_, dfa = iv._dispersion(ca, ta)
    xb_, dfb = iv._dispersion(cb, tb)
    df = dfa + dfb
    phik = (xa_ + xb_) / df
    used = (ca.sum(0) + cb.sum(0)) > 0
    phip = (xa_ + xb_)[used].sum() / (df * max(used.sum(), 1))
    tq = stats.t.ppf(0.975, df)
    for name, ph, q in (
        ("sc1z", np.ones_like(phik), 1.959964),
        ("sc_k_t", np.maximum(1, phik), tq),
        (
            "sc_p_t",
            np.full_like(phik, max(phip, 1e-9)),
            stats.t.ppf(0.975, df * max(used.sum(), 1)),
        ),
        ("sc_kraw_t", np.maximum(phik, 1e-3), tq),
    ):
        lo = np.full(len(phik), np.nan)
        hi = lo.copy()
        for j in range(len(phik)):
            xa, xb = ca[:, j].sum(), cb[:, j].sum()
            if xa + xb == 0:
                continue
            l, h = score_interval(xa, xb, ta_s, tb_s, q, ph[j])
            lo[j], hi[j] = 1000 * l, 1000 * h
        out[name] = (lo, hi)
    return out


def run(n_a, n_b, clustered, reps, seed, design={}):
    rng = np.random.default_rng(seed)
    sh_a = np.asarray(design.get("shares_a", cv.SHARES_A))
    sh_b = np.asarray(design.get("shares_b", cv.SHARES_B))
    sim = {
        "tokens": design.get("tokens", (20, 31)),
        "frame_rate": design.get("frame_rate", cv.FRAME_RATE),
    }
    truth = cv._truth(sh_a, sh_b, sim["frame_rate"])["rate_diff"]
    res = {}
    strat = {}
    for r in range(reps):
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
    s += f"  n={len(res['cur'])}"
    print(s, flush=True)
    print(
        "    ",
        " ".join(
            f"{k}/{b}={np.mean(v):.3f}({len(v)})"
            for (k, b), v in sorted(strat.items())
            if k in ("cur", "sc_k_t", "sc_p_t")
        ),
        flush=True,
    )


warnings.simplefilter("ignore")
cells = [
    (3, 3, False, {}),
    (3, 3, True, {}),
    (3, 7, False, {}),
    (3, 7, True, {}),
    (10, 10, False, {}),
    (10, 10, True, {}),
    (5, 20, True, {}),
    (30, 30, True, {}),
]
h = {d["name"]: d for d in cv.HELDOUT}
cells += [
    (3, 12, False, h["unequal"]),
    (3, 12, True, h["unequal"]),
    (3, 3, True, h["long sentences (40-60 tokens)"]),
    (8, 15, True, h["framing 8%"]),
]
for i, (a, b, c, d) in enumerate(cells):
    run(a, b, c, int(sys.argv[1]) if len(sys.argv) > 1 else 300, 100 + i, d)
