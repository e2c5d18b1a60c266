"""Interval methods of frameshift.measures.intervals and the coverage harness (issue 13)."""

import sys
from pathlib import Path

import numpy as np
import pytest
from scipy import stats

from frameshift.measures.intervals import (bias_corrected_bootstrap_interval,
                                           jsd_noncentral_interval, rate_diff_interval,
                                           rate_ratio_interval)

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks"))


# t quantile 0.975 on 4 degrees of freedom (any t table: 2.776) and the normal 0.975 quantile
T4 = 2.7764451051977987
Z = 1.959963984540054


def _zero_a_bounds(xb, t_a, t_b, q2):
    """Score bounds of d = x_B/T_B - 0/T_A, solved by hand (Miettinen & Nurminen 1985).

    With x_A = 0 the rate of A fitted under lambda_B - lambda_A = u is x_B/T - u for u below
    x_B/T (T = T_A + T_B), else 0, so the variance is (x_B/T - u)/T_A + (x_B/T)/T_B below and
    u/T_B above, and (d - u)^2 = q^2 v is a quadratic in u on each piece."""
    d, r = xb / t_b, xb / (t_a + t_b)
    # lower, u < 0: u^2 + (q^2/T_A - 2d) u + d^2 - q^2 (r/T_A + r/T_B) = 0
    b, c = q2 / t_a - 2 * d, d * d - q2 * (r / t_a + r / t_b)
    low = (-b - np.sqrt(b * b - 4 * c)) / 2
    # upper, u > x_B/T: u^2 - (2d + q^2/T_B) u + d^2 = 0
    b = 2 * d + q2 / t_b
    high = (b + np.sqrt(b * b - 4 * d * d)) / 2
    return 1000 * low, 1000 * high


def test_rate_diff_interval_by_hand():
    # A: no match in 3 sentences of 10 tokens; B: 1, 1, 1 in sentences of 20 (no
    # over-dispersion, phi = 1): d = 3/60; lower bound -78.05, upper 147.02 per 1,000
    lo, hi = rate_diff_interval([[0]] * 3, [10] * 3, [[1], [1], [1]], [20] * 3)
    want = _zero_a_bounds(3, 30, 60, Z ** 2)
    assert (lo[0], hi[0]) == (pytest.approx(want[0], rel=1e-9), pytest.approx(want[1], rel=1e-9))
    assert (round(lo[0], 2), round(hi[0], 2)) == (-78.05, 147.02)


def test_rate_diff_interval_overdispersion():
    # B: 0, 3, 0 in sentences of 20 tokens (expected 1 each): X2 = 1 + 4 + 1 = 6; A (no
    # match) 0; df = 2 + 2, phi_k = 6/4. One category: the pooled floor is phi_k on K df = 4,
    # times (t_4/z)^2, so phi = 1.5 (t_4/z)^2 and q^2 = phi z^2 = 1.5 t_4^2
    lo, hi = rate_diff_interval([[0]] * 3, [10] * 3, [[0], [3], [0]], [20] * 3)
    want = _zero_a_bounds(3, 30, 60, 1.5 * T4 ** 2)
    assert (lo[0], hi[0]) == (pytest.approx(want[0], rel=1e-9), pytest.approx(want[1], rel=1e-9))
    # a second category, 1 in every sentence of both (X2 = 0): pooled (6 + 0) / (4 * 2) =
    # 0.75 on 8 df, times (t_8/z)^2 = 1.038; so the first category's phi = max(1, 1.5, 1.038)
    # = 1.5 (no t factor on phi_k), the second's max(1, 0, 1.038)
    lo, hi = rate_diff_interval([[0, 1]] * 3, [10] * 3, [[0, 1], [3, 1], [0, 1]], [20] * 3)
    want = _zero_a_bounds(3, 30, 60, 1.5 * Z ** 2)
    assert (lo[0], hi[0]) == (pytest.approx(want[0], rel=1e-9), pytest.approx(want[1], rel=1e-9))
    # the second: 3 v 3 matches in 30 v 60 tokens with phi = 0.75 (t_8/z)^2 = 1.03821, i.e.
    # counts and tokens divided by phi, against statsmodels (independent code):
    # confint_poisson_2indep(3/phi, 60/phi, 3/phi, 30/phi, method="score", compare="diff")
    assert (lo[1], hi[1]) == (pytest.approx(-252.75845589, rel=1e-7),
                              pytest.approx(67.78728992, rel=1e-7))


