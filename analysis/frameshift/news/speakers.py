"""Speaker mentions as written, without a registry: names, titles, organisations, pronouns.

A careful reader of a news report finds the speaker of a quote even when nobody has listed the
speakers beforehand: "Ani Badalian, the Foreign Ministry spokeswoman, told ...", "the premier
claimed", "he said" after a paragraph naming the person. This module finds those *mentions* in
the outlet's words (quotes blanked) by transparent rules, and gives each a canonical form
("Mirzoyan" -> "Ararat Mirzoyan" when the article named him in full) and the titles the article
gives the person ("Armenian Foreign Minister Ararat Mirzoyan" -> minister, foreign).

The word lists live in :data:`LANGUAGES`, one table per language, so that another language's
rules can plug in their own table (``LANGUAGES["ru"] = {...}``) without touching the English
ones. The attribution rules themselves are in :mod:`frameshift.news.articles`.
"""

from __future__ import annotations

import re
from bisect import bisect_left
import unicodedata
from dataclasses import dataclass, field

import numpy as np

__all__ = ["LANGUAGES", "unregistered_id", "UNREGISTERED_PREFIX"]

#: Actor ids given to speakers that are not in the registry start with this.
UNREGISTERED_PREFIX = "new:"

#: Per-language word lists used to find speaker mentions. Keys of a table:
#: ``titles`` (head nouns of a person's title), ``organisations`` (head nouns of a body),
#: ``person_pronouns``, ``body_pronouns``, ``not_names`` (capitalised words that never start
#: a name), ``title_synonyms`` (title -> the title word it stands for).
LANGUAGES: dict[str, dict] = {
    "en": {
        "titles": frozenset("""minister premier president spokesperson spokeswoman spokesman
            ambassador envoy diplomat official chancellor secretary chairman chairwoman chair
            speaker leader head prosecutor commander general adviser advisor aide representative
            mediator governor mayor pm fm counterpart brigadier colonel lieutenant admiral
            marshal plenipotentiary senator professor king queen prince emir sheikh sultan
            director commissioner mp mep secretary-general undersecretary judge negotiator
            lawmaker chief ombudsman pope patriarch chairperson deputy delegate
            coordinator""".split()),
        "organisations": frozenset("""ministry government office administration agency service
            army council parliament assembly committee commission department union press
            authorities embassy presidency cabinet mission forces command court party
            republic side kremlin authority front movement organisation organization alliance
            coalition league police navy senate congress bureau secretariat delegation
            nations""".split()),
        # he / she, and their Russian and Armenian forms (the quote rules read reports in
        # those languages too: "«...», - сказал он")
        "person_pronouns": frozenset({"he", "she", "он", "она", "նա"}),
        "body_pronouns": frozenset({"it", "they"}),
        "not_names": frozenset("""the a an in on at but and however speaking responding
            commenting according it this that these those he she they we i you his her their its
            earlier later meanwhile despite while as after before when since if so yet also
            then there here what who why how asked for from with by of to under over during
            monday tuesday wednesday thursday friday saturday sunday january february march
            april may june july august september october november december photo source image
            our my your mr mrs ms dr last first next one two unfortunately still now today
            instead no not yes all some many most both each every other such yesterday
            tomorrow tonight thus hence therefore moreover furthermore nevertheless nonetheless
            besides additionally notably separately likewise similarly indeed recently
            previously currently finally""".split()),
        "title_synonyms": {"premier": "prime", "spokeswoman": "spokesperson",
                           "spokesman": "spokesperson", "fm": "foreign", "pm": "prime",
                           "chairwoman": "chairman", "chair": "chairman",
                           "advisor": "adviser"},
    },
}


