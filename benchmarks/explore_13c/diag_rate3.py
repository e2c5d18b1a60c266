"""diag_rate2.py + hybrid: cluster variance, constrained Poisson variance for a zero side."""

import diag_rate2
from _common import iv, main, per_category, stats
from score import hybrid_interval


def variants(ca, ta, cb, tb):
    out = diag_rate2.variants(ca, ta, cb, tb)
    ta_s, tb_s = ta.sum(), tb.sum()
    va0, vb0 = iv._cluster_var(ca, ta), iv._cluster_var(cb, tb)
    t = stats.t.ppf(0.975, len(ta) + len(tb) - 2)
    out["hyb"] = per_category(
        ca, cb, lambda j, xa, xb: hybrid_interval(xa, xb, ta_s, tb_s, va0[j], vb0[j], t)
    )
    return out


if __name__ == "__main__":
    main(variants, strata=("cur", "hyb"))
