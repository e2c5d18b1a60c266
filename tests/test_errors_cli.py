"""Every bad input gets a clear answer, from the command line and from Python, and no input is
changed: message text, exit status 2 (no traceback; ``--debug`` shows it), files unchanged."""

import hashlib
import os
import subprocess
import sys
from pathlib import Path

import pytest

from frameshift import read_corpus
from frameshift.cli import main
from frameshift.files import corpus_dir
from frameshift.errors import (CorpusError, EncodingError, FrameshiftError, InputNotFoundError, LexiconError, OptionError, OutputExistsError, UnknownLexiconError)
from frameshift.measures.key_terms import keyness
from frameshift.lexicon.formats import read_lexicon
from frameshift.measures.shifts import shift

REPO = Path(__file__).resolve().parent.parent

LEXICON_OK = """name: t
categories:
  - id: a
    label: A
    patterns:
      - coercion
"""

# name: (files to write, argv (with {tmp}), message regex, Python call, exception class)
CASES = {
    "missing file": (
        {}, ["corpus", "info", "{tmp}/missing.csv"],
        r"missing\.csv: no such file or folder, and not a bundled corpus\. Give the path",
        lambda tmp: read_corpus(tmp / "missing.csv"), InputNotFoundError),
    "missing folder": (
        {}, ["corpus", "info", "{tmp}/no_such_dir/"],
        r"no_such_dir/?: no such file or folder, and not a bundled corpus.*inaugural, "
        r"karabakh_2023",
        lambda tmp: read_corpus(tmp / "no_such_dir"), InputNotFoundError),
    "empty file": (
        {"empty.csv": b""}, ["corpus", "info", "{tmp}/empty.csv"],
        r"empty\.csv: the file is empty\. Expected a header row and one statement per row\.",
        lambda tmp: read_corpus(tmp / "empty.csv"), CorpusError),
    "missing text column": (
        {"s.csv": b"id,speech,actor\n1,Hello.,a\n"}, ["corpus", "info", "{tmp}/s.csv"],
        r"s\.csv:1: no text column; the columns are: id, speech, actor\. Name the text column "
        r"with text_col= \(--text-col on the command line\)",
        lambda tmp: read_corpus(tmp / "s.csv"), CorpusError),
    "missing id column": (
        {"s.csv": b"who,text\n1,Hello.\n"}, ["corpus", "info", "{tmp}/s.csv"],
        r"s\.csv:1: no id column; the columns are: who, text\.",
        lambda tmp: read_corpus(tmp / "s.csv"), CorpusError),
    "duplicate ids": (
        {"s.csv": b"id,text\na,One.\na,Two.\n"}, ["corpus", "info", "{tmp}/s.csv"],
        r"s\.csv:3: duplicate id 'a' \(first at line 2\)\. Ids must be unique",
        lambda tmp: read_corpus(tmp / "s.csv"), CorpusError),
    "non-UTF-8": (
        {"s.csv": b"id,text\n1,caf\xe9 au lait\n"}, ["corpus", "info", "{tmp}/s.csv"],
        r"s\.csv:2: byte 13 \(0xe9, line 2 column 6\) is not valid UTF-8.*Re-save the file "
        r"as UTF-8",
        lambda tmp: read_corpus(tmp / "s.csv"), EncodingError),
    "lexicon YAML syntax": (
        {"lex.yml": LEXICON_OK.replace("- coercion", "[coercion").encode()},
        ["shift", "--lexicon", "{tmp}/lex.yml", "--n-boot", "0", "--n-perm", "0"],
        # the issue asks for line AND column of a YAML syntax error
        r"lex\.yml:\d+:\d+: invalid YAML",
        lambda tmp: read_lexicon(tmp / "lex.yml"), LexiconError),
    "lexicon empty category": (
        {"lex.yml": LEXICON_OK.replace("    patterns:\n      - coercion\n",
                                       "    patterns: []\n").encode()},
        ["shift", "--lexicon", "{tmp}/lex.yml", "--n-boot", "0", "--n-perm", "0"],
        r"lex\.yml:3: category 'a' has no patterns\. Add patterns or remove the category\.",
        lambda tmp: read_lexicon(tmp / "lex.yml"), LexiconError),
    "lexicon invalid regex": (
        {"lex.yml": LEXICON_OK.replace("- coercion", '- "re:coerc(ion"').encode()},
        ["shift", "--lexicon", "{tmp}/lex.yml", "--n-boot", "0", "--n-perm", "0"],
        r"lex\.yml:6: category 'a': pattern 're:coerc\(ion' is not a valid regular expression",
        lambda tmp: read_lexicon(tmp / "lex.yml"), LexiconError),
    "lexicon catastrophic regex": (
        {"lex.yml": LEXICON_OK.replace("- coercion", '- "re:(a+)+b"').encode()},
        ["shift", "--lexicon", "{tmp}/lex.yml", "--n-boot", "0", "--n-perm", "0"],
        r"lex\.yml:6: category 'a': pattern 're:\(a\+\)\+b' is a dangerous regular "
        r"expression: a quantifier is nested inside another quantifier",
        lambda tmp: read_lexicon(tmp / "lex.yml"), LexiconError),
    "lexicon non-UTF-8 with BOM": (
        # BOM (3 bytes) + 68 bytes of YAML, then 0xe9 ("é" in Windows-1252) on line 6
        {"lex.yml": b"\xef\xbb\xbf" + LEXICON_OK.replace("coercion", "caf\xe9").encode("latin-1")},
        ["count", "--lexicon", "{tmp}/lex.yml"],
        r"lex\.yml:6: byte 71\b.*UTF-8",
        lambda tmp: read_lexicon(tmp / "lex.yml"), EncodingError),
    "unknown lexicon name": (
        {}, ["shift", "--lexicon", "no_such_lexicon", "--n-boot", "0", "--n-perm", "0"],
        r"no_such_lexicon: no such file, and not a bundled lexicon\..*bundled lexicons: "
        r"karabakh_framing",
        lambda tmp: read_lexicon("no_such_lexicon"), UnknownLexiconError),
    "unknown --by column": (
        {}, ["keyness", "--by", "speaker", "--target", "x"],
        r"--by 'speaker' is not a column of the corpus\. Valid columns: statement_id, actor",
        lambda tmp: keyness(read_corpus("karabakh_2023"), by="speaker", target="x"),
        OptionError),
    "unknown --target value": (
        {}, ["keyness", "--by", "actor", "--target", "yerevan"],
        r"--target 'yerevan' is not a value of column 'actor'\. Valid values: az_presidency, "
        r"commonspace, nk_authorities",
        lambda tmp: keyness(read_corpus("karabakh_2023"), by="actor", target="yerevan"),
        OptionError),
    "unknown --from statement": (
        {}, ["shift", "--from", "baku/2023-01-01", "--to", "commonspace/2023-03-28",
             "--n-boot", "0", "--n-perm", "0"],
        r"--from 'baku/2023-01-01' is not a statement id of the corpus\. Valid ids: "
        r"az_presidency/2023-03-27",
        lambda tmp: shift(read_corpus("karabakh_2023"), read_lexicon("karabakh_framing"),
                          pairs=[("baku/2023-01-01", "commonspace/2023-03-28")],
                          n_boot=0, n_perm=0),
        OptionError),
}


