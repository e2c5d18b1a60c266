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
import zlib
from pathlib import Path

import numpy as np
import pandas as pd

from .chooser import FEATURES, MODEL_FILE, SpeakerModel, candidates, forget, pick, rules_decide
from .evaluate import same_speaker

#: The coded sets, in the order they were made (``tests/data/news/real/<set>``).
SETS = ("dev", "heldout", "heldout2", "heldout3", "heldout4", "heldout5", "heldout6", "heldout7",
        "heldout8", "heldout9")

#: The main commit each held-out set was scored once with (docs/news.md): the rules as they
#: were when the set was new to them. Their segmentations are stored in
#: ``tests/data/news/real/rules_when_fresh/<set>.csv`` (``benchmarks/rules_when_fresh.py``
#: rebuilds them from the git history) and give the rules' features of the training quotes:
#: the current rules were tuned on these sets (all but heldout7), so their own choices there
#: are right far more often than on reports they were not written from.
FRESH = {"heldout2": "d4dbbad", "heldout3": "f1ded48", "heldout4": "7771a8a",
         "heldout5": "4bc8ca2", "heldout6": "22eb6f2", "heldout7": "e305aad",
         "heldout8": "7cf64f1", "heldout9": "70ac20e"}
FRESH_COLUMNS = ["source", "start", "end", "actor", "confidence", "evidence"]

#: The sets the shipped model is trained on: those with the rules' choices of when they were
#: new (dev and heldout, on which even the oldest stored rules were tuned, are only scored).
TRAIN_SETS = tuple(FRESH)

#: Inverse regularisation strength of the logistic regression (chosen by leave-one-set-out,
#: docs/news.md).
C = 1.0

#: Weight of the quotes coded as nobody's speech, chosen by leave-one-set-out over the six
#: held-out sets (``model_on_fresh``, standard scorer, pooled): 1 gives speaker right 621/748
#: and terms as speech 34/132 (more than 1 in 4), 2 gives 612/748 and 22/132 (docs/news.md).
NONE_WEIGHT = 2.0


def default_root() -> Path:
    return Path(__file__).resolve().parents[3] / "tests" / "data" / "news" / "real"


def fresh_path(name: str, root=None) -> Path:
    root = Path(root) if root is not None else default_root()
    return root / "rules_when_fresh" / f"{name}.csv"


def read_fresh(name: str, root=None) -> pd.DataFrame:
    """The quotes of set ``name`` as the rules of :data:`FRESH` segmented them."""
    t = pd.read_csv(fresh_path(name, root), dtype={"source": str, "actor": str, "evidence": str},
                    keep_default_na=False, na_values={"actor": [""]})
    t["role"] = "quote"
    return t


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


def _dropped(ids, half: int) -> set:
    """The actor ids of half ``half`` (0 or 1) of a registry: split by a checksum of the id, so
    the same on every run."""
    return {i for i in ids if zlib.crc32(str(i).encode("utf-8")) % 2 == half}


def _new_ids_of(att, full, dropped: set) -> dict:
    """``{new: id: registered id}``: the ``new:`` ids the rules of ``att`` (a registry without
    the actors ``dropped``) give the people and bodies that ``full`` (the same article with the
    whole registry) names with an actor of ``dropped``, matched by the mentions' spans."""
    named = [(m.start, m.end, m.actor) for m in full.mentions if m.actor in dropped]
    out: dict = {}
    for q in att.quotes:
        if q.parent is not None:
            continue
        for c in candidates(att, q):
            if c.actor is None or c.mention is None or not str(c.actor).startswith("new:"):
                continue
            for a, b, actor in named:
                if a < c.mention.end and c.mention.start < b:
                    out.setdefault(c.actor, actor)
    return out


