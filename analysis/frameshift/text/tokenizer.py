"""Text normalisation and tokenisation with character offsets, shared by every stage.

One tokenizer is used everywhere (matching, counting, KWIC, keyness), so that a count, a match
row and a concordance line always agree. Its rules, stated once:

* **Words** are runs of letters, digits, underscores and combining marks. A word may contain
  internal joiners -- hyphens (``re-integration``, ``Azerbaijan-Karabakh`` stay one token),
  apostrophes (``nation's``), periods (``U.S``, ``e.g``, ``mfa.gov.az``) and, between
  digits, commas (``1,000``). A period after two lower-case letters and before a capital or
  a digit is not a joiner but a sentence end written without a space (``регионе.Об``,
  ``Лавров.18``, ``yayıb.XİN-dən``; not after ``www``); the cased letters are those of the
  Latin, Greek, Cyrillic and Armenian blocks. Soft hyphens, zero-width joiners and word joiners inside a word are kept in the
  word and removed from its normalised form. A zero-width *space* separates words.
* **Normalised form** (the *type* used for matching): Unicode NFKC, typographic apostrophes and
  hyphens folded to ASCII (``’`` -> ``'``, ``‑`` -> ``-``), invisible characters removed, then
  case-folded (``str.casefold``) unless case is kept. Case folding treats the Turkic i's as
  one letter: ``İ``, ``I``, ``ı`` and ``i`` all fold to ``i``, so that Azerbaijani and Turkish
  ``İnteqrasiya`` matches ``inteqrasiya`` and ``BAKI`` matches ``Bakı`` (``str.casefold``
  alone turns ``İ`` into ``i`` plus a combining dot, and ``I`` into ``i``, never ``ı``).
* **Sentences** end at ``.``, ``!``, ``?`` or the Armenian full stop ``։`` (U+0589; not after
  a known abbreviation -- English, Russian, Azerbaijani and Armenian ones, ``ABBREVIATIONS``
  -- or a single capital initial, nor before a lower-case word) and at blank lines
  (paragraph breaks). A title line without a period is a sentence: a line break after a
  letter and before a capital of the same script ends one where its line is a paragraph of
  its own with no sentence end in it (the first line of a text, or one after a blank line).
  In Armenian text an ASCII colon used as the full stop also ends one: a ``:`` right after an
  Armenian letter (or after one and a closing quote or bracket) and before whitespace.
  The Armenian question, exclamation and emphasis marks ``՞ ՜ ՛`` are written on the stressed
  vowel of a word (``Ի՞նչ``, ``ինչո՞ւ``), not at the end of a sentence, which still ends with
  ``։``; they stay inside their word and are dropped from its normalised form. Assembled statements join their
  fragments with a blank line, so no phrase ever matches across two quoted fragments.
* Punctuation is not a token: counts of tokens (and rates per 1,000 tokens) are counts of words.
* Every token keeps the character offsets ``[start, end)`` of its surface in the original text;
  ``text[start:end]`` is exactly the token as written.

No data package is downloaded: the tokenizer is the regular expression ``TOKEN_PATTERN`` below
(the tests check that it gives exactly what :class:`nltk.tokenize.RegexpTokenizer` gives with the
same pattern), and the abbreviation list ships with the package. NLTK is not imported here, so
``import frameshift`` and the command line start quickly.
"""

from __future__ import annotations

import hashlib
import re
import sys
import unicodedata
from dataclasses import asdict, dataclass, field

import numpy as np

from frameshift.errors import bad_argument, check_text_argument

__all__ = [
    "TokenizerSettings",
    "Tokens",
    "normalize",
    "fold_case",
    "tokenize",
    "tokenize_text",
    "word_spans",
    "sentence_spans",
]

