"""Novelty, transience and resonance of time-ordered frame distributions.

After Barron, Huang, Spang & DeDeo (2018), "Individuals, institutions, and innovation in the
debates of the French Revolution", *PNAS* 115(18), 4607-4612. For distribution ``p_j`` at
position ``j`` and window ``w``, with KL divergence in bits::

    N_w(j) = (1/w) sum_{d=1..w} KL(p_j || p_{j-d})      novelty: surprise given the past
    T_w(j) = (1/w) sum_{d=1..w} KL(p_j || p_{j+d})      transience: surprise of the future
    R_w(j) = N_w(j) - T_w(j)                            resonance

A measure is computed only where its window is full (NaN elsewhere); resonance needs both.
Barron et al. use LDA topic mixtures, which are never zero; frame and term distributions have
zeros, so :func:`ntr` smooths counts with a pseudo-count before dividing (documented in
``docs/measures.md``).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

__all__ = ["kl_divergence", "novelty_transience_resonance", "ntr", "distributions"]


def kl_divergence(p, q):
    """Kullback-Leibler divergence ``KL(p || q)`` in bits, along the last axis.

    ``0 * log(0 / q) = 0``; a positive ``p_i`` with ``q_i = 0`` gives ``inf``.

    Examples
    --------
    >>> round(float(kl_divergence([0.9, 0.1], [0.5, 0.5])), 6)
    0.531004
    >>> float(kl_divergence([0.5, 0.5], [1.0, 0.0]))
    inf
    """
    from scipy.special import rel_entr

    from frameshift.errors import numbers_argument
    p = numbers_argument(p, "p", "kl_divergence")
    q = np.asarray(q, dtype=float)
    return rel_entr(p, q).sum(axis=-1) / np.log(2.0)


def novelty_transience_resonance(distributions, *, window=1):
    """Novelty, transience and resonance of a sequence of probability distributions.

    Parameters
    ----------
    distributions : array_like, shape (n, k)
        One distribution per position, in time order (rows sum to 1).
    window : int, default 1
        Number of neighbours ``w`` on each side.

    Returns
    -------
    pandas.DataFrame
        position (0-based), novelty, transience, resonance; NaN where the window is not full.

    Examples
    --------
    >>> t = novelty_transience_resonance([[.5, .5], [.9, .1], [.5, .5]], window=1)
    >>> t.round(6)
       position   novelty  transience  resonance
    0         0       NaN    0.736966        NaN
    1         1  0.531004    0.531004        0.0
    2         2  0.736966         NaN        NaN
    """
    from frameshift.errors import numbers_argument
    p = numbers_argument(distributions, "distributions", "novelty_transience_resonance")
    from frameshift.errors import ArgumentValueError
    if p.ndim != 2:
        raise ArgumentValueError(f"distributions must be a 2-D array (positions x categories); "
                                 f"got shape {p.shape}.")
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)):
        raise ArgumentValueError(f"window must be a positive integer; got {window!r}.")
    w = int(window)
    if w < 1:
        raise ArgumentValueError(f"window must be a positive integer; got {window!r}.")
    sums = p.sum(axis=1)
    if np.any(p < 0) or not np.allclose(sums, 1.0, atol=1e-9):
        bad = int(np.flatnonzero((p < 0).any(axis=1) | ~np.isclose(sums, 1.0, atol=1e-9))[0])
        raise ArgumentValueError(f"Row {bad} is not a probability distribution (sum "
                                 f"{sums[bad]:.6g}); normalise the rows, e.g. with frameshift.measures.sequence.distributions.")
    n = len(p)
    nov = np.full(n, np.nan)
    tra = np.full(n, np.nan)
    for j in range(w, n):
        nov[j] = np.mean([kl_divergence(p[j], p[j - d]) for d in range(1, w + 1)])
    for j in range(0, n - w):
        tra[j] = np.mean([kl_divergence(p[j], p[j + d]) for d in range(1, w + 1)])
    return pd.DataFrame({"position": np.arange(n), "novelty": nov, "transience": tra,
                         "resonance": nov - tra})


def distributions(counts, *, by="statement_id", smoothing=0.5, order=None):
    """Frame distributions from a long counts table, smoothed with a pseudo-count.

    ``p_ic = (count_ic + smoothing) / (sum_c count_ic + K * smoothing)`` over the ``K``
    categories of the table. ``smoothing=0.5`` is the Jeffreys prior; it keeps every KL
    divergence finite. With ``smoothing=0`` a unit with no match has no distribution (NaN row).

    Parameters
    ----------
    counts : pandas.DataFrame
        Long form with ``by``, category and count columns (zeros included).
    by : str or list of str
    smoothing : float, default 0.5
    order : sequence, optional
        Order of the units (values of ``by``); default: order of first appearance.

    Returns
    -------
    units : list
        Values of ``by`` in order.
    categories : list of str
    p : numpy.ndarray, shape (n_units, K)

    Examples
    --------
    >>> c = pd.DataFrame({"statement_id": ["a", "a", "b", "b"], "category": ["x", "y"] * 2,
    ...                   "count": [3, 0, 1, 1]})
    >>> units, cats, p = distributions(c)
    >>> p.round(3).tolist()
    [[0.875, 0.125], [0.5, 0.5]]
    """
    from frameshift.errors import check_table_argument

    check_table_argument(counts, "counts", "distributions", "count_matches(...)")
    keys = [by] if isinstance(by, str) else list(by)
    missing = [c for c in [*keys, "category", "count"] if c not in counts.columns]
    if missing:
        raise ValueError(f"The counts table lacks column(s) {missing}; expected the long form "
                         "of frameshift.matching.count_matches.")
    key = counts[keys[0]] if len(keys) == 1 else pd.Series(
        list(zip(*(counts[k] for k in keys))), index=counts.index)
    wide = pd.crosstab(key.to_numpy(), counts["category"].astype(str).to_numpy(),
                       values=counts["count"].to_numpy(dtype=float), aggfunc="sum",
                       dropna=False).fillna(0.0)
    units = list(pd.unique(key)) if order is None else list(order)
    unknown = [u for u in units if u not in wide.index]
    if unknown:
        raise ValueError(f"order names units not in the counts table: {unknown[:10]}.")
    wide = wide.loc[units]
    cats = [str(c) for c in wide.columns]
    x = wide.to_numpy(dtype=float) + float(smoothing)
    tot = x.sum(axis=1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        p = np.where(tot > 0, x / tot, np.nan)
    return units, cats, p


def ntr(counts, *, by="statement_id", window=1, smoothing=0.5, order=None):
    """Novelty, transience and resonance over the units of a long counts table.

    Parameters
    ----------
    counts : pandas.DataFrame
        Long-form counts (by, category, count; zeros included), e.g. from
        :func:`frameshift.matching.count_matches` or :func:`frameshift.measures.key_terms.term_counts`.
    by : str, default "statement_id"
    window : int, default 1
    smoothing : float, default 0.5
        Pseudo-count added to every category before normalising (see :func:`distributions`).
    order : sequence, optional
        Time order of the units; default: the table's order (statements come in date order
        from the corpus).

    Returns
    -------
    pandas.DataFrame
        ``by``, position, window, novelty, transience, resonance (bits; NaN where the window is
        not full), short_text (the one rule of :mod:`frameshift.matching.shortness`: the
        unit has fewer than 3 sentences, read from the ``short_text`` column of ``counts`` as
        :func:`~frameshift.matching.count_matches` and
        :func:`~frameshift.measures.key_terms.term_counts` write it; False for a table
        without that column. One :class:`ShortTextWarning` names the short units.)

    Examples
    --------
    >>> c = pd.DataFrame({"statement_id": list("aabbcc"), "category": ["x", "y"] * 3,
    ...                   "count": [1, 1, 9, 1, 1, 1]})
    >>> ntr(c, smoothing=0).round(6)[["statement_id", "novelty", "resonance"]]
      statement_id   novelty  resonance
    0            a       NaN        NaN
    1            b  0.531004        0.0
    2            c  0.736966        NaN
    """
    units, _, p = distributions(counts, by=by, smoothing=smoothing, order=order)
    if np.isnan(p).any():
        bad = [units[i] for i in np.flatnonzero(np.isnan(p).any(axis=1))]
        raise ValueError(f"Units without any count cannot have a distribution with "
                         f"smoothing=0: {bad[:10]}. Use smoothing > 0.")
    out = novelty_transience_resonance(p, window=window)
    out.insert(0, by, units)
    out.insert(2, "window", int(window))
    # issue 13: one "too short" rule (frameshift.matching.shortness), read from the counts
    from frameshift.matching.shortness import MIN_SENTENCES, warn_short

    if "short_text" in counts.columns:
        flag = counts.groupby(by, sort=False)["short_text"].any()
        short = np.asarray([bool(flag.get(u, False)) for u in units], dtype=bool)
    else:
        short = np.zeros(len(units), dtype=bool)
    out["short_text"] = short
    warn_short(np.asarray(units, dtype=object)[short], len(units), what="unit",
               minimum=MIN_SENTENCES)
    return out
