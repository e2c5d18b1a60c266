"""Keyness under shuffled document labels, on two real corpora: level and power (issue 13).

Material (real published texts, neither used to choose the methods):

* ``inaugural`` -- the 47 Republican and Democratic inaugural addresses (``Party``), from the
  bundled corpus (quanteda's data_corpus_inaugural);
* ``karabakh_sides`` -- 22 excerpts of official Armenian and Azerbaijani statements on the
  Karabakh conflict, 11 a side (``side``), assembled from stored copies of the published pages
  (``benchmarks/data/karabakh_sides/README.md`` lists every source).

For each of ``--shuffles`` random relabellings of the documents (group sizes kept) every
keyness method is run with its default document-level p and we record whether it flags at
least one term at BH-adjusted p < .05 (under shuffled labels every flag is false, so this is
the family-wise false-positive rate; the issue's target is at most 10% of shuffles); the same
call's token-level p (``p_token_adjusted``) is recorded for contrast, and the share of terms
whose document-clustered ``log_ratio`` interval excludes 0 (nominal 5%). With the real labels
we record how many terms each method flags (power).

    python benchmarks/keyness_null.py --shuffles 100      # both corpora, ~30 min
    python benchmarks/keyness_null.py --shuffles 20 --corpora karabakh_sides
"""

from __future__ import annotations

import argparse
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

HERE = Path(__file__).resolve().parent
METHODS = ("fightin-words", "g2", "chi2", "log-ratio")


def load(name):
    """(corpus, by, target, reference) of one benchmark corpus."""
    from frameshift.corpus.readers import from_frame, read_corpus

    if name == "inaugural":
        c = read_corpus("inaugural")
        keep = c.statements["Party"].isin(["Republican", "Democratic"]).to_numpy()
        st = c.statements[keep]
        c = from_frame(st[["statement_id", "actor", "text", "Party"]].reset_index(drop=True))
        return c, "Party", "Republican", "Democratic"
    if name == "karabakh_sides":
        st = pd.read_csv(HERE / "data" / "karabakh_sides" / "statements.csv",
                         keep_default_na=False)
        st = st.assign(actor=st["side"])[["statement_id", "actor", "side", "text"]]
        return from_frame(st), "side", "Armenia", "Azerbaijan"
    raise SystemExit(f"unknown corpus {name!r}: use inaugural or karabakh_sides")


def _relabelled(corpus, by, labels):
    from frameshift.corpus.readers import from_frame

    st = corpus.statements[["statement_id", "actor", "text"]].copy()
    st[by] = labels
    return from_frame(st)


def _row(corpus_name, labels, method, t):
    excl = ((t["ci_low"] > 0) | (t["ci_high"] < 0))[t["ci_low"].notna()]
    return {"corpus": corpus_name, "labels": labels, "method": method,
            "any_flagged": int((t["p_adjusted"] < 0.05).any()),
            "n_flagged": int((t["p_adjusted"] < 0.05).sum()),
            "any_flagged_token": int((t["p_token_adjusted"] < 0.05).any()),
            "n_flagged_token": int((t["p_token_adjusted"] < 0.05).sum()),
            "ci_excludes_0": float(excl.mean()) if len(excl) else np.nan,
            "terms_tested": int(t["p"].notna().sum()),
            "flagged_terms": " ".join(t.loc[t["p_adjusted"] < 0.05, "term"].head(12))}


