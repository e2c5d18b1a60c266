"""Hostile, broken and odd inputs for frameshift, each with the outcome it must have.

Every case builds its inputs in a fresh folder, runs one ``frameshift`` command (or a short
Python API call) in a subprocess under a time and memory limit, and hashes every file of the
folder (and the outside files it points to) before and after. ``tests/test_hostile.py`` runs
them all; run this file as a script to get the table of outcomes (used for the before/after
numbers of issue 17)::

    python tests/hostile_cases.py [--timeout 60]      # outcome counts by class

A case is handled well when the command exits with status 2, prints one ``frameshift: error:``
line (or a few problem lines under it) naming the file and containing the expected words, no
traceback, and leaves every input unchanged -- or, for inputs that are odd but valid, exits 0
with at most the expected warnings.
"""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

LEX_OK = "name: t\ncategories:\n  - id: a\n    patterns:\n      - coercion\n"
CSV_OK = "id,actor,date,text\ns1,A,2023-01-01,Coercion is here.\ns2,B,2023-01-02,No talks.\n"


@dataclass
class Case:
    name: str
    group: str  # hang / crash / loss / security / weak / other (the classes)
    build: object  # build(folder) -> argv list (CLI) or {"api": code}
    expect: str  # "error" or "ok"
    words: tuple = ()  # words the message (stderr) must contain, case-insensitive
    env: dict = field(default_factory=dict)
    max_stderr_lines: int = 12


CASES: list[Case] = []


def case(name, group, expect="error", *words, env=None, max_stderr_lines=12):
    def deco(fn):
        CASES.append(Case(name, group, fn, expect, tuple(words), env or {}, max_stderr_lines))
        return fn
    return deco


def w(folder: Path, name: str, data) -> Path:
    p = folder / name
    p.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    p.write_bytes(data)
    return p


def corpus_folder(d: Path, manifest: str, statements: str = CSV_OK, sub="c") -> Path:
    w(d, f"{sub}/corpus.yml", manifest)
    if statements is not None:
        w(d, f"{sub}/statements.csv", statements)
    return d / sub


# ---------------------------------------------------------------------- files and devices
@case("named pipe as corpus", "hang", "error", "named pipe")
def _(d):
    os.mkfifo(d / "pipe.csv")
    return ["corpus", "info", "pipe.csv"]


@case("/dev/zero as corpus", "crash", "error", "device")
def _(d):
    os.symlink("/dev/zero", d / "zero.csv")
    return ["corpus", "info", "zero.csv"]


@case("/dev/null as lexicon", "weak", "error", "device")
def _(d):
    w(d, "s.csv", CSV_OK)
    return ["count", "--corpus", "s.csv", "--lexicon", "/dev/null"]


@case("named pipe as lexicon", "hang", "error", "named pipe")
def _(d):
    w(d, "s.csv", CSV_OK)
    os.mkfifo(d / "lex.yml")
    return ["count", "--corpus", "s.csv", "--lexicon", "lex.yml"]


@case("named pipe as actor registry", "hang", "error", "named pipe")
def _(d):
    w(d, "s.csv", CSV_OK)
    os.mkfifo(d / "actors.csv")
    return ["corpus", "info", "s.csv", "--actors", "actors.csv"]


@case("named pipe as article", "hang", "error", "named pipe")
def _(d):
    os.mkfifo(d / "a.txt")
    return ["quotes", "a.txt"]


@case("file over the size limit", "crash", "error", "limit", "FRAMESHIFT_MAX_INPUT_BYTES",
      env={"FRAMESHIFT_MAX_INPUT_BYTES": "1000"})
def _(d):
    w(d, "s.csv", "id,text\n" + "".join(f"s{i},some text here\n" for i in range(200)))
    return ["corpus", "info", "s.csv"]


@case("empty corpus path", "weak", "error", "empty corpus path")
def _(d):
    w(d, "statements.csv", CSV_OK)
    return ["count", "--corpus", ""]


@case("empty lexicon path", "weak", "error", "empty lexicon path")
def _(d):
    w(d, "s.csv", CSV_OK)
    return ["count", "--corpus", "s.csv", "--lexicon", ""]


@case("lexicon folder", "weak", "error", "is a folder")
def _(d):
    w(d, "s.csv", CSV_OK)
    w(d, "lexdir/lex.yml", LEX_OK)
    return ["count", "--corpus", "s.csv", "--lexicon", "lexdir"]


@case("actor registry folder", "weak", "error", "folder")
def _(d):
    w(d, "s.csv", CSV_OK)
    (d / "actors").mkdir()
    return ["corpus", "info", "s.csv", "--actors", "actors"]


@case("symlink loop as actor registry", "crash", "error", "loop.csv")
def _(d):
    w(d, "s.csv", CSV_OK)
    os.symlink("loop.csv", d / "loop.csv")
    return ["corpus", "info", "s.csv", "--actors", "loop.csv"]


@case("UTF-16 corpus", "weak", "error", "UTF-16", "iconv")
def _(d):
    w(d, "s.csv", CSV_OK.encode("utf-16"))
    return ["corpus", "info", "s.csv"]


@case("UTF-32 corpus", "weak", "error", "UTF-32")
def _(d):
    w(d, "s.csv", CSV_OK.encode("utf-32"))
    return ["corpus", "info", "s.csv"]


@case("UTF-16 lexicon", "weak", "error", "UTF-16")
def _(d):
    w(d, "s.csv", CSV_OK)
    w(d, "lex.yml", LEX_OK.encode("utf-16"))
    return ["count", "--corpus", "s.csv", "--lexicon", "lex.yml"]


@case("cp1252 corpus", "other", "error", "not valid UTF-8", "s.csv:2")
def _(d):
    w(d, "s.csv", "id,text\ns1,caf\xe9 cr\xe8me\n".encode("cp1252"))
    return ["corpus", "info", "s.csv"]