#: Words of Russian, Armenian and Azerbaijani reports the English rules read too (the
#: articles name no language): ``titles``, the start of a title word -> the English title it
#: stands for (an inflected form adds at most five letters: ``министра``, ``նախարարի``,
#: ``Prezidenti``; ``not_after`` are endings that make another word of it: ``nazirlik``,
#: ``նախարարություն`` are ministries); ``title_phrases``, regular expressions of titles of
#: several words (``dövlətimizin başçısı``, head of our state: the president);
#: ``impersonal``, the impersonal forms by which a report quotes a document (``говорится в
#: заявлении``, ``ասվում է``, ``qeyd olunur``: "it is said"), whose speaker is the statement's
#: issuer; ``speech_verbs``, reporting verbs besides those of :mod:`frameshift.text.languages`.
REGIONAL: dict[str, dict] = {
    "ru": {
        "titles": {"министр": "minister", "премьер-министр": "prime", "замминистр": "minister",
                   "президент": "president", "пресс-секретар": "spokesperson",
                   "представител": "representative", "спикер": "speaker",
                   "канцлер": "chancellor", "генсек": "secretary", "посол": "ambassador",
                   "посла": "ambassador", "послом": "ambassador", "глава": "head",
                   "главы": "head", "главой": "head", "председател": "chairman"},
        "not_after": ("ств",),
        "title_phrases": {},
        "impersonal": ["говорится", "отмечается", "подчеркивается", "подчёркивается",
                       "сообщается", "указывается", "утверждается", "заявляется",
                       "констатируется", "добавляется"],
        "speech_verbs": ["заявляет", "сообщает", "пишет", "написал", "написала", "добавляет",
                         "подчеркнул", "констатировал", "констатировала", "призвал",
                         "призвала", "считают", "уточнил", "уточнила", "пояснил", "пояснила"],
    },
    "hy": {
        "titles": {"նախարար": "minister", "նախագահ": "president", "վարչապետ": "prime",
                   "խոսնակ": "spokesperson", "ներկայացուցիչ": "representative",
                   "դեսպան": "ambassador", "ղեկավար": "head"},
        "not_after": ("ություն", "ությ", "ական"),
        "title_phrases": {},
        "impersonal": ["ասվում", "նշվում", "ընդգծվում", "հաղորդվում"],
        "speech_verbs": ["գրում", "գրել", "գրեց", "հայտնել", "հայտնեց", "հայտնում", "նշում",
                         "ասում", "հայտարարում", "շեշտում", "ընդգծում", "ավելացրել",
                         "ավելացրեց"],
    },
    "az": {
        "titles": {"prezident": "president", "nazir": "minister", "sözçü": "spokesperson",
                   "nümayəndə": "representative", "səfir": "ambassador", "sədr": "chairman",
                   "rəhbər": "head", "başçı": "head", "katib": "secretary"},
        "not_after": ("lik", "liy", "lığ", "liğ", "lık", "lı", "li"),
        "title_phrases": {r"(?:dövlət|dövlətimizin|ölkəmizin|ölkə)\s+başçı\w{0,5}": "president",
                          r"mətbuat\s+katib\w{0,5}": "spokesperson",
                          r"baş\s+nazir\w{0,5}": "prime"},
        "impersonal": ["bildirilir", "bildirilib", "qeyd olunur", "qeyd olunub", "qeyd edilir",
                       "qeyd edilib", "vurğulanır", "vurğulanıb", "deyilir", "deyilib",
                       "göstərilir", "göstərilib"],
        "speech_verbs": ["deyə", "bildirir", "qeyd edib", "vurğulayır", "əlavə edib",
                         "söyləyir", "açıqladı", "yazıb", "yazır"],
    },
}


# Which table applies: a script or letter the article must contain (so that the Azerbaijani
# "nazir" is a title in an Azerbaijani report and "Nazir" a name in an English one).
_REGIONAL_SIGN = {"ru": re.compile(r"[а-яё]", re.I), "hy": re.compile(r"[\u0531-\u0587]"),
                  "az": re.compile(r"[əƏ]")}


def _regional_title_re(table: dict):
    alts = "|".join(sorted(map(re.escape, table["titles"]), key=len, reverse=True))
    phrases = "|".join(table["title_phrases"])
    return re.compile(r"(?i)(?<![\w-])(?:" + (r"(?P<phrase>" + phrases + r")|" if phrases
                                              else "") + r"(?P<word>(?:" + alts
                      + r")\w{0,5}))(?![\w-])")


_REGIONAL_RES = {c: _regional_title_re(t) for c, t in REGIONAL.items()}


def regional_title(word: str, lang: str | None = None):
    """The English title a Russian, Armenian or Azerbaijani title word stands for
    (``министра`` -> ``minister``, ``Prezidenti`` -> ``president``), else None.

    >>> regional_title("министра"), regional_title("Prezidenti"), regional_title("nazirliyi")
    ('minister', 'president', None)
    """
    w = word.casefold()
    for code in ([lang] if lang else REGIONAL):
        table = REGIONAL[code]
        for k in range(min(len(w), 16), 1, -1):
            head = table["titles"].get(w[:k])
            if head is not None:
                rest = w[k:]
                if len(rest) > 5 or rest.startswith(table["not_after"]):
                    break
                return head
    return None


