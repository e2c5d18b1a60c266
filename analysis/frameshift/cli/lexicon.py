"""``frameshift lexicon check|list|convert|expand|validate``: inspect, check, convert and
validate lexicons.

``lexicon convert`` reads any format of ``frameshift.lexicon.LEXICON_FORMATS`` and writes the
one of ``--out``'s extension (``--levels`` keeps chosen nesting levels, as quanteda's
``levels=``).

``lexicon check`` reads a lexicon (every validation problem is an error naming file and line)
and checks it against a corpus: the types each glob matched, near misses (typos such as the
invitation's "instrastructure", which karabakh_framing 0.1.0 missed), categories that matched
nothing, and accepted quality problems of imported dictionaries. One CSV table: check,
category, pattern, type, count, detail. ``lexicon validate sample|report|sensitivity`` is the
hand-validation round trip (issue 14).
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
    _register_validate(lsub)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


# --------------------------------------------------------------------------- lexicon validate
# (issue 14: the coding round trip; sample -> one sheet per coder -> report)


def _register_validate(lsub) -> None:
    v = lsub.add_parser("validate", help="hand-validate a lexicon: coding sheets, report",
                        description="Validate a lexicon by hand. `sample` draws a seeded, "
                                    "stratified sample (matches per category, and sentences "
                                    "without a match for recall) and writes one coding sheet "
                                    "per coder; `report` reads the coded sheets back and gives "
                                    "per category Krippendorff's alpha, precision, recall and "
                                    "F1; `sensitivity` ranks the patterns (or categories) by "
                                    "how much dropping each moves a JSD between two groups.")
    vsub = v.add_subparsers(dest="validate_command", metavar="STEP")
    q = vsub.add_parser("sample", help="write coding sheets (one per coder)",
                        description="Draw the coding sample and write one identical, uncoded "
                                    "sheet per coder into --out-dir (CODER.csv or CODER.xlsx). "
                                    "Coders fill in the code column (1 or 0).")
    q.add_argument("lexicon", nargs="?", default=DEFAULT_LEXICON, metavar="NAME|PATH",
                   help="bundled lexicon name or lexicon file (default: %(default)s)")
    add_corpus_options(q)
    q.add_argument("--per-category", type=nonneg_int, default=20, metavar="N",
                   help="matches drawn per category (default: %(default)s)")
    q.add_argument("--sentences", type=nonneg_int, default=10, metavar="N",
                   help="sentences without a match drawn per category, for recall "
                        "(default: %(default)s)")
    q.add_argument("--window", type=nonneg_int, default=8, metavar="N",
                   help="words of context either side (default: %(default)s)")
    q.add_argument("--seed", type=nonneg_int, default=0, metavar="N",
                   help="seed of the draw (default: %(default)s)")
    q.add_argument("--coders", default="coder1,coder2", metavar="NAMES",
                   help="comma-separated coder names, one sheet each (default: %(default)s)")
    q.add_argument("--out-dir", required=True, metavar="DIR", help="folder for the sheets")
    q.add_argument("--format", choices=("csv", "xlsx"), default="csv",
                   help="sheet format (xlsx needs the io extra; default: %(default)s)")
    q.add_argument("--force", action="store_true", help="replace existing sheets")
    add_match_options(q)
    q.set_defaults(func=_validate_sample)
    q = vsub.add_parser("report", help="alpha, precision, recall and F1 from coded sheets",
                        description="Read two or more coded sheets (coders named by file "
                                    "name) and write the validation report: one row per "
                                    "category and `all`. Columns: category, matches_coded, "
                                    "sentences_coded, coders, agreement, alpha, alpha_low, "
                                    "alpha_high, disagreements, tp, fp, fn, precision, "
                                    "precision_low, precision_high, recall, recall_low, "
                                    "recall_high, f1.")
    q.add_argument("sheets", nargs="+", metavar="SHEET", help="coded sheets (.csv or .xlsx)")
    q.add_argument("--adjudicator", metavar="CODER",
                   help="coder whose code settles a tie for the gold (default: the first)")
    q.add_argument("--n-boot", type=nonneg_int, default=1000, metavar="N",
                   help="bootstrap replicates for alpha's interval (default: %(default)s)")
    q.add_argument("--seed", type=nonneg_int, default=0, metavar="N")
    q.add_argument("--allow-blank", action="store_true",
                   help="treat blank codes as missing instead of an error")
    q.add_argument("--figure", metavar="FILE.png",
                   help="also draw the report (precision and recall per category) to FILE")
    add_output_options(q)
    q.set_defaults(func=_validate_report)
    q = vsub.add_parser("sensitivity", help="which patterns carry a result",
                        description="Leave each pattern (or category) out in turn, match "
                                    "again, and rank by the change of the JSD between the "
                                    "category profiles of two groups. Columns: rank, dropped, "
                                    "category, pattern, matches_before, matches_after, "
                                    "matches_change, measure_before, measure_after, "
                                    "measure_change.")
    q.add_argument("lexicon", nargs="?", default=DEFAULT_LEXICON, metavar="NAME|PATH",
                   help="bundled lexicon name or lexicon file (default: %(default)s)")
    add_corpus_options(q)
    q.add_argument("--by", default="actor", metavar="COLUMN",
                   help="statement column of the groups (default: %(default)s)")
    q.add_argument("--between", required=True, nargs=2, metavar=("A", "B"),
                   help="the two groups compared")
    q.add_argument("--unit", choices=("pattern", "category"), default="pattern",
                   help="leave out one pattern or one category at a time (default: %(default)s)")
    q.add_argument("--once-per-clause", action="store_true",
                   help="count a category once per clause (drop_repeats) before measuring")
    add_match_options(q)
    add_output_options(q)
    q.set_defaults(func=_validate_sensitivity)
    v.set_defaults(func=lambda args: (v.print_help(), 2)[1])


def _validate_sample(args) -> int:
    from frameshift.errors import OptionError
    from frameshift.lexicon import read_lexicon
    from frameshift.measures.validation import (coding_sheet, validation_sample,
                                                write_coding_sheet)

    coders = [c.strip() for c in str(args.coders).split(",") if c.strip()]
    if not coders or len(set(coders)) != len(coders):
        raise OptionError(f"--coders {args.coders!r}: give distinct coder names separated by "
                          "commas, e.g. --coders ana,ben.")
    bad = [c for c in coders if any(ch in c for ch in '/\\:*?"<>|') or c.startswith(".")]
    if bad:
        raise OptionError(f"--coders: {bad[0]!r} cannot be a file name; use letters, digits, "
                          "- and _.")
    lexicon = read_lexicon(args.lexicon)
    corpus = load_corpus(args)
    sample = validation_sample(corpus, lexicon, per_category=args.per_category,
                               sentences_per_category=args.sentences, window=args.window,
                               seed=args.seed, settings=match_settings_of(args))
    sheet = coding_sheet(sample, lexicon)
    out = Path(args.out_dir)
    out.mkdir(parents=True, exist_ok=True)
    targets = [out / f"{c}.{args.format}" for c in coders]
    existing = [t for t in targets if t.exists()]
    if existing and not args.force:
        raise OutputExistsError(f"{existing[0]}: exists. Pass --force to replace it.",
                                path=existing[0])
    for t in targets:
        write_coding_sheet(sheet, t, force=True)
    n_m = int((sample["kind"] == "match").sum())
    print(f"{len(sample)} units ({n_m} matches, {len(sample) - n_m} sentences without a "
          f"match) in {len(targets)} sheet(s): {', '.join(map(str, targets))}")
    return 0


def _validate_report(args) -> int:
    from frameshift.errors import OptionError
    from frameshift.measures.validation import read_coding_sheets, validation_report

    if len(args.sheets) < 1:
        raise OptionError("report needs coded sheets.")
    sheets = read_coding_sheets(args.sheets, allow_blank=args.allow_blank)
    table = validation_report(sheets, adjudicator=args.adjudicator, n_boot=args.n_boot,
                              seed=args.seed)
    if args.figure:
        from frameshift.plotting import plot_validation, save_figure

        ax = plot_validation(table)
        save_figure(ax, args.figure, force=args.force)
    return emit_table(table, args, provenance={"command": "lexicon validate report",
                                               "sheets": [str(s) for s in args.sheets],
                                               "adjudicator": args.adjudicator,
                                               "n_boot": args.n_boot, "seed": args.seed},
                      inputs=tuple(args.sheets))


def _validate_sensitivity(args) -> int:
    from frameshift.files import provenance
    from frameshift.lexicon import read_lexicon
    from frameshift.measures.sensitivity import leave_one_out
    from frameshift.measures.validation import drop_repeats

    lexicon = read_lexicon(args.lexicon)
    corpus = load_corpus(args)
    settings = match_settings_of(args)
    table = leave_one_out(corpus, lexicon, unit=args.unit, by=args.by,
                          between=tuple(args.between), settings=settings,
                          filter=(lambda m: drop_repeats(m, corpus))
                          if args.once_per_clause else None)
    return emit_table(table, args,
                      provenance=provenance(corpus=corpus, lexicon=lexicon,
                                            settings=settings.as_dict(),
                                            command="lexicon validate sensitivity"))


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
