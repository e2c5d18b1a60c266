"""Tests of frameshift.measures.key_terms: Fightin' Words, G2, chi2, log ratio, BH, corpus-level keyness."""

import math
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from scipy import stats

from frameshift.corpus.readers import from_frame
from frameshift.errors import OptionError
from frameshift.measures.key_terms import (bh_adjust, chi2, document_term_matrix, expansion_candidates, fightin_words, g2, keyness, keyness_from_counts, keyness_many, log_ratio, term_counts)
from frameshift.text.tokenizer import tokenize

DATA = Path(__file__).parent / "data"

FOX = "the quick brown fox jumps over the lazy pig"
DONKEY = "the lazy purple pig jumps over the lazier donkey"


def _toy_corpus():
    return from_frame(pd.DataFrame({"statement_id": ["s1", "s2"], "text": [FOX, DONKEY],
                                    "side": ["fox", "donkey"]}))


# ---------------------------------------------------------------- golden values (issue 4)

def test_fightin_words_toy_uniform_prior():
    # Published expected output of the fightin_words package (Hessel's implementation).
    t = keyness(_toy_corpus(), by="side", target="fox", reference="donkey", prior=0.05,
                stop_words=None)
    z = dict(zip(t["term"], t["score"]))
    for w in ("quick", "brown", "fox"):
        assert z[w] == pytest.approx(0.6894227886807968, abs=1e-10)
    for w in ("purple", "lazier", "donkey"):
        assert z[w] == pytest.approx(-0.6894227886807968, abs=1e-10)
    for w in ("the", "jumps", "over", "lazy", "pig"):
        assert z[w] == pytest.approx(0.0, abs=1e-12)
    assert len(t) == 11
    assert t["score"].is_monotonic_decreasing


def test_keyness_52_of_100_vs_9_of_100():
    assert float(g2(52, 9, 100, 100, cells=2)) == pytest.approx(33.5167, abs=5e-5)
    assert float(g2(52, 9, 100, 100, cells=4)) == pytest.approx(47.0396, abs=5e-5)
    assert float(chi2(52, 9, 100, 100)) == pytest.approx(43.6136, abs=5e-5)
    assert float(log_ratio(52, 9, 100, 100)) == pytest.approx(2.5305, abs=5e-5)


def test_g2_4cell_equals_scipy_likelihood_ratio():
    table = np.array([[52, 9], [48, 91]])
    ref = stats.chi2_contingency(table, correction=False, lambda_="log-likelihood")[0]
    assert float(g2(52, 9, 100, 100)) == pytest.approx(ref, rel=1e-12)


def test_chi2_equals_scipy_and_yates_option():
    table = np.array([[52, 9], [48, 91]])
    plain = stats.chi2_contingency(table, correction=False)[0]
    yates = stats.chi2_contingency(table, correction=True)[0]
    assert float(chi2(52, 9, 100, 100)) == pytest.approx(plain, rel=1e-12)
    assert float(chi2(52, 9, 100, 100, yates=True)) == pytest.approx(yates, rel=1e-12)


def test_log_ratio_zero_counts():
    # a zero count is replaced by 0.5 (Hardie 2014); zero in both -> NaN
    assert float(log_ratio(0, 4, 100, 100)) == pytest.approx(math.log2(0.5 / 4))
    assert float(log_ratio(3, 0, 50, 100)) == pytest.approx(math.log2((3 / 50) / (0.5 / 100)))
    assert np.isnan(log_ratio(0, 0, 100, 100))


def test_g2_two_cell_close_to_four_cell_for_rare_terms():
    two, four = float(g2(5, 1, 100_000, 100_000, cells=2)), float(g2(5, 1, 100_000, 100_000))
    assert two == pytest.approx(four, rel=1e-3)
    assert two != four


# ---------------------------------------------------------------- independent re-derivation

def _monroe_z_by_hand(texts_i, texts_j, background):
    """Monroe, Colaresi & Quinn (2008), eq. 16 and 18-20, written out term by term.

    Counts are plain Counters of the package's normalised forms; the prior is the background
    corpus counts (alpha_w = background count of w, alpha_0 = background size), as in the
    informative-prior implementations (e.g. kornosk/log-odds-ratio, which defaults the
    background to the two corpora together).
    """
    def counts(texts):
        toks = tokenize(texts)
        return Counter(toks.types[t] for t in toks.type_ids())

    yi, yj, alpha = counts(texts_i), counts(texts_j), counts(background)
    ni, nj, a0 = sum(yi.values()), sum(yj.values()), sum(alpha.values())
    out = {}
    for w in set(yi) | set(yj):
        a = alpha[w]
        d = (math.log((yi[w] + a) / (ni + a0 - yi[w] - a))
             - math.log((yj[w] + a) / (nj + a0 - yj[w] - a)))
        var = 1.0 / (yi[w] + a) + 1.0 / (yj[w] + a)
        out[w] = d / math.sqrt(var)
    return out


