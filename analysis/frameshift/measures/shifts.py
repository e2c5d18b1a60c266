"""Frame profiles and framing shifts between statements, with bootstrap and permutation uncertainty.

A *shift* compares the frame profile of statement A (``from``) with that of statement B
(``to``): per category the difference in rate per 1,000 tokens and the log ratio, over the
whole profile the Jensen-Shannon divergence in bits (with per-category contributions that sum
to it exactly) and the cosine distance, and which of A's frames B takes up, drops or
introduces. Uncertainty comes from the variation between sentences: a bias-corrected sentence
bootstrap for the JSD contributions, a noncentral chi-square (G statistic) interval with a
sentence design effect for the JSD, quasi-Poisson score (Miettinen-Nurminen) and conditional
Poisson intervals for rates (:mod:`frameshift.measures.intervals`), and a permutation test that
shuffles sentences between A and B: ``p`` breaks ties at random (uniform under the null from
3 sentences a side), ``p_exact`` is the conservative one, ``p_adjusted`` is Benjamini-Hochberg
of ``p``. Formulae, smoothing,
thresholds and measured coverage are in ``docs/measures.md``.

The work is done by :func:`shift_from_sentences`, which takes per-sentence count arrays and can
be tested without a corpus; :func:`shift` matches a lexicon on a corpus once and calls it for
every pair.
"""

from __future__ import annotations

import hashlib
import itertools
import math
import warnings

import numpy as np
import pandas as pd

from frameshift.progress import progress
from frameshift.errors import OptionError, check_table_argument
from frameshift.matching.engine import categories_of, find_matches, rates, settings_of
from frameshift.matching.shortness import MIN_SENTENCES as _SHORT_MIN_SENTENCES
from frameshift.matching.shortness import ShortTextWarning
from frameshift.measures.intervals import (CI_METHODS, MIN_CATEGORY_MATCHES,
                                           MIN_DIVERGENCE_MATCHES, MIN_INTERVAL_SENTENCES,
                                           bias_corrected_bootstrap_interval,
                                           jsd_noncentral_interval, rate_diff_interval,
                                           rate_ratio_interval)

__all__ = [
    "ShortTextWarning",
    "MIN_MATCHES",
    "MIN_SENTENCES",
    "SHIFT_COLUMNS",
    "frame_profiles",
    "jsd",
    "jsd_contributions",
    "cosine_distance",
    "sentence_counts",
    "make_pairs",
    "shift_from_sentences",
    "shift",
]

#: Optional extra flag (``min_matches=``): off by default since issue 13, when the one rule of
#: :mod:`frameshift.matching.shortness` (fewer than 3 sentences) replaced "10 matches or 5
#: sentences"; few matches are handled by the interval rules (``ci_method``) instead.
MIN_MATCHES = 0
#: A statement with fewer sentences than this is flagged as short (``short_text``): the one
#: rule of :data:`frameshift.matching.shortness.MIN_SENTENCES`, derived from the harness.
MIN_SENTENCES = _SHORT_MIN_SENTENCES
#: Count substituted for a zero count in a log ratio (Hardie 2014), as in keyness.
ZERO_COUNT = 0.5

#: ``ci_method`` of the cosine distance wherever another divergence gets an interval.
COSINE_NO_INTERVAL = ("none: no bootstrap interval of the cosine distance covers 95% "
                      "(harness: 0.90-0.93 at 30-60 sentences a side); read p, or the JSD")

SHIFT_COLUMNS = ["from", "to", "measure", "category", "value", "ci_low", "ci_high",
                 "ci_method", "p", "p_exact", "p_adjusted", "short_text"]

_PER_CATEGORY = ("rate_diff", "log_ratio", "jsd_contribution", "uptake", "introduced", "dropped")
_WHOLE = ("jsd", "cosine", "uptake")
# measures tested by permutation, and whether the test is two-sided (|statistic|)
_TESTED = {"rate_diff": True, "log_ratio": True, "jsd_contribution": False, "jsd": False,
           "cosine": False}


# ShortTextWarning is defined once, in frameshift.matching.shortness (re-exported here).


# --------------------------------------------------------------------------- profiles


