"""News articles to statements: segmentation, quote extraction and actor attribution.

An article is cut into *segments* -- headline, subheadings, narration, quotes, captions and
source lines -- and every quote is attributed to an actor of the registry by transparent rules
(an actor alias plus a speech verb, a reference such as "the statement" to the actor last
attributed, a colon introducing a quoted paragraph). Each attribution keeps its ``evidence`` and
a ``confidence``; a quote that no rule attributes keeps an empty actor. The segmentation is a
table a researcher can check and correct; :func:`read_news` assembles it into statements.

Conventions (see ``docs/news.md``):

* offsets are character offsets into the article, ``end`` exclusive, ``text == article[start:end]``;
* quote spans exclude the quotation marks; the marks themselves belong to no segment;
* every other non-whitespace character belongs to exactly one segment; segments are stripped
  of surrounding whitespace;
* the outlet's own words (headline, subheadings, narration, captions, source lines) form the
  statement ``"<outlet>/<article date>"``; a quote forms part of ``"<actor>/<statement date>"``,
  the date being what the article says about when the statement was made (fall back: the date
  last given for that actor's statement in the article, then the article date).
"""

from __future__ import annotations

import datetime as _dt
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from frameshift.errors import CorpusError, InputNotFoundError, OptionError, Problem
from frameshift.files import read_back
from frameshift.text.tokenizer import ABBREVIATIONS, normalize
from frameshift.text.languages import LANGUAGES as TEXT_LANGUAGES

from .speakers import (_UPPER, LANGUAGES, REGIONAL, UNREGISTERED_PREFIX, VariantIndex, _one_edit,
                       _unmasked_finditer, find_mentions,
                       name_key, regional_languages, regional_title, unregistered_id)

__all__ = [
    "SEGMENT_COLUMNS",
    "ROLES",
    "segment_article",
    "read_news",
    "segment_news",
    "evaluate_segmentation",
    "read_segments",
    "suggest_actors",
]

#: Columns of a segmentation table, in order.
SEGMENT_COLUMNS = ["source", "start", "end", "role", "actor", "statement_id", "text",
                   "evidence", "confidence", "carried_by", "speaker", "speaker_start",
                   "speaker_end"]
#: Roles a segment can have.
ROLES = ("headline", "subheading", "narration", "quote", "caption", "source_line")

# --------------------------------------------------------------------------------------------
# Lexical resources (English news prose).
# --------------------------------------------------------------------------------------------

_CAPTION_RE = re.compile(
    r"(?i)(?:photo|photograph|image|picture|pictured|caption|illustration|video)"
    r"(?:\s+credit)?\s*:")
_SOURCE_RE = re.compile(r"(?i)sources?\s*:")

# Speech verbs: base forms, regular inflections generated; irregular forms listed.
_VERB_BASES = """
say tell state add note stress emphasise emphasize insist reaffirm reiterate accuse call urge
warn claim declare announce propose reject deny condemn demand tweet issue express welcome
criticise criticize describe label brand dismiss argue assert affirm confirm promise pledge vow
threaten complain allege suggest invite explain reply respond answer ask appeal offer voice
signal charge blame term refer recall remind repeat underline underscore highlight maintain
acknowledge admit concede insist stress protest denounce slam praise hail characterise
characterize question dispute counter retort continue conclude end deplore lament caution contend
comment believe consider regret quip rebut hint clarify assure reassure remark mention inform
indicate specify elaborate predict reveal disclose joke advise recommend wonder report
observe boast blast decry applaud laud commend thank plead exclaim opine cite
summarise summarize speculate estimate reckon testify proclaim swear post brief attribute
disagree
""".split()
_IRREGULAR = {
    "say": ["say", "says", "said", "saying"],
    "tell": ["tell", "tells", "told", "telling"],
    "write": ["write", "writes", "wrote", "written", "writing"],
    "read": ["read", "reads", "reading"],
    "speak": ["speak", "speaks", "spoke", "spoken", "speaking"],
    "make clear": ["make clear", "makes clear", "made clear", "making clear"],
    "point out": ["point out", "points out", "pointed out", "pointing out"],
    "put forward": ["put forward", "puts forward", "putting forward"],
    "set out": ["set out", "sets out", "setting out"],
    "put it": ["put it", "puts it", "putting it"],  # ("as Aliyev put it, '...'")
    "swear": ["swear", "swears", "swore", "sworn", "swearing"],
    "lash out": ["lash out", "lashes out", "lashed out", "lashing out"],
    "hit out": ["hit out", "hits out", "hitting out"],
    "find it": ["find it", "finds it", "found it", "finding it"],  # ("he finds it 'strange'")
}


# Bases that double their last consonant ("slammed", "admitted", "referring").
_DOUBLING = frozenset("slam admit refer rebut regret quip submit omit".split())


def _inflect(base: str) -> list[str]:
    if base in _IRREGULAR:
        return _IRREGULAR[base]
    if base in _DOUBLING:
        return [base, base + "s", base + base[-1] + "ed", base + base[-1] + "ing"]
    if base.endswith("e"):
        return [base, base + "s", base + "d", base[:-1] + "ing"]
    if base.endswith("y") and base[-2] not in "aeiou":
        return [base, base[:-1] + "ies", base[:-1] + "ied", base + "ing"]
    if base.endswith(("s", "sh", "ch", "x")):
        return [base, base + "es", base + "ed", base + "ing"]
    forms = [base, base + "s", base + "ed", base + "ing"]
    if base.endswith("l"):  # signalled / labelled (British) next to signaled / labeled
        forms += [base + "led", base + "ling"]
    return forms


# Bases that are also common nouns ("the offer was", "a call"): only their inflected forms
# count as speech verbs.
_NOUN_LIKE = frozenset("""offer call demand charge note appeal reply answer signal voice tweet
claim promise pledge protest end question dispute counter term label brand issue state welcome
repeat highlight vow blame comment praise recall remind ask respond continue conclude
remark hint joke mention report post brief estimate
""".split())
_VERB_FORMS = sorted({f for b in _VERB_BASES + list(_IRREGULAR) for f in _inflect(b)
                      if not (b in _NOUN_LIKE and f == b)}, key=len, reverse=True)
# Issue 16 hook: the reporting verbs of Russian, Armenian and Azerbaijani news
# (frameshift.text.languages), so that "«...», — отметил Нечаев" finds its verb.
_VERB_FORMS = sorted(set(_VERB_FORMS) | {v for c in ("ru", "hy", "az")
                                         for v in TEXT_LANGUAGES[c].speech_verbs}
                     | {v for t in REGIONAL.values() for v in t["speech_verbs"] + t["impersonal"]},
                     key=len, reverse=True)
# Impersonal forms ("говорится в заявлении", "ասվում է", "qeyd olunur": it is said): the
# speaker is the issuer of the statement (_Attributor._issuer).
_IMPERSONAL = frozenset(re.sub(r"\s+", " ", v).casefold() for t in REGIONAL.values()
                        for v in t["impersonal"])


def _trie_pattern(forms) -> str:
    """Regex source matching what ``"|".join(forms)`` matches (a space stands for ``\\s+``),
    as a trie: one branch per first letter instead of hundreds of alternatives tried at every
    character (8x faster on news text). Between a word-start lookbehind and a word-end
    lookahead it finds the same matches: two forms matching at one place differ only by
    trailing words, and the trie tries the longer first, as the longest-first alternation
    did (checked in tests/test_news.py)."""
    root: dict = {}
    for f in forms:
        node = root
        for ch in f:
            node = node.setdefault(ch, {})
        node[""] = {}

    def emit(node) -> str:
        keys = sorted(k for k in node if k)
        for i, a in enumerate(keys):  # two branches matching one letter (i/ı under (?i))
            if any(re.fullmatch("(?i)" + re.escape(a), b) for b in keys[i + 1:]):
                raise ValueError("case-equivalent branches")  # would change which one wins
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + emit(node[ch]) for ch in keys]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return "(?:" + body + ")?" if "" in node else body

    try:
        return emit(root)
    except ValueError:  # the plain alternation, longest first
        return "|".join(re.escape(f).replace(r"\ ", r"\s+")
                        for f in sorted(forms, key=len, reverse=True))


# (a capitalised "States" is a name's last word, "the United States", "the Economic Community
# of West African States", never the verb)
_VERB_RE = re.compile(r"(?i)(?<![\w'’-])(?-i:(?!States(?![\w'’-])))(?:" + _trie_pattern(
    _VERB_FORMS) + r")(?![\w'’-])")

# Nouns naming a statement; with a determiner they refer back to an actor ("the statement").
_STATEMENT_NOUNS = ("statement|statements|invitation|response|reply|letter|communiqu[eé]|"
                    "announcement|declaration|tweet|post|message|proposal|offer|note|"
                    "press release|release|text|document|appeal|position|comment|comments|"
                    "remarks|ministry|office|administration|authorities|government|side")
_REF_RE = re.compile(
    r"(?i)(?<![\w'’-])(?:they|he|she|"
    r"(?:the|their|its|this|that|his|her)\s+(?:[\w-]+\s+){0,3}?(?:" + _STATEMENT_NOUNS + r"))"
    r"(?![\w'’-])")
_ACCORDING_WORD_RE = re.compile(r"(?i)according")  # (_ACCORDING_RE needs it; 9 letters)
_WORD_RE = re.compile(r"\w+")  # (_headline_repeats: the words of a quote)
_PASSIVE_RE = re.compile(r"(?i)\b(?:been|was|were|is|are|being|be|get|got)\s+$")


def _passive_from(text: str, a: int, b: int) -> int:
    """Where to start ``_PASSIVE_RE.search(text[a:b])`` so that it answers the same: the
    match is a word of at most 5 letters and the white space closing the slice, so 9
    characters before that white space are enough (the slice is a sentence, up to 600)."""
    k = b
    while k > a and text[k - 1].isspace():
        k -= 1
    return max(a, k - 9)


_ACCORDING_RE = re.compile(
    r"(?i)(?<![\w-])according\s+to\s+(?:the\s+|an?\s+|its\s+)?(?:(?:[\w-]+\s+){0,2}?"
    r"(?:statement|press\s+release|release|communiqu[eé]|report|message|website)\s+"
    r"(?:from|of|by|issued\s+by|on)\s+(?:the\s+)?)?$")
_POSSESSIVE_NOUN_RE = re.compile(
    r"(?i)^(?:'s|’s|'|’)\s+(?:[\w-]+\s+){0,2}?(?:position|view|views|stance|claim|call|calls|"
    r"demand|demands|statement|words|invitation|response|proposal|offer|message|insistence|"
    r"argument|assertion|accusation|accusations|charge|charges|line)"
    r"(?:\s+(?:that|for|of|on|to|is|was|remains))?[\s,:]*$")
# Words that may stand between a subject and its verb ("Stepanakert also said").
_GAP_RE = re.compile(r"(?:'s|’s)?\s+(?:(?:[\w.-]+|\([^()\n]{1,40}\))\s+){0,4}")
# Words that cannot be (the end of) a subject right before a verb.
_NON_SUBJECT = frozenset(
    """and but or nor yet so also then later again once further repeatedly never not already
    has have had was were is are be been being by to who which that while as also, instead
    reportedly allegedly only once publicly officially separately earlier recently""".split())
# A word before a verb form that makes it a noun ("by other states", "the statement's calls").
_DET_BEFORE_RE = re.compile(
    r"(?i)(?<![\w'’-])(?:the|a|an|other|these|those|their|its|his|her|our|all|some|many|"
    r"several|both|member|various|such|no|two|three|four|five|which|whose|my|your)\s+$"
    r"|(?:'s|’s)\s+$")
_NOUN_S = frozenset(b + "s" for b in _NOUN_LIKE) | {"states"}
# Words before a quote that make it a term, not speech: "so-called", "dubbed", "an event called",
# a document's name ("the Resolution regarding").
_TERM_BEFORE_RE = re.compile(
    r"(?i)(?:so-called|so\s+called|self-styled|self-proclaimed|dubbed|termed|the\s+words?|"
    r"the\s+term|the\s+phrase|the\s+slogan|known\s+as|referred\s+to\s+as|"
    r"(?:the|a)\s+(?:concept|notion|expression)(?:\s+of)?|"
    r"(?P<noun>[a-z][\w-]*)\s+(?:called|named|titled|entitled)|"
    r"(?:resolution|agreement|law|act|treaty|declaration|plan|programme|program|strategy|"
    r"report|concept|convention|charter|doctrine|initiative|operation|project|conference|forum|"
    r"summit|campaign|book|film|article|headline|slogan|motto)\s+(?:regarding|on|titled|"
    r"entitled|called|named|about))\s*$")
# The end of a sentence in narration, and "..., he said" just before it (_told_by_pronoun).
_SENTENCE_END_RE = re.compile(r"[.!?](?=[ \t]|\n|$)|\n")
_TOLD_BY_PRONOUN_RE = re.compile(r",[ \t]+(?:he|she)[ \t]+(?:also[ \t]+)?(?:said|says|added|adds|"
                                 r"told[ \t]+\w+|noted|explained|stressed|insisted)[ \t]*$")
# The last word of a name of a document or a thing, not of a person ("Dayton Peace
# Agreement", "Lachin Corridor"): no antecedent of "he"/"she".
_THING_NAME_RE = re.compile(
    r"(?i)[ \t](?:agreement|agreements|accord|accords|treaty|constitution|declaration|act|law|"
    r"resolution|convention|charter|protocol|plan|corridor|dam|bridge|canal|island|islands|"
    r"sea|river|mountains|strait|line|road|highway|pipeline|summit|conference|"
    r"referendum|ruling|report|doctrine|initiative|memorandum|statement|court|"
    r"states|kingdom|emirates|nations)$")  # (and the countries no "he" stands for)
# Every alternative of _TERM_BEFORE_RE ends with one of these words, then blanks: a match
# needs the window, read backwards, to start with one (cheap; the search tries every offset).
_TERM_TAIL_REV_RE = re.compile(r"(?i)\s*(?:" + "|".join(w[::-1] for w in (
    "called", "styled", "proclaimed", "dubbed", "termed", "word", "words", "term", "phrase",
    "slogan", "as", "named", "titled", "entitled", "regarding", "on", "about", "concept",
    "notion", "expression", "of")) + ")")
_NOT_NOUNS = frozenset("""he she they it we i who which that also officially publicly
then later again has have had was were is are be been""".split())
# After a quoted modifier ('such "condemning" comments'): words that show it is not one.
_NOT_HEAD = frozenset("""to of in on for and or is was are were remains remain has have had rather than
will would with by as at from that this than but not be been being can could should may might
must do does did made given taken seen done cannot shall""".split())


def _term_before(masked: str, q, text: str):
    """The words that make quote ``q`` a quoted term (not speech), or None: "so-called",
    "dubbed", "an event called", a document's name, or a quoted modifier of one or two words
    between a determiner and a noun ('such "condemning" comments')."""
    lo = max(0, q.open_at - 40)
    m = (_TERM_BEFORE_RE.search(masked, lo, q.open_at)
         if _TERM_TAIL_REV_RE.match(masked[lo:q.open_at][::-1]) else None)
    if m and m.end() == q.open_at and not (m.group("noun") and (
            m.group("noun").casefold() in _NOT_NOUNS or not m.group("noun")[:1].islower())):
        return m.group().strip()
    words = text[q.start:q.end].split()
    if q.close_at is not None and len(words) <= 2 and not re.search(r"[,.;:!?…]$",
                                                                     text[q.start:q.end]):
        # ("claim that "Taiwan independence" activities": after "that" too)
        det = re.search(r"(?i)(?<![\w-])(such|the|a|an|these|those|this|its|their|his|her|"
                        r"that|any|every|no)\s*$|\w(['’]s)\s*$",
                        masked[max(0, q.open_at - 12):q.open_at])
        head = re.match(r"[ \t]+([a-z][\w-]*)", masked[q.close_at + 1:q.close_at + 30])
        h = head.group(1) if head else ""
        indefinite = det is not None and (det.group(1) or "").casefold() in ("a", "an") and \
            len(words) == 1 and words[0].islower()
        # ('has proposed a "flexible" solution', 'saying it was a "disastrous" outcome': one
        # word after "a" brings a new description, the speaker's, not a name the outlet holds
        # at a distance -- "the 'angry' statements", "such 'condemning' comments")
        if det and head and h not in _NOT_HEAD and not h.endswith("ed") and (
                not _VERB_RE.fullmatch(h) or h in _NOUN_S) and not indefinite:
            return f'{det.group(1) or det.group(2)} "{" ".join(words)}" {head.group(1)}'
    return None


# Small words a title may keep in lower case ("Law on Occupied Territories").
_TITLE_MINOR = frozenset("""of the and for on in to a an against with at by from or
de la""".split())
# What makes single-quoted words part of a noun phrase: a determiner, a possessive or a
# preposition right before them ("a 'provocation'", "Taiwan's 'independence'", "of 'peace'").
_NP_BEFORE_RE = re.compile(
    r"(?i)(?:(?<![\w'’-])(?:the|a|an|its|their|his|her|this|that|these|those|such|our|any|"
    r"of|about|on|for|against|into|with|in)|[\w](?:'s|’s|s'|s’))\s+"
    r"(?:(?-i:[A-Z][\w-]+)\s+)?$")  # (and an adjective: "the Kosovar 'premier'")


# After the speaker named after a quote without a verb ('"...," the ministry in a statement
# on Tuesday.'): at most a phrase of place, time or medium, then the end of the sentence.
_VERBLESS_TAIL_RE = re.compile(
    r"(?i)(?:[ \t]+(?:on|in|at|during|via|through|from|to|late|early|earlier|this|last|"
    r"yesterday|today)(?![\w-])[^.!?\0\n]{0,60}?)?[ \t]*[.;]?[ \t\n]*")


def _is_impersonal(verb) -> bool:
    return re.sub(r"\s+", " ", verb.group()).casefold() in _IMPERSONAL


# Nouns that a quoted name stands next to: 'the "Izvestia" newspaper', 'TV channel
# "Rossiya 24"', 'Operation "Iron Fist"', 'the "Civil Contract" party'.
_NAMING_NOUNS = (r"newspaper|daily|weekly|magazine|journal|tv|television|channel|radio|"
                 r"station|agency|portal|website|site|outlet|programme|program|show|party|"
                 r"movement|bloc|alliance|coalition|organi[sz]ation|company|group|festival|"
                 r"forum|platform|format|operation|exercise|exercises|drills|project|"
                 r"initiative|corridor|route|plan|doctrine|campaign|book|film|movie|novel|"
                 r"article|song|poem|documentary|study|essay|column|series|album|memorial|"
                 r"monument|museum|award|prize|order|medal|contest|competition|brand|slogan")
_NAMING_BEFORE_RE = re.compile(r"(?i)(?<![\w-])(?:" + _NAMING_NOUNS + r")\s*$")
_NAMING_AFTER_RE = re.compile(r"(?i)[ \t]+(?:" + _NAMING_NOUNS + r")(?![\w'’-])")


def _quoted_term(masked: str, q, text: str, *, headline: bool, singles_speak: bool):
    """Why quote ``q`` is a quoted term, not speech (the words that show it), or None.

    Besides :func:`_term_before`: single quotation marks around one to three words in the
    body of an article whose speech is in double marks, inside a noun phrase (after a
    determiner, a possessive or a preposition: ``called it a 'provocation'``, ``Taiwan's
    'independence'``; not right after a verb: ``rejected 'ready-made solutions'``), the
    outlet's scare quotes (``singles_speak``: the article quotes speech in single marks);
    a title in capitals of two words or more after a determiner or before a noun (``the
    "Law on Occupied Territories"``, ``the "Crossroads of Peace" project``).
    """
    found = _term_before(masked, q, text)
    if found:
        return f'quoted term after "{found}"'
    if q.close_at is None or q.parent is not None:
        return None
    inner = text[q.start:q.end]
    words = inner.split()
    if not words or re.search(r"[.!?…;:]$", inner.rstrip("”\"’'»›")):
        return None
    if text[q.open_at] in "'‘" and len(words) <= 3 and not headline and not singles_speak \
            and not inner.rstrip().endswith(",") and _NP_BEFORE_RE.search(
                masked, max(0, q.open_at - 20), q.open_at) and not re.search(
                r"(?i)(?<![\w-])what\s+[\w'’-]+(?:\s+[\w'’-]+)?\s+(?:called|calls|described\s+as|"
                r"termed|dubbed)\s+(?:[\w'’-]+\s+){0,2}$", masked[max(0, q.open_at - 80):q.open_at]):
        # (what the speaker called India's 'continued diatribe' is the speaker's phrase)
        # (right after a verb -- rejected 'ready-made solutions' -- they are the speaker's)
        return f"single-quoted word{'s' if len(words) > 1 else ''} in a noun phrase"
    det = re.search(r"(?i)(?<![\w-])(?:the|a|an|its|their|his|her|this|that|our)\s*$",
                    masked[max(0, q.open_at - 8):q.open_at])
    content = [w for w in words if w.casefold().strip(",") not in _TITLE_MINOR]
    caps = len(words) >= 2 and content and all(w[:1].isupper() for w in content) and \
        words[0][:1].isupper()
    after = re.match(r"[ \t]+([a-z][\w-]*)", masked[q.close_at + 1:q.close_at + 30])
    if words[0][:1].isupper() and len(words) <= 5 and not headline and not re.search(
            r"[,—–-]$", inner.rstrip()) and (
            _NAMING_BEFORE_RE.search(masked, max(0, q.open_at - 30), q.open_at) or
            _NAMING_AFTER_RE.match(masked, q.close_at + 1)):
        return "a quoted name (of a medium, party, operation, ...)"
    if caps and not headline and (det or (after and after.group(1) not in _NOT_HEAD
                                          and not _VERB_RE.fullmatch(after.group(1)))):
        return "a title in capitals"
    if headline and len(words) <= 3 and all(w[:1].isupper() for w in content):
        # 'No Room for "Taiwan Independence" Separatist Activities': a quoted name before the
        # noun it modifies (the headline's capitals: the next word no verb or small word)
        nxt = re.match(r"[ \t]+([A-Z][\w-]*)", masked[q.close_at + 1:q.close_at + 30])
        if nxt and nxt.group(1).casefold() not in _NOT_HEAD | _TITLE_MINOR and not \
                _VERB_RE.fullmatch(nxt.group(1)) and not nxt.group(1).endswith(("s", "ed")):
            return "a quoted name before a noun in the headline"
    return None


# "This was announced by X" opening the sentence after a quote.
_THIS_WAS_RE = re.compile(
    r"(?i)(?:this|that|these\s+words|it|the\s+statement)\s+(?:was|were|has\s+been|had\s+been|"
    r"is)\s+(?:[\w-]+\s+){0,1}?(?:said|stated|announced|declared|reported|noted|written|told|"
    r"emphasi[sz]ed|stressed|voiced|expressed)(?![\w-])")
# The same in Russian, Azerbaijani and Armenian: "Об этом заявил", "bunu ... bildirib",
# "Այս մասին".
_THIS_OTHER_RE = re.compile(r"(?<![\w-])(?:[Оо]б этом|[Bb]unu|[Bb]u barədə|Այս մասին)(?![\w-])")
# "X's statement that", "X's remarks", "the statement of X", "remarks made by X".
_STATEMENT_NOUNS_WHO = (r"(?:statement|statements|remarks|words|claim|claims|comment|comments|"
                        r"declaration|assertion|assertions|allegation|allegations|accusation|"
                        r"accusations|insistence|argument|arguments|message|letter|tweet|"
                        r"proposal|proposals)")
_POSS_STATEMENT_RE = re.compile(r"(?i)(?:'s|’s|'|’)\s+(?:[\w-]+\s+){0,2}?"
                                + _STATEMENT_NOUNS_WHO + r"(?![\w-])")
_STATEMENT_BY_RE = re.compile(r"(?i)(?:(?<![\w-])" + _STATEMENT_NOUNS_WHO
                              + r"\s+(?:made\s+|issued\s+|voiced\s+)?(?:of|by)|\0[”\"’»]?\s+"
                              r"(?:made|issued|voiced)\s+by)\s+(?:the\s+)?$")
_LOCATION_PREP_RE = re.compile(r"(?i)(?<![\w-])(?:in|from|at|near|of)\s+$")

_MONTHS = {m: i for i, ms in enumerate(
    ["january jan", "february feb", "march mar", "april apr", "may", "june jun", "july jul",
     "august aug", "september sep sept", "october oct", "november nov", "december dec"],
    start=1) for m in ms.split()}
_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTH_ALT = "|".join(sorted(_MONTHS, key=len, reverse=True))
_DATE_RE = re.compile(
    r"(?i)(?<![\w-])(?:"
    r"(?P<day>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<month>" + _MONTH_ALT + r")\.?"
    r"(?:,?\s+(?P<year>\d{4}))?"
    r"|(?P<month2>" + _MONTH_ALT + r")\.?\s+(?P<day2>\d{1,2})(?:st|nd|rd|th)?"
    r"(?:,?\s+(?P<year2>\d{4}))?"
    r"|(?P<weekday>" + "|".join(_WEEKDAYS) + r")(?:\s+(?:morning|afternoon|evening|night))?"
    r"(?:\s*\((?P<pday>\d{1,2})(?:st|nd|rd|th)?\s+(?P<pmonth>" + _MONTH_ALT + r")\.?\))?"
    r"|(?P<rel>yesterday|today|tonight|last\s+night)"
    r")(?![\w-])")
# Where a _DATE_RE match can start (every branch begins with a digit or one of these).
_DATE_ANCHOR_RE = re.compile(
    r"(?i)(?<![\w-])(?:\d|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|mon|tue|wed|thu|"
    r"fri|sat|sun|yes|tod|ton|las)")
_WORDISH_RE = re.compile(r"[\w'’-]")
# A date naming another (earlier) event, not the statement being quoted.
_DATE_EXCLUDE_RE = re.compile(
    r"(?i)(?:responding\s+to|in\s+response\s+to|response\s+to|reply\s+to|replying\s+to|"
    r"follow-up\s+to|following|after|as\s+was\s+the\s+case\s+in|as\s+in|like|unlike|since|"
    r"similar\s+to|compared\s+(?:with|to)|than|before|about)"
    r"\s+(?:the\s+|their\s+|its\s+|his\s+|her\s+|a\s+|[\w-]+(?:'s|’s)\s+)?$")
_DATE_NOUN_RE = re.compile(r"(?i)^\s+(?:[\w-]+\s+){0,1}?(?:" + _STATEMENT_NOUNS + r"|meeting|"
                           r"talks|visit|call)\b")

# Quotation marks.
_OPENERS = {"“": "”", "„": "“", "«": "»", "‹": "›", "‘": "’"}
_CLOSERS = {"”", "»", "›", "’", "“"}
# Straight single quotes placed as quotation marks (see _straight_singles).
_SINGLE_RE = re.compile(r"(?<![^\s(\[{“\"«‹—–/-])'(?=[^\s'])([^'\n]{1,80}?)(?<=[\w.,!?])'(?!\w)")

# Words that may stand in a title before a name besides title and organisation words and
# capitalised words ("acting foreign minister Vitaly Ignatyev", "deputy head").
_TITLE_MODIFIERS = frozenset("""foreign prime deputy acting vice former first chief senior
special state press affairs defence defense external internal interior presidential de facto
general national security then current new top permanent executive spokesperson-in-chief
self-proclaimed breakaway unrecognised unrecognized provincial regional""".split())


# "(It is noted) in the statement", "in a letter": the document an impersonal form cites.
_IN_DOCUMENT_RE = re.compile(
    r"(?i)\s+(?:also\s+)?in\s+(?:the|a|an|its|their|this|that)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:statement|document|communiqu[eé]|letter|declaration|resolution|message|release|"
    r"report|appeal|note|address)(?![\w-])")

# Plural or anonymous heads after a name ("Azerbaijani officials", "Kremlin sources"): the
# speaker is not named.
# Nouns that a group word modifies ("media office", "sources close to" is not one)
_MODIFIED_HEAD_RE = re.compile(r"(?i)[ \t]+(?:office|offices|centre|center|department|service|"
                               r"bureau|outlet|outlets|adviser|advisor|relations|affairs|"
                               r"official|officer|chief|head|director)(?![\w'’-])")
_ANONYMOUS_RE = re.compile(
    r"(?i)(?<![\w'’-])(?:officials|sources|source|diplomats|experts|analysts|observers|"
    r"residents|witnesses|lawmakers|legislators|deputies|activists|people|media|insiders|"
    r"commentators|critics|politicians|military\s+sources)(?![\w'’-])")

# A mention starting its sentence, after at most four capitalised words (of any script the
# regional tables read: "В Баку Сергей Лавров провел", "In Baku Mirzoyan met").
_SENTENCE_START_RE = re.compile(r"(?:^|[.!?:։]\s+|\n)(?:[" + _UPPER + r"А-ЯЁԱ-Ֆ][\w-]*\s+){0,4}$")

