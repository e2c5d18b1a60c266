"""Tests of frameshift.measures.shifts: profiles, JSD, shift measures, bootstrap, permutation, pairs."""

import math
import warnings

import numpy as np
import pandas as pd
import pytest
from scipy.spatial.distance import jensenshannon

from frameshift.corpus.readers import from_frame
from frameshift.errors import OptionError
from frameshift.measures.shifts import (ShortTextWarning, cosine_distance, frame_profiles, jsd, jsd_contributions, make_pairs, sentence_counts, shift, shift_from_sentences)

CATS = ["reintegration", "coercion", "format"]


def _value(t, measure, category=None):
    rows = t[(t["measure"] == measure)
             & (t["category"].isna() if category is None else t["category"] == category)]
    assert len(rows) == 1, (measure, category)
    return rows.iloc[0]


# ---------------------------------------------------------------- golden values (issue 4)

def test_jsd_golden_half_bit():
    assert float(jsd([.5, .5, 0], [0, .5, .5])) == pytest.approx(0.5, abs=1e-15)


def test_jsd_contributions_sum_exactly():
    c = jsd_contributions([10, 5, 0, 5], [2, 5, 8, 5])
    assert float(c.sum()) == pytest.approx(0.304993, abs=5e-7)
    assert float(c.sum()) == float(jsd([10, 5, 0, 5], [2, 5, 8, 5]))
    # scipy returns the square root, in nats unless base=2
    assert float(c.sum()) == pytest.approx(jensenshannon([10, 5, 0, 5], [2, 5, 8, 5],
                                                         base=2) ** 2)
    assert c[1] == 0.0 and c[3] == 0.0 and c[2] == pytest.approx(0.2)
    assert float(jsd([1, 0], [0, 1])) == 1.0


def test_cosine_distance_by_hand():
    assert float(cosine_distance([3, 4], [4, 3])) == pytest.approx(1 - 24 / 25)
    assert np.isnan(cosine_distance([0, 0], [1, 0]))


# ---------------------------------------------------------------- shift_from_sentences

A = [[2, 0, 1], [0, 0, 1]]
TA = [10, 10]
B = [[0, 1, 0], [0, 1, 1]]
TB = [10, 20]


def _ab(**kw):
    kw.setdefault("n_boot", 200)
    kw.setdefault("n_perm", 0)
    kw.setdefault("warn", False)
    return shift_from_sentences(A, TA, B, TB, categories=CATS, **kw)


def test_shift_values_by_hand():
    t = _ab()
    assert list(t.columns) == ["from", "to", "measure", "category", "value", "ci_low",
                               "ci_high", "ci_method", "p", "p_exact", "p_adjusted",
                               "short_text"]
    # A totals (2, 0, 2) in 20 tokens, B totals (0, 2, 1) in 30 tokens
    assert _value(t, "rate_diff", "reintegration")["value"] == pytest.approx(-100.0)
    assert _value(t, "rate_diff", "coercion")["value"] == pytest.approx(1000 * 2 / 30)
    assert _value(t, "rate_diff", "format")["value"] == pytest.approx(1000 / 30 - 100)
    # zero count -> 0.5
    assert _value(t, "log_ratio", "reintegration")["value"] == pytest.approx(
        math.log2((0.5 / 30) / (2 / 20)))
    assert _value(t, "log_ratio", "coercion")["value"] == pytest.approx(
        math.log2((2 / 30) / (0.5 / 20)))
    assert _value(t, "dropped", "reintegration")["value"] == 1.0
    assert _value(t, "introduced", "coercion")["value"] == 1.0
    assert _value(t, "uptake", "format")["value"] == 1.0
    assert _value(t, "introduced", "format")["value"] == 0.0
    assert _value(t, "uptake")["value"] == 0.5
    expected_jsd = float(jsd([2, 0, 2], [0, 2, 1]))
    assert _value(t, "jsd")["value"] == pytest.approx(expected_jsd)
    contrib = t[t["measure"] == "jsd_contribution"]["value"].sum()
    assert contrib == pytest.approx(expected_jsd, abs=1e-15)
    assert _value(t, "cosine")["value"] == pytest.approx(1 - 2 / (math.sqrt(8) * math.sqrt(5)))


def test_log_ratio_nan_when_absent_from_both():
    t = shift_from_sentences([[1, 0]], [5], [[2, 0]], [5], n_boot=0, n_perm=0, warn=False)
    assert np.isnan(_value(t, "log_ratio", "1")["value"])
    assert _value(t, "rate_diff", "1")["value"] == 0.0


