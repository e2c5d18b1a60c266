"""Apply a lexicon to a corpus: compile against the vocabulary, find and count matches.

A lexicon is compiled once against the vocabulary of a corpus's tokens: words, globs,
regular expressions and hyphen variants become sets of type ids; single-word patterns become
a sparse type x category matrix, so finding them is array work. Phrases are found by id
sequence, starting only at tokens that can begin them.

Matching semantics (each pinned by a test; stated for a methods section in
``docs/lexicons.md``):

* case-insensitive unless ``case_sensitive=True``;
* within a category, longer matches are taken first and a token counts once (quanteda's
  ``nested_scope="key"``); with ``nested_scope="dictionary"`` a match lying entirely inside
  longer matches of any category is also dropped;
* a token may count for several categories;
* matches do not cross sentence boundaries unless ``cross_sentences=True``, and the words of a
  multi-word match are separated by whitespace only (or an abbreviation's period);
* a match preceded by a negator within ``negation_window`` words of the same sentence is
  flagged ``negated``; it still counts.
"""

from __future__ import annotations

import dataclasses
import re
from bisect import bisect_left
from dataclasses import dataclass, field
from itertools import product

import numpy as np
import pandas as pd

from frameshift.errors import OptionError, check_corpus_argument
from frameshift.lexicon.model import Lexicon, Pattern
from frameshift.lexicon.formats import as_lexicon
from frameshift.text.tokenizer import Tokens, TokenizerSettings, fold_case

# The multi-word search in C (``_phrases.c``, built by ``pip install`` where a C compiler is
# found); without it the numpy search below runs (the same spans: tests/test_phrases_c.py).
try:
    from frameshift.matching import _phrases as _cphrases
except ImportError:  # pragma: no cover - built without a C compiler
    _cphrases = None

__all__ = ["match_settings", "settings_of", "categories_of", "rates", "MATCH_OPTIONS",
           "MatchSettings", "CompiledLexicon", "compile_lexicon", "find_matches", "count_matches",
           "DEFAULT_NEGATORS", "MATCH_COLUMNS", "COUNT_COLUMNS"]

#: Negators: a match preceded by one of these (or by any word ending in "n't") within the
#: negation window is flagged ``negated``.
DEFAULT_NEGATORS = frozenset(
    """not no never without nor neither cannot none nobody nothing nowhere noone
    can't won't don't doesn't didn't isn't aren't wasn't weren't hasn't haven't hadn't
    couldn't shouldn't wouldn't mustn't needn't shan't ain't""".split()
)

#: Columns of :func:`find_matches`.
MATCH_COLUMNS = ("statement_id", "actor", "date", "category", "pattern", "match",
                 "token_start", "token_end", "char_start", "char_end", "source_id",
                 "sentence", "negated")
#: Columns of :func:`count_matches` after the ``by`` columns.
COUNT_COLUMNS = ("category", "count", "negated", "tokens", "per_1000", "share", "sentences",
                 "short_text")  # issue 13: the last two, from matching/shortness.py

_MAX_HYPHEN_SPLITS = 3
# Lexicon words shorter than this are not checked for near misses (too many neighbours).
_NEAR_MIN_LEN = 5


@dataclass(frozen=True)
class MatchSettings:
    """Matching options; part of the provenance of every table.

    Parameters
    ----------
    case_sensitive : bool, default False
        Match against the tokens as written (NFKC, case kept) instead of their case-folded
        types.
    nested_scope : {"key", "dictionary"}, default "key"
        Where "longest match wins" applies: within each category (``"key"``), or also across
        categories (``"dictionary"``: a match lying entirely inside longer matches is dropped
        whatever their category; partial overlaps still count).
    cross_sentences : bool, default False
        Let multi-word matches span a sentence boundary.
    negation_window : int, default 3
        How many words before a match are searched for a negator (0 switches flagging off).
    negators : frozenset of str
        Negator words (case-folded); any word ending in ``n't`` is also a negator.
        :func:`frameshift.multilingual_negators` gives those of Russian, Armenian and
        Azerbaijani as well.
    lemmas : {None, "auto", "simplemma", "snowball", "suffix"}, default None
        Match lemma or stem keys instead of forms: every token and every pattern word is
        reduced per language (:mod:`frameshift.text.lemmas`), so a lexicon in dictionary
        forms counts inflected forms. ``None`` (the default) matches forms as written.
    language_column : str, default "language"
        Statement column giving each statement's language for ``lemmas``; statements
        without it are detected (:func:`frameshift.statement_languages`).
    tokenizer : TokenizerSettings, optional
        How the statements are tokenised (default :class:`~frameshift.text.TokenizerSettings`).

    This one value travels through every stage that matches: :func:`find_matches` records it
    in the match table (``matches.attrs["settings"]``), and every function downstream
    (:func:`count_matches`, :func:`~frameshift.matching.kwic`,
    :func:`~frameshift.matching.check_lexicon`, :func:`~frameshift.measures.shift`,
    :func:`~frameshift.measures.expansion_candidates`, the figures) takes it as ``settings=``
    or reads it from the ``matches=`` it is given, so the stages agree by construction.

    Examples
    --------
    >>> s = MatchSettings(nested_scope="dictionary")
    >>> s.replace(case_sensitive=True).case_sensitive, s.nested_scope
    (True, 'dictionary')
    """

    case_sensitive: bool = False
    nested_scope: str = "key"
    cross_sentences: bool = False
    negation_window: int = 3
    negators: frozenset = field(default=DEFAULT_NEGATORS)
    tokenizer: TokenizerSettings | None = None
    lemmas: str | None = None
    language_column: str = "language"

    def __post_init__(self):
        object.__setattr__(self, "tokenizer", self.tokenizer or TokenizerSettings())
        object.__setattr__(self, "negators",
                           frozenset(fold_case(str(n)) for n in self.negators))
        object.__setattr__(self, "case_sensitive", bool(self.case_sensitive))
        object.__setattr__(self, "cross_sentences", bool(self.cross_sentences))
        if isinstance(self.negation_window, bool) or not isinstance(
                self.negation_window, (int, np.integer)):
            raise OptionError(f"negation_window must be a whole number, not "
                              f"{self.negation_window!r}.")
        object.__setattr__(self, "negation_window", int(self.negation_window))
        if not isinstance(self.tokenizer, TokenizerSettings):
            raise OptionError(f"tokenizer must be a TokenizerSettings, not "
                              f"{type(self.tokenizer).__name__}.")
        if self.lemmas is not None:
            from frameshift.text.lemmas import METHODS

            if self.lemmas not in METHODS:
                raise OptionError(f"lemmas must be None or one of {', '.join(METHODS)}, not "
                                  f"{self.lemmas!r}.")
            if self.case_sensitive:
                raise OptionError("lemma matching is case-insensitive: use lemmas=None with "
                                  "case_sensitive=True, or case_sensitive=False.")
        if self.nested_scope not in ("key", "dictionary"):
            raise OptionError(f"nested_scope must be 'key' or 'dictionary', not "
                              f"{self.nested_scope!r}.")
        if int(self.negation_window) < 0:
            raise OptionError(f"negation_window must be 0 or more, not "
                              f"{self.negation_window!r}.")

    def as_dict(self) -> dict:
        """Settings as a plain dict (negators sorted), for provenance."""
        d = {f: getattr(self, f) for f in ("case_sensitive", "nested_scope", "cross_sentences",
                                           "negation_window")}
        d["negators"] = sorted(self.negators)
        d["lemmas"] = self.lemmas
        d["language_column"] = self.language_column
        d["tokenizer"] = self.tokenizer.as_dict()
        return d

    def replace(self, **changes) -> "MatchSettings":
        """A copy with some settings changed (``None`` values are ignored)."""
        return dataclasses.replace(self, **{k: v for k, v in changes.items() if v is not None})


#: The matching options that may be given one by one instead of (or on top of) ``settings=``.
MATCH_OPTIONS = ("case_sensitive", "nested_scope", "cross_sentences", "negation_window",
                 "negators", "tokenizer", "lemmas", "language_column")


def match_settings(settings: MatchSettings | None = None, **options) -> MatchSettings:
    """One :class:`MatchSettings` from ``settings`` and options given one by one.

    Options left at ``None`` keep the value of ``settings`` (or the default).

    Examples
    --------
    >>> match_settings(case_sensitive=True).case_sensitive
    True
    >>> match_settings(MatchSettings(negation_window=0), nested_scope="dictionary").negation_window
    0
    """
    unknown = sorted(set(options) - set(MATCH_OPTIONS))
    if unknown:
        raise OptionError(f"unknown matching option(s) {unknown}; the options are "
                          f"{list(MATCH_OPTIONS)}.")
    if settings is None:
        settings = MatchSettings()
    elif not isinstance(settings, MatchSettings):
        raise OptionError(f"settings must be a MatchSettings, not {type(settings).__name__}. "
                          f"Build one with fs.MatchSettings(case_sensitive=..., ...).")
    return settings.replace(**options)


def settings_of(matches: pd.DataFrame, settings: MatchSettings | None = None,
                **options) -> MatchSettings:
    """The settings a match table was found with, checked against any given ones.

    Raises :class:`~frameshift.errors.OptionError` when ``settings`` or an option differs
    from what the match table was found with (the option would be ignored otherwise).
    """
    found = matches.attrs.get("settings") if hasattr(matches, "attrs") else None
    asked = match_settings(settings, **options) if (settings is not None or any(
        v is not None for v in options.values())) else None
    if found is None:
        return asked or MatchSettings()
    if asked is not None and asked != found:
        diff = [k for k in MATCH_OPTIONS if getattr(asked, k) != getattr(found, k)]
        raise OptionError(
            f"the match table was found with different settings ({', '.join(diff)}); these "
            f"options would be ignored. Pass the same settings, or no settings with matches=.")
    return found


def categories_of(lexicon=None, matches: pd.DataFrame | None = None) -> list:
    """Category ids in lexicon order (every category, matched or not).

    From the lexicon when given (a Lexicon, a bundled name, a path or a dict), else from the
    match table's record of its lexicon, else the categories present in the matches, sorted.
    """
    if lexicon is not None:
        if isinstance(lexicon, CompiledLexicon):
            lexicon = lexicon.lexicon
        return [str(c) for c in as_lexicon(lexicon).category_ids]
    if matches is not None:
        if not hasattr(matches, "columns"):
            from frameshift.errors import check_table_argument
            check_table_argument(matches, "matches", "the counting", "find_matches(...)")
        cats = matches.attrs.get("categories") if hasattr(matches, "attrs") else None
        if cats is not None:
            return [str(c) for c in cats]
        return sorted({str(c) for c in matches["category"]})
    raise OptionError("a lexicon (lexicon=) or a table of match rows (matches=) is needed.")


