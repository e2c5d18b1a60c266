"""Tests of frameshift.corpus: every loader on real files, validation messages, bundled corpora."""

import json
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from frameshift.corpus.model import (FRAGMENT_SEPARATOR, Corpus, EmptyStatementWarning, corpus_tokens)
from frameshift.corpus.readers import bundled_corpora, from_frame, read_actors, read_corpus
from frameshift.corpus.segments import corpus_from_segments
from frameshift.files import read_text_file
from frameshift.errors import CorpusError, EncodingError, InputNotFoundError
from frameshift.text.tokenizer import tokenize_text

DATA = Path(__file__).parent / "data"

CSV = ("statement_id,actor,date,text,kind\n"
       "b,stepanakert,2023-03-28,\"We reject coercion, again.\",response\n"
       "a,baku,2023-03-27,We invite you to talks in Baku.,invitation\n")

ACTORS = ("id,name,aliases,group\n"
          "baku,Presidential Administration,Baku|Azerbaijan,Azerbaijan\n"
          "stepanakert,De facto authorities,Stepanakert,Karabakh Armenians\n")


def _write(path: Path, text: str, *, encoding="utf-8", newline="\n") -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(text.replace("\n", newline).encode(encoding))
    return path


def _check_two(corpus: Corpus):
    st = corpus.statements
    # analysis order: by date, so "a" (27 March) comes before "b" (28 March)
    assert st["statement_id"].tolist() == ["a", "b"]
    assert st["actor"].tolist() == ["baku", "stepanakert"]
    assert st["date"].dt.strftime("%Y-%m-%d").tolist() == ["2023-03-27", "2023-03-28"]
    assert st["text"].tolist() == ["We invite you to talks in Baku.", "We reject coercion, again."]
    assert corpus_tokens(corpus).n_tokens().tolist() == [7, 4]


# --------------------------------------------------------------------------- loaders
def test_csv(tmp_path):
    corpus = read_corpus(_write(tmp_path / "s.csv", CSV))
    _check_two(corpus)
    assert corpus.statements["kind"].tolist() == ["invitation", "response"]
    assert corpus.name == "s"
    assert str(corpus.statements["date"].dtype).startswith("datetime64")


def test_tsv(tmp_path):
    tsv = ("statement_id\tactor\tdate\ttext\n"
           "b\tstepanakert\t2023-03-28\tWe reject coercion, again.\n"
           "a\tbaku\t2023-03-27\tWe invite you to talks in Baku.\n")
    _check_two(read_corpus(_write(tmp_path / "s.tsv", tsv)))


def test_jsonl(tmp_path):
    lines = [{"statement_id": "b", "actor": "stepanakert", "date": "2023-03-28",
              "text": "We reject coercion, again.", "n_words": 4},
             {"statement_id": "a", "actor": "baku", "date": "2023-03-27",
              "text": "We invite you to talks in Baku.", "n_words": 7}]
    path = _write(tmp_path / "s.jsonl", "\n".join(json.dumps(r) for r in lines) + "\n\n")
    corpus = read_corpus(path)
    _check_two(corpus)
    assert corpus.statements["n_words"].tolist() == [7, 4]


def test_jsonl_keeps_line_separator_inside_strings(tmp_path):
    # U+2028 is legal unescaped inside a JSON string; the loader must not split lines at it.
    rec = {"id": "x", "text": "first\u2028second"}
    path = _write(tmp_path / "s.jsonl", json.dumps(rec, ensure_ascii=False) + "\n")
    assert read_corpus(path).statements["text"].tolist() == ["first\u2028second"]


def test_text_folder_with_front_matter(tmp_path):
    _write(tmp_path / "t" / "one.txt", "---\nstatement_id: b\nactor: stepanakert\n"
           "date: 2023-03-28\n---\nWe reject coercion, again.")
    _write(tmp_path / "t" / "two.txt", "---\nstatement_id: a\nactor: baku\ndate: 2023-03-27\n"
           "---\nWe invite you to talks in Baku.", newline="\r\n")
    corpus = read_corpus(tmp_path / "t")
    st = corpus.statements
    assert st["statement_id"].tolist() == ["a", "b"]
    assert st["file"].tolist() == ["two.txt", "one.txt"]
    assert st["text"].tolist() == ["We invite you to talks in Baku.",
                                   "We reject coercion, again."]
    assert corpus_tokens(corpus).n_tokens().tolist() == [7, 4]


