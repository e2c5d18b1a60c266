"""The cache of parsed lexicon files (issue 20, ``frameshift/lexicon/cache.py``): a file read
again is not parsed again, and the cache never gives the lexicon of another text -- an edited
file (even with its size and modification time put back), other options, another parser
version, a damaged or foreign entry all lead to a fresh parse."""

import os
import subprocess
import sys
import warnings

import pytest
from frameshift.errors import LexiconError
from frameshift.lexicon import LexiconWarning, cache, formats, read_lexicon


@pytest.fixture
def folder(tmp_path, monkeypatch):
    d = tmp_path / "cache"
    monkeypatch.setenv(cache.ENV, str(d))
    return d


def _lexicon_text(word="coercion", n=600):
    # more than MIN_CHARS characters: n filler words in a second category
    filler = "\n".join(f"      - filler{i:04d}" for i in range(n))
    return ("name: test\ncategories:\n  - id: pressure\n    patterns:\n"
            f"      - {word}\n      - ready-made solutions\n"
            f"  - id: filler\n    patterns:\n{filler}\n")


def _no_parse(monkeypatch):
    """Make a parse of a frameshift YAML file fail, so that a read that succeeds came from
    the cache."""
    def fail(*a, **k):
        raise AssertionError("parsed although cached")

    monkeypatch.setattr(formats, "_read_frameshift_yaml", fail)


def _words(lex, category):
    return [p.text for p in lex[category].patterns]


def test_second_read_comes_from_the_cache(folder, tmp_path, monkeypatch):
    f = tmp_path / "lex.yml"
    f.write_text(_lexicon_text(), encoding="utf-8")
    assert len(f.read_text()) >= cache.MIN_CHARS
    first = read_lexicon(f)
    assert len(list(folder.glob("*.pickle"))) == 1
    _no_parse(monkeypatch)
    again = read_lexicon(f)
    assert _words(again, "pressure") == ["coercion", "ready-made solutions"]
    assert again.fingerprint() == first.fingerprint()
    assert again.path == f
    assert again["pressure"].patterns[1].words == ("ready-made", "solutions")
    assert again["pressure"].patterns[1].line == 6  # the line in the file, as parsed
    # levels apply to the cached lexicon as to a parsed one
    assert read_lexicon(f, levels=[1]).category_ids == ["pressure", "filler"]