def test_rate_diff_interval_matches_statsmodels_score():
    # undispersed counts (the same count in every sentence, equal tokens: phi = 1) against an
    # independent implementation, statsmodels' confint_poisson_2indep(method="score",
    # compare="diff") (its root search is to ~1e-8): values printed by statsmodels 0.15.0 for
    # (x_B, T_B, x_A, T_A) = (2, 60, 4, 60) and (0, 120, 12, 200)
    lo, hi = rate_diff_interval([[2], [2]], [30, 30], [[1], [1]], [30, 30])
    assert (lo[0], hi[0]) == (pytest.approx(-141.78355548, rel=1e-7),
                              pytest.approx(61.88514872, rel=1e-7))
    lo, hi = rate_diff_interval([[3]] * 4, [50] * 4, [[0]] * 3, [40] * 3)
    assert (lo[0], hi[0]) == (pytest.approx(-104.88349612, rel=1e-7),
                              pytest.approx(-27.98784306, rel=1e-7))


def test_rate_diff_interval_never_zero_width():
    # no match anywhere: no scale at all, so no interval (NaN), never [0, 0]
    lo, hi = rate_diff_interval([[0]] * 3, [25] * 3, [[0]] * 3, [25] * 3)
    assert np.isnan(lo[0]) and np.isnan(hi[0])


def test_rate_ratio_interval_jeffreys_and_overdispersion():
    # no over-dispersion (same count in every sentence): phi = 1, x = 6 of n = 9,
    # equal tokens -> theta = pi / (1 - pi)
    lo, hi = rate_ratio_interval([[1]] * 3, [10] * 3, [[2]] * 3, [10] * 3)
    pl, ph = stats.beta.ppf([0.025, 0.975], 6.5, 3.5)
    assert lo[0] == pytest.approx(np.log2(pl / (1 - pl)))
    assert hi[0] == pytest.approx(np.log2(ph / (1 - ph)))
    # A = 0, 3, 0 (expected 1 each): X2 = 1 + 4 + 1 = 6; B constant: 0; df = 2 + 2 -> X2/df
    # 1.5, times (t_4 / z)^2 for a scale estimated on 4 df: phi = 1.5 * (2.7764 / 1.96)^2;
    # x = 3 / phi of n = 6 / phi
    lo, hi = rate_ratio_interval([[0], [3], [0]], [10] * 3, [[1]] * 3, [10] * 3)
    phi = 1.5 * (T4 / Z) ** 2
    pl, ph = stats.beta.ppf([0.025, 0.975], 3 / phi + 0.5, 3 / phi + 0.5)
    assert lo[0] == pytest.approx(np.log2(pl / (1 - pl)))
    assert hi[0] == pytest.approx(np.log2(ph / (1 - ph)))
    # a zero on B's side: bounded above only; nothing on either side: NaN
    lo, hi = rate_ratio_interval([[2, 0]] * 3, [10] * 3, [[0, 0]] * 3, [10] * 3)
    assert lo[0] == -np.inf and np.isfinite(hi[0])
    assert np.isnan(lo[1]) and np.isnan(hi[1])


def test_rate_ratio_interval_pooled_dispersion_floor():
    # category 0: A 1, 1, 1 and B 2, 2, 2 (X2 = 0); category 1: A 0, 3, 0 (X2 = 6), B 1, 1, 1.
    # df = 4; pooled over the 2 categories used: 6 / (4 * 2) = 0.75, with the allowance for
    # 8 df: 0.75 * (t_8 / z)^2, t_8 = 2.306004 (t table) -> 1.038 > 1, so category 0 is
    # divided by 1.038 (x = 6 of n = 9 before); category 1 keeps its own 1.5 * (t_4 / z)^2
    lo, hi = rate_ratio_interval([[1, 0], [1, 3], [1, 0]], [10] * 3,
                                 [[2, 1], [2, 1], [2, 1]], [10] * 3)
    phi0 = 0.75 * (2.3060041350333704 / Z) ** 2
    pl, ph = stats.beta.ppf([0.025, 0.975], 6 / phi0 + 0.5, 3 / phi0 + 0.5)
    assert lo[0] == pytest.approx(np.log2(pl / (1 - pl)))
    assert hi[0] == pytest.approx(np.log2(ph / (1 - ph)))
    phi1 = 1.5 * (T4 / Z) ** 2
    pl, ph = stats.beta.ppf([0.025, 0.975], 3 / phi1 + 0.5, 3 / phi1 + 0.5)
    assert lo[1] == pytest.approx(np.log2(pl / (1 - pl)))
    # few_sentences=False (document-level keyness): category 0 stays at phi = 1
    lo, _ = rate_ratio_interval([[1, 0], [1, 3], [1, 0]], [10] * 3,
                                [[2, 1], [2, 1], [2, 1]], [10] * 3, few_sentences=False)
    pl = stats.beta.ppf(0.025, 6.5, 3.5)
    assert lo[0] == pytest.approx(np.log2(pl / (1 - pl)))


