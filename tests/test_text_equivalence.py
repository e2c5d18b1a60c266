"""The optimised tokenizer gives exactly the output of a straightforward reference.

The reference below is the tokenizer as first written (one text at a time, a Python dict
lookup per token, offsets from nltk's RegexpTokenizer, sentence numbers from a loop over the
boundaries); :func:`frameshift.text.tokenize` must agree with it array for array, dtypes
included, on the bundled corpora and on random texts.
"""

import string
import unicodedata

import numpy as np
import pytest
from hypothesis import given, settings, strategies as hs
from nltk.tokenize import RegexpTokenizer

from frameshift.text import tokenizer as T
from frameshift.corpus.readers import read_corpus


def reference_tokenize(texts, *, with_offsets=False, casefold=True):
    nltk_tok = RegexpTokenizer(T.TOKEN_PATTERN, gaps=False, discard_empty=True)
    surface_id, surfaces, surface_type, type_id, types = {}, [], [], {}, []
    ids, sents, starts, ends, doc_index = [], [], [], [], [0]
    for text in texts:
        spans = [m.span() for m in T._TOKEN_RE.finditer(text)]
        assert spans == list(nltk_tok.span_tokenize(text))
        surf = [text[a:b] for a, b in spans]
        raw = []
        for s in surf:
            if s[0] in ".!?\u0589:":  # U+0589 Armenian full stop; ":" the Armenian colon one
                raw.append(-1)
                continue
            if s[0].isspace():  # a paragraph break, or a heading line's break (one "\n")
                raw.append(-3 if s.count("\n") > 1 else -6)
                continue
            if s not in surface_id:
                cased = T.normalize(s, casefold=False)
                # the documented Turkic fold: İ, I, ı and i are one letter
                form = (cased.casefold().replace("i\u0307", "i").replace("\u0131", "i")
                        if casefold else cased)
                if form not in type_id:
                    type_id[form] = len(types)
                    types.append(form)
                surface_id[s] = len(surfaces)
                surfaces.append(cased)
                surface_type.append(type_id[form])
            raw.append(surface_id[s])
        # fresh: no sentence end since the text began or the last paragraph break, so that a
        # heading line's break ends a sentence (issue 16)
        sentence, open_sentence, n_words, fresh = 0, False, 0, True
        for p, r in enumerate(raw):
            if r >= 0:
                ids.append(r)
                sents.append(sentence)
                starts.append(spans[p][0])
                ends.append(spans[p][1])
                open_sentence = True
                n_words += 1
                continue
            if p > 0 and raw[p - 1] >= 0 and surf[p] == ".":
                form = types[surface_type[raw[p - 1]]].casefold()
                if form in T.ABBREVIATIONS or (len(form) == 1
                                               and surfaces[raw[p - 1]].isupper()):
                    continue
            # a "." before a lower-case word of a cased script is no end (issue 16)
            if surf[p] == "." and p + 1 < len(raw) and raw[p + 1] >= 0:
                c = surfaces[raw[p + 1]][:1]  # the word's first letter (NFKC, visible)
                if c and ord(c) < 0x0588 and c.islower():
                    continue
            if r == -6 and not fresh:
                continue
            fresh = r in (-3, -6)
            if open_sentence:
                sentence += 1
                open_sentence = False
        doc_index.append(doc_index[-1] + n_words)
    return dict(surfaces=surfaces, types=types,
                surface_to_type=np.asarray(surface_type, dtype=np.int32),
                ids=np.asarray(ids, dtype=np.int32), doc_index=np.asarray(doc_index, np.int64),
                sentence=np.asarray(sents, dtype=np.int32),
                starts=np.asarray(starts, np.int64) if with_offsets else None,
                ends=np.asarray(ends, np.int64) if with_offsets else None)