def test_text_folder_with_sidecar_metadata(tmp_path):
    _write(tmp_path / "t" / "one.txt", "We reject coercion, again.")
    _write(tmp_path / "t" / "two.txt", "We invite you to talks in Baku.")
    _write(tmp_path / "t" / "metadata.csv", "file,statement_id,actor,date\n"
           "one.txt,b,stepanakert,2023-03-28\ntwo.txt,a,baku,2023-03-27\n")
    _check_two(read_corpus(tmp_path / "t"))


def test_text_folder_without_metadata_uses_file_names(tmp_path):
    _write(tmp_path / "t" / "x.txt", "One.")
    _write(tmp_path / "t" / "y.txt", "Two words.")
    st = read_corpus(tmp_path / "t").statements
    assert st["statement_id"].tolist() == ["x", "y"]
    assert st["actor"].isna().all() and st["date"].isna().all()


def test_sidecar_naming_missing_file(tmp_path):
    _write(tmp_path / "t" / "one.txt", "Text.")
    _write(tmp_path / "t" / "metadata.csv", "file,actor\none.txt,a\nghost.txt,b\n")
    with pytest.raises(CorpusError, match=r"metadata\.csv: rows name files that are not in the "
                                          r"folder: ghost\.txt\. Fix the 'file' column"):
        read_corpus(tmp_path / "t")


def test_sidecar_without_file_column(tmp_path):
    _write(tmp_path / "t" / "one.txt", "Text.")
    _write(tmp_path / "t" / "metadata.csv", "name,actor\none.txt,a\n")
    with pytest.raises(CorpusError, match=r"metadata\.csv:1: no 'file' column \(found: name, "
                                          r"actor\)"):
        read_corpus(tmp_path / "t")


def test_front_matter_problems_are_all_reported(tmp_path):
    _write(tmp_path / "t" / "a.txt", "---\nactor: [unclosed\n---\nText.")
    _write(tmp_path / "t" / "b.txt", "---\nactor: x\nno closing line")
    with pytest.raises(CorpusError) as info:
        read_corpus(tmp_path / "t")
    msg = str(info.value)
    assert "2 problem(s)" in msg
    assert "a.txt:" in msg and "front matter is not valid YAML" in msg
    assert "b.txt:1: front matter starts with '---' but has no closing '---' line" in msg


def test_corpus_folder(tmp_path):
    folder = tmp_path / "c"
    _write(folder / "corpus.yml", "name: toy\nactors: actors.csv\nstatements: statements.csv\n")
    _write(folder / "actors.csv", ACTORS)
    _write(folder / "statements.csv", CSV)
    corpus = read_corpus(folder)
    _check_two(corpus)
    assert corpus.name == "toy"
    assert corpus.actor_name("baku") == "Presidential Administration"
    assert corpus.actor_name("nobody") == "nobody"
    assert corpus.actors.set_index("id").loc["baku", "aliases"] == ("Baku", "Azerbaijan")


def test_corpus_folder_without_statements(tmp_path):
    _write(tmp_path / "c" / "corpus.yml", "name: toy\n")
    with pytest.raises(CorpusError, match=r"corpus\.yml: names no segments and statements\.csv "
                                          r"is missing\. Add statements\.csv"):
        read_corpus(tmp_path / "c")


def test_corpus_folder_manifest_must_be_a_mapping(tmp_path):
    _write(tmp_path / "c" / "corpus.yml", "- a\n- b\n")
    with pytest.raises(CorpusError, match=r"corpus\.yml:1: expected 'key: value' lines .* "
                                          r"found a YAML list"):
        read_corpus(tmp_path / "c")


