"""Framing lexicons: the Lexicon object, its file formats, pattern syntax and validation.

A lexicon is a list of categories (``id``, ``label``, ``definition``, optional ``parent``),
each with patterns and optional exclusions. The file formats (:data:`LEXICON_FORMATS`) are
frameshift YAML (``categories:`` list), every dictionary format quanteda reads -- quanteda
YAML (key -> list of values, nested keys), LIWC ``.dic`` (2001/2007/2015, hierarchical),
WordStat ``.cat``, Yoshikoder ``.ykd``/Lexicoder 2 ``.lcd`` and Lexicoder 3 ``.lc3`` -- and a
plain CSV (``category,pattern``); :func:`write_lexicon` writes each of them.

Pattern forms (see ``docs/lexicons.md`` for the full rules):

=========================================  ===============================================
``coercion``                               a word (compared after removing hyphens, so it
                                           also matches ``co-ercion``)
``coerc*``, ``defen?e``                    a glob: ``*`` any run of characters (also none),
                                           ``?`` exactly one character
``ready-made solutions``                   a phrase (a hyphen in the pattern also matches a
                                           space or nothing: "ready made", "readymade")
``internationally established {0,2} format``  a phrase with a gap of 0 to 2 words
``re:coerc(ion|ive)``                      a regular expression (full match of one token)
``=NKR``                                   exact: no hyphen variants
=========================================  ===============================================

Validation happens once, when a lexicon is read or built, and reports every problem in one
:class:`~frameshift.errors.LexiconError` naming file and line.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import re
import warnings
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd

from frameshift.errors import (LexiconError, Problem)
from frameshift.text.tokenizer import WORD_PATTERN, normalize, tokenize_text

# A piece that the tokenizer's word rule matches whole is exactly one token; only the other
# pieces are run through the tokenizer to explain what it makes of them. (The rule is
# compiled on first use: a lexicon taken from the cache, lexicon/cache.py, never needs it.)
_one_token_match = None


def _one_token(piece: str):
    global _one_token_match
    if _one_token_match is None:
        _one_token_match = re.compile(WORD_PATTERN).fullmatch
    return _one_token_match(piece)


try:  # Python >= 3.11
    import re._parser as _sre_parse
    import re._constants as _sre_c
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse as _sre_parse  # type: ignore[no-redef]
    import sre_constants as _sre_c  # type: ignore[no-redef]

__all__ = ["Pattern", "Category", "Lexicon", "LexiconWarning", "parse_pattern", "MAX_GAP",
           "LEXICON_FORMATS", "GlobMatcher"]

#: Largest number of words a gap ``{M,N}`` may allow.
MAX_GAP = 10
#: Formats understood by :func:`read_lexicon` (the ``format`` argument and ``Lexicon.format``).
LEXICON_FORMATS = ("frameshift", "quanteda", "liwc", "wordstat", "yoshikoder", "lexicoder",
                   "csv")

_DATA_DIR = Path(__file__).resolve().parent / "data" / "lexicons"
_GAP_RE = re.compile(r"^\{(\d*),(\d+)\}$|^\{(\d+)\}$")
# An id: no commas, tabs or line breaks; inner spaces are allowed (quanteda keys such as
# Laver-Garry's "CON ENVIRONMENT"); leading and trailing spaces are removed.
_ID_RE = re.compile(r"^[^,\t\r\n\f\v]+$")
# Imported dictionaries keep their keys as published: only line breaks and tabs are refused.
_LOOSE_ID_RE = re.compile(r"^[^\t\r\n\f\v]+$")
_CATEGORY_KEYS = {"id", "label", "definition", "parent", "patterns", "terms", "exclude",
                  "examples", "source", "exact", "notes"}
_LEXICON_KEYS = {"name", "version", "description", "citation", "categories", "authors",
                 "license", "language", "hyphen_variants", "notes", "format"}


class _Problem(Problem):
    """A :class:`Problem` with a severity: ``"error"`` or ``"quality"``."""

    __slots__ = ("kind",)

    def __init__(self, message, fix="", *, kind="error", **where):
        super().__init__(message, fix, **where)
        self.kind = kind


class LexiconWarning(UserWarning):
    """A lexicon has problems that do not stop it from being used (imported formats)."""


# --------------------------------------------------------------------------- patterns
@dataclass(frozen=True)
class Pattern:
    """One pattern of a category, parsed.

    Attributes
    ----------
    text : str
        The pattern as written (with its ``re:`` or ``=`` prefix).
    kind : str
        ``"word"``, ``"glob"``, ``"phrase"`` (several words, possibly with globs and gaps) or
        ``"regex"``.
    exact : bool
        No hyphen/space variants (prefix ``=``; regular expressions are always exact).
    words : tuple
        The pattern's elements: normalised strings (case kept; globs keep ``*`` and ``?``),
        ``(min, max)`` tuples for gaps, or for a regex the one expression.
    line : int or None
        Line of the lexicon file the pattern was read from.
    language : str or None
        ISO 639-1 code (``"en"``, ``"ru"``, ``"hy"``, ``"az"`` ...) of the language the term
        is written in, or None for a term of any language (see ``terms:`` in
        ``docs/lexicons.md``).
    """

    text: str
    kind: str
    exact: bool
    words: tuple
    line: int | None = field(default=None, compare=False)
    language: str | None = None

    @property
    def n_words(self) -> int:
        """Number of word elements (gaps not counted)."""
        return sum(1 for w in self.words if isinstance(w, str))

    def __str__(self) -> str:
        return self.text


def _fnmatch_like(piece: str) -> bool:
    return "*" in piece or "?" in piece


def parse_pattern(text: str, *, exact: bool = False, path=None, line=None,
                  language: str | None = None) -> Pattern:
    """Parse one pattern; raise :class:`LexiconError` listing what is wrong with it.

    Parameters
    ----------
    text : str
        The pattern as written in a lexicon.
    exact : bool, default False
        Treat the pattern as exact even without the ``=`` prefix.
    language : str, optional
        ISO 639-1 code of the term's language (two lower-case letters); None: any language.

    Examples
    --------
    >>> parse_pattern("coerc*").kind
    'glob'
    >>> parse_pattern("реинтеграция", language="ru").language
    'ru'
    >>> p = parse_pattern("internationally established {0,2} format")
    >>> p.kind, p.words
    ('phrase', ('internationally', 'established', (0, 2), 'format'))
    >>> parse_pattern("re:(a+)+")
    Traceback (most recent call last):
    ...
    frameshift.errors.LexiconError: pattern 're:(a+)+' is a dangerous regular expression: ...
    """
    pat, problems = _parse_pattern(text, exact=exact, path=path, line=line, language=language)
    if problems:
        raise LexiconError(problems=problems)
    return pat


_LANGUAGE_RE = re.compile(r"^[a-z]{2}$")


def _language_problem(language) -> str | None:
    """Why ``language`` is not an ISO 639-1 code (two lower-case letters), or None."""
    if language is None:
        return None
    if not isinstance(language, str) or not _LANGUAGE_RE.match(language):
        return (f"language {language!r} is not an ISO 639-1 code (two lower-case letters, "
                f"e.g. 'en', 'ru', 'hy', 'az').")
    return None


def _parse_pattern(text, *, exact=False, path=None, line=None, language=None):
    """Return (Pattern or None, [Problem]); problems carry a ``kind`` ('error'/'quality')."""
    probs: list[Problem] = []

    def prob(msg, fix, kind="error"):
        probs.append(_Problem(msg, fix, kind=kind, path=path, line=line))

    bad = _language_problem(language)
    if bad:
        prob(f"pattern {text!r}: {bad}", "Write the language as a two-letter code, e.g. 'ru'.")
        return None, probs

    if not isinstance(text, str):
        prob(f"pattern {text!r} is not text.", "Quote it in the lexicon file.")
        return None, probs
    raw = text
    s = text.strip()
    if not s:
        prob("empty pattern.", "Remove the empty entry.")
        return None, probs
    if s.startswith("re:"):
        expr = s[3:]
        try:
            re.compile(expr)
        except (re.error, OverflowError, RecursionError) as err:
            prob(f"pattern {raw!r} is not a valid regular expression ({err}).",
                 "Fix the expression; the pattern after 're:' must compile with Python's re.")
            return None, probs
        danger = _regex_danger(expr)
        if danger:
            prob(f"pattern {raw!r} is a dangerous regular expression: {danger}",
                 "Rewrite it without nested or ambiguous repetition (a glob such as "
                 "'coerc*' is often enough).")
            return None, probs
        return Pattern(raw, "regex", True, (expr,), line, language), probs
    if s.startswith("="):
        exact = True
        s = s[1:].strip()
        if not s:
            prob(f"pattern {raw!r} has nothing after '='.", "Write the word after '='.")
            return None, probs
    words: list = []
    for piece in s.split():
        m = _GAP_RE.match(piece)
        if m:
            if m.group(3) is not None:
                lo = hi = int(m.group(3))
            else:
                lo = int(m.group(1) or 0)
                hi = int(m.group(2))
            if lo > hi:
                prob(f"pattern {raw!r}: gap {piece} has its minimum above its maximum.",
                     f"Write {{{hi},{lo}}}.")
            elif hi > MAX_GAP:
                prob(f"pattern {raw!r}: gap {piece} allows more than {MAX_GAP} words.",
                     f"Use at most {{0,{MAX_GAP}}}.")
            words.append((lo, hi))
            continue
        if "{" in piece or "}" in piece:
            prob(f"pattern {raw!r}: {piece!r} is not a gap.",
                 "A gap is written {M,N} (M to N words) or {N}, separated by spaces.")
            continue
        form = normalize(piece, casefold=False)
        if form == "?":
            # quanteda 4.3.1 looks a lone "?" up as the literal question mark (its type index),
            # not as "any one character" (while "??" is any two-character token); frameshift
            # follows it, and punctuation is never a token here, so it cannot match.
            prob(f"pattern {raw!r} can never match: a lone '?' is the question mark itself "
                 f"(as in quanteda), and punctuation is not a token.",
                 "For any one-letter word write 're:.'; otherwise remove it.", kind="quality")
            continue
        probe = form.replace("*", "x").replace("?", "x")
        if _one_token(probe):
            words.append(form)
            continue
        toks = tokenize_text(probe)
        if len(toks["form"]) != 1 or toks["start"][0] != 0 or toks["end"][0] != len(probe):
            seen = [probe[a:b] for a, b in zip(toks["start"], toks["end"])]
            fix = (f"The tokenizer reads it as {seen!r}; write "
                   f"{' '.join(seen)!r} instead." if seen else
                   "It contains no word characters; remove it.")
            prob(f"pattern {raw!r} can never match: {piece!r} is not one token.", fix,
                 kind="quality")
            continue
        words.append(form)
    if probs:
        return None, probs
    if isinstance(words[0], tuple) or isinstance(words[-1], tuple):
        prob(f"pattern {raw!r}: a gap must stand between two words.",
             "Remove the gap at the start or end of the pattern.")
        return None, probs
    for a, b in zip(words, words[1:]):
        if isinstance(a, tuple) and isinstance(b, tuple):
            prob(f"pattern {raw!r}: two gaps in a row.", "Merge them into one {M,N}.")
            return None, probs
    if len(words) > 1:
        kind = "phrase"
    elif _fnmatch_like(words[0]):
        kind = "glob"
    else:
        kind = "word"
    return Pattern(raw, kind, bool(exact), tuple(words), line, language), probs


# -- regular-expression safety --------------------------------------------------------
_REPEATS = {_sre_c.MAX_REPEAT, _sre_c.MIN_REPEAT}
_POSSESSIVE = getattr(_sre_c, "POSSESSIVE_REPEAT", None)
# Characters tried when asking "can these two parts match the same character?". Besides ASCII
# they hold letters that fold into ASCII ones under case-insensitive matching (long s, Kelvin
# sign, dotless i, sharp s ...), non-ASCII letters, digits and spaces; the characters written
# in the expression itself (and their case variants) are added for each expression.
_SAMPLE = ([chr(c) for c in range(32, 127)] +
           list("éøаб_ʼſKıİßẞΩµﬁǅΣσςжЖաԱ٣४\u00a0\u2003\u200b"))


def _regex_danger(expr: str) -> str | None:
    """Why ``expr`` may take more than linear time on a long token, or None.

    The rules (matching is case-insensitive unless ``--case-sensitive``, so overlaps are
    judged as if it were, and characters outside ASCII count):

    * a variable quantifier (``*``, ``+``, ``?``, ``{m,n}`` with m < n) may not sit inside
      another variable quantifier that can repeat more than once (``(a+)+``: exponential);
    * inside such a quantifier the branches of an alternation may not be able to start with
      the same character (``(a|ab)*``, ``(k|K)*``, ``(ſ|s)*``: exponential);
    * two unbounded quantifiers in a row may not be able to match the same characters, with
      nothing in between that only one of them could match (``a*a*b``, ``\\w*ion\\w*``,
      ``.*x.*``: polynomial -- a glob such as ``*ion*`` does the same in linear time).

    Possessive quantifiers and atomic groups do not backtrack and are allowed.
    """
    try:
        tree = _sre_parse.parse(expr)
    except (re.error, RecursionError, OverflowError):  # pragma: no cover - compiled before
        return "it is nested too deeply to check."
    icase = True  # matching ignores case unless --case-sensitive: judge as if it did
    sample = _sample_for(expr)
    try:
        return _walk(list(tree), False, icase, sample)
    except RecursionError:
        return "it is nested too deeply to check."


def _sample_for(expr: str) -> list:
    extra = set()
    for ch in expr:
        if ord(ch) > 126:
            extra.update({ch, ch.lower(), ch.upper(), ch.casefold()[:1]})
    return _SAMPLE + sorted(c for c in extra if len(c) == 1 and c not in _SAMPLE)


def _walk(items, in_repeat: bool, icase: bool, sample) -> str | None:
    why = _polynomial(items, icase, sample)
    if why:
        return why
    for op, av in items:
        if op in _REPEATS:
            lo, hi, sub = av
            variable = lo != hi
            repeats = hi == _sre_c.MAXREPEAT or hi > 1
            if variable and in_repeat:
                return ("a quantifier is nested inside another quantifier (as in '(a+)+'), "
                        "which can take exponential time.")
            outer = in_repeat or (variable and repeats)
            if outer:
                why = _ambiguous_branch(list(sub), icase, sample)
                if why:
                    return why
            why = _walk(list(sub), outer, icase, sample)
            if why:
                return why
        elif _POSSESSIVE is not None and op == _POSSESSIVE:
            continue
        elif op == _sre_c.SUBPATTERN:
            why = _walk(list(av[3]), in_repeat, icase, sample)
            if why:
                return why
        elif op == _sre_c.BRANCH:
            for alt in av[1]:
                why = _walk(list(alt), in_repeat, icase, sample)
                if why:
                    return why
        elif op in (_sre_c.ASSERT, _sre_c.ASSERT_NOT):
            why = _walk(list(av[1]), in_repeat, icase, sample)
            if why:
                return why
    return None


def _flat(items):
    """The items of a sequence with plain groups opened (``(a*)(a*)b`` is ``a* a* b``)."""
    out = []
    for op, av in items:
        if op == _sre_c.SUBPATTERN:
            out.extend(_flat(list(av[3])))
        else:
            out.append((op, av))
    return out


def _polynomial(items, icase: bool, sample) -> str | None:
    seq = _flat(items)
    unbounded = [i for i, (op, av) in enumerate(seq)
                 if op in _REPEATS and av[1] == _sre_c.MAXREPEAT and av[0] < av[1]]
    for a, b in zip(unbounded, unbounded[1:]):
        both = _consumable([seq[a]], icase, sample) & _consumable([seq[b]], icase, sample)
        if not both:
            continue
        between = [it for it in seq[a + 1:b] if it[0] != _sre_c.AT]
        if all(_consumable([it], icase, sample) & both for it in between):
            return ("two unbounded quantifiers in a row can match the same characters (as in "
                    "'a*a*b' or '\\w*ion\\w*'), which can take polynomial time on a long word.")
    return None


def _consumable(items, icase: bool, sample) -> set:
    """Sample characters that some part of ``items`` can consume."""
    out: set = set()
    for op, av in items:
        if op in _REPEATS or (_POSSESSIVE is not None and op == _POSSESSIVE):
            out |= _consumable(list(av[2]), icase, sample)
        elif op == _sre_c.SUBPATTERN:
            out |= _consumable(list(av[3]), icase, sample)
        elif op == _sre_c.BRANCH:
            for alt in av[1]:
                out |= _consumable(list(alt), icase, sample)
        elif op in (_sre_c.AT, _sre_c.ASSERT, _sre_c.ASSERT_NOT):
            continue
        else:
            out |= _first_chars([(op, av)], icase, sample)
    return out


def _ambiguous_branch(items, icase: bool, sample) -> str | None:
    for op, av in items:
        if op == _sre_c.BRANCH:
            firsts = [_first_chars(list(alt), icase, sample) for alt in av[1]]
            for i in range(len(firsts)):
                for j in range(i + 1, len(firsts)):
                    if firsts[i] & firsts[j]:
                        return ("alternatives inside a repeated group can start with the same "
                                "character (as in '(a|ab)*', or 'k' and 'K' when case is "
                                "ignored), which can take exponential time.")
        elif op == _sre_c.SUBPATTERN:
            why = _ambiguous_branch(list(av[3]), icase, sample)
            if why:
                return why
    return None


def _matching(regex: str, icase: bool, sample) -> set:
    try:
        rx = re.compile(regex, re.IGNORECASE if icase else 0)
    except (re.error, ValueError):
        return set(sample)
    return {c for c in sample if rx.fullmatch(c)}


def _first_chars(items, icase: bool, sample) -> set:
    """Sample characters that can start a match of ``items`` (a conservative sample)."""
    for op, av in items:
        if op == _sre_c.AT:
            continue
        if op == _sre_c.LITERAL:
            ch = chr(av)
            return _matching(re.escape(ch), icase, sample) | {ch}
        if op == _sre_c.NOT_LITERAL:
            return _matching(f"[^{re.escape(chr(av))}]", icase, sample)
        if op == _sre_c.ANY:
            return set(sample)
        if op == _sre_c.IN:
            try:
                return _matching(_in_to_regex(av), icase, sample)
            except ValueError:
                return set(sample)
        if op == _sre_c.SUBPATTERN:
            return _first_chars(list(av[3]), icase, sample)
        if op == _sre_c.BRANCH:
            out = set()
            for alt in av[1]:
                out |= _first_chars(list(alt), icase, sample)
            return out
        if op in _REPEATS or (_POSSESSIVE is not None and op == _POSSESSIVE):
            lo, _hi, sub = av
            first = _first_chars(list(sub), icase, sample)
            if lo == 0:
                return first | set(sample)  # may be skipped: anything may follow
            return first
        return set(sample)
    return set(sample)  # an empty alternative overlaps anything


def _in_to_regex(av) -> str:
    parts = []
    neg = False
    for op, a in av:
        if op == _sre_c.NEGATE:
            neg = True
        elif op == _sre_c.LITERAL:
            parts.append(re.escape(chr(a)))
        elif op == _sre_c.RANGE:
            parts.append(f"{re.escape(chr(a[0]))}-{re.escape(chr(a[1]))}")
        elif op == _sre_c.CATEGORY:
            parts.append({
                _sre_c.CATEGORY_DIGIT: r"\d", _sre_c.CATEGORY_NOT_DIGIT: r"\D",
                _sre_c.CATEGORY_SPACE: r"\s", _sre_c.CATEGORY_NOT_SPACE: r"\S",
                _sre_c.CATEGORY_WORD: r"\w", _sre_c.CATEGORY_NOT_WORD: r"\W",
            }.get(a, r"\s\S"))
        else:
            raise ValueError(op)
    return "[" + ("^" if neg else "") + "".join(parts) + "]"


# -- globs ------------------------------------------------------------------------------
class GlobMatcher:
    """A glob (``*`` any run of characters, ``?`` one character) matched in linear time.

    ``re`` would turn ``*a*a*a*b`` into ``.*a.*a.*a.*b``, which backtracks in polynomial time
    on a long word. Here the parts between the stars are found left to right, each at its
    first occurrence after the previous one (which is exact for globs: a later occurrence
    can never allow a match that the first one does not), so a word of n characters costs
    O(n x pattern length). Only :meth:`fullmatch` is provided, like the ``re`` method.

    Examples
    --------
    >>> GlobMatcher("*a*a*b").fullmatch("xaab") is not None
    True
    >>> GlobMatcher("co?rc*").fullmatch("coerced") is not None, GlobMatcher("a*b").fullmatch("ab c")
    (True, None)
    """

    def __init__(self, glob: str, flags: int = 0):
        self.pattern = glob
        parts = glob.split("*")
        self._star = len(parts) > 1
        self._parts = [re.compile("".join("." if ch == "?" else re.escape(ch) for ch in p),
                                  flags | re.DOTALL) for p in parts]
        self._lens = [len(p) for p in parts]

    def fullmatch(self, text: str):
        """``True`` when the whole of ``text`` matches the glob, else None."""
        first, last = self._parts[0], self._parts[-1]
        if not self._star:
            return True if first.fullmatch(text) else None
        if len(text) < sum(self._lens) or not first.match(text):
            return None
        pos = self._lens[0]
        end = len(text) - self._lens[-1]
        for rx, n in zip(self._parts[1:-1], self._lens[1:-1]):
            if n == 0:
                continue
            m = rx.search(text, pos, end)
            if m is None:
                return None
            pos = m.end()
        if pos > end or not last.fullmatch(text, end):
            return None
        return True


# --------------------------------------------------------------------------- categories
@dataclass(frozen=True)
class Category:
    """One category of a lexicon.

    Attributes
    ----------
    id : str
        Identifier used in every table (``category`` column).
    label : str
        Human-readable name (the id when none is given).
    definition : str
        The coding rule.
    parent : str or None
        Id of a broader category (need not have patterns of its own).
    patterns : tuple of Pattern
    exclude : tuple of Pattern
        Patterns whose occurrences the category's matches must not lie in.
    examples : dict
        ``{"positive": [...], "negative": [...]}`` example sentences.
    source : str
        Where the category comes from (a source note).
    line : int or None
    path : tuple of str
        The keys from the top level down to this category in a nested dictionary
        (``("economy", "pos")`` for ``economy.pos``); used by :meth:`Lexicon.at_levels`. Empty
        when not given: then it is worked out from ``parent``.
    """

    id: str
    label: str = ""
    definition: str = ""
    parent: str | None = None
    patterns: tuple = ()
    exclude: tuple = ()
    examples: dict = field(default_factory=dict, compare=False)
    source: str = ""
    line: int | None = field(default=None, compare=False)
    path: tuple = field(default=(), compare=False)


class Lexicon:
    """A validated lexicon: metadata and categories, in file order.

    Build one with :func:`read_lexicon` (a file or bundled name) or :func:`lexicon_from_dict`.

    Attributes
    ----------
    name, version, description, citation : str
    categories : tuple of Category
    format : str
        One of :data:`LEXICON_FORMATS`: the format it was read from.
    hyphen_variants : bool
        Whether non-exact patterns match hyphen variants (True for frameshift YAML and CSV;
        False for the imported dictionary formats, reproducing those tools).
    path : pathlib.Path or None

    Examples
    --------
    >>> lex = lexicon_from_dict({"coercion": ["coerc*", "impose*"], "talks": ["dialogue"]})
    >>> lex
    <Lexicon 'lexicon': 2 categories, 3 patterns>
    >>> lex.category_ids
    ['coercion', 'talks']
    >>> lex["coercion"].patterns[1].text
    'impose*'
    """

    def __init__(self, categories, *, name="lexicon", version="", description="",
                 citation="", format="frameshift", hyphen_variants=True, path=None,
                 meta=None):
        from frameshift.errors import bad_argument
        if isinstance(categories, (str, bytes)) or not hasattr(categories, "__iter__"):
            raise bad_argument("Lexicon", "categories", categories, "a list of Category",
                               "Build one with read_lexicon(...) or lexicon_from_dict(...).")
        self.categories = tuple(categories)
        self.name = str(name)
        self.version = "" if version is None else str(version)
        self.description = description or ""
        self.citation = citation or ""
        self.format = format
        self.hyphen_variants = bool(hyphen_variants)
        self.path = Path(path) if path is not None else None
        self.meta = dict(meta or {})
        self._index = {c.id: i for i, c in enumerate(self.categories)}

    @property
    def category_ids(self) -> list[str]:
        """Ids of the categories, in lexicon order."""
        return [c.id for c in self.categories]

    def __len__(self) -> int:
        return len(self.categories)

    def __iter__(self):
        return iter(self.categories)

    def __getitem__(self, category_id: str) -> Category:
        try:
            return self.categories[self._index[category_id]]
        except KeyError:
            raise KeyError(f"{category_id!r} is not a category of lexicon {self.name!r}; "
                           f"categories: {', '.join(self.category_ids)}") from None

    def __contains__(self, category_id) -> bool:
        return category_id in self._index

    @property
    def languages(self) -> list[str]:
        """ISO 639-1 codes of the languages its terms are given in, sorted (empty when no
        pattern names a language).

        Examples
        --------
        >>> lex = lexicon_from_dict({"talks": ["dialogue"]})
        >>> lex.languages
        []
        """
        return sorted({p.language for c in self.categories for p in c.patterns + c.exclude
                       if p.language is not None})

    def _language_note(self, patterns) -> str:
        """``'en 2, ru 1, any 1'``: patterns per language ('' when none names a language)."""
        langs = [p.language for p in patterns]
        if all(x is None for x in langs):
            return ""
        parts = [f"{code} {langs.count(code)}" for code in sorted(set(langs) - {None})]
        if None in langs:
            parts.append(f"any {langs.count(None)}")
        return ", ".join(parts)

    def __repr__(self) -> str:
        pats = [p for c in self.categories for p in c.patterns]
        note = self._language_note(pats)
        return (f"<Lexicon {self.name!r}: {len(self)} categories, {len(pats)} patterns"
                f"{' (' + note + ')' if note else ''}>")

    def summary(self) -> pd.DataFrame:
        """One row per category: id, label, parent, patterns, exclude, languages.

        ``languages`` counts the patterns per language (``"en 2, ru 1"``; ``any`` for those
        of no language), empty when no pattern of the lexicon names a language.

        Examples
        --------
        >>> from frameshift.lexicon import lexicon_from_dict
        >>> lex = lexicon_from_dict({"talks": ["dialogue", "talks"], "force": ["coerc*"]})
        >>> lex.summary()[["category", "patterns", "languages"]]
          category  patterns languages
        0    talks         2
        1    force         1
        """
        rows = [{"category": c.id, "label": c.label, "parent": c.parent or "",
                 "patterns": len(c.patterns), "exclude": len(c.exclude),
                 "languages": self._language_note(c.patterns)} for c in self.categories]
        return pd.DataFrame(rows, columns=["category", "label", "parent", "patterns",
                                           "exclude", "languages"])

    def _repr_html_(self) -> str:
        import html

        note = self._language_note([p for c in self.categories for p in c.patterns])
        head = (f"<p><b>Lexicon {html.escape(self.name)}</b>"
                f"{' ' + html.escape(self.version) if self.version else ''}: "
                f"{len(self)} categories, "
                f"{sum(len(c.patterns) for c in self.categories)} patterns"
                f"{' (' + html.escape(note) + ')' if note else ''}"
                f"{' &mdash; ' + html.escape(self.description[:200]) if self.description else ''}"
                f"</p>")
        rows = []
        for c in self.categories:
            pats = ", ".join(p.text + (f" [{p.language}]" if p.language else "")
                             for p in c.patterns)
            if len(pats) > 120:
                pats = pats[:117] + "..."
            excl = ", ".join(p.text for p in c.exclude)
            rows.append({"id": c.id, "label": c.label, "patterns": pats,
                         "exclude": excl, "definition": (c.definition[:160] + "...")
                         if len(c.definition) > 160 else c.definition})
        table = pd.DataFrame(rows, columns=["id", "label", "patterns", "exclude", "definition"])
        return head + table.to_html(index=False, escape=True)

    def with_category(self, category_id: str, patterns, *, label: str = "",
                      definition: str = "", exclude=(), source: str = "",
                      replace: bool = False, language: str | None = None) -> "Lexicon":
        """A copy of the lexicon with one category added (or replaced, with ``replace=True``).

        Patterns are parsed and validated as in a lexicon file; ``language`` (an ISO 639-1
        code) is given to each of them. The lexicon itself is not modified.

        Examples
        --------
        >>> lex = lexicon_from_dict({"coercion": ["coerc*"]})
        >>> lex.with_category("talks", ["dialogue", "talks"], label="Dialogue").category_ids
        ['coercion', 'talks']
        """
        if category_id in self and not replace:
            raise LexiconError(f"category {category_id!r} already exists in lexicon "
                               f"{self.name!r}. Pass replace=True to replace it, or choose "
                               f"another id.")
        exact = not self.hyphen_variants
        parsed = tuple(parse_pattern(p, exact=exact, language=language) for p in patterns)
        if not parsed:
            raise LexiconError(f"category {category_id!r} has no patterns. Give at least one.")
        excluded = tuple(parse_pattern(p, exact=exact, language=language) for p in exclude)
        cat = Category(id=category_id, label=label or category_id, definition=definition,
                       patterns=parsed, exclude=excluded, source=source)
        cats = [cat if c.id == category_id else c for c in self.categories]
        if category_id not in self:
            cats.append(cat)
        return self._copy(cats)

    def without_patterns(self, category_id: str, patterns) -> "Lexicon":
        """A copy of the lexicon with some patterns of one category removed.

        Examples
        --------
        >>> lex = lexicon_from_dict({"talks": ["talks", "dialogue"]})
        >>> [p.text for p in lex.without_patterns("talks", ["talks"])["talks"].patterns]
        ['dialogue']
        """
        cat = self[category_id]
        drop = set(patterns)
        unknown = drop - {p.text for p in cat.patterns}
        if unknown:
            raise LexiconError(f"category {category_id!r} has no pattern(s) "
                               f"{sorted(unknown)}; its patterns are: "
                               f"{', '.join(p.text for p in cat.patterns)}.")
        kept = tuple(p for p in cat.patterns if p.text not in drop)
        if not kept:
            raise LexiconError(f"removing {sorted(drop)} would leave category "
                               f"{category_id!r} empty. Remove the category instead.")
        new = dataclasses.replace(cat, patterns=kept)
        return self._copy([new if c.id == category_id else c for c in self.categories])

    def path_of(self, category_id: str) -> tuple:
        """The keys from the top level down to a category (see :attr:`Category.path`).

        Examples
        --------
        >>> lex = lexicon_from_dict({"economy": {"pos": ["growth"], "neg": ["crisis"]}})
        >>> lex.path_of("economy.neg")
        ('economy', 'neg')
        """
        seen = set()
        out: list = []
        cid = category_id
        while cid is not None and cid not in seen:
            seen.add(cid)
            c = self.categories[self._index[cid]] if cid in self._index else None
            if c is not None and c.path:
                return tuple(c.path) + tuple(reversed(out))
            parent = c.parent if c is not None else None
            if parent and cid.startswith(parent + "."):
                out.append(cid[len(parent) + 1:])
            else:
                out.append(cid)
            cid = parent
        return tuple(reversed(out))

    def at_levels(self, levels) -> "Lexicon":
        """The lexicon with the keys of the chosen nesting levels only (quanteda's ``levels=``).

        A category's key is made of the keys of its path (:meth:`path_of`) at the chosen
        levels (1 = top), joined by ``.``; categories that get the same key are merged (their
        patterns pooled, repeats dropped) and those whose key is empty are left out. So with
        ``economy.pos`` and ``economy.neg``, ``levels=1`` gives one category ``economy`` and
        ``levels=2`` gives ``pos`` and ``neg``; a pattern of ``economy`` itself is kept by
        ``levels=1`` and left out by ``levels=2``. This is quanteda's
        ``tokens_lookup(levels=)``, ``dfm_lookup(levels=)`` and
        ``flatten_dictionary(levels=)`` (whose default, ``1:5``, merges levels below the fifth
        into the fifth; here every level is kept unless chosen otherwise).

        Parameters
        ----------
        levels : int or iterable of int
            Levels to keep, each at least 1.

        Examples
        --------
        >>> lex = lexicon_from_dict({"economy": {"pos": ["growth"], "neg": ["crisis"]},
        ...                          "war": ["war"]})
        >>> lex.at_levels(1).category_ids
        ['economy', 'war']
        >>> [p.text for p in lex.at_levels(1)["economy"].patterns]
        ['growth', 'crisis']
        >>> lex.at_levels(2).category_ids
        ['pos', 'neg']
        """
        if isinstance(levels, (int, str)) and not isinstance(levels, bool):
            levels = [levels]
        try:
            chosen = sorted({int(x) for x in levels})
        except (TypeError, ValueError):
            raise LexiconError(f"levels must be whole numbers of 1 or more (1 = top level), "
                               f"not {levels!r}.") from None
        if not chosen or chosen[0] < 1:
            raise LexiconError(f"levels must be whole numbers of 1 or more (1 = top level), "
                               f"not {levels!r}.")
        keep = set(chosen)
        groups: dict = {}
        for c in self.categories:
            path = self.path_of(c.id)
            new_path = tuple(seg for i, seg in enumerate(path, 1) if i in keep)
            if not new_path:
                continue
            groups.setdefault(new_path, []).append(c)
        cats = []
        for new_path, members in groups.items():
            first = members[0]
            cid = ".".join(new_path)
            parent = ".".join(new_path[:-1]) or None
            if len(members) == 1 and first.id == cid:
                cats.append(dataclasses.replace(first, parent=parent, path=new_path))
                continue
            cats.append(dataclasses.replace(
                first, id=cid, label=cid if len(members) > 1 or first.label == first.id
                else first.label, parent=parent, path=new_path,
                patterns=_pooled(m.patterns for m in members),
                exclude=_pooled(m.exclude for m in members),
                definition=first.definition if len(members) == 1 else "",
                examples=first.examples if len(members) == 1 else {}))
        if not cats:
            depth = max((len(self.path_of(c.id)) for c in self.categories), default=0)
            raise LexiconError(f"lexicon {self.name!r} has no categories at levels {chosen} "
                               f"(its deepest level is {depth}). Choose levels from 1 to "
                               f"{depth}.")
        lex = self._copy(cats)
        lex.path = self.path
        return lex

    def _copy(self, categories) -> "Lexicon":
        return Lexicon(categories, name=self.name, version=self.version,
                       description=self.description, citation=self.citation,
                       format=self.format, hyphen_variants=self.hyphen_variants,
                       path=None, meta=self.meta)

    def to_frame(self) -> pd.DataFrame:
        """One row per pattern: category, pattern, kind, exact, exclude, line, language
        (ISO 639-1 code; empty for a pattern of any language).

        Examples
        --------
        >>> lexicon_from_dict({"a": ["x*", "y z"]}).to_frame()[["category", "pattern", "kind"]]
          category pattern    kind
        0        a      x*    glob
        1        a     y z  phrase
        """
        rows = []
        for c in self.categories:
            for excl, pats in ((False, c.patterns), (True, c.exclude)):
                for p in pats:
                    rows.append({"category": c.id, "pattern": p.text, "kind": p.kind,
                                 "exact": p.exact or not self.hyphen_variants,
                                 "exclude": excl, "line": p.line, "language": p.language or ""})
        return pd.DataFrame(rows, columns=["category", "pattern", "kind", "exact", "exclude",
                                           "line", "language"])

    def fingerprint(self) -> str:
        """SHA-256 of the categories and patterns (for provenance)."""
        def term(p):  # a pattern without a language is written as before (same hash)
            return p.text if p.language is None else [p.text, p.language]

        data = [self.name, self.version, self.hyphen_variants,
                [[c.id, c.parent, [term(p) for p in c.patterns], [term(p) for p in c.exclude]]
                 for c in self.categories]]
        return hashlib.sha256(json.dumps(data).encode("utf-8")).hexdigest()

    def provenance(self) -> dict:
        """Name, version, format, path and fingerprint, for manifests."""
        return {"name": self.name, "version": self.version, "format": self.format,
                "path": str(self.path) if self.path else None,
                "sha256": self.fingerprint()}


def _pooled(pattern_lists) -> tuple:
    """Patterns of several categories, in order, each (text, language) once."""
    out, seen = [], set()
    for pats in pattern_lists:
        for p in pats:
            key = (p.text.casefold(), p.language)
            if key not in seen:
                seen.add(key)
                out.append(p)
    return tuple(out)


# --------------------------------------------------------------------------- building
class _Builder:
    """Collects categories and problems while a file is read."""

    def __init__(self, path, strict: bool, *, loose_ids: bool = False):
        self.path = path
        self.strict = strict
        self.loose_ids = loose_ids
        self.problems: list[Problem] = []
        self.categories: list[Category] = []
        self._ids: dict[str, int | None] = {}

    def problem(self, msg, fix, line=None, kind="error"):
        self.problems.append(_Problem(msg, fix, kind=kind, path=self.path, line=line))

    def add(self, cid, entries, *, line=None, label="", definition="", parent=None,
            exclude=(), examples=None, source="", exact=False, path=()):
        """entries/exclude: lists of (text, line) or (text, line, language)."""
        rx = _LOOSE_ID_RE if self.loose_ids else _ID_RE
        if not isinstance(cid, str) or not cid.strip() or not rx.match(cid.strip()):
            self.problem(f"category id {cid!r} is not valid.",
                         "Give an id without commas, tabs or line breaks, e.g. "
                         "'international_format'.", line)
            return
        cid = cid.strip()
        if cid in self._ids:
            first = self._ids[cid]
            self.problem(f"category {cid!r} is defined twice"
                         + (f" (first at line {first})." if first else "."),
                         "Merge the two definitions or rename one.", line)
            return
        self._ids[cid] = line
        pats = self._patterns(cid, entries, exact, "pattern")
        excl = self._patterns(cid, exclude, exact, "exclusion")
        if not entries:
            self.problem(f"category {cid!r} has no patterns.",
                         "Add patterns or remove the category.", line, kind="quality")
        self.categories.append(Category(
            id=cid, label=str(label or cid), definition=str(definition or "").strip(),
            parent=None if parent in (None, "") else str(parent), patterns=tuple(pats),
            exclude=tuple(excl), examples=dict(examples or {}), source=str(source or "").strip(),
            line=line, path=tuple(path)))

    def _patterns(self, cid, entries, exact, what):
        """entries: (text, line) or (text, line, language)."""
        out = []
        seen: dict = {}
        for entry in entries:
            text, line = entry[0], entry[1]
            language = entry[2] if len(entry) > 2 else None
            pat, probs = _parse_pattern(text, exact=exact, path=self.path, line=line,
                                        language=language)
            for p in probs:
                p.message = f"category {cid!r}: {p.message}"
            self.problems.extend(probs)
            if pat is None:
                continue
            key = (pat.kind, pat.exact, pat.language,
                   tuple(w.casefold() if isinstance(w, str) else w for w in pat.words))
            if key in seen:
                self.problem(
                    f"category {cid!r}: duplicate {what} {pat.text!r}"
                    + (f" (first at line {seen[key]})." if seen[key] else "."),
                    "Remove the repeated entry.", line, kind="quality")
                continue
            seen[key] = line
            out.append(pat)
        return out

    def finish(self, **meta) -> Lexicon:
        # a "note" (what an imported dictionary loses, as quanteda reports it) never stops
        errors = [p for p in self.problems
                  if p.kind == "error" or (self.strict and p.kind == "quality")]
        if errors:
            where = f"{self.path}: " if self.path else ""
            n = len(errors)
            raise LexiconError(f"{where}{n} problem{'s' if n > 1 else ''} in the lexicon:",
                               problems=errors, path=self.path)
        if self.problems:
            warnings.warn("\n".join(str(p) for p in self.problems), LexiconWarning,
                          stacklevel=3)
        if not self.categories:
            raise LexiconError(f"{self.path or 'lexicon'}: no categories.",
                               path=self.path)
        lex = Lexicon(self.categories, path=self.path, **meta)
        lex.problems = list(self.problems)  # quality problems that were accepted
        return lex


