"""``frameshift explore``: the explorer page, one self-contained HTML file."""

from __future__ import annotations

import sys

from ._common import add_corpus_options, add_lexicon_option, load_corpus, load_lexicon
from .shift import _nonneg_int

__all__ = ["register"]


def register(sub) -> None:
    """Register the ``explore`` sub-command."""
    p = sub.add_parser(
        "explore", help="write an interactive HTML page of the study (heatmap, KWIC, shifts, "
                        "keyness)",
        description="Write one self-contained HTML page (no network needed to open it): the "
        "group x frame heatmap of rates with counts (click a cell for its KWIC lines, each "
        "linked to its statement and source passage), the statement timeline and the shift "
        "between two chosen statements, a keyness scatter with the lexicon's coverage, and "
        "the provenance. Every number is a value of a library table.")
    add_corpus_options(p)
    add_lexicon_option(p)
    p.add_argument("--by", default="actor", metavar="COL",
                   help="statement column defining the groups (default: %(default)s)")
    p.add_argument("--pairs", choices=("consecutive", "all"), default=None,
                   help="statement pairs whose shift the page holds (default: all pairs up to "
                        "12 statements, else consecutive)")
    p.add_argument("--window", type=_nonneg_int, default=6, metavar="N",
                   help="words of context in KWIC lines (default: %(default)s)")
    p.add_argument("--max-lines", type=_nonneg_int, default=300, metavar="N",
                   help="KWIC lines kept per heatmap cell, 0 for all (default: %(default)s)")
    p.add_argument("--max-total-lines", type=_nonneg_int, default=15000, metavar="N",
                   help="KWIC lines kept over the page, 0 for all (default: %(default)s)")
    p.add_argument("--seed", type=int, default=0, help="random seed (default: %(default)s)")
    p.add_argument("--n-boot", type=_nonneg_int, default=2000, metavar="N",
                   help="bootstrap resamples per pair (default: %(default)s)")
    p.add_argument("--n-perm", type=_nonneg_int, default=2000, metavar="N",
                   help="permutations per pair (default: %(default)s)")
    p.add_argument("--title", help="page title (default: corpus x lexicon)")
    p.add_argument("--out", required=True, metavar="FILE.html",
                   help="the page to write (atomically, with FILE.html.provenance.json)")
    p.add_argument("--force", action="store_true",
                   help="replace an existing file that frameshift did not write")
    p.set_defaults(func=_explore)


def _explore(args) -> int:
    from frameshift.explorer import explore

    corpus = load_corpus(args)
    lexicon = load_lexicon(args)
    page = explore(corpus, lexicon, by=args.by, pairs=args.pairs, window=args.window,
                   max_lines=args.max_lines or None,
                   max_total_lines=args.max_total_lines or None,
                   n_boot=args.n_boot, n_perm=args.n_perm, seed=args.seed, title=args.title)
    path = page.save(args.out, force=args.force,
                     inputs=(args.corpus, args.lexicon, args.actors))
    for w in page.data["shift_warnings"]:
        print(f"frameshift: warning: {w}", file=sys.stderr)
    print(f"frameshift: wrote {path} ({len(page.html.encode('utf-8')):,} bytes)",
          file=sys.stderr)
    return 0
