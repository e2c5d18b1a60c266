"""Tests for frameshift.classroom: right, wrong and unanswered answers, hints that never reveal."""

import re

import numpy as np
import pandas as pd
import pytest

from frameshift.classroom import (EXERCISES, NOT_ANSWERED, add_category, answer_digest, check, grade, normalise_answer, questions, remove_headline)
from frameshift.corpus.readers import read_corpus
from frameshift.errors import LexiconError, OptionError
from frameshift.lexicon.formats import lexicon_from_dict
from frameshift.lexicon.formats import read_lexicon
from frameshift.matching.engine import count_matches


@pytest.fixture(scope="module")
def karabakh():
    return read_corpus("karabakh_2023")


def _outlet_reintegration(corpus):
    c = count_matches(corpus, "karabakh_framing", by="actor")
    return c[(c["actor"] == "commonspace") & (c["category"] == "reintegration")].iloc[0]


def test_unanswered_prints_the_state_the_notebook_test_expects(capsys):
    check("ex2", "q1", ...)
    out = capsys.readouterr().out
    assert out.startswith(f"… ex2 q1: {NOT_ANSWERED}.")
    assert grade("ex2", "q1", None).status == "unanswered"
    assert grade("ex2", "q1", "  ").status == "unanswered"


def test_computed_number_right_and_wrong_without_revealing(karabakh, capsys):
    row = _outlet_reintegration(karabakh)
    expected = int(row["count"])
    assert grade("ex2", "q1", expected).correct
    check("ex2", "q1", expected + 1)
    out = capsys.readouterr().out
    assert out.startswith("✗ ex2 q1: not right yet.")
    assert not re.search(rf"\b{expected}\b", out)
    # share: tolerance 0.005, and a percentage is wrong
    share = float(row["share"])
    assert grade("ex2", "q2", round(share, 3)).correct
    assert not grade("ex2", "q2", share * 100).correct
    assert not grade("ex2", "q2", "a lot").correct
    assert "Expected a number" in grade("ex2", "q2", "a lot").message


def test_headline_removal_is_what_q3_counts(karabakh):
    removed = remove_headline(karabakh, "commonspace/2023-03-28")
    st = removed.statements.set_index("statement_id")
    title = karabakh.statements.set_index("statement_id").loc["commonspace/2023-03-28", "title"]
    assert title not in st.loc["commonspace/2023-03-28", "text"]
    assert len(removed) == len(karabakh)
    n = int(_outlet_reintegration(removed)["count"])
    assert grade("ex2", "q3", n).correct and not grade("ex2", "q3", n + 1).correct
    with pytest.raises(OptionError, match="no title"):
        remove_headline(removed, "commonspace/2023-03-28")  # already removed


def test_hashed_choice_accepts_variants_and_stores_no_plain_answer():
    assert grade("ex2", "q4", "az_presidency").correct
    assert grade("ex2", "q4", "  Baku. ").correct
    assert not grade("ex2", "q4", "nk_authorities").correct
    assert grade("ex3", "q5", "A").correct and not grade("ex3", "q5", "b").correct
    digests = EXERCISES["ex2"]["q4"].digests
    assert all(re.fullmatch(r"[0-9a-f]{64}", d) for d in digests)
    assert answer_digest("ex2", "q4", "az_presidency") in digests


def test_set_answers_order_and_format_free():
    counts = count_matches(read_corpus("karabakh_2023"), "karabakh_framing", by="actor")
    total = counts.groupby("category")["count"].sum()
    empty = list(total[total == 0].index)
    assert empty  # the bundled corpus leaves some categories unmatched
    assert grade("ex1", "q1", list(reversed(empty))).correct
    assert grade("ex1", "q1", ", ".join(e.upper() for e in empty)).correct
    assert not grade("ex1", "q1", empty[:-1] + ["coercion"]).correct


