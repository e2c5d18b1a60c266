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
           "precision_recall", "PRECISION_RECALL_COLUMNS", "validation_sample", "coding_sheet",
           "write_coding_sheet", "read_coding_sheet", "read_coding_sheets", "adjudicate",
           "validation_report", "drop_repeats", "SAMPLE_COLUMNS", "SHEET_COLUMNS",
           "REPORT_COLUMNS", "CODING_RULES"]

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


# --------------------------------------------------------------------------- the coding round trip
#
# validation_sample -> write_coding_sheet (one copy per coder) -> the coders fill in `code`
# -> read_coding_sheets -> validation_report (alpha per category, precision/recall/F1 against
# the adjudicated gold). drop_repeats applies the counting rule "one mention per clause".

#: Columns of :func:`validation_sample`.
SAMPLE_COLUMNS = ("unit", "kind", "category", "statement_id", "actor", "sentence", "left",
                  "keyword", "right", "pattern", "text", "matched", "repeat",
                  "stratum_size", "stratum_sampled")

#: Columns of a coding sheet written by :func:`write_coding_sheet`, in order. The coder fills
#: in ``code`` (1 = an instance of the category's frame, 0 = not) and may write a ``note``.
SHEET_COLUMNS = ("unit", "kind", "category", "label", "statement_id", "actor", "kwic",
                 "sentence_text", "definition", "coding_rule", "code", "note", "matched",
                 "stratum_size", "stratum_sampled")

#: Columns of :func:`validation_report` (after ``category``).
REPORT_COLUMNS = ("matches_coded", "sentences_coded", "coders", "agreement", "alpha",
                  "alpha_low", "alpha_high", "disagreements", "tp", "fp", "fn", "precision",
                  "precision_low", "precision_high", "recall", "recall_low", "recall_high",
                  "f1")

#: The coding rule printed on every row of a coding sheet, by kind of unit.
CODING_RULES = {
    "match": ("Code 1 if the highlighted words, read in their sentence, are an instance of the "
              "category as its definition says (the speaker uses the frame or the name); 0 if "
              "they are a literal hit that does not carry the frame, or if they repeat a "
              "mention of the same category already matched earlier in the same clause (a "
              "clause holds one instance: a designation and its abbreviation, a verb and its "
              "noun in one accusation)."),
    "sentence": ("No pattern of this category matched this sentence. Code 1 if the sentence "
                 "nevertheless expresses the category as its definition says (a miss: a "
                 "synonym, a misspelling, a paraphrase); 0 if not."),
}

_TRUE_CODES = {"1", "1.0", "yes", "y", "true", "t", "relevant"}
_FALSE_CODES = {"0", "0.0", "no", "n", "false", "f", "not relevant", "irrelevant"}
# clause ends for drop_repeats: sentence ends (already separate sentences) and these marks
_CLAUSE_MARKS = frozenset(";:\u2013\u2014")


def _sentence_table(corpus, tokenizer):
    """One row per sentence of every statement: statement_id, actor, sentence, text, start, end."""
    from frameshift.corpus import corpus_tokens

    tokens = corpus_tokens(corpus, tokenizer)
    st = corpus.statements
    rows = []
    for i, (sid, actor, text) in enumerate(zip(st["statement_id"].astype(str),
                                               st["actor"].astype(str), st["text"])):
        starts, ends = tokens.offsets(i)
        sent = tokens.sentence[tokens.doc_slice(i)]
        for s in pd.unique(sent):
            idx = np.flatnonzero(sent == s)
            a, b = int(starts[idx[0]]), int(ends[idx[-1]])
            rows.append((sid, actor, int(s), " ".join(text[a:b].split()), a, b))
    return pd.DataFrame(rows, columns=["statement_id", "actor", "sentence", "text", "start",
                                       "end"])