def rates(count, tokens, total):
    """The two rates of a count table, by one rule everywhere.

    ``per_1000`` is ``count / tokens * 1000`` and ``share`` is ``count / total`` (the unit's
    matches of all categories). A rate whose denominator is 0 is undefined and is NaN: a unit
    without tokens has no ``per_1000``, a unit without matches has no ``share``.

    Examples
    --------
    >>> per, share = rates([2, 0, 0], [400, 10, 0], [2, 0, 0])
    >>> per.tolist(), share.tolist()
    ([5.0, 0.0, nan], [1.0, nan, nan])
    """
    from frameshift.errors import numbers_argument
    cnt = numbers_argument(count, "count", "rates")
    tok = numbers_argument(tokens, "tokens", "rates")
    tot = numbers_argument(total, "total", "rates")
    with np.errstate(divide="ignore", invalid="ignore"):
        per = np.where(tok > 0, cnt / np.where(tok > 0, tok, 1.0) * 1000.0, np.nan)
        share = np.where(tot > 0, cnt / np.where(tot > 0, tot, 1.0), np.nan)
    return per, share


# --------------------------------------------------------------------------- compiling
def _glob_regex(glob: str, flags: int):
    # Linear-time glob matching (``re`` would backtrack polynomially on ``*a*a*a*b``).
    from frameshift.lexicon.model import GlobMatcher

    return GlobMatcher(glob, flags)


class _Vocabulary:
    """Lookup structures over one vocabulary (types, or surfaces when case matters)."""

    def __init__(self, forms: list[str], case_sensitive: bool):
        self.forms = forms
        self.case_sensitive = case_sensitive
        self.size = len(forms)
        self._index: dict = {}

    def _exact(self, dehyphen: bool):
        got = self._index.get(dehyphen)
        if got is None:
            keys = [f.replace("-", "") for f in self.forms] if dehyphen else self.forms
            exact: dict[str, list[int]] = {}
            for i, k in enumerate(keys):
                exact.setdefault(k, []).append(i)
            got = self._index[dehyphen] = (keys, exact)
        return got

    def _keyed(self, dehyphen: bool):
        # the sorted keys, for globs (built on the first glob only)
        got = self._index.get(("sorted", dehyphen))
        if got is None:
            keys, exact = self._exact(dehyphen)
            order = sorted(range(len(keys)), key=keys.__getitem__)
            sorted_keys = [keys[i] for i in order]
            order = np.asarray(order, dtype=np.int64)
            got = self._index[("sorted", dehyphen)] = (keys, exact, order, sorted_keys)
        return got

    def resolve(self, piece: str, *, dehyphen: bool, regex: bool = False) -> np.ndarray:
        """Vocabulary ids matching one pattern element (already case-folded if needed)."""
        if regex:
            flags = 0 if self.case_sensitive else re.IGNORECASE
            rx = re.compile(piece, flags)
            return np.fromiter((i for i, f in enumerate(self.forms) if rx.fullmatch(f)),
                               dtype=np.int64)
        if dehyphen:
            piece = piece.replace("-", "")
        if "*" not in piece and "?" not in piece:
            return np.asarray(self._exact(dehyphen)[1].get(piece, ()), dtype=np.int64)
        keys, exact, order, sorted_keys = self._keyed(dehyphen)
        star, qmark = piece.find("*"), piece.find("?")
        cut = star if qmark < 0 or 0 <= star < qmark else qmark  # the first wildcard
        prefix = piece[:cut]
        if cut == len(piece) - 1 and star == cut:
            # ``prefix*``: exactly the keys starting with the prefix, a range of the sorted keys
            lo = bisect_left(sorted_keys, prefix)
            hi = bisect_left(sorted_keys, prefix + "\U0010ffff", lo)
            while hi < len(sorted_keys) and sorted_keys[hi].startswith(prefix):
                hi += 1
            got = order[lo:hi]
            return np.sort(got) if hi - lo > 1 else got.copy()
        rx = _glob_regex(piece, 0)
        lo = bisect_left(sorted_keys, prefix)
        out = []
        for pos in range(lo, len(sorted_keys)):
            k = sorted_keys[pos]
            if not k.startswith(prefix):
                break
            if rx.fullmatch(k):
                out.append(int(order[pos]))
        return np.asarray(sorted(out), dtype=np.int64)


@dataclass
class _Alt:
    """One way a pattern can match: a sequence of id sets and gaps."""

    category: int
    pattern: int  # index into CompiledLexicon.patterns
    elements: list  # np.ndarray of ids, or (lo, hi) gap

    @property
    def has_gap(self) -> bool:
        return any(isinstance(e, tuple) for e in self.elements)


class _CSR:
    """A read-only compressed-sparse-row matrix (the part of ``scipy.sparse.csr_matrix`` the
    engine uses), so that counting does not import scipy."""

    def __init__(self, data, rows, cols, shape):
        V, K = shape
        self.shape = (int(V), int(K))
        self.data = np.asarray(data, dtype=np.int32)
        self.indices = np.asarray(cols, dtype=np.int32)
        self.indptr = np.zeros(V + 1, dtype=np.int32)
        if len(rows):
            np.cumsum(np.bincount(np.asarray(rows, np.int64), minlength=V), out=self.indptr[1:])

    @property
    def nnz(self) -> int:
        return len(self.data)

    def toarray(self) -> np.ndarray:
        out = np.zeros(self.shape, dtype=np.int32)
        rows = np.repeat(np.arange(self.shape[0]), np.diff(self.indptr))
        out[rows, self.indices] = self.data
        return out


class CompiledLexicon:
    """A lexicon resolved against one vocabulary (built by :func:`compile_lexicon`).

    Attributes
    ----------
    lexicon : Lexicon
    vocabulary : list of str
        The vocabulary compiled against (``Tokens.types``, or ``Tokens.surfaces`` when
        case-sensitive).
    patterns : list of (category index, Pattern)
        Every pattern, in lexicon order; match rows refer to them.
    single : compressed-sparse-row matrix
        (``indptr``, ``indices``, ``data``, ``shape``, ``toarray()``) vocabulary x category; entry ``j + 1`` where single-token pattern ``j`` (the first in
        lexicon order) matches the type, 0 elsewhere.
    phrases, exclusions : list
        Multi-token alternatives of the patterns and of the exclusions.
    """

    def __init__(self, lexicon: Lexicon, vocabulary: list[str], *,
                 case_sensitive: bool = False, negators=DEFAULT_NEGATORS, forms=None):
        from frameshift.errors import bad_argument
        if not hasattr(lexicon, "categories"):
            raise bad_argument("CompiledLexicon", "lexicon", lexicon, "a Lexicon",
                               "Read one with read_lexicon(...).")
        if vocabulary is None or isinstance(vocabulary, (str, bytes, dict)) or not hasattr(
                vocabulary, "__len__"):
            raise bad_argument("CompiledLexicon", "vocabulary", vocabulary, "a list of str",
                               "Give the vocabulary of a Tokens table (tokens.types).")
        self.lexicon = lexicon
        # lemma matching: a pattern word stands for every key ``forms(word)`` returns
        self._forms = forms
        self.vocabulary = vocabulary
        self.case_sensitive = case_sensitive
        self._vocab = _Vocabulary(vocabulary, case_sensitive)
        self._cache: dict = {}
        K = len(lexicon.categories)
        V = len(vocabulary)
        self.patterns: list[tuple[int, Pattern]] = []
        self.phrases: list[_Alt] = []
        self.exclusions: list[_Alt] = []
        rows, cols, pats, lens = [], [], [], []
        ex_rows, ex_cols = [], []
        for k, cat in enumerate(lexicon.categories):
            for p in cat.patterns:
                j = len(self.patterns)
                self.patterns.append((k, p))
                for alt in self._alternatives(p, k, j):
                    if len(alt.elements) == 1:
                        ids = alt.elements[0]
                        rows.append(ids)
                        cols.append(k)
                        pats.append(j + 1)
                        lens.append(len(ids))
                    else:
                        self.phrases.append(alt)
            for p in cat.exclude:
                for alt in self._alternatives(p, k, -1):
                    if len(alt.elements) == 1:
                        ex_rows.append(alt.elements[0])
                        ex_cols.append(np.full(len(alt.elements[0]), k))
                    else:
                        self.exclusions.append(alt)
        r = np.concatenate(rows) if rows else np.zeros(0, np.int64)
        c = np.repeat(np.asarray(cols, np.int64), lens) if cols else np.zeros(0, np.int64)
        j = np.repeat(np.asarray(pats, np.int64), lens) if pats else np.zeros(0, np.int64)
        code = r * K + c
        if ex_rows:
            ex = np.concatenate(ex_rows) * K + np.concatenate(ex_cols)
            keep = ~np.isin(code, ex)
            code, j = code[keep], j[keep]
        # first pattern (lexicon order) for every (type, category)
        order = np.lexsort((j, code))
        code, j = code[order], j[order]
        first = np.ones(len(code), bool)
        first[1:] = code[1:] != code[:-1]
        code, j = code[first], j[first]
        # ``code`` is sorted and unique: rows ascending, columns ascending within a row
        self.single = _CSR(j.astype(np.int32), code // K if K else code, code % K if K else code,
                           (V, K))
        folded = vocabulary if not case_sensitive else [fold_case(v) for v in vocabulary]
        self.negator = np.fromiter(
            ((f in negators or f.endswith("n't")) for f in folded), dtype=bool, count=V)
        self._masks: dict[int, np.ndarray] = {}

    def __repr__(self) -> str:
        return (f"<CompiledLexicon {self.lexicon.name!r} on {len(self.vocabulary):,} types: "
                f"{self.single.nnz:,} type-category pairs, {len(self.phrases)} phrase forms>")

    # -- resolution
    def _ids(self, piece: str, *, dehyphen: bool, regex: bool = False) -> np.ndarray:
        key = (piece, dehyphen, regex)
        got = self._cache.get(key)
        if got is None:
            if not regex and not self.case_sensitive:
                piece = fold_case(piece)
            if self._forms is not None and not regex and "*" not in piece and "?" not in piece:
                got = np.unique(np.concatenate([
                    self._vocab.resolve(f, dehyphen=dehyphen) for f in self._forms(piece)]))
            else:
                got = self._vocab.resolve(piece, dehyphen=dehyphen, regex=regex)
            self._cache[key] = got
        return got

    def _alternatives(self, p: Pattern, k: int, j: int) -> list[_Alt]:
        if p.kind == "regex":
            return [_Alt(k, j, [self._ids(p.words[0], dehyphen=False, regex=True)])]
        variants = self.lexicon.hyphen_variants and not p.exact
        if p.kind != "phrase" and len(p.words) == 1 and "-" not in p.words[0]:
            # one word or glob without a hyphen (most patterns): one alternative
            ids = self._ids(p.words[0], dehyphen=variants)
            return [_Alt(k, j, [ids])] if len(ids) else []
        seqs: list[list] = [[]]
        for w in p.words:
            if isinstance(w, tuple):
                seqs = [s + [w] for s in seqs]
                continue
            parts = w.split("-")
            if not variants or len(parts) == 1 or len(parts) - 1 > _MAX_HYPHEN_SPLITS:
                opts = [[w]]
                if variants and len(parts) > 1:
                    opts.append([x for x in parts if x])
            else:
                opts = []
                for cuts in product((False, True), repeat=len(parts) - 1):
                    words, cur = [], parts[0]
                    for cut, nxt in zip(cuts, parts[1:]):
                        if cut:
                            words.append(cur)
                            cur = nxt
                        else:
                            cur = cur + "-" + nxt
                    words.append(cur)
                    opts.append([x for x in words if x])
            seqs = [s + o for s in seqs for o in opts]
        alts = []
        seen = set()
        for s in seqs:
            key = tuple(s)
            if key in seen:
                continue
            seen.add(key)
            alts.append(_Alt(k, j, [e if isinstance(e, tuple) else
                                    self._ids(e, dehyphen=variants) for e in s]))
        if p.kind == "phrase" and not any(isinstance(w, tuple) for w in p.words):
            # quanteda: a multi-word value also matches the words joined by "_" in one token
            alts.append(_Alt(k, j, [self._ids("_".join(p.words), dehyphen=variants)]))
        return [a for a in alts if all(isinstance(e, tuple) or len(e) for e in a.elements)]

    def _mask(self, ids: np.ndarray) -> np.ndarray:
        key = id(ids)
        m = self._masks.get(key)
        if m is None:
            m = np.zeros(len(self.vocabulary), bool)
            m[ids] = True
            self._masks[key] = m
        return m


