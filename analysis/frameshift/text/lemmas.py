"""Lemmas and stems per language, offline, for matching a lexicon in dictionary forms.

A lexicon written in dictionary forms (``реинтеграция``, ``ինտեգրում``, ``inteqrasiya``)
counts every inflected form when tokens and patterns are both reduced to a *key* -- a lemma or
a stem -- by the same per-language function. Three methods, all offline:

``"simplemma"``
    The dictionaries shipped with the `simplemma <https://pypi.org/project/simplemma/>`_
    package (Russian, Armenian, Turkish, English, ...; no Azerbaijani).
``"snowball"``
    The Snowball stemmers of the `snowballstemmer <https://pypi.org/project/snowballstemmer/>`_
    package (Russian, Armenian, Turkish, English, ...; no Azerbaijani).
``"simplemma+snowball"``
    The Snowball stem of the simplemma lemma: words simplemma does not know (place names,
    rare words) are still stripped of their endings (``Арцахе`` -> ``арцах``).
``"suffix"``
    For Azerbaijani, which neither package covers: the documented suffix-stripping rules of
    :func:`azerbaijani_stem` below.
``"simplemma+rules"``
    For Armenian: the simplemma lemma of a word simplemma's dictionary knows; otherwise the
    documented case, article and plural endings of :func:`armenian_key` are stripped until
    the dictionary knows the rest (``խաղաղապահները`` -> ``խաղաղապահ``, ``զտումների`` ->
    ``զտում``), and a word still unknown keeps its stripped form. Other languages as
    ``"simplemma"``.
``"auto"``
    Per language, the method that found most hand-coded term occurrences at the highest
    precision on the development texts of ``tests/data/languages`` (see ``docs/languages.md``):
    Armenian by simplemma with the ending rules (recall 1.00 at precision 1.00 on the 20
    development texts, against 0.83 at 1.00 for simplemma alone, 0.74 at 0.87 for Snowball
    and 0.94 at 0.89 for Snowball after simplemma), Russian by simplemma then Snowball
    (recall and precision 1.00, as simplemma alone, and it also finds place names simplemma
    does not know, ``Арцахе``), Azerbaijani by the suffix rules;
    English words are left as they are, so that English counts do not change.

Every key is computed from a token's normalised (case-folded) form; the surface as written
and its character offsets stay with the token.
"""

from __future__ import annotations

import functools

import numpy as np

from .tokenizer import Tokens, fold_case

__all__ = ["METHODS", "AUTO_METHODS", "KEEP_FORMS", "azerbaijani_stem", "azerbaijani_forms",
           "armenian_key", "lemma_function", "lemma_forms",
           "lemmatize_tokens", "lemmatizer_provenance", "LemmaTokens"]

METHODS = ("auto", "simplemma", "snowball", "simplemma+snowball", "suffix", "simplemma+rules")
#: The method ``"auto"`` uses per language (chosen on the development texts; see the module
#: docstring). A language not listed keeps its forms.
AUTO_METHODS = {"ru": "simplemma+snowball", "hy": "simplemma+rules", "az": "suffix"}

_SNOWBALL_NAMES = {"ru": "russian", "hy": "armenian", "en": "english", "tr": "turkish"}
# Under "simplemma+snowball", a Russian lemma that is an infinitive (the dictionary form of a
# verb: -ть, -ти, -чь, with the reflexive -ся/-сь; T. Wade, *A Comprehensive Russian
# Grammar*, 3rd ed., 2011, on the infinitive) keeps its lemma rather than its Snowball stem:
# the stem of a verb and of a noun of the same root coincide (править "to rule", whose
# participle is правящей, and право "right" are both "прав"), while a verb is another lexeme
# than the noun of a lexicon (tests/data/languages/CARD.md). simplemma gives the infinitive
# for every verb form it knows, participles included.
_INFINITIVE = {"ru": ("ть", "ти", "чь", "ться", "тись", "чься")}
_SIMPLEMMA_LANGS = {"ru", "hy", "en", "tr", "uk", "ka"}

