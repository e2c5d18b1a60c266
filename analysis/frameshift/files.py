"""Files in and out: UTF-8 reading with located errors, atomic writes, provenance records, and
refusal to overwrite what is not ours."""

from __future__ import annotations

import functools
import hashlib
import json
import os
import stat
import tempfile
from pathlib import Path

from frameshift.errors import (EncodingError, InputNotFoundError, InputNotReadableError,
                               OutputExistsError)

__all__ = ["outside_folder", "atomic_write_bytes", "write_table_atomic", "write_table", "TABLE_FORMATS",
           "provenance", "check_output_path", "PROVENANCE_SUFFIX", "read_text_file",
           "read_input_bytes", "decode_bytes", "corpus_dir", "MAX_INPUT_BYTES", "recover_output",
           "verify_output", "write_pair_atomic", "compose_yaml", "load_yaml", "YAML_MAX_NODES",
           "YAML_MAX_DEPTH", "escape_formulas", "FORMULA_LEADS", "csv_bytes",
           "unescape_formulas", "formulas_escaped", "unescape_cell", "read_back"]

PROVENANCE_SUFFIX = ".provenance.json"
#: Suffix of the provenance record staged before its output is renamed into place (see
#: :func:`write_table_atomic`); a kill leaves it behind and :func:`recover_output` finishes or
#: drops the pair.
PENDING_SUFFIX = ".provenance.pending"
#: Largest input file read whole (bytes): ``$FRAMESHIFT_MAX_INPUT_BYTES``, default 2 GiB. A file
#: beyond it is refused with a message instead of exhausting the memory.
MAX_INPUT_BYTES = 2 * 1024 ** 3


def _max_input_bytes() -> int:
    env = os.environ.get("FRAMESHIFT_MAX_INPUT_BYTES", "").strip()
    if env.isdigit():
        return int(env)
    return MAX_INPUT_BYTES


def provenance(*, corpus=None, lexicon=None, settings: dict | None = None, **extra) -> dict:
    """Provenance of a result: package version, corpus and lexicon identity, settings.

    Examples
    --------
    >>> sorted(provenance(settings={"scope": "key"}))
    ['package', 'settings', 'version']
    """
    from frameshift import __version__

    rec: dict = {"package": "frameshift", "version": __version__}
    if corpus is not None:
        rec["corpus"] = {"name": corpus.name, "sha256": corpus.fingerprint(),
                         "statements": len(corpus)}
    if lexicon is not None:
        fp = getattr(lexicon, "fingerprint", None)
        rec["lexicon"] = {"name": getattr(lexicon, "name", None),
                          "version": getattr(lexicon, "version", None),
                          "sha256": fp() if callable(fp) else fp}
    if settings is not None:
        rec["settings"] = settings
    rec.update(extra)
    return rec


def check_output_path(path, *, force: bool = False, inputs=(), marker: Path | None = None) -> Path:
    """Refuse to write over an input, into a bundled corpus, or over a foreign file.

    A file counts as written by frameshift when its provenance file (or ``marker``) exists.
    """

    from frameshift.errors import check_path_argument

    check_path_argument(path, "path", "check_output_path")
    path = Path(path)
    target = path.resolve()
    for inp in inputs:
        if inp is None:
            continue
        try:
            src = Path(inp).resolve() if Path(inp).exists() else None
        except OSError:  # an unreadable or odd path cannot be the output either
            src = None
        if src is not None and (src == target or src in target.parents):
            raise OutputExistsError(
                f"{path}: this is an input of the command ({inp}); frameshift never writes "
                f"into its inputs. Choose another output path.", path=path)
    root = corpus_dir()
    if root is not None and (root.resolve() == target or root.resolve() in target.parents):
        raise OutputExistsError(
            f"{path}: is inside the bundled corpus folder {root}; frameshift never writes "
            f"there. Choose another output path.", path=path)
    if path.is_dir():
        raise OutputExistsError(
            f"{path}: is a folder. Give a file name for the output (e.g. {path}/counts.csv).",
            path=path)
    _refuse_special_output(path)
    if marker is None:
        recover_output(path)
        marker = path.with_name(path.name + PROVENANCE_SUFFIX)
    if path.exists() and not marker.exists() and not force:
        raise OutputExistsError(
            f"{path}: exists and was not written by frameshift (no {marker.name}). Choose "
            f"another path, or pass --force to replace it.", path=path)
    return path


