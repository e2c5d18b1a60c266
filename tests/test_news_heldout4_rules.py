"""Attribution rules of session 6 taken from heldout4's errors (docs/news.md, "Attribution
rules of session 6"), on short articles written for these tests. Expected speakers are what a
reader of each sentence sees; ``new:`` ids are unregistered speakers, ``None`` nobody.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from news_cases import TWO_PERSONS, quote_speakers  # noqa: E402

REG = TWO_PERSONS


def _speakers(text, actors=REG):
    return quote_speakers(text, actors)


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


# 3. a quote run over paragraphs, past a paragraph of the speech whose opening mark the writer
#    left out (first person, no double marks); a narration paragraph between ends the chain

@pytest.mark.parametrize("text, expected", [
    ('T\n\nAnna Ivers went on: "We are ready to talk.\n\nSo, I was clear that the talks must '
     'go on.\n\n"Nobody will move us.', ["ivers", "ivers"]),
    ('T\n\nTom Vale went on: "We are ready to talk.\n\nSo, I was clear that the talks must '
     'go on.\n\n"Nobody will move us.', ["new:tom-vale", "new:tom-vale"]),
    # narration in the third person between: the last quote stands alone, nobody's
    ('T\n\nAnna Ivers went on: "We are ready to talk.\n\nThe talks collapsed in May.\n\n'
     '"Nobody will move us.', ["ivers", None]),
    # an unattributed opening quote: nothing to continue
    ('T\n\n"We are ready to talk.\n\nSo, I was clear that the talks must go on.\n\n'
     '"Nobody will move us.', [None, None]),
])
def test_continuation_past_a_paragraph_without_marks(text, expected):
    assert _speakers(text) == expected


# 4. "the Sovereignty of Gibraltar" is no person a pronoun can stand for

@pytest.mark.parametrize("text, expected", [
    ('T\n\n"We are ready," Anna Ivers said. The Sovereignty of Gibraltar will not be raised, '
     'the motion says.\n\nShe went on: "Nobody will move us."', ["ivers", "ivers"]),
    ('T\n\n"We are ready," Tom Vale said. The Sovereignty of Gibraltar will not be raised, '
     'the motion says.\n\nHe went on: "Nobody will move us."', ["new:tom-vale", "new:tom-vale"]),
])
def test_a_name_joined_by_of_is_no_person(text, expected):
    assert _speakers(text) == expected


def test_a_term_nested_in_a_speech_quote_is_not_taken_as_speech(tmp_path):
    """The scorer: 'no way, Jose' inside Ivers's quote is part of her speech, no term taken as
    speech (heldout4's gibraltarpanorama report); "pseudo-referendum" quoted alone and given a
    speaker is one. The automatic quotes are written by hand here, so only the scorer is
    tested: 1 of the 2 terms taken as speech."""
    from frameshift.news.evaluate import evaluate_quotes, read_gold_quotes

    text = ("T\n\n\"I told him the answer was 'no way, Jose',\" Anna Ivers said.\n\n"
            "Anna Ivers called it a \"pseudo-referendum\".")
    speech = "I told him the answer was 'no way, Jose',"
    a, b = text.index(speech), text.index("pseudo-referendum")
    seg = pd.DataFrame({"source": ["t", "t"], "role": ["quote", "quote"],
                        "start": [a, b], "end": [a + len(speech), b + 17],
                        "actor": ["ivers", "ivers"]})
    gold_csv = tmp_path / "gold.csv"
    gold_csv.write_text("source,quote,speaker,kind,pattern\n"
                        "t,\"I told him the answer was 'no way, Jose',\",ivers,speech,after\n"
                        "t,\"no way, Jose\",,term,nested\n"
                        "t,pseudo-referendum,,term,scare\n", encoding="utf-8")
    gold = read_gold_quotes(gold_csv, {"t": text})
    ev = evaluate_quotes(seg, gold, texts={"t": text}).set_index(["scope", "metric"])
    row = ev.loc[("attribution", "terms_as_speech")]
    assert (row["numerator"], row["denominator"]) == (1, 2)


# 5. "the Sinn Féin leader said": a registered body's name as the modifier of a title is a
#    person of that body -- the one given that title with the body's name, not another body's
#    leader named since; nobody so named: the body

PARTIES = pd.concat([REG, pd.DataFrame({
    "id": ["green", "blue"], "name": ["Green Front", "Blue League"],
    "aliases": ["Green Front", "Blue League"]})], ignore_index=True)
_MET = "T\n\nGreen Front leader Anna Ivers met Blue League leader Tom Vale.\n\n"


@pytest.mark.parametrize("text, expected", [
    (_MET + '"We are ready," the Green Front leader said.', ["ivers"]),
    (_MET + 'The Green Front leader said: "We are ready."', ["ivers"]),
    (_MET + '"We are ready," the Blue League leader said.', ["new:tom-vale"]),
    # a party's president is its leader
    (_MET + '"We are ready," the Green Front president said.', ["ivers"]),
    # nobody of that title and body named: the body
    ('T\n\nTom Vale met Anna Ivers.\n\n"We are ready," the Green Front leader said.',
     ["green"]),
    # the body itself
    (_MET + '"We are ready," the Green Front said.', ["green"]),
])
def test_a_title_of_a_registered_body(text, expected):
    assert _speakers(text, PARTIES) == expected


# 6. a name and a long apposition between the quote and its verb

@pytest.mark.parametrize("text, expected", [
    ('T\n\n"The conditions are not right for talks," Anna Ivers, Special Envoy of the '
     'Secretary-General for the Horn of Africa and the Great Lakes, told ambassadors.',
     ["ivers"]),
    ('T\n\n"The conditions are not right for talks," Tom Vale, a senior leader of the ruling '
     'party of the southern republic, said in a statement.', ["new:tom-vale"]),
    # the same before the quote
    ('T\n\nAnna Ivers, Special Envoy of the Secretary-General for the Horn of Africa, told '
     'ambassadors: "The conditions are not right for talks."', ["ivers"]),
    # a quoted word in reported speech is no quote of the speaker named after it
    ('T\n\nThe party keeps seeking "independence," Anna Ivers, Special Envoy of the '
     'Secretary-General for the Horn of Africa and the Great Lakes, told ambassadors.', [None]),
])
def test_a_long_apposition_after_the_quote(text, expected):
    assert _speakers(text) == expected


# 7. a person's possessive before an -ing speech verb with an object: the person speaks

@pytest.mark.parametrize("text, expected", [
    ('T\n\nMirzoyan answered Anna Ivers\'s labeling the talks a "dead end" and vowing to '
     'defend the "red lines".', ["ivers", "ivers"]),
    ('T\n\nMirzoyan answered Tom Vale\'s labeling the talks a "dead end".', ["new:tom-vale"]),
])
def test_a_possessive_before_a_speech_gerund(text, expected):
    assert _speakers(text) == expected