# A stated intention right before a quote ("also intends to", "is ready to").
_INTENDS_RE = re.compile(
    r"(?i)\s+(?:(?:also|still|now|further)\s+)?(?:intends?|wants?|hopes?|plans?|expects?|"
    r"wishes|wish|seeks?|aims?|(?:is|are|was|were)\s+(?:ready|determined|going|willing))"
    r"\s+to\s+$")

# Words that mark a person as a woman or a man, and the gender a pronoun cannot stand for.
_FEMALE_RE = re.compile(r"(?i)(?<![\w-])(?:spokeswoman|chairwoman|congresswoman|businesswoman|"
                        r"mrs|ms|madam|madame|first\s+lady)(?![\w-])")
_MALE_RE = re.compile(r"(?i)(?<![\w-])(?:spokesman|chairman|congressman|businessman|mr|"
                      r"sir)(?![\w-])")
_PRONOUN_AVOID = {"she": "m", "he": "f", "она": "m", "он": "f"}

# Titles any office holder also bears ("the Azerbaijani diplomat" for a ministry's
# spokesperson, "the official"): they do not contradict a person's other titles.
# (title -> the titles it is compatible with; None: any)
_GENERIC_TITLES = {
    "diplomat": {"minister", "spokesperson", "ambassador", "envoy", "representative",
                 "secretary", "diplomat"},
    "official": None, "representative": None,
    "leader": {"president", "prime", "chairman", "head", "chancellor", "premier", "leader"},
}

# Head words of a geographic name, never a speaker's ("the Persian Gulf", "Aegean Sea").
_GEO_HEADS = frozenset("gulf sea ocean river bay strait straits island islands peninsula "
                       "mountains valley lake coast desert".split())

# Organisation words by kind: a reference "the department" may stand for a ministry, not for
# an army.
_ORG_CLASS = {w: c for c, ws in {
    "civil": "ministry department office mfa service administration presidency cabinet "
             "government bureau agency",
    "military": "army forces command military",
    "assembly": "parliament assembly council committee commission",
    "mission": "embassy mission",
    "authorities": "authorities government side republic administration leadership",
}.items() for w in ws.split()}
# "the statement of", "a press release from": the body after it is the author.
# "the statement signed by X", "a statement issued by X" (who made a statement).
_STATEMENT_SIGNED_RE = re.compile(
    r"(?i)[ \t]*(?:,[ \t]*)?(?:(?:signed|issued|released|published|put[ \t]+out)[ \t]+"
    r"(?:[ \t]*\w+){0,3}?[ \t]*)?by[ \t]+")
# A statement named in narration ("said in a statement", "In a statement issued on ...").
_STATEMENT_WORD_RE = re.compile(r"(?i)\b(?:statement|press[ \t]+release|communiqu[eé])\b")
_AUTHOR_RE = re.compile(
    r"(?i)(?:statement|statements|release|communiqu[eé]|message|declaration|letter|comment|"
    r"comments|website|words|remarks|position)\s+(?:of|by|from|issued\s+by)\s+(?:the\s+)?$"
    r"|according\s+to\s+(?:the\s+)?$")
_PREPOSITION_RE = re.compile(
    r"(?i)(?<![\w-])(?:with|to|by|of|from|for|against|at|on|about|between|into|toward|"
    r"towards|than|like|in|under|over|after|before|during|via|across|within|without|near|"
    r"among|behind|beyond)\s+(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?:the\s+)?$")


# A verb a few words after a mention ("Erdogan also expressed", "X, speaking at ..., said"):
# the words between are no pronoun, article or preposition, and the verb is in lower case
# ("Greece, Cyprus and the United Nations": no verb; "Nations" is a name).
_SUBJECT_VERB_AFTER_RE = re.compile(
    r"(?:,[^,\0]{1,50},|,(?=\s+(?:is|was|has|had|will|would|also)\s))?"
    r"\s+(?:(?!(?:he|she|they|it|we|i|and|or|the|a|an|of|in|on|at|to|"
    r"for|with|by|from)\s)[\w-]+\s+){0,3}?"
    r"(?:[a-z]\w*(?:ed|s)|said|told|wrote|spoke|is|was|has|had|will|would|did)\b")


# A title in apposition after a name: ", (a|the) [up to three words] TITLE" then a comma or
# "for/of/to/at/in" ("Nabil Abu Rudeineh, a spokesman for ...", "X, the foreign minister,").
_APPOSITION_TITLE_RE = re.compile(
    r",[ \t]+(?:(?:a|an|the)[ \t]+)?((?:[\w'’-]+[ \t]+){0,3}?[\w'’-]+)"
    r"(?=[ \t]*,|[ \t]+(?:for|of|to|at|in)[ \t])")


# Verbs that report speech only weakly ("write", "continue"): inside a clause that an earlier
# speech verb reports, their subject is not the speaker of the quote.
# A modal or "to" right before a verb ("should condemn", "to strongly reject"): no speech act.
_MODAL_BEFORE_RE = re.compile(
    r"(?i)(?<![\w'’-])(?:should|must|would|could|can|cannot|may|might|will|shall|to)"
    r"(?:\s+(?:not|also|now|only|strongly|jointly|firmly|openly|publicly|again|further))?\s+$")
# Before the one spoken to: "speaking to the", "in an interview with", "told".
_ADDRESSEE_RE = re.compile(
    r"(?i)(?<![\w-])(?:speaking|talking|spoke|talked|interview|interviewed|told|said|"
    r"statement|comments?|remarks?)\s+(?:to|with)\s+(?:the\s+|a\s+|an\s+)?$")
# Words that cannot stand between an inverted verb and its subject ("said at his Bocharov
# Ruchei residence": a place, not the speaker).
_GAP_STOP_RE = re.compile(r"(?i)(?<![\w-])(?:at|in|on|to|with|from|for|by|of|his|her|their|"
                          r"its|about|after|before|during|under|over|into|в|на|с|по|к|из|от|"
                          r"для|о|об)(?![\w-])")
# Verbs of a medium carrying a statement (", сообщает ТАСС", ", Reuters reported").
_SOURCING_VERBS = frozenset("""сообщает сообщил сообщило передает передаёт пишет reports
reported writes""".split())
# ", which called", ", who also said": a relative pronoun as the verb's subject.
_RELATIVE_SUBJECT_RE = re.compile(
    r"[ \t]*,[ \t]*(which|who)[ \t]+(?:(?:also|then|later|again|has|had|have|publicly|"
    r"repeatedly|recently|earlier)[ \t]+)?$")
# "with one woman describing it": the subject of an -ing form in an absolute construction.
_WITH_SUBJECT_RE = re.compile(r"(?i)(?<![\w-])with\s+((?:[\w'’.-]+\s+){1,4})$")
_WEAK_VERBS = frozenset(_inflect("write") + _inflect("continue") + _inflect("maintain")
                        + _inflect("read") + _inflect("end") + _inflect("consider")
                        + _inflect("believe"))
_THAT_RE = re.compile(r"(?i)(?<![\w-])that(?![\w-])")
_GERUND_BEFORE_RE = re.compile(
    r"(?i)(?<![\w-])(?:of|for|by|about|from|without|against|on|in|at)\s+$")


_RELATIVE_RE = re.compile(r"(?i),\s*(?:which|who|whose)(?![\w-])")


def _gerund(masked: str, v) -> bool:
    """A verb in -ing after a preposition ("accused the other party of continuing its
    '...'", "criticizing the leadership for maintaining a '...'"): a noun, not the speaker's
    verb."""
    return v.group().casefold().endswith("ing") and _GERUND_BEFORE_RE.search(
        masked, max(0, v.start() - 10), v.start()) is not None


# "X made the statements (at a TV show)": the sentence after quotes names their speaker.
_MADE_STATEMENTS_RE = re.compile(
    r"(?i)(?<![\w-])(?:made|gave|delivered|voiced)\s+(?:the|these|those|this|that|his|her|"
    r"their|its)\s+(?:statements?|remarks|comments)(?![\w-])")
# A document after a body's name ("said a Polisario statement"): the body speaks.
# '"...," read a statement from the ministry': the author of the document after the verb.
_DOCUMENT_OF_RE = re.compile(
    r"(?i)[ \t]+(?:a|an|the|its)[ \t]+(?:[\w-]+[ \t]+)?(?:statement|communiqu[eé]|press[ \t]+"
    r"release|release|declaration|letter|message)[ \t]+(?:from|of|by|issued[ \t]+by)[ \t]+"
    r"(?:the[ \t]+)?")
_DOCUMENT_AFTER_RE = re.compile(
    r"(?i)[ \t]+(?:statement|communiqu[eé]|press[ \t]+release|release|declaration)(?![\w-])")


def _title_words(s: str) -> list[str]:
    return list(_title_words_cached(s))


_TITLE_WORD_RE = re.compile(r"[\w'’-]+")
_POSSESSIVE_END_RE = re.compile(r"['’]s$")


@lru_cache(maxsize=1 << 16)
def _title_words_cached(s: str) -> tuple:
    return tuple(_POSSESSIVE_END_RE.sub("", w) for w in _TITLE_WORD_RE.findall(s.casefold()))

_MARK_RE = re.compile("[" + re.escape('"' + "".join(_OPENERS) + "".join(_CLOSERS)) + "]")
_MARK_ALL_RE = re.compile("[" + re.escape('"\'' + "".join(_OPENERS) + "".join(_CLOSERS)) + "]")

# Confidence of each rule (documented in docs/news.md).
_CONF = {
    "according": 0.9, "subject": 0.9, "agent": 0.9, "after": 0.85, "possessive": 0.85,
    "carried": 0.75, "main_clause": 0.75, "reference": 0.7, "colon": 0.8,
    "continuation": 0.8, "none": 0.1, "name": 0.85, "title": 0.75, "pronoun": 0.7,
}


# --------------------------------------------------------------------------------------------
# Internal structures.
# --------------------------------------------------------------------------------------------

@dataclass
class _Span:
    """A stand-in for a regex match (start, end, text) of a verb."""

    a: int
    b: int
    text: str

    def start(self) -> int:
        return self.a

    def end(self) -> int:
        return self.b

    def group(self) -> str:
        return self.text


@dataclass
class _Unit:
    start: int
    end: int
    role: str
    index: int
    quotes: list = field(default_factory=list)


@dataclass
class _Quote:
    start: int  # content start (after the opening mark)
    end: int  # content end (before the closing mark)
    open_at: int  # offset of the opening mark
    close_at: int | None  # offset of the closing mark, None when the quote runs on
    unit: int
    actor: object = None
    evidence: str = ""
    confidence: float = _CONF["none"]
    date: object = None
    speaker: object = None  # the mention as written
    speaker_start: object = None
    speaker_end: object = None
    speaker_kind: object = None
    speaker_titles: object = None
    inner: list = field(default_factory=list)  # quotes nested in this one (one level)
    parent: object = None  # the quote this one is nested in


@dataclass
class _Mention:
    start: int
    end: int
    actor: str | None  # None for a reference ("they", "the statement") or an unregistered name
    surface: str
    kind: str = "alias"  # alias, person, body, title, pronoun, ref
    canonical: str = ""
    titles: set = field(default_factory=set)
    org: object = None  # for a title "spokesperson for X": the actor (or new: id) of X
    np_start: int = -1  # start of the noun phrase with its titles ("Foreign Minister X")
    variant_of: object = None  # the name given before that this one spells differently
    of_body: frozenset = frozenset()  # "the Sinn Féin leader": the words of the body's name

    def __post_init__(self):
        if self.np_start < 0:
            self.np_start = self.start


# --------------------------------------------------------------------------------------------
# Actors.
# --------------------------------------------------------------------------------------------

def _split_aliases(value) -> tuple[str, ...]:
    if value is None or (isinstance(value, float) and np.isnan(value)):
        return ()
    if isinstance(value, str):
        return tuple(a.strip() for a in value.split("|") if a.strip())
    return tuple(str(a).strip() for a in value if str(a).strip())


def _read_actors(actors) -> pd.DataFrame:
    """Actor registry as a DataFrame with id, name, aliases (tuple)."""
    if actors is None:
        return pd.DataFrame({"id": [], "name": [], "aliases": []})
    if hasattr(actors, "actors") and not isinstance(actors, pd.DataFrame):  # a Corpus
        actors = actors.actors
    if isinstance(actors, (str, Path)):
        path = Path(actors)
        if not path.exists():
            raise InputNotFoundError(
                f"{path}: actor registry not found. Give a CSV with columns id,name,aliases,group "
                "(aliases separated by '|').")
        actors = read_back(pd.read_csv(path, dtype=str, keep_default_na=False,
                                       encoding="utf-8-sig"), path)
        src = str(path)
    else:
        src = "actors"
    missing = [c for c in ("id",) if c not in actors.columns]
    if missing:
        raise CorpusError(problems=[Problem(
            f"the actor registry has no column {missing[0]!r} (columns: {list(actors.columns)}).",
            "Give a table with columns id,name,aliases,group.", path=src)])
    out = pd.DataFrame({
        "id": actors["id"].astype(str).tolist(),
        "name": (actors["name"].astype(str).tolist() if "name" in actors.columns
                 else actors["id"].astype(str).tolist()),
        "aliases": [_split_aliases(v) for v in actors["aliases"]] if "aliases" in actors.columns
        else [()] * len(actors),
    })
    return out


_INFLECTED_SCRIPT_RE = re.compile(r"[а-яёА-ЯЁ\u0531-\u0587əƏ]")


def _alias_regex(registry: pd.DataFrame):
    """One regex matching every alias (and name) of every actor, longest first."""
    table: dict[str, str] = {}
    for aid, name, aliases in zip(registry["id"], registry["name"], registry["aliases"]):
        for alias in (name, *aliases):
            alias = str(alias).strip()
            if alias and normalize(alias) not in table:
                table[normalize(alias)] = aid
    if not table:
        return None, table
    alts = sorted(table, key=len, reverse=True)
    # Aliases are normalised (typographic marks folded), so the text is searched normalised too;
    # normalize() keeps the length for the characters it folds, checked in _fold_same_length.
    # An alias in Cyrillic, Armenian or Azerbaijani letters may carry a case ending (at most
    # four letters, after a hyphen for an acronym): "Лаврова", "Միրզոյանի", "ՀՀ ԱԳՆ-ն",
    # "Əliyevin"; the alias without it is the key (group "a" or "r").
    regional = [a for a in alts if _INFLECTED_SCRIPT_RE.search(a)]
    plain = [a for a in alts if not _INFLECTED_SCRIPT_RE.search(a)]

    def alt(xs):
        return "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in xs) or r"(?!x)x"

    pattern = re.compile(
        r"(?<![\w-])(?:(?P<a>" + alt(plain) + r")|(?P<r>" + alt(regional)
        + r")(?:-?[^\W\d_]{1,4})?)(?![\w-])")
    return pattern, table


def _alias_key(m: re.Match) -> str:
    """The alias a match of :func:`_alias_regex` found, without a case ending."""
    return re.sub(r"\s+", " ", m.group("a") if m.group("a") is not None else m.group("r"))


def _fold_same_length(text: str) -> str:
    """Case-fold and fold typographic marks, keeping one character per character."""
    table = {}
    for ch in set(text):  # once per distinct character, then one C-speed pass (linear)
        f = normalize(ch)
        table[ord(ch)] = f if len(f) == 1 else ch.lower() if len(ch.lower()) == 1 else ch
    return text.translate(table)


# --------------------------------------------------------------------------------------------
# Layout: paragraphs, lines and their roles.
# --------------------------------------------------------------------------------------------

def _ends_sentence(line: str) -> bool:
    s = line.rstrip().rstrip("\"'”’»›)]").rstrip()
    return bool(s) and s[-1] in ".!?:;…։"  # ։ the Armenian full stop


_CLOSING_LEFT_RE = re.compile(r"(?<=[^\s(\[{“„«‹‘\"'])“(?=[\s,.;:!?)\]—–…-]|$)")


def _open_quote(line: str) -> bool:
    """Does ``line`` leave a quotation mark open (« without », „ or “ without its closing
    mark, an odd number of straight double marks)?"""
    if line.count("«") > line.count("»") or line.count("‹") > line.count("›"):
        return True
    if "„" in line:
        return line.count("„") > line.count("“") + line.count("”")
    closing = len(_CLOSING_LEFT_RE.findall(line)) if "“" in line else 0  # “words“
    return line.count("“") - closing > line.count("”") + closing or line.count('"') % 2 == 1


def _join_open_quotes(text: str, lines: list) -> list:
    """Lines as the layout reads them: a line that leaves a quote open runs on into the next
    (non-blank, non-special) lines until the quote closes -- a quote broken over lines
    ("«Ситуация в регионе / остается...»") is not cut at the line break. At most 30 lines
    are joined; a blank line always ends the paragraph."""
    out: list = []
    i = 0
    while i < len(lines):
        a, b = lines[i]
        j = i
        body = text[a:b]
        while (body.strip() and _open_quote(body) and j + 2 < len(lines) and j - i < 60
               and text[lines[j + 2][0]:lines[j + 2][1]].strip()
               and lines[j + 2][0] == lines[j][1] + 1
               and not (_CAPTION_RE.match(text[lines[j + 2][0]:lines[j + 2][1]].strip())
                        or _SOURCE_RE.match(text[lines[j + 2][0]:lines[j + 2][1]].strip()))):
            j += 2  # lines[j + 1] is the empty match at the line break itself
            b = lines[j][1]
            body = text[a:b]
            if not _open_quote(body):
                break
        out.append((a, b))
        i = j + 1
    return out


def _join_wrapped_lines(text: str, lines: list) -> list:
    """Hard-wrapped paragraphs (an e-mail or a wire text cut at 70 characters) read as one:
    a line that does not end a sentence runs on into the next line (one line break, no blank
    line) when that one starts in lower case or the first is a long line (40 characters or
    more). The first line (the headline), captions and source lines stay on their own."""
    out: list = []
    first = True
    for a, b in lines:
        if a == b:
            out.append((a, b))
            continue
        if not first and len(out) >= 2 and out[-1][0] == out[-1][1] == a - 1 and \
                out[-2][1] == a - 1 and out[-2][0] < out[-2][1]:
            pa, pb = out[-2]
            prev, cur = text[pa:pb], text[a:b].lstrip()
            special = any(r.match(x.strip()) for r in (_CAPTION_RE, _SOURCE_RE)
                          for x in (prev, cur))
            if prev.strip() and cur and not special and not _ends_sentence(prev) and (
                    cur[:1].islower() or len(prev.strip()) >= 40):
                out.pop()
                out[-1] = (pa, b)
                continue
        first = first and not text[a:b].strip()
        out.append((a, b))
    return out


def _units(text: str) -> list[_Unit]:
    """Cut the article into units (paragraphs; caption and source lines on their own)."""
    units: list[_Unit] = []
    # Paragraphs: runs of non-blank lines.
    lines = [(m.start(), m.end()) for m in re.finditer(r"[^\n]*", text)]
    lines = _join_wrapped_lines(text, _join_open_quotes(text, lines))
    blocks: list[list[tuple[int, int]]] = []
    current: list[tuple[int, int]] = []
    for a, b in lines:
        if text[a:b].strip():
            current.append((a, b))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)

    def add(a: int, b: int, role: str) -> None:
        seg = text[a:b]
        a += len(seg) - len(seg.lstrip())
        b -= len(seg) - len(seg.rstrip())
        if b > a:
            units.append(_Unit(a, b, role, len(units)))

    for bi, block in enumerate(blocks):
        run: list[tuple[int, int]] = []
        for li, (a, b) in enumerate(block):
            body = text[a:b].strip()
            special = ("caption" if _CAPTION_RE.match(body) else
                       "source_line" if _SOURCE_RE.match(body) else None)
            if bi == 0 and li == 0 and special is None:
                add(a, b, "headline")
                continue
            if special:
                if run:
                    add(run[0][0], run[-1][1], "narration")
                    run = []
                add(a, b, special)
            else:
                run.append((a, b))
        if run:
            a, b = run[0][0], run[-1][1]
            body = text[a:b].strip()
            role = "narration"
            if (len(run) == 1 and units and not _ends_sentence(body)
                    and len(body.split()) <= 25 and not body.rstrip().endswith(":")):
                role = "subheading"
            add(a, b, role)
    return units


# --------------------------------------------------------------------------------------------
# Quotes.
# --------------------------------------------------------------------------------------------

def _straight_singles(text: str, a: int, b: int, max_words: int) -> dict:
    """Straight single quotation marks used as quotes in ``text[a:b]``: {offset: "open"/"close"}.

    A pair counts only when the opening mark follows a space, a bracket or an opening mark and
    precedes a letter, the closing one follows a letter or punctuation and precedes no letter,
    both sit on one line, at most ``max_words`` words apart, with no other straight single mark
    between them: so ``Baku's``, ``parties'`` and ``rock 'n' roll`` are apostrophes.
    """
    out: dict = {}
    for m in _SINGLE_RE.finditer(text, a, b):
        if len(m.group(1).split()) <= max_words:
            out[m.start()] = "open"
            out[m.end() - 1] = "close"
    return out


def _opening_position(text: str, i: int, a: int, b: int) -> bool:
    """A straight mark at ``i`` placed as an opening mark: after a space (or the start, a
    bracket, a dash or an opening mark) and before a non-space."""
    before = text[i - 1] if i > a else " "
    after = text[i + 1] if i + 1 < b else " "
    return (before.isspace() or before in "([{—–-/“„«‹‘") and not after.isspace()


def _closing_position(text: str, i: int, a: int, b: int) -> bool:
    """A mark at ``i`` placed as a closing mark: after a non-space that is no opening mark, and
    before a space, punctuation or the end ("daydream“, he said")."""
    if i <= a or text[i - 1].isspace() or text[i - 1] in "([{“„«‹‘\"'":
        return False
    return i + 1 >= b or text[i + 1].isspace() or text[i + 1] in ",.;:!?)]—–-…"


def _find_quotes(text: str, unit: _Unit, *, max_single_words: int = 6) -> list[_Quote]:
    """Quoted spans of one unit: straight and typographic double quotes, « », „ “, ‹ ›,
    typographic single quotes, straight single quotes placed as quotes (``_straight_singles``).

    A quote opened inside another one is *nested* (``_Quote.inner`` of the outer quote) when it
    closes before the outer quote does, and the outer quote still closes after it: "We oppose
    the 'road map'," and “the face of India’s “export” of terrorism”. Otherwise the marks pair
    as they come (a straight opening mark may close with a typographic one, and back), as
    before nesting was read.
    """
    a, end = unit.start, unit.end
    singles = _straight_singles(text, a, end, max_single_words)
    stack: list = []  # [open_at, kind, inner quotes]
    top: list[_Quote] = []

    def closer_of(kind: str, i: int, ch: str) -> bool:
        if kind == "'":
            return singles.get(i) == "close"
        if kind == '"':
            return ch in '"”'
        if kind == "“":
            return ch == "”" or ch == '"' or (ch == "“" and _closing_position(text, i, a, end))
        if kind == "„":
            return ch in "“”"
        if kind == "”":  # a quote opened with ” (mg-style "”words”") closes with ” or "
            return ch in '”"' and not _opening_position(text, i, a, end)
        if kind == "‘":
            return ch == "’" and not (i + 1 < end and text[i + 1].isalpha())
        return ch == _OPENERS[kind]

    def opener_kind(i: int, ch: str):
        if ch == "'":
            return "'" if singles.get(i) == "open" else None
        if ch == "‘":
            return None if i > a and text[i - 1].isalnum() else "‘"
        if ch == "“" and _closing_position(text, i, a, end):
            return None  # “words“: a “ after the words closes the quote
        if ch == '"' or ch in _OPENERS:
            return ch
        return None

    def find_close(kind: str, i: int, limit: int):
        for mk in _MARK_ALL_RE.finditer(text, i + 1, limit):
            j = mk.start()
            if closer_of(kind, j, text[j]):
                return j
        return None

    def nests(kind: str, i: int, outer: str) -> bool:
        """Does an opening mark ``kind`` at ``i`` open a quote nested in ``outer``?"""
        limit = min(end, i + 2 * _WINDOW)
        if kind == '"' and not _opening_position(text, i, a, end):
            return False
        j = find_close(kind, i, limit)
        if j is None or j == i + 1:
            return False
        if any(closer_of(outer, mk.start(), mk.group())
               for mk in _MARK_ALL_RE.finditer(text, i + 1, j)):
            return False  # the outer quote closes first: the mark is not nested
        if kind == '"' and _opening_position(text, j, a, end) and not (
                j + 1 >= end or text[j + 1] in " \t\n,.;:!?)]—–-…’”»›"):
            return False
        if kind == '"' and len(text[i + 1:j].split()) > 8:
            return False  # a straight pair that long is two quotes, not one inside another
        if outer == "“":
            # the outer quote must still close with its own mark: a straight mark after a
            # typographic opening one is more often its (mixed) closing mark
            k = text.find("”", j + 1, min(end, j + 2 * _WINDOW))
            return k >= 0
        return find_close(outer, j, min(end, j + 2 * _WINDOW)) is not None

    # Only quotation marks change the state: visit them (a C-speed scan), not every character.
    for mark in _MARK_ALL_RE.finditer(text, a, end):
        i, ch = mark.start(), mark.group()
        if ch == "'" and i not in singles:
            continue
        if stack:
            o_at, kind, inner = stack[-1]
            k2 = opener_kind(i, ch)
            # a mark that could open a nested quote does so only when it pairs inside
            if k2 is not None and not (kind == "„" and ch == "“") and (
                    k2 != kind or k2 in '"“«‹‘\'') and nests(k2, i, kind):
                stack.append([i, k2, []])
            elif closer_of(kind, i, ch):
                stack.pop()
                q = _Quote(o_at + 1, i, o_at, i, unit.index)
                q.inner = inner
                if stack:
                    stack[-1][2].append(q)
                else:
                    top.append(q)
        else:
            k2 = opener_kind(i, ch)
            if k2 is None and ch == "”" and i + 1 < end and text[i + 1].isalnum() and \
                    _opening_position(text, i, a, end):
                k2 = "”"  # ”words”: a ” before the words opens a quote
            if k2 is not None:
                stack.append([i, k2, []])
    while stack:  # unclosed: runs on to the end of the paragraph (multi-paragraph quote)
        o_at, kind, inner = stack.pop()
        q = _Quote(o_at + 1, end, o_at, None, unit.index)
        q.inner = inner
        if stack:
            # an unclosed inner mark inside a closed outer cannot happen (nesting needs a
            # close); an unclosed outer keeps what it holds
            stack[-1][2].append(q)
        else:
            top.append(q)
    good = []
    for q in sorted(top, key=lambda x: x.open_at):
        if not _trim(text, q):
            continue
        q.inner = [x for x in q.inner if x.close_at is not None and _trim(text, x)]
        for x in q.inner:
            x.parent = q
            x.inner = []  # one level is extracted; deeper quotes stay in their quote
        good.append(q)
    return good


# "the latter", "the former": one of the two actors named just before.
_LATTER_RE = re.compile(r"(?i)(?<![\w'’-])the\s+(?:latter|former)(?![\w'’-])"
                        r"(?=\s*,|\s+(?:has|had|was|is|also|then|later|however|said|says|told|"
                        r"[a-z]+ed)(?![\w'’-]))")  # (not "the former president")
# Evidence of a speaker of the quote's own whom the registry does not name ('"...," diplomatic
# sources said', "it was said"): the quote does not continue the previous speaker's.
_OTHER_SPEAKER_RE = re.compile(
    r'(?:verb "[^"]*(?<!ing)" (?:after the quote )?but no actor|passive verb|verb "[^"]*" has '
    r'(?:an unnamed|a) subject|verb "[^"]*" has two subjects)')
# The attribution inside a quote, between dashes (Russian and Armenian typography, kept in
# translations): «I would like to declare – ..., - Chochiev has emphasized. – there are ...».
_DASH_ATTRIBUTION_RE = re.compile(
    r"[,.!?…][ \t]+([-–—])[ \t]+([^-–—\n\"“”«»„]{3,80}?[.,:])[ \t]+[-–—][ \t]+(?=\w)")


