"""Languages of the dispute: detection with a confidence, and per-language word lists.

The statements of the Armenia-Azerbaijan dispute are published in Azerbaijani (Latin
script), Armenian and Russian as well as English. This module says, per language, what the
rest of the package needs to know: which characters end a sentence, which quotation marks
open and close a quote, which words negate and which verbs introduce reported speech. It
also detects the language of a text from its script, with a confidence, for statements that
carry no ``language`` column.

Sources of the word lists (all hand-written here, none downloaded):

* Russian negators and speech verbs: the negative particles and pronouns of the Russian
  National Corpus grammar (``не``, ``ни``, ``нет``, ``никогда`` ...), and the reporting verbs
  of Russian news style (``заявил``, ``отметил``, ``подчеркнул`` ...), as in the Russian MFA
  briefings quoted in ``tests/data/languages/CARD.md``.
* Armenian: the negative auxiliary ``չ-`` forms of the verb ``լինել`` (``չեմ``, ``չես``,
  ``չի``, ``չենք``, ``չեք``, ``չեն``, past ``չէի`` ...), ``ոչ``, ``ոչինչ``, ``երբեք``,
  ``առանց``, after Dum-Tragut, J. (2009), *Armenian: Modern Eastern Armenian*, Benjamins,
  sections on negation; speech verbs ``ասել``, ``հայտարարել``, ``նշել``, ``շեշտել``.
* Azerbaijani: the free negators ``deyil``, ``yox``, ``heç``, ``nə``, ``olmadan``, after
  Mammadova (ed.), *Azerbaijani grammar*; verbal negation is the suffix ``-ma/-mə``
  (``etməyəcəyik``), which a word list cannot see (a documented limit); speech verbs
  ``demək``, ``bildirmək``, ``qeyd etmək``, ``vurğulamaq`` in their reporting forms.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

__all__ = ["LanguageInfo", "LANGUAGES", "language_info", "detect_language",
           "statement_languages", "multilingual_negators", "armenian_negative",
           "azerbaijani_negative"]


@dataclass(frozen=True)
class LanguageInfo:
    """What the package knows about one language.

    Attributes
    ----------
    code : str
        ISO 639-1 code (``"ru"``, ``"hy"``, ``"az"``, ``"en"``).
    name : str
    script : str
        ``"Cyrl"``, ``"Armn"`` or ``"Latn"``.
    sentence_ends : str
        Characters that end a sentence.
    quotes : tuple of (str, str)
        Opening and closing quotation marks, most usual first.
    apostrophes : str
        Characters used as apostrophes inside words.
    negators : frozenset of str
        Free-standing negating words (case-folded).
    speech_verbs : frozenset of str
        Reporting verbs in their usual news forms (case-folded), for quote attribution.
    negative_form : callable or None
        ``word -> bool`` on a case-folded word: a verb form negated inside the word
        (Armenian ``չ-``, Azerbaijani ``-ma/-mə``), which no word list can hold.
    negation_follows : bool
        The language puts its negated verb after the words it governs (verb-final order:
        Armenian, Azerbaijani), so a negator also negates the words just before it.
    negators_back : frozenset of str
        Negators that also negate the words just before them in a language that is not
        verb-final (Russian existential ``нет``: ``Давления нет`` "there is no pressure").
    not_negating_before : dict of str to frozenset
        A negator followed by one of these words is no negation (``не только`` "not only",
        ``ոչ միայն``; Azerbaijani ``deyil, həm də`` "not only ... but also").
    not_negating_after : dict of str to frozenset
        A negator after one of these words is no negation: Azerbaijani ``asılı olmayaraq``
        "regardless of" (``-dan asılı olmayaraq``, literally "not being dependent on"), a
        postposition-like phrase, not the negation of its clause (issue 16, test3).
    paired_negators : frozenset of str
        Words that negate only when repeated in the sentence (Azerbaijani ``nə ... nə``
        "neither ... nor"; a single ``nə`` is "what").
    negative_before : tuple of two callables, or None
        ``(is_word, is_next)``, each ``str -> bool`` on a case-folded word: a word for which
        ``is_word`` holds is negated when the next word of its sentence satisfies ``is_next``
        (Azerbaijani ``olmaya bilər`` "may not be").
    marked_negators : frozenset of str
        Negators recognised by a mark the normalised form drops (Armenian prohibitive
        ``մի՛``, written with the emphasis mark; unmarked ``մի`` is the article "a").
    """

    code: str
    name: str
    script: str
    sentence_ends: str
    quotes: tuple
    apostrophes: str
    negators: frozenset
    speech_verbs: frozenset
    negative_form: object = None
    negation_follows: bool = False
    negators_back: frozenset = frozenset()
    not_negating_before: dict = field(default_factory=dict)
    not_negating_after: dict = field(default_factory=dict)
    paired_negators: frozenset = frozenset()
    negative_before: object = None
    marked_negators: frozenset = frozenset()


def _words(s: str) -> frozenset:
    return frozenset(s.split())


# Armenian: simplemma's Armenian dictionary lists the negative forms of verbs (չեմ, չենք,
# չհամաձայնեց ...) under the positive lemma (եմ, համաձայնել); a word in չ- it does not know
# is negative when the rest of it is a word it knows (չպետք "must not", from պետք).
# Words in չ- that are not negations but look so by this rule:
_HY_NOT_NEGATIVE = frozenset({"չնայած"})  # "although" (a conjunction)


def armenian_negative(word: str) -> bool:
    """Whether a case-folded Armenian word is a verb form negated by the prefix ``չ-``.

    Examples
    --------
    >>> [armenian_negative(w) for w in ["չենք", "չհամաձայնեց", "չպետք", "չափ", "չորս"]]
    [True, True, True, False, False]
    """
    from frameshift.errors import check_text_argument
    check_text_argument(word, "word", "armenian_negative")
    if len(word) < 2 or word[0] != "չ" or word in _HY_NOT_NEGATIVE:
        return False
    import simplemma

    if simplemma.is_known(word, lang="hy"):
        return not simplemma.lemmatize(word, lang="hy").casefold().startswith("չ")
    return simplemma.is_known(word[1:], lang="hy")


# Azerbaijani verbal negation: the suffix -ma/-mə after the verb stem, then tense and person
# (the negative paradigms of the grammars, e.g. Shiraliyev & Sevortyan, "Grammatika
# azerbajdzhanskogo jazyka", 1971; Azerbaijani Wikipedia "İnkar"): future -mayacaq/-məyəcək,
# past -madı/-mədi, perfect -mayıb/-məyib, present -mır/-mir/-mur/-mür (past continuous
# -mırdı, conditional -mırsa), aorist -maz/-məz (1sg -maram, 1pl -marıq), optative 1sg
# -mayım and imperative 2pl -mayın, converb -mayaraq,
# necessity -mamalı/-məməli, participle -mayan/-məyən, converb -madan/-mədən, imperative
# -masın/-məsin, conditional -masa/-məsə, evidential -mamış/-məmiş, infinitive
# -mamaq/-məmək. Written after case folding (ı -> i). The positive verbal noun -ma/-mə
# (təmizləmə "cleansing") and -ması/-məsi ("its doing") are not negations.
_AZ_NEG_RE = None
_AZ_NEG_ENDINGS = (
    r"m[aə]y[aə]c[aə][qkğy]\w*|m[aə]d[iuü]\w*|m[aə]y[iuü]b\w*|m[aə]d[aə]n"
    r"|m[iuü]r(?:am|əm|iq|ik|uq|ük|san|sən|siniz|sunuz|sünüz|lar|lər|d[iuü]\w*|s[aə]\w*)?"
    r"|m[aə]z(?:am|əm|san|sən|iq|ik|siniz|lar|lər|di)?|m[aə]m[aə]l[iuü]\w*"
    r"|m[aə]r[aə]m|m[aə]ri[qk]|m[aə]y[iuü][mn]|m[aə]y[iuü]n[iuü]z|m[aə]y[aə]r[aə][qk]"
    r"|m[aə]y[aə]n(?:lar|lər|lari|ləri|a|ə|i|in|da|də|dan|dən)?|m[aə]s[iuü]n(?:lar|lər)?|m[aə]s[aə](?:m|q|k|n|niz|lar|lər)?"
    r"|m[aə]m[iuü]ş\w*|m[aə]m[aə][qk]|m[aə]y[aə][qkm]")
# words that end in these letters but do not negate: nouns (iron, repair, dough, prayer),
# names, and adjectives of the negative aorist that mean a quality ("inseparable" in
# "ayrılmaz tərkib hissəsi", "inevitable", "undeniable", "unforgettable")
_AZ_NOT_NEGATIVE = ("dəmir", "təmir", "xəmir", "kəşmir", "zəmir", "namaz", "məmməd", "əhməd",
                    "məhəmməd", "səməd", "ramazan", "vladimir", "kazimir", "əmir",
                    "ayrilmaz", "sarsilmaz", "qaçilmaz", "danilmaz", "unudulmaz", "tükənməz",
                    "əvəzolunmaz", "dönməz",
                    # the converb lexicalised as the postposition "despite" (-a baxmayaraq,
                    # baxmayaraq ki "although"), as asılı olmayaraq "regardless of" is
                    # (LanguageInfo.not_negating_after)
                    "baxmayaraq")
# deyil "is not" and its personal and tense forms (not deyilir "is said", deyilən "said")
_AZ_DEYIL = frozenset("deyil" + e for e in
                      ["", "dir", "di", "dirlər", "dilər", "ik", "əm", "sən", "siniz", "lər",
                       "mi", "sə", "dimi"])


def azerbaijani_negative(word: str) -> bool:
    """Whether a case-folded Azerbaijani word negates: ``deyil``, ``yox(dur)`` or a verb
    negated by the suffix ``-ma/-mə`` (``etməyəcəyik``, ``olmadı``, ``bilmir``).

    Examples
    --------
    >>> [azerbaijani_negative(w) for w in ["etməyəcəyik", "olmadi", "bilmir", "deyildir",
    ...                                    "yoxdur", "təmizləmə", "etməsini", "deyilir"]]
    [True, True, True, True, True, False, False, False]
    """
    from frameshift.errors import check_text_argument
    check_text_argument(word, "word", "azerbaijani_negative")
    import re

    global _AZ_NEG_RE
    w = word.replace("ı", "i")
    if w in _AZ_DEYIL or w in ("yox", "yoxdur", "yoxdu", "yoxdursa", "yoxdular"):
        return True
    if w.startswith(_AZ_NOT_NEGATIVE):
        return False
    if _AZ_NEG_RE is None:
        _AZ_NEG_RE = re.compile(r"\w*[aeəiouü]\w*?(?:" + _AZ_NEG_ENDINGS + ")")
    m = _AZ_NEG_RE.fullmatch(w)
    return m is not None


# The possibility of a negative, verb + -ma/-mə + the optative -ya/-yə + bilmək "can"
# (``olmaya bilər`` "may not be", ``gəlməyə bilərlər``; Öztopçu 2003, the potential mood),
# against the dative of the verbal noun (``göstərməyə başladılar`` "began to show"), which
# differs only by the verb that follows.
_AZ_MAYA = None


def _az_maya(word: str) -> bool:
    import re

    global _AZ_MAYA
    if _AZ_MAYA is None:
        _AZ_MAYA = re.compile(r"\w*[aeəiouü]\w*?m(?:aya|əyə)")
    return _AZ_MAYA.fullmatch(word.replace("ı", "i")) is not None


def _az_biler(word: str) -> bool:
    # the aorist of bilmək "can": bilər, bilərəm, bilərlər, bilərdi, bilərsiniz ...
    return word.startswith("bilər")


LANGUAGES = {
    "en": LanguageInfo(
        "en", "English", "Latn", ".!?", (("“", "”"), ('"', '"'), ("‘", "’")), "'’",
        _words("""not no never without nor neither cannot none nobody nothing nowhere noone"""),
        _words("""said says say told stated added noted stressed emphasised emphasized
        declared announced warned urged claimed argued insisted"""),
    ),
    "ru": LanguageInfo(
        "ru", "Russian", "Cyrl", ".!?…", (("«", "»"), ("„", "“"), ("“", "”")), "",
        _words("""не нет ни никогда нигде никто ничто ничего нельзя без ничем никого
        никакой никакого никакому никаким никаком никакая никакую никакие никаких
        никакими"""),
        _words("""сказал сказала сказали заявил заявила заявили отметил отметила отметили
        подчеркнул подчеркнула подчеркнули добавил добавила добавили сообщил сообщила
        сообщили напомнил напомнила напомнили указал указала указали считает заявляет
        отмечает подчеркивает подчёркивает говорится"""),
        negators_back=_words("нет"),
        not_negating_before={"не": _words("только"), "ни": _words("только")},
    ),
    "hy": LanguageInfo(
        "hy", "Armenian", "Armn", "։:", (("«", "»"), ("“", "”")), "",
        _words("""ոչ չեմ չես չի չենք չեք չեն չէի չէիր չէր չէինք չէիք չէին ոչինչ
        երբեք առանց ոչ-ոք"""),
        _words("""ասել ասաց նշել նշեց հայտարարել հայտարարեց շեշտել շեշտեց ընդգծել ընդգծեց
        հավելել հավելեց ասվում նշվում"""),
        armenian_negative, True,
        not_negating_before={"ոչ": _words("միայն")},
        marked_negators=frozenset({"մի\u055b", "մի\u055c"}),
    ),
    "az": LanguageInfo(
        "az", "Azerbaijani", "Latn", ".!?", (("«", "»"), ("“", "”"), ('"', '"')), "'’ʼ",
        _words("""deyil yox heç olmadan nə"""),
        _words("""deyib dedi bildirib bildirdi qeyd vurğulayıb vurğuladı əlavə söyləyib
        açıqlayıb bəyan"""),
        azerbaijani_negative, True,
        not_negating_before={"deyil": _words("həm")},
        not_negating_after={"olmayaraq": _words("asili")},  # asılı, case-folded
        paired_negators=_words("nə"),
        negative_before=(_az_maya, _az_biler),
    ),
}

# Letters that, in Latin-script text, mark Azerbaijani rather than English (ə is not used
# in Turkish either). Share of them among Latin letters above which a text counts as az.
_AZ_LETTERS = set("əğışçöüƏĞIŞÇÖÜ") - {"I"}
_AZ_SHARE = 0.02


def language_info(code: str) -> LanguageInfo:
    """The :class:`LanguageInfo` of a language code; raise ``OptionError`` naming the known ones.

    Examples
    --------
    >>> language_info("hy").sentence_ends
    '։:'
    """
    from frameshift.errors import check_text_argument
    check_text_argument(code, "code", "language_info")
    from frameshift.errors import OptionError

    try:
        return LANGUAGES[code]
    except KeyError:
        raise OptionError(f"unknown language {code!r}: frameshift knows "
                          f"{', '.join(sorted(LANGUAGES))}. Use one of these codes in the "
                          f"'language' column.") from None


def _script(ch: str) -> str | None:
    if not ch.isalpha():
        return None
    o = ord(ch)
    if 0x0531 <= o <= 0x058A or 0xFB13 <= o <= 0xFB17:
        return "Armn"
    if 0x0400 <= o <= 0x052F:
        return "Cyrl"
    if "LATIN" in unicodedata.name(ch, ""):
        return "Latn"
    return "other"


# Script codes of the lookup table of _script_table (index = code point of the BMP).
_SCRIPT_CODES = (None, "Armn", "Cyrl", "Latn", "other")


@functools.lru_cache(maxsize=1)
def _script_table() -> tuple[np.ndarray, np.ndarray]:
    """Per code point of the Basic Multilingual Plane: its :func:`_script` as an index into
    ``_SCRIPT_CODES``, and whether it is one of ``_AZ_LETTERS``. Built once, on first use."""
    table = np.zeros(0x10000, dtype=np.uint8)
    for o in range(0x10000):
        s = _script(chr(o)) if 0xD800 > o or o > 0xDFFF else None
        if s is not None:
            table[o] = _SCRIPT_CODES.index(s)
    az = np.zeros(0x10000, dtype=bool)
    az[[ord(c) for c in _AZ_LETTERS]] = True
    return table, az


def _script_counts(text: str) -> tuple[dict, int]:
    """Letters per script of ``text`` (in the order the scripts first occur) and its number of
    Azerbaijani letters: every code point looked up in :func:`_script_table` at once (code
    points beyond the BMP, rare, one by one)."""
    table, az_table = _script_table()
    cp = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    high = np.flatnonzero(cp > 0xFFFF)
    if len(high):
        codes = table[np.minimum(cp, 0xFFFF)]
        for j in high.tolist():
            codes[j] = _SCRIPT_CODES.index(_script(chr(int(cp[j]))))
        az = int(az_table[cp[cp <= 0xFFFF]].sum())
    else:
        codes = table[cp]
        az = int(az_table[cp].sum())
    n = np.bincount(codes, minlength=len(_SCRIPT_CODES))
    present = [i for i in range(1, len(_SCRIPT_CODES)) if n[i]]
    if len(present) > 1:  # the order of first occurrence, which breaks a tie in max()
        present.sort(key=lambda i: int(np.argmax(codes == i)))
    return {_SCRIPT_CODES[i]: int(n[i]) for i in present}, az


def detect_language(text: str) -> tuple[str | None, float]:
    """Guess the language of a text from its letters; return ``(code, confidence)``.

    The script with most letters decides: Armenian letters give ``"hy"``, Cyrillic ``"ru"``
    (Ukrainian or Bulgarian text is also called ``"ru"``), Latin ``"az"`` when at least 2% of
    its Latin letters are ``ə ğ ı ş ç ö ü`` and ``"en"`` otherwise. The confidence is the
    share of the text's letters written in the chosen script, halved for a Latin text whose
    share of Azerbaijani letters lies between 1% and 3% (near the threshold). A text without
    letters gives ``(None, 0.0)``.

    Examples
    --------
    >>> detect_language("Ադրբեջանը շարունակեց իր գործելակերպը։")
    ('hy', 1.0)
    >>> detect_language("Qarabağ ermənilərinin reinteqrasiyası")
    ('az', 1.0)
    >>> detect_language("Reintegration talks")
    ('en', 1.0)
    """
    from frameshift.errors import check_text_argument

    check_text_argument(text, "text", "detect_language")
    counts, az = _script_counts(text)
    return _decide(counts, az)


def _decide(counts: dict, az: int) -> tuple[str | None, float]:
    """:func:`detect_language`'s answer from its letters per script and Azerbaijani letters."""
    total = sum(counts.values())
    if not total:
        return None, 0.0
    script = max(counts, key=counts.get)
    conf = counts[script] / total
    if script == "Armn":
        return "hy", round(conf, 3)
    if script == "Cyrl":
        return "ru", round(conf, 3)
    if script != "Latn":
        return None, round(conf, 3)
    share = az / counts["Latn"]
    if 0.01 <= share <= 0.03:
        conf /= 2
    return ("az" if share >= _AZ_SHARE else "en"), round(conf, 3)


