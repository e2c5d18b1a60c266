"""Issue 16: Russian, Armenian and Azerbaijani text -- sentences, case folding, language
detection, lemma matching, multilingual negation. Expected values are worked out by hand."""

import pandas as pd
import pytest

import frameshift as fs
from frameshift.corpus import from_frame
from frameshift.errors import OptionError
from frameshift.text.languages import (armenian_negative, azerbaijani_negative, detect_language,
                                       multilingual_negators, statement_languages)
from frameshift.text.lemmas import armenian_key, azerbaijani_stem, lemma_forms
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


def _detect_by_loop(text):
    # the detection as first written (a Python loop over the characters), the reference the
    # table lookup of detect_language must agree with, answer for answer
    from frameshift.text.languages import _AZ_LETTERS, _AZ_SHARE, _script

    counts, az = {}, 0
    for ch in text:
        s = _script(ch)
        if s is None:
            continue
        counts[s] = counts.get(s, 0) + 1
        az += ch in _AZ_LETTERS
    total = sum(counts.values())
    if not total:
        return None, 0.0
    script = max(counts, key=counts.get)
    conf = counts[script] / total
    if script in ("Armn", "Cyrl"):
        return {"Armn": "hy", "Cyrl": "ru"}[script], round(conf, 3)
    if script != "Latn":
        return None, round(conf, 3)
    share = az / counts["Latn"]
    if 0.01 <= share <= 0.03:
        conf /= 2
    return ("az" if share >= _AZ_SHARE else "en"), round(conf, 3)


def test_vectorised_detection_gives_the_loop_s_answers():
    import random

    rng = random.Random(16)
    # letters of every script met (Latin with the Azerbaijani letters, Cyrillic, Armenian,
    # Greek, CJK, a letter beyond the BMP), digits, marks, spaces
    alphabet = ("abcdefghijklmnopqrstuvwxyzəğışçöüƏĞIŞÇÖÜİ" "абвгдежзийклмнопрстуфхцчшщыэюяЁ"
                "աբգդեզէըթժիլխծկհձղճմյնշոչպջռսվտրցւփքօֆԱԲԳ" "αβγδ漢字" "\U0001d400\U00010400"
                "0123456789 .,;:!?«»\n\u0301")
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 40)))
             for _ in range(3000)]
    # ties between two scripts (the first met wins), and no letters at all
    texts += ["ab αβ", "αβ ab", "аб աբ", "աբ аб", "\U0001d400 a", "a \U0001d400", "", "12 !"]
    want = [_detect_by_loop(t) for t in texts]
    assert [detect_language(t) for t in texts] == want
    assert detect_language("\ud800ab") == _detect_by_loop("\ud800ab") == ("en", 1.0)
    frame = pd.DataFrame({"statement_id": range(len(texts)), "text": texts})
    got = statement_languages(frame)
    assert [(x if isinstance(x, str) else None, c)
            for x, c in zip(got["language"], got["confidence"])] == want


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
    # Hand-coded occurrences on the 20 held-out texts of session 3 (tests/data/languages/
    # CARD.md; 17 ru, 23 hy, 40 az occurrences); numbers reported in docs/languages.md.
    # Exact matching finds 0/17, 3/23 and 13/40 of them (counted by hand from gold.csv: the
    # surfaces that are dictionary forms: hy հումանիտար x3; az dəhliz x3, sülhməramlı x3,
    # humanitar x2, hüquq x3, Blokada, Dəhliz).
    exact = score(None, split="test").set_index("language")
    lemma = score("auto", split="test").set_index("language")
    assert exact["correct"].tolist() == [0, 3, 13]
    assert (exact.loc[["hy", "az"], "precision"] == 1.0).all()
    for code in ("ru", "hy", "az"):
        assert lemma.loc[code, "recall"] >= 0.9 and lemma.loc[code, "precision"] >= 0.9


def test_second_azerbaijani_held_out_set():
    # 3 Azerbaijani texts taken after the k/y rule was added (12 occurrences, mostly
    # suverenlik: Suverenliyi, suverenliyimizi ...); exact matching finds only "hüquq"
    exact = score(None, split="test2").set_index("language")
    lemma = score("auto", split="test2").set_index("language")
    assert exact.loc["az", "correct"] == 1 and exact.loc["az", "gold"] == 12
    assert lemma.loc["az", "recall"] >= 0.9 and lemma.loc["az", "precision"] >= 0.9