def _split_at_dash_attributions(text: str, quotes: list) -> list:
    """Cut a quote around an attribution its writer put inside it between dashes ("«...,
    - X has emphasized. - ...»": two quotes, the words between them narration). The
    attribution holds a speech verb and at most eight words; the first piece ends after its
    punctuation (its ``close_at`` is the blank after it), the second opens at the blank before
    its first word."""
    out = []
    for q in quotes:
        pieces, cur = [], q.start
        for m in _DASH_ATTRIBUTION_RE.finditer(text, q.start, q.end):
            mid = m.group(2)
            if len(mid.split()) > 8 or not _VERB_RE.search(mid) or any(
                    x.open_at < m.end() and x.close_at >= m.start() for x in q.inner):
                continue
            pieces.append((cur, m.start() + 1))
            cur = m.end()
        if not pieces:
            out.append(q)
            continue
        starts = [a for a, _ in pieces] + [cur]
        ends = [b for _, b in pieces] + [q.end]
        for k, (a, b) in enumerate(zip(starts, ends)):
            part = _Quote(a, b, q.open_at if k == 0 else a - 1,
                          b if k < len(pieces) else q.close_at, q.unit)
            part.inner = [x for x in q.inner if a <= x.open_at and x.close_at < b]
            for x in part.inner:
                x.parent = part
            out.append(part)
    return out


def _closed_run_on(text: str, unit: _Unit, before: list) -> _Quote | None:
    """A paragraph that closes the quote the previous paragraph left open, with no opening
    mark of its own ('... said, “We sought peace. / There will be no talks.”Al-Nur vowed'):
    its words up to that closing mark, as a quote (the continuation rule gives it the
    speaker of the quote it continues). None when the previous paragraph's last quote closed,
    or when an opening mark comes first."""
    if not before or before[-1].close_at is not None or before[-1].unit != unit.index - 1 \
            or unit.role != "narration":
        return None
    first = _MARK_RE.search(text, unit.start, unit.end)
    if first is None or first.group() not in "”»" or first.start() == unit.start:
        return None
    if unit.quotes and unit.quotes[0].open_at < first.start():
        return None
    q = _Quote(unit.start, first.start(), unit.start, first.start(), unit.index)
    return q if _trim(text, q) else None


def _trim(text: str, q: _Quote) -> bool:
    seg = text[q.start:q.end]
    if not seg.strip():
        return False
    q.start += len(seg) - len(seg.lstrip())
    q.end -= len(seg) - len(seg.rstrip())
    return True


#: Characters around a quote that attribution looks at (see ``_Attributor._sent_start``).
_WINDOW = 600


def _mask(text: str, quotes: list[_Quote]) -> str:
    """The text with quoted words blanked (NUL), so aliases and verbs are found in narration."""
    parts, pos = [], 0
    for q in sorted(quotes, key=lambda q: q.start):  # spans do not overlap
        if q.start < pos:  # (overlapping spans: blank the rest of this one)
            parts.append(_BLANK_RE.sub("\0", text[pos:max(pos, q.end)]))
        else:
            parts.append(text[pos:q.start])
            parts.append(_BLANK_RE.sub("\0", text[q.start:q.end]))
        pos = max(pos, q.end)
    parts.append(text[pos:])
    return "".join(parts)


_BLANK_RE = re.compile(r"[^\n]")
_LEAD_RE = re.compile("[^ \t\n\0\"“„«‘]")


def _sentence_starts(text: str, unit: _Unit, quotes: list[_Quote]) -> list[int]:
    """Offsets where the sentences of ``unit`` start (the first is ``unit.start``).

    A sentence ends at ``.``, ``!`` or ``?`` (possibly followed by closing marks) followed by
    white space and a capital, digit or opening quote -- not after a known abbreviation or a
    single capital initial, and not inside a quote unless the quote ends there.
    """
    starts = [unit.start]
    qs = sorted((q for q in quotes if q.unit == unit.index), key=lambda q: q.start)
    q_starts = [q.start for q in qs]
    for m in re.finditer(r"[.!?]+", text[unit.start:unit.end]):
        p = unit.start + m.end()
        k = bisect_right(q_starts, p - 1) - 1
        inside = qs[k] if k >= 0 and qs[k].start <= p - 1 < qs[k].end else None
        if inside is not None and p != inside.end:
            continue
        k = p
        while k < unit.end and text[k] in "\"'”’»)]":
            k += 1
        if k >= unit.end or not text[k].isspace():
            continue
        while k < unit.end and text[k].isspace():
            k += 1
        if k < unit.end and not (text[k].isupper() or text[k].isdigit() or text[k] in "\"“‘«"):
            continue
        if m.group() == "." and _abbreviation_before(text, unit.start, p):
            continue
        if k < unit.end:
            starts.append(k)
    return starts


_ABBREV_LOOKBACK = max(map(len, ABBREVIATIONS), default=0) + 2
_WORD_END_RE = re.compile(r"[\w.]+\Z")


def _adopt_variant(m, actor, name) -> None:
    """Mention ``m`` is a variant of the earlier ``name`` (of ``actor``, or of nobody yet)."""
    m.variant_of = name
    if actor is not None:
        m.actor = actor
    else:
        m.canonical = name


def _full_name(canonical: str) -> bool:
    """Two words or more and no "of" among them: a person's name, not "Sovereignty of
    Gibraltar"."""
    words = canonical.split()
    return len(words) >= 2 and "of" not in words


_DETERMINER_BEFORE_RE = re.compile(r"(?i)(?<![\w'’-])the[ \t]+$")
_TITLE_AFTER_RE = re.compile(r"[ \t]+([\w-]+)(?![\w'’-])")
_POSSESSIVE_BEFORE_RE = re.compile(r"(?:'s|’s)[ \t]+$")
_APPOSITION_TAIL_RE = re.compile(r"[ \t]*,[^,;:.\0\n\"“”]{1,160},[ \t]*")
_ANONYMOUS_HEADS = frozenset({"official", "source", "diplomat", "officer"})
_DEFINITE_TITLE_RE = re.compile(r"(?i)the\s|[A-Z][\w-]+(?:'s|’s)\s")
# "'s foreign minister " after a country's name: its possessive and a title in lower case
_COUNTRY_TITLE_RE = re.compile(r"(?:'s|’s)[ \t]+((?:[a-z][\w-]*[ \t]+){0,2}[a-z][\w-]*)[ \t]+$")
# A country's possessive before a person's title ("Guyana's President, Irfaan Ali")
_COUNTRY_POSSESSIVE_RE = re.compile(
    r"([A-Z][\w-]{3,})(?:'s|’s)[ \t]+(?:[\w-]+[ \t]+){0,3}[\w-]+,?[ \t]*$")
# A quote that opens with a speech verb, after at most an adverb ("firmly condemned ...");
# the finite forms of the speech verbs (not the -ing forms, nor the bases that are nouns)
_QUOTED_VERB_RE = re.compile(r"(?:[A-Za-z]+ly\s+)?([A-Za-z]+)(?![\w'’-])")
_FINITE_VERB_FORMS = frozenset(f.casefold() for f in _VERB_FORMS
                               if f.isascii() and not f.endswith("ing"))
# Between the comma closing a parenthesis or an apposition and its verb: at most two
# auxiliaries or adverbs of time ("X, a U.S. treaty ally, has reported", "X, Mansour Omar,
# today called")
_AUX_AFTER_COMMA_RE = re.compile(
    r",[ \t]*(?:(?:has|have|had|also|today|yesterday|again|then|later|further|this|on|last|"
    r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|morning|afternoon|evening|night|"
    r"[a-z]{3,}ly)[ \t]+){1,3}$")
_OF_NAME_GAP_RE = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,3}")
_DOUBLE_MARK_RE = re.compile(r'["“”„«»]')
_FIRST_PERSON_RE = re.compile(r"(?<![\w'’-])(?:I|[Ww]e|[Oo]ur|[Mm]y|[Uu]s|[Mm]e)(?![\w'’-])")
_DETERMINER_START_RE = re.compile(r"(?i)(?:the|a|an)\s")


def _registered_variant(index, words: list):
    """``(actor, name)`` of the registered name that ``words`` (an unregistered name of two
    words or more) misspells: one edit apart after :func:`name_key` over the whole name
    (:class:`VariantIndex`), the same number of words and all words but one the same ("Hu
    Chunying" for Hua Chunying, "Nabil Abu Rudeinah" for Nabil Abu Rudeineh); else None."""
    if len(words) < 2:
        return None
    hit = index.find(" ".join(words))
    if hit is None:
        return None
    other = hit[1].split()
    if len(other) != len(words) or sum(name_key(a) != name_key(b)
                                       for a, b in zip(words, other)) > 1:
        return None
    return hit


def _abbreviation_before(text: str, start: int, p: int) -> bool:
    """Whether the full stop ending at ``p`` ends an abbreviation or a single initial: the
    run of word characters and dots before it (``text[start:p]`` matching ``[\\w.]+$``).
    Only the last few characters are looked at -- a longer run is neither -- so that an
    article of one endless sentence costs linear time."""
    a = max(start, p - _ABBREV_LOOKBACK)
    word = _WORD_END_RE.search(text, a, p)
    if word is None:
        return False
    if word.start() == a and a > start and re.match(r"[\w.]", text[a - 1]):
        return False  # longer than any abbreviation
    w = word.group()
    return w.rstrip(".").casefold() in ABBREVIATIONS or re.fullmatch(r"[A-Z]\.?", w) is not None


# --------------------------------------------------------------------------------------------
# Attribution.
# --------------------------------------------------------------------------------------------

# The source a headline names at its end: "... – Getachew Reda (video)", "...: PCG".
_HEADLINE_SOURCE_RE = re.compile(
    r"(?:[ \t]+[–—-]|:)[ \t]+((?:the[ \t]+)?[^\0\s–—:,;(]+(?:[ \t]+[^\0\s–—:,;(]+){0,6}?)"
    r"(?:[ \t]+\([^()\n]{1,20}\))?[ \t]*$")
# A dateline opening a paragraph: "SEOUL, May 8 (Yonhap) -- ", "MANILA - ", "LONDON — ",
# "Baku, March 12 (AZERTAC) – " (a place in capitals, or a place, a date and an agency).
_DATELINE_RE = re.compile(
    r"(?:[A-Z][A-Z'.-]+(?:[ /][A-Z][A-Z'.-]+){0,3}(?:,[ \t]+[A-Z][\w.]*[ \t]+\d{1,2}"
    r"(?:,[ \t]+\d{4})?)?(?:[ \t]+\([^()\n]{1,40}\))?"
    r"|[A-Z][\w'.-]+(?:[ \t]+[A-Z][\w'.-]+){0,2},[ \t]+(?:[A-Z][\w.]*[ \t]+\d{1,2}|\d{1,2}"
    r"[ \t]+[A-Z][\w.]*)(?:,[ \t]+\d{4})?[ \t]+\([^()\n]{1,40}\))[ \t]+(?:--|[-–—])[ \t]+")


def _blank_datelines(masked: str, units: list) -> str:
    """``masked`` with the datelines that open paragraphs blanked (spaces): the place and the
    agency there are no subject of the sentence that follows ("SEOUL, May 8 (Yonhap) --
    North Korea lashed out at South Korea ...": North Korea)."""
    parts, pos = [], 0
    for u in units:
        if u.role != "narration":
            continue
        m = _DATELINE_RE.match(masked, u.start, u.end)
        if m is not None:
            parts += [masked[pos:u.start], " " * (m.end() - u.start)]
            pos = m.end()
    if not parts:
        return masked
    parts.append(masked[pos:])
    return "".join(parts)


