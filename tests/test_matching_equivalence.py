"""The fast matching engine gives exactly the tables of the straightforward reference.

``reference_matcher`` is the matcher as first written (a loop over phrase forms, the text
between the words of every candidate re-read, matches accepted one at a time). The fast
engine in ``frameshift.matching`` must return the same ``find_matches`` rows (every column) and
the same ``count_matches`` table on the bundled corpora, with the bundled lexicon and with a
generated lexicon of globs, phrases, gap phrases, regular expressions, exclusions and hyphen
variants, and on random corpora; for both nested scopes, with and without crossing
sentences, case-sensitive or not.
"""

import itertools
import random

import pandas as pd
import pytest
from hypothesis import given, settings, strategies as hs

import reference_matcher as ref
from frameshift.corpus.readers import from_frame, read_corpus
from frameshift.lexicon.formats import read_lexicon
from frameshift.matching.engine import count_matches, find_matches
from frameshift.text.tokenizer import tokenize, word_spans

pytestmark = [pytest.mark.filterwarnings("ignore::UserWarning"), pytest.mark.slow]

GRID = [dict(nested_scope=s, cross_sentences=c, case_sensitive=cs)
        for s, c, cs in itertools.product(("key", "dictionary"), (False, True), (False, True))]


def _yaml_lexicon(tmp_path, texts, *, n=300, seed=7):
    """A lexicon of about ``n`` patterns drawn from the texts (deterministic)."""
    rng = random.Random(seed)
    words = [w for t in texts for w in tokenize([t]).types]
    toks = tokenize(texts)
    seq = [toks.types[t] for t in toks.type_ids()]
    seq_cased = [toks.surfaces[s] for s in toks.ids]
    long = sorted({w for w in words if len(w) >= 5 and w.isalpha()})
    vocab = sorted(set(words))
    pats = []
    for _ in range(n // 3):  # globs
        w = rng.choice(long)
        pats.append(w[:rng.randint(3, len(w) - 1)] + "*")
    for _ in range(n // 12):
        w = rng.choice(long)
        i = rng.randrange(1, len(w) - 1)
        pats.append(w[:i] + "?" + w[i + 1:])
    for _ in range(n // 6):  # words, some with a hyphen inserted or removed
        w = rng.choice(vocab)
        if len(w) > 6 and w.isalpha() and rng.random() < 0.3:
            w = w[:3] + "-" + w[3:]
        pats.append(w)
    for _ in range(n // 4):  # phrases from the text, some cased, some ending in a glob
        i = rng.randrange(len(seq) - 3)
        L = rng.choice((2, 2, 3))
        ph = (seq_cased if rng.random() < 0.3 else seq)[i:i + L]
        if rng.random() < 0.2 and len(ph[-1]) > 3:
            ph[-1] = ph[-1][:3] + "*"
        if rng.random() < 0.2:
            ph = ["=" + ph[0]] + ph[1:]
        pats.append(" ".join(ph))
    for _ in range(n // 12):  # gap phrases
        i = rng.randrange(len(seq) - 4)
        g = rng.randint(1, 3)
        pats.append(f"{seq[i]} {{{rng.randint(0, 1)},{g}}} {seq[i + g + 1]}")
    for w in rng.sample(long, 6):
        pats.append(f"re:{w[:3]}[a-z]*")
    pats = [p for p in dict.fromkeys(pats) if "'" not in p and "." not in p]
    lines = ["name: generated", "categories:"]
    for c in range(8):
        mine = pats[c::8]
        lines += [f"  - id: c{c}", f"    label: C{c}", "    definition: generated",
                  "    patterns:"] + [f"      - {p!r}" for p in mine]
        globs = [p for p in mine if p.endswith("*") and " " not in p]
        phrases = [p for p in mine if " " in p and "{" not in p and "*" not in p]
        ex = [g[:-1] + "s*" for g in globs[:2]] + [p.lstrip("=") for p in phrases[:1]]
        if ex:
            lines += ["    exclude:"] + [f"      - {p!r}" for p in ex]
    path = tmp_path / "gen.yml"
    path.write_text("\n".join(lines) + "\n")
    import warnings
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return read_lexicon(path, strict=False)


#: The match table's dtypes since issue 20 (11 M rows in well under 1 GB): repeated texts as
#: categoricals of strings, positions within a statement as int32. The frozen reference builds
#: str and int64 columns; the values must be the same.
MATCH_DTYPES = {"statement_id": "category", "actor": "category", "date": "datetime64[ns]",
                "category": "category", "pattern": "category", "match": "category",
                "token_start": "int32", "token_end": "int32", "char_start": "int64",
                "char_end": "int64", "source_id": "category", "sentence": "int32",
                "negated": "bool"}


def _same_matches(got, want):
    assert {c: str(t) for c, t in got.dtypes.items()} == MATCH_DTYPES
    for c, t in MATCH_DTYPES.items():
        if t == "category":  # the categories: the values that occur, sorted, as str
            cats = got[c].cat.categories
            assert cats.dtype == "str" and list(cats) == sorted(set(want[c].dropna()))
    pd.testing.assert_frame_equal(got.astype(want.dtypes.to_dict()), want, check_exact=True)


def _same(corpus, lexicon, kws, by="actor"):
    for kw in kws:
        got = find_matches(corpus, lexicon, **kw)
        want = ref.find_matches(corpus, lexicon, **kw)
        _same_matches(got, want)
        got = count_matches(corpus, lexicon, by=by, warn=False, **kw)
        want = ref.count_matches(corpus, lexicon, by=by, **kw)
        # the frozen reference predates issue 13's sentences/short_text columns (tested in
        # test_matching.py); every column it has must agree exactly
        pd.testing.assert_frame_equal(got[list(want.columns)], want, check_exact=True)


@pytest.fixture(scope="module")
def karabakh():
    return read_corpus("karabakh_2023")


@pytest.fixture(scope="module")
def inaugural():
    return read_corpus("inaugural")


def test_bundled_corpus_bundled_lexicon_every_setting(karabakh):
    _same(karabakh, read_lexicon("karabakh_framing"), GRID)


def test_bundled_corpus_generated_lexicon_every_setting(karabakh, tmp_path):
    lex = _yaml_lexicon(tmp_path, karabakh.statements["text"].tolist())
    assert sum(len(c.patterns) for c in lex) >= 250
    _same(karabakh, lex, GRID)


def test_inaugural_bundled_lexicon(inaugural):
    _same(inaugural, read_lexicon("karabakh_framing"), GRID[::3], by="doc_id")


def test_inaugural_generated_lexicon(inaugural, tmp_path):
    texts = inaugural.statements["text"].tolist()
    lex = _yaml_lexicon(tmp_path, texts[:5], seed=11)
    kinds = {p.kind for c in lex for p in c.patterns}
    assert kinds == {"word", "glob", "phrase", "regex"}
    assert any(c.exclude for c in lex)
    _same(inaugural, lex, [GRID[0], GRID[5]], by="doc_id")
    m = find_matches(inaugural, lex)
    assert (m["token_end"] - m["token_start"] > 1).sum() > 100  # phrases do match


# ---------------------------------------------------------------- random corpora
WORDS = ["peace", "Peace", "re-integration", "reintegration", "re", "integration", "not",
         "no", "U.S", "sanctions", "ready", "made", "ready-made", "solutions", "the", "of",
         "format", "established", "talks", "don't", "free", "freedom", "freezing", "a"]
SEPS = [" ", " ", " ", ", ", ". ", "! ", "\n\n", " \"", "\" ", " - ", "-", " .", ".\n", "; "]
LEX = {
    "c0": ["peace*", "re-integration", "ready-made solutions", "the {0,2} format"],
    "c1": ["free*", "freedom", "u.s sanctions", "not free*", "peace talks"],
    "c2": ["re:sol[a-z]+", "of the", "the", "established {1,3} talks", "made solutions"],
    "c3": ["=Peace", "integration", "no {0,1} peace*", "talks", "a {2} the",
           "a {0,1} the {0,2} format", "not {1,2} free* {0,1} peace"],
}


def _lexicons():
    plain = LEX
    with_excl = read_lexicon(DATA / "equivalence_lexicon.yml")
    return [plain, with_excl]


DATA = __import__("pathlib").Path(__file__).parent / "data"

texts_strategy = hs.lists(
    hs.lists(hs.tuples(hs.sampled_from(WORDS), hs.sampled_from(SEPS)), min_size=0,
             max_size=25).map(lambda ws: "".join(w + s for w, s in ws)),
    min_size=1, max_size=4)


@settings(max_examples=60, deadline=None)
@given(texts=texts_strategy, which=hs.integers(0, 1), kw=hs.sampled_from(GRID))
def test_random_corpora(texts, which, kw):
    c = from_frame(pd.DataFrame({"statement_id": [f"s{i}" for i in range(len(texts))],
                                 "actor": [f"a{i % 2}" for i in range(len(texts))],
                                 "text": texts}))
    _same(c, _lexicons()[which], [kw], by="statement_id")


@settings(max_examples=60, deadline=None)
@given(texts=texts_strategy)
def test_adjacency_flag_equals_reading_the_text(texts):
    toks = tokenize(texts)
    for d, text in enumerate(texts):
        spans = word_spans(text)
        sl = toks.doc_slice(d)
        sent = toks.sentence[sl]
        want = []
        for i in range(len(spans)):
            if i == len(spans) - 1:
                want.append(False)
                continue
            gap = text[spans[i][1]:spans[i + 1][0]]
            want.append(not gap or gap.isspace() or (
                gap[0] == "." and (len(gap) == 1 or gap[1:].isspace())
                and sent[i] == sent[i + 1]))
        assert toks.adjacent[sl].tolist() == want


def test_adjacency_flag_by_hand():
    t = tokenize(["U.S. sanctions, our union; U.S . x our\n\nunion end. Next"])
    # U.S|sanctions|our|union|U.S|x|our|union|end|Next
    assert t.adjacent.tolist() == [True, False, True, False, False, True, True, True,
                                   False, False]
