"""Corpus readers: corpus folders, CSV/TSV, JSON Lines, folders of ``.txt`` files, DataFrames.

Every reader validates its input once and reports every problem in one
:class:`~frameshift.errors.CorpusError` naming file and row.
"""

from __future__ import annotations

import csv
import datetime as _dt
import functools
import io
import json
import os
import re
import unicodedata
import warnings
from pathlib import Path

import numpy as np
import pandas as pd
import yaml

from frameshift.errors import (ArgumentTypeError, CorpusError, InputNotFoundError, OptionError,
                               Problem)

from frameshift.files import (corpus_dir, decode_bytes, load_yaml, outside_folder,
                              read_input_bytes, read_text_file)

from .model import STATEMENT_COLUMNS, Corpus, EmptyStatementWarning, _isna

__all__ = ["read_timeline", "read_corpus", "read_actors", "from_frame", "bundled_corpora"]


_ID_CANDIDATES = ("statement_id", "doc_id", "id")
_TEXT_CANDIDATES = ("text", "content", "body")
_ACTOR_CANDIDATES = ("actor", "speaker", "author")
_DATE_CANDIDATES = ("date",)
_INT_RE = re.compile(r"-?[0-9]{1,9}")
_SURROGATE_RE = re.compile("[\ud800-\udfff]")
#: At most this many statements without text are named one by one; beyond it one warning
#: gives the count and the first lines.
MAX_EMPTY_WARNINGS = 5



def bundled_corpora() -> list[str]:
    """Names of the corpora bundled with frameshift (folders of ``corpus/``).

    Examples
    --------
    >>> sorted(bundled_corpora())
    ['inaugural', 'karabakh_2023', 'karabakh_languages']
    """
    root = corpus_dir()
    if root is None:
        return []
    return sorted(p.name for p in root.iterdir() if (p / "corpus.yml").is_file())


def _resolve(path) -> Path:
    if isinstance(path, (bytes, bytearray)):
        path = os.fsdecode(path)
    if not isinstance(path, (str, os.PathLike)):
        raise ArgumentTypeError(f"read_corpus: expected a path or a bundled corpus name, got "
                          f"{type(path).__name__}. For a DataFrame use from_frame(df).")
    if not str(path).strip():
        raise InputNotFoundError(
            f"{str(path)!r}: an empty corpus path. Give the path to a corpus folder, CSV/TSV, "
            f"JSON Lines file or folder of .txt files, or a bundled corpus name "
            f"({', '.join(bundled_corpora()) or 'none found'}).", path=path)
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
                actors=None, name: str | None = None, sep: str | None = None,
                date_format: str | None = None, allow_outside: bool = False) -> Corpus:
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
    date_format : str, optional
        How the date column is written, when it is not ISO. Default (None): ISO dates only --
        ``2023-03-30``, also unpadded ``2023-3-30``, ``2023-03``, ``2023`` or an ISO date and
        time. ``"dayfirst"``: also ``27/03/2023``, ``28.03.2023``, ``27-3-2023`` (day, month,
        four-digit year; any of ``/ . -``); ``"monthfirst"``: ``03/27/2023`` (US order); or a
        :func:`~datetime.datetime.strptime` format such as ``"%d %B %Y"`` (27 March 2023).
        ISO dates are read under every setting. A date that does not fit is reported with its
        row and the setting to use.
    allow_outside : bool
        Whether the files a corpus folder names (``corpus.yml`` entries, symbolic links in
        it) may lie outside that folder. Default False: a shared corpus cannot make
        frameshift read (and show) files elsewhere on the machine.

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
    cols = dict(id_col=id_col, text_col=text_col, actor_col=actor_col, date_col=date_col,
                date_format=check_date_format(date_format))
    if sep is not None and (not isinstance(sep, str) or len(sep) != 1 or sep in "\"\r\n"):
        raise CorpusError(f"sep={sep!r}: the separator must be one character other than a "
                          f"quotation mark or line break (e.g. ',', ';' or '\\t').")
    if p.is_dir():
        if (p / "corpus.yml").is_file():
            corpus = _read_corpus_folder(p, name=name, allow_outside=allow_outside, **cols)
        else:
            corpus = _read_text_folder(p, actors=reg, name=name, allow_outside=allow_outside,
                                       **cols)
        corpus.input_files = _input_files(p, corpus)
        return corpus
    suffix = p.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        records = _read_jsonl(p)
        corpus = _from_records(records, path=p, actors=reg, name=name or p.stem, **cols)
        corpus.input_files = (p,)
        return corpus
    if suffix in (".csv", ".tsv", ".tab", ".txt"):
        if sep is None:
            sep = "\t" if suffix in (".tsv", ".tab") else ","
        records = _read_delimited(p, sep)
        corpus = _from_records(records, path=p, actors=reg, name=name or p.stem,
                               text_only=True, **cols)
        corpus.input_files = (p,)
        return corpus
    raise CorpusError(
        f"{p}: cannot tell the format from the extension {suffix!r}. Use .csv, .tsv, .jsonl, "
        f"a folder of .txt files, or a corpus folder with corpus.yml.", path=p)