class _Attributor:
    """Applies the attribution rules to the quotes of one article, in reading order."""

    def __init__(self, text: str, units: list[_Unit], quotes: list[_Quote], registry,
                 article_date, lang: str = "en"):
        self.lang = lang
        self._picked = None
        self._picked_person = None
        self._picked_quote = None  # the quote a reference was resolved through
        self._seats = None  # place -> (actor, mention) of the body seated there (_metonym)
        self.text = text
        self.units = units
        self.quotes = quotes
        self.masked = _blank_datelines(_mask(text, quotes), units)
        self.folded = _fold_same_length(self.masked)
        self.alias_re, self.alias_table = _alias_regex(registry)
        self.article_date = article_date
        # registered actors a reader takes for persons: named by two or more capitalised words
        # without an organisation word ("Ararat Mirzoyan")
        orgs = LANGUAGES[lang]["organisations"]
        self.person_actors = {
            aid for aid, name in zip(registry["id"], registry["name"])
            if len(str(name).split()) >= 2 and str(name)[:1].isupper()
            and not ({w.casefold() for w in str(name).split()} & orgs)}
        self._person_names = {aid: (str(name), *map(str, aliases)) for aid, name, aliases in
                              zip(registry["id"], registry["name"], registry["aliases"])
                              if aid in self.person_actors}
        self.actor_names = {aid: {normalize(str(a)) for a in (name, *aliases)}
                            for aid, name, aliases in zip(registry["id"], registry["name"],
                                                          registry["aliases"])}
        self.mentions = self._mentions()
        self._mention_starts = [m.start for m in self.mentions]
        self._unit_starts = [u.start for u in units]
        self._quote_starts = [q.start for q in quotes]
        self._headline_end = (units[0].end if units and units[0].role == "headline" else -1)
        self._attributed: dict = {}  # unit -> quotes given an actor so far (reading order)
        self._unit_quotes: dict = {}
        for q in quotes:
            self._unit_quotes.setdefault(q.unit, []).append(q)
        self._unit_quote_starts = {u: [q.start for q in qs]
                                   for u, qs in self._unit_quotes.items()}
        self._longest_mention = max((m.end - m.start for m in self.mentions), default=0)
        self._starts = {u.index: _sentence_starts(text, u, self._unit_quotes.get(u.index, []))
                        for u in units}
        # Indexes that answer "the last ... before pos" by bisection (the scans over every
        # mention or quote of the article they replace made long articles quadratic).
        self._attributed_starts: dict = {}  # unit -> starts of self._attributed[unit]
        self._attributed_units: list = []  # units with an attributed quote, in reading order
        self._last_spoken: dict = {}  # actor -> last attributed quote with a speaker
        self._person_quotes: list = []  # attributed quotes of a person, with their titles
        self._person_quote_starts: list = []
        self._person_quotes_by_title: dict = {}  # title -> (starts, quotes)
        self._lead_at: dict = {}  # unit -> first offset of narration (not marks or blanks)
        persons = [m for m in self.mentions
                   if (m.kind == "person" and len(m.canonical.split()) >= 2)
                   or (m.actor is not None and m.actor in self.person_actors)]
        self._persons = persons
        self._persons_by_title: dict = {}  # title -> (starts, indexes) of persons with it
        for i, m in enumerate(persons):
            for t in m.titles:
                starts, idx = self._persons_by_title.setdefault(t, ([], []))
                starts.append(m.start)
                idx.append(i)
        self._subjects = None  # the persons named as a subject (built when first needed)
        self._person_memo: dict = {}  # (pos, titles) -> _person_before's answer
        self._subject_memo: dict = {}  # id(mention) -> _subject_like(mention)
        self._first_titled: dict = {}  # actor -> speaker titles of its first such quote
        self._verbs = self._verb_starts = self._date_anchors = None  # (when first needed)
        self._according = None
        self._singles = None  # (_singles_speak)
        self._nations = None  # one-word registered names (_nation_actor)
        self._genders = None  # actor -> "f"/"m" (_gender_of)

    # Hostile-input guard: a "sentence" is looked at no further than _WINDOW characters from
    # the quote, so an article of one endless sentence (thousands of quotation marks and no
    # full stop) costs linear, not quadratic, time.
    def _sent_start(self, unit: _Unit, pos: int) -> int:
        starts = self._starts[unit.index]
        k = bisect_right(starts, max(pos, unit.start)) - 1
        return max(starts[max(k, 0)], pos - _WINDOW)

    def _sent_end(self, unit: _Unit, pos: int) -> int:
        starts = self._starts[unit.index]
        k = bisect_right(starts, pos)
        return min(starts[k] if k < len(starts) else unit.end, unit.end, pos + _WINDOW)

    # -- mentions ----------------------------------------------------------------------------
    def _mentions(self) -> list[_Mention]:
        found: list[_Mention] = []
        taken = np.zeros(len(self.text) + 1, dtype=bool)
        lang = LANGUAGES[self.lang]
        syn = lang["title_synonyms"]
        if self.alias_re is not None:
            for m in self.alias_re.finditer(self.folded):
                key = _alias_key(m)
                actor = self.alias_table.get(key)
                if actor is None:
                    continue
                surface = self.text[m.start():m.end()]
                words = _title_words(surface)
                found.append(_Mention(m.start(), m.end(), actor, surface, "alias", surface,
                                      {syn.get(w, w) for w in words}
                                      if set(words) & lang["titles"] else set()))
                taken[m.start():m.end()] = True
        keys: dict = {}  # canonical form -> its registry key (normalize is the slow part)
        for nm in find_mentions(self.masked, self.lang, taken=taken):
            actor = None
            if nm.kind in ("person", "body"):
                key = keys.get(nm.canonical)
                if key is None:
                    key = keys[nm.canonical] = normalize(re.sub(r"\s+", " ", nm.canonical))
                actor = self.alias_table.get(key)
            found.append(_Mention(nm.start, nm.end, actor, nm.surface, nm.kind, nm.canonical,
                                  nm.titles))
            taken[nm.start:nm.end] = True
        for m in _unmasked_finditer(_REF_RE, self.masked):
            if not taken[m.start():m.end()].any():
                found.append(_Mention(m.start(), m.end(), None, m.group(), "ref", m.group()))
        for m in _unmasked_finditer(_LATTER_RE, self.masked):
            if not taken[m.start():m.end()].any():
                found.append(_Mention(m.start(), m.end(), None, m.group(), "ref", m.group()))
        found.sort(key=lambda x: x.start)
        self._variants(found)
        return self._join_titles(found)

    def _variants(self, found: list[_Mention]) -> None:
        """A person's name spelt differently from how the article gave it before
        ("Gadzizade said" after "Ayhan Hajizade", "Pashinian" after "Nikol Pashinyan"): the
        same person (one edit apart after transliteration equivalences; see
        :class:`frameshift.news.speakers.VariantIndex`). One pass in text order."""
        index = VariantIndex()
        firsts: dict = {}  # first name -> (actor, full name) of the persons named in full

        def first_of(words, actor, name):
            if len(words) >= 2 and len(words[0]) >= 3 and words[0][:1].isupper():
                k = name_key(words[0])
                if k not in firsts:
                    firsts[k] = (actor, name)
                elif firsts[k] is not None and (firsts[k][0] != actor or (
                        actor is None and firsts[k][1] != name)):
                    firsts[k] = None  # two persons of that first name: neither

        registered = self._registered_names()
        for m in found:
            if m.kind == "person" and m.actor is None and registered is not None:
                hit = _registered_variant(registered, (m.canonical or m.surface).split())
                if hit is not None:
                    _adopt_variant(m, *hit)  # "Hu Chunying" for the registered Hua Chunying
            if m.actor is not None and m.actor in self.person_actors:
                words = m.surface.split()
                index.add(words[-1], (m.actor, m.surface))
                first_of(words, m.actor, m.surface)
                continue
            if m.kind != "person" or m.actor is not None:
                continue
            words = (m.canonical or m.surface).split()
            if len(words) == 1 and firsts.get(name_key(words[0])):
                # "Valeriu said" after "Valeriu Kiveri": the person of that first name
                _adopt_variant(m, *firsts[name_key(words[0])])
                continue
            first_of(words, None, m.canonical or m.surface)
            hit = index.find(words[-1])
            if hit is not None:
                actor, name = hit
                first, other = words[:-1], name.split()[:-1]
                if not first or not other or len(first[0].rstrip(".")) == 1 or len(
                        other[0].rstrip(".")) == 1 or name_key(first[0]) == name_key(
                        other[0]) or _one_edit(name_key(first[0]), name_key(other[0])):
                    _adopt_variant(m, actor, name)
                    continue
            index.add(words[-1], (None, m.canonical or m.surface))

    def _registered_names(self):
        """A :class:`VariantIndex` of the names (two words or more) of the registered
        persons, to match a misspelling of one of them; None without such names."""
        index, any_name = VariantIndex(), False
        for aid in self.person_actors:
            for name in self._person_names.get(aid, ()):
                if len(name.split()) >= 2:
                    index.add(name, (aid, name))
                    any_name = True
        return index if any_name else None

    def _personish(self, m: _Mention) -> bool:
        """A mention a reader takes for a person: a name of two words or more (or a surname
        the article gave in full), or a registered person."""
        return (m.kind == "person" and len(m.canonical.split()) >= 2) or (
            m.actor is not None and m.actor in self.person_actors)

    def _join_titles(self, found: list[_Mention]) -> list[_Mention]:
        """Titles that belong to the name after them, bodies that belong to the title before
        them, acronyms in brackets.

        * "Azerbaijani Foreign Minister Jeyhun Bayramov", "Foreign Office Spokesperson Shafqat
          Ali Khan", "south Ossetian leader Eduard Kokoity": the words before the name that
          make a title (title and organisation words, capitalised words, a few modifiers such
          as *foreign*, *deputy*) are the person's titles; mentions inside them are dropped
          (the person is the speaker, not "Ossetian" or the Foreign Office).
        * "a spokesperson for China's Taiwan Affairs Office", "the spokesperson for the
          Azerbaijani Foreign Ministry": one title mention, the body recorded as its ``org``.
        * "the Ministry of Foreign Affairs (MAE)": the name is the actor of the bracketed alias.
        """
        lang = LANGUAGES[self.lang]
        titles, orgs, stop = lang["titles"], lang["organisations"], lang["not_names"]
        syn = lang["title_synonyms"]
        masked = self.masked
        regional = bool(regional_languages(masked))  # Russian, Armenian, Azerbaijani titles
        drop: set = set()
        starts = [m.start for m in found]
        for k, n in enumerate(found):
            if not self._personish(n):
                continue
            lo = max(0, n.start - 160)
            words = list(re.finditer(r"[\w'’.-]+|[^\w\s]", masked[lo:n.start]))
            keep_from, seen_title, j = n.start, False, len(words) - 1
            lower_run = 0  # lower-case words between a regional title and the name
            while j >= 0:
                w = words[j].group()
                wl = re.sub(r"['’]s$", "", w.casefold()).rstrip(".")
                gap = masked[lo + words[j].end():keep_from] if keep_from != n.start else \
                    masked[lo + words[j].end():n.start]
                if "\n" in gap or "\0" in gap or gap.strip():
                    break
                if wl in titles or (regional and regional_title(wl)):
                    seen_title = True
                elif regional and not seen_title and lower_run < 3 and w.isalpha() and \
                        w.islower() and not w.isascii():
                    lower_run += 1  # "Министр [иностранных дел] Сергей Лавров"
                elif not (wl in orgs or wl in _TITLE_MODIFIERS or (
                        w[:1].isupper() and wl not in stop) or wl in ("of", "for", "the")):
                    break
                keep_from = lo + words[j].start()
                j -= 1
            # the stretch must not end on "of/for/the" and must hold a title word
            stretch = masked[keep_from:n.start]
            while re.match(r"(?i)(?:of|for|the)\b", stretch.strip()):
                m0 = re.match(r"(?i)\s*(?:of|for|the)\s*", stretch)
                keep_from += m0.end()
                stretch = masked[keep_from:n.start]
            ws = [w.rstrip(".") for w in _title_words(stretch)]
            cut = max((i for i, w in enumerate(ws) if w in ("for", "to")), default=-1)
            if cut > 0 and set(ws[:cut]) & titles and set(ws[cut + 1:]) & titles and \
                    re.search(r",\s*(?:(?:a|an|the)\s+)?$",
                              masked[max(0, keep_from - 8):keep_from]):
                # "X, spokesman for PA President Mahmoud Abbas": the spokesman is X, not Abbas
                # (with no comma, "A spokesman for the president X" may be X: left as it was)
                keep_from += [m0.end() for m0 in re.finditer(
                    r"(?i)(?<![\w-])(?:for|to)\s+", stretch)][-1]
                ws = ws[cut + 1:]
            local = {h for h in (regional_title(w) for w in ws) if h} if regional else set()
            if not (set(ws) & titles) and not local:
                continue
            n.titles = set(n.titles) | {syn.get(w, w) for w in ws} | local
            n.np_start = keep_from
            i0 = bisect_left(starts, keep_from)
            for x in found[i0:k]:
                if x.end <= n.start and x.kind != "pronoun":
                    drop.add(id(x))
        out = [m for m in found if id(m) not in drop]
        # title + for/of/at + body
        merged: list[_Mention] = []
        i = 0
        while i < len(out):
            m = out[i]
            if m.kind == "title" and i + 1 < len(out):
                n = out[i + 1]
                gap = masked[m.end:n.start]
                if re.fullmatch(r"(?i)\s+(?:for|of|at|in)\s+(?:the\s+)?", gap) and (
                        n.kind == "body" or (n.actor is not None
                                             and n.actor not in self.person_actors)):
                    m = _Mention(m.start, n.end, None, masked[m.start:n.end], "title",
                                 m.canonical, set(m.titles) | set(_title_words(n.surface)),
                                 org=n.actor if n.actor is not None else
                                 unregistered_id(n.canonical or n.surface))
                    merged.append(m)
                    i += 2
                    continue
            if m.actor is None and m.kind in ("body", "person") and i + 1 < len(out):
                n = out[i + 1]
                if n.actor is not None and re.fullmatch(r"\s*\(\s*", masked[m.end:n.start]) \
                        and masked[n.end:n.end + 3].lstrip().startswith(")"):
                    m.actor = n.actor  # "the Ministry of Foreign Affairs (MAE)"
            merged.append(m)
            i += 1
        for k, m in enumerate(merged):
            # "The Catalan president, Carles Puigdemont, said": the title before the name in
            # apposition (commas on both sides) is the person's
            if k > 0 and m.kind == "person" and m.actor is None and self._personish(
                    merged[k - 1]) and re.fullmatch(r"[ \t]*,[ \t]*",
                                                    masked[merged[k - 1].end:m.np_start]):
                first = masked[m.np_start:m.end].split()[0].casefold()
                if first in titles or first in _TITLE_MODIFIERS:
                    # "Commander Ariel Coloma, Chief PAO of WESCOM said": a capitalised title
                    # in apposition, not a second person
                    phrase = masked[m.np_start:m.end]
                    m.kind = "title"
                    m.titles = set(m.titles) | {syn.get(w, w) for w in _title_words(phrase)}
                    prev = merged[k - 1]
                    prev.titles = set(prev.titles) | {
                        syn.get(w, w) for w in _title_words(phrase)
                        if w in titles or w in _TITLE_MODIFIERS}
                    continue
            if k > 0 and merged[k - 1].kind == "title" and self._personish(m) and re.fullmatch(
                    r"[ \t]*,[ \t]*", masked[merged[k - 1].end:m.np_start]) and re.match(
                    r"[ \t]*,", masked[m.end:m.end + 3]):
                m.titles = set(m.titles) | set(merged[k - 1].titles)
            # "Nabil Abu Rudeineh, a spokesman for ...": the title in apposition is the person's
            if self._personish(m):
                ap = _APPOSITION_TITLE_RE.match(masked, m.end, min(len(masked), m.end + 90))
                if ap:
                    ws = [w.rstrip(".") for w in _title_words(ap.group(1))]
                    if set(ws) & titles:
                        m.titles = set(m.titles) | {syn.get(w, w) for w in ws
                                                    if w in titles or w in _TITLE_MODIFIERS}
        # "the Sinn Féin leader said", "the DUP spokesman": a registered body's name used as
        # the modifier of a definite title is that title (a person of the body), not the body
        # ("a Baku official", indefinite or anonymous, is left to the rules of those)
        for k, m in enumerate(merged):
            if m.actor is None or m.kind != "alias":
                continue
            det = _DETERMINER_BEFORE_RE.search(masked, max(0, m.start - 5), m.start)
            if det is None:
                continue
            ws, end = [], m.end
            for w in _TITLE_AFTER_RE.finditer(masked, m.end, min(len(masked), m.end + 60)):
                wl = w.group(1).casefold()
                if w.start() != end or len(ws) == 3 or not (
                        wl in titles or wl in _TITLE_MODIFIERS):
                    break
                ws.append(wl)
                end = w.end()
            nxt = merged[k + 1].np_start if k + 1 < len(merged) else len(masked)
            if not ws or ws[-1] not in titles or ws[-1] in _ANONYMOUS_HEADS or nxt < end or (
                    k + 1 < len(merged) and self._personish(merged[k + 1])
                    and re.fullmatch(r"[ \t]*", masked[end:nxt])):
                continue  # (no title word after the body; or the person's name follows)
            merged[k] = _Mention(det.start(), end, None, masked[det.start():end], "title",
                                 masked[det.start():end], {syn.get(w, w) for w in ws} | {
                                     w.casefold() for w in _title_words(m.surface)},
                                 org=m.actor, of_body=frozenset(
                                     w.casefold() for w in _title_words(m.surface)))
        return merged

    def _mentions_in(self, a: int, b: int) -> list[_Mention]:
        lo = bisect_left(self._mention_starts, a)
        hi = bisect_right(self._mention_starts, b)
        return [m for m in self.mentions[lo:hi] if m.end <= b]

    # -- references --------------------------------------------------------------------------
    def _unit_at(self, pos: int) -> int:
        return max(bisect_right(self._unit_starts, pos) - 1, 0)

    def _in_headline(self, pos: int) -> bool:
        return pos < self._headline_end

    def _resolve(self, mention: _Mention, unit_index: int, pos: int):
        """Actor of a reference ("it", "they", "the statement"): the last attributed quote's
        actor in this unit before ``pos``, else in previous units (nearest first) -- or a body
        named later than that quote as the subject of a clause or as the author of a
        statement ("the statement of the Ministry of Foreign Affairs of Armenia"), whichever
        comes last."""
        quote = None
        here = self._attributed.get(unit_index)
        if here:
            k = bisect_left(self._attributed_starts[unit_index], pos) - 1
            if k >= 0:
                quote = (here[k].open_at, here[k].actor, "last attributed in this paragraph",
                         here[k])
        if quote is None:
            k = bisect_left(self._attributed_units, unit_index) - 1
            if k >= 0:
                ui = self._attributed_units[k]
                where = ("the previous paragraph" if ui == unit_index - 1
                         else "an earlier paragraph")
                last = self._attributed[ui][-1]
                quote = (last.open_at, last.actor, f"last attributed in {where}", last)
        body = self._body_before(pos)
        if body is not None and (quote is None or body[0] > quote[0]):
            self._picked = body[3]
            return body[1], body[2]
        if quote is not None:
            self._picked_quote = quote[3]
            return quote[1], quote[2]
        return None, None

    def _statement_author(self, mention: _Mention, unit_index: int):
        """"X said in a statement. ... '...,' the statement said", "In a statement issued on
        Thursday, X deplored ...", "reads the statement signed by X": (actor, how) of who
        made the statement last mentioned in the narration of this paragraph or the four
        before it (or right after the reference: "signed by"), even past a quote of someone
        else who did not speak in a statement; None when it names no author (then the last
        attributed quote or body decides, :meth:`_resolve`)."""
        after = _STATEMENT_SIGNED_RE.match(self.masked, mention.end)
        if after:
            for m in self._mentions_in(after.end(), after.end() + 80):
                if m.np_start <= after.end() + 4 and m.kind not in ("pronoun", "ref"):
                    actor, phrase, _ = self._who(m, unit_index, m.start)
                    if actor is not None:
                        return actor, f'the statement {after.group().strip()} {phrase}'
                break
        lo = self.units[max(unit_index - 4, 0)].start
        text = self.masked[lo:mention.start]
        found = None
        for found in _STATEMENT_WORD_RE.finditer(text):
            pass
        if found is None:
            return None
        at = lo + found.start()
        ui = self._unit_at(at)
        signed = _STATEMENT_SIGNED_RE.match(self.masked, lo + found.end())
        if signed:
            for m in self._mentions_in(signed.end(), signed.end() + 80):
                if m.np_start <= signed.end() + 4 and m.kind not in ("pronoun", "ref"):
                    actor, phrase, _ = self._who(m, ui, m.start)
                    if actor is not None:
                        return actor, f'the statement {signed.group().strip()} {phrase}'
                break
            return None
        if not re.search(r"(?i)\b(?:in|via)\s+(?:a|an|its|his|her|their|the)\s+(?:\w+\s+){0,2}$",
                         self.masked[max(0, at - 40):at]):
            return None
        unit = self.units[ui]
        sent = self._sent_start(unit, at)
        opening = re.match(r"(?i)[ \t]*(?:in|via)[ \t]+[^,.\0\n]{0,80},[ \t]*", self.masked[sent:at + 80])
        if opening and opening.end() > at - sent:
            sent += opening.end()  # "In a statement issued on Thursday, X deplored"
            ms = self._mentions_in(sent, self._sent_end(unit, at))
            if ms and ms[0].kind == "title" and ms[0].np_start - sent <= 1 and len(ms) > 1 \
                    and re.fullmatch(r",[ \t]*", self.masked[ms[0].end:ms[1].np_start]) \
                    and ms[1].actor in self.person_actors:
                # "..., the Acting president of Somaliland, Abdirahman ..., deplored"
                return ms[1].actor, f'who made the statement named before: "{ms[1].surface}"'
        subj = self._clause_subject(sent, self._sent_end(unit, at), unit)
        if subj is None:
            return None
        return subj[0], f'who made the statement named before: {subj[1]}'

    def _body_before(self, pos: int):
        """(offset, actor, how) of the last body named before ``pos`` as a clause's subject or
        as the author of a statement."""
        lo = bisect_left(self._mention_starts, pos - 3000)
        hi = bisect_left(self._mention_starts, pos)
        for m in reversed(self.mentions[lo:hi]):
            if m.end > pos or m.start >= pos:
                continue
            body = (m.kind == "body" and m.actor is None) or (
                m.actor is not None and m.actor not in self.person_actors)
            if not body:
                continue
            author = _AUTHOR_RE.search(self.masked[max(0, m.start - 60):m.start])
            if not (author or self._subject_like(m)):
                continue
            actor = m.actor if m.actor is not None else self._org_actor(m, m.start)
            how = ("the body last named as the author of a statement" if author
                   else "the body last named as a subject")
            return m.start, actor, f'{how}: "{m.surface}"', m
        return None

    def _org_actor(self, mention: _Mention, pos: int) -> str:
        """Actor of an unregistered body mention: the registered (or earlier named) body it
        is a shorter name of -- "the Foreign Ministry" after "Georgian Foreign Ministry",
        "the Ministry of Foreign Affairs" after "the Ministry of Foreign Affairs of Ukraine",
        "the department" after a ministry -- else its own ``new:`` id."""
        found = self._org_before(mention, pos)
        return found if found is not None else self._actor_of(mention)

    def _org_before(self, mention: _Mention, pos: int, depth: int = 0):
        words = _title_words(mention.canonical or mention.surface)
        heads = [w for w in words if w in _ORG_CLASS]
        if not heads:
            return None
        cls = {_ORG_CLASS[w] for w in heads}
        caps = [re.sub(r"['’]s$", "", w).casefold() for w in re.findall(
            r"[\w'’-]+", mention.surface) if w[:1].isupper()]
        caps = [w for w in caps if w not in ("the", "a", "an", "its", "their", "of", "for")
                and w not in _ORG_CLASS]

        def names_of(actor, m=None):
            if actor in self.actor_names:
                return self.actor_names[actor]
            return {normalize(m.canonical)} if m is not None else set()

        def fits(names) -> bool:
            ws = {w for n in names for w in _title_words(n)}
            if not ({_ORG_CLASS[w] for w in ws if w in _ORG_CLASS} & cls):
                return False
            return all(any(x[:5] == c[:5] for x in ws) for c in caps)

        lo = bisect_left(self._mention_starts, pos - 5000)
        hi = bisect_left(self._mention_starts, pos)
        cands = []
        for m in self.mentions[lo:hi]:
            if m is mention or m.start >= pos:
                continue
            if m.actor is not None and m.actor not in self.person_actors:
                if fits(names_of(m.actor)):
                    cands.append((m.start, m.actor))
            elif m.kind == "body" and m.actor is None and len(_title_words(m.canonical)) > len(
                    words) and fits({normalize(m.canonical)}):
                # a fuller unregistered name, itself perhaps a shorter name of a registered one
                up = self._org_before(m, m.start, depth + 1) if depth < 2 else None
                cands.append((m.start, up if up is not None else self._actor_of(m)))
        q_lo = bisect_left(self._quote_starts, pos - 5000)
        for q in self.quotes[q_lo:bisect_left(self._quote_starts, pos)]:
            if q.actor is not None and q.actor not in self.person_actors \
                    and q.speaker_kind != "person" and fits(names_of(q.actor)):
                cands.append((q.start, q.actor))
        if not cands and depth == 0 and caps:
            # a registered body named in other words ("Armenia's Foreign Ministry" for the
            # registered "Armenian Foreign Ministry"): the one whose names fit
            fit = {aid for aid, names in self.actor_names.items()
                   if aid not in self.person_actors and fits(names)}
            if len(fit) == 1:
                return fit.pop()
        if not cands and depth == 0:
            # a shorter name used before the full one ("Invitation rejected by de facto
            # Nagorno-Karabakh authorities" in a subheading, the full name further down)
            for m in self.mentions[hi:bisect_left(self._mention_starts, pos + 5000)]:
                if m.kind == "body" and m.actor is None and len(_title_words(m.canonical)) > \
                        len(words) and fits({normalize(m.canonical)}):
                    return self._actor_of(m)
        return max(cands)[1] if cands else None

    def _nation_actor(self, mention: _Mention):
        """"the Azerbaijani side", "the Armenian authorities", "the Georgian government": the
        registered actor named by one word the adjective is made from (Azerbaijan, Armenia,
        Georgia: a shared start of at least five letters, all but the name's last), when the
        noun phrase is just the adjective and such a noun. (actor, name) or None."""
        m = re.fullmatch(r"(?i)(?:the\s+)?([A-Z][\w-]+)\s+(side|authorities|government|"
                         r"leadership)", mention.surface.strip())
        if m is None or mention.actor is not None:
            return None
        if self._nations is None:
            self._nations = {}
            for aid, names in self.actor_names.items():
                if aid in self.person_actors:
                    continue
                for n in names:
                    if re.fullmatch(r"\w{5,}", n):
                        self._nations.setdefault(n.casefold(), aid)
        adj = normalize(m.group(1)).casefold()
        for name, aid in self._nations.items():
            k = 0
            while k < min(len(adj), len(name)) and adj[k] == name[k]:
                k += 1
            if k >= max(5, min(len(name) - 1, 6)) and adj != name:
                return aid, name
        return None

    def _metonym(self, mention: _Mention):
        """"the de facto NKR authorities in Stepanakert ... Stepanakert reaffirmed": a place
        the article gave as the seat of a body stands for that body. (actor, body) or None."""
        if mention.kind != "person" or len(mention.canonical.split()) != 1:
            return None
        key = mention.canonical.casefold()
        if self._seats is None:
            self._seats = {}
            for x, y in zip(self.mentions, self.mentions[1:]):
                if (x.kind == "body" or (x.actor is not None and x.actor not in
                                         self.person_actors)) and y.kind == "person" and \
                        len(y.canonical.split()) == 1 and re.fullmatch(
                            r"(?i)[ \t]+(?:in|from)[ \t]+", self.masked[x.end:y.start]):
                    actor = x.actor if x.actor is not None else self._org_actor(x, x.start)
                    self._seats.setdefault(y.canonical.casefold(), (actor, x))
        return self._seats.get(key)

    def _mintable(self, mention: _Mention) -> bool:
        """May an unregistered mention give its speaker a ``new:`` id? A title nobody named
        gets one when it is only a title ("the prime minister", "the Ruritanian minister"),
        not when it is a description ("the head of the transatlantic military alliance", "a
        proposal that the French leader"); a name not when it is one word with a possessive
        after it ("Turkey's position that questions ..."), has a possessive inside ("APA's
        Istanbul bureau reports"), is geographic ("the Iranian Persian Gulf") or is a title
        with its place ("the leaders of Guyana"). A wrong speaker is worse than none."""
        if mention.actor is not None or mention.kind not in ("title", "person"):
            return True
        lang = LANGUAGES[self.lang]
        titles = lang["titles"]
        words = re.findall(r"[\w'’-]+", mention.surface)
        if mention.kind == "title":
            return all(w[:1].isupper() or not w.isascii() or re.sub(r"['’]s$", "", w).casefold()
                       in titles or w.casefold() in lang["organisations"] or w.casefold() in
                       _ORG_CLASS or w.casefold() in _TITLE_MODIFIERS or w.casefold() in (
                           "the", "a", "an", "of", "for", "its", "their", "his", "her")
                       for w in words)
        name = mention.canonical or mention.surface
        words = re.findall(r"[\w'’-]+", name)
        if re.search(r"['’]s\b", mention.surface) or (len(words) == 1 and re.match(
                r"['’]s\s+[a-z]", self.masked[mention.end:mention.end + 40])):
            return False
        if any(w.casefold() in _GEO_HEADS for w in words):
            return False
        if all(w.casefold() in _TITLE_MODIFIERS or w.casefold() in titles or w.casefold() in
               lang["organisations"] for w in words):
            return False  # "Presidential Affairs" (of "Minister of Presidential Affairs")
        return not (len(words) > 1 and words[0].casefold().rstrip("s") in titles
                    and words[1].casefold() in ("of", "for"))

    def _actor_of(self, mention: _Mention) -> str:
        if mention.actor is not None:
            return mention.actor
        return unregistered_id(mention.canonical or mention.surface)

    def _heads(self, titles) -> set:
        # ("the First Minister" is a first minister, not the Prime Minister named last)
        vocab = LANGUAGES[self.lang]["titles"] | {"prime", "foreign", "first"}
        return {w for w in (titles or ()) if w in vocab}

    def _person_before(self, pos: int, titles: set | None = None, avoid: str | None = None):
        """The person a reader takes "he"/"she" (or a title) to mean at ``pos``: the speaker
        of the last quote or the last person named as the subject of a clause (a title such
        as "the President reiterated" counts as the person it names). With ``titles``, the
        last person given all those title words. Names in the headline are not antecedents.

        Remembered per (pos, titles): every quote before ``pos`` is attributed already when
        this is asked (quotes are attributed in reading order and ``pos`` is never past the
        quote being attributed), so the answer cannot change; the titles named in the window
        ask the same questions again for every later quote."""
        key = (pos, frozenset(titles) if titles is not None else None, avoid)
        if key not in self._person_memo:
            self._person_memo[key] = self._person_before_uncached(pos, titles, avoid)
        return self._person_memo[key]

    def _gender_of(self, actor) -> str | None:
        """"f" or "m" when the article marks the person so (spokeswoman, chairman, Mrs, Mr
        in the title before the name or in an apposition after it), else None. One pass over
        the mentions, the first time it is asked."""
        if self._genders is None:
            self._genders = {}
            for m in self.mentions:
                if not self._personish(m):
                    continue
                around = (self.masked[max(0, m.np_start - 12):m.end]
                          + self.masked[m.end:m.end + 50].split(".")[0])
                g = _FEMALE_RE.search(around), _MALE_RE.search(around)
                if bool(g[0]) != bool(g[1]):
                    self._genders.setdefault(self._actor_of(m), "f" if g[0] else "m")
        return self._genders.get(actor)

    def _subject_like_cached(self, m: _Mention) -> bool:
        k = id(m)
        if k not in self._subject_memo:
            self._subject_memo[k] = self._subject_like(m)
        return self._subject_memo[k]

    def _person_candidates(self):
        """The mentions that can name a person (a person or a title) and their starts: the
        only ones :meth:`_person_before_uncached` stops at (the others it skipped one by one,
        the slowest step of an article of 10,000 quotes in one paragraph)."""
        if getattr(self, "_pcands", None) is None:
            # (not a capitalised run joined by "of" and registered as nobody: "the
            # Sovereignty of Gibraltar" is a matter, no one "he" can stand for)
            # (nor the name of a document or a thing: "the 1995 Dayton Peace Agreement")
            self._pcands = [m for m in self.mentions if (self._personish(m) and not (
                m.actor is None and (not _full_name(m.canonical) or _THING_NAME_RE.search(
                    m.canonical)))) or m.kind == "title"]
            self._pcand_starts = [m.start for m in self._pcands]
        return self._pcands, self._pcand_starts

    def _noun_verb(self, v) -> bool:
        """``v`` follows a determiner ("the statement's calls"): a noun, not a speech verb.
        Remembered per position (the windows of neighbouring quotes share their verbs)."""
        memo = getattr(self, "_noun_memo", None)
        if memo is None:
            memo = self._noun_memo = {}
        k = v.start()
        if k not in memo:
            memo[k] = _DET_BEFORE_RE.search(self.masked[max(0, k - 15):k]) is not None and \
                not _RELATIVE_SUBJECT_RE.search(self.masked, max(0, k - 40), k) and \
                not self._possessor_speaks(v)
            # (", which called them": a relative pronoun, not a determiner)
        return memo[k]

    def _possessor_speaks(self, v) -> bool:
        """An -ing speech verb after a person's possessive, with an object after it ("Lai
        Ching-te's labeling the mainland the 'biggest challenge'"): the person's act of
        speech, a verb with the possessor as its subject (not "the statement's calls", nor
        "Lai's warning of ...")."""
        k = v.start()
        if not v.group().casefold().endswith("ing") or not _POSSESSIVE_BEFORE_RE.search(
                self.masked, max(0, k - 4), k) or re.match(r"[ \t]+(?:of|that|was|is)\b",
                                                           self.masked[v.end():v.end() + 6]):
            return False
        at = k - len(_POSSESSIVE_BEFORE_RE.search(self.masked, max(0, k - 4), k).group())
        i = bisect_right(self._mention_starts, at) - 1
        m = self.mentions[i] if i >= 0 else None
        return m is not None and m.end == at and (self._personish(m) or (
            m.actor is not None and m.actor in self.person_actors))

    def _told_by_pronoun(self, m: _Mention) -> bool:
        """``m`` is the subject of a sentence reported by "he"/"she" at its end ("Prime
        Minister Hun Sen has ordered troops to hold fire, he said."): the pronoun is someone
        else, the speaker named before, so ``m`` is no antecedent for the pronouns after it."""
        end = _SENTENCE_END_RE.search(self.masked, m.end, min(len(self.masked), m.end + 400))
        if end is None:
            return False
        return _TOLD_BY_PRONOUN_RE.search(self.masked, m.end, end.start()) is not None

    def _person_before_uncached(self, pos: int, titles: set | None = None,
                                avoid: str | None = None):
        best = None
        skipped = False
        cands, starts = self._person_candidates()
        hi = bisect_left(starts, pos)
        lo = bisect_left(starts, pos - 2500)
        # the last mention that qualifies: scanned backwards, the first one found
        for m in reversed(cands[lo:hi]):
            if m.start >= pos or self._in_headline(m.start):
                continue
            if self._personish(m):
                if titles is not None and not (titles <= m.titles):
                    continue
                if avoid and self._gender_of(self._actor_of(m)) == avoid:
                    skipped = True  # "she" is not the spokesman
                    continue
                if titles is None and not self._subject_like_cached(m):
                    continue
                if titles is None and self._told_by_pronoun(m):
                    continue
                if not self._mintable(m):
                    continue
                best = (m.start, self._actor_of(m), m, None)
                break
            elif titles is None and m.kind == "title" and self._subject_like_cached(m):
                # (the person the title names, as a title subject resolves: "the Eritrean
                # minister" is not the Ethiopian minister named last)
                found = self._title_person(m, m.start)[0] if self._heads(m.titles) else None
                if found is not None:
                    best = (m.start, found[1], found[2], found[3])
                    break
        if best is None and skipped:
            # "Narnian spokesman Tom Vale met Ivers. '...,' she said": the other person named
            for m in reversed(cands[lo:hi]):
                if m.start < pos and not self._in_headline(m.start) and self._personish(m) \
                        and self._gender_of(self._actor_of(m)) != avoid:
                    best = (m.start, self._actor_of(m), m, None)
                    break
        # the quotes of the same stretch of text (a bounded window keeps long articles linear)
        q_lo = bisect_left(self._quote_starts, pos - 2500)
        for q in self.quotes[q_lo:bisect_left(self._quote_starts, pos)]:
            if q.start >= pos or q.actor is None or not (
                    q.speaker_kind == "person" or (titles is None and q.speaker_kind == "title")):
                continue  # (a quote of "the prime minister", nobody named: "he" is that one)
            if titles is not None and not (titles <= (q.speaker_titles or set())):
                continue
            if avoid and self._gender_of(q.actor) == avoid:
                continue
            if best is None or q.start > best[0]:
                best = (q.start, q.actor, None, q)
        return best

    def _person_after(self, pos: int, titles: set):
        """The first person given ``titles`` after ``pos`` in this or the next two units ("A
        spokesperson for the office said ..." then "the spokesperson, Ma Xiaoguang, said")."""
        ui = self._unit_at(pos)
        limit = self.units[min(ui + 2, len(self.units) - 1)].end
        lo = bisect_left(self._mention_starts, pos)
        for m in self.mentions[lo:]:
            if m.start >= limit:
                break
            if self._personish(m) and titles <= m.titles:
                return (m.start, self._actor_of(m), m, None)
        return None

    def _verbs_in(self, a: int, b: int) -> list:
        """``list(_VERB_RE.finditer(self.masked, a, b))``, taken from one scan of the whole
        article (the windows of neighbouring quotes overlap: scanning each was the slowest
        step). The scan of the window itself when a verb of the whole scan crosses ``a`` or
        ``b``, or a letter follows ``b``: only then could the two differ."""
        if self._verbs is None:
            self._verbs = list(_unmasked_finditer(_VERB_RE, self.masked))
            self._verb_starts = [v.start() for v in self._verbs]
        i = bisect_left(self._verb_starts, a)
        j = bisect_left(self._verb_starts, b)
        if (i > 0 and self._verbs[i - 1].end() > a) or (j > i and self._verbs[j - 1].end() > b) \
                or (b < len(self.masked) and _WORDISH_RE.match(self.masked, b)):
            return list(_VERB_RE.finditer(self.masked, a, b))
        return self._verbs[i:j]

    def _dates_in(self, a: int, b: int):
        """``_DATE_RE.finditer(self.masked, a, b)``, trying only the places where a date can
        start (a digit, or the first three letters of a month, weekday or "yesterday",
        "today", "tonight", "last night" after a word boundary), found by one scan."""
        if self._date_anchors is None:
            self._date_anchors = [m.start() for m in
                                  _unmasked_finditer(_DATE_ANCHOR_RE, self.masked)]
        anchors = self._date_anchors
        pos = a
        for x in anchors[bisect_left(anchors, a):bisect_left(anchors, b)]:
            if x < pos:
                continue
            m = _DATE_RE.match(self.masked, x, b)
            if m is not None:
                pos = max(m.end(), x + 1)
                yield m

    def _done(self, q: _Quote) -> None:
        """Record an attributed quote in the indexes (quotes are attributed in reading order)."""
        if q.actor is None:
            return
        if q.speaker_titles:  # (the first quote of each actor with titles: _title_person)
            self._first_titled.setdefault(q.actor, q.speaker_titles)
        if q.speaker:
            self._last_spoken[q.actor] = q
        if q.speaker_kind == "person":
            self._person_quotes.append(q)
            self._person_quote_starts.append(q.start)
            for t in (q.speaker_titles or ()):
                starts, qs = self._person_quotes_by_title.setdefault(t, ([], []))
                starts.append(q.start)
                qs.append(q)

    def _subject_like(self, m: _Mention) -> bool:
        """A mention followed (within a few words, no pronoun between) by a verb, or starting
        its sentence; not a possessive ("Erhürman's preconditions") nor the object of a
        preposition ("after his meeting with Mr. Talat")."""
        after = self.masked[m.end:m.end + 60]
        if re.match(r"(?:'s|’s|'|’)(?:\s|$)", after):
            return False
        before = self.masked[max(0, m.np_start - 60):m.np_start]
        if _AUTHOR_RE.search(before):
            return True  # "the words of President Ilham Aliyev": the author of words
        if _PREPOSITION_RE.search(before):
            return False
        inverted = False
        if self._personish(m):
            # "Об этом заявил ... генерал-майор Игорь Конашенков", '"...," said Tom Vale':
            # the subject after its speech verb (at most seven words between, no punctuation)
            # (English puts the subject after the verb only after a quote: "criticized
            # Kosovo for" has an object; Russian and Armenian reports often do)
            vs = self._verbs_in(max(0, m.np_start - 90), m.np_start)
            v = vs[-1] if vs else None
            gap = self.masked[v.end():m.np_start] if v else ""
            inverted = v is not None and not re.search(r"[,.;:!?\0\n]", gap) and \
                len(gap.split()) <= 7 and not self._noun_verb(v) and not _GAP_STOP_RE.search(
                    gap) and (re.search(r"[А-Яа-яЁёԱ-Ֆա-ֆ]", v.group()) is not None or
                              re.search(r"[,\0”\"»][ \t]*$",
                                        self.masked[max(0, v.start() - 3):v.start()]))
        if not (inverted or _SUBJECT_VERB_AFTER_RE.match(after)
                or _SENTENCE_START_RE.search(before)):
            # "Narnia's Minister of Information, Anna Ivers, accused": a name in apposition
            # to the title that starts the sentence is its subject
            t = self._mentions_in(max(0, m.np_start - 120), m.np_start)
            if not (t and t[-1].kind == "title" and re.fullmatch(
                    r"[ \t]*,[ \t]*", self.masked[t[-1].end:m.np_start])
                    and re.match(r",[ \t]+(?:[a-z]+ly[ \t]+)?[a-z]\w*(?:ed|s)(?![\w-])", after)
                    and _SENTENCE_START_RE.search(
                        self.masked[max(0, t[-1].np_start - 60):t[-1].np_start])):
                return False
        # "Talat noted that ... and that Denktas had been forced": the subject of a clause
        # that a speech verb of the same sentence reports is not a subject a reader goes back to
        lo = max(0, m.np_start - 300)
        stop = max(self.masked.rfind(". ", lo, m.np_start), self.masked.rfind("\n", lo,
                                                                                m.np_start))
        lo = max(lo, stop + 1)
        return not any(_THAT_RE.match(self.masked, v.end() + 1) for v in self._verbs_in(
            lo, m.np_start) if self.masked[v.end():v.end() + 1] == " ")

    def _title_person(self, mention: _Mention, pos: int):
        """The person a title mention names: the last person given those titles, else the
        next one (in this or the next two paragraphs), else the last person named as a
        subject or quoted when no other title of theirs contradicts it; with how it was
        found."""
        heads = self._heads(mention.titles)
        if heads == {"head"} and re.match(r"(?i)\s+of\s+(?:the\s+)?state(?![\w-])",
                                          self.masked[mention.end:mention.end + 16]):
            heads = {"president"}  # "the head of state"
        if not heads:
            return None, None
        if mention.of_body:
            # "the Sinn Féin leader": the person given that title with that body's name
            # ("Sinn Féin leader Mary Lou McDonald"), not another body's leader named since;
            # nobody: the body (see _who)
            lead = _GENERIC_TITLES["leader"]
            for want in [heads] + ([(heads - lead) | {"leader"}] if heads & lead else []):
                # (a body's president, chairman or head is its leader, and the other way)
                found = self._person_before(pos, want | mention.of_body) or \
                    self._person_after(pos, want | mention.of_body)
                if found is not None:
                    break
            if found is None:
                found = self._person_named_next(mention, pos, heads)
                return (found, "the person named next as a speaker") if found else (None, None)
            return found, "the person the article gave that title"
        nat = self._nationality(mention)
        if nat:
            # "the Azerbaijani minister": the minister given that adjective, else the
            # counterpart given it ("his Azerbaijani counterpart Jeyhun Bayramov")
            found = self._person_before(pos, heads | nat) or self._person_before(
                pos, nat | {"counterpart"})
            if found is not None:
                return found, "the person the article gave that title"
            found = self._person_of_nationality(pos, heads, nat)
            if found is not None:
                return found, "the person the article gave that title and country"
        found = self._person_before(pos, heads)
        if found is not None and not self._other_nationality(found, nat):
            return found, "the person the article gave that title"
        found = self._person_after(pos, heads)
        if found is not None and not self._other_nationality(found, nat):
            return found, "the person given that title next"
        if heads & {"spokesperson", "representative", "official"} and any(
                w in _ORG_CLASS for w in _title_words(mention.surface)):
            return None, None  # "the foreign ministry spokesperson", nobody of that title
            # named: the ministry (see _who), not whoever was named last
        found = self._person_before(pos)
        for _ in range(3):
            # "the Narnian minister" after "comments by Ruritania's Foreign Minister X": the
            # last person named before X that no other country's adjective rules out
            if found is None or not self._other_nationality(found, nat):
                break
            found = self._person_before(found[0])
        if found is not None and not self._other_nationality(found, nat):
            own = self._heads(found[2].titles if found[2] is not None else
                              self._first_titled.get(found[1], set()))
            indefinite = re.match(r"(?i)an?\s", mention.surface) is not None
            generic = heads <= set(_GENERIC_TITLES) and all(
                _GENERIC_TITLES[h] is None or own & _GENERIC_TITLES[h] for h in heads)
            # ("a spokesperson for Baku said" after Mirzoyan's quote: an indefinite title
            # introduces someone, it does not refer back to the last person named)
            if not indefinite and (not own or own & heads or generic):
                return found, "the last person named as a subject or quoted"
        found = self._person_named_next(mention, pos, heads, nat)
        if found is not None:
            return found, "the person named next as a speaker"
        return None, None

    def _person_of_nationality(self, pos: int, heads: set, nat: set):
        """"Israel's foreign minister said" ... "Israeli foreign minister Gideon Saar": the
        person given the title's words and the same country (an adjective or a possessive
        agreeing on its first five letters), the last before ``pos``, else the first after
        it, anywhere in the article (the country makes the title specific)."""
        nat5 = {n[:5] for n in nat}
        before = after = None
        for m in self._persons:
            if not heads <= m.titles or self._in_headline(m.start):
                continue
            own = {w[:5] for w in m.titles if w not in heads}
            b = _COUNTRY_POSSESSIVE_RE.search(self.masked, max(0, m.np_start - 60), m.np_start)
            if b is not None:
                own.add(b.group(1).casefold()[:5])
            if not own & nat5:
                continue
            if m.start < pos:
                before = m
            elif after is None:
                after = m
        m = before or after
        return (m.start, self._actor_of(m), m, None) if m is not None else None

    def _person_named_next(self, mention: _Mention, pos: int, heads: set, nat: set = frozenset()):
        """A definite title that no person named before it holds ("the commander of the
        Syrian Democratic Forces said" ... "Mazloum Abdi, said in a tweet"; "The leader of
        Hezbollah says" ... '"...," said Hassan Nasrallah'): the first person named after it,
        in its paragraph or the next, as the subject of a clause (before or after its verb),
        when no title of theirs and no country's adjective contradicts it. A lead that gives
        the role first and the name next; an indefinite title ("a spokesman said")
        introduces someone unnamed, and is left alone, as is a spokesperson or an official
        (named beside the title, or not at all: the next person named is someone else)."""
        if not _DEFINITE_TITLE_RE.match(mention.surface) or heads & (
                _ANONYMOUS_HEADS | {"spokesperson", "representative"}):
            return None  # (a spokesperson is named beside the title or not at all)
        ui = self._unit_at(max(pos, mention.end))
        limit = self.units[min(ui + 1, len(self.units) - 1)].end
        lo = bisect_left(self._mention_starts, max(pos, mention.end))
        lead = _GENERIC_TITLES["leader"]
        for m in self.mentions[lo:]:
            if m.start >= limit:
                break
            if m.kind == "title" and m is not mention and self._heads(m.titles) & heads:
                return None  # another holder of the title is spoken of first
            if not self._personish(m) or self._in_headline(m.start) or (
                    m.actor is None and (not _full_name(m.canonical)
                                         or _THING_NAME_RE.search(m.canonical))):
                continue  # (nor a thing's or a country's name: "the United States")
            if not self._subject_like_cached(m):
                continue
            own = self._heads(m.titles)
            if own and not (own & heads) and not (own & lead and heads & lead):
                return None  # "Foreign Minister X said": not the commander
            found = (m.start, self._actor_of(m), m, None)
            if self._other_nationality(found, nat):
                return None
            return found
        return None

    def _nationality(self, mention: _Mention) -> set:
        """Capitalised adjectives of a title mention ("the Azerbaijani minister" ->
        {"azerbaijani"}): words of its titles written with a capital that are no title,
        organisation or modifier word."""
        lang = LANGUAGES[self.lang]
        caps = {w.casefold() for w in re.findall(r"[\w-]+", mention.surface) if w[:1].isupper()}
        # ("Israel's foreign minister": the country's possessive, compared with adjectives by
        # its first five letters in _other_nationality)
        poss = {w.casefold() for w in re.findall(r"([A-Z][\w-]{3,})(?:'s|’s)(?![\w-])",
                                                 mention.surface)}
        return poss | {w for w in mention.titles if w in caps and w not in lang["titles"]
                       and w not in lang["organisations"] and w not in _TITLE_MODIFIERS
                       and w not in ("the", "a", "an")
                       and re.search(r"(?:an|ani|i|ese|ish|ic)$", w)}

    def _other_nationality(self, found, nat: set) -> bool:
        """Does the person found carry an adjective of another country than ``nat``?"""
        if not nat or found is None:
            return False
        m = found[2]
        titles = m.titles if m is not None else (found[3].speaker_titles or set()
                                                  if found[3] is not None else set())
        own = {w for w in titles if re.search(r"(?:an|ani|i|ese|ish|ic)$", w)
               and w not in LANGUAGES[self.lang]["titles"] and w not in _TITLE_MODIFIERS}
        nat5, own5 = {n[:5] for n in nat}, {w[:5] for w in own}
        if m is not None:
            # a country's possessive in the title ("Ethiopia's Foreign Minister X") or right
            # before it ("Guyana's President, Irfaan Ali"): compared with the adjective by its
            # first five letters (Ethiopia ~ Ethiopian)
            poss = {w.casefold()[:5] for w in re.findall(
                r"([A-Z][\w-]{3,})(?:'s|’s)(?![\w-])", self.masked[m.np_start:m.start])}
            b = _COUNTRY_POSSESSIVE_RE.search(self.masked, max(0, m.np_start - 60), m.np_start)
            if b is not None:
                poss.add(b.group(1).casefold()[:5])
            if poss:
                return not (poss & nat5) and not (own5 & nat5)
        return bool(own) and not (own5 & nat5)

    def _leader_of_name(self, mention: _Mention, pos: int):
        """An unregistered name before a title word in lower case ("declared Parti Quebecois
        (PQ) leader Paul St-Pierre Plamondon", "says Parti Quebecois leader"): the name is the
        body the person leads, not the speaker. (actor, evidence, True) of the person named
        right after the title, else of the person the article gives that title with the
        body's words (before or next), or None."""
        if mention.actor is not None:
            return None
        tail = re.match(r"[ \t]+(?:\([A-Z][\w.]{0,9}\)[ \t]+)?([a-z][\w-]*)(?![\w-])",
                        self.masked[mention.end:mention.end + 40])
        if not tail or tail.group(1) not in LANGUAGES[self.lang]["titles"]:
            return None
        title, after = tail.group(1), mention.end + tail.end()
        k = bisect_left(self._mention_starts, after)
        nxt = self.mentions[k] if k < len(self.mentions) else None
        if nxt is not None and re.fullmatch(r"[ \t]*", self.masked[after:nxt.start]) \
                and self._personish(nxt):
            actor = self._actor_of(nxt)
            return actor, (f'name "{nxt.surface}" after "{mention.surface} {title}" (the '
                           'body is what the person leads)'), False
        if re.match(r"[ \t]+[A-Z]", self.masked[after:after + 3]):
            return None  # another capitalised word: not a title read
        words = frozenset(w.casefold() for w in re.findall(r"[\w'’-]+", mention.surface))
        found = None
        for want in ({title} | words, {title}):
            found = self._person_before(pos, want) or self._person_after(pos, want)
            if found is not None:
                break
        if found is None:
            return None
        return found[1], (f'"{mention.surface} {title}" -> {found[1]} (the person the '
                          'article gives that title)'), True

    def _who(self, mention: _Mention, unit_index: int, pos: int):
        """(actor, evidence-phrase, is_reference) of a mention; remembers the mention."""
        self._picked = mention
        if mention.variant_of is not None:
            actor = self._actor_of(mention)
            return actor, (f'name "{mention.surface}" (read as "{mention.variant_of}", the name '
                           'given before)'), False
        if mention.kind == "alias" or (mention.actor is not None):
            return mention.actor, f'alias "{mention.surface}"', False
        if mention.kind == "body":
            actor = self._org_actor(mention, mention.start)
            if actor != self._actor_of(mention):
                return actor, (f'name "{mention.surface}" -> {actor} (the body named before '
                               'that it is a shorter name of)'), True
        nation = self._nation_actor(mention) if mention.kind == "body" else None
        if nation is not None:
            return nation[0], (f'name "{mention.surface}" -> {nation[0]} (the side of '
                               f'"{nation[1]}")'), True
        seat = self._metonym(mention) if mention.actor is None else None
        if seat is not None:
            return seat[0], (f'name "{mention.surface}" -> {seat[0]} (the article seats '
                             f'"{seat[1].surface}" there)'), True
        if mention.kind in ("person", "body"):
            led = self._leader_of_name(mention, pos)
            if led is not None:
                return led
            if not self._mintable(mention):
                return None, (f'name "{mention.surface}" is not in the registry and does not '
                              'read as a speaker\'s name (no new: id)'), False
            actor = self._actor_of(mention)
            full = (f' ({mention.canonical})' if mention.canonical != mention.surface else "")
            return actor, f'name "{mention.surface}"{full}', False
        if mention.kind == "title":
            found, how = self._title_person(mention, pos)
            if found is not None:
                self._picked_person = found
                return found[1], f'title "{mention.surface}" -> {found[1]} ({how})', True
            if mention.org is not None:
                return (mention.org, f'title "{mention.surface}" (no person of that title '
                        f'named; the body it speaks for)', True)
            if self._heads(mention.titles) & {"spokesperson", "representative", "official"}:
                # "a foreign ministry spokesperson", nobody named: the ministry named before
                body = self._org_before(mention, pos)
                if body is not None:
                    return (body, f'title "{mention.surface}" (no person of that title named; '
                            f'the body it speaks for, named before: {body})', True)
            if not self._mintable(mention):
                return None, (f'title "{mention.surface}" (no person of that title named before '
                              'it; a description, not a title, gives no new: id)'), False
            return (self._actor_of(mention), f'title "{mention.surface}" (no person of that '
                    'title named before it)', False)
        if mention.kind == "pronoun":
            low = mention.surface.casefold()
            if low in LANGUAGES[self.lang]["person_pronouns"]:
                found = self._person_before(pos, avoid=_PRONOUN_AVOID.get(low))
                if found is not None:
                    self._picked_person = found
                    return (found[1], f'pronoun "{mention.surface}" -> {found[1]} (the last '
                            'person named as a subject or quoted)', True)
                return None, f'pronoun "{mention.surface}" (no person named before it)', True
        if re.fullmatch(r"(?i)the\s+(?:latter|former)", mention.surface):
            # "Mirzoyan met Tom Vale. The latter said": of the two named in the sentence
            # before (or in this one before it), the second; "the former": the first
            named = []
            here = self._sent_start(self.units[unit_index], mention.start)
            lo = self._sent_start(self.units[unit_index], here - 1) if here > \
                self.units[unit_index].start else here
            for m in self._mentions_in(lo, mention.start):
                if m.kind in ("pronoun", "ref", "title") or m is mention:
                    continue
                a = self._actor_of(m)
                if a not in named:
                    named.append(a)
            if len(named) != 2:
                return None, (f'reference "{mention.surface}" (not two actors named before '
                              'it)'), True
            actor = named[1] if mention.surface.casefold().endswith("latter") else named[0]
            return (actor, f'reference "{mention.surface}" -> {actor} (of the two named '
                    'before)', True)
        if re.fullmatch(r"(?i)(?:the|this|that)\s+(?:statement|release|press\s+release|"
                        r"communiqu[eé])", mention.surface):
            found = self._statement_author(mention, unit_index)
            if found is not None:
                return (found[0], f'reference "{mention.surface}" -> {found[0]} ({found[1]})',
                        True)
        actor, where = self._resolve(mention, unit_index, pos)
        if actor is None:
            return None, f'reference "{mention.surface}" (nothing attributed before it)', True
        return actor, f'reference "{mention.surface}" -> {actor} ({where})', True

    # -- subject of a verb -------------------------------------------------------------------
    def _agentless_passive(self, verb: re.Match, sent_start: int) -> bool:
        """Whether speech verb ``verb`` is a passive with no agent named after it ("was
        accused of", "be assured by the '...'": a quote is no agent), as :meth:`_subject`
        reads it."""
        if not _PASSIVE_RE.search(self.masked[_passive_from(self.masked, sent_start,
                                                            verb.start()):verb.start()]):
            return False
        if re.search(r"(?i)(?<![\w-])it\s+(?:is|was|has\s+been|had\s+been)\s+(?:also\s+)?$",
                     self.masked[max(sent_start, verb.start() - 30):verb.start()]) and \
                _IN_DOCUMENT_RE.match(self.masked, verb.end()):
            return False  # ("it is noted in the statement that": its issuer, _subject)
        for mention in self._mentions_in(verb.end(), verb.end() + 80):
            return not re.fullmatch(r"\s+by\s+(?:the\s+)?", self.masked[verb.end():mention.start],
                                    flags=re.IGNORECASE)
        return True

    def _subject(self, verb: re.Match, sent_start: int, unit: _Unit):
        """Find the subject of a speech verb: (actor, evidence, rule) or (None, reason, rule)."""
        # Passive agent first: "(the invitation was) rejected by Stepanakert".
        for mention in self._mentions_in(verb.end(), verb.end() + 80):
            if re.fullmatch(r"\s+by\s+(?:the\s+)?", self.masked[verb.end():mention.start],
                            flags=re.I):
                actor, phrase, is_ref = self._who(mention, unit.index, verb.start())
                return actor, f'verb "{verb.group()} by" + {phrase}', "agent"
            break
        if re.search(r"(?i)(?<![\w-])it\s+(?:is|was|has\s+been|had\s+been)\s+(?:also\s+)?$",
                     self.masked[max(sent_start, verb.start() - 30):verb.start()]) and \
                _IN_DOCUMENT_RE.match(self.masked, verb.end()):
            # "It is noted in the statement that": impersonal, the statement's issuer
            found = self._issuer(verb, unit, sent_start, self._sent_end(unit, verb.end()),
                                 verb.start())
            if found is not None:
                return found[0], found[1], "reference"
        if _PASSIVE_RE.search(self.masked[_passive_from(self.masked, sent_start, verb.start()):
                                          verb.start()]):
            # passive without its agent: the subject is the one spoken of, not the speaker
            return None, (f'passive verb "{verb.group()}" without "by": the speaker is not '
                          'named'), "unknown"
        before = self._mentions_in(sent_start, verb.start())
        lo40 = max(sent_start, verb.start() - 40)
        rel = _RELATIVE_SUBJECT_RE.search(self.masked, lo40, verb.start()) if (
            "," in self.masked[lo40:verb.start()]) else None
        if rel is not None and before and before[-1].end == rel.start() and (
                rel.group(1).casefold() == "who") == (
                    self._personish(before[-1]) or before[-1].kind == "title"):
            # (who for a person, which for anything else: "a letter ... to Secretary-General
            # Antonio Guterres, which stated" is the letter's)
            # "... a response from Baku, which called them 'provocative'": the relative
            # pronoun stands for the mention before its comma
            actor, phrase, is_ref = self._who(before[-1], unit.index, verb.start())
            return (actor, f'{phrase} + "{rel.group(1)}" + verb "{verb.group()}"',
                    "reference" if is_ref else "subject")
        if verb.group().casefold().endswith("ing"):
            # "..., with one woman describing it as a 'trap'": the noun phrase after "with"
            # is the participle's subject (an absolute construction), not the sentence's
            w = _WITH_SUBJECT_RE.search(self.masked, max(sent_start, verb.start() - 60),
                                        verb.start())
            if w is not None:
                ms = [m for m in before if m.np_start >= w.start(1)]
                if ms and ms[0].np_start <= w.start(1) + 4:
                    actor, phrase, is_ref = self._who(ms[-1], unit.index, verb.start())
                    return (actor, f'{phrase} + verb "{verb.group()}" (after "with")',
                            "reference" if is_ref else "subject")
                return None, (f'verb "{verb.group()}" has a subject ("with '
                              f'{w.group(1).strip()}") that is not in the actor registry'
                              ), "unknown"
        # "Tom Vale (Narnia) said", "the Ministry of Foreign Affairs (MAE) said": a name in
        # brackets right after another one is no subject of its own
        # (the last few only: the subject rules look no further back; a bound that keeps a
        # sentence of thousands of mentions linear)
        masked = self.masked
        k0 = max(1, len(before) - 4)
        if any(masked[m.end:m.end + 1] == ")" for m in before[k0:]):
            before = before[:k0] + [m for i, m in enumerate(before[k0:], k0) if not (
                masked[m.end:m.end + 1] == ")"
                and re.fullmatch(r"[ \t]*\([ \t]*", masked[before[i - 1].end:m.np_start]))]
        paren = self._parenthetical_subject(verb, sent_start, before)
        if paren is not None:
            actor, phrase, is_ref = self._who(paren, unit.index, verb.start())
            return (actor, f'{phrase} + verb "{verb.group()}" (past a parenthesis)',
                    "reference" if is_ref else "subject")
        for k in range(len(before) - 1, -1, -1):
            mention = before[k]
            gap = self.masked[mention.end:verb.start()]
            comma = ((re.fullmatch(r"\s*,\s*", gap) is not None or (
                _AUX_AFTER_COMMA_RE.fullmatch(gap.rstrip(" \t") + " ") is not None))
                     and re.search(r",\s*$", self.masked[sent_start:mention.np_start]) is not None)
            if "\0" in gap or not (_GAP_RE.fullmatch(gap) or comma):
                break
            if re.search(r"(?i)(?<![\w-])(?:and|but)\s+(?:(?:also|then|later|again|further|"
                         r"has|have|had)\s+)?$", gap) and mention.np_start > sent_start + 2:
                # "China has renewed its threat to attack Taiwan and warned ...": the mention
                # before "and" ends the first clause; the subject is the sentence's
                found = self._clause_subject(sent_start, mention.np_start, unit)
                if found is not None:
                    return found[0], f'{found[1]} + verb "{verb.group()}"', "subject"
                break
            if k > 0 and self._personish(mention) and self._personish(before[k - 1]) and \
                    re.fullmatch(r"\s+and\s+", self.masked[before[k - 1].end:mention.np_start]):
                # "Mirzoyan and Ivers said": two speakers, neither alone
                return None, (f'verb "{verb.group()}" has two subjects ("{before[k - 1].surface}'
                              f' and {mention.surface}")'), "unknown"
            found = self._anonymous(mention, gap, verb)
            if found is not None:
                return found
            if mention.actor is None and mention.kind in ("person", "body") and \
                    _LOCATION_PREP_RE.search(self.masked[sent_start:mention.start]):
                continue  # "in Khojaly": a place, not the subject
            if mention.np_start - 4 >= sent_start and self.masked[
                    mention.np_start - 4:mention.np_start].rstrip().endswith(
                        ("to", "with", "the", " a", "an")) and _ADDRESSEE_RE.search(
                    self.masked, max(sent_start, mention.np_start - 40), mention.np_start):
                # "X (Faraton), speaking to the Horn of Africa newspaper said": who is spoken
                # to is not the speaker; the speaker stands before the participle
                paren = self._parenthetical_subject(verb, sent_start, before, open_end=True)
                if paren is not None:
                    actor, phrase, is_ref = self._who(paren, unit.index, verb.start())
                    return (actor, f'{phrase} + verb "{verb.group()}" (past a parenthesis)',
                            "reference" if is_ref else "subject")
                return None, (f'verb "{verb.group()}" after "{mention.surface}", who is spoken '
                              'to, not the speaker'), "unknown"
            # apposition: "Ani Badalian, the ministry spokeswoman, said" -> the name (closed
            # by a comma, or a title without an article: "X, Deputy Head of Mission said";
            # in "Speaking after talks on Brexit, the Chief Minister said" the title is the
            # subject)
            if k > 0 and mention.kind in ("title", "body") and (gap[:1] == "," or not (
                    _DETERMINER_START_RE.match(self.masked, mention.np_start))) and before[
                    k - 1].kind in ("person", "alias") and re.fullmatch(
                    r"\s*,\s*", self.masked[before[k - 1].end:mention.np_start]):
                # (from the start of the title's noun phrase: "X, Special Envoy of the
                # Secretary-General for Horn of Africa, told")
                mention = before[k - 1]
            # "The leader of the Lebanese militant group Hezbollah says": the title whose
            # body the name is speaks, not the body
            mention = self._title_of_name(mention, before[:k]) or self._country_title(
                mention, gap) or mention
            # "authorities in Stepanakert said": the place names the subject, not the speaker.
            if mention.actor is not None and _LOCATION_PREP_RE.search(
                    self.masked[sent_start:mention.start]):
                head = [m for m in before if m.end <= mention.start and
                        re.fullmatch(r"\s+(?:in|from|at|near|of)\s+",
                                     self.masked[m.end:mention.start], flags=re.I)]
                if head:
                    mention = head[-1]
                else:
                    return None, (f'verb "{verb.group()}" has a subject located "in '
                                  f'{mention.surface}" that is not in the registry'), "unknown"
            actor, phrase, is_ref = self._who(mention, unit.index, verb.start())
            return actor, f'{phrase} + verb "{verb.group()}"', "reference" if is_ref else "subject"
        # An explicit subject that is not in the registry? (not for a participle: "issued a
        # statement on August 26 saying" -- its subject is the main clause's)
        prev = re.search(r"([\w'’-]+)[ \t]*$", self.masked[sent_start:verb.start()])
        if prev and prev.group(1).casefold() not in _NON_SUBJECT and not (
                verb.group().casefold().endswith("ing") and (
                    not prev.group(1)[:1].isupper()
                    or prev.group(1).casefold() in LANGUAGES[self.lang]["not_names"])):
            tail = self.masked[sent_start:verb.start()].rstrip()
            if not re.search(r"[,;:(\0\"“”]\s*(?:[\w'’-]+\s+){0,1}[\w'’-]+$", tail) or \
                    re.search(r"\b[A-Z][\w-]+$", tail):
                return None, (f'verb "{verb.group()}" has a subject ("...{prev.group(1)}") that '
                              'is not in the actor registry'), "unknown"
        return None, None, None

    def _title_of_name(self, mention: _Mention, before: list):
        """A name that ends "the leader of (the) ... <name>", the title definite and singular,
        at most three words between "of" and the name ("The leader of the Lebanese militant
        group Hezbollah says", "the chief of Hezbollah said"): a title mention of that body
        (its ``of_body`` the name's words, its ``org`` the body), else None. A registered
        person is no body, nor is a name of two words or more ("the leader of the party,
        Giorgi Gakharia")."""
        if mention.kind not in ("person", "body", "alias") or (
                mention.actor is not None and mention.actor in self.person_actors) or (
                mention.kind == "person" and mention.actor is None
                and len(mention.surface.split()) >= 2):
            return None
        for t in reversed(before[-3:]):
            if t.kind != "title":
                if t.kind == "pronoun" or self._personish(t):
                    return None
                continue
            gap = self.masked[t.end:mention.np_start]
            if not _DEFINITE_TITLE_RE.match(t.surface) or not _OF_NAME_GAP_RE.fullmatch(gap) \
                    or not self._heads(t.titles) or t.surface.casefold().endswith("s"):
                return None
            words = frozenset(w.casefold() for w in _title_words(mention.surface))
            return _Mention(t.start, mention.end, None, self.masked[t.start:mention.end],
                            "title", t.canonical, set(t.titles), org=self._actor_of(mention),
                            np_start=t.np_start, of_body=words)
        return None

    def _country_title(self, mention: _Mention, gap: str):
        """"Guyana's president said", "Israel's foreign minister said": a name that is no
        person, followed by its possessive and a title in lower case (at most two modifiers)
        right before the verb, is that country's title holder: a title mention whose
        nationality is the name (see :meth:`_nationality`), else None."""
        if mention.kind not in ("person", "body", "alias") or (
                mention.actor is not None and mention.actor in self.person_actors) or (
                mention.kind == "person" and len(mention.surface.split()) >= 2):
            return None
        t = _COUNTRY_TITLE_RE.match(gap)
        if t is None:
            return None
        lang = LANGUAGES[self.lang]
        words = t.group(1).split()
        if words[-1] not in lang["titles"] or not all(
                w in lang["titles"] or w in _TITLE_MODIFIERS or w in ("newly-elected",)
                for w in words):
            return None
        syn = lang["title_synonyms"]
        end = mention.end + t.end(1)
        # (nobody holding the title: a registered country or body speaks for its title
        # holder, as before; an unregistered one gives no speaker of its own)
        return _Mention(mention.start, end, None, self.masked[mention.start:end], "title",
                        self.masked[mention.start:end], {syn.get(w, w) for w in words},
                        org=mention.actor, np_start=mention.np_start)

    def _anonymous(self, mention: _Mention, gap: str, verb):
        """(actor, evidence, rule) when the words ``gap`` between ``mention`` and its verb
        make the subject a group or an unnamed person of it, else None. "Narnian diplomatic
        sources said", "a Baku official said": nobody named; "Kremlin officials said": the
        body they speak for; "AZERBAIJANI officials said": the group as written."""
        # (the words before a comma only, the group word not a modifier: in "the head of
        # Hezbollah's media office, Mohammad Afif, said" nobody is a group)
        anon = _ANONYMOUS_RE.search(gap.split(",", 1)[0])
        if anon and _MODIFIED_HEAD_RE.match(gap, anon.end()):
            anon = None
        one = False
        if not anon and re.search(r"(?i)(?<![\w-])an?\s+$",
                                  self.masked[max(0, mention.np_start - 4):mention.np_start]):
            anon = re.match(r"(?i)\s+(?:[a-z][\w-]*\s+)?(official|diplomat)(?![\w'’-])", gap)
            one = anon is not None
        if not anon:
            return None
        phrase = re.sub(r"\s+", " ", self.masked[mention.np_start:mention.end + anon.end()])
        one = one or anon.group().casefold() == "source"
        if anon.group().casefold().startswith(("source", "military")) or one:
            return None, (f'verb "{verb.group()}" has an unnamed subject ("{phrase}")'
                          ), "unknown"
        if mention.actor is not None and mention.actor not in self.person_actors:
            self._picked = mention
            return (mention.actor, f'alias "{mention.surface}" + "{anon.group()}" + verb '
                    f'"{verb.group()}"', "subject")
        self._picked = _Mention(mention.np_start, mention.end + anon.end(), None, phrase,
                                "body", phrase)
        return (unregistered_id(phrase), f'group "{phrase}" + verb "{verb.group()}"',
                "subject")

    def _parenthetical_subject(self, verb, sent_start: int, before: list,
                               open_end: bool = False):
        """"Pashinyan, speaking at a cabinet meeting, said", "Mirzoyan, who met Ivers on
        Monday, said", "X, in an interview with Reuters, said": the subject before a
        parenthesis between commas (at most 12 words, no quote), standing at the start of its
        clause; not when the parenthesis is itself one name or title (an apposition, read by
        the subject rule). The mention or None."""
        masked = self.masked
        end = verb.start()
        aux = _AUX_AFTER_COMMA_RE.search(masked, max(sent_start, end - 40), end)
        if aux is not None and not open_end:
            # "The Philippines, a U.S. treaty ally, has reported": an auxiliary or an adverb
            # of time between the closing comma and the verb
            end = aux.start() + 1
        k = end
        while k > sent_start and masked[k - 1] in " \t":
            k -= 1
        if open_end and masked[k - 1:k] != ",":
            # (with ``open_end``: a participle's phrase whose closing comma is missing, "X,
            # speaking to the newspaper said")
            k += 1
        elif k <= sent_start or masked[k - 1] not in ",—–":
            return None
        c2 = k - 1
        # (between commas, or between dashes: "Ivers — who met Mirzoyan — said")
        c1 = masked.rfind(masked[c2] if masked[c2] in "—–" else ",",
                          max(sent_start, c2 - 120), c2)
        if c1 < 0 or "\0" in masked[c1:c2] or len(masked[c1 + 1:c2].split()) > 16:
            return None
        first = next((m for m in before if c1 < m.np_start < c2), None)
        if first is not None and not masked[c1 + 1:first.np_start].strip() and any(
                not masked[first.end:v.start()].strip() and not self._noun_verb(v)
                for v in self._verbs_in(first.end, c2)):
            # "... and the new Turkish Cypriot leader, Christodoulides said on Sunday,
            # describing": a clause with its own subject and speech verb, not a parenthesis
            return None
        inside = [m for m in before if c1 < m.start and m.end <= c2]
        if len(inside) == 1 and not masked[c1 + 1:inside[0].np_start].strip(" \t").casefold() \
                .replace("the", "").strip() and not masked[inside[0].end:c2].strip():
            return None  # an apposition: "Ani Badalian, the spokeswoman, said"
        for m in reversed(before):
            if m.end > c1:
                continue
            rest = masked[m.end:c1].strip()
            if re.fullmatch(r",\s*\d{1,3}|\([^()\n]{1,40}\)", rest):
                rest = ""  # "Tom Vale, 45, a resident of Baku, said": an age; "Hiir (Faraton)"
            if rest == ")":
                # "Yasin Hiir (Faraton), speaking ...": the bracketed name is the one before
                prev = [x for x in before if x.end <= m.start
                        and re.fullmatch(r"[ \t]*\([ \t]*", masked[x.end:m.start])]
                if not prev:
                    return None
                m, rest = prev[-1], ""
            if rest:
                return None
            lead = masked[sent_start:m.np_start].rstrip(" \t")
            if re.fullmatch(r"(?i)\s*the", lead):
                lead = ""
            # (after the quote: '"...," X, a senior leader of the party, said' -- the
            # quote's closing mark and comma end the lead)
            lead = lead.strip(" \t\n\0\"“„«‘”»’›")
            if lead == "" or lead.endswith(",") or re.search(
                    r"(?i)(?<![\w-])(?:and|but)$", lead):
                return m
            return None
        return None

    def _attribute_at(self, q: _Quote, unit: _Unit, pos: int, *, after_pos: int | None):
        """Attribute a quote whose opening mark is at ``pos`` in ``unit`` (rules 1-6)."""
        masked = self.masked
        sent_start = self._sent_start(unit, pos)
        sent_end = (self._sent_end(unit, after_pos)
                    if after_pos is not None else unit.end)
        # 1. "according to X"
        if self._according is None:  # where "according" is written (rarely): one scan
            self._according = [m.start() for m in _ACCORDING_WORD_RE.finditer(masked)]
        k = bisect_left(self._according, sent_start)
        first = self._according[k] if k < len(self._according) else len(masked)
        for m in self._mentions_in(sent_start, sent_end):
            if first + 9 <= m.start and _ACCORDING_RE.search(masked[sent_start:m.start]):
                if m.start > pos and after_pos is not None and _VERB_RE.search(
                        masked, after_pos, m.start):
                    break  # '"...," X said, according to Reuters': Reuters is the source
                if m.end < pos and _VERB_RE.search(masked, m.end, pos):
                    break  # "According to X, ..., while Y said '...'": Y's verb is nearer
                actor, phrase, is_ref = self._who(m, unit.index, pos)
                if actor is not None:
                    return actor, f'"according to" + {phrase}', _CONF["according"], sent_start
        # 2. "X's position that ..."
        before_m = self._mentions_in(sent_start, pos)
        if before_m and before_m[-1].actor is not None and \
                _POSSESSIVE_NOUN_RE.match(masked[before_m[-1].end:pos]):
            m = before_m[-1]
            noun = re.sub(r"^(?:'s|’s|'|’)\s*", "", masked[m.end:pos]).strip(" ,:")
            return m.actor, f'alias "{m.surface}" + "{noun}"', _CONF["possessive"], sent_start
        # 2b. "the statement of X that ... '...'", "X's remarks that '...'"
        found = self._statement_of(sent_start, pos, unit)
        if found is not None:
            return found[0], found[1], _CONF["possessive"], sent_start
        # 2c. "X: '...'", "Speaking to reporters, X was blunt: '...'" (no verb in the clause)
        found = self._colon_clause(unit, pos, sent_start)
        if found is not None:
            return found[0], found[1], _CONF["after"], sent_start
        # 3. a speech verb before the quote
        verbs = [v for v in self._verbs_in(sent_start, pos) if not self._noun_verb(v)]
        verbs = [v for v in verbs if not _gerund(masked, v)]
        while len(verbs) > 1 and _MODAL_BEFORE_RE.search(
                masked, max(sent_start, verbs[-1].start() - 30), verbs[-1].start()):
            # "Modi said the world should condemn ... a 'neighbouring' country", "X urged Y to
            # condemn": a verb after a modal or "to" is said, not done; the earlier verb reports
            verbs.pop()
        if verbs:
            verb = verbs[-1]
            if len(verbs) > 1 and verb.group().casefold() in _WEAK_VERBS:
                # "X said, noting that Kurti should write '...'": the weak verb of a clause
                # reported by an earlier speech verb is not the speaker's
                for v in reversed(verbs[:-1][-3:]):
                    if _THAT_RE.search(masked, v.end(), verb.start()):
                        verb, verbs = v, verbs[:verbs.index(v) + 1]
                        break
            if len(verbs) > 1 and self._agentless_passive(verb, sent_start) and not (
                    after_pos is not None and re.match(r"[ \t]*,?[ \t]*by[ \t]",
                                                       masked[after_pos:sent_end])):
                # "Haftar claimed that ... could only be assured by the '...'", "The
                # declaration stated that ECOWAS, which was accused of '...'": a passive in a
                # clause that an earlier speech verb reports is said by that verb's subject
                for v in reversed(verbs[:-1][-3:]):
                    if _THAT_RE.search(masked, v.end(), verb.start()) and \
                            not self._agentless_passive(v, sent_start):
                        verb, verbs = v, verbs[:verbs.index(v) + 1]
                        break
            if _is_impersonal(verb):
                found = self._issuer(verb, unit, sent_start, sent_end, pos)
                if found is not None:
                    return found[0], found[1], _CONF["reference"], sent_start
            qa = self._quoted_as_saying(verb, sent_start, unit)
            if qa is not None:
                return qa[0], qa[1], _CONF["subject"], sent_start
            actor, evidence, rule = self._subject(verb, sent_start, unit)
            if actor is not None:
                return actor, evidence, _CONF[rule], sent_start
            if rule == "unknown" and evidence.startswith("passive") and after_pos is not None:
                # 'Mirzoyan's claims were called "baseless" by Bayramov': the agent after it
                by = re.match(r"[ \t]*,?[ \t]*by[ \t]+(?:the[ \t]+)?", masked[after_pos:sent_end])
                ms = self._mentions_in(after_pos, sent_end)
                if by and ms and ms[0].np_start <= after_pos + by.end():
                    a2, phrase, _ = self._who(ms[0], unit.index, pos)
                    if a2 is not None:
                        return (a2, f'verb "{verb.group()} ... by" + {phrase} after the quote',
                                _CONF["agent"], sent_start)
            if rule == "unknown":
                return None, evidence, _CONF["none"], sent_start
            if rule == "reference" or evidence:
                unresolved = evidence
            else:
                unresolved = None
            # a participle after a comma ("Tatar echoed the statement, saying that ..."): the
            # subject of the sentence
            if verb.group().casefold().endswith("ing") and (re.search(
                    r",[”\"’»]?\s*(?:[\w-]+\s+)?$", self.text[sent_start:verb.start()])
                    or rule is None):
                # the subject of the verb before it, else of the sentence
                found = None
                prior = verbs[:-1][-3:]
                for n, v in reversed(list(enumerate(prior))):
                    if any(_THAT_RE.search(masked, u.end(), v.start()) for u in prior[:n]):
                        continue  # "X said that the RSF claimed ..., stressing": X stresses
                    a3, ev3, r3 = self._subject(v, sent_start, unit)
                    if a3 is None:
                        a3, ev3 = self._inverted_subject(v, verb.start(), unit) or (None, None)
                    if a3 is not None:
                        found = (a3, ev3)
                        break
                if found is None:
                    found = self._clause_subject(sent_start, verb.start(), unit)
                if found is not None:
                    return (found[0], f'{found[1]} (main clause) + participle "{verb.group()}"',
                            _CONF["main_clause"], sent_start)
            # subject carried over from an earlier quote of the same sentence ("but rejected")
            uq, us = self._unit_quotes.get(unit.index, []), \
                self._unit_quote_starts.get(unit.index, [])
            earlier = [o for o in uq[bisect_left(us, sent_start):bisect_left(us, pos)]
                       if o is not q and o.actor is not None]
            if earlier:
                self._picked, self._picked_person = None, None
                self._picked_quote = earlier[-1]
                return (earlier[-1].actor,
                        f'verb "{verb.group()}" without its own subject; subject of the '
                        f'previous quote in the sentence ({earlier[-1].actor})',
                        _CONF["carried"], sent_start)
            # "X congratulated Y and Z, and emphasized ...": a verb after "and" whose subject
            # is not right before it is the sentence's subject's
            if re.search(r"(?i)(?<![\w-])(?:and|but)\s+(?:(?:also|then|later|again|further)"
                         r"\s+)?$", masked[max(sent_start, verb.start() - 20):verb.start()]):
                found = self._clause_subject(sent_start, verb.start(), unit)
                if found is not None:
                    return (found[0], f'{found[1]} + verb "{verb.group()}" after "and"',
                            _CONF["subject"], sent_start)
            # main clause of the sentence ("Invitation rejected by X, insisting on ..."): the
            # three verbs before (a bound that keeps an endless sentence linear)
            for v in reversed(verbs[:-1][-3:]):
                if re.search(r"(?i)(?<![\w-])as[ \t]+$", masked[max(sent_start, v.start() - 4):
                                                              v.start()]):
                    continue  # "as reported by the KCNA news agency": who reports, not who says
                actor, evidence, rule = self._subject(v, sent_start, unit)
                if actor is not None:
                    return (actor, f'{evidence} (main clause) + verb "{verb.group()}"',
                            _CONF["main_clause"], sent_start)
                if rule == "unknown":
                    return None, evidence, _CONF["none"], sent_start
            if unresolved:
                return None, unresolved, _CONF["none"], sent_start
            return (None, f'verb "{verb.group()}" but no actor of the registry as its subject',
                    _CONF["none"], sent_start)
        # 4. a speech verb after the quote: '"...", Baku said' / '"...", said Baku'
        if after_pos is not None:
            tail = masked[after_pos:sent_end]
            v = _VERB_RE.search(tail)
            if v and v.group().casefold() in _NOUN_S and not re.search(
                    r"[,;:.!?…—–-]", self.text[max(q.start, q.end - 1):q.end]
                    + tail[:v.start()]):
                v = None  # 'such "condemning" comments by ...': a noun after a quoted word
            if v and _DET_BEFORE_RE.search(tail[:v.start()]):
                v = None
            rel = _RELATIVE_RE.search(tail, 0, v.start()) if v else None
            if rel and not re.search(r",[ \t]*$", tail[rel.end():v.start()]):
                # '"bluffs" by the government, which has been hinting': not its verb (but
                # '"...," Mirzoyan, who met Ivers on Monday, told reporters' is)
                v = None
            final = None
            near = v is not None and (len(tail[:v.start()].split()) <= 10 or (
                len(_WORD_RE.findall(self.text, q.start, q.end)) >= 4
                and self._appositive(after_pos, after_pos + v.start())))
            # (a long apposition after a quoted sentence, not after a quoted word: in
            # '... seeking "independence," Zhu, spokesperson for ..., told' the word is a
            # term of Zhu's reported speech)
            if v and (not near or "\0" in tail[:v.start()]):
                # '... "fishing vessels" shadowed a warship near the reef, the Coast Guard
                # reported.': the sentence ends with its attribution (", X said" and at most
                # a phrase of time, place or medium); every quote before it is X's
                final = self._final_attribution(
                    after_pos, v, sent_end, opens=not masked[sent_start:q.open_at].strip(
                        " \t\n\0\"“„«‘'"))
                if final is None:
                    v = None
            if v and final is not None:
                actor, phrase, is_ref = self._who(final, unit.index, pos)
                if actor is not None:
                    return (actor, f'{phrase} + verb "{v.group()}" ending the sentence after the '
                            'quote', _CONF["reference" if is_ref else "after"], sent_start)
                return (None, f'verb "{v.group()}" ending the sentence but no actor of the '
                        'registry as its subject', _CONF["none"], sent_start)
            if v and near and "\0" not in tail[:v.start()]:
                va, vb = after_pos + v.start(), after_pos + v.end()
                if _is_impersonal(v):
                    found = self._issuer(_Span(va, vb, v.group()), unit, sent_start, sent_end,
                                         pos)
                    if found is not None:
                        return found[0], found[1], _CONF["reference"], sent_start
                inner = self._mentions_in(after_pos, va)
                k = 0
                while k < len(inner) - 1 and (
                        re.match(r"(?:'s|’s|'|’)(?!\w)", masked[inner[k].end:inner[k].end + 3])
                        or re.search(r"['’]s$", inner[k].surface) or (k > 0 and re.search(
                            r"(?i)[ \t](?:to|of|in|for|at)[ \t]+(?:the[ \t]+)?$",
                            masked[after_pos:inner[k].np_start]))):
                    # "..., Narnia's ambassador to Baku, Tom Vale, said": a possessive (and
                    # then the object of a preposition) only modify the subject's head
                    k += 1
                inner = inner[k:]
                # the subject is the first noun phrase after the quote ("..., Ani Badalian,
                # the spokeswoman, told"; "..., the foreign ministry of the republic said")
                cands = inner[:1] if inner and not _LOCATION_PREP_RE.search(
                    masked[after_pos:inner[0].start]) else []
                if len(inner) > 1 and self._personish(inner[0]) and self._personish(
                        inner[1]) and re.fullmatch(r"[ \t]+and[ \t]+",
                                                   masked[inner[0].end:inner[1].np_start]):
                    return (None, f'verb "{v.group()}" after the quote has two subjects '
                            f'("{inner[0].surface} and {inner[1].surface}")', _CONF["none"],
                            sent_start)
                if cands and cands[0].end <= va:
                    found = self._anonymous(cands[0], masked[cands[0].end:va], v)
                    if found is not None:
                        return (found[0], found[1] + " after the quote", _CONF["after"]
                                if found[0] is not None else _CONF["none"], sent_start)
                head_quoted = re.compile("[ \t]+[" + re.escape("\"'‘“«„") + "]\0")
                if cands and cands[0].kind == "ref" and len(inner) > 1 and re.fullmatch(
                        r"(?i)[ \t]+(?:from|of|by|issued[ \t]+by)[ \t]+(?:the[ \t]+)?",
                        masked[cands[0].end:inner[1].np_start]):
                    cands = [inner[1]]  # "the statement from the ministry read": its author
                if cands and cands[0].kind == "title" and len(inner) > 1 and inner[1].kind in (
                        "person", "alias") and re.fullmatch(
                        r"\s*,\s*", masked[inner[0].end:inner[1].start]):
                    cands = [inner[1]]  # "the spokesperson, Anna Ivers, said"
                elif cands and cands[0].kind == "title" and len(inner) >= 2:
                    # "the head of Hezbollah's media office, Mohammad Afif, said": the name
                    # in apposition to the whole title, closed by the comma before the verb
                    last = inner[-1]
                    between = masked[cands[0].end:last.np_start]
                    if last.kind in ("person", "alias") and self._personish(last) and \
                            re.fullmatch(r"[ \t]*,[ \t]*", masked[last.end:va]) and \
                            re.search(r",[ \t]*$", between) and between.count(",") == 1 \
                            and "\0" not in between and not self._verbs_in(cands[0].end,
                                                                             last.np_start):
                        cands = [last]
                qa = self._quoted_as_saying(_Span(va, vb, v.group()), after_pos, unit)
                if qa is not None:
                    return qa[0], qa[1] + " after the quote", _CONF["after"], sent_start
                if not re.fullmatch(r"(?i)told|tells|telling|tell|asked|asks|urged|urges|"
                                    r"warned|warns|reminded|reminds|assured|assures",
                                    v.group()):
                    # ("..., a source told Reuters": Reuters is who was told, not the speaker)
                    cands += [m for m in self._mentions_in(vb, min(vb + 200, sent_end))
                              if re.fullmatch(r"[ \t]+(?:է[ \t]+)?(?:by[ \t]+)?(?:the[ \t]+)?",
                                              masked[vb:m.np_start], flags=re.I)
                              or (re.fullmatch(r"(?i)[ \t]+an?[ \t]+", masked[vb:m.np_start])
                                  and _DOCUMENT_AFTER_RE.match(masked, m.end))
                              or _DOCUMENT_OF_RE.fullmatch(masked, vb, m.np_start)]
                if cands and cands[0].end <= va and cands[0].surface.casefold() == "it" and \
                        _PASSIVE_RE.search(masked[_passive_from(masked, after_pos, va):va]):
                    # '"...," it was said' / 'it was said by X': impersonal, the speaker is
                    # the agent if any
                    cands = [m for m in cands if m.start > va]
                    if not cands:
                        return (None, f'passive verb "{v.group()}" without "by" after the '
                                'quote: the speaker is not named', _CONF["none"], sent_start)
                if len(cands) > 1 and cands[0].end <= va and re.search(
                        r"\w[ \t]*,[ \t]*$", masked[cands[0].end:va]):
                    # "Pakistan is 'needlessly internationalising' Kashmir issue, says India":
                    # words before ", says" belong to the quote's clause; the speaker follows
                    cands = [m for m in cands if m.start > va] + [m for m in cands
                                                                 if m.start < va]
                for m in cands:
                    if head_quoted.match(masked, m.end):
                        # "..., criticized the Kosovar 'premier'": the noun is the quoted
                        # word, the name only its modifier
                        return (None, f'verb "{v.group()}" after the quote; its subject is a '
                                f'quoted noun ("{m.surface} ..."), not a name', _CONF["none"],
                                sent_start)
                    actor, phrase, is_ref = self._who(m, unit.index, pos)
                    if actor is not None:
                        return (actor, f'{phrase} + verb "{v.group()}" after the quote',
                                _CONF["reference" if is_ref else "after"], sent_start)
                return (None, f'verb "{v.group()}" after the quote but no actor of the registry '
                        'as its subject', _CONF["none"], sent_start)
        found = self._verbless(q, unit, pos, sent_start, sent_end, after_pos)
        if found is not None:
            return found[0], found[1], _CONF["after"], sent_start
        return None, "", _CONF["none"], sent_start

    def _final_attribution(self, after_pos: int, v, sent_end: int, opens: bool = False):
        """The subject of a speech verb ``v`` (a match in ``masked[after_pos:]``) that ends
        the sentence: ', the Philippine Coast Guard reported.', ', Foreign Minister X
        indicated in comments on Friday.' -- a comma, one mention (and at most two adverbs),
        the verb, then at most a phrase of time, place or medium and the sentence's end, no
        quote after it. The mention or None."""
        masked = self.masked
        va, vb = after_pos + v.start(), after_pos + v.end()
        if v.group().casefold().endswith("ing"):
            return None
        tail_end = vb
        told = re.fullmatch(r"(?i)told|tells|tell", v.group())
        if told and not _VERBLESS_TAIL_RE.fullmatch(masked, vb, sent_end):
            # ", Muyaya tells Anadolu": who is told (one name) before the end
            ms = self._mentions_in(vb, sent_end)
            if ms and re.fullmatch(r"[ \t]+(?:the[ \t]+)?", masked[vb:ms[0].np_start]):
                tail_end = ms[0].end
        if re.search(r",[”’\"»›]?[ \t]*$", self.text[after_pos:va]) and not told:
            # (the comma may close the last quote: "a 'joke' and a 'lie,' says X"; a quote
            # opening the sentence is its subject, a name: "'Taiwan independence' a 'dead
            # end', says X")
            if opens:
                return None
            # ', says Congolese government spokesperson Patrick Muyaya': the subject after
            # its verb ends the sentence (the inverted order)
            ms = self._mentions_in(vb, sent_end)
            if ms and re.fullmatch(r"[ \t]+(?:the[ \t]+)?", masked[vb:ms[0].np_start]) and \
                    _VERBLESS_TAIL_RE.fullmatch(masked, ms[0].end, sent_end) and (
                        self._personish(ms[0]) or ms[0].kind in ("title", "alias", "body")):
                return ms[0]
            return None
        if not _VERBLESS_TAIL_RE.fullmatch(masked, tail_end, sent_end):
            return None
        ms = self._mentions_in(after_pos, va)
        if not ms:
            return None
        m = ms[-1]
        if not re.fullmatch(r"[ \t]+(?:[a-z]+ly[ \t]+|also[ \t]+|has[ \t]+|have[ \t]+){0,2}",
                            masked[m.end:va]):
            return None
        lead = masked[after_pos:m.np_start]
        if not re.search(r",[ \t]*(?:the[ \t]+)?$", lead, flags=re.I):
            return None
        return m

    def _verbless(self, q: _Quote, unit: _Unit, pos: int, sent_start: int, sent_end: int,
                  after_pos):
        """A speaker named without a speech verb after the quote: '"...," the ministry in a
        statement.', '"...," Mirzoyan on Tuesday.' (the noun phrase is all that follows the
        quote, with at most a phrase of place, time or medium). (actor, evidence) or None."""
        masked = self.masked
        if after_pos is not None:
            tail = masked[after_pos:sent_end]
            lead = re.match(r"[ \t]*[,—–-]?[ \t]*", tail)
            comma = (lead.group().strip() != "" or re.search(
                r"[,—–-]\s*$", self.text[q.start:q.end]) is not None)
            ms = self._mentions_in(after_pos, sent_end)
            if comma and ms and masked[after_pos + lead.end():ms[0].np_start].strip(
                    ).casefold() in ("", "the") and _VERBLESS_TAIL_RE.fullmatch(
                        masked, ms[0].end, sent_end):
                m = ms[0]
                if m.kind != "ref" or m.surface.casefold() not in ("it", "they"):
                    actor, phrase, _ = self._who(m, unit.index, pos)
                    if actor is not None:
                        return actor, f"{phrase} after the quote, without a verb"
        return None

    def _colon_clause(self, unit: _Unit, pos: int, sent_start: int):
        """'Mirzoyan: "..."', 'The ministry in a statement: "..."', 'Speaking to reporters,
        Mirzoyan was blunt: "..."': the clause a colon ends right before the quote starts with
        the speaker and holds no speech verb. (actor, evidence) or None."""
        masked = self.masked
        colon = re.search(r":[ \t]*$", masked[sent_start:pos])
        if colon is None:
            return None
        c_at = sent_start + colon.start()
        clause_start = max(sent_start, masked.rfind(",", sent_start, c_at) + 1)
        ms = self._mentions_in(clause_start, c_at)
        if not ms or masked[clause_start:ms[0].np_start].strip(" \t\n\0").casefold() not in (
                "", "the"):
            return None
        m = ms[0]
        rest = masked[m.end:c_at]
        if re.match(r"(?:'s|’s|'|’)(?:\s|$)", rest) or len(rest.split()) > 8 or \
                _VERB_RE.search(rest) or "\0" in rest:
            return None
        if m.kind == "ref" and not m.surface.casefold().startswith(("he", "she")):
            return None
        actor, phrase, _ = self._who(m, unit.index, pos)
        if actor is None:
            return None
        return actor, f"{phrase} + colon before the quote, without a verb"

    def _issuer(self, verb, unit: _Unit, sent_start: int, sent_end: int, pos: int):
        """The speaker of a quote introduced by an impersonal form ("говорится в заявлении МИД
        РФ", "ասվում է ՌԴ ԱԳՆ հայտարարության մեջ", "В нем говорится"): an actor named in the
        sentence (after the verb first), else the last actor named before the sentence in
        this or the two paragraphs before it, or the speaker of the last attributed quote,
        whichever comes later. (actor, evidence) or None."""
        word = verb.group()
        for m in (self._mentions_in(verb.end(), sent_end)
                  + self._mentions_in(sent_start, verb.start())[::-1]):
            if m.kind in ("pronoun", "ref") or (m.actor is None and m.kind != "body"):
                continue
            actor, phrase, _ = self._who(m, unit.index, pos)
            if actor is not None:
                return actor, f'impersonal "{word}" (it is said) + {phrase} in the sentence'
        lo = self.units[max(unit.index - 2, 0)].start
        best = None
        for m in reversed(self._mentions_in(max(lo, sent_start - 3000), sent_start)):
            if m.actor is not None or m.kind == "body":
                best = (m.start, m)
                break
        o = None  # the last attributed quote before pos, in this or the two paragraphs before
        for u in range(unit.index, max(unit.index - 2, 0) - 1, -1):
            starts = self._attributed_starts.get(u)
            if starts:
                k = bisect_left(starts, pos) - 1
                if k >= 0:
                    o = self._attributed[u][k]
                    break
        if o is not None and (best is None or o.start > best[0]):
            self._picked, self._picked_quote = None, o
            return o.actor, (f'impersonal "{word}" (it is said): the statement quoted before '
                             f'({o.actor})')
        if best is not None:
            actor, phrase, _ = self._who(best[1], unit.index, pos)
            if actor is not None:
                return actor, (f'impersonal "{word}" (it is said) + {phrase}, the issuer named '
                               'before')
        return None

    def _backward_continuations(self) -> None:
        """A quoted paragraph left open (the multi-paragraph convention) whose speaker is named
        only at the end of the paragraph that continues it: the continuation's speaker."""
        for q in reversed(self.quotes):
            if q.actor is not None or q.close_at is not None or q.unit + 1 >= len(self.units):
                continue
            if q.evidence.startswith(("verb", "passive", "quoted term", "pronoun", "reference")):
                continue
            nxt = self._unit_quotes.get(q.unit + 1, [])
            if not nxt:
                continue
            n = nxt[0]
            u = self.units[q.unit + 1]
            if n.actor is None or self.masked[u.start:n.open_at].strip(" \t\n\0"):
                continue
            q.actor, q.confidence = n.actor, _CONF["continuation"]
            q.evidence = f"continued by the next paragraph's quote ({n.actor}, {n.evidence})"
            q.speaker, q.speaker_start, q.speaker_end = n.speaker, n.speaker_start, n.speaker_end
            q.speaker_kind, q.speaker_titles, q.date = n.speaker_kind, n.speaker_titles, n.date

    def _repeated_terms(self) -> None:
        """A quote of one to three words that repeats the words of a quoted term of the
        article (so-called, a quoted modifier or name, a title in capitals: not a nested
        quote, which may be the speaker's own quotation) is that term again: the outlet's
        scare quotes are its habit, not one speaker's words ('the "Taiwan independence"
        forces' ... 'separatist activities aimed at "Taiwan independence."')."""
        terms = {}
        for q in self.quotes:
            if q.actor is None and q.evidence.endswith(", not speech"):
                words = tuple(_WORD_RE.findall(normalize(self.text[q.start:q.end])))
                if 0 < len(words) <= 3:
                    terms.setdefault(words, q)
        if not terms:
            return
        for q in self.quotes:
            if q.actor is None or q.parent is not None:
                continue
            words = tuple(_WORD_RE.findall(normalize(self.text[q.start:q.end])))
            t = terms.get(words)
            if t is None:
                continue
            q.actor, q.confidence, q.date = None, _CONF["none"], None
            q.speaker = q.speaker_start = q.speaker_end = None
            q.speaker_kind = q.speaker_titles = None
            q.evidence = (f'the words of a quoted term of the article ({t.evidence[:-12]}), '
                          'not speech')

    def _headline_repeats(self) -> None:
        """A quote in the headline or a subheading that nobody speaks there repeats words of a
        quote of the article: its speaker is that quote's (three quarters of its words, at
        least three, in one attributed quote; a quote of one or two words in lower case: the
        same words quoted in the article, by one speaker only)."""
        spoken = [q for q in self.quotes if q.actor is not None]
        index = None  # word -> positions in `spoken` (built at the first headline quote)
        for q in self.quotes:
            if q.actor is not None or self.units[q.unit].role not in ("headline", "subheading"):
                continue
            if q.evidence.startswith(("quoted term", "passive")):
                continue
            words = set(_WORD_RE.findall(normalize(self.text[q.start:q.end])))
            if not words:
                continue
            if index is None:
                spoken_words = [set(_WORD_RE.findall(normalize(self.text[o.start:o.end])))
                                for o in spoken]
                index = {}
                for k, ow in enumerate(spoken_words):
                    for w in ow:
                        index.setdefault(w, []).append(k)
            # A share >= 0.75 needs `need` shared words, so (pigeonhole) one of any
            # len(words) - need + 1 of q's words: only quotes with one of the rarest are
            # compared (same answer as comparing every spoken quote, in less time).
            n = len(words)
            if n < 3:
                # "Ankara 'determined' to pursue ...": one or two words in lower case (not a
                # name: 'No Room for "Taiwan Independence" Activities'), the very words of
                # quotes of the article, all of one speaker
                if not self.text[q.start:q.end].islower():
                    continue
                same = {spoken[k].actor: spoken[k] for k in sorted(set.intersection(
                    *(set(index.get(w, ())) for w in words))) if spoken_words[k] == words
                    and spoken[k].unit != q.unit}
                if len(same) == 1:
                    o = next(iter(same.values()))
                    q.actor, q.confidence, q.date = o.actor, _CONF["continuation"], o.date
                    q.evidence = (f"the words of a quote of {o.actor} in the article "
                                  f"({o.evidence})")
                    q.speaker, q.speaker_start, q.speaker_end = o.speaker, o.speaker_start, \
                        o.speaker_end
                    q.speaker_kind, q.speaker_titles = o.speaker_kind, o.speaker_titles
                continue
            need = next(c for c in range(n + 1) if c / n >= 0.75)
            rare = sorted(words, key=lambda w: len(index.get(w, ())))[:n - need + 1]
            candidates = sorted({k for w in rare for k in index.get(w, ())})
            best = None
            for k in candidates:
                o = spoken[k]
                if o.unit == q.unit:
                    continue
                share = len(words & spoken_words[k]) / n
                if share >= 0.75 and (best is None or share > best[0]):
                    best = (share, o)
            if best is not None:
                o = best[1]
                q.actor, q.confidence, q.date = o.actor, _CONF["continuation"], o.date
                q.evidence = (f"repeats {round(100 * best[0])}% of the words of a quote of "
                              f"{o.actor} in the article ({o.evidence})")
                q.speaker, q.speaker_start, q.speaker_end = o.speaker, o.speaker_start, \
                    o.speaker_end
                q.speaker_kind, q.speaker_titles = o.speaker_kind, o.speaker_titles

    def _reported_before(self, q: _Quote):
        """A quoted paragraph with no attribution of its own after a paragraph whose last
        sentence reports somebody's statement ("This was stated by the Foreign Ministry.",
        "Об этом заявил Иван Нечаев.", "Այս մասին հայտարարություն է տարածել Հայաստանի
        ԱԳՆ-ն"): the subject of that sentence. (actor, evidence) or None."""
        prev = self.units[q.unit - 1]
        # (a first line that ends as a sentence does is a sentence: an excerpt starting with
        # "Արարատ Միրզոյանը գրում է." ; a quote of that paragraph nobody speaks -- the name
        # of a channel -- does not make it a quote's paragraph)
        if prev.role not in ("narration", "subheading") and not (
                prev.role == "headline" and re.search(r"[.։:]\s*$", self.masked[
                    prev.start:prev.end])):
            return None
        if any(o.actor is not None or len(self.text[o.start:o.end].split()) > 3
               for o in self._unit_quotes.get(prev.index, [])):
            return None
        nxt = self._unit_quotes.get(q.unit + 1, [])
        if q.close_at is None and nxt and not self.masked[
                self.units[q.unit + 1].start:nxt[0].open_at].strip(" \t\n\0") and \
                _MARK_ALL_RE.match(self.text, nxt[0].open_at):
            return None  # continued in the next paragraph: its speaker (_backward_continuations)
            # (not a paragraph that only closes the quote, _closed_run_on: it takes q's speaker)
        start = self._sent_start(prev, prev.end - 1)
        verbs = [v for v in _VERB_RE.finditer(self.masked, start, prev.end)
                 if not _DET_BEFORE_RE.search(self.masked[max(0, v.start() - 15):v.start()])]
        if not verbs:
            # "Այս մասին հայտարարություն է տարածել Հայաստանի ԱԳՆ-ն" (this was in a statement
            # the ministry issued): "this was said" with the one registered actor
            this = _THIS_OTHER_RE.search(self.masked, start, prev.end)
            ms = [m for m in self._mentions_in(start, prev.end) if m.actor is not None]
            if this is None or len(ms) != 1:
                return None
            return ms[0].actor, (f'follows a paragraph ending with "{this.group()} ..." (this '
                                 f'was said) + alias "{ms[0].surface}"')
        v = verbs[-1]
        if len(verbs) > 1 and re.search(r",[ \t]*$", self.masked[start:v.start()]) and \
                v.group().casefold() in _SOURCING_VERBS:
            v = verbs[-2]  # "..., заявил Игорь Конашенков, сообщает ТАСС": TASS carries it
        found = self._subject(v, start, prev)
        if found[0] is None:
            found = self._inverted_subject(v, prev.end, prev) or (None, None)
        if found[0] is None:
            ms = [m for m in self._mentions_in(start, prev.end) if m.actor is not None]
            if len(ms) == 1:
                found = (ms[0].actor, f'alias "{ms[0].surface}" (the one registered actor of the '
                                      'sentence)')
        if found[0] is None:
            return None
        verb = "" if f'verb "{v.group()}"' in found[1] else f' + verb "{v.group()}"'
        return found[0], f"follows a paragraph ending with a reported statement: {found[1]}{verb}"

    def _next_sentence(self, q: _Quote, unit: _Unit):
        """'... the position that "and it should get something." This was announced ... by
        Albin Kurti.': the agent of "This was said by X" in the next sentence."""
        if q.close_at is None:
            return None
        nxt = self._sent_end(unit, q.close_at + 1)
        if nxt >= unit.end:
            # the quote ends its paragraph: the first sentence of the next one
            if unit.index + 1 >= len(self.units) or self.units[unit.index + 1].role not in (
                    "narration",) or self.masked[q.close_at + 1:unit.end].strip(" .,;։"):
                return None
            unit = self.units[unit.index + 1]
            nxt = unit.start
        end = self._sent_end(unit, nxt + 1)
        m = _THIS_WAS_RE.match(self.masked, nxt, end)
        made = _MADE_STATEMENTS_RE.search(self.masked, nxt, end) if m is None else None
        if made is not None:
            # '"...," given that "...". Deputy Prime Minister X made the statements at a TV
            # show.': the subject of "made the statements"
            ms = [x for x in self._mentions_in(nxt, made.start())
                  if re.fullmatch(r"(?i)\s+(?:also\s+|later\s+|had\s+|has\s+)?",
                                  self.masked[x.end:made.start()])]
            if ms:
                actor, phrase, _ = self._who(ms[-1], unit.index, nxt)
                if actor is not None:
                    return actor, f'next sentence: {phrase} + "{made.group()}"'
            return None
        if m is None:
            m = _THIS_OTHER_RE.search(self.masked, nxt, end)
            if m is None:
                return None
            # "Marja xəbər verir ki, bunu ... İlham Əliyev ... bildirib": the registered actor
            # of the sentence, when it has a speech verb
            if not _VERB_RE.search(self.masked, nxt, end):
                return None
            ms = [x for x in self._mentions_in(nxt, end) if x.actor is not None]
            if not ms:
                return None
            return ms[-1].actor, (f'next sentence "{m.group().strip()} ..." (this was said) + '
                                  f'alias "{ms[-1].surface}"')
        by = re.compile(r"(?i)(?<![\w-])by\s+(?:the\s+)?").search(self.masked, m.end(), end)
        if by is None:
            return None
        for mention in self._mentions_in(by.end(), end):
            if mention.np_start <= by.end() + 1 or self.masked[by.end():mention.np_start].strip(
                    ) == "":
                actor, phrase, _ = self._who(mention, unit.index, nxt)
                if actor is not None:
                    return actor, f'next sentence "{m.group().strip()} ... by" + {phrase}'
            break
        return None

    def _quoted_as_saying(self, verb, sent_start: int, unit: _Unit):
        """"the press service quoted Ignatyev as saying", "Ignatiev was quoted as saying by
        the TV channel": (actor, evidence) of the person quoted, or None."""
        if verb.group().casefold() != "saying":
            return None
        before = self.masked[sent_start:verb.start()]
        if not re.search(r"(?i)\bas\s+$", before):
            return None
        ms = self._mentions_in(sent_start, verb.start())
        for m in reversed(ms):
            gap = self.masked[m.end:verb.start()]
            # (", was quoted": the name closes an apposition, "Ethiopia's minister, X, was
            # quoted by ... as saying")
            if re.fullmatch(r"(?i),?\s+(?:(?:was|were|is|are|has\s+been|had\s+been)\s+)?"
                            r"quoted\s+(?:by\s+[^\0]{1,60}?\s+)?as\s+", gap) or (
                    re.fullmatch(r"(?i)\s+as\s+", gap) and re.search(
                        r"(?i)\bquoted\s+$", self.masked[sent_start:m.np_start])
                    and not re.search(r"(?i)\b(?:was|were|is|are|been)\s+quoted\s+$",
                                      self.masked[sent_start:m.np_start])):
                actor, phrase, is_ref = self._who(m, unit.index, verb.start())
                if actor is not None:
                    return actor, f'{phrase} "quoted as saying"'
        return None

    def _inverted_subject(self, verb, limit: int, unit: _Unit):
        """"..., said Kurti, adding": the name right after the verb, before ``limit``."""
        regional = re.search(r"[А-Яа-яЁёԱ-Ֆա-ֆ]", verb.group()) is not None
        for m in self._mentions_in(verb.end(), limit):
            gap = self.masked[verb.end():m.np_start]
            if re.fullmatch(r"[ \t]+(?:the[ \t]+)?", gap) or (
                    regional and self._personish(m) and len(gap.split()) <= 7
                    and not re.search(r"[,.;:!?\0\n]", gap) and not _GAP_STOP_RE.search(gap)):
                # ("заявил официальный представитель Минобороны генерал-майор Игорь
                # Конашенков": the titles the regional tables do not hold, before the name)
                actor, phrase, _ = self._who(m, unit.index, verb.start())
                if actor is not None:
                    return actor, f'{phrase} after verb "{verb.group()}"'
            break
        return None

    def _clause_subject(self, sent_start: int, end: int, unit: _Unit):
        """The subject of the sentence starting at ``sent_start``: its first mention when that
        stands as a subject (actor, evidence) -- or None."""
        for m in self._mentions_in(sent_start, end):
            if m.kind == "ref" and m.surface.casefold().startswith(("the ", "this ", "that ")) \
                    and not re.match(r"(?i)(?:they|he|she)$", m.surface):
                pass
            if self._subject_like(m) and not _LOCATION_PREP_RE.search(
                    self.masked[sent_start:m.np_start]):
                actor, phrase, is_ref = self._who(m, unit.index, m.start)
                if actor is not None:
                    return actor, f"{phrase} (subject of the sentence)"
            return None
        return None

    def _statement_end(self, m: _Mention, sent_start: int):
        """Where the statement of mention ``m`` ends ("X's statement", "the statement of X"),
        or None. Remembered per mention and slice start (neighbouring quotes ask again)."""
        memo = getattr(self, "_statement_memo", None)
        if memo is None:
            memo = self._statement_memo = {}
        lo = max(sent_start, m.np_start - 40)
        key = (id(m), lo)
        if key not in memo:
            b = None
            poss = _POSS_STATEMENT_RE.match(self.masked, m.end)
            if poss:
                b = poss.end()
            elif _STATEMENT_BY_RE.search(self.masked[lo:m.np_start]):
                b = m.end
            memo[key] = b
        return memo[key]

    def _statement_of(self, sent_start: int, pos: int, unit: _Unit):
        """"commented on the statement of Foreign Minister Ararat Mirzoyan that ... '...'",
        "the minister's statement that he did not wish to spend '...'", "the remarks made by
        the minister ... that the '...'": the quote inside the content of someone's statement
        is that someone's. Not when a participle or a new speech verb comes between ("...,
        calling it '...'")."""
        masked = self.masked
        for m in reversed(self._mentions_in(sent_start, pos)):
            b = self._statement_end(m, sent_start)
            if b is None:
                continue
            that = re.compile(r"(?i)(?<![\w-])that(?![\w-])").search(masked, b, min(pos, b + 250))
            if that is None:
                continue
            if _VERB_RE.search(masked, b, that.start()):
                return None  # "echoed X's statement, saying that": the that-clause is the verb's
            between = masked[that.end():pos]
            if any(v.group().casefold().endswith("ing") or re.search(
                    r"\0[”\"’»]?\s*,?\s*(?:[\w-]+\s+){0,3}$", masked[that.end():v.start()])
                    for v in _VERB_RE.finditer(between)):
                return None
            actor, phrase, is_ref = self._who(m, unit.index, m.start)
            if actor is not None:
                return actor, f'{phrase} + "statement ... that" (the content of their statement)'
            return None
        return None

    def attribute(self) -> None:
        for q in self.quotes:
            self._attribute_one(q)
        self._backward_continuations()
        self._headline_repeats()
        for q in self.quotes:  # (after _headline_repeats: the article's own speaker first)
            unit = self.units[q.unit]
            if q.actor is None and unit.role in ("headline", "subheading") and \
                    q.evidence.startswith("no speech verb") and q.parent is None:
                found = self._headline_subject(q, unit)
                if found is not None:
                    q.actor, q.evidence, q.confidence = found[0], found[1], _CONF["main_clause"]
        self._repeated_terms()
        self._fill_dates()
        for q in self.quotes:
            for x in q.inner:
                x.actor, x.confidence = None, _CONF["none"]
                x.evidence = (f"quoted inside the quote of {q.actor or 'an unnamed speaker'}: "
                              "words the speaker quotes, not the speaker's own")

    def _headline_subject(self, q: _Quote, unit: _Unit):
        """A headline (or subheading) that opens with a registered actor and goes on with
        the quote, with no verb or at most a participle between ("M23 rebels 'not really
        concerned' by ...", "INTERVIEW - Congo expecting 'real ceasefire'"): that actor.
        (actor, evidence) or None."""
        head = self.masked[unit.start:q.open_at]
        tag = re.match(r"[ \t]*(?:[A-Z]{2,}(?:[ \t]+[A-Z]{2,})*[ \t]*[-–—:][ \t]*)?", head)
        ms = self._mentions_in(unit.start + tag.end(), q.open_at)
        if len(ms) != 1 or ms[0].actor is None or \
                min(ms[0].np_start, ms[0].start) != unit.start + tag.end() or \
                not re.fullmatch(r"[ \t]+(?:[a-z]+ing[ \t]+)?", self.masked[ms[0].end:q.open_at]):
            return None
        words = normalize(self.text[q.start:q.end])
        if any(o.unit != q.unit and normalize(self.text[o.start:o.end]) == words
               for o in self.quotes):
            return None  # (the article quotes these words: _headline_repeats decides)
        actor, phrase, _ = self._who(ms[0], unit.index, q.open_at)
        if actor is None:
            return None
        return actor, f"{phrase} opening the headline, right before the quote (no verb)"

    def _intends(self, q: _Quote, unit: _Unit, sent_start: int):
        """'The new prime minister also intends to "prepare the society for NATO."': a
        person's (or title's) stated intention -- intends, wants, hopes, plans, expects,
        seeks, aims, is ready/determined -- right before a quote of three words or more
        is that person's words. (actor, evidence) or None."""
        if len(self.text[q.start:q.end].split()) < 3:
            return None
        lead = self.masked[sent_start:q.open_at]
        m = _INTENDS_RE.search(lead)
        if m is None:
            return None
        ms = self._mentions_in(sent_start, sent_start + m.start())
        if not ms or self.masked[ms[-1].end:sent_start + m.start()].strip():
            return None
        x = ms[-1]
        if not (self._personish(x) or x.kind in ("title", "pronoun")):
            return None
        actor, phrase, _ = self._who(x, unit.index, x.start)
        if actor is None:
            return None
        return actor, f'{phrase} + "{m.group().strip()}" (a stated intention) before the quote'

    def _previous_sentence_subject(self, q: _Quote, unit: _Unit):
        """(actor, evidence, is_person) of the subject of the sentence right before the one
        quote ``q`` stands alone in, in the same paragraph, when that sentence holds no quote;
        else None."""
        here = self._sent_start(unit, q.open_at)
        if here <= unit.start:
            return None
        prev = self._sent_start(unit, here - 1)
        if prev >= here or "\0" in self.masked[prev:here]:
            return None
        for m in self._mentions_in(prev, here):
            if m.kind in ("pronoun", "ref") or not self._subject_like(m) or \
                    _LOCATION_PREP_RE.search(self.masked[prev:m.np_start]) or \
                    self.masked[prev:m.np_start].strip(" \t\n").casefold() not in ("", "the"):
                return None
            actor, phrase, _ = self._who(m, unit.index, m.start)
            if actor is None:
                return None
            person = self._personish(m) or m.kind == "title" or actor in self.person_actors
            return actor, phrase, person
        return None

    def _whole_sentence(self, q: _Quote, unit: _Unit) -> bool:
        """Is quote ``q`` a sentence of its own, ending with its full stop ('"...," he
        said. "Always."')? A short quote that is a whole sentence is speech, not a scare
        quote (the four-word floor of rule 7 does not apply)."""
        if q.close_at is None or not re.search(r"[.!?…]\s*$", self.text[q.start:q.end]):
            return False
        return not self.masked[q.close_at + 1:self._sent_end(unit, q.close_at + 1)].strip(
            " \t\n\"”’»")

    def _singles_speak(self) -> bool:
        """Does the article quote speech in single marks (British style: 'We are ready,'
        he said)? A single-marked quote of five words or more outside the headline."""
        if self._singles is None:
            self._singles = any(
                self.text[q.open_at] in "'‘" and self.units[q.unit].role not in (
                    "headline", "subheading") and len(self.text[q.start:q.end].split()) >= 5
                for q in self.quotes)
        return self._singles

    def _appositive(self, a: int, b: int) -> bool:
        """Between a quote's end ``a`` and the verb at ``b``, a name and one apposition
        between commas ('"...," Hanna Tetteh, Special Envoy of the Secretary-General for the
        Horn of Africa, told'): the verb is the name's, however long the apposition."""
        ms = self._mentions_in(a, b)
        if not ms or not (self._personish(ms[0]) or ms[0].kind == "alias"):
            return False
        if self.masked[a:ms[0].np_start].strip(" \t,”’»\"'"):
            return False
        return _APPOSITION_TAIL_RE.fullmatch(self.masked, ms[0].end, b) is not None

    def _open_past_first_person(self, ui: int):
        """The attributed quote left open at the end of paragraph ``ui - 2`` when paragraph
        ``ui - 1`` reads as more of it: narration in the first person ("So, I was clear
        that ...") with no double quotation mark and no attributed quote; else None."""
        if ui < 2:
            return None
        mid, before = self.units[ui - 1], self.units[ui - 2]
        qs = self._unit_quotes.get(before.index, [])
        if mid.role != "narration" or not qs or qs[-1].close_at is not None or \
                qs[-1].actor is None or self._attributed.get(mid.index):
            return None
        words = self.text[mid.start:mid.end]
        if _DOUBLE_MARK_RE.search(words) or not _FIRST_PERSON_RE.search(words):
            return None
        return qs[-1]

    def _attribute_one(self, q: _Quote) -> None:
        self._picked = self._picked_person = self._picked_quote = None
        if True:
            unit = self.units[q.unit]
            actor, evidence, conf, sent_start = self._attribute_at(
                q, unit, q.open_at, after_pos=(q.close_at + 1 if q.close_at is not None
                                               else None))
            date_from = (sent_start, q.open_at)
            if actor is None:
                found = self._quoted_predicate(q, unit)
                if found is not None:
                    actor, evidence, conf = found
            if unit.index not in self._lead_at:  # narration before the first mark of the unit
                m = _LEAD_RE.search(self.masked, unit.start, unit.end)
                self._lead_at[unit.index] = m.start() if m else unit.end
            lead = self._lead_at[unit.index] < q.open_at
            run_on = not _MARK_ALL_RE.match(self.text, q.open_at)  # (_closed_run_on)
            if actor is None and (not evidence or run_on) and not lead and q.unit > 0:
                prev = self.units[q.unit - 1]
                prev_q = self._unit_quotes.get(prev.index, [])
                if self.text[prev.start:prev.end].rstrip().endswith(":"):
                    # 5. a quoted paragraph introduced by a colon ("The full invitation read:")
                    a2, ev2, _, s2 = self._attribute_at(q, prev, prev.end, after_pos=None)
                    if a2 is not None:
                        actor, conf = a2, _CONF["colon"]
                        evidence = f"introduced by the colon of the previous paragraph: {ev2}"
                        date_from = (s2, prev.end)
                    else:
                        evidence = (f"introduced by the colon of the previous paragraph, "
                                    f"but {ev2 or 'no actor of the registry there'}")
                elif prev_q and prev_q[-1].close_at is None and prev_q[-1].actor is not None:
                    # 6. continuation of a quote that runs over paragraphs
                    actor, conf = prev_q[-1].actor, _CONF["continuation"]
                    evidence = (f"continues the quote of the previous paragraph "
                                f"({prev_q[-1].actor})")
                    q.date = prev_q[-1].date
                elif (o := self._open_past_first_person(q.unit)) is not None:
                    # 6b. the same over a paragraph of the speech whose opening mark the
                    # writer left out: in the first person and without double marks
                    actor, conf = o.actor, _CONF["continuation"]
                    evidence = (f"continues the quote two paragraphs before ({o.actor}) past "
                                f"a paragraph in the first person without quotation marks")
                    q.date = o.date
            if actor is None and unit.role in ("headline", "subheading"):
                # "Georgia MFA: 'Moscow will have to change its decision'"
                lead_m = re.fullmatch(r"\s*(.*?)\s*:\s*", self.masked[unit.start:q.open_at])
                ms = self._mentions_in(unit.start, q.open_at)
                if lead_m and ms and ms[-1].end == unit.start + lead_m.end(1) and \
                        ms[-1].np_start <= unit.start + lead_m.start(1) + 1:
                    a2, phrase, _ = self._who(ms[-1], unit.index, q.open_at)
                    if a2 is not None:
                        actor, conf = a2, _CONF["after"]
                        evidence = f'{phrase} + colon before the quote (headline form "X: ...")'
                # 'Mirzoyan: talks "are over"': the headline's speaker before its colon, for a
                # quote after it with no verb of its own in between
                head = re.match(r"\s*([^:\0\n]{1,80}?)\s*:\s", self.masked[unit.start:q.open_at])
                if actor is None and head and not any(
                        not _DET_BEFORE_RE.search(self.masked[max(0, v.start() - 15):v.start()])
                        for v in _VERB_RE.finditer(self.masked, unit.start + head.end(),
                                                   q.open_at)):
                    ms = self._mentions_in(unit.start, unit.start + head.end(1))
                    if ms and ms[0].np_start <= unit.start + head.start(1) + 1 and \
                            ms[-1].end == unit.start + head.end(1) and len(ms) == 1:
                        a2, phrase, _ = self._who(ms[0], unit.index, q.open_at)
                        if a2 is not None:
                            actor, conf = a2, _CONF["after"]
                            evidence = f'{phrase} + colon in the headline ("X: ... \'...\'")'
            if actor is None and unit.role == "headline" and q.close_at is not None:
                # "... resistance against 'coordinated attacks' by ... in Tigray – Getachew
                # Reda (video)", "...: PCG": the speaker named alone at the headline's end
                tail = _HEADLINE_SOURCE_RE.search(self.masked, q.close_at + 1, unit.end)
                ms = self._mentions_in(tail.start(1), tail.end(1)) if tail else []
                orgs = LANGUAGES[self.lang]["organisations"]
                if len(ms) == 1 and ms[0].np_start <= tail.start(1) + 4 and \
                        ms[0].end == tail.end(1) and (
                            self._personish(ms[0]) or ms[0].kind == "title" or any(
                                w in orgs for w in _title_words(ms[0].surface))):
                    # (a person, a title or a body: "– Reuters", "– report" name the source
                    # of the news, not a speaker)
                    a2, phrase, _ = self._who(ms[0], unit.index, q.open_at)
                    if a2 is not None:
                        actor, conf = a2, _CONF["after"]
                        evidence = f"{phrase} at the end of the headline, after a dash or colon"
            if actor is None and not evidence.startswith(("verb", "passive")):
                found = self._next_sentence(q, unit)
                if found is not None:
                    actor, evidence, conf = found[0], found[1], _CONF["after"]
            if actor is None and not lead and q.unit > 0 and (
                    not evidence or evidence.startswith("introduced by the colon")):
                found = self._reported_before(q)
                if found is not None:
                    actor, evidence, conf = found[0], found[1], _CONF["reference"]
            if actor is None and not evidence:
                found = self._intends(q, unit, sent_start)
                if found is not None:
                    actor, evidence, conf = found[0], found[1], _CONF["main_clause"]
            if actor is None and not evidence:
                names = sorted({m.surface for m in self._mentions_in(
                    sent_start, q.close_at or unit.end) if m.actor is not None})
                evidence = ("no speech verb" + (f"; actors named nearby: {', '.join(names)}"
                                                if names else " and no actor of the registry")
                            + " in the sentence")
            words = len(re.findall(r"\w+", self.text[q.start:q.end]))
            so_called = _quoted_term(self.masked, q, self.text,
                                     headline=unit.role in ("headline", "subheading"),
                                     singles_speak=self._singles_speak())
            if so_called:
                actor, conf = None, _CONF["none"]
                evidence = f'{so_called}, not speech'
            elif actor is None and (words >= 4 or self._whole_sentence(q, unit)) \
                    and not _OTHER_SPEAKER_RE.match(evidence) and not self.masked[
                    self._sent_start(unit, q.open_at):q.open_at].strip(" \t\n\0\"“„«‘,"):
                # 7. a quote standing alone continues the previous quote's speaker (in this
                # paragraph, or the last quote of the previous paragraph)
                # (every quote before q is attributed already: the last of its paragraph or
                # of the previous one, if q is the first quote of its own)
                p = None
                if self._attributed.get(q.unit):
                    p = self._attributed[q.unit][-1]
                elif self._attributed.get(q.unit - 1) and self._unit_quotes[q.unit][0] is q:
                    p = self._attributed[q.unit - 1][-1]
                # 7b. the subject of the sentence before, in the same paragraph, when it holds no
                # quote ('Mirzoyan was defiant. "We will never give up."'): a person wins over
                # the previous quote's speaker, a body only when there is none
                found = self._previous_sentence_subject(q, unit)
                if found is not None and (p is None or found[2]):
                    p = None
                    actor, conf = found[0], _CONF["reference"]
                    evidence = f"a quote standing alone after a sentence whose subject is {found[1]}"
                if p is not None:
                    actor, conf = p.actor, _CONF["continuation"]
                    evidence = f"continues the previous quote ({p.actor}, {p.evidence})"
                    q.speaker, q.speaker_start, q.speaker_end = (p.speaker, p.speaker_start,
                                                                 p.speaker_end)
                    q.speaker_kind, q.speaker_titles = p.speaker_kind, p.speaker_titles
                    q.date = p.date
            q.actor, q.evidence, q.confidence = actor, evidence, conf
            if actor is not None:
                if q.unit not in self._attributed:
                    self._attributed_units.append(q.unit)
                self._attributed.setdefault(q.unit, []).append(q)
                self._attributed_starts.setdefault(q.unit, []).append(q.start)
            if actor is not None and q.speaker is None:
                m = self._picked
                if self._picked_person is not None and self._picked_person[2] is not None:
                    m = self._picked_person[2]
                src = self._picked_quote or (self._picked_person[3] if self._picked_person
                                             is not None else None)
                if (m is None or m.kind in ("pronoun", "ref", "title")) and src is not None \
                        and src.speaker is not None and src.actor == actor:
                    # the mention a reference stands for: the speaker of the quote it went by
                    q.speaker, q.speaker_start, q.speaker_end = (src.speaker, src.speaker_start,
                                                                 src.speaker_end)
                    q.speaker_kind, q.speaker_titles = src.speaker_kind, src.speaker_titles
                    m = None
                if m is not None:
                    q.speaker, q.speaker_start, q.speaker_end = m.surface, m.start, m.end
                    q.speaker_kind = ("person" if m.kind == "person" or m.actor in
                                      self.person_actors or actor in self.person_actors
                                      else m.kind)
                    q.speaker_titles = m.titles
                    he = m.kind == "pronoun" and m.surface.casefold() in LANGUAGES[
                        self.lang]["person_pronouns"]
                    if q.speaker_kind in ("pronoun", "ref") and not he:
                        q.speaker_kind = "body"
                    if he or (self._picked_person is not None
                              and self._picked_person[2] is None):
                        prior = q if q.speaker else self._last_spoken.get(actor)
                        if prior is not None:
                            q.speaker_kind, q.speaker_titles = "person", prior.speaker_titles
            if actor is not None and q.date is None:
                q.date = self._statement_date(actor, *date_from, q)
            self._done(q)

    def _quoted_predicate(self, q: _Quote, unit: _Unit):
        """'The Greek foreign ministry "firmly condemned the harassment" and urged ...',
        'Haftar "hailed... President Putin's initiative" in his statement': a quote that
        opens with a finite speech verb (after at most an adverb), standing right after the
        mention that starts its sentence, is that subject's predicate: the subject's words.
        (actor, evidence, confidence) or None."""
        w = _QUOTED_VERB_RE.match(self.text, q.start, q.end)
        if w is None or w.group(1).casefold() not in _FINITE_VERB_FORMS:
            return None
        s = self._sent_start(unit, q.open_at)
        ms = self._mentions_in(s, q.open_at)
        if not ms or not re.fullmatch(r"[ \t]*(?:[a-z]+ly[ \t]+|also[ \t]+)?",
                                      self.masked[ms[-1].end:q.open_at]):
            return None
        m = ms[-1]
        if not re.fullmatch(r"(?i)[ \t]*(?:the[ \t]+)?", self.masked[s:m.np_start]):
            return None  # (the mention must start the sentence: its subject)
        if q.close_at is not None and re.match(r"[\"”’»]?[ \t]+(?:is|was|are|were)(?![\w'’-])",
                                               self.masked[q.close_at:q.close_at + 12]):
            return None  # 'X "declared independence" was the headline': a noun phrase
        actor, phrase, _ = self._who(m, unit.index, q.open_at)
        if actor is None:
            return None
        return (actor, f'{phrase} + the quote as its predicate (quoted verb "{w.group(1)}")',
                _CONF["subject"])

    def _fill_dates(self) -> None:
        """Undated quotes take the date of the same actor's statement given before them in
        the article, else the one given after them (a subheading announcing a quote), else
        the article date."""
        attributed = [q for q in self.quotes if q.actor is not None]
        for order in (attributed, attributed[::-1]):
            last: dict = {}
            for q in order:
                if q.date is None:
                    q.date = last.get(q.actor)
                if q.date is not None:
                    last[q.actor] = q.date
        for q in attributed:
            if q.date is None:
                q.date = self.article_date

    # -- dates -------------------------------------------------------------------------------
    def _statement_date(self, actor, a: int, b: int, q: _Quote):
        unit = self.units[q.unit]
        end = (self._sent_end(unit, q.close_at + 1)
               if q.close_at is not None and a <= q.open_at else b)
        strong, weak = [], []
        for m in self._dates_in(a, max(end, b)):
            if _DATE_EXCLUDE_RE.search(self.masked[a:m.start()]):
                continue
            d = self._date_value(m)
            if d is None:
                continue
            if _DATE_NOUN_RE.match(self.masked[m.end():m.end() + 40]):
                weak.append((abs(m.start() - b), d))
            else:
                strong.append((abs(m.start() - b), d))
        for cands in (strong, weak):
            if cands:
                return min(cands, key=lambda x: x[0])[1]
        return None

    def _date_value(self, m: re.Match):
        ref = self.article_date
        g = m.groupdict()
        if g["rel"]:
            if ref is None:
                return None
            return ref - _dt.timedelta(days=1) if g["rel"].lower() in (
                "yesterday", "last night") else ref
        if g["weekday"] and not g["pday"]:
            if ref is None:
                return None
            back = (ref.weekday() - _WEEKDAYS.index(g["weekday"].lower())) % 7
            return ref - _dt.timedelta(days=back)
        day = g["day"] or g["day2"] or g["pday"]
        month = g["month"] or g["month2"] or g["pmonth"]
        year = g["year"] or g["year2"]
        month_n = _MONTHS[month.lower()]
        if year:
            y = int(year)
        elif ref is not None:
            y = ref.year
            try:
                if _dt.date(y, month_n, int(day)) > ref + _dt.timedelta(days=7):
                    y -= 1
            except ValueError:
                return None
        else:
            return None
        try:
            return _dt.date(y, month_n, int(day))
        except ValueError:
            return None


