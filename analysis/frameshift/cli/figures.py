"""``frameshift figures``: rebuild the paper's figures (PNG, PDF, CSV and a manifest)."""

from __future__ import annotations

import sys

__all__ = ["register"]


def register(sub) -> None:
    p = sub.add_parser(
        "figures", help="rebuild the registered figures (PNG, PDF, CSV, manifest)",
        description="Compute and draw every registered figure from the bundled corpora and "
                    "lexicon, writing <id>.png (300 dpi), <id>.pdf, <id>.csv (the numbers "
                    "drawn) and manifest.json into --out. Running it twice gives the same "
                    "bytes.")
    p.add_argument("--out", default="figures", metavar="DIR",
                   help="output folder (default: %(default)s)")
    p.add_argument("--only", action="append", metavar="ID",
                   help="build only this figure (repeatable); see --list")
    p.add_argument("--list", action="store_true", help="list the registered figures and exit")
    p.add_argument("--force", action="store_true",
                   help="write into a folder that holds files frameshift did not write")
    p.set_defaults(func=_figures)


def _figures(args) -> int:
    from frameshift.figures import REGISTRY, build_figures

    if args.list:
        for fid, spec in REGISTRY.items():
            print(f"{fid}\t{spec.title}")
        return 0
    build_figures(args.out, only=args.only, force=args.force,
                  progress=lambda line: print(f"wrote {line}", file=sys.stderr))
    return 0