def _special_kind(path: Path) -> str | None:
    """What ``path`` is when it exists and is neither a regular file nor a folder (a device,
    a named pipe, a socket), else None."""
    try:
        st = os.stat(path)
    except (OSError, ValueError):
        return None
    mode = st.st_mode
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return ("a named pipe (FIFO)" if stat.S_ISFIFO(mode) else
            "a character device" if stat.S_ISCHR(mode) else
            "a block device" if stat.S_ISBLK(mode) else
            "a socket" if stat.S_ISSOCK(mode) else "not a regular file")


def _refuse_special_output(path: Path) -> None:
    kind = _special_kind(path)
    if kind is not None:
        raise OutputExistsError(
            f"{path}: is {kind}, not a regular file. frameshift writes an output to a "
            f"temporary file and renames it into place, which would replace {path} itself, so "
            f"it writes only to regular files (even with --force). Give a file path (a table "
            f"command without --out prints its table instead).", path=path)


def atomic_write_bytes(path, data: bytes) -> None:
    """Write ``data`` to a temporary file in the same folder, then rename it into place.

    A reader never sees a half-written file, and an interrupted write leaves the old file (if
    any) untouched. A device, named pipe or socket at ``path`` is refused
    (:class:`OutputExistsError`): the rename would replace it (``/dev/null`` became a regular
    file so, once, with ``--out /dev/null --force``). The new file gets the permissions of the file it replaces, or the usual
    ones for a new file (``0o666`` minus the umask), not the private ``0o600`` of a temporary.
    """
    path = Path(path)
    _refuse_special_output(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    mode = _target_mode(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def _target_mode(path: Path) -> int:
    try:
        return path.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


#: First characters that make a spreadsheet read a cell as a formula (OWASP, "CSV Injection",
#: https://owasp.org/www-community/attacks/CSV_Injection: equals, plus, minus, at, tab,
#: carriage return; the same list in OWASP ASVS 5.0 requirement 1.2.10).
FORMULA_LEADS = ("=", "+", "-", "@", "\t", "\r")
_LEADS = frozenset(FORMULA_LEADS)
_LEADS_Q = _LEADS | {"'"}


def _formula_like(v: str) -> bool:
    """``v`` starts with a formula lead, after any number of single quotes: ``=x`` and
    ``'=x`` are escaped (``'=x``, ``''=x``), so that :func:`unescape_formulas`, which takes
    one quote off, gives back exactly what was written."""
    return v.lstrip("'")[:1] in _LEADS


def escape_formulas(df):
    """The table with every text cell that starts like a formula prefixed by a single quote.

    Spreadsheets (Excel, LibreOffice Calc, Google Sheets) evaluate a CSV cell that begins
    with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return as a formula -- a shared corpus
    is untrusted input, and a statement such as ``=HYPERLINK("http://...")`` would run when a
    researcher opens the counts. OWASP's rule (see :data:`FORMULA_LEADS`) is to prefix such
    cells with ``'``, which the spreadsheet shows as text and does not display.

    Only text is escaped: cells holding numbers (numeric columns, and numbers in mixed
    columns) are written as numbers, so ``-0.25`` stays a number a spreadsheet can sum --
    a signed number is a constant, not a formula. Text that merely looks like a number
    (``"-5"`` in a text column) is escaped like any text, since the rule is about the first
    character of what a user wrote. Column names are text too and are escaped the same way.
    A cell that already starts with quotes before such a character (``'=x``) gets one more
    (``''=x``), so escaping is undone exactly by :func:`unescape_formulas`, which
    frameshift's own readers apply to a CSV whose provenance says it was escaped (see
    :func:`formulas_escaped`). Other programs that read the file back (pandas, R) see the
    ``'``: write with ``escape_formulas=False`` (``--no-escape-formulas``) for them.

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"text": ["=1+2", "-- he said", "fine", "@SUM(A1)"],
    ...                    "shift": [-0.25, 1.0, 0.0, 2.5]})
    >>> escape_formulas(df)["text"].tolist()
    ["'=1+2", "'-- he said", 'fine', "'@SUM(A1)"]
    >>> escape_formulas(df)["shift"].tolist()
    [-0.25, 1.0, 0.0, 2.5]
    """
    import pandas as pd

    def esc(v):
        return "'" + v if isinstance(v, str) and _formula_like(v) else v

    out = df.copy(deep=False)
    changed = False
    for i, col in enumerate(df.columns):
        series = df.iloc[:, i]
        if pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_bool_dtype(
                series.dtype) or pd.api.types.is_datetime64_any_dtype(series.dtype):
            continue
        if not any(isinstance(v, str) and v.startswith(FORMULA_LEADS)
                   for v in series.tolist()):
            continue  # nothing to escape (most columns): no copy of the column
        if isinstance(series.dtype, pd.CategoricalDtype):
            series = series.astype(object)
        # one pass in plain Python over the cells (Series.map called esc per cell: the
        # slowest step of writing a 260,000-row segmentation)
        cells = series.tolist()
        hits = [j for j, v in enumerate(cells) if isinstance(v, str) and v[:1] in _LEADS_Q
                and _formula_like(v)]
        if hits:
            for j in hits:
                cells[j] = "'" + cells[j]
            out.isetitem(i, pd.Series(cells, index=series.index, dtype=series.dtype,
                                      name=series.name))
            changed = True
    names = [esc(c) if isinstance(c, str) else c for c in df.columns]
    if names != list(df.columns):
        out.columns = names
        changed = True
    return out if changed else df


def unescape_cell(value):
    """One cell as it was before :func:`escape_formulas` (one leading quote off a cell that
    starts with quotes and then a formula character; anything else unchanged).

    Examples
    --------
    >>> unescape_cell("'=1+2"), unescape_cell("''=x"), unescape_cell("'quoted'")
    ('=1+2', "'=x", "'quoted'")
    """
    if isinstance(value, str) and value[:1] == "'" and _formula_like(value):
        return value[1:]
    return value


def unescape_formulas(df):
    """The table as it was before :func:`escape_formulas` (text cells and column names).

    Examples
    --------
    >>> import pandas as pd
    >>> df = pd.DataFrame({"text": ["=1+2", "'=x", "fine", "'quoted'"], "n": [-1, 2, 3, 4]})
    >>> unescape_formulas(escape_formulas(df)).equals(df)
    True
    """
    import pandas as pd

    out = df.copy(deep=False)
    changed = False
    for i in range(df.shape[1]):
        series = df.iloc[:, i]
        if pd.api.types.is_numeric_dtype(series.dtype) or pd.api.types.is_bool_dtype(
                series.dtype) or pd.api.types.is_datetime64_any_dtype(series.dtype):
            continue
        cells = series.tolist()
        hits = [j for j, v in enumerate(cells) if isinstance(v, str) and v[:1] == "'"
                and _formula_like(v)]
        if hits:
            for j in hits:
                cells[j] = cells[j][1:]
            out.isetitem(i, pd.Series(cells, index=series.index, dtype=series.dtype,
                                      name=series.name))
            changed = True
    names = [unescape_cell(c) for c in df.columns]
    if names != list(df.columns):
        out.columns = names
        changed = True
    return out if changed else df


def formulas_escaped(path) -> bool:
    """Whether ``path`` is a CSV file that frameshift wrote with formula-leading cells escaped
    (:func:`escape_formulas`): its ``.provenance.json`` says so and holds the file's SHA-256.
    A file edited since (another hash), or without that record, is read as it stands.

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "t.csv"
    >>> _ = write_table(pd.DataFrame({"text": ["=x"]}), out)
    >>> formulas_escaped(out), out.read_text().splitlines()[1]
    (True, "'=x")
    """
    path = Path(path)
    prov = path.with_name(path.name + PROVENANCE_SUFFIX)
    try:
        if not prov.is_file() or not path.is_file() or prov.stat().st_size > 50_000_000:
            return False
        out = json.loads(prov.read_text(encoding="utf-8")).get("output") or {}
        if out.get("formulas_escaped") is not True:
            return False
        h = hashlib.sha256()
        with open(path, "rb") as fh:
            for chunk in iter(lambda: fh.read(1 << 20), b""):
                h.update(chunk)
        return h.hexdigest() == out.get("sha256")
    except (OSError, ValueError, AttributeError):
        return False


def read_back(df, path):
    """``df`` read from ``path``, unescaped (:func:`unescape_formulas`) when ``path`` is a
    CSV frameshift wrote with formula-leading cells escaped (:func:`formulas_escaped`)."""
    if Path(str(path)).suffix.lower() != ".csv":
        return df
    return unescape_formulas(df) if formulas_escaped(path) else df


def csv_bytes(df, *, escape_formulas: bool = True) -> bytes:
    """The table as UTF-8 CSV bytes (no index, ``\\n`` line ends), formula-leading text
    escaped unless ``escape_formulas=False`` (see :func:`escape_formulas`).

    Examples
    --------
    >>> import pandas as pd
    >>> csv_bytes(pd.DataFrame({"a": ["=x", "y"], "n": [-1, 2]}))
    b"a,n\\n'=x,-1\\ny,2\\n"
    >>> csv_bytes(pd.DataFrame({"a": ["=x"]}), escape_formulas=False)
    b'a\\n=x\\n'
    """
    table = _escape(df) if escape_formulas else df
    data = table.to_csv(index=False, lineterminator="\n")
    if "\r" in data and _has_bare_cr(table):
        # The csv module quotes a field holding "\n" but not one holding a lone "\r", which
        # readers take for a line break (the row would be cut in two): quote every text field.
        import csv

        data = table.to_csv(index=False, lineterminator="\n", quoting=csv.QUOTE_NONNUMERIC)
    return data.encode("utf-8")


def _has_bare_cr(df) -> bool:
    if any(isinstance(c, str) and "\r" in c for c in df.columns):
        return True
    import pandas as pd

    for i in range(df.shape[1]):
        col = df.iloc[:, i]
        if pd.api.types.is_numeric_dtype(col.dtype) or pd.api.types.is_bool_dtype(col.dtype):
            continue
        if col.astype(object).map(lambda v: isinstance(v, str) and "\r" in v).any():
            return True
    return False


_escape = escape_formulas  # (the keyword argument of the same name hides the function)


def write_table_atomic(df, path, *, provenance: dict, force: bool = False, inputs=(),
                       escape_formulas: bool = True) -> Path:
    """Write a table as CSV atomically, with ``<path>.provenance.json`` beside it.

    The pair is committed in three steps so that a kill at any moment leaves either the old
    pair or the new one (after :func:`recover_output`, which every later write or check runs):
    the new provenance record is staged as ``.<name>.provenance.pending``, the table is
    renamed into place, then the staged record is renamed over the old one. The record holds
    the table's SHA-256, so the pair checks itself (:func:`verify_output`). Text cells
    starting like a spreadsheet formula are escaped unless ``escape_formulas=False`` (see
    :func:`escape_formulas`).
    """
    from frameshift.errors import check_table_argument

    check_table_argument(df, "df", "write_table_atomic")
    path = check_output_path(path, force=force, inputs=inputs)
    data = csv_bytes(df, escape_formulas=escape_formulas)
    record = dict(provenance)
    record["output"] = {"file": path.name, "sha256": hashlib.sha256(data).hexdigest(),
                        "rows": int(len(df)), "columns": [str(c) for c in df.columns],
                        "formulas_escaped": bool(escape_formulas)}
    write_pair_atomic(path, data, record)
    return path


def csv_bytes_of_columns(columns: dict, *, escape_formulas: bool = True) -> bytes:
    """:func:`csv_bytes` of a table given as ``{name: list or 1-d numpy array}``, without
    pandas: the same bytes as ``csv_bytes(pd.DataFrame(columns))`` for columns of text (str
    or None, no carriage return: ValueError), whole numbers, floats and booleans
    (``frameshift count``, issue 20).

    Examples
    --------
    >>> import numpy as np
    >>> csv_bytes_of_columns({"a": ["=x", None], "n": np.array([-1, 2]),
    ...                       "r": np.array([0.5, np.nan]), "b": np.array([True, False])})
    b"a,n,r,b\\n'=x,-1,0.5,True\\n,2,,False\\n"
    """
    import csv
    import io

    import numpy as np

    names, cells = [], []
    for name, values in columns.items():
        names.append(_escape_cell(name) if escape_formulas else name)
        if isinstance(values, np.ndarray) and values.dtype.kind in "iub":
            cells.append(values.astype(str).tolist())
        elif isinstance(values, np.ndarray) and values.dtype.kind == "f":
            # (as pandas writes floats: numpy's shortest repr, NaN as an empty field)
            text = values.astype(str)
            text[np.isnan(values)] = ""
            cells.append(text.tolist())
        else:
            col = ["" if v is None else v for v in values]
            if any(not isinstance(v, str) for v in col):
                raise TypeError("csv_bytes_of_columns: a column of text holds a "
                                f"{type(next(v for v in col if not isinstance(v, str))).__name__}")
            if escape_formulas:
                col = [_escape_cell(v) for v in col]
            cells.append(col)
    if any("\r" in v for v in names) or any(
            "\r" in v for col, values in zip(cells, columns.values())
            if not isinstance(values, np.ndarray) or values.dtype.kind not in "iubf"
            for v in col):
        # csv_bytes quotes every text field then, and pandas leaves numbers unquoted
        raise ValueError("csv_bytes_of_columns: a text holds a carriage return; use "
                         "csv_bytes(DataFrame)")
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\n")
    w.writerow(names)
    w.writerows(zip(*cells))
    return buf.getvalue().encode("utf-8")


def _escape_cell(v):
    return "'" + v if isinstance(v, str) and v[:1] in _LEADS_Q and _formula_like(v) else v


def write_columns_atomic(columns: dict, path, *, provenance: dict, force: bool = False,
                         inputs=(), escape_formulas: bool = True,
                         named_format: bool = False) -> Path:
    """:func:`write_table_atomic` of a table given as ``{name: list or array}`` (see
    :func:`csv_bytes_of_columns`): the same file and provenance record, without pandas
    (``named_format``: the record of :func:`write_table` for a ``.csv`` name, with
    ``"format": "csv"``)."""
    path = check_output_path(path, force=force, inputs=inputs)
    data = csv_bytes_of_columns(columns, escape_formulas=escape_formulas)
    n = len(next(iter(columns.values()))) if columns else 0
    record = dict(provenance)
    record["output"] = {"file": path.name, "sha256": hashlib.sha256(data).hexdigest(),
                        "rows": int(n), "columns": [str(c) for c in columns],
                        "formulas_escaped": bool(escape_formulas)}
    if named_format:
        record["output"] = {"file": path.name, "format": "csv", **record["output"]}
    write_pair_atomic(path, data, record)
    return path


def _pending(path: Path) -> Path:
    return path.with_name(f".{path.name}{PENDING_SUFFIX}")


def write_pair_atomic(path, data: bytes, record: dict) -> None:
    """Write ``data`` to ``path`` and ``record`` to its provenance file as one unit (see
    :func:`write_table_atomic`). ``record["output"]["sha256"]`` must be the hash of ``data``."""
    path = Path(path)
    prov = path.with_name(path.name + PROVENANCE_SUFFIX)
    pending = _pending(path)
    atomic_write_bytes(pending, (json.dumps(record, indent=2, sort_keys=True, default=str)
                                 + "\n").encode("utf-8"))
    atomic_write_bytes(path, data)
    os.replace(pending, prov)
    _fsync_dir(path.parent)


def _fsync_dir(folder: Path) -> None:
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def recover_output(path) -> str | None:
    """Finish or undo a pair write that was interrupted (see :func:`write_table_atomic`).

    Returns ``"completed"`` when the table had been replaced and its staged provenance record
    is now put in place, ``"dropped"`` when the table was never replaced (the staged record is
    removed), or None when there was nothing to recover.
    """
    path = Path(path)
    pending = _pending(path)
    if not pending.is_file():
        return None
    try:
        want = json.loads(pending.read_text(encoding="utf-8"))["output"]["sha256"]
    except (OSError, ValueError, KeyError, TypeError):
        want = None
    have = _sha256_file(path) if path.is_file() else None
    if want is not None and have == want:
        os.replace(pending, path.with_name(path.name + PROVENANCE_SUFFIX))
        return "completed"
    pending.unlink(missing_ok=True)
    return "dropped"


def _sha256_file(path: Path) -> str | None:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                h.update(block)
    except OSError:
        return None
    return h.hexdigest()


def verify_output(path) -> dict:
    """Check that an output and its provenance record belong together; return the record.

    Raises
    ------
    InputNotFoundError
        No provenance record beside the file.
    OutputExistsError
        The file's SHA-256 differs from the one its record names (the pair is mismatched,
        e.g. the file was edited by hand): rerun the command that wrote it.
    """
    path = Path(path)
    recover_output(path)
    prov = path.with_name(path.name + PROVENANCE_SUFFIX)
    try:
        record = json.loads(prov.read_text(encoding="utf-8"))
    except FileNotFoundError as err:
        raise InputNotFoundError(f"{path}: no provenance record {prov.name} beside it; it was "
                                 f"not written by frameshift.", path=path) from err
    except (OSError, ValueError) as err:
        raise OutputExistsError(f"{prov}: the provenance record cannot be read ({err}). Rerun "
                                f"the command that wrote {path.name}.", path=prov) from err
    want = (record.get("output") or {}).get("sha256") if isinstance(record, dict) else None
    if want != _sha256_file(path):
        raise OutputExistsError(
            f"{path}: its content does not match its provenance record {prov.name} (changed "
            f"after it was written). Rerun the command that wrote it (with --force).",
            path=path)
    return record


#: Table formats :func:`write_table` picks by the file name's suffix.
TABLE_FORMATS = {".csv": "csv", ".parquet": "parquet", ".xlsx": "excel"}


def _table_bytes(df, fmt: str, path: Path, escape: bool = True) -> bytes:
    import io

    if fmt == "csv":
        return csv_bytes(df, escape_formulas=escape)
    if fmt == "excel" and escape:
        df = _escape(df)  # openpyxl stores a text starting with "=" as a formula
    module = {"parquet": "pyarrow", "excel": "openpyxl"}[fmt]
    try:
        __import__(module)
    except ImportError:
        from frameshift.errors import OptionError
        raise OptionError(f"{path}: writing {path.suffix} files needs {module}, which is not "
                          f"installed. Install the io extra: pip install 'frameshift[io]' "
                          f"(or write .csv).") from None
    buf = io.BytesIO()
    df = df.copy(deep=False)
    df.attrs = {}  # pandas would store attrs (e.g. MatchSettings) as JSON metadata; provenance has them
    if fmt == "parquet":
        df.to_parquet(buf, index=False, engine="pyarrow")
    else:
        df.to_excel(buf, index=False, engine="openpyxl")
    return buf.getvalue()


def write_table(df, path, *, provenance: dict | None = None, force: bool = False,
                inputs=(), escape_formulas: bool = True) -> Path:
    """Write a table as CSV, Parquet or Excel (by the suffix), atomically, with provenance.

    Parameters
    ----------
    df : DataFrame
        The table (its index is not written).
    path : str or Path
        Ends in ``.csv``, ``.parquet`` (needs pyarrow) or ``.xlsx`` (needs openpyxl); the
        two libraries come with the ``io`` extra: ``pip install 'frameshift[io]'``.
    provenance : dict, optional
        Recorded in ``<path>.provenance.json`` beside the table, with the file's sha256.
    force : bool, default False
        Replace an existing file that frameshift did not write.
    inputs : sequence of paths
        Files the table was made from; ``path`` may not point into them.
    escape_formulas : bool, default True
        In CSV and Excel files, prefix text cells starting with ``=``, ``+``, ``-``, ``@``,
        a tab or a carriage return with ``'`` so that a spreadsheet does not run them as
        formulas (OWASP's rule; numbers stay numbers, see :func:`escape_formulas`). Parquet
        is not a spreadsheet format and is written as is.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    OptionError
        An unknown suffix, or the library for the format is not installed.
    OutputExistsError
        ``path`` exists and was not written by frameshift (use ``force=True``).

    Examples
    --------
    >>> import pandas as pd, tempfile, pathlib
    >>> out = pathlib.Path(tempfile.mkdtemp()) / "counts.csv"
    >>> write_table(pd.DataFrame({"actor": ["a"], "count": [2]}), out).name
    'counts.csv'
    >>> print(out.read_text(), end="")
    actor,count
    a,2
    """
    from frameshift.errors import check_path_argument, check_table_argument

    check_path_argument(path, "path", "write_table")
    check_table_argument(df, "df", "write_table")
    path = Path(path)
    fmt = TABLE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        from frameshift.errors import OptionError
        raise OptionError(f"{path}: cannot tell the table format from the suffix "
                          f"{path.suffix or '(none)'!r}; end the name in "
                          f"{', '.join(TABLE_FORMATS)}.")
    path = check_output_path(path, force=force, inputs=inputs)
    data = _table_bytes(df, fmt, path, escape_formulas)
    record = dict(provenance or {})
    record["output"] = {"file": path.name, "format": fmt,
                        "sha256": hashlib.sha256(data).hexdigest(),
                        "rows": int(len(df)), "columns": [str(c) for c in df.columns],
                        "formulas_escaped": bool(escape_formulas) and fmt != "parquet"}
    write_pair_atomic(path, data, record)
    return path


# --------------------------------------------------------------------------- reading
def outside_folder(folder: Path, target: Path) -> Path | None:
    """Where ``target`` really is, if that lies outside ``folder`` once symbolic links are
    resolved; None when it is inside. A link loop is a CorpusError naming ``target``.

    Examples
    --------
    >>> outside_folder(Path("/data/corpus"), Path("/data/corpus/a.txt")) is None
    True
    >>> str(outside_folder(Path("/data/corpus"), Path("/data/corpus/../b.txt")))
    '/data/b.txt'
    """
    from frameshift.errors import CorpusError

    try:
        real, root = Path(target).resolve(), Path(folder).resolve()
    except (OSError, RuntimeError) as err:  # a symlink loop
        raise CorpusError(f"{target}: cannot follow the path ({err}). Replace the symbolic "
                          f"link by the file itself.", path=target) from err
    return None if real == root or root in real.parents else real


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
    return decode_bytes(read_input_bytes(path), path)


def _input_error(path: Path, err: Exception):
    """The toolkit's error for an OS error met while reading an input (stat or open)."""
    if isinstance(err, FileNotFoundError):
        return InputNotFoundError(f"{path}: no such file. Check the path (relative paths start "
                                  f"from {Path.cwd()}).", path=path)
    if isinstance(err, IsADirectoryError):
        return InputNotFoundError(f"{path}: is a folder, expected a file.", path=path)
    if isinstance(err, PermissionError):
        return InputNotReadableError(
            f"{path}: permission denied. Make the file readable (e.g. `chmod u+r {path}`) or "
            f"copy it somewhere you can read it.", path=path)
    return InputNotReadableError(
        f"{path}: cannot be read ({getattr(err, 'strerror', None) or err}). Check that it is a "
        f"regular file on a working disk.", path=path)


def read_input_bytes(path: str | os.PathLike, *, what: str = "file") -> bytes:
    """The bytes of a regular input file, refusing pipes, devices, sockets and huge files.

    Named pipes and devices (``/dev/zero``, a terminal) are refused *before* they are opened
    (opening a pipe blocks until someone writes to it); a file larger than
    ``$FRAMESHIFT_MAX_INPUT_BYTES`` (default :data:`MAX_INPUT_BYTES`) is refused too.
    """
    path = Path(path)
    if str(path) in ("", "."):
        raise InputNotFoundError(
            f"{str(path)!r}: an empty path. Give the path of the {what}.", path=path)
    try:
        st = os.stat(path)
    except (OSError, ValueError) as err:
        raise _input_error(path, err) from err
    if stat.S_ISDIR(st.st_mode):
        raise InputNotFoundError(f"{path}: is a folder, expected a file. Give the path of a "
                                 f"file inside it.", path=path)
    if not stat.S_ISREG(st.st_mode):
        kind = ("a named pipe (FIFO)" if stat.S_ISFIFO(st.st_mode) else
                "a character device" if stat.S_ISCHR(st.st_mode) else
                "a block device" if stat.S_ISBLK(st.st_mode) else
                "a socket" if stat.S_ISSOCK(st.st_mode) else "not a regular file")
        raise InputNotReadableError(
            f"{path}: is {kind}, not a regular file; frameshift reads only regular files. "
            f"Save the data to a file first and give that file's path.", path=path)
    limit = _max_input_bytes()
    if st.st_size > limit:
        raise InputNotReadableError(
            f"{path}: is {st.st_size:,} bytes, more than the limit of {limit:,} bytes for one "
            f"input file. Split it, or raise the limit with the environment variable "
            f"FRAMESHIFT_MAX_INPUT_BYTES.", path=path)
    try:
        with open(path, "rb") as fh:
            data = fh.read(min(limit, st.st_size) + 1)  # not a limit-sized buffer
    except OSError as err:  # the file changed between stat and open
        raise _input_error(path, err) from err
    if len(data) > limit:
        raise InputNotReadableError(
            f"{path}: grew beyond the limit of {limit:,} bytes while being read. Give a file "
            f"that is not being written to.", path=path)
    return data


def decode_bytes(data: bytes, path) -> str:
    """Decode UTF-8 (an initial BOM is dropped); the error gives the offset in the file."""
    for bom, enc in ((b"\x00\x00\xfe\xff", "UTF-32 (big-endian)"),
                     (b"\xff\xfe\x00\x00", "UTF-32 (little-endian)"),
                     (b"\xfe\xff", "UTF-16 (big-endian)"), (b"\xff\xfe", "UTF-16 (little-endian)")):
        if data.startswith(bom):
            short = enc.split()[0]
            raise EncodingError(
                f"{path}:1: the file is {enc} (it starts with that byte-order mark), not UTF-8. "
                f"Re-save it as UTF-8 (e.g. `iconv -f {short} -t UTF-8 IN > OUT`; in a "
                f"spreadsheet: 'CSV UTF-8').", path=path, line=1)
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


def corpus_dir() -> Path | None:
    """Folder holding the bundled corpora.

    ``$FRAMESHIFT_CORPUS_DIR`` if set; else ``frameshift/data/corpus`` inside the installed
    package (a regular ``pip install .``: the build copies the top-level ``corpus/`` there, see
    ``setup.py``); else ``corpus/`` at the top of the source tree, next to ``analysis/`` (a
    source checkout or an editable install).
    """
    env = os.environ.get("FRAMESHIFT_CORPUS_DIR")
    if env:
        return Path(env)
    here = Path(__file__).resolve()
    for candidate in (here.parent / "data" / "corpus", here.parents[2] / "corpus"):
        if candidate.is_dir():
            return candidate
    return None


# --------------------------------------------------------------------------- bounded YAML
#: Most nodes a YAML document may stand for once its aliases are expanded (the document
#: itself is never expanded; a walk over it would be). An "alias bomb" of a few lines can
#: stand for billions of nodes.
YAML_MAX_NODES = 200_000
#: Deepest nesting of lists and mappings accepted in a YAML document.
YAML_MAX_DEPTH = 100


def compose_yaml(text: str, path, *, error=None, node=None):
    """Parse YAML into a node tree (``yaml.compose``), with aliases and depth bounded.

    Raises ``error`` (a :class:`~frameshift.errors.FrameshiftError` subclass; default
    :class:`~frameshift.errors.FrameshiftError`) naming the file and line when the YAML is
    invalid, nested deeper than :data:`YAML_MAX_DEPTH`, refers to itself through an alias,
    or would stand for more than :data:`YAML_MAX_NODES` nodes once its aliases are expanded.
    ``node``, when given, is the document already composed from ``text``: only the bounds are
    checked.
    """
    import yaml

    from frameshift.errors import FrameshiftError, format_location

    error = error or FrameshiftError
    # The composer recurses once per nesting level: deep documents are refused before they
    # reach it (counting brackets and indentation would be a parser of its own; the depth of
    # Python's stack is the honest bound, so a RecursionError is turned into the message).
    try:
        if node is None:
            # libyaml's composer (PyYAML's C extension) builds the same nodes and marks, much
            # faster; a file it refuses is parsed again by the pure-Python composer, whose
            # error messages are the ones reported.
            try:
                node = yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
            except yaml.YAMLError:
                node = yaml.compose(text, Loader=yaml.SafeLoader)
    except RecursionError:
        raise error(f"{path}: the YAML is nested too deeply to read (more than "
                    f"{YAML_MAX_DEPTH} levels). Flatten the lists and mappings.",
                    path=path) from None
    except yaml.YAMLError:
        raise
    if node is not None:
        _check_yaml_tree(node, path, error, format_location)
    return node


def _children(node):
    import yaml

    if isinstance(node, yaml.SequenceNode):
        return list(node.value)
    if isinstance(node, yaml.MappingNode):
        return [x for kv in node.value for x in kv]
    return []


def _check_yaml_tree(root, path, error, format_location) -> None:
    """Expanded size and depth of a node graph, computed once per distinct node (linear)."""
    size: dict = {}
    depth: dict = {}
    on_path: set = set()
    stack = [(root, False)]
    while stack:
        node, done = stack.pop()
        key = id(node)
        if done:
            on_path.discard(key)
            kids = _children(node)
            size[key] = 1 + sum(size[id(k)] for k in kids)
            depth[key] = 1 + max((depth[id(k)] for k in kids), default=0)
            line = node.start_mark.line + 1
            if size[key] > YAML_MAX_NODES:
                raise error(
                    f"{format_location(path, line)}this YAML stands for more than "
                    f"{YAML_MAX_NODES:,} values once its aliases (*name) are expanded (an "
                    f"'alias bomb'). Write the values out instead of repeating aliases of "
                    f"aliases.", path=path, line=line)
            if depth[key] > YAML_MAX_DEPTH:
                raise error(
                    f"{format_location(path, line)}the YAML is nested more than "
                    f"{YAML_MAX_DEPTH} levels deep. Flatten the lists and mappings.",
                    path=path, line=line)
            continue
        if key in size:
            continue
        if key in on_path:
            line = node.start_mark.line + 1
            raise error(f"{format_location(path, line)}a YAML alias refers to the list or "
                        f"mapping that contains it (a loop). Remove the alias (*name) or "
                        f"point it at another anchor.", path=path, line=line)
        on_path.add(key)
        stack.append((node, True))
        for k in _children(node):
            if id(k) not in size:
                stack.append((k, False))


def load_yaml(text: str, path, *, error=None):
    """``yaml.safe_load`` with the bounds of :func:`compose_yaml`; dates stay text.

    Timestamps are returned as the text written (``2023-02-30`` is not a date and is reported
    by whoever reads the value, with its line, instead of crashing the YAML reader).
    """

    node = compose_yaml(text, path, error=error)
    if node is None:
        return None
    loader = _text_date_loader()("")
    try:
        return loader.construct_document(node)
    finally:
        loader.dispose()


@functools.lru_cache(maxsize=None)
def _text_date_loader():
    import yaml

    class TextDateLoader(yaml.SafeLoader):
        """A safe loader that keeps timestamps as the text written."""

    TextDateLoader.add_constructor("tag:yaml.org,2002:timestamp",
                                   lambda loader, node: loader.construct_scalar(node))
    return TextDateLoader
