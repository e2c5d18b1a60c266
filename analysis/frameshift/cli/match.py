"""``frameshift count|hits|kwic``: apply a lexicon to a corpus and print a CSV table.

``count`` prints counts per group and category (long form, zeros included), ``hits`` one row
per match with character offsets into the source, ``kwic`` keywords in context. All three use
the same matching engine and options, so their numbers agree.
"""

from __future__ import annotations

from ._common import (add_corpus_options, add_lexicon_option, add_match_options,
                      add_output_options, emit_columns, emit_table, int_at_most, load_corpus, load_lexicon,
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
    corpus = load_corpus(args)
    lexicon = load_lexicon(args)
    by = [c.strip() for c in args.by.split(",") if c.strip()]
    settings = match_settings_of(args)
    columns = _plain_count(corpus, lexicon, by, settings, args)
    if columns is not None:
        return emit_columns(columns, args, provenance=_provenance(corpus, lexicon, args, by=by))
    from frameshift.matching import count_matches

    table = count_matches(corpus, lexicon, by=by, settings=settings)
    return emit_table(table, args, provenance=_provenance(corpus, lexicon, args, by=by))


def _plain_count(corpus, lexicon, by, settings, args):
    """``count_matches(corpus, lexicon, by=by, settings=settings)`` as ``{column: values}``,
    without pandas, for a corpus read by :func:`~frameshift.corpus.readers.read_plain_csv`
    (its statements still lists), one ``--by`` column of text (statement_id or actor), no
    lemmas and no pattern bound to a language, written as CSV; None otherwise (then
    count_matches gives the table). The same values, rows and ShortTextWarning
    (``_count_frame`` and ``_warn_short_groups`` of the engine, on lists)."""
    out = getattr(args, "out", None)
    if getattr(corpus, "_columns", None) is None or corpus._frame is not None or \
            len(by) != 1 or by[0] not in ("statement_id", "actor") or \
            settings.lemmas is not None or \
            (out and str(out).lower().endswith((".parquet", ".xlsx"))):
        return None
    import numpy as np

    from frameshift.corpus.model import corpus_tokens
    from frameshift.matching.engine import compile_lexicon, count_table, group_count_columns
    from frameshift.matching.shortness import warn_short

    tokens = corpus_tokens(corpus, settings.tokenizer)
    comp = compile_lexicon(lexicon, tokens, case_sensitive=settings.case_sensitive,
                           negators=settings.negators)
    categories = [str(c) for c in comp.lexicon.category_ids]
    keys = corpus._column(by[0])
    if any(p.language for _, p in comp.patterns) or \
            any("\r" in v for v in categories) or any(k is not None and "\r" in k for k in keys):
        return None  # by_language's counts; a carriage return (csv_bytes quotes all text)
    counts, neg = count_table(comp, tokens, corpus._column("text"), settings)
    index: dict = {}
    codes = np.fromiter((index.setdefault(k, len(index)) for k in keys), np.int64,
                        count=len(keys))
    G, K = len(index), len(categories)
    groups = list(index)
    columns = {by[0]: [g for g in groups for _ in range(K)],
               **group_count_columns(categories, codes, G, tokens, counts, neg)}
    columns["category"] = categories * G
    short = columns["short_text"][::K] if K else np.zeros(0, bool)
    warn_short([str(g) for g, s in zip(groups, short.tolist()) if s], G, what="group",
               stacklevel=3)
    return columns


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