def test_corpus_folder_manifest_yaml_error_gives_line_and_column(tmp_path):
    _write(tmp_path / "c" / "corpus.yml", "name: toy\nactors: [a\n")
    with pytest.raises(CorpusError, match=r"corpus\.yml:3:1: not valid YAML"):
        read_corpus(tmp_path / "c")


def test_corpus_folder_missing_segments_or_sources(tmp_path):
    _write(tmp_path / "c" / "corpus.yml", "segments: seg.csv\n")
    with pytest.raises(InputNotFoundError, match=r"sources folder .*sources is missing"):
        read_corpus(tmp_path / "c")
    _write(tmp_path / "c" / "sources" / "a.txt", "Some article.")
    with pytest.raises(InputNotFoundError, match=r"names the segments file 'seg\.csv', which "
                                                 r"is missing"):
        read_corpus(tmp_path / "c")


def test_from_frame_does_not_mutate_and_keeps_metadata():
    df = pd.DataFrame({"doc": ["x", "y"], "speech": ["A b.", "C."], "who": ["p", "q"],
                       "Year": ["1999", "2001"], "Party": ["A", "B"]})
    before = df.copy(deep=True)
    corpus = from_frame(df, id_col="doc", text_col="speech", actor_col="who", name="f")
    pd.testing.assert_frame_equal(df, before)
    st = corpus.statements
    assert st.columns.tolist()[:4] == ["statement_id", "actor", "date", "text"]
    assert st["actor"].tolist() == ["p", "q"]
    assert st["Year"].tolist() == [1999, 2001]  # integer-looking text becomes integers
    assert st["Party"].tolist() == ["A", "B"]
    assert st["date"].isna().all()
    # the statements table is a copy
    st.loc[0, "text"] = "changed"
    assert corpus.statements.loc[0, "text"] == "A b."


def test_column_options_on_files(tmp_path):
    path = _write(tmp_path / "s.csv", "Speech ID,Speaker,When,Body\n"
                  "1,baku,2023-03-27,Talks.\n2,stepanakert,2023-03-28,No talks.\n")
    corpus = read_corpus(path, id_col="Speech ID", text_col="Body", actor_col="Speaker",
                         date_col="When")
    st = corpus.statements
    assert st["statement_id"].tolist() == ["1", "2"]
    assert st["actor"].tolist() == ["baku", "stepanakert"]
    assert st["date"].dt.day.tolist() == [27, 28]


def test_plain_table_without_actor_or_date(tmp_path):
    path = _write(tmp_path / "s.csv", "id,text,outlet\n1,One two.,x\n2,Three.,y\n")
    corpus = read_corpus(path)
    st = corpus.statements
    assert st["actor"].isna().all() and st["date"].isna().all()
    assert st["outlet"].tolist() == ["x", "y"]
    assert corpus_tokens(corpus).n_tokens().tolist() == [2, 1]
    assert repr(corpus) == "<Corpus 's': 2 statements, 0 actors>"


def test_non_numeric_text_columns_stay_text():
    df = pd.DataFrame({"id": ["a", "b"], "text": ["x", "y"], "code": ["²", "--5"]})
    assert from_frame(df).statements["code"].tolist() == ["²", "--5"]


def test_dates_with_utc_offsets_keep_wall_time():
    df = pd.DataFrame({"id": ["a", "b"], "text": ["x", "y"],
                       "date": ["2023-03-27T23:30:00+04:00", "2023-03-28"]})
    st = from_frame(df).statements
    assert st["date"].dt.strftime("%Y-%m-%d %H:%M").tolist() == ["2023-03-27 23:30",
                                                                "2023-03-28 00:00"]


def test_partial_dates():
    df = pd.DataFrame({"id": ["a", "b", "c"], "text": ["x", "y", "z"],
                       "date": ["2023", "2023-03", ""]})
    st = from_frame(df).statements
    assert st["date"].dt.strftime("%Y-%m-%d").tolist()[:2] == ["2023-01-01", "2023-03-01"]
    assert pd.isna(st["date"].iloc[2])


