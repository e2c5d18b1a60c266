"""The whole ``frameshift count`` command against its floor, in one run (issue 20).

    .venv/bin/python benchmarks/command.py                 # inaugural x20, 9,000 patterns, 5 rounds
    .venv/bin/python benchmarks/command.py --scale 20 --repeat 7 --lexicon karabakh_framing

Writes inaugural xK as a CSV (new statement ids for every copy), then runs, alternating in each
round so that load from other jobs falls on all of them alike:

* ``floor``: ``benchmarks/command_floor.py`` -- a Python process that reads the same CSV with
  the standard library, runs ``re.findall(r"\\w+")`` on every text and writes one row per
  statement;
* ``count``: ``frameshift count --corpus CSV --lexicon LEX --by statement_id --out OUT``;
* ``quanteda`` (when ``Rscript`` with quanteda is found, or ``--rscript`` names it): the same CSV
  read with ``read.csv``, ``tokens()`` + ``dfm(tokens_lookup())`` with the lexicon converted
  to a quanteda dictionary (``frameshift lexicon convert``), the counts written as CSV.

Each cell reports the best wall time and the best CPU time (user + system of the child) over the
rounds, and its peak resident memory. The machine is shared: read the ratios, which are
measured in the same run; CPU time is less disturbed by other jobs than wall time.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent

# quanteda's side (run only where R with quanteda is installed; one thread, the machine is
# shared): read the CSV, tokens(), dfm(tokens_lookup()), write the counts.
_R_SCRIPT = r"""
suppressPackageStartupMessages(library(quanteda))
quanteda_options(threads = 1)
args <- commandArgs(trailingOnly = TRUE)
d <- read.csv(args[1], stringsAsFactors = FALSE, encoding = "UTF-8")
dict <- dictionary(file = args[2], format = "YAML")
toks <- tokens(corpus(d, docid_field = "statement_id", text_field = "text"))
m <- dfm(tokens_lookup(toks, dict, nested_scope = "key"))
out <- convert(m, to = "data.frame")
write.csv(out, args[3], row.names = FALSE)
"""


def write_shared_lexicon(lexicon: str, fs_path: Path, q_path: Path) -> int:
    """The patterns of ``lexicon`` that quanteda can express (words, globs, phrases: no gap,
    regex or exact patterns, no exclusions), as a frameshift and a quanteda YAML file."""
    import yaml

    from frameshift.lexicon.formats import read_lexicon

    lex = read_lexicon(lexicon)
    cats = {}
    for cat in lex.categories:
        pats = [p.text for p in cat.patterns
                if p.kind != "regex" and not p.exact and all(isinstance(w, str) for w in p.words)]
        cats[str(cat.id)] = pats
    q_path.write_text(yaml.safe_dump(cats, allow_unicode=True), encoding="utf-8")
    fs_path.write_text(yaml.safe_dump({"name": "shared", "categories": [
        {"id": k, "patterns": v} for k, v in cats.items()]}, allow_unicode=True),
        encoding="utf-8")
    return sum(map(len, cats.values()))


def write_corpus(scale: int, path: Path) -> int:
    """inaugural x``scale`` as a CSV; returns its size in bytes."""
    import pandas as pd

    from frameshift.corpus.readers import read_corpus

    st = read_corpus("inaugural").statements[["statement_id", "actor", "date", "text"]]
    parts = []
    for k in range(scale):
        d = st.copy()
        d["statement_id"] = d["statement_id"].astype(str) + f"#{k}"
        parts.append(d)
    pd.concat(parts, ignore_index=True).to_csv(path, index=False)
    return path.stat().st_size


def run_once(cmd, env) -> tuple[float, float, int, str]:
    """(wall s, cpu s, peak RSS bytes, stderr) of one run of ``cmd``; exits if it fails."""
    # GNU time reports the command's own peak RSS (the rusage of a child forked from this
    # process would count this process's pages too) and its user and system CPU time.
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile("r") as rep:
        t0 = time.perf_counter()
        proc = subprocess.run(["/usr/bin/time", "-o", rep.name, "-f", "%M %U %S", *cmd],
                              stdout=subprocess.DEVNULL, stderr=err, env=env)
        wall = time.perf_counter() - t0
        err.seek(0)
        text = err.read().decode(errors="replace")
        last = rep.read().split()[-3:]
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(map(str, cmd))} failed ({proc.returncode}):\n{text[-2000:]}")
    rss_kb, user, system = int(last[0]), float(last[1]), float(last[2])
    return wall, user + system, rss_kb * 1024, text


def find_rscript(given: str | None) -> str | None:
    rs = given or shutil.which("Rscript")
    if not rs:
        return None
    ok = subprocess.run([rs, "-e", "suppressPackageStartupMessages(library(quanteda))"],
                        capture_output=True)
    return rs if ok.returncode == 0 else None


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--scale", type=int, default=20)
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--lexicon", default=str(ROOT / "benchmarks" / "synthetic_9000.yml"))
    ap.add_argument("--rscript", default=None, help="Rscript with quanteda (default: on PATH)")
    ap.add_argument("--no-quanteda", action="store_true")
    ap.add_argument("--base", type=Path, default=None,
                    help="another checkout (e.g. `git worktree add /tmp/base main`, its C "
                         "extensions built): adds the cell count_base, the same command with "
                         "that checkout's analysis/ on PYTHONPATH, for before/after ratios")
    ap.add_argument("--no-bytecode", action="store_true",
                    help="run the cells as the environment says (with PYTHONDONTWRITEBYTECODE "
                         "set, every run compiles frameshift's modules again); by default "
                         "they use compiled bytecode, as an installed package does")
    args = ap.parse_args(argv)
    env = dict(os.environ, MPLBACKEND="Agg")
    tmp = Path(tempfile.mkdtemp(prefix="fs-command-"))
    if not args.no_bytecode:
        # pip installs a package with its bytecode compiled; a checkout run with
        # PYTHONDONTWRITEBYTECODE set compiles ~20 modules on every start (~0.05 s)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = str(tmp / "pycache")
    # frameshift's lexicon cache (lexicon/cache.py) in this run's folder: `count` runs with it
    # filled by the warm-up run (a lexicon used again), `count_cold` with it turned off
    env["FRAMESHIFT_LEXICON_CACHE"] = str(tmp / "lexicon-cache")
    try:
        csv_path = tmp / "corpus.csv"
        size = write_corpus(args.scale, csv_path)
        cells = {
            "floor": [sys.executable, str(ROOT / "benchmarks" / "command_floor.py"),
                      str(csv_path), str(tmp / "floor.csv")],
            "count": [str(BIN / "frameshift"), "count", "--corpus", str(csv_path), "--lexicon",
                      args.lexicon, "--by", "statement_id", "--out", str(tmp / "count.csv"),
                      "--force"],
        }
        cells["count_cold"] = ([*cells["count"][:9], str(tmp / "count_cold.csv"), "--force"],
                               {"FRAMESHIFT_LEXICON_CACHE": "off"})
        if args.base is not None:
            cells["count_base"] = ([sys.executable, "-m", "frameshift", *cells["count"][1:9],
                                    str(tmp / "count_base.csv"), "--force"],
                                   {"PYTHONPATH": str(args.base.resolve() / "analysis")})
        rs = None if args.no_quanteda else find_rscript(args.rscript)
        if rs:
            qdict, shared = tmp / "dict_quanteda.yml", tmp / "dict_shared.yml"
            n_shared = write_shared_lexicon(args.lexicon, shared, qdict)
            (tmp / "q.R").write_text(_R_SCRIPT)
            cells["count_q"] = [*cells["count"][:5], str(shared), *cells["count"][6:9],
                                str(tmp / "count_q.csv"), "--force"]
            cells["quanteda"] = [rs, str(tmp / "q.R"), str(csv_path), str(qdict),
                                 str(tmp / "quanteda.csv")]
        best = {k: [float("inf"), float("inf"), 0] for k in cells}
        for name, cmd in cells.items():  # warm-up, not timed: bytecode, caches, page cache
            cmd, extra = cmd if isinstance(cmd, tuple) else (cmd, {})
            run_once(cmd, {**env, **extra})
        for _ in range(args.repeat):
            for name, cmd in cells.items():
                cmd, extra = cmd if isinstance(cmd, tuple) else (cmd, {})
                wall, cpu, rss, _ = run_once(cmd, {**env, **extra})
                b = best[name]
                b[0], b[1], b[2] = min(b[0], wall), min(b[1], cpu), max(b[2], rss)
        print(f"inaugural x{args.scale} CSV, {size / 1e6:.1f} MB; lexicon {args.lexicon}; "
              f"best of {args.repeat}; load average {os.getloadavg()[0]:.1f}; "
              f"{'no compiled bytecode' if args.no_bytecode else 'compiled bytecode'}; "
              f"count_cold: lexicon cache off")
        print(f"{'cell':<10} {'wall s':>8} {'cpu s':>8} {'peak MB':>8} "
              f"{'floor/cell wall':>16} {'floor/cell cpu':>15}")
        f_wall, f_cpu = best["floor"][0], best["floor"][1]
        for name, (wall, cpu, rss) in best.items():
            print(f"{name:<10} {wall:8.3f} {cpu:8.3f} {rss / 1e6:8.0f} {f_wall / wall:16.2f} "
                  f"{f_cpu / cpu:15.2f}")
        same_cold = (tmp / "count.csv").read_bytes() == (tmp / "count_cold.csv").read_bytes()
        print(f"count (lexicon cache filled) and count_cold (cache off): outputs "
              f"{'byte-identical' if same_cold else 'DIFFERENT'}")
        if args.base is not None:
            import json

            def record(name):  # the provenance record, but for the file's own name
                rec = json.loads((tmp / f"{name}.csv.provenance.json").read_text())
                rec.get("output", {}).pop("file", None)
                return rec

            same = (tmp / "count.csv").read_bytes() == (tmp / "count_base.csv").read_bytes() \
                and record("count") == record("count_base")
            print(f"count_base: {args.base}; count_base / count wall "
                  f"{best['count_base'][0] / best['count'][0]:.2f}x, cpu "
                  f"{best['count_base'][1] / best['count'][1]:.2f}x; outputs "
                  f"{'byte-identical, provenance equal' if same else 'DIFFERENT'}")
        if not rs:
            print("quanteda: not available (no Rscript with library(quanteda))")
        else:
            import pandas as pd

            ours = int(pd.read_csv(tmp / "count_q.csv")["count"].sum())
            q = pd.read_csv(tmp / "quanteda.csv")
            theirs = int(q.drop(columns=[q.columns[0]]).to_numpy().sum())
            print(f"count_q and quanteda: the {n_shared:,} patterns quanteda can express "
                  f"(no gaps); total matches frameshift {ours:,}, quanteda {theirs:,}; "
                  f"quanteda / count_q wall {best['quanteda'][0] / best['count_q'][0]:.2f}x, "
                  f"cpu {best['quanteda'][1] / best['count_q'][1]:.2f}x")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
