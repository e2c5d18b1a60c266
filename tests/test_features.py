"""Lexicon categories as features: sparse document-category matrix, Matrix Market export for
quanteda/R, the scikit-learn transformer, and tables out as CSV/Parquet/Excel.

Every expected value below is counted by hand from the texts written in the test."""

from __future__ import annotations

import json

import numpy as np
import pandas as pd
import pytest

import frameshift as fs
from frameshift.errors import OptionError

LEX = {"peace": ["peace", "talks"], "war": ["war*", "attack"]}
TEXTS = ["Peace talks now.",      # peace 2 (peace, talks), war 0; 3 word tokens
         "War and attack.",       # peace 0, war 2 (war, attack); 3 tokens
         "We want peace.",        # peace 1, war 0; 3 tokens
         "Warfare again."]        # peace 0, war 1 (warfare ~ war*); 2 tokens
BY_HAND = [[2, 0], [0, 2], [1, 0], [0, 1]]


def _corpus():
    return fs.from_frame(pd.DataFrame({"statement_id": ["s1", "s2", "s3", "s4"],
                                       "actor": ["a", "b", "a", "b"], "Party": list("XYXY"),
                                       "text": TEXTS}))


def test_document_category_matrix_counts_by_hand():
    from scipy import sparse
    m, docvars, features = fs.document_category_matrix(_corpus(), LEX)
    assert sparse.issparse(m) and m.shape == (4, 2)
    assert features == ["peace", "war"]
    assert m.toarray().tolist() == BY_HAND
    assert docvars["statement_id"].tolist() == ["s1", "s2", "s3", "s4"]
    assert "text" not in docvars.columns and docvars["Party"].tolist() == list("XYXY")


def test_document_category_matrix_per_1000_and_precomputed_matches():
    c = _corpus()
    m, _, _ = fs.document_category_matrix(c, LEX, rate="per_1000")
    expected = [[2000 / 3, 0], [0, 2000 / 3], [1000 / 3, 0], [0, 500]]
    np.testing.assert_allclose(m.toarray(), expected)
    matches = fs.find_matches(c, LEX)
    m2, _, _ = fs.document_category_matrix(c, LEX, matches=matches)
    assert m2.toarray().tolist() == BY_HAND
    with pytest.raises(OptionError, match="per_1000"):
        fs.document_category_matrix(c, LEX, rate="share")


def test_document_category_matrix_follows_settings():
    c = fs.from_frame(pd.DataFrame({"statement_id": ["s1"], "actor": ["a"],
                                    "text": ["Peace, PEACE, peace."]}))
    m, _, _ = fs.document_category_matrix(c, {"p": ["peace"]},
                                          settings=fs.MatchSettings(case_sensitive=True))
    assert m.toarray().tolist() == [[1]]     # only the lower-case one
    m, _, _ = fs.document_category_matrix(c, {"p": ["peace"]})
    assert m.toarray().tolist() == [[3]]


def test_matrix_market_round_trip(tmp_path):
    from scipy import io as sio
    m, docvars, features = fs.document_category_matrix(_corpus(), LEX)
    files = fs.write_matrix_market(m, docvars, features, tmp_path / "dcm.mtx")
    back = sio.mmread(str(files["matrix"]))
    assert back.toarray().tolist() == BY_HAND
    assert pd.read_csv(files["features"])["feature"].tolist() == ["peace", "war"]
    assert pd.read_csv(files["docvars"])["statement_id"].tolist() == ["s1", "s2", "s3", "s4"]
    rec = json.loads((tmp_path / "dcm.mtx.provenance.json").read_text())
    assert rec["output"]["shape"] == [4, 2]
    # second write of our own files is fine; a wrong suffix or shape is a clear error
    fs.write_matrix_market(m, docvars, features, tmp_path / "dcm.mtx")
    with pytest.raises(OptionError, match=r"\.mtx"):
        fs.write_matrix_market(m, docvars, features, tmp_path / "dcm.txt")
    with pytest.raises(OptionError, match="one name per column"):
        fs.write_matrix_market(m, docvars, ["peace"], tmp_path / "dcm2.mtx")


