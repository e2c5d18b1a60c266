"""Statement corpora: the statement model, the actor registry, loaders and offset maps.

The unit of analysis is a *statement*: ``statement_id``, ``actor``, ``date``, ``text``, plus the
optional ``kind``, ``source``, ``url``, ``title``, ``language`` and any further metadata
columns, which are preserved. A :class:`Corpus` holds the statements (a tidy table), the actor
registry (``id``, ``name``, ``aliases``, ``group``), the source documents the statements were
assembled from, and for every statement an offset map from its text back to its source.

:func:`read_corpus` reads a corpus folder (this project's format), CSV/TSV, JSON Lines, or a
folder of ``.txt`` files with YAML front matter or a sidecar ``metadata.csv``;
:func:`from_frame` builds a corpus from a pandas DataFrame. Every loader validates its input once
and reports every problem in one :class:`~analysis.errors.CorpusError` naming file and row.
"""

from __future__ import annotations

import csv
import datetime as _dt
import hashlib
import io
import json
import os
import re
import warnings
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from .errors import (CorpusError, EncodingError, InputNotFoundError,
                     InputNotReadableError, Problem)
from .text import Tokens, TokenizerSettings, tokenize

__all__ = [
    "Corpus",
    "EmptyStatementWarning",
    "read_corpus",
    "read_actors",
    "from_frame",
    "corpus_from_segments",
    "corpus_tokens",
    "bundled_corpora",
    "corpus_dir",
    "read_text_file",
    "STATEMENT_COLUMNS",
    "FRAGMENT_SEPARATOR",
]

#: Core and optional statement columns, in display order.
STATEMENT_COLUMNS = ("statement_id", "actor", "date", "text", "kind", "source", "url", "title",
                     "language")
#: Text placed between the fragments of an assembled statement (a paragraph break, which the
#: tokenizer treats as a sentence boundary, so no phrase matches across two fragments).
FRAGMENT_SEPARATOR = "\n\n"

_ID_CANDIDATES = ("statement_id", "doc_id", "id")
_TEXT_CANDIDATES = ("text", "content", "body")
_ACTOR_CANDIDATES = ("actor", "speaker", "author")
_DATE_CANDIDATES = ("date",)
_INT_RE = re.compile(r"-?[0-9]{1,9}")


class EmptyStatementWarning(UserWarning):
    """A statement has no text; it is kept and counted as zero tokens."""


# --------------------------------------------------------------------------- offset maps
@dataclass(frozen=True)
class _OffsetMap:
    """Pieces of a statement text: text[t0:t0+n] == source[s0:s0+n] for each piece."""

    text_starts: np.ndarray
    source_starts: np.ndarray
    lengths: np.ndarray
    source_ids: tuple

    @classmethod
    def identity(cls, statement_id: str, length: int) -> "_OffsetMap":
        return cls(np.array([0]), np.array([0]), np.array([length]), (statement_id,))