def test_bias_corrected_bootstrap_by_hand():
    # replicates .3 .4 .5 .9 around T = .35: mean .525, bias .175; linear percentiles 25% and
    # 75% are .375 and .6; minus 2 * .175 -> [.025, .25] (the reflected "basic" interval
    # would be [.1, .325])
    lo, hi = bias_corrected_bootstrap_interval(np.array([0.3, 0.4, 0.5, 0.9]), 0.35,
                                               level=0.5)
    assert (lo, hi) == (pytest.approx(0.025), pytest.approx(0.25))
    # T = .3: bias .15, [.375 - .3, .525 - .3] = [.075, .225]; T = .05: bias .4 puts both
    # bounds below 0, clipped to 0 (shift_from_sentences then reports no interval)
    lo, hi = bias_corrected_bootstrap_interval(np.array([0.3, 0.4, 0.5, 0.6]), 0.3, level=0.5)
    assert (lo, hi) == (pytest.approx(0.075), pytest.approx(0.225))
    lo, hi = bias_corrected_bootstrap_interval(np.array([0.3, 0.4, 0.5, 0.6]), 0.05,
                                               level=0.5, lower=0.0)
    assert (lo, hi) == (0.0, 0.0)


def test_jsd_noncentral_interval_by_hand():
    # A: 4 one-match sentences, 3 in category 1 and 1 in category 2; B the mirror image.
    # p = (3/4, 1/4), q = (1/4, 3/4), m = (1/2, 1/2): JSD = 3/4 log2(3/2) - 1/4 = 0.188722.
    # N_eff = 4*4*4/8 = 8, scale 2 ln2 N_eff = 11.09035; G = 2.09302, which is the G statistic
    # of the 2 x 2 table [[3, 1], [1, 3]]: 2 (6 ln 1.5 - 2 ln 2) = 2.09302 (Lin 1991: G =
    # 2 N ln2 JSD for equal sample sizes). df = 1.
    g_stat = 2 * (6 * np.log(1.5) - 2 * np.log(2))
    scale = 2 * np.log(2) * 8
    assert g_stat == pytest.approx(scale * (0.75 * np.log2(1.5) - 0.25))
    # Design effect, by hand: within-sentence share X^2 per statement = 3 * (1/12 + 1/4) +
    # (3/4 + 9/4) = 4 on 3 df, pooled 8/6 = 1.3333. Linearised variance: g = (1/2 log2 1.5,
    # -1/2) = (0.292481, -0.5); u = (0.25 * 0.292481 + 0.25 * 0.5) / 4 = 0.049530 (x3) and
    # (-0.75 * 0.292481 - 0.75 * 0.5) / 4 = -0.148590; 4/3 * sum u^2 = 0.039253 per statement,
    # 0.078507 both; the noncentral chi-square variance (2 + 4 (G - 1)) / scale^2 = 0.051807;
    # ratio 1.51537 = d (the largest of 1, 1.3333, 1.51537).
    d = (2 * 0.039253) / ((2 + 4 * (g_stat - 1)) / scale ** 2)
    assert d == pytest.approx(1.51537, rel=1e-4)
    x = g_stat / d

    def lam(prob):  # noncentrality with P(chi2'_1(lam) <= x) = prob, scipy's ncx2
        from scipy.optimize import brentq
        return brentq(lambda v: stats.ncx2.cdf(x, 1, v) - prob, 1e-9, 100)

    a = [[1, 0]] * 3 + [[0, 1]]
    b = [[0, 1]] * 3 + [[1, 0]]
    lo, hi = jsd_noncentral_interval(a, b, level=0.5)
    assert lo == pytest.approx(lam(0.75) * d / scale, rel=1e-3)    # 0.00591
    assert hi == pytest.approx(lam(0.25) * d / scale, rel=1e-3)    # 0.4655
    # at 95%: chi2_1 cdf(x = 1.381) = 0.76 < 0.975, so the lower bound is 0 (the G test does
    # not reject); the upper bound lam(0.025) d / scale = 1.34 is clipped to 1
    assert jsd_noncentral_interval(a, b) == (0.0, 1.0)


