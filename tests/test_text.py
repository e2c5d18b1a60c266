"""Tests of frameshift.text: the tokenizer's rules, stated in the module docstring, one by one."""

import unicodedata

import numpy as np
import pytest

from frameshift.text.tokenizer import (TokenizerSettings, normalize, sentence_spans, tokenize, tokenize_text, word_spans)


def forms(text, **kw):
    return tokenize_text(text, **kw)["form"]


def surfaces(text):
    return tokenize_text(text)["surface"]


def _offsets_are_surfaces(text):
    t = tokenize_text(text)
    assert [text[a:b] for a, b in zip(t["start"], t["end"])] == t["surface"]
    assert [(int(a), int(b)) for a, b in zip(t["start"], t["end"])] == word_spans(text)
    return t


# --------------------------------------------------------------------------- words
@pytest.mark.parametrize("text, expected", [
    ("re-integration", ["re-integration"]),
    ("Azerbaijan-Karabakh conflict", ["azerbaijan-karabakh", "conflict"]),
    ("ready\u2011made", ["ready-made"]),                  # non-breaking hyphen folded
    ("ready\u2010made", ["ready-made"]),                  # Unicode hyphen folded
    ("well-to-do", ["well-to-do"]),
    ("pre- and post-war", ["pre", "and", "post-war"]),    # a dangling hyphen is not a joiner
    ("Baku -- Stepanakert", ["baku", "stepanakert"]),
    ("peace\u2014and war", ["peace", "and", "war"]),      # an em dash separates words
])
def test_hyphenated_words_stay_whole(text, expected):
    assert forms(text) == expected
    _offsets_are_surfaces(text)


@pytest.mark.parametrize("text, expected", [
    ("the nation's", ["the", "nation's"]),
    ("Baku\u2019s offer", ["baku's", "offer"]),           # typographic apostrophe folded
    ("Artsakh\u02bcs", ["artsakh's"]),                    # modifier letter apostrophe
    ("don't", ["don't"]),
    ("the leaders' position", ["the", "leaders", "position"]),  # trailing apostrophe dropped
    ("'tis", ["tis"]),
])
def test_apostrophes(text, expected):
    assert forms(text) == expected
    _offsets_are_surfaces(text)


def test_abbreviations_and_initials():
    t = tokenize_text("The U.S. and the U.N. agreed. Mr. Aliyev and J. Smith met. Then e.g. "
                      "talks.")
    assert t["form"] == ["the", "u.s", "and", "the", "u.n", "agreed", "mr", "aliyev", "and", "j",
                         "smith", "met", "then", "e.g", "talks"]
    assert t["sentence"].tolist() == [0] * 6 + [1] * 6 + [2] * 3


@pytest.mark.parametrize("text, expected", [
    ("1,000 people", ["1,000", "people"]),
    ("$41,000,000", ["41,000,000"]),
    ("3.5 percent", ["3.5", "percent"]),
    ("on March 1, 2023", ["on", "march", "1", "2023"]),  # comma + space is not a joiner
    ("the 20th century", ["the", "20th", "century"]),
    ("a,b", ["a", "b"]),                                  # commas join digits only
])
def test_numbers(text, expected):
    assert forms(text) == expected


def test_punctuation_is_not_a_token():
    assert forms('"Yes!" (they said); no: [sic] ... / \\ & # * %') == ["yes", "they", "said",
                                                                        "no", "sic"]


# --------------------------------------------------------------------------- sentences
def test_sentence_boundaries():
    t = tokenize_text("One. Two! Three? Four\n\nFive\nstill five... Six")
    assert t["sentence"].tolist() == [0, 1, 2, 3, 4, 4, 4, 5]


def test_paragraph_break_with_crlf_and_spaces():
    for sep in ("\n\n", "\r\n\r\n", "\n \t\n", "\n\u00a0\n"):
        assert tokenize_text(f"a b{sep}c")["sentence"].tolist() == [0, 0, 1], repr(sep)