# --------------------------------------------------------------------------- the corpus
class Corpus:
    """A corpus of statements with their actors, sources and offset maps.

    Build one with :func:`read_corpus`, :func:`from_frame` or :func:`corpus_from_segments`.
    A corpus is not modified after it is built; its tables are returned as copies.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"statement_id": ["a", "b"], "actor": ["baku", "stepanakert"],
    ...                    "date": ["2023-03-27", "2023-03-28"],
    ...                    "text": ["We invite you to talks.", "We reject coercion."]})
    >>> corpus = from_frame(df, name="toy")
    >>> corpus
    <Corpus 'toy': 2 statements, 2 actors, 2023-03-27 to 2023-03-28>
    >>> corpus.statements[["statement_id", "actor"]].values.tolist()
    [['a', 'baku'], ['b', 'stepanakert']]
    """

    def __init__(self, statements: pd.DataFrame, *, actors: pd.DataFrame | None = None,
                 sources: dict | None = None, offset_maps: dict | None = None,
                 fragments: pd.DataFrame | None = None, name: str = "corpus",
                 path: str | os.PathLike | None = None, meta: dict | None = None):
        self._statements = statements.reset_index(drop=True)
        self._actors = actors if actors is not None else _actors_from_statements(statements)
        self._sources = dict(sources or {})
        self._offset_maps = dict(offset_maps or {})
        self._fragments = fragments
        self.name = name
        self.path = Path(path) if path is not None else None
        self.meta = dict(meta or {})
        self._tokens_cache: dict = {}
        self._fingerprint: str | None = None

    # -- tables
    @property
    def statements(self) -> pd.DataFrame:
        """The statements, one row each, in analysis order (a copy)."""
        return self._statements.copy()

    @property
    def actors(self) -> pd.DataFrame:
        """The actor registry: ``id``, ``name``, ``aliases`` (tuple), ``group`` (a copy)."""
        return self._actors.copy()

    @property
    def sources(self) -> dict:
        """Source documents the statements were assembled from: ``{source_id: text}``."""
        return dict(self._sources)

    @property
    def fragments(self) -> pd.DataFrame:
        """How assembled statements were built: one row per segment, with ``kept`` and ``reason``.

        Empty for corpora whose statements were given whole.
        """
        if self._fragments is None:
            return pd.DataFrame(columns=["source", "start", "end", "role", "actor",
                                         "statement_id", "text", "kept", "reason"])
        return self._fragments.copy()

    def __len__(self) -> int:
        return len(self._statements)

    def __repr__(self) -> str:
        dates = self._statements["date"].dropna()
        span = ""
        if len(dates):
            span = f", {dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}"
        n_act = self._statements["actor"].nunique()
        return f"<Corpus {self.name!r}: {len(self)} statements, {n_act} actors{span}>"

    def summary(self) -> pd.DataFrame:
        """One row per statement: statement_id, actor (display name), date, tokens, opening words.

        This is what ``frameshift corpus info`` prints and what a notebook shows.
        """
        st = self._statements
        ntok = corpus_tokens(self).n_tokens()
        opening = [_opening(t) for t in st["text"]]
        return pd.DataFrame({
            "statement_id": st["statement_id"].to_numpy(),
            "actor": [self.actor_name(a) for a in st["actor"]],
            "date": [d.strftime("%Y-%m-%d") if pd.notna(d) else "" for d in st["date"]],
            "tokens": ntok.astype(int),
            "opening": opening,
        })

    def _repr_html_(self) -> str:
        import html

        summ = self.summary()
        head = (f"<p><b>Corpus {html.escape(self.name)}</b>: {len(self)} statements, "
                f"{self._statements['actor'].nunique()} actors, "
                f"{int(summ['tokens'].sum()):,} tokens</p>")
        shown = summ if len(summ) <= 20 else pd.concat([summ.head(10), summ.tail(10)])
        return head + shown.to_html(index=False, escape=True)

    # -- actors
    def actor_name(self, actor_id) -> str:
        """Display name of an actor id (the id itself when it is not in the registry)."""
        if actor_id is None or (isinstance(actor_id, float) and np.isnan(actor_id)):
            return ""
        hit = self._actors.loc[self._actors["id"] == actor_id, "name"]
        return str(hit.iloc[0]) if len(hit) else str(actor_id)

    # -- offsets
    def to_source(self, statement_id: str, starts, ends):
        """Map character offsets in a statement's text to offsets in its source document.

        Parameters
        ----------
        statement_id : str
        starts, ends : int or array of int
            Offsets ``[start, end)`` into the statement text; a span must lie within one
            fragment (token spans always do).

        Returns
        -------
        source_id : str
        src_starts, src_ends : numpy.ndarray
            Offsets into ``corpus.sources[source_id]`` (or into the statement text itself,
            with ``source_id == statement_id``, for statements given whole).
        """
        starts = np.atleast_1d(np.asarray(starts, dtype=np.int64))
        ends = np.atleast_1d(np.asarray(ends, dtype=np.int64))
        om = self._offset_maps.get(statement_id)
        if om is None:
            if statement_id not in self._statement_ids():
                raise KeyError(f"{statement_id!r} is not a statement of corpus {self.name!r}")
            return statement_id, starts, ends
        piece = np.searchsorted(om.text_starts, starts, side="right") - 1
        piece = np.clip(piece, 0, len(om.text_starts) - 1)
        shift = om.source_starts[piece] - om.text_starts[piece]
        sids = {om.source_ids[p] for p in np.unique(piece)}
        source_id = sids.pop() if len(sids) == 1 else om.source_ids[int(piece[0])]
        return source_id, starts + shift, ends + shift

    def _statement_ids(self) -> frozenset:
        ids = self.__dict__.get("_ids_cache")
        if ids is None:
            ids = self.__dict__["_ids_cache"] = frozenset(self._statements["statement_id"])
        return ids

    def source_text(self, source_id: str) -> str:
        """Text of a source document, or of a statement given whole."""
        if source_id in self._sources:
            return self._sources[source_id]
        hit = self._statements.loc[self._statements["statement_id"] == source_id, "text"]
        if not len(hit):
            raise KeyError(source_id)
        return str(hit.iloc[0])

    # -- provenance
    def fingerprint(self) -> str:
        """SHA-256 of the statements (ids, actors, dates, texts) and sources, for provenance."""
        if self._fingerprint is None:
            h = hashlib.sha256()
            st = self._statements
            for sid, act, date, text in zip(st["statement_id"], st["actor"], st["date"],
                                            st["text"]):
                for part in (sid, act, date, text):
                    h.update(("" if _isna(part) else str(part)).encode("utf-8"))
                    h.update(b"\x1f")
                h.update(b"\x1e")
            for key in sorted(self._sources):
                h.update(key.encode("utf-8") + b"\x1f" + self._sources[key].encode("utf-8"))
            self._fingerprint = h.hexdigest()
        return self._fingerprint


def _isna(x) -> bool:
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def _opening(text: str, n: int = 12) -> str:
    words = " ".join(str(text).split()).split(" ")
    out = " ".join(words[:n])
    return out + (" ..." if len(words) > n else "")


def corpus_tokens(corpus: Corpus, settings: TokenizerSettings | None = None) -> Tokens:
    """Tokens of a corpus (statements in row order), computed once per settings and reused.

    Examples
    --------
    >>> import pandas as pd
    >>> c = from_frame(pd.DataFrame({"statement_id": ["x"], "text": ["Talks in Baku."]}))
    >>> corpus_tokens(c).n_tokens().tolist()
    [3]
    """
    settings = settings or TokenizerSettings()
    key = settings
    tok = corpus._tokens_cache.get(key)
    if tok is None:
        tok = tokenize(corpus._statements["text"].tolist(), settings=settings)
        corpus._tokens_cache[key] = tok
    return tok


# --------------------------------------------------------------------------- file reading
def read_text_file(path: str | os.PathLike) -> str:
    """Read a UTF-8 text file (BOM optional, CRLF kept as written) with a clear error.

    Raises
    ------
    InputNotFoundError
        The file does not exist.
    EncodingError
        The bytes are not UTF-8; the message gives the byte offset, line and a fix.
    """
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError as err:
        raise InputNotFoundError(
            f"{path}: no such file. Check the path (relative paths start from "
            f"{Path.cwd()}).", path=path) from err
    except IsADirectoryError as err:
        raise InputNotFoundError(f"{path}: is a folder, expected a file.", path=path) from err
    except PermissionError as err:
        raise InputNotReadableError(
            f"{path}: permission denied. Make the file readable (e.g. `chmod u+r {path}`) or "
            f"copy it somewhere you can read it.", path=path) from err
    except OSError as err:
        raise InputNotReadableError(
            f"{path}: cannot be read ({err.strerror or err}). Check that it is a regular file "
            f"on a working disk.", path=path) from err
    return _decode(data, path)


def _decode(data: bytes, path) -> str:
    """Decode UTF-8 (an initial BOM is dropped); the error gives the offset in the file."""
    skip = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    try:
        return data[skip:].decode("utf-8")
    except UnicodeDecodeError as err:
        offset = err.start + skip
        line = data.count(b"\n", 0, offset) + 1
        column = offset - (data.rfind(b"\n", 0, offset) + 1) + 1
        bad = data[offset:offset + 1]
        raise EncodingError(
            f"{path}:{line}: byte {offset} (0x{bad.hex()}, line {line} column {column}) is not "
            f"valid UTF-8 ({err.reason}). Re-save the file as UTF-8 (in a spreadsheet: "
            f"'CSV UTF-8'; or convert it, e.g. `iconv -f cp1252 -t utf-8 IN > OUT` for a "
            f"Windows file).", path=path, line=line) from err


