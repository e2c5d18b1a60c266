"""``frameshift lexicon check|list|convert``: inspect, check and convert lexicons.

``lexicon convert`` reads any format of ``frameshift.lexicon.LEXICON_FORMATS`` and writes the
one of ``--out``'s extension (``--levels`` keeps chosen nesting levels, as quanteda's
``levels=``).

``lexicon check`` reads a lexicon (every validation problem is an error naming file and line)
and checks it against a corpus: the types each glob matched, near misses (typos such as
"instrastructure"), categories that matched nothing, and accepted quality problems of
imported dictionaries. One CSV table: check, category, pattern, type, count, detail.
"""

from __future__ import annotations

from pathlib import Path

from frameshift.errors import OutputExistsError
from ._common import (DEFAULT_LEXICON, add_corpus_options, add_group_options, add_match_options,
                      add_output_options, emit_table, int_at_most, load_corpus,
                      match_settings_of, nonneg_int)

__all__ = ["register"]


def register(sub) -> None:
    p = sub.add_parser("lexicon", help="check, list or convert lexicons",
                       description="Check a lexicon against a corpus, list the bundled "
                                   "lexicons, or convert a lexicon to YAML or CSV.")
    lsub = p.add_subparsers(dest="lexicon_command", metavar="ACTION")
    q = lsub.add_parser("check", help="check a lexicon against a corpus",
                        description="Glob expansions, near misses, categories without "
                                    "matches. Columns: check, category, pattern, type, "
                                    "count, detail.")
    q.add_argument("lexicon", nargs="?", default=DEFAULT_LEXICON, metavar="NAME|PATH",
                   help="bundled lexicon name or lexicon file (default: %(default)s)")
    add_corpus_options(q)
    q.add_argument("--max-distance", type=int_at_most(3), metavar="N",
                   help="largest edit distance of a near miss (default: 1, or 2 for words "
                        "of 8+ characters)")
    add_match_options(q)
    add_output_options(q)
    q.set_defaults(func=_check)
    q = lsub.add_parser("list", help="list the bundled lexicons",
                        description="Bundled lexicons: name, version, categories, patterns, "
                                    "description.")
    add_output_options(q)
    q.set_defaults(func=_list)
    q = lsub.add_parser("convert", help="convert a lexicon between formats",
                        description="Read a lexicon in any supported format (frameshift "
                                    "YAML, quanteda YAML, LIWC .dic, WordStat .cat, "
                                    "Yoshikoder .ykd/.lcd, Lexicoder .lc3, CSV) and write it "
                                    "in the format of --out's extension (.yml frameshift "
                                    "YAML, or quanteda YAML with --format quanteda).")
    q.add_argument("lexicon", metavar="NAME|PATH")
    q.add_argument("--out", required=True, metavar="FILE",
                   help="output file (.yml/.yaml, .csv, .dic, .cat, .ykd, .lcd, .lc3)")
    q.add_argument("--format", choices=["frameshift", "quanteda"], default=None,
                   help="for a .yml output: frameshift YAML (default) or a quanteda dictionary")
    q.add_argument("--levels", metavar="N[,N...]", default=None,
                   help="keep only these nesting levels of a nested dictionary (1 = top), as "
                        "quanteda's levels=; e.g. --levels 1 or --levels 1,3")
    q.add_argument("--encoding", metavar="CODEC", default=None,
                   help="text encoding of the input file (default UTF-8), e.g. cp1252")
    q.add_argument("--force", action="store_true", help="replace an existing file")
    q.set_defaults(func=_convert)
    q = lsub.add_parser("expand", help="candidate terms to add to a lexicon",
                        description="The most distinctive terms of a target group (Fightin' "
                                    "Words against the rest, or a reference) that no pattern "
                                    "of the lexicon covers: candidates to review in context "
                                    "with `frameshift kwic TERM`. Columns: term, "
                                    "count_target, count_reference, score, p, p_adjusted.")
    q.add_argument("lexicon", nargs="?", default=DEFAULT_LEXICON, metavar="NAME|PATH",
                   help="bundled lexicon name or lexicon file (default: %(default)s)")
    add_corpus_options(q)
    add_group_options(q, by_default="actor")
    q.add_argument("--top", type=nonneg_int, default=30, metavar="N",
                   help="number of candidates (default: %(default)s)")
    q.add_argument("--min-count", type=nonneg_int, default=2, metavar="N",
                   help="least count in the target (default: %(default)s)")
    add_match_options(q)
    add_output_options(q)
    q.set_defaults(func=_expand)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def _check(args) -> int:
    from frameshift.files import provenance
    from frameshift.lexicon import read_lexicon
    from frameshift.matching import check_lexicon

    lexicon = read_lexicon(args.lexicon)
    corpus = load_corpus(args)
    settings = match_settings_of(args)
    report = check_lexicon(corpus, lexicon, max_distance=args.max_distance, settings=settings)
    return emit_table(report.to_frame(), args,
                      provenance=provenance(corpus=corpus, lexicon=lexicon,
                                            settings=settings.as_dict(),
                                            command="lexicon check"))