# --------------------------------------------------------------------------- encodings
@pytest.mark.parametrize("bom", [b"", b"\xef\xbb\xbf"])
@pytest.mark.parametrize("newline", [b"\n", b"\r\n"])
def test_bom_and_crlf(tmp_path, bom, newline):
    raw = bom + CSV.encode("utf-8").replace(b"\n", newline)
    path = tmp_path / "s.csv"
    path.write_bytes(raw)
    _check_two(read_corpus(path))


def test_crlf_inside_quoted_text_is_kept(tmp_path):
    path = tmp_path / "s.csv"
    path.write_bytes(b'id,text\r\n1,"Line one.\r\nLine two."\r\n')
    assert read_corpus(path).statements["text"].tolist() == ["Line one.\r\nLine two."]


def test_non_utf8_gives_byte_offset_line_and_hint(tmp_path):
    path = tmp_path / "s.csv"
    # "café" in Windows-1252: é is the single byte 0xe9, at byte 3 + 9 + 5 = 17 with the BOM.
    path.write_bytes(b"\xef\xbb\xbfid,text\r\n1,caf\xe9\r\n")
    with pytest.raises(EncodingError, match=r"s\.csv:2: byte 17 \(0xe9, line 2 column 6\) is "
                                            r"not valid UTF-8 .*Re-save the file as UTF-8.*"
                                            r"iconv -f cp1252 -t utf-8"):
        read_corpus(path)


def test_non_utf8_in_text_folder(tmp_path):
    (tmp_path / "t").mkdir()
    (tmp_path / "t" / "a.txt").write_bytes(b"ok\nbad \xff here")
    with pytest.raises(EncodingError, match=r"a\.txt:2: byte 7 \(0xff"):
        read_corpus(tmp_path / "t")


# --------------------------------------------------------------------------- validation
def test_missing_file_and_unknown_name(tmp_path):
    with pytest.raises(InputNotFoundError, match=r"nope\.csv: no such file or folder, and not "
                                                 r"a bundled corpus.* inaugural, karabakh_2023"):
        read_corpus(tmp_path / "nope.csv")
    with pytest.raises(InputNotFoundError, match=r"no_such_corpus: no such file or folder"):
        read_corpus("no_such_corpus")


def test_empty_file(tmp_path):
    with pytest.raises(CorpusError, match=r"s\.csv: the file is empty\. Expected a header row"):
        read_corpus(_write(tmp_path / "s.csv", "\n \n"))
    with pytest.raises(CorpusError, match=r"s\.jsonl: the file is empty"):
        read_corpus(_write(tmp_path / "s.jsonl", ""))


def test_header_only(tmp_path):
    with pytest.raises(CorpusError, match=r"s\.csv: the table has a header but no rows"):
        read_corpus(_write(tmp_path / "s.csv", "id,text\n"))


def test_empty_folder(tmp_path):
    (tmp_path / "t").mkdir()
    with pytest.raises(CorpusError, match=r"no corpus\.yml and no \.txt files"):
        read_corpus(tmp_path / "t")


def test_unknown_extension(tmp_path):
    with pytest.raises(CorpusError, match=r"cannot tell the format from the extension '\.xlsx'"):
        read_corpus(_write(tmp_path / "s.xlsx", "x"))


def test_missing_text_column_lists_columns(tmp_path):
    path = _write(tmp_path / "s.csv", "id,speech,actor\n1,Hello.,a\n")
    with pytest.raises(CorpusError, match=r"s\.csv:1: no text column; the columns are: id, "
                                          r"speech, actor\. Name the text column with text_col="
                                          r" \(--text-col on the command line\)"):
        read_corpus(path)


def test_missing_id_column_lists_columns(tmp_path):
    path = _write(tmp_path / "s.csv", "name,text\n1,Hello.\n")
    with pytest.raises(CorpusError, match=r"s\.csv:1: no id column; the columns are: name, "
                                          r"text\."):
        read_corpus(path)