def test_jsd_noncentral_interval_edges():
    # identical statements: G = 0, below the chi2_1 median 0.4549, so the upper bound is
    # taken there (never a zero-width [0, 0]); the lower bound is 0
    a = [[1, 0]] * 20 + [[0, 1]] * 20
    lo, hi = jsd_noncentral_interval(a, a)
    assert lo == 0.0 and hi > 0.0
    # one category used: no df, no interval
    assert np.isnan(jsd_noncentral_interval([[1, 0], [2, 0]], [[3, 0], [1, 0]])).all()


def test_coverage_harness_quick():
    import coverage as harness

    t = harness.run(quick=True)
    cov = t[t["kind"] == "coverage"].set_index(["cell", "measure"])
    # one-sentence statements: no interval is reported for any measure
    assert (cov.loc[["iid 1 v 7", "clustered 1 v 7"], "reported"] == 0).all()
    assert t["zero_width"].sum() == 0
    # 10 v 10 sentences: the rate-difference interval covers (~100 of 150 reported, the rest
    # have < 3 matches of the category: SE ~ 0.022)
    assert cov.loc[("iid 10 v 10", "rate_diff"), "value"] >= 0.9
    assert cov.loc[("clustered 10 v 10", "rate_diff"), "value"] >= 0.9
    rej = t[t["kind"] == "rejection"]
    assert (rej["value"] <= 0.15).all()
    text = harness.markdown(t)
    assert "| iid 3 v 3 |" in text


def test_randomised_binomial_bounds_by_hand():
    # x = 1 of n = 2. u = 1: p_up = P(X >= 1) = 1 - (1 - pi)^2, = .025 at 1 - sqrt(.975);
    # u = 0: p_up = P(X > 1) = pi^2, = .025 at sqrt(.025) and = .975 at sqrt(.975)
    from frameshift.measures.intervals import _randomised_binomial_bounds as bounds

    lo, hi = bounds([1.0, 1.0], [2.0, 2.0], [1.0, 0.0], 0.05)
    assert lo[0] == pytest.approx(1 - np.sqrt(0.975))
    assert (lo[1], hi[1]) == (pytest.approx(np.sqrt(0.025)), pytest.approx(np.sqrt(0.975)))
    # x = n = 3: p_up = u' pi^3 with u' = .025 + .975 u (kept off the empty set): u = .5 ->
    # u' = .5125, lower bound (.025 / .5125)^(1/3), upper 1; u = 1 -> u' = 1: {pi : .025 <
    # pi^3 < .975}, bounded below 1 as in the exact set; x = 0 of 3, u = .5: lower 0
    lo, hi = bounds([3.0, 3.0, 0.0], [3.0] * 3, [0.5, 1.0, 0.5], 0.05)
    assert lo[0] == pytest.approx((0.025 / 0.5125) ** (1 / 3)) and hi[0] == 1.0
    assert (lo[1], hi[1]) == (pytest.approx(0.025 ** (1 / 3)), pytest.approx(0.975 ** (1 / 3)))
    assert lo[2] == 0.0 and 0 < hi[2] < 1


def test_rate_ratio_interval_randomised_inverts_the_binomial():
    # phi = 1 (same count in every sentence): x = 6 of n = 9, equal tokens. The bounds are the
    # pi where (1 - u) P(X > 6) + u P(X = 6 or more) is .025 and .975 (scipy's binomial)
    lo, hi = rate_ratio_interval([[1]] * 3, [10] * 3, [[2]] * 3, [10] * 3, u=[0.3])
    for b, target in ((lo[0], 0.025), (hi[0], 0.975)):
        pi = 2.0 ** b / (1 + 2.0 ** b)
        p_up = 0.7 * stats.binom.sf(6, 9, pi) + 0.3 * stats.binom.sf(5, 9, pi)
        assert p_up == pytest.approx(target, abs=1e-9)