def test_development_recall_and_precision():
    # the 20 texts of session 2, now all development texts (86 occurrences)
    lemma = score("auto", split="dev").set_index("language")
    for code in ("ru", "hy", "az"):
        assert lemma.loc[code, "recall"] >= 0.9 and lemma.loc[code, "precision"] >= 0.9
    # az: 20 found of 20 (session 3: 21, with hüquqi "legal" counted as hüquq; the vowel
    # harmony rule keeps it apart)
    assert lemma.loc["az", "found"] == lemma.loc["az", "correct"] == 20


def test_armenian_ending_rules_find_plurals_simplemma_does_not_know():
    # simplemma 2.0 does not know the plural խաղաղապահները ("the peacekeepers", hy-test-8)
    # and guesses the lemma խաղաղապահին; the ending rules strip -ները (plural + article)
    assert armenian_key("խաղաղապահները") == armenian_key("խաղաղապահ")
    # derived words keep their own key: civilian / citizenship are not citizen
    assert armenian_key("քաղաքացիական") != armenian_key("քաղաքացի")
    assert armenian_key("քաղաքացիություն") != armenian_key("քաղաքացի")
    # rival place names stay apart (simplemma lemmatises Շուշի to Շուշա)
    assert armenian_key("շուշի") != armenian_key("շուշա")


def test_azerbaijani_k_y_alternation():
    # təhlükəsizlik "security": təhlükəsizliyi (accusative), suverenlik: suverenliyinə (dative)
    assert azerbaijani_stem("təhlükəsizliyi") == azerbaijani_stem("təhlükəsizlik")
    assert azerbaijani_stem("suverenliyinə") == azerbaijani_stem("suverenlik")


def _az_meets(dictionary_form, token):
    # lemma matching's test: the token's key is one of the keys the lexicon word stands for
    return azerbaijani_stem(fs.fold_case(token)) in lemma_forms(dictionary_form, ["az"])


# Forms written by hand from the paradigms of K. Öztopçu (2003), Elementary Azerbaijani, 2nd
# ed. (plural -lar/-lər; possessives -ım -ın -ı/-sı -ımız -ınız -ları; cases genitive
# -ın/-nın, accusative -ı/-nı, dative -a/-ya, locative -da, ablative -dan, instrumental
# -la/-yla; -n- after the 3rd person possessive; -dakı; predicative -dır; k -> y and q -> ğ
# before a vowel) and C. Schönig (1998), "Azerbaijanian", in Johanson & Csató, The Turkic
# Languages (suffix order stem-plural-possessive-case-predicative).
@pytest.mark.parametrize("word, forms", [
    # a noun ending in a consonant, front vowels (dəhliz "corridor")
    ("dəhliz", "dəhlizi dəhlizin dəhlizə dəhlizdə dəhlizdən dəhlizlə dəhlizlər dəhlizləri "
               "dəhlizlərin dəhlizlərə dəhlizimiz dəhlizimizin dəhlizinə dəhlizində "
               "dəhlizindən dəhlizdəki dəhlizdir Dəhlizlərimizdən"),
    # ending in a vowel, back (blokada): the buffers n, y, s
    ("blokada", "blokadanın blokadanı blokadaya blokadada blokadadan blokadayla blokadası "
                "blokadasının blokadasını blokadasına blokadasında blokadalar blokadaları "
                "blokadalarının BLOKADAYA"),
    # k -> y before a vowel, in a chain (təhlükəsizlik "security")
    ("təhlükəsizlik", "təhlükəsizliyi təhlükəsizliyin təhlükəsizliyə təhlükəsizlikdə "
                      "təhlükəsizliyimiz təhlükəsizliyinə təhlükəsizliyinin təhlükəsizliklə"),
    # q -> ğ (Qarabağ "Karabakh", written with ğ already; bayraq "flag")
    ("bayraq", "bayrağı bayrağın bayrağa bayraqda bayraqlar bayrağımız bayrağımızın"),
    ("qarabağ", "Qarabağda Qarabağın Qarabağa Qarabağdakı Qarabağdakılara Qarabağ'da"),
    # rounded back vowels: the four-fold vowel is u (hüquq "right", ultimatum)
    ("hüquq", "hüququ hüququn hüquqa hüquqlar hüquqları hüquqlarının hüququna hüquqlarıdır"),
    ("ultimatum", "ultimatumu ultimatuma ultimatumlar ultimatumun"),
    # rounded front: ü (sülh "peace"); a vowel-final loan in ı (sülhməramlı)
    ("sülh", "sülhü sülhün sülhə sülhdən"),
    ("sülhməramlı", "sülhməramlılar sülhməramlıların sülhməramlılara sülhməramlıları "
                    "sülhməramlının sülhməramlıya sülhməramlılarımız"),
    # ending in -s, so that -sı (after a vowel) and -ı (after s) look alike (atəşkəs)
    ("atəşkəs", "atəşkəsi atəşkəsə atəşkəsin atəşkəsdən atəşkəsə"),
    # the Turkic capital İ (İnteqrasiya)
    ("inteqrasiya", "İnteqrasiyası İNTEQRASİYANIN inteqrasiyaya"),
])
def test_azerbaijani_inflected_forms_meet_their_dictionary_form(word, forms):
    missed = [f for f in forms.split() if not _az_meets(word, f)]
    assert missed == []