def test_missing_id_and_text_columns_reported_together():
    with pytest.raises(CorpusError) as info:
        from_frame(pd.DataFrame({"a": ["x"], "b": ["y"]}))
    msg = str(info.value)
    assert "no id column; the columns are: a, b" in msg
    assert "no text column; the columns are: a, b" in msg


def test_named_column_not_found(tmp_path):
    path = _write(tmp_path / "s.csv", "id,text\n1,Hello.\n")
    with pytest.raises(CorpusError, match=r"no actor column 'speaker'; the columns are: id, "
                                          r"text\. Pass the right name"):
        read_corpus(path, actor_col="speaker")


def test_duplicate_ids_report_both_lines(tmp_path):
    path = _write(tmp_path / "s.csv", "id,text\na,One.\nb,Two.\na,Three.\n")
    with pytest.raises(CorpusError, match=r"s\.csv:4: duplicate id 'a' \(first at line 2\)\. "
                                          r"Ids must be unique"):
        read_corpus(path)


def test_duplicate_ids_in_text_folder_name_both_files(tmp_path):
    _write(tmp_path / "t" / "a.txt", "---\nstatement_id: x\n---\nOne.")
    _write(tmp_path / "t" / "b.txt", "---\nstatement_id: x\n---\nTwo.")
    with pytest.raises(CorpusError, match=r"b\.txt: duplicate id 'x' \(first in a\.txt\)"):
        read_corpus(tmp_path / "t")


def test_duplicate_column_names(tmp_path):
    path = _write(tmp_path / "s.csv", "id,text,text\n1,a,b\n")
    with pytest.raises(CorpusError, match=r"s\.csv:1: duplicate column names \['text'\]"):
        read_corpus(path)
    with pytest.raises(CorpusError, match=r"DataFrame: duplicate column names \['text'\]"):
        from_frame(pd.DataFrame([["1", "a", "b"]], columns=["id", "text", "text"]))


def test_ragged_row(tmp_path):
    path = _write(tmp_path / "s.csv", "id,text\n1,Hello, world.\n")
    with pytest.raises(CorpusError, match=r"s\.csv:2: row has 3 fields, the header has 2\. "
                                          r"Check the quoting"):
        read_corpus(path)


def test_bad_jsonl_lines_all_reported(tmp_path):
    path = _write(tmp_path / "s.jsonl", '{"id": "a", "text": "x"}\n{"id": \n[1, 2]\n')
    with pytest.raises(CorpusError) as info:
        read_corpus(path)
    msg = str(info.value)
    assert "2 problem(s)" in msg
    assert "s.jsonl:2: not valid JSON" in msg
    assert "s.jsonl:3: expected a JSON object, found list" in msg


def test_empty_texts_warn_and_count_zero(tmp_path):
    path = _write(tmp_path / "s.csv", 'id,text\na,Words here.\nb,""\nc,"   "\n')
    with pytest.warns(EmptyStatementWarning) as rec:
        corpus = read_corpus(path)
    msgs = [str(w.message) for w in rec]
    assert any("s.csv:3: statement 'b' has no text; it is kept and counted as 0 tokens" in m
               for m in msgs)
    assert any("s.csv:4: statement 'c' has no text" in m for m in msgs)
    assert corpus_tokens(corpus).n_tokens().tolist() == [2, 0, 0]
    assert corpus.summary()["tokens"].tolist() == [2, 0, 0]


def test_unparseable_dates_all_reported(tmp_path):
    path = _write(tmp_path / "s.csv", "id,date,text\na,2023-03-27,x\nb,27/03/2023,y\n"
                                      "c,yesterday,z\n")
    with pytest.raises(CorpusError) as info:
        read_corpus(path)
    msg = str(info.value)
    assert "2 problem(s)" in msg
    assert "s.csv:3: cannot read the date '27/03/2023' in column 'date'. Here the day comes " \
           "first (27 > 12). Say how the dates are written: date_format='dayfirst'" in msg
    assert "s.csv:4: cannot read the date 'yesterday' in column 'date'. Write dates as " \
           "YYYY-MM-DD (or YYYY, YYYY-MM)" in msg


