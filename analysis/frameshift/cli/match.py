"""``frameshift count|hits|kwic``: apply a lexicon to a corpus and print a CSV table.

``count`` prints counts per group and category (long form, zeros included), ``hits`` one row
per match with character offsets into the source, ``kwic`` keywords in context. All three use
the same matching engine and options, so their numbers agree.
"""

from __future__ import annotations

from ._common import (add_corpus_options, add_lexicon_option, add_match_options,
                      add_output_options, emit_table, int_at_most, load_corpus, load_lexicon,
                      match_settings_of)

__all__ = ["register"]


def register(sub) -> None:
    specs = (
        ("count", "count lexicon matches per group and category",
         "Count matches per group (--by) and category: long form with zeros; columns: the "
         "--by columns, category, count, negated, tokens, per_1000, share."),
        ("hits", "one row per match, with character offsets into the source",
         "List every match: statement_id, actor, date, category, pattern, match, token_start, "
         "token_end, char_start, char_end (in the source document), source_id, sentence, "
         "negated."),
        ("kwic", "keywords in context for a word, phrase or glob (or --category ID)",
         "Keywords in context: left, keyword, right, statement_id, actor, category, pattern, "
         "char_start, char_end, negated."),
    )
    for name, helptext, desc in specs:
        p = sub.add_parser(name, help=helptext, description=desc)
        if name == "kwic":
            p.add_argument("pattern", metavar="PATTERN", nargs="?",
                           help="a word, phrase or glob, always taken literally (as in "
                                "Python's kwic): 'coercion', 'coerc*', 'internationally "
                                "established {0,2} format'")
            p.add_argument("--category", metavar="ID",
                           help="instead of PATTERN: the matches of this category of "
                                "--lexicon, as counted")
            p.add_argument("--window", type=int_at_most(1000), default=5, metavar="N",
                           help="words of context on each side (default: %(default)s)")
        add_corpus_options(p)
        add_lexicon_option(p)
        if name == "count":
            p.add_argument("--by", default="actor", metavar="COLS",
                           help="comma-separated statement columns to group by, e.g. actor, "
                                "statement_id, doc_id, Party (default: %(default)s)")
        add_match_options(p)
        add_output_options(p)
        p.set_defaults(func={"count": _count, "hits": _hits, "kwic": _kwic}[name])


def _provenance(corpus, lexicon, args, **extra) -> dict:
    from frameshift.files import provenance

    settings = match_settings_of(args).as_dict()
    return provenance(corpus=corpus, lexicon=lexicon, settings=settings,
                      command=args.command, **extra)


def _count(args) -> int:
    from frameshift.matching import count_matches

    corpus = load_corpus(args)
    lexicon = load_lexicon(args)
    by = [c.strip() for c in args.by.split(",") if c.strip()]
    table = count_matches(corpus, lexicon, by=by, settings=match_settings_of(args))
    return emit_table(table, args, provenance=_provenance(corpus, lexicon, args, by=by))


def _hits(args) -> int:
    from frameshift.matching import find_matches

    corpus = load_corpus(args)
    lexicon = load_lexicon(args)
    table = find_matches(corpus, lexicon, settings=match_settings_of(args))
    table["date"] = table["date"].dt.strftime("%Y-%m-%d")
    return emit_table(table, args, provenance=_provenance(corpus, lexicon, args))


def _kwic(args) -> int:
    from frameshift.matching.concordance import kwic

    corpus = load_corpus(args)
    lexicon = load_lexicon(args)
    table = kwic(corpus, args.pattern, category=args.category, window=args.window,
                 lexicon=lexicon, settings=match_settings_of(args))
    return emit_table(table, args, provenance=_provenance(corpus, lexicon, args,
                                                          pattern=args.pattern,
                                                          category=args.category,
                                                          window=args.window))
