"""Attribution rules of session 8, second pass (docs/news.md, "Attribution rules of session
8, second pass"), taken from errors that recur in the development sets, on short articles
written for these tests. Expected speakers are what a reader of each sentence sees; ``new:``
ids are unregistered speakers, ``None`` nobody.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from news_cases import quote_speakers  # noqa: E402

REG = pd.DataFrame({
    "id": ["ivers", "mirzoyan", "baku", "narnia"],
    "name": ["Anna Ivers", "Ararat Mirzoyan", "Azerbaijan", "Narnia"],
    "aliases": ["Ivers", "Mirzoyan", "Baku", "Narnia"]})


def _speakers(text, actors=REG):
    return quote_speakers(text, actors)


# 1. A passive without its agent in a clause that an earlier speech verb reports ("X claimed
#    that ... could only be assured by the '...'"): the earlier verb's subject speaks

@pytest.mark.parametrize("text, expected", [
    # registered person; "by" before the quote names no agent
    (('T\n\nIvers claimed that the stability of the country could only be assured by the '
      '"eradication of terrorist groups" in the north.'), ["ivers"]),
    # registered body; a relative clause with the passive ("which was accused of")
    (('T\n\nThe talks failed in May.\n\nNarnia stated that the bloc, which was accused of "being '
      'under foreign influence", posed a threat.'), ["narnia"]),
    # unregistered person
    (('T\n\nThe talks failed in May.\n\nTom Vale claimed that peace could only be assured '
      'by "a new mediator" next year.'), ["new:tom-vale"]),
])
def test_passive_in_a_reported_clause(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # no earlier speech verb: the passive alone names nobody, as before
    (('T\n\nThe talks failed in May.\n\nThe bloc was accused of "being under foreign influence" '
      'for years.'), [None]),
    # an earlier verb without "that" between: no reported clause
    (('T\n\nThe talks failed in May.\n\nThe agreement Ivers announced in May was '
      'criticised as "a sell-out" in the press.'), [None]),
    # the passive has its agent: the agent speaks
    (('T\n\nThe talks failed in May.\n\nIvers said that the plan was called "a trap" by '
      'Mirzoyan.'), ["mirzoyan"]),
])
def test_passive_without_a_reporting_verb(text, expected):
    assert _speakers(text) == expected


# 2. A headline that opens with a registered actor and goes on with single-quoted words, no
#    verb between (at most a participle): that actor

@pytest.mark.parametrize("text, expected", [
    # registered body, the quote right after it
    (("Narnia 'not really concerned' by the ceasefire deal\n\nThe deal was signed in Luanda "
      "on Wednesday."), ["narnia"]),
    # after a tag in capitals and a participle
    (("INTERVIEW - Narnia expecting 'real ceasefire' at the summit\n\nThe summit opens on "
      "Friday."), ["narnia"]),
    # the article's own quote of the same words decides first (another speaker)
    (("Narnia 'determined' to pursue the talks\n\nThe talks resume in May.\n\nMirzoyan said "
      "Yerevan was \"determined\" to go on."), ["mirzoyan", "mirzoyan"]),
])
def test_headline_subject_speaks(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text", [
    # an unregistered name: no new: id from a headline's first words
    ("Tom Vale 'not really concerned' by the ceasefire deal\n\nThe deal was signed in Luanda "
     "on Wednesday."),
    # the actor is not the headline's first words
    ("Talks with Narnia 'not really' over, the deal\n\nThe deal was signed in Luanda on "
     "Wednesday."),
    # words between the actor and the quote that are no participle
    ("Narnia to host 'historic' summit\n\nThe summit opens on Friday."),
])
def test_headline_subject_not_taken(text):
    assert _speakers(text) != ["narnia"]
