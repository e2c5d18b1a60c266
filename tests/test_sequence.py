"""Tests of frameshift.measures.sequence: KL in bits, novelty / transience / resonance."""

import math

import warnings

import numpy as np
import pandas as pd
import pytest

from frameshift.measures.sequence import (distributions, kl_divergence, novelty_transience_resonance, ntr)


def test_ntr_golden_window_1():
    t = novelty_transience_resonance([[.5, .5], [.9, .1], [.5, .5]], window=1)
    mid = t.iloc[1]
    assert mid["novelty"] == pytest.approx(0.531004, abs=5e-7)
    assert mid["transience"] == pytest.approx(0.531004, abs=5e-7)
    assert mid["resonance"] == pytest.approx(0.0, abs=1e-12)
    # window not full -> NaN
    assert np.isnan(t["novelty"].iloc[0]) and np.isnan(t["transience"].iloc[2])
    assert t["resonance"].isna().tolist() == [True, False, True]


def test_kl_by_hand_in_bits():
    # KL((.9,.1) || (.5,.5)) = .9 log2(1.8) + .1 log2(.2)
    assert float(kl_divergence([.9, .1], [.5, .5])) == pytest.approx(
        .9 * math.log2(1.8) + .1 * math.log2(.2))
    assert float(kl_divergence([0, 1], [.5, .5])) == pytest.approx(1.0)
    assert float(kl_divergence([.5, .5], [.5, .5])) == 0.0


def test_window_2_averages_over_both_neighbours():
    p = np.array([[.5, .5], [.25, .75], [.8, .2], [.5, .5], [.1, .9]])
    t = novelty_transience_resonance(p, window=2)
    j = 2
    n = (kl_divergence(p[j], p[1]) + kl_divergence(p[j], p[0])) / 2
    tr = (kl_divergence(p[j], p[3]) + kl_divergence(p[j], p[4])) / 2
    assert t["novelty"].iloc[j] == pytest.approx(n)
    assert t["transience"].iloc[j] == pytest.approx(tr)
    assert t["resonance"].iloc[j] == pytest.approx(n - tr)
    assert t["novelty"].isna().tolist() == [True, True, False, False, False]
    assert t["transience"].isna().tolist() == [False, False, False, True, True]


def test_input_validation():
    with pytest.raises(ValueError, match="Row 1 is not a probability distribution"):
        novelty_transience_resonance([[.5, .5], [.5, .6]])
    with pytest.raises(ValueError, match="window must be a positive integer"):
        novelty_transience_resonance([[.5, .5]], window=0)


def test_distributions_smoothing_and_order():
    c = pd.DataFrame({"statement_id": ["b", "b", "a", "a"], "category": ["x", "y"] * 2,
                      "count": [0, 2, 1, 0]})
    units, cats, p = distributions(c, smoothing=0.5, order=["a", "b"])
    assert units == ["a", "b"] and cats == ["x", "y"]
    assert p.tolist() == [[0.75, 0.25], [1 / 6, 5 / 6]]


def test_ntr_from_counts_table():
    c = pd.DataFrame({"statement_id": list("aabbcc"), "category": ["x", "y"] * 3,
                      "count": [5, 5, 9, 1, 5, 5]})
    t = ntr(c, smoothing=0)
    assert list(t.columns) == ["statement_id", "position", "window", "novelty", "transience",
                               "resonance", "short_text"]
    assert not t["short_text"].any()          # 10 matches each: at the threshold, not below
    assert t["novelty"].iloc[1] == pytest.approx(0.531004, abs=5e-7)
    # smoothing pulls the middle distribution to (9.5/11, 1.5/11): smaller novelty
    assert ntr(c, smoothing=0.5)["novelty"].iloc[1] < t["novelty"].iloc[1]
    empty = pd.DataFrame({"statement_id": list("aabb"), "category": ["x", "y"] * 2,
                          "count": [1, 1, 0, 0]})
    with pytest.raises(ValueError, match=r"Units without any count .* \['b'\]"):
        ntr(empty, smoothing=0)


def test_ntr_flags_short_units_once():
    from frameshift.measures.shifts import ShortTextWarning

    # the one rule (matching/shortness.py): read from the counts' short_text column, which
    # count_matches/term_counts set for a statement with fewer than 3 sentences
    c = pd.DataFrame({"statement_id": list("aabbcc"), "category": ["x", "y"] * 3,
                      "count": [5, 5, 8, 1, 5, 5],
                      "short_text": [False, False, True, True, False, False]})
    with pytest.warns(ShortTextWarning, match=r"1 of 3 unit\(s\) have fewer than 3 sentences .*: b\.") as rec:
        t = ntr(c)
    assert len([w for w in rec if w.category is ShortTextWarning]) == 1
    assert t["short_text"].tolist() == [False, True, False]
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert not ntr(c.drop(columns="short_text"))["short_text"].any()


def test_term_counts_flag_statements_under_three_sentences():
    from frameshift.corpus import from_frame
    from frameshift.measures.key_terms import term_counts

    corpus = from_frame(pd.DataFrame({"statement_id": ["one", "three"],
                                      "text": ["Peace now.", "Peace. War. Talks now."]}))
    t = term_counts(corpus, top_k=2).groupby("statement_id")["short_text"].first()
    assert t.to_dict() == {"one": True, "three": False}


def test_inaugural_term_ntr_over_60_addresses():
    from frameshift.corpus.readers import read_corpus
    from frameshift.measures.key_terms import term_counts

    corpus = read_corpus("inaugural")
    counts = term_counts(corpus, top_k=200)
    t = ntr(counts, window=3)
    assert len(t) == 60 and t["statement_id"].iloc[0] == "1789-Washington"
    assert t["novelty"].isna().sum() == 3 and t["transience"].isna().sum() == 3
    assert (t["novelty"].dropna() > 0).all()
    full = t.dropna()
    assert full["resonance"].to_numpy() == pytest.approx(
        (full["novelty"] - full["transience"]).to_numpy())
