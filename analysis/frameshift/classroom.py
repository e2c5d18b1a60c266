"""Self-check cells for the classroom exercises: tell a student whether an answer is right, never what it is.

Each exercise in ``notebooks/classroom/`` has questions ``q1``, ``q2``, ...; a student writes an
answer into a variable and runs ``check("ex3", "q1", answer)``, which prints one line:

- ``✓`` -- correct;
- ``✗`` -- not right yet, with a hint on how to get there (never the expected value);
- ``…`` -- *not answered yet* (the answer is still the placeholder ``...``).

Three kinds of question:

- **computed**: the expected number or set is computed by the package at check time from the
  bundled corpora (so the check follows the data and no answer is stored); numbers are
  compared with a stated tolerance;
- **hashed**: an interpretive choice is compared by a salted SHA-256 of the normalised answer
  (lower case, whitespace collapsed), so the accepted answers cannot be read from the source;
- **validated**: the student's own work (a lexicon category, a written defence) is checked
  against stated criteria, and every unmet criterion is reported.

:func:`grade` returns the :class:`Verdict` without printing (for tests and teachers);
:func:`questions` lists an exercise's questions.
"""

from __future__ import annotations

import hashlib
import math
import numbers
import re
import warnings
from dataclasses import dataclass
from typing import Callable

import numpy as np
import pandas as pd

from frameshift.errors import FrameshiftError, OptionError

__all__ = ["check", "grade", "questions", "normalise_answer", "answer_digest", "add_category",
           "remove_headline", "Verdict", "NOT_ANSWERED", "EXERCISES", "pair_coding_sample",
           "check_pair_alpha", "PAIR_EXERCISE"]

#: Text printed for a placeholder answer; the notebook tests look for it.
NOT_ANSWERED = "not answered yet"

_SALT = "frameshift-classroom-v1"
_KARABAKH = "karabakh_2023"
_LEXICON = "karabakh_framing"
_INAUGURAL = "inaugural"
_AZ = "az_presidency/2023-03-27"
_OUTLET = "commonspace"
_OUTLET_ID = "commonspace/2023-03-28"
#: The freedom lexicon of exercise 3 (the student notebook builds the same one).
FREEDOM = {"freedom": ["freedom*", "free", "liberty", "liberties"]}
_PRESIDENTS = ("George W. Bush", "Barack Obama")


@dataclass(frozen=True)
class Verdict:
    """The outcome of one check.

    Attributes
    ----------
    exercise, question : str
    status : str
        ``"correct"``, ``"wrong"`` or ``"unanswered"``.
    message : str
        What to tell the student (a hint when wrong; never the expected answer).
    """

    exercise: str
    question: str
    status: str
    message: str = ""

    @property
    def correct(self) -> bool:
        """True when the answer passed."""
        return self.status == "correct"

    def __str__(self) -> str:
        mark = {"correct": "✓", "wrong": "✗", "unanswered": "…"}[self.status]
        head = {"correct": "correct", "wrong": "not right yet",
                "unanswered": NOT_ANSWERED}[self.status]
        text = f"{mark} {self.exercise} {self.question}: {head}."
        return f"{text} {self.message}" if self.message else text


@dataclass(frozen=True)
class _Question:
    prompt: str
    kind: str  # "number", "set", "choice", "digest", "validate"
    expected: Callable | None = None  # computed expectation (number, set of str, or bool)
    hint: str = ""
    tolerance: float = 0.0
    digests: frozenset = frozenset()
    validate: Callable | None = None  # (answer, context) -> list of unmet criteria


# --------------------------------------------------------------------------- answers
def normalise_answer(answer) -> str:
    """Canonical text of an answer: lower case, whitespace collapsed, outer quotes/dots removed.

    Yes/no answers (``True``, ``"yes"``, ``"Y"``) become ``"yes"``/``"no"``; lists and sets
    become their sorted, comma-joined elements.

    Examples
    --------
    >>> normalise_answer("  George W.  Bush. ")
    'george w. bush'
    >>> normalise_answer(True), normalise_answer("N")
    ('yes', 'no')
    >>> normalise_answer(["Sovereignty", "infrastructure"])
    'infrastructure,sovereignty'
    """
    if isinstance(answer, (bool, np.bool_)):
        return "yes" if answer else "no"
    if isinstance(answer, (list, tuple, set, frozenset, pd.Index, np.ndarray, pd.Series)):
        return ",".join(sorted(normalise_answer(a) for a in answer))
    text = re.sub(r"\s+", " ", str(answer)).strip().strip("'\"").strip().rstrip(".").strip()
    text = text.lower()
    return {"y": "yes", "true": "yes", "n": "no", "false": "no"}.get(text, text)


