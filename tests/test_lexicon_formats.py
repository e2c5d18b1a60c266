"""Dictionary formats: reading and writing quanteda YAML, LIWC, WordStat, Yoshikoder and
Lexicoder files; nesting levels; encodings; malformed files."""

import sys
import warnings
from pathlib import Path

import pytest

from frameshift.corpus.readers import read_corpus
from frameshift.errors import LexiconError
from frameshift.lexicon import (LEXICON_FORMATS, LexiconWarning, lexicon_from_dict,
                                read_lexicon, write_lexicon)
from frameshift.matching.engine import count_matches


def write(tmp_path, name, text, encoding="utf-8"):
    p = tmp_path / name
    p.write_bytes(text.encode(encoding))
    return p


def sig(lex, order=True):
    out = [(c.id, c.parent, [p.text for p in c.patterns]) for c in lex]
    return out if order else [(a, b, sorted(c)) for a, b, c in out]


NESTED = {"economy": {"pos": ["growth", "jobs"], "neg": ["crisis", "debt*"]},
          "CON ENVIRONMENT": ["produc*"],
          "war": ["war", "armed conflict"]}


@pytest.mark.parametrize("suffix, fmt", [(".yml", "quanteda"), (".dic", "liwc"),
                                         (".cat", "wordstat"), (".ykd", "yoshikoder"),
                                         (".lcd", "yoshikoder"), (".lc3", "lexicoder")])
def test_each_format_round_trips(tmp_path, suffix, fmt):
    lex = lexicon_from_dict(NESTED, hyphen_variants=False)
    out = write_lexicon(lex, tmp_path / f"d{suffix}", format="quanteda" if fmt == "quanteda"
                        else None)
    back = read_lexicon(out)
    assert back.format == fmt
    if fmt == "lexicoder":  # flat: nested keys are written under their full ids
        assert [(c.id, [p.text for p in c.patterns]) for c in back] == \
            [(c.id, [p.text for p in c.patterns]) for c in lex]
        return
    assert sig(back, order=fmt != "liwc") == sig(lex, order=fmt != "liwc")
    assert back.path_of("economy.neg") == ("economy", "neg")
    # counts are the same on real text
    corpus = read_corpus("inaugural")
    a = count_matches(corpus, lex, by="doc_id")["count"].tolist()
    b = count_matches(corpus, back, by="doc_id")["count"].tolist()
    assert a == b and sum(a) > 0


def test_written_files_look_like_the_formats(tmp_path):
    lex = lexicon_from_dict({"a": {"b": ["x y", "z*"]}, "c": ["z*"]}, hyphen_variants=False)
    liwc = write_lexicon(lex, tmp_path / "d.dic").read_text(encoding="utf-8")
    # categories declared with ids, nested ones indented by a tab; a word in two categories is
    # one line with both codes
    assert liwc == "%\n1\ta\n\t2\tb\n3\tc\n%\nx y\t2\nz*\t2\t3\n"
    cat = write_lexicon(lex, tmp_path / "d.cat").read_text(encoding="utf-8")
    assert cat == "a\n\tb\n\t\tx y (1)\n\t\tz* (1)\nc\n\tz* (1)\n"
    lc3 = write_lexicon(lex, tmp_path / "d.lc3").read_text(encoding="utf-8")
    assert lc3 == "+a.b\nx y\nz*\n+c\nz*\n"
    ykd = write_lexicon(lex, tmp_path / "d.ykd").read_text(encoding="utf-8")
    assert '<cnode name="a" desc="">\n\t\t<cnode name="b" desc="">\n\t\t\t<pnode name="x y"/>' \
        in ykd
    yml = write_lexicon(lex, tmp_path / "d.yml", format="quanteda").read_text(encoding="utf-8")
    assert yml == "a:\n  b:\n  - x y\n  - z*\nc:\n- z*\n"