_PLAIN_COLUMNS = frozenset(("statement_id", "actor", "date", "text"))
_ISO_DAY = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")


def read_plain_csv(path) -> Corpus:
    """``read_corpus(path)`` for a CSV file, with the default options, without pandas when
    the file is the plainest kind of corpus (issue 20: the ``frameshift count`` command).

    The rows are read and checked by the same code as :func:`read_corpus`. When the columns
    are ``statement_id`` and ``text`` with at most ``actor`` and ``date``, every id is
    non-empty and unique (also after case folding and NFKC), every text has a word, and every
    date is empty or ``YYYY-MM-DD``, the statements are kept as lists and the DataFrame is
    built (by :func:`from_frame`, from the same rows) only when something asks for it.
    Otherwise -- anything :func:`from_frame` would warn about, reject or convert -- the rows go
    to :func:`from_frame` as :func:`read_corpus` gives them, so the corpus, the warnings and the
    errors are the same.
    """
    p = Path(path)
    records = _read_delimited(p, ",")
    corpus = _plain_corpus(records, p)
    if corpus is None:
        corpus = _from_records(records, path=p, actors=None, name=p.stem, id_col=None,
                               text_col=None, actor_col=None, date_col=None, text_only=True)
    corpus.input_files = (p,)
    return corpus


def _plain_corpus(records, path: Path):
    """The corpus of :func:`read_plain_csv` held as lists, or None (see there)."""
    header = list(records[0][1])
    if not _PLAIN_COLUMNS.issuperset(header) or "statement_id" not in header or \
            "text" not in header:
        return None
    rows = [rec for _, rec in records]
    ids = [rec["statement_id"].strip() for rec in rows]
    if not all(ids) or len(set(ids)) != len(ids):
        return None
    if len({unicodedata.normalize("NFKC", sid).casefold() for sid in ids}) != len(ids):
        return None  # ids differing only by case: from_frame's warning
    texts = [rec["text"] for rec in rows]
    if not all(t.strip() for t in texts):
        return None  # a statement without text: from_frame's warning
    actors = [rec["actor"].strip() or None for rec in rows] if "actor" in header else \
        [None] * len(rows)
    dates = []
    for rec in rows if "date" in header else ():
        s = rec["date"].strip()
        m = _ISO_DAY.fullmatch(s) if s else None
        if s and m is None:
            return None
        try:   # (the years pandas' datetime64[ns] holds whole)
            d = _dt.datetime(*map(int, m.groups())) if m else None
        except ValueError:
            return None
        if d is not None and not 1678 <= d.year <= 2261:
            return None
        dates.append(d)
    if not dates:
        dates = [None] * len(rows)
    # analysis order (from_frame's _analysis_order): by date, undated last, stable
    order = sorted(range(len(rows)), key=lambda i: (dates[i] is None, dates[i] or 0))
    columns = {"statement_id": [ids[i] for i in order], "actor": [actors[i] for i in order],
               "date": [dates[i] for i in order], "text": [texts[i] for i in order]}

    def build():
        return from_frame(records_frame(records, text_only=True), name=path.stem,
                          _path=path, _lines=[line for line, _ in records])._statements

    return Corpus._from_columns(columns, build, name=path.stem, path=path)


def _input_files(folder: Path, corpus) -> tuple:
    """Every file a corpus folder was read from (the folder's files and what corpus.yml
    names), so that an output can never replace one of them."""
    out = [folder]
    for key in ("actors", "statements", "segments", "sources"):
        v = corpus.meta.get(key)
        if isinstance(v, str) and v.strip():
            out.append(folder / v)
    return tuple(out)


def _read_delimited(path: Path, sep: str) -> list[tuple[int, dict]]:
    """Rows of a delimited file as (line number, record).

    The file's bytes are decoded a chunk of lines at a time as the csv module reads them
    (:func:`_utf8_lines`): the whole text and the list of all its lines never exist (a 16 MB
    CSV: 60 MB less memory touched, issue 20). The errors are those of reading it decoded
    whole: an encoding error anywhere in the file is reported before any problem of the
    table."""
    data = read_input_bytes(path)
    lines = _utf8_lines(data, path)
    # The csv module refuses fields over 128 KiB by default (a process-wide setting); a
    # statement can be many megabytes, so lift the limit while reading and restore it.
    old_limit = csv.field_size_limit()
    csv.field_size_limit(max(old_limit, min(len(data) + 1, 2**31 - 1)))
    try:
        rows = _parse_delimited(None, path, sep, _odd_quotes(data), lines=lines)
    except (CorpusError, UnicodeDecodeError):
        decode_bytes(data, path)  # an encoding error first, as when the file is decoded whole
        raise
    finally:
        csv.field_size_limit(old_limit)
    from frameshift.files import formulas_escaped, unescape_cell

    if formulas_escaped(path):  # our own output: read back what was written, not its escape
        rows = [(line, {unescape_cell(k): unescape_cell(v) for k, v in rec.items()}
                 if isinstance(rec, dict) else rec) for line, rec in rows]
    return rows