# --------------------------------------------------------------------------------------------
# Public API.
# --------------------------------------------------------------------------------------------

def _article_date(source: str, date):
    if date is not None:
        return pd.Timestamp(date).date()
    m = re.search(r"(\d{4})-(\d{2})-(\d{2})", source or "")
    if m:
        try:
            return _dt.date(*map(int, m.groups()))
        except ValueError:
            return None
    return None


def _outlet(text: str, units: list[_Unit], source: str, outlet, registry) -> str:
    if outlet:
        return str(outlet)
    pattern, table = _alias_regex(registry)
    ids = {i.casefold(): i for i in registry["id"]}
    for u in units:
        if u.role != "source_line":
            continue
        body = text[u.start:u.end].split(":", 1)[1]
        if pattern is not None:
            m = pattern.search(_fold_same_length(body))
            if m:
                return table[_alias_key(m)]
        for word in re.findall(r"[\w-]+", body.casefold()):
            if word in ids:
                return ids[word]
    stem = re.sub(r"[-_]?\d{4}-\d{2}-\d{2}.*$", "", source or "")
    return stem or "outlet"


def _stmt_id(actor: str, date) -> str:
    return f"{actor}/{date.isoformat() if date is not None else 'undated'}"


def _attributed(text: str, registry, article_date):
    """(units, quotes, attributor) of an article, its quotes attributed by the rules; the
    attributor is None when the article has no quote."""
    units = _units(text)
    quotes: list[_Quote] = []
    for u in units:
        if u.role != "source_line":
            u.quotes = _split_at_dash_attributions(text, _find_quotes(
                text, u, max_single_words=12 if u.role == "headline" else 6))
            run_on = _closed_run_on(text, u, quotes)
            if run_on is not None:
                u.quotes.insert(0, run_on)
            quotes.extend(u.quotes)
    if not quotes:  # (nothing to attribute, and finding the speakers is the slow part)
        return units, quotes, None
    att = _Attributor(text, units, quotes, registry, article_date)
    att.attribute()
    return units, quotes, att


