"""Log ratio: current and five dispersion variants."""

import numpy as np
from _common import LR_CELLS, Z, dispersion, iv, main, stats


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
    d = dispersion(ca, ta, cb, tb)
    tz = d.tq / Z
    tp = d.tp / Z
    phik, pooled = d.phik, d.phip
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


if __name__ == "__main__":
    main(variants, cells=LR_CELLS, seed=200, measure="log_ratio", strata=None, reps=400)