def regional_languages(text: str) -> list:
    """The regional tables that apply to ``text`` (its script or letters)."""
    return [c for c, sign in _REGIONAL_SIGN.items() if sign.search(text)]


def _regional_titles(masked: str, free) -> list:
    """Title mentions of the Russian, Armenian and Azerbaijani tables that apply."""
    out = []
    for code in regional_languages(masked):
        table = REGIONAL[code]
        for m in _REGIONAL_RES[code].finditer(masked):
            if not free(m.start(), m.end()):
                continue
            if m.groupdict().get("phrase"):
                head = next(h for p, h in table["title_phrases"].items()
                            if re.fullmatch("(?i)" + p, m.group()))
            else:
                head = regional_title(m.group(), code)
                if head is None:
                    continue
            heads = {head} | ({"minister"} if head == "prime" else set())
            out.append(NameMention(m.start(), m.end(), m.group(), "title", m.group(), heads))
    return out


# Russian and Armenian personal names, which the Latin capitals above do not find: a first
# name and a surname with a surname's ending (and a case ending), or an initial and one:
# "Иван Нечаев", "Марии Захаровой", "С. Лавров", "Արարատ Միրզոյանը". A surname alone is a
# name only after the article gave it in full (cities end in -ов and -ев too: Ростов, Киев).
_RU_SURNAME = (r"[А-ЯЁ][а-яё]+(?:ов|ев|ёв|ин|ын|ский|цкий|ской|ян|янц|швили|дзе|енко|ук|юк|"
               r"вич)(?:а|у|ым|ом|е|ой|ого|ому|ая|ую|ой)?")
_RU_FEMALE_SURNAME = r"[А-ЯЁ][а-яё]+(?:ова|ева|ёва|ина|ына|ская|цкая)(?:ой|у)?"
_HY_SURNAME = r"[Ա-Ֆ][ա-ֆ]+(?:յան|յանց|ունի)(?:ը|ի|ին|ից|ն|ով)?"
_REGIONAL_NAME_RE = re.compile(
    r"(?<![\w-])(?:[А-ЯЁ][а-яё]+|[А-ЯЁ]\.)[ \t]+(?:" + _RU_SURNAME + "|" + _RU_FEMALE_SURNAME
    + r")(?![\w-])|(?<![\w-])(?:[Ա-Ֆ][ա-ֆ]+|[Ա-Ֆ]\.)[ \t]+" + _HY_SURNAME + r"(?![\w-])")
# Case endings a surname may carry (longest first), and the stem it is known by.
_SURNAME_ENDINGS = ("ого", "ому", "ой", "ым", "ом", "ую", "ая", "а", "у", "е", "ը", "ի",
                    "ին", "ից", "ն", "ով")


def _surname_stem(word: str) -> str:
    w = word.casefold()
    for e in sorted(_SURNAME_ENDINGS, key=len, reverse=True):
        if w.endswith(e) and len(w) - len(e) >= 4:
            return w[:-len(e)]
    return w


def _regional_names(masked: str, free) -> list:
    """Person mentions in Cyrillic or Armenian letters (see _REGIONAL_NAME_RE): full names,
    then their surnames alone after them. The canonical form is the first full form given
    (the case it had there)."""
    out, by_stem = [], {}
    for m in _REGIONAL_NAME_RE.finditer(masked):
        if not free(m.start(), m.end()):
            continue
        words = m.group().split()
        surname = words[-1]
        if re.match(r"[Ա-Ֆ]", surname):  # (Armenian: the surname without its case ending)
            words[-1] = re.sub(r"(յանց|յան|ունի).*$", r"\1", surname)
        canon = by_stem.setdefault(_surname_stem(surname), " ".join(words))
        out.append(NameMention(m.start(), m.end(), m.group(), "person", canon))
    if by_stem:
        first = min(x.start for x in out)
        for m in re.finditer(r"(?<![\w-])(?:[А-ЯЁ][а-яё]{3,}|[Ա-Ֆ][ա-ֆ]{3,})(?![\w-])",
                             masked):
            canon = by_stem.get(_surname_stem(m.group()))
            if canon is None or m.start() < first or not free(m.start(), m.end()) or any(
                    x.start <= m.start() < x.end for x in out):
                continue
            out.append(NameMention(m.start(), m.end(), m.group(), "person", canon))
    return out