def test_key_with_values_and_sub_keys_round_trips(tmp_path):
    p = write(tmp_path, "mixed.ykd", '<dictionary><cnode name="A"><pnode name="a"/>'
                                     '<cnode name="B"><pnode name="b"/></cnode></cnode>'
                                     '</dictionary>')
    lex = read_lexicon(p)
    assert sig(lex) == [("A", None, ["a"]), ("A.B", "A", ["b"])]
    for suffix, fmt in ((".yml", "quanteda"), (".dic", None), (".cat", None), (".ykd", None)):
        back = read_lexicon(write_lexicon(lex, tmp_path / f"o{suffix}", format=fmt))
        assert sig(back) == sig(lex), suffix
    text = (tmp_path / "o.yml").read_text(encoding="utf-8")
    assert text == "A:\n  B:\n  - b\n  __:\n  - a\n"  # quanteda's as.yaml writes "__" too


def test_writing_what_a_dictionary_format_cannot_hold(tmp_path):
    lex = read_lexicon("karabakh_framing")
    with pytest.raises(LexiconError) as err:
        write_lexicon(lex, tmp_path / "k.dic")
    msg = str(err.value)
    assert "cannot be written as a LIWC .dic file" in msg and "has a gap" in msg
    assert not (tmp_path / "k.dic").exists()
    with pytest.raises(LexiconError, match="has exclusions"):
        write_lexicon(lexicon_from_dict({"a": ["free*"]}).with_category(
            "b", ["peace*"], exclude=["peace corps"]), tmp_path / "e.cat")
    with pytest.raises(LexiconError, match="is a regular expression"):
        write_lexicon(lexicon_from_dict({"a": ["re:coerc(ion|ive)"]}), tmp_path / "r.lc3")
    # hyphen variants and definitions cannot be held: one warning
    lex = lexicon_from_dict({"a": ["re-integration"]})
    with pytest.warns(LexiconWarning) as rec:
        write_lexicon(lex, tmp_path / "h.dic")
    assert len(rec) == 1 and "hyphen variants" in str(rec[0].message)


def test_formats_are_detected():
    assert set(LEXICON_FORMATS) >= {"frameshift", "quanteda", "liwc", "wordstat", "yoshikoder",
                                    "lexicoder", "csv"}


@pytest.mark.parametrize("name, text, fmt", [
    ("x.txt", "+pos\ngood\n+neg\nbad\n", "lexicoder"),
    ("x.cat", '<?xml version="1.0"?>\n<dictionary><cnode name="a"><pnode name="b"/></cnode>'
              '</dictionary>', "yoshikoder"),      # quanteda's actually_ykd.cat
    ("x.txt", "%\n1\ta\n%\nb\t1\n", "liwc"),
])
def test_detection_by_content(tmp_path, name, text, fmt):
    assert read_lexicon(write(tmp_path, name, text)).format == fmt


def test_read_lexicon_levels(tmp_path):
    p = write(tmp_path, "n.cat", "A\n\tB\n\t\tb (1)\n\tC\n\t\tc (1)\nD\n\td (1)\n")
    assert read_lexicon(p, levels=1).category_ids == ["A", "D"]
    assert [x.text for x in read_lexicon(p, levels=1)["A"].patterns] == ["b", "c"]
    assert read_lexicon(p, levels=2).category_ids == ["B", "C"]
    assert read_lexicon(p, levels=[1, 2]).category_ids == ["A.B", "A.C", "D"]
    with pytest.raises(LexiconError, match="levels must be whole numbers"):
        read_lexicon(p, levels="x")


def test_levels_of_a_frameshift_lexicon_follow_parents():
    from frameshift.lexicon import Category, Lexicon, parse_pattern

    lex = Lexicon([Category("conflict", patterns=(parse_pattern("war"),)),
                   Category("coercion", parent="conflict", patterns=(parse_pattern("coerc*"),)),
                   Category("threat", parent="coercion", patterns=(parse_pattern("threat*"),))])
    assert lex.path_of("threat") == ("conflict", "coercion", "threat")
    top = lex.at_levels(1)
    assert top.category_ids == ["conflict"]
    assert [p.text for p in top["conflict"].patterns] == ["war", "coerc*", "threat*"]


