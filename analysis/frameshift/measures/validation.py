"""Validating a lexicon by hand: draw a coding sample, code it, estimate precision with a Wilson interval.

The loop a methods section describes: read a random sample of each category's matches in
context (:func:`coding_sample`), mark each line relevant or not (a ``relevant`` column the
analyst fills in), and report the share of relevant matches with a confidence interval that
behaves well for the small samples hand-coding produces (:func:`wilson_interval`,
:func:`precision`).
"""

from __future__ import annotations


import numpy as np
import pandas as pd

from frameshift.errors import OptionError

__all__ = ["wilson_interval", "coding_sample", "precision", "PRECISION_COLUMNS",
           "precision_recall", "PRECISION_RECALL_COLUMNS"]

#: Columns of :func:`precision_recall` (after the ``by`` column).
PRECISION_RECALL_COLUMNS = ("tp", "fp", "fn", "precision", "precision_low", "precision_high",
                            "recall", "recall_low", "recall_high", "f1")

#: Columns of :func:`precision` (after the ``by`` column).
PRECISION_COLUMNS = ("n", "relevant", "precision", "ci_low", "ci_high")


def wilson_interval(successes, n, *, level: float = 0.95) -> tuple[float, float]:
    """Wilson score interval for a binomial proportion (Wilson 1927; Newcombe 1998, method 3).

    Unlike the textbook ``p +/- z*sqrt(p(1-p)/n)`` interval, it stays inside 0..1 and keeps
    its coverage for small samples and proportions near 0 or 1 -- the usual case when a
    handful of matches are coded by hand.

    Parameters
    ----------
    successes : int
        Number of relevant items (0 <= successes <= n).
    n : int
        Number of items coded (> 0).
    level : float, default 0.95
        Confidence level.

    Returns
    -------
    (float, float)
        Lower and upper bound.

    Raises
    ------
    OptionError
        If ``n`` is not positive, ``successes`` is outside 0..n, or ``level`` outside (0, 1).

    Examples
    --------
    8 relevant matches out of 10 coded:

    >>> low, high = wilson_interval(8, 10)
    >>> round(low, 4), round(high, 4)
    (0.4902, 0.9433)
    >>> [round(x, 4) for x in wilson_interval(0, 20)]
    [0.0, 0.1611]
    """
    import numbers

    for name, v in (("successes", successes), ("n", n)):
        if not isinstance(v, numbers.Real) or isinstance(v, bool) or v != v \
                or float(v) != int(v):
            from frameshift.errors import bad_argument
            raise bad_argument("wilson_interval", name, v, "a whole number",
                               "Give counts (0 <= successes <= n).")
    if not isinstance(level, numbers.Real) or not 0 < level < 1:
        raise OptionError(f"level must lie strictly between 0 and 1, not {level!r}.")
    n = int(n)
    k = int(successes)
    if n <= 0:
        raise OptionError(f"n must be a positive number of coded items, not {n}.")
    if not 0 <= k <= n:
        raise OptionError(f"successes must lie between 0 and n={n}, not {k}.")
    from scipy.stats import binomtest

    ci = binomtest(k, n).proportion_ci(confidence_level=level, method="wilson")
    return max(0.0, float(ci.low)), min(1.0, float(ci.high))


def coding_sample(table, *, per_group: int = 5, by: str = "category", seed: int = 0):
    """A random sample of up to ``per_group`` rows per group, with an empty ``relevant`` column.

    Parameters
    ----------
    table : pandas.DataFrame
        Matches or KWIC lines (one row per match), e.g. from
        :func:`frameshift.matching.concordance.kwic` or :func:`frameshift.matching.find_matches`.
    per_group : int, default 5
        Rows drawn per group (all rows of a smaller group).
    by : str, default "category"
        Column that defines the groups.
    seed : int, default 0
        Seed of the random draw.

    Returns
    -------
    pandas.DataFrame
        The sampled rows (same type and columns as ``table``, groups in order of first
        appearance, rows in their original order within a group, index reset) plus
        ``relevant``: a nullable boolean column, all missing, for the analyst to fill in.

    Examples
    --------
    >>> t = pd.DataFrame({"category": ["a", "a", "a", "b"], "keyword": ["w", "x", "y", "z"]})
    >>> s = coding_sample(t, per_group=2, seed=1)
    >>> s["category"].tolist(), int(s["relevant"].isna().sum())
    (['a', 'a', 'b'], 3)
    """
    if int(per_group) < 1:
        raise OptionError(f"per_group must be 1 or more, not {per_group!r}.")
    from frameshift.errors import check_table_argument
    check_table_argument(table, "table", "coding_sample", "count_matches(...) or kwic(...)")
    if by not in table.columns:
        raise OptionError(f"The table has no column {by!r} to sample by; columns: "
                          f"{', '.join(map(str, table.columns))}.")
    rng = np.random.default_rng(seed)
    keys = pd.unique(table[by])
    picked = []
    values = table[by].to_numpy()
    for key in keys:
        rows = np.flatnonzero(values == key)
        if len(rows) > per_group:
            rows = np.sort(rng.choice(rows, size=int(per_group), replace=False))
        picked.extend(rows.tolist())
    out = table.iloc[picked].reset_index(drop=True)
    out["relevant"] = pd.array([pd.NA] * len(out), dtype="boolean")
    return out


