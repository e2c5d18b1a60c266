"""Reference matcher: the straightforward implementation, kept only to check the fast one.

A frozen copy of ``analysis/frameshift/matching/engine.py`` as of commit 073a458 (before the performance work of
issue 8): it loops over phrase alternatives, re-reads the text between the words of every
candidate and accepts matches one at a time in a Python loop. It is slow but easy to read
against ``docs/lexicons.md``; ``tests/test_matching_equivalence.py`` checks that
:mod:`frameshift.matching` gives exactly the same tables. Not part of the public API; do not
import it from library code.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import asdict, dataclass, field
from itertools import product

import numpy as np
import pandas as pd
import scipy.sparse as sp

from frameshift.errors import OptionError
from frameshift.lexicon.model import Lexicon, Pattern
from frameshift.lexicon.formats import as_lexicon
from frameshift.text.tokenizer import Tokens, TokenizerSettings

__all__: list[str] = []
_PUBLIC = [
    "DEFAULT_NEGATORS",
    "MatchSettings",
    "CompiledLexicon",
    "compile_lexicon",
    "find_matches",
    "count_matches",
    "MATCH_COLUMNS",
    "COUNT_COLUMNS",
]

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
COUNT_COLUMNS = ("category", "count", "negated", "tokens", "per_1000", "share")

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
    """

    case_sensitive: bool = False
    nested_scope: str = "key"
    cross_sentences: bool = False
    negation_window: int = 3
    negators: frozenset = field(default=DEFAULT_NEGATORS)

    def __post_init__(self):
        if self.nested_scope not in ("key", "dictionary"):
            raise OptionError(f"nested_scope must be 'key' or 'dictionary', not "
                              f"{self.nested_scope!r}.")
        if int(self.negation_window) < 0:
            raise OptionError(f"negation_window must be 0 or more, not "
                              f"{self.negation_window!r}.")

    def as_dict(self) -> dict:
        """Settings as a plain dict (negators sorted), for provenance."""
        d = asdict(self)
        d["negators"] = sorted(self.negators)
        return d


# --------------------------------------------------------------------------- compiling
def _glob_regex(glob: str, flags: int) -> re.Pattern:
    parts = []
    for ch in glob:
        parts.append(".*" if ch == "*" else "." if ch == "?" else re.escape(ch))
    return re.compile("".join(parts), flags | re.DOTALL)