def answer_digest(exercise: str, question: str, answer) -> str:
    """Salted SHA-256 of the normalised answer (what hashed questions store).

    Examples
    --------
    >>> answer_digest("ex9", "q1", "Yes") == answer_digest("ex9", "q1", True)
    True
    >>> answer_digest("ex9", "q1", "yes") == answer_digest("ex9", "q2", "yes")
    False
    """
    text = f"{_SALT}|{exercise}|{question}|{normalise_answer(answer)}"
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _unanswered(answer) -> bool:
    return answer is ... or answer is None or (isinstance(answer, str) and not answer.strip())


def _is_number(x) -> bool:
    return isinstance(x, numbers.Real) and not isinstance(x, (bool, np.bool_))


# --------------------------------------------------------------------------- lexicon helpers
def add_category(lexicon, id: str, patterns, *, label: str = "", definition: str = "",
                 source: str = "", exclude=()):
    """A copy of ``lexicon`` with one more category (patterns validated as in a lexicon file).

    Parameters
    ----------
    lexicon : Lexicon, str or dict
        The lexicon to extend (a bundled name works too). Not modified.
    id : str
        The new category's id (must not exist yet).
    patterns : list of str
        Patterns in the lexicon syntax (``"coerc*"``, ``"ready-made solution*"``, ...).
    label, definition, source : str
        Display label, the coding rule, and where the category comes from.
    exclude : list of str
        Patterns whose occurrences must not count.

    Returns
    -------
    Lexicon

    Raises
    ------
    LexiconError
        A pattern is invalid (the message says why).
    OptionError
        The id exists already or no pattern is given.

    Examples
    --------
    >>> from frameshift.lexicon import lexicon_from_dict
    >>> lex = add_category(lexicon_from_dict({"talks": ["dialogue"]}), "threat",
    ...                    ["threat*", "menace"], definition="Danger named.")
    >>> lex.category_ids, [p.text for p in lex["threat"].patterns]
    (['talks', 'threat'], ['threat*', 'menace'])
    """
    from frameshift.lexicon.model import Category, Lexicon, parse_pattern
    from frameshift.lexicon.formats import as_lexicon

    base = as_lexicon(lexicon)
    if id in base:
        raise OptionError(f"The lexicon {base.name!r} already has a category {id!r}; choose "
                          "another id.")
    if isinstance(patterns, str):
        patterns = [patterns]
    if not patterns:
        raise OptionError(f"Category {id!r} needs at least one pattern.")
    cat = Category(id=str(id), label=label or str(id), definition=definition,
                   patterns=tuple(parse_pattern(p) for p in patterns),
                   exclude=tuple(parse_pattern(p) for p in exclude), source=source)
    return Lexicon([*base.categories, cat], name=base.name, version=base.version,
                   description=base.description, citation=base.citation, format=base.format,
                   hyphen_variants=base.hyphen_variants)


def remove_headline(corpus, statement_id: str):
    """The corpus with a statement's headline (its ``title``, at the start of its text) removed.

    Parameters
    ----------
    corpus : Corpus
        Needs a ``title`` column. Not modified.
    statement_id : str

    Returns
    -------
    Corpus
        Same statements and actors; the statement's text without its leading title.

    Raises
    ------
    OptionError
        Unknown statement, no title, or the text does not start with the title.
    """
    from frameshift.corpus.readers import from_frame

    st = corpus.statements
    rows = np.flatnonzero((st["statement_id"] == statement_id).to_numpy())
    if not len(rows):
        raise OptionError(f"No statement {statement_id!r} in corpus {corpus.name!r}.")
    i = int(rows[0])
    title = st["title"].iat[i] if "title" in st.columns else None
    text = st["text"].iat[i]
    if not isinstance(title, str) or not title or not text.startswith(title):
        raise OptionError(f"Statement {statement_id!r} has no title at the start of its text.")
    texts = st["text"].tolist()
    texts[i] = text[len(title):].lstrip()
    st["text"] = texts
    return from_frame(st, actors=corpus.actors, name=f"{corpus.name} (headline removed)")


# --------------------------------------------------------------------------- expectations
def _karabakh():
    from frameshift.corpus.readers import read_corpus
    return read_corpus(_KARABAKH)


def _count(corpus, lexicon, by):
    from frameshift.matching.engine import count_matches
    return count_matches(corpus, lexicon, by=by)


def _cell(counts, by, unit, category, column):
    row = counts[(counts[by] == unit) & (counts["category"] == category)]
    return float(row[column].iloc[0])


