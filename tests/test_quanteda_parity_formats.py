"""quanteda parity of every dictionary format, with nesting, keys with spaces and ``levels=``.

``tests/data/quanteda/nested_dict.yml`` (written for frameshift: nested keys, keys with spaces,
globs and phrases) was written by frameshift's ``write_lexicon`` as ``nested_dict.dic``,
``.cat``, ``.ykd`` and ``.lc3``. quanteda 4.3.1 (R 4.2.2) read each of the five files with
``dictionary(file = ...)`` and counted ``dfm(tokens_lookup(tokens(data_corpus_inaugural), dict,
nested_scope = scope, levels = lev))``: the files ``counts_nested_<ext>[_levels<N>]_nested_scope_
<scope>.csv`` (tests/data/quanteda/README.md). frameshift reads the same files and must give the
same count in every cell: this checks the readers, the writers (quanteda reads what frameshift
wrote) and ``levels=`` against quanteda.
"""

from pathlib import Path

import pandas as pd
import pytest

from frameshift.corpus.readers import read_corpus
from frameshift.lexicon import read_lexicon
from frameshift.matching.engine import count_matches

DATA = Path(__file__).parent / "data" / "quanteda"


@pytest.fixture(scope="module")
def inaugural():
    return read_corpus("inaugural")


CASES = [(ext, lev, scope) for ext in ("yml", "dic", "cat", "ykd", "lc3")
         for lev in (None, 1, 2) for scope in ("key", "dictionary")
         if lev is None or ext not in ("ykd", "lc3")]


@pytest.mark.parametrize("ext, levels, scope", CASES)
def test_every_cell_equals_quanteda(inaugural, ext, levels, scope):
    lex = read_lexicon(DATA / f"nested_dict.{ext}", levels=levels)
    suffix = "" if levels is None else f"_levels{levels}"
    ref = pd.read_csv(DATA / f"counts_nested_{ext}{suffix}_nested_scope_{scope}.csv")
    ref = ref.set_index("doc_id")
    if ext == "lc3":  # quanteda keeps the '+' of a Lexicoder category line in the key
        ref.columns = [c.removeprefix("+") for c in ref.columns]
    got = count_matches(inaugural, lex, by="doc_id", nested_scope=scope).pivot(
        index="doc_id", columns="category", values="count")
    assert sorted(got.index) == sorted(ref.index)
    if ext == "ykd":
        # quanteda's Yoshikoder reader also copies earlier sibling keys into later ones
        # ("economy.government.executive"): 9 keys where the file has 6; the file's 6 are
        # compared (docs/lexicons.md, "Deliberate differences")
        assert len(ref.columns) == 9 and set(got.columns) < set(ref.columns)
        ref = ref[list(got.columns)]
    assert sorted(got.columns) == sorted(ref.columns)
    got = got.loc[ref.index, list(ref.columns)]
    assert (got.to_numpy() == ref.to_numpy()).all()
    assert got.to_numpy().sum() > 500  # not a vacuous comparison (levels=2, the least: 806)


def test_keys_with_spaces_and_levels(inaugural):
    lex = read_lexicon(DATA / "nested_dict.yml")
    assert "government.judicial branch" in lex and "economy.public finance" in lex
    assert read_lexicon(DATA / "nested_dict.dic", levels=2).category_ids == [
        "executive", "legislative", "judicial branch", "public finance", "trade"]
