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

__all__ = ["krippendorff_alpha", "percent_agreement", "intercoder_reliability", "ALPHA_LEVELS",
           "RELIABILITY_COLUMNS"]

#: Columns of :func:`intercoder_reliability` (after the ``by`` column).
RELIABILITY_COLUMNS = ("units", "coders", "agreement", "alpha", "alpha_low", "alpha_high")

#: Levels of measurement :func:`krippendorff_alpha` accepts.
ALPHA_LEVELS = ("nominal", "ordinal", "interval", "ratio")


def _show(value) -> str:
    return repr(value.item() if isinstance(value, np.generic) else value)


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


def intercoder_reliability(sheets, *, unit: str = "unit", code: str = "relevant",
                           by: str | None = "category", level: str = "nominal",
                           n_boot: int = 1000, seed: int = 0, ci: float = 0.95):
    """Percent agreement and Krippendorff's alpha per group, from two or more coders' sheets.

    Parameters
    ----------
    sheets : mapping of coder name -> pandas.DataFrame
        Each coder's coded sheet: a ``unit`` column identifying the line (the same ids in
        every sheet), the ``code`` column, and (unless ``by`` is None) the ``by`` column.
        Missing codes (NaN/None) are allowed and left out of the pairs.
    unit, code, by : str
        Column names; ``by=None`` gives one overall row.
    level : str, default "nominal"
        Level of measurement (see :func:`krippendorff_alpha`).
    n_boot : int, default 1000
        Bootstrap replicates for the alpha interval (0 for none). Units are resampled with
        replacement within each group and alpha recomputed (a percentile interval); this is
        a plain unit bootstrap, not Krippendorff's own resampling of coincidences, and it is
        rough for small samples: report the number of units with it.
    seed : int, default 0
    ci : float, default 0.95
        Interval level.

    Returns
    -------
    pandas.DataFrame
        One row per group (groups in order of first appearance in the first sheet):
        ``by``, ``units`` (units coded by two or more coders), ``coders``, ``agreement``,
        ``alpha``, ``alpha_low``, ``alpha_high`` (NaN when ``n_boot`` is 0, when every
        replicate is undefined, or when every replicate gives the same alpha -- perfect
        agreement on a few units -- since a zero-width interval would claim certainty).

    Examples
    --------
    Two coders, four KWIC lines; they disagree on line 2. By hand: agreement 3/4; coincidences
    o00=4, o01=o10=1, o11=2, so D_o = 2/8 and D_e = 2*5*3/(8*7), alpha = 1 - 0.25/0.5357 = 0.533.

    >>> import pandas as pd
    >>> ana = pd.DataFrame({"unit": [1, 2, 3, 4], "relevant": [1, 1, 0, 0]})
    >>> ben = pd.DataFrame({"unit": [1, 2, 3, 4], "relevant": [1, 0, 0, 0]})
    >>> r = intercoder_reliability({"ana": ana, "ben": ben}, by=None, n_boot=0)
    >>> int(r["units"][0]), int(r["coders"][0]), float(r["agreement"][0])
    (4, 2, 0.75)
    >>> round(float(r["alpha"][0]), 3)
    0.533

    Raises
    ------
    OptionError
        Fewer than two sheets, a missing column, a unit id repeated within a sheet, or a
        unit whose group differs between sheets.
    """
    import pandas as pd

    if not hasattr(sheets, "items") or len(sheets) < 2:
        raise OptionError("sheets must map two or more coder names to their coded tables.")
    if not 0 < ci < 1:
        raise OptionError(f"ci must lie strictly between 0 and 1, not {ci!r}.")
    coders = list(sheets)
    wide = None
    for name in coders:
        sheet = sheets[name]
        need = [unit, code] + ([] if by is None else [by])
        absent = [c for c in need if c not in sheet.columns]
        if absent:
            raise OptionError(f"Coder {name!r}: the sheet has no column(s) "
                              f"{', '.join(map(repr, absent))}; columns: "
                              f"{', '.join(map(str, sheet.columns))}.")
        dup = sheet[unit][sheet[unit].duplicated()]
        if len(dup):
            raise OptionError(f"Coder {name!r}: unit {_show(dup.iloc[0])} appears more than "
                              "once; each line must be coded once per coder.")
        part = sheet[need].rename(columns={code: ("code", name)})
        if wide is None:
            wide = part
        else:
            if by is not None:
                merged = wide[[unit, by]].merge(part[[unit, by]], on=unit, how="inner")
                clash = merged[merged[f"{by}_x"] != merged[f"{by}_y"]]
                if len(clash):
                    raise OptionError(f"Coder {name!r}: unit {_show(clash[unit].iloc[0])} has "
                                      f"{by} {_show(clash[f'{by}_y'].iloc[0])}, but "
                                      f"{_show(clash[f'{by}_x'].iloc[0])} in an earlier sheet.")
                part = part.drop(columns=[by])
            wide = wide.merge(part, on=unit, how="outer")
    code_cols = [("code", name) for name in coders]
    groups = [(None, wide)] if by is None else [
        (key, wide[wide[by] == key]) for key in pd.unique(wide[by].dropna())]
    rng = np.random.default_rng(seed)
    rows = []
    for key, frame in groups:
        data = frame[code_cols].to_numpy(dtype=object).T
        data = np.where(pd.isna(data), None, data)
        pairable = [j for j in range(data.shape[1])
                    if sum(v is not None for v in data[:, j]) >= 2]
        row = {} if by is None else {by: key}
        if not pairable:
            row.update(units=0, coders=len(coders), agreement=math.nan, alpha=math.nan,
                       alpha_low=math.nan, alpha_high=math.nan)
            rows.append(row)
            continue
        data = data[:, pairable]
        alpha = krippendorff_alpha(data, level=level)
        low = high = math.nan
        if n_boot:
            reps = []
            for _ in range(int(n_boot)):
                pick = rng.integers(0, data.shape[1], size=data.shape[1])
                reps.append(krippendorff_alpha(data[:, pick], level=level))
            reps = np.array(reps, dtype=float)
            reps = reps[~np.isnan(reps)]
            # every resample giving the same alpha (e.g. perfect agreement on a few units)
            # would make a zero-width "interval" that claims certainty: none is reported
            if len(reps) and reps.max() > reps.min():
                low, high = (float(x) for x in np.quantile(reps, [(1 - ci) / 2, (1 + ci) / 2]))
        row.update(units=data.shape[1], coders=len(coders),
                   agreement=percent_agreement(data), alpha=alpha,
                   alpha_low=low, alpha_high=high)
        rows.append(row)
    cols = ([] if by is None else [by]) + list(RELIABILITY_COLUMNS)
    return pd.DataFrame(rows, columns=cols)