@pytest.mark.parametrize("word, other", [
    # derived words of another lexeme (the coding rule of tests/data/languages/CARD.md):
    # hüquqi "legal" (Arabic -i, front after a back u: not the 3rd person -u), vətəndaşlıq
    # "citizenship" (-lıq), təhlükəsiz "safe" (without -lik), sülhsevər "peace-loving"
    ("hüquq", "hüquqi"), ("hüquq", "hüquqşünas"), ("vətəndaş", "vətəndaşlıq"),
    ("vətəndaş", "vətəndaşlığı"), ("təhlükəsizlik", "təhlükəsiz"), ("sülh", "sülhsevər"),
    # a disharmonic "ending" is not one: -ə after a back u, -a after a front ü are no datives
    # (after i no such test: the tokenizer folds ı to i, so a stem in i may be back or front)
    ("hüquq", "hüquqə"), ("sülh", "sülha"),
])
def test_azerbaijani_derived_words_do_not_meet(word, other):
    assert not _az_meets(word, other)


def _sentence_counts(splits):
    st = pd.read_csv("tests/data/languages/statements.csv", keep_default_na=False, dtype=str)
    st = st[st["split"].isin(splits) & (st["sentences"] != "")]
    got = {r.statement_id: len(sentence_spans(r.text)) for r in st.itertuples()}
    want = dict(zip(st["statement_id"], st["sentences"].astype(int)))
    return st, got, want


def test_sentence_counts_match_a_careful_reader():
    # the session-3 held-out texts (test, test2) carry the number of sentences counted by a
    # reader (CARD.md: a heading line is a sentence, a colon before a quote on the same line
    # is not an end); all agree, since the sentence ends written without a space are split
    # (ru-test-9 "регионе.Об", "Лавров.18"; az-test-8 "yayıb.XİN-dən"), except ru-test-9,
    # where a period inside an editorial note "(заявление. — RT)" ends a sentence for the
    # tokenizer (6 sentences) and not for the reader (5)
    st, got, want = _sentence_counts(["test", "test2"])
    assert len(want) == 23
    off = {k for k in want if got[k] != want[k]}
    assert off == {"ru-test-9"}
    assert got["ru-test-9"] == 6 and want["ru-test-9"] == 5
    # the Armenian texts need the ASCII colon rule: 12 of their 29 sentence ends are ":"
    hy = st[st["language"] == "hy"]
    assert sum(got[s] for s in hy["statement_id"]) == 29


def test_sentence_counts_of_test3_match_the_reader():
    # test3 (21 texts, session 5), scored once with the session-4 tokenizer: 15 of 21 agreed.
    # Off were four titles without a period on a text's first line (ru-test3-1, ru-test3-2,
    # hy-test3-3, az-test3-6: one sentence short each) and two periods before a lower-case
    # word (ru-test3-4 "– ред.) указывает", hy-test3-5 "1988թ. փետրվարի": one too many),
    # now rules of the tokenizer. Left: hy-test3-5's heading "… պայքարում. ՀՀ ԱԳՆ" ("title.
    # source"), which the reader counts as one sentence and the tokenizer as two.
    st, got, want = _sentence_counts(["test3"])
    assert len(want) == 21 and sum(want.values()) == 143
    off = {k for k in want if got[k] != want[k]}
    assert off == {"hy-test3-5"}
    assert got["hy-test3-5"] == 6 and want["hy-test3-5"] == 5


