"""The stages agree (issue 12): one MatchSettings value travels from matching to every
downstream table, so for any settings the counts of ``count_matches`` equal the sums behind
``shift``, ``kwic``, ``check_lexicon``, the keyness expansion candidates and every figure CSV.

Each of the first tests failed on 0.1: ``check_lexicon(..., case_sensitive=True)`` ignored the
option when matching, ``shift`` always matched with default settings and returned the
categories present in the matches in alphabetical order, and ``share`` was 0.0 in
``count_matches`` but NaN in ``frame_profiles`` for a statement without matches.
"""

import io
import random

import numpy as np
import pandas as pd
import pytest

import frameshift as fs
from frameshift.cli import main
from frameshift.errors import OptionError


def corpus(*texts, actors=None):
    return fs.from_frame(pd.DataFrame({
        "statement_id": [f"s{i}" for i in range(len(texts))],
        "actor": actors or [f"a{i}" for i in range(len(texts))],
        "date": [f"2023-03-{10 + i:02d}" for i in range(len(texts))],
        "text": list(texts)}))


def test_check_lexicon_matches_as_the_counts_do_when_case_sensitive():
    # "NKR" (as written) occurs once; with case_sensitive the pattern "NKR" matches it, and
    # the lowercase pattern "nkr" matches nothing -- by hand from the text.
    c = corpus("The NKR authorities replied. Nkr is a typo.")
    lex = {"status": ["NKR"], "lower": ["nkr"]}
    counts = fs.count_matches(c, lex, case_sensitive=True)
    assert counts.set_index("category")["count"].to_dict() == {"status": 1, "lower": 0}
    report = fs.check_lexicon(c, lex, case_sensitive=True)
    assert report.unmatched["category"].tolist() == ["lower"]


def test_shift_uses_every_lexicon_category_in_lexicon_order():
    c = fs.read_corpus("karabakh_2023")
    t = fs.shift(c, "karabakh_framing", pairs=[("az_presidency/2023-03-27",
                                                "nk_authorities/2023-03-28")],
                 n_boot=10, n_perm=10, seed=0)
    cats = list(dict.fromkeys(t.loc[t["measure"] == "rate_diff", "category"]))
    # The 13 categories of analysis/frameshift/data/lexicons/karabakh_framing.yml (0.2.0), in
    # the order the file lists them.
    assert cats == ["reintegration", "coercion", "international_format", "sovereignty",
                    "infrastructure", "mediation", "humanitarian", "guarantees",
                    "deescalation", "obligations", "naming_armenian", "naming_azerbaijani",
                    "naming_neutral"]


def test_shift_takes_the_matching_settings():
    # "Ready-made solutions" inside "no ready-made solutions": with nested_scope="dictionary"
    # the one-word match "solutions" of the second category lies inside the longer match and
    # is dropped; with "key" both count. Sentence counts by hand: 1 and 2 matches.
    c = corpus("We want no ready-made solutions.", "We want no ready-made solutions.")
    lex = {"imposition": ["ready-made solutions"], "solution": ["solutions"]}
    for scope, want in (("key", 1.0), ("dictionary", 0.0)):
        s = fs.MatchSettings(nested_scope=scope)
        m = fs.find_matches(c, lex, settings=s)
        assert m.attrs["settings"] == s
        t = fs.shift(c, lex, pairs=[("s0", "s1")], settings=s, n_boot=0, n_perm=0)
        assert int((m["category"] == "solution").sum()) == 2 * want
        # the same matches given precomputed give the same table
        t2 = fs.shift(c, lex, pairs=[("s0", "s1")], matches=m, n_boot=0, n_perm=0)
        pd.testing.assert_frame_equal(t, t2)


def test_an_option_that_would_be_ignored_is_an_error():
    c = corpus("No coercion.")
    m = fs.find_matches(c, {"co": ["coercion"]})
    with pytest.raises(OptionError, match="would be ignored"):
        fs.count_matches(c, {"co": ["coercion"]}, matches=m, case_sensitive=True)
    with pytest.raises(OptionError, match="would be ignored"):
        fs.shift(c, matches=m, pairs=[], settings=fs.MatchSettings(negation_window=0))


