"""Scoring of lemma matching against the hand-coded term occurrences of tests/data/languages.

Used by tests/test_languages.py and by ``python tests/languages_eval.py [dev|test|test2|test3]``
(which prints the tables quoted in docs/languages.md). The gold occurrences were coded by reading the texts
(tests/data/languages/CARD.md); nothing here produces them.
"""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pandas as pd

import frameshift as fs
from frameshift.corpus import from_frame

DATA = Path(__file__).parent / "data" / "languages"


def load():
    st = pd.read_csv(DATA / "statements.csv", keep_default_na=False, dtype=str)
    gold = pd.read_csv(DATA / "gold.csv", dtype=str)
    corpus = from_frame(st[["statement_id", "actor", "language", "text"]])
    return st, gold, corpus


def _key(surface: str) -> str:
    return fs.normalize(" ".join(surface.split()))


def score(lemmas, *, split=None):
    """Per language: gold, found, correct, recall, precision (surfaces per statement x category)."""
    st, gold, corpus = load()
    lex = fs.read_lexicon("karabakh_framing_multilingual")
    settings = fs.MatchSettings(lemmas=lemmas)
    m = fs.find_matches(corpus, lex, settings=settings)
    lang = dict(zip(st["statement_id"], st["language"]))
    part = dict(zip(st["statement_id"], st["split"]))
    rows = []
    for code in ("ru", "hy", "az"):
        ids = {s for s in lang if lang[s] == code and (split is None or part[s] == split)}
        g = Counter((r.statement_id, r.category, _key(r.surface))
                    for r in gold.itertuples() if r.statement_id in ids)
        f = Counter((r.statement_id, r.category, _key(r.match))
                    for r in m.itertuples() if r.statement_id in ids)
        ok = sum((g & f).values())
        ng, nf = sum(g.values()), sum(f.values())
        rows.append({"language": code, "gold": ng, "found": nf, "correct": ok,
                     "recall": ok / ng if ng else float("nan"),
                     "precision": ok / nf if nf else float("nan")})
    return pd.DataFrame(rows)


def errors(lemmas, *, split=None):
    """Missed and spurious occurrences, for reading."""
    st, gold, corpus = load()
    lex = fs.read_lexicon("karabakh_framing_multilingual")
    m = fs.find_matches(corpus, lex, settings=fs.MatchSettings(lemmas=lemmas))
    part = dict(zip(st["statement_id"], st["split"]))
    keep = {s for s in part if split is None or part[s] == split}
    g = Counter((r.statement_id, r.category, _key(r.surface))
                for r in gold.itertuples() if r.statement_id in keep)
    f = Counter((r.statement_id, r.category, _key(r.match))
                for r in m.itertuples() if r.statement_id in keep)
    return sorted((g - f).elements()), sorted((f - g).elements())


if __name__ == "__main__":
    import sys

    split = sys.argv[1] if len(sys.argv) > 1 else "dev"
    for lemmas in (None, "simplemma", "snowball", "simplemma+snowball", "simplemma+rules",
                   "auto"):
        print(f"== lemmas={lemmas} split={split}")
        print(score(lemmas, split=split).to_string(index=False))
    for lemmas in ("auto", "simplemma"):
        miss, extra = errors(lemmas, split=split)
        print(f"-- {lemmas} missed:", miss)
        print(f"-- {lemmas} spurious:", extra)
