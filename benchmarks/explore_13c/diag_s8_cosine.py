"""Session 8: is the cosine's rejection rate below 0.03 in two HELDOUT5 cells (0.027 framing 2.5%
iid 7 v 18, 0.028 strong clustering iid 20 v 20; 600 replications, sd ~0.007) Monte Carlo
noise? The same cells, new seeds (4100 + cell), REPS null replications (harness ``run_cell``
with ``n_boot=0``: rejection rows only).

``PYTHONPATH=analysis python benchmarks/explore_13c/diag_s8_cosine.py REPS``
"""

import sys
import warnings
from pathlib import Path

import numpy as np

sys.path[:0] = [str(Path(__file__).resolve().parents[1]), str(Path(__file__).resolve().parent)]
import coverage as cv

CELLS = ("framing 2.5%, sentences 30-40 tokens iid 7 v 18",
         "strong clustering (Dirichlet 2, Gamma(0.9)) iid 20 v 20")


def main():
    warnings.simplefilter("ignore")
    reps = int(sys.argv[1]) if len(sys.argv) > 1 else 3000
    for j, (name, n_a, n_b, cl, d) in enumerate(cv._grid_cells("heldout5")):
        if name not in CELLS:
            continue
        rows = cv.run_cell(n_a, n_b, clustered=cl, reps=reps, n_boot=0, n_perm=999,
                           seed=4100 + j, design=d)
        for r in rows:
            if r["kind"] == "rejection":
                se = np.sqrt(r["value"] * (1 - r["value"]) / r["n"])
                print(f"{name[:55]:55s} {r['measure']:17s} p<.05 {r['value']:.4f} +- {se:.4f} "
                      f"(exact {r['value_exact']:.4f}; {r['n']} tests)", flush=True)


if __name__ == "__main__":
    main()
