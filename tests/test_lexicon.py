"""Tests of frameshift.lexicon: pattern syntax, formats, validation, bundled lexicon, checks."""

import warnings
from pathlib import Path

import pandas as pd
import pytest

from frameshift.corpus.readers import read_corpus
from frameshift.errors import LexiconError, UnknownLexiconError
from frameshift.lexicon import Lexicon, LexiconWarning, lexicon_from_dict, parse_pattern
from frameshift.lexicon.formats import bundled_lexicons, read_lexicon, write_lexicon
from frameshift.matching.check import check_lexicon


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


# ---------------------------------------------------------------- pattern syntax
@pytest.mark.parametrize("text, kind, words, exact", [
    ("coercion", "word", ("coercion",), False),
    ("Coerc*", "glob", ("Coerc*",), False),
    ("defen?e", "glob", ("defen?e",), False),
    ("ready-made solutions", "phrase", ("ready-made", "solutions"), False),
    ("not good*", "phrase", ("not", "good*"), False),
    ("internationally established {0,2} format", "phrase",
     ("internationally", "established", (0, 2), "format"), False),
    ("a {2} b", "phrase", ("a", (2, 2), "b"), False),
    ("a {,3} b", "phrase", ("a", (0, 3), "b"), False),
    ("re:coerc(ion|ive)", "regex", ("coerc(ion|ive)",), True),
    ("=NKR", "word", ("NKR",), True),
    ("re‑integration", "word", ("re-integration",), False),  # non-breaking hyphen folded
])
def test_pattern_forms(text, kind, words, exact):
    p = parse_pattern(text)
    assert (p.kind, p.words, p.exact, p.text) == (kind, words, exact, text)


@pytest.mark.parametrize("text, message", [
    ("a {3,1} b", "minimum above its maximum"),
    ("a {0,50} b", "more than 10 words"),
    ("{0,2} format", "gap must stand between two words"),
    ("a {0,1} {0,1} b", "two gaps in a row"),
    ("a {x} b", "is not a gap"),
    ("U.S.", r"can never match: 'U.S.' is not one token\. The tokenizer reads it as "
             r"\['U.S'\]; write 'U.S' instead"),
    ("'s", "can never match"),
    ("re:(", "not a valid regular expression"),
    ("", "empty pattern"),
    ("=", "nothing after '='"),
])
def test_bad_patterns(text, message):
    with pytest.raises(LexiconError, match=message):
        parse_pattern(text)


@pytest.mark.parametrize("expr", [r"(a+)+", r"(\w+\s?)+", r"(a*)*b", r"(a|ab)*c",
                                  r"(x{1,5}){2,9}", r"(?:\w|\d\d)+"])
def test_dangerous_regex_refused_with_reason(expr):
    with pytest.raises(LexiconError, match="dangerous regular expression: .*exponential"):
        parse_pattern("re:" + expr)


@pytest.mark.parametrize("expr", [r"coerc(ion|ive)", r"\w+ing", r"(ab)+", r"(?:re)?integrat\w*",
                                  r"de[- ]?escalat\w*", r"(a|b)+", r"x{2}(yz){3}",
                                  r"(?:\w|\d)+"])
def test_safe_regex_accepted(expr):
    assert parse_pattern("re:" + expr).kind == "regex"


# ---------------------------------------------------------------- frameshift YAML
GOOD_YAML = """\
name: toy
version: "1.2"
description: A toy lexicon.
citation: Nobody (2024).
categories:
  - id: coercion
    label: Coercion
    definition: Force.
    patterns:
      - coerc*
      - "impose"
    exclude:
      - coercible
    examples:
      positive: ["through coercion"]
      negative: ["coercible"]
    source: seed
  - id: format
    parent: coercion
    exact: true
    patterns: [negotiation format]
"""


def test_read_frameshift_yaml(tmp_path):
    lex = read_lexicon(write(tmp_path, "toy.yml", GOOD_YAML))
    assert (lex.name, lex.version, lex.format, lex.hyphen_variants) == ("toy", "1.2",
                                                                        "frameshift", True)
    assert lex.category_ids == ["coercion", "format"]
    c = lex["coercion"]
    assert [p.text for p in c.patterns] == ["coerc*", "impose"]
    assert [p.line for p in c.patterns] == [10, 11]
    assert [p.text for p in c.exclude] == ["coercible"]
    assert c.examples == {"positive": ["through coercion"], "negative": ["coercible"]}
    assert (c.label, c.definition, c.source, c.line) == ("Coercion", "Force.", "seed", 6)
    assert lex["format"].parent == "coercion"
    assert lex["format"].patterns[0].exact is True