def test_sentence_spans():
    t = "The U.S. agreed. Baku did not! Why?"
    assert [t[a:b] for a, b in sentence_spans(t)] == ["The U.S. agreed", "Baku did not", "Why"]


@pytest.mark.parametrize("text, words, sentences", [
    # a sentence end written without a space (issue 16; real cases of tests/data/languages:
    # ru "регионе.Об", "Лавров.18", az "yayıb.XİN-dən"): after two lower-case letters and
    # before a capital or a digit the period ends the sentence
    ("в регионе.Об этом", ["в", "регионе", "об", "этом"], [0, 0, 1, 1]),
    ("сказал Лавров.18 ноября", ["сказал", "лавров", "18", "ноября"], [0, 0, 1, 1]),
    ("yayıb.XİN-dən", ["yayib", "xin-dən"], [0, 1]),
    ("ended.The next", ["ended", "the", "next"], [0, 1, 1]),
    # the Armenian full stop needs no space either, after "..." too
    ("Նա եկավ...։Նա գնաց։", ["նա", "եկավ", "նա", "գնաց"], [0, 0, 1, 1]),
    # not split: initials (a capital before the period), abbreviations in lower case
    # (a letter after the period), decimals, domain names and www addresses
    ("İ.Əliyev dedi", ["i.əliyev", "dedi"], [0, 0]),
    ("А.Б.Иванов и U.S.A", ["а.б.иванов", "и", "u.s.a"], [0, 0, 0]),
    ("т.е. e.g. 3.5 г.Баку", ["т.е", "e.g", "3.5", "г.баку"], [0, 0, 0, 0]),
    ("Rakus.az BUTA.TV mfa.gov.az www.President.az", ["rakus.az", "buta.tv", "mfa.gov.az",
                                                      "www.president.az"], [0, 0, 0, 0]),
    # a Russian abbreviation before a number: split into two words, one sentence
    ("ст.5 закона", ["ст", "5", "закона"], [0, 0, 0]),
])
def test_sentence_end_without_a_space(text, words, sentences):
    t = _offsets_are_surfaces(text)
    assert t["form"] == words
    assert t["sentence"].tolist() == sentences


@pytest.mark.parametrize("text, sentences", [
    # Russian, Azerbaijani and Armenian abbreviations do not end a sentence (but т.д., др. and
    # "və s." "etc.", which mostly close one, do)
    ("В 2020 г. было подписано. Потом", [0, 0, 0, 0, 0, 1]),
    ("Ул. Ленина, д. 5. Потом", [0, 0, 0, 0, 1]),
    ("2023 թ. սեպտեմբերին։ Հետո", [0, 0, 0, 1]),
    ("Müharibə, sülh və s. Sonra", [0, 0, 0, 0, 1]),
])
def test_abbreviations_of_the_dispute_s_languages(text, sentences):
    assert tokenize_text(text)["sentence"].tolist() == sentences


def test_c_scan_and_regex_agree_on_the_period_rule():
    # the rule is written twice, in tokenizer._DOT_JOIN and in _scan.c's DOT_SPLITS: every
    # character of the cased blocks (and a few others) in each place the rule looks at
    from frameshift.text import tokenizer as T

    if T._cscan is None:  # the regex is then the only scan; nothing to compare
        return
    chars = [chr(c) for c in range(0x600)] + list("\u10d0\u1e9e\u2160\uff21\uff41\u0660")
    chars = [c for c in chars if c not in "\n\r"]
    texts = [" ".join(p for ch in chars[i:i + 256] for p in (
        f"ab.{ch}c", f"ab.C{ch}", f"{ch}b.Cd", f"a{ch}.Cd", f"a{ch}.1", f"{ch}ww.Ab",
        f"www.{ch}b")) for i in range(0, len(chars), 256)]
    pattern = T.re.compile(T._scan.__self__.pattern)
    for text in texts:
        class V(dict):
            def __missing__(self, key):
                self[key] = len(self)
                return self[key]
        vocab = V()
        codes, starts, lengths = T._cscan(text, vocab, True)
        st = np.frombuffer(starts, np.int64).tolist()
        en = (np.frombuffer(starts, np.int64) + np.frombuffer(lengths, np.int32)).tolist()
        assert list(zip(st, en)) == [m.span() for m in pattern.finditer(text)]


