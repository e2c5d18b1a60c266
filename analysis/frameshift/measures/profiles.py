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
    """Percentile bootstrap intervals of each unit's rates, resampling its sentences.

    The sentences of all statements of a unit are pooled and resampled with replacement;
    ``per_1000`` is recomputed as 1000 x matches / tokens of the resample (``share`` as the
    category's share of the resample's matches).

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
        Resamples, random seed, interval level.
    settings : MatchSettings, optional

    Returns
    -------
    DataFrame
        ``by``, category, ci_low, ci_high.
    """
    cats = list(categories) if categories is not None else categories_of(None, matches)
    per = sentence_counts(corpus, matches, categories=cats, settings=settings)
    st = corpus.statements
    rng = np.random.default_rng(seed)
    rows = []
    for unit in pd.unique(st[by]):
        ids = st.loc[st[by] == unit, "statement_id"].astype(str)
        c = np.vstack([per[s][0] for s in ids])
        t = np.concatenate([per[s][1] for s in ids])
        w = rng.multinomial(len(t), np.full(len(t), 1.0 / len(t)), size=n_boot).astype(float)
        bc, bt = w @ c, w @ t
        with np.errstate(divide="ignore", invalid="ignore"):
            if x == "per_1000":
                v = 1000.0 * bc / bt[:, None]
            else:
                tot = bc.sum(axis=1, keepdims=True)
                v = np.where(tot > 0, bc / tot, np.nan)
        a = (1.0 - level) / 2.0 * 100.0
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            lo, hi = np.nanpercentile(v, a, axis=0), np.nanpercentile(v, 100.0 - a, axis=0)
        for j, cat in enumerate(cats):
            rows.append((unit, cat, float(lo[j]), float(hi[j])))
    return pd.DataFrame(rows, columns=[by, "category", "ci_low", "ci_high"])