def validation_sample(corpus, lexicon=None, *, per_category: int = 20,
                      sentences_per_category: int = 10, window: int = 8, seed: int = 0,
                      categories=None, matches=None, settings=None) -> pd.DataFrame:
    """A seeded, stratified coding sample: matches per category, and sentences without one.

    For each category, up to ``per_category`` of its matches are drawn at random (precision),
    and up to ``sentences_per_category`` of the sentences in which it did **not** match
    (recall: a coder marks the sentences that express the frame anyway). Each stratum's size
    and sample size are kept, so that :func:`validation_report` can weight the strata.

    Parameters
    ----------
    corpus : Corpus
    lexicon : Lexicon, str or dict, optional
        Matched with :func:`~frameshift.matching.find_matches` unless ``matches`` is given.
    per_category, sentences_per_category : int
        Sample sizes per category (0 for no units of that kind).
    window : int, default 8
        Words of context left and right of a match.
    seed : int, default 0
    categories : sequence of str, optional
        Default: the lexicon's categories (or those of ``matches``), in order.
    matches : pandas.DataFrame, optional
        A match table to sample from (its settings are used).
    settings : MatchSettings, optional

    Returns
    -------
    pandas.DataFrame
        :data:`SAMPLE_COLUMNS`: ``unit`` (``m0001``... for matches, ``s0001``... for
        sentences), ``kind`` ("match" or "sentence"), ``category``, ``statement_id``,
        ``actor``, ``sentence``, the KWIC ``left``/``keyword``/``right`` (empty for
        sentences), ``pattern``, ``text`` (the whole sentence), ``matched``, ``repeat``
        (True for a match that :func:`drop_repeats` would drop: its category already matched
        earlier in the clause), ``stratum_size`` (matches of the category, or sentences without it) and
        ``stratum_sampled``. Categories in order, units in corpus order within a stratum.

    Examples
    --------
    >>> import pandas as pd
    >>> from frameshift.corpus import from_frame
    >>> c = from_frame(pd.DataFrame({"statement_id": ["a"], "actor": ["x"],
    ...     "text": ["We reject coercion. Talks now. We want dialogue."]}))
    >>> s = validation_sample(c, {"coercion": ["coercion"]}, sentences_per_category=5)
    >>> s[["unit", "kind", "text", "matched", "repeat", "stratum_size"]]
        unit      kind                text  matched  repeat  stratum_size
    0  m0001     match  We reject coercion     True   False             1
    1  s0001  sentence           Talks now    False   False             2
    2  s0002  sentence    We want dialogue    False   False             2
    """
    from frameshift.matching import find_matches, kwic_from_matches
    from frameshift.matching.engine import categories_of, settings_of

    for name, value in (("per_category", per_category),
                        ("sentences_per_category", sentences_per_category)):
        if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < 0:
            raise OptionError(f"{name} must be a whole number 0 or more, not {value!r}.")
    if matches is None:
        if lexicon is None:
            raise OptionError("validation_sample needs a lexicon (or a table of matches).")
        matches = find_matches(corpus, lexicon, settings=settings)
    settings = settings_of(matches, settings)
    cats = list(categories) if categories is not None else categories_of(lexicon, matches)
    sentences = _sentence_table(corpus, settings.tokenizer)
    kept = drop_repeats(matches, corpus, settings=settings)
    first = set(zip(kept["statement_id"].astype(str), kept["category"], kept["token_start"]))
    rng = np.random.default_rng(seed)
    parts = []
    m_no = s_no = 0
    for cat in cats:
        rows = matches[matches["category"] == cat]
        k = min(int(per_category), len(rows))
        if k:
            pick = np.sort(rng.choice(len(rows), size=k, replace=False))
            picked = rows.iloc[pick]
            lines = kwic_from_matches(corpus, picked, window=window, settings=settings)
            key = list(zip(picked["statement_id"].astype(str), picked["sentence"]))
            text = sentences.set_index(["statement_id", "sentence"])["text"]
            part = pd.DataFrame({
                "unit": [f"m{m_no + i + 1:04d}" for i in range(k)], "kind": "match",
                "category": cat, "statement_id": picked["statement_id"].astype(str).tolist(),
                "actor": picked["actor"].astype(str).tolist(),
                "sentence": picked["sentence"].astype(int).tolist(),
                "left": list(lines["left"]), "keyword": list(lines["keyword"]),
                "right": list(lines["right"]), "pattern": picked["pattern"].tolist(),
                "text": [text.get(kk, "") for kk in key], "matched": True,
                "repeat": [(a, cat, t) not in first for a, t in
                           zip(picked["statement_id"].astype(str), picked["token_start"])],
                "stratum_size": len(rows), "stratum_sampled": k})
            m_no += k
            parts.append(part)
        hit = set(zip(rows["statement_id"].astype(str), rows["sentence"].astype(int)))
        free = sentences[[(a, b) not in hit for a, b in
                          zip(sentences["statement_id"], sentences["sentence"])]]
        k = min(int(sentences_per_category), len(free))
        if k:
            picked = free.iloc[np.sort(rng.choice(len(free), size=k, replace=False))]
            part = pd.DataFrame({
                "unit": [f"s{s_no + i + 1:04d}" for i in range(k)], "kind": "sentence",
                "category": cat, "statement_id": picked["statement_id"].tolist(),
                "actor": picked["actor"].tolist(), "sentence": picked["sentence"].tolist(),
                "left": "", "keyword": "", "right": "", "pattern": "",
                "text": picked["text"].tolist(), "matched": False, "repeat": False,
                "stratum_size": len(free), "stratum_sampled": k})
            s_no += k
            parts.append(part)
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in SAMPLE_COLUMNS})
    return pd.concat(parts, ignore_index=True)[list(SAMPLE_COLUMNS)]