# Characters that may sit inside a word without splitting it and vanish from its normal form.
_INVISIBLE = "\u00ad\u200c\u200d\u2060\ufeff"
# Combining marks: every code point of the Basic Multilingual Plane in Unicode categories Mn,
# Mc and Me (Unicode 14.0, Python 3.11's unicodedata), so that NFD input tokenizes like NFC
# input and vowel signs, viramas and points of every script stay inside their word.
# (Marks beyond U+FFFF -- Brahmi, Chakma, musical notation -- are left out: a character class
# reaching past the BMP makes Python's regex engine test every range one by one, which
# tripled the tokenizer's time. tests/test_text_equivalence.py checks this list.)
_MARKS = (
    "\u0300-\u036f\u0483-\u0489\u0591-\u05bd\u05bf\u05c1-\u05c2\u05c4-\u05c5\u05c7"
    "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06dc\u06df-\u06e4\u06e7-\u06e8\u06ea-\u06ed"
    "\u0711\u0730-\u074a\u07a6-\u07b0\u07eb-\u07f3\u07fd\u0816-\u0819\u081b-\u0823"
    "\u0825-\u0827\u0829-\u082d\u0859-\u085b\u0898-\u089f\u08ca-\u08e1\u08e3-\u0903"
    "\u093a-\u093c\u093e-\u094f\u0951-\u0957\u0962-\u0963\u0981-\u0983\u09bc\u09be-\u09c4"
    "\u09c7-\u09c8\u09cb-\u09cd\u09d7\u09e2-\u09e3\u09fe\u0a01-\u0a03\u0a3c\u0a3e-\u0a42"
    "\u0a47-\u0a48\u0a4b-\u0a4d\u0a51\u0a70-\u0a71\u0a75\u0a81-\u0a83\u0abc\u0abe-\u0ac5"
    "\u0ac7-\u0ac9\u0acb-\u0acd\u0ae2-\u0ae3\u0afa-\u0aff\u0b01-\u0b03\u0b3c\u0b3e-\u0b44"
    "\u0b47-\u0b48\u0b4b-\u0b4d\u0b55-\u0b57\u0b62-\u0b63\u0b82\u0bbe-\u0bc2\u0bc6-\u0bc8"
    "\u0bca-\u0bcd\u0bd7\u0c00-\u0c04\u0c3c\u0c3e-\u0c44\u0c46-\u0c48\u0c4a-\u0c4d"
    "\u0c55-\u0c56\u0c62-\u0c63\u0c81-\u0c83\u0cbc\u0cbe-\u0cc4\u0cc6-\u0cc8\u0cca-\u0ccd"
    "\u0cd5-\u0cd6\u0ce2-\u0ce3\u0d00-\u0d03\u0d3b-\u0d3c\u0d3e-\u0d44\u0d46-\u0d48"
    "\u0d4a-\u0d4d\u0d57\u0d62-\u0d63\u0d81-\u0d83\u0dca\u0dcf-\u0dd4\u0dd6\u0dd8-\u0ddf"
    "\u0df2-\u0df3\u0e31\u0e34-\u0e3a\u0e47-\u0e4e\u0eb1\u0eb4-\u0ebc\u0ec8-\u0ecd"
    "\u0f18-\u0f19\u0f35\u0f37\u0f39\u0f3e-\u0f3f\u0f71-\u0f84\u0f86-\u0f87\u0f8d-\u0f97"
    "\u0f99-\u0fbc\u0fc6\u102b-\u103e\u1056-\u1059\u105e-\u1060\u1062-\u1064\u1067-\u106d"
    "\u1071-\u1074\u1082-\u108d\u108f\u109a-\u109d\u135d-\u135f\u1712-\u1715\u1732-\u1734"
    "\u1752-\u1753\u1772-\u1773\u17b4-\u17d3\u17dd\u180b-\u180d\u180f\u1885-\u1886\u18a9"
    "\u1920-\u192b\u1930-\u193b\u1a17-\u1a1b\u1a55-\u1a5e\u1a60-\u1a7c\u1a7f\u1ab0-\u1ace"
    "\u1b00-\u1b04\u1b34-\u1b44\u1b6b-\u1b73\u1b80-\u1b82\u1ba1-\u1bad\u1be6-\u1bf3"
    "\u1c24-\u1c37\u1cd0-\u1cd2\u1cd4-\u1ce8\u1ced\u1cf4\u1cf7-\u1cf9\u1dc0-\u1dff"
    "\u20d0-\u20f0\u2cef-\u2cf1\u2d7f\u2de0-\u2dff\u302a-\u302f\u3099-\u309a\ua66f-\ua672"
    "\ua674-\ua67d\ua69e-\ua69f\ua6f0-\ua6f1\ua802\ua806\ua80b\ua823-\ua827\ua82c"
    "\ua880-\ua881\ua8b4-\ua8c5\ua8e0-\ua8f1\ua8ff\ua926-\ua92d\ua947-\ua953\ua980-\ua983"
    "\ua9b3-\ua9c0\ua9e5\uaa29-\uaa36\uaa43\uaa4c-\uaa4d\uaa7b-\uaa7d\uaab0\uaab2-\uaab4"
    "\uaab7-\uaab8\uaabe-\uaabf\uaac1\uaaeb-\uaaef\uaaf5-\uaaf6\uabe3-\uabea\uabec-\uabed"
    "\ufb1e\ufe00-\ufe0f\ufe20-\ufe2f"
)
_W = rf"[\w{_MARKS}{_INVISIBLE}]"
# Lower- and upper-case letters of the Latin, Greek, Cyrillic and Armenian blocks (below
# U+0588), as str.islower / str.isupper see them: the C scan tests the same code points with
# Py_UNICODE_ISLOWER / Py_UNICODE_ISUPPER.
_CASED_END = 0x0588


def _char_class(test, lo: int = 0, hi: int = _CASED_END) -> str:
    out, o = [], lo
    while o < hi:
        if test(chr(o)):
            a = o
            while o + 1 < hi and test(chr(o + 1)):
                o += 1
            out.append(re.escape(chr(a)) + ("-" + re.escape(chr(o)) if o > a else ""))
        o += 1
    return "".join(out)


