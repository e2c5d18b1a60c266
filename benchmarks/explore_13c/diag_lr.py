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


def lr_int(ca, ta, cb, tb, phi):
    a = 0.05
    x = cb.sum(0) / phi
    n = (ca.sum(0) + cb.sum(0)) / phi
    with np.errstate(all="ignore"):
        lo_pi = np.where(x > 0, stats.beta.ppf(a / 2, x + 0.5, n - x + 0.5), 0.0)
        hi_pi = np.where(x < n, stats.beta.ppf(1 - a / 2, x + 0.5, n - x + 0.5), 1.0)
        k = ta.sum() / tb.sum()
        return np.log2(lo_pi / (1 - lo_pi) * k), np.log2(hi_pi / (1 - hi_pi) * k)


def variants(ca, ta, cb, tb):
    out = {"cur": iv.rate_ratio_interval(ca, ta, cb, tb)}
    xa, dfa = iv._dispersion(ca, ta)
    xb, dfb = iv._dispersion(cb, tb)
    df = dfa + dfb
    z = 1.959964
    tz = stats.t.ppf(0.975, df) / z
    phik = (xa + xb) / df
    used = (ca.sum(0) + cb.sum(0)) > 0
    ku = max(used.sum(), 1)
    pooled = (xa + xb)[used].sum() / (df * ku)
    tp = stats.t.ppf(0.975, df * ku) / z
    out["pool_only"] = lr_int(
        ca, ta, cb, tb, np.maximum(1, np.full_like(phik, pooled * tp**2))
    )
    out["k_no_t"] = lr_int(
        ca, ta, cb, tb, np.maximum(1, np.maximum(phik, pooled * tp**2))
    )
    out["plain"] = lr_int(ca, ta, cb, tb, np.maximum(1, phik))
    out["k_t_nofloor1"] = lr_int(
        ca, ta, cb, tb, np.maximum(phik * tz**2, pooled * tp**2)
    )
    out["pool_t_nofloor1"] = lr_int(ca, ta, cb, tb, np.maximum(1e-3, pooled * tp**2))
    return out


def run(n_a, n_b, clustered, reps, seed, design={}):
    rng = np.random.default_rng(seed)
    sh_a = np.asarray(design.get("shares_a", cv.SHARES_A))
    sh_b = np.asarray(design.get("shares_b", cv.SHARES_B))
    sim = {
        "tokens": design.get("tokens", (20, 31)),
        "frame_rate": design.get("frame_rate", cv.FRAME_RATE),
    }
    truth = cv._truth(sh_a, sh_b, sim["frame_rate"])["log_ratio"]
    res = {}
    for r in range(reps):
        ca, ta = cv.simulate_statement(rng, n_a, sh_a, clustered=clustered, **sim)
        cb, tb = cv.simulate_statement(rng, n_b, sh_b, clustered=clustered, **sim)
        ok = (ca.sum(0) + cb.sum(0)) >= 3
        for k, (lo, hi) in variants(ca, ta, cb, tb).items():
            res.setdefault(k, []).extend(((lo <= truth) & (truth <= hi))[ok])
    print(
        f"{n_a}v{n_b} {'cl' if clustered else 'iid'} {design.get('name', '')[:12]}: "
        + " ".join(f"{k}={np.mean(v):.3f}" for k, v in res.items())
        + f" n={len(res['cur'])}",
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
    (12, 12, True, h["long sentences (40-60 tokens)"]),
    (8, 15, True, h["framing 8%"]),
    (20, 50, True, h["unequal"]),
]
for i, (a, b, c, d) in enumerate(cells):
    run(a, b, c, int(sys.argv[1]), 200 + i, d)