def test_presidents_questions():
    inaugural = read_corpus("inaugural")
    freedom = lexicon_from_dict({"freedom": ["freedom*", "free", "liberty", "liberties"]})
    c = count_matches(inaugural, freedom, by="actor").set_index("actor")
    assert grade("ex3", "q1", int(c.loc["George W. Bush", "count"])).correct
    assert grade("ex3", "q2", round(float(c.loc["Barack Obama", "per_1000"]), 1)).correct
    top = c.loc[["George W. Bush", "Barack Obama"], "per_1000"].idxmax()
    other = "Barack Obama" if top == "George W. Bush" else "George W. Bush"
    assert grade("ex3", "q3", top).correct and grade("ex3", "q3", top.split()[-1]).correct
    assert not grade("ex3", "q3", other).correct
    assert grade("ex3", "q6", "yes").correct != grade("ex3", "q6", "no").correct


def test_new_category_validation_lists_every_unmet_criterion():
    thin = add_category("karabakh_framing", "x", ["zebra"])
    v = grade("ex1", "q2", thin)
    assert v.status == "wrong"
    assert "at least 15 words" in v.message and "at least two patterns" in v.message
    assert "matches nothing" in v.message
    dup = add_category("karabakh_framing", "y", ["talks", "meeting in baku"],
                       definition=" ".join(["word"] * 15))
    assert "repeats patterns of other categories: talks" in grade("ex1", "q2", dup).message
    assert "expected a Lexicon" in grade("ex1", "q2", {"a": ["b"]}).message


def test_defence_needs_quote_and_actor():
    lex = add_category("karabakh_framing", "venue", ["meeting in baku", "in khojaly"],
                       definition="The statement names where talks should take place, which "
                                  "signals on whose ground and terms the talks are held.")
    assert grade("ex1", "q2", lex).correct
    filler = " ".join(["because"] * 40)
    v = grade("ex1", "q3", filler, lexicon=lex)
    assert "quote at least one word" in v.message and "name an actor" in v.message
    good = filler + " the az_presidency proposes a meeting in Baku"
    assert grade("ex1", "q3", good, lexicon=lex).correct
    assert "pass your lexicon" in grade("ex1", "q3", good).message


def test_add_category_copies_and_validates():
    base = read_lexicon("karabakh_framing")
    new = add_category(base, "venue", ["in khojaly", "meeting in baku"], label="Venue")
    assert new.category_ids == base.category_ids + ["venue"]
    assert "venue" not in base
    with pytest.raises(OptionError, match="already has a category 'coercion'"):
        add_category(base, "coercion", ["x"])
    with pytest.raises(LexiconError, match="dangerous"):
        add_category(base, "risky", ["re:(a+)+"])


def test_normalise_and_unknown_question():
    assert normalise_answer(" 'Further.' ") == "further"
    assert normalise_answer(pd.Index(["b", "A"])) == "a,b"
    with pytest.raises(OptionError, match="No question 'ex9'"):
        grade("ex9", "q1", 1)
    q = questions("ex3")
    assert q["question"].tolist() == sorted(EXERCISES["ex3"]) and (q["prompt"].str.len() > 20).all()


def test_sentences_exercise_checks_without_revealing():
    """Issue 13: the harness exercise (why one sentence supports no interval)."""
    from frameshift.classroom import simulate_shift

    # 1 + 7 sentences: C(8, 1) = 8 relabellings, so the smallest permutation p is 1/8, and a
    # one-sentence statement gets no interval (fewer than 3 sentences: matching/shortness.py)
    t = simulate_shift(1, 7, reps=5)
    assert t["interval_reported"].iloc[0] == 0.0 and np.isnan(t["interval_covers"].iloc[0])
    assert t["smallest_p"].iloc[0] == pytest.approx(1 / 8)
    assert grade("ex_sentences", "q1", 0).correct and not grade("ex_sentences", "q1", 1).correct
    assert grade("ex_sentences", "q2", 3).correct and not grade("ex_sentences", "q2", 1).correct
    assert grade("ex_sentences", "q4", "b").correct and not grade("ex_sentences", "q4", "a").correct
    wrong = grade("ex_sentences", "q2", 5)
    assert "3" not in wrong.message  # the hint never gives the number
    assert grade("ex_sentences", "q3", ...).status == "unanswered"