def bundled_corpora() -> list[str]:
    """Names of the corpora bundled with frameshift (folders of ``corpus/``).

    Examples
    --------
    >>> sorted(bundled_corpora())
    ['inaugural', 'karabakh_2023']
    """
    root = corpus_dir()
    if root is None:
        return []
    return sorted(p.name for p in root.iterdir() if (p / "corpus.yml").is_file())


def corpus_dir() -> Path | None:
    """Folder holding the bundled corpora.

    ``$FRAMESHIFT_CORPUS_DIR`` if set, else ``corpus/`` next to the ``analysis`` package (a
    source checkout or an editable install).
    """
    env = os.environ.get("FRAMESHIFT_CORPUS_DIR")
    if env:
        return Path(env)
    here = Path(__file__).resolve().parent.parent / "corpus"
    return here if here.is_dir() else None


def _resolve(path) -> Path:
    p = Path(path)
    if p.exists():
        return p
    root = corpus_dir()
    if root is not None and not any(sep in str(path) for sep in "/\\") and \
            (root / str(path)).is_dir():
        return root / str(path)
    names = ", ".join(bundled_corpora()) or "(none found)"
    raise InputNotFoundError(
        f"{path}: no such file or folder, and not a bundled corpus. Give the path to a corpus "
        f"folder, CSV/TSV, JSON Lines file or folder of .txt files, or one of the bundled "
        f"corpora: {names}.", path=path)


def read_corpus(path, *, id_col: str | None = None, text_col: str | None = None,
                actor_col: str | None = None, date_col: str | None = None,
                actors=None, name: str | None = None, sep: str | None = None) -> Corpus:
    """Read a corpus of statements from a folder or file, recognising its format.

    Parameters
    ----------
    path : str or path-like
        A corpus folder (with ``corpus.yml``), a CSV/TSV file, a JSON Lines file
        (``.jsonl``/``.ndjson``), a folder of ``.txt`` files (with YAML front matter, or a
        sidecar ``metadata.csv`` with a ``file`` column), or the name of a bundled corpus
        (``"karabakh_2023"``, ``"inaugural"``).
    id_col, text_col, actor_col, date_col : str, optional
        Column names in tables whose columns are named otherwise. By default the first of
        ``statement_id``/``doc_id``/``id``, ``text``/``content``/``body``,
        ``actor``/``speaker``/``author`` and ``date`` that is present. A table without actor or
        date columns still loads.
    actors : str, path-like or DataFrame, optional
        An actor registry (``id,name,aliases,group``; aliases separated by ``|``). When
        given, every statement's actor must be in it.
    name : str, optional
        Name of the corpus (default: the folder or file name).
    sep : str, optional
        Field separator of a delimited file (default: tab for ``.tsv``/``.tab``, else comma).

    Returns
    -------
    Corpus

    Raises
    ------
    InputNotFoundError, EncodingError, CorpusError

    Examples
    --------
    >>> corpus = read_corpus("karabakh_2023")
    >>> corpus.statements["statement_id"].tolist()
    ['az_presidency/2023-03-27', 'nk_authorities/2023-03-28', 'commonspace/2023-03-28']
    """
    p = _resolve(path)
    reg = read_actors(actors) if isinstance(actors, (str, os.PathLike)) else actors
    cols = dict(id_col=id_col, text_col=text_col, actor_col=actor_col, date_col=date_col)
    if p.is_dir():
        if (p / "corpus.yml").is_file():
            return _read_corpus_folder(p, name=name, **cols)
        return _read_text_folder(p, actors=reg, name=name, **cols)
    suffix = p.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        records = _read_jsonl(p)
        return _from_records(records, path=p, actors=reg, name=name or p.stem, **cols)
    if suffix in (".csv", ".tsv", ".tab", ".txt"):
        if sep is None:
            sep = "\t" if suffix in (".tsv", ".tab") else ","
        records = _read_delimited(p, sep)
        return _from_records(records, path=p, actors=reg, name=name or p.stem, **cols)
    raise CorpusError(
        f"{p}: cannot tell the format from the extension {suffix!r}. Use .csv, .tsv, .jsonl, "
        f"a folder of .txt files, or a corpus folder with corpus.yml.", path=p)


def _read_delimited(path: Path, sep: str) -> list[tuple[int, dict]]:
    """Rows of a delimited file as (line number, record)."""
    text = _read_nonempty(path)
    # The csv module refuses fields over 128 KiB by default (a process-wide setting); a
    # statement can be many megabytes, so lift the limit while reading and restore it.
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, min(len(text) + 1, 2**31 - 1)))
    try:
        return _parse_delimited(text, path, sep)
    finally:
        csv.field_size_limit(old_limit)


def _delimited_rows(reader, path, header: list):
    """Rows after the header of a ``csv.reader``: ``(line, record)``, or ``(line, Problem)``
    for a row whose number of fields differs from the header's. Blank rows are skipped.

    Shared by the loaders and the streaming counter (:mod:`analysis.stream`).
    """
    line = reader.line_num + 1
    for rec in reader:
        start_line = line
        line = reader.line_num + 1
        if not rec or all(not c.strip() for c in rec):
            continue
        if len(rec) != len(header):
            yield start_line, Problem(
                f"row has {len(rec)} fields, the header has {len(header)}.",
                "Check the quoting of that row (a text with commas or line breaks must be "
                "enclosed in double quotes).", path=path, line=start_line)
            continue
        yield start_line, dict(zip(header, rec))


def _parse_delimited(text: str, path: Path, sep: str) -> list[tuple[int, dict]]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=sep)
    try:
        header = next(reader)
    except csv.Error as err:
        raise CorpusError(f"{path}:1: cannot parse the header ({err}).", path=path) from err
    header = [h.strip() for h in header]
    problems = []
    dup = sorted({h for h in header if header.count(h) > 1})
    if dup:
        problems.append(Problem(f"duplicate column names {dup}.", "Rename them so each is "
                                "unique.", path=path, line=1))
    rows = []
    try:
        for start_line, rec in _delimited_rows(reader, path, header):
            if isinstance(rec, Problem):
                problems.append(rec)
            else:
                rows.append((start_line, rec))
    except csv.Error as err:
        raise CorpusError(f"{path}:{reader.line_num}: {err}. Check the quoting.",
                          path=path, line=reader.line_num) from err
    if problems:
        raise CorpusError(f"{path}: {len(problems)} problem(s) in the table:",
                          problems=problems, path=path)
    if not rows:
        raise CorpusError(f"{path}: the table has a header but no rows. Add one statement "
                          f"per row.", path=path)
    return rows


