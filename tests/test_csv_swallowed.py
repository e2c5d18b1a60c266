"""Two fast paths of the CSV reader against what they replace (issue 20: same result):
the unclosed-quote check (``_swallowed_rows``) against the plain line-by-line rule it
implements with a regex prefilter, and the lines handed to the csv module (``_csv_lines``)
against ``io.StringIO(text, newline="")``."""

import csv
import io

from hypothesis import given, settings
from hypothesis import strategies as hs

from frameshift.corpus.readers import _csv_lines, _odd_quotes, _shape, _swallowed_rows


def _plain(rec, sep, n_fields, shapes):
    # the rule, one line at a time (the reader's code before the prefilter)
    out = []
    longest = max(map(len, shapes), default=0)
    for field in rec:
        if "\n" not in field or field.count(sep) < n_fields - 1:
            continue
        for ln in field.split("\n")[1:]:
            ln = ln.rstrip("\r")
            if ln.count(sep) < n_fields - 1:
                continue
            if not ln.startswith('"'):
                head = ln.split(sep, 1)[0].strip()
                if not head or head.count(" ") > longest or _shape(head) not in shapes:
                    continue
            try:
                parsed = next(csv.reader([ln], delimiter=sep), [])
            except csv.Error:
                parsed = ln.split(sep)
            if len(parsed) == n_fields and parsed[0].strip() and _shape(parsed[0]) in shapes:
                out.append(ln)
    return out


_HEADS = ["s1", " s 2 ", "a", "", " ", '"s1"', '"a, b"', "x y z", "12", "\u00a0s3\t",
          "\u0436\u0437", "Ж9", "-", "s1\r", "We reject coercion"]
_CELLS = ["", "a", "b c", '"q"', '"', "\r", " ", "é"]


def _line(sep):
    return hs.tuples(hs.sampled_from(_HEADS), hs.lists(hs.sampled_from(_CELLS), max_size=4)) \
        .map(lambda hc: sep.join([hc[0], *hc[1]]))


@hs.composite
def _records(draw):
    sep = draw(hs.sampled_from([",", ";", "\t", "|"]))
    fields = draw(hs.lists(hs.lists(_line(sep), max_size=6).map("\n".join), min_size=1,
                           max_size=3))
    return fields, sep


@settings(max_examples=500, deadline=None)
@given(_records(), hs.integers(2, 4),
       hs.sets(hs.sampled_from(["a9", "a", "9", "a 9", "a a a", "\u0436\u0437", "a9\r"]),
               max_size=3))
def test_prefiltered_check_finds_the_same_lines(record, n_fields, shapes):
    rec, sep = record
    assert _swallowed_rows(rec, sep, n_fields, shapes) == _plain(rec, sep, n_fields, shapes)


def test_a_swallowed_row_is_found():
    # a text whose quotation mark is not closed runs on over the next rows
    field = 'We reject coercion.\ns2,baku,"Talks now.\ns3, nk ,Talks later.'
    assert _swallowed_rows(["s1", field], ",", 3, {"a9"}) == [
        's2,baku,"Talks now.', "s3, nk ,Talks later."]


@settings(max_examples=500, deadline=None)
@given(hs.lists(hs.sampled_from(["a", ",", '"', "\n", "\r", "\r\n", "\u2028", "\x0c", "\x85",
                                 "\x1e", " ", "\u0436"]), max_size=40).map("".join))
def test_csv_lines_are_those_of_a_file_opened_with_newline_empty(text):
    assert list(_csv_lines(text)) == list(io.StringIO(text, newline=""))


@settings(max_examples=300, deadline=None)
@given(hs.lists(hs.sampled_from(["a", '"', "\n", "\u0436", "\u201c", "\U0001f600", "\u00a2"]),
                max_size=40).map("".join))
def test_quotes_counted_in_the_bytes_are_those_of_the_text(text):
    # issue 20: the quotation marks are counted in the file's UTF-8 bytes
    assert _odd_quotes(text.encode("utf-8")) == (text.count('"') % 2 == 1)
