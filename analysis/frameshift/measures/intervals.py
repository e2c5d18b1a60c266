"""Interval methods for shift measures, chosen per measure so that a "95%" interval covers.

A statement is a set of sentences, each with a category-count vector and a token count.
Sentences, not tokens, are the independent units (frames cluster within sentences), so every
method here takes its variance from the variation *between sentences*:

* ``rate_diff``: the Miettinen-Nurminen score interval for a difference of two Poisson rates
  (variance at the rates fitted under each hypothesised difference), the variance multiplied
  by a quasi-Poisson scale with the log ratio's floors (sentences as the units of
  over-dispersion). The
  cluster-robust ``t`` interval it replaced over-covered in short, sparse statements.
* ``log_ratio``: the conditional binomial interval for a ratio of Poisson rates
  (``c_B | c_A + c_B`` is binomial; the randomised interval of Stevens 1950, exact for any
  number of matches, with a uniform draw from the pair's seed), with the
  counts divided by the between-sentence over-dispersion when it exceeds 1 (quasi-Poisson,
  scaled by ``(t_df / z)^2`` for a scale estimated from few sentences and floored at the
  dispersion pooled over the categories).
  A zero count gives an unbounded side (``-inf``/``inf``): the data bound the ratio on one
  side only.
* Both: no interval for a category with fewer than :data:`MIN_CATEGORY_MATCHES` matches in
  the two statements together (the interval would be set by the allowance for a zero, not by
  the data).
* ``cosine``: no interval (NaN, ``ci_method`` says why): on the held-out harness grid no
  bootstrap interval tried (percentile, bias-corrected once or twice, BCa without
  acceleration, on the distance or its square root) covered more than 0.93 at 30-60 sentences
  a side; its permutation p-value holds its level and is kept.
* ``jsd``: the G-statistic interval (:func:`jsd_noncentral_interval`): ``2 ln2 N_eff JSD``
  is asymptotically noncentral chi-square; divided by a sentence design effect and inverted
  for the noncentrality (the bias of the plug-in JSD is the central part and drops out). The
  bias-corrected bootstrap it replaced (issue 13b) over-covered, 0.96-0.995.
* ``jsd_contribution``: a bias-corrected percentile sentence bootstrap
  (the percentile interval moved down by twice the bootstrap bias), which removes the
  first-order upward bias of the plug-in divergence, clipped to the measure's range.
* Both only when both statements have at least
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
    "MIN_CATEGORY_MATCHES",
    "CI_METHODS",
    "rate_diff_interval",
    "rate_ratio_interval",
    "bias_corrected_bootstrap_interval",
    "jsd_noncentral_interval",
]

#: Fewest sentences per statement for which any interval is reported (below: NaN + reason).
#: One sentence has no between-sentence variation at all and two give one degree of freedom;
#: the coverage harness (docs/measures.md) shows where the methods reach nominal coverage.
MIN_INTERVAL_SENTENCES = 3

#: Fewest matches per statement for which a JSD, JSD-contribution or cosine interval is
#: reported. With 5 categories and 10 sentences a side (~8 matches) no bootstrap interval of
#: the plug-in JSD covered more than 0.87; from about 25 matches a side the bias-corrected
#: one covers 0.95-1.00, conservatively (benchmarks/coverage.py, three grids).
MIN_DIVERGENCE_MATCHES = 25

#: Fewest matches of a category in the two statements together for which a rate-difference
#: or log-ratio interval is reported. With 0-2 matches the interval is set by the variance
#: allowance for a zero count, not by the data: such intervals covered 0.97-1.00 in the
#: harness (3 v 3 sentences); with the rule reported rate differences cover 0.905-0.990 on
#: the development and six held-out grids and log ratios (randomised interval, session 8)
#: 0.939-0.987 on the development and held-out grids 2-6 (docs/measures.md).
MIN_CATEGORY_MATCHES = 3

#: The ``ci_method`` written for each measure that gets an interval.
CI_METHODS = {
    "rate_diff": "score (Miettinen-Nurminen), over-dispersion scaled",
    "log_ratio": "conditional Poisson, randomised (Stevens), over-dispersion scaled (t)",
    "jsd_contribution": "bias-corrected sentence bootstrap",
    "jsd": "noncentral chi-square (G statistic), sentence design effect",
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

    ``c`` (n, K) counts, ``t`` (n,) tokens; ``n/(n-1) sum_i (c_i - r t_i)^2 / T^2`` (the
    linearised, cluster-robust variance of a ratio estimator, sentences as clusters).
    """
    n = len(t)
    tot = t.sum()
    r = c.sum(0) / tot
    resid = c - np.outer(t, r)
    return n / (n - 1) * (resid ** 2).sum(0) / tot ** 2