def _read_table(path: Path) -> pd.DataFrame:
    """A small CSV (segments, statement metadata) as a DataFrame of strings, validated."""
    rows = _read_delimited(path, ",")
    return pd.DataFrame([rec for _, rec in rows], columns=list(rows[0][1]), dtype=object)


def _read_nonempty(path: Path) -> str:
    text = read_text_file(path)
    if not text.strip():
        raise CorpusError(f"{path}: the file is empty. Expected a header row and one "
                          f"statement per row.", path=path)
    return text


def _json_record(line: str, path, i: int):
    """One JSON Lines record (a dict), or a :class:`Problem` naming the line.

    Shared by the loader and the streaming counter (:mod:`analysis.stream`).
    """
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as err:
        return Problem(f"not valid JSON ({err.msg} at column {err.colno}).",
                       "Each line must be one JSON object.", path=path, line=i)
    if not isinstance(rec, dict):
        return Problem(f"expected a JSON object, found {type(rec).__name__}.",
                       "Each line must be one JSON object.", path=path, line=i)
    return rec


def _read_jsonl(path: Path) -> list[tuple[int, dict]]:
    text = _read_nonempty(path)
    rows, problems = [], []
    # Split on line feeds only: str.splitlines() would also split at U+2028, U+0085, form
    # feeds ..., which JSON allows unescaped inside strings.
    for i, line in enumerate(text.split("\n"), start=1):
        line = line[:-1] if line.endswith("\r") else line
        if not line.strip():
            continue
        rec = _json_record(line, path, i)
        if isinstance(rec, Problem):
            problems.append(rec)
        else:
            rows.append((i, rec))
    if problems:
        raise CorpusError(f"{path}: {len(problems)} problem(s):", problems=problems, path=path)
    return rows


def _read_text_folder(folder: Path, *, actors, name, id_col, text_col, actor_col, date_col):
    files = sorted(folder.glob("*.txt"))
    if not files:
        raise CorpusError(
            f"{folder}: no corpus.yml and no .txt files. Give a corpus folder, or a folder of "
            f".txt files (one statement each).", path=folder)
    sidecar = folder / "metadata.csv"
    meta = {}
    if sidecar.is_file():
        for line, rec in _read_delimited(sidecar, ","):
            if "file" not in rec:
                raise CorpusError(
                    f"{sidecar}:1: no 'file' column (found: {', '.join(rec)}). Add a column "
                    f"'file' naming each .txt file.", path=sidecar, line=1)
            meta[rec["file"]] = (line, rec)
    records, problems = [], []
    for f in files:
        raw = read_text_file(f)
        rec: dict = {}
        body = raw
        if raw.startswith("---"):
            end = raw.find("\n---", 3)
            if end < 0:
                problems.append(Problem("front matter starts with '---' but has no closing "
                                        "'---' line.", "Close it with a line '---'.",
                                        path=f, line=1))
                continue
            try:
                fm = yaml.safe_load(raw[3:end]) or {}
            except yaml.YAMLError as err:
                mark = getattr(err, "problem_mark", None)
                problems.append(Problem(f"front matter is not valid YAML ({err}).",
                                        "Fix the YAML between the '---' lines.", path=f,
                                        line=(mark.line + 2) if mark else 1))
                continue
            if not isinstance(fm, dict):
                problems.append(Problem("front matter must be 'key: value' lines.", "",
                                        path=f, line=2))
                continue
            rec.update({k: (v.isoformat() if isinstance(v, (_dt.date, _dt.datetime)) else v)
                        for k, v in fm.items()})
            nl = raw.find("\n", end + 4)
            body = raw[nl + 1:] if nl >= 0 else ""
        if f.name in meta:
            rec.update(meta[f.name][1])
        rec.setdefault("statement_id", f.stem)
        rec.setdefault("file", f.name)
        rec["text"] = body
        records.append((1, rec))
    if problems:
        raise CorpusError(f"{folder}: {len(problems)} problem(s):", problems=problems,
                          path=folder)
    unknown = sorted(set(meta) - {f.name for f in files})
    if unknown:
        raise CorpusError(f"{sidecar}: rows name files that are not in the folder: "
                          f"{', '.join(unknown)}. Fix the 'file' column.", path=sidecar)
    corpus = _from_records(records, path=folder, actors=actors, name=name or folder.name,
                           id_col=id_col, text_col="text" if text_col is None else text_col,
                           actor_col=actor_col, date_col=date_col, row_label="file",
                           files=[f.name for f in files])
    return corpus


def _pick(columns, given, candidates, what, path, required=True):
    header = path is not None and path != "DataFrame" and Path(path).is_file()
    loc = f"{path}:1" if header else (path or "table")
    if given is not None:
        if given not in columns:
            raise CorpusError(
                f"{loc}: no {what} column {given!r}; the columns are: "
                f"{', '.join(map(str, columns))}. Pass the right name "
                f"(--{what}-col / {what}_col=).", path=path, line=1)
        return given
    for c in candidates:
        if c in columns:
            return c
    if required:
        raise CorpusError(
            f"{loc}: no {what} column; the columns are: "
            f"{', '.join(map(str, columns))}. Name the {what} column with {what}_col= "
            f"(--{what}-col on the command line), or add a column named {candidates[0]!r}.",
            path=path, line=1)
    return None


def _from_records(records, *, path, actors, name, id_col, text_col, actor_col, date_col,
                  row_label="row", files=None) -> Corpus:
    columns: list = []
    for _, rec in records:
        for k in rec:
            if k not in columns:
                columns.append(k)
    df = pd.DataFrame([rec for _, rec in records], columns=columns)
    lines = [line for line, _ in records]
    return from_frame(df, id_col=id_col, text_col=text_col, actor_col=actor_col,
                      date_col=date_col, actors=actors, name=name, _path=path, _lines=lines,
                      _files=files)


