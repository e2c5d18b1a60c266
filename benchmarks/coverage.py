"""Coverage harness: do frameshift's shift intervals cover and do its tests hold their level?

Synthetic statements with known frame rates (issue 13): sentences of 20-30 tokens, K = 5
categories, 4% of tokens framing words. ``iid``: every token of every sentence draws from the
same rates. ``clustered``: each sentence draws its own rates (category shares from a Dirichlet
around the statement's shares, concentration 10; overall framing rate times a Gamma(2, 1/2)
factor), as real sentences do; the expected rates are unchanged, so the truth is the same.

For every cell (sentences in A v B, iid or clustered) it simulates ``reps`` pairs

* with *different* true shares (A = .40 .25 .15 .12 .08, B = .20 .25 .30 .12 .13) and records,
  for every interval that ``shift_from_sentences`` reports, the share covering the truth
  (rate difference per 1,000 tokens, log2 rate ratio, JSD contribution, JSD, cosine of the
  true rates), the share of intervals reported at all, and how many had zero width;
* with the *same* true shares (A's) and records each permutation test's rejection rate at
  p < .05.

Run ``python benchmarks/coverage.py`` (full grid, 400 replications a cell, ~15 minutes on 2
cores) and ``--write-docs`` to replace the table in ``docs/measures.md``; ``--quick`` is the
small grid the tests run.
"""

from __future__ import annotations

import argparse
import sys
import time
import warnings
from pathlib import Path

import numpy as np
import pandas as pd

K = 5
FRAME_RATE = 0.04
SHARES_A = np.array([0.40, 0.25, 0.15, 0.12, 0.08])
SHARES_B = np.array([0.20, 0.25, 0.30, 0.12, 0.13])
SIZES = [(1, 1), (3, 3), (10, 10), (30, 30), (1, 7), (3, 7), (5, 20), (60, 60)]
QUICK_SIZES = [(1, 7), (3, 3), (10, 10), (40, 40)]
INTERVAL_MEASURES = ["rate_diff", "log_ratio", "jsd_contribution", "jsd", "cosine"]
TESTED_MEASURES = ["rate_diff", "log_ratio", "jsd_contribution", "jsd", "cosine"]

_BEGIN = "<!-- coverage table: begin (benchmarks/coverage.py --write-docs) -->"
_END = "<!-- coverage table: end -->"


def simulate_statement(rng, n_sentences, shares, *, clustered):
    """(counts (n, K), tokens (n,)) of one synthetic statement."""
    tokens = rng.integers(20, 31, n_sentences)
    counts = np.zeros((n_sentences, K))
    for i, t in enumerate(tokens):
        if clustered:
            s = rng.dirichlet(10.0 * shares)
            rate = FRAME_RATE * rng.gamma(2.0, 0.5)
        else:
            s, rate = shares, FRAME_RATE
        p = np.minimum(rate, 0.5) * s
        counts[i] = rng.multinomial(int(t), np.r_[p, 1.0 - p.sum()])[:K]
    return counts, tokens.astype(float)


def _truth():
    from frameshift.measures.shifts import cosine_distance, jsd, jsd_contributions

    ra, rb = FRAME_RATE * SHARES_A, FRAME_RATE * SHARES_B
    return {
        "rate_diff": 1000.0 * (rb - ra),
        "log_ratio": np.log2(rb / ra),
        "jsd_contribution": jsd_contributions(SHARES_A, SHARES_B),
        "jsd": np.array([float(jsd(SHARES_A, SHARES_B))]),
        "cosine": np.array([float(cosine_distance(ra, rb))]),
    }