class _Vocabulary:
    """Lookup structures over one vocabulary (types, or surfaces when case matters)."""

    def __init__(self, forms: list[str], case_sensitive: bool):
        self.forms = forms
        self.case_sensitive = case_sensitive
        self.size = len(forms)
        self._index: dict[bool, tuple] = {}

    def _keyed(self, dehyphen: bool):
        got = self._index.get(dehyphen)
        if got is None:
            keys = [f.replace("-", "") for f in self.forms] if dehyphen else self.forms
            exact: dict[str, list[int]] = {}
            for i, k in enumerate(keys):
                exact.setdefault(k, []).append(i)
            order = sorted(range(len(keys)), key=keys.__getitem__)
            sorted_keys = [keys[i] for i in order]
            got = self._index[dehyphen] = (keys, exact, order, sorted_keys)
        return got

    def resolve(self, piece: str, *, dehyphen: bool, regex: bool = False) -> np.ndarray:
        """Vocabulary ids matching one pattern element (already case-folded if needed)."""
        if regex:
            flags = 0 if self.case_sensitive else re.IGNORECASE
            rx = re.compile(piece, flags)
            return np.fromiter((i for i, f in enumerate(self.forms) if rx.fullmatch(f)),
                               dtype=np.int64)
        keys, exact, order, sorted_keys = self._keyed(dehyphen)
        if dehyphen:
            piece = piece.replace("-", "")
        if "*" not in piece and "?" not in piece:
            return np.asarray(exact.get(piece, ()), dtype=np.int64)
        cut = min(i for i in (piece.find("*"), piece.find("?")) if i >= 0)
        prefix = piece[:cut]
        rx = _glob_regex(piece, 0)
        lo = bisect_left(sorted_keys, prefix)
        out = []
        for pos in range(lo, len(sorted_keys)):
            k = sorted_keys[pos]
            if not k.startswith(prefix):
                break
            if rx.fullmatch(k):
                out.append(order[pos])
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
    single : scipy.sparse.csr_matrix
        vocabulary x category; entry ``j + 1`` where single-token pattern ``j`` (the first in
        lexicon order) matches the type, 0 elsewhere.
    phrases, exclusions : list
        Multi-token alternatives of the patterns and of the exclusions.
    """

    def __init__(self, lexicon: Lexicon, vocabulary: list[str], *,
                 case_sensitive: bool = False, negators=DEFAULT_NEGATORS):
        self.lexicon = lexicon
        self.vocabulary = vocabulary
        self.case_sensitive = case_sensitive
        self._vocab = _Vocabulary(vocabulary, case_sensitive)
        self._cache: dict = {}
        K = len(lexicon.categories)
        V = len(vocabulary)
        self.patterns: list[tuple[int, Pattern]] = []
        self.phrases: list[_Alt] = []
        self.exclusions: list[_Alt] = []
        rows, cols, pats = [], [], []
        ex_rows, ex_cols = [], []
        for k, cat in enumerate(lexicon.categories):
            for p in cat.patterns:
                j = len(self.patterns)
                self.patterns.append((k, p))
                for alt in self._alternatives(p, k, j):
                    if len(alt.elements) == 1:
                        ids = alt.elements[0]
                        rows.append(ids)
                        cols.append(np.full(len(ids), k))
                        pats.append(np.full(len(ids), j + 1))
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
        c = np.concatenate(cols) if cols else np.zeros(0, np.int64)
        j = np.concatenate(pats) if pats else np.zeros(0, np.int64)
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
        self.single = sp.csr_matrix((j.astype(np.int32), (code // K, code % K)),
                                    shape=(V, K)) if K else sp.csr_matrix((V, 0),
                                                                           dtype=np.int32)
        folded = vocabulary if not case_sensitive else [v.casefold() for v in vocabulary]
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
                piece = piece.casefold()
            got = self._cache[key] = self._vocab.resolve(piece, dehyphen=dehyphen, regex=regex)
        return got

    def _alternatives(self, p: Pattern, k: int, j: int) -> list[_Alt]:
        if p.kind == "regex":
            return [_Alt(k, j, [self._ids(p.words[0], dehyphen=False, regex=True)])]
        variants = self.lexicon.hyphen_variants and not p.exact
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


def _segments(tokens: Tokens, cross_sentences: bool) -> tuple[np.ndarray, np.ndarray]:
    n = len(tokens.ids)
    doc = np.repeat(np.arange(tokens.n_docs), tokens.n_tokens())
    change = np.ones(n, bool)
    if n:
        change[1:] = (doc[1:] != doc[:-1]) | (tokens.sentence[1:] != tokens.sentence[:-1])
    sent_seg = np.cumsum(change)
    if cross_sentences:
        return doc, doc
    return doc, sent_seg


def _find_alt(alt: _Alt, comp: CompiledLexicon, tid: np.ndarray, seg: np.ndarray):
    """(starts, ends) of every occurrence of one multi-token alternative."""
    n = len(tid)
    els = alt.elements
    first = comp._mask(els[0])
    if not alt.has_gap:
        L = len(els)
        if n < L:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        p = np.flatnonzero(first[tid[: n - L + 1]])
        for i in range(1, L):
            if not len(p):
                break
            q = p + i
            p = p[comp._mask(els[i])[tid[q]] & (seg[q] == seg[p])]
        return p, p + L
    starts, ends = [], []
    for p in np.flatnonzero(first[tid]):
        states = {int(p) + 1}
        s0 = seg[p]
        for e in els[1:]:
            if isinstance(e, tuple):
                lo, hi = e
                states = {s + g for s in states for g in range(lo, hi + 1)}
            else:
                m = comp._mask(e)
                states = {s + 1 for s in states if s < n and seg[s] == s0 and m[tid[s]]}
            if not states:
                break
        for end in sorted(states):
            starts.append(int(p))
            ends.append(end)
    return np.asarray(starts, np.int64), np.asarray(ends, np.int64)


class _Adjacency:
    """Checks that consecutive words of a match are separated by whitespace only."""

    def __init__(self, tokens: Tokens, texts, doc: np.ndarray):
        self.tokens = tokens
        self.texts = texts
        self.doc = doc
        self._offsets: dict[int, tuple] = {}

    def ok(self, start: int, end: int) -> bool:
        d = int(self.doc[start])
        off = self._offsets.get(d)
        if off is None:
            off = self._offsets[d] = self.tokens.offsets(d)
        base = int(self.tokens.doc_index[d])
        starts, ends = off
        text = self.texts[d]
        sent = self.tokens.sentence
        for i in range(start, end - 1):
            gap = text[ends[i - base]:starts[i + 1 - base]]
            if gap and not gap.isspace():
                # the one exception: an abbreviation's own period ("U.S. sanctions")
                if not (gap[0] == "." and (len(gap) == 1 or gap[1:].isspace())
                        and sent[i] == sent[i + 1]):
                    return False
        return True


def _run(comp: CompiledLexicon, tokens: Tokens, texts, settings: MatchSettings) -> _Hits:
    """Every accepted match of the compiled lexicon in the tokens."""
    tid = tokens.ids if settings.case_sensitive else tokens.type_ids()
    tid = np.asarray(tid, dtype=np.int64)
    doc, seg = _segments(tokens, settings.cross_sentences)
    K = comp.single.shape[1]
    n = len(tid)
    # single-token matches: sparse row lookup, no loop over tokens
    hit = comp.single[tid].tocoo() if n else sp.coo_matrix((0, K), dtype=np.int32)
    s_pos = hit.row.astype(np.int64)
    s_cat = hit.col.astype(np.int64)
    s_pat = hit.data.astype(np.int64) - 1
    # multi-token candidates
    adj = _Adjacency(tokens, texts, doc)
    cand = []
    for alt in comp.phrases:
        st, en = _find_alt(alt, comp, tid, seg)
        for a, b in zip(st.tolist(), en.tolist()):
            if adj.ok(a, b):
                cand.append((a, b, alt.category, alt.pattern))
    # exclusions: matches lying inside an occurrence of an excluded phrase do not count
    if comp.exclusions:
        excl: dict[int, list] = {}
        for alt in comp.exclusions:
            st, en = _find_alt(alt, comp, tid, seg)
            for a, b in zip(st.tolist(), en.tolist()):
                if adj.ok(a, b):
                    excl.setdefault(alt.category, []).append((a, b))
        if excl:
            cand = [c for c in cand if not any(a <= c[0] and c[1] <= b
                                               for a, b in excl.get(c[2], ()))]
            keep = np.ones(len(s_pos), bool)
            for k, spans in excl.items():
                sel = s_cat == k
                for a, b in spans:
                    keep &= ~(sel & (s_pos >= a) & (s_pos < b))
            s_pos, s_cat, s_pat = s_pos[keep], s_cat[keep], s_pat[keep]
    # longest first, then left to right (quanteda's tokens_lookup)
    cand = sorted(set(cand), key=lambda c: (-(c[1] - c[0]), c[0], c[2], c[3]))
    covered: dict[int, set] = {}
    glob: set = set()
    acc = []
    i = 0
    dictionary = settings.nested_scope == "dictionary"
    while i < len(cand):
        a, b = cand[i][0], cand[i][1]
        jend = i
        while jend < len(cand) and cand[jend][0] == a and cand[jend][1] == b:
            jend += 1
        group = cand[i:jend]
        i = jend
        span = range(a, b)
        if dictionary and all(t in glob for t in span):
            continue
        matched = False
        for _, _, k, j in group:
            cov = covered.setdefault(k, set())
            if any(t in cov for t in span):
                continue
            cov.update(span)
            acc.append((a, b, k, j))
            matched = True
        if matched:
            glob.update(span)
    if acc and len(s_pos):
        if dictionary:
            drop = np.isin(s_pos, np.fromiter(glob, np.int64, len(glob)))
        else:
            codes = np.fromiter((t * K + k for k, cov in covered.items() for t in cov),
                                np.int64)
            drop = np.isin(s_pos * K + s_cat, codes)
        s_pos, s_cat, s_pat = s_pos[~drop], s_cat[~drop], s_pat[~drop]
    if acc:
        arr = np.asarray(acc, dtype=np.int64)
        start = np.concatenate([s_pos, arr[:, 0]])
        end = np.concatenate([s_pos + 1, arr[:, 1]])
        cat = np.concatenate([s_cat, arr[:, 2]])
        pat = np.concatenate([s_pat, arr[:, 3]])
    else:
        start, end, cat, pat = s_pos, s_pos + 1, s_cat, s_pat
    order = np.lexsort((cat, start))
    start, end, cat, pat = start[order], end[order], cat[order], pat[order]
    # negation: a negator among the preceding words of the same sentence
    negated = np.zeros(len(start), bool)
    if settings.negation_window and len(start):
        _, sent_seg = _segments(tokens, False)
        neg_tok = comp.negator[tid]
        for d in range(1, int(settings.negation_window) + 1):
            q = start - d
            ok = q >= 0
            qq = np.where(ok, q, 0)
            negated |= ok & neg_tok[qq] & (sent_seg[qq] == sent_seg[start])
    return _Hits(start, end, cat, pat, negated, doc[start] if n else start)


# --------------------------------------------------------------------------- public API
def _prepare(corpus, lexicon, settings: MatchSettings, tokenizer):
    from frameshift.corpus.model import corpus_tokens

    tokens = corpus_tokens(corpus, tokenizer)
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
    hits = _run(comp, tokens, texts, settings)
    return comp, tokens, st, texts, hits


def _settings(case_sensitive, nested_scope, cross_sentences, negation_window, negators):
    return MatchSettings(case_sensitive=bool(case_sensitive), nested_scope=nested_scope,
                         cross_sentences=bool(cross_sentences),
                         negation_window=int(negation_window),
                         negators=frozenset(n.casefold() for n in (
                             DEFAULT_NEGATORS if negators is None else negators)))


def find_matches(corpus, lexicon, *, case_sensitive: bool = False, nested_scope: str = "key",
                 cross_sentences: bool = False, negation_window: int = 3, negators=None,
                 tokenizer: TokenizerSettings | None = None) -> pd.DataFrame:
    """Every match of a lexicon in a corpus, one row per match.

    Parameters
    ----------
    corpus : Corpus
    lexicon : Lexicon, CompiledLexicon, str (bundled name or path) or dict
    case_sensitive, nested_scope, cross_sentences, negation_window, negators
        See :class:`MatchSettings`.
    tokenizer : TokenizerSettings, optional

    Returns
    -------
    DataFrame
        ``statement_id``, ``actor``, ``date``, ``category``, ``pattern`` (as written in the
        lexicon), ``match`` (the matched text as written in the statement), ``token_start``,
        ``token_end`` (word indices within the statement, end exclusive), ``char_start``,
        ``char_end`` (offsets in the source document ``source_id``), ``source_id``,
        ``sentence`` (0-based, within the statement), ``negated`` (bool). Sorted by statement
        order, then ``token_start``, then category order of the lexicon.

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
    settings = _settings(case_sensitive, nested_scope, cross_sentences, negation_window,
                         negators)
    comp, tokens, st, texts, hits = _prepare(corpus, lexicon, settings, tokenizer)
    return _match_frame(corpus, comp, tokens, st, texts, hits)