def frame_profiles(counts, *, by="statement_id", smoothing=0.5):
    """Frame profile of every unit: counts, rates per 1,000 tokens, shares and smoothed shares.

    Parameters
    ----------
    counts : pandas.DataFrame
        Long-form counts (``by`` columns, category, count, tokens; zeros included), as made by
        :func:`frameshift.matching.count_matches`. Rows of a finer unit (statements) are summed
        into the units of ``by`` (e.g. actors); ``tokens`` is then the units' total.
    by : str or list of str, default "statement_id"
    smoothing : float, default 0.5
        Pseudo-count added to every category for ``share_smoothed`` (Jeffreys prior), so that
        log ratios and KL divergences of distributions stay finite.

    Returns
    -------
    pandas.DataFrame
        ``by`` columns, category, count, tokens, per_1000, share (count over the unit's total
        matches; NaN for a unit without matches), share_smoothed
        (``(count + s) / (total + K s)``); one row per unit and category, zeros included.

    Examples
    --------
    >>> c = pd.DataFrame({"statement_id": ["a", "a", "b", "b"], "actor": ["x", "x", "x", "x"],
    ...                   "category": ["peace", "war"] * 2, "count": [3, 1, 0, 0],
    ...                   "tokens": [200, 200, 100, 100]})
    >>> frame_profiles(c, by="actor")
      actor category  count  tokens   per_1000  share  share_smoothed
    0     x    peace      3     300  10.000000   0.75             0.7
    1     x      war      1     300   3.333333   0.25             0.3
    """
    check_table_argument(counts, "counts", "frame_profiles", "count_matches(...)")
    keys = [by] if isinstance(by, str) else list(by)
    need = [*keys, "category", "count", "tokens"]
    missing = [c for c in need if c not in counts.columns]
    if missing:
        raise ValueError(f"The counts table lacks column(s) {missing}; expected the long form "
                         "of frameshift.matching.count_matches (by-columns, category, count, "
                         "tokens).")
    g = (counts.groupby([*keys, "category"], sort=False, dropna=False, observed=True)
         [["count", "tokens"]].sum().reset_index())
    g["count"] = g["count"].astype(np.int64)
    g["tokens"] = g["tokens"].astype(np.int64)
    k = g["category"].nunique()
    total = g.groupby(keys, sort=False, dropna=False)["count"].transform("sum")
    tok = g["tokens"].to_numpy(dtype=float)
    cnt = g["count"].to_numpy(dtype=float)
    tot = total.to_numpy(dtype=float)
    g["per_1000"], g["share"] = rates(cnt, tok, tot)
    with np.errstate(divide="ignore", invalid="ignore"):
        den = tot + k * smoothing
        g["share_smoothed"] = np.where(den > 0, (cnt + smoothing) / den, np.nan)
    return g


# --------------------------------------------------------------------------- measures


def _xlog2(x, y):
    """``x * log2(x / y)`` with ``0 * log 0 = 0``."""
    with np.errstate(divide="ignore", invalid="ignore"):
        out = x * (np.log2(x) - np.log2(y))
    return np.where(x > 0, out, 0.0)


def _normalise(x):
    from frameshift.errors import numbers_argument

    x = numbers_argument(x, "the distribution", "jsd/kl_divergence/cosine_distance")
    if x.ndim == 0:
        from frameshift.errors import bad_argument
        raise bad_argument("jsd/kl_divergence/cosine_distance", "the distribution", x.item(),
                           "a list or array of counts", "Give one count per category.")
    tot = x.sum(axis=-1, keepdims=True)
    with np.errstate(divide="ignore", invalid="ignore"):
        return np.where(tot > 0, x / tot, np.nan)


def jsd_contributions(p, q):
    """Per-category contributions to the Jensen-Shannon divergence (bits).

    ``c_i = 0.5 p_i log2(p_i / m_i) + 0.5 q_i log2(q_i / m_i)`` with ``m = (p + q) / 2``;
    ``p`` and ``q`` (counts or probabilities) are normalised first. The contributions are
    non-negative and sum to :func:`jsd`.

    Examples
    --------
    >>> c = jsd_contributions([10, 5, 0, 5], [2, 5, 8, 5])
    >>> c.round(6).tolist(), round(float(c.sum()), 6)
    ([0.104993, 0.0, 0.2, 0.0], 0.304993)
    """
    p = _normalise(p)
    q = _normalise(q)
    m = 0.5 * (p + q)
    return 0.5 * _xlog2(p, m) + 0.5 * _xlog2(q, m)


def jsd(p, q):
    """Jensen-Shannon divergence in bits (0 = identical, 1 = disjoint), along the last axis.

    Note that :func:`scipy.spatial.distance.jensenshannon` returns the square root (a distance)
    in nats by default; ``jensenshannon(p, q, base=2) ** 2`` equals this function.

    Examples
    --------
    >>> float(jsd([.5, .5, 0], [0, .5, .5]))
    0.5
    """
    # clipped so that rounding never leaves the documented range [0, 1]
    return np.clip(jsd_contributions(p, q).sum(axis=-1), 0.0, 1.0)


def cosine_distance(a, b):
    """``1 - cos(a, b)`` of two count (or rate) vectors; NaN when one is all zeros.

    Examples
    --------
    >>> float(cosine_distance([1, 0], [0, 3])), round(float(cosine_distance([1, 2], [2, 4])), 12)
    (1.0, 0.0)
    """
    from frameshift.errors import bad_argument, numbers_argument

    a = numbers_argument(a, "a", "cosine_distance")
    b = numbers_argument(b, "b", "cosine_distance")
    if a.ndim == 0 or b.ndim == 0:
        raise bad_argument("cosine_distance", "a" if a.ndim == 0 else "b",
                           (a if a.ndim == 0 else b).item(), "a list or array of counts",
                           "Give one count per category.")
    den = np.linalg.norm(a, axis=-1) * np.linalg.norm(b, axis=-1)
    with np.errstate(divide="ignore", invalid="ignore"):
        cos = (a * b).sum(axis=-1) / den
    return np.where(den > 0, np.clip(1.0 - cos, 0.0, 2.0), np.nan)