def test_a_title_line_without_a_period_is_a_sentence():
    def sents(t):
        return tokenize_text(t)["sentence"].tolist()
    # the first line of a text, or a line after a blank line, ending in a letter and followed
    # by a line that begins with a capital of the same script
    assert sents("Зась: блокада недопустима\nМиссия важна. Да.") == [0, 0, 0, 1, 1, 2]
    assert sents("Text.\n\nTHE HEADING\nBody here.") == [0, 1, 1, 2, 2]
    assert sents("Title\nSubtitle\n«Quote» here") == [0, 1, 2, 2]
    # not: a line break inside a sentence (the line holds an end before it; the next line
    # begins in lower case or in another script)
    assert sents("Раз. Об этом, как передает\nТАСС, заявил он.") == [0, 1, 1, 1, 1, 1, 1, 1]
    assert sents("Երկու բառ\nև ևս") == [0, 0, 0, 0]
    assert sents("հաղորդում է\nZinvor.info-ն:") == [0, 0, 0]
    # ends with a word or a digit only: a colon before a quote on the next line is no end
    assert sents("Он сказал:\n«Нет»") == [0, 0, 0]


def test_a_period_before_a_lower_case_word_is_no_end():
    def sents(t):
        return tokenize_text(t)["sentence"].tolist()
    assert sents("1988թ. փետրվարի 20-ին") == [0, 0, 0]
    assert sents("армии (Армия – ред.) указывает на") == [0, 0, 0, 0, 0]
    assert sents("at 10:30 a.m. a group came. Then") == [0, 0, 0, 0, 0, 0, 0, 1]
    # a capital, a digit or a script without case (Georgian) after it: an end
    assert sents("Baku. Then 3. 4") == [0, 1, 1, 2]
    assert sents("\u10d0\u10d1. \u10d2\u10d3") == [0, 1]


def test_ascii_colon_ends_an_armenian_sentence_only():
    t = tokenize_text("Հեռախոսազրույց է ունեցել: Այս մասին: They said: yes. 12:30 «Արցախ»: Նոր")
    assert t["sentence"].tolist() == [0, 0, 0, 1, 1, 2, 2, 2, 3, 3, 3, 4]
    # a colon before a closing quote is not an end (hy-test-9: "4 զոհ:»,–գրել է")
    assert tokenize_text("կա 4 զոհ:»,–գրել է")["sentence"].tolist() == [0, 0, 0, 0, 0]


def test_negated_verb_forms():
    assert [azerbaijani_negative(w) for w in
            ["qalmayacaq", "yaşamayib", "etməməlidir", "olmayan", "tanimir", "deyil"]] == [True] * 6
    # verbal nouns and necessity forms are positive; deyilir is "it is said"
    assert [azerbaijani_negative(w) for w in
            ["təmizləmə", "etməsini", "olmalidir", "deyilir", "nümayəndələri", "dəmir"]] == [False] * 6
    assert [armenian_negative(w) for w in ["չենք", "չի", "չպետք", "չհամաձայնեց"]] == [True] * 4
    assert [armenian_negative(w) for w in ["չափ", "չորս", "չինական", "չնայած"]] == [False] * 4


def test_negation_per_language_under_lemma_matching():
    c = from_frame(pd.DataFrame({
        "statement_id": ["a", "h", "r"], "actor": ["x"] * 3, "language": ["az", "hy", "ru"],
        "text": ["Biz heç bir təzyiqə boyun əyməyəcəyik. Təzyiq artır.",
                 "Մենք ճնշումը չենք ընդունի։ Ճնշումը մեծանում է։",
                 "Мы не допустим давления. Давление растёт."]}))
    lex = {"c": ["təzyiq", "ճնշում", "давление"]}
    s = fs.MatchSettings(lemmas="auto", negators=multilingual_negators())
    m = fs.find_matches(c, lex, settings=s)
    # the negated verb follows the noun in az and hy (verb-final), "не" precedes in ru;
    # the second sentence of each is not negated (է "is" is no negator, though simplemma
    # gives it as the lemma of չէ)
    assert m["negated"].tolist() == [True, False, True, False, True, False]
    # with the English negators only, nothing in these languages is negated
    m = fs.find_matches(c, lex, settings=fs.MatchSettings(lemmas="auto"))
    assert not m["negated"].any()


