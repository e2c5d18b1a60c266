"""Evaluation of quote finding and speaker attribution against hand-coded quotes.

A gold *quotes* table names each quote by its words rather than by offsets, which is how a
person codes a report by hand: columns ``source`` (article id), ``quote`` (the quoted words,
exactly as in the article, without the quotation marks), ``speaker`` (actor id; empty for a
quoted term that is nobody's speech), ``kind`` (``speech`` or ``term``) and ``pattern`` (free
label, e.g. ``after``, ``pronoun``, ``title``, reported per pattern). Offsets are found by
searching each quote in its article, in order.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from frameshift.errors import CorpusError, InputNotFoundError, Problem

__all__ = ["read_gold_quotes", "evaluate_quotes", "gold_kind", "evaluate_folder", "same_speaker"]

GOLD_QUOTE_COLUMNS = ["source", "quote", "speaker", "kind", "pattern"]


def read_gold_quotes(path, texts: dict, *, source: str | None = None) -> pd.DataFrame:
    """Read a gold quotes CSV and locate each quote in ``texts`` (``{source: article}``).

    Returns the table with ``start`` and ``end`` offsets added. A quote not found in its
    article is an error naming the CSV line. ``source``: the article of a file without a
    ``source`` column (a gold file of one article, see :func:`evaluate_folder`).
    """
    path = Path(path)
    if not path.is_file():
        raise InputNotFoundError(f"{path}: no such gold quotes file. Give a CSV with columns "
                                 f"{','.join(GOLD_QUOTE_COLUMNS)}.", path=path)
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
    if source is not None and "source" not in df.columns:  # one article's gold file
        df.insert(0, "source", source)
    missing = [c for c in GOLD_QUOTE_COLUMNS[:3] if c not in df.columns]
    if missing:
        raise CorpusError(f"{path}:1: missing column(s) {', '.join(missing)}; a gold quotes "
                          f"file needs {','.join(GOLD_QUOTE_COLUMNS)}.", path=path, line=1)
    for col in ("kind", "pattern"):
        if col not in df.columns:
            df[col] = "speech" if col == "kind" else ""
    starts, ends, problems = [], [], []
    cursor: dict = {}
    for i, (src, q) in enumerate(zip(df["source"], df["quote"])):
        text = texts.get(src)
        at = -1 if text is None else _locate(text, q, cursor.get(src, 0))
        if at < 0 and text is not None:
            at = _locate(text, q, 0)
        if at < 0:
            problems.append(Problem(
                f"quote {q[:40]!r} not found in article {src!r}"
                + ("" if text is not None else " (no such article)"),
                "Copy the quoted words exactly as the article has them.", path=path, line=i + 2))
            starts.append(-1)
            ends.append(-1)
            continue
        cursor[src] = at + len(q)
        starts.append(at)
        ends.append(at + len(q))
    if problems:
        raise CorpusError(f"{path}: {len(problems)} problem(s):", problems=problems, path=path)
    df["start"], df["end"] = starts, ends
    df["speaker"] = df["speaker"].replace("", pd.NA)
    return df


_MARKS = set('"“”„«»‘’‹›\'')


def same_speaker(actor, gold) -> bool:
    """Is the automatic speaker ``actor`` the coded speaker ``gold``? (``None``: nobody.)

    Registered ids must be equal. Two ``new:`` ids (speakers left out of the registry) name the
    same speaker when the words of one are all words of the other: a ``new:`` id is a label the
    coder or the code makes from the speaker's name, and a coder who writes the surname
    (``new:camero``) codes the same person the code names in full (``new:mariela-camero``).

    >>> same_speaker("new:mariela-camero", "new:camero"), same_speaker("new:camero", "new:ramos")
    (True, False)
    >>> same_speaker("aliyev", "aliyev"), same_speaker("new:aliyev", "aliyev"), same_speaker(None, None)
    (True, False, True)
    """
    if actor is None or gold is None:
        return actor is None and gold is None
    actor, gold = str(actor), str(gold)
    if actor == gold:
        return True
    if not (actor.startswith("new:") and gold.startswith("new:")):
        return False
    a, g = set(actor[4:].split("-")) - {""}, set(gold[4:].split("-")) - {""}
    return bool(a and g) and (a <= g or g <= a)


def _locate(text: str, quote: str, start: int) -> int:
    """First occurrence of ``quote`` from ``start`` that stands right after or before a
    quotation mark (the quoted words, not the same words elsewhere: "referendums" in
    "pseudo-referendums"), else the first occurrence at all; -1 when absent."""
    first, at = -1, text.find(quote, start)
    while at >= 0:
        if first < 0:
            first = at
        end = at + len(quote)
        if (at > 0 and text[at - 1] in _MARKS) or (end < len(text) and text[end] in _MARKS):
            return at
        at = text.find(quote, at + 1)
    return first


def evaluate_quotes(segments: pd.DataFrame, gold: pd.DataFrame, *, texts: dict | None = None
                    ) -> pd.DataFrame:
    """Score quotes and speakers against a gold quotes table (see :func:`read_gold_quotes`).

    Measures (one row each: ``scope``, ``metric``, ``value``, ``numerator``, ``denominator``):
    span precision/recall/F1 over the non-blank characters of quote spans (gold speech and
    terms alike); ``speaker_accuracy``: gold speech quotes found (overlapped by an automatic
    quote) whose automatic actor is the gold speaker (:func:`same_speaker`), over those found; ``end_to_end``: the
    same over all gold speech quotes (a speech quote coded with no speaker, words nobody can be
    named for, counts as right when no speaker is given); ``terms_as_speech``: gold terms
    overlapped by an automatic quote with a speaker (not a quote the term is nested in, with
    words on both sides: that quote is speech and rightly the speaker's), over gold terms;
    and ``speaker_accuracy`` per ``pattern`` (scope ``pattern:<name>``).
    """
    auto = segments[segments["role"] == "quote"]

    def chars(df):
        out = set()
        for src, a, b in zip(df["source"], df["start"], df["end"]):
            t = texts.get(src) if texts else None
            out.update((src, k) for k in range(int(a), int(b))
                       if t is None or not t[k].isspace())
        return out

    ac, gc = chars(auto), chars(gold)
    tp = len(ac & gc)
    p = tp / len(ac) if ac else float("nan")
    r = tp / len(gc) if gc else float("nan")
    f = 2 * p * r / (p + r) if p + r else 0.0
    rows = [("quote", "precision", p, tp, len(ac)), ("quote", "recall", r, tp, len(gc)),
            ("quote", "f1", f, None, None)]

    def best(src, a, b):
        cands = auto[auto["source"] == src]
        hit, ov = None, 0
        for actor, s, e in zip(cands["actor"], cands["start"], cands["end"]):
            o = min(b, int(e)) - max(a, int(s))
            if o > ov:
                hit, ov = actor, o
        return ov > 0, (None if hit is None or pd.isna(hit) else str(hit))

    found = right = 0
    per: dict = {}
    speech = gold[gold["kind"] != "term"]
    for src, a, b, spk, pat in zip(speech["source"], speech["start"], speech["end"],
                                   speech["speaker"], speech["pattern"]):
        ok_span, actor = best(src, int(a), int(b))
        # a speech quote coded without a speaker (nobody can be named) is right when the
        # code names nobody either
        good = ok_span and same_speaker(actor, None if pd.isna(spk) else str(spk))
        found += ok_span
        right += good
        n = per.setdefault(pat or "-", [0, 0])
        n[0] += good
        n[1] += 1
    rows.append(("attribution", "speaker_accuracy", right / found if found else float("nan"),
                 right, found))
    rows.append(("attribution", "end_to_end", right / len(speech) if len(speech) else
                 float("nan"), right, len(speech)))
    terms = gold[gold["kind"] == "term"]

    def taken(src, a, b):
        # (a term nested in a longer speech quote, '"... the answer was 'no way, Jose'."', is
        # part of that speech: not a term taken as speech)
        cands = auto[(auto["source"] == src) & auto["actor"].notna()]
        return any(min(b, int(e)) > max(a, int(s)) and not (int(s) < a - 1 and int(e) > b + 1)
                   for s, e in zip(cands["start"], cands["end"]))

    bad = sum(taken(s, int(a), int(b))
              for s, a, b in zip(terms["source"], terms["start"], terms["end"]))
    rows.append(("attribution", "terms_as_speech", bad / len(terms) if len(terms) else
                 float("nan"), bad, len(terms)))
    for pat, (g, n) in sorted(per.items()):
        rows.append((f"pattern:{pat}", "speaker_accuracy", g / n, g, n))
    return pd.DataFrame(rows, columns=["scope", "metric", "value", "numerator", "denominator"])


# --------------------------------------------------------------------------------------------
# A folder of gold files, one per article (issue 15, item 4).
# --------------------------------------------------------------------------------------------

#: Gold file names matched to an article ``<source>``: ``<source>.csv`` or
#: ``<source>.gold.csv``.
GOLD_SUFFIXES = (".gold.csv", ".csv")


def gold_kind(path) -> str:
    """``"quotes"`` for a gold quotes CSV (a ``quote`` column), else ``"segments"``.

    Reads the header line only; a file that is not UTF-8 text is an error naming it.
    """
    import csv
    import io

    from frameshift.files import decode_bytes, read_input_bytes

    path = Path(path)
    data = read_input_bytes(path, what="gold file")
    nl = data.find(b"\n")
    head = decode_bytes(data if nl < 0 else data[:nl], path)
    try:
        cols = next(csv.reader(io.StringIO(head)), [])
    except csv.Error as err:
        raise CorpusError(f"{path}:1: the header line is not CSV ({err}). Write the column "
                          f"names separated by commas.", path=path, line=1) from err
    return "quotes" if "quote" in [c.strip() for c in cols] else "segments"


def _gold_files(folder: Path, sources) -> tuple[dict, list[str]]:
    """``{source: gold file}`` for the articles that have one, and the unmatched file names."""
    try:
        entries = sorted((p for p in folder.iterdir() if not p.name.startswith(".")),
                         key=lambda p: p.name)
    except OSError as err:
        raise InputNotFoundError(f"{folder}: cannot list the gold folder "
                                 f"({getattr(err, 'strerror', None) or err}).",
                                 path=folder) from err
    matched: dict = {}
    unmatched = []
    root = folder.resolve()
    for p in entries:
        stem = next((p.name[:-len(s)] for s in GOLD_SUFFIXES if p.name.lower().endswith(s)),
                    None)
        if stem is None or stem not in sources or not p.is_file():
            unmatched.append(p.name)
            continue
        real = p.resolve()
        if root not in real.parents:
            raise CorpusError(f"{p}: is a symbolic link to {real}, outside the gold folder "
                              f"{folder}. Copy the file into the folder.", path=p)
        if stem in matched:
            raise CorpusError(f"{folder}: two gold files for the article {stem!r}: "
                              f"{matched[stem].name} and {p.name}. Keep one.", path=folder)
        matched[stem] = p
    return matched, unmatched


def _check_spans(gold: pd.DataFrame, source: str, text: str, path) -> None:
    problems = []
    for i, (src, a, b) in enumerate(zip(gold["source"], gold["start"], gold["end"]), start=2):
        if src != source:
            problems.append(Problem(f"source {src!r} is not the article this file is named "
                                    f"after ({source!r}).", "Fix the source column, or move "
                                    "the row to that article's gold file.", path=path, line=i))
        elif not 0 <= int(a) <= int(b) <= len(text):
            problems.append(Problem(f"the span [{a}, {b}) is not inside {source!r}, which has "
                                    f"{len(text)} characters.",
                                    f"Give 0 <= start <= end <= {len(text)}.", path=path,
                                    line=i))
    if problems:
        raise CorpusError(f"{path}: {len(problems)} problem(s):", problems=problems, path=path)


def evaluate_folder(segments: pd.DataFrame, folder, *, texts: dict) -> pd.DataFrame:
    """Score articles against a folder of gold files, one per article, matched by name.

    The gold file of article ``<source>`` is ``<source>.csv`` (or ``<source>.gold.csv``): a
    gold quotes file (:func:`read_gold_quotes`; its ``source`` column may be left out) or a
    hand-coded segmentation (:func:`frameshift.news.read_segments`); every file of the folder
    is of the same kind. Each article with a gold file is scored alone
    (:func:`evaluate_quotes` or :func:`frameshift.news.evaluate_segmentation`, unchanged),
    then all of them pooled: the pooled span scores count the characters of every article
    together and the accuracies every quote together (not a mean of per-article values).
    Gold files that match no article, and articles without a gold file, are named in one
    warning each.

    Returns
    -------
    DataFrame
        ``article`` (``"(pooled)"`` for the pooled rows, which come first; then each
        article in the order of ``texts``), then the columns of the single-article scores
        (``scope``, ``metric``, ``value``, ``numerator``, ``denominator``).

    Examples
    --------
    >>> import tempfile, pathlib
    >>> from frameshift.news import segment_article
    >>> reg = pd.DataFrame({"id": ["baku"], "name": ["Azerbaijan"], "aliases": ["Baku"]})
    >>> texts = {"a": 'Offer\\n\\nBaku said it wants "peace now".',
    ...          "b": 'Reply\\n\\n"Not yet," Baku said.'}
    >>> seg = pd.concat([segment_article(t, source=s, actors=reg) for s, t in texts.items()])
    >>> with tempfile.TemporaryDirectory() as d:
    ...     _ = pathlib.Path(d, "a.csv").write_text("quote,speaker\\npeace now,baku\\n")
    ...     _ = pathlib.Path(d, "b.csv").write_text("quote,speaker\\nNot yet,baku\\n")
    ...     table = evaluate_folder(seg, d, texts=texts)
    >>> e2e = table[table["metric"] == "end_to_end"]
    >>> [(a, int(n), int(d)) for a, n, d in e2e[["article", "numerator", "denominator"]].values]
    [('(pooled)', 2, 2), ('a', 1, 1), ('b', 1, 1)]
    """
    import warnings

    from .articles import evaluate_segmentation, read_segments

    folder = Path(folder)
    if not folder.is_dir():
        raise InputNotFoundError(f"{folder}: no such gold folder. Give a folder holding one "
                                 f"gold file per article, named <article>.csv.", path=folder)
    matched, unmatched = _gold_files(folder, texts)
    if not matched:
        raise CorpusError(
            f"{folder}: no gold file is named after an article given ({', '.join(list(texts)[:5])}"
            f"{', ...' if len(texts) > 5 else ''}). Name each gold file <article>.csv, the "
            f"article's file name without its extension.", path=folder)
    kinds = {s: gold_kind(p) for s, p in matched.items()}
    if len(set(kinds.values())) > 1:
        q = next(p.name for s, p in matched.items() if kinds[s] == "quotes")
        g = next(p.name for s, p in matched.items() if kinds[s] == "segments")
        raise CorpusError(f"{folder}: mixes gold quotes files ({q}) and segmentations ({g}). "
                          f"Keep one kind in a gold folder.", path=folder)
    kind = next(iter(kinds.values()))
    if unmatched:
        warnings.warn(f"{folder}: {len(unmatched)} gold file(s) match no article and were not "
                      f"used: {', '.join(unmatched[:8])}{', ...' if len(unmatched) > 8 else ''}",
                      UserWarning, stacklevel=2)
    unscored = [s for s in texts if s not in matched]
    if unscored:
        warnings.warn(f"{folder}: {len(unscored)} article(s) have no gold file and were not "
                      f"scored: {', '.join(unscored[:8])}{', ...' if len(unscored) > 8 else ''}",
                      UserWarning, stacklevel=2)
    golds = {}
    for src in (s for s in texts if s in matched):
        path = matched[src]
        if kind == "quotes":
            golds[src] = read_gold_quotes(path, texts, source=src)
            _check_spans(golds[src], src, texts[src], path)
        else:
            golds[src] = read_segments(path)
            _check_spans(golds[src], src, texts[src], path)
    score = evaluate_quotes if kind == "quotes" else evaluate_segmentation
    scored = list(golds)
    auto = segments[segments["source"].isin(scored)]
    used = {s: texts[s] for s in scored}
    tables = [score(auto, pd.concat(list(golds.values()), ignore_index=True), texts=used)
              .assign(article="(pooled)")]
    for src in scored:
        tables.append(score(auto[auto["source"] == src], golds[src], texts={src: texts[src]})
                      .assign(article=src))
    out = pd.concat(tables, ignore_index=True)
    return out[["article"] + [c for c in out.columns if c != "article"]]