def _measures(ca, na, cb, nb) -> dict:
    """All shift measures for R replicate pairs: ``ca`` (R, K) counts, ``na`` (R,) tokens."""
    na = na[:, None].astype(float)
    nb = nb[:, None].astype(float)
    with np.errstate(divide="ignore", invalid="ignore"):
        ra = np.where(na > 0, 1000.0 * ca / na, np.nan)
        rb = np.where(nb > 0, 1000.0 * cb / nb, np.nan)
        a0 = np.where(ca > 0, ca, ZERO_COUNT)
        b0 = np.where(cb > 0, cb, ZERO_COUNT)
        lr = np.log2((b0 / nb) / (a0 / na))
    lr = np.where((ca > 0) | (cb > 0), lr, np.nan)
    contrib = jsd_contributions(ca, cb)
    in_a = ca > 0
    in_b = cb > 0
    n_in_a = in_a.sum(axis=1)
    with np.errstate(divide="ignore", invalid="ignore"):
        uptake_share = np.where(n_in_a > 0, (in_a & in_b).sum(axis=1) / n_in_a, np.nan)
    return {
        ("rate_diff", True): rb - ra,
        ("log_ratio", True): lr,
        ("jsd_contribution", True): contrib,
        ("uptake", True): (in_a & in_b).astype(float),
        ("introduced", True): (~in_a & in_b).astype(float),
        ("dropped", True): (in_a & ~in_b).astype(float),
        ("jsd", False): np.clip(contrib.sum(axis=1), 0.0, 1.0),
        ("cosine", False): cosine_distance(ca, cb),
        ("uptake", False): uptake_share,
    }


