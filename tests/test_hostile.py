"""The hostile-input battery (issue 17): every case of ``tests/hostile_cases.py`` through the
command line or the Python API, in a subprocess with a 60 s and 3 GB limit, inputs hashed
before and after. Expected outcomes are written by hand in each case (words of the message,
exit status 2, or a clean run for odd but valid input)."""

from __future__ import annotations

import fnmatch
import json
import os
import random
import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent))
import hostile_cases as hc  # noqa: E402

from frameshift.errors import OutputExistsError  # noqa: E402
from frameshift.files import (PROVENANCE_SUFFIX, check_output_path, recover_output,  # noqa: E402
                              verify_output, write_table_atomic)
from frameshift.lexicon.model import GlobMatcher  # noqa: E402

_SLOW = {"2 MB article", "200,000 empty statements", "article with 10,000 unbalanced "
         "quotation marks", "5 MB text in one field", "20 MB article without quotes",
         "article with 10,000 quotes", "10,000 quotes in one paragraph",
         "read_news: 10,000 different quotes of one speaker"}


@pytest.mark.parametrize("case", [pytest.param(c, id=c.name, marks=[pytest.mark.slow]
                                               if c.name in _SLOW else [])
                                  for c in hc.CASES])
def test_hostile_case(case, tmp_path):
    r = hc.run_case(case, tmp_path / "case", timeout=60)
    assert r.outcome == "good", f"{r.outcome}: {r.why}\n{r.stderr[-2000:]}"
    if case.expect == "error":
        assert r.status == 2


def test_battery_is_large_enough():
    assert len(hc.CASES) >= 100
    assert {c.group for c in hc.CASES} >= {"hang", "crash", "loss", "security", "weak"}


# ---------------------------------------------------------------- globs: linear and exact
def test_glob_matcher_agrees_with_fnmatch():
    # fnmatch.translate (standard library) is the reference for * and ? semantics.
    rng = random.Random(17)
    for _ in range(3000):
        glob = "".join(rng.choice("ab*?") for _ in range(rng.randint(1, 6)))
        word = "".join(rng.choice("abc") for _ in range(rng.randint(0, 8)))
        want = re.fullmatch(fnmatch.translate(glob), word, re.DOTALL) is not None
        assert (GlobMatcher(glob).fullmatch(word) is not None) == want, (glob, word)


# ---------------------------------------------------------------- output pairs after a kill
def _df():
    import pandas as pd

    return pd.DataFrame({"a": [1, 2]})


def test_kill_between_table_and_provenance_is_completed(tmp_path, monkeypatch):
    out = tmp_path / "counts.csv"
    write_table_atomic(_df().head(1), out, provenance={"run": 1})
    real = os.replace

    def killed(src, dst):  # the process dies right after the table is renamed into place
        real(src, dst)
        if Path(dst) == out:
            raise KeyboardInterrupt

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        write_table_atomic(_df(), out, provenance={"run": 2})
    monkeypatch.setattr(os, "replace", real)
    # old provenance, new table: mismatched until recovered; the pending record completes it
    assert json.loads(out.with_name(out.name + PROVENANCE_SUFFIX).read_text())["run"] == 1
    assert recover_output(out) == "completed"
    assert verify_output(out)["run"] == 2
    check_output_path(out)  # the rerun accepts its own file


def test_kill_before_table_is_dropped(tmp_path, monkeypatch):
    out = tmp_path / "counts.csv"
    write_table_atomic(_df().head(1), out, provenance={"run": 1})
    real = os.replace

    def killed(src, dst):
        if Path(dst) == out:
            raise KeyboardInterrupt
        real(src, dst)

    monkeypatch.setattr(os, "replace", killed)
    with pytest.raises(KeyboardInterrupt):
        write_table_atomic(_df(), out, provenance={"run": 2})
    monkeypatch.setattr(os, "replace", real)
    assert recover_output(out) == "dropped"
    assert verify_output(out)["run"] == 1


def test_edited_output_is_reported(tmp_path):
    out = tmp_path / "counts.csv"
    write_table_atomic(_df(), out, provenance={})
    out.write_text("a\n9\n")
    with pytest.raises(OutputExistsError, match="does not match its provenance"):
        verify_output(out)


# ---------------------------------------------------------------- spreadsheet formula injection
# OWASP, "CSV Injection" (https://owasp.org/www-community/attacks/CSV_Injection): a cell that
# begins with = + - @ tab or carriage return is run as a formula by spreadsheets; prefix it
# with a single quote. Expected bytes below are written by hand from that rule.
def _hostile_df():
    import pandas as pd

    return pd.DataFrame({"text": ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)",
                                  "\tx", "\rx", "a=b", None],
                         "shift": [-0.25, 1.0, -3.0, 0.0, 2.0, 0.5, 1.5, -1.0]})


