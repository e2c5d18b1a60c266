"""Tests of frameshift.files: atomic writes, refusal to overwrite, provenance, reproducibility."""

import hashlib
import json
import os
import stat
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

import frameshift
from frameshift import read_corpus
from frameshift.files import (PROVENANCE_SUFFIX, atomic_write_bytes, check_output_path, provenance, write_table_atomic)
from frameshift.files import corpus_dir
from frameshift.errors import OutputExistsError

REPO = Path(__file__).resolve().parent.parent


def _leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --------------------------------------------------------------------------- atomic writes
def test_atomic_write_creates_and_replaces(tmp_path):
    path = tmp_path / "sub" / "out.csv"
    atomic_write_bytes(path, b"one\n")
    assert path.read_bytes() == b"one\n"
    atomic_write_bytes(path, b"two\n")
    assert path.read_bytes() == b"two\n"
    assert _leftovers(path.parent) == []


def test_failed_write_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "out.csv"
    path.write_bytes(b"precious\n")

    def boom(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", boom)
    with pytest.raises(OSError, match="No space left"):
        atomic_write_bytes(path, b"new contents\n")
    assert path.read_bytes() == b"precious\n"
    assert _leftovers(tmp_path) == []


def test_new_file_has_normal_permissions(tmp_path):
    umask = os.umask(0o022)
    try:
        atomic_write_bytes(tmp_path / "a.csv", b"x")
    finally:
        os.umask(umask)
    assert stat.S_IMODE((tmp_path / "a.csv").stat().st_mode) == 0o644


def test_replaced_file_keeps_its_permissions(tmp_path):
    path = tmp_path / "a.csv"
    path.write_bytes(b"old")
    path.chmod(0o640)
    atomic_write_bytes(path, b"new")
    assert stat.S_IMODE(path.stat().st_mode) == 0o640


# --------------------------------------------------------------------------- refusals
def test_foreign_file_needs_force(tmp_path):
    path = tmp_path / "out.csv"
    path.write_bytes(b"someone else's\n")
    with pytest.raises(OutputExistsError, match=r"out\.csv: exists and was not written by "
                                                r"frameshift \(no out\.csv\.provenance\.json\)\. "
                                                r"Choose another path, or pass --force"):
        check_output_path(path)
    assert check_output_path(path, force=True) == path
    (tmp_path / ("out.csv" + PROVENANCE_SUFFIX)).write_text("{}")
    assert check_output_path(path) == path  # ours: overwritten freely


def test_a_named_pipe_or_device_is_never_replaced_by_an_output(tmp_path):
    # The write renames a temporary file into place: at a FIFO or a device (/dev/null) that
    # would replace the FIFO or device itself, so it is refused, --force or not.
    fifo = tmp_path / "pipe.csv"
    os.mkfifo(fifo)
    for force in (False, True):
        with pytest.raises(OutputExistsError, match=r"pipe\.csv: is a named pipe \(FIFO\), not a "
                                                    r"regular file.*even with --force"):
            check_output_path(fifo, force=force)
    with pytest.raises(OutputExistsError, match=r"is a named pipe"):
        write_table_atomic(pd.DataFrame({"a": [1]}), fifo, provenance={}, force=True)
    with pytest.raises(OutputExistsError, match=r"is a named pipe"):
        atomic_write_bytes(fifo, b"x")
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe.csv"]


def test_folder_is_not_an_output(tmp_path):
    with pytest.raises(OutputExistsError, match=r"is a folder\. Give a file name"):
        check_output_path(tmp_path, force=True)


def test_inputs_are_never_outputs(tmp_path):
    data = tmp_path / "corpus.csv"
    data.write_text("id,text\n1,x\n")
    folder = tmp_path / "texts"
    folder.mkdir()
    for target, inputs in ((data, [data]), (folder / "out.csv", [folder]),
                           (tmp_path / "link.csv", [data])):
        if target.name == "link.csv":
            target.symlink_to(data)
        with pytest.raises(OutputExistsError, match="frameshift never writes into its inputs"):
            check_output_path(target, inputs=inputs, force=True)
    # a bundled corpus name is not a path, and other outputs are fine
    assert check_output_path(tmp_path / "x.csv", inputs=["karabakh_2023", None])


def test_bundled_corpus_folder_is_never_an_output():
    for target in (corpus_dir() / "karabakh_2023" / "x.csv", corpus_dir() / "new.csv"):
        with pytest.raises(OutputExistsError, match="inside the bundled corpus folder"):
            check_output_path(target, force=True)


# --------------------------------------------------------------------------- provenance
def test_provenance_record(tmp_path):
    corpus = read_corpus("karabakh_2023")

    class Lex:
        name, version = "toy", "1.2"

        def fingerprint(self):
            return "abc"

    rec = provenance(corpus=corpus, lexicon=Lex(), settings={"case_sensitive": False})
    assert rec["package"] == "frameshift" and rec["version"] == frameshift.__version__
    assert rec["corpus"] == {"name": "karabakh_2023", "sha256": corpus.fingerprint(),
                             "statements": 3}
    assert rec["lexicon"] == {"name": "toy", "version": "1.2", "sha256": "abc"}
    assert rec["settings"] == {"case_sensitive": False}


def test_written_table_records_its_provenance(tmp_path):
    df = pd.DataFrame({"actor": ["a", "b"], "n": [0, 3]})
    path = write_table_atomic(df, tmp_path / "t.csv", provenance={"settings": {"k": 1}})
    data = path.read_bytes()
    assert data == b"actor,n\na,0\nb,3\n"
    rec = json.loads((tmp_path / "t.csv.provenance.json").read_text())
    assert rec["output"] == {"file": "t.csv", "sha256": hashlib.sha256(data).hexdigest(),
                             "rows": 2, "columns": ["actor", "n"], "formulas_escaped": True}
    assert rec["settings"] == {"k": 1}
    first = (data, (tmp_path / "t.csv.provenance.json").read_bytes())
    write_table_atomic(df, tmp_path / "t.csv", provenance={"settings": {"k": 1}})
    assert (path.read_bytes(), (tmp_path / "t.csv.provenance.json").read_bytes()) == first


def test_corpus_fingerprint_is_content_based(tmp_path):
    a = read_corpus("karabakh_2023").fingerprint()
    assert a == read_corpus("karabakh_2023").fingerprint()
    assert len(a) == 64
    p = tmp_path / "s.csv"
    p.write_text("id,text\n1,x\n")
    f1 = read_corpus(p).fingerprint()
    p.write_text("id,text\n1,y\n")
    assert read_corpus(p).fingerprint() != f1


def test_outputs_identical_across_hash_seeds(tmp_path):
    """The same command gives the same bytes, whatever PYTHONHASHSEED is."""
    outs = []
    for seed in ("0", "12345"):
        out = tmp_path / f"k{seed}.csv"
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(REPO))
        res = subprocess.run([sys.executable, "-m", "frameshift", "keyness", "--by", "actor",
                              "--target", "nk_authorities", "--top", "20", "--out", str(out)],
                             capture_output=True, text=True, env=env, cwd=tmp_path, timeout=120)
        assert res.returncode == 0, res.stderr
        prov = json.loads(out.with_name(out.name + PROVENANCE_SUFFIX).read_text())
        prov["output"].pop("file")
        outs.append((out.read_bytes(), prov))
    assert outs[0] == outs[1]
    assert outs[0][1]["corpus"]["sha256"] == read_corpus("karabakh_2023").fingerprint()
