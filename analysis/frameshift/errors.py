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
    "Problem",
    "format_location",
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