def test_one_rule_for_rates():
    # s1 has no match: its share is 0/0, undefined (NaN) in every table; per_1000 is 0/3*1000.
    c = corpus("Reintegration now, please.", "Talks are welcome.")
    lex = {"reint": ["reintegration"], "talks": ["talks"]}
    counts = fs.count_matches(c, {"reint": ["reintegration"]}, by="statement_id")
    prof = fs.frame_profiles(counts, by="statement_id")
    for t in (counts, prof):
        row = t[t["statement_id"] == "s1"].iloc[0]
        assert row["per_1000"] == 0.0 and np.isnan(row["share"])
    assert fs.count_matches(c, lex, by="statement_id")["share"].tolist() == [1.0, 0.0, 0.0, 1.0]


def test_cli_shift_takes_matching_options(capsys):
    args = ["shift", "--from", "az_presidency/2023-03-27", "--to",
            "nk_authorities/2023-03-28", "--n-boot", "0", "--n-perm", "0"]
    assert main(args) == 0
    default = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert main(args + ["--nested-scope", "dictionary", "--case-sensitive"]) == 0
    other = pd.read_csv(io.StringIO(capsys.readouterr().out))
    assert list(default.columns) == list(other.columns)


def _random_settings(rng):
    return fs.MatchSettings(case_sensitive=rng.random() < 0.5,
                            nested_scope=rng.choice(["key", "dictionary"]),
                            cross_sentences=rng.random() < 0.5,
                            negation_window=rng.choice([0, 1, 3, 6]))


@pytest.mark.slow
@pytest.mark.parametrize("seed", range(6))
def test_for_random_settings_every_stage_sums_to_the_counts(seed):
    rng = random.Random(seed)
    c = fs.read_corpus("karabakh_2023")
    lex = fs.read_lexicon("karabakh_framing")
    s = _random_settings(rng)
    counts = fs.count_matches(c, lex, by="statement_id", settings=s)
    per_stmt = counts.pivot(index="statement_id", columns="category", values="count")
    matches = fs.find_matches(c, lex, settings=s)
    # count_matches from the precomputed matches is the same table
    pd.testing.assert_frame_equal(
        fs.count_matches(c, lex, by="statement_id", matches=matches), counts,
        check_like=False)
    # kwic: one line per counted match, per category
    for cat in lex.category_ids:
        k = fs.kwic(c, category=cat, lexicon=lex, settings=s)
        assert len(k) == int(counts.loc[counts["category"] == cat, "count"].sum()), cat
    # shift: the sentence counts behind it sum to the statement counts
    per = fs.sentence_counts(c, matches)
    for sid, (cnt, _tok) in per.items():
        assert cnt.sum(axis=0).tolist() == per_stmt.loc[sid, lex.category_ids].tolist()
    t = fs.shift(c, lex, pairs="all", settings=s, n_boot=0, n_perm=0)
    assert list(dict.fromkeys(t.loc[t["measure"] == "rate_diff", "category"])) == \
        [str(x) for x in lex.category_ids]
    # check_lexicon: a category is reported unmatched exactly when it has no count
    rep = fs.check_lexicon(c, lex, settings=s)
    zero = counts.groupby("category", sort=False)["count"].sum()
    assert sorted(rep.unmatched["category"]) == sorted(zero[zero == 0].index)
    # expansion candidates: no candidate is a word of any counted match
    cand = fs.expansion_candidates(c, lex, by="actor", target="nk_authorities", settings=s,
                                   top=50, min_count=1)
    matched_words = {w.casefold() for m in matches["match"] for w in m.split()}
    assert not set(cand["term"]) & matched_words


def test_every_figure_csv_sums_to_the_counts():
    c = fs.read_corpus("karabakh_2023")
    lex = fs.read_lexicon("karabakh_framing")
    by_actor = fs.count_matches(c, lex, by="actor")
    by_stmt = fs.count_matches(c, lex, by="statement_id")
    for fid in ("karabakh_profile", "karabakh_heatmap"):
        table = fs.figure_data(fid).table
        pd.testing.assert_series_equal(table["count"].reset_index(drop=True),
                                       by_actor["count"], check_names=False)
    shift_tab = fs.figure_data("karabakh_shift").table
    assert set(shift_tab["category"]) <= set(lex.category_ids)
    disp = fs.figure_data("karabakh_dispersion").table
    assert len(disp) > 0
    assert int(by_stmt["count"].sum()) == len(fs.find_matches(c, lex))