def test_bootstrap_reproducible_and_seeded():
    rng = np.random.default_rng(7)
    # enough matches (>= MIN_DIVERGENCE_MATCHES a side) for the bootstrapped JSD interval
    a, b = rng.poisson(5.0, size=(12, 3)), rng.poisson(6.0, size=(9, 3))
    ta, tb = rng.integers(40, 60, 12), rng.integers(40, 60, 9)

    def run(seed):
        return shift_from_sentences(a, ta, b, tb, n_boot=300, n_perm=100, seed=seed,
                                    warn=False)

    t1, t2, t3 = run(3), run(3), run(4)
    pd.testing.assert_frame_equal(t1, t2)
    assert not t1["ci_low"].equals(t3["ci_low"]) or not t1["ci_high"].equals(t3["ci_high"])
    ok = t1["ci_low"].notna()
    assert (t1.loc[ok, "ci_low"] <= t1.loc[ok, "ci_high"]).all()


def test_single_sentence_gets_no_interval_and_says_why():
    # one sentence per statement: every resample would be the statement itself (issue 13:
    # never a zero-width "95%" interval)
    t = shift_from_sentences([[2, 1]], [10], [[0, 3]], [10], n_boot=50, n_perm=0, warn=False)
    for m in ("rate_diff", "log_ratio", "jsd", "cosine", "jsd_contribution"):
        rows = t[t["measure"] == m]
        assert rows["ci_low"].isna().all() and rows["ci_high"].isna().all()
        assert rows["ci_method"].str.contains("too short, A has 1 sentence").all()
    assert _value(t, "introduced", "1")["ci_method"].startswith("none: a 0/1 set indicator")


def test_rate_interval_needs_three_matches_of_the_category():
    # three sentences a side; category 0: 2 + 1 = 3 matches (interval), category 1: 1 + 1 = 2
    # (no interval, the reason says how many), category 2: none (log ratio undefined)
    a = [[1, 1, 0], [1, 0, 0], [0, 0, 0]]
    b = [[1, 0, 0], [0, 1, 0], [0, 0, 0]]
    t = shift_from_sentences(a, [10] * 3, b, [10] * 3, n_boot=0, n_perm=0, warn=False)
    assert np.isfinite(_value(t, "rate_diff", "0")["ci_low"])
    for m in ("rate_diff", "log_ratio"):
        row = _value(t, m, "1")
        assert np.isnan(row["ci_low"]) and np.isnan(row["ci_high"])
        assert row["ci_method"].startswith("none: 2 match(es) of this category in the pair")
    assert _value(t, "log_ratio", "2")["ci_method"] == "none: no match on either side"
    assert np.isnan(_value(t, "rate_diff", "2")["ci_low"])


def test_permutation_exact_for_tiny_statements():
    # two sentences in all: the two relabellings give the same JSD -> p = 1 exactly
    t = shift_from_sentences([[1, 0]], [5], [[0, 1]], [5], n_boot=0, n_perm=100, warn=False)
    assert _value(t, "jsd")["value"] == 1.0
    assert _value(t, "jsd")["p"] == 1.0
    assert np.isnan(_value(t, "introduced", "1")["p"])


def test_permutation_monte_carlo_plus_one():
    a = [[1, 0]] * 15
    b = [[0, 1]] * 15
    t = shift_from_sentences(a, [8] * 15, b, [8] * 15, n_boot=0, n_perm=199, seed=0,
                             warn=False)
    # only 2 of C(30, 15) relabellings separate the groups perfectly: p_exact = (1 + 0) /
    # (1 + 199); the randomised p puts the observed one at a uniform place among its ties
    # (itself only): u * 1 / 200
    assert _value(t, "jsd")["p_exact"] == pytest.approx(1 / 200)
    assert 0 < _value(t, "jsd")["p"] <= 1 / 200
    same = shift_from_sentences(a + b, [8] * 30, b + a, [8] * 30, n_boot=0, n_perm=199,
                                warn=False)
    assert _value(same, "jsd")["value"] == 0.0
    assert _value(same, "jsd")["p_exact"] == 1.0