# Hand-made sentences, one frame term each (or two), with whether a careful reader takes the
# term as negated: the convention of the engine (a negator within three words before the
# term; in the verb-final languages, Azerbaijani and Armenian, also within three words after
# it, as the negated verb ends the clause). Grammars: Russian -- Russian Academy of Sciences,
# Russkaja grammatika (1980), vol. 2, the particles не, ни, the predicative нет ("Давления
# нет" negates its subject) and the conjunction "не только ..., но и" (not a negation);
# Armenian -- Dum-Tragut (2009), Armenian: Modern Eastern Armenian, the negative auxiliary
# չ- (չենք, չի, չկա, չէ), ոչ, the prohibitive մի՛ written with the emphasis mark (unmarked մի
# is the indefinite article), "ոչ միայն ..., այլև" "not only ... but also", չնայած
# "although"; Azerbaijani -- Öztopçu (2003), Elementary Azerbaijani, the negative suffix
# -ma/-mə in every tense (-mayacaq, -madı, -mır, -maz, -mamış, -mamalı, -masın, -masa,
# -madan, -mayan), the potential negative "-maya bilər" against the dative of the verbal
# noun ("göstərməyə başladılar"), deyil, yox, heç, "nə ... nə" "neither ... nor" (a single
# nə is "what"), "təkcə ... deyil, həm də" "not only ... but also".
NEGATION_CASES = [
 ("az","Biz təzyiqə boyun əyməyəcəyik.",[True]),
 ("az","Təzyiq artır.",[False]),
 ("az","Təzyiq göstərilmədi.",[True]),
 ("az","Təzyiq göstərilmir.",[True]),
 ("az","Təzyiq heç vaxt qəbul edilməz.",[True]),
 ("az","Təzyiq göstərilməmişdir.",[True]),
 ("az","Təzyiq göstərilməməlidir.",[True]),
 ("az","Bu, təzyiq deyil.",[True]),
 ("az","Heç bir təzyiq yoxdur.",[True]),
 ("az","Blokada yoxdur.",[True]),
 ("az","Təzyiq olmaya bilər.",[True]),
 ("az","Onlar təzyiqə məruz qalmaya bilərlər.",[True]),
 ("az","Təzyiq göstərməyə başladılar.",[False]),
 ("az","Təzyiq göstərməyə hazırdırlar.",[False]),
 ("az","Təzyiq göstərməsinlər.",[True]),
 ("az","Təzyiq göstərməsələr, razılaşarıq.",[True]),
 ("az","Təzyiq göstərmədən danışıqlar aparılır.",[True]),
 ("az","Təzyiq göstərməyən dövlətlər var.",[True]),
 ("az","Dəhliz bağlanmayıb.",[True]),
 ("az","Nə təzyiq, nə də təhdid qəbul edilir.",[True, True]),
 ("az","Nə qədər təzyiq göstərilib?",[False]),
 ("az","Təzyiq təkcə Bakıdan deyil, həm də Moskvadan gəlir.",[False]),
 ("az","Təzyiq göstərilməsi pisdir.",[False]),
 ("az","Ermənistan təzyiqi dayandırmalıdır.",[False]),
 ("az","Təzyiq ola bilməz.",[True]),
 ("az","Dəhliz heç kimə bağlanmayacaq.",[True]),
 ("ru","Мы не допустим давления.",[True]),
 ("ru","Давление растёт.",[False]),
 ("ru","Никакого давления не было.",[True]),
 ("ru","Давления нет.",[True]),
 ("ru","Без давления переговоры невозможны.",[True]),
 ("ru","Это не только давление, но и угрозы.",[False, False]),
 ("ru","Ни давления, ни угроз.",[True, True]),
 ("ru","Россия никогда не применяла давления.",[True]),
 ("ru","Блокады нет и не было.",[True]),
 ("ru","Нельзя оказывать давление.",[True]),
 ("ru","Давление не прекращается.",[False]),
 ("ru","Они говорят о давлении.",[False]),
 ("ru","Мы не только против блокады, но и против давления.",[False, False]),
 ("hy","Մենք ճնշումը չենք ընդունի։",[True]),
 ("hy","Ճնշումը մեծանում է։",[False]),
 ("hy","Ճնշում չկա։",[True]),
 ("hy","Առանց ճնշման բանակցություններ չեն լինի։",[True]),
 ("hy","Դա ճնշում չէ։",[True]),
 ("hy","Ոչ մի ճնշում չի եղել։",[True]),
 ("hy","Սա ոչ միայն ճնշում է, այլև սպառնալիք։",[False, False]),
 ("hy","Մի՛ գործադրեք ճնշում։",[True]),
 ("hy","Մի երկիր ճնշում է գործադրում։",[False]),
 ("hy","Միջանցքը երբեք չի փակվի։",[True]),
 ("hy","Շրջափակումը շարունակվում է։",[False]),
 ("hy","Ճնշումը չի դադարում։",[True]),
 ("hy","Չնայած ճնշմանը, մենք շարունակում ենք։",[False]),
]
NEGATION_LEXICON = {"c": ["təzyiq", "təhdid", "blokada", "dəhliz", "давление", "угроза",
                          "блокада", "ճնշում", "սպառնալիք", "շրջափակում", "միջանցք"]}