# ---------------------------------------------------------------------- delimited files
def _swallow_csv():
    rows = ["id,actor,date,text"]
    for i in range(1, 9):
        text = f'"Text {i}, with a comma."' if i != 3 else '"Text 3 opens a quote and never'
        rows.append(f"s{i},A,2023-01-0{i},{text}")
    return "\n".join(rows) + "\n"


@case("CSV unbalanced quote swallows rows", "loss", "error", "s.csv:4", "quotation mark")
def _(d):
    w(d, "s.csv", _swallow_csv())
    return ["corpus", "info", "s.csv"]


@case("CSV unbalanced quote in count", "loss", "error", "s.csv:4", "quotation mark")
def _(d):
    w(d, "s.csv", _swallow_csv())
    return ["count", "--corpus", "s.csv"]


@case("CSV unbalanced quote in the last row", "loss", "error", "s.csv:3", "not closed")
def _(d):
    w(d, "s.csv", 'id,actor,text\ns1,A,fine\ns2,B,"opens\nand runs\non\n')
    return ["corpus", "info", "s.csv"]


@case("CSV quote unbalanced in a corpus folder", "loss", "error", "statements.csv:4")
def _(d):
    corpus_folder(d, "name: c\n", _swallow_csv())
    return ["corpus", "info", "c"]


@case("multi-line texts with commas are not flagged", "other", "ok")
def _(d):
    w(d, "s.csv", 'id,actor,text\ns1,A,"one, two,\nthree, four, five\nsix"\ns2,B,"x"\n')
    return ["corpus", "info", "s.csv"]


@case("semicolon-separated .csv", "weak", "error", "semicolon", "--sep")
def _(d):
    w(d, "s.csv", CSV_OK.replace(",", ";"))
    return ["corpus", "info", "s.csv"]


@case("tab-separated .csv", "weak", "error", "tab", "--sep")
def _(d):
    w(d, "s.csv", CSV_OK.replace(",", "\t"))
    return ["count", "--corpus", "s.csv"]


@case("semicolon .csv with --sep", "other", "ok")
def _(d):
    w(d, "s.csv", CSV_OK.replace(",", ";"))
    return ["count", "--corpus", "s.csv", "--sep", ";"]


@case("second BOM in a column name", "weak", "ok")
def _(d):
    w(d, "s.csv", "\ufeff\ufeffid,text\ns1,hello\n")
    return ["corpus", "info", "s.csv"]


@case("duplicate ids", "other", "error", "duplicate id", "s.csv:3")
def _(d):
    w(d, "s.csv", "id,text\ns1,a\ns1,b\n")
    return ["corpus", "info", "s.csv"]


@case("ids differing only by case", "weak", "ok", "differ only by case")
def _(d):
    w(d, "s.csv", "id,text\nAB,a\nab,b\n")
    return ["corpus", "info", "s.csv"]


@case("ids differing only by Unicode normalisation", "weak", "ok", "normalisation")
def _(d):
    w(d, "s.csv", "id,text\ncaf\u00e9,a\ncafe\u0301,b\n")
    return ["corpus", "info", "s.csv"]


@case("200,000 empty statements", "weak", "ok", "200000 statements have no text",
      max_stderr_lines=3)
def _(d):
    w(d, "s.csv", "id,text\n" + "".join(f"s{i},\"\"\n" for i in range(200_000)))
    return ["count", "--corpus", "s.csv"]


@case("header only", "other", "error", "no rows")
def _(d):
    w(d, "s.csv", "id,text\n")
    return ["corpus", "info", "s.csv"]


@case("empty CSV", "other", "error", "empty")
def _(d):
    w(d, "s.csv", "")
    return ["corpus", "info", "s.csv"]


@case("blank CSV", "other", "error", "empty")
def _(d):
    w(d, "s.csv", "\n \n\t\n")
    return ["corpus", "info", "s.csv"]


@case("row with extra fields", "other", "error", "s.csv:3", "fields")
def _(d):
    w(d, "s.csv", "id,text\ns1,a\ns2,b,c\n")
    return ["corpus", "info", "s.csv"]


@case("30 February in a CSV", "other", "error", "2023-02-30", "s.csv:2")
def _(d):
    w(d, "s.csv", "id,date,text\ns1,2023-02-30,a\n")
    return ["corpus", "info", "s.csv"]


@case("date out of range", "other", "error", "outside the supported range")
def _(d):
    w(d, "s.csv", "id,date,text\ns1,3000-01-01,a\n")
    return ["corpus", "info", "s.csv"]


@case("no text column", "other", "error", "no text column")
def _(d):
    w(d, "s.csv", "id,body2\ns1,a\n")
    return ["corpus", "info", "s.csv"]


@case("5 MB text in one field", "other", "ok")
def _(d):
    w(d, "s.csv", "id,text\ns1," + "word " * 1_000_000 + "\n")
    return ["count", "--corpus", "s.csv"]


@case("unknown extension", "other", "error", "extension")
def _(d):
    w(d, "s.xlsx", b"PK\x03\x04")
    return ["corpus", "info", "s.xlsx"]


# ---------------------------------------------------------------------- JSON Lines
@case("JSONL lone surrogate", "crash", "error", "s.jsonl:2", "surrogate")
def _(d):
    w(d, "s.jsonl", '{"id": "a", "text": "ok"}\n{"id": "b", "text": "bad \\ud800 here"}\n')
    return ["count", "--corpus", "s.jsonl"]


@case("JSONL lone low surrogate in a key", "crash", "error", "s.jsonl:1", "surrogate")
def _(d):
    w(d, "s.jsonl", '{"id": "a", "text": "ok", "x\\udc00": 1}\n')
    return ["corpus", "info", "s.jsonl"]


