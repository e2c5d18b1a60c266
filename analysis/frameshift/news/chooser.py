"""A learned speaker chooser: re-ranks the speakers the attribution rules could have chosen.

After the rules (:class:`frameshift.news.articles._Attributor`) have attributed every quote of
an article, each quote gets a list of *candidates*: every actor that a mention in its
neighbourhood stands for (a registered alias, an unregistered name or title given a ``new:``
id, a pronoun, title or "the statement" resolved by the rules' own reference resolution), the
speaker of the quote before it, the rules' choice, and *nobody*. Each candidate is described by
the features of :data:`FEATURES` (what the rules chose and how sure they were, distances,
before/after, a speech verb next to the mention, kind of actor, ...) and a linear model
(logistic regression trained on the hand-coded real reports of ``tests/data/news/real``, see
:mod:`frameshift.news.train`) scores them; the quote goes to the best-scoring candidate.

The fitted weights ship as ``frameshift/data/speaker_model.json`` (plain numbers, no pickle).
``segment_article``, ``segment_news``, ``read_news`` and ``frameshift quotes`` use them by
default (since session 8; ``speakers="rules"`` for the rules alone). See docs/news.md, "A learned speaker chooser", for its leave-one-set-out
evaluation.
"""

from __future__ import annotations

import json
import math
import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import numpy as np

__all__ = ["FEATURES", "Candidate", "SpeakerModel", "candidates", "load_model", "rechoose"]

#: The rules' confidence values (``articles._CONF``) are the kinds of rule that decided.
_RULE_KINDS = (0.9, 0.85, 0.8, 0.75, 0.7)

#: Names of the features of a (quote, candidate) pair, in the order of the model's weights.
FEATURES = (
    # the candidate "nobody" and what speaks for it
    "none", "none_rules_none", "none_term_rule", "none_short_quote", "none_headline",
    "none_inner_mark_single", "none_no_verb_rule", "none_unit_starts_with_quote",
    "none_log_words", "none_ends_with_punctuation", "none_inside_sentence",
    "none_capitalised_words",
    # the rules' choice
    "rule", "rule_conf_0.9", "rule_conf_0.85", "rule_conf_0.8", "rule_conf_0.75",
    "rule_conf_0.7", "rule_pronoun", "rule_continues", "rule_reference",
    # where the candidate's mentions stand
    "same_sentence_before", "same_sentence_after", "same_paragraph", "previous_paragraph",
    "two_paragraphs_back", "next_paragraph", "headline", "log_tokens_before",
    "log_tokens_after", "no_mention_near",
    # how it is mentioned
    "verb_after_mention", "verb_before_mention", "mentions_near", "log_mentions_article",
    "via_reference", "via_pronoun", "via_title",
    # what it is
    "registered_person", "registered_body", "new_id",
    # the quotes around
    "previous_quote_speaker", "log_quotes_before", "outlet_like",
    # the nearest mention
    "kind_alias", "kind_person", "kind_body", "kind_title", "kind_reference",
    "verb_after_same_sentence", "sentence_subject", "subject_previous_sentence",
    "place_like", "words_in_name",
)
_INDEX = {f: i for i, f in enumerate(FEATURES)}

_WORD_RE = re.compile(r"\w+")
_VERB_GAP = 40  # characters between a mention and a speech verb that still count as "next to"
#: Characters before the quote's opening mark and after its end within which mentions are
#: candidates (within the paragraphs of :func:`candidates`): bounds the work on a paragraph of
#: thousands of quotes; the paragraphs of a news report are far shorter.
_WINDOW_BEFORE, _WINDOW_AFTER = 6000, 3000


@dataclass
class Candidate:
    """One possible speaker of a quote: ``actor`` (None for nobody), the mention nearest the
    quote (or None) and the feature vector (see :data:`FEATURES`)."""

    actor: object
    mention: object
    x: np.ndarray


def _verb_near(att, a: int, b: int, *, before: bool = False) -> bool:
    """A speech verb (the rules' list) in ``[a, b)`` with no sentence end between ``a`` and it
    (``before``: between it and ``b``)."""
    if b <= a:
        return False
    verbs = att._verbs_in(a, b)
    if not verbs:
        return False
    gap = att.masked[verbs[-1].end():b] if before else att.masked[a:verbs[0].start()]
    return not re.search(r"[.!?]\s|\n", gap)