def run(corpora=("inaugural", "karabakh_sides"), shuffles=100, seed=13, n_perm=9999,
        partial=None):
    """The long result table; with ``partial`` (a path) the rows so far are written after
    every shuffle, so a long run can be summarised before it ends."""
    from frameshift.measures.key_terms import keyness

    rows = []
    for name in corpora:
        corpus, by, target, ref = load(name)
        real = corpus.statements[by].astype(str).to_numpy()
        rng = np.random.default_rng(seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            for method in METHODS:
                t = keyness(corpus, by=by, target=target, reference=ref, method=method,
                            n_perm=n_perm)
                rows.append(_row(name, "real", method, t))
            for s in range(shuffles):
                c = _relabelled(corpus, by, rng.permutation(real))
                for method in METHODS:
                    t = keyness(c, by=by, target=target, reference=ref, method=method,
                                n_perm=n_perm, seed=s + 1)
                    rows.append(_row(name, "shuffled", method, t))
                if partial is not None:
                    pd.DataFrame(rows).to_csv(partial, index=False)
    return pd.DataFrame(rows)


def summary(table):
    sh = table[table["labels"] == "shuffled"].groupby(["corpus", "method"], sort=False).agg(
        shuffles=("any_flagged", "size"), any_flagged=("any_flagged", "mean"),
        any_flagged_token=("any_flagged_token", "mean"), ci_excludes_0=("ci_excludes_0", "mean"))
    real = table[table["labels"] == "real"].set_index(["corpus", "method"])
    sh["flagged_real"] = real["n_flagged"]
    sh["flagged_real_token"] = real["n_flagged_token"]
    sh["terms_tested"] = real["terms_tested"]
    sh["examples"] = real["flagged_terms"]
    return sh


def markdown(sm) -> str:
    lines = ["| corpus | method | shuffles | shuffles with any term at p_adjusted < .05 "
             "(document p) | same, token-level p | terms whose log-ratio interval excludes 0 "
             "(shuffled) | terms at p_adjusted < .05, real labels (document p / token p) | "
             "terms tested | examples (real labels) |",
             "|---|---|---|---|---|---|---|---|---|"]
    for (corpus, method), r in sm.iterrows():
        lines.append(f"| {corpus} | {method} | {r['shuffles']} | {r['any_flagged']:.2f} | "
                     f"{r['any_flagged_token']:.2f} | {r['ci_excludes_0']:.3f} | "
                     f"{int(r['flagged_real'])} / {int(r['flagged_real_token'])} | "
                     f"{int(r['terms_tested'])} | {r['examples']} |")
    return "\n".join(lines)


def timing(repeats=3, n_perm=9999):
    """Seconds per ``keyness`` call, document-level p against token-level p (same run).

    Designs: inaugural Republican v Democratic (few real differences), the 60 inaugural
    addresses split at 1900 (many), karabakh_sides. ``full run``: terms that were exceeded
    fewer than 20 times (``SEQUENTIAL_H``) and so were re-scored for every relabelling -- the
    terms with a real difference, which is why a call costs more when there are many.
    """
    from frameshift.corpus.readers import from_frame, read_corpus
    from frameshift.measures.doc_keyness import SEQUENTIAL_H
    from frameshift.measures.key_terms import keyness

    c = read_corpus("inaugural")
    st = c.statements.assign(period=np.where(c.statements["Year"].astype(int) >= 1900,
                                             "from 1900", "before 1900"))
    designs = [("inaugural, party", *load("inaugural")),
               ("inaugural, period", from_frame(st[["statement_id", "actor", "text",
                                                    "period"]]),
                "period", "from 1900", "before 1900"),
               ("karabakh_sides, side", *load("karabakh_sides"))]
    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for name, corpus, by, target, ref in designs:
            keyness(corpus, by=by, target=target, reference=ref)  # tokenise once (cached)
            for method in METHODS:
                sec = {}
                for inf in ("document", "token"):
                    best = np.inf
                    for _ in range(repeats):
                        t0 = time.perf_counter()
                        t = keyness(corpus, by=by, target=target, reference=ref,
                                    method=method, inference=inf, n_perm=n_perm)
                        best = min(best, time.perf_counter() - t0)
                    sec[inf] = best
                    if inf == "document":
                        full = int((t["p"] <= SEQUENTIAL_H / (n_perm + 1.0)).sum())
                        tested = int(t["p"].notna().sum())
                rows.append({"design": name, "method": method, "document_s": sec["document"],
                             "token_s": sec["token"],
                             "ratio": sec["document"] / sec["token"], "terms_tested": tested,
                             "full_run": full})
    return pd.DataFrame(rows)


_BEGIN = "<!-- keyness null: begin (benchmarks/keyness_null.py) -->"
_END = "<!-- keyness null: end -->"
_TBEGIN = "<!-- keyness timing: begin (benchmarks/keyness_null.py --timing) -->"
_TEND = "<!-- keyness timing: end -->"


def write_docs(text, path=HERE.parent / "docs" / "measures.md", *, begin=_BEGIN, end=_END):
    doc = path.read_text(encoding="utf-8")
    a, b = doc.index(begin) + len(begin), doc.index(end)
    path.write_text(doc[:a] + "\n" + text + "\n" + doc[b:], encoding="utf-8")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--shuffles", type=int, default=100)
    ap.add_argument("--corpora", nargs="+", default=["inaugural", "karabakh_sides"])
    ap.add_argument("--out", default=str(HERE / "keyness_null_results.csv"))
    ap.add_argument("--from-csv", nargs="+", metavar="CSV",
                    help="summarise result files of earlier runs instead of running")
    ap.add_argument("--write-docs", action="store_true",
                    help="replace the table in docs/measures.md")
    ap.add_argument("--timing", action="store_true",
                    help="only time keyness calls (document v token p; best of 3)")
    args = ap.parse_args(argv)
    t0 = time.time()
    if args.timing:
        tab = timing()
        lines = ["| design | method | document p (s) | token p (s) | ratio | terms tested | "
                 "terms re-scored for every relabelling |", "|---|---|---|---|---|---|---|"]
        lines += [f"| {r.design} | {r.method} | {r.document_s:.2f} | {r.token_s:.2f} | "
                  f"{r.ratio:.1f} | {r.terms_tested} | {r.full_run} |" for r in tab.itertuples()]
        print("\n".join(lines))
        if args.write_docs:
            write_docs("\n".join(lines), begin=_TBEGIN, end=_TEND)
        return
    if args.from_csv:
        table = pd.concat([pd.read_csv(f, keep_default_na=False, na_values=[""])
                           for f in args.from_csv], ignore_index=True)
        table["flagged_terms"] = table["flagged_terms"].fillna("")
    else:
        table = run(args.corpora, args.shuffles, partial=args.out)
        table.to_csv(args.out, index=False)
    text = markdown(summary(table))
    print(text)
    if args.write_docs:
        write_docs(text)
    print(f"({time.time() - t0:.0f} s)")


if __name__ == "__main__":
    main()
