"""Start-up and whole-command timings, as ratios measured in one run (issue 12).

    .venv/bin/python benchmarks/startup.py            # 7 repeats, best of each
    .venv/bin/python benchmarks/startup.py --repeat 3

Cells (each in a fresh subprocess, best wall time of the repeats):

* ``import pandas`` -- the baseline: every frameshift command reads a table, so it needs pandas;
* ``frameshift --version`` and ``frameshift --help`` (issue 12: within 1.5x of the baseline);
* ``frameshift count`` on the bundled Karabakh corpus, the whole command;
* ``kwic(inaugural, "the")`` against ``find_matches`` of the same pattern, in process, best CPU
  time of 7 alternating runs (the concordance is built from the match table, so it should cost
  little more than the matches).

``--tree DIR --module NAME`` times another checkout (e.g. the 0.1 layout, whose import name was
``analysis``) with the same interpreter, for before/after ratios in one run.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _best(cmd, repeat, env, cwd):
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        res = subprocess.run(cmd, capture_output=True, env=env, cwd=cwd)
        dt = time.perf_counter() - t0
        if res.returncode != 0:
            raise SystemExit(f"{' '.join(cmd)} failed:\n{res.stderr.decode()[-2000:]}")
        best = min(best, dt)
    return best


_KWIC = """
import time, {module} as fs
c = fs.read_corpus("inaugural")
fs.find_matches(c, {{"w": ["the"]}})  # tokens cached, engine warm
best = [float("inf")] * 2
for _ in range(7):  # alternating, best of 7 (CPU time: a shared machine disturbs it less)
    t0 = time.process_time(); m = fs.find_matches(c, {{"w": ["the"]}}); t1 = time.process_time()
    k = fs.kwic(c, "the"); t2 = time.process_time()
    best = [min(best[0], t1 - t0), min(best[1], t2 - t1)]
assert len(k) == len(m)
print(best[0], best[1], len(k))
"""


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--repeat", type=int, default=7)
    ap.add_argument("--tree", type=Path, default=None,
                    help="checkout to time instead of this one (its package on PYTHONPATH)")
    ap.add_argument("--module", default="frameshift", help="import name in that checkout")
    args = ap.parse_args(argv)
    env = dict(os.environ, MPLBACKEND="Agg")
    cwd = ROOT
    if args.tree is not None:
        code_dir = args.tree / "analysis" if (args.tree / "analysis" / args.module).is_dir() \
            else args.tree
        env["PYTHONPATH"] = str(code_dir)
        cwd = args.tree
    py = sys.executable
    cli = [py, "-m", args.module]
    rows = {
        "import pandas": _best([py, "-c", "import pandas"], args.repeat, env, cwd),
        "--version": _best(cli + ["--version"], args.repeat, env, cwd),
        "--help": _best(cli + ["--help"], args.repeat, env, cwd),
        "count (bundled)": _best(cli + ["count"], max(1, args.repeat // 2), env, cwd),
    }
    out = subprocess.run([py, "-c", _KWIC.format(module=args.module)], capture_output=True,
                         text=True, env=env, cwd=cwd, check=True).stdout.split()
    find_s, kwic_s, lines = float(out[0]), float(out[1]), int(out[2])
    base = rows["import pandas"]
    print(f"tree: {args.tree or ROOT} (import {args.module}); Python {sys.version.split()[0]}")
    print("| cell | seconds | ratio to `import pandas` |")
    print("|---|---|---|")
    for name, sec in rows.items():
        print(f"| {name} | {sec:.3f} | {sec / base:.2f} |")
    print(f"\nkwic(inaugural, 'the'): {lines} lines, {kwic_s:.3f} s; find_matches {find_s:.3f} s; "
          f"kwic / find_matches = {kwic_s / find_s:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