def unregistered_id(canonical: str) -> str:
    """Actor id of a speaker not in the registry: ``new:`` and a slug of its canonical name.

    >>> unregistered_id("Ararat Mirzoyan")
    'new:ararat-mirzoyan'
    >>> unregistered_id("the Azerbaijani Foreign Ministry")
    'new:azerbaijani-foreign-ministry'
    """
    s = unicodedata.normalize("NFKD", canonical)
    s = "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()
    s = re.sub(r"^(?:the|a|an)\s+", "", s)
    s = re.sub(r"['’]s\b", "", s)
    slug = re.sub(r"[^\w]+", "-", s).strip("-")
    return UNREGISTERED_PREFIX + (slug or "speaker")


@dataclass
class NameMention:
    """A mention found without the registry."""

    start: int
    end: int
    surface: str
    kind: str  # "person", "body", "title", "pronoun"
    canonical: str
    titles: set = field(default_factory=set)


# Capital letters of the Latin alphabets (Azerbaijani, Turkish, Slavic, Romanian names:
# "İlham", "Çavuşoğlu", "Šefčovič", "Ərdoğan").
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆĈĊČĎĐĒĔĖĘĚĜĞĠĢĤĦĨĪĬĮİĴĶĹĻĽĿŁŃŅŇŌŎŐŒŔŖŘŚŜŞŠŢŤŦŨŪŬŮŰŲŴŶŸŹŻŽƏȘȚ"
_CAP = (r"(?:(?:[" + _UPPER + r"]|(?:al|el|ad|as|ash|at|az|bin|ibn|abu)-[" + _UPPER + r"])"
        r"[\w'’.-]*[\w]|[" + _UPPER + r"]\.(?=[ \t]+[" + _UPPER + r"]))")
# ("al-Nur", "el-Sisi": an article before a capital; "John F. Kennedy": an initial)
# Lower-case particles inside a name: "Staffan de Mistura", "Ursula von der Leyen".
_PARTICLES = r"(?:de|da|di|du|des|del|della|van|von|der|den|ter|la|le|dos|das|bin|ibn|al|el)"
# Capitalised words joined by spaces or "of", "of the", "for" ("Ministry of Foreign Affairs of
# Ukraine"). Not by "and": "Abkhazia and South Ossetia" are two, not one speaker.
_NAME_RE = re.compile(
    r"(?<![\w'’-])" + _CAP + r"(?:(?:[ \t]+|[ \t]+(?:of|of[ \t]+the|for)[ \t]+|(?:[ \t]+"
    + _PARTICLES + r"){1,2}[ \t]+)" + _CAP + r")*"
    r"(?![\w'’-])")
_LOWER_NP_RE = None  # built per language in _lower_np_re


# Words of a body's name that are not a person's ("Foreign Affairs", "Russian Federation").
_BODY_WORDS = frozenset("""affairs federation republic union states nations kingdom emirates
security defence defense justice interior foreign internal situations relations development
economy finance cooperation organization organisation""".split())


def _lower_np_re(lang: dict):
    heads = "|".join(sorted(lang["titles"] | lang["organisations"], key=len, reverse=True))
    return re.compile(
        r"(?i)(?<![\w'’-])(?:(?:the|its|his|her|their|a|an)\s+|(?=de\s+facto\s))"
        # (no preposition or anonymous head among the modifiers: in "a source in the
        # government" the government is not the speaker)
        r"((?:(?!(?:" + "|".join(sorted(_NOT_MODIFIERS)) + r")\s)\(?[\w-]+\)?(?:'s|’s)?\s+)"
        r"{0,5}?)"
        r"((?:" + heads + r")(?:\s+(?:" + heads + r"))*)"
        r"(?:\s+of\s+(?:the\s+)?(?:[\w-]+\s+){0,3}?(?:" + heads + r"))?"
        # a possessive ends the phrase ("the minister's statement") unless a title or body
        # word follows within four words ("the ministry's press spokesperson": one phrase)
        r"(?:(?=['’]s(?![\w'’-])(?!(?:\s+[\w-]+){0,3}?\s+(?:" + heads + r")(?![\w'’-])))"
        r"|(?![\w'’-]))")