def test_csv_cells_starting_like_formulas_are_escaped(tmp_path):
    from frameshift.files import write_table

    df = _hostile_df().drop(index=5)  # (the carriage-return row: next test)
    out = write_table(df, tmp_path / "t.csv")
    assert out.read_bytes() == (
        b"text,shift\n"
        b"\"'=HYPERLINK(\"\"http://x\"\")\",-0.25\n"
        b"'+1,1.0\n"
        b"'-2+3,-3.0\n"
        b"'@SUM(A1),0.0\n"
        b"'\tx,2.0\n"
        b"a=b,1.5\n"
        b",-1.0\n")


def test_a_lone_carriage_return_quotes_every_text_field(tmp_path):
    import pandas as pd

    from frameshift.files import write_table

    # The csv module quotes a field holding "\n" but not one holding a lone "\r", which CSV
    # readers take for a line break: the row would be cut in two on reading.
    out = write_table(_hostile_df(), tmp_path / "t.csv")
    assert out.read_bytes() == (
        b'"text","shift"\n'
        b'"\'=HYPERLINK(""http://x"")",-0.25\n'
        b'"\'+1",1.0\n'
        b'"\'-2+3",-3.0\n'
        b'"\'@SUM(A1)",0.0\n'
        b'"\'\tx",2.0\n'
        b'"\'\rx",0.5\n'
        b'"a=b",1.5\n'
        b'"",-1.0\n')
    back = pd.read_csv(out)
    assert len(back) == 8 and back["text"][5] == "'\rx" and back["shift"][0] == -0.25


def test_csv_escaping_can_be_turned_off(tmp_path):
    from frameshift.files import write_table_atomic

    out = write_table_atomic(_hostile_df().head(3), tmp_path / "t.csv", provenance={},
                             escape_formulas=False)
    assert out.read_bytes() == (b"text,shift\n\"=HYPERLINK(\"\"http://x\"\")\",-0.25\n"
                                b"+1,1.0\n-2+3,-3.0\n")


def test_numbers_in_text_columns_and_column_names(tmp_path):
    import pandas as pd

    from frameshift.files import write_table

    df = pd.DataFrame({"=cat": ["-5", "x"], "mixed": [-5, "-five"],
                       "n": pd.array([-1, None], dtype="Int64")})
    out = write_table(df, tmp_path / "t.csv")
    # a text "-5" is text (escaped); the number -5 in a mixed column and Int64 -1 are numbers
    assert out.read_bytes() == b"'=cat,mixed,n\n'-5,-5,-1\nx,'-five,\n"


def test_cli_out_and_stdout_escape_and_no_escape_formulas(tmp_path):
    import subprocess

    (tmp_path / "a.txt").write_text('=1+1 headline\n\nBaku said "-2+3 is fine".\n')
    exe = [sys.executable, "-m", "frameshift", "quotes", "a.txt"]
    run = lambda *extra: subprocess.run(exe + list(extra), cwd=tmp_path, capture_output=True,  # noqa: E731
                                        text=True, check=True)
    out = run().stdout
    assert "\n" + "a,0,13,headline,a,a/undated,'=1+1 headline," in out
    assert ",'-2+3 is fine," in out
    run("--out", "seg.csv")
    assert ",'=1+1 headline," in (tmp_path / "seg.csv").read_text()
    raw = run("--no-escape-formulas").stdout
    assert ",=1+1 headline," in raw and ",-2+3 is fine," in raw


# --- item 4 of the audit: our own escaped outputs read back as written (the escape undone
# only when the provenance beside the file says it was escaped and holds the file's hash)
_ROUND = ["=1+2", "'=x", "''@y", "+33 6 12", "-- he said", "@SUM(A1)", "'quoted'", "fine",
          "it's = fine"]


def test_escape_is_undone_exactly():
    import pandas as pd

    from frameshift.files import escape_formulas, unescape_formulas

    df = pd.DataFrame({"text": _ROUND, "n": range(len(_ROUND))})
    esc = escape_formulas(df)["text"].tolist()
    # by hand: one more quote before each cell whose first character after its quotes is
    # = + - @ (OWASP's leads); the others as they are
    assert esc == ["'=1+2", "''=x", "'''@y", "'+33 6 12", "'-- he said", "'@SUM(A1)",
                   "'quoted'", "fine", "it's = fine"]
    assert unescape_formulas(escape_formulas(df)).equals(df)


def test_own_csv_outputs_read_back_unchanged(tmp_path):
    import pandas as pd

    import frameshift as fs
    from frameshift.files import formulas_escaped, write_table

    df = pd.DataFrame({"id": [f"s{i}" for i in range(len(_ROUND))], "actor": "a",
                       "text": _ROUND})
    out = write_table(df, tmp_path / "statements.csv")
    assert "'=1+2" in out.read_text() and formulas_escaped(out)
    back = fs.read_corpus(out, id_col="id", text_col="text", actor_col="actor")
    assert back.statements["text"].tolist() == _ROUND
    # the same file edited by hand (another hash): read as it stands, quotes kept
    out.write_text(out.read_text().replace("fine", "good"))
    assert not formulas_escaped(out)
    kept = fs.read_corpus(out, id_col="id", text_col="text", actor_col="actor")
    assert kept.statements["text"].tolist()[0] == "'=1+2"


