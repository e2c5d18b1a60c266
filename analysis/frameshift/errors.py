"""Exception classes: every error names the file, the line or row, what is wrong and the fix.

The command line prints ``frameshift: error: <message>`` and exits with status 2 for any
:class:`FrameshiftError`; ``--debug`` shows the traceback.
"""

from __future__ import annotations

__all__ = [
    "FrameshiftError",
    "InputNotFoundError",
    "InputNotReadableError",
    "CorpusError",
    "EncodingError",
    "LexiconError",
    "UnknownLexiconError",
    "OptionError",
    "OutputExistsError",
    "UnknownIdError",
    "ArgumentTypeError",
    "ArgumentValueError",
    "Problem",
    "format_location",
    "bad_argument",
    "check_path_argument",
    "check_corpus_argument",
    "check_table_argument",
    "check_text_argument",
    "numbers_argument",
    "check_tokens_argument",
    "check_names_argument",
    "check_paths_argument",
    "counts_argument",
]


def format_location(path=None, line=None, column=None) -> str:
    """Return ``"FILE:LINE:COL: "`` (the parts that are known), or ``""``.

    Examples
    --------
    >>> format_location("lex.yml", 3, 7)
    'lex.yml:3:7: '
    >>> format_location("corpus.csv", 12)
    'corpus.csv:12: '
    >>> format_location()
    ''
    """
    if path is None:
        return ""
    loc = str(path)
    if line is not None:
        loc += f":{line}"
        if column is not None:
            loc += f":{column}"
    return loc + ": "


class Problem:
    """One problem found while validating input: where, what, and how to fix it.

    Examples
    --------
    >>> str(Problem("what is wrong.", "Do this.", path="a.csv", line=4))
    'a.csv:4: what is wrong. Do this.'
    """

    __slots__ = ("message", "fix", "path", "line", "column")

    def __init__(self, message: str, fix: str = "", *, path=None, line=None, column=None):
        self.message = message
        self.fix = fix
        self.path = path
        self.line = line
        self.column = column

    def __str__(self) -> str:
        text = format_location(self.path, self.line, self.column) + self.message
        return f"{text} {self.fix}" if self.fix else text

    def __repr__(self) -> str:
        return f"Problem({str(self)!r})"


class FrameshiftError(Exception):
    """Base class of every error raised on purpose by frameshift.

    ``problems`` holds every :class:`Problem` found (validation reports all of them at once).
    """

    #: At most this many problems are spelled out in the message; all are in ``problems``.
    MAX_LISTED = 10

    def __init__(self, message: str | None = None, *, problems=None, path=None, line=None):
        self.problems = list(problems or [])
        self.path = path
        self.line = line
        shown = self.problems[:self.MAX_LISTED]
        more = len(self.problems) - len(shown)
        tail = [f"... and {more} more problem(s) (`frameshift corpus validate` lists them all)"
                ] if more > 0 else []
        if message is None:
            message = "\n".join([str(p) for p in shown] + tail)
        elif self.problems:
            message = message + "\n" + "\n".join(["  " + str(p) for p in shown] +
                                                  ["  " + t for t in tail])
        super().__init__(message)


class InputNotFoundError(FrameshiftError, FileNotFoundError):
    """A file or folder given as input does not exist."""


class InputNotReadableError(FrameshiftError, OSError):
    """An input exists but cannot be read (no permission, a device, an I/O error)."""


class EncodingError(FrameshiftError, ValueError):
    """A file is not valid UTF-8 (the message gives the byte offset)."""


class CorpusError(FrameshiftError, ValueError):
    """A corpus file or table is invalid (missing columns, duplicate ids, bad dates, ...)."""


class LexiconError(FrameshiftError, ValueError):
    """A lexicon file is invalid (syntax, empty category, bad or dangerous pattern, ...)."""


class UnknownLexiconError(LexiconError, LookupError):
    """A lexicon name is neither a bundled lexicon nor an existing file."""


class OptionError(FrameshiftError, ValueError):
    """An option names something that does not exist (a ``--by`` column, a ``--target`` ...)."""


class OutputExistsError(FrameshiftError, FileExistsError):
    """An output path exists and was not written by frameshift; pass ``--force`` to replace it."""


class UnknownIdError(OptionError, KeyError):
    """An id (statement, category, source) that is not in the corpus or lexicon."""

    __str__ = Exception.__str__  # the message as written, not quoted as KeyError does


class ArgumentTypeError(FrameshiftError, TypeError):
    """A Python function was given a value of the wrong type (the message says what it needs)."""


class ArgumentValueError(FrameshiftError, ValueError):
    """A Python function was given a value of the right type that it cannot use (a negative
    count, arrays of different lengths, ...); the message names the argument and the fix."""


# --------------------------------------------------------------------------- argument checks
def _describe(value) -> str:
    text = repr(value)
    return f"{type(value).__name__} {text[:40] + '...' if len(text) > 40 else text}"


def bad_argument(func: str, name: str, value, needs: str, fix: str = "") -> ArgumentTypeError:
    """The error for a wrong argument: which function, which argument, what it got and needs.

    Examples
    --------
    >>> str(bad_argument("kwic", "corpus", None, "a Corpus", "Read one with read_corpus()."))
    'kwic(): corpus must be a Corpus, got NoneType None. Read one with read_corpus().'
    """
    msg = f"{func}(): {name} must be {needs}, got {_describe(value)}."
    return ArgumentTypeError(f"{msg} {fix}" if fix else msg)


