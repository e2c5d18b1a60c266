"""Uncertainty of frame profiles: intervals for each unit's rates (the profile figure's bars)."""

from __future__ import annotations

import warnings

import numpy as np
import pandas as pd

from frameshift.matching.engine import categories_of

from .shifts import sentence_counts

__all__ = ["profile_intervals"]


def profile_intervals(corpus, matches, *, categories=None, by="actor", x="per_1000",
                      n_boot=2000, seed=0, level=0.95, settings=None) -> pd.DataFrame:
    """Intervals of each unit's rates, with its sentences as the independent units.

    ``per_1000``: the cluster-robust Wald interval of the ratio ``1000 x matches / tokens``
    with the sentences as clusters and a floor of half a count on the variance (the
    cluster-robust variance of :mod:`frameshift.measures.intervals`), cut at 0. ``share``: the percentile bootstrap of the
    category's share of the unit's matches, the sentences of all its statements pooled and
    resampled with replacement. A unit with fewer than 3 sentences (the "too short" rule of
    :mod:`frameshift.matching.shortness`) gets no interval, and a zero-width interval is never
    reported (NaN, with the reason in ``ci_method``).

    Parameters
    ----------
    corpus : Corpus
    matches : DataFrame
        Rows of :func:`frameshift.matching.find_matches` (their settings are used).
    categories : sequence of str, optional
        Default: the lexicon order recorded in ``matches``.
    by : str, default "actor"
    x : {"per_1000", "share"}
    n_boot, seed, level
        Resamples (``share`` only), random seed, interval level.
    settings : MatchSettings, optional

    Returns
    -------
    DataFrame
        ``by``, category, ci_low, ci_high, ci_method.

    Examples
    --------
    >>> import pandas as pd
    >>> from frameshift.corpus import from_frame
    >>> from frameshift.matching import find_matches
    >>> c = from_frame(pd.DataFrame({"statement_id": ["a", "b"], "actor": ["x", "y"],
    ...     "text": ["Talks now. No talks. Talks again.", "Talks."]}))
    >>> iv = profile_intervals(c, find_matches(c, {"talks": ["talks"]}))
    >>> iv["ci_method"].tolist()
    ['cluster-robust Wald (sentences)', 'none: too short (1 sentence(s); needs >= 3)']
    >>> bool(iv["ci_low"].iloc[0] < 500 < iv["ci_high"].iloc[0]), bool(iv["ci_low"].isna().iloc[1])
    (True, True)
    """
    from scipy import stats

    from frameshift.matching.shortness import MIN_SENTENCES
    from frameshift.measures.intervals import _cluster_var

    cats = list(categories) if categories is not None else categories_of(None, matches)
    per = sentence_counts(corpus, matches, categories=cats, settings=settings)
    st = corpus.statements
    rng = np.random.default_rng(seed)
    z = stats.norm.ppf(0.5 + level / 2.0)
    rows = []
    for unit in pd.unique(st[by]):
        ids = st.loc[st[by] == unit, "statement_id"].astype(str)
        c = np.vstack([per[s][0] for s in ids])
        t = np.concatenate([per[s][1] for s in ids])
        if len(t) < MIN_SENTENCES:
            why = f"none: too short ({len(t)} sentence(s); needs >= {MIN_SENTENCES})"
            rows.extend((unit, cat, np.nan, np.nan, why) for cat in cats)
            continue
        if x == "per_1000":
            r = c.sum(0) / t.sum()
            # floored at half a count, so a category without a match keeps a width
            half = z * np.sqrt(np.maximum(_cluster_var(c, t), 0.5 / t.sum() ** 2))
            lo, hi = 1000.0 * np.maximum(r - half, 0.0), 1000.0 * (r + half)
            how = "cluster-robust Wald (sentences)"
        else:
            w = rng.multinomial(len(t), np.full(len(t), 1.0 / len(t)),
                                size=n_boot).astype(float)
            bc = w @ c
            tot = bc.sum(axis=1, keepdims=True)
            with np.errstate(divide="ignore", invalid="ignore"):
                v = np.where(tot > 0, bc / tot, np.nan)
            a = (1.0 - level) / 2.0 * 100.0
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                lo, hi = np.nanpercentile(v, a, axis=0), np.nanpercentile(v, 100.0 - a, axis=0)
            how = "percentile sentence bootstrap"
        for j, cat in enumerate(cats):
            l, h = float(lo[j]), float(hi[j])
            if not (h - l > 1e-12 * max(1.0, abs(h))):
                rows.append((unit, cat, np.nan, np.nan,
                             "none: zero width (no variation between resamples)"))
            else:
                rows.append((unit, cat, l, h, how))
    return pd.DataFrame(rows, columns=[by, "category", "ci_low", "ci_high", "ci_method"])
