import sys
import warnings

import numpy as np
from _common import cv
from frameshift.measures.shifts import shift_from_sentences

warnings.simplefilter("ignore")


def run(n_a, n_b, clustered, reps, seed, design=None, n_perm=499):
    design = design or {}
    rng = np.random.default_rng(seed)
    sh_a = np.asarray(design.get("shares_a", cv.SHARES_A))
    sim = {
        "tokens": design.get("tokens", (20, 31)),
        "frame_rate": design.get("frame_rate", cv.FRAME_RATE),
    }
    rej = {}
    for r in range(reps):
        ca, ta = cv.simulate_statement(rng, n_a, sh_a, clustered=clustered, **sim)
        cb, tb = cv.simulate_statement(rng, n_b, sh_a, clustered=clustered, **sim)
        t = shift_from_sentences(
            ca, ta, cb, tb, n_boot=0, n_perm=n_perm, seed=rng, warn=False
        )
        for m in ("rate_diff", "log_ratio", "jsd_contribution", "jsd", "cosine"):
            rows = t[
                (t["measure"] == m)
                & (t["category"].notna() == (m not in ("jsd", "cosine")))
            ]
            for col in ("p", "p_exact"):
                p = rows[col].to_numpy(float)
                p = p[~np.isnan(p)]
                a = rej.setdefault((m, col), [0, 0])
                a[0] += len(p)
                a[1] += (p < 0.05).sum()
    print(
        f"{design.get('name', '')[:10]} {'cl' if clustered else 'iid'} {n_a}v{n_b}: "
        + "  ".join(
            f"{m[:8]} {rej[(m, 'p')][1] / rej[(m, 'p')][0]:.3f}/{rej[(m, 'p_exact')][1] / rej[(m, 'p_exact')][0]:.3f}"
            for m in ("rate_diff", "log_ratio", "jsd_contribution", "jsd", "cosine")
        ),
        flush=True,
    )


h = {d["name"]: d for d in cv.HELDOUT}
# first run (issue 13c, 300 replications, before the NaN fix): cells = [(3,3,False,{}),(3,3,True,{}),(3,7,False,{}),(3,7,True,{}),(10,10,True,{}),(1,7,True,{}),(3,12,True,h["unequal"]),(3,3,False,h["long sentences (40-60 tokens)"]),(30,30,True,{})]
# second run (600 replications, after it):
cells = [(3, 7, True, {}), (3, 7, False, {}), (3, 12, True, h["unequal"])]
for i, (a, b, c, d) in enumerate(cells):
    run(a, b, c, int(sys.argv[1]), 300 + i, d)