def shift_from_sentences(counts_a, tokens_a, counts_b, tokens_b, *, categories=None,
                         n_boot=2000, n_perm=2000, seed=0, level=0.95,
                         min_matches=MIN_MATCHES, min_sentences=MIN_SENTENCES,
                         from_id="A", to_id="B", warn=True):
    """Shift measures from A to B, with bootstrap intervals and permutation p-values.

    Parameters
    ----------
    counts_a, counts_b : array_like, shape (n_sentences, n_categories)
        Matches per sentence and category of statements A and B.
    tokens_a, tokens_b : array_like, shape (n_sentences,)
        Word tokens per sentence.
    categories : sequence of str, optional
        Category names (default ``"0"``, ``"1"``, ...).
    n_boot : int, default 2000
        Sentence-bootstrap resamples for the JSD-contribution intervals (the
        sentences of A and of B each resampled with replacement within their statement;
        bias-corrected percentile interval; the JSD's own interval is the closed-form
        noncentral chi-square one; the cosine distance gets none). 0 skips the divergence
        intervals. Rate differences and log ratios get closed-form
        intervals; see :mod:`frameshift.measures.intervals` for every method and when no
        interval is reported (``ci_method`` then says why).
    n_perm : int, default 2000
        Random relabellings of the pooled sentences into groups of A's and B's sizes. When the
        number ``N`` of distinct relabellings is at most ``n_perm`` they are all enumerated
        and ``p_exact = #{T* >= T} / N``; otherwise ``p_exact = (1 + #{T* >= T}) / (1 +
        n_perm)`` (Phipson & Smyth 2010). ``T`` is the JSD, the JSD contribution or the cosine
        distance, or ``|T|`` for rate differences and log ratios. ``p_exact`` is conservative
        (``P(p_exact <= a) <= a``), much so with few sentences or many ties (3 v 3 sentences:
        never below 0.1 for a two-sided test). ``p`` is the *randomised* permutation p: the
        ties (the observed statistic among equal ones) are broken by a uniform draw ``U``
        from ``seed``, ``p = (#{T* > T} + U #{T* = T}) / N`` (or ``(#{T* > T} + U (1 +
        #{T* = T})) / (1 + n_perm)``), uniform under the null, so its rejection rate is the
        nominal one at every size (measured in ``docs/measures.md``); its mean over ``U`` is
        the mid-p (Lancaster 1961). When either statement has fewer than 3 sentences (the
        "too short" rule) ``p`` is ``p_exact``. 0 skips the test.
    seed : int, numpy.random.SeedSequence or Generator, default 0
    level : float, default 0.95
    min_matches, min_sentences : int
        A pair is flagged ``short_text`` (and a :class:`ShortTextWarning` issued) when either
        statement has fewer than ``min_sentences`` sentences (default 3, the one rule of
        :mod:`frameshift.matching.shortness`) or fewer than ``min_matches`` matches (default
        0: no match rule).
    from_id, to_id : str
        Labels written in the ``from`` and ``to`` columns.
    warn : bool, default True

    Returns
    -------
    pandas.DataFrame
        from, to, measure, category (NA for whole-profile measures), value, ci_low, ci_high,
        ci_method (the interval method, or ``"none: <reason>"`` with NaN bounds), p (the
        randomised permutation p), p_exact (the conservative one), p_adjusted
        (Benjamini-Hochberg of ``p`` within each measure of the table), short_text. Measures per category: ``rate_diff`` (B - A, per 1,000 tokens),
        ``log_ratio`` (log2 of B's rate over A's; a zero count counts as 0.5, NaN when both
        are 0), ``jsd_contribution``, ``uptake``/``introduced``/``dropped`` (1 or 0: the frame
        is in A and B / only in B / only in A). Whole profile: ``jsd`` (bits), ``cosine``
        (distance), ``uptake`` (share of A's frames present in B).

    Examples
    --------
    >>> a = [[2, 0], [1, 0], [1, 0]]          # three sentences, categories (peace, war)
    >>> b = [[0, 1], [1, 1], [0, 2]]
    >>> t = shift_from_sentences(a, [10, 10, 10], b, [10, 10, 10], categories=["peace", "war"],
    ...                          n_boot=200, n_perm=0, warn=False)
    >>> # Miettinen-Nurminen score bounds; the sentences show no over-dispersion here, so they are
    >>> # statsmodels' confint_poisson_2indep(method="score", compare="diff") per 1,000 tokens
    >>> t.loc[t["measure"].eq("rate_diff"), ["category", "value", "ci_low", "ci_high"]].round(1)
      category  value  ci_low  ci_high
    0    peace -100.0  -313.1     67.1
    1      war  133.3     5.3    342.9
    >>> print(t.loc[t["measure"].eq("jsd"), "ci_method"].iloc[0])
    none: 4 and 5 matches; a divergence interval needs >= 25 per statement (plug-in bias); read p
    """
    from frameshift.errors import ArgumentValueError, counts_argument

    ca_s = np.atleast_2d(counts_argument(counts_a, "counts_a", "shift_from_sentences"))
    cb_s = np.atleast_2d(counts_argument(counts_b, "counts_b", "shift_from_sentences"))
    ta_s = counts_argument(tokens_a, "tokens_a", "shift_from_sentences").ravel()
    tb_s = counts_argument(tokens_b, "tokens_b", "shift_from_sentences").ravel()
    if ca_s.shape[1] != cb_s.shape[1]:
        raise ArgumentValueError(f"counts_a has {ca_s.shape[1]} categories but counts_b has "
                                 f"{cb_s.shape[1]}.")
    if len(ta_s) != len(ca_s) or len(tb_s) != len(cb_s):
        raise ArgumentValueError("tokens_a/tokens_b need one value per sentence (row) of "
                                 "counts_a/counts_b.")
    k = ca_s.shape[1]
    cats = [str(c) for c in (categories if categories is not None else range(k))]
    if len(cats) != k:
        raise ArgumentValueError(f"{len(cats)} category names for {k} columns of counts.")
    rng = np.random.default_rng(seed)

    obs = _measures(ca_s.sum(0, keepdims=True), np.array([ta_s.sum()]),
                    cb_s.sum(0, keepdims=True), np.array([tb_s.sum()]))

    lo, hi, how = _intervals(obs, ca_s, ta_s, cb_s, tb_s, rng=rng, n_boot=n_boot, level=level,
                             from_id=from_id, to_id=to_id)

    pvals = {key: np.full(np.shape(v[0]), np.nan) for key, v in obs.items()}
    pexact = {key: np.full(np.shape(v[0]), np.nan) for key, v in obs.items()}
    # below the "too short" rule p is the exact one: a tie-break would make a p below the
    # relabelling floor out of a coin flip, for a pair too short for any estimate
    few_sentences = min(len(ta_s), len(tb_s)) < MIN_INTERVAL_SENTENCES
    if n_perm and len(ta_s) and len(tb_s):
        labels, exact = _relabellings(rng, len(ta_s), len(tb_s), int(n_perm))
        pooled_c = np.vstack([ca_s, cb_s])
        pooled_t = np.concatenate([ta_s, tb_s])
        tot_c = pooled_c.sum(0)
        tot_t = pooled_t.sum()
        pa = labels @ pooled_c
        pt = labels @ pooled_t
        perm = _measures(pa, pt, tot_c - pa, tot_t - pt)
        for key, two_sided in _TESTED.items():
            for per_cat in (True, False):
                if (key, per_cat) not in obs:
                    continue
                t_obs = obs[(key, per_cat)][0]
                t_perm = perm[(key, per_cat)]
                if two_sided:
                    t_obs, t_perm = np.abs(t_obs), np.abs(t_perm)
                tol = 1e-12 * np.maximum(1.0, np.abs(t_obs))
                gt = (t_perm > t_obs + tol).sum(axis=0)
                eq = (np.abs(t_perm - t_obs) <= tol).sum(axis=0)
                # the exact (conservative) p counts every tie as at least as extreme; the
                # randomised p breaks ties (and the observed statistic's own place among
                # them) with a uniform draw, so that under the null it is uniform on (0, 1)
                # whatever the ties and however few the relabellings (issue 13c)
                u = rng.random(np.shape(gt))
                # only the relabellings whose statistic is defined count (a JSD or cosine is
                # undefined when a group gets no match): the observed one, being defined, is
                # uniform among those, not among all (issue 13c: counting the undefined ones
                # as less extreme made the randomised p reject 6-9% at 3 v 12 sentences)
                n_def = np.isfinite(t_perm).sum(axis=0)
                if exact:   # the observed labelling is one of the enumerated ones (eq >= 1)
                    with np.errstate(divide="ignore", invalid="ignore"):
                        p_ex, p_rd = (gt + eq) / n_def, (gt + u * eq) / n_def
                else:       # Phipson & Smyth (2010): the observed statistic counts once
                    p_ex = (1.0 + gt + eq) / (1.0 + n_def)
                    p_rd = (gt + u * (1.0 + eq)) / (1.0 + n_def)
                undefined = np.isnan(t_obs)
                pexact[(key, per_cat)] = np.where(undefined, np.nan, p_ex)
                pvals[(key, per_cat)] = np.where(undefined, np.nan,
                                                 p_ex if few_sentences else p_rd)

    m_a, m_b = ca_s.sum(), cb_s.sum()
    short = bool(m_a < min_matches or m_b < min_matches
                 or len(ta_s) < min_sentences or len(tb_s) < min_sentences)
    if short and warn:
        warnings.warn(
            f"Shift {from_id} -> {to_id}: {int(m_a)} and {int(m_b)} matches in {len(ta_s)} and "
            f"{len(tb_s)} sentences (too short below {min_sentences} sentences per statement"
            + (f" or {min_matches} matches" if min_matches else "") + "). No interval is an "
            "estimate and p-values cannot be small; read the values as descriptions of these "
            "texts.",
            ShortTextWarning, stacklevel=2)

    rows = []
    for (name, per_cat), v in obs.items():
        v = v[0]
        if per_cat:
            for i, c in enumerate(cats):
                rows.append((name, c, v[i], lo[(name, per_cat)][i], hi[(name, per_cat)][i],
                             how[(name, per_cat)][i], pvals[(name, per_cat)][i],
                             pexact[(name, per_cat)][i]))
        else:
            rows.append((name, None, float(v), float(lo[(name, per_cat)]),
                         float(hi[(name, per_cat)]), how[(name, per_cat)],
                         float(pvals[(name, per_cat)]), float(pexact[(name, per_cat)])))
    out = pd.DataFrame(rows, columns=["measure", "category", "value", "ci_low", "ci_high",
                                      "ci_method", "p", "p_exact"])
    out["category"] = out["category"].astype("string")
    out.insert(0, "to", str(to_id))
    out.insert(0, "from", str(from_id))
    out["short_text"] = short
    for col in ("value", "ci_low", "ci_high", "p", "p_exact"):
        out[col] = out[col].astype(float)
    out["p_adjusted"] = _adjust_by_measure(out)
    return out[SHIFT_COLUMNS]