def _ex1_unmatched():
    counts = _count(_karabakh(), _LEXICON, "actor")
    total = counts.groupby("category", sort=False)["count"].sum()
    return {normalise_answer(c) for c in total.index[total.to_numpy() == 0]}


def _ex2_count(with_headline: bool):
    def expected():
        corpus = _karabakh()
        if not with_headline:
            corpus = remove_headline(corpus, _OUTLET_ID)
        return _cell(_count(corpus, _LEXICON, "actor"), "actor", _OUTLET, "reintegration",
                     "count")
    return expected


def _ex2_share():
    return _cell(_count(_karabakh(), _LEXICON, "actor"), "actor", _OUTLET, "reintegration",
                 "share")


def _outlet_jsd(corpus):
    from frameshift.measures.shifts import shift
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        table = shift(corpus, _LEXICON, pairs=[(_AZ, _OUTLET_ID)], n_boot=10, n_perm=10,
                      seed=0)
    return float(table.loc[table["measure"] == "jsd", "value"].iloc[0])


def _ex2_closer_or_further():
    corpus = _karabakh()
    before = _outlet_jsd(corpus)
    after = _outlet_jsd(remove_headline(corpus, _OUTLET_ID))
    return {"further" if after > before else "closer"}


def _freedom_counts(by):
    from frameshift.corpus.readers import read_corpus
    from frameshift.lexicon.formats import lexicon_from_dict
    corpus = read_corpus(_INAUGURAL)
    return _count(corpus, lexicon_from_dict(FREEDOM, name="freedom"), by)


def _ex3_cell(actor, column):
    return lambda: _cell(_freedom_counts("actor"), "actor", actor, "freedom", column)


def _ex3_more():
    counts = _freedom_counts("actor")
    rates = {a: _cell(counts, "actor", a, "freedom", "per_1000") for a in _PRESIDENTS}
    top = max(rates, key=rates.get)
    return {normalise_answer(top), normalise_answer(top.split()[-1])}


def _ex3_address():
    from frameshift.corpus.readers import read_corpus
    corpus = read_corpus(_INAUGURAL)
    counts = _freedom_counts("statement_id")
    ids = corpus.statements.loc[corpus.statements["actor"] == _PRESIDENTS[0], "statement_id"]
    sub = counts[counts["statement_id"].isin(ids)]
    return {normalise_answer(sub.loc[sub["per_1000"].idxmax(), "statement_id"])}


def _ex3_distinctive():
    from frameshift.corpus.readers import read_corpus
    from frameshift.measures.key_terms import keyness
    corpus = read_corpus(_INAUGURAL)
    table = keyness(corpus, by="actor", target=_PRESIDENTS[0], reference=_PRESIDENTS[1])
    z = float(table.loc[table["term"] == "freedom", "score"].iloc[0])
    return {"yes" if abs(z) > 1.96 else "no"}


# --------------------------------------------------------------------------- validators
def _new_categories(lexicon):
    from frameshift.lexicon.formats import as_lexicon
    base = as_lexicon(_LEXICON)
    return base, [c for c in lexicon.categories if c.id not in base]


def _ex1_lexicon(answer, context):
    from frameshift.lexicon.model import Lexicon
    if not isinstance(answer, Lexicon):
        return [f"expected a Lexicon (e.g. from add_category), got {type(answer).__name__}"]
    base, new = _new_categories(answer)
    unmet = []
    missing = [c for c in base.category_ids if c not in answer]
    if missing:
        unmet.append(f"keep every category of {_LEXICON} (missing: {', '.join(missing)})")
    if not new:
        return unmet + ["add one new category (an id that is not in the bundled lexicon)"]
    taken = {p.text.lower() for c in base for p in c.patterns}
    counts = _count(_karabakh(), answer, "actor")
    for cat in new:
        if len(cat.definition.split()) < 15:
            unmet.append(f"give {cat.id!r} a definition (a coding rule) of at least 15 words")
        if len(cat.patterns) < 2:
            unmet.append(f"give {cat.id!r} at least two patterns")
        dup = sorted({p.text for p in cat.patterns if p.text.lower() in taken})
        if dup:
            unmet.append(f"{cat.id!r} repeats patterns of other categories: {', '.join(dup)}")
        if counts.loc[counts["category"] == cat.id, "count"].sum() == 0:
            unmet.append(f"{cat.id!r} matches nothing in {_KARABAKH}: read the statements "
                         "again and use words they contain")
    return unmet


