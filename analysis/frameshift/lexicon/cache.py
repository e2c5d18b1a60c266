"""A cache of parsed lexicon files, so that a large lexicon is parsed once (issue 20).

:func:`~frameshift.lexicon.formats.read_lexicon` looks a file up here before parsing it. An
entry is found by the file's path, the reading options and a stamp of the code that parses
(frameshift's version and the size and modification time of its lexicon-reading modules,
Python's and PyYAML's versions); it holds the SHA-256 of the file's text and the parsed
:class:`~frameshift.lexicon.Lexicon`. It is used only when the text read now has that SHA-256,
so an edited file is parsed again whatever its modification time says, and a changed parser
never reads an entry written by another.

Where: ``$FRAMESHIFT_LEXICON_CACHE`` if set (a folder; ``0``, ``off``, ``no`` or ``false``
turn the cache off), else ``$XDG_CACHE_HOME/frameshift/lexicons`` (``~/.cache/...``;
``%LOCALAPPDATA%\\frameshift\\lexicons`` on Windows). Only files of at least
:data:`MIN_CHARS` characters are cached (smaller ones parse in a few milliseconds), only
lexicons read without problems (so that every :class:`~frameshift.lexicon.LexiconWarning`
comes from a real parse), at most :data:`MAX_ENTRIES` entries (the oldest are removed). The
folder is created readable by its owner only; an entry not owned by the user, or writable by
others, is ignored. A cache that cannot be read or written is passed over: the file is
parsed as without it.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import sys
import tempfile
from pathlib import Path

__all__ = ["ENV", "MAX_ENTRIES", "MIN_CHARS", "cache_dir"]

#: The environment variable naming the cache folder (or turning the cache off).
ENV = "FRAMESHIFT_LEXICON_CACHE"
#: Smallest lexicon text (characters) worth caching.
MIN_CHARS = 8192
#: Entries kept; beyond that the least recently written are removed.
MAX_ENTRIES = 64
_OFF = ("0", "off", "no", "false")
_LAYOUT = b"frameshift-lexicon-cache 1\n"  # first line of every entry; changed with the layout

# The modules whose code decides what a lexicon file parses to.
_CODE = ("frameshift", "frameshift.errors", "frameshift.files", "frameshift.text.tokenizer",
         "frameshift.lexicon.model", "frameshift.lexicon.formats", "frameshift.lexicon.cache")


def cache_dir() -> Path | None:
    """The cache folder, or None when ``$FRAMESHIFT_LEXICON_CACHE`` turns the cache off."""
    env = os.environ.get(ENV, "").strip()
    if env.lower() in _OFF:
        return None
    if env:
        return Path(env).expanduser()
    if sys.platform == "win32" and os.environ.get("LOCALAPPDATA"):
        base = Path(os.environ["LOCALAPPDATA"])
    else:
        xdg = os.environ.get("XDG_CACHE_HOME", "").strip()
        base = Path(xdg) if xdg and Path(xdg).is_absolute() else Path.home() / ".cache"
    return base / "frameshift" / "lexicons"


def _code_stamp() -> tuple:
    from frameshift import __version__

    stamp = [__version__, sys.version_info[:2], pickle.HIGHEST_PROTOCOL]
    for name in _CODE:
        mod = sys.modules.get(name)
        f = getattr(mod, "__file__", None)
        try:
            st = os.stat(f)
            stamp.append((name, st.st_size, st.st_mtime_ns))
        except (OSError, TypeError):
            stamp.append((name, None))
    yaml = sys.modules.get("yaml")
    stamp.append((getattr(yaml, "__version__", None), getattr(yaml, "__with_libyaml__", None)))
    return tuple(stamp)


class _Entry:
    """The cache entry of one lexicon file read with given options."""

    def __init__(self, folder: Path, path: Path, text: str, options: tuple):
        self.folder = folder
        key = repr((_code_stamp(), os.fspath(path), options)).encode("utf-8", "surrogatepass")
        self.file = folder / (hashlib.sha256(key).hexdigest()[:40] + ".pickle")
        digest = hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()
        self.head = _LAYOUT + digest.encode("ascii") + b"\n"

    def load(self):
        """The cached Lexicon, or None."""
        from .model import Lexicon

        try:
            fd = os.open(self.file, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except OSError:
            return None
        try:
            with os.fdopen(fd, "rb") as f:
                if not _trusted(os.fstat(f.fileno())):
                    return None
                if f.read(len(self.head)) != self.head:
                    return None  # another text (the file was edited), or another layout
                lex = pickle.load(f)
        except Exception:  # noqa: BLE001 - a damaged entry (any unpickling error): parse
            return None
        return lex if isinstance(lex, Lexicon) else None

    def store(self, lex) -> None:
        """Write the entry (atomically); any failure leaves the cache as it was."""
        try:
            data = self.head + pickle.dumps(lex, protocol=pickle.HIGHEST_PROTOCOL)
            self.folder.mkdir(mode=0o700, parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=self.folder, prefix=".tmp-", suffix=".part")
            try:
                with os.fdopen(fd, "wb") as f:
                    f.write(data)
                os.replace(tmp, self.file)
            except BaseException:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
                raise
            _prune(self.folder)
        except (OSError, pickle.PicklingError, TypeError, AttributeError, RecursionError):
            return


def _trusted(st) -> bool:
    """Whether an entry may be unpickled: owned by this user and writable by no one else."""
    if not hasattr(os, "getuid"):
        return True  # (Windows: the folder is in the user's own profile)
    return st.st_uid == os.getuid() and not st.st_mode & 0o022


def _prune(folder: Path) -> None:
    entries = []
    for p in folder.glob("*.pickle"):
        try:
            entries.append((p.stat().st_mtime_ns, p))
        except OSError:
            continue
    entries.sort(reverse=True)
    for _, p in entries[MAX_ENTRIES:]:
        try:
            p.unlink()
        except OSError:
            pass


def entry(path: Path, text: str, options: tuple) -> _Entry | None:
    """The entry for ``text`` read from ``path`` with ``options`` (a tuple of the reading
    options), or None when the cache is off or the text is too small to be worth it."""
    if len(text) < MIN_CHARS:
        return None
    folder = cache_dir()
    if folder is None:
        return None
    try:
        return _Entry(folder, path, text, options)
    except (OSError, ValueError):
        return None
