"""Null band for novelty/transience/resonance (issue 13)."""

import numpy as np
import pandas as pd

from frameshift.measures.ntr_null import ntr_null


def _counts(rows):
    ids = [f"s{i:02d}" for i in range(len(rows))]
    return pd.DataFrame({"statement_id": [s for s in ids for _ in (0, 1)],
                         "category": ["x", "y"] * len(rows),
                         "count": [v for r in rows for v in r]})


def test_a_real_break_stands_out_and_a_flat_sequence_does_not():
    # ten statements all (9, 1), then ten all (1, 9), window 3. At the break (position 10)
    # novelty is the largest possible (all three predecessors differ) and transience 0.
    # In a random order of 10 + 10 units, P(the unit at 10 differs from all 3 before it)
    # = 2 * (10/20)(10/19)(9/18)(8/17) = 0.124, so novelty_p ~ 0.124; |resonance| is largest
    # when the 3 before all differ and the 3 after all agree, or the reverse:
    # 4 * (10/20)(10/19)(9/18)(8/17)(9/16)(8/15)(7/14) = 0.037, so resonance_p ~ 0.04.
    # Tolerances: about 4 Monte Carlo standard errors at 1,999 orders.
    c = _counts([(9, 1)] * 10 + [(1, 9)] * 10)
    t = ntr_null(c, window=3, n_perm=1999, smoothing=0.5)
    brk = t.iloc[10]
    assert abs(brk["novelty_p"] - 0.124) < 0.03
    assert abs(brk["resonance_p"] - 0.037) < 0.02
    # statements in the middle of a block: nothing new, p large
    assert t.iloc[5]["novelty_p"] > 0.5
    flat = ntr_null(_counts([(5, 5)] * 8), window=1, n_perm=99)
    assert np.nanmax(flat["novelty"]) == 0.0 and np.nanmin(flat["novelty_p"]) == 1.0


def test_seeded_and_columns():
    c = _counts([(3, 1), (1, 3), (2, 2), (4, 1), (1, 1)])
    a, b = ntr_null(c, n_perm=50, seed=1), ntr_null(c, n_perm=50, seed=1)
    pd.testing.assert_frame_equal(a, b)
    for m in ("novelty", "transience", "resonance"):
        assert {f"{m}_null_low", f"{m}_null_high", f"{m}_p"} <= set(a.columns)
        ok = a[m].notna()
        assert (a.loc[ok, f"{m}_null_low"] <= a.loc[ok, f"{m}_null_high"]).all()
