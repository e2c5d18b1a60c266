"""Document-level keyness (issue 13): labels permuted across documents, not tokens."""

import numpy as np
import pandas as pd
import pytest

from frameshift.corpus.model import Corpus
from frameshift.measures.doc_keyness import keyness_permutation


def _corpus(texts, groups):
    return Corpus(pd.DataFrame({
        "statement_id": [f"d{i}" for i in range(len(texts))],
        "actor": groups, "date": pd.NaT, "text": texts}))


def test_one_document_repeating_a_word_is_not_a_group_difference():
    # "tariff" 30 times in one of four R documents: a token-level test would call it key.
    # Relabelling documents, every split puts d0 (32 tokens) with three 3-token documents
    # (41 tokens) against four (12 tokens), so |T*| = |log2((30/41) / (0.5/12))| = |T| always
    # and p = (1 + n) / (1 + n) = 1: nothing distinguishes the groups.
    texts = ["tariff " * 30 + "people nation"] + ["people nation together"] * 7
    groups = ["R"] * 4 + ["D"] * 4
    t = keyness_permutation(_corpus(texts, groups), by="actor", target="R", n_perm=4000,
                            min_count=1, seed=1).set_index("term")
    assert t.loc["tariff", "count_target"] == 30 and t.loc["tariff", "docs_target"] == 1
    assert t.loc["tariff", "log_ratio"] == pytest.approx(np.log2((30 / 41) / (0.5 / 12)))
    assert t.loc["tariff", "p"] == 1.0
    assert (t["test"] == "document permutation").all()


def test_a_word_every_target_document_uses_is_found():
    # "liberty" in all 6 R documents, none of the 6 D: only 1 of C(12, 6) = 924 splits is as
    # extreme on each side (|T| two-sided: 2/924), so p ~ (1 + 2/924 * n) / (1 + n)
    texts = ["liberty people nation"] * 6 + ["people nation land"] * 6
    groups = ["R"] * 6 + ["D"] * 6
    t = keyness_permutation(_corpus(texts, groups), by="actor", target="R",
                            reference="D", n_perm=9999, min_count=1, seed=0)
    top = t.iloc[0]
    assert top["term"] in ("liberty", "land")
    assert top["p"] < 0.01
    lr = t.set_index("term").loc["liberty", "log_ratio"]
    # rates 6/18 v 0.5/18 -> log2 12
    assert lr == pytest.approx(np.log2(12))