# Words that cannot modify a title or body in one noun phrase: prepositions, anonymous heads.
_NOT_MODIFIERS = frozenset("""in at from with within near close inside source sources
officials""".split())


_UNMASKED_RE = re.compile(r"[^\0]+")
_NONSPACE_RE = re.compile(r"\S+")


def _unmasked_finditer(pattern: re.Pattern, masked: str):
    """``pattern.finditer(masked)`` for a pattern that cannot match a NUL and whose
    lookarounds take NUL for a non-word character: the same matches, found only between the
    blanked quotes (a regex pays its full cost at each NUL, half of a quote-dense article).
    Used here and by articles.py (verbs, date anchors, references)."""
    for s in _UNMASKED_RE.finditer(masked):
        yield from pattern.finditer(masked, s.start(), s.end())


def _words(s: str) -> list[str]:
    return re.findall(r"[\w-]+", s.casefold())


def find_mentions(masked: str, lang_code: str = "en", taken=None) -> list[NameMention]:
    """Mentions of possible speakers in ``masked`` (quotes blanked), in text order.

    ``taken`` is a boolean array of characters already claimed by registry aliases.
    """
    lang = LANGUAGES[lang_code]
    titles, orgs, stop = lang["titles"], lang["organisations"], lang["not_names"]
    syn = lang["title_synonyms"]
    out: list[NameMention] = []

    def free(a, b):
        return taken is None or not taken[a:b].any()

    seen_lower: dict = {}
    regional = _regional_titles(masked, free)
    if re.search(r"[А-ЯЁԱ-Ֆ]", masked):
        regional += _regional_names(masked, free)
    if regional:
        taken = np.zeros(len(masked) + 1, dtype=bool) if taken is None else taken.copy()
        for x in regional:
            taken[x.start:x.end] = True

    def lower_before(surface: str) -> bool:
        """Whether ``surface`` occurs after a lower-case word or a comma anywhere
        (``[a-z,]\\s+surface\\b``): one scan of the text per distinct word, not per mention."""
        if surface not in seen_lower:
            seen_lower[surface] = re.search(r"[a-z,]\s+" + re.escape(surface) + r"\b",
                                            masked) is not None
        return seen_lower[surface]

    for m in _NAME_RE.finditer(masked):
        toks_all = [(t.start(), t.end(), t.group())
                    for t in _NONSPACE_RE.finditer(masked, m.start(), m.end())]
        # only the words no registry alias claimed: "Foreign Minister of Armenia" before the
        # alias "Ararat Mirzoyan" is still a title
        runs, cur = [], []
        for t in toks_all:
            if free(t[0], t[1]):
                cur.append(t)
            elif cur:
                runs.append(cur)
                cur = []
        if cur:
            runs.append(cur)
        for toks in runs:
            _name_run(masked, toks, lang, out, lower_before)
    _lower_nps(masked, lang, out, free)
    out.extend(regional)
    pron = lang["person_pronouns"] | lang["body_pronouns"]
    for m in _unmasked_finditer(re.compile(r"(?i)(?<![\w'’-])(" + "|".join(pron)
                                           + r")(?![\w'’-])"), masked):
        if free(m.start(), m.end()):
            out.append(NameMention(m.start(), m.end(), m.group(), "pronoun", m.group().lower()))
    for x in out:
        # "Tom Vale's claim": the possessive ending is not the name's (as after a registered
        # alias, it stands after the mention, where the possessive rules look for it)
        if x.surface.endswith(("'s", "’s")) and x.kind in ("person", "body") and \
                len(x.surface) > 4 and x.surface[-3].isalnum():
            x.end -= 2
            x.surface = x.surface[:-2]
            if re.search(r"['’]s$", x.canonical):
                x.canonical = x.canonical[:-2]
    out.sort(key=lambda x: x.start)
    _appositions(masked, out)
    _canonicalise(out)
    return out


#: Last words of a capitalised run that make it a matter, not a person nor a body that
#: speaks ("the Cyprus Problem", "the Kashmir Issue", "the Karabakh Conflict").
_NOT_PERSON_HEADS = frozenset("""problem issue question crisis conflict war dispute
    process talks summit conference""".split())