def segment_article(text: str, *, source: str = "article", actors=None, outlet: str | None = None,
                    date=None, speakers="rules") -> pd.DataFrame:
    """Segment one news article and attribute its quotes to actors.

    Parameters
    ----------
    text : str
        The article: headline on the first line, paragraphs separated by blank lines.
    source : str, default "article"
        Id of the source document (for a file, its stem); a date ``YYYY-MM-DD`` in it is the
        article date unless ``date`` is given.
    actors : DataFrame, str or path, optional
        Actor registry (``id``, ``name``, ``aliases`` as tuple or ``|``-separated string), a
        CSV file of it, or a Corpus (its ``actors``). Without one, no quote is attributed.
    outlet : str, optional
        Actor id of the outlet. Default: the registry actor named in the source line
        (``source: commonspace.eu``), else the part of ``source`` before its date.
    date : date-like, optional
        Publication date of the article.
    speakers : {"model", "rules"} or SpeakerModel, default "model"
        Who chooses each quote's speaker: the learned chooser
        (:mod:`frameshift.news.chooser`) among the actors the rules could have chosen, with
        the shipped model (``"model"``, the default since session 8) or a
        :class:`~frameshift.news.chooser.SpeakerModel`; or the attribution rules alone
        (``"rules"``). The rules keep a speaker a syntactic link decided and an unregistered
        person named in full (:func:`frameshift.news.chooser.rules_decide`).
        A quote the model gives another speaker has the evidence ``speaker model: ...
        (the rules said: ...)``.

    Returns
    -------
    pandas.DataFrame
        One row per segment in reading order, columns :data:`SEGMENT_COLUMNS`: ``source``,
        ``start``, ``end`` (offsets into ``text``, end exclusive), ``role`` (one of
        :data:`ROLES`), ``actor`` (registry id; missing for an unattributed quote),
        ``statement_id``, ``text`` (``== text[start:end]``), ``evidence`` (the rule, alias and
        verb that decided), ``confidence`` (0..1), ``carried_by`` (the outlet).

    Examples
    --------
    >>> reg = pd.DataFrame({"id": ["baku"], "name": ["Azerbaijan"], "aliases": ["Baku"]})
    >>> art = 'Talks offered\\n\\nOn Monday (6 May) Baku said it wants "peace now".'
    >>> seg = segment_article(art, source="news-2024-05-07", actors=reg)
    >>> print(seg[["role", "actor", "statement_id", "text"]].to_string(index=False))
         role actor    statement_id                                 text
     headline  news news/2024-05-07                        Talks offered
    narration  news news/2024-05-07 On Monday (6 May) Baku said it wants
        quote  baku baku/2024-05-06                            peace now
    narration  news news/2024-05-07                                    .
    >>> seg.loc[2, "evidence"]
    'alias "Baku" + verb "said"'
    """
    if not isinstance(text, str):
        from frameshift.errors import bad_argument

        raise bad_argument("segment_article", "text", text, "the article text (str)",
                           "Read a file with read_news(path), or give its text.")
    if not (isinstance(speakers, str) and speakers in ("rules", "model")):
        from .chooser import SpeakerModel

        if not isinstance(speakers, SpeakerModel):
            from frameshift.errors import bad_argument

            raise bad_argument("segment_article", "speakers", speakers,
                               '"rules", "model" or a SpeakerModel',
                               'Give speakers="rules" (the attribution rules) or "model" (the '
                               'learned speaker chooser).')
    registry = _read_actors(actors)
    article_date = _article_date(source, date)
    units, quotes, att = _attributed(text, registry, article_date)
    if att is not None and speakers != "rules":
        from .chooser import rechoose

        rechoose(att, speakers)
    outlet_id = _outlet(text, units, source, outlet, registry)
    outlet_stmt = _stmt_id(outlet_id, article_date)

    rows = []

    def own(a: int, b: int, role: str, evidence: str) -> None:
        piece = text[a:b]
        a += len(piece) - len(piece.lstrip())
        b -= len(piece) - len(piece.rstrip())
        if b > a:
            rows.append((source, a, b, role, outlet_id, outlet_stmt, text[a:b], evidence, 1.0,
                         outlet_id, pd.NA, pd.NA, pd.NA))

    why = {"headline": "first line", "subheading": "short line without final punctuation",
           "narration": "outlet's words", "caption": "caption line",
           "source_line": "source line"}
    for u in units:
        pos = u.start
        for q in u.quotes:
            own(pos, q.open_at, u.role, why[u.role])
            # a quote with nested quotes is cut around them; their marks belong to no segment
            pieces, cur = [], q.start
            for x in q.inner:
                pieces += [(cur, x.open_at, q), (x.start, x.end, x)]
                cur = x.close_at + 1
            pieces.append((cur, q.end, q))
            for a, b, p in pieces:
                piece = text[a:b]
                a += len(piece) - len(piece.lstrip())
                b -= len(piece) - len(piece.rstrip())
                if b <= a:
                    continue
                stmt = _stmt_id(p.actor, p.date) if p.actor is not None else pd.NA
                rows.append((source, a, b, "quote",
                             p.actor if p.actor is not None else pd.NA, stmt,
                             text[a:b], p.evidence, round(p.confidence, 2), outlet_id,
                             p.speaker if p.speaker is not None else pd.NA,
                             p.speaker_start if p.speaker_start is not None else pd.NA,
                             p.speaker_end if p.speaker_end is not None else pd.NA))
            pos = q.close_at + 1 if q.close_at is not None else q.end
        own(pos, u.end, u.role, why[u.role])
    df = pd.DataFrame(rows, columns=SEGMENT_COLUMNS)
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    df["confidence"] = df["confidence"].astype("float64")
    for col in ("actor", "statement_id", "speaker"):
        df[col] = df[col].astype("string")
    for col in ("speaker_start", "speaker_end"):
        df[col] = df[col].astype("Int64")
    return df