def _poisson_diff_score(xa, xb, ta, tb, delta, phi):
    """Score statistic of ``H: lambda_B - lambda_A = delta`` for two (quasi-)Poisson counts.

    ``(d - delta) / sqrt(phi (l_A / T_A + (l_A + delta) / T_B))`` with ``d = x_B/T_B - x_A/T_A``
    and ``l_A`` the maximum-likelihood rate of A under the hypothesis, the positive root of
    ``T l^2 + (T delta - x_A - x_B) l - x_A delta = 0`` (``T = T_A + T_B``; Miettinen &
    Nurminen 1985, the person-time case). Dividing the counts and tokens by ``phi`` leaves
    the rates unchanged and multiplies the variance by ``phi``.
    """
    n = ta + tb
    b = n * delta - xa - xb
    # b^2 + 4 n x_A delta = (n delta + x_A - x_B)^2 + 4 x_A x_B >= 0
    lam = (-b + np.sqrt(b * b + 4.0 * n * xa * delta)) / (2.0 * n)
    lam = max(lam, -delta, 0.0)
    v = phi * (lam / ta + (lam + delta) / tb)
    d = xb / tb - xa / ta
    return (d - delta) / np.sqrt(v) if v > 0 else np.inf * np.sign(d - delta)


def _score_bounds(xa, xb, ta, tb, phi, q):
    """The two roots ``score(delta) = +q`` (low) and ``-q`` (high) of the score statistic."""
    from scipy import optimize

    d = xb / tb - xa / ta
    step = q * np.sqrt(phi * (max(xa, 1.0) / ta ** 2 + max(xb, 1.0) / tb ** 2))
    out = []
    for sign in (-1.0, 1.0):
        def f(delta, sign=sign):
            return _poisson_diff_score(xa, xb, ta, tb, delta, phi) + sign * q
        h = step
        while f(d + sign * h) * sign > 0:  # the score falls in delta: widen until past q
            h *= 2.0
        a, b = sorted((d, d + sign * h))
        out.append(optimize.brentq(f, a, b, xtol=1e-14 * max(abs(d), step), rtol=1e-12))
    return out


def rate_diff_interval(counts_a, tokens_a, counts_b, tokens_b, *, level=0.95, per=1000.0):
    """Interval of ``per * (C_B/T_B - C_A/T_A)`` per category: a quasi-Poisson score interval.

    The Miettinen-Nurminen score interval for a difference of two Poisson rates (Miettinen &
    Nurminen 1985, Stat Med 4:213-226): the ``delta`` for which the score statistic
    ``(d - delta) / sqrt(l_A/T_A + (l_A + delta)/T_B)`` (``l_A`` the rate of A fitted under
    ``lambda_B - lambda_A = delta``) is within ``+- z``. Its variance is taken at the
    hypothesised rates, not the observed ones, so a statement with no match of a category
    still has a variance, without an ad hoc allowance. Sentences make counts over-dispersed:
    the variance is multiplied by a quasi-Poisson scale with the log ratio's floors
    (:func:`rate_ratio_interval`), ``phi = max(1, phi_k, phi_pooled (t_{K df}/z)^2)``
    (``phi_k = X^2/df`` of the category's sentence counts, ``df = S_A + S_B - 2``, floored at
    the dispersion pooled over the ``K`` categories with a match, with its allowance for an
    estimated scale), and the normal quantile ``z`` is used. In the harness
    the cluster-robust ``t`` interval it replaced over-covered (up to 0.98-0.998) in short,
    sparse statements, where a category has 3-5 matches (docs/measures.md).

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
        NaN for a category without a match in either statement.

    Examples
    --------
    >>> lo, hi = rate_diff_interval([[2], [2]], [30, 30], [[1], [1]], [30, 30])
    >>> round(float(lo[0]), 2), round(float(hi[0]), 2)     # no over-dispersion: phi = 1
    (-141.78, 61.89)
    """
    from scipy import stats

    ca, ta, cb, tb = _sentence_arguments(counts_a, tokens_a, counts_b, tokens_b)
    phi = _quasi_poisson_scale(ca, ta, cb, tb, level, category_t=False)
    q = stats.norm.ppf(0.5 + level / 2.0)
    xa, xb = ca.sum(0).astype(float), cb.sum(0).astype(float)
    ta_sum, tb_sum = float(ta.sum()), float(tb.sum())
    lo = np.full(len(xa), np.nan)
    hi = np.full(len(xa), np.nan)
    for k in np.flatnonzero(xa + xb > 0):  # no match in either statement: no interval
        lo[k], hi[k] = _score_bounds(xa[k], xb[k], ta_sum, tb_sum, float(phi[k]), q)
    return per * lo, per * hi