def test_permutation_randomised_p_breaks_ties_uniformly():
    # 3 v 3 sentences: C(6, 3) = 20 relabellings, enumerated. A = (1, 0) three times, B =
    # (0, 1): the JSD (1 bit) is reached by the observed labelling and its mirror image only,
    # so p_exact = 2 / 20 = 0.1 (the floor: no exact p of this pair can be below .05), and
    # the randomised p = U * 2 / 20, uniform on (0, 0.1), mean 0.05 (the mid-p, Lancaster 1961)
    a, b = [[1, 0]] * 3, [[0, 1]] * 3
    ps = []
    for seed in range(400):
        t = shift_from_sentences(a, [10] * 3, b, [10] * 3, n_boot=0, n_perm=100, seed=seed,
                                 warn=False)
        j = _value(t, "jsd")
        assert j["p_exact"] == pytest.approx(0.1)
        assert 0 <= j["p"] <= 0.1
        ps.append(j["p"])
    # 400 uniform draws on (0, 0.1): mean 0.05, standard error 0.1 / sqrt(12 * 400) = 0.0014
    assert np.mean(ps) == pytest.approx(0.05, abs=0.006)
    # half of them below .05
    assert 0.42 < np.mean(np.array(ps) < 0.05) < 0.58
    # a relabelling whose statistic is undefined does not count. A = (1,0) (1,0) (0,0), B =
    # (0,1) (0,0) (0,0): two cat-0 sentences, one cat-1 sentence, three empty ones. Of the
    # C(6, 3) = 20 relabellings, 2 leave a group without a match (A = the three empty ones, or
    # B = them), so no JSD: 18 count. The observed JSD is 1 bit (disjoint), reached when A
    # holds both cat-0 sentences and one empty one (3 ways) or the cat-1 sentence and two
    # empty ones (3 ways): p_exact = 6 / 18 (it was 6 / 20 when undefined ones counted)
    t3 = shift_from_sentences([[1, 0], [1, 0], [0, 0]], [10] * 3, [[0, 1], [0, 0], [0, 0]],
                              [10] * 3, n_boot=0, n_perm=100, warn=False)
    assert _value(t3, "jsd")["value"] == pytest.approx(1.0)
    assert _value(t3, "jsd")["p_exact"] == pytest.approx(6 / 18)
    # the same seed gives the same p
    t2 = shift_from_sentences(a, [10] * 3, b, [10] * 3, n_boot=0, n_perm=100, seed=399,
                              warn=False)
    assert _value(t2, "jsd")["p"] == ps[-1]


def test_short_text_warning_and_flag():
    with pytest.warns(ShortTextWarning, match=r"4 and 3 matches in 2 and 2 sentences \(too short "
                                              r"below 3 sentences"):
        t = shift_from_sentences(A, TA, B, TB, categories=CATS, n_boot=10, n_perm=0)
    assert t["short_text"].all()
    long_a = [[2, 1, 1]] * 5
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        t = shift_from_sentences(long_a, [20] * 5, long_a, [20] * 5, n_boot=10, n_perm=0)
    assert not t["short_text"].any()


def test_shape_errors():
    with pytest.raises(ValueError, match="3 categories but counts_b has 2"):
        shift_from_sentences(A, TA, [[1, 0]], [3])
    with pytest.raises(ValueError, match="one value per sentence"):
        shift_from_sentences(A, [10], B, TB)


# ---------------------------------------------------------------- profiles

def test_frame_profiles_zeros_and_actor_totals():
    counts = pd.DataFrame({
        "statement_id": ["s1", "s1", "s2", "s2", "s3", "s3"],
        "actor": ["a", "a", "a", "a", "b", "b"],
        "category": ["peace", "war"] * 3,
        "count": [2, 0, 1, 1, 0, 0],
        "tokens": [100, 100, 50, 50, 40, 40]})
    p = frame_profiles(counts, by="actor")
    a = p[p["actor"] == "a"].set_index("category")
    assert a.loc["peace", "count"] == 3 and a.loc["war", "count"] == 1
    assert a.loc["peace", "tokens"] == 150
    assert a.loc["peace", "per_1000"] == pytest.approx(20.0)
    assert a.loc["peace", "share"] == 0.75
    assert a.loc["peace", "share_smoothed"] == pytest.approx(3.5 / 5)
    b = p[p["actor"] == "b"]
    assert len(b) == 2 and b["count"].tolist() == [0, 0]
    assert b["share"].isna().all() and b["share_smoothed"].tolist() == [0.5, 0.5]


# ---------------------------------------------------------------- corpus level

