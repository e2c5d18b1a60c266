"""Count lexicon matches in a CSV or JSON Lines corpus too large for memory, chunk by chunk.

The file is read record by record; every ``chunksize`` records become a small corpus
(:func:`frameshift.corpus.from_frame`, with the file's line numbers in its error messages), which
is counted by :func:`frameshift.matching.count_matches` and dropped. Only the integer sums per
group and category are kept, so memory is bounded by the chunk size plus the size of the
result (groups x categories), not by the corpus. The lexicon is compiled against each chunk's
vocabulary; a glob expands to the same words in a statement whichever vocabulary it is
resolved against, so the counts are the same.

The table equals ``count_matches(read_corpus(path, ...), lexicon, by=...)``: groups are put in
the order of their first statement in analysis order (date, then file order; undated
statements last), ``per_1000`` and ``share`` are computed from the summed integers.
Differences from :func:`~frameshift.corpus.read_corpus`: a statement id repeated in two
different chunks is not detected, and a metadata column is turned into integers chunk by
chunk (group by such a column only if it is integer-looking throughout the file).
"""

from __future__ import annotations

import csv
from pathlib import Path

import numpy as np
import pandas as pd

from frameshift.corpus.readers import delimited_rows, json_record, records_frame
from frameshift.errors import CorpusError, EncodingError, InputNotFoundError, Problem
from frameshift.matching.parallel import (_by_list, _check_by, _categories, combine_counts,
                                          SUM_COLUMNS)

__all__ = ["count_matches_stream", "iter_statement_chunks"]

_ROW = "__frameshift_row__"


def _csv_records(path: Path, sep: str):
    old = csv.field_size_limit()
    csv.field_size_limit(2**31 - 1)
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            reader = csv.reader(fh, delimiter=sep)
            try:
                header = [h.strip() for h in next(reader)]
            except StopIteration:
                raise CorpusError(f"{path}: the file is empty. Expected a header row and one "
                                  f"statement per row.", path=path) from None
            for start, rec in delimited_rows(reader, path, header):
                if isinstance(rec, Problem):
                    raise CorpusError(str(rec), path=path, line=start)
                yield start, rec
    except UnicodeDecodeError as err:
        raise EncodingError(f"{path}: not UTF-8 ({err.reason} at byte {err.start} of a "
                            f"block). Re-save the file as UTF-8.", path=path) from err
    except csv.Error as err:
        raise CorpusError(f"{path}: {err}. Check the quoting.", path=path) from err
    finally:
        csv.field_size_limit(old)


def _jsonl_records(path: Path):
    try:
        with open(path, encoding="utf-8-sig", newline="") as fh:
            for i, line in enumerate(_lf_lines(fh), start=1):
                line = line[:-1] if line.endswith("\r") else line
                if not line.strip():
                    continue
                rec = json_record(line, path, i)
                if isinstance(rec, Problem):
                    raise CorpusError(str(rec), path=path, line=i)
                yield i, rec
    except UnicodeDecodeError as err:
        raise EncodingError(f"{path}: not UTF-8 ({err.reason}). Re-save the file as UTF-8.",
                            path=path) from err


def _lf_lines(fh, block: int = 1 << 20):
    """Lines split on line feeds only (JSON strings may hold U+2028 and friends)."""
    rest = ""
    while True:
        data = fh.read(block)
        if not data:
            break
        parts = (rest + data).split("\n")
        rest = parts.pop()
        yield from parts
    if rest:
        yield rest


def iter_statement_chunks(path, *, chunksize: int = 10_000, sep: str | None = None):
    """Yield ``(DataFrame, line numbers)`` of up to ``chunksize`` records of a CSV/TSV or
    JSON Lines file, reading it incrementally.

    The frames hold the raw values (strings for CSV) and a column ``__frameshift_row__`` with
    each record's position in the file.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "s.csv"
    >>> _ = p.write_text("statement_id,actor,text\\na,baku,Reintegration now.\\n"
    ...                  "b,nk,No coercion.\\nc,nk,Talks.\\n")
    >>> [len(df) for df, lines in iter_statement_chunks(p, chunksize=2)]
    [2, 1]
    """
    p = Path(path)
    if not p.is_file():
        raise InputNotFoundError(f"{path}: no such file. Give the path to a CSV/TSV or JSON "
                                 f"Lines corpus file.", path=path)
    suffix = p.suffix.lower()
    if suffix in (".jsonl", ".ndjson"):
        records = _jsonl_records(p)
    elif suffix in (".csv", ".tsv", ".tab", ".txt"):
        records = _csv_records(p, sep or ("\t" if suffix in (".tsv", ".tab") else ","))
    else:
        raise CorpusError(f"{p}: cannot stream a {suffix!r} file. Use .csv, .tsv or .jsonl.",
                          path=p)
    if int(chunksize) < 1:
        raise ValueError(f"chunksize must be 1 or more, not {chunksize!r}.")
    n = 0
    buf: list = []
    for line, rec in records:
        buf.append((line, rec))
        if len(buf) >= chunksize:
            yield _frame(buf, n), [ln for ln, _ in buf]
            n += len(buf)
            buf = []
    if buf:
        yield _frame(buf, n), [ln for ln, _ in buf]
    elif n == 0:
        raise CorpusError(f"{p}: no statements. Add one statement per row.", path=p)