def _dispersion(c, t):
    """Pearson over-dispersion ``X^2 / df`` of sentence counts around the statement rate."""
    tot = t.sum()
    e = np.outer(t, c.sum(0) / tot)
    with np.errstate(divide="ignore", invalid="ignore"):
        x2 = np.where(e > 0, (c - e) ** 2 / e, 0.0).sum(0)
    return x2, len(t) - 1


def _quasi_poisson_scale(ca, ta, cb, tb, level, few_sentences=True, category_t=True):
    """The quasi-Poisson scale ``phi`` (per category) that divides the counts of a pair.

    ``max(1, phi_k (t_df / z)^2, phi_pooled (t_{K' df} / z)^2)`` with ``few_sentences``,
    else ``max(1, phi_k)``: see :func:`rate_ratio_interval`. ``category_t=False``: ``phi_k``
    without its factor ``(t_df / z)^2`` (the rate difference's scale).
    """
    from scipy import stats

    xa, dfa = _dispersion(ca, ta)
    xb, dfb = _dispersion(cb, tb)
    df = max(dfa + dfb, 1)
    alpha = 1.0 - level
    # the dispersion is estimated from df degrees of freedom: scale it by (t_df / z)^2, the
    # quasi-likelihood allowance for an estimated scale (McCullagh & Nelder 1989, ch. 9)
    t_over_z = stats.t.ppf(1 - alpha / 2, df) / stats.norm.ppf(1 - alpha / 2)
    phi_k = (xa + xb) / df
    if few_sentences:
        # floored at the dispersion pooled over the categories used (sentence-level variation
        # of the framing rate is common to all of them), itself with its allowance for
        # K_used * df degrees of freedom
        used = (ca.sum(0) + cb.sum(0)) > 0
        k_used = max(int(used.sum()), 1)
        pooled = (xa + xb)[used].sum() / (df * k_used)
        t_pool = stats.t.ppf(1 - alpha / 2, df * k_used) / stats.norm.ppf(1 - alpha / 2)
        phi_k = phi_k * t_over_z ** 2 if category_t else phi_k
        phi = np.maximum(1.0, np.maximum(phi_k, pooled * t_pool ** 2))
    else:
        phi = np.maximum(1.0, phi_k)
    return phi


