"""quanteda parity: dictionary counts on the inaugural corpus equal quanteda 4.3.1's.

Reference files (tests/data/quanteda/) were computed with R 4.2.2 and quanteda 4.3.1:
``dfm(tokens_lookup(tokens(data_corpus_inaugural), dictionary(file = "custom_dict.yml"),
nested_scope = ...))``. See docs/lexicons.md for the semantics and the known differences.
"""

from pathlib import Path

import pandas as pd
import pytest

from frameshift.corpus.readers import read_corpus
from frameshift.matching.check import check_lexicon
from frameshift.lexicon.formats import read_lexicon
from frameshift.matching.engine import count_matches

DATA = Path(__file__).parent / "data" / "quanteda"


@pytest.fixture(scope="module")
def inaugural():
    return read_corpus("inaugural")


@pytest.fixture(scope="module")
def custom_dict():
    return read_lexicon(DATA / "custom_dict.yml")


def test_custom_dict_is_read_as_quanteda(custom_dict):
    assert custom_dict.format == "quanteda"
    assert custom_dict.category_ids == ["country", "law", "freedom", "union"]


@pytest.mark.parametrize("scope, reference", [
    ("key", "counts_custom.csv"),
    ("dictionary", "counts_custom_nested_scope_dictionary.csv"),
])
def test_counts_by_doc_id_equal_quanteda(inaugural, custom_dict, scope, reference):
    ref = pd.read_csv(DATA / reference).set_index("doc_id")
    got = count_matches(inaugural, custom_dict, by="doc_id", nested_scope=scope)
    wide = got.pivot(index="doc_id", columns="category", values="count")
    assert sorted(wide.index) == sorted(ref.index)
    wide = wide.loc[ref.index, list(ref.columns)]
    assert (wide.to_numpy() == ref.to_numpy()).all()
    assert int(wide.to_numpy().sum()) == int(ref.to_numpy().sum())


def test_glob_expansions_equal_quanteda(inaugural, custom_dict):
    ref = pd.read_csv(DATA / "custom_dict_glob_expansion.csv")
    rep = check_lexicon(inaugural, custom_dict)
    for key in ("law", "freedom"):
        want = set(ref.loc[ref["key"] == key, "matched_types"].str.lower())
        got = set(rep.expansions.loc[rep.expansions["category"] == key, "type"])
        # quanteda lists the non-glob values' types too ("Constitution")
        assert got == want - {"constitution"}, key


def test_word_tokens_equal_quanteda_ntoken_except_currency_symbols(inaugural):
    ref = pd.read_csv(DATA / "ntoken.csv").set_index("doc_id")["ntoken_no_punct"]
    got = count_matches(inaugural, {"x": ["x"]}, by="doc_id").set_index("doc_id")["tokens"]
    texts = inaugural.statements.set_index("doc_id")["text"]
    # quanteda keeps symbols ("$" in "$120,000,000") as tokens; frameshift counts words only
    dollars = texts.str.count(r"\$").reindex(ref.index)
    assert (got.reindex(ref.index) + dollars == ref).all()
    assert int(dollars.sum()) == 4