def coding_sheet(sample: pd.DataFrame, lexicon=None) -> pd.DataFrame:
    """The coding sheet of a :func:`validation_sample`: one row per unit, ``code`` empty.

    Each row carries what a coder needs to decide without opening anything else: the KWIC
    line (the matched words in ``[[ ]]``) or the sentence, the category's label and
    definition (from ``lexicon``), and the :data:`CODING_RULES` for the kind of unit. The
    sample's ``repeat`` flag is *not* on the sheet (it would tell the coder the answer to the
    repeat rule); :func:`validation_report` takes it from ``sample=``.

    Examples
    --------
    >>> sample = pd.DataFrame({"unit": ["m0001"], "kind": ["match"], "category": ["c"],
    ...     "statement_id": ["a"], "actor": ["x"], "left": ["we reject"],
    ...     "keyword": ["coercion"], "right": [""], "text": ["We reject coercion"],
    ...     "matched": [True], "stratum_size": [1], "stratum_sampled": [1]})
    >>> coding_sheet(sample)["kwic"].tolist()
    ['we reject [[coercion]]']
    """
    from frameshift.errors import check_table_argument
    check_table_argument(sample, "sample", "coding_sheet", "validation_sample(...)")
    from frameshift.lexicon import read_lexicon

    lex = read_lexicon(lexicon) if isinstance(lexicon, str) else lexicon
    labels, definitions = {}, {}
    if lex is not None and not isinstance(lex, dict):
        for cat in lex:
            labels[cat.id] = cat.label or cat.id
            definitions[cat.id] = " ".join(str(cat.definition).split())
    kwic_line = [
        " ".join(p for p in (str(l_), f"[[{k}]]", str(r)) if p).strip() if kind == "match" else ""
        for kind, l_, k, r in zip(sample["kind"], sample["left"], sample["keyword"],
                                  sample["right"])]
    sheet = pd.DataFrame({
        "unit": sample["unit"], "kind": sample["kind"], "category": sample["category"],
        "label": [labels.get(c, c) for c in sample["category"]],
        "statement_id": sample["statement_id"], "actor": sample["actor"], "kwic": kwic_line,
        "sentence_text": sample["text"],
        "definition": [definitions.get(c, "") for c in sample["category"]],
        "coding_rule": [CODING_RULES[k] for k in sample["kind"]], "code": "", "note": "",
        "matched": sample["matched"].astype(bool),
        "stratum_size": sample["stratum_size"],
        "stratum_sampled": sample["stratum_sampled"]})
    return sheet[list(SHEET_COLUMNS)]


def write_coding_sheet(sample: pd.DataFrame, path, *, lexicon=None, force: bool = False):
    """Write a coding sheet (CSV, or Excel ``.xlsx`` via openpyxl) for one coder.

    Give every coder their own copy (``ana.csv``, ``ben.csv``): :func:`read_coding_sheets`
    names each coder by the file name. ``sample`` is a :func:`validation_sample` (or an
    already built :func:`coding_sheet`). An existing file is replaced only with ``force``.

    Returns
    -------
    pathlib.Path

    Examples
    --------
    >>> import tempfile, pathlib
    >>> sample = pd.DataFrame({"unit": ["m0001"], "kind": ["match"], "category": ["c"],
    ...     "statement_id": ["a"], "actor": ["x"], "left": ["we reject"],
    ...     "keyword": ["coercion"], "right": [""], "text": ["We reject coercion"],
    ...     "matched": [True], "stratum_size": [1], "stratum_sampled": [1]})
    >>> out = write_coding_sheet(sample, pathlib.Path(tempfile.mkdtemp()) / "ana.csv")
    >>> out.read_text().splitlines()[0].split(",")[:4]
    ['unit', 'kind', 'category', 'label']
    """
    from frameshift.errors import check_path_argument, check_table_argument
    check_table_argument(sample, "sample", "write_coding_sheet", "validation_sample(...)")
    check_path_argument(path, "path", "write_coding_sheet")
    from pathlib import Path

    from frameshift.errors import OutputExistsError

    path = Path(path)
    sheet = sample if "coding_rule" in sample.columns else coding_sheet(sample, lexicon)
    if path.exists() and not force:
        raise OutputExistsError(f"{path}: exists. Pass force=True (--force) to replace it.",
                                path=path)
    suffix = path.suffix.lower()
    if suffix == ".csv":
        sheet.to_csv(path, index=False)
    elif suffix == ".xlsx":
        try:
            import openpyxl  # noqa: F401
        except ImportError:
            raise OptionError(f"{path}: writing .xlsx needs openpyxl: pip install "
                              "'frameshift[io]' (or write .csv).") from None
        sheet.to_excel(path, index=False, sheet_name="coding")
    else:
        raise OptionError(f"{path}: a coding sheet is written as .csv or .xlsx, not "
                          f"{path.suffix or 'a file without extension'!r}.")
    return path