def test_negation_in_hand_made_sentences():
    c = from_frame(pd.DataFrame({
        "statement_id": [f"s{i}" for i in range(len(NEGATION_CASES))],
        "actor": ["x"] * len(NEGATION_CASES), "language": [x[0] for x in NEGATION_CASES],
        "text": [x[1] for x in NEGATION_CASES]}))
    s = fs.MatchSettings(lemmas="auto", negators=multilingual_negators())
    m = fs.find_matches(c, NEGATION_LEXICON, settings=s)
    got = [m.loc[m["statement_id"] == f"s{i}", "negated"].tolist()
           for i in range(len(NEGATION_CASES))]
    wrong = [(x[1], g) for x, g in zip(NEGATION_CASES, got) if g != x[2]]
    assert wrong == []
    assert len(NEGATION_CASES) >= 40


def test_azerbaijani_negative_verb_paradigm():
    # gəlmək "to come" and olmaq "to be" in the negative tenses of Öztopçu (2003): present
    # (and past continuous), past, future, aorist (1sg -maram, 1pl -marıq), perfect,
    # necessity, imperative and optative, conditional, participle, converbs
    negative = """gəlmirəm gəlmirsən gəlmir gəlmirik gəlmirsiniz gəlmirlər gəlmirdim gəlmirdi
    gəlmirdilər gəlmədim gəlmədi gəlmədilər gəlməyəcəyəm gəlməyəcək gəlməyəcəklər gəlmərəm
    gəlməzsən gəlməz gəlmərik gəlməzsiniz gəlməzlər gəlməmişəm gəlməyib gəlməməliyəm gəlməsin
    gəlməsinlər gəlməyək gəlməyim gəlməyin gəlməsə gəlməsək gəlməyən gəlmədən gəlməyərək
    olmaram olmarıq qalmayacağıq bilməz""".split()
    # positive: the verbal noun and its cases (gəlmə, gəlməyə), the infinitive, necessity,
    # perfect; nouns in -mir/-məz-like letters (dəmir "iron", məram "aim", təmir "repair")
    positive = """gəlmə gəlməsi gəlməyə gəlmək gəlməli gəlməlidir gəlmişdir təmizləmə
    təmizləməyə dəmir deyilir imzalanması sülhməramlı mümkündür məram məramı təmirdə""".split()
    fold = fs.fold_case
    assert [w for w in negative if not azerbaijani_negative(fold(w))] == []
    assert [w for w in positive if azerbaijani_negative(fold(w))] == []


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
    assert len(corpus.statements) == 43
    s = fs.MatchSettings(lemmas="auto")
    t = fs.count_matches(corpus, "karabakh_toponyms", by="actor", settings=s).set_index(
        ["actor", "category"])["count"]
    # by hand: Baku's only Azerbaijani place name is "Xankəndidə" (az-dev-2); Moscow's only
    # Armenian one is "в Арцахе" (ru-dev-1, found by the Snowball step after simplemma);
    # the Azerbaijani MFA says "Dağlıq Qarabağ" (az-test-8), "Qarabağ" twice (az-test-9)
    # and "Qarabağ bölgəsindən" (az-test2-2)
    assert t["az_president", "azerbaijani_names"] == 1
    assert t["ru_mfa", "armenian_names"] == 1
    assert t["az_president", "armenian_names"] == 0
    assert t["az_mfa", "shared_names"] == 4