# Azerbaijani nominal morphology, after K. Öztopçu (2003), *Elementary Azerbaijani*, 2nd ed.
# (Santa Monica: Öztopçu), lessons on vowel harmony, the buffer consonants and the cases, and
# C. Schönig (1998), "Azerbaijanian", in L. Johanson & É. Á. Csató (eds.), *The Turkic
# Languages*, Routledge, pp. 248-260 (suffix order: stem - plural - possessive - case - -kı -
# predicative). Written after case folding, where the tokenizer folds ı to i, so ı and i are
# one letter here. Each suffix: (form, slot, what the stem must end in: "C" consonant, "V"
# vowel, "" either). Slots from the stem outwards: 1 plural, 2 possessive, 3 case, 4 the
# relative -kı/-ki, 5 the predicative -dır. A suffix is stripped when the stem left ends as
# required (the buffer consonants y, n, s stand after vowels only: dative -a after a
# consonant, -ya after a vowel), the suffix's vowel harmonises with the stem's last vowel,
# and its slot lies left of the last one stripped (the relative -dakı starts a new chain).
_AZ_SUFFIX_TABLE = [
    # plural; 3rd person plural possessive (plural + -ı)
    ("lar", 1, ""), ("lər", 1, ""), ("lari", 2, ""), ("ləri", 2, ""),
    # possessives 1sg, 2sg, 3sg, 1pl, 2pl
    *[(x, 2, "C") for x in "im um üm in un ün i u ü imiz umuz ümüz iniz unuz ünüz".split()],
    *[(x, 2, "V") for x in "si su sü miz muz müz niz nuz nüz".split()],
    # cases: genitive, accusative, dative, locative, ablative, instrumental (-la, the
    # clitic ilə); after a vowel (also the 3rd person possessive) with the buffer n or y
    *[(x, 3, "C") for x in "in un ün i u ü a ə".split()],
    *[(x, 3, "V") for x in "nin nun nün ni nu nü ya yə na nə nda ndə ndan ndən yla ylə".split()],
    *[(x, 3, "") for x in "da də dan dən la lə".split()],
    # the locative with the relative -kı (Qarabağdakı "the one in Karabakh"), which makes a
    # new word that takes plural, possessive and case again (Qarabağdakılara)
    ("daki", 4, ""), ("dəki", 4, ""), ("ndaki", 4, "V"), ("ndəki", 4, "V"),
    # predicative -dır, plural -dırlar
    *[(x, 5, "") for x in "dir dur dür dirlar dirlər durlar dürlər".split()],
]
# longest first; of two suffixes of one form (-ı accusative or possessive) the outer first
_AZ_SUFFIX_TABLE.sort(key=lambda t: (len(t[0]), t[1]), reverse=True)
_AZ_VOWELS = set("aeəiıoöuü")
_AZ_MIN_STEM = 3
# Vowel harmony (Öztopçu, lesson 1): after a stem whose last vowel is the key, a suffix
# vowel of the two-fold set (a/ə) or the four-fold set (ı/i/u/ü). Folded ı is i, so a stem
# in i may be back (ı: -a, -ı) or front (i: -ə, -i).
_AZ_HARMONY = {"a": "ai", "o": "au", "u": "au", "e": "əi", "ə": "əi", "ö": "əü", "ü": "əü",
               "i": "aəi"}


def _az_last_vowel(w: str):
    for ch in reversed(w):
        if ch in _AZ_VOWELS:
            return ch
    return None


def _az_harmonic(stem: str, suffix: str) -> bool:
    v = next((ch for ch in suffix if ch in _AZ_VOWELS), None)  # the suffix's first vowel
    if v is None:
        return True
    last = _az_last_vowel(stem)
    return last is not None and v in _AZ_HARMONY[last]