def _sep_name(sep: str) -> str:
    return {",": "comma", ";": "semicolon", "\t": "tab", "|": "bar"}.get(sep, repr(sep))


_SHAPE_RE = re.compile(r"[^\W\d_]+|\d+")
_LETTERS_SUB = re.compile(r"[^\W\d_]+").sub
_DIGITS_SUB = re.compile(r"\d+").sub


def _shape(value: str) -> str:
    """The shape of an id: runs of letters become 'a', runs of digits '9' (``s12`` -> ``a9``)."""
    value = value.strip()
    if value.isascii():
        # two substitutions without a Python callback (letters first: the 'a's they leave
        # are not digits), the same as one pass of _SHAPE_RE for ASCII text
        return _DIGITS_SUB("9", _LETTERS_SUB("a", value))
    return _SHAPE_RE.sub(lambda m: "9" if m.group()[0].isdigit() else "a", value)


@functools.lru_cache(maxsize=32)
def _line_candidates(sep: str, longest: int):
    """A regex matching the line feed before every line that starts with a quotation mark or
    whose text before the first ``sep``, stripped, has at most ``longest`` spaces (a
    superset of the lines :func:`_swallowed_rows` looks at)."""
    s = re.escape(sep)
    other = f"[^ \\n{s}]"  # not a space, a line break or the separator
    # a line feed, then the condition as a lookahead: the regex engine looks for the line
    # feeds alone (a literal first character), not at every position of the text
    return re.compile(rf'\n(?="|[^\S\n]*(?:{other}* ){{0,{longest}}}{other}*[^\S\n]*{s})')


def _swallowed_rows(rec: list, sep: str, n_fields: int, shapes: set) -> list[str]:
    """Lines inside the fields of one record that look like rows of their own -- as many
    fields as the header, and a first field shaped like the first fields of the rows -- the
    sign of a quotation mark that was opened and not closed where it should have been."""
    out = []
    # every space of a value stays in its shape: a first field with more spaces than the
    # longest shape seen cannot have one of the shapes
    longest = max(map(len, shapes), default=0)
    # and a first field has exactly as many spaces as its shape: only lines whose first
    # field has at most as many spaces as the shape with the most can be rows
    spaces = max((x.count(" ") for x in shapes), default=0)
    starts = _line_candidates(sep, spaces).finditer
    for field in rec:
        if "\n" not in field or field.count(sep) < n_fields - 1:
            continue
        # the lines after the first that can pass the checks below (one regex scan: most
        # lines of a text have more spaces before their first separator than any id)
        for m in starts(field):
            a = m.end()
            b = field.find("\n", a)
            ln = (field[a:] if b < 0 else field[a:b]).rstrip("\r")
            if ln.count(sep) < n_fields - 1:
                continue
            if not ln.startswith('"'):
                # an unquoted first field ends at the first separator: check its shape before
                # parsing the whole line (most lines of a text fail here)
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


def delimited_rows(reader, path, header: list):
    """Rows after the header of a ``csv.reader``: ``(line, record)``, or ``(line, Problem)``
    for a row whose number of fields differs from the header's, or whose quoted text runs
    over lines that look like rows of their own (an unclosed quotation mark that would
    silently merge the following rows into one text). Blank rows are skipped.

    Shared by the loaders and the streaming counter (:mod:`frameshift.matching.stream`).
    """
    sep = getattr(reader.dialect, "delimiter", ",")
    shapes: set = set()
    line = reader.line_num + 1
    for rec in reader:
        start_line = line
        line = reader.line_num + 1
        if not rec or all(not c.strip() for c in rec):
            continue
        if rec[0].strip() and len(shapes) < 1000:
            shapes.add(_shape(rec[0]))
        if len(header) > 1 and line - start_line > 1:
            swallowed = _swallowed_rows(rec, sep, len(header), shapes)
            if swallowed:
                yield start_line, Problem(
                    f"a quoted text starting on this row runs over {line - start_line} lines "
                    f"(to line {line - 1}) and contains {len(swallowed)} line(s) that look like "
                    f"rows of their own (e.g. {swallowed[0][:60]!r}): a quotation mark is "
                    f"probably not closed, which would merge those rows into one text.",
                    "Close the quotation mark at the end of the text, and double every "
                    "quotation mark inside a text (\"\").", path=path, line=start_line)
                continue
        if len(rec) < len(header) and line - start_line > 1 and "\n" in rec[-1]:
            yield start_line, Problem(
                f"row has {len(rec)} fields, the header has {len(header)}, and its last text "
                f"runs over {line - start_line} lines (to line {line - 1}): a quotation mark "
                f"opened on this row is probably never closed.",
                "Close the quotation mark at the end of the text, and double every "
                "quotation mark inside a text (\"\").", path=path, line=start_line)
            continue
        if len(rec) != len(header):
            yield start_line, Problem(
                f"row has {len(rec)} fields, the header has {len(header)}.",
                "Check the quoting of that row (a text with commas or line breaks must be "
                "enclosed in double quotes).", path=path, line=start_line)
            continue
        yield start_line, dict(zip(header, rec))


