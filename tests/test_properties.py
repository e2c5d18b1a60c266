"""Property and fuzz tests (hypothesis), bounded so that they run in seconds.

* token and match offsets map back to exactly the characters of the original text;
* the corpus loaders and the lexicon parser fail only with documented errors on arbitrary bytes;
* counts are invariant to CRLF vs LF and to NFC vs NFD input.

Examples are derandomized, so ``make test`` runs the same examples every time.
"""

import functools
import unicodedata
import warnings

import pandas as pd
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from frameshift.corpus.model import corpus_tokens
from frameshift.corpus.readers import from_frame, read_corpus
from frameshift.errors import FrameshiftError
from frameshift.lexicon.formats import read_lexicon
from frameshift.matching.engine import count_matches, find_matches
from frameshift.text.tokenizer import normalize, tokenize, tokenize_text, word_spans

BOUNDED = settings(max_examples=150, deadline=None, derandomize=True,
                   suppress_health_check=[HealthCheck.too_slow])
FUZZ = settings(max_examples=60, deadline=None, derandomize=True,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
MATCH = settings(max_examples=25, deadline=None, derandomize=True,
                 suppress_health_check=[HealthCheck.too_slow])


@functools.lru_cache(maxsize=1)
def _lexicon():
    return read_lexicon("karabakh_framing")


def _one_statement(text, **cols):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # empty statements warn; that is tested elsewhere
        return from_frame(pd.DataFrame({"statement_id": ["s"], "text": [text], **cols}))

# Characters that exercise every tokenizer rule: letters of several scripts (Latin with
# diacritics, Azerbaijani schwa, Armenian, Cyrillic, Greek), combining marks, digits, joiners,
# sentence punctuation, typographic quotes and dashes, the special spaces and invisibles.
SPECIAL = list("aZéəÉǝĞğİıŞşÇçÖöÜü" "ԱրցախՍտեփանակերտ" "СтепанакертХанкенди" "αβγ"
               "0123456789" "-'’‘.,;:!?\"“”«»—–‐‑()/ \t\n") + [
    "\r\n", "\n\n", "\u00a0", "\u202f", "\u200b", "\u00ad", "\u200d", "\u2060", "\ufeff",
    "\u0301", "\u0308", "\u0327", "U.S.", "re-integration", "Mr.", "1,000", "3.5"]
texts = st.lists(st.sampled_from(SPECIAL) | st.characters(codec="utf-8"), max_size=60).map(
    "".join)

# Words the bundled lexicon matches, in odd surroundings, so match counts are not all zero.
LEX_WORDS = ["coercion", "reintegration", "re-integration", "Re\u00adintegration",
             "ready-made", "solutions", "internationally", "established", "negotiation",
             "format", "Artsakh", "Xank\u0259ndi", "Caf\u00e9", "na\u00efve", "not", "no",
             "guarantees", "equal", "rights", "status", "\u00c9lys\u00e9e"]
SEPS = [" ", "  ", ", ", ". ", "\n", "\n\n", "\u00a0", " \u201c", "\u201d ", "! ", " - "]
lex_texts = st.lists(st.tuples(st.sampled_from(LEX_WORDS), st.sampled_from(SEPS)),
                     max_size=40).map(lambda xs: "".join(w + s for w, s in xs))


def _crlf(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\n", "\r\n")


# --------------------------------------------------------------------------- offsets
@BOUNDED
@given(texts)
@example("Re\u00adintegration, \u201cready\u2011made\u201d U.S. 1,000\r\n\r\nXank\u0259ndi")
def test_token_offsets_map_back_to_the_exact_characters(text):
    t = tokenize_text(text)
    starts, ends = t["start"].tolist(), t["end"].tolist()
    assert [text[a:b] for a, b in zip(starts, ends)] == t["surface"]
    assert all(a < b for a, b in zip(starts, ends)), "no empty token"
    assert all(b <= a for b, a in zip(ends, starts[1:])), "tokens do not overlap"
    assert list(zip(starts, ends)) == word_spans(text)
    assert t["form"] == [normalize(s) for s in t["surface"]], "form = normalize(surface)"
    assert not any(c.isspace() for s in t["surface"] for c in s)
    assert t["sentence"].tolist() == sorted(t["sentence"].tolist())


@BOUNDED
@given(st.lists(texts, max_size=6))
def test_corpus_tokens_agree_with_single_texts(docs):
    toks = tokenize(docs)
    assert toks.n_tokens().tolist() == [len(tokenize_text(d)["form"]) for d in docs]
    for i, d in enumerate(docs):
        sl = toks.doc_slice(i)
        assert [toks.types[t] for t in toks.type_ids()[sl]] == tokenize_text(d)["form"]


@MATCH
@given(lex_texts)
def test_match_offsets_map_back_to_the_matched_characters(text):
    m = find_matches(_one_statement(text), _lexicon())
    for row in m.itertuples():
        assert row.source_id == "s"
        assert text[row.char_start:row.char_end] == row.match


# --------------------------------------------------------------------------- invariance
@BOUNDED
@given(texts)
def test_counts_invariant_to_crlf(text):
    lf = text.replace("\r\n", "\n")
    crlf = _crlf(text)
    a, b = tokenize_text(lf), tokenize_text(crlf)
    assert a["form"] == b["form"]
    assert a["sentence"].tolist() == b["sentence"].tolist()


@BOUNDED
@given(texts)
@example("Xank\u0259ndi caf\u00e9 \u1e9b\u0323 \u0958 \u01c4")
@example("\u304c\u304e")  # Japanese: NFD splits off U+3099, a mark outside _MARKS
def test_counts_invariant_to_nfc_vs_nfd(text):
    nfc = unicodedata.normalize("NFC", text)
    nfd = unicodedata.normalize("NFD", text)
    a, b = tokenize_text(nfc)["form"], tokenize_text(nfd)["form"]
    assert len(a) == len(b), (
        f"NFC and NFD spellings of the same text give {len(a)} vs {len(b)} tokens: "
        f"{a} vs {b}. A combining mark outside the tokenizer's mark ranges splits a word "
        f"(analysis/frameshift/text/tokenizer.py: _MARKS must cover every character of category M*).")
    assert a == b


@MATCH
@given(lex_texts)
def test_match_counts_invariant_to_crlf_and_nfd(text):
    lex = _lexicon()
    variants = [text.replace("\r\n", "\n"), _crlf(text), unicodedata.normalize("NFD", text),
                unicodedata.normalize("NFC", text)]
    counts = []
    for v in variants:
        c = count_matches(_one_statement(v, actor=["x"]), lex, by="statement_id")
        counts.append(c[["category", "count", "negated", "tokens"]].to_dict("list"))
    assert all(c == counts[0] for c in counts[1:])


# --------------------------------------------------------------------------- fuzzing loaders
def _load_quietly(path):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            corpus = read_corpus(path)
        except FrameshiftError:
            return None
    corpus_tokens(corpus)  # a loaded corpus can always be tokenised
    return corpus


raw_bytes = st.binary(max_size=300) | st.lists(
    st.sampled_from([b"id", b"text", b"actor", b"date", b",", b"\t", b"\n", b"\r\n", b'"',
                     b"a", b"2023-03-27", b"27/03", b"\xef\xbb\xbf", b"\xe9", b"\xff", b"{",
                     b"}", b'"id": 1', b'"text": "x"', b"---", b": ", b"[", b"\x00"]),
    max_size=40).map(b"".join)


@FUZZ
@given(data=raw_bytes, ext=st.sampled_from([".csv", ".tsv", ".jsonl"]))
def test_file_loaders_raise_only_documented_errors(tmp_path_factory, data, ext):
    path = tmp_path_factory.mktemp("fuzz") / f"s{ext}"
    path.write_bytes(data)
    _load_quietly(path)
    assert path.read_bytes() == data


@FUZZ
@given(data=raw_bytes, sidecar=st.none() | raw_bytes)
def test_text_folder_loader_raises_only_documented_errors(tmp_path_factory, data, sidecar):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "a.txt").write_bytes(data)
    (folder / "b.txt").write_bytes(b"---\nactor: x\n---\nplain text")
    if sidecar is not None:
        (folder / "metadata.csv").write_bytes(sidecar)
    _load_quietly(folder)


@FUZZ
@given(manifest=raw_bytes, statements=raw_bytes)
def test_corpus_folder_loader_raises_only_documented_errors(tmp_path_factory, manifest,
                                                            statements):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "corpus.yml").write_bytes(manifest)
    (folder / "statements.csv").write_bytes(statements)
    _load_quietly(folder)