def azerbaijani_stem(word: str) -> str:
    """Stem an Azerbaijani word (case-folded) by stripping inflectional suffixes.

    The rules (Öztopçu 2003; Schönig 1998; sources in the module): everything from an
    apostrophe on is dropped (``Bakı'da`` style); then suffixes are stripped from the end,
    longest first, in the order of the suffix chain read backwards -- the predicative
    ``-dır``, the relative ``-kı``, a case, a possessive, the plural -- each at most once and
    only where (a) at least three letters, one a vowel, remain, (b) the stem left ends as the
    suffix needs (the buffer consonants ``y n s`` stand after a vowel: ``-ya``, ``-nın``,
    ``-sı``; the bare ``-a``, ``-ın``, ``-ı`` after a consonant) and (c) the suffix's vowel
    harmonises with the stem's last vowel (``hüququ`` is ``hüquq`` + ``-u``; ``hüquqi``
    "legal", with a front ``-i`` after a back ``u``, is another word). Last, a stem-final
    ``y`` or ``ğ`` after a vowel is taken back to ``k`` or ``q``, the consonant it alternates
    with before a vowel (``təhlükəsizliyi`` -> ``təhlükəsizlik``, ``Qarabağ`` -> ``qarabaq``).
    The stem need not be a word, and a dictionary form and its inflections need not share
    one: :func:`lemma_forms` gives a pattern word the stems of its whole paradigm
    (:func:`azerbaijani_forms`).

    Examples
    --------
    >>> [azerbaijani_stem(w) for w in ["vətəndaşlarımızın", "vətəndaşlarıdır", "vətəndaşa"]]
    ['vətəndaş', 'vətəndaş', 'vətəndaş']
    >>> [azerbaijani_stem(w) for w in ["qarabağda", "qarabağdakı", "qarabağın"]]
    ['qarabaq', 'qarabaq', 'qarabaq']
    >>> azerbaijani_stem("təhlükəsizliyinin") == azerbaijani_stem("təhlükəsizlik")
    True
    >>> azerbaijani_stem("hüququ"), azerbaijani_stem("hüquqi")
    ('hüquq', 'hüquqi')
    """
    from frameshift.errors import check_text_argument

    check_text_argument(word, "word", "azerbaijani_stem")
    w = word.replace("’", "'").replace("ʼ", "'")
    if "'" in w:
        w = w.split("'", 1)[0]
    w = w.replace("ı", "i")
    slot = 6
    while True:
        for suf, k, needs in _AZ_SUFFIX_TABLE:
            if (k >= slot and k != 4) or not w.endswith(suf):
                continue
            stem = w[: -len(suf)]
            if len(stem) < _AZ_MIN_STEM or not _AZ_VOWELS & set(stem):
                continue
            if needs and (stem[-1] in _AZ_VOWELS) != (needs == "V"):
                continue
            if not _az_harmonic(stem, suf):
                continue
            w, slot = stem, (3 if k == 4 else k)  # -dakı: the locative, then the chain
            break
        else:
            break
    # a stem-final k or q becomes y or ğ before a vowel (təhlükəsizlik, təhlükəsizliyi;
    # bayraq, bayrağı): the key takes the form before the vowel back to k/q
    if len(w) > 3 and w[-2] in _AZ_VOWELS:
        if w[-1] == "y":
            w = w[:-1] + "k"
        elif w[-1] == "ğ":
            w = w[:-1] + "q"
    return w