def read_actors(path) -> pd.DataFrame:
    """Read an actor registry: CSV with ``id``, ``name``, ``aliases`` (``|``-separated), ``group``.

    Returns
    -------
    DataFrame
        ``id``, ``name``, ``aliases`` (tuple of str), ``group``, plus any further columns.
    """
    p = Path(path)
    rows = _read_delimited(p, ",") if p.exists() else None
    if rows is None:
        raise InputNotFoundError(f"{p}: no such actor registry. Give a CSV with columns "
                                 f"id,name,aliases,group.", path=p)
    problems = []
    cols = list(rows[0][1])
    if "id" not in cols:
        raise CorpusError(f"{p}:1: the actor registry has no 'id' column (found: "
                          f"{', '.join(cols)}). Add columns id,name,aliases,group.",
                          path=p, line=1)
    seen = {}
    out = []
    for line, rec in rows:
        aid = rec["id"].strip()
        if not aid:
            problems.append(Problem("empty actor id.", "Give every actor an id.", path=p,
                                    line=line))
        elif aid in seen:
            problems.append(Problem(f"duplicate actor id {aid!r} (first on line {seen[aid]}).",
                                    "Merge the rows or rename one.", path=p, line=line))
        seen.setdefault(aid, line)
        aliases = tuple(a.strip() for a in rec.get("aliases", "").split("|") if a.strip())
        row = dict(rec)
        row.update(id=aid, name=rec.get("name", "").strip() or aid, aliases=aliases,
                   group=rec.get("group", "").strip() or None)
        out.append(row)
    if problems:
        raise CorpusError(f"{p}: {len(problems)} problem(s):", problems=problems, path=p)
    df = pd.DataFrame(out)
    front = ["id", "name", "aliases", "group"]
    return df[front + [c for c in df.columns if c not in front]]


def _actors_from_statements(statements: pd.DataFrame) -> pd.DataFrame:
    ids = [a for a in pd.unique(statements["actor"]) if not _isna(a)]
    return pd.DataFrame({"id": ids, "name": ids, "aliases": [() for _ in ids],
                         "group": [None for _ in ids]}, columns=["id", "name", "aliases",
                                                                  "group"])


class _DateRangeError(ValueError):
    """A date that parses but lies outside the range a datetime64[ns] column can hold."""


def _parse_date(value):
    """Parse an ISO date (YYYY, YYYY-MM, YYYY-MM-DD, or a datetime); None if empty.

    Times with a UTC offset keep their local wall-clock time (the offset is dropped), so a
    column may mix dates with and without offsets. Raises ValueError if unparseable and
    :class:`_DateRangeError` if outside 1677-09-22 .. 2262-04-11.
    """
    if _isna(value):
        return None
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(str(value))
    if isinstance(value, (_dt.datetime, _dt.date, pd.Timestamp)):
        return _in_range(pd.Timestamp(value))
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        value = int(value)
    if isinstance(value, (int, np.integer)):
        if 0 < int(value) < 10000:
            return _in_range(pd.Timestamp(int(value), 1, 1))
        raise ValueError(str(value))
    s = str(value).strip()
    if not s:
        return None
    try:
        if len(s) == 4 and s.isdigit():
            return _in_range(pd.Timestamp(int(s), 1, 1))
        if len(s) == 7 and s[4] == "-" and s[:4].isdigit() and s[5:].isdigit():
            return _in_range(pd.Timestamp(int(s[:4]), int(s[5:]), 1))
        return _in_range(pd.Timestamp(_dt.datetime.fromisoformat(s.replace("Z", "+00:00"))))
    except _DateRangeError:
        raise
    except (ValueError, OverflowError):
        raise ValueError(s) from None


def _in_range(ts: pd.Timestamp) -> pd.Timestamp:
    if ts.tzinfo is not None:
        ts = ts.tz_localize(None)
    if not (pd.Timestamp.min <= ts <= pd.Timestamp.max):
        raise _DateRangeError(str(ts.date()))
    return ts.as_unit("ns") if hasattr(ts, "as_unit") else ts