def _code_value(value):
    """1/0/None for a cell of the ``code`` column; raises ValueError for anything else."""
    if value is None or (isinstance(value, float) and value != value):
        return None
    if isinstance(value, (bool, np.bool_)):
        return int(bool(value))
    text = str(value).strip().lower()
    if not text:
        return None
    if text in _TRUE_CODES:
        return 1
    if text in _FALSE_CODES:
        return 0
    raise ValueError(value)


def read_coding_sheet(path, *, allow_blank: bool = False) -> pd.DataFrame:
    """Read one coder's coded sheet back (CSV or ``.xlsx``), checking every row.

    ``code`` must be 1 or 0 (also accepted: yes/no, y/n, true/false) on every row; a blank
    code is an error unless ``allow_blank`` (then it is a missing code, left out of the pairs).
    Every malformed row is reported at once, each with the file and its row number as shown
    in a spreadsheet (the header is row 1).

    Returns
    -------
    pandas.DataFrame
        ``unit``, ``kind``, ``category``, ``statement_id``, ``actor``, ``matched`` (bool),
        ``repeat`` (bool; only when the sheet has that column, as the gold files of the
        bundled lexicon do), ``stratum_size``, ``stratum_sampled``, ``code`` (nullable Int64: 1, 0 or missing),
        ``note``.

    Raises
    ------
    InputNotFoundError, OptionError
        A missing file or column, or malformed rows (``problems`` lists every one).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> p = pathlib.Path(tempfile.mkdtemp()) / "ana.csv"
    >>> _ = p.write_text("unit,kind,category,code,matched,stratum_size,stratum_sampled\\n"
    ...                  "m0001,match,c,1,True,1,1\\nm0002,match,c,maybe,True,1,1\\n")
    >>> read_coding_sheet(p)
    Traceback (most recent call last):
    ...
    frameshift.errors.OptionError: ...ana.csv: 1 malformed row(s) in the coding sheet.
      ...ana.csv:3: code 'maybe' is not a code. Write 1 (an instance of the category) or 0 (not).
    """
    from frameshift.errors import check_path_argument
    check_path_argument(path, "path", "read_coding_sheet")
    import io
    from pathlib import Path

    from frameshift.errors import Problem
    from frameshift.files import read_input_bytes

    path = Path(path)
    suffix = path.suffix.lower()
    if suffix not in (".csv", ".xlsx"):
        raise OptionError(f"{path}: a coding sheet is a .csv or .xlsx file.", path=path)
    # regular files only (no pipe, device or folder), within the input size limit
    data = read_input_bytes(path, what="coding sheet")
    try:
        if suffix == ".xlsx":
            raw = pd.read_excel(io.BytesIO(data), dtype=object, keep_default_na=False)
        else:
            from frameshift.files import read_back

            raw = read_back(pd.read_csv(io.StringIO(data.decode("utf-8-sig")), dtype=str,
                                        keep_default_na=False), path)
    except (ValueError, OSError, ImportError, UnicodeDecodeError) as exc:
        raise OptionError(f"{path}: cannot read the coding sheet ({type(exc).__name__}: "
                          f"{str(exc)[:200]}). Save it as .csv (UTF-8) or .xlsx.",
                          path=path) from None
    except Exception as exc:  # openpyxl/zipfile raise their own types on a broken .xlsx
        raise OptionError(f"{path}: cannot read the coding sheet ({type(exc).__name__}). "
                          "Save it again as .xlsx or as .csv (UTF-8).", path=path) from None
    need = ("unit", "kind", "category", "code", "matched", "stratum_size", "stratum_sampled")
    absent = [c for c in need if c not in raw.columns]
    if absent:
        raise OptionError(f"{path}: the coding sheet has no column(s) {', '.join(absent)}; "
                          "keep the columns frameshift wrote (write_coding_sheet / "
                          "`frameshift lexicon validate sample`).", path=path)
    problems = []
    codes, matched, sizes, sampled, repeats = [], [], [], [], []
    seen = {}
    for i, row in enumerate(raw.to_dict("records")):
        line = i + 2
        unit = str(row["unit"]).strip()
        if not unit:
            problems.append(Problem("the unit id is empty.", "Keep the unit column as written.",
                                    path=path, line=line))
        elif unit in seen:
            problems.append(Problem(f"unit {unit!r} appears again (first on row {seen[unit]}).",
                                    "Code each unit once; remove the copy.",
                                    path=path, line=line))
        else:
            seen[unit] = line
        kind = str(row["kind"]).strip()
        if kind not in CODING_RULES:
            problems.append(Problem(f"kind {kind!r} is not 'match' or 'sentence'.",
                                    "Keep the kind column as written.", path=path, line=line))
        if not str(row["category"]).strip():
            problems.append(Problem("the category is empty.", "Keep the category column as "
                                    "written.", path=path, line=line))
        try:
            code = _code_value(row["code"])
        except ValueError:
            problems.append(Problem(f"code {row['code']!r} is not a code.",
                                    "Write 1 (an instance of the category) or 0 (not).",
                                    path=path, line=line))
            code = None
        else:
            if code is None and not allow_blank:
                problems.append(Problem("the code is blank.", "Write 1 (an instance of the "
                                        "category) or 0 (not).", path=path, line=line))
        codes.append(code)
        m = _code_value(row["matched"]) if str(row["matched"]).strip().lower() in (
            _TRUE_CODES | _FALSE_CODES) else None
        if m is None or (kind in CODING_RULES and bool(m) != (kind == "match")):
            problems.append(Problem(f"matched {row['matched']!r} does not fit kind {kind!r}.",
                                    "Keep the matched column as written (True for a match).",
                                    path=path, line=line))
        matched.append(bool(m))
        rep = str(row.get("repeat", "")).strip().lower()
        if rep not in _TRUE_CODES | _FALSE_CODES | {""}:
            problems.append(Problem(f"repeat {row['repeat']!r} is not True or False.",
                                    "Keep the repeat column as written.", path=path, line=line))
        repeats.append(rep in _TRUE_CODES)
        for name, out in (("stratum_size", sizes), ("stratum_sampled", sampled)):
            try:
                v = int(float(str(row[name]).strip()))
                if v < 1:
                    raise ValueError
            except ValueError:
                problems.append(Problem(f"{name} {row[name]!r} is not a positive whole number.",
                                        f"Keep the {name} column as written.", path=path,
                                        line=line))
                v = 1
            out.append(v)
    if problems:
        raise OptionError(f"{path}: {len(problems)} malformed row(s) in the coding sheet.",
                          problems=_collapse(problems), path=path)
    out = pd.DataFrame({
        "unit": raw["unit"].astype(str).str.strip(), "kind": raw["kind"].astype(str).str.strip(),
        "category": raw["category"].astype(str).str.strip(),
        "statement_id": raw["statement_id"].astype(str) if "statement_id" in raw else "",
        "actor": raw["actor"].astype(str) if "actor" in raw else "",
        "matched": matched, "repeat": repeats, "stratum_size": sizes,
        "stratum_sampled": sampled, "code": pd.array(codes, dtype="Int64"),
        "note": raw["note"].astype(str) if "note" in raw else ""})
    if "repeat" not in raw.columns:
        out = out.drop(columns=["repeat"])
    return out