def _adjust_by_measure(table):
    """BH-adjusted p within each measure (family: every pair and category of that measure)."""
    from frameshift.measures.key_terms import bh_adjust  # imports scipy

    adj = np.full(len(table), np.nan)
    for _, idx in table.groupby("measure", sort=False).indices.items():
        adj[idx] = bh_adjust(table["p"].to_numpy(dtype=float)[idx])
    return adj


def _intervals(obs, ca, ta, cb, tb, *, rng, n_boot, level, from_id, to_id):
    """ci_low, ci_high and ci_method for every measure (see frameshift.measures.intervals)."""
    lo = {key: np.full(np.shape(v[0]), np.nan) for key, v in obs.items()}
    hi = {key: np.full(np.shape(v[0]), np.nan) for key, v in obs.items()}
    how = {}
    for key, v in obs.items():
        shape = np.shape(v[0])
        fill = ("none: a 0/1 set indicator has no sampling interval" if key[0] in
                ("uptake", "introduced", "dropped") else "none: n_boot=0")
        how[key] = np.full(shape, fill, dtype=object) if shape else fill
    few = [(sid, len(t)) for sid, t in ((from_id, ta), (to_id, tb))
           if len(t) < MIN_INTERVAL_SENTENCES]
    if few:
        reason = ("none: too short, " + " and ".join(f"{sid} has {n} sentence(s)" for sid, n
                                                      in few)
                  + f" (an interval needs >= {MIN_INTERVAL_SENTENCES} per statement)")
        for key in how:
            if key[0] in CI_METHODS:
                how[key] = (np.full(np.shape(how[key]), reason, dtype=object)
                            if np.shape(how[key]) else reason)
        return lo, hi, how
    in_pair = ca.sum(0) + cb.sum(0)
    sparse = in_pair < MIN_CATEGORY_MATCHES
    sparse_reason = np.array([f"none: {int(n)} match(es) of this category in the pair; a rate "
                              f"interval needs >= {MIN_CATEGORY_MATCHES}" for n in in_pair],
                             dtype=object)
    l1, h1 = rate_diff_interval(ca, ta, cb, tb, level=level)
    lo[("rate_diff", True)] = np.where(sparse, np.nan, l1)
    hi[("rate_diff", True)] = np.where(sparse, np.nan, h1)
    how[("rate_diff", True)] = np.where(sparse, sparse_reason, CI_METHODS["rate_diff"])
    # session 8: the randomised (Stevens) conditional interval; its uniform draws come from a
    # child of the pair's stream, so the bootstrap and the permutation p are unchanged
    try:
        u_rng = rng.spawn(1)[0]
    except (AttributeError, TypeError, ValueError):  # a Generator without a SeedSequence
        u_rng = rng
    l2, h2 = rate_ratio_interval(ca, ta, cb, tb, level=level, u=u_rng.random(ca.shape[1]))
    undefined = np.isnan(obs[("log_ratio", True)][0])
    lo[("log_ratio", True)] = np.where(undefined | sparse, np.nan, l2)
    hi[("log_ratio", True)] = np.where(undefined | sparse, np.nan, h2)
    how[("log_ratio", True)] = np.where(
        undefined, "none: no match on either side",
        np.where(sparse, sparse_reason, CI_METHODS["log_ratio"])).astype(object)
    few_matches = min(ca.sum(), cb.sum()) < MIN_DIVERGENCE_MATCHES
    if few_matches:
        reason = (f"none: {int(ca.sum())} and {int(cb.sum())} matches; a divergence interval "
                  f"needs >= {MIN_DIVERGENCE_MATCHES} per statement (plug-in bias); read p")
        for key in (("jsd_contribution", True), ("jsd", False), ("cosine", False)):
            how[key] = (np.full(np.shape(how[key]), reason, dtype=object)
                        if np.shape(how[key]) else reason)
    elif n_boot:
        wa = _resample_weights(rng, len(ta), int(n_boot))
        wb = _resample_weights(rng, len(tb), int(n_boot))
        boot = _measures(wa @ ca, wa @ ta, wb @ cb, wb @ tb)
        for key, upper in ((("jsd_contribution", True), 1.0), (("jsd", False), 1.0)):
            if key[0] == "jsd":
                # issue 13b: the G-statistic (noncentral chi-square) interval with a sentence
                # design effect; the bias-corrected bootstrap over-covered (0.96-0.995)
                lo[key], hi[key] = jsd_noncentral_interval(ca, cb, level=level)
            else:
                lo[key], hi[key] = bias_corrected_bootstrap_interval(
                    boot[key], obs[key][0], level=level, lower=0.0, upper=upper)
            undefined = np.isnan(obs[key][0])
            m = np.where(undefined, "none: undefined (a statement without matches)",
                         CI_METHODS[key[0]]).astype(object)
            how[key] = m if np.shape(m) else str(m)
    # issue 13 (held-out harness): no bootstrap interval of the cosine distance covered
    # 0.93-0.97 (0.90-0.93 at 30-60 sentences a side), so none is reported; its p stays
    if not str(how[("cosine", False)]).startswith("none: "):
        how[("cosine", False)] = COSINE_NO_INTERVAL
    # never a zero-width interval: the resamples did not vary, which says nothing about
    # the sampling variation
    for key in lo:
        l, h = np.asarray(lo[key], dtype=float), np.asarray(hi[key], dtype=float)
        flat = np.isfinite(l) & np.isfinite(h) & (h - l <= 1e-12 * np.maximum(1.0, np.abs(h)))
        if flat.any():
            lo[key] = np.where(flat, np.nan, l)
            hi[key] = np.where(flat, np.nan, h)
            if np.shape(how[key]):
                how[key] = np.where(flat, "none: zero width (no variation between resamples)",
                                    how[key]).astype(object)
            else:
                how[key] = "none: zero width (no variation between resamples)"
    return lo, hi, how


