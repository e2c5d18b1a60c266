"""Files in and out: UTF-8 reading with located errors, atomic writes, provenance records, and
refusal to overwrite what is not ours."""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from pathlib import Path

from frameshift.errors import (EncodingError, InputNotFoundError, InputNotReadableError,
                               OutputExistsError)

__all__ = ["atomic_write_bytes", "write_table_atomic", "write_table", "TABLE_FORMATS",
           "provenance", "check_output_path",
           "PROVENANCE_SUFFIX", "read_text_file", "decode_bytes", "corpus_dir"]

PROVENANCE_SUFFIX = ".provenance.json"


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
    marker = marker if marker is not None else path.with_name(path.name + PROVENANCE_SUFFIX)
    if path.exists() and not marker.exists() and not force:
        raise OutputExistsError(
            f"{path}: exists and was not written by frameshift (no {marker.name}). Choose "
            f"another path, or pass --force to replace it.", path=path)
    return path


def atomic_write_bytes(path, data: bytes) -> None:
    """Write ``data`` to a temporary file in the same folder, then rename it into place.

    A reader never sees a half-written file, and an interrupted write leaves the old file (if
    any) untouched. The new file gets the permissions of the file it replaces, or the usual
    ones for a new file (``0o666`` minus the umask), not the private ``0o600`` of a temporary.
    """
    path = Path(path)
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


def write_table_atomic(df, path, *, provenance: dict, force: bool = False, inputs=()) -> Path:
    """Write a table as CSV atomically, with ``<path>.provenance.json`` beside it."""
    path = check_output_path(path, force=force, inputs=inputs)
    data = df.to_csv(index=False, lineterminator="\n").encode("utf-8")
    record = dict(provenance)
    record["output"] = {"file": path.name, "sha256": hashlib.sha256(data).hexdigest(),
                        "rows": int(len(df)), "columns": [str(c) for c in df.columns]}
    atomic_write_bytes(path, data)
    atomic_write_bytes(path.with_name(path.name + PROVENANCE_SUFFIX),
                       (json.dumps(record, indent=2, sort_keys=True, default=str) + "\n")
                       .encode("utf-8"))
    return path


#: Table formats :func:`write_table` picks by the file name's suffix.
TABLE_FORMATS = {".csv": "csv", ".parquet": "parquet", ".xlsx": "excel"}


def _table_bytes(df, fmt: str, path: Path) -> bytes:
    import io

    if fmt == "csv":
        return df.to_csv(index=False, lineterminator="\n").encode("utf-8")
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
                inputs=()) -> Path:
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
    path = Path(path)
    fmt = TABLE_FORMATS.get(path.suffix.lower())
    if fmt is None:
        from frameshift.errors import OptionError
        raise OptionError(f"{path}: cannot tell the table format from the suffix "
                          f"{path.suffix or '(none)'!r}; end the name in "
                          f"{', '.join(TABLE_FORMATS)}.")
    path = check_output_path(path, force=force, inputs=inputs)
    data = _table_bytes(df, fmt, path)
    record = dict(provenance or {})
    record["output"] = {"file": path.name, "format": fmt,
                        "sha256": hashlib.sha256(data).hexdigest(),
                        "rows": int(len(df)), "columns": [str(c) for c in df.columns]}
    atomic_write_bytes(path, data)
    atomic_write_bytes(path.with_name(path.name + PROVENANCE_SUFFIX),
                       (json.dumps(record, indent=2, sort_keys=True, default=str) + "\n")
                       .encode("utf-8"))
    return path


# --------------------------------------------------------------------------- reading
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
    return decode_bytes(data, path)


def decode_bytes(data: bytes, path) -> str:
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