def _ex1_defence(answer, context):
    from frameshift.matching.engine import find_matches
    if not isinstance(answer, str):
        return ["write your defence as a string of text"]
    lexicon = context.get("lexicon")
    if lexicon is None:
        return ["pass your lexicon too: check('ex1', 'q3', defence, lexicon=my_lexicon)"]
    unmet = [] if not _ex1_lexicon(lexicon, context) else ["first pass q2 with this lexicon"]
    if unmet:
        return unmet
    if len(answer.split()) < 40:
        unmet.append("write at least 40 words")
    _, new = _new_categories(lexicon)
    corpus = _karabakh()
    hits = find_matches(corpus, lexicon)
    hits = hits[hits["category"].isin([c.id for c in new])]
    low = answer.lower()
    if not any(str(m).lower() in low for m in hits["match"]):
        unmet.append("quote at least one word your category matched in the corpus (see its "
                     "KWIC lines)")
    actors = set(hits["actor"].dropna())
    names = {a.lower() for a in actors} | {corpus.actor_name(a).lower() for a in actors}
    if not any(n and n in low for n in names):
        unmet.append("name an actor whose statement your category matched")
    return unmet


# --------------------------------------------------------------------------- registry
_NUM = "a number"
EXERCISES: dict = {
    "ex1": {
        "q1": _Question(
            "Which categories of karabakh_framing match nothing in karabakh_2023? "
            "(a list of category ids)", "set", expected=_ex1_unmatched,
            hint="Sum count_matches(...) by category, or read check_lexicon(...).unmatched."),
        "q2": _Question(
            "Your lexicon: karabakh_framing plus one new category with a definition and at "
            "least two patterns that match in the corpus.", "validate",
            validate=_ex1_lexicon),
        "q3": _Question(
            "Defend your category in at least 40 words: quote a matched word and name the "
            "actor who used it. Call check('ex1', 'q3', text, lexicon=my_lexicon).",
            "validate", validate=_ex1_defence),
    },
    "ex2": {
        "q1": _Question(
            "How many 'reintegration' matches does the outlet (actor commonspace) have?",
            "number", expected=_ex2_count(True),
            hint="count_matches(corpus, lexicon, by='actor'), then the commonspace row of "
                 "category reintegration."),
        "q2": _Question(
            "What share (0 to 1) of the outlet's matches falls in category reintegration?",
            "number", expected=_ex2_share, tolerance=0.005,
            hint="The 'share' column of count_matches; give a proportion, not a percentage."),
        "q3": _Question(
            "With the headline removed, how many 'reintegration' matches does the outlet have?",
            "number", expected=_ex2_count(False),
            hint="remove_headline(corpus, 'commonspace/2023-03-28'), then count again."),
        "q4": _Question(
            "Whose word is 'reintegration' -- which actor of the exchange uses it in its own "
            "statement? (an actor id)", "digest",
            digests=frozenset({
                "5010e5c77dc8880aacb897c74b92e9f4ccf275dcff4df5b1c24cc5d70081d134",
                "f7a9d0b2f3117539ff4deb6c52cda878b0faa42ac535555024a49a44a86ec01e",
                "a3839199f38326153647410ffb4bddb4a882e6c24e58b8441657b3853daeed4b",
                "56d832cc51a202310762c7af598fc3a34b27c5fc773bf6cf827518b16e577f8c",
                "306a3aead6947fb8674a88c8dce650217bdab816cf1b859085b4a0565da643a9",
                "f9ff996b2e9e1cb5853b3b672d8ad144957b5763110b84e2395f1c08108a0211",
                "163c5b2871df87460162b27ee4e029efa079fe6142bbe0a7133c1b212d675b50",
                "c96da6238c30f20ea04073711202ab0cac547728a1991d6361f41f89071bb64d",
            }),
            hint="Look at the KWIC of 'reintegration' and the actor column."),
        "q5": _Question(
            "Without its headline, is the outlet's frame profile closer to Baku's invitation "
            "or further from it (JSD)? ('closer' or 'further')", "choice",
            expected=_ex2_closer_or_further,
            hint="Compare the 'jsd' rows of shift(...) for the pair "
                 "(az_presidency/2023-03-27, commonspace/2023-03-28) on both corpora."),
    },
    "ex3": {
        "q1": _Question(
            "How many matches of the freedom lexicon are in George W. Bush's addresses?",
            "number", expected=_ex3_cell(_PRESIDENTS[0], "count"),
            hint="count_matches(inaugural, freedom, by='actor'); actor names are the "
                 "presidents' full names."),
        "q2": _Question(
            "Barack Obama's rate of freedom terms per 1,000 tokens (one decimal is enough)?",
            "number", expected=_ex3_cell(_PRESIDENTS[1], "per_1000"), tolerance=0.05,
            hint="The per_1000 column: matches per 1,000 word tokens of all his addresses."),
        "q3": _Question(
            "Which of the two presidents uses the freedom frame more, per 1,000 tokens?",
            "choice", expected=_ex3_more,
            hint="Compare rates, not raw counts: the addresses differ in length."),
        "q4": _Question(
            "Which of George W. Bush's addresses carries the frame (the statement_id with the "
            "higher rate)?", "choice", expected=_ex3_address,
            hint="Count by='statement_id' and compare his two addresses."),
        "q5": _Question(
            "Reading the KWIC of Bush's 2005 address: is freedom mostly (a) liberty spread to "
            "other nations, (b) free markets and the economy, or (c) freedom from want? "
            "('a', 'b' or 'c')", "digest",
            digests=frozenset({
                "711218df76ad8e989e613543f68d389a55270322932c1af513b06f597fd0c48c",
                "cd663a309a838db0807896547b56469870eb6210b9ba34cfcdb69b5e6c2e0113",
                "5d113a8647edae0bcd6948ba9e675b4f0d973e7cb9d2415590f943d9623418d2",
            }),
            hint="Read twenty KWIC lines of 'freedom*' in 2005-Bush: what is free, and where?"),
        "q6": _Question(
            "Is 'freedom' a statistically distinctive word of Bush vs. Obama by Fightin' Words "
            "(corpus prior, |z| > 1.96)? ('yes' or 'no')", "choice", expected=_ex3_distinctive,
            hint="keyness(inaugural, by='actor', target=..., reference=...) and the row of "
                 "the term 'freedom': look at its z-score."),
    },
}