def run_cell(n_a, n_b, *, clustered, reps, n_boot, n_perm, seed):
    """Coverage rows and rejection rows of one cell."""
    from frameshift.measures.shifts import shift_from_sentences

    truth = _truth()
    rng = np.random.default_rng(seed)
    cover = {m: [0, 0, 0, 0] for m in INTERVAL_MEASURES}  # intervals, reported, covering, flat
    reject = {m: [0, 0] for m in TESTED_MEASURES}         # tests, p < .05
    for r in range(reps):
        for null in (False, True):
            ca, ta = simulate_statement(rng, n_a, SHARES_A, clustered=clustered)
            cb, tb = simulate_statement(rng, n_b, SHARES_A if null else SHARES_B,
                                        clustered=clustered)
            t = shift_from_sentences(ca, ta, cb, tb, n_boot=0 if null else n_boot,
                                     n_perm=n_perm if null else 0, seed=rng, warn=False)
            for m in INTERVAL_MEASURES if not null else TESTED_MEASURES:
                rows = t[(t["measure"] == m)
                         & (t["category"].notna() == (m not in ("jsd", "cosine")))]
                if null:
                    p = rows["p"].to_numpy(dtype=float)
                    p = p[~np.isnan(p)]
                    reject[m][0] += len(p)
                    reject[m][1] += int((p < 0.05).sum())
                    continue
                lo = rows["ci_low"].to_numpy(dtype=float)
                hi = rows["ci_high"].to_numpy(dtype=float)
                ok = ~(np.isnan(lo) | np.isnan(hi))
                cover[m][0] += len(lo)
                cover[m][1] += int(ok.sum())
                cover[m][2] += int(((lo <= truth[m]) & (truth[m] <= hi) & ok).sum())
                cover[m][3] += int((ok & (hi - lo <= 0)).sum())
    cell = f"{'clustered' if clustered else 'iid'} {n_a} v {n_b}"
    out = []
    for m, (n, rep, cov, flat) in cover.items():
        out.append({"cell": cell, "kind": "coverage", "measure": m, "reps": reps,
                    "n": n, "reported": rep / n, "value": cov / rep if rep else np.nan,
                    "zero_width": flat})
    for m, (n, rej) in reject.items():
        out.append({"cell": cell, "kind": "rejection", "measure": m, "reps": reps, "n": n,
                    "reported": np.nan, "value": rej / n if n else np.nan, "zero_width": 0})
    return out


def run(*, sizes=SIZES, reps=400, n_boot=999, n_perm=999, seed=2026, quick=False):
    """The harness table (long form): cell, kind, measure, reps, n, reported, value, zero_width."""
    if quick:
        sizes, reps, n_boot, n_perm = QUICK_SIZES, 30, 199, 199
    rows = []
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for j, (n_a, n_b) in enumerate(sizes):
            for clustered in (False, True):
                rows.extend(run_cell(n_a, n_b, clustered=clustered, reps=reps, n_boot=n_boot,
                                     n_perm=n_perm, seed=seed + 2 * j + int(clustered)))
    return pd.DataFrame(rows)


def markdown(table):
    """Two markdown tables: coverage (share reported in brackets) and rejection rates."""
    lines = []
    cov = table[table["kind"] == "coverage"]
    reps = int(table["reps"].iloc[0])
    lines.append(f"Coverage of nominal 95% intervals ({reps} replications a cell; per-category "
                 "measures pool the 5 categories; in brackets the share of intervals reported "
                 "— the rest are NaN with the reason in `ci_method`; \"-\" none reported):")
    lines.append("")
    lines.append("| cell | " + " | ".join(INTERVAL_MEASURES) + " | zero-width |")
    lines.append("|---" * (len(INTERVAL_MEASURES) + 2) + "|")
    for cell, g in cov.groupby("cell", sort=False):
        g = g.set_index("measure")
        vals = []
        for m in INTERVAL_MEASURES:
            v, rep = g.loc[m, "value"], g.loc[m, "reported"]
            vals.append("-" if rep == 0 else f"{v:.3f} ({rep:.2f})" if rep < 1 else f"{v:.3f}")
        lines.append(f"| {cell} | " + " | ".join(vals) + f" | {int(g['zero_width'].sum())} |")
    rej = table[table["kind"] == "rejection"]
    lines.append("")
    lines.append(f"Rejection rate of the permutation tests at p < .05 with the same true "
                 f"rates in A and B ({reps} replications a cell):")
    lines.append("")
    lines.append("| cell | " + " | ".join(TESTED_MEASURES) + " |")
    lines.append("|---" * (len(TESTED_MEASURES) + 1) + "|")
    for cell, g in rej.groupby("cell", sort=False):
        g = g.set_index("measure")
        lines.append(f"| {cell} | " + " | ".join(f"{g.loc[m, 'value']:.3f}"
                                                 for m in TESTED_MEASURES) + " |")
    return "\n".join(lines)


def write_docs(text, path=Path(__file__).resolve().parents[1] / "docs" / "measures.md"):
    doc = path.read_text(encoding="utf-8")
    if _BEGIN not in doc or _END not in doc:
        raise SystemExit(f"{path}: markers {_BEGIN!r} ... {_END!r} not found.")
    a, b = doc.index(_BEGIN) + len(_BEGIN), doc.index(_END)
    path.write_text(doc[:a] + "\n" + text + "\n" + doc[b:], encoding="utf-8")


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true")
    ap.add_argument("--reps", type=int, default=400)
    ap.add_argument("--write-docs", action="store_true")
    ap.add_argument("--csv", type=Path)
    args = ap.parse_args(argv)
    t0 = time.time()
    table = run(reps=args.reps, quick=args.quick)
    text = markdown(table)
    print(text)
    print(f"\n({time.time() - t0:.0f} s)", file=sys.stderr)
    if args.csv:
        table.to_csv(args.csv, index=False)
    if args.write_docs:
        write_docs(text)


if __name__ == "__main__":
    main()