def test_matrix_market_refuses_foreign_file(tmp_path):
    (tmp_path / "dcm.features.csv").write_text("mine\n")
    m, docvars, features = fs.document_category_matrix(_corpus(), LEX)
    with pytest.raises(fs.OutputExistsError):
        fs.write_matrix_market(m, docvars, features, tmp_path / "dcm.mtx")
    assert (tmp_path / "dcm.features.csv").read_text() == "mine\n"


def test_vectorizer_features_by_hand():
    v = fs.LexiconVectorizer(LEX)
    assert v.fit_transform(TEXTS).toarray().tolist() == BY_HAND
    assert v.get_feature_names_out().tolist() == ["peace", "war"]
    np.testing.assert_allclose(
        fs.LexiconVectorizer(LEX, rate="per_1000").fit(TEXTS).transform(["No attack, no war."])
        .toarray(), [[0, 2000 / 4]])
    with pytest.raises(OptionError, match="list of texts"):
        v.transform("Peace talks now.")


def test_vectorizer_in_a_pipeline():
    from sklearn.base import clone
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    pipe = make_pipeline(fs.LexiconVectorizer(LEX), LogisticRegression())
    pipe.fit(TEXTS, [1, 0, 1, 0])             # 1 = a peace text
    # "talks of peace": peace 2, war 0 -> the peace side; "attack them": war 1 -> the other.
    assert pipe.predict(["Talks of peace.", "Attack them."]).tolist() == [1, 0]
    # the only signal is the sign of (peace - war), so the coefficients have opposite signs
    coef = pipe[-1].coef_[0]
    assert coef[0] > 0 > coef[1]
    assert pipe[:-1].get_feature_names_out().tolist() == ["peace", "war"]
    c = clone(pipe)                            # get_params/set_params protocol
    assert c[0].get_params()["lexicon"] == LEX and c[0].rate == "count"


@pytest.mark.parametrize("suffix", [".csv", ".parquet", ".xlsx"])
def test_write_table_formats_round_trip(tmp_path, suffix):
    df = pd.DataFrame({"actor": ["a", "b"], "category": ["peace", "war"], "count": [2, 0]})
    out = fs.write_table(df, tmp_path / f"t{suffix}", provenance={"why": "test"})
    read = {".csv": pd.read_csv, ".parquet": pd.read_parquet, ".xlsx": pd.read_excel}[suffix]
    pd.testing.assert_frame_equal(read(out), df)
    rec = json.loads((tmp_path / f"t{suffix}.provenance.json").read_text())
    assert rec["why"] == "test" and rec["output"]["rows"] == 2


def test_write_table_unknown_suffix_and_foreign_file(tmp_path):
    df = pd.DataFrame({"a": [1]})
    with pytest.raises(OptionError, match=r"\.csv, \.parquet, \.xlsx"):
        fs.write_table(df, tmp_path / "t.json")
    (tmp_path / "t.xlsx").write_bytes(b"not ours")
    with pytest.raises(fs.OutputExistsError):
        fs.write_table(df, tmp_path / "t.xlsx")
    assert (tmp_path / "t.xlsx").read_bytes() == b"not ours"


def test_write_table_names_the_extra_when_library_missing(tmp_path, monkeypatch):
    import builtins
    real = builtins.__import__

    def no_pyarrow(name, *a, **k):
        if name == "pyarrow":
            raise ImportError("no pyarrow")
        return real(name, *a, **k)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    with pytest.raises(OptionError, match=r"pip install 'frameshift\[io\]'"):
        fs.write_table(pd.DataFrame({"a": [1]}), tmp_path / "t.parquet")
    assert not (tmp_path / "t.parquet").exists()


def test_cli_out_picks_format_by_suffix(tmp_path):
    from frameshift.cli import main
    out = tmp_path / "counts.parquet"
    assert main(["count", "--corpus", "karabakh_2023", "--lexicon", "karabakh_framing",
                 "--out", str(out)]) == 0
    df = pd.read_parquet(out)
    assert {"actor", "category", "count"} <= set(df.columns)
    csv = tmp_path / "counts.csv"
    main(["count", "--corpus", "karabakh_2023", "--lexicon", "karabakh_framing",
          "--out", str(csv)])
    pd.testing.assert_frame_equal(df, pd.read_csv(csv), check_dtype=False)
