"""When an unregistered phrase may give a quote's speaker a ``new:`` id (session 6, fourth pass
on issue 15; docs/news.md, "fourth pass"), on short articles written for these tests. Expected
speakers are what a reader of each sentence sees; ``None`` is nobody (a wrong speaker is worse
than none).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
from news_cases import TWO_PERSONS, quote_speakers  # noqa: E402

REG = TWO_PERSONS


def _speakers(text, actors=REG):
    return quote_speakers(text, actors)


@pytest.mark.parametrize("text, expected", [
    # a described title nobody in the article holds: no id made of the description ...
    ('T\n\n"Debate is essential," the head of the transatlantic military alliance told '
     'reporters.', [None]),
    ('T\n\nThe head of the transatlantic military alliance told reporters: "Debate is '
     'essential."', [None]),
    ('T\n\nIt is a proposal that the French leader himself has described as a "historic '
     'moment".', [None]),
    # ... but a title that is only a title keeps its own id, and a title the article gave a
    # person is that person (registered or not)
    ('T\n\n"Debate is essential," the prime minister said.', ["new:prime-minister"]),
    ('T\n\nNarnian Secretary-General Tom Vale spoke.\n\n"Debate is essential," the '
     'Secretary-General said.', ["new:tom-vale"]),
    ('T\n\nNarnian Foreign Minister Anna Ivers spoke.\n\n"Debate is essential," the Foreign '
     'Minister said.', ["ivers"]),
])
def test_a_described_title_gives_no_new_id(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "Turkey's position that questions ...": the possessor is not the speaker
    ('T\n\nTom Vale on Tuesday said Turkey’s position that questions the islands is '
     '“absurd,” making talks difficult.', ["new:tom-vale"]),
    ('T\n\nAnna Ivers on Tuesday said Turkey’s position that questions the islands is '
     '“absurd,” making talks difficult.', ["ivers"]),
    ('T\n\nTurkey’s position that questions the islands is “absurd,” it was said.', [None]),
    # a two-word name with a possessive after it is still a speaker ("Tom Vale's words")
    ('T\n\nTom Vale\'s words that the talks were "useful" angered Baku.', ["new:tom-vale"]),
])
def test_a_one_word_possessor_is_not_the_speaker(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a geographic name is nobody, so "he" does not take it ...
    ('T\n\nThe Iranian Persian Gulf islands were claimed.\n\n"These claims are ludicrous," '
     'he said.', [None]),
    # ... and takes the person named before it instead
    ('T\n\nAnna Ivers spoke.\n\nThe Iranian Persian Gulf islands were claimed.\n\n"These '
     'claims are ludicrous," she said.', ["ivers"]),
    # a wire dateline with a possessive inside is not a person
    ('T\n\n"We are ready," said Mevlut Cavusoglu, APA\'s Istanbul bureau reports.\n\nHe '
     'noted: "We will not stay silent."', ["new:mevlut-cavusoglu", "new:mevlut-cavusoglu"]),
    # an office's words alone ("of Presidential Affairs") are not a person's name
    ('T\n\n"We are ready," Presidential Affairs said.', [None]),
])
def test_places_datelines_and_office_words_are_not_names(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "as reported by the agency": the agency reports, it is not the main clause's speaker
    ('T\n\nThe decision, as reported by the state-run KCNA news agency, stated, "The two '
     'states are at war."', [None]),
    ('T\n\nAnna Ivers, as reported by the state-run KCNA news agency, stated, "The two '
     'states are at war."', ["ivers"]),
    # an agency that says something itself is still its speaker
    ('T\n\nThe state-run KCNA news agency stated, "The two states are at war."',
     ["new:state-run-kcna-news-agency"]),
])
def test_an_agency_that_reports_is_not_the_speaker(text, expected):
    assert _speakers(text) == expected