def _detect_many(texts: list) -> list:
    """:func:`detect_language` of every text, the letters of all counted in one pass (many
    short statements cost one lookup, not one per statement)."""
    if not texts:
        return []
    table, az_table = _script_table()
    cp = np.frombuffer("".join(texts).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    if len(cp) and int(cp.max()) > 0xFFFF:  # rare: beyond the BMP, text by text
        return [detect_language(t) for t in texts]
    n, k = len(texts), len(_SCRIPT_CODES)
    doc = np.repeat(np.arange(n), [len(t) for t in texts])
    counts = np.bincount(doc * k + table[cp], minlength=n * k).reshape(n, k)[:, 1:]
    az = np.bincount(doc[az_table[cp]], minlength=n)
    ties = (counts == counts.max(axis=1, keepdims=True)).sum(axis=1) > 1
    out = []
    for i in range(n):
        if ties[i] and counts[i].any():  # the script met first wins a tie: text by text
            out.append(detect_language(texts[i]))
        else:
            out.append(_decide({_SCRIPT_CODES[j + 1]: int(c) for j, c in
                                enumerate(counts[i]) if c}, int(az[i])))
    return out


def statement_languages(statements: pd.DataFrame, *, column: str = "language",
                        known_only: bool = True) -> pd.DataFrame:
    """Language of every statement: from its ``column`` where given, else detected.

    Parameters
    ----------
    statements : DataFrame
        With ``statement_id`` and ``text`` (a corpus's ``statements``).
    column : str, default "language"
        Metadata column holding language codes; empty cells are detected.
    known_only : bool, default True
        Refuse a code frameshift has no language data for (lemma matching needs it). With
        False any code is kept as given (lower-cased), as terms per language need no more.

    Returns
    -------
    DataFrame
        ``statement_id``, ``language`` (code, or None for a text without letters),
        ``confidence`` (1.0 when given in the metadata), ``source`` (``"metadata"`` or
        ``"detected"``), one row per statement in corpus order.

    Raises
    ------
    OptionError
        A language code in the metadata that frameshift does not know (naming the statement).

    Examples
    --------
    >>> st = pd.DataFrame({"statement_id": ["a", "b"], "text": ["Мы не допустим.", "No."],
    ...                    "language": [None, "en"]})
    >>> statement_languages(st)
      statement_id language  confidence    source
    0            a       ru         1.0  detected
    1            b       en         1.0  metadata
    """
    from frameshift.errors import OptionError, check_table_argument

    check_table_argument(statements, "statements", "statement_languages", "Corpus.statements")
    given = statements[column] if column in statements.columns else None
    rows = []
    sids, texts = statements["statement_id"].tolist(), statements["text"].tolist()
    codes = given.tolist() if given is not None else [None] * len(sids)
    todo = [i for i, c in enumerate(codes) if not (isinstance(c, str) and c.strip())]
    detected = dict(zip(todo, _detect_many([str(texts[i]) for i in todo])))
    for i, (sid, code) in enumerate(zip(sids, codes)):
        if isinstance(code, str) and code.strip():
            code = code.strip().lower()
            if code not in LANGUAGES and known_only:
                raise OptionError(
                    f"statement {sid!r}: unknown language {code!r} in column {column!r}; "
                    f"frameshift knows {', '.join(sorted(LANGUAGES))}. Fix the cell or leave "
                    f"it empty to detect the language.")
            rows.append((sid, code, 1.0, "metadata"))
        else:
            lang, conf = detected[i]
            rows.append((sid, lang, conf, "detected"))
    return pd.DataFrame(rows, columns=["statement_id", "language", "confidence", "source"])


def multilingual_negators(codes=("en", "ru", "hy", "az")) -> frozenset:
    """The negators of several languages, united (for ``MatchSettings(negators=...)``).

    Examples
    --------
    >>> sorted(multilingual_negators(["ru"]))[:3]
    ['без', 'не', 'нельзя']
    """
    out: set[str] = set()
    for c in codes:
        out |= language_info(c).negators
    return frozenset(out)