def _collapse(problems):
    """Runs of rows with the same problem as one entry, ``file:2-145: the code is blank.``"""
    from frameshift.errors import Problem

    out = []
    for p in problems:
        last = out[-1] if out else None
        if (last is not None and last[0].message == p.message and last[0].fix == p.fix
                and last[2] + 1 == p.line):
            out[-1] = (last[0], last[1], p.line)
        else:
            out.append((p, p.line, p.line))
    return [p if a == b else Problem(p.message, p.fix, path=p.path, line=f"{a}-{b}")
            for p, a, b in out]


def read_coding_sheets(paths, *, allow_blank: bool = False) -> dict:
    """Read two or more coders' sheets: ``{coder: table}``, coders named by file name.

    ``paths`` is a sequence of files (the coder is the file name without extension) or a
    mapping ``{coder: path}``. The sheets must hold the same units with the same category
    and kind; a difference is an error naming both files.

    Examples
    --------
    >>> import tempfile, pathlib
    >>> d = pathlib.Path(tempfile.mkdtemp())
    >>> head = "unit,kind,category,code,matched,stratum_size,stratum_sampled\\n"
    >>> _ = (d / "ana.csv").write_text(head + "m0001,match,c,1,True,1,1\\n")
    >>> _ = (d / "ben.csv").write_text(head + "m0001,match,c,0,True,1,1\\n")
    >>> sheets = read_coding_sheets([d / "ana.csv", d / "ben.csv"])
    >>> sorted(sheets), int(sheets["ben"]["code"][0])
    (['ana', 'ben'], 0)
    """
    from frameshift.errors import check_paths_argument
    if not hasattr(paths, "items") or not paths:
        check_paths_argument(paths, "paths", "read_coding_sheets")
    from pathlib import Path

    items = list(paths.items()) if hasattr(paths, "items") else [
        (Path(p).stem, p) for p in paths]
    names = [n for n, _ in items]
    dup = sorted({n for n in names if names.count(n) > 1})
    if dup:
        raise OptionError(f"Two sheets name the same coder {dup[0]!r} (coders are named by "
                          "file name): rename one file, e.g. ana.csv and ben.csv.")
    sheets = {str(n): read_coding_sheet(p, allow_blank=allow_blank) for n, p in items}
    first_name, first_path = items[0][0], items[0][1]
    ref = sheets[str(first_name)].set_index("unit")[["kind", "category"]]
    for name, path in items[1:]:
        other = sheets[str(name)].set_index("unit")[["kind", "category"]]
        missing = ref.index.difference(other.index)
        extra = other.index.difference(ref.index)
        if len(missing) or len(extra):
            u = (missing if len(missing) else extra)[0]
            raise OptionError(f"{path}: the sheet does not hold the same units as "
                              f"{first_path} (unit {u!r} is in only one of them). Code copies "
                              "of the same sample.")
        joined = ref.join(other.add_suffix("_2"))
        bad = joined[(joined["kind"] != joined["kind_2"]) |
                     (joined["category"] != joined["category_2"])]
        if len(bad):
            raise OptionError(f"{path}: unit {bad.index[0]!r} has category/kind "
                              f"{bad['category_2'].iloc[0]}/{bad['kind_2'].iloc[0]}, but "
                              f"{bad['category'].iloc[0]}/{bad['kind'].iloc[0]} in {first_path}.")
    return sheets


