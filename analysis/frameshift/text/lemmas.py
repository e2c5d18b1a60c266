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

from .tokenizer import Tokens

__all__ = ["METHODS", "AUTO_METHODS", "KEEP_FORMS", "azerbaijani_stem", "armenian_key", "lemma_function", "lemma_forms",
           "lemmatize_tokens", "lemmatizer_provenance", "LemmaTokens"]

METHODS = ("auto", "simplemma", "snowball", "simplemma+snowball", "suffix", "simplemma+rules")
#: The method ``"auto"`` uses per language (chosen on the development texts; see the module
#: docstring). A language not listed keeps its forms.
AUTO_METHODS = {"ru": "simplemma+snowball", "hy": "simplemma+rules", "az": "suffix"}

_SNOWBALL_NAMES = {"ru": "russian", "hy": "armenian", "en": "english", "tr": "turkish"}
_SIMPLEMMA_LANGS = {"ru", "hy", "en", "tr", "uk", "ka"}

# Azerbaijani suffixes (Latin script, after case folding; the tokenizer folds ı to i, so the
# list is written with i for ı). Case endings, possessives, plural, -dakı and the copula, as
# in the grammars of Azerbaijani (e.g. Shiraliyev & Sevortyan, and the tables of the
# Azerbaijani Wikipedia article "Hal kateqoriyası"); longest first.
_AZ_SUFFIXES = sorted(set("""
ndan ndən dan dən tan tən nda ndə da də ta tə
nin nun nün in un ün na nə ya yə ni nu nü ilə la lə
imiz umuz ümüz iniz unuz ünüz ları ləri si su sü im um üm
lar lər daki dəki ki dir dur dür tir tur tür
""".replace("ı", "i").split()), key=len, reverse=True)
_AZ_VOWELS = set("aeəiıoöuü")
_AZ_MIN_STEM = 3


def azerbaijani_stem(word: str) -> str:
    """Stem an Azerbaijani word (case-folded) by stripping inflectional suffixes.

    Rules, applied until none applies (at most four rounds): everything from an apostrophe
    on is dropped (``Bakı'da`` style); the longest suffix of the list (case endings, the
    possessives, plural ``-lar/-lər``, ``-dakı/-dəki``, the copula ``-dır``) is stripped if
    at least three letters, one of them a vowel, remain; a final single vowel (accusative or
    third-person possessive ``-ı/-i/-u/-ü``, dative ``-a/-ə``) is stripped if five letters
    remain; last, a final ``y`` or ``ğ`` after a vowel is taken back to ``k`` or ``q``, the
    consonant it alternates with before a vowel (``təhlükəsizliyi`` -> ``təhlükəsizlik``,
    ``Qarabağ`` -> ``qarabaq``). A dictionary form and its inflections meet at the same
    stem; the stem need not be a word.

    Examples
    --------
    >>> [azerbaijani_stem(w) for w in ["reinteqrasiya", "reinteqrasiyası",
    ...                                "reinteqrasiyasi", "reinteqrasiyaya"]]
    ['reinteqr', 'reinteqr', 'reinteqr', 'reinteqr']
    >>> [azerbaijani_stem(w) for w in ["qarabağ", "qarabağda", "qarabağin", "qarabağa"]]
    ['qarabaq', 'qarabaq', 'qarabaq', 'qarabaq']
    >>> azerbaijani_stem("təhlükəsizliyinin") == azerbaijani_stem("təhlükəsizlik")
    True
    """
    from frameshift.errors import check_text_argument

    check_text_argument(word, "word", "azerbaijani_stem")
    w = word.replace("’", "'").replace("ʼ", "'")
    if "'" in w:
        w = w.split("'", 1)[0]
    w = w.replace("ı", "i")
    for _ in range(4):
        before = w
        for suf in _AZ_SUFFIXES:
            if w.endswith(suf):
                stem = w[: -len(suf)]
                if len(stem) >= _AZ_MIN_STEM and _AZ_VOWELS & set(stem):
                    w = stem
                    break
        else:
            if len(w) > 5 and w[-1] in "iuüaə":
                w = w[:-1]
        if w == before:
            break
    # a stem-final k or q becomes y or ğ before a vowel (təhlükəsizlik, təhlükəsizliyi;
    # bayraq, bayrağı): the key takes the form before the vowel back to k/q
    if len(w) > 3 and w[-2] in _AZ_VOWELS:
        if w[-1] == "y":
            w = w[:-1] + "k"
        elif w[-1] == "ğ":
            w = w[:-1] + "q"
    return w


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

        def both(word):
            return stem(lem(word))

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
    and English when its method reduces English).

    Examples
    --------
    >>> lemma_forms("qarabağda", ["az", "ru"])
    ['qarabağda', 'qarabaq']
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
        if f is not None:
            key = f(word)
            if key and key not in out:
                out.append(key)
    return out


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
        follows[e] = info.negation_follows
        if info.negative_form is not None and not negative[e]:
            negative[e] = bool(info.negative_form(form))
    out.negative_form = negative
    out.negation_follows = follows
    return out


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