def candidates(att, q) -> list[Candidate]:
    """The candidates of quote ``q`` (a ``_Quote`` of the attributor ``att``, attributed by the
    rules), each with its feature vector. The first candidate is nobody."""
    units = att.units
    unit = units[q.unit]
    text = att.text
    end = q.close_at + 1 if q.close_at is not None else q.end
    s0 = att._sent_start(unit, q.open_at)
    s1 = att._sent_end(unit, max(end - 1, q.open_at))
    lo_unit = max(q.unit - 2, 0)
    hi_unit = min(q.unit + 1, len(units) - 1)
    lo = max(units[lo_unit].start, q.open_at - _WINDOW_BEFORE)
    hi = min(units[hi_unit].end, end + _WINDOW_AFTER)
    mentions = list(att._mentions_in(lo, hi))
    if units and units[0].role == "headline" and lo_unit > 0:
        mentions = list(att._mentions_in(units[0].start, units[0].end)) + mentions
    words = _word_starts(att)
    evidence = q.evidence or ""
    per: dict = {}
    for m in mentions:
        if q.start <= m.start < q.end:
            continue  # a name inside the quote is not its speaker
        actor, is_ref = _who(att, m)
        if actor is None:
            continue
        per.setdefault(actor, []).append((m, is_ref))
    rule = q.actor
    order = [None]
    term = evidence.endswith("not speech")
    if term:
        per = {}  # the rules' quoted-term rule decides: words that are nobody's speech
    order += sorted(per, key=lambda a: min(abs(m.start - q.open_at) for m, _ in per[a]))
    prev = _previous_quote(att, q)
    if not term and prev is not None and prev.actor is not None and prev.actor not in per:
        order.append(prev.actor)
    if rule is not None and rule not in order:
        order.append(rule)
    counts = _article_counts(att)
    k_q, by_actor = _quote_positions(att)
    k_q = k_q[id(q)]
    out = []
    words_q = len(_WORD_RE.findall(text[q.start:q.end]))
    first_in_unit = not text[unit.start:q.open_at].strip(" \t\n\"“„«‘'")
    for actor in order:
        x = np.zeros(len(FEATURES))
        if actor is None:
            x[_INDEX["none"]] = 1
            x[_INDEX["none_rules_none"]] = rule is None
            x[_INDEX["none_term_rule"]] = "not speech" in evidence
            x[_INDEX["none_short_quote"]] = words_q <= 3
            x[_INDEX["none_headline"]] = unit.role in ("headline", "subheading")
            x[_INDEX["none_inner_mark_single"]] = text[q.open_at:q.open_at + 1] in "'‘"
            x[_INDEX["none_no_verb_rule"]] = evidence.startswith("no speech verb")
            x[_INDEX["none_unit_starts_with_quote"]] = first_in_unit
            x[_INDEX["none_log_words"]] = math.log1p(words_q)
            x[_INDEX["none_ends_with_punctuation"]] = text[q.start:q.end].rstrip()[-1:] in \
                tuple(".,!?;:…")
            x[_INDEX["none_inside_sentence"]] = bool(
                att.masked[s0:q.open_at].strip(" \t\n\0\"“„«‘'")) and bool(re.match(
                    r"[\s\0\"”»’']*[\w(]", att.masked[end:s1]))
            ws = _WORD_RE.findall(text[q.start:q.end])
            x[_INDEX["none_capitalised_words"]] = bool(ws) and all(w[:1].isupper() for w in ws)
            out.append(Candidate(None, None, x))
            continue
        if actor == rule:
            x[_INDEX["rule"]] = 1
            c = round(q.confidence, 2)
            if c in _RULE_KINDS:
                x[_INDEX[f"rule_conf_{c}"]] = 1
            x[_INDEX["rule_pronoun"]] = evidence.startswith("pronoun") or " pronoun " in evidence
            x[_INDEX["rule_continues"]] = evidence.startswith("continues")
            x[_INDEX["rule_reference"]] = "reference" in evidence
        ms = per.get(actor, [])
        best_before = best_after = None
        for m, is_ref in ms:
            if m.end <= q.open_at:
                d = _words_between(words, m.end, q.open_at)
                best_before = d if best_before is None else min(best_before, d)
            elif m.start >= end:
                d = _words_between(words, end, m.start)
                best_after = d if best_after is None else min(best_after, d)
            ui = att._unit_at(m.start)
            if s0 <= m.start and m.end <= q.open_at:
                x[_INDEX["same_sentence_before"]] = 1
            if end <= m.start < s1:
                x[_INDEX["same_sentence_after"]] = 1
            x[_INDEX["same_paragraph"]] = max(x[_INDEX["same_paragraph"]], float(ui == q.unit))
            x[_INDEX["previous_paragraph"]] = max(x[_INDEX["previous_paragraph"]], float(ui == q.unit - 1))
            x[_INDEX["two_paragraphs_back"]] = max(x[_INDEX["two_paragraphs_back"]], float(ui == q.unit - 2))
            x[_INDEX["next_paragraph"]] = max(x[_INDEX["next_paragraph"]], float(ui == q.unit + 1))
            x[_INDEX["headline"]] = max(x[_INDEX["headline"]], float(att._in_headline(m.start) and q.unit != 0))
            if _verb_near(att, m.end, min(m.end + _VERB_GAP, len(text))):
                x[_INDEX["verb_after_mention"]] = 1
            if _verb_near(att, max(m.start - 20, 0), m.start, before=True):
                x[_INDEX["verb_before_mention"]] = 1
            x[_INDEX["via_reference"]] = max(x[_INDEX["via_reference"]], float(is_ref and m.kind in ("ref",)))
            x[_INDEX["via_pronoun"]] = max(x[_INDEX["via_pronoun"]], float(m.kind == "pronoun"))
            x[_INDEX["via_title"]] = max(x[_INDEX["via_title"]], float(m.kind == "title"))
        x[_INDEX["log_tokens_before"]] = (math.log1p(best_before) if best_before is not None
                                          else math.log1p(200))
        x[_INDEX["log_tokens_after"]] = (math.log1p(best_after) if best_after is not None
                                         else math.log1p(200))
        x[_INDEX["no_mention_near"]] = not ms
        x[_INDEX["mentions_near"]] = math.log1p(len(ms))
        x[_INDEX["log_mentions_article"]] = math.log1p(counts.get(actor, 0))
        registered = not str(actor).startswith("new:")
        x[_INDEX["registered_person"]] = registered and actor in att.person_actors
        x[_INDEX["registered_body"]] = registered and actor not in att.person_actors
        x[_INDEX["new_id"]] = not registered
        x[_INDEX["previous_quote_speaker"]] = prev is not None and prev.actor == actor
        x[_INDEX["log_quotes_before"]] = math.log1p(bisect_left(by_actor.get(actor, ()), k_q))
        x[_INDEX["outlet_like"]] = _outlet_like(actor)
        near = min(ms, key=lambda t: abs(t[0].start - q.open_at))[0] if ms else None
        if near is not None:
            k = near.kind if near.kind in ("alias", "person", "body", "title") else "reference"
            x[_INDEX[f"kind_{k}"]] = 1
            x[_INDEX["words_in_name"]] = min(len(_WORD_RE.findall(near.surface)), 6)
            x[_INDEX["place_like"]] = _place_like(att, near)
        for m, _ in ms:
            in_sentence = s0 <= m.start < s1
            if in_sentence and _verb_near(att, m.end, min(m.end + _VERB_GAP, len(text))):
                x[_INDEX["verb_after_same_sentence"]] = 1
            ui = att._unit_at(m.start)
            ss = att._sent_start(units[ui], m.start)
            if _words_between(words, ss, m.start) <= 2:
                if in_sentence:
                    x[_INDEX["sentence_subject"]] = 1
                elif m.end <= s0 and ui == q.unit:
                    x[_INDEX["subject_previous_sentence"]] = 1
        out.append(Candidate(actor, near, x))
    return out


