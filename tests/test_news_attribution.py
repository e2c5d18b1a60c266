"""Quote attribution patterns of issue 15 (session 3), on short articles written for these tests.

Each expected speaker is what a reader of the sentence sees. Registered speakers get their id
(``REG``), unregistered ones ``new:`` plus a slug of their fullest name
(frameshift.news.speakers.unregistered_id), unattributable quotes ``None``. Most patterns are
tested in both orders (speaker named before and after the quote).
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from frameshift.news.articles import segment_article, suggest_actors
from frameshift.news.evaluate import evaluate_quotes, read_gold_quotes

REG = pd.DataFrame({
    "id": ["mirzoyan", "baku", "narnia_mfa", "ivers"],
    "name": ["Ararat Mirzoyan", "Azerbaijan", "Ministry of Foreign Affairs of Narnia",
             "Anna Ivers"],
    "aliases": ["Mirzoyan", "Baku", "Narnian Foreign Ministry|MAE", "Ivers"]})
SEED = Path("/work/shared/seed/commonspace-2023-03-28.txt")
REPO_SEED = Path(__file__).parent.parent / "corpus" / "karabakh_2023" / "sources" / \
    "commonspace-2023-03-28.txt"


def _seg(text, actors=REG):
    return segment_article(text, source="t-2024-05-12", actors=actors)


def _speakers(text, actors=REG):
    q = _seg(text, actors)
    q = q[q["role"] == "quote"]
    return [None if pd.isna(a) else a for a in q["actor"]]


def _quotes(text, actors=REG):
    q = _seg(text, actors)
    q = q[q["role"] == "quote"]
    return [(t, None if pd.isna(a) else a) for t, a in zip(q["text"], q["actor"])]


# 1. titles before names, long and inverted subjects ------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # a capitalised title before a registered name: the name is the speaker, not the title
    ('T\n\n"We are ready," Armenian Foreign Minister Ararat Mirzoyan told reporters.',
     ["mirzoyan"]),
    ('T\n\nArmenian Foreign Minister Ararat Mirzoyan told reporters: "We are ready."',
     ["mirzoyan"]),
    # a lower-case title with an organisation before an unregistered name
    ('T\n\n"We are ready," acting foreign minister Vitaly Ignatyev said.',
     ["new:vitaly-ignatyev"]),
    # inverted and long: verb first, then a title of eight words and the name
    ('T\n\n"We are ready," said head of the Press Service Department of the Foreign Ministry '
     'Anna Ivers as she commented.', ["ivers"]),
    # a registered organisation inside the person's title is not the speaker
    ('T\n\nNarnian Foreign Ministry spokesperson Tom Vale said: "We are ready."',
     ["new:tom-vale"]),
])
def test_titles_before_names_and_long_subjects(text, expected):
    assert _speakers(text) == expected


def test_title_of_a_place_is_a_title_not_a_person():
    # "Prime Minister of Serbia" names no person by itself: resolved to the person the
    # article gave that title
    art = ('T\n\nSerbian Prime Minister Tom Vale spoke on Monday.\n\n'
           'The Prime Minister of Serbia answered that "this will not happen".')
    assert _speakers(art) == ["new:tom-vale"]


# 2. reference chains: pronouns, organisations, titles ----------------------------------------

def test_organisation_pronoun_and_shorter_names():
    # registered: "the ministry" and "it" stand for the ministry named before
    art = ('T\n\nThe Narnian Foreign Ministry issued a statement on Monday.\n\n'
           '"We are ready," it said. "Talks must resume," the ministry added.')
    assert _speakers(art) == ["narnia_mfa", "narnia_mfa"]
    # unregistered: the shorter name is the fuller one's actor
    art = ('T\n\nThe Ministry of Foreign Affairs of Ruritania issued a statement.\n\n'
           '"We are ready," the Ministry of Foreign Affairs said.')
    assert _speakers(art) == ["new:ministry-of-foreign-affairs-of-ruritania"]
    # a shorter name with another country's adjective is not the same body
    art = ('T\n\nThe Narnian Foreign Ministry issued a statement.\n\n'
           '"We are ready," the Ruritanian Foreign Ministry said.')
    assert _speakers(art) == ["new:ruritanian-foreign-ministry"]


def test_statement_named_in_narration_is_the_reference_of_it_says():
    art = ('T\n\nThis is stated in the statement of the Narnian Foreign Ministry.\n\n'
           'It says that "the talks are over."')
    assert _speakers(art) == ["narnia_mfa"]


@pytest.mark.parametrize("text, expected", [
    # a title used after the person's quotes: the person quoted last
    ('T\n\n"First," Anna Ivers said. "Second," she added.\n\n"Third," the spokesperson added.',
     ["ivers", "ivers", "ivers"]),
    # a title given before, in a title + name run ("the premier" = prime minister)
    ('T\n\nPrime Minister Nikol Pashinyan met the press.\n\n"We want peace," the premier said.',
     ["new:nikol-pashinyan"]),
    # a title whose person is named in the next paragraph by apposition
    ('T\n\nA spokesperson for the Ruritanian Office said it wants "peace".\n\n'
     '"There is no alternative," the spokesperson, Tom Vale, said.',
     ["new:tom-vale", "new:tom-vale"]),
])
def test_titles_resolved_from_the_article(text, expected):
    assert _speakers(text) == expected


def test_pronoun_is_not_the_object_of_a_preposition_or_a_possessive():
    # "Mr. Ivers" is met with; "he" is the president who speaks
    art = ('T\n\nPresident Tom Vale met Anna Ivers on Monday. After his meeting with Mr. Ivers, '
           'he said "I am satisfied."')
    assert _speakers(art) == ["new:tom-vale"]
    art = ('T\n\nPresident Tom Vale spoke. Regarding Anna Ivers’s preconditions, he said: '
           '"No."')
    assert _speakers(art) == ["new:tom-vale"]


def test_pronoun_with_only_a_headline_name_is_not_guessed():
    assert _speakers('Tom Vale speaks\n\n"We will see," he said.') == [None]


# 3. split, continued and introduced quotes -----------------------------------------------------

def test_open_paragraph_takes_the_speaker_named_at_the_end_of_its_continuation():
    # the multi-paragraph convention: the first paragraph has no closing mark
    art = ('T\n\nMirzoyan spoke to the press on Monday.\n\n'
           '"There is no agreement yet.\n\n"We will inform you further," said Ivers.')
    assert _speakers(art) == ["ivers", "ivers"]


@pytest.mark.parametrize("intro, expected", [
    ("Mirzoyan said:", "mirzoyan"),
    ("Tom Vale said:", "new:tom-vale"),
    ("The weather was fine:", None),
])
def test_quoted_paragraph_after_a_colon(intro, expected):
    assert _speakers(f'T\n\n{intro}\n\n"We are ready to sign the treaty."') == [expected]


def test_quoted_paragraph_after_a_reported_statement():
    art = 'T\n\nThis was stated by Ararat Mirzoyan.\n\n"We are ready to sign the treaty."'
    assert _speakers(art) == ["mirzoyan"]


@pytest.mark.parametrize("text, expected", [
    ('T\n\n"There is a state in the north," Mirzoyan said, adding, "This state has '
     'institutions."', ["mirzoyan", "mirzoyan"]),
    ('T\n\nMirzoyan echoed the statement, saying that "there is no urgency."', ["mirzoyan"]),
    ('T\n\nThe talks resume on Monday, Tom Vale said, describing it as "important."',
     ["new:tom-vale"]),
])
def test_participles_take_the_speaker_of_the_clause(text, expected):
    assert _speakers(text) == expected


def test_conjoined_verb_takes_the_subject_of_the_sentence_not_the_object():
    art = 'T\n\nBaku renewed its threat to attack Narnia and warned of "playing with fire".'
    assert _speakers(art) == ["baku"]


# 4-5. statements, passives and agents ----------------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ('T\n\nBaku commented on the statement of Foreign Minister Ararat Mirzoyan that allegedly '
     '"talks are frozen."', ["mirzoyan"]),
    ("T\n\nBaku noted the irony in Mirzoyan's statement that he did not wish to waste "
     '"precious time."', ["mirzoyan"]),
    # a participle after the statement's quote takes the main clause back
    ("T\n\nBaku noted Mirzoyan's statement that he wants \"peace,\" calling it \"ironic.\"",
     ["mirzoyan", "baku"]),
])
def test_quote_inside_the_content_of_someones_statement(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    ('T\n\n"Talks are low," the press service quoted Ignatyev as saying.', ["new:ignatyev"]),
    ('T\n\n"Talks are low," Mirzoyan was quoted as saying by the TV channel.', ["mirzoyan"]),
    ('T\n\nThe press service quoted Mirzoyan as saying: "Talks are low."', ["mirzoyan"]),
])
def test_quoted_as_saying_names_the_speaker_not_the_quoting_one(text, expected):
    assert _speakers(text) == expected


def test_this_was_announced_by_in_the_next_sentence():
    art = ('T\n\nNo deal is possible if Baku keeps the position that "it should get something." '
           'This was announced on Wednesday by Prime Minister Anna Ivers.')
    assert _speakers(art) == ["ivers"]


# 6. quotation marks ---------------------------------------------------------------------------

def test_mixed_straight_and_typographic_marks():
    art = ('T\n\n“The approach cannot work. We can find a solution, "said Mirzoyan, adding that" '
           'Serbia never owned it".')
    assert _quotes(art) == [("The approach cannot work. We can find a solution,", "mirzoyan"),
                            ("Serbia never owned it", "mirzoyan")]


@pytest.mark.parametrize("text, outer, inner", [
    # typographic inside typographic
    ('T\n\n“He is the face of India’s “export” of terror,” it said.',
     ["He is the face of India’s", "of terror,"], "export"),
    # straight single inside straight double
    ('T\n\n"There is no \'defense minister\' in Taiwan," Mirzoyan said.',
     ["There is no", "in Taiwan,"], "defense minister"),
    # typographic single inside typographic double
    ('T\n\n“They call for the ‘unification of the regions’,” Mirzoyan said.',
     ["They call for the", ","], "unification of the regions"),
    # straight double inside typographic double
    ('T\n\n“He called it "madness" today,” Mirzoyan said.', ["He called it", "today,"],
     "madness"),
])
def test_nested_quotes_are_extracted_and_do_not_end_the_outer_quote(text, outer, inner):
    seg = _seg(text)
    q = seg[seg["role"] == "quote"]
    assert q["text"].tolist() == [outer[0], inner, outer[1]]
    # the outer pieces keep the outer speaker (when there is one); the quoted words inside
    # are the speaker's quotation of others, nobody's speech here
    inner_row = q[q["text"] == inner].iloc[0]
    assert pd.isna(inner_row["actor"])
    assert "quoted inside the quote" in inner_row["evidence"]
    if "Mirzoyan" in text:
        assert q[q["text"] != inner]["actor"].tolist() == ["mirzoyan", "mirzoyan"]


def test_straight_single_quotes_in_a_headline_and_apostrophes():
    seg = _seg("Vale: Ivers regrets saying 'yes' to Baku's plan\n\nText.")
    q = seg[seg["role"] == "quote"]
    assert q["text"].tolist() == ["yes"]
    # apostrophes never open or close a quote
    seg = _seg("T\n\nThe parties' positions and Baku's plan don't 'match.")
    assert (seg["role"] == "quote").sum() == 0


@pytest.mark.parametrize("opener, closer", [("«", "»"), ("„", "“"), ("‹", "›"), ("„", "”")])
def test_regional_quotation_marks(opener, closer):
    art = f'T\n\n{opener}We are ready{closer}, Mirzoyan said. Baku said: {opener}No{closer}.'
    assert _quotes(art) == [("We are ready", "mirzoyan"), ("No", "baku")]


def test_guillemets_over_a_line_break_are_one_quote():
    reg = pd.DataFrame({"id": ["nechaev"], "name": ["Иван Нечаев"], "aliases": ["Нечаев"]})
    art = "Заголовок\n\n«Ситуация в регионе\nостается в центре внимания», — отметил Нечаев."
    assert _quotes(art, reg) == [("Ситуация в регионе\nостается в центре внимания", "nechaev")]


def test_armenian_full_stop_ends_a_paragraph_that_is_not_a_subheading():
    seg = _seg("Վերնագիր\n\nԱրարատ Միրզոյանը գրում է։\n\nՏեքստ։")
    assert seg["role"].tolist() == ["headline", "narration", "narration"]
    # without the full stop the short line is a subheading
    assert _seg("Վերնագիր\n\nԱրարատ Միրզոյան\n\nՏեքստ։")["role"].tolist() == [
        "headline", "subheading", "narration"]


# 7-8. headlines, impersonal sources and quoted terms -------------------------------------------

def test_headline_speaker_before_a_colon_and_headline_repeating_a_quote():
    assert _speakers('Narnian Foreign Ministry: “We will not change our decision”\n\nText.'
                     ) == ["narnia_mfa"]
    art = ('“Accomplices are criminals”\n\n'
           'The Narnian Foreign Ministry said that “even accomplices are criminals”.')
    assert _speakers(art) == ["narnia_mfa", "narnia_mfa"]
    # a headline quote repeating nobody's words stays unattributed
    assert _speakers('“Accomplices are criminals”\n\nMirzoyan said “peace is near”.'
                     ) == [None, "mirzoyan"]


@pytest.mark.parametrize("text", [
    'T\n\nRussia organized a propaganda event called "referendums" in the region.',
    'T\n\nThe so-called "referendums" were held.',
    'T\n\nThe ministry points to the Resolution regarding "Aggression against Ukraine," adopted '
    'in March.',
    'T\n\nThe ministry considers such "condemning" comments by officials inappropriate.',
])
def test_quoted_terms_are_nobodys_speech(text):
    assert _speakers(text) == [None]


def test_a_short_quote_that_is_the_object_of_speech_stays_speech():
    # reaffirmed their "readiness": the speaker's word, not a scare quote
    assert _speakers('T\n\nBaku reaffirmed its "readiness" to meet.') == ["baku"]
    assert _speakers('T\n\nMirzoyan called it "an act of aggression".') == ["mirzoyan"]


def test_a_place_seating_a_body_stands_for_it():
    art = ('T\n\nThe de facto authorities in Ruritania accused Baku of "coercion". Ruritania '
           'reaffirmed its "readiness" to meet.')
    assert _speakers(art, REG.iloc[:0]) == ["new:de-facto-authorities"] * 2


# 9. the founding article -------------------------------------------------------------------------

def test_suggest_actors_lists_the_two_speakers_of_the_founding_article():
    """Counted by hand: the Presidential Administration's invitation gives 4 quotes (three
    words of the tweet and the full invitation), the de facto Nagorno-Karabakh authorities
    the other 8 (subheading, the accusation, "readiness", the two of the 14 March response,
    "open to discussing", "mutually acceptable solutions", "ready-made solutions" and the
    position the statement ends with)."""
    path = REPO_SEED if REPO_SEED.exists() else SEED
    table = suggest_actors([path])
    assert table["quotes"].tolist() == [4, 8]
    assert table["name"].tolist() == [
        "Presidential Administration of the Republic of Azerbaijan",
        "de facto Nagorno-Karabakh Republic (NKR) authorities"]
    aliases = table["aliases"].tolist()[1].split("|")
    assert "Stepanakert" in aliases and "de facto NKR authorities" in aliases
    assert not {"Invitation", "NKR", "The statement", "The full invitation"} & set(
        "|".join(table["aliases"]).split("|"))


# evaluation ----------------------------------------------------------------------------------

def test_unattributable_speech_counts_right_when_nobody_is_named(tmp_path):
    texts = {"a": 'T\n\nThe island must be on alert for the "sudden entry" of troops. The '
                  'pseudo-referendums were "referendums" only in name, Baku said.'}
    gold = tmp_path / "gold.csv"
    gold.write_text("source,quote,speaker,kind,pattern\n"
                    "a,sudden entry,,speech,unattributable\n"
                    "a,referendums,baku,speech,before\n", encoding="utf-8")
    g = read_gold_quotes(gold, texts)
    # "referendums" is found where it is quoted, not inside "pseudo-referendums"
    assert texts["a"][g["start"][1] - 1] == '"'
    ev = evaluate_quotes(_seg(texts["a"]).assign(source="a"), g, texts=texts)
    ev = ev.set_index(["scope", "metric"])["numerator"]
    assert ev["attribution", "speaker_accuracy"] == 2


def test_this_was_said_by_sentence_opening_the_next_paragraph_in_azerbaijani():
    reg = pd.DataFrame({"id": ["aliyev"], "name": ["İlham Əliyev"], "aliases": ["Əliyev"]})
    art = ('Başlıq\n\n"Biz danışıqlara hazırıq".\n\n'
           'Xəbər verilir ki, bunu Prezident İlham Əliyev müsahibəsində bildirib.')
    assert _speakers(art, reg) == ["aliyev"]
    # without a speech verb in that sentence nothing is given
    art = 'Başlıq\n\n"Biz danışıqlara hazırıq".\n\nBunu İlham Əliyev də bilir.'
    assert _speakers(art, reg) == [None]


def test_a_statement_echoed_by_a_participle_is_not_its_authors_content():
    # "saying that" owns the that-clause: Tatar speaks, not Guterres
    reg = pd.DataFrame({"id": ["tatar", "guterres"], "name": ["Ersin Tatar", "Antonio Guterres"],
                        "aliases": ["Tatar", "Guterres"]})
    art = ("T\n\nTatar echoed Guterres' statement, saying that \"there is no common ground.\" "
           'He noted that "there are two states."')
    assert _speakers(art, reg) == ["tatar", "tatar"]


def test_a_press_release_is_a_document_not_a_body():
    art = ('T\n\nThe talks failed "in the end," according to a press release from the Ministry '
           'of Foreign Affairs (MAE).')
    assert _speakers(art) == ["narnia_mfa"]


# session 4: quoted terms next to a speaker ---------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # single marks around a word in a report whose speech is in double marks: the outlet's
    # scare quotes, even in a sentence with a speaker and a speech verb
    ("T\n\nForeign Minister Ararat Mirzoyan called it a 'provocation'. \"We are ready,\" he "
     "said.", [None, "mirzoyan"]),
    ("T\n\n\"We are ready,\" Mirzoyan said, calling the move a ‘provocation’.",
     ["mirzoyan", None]),
    # the same with an unregistered and with no speaker at all
    ("T\n\nTom Vale called it a 'provocation'.", [None]),
    ("T\n\nThe 'referendum' took place on Sunday.", [None]),
    # but an article that quotes speech in single marks keeps them speech
    ("T\n\n'We will never accept this,' Mirzoyan said, calling it a 'provocation'.",
     ["mirzoyan", "mirzoyan"]),
    # and a headline in single marks is speech (headline form)
    ("Mirzoyan: 'Provocation'\n\n\"We are ready,\" Mirzoyan said.", ["mirzoyan", "mirzoyan"]),
])
def test_single_quoted_scare_words_are_terms(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the title of a law, a project, a plan: capitals after a determiner or before a noun
    ('T\n\nMirzoyan criticised the "Law on Occupied Territories" adopted in Baku.', [None]),
    ('T\n\nMirzoyan criticised the "Crossroads of Peace" project.', [None]),
    ('T\n\nThe "Crossroads of Peace" project was criticised by Tom Vale.', [None]),
    # a quoted noun in double marks in the speaker's sentence stays the speaker's words
    ('T\n\nMirzoyan said only an "international format" was acceptable.', ["mirzoyan"]),
    # not a title: speech in capitals at the start of a sentence, or a full clause
    ('T\n\n"Never Again," Mirzoyan said.', ["mirzoyan"]),
    ('T\n\nMirzoyan said the move was "illegal".', ["mirzoyan"]),
    ('T\n\nMirzoyan called it "an act of aggression".', ["mirzoyan"]),
])
def test_titles_in_capitals_are_terms(text, expected):
    assert _speakers(text) == expected


def test_single_quoted_words_right_after_a_verb_stay_the_speakers():
    # tests/data/news/typographic-2024-05-08.txt: "but rejected ‘ready-made solutions’"
    assert _speakers('T\n\n"We are ready," Mirzoyan said, but rejected ‘ready-made '
                     'solutions’.') == ["mirzoyan", "mirzoyan"]
    assert _speakers("T\n\nMirzoyan warned that Baku's 'peace' is war.") == [None]


# session 4: speakers named without a speech verb ---------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # after the quote: the noun phrase and at most a phrase of time, place or medium
    ('T\n\n"We will not accept this," the Narnian Foreign Ministry in a statement.',
     ["narnia_mfa"]),
    ('T\n\n"We will not accept this," Mirzoyan on Tuesday.', ["mirzoyan"]),
    ('T\n\n"We will not accept this," Tom Vale in an interview with a Narnian channel.',
     ["new:tom-vale"]),
    # before the quote: the clause a colon ends
    ('T\n\nMirzoyan: "The talks are over."', ["mirzoyan"]),
    ('T\n\nThe Narnian Foreign Ministry in a statement on Tuesday: "The talks are over."',
     ["narnia_mfa"]),
    ('T\n\nSpeaking to reporters on Tuesday, Tom Vale was blunt: "The talks are over."',
     ["new:tom-vale"]),
    ('Mirzoyan on Tuesday: "The talks are over"\n\nText.', ["mirzoyan"]),
    ('T\n\nAccording to Tom Vale, "the talks are over".', ["new:tom-vale"]),
    # not a speaker: a possessive, a clause with more than a phrase after the name, "it"
    ("T\n\nMirzoyan's critics were blunt: \"The talks are over.\"", [None]),
    ('T\n\n"We will not accept this," Mirzoyan and his team are likely to hear in Baku.',
     [None]),
    ('T\n\nThe reason is simple: "The talks are over."', [None]),
])
def test_speakers_named_without_a_speech_verb(text, expected):
    assert _speakers(text) == expected


# session 4: spelling variants of a name already given -----------------------------------------

REG_H = pd.DataFrame({"id": ["hajizada", "aliyev"],
                      "name": ["Aykhan Hajizada", "Ilham Aliyev"],
                      "aliases": ["Ayhan Hajizade|Hajizada|Hajizade", "Aliyev"]})


@pytest.mark.parametrize("text, expected", [
    # registered: a misspelt and a Russian-transliterated surname (Г for H, дж for j)
    ('T\n\n"We are ready," Ayhan Hajizade said. "We are tired," Gadzizade said.',
     ["hajizada", "hajizada"]),
    ('T\n\nAyhan Hajizade said: "We are ready." Gadzhizade added: "We are tired."',
     ["hajizada", "hajizada"]),
    ('T\n\n"We are ready," Ilham Aliyev said. "We are tired," Aliev said.',
     ["aliyev", "aliyev"]),
    # unregistered: the variant takes the full name given before
    ('T\n\n"We are ready," Nikol Pashinyan said. "We are tired," Pashinian said.',
     ["new:nikol-pashinyan", "new:nikol-pashinyan"]),
    # not the same person: another first name, a short name (a feminine surname: below)
    ('T\n\n"We are ready," Nikol Pashinyan said. "We are tired," Anna Pashinian said.',
     ["new:nikol-pashinyan", "new:anna-pashinian"]),
    ('T\n\n"We are ready," Tom Vale said. "We are tired," Tom Wale said.',
     ["new:tom-vale", "new:tom-wale"]),
    # the variant before the name is not yet the person (a reader has nobody to compare it to)
    ('T\n\n"We are tired," Gadzizade said. "We are ready," Ayhan Hajizade said.',
     ["new:gadzizade", "hajizada"]),
])
def test_spelling_variants_of_a_name_given_before(text, expected):
    assert _speakers(text, REG_H) == expected


def test_a_feminine_surname_is_not_the_man_named_before_by_the_rules():
    # The rules read "Aliyeva" as another person than Ilham Aliyev. The chooser (the default)
    # gives the quote to Aliyev, the speaker of the quote before: in the coded sets a one-word
    # unregistered name after a registered person was nearly always a misspelling of him
    # (docs/news.md, known limits).
    text = 'T\n\n"We are ready," Ilham Aliyev said. "We are tired," Aliyeva said.'
    q = segment_article(text, actors=REG_H, speakers="rules")
    assert q[q["role"] == "quote"]["actor"].tolist() == ["aliyev", "new:aliyeva"]


# session 4: Russian, Armenian, Azerbaijani titles and impersonal forms -------------------------

REG_R = pd.DataFrame({
    "id": ["lavrov", "ru_mfa", "aliyev", "am_mfa", "mirzoyan"],
    "name": ["Сергей Лавров", "МИД РФ", "İlham Əliyev", "Հայաստանի ԱԳՆ", "Արարատ Միրզոյան"],
    # (inflected forms registered as a researcher would: tests/data/news/real/languages)
    "aliases": ["Лавров", "МИД России", "Əliyev", "ՀՀ ԱԳՆ|ՀՀ ԱԳՆ-ն",
                "Արարատ Միրզոյանը|Միրզոյան"]})


@pytest.mark.parametrize("text, expected", [
    # a title after the quote: the person the article gave it (registered) ...
    ("Заголовок\n\nМинистр иностранных дел Сергей Лавров прибыл в Баку.\n\n"
     "«Мы готовы», — сказал министр.", ["lavrov"]),
    ("Başlıq\n\nPrezident İlham Əliyev çıxış edib.\n\n"
     "“Biz hazırıq”, – deyə dövlətimizin başçısı vurğulayıb.", ["aliyev"]),
    ("Başlıq\n\nPrezident İlham Əliyev çıxış edib.\n\n“Biz hazırıq”, – deyə Prezident qeyd edib.",
     ["aliyev"]),
    # ... and before the quote
    ("Başlıq\n\nPrezident İlham Əliyev çıxış edib.\n\nPrezident qeyd edib: “Biz hazırıq”.",
     ["aliyev"]),
    # a title nobody in the article holds: its own new: actor, not the person named
    ("Заголовок\n\nМинистр Сергей Лавров прибыл в Баку.\n\n«Мы готовы», — сказал посол.",
     ["new:посол"]),
    # an Azerbaijani word that is a ministry, not a minister
    ("Başlıq\n\n“Biz hazırıq”, – deyə Xarici İşlər Nazirliyi bildirib.",
     ["new:xarici-islər-nazirliyi"]),  # (the slug drops the cedilla; ə has none to drop)
])
def test_regional_titles(text, expected):
    assert _speakers(text, REG_R) == expected


@pytest.mark.parametrize("text, expected", [
    # impersonal form with the issuer in the same sentence, after and before the quote
    ("Заголовок\n\n«Мы готовы», — говорится в заявлении МИД России.", ["ru_mfa"]),
    ("Заголовок\n\nВ заявлении МИД России говорится: «Мы готовы».", ["ru_mfa"]),
    ("Վերնագիր\n\n«Մենք պատրաստ ենք», - ասվում է ՀՀ ԱԳՆ հայտարարության մեջ։", ["am_mfa"]),
    # the issuer named before ("В нем говорится": in it, it is said)
    ("Заголовок\n\nМИД России опубликовал заявление.\n\nВ нем, в частности, говорится: "
     "«Мы готовы».", ["ru_mfa"]),
    ("Վերնագիր\n\nՀՀ ԱԳՆ-ն հայտարարություն է տարածել։\n\n«Մենք պատրաստ ենք», - ասվում է "
     "հայտարարության մեջ։", ["am_mfa"]),
    ("Başlıq\n\nİlham Əliyev bəyanat verib.\n\n“Biz hazırıq”, – bəyanatda qeyd olunur.",
     ["aliyev"]),
    # an unregistered issuer (a body) and no issuer at all
    ("Заголовок\n\n«Мы готовы», — говорится в заявлении Министерства обороны.", [None]),
    ("Заголовок\n\n«Мы готовы», — говорится в заявлении.", [None]),
])
def test_regional_impersonal_forms_go_to_the_issuer(text, expected):
    assert _speakers(text, REG_R) == expected


def test_regional_reported_statement_before_a_quoted_paragraph():
    # "Միրզոյանը գրում է." (writes) as the first line, then the quoted paragraph
    assert _speakers("Արարատ Միրզոյանը գրում է.\n\n«Մենք պատրաստ ենք»։", REG_R) == ["mirzoyan"]
    # "Այս մասին ... ՀՀ ԱԳՆ" (about this ... the ministry) closing the paragraph before
    assert _speakers("Վերնագիր\n\nՊատերազմը սկսվեց։ Այս մասին հայտարարություն է տարածել ՀՀ "
                     "ԱԳՆ-ն։\n\n«Մենք պատրաստ ենք»։", REG_R) == ["am_mfa"]


# session 4: patterns read off the error lists of dev and the old held-out ---------------------

@pytest.mark.parametrize("text, expected", [
    # a participle without a comma: the subject of the main clause
    ('T\n\nThe Narnian Foreign Ministry issued a statement on August 26 saying Baku "will have '
     'to change its decision".', ["narnia_mfa"]),
    ('T\n\nTom Vale published a letter on Monday saying that "the talks are over".',
     ["new:tom-vale"]),
    ('T\n\nA statement was published on Monday saying that "the talks are over".', [None]),
    # a verb after "and" far from the subject: the subject of the sentence
    ('T\n\nTo mark the day, Armenian Foreign Minister Ararat Mirzoyan congratulated Tom Vale '
     'and Ann Lee, leaders of two parties, and stressed he would help them "in every way."',
     ["mirzoyan"]),
    ('T\n\n"In every way," was the answer. To mark the day, Tom Vale congratulated Ann Lee '
     'and her party, and stressed he would help them "in every way."', [None, "new:tom-vale"]),
])
def test_participles_and_conjoined_verbs_take_the_main_subject(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a generic title ("the diplomat", "the official") for a person titled otherwise
    ('T\n\nNarnian Foreign Ministry spokesperson Anna Ivers commented on the talks.\n\n'
     '"It is outrageous," the Narnian diplomat said.', ["ivers"]),
    ('T\n\nForeign Ministry spokesperson Tom Vale commented on the talks.\n\n'
     '"It is outrageous," the official said.', ["new:tom-vale"]),
    # a specific title still needs its holder: a minister is not the spokesperson
    ('T\n\nForeign Ministry spokesperson Tom Vale commented on the talks.\n\n'
     '"It is outrageous," the minister said.', ["new:minister"]),
])
def test_generic_titles_do_not_contradict(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "the minister's statement that ...": the minister's words, not the sentence subject's
    ('T\n\nMirzoyan had spoken to Narnian Foreign Minister Tom Vale.\n\nAnna Ivers also noted '
     'the irony in the minister\'s statement that he did not wish to spend "precious time in '
     'Baku," calling it "ironic."', ["new:tom-vale", "ivers"]),
    # the possessive of a body before a title stays one phrase
    ('T\n\n"We are ready," the ministry\'s press spokesperson, Tom Vale, said.',
     ["new:tom-vale"]),
])
def test_a_title_in_the_possessive_owns_its_statement(text, expected):
    assert _speakers(text) == expected


# session 4: common constructions of wire reports (written for these tests) --------------------

@pytest.mark.parametrize("text, expected", [
    # the subject before a parenthesis between commas
    ('T\n\nMirzoyan, speaking at a cabinet meeting, said: "We are ready."', ["mirzoyan"]),
    ('T\n\nMirzoyan, in an interview with Tom Vale, said: "We are ready."', ["mirzoyan"]),
    ('T\n\nTom Vale, who met Mirzoyan on Monday, said "the talks are over".',
     ["new:tom-vale"]),
    # an apposition is still read as one (the name, not the title)
    ('T\n\nThe spokesperson, Anna Ivers, said: "We are ready."', ["ivers"]),
    # "he" after a quote of a title nobody in the article holds: that title's speaker
    ('T\n\n"We are ready," the prime minister said. He added: "The ball is in Baku\'s court."',
     ["new:prime-minister", "new:prime-minister"]),
    # what a name called (speech), not "an event called" (a term)
    ('T\n\nWhat Mirzoyan called "ethnic cleansing" continued.', ["mirzoyan"]),
    ('T\n\nBaku held an event called "Victory Day".', [None]),
    # who was told is not who speaks; "quoted by Y as saying": the one quoted
    ('T\n\nThe talks were "over", a diplomatic source told Tom Vale.', [None]),
    ('T\n\n"The talks are over," Mirzoyan told Tom Vale.', ["mirzoyan"]),
    ('T\n\nMirzoyan was quoted by Tom Vale as saying: "We are ready."', ["mirzoyan"]),
    ('T\n\nTom Vale quoted Mirzoyan as saying "we are ready".', ["mirzoyan"]),
    # anonymous sources are nobody; a named group is that group; a body's officials the body
    ('T\n\nNarnian diplomatic sources said the talks were "over".', [None]),
    ('T\n\nA source in the government said the talks were "over".', [None]),
    ('T\n\nRuritanian officials said the talks were "over".', ["new:ruritanian-officials"]),
    ('T\n\nBaku officials said the talks were "over".', ["baku"]),
])
def test_wire_report_constructions(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a headline "X: ..." with a partial quote after the colon
    ('Mirzoyan: talks "are over"\n\nText.', ["mirzoyan"]),
    ('Tom Vale: talks "are over"\n\nText.', ["new:tom-vale"]),
    ('Talks: Mirzoyan says Baku "must stop"\n\nText.', ["mirzoyan"]),
    # English impersonal form citing a document: its issuer
    ('T\n\nThe Narnian Foreign Ministry issued a statement.\n\nIt is noted in the statement '
     'that "the talks are over".', ["narnia_mfa"]),
    # ... but "it was said" with no document names nobody
    ('T\n\nThe Narnian Foreign Ministry met. It was said about the "illegality" of the visit.',
     [None]),
    # two subjects: neither alone
    ('T\n\nMirzoyan and Ivers said in a joint statement that "the talks are over".', [None]),
    # "the Azerbaijani side" is the registered Azerbaijan; an unregistered country's side its own
    ('T\n\nBaku rejected the claims. "These are lies," the Azerbaijani side said.', ["baku"]),
    ('T\n\n"These are lies," the Ruritanian side said.', ["new:ruritanian-side"]),
    # verbs that double their consonant; a quoted modifier after a possessive is a term
    ('T\n\n"These are lies," Mirzoyan slammed.', ["mirzoyan"]),
    ('T\n\nIvers slammed Mirzoyan\'s "unacceptable" remarks.', [None]),
])
def test_headline_colons_documents_joint_subjects_and_sides(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a quote standing alone after a sentence whose subject is a person: that person
    ('T\n\nMirzoyan was defiant. "We will never give up on this."', ["mirzoyan"]),
    ('T\n\nTom Vale was defiant. "We will never give up on this."', ["new:tom-vale"]),
    ('T\n\n"We are ready," Ivers said. Mirzoyan disagreed. "They are not ready at all."',
     ["ivers", "mirzoyan"]),
    # a body does not take over from the last quote's speaker, but names one when there is none
    ('T\n\n"We are ready," Ivers said. Baku rejected it. "They are not ready at all."',
     ["ivers", "ivers"]),
    ('T\n\nBaku rejected the offer. "They are not ready at all."', ["baku"]),
    # no subject in the sentence before: nobody
    ('T\n\nThe talks failed. "They are not ready at all."', [None]),
])
def test_a_quote_standing_alone_after_its_speakers_sentence(text, expected):
    assert _speakers(text) == expected


REG_A = pd.DataFrame({
    "id": ["aliyev", "am_mfa", "zakharova"],
    "name": ["Ilham Aliyev", "Armenian Foreign Ministry", "Maria Zakharova"],
    "aliases": ["Aliyev", "Foreign Ministry of Armenia", "Zakharova"]})


@pytest.mark.parametrize("text, expected", [
    # "the head of state" is the president; "the leader" any head of state or government
    ('T\n\nPresident Ilham Aliyev spoke in Baku.\n\n"The talks are over," the head of state '
     'said.', ["aliyev"]),
    ('T\n\nPresident Ilham Aliyev spoke in Baku.\n\n"The talks are over," the Azerbaijani '
     'leader said.', ["aliyev"]),
    # ... but not a spokesperson
    ('T\n\nSpokeswoman Maria Zakharova spoke in Moscow.\n\n"The talks are over," the Russian '
     'leader said.', ["new:russian-leader"]),
    # a registered body named in other words; an unregistered one stays its own
    ('T\n\n"The talks are over," Armenia\'s Foreign Ministry said.', ["am_mfa"]),
    ('T\n\n"The talks are over," the Armenian foreign ministry said.', ["am_mfa"]),
    ('T\n\n"The talks are over," Georgia\'s Foreign Ministry said.',
     ["new:georgia-foreign-ministry"]),
    # "according to" an outlet after the speaker's own verb is the source, not the speaker
    ('T\n\n"The talks are over," Aliyev said, according to Reuters.', ["aliyev"]),
    ('T\n\n"The talks are over," according to Reuters.', ["new:reuters"]),
    # "as X put it"
    ('T\n\nAs Aliyev put it, "the talks are over".', ["aliyev"]),
])
def test_heads_of_state_bodies_in_other_words_and_sources(text, expected):
    assert _speakers(text, REG_A) == expected


@pytest.mark.parametrize("text, expected", [
    # a quoted name next to the noun it names
    ('T\n\nMirzoyan told the "Izvestia" newspaper that talks were over.', [None]),
    ('T\n\nMirzoyan told TV channel "Rossiya 24" that talks were over.', [None]),
    ('T\n\nBaku launched Operation "Iron Fist" on Sunday.', [None]),
    ('T\n\nMirzoyan said the "Civil Contract" party would win.', [None]),
    # speech with its comma before such a noun stays speech
    ('T\n\n"We will win," party leader Ararat Mirzoyan said.', ["mirzoyan"]),
    ('T\n\n"We will win," Mirzoyan told the Narnian channel.', ["mirzoyan"]),
])
def test_quoted_names_of_media_parties_operations_are_terms(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # abbreviated titles are titles, not part of the name
    ('T\n\n"We are ready," Armenian PM Nikol Pashinyan said.', ["new:nikol-pashinyan"]),
    ('T\n\nArmenian FM Tom Vale said: "We are ready."', ["new:tom-vale"]),
    # a name given surname first, then the surname alone
    ('T\n\nSpokesperson Mao Ning spoke.\n\n"We are ready," Mao said.', ["new:mao-ning"]),
    # a body's name followed by its spokesperson's name: the person speaks
    ('T\n\n"We are ready," Spokesperson for the Ruritanian Ministry of Foreign Affairs Leyla '
     'Abdullayeva said.', ["new:leyla-abdullayeva"]),
    # ... but a place at the end of a body's name stays the body's
    ('T\n\n"We are ready," the Ministry of Foreign Affairs of North Macedonia said.',
     ["new:ministry-of-foreign-affairs-of-north-macedonia"]),
])
def test_names_without_a_registry(text, expected):
    assert _speakers(text, None) == expected


@pytest.mark.parametrize("verb", ["hinted", "clarified", "assured", "remarked", "revealed",
                                  "predicted", "joked", "mentioned"])
def test_more_speech_verbs(verb):
    assert _speakers(f'T\n\n"We are ready," Mirzoyan {verb}.') == ["mirzoyan"]
    # a noun form is not the verb: "his remark" names no speaker
    assert _speakers('T\n\nThe remark "we are ready" surprised Tom Vale.') == [None]


REG_B = pd.DataFrame({"id": ["mirzoyan", "bayramov"], "name": ["Ararat Mirzoyan", "Jeyhun Bayramov"],
                      "aliases": ["Mirzoyan", "Bayramov"]})


@pytest.mark.parametrize("text, expected", [
    # a title with a country's adjective: the person given that adjective (or counterpart)
    ("T\n\nArmenian Foreign Minister Ararat Mirzoyan met his Azerbaijani counterpart Jeyhun "
     "Bayramov.\n\n\"The talks were useful,\" the Azerbaijani minister said.", ["bayramov"]),
    ("T\n\nArmenian Foreign Minister Ararat Mirzoyan met his Azerbaijani counterpart Jeyhun "
     "Bayramov.\n\n\"The talks were useful,\" the Armenian minister said.", ["mirzoyan"]),
    # a person of another country's title is not taken for it
    ("T\n\nArmenian Foreign Minister Ararat Mirzoyan arrived.\n\n\"The talks were useful,\" "
     "the Ruritanian minister said.", ["new:ruritanian-minister"]),
    # the passive agent after the quote
    ('T\n\nMirzoyan\'s claims were called "baseless" by Bayramov.', ["bayramov"]),
    ('T\n\nThe claims were called "baseless" by Tom Vale.', ["new:tom-vale"]),
    ('T\n\nThe claims were called "baseless".', [None]),
    # "according to X" does not reach past a nearer speaker's verb
    ('T\n\nAccording to Bayramov, the talks were "not over", while Mirzoyan said they were '
     '"at an impasse".', ["bayramov", "mirzoyan"]),
    # headline with a possessive noun before the partial quote
    ('Bayramov: Mirzoyan\'s claims "baseless"\n\nText.', ["bayramov"]),
])
def test_nationalities_agents_and_nearer_speakers(text, expected):
    assert _speakers(text, REG_B) == expected


@pytest.mark.parametrize("text, expected", [
    # "she" is not the man the article calls a spokesman (nor "he" the spokeswoman)
    ('T\n\nNarnian spokesman Tom Vale met Ivers on Monday.\n\n"The talks are over," she said.',
     ["ivers"]),
    ('T\n\nSpokeswoman Anna Ivers met Tom Vale.\n\n"The talks are over," he said.',
     ["new:tom-vale"]),
    # no marks of either: the last subject, as before
    ('T\n\nTom Vale met Ivers on Monday.\n\n"The talks are over," she said.', ["new:tom-vale"]),
])
def test_pronouns_skip_a_person_of_the_other_gender(text, expected):
    assert _speakers(text) == expected


def test_what_a_speaker_called_in_single_marks_is_speech():
    # tests/data/news/real/heldout/ippnews-2025-04-18 in double marks: "what he called
    # India's “continued diatribe”" is Khan's; the same in single marks stays his
    assert _speakers("T\n\nRejecting what Mirzoyan called Baku's 'continued diatribe', he "
                     "left.") == ["mirzoyan"]
    assert _speakers("T\n\nMirzoyan rejected Baku's 'continued diatribe'.") == [None]


def test_regional_pronoun_after_a_subject_starting_its_sentence():
    # "В Баку Сергей Лавров провел переговоры" (in Baku, Lavrov held talks): the subject, then
    # "сказал он" (he said)
    assert _speakers("Заголовок\n\nВ Баку Сергей Лавров провел переговоры.\n\n«Мы готовы», — "
                     "сказал он.", REG_R) == ["lavrov"]


def test_regional_aliases_with_case_endings():
    reg = pd.DataFrame({"id": ["am_mfa", "lavrov", "aliyev"],
                        "name": ["ՀՀ ԱԳՆ", "Сергей Лавров", "İlham Əliyev"],
                        "aliases": ["", "Лавров", "Əliyev"]})
    # "ՀՀ ԱԳՆ-ն" (the ministry, with the article), "Лаврова" (genitive), "Əliyevin" (genitive)
    assert _speakers("Վերնագիր\n\nՀՀ ԱԳՆ-ն հայտարարություն է տարածել։\n\n«Մենք պատրաստ ենք», - "
                     "ասվում է հայտարարության մեջ։", reg) == ["am_mfa"]
    assert _speakers("Заголовок\n\n«Мы готовы», — говорится в заявлении Лаврова.", reg) == [
        "lavrov"]
    assert _speakers("Başlıq\n\nƏliyevin bəyanatında qeyd olunur: “Biz hazırıq”.", reg) == [
        "aliyev"]
    # an English alias takes no ending: "Bakus" is not "Baku"
    assert _speakers('T\n\n"We are ready," Bakus said.') == ["new:bakus"]


@pytest.mark.parametrize("text, expected", [
    # a stated intention of a person or title right before the quote: their words
    ('T\n\nThe new prime minister also intends to "prepare the society for joining NATO."',
     ["new:new-prime-minister"]),  # (the slug of the title as written)
    ('T\n\nMirzoyan said he was pleased. He wants to "bring peace to the region."',
     ["mirzoyan"]),
    ('T\n\nMirzoyan is ready to "sign the treaty tomorrow."', ["mirzoyan"]),
    ('T\n\nTom Vale plans to "sign the treaty tomorrow."', ["new:tom-vale"]),
    # not a body's plan, nor a short quote
    ('T\n\nThe government plans to "sign the treaty tomorrow."', [None]),
    ('T\n\nMirzoyan intends to "win".', [None]),
])
def test_a_stated_intention_before_a_quote(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text", [
    'T\n\nMirzoyan read the book "The Caucasus" on the plane.',
    'T\n\nMirzoyan visited the "Tsitsernakaberd" memorial and said nothing.',
    'T\n\nAliyev said the film "Stone Dreams" was a provocation.',
])
def test_titles_of_books_films_memorials_are_terms(text):
    assert _speakers(text, REG_A) == [None]


# Session 5 (issue 15b): rules from the error list of heldout2 (development material now) --

@pytest.mark.parametrize("text, expected", [
    # every quote opened AND closed with ” (some outlets' habit)
    ('T\n\n”We are ready to talk,” Mirzoyan said.\n\nBaku said: ”Not now.”',
     [("We are ready to talk,", "mirzoyan"), ("Not now.", "baku")]),
    # opened with “ and closed with “ (the mirror habit), before and after the speaker
    ('T\n\nPeace is a “daydream“, Mirzoyan said.\n\nBaku said it was “not serious“.',
     [("daydream", "mirzoyan"), ("not serious", "baku")]),
    # a ” inside a word pair still closes an ordinary “ quote
    ('T\n\n“We are ready,” Mirzoyan said.', [("We are ready,", "mirzoyan")]),
])
def test_quotes_opened_with_a_closing_mark_or_closed_with_an_opening_one(text, expected):
    assert _quotes(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "Nations" in "Greece, Cyprus and the United Nations" is no verb: Cyprus is no subject,
    # "he" is the last person named as a subject (Mirzoyan)
    ('T\n\nMirzoyan also criticised the plan, which was opposed by Greece, Cyprus and the '
     'United Nations.\n\n"It will fail," he said.', ["mirzoyan"]),
    ('T\n\n"It will fail," he said, after Mirzoyan criticised the plan.\n\nGreece, Cyprus and '
     'the United Nations opposed it.', [None]),
])
def test_a_subject_needs_a_verb_in_lower_case(text, expected):
    assert _speakers(text) == expected


def test_a_matter_in_capitals_is_no_person():
    # "the Cyprus Problem" is a matter: no new: id for it, "he" is the person named before
    text = ('T\n\nTom Vale spoke on Monday about the Cyprus Problem raised by the talks.\n\n'
            '"It must end," he said.')
    assert _speakers(text) == ["new:tom-vale"]
    assert _speakers('T\n\n"It must end," the Cyprus Problem said.') == [None]


@pytest.mark.parametrize("text, expected", [
    ('T\n\nThe commander Brigadier Tom Vale said the unit "will move north."',
     ["new:tom-vale"]),
    ('T\n\n"We will move north," said Colonel Tom Vale.', ["new:tom-vale"]),
])
def test_military_ranks_are_titles_not_names(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the title in apposition belongs to the name before it, not to the president after "for"
    ('T\n\nTom Vale, spokesman for Narnian President Anna Ivers, said "we are ready."\n\n'
     '"The talks will go on," the spokesman said.', ["new:tom-vale", "new:tom-vale"]),
    ('T\n\nTom Vale, a spokesman for President Anna Ivers, met the press.\n\nAccording to the '
     'spokesman, "the talks will go on."', ["new:tom-vale"]),
    # without the comma the title stays with the name (as before)
    ('T\n\nA spokesman for the president Tom Vale said it.\n\n"We are ready," he said.',
     ["new:tom-vale"]),
])
def test_a_title_in_apposition_is_the_name_before_its_for(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a participle after a comma belongs to the main clause, not to the clause it reports
    ('T\n\nMirzoyan said on Friday that Baku claimed it had taken the town, stressing that '
     '"this is not true."', ["mirzoyan"]),
    # "write" inside a clause that "noting that" reports: Mirzoyan's words about Vale
    ('T\n\nThe deal is clear, Mirzoyan said, noting that Vale should write "his wishes" to '
     'someone else.', ["mirzoyan"]),
    # a verb in -ing after a preposition is a noun: the speaker is the subject of "accused"
    ('T\n\nMirzoyan accused Baku of continuing its "violations against citizens".',
     ["mirzoyan"]),
    # but a speech verb in the reported clause keeps its own subject
    ('T\n\nMirzoyan said that Baku called the talks "useless."', ["baku"]),
])
def test_main_clause_speakers_over_reported_clauses(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # quotes with no verb, speaker named in the next sentence ("X made the statements")
    ('T\n\nThe plan fits a “long vision” rather than a “short plan,” given that “every offer '
     'was rejected.” Foreign Minister Ararat Mirzoyan made the statements at a TV show.',
     ["mirzoyan", "mirzoyan", "mirzoyan"]),
    ('T\n\nThe plan fits a “long vision,” given that “every offer was rejected.” Tom Vale '
     'made these remarks on Monday.', ["new:tom-vale", "new:tom-vale"]),
    # nobody in the next sentence: nobody
    ('T\n\nThe plan fits a “long vision,” given that “every offer was rejected.” The '
     'remarks were made on Monday.', [None, None]),
])
def test_speaker_named_in_the_next_sentence_by_made_the_statements(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # inverted: "said a <body> statement" (the body speaks); then quotes standing alone
    ('T\n\n”We want peace,” said a Baku statement dated April 10.\n\n”It is a fair offer to '
     'all sides of the conflict.”', ["baku", "baku"]),
    ('T\n\n"We want peace," said a Baku official.', [None]),
])
def test_inverted_subject_a_body_statement(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a first name alone after the person was named in full, registered or not, both orders
    ('T\n\nAnna Ivers met the press on Monday.\n\n"We are ready," Anna said decisively.',
     ["ivers"]),
    ('T\n\nTom Vale met the press on Monday.\n\nAnna Ivers left. Tom said: "We are ready."',
     ["new:tom-vale"]),
    # two persons of that first name: no guess
    ('T\n\nTom Vale and Tom Reed met on Monday.\n\n"We are ready," Tom said.', ["new:tom"]),
])
def test_a_first_name_alone_is_the_person_named_in_full(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an unnamed ministry spokesperson speaks for the ministry named before, both orders,
    # and "he" after it is that speaker too (not a name of the sentence before)
    ('T\n\nThe Narnian Foreign Ministry rejected the claim.\n\nTom Vale won the Lok Sabha '
     'polls. A foreign ministry spokesperson said "the claim is false."',
     ["narnia_mfa"]),
    ('T\n\nThe Narnian Foreign Ministry rejected the claim.\n\n"The claim is false," the '
     'ministry spokesperson said.', ["narnia_mfa"]),
    # no ministry named: the spokesperson as written (unregistered)
    ('T\n\n"The claim is false," the ministry spokesperson said.',
     ["new:ministry-spokesperson"]),
    # a spokesperson named with that title is still the person
    ('T\n\nMinistry spokesperson Tom Vale spoke.\n\n"The claim is false," the ministry '
     'spokesperson said.', ["new:tom-vale"]),
])
def test_an_unnamed_spokesperson_speaks_for_the_body_named_before(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a hard-wrapped paragraph (e-mail or wire text) is one paragraph: the speaker two lines
    # up is found, before and after the quote
    ('Clips\n\nSpeaking on Narnian\ntelevision, the spokesperson, Tom Vale, stressed that\n'
     'those who took part in the\nprocess "have not given up hope." He added that the\n'
     'proposal was seen as "very constructive."', ["new:tom-vale", "new:tom-vale"]),
    ('Clips\n\n"We have not given up hope and we remain\nengaged in the process," the '
     'spokesperson\nof the mission, Tom Vale, said on\nMonday.', ["new:tom-vale"]),
])
def test_hard_wrapped_paragraphs_are_read_whole(text, expected):
    assert _speakers(text) == expected


def test_hard_wrapping_leaves_headline_captions_and_short_lines_alone():
    text = ('Mirzoyan says talks go on\nMirzoyan said: "Talks go on."\nPhoto: Reuters\n'
            'Baku said: "No."')
    seg = _seg(text)
    assert list(seg["role"]) == ["headline", "narration", "quote", "caption", "narration",
                                 "quote"]
    assert _speakers(text) == ["mirzoyan", "baku"]


def test_a_verb_in_a_relative_clause_after_the_quote_is_not_the_speakers():
    # "which has been hinting" belongs to Baku, not to the quote: the speaker is "He"
    text = ('T\n\nMirzoyan spoke on Monday. He put the talk of war down to "bluffs" by Baku, '
            'which has been hinting of an offensive.')
    assert _speakers(text) != ["baku"]


@pytest.mark.parametrize("text, expected", [
    # a name with a title in commas before its verb is a subject: "he" is that person
    ('T\n\nThe Narnian envoy, Tom Vale, is preparing for talks.\n\n"I think they will pass '
     'soon," he says.', ["new:tom-vale"]),
    ('T\n\nThe Narnian envoy, Tom Vale, is preparing for talks.\n\nHe says: "I think they '
     'will pass soon."', ["new:tom-vale"]),
])
def test_a_name_between_commas_before_its_verb_is_a_subject(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "he" goes back to the subject of the main clause, not to a subject inside the clause
    # that "noted that" reports; both orders
    ('T\n\nMirzoyan noted that this was not new and that Tom Vale had been forced to accept '
     'it.\n\n"This cannot happen with a unilateral claim," he said.', ["mirzoyan"]),
    ('T\n\nMirzoyan noted that this was not new and that Tom Vale had been forced to accept '
     'it.\n\nHe said: "This cannot happen with a unilateral claim."', ["mirzoyan"]),
    # a subject of its own sentence still counts
    ('T\n\nMirzoyan noted that this was not new. Tom Vale had been forced to accept it.\n\n'
     '"This cannot happen with a unilateral claim," he said.', ["new:tom-vale"]),
])
def test_a_pronoun_skips_subjects_of_reported_clauses(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # ", says X" after the quote's own clause: X speaks, not the name inside that clause
    ("Baku is 'needlessly internationalising' Narnia issue, says Mirzoyan\n\nText.",
     ["mirzoyan"]),
    ('T\n\nBaku is "needlessly internationalising" the Narnia issue, said Tom Vale.',
     ["new:tom-vale"]),
    # the name right after the quote, then the verb: that name
    ('T\n\n"We are ready," Mirzoyan said.', ["mirzoyan"]),
])
def test_inverted_verb_after_a_comma_names_the_speaker(text, expected):
    assert _speakers(text) == expected


def test_heldout2_scores_as_development_material():
    """heldout2 (26 real reports, 111 speech quotes, 21 terms; tests/data/news/real/README.md)
    was scored once with main at d4dbbad: span F1 0.960, end to end 67 of 111, 5 of 21 terms
    as speech. Session 5 (issue 15b) developed on it: 101 of 111, 4 of 21 terms; session 6:
    109 of 111, 2 of 21 terms. Kept so
    regressions of the rules alone show (the chooser, the default, is trained on this set)."""
    real = Path(__file__).parent / "data" / "news" / "real" / "heldout2"
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(real.glob("*.txt"))}
    gold = read_gold_quotes(real / "gold.csv", texts)
    assert (gold["kind"] == "speech").sum() == 111 and (gold["kind"] == "term").sum() == 21
    seg = pd.concat([segment_article(t, source=s, actors=real / "actors.csv",
                                     speakers="rules")
                     for s, t in texts.items()])
    ev = evaluate_quotes(seg, gold, texts=texts).set_index(["scope", "metric"])
    assert ev.loc[("attribution", "end_to_end"), "numerator"] >= 109
    assert ev.loc[("attribution", "terms_as_speech"), "numerator"] <= 2
    assert ev.loc[("quote", "f1"), "value"] >= 0.99


@pytest.mark.parametrize("text, expected", [
    # a quote left open at a paragraph's end, closed in the next with no opening mark there
    ('T\n\nIn a video, Mirzoyan said, “We sought peace, but we are prepared.\n\nThere will be '
     'no talks after today.”Mirzoyan further vowed to go “even to the sea,” he added.',
     [("We sought peace, but we are prepared.", "mirzoyan"),
      ("There will be no talks after today.", "mirzoyan"), ("even to the sea,", "mirzoyan")]),
    # the previous paragraph's quote closed: a stray closing mark opens nothing
    ('T\n\nMirzoyan said, “We are prepared.”\n\nThere will be no talks.” Baku said “no.”',
     [("We are prepared.", "mirzoyan"), ("no.", "baku")]),
])
def test_a_quote_closed_in_the_next_paragraph_without_an_opening_mark(text, expected):
    assert _quotes(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a quoted modifier of one or two words after "that", before its noun, is a term
    ('T\n\nBaku rejected Mirzoyan\'s claim that "Narnian independence" activities were '
     'lawful.', [("Narnian independence", None)]),
    # after "that" with a verb after it, the words are the speaker's
    ('T\n\nMirzoyan said that "nobody" believed it.', [("nobody", "mirzoyan")]),
])
def test_a_quoted_modifier_after_that_is_a_term(text, expected):
    assert _quotes(text) == expected


# Session 6 (issue 15b): rules found on the misses of heldout3 and the other real sets, each
# tested here on articles written for the tests ------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    # "he" after a title subject: the person the title names, with its country's adjective
    # ("the Narnian minister" is not the Ruritanian minister named last)
    ("T\n\nNarnia's Minister of Information, Anna Ivers, accused Ruritania, in response to "
     "comments by Ruritania's Foreign Minister Tom Vale.\n\nThe Narnian minister contrasted "
     "the two stances. He described the talks as “brotherly”.", ["ivers"]),
    ("T\n\nNarnia's Minister of Information, Ken Oduya, accused Ruritania, in response to "
     "comments by Ruritania's Foreign Minister Tom Vale.\n\nThe Narnian minister contrasted "
     "the two stances. He described the talks as “brotherly”.", ["new:ken-oduya"]),
])
def test_a_pronoun_after_a_title_subject_takes_the_person_of_that_nationality(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "Yesterday" at a sentence's start is no name; "with NP -ing": the NP is the subject
    ("T\n\nYesterday, it was reported that some voters stayed home, with one woman "
     "describing it as a “trap”.", [None]),
    ("T\n\nThe vote went ahead, with Mirzoyan describing it as a “trap”.", ["mirzoyan"]),
    ("T\n\nThe vote went ahead, with Tom Vale describing it as a “trap”.", ["new:tom-vale"]),
    # without "with", the participle's subject is the main clause's
    ("T\n\nMirzoyan rejected the vote, describing it as a “trap”.", ["mirzoyan"]),
])
def test_an_absolute_construction_has_its_own_subject(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the attribution ends the sentence, far after the quote (more than ten words)
    ('T\n\nTwo vessels and two "fishing boats" shadowed a warship near the reef in the '
     'western sea on Monday, the Narnian Foreign Ministry reported.', ["narnia_mfa"]),
    ('T\n\nBaku will "intensify efforts" for the demilitarization of the islands and is '
     'prepared to challenge them, Foreign Minister Tom Vale indicated in comments on Friday.',
     ["new:tom-vale"]),
    # two quotes before it: both are the speaker's
    ('T\n\nOfficers "landed there", where they "handled the situation" as the law requires '
     'of them, spokesperson Anna Ivers said in a statement.', ["ivers", "ivers"]),
    # an anonymous subject: nobody
    ('T\n\nTwo vessels and two "fishing boats" shadowed a warship near the reef in the '
     'western sea on Monday, diplomatic sources said.', [None]),
    # the verb does not end the sentence: no attribution from that far
    ('T\n\nTwo vessels and two "fishing boats" shadowed a warship near the reef in the '
     'western sea on Monday, Mirzoyan said, calling for talks.', [None]),
])
def test_an_attribution_ending_the_sentence_reaches_its_quotes(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a quoted modifier after "any" is a term, even with a speaker ending the sentence
    ('T\n\nANY "Narnian independence" separatist activity can only bring disaster, a '
     'spokesperson for Baku said.', [("Narnian independence", None)]),
    # "reported" reports speech
    ('T\n\n"We saw two ships," the Narnian Foreign Ministry reported.',
     [("We saw two ships,", "narnia_mfa")]),
])
def test_any_before_a_quoted_modifier_and_reported(text, expected):
    assert _quotes(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a title before a name in apposition is the person's: "the Narnian president" later is
    # Ivers, not the Ruritanian prime minister named last
    ("T\n\nThe Narnian president, Anna Ivers, has refused to clarify it.\n\nThe Ruritanian "
     "prime minister, Tom Vale, responded with an ultimatum.\n\nThe Narnian president failed "
     "to answer, asking instead for a meeting “before the situation deteriorates”.", ["ivers"]),
    ("T\n\nThe Narnian president, Ken Oduya, has refused to clarify it.\n\nThe Ruritanian "
     "prime minister, Tom Vale, responded with an ultimatum.\n\nThe Narnian president failed "
     "to answer, asking instead for a meeting “before the situation deteriorates”.",
     ["new:ken-oduya"]),
    # nobody of that nationality named: the title's own new: id, not Tom Vale
    ("T\n\nThe Ruritanian prime minister, Tom Vale, responded with an ultimatum.\n\nThe "
     "Narnian president failed to answer, asking instead for a meeting “before the situation "
     "deteriorates”.", ["new:narnian-president"]),
])
def test_a_title_in_apposition_before_a_name_is_the_persons(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # one word after "a": the speaker's new description, not a term held at a distance
    ('T\n\nMirzoyan has proposed a "flexible" solution to the dispute.',
     [("flexible", "mirzoyan")]),
    ('T\n\nTom Vale rejected the vote, saying it was a "disastrous" outcome.',
     [("disastrous", "new:tom-vale")]),
    # after "the", "such" or a possessive the quoted modifier stays a term
    ('T\n\nMirzoyan rejected the "angry" statements of officials.', [("angry", None)]),
    ('T\n\nMirzoyan rejected such "condemning" comments by officials.',
     [("condemning", None)]),
    # "cannot" after the quoted words: no noun, so no modifier; the words are the speaker's
    ('T\n\n"We are ready," Mirzoyan said, warning that the "grave provocation" cannot be '
     'overlooked.', [("We are ready,", "mirzoyan"), ("grave provocation", "mirzoyan")]),
])
def test_a_quoted_word_after_an_indefinite_article_is_speech(text, expected):
    assert _quotes(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a speech verb after a modal or "to" is no speech act: the earlier verb reports
    ("T\n\nMirzoyan said the world community should condemn and act against a “neighbouring” "
     "country, which “supports terrorists.”", ["mirzoyan", "mirzoyan"]),
    ('T\n\nTom Vale urged the world to condemn the "aggression against Narnia".',
     ["new:tom-vale"]),
    # no earlier verb: nobody speaks
    ('T\n\nThe world should condemn the "aggression against Narnia".', [None]),
])
def test_a_verb_after_a_modal_is_not_the_speech_act(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a dateline is no subject: the sentence after it starts its own subject
    ("T\n\nBAKU, May 8 (Trend) -- Mirzoyan lashed out at Narnia on Friday for the drills, "
     "calling them a “total denial” of the deal.", ["mirzoyan"]),
    ("T\n\nBAKU - Tom Vale lashed out at Narnia on Friday, calling the drills a “total "
     "denial” of the deal.", ["new:tom-vale"]),
    ("T\n\nBaku, 8 May (AZERTAC) – Tom Vale lashed out at Narnia on Friday, calling the "
     "drills a “total denial” of the deal.", ["new:tom-vale"]),
    ("T\n\nBAKU - The talks collapsed on Friday, with observers calling it a “total denial” "
     "of the deal.", [None]),
    # without a dateline the capital is the subject
    ("T\n\nBaku lashed out at Narnia on Friday, calling the drills a “total denial” of the "
     "deal.", ["baku"]),
])
def test_a_dateline_is_no_subject(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a headline quote of one word that a speaker of the article quotes: that speaker
    ("Baku ‘determined’ to pursue talks\n\nMirzoyan said that Baku is “determined” to go on.",
     ["mirzoyan", "mirzoyan"]),
    ("Baku ‘determined’ to pursue talks\n\nTom Vale said that Baku is “determined” to go on.",
     ["new:tom-vale", "new:tom-vale"]),
    # two speakers quote the word: nobody for the headline
    ("Baku ‘determined’ to pursue talks\n\nTom Vale said that Baku is “determined” to go on. "
     "Mirzoyan said Narnia is “determined” too.", [None, "new:tom-vale", "mirzoyan"]),
])
def test_a_short_headline_quote_repeating_one_speakers_words(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the speaker named alone at the headline's end, after a dash or a colon
    ("Narnia resisting ‘coordinated attacks’ by Baku – Tom Vale (video)\n\nText.",
     ["new:tom-vale"]),
    ("Narnia resisting ‘coordinated attacks’ by Baku: Mirzoyan\n\nText.", ["mirzoyan"]),
    # no speaker there; a news agency is the source of the news, not a speaker
    ("Narnia resisting ‘coordinated attacks’ by Baku – report\n\nText.", [None]),
    ("Narnia ‘ready’ for talks – Reuters\n\nText.", [None]),
    ("Narnia ‘ready’ for talks: Narnian Foreign Ministry\n\nText.", ["narnia_mfa"]),
    # a quoted name before the noun it modifies is a term, whoever the headline names
    ("No Room for “Narnian Independence” Separatist Activities: Mirzoyan\n\nText.", [None]),
])
def test_a_headline_naming_its_source_at_the_end(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # who is spoken to is not the speaker, even when the participle's closing comma is missing
    ("T\n\nForeign Minister Anna Ivers, speaking to the Daily Globe newspaper said “We are "
     "ready.”", ["ivers"]),
    ("T\n\nForeign Minister Tom Vale (Tomo), speaking to the Daily Globe newspaper said “We "
     "are ready.”", ["new:tom-vale"]),
    ("T\n\nA man speaking to the Daily Globe newspaper said “We are ready.”", [None]),
    # the speaker after the quote, the addressee after "told"
    ("T\n\n“We are ready,” Tom Vale told the Daily Globe.", ["new:tom-vale"]),
])
def test_the_one_spoken_to_is_not_the_speaker(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a capitalised title in apposition after a name (no closing comma) is no second person
    ("T\n\nIn a statement Commander Tom Vale, Chief PAO of WESCOM said, that patrols go on."
     "\n\n“Our vessels are patrolling,” he said.", ["new:tom-vale"]),
    ("T\n\nCommander Tom Vale, Chief PAO of WESCOM said: “Our vessels are patrolling.”",
     ["new:tom-vale"]),
    ("T\n\nAnna Ivers, Deputy Head of Mission said: “Our vessels are patrolling.”", ["ivers"]),
])
def test_a_capitalised_title_in_apposition_without_its_comma(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an attribution between dashes inside the quote (Russian typography): two quotes of
    # the speaker it names, the attribution narration
    ("T\n\n«We are ready, - Mirzoyan has emphasized. – there is no other way for us».",
     [("We are ready,", "mirzoyan"), ("there is no other way for us", "mirzoyan")]),
    ("T\n\n«We are ready, — said Tom Vale. — There is no other way for us».",
     [("We are ready,", "new:tom-vale"), ("There is no other way for us", "new:tom-vale")]),
    # dashes without a speech verb between them: one quote, nobody's
    ("T\n\n«We are ready, – and this is clear. – there is no other way for us».",
     [("We are ready, – and this is clear. – there is no other way for us", None)]),
])
def test_an_attribution_between_dashes_inside_a_quote(text, expected):
    assert _quotes(text) == expected


def test_the_attribution_between_dashes_is_narration():
    seg = _seg("T\n\n«We are ready, - Mirzoyan has emphasized. – there is no other way».")
    assert seg[seg["role"] == "narration"]["text"].tolist() == [
        "- Mirzoyan has emphasized. –", "."]


@pytest.mark.parametrize("text, expected", [
    # a quote with a speaker of its own that the registry does not name does not continue
    # the previous speaker's quotes
    ('T\n\n"We are ready now," Mirzoyan said.\n\n"We will win this fight," diplomatic sources '
     'said.', ["mirzoyan", None]),
    ('T\n\n"We are ready now," Mirzoyan said.\n\n"We will win this fight," it was said.',
     ["mirzoyan", None]),
    # a quote standing alone does
    ('T\n\n"We are ready now," Mirzoyan said.\n\n"We will win this fight."',
     ["mirzoyan", "mirzoyan"]),
    # the kosovar 'premier': the quoted word is the subject's noun, not a name
    ("T\n\n“We are ready now,” Mirzoyan said.\n\n“We will win this fight, whatever they "
     "do,” criticized the Narnian ‘premier’.", [("We are ready now,", "mirzoyan"),
                                              ("We will win this fight, whatever they do,",
                                               "mirzoyan"), ("premier", None)]),
])
def test_a_quote_with_its_own_unnamed_speaker_continues_nobody(text, expected):
    if isinstance(expected[-1], tuple):
        assert _quotes(text) == expected
    else:
        assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # the words of a quoted term of the article, quoted again, are that term again
    ('T\n\nBaku condemned the so-called "referendums" in Narnia. "The votes are a farce," '
     'Mirzoyan said, adding that the "referendums" changed nothing.',
     [("referendums", None), ("The votes are a farce,", "mirzoyan"), ("referendums", None)]),
    ('T\n\nTom Vale rejected any "Narnian independence" separatist activity. He said Baku '
     'would never accept "Narnian independence."',
     [("Narnian independence", None), ("Narnian independence.", None)]),
    # a speaker's own quotation (nested) does not make the words a term elsewhere
    ('T\n\nMirzoyan said: "There is no \'peace plan\' of any kind." He added that there is no '
     '"peace plan".', [("There is no", "mirzoyan"), ("peace plan", None),
                       ("of any kind.", "mirzoyan"), ("peace plan", "mirzoyan")]),
])
def test_a_quoted_term_quoted_again_is_a_term(text, expected):
    assert _quotes(text) == expected


@pytest.mark.parametrize("text, expected", [
    # more reporting verbs: find it, lash out, post, decry, attribute, cite
    ("T\n\nMirzoyan spoke on Monday. He finds it “strange” that Baku continues to accuse "
     "Narnia.", ["mirzoyan"]),
    ("T\n\nTom Vale lashed out at Baku, calling the drills “a provocation”.", ["new:tom-vale"]),
    ("T\n\n“We will not give up,” Tom Vale posted on social media.", ["new:tom-vale"]),
    ("T\n\nMirzoyan decried the “aggression against Narnia”.", ["mirzoyan"]),
    ('T\n\nTom Vale attributed the speculation to "bluffs" by Baku.', ["new:tom-vale"]),
    # the noun forms stay nouns; nobody speaks
    ("T\n\nThe posts “We will not give up” were deleted.", [None]),
    ('T\n\nThe island must be on alert for the "sudden entry" of ships.', [None]),
])
def test_more_reporting_verbs(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # after the quote: a relative clause closed by a comma before the verb
    ('T\n\n"We are ready," Mirzoyan, who met Ivers on Monday, told reporters.', ["mirzoyan"]),
    ('T\n\n"We are ready," Tom Vale, who met Ivers on Monday, told reporters.',
     ["new:tom-vale"]),
    # two subjects after the quote: nobody alone (as before it)
    ('T\n\n"We are ready," Mirzoyan and Ivers said in a joint statement.', [None]),
    ('T\n\nMirzoyan and Ivers said in a joint statement: "We are ready."', [None]),
    # a possessive and a preposition's object only modify the head: the name in apposition
    ('T\n\n"The talks are over," Narnia\'s ambassador to Baku, Tom Vale, said.',
     ["new:tom-vale"]),
    ('T\n\nNarnia\'s ambassador to Baku, Tom Vale, said: "The talks are over."',
     ["new:tom-vale"]),
    # "a Baku official" is nobody named, before or after the quote
    ('T\n\n"It is baseless," a Baku official said on condition of anonymity.', [None]),
    ('T\n\nA Baku official said: "It is baseless."', [None]),
    # an age in apposition
    ('T\n\nTom Vale, 45, a resident of Baku, said the shelling was "terrifying".',
     ["new:tom-vale"]),
])
def test_subjects_after_the_quote_read_as_before_it(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a relative pronoun as the subject stands for the mention before its comma
    ("T\n\nMirzoyan's remarks drew an angry response from Baku, which called them "
     '"provocative".', ["baku"]),
    ('T\n\nIvers met Tom Vale, who said the talks were "over".', ["new:tom-vale"]),
    ('T\n\nThe report, which called them "provocative", was deleted.', [None]),
])
def test_a_relative_pronoun_subject(text, expected):
    assert _speakers(text) == expected


REG_RU = pd.DataFrame({"id": ["petrov"], "name": ["Иван Петров"], "aliases": ["Петров"]})


@pytest.mark.parametrize("text, actors, expected", [
    # Russian and Armenian names not in the registry are found (first name and a surname's
    # ending), and the surname alone after the full name is that person
    ("Т\n\n«Мы готовы к переговорам», — заявил Олег Смирнов.\n\n«Это не изменится "
     "никогда», — добавил Смирнов.", REG, ["new:олег-смирнов", "new:олег-смирнов"]),
    ("Т\n\nАнна Смирнова заявила: «Мы готовы».", REG, ["new:анна-смирнова"]),
    ("Թ\n\n«Մենք պատրաստ ենք բանակցությունների», - ասել է Արամ Պետրոսյանը։\n\n«Մենք "
     "պատրաստ ենք բանակցությունների», - ասել է Պետրոսյանը։", REG,
     ["new:արամ-պետրոսյան", "new:արամ-պետրոսյան"]),
    # registered: the registry's id
    ("Т\n\n«Мы готовы к переговорам», — заявил Иван Петров.", REG_RU, ["petrov"]),
    # a place is no name, a surname alone is none before the full name
    ("Т\n\n«Мы готовы», — заявили в Киеве.", REG, [None]),
    ("Т\n\n«Мы готовы», — заявил Смирнов.", REG, [None]),
    # "..., сообщает ТАСС": the agency carries the statement, the speaker is named before
    ("Т\n\nОб этом во вторник заявил генерал-майор Игорь Конашенков, сообщает ТАСС.\n\n"
     "«Российские миротворцы контролируют коридор».", REG, ["new:игорь-конашенков"]),
])
def test_russian_and_armenian_names_not_in_the_registry(text, actors, expected):
    assert _speakers(text, actors) == expected


@pytest.mark.parametrize("text, expected", [
    # the author of the statement named after the verb or after the statement
    ('T\n\n"Talks are over," read a statement from the Narnian Foreign Ministry.',
     ["narnia_mfa"]),
    ('T\n\n"Talks are over," the statement from the Narnian Foreign Ministry read.',
     ["narnia_mfa"]),
    ('T\n\n"Talks are over," read a statement from the Ruritanian Interior Ministry.',
     ["new:ruritanian-interior-ministry"]),
    ('T\n\nAccording to a statement from the Narnian Foreign Ministry, "talks are over".',
     ["narnia_mfa"]),
    # no author: nobody
    ('T\n\n"Talks are over," read a statement.', [None]),
])
def test_a_statement_read_after_the_quote_names_its_author(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an indefinite title introduces someone: not the last person named
    ('T\n\n"We are ready," Mirzoyan said.\n\nBut Baku was unimpressed.\n\n"This is a bluff," '
     'a spokesperson for Baku said.', ["mirzoyan", "baku"]),
    ('T\n\n"We are ready," Mirzoyan said.\n\nA spokesperson for Baku said: "This is a bluff."',
     ["mirzoyan", "baku"]),
    # a definite title still refers back
    ('T\n\nSpokesperson Anna Ivers spoke on Monday.\n\n"This is a bluff," the spokesperson '
     'said.', ["ivers"]),
])
def test_an_indefinite_title_does_not_refer_back(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "President Tom Vale of Narnia": the person is the name before "of"
    ('T\n\nPresident Tom Vale of Narnia said: "We are ready."', ["new:tom-vale"]),
    ('T\n\n"We are ready," said President Tom Vale of Narnia.', ["new:tom-vale"]),
    # a body's name keeps its "of"
    ('T\n\nThe Ministry of Foreign Affairs of Narnia said: "We are ready."', ["narnia_mfa"]),
    # "disagreed" reports speech
    ('T\n\nTom Vale said the vote was "rigged". His colleague Ann Lee disagreed: "It was '
     'fair."', ["new:tom-vale", "new:ann-lee"]),
])
def test_a_name_of_a_place_and_disagree(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a parenthesis between dashes before the verb, as between commas
    ('T\n\nIvers — who met Mirzoyan on Monday — said the talks were "constructive".',
     ["ivers"]),
    ('T\n\nTom Vale – who met Mirzoyan on Monday – said the talks were "constructive".',
     ["new:tom-vale"]),
    ('T\n\nThe talks — held behind closed doors — were called "constructive".', [None]),
])
def test_a_parenthesis_between_dashes(text, expected):
    assert _speakers(text) == expected


def test_heldout3_scores_as_development_material():
    """heldout3 (tests/data/news/real/heldout3, with its actors.csv; 103 speech quotes, 17
    terms) was scored once at the end of session 5: span F1 0.981, speaker 86 of 102 found,
    end to end 86 of 103, 4 of 17 terms as speech. Session 6 (issue 15b) developed on its
    errors: 100 of 103 end to end, 2 terms. Kept so
    regressions of the rules alone show (the chooser, the default, is trained on this set)."""
    real = Path(__file__).parent / "data" / "news" / "real" / "heldout3"
    texts = {p.stem: p.read_text(encoding="utf-8") for p in sorted(real.glob("*.txt"))}
    gold = read_gold_quotes(real / "gold.csv", texts)
    assert (gold["kind"] == "speech").sum() == 103 and (gold["kind"] == "term").sum() == 17
    seg = pd.concat([segment_article(t, source=s, actors=real / "actors.csv",
                                     speakers="rules")
                     for s, t in texts.items()])
    ev = evaluate_quotes(seg, gold, texts=texts).set_index(["scope", "metric"])
    assert ev.loc[("attribution", "end_to_end"), "numerator"] >= 100
    assert ev.loc[("attribution", "terms_as_speech"), "numerator"] <= 2
    assert ev.loc[("quote", "f1"), "value"] >= 0.98


@pytest.mark.parametrize("text, expected", [
    # a short quote that is a sentence of its own continues the speaker
    ("T\n\n‘We are ready for talks,’ Mirzoyan said. ‘But not now.’", ["mirzoyan", "mirzoyan"]),
    ('T\n\n"We are ready," Tom Vale said.\n\n"We have always been ready," he continued. '
     '"Always."', ["new:tom-vale", "new:tom-vale", "new:tom-vale"]),
    # a short quote inside a sentence of the outlet's does not
    ('T\n\n"We are ready," Mirzoyan said. The "talks" went on.', ["mirzoyan", None]),
])
def test_a_short_quote_that_is_a_whole_sentence(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # "the latter" / "the former": of the two named just before
    ('T\n\nMirzoyan met Tom Vale on Monday. The latter said the talks were "useful".',
     ["new:tom-vale"]),
    ('T\n\nMirzoyan met Tom Vale on Monday. The former said the talks were "useful".',
     ["mirzoyan"]),
    ('T\n\nMirzoyan met Ivers on Monday. "The talks were useful," the latter said.', ["ivers"]),
    # three named: nobody; "the former president" is a title, not "the former"
    ('T\n\nMirzoyan met Ivers and Tom Vale. The latter said the talks were "useful".', [None]),
    ('T\n\nFormer president Tom Vale met Mirzoyan. The former president said the talks were '
     '"useful".', ["new:tom-vale"]),
])
def test_the_latter_and_the_former(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an unregistered name's possessive is read as a registered one's
    ("T\n\nTom Vale's words that the talks were \"useful\" angered Baku.", ["new:tom-vale"]),
    ("T\n\nBaku responded to Tom Vale's claim that the talks were \"useful\".",
     ["new:tom-vale"]),
    ("T\n\nBaku responded to Mirzoyan's claim that the talks were \"useful\".", ["mirzoyan"]),
])
def test_an_unregistered_possessive(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # a name in brackets right after another one is no subject of its own
    ('T\n\nTom Vale (Narnia) said the plan was "dead".', ["new:tom-vale"]),
    ('T\n\nAnna Ivers (Narnia) said the plan was "dead".', ["ivers"]),
    ('T\n\nThe Ministry of Foreign Affairs of Narnia (MAE) said the plan was "dead".',
     ["narnia_mfa"]),
])
def test_a_name_in_brackets_after_a_name(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # more title words: the name is the person, the title refers back to them
    ('T\n\nSenator Tom Vale said the plan was "dead".', ["new:tom-vale"]),
    ('T\n\nEU Commissioner Tom Vale said the plan was "dead".', ["new:tom-vale"]),
    ('T\n\nSecretary-General Tom Vale said the plan was "dead".', ["new:tom-vale"]),
    ('T\n\nSenator Tom Vale spoke.\n\n"It is over," the senator added.', ["new:tom-vale"]),
    ('T\n\nProfessor Anna Ivers said the plan was "dead".', ["ivers"]),
    # name particles: one name
    ('T\n\nStaffan de Mistura said the plan was "dead".', ["new:staffan-de-mistura"]),
    ('T\n\nUrsula von der Leyen said the plan was "dead".', ["new:ursula-von-der-leyen"]),
    ('T\n\n"The plan is dead," Ahmed al-Nur said.', ["new:ahmed-al-nur"]),
])
def test_more_titles_and_name_particles(text, expected):
    assert _speakers(text) == expected


@pytest.mark.parametrize("text, expected", [
    # an initial inside a name is part of it
    ('T\n\nJohn F. Kennedy said the plan was "dead".', ["new:john-f-kennedy"]),
    ('T\n\n"The plan is dead," J. Smith said.', ["new:j-smith"]),
])
def test_an_initial_inside_a_name(text, expected):
    assert _speakers(text) == expected
