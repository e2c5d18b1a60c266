"""Reading a delimited file a chunk of lines at a time (issue 20, ``corpus/readers.py``
``_utf8_lines``): the same rows, and the same errors in the same order, as decoding the file
whole -- checked with chunks of a few bytes, so that chunk ends fall everywhere."""

import pytest
from frameshift.corpus import readers
from frameshift.errors import CorpusError, EncodingError
from frameshift.files import decode_bytes
from hypothesis import given, settings
from hypothesis import strategies as hs


def _whole(data, path):
    """The reading as it was: the whole text decoded, then parsed."""
    return readers._parse_delimited(decode_bytes(data, path), path, ",")


@pytest.fixture
def tiny_chunks(monkeypatch):
    monkeypatch.setattr(readers, "_LINES_CHUNK", 5)


@settings(max_examples=300, deadline=None)
@given(hs.lists(hs.sampled_from(["a", "b", ",", '"', "\n", "\r", "\r\n", "\u2028", "\x0c",
                                 "\x85", " ", "\u0436", "\ufeff", "\U0001f600"]),
                min_size=1, max_size=60).map("".join))
def test_rows_and_errors_are_those_of_the_whole_text(text):
    readers._LINES_CHUNK, old = 5, readers._LINES_CHUNK
    try:
        data = ("statement_id,text\n" + text).encode("utf-8")
        path = "t.csv"
        try:
            want = _whole(data, path)
        except CorpusError as err:
            want = str(err)
        with pytest.MonkeyPatch.context() as mp:
            mp.setattr(readers, "read_input_bytes", lambda p: data)
            try:
                got = readers._read_delimited(path, ",")
            except CorpusError as err:
                got = str(err)
        assert got == want
    finally:
        readers._LINES_CHUNK = old


def test_a_bad_byte_late_in_the_file_is_reported_before_a_problem_of_the_table(
        tmp_path, tiny_chunks):
    # row 2 has three fields (a table problem), and line 4 has a byte that is not UTF-8:
    # decoded whole, the encoding error comes first; byte 39 = 18 + 7 + 8 + len("s3,caf")
    p = tmp_path / "c.csv"
    p.write_bytes(b"statement_id,text\ns1,a,b\ns2,fine\ns3,caf\xe9\n")
    with pytest.raises(EncodingError, match=r"c\.csv:4: byte 39 \(0xe9, line 4 column 7\)"):
        readers._read_delimited(p, ",")


@pytest.mark.parametrize("content", [b"", b" \n\t\r\n", b"\xef\xbb\xbf  \n",
                                     "\u00a0\n\u2028 ".encode("utf-8"), b"\x1c\x1f\n"])
def test_blank_files_are_empty(tmp_path, content):
    p = tmp_path / "c.csv"
    p.write_bytes(content)
    with pytest.raises(CorpusError, match="the file is empty"):
        readers._read_delimited(p, ",")


def test_a_header_starting_with_a_non_ascii_letter(tmp_path, tiny_chunks):
    p = tmp_path / "c.csv"
    p.write_text("\u00a0statement_id,text\ns1,\u0436\u0436\r\ns2,\"two\r\nlines\"\n",
                 encoding="utf-8")
    rows = readers._read_delimited(p, ",")
    assert [rec for _, rec in rows] == [{"statement_id": "s1", "text": "\u0436\u0436"},
                                        {"statement_id": "s2", "text": "two\r\nlines"}]
    assert [line for line, _ in rows] == [2, 3]


def test_utf16_is_named(tmp_path):
    p = tmp_path / "c.csv"
    p.write_bytes("statement_id,text\n".encode("utf-16"))
    with pytest.raises(EncodingError, match="UTF-16"):
        readers._read_delimited(p, ",")