def _match_frame(corpus, comp, tokens, st, texts, hits) -> pd.DataFrame:
    n = len(hits.start)
    cats = comp.lexicon.category_ids
    base = tokens.doc_index[hits.doc] if n else np.zeros(0, np.int64)
    char_start = np.zeros(n, np.int64)
    char_end = np.zeros(n, np.int64)
    src_start = np.zeros(n, np.int64)
    src_end = np.zeros(n, np.int64)
    source = np.empty(n, dtype=object)
    match_text = np.empty(n, dtype=object)
    sids = st["statement_id"].to_numpy()
    for d in np.unique(hits.doc) if n else []:
        sel = np.flatnonzero(hits.doc == d)
        starts, ends = tokens.offsets(int(d))
        a = starts[hits.start[sel] - base[sel]]
        b = ends[hits.end[sel] - 1 - base[sel]]
        char_start[sel], char_end[sel] = a, b
        text = texts[int(d)]
        match_text[sel] = [text[x:y] for x, y in zip(a.tolist(), b.tolist())]
        sid, sa, sb = corpus.to_source(sids[d], a, b)
        src_start[sel], src_end[sel] = sa, sb
        source[sel] = sid
    out = pd.DataFrame({
        "statement_id": sids[hits.doc] if n else np.array([], dtype=object),
        "actor": st["actor"].to_numpy()[hits.doc] if n else np.array([], dtype=object),
        "date": st["date"].to_numpy()[hits.doc] if n else np.array([], "datetime64[ns]"),
        "category": np.asarray(cats, dtype=object)[hits.category] if n else np.array(
            [], dtype=object),
        "pattern": np.asarray([p.text for _, p in comp.patterns] or [""],
                              dtype=object)[hits.pattern] if n else np.array([], dtype=object),
        "match": match_text,
        "token_start": (hits.start - base).astype(np.int64),
        "token_end": (hits.end - base).astype(np.int64),
        "char_start": src_start,
        "char_end": src_end,
        "source_id": source,
        "sentence": tokens.sentence[hits.start].astype(np.int64) if n else np.zeros(0, np.int64),
        "negated": hits.negated.astype(bool),
    }, columns=list(MATCH_COLUMNS))
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