def assert_same(texts, casefold=True):
    settings_ = T.TokenizerSettings(casefold=casefold)
    for with_offsets in (False, True):
        got = T.tokenize(texts, with_offsets=with_offsets, settings=settings_)
        ref = reference_tokenize(texts, with_offsets=with_offsets, casefold=casefold)
        assert got.surfaces == ref["surfaces"]
        assert got.types == ref["types"]
        for name in ("surface_to_type", "ids", "doc_index", "sentence", "starts", "ends"):
            a, b = getattr(got, name), ref[name]
            if b is None:
                assert a is None, name
                continue
            assert a.dtype == b.dtype, name
            np.testing.assert_array_equal(a, b, err_msg=name)
    for i, t in enumerate(texts):
        spans = T.word_spans(t)
        s, e = got.offsets(i)
        assert spans == list(zip(s.tolist(), e.tolist()))


@pytest.mark.parametrize("name", ["inaugural", "karabakh_2023"])
def test_bundled_corpora(name):
    texts = read_corpus(name).statements["text"].tolist()
    assert_same(texts)
    assert_same(texts[:5], casefold=False)


def test_edge_cases():
    assert_same([])
    assert_same([""])
    assert_same(["", "...", "", "A. B. Smith came. Mr. X! no.", "\n\n", "x", ""])
    assert_same([". . The U.S. Gov. agreed", "1,000 people's re-integration.\u00ad\n \nNew",
                 "a.\n\nb", "Dr.", "?!", "U.S.A. vs. U.K."])


_ALPHABET = (string.ascii_letters[:8] + "AIU .,!?'-\n\t 0123" + "\u2019\u2010\u00ad\u200b"
             + "\u0301\u093e\u00e9\u0131\u00a0\u2026")
_WORDS = ["Mr", "mr", "U.S", "e.g", "St", "A", "i", "no", "Baku", "re-integration",
          "1,000", "co\u00adercion"]


@settings(max_examples=150, deadline=None)
@given(hs.lists(hs.lists(hs.one_of(hs.text(_ALPHABET, max_size=8), hs.sampled_from(_WORDS)),
                         max_size=12).map("".join), max_size=6))
def test_random_texts(texts):
    assert_same(texts)


def test_marks_list_covers_every_bmp_combining_mark():
    marks = {chr(c) for c in range(0x10000) if unicodedata.category(chr(c)).startswith("M")}
    word = T.re.compile(f"[{T._MARKS}]")
    assert all(word.fullmatch(m) for m in marks)
    assert not any(word.fullmatch(chr(c)) for c in range(0x10000) if chr(c) not in marks)


def test_fast_pattern_finds_what_the_documented_pattern_finds():
    texts = read_corpus("inaugural").statements["text"].tolist()[:10]
    for t in texts + ["a-b-", "x''y", "1,2,,3", "U.S..", "\n \n\n"]:
        assert T._findall(t) == T._TOKEN_RE.findall(t)


# The compiled scan (frameshift/text/_scan.c) against the regular expression it replaces.
needs_c = pytest.mark.skipif(T._cscan is None, reason="the C scan was not built (no compiler)")


def _c_tokens(text):
    class Vocab(dict):
        def __missing__(self, key):
            self[key] = len(self)
            return self[key]
    vocab = Vocab()
    codes, starts, lengths = T._cscan(text, vocab, True)
    surface = {code: s for s, code in vocab.items()}
    codes = np.frombuffer(codes, np.int32).tolist()
    spans = list(zip(np.frombuffer(starts, np.int64).tolist(),
                     (np.frombuffer(starts, np.int64)
                      + np.frombuffer(lengths, np.int32)).tolist()))
    assert [surface[c] for c in codes] == [text[a:b] for a, b in spans]
    # the word spans alone (T._cspans) are those of the word tokens
    a, b = T._cspans(text)
    words = [sp for sp, c in zip(spans, codes) if T._WORD_START(surface[c][0])]
    assert list(zip(np.frombuffer(a, np.int64).tolist(), np.frombuffer(b, np.int64).tolist())) \
        == words
    return spans


