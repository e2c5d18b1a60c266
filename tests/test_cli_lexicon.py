"""Tests of ``frameshift lexicon check|list|convert`` (analysis/frameshift/cli/lexicon.py)."""

import io
from pathlib import Path

import pandas as pd

from frameshift.cli import main
from frameshift.lexicon.formats import read_lexicon


def run(capsys, *argv):
    status = main(list(argv))
    out, err = capsys.readouterr()
    return status, out, err


def test_lexicon_check_lists_instrastructure_as_near_miss(capsys):
    # karabakh_framing 0.1.0 (before issue 14 listed the typo)
    old = Path(__file__).parent / "data" / "validation" / "karabakh_framing_0.1.0.yml"
    status, out, _ = run(capsys, "lexicon", "check", str(old))
    assert status == 0
    t = pd.read_csv(io.StringIO(out), keep_default_na=False)
    assert list(t.columns) == ["check", "category", "pattern", "type", "count", "detail"]
    near = t[(t["check"] == "near_miss") & (t["type"] == "instrastructure")]
    assert near[["category", "pattern", "count"]].values.tolist() == [
        ["infrastructure", "infrastructure", 1]]


def test_lexicon_check_reports_every_problem_of_a_bad_file(tmp_path, capsys):
    bad = tmp_path / "bad.yml"
    bad.write_text("name: b\ncategories:\n  - id: a\n    patterns: [x, X, 're:(a+)+']\n"
                   "  - id: e\n    patterns: []\n", encoding="utf-8")
    status, _, err = run(capsys, "lexicon", "check", str(bad))
    assert status == 2
    assert f"{bad}:4: category 'a': duplicate pattern 'X'" in err
    assert f"{bad}:4: category 'a': pattern 're:(a+)+' is a dangerous" in err
    assert f"{bad}:5: category 'e' has no patterns" in err


def test_lexicon_list(capsys):
    status, out, _ = run(capsys, "lexicon", "list")
    t = pd.read_csv(io.StringIO(out))
    assert status == 0 and t["name"].tolist() == [
        "karabakh_framing", "karabakh_framing_multilingual", "karabakh_toponyms"]
    assert t["categories"].tolist() == [13, 11, 3]  # counted in the YAML files


def test_lexicon_convert_quanteda_to_yaml_and_csv(tmp_path, capsys):
    src = tmp_path / "d.yml"
    src.write_text("country: united states\nlaw: [law*, constitution]\n", encoding="utf-8")
    for name in ("out.yml", "out.csv"):
        status, _, _ = run(capsys, "lexicon", "convert", str(src), "--out",
                           str(tmp_path / name))
        assert status == 0
        back = read_lexicon(tmp_path / name)
        assert back.category_ids == ["country", "law"]
        assert [p.text for p in back["law"].patterns] == ["law*", "constitution"]
    status, _, err = run(capsys, "lexicon", "convert", str(src), "--out",
                         str(tmp_path / "out.yml"))
    assert status == 2 and "exists. Pass --force" in err


def test_lexicon_expand_lists_uncovered_distinctive_terms(capsys):
    status, out, _ = run(capsys, "lexicon", "expand", "--target", "nk_authorities",
                         "--top", "5")
    assert status == 0
    t = pd.read_csv(io.StringIO(out))
    # the columns of keyness (issue 13: document-level p, token-level p, log ratio interval)
    assert list(t.columns) == ["term", "count_target", "count_reference", "docs_target",
                               "docs_reference", "score", "p", "p_adjusted", "test", "p_token",
                               "p_token_adjusted", "log_ratio", "ci_low", "ci_high",
                               "ci_method", "short_text"]
    # "issues" occurs 3 times in Stepanakert's fragments, never elsewhere, and no pattern
    # covers it; covered words ("coercion", "obligations") must not be proposed.
    assert t.loc[0, ["term", "count_target", "count_reference"]].tolist() == ["issues", 3, 0]
    assert not {"coercion", "obligations", "guarantees"} & set(t["term"])
    assert (t["score"] > 0).all() and t["score"].is_monotonic_decreasing


def test_lexicon_convert_never_writes_over_its_input(tmp_path, capsys):
    src = tmp_path / "lex.yml"
    src.write_text("name: l\ncategories:\n  - id: a\n    patterns: [coercion]\n",
                   encoding="utf-8")
    before = src.read_bytes()
    status, _, err = run(capsys, "lexicon", "convert", str(src), "--out", str(src), "--force")
    assert status == 2
    assert "is an input of the command" in err
    assert src.read_bytes() == before