def _check_single_values(df, columns, prob):
    """Ids, texts, actors and dates must be single values, not lists or mappings."""
    for what, col in columns:
        if col is None:
            continue
        for i, v in enumerate(df[col].tolist()):
            if isinstance(v, (dict, list, tuple, set)):
                kind = "a mapping" if isinstance(v, dict) else "a list"
                prob(i, f"the {what} in column {col!r} is {kind} ({_short(v)}), not a single "
                        f"value.", f"Write one {what} as plain text.")


def _short(v) -> str:
    text = repr(v)
    return text if len(text) <= 40 else text[:37] + "..."


# Line breaks of str.splitlines() that a file opened with newline="" does not split at.
_OTHER_BREAKS = "\v\f\x1c\x1d\x1e\x85\u2028\u2029"


def _csv_lines(text: str):
    """The lines of ``text`` as a file opened with ``newline=""`` gives them (split after
    ``\n``, ``\r\n`` or ``\r``, line ends kept), for the csv module.

    ``io.StringIO`` would give the same lines, but it stores the text as 4 bytes a
    character (a 16 MB CSV took 66 MB more); ``str.splitlines`` gives them directly when the
    text has none of the other characters it splits at.
    """
    # (one substring search per character: several times faster than a character class)
    if not any(ch in text for ch in _OTHER_BREAKS):
        return text.splitlines(keepends=True)
    return io.StringIO(text, newline="")


_LINES_CHUNK = 1 << 20  # bytes decoded at a time by _utf8_lines


def _utf8_lines(data: bytes, path):
    """The lines of the UTF-8 file ``data`` as :func:`_csv_lines` gives them for its text,
    decoded about ``_LINES_CHUNK`` bytes at a time (each chunk ends after a ``\n``, so no
    line and no ``\r\n`` is cut); raises :class:`CorpusError` for an empty or blank file
    as :func:`_read_nonempty` does (decoding errors are raised while the lines are read)."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")):
        decode_bytes(data, path)  # (the error naming the UTF-16/32 byte-order mark)
    skip = 3 if data.startswith(b"\xef\xbb\xbf") else 0
    # blank (only whitespace, as str.isspace has it): the first byte that is not ASCII
    # whitespace tells, unless it starts a non-ASCII character that may be a space
    m = _NOT_ASCII_SPACE(data, skip)
    if m is None or (data[m.start()] >= 0x80 and _read_blank(data, m.start(), path)):
        raise CorpusError(f"{path}: the file is empty. Expected a header row and one "
                          f"statement per row.", path=path)

    def lines():
        n, a = len(data), skip
        while a < n:
            b = data.find(b"\n", min(n, a + _LINES_CHUNK))
            b = n if b < 0 else b + 1
            yield from _csv_lines(data[a:b].decode("utf-8"))
            a = b
    return lines()


_NOT_ASCII_SPACE = re.compile(rb"[^ \t\n\v\f\r\x1c-\x1f]").search


def _read_blank(data: bytes, at: int, path) -> bool:
    """Whether ``data`` is blank, its first byte that is not ASCII whitespace (at ``at``)
    starting a non-ASCII character."""
    ch = data[at:at + 4].decode("utf-8", "replace")[:1]
    if ch != "\ufffd" and not ch.isspace():
        return False
    text = decode_bytes(data, path)  # (raises the encoding error, as read whole)
    return not text or text.isspace()


def _odd_quotes(data: bytes) -> bool:
    """Whether the text that the UTF-8 ``data`` decodes to has an odd number of '"' (counted
    in the bytes with numpy: a few times faster than ``str.count`` on the text)."""
    return int(np.count_nonzero(np.frombuffer(data, np.uint8) == ord('"'))) % 2 == 1


def _parse_delimited(text: str | None, path: Path, sep: str, odd_quotes=None, *,
                     lines=None) -> list[tuple[int, dict]]:
    """Rows of the delimited ``text`` (or of its ``lines``, :func:`_utf8_lines`);
    ``odd_quotes``: :func:`_odd_quotes` of the file's bytes, when read from a file."""
    if odd_quotes is None:
        odd_quotes = text.count('"') % 2 == 1
    reader = csv.reader(_csv_lines(text) if lines is None else lines, delimiter=sep)
    try:
        header = next(reader)
    except csv.Error as err:
        raise CorpusError(f"{path}:1: cannot parse the header ({err}).", path=path) from err
    header = [h.strip().lstrip("\ufeff").strip() for h in header]
    if len(header) == 1:
        hint = next((name for ch, name in ((";", "semicolon"), ("\t", "tab"), ("|", "bar"))
                     if ch != sep and ch in header[0]), None)
        if hint is not None:
            ch = {"semicolon": ";", "tab": "\\t", "bar": "|"}[hint]
            raise CorpusError(
                f"{path}:1: the header is one column {header[0][:60]!r}, which contains "
                f"{hint}s: the file seems to be {hint}-separated, not {_sep_name(sep)}-separated. "
                f"Give the separator: --sep '{ch}' (sep='{ch}' in Python), or save the file "
                f"with commas.", path=path, line=1)
    problems = []
    dup = sorted({h for h in header if header.count(h) > 1})
    if dup:
        problems.append(Problem(f"duplicate column names {dup}.", "Rename them so each is "
                                "unique.", path=path, line=1))
    rows = []
    try:
        for start_line, rec in delimited_rows(reader, path, header):
            if isinstance(rec, Problem):
                problems.append(rec)
            else:
                rows.append((start_line, rec))
    except csv.Error as err:
        raise CorpusError(f"{path}:{reader.line_num}: {err}. Check the quoting.",
                          path=path, line=reader.line_num) from err
    if not problems and odd_quotes:
        # An odd number of quotation marks: one is not closed. The csv module then runs the
        # last quoted field on to the end of the file without a word.
        spans = [(b - a, a) for (a, _), (b, _) in zip(rows, rows[1:] + [(reader.line_num + 1,
                                                                        None)])]
        width, start = max(spans) if spans else (0, 1)
        where = (f"; the row starting on line {start} runs over {width} lines" if width > 1
                 else "")
        problems.append(Problem(
            f"the file has an odd number of quotation marks (\"), so one is not closed{where}.",
            "Close the quotation mark at the end of its text, and double every quotation mark "
            "inside a text (\"\").", path=path, line=start if width > 1 else None))
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


