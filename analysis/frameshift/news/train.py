"""Train and evaluate the speaker chooser (:mod:`frameshift.news.chooser`) on the coded sets.

``python -m frameshift.news.train`` rebuilds ``frameshift/data/speaker_model.json`` from the
hand-coded real reports of ``tests/data/news/real`` (every set of :data:`SETS`), byte for byte
the same on every run (the training is deterministic). ``python -m frameshift.news.train
--loso`` prints the leave-one-set-out evaluation instead: for each set, a model trained on the
other sets scores it with the standard scorer (:func:`frameshift.news.evaluate.evaluate_quotes`),
next to the rules alone.

This module is a development tool: it needs the coded sets of the source tree, which the
installed package does not carry.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from .chooser import FEATURES, MODEL_FILE, SpeakerModel, candidates

#: The coded sets, in the order they were made (``tests/data/news/real/<set>``).
SETS = ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7")

#: Inverse regularisation strength of the logistic regression (chosen by leave-one-set-out,
#: docs/news.md).
C = 1.0


def default_root() -> Path:
    return Path(__file__).resolve().parents[3] / "tests" / "data" / "news" / "real"


def _registry_path(folder: Path) -> Path:
    for cand in (folder / "actors.csv", folder.parent / "actors.csv"):
        if cand.is_file():
            return cand
    raise FileNotFoundError(f"{folder}: no actors.csv here or in the parent folder")


def _as_fresh(att, rows: pd.DataFrame) -> None:
    """Give the quotes of ``att`` the speakers, confidences and evidence of ``rows`` (the quote
    rows of the same article segmented by the rules as they were when the set was new to them,
    see :data:`FRESH`), matched by the largest overlap."""
    starts, ends = rows["start"].to_numpy(int), rows["end"].to_numpy(int)
    for q in att.quotes:
        ov = np.minimum(ends, q.end) - np.maximum(starts, q.start)
        k = int(np.argmax(ov)) if len(ov) else -1
        if k < 0 or ov[k] <= 0:
            q.actor, q.confidence, q.evidence = None, 0.1, ""
            continue
        r = rows.iloc[k]
        q.actor = None if pd.isna(r["actor"]) else str(r["actor"])
        q.confidence = float(r["confidence"])
        q.evidence = "" if pd.isna(r["evidence"]) else str(r["evidence"])


def collect(folder, fresh=None) -> list[dict]:
    """One group per quote found by the rules in the reports of ``folder`` that overlaps a
    gold quote: ``{"set", "source", "start", "end", "actors", "X", "gold"}`` with ``gold`` the
    coded speaker (None for a term or words nobody can be named for). ``fresh``: a segmentation
    table of the same reports by an earlier version of the rules, whose speakers replace the
    rules' own in the features (see :data:`FRESH`)."""
    from .articles import _article_date, _attributed, _read_actors
    from .evaluate import read_gold_quotes
    from .inputs import article_files, read_article

    folder = Path(folder)
    registry = _read_actors(_registry_path(folder))
    files, _ = article_files(folder)
    arts = [read_article(p) for p in files]
    texts = {a.source: a.text for a in arts}
    gold = read_gold_quotes(folder / "gold.csv", texts)
    groups = []
    for art in arts:
        g = gold[gold["source"] == art.source]
        _, _, att = _attributed(art.text, registry, _article_date(art.source, None))
        if att is None:
            continue
        if fresh is not None:
            f = fresh[(fresh["source"] == art.source) & (fresh["role"] == "quote")]
            _as_fresh(att, f)
        for q in att.quotes:
            if q.parent is not None:
                continue
            best, ov = None, 0
            for row in g.itertuples(index=False):
                o = min(q.end, int(row.end)) - max(q.start, int(row.start))
                if o > ov:
                    best, ov = row, o
            if best is None:
                continue
            spk = None if best.kind == "term" or pd.isna(best.speaker) else str(best.speaker)
            cands = candidates(att, q)
            groups.append({"set": folder.name, "source": art.source, "start": q.start,
                           "end": q.end, "actors": [c.actor for c in cands],
                           "X": np.vstack([c.x for c in cands]), "gold": spk,
                           "rule": q.actor})
    return groups