def test_date_out_of_range():
    df = pd.DataFrame({"id": ["a"], "text": ["x"], "date": ["1600-01-01"]})
    with pytest.raises(CorpusError, match=r"row 0: the date '1600-01-01' in column 'date' is "
                                          r"outside the supported range 1677-09-22 to "
                                          r"2262-04-11"):
        from_frame(df)


def test_actors_not_in_registry(tmp_path):
    reg = _write(tmp_path / "actors.csv", ACTORS)
    path = _write(tmp_path / "s.csv", "id,actor,text\n1,baku,x\n2,yerevan,y\n3,moscow,z\n")
    with pytest.raises(CorpusError) as info:
        read_corpus(path, actors=reg)
    msg = str(info.value)
    assert "s.csv:3: actor 'yerevan' is not in the actor registry (known: baku, stepanakert). " \
           "Add it to the registry or correct the actor id." in msg
    assert "s.csv:4: actor 'moscow'" in msg
    assert read_corpus(_write(tmp_path / "ok.csv", "id,actor,text\n1,baku,x\n"),
                       actors=reg).actor_name("baku") == "Presidential Administration"
    df = pd.DataFrame({"id": ["1"], "actor": ["yerevan"], "text": ["x"]})
    with pytest.raises(CorpusError, match=r"DataFrame: row 0: actor 'yerevan' is not in the "
                                          r"actor registry"):
        from_frame(df, actors=reg)  # a registry path works in from_frame too


def test_all_problems_at_once():
    df = pd.DataFrame({"id": ["a", "a", ""], "text": ["x", "y", "z"],
                       "date": ["2023-01-01", "soon", "2023-01-02"]})
    with pytest.raises(CorpusError) as info:
        from_frame(df)
    assert "3 problem(s)" in str(info.value)
    assert len(info.value.problems) == 3


def test_actor_registry_problems(tmp_path):
    with pytest.raises(CorpusError, match=r"a\.csv:1: the actor registry has no 'id' column "
                                          r"\(found: name, group\)"):
        read_actors(_write(tmp_path / "a.csv", "name,group\nx,y\n"))
    with pytest.raises(CorpusError, match=r"a\.csv:3: duplicate actor id 'x' \(first on line 2\)"):
        read_actors(_write(tmp_path / "a.csv", "id,name\nx,X\nx,Y\n"))
    with pytest.raises(InputNotFoundError, match=r"no such actor registry"):
        read_actors(tmp_path / "missing.csv")


def test_from_frame_type_error():
    with pytest.raises(TypeError, match="from_frame expects a pandas DataFrame, got list"):
        from_frame([{"id": 1, "text": "x"}])


def test_large_field_and_many_rows(tmp_path):
    # A 2 MB statement in a CSV (the csv module's default limit is 128 KiB) and 20,000 rows.
    big = "word " * 400_000
    path = _write(tmp_path / "big.csv", f'id,text\n1,"{big}"\n')
    corpus = read_corpus(path)
    assert corpus_tokens(corpus).n_tokens().tolist() == [400_000]
    rows = "".join(f"s{i},Statement {i}.\n" for i in range(20_000))
    corpus = read_corpus(_write(tmp_path / "many.csv", "id,text\n" + rows))
    n = corpus_tokens(corpus).n_tokens()
    assert len(n) == 20_000 and int(n.sum()) == 40_000


def test_to_source_unknown_statement():
    c = from_frame(pd.DataFrame({"id": ["a"], "text": ["x"]}))
    assert c.to_source("a", 0, 1)[0] == "a"
    with pytest.raises(KeyError, match="'b' is not a statement"):
        c.to_source("b", 0, 1)


def test_read_text_file_errors(tmp_path):
    with pytest.raises(InputNotFoundError, match=r"x\.txt: no such file"):
        read_text_file(tmp_path / "x.txt")
    with pytest.raises(InputNotFoundError, match=r"is a folder, expected a file"):
        read_text_file(tmp_path)