def _read_nonempty(path: Path, *, quotes: bool = False):
    """The text of a file that is not empty or blank; with ``quotes``, (text,
    :func:`_odd_quotes` of its bytes)."""
    data = read_input_bytes(path)
    text = decode_bytes(data, path)
    if not text or text.isspace():  # (``not text.strip()`` without a copy of the text)
        raise CorpusError(f"{path}: the file is empty. Expected a header row and one "
                          f"statement per row.", path=path)
    return (text, _odd_quotes(data)) if quotes else text


def json_record(line: str, path, i: int):
    """One JSON Lines record (a dict), or a :class:`Problem` naming the line.

    Shared by the loader and the streaming counter (:mod:`frameshift.matching.stream`).
    """
    try:
        rec = json.loads(line)
    except json.JSONDecodeError as err:
        return Problem(f"not valid JSON ({err.msg} at column {err.colno}).",
                       "Each line must be one JSON object.", path=path, line=i)
    except RecursionError:
        return Problem("the JSON is nested too deeply to read.",
                       "Each line must be one JSON object of plain values.", path=path, line=i)
    except ValueError as err:  # e.g. an integer of more than 4300 digits
        return Problem(f"a value cannot be read ({err}).",
                       "Write very long numbers as text (in quotes).", path=path, line=i)
    if not isinstance(rec, dict):
        return Problem(f"expected a JSON object, found {type(rec).__name__}.",
                       "Each line must be one JSON object.", path=path, line=i)
    bad = _surrogate_in(rec)
    if bad is not None:
        key, ch = bad
        return Problem(f"the value of {key!r} contains the escape \\u{ord(ch):04x}, half of a "
                       f"UTF-16 surrogate pair without its other half (not a character).",
                       "Write the character itself, or both halves of the pair "
                       "(e.g. \\ud83d\\ude00).", path=path, line=i)
    return rec


def _surrogate_in(rec: dict):
    """(key, character) of the first lone surrogate in a record's keys or text values."""
    stack = [(None, rec)]
    while stack:
        key, v = stack.pop()
        if isinstance(v, str):
            m = _SURROGATE_RE.search(v)
            if m:
                return key, m.group()
        elif isinstance(v, dict):
            for k, x in v.items():
                m = _SURROGATE_RE.search(k)
                if m:
                    return k, m.group()
                stack.append((k if key is None else key, x))
        elif isinstance(v, list):
            stack.extend((key, x) for x in v)
    return None