def _name_run(masked: str, toks: list, lang: dict, out: list, lower_before) -> None:
    """One run of capitalised words: a person (with the titles before the name), a body or a
    title alone."""
    titles, orgs, stop = lang["titles"], lang["organisations"], lang["not_names"]
    syn = lang["title_synonyms"]
    # drop leading words that cannot start a name ("The", "In", "Speaking")
    while toks and toks[0][2].casefold().strip(".") in stop:
        toks = toks[1:]
    while toks and toks[-1][2].casefold() in ("of", "the", "for", "and"):
        toks = toks[:-1]
    if not toks:
        return
    lw = [t[2].casefold().rstrip(".") for t in toks]
    # a title before the name: "Foreign Minister Ararat Mirzoyan"
    last_title = max((i for i, w in enumerate(lw) if w in titles), default=-1)
    org = any(w in orgs for w in lw)
    a, b = toks[0][0], toks[-1][1]
    if org:
        # "Azerbaijani Ministry of Foreign Affairs Leyla Abdullayeva", "Kremlin Dmitry
        # Peskov": a body name followed by a person's name (two capitalised words after a
        # word that is not "of/for/the": "of North Macedonia" stays the body's)
        if len(toks) >= 4 and not ({lw[-1], lw[-2]} & (orgs | titles | _BODY_WORDS)) and \
                lw[-3] not in ("of", "for", "the", "and") and all(
                    t[2][:1].isupper() and t[2].isalpha() for t in toks[-2:]):
            body = toks[:-2]
            ba, bb = body[0][0], body[-1][1]
            out.append(NameMention(ba, bb, masked[ba:bb], "body", masked[ba:bb],
                                   {syn.get(w, w) for w in lw[:-2]}))
            na, nb = toks[-2][0], toks[-1][1]
            out.append(NameMention(na, nb, masked[na:nb], "person", masked[na:nb], set()))
            return
        surface = masked[a:b]
        out.append(NameMention(a, b, surface, "body", surface,
                               {syn.get(w, w) for w in lw}))
        return
    rest = lw[last_title + 1:] if last_title >= 0 else []
    if rest and rest[0] in ("of", "for") and len(rest) <= 3:
        # "Prime Minister of Serbia", "Foreign Minister of Armenia": a title
        surface = masked[a:b]
        out.append(NameMention(a, b, surface, "title", surface,
                               {syn.get(w, w) for w in lw}))
        return
    if rest and rest[0] in ("of", "for"):
        # "Foreign Minister of Armenia Ararat Mirzoyan": the name is the last two words
        name_toks = toks[-2:]
        lw = lw[:-2]
        last_title = len(lw) - 1
    if last_title >= 0 and last_title < len(toks) - 1:
        name_toks = toks[last_title + 1:] if not (rest and rest[0] in ("of", "for")) \
            else name_toks
        ctx = {syn.get(w, w) for w in lw[:last_title + 1]}
    elif last_title >= 0:
        surface = masked[a:b]
        out.append(NameMention(a, b, surface, "title", surface,
                               {syn.get(w, w) for w in lw}))
        return
    else:
        name_toks, ctx = toks, set()
    nw = [t[2].casefold() for t in name_toks]
    if "of" in nw[2:] and len(nw) - nw.index("of", 2) <= 4 and not (
            set(nw[:nw.index("of", 2)]) & _BODY_WORDS):
        # "President Tom Vale of Narnia": the person is the name before "of"
        name_toks = name_toks[:nw.index("of", 2)]
    na, nb = name_toks[0][0], name_toks[-1][1]
    surface = masked[na:nb]
    if len(name_toks) == 1 and len(surface) < 3:
        return
    if name_toks[-1][2].casefold().strip(".,") in _NOT_PERSON_HEADS:
        return  # "the Cyprus Problem", "the Kashmir Issue": a matter, nobody who speaks
    if len(name_toks) == 1 and surface.endswith("s") and not surface.endswith(
            ("'s", "’s")) and _starts_sentence(masked, na) and not lower_before(surface):
        return  # "Observers in ... said": a plural common noun starting a sentence
        # (not a possessive: "Narnia's foreign minister said")
    out.append(NameMention(na, nb, surface, "person", surface, ctx))