def count_matches(corpus, lexicon, *, by="actor", case_sensitive: bool = False,
                  nested_scope: str = "key", cross_sentences: bool = False,
                  negation_window: int = 3, negators=None,
                  tokenizer: TokenizerSettings | None = None) -> pd.DataFrame:
    """Count matches per group and category (long form, zeros included).

    Parameters
    ----------
    corpus : Corpus
    lexicon : Lexicon, CompiledLexicon, str or dict
    by : str or list of str, default "actor"
        Statement columns to group by (``"statement_id"`` for one row per statement, or any
        metadata column such as ``"doc_id"`` or ``"Party"``).
    case_sensitive, nested_scope, cross_sentences, negation_window, negators, tokenizer
        As for :func:`find_matches` (the counts agree with its rows).

    Returns
    -------
    DataFrame
        The ``by`` columns, ``category``, ``count`` (matches), ``negated`` (how many of them
        were flagged negated), ``tokens`` (word tokens of the group), ``per_1000``
        (``count / tokens * 1000``; NaN for a group without tokens), ``share`` (``count`` over
        all matches of the group; 0 when the group has none). Groups in corpus order (first
        appearance), categories in lexicon order.

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
    >>> count_matches(c, {"reint": ["reintegration"], "coercion": ["coercion"]})[[
    ...     "actor", "category", "count", "negated", "tokens", "per_1000", "share"]]
      actor  category  count  negated  tokens  per_1000  share
    0  baku     reint      1        0       2     500.0    1.0
    1  baku  coercion      0        0       2       0.0    0.0
    2    nk     reint      1        1       4     250.0    0.5
    3    nk  coercion      1        1       4     250.0    0.5
    """
    settings = _settings(case_sensitive, nested_scope, cross_sentences, negation_window,
                         negators)
    st = corpus.statements
    cols = _by_columns(st, by)
    comp, tokens, st, texts, hits = _prepare(corpus, lexicon, settings, tokenizer)
    return _count_frame(comp, tokens, st, hits, cols)


