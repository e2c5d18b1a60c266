"""One rule for "too short", shared by every table (count, shift, keyness, ntr; issue 13).

A unit of analysis -- a statement, a group of statements, a time window -- is *too short*
when it has fewer than :data:`MIN_SENTENCES` sentences. The rule comes from the coverage
harness (``benchmarks/coverage.py``, ``docs/measures.md``): the sentences of a text are its
independent units (frames cluster within sentences), one sentence has no between-sentence
variation at all and two give one degree of freedom, so no interval method covered its
nominal 95% below three sentences a statement (1 v 1: 0.00; 1 v 7, the Karabakh shape: 0.03
for a sentence bootstrap), while from three sentences a side the chosen methods cover
0.935-0.99 (docs/measures.md: three grids, 600-2,400 replications a cell). Keyness tests
documents, not sentences, so there the same threshold applies to the documents of each group
(:data:`MIN_DOCUMENTS`): fewer than three documents leave too few relabellings for any
document-level p-value or interval.

A short unit still gets its counts and point values; tables mark it in a boolean
``short_text`` column and the call issues one :class:`ShortTextWarning` naming the first
units, so a reader knows which numbers describe a text rather than estimate anything.
It lives in :mod:`frameshift.matching` (below :mod:`frameshift.measures`) so that
:func:`frameshift.matching.count_matches` can use it too.
"""

from __future__ import annotations

import warnings

import numpy as np

__all__ = ["MIN_SENTENCES", "MIN_DOCUMENTS", "ShortTextWarning", "is_short",
           "sentences_per_document", "warn_short"]

#: Fewest sentences for which a unit is not flagged ``short_text`` (and gets an interval).
MIN_SENTENCES = 3

#: Fewest documents per group for a document-level keyness p-value or interval.
MIN_DOCUMENTS = 3


class ShortTextWarning(UserWarning):
    """A unit has too few sentences (or a keyness group too few documents) for inference."""


def is_short(n_units, minimum: int = MIN_SENTENCES):
    """Whether a unit with ``n_units`` sentences (or documents) is too short.

    Examples
    --------
    >>> is_short(1), is_short(3)
    (True, False)
    >>> is_short([0, 2, 5]).tolist()
    [True, True, False]
    """
    out = np.asarray(n_units) < int(minimum)
    return bool(out) if out.ndim == 0 else out


def sentences_per_document(tokens) -> np.ndarray:
    """Number of sentences of every document of a :class:`frameshift.text.Tokens`.

    A document without a word token has 0 sentences.

    Examples
    --------
    >>> from frameshift.text import tokenize
    >>> sentences_per_document(tokenize(["One. Two. Three.", "Only one", ""])).tolist()
    [3, 1, 0]
    """
    n = np.asarray(tokens.n_tokens(), dtype=np.int64)
    out = np.zeros(len(n), dtype=np.int64)
    if len(tokens.sentence) == 0:
        return out
    ends = np.cumsum(n)
    has = n > 0
    # sentence numbers are 0-based within each document: the last word's number + 1
    out[has] = np.asarray(tokens.sentence)[ends[has] - 1].astype(np.int64) + 1
    return out


def warn_short(names, total: int, *, what: str, unit: str = "sentences",
               minimum: int = MIN_SENTENCES, stacklevel: int = 3) -> None:
    """Issue one :class:`ShortTextWarning` for the short units ``names`` (if any).

    Examples
    --------
    >>> import warnings
    >>> with warnings.catch_warnings(record=True) as w:
    ...     warnings.simplefilter("always")
    ...     warn_short(["baku"], 3, what="group")
    >>> print(w[0].message)
    1 of 3 group(s) have fewer than 3 sentences (short_text=True): baku. Their counts describe these texts; no interval or p-value is an estimate for them.
    """
    names = [str(n) for n in names]
    if not names:
        return
    more = f" and {len(names) - 5} more" if len(names) > 5 else ""
    warnings.warn(f"{len(names)} of {total} {what}(s) have fewer than {minimum} {unit} "
                  f"(short_text=True): {', '.join(names[:5])}{more}. Their counts describe "
                  "these texts; no interval or p-value is an estimate for them.",
                  ShortTextWarning, stacklevel=stacklevel)