def check_path_argument(value, name: str, func: str) -> None:
    """Refuse what cannot be a file path (None, a number, an empty string).

    Examples
    --------
    >>> check_path_argument("a.csv", "path", "write_table")
    >>> check_path_argument(None, "path", "write_table")
    Traceback (most recent call last):
    ...
    frameshift.errors.ArgumentTypeError: write_table(): path must be a file path (str or pathlib.Path), got NoneType None. Give the name of the file.
    """
    import os

    if not isinstance(value, (str, os.PathLike)) or (isinstance(value, str) and not value):
        raise bad_argument(func, name, value, "a file path (str or pathlib.Path)",
                           "Give the name of the file.")


def check_corpus_argument(value, name: str, func: str) -> None:
    """Refuse what is not a Corpus (duck-typed: ``statements`` and ``fingerprint``)."""
    if not (hasattr(value, "statements") and hasattr(value, "fingerprint")):
        raise bad_argument(func, name, value, "a Corpus",
                           "Read one with frameshift.read_corpus(...) or from_frame(...).")


def check_table_argument(value, name: str, func: str, made_by: str = "") -> None:
    """Refuse what is not a pandas DataFrame (the toolkit's tables)."""
    if not (hasattr(value, "columns") and hasattr(value, "iloc")):
        raise bad_argument(func, name, value, "a table (pandas.DataFrame)",
                           f"Give the table returned by {made_by}." if made_by else
                           "Give a pandas.DataFrame.")


def check_text_argument(value, name: str, func: str, *, many: bool = False) -> None:
    """Refuse what is not a text (or, with ``many``, a text or a list of texts)."""
    if isinstance(value, str):
        return
    if many and isinstance(value, (list, tuple)) and all(isinstance(v, str) for v in value):
        return
    if many and hasattr(value, "dtype") and hasattr(value, "tolist"):  # a Series or array
        return
    raise bad_argument(func, name, value, "a str" + (" or a list of str" if many else ""),
                       "Give the text itself.")


def numbers_argument(value, name: str, func: str):
    """``value`` as a float array, or the error naming the argument (not numpy's).

    Examples
    --------
    >>> numbers_argument([1, 2], "counts", "g2").tolist()
    [1.0, 2.0]
    >>> numbers_argument(["a"], "counts", "g2")
    Traceback (most recent call last):
    ...
    frameshift.errors.ArgumentTypeError: g2(): counts must be numbers (a number, a list or an array of them), got list ['a']. Give counts as numbers.
    """
    import numpy as np

    try:
        arr = np.asarray(value, dtype=float)
    except (TypeError, ValueError):
        arr = None
    if arr is None or (value is None):
        raise bad_argument(func, name, value, "numbers (a number, a list or an array of them)",
                           f"Give {name} as numbers.")
    return arr


def check_tokens_argument(value, name: str, func: str) -> None:
    """Refuse what is not a Tokens table (duck-typed: ``surfaces`` and ``types``)."""
    if not (hasattr(value, "surfaces") and hasattr(value, "types")):
        raise bad_argument(func, name, value, "a Tokens table",
                           "Make one with frameshift.corpus_tokens(corpus) or tokenize(texts).")


def check_names_argument(value, name: str, func: str, what: str = "a str") -> None:
    """Refuse what is not a name (str) or a list/tuple/set of names.

    Examples
    --------
    >>> check_names_argument(["en", "ru"], "languages", "lemma_forms")
    >>> check_names_argument(None, "languages", "lemma_forms", "a language code")
    Traceback (most recent call last):
    ...
    frameshift.errors.ArgumentTypeError: lemma_forms(): languages must be a language code or a list of them, got NoneType None. Give names as text.
    """
    if isinstance(value, str) and value:
        return
    if isinstance(value, (list, tuple, set, frozenset)) and all(
            isinstance(v, str) and v for v in value):
        return
    raise bad_argument(func, name, value, f"{what} or a list of them", "Give names as text.")


def check_paths_argument(value, name: str, func: str) -> None:
    """Refuse what is not a list (or tuple) of file paths."""
    import os

    if isinstance(value, (list, tuple)) and value and all(
            isinstance(v, (str, os.PathLike)) and (not isinstance(v, str) or v) for v in value):
        return
    raise bad_argument(func, name, value, "a list of file paths (str or pathlib.Path)",
                       "Give the names of the files, e.g. [\"coder1.csv\", \"coder2.csv\"].")


def counts_argument(value, name: str, func: str, *, ndim: int | None = None,
                    integer: bool = False):
    """``value`` as a float array of counts (finite, 0 or more), or the error naming it.

    Examples
    --------
    >>> counts_argument([0, 2], "counts", "g2").tolist()
    [0.0, 2.0]
    >>> counts_argument([-1], "counts", "g2")
    Traceback (most recent call last):
    ...
    frameshift.errors.ArgumentValueError: g2(): counts must be counts (0 or more, no NaN or infinity), got [-1.]. Give counts of matches or tokens.
    """
    import numpy as np

    arr = numbers_argument(value, name, func)
    if ndim is not None and arr.ndim != ndim:
        shape = "one number per item (a list)" if ndim == 1 else \
            "a table of numbers (rows x columns)"
        raise ArgumentValueError(f"{func}(): {name} must be {shape}, got an array of shape "
                                 f"{arr.shape}. Give {name} in that shape.")
    if not np.isfinite(arr).all() or (arr < 0).any() or (integer and (
            (arr != np.round(arr)).any() or (arr > 2.0 ** 62).any())):
        text = np.array2string(arr.ravel()[:5], threshold=5)
        raise ArgumentValueError(f"{func}(): {name} must be "
                                 f"{'whole ' if integer else ''}counts (0 or more, no NaN or "
                                 f"infinity), got {text}. Give counts of matches or tokens.")
    return arr
