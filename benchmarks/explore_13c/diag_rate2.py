"""diag_rate.py + Miettinen-Nurminen score interval (Poisson, constrained MLE) with dispersion
1 / max(1, phi_k) / pooled / raw phi_k."""

import numpy as np
from _common import Z, dispersion, main, rate_variants, score_variants


def variants(ca, ta, cb, tb):
    out = rate_variants(ca, ta, cb, tb)
    d = dispersion(ca, ta, cb, tb)
    specs = (
        ("sc1z", np.ones_like(d.phik), Z),
        ("sc_k_t", np.maximum(1, d.phik), d.tq),
        ("sc_p_t", np.full_like(d.phik, max(d.phip, 1e-9)), d.tp),
        ("sc_kraw_t", np.maximum(d.phik, 1e-3), d.tq),
    )
    return score_variants(out, ca, ta, cb, tb, specs)


if __name__ == "__main__":
    main(variants, strata=("cur", "sc_k_t", "sc_p_t"))
