"""How ``frameshift quotes`` scales with the article (issue 17): time against size and quotes.

Usage::

    .venv/bin/python benchmarks/quotes_scale.py            # every article below (~3 minutes)
    .venv/bin/python benchmarks/quotes_scale.py --quick    # without the 20 MB articles
    .venv/bin/python benchmarks/quotes_scale.py --markdown

Each article is written to a temporary folder and run through the command line, ``frameshift
quotes ARTICLE --out seg.csv``, in a fresh subprocess (imports, reading, segmentation,
attribution and the CSV with its provenance included). Reported: wall-clock seconds, the
child's CPU seconds (user + system: the machine is shared, so wall time carries the load of
others), quotes found, and the ratio to a *bare pass* over the same text measured in the same
run: one ``re.finditer`` for quotation marks (what any quote finder must at least do). A ratio
that stays flat from 2 MB to 20 MB means linear time.

Articles (all built here, deterministic):

``founding-2mb``, ``founding-20mb``
    the founding article (``corpus/karabakh_2023/sources/commonspace-2023-03-28.txt``) with
    its body repeated to 2 and 20 MB: about one quote per 200 characters (100,000 at 20 MB),
    with its registry ``corpus/karabakh_2023/actors.csv``.
``narration-20mb``
    the same body with its quotation marks removed, repeated to 20 MB: a long article with no
    quote (what every article costs before attribution).
``quotes-10k``
    10,000 quotes: the paragraphs of the real reports of ``tests/data/news/real`` (dev and
    held-out) drawn at random (seed 17) until 10,000 quoted spans, with their registry.
``quotes-10k-one-paragraph``
    10,000 short quotes in one paragraph with no full stop (``He said "wN", she said ...``).

With ``--read-news``, also :func:`frameshift.read_news` (segmentation *and* the assembly of
the corpus, :func:`frameshift.corpus_from_segments`) on ``quotes-10k`` and on
``one-speaker-10k`` (10,000 different quotes of one registered speaker: one statement of
10,000 fragments, where the assembly compared every pair before issue 17), in a fresh
subprocess each: wall and CPU seconds, and the statements and fragments it made.
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FOUNDING = ROOT / "corpus" / "karabakh_2023" / "sources" / "commonspace-2023-03-28.txt"
FOUNDING_ACTORS = ROOT / "corpus" / "karabakh_2023" / "actors.csv"
REAL = ROOT / "tests" / "data" / "news" / "real"
MARKS = re.compile('["“”„«»‹›‘’]')


def _repeat_body(text: str, size: int) -> str:
    head, body = text.split("\n", 1)
    body = body.strip("\n") + "\n\n"
    return head + "\n\n" + body * max(1, size // len(body))


def founding(size: int) -> str:
    return _repeat_body(FOUNDING.read_text(encoding="utf-8"), size)


def narration(size: int) -> str:
    return _repeat_body(re.sub('["“”„«»]', "", FOUNDING.read_text(encoding="utf-8")), size)


def quotes_10k(n: int = 10_000) -> str:
    paras = []
    for f in sorted(REAL.glob("*/*.txt")):
        paras += [p.strip() for p in f.read_text(encoding="utf-8").split("\n\n")[1:]
                  if p.count('"') + p.count("“") >= 2]
    rng = random.Random(17)
    out, quotes = ["Ten thousand quotes"], 0
    while quotes < n:
        p = rng.choice(paras)
        out.append(p)
        quotes += (p.count('"') + p.count("“") + p.count("”")) // 2
    return "\n\n".join(out) + "\n"


def quotes_one_paragraph(n: int = 10_000) -> str:
    return ("Headline\n\n" + " ".join(f'He said "w{i} is fine", she said' for i in range(n))
            + ".\n")


def one_speaker(n: int = 10_000) -> str:
    return "Headline\n\n" + "\n\n".join(f'Baku said "plan {i} {i * 7}".'
                                          for i in range(n)) + "\n"


ONE_SPEAKER_ACTORS = "id,name,aliases\nbaku,Azerbaijan,Baku\n"


def run_read_news(path: Path, actors: Path) -> tuple[float, float, str]:
    code = ("import frameshift as fs, warnings; warnings.simplefilter('ignore'); "
            f"c = fs.read_news({str(path)!r}, actors={str(actors)!r}); "
            "print(len(c.statements), len(c.fragments))")
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        raise SystemExit(f"read_news {path.name}: exit {r.returncode}\n{r.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu, r.stdout.strip()


def bare_pass(text: str) -> float:
    t0 = time.perf_counter()
    sum(1 for _ in MARKS.finditer(text))
    return time.perf_counter() - t0


def run_quotes(path: Path, actors: Path | None, out: Path) -> tuple[float, float]:
    cmd = [sys.executable, "-m", "frameshift", "quotes", str(path), "--out", str(out), "--force"]
    if actors is not None:
        cmd += ["--actors", str(actors)]
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    r = subprocess.run(cmd, capture_output=True, text=True, env={**os.environ})
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if r.returncode != 0:
        raise SystemExit(f"{path.name}: exit {r.returncode}\n{r.stderr[-2000:]}")
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--quick", action="store_true", help="leave out the 20 MB articles")
    ap.add_argument("--markdown", action="store_true", help="print a Markdown table")
    ap.add_argument("--read-news", action="store_true",
                    help="also time read_news (segmentation + corpus assembly)")
    args = ap.parse_args(argv)
    cases = [("founding-2mb", lambda: founding(2_000_000), FOUNDING_ACTORS),
             ("quotes-10k", quotes_10k, REAL / "actors.csv"),
             ("quotes-10k-one-paragraph", quotes_one_paragraph, None)]
    if not args.quick:
        cases += [("founding-20mb", lambda: founding(20_000_000), FOUNDING_ACTORS),
                  ("narration-20mb", lambda: narration(20_000_000), FOUNDING_ACTORS)]
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, build, actors in cases:
            text = build()
            path = Path(tmp) / f"{name}.txt"
            path.write_text(text, encoding="utf-8")
            bare = min(bare_pass(text) for _ in range(3))
            out = Path(tmp) / f"{name}.csv"
            wall, cpu = run_quotes(path, actors, out)
            import csv

            with open(out, encoding="utf-8", newline="") as fh:
                quotes = sum(1 for row in csv.DictReader(fh) if row["role"] == "quote")
            rows.append((name, len(text.encode("utf-8")) / 1e6, quotes, wall, cpu, bare,
                         cpu / bare))
            print(f"{name}: {rows[-1][1]:.1f} MB, {quotes} quotes, wall {wall:.2f} s, "
                  f"cpu {cpu:.2f} s, bare pass {bare:.4f} s, cpu/bare {cpu / bare:.0f}",
                  file=sys.stderr)
        if args.read_news:
            news = []
            for name, build, actors in [("quotes-10k", quotes_10k, REAL / "actors.csv"),
                                        ("one-speaker-10k", one_speaker, None)]:
                path = Path(tmp) / f"news-{name}.txt"
                path.write_text(build(), encoding="utf-8")
                if actors is None:
                    actors = Path(tmp) / "one-speaker-actors.csv"
                    actors.write_text(ONE_SPEAKER_ACTORS, encoding="utf-8")
                wall, cpu, made = run_read_news(path, actors)
                news.append((name, wall, cpu, made))
                print(f"read_news {name}: wall {wall:.2f} s, cpu {cpu:.2f} s, statements and "
                      f"fragments {made}", file=sys.stderr)
    if args.markdown and args.read_news:
        print("| read_news on | wall s | CPU s | statements, fragments |")
        print("|---|---|---|---|")
        for name, wall, cpu, made in news:
            print(f"| {name} | {wall:.2f} | {cpu:.2f} | {made.replace(' ', ', ')} |")
        print()
    if args.markdown:
        print("| article | MB | quotes | wall s | CPU s | bare pass s | CPU / bare |")
        print("|---|---|---|---|---|---|---|")
        for name, mb, q, wall, cpu, bare, ratio in rows:
            print(f"| {name} | {mb:.1f} | {q:,} | {wall:.2f} | {cpu:.2f} | {bare:.4f} | "
                  f"{ratio:.0f} |")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
