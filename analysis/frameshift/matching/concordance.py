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
from frameshift.matching.engine import _match_frame, _prepare, _settings

__all__ = ["kwic", "Kwic", "KWIC_COLUMNS"]

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


def kwic(corpus, pattern: str | None = None, *, category: str | None = None, window: int = 5,
         lexicon=None,
         case_sensitive: bool = False, nested_scope: str = "key",
         cross_sentences: bool = False, negation_window: int = 3, negators=None,
         tokenizer=None) -> Kwic:
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
        Instead of ``pattern``: a category id of ``lexicon``; its matches, as counted.
    window : int, default 5
        Words of context on each side (within the statement).
    lexicon : Lexicon, str or dict, optional
        The lexicon of ``category`` (and of the matching settings' negators).
    case_sensitive, nested_scope, cross_sentences, negation_window, negators, tokenizer
        As for :func:`frameshift.matching.find_matches`.

    Returns
    -------
    Kwic
        A DataFrame with ``left``, ``keyword`` (as written), ``right`` (whitespace collapsed),
        ``statement_id``, ``actor``, ``category``, ``pattern``, ``char_start``, ``char_end``
        (offsets of the keyword in the source document, as in the match table) and
        ``negated``; one row per match, in match order.

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
    if int(window) < 0:
        raise OptionError(f"window must be 0 or more, not {window!r}.")
    if (pattern is None) == (category is None):
        raise OptionError("kwic needs a pattern (a word, phrase or glob: kwic(corpus, "
                          "'coerc*')) or a category (kwic(corpus, category='coercion', "
                          "lexicon=lexicon)) -- one of the two, not "
                          + ("both." if pattern is not None else "neither."))
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
    else:
        if lex is not None and pattern in lex:
            import warnings

            warnings.warn(f"kwic shows the word pattern {pattern!r}; {pattern!r} is also a "
                          f"category of the lexicon: pass category={pattern!r} for its "
                          "matches.", UserWarning, stacklevel=2)
        lex = lexicon_from_dict({"kwic": [pattern]})
    settings = _settings(case_sensitive, nested_scope, cross_sentences, negation_window,
                         negators)
    comp, tokens, st, texts, hits = _prepare(corpus, lex, settings, tokenizer)
    frame = _match_frame(corpus, comp, tokens, st, texts, hits)
    if category is None:
        frame["category"] = pattern
        keep = np.ones(len(frame), bool)
    else:
        keep = (frame["category"] == category).to_numpy()
    idx = np.flatnonzero(keep)
    lefts, kws, rights = [], [], []
    w = int(window)
    for i in idx:
        d = int(hits.doc[i])
        starts, ends = tokens.offsets(d)
        text = texts[d]
        a, b = int(frame["token_start"].iat[i]), int(frame["token_end"].iat[i])
        cs, ce = int(starts[a]), int(ends[b - 1])
        n = len(starts)
        lo, hi = max(0, a - w), min(n, b + w)
        # context runs to the statement's edge when the window reaches it (keeps punctuation)
        left = text[:cs] if lo == 0 else text[int(starts[lo]):cs]
        right = text[ce:] if hi == n else text[ce:int(ends[hi - 1])]
        # ... but never across a paragraph break (the joint of two quoted fragments)
        left = _PARA.split(left)[-1]
        right = _PARA.split(right)[0]
        if not w:
            left = right = ""
        lefts.append(_squash(left))
        kws.append(text[cs:ce])
        rights.append(_squash(right))
    out = pd.DataFrame({
        "left": pd.Series(lefts, dtype=object),
        "keyword": pd.Series(kws, dtype=object),
        "right": pd.Series(rights, dtype=object),
    })
    sub = frame.iloc[idx].reset_index(drop=True)
    for col in ("statement_id", "actor", "category", "pattern", "char_start", "char_end",
                "negated"):
        out[col] = sub[col].to_numpy()
    return Kwic(out)