# --------------------------------------------------------------------------- normalisation
def test_nfkc_and_casefold():
    assert forms("\ufb01nance \uff22\uff21\uff2b\uff35 STRASSE stra\u00dfe") == [
        "finance", "baku", "strasse", "strasse"]
    t = _offsets_are_surfaces("\ufb01nance")
    assert t["surface"] == ["\ufb01nance"]       # the surface is as written


def test_nfd_input_gives_the_same_forms():
    nfc = "Xank\u0259ndi caf\u00e9 \u0130stanbul na\u00efve"
    nfd = unicodedata.normalize("NFD", nfc)
    assert nfd != nfc
    assert forms(nfd) == forms(nfc)
    _offsets_are_surfaces(nfd)


def test_case_kept_when_asked():
    assert forms("Baku BAKU", settings=TokenizerSettings(casefold=False)) == ["Baku", "BAKU"]


def test_typographic_quotes_are_not_tokens():
    text = "They rejected \u201cready-made solutions\u201d and \u00abcoercion\u00bb, \u201etalks\u201c."
    assert forms(text) == ["they", "rejected", "ready-made", "solutions", "and", "coercion",
                           "talks"]
    t = _offsets_are_surfaces(text)
    assert t["surface"][2] == "ready-made"


def test_normalize_folds_quotes_dashes_spaces():
    assert normalize("\u201cA\u2013B\u201d\u00a0\u2018c\u2019") == "\"a-b\" 'c'"


@pytest.mark.parametrize("space", ["\u00a0", "\u202f", "\u2007", "\u2009", "\u3000"])
def test_no_break_and_other_spaces_separate_words(space):
    text = f"Nagorno{space}Karabakh"
    assert forms(text) == ["nagorno", "karabakh"]
    _offsets_are_surfaces(text)


def test_zero_width_space_separates_words():
    text = "Nagorno\u200bKarabakh"
    assert forms(text) == ["nagorno", "karabakh"]
    _offsets_are_surfaces(text)


@pytest.mark.parametrize("invisible", ["\u00ad", "\u200c", "\u200d", "\u2060"])
def test_soft_hyphen_and_joiners_stay_inside_the_word(invisible):
    text = f"coer{invisible}cion now"
    t = _offsets_are_surfaces(text)
    assert t["form"] == ["coercion", "now"]
    assert t["surface"][0] == f"coer{invisible}cion"


def test_bom_inside_text_is_invisible():
    assert forms("\ufeffBaku talks") == ["baku", "talks"]


# --------------------------------------------------------------------------- scripts
@pytest.mark.parametrize("text, expected", [
    ("\u0531\u0580\u0581\u0561\u056d", ["\u0561\u0580\u0581\u0561\u056d"]),   # Արցախ -> արցախ
    ("Xank\u0259ndi", ["xank\u0259ndi"]),                                     # Xankəndi
    ("\u0421\u0442\u0435\u043f\u0430\u043d\u0430\u043a\u0435\u0440\u0442",
     ["\u0441\u0442\u0435\u043f\u0430\u043d\u0430\u043a\u0435\u0440\u0442"]),  # Степанакерт
    ("\u0428\u0443\u0448\u0430-\u0425\u0430\u043d\u043a\u0435\u043d\u0434\u0438",
     ["\u0448\u0443\u0448\u0430-\u0445\u0430\u043d\u043a\u0435\u043d\u0434\u0438"]),  # Шуша-Ханкенди
    # Şuşa Ğazı: the Turkic dotless ı folds to i like I and İ (issue 16), so "ğazi"
    ("\u015eu\u015fa \u011eaz\u0131", ["\u015fu\u015fa", "\u011fazi"]),
])
def test_mixed_scripts(text, expected):
    assert forms(text) == expected
    _offsets_are_surfaces(text)