@case("JSONL deep nesting", "crash", "error", "s.jsonl:1", "nested too deeply")
def _(d):
    w(d, "s.jsonl", '{"id": "a", "text": "t", "x": ' + "[" * 100_000 + "]" * 100_000 + "}\n")
    return ["corpus", "info", "s.jsonl"]


@case("JSONL 5000-digit number", "crash", "error", "s.jsonl:1")
def _(d):
    w(d, "s.jsonl", '{"id": "a", "text": "t", "n": ' + "9" * 5000 + "}\n")
    return ["corpus", "info", "s.jsonl"]


@case("JSONL id is a mapping", "crash", "error", "s.jsonl:1", "mapping")
def _(d):
    w(d, "s.jsonl", '{"id": {"a": 1}, "text": "t"}\n')
    return ["corpus", "info", "s.jsonl"]


@case("JSONL actor is a list", "crash", "error", "s.jsonl:1", "list")
def _(d):
    w(d, "s.jsonl", '{"id": "a", "actor": ["x", "y"], "text": "t"}\n')
    return ["corpus", "info", "s.jsonl"]


@case("JSONL text is a list", "crash", "error", "s.jsonl:1", "list")
def _(d):
    w(d, "s.jsonl", '{"id": "a", "text": ["t"]}\n')
    return ["count", "--corpus", "s.jsonl"]


@case("JSONL line is an array", "other", "error", "s.jsonl:1", "JSON object")
def _(d):
    w(d, "s.jsonl", '["a", "b"]\n')
    return ["corpus", "info", "s.jsonl"]


@case("JSONL invalid line", "other", "error", "s.jsonl:2", "not valid JSON")
def _(d):
    w(d, "s.jsonl", '{"id": "a", "text": "t"}\n{"id": \n')
    return ["corpus", "info", "s.jsonl"]


# ---------------------------------------------------------------------- text folders
def txt(d, body, name="a.txt", sub="t"):
    w(d, f"{sub}/{name}", body)
    return d / sub


@case("front matter id is a mapping", "crash", "error", "a.txt", "mapping")
def _(d):
    txt(d, "---\nstatement_id: {x: 1}\n---\nText.\n")
    return ["corpus", "info", "t"]


@case("front matter actor is a list", "crash", "error", "a.txt", "list")
def _(d):
    txt(d, "---\nactor: [a, b]\n---\nText.\n")
    return ["corpus", "info", "t"]


@case("front matter 30 February", "crash", "error", "a.txt", "2023-02-30")
def _(d):
    txt(d, "---\ndate: 2023-02-30\n---\nText.\n")
    return ["corpus", "info", "t"]


@case("front matter alias bomb", "hang", "error", "a.txt", "alias")
def _(d):
    txt(d, "---\n" + _bomb_yaml("tags") + "---\nText.\n")
    return ["corpus", "info", "t"]


@case("front matter recursive alias", "crash", "error", "a.txt", "loop")
def _(d):
    txt(d, "---\nx: &a [*a]\n---\nText.\n")
    return ["corpus", "info", "t"]


@case("front matter not closed", "other", "error", "a.txt:1", "closing")
def _(d):
    txt(d, "---\nactor: a\nText.\n")
    return ["corpus", "info", "t"]


@case("front matter invalid YAML", "other", "error", "a.txt", "not valid YAML")
def _(d):
    txt(d, "---\nactor: [a\n---\nText.\n")
    return ["corpus", "info", "t"]


@case("front matter is a list", "other", "error", "a.txt", "key: value")
def _(d):
    txt(d, "---\n- a\n- b\n---\nText.\n")
    return ["corpus", "info", "t"]


@case("text folder symlink outside", "security", "error", "outside the corpus folder")
def _(d):
    w(d, "secret.txt", "SECRET-TOKEN-123\n")
    txt(d, "Fine.\n")
    os.symlink(d / "secret.txt", d / "t" / "b.txt")
    return ["corpus", "info", "t"]


@case("text folder metadata.csv symlink outside", "security", "error", "outside")
def _(d):
    w(d, "meta.csv", "file,actor\na.txt,SECRET\n")
    txt(d, "Fine.\n")
    os.symlink(d / "meta.csv", d / "t" / "metadata.csv")
    return ["corpus", "info", "t"]


@case("empty folder", "other", "error", "no corpus.yml and no .txt files")
def _(d):
    (d / "e").mkdir()
    return ["corpus", "info", "e"]


# ---------------------------------------------------------------------- corpus folders
@case("corpus.yml statements ../", "security", "error", "outside the corpus folder")
def _(d):
    w(d, "outside.csv", CSV_OK.replace("Coercion", "SECRET"))
    corpus_folder(d, "name: c\nstatements: ../outside.csv\n", None)
    return ["corpus", "info", "c"]


@case("corpus.yml statements absolute path", "security", "error", "outside the corpus folder")
def _(d):
    w(d, "outside.csv", CSV_OK)
    corpus_folder(d, f"name: c\nstatements: {d / 'outside.csv'}\n", None)
    return ["count", "--corpus", "c"]


@case("corpus.yml actors ../", "security", "error", "outside the corpus folder")
def _(d):
    w(d, "actors.csv", "id,name\nA,a\nB,b\n")
    corpus_folder(d, "name: c\nactors: ../actors.csv\n")
    return ["corpus", "info", "c"]


@case("corpus.yml sources ../", "security", "error", "outside the corpus folder")
def _(d):
    w(d, "src/x.txt", "SECRET text\n")
    corpus_folder(d, "name: c\nsegments: segments.csv\nsources: ../src\n", None)
    w(d, "c/segments.csv", "source,start,end,actor,statement_id\nx,0,6,A,s1\n")
    return ["corpus", "info", "c"]


