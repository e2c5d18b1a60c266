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

__all__ = ["read_gold_quotes", "evaluate_quotes"]

GOLD_QUOTE_COLUMNS = ["source", "quote", "speaker", "kind", "pattern"]


def read_gold_quotes(path, texts: dict) -> pd.DataFrame:
    """Read a gold quotes CSV and locate each quote in ``texts`` (``{source: article}``).

    Returns the table with ``start`` and ``end`` offsets added. A quote not found in its
    article is an error naming the CSV line.
    """
    path = Path(path)
    if not path.is_file():
        raise InputNotFoundError(f"{path}: no such gold quotes file. Give a CSV with columns "
                                 f"{','.join(GOLD_QUOTE_COLUMNS)}.", path=path)
    df = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")
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
    quote) whose automatic actor is the gold speaker, over those found; ``end_to_end``: the
    same over all gold speech quotes (a speech quote coded with no speaker, words nobody can be
    named for, counts as right when no speaker is given); ``terms_as_speech``: gold terms given a speaker, over
    gold terms; and ``speaker_accuracy`` per ``pattern`` (scope ``pattern:<name>``).
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
        good = ok_span and ((actor is None and pd.isna(spk)) or (
            actor is not None and not pd.isna(spk) and actor == str(spk)))
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
    bad = sum(best(s, int(a), int(b))[1] is not None
              for s, a, b in zip(terms["source"], terms["start"], terms["end"]))
    rows.append(("attribution", "terms_as_speech", bad / len(terms) if len(terms) else
                 float("nan"), bad, len(terms)))
    for pat, (g, n) in sorted(per.items()):
        rows.append((f"pattern:{pat}", "speaker_accuracy", g / n, g, n))
    return pd.DataFrame(rows, columns=["scope", "metric", "value", "numerator", "denominator"])
