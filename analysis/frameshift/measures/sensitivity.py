"""Which patterns carry a result: leave-one-pattern-out and leave-one-category-out.

A count or a shift measure rests on a lexicon; a reviewer asks whether it rests on one word.
:func:`leave_one_out` matches the corpus again without each pattern (or each category) in
turn -- a fresh match, so that "longest match wins" and exclusions are resolved as they would
be in the smaller lexicon -- and reports how the counts and a measure move, ranked by the size
of the change.
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pandas as pd

from frameshift.errors import OptionError

__all__ = ["leave_one_out", "group_jsd", "SENSITIVITY_COLUMNS"]

#: Columns of :func:`leave_one_out`.
SENSITIVITY_COLUMNS = ("rank", "dropped", "category", "pattern", "matches_before",
                       "matches_after", "matches_change", "measure_before", "measure_after",
                       "measure_change")


def group_jsd(matches: pd.DataFrame, *, by: str, between, categories) -> float:
    """Jensen-Shannon divergence (bits) of two groups' category counts.

    The counts of ``categories`` (in order) in the rows of ``matches`` whose ``by`` column
    is ``between[0]``, and those of ``between[1]``, compared with
    :func:`~frameshift.measures.jsd` (NaN when a group has no match).

    Examples
    --------
    >>> m = pd.DataFrame({"actor": ["a", "a", "b"], "category": ["x", "y", "y"]})
    >>> group_jsd(m, by="actor", between=("a", "b"), categories=["x", "y"])
    0.31127812445913283
    """
    from frameshift.errors import bad_argument, check_table_argument
    check_table_argument(matches, "matches", "group_jsd", "find_matches(...)")
    if not (isinstance(between, (list, tuple)) and len(between) == 2):
        raise bad_argument("group_jsd", "between", between, "two groups (a pair)",
                           "Give between=(group_a, group_b).")
    from .shifts import jsd

    a, b = between
    vec = []
    for g in (a, b):
        sub = matches[matches[by].astype(str) == str(g)]
        counts = sub["category"].value_counts()
        vec.append(np.array([float(counts.get(c, 0)) for c in categories]))
    if vec[0].sum() == 0 or vec[1].sum() == 0:
        return float("nan")
    return float(jsd(vec[0], vec[1]))


def _without(lexicon, category: str, pattern_index: int | None):
    from frameshift.lexicon import Lexicon

    cats = []
    for cat in lexicon:
        if cat.id != category:
            cats.append(cat)
        elif pattern_index is not None and len(cat.patterns) > 1:
            cats.append(replace(cat, patterns=tuple(
                p for i, p in enumerate(cat.patterns) if i != pattern_index)))
        # else: the category goes (left out, or its only pattern dropped)
    return Lexicon(cats, name=lexicon.name, version=lexicon.version,
                   description=lexicon.description, citation=lexicon.citation,
                   format=lexicon.format, hyphen_variants=lexicon.hyphen_variants,
                   meta=lexicon.meta)


def leave_one_out(corpus, lexicon, *, unit: str = "pattern", by: str = "actor",
                  between=None, measure=None, filter=None, settings=None) -> pd.DataFrame:
    """Effect of dropping each pattern (or category) on the counts and on a measure, ranked.

    Parameters
    ----------
    corpus : Corpus
    lexicon : Lexicon or str
    unit : {"pattern", "category"}, default "pattern"
        Drop one pattern of one category at a time, or one whole category.
    by : str, default "actor"
        Statement column of the groups compared by the default measure.
    between : (str, str), optional
        The two groups of ``by`` whose category profiles the default measure compares
        (:func:`group_jsd`). Needed unless ``measure`` is given.
    measure : callable, optional
        ``measure(matches, categories) -> float``, any number computed from a match table
        (e.g. a shift measure between two statements). Default: :func:`group_jsd` between
        ``between``, over the full lexicon's categories (a dropped category counts 0).
    filter : callable, optional
        Applied to every match table before counting, e.g. ``lambda m:
        drop_repeats(m, corpus)`` for the once-per-clause rule.
    settings : MatchSettings, optional

    Returns
    -------
    pandas.DataFrame
        :data:`SENSITIVITY_COLUMNS`, one row per pattern (or category): ``dropped`` (the
        pattern as written, or the category id), its ``category``, the ``pattern``'s
        position-free text, the category's matches before and after, and the measure before,
        after and the change. Ranked by the absolute change of the measure (NaN last), then
        by the absolute change of the matches; ``rank`` starts at 1. Patterns whose removal
        changes nothing have ``measure_change`` 0.

    Examples
    --------
    >>> from frameshift.corpus import from_frame
    >>> c = from_frame(pd.DataFrame({"statement_id": ["s1", "s2"], "actor": ["a", "b"],
    ...     "text": ["Talks and dialogue now.", "Coercion, not dialogue."]}))
    >>> lex = {"dialogue": ["talks", "dialogue"], "coercion": ["coercion"]}
    >>> t = leave_one_out(c, lex, between=("a", "b"))
    >>> t[["rank", "dropped", "matches_before", "matches_after"]]
       rank   dropped  matches_before  matches_after
    0     1  dialogue               3              1
    1     2  coercion               1              0
    2     3     talks               3              2
    >>> round(float(t["measure_before"][0]), 4), round(float(t["measure_after"][0]), 4)
    (0.3113, 1.0)
    """
    from frameshift.errors import check_corpus_argument
    check_corpus_argument(corpus, "corpus", "leave_one_out")
    from frameshift.lexicon import read_lexicon, lexicon_from_dict
    from frameshift.matching import find_matches

    if unit not in ("pattern", "category"):
        raise OptionError(f"unit must be 'pattern' or 'category', not {unit!r}.")
    if isinstance(lexicon, str):
        lexicon = read_lexicon(lexicon)
    elif isinstance(lexicon, dict):
        lexicon = lexicon_from_dict(lexicon)
    if not hasattr(lexicon, "category_ids"):
        from frameshift.errors import bad_argument
        raise bad_argument("leave_one_out", "lexicon", lexicon,
                           "a Lexicon, a bundled lexicon name or a dict of patterns",
                           "Read one with read_lexicon(...).")
    cats = lexicon.category_ids
    if measure is None:
        if between is None or len(between) != 2:
            raise OptionError("leave_one_out needs between=(group_a, group_b) for the default "
                              "measure (the JSD of their category profiles), or a measure=.")
        if by not in corpus.statements.columns:
            raise OptionError(f"The corpus has no statement column {by!r}; columns: "
                              f"{', '.join(map(str, corpus.statements.columns))}.")
        groups = set(corpus.statements[by].astype(str))
        absent = [g for g in between if str(g) not in groups]
        if absent:
            raise OptionError(f"{by} {absent[0]!r} is not in the corpus; {by} values: "
                              f"{', '.join(sorted(groups)[:20])}.")

        def measure(m, categories):
            return group_jsd(m.merge(corpus.statements[["statement_id", by]].astype(
                {"statement_id": str}).drop_duplicates("statement_id"),
                on="statement_id", how="left", suffixes=("_m", "")) if by not in m.columns
                else m, by=by, between=between, categories=categories)

    def run(lex):
        m = find_matches(corpus, lex, settings=settings)
        return filter(m) if filter is not None else m

    base = run(lexicon)
    before_counts = base["category"].value_counts()
    before = float(measure(base, cats))
    variants = []
    for cat in lexicon:
        if unit == "category":
            variants.append((cat.id, cat.id, "", None))
        else:
            for i, p in enumerate(cat.patterns):
                variants.append((p.text, cat.id, p.text, i))
    rows = []
    for dropped, cat, pattern, idx in variants:
        m = run(_without(lexicon, cat, idx))
        after = float(measure(m, cats))
        n_before = int(before_counts.get(cat, 0))
        n_after = int((m["category"] == cat).sum())
        rows.append({"dropped": dropped, "category": cat, "pattern": pattern,
                     "matches_before": n_before, "matches_after": n_after,
                     "matches_change": n_after - n_before, "measure_before": before,
                     "measure_after": after, "measure_change": after - before})
    out = pd.DataFrame(rows, columns=[c for c in SENSITIVITY_COLUMNS if c != "rank"])
    key_m = out["measure_change"].abs().fillna(-1.0)
    key_c = out["matches_change"].abs()
    order = np.lexsort((np.arange(len(out)), -key_c.to_numpy(), -key_m.to_numpy()))
    out = out.iloc[order].reset_index(drop=True)
    out.insert(0, "rank", np.arange(1, len(out) + 1))
    return out
