"""Keyness stop-word option (issue 18): stop words leave the table, not the model."""

import pandas as pd
import pytest

from frameshift.cli import main
from frameshift.corpus.readers import from_frame
from frameshift.errors import OptionError
from frameshift.measures.key_terms import keyness, stop_word_set

FOX = "the quick brown fox jumps over the lazy pig"
DONKEY = "the lazy purple pig jumps over the lazier donkey"


def _toy():
    return from_frame(pd.DataFrame({"statement_id": ["s1", "s2"], "text": [FOX, DONKEY],
                                    "side": ["fox", "donkey"]}))


def test_default_leaves_english_stop_words_out_and_keeps_the_scores():
    every = keyness(_toy(), by="side", target="fox", reference="donkey", prior=0.05,
                    stop_words=None)
    default = keyness(_toy(), by="side", target="fox", reference="donkey", prior=0.05)
    # "the" and "over" are in scikit-learn's English list; the other 9 types are not
    assert set(every["term"]) - set(default["term"]) == {"the", "over"}
    assert len(default) == 9
    z = dict(zip(default["term"], default["score"]))
    # the published toy value of the fightin_words package (as in test_keyness.py):
    # leaving stop words out of the table does not change the other terms' scores
    assert z["fox"] == pytest.approx(0.6894227886807968, abs=1e-10)
    assert z["donkey"] == pytest.approx(-0.6894227886807968, abs=1e-10)
    assert (default["p_token_adjusted"] >= default["p_token"] - 1e-15).all()
    # one document a side: too short for a document-level p (issue 13), flagged in the table
    assert default["p"].isna().all() and default["short_text"].all()


def test_own_list_and_group_names():
    t = keyness(_toy(), by="side", target="fox", reference="donkey", stop_words=["Fox", "pig"])
    assert {"fox", "pig"}.isdisjoint(t["term"]) and "the" in set(t["term"])
    assert t.attrs == {"by": "side", "target": "fox", "reference": "donkey"}


def test_unknown_list_is_a_clear_error():
    with pytest.raises(OptionError, match="'english', None or a collection"):
        keyness(_toy(), by="side", target="fox", stop_words="german")
    assert stop_word_set(None) == frozenset()


def test_cli_stop_words_option(tmp_path, capsys):
    data = tmp_path / "toy.csv"
    pd.DataFrame({"statement_id": ["s1", "s2"], "text": [FOX, DONKEY],
                  "side": ["fox", "donkey"]}).to_csv(data, index=False)
    base = ["keyness", "--corpus", str(data), "--by", "side", "--target", "fox",
            "--reference", "donkey"]
    assert main(base) == 0
    assert "\nthe," not in capsys.readouterr().out
    assert main(base + ["--stop-words", "none"]) == 0
    assert "\nthe," in capsys.readouterr().out
    words = tmp_path / "stop.txt"
    words.write_text("# my list\nfox\n", encoding="utf-8")
    assert main(base + ["--stop-words", str(words)]) == 0
    out = capsys.readouterr().out
    assert "\nfox," not in out and "\nthe," in out
    assert main(base + ["--stop-words", "nosuch.txt"]) == 2
    assert "not 'english', 'none' or an existing file" in capsys.readouterr().err