def _regex_tokens(text):
    return [m.span() for m in T.re.compile(T._scan.__self__.pattern).finditer(text)]


@needs_c
def test_c_scan_agrees_with_the_regex_on_every_bmp_character():
    # every character alone, between letters, between digits (the 1,000 rule), before a
    # period, between spaces, between newlines (paragraph breaks) and repeated
    # (1,024 characters to a text, the contexts separated by a space)
    chars = [chr(c) for c in range(0x10000) if not 0xD800 <= c < 0xE000]
    for i in range(0, len(chars), 1024):
        text = " ".join(t for ch in chars[i:i + 1024] for t in (
            ch, f"a{ch}b", f"1{ch}2", f"{ch}.", f" {ch} x", f"\n{ch}\n", ch * 3,
            # the Armenian colon full stop: after a letter, after a closer, before whitespace
            f"\u0561{ch}:\n", f"\u0561:{ch}", f"{ch}: ",
            # a heading line's break: after a cased letter, before a capital of its script
            f"a\n{ch}", f"\u0434 \n«{ch}", f"{ch}\nA", f"{ch}\r\n\u0414", f"{ch}\n \u0531"))
        assert _c_tokens(text) == _regex_tokens(text), (hex(ord(chars[i])), "block")


_C_ALPHABET = (_ALPHABET + "_\u055b\u055e\u0589\r\u02bc\u2011\U0001d7ce\U00010000\U0001f600"
               + ":\u0531\u0561\u0587\u00bb\u201d\")")


@needs_c
@settings(max_examples=300, deadline=None)
@given(hs.text(_C_ALPHABET, max_size=40))
def test_c_scan_agrees_with_the_regex_on_random_texts(text):
    assert _c_tokens(text) == _regex_tokens(text)


@pytest.mark.parametrize("name", ["inaugural", "karabakh_2023"])
def test_regex_fallback_gives_the_same_tokens(name, monkeypatch):
    # the path taken where the C scan is not built
    monkeypatch.setattr(T, "_cscan", None)
    monkeypatch.setattr(T, "_cspans", None)
    texts = read_corpus(name).statements["text"].tolist()
    assert_same(texts[:20])
    assert_same(["", "A. B. Smith came. Mr. X! no.", "1,000 people's re-integration.\u00ad\n \nNew"])
    # heading lines (issue 16): a text with no other sentence end, a title and a subtitle
    assert_same(["Title\nText", "Заголовок\nПодзаголовок\n«Текст» тут. Да\nНет", "a.m. b\n\nX\nY"])


@needs_c
@pytest.mark.skipif(T._ccache is None, reason="the C scan was built without its cache")
def test_c_scan_cache_gives_the_codes_of_the_vocabulary():
    # One cache shared by the scans of texts of every storage width (Latin-1, BMP, astral:
    # the same word must get one code in all of them), with more distinct tokens than the
    # cache's first table holds (it grows) and tokens longer than it keeps (the dict path).
    class Vocab(dict):
        def __missing__(self, key):
            self[key] = len(self)
            return self[key]
    rng = np.random.default_rng(7)
    words = ["".join(rng.choice(list("abcdefghij"), int(rng.integers(1, 9))))
             for _ in range(6000)] + ["x" * 60, "y" * 49, "z" * 48]
    texts = []
    for tail in ("", " \u0436\u0437", " \U0001f600 \u0561:\n"):
        texts.append(" ".join(rng.choice(words, 3000)) + tail + " " + " ".join(words[-3:]))
    with_cache, plain = Vocab(), Vocab()
    cache = T._ccache(with_cache)
    for text in texts + texts[::-1]:
        a = T._cscan(text, with_cache, True, cache)
        b = T._cscan(text, plain, True)
        assert a == b
    assert with_cache == plain
    with pytest.raises(ValueError, match="another vocabulary"):
        T._cscan("a b", Vocab(), False, cache)