@case("corpus.yml segments absolute", "security", "error", "outside the corpus folder")
def _(d):
    w(d, "seg.csv", "source,start,end,actor,statement_id\nx,0,6,A,s1\n")
    corpus_folder(d, f"name: c\nsegments: {d / 'seg.csv'}\n", None)
    w(d, "c/sources/x.txt", "Hello there\n")
    return ["corpus", "info", "c"]


@case("statements.csv symlink outside", "security", "error", "outside the corpus folder")
def _(d):
    w(d, "outside.csv", CSV_OK)
    corpus_folder(d, "name: c\n", None)
    os.symlink(d / "outside.csv", d / "c" / "statements.csv")
    return ["corpus", "info", "c"]


@case("sources/ file symlink outside", "security", "error", "outside the corpus folder")
def _(d):
    w(d, "secret.txt", "SECRET text\n")
    corpus_folder(d, "name: c\nsegments: segments.csv\n", None)
    w(d, "c/segments.csv", "source,start,end,actor,statement_id\nx,0,6,A,s1\n")
    (d / "c" / "sources").mkdir()
    os.symlink(d / "secret.txt", d / "c" / "sources" / "x.txt")
    return ["corpus", "info", "c"]


@case("--allow-outside reads ../ on request", "security", "ok")
def _(d):
    w(d, "outside.csv", CSV_OK)
    corpus_folder(d, "name: c\nstatements: ../outside.csv\n", None)
    return ["count", "--corpus", "c", "--allow-outside"]


@case("corpus.yml alias bomb", "hang", "error", "corpus.yml", "alias")
def _(d):
    corpus_folder(d, "name: c\n" + _bomb_yaml("extra"))
    return ["corpus", "info", "c"]


@case("corpus.yml deep nesting", "crash", "error", "corpus.yml", "nested")
def _(d):
    corpus_folder(d, "x: " + "[" * 20_000 + "]" * 20_000 + "\n")
    return ["corpus", "info", "c"]


@case("corpus.yml recursive alias", "crash", "error", "corpus.yml", "loop")
def _(d):
    corpus_folder(d, "name: c\nx: &a {y: *a}\n")
    return ["corpus", "info", "c"]


@case("corpus.yml is a list", "other", "error", "corpus.yml:1", "mapping")
def _(d):
    corpus_folder(d, "- a\n- b\n")
    return ["corpus", "info", "c"]


@case("corpus.yml statements is a number", "other", "error", "corpus.yml", "statements")
def _(d):
    corpus_folder(d, "statements: 5\n")
    return ["corpus", "info", "c"]


@case("corpus.yml statements empty", "other", "error", "corpus.yml", "empty")
def _(d):
    corpus_folder(d, "statements: ''\n")
    return ["corpus", "info", "c"]


@case("corpus.yml with 30 February in its metadata", "crash", "ok")
def _(d):
    corpus_folder(d, "name: c\ncollected: 2023-02-30\n")
    return ["corpus", "info", "c"]


@case("corpus.yml invalid YAML", "other", "error", "corpus.yml:3", "not valid YAML")
def _(d):
    corpus_folder(d, "name: c\nstatements: [a\n")
    return ["corpus", "info", "c"]


# ---------------------------------------------------------------------- lexicons
def _bomb_yaml(key="k", levels=7):
    lines = [f"a0: &a0 [{', '.join(['lol'] * 10)}]"]
    for i in range(1, levels):
        lines.append(f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]")
    return f"{key}:\n" + "".join(f"  {ln}\n" for ln in lines)


def lex_case(d, text, name="lex.yml"):
    w(d, "s.csv", CSV_OK)
    w(d, name, text)
    return ["count", "--corpus", "s.csv", "--lexicon", name]


@case("frameshift lexicon alias bomb", "hang", "error", "lex.yml", "alias")
def _(d):
    bomb = "\n".join(f"  - &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" if i else
                     f"  - &a0 [{', '.join(['x'] * 10)}]" for i in range(7))
    return lex_case(d, "name: t\nnotes:\n" + bomb + "\ncategories:\n  - id: a\n    patterns: "
                       "*a6\n")


@case("quanteda lexicon alias bomb", "hang", "error", "lex.yml", "alias")
def _(d):
    lines = ["a0: &a0 [x, x, x, x, x, x, x, x, x, x]"]
    lines += [f"a{i}: &a{i} [{', '.join([f'*a{i - 1}'] * 10)}]" for i in range(1, 8)]
    return lex_case(d, "\n".join(lines) + "\n")


@case("quanteda lexicon mapping bomb", "hang", "error", "lex.yml", "alias")
def _(d):
    lines = ["a0: &a0 {x: [w]}"]
    lines += [f"a{i}: &a{i} {{{', '.join(f'k{j}: *a{i - 1}' for j in range(10))}}}"
              for i in range(1, 8)]
    return lex_case(d, "\n".join(lines) + "\n")


@case("frameshift lexicon recursive alias", "crash", "error", "lex.yml", "loop")
def _(d):
    return lex_case(d, "name: t\ncategories: &c\n  - id: a\n    patterns: *c\n")


@case("quanteda lexicon recursive alias", "crash", "error", "lex.yml", "loop")
def _(d):
    return lex_case(d, "a: &a\n  b: *a\n")


@case("quanteda lexicon deep nesting", "crash", "error", "lex.yml", "nested")
def _(d):
    return lex_case(d, "a: " + "[" * 50_000 + "]" * 50_000 + "\n")


@case("lexicon nested 150 levels", "crash", "error", "lex.yml", "nested")
def _(d):
    return lex_case(d, "a: " + "[" * 150 + "x" + "]" * 150 + "\n")