def _lower_nps(masked: str, lang: dict, out: list, free) -> None:
    """Noun phrases headed by a title or organisation word ("the foreign ministry of the
    self-proclaimed republic", "a spokesperson"); they replace the names inside them."""
    orgs = lang["organisations"]
    syn = lang["title_synonyms"]
    lower = _lower_np_re(lang)
    # The names found so far, by start, to find those overlapping a span in log time (a scan
    # of all of them per noun phrase made long articles quadratic).
    names = sorted(out, key=lambda x: x.start)
    name_starts = [x.start for x in names]
    longest = max((x.end - x.start for x in names), default=0)
    removed: set = set()
    added: list = []
    heads_alt = "|".join(sorted(lang["titles"] | lang["organisations"], key=len, reverse=True))
    more = re.compile(r"(?:[ \t]+(?:\([^()\n]{1,20}\)|[A-Z][\w-]*))+[ \t]+(?:" + heads_alt
                      + r")(?![\w'’-])", re.I)
    for m in _unmasked_finditer(lower, masked):
        a, b = m.start(), m.end()
        head = m.group(2).split()[-1].casefold()
        if re.match(r"[ \t]+(?:release|releases|conference|briefing|statement|report)\b",
                    masked[b:b + 20], re.I):
            continue  # "a press release", "a government statement": a document, not a body
        ext = more.match(masked, b)
        if ext and re.match(r"[ \t]+(?:\(|[A-Z])", masked[b:b + 3]):
            # "the de facto Nagorno-Karabakh Republic (NKR) authorities": the last head
            b = ext.end()
            head = masked[a:b].split()[-1].casefold()
        lo, hi = bisect_left(name_starts, a - longest), bisect_left(name_starts, b)
        inside = [x for x in names[lo:hi] if id(x) not in removed and x.start < b
                  and a < x.end]
        if not free(a, b) or any(x.start < a or x.end > b for x in inside):
            continue
        removed.update(id(x) for x in inside)
        mods = _words(m.group(1))
        kind = "body" if head in orgs else "title"
        surface = masked[a:b]
        if b != m.end():
            mods = _words(surface)[1:-1]
        canon = re.sub(r"(?i)^(?:the|a|an)\s+", "", surface)
        # (every title word of the head: "the Chief Minister" is a chief minister, not any
        # minister)
        added.append(NameMention(a, b, surface, kind, canon,
                                 {syn.get(w, w) for w in mods + [head] + [
                                     w for w in _words(m.group(2)) if w in lang["titles"]]}))
    out[:] = [x for x in out if id(x) not in removed] + added


def _starts_sentence(masked: str, na: int) -> bool:
    """``re.search(r"(?:^|[.!?]\\s+|\\n\\s*)$", masked[:na])`` without copying and scanning
    everything before ``na``: only the white space before it and the character before that."""
    k = na
    while k > 0 and masked[k - 1].isspace():  # (str.isspace is re's \s)
        k -= 1
    gap = masked[k:na]
    if "\n" in gap:
        return True
    if k == 0:
        return na == 0  # the very start (white space alone before it does not count)
    return bool(gap) and masked[k - 1] in ".!?"


_APPOSITION_END_RE = re.compile(r"[ \t]*(?:[,.;:)\n\0—–]|$)")


def _appositions(masked: str, mentions: list[NameMention]) -> None:
    """"Ani Badalian, the Foreign Ministry spokeswoman," and "the spokesperson, Anna Ivers,":
    the title describes the person."""
    for x, y in zip(mentions, mentions[1:]):
        if not re.fullmatch(r"\s*,\s*", masked[x.end:y.start]):
            continue
        if x.kind == "person" and y.kind == "title":
            # an apposition is closed ("X, the Chief Minister, said", "... said X, the
            # Chief Minister.") or has no article ("X, Deputy Head of Mission said"); in
            # "Speaking after talks on Brexit, the Chief Minister said" the title is the
            # subject, not a description of the word before the comma
            if _APPOSITION_END_RE.match(masked, y.end) or not re.match(
                    r"(?i)(?:the|a|an)\s", y.surface):
                x.titles |= y.titles
        elif x.kind == "title" and y.kind == "person":
            y.titles |= x.titles