def _resample_weights(rng, n, reps):
    """How often each of ``n`` sentences is drawn in each of ``reps`` bootstrap resamples."""
    return rng.multinomial(n, np.full(n, 1.0 / n), size=reps).astype(float)


def _relabellings(rng, n_a, n_b, n_perm):
    """0/1 rows marking which pooled sentences go to A; all of them when few enough."""
    n = n_a + n_b
    if math.comb(n, n_a) <= n_perm:
        rows = np.zeros((math.comb(n, n_a), n))
        for r, idx in enumerate(itertools.combinations(range(n), n_a)):
            rows[r, list(idx)] = 1.0
        return rows, True
    base = np.tile(np.r_[np.ones(n_a), np.zeros(n_b)], (n_perm, 1))
    return rng.permuted(base, axis=1), False


# --------------------------------------------------------------------------- corpus level


def sentence_counts(corpus, matches, *, categories=None, include_negated=True, settings=None):
    """Per-sentence category counts and token counts of every statement.

    Parameters
    ----------
    corpus : Corpus
    matches : pandas.DataFrame
        One row per match with statement_id, category, sentence (0-based sentence number
        within the statement, as :attr:`frameshift.text.Tokens.sentence`) and, if
        ``include_negated`` is False, negated.
    categories : sequence of str, optional
        Column order of the count arrays (categories without matches get zeros). Default: the
        lexicon order recorded in the match table.
    include_negated : bool, default True
    settings : MatchSettings, optional
        Read from the match table when it records them (giving different ones is an error).

    Returns
    -------
    dict
        statement_id -> ``(counts, tokens)``: an ``(n_sentences, K)`` array and an
        ``(n_sentences,)`` array.

    Examples
    --------
    >>> import pandas as pd
    >>> from frameshift.corpus import from_frame
    >>> from frameshift.matching import find_matches
    >>> c = from_frame(pd.DataFrame({"statement_id": ["a", "b"], "actor": ["baku", "nk"],
    ...     "text": ["Reintegration now.", "No coercion, no reintegration."]}))
    >>> lex = {"reint": ["reintegration"], "coercion": ["coercion"]}
    >>> counts, tokens = sentence_counts(c, find_matches(c, lex))["b"]
    >>> counts.tolist(), tokens.tolist()
    ([[1.0, 1.0]], [4.0])
    """
    from frameshift.errors import check_corpus_argument
    check_corpus_argument(corpus, "corpus", "sentence_counts")
    from frameshift.corpus.model import corpus_tokens

    settings = settings_of(matches, settings)
    if categories is None:
        categories = categories_of(None, matches)
    toks = corpus_tokens(corpus, settings.tokenizer)
    ids = corpus.statements["statement_id"].astype(str).tolist()
    cat_index = {str(c): j for j, c in enumerate(categories)}
    need = [c for c in ("statement_id", "category", "sentence") if c not in matches.columns]
    if need:
        raise ValueError(f"The match table lacks column(s) {need}; expected the rows of "
                         "frameshift.matching.find_matches.")
    m = matches
    if not include_negated and "negated" in m.columns:
        m = m[~m["negated"].astype(bool).to_numpy()]
    by_sid = {sid: g for sid, g in m.groupby(m["statement_id"].astype(str), sort=False)}
    out = {}
    for i, sid in enumerate(ids):
        sent = toks.sentence[toks.doc_slice(i)]
        n_sent = int(sent.max()) + 1 if len(sent) else 0
        tokens = np.bincount(sent, minlength=n_sent).astype(float)
        counts = np.zeros((n_sent, len(cat_index)))
        g = by_sid.get(sid)
        if g is not None and len(g):
            s = g["sentence"].to_numpy(dtype=np.int64)
            c = g["category"].astype(str).map(cat_index)
            if c.isna().any():
                raise ValueError(f"Statement {sid}: matches of categories not in the lexicon: "
                                 f"{sorted(set(g['category'][c.isna()]))}.")
            if len(s) and (s.min() < 0 or s.max() >= n_sent):
                raise ValueError(f"Statement {sid}: match sentence number out of range "
                                 f"(0..{n_sent - 1}).")
            np.add.at(counts, (s, c.to_numpy(dtype=np.int64)), 1.0)
        out[sid] = (counts, tokens)
    return out