def _randomised_binomial_bounds(x, n, u, alpha):
    """Stevens' (1950) randomised equal-tailed interval of a binomial ``pi`` from ``x`` of ``n``.

    ``p_up(pi) = (1 - u) P(X > x) + u P(X >= x)`` (``X ~ Bin(n, pi)``) rises in ``pi``; the
    interval is ``{pi : alpha/2 < p_up(pi) < 1 - alpha/2}``, with ``u`` uniform on (0, 1) it
    covers with probability exactly ``1 - alpha`` for every ``pi`` and ``n`` (it inverts the
    randomised test, as the permutation ``p`` of ``shift`` is randomised; Lehmann & Romano 2005,
    sec. 3.5). ``x`` and ``n`` may be real (counts divided by a dispersion): the two tail
    probabilities are then the regularised incomplete beta functions ``I_pi(x + 1, n - x)`` and
    ``I_pi(x, n - x + 1)``. At ``x = n`` the set is empty when ``u <= alpha/2`` (and at
    ``x = 0`` when ``u >= 1 - alpha/2``: the randomised test rejects every ``pi``), so there
    ``u`` is mapped onto the values that give an interval, ``alpha/2 + (1 - alpha/2) u``
    (``(1 - alpha/2) u``). That adds up to ``alpha/2`` of coverage where a side has no match
    (the misses on the data side are nearly all in the empty sets; leaving them out as NaN adds
    the same). The side without data is open (1, or 0) except when ``u`` falls in the other
    ``alpha/2`` tail, as in the exact set.
    """
    from scipy import special

    x, n, u = np.broadcast_arrays(*(np.asarray(v, dtype=float) for v in (x, n, u)))
    u = np.where(x >= n, alpha / 2 + (1 - alpha / 2) * u, np.where(x <= 0, (1 - alpha / 2) * u, u))

    def p_up(p):
        gt = np.where(n - x > 0, special.betainc(x + 1, np.maximum(n - x, 1e-300), p), 0.0)
        ge = np.where(x > 0, special.betainc(np.maximum(x, 1e-300), n - x + 1, p), 1.0)
        return (1 - u) * gt + u * ge

    bounds = []
    for target in (alpha / 2, 1 - alpha / 2):
        a, b = np.zeros_like(x), np.ones_like(x)
        for _ in range(64):  # bisection: p_up rises in pi; 2^-64 is below double precision
            m = (a + b) / 2
            low = p_up(m) < target
            a, b = np.where(low, m, a), np.where(low, b, m)
        bounds.append((a + b) / 2)
    lo, hi = bounds
    zero, one = np.zeros_like(x), np.ones_like(x)
    return (np.where(p_up(zero) >= alpha / 2, 0.0, lo),
            np.where(p_up(one) <= 1 - alpha / 2, 1.0, hi))


def rate_ratio_interval(counts_a, tokens_a, counts_b, tokens_b, *, level=0.95,
                        few_sentences=True, u=None):
    """Interval of ``log2((C_B/T_B) / (C_A/T_A))`` per category.

    Conditionally on ``n = C_A + C_B``, ``C_B`` is binomial with ``pi = theta T_B / (T_A +
    theta T_B)`` for the rate ratio ``theta``; a binomial interval of ``pi`` maps to
    one for ``theta``; without ``u`` the Jeffreys interval ``Beta(x + 1/2, n - x + 1/2)``
    quantiles is used rather than the conservative Clopper-Pearson one (Brown, Cai & DasGupta
    2001), with ``u`` the randomised interval below (what ``shift`` reports). Sentences
    make counts over-dispersed, so the counts are divided by
    ``phi = max(1, (X^2 / df) (t_df / z)^2)`` (``X^2`` the Pearson statistic of the sentence
    counts of both statements around their own rates, a quasi-Poisson scale with
    ``df = S_A + S_B - 2``) before the beta quantiles are taken. Two allowances for a scale
    estimated from few sentences (``few_sentences=True``): the factor ``(t_df / z)^2``, and a
    floor at the dispersion pooled over the categories with a match (with its own factor for
    ``K df`` degrees of freedom), since a per-category Pearson statistic of small counts is
    skewed and often far below the true dispersion; without them clustered cells covered
    0.925-0.943 in the harness. NaN where both counts are 0; ``-inf`` / ``inf`` where one is
    0. ``few_sentences=False``: the plain ``max(1, X^2 / df)`` of each category (used by
    document-level keyness, whose interval was measured that way; see ``docs/measures.md``).

    ``u`` (one uniform draw per category, as ``shift`` passes from the pair's seed): the
    randomised interval of Stevens (1950) in place of the Jeffreys one, ``{pi : alpha/2 <
    (1 - u) P(X > x) + u P(X >= x) < 1 - alpha/2}``, which covers exactly ``1 - alpha`` for
    Poisson counts whatever ``n``; the Jeffreys interval over-covered (0.97-0.99) where a
    category has 3-5 matches (issue 13c, session 8). Where one side has no match ``u`` is kept
    off the values that would give an empty set.

    Examples
    --------
    >>> lo, hi = rate_ratio_interval([[3], [2], [4]], [20, 20, 20], [[1], [0], [2]], [20, 20, 20])
    >>> bool(lo[0] < -1.585 < hi[0] < 0.5)
    True
    """
    from scipy import stats

    ca, ta, cb, tb = _sentence_arguments(counts_a, tokens_a, counts_b, tokens_b, 1)
    alpha = 1.0 - level
    phi = _quasi_poisson_scale(ca, ta, cb, tb, level, few_sentences)
    x = cb.sum(0) / phi
    n = (ca.sum(0) + cb.sum(0)) / phi
    with np.errstate(divide="ignore", invalid="ignore"):
        if u is None:
            lo_pi = np.where(x > 0, stats.beta.ppf(alpha / 2, x + 0.5, n - x + 0.5), 0.0)
            hi_pi = np.where(x < n, stats.beta.ppf(1 - alpha / 2, x + 0.5, n - x + 0.5), 1.0)
        else:
            u = np.broadcast_to(np.asarray(u, dtype=float), x.shape)
            lo_pi, hi_pi = _randomised_binomial_bounds(x, np.maximum(n, x), u, alpha)
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
    the harness; this one 0.95-1.00 from 25 matches a statement up.)

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


