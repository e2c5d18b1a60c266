"""The pandas-free ``frameshift count`` path (issue 20): a plain CSV corpus held as lists, the
count table as columns, written with the csv module -- the same bytes, provenance, corpus,
warnings and errors as the pandas path (read_corpus, count_matches, csv_bytes)."""

import json
import os
import subprocess
import sys
import warnings

import numpy as np
import pandas as pd
import pytest

from frameshift.cli import main
from frameshift.corpus.readers import read_corpus, read_plain_csv
from frameshift.errors import CorpusError
from frameshift.files import csv_bytes, csv_bytes_of_columns

TEXTS = ['We invite you to talks, "now".', "No coercion.\nNo reintegration by force.",
         "=SUM(A1) is not a word. Talks in Baku.", "Coercion, coercion and talks."]


def _write(path, rows, header="statement_id,actor,date,text"):
    import csv

    with open(path, "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(header.split(","))
        w.writerows(rows)
    return path


def test_columns_give_the_bytes_of_csv_bytes():
    # the reference is pandas' writer (csv_bytes of the DataFrame); one case by hand below
    cols = {"by": ["a,b", 'say "x"', "line\nbreak", "=1+2", None, "-x", "@y", "plain"],
            "count": np.array([0, -3, 7, 10**12, 1, 2, 3, 4], np.int64),
            "rate": np.array([0.5, np.nan, 1e-05, 1e16, 1 / 3, 0.0, 2.5, 91.60839160839161]),
            "short": np.array([True, False, True, False, True, True, False, False])}
    df = pd.DataFrame({k: (pd.Series(v, dtype=object) if isinstance(v, list) else v)
                       for k, v in cols.items()})
    for esc in (True, False):
        assert csv_bytes_of_columns(cols, escape_formulas=esc) == csv_bytes(df, escape_formulas=esc)
    assert csv_bytes_of_columns({"a": ["=x", None], "n": np.array([1, 2])}) == \
        b"a,n\n'=x,1\n,2\n"
    with pytest.raises(ValueError):
        csv_bytes_of_columns({"a": ["x\ry"]})


def test_plain_csv_is_read_corpus(tmp_path):
    p = _write(tmp_path / "c.csv", [["s2", "nk", "2023-03-28", TEXTS[0]],
                                    ["s1", "", "2023-03-27", TEXTS[1]],
                                    ["s3", "baku", "", TEXTS[2]],
                                    ["s0", "baku", "2023-03-27", TEXTS[3]]])
    plain, ref = read_plain_csv(p), read_corpus(p)
    assert plain._frame is None  # held as lists
    assert len(plain) == 4 and plain.fingerprint() == ref.fingerprint()
    assert plain._column("statement_id") == ["s1", "s0", "s2", "s3"]  # by date, undated last
    assert plain.input_files == ref.input_files and plain.name == ref.name
    pd.testing.assert_frame_equal(plain.statements, ref.statements)
    pd.testing.assert_frame_equal(plain.actors, ref.actors)


@pytest.mark.parametrize("rows,header", [
    ([["a", "x", "27/03/2023", "Talks."]], None),          # not ISO: from_frame's error
    ([["a", "x", "2023-02-30", "Talks."]], None),          # no such day
    ([["a", "x", "2023-03-27", "Talks."], ["A", "y", "", "Talks."]], None),  # near-duplicate ids
    ([["a", "x", "2023-03-27", " "]], None),               # no text: a warning
    ([["a", "x", "2023-03-27", "Talks.", "7"]], "statement_id,actor,date,text,year"),
    ([["a", "x", "2023-03-27", "Talks."], ["a", "y", "", "More."]], None),  # duplicate id
])
def test_anything_else_goes_through_from_frame(tmp_path, rows, header):
    p = _write(tmp_path / "c.csv", rows, *(header,) if header else ())

    def run(read):
        with warnings.catch_warnings(record=True) as got:
            warnings.simplefilter("always")
            try:
                c = read(p)
            except CorpusError as err:
                return str(err), [str(w.message) for w in got]
        return (c.statements, c.fingerprint()), [str(w.message) for w in got]

    (a, wa), (b, wb) = run(read_plain_csv), run(read_corpus)
    assert wa == wb
    if isinstance(a, str):
        assert a == b
    else:
        pd.testing.assert_frame_equal(a[0], b[0])
        assert a[1] == b[1]


@pytest.mark.parametrize("by", ["statement_id", "actor"])
def test_command_writes_what_count_matches_gives(tmp_path, by, capsys):
    from frameshift.files import provenance
    from frameshift.lexicon.formats import read_lexicon
    from frameshift.matching import MatchSettings, count_matches

    p = _write(tmp_path / "c.csv", [["s2", "nk", "2023-03-28", TEXTS[0]],
                                    ["s1", "", "2023-03-27", TEXTS[1]],
                                    ["s3", "baku", "", TEXTS[2]],
                                    ["s0", "baku", "2023-03-27", TEXTS[3]]])
    lex = tmp_path / "l.yml"
    lex.write_text("name: l\ncategories:\n- id: talks\n  patterns: [talk*]\n"
                   "- id: '=coer'\n  patterns: [coercion, reintegration by force]\n")
    out = tmp_path / "out.csv"
    assert main(["count", "--corpus", str(p), "--lexicon", str(lex), "--by", by,
                 "--out", str(out)]) == 0
    got = capsys.readouterr().err.splitlines()
    with warnings.catch_warnings(record=True) as ref_w:
        warnings.simplefilter("always")
        corpus, lexicon = read_corpus(p), read_lexicon(str(lex))
        table = count_matches(corpus, lexicon, by=[by], settings=MatchSettings())
    assert got == [f"frameshift: warning: {w.message}" for w in ref_w]
    assert len(got) == 1 and "short_text=True" in got[0]
    assert out.read_bytes() == csv_bytes(table)
    rec = json.loads((tmp_path / "out.csv.provenance.json").read_text())
    want = provenance(corpus=corpus, lexicon=lexicon, settings=MatchSettings().as_dict(),
                      command="count", by=[by])
    assert {k: v for k, v in rec.items() if k != "output"} == json.loads(
        json.dumps(want, sort_keys=True, default=str))
    assert rec["output"]["rows"] == len(table) and rec["output"]["format"] == "csv"


def _count_then_print(corpus, tmp_path, expr):
    """Run ``frameshift count`` on ``corpus`` in a fresh interpreter, then print ``expr``
    (about the modules it imported): what it printed."""
    code = ("import sys; from frameshift.cli import main; "
            f"main(['count', '--corpus', {str(corpus)!r}, '--out', {str(tmp_path / 'o.csv')!r}]); "
            f"print({expr})")
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    return res.stdout.strip()


def test_command_does_not_import_pandas(tmp_path):
    p = _write(tmp_path / "c.csv", [["s1", "nk", "2023-03-27", TEXTS[0]]])
    assert _count_then_print(p, tmp_path, "type(sys.modules['pandas']).__name__") == "_Deferred"


def test_command_does_not_import_numpy_ma(tmp_path):
    # numpy 2's np.unique imports numpy.ma on its first call (~13 ms of start-up): the count
    # path does without it -- here with an abbreviation and a period before a lower-case word
    # (the tokenizer's soft sentence ends) and phrases of the bundled lexicon
    p = _write(tmp_path / "c.csv", [["s1", "nk", "2023-03-27", TEXTS[0]],
                                    ["s2", "az", "2023-03-28", "Mr. Aliyev spoke. then the "
                                     "reintegration of Karabakh; no ready-made solutions."]])
    assert _count_then_print(p, tmp_path, "'numpy.ma' in sys.modules") == "False"


@pytest.mark.parametrize("given, want", [(None, "1"), ("3", "3")])
def test_matching_commands_start_one_blas_thread_unless_told(tmp_path, given, want):
    # numpy's OpenBLAS starts a thread per core on import, which the matching commands never
    # use; a value the user set is kept
    p = _write(tmp_path / "c.csv", [["s1", "nk", "2023-03-27", TEXTS[0]]])
    code = ("import os, sys; from frameshift.cli import main; "
            f"main(['count', '--corpus', {str(p)!r}, '--out', {str(tmp_path / 'o.csv')!r}]); "
            "print(os.environ.get('OPENBLAS_NUM_THREADS'))")
    env = {k: v for k, v in os.environ.items() if k != "OPENBLAS_NUM_THREADS"}
    if given is not None:
        env["OPENBLAS_NUM_THREADS"] = given
    res = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env)
    assert res.returncode == 0, res.stderr
    assert res.stdout.strip() == want