def make_pairs(statements, *, pairs="consecutive", within_actor=False):
    """Pairs of statement ids ``(from, to)`` to compare.

    Parameters
    ----------
    statements : pandas.DataFrame or Corpus
        Statements in analysis order (date, then file order), as ``Corpus.statements``.
    pairs : "consecutive", "all" or sequence of (from, to)
        ``"consecutive"``: each statement and the next one; ``"all"``: every earlier -> later
        pair; or explicit pairs (checked against the statement ids).
    within_actor : bool, default False
        Only pair statements of the same actor (ignored for explicit pairs).

    Returns
    -------
    list of tuple of str

    Raises
    ------
    OptionError
        An explicit id is not a statement id (the message lists the valid ids).

    Examples
    --------
    >>> st = pd.DataFrame({"statement_id": ["a1", "b1", "a2"], "actor": ["a", "b", "a"]})
    >>> make_pairs(st)
    [('a1', 'b1'), ('b1', 'a2')]
    >>> make_pairs(st, within_actor=True)
    [('a1', 'a2')]
    >>> make_pairs(st, pairs="all")
    [('a1', 'b1'), ('a1', 'a2'), ('b1', 'a2')]
    """
    st = statements.statements if hasattr(statements, "statements") else statements
    check_table_argument(st, "statements", "make_pairs", "Corpus.statements (or give the Corpus)")
    ids = st["statement_id"].astype(str).tolist()
    if isinstance(pairs, str):
        if pairs not in ("consecutive", "all"):
            raise OptionError(f"--pairs {pairs!r} is not known; use 'consecutive', 'all' or "
                              "--from ID --to ID.")
        if within_actor:
            actor = st["actor"].astype(object).where(st["actor"].notna(), None).tolist()
            groups: dict = {}
            for sid, a in zip(ids, actor):
                if a is not None:
                    groups.setdefault(a, []).append(sid)
            seqs = list(groups.values())
        else:
            seqs = [ids]
        out = []
        for seq in seqs:
            if pairs == "consecutive":
                out.extend(zip(seq[:-1], seq[1:]))
            else:
                out.extend(itertools.combinations(seq, 2))
        order = {sid: i for i, sid in enumerate(ids)}
        return sorted(out, key=lambda p: (order[p[0]], order[p[1]]))
    valid = set(ids)
    out = []
    for pair in pairs:
        a, b = (str(x) for x in pair)
        for x, opt in ((a, "--from"), (b, "--to")):
            if x not in valid:
                raise OptionError(f"{opt} {x!r} is not a statement id of the corpus. Valid ids: "
                                  + _listing(ids) + ".")
        out.append((a, b))
    return out


def _listing(values, limit=30) -> str:
    values = list(values)
    if len(values) <= limit:
        return ", ".join(values)
    return ", ".join(values[:limit]) + f", ... ({len(values) - limit} more)"