BAD_YAML = """\
name: bad
categories:
  - id: empty
    patterns: []
  - id: dup
    patterns:
      - talks
      - Talks
      - U.S.
      - re:(a+)+
      - re:[
  - id: typo
    pattern: [x]
  - id: dup
    patterns: [y]
"""


def test_validation_reports_every_problem_with_file_and_line(tmp_path):
    path = write(tmp_path, "bad.yml", BAD_YAML)
    with pytest.raises(LexiconError) as err:
        read_lexicon(path)
    msg = str(err.value)
    assert "8 problems" in msg
    for line, what in [(3, "'empty' has no patterns"), (8, "duplicate pattern 'Talks' "
                                                           "(first at line 7)"),
                       (9, "can never match"), (10, "dangerous regular expression"),
                       (11, "not a valid regular expression"),
                       (13, "unknown category key 'pattern' (did you mean 'patterns'?)"),
                       (12, "category 'typo' has no patterns"),
                       (14, "category 'dup' is defined twice (first at line 5)")]:
        assert f"{path}:{line}: " in msg and what in msg, (line, what)


def test_yaml_syntax_error_names_line(tmp_path):
    path = write(tmp_path, "broken.yml", "name: x\ncategories:\n  - id: a\n    patterns: [*a\n")
    with pytest.raises(LexiconError, match=r"broken.yml:4:16: invalid YAML \(found undefined alias"):
        read_lexicon(path)


def test_yaml_syntax_error_names_where_the_construct_started(tmp_path):
    path = write(tmp_path, "open.yml", "name: x\ncategories:\n  - id: a\n    patterns: [a\n")
    with pytest.raises(LexiconError, match=r"open.yml:5:1: invalid YAML \(.*flow sequence at "
                                           r"line 4, column 15\)"):
        read_lexicon(path)


def test_unquoted_yaml_booleans_stay_words(tmp_path):
    path = write(tmp_path, "neg.yml", "name: n\ncategories:\n  - id: neg\n    patterns: [no, "
                                      "off, 'yes']\n")
    assert [p.text for p in read_lexicon(path)["neg"].patterns] == ["no", "off", "yes"]


# ---------------------------------------------------------------- quanteda YAML
QUANTEDA = """\
country: united states
law:
  - law*
  - constitution
economy:
  positive:
    - growth
    - "boom*"
  negative: [crisis, "not good*"]
"""


def test_read_quanteda_yaml(tmp_path):
    lex = read_lexicon(write(tmp_path, "dict.yml", QUANTEDA))
    assert lex.format == "quanteda" and lex.hyphen_variants is False
    assert lex.category_ids == ["country", "law", "economy.positive", "economy.negative"]
    assert [c.parent for c in lex] == [None, None, "economy", "economy"]
    assert lex["country"].patterns[0].kind == "phrase"
    assert [p.kind for p in lex["economy.negative"].patterns] == ["word", "phrase"]
    assert lex["economy.positive"].patterns[1].line == 8


def test_quanteda_quality_problems_warn_not_fail(tmp_path):
    path = write(tmp_path, "d.yml", "a:\n  - x\n  - X\n  - u.s.\nb: []\n")
    with pytest.warns(LexiconWarning, match=r"d.yml:3: category 'a': duplicate pattern 'X'"):
        lex = read_lexicon(path)
    assert [p.text for p in lex["a"].patterns] == ["x"]
    assert lex["b"].patterns == ()
    with pytest.raises(LexiconError, match="duplicate pattern"):
        read_lexicon(path, strict=True)


# ---------------------------------------------------------------- LIWC
LIWC_2007 = """%
1\tfunct
2\tpronoun
125\taffect
%
a\t1
abandon*\t125
i\t1\t2
kind of\t1
"""

LIWC_2015 = """%
1\tfunction\t(Function Words)
2\tpronoun\t(Pronouns)
%
a\t1
a bit\t1
he'd\t1\t2
"""


def test_read_liwc_2007(tmp_path):
    lex = read_lexicon(write(tmp_path, "liwc2007.dic", LIWC_2007))
    assert lex.format == "liwc" and lex.category_ids == ["funct", "pronoun", "affect"]
    assert [p.text for p in lex["funct"].patterns] == ["a", "i", "kind of"]
    assert [p.text for p in lex["affect"].patterns] == ["abandon*"]
    assert lex["funct"].patterns[2].kind == "phrase"


def test_read_liwc_2015_with_labels_and_multiword(tmp_path):
    lex = read_lexicon(write(tmp_path, "liwc2015.dic", LIWC_2015))
    assert lex.category_ids == ["function", "pronoun"]
    assert lex["function"].label == "Function Words"
    assert [p.text for p in lex["function"].patterns] == ["a", "a bit", "he'd"]
    assert [p.text for p in lex["pronoun"].patterns] == ["he'd"]


