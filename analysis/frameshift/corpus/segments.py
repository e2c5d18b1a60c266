"""Statements assembled from segments of source documents (quotes into statements), with offset maps."""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

import numpy as np
import pandas as pd

from frameshift.errors import (CorpusError, Problem)

from .model import FRAGMENT_SEPARATOR, Corpus, _isna, _OffsetMap
from .readers import _INT_RE, _parse_date, from_frame

__all__ = ["corpus_from_segments"]





# --------------------------------------------------------------------------- assembly
def _forms(text: str) -> list[str]:
    from frameshift.text.tokenizer import tokenize_text

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
    allowed = _allowed(n)
    return any(_close_at(fragment, whole, i, allowed) for i in range(m - n + 1))


def _allowed(n: int) -> int:
    """Tokens a fragment of ``n`` tokens may differ in: one in four, none below 4."""
    return n // 4 if n >= 4 else 0


def _close_at(fragment: list[str], whole: list[str], i: int, allowed: int) -> bool:
    """Whether ``fragment`` differs from ``whole[i:i + len(fragment)]`` in at most ``allowed``
    tokens."""
    mism = 0
    for a, b in zip(fragment, whole[i:i + len(fragment)]):
        if a != b:
            mism += 1
            if mism > allowed:
                return False
    return True


class _Row(NamedTuple):
    source: str
    start: int
    end: int
    text: str


class _FragmentIndex:
    """The kept fragments of one statement, indexed by their token pairs, to answer "the
    first kept fragment that ``fragment`` repeats" (:func:`_repeats`, in the order they were
    kept) without comparing it with every kept fragment at every offset (quadratic in the
    fragments of a statement before: a 10,000-quote article of one speaker).

    Exact by the pigeonhole principle: a fragment of n tokens may differ from the run it
    repeats in at most a = n // 4 tokens (none below 4), so of a + 1 disjoint blocks of it,
    one is repeated exactly, and its first token pair is at the right offset in the kept
    fragment. Every block has two tokens or more (n // (n // 4 + 1) >= 2 for n >= 2); a
    fragment of one token is looked up alone. Each offset found this way is then checked as
    :func:`_repeats` does.
    """

    def __init__(self):
        self.kept: list = []  # (row, forms) in the order kept
        self.pairs: dict = {}  # (token, next token) -> [(position in kept, offset)]
        self.singles: dict = {}  # token -> first position in kept holding it

    def add(self, row: int, forms: list[str]) -> None:
        k = len(self.kept)
        self.kept.append((row, forms))
        for p in range(len(forms) - 1):
            self.pairs.setdefault((forms[p], forms[p + 1]), []).append((k, p))
        for t in forms:
            self.singles.setdefault(t, k)

    def first_repeated(self, fragment: list[str]):
        """The row of the first kept fragment that ``fragment`` repeats, or None."""
        n = len(fragment)
        if n == 1:
            k = self.singles.get(fragment[0])
            return None if k is None else self.kept[k][0]
        allowed = _allowed(n)
        blocks = allowed + 1
        best = None
        tried = set()
        for b in range(blocks):
            o = b * n // blocks
            for k, p in self.pairs.get((fragment[o], fragment[o + 1]), ()):
                if best is not None and k >= best:
                    break  # (the lists are in kept order)
                i = p - o
                whole = self.kept[k][1]
                if i < 0 or i > len(whole) - n or (k, i) in tried:
                    continue
                tried.add((k, i))
                if _close_at(fragment, whole, i, allowed):
                    best = k
                    break
        return None if best is None else self.kept[best][0]


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
    from frameshift.errors import bad_argument, check_table_argument
    if not isinstance(sources, dict):
        raise bad_argument("corpus_from_segments", "sources", sources,
                           "a dict {source id: text}", "Give the texts the offsets point into.")
    check_table_argument(segments, "segments", "corpus_from_segments", "segment_news(...)")
    missing = [c for c in required if c not in segments.columns]
    if missing:
        raise CorpusError(f"{where}:1: missing column(s) {missing} (found: "
                          f"{', '.join(map(str, segments.columns))}). Segments need "
                          f"{', '.join(required)}.", path=_segments_path, line=1)
    seg = segments.reset_index(drop=True).copy()
    problems = []
    spans: dict = {}
    actor_ids = set(actors["id"]) if actors is not None else None
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
                row.actor not in actor_ids:
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
    sids = seg["statement_id"].tolist()
    roles = seg["role"].tolist()
    # Tokens of the quoted fragments only (the only ones compared), each wording tokenised once
    # (a quote carried by many articles, or repeated in one, is one wording).
    wordings: dict = {}
    forms = [(wordings[t] if t in wordings else wordings.setdefault(t, _forms(t)))
             if r == "quote" else [] for t, r in zip(seg["text"], roles)]
    seg_sources = seg["source"].tolist()
    seg_starts = seg["start"].tolist()
    seg_ends = seg["end"].tolist()
    members: dict = {}  # statement id -> its rows, in table order (one pass, not one per id)
    for i, sid in enumerate(sids):
        members.setdefault(sid, []).append(i)
    order_ids = list(members)
    if statements is not None and "statement_id" in statements.columns:
        listed_all = [str(s) for s in statements["statement_id"]]
        seen: dict = {}
        for s_ in listed_all:
            seen[s_] = seen.get(s_, 0) + 1
        dups = sorted(s_ for s_, n in seen.items() if n > 1)
        known = set(order_ids)
        orphans = [s_ for s_ in listed_all if s_ not in known]
        if dups or orphans:
            parts = []
            if dups:
                parts.append(f"duplicate statement ids {dups} in the statement metadata")
            if orphans:
                parts.append(f"statements {orphans} have metadata but no segment")
            raise CorpusError(f"{where}: {'; '.join(parts)}. Each statement needs one metadata "
                              f"row and at least one segment.", path=_segments_path)
        listed = [s_ for s_ in statements["statement_id"] if s_ in known]
        listed_set = set(listed)
        order_ids = listed + [s_ for s_ in order_ids if s_ not in listed_set]
    kept_col = [True] * len(seg)
    reason_col = [""] * len(seg)
    for sid in order_ids:
        # Only quoted fragments can repeat one another; the outlet's own words never do.
        idx = [i for i in members.get(sid, ()) if roles[i] == "quote" and forms[i]]
        by_len = sorted(idx, key=lambda i: (-len(forms[i]), seg_sources[i], seg_starts[i]))
        index = _FragmentIndex()
        for i in by_len:
            k = index.first_repeated(forms[i])
            if k is not None:
                kept_col[i] = False
                reason_col[i] = (f"repeats a longer fragment of {sid} at "
                                 f"{seg_starts[k]}-{seg_ends[k]}")
            else:
                index.add(i, forms[i])
    seg["kept"] = kept_col
    seg["reason"] = reason_col
    rows, maps = [], {}
    meta = statements.set_index("statement_id") if statements is not None and \
        len(statements) else None
    seg_texts = seg["text"].tolist()
    seg_actors = seg["actor"].tolist()
    for sid in order_ids:
        part = sorted((i for i in members.get(sid, ()) if kept_col[i]),
                      key=lambda i: (seg_sources[i], seg_starts[i]))
        texts, t_starts, s_starts, lens, srcs = [], [], [], [], []
        pos = 0
        for i in part:
            r = _Row(seg_sources[i], seg_starts[i], seg_ends[i], seg_texts[i])
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
        actor_vals = [a for a in (seg_actors[i] for i in part) if a and not _isna(a)]
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