def adjudicate(sheets, *, adjudicator: str | None = None) -> pd.DataFrame:
    """The gold code of every unit from two or more coders: the majority, ties by one coder.

    Parameters
    ----------
    sheets : mapping coder -> table (from :func:`read_coding_sheets`)
    adjudicator : str, optional
        The coder whose code settles a tie (default: the first coder). Report the number of
        ties (``disagreements`` in :func:`validation_report`) with the result.

    Returns
    -------
    pandas.DataFrame
        The first sheet's unit columns with ``gold`` (1/0; missing when no coder coded the
        unit) and ``tie`` (bool).

    Examples
    --------
    >>> a = pd.DataFrame({"unit": ["u1", "u2"], "kind": "match", "category": "c",
    ...                   "code": pd.array([1, 1], dtype="Int64")})
    >>> b = a.assign(code=pd.array([1, 0], dtype="Int64"))
    >>> adjudicate({"ana": a, "ben": b}, adjudicator="ben")[["unit", "gold", "tie"]]
      unit  gold    tie
    0   u1     1  False
    1   u2     0   True
    """
    if not hasattr(sheets, "items") or len(sheets) < 1:
        raise OptionError("sheets must map coder names to their coded tables.")
    coders = list(sheets)
    judge = coders[0] if adjudicator is None else adjudicator
    if judge not in sheets:
        raise OptionError(f"adjudicator {judge!r} is not one of the coders: "
                          f"{', '.join(map(str, coders))}.")
    base = sheets[coders[0]].drop(columns=["code", "note"], errors="ignore").copy()
    codes = pd.DataFrame({c: sheets[c].set_index("unit")["code"] for c in coders})
    codes = codes.reindex(base["unit"])
    ones = (codes == 1).sum(axis=1).to_numpy()
    zeros = (codes == 0).sum(axis=1).to_numpy()
    tie = (ones == zeros) & (ones > 0)
    judge_code = codes[judge].to_numpy(dtype=object)
    gold = []
    for o, z, t, j in zip(ones, zeros, tie, judge_code):
        if o == 0 and z == 0:
            gold.append(pd.NA)
        elif t:
            gold.append(pd.NA if j is pd.NA or j is None else int(j))
        else:
            gold.append(1 if o > z else 0)
    base["gold"] = pd.array(gold, dtype="Int64")
    base["tie"] = tie
    return base.reset_index(drop=True)


def _weighted_rate(k_w, n_w, weights, level):
    """Weighted proportion k_w/n_w with a Wilson interval on Kish's effective sample size."""
    nan = float("nan")
    if n_w <= 0:
        return nan, nan, nan
    p = k_w / n_w
    w = np.asarray(weights, dtype=float)
    n_eff = w.sum() ** 2 / (w ** 2).sum()
    from scipy.stats import norm

    z = float(norm.ppf(0.5 + level / 2))
    den = 1 + z * z / n_eff
    centre = (p + z * z / (2 * n_eff)) / den
    half = z * np.sqrt(p * (1 - p) / n_eff + z * z / (4 * n_eff ** 2)) / den
    return p, max(0.0, float(centre - half)), min(1.0, float(centre + half))