def _check_articles(items) -> None:
    """Refuse what cannot be an article (read as a path, a folder or the text itself)."""
    from frameshift.errors import ArgumentValueError, bad_argument

    for item in items:
        if not isinstance(item, (str, Path)):
            raise bad_argument("read_news", "articles", item,
                               "an article file, a folder of them or the text (str)",
                               "Give the path of the article, or its text.")
        if isinstance(item, str) and not item.strip():
            raise ArgumentValueError("read_news(): articles holds an empty string (neither a "
                                     "file nor an article). Give the path of the article, "
                                     "or its text.")


def _is_path_like(value) -> bool:
    if isinstance(value, Path):
        return True
    return isinstance(value, str) and "\n" not in value and len(value) < 1000 and (
        Path(value).exists() or bool(re.search(r"\.(?:txt|md|text|html?)$", value, re.I)))


def _carried_by(segments: pd.DataFrame) -> list[str]:
    """For each segment, the outlets carrying it: for a quote, every outlet whose articles
    quote the same words (or a longer or shorter run of them) for the same statement."""
    out = list(segments["carried_by"].astype(str))
    roles = segments["role"].tolist()
    texts = segments["text"].tolist()
    sids = segments["statement_id"].tolist()
    carried = segments["carried_by"].tolist()
    groups: dict = {}  # statement id -> positions of its quotes, in table order
    for j, role in enumerate(roles):
        if role == "quote" and isinstance(sids[j], str):
            groups.setdefault(sids[j], []).append(j)
    for idx in groups.values():
        # Compare the distinct wordings only (a long article repeats the same quote many
        # times; comparing every pair of fragments made it quadratic).
        norm = {j: " ".join(re.findall(r"\w[\w'-]*", normalize(texts[j]))) for j in idx}
        by_norm: dict = {}
        for j in idx:
            by_norm.setdefault(norm[j], set()).add(carried[j])
        every = set().union(*by_norm.values())
        joined = {}
        for n in by_norm:
            outlets = set()
            if n:
                outlets |= by_norm[n]
                # only wordings carried by an outlet not counted yet can add one (in one
                # article, or articles of one outlet, there are none: linear, not quadratic)
                if outlets != every:
                    for m, outs in by_norm.items():
                        if m and not outs <= outlets and (n in m or m in n):
                            outlets |= outs
            joined[n] = "|".join(sorted(outlets))
        for j in idx:
            out[j] = joined[norm[j]]
    return out