def fit(groups: list[dict], c: float = C) -> SpeakerModel:
    """A logistic regression of "this candidate is the coded speaker" over every candidate of
    every group; deterministic (lbfgs from zeros on the rows in the order given)."""
    from sklearn.linear_model import LogisticRegression

    X = np.vstack([g["X"] for g in groups])
    y = np.concatenate([[a == g["gold"] for a in g["actors"]] for g in groups]).astype(int)
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=5000, tol=1e-10)
    lr.fit((X - mean) / scale, y)
    meta = {"trained_on": sorted({g["set"] for g in groups}), "quotes": len(groups),
            "candidates": len(y), "C": c,
            "rebuild": "python -m frameshift.news.train"}
    return SpeakerModel(FEATURES, mean, scale, lr.coef_[0], float(lr.intercept_[0]), meta)


def choose(model: SpeakerModel, g: dict):
    return g["actors"][int(np.argmax(model.score(g["X"])))]


def score_set(folder, speakers="rules") -> dict:
    """The standard scorer's numbers for the reports of ``folder`` (``frameshift quotes
    FOLDER --evaluate FOLDER/gold.csv``) with ``speakers`` "rules" or a model."""
    from .articles import segment_news
    from .evaluate import evaluate_quotes, read_gold_quotes
    from .inputs import article_files

    folder = Path(folder)
    files, _ = article_files(folder)
    seg, texts = segment_news(files, actors=_registry_path(folder), speakers=speakers)
    gold = read_gold_quotes(folder / "gold.csv", texts)
    t = evaluate_quotes(seg, gold, texts=texts)
    out = {}
    for row in t.itertuples(index=False):
        out[(row.scope, row.metric)] = (row.value, row.numerator, row.denominator)
    return out


def loso(root=None, c: float = C, by_set=None) -> pd.DataFrame:
    """Leave-one-set-out: per set, the rules and a model trained on the other sets."""
    root = Path(root) if root is not None else default_root()
    by_set = by_set or {s: collect(root / s) for s in SETS}
    rows = []
    for s in SETS:
        model = fit([g for t in SETS if t != s for g in by_set[t]], c)
        for name, spk in (("rules", "rules"), ("model", model)):
            r = score_set(root / s, spk)
            rows.append({"set": s, "speakers": name,
                         "speaker_right": int(r[("attribution", "speaker_accuracy")][1]),
                         "found": int(r[("attribution", "speaker_accuracy")][2]),
                         "end_to_end_right": int(r[("attribution", "end_to_end")][1]),
                         "speech": int(r[("attribution", "end_to_end")][2]),
                         "terms_as_speech": int(r[("attribution", "terms_as_speech")][1]),
                         "terms": int(r[("attribution", "terms_as_speech")][2])})
    return pd.DataFrame(rows)


def model_path() -> Path:
    return Path(__file__).resolve().parents[1] / "data" / MODEL_FILE


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m frameshift.news.train", description=__doc__)
    p.add_argument("--loso", action="store_true", help="print the leave-one-set-out table")
    p.add_argument("--root", help="folder of the coded sets (default: tests/data/news/real)")
    p.add_argument("--out", help=f"where to write the model (default: the package's {MODEL_FILE})")
    p.add_argument("-C", type=float, default=C, help=f"regularisation (default {C})")
    args = p.parse_args(argv)
    root = Path(args.root) if args.root else default_root()
    if args.loso:
        t = loso(root, args.C)
        print(t.to_csv(index=False), end="")
        return 0
    groups = [g for s in SETS for g in collect(root / s)]
    model = fit(groups, args.C)
    out = Path(args.out) if args.out else model_path()
    out.write_text(model.to_json(), encoding="utf-8")
    print(f"wrote {out} ({len(groups)} quotes of {len(SETS)} sets)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
