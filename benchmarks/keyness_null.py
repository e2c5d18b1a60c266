"""Keyness under shuffled document labels: how often does each method flag any term?

Material: the bundled ``inaugural`` corpus, Republican v Democratic addresses (``Party``).
For each of ``--shuffles`` random relabellings of those addresses (group sizes kept) every
method is run and we record whether it flags at least one term at BH-adjusted p < .05 (the
family-wise false-positive rate; the issue's target is at most 10%) and the share of terms at
unadjusted p < .05. With the real labels we record how many terms each method flags (power).

    python benchmarks/keyness_null.py --shuffles 100
"""

from __future__ import annotations

import argparse
import time
import warnings

import numpy as np
import pandas as pd


def _with_labels(corpus, labels, mask):
    st = corpus.statements.copy()
    col = st["Party"].astype(object).copy()
    col[mask] = labels
    st["Party"] = col
    new = corpus.__class__.__new__(corpus.__class__)
    new.__dict__.update(corpus.__dict__)
    new._statements = st  # same texts, so the cached tokens stay valid
    return new


def methods():
    from frameshift.measures.doc_keyness import keyness_permutation
    from frameshift.measures.key_terms import keyness

    kw = dict(by="Party", target="Republican", reference="Democratic")
    return {
        "g2 (token)": lambda c: keyness(c, method="g2", **kw),
        "fightin-words corpus prior (token)": lambda c: keyness(c, **kw),
        "fightin-words alpha0=1000 (token)": lambda c: keyness(c, alpha0=1000, **kw),
        "document permutation": lambda c: keyness_permutation(c, n_perm=19999, min_count=20, **kw),
    }


def run(shuffles=100, seed=13):
    from frameshift.corpus.readers import read_corpus

    corpus = read_corpus("inaugural")
    party = corpus.statements["Party"].astype(str)
    mask = party.isin(["Republican", "Democratic"]).to_numpy()
    real = party[mask].to_numpy()
    rng = np.random.default_rng(seed)
    rows = []
    fns = methods()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, f in fns.items():
            t = f(corpus)
            rows.append({"method": name, "labels": "real", "any_flagged": int(
                (t["p_adjusted"] < 0.05).any()), "n_flagged": int((t["p_adjusted"] < 0.05).sum()),
                "share_p05": float((t["p"] < 0.05).mean())})
        for s in range(shuffles):
            c = _with_labels(corpus, rng.permutation(real), mask)
            for name, f in fns.items():
                t = f(c)
                rows.append({"method": name, "labels": "shuffled",
                             "any_flagged": int((t["p_adjusted"] < 0.05).any()),
                             "n_flagged": int((t["p_adjusted"] < 0.05).sum()),
                             "share_p05": float((t["p"] < 0.05).mean())})
    return pd.DataFrame(rows)


def summary(table):
    sh = table[table["labels"] == "shuffled"].groupby("method", sort=False).agg(
        shuffles=("any_flagged", "size"), any_flagged=("any_flagged", "mean"),
        share_p05=("share_p05", "mean"))
    real = table[table["labels"] == "real"].set_index("method")["n_flagged"]
    sh["flagged_real_labels"] = real
    return sh


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shuffles", type=int, default=100)
    args = ap.parse_args(argv)
    t0 = time.time()
    sm = summary(run(args.shuffles))
    print("| method | shuffles | share of shuffles with any term at p_adj < .05 | mean share "
          "of terms at p < .05 | terms at p_adj < .05, real labels |")
    print("|---|---|---|---|---|")
    for name, r in sm.iterrows():
        print(f"| {name} | {r['shuffles']} | {r['any_flagged']:.3f} | {r['share_p05']:.4f} | "
              f"{int(r['flagged_real_labels'])} |")
    print(f"({time.time() - t0:.0f} s)")


if __name__ == "__main__":
    main()
