"""Krippendorff's alpha and percent agreement against the worked examples of
Krippendorff, K. (2011), "Computing Krippendorff's Alpha-Reliability", Annenberg School for
Communication, University of Pennsylvania (sections A and C)."""

import math

import numpy as np
import pytest

from frameshift.errors import OptionError
from frameshift.measures.reliability import krippendorff_alpha, percent_agreement

N = None
# Section C: four observers, twelve units, nominal values 1-5 with missing data.
SECTION_C = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]


def test_section_a_binary_two_observers():
    # Section A: alpha = 0.095 (the paper's value, to three decimals).
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    assert krippendorff_alpha([a, b]) == pytest.approx(0.095, abs=5e-4)
    # By hand: 6 of 10 units agree.
    assert percent_agreement([a, b]) == pytest.approx(0.6)


@pytest.mark.parametrize("level, expected", [
    ("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797)])
def test_section_c_four_observers_missing_data(level, expected):
    assert krippendorff_alpha(SECTION_C, level=level) == pytest.approx(expected, abs=5e-4)


def test_section_c_with_nan_in_numpy_array_gives_same_value():
    arr = np.array([[np.nan if v is None else v for v in row] for row in SECTION_C])
    assert krippendorff_alpha(arr) == pytest.approx(0.743, abs=5e-4)


def test_perfect_agreement_is_one_and_labels_work():
    codes = ["frame", "other", "frame", "frame"]
    assert krippendorff_alpha([codes, list(codes)]) == 1.0
    assert percent_agreement([codes, list(codes)]) == 1.0


def test_no_variation_is_nan():
    assert math.isnan(krippendorff_alpha([[1, 1, 1], [1, 1, 1]]))


def test_systematic_disagreement_is_negative():
    # Two coders who always disagree on a binary code: by hand, o_01 = o_10 = 4, n = 8,
    # n_0 = n_1 = 4 -> alpha = 1 - 7 * 8 / 32 = -0.75.
    assert krippendorff_alpha([[0, 1, 0, 1], [1, 0, 1, 0]]) == pytest.approx(-0.75)


def test_bad_input_is_a_clear_error():
    with pytest.raises(OptionError, match="at least two coders"):
        krippendorff_alpha([[1, 2, 3]])
    with pytest.raises(OptionError, match="one code per unit"):
        krippendorff_alpha([[1, 2, 3], [1, 2]])
    with pytest.raises(OptionError, match="No unit was coded by two"):
        krippendorff_alpha([[1, N], [N, 2]])
    with pytest.raises(OptionError, match="level must be one of"):
        krippendorff_alpha(SECTION_C, level="cardinal")
    with pytest.raises(OptionError, match="needs numeric codes"):
        krippendorff_alpha([["a", "b"], ["a", "a"]], level="interval")


def _sheets():
    import pandas as pd
    a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    # category "x": the section A data (alpha 0.095); category "y": full agreement.
    units = list(range(14))
    cats = ["x"] * 10 + ["y"] * 4
    one = pd.DataFrame({"unit": units, "category": cats, "relevant": a + [1, 0, 1, 1]})
    two = pd.DataFrame({"unit": units, "category": cats, "relevant": b + [1, 0, 1, 1]})
    return {"ann": one, "ben": two}


def test_intercoder_reliability_per_category():
    from frameshift.measures.reliability import intercoder_reliability
    table = intercoder_reliability(_sheets(), n_boot=200, seed=3)
    assert table["category"].tolist() == ["x", "y"]
    assert table["units"].tolist() == [10, 4]
    assert table["agreement"].tolist() == pytest.approx([0.6, 1.0])
    assert table["alpha"].tolist() == pytest.approx([0.095, 1.0], abs=5e-4)
    x = table.iloc[0]
    assert x["alpha_low"] <= x["alpha"] <= x["alpha_high"]
    # "y": every resample of 4 perfectly agreeing units gives alpha 1 (or none): a zero-width
    # [1, 1] would claim certainty from 4 lines, so no interval is reported (issue 14)
    y = table.iloc[1]
    assert np.isnan(y["alpha_low"]) and np.isnan(y["alpha_high"])
    again = intercoder_reliability(_sheets(), n_boot=200, seed=3)
    assert again.equals(table)


def test_intercoder_reliability_errors_name_coder_and_unit():
    from frameshift.measures.reliability import intercoder_reliability
    s = _sheets()
    with pytest.raises(OptionError, match="two or more coder"):
        intercoder_reliability({"ann": s["ann"]})
    bad = dict(s)
    bad["ben"] = s["ben"].drop(columns=["relevant"])
    with pytest.raises(OptionError, match="Coder 'ben'.*'relevant'"):
        intercoder_reliability(bad)
    bad["ben"] = s["ben"].assign(category=["y"] + ["x"] * 9 + ["y"] * 4)
    with pytest.raises(OptionError, match="Coder 'ben': unit 0 has category 'y'"):
        intercoder_reliability(bad)
    bad["ben"] = s["ben"].assign(unit=[0] * 14)
    with pytest.raises(OptionError, match="unit 0 appears more than once"):
        intercoder_reliability(bad)
