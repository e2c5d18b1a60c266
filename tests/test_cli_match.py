"""Tests of ``frameshift count|hits|kwic`` (analysis/frameshift/cli/match.py)."""

import io
import json
from pathlib import Path

import pandas as pd
import pytest

from frameshift.cli import main
from frameshift.corpus.readers import read_corpus

DATA = Path(__file__).parent / "data" / "quanteda"


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def table(out):
    return pd.read_csv(io.StringIO(out), keep_default_na=False)


def test_hits_on_bundled_defaults_shows_the_done_when_rows(capsys):
    status, out, _ = run(capsys, "hits")
    assert status == 0
    t = table(out)
    assert {"statement_id", "actor", "date", "category", "pattern", "match", "char_start",
            "char_end", "negated"} <= set(t.columns)
    low = t["match"].str.lower()
    assert sorted(t.loc[low == "reintegration", "actor"]) == ["az_presidency", "commonspace"]
    assert t.loc[low == "coercion", "actor"].tolist() == ["nk_authorities"]
    fmt = t[low == "internationally established negotiation format"]
    assert fmt[["actor", "category", "pattern"]].values.tolist() == [
        ["nk_authorities", "international_format", "internationally established {0,2} format"]]
    article = read_corpus("karabakh_2023").sources["commonspace-2023-03-28"]
    for r in t.itertuples():
        assert article[r.char_start:r.char_end] == r.match


def test_count_by_actor_agrees_with_hits(capsys):
    _, out, _ = run(capsys, "hits")
    hits = table(out)
    status, out, _ = run(capsys, "count", "--by", "actor")
    assert status == 0
    t = table(out)
    assert list(t.columns) == ["actor", "category", "count", "negated", "tokens", "per_1000",
                               "share", "sentences", "short_text"]
    assert len(t) == 3 * 13   # three actors x thirteen categories (karabakh_framing 0.2.0)
    got = t.set_index(["actor", "category"])["count"]
    exp = hits.groupby(["actor", "category"]).size()
    assert (got.reindex(exp.index) == exp).all() and got.sum() == len(hits)


def test_count_csv_corpus_with_column_options_and_metadata_by(tmp_path, capsys):
    csv = tmp_path / "c.csv"
    pd.DataFrame({"key": ["d1", "d2", "d3"], "body": ["Free free.", "Liberty!", "Law."],
                  "who": ["x", "y", "x"], "party": ["P", "Q", "P"]}).to_csv(csv, index=False)
    lex = tmp_path / "lex.yml"
    lex.write_text("freedom: [free*, libert*]\nlaw: [law*]\n", encoding="utf-8")
    status, out, _ = run(capsys, "count", "--corpus", str(csv), "--id-col", "key",
                         "--text-col", "body", "--actor-col", "who", "--lexicon", str(lex),
                         "--by", "party")
    assert status == 0
    assert table(out)[["party", "category", "count", "tokens"]].values.tolist() == [
        ["P", "freedom", 2, 3], ["P", "law", 1, 3], ["Q", "freedom", 1, 1], ["Q", "law", 0, 1]]
    status, out, _ = run(capsys, "count", "--corpus", str(csv), "--id-col", "key",
                         "--text-col", "body", "--lexicon", str(lex), "--by", "statement_id",
                         "--nested-scope", "dictionary")
    assert table(out)["count"].tolist() == [2, 0, 1, 0, 0, 1]


def test_count_unknown_by_column_is_an_error(capsys):
    status, _, err = run(capsys, "count", "--by", "party")
    assert status == 2
    assert err.startswith("frameshift: error: cannot count by 'party'")
    assert "Available columns: statement_id, actor" in err


def test_unknown_lexicon_is_an_error(capsys):
    status, _, err = run(capsys, "hits", "--lexicon", "nope")
    assert status == 2 and "bundled lexicons: karabakh_framing" in err


def test_kwic_pattern_means_the_word_as_in_python(capsys):
    from frameshift import kwic, read_corpus

    status, out, _ = run(capsys, "kwic", "coercion", "--window", "2")
    assert status == 0
    want = kwic(read_corpus("karabakh_2023"), "coercion", window=2)
    assert table(out)["keyword"].tolist() == want["keyword"].tolist()
    assert set(table(out)["category"]) == {"coercion"}
    status, out, _ = run(capsys, "kwic", "--category", "coercion", "--window", "2")
    assert status == 0
    want = kwic(read_corpus("karabakh_2023"), category="coercion",
                lexicon="karabakh_framing", window=2)
    assert table(out)["keyword"].tolist() == want["keyword"].tolist()
    status, _, err = run(capsys, "kwic")
    assert status == 2 and "one of the two" in err


def test_kwic(capsys):
    status, out, _ = run(capsys, "kwic", "coerc*", "--window", "3")
    assert status == 0
    t = table(out)
    assert t[["left", "keyword", "actor"]].values.tolist() == [
        ["political agenda through", "coercion", "nk_authorities"]]


def test_out_writes_file_and_provenance(tmp_path, capsys):
    out = tmp_path / "counts.csv"
    status, stdout, _ = run(capsys, "count", "--out", str(out))
    assert status == 0 and stdout == ""
    t = pd.read_csv(out)
    assert len(t) == 39   # 3 actors x 13 categories of karabakh_framing 0.2.0
    prov = json.loads((tmp_path / "counts.csv.provenance.json").read_text())
    text = json.dumps(prov)
    assert "karabakh_framing" in text and "nested_scope" in text


@pytest.mark.parametrize("scope", ["key", "dictionary"])
def test_quanteda_parity_from_the_command_line(capsys, scope):
    ref = {"key": "counts_custom.csv",
           "dictionary": "counts_custom_nested_scope_dictionary.csv"}[scope]
    status, out, _ = run(capsys, "count", "--corpus", "inaugural", "--lexicon",
                         str(DATA / "custom_dict.yml"), "--by", "doc_id",
                         "--nested-scope", scope)
    assert status == 0
    wide = table(out).pivot(index="doc_id", columns="category", values="count")
    want = pd.read_csv(DATA / ref).set_index("doc_id")
    assert (wide.loc[want.index, list(want.columns)].to_numpy() == want.to_numpy()).all()
