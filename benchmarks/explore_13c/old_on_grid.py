"""Score the cluster-robust t rate-difference interval (before session 6 part 2) on a grid.

For comparison only, on the same seeds and draws as the harness (the interval uses no random
numbers): ``PYTHONPATH=analysis python benchmarks/explore_13c/old_on_grid.py heldout4 OUT.csv``
from the repository root. The old ``intervals.py`` is read from commit cdc9663.
"""

import importlib.util
import subprocess
import sys
import tempfile
from pathlib import Path

root = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(root / "benchmarks"))
src = subprocess.run(
    [
        "git",
        "-C",
        str(root),
        "show",
        "cdc9663:analysis/frameshift/measures/intervals.py",
    ],
    check=True,
    capture_output=True,
    text=True,
).stdout
with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
    f.write(src)
spec = importlib.util.spec_from_file_location("old_intervals", f.name)
old = importlib.util.module_from_spec(spec)
spec.loader.exec_module(old)

import coverage as cv
import frameshift.measures.shifts as sh

sh.rate_diff_interval = old.rate_diff_interval
cv.main(["--grid", sys.argv[1], "--top-up", "1800", "--csv", sys.argv[2]])