def test_fightin_words_matches_formula_on_real_two_party_corpus():
    df = pd.read_csv(DATA / "inaugural_2001_2013.csv")
    corpus = from_frame(df, id_col="doc_id", actor_col="President")
    t = keyness(corpus, by="Party", target="Republican", reference="Democratic", stop_words=None)
    rep = df.loc[df["Party"] == "Republican", "text"].tolist()
    dem = df.loc[df["Party"] == "Democratic", "text"].tolist()
    expected = _monroe_z_by_hand(rep, dem, rep + dem)
    assert set(t["term"]) == set(expected)
    got = dict(zip(t["term"], t["score"]))
    diffs = [abs(got[w] - expected[w]) for w in expected]
    assert max(diffs) < 1e-9
    # sanity: the ranking is not degenerate
    assert t["score"].iloc[0] > 2 and t["score"].iloc[-1] < -2


def test_fightin_words_alpha0_rescaling_and_uniform_prior():
    yi, yj = np.array([5, 1, 10]), np.array([1, 5, 10])
    prior = np.array([2.0, 2.0, 4.0])
    t1 = keyness_from_counts(yi, yj, terms=list("abc"), prior=prior, alpha0=80)
    _, _, z = fightin_words(yi, yj, prior=prior * 10)
    assert dict(zip(t1["term"], t1["score"])) == pytest.approx(dict(zip("abc", z)))
    with pytest.raises(ValueError, match="positive"):
        fightin_words(yi, yj, prior=0.0)


# ---------------------------------------------------------------- BH

def test_bh_adjust_by_hand_and_against_scipy():
    p = np.array([0.01, 0.04, 0.03, 0.5, np.nan])
    # sorted 0.01, 0.03, 0.04, 0.5 times m/rank (m=4): 0.04, 0.06, 0.0533, 0.5 -> step-up min
    assert bh_adjust(p)[:4] == pytest.approx([0.04, 0.16 / 3, 0.16 / 3, 0.5])
    assert np.isnan(bh_adjust(p)[4])
    rng = np.random.default_rng(1)
    q = rng.uniform(size=200) ** 3
    assert bh_adjust(q) == pytest.approx(stats.false_discovery_control(q, method="bh"))


# ---------------------------------------------------------------- tables and corpus level

def test_document_term_matrix_matches_tokenizer():
    toks = tokenize(["Re-integration, re-integration!", "Coercion; RE-INTEGRATION."])
    m, vocab = document_term_matrix(toks)
    assert vocab == ["re-integration", "coercion"]
    assert m.toarray().tolist() == [[2, 0], [1, 1]]


def test_keyness_columns_signs_and_pvalues():
    t = keyness_from_counts([52, 48], [9, 91], terms=["war", "peace"], method="g2")
    assert list(t.columns) == ["term", "count_target", "count_reference", "score", "p",
                               "p_adjusted"]
    assert t["term"].tolist() == ["war", "peace"]
    assert t["score"].iloc[0] > 0 > t["score"].iloc[1]
    assert t["p"].iloc[0] == pytest.approx(stats.chi2.sf(47.0396, 1), rel=1e-4)
    lr = keyness_from_counts([52, 48], [9, 91], terms=["war", "peace"], method="log-ratio")
    assert lr["score"].iloc[0] == pytest.approx(2.5305, abs=5e-5)
    assert lr["p"].iloc[0] == pytest.approx(t["p"].iloc[0])