def azerbaijani_forms(word: str) -> list[str]:
    """The regular inflected forms of an Azerbaijani noun (case-folded dictionary form).

    Plural, the six possessives and the six cases (and the relative ``-dakı``, the
    predicative ``-dır``) in the order stem - plural - possessive - case, each suffix in the
    vowel of the stem's last vowel (two-fold ``a/ə``, four-fold ``ı/i/u/ü``), with the buffer
    consonants ``y n s`` after a vowel and ``n`` after the 3rd person possessive
    (``dəhlizinə``), a final ``k``/``q`` of a word of two or more syllables turned to
    ``y``/``ğ`` before a vowel (``təhlükəsizliyi``, ``bayrağı``), after Öztopçu (2003). Not
    generated: the dropped high vowel of a few nouns (``ağız`` -> ``ağzı``, ``fikir`` ->
    ``fikri``), which is a property of the word, not a rule. Written with ``i`` for ``ı``, as the tokenizer folds them. The last word
    of a multi-word term counts as it stands (``bütövlüyü`` -> ``bütövlüyünü``).

    Examples
    --------
    >>> f = azerbaijani_forms("dəhliz")
    >>> [x in f for x in ["dəhlizi", "dəhlizinə", "dəhlizlərin", "dəhlizdən", "dəhlizyə"]]
    [True, True, True, True, False]
    >>> [x in azerbaijani_forms("reinteqrasiya") for x in ["reinteqrasiyasinin", "reinteqrasiyaya"]]
    [True, True]
    """
    w = word.replace("ı", "i")
    last = _az_last_vowel(w)
    if last is None:
        return [w]
    two = "a" if last in "aou" else "ə"   # folded i: both (below)
    twos = ("a", "ə") if last == "i" else (two,)
    four = {"a": "i", "i": "i", "e": "i", "ə": "i", "o": "u", "u": "u", "ö": "ü",
            "ü": "ü"}[last]

    def vowel_stems(stem):
        # the stem before a vowel-initial suffix, with the k/q alternation of a word of two
        # syllables or more (the root only: no suffix ends in k or q)
        out = [stem]
        if (stem == w and sum(ch in _AZ_VOWELS for ch in stem) >= 2 and stem[-1] in "kq"
                and stem[-2] in _AZ_VOWELS):
            out.append(stem[:-1] + ("y" if stem[-1] == "k" else "ğ"))
        return out

    def cases(base, a, i, after_poss3=False):
        # the six cases of base (a, i: its two- and four-fold vowels), -dakı and -dır
        out = [base]
        if base[-1] in _AZ_VOWELS:
            buf = "n" if after_poss3 else "y"  # dative -ya, after the possessive -na
            out += [base + "n" + i + "n", base + "n" + i, base + buf + a, base + "yl" + a]
            if after_poss3:  # locative and ablative with n after the 3rd person possessive
                out += [base + "nd" + a, base + "nd" + a + "n"]
        else:
            for vs in vowel_stems(base):
                out += [vs + i + "n", vs + i, vs + a]
            out.append(base + "l" + a)
        out += [base + "d" + a, base + "d" + a + "n", base + "d" + a + "ki",
                base + "d" + i + "r"]
        return out

    forms = []
    for a in twos:
        i = four if last != "i" else "i"
        plural = w + "l" + a + "r"
        bases = [(w, a, i, False), (plural, a, "i", False)]
        # possessives of the stem and of the plural
        for stem, sa, si in ((w, a, i), (plural, a, "i")):
            vfinal = stem[-1] in _AZ_VOWELS
            for vs in ([stem] if vfinal else vowel_stems(stem)):
                if vfinal:
                    p1, p2, p3 = vs + "m", vs + "n", vs + "s" + si
                    p4, p5 = vs + "m" + si + "z", vs + "n" + si + "z"
                else:
                    p1, p2, p3 = vs + si + "m", vs + si + "n", vs + si
                    p4, p5 = vs + si + "m" + si + "z", vs + si + "n" + si + "z"
                bases += [(p1, sa, si, False), (p2, sa, si, False), (p3, sa, si, True),
                          (p4, sa, si, False), (p5, sa, si, False)]
        bases.append((plural + "i", a, "i", True))  # 3rd person plural possessive -ları
        if w[-1] in _AZ_VOWELS:  # a word ending in a vowel may itself be a 3sg possessive
            bases.append((w, a, i, True))
        for base, ba, bi, p3 in bases:
            forms += cases(base, ba, bi, p3)
    return list(dict.fromkeys(forms))


# Armenian noun endings (Eastern Armenian, after the declension tables of Dum-Tragut, J.
# (2009), *Armenian: Modern Eastern Armenian*, Benjamins, ch. 2.1): plural -ներ/-եր, the
# cases genitive-dative -ի (-յի after a vowel), ablative -ից, instrumental -ով, locative
# -ում, the definite article -ը/-ն and the possessives -ս/-դ, alone or after the plural;
# and the genitive/instrumental stems of the nouns in -ություն (-ության, -ությամբ) and in
# -ում (-ման, -մամբ). Pairs (ending, replacement), tried longest first.
_HY_ENDINGS = sorted(
    [(e, "") for e in """ները ներն ների ներին ներից ներով ներում ներս ներդ ներ
     երը երն երի երին երից երով երում եր
     յի յին յից յով յում ին ից ով ում ը ն ի ս դ""".split()]
    + [("ության", "ություն"), ("ությանը", "ություն"), ("ությանն", "ություն"),
       ("ությամբ", "ություն"), ("ման", "ում"), ("մանը", "ում"), ("մանն", "ում"),
       ("մամբ", "ում")],
    key=lambda p: len(p[0]), reverse=True)
_HY_MIN_STEM = 3
#: Words that keep their own key under lemma matching, per language, although the
#: lemmatiser gives them another word's key: rival place names, whose difference is the
#: signal. simplemma lemmatises Armenian Շուշի (the Armenian name of Shusha) to Շուշա; in
#: Russian, Шуши (the Armenian name, indeclinable) is also the genitive of Шуша, and both
#: get the key шуш -- kept apart, Шуши counts as the Armenian name even where it is the
#: genitive of Шуша (a documented ambiguity, docs/languages.md).
KEEP_FORMS = {"hy": frozenset({"շուշի"}), "ru": frozenset({"шуши"})}