def test_mixed_scripts_in_one_sentence():
    text = ("Stepanakert (\u054d\u057f\u0565\u0583\u0561\u0576\u0561\u056f\u0565\u0580\u057f, "
            "Xank\u0259ndi, \u0421\u0442\u0435\u043f\u0430\u043d\u0430\u043a\u0435\u0440\u0442)"
            " \u2014 \u0531\u0580\u0581\u0561\u056d\u2019s capital.")
    t = _offsets_are_surfaces(text)
    assert len(t["form"]) == 6
    assert t["form"][4] == "\u0561\u0580\u0581\u0561\u056d's"
    assert t["sentence"].tolist() == [0] * 6


@pytest.mark.parametrize("word", [
    "\u0915\u093e\u0917\u091c\u093c",          # Devanagari kaagaz: vowel sign (Mc), nukta (Mn)
    "\u0939\u093f\u0928\u094d\u0926\u0940",    # Devanagari hindi: virama (Mn)
    "\u05e9\u05c1\u05b8\u05dc\u05d5\u05b9\u05dd",  # Hebrew shalom with points (U+05C1)
    "\u0995\u09cd\u09b7",                      # Bengali ksha: virama
    "\u304b\u3099\u304d\u3099",                # Japanese gagi, decomposed (NFD): U+3099
])
def test_combining_marks_of_every_script_stay_in_the_word(word):
    t = tokenize_text(word)
    assert t["surface"] == [word], (
        f"{word!r} was cut into {t['surface']}: a combining mark (Unicode category Mn/Mc/Me) "
        f"outside the ranges listed in analysis/frameshift/text/tokenizer.py _MARKS splits the word and is dropped. "
        f"Fix: build _MARKS from every code point whose unicodedata.category starts with 'M'.")
    assert t["form"] == [normalize(word)]


# --------------------------------------------------------------------------- arrays
def test_tokenize_with_and_without_offsets_agree():
    texts = ["We invite you.", "", "   ", "Mr. Aliyev said: no.\n\nThe end."]
    a = tokenize(texts)
    b = tokenize(texts, with_offsets=True)
    assert a.n_tokens().tolist() == [3, 0, 0, 6]
    assert b.n_tokens().tolist() == [3, 0, 0, 6]
    assert np.array_equal(a.type_ids(), b.type_ids())
    assert np.array_equal(a.sentence, b.sentence)
    for i, text in enumerate(texts):
        s, e = a.offsets(i)
        s2, e2 = b.offsets(i)
        assert s.tolist() == s2.tolist() and e.tolist() == e2.tolist()
        assert [text[x:y] for x, y in zip(s, e)] == tokenize_text(text)["surface"]


def test_empty_texts_anywhere_count_zero():
    assert tokenize(["", "a b"]).n_tokens().tolist() == [0, 2], "empty text first"
    assert tokenize(["a b", ""]).n_tokens().tolist() == [2, 0], "empty text last"
    assert tokenize([""]).n_tokens().tolist() == [0]
    assert tokenize([]).n_tokens().tolist() == []


def test_settings_are_provenance():
    d = TokenizerSettings().as_dict()
    assert d["casefold"] is True and d["unicode_form"] == "NFKC"
    import hashlib

    from frameshift.text.tokenizer import TOKEN_PATTERN

    assert d["pattern_sha256"] == hashlib.sha256(TOKEN_PATTERN.encode("utf-8")).hexdigest()
    assert "version" in d
