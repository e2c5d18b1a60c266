"""Intercoder reliability: Krippendorff's alpha and percent agreement for two or more coders.

Two coders read the same KWIC sample and code each line; before their codes serve as a gold
standard, a methods section reports how far they agree beyond chance. Krippendorff's alpha
(Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability", Annenberg School for
Communication, University of Pennsylvania) handles any number of coders, missing codes and
nominal, ordinal, interval or ratio data. This is our own implementation of the
coincidence-matrix computation in that paper; the tests check it against the paper's
worked examples.
"""

from __future__ import annotations

import math

import numpy as np

from frameshift.errors import OptionError

__all__ = ["krippendorff_alpha", "percent_agreement", "ALPHA_LEVELS"]

#: Levels of measurement :func:`krippendorff_alpha` accepts.
ALPHA_LEVELS = ("nominal", "ordinal", "interval", "ratio")


def _is_missing(value) -> bool:
    if value is None:
        return True
    try:
        return bool(value != value)  # NaN, pandas.NA raises -> handled below
    except TypeError:
        return True


def _units(reliability_data) -> list[list]:
    """Rows = coders, columns = units -> per unit, the list of non-missing codes."""
    try:
        rows = [list(row) for row in reliability_data]
    except TypeError:
        raise OptionError("reliability_data must be a table of codes: one row per coder, "
                          "one column per unit (use None or NaN for a missing code).") from None
    if len(rows) < 2:
        raise OptionError(f"Reliability needs at least two coders (rows); got {len(rows)}.")
    widths = {len(r) for r in rows}
    if len(widths) != 1:
        raise OptionError("Every coder (row) must have one code per unit; row lengths are "
                          f"{sorted(widths)}. Use None or NaN for a unit a coder did not code.")
    width = widths.pop()
    units = []
    for j in range(width):
        codes = []
        for row in rows:
            v = row[j]
            try:
                missing = _is_missing(v)
            except Exception:  # pandas.NA in a boolean context
                missing = True
            if not missing:
                codes.append(v.item() if isinstance(v, np.generic) else v)
        units.append(codes)
    return units


def krippendorff_alpha(reliability_data, *, level: str = "nominal") -> float:
    """Krippendorff's alpha for two or more coders, with missing codes allowed.

    Parameters
    ----------
    reliability_data : sequence of sequences, numpy array or pandas.DataFrame values
        One row per coder, one column per unit (e.g. per KWIC line); ``None`` or NaN where a
        coder did not code a unit. Units coded by fewer than two coders are not pairable and
        do not count (Krippendorff 2011, section C).
    level : {"nominal", "ordinal", "interval", "ratio"}, default "nominal"
        Level of measurement, which sets the difference function. Codes must be numbers for
        the other levels; ordinal ranks follow the sorted distinct codes.

    Returns
    -------
    float
        alpha = 1 - D_o / D_e: 1 for perfect agreement, 0 for agreement at chance level,
        negative for systematic disagreement. NaN when only one distinct code occurs (no
        variation: expected disagreement is 0, alpha undefined).

    Raises
    ------
    OptionError
        Fewer than two coders, ragged rows, no pairable unit, an unknown level, or
        non-numeric codes for a level that needs numbers.

    Examples
    --------
    Krippendorff (2011), section A: two observers, binary data, alpha = 0.095.

    >>> a = [0, 1, 0, 0, 0, 0, 0, 0, 1, 0]
    >>> b = [1, 1, 1, 0, 0, 1, 0, 0, 0, 0]
    >>> round(krippendorff_alpha([a, b]), 3)
    0.095
    """
    if level not in ALPHA_LEVELS:
        raise OptionError(f"level must be one of {', '.join(ALPHA_LEVELS)}, not {level!r}.")
    units = [u for u in _units(reliability_data) if len(u) >= 2]
    if not units:
        raise OptionError("No unit was coded by two or more coders, so nothing can be "
                          "compared: check that the coders' sheets cover the same lines.")
    values = sorted({v for u in units for v in u}, key=lambda v: (str(type(v)), v))
    if level != "nominal":
        bad = [v for v in values if isinstance(v, bool) or not isinstance(v, (int, float))]
        if bad:
            raise OptionError(f"level={level!r} needs numeric codes; found {bad[0]!r}. "
                              "Use level='nominal' for labels.")
        values = sorted(values)
    index = {v: i for i, v in enumerate(values)}
    k = len(values)
    coincidences = np.zeros((k, k))
    for u in units:
        m = len(u)
        ids = [index[v] for v in u]
        counts = np.bincount(ids, minlength=k).astype(float)
        # Ordered pairs of codes from different coders in the unit, each weighted 1/(m-1).
        coincidences += (np.outer(counts, counts) - np.diag(counts)) / (m - 1)
    n_c = coincidences.sum(axis=1)
    n = n_c.sum()
    if k < 2:
        return math.nan
    delta = _delta(np.array(values, dtype=object), n_c, level)
    observed = float((coincidences * delta).sum())
    expected = float((np.outer(n_c, n_c) * delta).sum())
    if expected == 0:
        return math.nan
    return float(1.0 - (n - 1) * observed / expected)


def _delta(values, n_c, level: str):
    k = len(values)
    if level == "nominal":
        return 1.0 - np.eye(k)
    v = values.astype(float)
    if level == "interval":
        return (v[:, None] - v[None, :]) ** 2
    if level == "ratio":
        s = v[:, None] + v[None, :]
        with np.errstate(divide="ignore", invalid="ignore"):
            d = ((v[:, None] - v[None, :]) / s) ** 2
        return np.where(s == 0, 0.0, d)
    # ordinal: (sum of n_g for g from c to k, minus (n_c + n_k)/2) squared
    cum = np.concatenate([[0.0], np.cumsum(n_c)])
    d = np.zeros((k, k))
    for i in range(k):
        for j in range(k):
            lo, hi = min(i, j), max(i, j)
            d[i, j] = (cum[hi + 1] - cum[lo] - (n_c[i] + n_c[j]) / 2) ** 2
    return d


def percent_agreement(reliability_data) -> float:
    """Share of agreeing pairs of codes among all pairs of coders within each unit.

    Same layout as :func:`krippendorff_alpha` (rows = coders, columns = units, ``None``/NaN
    missing); units with fewer than two codes are left out. With two coders this is the
    share of units on which they give the same code.

    Examples
    --------
    >>> percent_agreement([[1, 1, 0, None], [1, 0, 0, 1]])
    0.6666666666666666
    """
    units = [u for u in _units(reliability_data) if len(u) >= 2]
    if not units:
        raise OptionError("No unit was coded by two or more coders, so nothing can be "
                          "compared: check that the coders' sheets cover the same lines.")
    agree = pairs = 0
    for u in units:
        for i in range(len(u)):
            for j in range(i + 1, len(u)):
                pairs += 1
                agree += u[i] == u[j]
    return agree / pairs