def _corpus():
    return from_frame(pd.DataFrame({
        "statement_id": ["az/1", "nk/1", "az/2"],
        "actor": ["az", "nk", "az"],
        "date": ["2023-03-27", "2023-03-28", "2023-03-30"],
        "text": ["We propose reintegration. Reintegration talks in Baku.",
                 "Coercion is not dialogue. We want an international format.",
                 "Reintegration remains the offer. No coercion."]}))


def _matches():
    return pd.DataFrame({
        "statement_id": ["az/1", "az/1", "nk/1", "nk/1", "az/2", "az/2"],
        "category": ["reintegration", "reintegration", "coercion", "format",
                     "reintegration", "coercion"],
        "sentence": [0, 1, 0, 1, 0, 1],
        "negated": [False, False, False, False, False, True]})


def test_sentence_counts_from_match_rows():
    sc = sentence_counts(_corpus(), _matches(), categories=CATS)
    counts, tokens = sc["az/1"]
    assert counts.tolist() == [[1, 0, 0], [1, 0, 0]]
    assert tokens.tolist() == [3, 4]
    no_neg = sentence_counts(_corpus(), _matches(), categories=CATS, include_negated=False)
    assert no_neg["az/2"][0].tolist() == [[1, 0, 0], [0, 0, 0]]


def test_shift_on_corpus_pairs_and_done_when_shape():
    c = _corpus()
    with pytest.warns(ShortTextWarning, match="2 of 2 pair"):
        t = shift(c, matches=_matches(), categories=CATS, n_boot=100, n_perm=100)
    assert list(dict.fromkeys(zip(t["from"], t["to"]))) == [("az/1", "nk/1"), ("nk/1", "az/2")]
    first = t[(t["from"] == "az/1") & (t["to"] == "nk/1")]
    assert _value(first, "dropped", "reintegration")["value"] == 1.0
    assert _value(first, "introduced", "coercion")["value"] == 1.0
    assert _value(first, "introduced", "format")["value"] == 1.0
    assert _value(first, "jsd")["value"] == 1.0
    # two sentences a statement: no interval, and the reason says so
    assert np.isnan(_value(first, "jsd")["ci_low"])
    assert "az/1 has 2 sentence(s)" in _value(first, "jsd")["ci_method"]


def test_pair_result_independent_of_other_pairs():
    c = _corpus()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ShortTextWarning)
        one = shift(c, matches=_matches(), categories=CATS, pairs=[("az/1", "az/2")],
                    n_boot=50, n_perm=50)
        everything = shift(c, matches=_matches(), categories=CATS, pairs="all", n_boot=50,
                           n_perm=50)
    same = everything[(everything["from"] == "az/1") & (everything["to"] == "az/2")]
    pd.testing.assert_frame_equal(one.reset_index(drop=True), same.reset_index(drop=True))


def test_make_pairs_and_unknown_ids():
    c = _corpus()
    assert make_pairs(c, within_actor=True) == [("az/1", "az/2")]
    assert len(make_pairs(c, pairs="all")) == 3
    with pytest.raises(OptionError, match=r"--from 'az/9' is not a statement id of the "
                                          r"corpus. Valid ids: az/1, nk/1, az/2"):
        make_pairs(c, pairs=[("az/9", "nk/1")])
    with pytest.raises(OptionError, match="--pairs 'next'"):
        make_pairs(c, pairs="next")


# ---------------------------------------------------------------- command line

def _cli_files(tmp_path):
    lex = tmp_path / "lex.yml"
    lex.write_text('reintegration: [reintegrat*]\ncoercion: [coerc*]\n'
                   'format: ["negotiation format"]\n', encoding="utf-8")
    corpus = tmp_path / "c.csv"
    corpus.write_text(
        "statement_id,actor,date,text\n"
        'az/1,az,2023-03-27,"We propose reintegration. Reintegration talks."\n'
        'nk/1,nk,2023-03-28,"Coercion again. We want the negotiation format."\n',
        encoding="utf-8")
    return str(corpus), str(lex)


def test_cli_shift_csv(tmp_path, capsys):
    from io import StringIO

    from frameshift.cli import main

    corpus, lex = _cli_files(tmp_path)
    status = main(["shift", "--corpus", corpus, "--lexicon", lex, "--from", "az/1", "--to",
                   "nk/1", "--n-boot", "50", "--seed", "1"])
    out = capsys.readouterr()
    assert status == 0
    assert "short_text=True" in out.err
    t = pd.read_csv(StringIO(out.out))
    assert list(t.columns) == ["from", "to", "measure", "category", "value", "ci_low",
                               "ci_high", "ci_method", "p", "p_exact", "p_adjusted",
                               "short_text"]
    row = lambda m, c: t[(t["measure"] == m) & (t["category"] == c)]["value"].item()  # noqa: E731
    assert row("dropped", "reintegration") == 1.0
    assert row("introduced", "coercion") == 1.0
    assert row("introduced", "format") == 1.0
    assert t[t["measure"] == "jsd"]["value"].item() == 1.0