@pytest.mark.parametrize("name, text, where", [
    ("bad.cat", "\tlost (1)\nA\n\ta (1)\n", "bad.cat:1: value 'lost' is not indented"),
    ("bad.cat", "A\n\t\t\tdeep\n", "bad.cat:2: category 'deep' is indented more"),
    ("bad.lc3", "orphan\n+A\na\n", "bad.lc3:1: pattern 'orphan' comes before any '+category'"),
    ("bad.ykd", "<dictionary><cnode name='a'><pnode name='b'></cnode></dictionary>",
     "bad.ykd:1:"),
    ("bad.ykd", "<?xml version='1.0'?><!DOCTYPE d [<!ENTITY a 'aaaa'>]><dictionary/>",
     "declares a DOCTYPE or entities"),
    ("bad.ykd", "<other/>", "no <dictionary> element"),
    ("bad.dic", "%\n1\tfunct\n", "found 1 '%' line"),
])
def test_malformed_files_name_file_and_line(tmp_path, name, text, where):
    p = write(tmp_path, name, text)
    with pytest.raises(LexiconError) as err:
        read_lexicon(p)
    assert where in str(err.value)


def test_encoding_errors(tmp_path):
    p = write(tmp_path, "l1.cat", "A\n\tcaf\u00e9 (1)\n", "latin-1")
    with pytest.raises(Exception, match="not valid UTF-8"):
        read_lexicon(p)
    assert [x.text for x in read_lexicon(p, encoding="latin-1")["A"].patterns] == ["café"]
    with pytest.raises(LexiconError, match="unknown encoding 'klingon'"):
        read_lexicon(p, encoding="klingon")
    q = write(tmp_path, "u.cat", "A\n\t\u3042 (1)\n", "utf-8")
    with pytest.raises(LexiconError, match="u.cat:2: byte .* is not valid ascii"):
        read_lexicon(q, encoding="ascii")


def test_lexicoder_colour_is_not_part_of_the_key(tmp_path):
    # Lexicoder 3 writes a display colour after the name ("+negative#AA0000", LSD2015.lc3);
    # quanteda keeps it in the key, frameshift leaves it out (docs/lexicons.md)
    lex = read_lexicon(write(tmp_path, "lsd.lc3", "+negative#AA0000\na lie\nabandon*\n"
                                                  "+positive#008800\nable*\n"))
    assert lex.category_ids == ["negative", "positive"]
    assert [p.kind for p in lex["negative"].patterns] == ["phrase", "glob"]


def test_published_check_fails_without_the_files(tmp_path, capsys):
    sys.path.insert(0, str(Path(__file__).parent))
    try:
        import quanteda_published_check as check
    finally:
        sys.path.pop(0)
    assert check.main([str(tmp_path)]) == 1
    out = capsys.readouterr().out
    assert out.strip().splitlines()[-1] == "0 passed, 14 failed"
    (tmp_path / "mfd2.0.dic").write_text("%\n1\tcare\n%\ncare\t1\n", encoding="utf-8")
    check.main([str(tmp_path)])
    assert "has SHA-256" in capsys.readouterr().out


def test_cli_convert_to_dictionary_formats_with_levels(tmp_path, capsys):
    from frameshift.cli import main

    src = write(tmp_path, "n.cat", "A\n\tB\n\t\tb (1)\n\tC\n\t\tc (1)\nD\n\td (1)\n")
    assert main(["lexicon", "convert", str(src), "--out", str(tmp_path / "o.dic")]) == 0
    assert sig(read_lexicon(tmp_path / "o.dic")) == sig(read_lexicon(src))
    assert main(["lexicon", "convert", str(src), "--out", str(tmp_path / "top.yml"),
                 "--format", "quanteda", "--levels", "1"]) == 0
    assert (tmp_path / "top.yml").read_text(encoding="utf-8") == "A:\n- b\n- c\nD:\n- d\n"
    capsys.readouterr()
    assert main(["lexicon", "convert", str(src), "--out", str(tmp_path / "x.txt")]) == 2
    assert "use one of .yml" in capsys.readouterr().err
    assert main(["lexicon", "convert", str(src), "--out", str(tmp_path / "y.yml"),
                 "--levels", "0"]) == 2
    assert "--levels 0: give whole numbers of 1 or more" in capsys.readouterr().err
    latin = write(tmp_path, "l.cat", "A\n\tcaf\u00e9 (1)\n", "cp1252")
    assert main(["lexicon", "convert", str(latin), "--out", str(tmp_path / "l.lc3"),
                 "--encoding", "cp1252"]) == 0
    assert (tmp_path / "l.lc3").read_text(encoding="utf-8") == "+A\ncafé\n"