def _count_frame(comp, tokens, st, hits, cols) -> pd.DataFrame:
    D = tokens.n_docs
    K = len(comp.lexicon.categories)
    counts = np.bincount(hits.doc * K + hits.category, minlength=D * K).reshape(D, K) if K \
        else np.zeros((D, 0), np.int64)
    neg = np.bincount((hits.doc * K + hits.category)[hits.negated],
                      minlength=D * K).reshape(D, K) if K else np.zeros((D, 0), np.int64)
    keys = st[cols]
    codes, uniques = pd.MultiIndex.from_frame(keys.astype(object)).factorize() \
        if len(cols) > 1 else pd.factorize(keys[cols[0]].astype(object), use_na_sentinel=False)
    G = len(uniques)
    gc = np.zeros((G, K), np.int64)
    gn = np.zeros((G, K), np.int64)
    gt = np.zeros(G, np.int64)
    np.add.at(gc, codes, counts)
    np.add.at(gn, codes, neg)
    np.add.at(gt, codes, tokens.n_tokens())
    _, first_row = np.unique(np.asarray(codes), return_index=True)  # codes are 0..G-1
    out = keys.iloc[np.repeat(first_row, K)].reset_index(drop=True)
    out["category"] = np.tile(np.asarray(comp.lexicon.category_ids, dtype=object), G)
    out["category"] = out["category"].astype(str)
    cnt = gc.reshape(-1)
    tok = np.repeat(gt, K)
    tot = np.repeat(gc.sum(axis=1), K)
    out["count"] = cnt.astype(np.int64)
    out["negated"] = gn.reshape(-1).astype(np.int64)
    out["tokens"] = tok.astype(np.int64)
    with np.errstate(divide="ignore", invalid="ignore"):
        # Rates follow the one rule of frameshift.matching.rates (issue 12): a rate with a
        # zero denominator is undefined (NaN). Only this line changed since the freeze.
        out["per_1000"] = np.where(tok > 0, cnt / np.maximum(tok, 1) * 1000.0, np.nan)
        out["share"] = np.where(tot > 0, cnt / np.maximum(tot, 1), np.nan)
    return out