def from_frame(df: pd.DataFrame, *, id_col: str | None = None, text_col: str | None = None,
               actor_col: str | None = None, date_col: str | None = None, actors=None,
               name: str | None = None, _path=None, _lines=None, _files=None) -> Corpus:
    """Build a corpus from a pandas DataFrame of statements.

    Parameters
    ----------
    df : DataFrame
        One row per statement. Not modified.
    id_col, text_col, actor_col, date_col : str, optional
        See :func:`read_corpus`. Column names are matched exactly.
    actors : DataFrame, optional
        Actor registry (``id``, ``name``, ``aliases``, ``group``); when given, every actor
        must be in it.
    name : str, optional

    Returns
    -------
    Corpus
        Statements with columns ``statement_id``, ``actor``, ``date`` (datetime64, NaT when
        missing), ``text``, the optional columns that were present, then every other column
        as it was; ordered by date (statements without a date keep their place at the end),
        then by input order.

    Raises
    ------
    CorpusError
        Missing id or text column (the message lists the columns found), duplicate ids,
        unparseable dates, actors not in the registry -- all problems at once, by row.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"id": [1, 2], "body": ["Yes.", "No."], "party": ["A", "B"]})
    >>> from_frame(df).statements.columns.tolist()
    ['statement_id', 'actor', 'date', 'text', 'id', 'body', 'party']
    """
    if not isinstance(df, pd.DataFrame):
        raise TypeError(f"from_frame expects a pandas DataFrame, got {type(df).__name__}.")
    if isinstance(actors, (str, os.PathLike)):
        actors = read_actors(actors)
    where = str(_path) if _path is not None else "DataFrame"
    columns = list(df.columns)
    dup = sorted({str(c) for c in columns if columns.count(c) > 1})
    if dup:
        raise CorpusError(f"{where}: duplicate column names {dup}. Rename them so each is "
                          f"unique.", path=_path, line=1 if _path is not None else None)
    picked, missing = {}, []
    for what, given, cands in (("id", id_col, _ID_CANDIDATES),
                               ("text", text_col, _TEXT_CANDIDATES)):
        try:
            picked[what] = _pick(columns, given, cands, what, where)
        except CorpusError as err:
            missing.append(err)
    if len(missing) == 1:
        raise missing[0]
    if missing:
        raise CorpusError("\n".join(str(e) for e in missing), path=_path,
                          line=1 if _path is not None else None)
    idc, txc = picked["id"], picked["text"]
    acc = _pick(columns, actor_col, _ACTOR_CANDIDATES, "actor", where, required=False)
    dtc = _pick(columns, date_col, _DATE_CANDIDATES, "date", where, required=False)
    n = len(df)
    if n == 0:
        raise CorpusError(f"{where}: no statements (0 rows). Add one statement per row.",
                          path=_path)
    lines = _lines if _lines is not None else list(range(1, n + 1))
    label = "line" if _lines is not None else "row"
    rowname = (lambda i: f"{_files[i]}") if _files is not None else None
    problems: list[Problem] = []

    def prob(i, msg, fix):
        if rowname is not None:
            problems.append(Problem(msg, fix, path=Path(where) / rowname(i)))
        elif _path is not None:
            problems.append(Problem(msg, fix, path=where, line=lines[i]))
        else:
            problems.append(Problem(f"row {i}: {msg}", fix, path="DataFrame"))

    ids = []
    first_seen: dict = {}
    for i, v in enumerate(df[idc].tolist()):
        sid = "" if _isna(v) else str(v).strip()
        if not sid:
            prob(i, f"empty id in column {idc!r}.", "Give every statement an id.")
        elif sid in first_seen:
            first = (f"first in {rowname(first_seen[sid])}" if rowname is not None else
                     f"first at {label} {lines[first_seen[sid]]}")
            prob(i, f"duplicate id {sid!r} ({first}).",
                 "Ids must be unique: rename or merge the rows.")
        first_seen.setdefault(sid, i)
        ids.append(sid)
    texts = []
    empty_rows = []
    for i, v in enumerate(df[txc].tolist()):
        t = "" if _isna(v) else str(v)
        if not t.strip():
            empty_rows.append(i)
        texts.append(t)
    actor_vals = [None if (acc is None or _isna(v) or not str(v).strip()) else str(v).strip()
                  for v in (df[acc].tolist() if acc else [None] * n)]
    dates = []
    for i, v in enumerate(df[dtc].tolist() if dtc else [None] * n):
        try:
            dates.append(_parse_date(v))
        except _DateRangeError:
            prob(i, f"the date {str(v)!r} in column {dtc!r} is outside the supported range "
                    f"1677-09-22 to 2262-04-11.",
                 "Move it to another column (extra columns are kept as they are) and "
                 "leave this row's date empty.")
            dates.append(None)
        except ValueError:
            prob(i, f"cannot read the date {str(v)!r} in column {dtc!r}.",
                 "Write dates as YYYY-MM-DD (or YYYY, YYYY-MM).")
            dates.append(None)
    if actors is not None:
        known = set(actors["id"])
        for i, a in enumerate(actor_vals):
            if a is not None and a not in known:
                prob(i, f"actor {a!r} is not in the actor registry (known: "
                        f"{', '.join(sorted(known))}).",
                     "Add it to the registry or correct the actor id.")
    if problems:
        raise CorpusError(f"{where}: {len(problems)} problem(s):", problems=problems,
                          path=_path)
    for i in empty_rows:
        where_i = f"{where}:{lines[i]}" if _path is not None else f"{where} row {i}"
        warnings.warn(f"{where_i}: statement {ids[i]!r} has no text; it is kept and counted "
                      f"as 0 tokens.", EmptyStatementWarning, stacklevel=3)
    out = pd.DataFrame({
        "statement_id": pd.Series(ids, dtype=object),
        "actor": pd.Series(actor_vals, dtype=object),
        "date": pd.to_datetime(pd.Series([d if d is not None else pd.NaT for d in dates]))
        .astype("datetime64[ns]"),
        "text": pd.Series(texts, dtype=object),
    })
    for c in STATEMENT_COLUMNS[4:]:
        if c in df.columns and c not in (idc, txc, acc, dtc):
            out[c] = df[c].to_numpy(dtype=object)
    for c in df.columns:
        if c not in out.columns and c not in ("statement_id", "actor", "date", "text"):
            out[c] = _maybe_numeric(df[c])
        elif c not in out.columns:
            out[f"{c}_original"] = df[c].to_numpy()
    order = _analysis_order(out["date"])
    out = out.iloc[order].reset_index(drop=True)
    return Corpus(out, actors=actors, name=name or (Path(where).stem if _path else "corpus"),
                  path=_path)


def _maybe_numeric(col: pd.Series) -> np.ndarray:
    """Integer-looking text columns (``Year``) become integers; everything else is kept."""
    vals = col.tolist()
    if vals and all(isinstance(v, str) and _INT_RE.fullmatch(v.strip()) for v in vals):
        return np.array([int(v) for v in vals], dtype=np.int64)
    return col.to_numpy(dtype=object)


def _analysis_order(dates: pd.Series) -> np.ndarray:
    keys = dates.to_numpy(dtype="datetime64[ns]").astype(np.int64)
    nat = dates.isna().to_numpy()
    keys = np.where(nat, np.iinfo(np.int64).max, keys)
    return np.argsort(keys, kind="stable")