# --------------------------------------------------------------------------- assembly
def _segments(rows):
    return pd.DataFrame(rows, columns=["source", "start", "end", "role", "actor",
                                       "statement_id"])


def test_segments_validation_reports_everything():
    src = {"art": "Headline. They said \"yes\" and \"no\"."}
    seg = _segments([["art", 0, 9, "headline", "out", "out/1"],
                     ["art", 5, 12, "narration", "out", "out/1"],     # overlaps line 2
                     ["art", 30, 99, "quote", "x", "x/1"],            # outside the source
                     ["nope", 0, 1, "quote", "x", "x/1"],             # unknown source
                     ["art", "a", 3, "quote", "x", "x/1"]])           # not a number
    with pytest.raises(CorpusError) as info:
        corpus_from_segments(src, seg)
    msg = str(info.value)
    assert "4 problem(s)" in msg
    assert "segments:3: span 5-12 overlaps the span 0-9 on line 2" in msg
    assert "segments:4: span 30-99 is outside the source (length 35)" in msg
    assert "segments:5: unknown source 'nope' (known: art)" in msg
    assert "segments:6: start/end 'a'/3 are not whole numbers" in msg


def test_segments_missing_columns():
    with pytest.raises(CorpusError, match=r"segments:1: missing column\(s\) \['role', 'actor', "
                                          r"'statement_id'\] \(found: source, start, end\)"):
        corpus_from_segments({"a": "x"}, pd.DataFrame({"source": ["a"], "start": [0],
                                                       "end": [1]}))


def test_assembled_statement_maps_back_to_source():
    art = 'Baku: "we invite you" today; "we invite you to Baku" later.'
    seg = _segments([["a", 0, 5, "narration", "out", "out/1"],
                     ["a", 7, 20, "quote", "baku", "baku/1"],
                     ["a", 30, 51, "quote", "baku", "baku/1"],
                     ["a", 53, 59, "narration", "out", "out/1"]])
    c = corpus_from_segments({"a": art}, seg)
    st = c.statements.set_index("statement_id")["text"]
    # the shorter quote repeats the longer one and is kept once
    assert st["baku/1"] == "we invite you to Baku"
    assert st["out/1"] == "Baku:" + FRAGMENT_SEPARATOR + "later."
    for sid, text in st.items():
        t = tokenize_text(text)
        source, s0, s1 = c.to_source(sid, t["start"], t["end"])
        assert source == "a"
        for a, b, x, y in zip(t["start"], t["end"], s0, s1):
            assert art[x:y] == text[a:b]


