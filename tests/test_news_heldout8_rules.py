"""Attribution rules of session 8, taken from the errors of the development sets heldout7 and
heldout8 (docs/news.md, "session 8"), on short articles written for these tests. Expected
speakers are what a reader of each sentence sees; ``new:`` ids are unregistered speakers,
``None`` nobody.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd
import pytest

sys.path.insert(0, str(Path(__file__).parent))
from news_cases import quote_speakers  # noqa: E402

REG = pd.DataFrame({
    "id": ["ivers", "mirzoyan", "baku"],
    "name": ["Anna Ivers", "Ararat Mirzoyan", "Azerbaijan"],
    "aliases": ["Ivers", "Mirzoyan", "Baku"]})


def _speakers(text, actors=REG):
    return quote_speakers(text, actors)


# 1. A definite title that nobody named before holds is the person named next as a speaker
#    (the lead gives the role, the next sentence the name)

@pytest.mark.parametrize("text, expected", [
    # registered, the title's quote before its verb
    (('T\n\nA new offensive will lead to a "humanitarian crisis," the commander of the Narnian '
     'Democratic Forces said on Thursday.\n\nAnna Ivers said in a tweet that they were '
     'concerned.'), ["ivers"]),
    # registered, the quote after the verb
    (('T\n\nThe commander of the Narnian Democratic Forces said on Thursday that a new offensive '
     'would cause "a humanitarian crisis of a new scale".\n\nAnna Ivers said in a tweet that '
     'they were concerned.'), ["ivers"]),
    # unregistered, named after the verb in the next paragraph ('"...," said X')
    (('T\n\nThe commander of the Narnian Democratic Forces said a new offensive would cause "a '
     'humanitarian crisis of a new scale".\n\n"We will defend our families," said Tom Vale in '
     'a televised address.'), ["new:tom-vale", "new:tom-vale"]),
])
def test_title_resolves_to_the_person_named_next(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, unexpected", [
    # indefinite: "a commander" introduces someone unnamed, not the next person named
    (('T\n\nA commander of the Narnian Democratic Forces said a new offensive would cause "a '
     'humanitarian crisis of a new scale".\n\nTom Vale said in a tweet that they were '
     'concerned.'), "new:tom-vale"),
    # the next person holds another title
    (('T\n\nThe commander of the Narnian Democratic Forces said a new offensive would cause "a '
     'humanitarian crisis of a new scale".\n\nForeign Minister Tom Vale said in a tweet that '
     'they were concerned.'), "new:tom-vale"),
    # a spokesperson is named beside the title or not at all
    (('T\n\nThe army spokesperson said a new offensive would cause "a humanitarian crisis of a '
     'new scale".\n\nTom Vale said in a tweet that they were concerned.'), "new:tom-vale"),
    # another country's adjective
    (('T\n\nThe Narnian president said a new offensive would cause "a humanitarian crisis of a '
     'new scale".\n\nRuritanian President Tom Vale said in a tweet that they were concerned.'),
     "new:tom-vale"),
    # named two paragraphs later, with other narration between: too far for a lead
    (('T\n\nThe commander of the Narnian Democratic Forces said a new offensive would cause "a '
     'humanitarian crisis of a new scale".\n\nThe offensive began in May.\n\nTom Vale said in '
     'a tweet that they were concerned.'), "new:tom-vale"),
])
def test_title_not_resolved_forward(text, unexpected):
    got = _speakers(text)
    assert len(got) == 1 and got[0] != unexpected


# 2. "The leader of (the ...) <body> says": the title speaks, not the body it leads

@pytest.mark.parametrize("text, expected", [
    # the leader named in the next paragraph: registered, and unregistered
    (('T\n\nThe leader of the Narnian militant group Hezbollah says that his troops would stop '
     '"only when the shelling of the south ends".\n\n"We will stop the shooting," said Anna '
     'Ivers in a televised address.'), ["ivers", "ivers"]),
    (('T\n\nThe leader of the Narnian militant group Hezbollah says that his troops would stop '
     '"only when the shelling of the south ends".\n\n"We will stop the shooting," said Tom '
     'Vale in a televised address.'), ["new:tom-vale", "new:tom-vale"]),
    # nobody named: the body the leader speaks for (registered, and unregistered)
    (('T\n\nThe president of Azerbaijan said that talks would resume "only when the shelling '
     'ends".'), ["baku"]),
    (('T\n\nThe leader of the militant group Hezbollah says that his troops would stop "only '
     'when the shelling of the south ends".'), ["new:hezbollah"]),
    # a person after "of" is not a body: the wife of Anna Ivers is not Anna Ivers, nor anyone
    # a reader can name
    (('T\n\nThe wife of Anna Ivers said that they would stop "only when the shelling of the '
     'south ends".'), [None]),
])
def test_title_of_a_body_speaks(text, expected):
    assert _speakers(text) == expected


# 3. The subject before a parenthesis or an apposition between commas, with an auxiliary or
#    an adverb of time before the verb, and a parenthesis of up to 16 words

@pytest.mark.parametrize("text, expected", [
    # registered body, "has" before the verb (quote after, and before: already right)
    ('T\n\nAzerbaijan, a close ally of Turkey, has said that "the talks are over for now".',
     ["baku"]),
    ('T\n\n"The talks are over for now," Azerbaijan, a close ally of Turkey, has said.',
     ["baku"]),
    # unregistered person, a parenthesis of 13 words
    (('T\n\nTom Vale, senior lawmaker of the Narnian Social Liberal Party and a former foreign '
     'minister, called the idea "a grotesque proposal".'), ["new:tom-vale"]),
    # a title, the registered name in apposition, "today" before the verb
    (('T\n\nThe representative of the Narnian Front for Europe, Anna Ivers, today called the plan '
     '"a way of derailing the peace process".'), ["ivers"]),
    # a relative clause, "also" before the verb
    ('T\n\nAnna Ivers, who met Tom Vale on Monday, also said that "the talks are over for now".',
     ["ivers"]),
    # unattributable: a place in a fronted phrase is no subject ("officials" are unnamed)
    (('T\n\nIn Baku, a city of two million, officials today said that "the talks are over for '
     'now".'), [None]),
])
def test_subject_before_a_parenthesis_and_an_adverb(text, expected):
    assert _speakers(text) == expected


# 4. A quote that opens with a speech verb, right after the subject that starts the sentence,
#    is that subject's predicate (and the subject's words)

@pytest.mark.parametrize("text, expected", [
    # registered body
    ('T\n\nAzerbaijan "firmly condemned the attack on the convoy" and urged calm.', ["baku"]),
    # unregistered body, a second quote after "and urged" (already right before)
    (('T\n\nThe Narnian foreign ministry "firmly condemned the attack on the convoy" and urged '
     'Baku to respect "the rules like other countries of the region".'),
     ["new:narnian-foreign-ministry", "new:narnian-foreign-ministry"]),
    # unregistered person, "but stressed" after
    (('T\n\nTom Vale "hailed the initiative of the president" in his statement on Thursday, but '
     'stressed that the "efforts of the army against the rebels" would continue.'),
     ["new:tom-vale", "new:tom-vale"]),
    # the name is not the sentence's subject: nobody a reader can name
    ('T\n\nThe talks with Tom Vale "failed to produce any result at all", observers noted.',
     [None]),
    # the quote is a noun phrase before "was": nobody's speech a reader can name
    ('T\n\nTom Vale "declared independence" was the headline of the day, observers noted.',
     [None]),
])
def test_quote_as_the_predicate_of_its_subject(text, expected):
    assert _speakers(text) == expected


# 5. "<Country>'s <title> said": that country's title holder, the person the article gives
#    the title and the country (anywhere in it), else the one given the title next; another
#    country's possessive or adjective rules a person out

@pytest.mark.parametrize("text, expected", [
    # unregistered, the country's adjective three paragraphs later
    (('T\n\nNarnia\'s foreign minister said talks had made "real progress on the border".\n\n'
     'The talks began in May.\n\nThey went on in June.\n\nNarnian foreign minister Tom Vale '
     'said on Monday that progress had been made.'), ["new:tom-vale"]),
    # registered, in the next paragraph
    (('T\n\nArmenia\'s foreign minister said talks had made "real progress on the border".\n\n'
     'Armenian Foreign Minister Ararat Mirzoyan spoke to reporters later.'), ["mirzoyan"]),
    # the person given the title next, without a country
    (('T\n\nGuyana\'s president said he is coming with "goodwill and an open mind" to the '
     'talks.\n\nPresident Tom Vale spoke to reporters late on Monday.'), ["new:tom-vale"]),
    # another country's possessive before the title: not the Narnian president
    (('T\n\nThe Narnian president said: "Yes to peace and yes to dialogue."\n\nIn response, '
     'Ruritania\'s President, Tom Vale, said his country "will not set foot" there.'),
     ["new:narnian-president", "new:tom-vale"]),
    # another country's adjective: not Narnia's minister
    (('T\n\nNarnia\'s foreign minister said talks had made "real progress on the border".\n\n'
     'Ruritanian foreign minister Tom Vale said on Monday that progress had been made.'),
     ["new:narnia-foreign-minister"]),
    # nobody named: a registered country speaks for its president (as before)
    ('T\n\nAzerbaijan\'s president said talks had made "real progress on the border".',
     ["baku"]),
])
def test_country_possessive_title(text, expected):
    assert _speakers(text) == expected


def test_a_clause_between_commas_is_no_parenthesis():
    # "... and the new Narnian leader, Mirzoyan said on Sunday, describing ...": Mirzoyan
    # describes, not the leader named before his clause
    art = ('T\n\nThe two sides will announce the first meeting between President Tom Vale and '
           'the new Narnian leader, Mirzoyan said on Sunday, describing the development as '
           '"particularly important."\n\nNarnian leader Anna Ivers was elected in October.')
    assert _speakers(art) == ["mirzoyan"]


# 6. After the quote, a title with its complement and the name in apposition closed by the
#    comma before the verb: the name (as before the quote); a group word ("media") that only
#    modifies a noun, or stands past a comma, makes no group

@pytest.mark.parametrize("text, expected", [
    # before the quote (already right): the name
    (('T\n\nThe head of the Narnian army media office, Tom Vale, said: "Nothing official has '
     'reached us so far."'), ["new:tom-vale"]),
    # after the quote, unregistered and registered, "he added" then goes to the same person
    (('T\n\n"Nothing official has reached us so far," the head of the Narnian army media office, '
     'Tom Vale, said in a news conference.\n\n"We are still testing the waters," he added.'),
     ["new:tom-vale", "new:tom-vale"]),
    (('T\n\n"Nothing official has reached us so far," the head of the press office, Anna Ivers, '
     'said.'), ["ivers"]),
    # a real group: "Narnian media said" (the group as written, as before)
    ('T\n\n"Nothing official has reached us so far," Narnian media said.',
     ["new:narnian-media"]),
])
def test_apposition_to_a_long_title_after_the_quote(text, expected):
    assert _speakers(text) == expected


# 7. "has this Thursday proposed", "on Monday said" after an apposition's comma; a capitalised
#    "States" ends a name ("the United States", "... of West African States"), it is no verb,
#    and no "he" or title stands for such a name

@pytest.mark.parametrize("text, expected", [
    (('T\n\nThe President of Narnia, Tom Vale, has this Thursday proposed a new status, '
     '"neither against the state nor without it".'), ["new:tom-vale"]),
    (('T\n\nAzerbaijan, a close ally of Turkey, on Monday said that "the talks are over for '
     'now".'), ["baku"]),
    # the title names nobody (not "the United States" named after it)
    (('T\n\nThe commander of the Narnian Democratic Forces said, on Wednesday, that the United '
     'States has a "moral duty" to act.\n\nThe United States said nothing.'),
     ["new:commander-of-the-narnian-democratic-forces"]),
    # "West African States" is no verb with "Economic Community" as its subject
    (('T\n\nThe leaders issued a statement saying it was a "sovereign decision" to leave the '
     'Economic Community of West African States "without delay".'), [None, None]),
    # the verb in lower case still is one
    ('T\n\nAzerbaijan states that "the talks are over for now".', ["baku"]),
])
def test_weekday_after_comma_and_states_in_names(text, expected):
    assert _speakers(text) == expected


# 8. The attribution that ends the sentence, in the inverted order (", says X.") and with who
#    is told (", X tells Anadolu."): every quote before it is X's

@pytest.mark.parametrize("text, expected", [
    (('T\n\nThe ceasefire is a "joke" and a "lie," says Narnian government spokesperson Tom '
     'Vale.'), ["new:tom-vale", "new:tom-vale"]),
    ('T\n\nThe ceasefire is a "joke" and a "lie," says Anna Ivers.', ["ivers", "ivers"]),
    (('T\n\nNarnia expects "a real ceasefire" from the summit and "the withdrawal of the '
     'soldiers", Ivers tells Anadolu.'), ["ivers", "ivers"]),
    # more after the name: not the sentence's end, the quotes before keep no speaker
    (('T\n\nThe ceasefire is a "joke" and a "lie," says Anna Ivers, who met Tom Vale, while '
     'the talks went on.'), [None, "ivers"]),
    # a quote opening the sentence is its subject, a name, not the speaker's words
    ("'Narnian independence' a 'dead end', says Anna Ivers\n\nThe talks went on.",
     [None, "ivers"]),
])
def test_final_attribution_inverted_and_told(text, expected):
    assert _speakers(text) == expected
