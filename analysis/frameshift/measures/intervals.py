"""Interval methods for shift measures, chosen per measure so that a "95%" interval covers.

A statement is a set of sentences, each with a category-count vector and a token count.
Sentences, not tokens, are the independent units (frames cluster within sentences), so every
method here takes its variance from the variation *between sentences*:

* ``rate_diff``: a cluster-robust (linearised ratio-estimator) Wald interval, sentences as
  clusters, with a floor of half a count on each variance (so a category with no match, or
  with the same count in every sentence, still gets an interval of honest width).
* ``log_ratio``: the conditional binomial interval for a ratio of Poisson rates
  (``c_B | c_A + c_B`` is binomial; Jeffreys interval, Brown, Cai & DasGupta 2001), with the
  counts divided by the between-sentence over-dispersion when it exceeds 1 (quasi-Poisson).
  A zero count gives an unbounded side (``-inf``/``inf``): the data bound the ratio on one
  side only.
* ``cosine``: no interval (NaN, ``ci_method`` says why): on the held-out harness grid no
  bootstrap interval tried (percentile, bias-corrected once or twice, BCa without
  acceleration, on the distance or its square root) covered more than 0.93 at 30-60 sentences
  a side; its permutation p-value holds its level and is kept.
* ``jsd``, ``jsd_contribution``: a bias-corrected percentile sentence bootstrap
  (the percentile interval moved down by twice the bootstrap bias), which removes the
  first-order upward bias of the plug-in divergence, clipped to the measure's range -- and
  only when both statements have at least
  :data:`MIN_DIVERGENCE_MATCHES` matches: below that the bias of the plug-in divergence is
  of the order of the divergence itself and no bootstrap interval covers (measured).

No interval is reported (NaN, with the reason in ``ci_method``) for a statement with fewer than
:data:`MIN_INTERVAL_SENTENCES` sentences, and never one of zero width. The coverage of each
method is measured by ``benchmarks/coverage.py`` and tabulated in ``docs/measures.md``.
"""

from __future__ import annotations

import numpy as np

__all__ = [
    "MIN_INTERVAL_SENTENCES",
    "MIN_DIVERGENCE_MATCHES",
    "CI_METHODS",
    "rate_diff_interval",
    "rate_ratio_interval",
    "bias_corrected_bootstrap_interval",
]

#: Fewest sentences per statement for which any interval is reported (below: NaN + reason).
#: One sentence has no between-sentence variation at all and two give one degree of freedom;
#: the coverage harness (docs/measures.md) shows where the methods reach nominal coverage.
MIN_INTERVAL_SENTENCES = 3

#: Fewest matches per statement for which a JSD, JSD-contribution or cosine interval is
#: reported. With 5 categories and 10 sentences a side (~8 matches) no bootstrap interval of
#: the plug-in JSD covered more than 0.87; from about 25 matches a side the bias-corrected
#: one covers 0.94-0.99 (benchmarks/coverage.py).
MIN_DIVERGENCE_MATCHES = 25

#: The ``ci_method`` written for each measure that gets an interval.
CI_METHODS = {
    "rate_diff": "cluster-robust Wald (sentences)",
    "log_ratio": "conditional Poisson (Jeffreys), over-dispersion scaled",
    "jsd_contribution": "bias-corrected sentence bootstrap",
    "jsd": "bias-corrected sentence bootstrap",
    "cosine": "none (no bootstrap interval of the cosine distance covered; see shifts)",
}