def _share_dispersion(c):
    """Pearson ``X^2`` and df of the category shares *within* sentences of one statement.

    ``X^2 = sum_i sum_k (c_ik - m_i p_k)^2 / (m_i p_k)`` over the sentences with ``m_i > 0``
    matches and the categories with ``p_k > 0`` (``p`` the statement's shares), on
    ``(S' - 1)(K' - 1)`` degrees of freedom: about 1 per df when sentences draw their matches
    from the same shares, more when shares vary between sentences (clustering).
    """
    m = c.sum(1)
    c, m = c[m > 0], m[m > 0]
    if len(m) < 2:
        return 0.0, 0
    p = c.sum(0) / c.sum()
    k = p > 0
    e = np.outer(m, p[k])
    return float(((c[:, k] - e) ** 2 / e).sum()), (len(m) - 1) * (int(k.sum()) - 1)


def _jsd_linearised_variance(c, p, m_mix):
    """Sentence-clustered delta-method variance of the JSD (bits) in one statement's shares.

    ``dJSD/dp_k = 1/2 log2(p_k / m_k)`` (``m = (p + q) / 2``; the terms in ``m`` cancel), so a
    sentence's influence is ``u_i = sum_k g_k (c_ik - m_i p_k) / M`` and the variance
    ``S/(S-1) sum_i u_i^2`` (sentences as clusters, as :func:`_cluster_var`).
    """
    with np.errstate(divide="ignore", invalid="ignore"):
        g = np.where(p > 0, 0.5 * np.log2(p / m_mix), 0.0)
    msent = c.sum(1)
    u = (c - np.outer(msent, p)) @ g / c.sum()
    n = len(msent)
    return n / (n - 1) * float((u ** 2).sum())