# --------------------------------------------------------------------------- grading
def _lookup(exercise, question):
    try:
        return EXERCISES[exercise][question]
    except KeyError:
        known = ", ".join(f"{e} {q}" for e in EXERCISES for q in EXERCISES[e])
        raise OptionError(f"No question {exercise!r} {question!r}; known: {known}.") from None


def grade(exercise: str, question: str, answer, **context) -> Verdict:
    """Grade an answer without printing.

    Parameters
    ----------
    exercise, question : str
        E.g. ``"ex3"``, ``"q1"``.
    answer : object
        The student's answer; ``...`` (the placeholder) or ``None`` means not answered.
    **context
        Extra objects a question needs (``lexicon=`` for ex1 q3).

    Returns
    -------
    Verdict

    Examples
    --------
    >>> grade("ex3", "q5", ...).status
    'unanswered'
    >>> grade("ex3", "q3", "Abraham Lincoln").status
    'wrong'
    """
    q = _lookup(exercise, question)
    if _unanswered(answer):
        return Verdict(exercise, question, "unanswered",
                       "Replace ... with your answer and run the cell again.")

    def verdict(ok, message=""):
        return Verdict(exercise, question, "correct" if ok else "wrong",
                       "" if ok else message)

    if q.kind == "number":
        if not _is_number(answer) or not math.isfinite(float(answer)):
            return verdict(False, f"Expected {_NUM}, got {type(answer).__name__}. {q.hint}")
        expected = float(q.expected())
        return verdict(abs(float(answer) - expected) <= q.tolerance + 1e-9, q.hint)
    if q.kind == "choice":
        return verdict(normalise_answer(answer) in q.expected(), q.hint)
    if q.kind == "set":
        if isinstance(answer, str):
            answer = [a for a in re.split(r"[,;]", answer) if a.strip()]
        return verdict(normalise_answer(answer) == ",".join(sorted(q.expected())), q.hint)
    if q.kind == "digest":
        return verdict(answer_digest(exercise, question, answer) in q.digests, q.hint)
    if q.kind == "validate":
        unmet = q.validate(answer, context)
        return verdict(not unmet, "Still to do: " + "; ".join(unmet) + "." if unmet else "")
    raise FrameshiftError(f"Question {exercise} {question} has an unknown kind {q.kind!r}.")


def check(exercise: str, question: str, answer, **context) -> None:
    """Print whether an answer is right (✓), not right yet (✗, with a hint) or not answered (…).

    Never prints the expected answer. See :func:`grade` for the parameters.

    Examples
    --------
    >>> check("ex3", "q5", ...)
    … ex3 q5: not answered yet. Replace ... with your answer and run the cell again.
    """
    print(grade(exercise, question, answer, **context))


def questions(exercise: str) -> pd.DataFrame:
    """The questions of an exercise: question, kind, prompt.

    Examples
    --------
    >>> questions("ex2")["question"].tolist()
    ['q1', 'q2', 'q3', 'q4', 'q5']
    """
    if exercise not in EXERCISES:
        raise OptionError(f"No exercise {exercise!r}; known: {', '.join(EXERCISES)}.")
    return pd.DataFrame([{"question": k, "kind": q.kind, "prompt": q.prompt}
                         for k, q in EXERCISES[exercise].items()])


