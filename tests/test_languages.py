"""Issue 16: Russian, Armenian and Azerbaijani text -- sentences, case folding, language
detection, lemma matching, multilingual negation. Expected values are worked out by hand."""

import pandas as pd
import pytest

import frameshift as fs
from frameshift.corpus import from_frame
from frameshift.errors import OptionError
from frameshift.text.languages import detect_language, multilingual_negators, statement_languages
from frameshift.text.lemmas import azerbaijani_stem, lemma_forms
from frameshift.text.tokenizer import sentence_spans, tokenize_text

from languages_eval import score


# --------------------------------------------------------------------------- sentences
def test_armenian_full_stop_ends_a_sentence():
    # the example of the issue: two sentences, "Ինչ ես անում" and "Ոչինչ"
    t = tokenize_text("Ինչ ես անում։ Ոչինչ։")
    assert t["form"] == ["ինչ", "ես", "անում", "ոչինչ"]
    assert t["sentence"].tolist() == [0, 0, 0, 1]


def test_armenian_stress_marks_stay_inside_the_word():
    # ՞ (question) and ՜ (exclamation) sit on the stressed vowel: one word each, the mark is
    # dropped from the form; the sentence still ends at ։
    text = "Ի՞նչ ես անում։ Ինչո՞ւ։ Բարո՜վ"
    t = tokenize_text(text)
    assert t["surface"] == ["Ի՞նչ", "ես", "անում", "Ինչո՞ւ", "Բարո՜վ"]
    assert t["form"] == ["ինչ", "ես", "անում", "ինչու", "բարով"]
    assert t["sentence"].tolist() == [0, 0, 0, 1, 2]
    assert [text[a:b] for a, b in zip(t["start"], t["end"])] == t["surface"]


def test_sentence_counts_of_a_real_armenian_statement():
    # hy-dev-3 (yerevan.today, Mirzoyan): a heading line ending in "." then a quote of three
    # sentences, each ending in ։ -- a reader counts 4 sentences.
    st = pd.read_csv("tests/data/languages/statements.csv", keep_default_na=False)
    text = st.set_index("statement_id").at["hy-dev-3", "text"]
    spans = sentence_spans(text)
    assert len(spans) == 4
    assert text[spans[3][0]:spans[3][1]].startswith("21-րդ դարում")


def test_english_colon_is_not_a_sentence_end():
    assert tokenize_text("They said: yes. Then")["sentence"].tolist() == [0, 0, 0, 1]


# --------------------------------------------------------------------------- case folding
def test_turkic_capital_i_folds_to_plain_i():
    # str.casefold("İ") is "i" + U+0307; the tokenizer folds it to "i" (issue 16)
    assert tokenize_text("İnteqrasiya BAKI Bakı")["form"] == ["inteqrasiya", "baki", "baki"]
    assert fs.fold_case("İ") == "i"


def test_pattern_inteqrasiya_matches_capitalised_form():
    c = from_frame(pd.DataFrame({"statement_id": ["a"], "actor": ["az"],
                                 "text": ["İnteqrasiya planı. Bakı."]}))
    m = fs.find_matches(c, {"r": ["inteqrasiya"], "b": ["BAKI"]})
    assert m["match"].tolist() == ["İnteqrasiya", "Bakı"]


# --------------------------------------------------------------------------- languages
@pytest.mark.parametrize("text, code", [
    ("Мы не допустим принуждения.", "ru"),
    ("Արցախը երբեք չի եղել Ադրբեջանի կազմում։", "hy"),
    ("Qarabağda yaşayan ermənilər Azərbaycan vətəndaşlarıdır", "az"),
    ("The Armenians of Karabakh are citizens of Azerbaijan", "en"),
])
def test_detect_language(text, code):
    lang, conf = detect_language(text)
    assert lang == code and conf == 1.0


def test_detect_language_without_letters():
    assert detect_language("2020, 44!") == (None, 0.0)


def test_detected_languages_of_the_real_statements_agree_with_the_metadata():
    st = pd.read_csv("tests/data/languages/statements.csv", keep_default_na=False)
    got = statement_languages(st.drop(columns="language"))
    assert got["language"].tolist() == st["language"].tolist()
    assert (got["source"] == "detected").all()


def test_unknown_language_code_is_named():
    st = pd.DataFrame({"statement_id": ["s9"], "text": ["x"], "language": ["xx"]})
    with pytest.raises(OptionError, match="statement 's9': unknown language 'xx'"):
        statement_languages(st)


# --------------------------------------------------------------------------- lemmas
def test_azerbaijani_suffix_rules():
    # dative, ablative, possessive+genitive, plural+copula of the same nouns meet
    assert len({azerbaijani_stem(w) for w in
                ["vətəndaş", "vətəndaşlari", "vətəndaşlaridir", "vətəndaşlarina"]}) == 1
    assert azerbaijani_stem("bakı'da") == azerbaijani_stem("bakı")


def test_lemma_forms_follow_the_script():
    # a Cyrillic pattern word is not reduced by the Azerbaijani rules, nor the reverse
    assert lemma_forms("реинтеграция", ["az"]) == ["реинтеграция"]
    assert lemma_forms("qarabağda", ["ru"]) == ["qarabağda"]