def _canonicalise(mentions: list[NameMention]) -> None:
    """A surname alone takes the full name the article gave before (or after) it."""
    persons = [m for m in mentions if m.kind == "person"]
    full: dict = {}  # last word -> (starts, mentions) of the full names ending with it
    for f in persons:
        if len(f.surface.split()) >= 2:
            starts, ms = full.setdefault(f.surface.split()[-1].casefold(), ([], []))
            starts.append(f.start)
            ms.append(f)
    first: dict = {}  # first word -> the full names starting with it ("Mao Ning": "Mao")
    for f in persons:
        if len(f.surface.split()) >= 2:
            first.setdefault(f.surface.split()[0].casefold(), {})[f.canonical] = f
    for m in persons:
        if len(m.surface.split()) == 1:
            starts, cands = full.get(m.surface.casefold(), ((), ()))
            if not cands and len(first.get(m.surface.casefold(), ())) == 1:
                # a name given surname first (Chinese, Hungarian ...) or a first name alone:
                # the one full name that starts with it
                cands = list(first[m.surface.casefold()].values())
                starts = [c.start for c in cands]
            k = bisect_left(starts, m.start)  # cands[:k] start before m (mentions by start)
            pick = cands[k - 1] if k > 0 else cands[-1] if cands else None
            if pick is not None:
                m.canonical = pick.canonical
                pick.titles |= m.titles
                m.titles = pick.titles
    # titles gathered on any mention of a person apply to all of them
    by_name: dict[str, set] = {}
    for m in persons:
        by_name.setdefault(m.canonical, set()).update(m.titles)
    for m in persons:
        m.titles = by_name[m.canonical]


# --------------------------------------------------------------------------------------------
# Spelling variants of a name already given ("Gadzizade" after "Hajizade").
# --------------------------------------------------------------------------------------------

# Transliteration equivalences, applied in order after removing diacritics: Russian
# renderings of Azerbaijani and Armenian names (Г for H, дж for J: "Gadzhizade" = "Hajizade"),
# y/i and doubled letters ("Aliyev" = "Aliev", "Pashinyan" = "Pashinian").
_TRANSLIT = [("ə", "e"), ("ı", "i"), ("dzh", "j"), ("dz", "j"), ("zh", "j"), ("kh", "h"),
             ("gh", "h"), ("x", "h"), ("g", "h"), ("sh", "s"), ("ch", "c"), ("w", "v"),
             ("y", "i")]


def name_key(word: str) -> str:
    """A spelling-neutral key of a (Latin-script) surname: lower case, no diacritics, the
    transliteration equivalences of ``_TRANSLIT``, doubled letters single.

    >>> name_key("Gadzhizade") == name_key("Hajizade")
    True
    >>> name_key("Pashinyan") == name_key("Pashinian") == name_key("Paşinyan")
    True
    """
    s = word.casefold()
    for a, b in _TRANSLIT[:2]:
        s = s.replace(a, b)
    s = unicodedata.normalize("NFKD", s)
    s = "".join(ch for ch in s if not unicodedata.combining(ch) and ch.isalpha())
    for a, b in _TRANSLIT[2:]:
        s = s.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", s)


def _deletions(key: str) -> set:
    return {key} | {key[:i] + key[i + 1:] for i in range(len(key))}


class VariantIndex:
    """Surnames given so far in an article, to find a later spelling variant of one of them in
    time linear in the article: keys within one edit (after :func:`name_key`) share a
    one-deletion form, so a lookup tries the ``len + 1`` deletion forms of its key, not every
    name (the symmetric-deletion index)."""

    def __init__(self) -> None:
        self._index: dict = {}
        self._added = 0  # (the order of the names: "the latest" must not hang on set order)

    def add(self, surname: str, value) -> None:
        key = name_key(surname)
        if len(key) < 5:
            return
        self._added += 1
        for d in _deletions(key):
            self._index.setdefault(d, {})[key] = (surname, value, self._added)  # latest per key

    def find(self, surname: str):
        """The value of a surname given before that ``surname`` is a variant of (one edit
        after :func:`name_key`, five letters or more; not the same word, and not the same but
        for a final *a*: "Aliyeva" is not "Aliyev"), else None; the latest of the closest."""
        key = name_key(surname)
        if len(key) < 5:
            return None
        found: dict = {}
        for d in _deletions(key):
            for k, (word, value, order) in self._index.get(d, {}).items():
                if word.casefold() == surname.casefold() or k + "a" == key or key + "a" == k:
                    continue
                if k == key or _one_edit(k, key):
                    found[k] = (k != key, -order, value)
        if not found:
            return None
        return min(found.values(), key=lambda x: x[:2])[2]


def _one_edit(a: str, b: str) -> bool:
    """Levenshtein distance of ``a`` and ``b`` at most 1."""
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) > len(b):
        a, b = b, a
    i = 0
    while i < len(a) and a[i] == b[i]:
        i += 1
    return a[i + (len(a) == len(b)):] == b[i + 1:]