# --------------------------------------------------------------------------- checks
def _check_tables(lex: Lexicon, corpus, *, case_sensitive=False, max_distance=None):
    """Tables behind :func:`frameshift.lexicon.check_lexicon`."""
    from nltk.metrics.distance import edit_distance

    from frameshift.corpus.model import corpus_tokens

    tokens = corpus_tokens(corpus)
    comp = compile_lexicon(lex, tokens, case_sensitive=case_sensitive)
    vocab = comp.vocabulary
    tid = tokens.ids if case_sensitive else tokens.type_ids()
    freq = np.bincount(tid, minlength=len(vocab))
    cats = lex.category_ids
    hits = _run(comp, tokens, corpus.statements["text"].tolist(), MatchSettings())
    per_pattern = np.bincount(hits.pattern, minlength=len(comp.patterns))
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
        for t in sorted(ids, key=lambda t: (-freq[t], vocab[t])):
            if freq[t]:
                exp_rows.append((cats[k], p.text, vocab[t], int(freq[t])))
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
            w = w if case_sensitive else w.casefold()
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
                if 0 < dist <= maxd and (k, w, t) not in seen:
                    seen.add((k, w, t))
                    near_rows.append((cats[k], p.text, v, int(freq[t]), int(dist)))
    near = pd.DataFrame(near_rows, columns=["category", "pattern", "type", "count", "distance"])
    per_cat = np.bincount(hits.category, minlength=len(cats))
    unmatched = pd.DataFrame({"category": [c for c, n in zip(cats, per_cat) if n == 0],
                              "matches": 0}, columns=["category", "matches"])
    unmatched["matches"] = unmatched["matches"].astype(np.int64)
    return expansions, near, unmatched


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
