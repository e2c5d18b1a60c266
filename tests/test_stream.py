"""Tests of frameshift.matching.stream: counting a corpus file chunk by chunk equals reading it whole."""

import json

import pandas as pd
import pytest

from frameshift.corpus.readers import read_corpus
from frameshift.errors import CorpusError, InputNotFoundError
from frameshift.matching.engine import count_matches
from frameshift.matching.stream import count_matches_stream, iter_statement_chunks

LEX = {"reint": ["reintegrat*"], "coercion": ["coerc*", "ready-made solution*"]}
ROWS = [  # file order is not date order; one statement without a date
    {"statement_id": "c", "actor": "media", "date": "2023-03-29", "party": "C",
     "text": "Coercion and reintegration."},
    {"statement_id": "a", "actor": "baku", "date": "2023-03-27", "party": "A",
     "text": "Reintegration now."},
    {"statement_id": "u", "actor": "nk", "date": "", "party": "B",
     "text": "No ready-made solutions, no coercion."},
    {"statement_id": "b", "actor": "nk", "date": "2023-03-28", "party": "B",
     "text": "We reject coercion."},
    {"statement_id": "d", "actor": "baku", "date": "2023-03-26", "party": "A",
     "text": "Reintegrate, reintegrate."},
]


@pytest.fixture()
def files(tmp_path):
    csv_path = tmp_path / "s.csv"
    pd.DataFrame(ROWS).to_csv(csv_path, index=False)
    jl = tmp_path / "s.jsonl"
    jl.write_text("".join(json.dumps(r) + "\n" for r in ROWS), encoding="utf-8")
    return csv_path, jl


def test_hand_computed_order_and_counts(files):
    got = count_matches_stream(files[0], LEX, by="actor", chunksize=2)
    # analysis order: d (baku, 03-26), a, b (nk), c (media), u (undated, last)
    assert got["actor"].tolist()[::2] == ["baku", "nk", "media"]
    baku = got[got["actor"] == "baku"].set_index("category")
    assert baku.loc["reint", "count"] == 3 and baku.loc["reint", "tokens"] == 4
    nk = got[got["actor"] == "nk"].set_index("category")
    assert nk.loc["coercion", "count"] == 3 and nk.loc["coercion", "negated"] == 2


@pytest.mark.parametrize("which", [0, 1])
@pytest.mark.parametrize("chunksize", [1, 2, 3, 100])
@pytest.mark.parametrize("by", ["actor", "statement_id", ["party", "actor"], "date"])
def test_equals_reading_the_whole_file(files, which, chunksize, by):
    path = files[which]
    expected = count_matches(read_corpus(path), LEX, by=by)
    got = count_matches_stream(path, LEX, by=by, chunksize=chunksize)
    pd.testing.assert_frame_equal(got, expected)


def test_equals_whole_inaugural_csv(tmp_path):
    st = read_corpus("inaugural").statements
    path = tmp_path / "inaugural.csv"
    st.sample(frac=1, random_state=3).drop(columns=["date"]).to_csv(path, index=False)
    expected = count_matches(read_corpus(path), "karabakh_framing", by="Party")
    got = count_matches_stream(path, "karabakh_framing", by="Party", chunksize=7)
    pd.testing.assert_frame_equal(got, expected)


def test_chunks_are_bounded(files):
    sizes = [len(df) for df, _ in iter_statement_chunks(files[1], chunksize=2)]
    assert sizes == [2, 2, 1]


def test_errors_name_file_and_line(tmp_path):
    with pytest.raises(InputNotFoundError, match="no such file"):
        count_matches_stream(tmp_path / "missing.csv", LEX)
    bad = tmp_path / "bad.csv"
    bad.write_text("statement_id,text\na,Fine.\nb,too,many\n", encoding="utf-8")
    with pytest.raises(CorpusError, match=r"bad.csv:3: row has 3 fields, the header has 2"):
        count_matches_stream(bad, LEX)
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"statement_id": "a", "text": "x"}\n[1]\n', encoding="utf-8")
    with pytest.raises(CorpusError, match=r"bad.jsonl:2: expected a JSON object"):
        count_matches_stream(bad, LEX)
    with pytest.raises(CorpusError, match="cannot stream a '.xlsx' file"):
        (tmp_path / "x.xlsx").write_text("x")
        count_matches_stream(tmp_path / "x.xlsx", LEX)