def test_quotes_output_reads_back_as_segments(tmp_path):
    import subprocess

    import frameshift as fs

    (tmp_path / "a.txt").write_text('=1+1 headline\n\nBaku said "-2+3 is fine".\n')
    subprocess.run([sys.executable, "-m", "frameshift", "quotes", "a.txt", "--out", "seg.csv"],
                   cwd=tmp_path, capture_output=True, text=True, check=True)
    assert "'=1+1 headline" in (tmp_path / "seg.csv").read_text()
    seg = fs.read_segments(tmp_path / "seg.csv")
    assert seg["text"].tolist()[:3] == ["=1+1 headline", "Baku said", "-2+3 is fine"]
    text = (tmp_path / "a.txt").read_text()
    # offsets and text agree again (what evaluate_segmentation and corpus_from_segments check)
    assert [text[a:b] for a, b in zip(seg["start"], seg["end"])][:3] == seg["text"].tolist()[:3]


def test_excel_cells_are_text_not_formulas(tmp_path):
    openpyxl = pytest.importorskip("openpyxl")
    from frameshift.files import write_table

    out = write_table(_hostile_df().head(2), tmp_path / "t.xlsx")
    ws = openpyxl.load_workbook(out).active
    assert ws["A2"].value == "'=HYPERLINK(\"http://x\")" and ws["A2"].data_type == "s"
    assert ws["B2"].value == -0.25


# ---------------------------------------------------------------- a killed `figures` run
def test_rerun_after_killed_figures_run_replaces_its_own_files(tmp_path):
    import signal
    import subprocess
    import time

    out = tmp_path / "figs"
    cmd = [sys.executable, "-m", "frameshift", "figures", "--out", str(out)]
    env = {**os.environ, "MPLBACKEND": "Agg"}
    proc = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.time() + 300
    try:  # kill it once the first figure's files are written, before the manifest
        while not (out / "karabakh_profile.csv").exists():
            assert proc.poll() is None and time.time() < deadline, "figures ended early"
            time.sleep(0.05)
    finally:
        proc.send_signal(signal.SIGKILL)
        proc.wait()
    assert not (out / "manifest.json").exists()  # killed mid-run: partial files only
    # a user's file under the name of a figure the killed run had not written yet
    user = out / "inaugural_keyness.png"
    assert not user.exists()
    user.write_bytes(b"my own picture")
    r = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert r.returncode == 2 and "inaugural_keyness.png" in r.stderr
    assert "karabakh_profile" not in r.stderr  # its own partial files were not refused
    assert user.read_bytes() == b"my own picture"
    user.unlink()
    r = subprocess.run(cmd, env=env, capture_output=True, text=True)
    assert r.returncode == 0, r.stderr
    assert (out / "manifest.json").exists() and not (out / ".manifest.json.pending").exists()


# ---------------------------------------------------------------- arguments of public functions
# Each call passes a wrong type; the toolkit's own error must name the argument (words written
# by hand), never a TypeError/AttributeError from pandas, numpy or pathlib.
_BAD_CALLS = [
    ("tokenize", ("one text",), "texts"),
    ("tokenize", ([None],), "texts[0]"),
    ("tokenize_text", (None,), "text"),
    ("word_spans", (42,), "text"),
    ("sentence_spans", (b"bytes",), "text"),
    ("corpus_tokens", ("karabakh_2023",), "corpus"),
    ("count_matches", (None,), "corpus"),
    ("frame_profiles", ("counts.csv",), "counts"),
    ("make_pairs", (None,), "statements"),
    ("g2", (["a"], [1], 10, 10), "counts"),
    ("jsd", ("p", "q"), "distribution"),
    ("wilson_interval", (None, 10), "successes"),
    ("wilson_interval", (3, "ten"), "n"),
    ("rate_diff_interval", (object(), [1], 10, 10), "counts_a"),
    ("read_actors", (None,), "path"),
    ("read_segments", (None,), "path"),
    ("write_table", (None, "out.csv"), "df"),
    ("write_table", ("not a table", None), "path"),
    ("segment_article", (None,), "text"),
    ("plot_profile", (None,), "table"),
    ("save_figure", (None, None), "path"),
]


@pytest.mark.parametrize("name,args,word", _BAD_CALLS,
                         ids=[f"{n}-{w}" for n, _, w in _BAD_CALLS])
def test_public_functions_name_the_wrong_argument(name, args, word, tmp_path, monkeypatch):
    import frameshift as fs
    from frameshift.errors import FrameshiftError

    monkeypatch.chdir(tmp_path)
    with pytest.raises(FrameshiftError) as err:
        getattr(fs, name)(*args)
    msg = str(err.value)
    assert word in msg and "must be" in msg, msg
    assert "\n" not in msg  # one line, no traceback text
