"""Language detection, per-character loop against the table lookup (issue 16), in one run.

    .venv/bin/python benchmarks/detect_language.py            # ~4 MB, 5 repeats
    .venv/bin/python benchmarks/detect_language.py --mb 2 --repeat 3

The texts are the multilingual sample's statements (tests/data/languages, ru/hy/az) and the
inaugural addresses (en), repeated to about ``--mb`` megabytes of UTF-8, detected one
statement at a time, and the same texts cut into sentences (short statements) through
``statement_languages`` (one pass over all of them). ``loop`` is the detection as first written (a Python loop over the
characters calling ``_script``), kept here as the baseline; ``table`` is
``frameshift.detect_language``. Both must give the same answers (checked); the table is built
once before the clock (it is built on first use, ~0.1 s, and kept for the process). Best
time of the repeats; read the ratio, the machine is shared.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import pandas as pd

import frameshift as fs
from frameshift.text import languages as L

ROOT = Path(__file__).resolve().parents[1]


def loop_detect(text):
    counts, az = {}, 0
    for ch in text:
        s = L._script(ch)
        if s is None:
            continue
        counts[s] = counts.get(s, 0) + 1
        if ch in L._AZ_LETTERS:
            az += 1
    total = sum(counts.values())
    if not total:
        return None, 0.0
    script = max(counts, key=counts.get)
    conf = counts[script] / total
    if script == "Armn":
        return "hy", round(conf, 3)
    if script == "Cyrl":
        return "ru", round(conf, 3)
    if script != "Latn":
        return None, round(conf, 3)
    share = az / counts["Latn"]
    if 0.01 <= share <= 0.03:
        conf /= 2
    return ("az" if share >= L._AZ_SHARE else "en"), round(conf, 3)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--mb", type=float, default=4.0)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()
    st = pd.read_csv(ROOT / "tests/data/languages/statements.csv", keep_default_na=False)
    base = st["text"].tolist() + fs.read_corpus("inaugural").statements["text"].tolist()
    size = sum(len(t.encode()) for t in base)
    texts = base * max(1, round(a.mb * 1e6 / size))
    mb = sum(len(t.encode()) for t in texts) / 1e6
    L._script_table()
    res = {}
    for name, f in (("loop", loop_detect), ("table", fs.detect_language)):
        best = float("inf")
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            out = [f(t) for t in texts]
            best = min(best, time.perf_counter() - t0)
        res[name] = (best, out)
    assert res["loop"][1] == res["table"][1], "the two detections disagree"
    short = [p for t in texts for p in t.split(". ") if p]
    frame = pd.DataFrame({"statement_id": range(len(short)), "text": short})
    for name, f in (("loop/short", lambda: [loop_detect(t) for t in short]),
                    ("table/short", lambda: [
                        (x if isinstance(x, str) else None, c) for x, c in zip(
                            *fs.statement_languages(frame)[["language", "confidence"]]
                            .to_dict("list").values())])):
        best = float("inf")
        for _ in range(a.repeat):
            t0 = time.perf_counter()
            out = f()
            best = min(best, time.perf_counter() - t0)
        res[name] = (best, out)
    assert res["loop/short"][1] == res["table/short"][1], "the two detections disagree"
    print(f"{len(texts)} texts ({len(short)} sentences), {mb:.1f} MB UTF-8")
    for name, (t, _) in res.items():
        print(f"{name:12s} {t:7.3f} s  {mb / t:7.1f} MB/s")
    print(f"speed-up x{res['loop'][0] / res['table'][0]:.1f} (whole texts), "
          f"x{res['loop/short'][0] / res['table/short'][0]:.1f} (sentences)")


if __name__ == "__main__":
    main()