_LOWER = _char_class(str.islower)
_UPPER = _char_class(str.isupper)
# A period joins two words (U.S, e.g, 3.5, mfa.gov.az, İ.Əliyev) except where a sentence
# ends without a space: after two lower-case letters and before a capital or a digit
# (``регионе.Об``, ``yayıb.XİN-dən``, ``Лавров.18``), unless it follows ``www``
# (``www.President.az``).
_DOT_JOIN = rf"\.(?!(?<=[{_LOWER}][{_LOWER}]\.)(?<!www\.)[{_UPPER}\d])"
_JOIN = rf"(?:[-'’\u2010\u2011\u02bc]|{_DOT_JOIN})"
# Armenian emphasis, exclamation and question marks (U+055B, U+055C, U+055E): written after
# the stressed vowel, inside or at the end of a word.
_ARM_MARKS = "\u055b\u055c\u055e"
WORD_PATTERN = rf"{_W}+(?:(?:{_JOIN}|(?<=\d),(?=\d)){_W}+|[{_ARM_MARKS}]{_W}*)*"
# Sentence-final punctuation runs and paragraph breaks are emitted as boundary tokens.
# (U+0589 is the Armenian full stop.)
_ENDS = ".!?\u0589"
# Armenian texts typed on Latin keyboards write the full stop as an ASCII colon: a ":" right
# after an Armenian letter (or after one and a closing quote or bracket) and followed by
# whitespace ends a sentence; the boundary token is the colon and that whitespace character,
# so that it differs from a plain ":" (issue 16; text/languages.py).
_ARM_COLON = (r':(?:(?<=[\u0531-\u0556\u0561-\u0587]:)|(?<=[\u0531-\u0556\u0561-\u0587][»”")]:))'
              r"[ \t\r\n\u00a0]")
# A heading line: a line break after a letter and before a capital of the same script
# (Latin, Greek, Cyrillic, Armenian; after an opening quote or bracket, if any) -- a name in
# another script after a break, "հաղորդում է\nZinvor.info-ն", continues the sentence. The
# token is the line break with the spaces before it; it ends a sentence only where its line
# is a paragraph of its own with no sentence end in it (the first line of a text, or a line
# after a blank line or after another heading line; tokenize() decides), as a reader counts
# a title written without a period. _scan.c's LINE_BLOCK holds the same blocks.
_OPENERS = "«“„\"("
_BLOCKS = ((0, 0x0370), (0x0370, 0x0400), (0x0400, 0x0530), (0x0530, _CASED_END))
_LINE_END = "|".join(
    rf"(?<=[{_char_class(lambda c: c.islower() or c.isupper(), lo, hi)}])[ \t\r\u00a0]*\n"
    rf"(?=[ \t\u00a0]*[{_OPENERS}]?[{_char_class(str.isupper, lo, hi)}])"
    for lo, hi in _BLOCKS)
BOUNDARY_PATTERN = rf"[.!?\u0589]+|{_ARM_COLON}|\n[ \t\r\u00a0]*\n|{_LINE_END}"
TOKEN_PATTERN = rf"{WORD_PATTERN}|{BOUNDARY_PATTERN}"
def _compile_scans() -> None:
    """Compile the regular expressions of the pure-Python scan: ``_TOKEN_RE`` (the pattern),
    ``_findall`` and ``_scan``. They are compiled on first use (about 10 ms at start-up that
    the C scan, where it is built, never needs); the module attributes of those names are
    looked up through :func:`__getattr__`, which compiles them."""
    global _TOKEN_RE, _findall, _scan
    _TOKEN_RE = re.compile(TOKEN_PATTERN)
    # The same pattern with possessive quantifiers (Python >= 3.11), which scans about 10%
    # faster. Nothing in the pattern follows a quantified part that could give characters
    # back to it, so the first match found is the same either way
    # (tests/test_text_equivalence.py checks it).
    if sys.version_info >= (3, 11):
        _findall = re.compile(
            rf"{_W}++(?:(?:{_JOIN}|(?<=\d),(?=\d)){_W}++|[{_ARM_MARKS}]{_W}*+)*+"
            rf"|[.!?\u0589]++|{_ARM_COLON}|\n[ \t\r\u00a0]*+\n|{_LINE_END}"
        ).findall
    else:  # pragma: no cover
        _findall = _TOKEN_RE.findall
    # The scan used by :func:`tokenize` without the C scan: the same tokens, plus
    # one-character "gap" tokens that record what separates two words -- any character that is
    # neither whitespace nor able to start a token (``,``, quotes, brackets: ``_JUNK``), and a
    # whitespace character directly before a period other than a line break
    # (``_SPACE_DOT``). Word and boundary tokens are tried first at every position, so they
    # are exactly those of ``_findall``; the characters the scan skips are then whitespace
    # only. This gives the adjacency flag of every word (``Tokens.adjacent``) at the cost of
    # ~10% more scanning, so that matching never re-reads the text.
    _scan = re.compile(_findall.__self__.pattern + r"|[^\s\w.!?\u0589]|[^\S\n](?=\.)").findall


_LAZY_SCANS = ("_TOKEN_RE", "_findall", "_scan")


def __getattr__(name: str):
    if name in _LAZY_SCANS:
        _compile_scans()
        return globals()[name]
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


def _scan_function(name: str):
    """``_findall`` or ``_scan`` (compiled on first use)."""
    got = globals().get(name)
    if got is None:
        _compile_scans()
        got = globals()[name]
    return got


_WORD_START = re.compile(_W).match
# The same scan in C (``_scan.c``, built by ``pip install`` where a C compiler is found): it
# looks every token up in the vocabulary as it finds it, with no list of strings in between
# (about 3x faster). Its character classes come from the constants above; without it, the
# regular expression runs (tests/test_text_equivalence.py checks that both agree).
_JOIN_CHARS = "-'\u2019\u2010\u2011\u02bc."  # the characters of _JOIN
try:
    from frameshift.text import _scan as _cext
except ImportError:  # pragma: no cover - built without a C compiler
    _cscan = _cspans = _ccache = None
