"""Keywords in context: every match of a pattern or lexicon category with its surrounding words.

The concordance is built from the same matches as :func:`frameshift.matching.find_matches`, so
a line of KWIC, a match row and a count always agree. In Jupyter the table renders with the
keyword highlighted; it is a pandas DataFrame in every other respect.
"""

from __future__ import annotations

import html
import re

import numpy as np
import pandas as pd

from frameshift.errors import OptionError
from frameshift.lexicon.formats import as_lexicon
from frameshift.lexicon.formats import lexicon_from_dict
from .engine import (MatchSettings, _find, _lookup, categories_of, find_matches, match_settings,
                     settings_of)

__all__ = ["kwic", "kwic_from_matches", "Kwic", "KWIC_COLUMNS"]

#: Columns of :func:`kwic`.
KWIC_COLUMNS = ("left", "keyword", "right", "statement_id", "actor", "category", "pattern",
                "char_start", "char_end", "negated")


_PARA = re.compile(r"\n[ \t\r\u00a0]*\n")


class Kwic(pd.DataFrame):
    """A concordance table (a :class:`pandas.DataFrame`) whose HTML view highlights keywords.

    Slicing, filtering and sorting return a ``Kwic`` again; when the ``left``, ``keyword`` and
    ``right`` columns are gone it renders like any DataFrame.
    """

    _metadata: list = []

    @property
    def _constructor(self):
        return Kwic

    def _repr_html_(self) -> str:  # noqa: D401 - Jupyter hook
        if not {"left", "keyword", "right"} <= set(self.columns):
            return pd.DataFrame(self)._repr_html_()
        limit = pd.get_option("display.max_rows") or len(self)
        rows = self if len(self) <= limit else pd.concat([self.head(limit // 2),
                                                          self.tail(limit // 2)])
        extra = [c for c in ("statement_id", "actor", "category") if c in self.columns]
        head = "".join(f"<th>{html.escape(c)}</th>" for c in extra)
        out = ['<table class="frameshift-kwic" style="font-family:monospace">',
               f'<thead><tr><th style="text-align:right">left</th><th>keyword</th>'
               f'<th style="text-align:left">right</th>{head}</tr></thead><tbody>']
        for _, r in rows.iterrows():
            meta = "".join(f"<td>{html.escape(str(r[c]))}</td>" for c in extra)
            out.append(
                f'<tr><td style="text-align:right">{html.escape(str(r["left"]))}</td>'
                f'<td style="text-align:center"><mark><b>{html.escape(str(r["keyword"]))}'
                f'</b></mark></td><td style="text-align:left">{html.escape(str(r["right"]))}'
                f"</td>{meta}</tr>")
        out.append("</tbody></table>")
        if len(rows) < len(self):
            out.append(f"<p>{len(self)} lines (showing {len(rows)})</p>")
        return "".join(out)


def _squash(s: str) -> str:
    return " ".join(s.split())


# Whitespace other than one space: every character str.split() splits on, except " " (all
# below U+3001). A context holding none of them and no two spaces in a row is squashed by
# strip() alone.
_OTHER_SPACE = np.zeros(0x3002, bool)
_OTHER_SPACE[[i for i in range(0x3001) if chr(i).isspace() and i != 32]] = True


def _irregular(text: str) -> tuple[np.ndarray, np.ndarray]:
    """The text's code points, and prefix counts of the places where ``_squash`` changes more
    than the ends: ``c[y] - c[x] > 0`` when ``text[x:y]`` holds whitespace other than single
    spaces."""
    u = np.frombuffer(text.encode("utf-32-le"), np.uint32)
    bad = _OTHER_SPACE[np.minimum(u, 0x3001)]
    sp = u == 32
    bad[:-1] |= sp[:-1] & sp[1:]
    out = np.zeros(len(u) + 1, np.int64)
    np.cumsum(bad, out=out[1:])
    return u, out


def _squashed(text: str, xs: np.ndarray, ys: np.ndarray, u: np.ndarray,
              irregular: np.ndarray) -> list:
    """``_squash(text[x:y])`` for every pair: where only single spaces occur, the slice
    without a space at either end (the bounds moved in arrays, no per-line strip)."""
    inner_x = xs + ((xs < ys) & (u[np.minimum(xs, len(u) - 1)] == 32))
    inner_y = ys - ((inner_x < ys) & (u[np.maximum(ys - 1, 0)] == 32))
    out = [text[x:y] for x, y in zip(inner_x.tolist(), inner_y.tolist())]
    for i in np.flatnonzero(irregular[ys] > irregular[xs]).tolist():
        out[i] = _squash(text[int(xs[i]):int(ys[i])])
    return out


def _within_paragraph(text: str, ls, cs, ce, rs):
    """Context bounds cut at the paragraph break nearest the keyword, as
    ``_PARA.split(text[ls:cs])[-1]`` and ``_PARA.split(text[ce:rs])[0]`` would (the bounds are
    token edges, so a break never straddles one and the breaks of the text are those of the
    slices)."""
    spans = [m.span() for m in _PARA.finditer(text)]
    if not spans:
        return ls, rs
    bs, be = np.asarray(spans, dtype=np.int64).T
    i = np.searchsorted(be, cs, "right") - 1  # the last break ending before the keyword
    j = np.maximum(i, 0)
    ls = np.where((i >= 0) & (bs[j] >= ls), be[j], ls)
    k = np.searchsorted(bs, ce, "left")  # the first break starting after it
    m = np.minimum(k, len(bs) - 1)
    rs = np.where((k < len(bs)) & (be[m] <= rs), bs[m], rs)
    return ls, rs


def _statement_rows(st: pd.DataFrame, ids: pd.Series) -> np.ndarray:
    """Row of each id in the statements (float, NaN for an unknown id)."""
    index = {str(s): i for i, s in enumerate(st["statement_id"].astype(str))}
    return _lookup(ids, index).to_numpy()


def kwic(corpus, pattern: str | None = None, *, category: str | None = None, lexicon=None,
         matches: pd.DataFrame | None = None, window: int = 5,
         settings: MatchSettings | None = None, case_sensitive: bool | None = None,
         nested_scope: str | None = None, cross_sentences: bool | None = None,
         negation_window: int | None = None, negators=None, tokenizer=None) -> Kwic:
    """Keywords in context for a pattern, or for a category of a lexicon -- said explicitly.

    ``kwic(corpus, "coercion")`` is always the word (``frameshift kwic coercion`` on the
    command line); ``kwic(corpus, category="coercion", lexicon=lexicon)`` is the category's
    matches, as counted (``frameshift kwic --category coercion``).

    Parameters
    ----------
    corpus : Corpus
    pattern : str, optional
        A word, phrase or glob in the lexicon syntax (``"coercion"``, ``"coerc*"``,
        ``"internationally established {0,2} format"``); ``category`` of its rows is the
        pattern itself.
    category : str, optional
        Instead of ``pattern``: a category id of ``lexicon`` (or of ``matches``); its
        matches, as counted.
    lexicon : Lexicon, str or dict, optional
        The lexicon of ``category``.
    matches : DataFrame, optional
        Rows of :func:`frameshift.matching.find_matches` to show instead of matching again
        (with ``category``).
    window : int, default 5
        Words of context on each side (within the statement).
    settings, case_sensitive, nested_scope, cross_sentences, negation_window, negators, tokenizer
        As for :func:`frameshift.matching.find_matches`.

    Returns
    -------
    Kwic
        A DataFrame with ``left``, ``keyword`` (as written), ``right`` (whitespace collapsed),
        ``statement_id``, ``actor``, ``category``, ``pattern``, ``char_start``, ``char_end``
        (offsets of the keyword in the source document, as in the match table) and
        ``negated``; one row per match, in match order. It is built from the match table, so
        its lines are exactly the rows that :func:`~frameshift.matching.count_matches` counts.

    Examples
    --------
    >>> import pandas as pd
    >>> from frameshift.corpus import from_frame
    >>> c = from_frame(pd.DataFrame({"statement_id": ["s"], "actor": ["nk"],
    ...     "text": ["They accused Baku of trying to impose an agenda through coercion."]}))
    >>> k = kwic(c, "coerc*", window=3)
    >>> k[["left", "keyword", "right"]].values.tolist()
    [['an agenda through', 'coercion', '.']]
    >>> "<mark><b>coercion</b></mark>" in k._repr_html_()
    True
    """
    if isinstance(window, bool) or not isinstance(window, (int, np.integer)) or window < 0:
        raise OptionError(f"window must be a whole number, 0 or more, not {window!r}.")
    if (pattern is None) == (category is None):
        raise OptionError("kwic needs a pattern (a word, phrase or glob: kwic(corpus, "
                          "'coerc*')) or a category (kwic(corpus, category='coercion', "
                          "lexicon=lexicon)) -- one of the two, not "
                          + ("both." if pattern is not None else "neither."))
    options = dict(case_sensitive=case_sensitive, nested_scope=nested_scope,
                   cross_sentences=cross_sentences, negation_window=negation_window,
                   negators=negators, tokenizer=tokenizer)
    if matches is not None:
        if category is None:
            raise OptionError("with matches=, name one of their categories: "
                              "kwic(corpus, category=..., matches=...).")
        settings = settings_of(matches, settings, **options)
        cats = categories_of(lexicon, matches)
        if category not in cats:
            raise OptionError(f"{category!r} is not a category of these matches; the "
                              f"categories are {cats}.")
        return kwic_from_matches(corpus, matches[matches["category"] == category],
                                 window=int(window), settings=settings)
    settings = match_settings(settings, **options)
    lex = as_lexicon(lexicon) if lexicon is not None else None
    if category is not None:
        if lex is None:
            raise OptionError(f"category={category!r} needs the lexicon it belongs to: pass "
                              "lexicon= (--lexicon on the command line).")
        if category not in lex:
            ids = ", ".join(lex.category_ids[:30])
            raise OptionError(f"{category!r} is not a category of the lexicon {lex.name!r}; "
                              f"its categories are: {ids}. To see a word, pass it as the "
                              "pattern instead.")
        frame = find_matches(corpus, lex, settings=settings)
        frame = frame[frame["category"] == category]
    else:
        if lex is not None and pattern in lex:
            import warnings

            warnings.warn(f"kwic shows the word pattern {pattern!r}; {pattern!r} is also a "
                          f"category of the lexicon: pass category={pattern!r} for its "
                          "matches.", UserWarning, stacklevel=2)
        return _kwic_of_pattern(corpus, pattern, settings, int(window))
    return kwic_from_matches(corpus, frame, window=int(window), settings=settings)


def kwic_from_matches(corpus, matches: pd.DataFrame, *, window: int = 5,
                      settings: MatchSettings | None = None) -> Kwic:
    """The concordance lines of the given match rows (any subset of a match table).

    Each statement's token offsets are looked up once, however many of its matches are shown.

    Examples
    --------
    >>> import pandas as pd
    >>> from frameshift.corpus import from_frame
    >>> from frameshift.matching import find_matches
    >>> c = from_frame(pd.DataFrame({"statement_id": ["a", "b"], "actor": ["baku", "nk"],
    ...     "text": ["Reintegration now.", "No coercion, no reintegration."]}))
    >>> m = find_matches(c, {"reint": ["reintegration"]})
    >>> k = kwic_from_matches(c, m[m["statement_id"] == "b"], window=2)
    >>> k[["left", "keyword", "right"]].values.tolist()
    [['coercion, no', 'reintegration', '.']]
    """
    from frameshift.corpus.model import corpus_tokens

    settings = settings_of(matches, settings)
    tokens = corpus_tokens(corpus, settings.tokenizer)
    st = corpus.statements
    texts = st["text"].tolist()
    from frameshift.errors import check_table_argument
    check_table_argument(matches, "matches", "kwic_from_matches", "find_matches(...)")
    w = int(window)
    n_rows = len(matches)
    lefts = np.full(n_rows, "", dtype=object)
    kws = np.full(n_rows, "", dtype=object)
    rights = np.full(n_rows, "", dtype=object)
    docs = _statement_rows(st, matches["statement_id"])
    ta = matches["token_start"].to_numpy(np.int64)
    tb = matches["token_end"].to_numpy(np.int64)
    order = np.argsort(docs, kind="stable") if n_rows else np.zeros(0, np.int64)
    sdocs = docs[order]
    cut = np.flatnonzero(np.diff(sdocs)) + 1 if n_rows else np.zeros(0, np.int64)
    for rows in np.split(order, cut) if n_rows else []:
        d = int(docs[rows[0]])
        starts, ends = tokens.offsets(d)
        text = texts[d]
        a, b = ta[rows], tb[rows]
        kws[rows] = [text[y:z] for y, z in zip(starts[a].tolist(), ends[b - 1].tolist())]
        if w:
            lefts[rows], rights[rows] = _contexts(text, starts, ends, a, b, w)
    return _assemble(matches, lefts, kws, rights)


def _contexts(text: str, starts, ends, a, b, w: int) -> tuple[list, list]:
    """Left and right contexts (``w`` words, whitespace collapsed, within the paragraph) of
    the matches ``[a, b)`` (token positions) of one text whose token offsets are given."""
    n = len(starts)
    cs, ce = starts[a], ends[b - 1]
    lo, hi = np.maximum(0, a - w), np.minimum(n, b + w)
    # context runs to the statement's edge when the window reaches it (keeps punctuation)
    ls = np.where(lo == 0, 0, starts[np.minimum(lo, n - 1)])
    rs = np.where(hi == n, len(text), ends[np.maximum(hi - 1, 0)])
    if "\n" in text:
        ls, rs = _within_paragraph(text, ls, cs, ce, rs)
    u, irregular = _irregular(text)
    return _squashed(text, ls, cs, u, irregular), _squashed(text, ce, rs, u, irregular)


def _assemble(matches: pd.DataFrame, lefts, kws, rights) -> Kwic:
    out = pd.DataFrame({"left": pd.Series(lefts, dtype=object, copy=False),
                        "keyword": pd.Series(kws, dtype=object, copy=False),
                        "right": pd.Series(rights, dtype=object, copy=False)})
    for col in ("statement_id", "actor", "category", "pattern", "char_start", "char_end",
                "negated"):
        out[col] = _plain(matches[col])
    return Kwic(out)


def _kwic_of_pattern(corpus, pattern: str, settings: MatchSettings, w: int) -> Kwic:
    """``kwic_from_matches(corpus, find_matches(...))`` of one pattern in one pass: the lines
    are cut while the match table is built, from the token offsets it computes anyway; the
    keyword is the ``match`` column (the matched text as written, ``text[start:end]``)."""
    texts = corpus.statements["text"].tolist()
    lefts: list = []
    rights: list = []

    def visit(d, lo, hi, starts, ends, a, b):
        left, right = _contexts(texts[d], starts, ends, a.astype(np.int64),
                                b.astype(np.int64), w)
        lefts.extend(left)
        rights.extend(right)

    frame = _find(corpus, lexicon_from_dict({"kwic": [pattern]}), settings,
                  visit=visit if w else None)
    n = len(frame)
    kws = _plain(frame["match"]).to_numpy(dtype=object, na_value=None) if n else []
    if not w:
        lefts = rights = [""] * n
    return _assemble(frame.assign(category=pattern), lefts, kws, rights)


def _plain(col: pd.Series):
    """The column's values for a KWIC table: a categorical of the match table as the plain
    column of its categories' type (taken by code), other columns as their values."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        return col.cat.categories.array.take(col.cat.codes.to_numpy(np.int64), allow_fill=True)
    if isinstance(col.dtype, pd.StringDtype):
        return col.array
    return col.to_numpy()