def _frame(buf, offset: int) -> pd.DataFrame:
    df = records_frame(buf)
    df[_ROW] = np.arange(offset, offset + len(buf), dtype=np.int64)
    return df


def _group_codes(keys: pd.DataFrame, cols: list[str]) -> np.ndarray:
    # The grouping of frameshift.matching.count_matches: first appearance, NA a group of its own.
    if len(cols) > 1:
        return pd.MultiIndex.from_frame(keys.astype(object)).factorize()[0]
    return pd.factorize(keys[cols[0]].astype(object), use_na_sentinel=False)[0]


def count_matches_stream(path, lexicon, *, by="actor", chunksize: int = 10_000,
                         id_col: str | None = None, text_col: str | None = None,
                         actor_col: str | None = None, date_col: str | None = None,
                         sep: str | None = None, **options) -> pd.DataFrame:
    """:func:`frameshift.matching.count_matches` over a corpus file, with bounded memory.

    Parameters
    ----------
    path : str or path-like
        A CSV/TSV (``.csv``, ``.tsv``) or JSON Lines (``.jsonl``, ``.ndjson``) file, one
        statement per record, UTF-8.
    lexicon : Lexicon, str or dict
    by : str or list of str, default "actor"
    chunksize : int, default 10000
        Statements per chunk (memory grows with it; speed hardly depends on it above ~1,000).
    id_col, text_col, actor_col, date_col, sep
        As for :func:`frameshift.corpus.read_corpus`.
    **options
        Matching options of :func:`~frameshift.matching.count_matches`.

    Returns
    -------
    DataFrame
        What ``count_matches(read_corpus(path), lexicon, by=by, **options)`` returns.

    Raises
    ------
    InputNotFoundError, EncodingError, CorpusError, OptionError

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> _ = (d / "s.csv").write_text("statement_id,actor,text\\n"
    ...     "a,baku,Reintegration now.\\nb,nk,No coercion.\\nc,baku,Reintegration.\\n")
    >>> count_matches_stream(d / "s.csv", {"reint": ["reintegration"]}, chunksize=2
    ...                      ).drop(columns=["sentences", "short_text"])
      actor category  count  negated  tokens    per_1000  share
    0  baku    reint      2        0       3  666.666667    1.0
    1    nk    reint      0        0       2    0.000000    NaN
    """
    from frameshift.corpus.readers import from_frame
    from frameshift.matching.engine import count_matches

    cols = _by_list(by)
    lex, cats = _categories(lexicon)
    partials, block_keys = [], []
    for df, lines in iter_statement_chunks(path, chunksize=chunksize, sep=sep):
        corpus = from_frame(df, id_col=id_col, text_col=text_col, actor_col=actor_col,
                            date_col=date_col, _path=Path(path), _lines=lines)
        st = corpus.statements
        _check_by(st, cols)
        table = count_matches(corpus, lex, by=cols, warn=False, **options)
        partials.append(table[cols + ["category", *SUM_COLUMNS]])
        # Each group's first statement in this chunk (analysis order): its (date, row) key.
        codes = _group_codes(st[cols], cols)
        _, first = np.unique(codes, return_index=True)
        date = st["date"].to_numpy(dtype="datetime64[ns]").astype(np.int64)
        date = np.where(st["date"].isna().to_numpy(), np.iinfo(np.int64).max, date)
        row = st[_ROW].to_numpy(np.int64)
        block_keys.append(np.stack([date[first], row[first]], axis=1))
    # Put every group's blocks in the order of its earliest statement across all chunks.
    K = len(cats)
    keys = np.concatenate(block_keys)
    order = np.lexsort((keys[:, 1], keys[:, 0]))
    allp = pd.concat(partials, ignore_index=True)
    rows = (order[:, None] * K + np.arange(K)[None, :]).reshape(-1)
    return combine_counts([allp.iloc[rows].reset_index(drop=True)], by=cols, categories=cats)