# --------------------------------------------------------------------------- corpus folders
def _read_corpus_folder(folder: Path, *, name, id_col, text_col, actor_col, date_col) -> Corpus:
    manifest_path = folder / "corpus.yml"
    try:
        manifest = yaml.safe_load(read_text_file(manifest_path)) or {}
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None)
        line = mark.line + 1 if mark else None
        loc = f"{manifest_path}:{line}:{mark.column + 1}" if mark else str(manifest_path)
        raise CorpusError(f"{loc}: not valid YAML ({getattr(err, 'problem', None) or err}). "
                          f"Fix the YAML syntax (key: value lines).",
                          path=manifest_path, line=line) from err
    if not isinstance(manifest, dict):
        raise CorpusError(f"{manifest_path}:1: expected 'key: value' lines (name, actors, "
                          f"statements, ...), found a YAML {type(manifest).__name__}. Write the "
                          f"manifest as a mapping.", path=manifest_path, line=1)
    bad = sorted(k for k in ("actors", "statements", "segments", "sources", "name")
                 if k in manifest and not isinstance(manifest[k], str))
    if bad:
        raise CorpusError(f"{manifest_path}: the entries {bad} must be file or folder names "
                          f"(text). Fix them.", path=manifest_path)
    actors = None
    if (folder / manifest.get("actors", "actors.csv")).is_file():
        actors = read_actors(folder / manifest.get("actors", "actors.csv"))
    st_path = folder / manifest.get("statements", "statements.csv")
    seg_name = manifest.get("segments")
    name = name or manifest.get("name", folder.name)
    meta = {k: v for k, v in manifest.items()}
    if seg_name:
        sources = {}
        src_dir = folder / manifest.get("sources", "sources")
        if not src_dir.is_dir():
            raise InputNotFoundError(
                f"{manifest_path}: names segments but the sources folder {src_dir} is missing. "
                f"Put the source documents (one .txt file each) in {src_dir.name}/.",
                path=src_dir)
        for f in sorted(src_dir.iterdir()):
            if f.is_file() and not f.name.startswith("."):
                sources[f.stem] = read_text_file(f)
        seg_path = folder / seg_name
        if not seg_path.is_file():
            raise InputNotFoundError(
                f"{manifest_path}: names the segments file {seg_name!r}, which is missing. "
                f"Add it or fix the 'segments:' entry.", path=seg_path)
        seg_rows = _read_delimited(seg_path, ",")
        segments = pd.DataFrame([rec for _, rec in seg_rows], columns=list(seg_rows[0][1]),
                                dtype=object)
        statements_meta = _read_table(st_path) if st_path.is_file() else None
        corpus = corpus_from_segments(sources, segments, actors=actors,
                                      statements=statements_meta, name=name,
                                      path=folder, _segments_path=folder / seg_name,
                                      _lines=[line for line, _ in seg_rows])
        corpus.meta.update(meta)
        return corpus
    if not st_path.is_file():
        raise CorpusError(f"{manifest_path}: names no segments and {st_path.name} is missing. "
                          f"Add {st_path.name} (one statement per row) or a 'segments:' entry.",
                          path=manifest_path)
    records = _read_delimited(st_path, ",")
    corpus = _from_records(records, path=st_path, actors=actors, name=name, id_col=id_col,
                           text_col=text_col, actor_col=actor_col, date_col=date_col)
    corpus.path = folder
    corpus.meta.update(meta)
    return corpus


# --------------------------------------------------------------------------- assembly
def _forms(text: str) -> list[str]:
    from .text import tokenize_text

    return tokenize_text(text)["form"]


def _repeats(fragment: list[str], whole: list[str]) -> bool:
    """True if ``fragment`` repeats a contiguous run of ``whole``.

    Fragments of 1-3 tokens must appear exactly; longer ones may differ in at most one token
    in four (a misquoted preposition, a typo corrected by the quoting outlet).
    """
    n, m = len(fragment), len(whole)
    if n == 0:
        return True
    if n > m:
        return False
    allowed = n // 4 if n >= 4 else 0
    for i in range(m - n + 1):
        mism = 0
        for a, b in zip(fragment, whole[i:i + n]):
            if a != b:
                mism += 1
                if mism > allowed:
                    break
        if mism <= allowed:
            return True
    return False