def _pair_seed(seed, a, b):
    """A seed that depends only on ``seed`` and the pair, so results do not depend on which
    other pairs are computed."""
    h = hashlib.sha256(f"{a}\x00{b}".encode()).digest()
    return np.random.SeedSequence(int(seed), spawn_key=(int.from_bytes(h[:8], "little"),))


def shift(corpus, lexicon=None, *, pairs="consecutive", within_actor=False, matches=None,
          categories=None, include_negated=True, n_boot=2000, n_perm=2000, seed=0,
          level=0.95, min_matches=MIN_MATCHES, min_sentences=MIN_SENTENCES, settings=None):
    """Framing shifts between pairs of statements of a corpus.

    Parameters
    ----------
    corpus : Corpus
    lexicon : Lexicon, str or dict, optional
        Matched once with :func:`frameshift.matching.find_matches` (unless ``matches`` is
        given); its categories, in its order, are compared.
    pairs : "consecutive", "all" or sequence of (from, to)
        See :func:`make_pairs`.
    within_actor : bool, default False
    matches : pandas.DataFrame, optional
        Match rows (statement_id, category, sentence[, negated]) to use instead of matching.
    categories : sequence of str, optional
        Categories to compare (default: the lexicon's, else those in ``matches``).
    include_negated : bool, default True
        Count negated matches ("not coercion" still evokes the frame). False drops them.
    n_boot, n_perm, seed, level, min_matches, min_sentences :
        See :func:`shift_from_sentences`. Each pair gets its own random stream derived from
        ``seed`` and the two ids, so a pair's result does not depend on the other pairs.
    settings : MatchSettings, optional
        How the lexicon is matched (read from ``matches`` when given; giving different
        settings with ``matches`` is an error, since they would be ignored).

    Returns
    -------
    pandas.DataFrame
        from, to, measure, category, value, ci_low, ci_high, p, short_text (long form; see
        :func:`shift_from_sentences` for the measures).

    Warns
    -----
    ShortTextWarning
        Once, naming every pair flagged ``short_text``.

    Examples
    --------
    Two statements of three sentences each: intervals for the rates, none for the JSD (fewer
    than 25 matches a statement) and none ever for the cosine distance:

    >>> import pandas as pd
    >>> from frameshift.corpus import from_frame
    >>> c = from_frame(pd.DataFrame({"statement_id": ["a", "b"], "actor": ["x", "y"],
    ...     "date": ["2023-03-27", "2023-03-28"],
    ...     "text": ["Talks now. Talks and peace. More talks.",
    ...              "No talks. Coercion again. Coercion, not peace."]}))
    >>> lex = {"talks": ["talks"], "coercion": ["coercion"], "peace": ["peace"]}
    >>> t = shift(c, lex, n_boot=200, n_perm=200)

    Seven tokens each; talks 3 v 1, coercion 0 v 2, peace 1 v 1 (negated matches count), so
    the rate differences per 1,000 tokens are -2000/7, 2000/7 and 0:

    >>> t.query("measure == 'rate_diff'")[["category", "value"]].round(1).values.tolist()
    [['talks', -285.7], ['coercion', 285.7], ['peace', 0.0]]
    >>> print(t.query("measure == 'jsd'")["ci_method"].iloc[0][:24])
    none: 4 and 4 matches; a
    >>> bool(t["short_text"].any())
    False
    """
    pair_list = make_pairs(corpus, pairs=pairs, within_actor=within_actor)
    if matches is None:
        if lexicon is None:
            raise OptionError("shift needs a lexicon (or a table of match rows).")
        matches = find_matches(corpus, lexicon, settings=settings)
    settings = settings_of(matches, settings)
    cats = list(categories) if categories is not None else categories_of(lexicon, matches)
    per_sentence = sentence_counts(corpus, matches, categories=cats,
                                   include_negated=include_negated, settings=settings)
    parts = []
    short_pairs = []
    for a, b in progress(pair_list, desc="shift (bootstrap per pair)"):
        ca, ta = per_sentence[a]
        cb, tb = per_sentence[b]
        part = shift_from_sentences(ca, ta, cb, tb, categories=cats, n_boot=n_boot,
                                    n_perm=n_perm, seed=_pair_seed(seed, a, b), level=level,
                                    min_matches=min_matches, min_sentences=min_sentences,
                                    from_id=a, to_id=b, warn=False)
        if part["short_text"].iloc[0]:
            short_pairs.append(f"{a} -> {b}")
        parts.append(part)
    if short_pairs:
        # one short warning per call (issue 18: it listed ten pairs in 590 characters);
        # the short_text column names every pair
        more = f" and {len(short_pairs) - 1} more" if len(short_pairs) > 1 else ""
        warnings.warn(
            f"short texts in {len(short_pairs)} of {len(pair_list)} pair(s) ({short_pairs[0]}"
            f"{more}: < {min_sentences} sentences in a statement"
            + (f" or < {min_matches} matches" if min_matches else "") + "); no interval there, "
            "p-values cannot be small (rows with short_text=True).",
            ShortTextWarning, stacklevel=2)
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=float) for c in SHIFT_COLUMNS})
    out = pd.concat(parts, ignore_index=True)
    out["p_adjusted"] = _adjust_by_measure(out)
    return out
