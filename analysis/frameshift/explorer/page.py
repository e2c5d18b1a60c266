"""Build the explorer page: tables from the library, embedded as JSON in one HTML file."""

from __future__ import annotations

import hashlib
import html
import json
import math
import warnings
from importlib import resources

import numpy as np
import pandas as pd

from frameshift.errors import OptionError

__all__ = ["Explorer", "explore", "MAX_ALL_PAIRS", "MAX_PAIRWISE_GROUPS"]

#: Up to this many statements the page holds the shift of every earlier -> later pair;
#: beyond it, consecutive pairs only (plus any pairs asked for), so the page stays small.
MAX_ALL_PAIRS = 12
#: Up to this many groups the page holds keyness for every ordered pair of groups as well as
#: each group against the rest.
MAX_PAIRWISE_GROUPS = 5


def _num(x):
    """A JSON-safe number: NaN and infinities become null; numpy scalars become Python ones."""
    if x is None:
        return None
    if isinstance(x, (bool, np.bool_)):
        return bool(x)
    if isinstance(x, (int, np.integer)):
        return int(x)
    try:
        v = float(x)
    except (TypeError, ValueError):
        return None if _isna(x) else str(x)
    return v if math.isfinite(v) else None


def _isna(x) -> bool:
    try:
        return bool(pd.isna(x))
    except (TypeError, ValueError):
        return False


def _text(x) -> str:
    return "" if x is None or _isna(x) else str(x)


def _table(df: pd.DataFrame) -> dict:
    """A table as ``{"columns": [...], "rows": [[...], ...]}`` (all columns kept, by name)."""
    cols = [str(c) for c in df.columns]
    rows = []
    for rec in df.itertuples(index=False, name=None):
        rows.append([v if isinstance(v, str) else _num(v) for v in rec])
    return {"columns": cols, "rows": rows}


def _date(d) -> str:
    return "" if _isna(d) else pd.Timestamp(d).strftime("%Y-%m-%d")


class Explorer:
    """A built explorer page. ``save(path)`` writes it; in a notebook it displays inline.

    Attributes
    ----------
    html : str
        The whole page (one file: data, script and style inside).
    data : dict
        The tables embedded in the page (what the script displays).
    """

    def __init__(self, page: str, data: dict):
        self.html = page
        self.data = data

    def __repr__(self) -> str:
        d = self.data
        return (f"<Explorer {d['title']!r}: {len(d['statements'])} statements, "
                f"{len(d['groups'])} groups x {len(d['categories'])} frames, "
                f"{len(d['matches'])} matches, {len(d['shifts'])} shift pairs, "
                f"{len(self.html.encode('utf-8')):,} bytes>")

    def save(self, path, *, force: bool = False, inputs=()):
        """Write the page to ``path`` atomically, with ``<path>.provenance.json`` beside it.

        Refuses to overwrite an input or a file frameshift did not write (unless ``force``).
        """
        from frameshift.files import PROVENANCE_SUFFIX, atomic_write_bytes, check_output_path

        path = check_output_path(path, force=force, inputs=inputs)
        data = self.html.encode("utf-8")
        record = dict(self.data["provenance"])
        record["output"] = {"file": path.name, "sha256": hashlib.sha256(data).hexdigest(),
                            "bytes": len(data)}
        atomic_write_bytes(path, data)
        atomic_write_bytes(path.with_name(path.name + PROVENANCE_SUFFIX),
                           (json.dumps(record, indent=2, sort_keys=True, default=str) + "\n")
                           .encode("utf-8"))
        return path

    def _repr_html_(self) -> str:
        # An iframe keeps the page's script and style apart from the notebook's own.
        return (f'<iframe srcdoc="{html.escape(self.html, quote=True)}" '
                f'style="width:100%;height:900px;border:1px solid #ccc" '
                f'title="frameshift explorer"></iframe>')


def _asset(name: str) -> str:
    return resources.files("frameshift.explorer").joinpath(name).read_text(encoding="utf-8")