def jsd_noncentral_interval(counts_a, counts_b, *, level=0.95):
    """Interval of the JSD (bits) of two statements from the noncentral chi-square of ``G``.

    For the 2 x K table of matches, ``G = 2 ln2 N JSD`` (Lin 1991; weighted JSD, ``N`` all
    matches); for the equal-weight JSD the same holds to second order with
    ``N = N_eff = 4 M_A M_B / (M_A + M_B)``. ``G`` is asymptotically noncentral chi-square on
    ``K' - 1`` df (``K'`` categories with a match) with noncentrality
    ``lambda = 2 ln2 N_eff JSD_true`` (Pitman alternatives), so inverting
    ``P(chi2'_{K'-1}(lambda) <= G / d) = 1 - a/2, a/2`` gives ``[lambda_lo, lambda_hi] d /
    (2 ln2 N_eff)``; the plug-in upward bias of the JSD (about ``(K'-1) / (2 ln2 N_eff)``) is
    the mean ``K' - 1`` of the central part and is removed by the inversion itself. The design
    effect ``d`` (first-order Rao-Scott correction, Rao & Scott 1981) is the larger of 1, the
    within-sentence share dispersion ``X^2/df`` pooled over both statements, and the ratio of
    the sentence-clustered delta-method variance of the JSD to the variance the noncentral
    chi-square implies, ``(2 (K'-1) + 4 lambda_hat) / (2 ln2 N_eff)^2`` with
    ``lambda_hat = max(G - (K'-1), 0)`` (it allows for sentences as clusters and for
    alternatives far from local). When ``G / d`` is below the median of the central
    chi-square (the statements are closer than chance makes them) the upper bound is taken at
    that median, so it is never 0. Bounds clipped to ``[0, 1]``; NaN when fewer than two
    categories are used or a statement has no match or fewer than 2 sentences.

    Parameters
    ----------
    counts_a, counts_b : array_like (n_sentences, K)
        Category counts of each sentence of the two statements.
    level : float, default 0.95

    Returns
    -------
    (low, high) : two floats

    Examples
    --------
    >>> a = [[1, 0], [0, 1]] * 15 + [[1, 0]] * 10            # 25 v 15 matches
    >>> b = [[0, 1], [1, 0]] * 15 + [[0, 1]] * 10            # 15 v 25
    >>> lo, hi = jsd_noncentral_interval(a, b)
    >>> round(lo, 3), round(hi, 3)
    (0.0, 0.167)
    """
    from scipy import optimize, stats

    from frameshift.errors import ArgumentValueError, counts_argument

    ca = np.atleast_2d(counts_argument(counts_a, "counts_a", "jsd_noncentral_interval"))
    cb = np.atleast_2d(counts_argument(counts_b, "counts_b", "jsd_noncentral_interval"))
    if ca.shape[1] != cb.shape[1]:
        raise ArgumentValueError(f"jsd_noncentral_interval: counts_a has {ca.shape[1]} "
                                 f"categories (columns) but counts_b has {cb.shape[1]}.")
    a_tot, b_tot = ca.sum(0), cb.sum(0)
    ma, mb = a_tot.sum(), b_tot.sum()
    df = int(((a_tot + b_tot) > 0).sum()) - 1
    if df < 1 or ma <= 0 or mb <= 0 or len(ca) < 2 or len(cb) < 2:
        return np.nan, np.nan
    p, q = a_tot / ma, b_tot / mb
    mix = (p + q) / 2
    with np.errstate(divide="ignore", invalid="ignore"):
        t = 0.5 * (np.where(p > 0, p * np.log2(p / mix), 0.0).sum()
                   + np.where(q > 0, q * np.log2(q / mix), 0.0).sum())
    scale = 2.0 * np.log(2.0) * 4.0 * ma * mb / (ma + mb)
    g = scale * max(float(t), 0.0)
    x2a, dfa = _share_dispersion(ca)
    x2b, dfb = _share_dispersion(cb)
    d_share = (x2a + x2b) / (dfa + dfb) if dfa + dfb > 0 else 1.0
    v_lin = _jsd_linearised_variance(ca, p, mix) + _jsd_linearised_variance(cb, q, mix)
    v_nc = (2.0 * df + 4.0 * max(g - df, 0.0)) / scale ** 2
    d = max(1.0, d_share, v_lin / v_nc)
    x = g / d
    alpha = 1.0 - level

    def cdf(lam):
        return stats.ncx2.cdf(x, df, lam) if lam > 0 else stats.chi2.cdf(x, df)

    def lam_at(prob):  # the noncentrality with P(chi2'(lam) <= x) = prob (cdf falls in lam)
        if cdf(0.0) <= prob:
            return 0.0
        top = max(10.0, 4.0 * x)
        while cdf(top) > prob:
            top *= 2.0
        return optimize.brentq(lambda lam: cdf(lam) - prob, 0.0, top, xtol=1e-10)

    lo = lam_at(1.0 - alpha / 2.0) * d / scale
    # a G below the median of the central chi-square (statements closer than chance) would
    # give the upper bound 0 and a zero-width interval; its upper bound is taken at the median
    x = max(x, float(stats.chi2.ppf(0.5, df)))
    hi = lam_at(alpha / 2.0) * d / scale
    return float(min(max(lo, 0.0), 1.0)), float(min(max(hi, 0.0), 1.0))