_OUTLET_WORDS = re.compile(r"(?i)news|agency|reuters|tass|xinhua|afp|press|times|post|tv|radio")


_PLACE_BEFORE_RE = re.compile(r"(?i)(?:\b(?:in|from|at|near|to|into|across|over|of)\s+(?:the\s+)?)$")


def _place_like(att, m) -> bool:
    """A name after a preposition of place ("in Mali", "to the Second Thomas Shoal")."""
    return bool(_PLACE_BEFORE_RE.search(att.masked[max(m.start - 20, 0):m.start]))


def _outlet_like(actor) -> bool:
    return bool(_OUTLET_WORDS.search(str(actor)))


def _word_starts(att) -> list:
    ws = getattr(att, "_chooser_words", None)
    if ws is None:
        ws = att._chooser_words = [m.start() for m in _WORD_RE.finditer(att.masked)]
    return ws


def _words_between(words: list, a: int, b: int) -> int:
    return max(bisect_left(words, b) - bisect_right(words, a), 0)


def _article_counts(att) -> dict:
    counts = getattr(att, "_chooser_counts", None)
    if counts is None:
        counts = {}
        for m in att.mentions:
            if m.actor is not None:
                counts[m.actor] = counts.get(m.actor, 0) + 1
        att._chooser_counts = counts
    return counts