def test_keyness_one_vs_rest_and_errors():
    corpus = from_frame(pd.DataFrame({
        "statement_id": ["a", "b", "c"],
        "text": ["peace peace talks", "war war talks", "war talks"],
        "actor": ["x", "y", "z"]}))
    t = keyness(corpus, by="actor", target="x", method="chi2")
    assert dict(zip(t["term"], t["count_reference"])) == {"peace": 0, "talks": 2, "war": 3}
    assert t["term"].iloc[0] == "peace"
    many = keyness_many(corpus, by="actor", method="chi2")
    assert sorted(set(many["target"])) == ["x", "y", "z"]
    with pytest.raises(OptionError, match=r"--target 'w' is not a value of column 'actor'. "
                                          r"Valid values: x, y, z"):
        keyness(corpus, by="actor", target="w")
    with pytest.raises(OptionError, match="--reference 'q'"):
        keyness(corpus, by="actor", target="x", reference="q")
    with pytest.raises(OptionError, match="not a column of the corpus"):
        keyness(corpus, by="Party", target="x")
    with pytest.raises(OptionError, match="Unknown keyness method"):
        keyness(corpus, by="actor", target="x", method="tf-idf")


def test_keyness_corpus_prior_uses_whole_corpus():
    corpus = from_frame(pd.DataFrame({
        "statement_id": ["a", "b", "c"],
        "text": ["peace talks", "war talks", "war war war"],
        "actor": ["x", "y", "z"]}))
    t = keyness(corpus, by="actor", target="x", reference="y")
    # prior alpha = corpus counts: peace 1, talks 2, war 4; alpha_0 = 7
    _, _, z = fightin_words([1, 1, 0], [0, 1, 1], prior=[1.0, 2.0, 4.0])
    assert dict(zip(t["term"], t["score"])) == pytest.approx(dict(zip(["peace", "talks", "war"],
                                                                      z)))


def test_term_counts_long_form_with_zeros():
    corpus = from_frame(pd.DataFrame({"statement_id": ["a", "b"],
                                      "text": ["The peace and the peace.", "War, war, talks."]}))
    tc = term_counts(corpus, top_k=2)
    assert tc["category"].unique().tolist() == ["peace", "war"]
    assert tc["count"].tolist() == [2, 0, 0, 2]
    assert tc["tokens"].tolist() == [5, 5, 3, 3]


def test_expansion_candidates_excludes_covered_terms():
    corpus = from_frame(pd.DataFrame({
        "statement_id": ["a", "b"],
        "text": ["Coercion and blockade and blockade again, coercion.", "Talks in Baku."],
        "actor": ["nk", "az"]}))
    # "Coercion" is word 0 and "coercion" word 6 of statement a
    matches = pd.DataFrame({"statement_id": ["a", "a"], "token_start": [0, 6],
                            "token_end": [1, 7]})
    out = expansion_candidates(corpus, matches=matches, by="actor", target="nk", min_count=2)
    assert "coercion" not in set(out["term"])
    assert out["term"].tolist() == ["blockade"]  # "and" is a stop word
    assert out["count_target"].tolist() == [2]


# ---------------------------------------------------------------- command line

def test_cli_keyness_ranked_and_unknown_target(tmp_path, capsys):
    from io import StringIO

    from frameshift.cli import main

    path = tmp_path / "c.csv"
    pd.read_csv(DATA / "inaugural_2001_2013.csv").to_csv(path, index=False)
    args = ["keyness", "--corpus", str(path), "--id-col", "doc_id", "--actor-col", "President",
            "--by", "Party", "--target", "Republican", "--reference", "Democratic"]
    assert main([*args, "--method", "g2", "--top", "5"]) == 0
    t = pd.read_csv(StringIO(capsys.readouterr().out))
    assert list(t.columns) == ["term", "count_target", "count_reference", "docs_target",
                               "docs_reference", "score", "p", "p_adjusted", "test", "p_token",
                               "p_token_adjusted", "log_ratio", "ci_low", "ci_high",
                               "ci_method", "short_text"]
    assert len(t) == 5 and t["score"].is_monotonic_decreasing
    # two addresses a party (2001-2013): too short for a document-level p or interval
    assert t["p"].isna().all() and t["short_text"].all()
    assert t["test"].str.startswith("none: too short").all()
    assert main([*args, "--method", "g2", "--top", "5", "--inference", "token"]) == 0
    tok = pd.read_csv(StringIO(capsys.readouterr().out))
    assert tok["p"].tolist() == pytest.approx(tok["p_token"].tolist())
    assert tok["test"].str.startswith("token-level").all()
    assert main([*args[:-4], "--target", "Whig"]) == 2
    err = capsys.readouterr().err
    assert "--target 'Whig' is not a value of column 'Party'" in err
    assert "Valid values: Democratic, Republican" in err
