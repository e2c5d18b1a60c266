"""Classroom: pairs code the same KWIC sample and check their alpha (issue 14)."""

import math

from frameshift.classroom import check_pair_alpha, pair_coding_sample

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", section A: 10 units,
# two observers; alpha = 0.095. They disagree on units 1, 3, 6 and 9 -> agreement 6/10.
A = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
B = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]


def test_pair_sample_is_shared_and_uncoded():
    s = pair_coding_sample(per_category=2, seed=5)
    assert s.equals(pair_coding_sample(per_category=2, seed=5))
    assert s["code"].isna().all() and s["kwic"].str.contains(r"\[\[").all()
    assert s.groupby("category").size().max() <= 2
    assert (s["definition"].str.len() > 20).all()


def test_right_answers_pass():
    v = check_pair_alpha(A, B, disagreements=4, agreement=0.6, alpha=0.095, show=False)
    assert [x.status for x in v] == ["correct"] * 3


def test_wrong_answers_get_a_hint_but_never_the_value():
    v = check_pair_alpha(A, B, disagreements=3, agreement=0.7, alpha=0.2, show=False)
    assert [x.status for x in v] == ["wrong"] * 3
    text = " ".join(x.message for x in v)
    for secret in ("0.095", "0.0952", "0.6", "4 "):
        assert secret not in text
    assert "coincidence matrix" in v[2].message


def test_unanswered_and_bad_codes():
    v = check_pair_alpha(A, B, show=False)
    assert [x.status for x in v] == ["unanswered"] * 3
    v = check_pair_alpha(A, B[:-1] + ["yes"], alpha=0.1, show=False)
    assert v[2].status == "wrong" and "line 10" in v[2].message and "write 1 or 0" in v[2].message
    v = check_pair_alpha(A, B[:5], alpha=0.1, show=False)
    assert "10 and 5 codes" in v[2].message


def test_no_variation_means_nan():
    v = check_pair_alpha([1, 1, 1], [1, 1, 1], disagreements=0, agreement=1.0,
                         alpha=math.nan, show=False)
    assert [x.status for x in v] == ["correct"] * 3


def test_prints_one_line_per_question(capsys):
    check_pair_alpha(A, B, disagreements=4, agreement=..., alpha=...)
    out = capsys.readouterr().out.splitlines()
    assert out[0] == "✓ pairs q1: correct." and out[1].startswith("… pairs q2: not answered yet")