def precision(coded: pd.DataFrame, *, by: str = "category", relevant: str = "relevant",
              level: float = 0.95) -> pd.DataFrame:
    """Share of relevant matches per group, with a Wilson interval.

    Parameters
    ----------
    coded : pandas.DataFrame
        A coding sample (see :func:`coding_sample`) whose ``relevant`` column has been filled
        with True/False for every row.
    by : str or None, default "category"
        Column to group by; ``None`` for one overall estimate.
    relevant : str, default "relevant"
        The column holding the analyst's codes.
    level : float, default 0.95

    Returns
    -------
    pandas.DataFrame
        One row per group: the ``by`` column (absent when ``by`` is None), ``n`` (rows coded),
        ``relevant`` (rows coded True), ``precision``, ``ci_low``, ``ci_high``.

    Raises
    ------
    OptionError
        If a row is not coded yet or a code is not True/False.

    Examples
    --------
    >>> coded = pd.DataFrame({"category": ["a"] * 10, "relevant": [True] * 8 + [False] * 2})
    >>> precision(coded).round(4)
      category   n  relevant  precision  ci_low  ci_high
    0        a  10         8        0.8  0.4902   0.9433
    """
    from frameshift.errors import check_table_argument
    check_table_argument(coded, "coded", "precision", "the coded sheet (a pandas.DataFrame)")
    if relevant not in coded.columns:
        raise OptionError(f"The table has no column {relevant!r}; add it and fill it with "
                          "True (relevant) or False (not relevant) for every row.")
    codes = coded[relevant]
    missing = np.flatnonzero(codes.isna().to_numpy())
    if len(missing):
        rows = ", ".join(str(i) for i in missing[:10]) + (", ..." if len(missing) > 10 else "")
        raise OptionError(f"{len(missing)} row(s) are not coded yet (rows {rows}): fill in "
                          f"the {relevant!r} column with True or False.")
    bad = [v for v in codes.tolist() if not isinstance(v, (bool, np.bool_))]
    if bad:
        raise OptionError(f"The {relevant!r} column must hold True or False, found "
                          f"{bad[0]!r}; code every row as True (relevant) or False.")
    flags = codes.astype(bool).to_numpy()
    groups = [(None, np.ones(len(coded), bool))] if by is None else [
        (key, (coded[by] == key).to_numpy()) for key in pd.unique(coded[by])]
    rows = []
    for key, mask in groups:
        n = int(mask.sum())
        k = int(flags[mask].sum())
        low, high = wilson_interval(k, n, level=level)
        row = {} if by is None else {by: key}
        row.update(n=n, relevant=k, precision=k / n, ci_low=low, ci_high=high)
        rows.append(row)
    cols = ([] if by is None else [by]) + list(PRECISION_COLUMNS)
    return pd.DataFrame(rows, columns=cols)


def _flags(coded, column):
    from frameshift.errors import check_table_argument
    check_table_argument(coded, "the coded sheet", "precision_recall", "pandas.read_csv(...)")
    if column not in coded.columns:
        raise OptionError(f"The table has no column {column!r}; fill it with True or False "
                          "for every row.")
    codes = coded[column]
    for i, v in enumerate(codes.tolist()):
        if not isinstance(v, (bool, np.bool_)):
            raise OptionError(f"Row {i}: column {column!r} must hold True or False, found "
                              f"{v!r}; code every row.")
    return codes.astype(bool).to_numpy()


def precision_recall(coded: pd.DataFrame, *, by: str | None = "category",
                     matched: str = "matched", gold: str = "relevant",
                     level: float = 0.95) -> pd.DataFrame:
    """Precision, recall and F1 of the lexicon against hand-coded gold, with Wilson intervals.

    Parameters
    ----------
    coded : pandas.DataFrame
        One row per coded unit (a match, or a sampled sentence without a match): ``matched``
        (True when the lexicon's category matched the unit) and ``gold`` (True when the coder
        says the unit is an instance of the category's frame).
    by : str or None, default "category"
        Column to group by; None for one overall row.
    matched, gold : str
        Column names.
    level : float, default 0.95

    Returns
    -------
    pandas.DataFrame
        Per group: ``tp`` (matched and gold), ``fp`` (matched, not gold), ``fn`` (gold, not
        matched), precision = tp/(tp+fp) and recall = tp/(tp+fn) each with a Wilson
        interval, and F1 = 2PR/(P+R). A value is NaN when its denominator is 0. Recall from
        a sample is only as good as the sample of non-matching units.

    Examples
    --------
    >>> coded = pd.DataFrame({"matched": [True, True, True, False, False],
    ...                       "relevant": [True, True, False, True, False]})
    >>> r = precision_recall(coded, by=None).iloc[0]
    >>> int(r.tp), int(r.fp), int(r.fn), round(float(r.precision), 3), round(float(r.f1), 3)
    (2, 1, 1, 0.667, 0.667)
    """
    m = _flags(coded, matched)
    g = _flags(coded, gold)
    groups = [(None, np.ones(len(coded), bool))] if by is None else [
        (key, (coded[by] == key).to_numpy()) for key in pd.unique(coded[by])]
    rows = []
    nan = float("nan")
    for key, mask in groups:
        tp = int((m & g & mask).sum())
        fp = int((m & ~g & mask).sum())
        fn = int((~m & g & mask).sum())
        row = {} if by is None else {by: key}
        p = tp / (tp + fp) if tp + fp else nan
        r = tp / (tp + fn) if tp + fn else nan
        pl, ph = wilson_interval(tp, tp + fp, level=level) if tp + fp else (nan, nan)
        rl, rh = wilson_interval(tp, tp + fn, level=level) if tp + fn else (nan, nan)
        f1 = 2 * p * r / (p + r) if (p == p and r == r and p + r) else nan
        row.update(tp=tp, fp=fp, fn=fn, precision=p, precision_low=pl, precision_high=ph,
                   recall=r, recall_low=rl, recall_high=rh, f1=f1)
        rows.append(row)
    cols = ([] if by is None else [by]) + list(PRECISION_RECALL_COLUMNS)
    return pd.DataFrame(rows, columns=cols)