# --------------------------------------------------------------------------- bundled corpora
def test_bundled_corpora_found_from_any_directory(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    assert bundled_corpora() == ["inaugural", "karabakh_2023", "karabakh_languages"]
    assert len(read_corpus("karabakh_2023")) == 3
    assert len(read_corpus("inaugural")) == 60


@pytest.fixture(scope="module")
def karabakh():
    return read_corpus("karabakh_2023")


def test_karabakh_statements(karabakh):
    st = karabakh.statements
    assert st["statement_id"].tolist() == ["az_presidency/2023-03-27",
                                           "nk_authorities/2023-03-28",
                                           "commonspace/2023-03-28"]
    assert st["actor"].tolist() == ["az_presidency", "nk_authorities", "commonspace"]
    assert st["date"].dt.strftime("%Y-%m-%d").tolist() == ["2023-03-27", "2023-03-28",
                                                           "2023-03-28"]


def test_karabakh_done_when_facts(karabakh):
    text = karabakh.statements.set_index("statement_id")["text"]
    nk = text["nk_authorities/2023-03-28"]
    assert nk.count("coercion") == 1
    assert nk.count("internationally established negotiation format") == 1
    assert text["az_presidency/2023-03-27"].count("reintegration") == 1
    cs = text["commonspace/2023-03-28"]
    headline = ("Azerbaijan again proposes reintegration talks with Karabakh Armenians in Baku, "
                "rejected by Stepanakert")
    assert cs.startswith(headline)


def test_karabakh_outlet_statement_has_no_quoted_words(karabakh):
    cs_id = "commonspace/2023-03-28"
    cs = karabakh.source_text(cs_id)
    frag = karabakh.fragments
    quotes = frag[frag["role"] == "quote"]
    assert len(quotes) == 12
    # 1. no quoted character of the article is part of the outlet's statement
    t = tokenize_text(cs)
    src_id, s0, s1 = karabakh.to_source(cs_id, t["start"], t["end"])
    taken = np.zeros(len(karabakh.sources[src_id]), dtype=bool)
    for a, b in zip(s0, s1):
        taken[a:b] = True
    for q in quotes.itertuples():
        assert not taken[q.start:q.end].any(), q.text
    # 2. no quote's text appears in it, except the single word "reintegration", which the
    #    outlet also uses in its own headline ("proposes reintegration talks")
    found = [q.text for q in quotes.itertuples() if q.text in cs]
    assert found == ["reintegration"]
    assert cs.count("reintegration") == 1 and cs.index("reintegration") < 102


def test_karabakh_round_trip_every_token(karabakh):
    st = karabakh.statements
    n = 0
    for sid, text in zip(st["statement_id"], st["text"]):
        t = tokenize_text(text)
        source, s0, s1 = karabakh.to_source(sid, t["start"], t["end"])
        src = karabakh.source_text(source)
        assert source == "commonspace-2023-03-28"
        for a, b, x, y in zip(t["start"], t["end"], s0, s1):
            assert src[x:y] == text[a:b], (sid, text[a:b], src[x:y])
            n += 1
    assert n == int(corpus_tokens(karabakh).n_tokens().sum())


def test_karabakh_source_stored_byte_for_byte():
    folder = Path(__file__).resolve().parent.parent / "corpus" / "karabakh_2023" / "sources"
    raw = (folder / "commonspace-2023-03-28.txt").read_bytes()
    assert len(raw.decode("utf-8")) == 2449
    assert read_corpus("karabakh_2023").sources["commonspace-2023-03-28"] == raw.decode("utf-8")


@pytest.fixture(scope="module")
def inaugural():
    return read_corpus("inaugural")


def test_inaugural(inaugural):
    st = inaugural.statements
    assert len(st) == 60
    years = st["date"].dt.year
    assert years.min() == 1789 and years.max() == 2025
    assert years.is_monotonic_increasing
    assert (st["statement_id"] == st["doc_id"]).all()
    assert st.loc[0, "statement_id"] == "1789-Washington"
    assert st.loc[0, "actor"] == "George Washington"
    assert inaugural.actors.set_index("id").loc["Abraham Lincoln", "group"] == "Republican"


def test_inaugural_word_counts_match_quanteda(inaugural):
    """Our word counts equal quanteda's ntoken(tokens(x, remove_punct = TRUE)) ...

    ... except that quanteda keeps currency symbols ("$") as tokens when it removes
    punctuation (they are Unicode symbols, category Sc, not punctuation), while frameshift
    counts words only. Three addresses contain "$": 1821-Monroe (2), 1901-McKinley (1),
    1909-Taft (1) -- exactly the differences.
    """
    ref = pd.read_csv(DATA / "quanteda" / "ntoken.csv").set_index("doc_id")
    st = inaugural.statements
    ours = pd.Series(corpus_tokens(inaugural).n_tokens(), index=st["statement_id"])
    assert set(ours.index) == set(ref.index)
    symbols = pd.Series([t.count("$") for t in st["text"]], index=st["statement_id"])
    expected = ref["ntoken_no_punct"].reindex(ours.index) - symbols
    diff = ours[ours != expected]
    assert diff.empty, f"word counts differ from quanteda for {diff.index.tolist()}"
    assert symbols[symbols > 0].to_dict() == {"1821-Monroe": 2, "1901-McKinley": 1,
                                              "1909-Taft": 1}