def armenian_key(word: str) -> str:
    """The key of an Armenian word (case-folded) for lemma matching: a lemma or a stem.

    A word simplemma's Armenian dictionary knows gets its lemma. Otherwise the endings of
    ``_HY_ENDINGS`` (plural, case, article; longest first, at least three letters kept) are
    stripped one at a time, at most three times, until the dictionary knows what is left,
    which then gives the lemma; a word whose stem stays unknown keeps the stripped form, so
    that an unknown dictionary form and its inflections meet at the same stem. The words of
    ``KEEP_FORMS["hy"]`` keep their own form.

    Examples
    --------
    >>> [armenian_key(w) for w in ["խաղաղապահ", "խաղաղապահները", "խաղաղապահների"]]
    ['խաղաղապահ', 'խաղաղապահ', 'խաղաղապահ']
    >>> armenian_key("զտումների") == armenian_key("զտում") == armenian_key("զտման")
    True
    >>> armenian_key("քաղաքացիական") == armenian_key("քաղաքացի")
    False
    """
    from frameshift.errors import check_text_argument
    check_text_argument(word, "word", "armenian_key")
    if not word:
        return word  # (the stemmer refuses an empty string; an empty word is its own key)
    import simplemma

    def known(w):
        return simplemma.is_known(w, lang="hy")

    w = word
    for rounds in range(4):
        if w in KEEP_FORMS["hy"]:
            return w
        if known(w):
            return simplemma.lemmatize(w, lang="hy").casefold()
        if rounds == 3:
            break
        for end, rep in _HY_ENDINGS:
            # at least three letters kept, or two before a restored ending (զտ-ման -> զտ-ում)
            if w.endswith(end) and len(w) - len(end) >= _HY_MIN_STEM - bool(rep):
                w = w[: len(w) - len(end)] + rep
                break
        else:
            break
    return w


def lemma_function(language: str, method: str = "auto"):
    """The key function (str -> str) of one language and method.

    Returns ``None`` when the method does not reduce that language (English under
    ``"auto"``; Azerbaijani under ``"simplemma"`` or ``"snowball"``, which have no
    Azerbaijani model) -- its words are matched as written. The words of
    ``KEEP_FORMS[language]`` keep their own form.

    Raises
    ------
    OptionError
        An unknown method.
    ArgumentTypeError
        ``language`` or ``method`` is not a str (checked before the cache, which would
        raise a bare TypeError for a list).

    Examples
    --------
    >>> f = lemma_function("ru")
    >>> f("шуша") == f("шушой"), f("шуши")
    (True, 'шуши')
    """
    from frameshift.errors import check_text_argument
    check_text_argument(language, "language", "lemma_function")
    check_text_argument(method, "method", "lemma_function")
    return _cached_lemma_function(language, method)


@functools.lru_cache(maxsize=None)
def _cached_lemma_function(language: str, method: str = "auto"):
    """The key function of :func:`lemma_function` (one per language and method)."""
    f = _lemma_function(language, method)
    keep = KEEP_FORMS.get(language)
    if f is None or not keep:
        return f

    def kept(word):
        return word if word in keep else f(word)

    return functools.lru_cache(maxsize=None)(kept)


@functools.lru_cache(maxsize=None)
def _lemma_function(language: str, method: str = "auto"):
    """:func:`lemma_function` before ``KEEP_FORMS``.

    Returns ``None`` when the method does not reduce that language (English under
    ``"auto"``; Azerbaijani under ``"simplemma"`` or ``"snowball"``, which have no
    Azerbaijani model) -- its words are matched as written.

    Raises
    ------
    OptionError
        An unknown method.
    """
    from frameshift.errors import OptionError

    if method not in METHODS:
        raise OptionError(f"unknown lemma method {method!r}; use one of "
                          f"{', '.join(METHODS)}.")
    if method == "auto":
        method = AUTO_METHODS.get(language)
        if method is None:
            return None
    if language == "az":
        return azerbaijani_stem if method == "suffix" else None
    if method == "suffix":
        return None
    if method == "simplemma+rules":
        if language == "hy":
            return functools.lru_cache(maxsize=None)(armenian_key)
        method = "simplemma"
    if method == "simplemma+snowball":
        lem, stem = lemma_function(language, "simplemma"), lemma_function(language, "snowball")
        if lem is None or stem is None:
            return lem or stem

        verb = _INFINITIVE.get(language)

        def both(word):
            lemma = lem(word)
            if verb is not None and lemma.endswith(verb):
                return lemma  # a verb keeps its lemma: править (правящей) is not право
            return stem(lemma)

        return functools.lru_cache(maxsize=None)(both)
    if method == "snowball":
        name = _SNOWBALL_NAMES.get(language)
        if name is None:
            return None
        import snowballstemmer

        stemmer = snowballstemmer.stemmer(name)
        return functools.lru_cache(maxsize=None)(stemmer.stemWord)
    if language not in _SIMPLEMMA_LANGS:
        return None
    import simplemma

    def lemma(word, _lang=language):
        return simplemma.lemmatize(word, lang=_lang).casefold()

    return functools.lru_cache(maxsize=None)(lemma)