@pytest.mark.parametrize("name, text", [
    ("deep.cat", "".join("\t" * i + f"k{i}\n" for i in range(3000))),
    ("deep.dic", "%\n" + "".join("\t" * i + f"{i + 1}\tk{i}\n" for i in range(300)) + "%\n"),
    ("deep.ykd", "<dictionary>" + '<cnode name="k">' * 3000 + "</cnode>" * 3000
     + "</dictionary>"),
])
def test_absurd_nesting_is_an_error_not_a_crash(tmp_path, name, text):
    with pytest.raises(LexiconError, match="nested more than 100 levels"):
        read_lexicon(write(tmp_path, name, text))


@pytest.mark.parametrize("name, text", [
    ("p.dic", "%\n1\ta\n%\nw\t" + "(" * 100_000 + "\t1\n"),   # unclosed '(' (was quadratic)
    ("s.dic", "%\n1\t" + "a" + " " * 100_000 + "b (label)\n%\nx\t1\n"),
    ("w.cat", "A\n\t" + "x " * 100_000 + "(1\n"),
])
def test_long_lines_read_in_linear_time(tmp_path, name, text):
    import time

    t = time.perf_counter()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        read_lexicon(write(tmp_path, name, text))
    assert time.perf_counter() - t < 5  # each well under 0.1 s here; quadratic was 24 s


def test_ids_with_spaces_in_every_format(tmp_path):
    # Laver-Garry's "CON ENVIRONMENT": quanteda accepts keys with spaces, so does frameshift
    lex = lexicon_from_dict({"CON ENVIRONMENT": ["produc*"], "PRO ENVIRONMENT": ["car"]},
                            hyphen_variants=False)
    for suffix in (".yml", ".csv", ".dic", ".cat", ".ykd", ".lc3"):
        back = read_lexicon(write_lexicon(lex, tmp_path / f"o{suffix}"))
        assert back.category_ids == ["CON ENVIRONMENT", "PRO ENVIRONMENT"], suffix
    with pytest.raises(LexiconError, match="category id 'a,b' is not valid"):
        lexicon_from_dict({"a,b": ["x"]})
    p = write(tmp_path, "c.yml", "a,b: [x]\n")  # an imported key keeps its comma
    assert read_lexicon(p).category_ids == ["a,b"]


def test_imported_values_keep_their_case(tmp_path):
    # quanteda lower-cases values on reading (tolower = TRUE); frameshift keeps them: the same
    # counts case-insensitively, the values as written with case_sensitive=True
    from frameshift.corpus.readers import from_frame
    import pandas as pd

    lex = read_lexicon(write(tmp_path, "m.cat", "A\n\tMORE (1)\n"))
    assert [p.text for p in lex["A"].patterns] == ["MORE"]
    c = from_frame(pd.DataFrame({"statement_id": ["s"], "actor": ["a"],
                                 "text": ["more MORE More"]}))
    assert count_matches(c, lex, by="statement_id")["count"].tolist() == [3]
    assert count_matches(c, lex, by="statement_id", case_sensitive=True)["count"].tolist() == [1]


def test_repeated_lexicoder_key_is_merged(tmp_path):
    # quanteda 4.3.1 fails on this file ("Duplicate map key: '+A'"); frameshift merges
    lex = read_lexicon(write(tmp_path, "dup.lc3", "+A\nx\n+B\ny\n+A\nz\n"))
    assert [(c.id, [p.text for p in c.patterns]) for c in lex] == [("A", ["x", "z"]),
                                                                   ("B", ["y"])]