def validation_report(sheets, *, adjudicator: str | None = None, n_boot: int = 1000,
                      seed: int = 0, level: float = 0.95, repeats: str = "keep",
                      sample=None) -> pd.DataFrame:
    """Reliability and validity of a lexicon from coded sheets: one row per category, and "all".

    Parameters
    ----------
    sheets : mapping coder -> table, or one table
        From :func:`read_coding_sheets` (two or more coders for alpha; with one coder the
        alpha columns are NaN).
    adjudicator : str, optional
        Settles ties for the gold standard (see :func:`adjudicate`).
    n_boot, seed : int
        Unit bootstrap of alpha (see :func:`~frameshift.measures.reliability.intercoder_reliability`).
    level : float, default 0.95
    repeats : {"keep", "drop"}, default "keep"
        "keep" scores every coded match; "drop" leaves out the matches flagged ``repeat``
        (those :func:`drop_repeats` removes), giving the precision and recall of counts made
        under the once-per-clause rule. Alpha always uses every unit.
    sample : pandas.DataFrame, str or path, optional
        The :func:`validation_sample` table (or a CSV of it, as ``frameshift lexicon validate
        sample`` writes beside the sheets) giving each unit's ``repeat`` flag, for
        ``repeats="drop"`` when the sheets do not carry the flag.

    Returns
    -------
    pandas.DataFrame
        ``category`` then :data:`REPORT_COLUMNS`: units coded, coders, percent agreement,
        Krippendorff's alpha (nominal) with its bootstrap interval, ties settled by the
        adjudicator, and against the gold: ``tp`` (coded matches that are instances),
        ``fp`` (coded matches that are not), ``fn`` (coded sentences without a match that
        are instances), precision (a Wilson interval; a category's matches form one
        stratum, so no weighting is needed), recall and F1. Recall weights each stratum
        by its sampling fraction (matches found, sentences missed: size / sampled) and its
        Wilson interval uses Kish's effective sample size; when every unit of both strata
        is coded it is the plain tp / (tp + fn). Recall counts found instances as matches
        and missed ones as sentences. The "all" row pools the categories (precision and
        recall weighted the same way).

    Examples
    --------
    >>> a = pd.DataFrame({"unit": ["m1", "m2", "s1"], "kind": ["match", "match", "sentence"],
    ...     "category": "c", "matched": [True, True, False], "stratum_size": [2, 2, 5],
    ...     "stratum_sampled": [2, 2, 1], "code": pd.array([1, 0, 1], dtype="Int64")})
    >>> r = validation_report({"ana": a}, n_boot=0).iloc[0]
    >>> int(r.tp), int(r.fp), int(r.fn), float(r.precision), round(float(r.recall), 4)
    (1, 1, 1, 0.5, 0.1667)
    """
    from .reliability import intercoder_reliability

    if isinstance(sheets, pd.DataFrame):
        sheets = {"coder": sheets}
    if not hasattr(sheets, "items") or not len(sheets):
        raise OptionError("sheets must map coder names to their coded tables.")
    if repeats not in ("keep", "drop"):
        raise OptionError(f"repeats must be 'keep' or 'drop', not {repeats!r}.")
    gold = adjudicate(sheets, adjudicator=adjudicator)
    if repeats == "drop":
        if sample is not None:
            if not isinstance(sample, pd.DataFrame):
                from frameshift.files import read_input_bytes
                import io

                sample = pd.read_csv(io.StringIO(read_input_bytes(
                    sample, what="sample").decode("utf-8-sig")), dtype={"unit": str})
            if not {"unit", "repeat"} <= set(sample.columns):
                raise OptionError("sample= must hold the columns unit and repeat (the "
                                  "validation_sample table).")
            flags = dict(zip(sample["unit"].astype(str),
                             sample["repeat"].astype(str).str.lower().isin(["true", "1"])))
            missing = [u for u in gold["unit"] if u not in flags]
            if missing:
                raise OptionError(f"unit {missing[0]!r} of the sheets is not in the sample: "
                                  "give the sample the sheets were made from.")
            gold = gold.assign(repeat=[flags[u] for u in gold["unit"]])
        elif "repeat" not in gold.columns:
            raise OptionError("repeats='drop' needs each unit's repeat flag: pass sample= (the "
                              "validation_sample table, or the sample.csv `frameshift lexicon "
                              "validate sample` writes beside the sheets).")
        gold = gold[~gold["repeat"].astype(bool)].reset_index(drop=True)
    coded = gold[gold["gold"].notna()].copy()
    coded["g"] = coded["gold"].astype(int).to_numpy()
    coded["w"] = (coded["stratum_size"].astype(float) / coded["stratum_sampled"].astype(float))
    cats = list(pd.unique(gold["category"]))
    rel = None
    if len(sheets) >= 2:
        rel_sheets = {c: s[["unit", "category", "code"]].assign(
            code=s["code"].astype(object).where(s["code"].notna(), None))
            for c, s in sheets.items()}
        rel = intercoder_reliability(rel_sheets, unit="unit", code="code", by="category",
                                     n_boot=n_boot, seed=seed, ci=level)
        rel_all = intercoder_reliability(rel_sheets, unit="unit", code="code", by=None,
                                         n_boot=n_boot, seed=seed, ci=level)
    rows = []
    nan = float("nan")
    for cat in cats + ["all"]:
        part = coded if cat == "all" else coded[coded["category"] == cat]
        units = gold if cat == "all" else gold[gold["category"] == cat]
        is_m = part["kind"].to_numpy() == "match"
        g = part["g"].to_numpy() == 1
        w = part["w"].to_numpy()
        tp, fp, fn = int((is_m & g).sum()), int((is_m & ~g).sum()), int((~is_m & g).sum())
        if cat == "all":
            # pooled precision: each category's matches weighted by its sampling fraction
            p, pl, ph = _weighted_rate(w[is_m & g].sum(), w[is_m].sum(), w[is_m], level)
        elif tp + fp:
            p = tp / (tp + fp)
            pl, ph = wilson_interval(tp, tp + fp, level=level)
        else:
            p = pl = ph = nan
        r, rl, rh = _weighted_rate(w[is_m & g].sum(), w[g].sum(), w[g], level) if g.any() \
            else (nan, nan, nan)
        f1 = 2 * p * r / (p + r) if (p == p and r == r and p + r) else nan
        row = {"category": cat, "matches_coded": int((units["kind"] == "match").sum()),
               "sentences_coded": int((units["kind"] == "sentence").sum()),
               "coders": len(sheets), "agreement": nan, "alpha": nan, "alpha_low": nan,
               "alpha_high": nan, "disagreements": int(units["tie"].sum()),
               "tp": tp, "fp": fp, "fn": fn, "precision": p, "precision_low": pl,
               "precision_high": ph, "recall": r, "recall_low": rl, "recall_high": rh,
               "f1": f1}
        if rel is not None:
            src = rel_all.iloc[0] if cat == "all" else rel[rel["category"] == cat].iloc[0]
            row.update(agreement=float(src["agreement"]), alpha=float(src["alpha"]),
                       alpha_low=float(src["alpha_low"]), alpha_high=float(src["alpha_high"]))
        rows.append(row)
    return pd.DataFrame(rows, columns=["category", *REPORT_COLUMNS])