def _script_of(word: str) -> str:
    from .languages import _script

    for ch in word:
        s = _script(ch)
        if s is not None:
            return s
    return "other"


def lemma_forms(word: str, languages, *, method: str = "auto") -> list[str]:
    """The keys a lexicon word stands for: itself, and its key in each language of its script.

    A pattern word carries no language; a Cyrillic word is reduced as Russian, an Armenian
    one as Armenian, a Latin one as every Latin-script language of the corpus (Azerbaijani,
    and English when its method reduces English). An Azerbaijani word (method ``"suffix"``)
    stands for the stems of all its regular inflected forms (:func:`azerbaijani_forms`).

    Examples
    --------
    >>> lemma_forms("qarabağ", ["az", "ru"])
    ['qarabağ', 'qarabaq']
    >>> lemma_forms("atəşkəs", ["az"])
    ['atəşkəs', 'atəşkə']
    """
    from frameshift.errors import check_names_argument, check_text_argument
    check_text_argument(word, "word", "lemma_forms")
    check_names_argument(languages, "languages", "lemma_forms", "a language code")
    from .languages import LANGUAGES

    script = _script_of(word)
    out = [word]
    for lang in languages:
        info = LANGUAGES.get(lang)
        if info is None or info.script != script:
            continue
        f = lemma_function(lang, method)
        if f is None:
            continue
        # an Azerbaijani word stands for the stems of all its regular forms: the stripping
        # rules need not bring every form back to one stem (reinteqrasiya -> reinteqra, but
        # reinteqrasiyası -> reinteqrasiya)
        keys = _az_paradigm_keys(word) if f is azerbaijani_stem else (f(word),)
        for key in keys:
            if key and key not in out:
                out.append(key)
    return out


@functools.lru_cache(maxsize=4096)
def _az_paradigm_keys(word: str) -> tuple:
    """The distinct :func:`azerbaijani_stem` of the forms of :func:`azerbaijani_forms`,
    the word's own first (a pure function of the word, cached: a lexicon is compiled once
    per language of the corpus)."""
    return tuple(dict.fromkeys(azerbaijani_stem(w) for w in [word, *azerbaijani_forms(word)]))