def collect(folder, fresh=None, drop=None) -> list[dict]:
    """One group per quote found by the rules in the reports of ``folder`` that overlaps a
    gold quote: ``{"set", "source", "start", "end", "actors", "X", "gold"}`` with ``gold`` the
    coded speaker (None for a term or words nobody can be named for). ``fresh``: a segmentation
    table of the same reports by an earlier version of the rules, whose speakers replace the
    rules' own in the features (see :data:`FRESH`). ``drop`` (0 or 1): a copy of the set with
    half the registry dropped (:func:`_dropped`), as if those actors were not registered: their
    coded speakers, and the rules' choices of them, become the ``new:`` ids the rules give them
    (:func:`_new_ids_of`), so the model also learns from speakers that are not registered."""
    from .articles import _article_date, _attributed, _read_actors
    from .evaluate import read_gold_quotes
    from .inputs import article_files, read_article

    folder = Path(folder)
    registry = _read_actors(_registry_path(folder))
    files, _ = article_files(folder)
    arts = [read_article(p) for p in files]
    texts = {a.source: a.text for a in arts}
    gold = read_gold_quotes(folder / "gold.csv", texts)
    full_registry, dropped = registry, set()
    if drop is not None:
        dropped = _dropped(registry["id"], drop)
        registry = registry[~registry["id"].isin(dropped)].reset_index(drop=True)
    groups = []
    for art in arts:
        g = gold[gold["source"] == art.source]
        date = _article_date(art.source, None)
        _, _, att = _attributed(art.text, registry, date)
        if att is None:
            continue
        if fresh is not None:
            f = fresh[(fresh["source"] == art.source) & (fresh["role"] == "quote")]
            _as_fresh(att, f)
        to_new: dict = {}
        if dropped:
            to_new = {v: k for k, v in _new_ids_of(
                att, _attributed(art.text, full_registry, date)[2], dropped).items()}
            for q in att.quotes:
                q.actor = to_new.get(q.actor, q.actor)
            forget(att)
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
            spk = to_new.get(spk, spk)
            cands = candidates(att, q)
            groups.append({"set": folder.name, "source": art.source, "start": q.start,
                           "end": q.end, "actors": [c.actor for c in cands],
                           "X": np.vstack([c.x for c in cands]), "gold": spk,
                           "rule": q.actor, "keep": rules_decide(att, q)})
    return groups


def fit(groups: list[dict], c: float = C, none_weight: float | None = None) -> SpeakerModel:
    """A logistic regression of "this candidate is the coded speaker" over every candidate of
    every group, the rows of a quote coded as nobody's (a term, or words nobody can be named
    for) weighted ``none_weight`` (default :data:`NONE_WEIGHT`); deterministic (lbfgs from
    zeros on the rows in the order given)."""
    none_weight = NONE_WEIGHT if none_weight is None else none_weight
    from sklearn.linear_model import LogisticRegression

    X = np.vstack([g["X"] for g in groups])
    y = np.concatenate([[same_speaker(a, g["gold"]) for a in g["actors"]]
                        for g in groups]).astype(int)
    mean = X.mean(axis=0)
    scale = X.std(axis=0)
    scale[scale == 0] = 1.0
    lr = LogisticRegression(C=c, max_iter=5000, tol=1e-10)
    weight = np.concatenate([[(none_weight if g["gold"] is None else 1.0) * g.get("weight", 1.0)]
                             * len(g["actors"]) for g in groups])
    lr.fit((X - mean) / scale, y, sample_weight=weight)
    meta = {"trained_on": sorted({g["set"] for g in groups}), "quotes": len(groups),
            "candidates": len(y), "C": c, "none_weight": none_weight,
            "rebuild": "python -m frameshift.news.train"}
    return SpeakerModel(FEATURES, mean, scale, lr.coef_[0], float(lr.intercept_[0]), meta)


def choose(model: SpeakerModel, g: dict):
    """The speaker the chooser gives the quote of group ``g`` (:func:`chooser.pick`)."""
    return g["actors"][pick(g["X"], model.score(g["X"]), g["actors"], g["rule"],
                            keep=g.get("keep", False))]


def _segments(folder: Path, speakers="rules"):
    from .articles import segment_news
    from .inputs import article_files

    files, _ = article_files(folder)
    return segment_news(files, actors=_registry_path(folder), speakers=speakers)


def _scores(seg, folder: Path, texts: dict) -> dict:
    from .evaluate import evaluate_quotes, read_gold_quotes

    gold = read_gold_quotes(folder / "gold.csv", texts)
    t = evaluate_quotes(seg, gold, texts=texts)
    return {(r.scope, r.metric): (r.value, r.numerator, r.denominator)
            for r in t.itertuples(index=False)}


def score_set(folder, speakers="rules") -> dict:
    """The standard scorer's numbers (``frameshift quotes FOLDER --evaluate FOLDER/gold.csv``,
    keyed by (scope, metric): (value, numerator, denominator)) for the reports of ``folder``
    with ``speakers`` "rules" or a :class:`SpeakerModel`."""
    folder = Path(folder)
    seg, texts = _segments(folder, speakers)
    return _scores(seg, folder, texts)


def _chosen_segments(seg, groups: list[dict], model: SpeakerModel):
    """``seg`` with the quotes of ``groups`` given the model's speakers."""
    seg = seg.copy()
    quote = (seg["role"] == "quote") & ~seg["evidence"].astype(str).str.startswith(
        "quoted inside")
    for g in groups:
        rows = quote & (seg["source"] == g["source"]) & (seg["start"] >= g["start"]) & (
            seg["end"] <= g["end"])
        seg.loc[rows, "actor"] = choose(model, g)
    return seg


def _row(name: str, s: str, how: str, r: dict) -> dict:
    acc, e2e = r[("attribution", "speaker_accuracy")], r[("attribution", "end_to_end")]
    terms = r[("attribution", "terms_as_speech")]
    return {"set": name, "speakers": how, "span_f1": round(r[("quote", "f1")][0], 3),
            "speaker_right": int(acc[1]), "found": int(acc[2]), "end_to_end": int(e2e[1]),
            "speech": int(e2e[2]), "terms_as_speech": int(terms[1]), "terms": int(terms[2])}


