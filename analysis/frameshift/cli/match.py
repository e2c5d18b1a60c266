"""``frameshift count|hits|kwic``: apply a lexicon to a corpus and print a CSV table.

``count`` prints counts per group and category (long form, zeros included), ``hits`` one row
per match with character offsets into the source, ``kwic`` keywords in context. All three use
the same matching engine and options, so their numbers agree.
"""

from __future__ import annotations

from frameshift.matching.engine import MatchSettings, count_matches, find_matches
from ._common import (add_corpus_options, add_lexicon_option, add_output_options, emit_table,
                      int_at_most, load_corpus, load_lexicon)

__all__ = ["register"]


def _add_match_options(p) -> None:
    g = p.add_argument_group("matching")
    g.add_argument("--case-sensitive", action="store_true",
                   help="match case as written (default: case-insensitive)")
    g.add_argument("--nested-scope", choices=("key", "dictionary"), default="key",
                   help="longest match wins within each category (key, default) or across "
                        "the whole lexicon (dictionary)")
    g.add_argument("--cross-sentences", action="store_true",
                   help="let multi-word patterns match across sentence boundaries")
    g.add_argument("--negation-window", type=int_at_most(50), default=3, metavar="N",
                   help="words before a match searched for a negator (default: %(default)s)")


def _options(args) -> dict:
    return {"case_sensitive": args.case_sensitive, "nested_scope": args.nested_scope,
            "cross_sentences": args.cross_sentences, "negation_window": args.negation_window}


def register(sub) -> None:
    specs = (
        ("count", "count lexicon matches per group and category",
         "Count matches per group (--by) and category: long form with zeros; columns: the "
         "--by columns, category, count, negated, tokens, per_1000, share."),
        ("hits", "one row per match, with character offsets into the source",
         "List every match: statement_id, actor, date, category, pattern, match, token_start, "
         "token_end, char_start, char_end (in the source document), source_id, sentence, "
         "negated."),
        ("kwic", "keywords in context for a pattern or category",
         "Keywords in context: left, keyword, right, statement_id, actor, category, pattern, "
         "char_start, char_end, negated."),
    )
    for name, helptext, desc in specs:
        p = sub.add_parser(name, help=helptext, description=desc)
        if name == "kwic":
            p.add_argument("pattern", metavar="PATTERN",
                           help="a category id of the lexicon, or a pattern such as 'coerc*' "
                                "or 'internationally established {0,2} format'")
            p.add_argument("--window", type=int_at_most(1000), default=5, metavar="N",
                           help="words of context on each side (default: %(default)s)")
        add_corpus_options(p)
        add_lexicon_option(p)
        if name == "count":
            p.add_argument("--by", default="actor", metavar="COLS",
                           help="comma-separated statement columns to group by, e.g. actor, "
                                "statement_id, doc_id, Party (default: %(default)s)")
        _add_match_options(p)
        add_output_options(p)
        p.set_defaults(func={"count": _count, "hits": _hits, "kwic": _kwic}[name])


def _provenance(corpus, lexicon, args, **extra) -> dict:
    from frameshift.files import provenance

    opts = _options(args)
    settings = MatchSettings(**opts).as_dict()
    return provenance(corpus=corpus, lexicon=lexicon, settings=settings,
                      command=args.command, **extra)


def _count(args) -> int:
    corpus = load_corpus(args)
    lexicon = load_lexicon(args)
    by = [c.strip() for c in args.by.split(",") if c.strip()]
    table = count_matches(corpus, lexicon, by=by, **_options(args))
    return emit_table(table, args, provenance=_provenance(corpus, lexicon, args, by=by))


def _hits(args) -> int:
    corpus = load_corpus(args)
    lexicon = load_lexicon(args)
    table = find_matches(corpus, lexicon, **_options(args))
    table["date"] = table["date"].dt.strftime("%Y-%m-%d")
    return emit_table(table, args, provenance=_provenance(corpus, lexicon, args))


def _kwic(args) -> int:
    from frameshift.matching.concordance import kwic

    corpus = load_corpus(args)
    lexicon = load_lexicon(args)
    table = kwic(corpus, args.pattern, window=args.window, lexicon=lexicon, **_options(args))
    return emit_table(table, args, provenance=_provenance(corpus, lexicon, args,
                                                          pattern=args.pattern,
                                                          window=args.window))