def segment_news(articles, *, actors=None, outlet=None, date=None, provenance=False,
                 speakers="model"):
    """Segment news articles and attribute their quotes, without assembling a corpus.

    What ``frameshift quotes`` writes: the segmentation of :func:`read_news` (one row per
    segment, with ``carried_by`` over all the articles given) and the article texts, in time
    linear in their length -- assembling the corpus (tokens of every statement, repeated
    quotes) is the slow part of :func:`read_news` and is not done.

    Parameters
    ----------
    articles, actors, outlet, date, speakers
        As for :func:`read_news`.
    provenance : bool, default False
        Also return the provenance of each article (``meta["articles"]`` of :func:`read_news`).

    Returns
    -------
    segments : pandas.DataFrame
        Columns :data:`SEGMENT_COLUMNS`, the articles one after the other.
    sources : dict
        ``{source id: article text}``.
    articles : pandas.DataFrame
        Only with ``provenance=True``: file, format, SHA-256, headline, date, byline per article.

    Examples
    --------
    >>> reg = pd.DataFrame({"id": ["baku"], "name": ["Azerbaijan"], "aliases": ["Baku"]})
    >>> seg, texts = segment_news('Offer\\n\\nBaku said "peace now".', actors=reg,
    ...                           outlet="paper", date="2024-05-07")
    >>> print(seg[["role", "actor", "text"]].to_string(index=False))
         role actor      text
     headline paper     Offer
    narration paper Baku said
        quote  baku peace now
    narration paper         .
    >>> list(texts)
    ['article']
    """
    items = list(articles) if isinstance(articles, (list, tuple)) else [articles]
    if not items:
        raise OptionError("articles: no article given. Give a file, a text or a list of them.")
    _check_articles(items)
    registry = _read_actors(actors)
    sources: dict[str, str] = {}
    parts = []
    # -- inputs (news/inputs.py): folders, text files, saved web pages, provenance ----------
    from .inputs import (articles_table, check_unique, expand_articles, read_article,
                         site_outlet, text_article)

    read = [read_article(item) if _is_path_like(item) else
            text_article(str(item), "article" if k == 0 else f"article{k + 1}")
            for k, item in enumerate(expand_articles(items))]
    check_unique(read)
    dates = []
    for art in read:
        text, source = art.text, art.source
        day = _article_date(source, date) or (_article_date("", art.date) if art.date
                                              else None)
        dates.append(day)
        # -- end of inputs --
        sources[source] = text
        parts.append(segment_article(text, source=source, actors=registry,
                                     outlet=outlet or site_outlet(art, registry), date=day,
                                     speakers=speakers))
    segments = pd.concat(parts, ignore_index=True)
    segments["carried_by"] = _carried_by(segments)
    if provenance:
        return segments, sources, articles_table(read, dates)
    return segments, sources


def read_news(articles, *, actors=None, outlet=None, date=None, name: str = "news",
              speakers="model"):
    """Read news articles into a corpus of attributed statements.

    Parameters
    ----------
    articles : str, path, or list of them
        Article file(s) (UTF-8 text, headline on the first line; or a saved web page,
        ``.html``/``.htm``, whose main text, headline, date and byline are extracted, see
        :mod:`frameshift.news.html`), folder(s) of them (every ``.txt``, ``.html``, ``.htm``
        in name order, see :mod:`frameshift.news.inputs`), or article text itself. A file's
        stem is its source id (``commonspace-2023-03-28``); a text's is ``article``
        (``article2``, ... for several). The article date is ``date=``, else a
        ``YYYY-MM-DD`` in the file name, else the date the web page gives.
    actors : DataFrame, str or path, optional
        Actor registry (see :func:`segment_article`). Outlets not in it are added to the
        corpus registry with group ``"outlet"``.
    outlet, date : optional
        Outlet id and publication date, for every article (default: found per article, see
        :func:`segment_article`).
    name : str, default "news"
        Name of the corpus.
    speakers : {"model", "rules"} or SpeakerModel, default "model"
        Who chooses each quote's speaker (see :func:`segment_article`).

    Returns
    -------
    Corpus
        One statement per actor and statement date (quotes) and per outlet and article date
        (the outlet's own words). ``statements`` has a ``carried_by`` column: the outlets
        whose articles carried the statement (``|``-separated). A quote carried by several
        outlets counts once: repeated fragments are dropped by
        :func:`frameshift.corpus.corpus_from_segments` (see ``Corpus.fragments``, which also
        holds the segmentation with its ``evidence`` and ``confidence``).
        ``meta["articles"]`` is the provenance of each article (file, format, SHA-256 of
        its bytes, headline, date, byline; for a web page the extraction tool and version).

    Examples
    --------
    >>> reg = pd.DataFrame({"id": ["baku"], "name": ["Azerbaijan"], "aliases": ["Baku"]})
    >>> a = 'Offer\\n\\nOn Monday Baku said it wants "peace now".'
    >>> b = 'Talks\\n\\nOn Monday Baku called for "peace now", the paper reports.'
    >>> c = read_news([a, b], actors=reg, outlet="paper", date="2024-05-07")
    >>> print(c.statements[["statement_id", "carried_by"]].to_string(index=False))
       statement_id  carried_by
    baku/2024-05-06       paper
    ...
    >>> c.statements.set_index("statement_id")["text"]["baku/2024-05-06"]
    'peace now'
    """
    from frameshift.corpus.segments import corpus_from_segments

    registry = _read_actors(actors)
    segments, sources, articles_prov = segment_news(articles, actors=registry, outlet=outlet,
                                                    date=date, provenance=True,
                                                    speakers=speakers)
    reg = registry.copy()
    extra = sorted(set(segments["actor"].dropna()) - set(reg["id"]))
    new = [i for i in extra if i.startswith(UNREGISTERED_PREFIX)]
    if new:
        import warnings

        names = {}
        for a, sp in zip(segments["actor"], segments["speaker"]):
            if isinstance(a, str) and a in new and isinstance(sp, str):
                names.setdefault(a, sp)
        warnings.warn(
            f"read_news(): {len(new)} speaker(s) not in the actor registry became actors with "
            f"ids starting {UNREGISTERED_PREFIX!r} ({', '.join(new[:5])}"
            f"{', ...' if len(new) > 5 else ''}). List them with "
            "frameshift.suggest_actors(articles) or `frameshift quotes --suggest-actors`, "
            "and give an actors file to name them.", UserWarning, stacklevel=2)
    if extra:
        reg = pd.concat([reg, pd.DataFrame({"id": extra, "name": [
            (names.get(i, i) if new else i) for i in extra],
                                            "aliases": [() for _ in extra]})],
                        ignore_index=True)
    if "group" not in reg.columns:
        reg["group"] = None
    reg["group"] = [g if g is not None and not (isinstance(g, float) and np.isnan(g))
                    else ("unregistered" if i in new else "outlet" if i in extra else None)
                    for i, g in zip(reg["id"],
                                                                          reg["group"])]
    carried = {}
    for sid, cb in zip(segments["statement_id"], segments["carried_by"]):
        if isinstance(sid, str):
            carried.setdefault(sid, set()).update(cb.split("|"))
    meta = pd.DataFrame({"statement_id": list(carried),
                         "carried_by": ["|".join(sorted(v)) for v in carried.values()]})
    # Unattributed quotes belong to no statement: they stay in the segmentation only.
    attributed = segments[segments["statement_id"].notna()].reset_index(drop=True)
    corpus = corpus_from_segments(sources, attributed, actors=reg, statements=meta, name=name)
    corpus.meta["segments"] = segments
    corpus.meta["articles"] = articles_prov  # provenance per article
    return corpus


def read_segments(path) -> pd.DataFrame:
    """Read a segmentation CSV (e.g. a hand-coded gold standard).

    Columns ``source, start, end, role, actor, statement_id`` are required; an empty actor
    or statement id is read as missing.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "segments.csv"
    >>> _ = p.write_text("source,start,end,role,actor,statement_id\\n"
    ...                  "art1.txt,0,42,quote,baku,s1\\nart1.txt,43,80,narration,,\\n")
    >>> seg = read_segments(p)
    >>> seg["start"].tolist(), seg["end"].tolist(), seg["actor"].isna().tolist()
    ([0, 43], [42, 80], [False, True])
    """
    from frameshift.errors import check_path_argument

    check_path_argument(path, "path", "read_segments")
    path = Path(path)
    if not path.is_file():
        raise InputNotFoundError(f"{path}: no such segmentation file. Give a CSV with columns "
                                 "source,start,end,role,actor,statement_id.", path=path)
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    df = read_back(df, path)  # our own `quotes` output: cells as written, not escaped
    missing = [c for c in SEGMENT_COLUMNS[:6] if c not in df.columns]
    if missing:
        raise CorpusError(f"{path}:1: missing column(s) {', '.join(missing)} (found: "
                          f"{', '.join(df.columns)}). A segmentation needs "
                          "source,start,end,role,actor,statement_id.", path=path, line=1)
    problems = []
    for i, (s, e) in enumerate(zip(df["start"], df["end"])):
        if not (s.strip().isdigit() and e.strip().isdigit()) or int(e) <= int(s):
            problems.append(Problem(f"start/end {s!r}-{e!r} are not offsets with start < end.",
                                    "Give whole numbers, end exclusive.", path=path, line=i + 2))
    if problems:
        raise CorpusError(f"{path}: {len(problems)} problem(s):", problems=problems, path=path)
    df["start"] = df["start"].astype("int64")
    df["end"] = df["end"].astype("int64")
    for col in ("actor", "statement_id"):
        df[col] = df[col].replace("", pd.NA).astype("string")
    return df


def _chars(df: pd.DataFrame, roles=None, texts=None) -> dict:
    """{(source, offset): row index} for the characters covered by the rows."""
    out = {}
    for i, (src, a, b, role) in enumerate(zip(df["source"], df["start"], df["end"], df["role"])):
        if roles is not None and role not in roles:
            continue
        text = texts.get(src) if texts else None
        for k in range(int(a), int(b)):
            if text is not None and k < len(text) and text[k].isspace():
                continue
            out[(src, k)] = i
    return out


def evaluate_segmentation(auto: pd.DataFrame, gold: pd.DataFrame, *, texts: dict | None = None
                          ) -> pd.DataFrame:
    """Compare an automatic segmentation with a hand-coded one.

    Parameters
    ----------
    auto, gold : DataFrame
        Segmentations (``source``, ``start``, ``end``, ``role``, ``actor``,
        ``statement_id``). When each has a single source with different ids, they are taken
        to be the same document.
    texts : dict, optional
        ``{source: article text}``; when given, white-space characters are not counted.

    Returns
    -------
    DataFrame
        Long form, one row per measure: ``scope`` (``quote``: characters inside quote spans;
        ``all``: characters whose role agrees; ``attribution``: gold quote spans), ``metric``
        (``precision``, ``recall``, ``f1``, ``actor_accuracy``, ``statement_accuracy``),
        ``value``, ``numerator``, ``denominator``. Precision is the share of the automatic
        characters that the gold gives the same role, recall the share of the gold characters
        found; ``actor_accuracy`` is the share of gold quote spans whose most-overlapping
        automatic quote span has the same actor (both missing counts as agreement);
        ``statement_accuracy`` the same for the statement id.

    Examples
    --------
    >>> gold = pd.DataFrame({"source": "a", "start": [0, 10], "end": [10, 20],
    ...                      "role": ["narration", "quote"], "actor": ["o", "x"],
    ...                      "statement_id": ["o/1", "x/1"]})
    >>> auto = gold.assign(end=[12, 20], start=[0, 12])
    >>> ev = evaluate_segmentation(auto, gold)
    >>> print(ev[ev.scope == "quote"][["metric", "value"]].round(3).to_string(index=False))
       metric  value
    precision  1.000
       recall  0.800
           f1  0.889
    """
    from frameshift.errors import check_table_argument

    check_table_argument(auto, "auto", "evaluate_segmentation", "segment_article(...)")
    check_table_argument(gold, "gold", "evaluate_segmentation", "read_segments(path)")
    auto = auto.copy()
    gold = gold.copy()
    a_src, g_src = set(auto["source"]), set(gold["source"])
    if not a_src & g_src and len(a_src) == 1 and len(g_src) == 1:
        gold["source"] = next(iter(a_src))
        if texts:
            texts = {next(iter(a_src)): next(iter(texts.values()))} if len(texts) == 1 else texts
    gold = gold[gold["source"].isin(a_src)].reset_index(drop=True)
    rows = []

    def prf(scope, a_chars, g_chars, agree):
        tp = sum(1 for k in a_chars if k in g_chars and agree(k))
        p = tp / len(a_chars) if a_chars else float("nan")
        r = tp / len(g_chars) if g_chars else float("nan")
        f = 2 * p * r / (p + r) if p + r else 0.0
        rows.extend([(scope, "precision", p, tp, len(a_chars)),
                     (scope, "recall", r, tp, len(g_chars)),
                     (scope, "f1", f, np.nan, np.nan)])

    aq, gq = _chars(auto, ("quote",), texts), _chars(gold, ("quote",), texts)
    prf("quote", aq, gq, lambda k: True)
    aa, ga = _chars(auto, None, texts), _chars(gold, None, texts)
    a_role = auto["role"].tolist()
    g_role = gold["role"].tolist()
    prf("all", aa, ga, lambda k: a_role[aa[k]] == g_role[ga[k]])

    def same(x, y):
        xn, yn = pd.isna(x) or x == "", pd.isna(y) or y == ""
        return (xn and yn) or (not xn and not yn and str(x) == str(y))

    gold_quotes = gold.index[gold["role"] == "quote"]
    ok_actor = ok_stmt = 0
    for i in gold_quotes:
        src, a, b = gold.at[i, "source"], int(gold.at[i, "start"]), int(gold.at[i, "end"])
        best, best_ov = None, 0
        for j in auto.index[(auto["role"] == "quote") & (auto["source"] == src)]:
            ov = min(b, int(auto.at[j, "end"])) - max(a, int(auto.at[j, "start"]))
            if ov > best_ov:
                best, best_ov = j, ov
        if best is not None:
            ok_actor += same(auto.at[best, "actor"], gold.at[i, "actor"])
            ok_stmt += same(auto.at[best, "statement_id"], gold.at[i, "statement_id"])
    n = len(gold_quotes)
    rows.append(("attribution", "actor_accuracy", ok_actor / n if n else float("nan"),
                 ok_actor, n))
    rows.append(("attribution", "statement_accuracy", ok_stmt / n if n else float("nan"),
                 ok_stmt, n))
    return pd.DataFrame(rows, columns=["scope", "metric", "value", "numerator", "denominator"])


def suggest_actors(articles, *, actors=None) -> pd.DataFrame:
    """The speakers found in ``articles`` that the registry does not name, as an actors table.

    Parameters
    ----------
    articles : str, path, or list of them
        As for :func:`read_news`.
    actors : optional
        An existing registry; its actors are not suggested again.

    Returns
    -------
    DataFrame
        ``id`` (the ``new:`` id the quotes got), ``name`` (the fullest mention), ``aliases``
        (every mention as written, ``|``-separated), ``group`` (empty), ``quotes`` (how many
        quotes), ``sources`` (articles). Edit it and save it as ``actors.csv``.

    Examples
    --------
    >>> art = 'Baku, 1 May. "We will not accept this," Ani Badalian, the ministry spokesperson, said.'
    >>> suggest_actors(art)[["id", "name", "quotes"]].values.tolist()
    [['new:ani-badalian', 'Ani Badalian', 1]]
    """
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)
        corpus = read_news(articles, actors=actors)
    seg = corpus.meta["segments"]
    q = seg[(seg["role"] == "quote") & seg["actor"].fillna("").str.startswith(
        UNREGISTERED_PREFIX)]
    full: dict = {}  # id -> canonical names the articles give (surname -> full name)
    for text in corpus.sources.values():
        for nm in find_mentions(text):
            full.setdefault(unregistered_id(nm.canonical), set()).add(nm.canonical)
    rows = []
    for aid, grp in q.groupby("actor", sort=False):
        mentions = [re.sub(r"(?i)^(?:the|a|an)\s+", "", m)
                    for m in grp["speaker"].dropna() if m]
        mentions = list(dict.fromkeys(m for m in mentions if m))
        mentions += sorted(full.get(aid, set()) - set(mentions))
        # the fullest mention names the actor ("de facto Nagorno-Karabakh Republic (NKR)
        # authorities" rather than "Stepanakert")
        rows.append((aid, max(mentions, key=len) if mentions else aid,
                     "|".join(mentions), "", len(grp), "|".join(dict.fromkeys(grp["source"]))))
    return pd.DataFrame(rows, columns=["id", "name", "aliases", "group", "quotes", "sources"])