@case("quanteda complex key", "weak", "error", "lex.yml:1", "plain text")
def _(d):
    return lex_case(d, "? [a, b]\n: [x]\nc: [y]\n")


@case("lexicon YAML syntax error", "other", "error", "lex.yml:7", "invalid YAML")
def _(d):
    return lex_case(d, LEX_OK + "      - [oops\n")


@case("empty lexicon file", "other", "error", "lex.yml")
def _(d):
    return lex_case(d, "")


@case("LIWC without % lines", "other", "error", "lex.dic", "'%'")
def _(d):
    return lex_case(d, "word\t1\n", name="lex.dic")


@case("unknown lexicon name", "other", "error", "not a bundled lexicon")
def _(d):
    w(d, "s.csv", CSV_OK)
    return ["count", "--corpus", "s.csv", "--lexicon", "no_such_lexicon"]


def regex_case(expr):
    def build(d):
        return lex_case(d, f"name: t\ncategories:\n  - id: a\n    patterns:\n      - "
                           f"{json.dumps('re:' + expr)}\n")
    return build


for _expr, _why, _grp in [
        (r"(a+)+b", "exponential", "other"),
        (r"(\w+\s?)+$", "exponential", "other"),
        (r"(ka|Ka)+x", "exponential", "hang"),          # overlap only under case folding
        (r"(sa|\u017fa)+x", "exponential", "hang"),     # long s folds to s
        (r"(ka|\u212aa)+x", "exponential", "hang"),     # Kelvin sign folds to k
        (r"(\u0436a|\wa)+x", "exponential", "hang"),    # overlap only outside ASCII
        (r"(\u00e9a|[^a]a)+x", "exponential", "hang"),
        (r"(\u0130a|ia)+x", "exponential", "hang"),
        (r"a*a*a*a*a*b", "polynomial", "hang"),
        (r"a*a*b", "polynomial", "hang"),
        (r"\w*ion\w*x", "polynomial", "hang"),
        (r".*a.*b", "polynomial", "hang"),
        (r"(a*)(a*)b", "polynomial", "hang"),
        (r"\d+\w+!", "polynomial", "hang"),
]:
    case(f"regex {_expr!r}", _grp, "error", "lex.yml:5", _why)(regex_case(_expr))

case("regex not compiling", "other", "error", "lex.yml:5", "not a valid regular")(
    regex_case(r"coerc(ion"))
case("regex repetition too large", "crash", "error", "lex.yml:5", "regular")(
    regex_case(r"a{1,4294967296}"))
case("safe regex still accepted", "other", "ok")(regex_case(r"coerc(ion|ive)"))


@case("glob with many * on a long word", "hang", "ok")
def _(d):
    w(d, "s.csv", "id,text\ns1," + "a" * 200_000 + "\n")
    w(d, "lex.yml", "name: t\ncategories:\n  - id: a\n    patterns:\n      - "
                    "'*a*a*a*a*a*a*a*a*b'\n")
    return ["count", "--corpus", "s.csv", "--lexicon", "lex.yml"]


@case("glob with many ? and * on long words", "hang", "ok")
def _(d):
    w(d, "s.csv", "id,text\n" + "".join(f"s{i}," + "ab" * 5000 + "\n" for i in range(20)))
    w(d, "lex.yml", "name: t\ncategories:\n  - id: a\n    patterns:\n      - "
                    "'a*?*?*?*?*?*?*c'\n")
    return ["count", "--corpus", "s.csv", "--lexicon", "lex.yml"]


# ---------------------------------------------------------------------- options
def opt_case(d, *argv):
    w(d, "s.csv", CSV_OK)
    return list(argv)


for _argv, _words in [
        (["shift", "--corpus", "s.csv", "--seed", "-1"], ("--seed", "below 0")),
        (["shift", "--corpus", "s.csv", "--seed", "abc"], ("--seed", "not a whole number")),
        (["shift", "--corpus", "s.csv", "--seed", "1.5"], ("--seed",)),
        (["shift", "--corpus", "s.csv", "--seed", str(2**70)], ("--seed", "above")),
        (["kwic", "coercion", "--corpus", "s.csv", "--window", "-1"], ("--window",)),
        (["kwic", "coercion", "--corpus", "s.csv", "--window", "10000000"], ("--window",)),
        (["count", "--corpus", "s.csv", "--negation-window", "-5"], ("--negation-window",)),
        (["count", "--corpus", "s.csv", "--negation-window", "x"], ("--negation-window",)),
        (["ntr", "--corpus", "s.csv", "--window", "0"], ("--window",)),
        (["ntr", "--corpus", "s.csv", "--window", "-2"], ("--window",)),
        (["keyness", "--corpus", "s.csv", "--target", "A", "--top", "-3"], ("--top",)),
        (["lexicon", "expand", "--corpus", "s.csv", "--target", "A", "--top", "-3"], ("--top",)),
        (["lexicon", "expand", "--corpus", "s.csv", "--target", "A", "--min-count", "-1"],
         ("--min-count",)),
        (["lexicon", "check", "--corpus", "s.csv", "--max-distance", "1000000"],
         ("--max-distance",)),
        (["lexicon", "check", "--corpus", "s.csv", "--max-distance", "-1"], ("--max-distance",)),
        (["shift", "--corpus", "s.csv", "--n-boot", "-1"], ("--n-boot",)),
        (["shift", "--corpus", "s.csv", "--from", "nope", "--to", "s2"], ("nope",)),
        (["keyness", "--corpus", "s.csv", "--by", "actor", "--target", "nobody"],
         ("nobody",)),
        (["lexicon", "expand", "--corpus", "s.csv", "--target", "nobody"], ("nobody",)),
        (["count", "--corpus", "s.csv", "--by", "nocolumn"], ("nocolumn",)),
]:
    case(f"option {' '.join(_argv[:1] + _argv[3:])}", "crash", "error", *_words)(
        (lambda a: (lambda d: opt_case(d, *a)))(_argv))