# --------------------------------------------------------------------------- issue 13: how many sentences?
# A self-contained exercise (its own simulation, questions and checks): why a one-sentence
# statement supports no interval, and how many sentences a claim of "shift" needs.

#: Frame shares of the two simulated statements (5 categories; as benchmarks/coverage.py).
_SIM_SHARES_A = np.array([0.40, 0.25, 0.15, 0.12, 0.08])
_SIM_SHARES_B = np.array([0.20, 0.25, 0.30, 0.12, 0.13])


def simulate_shift(n_sentences, n_b=None, *, reps=100, shifted=True, clustered=True, seed=0,
                   n_boot=199, n_perm=199):
    """A small coverage harness for students: what can ``shift`` say about statements this long?

    Simulates ``reps`` pairs of statements of ``n_sentences`` (and ``n_b``) sentences of 20-30
    tokens with known frame rates (4% of tokens are framing words, 5 categories; with
    ``shifted`` B's shares differ from A's, else they are the same; ``clustered``: each
    sentence draws its own rates, as real sentences do), runs
    :func:`frameshift.measures.shift_from_sentences` on each and reports what it could say.

    Parameters
    ----------
    n_sentences : int
        Sentences of statement A (and of B unless ``n_b`` is given).
    n_b : int, optional
    reps : int, default 100
    shifted, clustered : bool, default True
    seed : int, default 0
    n_boot, n_perm : int, default 199
        Bootstrap resamples and relabellings per pair.

    Returns
    -------
    pandas.DataFrame
        One row: sentences_a, sentences_b, reps; ``interval_reported`` (share of the
        rate-difference intervals that ``shift`` reports at all); ``interval_covers`` (share of
        the reported ones containing the true difference; NaN when none is reported);
        ``jsd_p_below_05`` (share of pairs whose JSD permutation p is below .05: the power to
        detect the shift, or the false-alarm rate with ``shifted=False``); ``smallest_p``
        (the smallest p the permutation test can give with these sizes).

    Examples
    --------
    >>> t = simulate_shift(1, 7, reps=5)
    >>> float(t["interval_reported"].iloc[0]), round(float(t["smallest_p"].iloc[0]), 3)
    (0.0, 0.125)
    """
    from math import comb

    from frameshift.measures.shifts import shift_from_sentences

    n_a = int(n_sentences)
    n_b = n_a if n_b is None else int(n_b)
    if n_a < 1 or n_b < 1:
        raise OptionError("simulate_shift needs at least one sentence a statement.")
    rng = np.random.default_rng(seed)
    truth = 1000.0 * 0.04 * ((_SIM_SHARES_B if shifted else _SIM_SHARES_A) - _SIM_SHARES_A)

    def statement(n, shares):
        toks = rng.integers(20, 31, n)
        counts = np.zeros((n, len(shares)))
        for i, t in enumerate(toks):
            s = rng.dirichlet(10.0 * shares) if clustered else shares
            rate = 0.04 * (rng.gamma(2.0, 0.5) if clustered else 1.0)
            p = min(rate, 0.5) * s
            counts[i] = rng.multinomial(int(t), np.r_[p, 1.0 - p.sum()])[:len(shares)]
        return counts, toks.astype(float)

    reported = covered = n_iv = detected = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for _ in range(int(reps)):
            ca, ta = statement(n_a, _SIM_SHARES_A)
            cb, tb = statement(n_b, _SIM_SHARES_B if shifted else _SIM_SHARES_A)
            t = shift_from_sentences(ca, ta, cb, tb, n_boot=n_boot, n_perm=n_perm, seed=rng,
                                     warn=False)
            rd = t[t["measure"] == "rate_diff"]
            lo, hi = rd["ci_low"].to_numpy(float), rd["ci_high"].to_numpy(float)
            ok = ~np.isnan(lo)
            n_iv += len(lo)
            reported += int(ok.sum())
            covered += int(((lo <= truth) & (truth <= hi) & ok).sum())
            p = float(t.loc[t["measure"] == "jsd", "p"].iloc[0])
            detected += int(p < 0.05)
    n_lab = comb(n_a + n_b, n_a)
    smallest = 1.0 / n_lab if n_lab <= n_perm else 1.0 / (1 + n_perm)
    return pd.DataFrame([{
        "sentences_a": n_a, "sentences_b": n_b, "reps": int(reps),
        "interval_reported": reported / n_iv if n_iv else 0.0,
        "interval_covers": covered / reported if reported else np.nan,
        "jsd_p_below_05": detected / int(reps), "smallest_p": smallest}])


