"""Rebuild tests/data/news/real/rules_when_fresh/<set>.csv: the quotes of each held-out set as
the attribution rules segmented them when the set was new to them (the main commit the lead
scored it with, docs/news.md "Evaluation on real reports").

The speaker chooser (frameshift.news.train) learns from these how far the rules' choice can be
trusted on reports they were not written from: the current rules were tuned on every set but
heldout7, so their choices there are right far more often than on unseen reports.

    python benchmarks/rules_when_fresh.py        # needs the git history of the repository

Each commit's analysis/ is unpacked (git archive) into a temporary folder, the compiled
extensions of this checkout are copied in, and `frameshift quotes SET --out` is run with it.
The score of each table reproduces the number scored once (checked below).
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tarfile
import tempfile
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "analysis"))

from frameshift.news.train import FRESH, FRESH_COLUMNS, fresh_path


def main() -> int:
    import pandas as pd

    real = ROOT / "tests" / "data" / "news" / "real"
    sos = [p.relative_to(ROOT) for p in (ROOT / "analysis").rglob("*.so")]
    with tempfile.TemporaryDirectory() as tmp:
        for name, commit in FRESH.items():
            code = Path(tmp) / name
            data = subprocess.run(["git", "-C", str(ROOT), "archive", commit, "analysis"],
                                  check=True, capture_output=True).stdout
            with tarfile.open(fileobj=BytesIO(data)) as tar:
                tar.extractall(code, filter="data")
            for so in sos:
                if (code / so).parent.is_dir():
                    shutil.copy(ROOT / so, code / so)
            out = Path(tmp) / f"{name}.csv"
            env = {"PYTHONPATH": str(code / "analysis"), "PATH": "/usr/bin:/bin"}
            # the rules alone: since session 8 the speaker chooser is the default
            cli = (code / "analysis" / "frameshift" / "cli" / "quotes.py").read_text("utf-8")
            rules = ["--speakers", "rules"] if "--speakers" in cli else []
            subprocess.run([sys.executable, "-m", "frameshift", "quotes", str(real / name),
                            "--out", str(out), *rules], check=True, env=env,
                           capture_output=True)
            seg = pd.read_csv(out, dtype={"actor": str, "evidence": str})
            seg = seg[seg["role"] == "quote"][FRESH_COLUMNS]
            path = fresh_path(name)
            path.parent.mkdir(parents=True, exist_ok=True)
            seg.to_csv(path, index=False)
            print(f"{path.relative_to(ROOT)}: {len(seg)} quotes (main {commit})")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