# ---------------------------------------------------------------------- quotes
ARTICLE = 'Talks resume\n\nBaku said "we are ready" on Monday.\n'


@case("quotes on a folder", "crash", "error", "folder")
def _(d):
    (d / "arts").mkdir()
    return ["quotes", "arts"]


@case("quotes on a missing file", "crash", "error", "no such article file")
def _(d):
    return ["quotes", "missing.txt"]


@case("quotes on an empty file", "crash", "error", "empty.txt")
def _(d):
    w(d, "empty.txt", "")
    return ["quotes", "empty.txt"]


@case("gold offsets out of range", "crash", "error", "gold.csv:2", "not inside")
def _(d):
    w(d, "a.txt", ARTICLE)
    w(d, "gold.csv", "source,start,end,role,actor,statement_id\na,0,99999,quote,,\n")
    return ["quotes", "a.txt", "--evaluate", "gold.csv"]


@case("gold negative offsets", "crash", "error", "gold.csv:2", "offsets")
def _(d):
    w(d, "a.txt", ARTICLE)
    w(d, "gold.csv", "source,start,end,role,actor,statement_id\na,-5,3,quote,,\n")
    # (read_segments refuses it before the range check: "not offsets with start < end")
    return ["quotes", "a.txt", "--evaluate", "gold.csv"]


@case("gold unknown source", "crash", "error", "gold.csv:2", "not one of the articles")
def _(d):
    w(d, "a.txt", ARTICLE)
    w(d, "gold.csv", "source,start,end,role,actor,statement_id\nzzz,0,3,quote,,\n")
    return ["quotes", "a.txt", "--evaluate", "gold.csv"]


@case("article with 10,000 unbalanced quotation marks", "hang", "ok")
def _(d):
    w(d, "a.txt", "Headline\n\n" + " ".join(f'He said "w{i} and' for i in range(10_000)) + "\n")
    return ["quotes", "a.txt"]


