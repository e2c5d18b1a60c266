"""Attribution rules of session 6 taken from heldout4's errors (docs/news.md, "Attribution
rules of session 6"), on short articles written for these tests. Expected speakers are what a
reader of each sentence sees; ``new:`` ids are unregistered speakers, ``None`` nobody.
"""

from __future__ import annotations

import pandas as pd
import pytest

from frameshift.news.articles import segment_article

REG = pd.DataFrame({
    "id": ["mirzoyan", "ivers"],
    "name": ["Ararat Mirzoyan", "Anna Ivers"],
    "aliases": ["Mirzoyan", "Ivers"]})


def _speakers(text, actors=REG):
    q = segment_article(text, source="t-2024-05-12", actors=actors)
    q = q[q["role"] == "quote"]
    return [None if pd.isna(a) else a for a in q["actor"]]


# 1. "the Chief Minister": a title of two title words names the person given both, and a title
#    after a participle clause's comma is the subject, not an apposition of the word before it

@pytest.mark.parametrize("text, expected", [
    # unregistered chief minister, speaker before the quote
    ('T\n\nChief Minister Tom Vale met Foreign Minister Anna Ivers.\n\nSpeaking after talks on '
     'Brexit, the Chief Minister said the border would stay "open to all".', ["new:tom-vale"]),
    # after the quote
    ('T\n\nChief Minister Tom Vale met Foreign Minister Anna Ivers.\n\n"The border stays '
     'open," the Chief Minister said.', ["new:tom-vale"]),
    # registered chief minister, the other minister named last
    ('T\n\nChief Minister Anna Ivers met Foreign Minister Tom Vale.\n\nSpeaking after talks on '
     'Brexit, the Chief Minister said the border would stay "open to all".', ["ivers"]),
    ('T\n\nChief Minister Anna Ivers met Foreign Minister Tom Vale.\n\n"The border stays '
     'open," the Chief Minister said.', ["ivers"]),
    # "the Foreign Minister" is still the foreign minister
    ('T\n\nChief Minister Anna Ivers met Foreign Minister Tom Vale.\n\n"The border stays '
     'open," the Foreign Minister said.', ["new:tom-vale"]),
    # a closed apposition still describes the name before it
    ('T\n\nTom Vale, the Chief Minister, said: "We are ready."', ["new:tom-vale"]),
])
def test_chief_minister_and_unclosed_apposition(text, expected):
    assert _speakers(text) == expected


# 2. a registered name misspelt: one edit over the whole name, all words but one the same

@pytest.mark.parametrize("text, expected", [
    ('T\n\nSpokeswoman Anna Ivars said: "We are ready." "Not yet," she said.',
     ["ivers", "ivers"]),
    ('T\n\n"We are ready," said spokeswoman Anna Ivars.', ["ivers"]),
    # two edits away: another person, unregistered
    ('T\n\n"We are ready," said spokeswoman Anna Ivanova.', ["new:anna-ivanova"]),
    # one edit in each of two words: not read as the registered name
    ('T\n\n"We are ready," said Arorat Mirzoyen.', ["new:arorat-mirzoyen"]),
])
def test_misspelt_registered_name(text, expected):
    assert _speakers(text) == expected
