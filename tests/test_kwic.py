"""Tests of frameshift.matching.concordance: context windows, categories vs patterns, the HTML view."""

import pandas as pd
import pytest

from frameshift.corpus.readers import from_frame, read_corpus
from frameshift.errors import OptionError
from frameshift.matching.concordance import KWIC_COLUMNS, Kwic, kwic
from frameshift.matching.engine import find_matches


def corpus(*texts):
    return from_frame(pd.DataFrame({"statement_id": [f"s{i}" for i in range(len(texts))],
                                    "actor": [f"a{i}" for i in range(len(texts))],
                                    "text": list(texts)}))


def test_window_and_columns_hand_computed():
    c = corpus("one two three coercion four five six", "Coercion!")
    k = kwic(c, "coerc*", window=2)
    assert isinstance(k, Kwic) and isinstance(k, pd.DataFrame)
    assert tuple(k.columns) == KWIC_COLUMNS
    assert k[["left", "keyword", "right", "statement_id", "actor"]].values.tolist() == [
        ["two three", "coercion", "four five", "s0", "a0"],
        ["", "Coercion", "!", "s1", "a1"],
    ]
    assert kwic(c, "coercion", window=0)[["left", "right"]].values.tolist() == [["", ""],
                                                                                ["", ""]]


def test_contexts_collapse_every_kind_of_whitespace_and_stop_at_a_paragraph():
    # Hand-computed (issue 20: single-space contexts are cut by their bounds, the others are
    # squashed): a tab, a no-break space, two spaces, a line separator; the context of the
    # second "the" stops at the blank line before "Six".
    text = "One  two\tthree the four\u00a0five.\n\nSix the seven  eight\u2028nine ten."
    c = corpus(text, "a the b")
    want = [["two three", "the", "four five", "s0"],
            ["Six", "the", "seven eight", "s0"],
            ["a", "the", "b", "s1"]]
    k = kwic(c, "the", window=2)
    assert k[["left", "keyword", "right", "statement_id"]].values.tolist() == want
    m = find_matches(c, {"the": ["the"]})
    k = kwic(c, category="the", matches=m, window=2)
    assert k[["left", "keyword", "right", "statement_id"]].values.tolist() == want
    assert kwic(c, "the", window=3)[["left", "right"]].values.tolist()[1] == [
        "Six", "seven eight nine"]


def test_phrase_keyword_keeps_the_text_as_written():
    c = corpus("They rejected  ready\nmade solutions  today.")
    k = kwic(c, "ready-made solutions", window=1)
    assert k[["left", "keyword", "right"]].values.tolist() == [
        ["rejected", "ready\nmade solutions", "today."]]


def test_category_of_a_lexicon_uses_its_matches_and_offsets():
    c = read_corpus("karabakh_2023")
    k = kwic(c, category="coercion", lexicon="karabakh_framing", window=3)
    m = find_matches(c, "karabakh_framing")
    m = m[m["category"] == "coercion"]
    assert k["keyword"].tolist() == m["match"].tolist()
    assert k["char_start"].tolist() == m["char_start"].tolist()
    assert (k["category"] == "coercion").all()
    row = k[k["keyword"] == "coercion"].iloc[0]
    # context stops at the joint of two quoted fragments (a paragraph break)
    assert (row["left"], row["right"]) == ("political agenda through", "")


def test_a_string_that_is_not_a_category_is_a_pattern():
    c = read_corpus("karabakh_2023")
    k = kwic(c, "internationally established {0,2} format", lexicon="karabakh_framing")
    assert k[["keyword", "actor", "category"]].values.tolist() == [
        ["internationally established negotiation format", "nk_authorities",
         "internationally established {0,2} format"]]


def test_html_view_highlights_and_escapes():
    c = corpus("a <b> coercion & co")
    k = kwic(c, "coercion", window=2)
    html = k._repr_html_()
    assert "<mark><b>coercion</b></mark>" in html
    assert "a &lt;b&gt;" in html and "&amp; co" in html
    sub = k[k["actor"] == "a0"]
    assert isinstance(sub, Kwic) and "<mark>" in sub._repr_html_()
    plain = k[["statement_id"]]
    assert "<mark>" not in plain._repr_html_()


def test_negative_window_refused():
    with pytest.raises(OptionError, match="window must be a whole number, 0 or more"):
        kwic(corpus("x"), "x", window=-1)


def test_a_pattern_is_always_the_word_and_a_category_is_asked_for_by_name():
    """Issue 18: `kwic coercion` meant the word in Python and the category on the CLI."""
    c = read_corpus("karabakh_2023")
    word = kwic(c, "coercion", window=2)
    with pytest.warns(UserWarning, match=r"pass category='coercion'"):
        same = kwic(c, "coercion", lexicon="karabakh_framing", window=2)
    assert same["keyword"].tolist() == word["keyword"].tolist()
    # the seed article: "coercion" occurs once, in Stepanakert's reply
    assert word[["keyword", "statement_id"]].values.tolist() == [
        ["coercion", "nk_authorities/2023-03-28"]]
    cat = kwic(c, category="coercion", lexicon="karabakh_framing", window=2)
    # the category's patterns (impose, coercion, ready-made solution*, imposition) hit 4 times
    assert cat["keyword"].tolist() == ["impose", "coercion", "ready-made solutions",
                                       "imposition"]


def test_kwic_pattern_or_category_errors():
    c = read_corpus("karabakh_2023")
    with pytest.raises(OptionError, match="not both"):
        kwic(c, "coercion", category="coercion", lexicon="karabakh_framing")
    with pytest.raises(OptionError, match="not neither"):
        kwic(c)
    with pytest.raises(OptionError, match="needs the lexicon"):
        kwic(c, category="coercion")
    with pytest.raises(OptionError, match="not a category of the lexicon 'karabakh_framing'"):
        kwic(c, category="coerc", lexicon="karabakh_framing")