def _sentence_arguments(counts_a, tokens_a, counts_b, tokens_b, min_sentences=2):
    """The four arrays of a rate interval, checked: counts (sentences x categories) and
    tokens (one per sentence, ``min_sentences`` or more, with tokens), or the error naming them."""
    from frameshift.errors import ArgumentValueError, counts_argument

    out = []
    for c, t, cn, tn in ((counts_a, tokens_a, "counts_a", "tokens_a"),
                         (counts_b, tokens_b, "counts_b", "tokens_b")):
        ca = np.atleast_2d(counts_argument(c, cn, "rate interval"))
        ta = counts_argument(t, tn, "rate interval").ravel()
        if len(ta) < min_sentences or len(ta) != ca.shape[0] or ta.sum() <= 0:
            raise ArgumentValueError(
                f"rate interval: {tn} must give the tokens of each of the {ca.shape[0]} "
                f"sentences (rows) of {cn}, at least {min_sentences} sentence(s) and some "
                f"tokens; got "
                f"{len(ta)} value(s) summing to {ta.sum():g}.")
        out += [ca, ta]
    if out[0].shape[1] != out[2].shape[1]:
        raise ArgumentValueError(f"rate interval: counts_a has {out[0].shape[1]} categories "
                                 f"(columns) but counts_b has {out[2].shape[1]}.")
    return out


def _cluster_var(c, t):
    """Per-category variance of the ratio ``sum c / sum t`` from sentence residuals.

    ``c`` (n, K) counts, ``t`` (n,) tokens; ``n/(n-1) sum_i (c_i - r t_i)^2 / T^2``, floored at
    ``1/2 / T^2``, the variance of half a count (a category without a match, or with the same
    count in every sentence, still has uncertainty).
    """
    n = len(t)
    tot = t.sum()
    r = c.sum(0) / tot
    resid = c - np.outer(t, r)
    v_cl = n / (n - 1) * (resid ** 2).sum(0) / tot ** 2
    v_p = 0.5 / tot ** 2
    return np.maximum(v_cl, v_p)


def rate_diff_interval(counts_a, tokens_a, counts_b, tokens_b, *, level=0.95, per=1000.0):
    """Interval of ``per * (C_B/T_B - C_A/T_A)`` per category, sentences as clusters.

    Parameters
    ----------
    counts_a, counts_b : array_like (n_sentences, K)
    tokens_a, tokens_b : array_like (n_sentences,)
        Each statement needs at least 2 sentences (the caller applies the stricter
        :data:`MIN_INTERVAL_SENTENCES`).
    level : float, default 0.95
    per : float, default 1000 (rates per 1,000 tokens)

    Returns
    -------
    (low, high) : two arrays of shape (K,)

    Examples
    --------
    >>> lo, hi = rate_diff_interval([[1], [0], [2]], [20, 20, 20], [[0], [1], [0]], [20, 20, 20])
    >>> round(float(lo[0]), 2), round(float(hi[0]), 2)     # -33.33 +- 1.96 * 33.33
    (-98.67, 32.0)
    """
    from scipy import stats

    ca, ta, cb, tb = _sentence_arguments(counts_a, tokens_a, counts_b, tokens_b)
    va, vb = _cluster_var(ca, ta), _cluster_var(cb, tb)
    d = cb.sum(0) / tb.sum() - ca.sum(0) / ta.sum()
    half = stats.norm.ppf(0.5 + level / 2.0) * np.sqrt(va + vb)
    return per * (d - half), per * (d + half)


def _dispersion(c, t):
    """Pearson over-dispersion ``X^2 / df`` of sentence counts around the statement rate."""
    tot = t.sum()
    e = np.outer(t, c.sum(0) / tot)
    with np.errstate(divide="ignore", invalid="ignore"):
        x2 = np.where(e > 0, (c - e) ** 2 / e, 0.0).sum(0)
    return x2, len(t) - 1


