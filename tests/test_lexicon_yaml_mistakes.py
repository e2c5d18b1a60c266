"""Lexicon YAML slips explained (issue 18): indentation, comma-joined patterns, misspelt keys."""

import pytest

from frameshift.errors import LexiconError
from frameshift.lexicon.formats import read_lexicon


def _write(tmp_path, name, text):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_over_indented_list_item_is_named_not_called_unmatchable(tmp_path):
    path = _write(tmp_path, "over.yml", "name: mine\ncategories:\n  - id: safety\n"
                  "    patterns:\n      - safe\n        - unsafe\n      - danger*\n")
    with pytest.raises(LexiconError) as err:
        read_lexicon(path)
    msg = str(err.value)
    assert f"{path}:6: category 'safety': the list item(s) ['unsafe'] after 'safe' are " \
           "indented deeper than the item above, so YAML joined them into one pattern " \
           "'safe - unsafe'" in msg
    assert "same column" in msg and "remove it" not in msg


@pytest.mark.parametrize("text, line", [
    ("economy: toll*, jobs\nsecurity:\n  - army\n", 1),                          # quanteda
    ("economy:\n  - toll*, jobs\n", 2),                                          # quanteda list
    ("name: m\ncategories:\n  - id: economy\n    patterns: toll*, jobs\n", 4),   # frameshift
])
def test_comma_joined_patterns_are_an_error_with_the_list_to_write(tmp_path, text, line):
    path = _write(tmp_path, "comma.yml", text)
    with pytest.raises(LexiconError) as err:   # before: a warning, and the category counted 0
        read_lexicon(path)
    msg = str(err.value)
    assert f"{path}:{line}: category 'economy': 'toll*, jobs' is one pattern in YAML, not 2" in msg
    assert "Write a list: [toll*, jobs]" in msg


def test_examples_may_contain_commas(tmp_path):
    path = _write(tmp_path, "ok.yml", "name: m\ncategories:\n  - id: economy\n"
                  "    patterns: [jobs]\n    examples:\n      positive:\n"
                  "        - We need jobs, not taxes.\n")
    assert [c.id for c in read_lexicon(path).categories] == ["economy"]


@pytest.mark.parametrize("text, key, meant, line", [
    ("name: m\ncategories:\n  - id: economy\n    lable: Economy\n    patterns: [jobs]\n",
     "lable", "label", 4),
    ("name: m\ncategories:\n  - id: economy\n    patterns: [jobs]\n    exlude: [job]\n",
     "exlude", "exclude", 5),
    ("nmae: m\ncategories:\n  - id: economy\n    patterns: [jobs]\n", "nmae", "name", 1),
])
def test_misspelt_keys_get_did_you_mean(tmp_path, text, key, meant, line):
    path = _write(tmp_path, "typo.yml", text)
    with pytest.raises(LexiconError,
                       match=rf"typo.yml:{line}: unknown (category|top-level) key '{key}' "
                             rf"\(did you mean '{meant}'\?\)"):
        read_lexicon(path)