@FUZZ
@given(segments=raw_bytes | st.lists(
    st.tuples(st.integers(-2, 40), st.integers(-2, 40), st.sampled_from(["quote", "narration"]),
              st.sampled_from(["x", "y", ""])), max_size=6).map(
    lambda rows: ("source,start,end,role,actor,statement_id\n" + "".join(
        f"art,{a},{b},{r},{who},{who or 'q'}/2023-01-01\n" for a, b, r, who in rows)).encode()))
def test_segmented_corpus_loader_raises_only_documented_errors(tmp_path_factory, segments):
    folder = tmp_path_factory.mktemp("fuzz")
    (folder / "corpus.yml").write_text("segments: segments.csv\n")
    (folder / "sources").mkdir()
    (folder / "sources" / "art.txt").write_text('Headline. They said "we reject coercion".')
    (folder / "segments.csv").write_bytes(segments)
    corpus = _load_quietly(folder)
    if corpus is not None:
        for sid, text in zip(corpus.statements["statement_id"], corpus.statements["text"]):
            t = tokenize_text(text)
            src, a, b = corpus.to_source(sid, t["start"], t["end"])
            full = corpus.source_text(src)
            assert [full[x:y] for x, y in zip(a, b)] == t["surface"]


@FUZZ
@given(data=raw_bytes | texts.map(lambda s: s.encode("utf-8")),
       ext=st.sampled_from([".yml", ".dic", ".csv"]))
def test_lexicon_parser_raises_only_documented_errors(tmp_path_factory, data, ext):
    path = tmp_path_factory.mktemp("fuzz") / f"lex{ext}"
    path.write_bytes(data)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            read_lexicon(path)
        except FrameshiftError:
            pass
    assert path.read_bytes() == data
