"""Frame use with covariates (issue 13): rate ratios from count models, checked by hand."""

import math

import numpy as np
import pandas as pd
import pytest

from frameshift.errors import OptionError
from frameshift.measures.models import frame_rate_model

# Party R: statements a (5 of 200 tokens), b (1 of 100); party D: c (2 of 200), d (0 of 200).
COUNTS = pd.DataFrame({"statement_id": list("abcd"), "category": "freedom",
                       "count": [5, 1, 2, 0], "tokens": [200, 100, 200, 200]})
ST = pd.DataFrame({"statement_id": list("abcd"), "party": ["R", "R", "D", "D"],
                   "actor": ["x", "y", "z", "w"]})


def _row(t, term="party[T.R]"):
    return t.set_index("term").loc[term]


def test_poisson_one_binary_covariate_is_the_ratio_of_pooled_rates():
    # The Poisson MLE with a group indicator and log(tokens) offset fits each group's pooled
    # rate, so RR = (6/300) / (2/400) = 4 and, from the Fisher information of the two group
    # totals, se(log RR) = sqrt(1/6 + 1/2) (e.g. Agresti 2013, sec. 3.3 / 4.3).
    r = _row(frame_rate_model(COUNTS, ST, formula="party", family="poisson"))
    se = math.sqrt(1 / 6 + 1 / 2)
    assert r["rate_ratio"] == pytest.approx(4.0, rel=1e-8)
    assert r["se"] == pytest.approx(se, rel=1e-6)
    assert r["ci_low"] == pytest.approx(4.0 * math.exp(-1.959963984540054 * se), rel=1e-6)
    assert r["ci_high"] == pytest.approx(4.0 * math.exp(1.959963984540054 * se), rel=1e-6)
    base = _row(frame_rate_model(COUNTS, ST, formula="party", family="poisson"), "Intercept")
    assert base["rate_ratio"] == pytest.approx(2 / 400, rel=1e-8)  # D's rate per token


def test_quasi_poisson_scales_the_errors_by_the_pearson_dispersion():
    # fitted counts: a 4, b 2 (rate 6/300), c 1, d 1 (rate 2/400); Pearson
    # X2 = (5-4)^2/4 + (1-2)^2/2 + (2-1)^2/1 + (0-1)^2/1 = 2.75 on 4 - 2 = 2 df
    r = _row(frame_rate_model(COUNTS, ST, formula="party"))
    assert r["rate_ratio"] == pytest.approx(4.0, rel=1e-8)
    assert r["se"] == pytest.approx(math.sqrt((1 / 6 + 1 / 2) * 2.75 / 2), rel=1e-6)
    assert r["se_method"].startswith("Pearson")


def test_cluster_robust_errors_and_a_continuous_covariate():
    rng = np.random.default_rng(3)
    n = 60
    st = pd.DataFrame({"statement_id": [f"s{i}" for i in range(n)],
                       "year": rng.uniform(0, 1, n), "actor": [f"a{i % 10}" for i in range(n)]})
    tokens = rng.integers(200, 400, n)
    # true rate 0.01 * exp(0.7 * year): the fitted log rate ratio per unit of year is near 0.7
    counts = pd.DataFrame({"statement_id": st["statement_id"], "category": "c",
                           "count": rng.poisson(tokens * 0.01 * np.exp(0.7 * st["year"])),
                           "tokens": tokens})
    t = frame_rate_model(counts, st, formula="year", cluster="actor")
    r = _row(t, "year")
    assert r["ci_low"] < 0.7 < r["ci_high"] or abs(math.log(r["rate_ratio"]) - 0.7) < 0.6
    assert r["n_clusters"] == 10 and r["se_method"].startswith("cluster-robust (actor")
    nb = _row(frame_rate_model(counts, st, formula="year", family="negative-binomial"), "year")
    assert nb["rate_ratio"] == pytest.approx(r["rate_ratio"], rel=0.1)


def test_bad_input_is_a_clear_error():
    with pytest.raises(OptionError, match="Unknown family"):
        frame_rate_model(COUNTS, ST, formula="party", family="gamma")
    with pytest.raises(OptionError, match="not in the counts table"):
        frame_rate_model(COUNTS, ST, formula="party", categories=["war"])
    with pytest.raises(OptionError, match="Cannot build the model"):
        frame_rate_model(COUNTS, ST, formula="colour")
    with pytest.raises(OptionError, match="cluster='speaker' is not a column"):
        frame_rate_model(COUNTS, ST, formula="party", cluster="speaker")
    empty = COUNTS.assign(count=0)
    with pytest.raises(OptionError, match="has no match in any statement"):
        frame_rate_model(empty, ST, formula="party")