_SENTENCE_SIZES = (3, 10, 30, 60, 120)


def _ex_sentences_reported_one():
    return float(simulate_shift(1, reps=20)["interval_reported"].iloc[0])


def _ex_sentences_first_interval():
    for n in range(1, 11):
        if float(simulate_shift(n, reps=10)["interval_reported"].iloc[0]) > 0:
            return float(n)
    return float("nan")


def _ex_sentences_enough():
    for n in _SENTENCE_SIZES:
        if float(simulate_shift(n, reps=100)["jsd_p_below_05"].iloc[0]) >= 0.8:
            return {str(n)}
    return {"none"}


EXERCISES["ex_sentences"] = {
    "q1": _Question(
        "Run simulate_shift(1): what share of the rate-difference intervals does shift report "
        "for one-sentence statements? (a number from 0 to 1)", "number",
        expected=_ex_sentences_reported_one, tolerance=0.005,
        hint="Read the interval_reported column of simulate_shift(1)."),
    "q2": _Question(
        "From how many sentences a statement does shift report an interval at all? (the "
        "smallest number of sentences, same in A and B)", "number",
        expected=_ex_sentences_first_interval,
        hint="Try simulate_shift(n) for growing n, one at a time, and watch interval_reported."),
    "q3": _Question(
        "Of 3, 10, 30, 60 and 120 sentences a side, which is the smallest at which the JSD "
        "permutation test detects the simulated shift in at least 80% of pairs "
        "(simulate_shift(n, reps=100), seed 0)? (a number, or 'none')", "choice",
        expected=_ex_sentences_enough,
        hint="Compare jsd_p_below_05 across sizes; also look at smallest_p for the small ones."),
    "q4": _Question(
        "Baku's invitation is one sentence. Which is the honest report of its shift to the "
        "reply: (a) JSD 1.0 with a 95% interval [1, 1], (b) JSD 1.0 as a description of the "
        "two texts, too short for an interval, (c) no shift, since p is large? "
        "('a', 'b' or 'c')", "digest",
        digests=frozenset({
            "26c8f6d2cdbd712f65315bcc3d596220e4ba9c2ec4e446370dcabe2478a15608",
            "631824b75a57f67113719f737cc343a90c9efd158116d3a08899d3d2675d8a2d",
            "d99b7728df575bd2a18718bb58c8899322e6dab5bee310d71415983159c5c00a",
        }),
        hint="What can one sentence tell about how else it could have been written? And what "
             "does a p that cannot be small say?"),
}
__all__ += ["simulate_shift"]
# --------------------------------------------------------------------------- pairs code a sample
# (issue 14) Two students code the same KWIC sample on their own, then compute how far they
# agree. The expected values depend on the two students' own codes, so they are computed at
# check time and never printed.

#: Exercise name printed by :func:`check_pair_alpha`.
PAIR_EXERCISE = "pairs"


def pair_coding_sample(*, per_category: int = 2, seed: int = 0, window: int = 6,
                       corpus: str = _KARABAKH, lexicon: str = _LEXICON) -> pd.DataFrame:
    """The KWIC sample a pair of students codes: the same lines for both, for a given seed.

    One row per match (up to ``per_category`` per category, seeded), with the KWIC line, the
    category's label and definition (its coding rule), and an empty ``code`` column: each
    student writes 1 (an instance of the category) or 0 into their own copy.

    Examples
    --------
    >>> s = pair_coding_sample(per_category=1, seed=3)
    >>> list(s.columns)
    ['unit', 'category', 'label', 'kwic', 'definition', 'code']
    >>> s.equals(pair_coding_sample(per_category=1, seed=3)), bool(s["code"].isna().all())
    (True, True)
    """
    from frameshift.corpus import read_corpus
    from frameshift.lexicon import read_lexicon
    from frameshift.measures.validation import coding_sheet, validation_sample

    lex = read_lexicon(lexicon)
    sample = validation_sample(read_corpus(corpus), lex, per_category=per_category,
                               sentences_per_category=0, window=window, seed=seed)
    sheet = coding_sheet(sample, lex)
    out = sheet[["unit", "category", "label", "kwic", "definition"]].copy()
    out["code"] = pd.array([pd.NA] * len(out), dtype="Int64")
    return out.reset_index(drop=True)


def _pair_codes(codes, who):
    if isinstance(codes, pd.DataFrame):
        if "code" not in codes.columns:
            raise OptionError(f"{who}: the table has no 'code' column.")
        codes = codes["code"]
    values = list(codes)
    bad = [(i, v) for i, v in enumerate(values)
           if not (_is_number(v) and not isinstance(v, bool) and float(v) in (0.0, 1.0))]
    return [None if bad and i in dict(bad) else int(v) for i, v in enumerate(values)], bad


