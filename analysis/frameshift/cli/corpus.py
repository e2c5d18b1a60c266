"""``frameshift corpus info|validate``: look at a corpus, check a user's files.

``corpus validate`` is a checker: it prints ``ok: ...`` (and any warnings) and exits 0 when the
corpus loads, prints every problem found in the data (one per line, to standard output) and
exits 1 when it does not, and -- like every command -- exits 2 with ``frameshift: error: ...``
when it cannot check at all (the path does not exist or cannot be read).
"""

from __future__ import annotations

import warnings

from frameshift.corpus.readers import read_corpus
from frameshift.errors import CorpusError, EncodingError

from ._common import add_date_format_option, add_output_options, emit_table

__all__ = ["register"]


def register(sub) -> None:
    p = sub.add_parser("corpus", help="show or validate a corpus",
                       description="Show a corpus (one line per statement) or validate files.")
    csub = p.add_subparsers(dest="corpus_command", metavar="ACTION")
    for action, helptext in (("info", "list the statements as CSV: statement_id, actor, date, "
                                      "tokens, opening (the summary goes to standard error)"),
                             ("validate", "check a corpus and report every problem")):
        epilog = ("exit status: 0 if the corpus is valid (warnings are printed), 1 if it has "
                  "problems (each printed on its own line), 2 if it cannot be read at all"
                  if action == "validate" else None)
        q = csub.add_parser(action, help=helptext, description=helptext, epilog=epilog)
        q.add_argument("path", nargs="?", default="karabakh_2023", metavar="PATH",
                       help="corpus folder, CSV/TSV, JSONL, folder of .txt files or bundled "
                            "name (default: %(default)s)")
        g = q.add_argument_group("columns of a CSV/TSV/JSONL corpus")
        g.add_argument("--id-col", metavar="COL",
                       help="statement id column (default: statement_id, doc_id or id)")
        g.add_argument("--text-col", metavar="COL",
                       help="text column (default: text, content or body)")
        g.add_argument("--actor-col", metavar="COL",
                       help="actor column (default: actor, speaker or author)")
        g.add_argument("--date-col", metavar="COL", help="date column (default: date)")
        add_date_format_option(g)
        g.add_argument("--actors", metavar="FILE",
                       help="actor registry CSV (id,name,aliases,group)")
        if action == "info":
            add_output_options(q)
        q.set_defaults(func=_info if action == "info" else _validate)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def _load(args):
    return read_corpus(args.path, id_col=args.id_col, text_col=args.text_col,
                       actor_col=args.actor_col, date_col=args.date_col, actors=args.actors,
                       date_format=args.date_format)


def _info(args) -> int:
    """The statements as CSV on standard output (as the README says); a summary on stderr."""
    import sys

    from frameshift.files import provenance

    corpus = _load(args)
    summ = corpus.summary().copy()
    summ["opening"] = [o[:60] for o in summ["opening"]]
    print(f"{corpus!r}; {int(summ['tokens'].sum()):,} tokens in {len(summ)} statements",
          file=sys.stderr)
    return emit_table(summ, args, provenance=provenance(corpus=corpus, command="corpus info"))


def _validate(args) -> int:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            corpus = _load(args)
        except (CorpusError, EncodingError) as err:
            if err.problems:  # every problem, not only the first ones the message shows
                head = str(err).splitlines()[0]
                print(f"invalid: {head}")
                for prob in err.problems:
                    print(f"  {prob}")
            else:
                print(f"invalid: {err}")
            return 1
    for w in caught:
        print(f"warning: {w.message}")
    print(f"ok: {corpus!r}")
    return 0