def rate_ratio_interval(counts_a, tokens_a, counts_b, tokens_b, *, level=0.95):
    """Interval of ``log2((C_B/T_B) / (C_A/T_A))`` per category.

    Conditionally on ``n = C_A + C_B``, ``C_B`` is binomial with ``pi = theta T_B / (T_A +
    theta T_B)`` for the rate ratio ``theta``; a binomial interval of ``pi`` maps to
    one for ``theta``; the Jeffreys interval ``Beta(x + 1/2, n - x + 1/2)`` quantiles is used
    rather than the conservative Clopper-Pearson one (Brown, Cai & DasGupta 2001). Sentences make counts over-dispersed, so the
    counts are divided by ``phi = max(1, X^2 / df)`` (Pearson statistic of the sentence counts
    of both statements around their own rates, a quasi-Poisson scale) before the beta
    quantiles are taken. NaN where both counts are 0; ``-inf`` / ``inf`` where one is 0.

    Examples
    --------
    >>> lo, hi = rate_ratio_interval([[3], [2], [4]], [20, 20, 20], [[1], [0], [2]], [20, 20, 20])
    >>> bool(lo[0] < -1.585 < hi[0] < 0.5)
    True
    """
    from scipy import stats

    ca, ta, cb, tb = _sentence_arguments(counts_a, tokens_a, counts_b, tokens_b, 1)
    xa, dfa = _dispersion(ca, ta)
    xb, dfb = _dispersion(cb, tb)
    phi = np.maximum(1.0, (xa + xb) / max(dfa + dfb, 1))
    x = cb.sum(0) / phi
    n = (ca.sum(0) + cb.sum(0)) / phi
    alpha = 1.0 - level
    with np.errstate(divide="ignore", invalid="ignore"):
        lo_pi = np.where(x > 0, stats.beta.ppf(alpha / 2, x + 0.5, n - x + 0.5), 0.0)
        hi_pi = np.where(x < n, stats.beta.ppf(1 - alpha / 2, x + 0.5, n - x + 0.5), 1.0)
        k = ta.sum() / tb.sum()
        lo = np.log2(lo_pi / (1 - lo_pi) * k)
        hi = np.log2(hi_pi / (1 - hi_pi) * k)
    none = n <= 0
    return np.where(none, np.nan, lo), np.where(none, np.nan, hi)


def bias_corrected_bootstrap_interval(boot, value, *, level=0.95, lower=None, upper=None):
    """Percentile bootstrap interval moved down by twice the bootstrap bias, over axis 0.

    ``[q_lo - 2 b, q_hi - 2 b]`` with ``b = mean(T*) - T``: the bootstrap distribution sits
    about ``b`` above the estimate, and the estimate about ``b`` above the truth (the plug-in
    JSD of two samples is biased upwards), so the percentile interval is centred twice the bias
    too high. Replicates that are NaN are ignored; bounds are clipped to ``[lower, upper]``.
    (The reflected "basic" interval ``2 T - q`` has the same centre but covered 0.85-0.92 in
    the harness; this one 0.94-0.99 from 25 matches a statement up.)

    Examples
    --------
    >>> lo, hi = bias_corrected_bootstrap_interval(np.array([0.3, 0.4, 0.5, 0.9]), 0.35,
    ...                                            level=0.5, lower=0.0)
    >>> round(float(lo), 3), round(float(hi), 3)
    (0.025, 0.25)
    """
    import warnings

    from frameshift.errors import ArgumentValueError, numbers_argument

    boot = numbers_argument(boot, "boot", "bias_corrected_bootstrap_interval")
    if boot.ndim < 1 or len(boot) == 0:
        raise ArgumentValueError("bias_corrected_bootstrap_interval(): boot must hold the "
                                 f"bootstrap replicates (one row each), got shape {boot.shape}.")
    numbers_argument(value, "value", "bias_corrected_bootstrap_interval")
    a = (1.0 - level) / 2.0 * 100.0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        q_lo = np.nanpercentile(boot, a, axis=0)
        q_hi = np.nanpercentile(boot, 100.0 - a, axis=0)
        bias = np.nanmean(boot, axis=0) - np.asarray(value)
    lo, hi = q_lo - 2 * bias, q_hi - 2 * bias
    if lower is not None:
        lo, hi = np.maximum(lo, lower), np.maximum(hi, lower)
    if upper is not None:
        lo, hi = np.minimum(lo, upper), np.minimum(hi, upper)
    return lo, hi