def test_an_edited_file_is_parsed_again_even_with_the_same_size_and_time(folder, tmp_path):
    f = tmp_path / "lex.yml"
    f.write_text(_lexicon_text("coercion"), encoding="utf-8")
    st = os.stat(f)
    assert _words(read_lexicon(f), "pressure")[0] == "coercion"
    # same length, modification time restored: only the content tells the two apart
    f.write_text(_lexicon_text("blockade"), encoding="utf-8")
    os.utime(f, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert os.stat(f).st_size == st.st_size and os.stat(f).st_mtime_ns == st.st_mtime_ns
    assert _words(read_lexicon(f), "pressure")[0] == "blockade"
    # one entry per file and options: the edit replaced it
    assert len(list(folder.glob("*.pickle"))) == 1


def test_an_edit_that_breaks_the_file_is_reported(folder, tmp_path):
    f = tmp_path / "lex.yml"
    f.write_text(_lexicon_text(), encoding="utf-8")
    read_lexicon(f)
    f.write_text(_lexicon_text().replace("- coercion", "- re:(a+)+"), encoding="utf-8")
    with pytest.raises(LexiconError, match="dangerous regular expression"):
        read_lexicon(f)


def test_other_options_and_another_parser_are_other_entries(folder, tmp_path, monkeypatch):
    f = tmp_path / "lex.yml"
    f.write_text(_lexicon_text(), encoding="utf-8")
    read_lexicon(f)
    read_lexicon(f, strict=False)
    read_lexicon(f, format="frameshift")
    assert len(list(folder.glob("*.pickle"))) == 3
    # a changed parser (frameshift's version or its lexicon modules) never reads them
    monkeypatch.setattr(cache, "_code_stamp", lambda: ("another version",))
    calls = []
    real = formats._read_frameshift_yaml
    monkeypatch.setattr(formats, "_read_frameshift_yaml",
                        lambda *a: calls.append(1) or real(*a))
    assert _words(read_lexicon(f), "pressure")[0] == "coercion"
    assert calls == [1]


def test_cache_off(tmp_path, monkeypatch):
    f = tmp_path / "lex.yml"
    f.write_text(_lexicon_text(), encoding="utf-8")
    for off in ("off", "0", "no", "FALSE"):
        monkeypatch.setenv(cache.ENV, off)
        assert cache.cache_dir() is None
        read_lexicon(f)
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    monkeypatch.setenv(cache.ENV, "off")
    read_lexicon(f)
    assert not (tmp_path / "home").exists() and not (tmp_path / "xdg").exists()
    # unset: the user cache folder
    monkeypatch.delenv(cache.ENV)
    assert cache.cache_dir() == tmp_path / "xdg" / "frameshift" / "lexicons"


def test_small_files_and_lexicons_with_warnings_are_not_cached(folder, tmp_path):
    small = tmp_path / "small.yml"
    small.write_text(_lexicon_text(n=3), encoding="utf-8")
    read_lexicon(small)
    assert not folder.exists()
    # a quality problem accepted with strict=False: its warning comes on every read
    f = tmp_path / "dup.yml"
    f.write_text(_lexicon_text().replace("- ready-made solutions", "- coercion"),
                 encoding="utf-8")
    for _ in range(2):
        with pytest.warns(LexiconWarning, match="duplicate pattern 'coercion'"):
            read_lexicon(f, strict=False)
    assert not folder.exists()


@pytest.mark.parametrize("damage", ["truncate", "garbage", "empty", "not a lexicon"])
def test_a_damaged_entry_is_parsed_over(folder, tmp_path, damage):
    import pickle

    f = tmp_path / "lex.yml"
    f.write_text(_lexicon_text(), encoding="utf-8")
    read_lexicon(f)
    (entry,) = folder.glob("*.pickle")
    data = entry.read_bytes()
    head = data.split(b"\n", 2)
    entry.write_bytes({"truncate": data[:len(data) // 2], "garbage": data[:-200] + b"x" * 200,
                       "empty": b"",
                       "not a lexicon": head[0] + b"\n" + head[1] + b"\n" +
                       pickle.dumps({"a": 1})}[damage])
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _words(read_lexicon(f), "pressure")[0] == "coercion"
    # and the entry is written again
    assert entry.read_bytes() == data


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_an_entry_others_can_write_is_not_unpickled(folder, tmp_path, monkeypatch):
    f = tmp_path / "lex.yml"
    f.write_text(_lexicon_text(), encoding="utf-8")
    read_lexicon(f)
    (entry,) = folder.glob("*.pickle")
    assert entry.stat().st_mode & 0o777 == 0o600
    assert folder.stat().st_mode & 0o777 == 0o700
    entry.chmod(0o666)
    calls = []
    real = formats._read_frameshift_yaml
    monkeypatch.setattr(formats, "_read_frameshift_yaml",
                        lambda *a: calls.append(1) or real(*a))
    read_lexicon(f)
    assert calls == [1]


def test_an_unwritable_cache_folder_is_passed_over(tmp_path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("not a folder")
    monkeypatch.setenv(cache.ENV, str(blocker / "cache"))
    f = tmp_path / "lex.yml"
    f.write_text(_lexicon_text(), encoding="utf-8")
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert _words(read_lexicon(f), "pressure")[0] == "coercion"


def test_entries_are_bounded(folder, tmp_path, monkeypatch):
    monkeypatch.setattr(cache, "MAX_ENTRIES", 3)
    for i in range(5):
        f = tmp_path / f"lex{i}.yml"
        f.write_text(_lexicon_text(), encoding="utf-8")
        read_lexicon(f)
    assert len(list(folder.glob("*.pickle"))) == 3
    assert not list(folder.glob(".tmp-*"))


def test_command_line_count_is_the_same_with_and_without_cache(tmp_path):
    # three runs of `frameshift count` in fresh processes: cache off, filling it, from it
    f = tmp_path / "lex.yml"
    f.write_text(_lexicon_text(), encoding="utf-8")
    outs = []
    for setting in ("off", str(tmp_path / "c"), str(tmp_path / "c")):
        env = dict(os.environ, **{cache.ENV: setting})
        res = subprocess.run([sys.executable, "-m", "frameshift", "count", "--lexicon", str(f),
                              "--by", "statement_id"], capture_output=True, env=env,
                             check=True)
        outs.append(res.stdout)
    assert outs[0] == outs[1] == outs[2]
    assert len(list((tmp_path / "c").glob("*.pickle"))) == 1
    # "coercion" occurs in the bundled karabakh_2023 corpus
    assert b",pressure," in outs[0]