def compile_lexicon(lexicon, tokens: Tokens, *, case_sensitive: bool = False,
                    negators=DEFAULT_NEGATORS) -> CompiledLexicon:
    """Resolve every pattern of a lexicon against the vocabulary of ``tokens``, once.

    Examples
    --------
    >>> from frameshift.text import tokenize
    >>> toks = tokenize(["Coercion, coercive re-integration."])
    >>> comp = compile_lexicon({"c": ["coerc*"], "r": ["reintegration"]}, toks)
    >>> comp.single.toarray().tolist()   # pattern number + 1 per (type, category)
    [[1, 0], [1, 0], [0, 2]]
    """
    lex = as_lexicon(lexicon)
    vocab = tokens.surfaces if case_sensitive else tokens.types
    return CompiledLexicon(lex, vocab, case_sensitive=case_sensitive, negators=negators)


# --------------------------------------------------------------------------- engine
@dataclass
class _Hits:
    """Accepted matches as parallel arrays, sorted by (start, category)."""

    start: np.ndarray
    end: np.ndarray
    category: np.ndarray
    pattern: np.ndarray
    negated: np.ndarray
    doc: np.ndarray


class _TypeIds:
    """The vocabulary id of every token, looked up on access instead of stored.

    ``tid[idx]`` is ``surface_to_type[ids[idx]]`` (or ``ids[idx]`` when matching is
    case-sensitive and the vocabulary is the surfaces); ``tid.lookup(table)`` is
    ``table[tid]`` for a table over the vocabulary, without a token-sized array of ids.
    """

    def __init__(self, ids: np.ndarray, surface_to_type: np.ndarray | None):
        self.ids = ids
        self.s2t = surface_to_type

    def __len__(self) -> int:
        return len(self.ids)

    def __getitem__(self, idx):
        got = self.ids[idx]
        return got if self.s2t is None else self.s2t[got]

    def lookup(self, table: np.ndarray) -> np.ndarray:
        return table[self.ids] if self.s2t is None else table[self.s2t][self.ids]

    def counts(self, V: int) -> np.ndarray:
        """Occurrences of every vocabulary id."""
        # in blocks: np.bincount makes an int64 copy of what it counts (8 bytes a token)
        S = len(self.s2t) if self.s2t is not None else V
        step = 1 << 18
        f = np.zeros(S, np.int64)
        for i in range(0, len(self.ids), step):
            f += np.bincount(self.ids[i:i + step], minlength=S)
        if self.s2t is None:
            return f
        return np.bincount(self.s2t, weights=f, minlength=V).astype(np.int64)


def _breaks(tokens: Tokens, cross_sentences: bool) -> np.ndarray:
    """True at every token that opens a text (or a sentence, unless crossing is allowed)."""
    n = len(tokens.ids)
    chg = np.zeros(n, bool)
    if n:
        chg[0] = True
        if not cross_sentences:
            np.not_equal(tokens.sentence[1:], tokens.sentence[:-1], out=chg[1:])
        first = tokens.doc_index[:-1]
        chg[first[first < n]] = True
    return chg


def _adjacent(tokens: Tokens, texts) -> np.ndarray:
    """``Tokens.adjacent``; computed from the texts for tokens built without it."""
    if tokens.adjacent is not None:
        return tokens.adjacent
    out = np.zeros(len(tokens.ids), bool)
    sent = tokens.sentence
    for d in range(tokens.n_docs):
        a0, a1 = int(tokens.doc_index[d]), int(tokens.doc_index[d + 1])
        if a1 - a0 < 2:
            continue
        starts, ends = tokens.offsets(d)
        text = texts[d]
        for i in range(a1 - a0 - 1):
            gap = text[ends[i]:starts[i + 1]]
            out[a0 + i] = (not gap or gap.isspace() or (
                gap[0] == "." and (len(gap) == 1 or gap[1:].isspace())
                and sent[a0 + i] == sent[a0 + i + 1]))
    return out


def _unique(x: np.ndarray) -> np.ndarray:
    """``np.unique`` of a 1-d array of numbers, without it: numpy 2's ``np.unique`` imports
    ``numpy.ma`` on its first call (~13 ms at the start of every command; issue 20)."""
    x = np.sort(x)
    if len(x) > 1:
        keep = np.empty(len(x), bool)
        keep[0] = True
        np.not_equal(x[1:], x[:-1], out=keep[1:])
        x = x[keep]
    return x


def _member(values: np.ndarray, ids: np.ndarray) -> np.ndarray:
    if len(ids) == 1:
        return values == ids[0]
    return np.isin(values, ids)