def _read_jsonl(path: Path) -> list[tuple[int, dict]]:
    text = _read_nonempty(path)
    rows, problems = [], []
    # Split on line feeds only: str.splitlines() would also split at U+2028, U+0085, form
    # feeds ..., which JSON allows unescaped inside strings.
    for i, line in enumerate(text.split("\n"), start=1):
        line = line[:-1] if line.endswith("\r") else line
        if not line.strip():
            continue
        rec = json_record(line, path, i)
        if isinstance(rec, Problem):
            problems.append(rec)
        else:
            rows.append((i, rec))
    if problems:
        raise CorpusError(f"{path}: {len(problems)} problem(s):", problems=problems, path=path)
    return rows


def _inside(folder: Path, target: Path, *, what: str, source, allow_outside: bool) -> Path:
    """``target`` if it lies inside ``folder`` once symbolic links are resolved, or else a
    CorpusError (unless the user allowed files outside the corpus folder)."""
    if allow_outside:
        return target
    real = outside_folder(folder, target)
    if real is not None:
        how = ("is a symbolic link to" if target.is_symlink() or real != target.absolute()
               else "points to")
        raise CorpusError(
            f"{source}: the {what} {target.name!r} {how} {real}, outside the corpus folder "
            f"{folder}. frameshift reads only files inside a corpus folder: copy the file into "
            f"it, or pass allow_outside=True (--allow-outside on the command line) if you "
            f"trust this corpus.", path=source)
    return target


