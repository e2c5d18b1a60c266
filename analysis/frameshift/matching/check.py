"""Check a lexicon against a corpus: glob expansions, near misses, unmatched categories.

The check needs the matching engine (it compiles the lexicon against the corpus vocabulary
with the same settings as :func:`~frameshift.matching.count_matches`), so it lives here and not
in :mod:`frameshift.lexicon`, which must not import the stages above it.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from frameshift.lexicon.model import Lexicon
from frameshift.lexicon.formats import as_lexicon
from frameshift.text.tokenizer import fold_case

from .by_language import language_hits
from .engine import (_NEAR_MIN_LEN, MatchSettings, _prepare, _run, compile_lexicon,
                     match_settings)

__all__ = ["LexiconReport", "check_lexicon"]


# --------------------------------------------------------------------------- checking
@dataclass
class LexiconReport:
    """What :func:`check_lexicon` found, as four tidy tables.

    Attributes
    ----------
    expansions : DataFrame
        category, pattern, type, count -- the corpus types each glob or regex matched
        (to spot over-broad globs), most frequent first within a pattern.
    near_misses : DataFrame
        category, pattern, type, count, distance -- corpus types within a small edit distance
        of a lexicon word that matched none of the category's patterns (typos, variants).
    unmatched : DataFrame
        category, matches -- categories with zero matches in the corpus.
    problems : DataFrame
        line, problem -- quality problems accepted when the lexicon was read.
    languages : DataFrame
        category, language, patterns, matches, statements -- for a lexicon whose terms have
        languages (``terms: {ru: [...]}``), per category and term language (``any`` for
        terms without one): how many patterns, how many matches in the statements of that
        language, and how many statements the corpus has in it. Empty otherwise. Expansions
        and near misses of a term with a language count only the statements of its language.
    """

    expansions: pd.DataFrame
    near_misses: pd.DataFrame
    unmatched: pd.DataFrame
    problems: pd.DataFrame
    languages: pd.DataFrame = None

    def __repr__(self) -> str:
        return (f"<LexiconReport: {len(self.expansions)} glob/regex expansions, "
                f"{len(self.near_misses)} near misses, {len(self.unmatched)} categories "
                f"without matches, {len(self.problems)} problems>")

    def _repr_html_(self) -> str:
        parts = []
        for title, table in (("Near misses (typos and variants the lexicon does not match)",
                              self.near_misses),
                             ("Categories without matches", self.unmatched),
                             ("Glob and regex expansions", self.expansions),
                             ("Problems accepted when the lexicon was read", self.problems)):
            shown = table.head(30)
            more = f" (first 30 of {len(table)})" if len(table) > 30 else ""
            body = shown.to_html(index=False, escape=True) if len(table) else "<p>none</p>"
            parts.append(f"<h4>{title}{more}</h4>{body}")
        return "".join(parts)

    def to_frame(self) -> pd.DataFrame:
        """All findings in one long table: check, category, pattern, type, count, detail."""
        parts = []
        e = self.expansions.assign(check="glob_expansion", detail="")
        parts.append(e)
        n = self.near_misses.assign(check="near_miss",
                                    detail=[f"edit distance {d}" for d in
                                            self.near_misses["distance"]])
        parts.append(n.drop(columns="distance"))
        u = self.unmatched.assign(check="no_match", pattern="", type="", count=0,
                                  detail="category matched nothing")
        parts.append(u.drop(columns="matches"))
        p = self.problems.assign(check="problem", category="", pattern="", type="", count=0)
        p = p.rename(columns={"problem": "detail"}).drop(columns="line")
        parts.append(p)
        if self.languages is not None and len(self.languages):
            g = self.languages
            parts.append(pd.DataFrame({
                "check": "language", "category": g["category"], "pattern": "",
                "type": g["language"], "count": g["matches"],
                "detail": [f"{n} pattern{'s' if n != 1 else ''}; {m} statement"
                           f"{'s' if m != 1 else ''} in {lang}"
                           for n, m, lang in zip(g["patterns"], g["statements"],
                                                 g["language"])]}))
        cols = ["check", "category", "pattern", "type", "count", "detail"]
        out = pd.concat([x[cols] for x in parts if len(x)], ignore_index=True) if any(
            len(x) for x in parts) else pd.DataFrame(columns=cols)
        return out.astype({"count": "int64"})


def check_lexicon(corpus, lexicon, *, max_distance: int | None = None,
                  settings: MatchSettings | None = None, case_sensitive: bool | None = None,
                  nested_scope: str | None = None, cross_sentences: bool | None = None,
                  negation_window: int | None = None, negators=None,
                  tokenizer=None) -> LexiconReport:
    """Check a lexicon against a corpus: glob expansions, near misses, unmatched categories.

    Parameters
    ----------
    corpus : Corpus
    lexicon : Lexicon, str or dict
    max_distance : int, optional
        Largest edit distance of a near miss. Default: 1, or 2 for words of 8 or more
        characters.
    settings, case_sensitive, nested_scope, cross_sentences, negation_window, negators, tokenizer
        As for :func:`~frameshift.matching.find_matches`: the check matches exactly as the
        counts do, so a category it reports unmatched has no count.

    Returns
    -------
    LexiconReport

    Examples
    --------
    >>> import pandas as pd
    >>> from frameshift.corpus import from_frame
    >>> c = from_frame(pd.DataFrame({"statement_id": ["a"],
    ...                              "text": ["New instrastructure and free freezing."]}))
    >>> rep = check_lexicon(c, {"dev": ["infrastructure"], "free": ["free*"]})
    >>> rep.near_misses[["pattern", "type", "distance"]].values.tolist()
    [['infrastructure', 'instrastructure', 2]]
    >>> rep.expansions[["pattern", "type", "count"]].values.tolist()
    [['free*', 'free', 1], ['free*', 'freezing', 1]]
    >>> rep.unmatched["category"].tolist()
    ['dev']
    """
    settings = match_settings(settings, case_sensitive=case_sensitive, nested_scope=nested_scope,
                              cross_sentences=cross_sentences, negation_window=negation_window,
                              negators=negators, tokenizer=tokenizer)
    lex = as_lexicon(lexicon)
    exp, near, unmatched, langs = _check_tables(lex, corpus, settings,
                                                max_distance=max_distance)
    probs = pd.DataFrame({"line": [p.line for p in getattr(lex, "problems", [])],
                          "problem": [str(p) for p in getattr(lex, "problems", [])]},
                         columns=["line", "problem"])
    return LexiconReport(exp, near, unmatched, probs, langs)


# --------------------------------------------------------------------------- checks
def _check_tables(lex: Lexicon, corpus, settings: MatchSettings, *, max_distance=None):
    """Tables behind :func:`check_lexicon`, matched with the same settings as the counts."""
    from nltk.metrics.distance import edit_distance

    from frameshift.corpus.model import corpus_tokens

    case_sensitive = settings.case_sensitive
    tokens = corpus_tokens(corpus, settings.tokenizer)
    lemma_hits = None
    if settings.lemmas is not None:  # lemma matching: the types are the lemma keys
        comp, tokens, _, _, lemma_hits = _prepare(corpus, lex, settings)
    else:
        comp = compile_lexicon(lex, tokens, case_sensitive=case_sensitive,
                               negators=settings.negators)
    vocab = comp.vocabulary
    tid = tokens.ids if case_sensitive else tokens.type_ids()
    freq = np.bincount(tid, minlength=len(vocab))
    cats = lex.category_ids
    texts = corpus.statements["text"].tolist()
    # terms with a language: matched, expanded and near-missed in that language only
    by_lang = _language_frequencies(lex, corpus, settings, tokens, tid, len(vocab))
    hits = lemma_hits
    if hits is None and by_lang is not None:
        hits = language_hits(comp, tokens, texts, settings, corpus.statements,
                             languages=by_lang[0])
    if hits is None:
        hits = _run(comp, tokens, texts, settings)
    per_pattern = np.bincount(hits.pattern, minlength=len(comp.patterns))

    def freq_of(p):  # the corpus frequencies a pattern is checked against
        return freq if by_lang is None or p.language is None else by_lang[1].get(
            p.language, np.zeros(len(vocab), np.int64))
    variants = lex.hyphen_variants
    # glob / regex expansions: the types each wildcard element matched
    exp_rows = []
    for j, (k, p) in enumerate(comp.patterns):
        ids: set = set()
        if p.kind == "regex":
            ids.update(comp._ids(p.words[0], dehyphen=False, regex=True).tolist())
        for w in p.words:
            if p.kind != "regex" and isinstance(w, str) and ("*" in w or "?" in w):
                ids.update(comp._ids(w, dehyphen=variants and not p.exact).tolist())
        fq = freq_of(p)
        for t in sorted(ids, key=lambda t: (-fq[t], vocab[t])):
            if fq[t]:
                exp_rows.append((cats[k], p.text, vocab[t], int(fq[t])))
    expansions = pd.DataFrame(exp_rows, columns=["category", "pattern", "type", "count"])
    # near misses: for patterns that matched nothing, corpus types a small edit away
    by_cat: dict[int, set] = {}
    for j, (k, p) in enumerate(comp.patterns):
        s = by_cat.setdefault(k, set())
        for alt in comp._alternatives(p, k, j):
            for e in alt.elements:
                if not isinstance(e, tuple):
                    s.update(e.tolist())
    index: dict[str, list[int]] = {}
    for i, v in enumerate(vocab):
        if len(v) >= _NEAR_MIN_LEN - 2 and freq[i]:
            depth = max_distance if max_distance is not None else (2 if len(v) >= 6 else 1)
            for d in _deletes(v, depth):
                index.setdefault(d, []).append(i)
    near_rows = []
    seen = set()
    for j, (k, p) in enumerate(comp.patterns):
        if p.kind == "regex" or per_pattern[j]:
            continue
        for w in p.words:
            if not isinstance(w, str) or "*" in w or "?" in w or len(w) < _NEAR_MIN_LEN:
                continue
            w = w if case_sensitive else fold_case(w)
            fq = freq_of(p)
            maxd = max_distance if max_distance is not None else (2 if len(w) >= 8 else 1)
            cands = set()
            for d in _deletes(w, maxd):
                cands.update(index.get(d, ()))
            for t in sorted(cands):
                if t in by_cat.get(k, ()):
                    continue
                v = vocab[t]
                if abs(len(v) - len(w)) > maxd:
                    continue
                dist = edit_distance(w, v)
                if 0 < dist <= maxd and fq[t] and (k, w, t) not in seen:
                    seen.add((k, w, t))
                    near_rows.append((cats[k], p.text, v, int(fq[t]), int(dist)))
    near = pd.DataFrame(near_rows, columns=["category", "pattern", "type", "count", "distance"])
    per_cat = np.bincount(hits.category, minlength=len(cats))
    unmatched = pd.DataFrame({"category": [c for c, n in zip(cats, per_cat) if n == 0],
                              "matches": 0}, columns=["category", "matches"])
    unmatched["matches"] = unmatched["matches"].astype(np.int64)
    return expansions, near, unmatched, _language_table(comp, hits, by_lang)


def _language_frequencies(lex, corpus, settings, tokens, tid, V):
    """(language per statement, {language: type frequencies in its statements}), or None
    for a lexicon without languages."""
    if not any(p.language for c in lex.categories for p in (*c.patterns, *c.exclude)):
        return None
    from frameshift.text.languages import statement_languages

    langs = statement_languages(corpus.statements, column=settings.language_column,
                                known_only=False)["language"].tolist()
    per_tok = np.repeat(np.asarray([x or "" for x in langs], dtype=object), tokens.n_tokens())
    freqs = {}
    for lang in sorted({x for x in langs if x}):
        freqs[lang] = np.bincount(tid[per_tok == lang], minlength=V)
    return langs, freqs


def _language_table(comp, hits, by_lang) -> pd.DataFrame:
    """Per category and term language: patterns, matches, statements in that language."""
    cols = ["category", "language", "patterns", "matches", "statements"]
    if by_lang is None:
        return pd.DataFrame(columns=cols).astype({c: "int64" for c in cols[2:]})
    langs = by_lang[0]
    cats = comp.lexicon.category_ids
    plang = [p.language or "any" for _, p in comp.patterns]
    n_pat: dict = {}
    for (k, _), lang in zip(comp.patterns, plang):
        n_pat[(k, lang)] = n_pat.get((k, lang), 0) + 1
    n_match: dict = {}
    for k, j in zip(hits.category.tolist(), hits.pattern.tolist()):
        n_match[(k, plang[j])] = n_match.get((k, plang[j]), 0) + 1
    n_st = {lang: sum(1 for x in langs if x == lang) for lang in set(plang)}
    n_st["any"] = len(langs)
    rows = [(cats[k], lang, n, n_match.get((k, lang), 0), n_st.get(lang, 0))
            for (k, lang), n in sorted(n_pat.items(), key=lambda x: (x[0][0], x[0][1]))]
    return pd.DataFrame(rows, columns=cols).astype({c: "int64" for c in cols[2:]})


def _deletes(word: str, d: int) -> set:
    out = {word}
    frontier = {word}
    for _ in range(d):
        nxt = set()
        for w in frontier:
            for i in range(len(w)):
                nxt.add(w[:i] + w[i + 1:])
        out |= nxt
        frontier = nxt
    return out