def _find_all(alts, tid: np.ndarray, seg: np.ndarray, V: int) -> list:
    """(starts, ends) of every occurrence of each multi-token alternative.

    ``seg`` numbers runs of tokens that a match may span (same text, same sentence unless
    crossing is allowed, consecutive words adjacent): a match is valid when its first and
    last token share a run. Each alternative is looked up only at the positions of its
    rarest word (an index of those positions is built once), then verified word by word,
    outwards from that word, with every gap length at once.
    """
    n = len(tid)
    if not alts or not n:
        return [(np.zeros(0, np.int64), np.zeros(0, np.int64)) for _ in alts]
    freq = tid.counts(V)
    # occurrences of every word of every alternative (the sums of its types' frequencies),
    # for all words at once
    words = [e for alt in alts for e in alt.elements if not isinstance(e, tuple)]
    sizes = np.fromiter(map(len, words), np.int64, count=len(words))
    wfreq = np.zeros(len(words), np.int64)
    if sizes.any():
        ends = np.cumsum(sizes)
        cum = np.zeros(int(ends[-1]) + 1, np.int64)
        np.cumsum(freq[np.concatenate(words)], out=cum[1:])
        wfreq = cum[ends] - cum[ends - sizes]
    wfreq = wfreq.tolist()
    plans = []
    w = 0
    for alt in alts:
        segs, gaps, cur = [], [], []
        best = None
        for e in alt.elements:
            if isinstance(e, tuple):
                segs.append(cur)
                gaps.append(e)
                cur = []
            else:
                f = wfreq[w]
                w += 1
                if best is None or f < best[0]:
                    best = (f, len(segs), len(cur))
                cur.append(e)
        segs.append(cur)
        _, si, oi = best
        plans.append((segs, gaps, si, oi))
    if _cphrases is not None and all(len(sg) for segs, _, _, _ in plans for sg in segs):
        return _find_all_c(plans, tid, seg, V)
    # The index of anchor positions is built for groups of alternatives whose anchors occur
    # at most ``budget`` times in all (int32 positions), so that its memory stays a fraction
    # of the tokens' however many phrases there are.
    budget = max(1 << 16, n // 8)
    out: list = [None] * len(alts)
    anchor = np.zeros(V, bool)
    group: list[int] = []
    total = 0
    for g, (segs, gaps, si, oi) in enumerate(plans):
        ids = segs[si][oi]
        new = ids[~anchor[ids]]
        total += int(freq[new].sum())
        anchor[new] = True
        group.append(g)
        if total >= budget or g == len(plans) - 1:
            _find_group(plans, group, anchor, out, tid, seg, V, n)
            anchor[:] = False
            group, total = [], 0
    return out


def _find_all_c(plans, tid, seg, V: int) -> list:
    """:func:`_find_all` by the C search (``_phrases.c``): one pass over the tokens, each
    token of an anchor type checking the alternatives anchored on it (no index of positions)."""
    seg_off, seg_words, seg_len, gap_lo, gap_hi = [0], [], [], [], []
    word_off, sets, anchor_seg, anchor_pos = [0], [], [], []
    nw = nset = 0
    for segs, gaps, si, oi in plans:
        for k, sg in enumerate(segs):
            seg_words.append(nw)
            seg_len.append(len(sg))
            lo, hi = gaps[k - 1] if k else (0, 0)
            gap_lo.append(lo)
            gap_hi.append(hi)
            for ids in sg:
                u = ids if len(ids) < 2 else _unique(ids)  # sorted, for a binary search
                sets.append(u)
                nset += len(u)
                word_off.append(nset)
                nw += 1
        seg_off.append(len(seg_len))
        anchor_seg.append(si)
        anchor_pos.append(oi)

    def i64(x):
        return np.asarray(x, np.int64)

    set_ids = np.concatenate(sets).astype(np.int32) if sets else np.zeros(0, np.int32)
    ids = np.ascontiguousarray(tid.ids, dtype=np.int32)
    s2t = None if tid.s2t is None else np.ascontiguousarray(tid.s2t, dtype=np.int32)
    seg = np.ascontiguousarray(seg)
    size = 1 if seg.dtype == np.uint8 else 4
    if size == 4:
        seg = seg.astype(np.int32, copy=False)
    a, lo, hi = _cphrases.find(ids, s2t, seg, size, V, i64(seg_off), i64(seg_words),
                               i64(seg_len), i64(gap_lo), i64(gap_hi), i64(word_off), set_ids,
                               i64(anchor_seg), i64(anchor_pos))
    cut = np.frombuffer(a, np.int64)
    lo, hi = np.frombuffer(lo, np.int64), np.frombuffer(hi, np.int64)  # read-only views
    out = []
    n = len(ids)
    for g, (segs, gaps, si, oi) in enumerate(plans):
        x, y = lo[cut[g]:cut[g + 1]], hi[cut[g]:cut[g + 1]]
        if len(x) and len(gaps) > 1:  # the same span may be reached twice
            key = _unique(x * (n + 1) + y)
            x, y = key // (n + 1), key % (n + 1)
        out.append((x, y))
    return out


def _find_group(plans, group, anchor, out, tid, seg, V: int, n: int) -> None:
    """:func:`_find_all` for the plans ``group`` whose anchor types are ``anchor``."""
    pos = np.flatnonzero(tid.lookup(anchor))
    if n < (1 << 31) - (1 << 16):
        pos = pos.astype(np.int32)
    tpos = tid[pos]
    # stable sort by type (a radix sort when type ids fit in 16 bits)
    order = np.argsort(tpos.astype(np.uint16) if V <= 1 << 16 else tpos, kind="stable")
    pos = pos[order]
    bounds = np.zeros(V + 1, np.int64)  # positions of type t: pos[bounds[t]:bounds[t + 1]]
    np.cumsum(np.bincount(tpos, minlength=V), out=bounds[1:])
    del order, tpos

    def verify(x, sg, skip=-1):
        """Keep the positions x at which segment ``sg`` (a run of words) starts."""
        x = x[(x >= 0) & (x + len(sg) <= n)]
        for i, ids in enumerate(sg):
            if i != skip and len(x):
                x = x[_member(tid[x + i], ids)]
        return x

    # phrases without a gap (most of them) are verified all at once, word by word
    rest = [gi for gi in group if plans[gi][1]]
    _find_plain([gi for gi in group if not plans[gi][1]], plans, pos, bounds, out, tid, seg, V,
                n)
    for gi in rest:
        segs, gaps, si, oi = plans[gi]
        ids = segs[si][oi]
        if len(ids) == 1:
            p = pos[bounds[ids[0]]:bounds[ids[0] + 1]] - oi
        else:
            p = np.sort(np.concatenate([pos[bounds[t]:bounds[t + 1]] for t in ids.tolist()]))
            p -= oi
        lo = verify(p, segs[si], oi)
        if len(lo):
            lo = lo[seg[lo + len(segs[si]) - 1] == seg[lo]]
        hi = lo + len(segs[si])
        ref = lo
        for i in range(si + 1, len(segs)):  # outwards to the right
            if not len(lo):
                break
            g = np.arange(gaps[i - 1][0], gaps[i - 1][1] + 1)
            x = (hi[:, None] + g[None, :]).ravel()
            lo, ref = np.repeat(lo, len(g)), np.repeat(ref, len(g))
            ok = x + len(segs[i]) <= n
            x, lo, ref = x[ok], lo[ok], ref[ok]
            for j, e in enumerate(segs[i]):
                ok = _member(tid[x + j], e)
                x, lo, ref = x[ok], lo[ok], ref[ok]
            hi = x + len(segs[i])
            ok = seg[hi - 1] == seg[ref]
            lo, hi, ref = lo[ok], hi[ok], ref[ok]
        for i in range(si - 1, -1, -1):  # and to the left
            if not len(lo):
                break
            g = np.arange(gaps[i][0], gaps[i][1] + 1)
            x = (lo[:, None] - g[None, :]).ravel() - len(segs[i])
            hi, ref = np.repeat(hi, len(g)), np.repeat(ref, len(g))
            ok = x >= 0
            x, hi, ref = x[ok], hi[ok], ref[ok]
            for j, e in enumerate(segs[i]):
                ok = _member(tid[x + j], e)
                x, hi, ref = x[ok], hi[ok], ref[ok]
            ok = seg[x] == seg[ref]
            lo, hi, ref = x[ok], hi[ok], ref[ok]
        lo, hi = lo.astype(np.int64), hi.astype(np.int64)
        if len(lo) and len(gaps) > 1:  # the same span may be reached twice
            key = _unique(lo * (n + 1) + hi)
            lo, hi = key // (n + 1), key % (n + 1)
        out[gi] = (lo, hi)


def _find_plain(group, plans, pos, bounds, out, tid, seg, V: int, n: int) -> None:
    """:func:`_find_group` for alternatives without a gap, all at once: the candidate starts
    of every alternative (its anchor's positions) in one array, tagged with the alternative,
    then each word checked for all candidates together -- by equality where the word is one
    type, by a sorted (alternative, word, type) key otherwise."""
    if not group:
        return
    P = len(group)
    elems = [plans[gi][0][0] for gi in group]
    L = np.fromiter((len(e) for e in elems), np.int64, count=P)
    oi = np.fromiter((plans[gi][3] for gi in group), np.int64, count=P)
    W = int(L.max())
    # one id per (alternative, word), -1 past the end, -2 where the word has several ids
    eq = np.full((P, W), -1, np.int64)
    multi_keys = []
    r_start, r_len, r_alt = [], [], []
    for g, el in enumerate(elems):
        for i, ids in enumerate(el):
            if len(ids) == 1:
                eq[g, i] = ids[0]
            else:
                eq[g, i] = -2
                if i != oi[g]:
                    multi_keys.append((g * W + i) * V + ids.astype(np.int64))
        for t in el[oi[g]].tolist():
            r_start.append(bounds[t])
            r_len.append(bounds[t + 1] - bounds[t])
            r_alt.append(g)
    r_len = np.asarray(r_len, np.int64)
    total = int(r_len.sum())
    if not total:
        for gi in group:
            out[gi] = (np.zeros(0, np.int64), np.zeros(0, np.int64))
        return
    # positions pos[r_start[r] : r_start[r] + r_len[r]] for every range r, tagged r_alt[r]
    csum = np.cumsum(r_len)
    idx = np.arange(total, dtype=np.int64) + np.repeat(np.asarray(r_start, np.int64)
                                                        - (csum - r_len), r_len)
    g = np.repeat(np.asarray(r_alt, np.int64), r_len)
    lo = pos[idx].astype(np.int64) - oi[g]
    del idx
    ok = (lo >= 0) & (lo + L[g] <= n)
    lo, g = lo[ok], g[ok]
    # one-type words first (one gather and a comparison each), then the words of several
    # types (globs, hyphen variants) on the few candidates left
    for i in range(W):
        if not len(lo):
            break
        want = eq[g, i]
        check = (want >= 0) & (oi[g] != i)
        if not check.any():
            continue
        sel = np.flatnonzero(check)
        bad = tid[lo[sel] + i] != want[sel]
        if bad.any():
            keep = np.ones(len(lo), bool)
            keep[sel[bad]] = False
            lo, g = lo[keep], g[keep]
    if multi_keys and len(lo):
        keys = _unique(np.concatenate(multi_keys))
        for i in range(W):
            if not len(lo):
                break
            check = (eq[g, i] == -2) & (oi[g] != i)
            if not check.any():
                continue
            sel = np.flatnonzero(check)
            q = (g[sel] * W + i) * V + tid[lo[sel] + i]
            at = np.minimum(np.searchsorted(keys, q), len(keys) - 1)
            bad = keys[at] != q
            if bad.any():
                keep = np.ones(len(lo), bool)
                keep[sel[bad]] = False
                lo, g = lo[keep], g[keep]
    if len(lo):
        ok = seg[lo + L[g] - 1] == seg[lo]
        lo, g = lo[ok], g[ok]
    # g never decreases (the ranges were laid out alternative by alternative)
    cut = np.searchsorted(g, np.arange(P + 1))
    for r, gi in enumerate(group):
        a = lo[cut[r]:cut[r + 1]]
        out[gi] = (a, a + L[r])


def _inside(cat, a, b, spans: dict) -> np.ndarray:
    """Whether [a, b) lies inside one of the spans of its category (``spans[k]``)."""
    out = np.zeros(len(a), bool)
    for k, (ea, eb) in spans.items():
        sel = np.flatnonzero(cat == k)
        if not len(sel):
            continue
        order = np.argsort(ea, kind="stable")
        ea, reach = ea[order], np.maximum.accumulate(eb[order])
        i = np.searchsorted(ea, a[sel], "right") - 1
        ok = i >= 0
        out[sel[ok]] = reach[i[ok]] >= b[sel[ok]]
    return out


def _accept(a, b, k, j, dictionary: bool) -> np.ndarray:
    """Accepted candidates (mask): longest first, then left to right, a token once per
    category (and, for ``dictionary``, no match wholly inside longer accepted ones).

    Candidates that overlap no other candidate are accepted outright; only the overlapping
    clusters go through the sequential rule (clusters are independent of each other).
    """
    m = len(a)
    acc = np.zeros(m, bool)
    if not m:
        return acc
    # clusters of overlapping candidates, in (start, end) order; without ``dictionary`` the
    # categories do not interact: overlap is looked for within a category only, as if every
    # category's positions were shifted by ``k * S`` (the keys are built in int64)
    order = np.lexsort((b, a)) if dictionary else np.lexsort((b, a, k))
    runmax = b[order].astype(np.int64)
    lead = a[order].astype(np.int64)
    if not dictionary:
        S = int(b.max()) + 1
        shift = k[order].astype(np.int64)
        shift *= S
        runmax += shift
        lead += shift
        del shift
    np.maximum.accumulate(runmax, out=runmax)
    new = np.ones(m, bool)
    np.greater_equal(lead[1:], runmax[:-1], out=new[1:])
    del runmax, lead
    comp = np.empty(m, np.int64)
    comp[order] = np.cumsum(new) - 1
    del order, new
    size = np.bincount(comp)
    lone = size[comp] == 1
    del comp, size
    acc[lone] = True
    rest = np.flatnonzero(~lone)
    if not len(rest):
        return acc
    rest = rest[np.lexsort((j[rest], k[rest], a[rest], -(b[rest] - a[rest])))]
    if getattr(_cphrases, "accept", None) is not None:  # the same loop in C (_phrases.c)
        ra, rb, rk = (np.ascontiguousarray(x[rest], dtype=np.int64) for x in (a, b, k))
        if len(ra) and (rb > ra).all() and ra.min() >= 0 and rk.min() >= 0:
            ok = np.frombuffer(_cphrases.accept(ra, rb, rk, dictionary), np.uint8)
            acc[rest[ok.astype(bool)]] = True
            return acc
    ra, rb, rk = a[rest].tolist(), b[rest].tolist(), k[rest].tolist()
    covered: dict[int, set] = {}
    glob: set = set()
    i = 0
    while i < len(rest):
        x, y = ra[i], rb[i]
        jend = i
        while jend < len(rest) and ra[jend] == x and rb[jend] == y:
            jend += 1
        span = range(x, y)
        if dictionary and all(t in glob for t in span):
            i = jend
            continue
        matched = False
        for r in range(i, jend):
            cov = covered.setdefault(rk[r], set())
            if any(t in cov for t in span):
                continue
            cov.update(span)
            acc[rest[r]] = True
            matched = True
        if matched:
            glob.update(span)
        i = jend
    return acc


def _single_hits(comp, tid, positions=None):
    """(positions, categories, patterns) of the single-token matches (CSR gather): positions
    ascending (int64), categories ascending within a position (int32), pattern indices (int32).

    Gathered in blocks of tokens into arrays sized once, so the temporaries stay block-sized
    (the corpus-sized arrays are the three results alone)."""
    single = comp.single
    indptr = single.indptr.astype(np.int64)
    nnz_t = np.diff(indptr).astype(np.int32)
    if positions is None:
        total = int(np.dot(tid.counts(len(nnz_t)).astype(np.int64), nnz_t)) if len(tid) else 0
        n = len(tid)
    else:
        positions = np.asarray(positions, dtype=np.int64)
        total = int(nnz_t[tid[positions]].sum(dtype=np.int64)) if len(positions) else 0
        n = len(positions)
    pos = np.empty(total, np.int64)
    cat = np.empty(total, np.int32)
    pat = np.empty(total, np.int32)
    block = 1 << 18
    w = 0
    for c0 in range(0, n if total else 0, block):
        where = (np.arange(c0, min(n, c0 + block), dtype=np.int64) if positions is None
                 else positions[c0:c0 + block])
        cnt = nnz_t[tid[where]]
        hit = np.flatnonzero(cnt)
        where, cnt = where[hit], cnt[hit]
        m = int(cnt.sum(dtype=np.int64))
        first = indptr[tid[where]]
        if m == len(hit):  # one category per token (the usual case)
            pos[w:w + m] = where
            idx = first
        else:
            pos[w:w + m] = np.repeat(where, cnt)
            within = np.arange(m) - np.repeat(np.cumsum(cnt) - cnt, cnt)
            idx = np.repeat(first, cnt) + within
        cat[w:w + m] = single.indices[idx]
        np.subtract(single.data[idx], 1, out=pat[w:w + m])
        w += m
    return pos, cat, pat


@dataclass
class _Phase:
    """What the engine found before the single-word tables are built."""

    tid: np.ndarray
    negpos: np.ndarray  # per token: a negator among the preceding words of its sentence
    a: np.ndarray  # accepted phrase matches
    b: np.ndarray
    k: np.ndarray
    j: np.ndarray
    excl: dict  # category -> (starts, ends) of exclusion occurrences
    dictionary: bool
    spans: tuple | None = None  # the accepted phrases as search keys (keep_single)

    def keep_single(self, pos, cat) -> np.ndarray:
        """Which single-word hits (positions ``pos``, categories ``cat``) count: not inside an
        exclusion of their category, nor inside an accepted phrase of their category (of any
        category, for the ``dictionary`` scope).

        The phrases are not expanded to their positions: the spans are sorted by (category,
        start) with the running maximum of their ends, and each hit is looked up by binary
        search, in blocks (temporaries phrase- and block-sized, not hit-sized; issue 20)."""
        keep = np.ones(len(pos), bool)
        if self.excl:
            keep &= ~_inside(cat, pos, pos + 1, self.excl)
        if len(self.a) and len(pos):
            # key of a position p of category c: c * S + p (0 <= p < S); with the dictionary
            # scope every category is one
            S = len(self.tid) + 1
            starts, reach = self.phrase_index()
            block = 1 << 18
            for s in range(0, len(pos), block):
                q = pos[s:s + block].astype(np.int64)
                if not self.dictionary:
                    q += cat[s:s + block].astype(np.int64) * S
                keep[s:s + block] &= ~_covered(starts, reach, q)
        return keep

    def phrase_index(self) -> tuple[np.ndarray, np.ndarray]:
        """The accepted phrases as :func:`_span_index` keys (built once)."""
        if self.spans is None:
            self.spans = _span_index(self.a, self.b, None if self.dictionary else self.k,
                                     len(self.tid) + 1)
        return self.spans

    def drop_runs(self) -> tuple[np.ndarray, np.ndarray]:
        """Disjoint runs [start, end), ascending, of the positions inside an accepted phrase
        or an exclusion occurrence (int64)."""
        if self.excl:
            ea = np.concatenate([np.asarray(self.a, np.int64)] + [
                np.asarray(e[0], np.int64) for e in self.excl.values()])
            eb = np.concatenate([np.asarray(self.b, np.int64)] + [
                np.asarray(e[1], np.int64) for e in self.excl.values()])
        else:
            ea, eb = self.a, self.b
        ne = eb > ea
        if not ne.all():
            ea, eb = ea[ne], eb[ne]
        del ne
        if not len(ea):
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        if (ea[1:] < ea[:-1]).any():  # the phrases alone come sorted by start
            order = np.argsort(ea, kind="stable")
            ea, eb = ea[order], eb[order]
            del order
        reach = np.maximum.accumulate(eb, dtype=np.int64)
        del eb
        # a run opens where a span starts past the ends of all the spans before it
        opens = np.ones(len(ea), bool)
        np.greater(ea[1:], reach[:-1], out=opens[1:])
        last = np.append(opens[1:], True)
        return ea[opens].astype(np.int64), reach[last]


def _run_positions(starts, ends, block: int):
    """The positions of the disjoint ascending runs [starts, ends), ``block`` at a time
    (int64; the runs are kept as their cumulative lengths and offsets, int32 where the
    positions fit)."""
    if not len(starts):
        return
    small = int(ends[-1]) < 2 ** 31 - 1
    cum = np.cumsum(ends - starts, dtype=np.int32 if small else np.int64)
    del ends
    # position = rank + (start of its run - ranks before its run)
    off = starts.astype(cum.dtype)
    del starts
    off[1:] -= cum[:-1]
    total = int(cum[-1])
    for r0 in range(0, total, block):
        r = np.arange(r0, min(total, r0 + block), dtype=np.int64)
        r += off[np.searchsorted(cum, r, "right")]
        yield r


def _span_index(a, b, k, S: int):
    """Spans [a, b) as search keys: the starts ``k * S + a`` sorted (``k`` None: 0) and the
    running maximum of the ends ``k * S + b`` (which never reaches into the next category)."""
    if k is None:
        if (a[1:] < a[:-1]).any():
            order = np.argsort(a, kind="stable")
            a, b = a[order], b[order]
            del order
        starts = a.astype(np.int64)
        ends = b.astype(np.int64)
    else:
        order = np.lexsort((a, k))
        starts = k[order].astype(np.int64)
        starts *= S
        ends = starts.copy()
        starts += a[order]
        ends += b[order]
        del order
    np.maximum.accumulate(ends, out=ends)
    return starts, ends


def _covered(starts, reach, q) -> np.ndarray:
    """Whether each key ``q`` lies in a span of :func:`_span_index` (start <= q < end)."""
    i = np.searchsorted(starts, q, "right")
    i -= 1
    out = i >= 0
    np.maximum(i, 0, out=i)
    out &= reach[i] > q
    return out


def _phase(comp: CompiledLexicon, tokens: Tokens, texts, settings: MatchSettings) -> _Phase:
    tid = _TypeIds(tokens.ids, None if settings.case_sensitive else tokens.surface_to_type)
    n = len(tid)
    V = len(comp.vocabulary)
    chg = _breaks(tokens, False)
    # negation, per token: a negator among the preceding ``negation_window`` words of the
    # same sentence
    negpos = np.zeros(n, bool)
    w = int(settings.negation_window)
    if w and n:
        neg_tok = tid.lookup(comp.negator)
        # lemma tokens: words negated inside (Armenian չ-, Azerbaijani -ma/-mə), and in
        # verb-final languages negators that also reach back (text/languages.py, issue 16)
        back = None
        if getattr(tokens, "negative_form", None) is not None:
            neg_tok = neg_tok | tokens.negative_form[tokens.ids]
            back = neg_tok & tokens.negation_follows[tokens.ids]
        same = ~chg  # same[i]: tokens i - d .. i lie in one sentence of one text
        for d in range(1, w + 1):
            if d >= n:
                break
            if d > 1:
                same[d - 1:] &= ~chg[:n - d + 1]
            negpos[d:] |= neg_tok[:n - d] & same[d:]
            if back is not None:
                negpos[:n - d] |= back[d:] & same[d:]
        del neg_tok, same, back
    # runs a multi-word match may span
    brk = chg if not settings.cross_sentences else _breaks(tokens, True)
    del chg
    adj = _adjacent(tokens, texts)
    if n > 1:
        brk[1:] |= ~adj[:-1]
    # Only equality of ``seg`` at two tokens of one candidate is ever tested, and the two are
    # fewer than 256 tokens apart, so the run numbers may wrap around modulo 256 (uint8).
    longest = max((sum(e[1] if isinstance(e, tuple) else 1 for e in alt.elements)
                   for alt in comp.phrases + comp.exclusions), default=0)
    seg = np.cumsum(brk, dtype=np.uint8 if longest < 256 else np.int32)
    del brk
    found = _find_all(comp.phrases, tid, seg, V)
    # the candidates in arrays sized once (positions int32 where the corpus allows it), each
    # alternative's result released once copied (issue 20: the count path's peak memory)
    ptype = np.int64 if n >= 2 ** 31 - 1 else np.int32
    m = sum(len(st) for st, _ in found)
    a, b = np.empty(m, ptype), np.empty(m, ptype)
    k, j = np.empty(m, np.int32), np.empty(m, np.int32)
    w = 0
    st = en = None
    for r, alt in enumerate(comp.phrases):
        st, en = found[r]
        found[r] = None
        a[w:w + len(st)] = st
        b[w:w + len(st)] = en
        k[w:w + len(st)] = alt.category
        j[w:w + len(st)] = alt.pattern
        w += len(st)
    del found, st, en
    excl: dict[int, tuple] = {}
    if comp.exclusions:
        ex_found = _find_all(comp.exclusions, tid, seg, V)
        for alt, (st, en) in zip(comp.exclusions, ex_found):
            if len(st):
                old = excl.get(alt.category)
                excl[alt.category] = (st, en) if old is None else (
                    np.concatenate([old[0], st]), np.concatenate([old[1], en]))
    del seg
    if m:
        # one candidate per (start, end, category): the first pattern in lexicon order
        order = np.lexsort((j, k, b, a))
        a, b, k, j = a[order], b[order], k[order], j[order]
        del order
        first = np.ones(len(a), bool)
        first[1:] = (a[1:] != a[:-1]) | (b[1:] != b[:-1]) | (k[1:] != k[:-1])
        if not first.all():
            a, b, k, j = a[first], b[first], k[first], j[first]
        del first
        if excl:
            keep = ~_inside(k, a, b, excl)
            a, b, k, j = a[keep], b[keep], k[keep], j[keep]
            del keep
        acc = _accept(a, b, k, j, settings.nested_scope == "dictionary")
        a, b, k, j = a[acc], b[acc], k[acc], j[acc]
    else:
        a = b = np.zeros(0, ptype)
        k = j = np.zeros(0, np.int32)
    return _Phase(tid, negpos, a, b, k, j, excl, settings.nested_scope == "dictionary")


def _run(comp: CompiledLexicon, tokens: Tokens, texts, settings: MatchSettings) -> _Hits:
    """Every accepted match of the compiled lexicon in the tokens, one row each.

    Positions, categories, patterns and texts are int32 where the corpus allows it (int64
    beyond 2**31 tokens): a match table of 11 M rows needs them narrow."""
    ph = _phase(comp, tokens, texts, settings)
    n = len(ph.tid)
    s_pos, s_cat, s_pat = _single_hits(comp, ph.tid)
    keep = ph.keep_single(s_pos, s_cat)
    if not keep.all():
        s_pos = s_pos[keep]
        s_cat = s_cat[keep]
        s_pat = s_pat[keep]
    del keep
    # Merge the one-word hits (already in (start, category) order: positions ascending, and
    # categories ascending within a position) with the phrase hits, which are few: no
    # (start, category) is in both, since a phrase's own words are not kept as one-word hits.
    # A phrase goes after the one-word hits at its start with a lower category.
    pa = np.asarray(ph.a, np.int64)
    pk = np.asarray(ph.k, np.int64)
    porder = np.lexsort((pk, pa))
    pa, pk = pa[porder], pk[porder]
    lo = np.searchsorted(s_pos, pa, "left")
    hi = np.searchsorted(s_pos, pa, "right")
    at = lo.copy()
    for o in range(int((hi - lo).max()) if len(pa) else 0):
        inside = lo + o < hi
        at[inside] += s_cat[(lo + o)[inside]] <= pk[inside]
    at += np.arange(len(pa))
    m = len(s_pos) + len(pa)
    single = np.ones(m, bool)
    single[at] = False
    wide = n >= 2 ** 31 - 1
    ptype = np.int64 if wide else np.int32

    def merged(one, many, dtype):
        out = np.empty(m, dtype)
        out[single] = one
        out[at] = many[porder]
        return out

    start = merged(s_pos, ph.a, ptype)
    del s_pos
    end = np.add(start, 1, dtype=ptype)
    end[at] = ph.b[porder]
    cat = merged(s_cat, ph.k, np.int32)
    del s_cat
    pat = merged(s_pat, ph.j, np.int32)
    del s_pat
    single = None  # (the closure above reads it; released before the last two arrays)
    negated = ph.negpos[start]
    # The text of every hit: the starts are sorted, so count the hits before each text's
    # first token (one search per text, not one per hit).
    before = np.searchsorted(start, tokens.doc_index[:-1], "left")
    doc = np.repeat(np.arange(len(before), dtype=ptype), np.diff(np.append(before, m)))
    return _Hits(start, end, cat, pat, negated, doc)


def _single_codes(comp: CompiledLexicon):
    """Per type, a code for its set of categories (0 = none), and code x category 0/1."""
    single = comp.single
    V, K = single.shape
    nnz = np.diff(single.indptr)
    rows = np.flatnonzero(nnz)
    code = np.zeros(V, np.int32)
    if not len(rows):
        return code, np.zeros((1, K), np.int64)
    if K <= 62:
        bits = np.zeros(V, np.int64)
        np.add.at(bits, np.repeat(np.arange(V), nnz),
                  np.left_shift(np.int64(1), single.indices.astype(np.int64)))
        uniq, inv = np.unique(bits[rows], return_inverse=True)
        code[rows] = inv.reshape(-1) + 1
        mu = np.zeros((len(uniq) + 1, K), np.int64)
        mu[1:] = (uniq[:, None] >> np.arange(K)[None, :]) & 1
        return code, mu
    keys: dict = {}
    sets = []
    for t in rows.tolist():
        key = tuple(single.indices[single.indptr[t]:single.indptr[t + 1]].tolist())
        c = keys.get(key)
        if c is None:
            c = keys[key] = len(sets) + 1
            sets.append(key)
        code[t] = c
    mu = np.zeros((len(sets) + 1, K), np.int64)
    for c, key in enumerate(sets, 1):
        mu[c, list(key)] = 1
    return code, mu


def _count_table(comp: CompiledLexicon, tokens: Tokens, texts, settings: MatchSettings):
    """(matches, negated matches) per text x category, without one row per match."""
    ph = _phase(comp, tokens, texts, settings)
    D = tokens.n_docs
    K = comp.single.shape[1]
    counts = np.zeros((D, K), np.int64)
    neg = np.zeros((D, K), np.int64)
    if not K:
        return counts, neg
    code, mu = _single_codes(comp)
    U = len(mu)
    tid, negpos = ph.tid, ph.negpos
    di = tokens.doc_index
    ntok = np.diff(di)
    # the code of every token's type looked up from its surface id in one gather
    code_of = code if tid.s2t is None else code[tid.s2t]
    block = 1 << 18  # tokens a block: its temporaries (~18 bytes a token) stay a few MB
    max_docs = max(1, (1 << 22) // U)
    d0 = 0
    while d0 < D:
        d1 = d0 + 1
        while d1 < D and di[d1 + 1] - di[d0] <= block and d1 - d0 < max_docs:
            d1 += 1
        s, e = int(di[d0]), int(di[d1])
        if e > s:
            key = np.repeat(np.arange(d1 - d0, dtype=np.int64) * U, ntok[d0:d1])
            key += code_of[tid.ids[s:e]]
            nb = (d1 - d0) * U
            counts[d0:d1] += np.bincount(key, minlength=nb).reshape(d1 - d0, U) @ mu
            nk = key[negpos[s:e]]
            if len(nk):
                neg[d0:d1] += np.bincount(nk, minlength=nb).reshape(d1 - d0, U) @ mu
            del key, nk
        d0 = d1
    # single-word matches that do not count: inside an exclusion or an accepted phrase
    # (blocks of positions: the temporaries stay block-sized however much the phrases cover)
    if not ph.excl and not ph.dictionary:
        _drop_in_phrases(ph, code, mu, di, counts, neg)
    elif len(ph.a):
        ph.phrase_index()  # before the runs: the peak memory of the count (issue 20)
    for cand in (() if not ph.excl and not ph.dictionary else
                 _run_positions(*ph.drop_runs(), 1 << 16)):  # (the runs freed inside)
        pos, cat, _ = _single_hits(comp, tid, cand)
        drop = ~ph.keep_single(pos, cat)
        pos, cat = pos[drop], cat[drop]
        doc = np.searchsorted(di, pos, "right") - 1
        np.subtract.at(counts, (doc, cat), 1)
        sel = negpos[pos]
        np.subtract.at(neg, (doc[sel], cat[sel]), 1)
    if len(ph.a):
        doc = np.searchsorted(di, ph.a, "right") - 1
        np.add.at(counts, (doc, ph.k), 1)
        sel = negpos[ph.a]
        np.add.at(neg, (doc[sel], ph.k[sel]), 1)
    return counts, neg


def _drop_in_phrases(ph: _Phase, code, mu, di, counts, neg) -> None:
    """Subtract from ``counts``/``neg`` the single-word matches inside an accepted phrase of
    their category, for the ``key`` scope without exclusions (what the loop over
    :meth:`_Phase.drop_runs` in :func:`_count_table` does in general).

    There, the accepted phrases of one category never overlap (a token is matched once per
    category), so a single-word match of category ``c`` at position ``p`` is inside at most
    one phrase of ``c``: the matches to subtract are, for every phrase and every position of
    its span, whether the type there has the phrase's category (``mu[code[type], c]``) --
    no search and no merged runs. The phrases are expanded in blocks."""
    a, b, k = ph.a, ph.b, ph.k
    K = counts.shape[1]
    step = 1 << 16  # phrases a block (their positions: a few times that)
    for s in range(0, len(a), step):
        pa = a[s:s + step].astype(np.int64)
        ln = b[s:s + step] - a[s:s + step]
        pk = k[s:s + step]
        m = int(ln.sum())
        rep = np.repeat(np.arange(len(pa)), ln)
        pos = np.arange(m, dtype=np.int64)
        pos -= np.repeat(np.cumsum(ln, dtype=np.int64) - ln, ln)
        pos += pa[rep]
        inside = mu[code[ph.tid[pos]], pk[rep]].astype(bool)
        if not inside.any():
            continue
        doc = np.searchsorted(di, pa, "right") - 1
        key = (doc * K + pk)[rep[inside]]
        np.subtract.at(counts.reshape(-1), key, 1)  # (views: counts is C-contiguous)
        np.subtract.at(neg.reshape(-1), key[ph.negpos[pos[inside]]], 1)


# --------------------------------------------------------------------------- public API
def _prepare(corpus, lexicon, settings: MatchSettings, *, table: bool = False):
    from frameshift.corpus.model import corpus_tokens

    tokens = corpus_tokens(corpus, settings.tokenizer)
    if settings.lemmas is not None:
        return _prepare_lemmas(corpus, lexicon, settings, tokens, table=table)
    if isinstance(lexicon, CompiledLexicon):
        vocab = tokens.surfaces if settings.case_sensitive else tokens.types
        if lexicon.vocabulary is vocab and lexicon.case_sensitive == settings.case_sensitive:
            comp = lexicon
        else:
            comp = CompiledLexicon(lexicon.lexicon, vocab, case_sensitive=settings.case_sensitive,
                                   negators=settings.negators)
    else:
        comp = compile_lexicon(lexicon, tokens, case_sensitive=settings.case_sensitive,
                               negators=settings.negators)
    st = corpus.statements
    texts = st["text"].tolist()
    hits = _language_hits(comp, tokens, texts, settings, st, table=table)
    if hits is None:
        hits = (_count_table if table else _run)(comp, tokens, texts, settings)
    return comp, tokens, st, texts, hits


def _language_hits(*args, **kw):
    """Patterns with a language count in statements of that language only (issue 16)."""
    from .by_language import language_hits

    return language_hits(*args, **kw)


def _prepare_lemmas(corpus, lexicon, settings: MatchSettings, tokens, *, table: bool):
    """:func:`_prepare` for lemma matching: tokens and pattern words reduced to keys."""
    from frameshift.text.languages import statement_languages
    from frameshift.text.lemmas import lemma_forms, lemmatize_tokens

    st = corpus.statements
    langs = statement_languages(st, column=settings.language_column)["language"].tolist()
    # negators are found on the forms as written (the lemma of a negated verb is the positive
    # verb: չենք -> եմ), with the per-language negated forms of text/languages.py
    ltoks = lemmatize_tokens(tokens, langs, method=settings.lemmas, negators=settings.negators)
    present = sorted({x for x in langs if x})
    lex = lexicon.lexicon if isinstance(lexicon, CompiledLexicon) else as_lexicon(lexicon)

    def forms(word):
        return lemma_forms(word, present, method=settings.lemmas)

    comp = CompiledLexicon(lex, ltoks.types, negators=frozenset(), forms=forms)
    texts = st["text"].tolist()
    hits = _language_hits(comp, ltoks, texts, settings, st, languages=langs, table=table)
    if hits is None:
        hits = (_count_table if table else _run)(comp, ltoks, texts, settings)
    return comp, ltoks, st, texts, hits


def find_matches(corpus, lexicon, *, settings: MatchSettings | None = None,
                 case_sensitive: bool | None = None, nested_scope: str | None = None,
                 cross_sentences: bool | None = None, negation_window: int | None = None,
                 negators=None, tokenizer: TokenizerSettings | None = None) -> pd.DataFrame:
    """Every match of a lexicon in a corpus, one row per match.

    Parameters
    ----------
    corpus : Corpus
    lexicon : Lexicon, CompiledLexicon, str (bundled name or path) or dict
    settings : MatchSettings, optional
        All matching settings in one value (default: ``MatchSettings()``).
    case_sensitive, nested_scope, cross_sentences, negation_window, negators, tokenizer
        Any one setting, on top of ``settings`` (see :class:`MatchSettings`).

    Returns
    -------
    DataFrame
        ``statement_id``, ``actor``, ``date``, ``category``, ``pattern`` (as written in the
        lexicon: under lemma matching, the dictionary form matched), ``match`` (the matched
        text as written in the statement), ``token_start``,
        ``token_end`` (word indices within the statement, end exclusive), ``char_start``,
        ``char_end`` (offsets in the source document ``source_id``), ``source_id``,
        ``sentence`` (0-based, within the statement), ``negated`` (bool). Sorted by statement
        order, then ``token_start``, then category order of the lexicon. ``attrs`` records
        the ``settings`` and the lexicon's ``categories`` (in order), which the downstream
        functions read when given ``matches=``. The six text columns (``statement_id``,
        ``actor``, ``category``, ``pattern``, ``match``, ``source_id``) are categoricals of
        the strings that occur (sorted); ``token_start``, ``token_end`` and ``sentence`` are
        int32, the character offsets int64 (see ``docs/lexicons.md``, Tables).

    Examples
    --------
    >>> import pandas as pd
    >>> from frameshift.corpus import from_frame
    >>> c = from_frame(pd.DataFrame({"statement_id": ["s1"], "actor": ["nk"],
    ...     "text": ["We reject coercion. No ready made solutions."]}))
    >>> lex = {"coercion": ["coerc*"], "imposition": ["ready-made solutions"]}
    >>> m = find_matches(c, lex)
    >>> m[["category", "match", "token_start", "char_start", "negated"]]
         category                 match  token_start  char_start  negated
    0    coercion              coercion            2          10    False
    1  imposition  ready made solutions            4          23     True
    """
    settings = match_settings(settings, case_sensitive=case_sensitive, nested_scope=nested_scope,
                              cross_sentences=cross_sentences, negation_window=negation_window,
                              negators=negators, tokenizer=tokenizer)
    return _find(corpus, lexicon, settings)


def _find(corpus, lexicon, settings: MatchSettings, visit=None) -> pd.DataFrame:
    """:func:`find_matches` with its settings resolved; ``visit`` as for :func:`_match_frame`."""
    comp, tokens, st, texts, hits = _prepare(corpus, lexicon, settings)
    out = _match_frame(corpus, comp, tokens, st, texts, hits, visit=visit)
    out.attrs["settings"] = settings
    out.attrs["categories"] = [str(c) for c in comp.lexicon.category_ids]
    return out


def _categorical(values, codes: np.ndarray) -> pd.Categorical:
    """``values[codes]`` as a pandas categorical whose categories are the values that occur,
    sorted (as ``astype("category")`` gives them): the distinct values are converted once and
    each row stores a small integer code. ``values`` may repeat; a missing value stays missing."""
    vals = values if isinstance(values, np.ndarray) else np.asarray(values, dtype=object)
    vcodes, uniq = pd.factorize(vals, use_na_sentinel=True)
    seen = np.zeros(len(vcodes), bool)
    seen[codes] = True  # (indexing, unlike bincount, does not widen the codes first)
    used = np.zeros(len(uniq) + 1, bool)  # the last slot stands for "missing" (code -1)
    used[vcodes[seen]] = True
    keep = np.flatnonzero(used[:-1])
    cats = np.asarray(uniq)[keep]
    try:
        order = np.argsort(cats, kind="stable")
    except TypeError:  # values of mixed types: keep the order of first appearance
        order = np.arange(len(keep))
    width = np.int8 if len(keep) < 127 else np.int16 if len(keep) < 32767 else np.int32
    remap = np.full(len(uniq) + 1, -1, width)
    remap[keep[order]] = np.arange(len(keep))
    cats = pd.Index(cats[order]) if len(keep) else pd.Index([], dtype="str")
    return pd.Categorical.from_codes(remap[vcodes][codes], dtype=pd.CategoricalDtype(cats),
                                     validate=False)


#: dtypes of the match table's columns (issue 20: repeated texts as categoricals, token
#: positions within a statement as int32, so that 11 M rows fit in well under 1 GB).
MATCH_DTYPES = {"token_start": np.int32, "token_end": np.int32, "char_start": np.int64,
                "char_end": np.int64, "sentence": np.int32, "negated": bool}
_CATEGORICAL = ("statement_id", "actor", "category", "pattern", "match", "source_id")


def _empty_match_frame(st) -> pd.DataFrame:
    cols = {c: _categorical([], np.zeros(0, np.int64)) for c in _CATEGORICAL}
    cols["date"] = np.array([], "datetime64[ns]")
    cols.update({c: np.zeros(0, t) for c, t in MATCH_DTYPES.items()})
    out = pd.DataFrame(cols, columns=list(MATCH_COLUMNS))
    out["date"] = pd.to_datetime(out["date"])
    return out


def _match_frame(corpus, comp, tokens, st, texts, hits, visit=None) -> pd.DataFrame:
    """The match table of ``hits``, which it consumes: each array of ``hits`` is released
    (set to None) once its columns are built, so the table and the hits are not both held
    whole (11 M rows at inaugural x100 with 9,000 patterns).

    ``visit(d, lo, hi, starts, ends, token_start, token_end)``, if given, is called for each
    text ``d`` with hits, in row order: rows ``lo:hi`` are its hits, ``starts, ends`` its
    token offsets (what KWIC needs, without computing them again)."""
    n = len(hits.start)
    if not n:
        return _empty_match_frame(st)
    doc = hits.doc
    sids = st["statement_id"].to_numpy()
    # Hits are sorted by token position, so each text's hits are one run.
    first = np.flatnonzero(np.concatenate(([True], doc[1:] != doc[:-1])))
    docs = doc[first].tolist()
    bounds = np.append(first, n).tolist()
    del first
    sentence = tokens.sentence[hits.start].astype(np.int32, copy=False)
    # The match text: a one-word match is its token as written (``raw_surfaces``); longer
    # matches are cut from their text (codes R, R + 1, ... in row order).
    raw = tokens.raw_surfaces
    R = len(raw) if raw is not None else 0
    if raw is not None:
        many = np.flatnonzero(np.subtract(hits.end, hits.start) != 1)
        match_code = tokens.ids[hits.start]
    else:
        many = np.arange(n)
        match_code = np.empty(n, np.int64)
    match_code[many] = np.arange(R, R + len(many))
    tok_start = np.empty(n, np.int32)
    tok_end = np.empty(n, np.int32)
    di = tokens.doc_index.tolist()
    for i, d in enumerate(docs):
        lo, hi = bounds[i], bounds[i + 1]
        np.subtract(hits.start[lo:hi], di[d], out=tok_start[lo:hi], casting="unsafe")
        np.subtract(hits.end[lo:hi], di[d], out=tok_end[lo:hi], casting="unsafe")
    hits.start = hits.end = None
    char_start = np.empty(n, np.int64)
    char_end = np.empty(n, np.int64)
    sources = []
    cut: list[str] = []
    mb = np.searchsorted(many, bounds).tolist()
    for i, d in enumerate(docs):
        lo, hi = bounds[i], bounds[i + 1]
        starts, ends = tokens.offsets(d)
        a = starts[tok_start[lo:hi]]
        b = ends[tok_end[lo:hi] - 1]
        if visit is not None:
            visit(d, lo, hi, starts, ends, tok_start[lo:hi], tok_end[lo:hi])
        if mb[i + 1] > mb[i]:
            text = texts[d]
            sel = many[mb[i]:mb[i + 1]] - lo
            cut.extend([text[x:y] for x, y in zip(a[sel].tolist(), b[sel].tolist())])
        sid, char_start[lo:hi], char_end[lo:hi] = corpus.to_source(sids[d], a, b)
        sources.append(sid)
    del many
    cols = {
        "statement_id": _categorical(sids, doc),
        "actor": _categorical(st["actor"].to_numpy(), doc),
        "date": st["date"].to_numpy()[doc],
    }
    hits.doc = doc = None
    cols["category"] = _categorical(list(comp.lexicon.category_ids), hits.category)
    hits.category = None
    cols["pattern"] = _categorical([p.text for _, p in comp.patterns], hits.pattern)
    hits.pattern = None
    cols["match"] = _categorical((raw or []) + cut, match_code)
    del match_code, cut
    cols.update({
        "token_start": tok_start,
        "token_end": tok_end,
        "char_start": char_start,
        "char_end": char_end,
        "source_id": _categorical(sources, np.repeat(np.arange(len(docs), dtype=np.int32),
                                                     np.diff(bounds))),
        "sentence": sentence,
        "negated": hits.negated.astype(bool, copy=False),
    })
    hits.negated = None
    out = pd.DataFrame(cols, columns=list(MATCH_COLUMNS), copy=False)
    if out["date"].dtype.kind != "M":
        out["date"] = pd.to_datetime(out["date"])
    return out


def _by_columns(st: pd.DataFrame, by) -> list[str]:
    cols = [by] if isinstance(by, str) else list(by)
    avail = [c for c in st.columns if c != "text"]
    missing = [c for c in cols if c not in avail]
    if missing or not cols:
        raise OptionError(
            f"cannot count by {', '.join(map(repr, missing)) or 'nothing'}: not a column of "
            f"the statements. Available columns: {', '.join(avail)}.")
    return cols


def count_matches(corpus, lexicon=None, *, by="actor", matches: pd.DataFrame | None = None,
                  settings: MatchSettings | None = None, case_sensitive: bool | None = None,
                  nested_scope: str | None = None, cross_sentences: bool | None = None,
                  negation_window: int | None = None, negators=None,
                  tokenizer: TokenizerSettings | None = None, warn: bool = True) -> pd.DataFrame:
    """Count matches per group and category (long form, zeros included).

    Parameters
    ----------
    corpus : Corpus
    lexicon : Lexicon, CompiledLexicon, str or dict
        Needed unless ``matches`` is given (then it only sets the category order).
    by : str or list of str, default "actor"
        Statement columns to group by (``"statement_id"`` for one row per statement, or any
        metadata column such as ``"doc_id"`` or ``"Party"``).
    matches : DataFrame, optional
        Rows of :func:`find_matches` to count instead of matching again (their recorded
        settings are used; giving different ones is an error, since they would be ignored).
    settings, case_sensitive, nested_scope, cross_sentences, negation_window, negators, tokenizer
        As for :func:`find_matches` (the counts agree with its rows).

    Returns
    -------
    DataFrame
        The ``by`` columns, ``category``, ``count`` (matches), ``negated`` (how many of them
        were flagged negated), ``tokens`` (word tokens of the group), ``per_1000``
        (``count / tokens * 1000``; NaN for a group without tokens), ``share`` (``count`` over
        all matches of the group; NaN when the group has none) -- both from :func:`rates`;
        ``sentences`` (of the group) and ``short_text`` (fewer than 3 sentences: the one rule
        of :mod:`frameshift.matching.shortness`; with ``warn``, one
        :class:`~frameshift.matching.shortness.ShortTextWarning` names the short groups).
        Groups in corpus order (first appearance), categories in lexicon order.

    Raises
    ------
    OptionError
        A ``by`` column that the statements do not have (the message lists those they have).

    Examples
    --------
    >>> import pandas as pd
    >>> from frameshift.corpus import from_frame
    >>> c = from_frame(pd.DataFrame({"statement_id": ["a", "b"], "actor": ["baku", "nk"],
    ...     "text": ["Reintegration now.", "No coercion, no reintegration."]}))
    >>> t = count_matches(c, {"reint": ["reintegration"], "coercion": ["coercion"]}, warn=False)
    >>> t.drop(columns=["sentences", "short_text"])
      actor  category  count  negated  tokens  per_1000  share
    0  baku     reint      1        0       2     500.0    1.0
    1  baku  coercion      0        0       2       0.0    0.0
    2    nk     reint      1        1       4     250.0    0.5
    3    nk  coercion      1        1       4     250.0    0.5
    >>> t[["actor", "sentences", "short_text"]].drop_duplicates().values.tolist()
    [['baku', 1, True], ['nk', 1, True]]
    """
    options = dict(case_sensitive=case_sensitive, nested_scope=nested_scope,
                   cross_sentences=cross_sentences, negation_window=negation_window,
                   negators=negators, tokenizer=tokenizer)
    check_corpus_argument(corpus, "corpus", "count_matches")
    st = corpus.statements
    cols = _by_columns(st, by)
    if matches is not None:
        out = _count_from_matches(corpus, lexicon, matches, settings_of(matches, settings,
                                                                        **options), cols)
        return _warn_short_groups(out, cols, len(categories_of(lexicon, matches))) if warn \
            else out
    if lexicon is None:
        raise OptionError("count_matches needs a lexicon (or matches=, a table of match rows).")
    settings = match_settings(settings, **options)
    comp, tokens, st, texts, (counts, neg) = _prepare(corpus, lexicon, settings, table=True)
    cats = comp.lexicon.category_ids
    out = _count_frame(cats, tokens, st, counts, neg, cols)
    out.attrs["settings"] = settings
    return _warn_short_groups(out, cols, len(cats)) if warn else out


def _warn_short_groups(out, cols, n_categories: int):
    """One ShortTextWarning naming the groups flagged short_text (issue 13). ``out``: a table
    of :func:`_count_frame` (one block of ``n_categories`` rows per group)."""
    from frameshift.matching.shortness import warn_short

    K = n_categories
    short = out["short_text"].to_numpy(dtype=bool)[::K] if K else np.zeros(0, bool)
    sub = out[cols].iloc[np.flatnonzero(short) * K]  # the first row of every short group
    warn_short(["/".join(map(str, key)) for key in sub.itertuples(index=False)], len(short),
               what="group", stacklevel=4)
    return out


def _lookup(col: pd.Series, index: dict) -> pd.Series:
    """``col.astype(str).map(index)``; for a categorical (the match table's columns) the
    categories are looked up once and taken by code."""
    if isinstance(col.dtype, pd.CategoricalDtype):
        per = col.cat.categories.astype(str).map(index).to_numpy(dtype=float, na_value=np.nan)
        return pd.Series(np.append(per, np.nan)[col.cat.codes.to_numpy()], index=col.index)
    return col.astype(str).map(index)


def _count_from_matches(corpus, lexicon, matches, settings, cols) -> pd.DataFrame:
    """Counts behind a match table: the same table count_matches computes by matching."""
    from frameshift.corpus.model import corpus_tokens

    cats = categories_of(lexicon, matches)
    st = corpus.statements
    tokens = corpus_tokens(corpus, settings.tokenizer)
    index = {str(s): i for i, s in enumerate(st["statement_id"].astype(str))}
    cat_index = {c: j for j, c in enumerate(cats)}
    rows = _lookup(matches["statement_id"], index)
    colj = _lookup(matches["category"], cat_index)
    if rows.isna().any() or colj.isna().any():
        bad = sorted(set(matches["statement_id"][rows.isna()].astype(str))) + sorted(
            set(matches["category"][colj.isna()].astype(str)))
        raise OptionError(f"the match table names statements or categories this corpus and "
                          f"lexicon do not have: {bad[:10]}. Pass the corpus and lexicon the "
                          f"matches were found in.")
    counts = np.zeros((len(st), len(cats)), np.int64)
    neg = np.zeros((len(st), len(cats)), np.int64)
    r, c = rows.to_numpy(np.int64), colj.to_numpy(np.int64)
    np.add.at(counts, (r, c), 1)
    if "negated" in matches.columns:
        m = matches["negated"].astype(bool).to_numpy()
        np.add.at(neg, (r[m], c[m]), 1)
    out = _count_frame(cats, tokens, st, counts, neg, cols)
    out.attrs["settings"] = settings
    return out


def _count_frame(categories, tokens, st, counts, neg, cols) -> pd.DataFrame:
    keys = st[cols]
    codes, uniques = pd.MultiIndex.from_frame(keys.astype(object)).factorize() \
        if len(cols) > 1 else pd.factorize(keys[cols[0]].astype(object), use_na_sentinel=False)
    G, K = len(uniques), len(categories)
    _, first_row = np.unique(np.asarray(codes), return_index=True)  # codes are 0..G-1
    taken = keys.iloc[np.repeat(first_row, K)].reset_index(drop=True)
    columns = group_count_columns(categories, codes, G, tokens, counts, neg)
    # the category column taken from the K names as str (converting G x K objects was 3.5 ms
    # of the 14 ms table at x100 by statement_id; the frame is built at once, not column by
    # column: issue 20)
    names = pd.Series(np.asarray(list(categories), dtype=object)).astype(str)
    columns["category"] = names.take(np.tile(np.arange(K), G)).array
    return pd.DataFrame({**{c: taken[c] for c in cols}, **columns})


def group_count_columns(categories, codes, n_groups: int, tokens, counts, neg) -> dict:
    """The columns of a count table after its group keys, one row per group x category in
    that order, as arrays: category, count, negated, tokens, per_1000, share, sentences,
    short_text. ``codes``: the group (0..n_groups-1) of each text; ``tokens``: the texts'
    :class:`~frameshift.text.Tokens`, or the pair (word tokens, sentences) of every text
    (``count_matches_parallel``: gathered from the parts); ``counts``, ``neg``: texts x
    categories (``_count_table``). Shared by :func:`count_matches`, ``count_matches_parallel``
    and the command line's pandas-free ``frameshift count``."""
    # issue 13: sentences of the group and the one "too short" rule (matching/shortness.py)
    from frameshift.matching.shortness import is_short, sentences_per_document

    if isinstance(tokens, tuple):
        n_tok, n_sent = tokens
    else:
        n_tok, n_sent = tokens.n_tokens(), sentences_per_document(tokens)
    G, K = n_groups, len(categories)
    gc, gn, gt, gs = (_group_sums(codes, x, G) for x in (counts, neg, n_tok, n_sent))
    cnt = gc.reshape(-1)
    tok = np.repeat(gt, K)
    per_1000, share = rates(cnt, tok, np.repeat(gc.sum(axis=1), K))
    sentences = np.repeat(gs, K)
    return {"category": np.tile(np.asarray(list(categories), dtype=object), G),
            "count": cnt.astype(np.int64), "negated": gn.reshape(-1).astype(np.int64),
            "tokens": tok.astype(np.int64), "per_1000": per_1000, "share": share,
            "sentences": sentences,
            "short_text": np.asarray(is_short(sentences), dtype=bool)}


def _group_sums(codes, values, n_groups: int) -> np.ndarray:
    """``values`` (texts x ..., integers) summed per group: row ``g`` of the result is the sum
    of the rows of ``values`` whose ``codes`` is ``g`` (groups 0..n_groups-1 in order of first
    appearance, as from ``pd.factorize``)."""
    codes = np.asarray(codes, dtype=np.intp)
    values = np.asarray(values, dtype=np.int64)
    if len(codes) and n_groups and (codes[1:] >= codes[:-1]).all():
        # every group's texts together (by statement_id, doc_id, a sorted column): the codes
        # run 0, 0, 1, 2, 2, ..., so one reduceat per group start (np.add.at is ~10x slower)
        return np.add.reduceat(values, np.flatnonzero(np.r_[True, codes[1:] != codes[:-1]]),
                               axis=0)
    out = np.zeros((n_groups, *values.shape[1:]), np.int64)
    np.add.at(out, codes, values)
    return out


#: ``(counts, negated)`` per text x category (``_count_table``), for the command line's
#: pandas-free ``frameshift count`` (cli/match.py, issue 20).
count_table = _count_table