def _read_text_folder(folder: Path, *, actors, name, id_col, text_col, actor_col, date_col,
                      date_format=None, allow_outside=False):
    files = sorted(folder.glob("*.txt"))
    for f in files:
        _inside(folder, f, what="file", source=f, allow_outside=allow_outside)
    if not files:
        raise CorpusError(
            f"{folder}: no corpus.yml and no .txt files. Give a corpus folder, or a folder of "
            f".txt files (one statement each).", path=folder)
    sidecar = folder / "metadata.csv"
    meta = {}
    if sidecar.is_file():
        _inside(folder, sidecar, what="file", source=sidecar, allow_outside=allow_outside)
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
                fm = load_yaml(raw[3:end], f, error=CorpusError) or {}
            except CorpusError as err:
                problems.append(Problem(str(err).split(": ", 1)[-1], "", path=f,
                                        line=err.line))
                continue
            except yaml.YAMLError as err:
                mark = getattr(err, "problem_mark", None)
                problems.append(Problem(f"front matter is not valid YAML "
                                        f"({getattr(err, 'problem', None) or err}).",
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
                           files=[f.name for f in files], date_format=date_format)
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


def records_frame(records, *, text_only: bool = False) -> pd.DataFrame:
    """A DataFrame of ``(line, record)`` pairs, columns in order of first appearance.

    ``text_only``: every record has every column and every value is a str (the rows of a
    delimited file): the columns are kept as Python objects, not converted to pandas'
    string type and back (from_frame reads them as lists of str either way).
    """
    columns: list = []
    for _, rec in records:
        for k in rec:
            if k not in columns:
                columns.append(k)
    return pd.DataFrame([rec for _, rec in records], columns=columns,
                        dtype=object if text_only else None)


def _from_records(records, *, path, actors, name, id_col, text_col, actor_col, date_col,
                  row_label="row", files=None, date_format=None,
                  text_only: bool = False) -> Corpus:
    df = records_frame(records, text_only=text_only)
    lines = [line for line, _ in records]
    return from_frame(df, id_col=id_col, text_col=text_col, actor_col=actor_col,
                      date_col=date_col, actors=actors, name=name, _path=path, _lines=lines,
                      _files=files, date_format=date_format)


def read_actors(path) -> pd.DataFrame:
    """Read an actor registry: CSV with ``id``, ``name``, ``aliases`` (``|``-separated), ``group``.

    Returns
    -------
    DataFrame
        ``id``, ``name``, ``aliases`` (tuple of str), ``group``, plus any further columns.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "actors.csv"
    >>> _ = p.write_text("id,name,aliases,group\\nbaku,Azerbaijan,Baku|AZ,state\\n")
    >>> read_actors(p).values.tolist()
    [['baku', 'Azerbaijan', ('Baku', 'AZ'), 'state']]
    """
    from frameshift.errors import check_path_argument

    check_path_argument(path, "path", "read_actors")
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


class _DateRangeError(ValueError):
    """A date that parses but lies outside the range a datetime64[ns] column can hold."""


_DATE_KEYWORDS = ("dayfirst", "monthfirst")
_NUMERIC_DATE = re.compile(r"(\d{1,2})([./-])(\d{1,2})\2(\d{4})")
_ISO_LOOSE = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def check_date_format(date_format):
    """Validate a ``date_format`` option: None, "dayfirst", "monthfirst" or a strptime format.

    Examples
    --------
    >>> check_date_format("%d.%m.%Y")
    '%d.%m.%Y'
    >>> check_date_format("DD/MM/YYYY")
    Traceback (most recent call last):
    ...
    frameshift.errors.OptionError: date_format='DD/MM/YYYY' is not understood. Use 'dayfirst' (27/03/2023, 28.03.2023), 'monthfirst' (03/27/2023) or a strptime format with % codes, e.g. '%d/%m/%Y' or '%d %B %Y'.
    """
    if date_format is None:
        return None
    if not isinstance(date_format, str) or not (
            date_format.lower() in _DATE_KEYWORDS or "%" in date_format):
        raise OptionError(
            f"date_format={date_format!r} is not understood. Use 'dayfirst' (27/03/2023, "
            "28.03.2023), 'monthfirst' (03/27/2023) or a strptime format with % codes, e.g. "
            "'%d/%m/%Y' or '%d %B %Y'.")
    return date_format.lower() if date_format.lower() in _DATE_KEYWORDS else date_format


def _date_fix(value, date_format) -> str:
    m = _NUMERIC_DATE.fullmatch(str(value).strip())
    if m and date_format is None:
        a, b = int(m.group(1)), int(m.group(3))
        order = (f"Here the day comes first ({a} > 12). " if a > 12 else
                 f"Here the month comes first ({b} > 12). " if b > 12 else "")
        sep = m.group(2)
        return (f"{order}Say how the dates are written: date_format='dayfirst' "
                f"(--date-format dayfirst) for day{sep}month{sep}year, 'monthfirst' for "
                f"month{sep}day{sep}year, or a strptime format such as '%d{sep}%m{sep}%Y'.")
    if date_format is None:
        return ("Write dates as YYYY-MM-DD (or YYYY, YYYY-MM), or pass date_format= "
                "(--date-format) with a strptime format such as '%d %B %Y'.")
    return ("Fix this date, or choose a date_format (--date-format) that fits the column: "
            "'dayfirst', 'monthfirst' or a strptime format; ISO dates are always read.")


def _parse_date(value, date_format=None):
    """Parse an ISO date (YYYY, YYYY-MM, YYYY-MM-DD, or a datetime); None if empty.

    ``date_format`` ("dayfirst", "monthfirst" or a strptime format) also reads that form.

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
        if date_format in _DATE_KEYWORDS:
            m = _NUMERIC_DATE.fullmatch(s)
            if m:
                a, b, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
                day, month = (a, b) if date_format == "dayfirst" else (b, a)
                return _in_range(pd.Timestamp(_dt.datetime(y, month, day)))
        elif date_format is not None:
            try:
                return _in_range(pd.Timestamp(_dt.datetime.strptime(s, date_format)))
            except ValueError:
                pass   # ISO below, else the error
        m = _ISO_LOOSE.fullmatch(s)
        if m:   # 2023-3-30: unpadded but unambiguous (four-digit year first)
            return _in_range(pd.Timestamp(_dt.datetime(*(int(g) for g in m.groups()))))
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
               name: str | None = None, _path=None, _lines=None, _files=None,
               date_format: str | None = None) -> Corpus:
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
    date_format : str, optional
        See :func:`read_corpus` (None: ISO; ``"dayfirst"``, ``"monthfirst"`` or a strptime
        format).

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
        raise ArgumentTypeError(f"from_frame expects a pandas DataFrame, got "
                                f"{type(df).__name__}. Build one with pandas.DataFrame(...) "
                                f"or read a file with read_corpus(path).")
    date_format = check_date_format(date_format)
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

    _check_single_values(df, (("id", idc), ("text", txc), ("actor", acc), ("date", dtc)), prob)
    if problems:
        raise CorpusError(f"{where}: {len(problems)} problem(s):", problems=problems,
                          path=_path)
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
            dates.append(_parse_date(v, date_format))
        except _DateRangeError:
            prob(i, f"the date {str(v)!r} in column {dtc!r} is outside the supported range "
                    f"1677-09-22 to 2262-04-11.",
                 "Move it to another column (extra columns are kept as they are) and "
                 "leave this row's date empty.")
            dates.append(None)
        except ValueError:
            prob(i, f"cannot read the date {str(v)!r} in column {dtc!r}"
                    + (f" with date_format={date_format!r}." if date_format else "."),
                 _date_fix(v, date_format))
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
    def at(i):
        return f"{where}:{lines[i]}" if _path is not None else f"{where} row {i}"

    if len(empty_rows) > MAX_EMPTY_WARNINGS:
        first = ", ".join(at(i).rsplit(" ", 1)[-1].rsplit(":", 1)[-1]
                          for i in empty_rows[:MAX_EMPTY_WARNINGS])
        warnings.warn(f"{where}: {len(empty_rows)} statements have no text (the first at "
                      f"{label}s {first}, ...); they are kept and counted as 0 tokens.",
                      EmptyStatementWarning, stacklevel=3)
    else:
        for i in empty_rows:
            warnings.warn(f"{at(i)}: statement {ids[i]!r} has no text; it is kept and counted "
                          f"as 0 tokens.", EmptyStatementWarning, stacklevel=3)
    _warn_near_duplicates(ids, where)
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


def _warn_near_duplicates(ids, where) -> None:
    """One warning for ids that differ only by case or Unicode normalisation."""
    groups: dict = {}
    for sid in ids:
        groups.setdefault(unicodedata.normalize("NFKC", sid).casefold(), []).append(sid)
    near = [g for g in groups.values() if len(set(g)) > 1]
    if near:
        shown = "; ".join(" / ".join(repr(x) for x in sorted(set(g))) for g in near[:5])
        more = f" and {len(near) - 5} more group(s)" if len(near) > 5 else ""
        warnings.warn(f"{where}: {len(near)} group(s) of ids differ only by case or Unicode "
                      f"normalisation: {shown}{more}. They are kept as different statements; "
                      f"rename them if they are the same.", UserWarning, stacklevel=4)


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
def _read_corpus_folder(folder: Path, *, name, id_col, text_col, actor_col, date_col,
                        date_format=None, allow_outside=False) -> Corpus:
    manifest_path = folder / "corpus.yml"
    _inside(folder, manifest_path, what="manifest", source=manifest_path,
            allow_outside=allow_outside)
    try:
        manifest = load_yaml(read_text_file(manifest_path), manifest_path,
                             error=CorpusError) or {}
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
    for key in ("actors", "statements", "segments", "sources"):
        if key in manifest:
            if not manifest[key].strip():
                raise CorpusError(f"{manifest_path}: the entry {key!r} is empty. Give a file "
                                  f"name or remove the entry.", path=manifest_path)
            _inside(folder, folder / manifest[key], what=f"'{key}:' entry", source=manifest_path,
                    allow_outside=allow_outside)
    for default in ("actors.csv", "statements.csv"):
        if (folder / default).exists():
            _inside(folder, folder / default, what="file", source=folder / default,
                    allow_outside=allow_outside)
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
                _inside(folder, f, what="source file", source=f, allow_outside=allow_outside)
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
        from .segments import corpus_from_segments

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
                           text_col=text_col, actor_col=actor_col, date_col=date_col,
                           text_only=True,
                           date_format=manifest.get("date_format", date_format)
                           if date_format is None else date_format)
    corpus.path = folder
    corpus.meta.update(meta)
    return corpus


def read_timeline(corpus) -> pd.DataFrame:
    """The events of a corpus's timeline that are not statements of the corpus.

    A corpus folder may name a timeline file in ``corpus.yml`` (``timeline: timeline.csv``,
    columns ``date, actor, event, statement_id`` and optionally ``label``). Rows with an actor
    and no ``statement_id`` are earlier moves of the dispute (an invitation, a reply) that the
    corpus does not hold as statements; they are returned with ``date`` parsed.

    Returns
    -------
    DataFrame
        ``date``, ``actor``, ``event`` (and ``label`` when the file has it); empty when the
        corpus has no timeline.

    Examples
    --------
    >>> ev = read_timeline(read_corpus("karabakh_2023"))
    >>> ev["date"].dt.strftime("%d %b").tolist()
    ['13 Mar', '14 Mar']
    """
    name = corpus.meta.get("timeline") if getattr(corpus, "meta", None) else None
    if not name or corpus.path is None or not (corpus.path / name).is_file():
        return pd.DataFrame(columns=["date", "actor", "event", "label"])
    path = corpus.path / name
    rows = [rec for _, rec in _read_delimited(path, ",")]
    ev = pd.DataFrame(rows, dtype=object).fillna("")
    missing = [c for c in ("date", "actor", "event", "statement_id") if c not in ev.columns]
    if missing:
        raise CorpusError(f"{path}: the timeline lacks column(s) {missing}. Expected date, "
                          f"actor, event, statement_id[, label].", path=path)
    ev = ev[(ev["actor"] != "") & (ev["statement_id"] == "")]
    dates = []
    for i, v in zip(ev.index, ev["date"]):
        try:
            dates.append(_parse_date(v))
        except ValueError:
            raise CorpusError(f"{path}:{i + 2}: date {v!r} is not a date. Write it as "
                              f"YYYY-MM-DD.", path=path, line=i + 2) from None
    ev = ev.assign(date=pd.to_datetime(pd.Series(dates, index=ev.index, dtype=object)))
    cols = ["date", "actor", "event"] + (["label"] if "label" in ev.columns else [])
    return ev[cols].reset_index(drop=True)