def test_readme_first_look_runs_unchanged_on_the_multilingual_sample(tmp_path, monkeypatch):
    # the README's "A first look", with the multilingual corpus and lexicon in place of the
    # Karabakh article's (and two of its statement ids for the shift)
    import matplotlib

    matplotlib.use("Agg")
    corpus = fs.read_corpus("karabakh_languages")
    lexicon = fs.read_lexicon("karabakh_framing_multilingual")
    counts = fs.count_matches(corpus, lexicon, by="actor")
    hits = fs.find_matches(corpus, lexicon)
    k = fs.kwic(corpus, "коридор", window=6)
    shift = fs.shift(corpus, lexicon, pairs=[("ru-dev-1", "ru-test-1")], seed=0)
    assert len(shift.query("measure == 'jsd'")) == 1
    ax = fs.plot_profile(counts)
    fs.save_figure(ax, tmp_path / "profile.png")
    assert (tmp_path / "profile.png").stat().st_size > 0
    # exact matching (the quickstart's default) finds only the occurrences written in their
    # dictionary form: 18 of the 86 development and 16 + 1 of the 80 + 12 held-out ones in
    # gold.csv (docs/languages.md); "коридор" as written occurs 3 times in the texts (grep -w)
    assert len(hits) == 35
    assert len(k) == 3


# --------------------------------------------------------------------------- terms per language
def _lang_lexicon():
    from frameshift.lexicon import parse_pattern
    from frameshift.lexicon.model import Category, Lexicon

    return Lexicon([Category("u", patterns=(parse_pattern("ultimatum", language="en"),
                                            parse_pattern("ultimatum", language="az"),
                                            parse_pattern("давление", language="ru"),
                                            parse_pattern("pressure")))])


def _lang_corpus():
    return from_frame(pd.DataFrame({
        "statement_id": ["a", "e", "r", "x"], "actor": ["x"] * 4,
        "language": ["az", "en", "ru", "en"],
        # "x" is marked English but quotes a Russian word: the ru term does not count there
        "text": ["Ultimatum verdi. Pressure.", "An ultimatum.", "Давление и ultimatum.",
                 "They call it давление."]}))


def test_a_term_counts_only_in_statements_of_its_language():
    m = fs.find_matches(_lang_corpus(), _lang_lexicon())
    # a: az ultimatum + the any-language "pressure"; e: en ultimatum; r: ru давление (the
    # Latin "ultimatum" in a Russian statement is neither the en nor the az term); x: nothing
    assert m[["statement_id", "match"]].values.tolist() == [
        ["a", "Ultimatum"], ["a", "Pressure"], ["e", "ultimatum"], ["r", "Давление"]]
    counts = fs.count_matches(_lang_corpus(), _lang_lexicon(), by="statement_id")
    assert counts["count"].tolist() == [2, 1, 1, 0]


def test_terms_per_language_under_lemma_matching():
    s = fs.MatchSettings(lemmas="auto")
    m = fs.find_matches(_lang_corpus(), _lang_lexicon(), settings=s)
    assert m["statement_id"].tolist() == ["a", "a", "e", "r"]
    counts = fs.count_matches(_lang_corpus(), _lang_lexicon(), by="statement_id", settings=s)
    assert counts["count"].tolist() == [2, 1, 1, 0]


def test_a_lexicon_without_languages_matches_as_before():
    lex = {"u": ["ultimatum", "давление"]}
    m = fs.find_matches(_lang_corpus(), lex)
    assert m["statement_id"].tolist() == ["a", "e", "r", "r", "x"]


def test_lexicon_check_reports_per_language():
    rep = fs.check_lexicon(_lang_corpus(), _lang_lexicon())
    t = rep.languages.set_index("language")
    # by hand: one az and one en match, one ru; the any-language "pressure" once
    assert t["matches"].to_dict() == {"any": 1, "az": 1, "en": 1, "ru": 1}
    assert t["statements"].to_dict() == {"any": 4, "az": 1, "en": 2, "ru": 1}
    rows = rep.to_frame().query("check == 'language'")
    assert rows["detail"].tolist()[-1] == "1 pattern; 1 statement in ru"


def test_bundled_multilingual_lexicons_give_every_term_a_language():
    lex = fs.read_lexicon("karabakh_framing_multilingual")
    assert lex.languages == ["az", "en", "hy", "ru"]
    assert all(p.language for c in lex for p in c.patterns)
    top = fs.read_lexicon("karabakh_toponyms")
    # Latin transliterations serve any language; the Cyrillic and Armenian spellings are ru/hy
    for c in top:
        for p in c.patterns:
            script = detect_language(p.text)[0]
            assert p.language is None or p.language == script or (
                p.language == "az" and script in ("az", "en"))


