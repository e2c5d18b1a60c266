"""A null band for novelty, transience and resonance: the same units in random time order.

Novelty and transience are never zero, even with nothing changing (the noise floor of sampled
distributions is about 0.5 bits on the inaugural terms), so a value means something only
against what the same statements give with no temporal structure. :func:`ntr_null` recomputes
the measures for ``n_perm`` random orders of the units and reports, per position, the
``(1 - level)/2`` and ``(1 + level)/2`` quantiles of each measure under that null, and a
permutation p-value for each observed value (two-sided for resonance, one-sided "higher" for
novelty and transience).
"""

from __future__ import annotations

import numpy as np

__all__ = ["ntr_null"]


def ntr_null(counts, *, by="statement_id", window=1, smoothing=0.5, order=None, n_perm=999,
             seed=0, level=0.95):
    """:func:`frameshift.measures.sequence.ntr` with a permutation null band per position.

    Parameters
    ----------
    counts, by, window, smoothing, order :
        As :func:`frameshift.measures.sequence.ntr`.
    n_perm : int, default 999
        Random time orders of the units.
    seed : int, default 0
    level : float, default 0.95
        Width of the null band.

    Returns
    -------
    pandas.DataFrame
        The columns of ``ntr`` plus, for m in novelty, transience, resonance: ``m_null_low``,
        ``m_null_high`` (quantiles of the measure at that position over random orders) and
        ``m_p`` (``(1 + #{T* >= T}) / (1 + n_perm)``; ``|T|`` for resonance).

    Examples
    --------
    >>> import pandas as pd
    >>> c = pd.DataFrame({"statement_id": [s for s in "abcdef" for _ in (0, 1)],
    ...                   "category": ["x", "y"] * 6, "count": [5, 5] * 6})
    >>> t = ntr_null(c, n_perm=99)
    >>> float(t["novelty"].max()), float(t["novelty_p"].min())   # nothing changes: p = 1
    (0.0, 1.0)
    """
    from frameshift.measures.sequence import distributions, ntr, novelty_transience_resonance

    out = ntr(counts, by=by, window=window, smoothing=smoothing, order=order)
    _, _, p = distributions(counts, by=by, smoothing=smoothing, order=order)
    rng = np.random.default_rng(seed)
    names = ("novelty", "transience", "resonance")
    sims = {m: np.empty((int(n_perm), len(p))) for m in names}
    for r in range(int(n_perm)):
        t = novelty_transience_resonance(p[rng.permutation(len(p))], window=window)
        for m in names:
            sims[m][r] = t[m].to_numpy(dtype=float)
    import warnings

    a = (1.0 - level) / 2.0
    for m in names:
        obs = out[m].to_numpy(dtype=float)
        s = sims[m]
        with warnings.catch_warnings():   # positions without a full window are all NaN
            warnings.simplefilter("ignore", RuntimeWarning)
            lo, hi = np.nanquantile(s, a, axis=0), np.nanquantile(s, 1.0 - a, axis=0)
        tol = 1e-12 * np.maximum(1.0, np.abs(obs))
        if m == "resonance":
            ge = (np.abs(s) >= np.abs(obs) - tol).sum(axis=0)
        else:
            ge = (s >= obs - tol).sum(axis=0)
        pv = (1.0 + ge) / (1.0 + n_perm)
        bad = np.isnan(obs)
        out[f"{m}_null_low"] = np.where(bad, np.nan, lo)
        out[f"{m}_null_high"] = np.where(bad, np.nan, hi)
        out[f"{m}_p"] = np.where(bad, np.nan, pv)
    return out