def test_cli_shift_unknown_id_and_lonely_from(tmp_path, capsys):
    from frameshift.cli import main

    corpus, lex = _cli_files(tmp_path)
    assert main(["shift", "--corpus", corpus, "--lexicon", lex, "--from", "az/9", "--to",
                 "nk/1"]) == 2
    assert "--from 'az/9' is not a statement id of the corpus. Valid ids: az/1, nk/1" in (
        capsys.readouterr().err)
    assert main(["shift", "--corpus", corpus, "--lexicon", lex, "--from", "az/1"]) == 2
    assert "--from and --to go together" in capsys.readouterr().err


# ---------------------------------------------------------------- bundled corpus (done-when)

def test_bundled_karabakh_shift_baku_to_stepanakert():
    from frameshift.corpus.readers import read_corpus
    from frameshift.lexicon.formats import read_lexicon

    corpus, lex = read_corpus("karabakh_2023"), read_lexicon("karabakh_framing")
    a, b = "az_presidency/2023-03-27", "nk_authorities/2023-03-28"
    with pytest.warns(ShortTextWarning):
        t = shift(corpus, lex, pairs=[(a, b)], n_boot=500, n_perm=500)
    assert _value(t, "dropped", "reintegration")["value"] == 1.0
    assert _value(t, "introduced", "coercion")["value"] == 1.0
    assert _value(t, "introduced", "international_format")["value"] == 1.0
    j = _value(t, "jsd")
    # Baku's one sentence has only `reintegration` and `infrastructure` (its "instrastructure",
    # listed since karabakh_framing 0.2.0), which Stepanakert never uses: disjoint
    assert j["value"] == pytest.approx(1.0)
    # issue 13: the old percentile bootstrap gave a zero-width "95%" interval [1, 1] here;
    # a one-sentence statement supports no interval at all
    assert np.isnan(j["ci_low"]) and np.isnan(j["ci_high"])
    assert j["ci_method"].startswith("none: too short, az_presidency/2023-03-27 has 1 sent")
    iv = t[t["measure"].isin(["rate_diff", "log_ratio", "jsd_contribution", "cosine"])]
    assert iv["ci_low"].isna().all()
    # 1 + 7 sentences: 8 relabellings, enumerated. One of Stepanakert's sentences (the
    # second, one token) has no match, and a one-sentence A without a match has no JSD, so 7
    # relabellings count and the JSD's floor is 1/7; the rate difference of reintegration
    # (defined for every relabelling) is as extreme only for the observed one: 1/8. Below 3
    # sentences a side the reported p is the exact one (no tie-break).
    assert j["p"] == pytest.approx(1 / 7) and j["p_exact"] == pytest.approx(1 / 7)
    r = _value(t, "rate_diff", "reintegration")
    assert r["p"] == pytest.approx(1 / 8) and r["p_exact"] == pytest.approx(1 / 8)
    assert t["short_text"].all()


def test_short_text_warning_is_short_and_one_per_call():
    """Issue 18: the chain of the inaugural corpus gave a 590-character warning."""
    import warnings as _w

    from frameshift.corpus.readers import read_corpus
    from frameshift.lexicon.formats import read_lexicon
    from frameshift.measures.shifts import shift

    corpus = read_corpus("karabakh_2023")
    with _w.catch_warnings(record=True) as caught:
        _w.simplefilter("always")
        shift(corpus, read_lexicon("karabakh_framing"), pairs="all", n_boot=0, n_perm=0)
    short = [w for w in caught if issubclass(w.category, ShortTextWarning)]
    assert len(short) == 1
    msg = str(short[0].message)
    assert len(msg) <= 160 + len("az_presidency/2023-03-27 -> nk_authorities/2023-03-28"), msg
    # the Baku invitation and the reply are short; commonspace's report (177 tokens) is not
    assert msg.startswith("short texts in 2 of 3 pair(s) (az_presidency/2023-03-27 -> "
                          "nk_authorities/2023-03-28 and 1 more: < 3 sentences in a statement")
    assert "short_text=True" in msg
