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
from .engine import MatchSettings, categories_of, find_matches, match_settings, settings_of

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
        frame = find_matches(corpus, lexicon_from_dict({"kwic": [pattern]}), settings=settings)
        frame = frame.assign(category=pattern)
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
    index = {str(s): i for i, s in enumerate(st["statement_id"].astype(str))}
    from frameshift.errors import check_table_argument
    check_table_argument(matches, "matches", "kwic_from_matches", "find_matches(...)")
    w = int(window)
    n_rows = len(matches)
    lefts, kws, rights = [""] * n_rows, [""] * n_rows, [""] * n_rows
    docs = matches["statement_id"].astype(str).map(index).to_numpy()
    ta = matches["token_start"].to_numpy(np.int64)
    tb = matches["token_end"].to_numpy(np.int64)
    order = np.argsort(docs, kind="stable") if n_rows else np.zeros(0, np.int64)
    sdocs = docs[order]
    cut = np.flatnonzero(np.diff(sdocs)) + 1 if n_rows else np.zeros(0, np.int64)
    for rows in np.split(order, cut) if n_rows else []:
        d = int(docs[rows[0]])
        starts, ends = tokens.offsets(d)
        text = texts[d]
        n = len(starts)
        a, b = ta[rows], tb[rows]
        cs, ce = starts[a], ends[b - 1]
        lo, hi = np.maximum(0, a - w), np.minimum(n, b + w)
        # context runs to the statement's edge when the window reaches it (keeps punctuation)
        ls = np.where(lo == 0, 0, starts[np.minimum(lo, n - 1)])
        rs = np.where(hi == n, len(text), ends[np.maximum(hi - 1, 0)])
        for i, x, y, z, e in zip(rows.tolist(), ls.tolist(), cs.tolist(), ce.tolist(),
                                 rs.tolist()):
            left, right = text[x:y], text[z:e]
            # ... but never across a paragraph break (the joint of two quoted fragments)
            if "\n" in left:
                left = _PARA.split(left)[-1]
            if "\n" in right:
                right = _PARA.split(right)[0]
            if w:
                lefts[i] = " ".join(left.split())
                rights[i] = " ".join(right.split())
            kws[i] = text[y:z]
    out = pd.DataFrame({
        "left": pd.Series(lefts, dtype=object),
        "keyword": pd.Series(kws, dtype=object),
        "right": pd.Series(rights, dtype=object),
    })
    sub = matches.reset_index(drop=True)
    for col in ("statement_id", "actor", "category", "pattern", "char_start", "char_end",
                "negated"):
        out[col] = sub[col].to_numpy()
    return Kwic(out)
