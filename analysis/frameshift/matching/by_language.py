"""Terms per language: a pattern with a language counts only in statements of that language.

A lexicon may give each term its language (``Pattern.language``; ``terms: {ru: [...], hy:
[...]}`` in YAML, see ``docs/lexicons.md``). Matching then reads every statement's language
(the ``MatchSettings.language_column`` column, or detected from the script where it is empty:
:func:`frameshift.text.languages.statement_languages`) and applies, in a statement, the
patterns of its language and the patterns without a language. A lexicon without languages is
matched exactly as before (this module is not used), so quanteda parity is unchanged.

The lexicon is matched once per language present among the statements, each time with the
patterns that apply there, over the same tokens; the hits of each pass are kept in the
statements of its language. A term given in two languages (*ultimatum*, English and
Azerbaijani) is thus found in both, under the pattern of the statement's language.
"""

from __future__ import annotations

import numpy as np

__all__ = ["language_hits"]


def _sub_lexicon(lex, keep):
    """The lexicon with only the patterns and exclusions ``keep(pattern)`` accepts, and the
    index (in the full lexicon's pattern order) of each pattern kept."""
    from dataclasses import replace

    from frameshift.lexicon.model import Lexicon

    cats, index, j = [], [], 0
    for c in lex.categories:
        pats = []
        for p in c.patterns:
            if keep(p):
                pats.append(p)
                index.append(j)
            j += 1
        cats.append(replace(c, patterns=tuple(pats),
                            exclude=tuple(p for p in c.exclude if keep(p))))
    sub = Lexicon(cats, name=lex.name, version=lex.version, format=lex.format,
                  hyphen_variants=lex.hyphen_variants, path=lex.path)
    return sub, np.asarray(index, dtype=np.int64)


def language_hits(comp, tokens, texts, settings, statements, *, languages=None,
                  table: bool = False):
    """Hits (or the count table) of ``comp`` with each pattern in its language only.

    Parameters
    ----------
    comp : CompiledLexicon
        Compiled over ``tokens``' vocabulary.
    tokens : Tokens
    texts : list of str
    settings : MatchSettings
    statements : DataFrame
        The corpus's statements (for their languages).
    languages : sequence of str or None, optional
        Language code of every text, when already known; otherwise read from
        ``settings.language_column`` or detected.
    table : bool
        Return ``(counts, negated)`` per text x category instead of one row per match.

    Returns
    -------
    _Hits, tuple of arrays, or None
        None when no pattern of the lexicon has a language (the caller matches as usual).

    Examples
    --------
    >>> import pandas as pd, frameshift as fs
    >>> from frameshift.corpus import from_frame
    >>> c = from_frame(pd.DataFrame({"statement_id": ["a", "b"], "actor": ["x", "y"],
    ...     "language": ["az", "en"], "text": ["Ultimatum verdi.", "An ultimatum."]}))
    >>> from frameshift.lexicon import parse_pattern
    >>> from frameshift.lexicon.model import Category, Lexicon
    >>> lex = Lexicon([Category("u", patterns=(parse_pattern("ultimatum", language="az"),))])
    >>> fs.find_matches(c, lex)["statement_id"].tolist()
    ['a']
    >>> lex = Lexicon([Category("u", patterns=(parse_pattern("ultimatum", language="en"),
    ...                                        parse_pattern("ultimatum", language="az")))])
    >>> fs.find_matches(c, lex)[["statement_id", "match"]].values.tolist()
    [['a', 'Ultimatum'], ['b', 'ultimatum']]
    """
    from .engine import CompiledLexicon, _Hits, _run

    if not any(p.language for _, p in comp.patterns):
        return None
    if languages is None:
        from frameshift.text.languages import statement_languages

        languages = statement_languages(statements, column=settings.language_column,
                                        known_only=False)["language"].tolist()
    langs = [x if isinstance(x, str) and x else None for x in languages]
    D = tokens.n_docs
    parts = []
    for g in sorted({*langs}, key=lambda x: (x is not None, x or "")):
        docs = np.fromiter((x == g for x in langs), dtype=bool, count=D)
        sub, index = _sub_lexicon(comp.lexicon, lambda p, g=g: p.language in (None, g))
        sc = CompiledLexicon(sub, comp.vocabulary, case_sensitive=comp.case_sensitive,
                             forms=comp._forms)
        sc.negator = comp.negator  # the same vocabulary, the same negators
        h = _run(sc, tokens, texts, settings)
        keep = docs[h.doc] if len(h.doc) else np.zeros(0, bool)
        parts.append((h.start[keep], h.end[keep], h.category[keep], index[h.pattern[keep]],
                      h.negated[keep], h.doc[keep]))
    start, end, cat, pat, neg, doc = (np.concatenate([p[i] for p in parts]) for i in range(6))
    order = np.lexsort((cat, start))
    hits = _Hits(start[order], end[order], cat[order], pat[order], neg[order], doc[order])
    if not table:
        return hits
    K = comp.single.shape[1]
    counts = np.zeros((D, K), np.int64)
    negated = np.zeros((D, K), np.int64)
    np.add.at(counts, (hits.doc, hits.category), 1)
    np.add.at(negated, (hits.doc[hits.negated], hits.category[hits.negated]), 1)
    return counts, negated