def lemmatize_tokens(tokens: Tokens, languages, *, method: str = "auto",
                     negators=()) -> Tokens:
    """Tokens whose types are lemma/stem keys, per text language; surfaces and offsets kept.

    Parameters
    ----------
    tokens : Tokens
        Built with case folding (the default).
    languages : sequence of str or None
        Language code of every text (``None``: keep its forms).
    method : {"auto", "simplemma", "snowball", "simplemma+snowball", "suffix", "simplemma+rules"}
    negators : iterable of str
        Negating words (case-folded), matched against the forms as written, not their keys:
        the lemma of a negated verb is its positive verb (simplemma: ``չենք`` -> ``եմ``).
        When they include all the negators of a text's language
        (``LanguageInfo.negators``, as :func:`~frameshift.text.languages.multilingual_negators`
        gives), that language's negated verb forms and word order count too.

    Returns
    -------
    LemmaTokens
        The same tokens, sentences, offsets and adjacency; ``surfaces`` holds one entry per
        (surface, language) pair and ``types`` the keys; ``negative_form`` flags the surfaces
        that negate (a word of ``negators``, or negated inside the word in its language) and
        ``negation_follows`` those of verb-final languages.

    Examples
    --------
    >>> from frameshift.text import tokenize
    >>> toks = tokenize(["Qarabağda sülh.", "Qarabağ"])
    >>> lt = lemmatize_tokens(toks, ["az", "az"])
    >>> [lt.types[t] for t in lt.type_ids()]
    ['qarabaq', 'sülh', 'qarabaq']
    """
    from frameshift.errors import check_tokens_argument
    check_tokens_argument(tokens, "tokens", "lemmatize_tokens")
    from frameshift.errors import OptionError

    if not tokens.settings.casefold:
        raise OptionError("lemma matching needs case-folded tokens: use "
                          "TokenizerSettings(casefold=True).")
    languages = list(languages)
    if len(languages) != tokens.n_docs:
        raise OptionError(f"{len(languages)} languages given for {tokens.n_docs} texts.")
    codes = sorted({x for x in languages if x}, key=str)
    lang_names = [None, *codes]
    per_doc = np.asarray([lang_names.index(x) if x else 0 for x in languages], np.int64)
    n_words = tokens.n_tokens()
    lang_tok = np.repeat(per_doc, n_words)
    nl = len(lang_names)
    key = tokens.ids.astype(np.int64) * nl + lang_tok
    uniq, inv = np.unique(key, return_inverse=True)
    funcs = [None] + [lemma_function(c, method) for c in codes]
    surfaces, surface_type, types, type_id = [], [], [], {}
    for u in uniq.tolist():
        s, li = divmod(u, nl)
        form = tokens.types[tokens.surface_to_type[s]]
        f = funcs[li]
        k = (f(form) or form) if f is not None else form
        tid = type_id.get(k)
        if tid is None:
            tid = type_id[k] = len(types)
            types.append(k)
        surfaces.append(tokens.surfaces[s])
        surface_type.append(tid)
    out = LemmaTokens(
        surfaces=surfaces, types=types,
        surface_to_type=np.asarray(surface_type, dtype=np.int32),
        ids=inv.astype(np.int32).reshape(-1), doc_index=tokens.doc_index,
        sentence=tokens.sentence, starts=tokens.starts, ends=tokens.ends,
        settings=tokens.settings, texts=tokens._texts, adjacent=tokens.adjacent)
    # per surface entry (surface, language): negated inside the word, and negation that
    # also reaches back (verb-final languages), from frameshift.text.languages
    from .languages import LANGUAGES

    infos = [None] + [LANGUAGES.get(c) for c in codes]
    negators = frozenset(negators)
    negative = np.zeros(len(uniq), bool)
    follows = np.zeros(len(uniq), bool)
    for e, u in enumerate(uniq.tolist()):
        s, li = divmod(u, nl)
        form = tokens.types[tokens.surface_to_type[s]]
        negative[e] = form in negators
        info = infos[li]
        if info is None:
            continue
        # a language's own negation is on when its negators are (multilingual_negators())
        if not info.negators <= negators:
            continue
        follows[e] = info.negation_follows or form in info.negators_back
        if info.negative_form is not None and not negative[e]:
            negative[e] = bool(info.negative_form(form))
        raw = tokens.raw_surfaces[s] if tokens.raw_surfaces is not None else None
        if raw is not None and info.marked_negators and fold_case(raw) in info.marked_negators:
            negative[e] = True
    on = [i for i, info in enumerate(infos) if info is not None and info.negators <= negators]
    if on and len(inv):
        ids, negative, follows = _negation_in_context(
            tokens, inv.reshape(-1), [infos[i] if i in on else None for i in range(nl)],
            negative, follows, surfaces, surface_type, uniq, nl)
        out.ids = ids
        out.surface_to_type = np.asarray(surface_type, dtype=np.int32)
    out.negative_form = negative
    out.negation_follows = follows
    return out