def _corpus():
    return from_frame(pd.DataFrame({
        "statement_id": ["r", "a", "h", "e"], "actor": ["ru", "az", "hy", "en"],
        "language": ["ru", "az", "hy", "en"],
        "text": ["Мы не допустим реинтеграции. Реинтеграцию обсуждают.",
                 "Qarabağ ermənilərinin reinteqrasiyası.",
                 "Լաչինի միջանցքի շրջափակումը։",
                 "Reintegration talks, not reintegrations."]}))


LEX = {"reint": ["реинтеграция", "reinteqrasiya", "reintegration"],
       "block": ["շրջափակում", "միջանցք"]}


def test_lemma_matching_counts_inflected_forms_and_keeps_surfaces():
    m = fs.find_matches(_corpus(), LEX, settings=fs.MatchSettings(lemmas="auto"))
    assert m["match"].tolist() == ["реинтеграции", "Реинтеграцию", "reinteqrasiyası",
                                   "միջանցքի", "շրջափակումը", "Reintegration"]
    # the pattern column gives the dictionary form matched
    assert m["pattern"].tolist() == ["реинтеграция", "реинтеграция", "reinteqrasiya",
                                     "միջանցք", "շրջափակում", "reintegration"]
    # English is not reduced under "auto": "reintegrations" stays unmatched as before
    assert "reintegrations" not in m["match"].tolist()


def test_default_matching_is_unchanged():
    m = fs.find_matches(_corpus(), LEX)
    assert m["match"].tolist() == ["Reintegration"]


def test_multilingual_negation():
    # "Мы не допустим реинтеграции": не is 2 words before the match (window 3)
    m = fs.find_matches(_corpus(), LEX, settings=fs.MatchSettings(
        lemmas="auto", negators=multilingual_negators()))
    assert m["negated"].tolist() == [True, False, False, False, False, False]


def test_lemma_matching_refuses_case_sensitivity():
    with pytest.raises(OptionError, match="case-insensitive"):
        fs.MatchSettings(lemmas="auto", case_sensitive=True)
    with pytest.raises(OptionError, match="lemmas must be None or one of"):
        fs.MatchSettings(lemmas="porter")


def test_counts_agree_with_matches_under_lemma_matching():
    s = fs.MatchSettings(lemmas="auto")
    counts = fs.count_matches(_corpus(), LEX, by="statement_id", settings=s)
    assert counts["count"].tolist() == [2, 0, 1, 0, 0, 2, 1, 0]


# --------------------------------------------------------------------------- real texts
@pytest.mark.slow
def test_held_out_recall_and_precision():
    # Hand-coded occurrences on the held-out texts (tests/data/languages/CARD.md); numbers
    # reported in docs/languages.md. Armenian recall falls short of the 0.9.
    exact = score(None, split="test").set_index("language")
    lemma = score("auto", split="test").set_index("language")
    assert exact.loc[["ru", "hy", "az"], "recall"].max() < 0.3
    assert lemma.loc["ru", "recall"] >= 0.9 and lemma.loc["ru", "precision"] >= 0.9
    assert lemma.loc["az", "recall"] >= 0.9 and lemma.loc["az", "precision"] >= 0.9
    assert lemma.loc["hy", "precision"] >= 0.9
    assert lemma.loc["hy", "recall"] == pytest.approx(13 / 18)


# --------------------------------------------------------------------------- quotes
@pytest.mark.parametrize("sid, actor, opening", [
    # «Ситуация в регионе остается в центре внимания России», — отметил Нечаев.
    ("ru-dev-1", "ru_mfa", "Ситуация в регионе"),
    # “Bu, mümkün olmalıdır. ... olmalıdır”, – deyə dövlətimizin başçısı vurğulayıb.
    ("az-dev-2", "az_president", "Bu, mümkün olmalıdır"),
])
def test_russian_and_azerbaijani_quotes_are_attributed(sid, actor, opening):
    st = pd.read_csv("tests/data/languages/statements.csv", keep_default_na=False)
    text = st.set_index("statement_id").at[sid, "text"]
    actors = pd.DataFrame({"id": ["ru_mfa", "az_president"],
                           "name": ["Нечаев", "İlham Əliyev"],
                           "aliases": ["Иван Нечаев", "dövlətimizin başçısı"]})
    seg = fs.segment_article(text, actors=actors)
    quotes = seg[seg["role"] == "quote"]
    assert len(quotes) == 1
    assert quotes["actor"].iloc[0] == actor
    assert quotes["text"].iloc[0].startswith(opening)


# --------------------------------------------------------------------------- the sample
def test_quickstart_on_the_multilingual_sample():
    corpus = fs.read_corpus("karabakh_languages")
    assert len(corpus.statements) == 20
    s = fs.MatchSettings(lemmas="auto")
    t = fs.count_matches(corpus, "karabakh_toponyms", by="actor", settings=s).set_index(
        ["actor", "category"])["count"]
    # by hand: Baku's only Azerbaijani place name is "Xankəndidə" (az-dev-2); Moscow's only
    # Armenian one is "в Арцахе" (ru-dev-1, found by the Snowball step after simplemma)
    assert t["az_president", "azerbaijani_names"] == 1
    assert t["ru_mfa", "armenian_names"] == 1
    assert t["az_president", "armenian_names"] == 0