def forget(att) -> None:
    """Drop what :func:`candidates` keeps on ``att`` between quotes (call it after changing the
    rules' speakers of ``att``)."""
    for name in ("_chooser_who", "_chooser_positions", "_chooser_previous", "_chooser_full",
                 "_chooser_counts"):
        if hasattr(att, name):
            delattr(att, name)


def _who(att, m):
    """``(actor, is_ref)`` that mention ``m`` stands for (the rules' ``_who``, their state
    restored), computed once per mention of the article."""
    cache = getattr(att, "_chooser_who", None)
    if cache is None:
        cache = att._chooser_who = {}
    got = cache.get(id(m))
    if got is None:
        saved = (att._picked, att._picked_person, att._picked_quote)
        try:
            actor, _, is_ref = att._who(m, att._unit_at(m.start), m.start)
        finally:
            att._picked, att._picked_person, att._picked_quote = saved
        got = cache[id(m)] = (actor, bool(is_ref))
    return got


def _quote_positions(att):
    """``({id(quote): index}, {actor: [indices of the quotes the rules gave it]})`` over
    ``att.quotes``, built once per article (the speakers as they are when the chooser starts)."""
    got = getattr(att, "_chooser_positions", None)
    if got is None:
        index, by_actor = {}, {}
        for k, x in enumerate(att.quotes):
            index[id(x)] = k
            if x.actor is not None:
                by_actor.setdefault(x.actor, []).append(k)
        got = att._chooser_positions = (index, by_actor)
    return got


def _previous_quote(att, q):
    index = _quote_positions(att)[0]
    prev = getattr(att, "_chooser_previous", None)
    if prev is None:
        prev, last = {}, None
        for x in att.quotes:
            prev[id(x)] = last
            if x.parent is None:
                last = x
        att._chooser_previous = prev
    return prev[id(q)] if id(q) in index else None


# --------------------------------------------------------------------------------------------
# The model.
# --------------------------------------------------------------------------------------------

@dataclass
class SpeakerModel:
    """A linear scorer of candidates: ``score = x @ weights + bias`` after standardising with
    ``mean`` and ``scale``; the best-scoring candidate speaks."""

    features: tuple
    mean: np.ndarray
    scale: np.ndarray
    weights: np.ndarray
    bias: float
    meta: dict

    def score(self, x: np.ndarray) -> np.ndarray:
        return ((np.atleast_2d(x) - self.mean) / self.scale) @ self.weights + self.bias

    def to_json(self) -> str:
        def num(v):
            return float(f"{float(v):.10g}")
        body = {"format": "frameshift speaker model 1", "features": list(self.features),
                "mean": [num(v) for v in self.mean], "scale": [num(v) for v in self.scale],
                "weights": [num(v) for v in self.weights], "bias": num(self.bias),
                "meta": self.meta}
        return json.dumps(body, indent=1, ensure_ascii=False, sort_keys=False) + "\n"

    @classmethod
    def from_json(cls, text: str, where: str = "speaker model") -> SpeakerModel:
        from frameshift.errors import CorpusError

        try:
            body = json.loads(text)
        except json.JSONDecodeError as exc:
            raise CorpusError(f"{where}: not JSON ({exc}). Rebuild it with "
                              "`python -m frameshift.news.train`.") from None
        if body.get("format") != "frameshift speaker model 1" or \
                tuple(body.get("features", ())) != FEATURES:
            raise CorpusError(f"{where}: not a speaker model of this version of frameshift "
                              "(format or features differ). Rebuild it with "
                              "`python -m frameshift.news.train`.")
        return cls(FEATURES, np.array(body["mean"], float), np.array(body["scale"], float),
                   np.array(body["weights"], float), float(body["bias"]), body.get("meta", {}))


MODEL_FILE = "speaker_model.json"


@lru_cache(maxsize=1)
def load_model() -> SpeakerModel:
    """The model shipped with frameshift (``frameshift/data/speaker_model.json``)."""
    path = resources.files("frameshift") / "data" / MODEL_FILE
    return SpeakerModel.from_json(path.read_text(encoding="utf-8"), str(path))


#: How much better than the rules' speaker "nobody" must score (in log-odds) to take a quote
#: the rules gave a speaker (unless the rules' quoted-term rule called it "not speech").
NONE_MARGIN = float("inf")


def named_in_full(att, actor) -> bool:
    """Is ``actor`` an unregistered person the article names in full somewhere: a ``new:`` id
    that a person's name of two words or more ("Tom Vale") stands for (:meth:`_who`)."""
    if actor is None or not str(actor).startswith("new:"):
        return False
    full = getattr(att, "_chooser_full", None)
    if full is None:
        full = att._chooser_full = {_who(att, m)[0] for m in att.mentions if m.kind == "person"
                                    and len(_WORD_RE.findall(m.surface)) >= 2}
    return actor in full