def _hashes(*folders) -> dict:
    out = {}
    for folder in folders:
        for p in sorted(Path(folder).rglob("*")):
            if p.is_file():
                out[str(p)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def _setup(tmp_path, files):
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)


def run_cli(argv, capsys):
    try:
        status = main(argv)
    except SystemExit as exc:  # argparse usage errors
        status = exc.code
    out, err = capsys.readouterr()
    return status, out, err


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_on_the_command_line(case, tmp_path, capsys):
    files, argv, message, _, _ = CASES[case]
    _setup(tmp_path, files)
    before = _hashes(tmp_path, corpus_dir())
    status, out, err = run_cli([a.format(tmp=tmp_path) for a in argv], capsys)
    assert status == 2, (case, out, err)
    assert err.startswith("frameshift: error: "), err
    assert "Traceback" not in err
    import re
    assert re.search(message, err, flags=re.S), (case, err)
    assert len(err.strip().splitlines()) <= 5, f"{case}: the message should be a few lines"
    assert _hashes(tmp_path, corpus_dir()) == before, f"{case}: an input file was changed"


@pytest.mark.parametrize("case", list(CASES))
def test_bad_input_from_python(case, tmp_path):
    files, _, message, call, exc_class = CASES[case]
    _setup(tmp_path, files)
    before = _hashes(tmp_path, corpus_dir())
    with pytest.raises(exc_class, match=message) as info:
        call(tmp_path)
    err = info.value
    assert isinstance(err, FrameshiftError)
    assert isinstance(err, (ValueError, OSError)), "errors subclass ValueError or OSError"
    assert _hashes(tmp_path, corpus_dir()) == before


def test_error_classes_fit_the_builtin_hierarchy():
    assert issubclass(InputNotFoundError, FileNotFoundError)
    assert issubclass(EncodingError, ValueError)
    assert issubclass(CorpusError, ValueError)
    assert issubclass(UnknownLexiconError, LookupError)
    assert issubclass(OutputExistsError, FileExistsError)


