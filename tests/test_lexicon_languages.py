"""Per-language terms in a lexicon: ``Pattern.language``, ``terms: {en: [...], ru: [...]}``,
``{pattern: ..., language: ru}`` items; written back by ``write_lexicon`` and shown by repr."""

import textwrap
import warnings

import pytest

from frameshift.errors import LexiconError
from frameshift.lexicon import parse_pattern, read_lexicon, write_lexicon, lexicon_from_dict


def _write(tmp_path, text, name="lex.yml"):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return p


MULTI = """\
    name: multi
    categories:
      - id: reintegration
        patterns: [reintegration]
        terms:
          ru: [реинтеграция, интеграци*]
          az: [reinteqrasiya]
      - id: blockade
        patterns:
          - blockade
          - {pattern: блокада, language: ru}
          - pattern: շրջափակում
            language: hy
        exclude:
          - {pattern: блокадный, language: ru}
"""


def test_terms_mapping_and_items_give_languages(tmp_path):
    lex = read_lexicon(_write(tmp_path, MULTI))
    got = [(p.text, p.language) for p in lex["reintegration"].patterns]
    assert got == [("reintegration", None), ("реинтеграция", "ru"), ("интеграци*", "ru"),
                   ("reinteqrasiya", "az")]
    got = [(p.text, p.language) for p in lex["blockade"].patterns]
    assert got == [("blockade", None), ("блокада", "ru"), ("շրջափակում", "hy")]
    assert [(p.text, p.language) for p in lex["blockade"].exclude] == [("блокадный", "ru")]
    # the line of each item is kept (file lines counted by hand from MULTI)
    assert [p.line for p in lex["blockade"].patterns] == [10, 11, 12]
    assert lex.languages == ["az", "hy", "ru"]


def test_repr_summary_and_frame_show_languages(tmp_path):
    lex = read_lexicon(_write(tmp_path, MULTI))
    # 7 patterns: 3 ru, 1 az, 1 hy, 2 without a language
    assert repr(lex) == "<Lexicon 'multi': 2 categories, 7 patterns (az 1, hy 1, ru 3, any 2)>"
    summ = lex.summary().set_index("category")
    assert summ.loc["reintegration", "languages"] == "az 1, ru 2, any 1"
    assert summ.loc["blockade", "languages"] == "hy 1, ru 1, any 1"
    assert summ.loc["blockade", "exclude"] == 1
    frame = lex.to_frame()
    assert frame["language"].tolist()[:4] == ["", "ru", "ru", "az"]
    assert "[ru]" in lex._repr_html_() and "az 1, hy 1, ru 3, any 2" in lex._repr_html_()


def test_lexicon_without_languages_is_unchanged():
    lex = lexicon_from_dict({"a": ["x", "y"]})
    assert repr(lex) == "<Lexicon 'lexicon': 1 categories, 2 patterns>"
    assert lex.languages == []
    assert (lex.summary()["languages"] == "").all()
    # the fingerprint of a lexicon without languages is that of the old formula (hash of
    # [name, version, hyphen_variants, [[id, parent, [texts], [excluded texts]]]])
    import hashlib, json
    want = hashlib.sha256(json.dumps(["lexicon", "", True, [["a", None, ["x", "y"], []]]])
                          .encode("utf-8")).hexdigest()
    assert lex.fingerprint() == want


def test_language_changes_fingerprint_and_equality():
    a = parse_pattern("блокада", language="ru")
    b = parse_pattern("блокада")
    assert a != b and a.language == "ru" and b.language is None
    l1 = lexicon_from_dict({"a": ["x"]}).with_category("b", ["блокада"], language="ru")
    l2 = lexicon_from_dict({"a": ["x"]}).with_category("b", ["блокада"])
    assert l1.fingerprint() != l2.fingerprint()
    assert l1["b"].patterns[0].language == "ru"


@pytest.mark.parametrize("suffix", [".yml", ".csv"])
def test_write_lexicon_round_trips_languages(tmp_path, suffix):
    lex = read_lexicon(_write(tmp_path, MULTI))
    out = write_lexicon(lex, tmp_path / f"out{suffix}")
    back = read_lexicon(out)
    for c in lex:
        assert [(p.text, p.language) for p in back[c.id].patterns] == \
            [(p.text, p.language) for p in c.patterns]
        assert [(p.text, p.language) for p in back[c.id].exclude] == \
            [(p.text, p.language) for p in c.exclude]
    if suffix == ".yml":  # a CSV file has no name: the file's stem is the name
        assert back.fingerprint() == lex.fingerprint()


def test_written_yaml_uses_terms_when_order_allows(tmp_path):
    lex = read_lexicon(_write(tmp_path, MULTI))
    text = write_lexicon(lex, tmp_path / "o.yml").read_text(encoding="utf-8")
    assert "terms:\n    ru:\n    - реинтеграция" in text
    # an order that grouping by language would change is written item by item
    from frameshift.lexicon import Category, Lexicon
    pats = (parse_pattern("блокада", language="ru"), parse_pattern("y"))
    mixed = Lexicon([Category("b", "b", patterns=pats)], name="mixed")
    text = write_lexicon(mixed, tmp_path / "m.yml").read_text(encoding="utf-8")
    assert "  patterns:\n  - pattern: блокада\n    language: ru\n  - y\n" in text
    back = read_lexicon(tmp_path / "m.yml")
    assert [(p.text, p.language) for p in back["b"].patterns] == [("блокада", "ru"), ("y", None)]


@pytest.mark.parametrize("bad, where", [
    ("    terms: {RU: [x]}\n", "language 'RU' is not an ISO 639-1 code"),
    ("    terms: {rus: [x]}\n", "language 'rus' is not an ISO 639-1 code"),
    ("    patterns: [{pattern: x, lang: ru}]\n", "unknown key 'lang' in a pattern item "
                                                   "(did you mean 'language'?)"),
    ("    patterns: [{language: ru}]\n", "a pattern item without 'pattern'"),
    ("    patterns: {pattern: x, language: ru}\n", "a pattern with a language is an item"),
])
def test_bad_language_entries_are_errors_with_line(tmp_path, bad, where):
    p = _write(tmp_path, "name: x\ncategories:\n  - id: a\n" + bad)
    with pytest.raises(LexiconError) as err:
        read_lexicon(p)
    assert where in str(err.value)
    assert f"{p}:4" in str(err.value)


def test_same_text_in_two_languages_is_not_a_duplicate(tmp_path):
    # "ultimatum" is both English and Azerbaijani: two patterns, not a duplicate
    p = _write(tmp_path, """\
        name: x
        categories:
          - id: coercion
            terms: {en: [ultimatum], az: [ultimatum]}
    """)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        lex = read_lexicon(p)
    assert [p.language for p in lex["coercion"].patterns] == ["en", "az"]
    p = _write(tmp_path, """\
        name: x
        categories:
          - id: coercion
            terms: {en: [ultimatum, ultimatum]}
    """, "dup.yml")
    with pytest.raises(LexiconError, match="duplicate pattern 'ultimatum'"):
        read_lexicon(p)


def test_csv_language_column(tmp_path):
    p = tmp_path / "l.csv"
    p.write_text("category,pattern,language\nblockade,blockade,\nblockade,блокада,ru\n",
                 encoding="utf-8")
    lex = read_lexicon(p)
    assert [(x.text, x.language) for x in lex["blockade"].patterns] == [("blockade", None),
                                                                         ("блокада", "ru")]