def drop_repeats(matches: pd.DataFrame, corpus, *, settings=None) -> pd.DataFrame:
    """The counting rule "one mention per clause": drop a match that repeats its category in a clause.

    A clause runs between sentence ends, semicolons, colons and dashes (en and em); commas do
    not end one (they separate list items and dates as often as clauses). Within a clause,
    only the first match of each category is kept: "de facto NKR authorities"
    is one status designation, "impose ... through coercion" one accusation. Pass the
    result as ``matches=`` to :func:`~frameshift.matching.count_matches`,
    :func:`~frameshift.measures.shift` or the figures, so every stage counts the same way.

    Returns
    -------
    pandas.DataFrame
        The kept rows (same columns and ``attrs``), index reset.

    Examples
    --------
    >>> from frameshift.corpus import from_frame
    >>> from frameshift.matching import find_matches
    >>> c = from_frame(pd.DataFrame({"statement_id": ["a"], "actor": ["x"],
    ...     "text": ["They impose through coercion, by coercion; coercion again."]}))
    >>> m = find_matches(c, {"coercion": ["impose", "coercion"]})
    >>> drop_repeats(m, c)["match"].tolist()
    ['impose', 'coercion']
    """
    from frameshift.errors import check_corpus_argument, check_table_argument
    check_table_argument(matches, "matches", "drop_repeats", "find_matches(...)")
    check_corpus_argument(corpus, "corpus", "drop_repeats")
    from frameshift.corpus import corpus_tokens
    from frameshift.matching.engine import settings_of

    if not len(matches):
        return matches.copy()
    settings = settings_of(matches, settings)
    tokens = corpus_tokens(corpus, settings.tokenizer)
    st = corpus.statements
    index = {str(s): i for i, s in enumerate(st["statement_id"].astype(str))}
    texts = st["text"].tolist()
    clause_of = {}
    for sid in pd.unique(matches["statement_id"].astype(str)):
        i = index[sid]
        starts, ends = tokens.offsets(i)
        sent = tokens.sentence[tokens.doc_slice(i)]
        text = texts[i]
        clause = np.zeros(len(starts), dtype=np.int64)
        c = 0
        for j in range(1, len(starts)):
            gap = text[int(ends[j - 1]):int(starts[j])]
            if sent[j] != sent[j - 1] or any(ch in _CLAUSE_MARKS for ch in gap):
                c += 1
            clause[j] = c
        clause_of[sid] = clause
    keep = []
    seen = set()
    for row, (sid, cat, t0) in enumerate(zip(matches["statement_id"].astype(str),
                                             matches["category"], matches["token_start"])):
        key = (sid, cat, int(clause_of[sid][int(t0)]))
        keep.append(key not in seen)
        seen.add(key)
    out = matches[np.array(keep, dtype=bool)].reset_index(drop=True)
    out.attrs = dict(matches.attrs)
    return out