def test_subprocess_prints_one_line_and_no_traceback(tmp_path):
    bad = tmp_path / "s.csv"
    bad.write_bytes(b"id,text\n1,caf\xe9\n")
    env = dict(os.environ, PYTHONPATH=str(REPO))
    res = subprocess.run([sys.executable, "-m", "frameshift", "corpus", "info", str(bad)],
                         capture_output=True, text=True, cwd=tmp_path, env=env, timeout=60)
    assert res.returncode == 2
    assert res.stdout == ""
    assert res.stderr.startswith(f"frameshift: error: {bad}:2: byte 13 (0xe9")
    assert "Traceback" not in res.stderr
    assert bad.read_bytes() == b"id,text\n1,caf\xe9\n"


@pytest.mark.parametrize("where", ["before", "after"])
def test_debug_flag_reraises(where, tmp_path):
    argv = ["corpus", "info", str(tmp_path / "missing.csv")]
    argv = ["--debug"] + argv if where == "before" else argv + ["--debug"]
    with pytest.raises(InputNotFoundError, match="missing.csv: no such file"):
        main(argv)


def test_validate_exit_status(tmp_path, capsys):
    good = tmp_path / "good.csv"
    good.write_text("id,text\na,Words.\nb,\n")
    status, out, err = run_cli(["corpus", "validate", str(good)], capsys)
    assert status == 0
    assert "warning: " in out and "statement 'b' has no text" in out
    assert out.strip().endswith("ok: <Corpus 'good': 2 statements, 0 actors>")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,date,text\na,soon,x\na,2023-01-01,y\n")
    status, out, err = run_cli(["corpus", "validate", str(bad)], capsys)
    assert status == 1, "validate reports problems in the data with status 1"
    assert "2 problem(s)" in out
    assert "bad.csv:2: cannot read the date 'soon'" in out
    assert "bad.csv:3: duplicate id 'a' (first at line 2)" in out
    assert err == ""
    status, out, err = run_cli(["corpus", "validate", str(tmp_path / "nope.csv")], capsys)
    assert status == 2, "a path that cannot be checked at all is an error (status 2)"
    assert err.startswith("frameshift: error: ")
    status, out, _ = run_cli(["corpus", "validate", "karabakh_2023"], capsys)
    assert status == 0 and "ok: <Corpus 'karabakh_2023': 3 statements" in out


def test_empty_statement_warning_on_the_command_line(tmp_path, capsys):
    path = tmp_path / "s.csv"
    path.write_text("id,text\na,Hello there.\nb,\n")
    status, out, err = run_cli(["corpus", "info", str(path)], capsys)
    assert status == 0
    assert err.startswith(f"frameshift: warning: {path}:3: statement 'b' has no text; it is "
                          f"kept and counted as 0 tokens.\n")
    assert err.count("frameshift: warning") == 1
    assert "2 tokens in 2 statements" in err  # the summary; the CSV is on stdout
    assert out.splitlines()[0] == "statement_id,actor,date,tokens,opening"


def test_usage_error_exits_2(capsys):
    status, out, err = run_cli(["corpus", "info", "--no-such-option"], capsys)
    assert status == 2 and "unrecognized arguments: --no-such-option" in err


def test_foreign_output_not_overwritten_without_force(tmp_path, capsys):
    out_path = tmp_path / "result.csv"
    out_path.write_bytes(b"my own notes\n")
    argv = ["shift", "--n-boot", "0", "--n-perm", "0", "--out", str(out_path)]
    status, _, err = run_cli(argv, capsys)
    assert status == 2
    assert "result.csv: exists and was not written by frameshift (no " \
           "result.csv.provenance.json). Choose another path, or pass --force" in err
    assert out_path.read_bytes() == b"my own notes\n"
    status, _, _ = run_cli(argv + ["--force"], capsys)
    assert status == 0
    assert out_path.read_bytes().startswith(b"from,to,measure,category,value")
    assert (tmp_path / "result.csv.provenance.json").is_file()
    # now the file is ours: writing again needs no --force
    status, _, _ = run_cli(argv, capsys)
    assert status == 0


def test_output_into_an_input_is_refused(tmp_path, capsys):
    corpus = tmp_path / "s.csv"
    corpus.write_text("id,actor,text\na,x,We reject coercion.\nb,y,Coercion again.\n")
    before = corpus.read_bytes()
    status, _, err = run_cli(["shift", "--corpus", str(corpus), "--n-boot", "0", "--n-perm",
                              "0", "--out", str(corpus), "--force"], capsys)
    assert status == 2
    assert "frameshift never writes into its inputs" in err
    assert corpus.read_bytes() == before


def test_output_into_bundled_corpus_is_refused(capsys):
    target = corpus_dir() / "karabakh_2023" / "shift.csv"
    status, _, err = run_cli(["shift", "--n-boot", "0", "--n-perm", "0", "--out", str(target),
                              "--force"], capsys)
    assert status == 2
    assert "frameshift never writes" in err
    assert not target.exists()
