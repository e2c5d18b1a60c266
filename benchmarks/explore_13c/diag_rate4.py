"""diag_rate.py + score interval with the log ratio's dispersion floors, normal quantile."""

import numpy as np
from _common import Z, dispersion, main, rate_variants, score_variants


def variants(ca, ta, cb, tb):
    out = rate_variants(ca, ta, cb, tb)
    d = dispersion(ca, ta, cb, tb)
    pool = d.phip * (d.tp / Z) ** 2
    lrphi = np.maximum(1, np.maximum(d.phik * (d.tq / Z) ** 2, pool))
    specs = (
        ("sc_pool1_z", np.full_like(d.phik, max(1.0, pool)), Z),
        ("sc_lrphi_z", lrphi, Z),
        ("sc_k1_pool_z", np.maximum(1, np.maximum(d.phik, pool)), Z),
    )
    return score_variants(out, ca, ta, cb, tb, specs)


if __name__ == "__main__":
    main(variants)