def _embed_json(obj) -> str:
    """JSON for a ``<script type="application/json">`` block: ``<``, ``>``, ``&`` escaped, so
    no text (``</script>``, ``<!--``) can end or alter the block."""
    text = json.dumps(obj, ensure_ascii=False, sort_keys=True, separators=(",", ":"),
                      allow_nan=False)
    return (text.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def explore(corpus, lexicon="karabakh_framing", *, by="actor", pairs=None, window=6,
            keyness_method="fightin-words", keyness_terms=150, keyness_min_count=2,
            include_negated=True, n_boot=2000, n_perm=2000, seed=0, max_lines=300,
            max_total_lines=15000, title=None, settings=None) -> Explorer:
    """An interactive page of a framing study: heatmap, KWIC, timeline, shifts, keyness.

    Every number shown comes from a library table computed here once: the heatmap from
    :func:`~frameshift.matching.count_matches` (``per_1000`` and ``count``), the KWIC lines
    from :func:`~frameshift.matching.kwic` (one per row of
    :func:`~frameshift.matching.find_matches`), the shift view from
    :func:`~frameshift.measures.shift`, the scatter from :func:`~frameshift.measures.keyness`.

    Parameters
    ----------
    corpus : Corpus
    lexicon : Lexicon, str or dict, default "karabakh_framing"
    by : str, default "actor"
        Statement column that defines the groups (rows of the heatmap).
    pairs : "consecutive", "all" or sequence of (from, to), optional
        Statement pairs whose shift the page holds. Default: every earlier -> later pair up
        to :data:`MAX_ALL_PAIRS` statements, else consecutive pairs.
    window : int, default 6
        Words of context on each side of a KWIC line.
    keyness_method : str, default "fightin-words"
        As in :func:`~frameshift.measures.keyness`.
    keyness_terms : int, default 150
        Terms kept at each end of every keyness table (the most and least distinctive).
    keyness_min_count : int, default 2
    include_negated, n_boot, n_perm, seed :
        As in :func:`~frameshift.measures.shift`.
    max_lines : int or None, default 300
        KWIC lines kept per heatmap cell (the first ones, in match order), so the page stays
        small on large corpora; the cell still shows its full count and the page says how many
        lines it holds. None keeps every line.
    max_total_lines : int or None, default 15000
        Lines kept over the whole page: when the cells together hold more, the per-cell limit is
        lowered to the largest one that fits (every cell keeps at least one line).
    title : str, optional
    settings : MatchSettings, optional
        How the lexicon is matched (one pass; the heatmap, the KWIC lines and the shifts all
        come from it).

    Returns
    -------
    Explorer
        ``.save(path)`` writes the page; ``.html`` is the text; displays inline in Jupyter.
        The same inputs give the same bytes.

    Examples
    --------
    >>> from frameshift.corpus import read_corpus
    >>> page = explore(read_corpus("karabakh_2023"), n_boot=0, n_perm=0)
    >>> page.html.startswith("<!DOCTYPE html>"), page.html == explore(
    ...     read_corpus("karabakh_2023"), n_boot=0, n_perm=0).html
    (True, True)
    """
    from frameshift.corpus.model import corpus_tokens
    from frameshift.files import provenance
    from frameshift.lexicon.formats import as_lexicon
    from frameshift.matching.concordance import kwic_from_matches
    from frameshift.matching.engine import count_matches, find_matches, match_settings
    from frameshift.measures.key_terms import keyness
    from frameshift.measures.shifts import shift

    from frameshift.errors import check_corpus_argument
    check_corpus_argument(corpus, "corpus", "explore")
    lex = as_lexicon(lexicon)
    st = corpus.statements
    if by not in st.columns or by == "text":
        raise OptionError(f"--by {by!r} is not a column of the statements of corpus "
                          f"{corpus.name!r}. Valid columns: "
                          + ", ".join(c for c in map(str, st.columns) if c != "text") + ".")
    if int(window) < 0:
        raise OptionError(f"window must be 0 or more, not {window!r}.")
    ids = st["statement_id"].astype(str).tolist()
    index = {sid: i for i, sid in enumerate(ids)}

    # -- groups x frames (count_matches)
    settings_ = match_settings(settings)
    matches = find_matches(corpus, lex, settings=settings_)  # the one matching pass
    counts = count_matches(corpus, lex, by=by, matches=matches)
    cats = list(dict.fromkeys(counts["category"].astype(str)))
    groups_raw = list(dict.fromkeys(counts[by].astype(object).where(counts[by].notna(), None)))
    group_key = [None if g is None else str(g) for g in groups_raw]
    labels = {c.id: (c.label or c.id) for c in lex.categories}

    def group_label(g):
        if g is None:
            return f"(no {by})"
        return corpus.actor_name(g) if by == "actor" else str(g)

    gpos = {g: i for i, g in enumerate(group_key)}
    cpos = {c: j for j, c in enumerate(cats)}
    cells = [[None] * len(cats) for _ in group_key]
    for g, c, n, neg, tok, rate in zip(counts[by].astype(object), counts["category"].astype(str),
                                       counts["count"], counts["negated"], counts["tokens"],
                                       counts["per_1000"]):
        key = None if _isna(g) else str(g)
        cells[gpos[key]][cpos[c]] = [int(n), int(neg), int(tok), _num(rate)]

    # -- statements, sources
    ntok = corpus_tokens(corpus, settings_.tokenizer).n_tokens()
    statements = []
    for i, row in enumerate(st.itertuples(index=False)):
        rec = row._asdict()
        g = rec.get(by)
        statements.append({
            "id": ids[i], "group": None if _isna(g) else str(g),
            "actor": corpus.actor_name(rec.get("actor")), "date": _date(rec.get("date")),
            "title": _text(rec.get("title")), "tokens": int(ntok[i]),
            "text": _text(rec.get("text"))})
    sources = {k: v for k, v in sorted(corpus.sources.items())}

    # -- matches with their KWIC lines (find_matches + kwic, row for row)
    toks = corpus_tokens(corpus, settings_.tokenizer)
    max_lines = _line_cap([c[0] for row in cells for c in row if c], max_lines,
                          max_total_lines)
    match_rows = []
    offsets: dict = {}
    kept: dict = {}
    group_of = [None if s["group"] is None else s["group"] for s in statements]
    for cat in cats:
        sel = matches[matches["category"].astype(str) == cat]
        if not len(sel):
            continue
        k = kwic_from_matches(corpus, sel, window=int(window))
        if len(k) != len(sel) or (k["statement_id"].astype(str).to_numpy()
                                  != sel["statement_id"].astype(str).to_numpy()).any() \
                or (k["char_start"].to_numpy() != sel["char_start"].to_numpy()).any():
            raise RuntimeError(f"kwic and find_matches disagree for category {cat!r}")
        for (sid, tstart, tend, pattern, source, cstart, cend, negated, sent), \
                (left, keyword, right) in zip(
                    sel[["statement_id", "token_start", "token_end", "pattern", "source_id",
                         "char_start", "char_end", "negated", "sentence"]]
                    .itertuples(index=False, name=None),
                    k[["left", "keyword", "right"]].itertuples(index=False, name=None)):
            d = index[str(sid)]
            cell = (group_of[d], cat)
            kept[cell] = kept.get(cell, 0) + 1
            if max_lines is not None and kept[cell] > int(max_lines):
                continue
            if d not in offsets:
                offsets[d] = toks.offsets(d)
            starts, ends = offsets[d]
            match_rows.append([d, cpos[cat], str(left), str(keyword), str(right),
                               int(starts[int(tstart)]), int(ends[int(tend) - 1]),
                               str(source), int(cstart), int(cend), bool(negated), str(pattern),
                               int(sent)])
    match_rows.sort(key=lambda r: (r[0], r[5], r[1]))

    # -- shifts (shift)
    if pairs is None:
        pairs = "all" if len(ids) <= MAX_ALL_PAIRS else "consecutive"
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = shift(corpus, lex, pairs=pairs, matches=matches, categories=cats,
                      include_negated=include_negated, n_boot=n_boot, n_perm=n_perm, seed=seed)
    shift_warnings = sorted({str(w.message) for w in caught})
    shifts = []
    if len(table):
        for (a, b), part in table.groupby(["from", "to"], sort=False):
            body = _table(part.drop(columns=["from", "to"]))
            shifts.append({"from": str(a), "to": str(b), **body})

    # -- keyness (keyness), with lexicon coverage of the terms
    covered = _covered(corpus, matches, cats)
    targets = [g for g in group_key if g is not None]
    comparisons = [(g, "rest") for g in targets] if len(targets) > 1 else []
    if 1 < len(targets) <= MAX_PAIRWISE_GROUPS:
        comparisons += [(g, h) for g in targets for h in targets if g != h]
    keys = []
    for g, h in comparisons:
        kt = keyness(corpus, by=by, target=g, reference=h, method=keyness_method,
                     min_count=keyness_min_count, tokenizer=settings_.tokenizer)
        n = int(keyness_terms)
        kt = kt if len(kt) <= 2 * n else pd.concat([kt.head(n), kt.tail(n)])
        kt = kt.reset_index(drop=True)
        kt["covered"] = [covered.get(str(t)) for t in kt["term"]]
        keys.append({"target": g, "reference": h, **_table(kt)})

    settings = {"by": by, "pairs": pairs if isinstance(pairs, str) else [list(p) for p in pairs],
                "window": int(window), "keyness_method": keyness_method,
                "keyness_terms": int(keyness_terms), "keyness_min_count": int(keyness_min_count),
                "include_negated": bool(include_negated), "n_boot": int(n_boot),
                "max_lines": None if max_lines is None else int(max_lines),
                "max_total_lines": None if max_total_lines is None else int(max_total_lines),
                "n_perm": int(n_perm), "seed": int(seed), "matching": settings_.as_dict()}
    prov = provenance(corpus=corpus, lexicon=lex, settings=settings, command="explore")
    title = title or f"{corpus.name} \u00d7 {getattr(lex, 'name', 'lexicon')}"
    data = {
        "title": str(title), "by": str(by),
        "groups": [{"key": g, "label": group_label(g)} for g in group_key],
        "categories": [{"id": c, "label": labels.get(c, c)} for c in cats],
        "cells": cells,
        "statements": statements, "sources": sources,
        "match_columns": ["statement", "category", "left", "keyword", "right", "text_start",
                          "text_end", "source_id", "source_start", "source_end", "negated",
                          "pattern", "sentence"],
        "matches": match_rows, "max_lines": None if max_lines is None else int(max_lines),
        "shifts": shifts, "shift_warnings": shift_warnings,
        "keyness": keys,
        "provenance": prov,
    }
    return Explorer(_render(data), data)


def _line_cap(counts, per_cell, total):
    """The per-cell line limit: ``per_cell``, lowered until the kept lines fit in ``total``.

    >>> _line_cap([500, 10, 3], 300, 100)
    87
    >>> _line_cap([5, 5], None, None) is None
    True
    """
    def kept(cap):
        return sum(min(n, cap) for n in counts)

    cap = per_cell if per_cell is not None else max(counts, default=0)
    if total is None or kept(cap) <= int(total):
        return per_cell
    lo, hi = 1, int(cap)  # largest cap with kept(cap) <= total, at least 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if kept(mid) <= int(total):
            lo = mid
        else:
            hi = mid - 1
    return lo


def _covered(corpus, matches, cats) -> dict:
    """Normalised form -> first lexicon category (in lexicon order) of a match it lies in."""
    from frameshift.corpus.model import corpus_tokens

    toks = corpus_tokens(corpus)
    type_ids = toks.type_ids()
    pos = {sid: i for i, sid in enumerate(corpus.statements["statement_id"].astype(str))}
    rank = {c: j for j, c in enumerate(cats)}
    best: dict = {}
    for sid, a, b, cat in zip(matches["statement_id"].astype(str), matches["token_start"],
                              matches["token_end"], matches["category"].astype(str)):
        base = int(toks.doc_index[pos[sid]])
        for t in type_ids[base + int(a):base + int(b)]:
            form = toks.types[t]
            if form not in best or rank.get(cat, 1 << 30) < rank.get(best[form], 1 << 30):
                best[form] = cat
    return best


def _render(data: dict) -> str:
    title = html.escape(data["title"])
    prov = data["provenance"]
    return (
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
        "script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        f"<meta name=\"generator\" content=\"frameshift {html.escape(str(prov['version']))}\">\n"
        f"<title>{title} \u2014 frameshift explorer</title>\n"
        f"<style>\n{_asset('explorer.css')}</style>\n</head>\n<body>\n"
        f"<header><h1>{title}</h1><p class=\"sub\">frameshift explorer: every number links to "
        "the words it counts. Click a cell, a line, a statement or a term.</p></header>\n"
        "<main id=\"app\"><noscript>This page needs JavaScript to display its tables.</noscript>"
        "</main>\n"
        f"<script type=\"application/json\" id=\"fs-data\">{_embed_json(data)}</script>\n"
        f"<script>\n{_asset('explorer.js')}</script>\n</body>\n</html>\n")
