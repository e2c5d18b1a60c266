"""Tests for frameshift.measures.validation: Wilson intervals against published values, sampling, precision."""

import pandas as pd
import pytest

from frameshift.errors import OptionError
from frameshift.measures.validation import coding_sample, precision, wilson_interval


# Newcombe (1998), Statistics in Medicine 17:857-872, Table I, method 3 (Wilson score), 95%.
@pytest.mark.parametrize("k, n, low, high", [
    (81, 263, 0.2553, 0.3662),
    (15, 148, 0.0624, 0.1605),
    (0, 20, 0.0, 0.1611),
    (1, 29, 0.0061, 0.1718),
    (29, 29, 0.8830, 1.0),
])
def test_wilson_matches_newcombe_1998(k, n, low, high):
    got = wilson_interval(k, n)
    assert got == pytest.approx((low, high), abs=5e-5)


def test_wilson_8_of_10_and_level():
    # p=.8, z=1.959964: centre (0.8+0.19207)/1.38415, half 1.959964*0.16/1.38415 (by hand)
    assert wilson_interval(8, 10) == pytest.approx((0.4902, 0.9433), abs=5e-5)
    lo90, hi90 = wilson_interval(8, 10, level=0.90)
    assert 0.4902 < lo90 < hi90 < 0.9433


@pytest.mark.parametrize("k, n, match", [(1, 0, "positive"), (5, 4, "between 0 and n"),
                                         (-1, 4, "between 0 and n")])
def test_wilson_rejects_bad_counts(k, n, match):
    with pytest.raises(OptionError, match=match):
        wilson_interval(k, n)


def test_wilson_rejects_bad_level():
    with pytest.raises(OptionError, match="level"):
        wilson_interval(1, 2, level=95)


def test_coding_sample_is_seeded_per_group_and_input_untouched():
    t = pd.DataFrame({"category": ["a"] * 6 + ["b"] * 2, "keyword": list("uvwxyzpq")})
    before = t.copy()
    s1 = coding_sample(t, per_group=3, seed=7)
    s2 = coding_sample(t, per_group=3, seed=7)
    pd.testing.assert_frame_equal(s1, s2)
    assert s1["category"].tolist() == ["a"] * 3 + ["b"] * 2
    assert set(s1["keyword"][:3]) <= set("uvwxyz")
    assert s1["relevant"].isna().all() and str(s1["relevant"].dtype) == "boolean"
    pd.testing.assert_frame_equal(t, before)


def test_coding_sample_unknown_column():
    with pytest.raises(OptionError, match="no column 'cat'"):
        coding_sample(pd.DataFrame({"category": ["a"]}), by="cat")


def test_precision_table():
    coded = pd.DataFrame({"category": ["a"] * 10 + ["b"] * 2,
                          "relevant": [True] * 8 + [False] * 2 + [False, False]})
    got = precision(coded)
    assert got["category"].tolist() == ["a", "b"]
    assert got["n"].tolist() == [10, 2] and got["relevant"].tolist() == [8, 0]
    assert got["precision"].tolist() == [0.8, 0.0]
    assert got.loc[0, ["ci_low", "ci_high"]].tolist() == pytest.approx([0.4902, 0.9433], abs=5e-5)
    overall = precision(coded, by=None)
    assert list(overall.columns) == ["n", "relevant", "precision", "ci_low", "ci_high"]
    assert overall["n"].iloc[0] == 12 and overall["relevant"].iloc[0] == 8


def test_precision_requires_every_row_coded():
    s = coding_sample(pd.DataFrame({"category": ["a", "a"]}))
    with pytest.raises(OptionError, match=r"2 row\(s\) are not coded yet"):
        precision(s)
    with pytest.raises(OptionError, match="True or False"):
        precision(pd.DataFrame({"category": ["a"], "relevant": ["yes"]}))


def test_precision_recall_by_hand():
    import pandas as pd
    from frameshift.measures.validation import precision_recall
    # Category a: tp=8, fp=2, fn=0; category b: tp=1, fp=0, fn=3 (counted by hand).
    coded = pd.DataFrame({
        "category": ["a"] * 10 + ["b"] * 4,
        "matched": [True] * 10 + [True, False, False, False],
        "relevant": [True] * 8 + [False] * 2 + [True] * 4})
    t = precision_recall(coded)
    a, b = t.iloc[0], t.iloc[1]
    assert (a.tp, a.fp, a.fn) == (8, 2, 0) and (b.tp, b.fp, b.fn) == (1, 0, 3)
    assert a.precision == 0.8 and a.recall == 1.0
    # Wilson 8/10 by hand (z=1.96): centre 0.7167, half-width 0.2266 -> 0.4902..0.9433
    assert round(a.precision_low, 4) == 0.4902 and round(a.precision_high, 4) == 0.9433
    assert a.f1 == pytest.approx(2 * 0.8 / 1.8)
    assert b.precision == 1.0 and b.recall == 0.25
    assert b.f1 == pytest.approx(0.4)


def test_precision_recall_bad_code_names_row():
    import pandas as pd
    from frameshift.errors import OptionError
    from frameshift.measures.validation import precision_recall
    coded = pd.DataFrame({"category": ["a", "a"], "matched": [True, True],
                          "relevant": [True, "yes"]})
    with pytest.raises(OptionError, match="Row 1: column 'relevant'"):
        precision_recall(coded)
