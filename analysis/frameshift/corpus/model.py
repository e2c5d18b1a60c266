"""The statement model: :class:`Corpus`, its offset maps and its cached tokens."""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from frameshift.text.tokenizer import Tokens, TokenizerSettings, tokenize

__all__ = ["Corpus", "EmptyStatementWarning", "corpus_tokens", "STATEMENT_COLUMNS",
           "FRAGMENT_SEPARATOR"]

#: Core and optional statement columns, in display order.
STATEMENT_COLUMNS = ("statement_id", "actor", "date", "text", "kind", "source", "url", "title",
                     "language")
#: Text placed between the fragments of an assembled statement (a paragraph break, which the
#: tokenizer treats as a sentence boundary, so no phrase matches across two fragments).
FRAGMENT_SEPARATOR = "\n\n"




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
        from frameshift.errors import check_table_argument
        check_table_argument(statements, "statements", "Corpus", "from_frame(...) or read_corpus(...)")
        self._frame = statements.reset_index(drop=True)
        self._columns = self._build = None
        self._actors_frame = actors if actors is not None else \
            _actors_from_statements(statements)
        self._sources = dict(sources or {})
        self._offset_maps = dict(offset_maps or {})
        self._fragments = fragments
        self.name = name
        self.path = Path(path) if path is not None else None
        self.meta = dict(meta or {})
        self._tokens_cache: dict = {}
        self._fingerprint: str | None = None

    @classmethod
    def _from_columns(cls, columns: dict, build, *, name: str, path=None) -> "Corpus":
        """A corpus whose statements are held as plain lists (``statement_id``, ``actor``,
        ``date`` as :class:`datetime.datetime` or None, ``text``, in analysis order) and whose
        DataFrame ``build()`` makes on first use -- the same frame :func:`from_frame` would
        give. What needs only the lists (tokens, fingerprint, length) does not import pandas
        (the whole ``frameshift count`` command on a plain CSV, issue 20)."""
        self = cls.__new__(cls)
        self._frame = None
        self._columns, self._build = columns, build
        self._actors_frame = None
        self._sources, self._offset_maps, self._fragments = {}, {}, None
        self.name = name
        self.path = Path(path) if path is not None else None
        self.meta = {}
        self._tokens_cache = {}
        self._fingerprint = None
        return self

    @property
    def _statements(self) -> pd.DataFrame:
        if self._frame is None:
            self._frame = self._build().reset_index(drop=True)
        return self._frame

    @property
    def _actors(self) -> pd.DataFrame:
        if self._actors_frame is None:
            self._actors_frame = _actors_from_statements(self._statements)
        return self._actors_frame

    def _column(self, name: str) -> list:
        """One column of the statements as a list (from the lists when they are held)."""
        if self._columns is not None and self._frame is None:
            return list(self._columns[name])
        return self._statements[name].tolist()

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
        if self._columns is not None and self._frame is None:
            return len(self._columns["statement_id"])
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
        from frameshift.errors import OptionError, UnknownIdError

        try:
            starts = np.atleast_1d(np.asarray(starts, dtype=np.int64))
            ends = np.atleast_1d(np.asarray(ends, dtype=np.int64))
        except (TypeError, ValueError, OverflowError) as err:
            raise OptionError(f"to_source: offsets must be whole numbers ({err}). Pass "
                              f"integers or arrays of integers.") from None
        if starts.ndim != 1 or starts.shape != ends.shape:
            raise OptionError(f"to_source: starts and ends must be two lists of the same "
                              f"length (got shapes {starts.shape} and {ends.shape}).")
        om = self._offset_maps.get(statement_id)
        if om is None and statement_id not in self._statement_ids():
            raise UnknownIdError(f"{statement_id!r} is not a statement of corpus {self.name!r}. "
                              f"Use an id from corpus.statements['statement_id'].")
        n = self._text_lengths().get(statement_id, 0)
        bad = (starts < 0) | (ends < starts) | (ends > n)
        if bad.any():
            i = int(np.argmax(bad))
            raise OptionError(f"to_source: the span [{int(starts[i])}, {int(ends[i])}) is not "
                              f"inside statement {statement_id!r}, whose text has {n} "
                              f"characters. Give 0 <= start <= end <= {n}.")
        if om is None:
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

    def _text_lengths(self) -> dict:
        # statement id -> length of its text (the first statement of an id), computed once
        got = self.__dict__.get("_len_cache")
        if got is None:
            got = {}
            st = self._statements
            for sid, text in zip(st["statement_id"].tolist(), st["text"].tolist()):
                got.setdefault(sid, len(str(text)))
            self.__dict__["_len_cache"] = got
        return got

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
            if self._columns is not None and self._frame is None:
                # plain lists: str, None or datetime.datetime (str() as of a Timestamp)
                rows, isna = (self._columns[c] for c in ("statement_id", "actor", "date",
                                                        "text")), _is_none
            else:
                st = self._statements
                rows, isna = (st[c] for c in ("statement_id", "actor", "date", "text")), _isna
            for sid, act, date, text in zip(*rows):
                for part in (sid, act, date, text):
                    h.update(("" if isna(part) else str(part)).encode("utf-8"))
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


def _is_none(x) -> bool:
    return x is None


def _opening(text: str, n: int = 12) -> str:
    words = " ".join(str(text).split()).split(" ")
    out = " ".join(words[:n])
    return out + (" ..." if len(words) > n else "")


def corpus_tokens(corpus: Corpus, tokenizer: TokenizerSettings | None = None) -> Tokens:
    """Tokens of a corpus (statements in row order), computed once per settings and reused.

    Examples
    --------
    >>> import pandas as pd
    >>> c = from_frame(pd.DataFrame({"statement_id": ["x"], "text": ["Talks in Baku."]}))
    >>> corpus_tokens(c).n_tokens().tolist()
    [3]
    """
    from frameshift.errors import check_corpus_argument

    if not isinstance(corpus, Corpus):  # (a Corpus passes: hasattr would copy its table)
        check_corpus_argument(corpus, "corpus", "corpus_tokens")  # (every measure of a corpus)
    settings = tokenizer or TokenizerSettings()
    key = settings
    tok = corpus._tokens_cache.get(key)
    if tok is None:
        tok = tokenize(corpus._column("text"), settings=settings)
        corpus._tokens_cache[key] = tok
    return tok


def _actors_from_statements(statements: pd.DataFrame) -> pd.DataFrame:
    ids = [a for a in pd.unique(statements["actor"]) if not _isna(a)]
    return pd.DataFrame({"id": ids, "name": ids, "aliases": [() for _ in ids],
                         "group": [None for _ in ids]}, columns=["id", "name", "aliases",
                                                                  "group"])