def check_pair_alpha(codes_a, codes_b, *, disagreements=..., agreement=..., alpha=...,
                     tolerance: float = 0.005, show: bool = True) -> list:
    """Self-check for a pair of coders: disagreements, percent agreement, Krippendorff's alpha.

    Each student codes the same :func:`pair_coding_sample`; the pair then counts the lines
    they disagree on (q1), computes their percent agreement (q2) and their nominal
    Krippendorff's alpha (q3) -- by hand from the coincidence matrix, or with
    :func:`frameshift.krippendorff_alpha`. Leave an answer as ``...`` until it is done.

    Parameters
    ----------
    codes_a, codes_b : sequence of 0/1, or the coded sample tables
    disagreements, agreement, alpha : number or ``...``
    tolerance : float, default 0.005
        Allowed difference for the agreement and alpha.
    show : bool, default True
        Print one line per question (✓ / ✗ with a hint / … not answered yet).

    Returns
    -------
    list of Verdict
        The expected values are computed from the pair's own codes and never shown.

    Examples
    --------
    >>> a = [1, 1, 0, 0, 1]
    >>> b = [1, 0, 0, 0, 1]
    >>> v = check_pair_alpha(a, b, disagreements=1, agreement=..., alpha=0.5)
    ✓ pairs q1: correct.
    … pairs q2: not answered yet. Replace ... with your answer and run the cell again.
    ✗ pairs q3: not right yet. Build the coincidence matrix from the pairable lines (each line coded 0/0, 1/1 or 0/1 adds two ordered pairs), then alpha = 1 - (n - 1) * (o01 + o10) / (2 * n0 * n1), with n0, n1 the totals of the matrix's rows.
    """
    from frameshift.measures.reliability import krippendorff_alpha

    a, bad_a = _pair_codes(codes_a, "first coder")
    b, bad_b = _pair_codes(codes_b, "second coder")
    answers = {"q1": disagreements, "q2": agreement, "q3": alpha}
    problems = []
    if len(a) != len(b):
        problems.append(f"the two coders have {len(a)} and {len(b)} codes: code the same "
                        "sample, one code per line")
    for who, bad in (("first", bad_a), ("second", bad_b)):
        if bad:
            i, v = bad[0]
            problems.append(f"the {who} coder's line {i + 1} has {v!r}: write 1 or 0 on every "
                            f"line ({len(bad)} line(s) to fix)")
    verdicts = []
    if problems:
        msg = "Fix the codes first: " + "; ".join(problems) + "."
        verdicts = [Verdict(PAIR_EXERCISE, q, "unanswered" if _unanswered(ans) else "wrong",
                            msg if not _unanswered(ans) else
                            "Replace ... with your answer and run the cell again.")
                    for q, ans in answers.items()]
    else:
        n_dis = sum(x != y for x, y in zip(a, b))
        expected = {"q1": float(n_dis), "q2": 1 - n_dis / len(a) if a else math.nan,
                    "q3": krippendorff_alpha([a, b]) if a else math.nan}
        hints = {
            "q1": "Count the lines where one coder wrote 1 and the other 0.",
            "q2": "Agreement is the share of lines with the same code: (lines - "
                  "disagreements) / lines, a number between 0 and 1.",
            "q3": "Build the coincidence matrix from the pairable lines (each line coded 0/0, "
                  "1/1 or 0/1 adds two ordered pairs), then alpha = 1 - (n - 1) * (o01 + o10) "
                  "/ (2 * n0 * n1), with n0, n1 the totals of the matrix's rows.",
        }
        for q, ans in answers.items():
            if _unanswered(ans):
                verdicts.append(Verdict(PAIR_EXERCISE, q, "unanswered",
                                        "Replace ... with your answer and run the cell again."))
                continue
            want = expected[q]
            if not _is_number(ans) or isinstance(ans, bool):
                verdicts.append(Verdict(PAIR_EXERCISE, q, "wrong", "Answer with a number."))
                continue
            if isinstance(want, float) and math.isnan(want):
                ok = isinstance(ans, float) and math.isnan(ans)
                hint = ("Both coders gave every line the same single code: alpha is "
                        "undefined (nan) when there is no variation.")
            else:
                ok = abs(float(ans) - want) <= (0 if q == "q1" else tolerance)
                hint = hints[q]
            verdicts.append(Verdict(PAIR_EXERCISE, q, "correct" if ok else "wrong",
                                    "" if ok else hint))
    if show:
        for v in verdicts:
            print(v)
    return verdicts