def _negation_in_context(tokens, inv, infos, negative, follows, surfaces,
                         surface_type, uniq, nl):
    """Negation that depends on the next word or the sentence (``LanguageInfo``'s
    ``not_negating_before``, ``not_negating_after``, ``paired_negators``,
    ``negative_before``): the tokens whose
    negation differs from their surface entry's get a copy of that entry with their own flags
    (``surfaces`` and ``surface_type`` are extended in place). Returns the token ids and the
    per-entry ``negative`` and ``follows`` arrays."""
    n = len(inv)
    forms = [tokens.types[tokens.surface_to_type[u // nl]] for u in uniq.tolist()]
    ent_lang = (uniq % nl).astype(np.int64)
    doc_of = np.repeat(np.arange(tokens.n_docs), tokens.n_tokens())
    same_next = np.zeros(n, bool)
    same_next[:-1] = (doc_of[1:] == doc_of[:-1]) & (tokens.sentence[1:] == tokens.sentence[:-1])
    nxt = np.minimum(np.arange(n) + 1, n - 1)
    neg_t = negative[inv]
    for li, info in enumerate(infos):
        if info is None:
            continue
        in_lang = ent_lang == li
        if info.not_negating_before:
            seconds = frozenset().union(*info.not_negating_before.values())
            first = np.fromiter((bool(in_lang[e]) and forms[e] in info.not_negating_before
                                 for e in range(len(forms))), bool, len(forms))
            second = np.fromiter((forms[e] in seconds for e in range(len(forms))), bool,
                                 len(forms))
            for t in np.flatnonzero(first[inv] & second[inv[nxt]] & same_next).tolist():
                if forms[inv[t + 1]] in info.not_negating_before[forms[inv[t]]]:
                    neg_t[t] = False
        if info.not_negating_after:
            befores = frozenset().union(*info.not_negating_after.values())
            second = np.fromiter((bool(in_lang[e]) and forms[e] in info.not_negating_after
                                  for e in range(len(forms))), bool, len(forms))
            first = np.fromiter((forms[e] in befores for e in range(len(forms))), bool,
                                len(forms))
            for t in np.flatnonzero(first[inv] & second[inv[nxt]] & same_next).tolist():
                if forms[inv[t]] in info.not_negating_after[forms[inv[t + 1]]]:
                    neg_t[t + 1] = False
        if info.paired_negators:
            paired = np.fromiter((bool(in_lang[e]) and forms[e] in info.paired_negators
                                  for e in range(len(forms))), bool, len(forms))[inv]
            if paired.any():
                sent = np.zeros(n, np.int64)  # a sentence number over the whole corpus
                sent[1:] = np.cumsum(~same_next[:-1])
                twice = np.bincount(sent[paired], minlength=int(sent[-1]) + 1) >= 2
                neg_t[paired] = twice[sent[paired]]
        if info.negative_before is not None:
            is_word, is_next = info.negative_before
            a = np.fromiter((bool(in_lang[e]) and is_word(forms[e]) for e in range(len(forms))),
                            bool, len(forms))
            b = np.fromiter((is_next(forms[e]) for e in range(len(forms))), bool, len(forms))
            neg_t |= a[inv] & b[inv[nxt]] & same_next
    ids = inv.astype(np.int32).reshape(-1)
    changed = np.flatnonzero(neg_t != negative[inv])
    if len(changed):
        pair, where = np.unique(inv[changed] * 2 + neg_t[changed], return_inverse=True)
        new = len(surfaces) + np.arange(len(pair))
        base = (pair // 2).tolist()
        surfaces.extend(surfaces[e] for e in base)
        surface_type.extend(surface_type[e] for e in base)
        negative = np.concatenate([negative, (pair % 2).astype(bool)])
        follows = np.concatenate([follows, follows[pair // 2]])
        ids[changed] = new[where.reshape(-1)]
    return ids, negative, follows


class LemmaTokens(Tokens):
    """:class:`Tokens` of :func:`lemmatize_tokens`, with per-language negation per surface.

    Attributes (besides those of :class:`Tokens`)
    ----------------------------------------------
    negative_form : numpy.ndarray of bool
        Per surface id: a verb form negated inside the word in its text's language
        (``LanguageInfo.negative_form``: Armenian ``չ-``, Azerbaijani ``-ma/-mə``).
    negation_follows : numpy.ndarray of bool
        Per surface id: its language puts the negated verb after the words it governs
        (``LanguageInfo.negation_follows``), so a negator there also negates the words
        just before it.
    """

    negative_form = None
    negation_follows = None


def lemmatizer_provenance(languages, *, method: str = "auto") -> dict:
    """Which lemmatiser or stemmer (with version) served each language, for provenance.

    Examples
    --------
    >>> lemmatizer_provenance(["az", "en"])
    {'az': 'frameshift azerbaijani_stem 1', 'en': 'none (forms as written)'}
    """
    from frameshift.errors import check_names_argument
    check_names_argument(languages, "languages", "lemmatizer_provenance", "a language code")
    from importlib.metadata import version

    out = {}
    for lang in sorted({x for x in languages if x}):
        m = AUTO_METHODS.get(lang) if method == "auto" else method
        if lemma_function(lang, method) is None:
            out[lang] = "none (forms as written)"
        elif m == "suffix":
            out[lang] = "frameshift azerbaijani_stem 1"
        elif m == "simplemma+rules" and lang == "hy":
            out[lang] = f"simplemma {version('simplemma')} (hy) + frameshift armenian_key 1"
        elif m == "simplemma+snowball":
            out[lang] = (f"simplemma {version('simplemma')} ({lang}) + snowballstemmer "
                         f"{version('snowballstemmer')} ({_SNOWBALL_NAMES[lang]})")
        elif m == "snowball":
            out[lang] = f"snowballstemmer {version('snowballstemmer')} ({_SNOWBALL_NAMES[lang]})"
        else:
            out[lang] = f"simplemma {version('simplemma')} ({lang})"
    return out