def loso(root=None, c: float = C) -> pd.DataFrame:
    """Leave-one-set-out: for each set, a model trained on the other sets of
    :data:`TRAIN_SETS` (their quotes with the rules' choices of when they were new) scores it.

    Rows per set (``speakers``): ``rules_when_fresh`` (the stored segmentation of the rules of
    :data:`FRESH`: the number scored once), ``model_on_fresh`` (the model choosing among the
    current candidates, with the rules' features of when the set was new: what the chooser adds
    to rules that have not seen the reports), ``rules`` (the current rules) and ``model`` (the
    current rules, then the model: ``speakers=model``, the shipped path)."""
    root = Path(root) if root is not None else default_root()
    by_set = {s: collect(root / s, read_fresh(s, root) if s in FRESH else None)
              for s in SETS}
    rows = []
    for s in SETS:
        model = fit([g for t in TRAIN_SETS if t != s for g in by_set[t]], c)
        folder = root / s
        seg, texts = _segments(folder)
        if s in FRESH:
            rows.append(_row(s, s, "rules_when_fresh", _scores(read_fresh(s, root), folder,
                                                               texts)))
            rows.append(_row(s, s, "model_on_fresh",
                             _scores(_chosen_segments(seg, by_set[s], model), folder, texts)))
        rows.append(_row(s, s, "rules", _scores(seg, folder, texts)))
        rows.append(_row(s, s, "model", score_set(folder, model)))
    return pd.DataFrame(rows)


def loso_patterns(root=None, c: float = C) -> pd.DataFrame:
    """Speaker right per pattern over the sets of :data:`FRESH` pooled, ``rules_when_fresh``
    and ``model_on_fresh`` (as in :func:`loso`): columns pattern, speakers, right, quotes."""
    root = Path(root) if root is not None else default_root()
    by_set = {s: collect(root / s, read_fresh(s, root)) for s in FRESH}
    tot: dict = {}
    for s in FRESH:
        model = fit([g for t in TRAIN_SETS if t != s for g in by_set[t]], c)
        folder = root / s
        seg, texts = _segments(folder)
        for how, r in (("rules_when_fresh", _scores(read_fresh(s, root), folder, texts)),
                       ("model_on_fresh", _scores(_chosen_segments(seg, by_set[s], model),
                                                  folder, texts))):
            for (scope, _), (_, n, d) in r.items():
                if scope.startswith("pattern:"):
                    t = tot.setdefault((scope[len("pattern:"):], how), [0, 0])
                    t[0] += int(n)
                    t[1] += int(d)
    rows = [{"pattern": p, "speakers": h, "right": n, "quotes": d}
            for (p, h), (n, d) in tot.items()]
    return pd.DataFrame(rows).sort_values(["quotes", "pattern", "speakers"],
                                          ascending=[False, True, False], ignore_index=True)


def train(root=None, c: float = C) -> SpeakerModel:
    """The shipped model: trained on every set of :data:`TRAIN_SETS`."""
    root = Path(root) if root is not None else default_root()
    return fit([g for s in TRAIN_SETS for g in collect(root / s, read_fresh(s, root))], c)


def model_path() -> Path:
    return Path(__file__).resolve().parents[1] / "data" / MODEL_FILE


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python -m frameshift.news.train", description=__doc__)
    p.add_argument("--loso", action="store_true", help="print the leave-one-set-out table")
    p.add_argument("--patterns", action="store_true",
                   help="print speaker right per pattern, held-out sets pooled (with --loso)")
    p.add_argument("--root", help="folder of the coded sets (default: tests/data/news/real)")
    p.add_argument("--out", help=f"where to write the model (default: the package's {MODEL_FILE})")
    p.add_argument("-C", type=float, default=C, help=f"regularisation (default {C})")
    args = p.parse_args(argv)
    root = Path(args.root) if args.root else default_root()
    missing = [s for s in SETS if not (root / s / "gold.csv").is_file()]
    if missing:
        print(f"python -m frameshift.news.train: {root}: no coded set {', '.join(missing)} "
              "(folders with gold.csv). Run it from a source checkout of frameshift, or give "
              "--root FOLDER of the coded sets.", file=sys.stderr)
        return 2
    if args.loso:
        t = loso_patterns(root, args.C) if args.patterns else loso(root, args.C)
        print(t.to_csv(index=False), end="")
        return 0
    model = train(root, args.C)
    out = Path(args.out) if args.out else model_path()
    out.write_text(model.to_json(), encoding="utf-8")
    print(f"wrote {out} ({model.meta['quotes']} quotes of {len(TRAIN_SETS)} sets)",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
