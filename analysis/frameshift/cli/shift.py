"""``frameshift shift | keyness | ntr``: framing shifts, distinctive terms, novelty/resonance."""

from __future__ import annotations

import sys
import warnings

from frameshift.errors import OptionError
from ._common import (add_corpus_options, add_group_options, add_lexicon_option,
                      add_match_options, add_output_options, emit_table, int_at_most,
                      load_corpus, load_lexicon, match_settings_of, positive_int)

__all__ = ["register"]


def register(sub) -> None:
    """Register the ``shift``, ``keyness`` and ``ntr`` sub-commands."""
    p = sub.add_parser(
        "shift", help="framing shift between statements (JSD, rates, uptake, intervals)",
        description="Compare the frame profiles of pairs of statements: per category the rate "
        "difference (per 1,000 tokens) and log ratio; over the profile the Jensen-Shannon "
        "divergence (bits) and cosine distance; uptake, introduced and dropped frames. "
        "Intervals (sentences as units; method or reason for none in ci_method; none below 3 "
        "sentences a statement): score (Miettinen-Nurminen) rate difference, conditional "
        "Poisson log ratio, noncentral chi-square JSD and bootstrap JSD contributions from 25 "
        "matches, none for the cosine; p: permutation of sentences between the two statements "
        "(randomised tie-break from 3 sentences a side; p_exact: the conservative one), "
        "p_adjusted: BH of p within each measure. Columns: from,to,measure,category,value,"
        "ci_low,ci_high,ci_method,p,p_exact,p_adjusted,short_text.")
    add_corpus_options(p)
    add_lexicon_option(p)
    p.add_argument("--from", dest="from_id", metavar="ID", help="statement id of A")
    p.add_argument("--to", dest="to_id", metavar="ID", help="statement id of B")
    p.add_argument("--pairs", choices=("consecutive", "all"), default="consecutive",
                   help="pairs to compare when --from/--to are not given: each statement and "
                        "the next in date order, or every earlier -> later pair "
                        "(default: %(default)s)")
    p.add_argument("--within-actor", action="store_true",
                   help="only pair statements of the same actor")
    p.add_argument("--seed", type=int_at_most(2**32 - 1), default=0, help="random seed (default: %(default)s)")
    p.add_argument("--n-boot", type=_nonneg_int, default=2000, metavar="N",
                   help="bootstrap resamples, 0 to skip (default: %(default)s)")
    p.add_argument("--n-perm", type=_nonneg_int, default=2000, metavar="N",
                   help="permutations, 0 to skip (default: %(default)s)")
    p.add_argument("--exclude-negated", action="store_true",
                   help="do not count negated matches")
    add_match_options(p)
    add_output_options(p)
    p.set_defaults(func=_shift)

    k = sub.add_parser(
        "keyness", help="distinctive terms of a group (Fightin' Words, G2, chi2, log ratio)",
        description="Rank the terms that distinguish the statements with --by == --target from "
        "a reference group (or the rest of the corpus). Score: z for Fightin' Words, signed G2 "
        "or chi2, log2 ratio. p (two-sided) is document-level by default: the score "
        "recomputed with the statements of the two groups relabelled at random (column test); "
        "p_token is the token-level test, which treats words as independent; p_adjusted and "
        "p_token_adjusted are Benjamini-Hochberg. log_ratio with ci_low/ci_high: the effect "
        "size, with an interval that takes documents as clusters. A group with fewer than 3 "
        "statements is short_text (no document-level p or interval). Sorted by score, "
        "highest first.")
    add_corpus_options(k)
    add_group_options(k)
    k.add_argument("--method", default="fightin-words",
                   choices=("fightin-words", "g2", "chi2", "log-ratio"),
                   help="statistic (default: %(default)s)")
    k.add_argument("--top", type=_nonneg_int, metavar="N", help="keep the N highest scores")
    k.add_argument("--prior", default="corpus", metavar="corpus|uniform|X",
                   help="Fightin' Words prior: corpus counts (default), 'uniform' (0.01) or a "
                        "number for a uniform prior")
    k.add_argument("--alpha0", type=float, metavar="X",
                   help="rescale the Fightin' Words prior to sum to X pseudo-tokens")
    k.add_argument("--g2-cells", type=int, choices=(2, 4), default=4,
                   help="G2 over the 4 cells of the 2x2 table (default) or the term's 2 cells")
    k.add_argument("--yates", action="store_true", help="Yates' correction for chi2")
    k.add_argument("--min-count", type=_nonneg_int, default=1, metavar="N",
                   help="report terms seen at least N times in both groups together "
                        "(default: %(default)s)")
    k.add_argument("--stop-words", default="english", metavar="english|none|FILE",
                   help="leave these terms out of the table (not out of the model): the "
                        "English list (default), none, or a file with one word per line")
    k.add_argument("--inference", choices=("document", "token"), default="document",
                   help="what p is: statements relabelled at random (default) or the "
                        "token-level test (words as independent draws)")
    k.add_argument("--n-perm", type=_nonneg_int, default=9999, metavar="N",
                   help="relabellings for the document-level p (default: %(default)s)")
    k.add_argument("--seed", type=int_at_most(2**32 - 1), default=0, metavar="N",
                   help="random seed of the relabellings (default: %(default)s)")
    add_output_options(k)
    k.set_defaults(func=_keyness)

    n = sub.add_parser(
        "ntr", help="novelty, transience, resonance of statements in date order",
        description="Novelty, transience and resonance (Barron et al. 2018): mean KL "
        "divergence (bits) of each statement's distribution from the previous / next "
        "--window statements, over lexicon categories or (--terms K) the K most frequent "
        "content terms. NaN where the window is not full.")
    add_corpus_options(n)
    add_lexicon_option(n)
    n.add_argument("--terms", type=_nonneg_int, metavar="K",
                   help="use the K most frequent content terms instead of the lexicon")
    n.add_argument("--window", type=positive_int, default=1, metavar="W",
                   help="window (default: %(default)s)")
    n.add_argument("--smoothing", type=float, default=0.5, metavar="S",
                   help="pseudo-count added to every category (default: %(default)s)")
    add_match_options(n)
    add_output_options(n)
    n.set_defaults(func=_ntr)