def _unregistered_name(actor, x) -> bool:
    """A candidate that is an unregistered person named in full: a ``new:`` id whose nearest
    mention is a name of two words or more ("Tom Vale", "John F. Kennedy")."""
    return (str(actor).startswith("new:") and bool(x[_INDEX["kind_person"]])
            and x[_INDEX["words_in_name"]] >= 2)


#: Evidence of the rules that a syntactic link decided, which the model has no feature for and
#: the coded sets almost never show: two subjects of one verb and a passive without its agent
#: (nobody can be named), an agent after "by", "the latter" / "the former".
_SYNTACTIC_NOBODY = re.compile(r'has two subjects|without "by"')
_SYNTACTIC_SPEAKER = re.compile(r'\.\.\. by"|reference "[Tt]he (?:latter|former)"')


def rules_decide(att, q) -> bool:
    """Does the rules' speaker of quote ``q`` stand against the model? Yes when a syntactic link
    the model has no feature for decided it (:data:`_SYNTACTIC_NOBODY`,
    :data:`_SYNTACTIC_SPEAKER`), or when it is an unregistered person the article names in full
    (:func:`named_in_full`): the coded sets the model learns from have few such speakers."""
    evidence = q.evidence or ""
    if q.actor is None:
        return bool(_SYNTACTIC_NOBODY.search(evidence))
    return bool(_SYNTACTIC_SPEAKER.search(evidence)) or named_in_full(att, q.actor)


def pick(X, scores, actors, rule, none_margin=None, keep=False) -> int:
    """The index of the candidate that speaks (rows ``X``, ``scores``, ``actors``; ``rule``: the
    rules' speaker): the best-scoring one, except that the rules keep their speaker

    - against "nobody" (``actors[0]``), unless nobody scores :data:`NONE_MARGIN`
      (``none_margin``) above it or the rules' quoted-term rule decided;
    - when it is an unregistered person named in full (:func:`_unregistered_name`);
    - when ``keep`` (:func:`rules_decide`)

    The coded sets the model learns from have almost no unregistered speakers (their registries
    name nearly everyone quoted, so a ``new:`` candidate there is a place, a title or a
    misspelling nearly every time: 7 of the 90 ``new:`` speakers the rules chose were right);
    what the rules do for a speaker the registry lacks is outside what the model has seen."""
    margin = NONE_MARGIN if none_margin is None else none_margin
    k = int(np.argmax(scores))
    if keep and rule in actors:
        return actors.index(rule)
    if rule is None or actors[k] == rule:
        return k
    r = actors.index(rule)
    if actors[k] is None:
        if X[0][_INDEX["none_term_rule"]] or scores[k] - scores[r] > margin:
            return k
        return r
    return r if _unregistered_name(rule, X[r]) else k


def rechoose(att, model="model") -> None:
    """Give every quote of the attributor ``att`` (already attributed by the rules) the
    candidate the model scores best. ``model``: ``"model"`` (the shipped one) or a
    :class:`SpeakerModel`."""
    if isinstance(model, str):  # ("model": segment_article has checked the value)
        model = load_model()
    tables = [(q, candidates(att, q)) for q in att.quotes if q.parent is None]
    changed = []
    for q, cands in tables:
        X = np.vstack([c.x for c in cands])
        scores = model.score(X)
        best = cands[pick(X, scores, [c.actor for c in cands], q.actor,
                          keep=rules_decide(att, q))]
        if best.actor == q.actor:
            continue
        old = q.evidence or "no rule"
        q.actor = best.actor
        q.confidence = float(1 / (1 + math.exp(-float(np.max(scores)))))
        if best.actor is None:
            q.evidence = f"speaker model: nobody (the rules said: {old})"
            q.speaker = q.speaker_start = q.speaker_end = None
            q.speaker_kind = q.speaker_titles = None
            q.date = None
        else:
            m = best.mention
            q.evidence = (f"speaker model: {best.actor}"
                          + (f' (mention "{m.surface}")' if m is not None else "")
                          + f" (the rules said: {old})")
            if m is not None:
                q.speaker, q.speaker_start, q.speaker_end = m.surface, m.start, m.end
                q.speaker_kind = ("person" if best.actor in att.person_actors
                                  or m.kind == "person" else m.kind)
                q.speaker_titles = m.titles
            unit = att.units[q.unit]
            q.date = att._statement_date(best.actor, att._sent_start(unit, q.open_at),
                                         q.open_at, q)
        changed.append(q)
    if changed:
        att._fill_dates()