def _expand(args) -> int:
    from frameshift.files import provenance
    from frameshift.lexicon import read_lexicon
    from frameshift.measures.key_terms import expansion_candidates

    lexicon = read_lexicon(args.lexicon)
    corpus = load_corpus(args)
    table = expansion_candidates(corpus, lexicon, by=args.by, target=args.target,
                                 reference=args.reference, top=args.top,
                                 min_count=args.min_count, settings=match_settings_of(args))
    return emit_table(table, args,
                      provenance=provenance(corpus=corpus, lexicon=lexicon,
                                            settings=match_settings_of(args).as_dict(),
                                            command="lexicon expand"))


def _list(args) -> int:
    import pandas as pd

    from frameshift.lexicon import bundled_lexicons, read_lexicon

    rows = []
    for name in bundled_lexicons():
        lex = read_lexicon(name)
        rows.append({"name": lex.name, "version": lex.version, "categories": len(lex),
                     "patterns": sum(len(c.patterns) for c in lex),
                     "description": " ".join(lex.description.split())})
    table = pd.DataFrame(rows, columns=["name", "version", "categories", "patterns",
                                        "description"])
    return emit_table(table, args)


def _convert(args) -> int:
    from frameshift.files import check_output_path
    from frameshift.lexicon import read_lexicon, write_lexicon
    from frameshift.lexicon.formats import WRITE_SUFFIXES

    levels = None
    if args.levels is not None:
        try:
            levels = [int(x) for x in args.levels.split(",") if x.strip()]
        except ValueError:
            levels = []
        if not levels or min(levels) < 1:
            from frameshift.errors import OptionError

            raise OptionError(f"--levels {args.levels}: give whole numbers of 1 or more, "
                              f"separated by commas (1 = top level), e.g. --levels 1,2.")
    lexicon = read_lexicon(args.lexicon, levels=levels, encoding=args.encoding)
    out = Path(args.out)
    src = lexicon.path
    if out.exists() and not args.force:
        raise OutputExistsError(f"{out}: exists. Pass --force to replace it.", path=out)
    # never into the lexicon it reads, nor into the bundled corpora
    check_output_path(out, force=True, inputs=[src] if src else ())
    if out.suffix.lower() not in WRITE_SUFFIXES:
        from frameshift.errors import OptionError

        raise OptionError(f"{out}: cannot tell the output format from the extension "
                          f"{out.suffix!r}; use one of {', '.join(WRITE_SUFFIXES)}.")
    fmt = "quanteda" if args.format == "quanteda" else None
    if fmt and out.suffix.lower() not in (".yml", ".yaml"):
        from frameshift.errors import OptionError

        raise OptionError(f"--format quanteda writes YAML: give --out a .yml file, not "
                          f"{out.name}.")
    write_lexicon(lexicon, out, format=fmt)
    return 0