def test_cli_lemmas_and_multilingual_negation(capsys):
    from frameshift.cli import main

    assert main(["count", "--corpus", "karabakh_languages", "--lexicon",
                 "karabakh_framing_multilingual", "--by", "language", "--lemmas", "auto"]) == 0
    import io

    t = pd.read_csv(io.StringIO(capsys.readouterr().out)).set_index(["language", "category"])
    # the hand-coded occurrences of corridor terms in the bundled corpus's 43 texts: 17 ru,
    # 15 hy, 13 az (gold.csv; its test3 rows are texts the corpus does not hold)
    g = pd.read_csv("tests/data/languages/gold.csv")
    ids = pd.read_csv("corpus/karabakh_languages/statements.csv")["statement_id"]
    g = g[g["statement_id"].isin(ids)]
    assert len(g) == 178
    want = g[g["category"] == "corridor"]["statement_id"].str[:2].value_counts()
    for code in ("ru", "hy", "az"):
        assert t.loc[(code, "corridor"), "count"] == want[code]
    with pytest.raises(SystemExit) as e:
        main(["count", "--corpus", "karabakh_languages", "--lexicon",
              "karabakh_framing_multilingual", "--lemmas", "porter"])
    assert e.value.code == 2


def test_terms_per_language_accept_other_language_codes():
    # a French statement: only the terms without a language count there (no error: terms per
    # language need no language data, unlike lemma matching)
    c = from_frame(pd.DataFrame({"statement_id": ["f", "a"], "actor": ["x", "y"],
                                 "language": ["fr", "az"],
                                 "text": ["Un ultimatum. Pressure.", "Ultimatum."]}))
    m = fs.find_matches(c, _lang_lexicon())
    assert m[["statement_id", "match"]].values.tolist() == [["f", "Pressure"],
                                                            ["a", "Ultimatum"]]
    with pytest.raises(OptionError, match="unknown language 'fr'"):
        fs.find_matches(c, _lang_lexicon(), settings=fs.MatchSettings(lemmas="auto"))


def test_streamed_counts_apply_terms_per_language(tmp_path):
    # count_matches_stream counts chunk by chunk; each chunk keeps its language column
    p = tmp_path / "s.csv"
    pd.read_csv("corpus/karabakh_languages/statements.csv").to_csv(p, index=False)
    a = fs.count_matches_stream(p, "karabakh_framing_multilingual", by="language", chunksize=5)
    b = fs.count_matches(fs.read_corpus(p), "karabakh_framing_multilingual", by="language")
    assert a[["language", "category", "count"]].equals(b[["language", "category", "count"]])
    assert a["count"].sum() == 35  # the gold occurrences written in dictionary form


def test_azerbaijani_regardless_of_and_despite_are_no_negation():
    # "-dan asılı olmayaraq" "regardless of" and "-a baxmayaraq" "despite" are converbs of
    # negative form used as postpositions (az-test3-1: "... mənsubiyyətindən asılı olmayaraq,
    # hər kəsin hüquq və azadlıqlarının bərabərliyinə təminat verdiyini", not a negation of
    # hüquq); the same converb of a verb of the clause still negates ("tanımayaraq")
    c = from_frame(pd.DataFrame({
        "statement_id": ["a", "b", "c"], "actor": ["x"] * 3, "language": ["az"] * 3,
        "text": ["Dinindən asılı olmayaraq hər kəsin hüququ qorunur.",
                 "Təzyiqə baxmayaraq hüquq qorunur.",
                 "Onların hüququnu tanımayaraq danışıqlara getdilər."]}))
    s = fs.MatchSettings(lemmas="auto", negators=multilingual_negators())
    m = fs.find_matches(c, {"r": ["hüquq"]}, settings=s)
    assert m[["statement_id", "negated"]].values.tolist() == [["a", False], ["b", False],
                                                              ["c", True]]


def test_a_russian_verb_keeps_its_lemma_under_simplemma_and_snowball():
    # ru-test3-4 "от правящей партии" (the ruling party: a participle of править "to rule")
    # was counted as право "right", as the Snowball stems of править and право are both прав;
    # the forms of the noun still meet (права, прав, правах: Wade 2011, the neuter -о nouns)
    from frameshift.text.lemmas import lemma_function
    key = lemma_function("ru")
    assert key("правящей") == "править"
    assert {key(w) for w in ["право", "права", "прав", "правах"]} == {key("право")}
    assert key("право") != key("правящей")