def test_liwc_undeclared_category_is_dropped_with_one_warning(tmp_path):
    # quanteda 4.3.1 read_dict_liwc: "note: ignoring undefined categories: 7 for word"; the
    # word's declared categories are kept (here 1), the undeclared code is dropped
    path = write(tmp_path, "x.dic", "%\n1\tfunct\n%\nword\t7\t1\nother\t9\n")
    with pytest.warns(LexiconWarning) as rec:
        lex = read_lexicon(path)
    assert len(rec) == 1
    msg = str(rec[0].message)
    assert "x.dic:4: words name categories that are not declared" in msg
    assert "7 for 'word'" in msg and "9 for 'other'" in msg
    assert lex.category_ids == ["funct"] and [p.text for p in lex["funct"].patterns] == ["word"]


# ---------------------------------------------------------------- CSV and writing
def test_csv_read_and_round_trips(tmp_path):
    path = write(tmp_path, "lex.csv", "category,pattern,exclude\nfree,free*,false\n"
                                      "free,freez*,true\ntalk,\"peace talks\",false\n")
    lex = read_lexicon(path)
    assert lex.format == "csv" and lex.category_ids == ["free", "talk"]
    assert [p.text for p in lex["free"].exclude] == ["freez*"]
    for name in ("out.yml", "out.csv"):
        back = read_lexicon(write_lexicon(lex, tmp_path / name))
        assert back.category_ids == lex.category_ids
        assert back.to_frame()[["category", "pattern", "exclude"]].equals(
            lex.to_frame()[["category", "pattern", "exclude"]])


def test_csv_errors_name_rows(tmp_path):
    path = write(tmp_path, "bad.csv", "category,pattern\na,ok\nb,\"re:(a+)+\"\n,x\n")
    with pytest.raises(LexiconError) as err:
        read_lexicon(path)
    assert "bad.csv:3: category 'b': pattern 're:(a+)+' is a dangerous" in str(err.value)
    assert "bad.csv:4: category id '' is not valid" in str(err.value)


def test_imported_dictionary_keeps_exactness_when_written(tmp_path):
    lex = read_lexicon(write(tmp_path, "d.yml", "a: [ready-made]\n"))
    back = read_lexicon(write_lexicon(lex, tmp_path / "a.yml"))
    assert back.format == "frameshift" and back.hyphen_variants is False


# ---------------------------------------------------------------- bundled
def test_unknown_lexicon_lists_bundled_names():
    with pytest.raises(UnknownLexiconError, match="bundled lexicons: karabakh_framing"):
        read_lexicon("no_such_lexicon")


def test_bundled_karabakh_framing_is_complete():
    assert "karabakh_framing" in bundled_lexicons()
    lex = read_lexicon("karabakh_framing")
    assert isinstance(lex, Lexicon) and lex.citation and "Entman" in lex.citation
    for cid in ("reintegration", "coercion", "international_format", "sovereignty",
                "infrastructure", "mediation", "humanitarian", "guarantees", "deescalation",
                "obligations", "naming_armenian", "naming_azerbaijani", "naming_neutral"):
        c = lex[cid]
        assert c.definition and c.source and "positive" in c.examples, cid
    assert "internationally established {0,2} format" in [
        p.text for p in lex["international_format"].patterns]
    texts = {p.text for c in lex for p in c.patterns}
    assert {"impose", "coercion", "infrastructure", "de facto", "self-proclaimed", "artsakh*",
            "khankendi*", "nagorno-karabakh republic", "=NKR"} <= texts
    # version 0.2.0 (issue 14) lists the invitation's spelling: Baku's only infrastructure
    # mention in the article; bare "escalation" left de-escalation
    assert "instrastructure" in texts and "escalation" not in texts


def test_lexicon_from_dict_and_to_frame():
    lex = lexicon_from_dict({"a": "x y", "b": ["z*"]})
    assert lex.to_frame().values.tolist() == [["a", "x y", "phrase", False, False, None, ""],
                                              ["b", "z*", "glob", False, False, None, ""]]
    assert lex.fingerprint() == lexicon_from_dict({"a": "x y", "b": ["z*"]}).fingerprint()
    assert lex.fingerprint() != lexicon_from_dict({"a": "x y", "b": ["z"]}).fingerprint()


# ---------------------------------------------------------------- check_lexicon
# karabakh_framing 0.1.0 did not list the invitation's typo; 0.2.0 does (issue 14). The
# near-miss check is tested on 0.1.0, kept in tests/data/validation/.
OLD_LEXICON = Path(__file__).parent / "data" / "validation" / "karabakh_framing_0.1.0.yml"