def _nonneg_int(text: str) -> int:
    import argparse

    try:
        v = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if v < 0:
        raise argparse.ArgumentTypeError(f"expected 0 or more, got {v}")
    return v


def _report_warnings(caught) -> None:
    seen = set()
    for w in caught:
        msg = str(w.message)
        if msg not in seen:
            seen.add(msg)
            print(f"frameshift: warning: {msg}", file=sys.stderr)


def _shift(args) -> int:
    from frameshift.files import provenance
    from frameshift.measures.shifts import shift

    if (args.from_id is None) != (args.to_id is None):
        raise OptionError("--from and --to go together: give both statement ids, or neither "
                          "(then --pairs decides).")
    corpus = load_corpus(args)
    lexicon = load_lexicon(args)
    pairs = [(args.from_id, args.to_id)] if args.from_id is not None else args.pairs
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        table = shift(corpus, lexicon, pairs=pairs, within_actor=args.within_actor,
                      include_negated=not args.exclude_negated, n_boot=args.n_boot,
                      n_perm=args.n_perm, seed=args.seed, settings=match_settings_of(args))
    _report_warnings(caught)
    settings = {"pairs": pairs, "within_actor": args.within_actor, "seed": args.seed,
                "n_boot": args.n_boot, "n_perm": args.n_perm,
                "include_negated": not args.exclude_negated,
                "matching": match_settings_of(args).as_dict()}
    return emit_table(table, args, provenance=provenance(corpus=corpus, lexicon=lexicon,
                                                          settings=settings,
                                                          command="shift"),
                      inputs=(args.corpus, args.lexicon))


def _parse_prior(text):
    if text in ("corpus", "uniform"):
        return text
    try:
        value = float(text)
    except ValueError:
        raise OptionError(f"--prior {text!r}: use 'corpus', 'uniform' or a positive number "
                          "such as 0.01.") from None
    if not value > 0:
        raise OptionError(f"--prior {text!r}: a uniform prior must be positive, e.g. 0.01.")
    return value


def _stop_words(value):
    """``--stop-words``: "english", "none", or a file of words (one a line, # comments)."""
    from pathlib import Path

    from frameshift.errors import OptionError
    from frameshift.files import read_text_file

    if value.lower() == "english":
        return "english"
    if value.lower() == "none":
        return None
    if not Path(value).is_file():
        raise OptionError(f"--stop-words {value}: not 'english', 'none' or an existing file of "
                          "words (one per line).")
    return [w.strip() for w in read_text_file(value).splitlines()
            if w.strip() and not w.lstrip().startswith("#")]


def _keyness(args) -> int:
    from frameshift.files import provenance
    from frameshift.measures.key_terms import keyness

    prior = _parse_prior(args.prior)
    corpus = load_corpus(args)
    table = keyness(corpus, by=args.by, target=args.target, reference=args.reference,
                    method=args.method, prior=prior, alpha0=args.alpha0, cells=args.g2_cells,
                    yates=args.yates, min_count=args.min_count, top=args.top,
                    stop_words=_stop_words(args.stop_words), inference=args.inference,
                    n_perm=args.n_perm, seed=args.seed)
    settings = {"by": args.by, "target": args.target, "reference": args.reference,
                "stop_words": args.stop_words,
                "method": args.method, "prior": args.prior, "alpha0": args.alpha0,
                "g2_cells": args.g2_cells, "yates": args.yates, "min_count": args.min_count,
                "top": args.top, "inference": args.inference, "n_perm": args.n_perm,
                "seed": args.seed}
    return emit_table(table, args, provenance=provenance(corpus=corpus, settings=settings,
                                                          command="keyness"),
                      inputs=(args.corpus,))


def _ntr(args) -> int:
    from frameshift.files import provenance
    from frameshift.measures.sequence import ntr

    corpus = load_corpus(args)
    lexicon = None
    if args.terms:
        from frameshift.measures.key_terms import term_counts

        counts = term_counts(corpus, top_k=args.terms)
    else:
        from frameshift.matching import count_matches

        lexicon = load_lexicon(args)
        counts = count_matches(corpus, lexicon, by="statement_id",
                               settings=match_settings_of(args))
    table = ntr(counts, by="statement_id", window=args.window, smoothing=args.smoothing,
                order=corpus.statements["statement_id"].astype(str).tolist())
    st = corpus.statements.set_index(corpus.statements["statement_id"].astype(str))
    table.insert(1, "actor", st.loc[table["statement_id"], "actor"].to_numpy())
    table.insert(2, "date", st.loc[table["statement_id"], "date"].to_numpy())
    settings = {"terms": args.terms, "window": args.window, "smoothing": args.smoothing}
    return emit_table(table, args, provenance=provenance(corpus=corpus, lexicon=lexicon,
                                                          settings=settings, command="ntr"),
                      inputs=(args.corpus,))