# The 20 MB article: without quotes (the segmentation alone) it runs well within the
# limit; a 20 MB article dense with quotes (100,000 of them) takes ~40 s of CPU, 2-3 times that
# on a loaded machine (benchmarks/quotes_scale.py), so the quote-dense case stays at 2 MB.
@case("20 MB article without quotes", "hang", "ok")
def _(d):
    para = ("The minister said that the talks would continue on Monday, and the envoy added "
            "that Baku was ready. More narration follows here.\n\n")
    w(d, "a.txt", "Headline\n\n" + para * (20_000_000 // len(para)))
    return ["quotes", "a.txt"]


@case("article with 10,000 quotes", "hang", "ok")
def _(d):
    paras = [f'Baku said "we are ready for talks number {i}". The envoy added: "talks {i} '
             f'must go on", officials said.' for i in range(5_000)]
    w(d, "a.txt", "Headline\n\n" + "\n\n".join(paras) + "\n")
    return ["quotes", "a.txt"]


@case("10,000 quotes in one paragraph", "hang", "ok")
def _(d):
    w(d, "a.txt", "Headline\n\n" + " ".join(f'He said "w{i} is fine", she said'
                                             for i in range(10_000)) + ".\n")
    return ["quotes", "a.txt"]


@case("read_news: 10,000 different quotes of one speaker", "hang", "ok")
def _(d):
    # one statement of 10,000 quoted fragments: assembling it compared every pair (repeated
    # fragments, outlets carrying each wording) -- quadratic, a hang before issue 17's fix
    w(d, "a.txt", "Headline\n\n" + "\n\n".join(
        f'Baku said "plan {i} {i * 7}".' for i in range(10_000)) + "\n")
    w(d, "actors.csv", "id,name,aliases\nbaku,Azerbaijan,Baku\n")
    # (quotes of three tokens repeat another only if identical: none does, all are kept)
    return {"api": "c = fs.read_news('a.txt', actors='actors.csv'); "
                   "q = c.fragments[c.fragments['role'] == 'quote']; "
                   "assert len(q) == 10_000 and q['kept'].all()"}


@case("2 MB article", "hang", "ok")
def _(d):
    para = ('The minister said that the talks would continue. "We will not stop," Baku '
            'said. More narration follows here.\n\n')
    w(d, "a.txt", "Headline\n\n" + para * (2_000_000 // len(para)))
    return ["quotes", "a.txt"]


# ---------------------------------------------------------------------- outputs
@case("--out --force onto the corpus file", "loss", "error", "input")
def _(d):
    w(d, "s.csv", CSV_OK)
    return ["count", "--corpus", "s.csv", "--out", "s.csv", "--force"]


@case("--out --force onto the lexicon", "loss", "error", "input")
def _(d):
    w(d, "s.csv", CSV_OK)
    w(d, "lex.yml", LEX_OK)
    return ["count", "--corpus", "s.csv", "--lexicon", "lex.yml", "--out", "lex.yml", "--force"]


@case("--out --force onto a file corpus.yml names outside", "loss", "error", "input")
def _(d):
    w(d, "outside.csv", CSV_OK)
    corpus_folder(d, "name: c\nstatements: ../outside.csv\n", None)
    return ["count", "--corpus", "c", "--allow-outside", "--out", "outside.csv", "--force"]


@case("--out --force into the corpus folder", "loss", "error", "input")
def _(d):
    corpus_folder(d, "name: c\n")
    return ["count", "--corpus", "c", "--out", "c/statements.csv", "--force"]


@case("--out through a symlink to the corpus", "loss", "error", "input")
def _(d):
    w(d, "s.csv", CSV_OK)
    os.symlink(d / "s.csv", d / "out.csv")
    return ["count", "--corpus", "s.csv", "--out", "out.csv", "--force"]


@case("--out onto a foreign file without --force", "other", "error", "--force")
def _(d):
    w(d, "s.csv", CSV_OK)
    w(d, "notes.csv", "mine\n")
    return ["count", "--corpus", "s.csv", "--out", "notes.csv"]


@case("--out onto the actor registry", "loss", "error", "input")
def _(d):
    w(d, "s.csv", CSV_OK)
    w(d, "actors.csv", "id,name\nA,a\nB,b\n")
    return ["count", "--corpus", "s.csv", "--actors", "actors.csv", "--out", "actors.csv",
            "--force"]


@case("quotes --out onto the gold file", "loss", "error", "input")
def _(d):
    w(d, "a.txt", ARTICLE)
    w(d, "gold.csv", "source,start,end,role,actor,statement_id\na,0,3,headline,,\n")
    return ["quotes", "a.txt", "--evaluate", "gold.csv", "--out", "gold.csv", "--force"]


# ---------------------------------------------------------------------- Python API
def api(code):
    def build(d):
        w(d, "s.csv", CSV_OK)
        return {"api": code}
    return build


for _name, _code, _words in [
        ("read_corpus(5)", "fs.read_corpus(5)", ("read_corpus",)),
        ("read_corpus('')", "fs.read_corpus('')", ("empty",)),
        ("read_corpus(sep='ab')", "fs.read_corpus('s.csv', sep='ab')", ("separator",)),
        ("from_frame(list)", "fs.from_frame([1, 2])", ("DataFrame",)),
        ("read_lexicon(None)", "fs.read_lexicon(None)", ("read_lexicon",)),
        ("read_lexicon(3.5)", "fs.read_lexicon(3.5)", ("read_lexicon",)),
        ("to_source negative", "c = fs.read_corpus('s.csv'); c.to_source('s1', -1, 3)",
         ("not inside",)),
        ("to_source huge", "c = fs.read_corpus('s.csv'); c.to_source('s1', 0, 10**12)",
         ("not inside",)),
        ("to_source beyond int64", "c = fs.read_corpus('s.csv'); c.to_source('s1', 0, 10**30)",
         ("whole numbers",)),
        ("to_source text offsets", "c = fs.read_corpus('s.csv'); c.to_source('s1', 'a', 'b')",
         ("whole numbers",)),
        ("to_source end before start", "c = fs.read_corpus('s.csv'); c.to_source('s1', 5, 2)",
         ("not inside",)),
        ("to_source unknown id", "c = fs.read_corpus('s.csv'); c.to_source('zz', 0, 1)",
         ("not a statement",)),
        ("parse_pattern polynomial", "fs.parse_pattern('re:a*a*a*b')", ("polynomial",)),
        ("lexicon_from_dict case-fold overlap", "fs.lexicon_from_dict({'a': ['re:(ka|Ka)+x']})",
         ("exponential",)),
        ("read_corpus named pipe", "import os; os.mkfifo('p.csv'); fs.read_corpus('p.csv')",
         ("named pipe",)),
        ("read_corpus /dev/zero", "fs.read_corpus('/dev/zero')", ("format",)),
        ("read_text_file /dev/zero", "from frameshift.files import read_text_file; "
         "read_text_file('/dev/zero')", ("device",)),
        # argument checks (session 3): the toolkit's error naming the argument
        ("tokenize(one str)", "fs.tokenize('one text')", ("texts", "tokenize_text")),
        ("tokenize([None])", "fs.tokenize([None])", ("texts[0]",)),
        ("count_matches(None)", "fs.count_matches(None)", ("corpus", "read_corpus")),
        ("count_matches(str)", "fs.count_matches('s.csv')", ("corpus must be a Corpus",)),
        ("frame_profiles(str)", "fs.frame_profiles('counts.csv')", ("counts",)),
        ("make_pairs(None)", "fs.make_pairs(None)", ("statements",)),
        ("g2(text counts)", "fs.g2(['a'], [1], 10, 10)", ("counts", "numbers")),
        ("jsd(text)", "fs.jsd('p', 'q')", ("distribution",)),
        ("wilson_interval(None)", "fs.wilson_interval(None, 10)", ("successes",)),
        ("write_table(None path)", "import pandas as pd; fs.write_table(pd.DataFrame(), None)",
         ("path", "file path")),
        ("write_table(not a table)", "fs.write_table('x', 'o.csv')", ("df", "DataFrame")),
        ("segment_article(None)", "fs.segment_article(None)", ("text",)),
        ("read_actors(None)", "fs.read_actors(None)", ("path",)),
        ("plot_profile(None)", "fs.plot_profile(None)", ("table",)),
        ("save_figure(no path)", "fs.save_figure(None, None)", ("path",)),
        ("write_lexicon(not a lexicon)", "fs.write_lexicon('x', 'l.yml')", ("Lexicon",)),
]:
    case(f"API {_name}", "crash", "error", *_words)(api(_code))


# ---------------------------------------------------------------------- formula injection
# OWASP, "CSV Injection": cells beginning with = + - @ tab CR are run by spreadsheets; the
# outputs prefix them with '. A case fails (traceback: "crash") if the bytes are not escaped.
for _name, _code in [
        ("write_table escapes formulas",
         "import pandas as pd; fs.write_table(pd.DataFrame({'t': ['=cmd|x', '+1', 'ok'], "
         "'n': [-1.5, 2, 3]}), 'o.csv'); "
         "assert open('o.csv', 'rb').read() == b\"t,n\\n'=cmd|x,-1.5\\n'+1,2.0\\nok,3.0\\n\""),
        ("count table escapes a formula actor",
         "import pandas as pd; c = fs.from_frame(pd.DataFrame({'statement_id': ['s1'], "
         "'actor': ['=HYPERLINK(1)'], 'text': ['Coercion here.']})); "
         "t = fs.count_matches(c, 'karabakh_framing'); fs.write_table(t, 'o.csv'); "
         "assert \"'=HYPERLINK(1)\" in open('o.csv').read()"),
        ("escape_formulas=False writes as is",
         "import pandas as pd; fs.write_table(pd.DataFrame({'t': ['@SUM(1)']}), 'o.csv', "
         "escape_formulas=False); assert open('o.csv').read() == 't\\n@SUM(1)\\n'"),
]:
    case(f"API {_name}", "security", "ok")(api(_code))


@case("CLI --out escapes formula cells", "security", "ok")
def _(d):
    w(d, "s.csv", "id,actor,date,text\ns1,=cmd|' /C calc'!A0,2023-01-01,Coercion is here.\n")
    return ["count", "--corpus", "s.csv", "--out", "o.csv"]


# ---------------------------------------------------------------------- running
def _hashes(folder: Path) -> dict:
    out = {}
    for p in sorted(folder.rglob("*")):
        try:
            if p.is_symlink() or not p.is_file():
                continue
        except OSError:
            continue
        out[str(p.relative_to(folder))] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def _limit_memory():  # pragma: no cover - runs in the child
    import resource

    gb = 3 * 1024 ** 3
    resource.setrlimit(resource.RLIMIT_AS, (gb, gb))


@dataclass
class Result:
    case: Case
    outcome: str  # good / weak / crash / hang / loss / security
    status: int | None
    seconds: float
    stderr: str
    why: str = ""


API_PRELUDE = ("import sys, frameshift as fs\nfrom frameshift.errors import FrameshiftError\n"
               "try:\n    {code}\nexcept FrameshiftError as err:\n"
               "    print('frameshift: error:', err, file=sys.stderr); sys.exit(2)\n")


def run_case(c: Case, folder: Path, *, timeout: float = 60.0, pythonpath=None) -> Result:
    folder.mkdir(parents=True, exist_ok=True)
    built = c.build(folder)
    if isinstance(built, dict):
        cmd = [sys.executable, "-c", API_PRELUDE.format(code=built["api"])]
    else:
        cmd = [sys.executable, "-m", "frameshift", *built]
    env = dict(os.environ, **c.env)
    env.pop("FRAMESHIFT_CORPUS_DIR", None)
    if pythonpath:
        env["PYTHONPATH"] = pythonpath
    before = _hashes(folder)
    t0 = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=folder, env=env, capture_output=True, timeout=timeout,
                              stdin=subprocess.DEVNULL, preexec_fn=_limit_memory)
    except subprocess.TimeoutExpired as err:
        return Result(c, "hang", None, time.perf_counter() - t0,
                      (err.stderr or b"").decode("utf-8", "replace"), f"killed at {timeout} s")
    secs = time.perf_counter() - t0
    err = proc.stderr.decode("utf-8", "replace")
    out = proc.stdout.decode("utf-8", "replace")
    after = _hashes(folder)
    changed = [k for k in before if before[k] != after.get(k)]
    if changed:
        return Result(c, "loss", proc.returncode, secs, err, f"changed: {changed}")
    if "Traceback" in err or proc.returncode not in (0, 1, 2):
        return Result(c, "crash", proc.returncode, secs, err, "traceback")
    if c.group == "security" and c.expect == "error" and proc.returncode == 0:
        return Result(c, "security", 0, secs, err, "read outside its folder")
    if "SECRET" in out and c.expect == "error":
        return Result(c, "security", proc.returncode, secs, err, "echoed an outside file")
    if c.expect == "error" and proc.returncode == 0:
        return Result(c, "loss" if c.group == "loss" else "weak", 0, secs, err,
                      "accepted silently")
    if c.expect == "ok" and proc.returncode != 0:
        return Result(c, "weak", proc.returncode, secs, err, "refused a valid input")
    low = err.lower()
    missing = [x for x in c.words if x.lower() not in low]
    if missing:
        return Result(c, "weak", proc.returncode, secs, err, f"message lacks {missing}")
    if len(err.strip().splitlines()) > c.max_stderr_lines:
        return Result(c, "weak", proc.returncode, secs, err,
                      f"{len(err.splitlines())} lines on stderr")
    if c.expect == "error" and not any(ln.startswith(("frameshift: error:", "usage:"))
                                       for ln in err.splitlines()):
        return Result(c, "weak", proc.returncode, secs, err, "no one-line error")
    return Result(c, "good", proc.returncode, secs, err)


def main(argv=None) -> int:
    import argparse
    import tempfile

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("--pythonpath", help="run another copy of frameshift (a baseline)")
    ap.add_argument("--only", help="run the cases whose name contains this")
    args = ap.parse_args(argv)
    counts: dict = {}
    slowest = None
    with tempfile.TemporaryDirectory() as tmp:
        for i, c in enumerate(CASES):
            if args.only and args.only not in c.name:
                continue
            r = run_case(c, Path(tmp) / f"case{i}", timeout=args.timeout,
                         pythonpath=args.pythonpath)
            counts[r.outcome] = counts.get(r.outcome, 0) + 1
            if slowest is None or r.seconds > slowest.seconds:
                slowest = r
            last = r.stderr.strip().splitlines()[-1:] or [""]
            print(f"{r.outcome:8s} {r.seconds:6.2f}s [{c.group}] {c.name}"
                  + (f" -- {r.why}: {last[0][:150]}" if r.outcome != "good" else ""),
                  flush=True)
    total = sum(counts.values())
    print(f"\n{total} cases: " + ", ".join(f"{k} {v}" for k, v in sorted(counts.items())))
    if slowest is not None:
        print(f"slowest: {slowest.case.name} ({slowest.seconds:.1f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