def test_check_lexicon_on_seed_reports_instrastructure():
    rep = check_lexicon(read_corpus("karabakh_2023"), read_lexicon(OLD_LEXICON))
    near = rep.near_misses
    row = near[near["type"] == "instrastructure"]
    assert row[["category", "pattern", "count", "distance"]].values.tolist() == [
        ["infrastructure", "infrastructure", 1, 2]]
    assert "sovereignty" in rep.unmatched["category"].tolist()
    assert "reintegration" not in rep.unmatched["category"].tolist()
    long = rep.to_frame()
    assert list(long.columns) == ["check", "category", "pattern", "type", "count", "detail"]
    assert set(long["check"]) >= {"glob_expansion", "near_miss", "no_match"}


def test_check_lexicon_glob_expansions_hand_computed():
    from frameshift.corpus.readers import from_frame

    c = from_frame(pd.DataFrame({"statement_id": ["a", "b"],
                                 "text": ["Free, freedom, freezing. Freedom!", "Lawyers."]}))
    rep = check_lexicon(c, {"freedom": ["free*"], "law": ["law*", "constitution"]})
    assert rep.expansions.values.tolist() == [["freedom", "free*", "freedom", 2],
                                              ["freedom", "free*", "free", 1],
                                              ["freedom", "free*", "freezing", 1],
                                              ["law", "law*", "lawyers", 1]]
    assert rep.near_misses.empty   # "constitution" has no neighbour within distance 2
    assert rep.unmatched.empty


def test_no_warning_for_clean_bundled_lexicon():
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        read_lexicon("karabakh_framing")


# --------------------------------------------------------------------------- editing, display
def test_with_category_adds_a_validated_copy_and_leaves_the_original():
    lex = lexicon_from_dict({"coercion": ["coerc*"]})
    new = lex.with_category("format", ["internationally established {0,2} format"],
                            label="International format")
    assert new.category_ids == ["coercion", "format"]
    assert new["format"].patterns[0].text == "internationally established {0,2} format"
    assert lex.category_ids == ["coercion"]
    with pytest.raises(LexiconError, match="already exists.*replace=True"):
        new.with_category("format", ["x"])
    assert new.with_category("format", ["talks"], replace=True)["format"].patterns[0].text \
        == "talks"


def test_without_patterns_names_unknown_patterns_and_refuses_to_empty():
    lex = lexicon_from_dict({"talks": ["talks", "dialogue"]})
    with pytest.raises(LexiconError, match=r"no pattern\(s\) \['meeting'\]; its patterns are: "
                                           r"talks, dialogue"):
        lex.without_patterns("talks", ["meeting"])
    with pytest.raises(LexiconError, match="would leave category 'talks' empty"):
        lex.without_patterns("talks", ["talks", "dialogue"])


def test_lexicon_and_report_render_as_html():
    lex = read_lexicon("karabakh_framing")
    html = lex._repr_html_()
    assert html.count("<tr") == len(lex) + 1  # header row + one row per category
    assert "Reintegration" in html
    from frameshift import check_lexicon, read_corpus

    report = check_lexicon(read_corpus("karabakh_2023"), read_lexicon(OLD_LEXICON))
    assert "instrastructure" in report._repr_html_()
    assert repr(report).startswith("<LexiconReport: ")


def test_libyaml_composer_keeps_pattern_lines_and_values(tmp_path, monkeypatch):
    # The file is parsed once with libyaml's composer; the pure-Python composer must give the
    # same lexicon, pattern by pattern, with the same line numbers (lines counted by hand: the
    # header takes lines 1-3, "coerc*" is on line 6, "ready-made solutions" on line 9).
    import yaml

    from frameshift.lexicon import formats

    f = tmp_path / "lex.yml"
    f.write_text("name: t\nhyphen_variants: no\ncategories:\n  - id: coercion\n    patterns:\n"
                 "      - \"coerc*\"\n  - id: imposition\n    patterns:\n"
                 "      - ready-made solutions\n", encoding="utf-8")
    fast = formats.read_lexicon(f)
    monkeypatch.setattr(formats, "_FAST_LOADER", yaml.SafeLoader)
    slow = formats.read_lexicon(f)
    lines = [(c.id, p.text, p.line) for c in fast for p in c.patterns]
    assert lines == [("coercion", "coerc*", 6), ("imposition", "ready-made solutions", 9)]
    assert lines == [(c.id, p.text, p.line) for c in slow for p in c.patterns]
    assert fast.hyphen_variants is False and slow.hyphen_variants is False