else:
    _cext.configure(_MARKS + _INVISIBLE, _JOIN_CHARS, _ARM_MARKS, _ENDS, _CASED_END)
    _cscan, _cspans = _cext.scan, _cext.spans
    # the scans of one tokenize() call share a cache of the codes of the tokens seen so far,
    # keyed by their characters (no str object per token); an extension built before the
    # cache existed has no cache() and scans without one
    _ccache = getattr(_cext, "cache", None)

_FOLD_TABLE = str.maketrans(
    {
        "’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'",
        "‐": "-", "‑": "-", "‒": "-", "–": "-", "—": "-", "−": "-",
        "“": '"', "”": '"', "„": '"', "«": '"', "»": '"',
        "\u00a0": " ", "\u202f": " ", "\u2007": " ",
        **{c: None for c in _INVISIBLE + "\u200b" + _ARM_MARKS},
    }
)

# Abbreviations after which a period does not end a sentence (casefolded, without the final
# dot). English; Russian (the common abbreviations of Russian news and official texts: г.
# "year/city", гг., ул., д., ст., стр., т.е., тыс., млн, млрд., руб., им., см., напр., ген.,
# зам. ...; not т.д., т.п., др., which mostly end a sentence); Azerbaijani (səh. "page",
# b.e. "Ph.D."; not ``və s.`` "etc.", which mostly ends one); Armenian (թ. "year" in ``2023 թ.``, թթ. "years", պրն. "Mr", տիկ. "Mrs", էջ.
# "page"), whose sentences end with ``։`` anyway.
ABBREVIATIONS = frozenset(
    """mr mrs ms dr prof st jr sr gen col lt capt sgt rev hon gov sen rep pres vs etc e.g i.e
    u.s u.s.a u.k u.n no nos vol art fig jan feb mar apr jun jul aug sep sept oct nov dec
    inc ltd co corp dept est approx cf al ca
    г гг ул д ст стр т.е т.к пр тыс млн млрд руб долл им см напр ген зам полк проф акад
    обл р-н кв
    səh b.e
    թ թթ պրն տիկ էջ""".split()
)


@dataclass(frozen=True)
class TokenizerSettings:
    """Settings of the tokenizer; part of the provenance of every result.

    Parameters
    ----------
    casefold : bool, default True
        Fold case in the normalised form (case-insensitive matching).
    unicode_form : str, default "NFKC"
        Unicode normalisation applied to every token's form.
    """

    casefold: bool = True
    unicode_form: str = "NFKC"
    version: str = field(default="1", init=False)

    def as_dict(self) -> dict:
        """Return the settings as a plain dict (for manifests and provenance)."""
        d = asdict(self)
        # The pattern lists every combining mark; record its SHA-256, not the 2 KB string.
        d["pattern_sha256"] = hashlib.sha256(TOKEN_PATTERN.encode("utf-8")).hexdigest()
        return d


def normalize(text: str, *, casefold: bool = True, unicode_form: str = "NFKC") -> str:
    """Normalise a string the way token forms are normalised.

    Typographic quotes, apostrophes and dashes are folded to ASCII, no-break spaces become
    spaces, invisible characters are removed, then Unicode ``unicode_form`` and case folding
    are applied.

    Examples
    --------
    >>> normalize("Artsakh’s RE‑INTEGRATION")
    "artsakh's re-integration"
    >>> normalize("coer\\u00adcion")
    'coercion'
    """
    check_text_argument(text, "text", "normalize")
    out = unicodedata.normalize(unicode_form, text.translate(_FOLD_TABLE))
    out = out.translate(_FOLD_TABLE)
    return fold_case(out) if casefold else out


def fold_case(s: str) -> str:
    """``str.casefold``, with the Turkic i's folded to one ``i`` (the tokenizer's case fold).

    Examples
    --------
    >>> fold_case("İnteqrasiya BAKI Bakı Straße")
    'inteqrasiya baki baki strasse'
    """
    check_text_argument(s, "s", "fold_case")
    out = s.casefold()
    if "\u0307" in out or "ı" in out:
        out = out.replace("i\u0307", "i").replace("ı", "i")
    return out


def word_spans(text: str) -> list[tuple[int, int]]:
    """Character spans ``(start, end)`` of the word tokens of ``text``.

    Examples
    --------
    >>> t = "Re-integration, they said: no."
    >>> [t[a:b] for a, b in word_spans(t)]
    ['Re-integration', 'they', 'said', 'no']
    """
    check_text_argument(text, "text", "word_spans")
    if _cspans is not None:
        a, b = _word_offsets(text)
        return list(zip(a.tolist(), b.tolist()))
    surf, starts = _surfaces_and_starts(text)
    return [(a, a + len(s)) for s, a in zip(surf, starts) if not _is_boundary(s)]


def _word_offsets(text: str) -> tuple[np.ndarray, np.ndarray]:
    """``(starts, ends)`` of the word tokens of ``text``, as int64 arrays."""
    if _cspans is not None:
        a, b = _cspans(text)
        return np.frombuffer(a, dtype=np.int64), np.frombuffer(b, dtype=np.int64)
    arr = np.asarray(word_spans(text), dtype=np.int64).reshape(-1, 2)
    return arr[:, 0], arr[:, 1]