def corpus_from_segments(sources: dict, segments: pd.DataFrame, *, actors=None,
                         statements: pd.DataFrame | None = None, name: str = "corpus",
                         path=None, _segments_path=None, _lines=None) -> Corpus:
    """Assemble statements from the segments of source documents (e.g. quotes in an article).

    Parameters
    ----------
    sources : dict
        ``{source_id: text}``.
    segments : DataFrame
        ``source``, ``start``, ``end`` (character offsets, end exclusive), ``role``, ``actor``,
        ``statement_id``; other columns are kept in :attr:`Corpus.fragments`.
    actors : DataFrame, optional
        Actor registry; every segment's actor must be in it.
    statements : DataFrame, optional
        Metadata per statement (``statement_id``, ``actor``, ``date``, ``kind``, ``source``,
        ``url``, ``title``, ...). Statements without a row get actor from their segments and
        the date from the id's ``/YYYY-MM-DD`` suffix when it has one.

    Returns
    -------
    Corpus
        Each statement's text is its kept fragments in source order, joined by a blank line.
        A fragment that only repeats text the same statement already has (a quote repeated in
        a subheading; a fragment of a quote that is also given in full) is kept once -- the
        longer one -- and :attr:`Corpus.fragments` says which and why. Every character of an
        assembled text maps back to its source (:meth:`Corpus.to_source`).

    Examples
    --------
    >>> import pandas as pd
    >>> art = 'Baku invites. They said "we want peace" and "peace".'
    >>> seg = pd.DataFrame({"source": "a", "start": [0, 25, 45], "end": [23, 38, 50],
    ...                     "role": ["narration", "quote", "quote"],
    ...                     "actor": ["outlet", "x", "x"],
    ...                     "statement_id": ["outlet/1", "x/1", "x/1"]})
    >>> c = corpus_from_segments({"a": art}, seg)
    >>> c.statements.set_index("statement_id")["text"].to_dict()
    {'outlet/1': 'Baku invites. They said', 'x/1': 'we want peace'}
    >>> c.fragments["reason"].tolist()[2]
    'repeats a longer fragment of x/1 at 25-38'
    """
    where = str(_segments_path) if _segments_path else "segments"
    required = ["source", "start", "end", "role", "actor", "statement_id"]
    missing = [c for c in required if c not in segments.columns]
    if missing:
        raise CorpusError(f"{where}:1: missing column(s) {missing} (found: "
                          f"{', '.join(map(str, segments.columns))}). Segments need "
                          f"{', '.join(required)}.", path=_segments_path, line=1)
    seg = segments.reset_index(drop=True).copy()
    problems = []
    spans: dict = {}
    for i, row in enumerate(seg.itertuples(index=False)):
        line = _lines[i] if _lines is not None else i + 2
        src = sources.get(row.source) if isinstance(row.source, str) else None
        if src is None:
            problems.append(Problem(f"unknown source {row.source!r} (known: "
                                    f"{', '.join(sorted(sources))}).", "Fix the source id.",
                                    path=where, line=line))
            continue
        try:
            s, e = _as_offset(row.start), _as_offset(row.end)
        except ValueError:
            problems.append(Problem(f"start/end {row.start!r}/{row.end!r} are not whole "
                                    f"numbers.", "Give character offsets (0-based, end "
                                    "exclusive).", path=where, line=line))
            continue
        if not (0 <= s < e <= len(src)):
            problems.append(Problem(f"span {s}-{e} is outside the source (length {len(src)}).",
                                    "Fix start/end.", path=where, line=line))
            continue
        spans.setdefault(row.source, []).append((s, e, line))
        if not isinstance(row.statement_id, str) or not row.statement_id.strip():
            problems.append(Problem("empty statement_id.", "Name the statement this segment "
                                    "belongs to.", path=where, line=line))
        if "text" in seg.columns and isinstance(row.text, str) and row.text and \
                src[s:e] != row.text:
            problems.append(Problem(f"text {row.text[:40]!r} does not match source[{s}:{e}] "
                                    f"= {src[s:e][:40]!r}.", "Fix the offsets or the text.",
                                    path=where, line=line))
        if actors is not None and row.actor and not _isna(row.actor) and \
                row.actor not in set(actors["id"]):
            problems.append(Problem(f"actor {row.actor!r} is not in the registry.",
                                    "Add it to actors.csv or fix the id.", path=where,
                                    line=line))
    for src_id, sp in spans.items():
        sp.sort()
        for (s0, e0, l0), (s1, e1, l1) in zip(sp, sp[1:]):
            if s1 < e0:
                problems.append(Problem(f"span {s1}-{e1} overlaps the span {s0}-{e0} on line "
                                        f"{l0}.", "Segments must not overlap: every character "
                                        "belongs to at most one statement.", path=where,
                                        line=l1))
    if problems:
        raise CorpusError(f"{where}: {len(problems)} problem(s):", problems=problems,
                          path=_segments_path)
    seg["start"] = [_as_offset(v) for v in seg["start"]]
    seg["end"] = [_as_offset(v) for v in seg["end"]]
    seg["text"] = [sources[s][a:b] for s, a, b in zip(seg["source"], seg["start"], seg["end"])]
    seg = seg[[bool(t.strip()) for t in seg["text"]]].reset_index(drop=True)
    seg["kept"] = True
    seg["reason"] = ""
    forms = [_forms(t) for t in seg["text"]]
    order_ids = list(dict.fromkeys(seg["statement_id"]))
    if statements is not None and "statement_id" in statements.columns:
        listed_all = [str(s) for s in statements["statement_id"]]
        dups = sorted({s for s in listed_all if listed_all.count(s) > 1})
        orphans = [s for s in listed_all if s not in set(order_ids)]
        if dups or orphans:
            parts = []
            if dups:
                parts.append(f"duplicate statement ids {dups} in the statement metadata")
            if orphans:
                parts.append(f"statements {orphans} have metadata but no segment")
            raise CorpusError(f"{where}: {'; '.join(parts)}. Each statement needs one metadata "
                              f"row and at least one segment.", path=_segments_path)
        listed = [s for s in statements["statement_id"] if s in set(order_ids)]
        order_ids = listed + [s for s in order_ids if s not in set(listed)]
    for sid in order_ids:
        # Only quoted fragments can repeat one another; the outlet's own words never do.
        idx = [i for i in seg.index[seg["statement_id"] == sid]
               if seg.at[i, "role"] == "quote" and forms[i]]
        by_len = sorted(idx, key=lambda i: (-len(forms[i]), seg.at[i, "source"],
                                            seg.at[i, "start"]))
        kept: list[int] = []
        for i in by_len:
            for k in kept:
                if _repeats(forms[i], forms[k]):
                    seg.at[i, "kept"] = False
                    seg.at[i, "reason"] = (f"repeats a longer fragment of {sid} at "
                                           f"{seg.at[k, 'start']}-{seg.at[k, 'end']}")
                    break
            else:
                kept.append(i)
    rows, maps = [], {}
    meta = statements.set_index("statement_id") if statements is not None and \
        len(statements) else None
    for sid in order_ids:
        part = seg[(seg["statement_id"] == sid) & seg["kept"]].sort_values(["source", "start"])
        texts, t_starts, s_starts, lens, srcs = [], [], [], [], []
        pos = 0
        for r in part.itertuples(index=False):
            if texts:
                pos += len(FRAGMENT_SEPARATOR)
            t_starts.append(pos)
            s_starts.append(r.start)
            lens.append(r.end - r.start)
            srcs.append(r.source)
            texts.append(r.text)
            pos += r.end - r.start
        maps[sid] = _OffsetMap(np.array(t_starts), np.array(s_starts), np.array(lens),
                               tuple(srcs))
        actor_vals = [a for a in part["actor"] if a and not _isna(a)]
        rec = {"statement_id": sid, "actor": actor_vals[0] if actor_vals else None,
               "date": _date_from_id(sid), "text": FRAGMENT_SEPARATOR.join(texts),
               "source": ";".join(dict.fromkeys(srcs))}
        if meta is not None and sid in meta.index:
            for k, v in meta.loc[sid].items():
                if v is not None and not _isna(v) and str(v) != "":
                    rec[k] = v
        rows.append(rec)
    df = pd.DataFrame(rows)
    corpus = from_frame(df, id_col="statement_id", text_col="text", actor_col="actor",
                        date_col="date", actors=actors, name=name)
    corpus._sources = dict(sources)
    corpus._offset_maps = maps
    corpus._fragments = seg
    corpus.path = Path(path) if path is not None else None
    return corpus


def _as_offset(value) -> int:
    """A character offset from an int or a string of digits (ValueError otherwise)."""
    if isinstance(value, (bool, np.bool_)):
        raise ValueError(value)
    if isinstance(value, (int, np.integer)):
        return int(value)
    if isinstance(value, (float, np.floating)) and float(value).is_integer():
        return int(value)
    if isinstance(value, str) and _INT_RE.fullmatch(value.strip()):
        return int(value.strip())
    raise ValueError(value)


def _date_from_id(sid: str):
    tail = str(sid).rsplit("/", 1)[-1]
    try:
        return _parse_date(tail) if len(tail) in (4, 7, 10) and tail[:4].isdigit() else None
    except ValueError:
        return None