def _is_boundary(surface: str) -> bool:
    c = surface[0]
    return c in _ENDS or c.isspace() or (c == ":" and len(surface) > 1)


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Character spans of the sentences of ``text`` (from first to last word of each).

    Examples
    --------
    >>> t = "The U.S. agreed. Baku did not! Why?"
    >>> [t[a:b] for a, b in sentence_spans(t)]
    ['The U.S. agreed', 'Baku did not', 'Why']
    """
    check_text_argument(text, "text", "sentence_spans")
    toks = tokenize_text(text)
    out: list[tuple[int, int]] = []
    for s in np.unique(toks["sentence"]):
        idx = np.flatnonzero(toks["sentence"] == s)
        out.append((int(toks["start"][idx[0]]), int(toks["end"][idx[-1]])))
    return out


def tokenize_text(text: str, *, settings: TokenizerSettings | None = None) -> dict:
    """Tokenise one text; return forms, surfaces, offsets and sentence numbers.

    Returns
    -------
    dict
        ``surface`` (list of str, as written), ``form`` (list of str, normalised),
        ``start``/``end`` (int arrays, character offsets), ``sentence`` (int array, 0-based).

    Examples
    --------
    >>> toks = tokenize_text("Stepanakert rejected “ready-made solutions”. Talks?")
    >>> toks["form"]
    ['stepanakert', 'rejected', 'ready-made', 'solutions', 'talks']
    >>> toks["sentence"].tolist()
    [0, 0, 0, 0, 1]
    >>> int(toks["start"][2]), int(toks["end"][2])
    (22, 32)
    """
    check_text_argument(text, "text", "tokenize_text")
    settings = settings or TokenizerSettings()
    toks = tokenize([text], settings=settings, with_offsets=True)
    ids = toks.ids
    return {
        "surface": [text[a:b] for a, b in zip(toks.starts, toks.ends)],
        "form": [toks.types[toks.surface_to_type[i]] for i in ids],
        "start": toks.starts,
        "end": toks.ends,
        "sentence": toks.sentence,
    }


class Tokens:
    """The tokens of a sequence of texts, as integer ids with sentence numbers.

    Built by :func:`tokenize`; normally obtained with :func:`frameshift.corpus_tokens`, which
    tokenises a corpus once and reuses the result.

    Attributes
    ----------
    surfaces : list of str
        Surface vocabulary: each distinct token as written (NFKC, case kept).
    types : list of str
        Type vocabulary: each distinct normalised form (case-folded unless case is kept).
    surface_to_type : numpy.ndarray
        For each surface id, the id of its type.
    ids : numpy.ndarray
        Surface id of every word token, all texts concatenated.
    doc_index : numpy.ndarray
        ``ids[doc_index[i]:doc_index[i + 1]]`` are the tokens of text ``i``.
    sentence : numpy.ndarray
        Sentence number (0-based, within its text) of every token.
    starts, ends : numpy.ndarray or None
        Character offsets of every token in its text (when built ``with_offsets``).
    adjacent : numpy.ndarray of bool or None
        For every token, whether the next word of the same text follows it after whitespace
        only, or after an abbreviation's own period (``U.S. sanctions``); False for the last
        word of a text. Multi-word matches need their words adjacent.
    settings : TokenizerSettings
    raw_surfaces : list of str or None
        For each surface id, the token exactly as it appears in the texts (before NFKC), so
        that ``text[start:end] == raw_surfaces[ids[i]]`` for every token ``i``.
    """

    def __init__(self, *, surfaces, types, surface_to_type, ids, doc_index, sentence, starts,
                 ends, settings, texts=None, adjacent=None, raw_surfaces=None):
        self.surfaces = surfaces
        self.types = types
        self.surface_to_type = surface_to_type
        self.ids = ids
        self.doc_index = doc_index
        self.sentence = sentence
        self.starts = starts
        self.ends = ends
        self.settings = settings
        self._texts = texts
        self.adjacent = adjacent
        self.raw_surfaces = raw_surfaces

    def __repr__(self) -> str:
        return (f"<Tokens: {self.n_docs} texts, {len(self.ids):,} tokens, "
                f"{len(self.types):,} types>")

    @property
    def n_docs(self) -> int:
        """Number of texts."""
        return len(self.doc_index) - 1

    def type_ids(self) -> np.ndarray:
        """Type id of every token (normalised form)."""
        return self.surface_to_type[self.ids]

    def n_tokens(self) -> np.ndarray:
        """Number of word tokens of every text."""
        return np.diff(self.doc_index)

    def doc_slice(self, i: int) -> slice:
        """Slice of the token arrays that belongs to text ``i``."""
        return slice(int(self.doc_index[i]), int(self.doc_index[i + 1]))

    def offsets(self, i: int) -> tuple[np.ndarray, np.ndarray]:
        """Character offsets ``(starts, ends)`` of the tokens of text ``i``.

        Computed on demand when the tokens were built without offsets.
        """
        sl = self.doc_slice(i)
        if self.starts is not None:
            return self.starts[sl], self.ends[sl]
        if self._texts is None:
            raise ValueError("These tokens were built without offsets and without their texts.")
        return _word_offsets(self._texts[i])


class _Vocab(dict):
    """Surface vocabulary: maps each token as written to its code, growing on first sight.

    A ``dict`` subclass, so that ``map(vocab.__getitem__, surfaces)`` runs the lookup of known
    surfaces in C and calls :meth:`__missing__` (Python) once per distinct surface. Word
    surfaces get ids 0, 1, 2, ... in order of first occurrence; sentence-final punctuation gets
    ``_PERIOD`` (a lone ``.``) or ``_PUNCT``, paragraph breaks ``_PARAGRAPH``.
    """

    def __init__(self, settings: TokenizerSettings):
        super().__init__()
        self.settings = settings
        self.surfaces: list[str] = []
        self.surface_type: list[int] = []
        self.type_id: dict[str, int] = {}
        self.types: list[str] = []
        # an ASCII word without "`" (the one ASCII character _FOLD_TABLE changes) is its own
        # form under every Unicode normal form, and ASCII case folding is str.lower
        self._ascii_plain = settings.unicode_form in ("NFC", "NFD", "NFKC", "NFKD")

    def __missing__(self, surface: str) -> int:
        c = surface[0]
        if c in _ENDS or (c == ":" and len(surface) > 1):  # (an Armenian colon full stop)
            sid = _PERIOD if surface == "." else _PUNCT
        elif c.isspace():  # a paragraph break ("\n...\n"), a heading line's break, or a
            k = surface.count("\n")  # space before a period
            sid = _PARAGRAPH if k > 1 else _LINE if k else _SPACE_DOT
        elif not _WORD_START(c):  # punctuation between words (never part of a token)
            sid = _JUNK
        else:
            if self._ascii_plain and surface.isascii() and "`" not in surface:
                form_cased = surface
                form = surface.lower() if self.settings.casefold else surface
            else:
                form_cased = normalize(surface, casefold=False,
                                       unicode_form=self.settings.unicode_form)
                form = fold_case(form_cased) if self.settings.casefold else form_cased
            tid = self.type_id.get(form)
            if tid is None:
                tid = self.type_id[form] = len(self.types)
                self.types.append(form)
            sid = len(self.surfaces)
            self.surfaces.append(form_cased)
            self.surface_type.append(tid)
        self[surface] = sid
        return sid

    def is_abbreviation(self, sid: int) -> bool:
        """Whether a "." after word ``sid`` does not end a sentence."""
        form = self.types[self.surface_type[sid]].casefold()
        return form in ABBREVIATIONS or (len(form) == 1 and self.surfaces[sid].isupper())


# Codes of boundary tokens (negative, so that ``code >= 0`` marks words), then of the gap
# tokens of ``_scan`` (not boundaries; they only break adjacency).
_PUNCT, _PERIOD, _PARAGRAPH = -1, -2, -3
_JUNK, _SPACE_DOT, _LINE = -4, -5, -6


def _surfaces_and_starts(text: str) -> tuple[list[str], list[int]]:
    """Token surfaces of ``text`` (words and boundaries) with their start offsets.

    ``str.find`` from the end of the previous token finds each token where the regex matched
    it: the characters between two tokens contain no word character, no ``.!?`` and no
    paragraph break, so no earlier occurrence of a token's text can start there.
    """
    surf = _scan_function("_findall")(text)
    return surf, _starts(text, surf)


def _starts(text: str, surf: list) -> list[int]:
    """Start offset of each of ``surf`` (consecutive tokens of ``text``, in order)."""
    starts = []
    append = starts.append
    find = text.find
    p = 0
    for s in surf:
        p = find(s, p)
        append(p)
        p += len(s)
    return starts


def _distinct(ids: np.ndarray, size: int) -> np.ndarray:
    """``np.unique(ids)`` for ids in ``range(size)``, by a mask (no sort)."""
    seen = np.zeros(size, dtype=bool)
    seen[ids] = True
    return np.flatnonzero(seen)


def _lower_after(pi, nwp, nwc, raw_index, ids, vocab) -> np.ndarray:
    """Of the periods ``pi`` (indices into ``nwp``), those followed by a lower-case word.

    Gap tokens (quotes, brackets, dashes) between the period and the word are skipped; the
    word must be in the same text and begin with a lower-case letter of a cased block below
    ``_CASED_END`` (Georgian Mkhedruli, which Unicode also calls lower-case, has no
    sentence-initial capital).
    """
    if not len(pi):
        return np.zeros(0, np.int64)
    end = raw_index[np.searchsorted(raw_index, nwp[pi], side="right")]  # end of the text
    q = nwp[pi] + 1  # raw position looked at
    kk = pi + 1  # index of the first non-word token not before q
    last = len(nwp) - 1
    while True:
        is_nw = (kk <= last) & (nwp[np.minimum(kk, last)] == q)
        fwd = is_nw & (q < end) & (nwc[np.minimum(kk, last)] <= _JUNK)
        if not fwd.any():
            break
        q[fwd] += 1
        kk[fwd] += 1
    is_nw = (kk <= last) & (nwp[np.minimum(kk, last)] == q)
    word = (q < end) & ~is_nw
    if not word.any():
        return np.zeros(0, np.int64)
    nxt = ids[(q - kk)[word]]  # words before raw q: q minus the kk non-word tokens before it
    cand = _distinct(nxt, len(vocab.surfaces))
    low = np.zeros(len(vocab.surfaces), dtype=bool)
    for sid in cand.tolist():
        c = vocab.surfaces[sid][:1]  # (NFKC, invisible characters removed: may be "")
        low[sid] = c != "" and ord(c) < _CASED_END and c.islower()
    return pi[word][low[nxt]]


def tokenize(texts, *, settings: TokenizerSettings | None = None,
             with_offsets: bool = False) -> Tokens:
    """Tokenise a sequence of texts into a :class:`Tokens` table of integer ids.

    Parameters
    ----------
    texts : iterable of str
    settings : TokenizerSettings, optional
    with_offsets : bool, default False
        Also store the character offsets of every token (otherwise they are computed on
        demand, text by text, with :meth:`Tokens.offsets`).

    Examples
    --------
    >>> toks = tokenize(["We invite you.", "We decline. Not now."])
    >>> toks.n_tokens().tolist()
    [3, 4]
    >>> [toks.types[t] for t in toks.type_ids()]
    ['we', 'invite', 'you', 'we', 'decline', 'not', 'now']
    >>> toks.sentence.tolist()
    [0, 0, 0, 0, 0, 1, 1]
    """
    # Per token, the only Python-level work is the regex scan and one C-level dict lookup
    # (``map(vocab.__getitem__, ...)``); normalisation runs once per distinct surface and
    # sentence numbering is array arithmetic over the whole corpus, in int32 with temporaries
    # freed early (peak memory about 10 bytes per token beyond the result).
    settings = settings or TokenizerSettings()
    if isinstance(texts, str) or not hasattr(texts, "__iter__"):
        raise bad_argument("tokenize", "texts", texts, "a list (or Series) of texts",
                           "For one text, give [text], or use tokenize_text(text).")
    texts = list(texts)
    for i, t in enumerate(texts):
        if not isinstance(t, str):
            raise bad_argument("tokenize", f"texts[{i}]", t, "a str",
                               "Give texts only (fill missing ones with '').")
    vocab = _Vocab(settings)
    get = vocab.__getitem__
    n = len(texts)
    lengths = np.zeros(n, dtype=np.int64)  # scanned tokens per text
    # The scanned codes are processed in batches of about a million: each batch keeps only
    # its word ids and the positions and codes of its other tokens (about one in ten), so the
    # full code array never exists.
    id_chunks: list[np.ndarray] = []
    nw_chunks: list[np.ndarray] = []
    nwc_chunks: list[np.ndarray] = []
    st_chunks: list[np.ndarray] = []
    ln_chunks: list[np.ndarray] = []
    pend: list[np.ndarray] = []
    pend_st: list[np.ndarray] = []
    pend_ln: list[np.ndarray] = []
    pend_n = 0
    base = 0

    def flush():
        nonlocal pend, pend_st, pend_ln, pend_n, base
        raw_b = np.concatenate(pend)
        w = raw_b >= 0
        id_chunks.append(raw_b[w])
        nw = np.flatnonzero(~w)
        nwc_chunks.append(raw_b[nw])
        nw_chunks.append(nw + base)
        if with_offsets:
            st_chunks.append(np.concatenate(pend_st)[w])
            ln_chunks.append(np.concatenate(pend_ln)[w])
        base += len(raw_b)
        pend, pend_st, pend_ln, pend_n = [], [], [], 0

    cscan = _cscan
    extra = (_ccache(vocab),) if cscan is not None and _ccache is not None else ()
    for i, text in enumerate(texts):
        if cscan is not None:
            codes, st, ln = cscan(text, vocab, with_offsets, *extra)
            raw = np.frombuffer(codes, dtype=np.int32)
            k = len(raw)
            if with_offsets:
                pend_st.append(np.frombuffer(st, dtype=np.int64))
                pend_ln.append(np.frombuffer(ln, dtype=np.int32))
        else:
            surf = _scan_function("_scan")(text)
            k = len(surf)
            if with_offsets:
                pend_st.append(np.fromiter(_starts(text, surf), dtype=np.int64, count=k))
                pend_ln.append(np.fromiter(map(len, surf), dtype=np.int32, count=k))
            raw = np.fromiter(map(get, surf), dtype=np.int32, count=k)
            del surf
        lengths[i] = k
        pend.append(raw)
        pend_n += k
        if pend_n >= 1 << 20:
            flush()
    if pend or not id_chunks:
        pend.append(np.zeros(0, np.int32))
        pend_st.append(np.zeros(0, np.int64))
        pend_ln.append(np.zeros(0, np.int32))
        flush()
    ids = np.concatenate(id_chunks) if len(id_chunks) > 1 else id_chunks[0]
    id_chunks.clear()  # free the chunks (a del would unbind the name flush() closes over)
    nwp = np.concatenate(nw_chunks)  # raw positions of the tokens that are not words
    nwc = np.concatenate(nwc_chunks)  # and their codes
    nw_chunks.clear()
    nwc_chunks.clear()
    m = base
    n_tok = len(ids)
    rank = np.arange(len(nwp))
    words_before = nwp - rank  # words before each non-word token
    raw_index = np.zeros(n + 1, dtype=np.int64)
    np.cumsum(lengths, out=raw_index[1:])
    doc_index = raw_index - np.searchsorted(nwp, raw_index)
    # A "." after a word that is an abbreviation or a single capital initial does not end a
    # sentence (a "." that opens a text or follows another boundary always does). Gap tokens
    # are skipped when looking back for the word before the ".".
    pi = np.flatnonzero(nwc == _PERIOD)  # index into nwp of every "."
    soft = np.zeros(0, np.int64)  # (index into nwp of) periods that do not end a sentence
    soft_end = soft  # and with them those before a lower-case word
    if len(pi):
        first = raw_index[np.searchsorted(raw_index, nwp[pi], side="right") - 1]
        q = nwp[pi] - 1  # raw position looked at
        kk = pi - 1  # index of the last non-word token not after q
        while True:
            is_nw = (kk >= 0) & (nwp[np.maximum(kk, 0)] == q)
            back = is_nw & (q >= first) & (nwc[np.maximum(kk, 0)] <= _JUNK)
            if not back.any():
                break
            q[back] -= 1
            kk[back] -= 1
        is_nw = (kk >= 0) & (nwp[np.maximum(kk, 0)] == q)
        word = (q >= first) & ~is_nw
        cand_pi = pi[word]
        prev = ids[(q - kk - 1)[word]] if len(cand_pi) else np.zeros(0, np.int32)
        if len(cand_pi):
            cand = _distinct(prev, len(vocab.surfaces))
            abbr = np.zeros(len(vocab.surfaces), dtype=bool)
            abbr[cand] = [vocab.is_abbreviation(int(s)) for s in cand]
            soft = cand_pi[abbr[prev]]
        del q, kk, is_nw, word, first, prev, cand_pi
        # A "." followed by a lower-case word (after any quotes or brackets) does not end a
        # sentence either (``1988թ. փետրվարի``, ``– ред.) указывает``): the orthographic
        # heuristic of Kiss & Strunk (2006), "Unsupervised multilingual sentence boundary
        # detection", Computational Linguistics 32(4) -- in the cased scripts (Latin, Greek,
        # Cyrillic, Armenian) a sentence begins with a capital.
        lower = _lower_after(pi, nwp, nwc, raw_index, ids, vocab)
        # (np.union1d without np.unique, whose first call imports numpy.ma: ~13 ms)
        soft_end = np.sort(np.concatenate((soft, lower))) if len(lower) else soft
        if len(soft_end) > 1:
            soft_end = soft_end[np.append(True, soft_end[1:] != soft_end[:-1])]
    # Sentence number: boundaries seen so far, renumbered 0, 1, 2, ... within each text so
    # that leading and repeated boundaries collapse. A boundary raises the number of the next
    # word (if any); the first word of every text is then brought back to 0.
    boundary = (nwc > _JUNK)
    boundary[soft_end] = False
    # A heading line's break ends a sentence when the last sentence end before it in its text
    # is a paragraph break, or there is none (its line is a paragraph of its own; the breaks
    # of other heading lines are passed over, so that a title and a subtitle are two).
    li = np.flatnonzero(nwc == _LINE)
    if len(li):
        ends = np.flatnonzero(boundary)
        k = np.searchsorted(ends, li) - 1
        prev = ends[np.maximum(k, 0)] if len(ends) else li  # (k < 0 where none)
        start = raw_index[np.searchsorted(raw_index, nwp[li], side="right") - 1]
        fresh = (k < 0) | (nwp[prev] < start) | (nwc[prev] == _PARAGRAPH)
        boundary[li[fresh]] = True
        del ends, k, prev, start, fresh
    nxt = words_before[boundary]
    nxt = nxt[nxt < n_tok]
    sentence = np.zeros(n_tok, dtype=np.int32)
    sentence[nxt] = 1  # several boundaries before one word count once
    np.cumsum(sentence, out=sentence)
    del nxt, boundary
    n_words = np.diff(doc_index)
    has = np.flatnonzero(n_words > 0)
    step = max(1, len(has) // 64 + 1)
    for b0 in range(0, len(has), step):  # in blocks, to keep the temporary small
        sel = has[b0:b0 + step]
        a0, a1 = int(doc_index[sel[0]]), int(doc_index[sel[-1] + 1])
        sentence[a0:a1] -= np.repeat(sentence[doc_index[sel]], n_words[sel])
    # Adjacency: a word is adjacent to the next one when only whitespace (skipped by the
    # scan, or paragraph breaks) lies between them, or exactly one "." that does not end a
    # sentence with nothing before it (an abbreviation's own period).
    adjacent = np.ones(n_tok, dtype=bool)
    bad = (nwc != _PARAGRAPH) & (nwc != _LINE)
    soft = soft_end
    if len(soft):
        p = nwp[soft]
        after_word = (soft == 0) | (nwp[np.maximum(soft - 1, 0)] != p - 1)
        last = len(nwp) - 1
        before_word = (p + 1 < m) & ((soft == last) | (nwp[np.minimum(soft + 1, last)] != p + 1))
        bad[soft[after_word & before_word]] = False
    before = words_before[bad] - 1
    adjacent[before[before >= 0]] = False
    if n_tok:
        adjacent[doc_index[1:][n_words > 0] - 1] = False
    del before, bad, soft, nwp, nwc, words_before, rank
    if with_offsets:
        starts = np.concatenate(st_chunks)
        ends = starts + np.concatenate(ln_chunks).astype(np.int64)
    else:
        starts = ends = None
    raw_surfaces = [""] * len(vocab.surfaces)
    for key, sid in vocab.items():
        if sid >= 0:
            raw_surfaces[sid] = key
    return Tokens(
        raw_surfaces=raw_surfaces,
        surfaces=vocab.surfaces,
        types=vocab.types,
        surface_to_type=np.asarray(vocab.surface_type, dtype=np.int32),
        ids=ids,
        doc_index=doc_index,
        sentence=sentence,
        starts=starts,
        ends=ends,
        settings=settings,
        texts=texts,
        adjacent=adjacent,
    )
